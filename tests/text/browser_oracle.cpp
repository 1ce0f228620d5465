#include "browser_oracle.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/utf8.hpp"
#include "process.hpp"

namespace annae::test {
namespace {

constexpr std::u32string_view full_width_opening = U"「『（［｛〈《【〔〖〘〚｟";
constexpr std::u32string_view full_width_closing = U"」』）］｝〉》】〕〗〙〛｠";
constexpr std::u32string_view ascii_punctuation = U",.!?:;";
constexpr const char* result_prefix = "annae-width ";

bool is_in(std::u32string_view set, char32_t c) { return c != 0 && set.find(c) != std::u32string_view::npos; }

bool is_space(char32_t c) { return c == U' ' || c == U'\u3000' || c == U'\t'; }

void append_escaped(std::string& out, char32_t c) {
  switch (c) {
    case U'<': out += "&lt;"; break;
    case U'>': out += "&gt;"; break;
    case U'&': out += "&amp;"; break;
    default: utf8::append(out, c);
  }
}

std::string page(const std::vector<std::string>& texts, const std::string& family, int size_px) {
  std::ostringstream html;
  html << "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><style>"
       << "body{margin:0;font-family:'" << family << "';font-size:" << size_px << "px}"
       << "div{white-space:pre}.halt{font-feature-settings:\"halt\"}</style></head><body>\n";
  for (const auto& t : texts) html << "<div>" << oracle_html(t) << "</div>\n";
  html << "<script>const out=[];document.querySelectorAll('div').forEach((d,i)=>{"
       << "const r=document.createRange();r.selectNodeContents(d);"
       << "out.push('" << result_prefix << "'+i+' '+r.getBoundingClientRect().width);});"
       << "document.body.insertAdjacentHTML('beforeend','<pre>'+out.join('\\n')+'</pre>');</script></body></html>\n";
  return html.str();
}

}  // namespace

std::string find_chromium() {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (const char* name : {"chromium", "chromium-browser"}) {
    std::istringstream search(dirs.str());
    std::string dir;
    while (std::getline(search, dir, ':')) {
      const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
  }
  return {};
}

std::string oracle_html(std::string_view utf8_text) {
  const std::u32string s = utf8::decode(utf8_text);
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t before = i > 0 ? s[i - 1] : 0;
    const char32_t after = i + 1 < s.size() ? s[i + 1] : 0;
    const bool trimmed = (is_in(full_width_opening, s[i]) && (before == 0 || is_space(before))) ||
                         (is_in(full_width_closing, s[i]) &&
                          (after == 0 || is_space(after) || is_in(ascii_punctuation, after)));
    if (trimmed) out += "<span class=\"halt\">";
    append_escaped(out, s[i]);
    if (trimmed) out += "</span>";
  }
  return out;
}

std::vector<double> browser_widths(const std::string& chromium, const std::vector<std::string>& texts,
                                   const std::string& family, int size_px, std::string& error) {
  const auto dir = std::filesystem::temp_directory_path() / ("annae-browser-oracle-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto html = dir / "widths.html";
  std::ofstream(html) << page(texts, family, size_px);
  const auto log = (dir / "chromium.log").string();
  // --no-sandbox: tests may run as root (CI does). A private profile keeps the user's untouched.
  Process browser({chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--user-data-dir=" + (dir / "profile").string(), "--dump-dom", "file://" + html.string()},
                  {}, log);
  const auto status = browser.wait_for(std::chrono::seconds(20));
  std::vector<double> widths(texts.size(), -1);
  std::istringstream lines(read_text(log));
  std::size_t found = 0;
  for (std::string line; std::getline(lines, line);) {
    const auto at = line.rfind(result_prefix);  // the first result shares its line with the script
    if (at == std::string::npos) continue;
    std::istringstream fields(line.substr(at + std::string_view(result_prefix).size()));
    std::size_t index = 0;
    double width = 0;
    if (fields >> index >> width && index < widths.size()) {
      widths[index] = width;
      ++found;
    }
  }
  if (!std::getenv("ANNAE_KEEP_ORACLE")) std::filesystem::remove_all(dir);  // set it to look at the page and log
  if (found == texts.size()) return widths;
  error = !status ? "chromium did not finish in 20 s" : "chromium answered " + std::to_string(found) + " of " +
                                                            std::to_string(texts.size()) + " widths (exit " +
                                                            std::to_string(*status) + ")";
  return {};
}

}  // namespace annae::test
