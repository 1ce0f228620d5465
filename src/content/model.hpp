#pragma once
// The content model: what a show folder says, validated and resolved.
//
// A Show is immutable once built. The player holds a std::shared_ptr<const Show>
// and swaps it whole, so any thread may read a Show without locking.
//
// Every string a visitor can see is a Text: NFC-normalized UTF-8 (CJK
// compatibility ideographs kept as written) plus the place it was written, so
// later stages (layout: "text cannot fit") can point staff at file:line:col.
// An optional Text that was not given has an empty value.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "content/setting_names.hpp"
#include "content/transition.hpp"
#include "core/confined_dir.hpp"
#include "text/unicode/civil_time.hpp"

namespace annae::content {

// A position in a content file. `path` is relative to the folder given to
// load_show (e.g. "forum-2023/010-cover.toml"); line and column count from 1,
// column in characters of the original file; 0 means "whole file".
struct SourcePos {
  std::string path;
  int line = 0;
  int column = 0;

  bool operator==(const SourcePos&) const = default;
};

struct Text {
  std::string value;  // NFC UTF-8; may hold '\n' where staff wrote a line break
  SourcePos at;

  bool empty() const { return value.empty(); }
};

// A calendar date with no time zone: the civil date of the Unicode services.
using Date = text::CivilDate;

// Deprecated name of text::CivilTime (a wall-clock moment; in a Slide, in the
// time zone of its event), kept only for src/app/player_app.hpp and
// src/app/player_content.cpp until their owner renames it.
using LocalDateTime = text::CivilTime;

// The event a slide belongs to. With a playlist root (show.toml `include`),
// each included show is its own event with its own date and time zone.
struct Event {
  Text title;
  std::optional<Date> date;
  std::optional<int> start_minutes;   // since midnight
  std::string time_zone = "Asia/Seoul";  // IANA name, verified with ICU
};

// ---- slide kinds -----------------------------------------------------------

// SlideKind and its names: content/setting_names.hpp.

enum class ImageFormat { png, jpeg, svg };

// An image checked at load time: it exists, stays inside its show folder
// (symbolic links resolved), and is within the pixel limits.
struct ImageRef {
  // Read the image only through `folder` (files::ConfinedDir::read of
  // `relative`), never through `file`: the folder was checked, and a link
  // swapped in after the check must not lead outside it.
  files::ConfinedDir folder;   // the slide's show folder
  std::string relative;        // inside `folder`, '/'-separated, as found on disk
  std::filesystem::path file;  // folder.path() / relative: for messages and cache keys
  // The file as it was checked ("size:mtime:inode"): a picture copied over
  // one of the same name is another picture, and must not be drawn from a
  // cache of the old one.
  std::string version;
  Text written;                // the path as staff wrote it, for messages
  ImageFormat format = ImageFormat::png;
  int width_px = 0;   // 0 for SVG (scalable)
  int height_px = 0;  // 0 for SVG
};

struct CoverSlide {
  Text title;
  Text subtitle;
  std::optional<Date> date;          // the slide's own, else the event date
  std::optional<int> time_minutes;   // the slide's own, else the event start
  Text venue;
  Text host;
  std::optional<ImageRef> logo;
};

struct StrategyItem {
  std::optional<int> number;  // set when staff wrote number = 3
  Text marker;                // set when staff wrote marker = "③"; both may be absent
  Text heading;
  Text body;
  std::vector<Text> points;   // sub-points, may be empty
};

struct StrategiesSlide {
  Text title;
  std::vector<StrategyItem> items;  // at least one
};

struct Bullet {
  Text text;
  std::vector<Text> children;  // one level of nesting only
};

struct TextSlide {
  Text title;
  std::vector<Text> paragraphs;
  std::vector<Bullet> bullets;
  std::vector<Text> notes;  // shown after a ※ mark; the ※ itself is not stored
};

struct AgendaRow {
  int start_minutes = 0;  // since midnight
  int end_minutes = 0;    // since midnight, > start_minutes; 1440 means midnight at the end of the day
  Text title;
  Text detail;
  std::vector<Text> people;
  SourcePos at;  // where the row is written
};

struct AgendaSlide {
  Text title;
  std::optional<Date> date;      // the slide's own, else the event date; none: no live highlight
  std::vector<AgendaRow> rows;   // as written (staff order); at least one
};

struct Talk {
  Text label;  // e.g. "발제 1"
  Text title;
  Text presenter;
  Text institute;
  Text summary;
};

struct TalksSlide {
  Text title;
  std::vector<Talk> items;  // at least one
};

struct ContactPerson {
  Text role;
  Text name;
  Text phone;
};

struct ContactsSlide {
  Text title;
  Text department;
  std::vector<ContactPerson> people;
  Text note;
  Text url;  // http(s) address for a QR code; empty when none
};

struct QuoteSlide {
  Text text;  // without the surrounding quotation marks
  Text speaker;
  Text role;
};

enum class ImageFit { contain, cover };

struct ImageSlide {
  ImageRef image;
  Text caption;
  ImageFit fit = ImageFit::contain;
};

// The order of alternatives matches SlideKind.
using SlideContent = std::variant<CoverSlide, StrategiesSlide, TextSlide, AgendaSlide, TalksSlide, ContactsSlide,
                                  QuoteSlide, ImageSlide>;

struct Slide {
  // Path relative to the folder given to load_show, without extension:
  // "forum-2023/010-cover". Stable across reloads; NFC.
  std::string id;
  SlideKind kind = SlideKind::cover;
  std::string source_path;  // "forum-2023/010-cover.toml"
  std::optional<int> duration_ms;  // as written in the slide
  int default_duration_ms = 12000;  // from the slide's show.toml
  // Visible when visible_from <= now < visible_until, in event.time_zone.
  std::optional<text::CivilTime> visible_from;
  std::optional<text::CivilTime> visible_until;
  Event event;
  SlideContent content;

