#include "hostile_cases.hpp"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "../render/hostile_images.hpp"

namespace annae::hostile {
namespace {

namespace fs = std::filesystem;
using annae::test::huge_svg;
using annae::test::jpeg_bytes;
using annae::test::png_bytes;
using annae::test::scan_bomb;
using annae::test::with_bad_crc;
using annae::test::with_comments;

void write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string image_slide(const std::string& file) { return "kind = \"image\"\nfile = \"" + file + "\"\n"; }

const std::string svg_square = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20000\" height=\"20000\">"
                               "<rect width=\"20000\" height=\"20000\" fill=\"#4FC3F7\"/></svg>\n";

std::string agenda_rows(std::size_t n) {
  std::string s = "kind = \"agenda\"\ntitle = \"세미나 일정\"\n";
  for (std::size_t i = 0; i < n; ++i)
    s += "[[rows]]\nstart = \"14:00\"\nend = \"14:05\"\ntitle = \"개회사\"\n";
  return s;
}

std::vector<std::string> g_outside_links;

void link_out(const fs::path& target, const fs::path& link, const fs::path& show) {
  fs::create_symlink(target, link);
  g_outside_links.push_back(link.lexically_relative(show).generic_string());
}

std::vector<Case> make_cases() {
  return {
      // ---- ways out of the folder -------------------------------------------------
      {"slide-link-passwd",  // a slide file that is a link to /etc/passwd
       [](const fs::path& show, const fs::path&) { link_out("/etc/passwd", show / "070-passwd.toml", show); }, 2,
       "070-passwd.toml: error: this file is a link to a file outside the show folder", ""},
      {"show-toml-link-shadow",  // show.toml replaced by a link to /etc/shadow
       [](const fs::path& show, const fs::path&) {
         fs::remove(show / "show.toml");
         link_out("/etc/shadow", show / "show.toml", show);
       },
       2, "show.toml: error: this file is a link to a file outside the show folder", ""},
      {"slide-link-outside-valid",  // a link to another folder's perfectly valid slide
       [](const fs::path& show, const fs::path& outside) { link_out(outside / "070-agenda.toml", show / "070-agenda.toml", show); },
       2, "070-agenda.toml: error: this file is a link to a file outside the show folder", ""},
      {"font-path",  // a font setting naming /etc/shadow
       [](const fs::path& show, const fs::path&) {
         write(show / "show.toml", read(show / "show.toml") + "\n[theme.fonts]\nbody = \"/etc/shadow\"\n");
       },
       1, "is a file name; write a font family name", ""},
      {"image-folder-link-etc",  // an image folder that is a link to /etc, with a misspelt name
       [](const fs::path& show, const fs::path&) {
         link_out("/etc", show / "photos", show);
         write(show / "070-photo.toml", image_slide("photos/passwdd"));
       },
       2, "070-photo.toml:2:8: error: image \"photos/passwdd\" is a link to a file outside the show folder", "did you mean"},
      {"folder-link-to-root",  // a folder that is a link to / : nothing walks the whole disk
       [](const fs::path& show, const fs::path&) {
         link_out("/", show / "photos", show);
         write(show / "070-photo.toml", image_slide("photos/etc/passwd"));
       },
       2, "070-photo.toml:2:8: error: image \"photos/etc/passwd\" is a link to a file outside the show folder", ""},
      {"include-loop",  // include = ["loop"] where loop links back to the show itself
       [](const fs::path& show, const fs::path&) {
         write(show / "show.toml", "include = [\"loop\"]\n" + read(show / "show.toml"));
         fs::create_symlink(".", show / "loop");
       },
       2, "is this folder itself (a link back to it), so the show would play itself", ""},
      {"fifo",  // a named pipe called like a slide: never waited on
       [](const fs::path& show, const fs::path&) { ::mkfifo((show / "070-pipe.toml").c_str(), 0644); }, 2,
       "070-pipe.toml: error: this is a special file (a pipe, device or socket)", ""},
      {"device",  // a device node (only root can make one; the suite runs as root in CI)
       [](const fs::path& show, const fs::path&) {
         if (::mknod((show / "070-zero.toml").c_str(), S_IFCHR | 0644, makedev(1, 5)) != 0)
           ::mkfifo((show / "070-zero.toml").c_str(), 0644);  // not root: a FIFO stands in
       },
       2, "070-zero.toml: error: this is a special file (a pipe, device or socket)", ""},

      // ---- pathological TOML --------------------------------------------------------
      {"deep-dotted-key",  // a.a.a… 20 000 levels deep: crashed the parser (stack overflow)
       [](const fs::path& show, const fs::path&) { write(show / "070-deep.toml", repeat("a.", 20000) + "a = 1\n"); }, 2,
       "070-deep.toml:1:", ""},
      {"deep-table-header",  // [a.a.a…] 20 000 levels deep
       [](const fs::path& show, const fs::path&) { write(show / "070-deep.toml", "[" + repeat("a.", 20000) + "a]\nx = 1\n"); },
       2, "070-deep.toml:1:", ""},
      {"deep-inline",  // x = [[[[… 50 000 deep
       [](const fs::path& show, const fs::path&) {
         write(show / "070-deep.toml", "x = " + repeat("[", 50000) + repeat("]", 50000) + "\n");
       },
       2, "070-deep.toml:1:", ""},

      // ---- images: bombs, damage, false alarms ----------------------------------------
      {"svg-bomb-as-png",  // an SVG declaring 20000×20000, saved as .png
       [](const fs::path& show, const fs::path&) {
         write(show / "square.png", svg_square);
         write(show / "070-photo.toml", image_slide("square.png"));
       },
       -1, "", ""},
      {"svg-bomb",  // the same as .svg
       [](const fs::path& show, const fs::path&) {
         write(show / "square.svg", svg_square);
         write(show / "070-photo.toml", image_slide("square.svg"));
       },
       -1, "", ""},
      {"svg-huge",  // 31 MiB, 560 000 lines of paths: under the file limit, minutes to parse
       [](const fs::path& show, const fs::path&) {
         write(show / "map.svg", huge_svg(31u * 1024 * 1024));
         write(show / "070-photo.toml", image_slide("map.svg"));
       },
       2, "070-photo.toml:2:8: error:", ""},
      {"jpeg-scan-bomb",  // a progressive JPEG whose smallest scan is repeated 3 000 times
       [](const fs::path& show, const fs::path&) {
         write(show / "bomb.jpg", scan_bomb(3000, 3000, 3000));
         write(show / "070-photo.toml", image_slide("bomb.jpg"));
       },
       2, "070-photo.toml:2:8: error:", ""},
      {"png-truncated",  // a PNG cut off halfway (a USB stick pulled out)
       [](const fs::path& show, const fs::path&) {
         const std::string png = png_bytes(640, 480);
         write(show / "photo.png", png.substr(0, png.size() / 2));
         write(show / "070-photo.toml", image_slide("photo.png"));
       },
       2, "070-photo.toml:2:8: error:", ""},
      {"png-bad-crc",  // a PNG whose picture data fails its checksum
       [](const fs::path& show, const fs::path&) {
         write(show / "photo.png", with_bad_crc(png_bytes(640, 480)));
         write(show / "070-photo.toml", image_slide("photo.png"));
       },
       2, "070-photo.toml:2:8: error:", ""},
      {"svg-long-comment",  // a valid SVG with a 5 KB comment before <svg>: not an error
       [](const fs::path& show, const fs::path&) {
         write(show / "logo.svg", "<?xml version=\"1.0\"?>\n<!-- " + repeat("세종컨벤션센터 ", 300) +
                                      " -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\">"
                                      "<rect width=\"400\" height=\"300\" fill=\"#4FC3F7\"/></svg>\n");
         write(show / "070-photo.toml", image_slide("logo.svg"));
       },
       0, "", "070-photo.toml"},
      {"jpeg-many-segments",  // a valid JPEG with 2 000 comment segments before its frame: not an error
       [](const fs::path& show, const fs::path&) {
         write(show / "photo.jpg", with_comments(jpeg_bytes(64, 48, false), 2000));
         write(show / "070-photo.toml", image_slide("photo.jpg"));
       },
       0, "", "070-photo.toml"},

      // ---- more work than a slide can take --------------------------------------------
      {"one-word-paragraph",  // a paragraph that is one 900 KB word
       [](const fs::path& show, const fs::path&) {
         write(show / "070-text.toml", "kind = \"text\"\ntitle = \"균형발전\"\nparagraphs = [\"" + repeat("가", 300000) + "\"]\n");
       },
       2, "070-text.toml:3:", ""},
      {"agenda-rows",  // 26 000 agenda rows in one file
       [](const fs::path& show, const fs::path&) { write(show / "070-agenda.toml", agenda_rows(15000)); }, 2,
       "070-agenda.toml:", ""},
      {"bullets",  // 100 000 bullets
       [](const fs::path& show, const fs::path&) {
         write(show / "070-text.toml", "kind = \"text\"\ntitle = \"균형발전\"\nbullets = [" + repeat("\"지역\",", 100000) + "]\n");
       },
       2, "070-text.toml:3:", ""},
      {"many-files",  // 20 000 slide files
       [](const fs::path& show, const fs::path&) {
         const std::string slide = read(show / "010-cover.toml");
         for (int i = 0; i < 20000; ++i) write(show / ("5" + std::to_string(10000 + i) + "-cover.toml"), slide);
       },
       2, "files and folders, so it was not read", ""},

      // ---- names and text that would reach a terminal ----------------------------------
      {"control-names",  // slide files whose names hold a newline, ESC or BEL
       [](const fs::path& show, const fs::path&) {
         const std::string slide = read(show / "010-cover.toml");
         write(show / "070-\nnew.toml", slide);
         write(show / "080-\x1b[2Jclear.toml", slide);
         write(show / "090-\abell.toml", slide);
       },
       2, "this file's name holds control characters", "\x1b[2J"},
      {"c1-and-bidi",  // C1 CSI in a key, U+202E in a value, NEL in an image name
       [](const fs::path& show, const fs::path&) {
         write(show / "070-cover.toml", "kind = \"cover\"\ntitle = \"포럼\"\n\"\xc2\x9b" "31mkey\" = 1\nsubtitle = \"\xe2\x80\xae" "abc\"\n"
                                        "logo = \"a\xc2\x85" "b.png\"\n");
       },
       2, "\\u009B31mkey", "\xc2\x9b"},
      {"long-url",  // a contacts url of 5 000 characters
       [](const fs::path& show, const fs::path&) {
         write(show / "070-contacts.toml", "kind = \"contacts\"\ntitle = \"문의\"\nurl = \"https://www.molit.go.kr/" +
                                               repeat("a", 5000) + "\"\n");
       },
       2, "070-contacts.toml:3:", ""},

      // ---- encodings --------------------------------------------------------------------
      {"shift-jis",  // Japanese saved as Shift-JIS: would show as 궋긓겲…
       [](const fs::path& show, const fs::path&) {
         // 「会議のお知らせ」 in Shift-JIS
         write(show / "070-notice.toml", "kind = \"quote\"\ntext = \"\x89\xef\x8b\x63\x82\xcc\x82\xa8\x92\x6d\x82\xe7\x82\xb9\"\n");
       },
       2, "Shift-JIS", ""},
      {"utf16le-no-bom",  // UTF-16 LE without a BOM: read, with a warning that names it
       [](const fs::path& show, const fs::path&) {
         const std::string text = "kind = \"quote\"\ntext = \"균형발전\"\n";
         std::string wide;
         for (std::size_t i = 0; i < text.size();) {  // UTF-8 → UTF-16 LE (BMP only)
           unsigned char c = static_cast<unsigned char>(text[i]);
           char32_t cp = c;
           std::size_t len = 1;
           if (c >= 0xE0) { cp = ((c & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F); len = 3; }
           wide += static_cast<char>(cp & 0xFF);
           wide += static_cast<char>(cp >> 8);
           i += len;
         }
         write(show / "070-quote.toml", wide);
       },
       1, "UTF-16 LE without a BOM", ""},
      {"cp949-bad-byte",  // CP949 with one byte that is no character, on line 4
       [](const fs::path& show, const fs::path&) {
         // 균형발전 in CP949, then a 0x80 on line 4
         write(show / "070-quote.toml", "kind = \"quote\"\ntext = \"\xb1\xd5\xc7\xfc\xb9\xdf\xc0\xfc\"\n\n# \x80\n");
       },
       2, "070-quote.toml:4:", ""},
  };
}

}  // namespace

const std::vector<Case>& cases() {
  static const std::vector<Case> all = make_cases();
  return all;
}

const std::vector<std::string>& outside_link_names() { return g_outside_links; }

void forget_outside_links() { g_outside_links.clear(); }

}  // namespace annae::hostile