  int play_duration_ms() const { return duration_ms.value_or(default_duration_ms); }
};

// ---- show-wide settings ----------------------------------------------------

// TransitionKind: content/transition.hpp; ThemeName, WatchMode: content/setting_names.hpp.

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

// Colour overrides on top of the named theme; unset means "the theme's own".
struct ThemeColors {
  std::optional<Rgb> background;
  std::optional<Rgb> text;
  std::optional<Rgb> muted;      // secondary text: roles, institutes, notes
  std::optional<Rgb> accent;     // headings, markers, rules
  std::optional<Rgb> highlight;  // the agenda's current row
};

struct Theme {
  ThemeName name = ThemeName::dark;
  ThemeColors colors;
  std::string body_font;     // font family name; empty: the built-in choice
  std::string heading_font;  // font family name; empty: the built-in choice
  float size_scale = 1.0f;   // multiplies every text size, 0.5..2.0
};

struct Screen {
  int rotation_deg = 0;            // 0, 90, 180 or 270, clockwise
  float safe_area_fraction = 0.0f; // margin on each edge as a fraction of the short side, 0..0.2
};

struct Footer {
  bool clock = true;
  bool progress = true;
  Text ticker;  // empty: no ticker
};

struct Watch {
  WatchMode mode = WatchMode::automatic;
  int poll_interval_ms = 1000;
};

struct Transition {
  TransitionKind kind = TransitionKind::fade;
  int duration_ms = 600;
};

struct ShowSettings {
  Event event;  // title, date, start and time zone of the top show
  int default_slide_duration_ms = 12000;
  Transition transition;
  Theme theme;
  Screen screen;
  int touch_idle_timeout_ms = 30000;  // touch navigation returns to auto-play after this
  Footer footer;
  Watch watch;
  std::vector<std::string> includes;  // folder names, as listed in show.toml
};

struct Show {
  std::filesystem::path root_dir;  // absolute
  ShowSettings settings;
  std::vector<Slide> slides;  // enabled slides without errors, in play order; never empty
};

// The images `slide` draws (a cover's logo, an image slide's picture), in order.
std::vector<const ImageRef*> images_of(const Slide& slide);

// 0 = Sunday .. 6 = Saturday (proleptic Gregorian), for "2023년 9월 26일 (화)".
int day_of_week(const Date& date);

}  // namespace annae::content
