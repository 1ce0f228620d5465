// The eight slide kinds: their keys and how each is read.
#include "content/slide_kinds.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <type_traits>
#include <variant>

#include "content/datetime.hpp"
#include "content/image_file.hpp"
#include "content/limits.hpp"

namespace annae::content {
namespace {

constexpr std::array<std::string_view, 5> common_keys = {"kind", "duration", "from", "until", "enabled"};

constexpr std::array<std::string_view, 7> cover_keys = {"title", "subtitle", "date", "time", "venue", "host", "logo"};
constexpr std::array<std::string_view, 2> strategies_keys = {"title", "items"};
constexpr std::array<std::string_view, 5> strategy_item_keys = {"number", "marker", "heading", "body", "points"};
constexpr std::array<std::string_view, 4> text_keys = {"title", "paragraphs", "bullets", "notes"};
constexpr std::array<std::string_view, 2> bullet_keys = {"text", "sub"};
constexpr std::array<std::string_view, 3> agenda_keys = {"title", "date", "rows"};
constexpr std::array<std::string_view, 5> agenda_row_keys = {"start", "end", "title", "detail", "people"};
constexpr std::array<std::string_view, 2> talks_keys = {"title", "items"};
constexpr std::array<std::string_view, 5> talk_keys = {"label", "title", "presenter", "institute", "summary"};
constexpr std::array<std::string_view, 5> contacts_keys = {"title", "department", "people", "note", "url"};
constexpr std::array<std::string_view, 3> person_keys = {"role", "name", "phone"};
constexpr std::array<std::string_view, 3> quote_keys = {"text", "speaker", "role"};
constexpr std::array<std::string_view, 3> image_keys = {"file", "caption", "fit"};

constexpr std::array<ChildSpec, 1> strategies_children = {{{"items", strategy_item_keys}}};
constexpr std::array<ChildSpec, 1> text_children = {{{"bullets", bullet_keys}}};
constexpr std::array<ChildSpec, 1> agenda_children = {{{"rows", agenda_row_keys}}};
constexpr std::array<ChildSpec, 1> talks_children = {{{"items", talk_keys}}};
constexpr std::array<ChildSpec, 1> contacts_children = {{{"people", person_keys}}};

// One entry per kind, in SlideKind order (spec_of indexes it); names from content/setting_names.hpp.
constexpr std::array<KindSpec, slide_kinds.size()> specs = {{
    {SlideKind::cover, kind_name(SlideKind::cover), cover_keys, {}},
    {SlideKind::strategies, kind_name(SlideKind::strategies), strategies_keys, strategies_children},
    {SlideKind::text, kind_name(SlideKind::text), text_keys, text_children},
    {SlideKind::agenda, kind_name(SlideKind::agenda), agenda_keys, agenda_children},
    {SlideKind::talks, kind_name(SlideKind::talks), talks_keys, talks_children},
    {SlideKind::contacts, kind_name(SlideKind::contacts), contacts_keys, contacts_children},
    {SlideKind::quote, kind_name(SlideKind::quote), quote_keys, {}},
    {SlideKind::image, kind_name(SlideKind::image), image_keys, {}},
}};
static_assert(indexed_by(specs, &KindSpec::kind), "specs[i] must describe SlideKind i");
static_assert(std::variant_size_v<SlideContent> == slide_kinds.size(), "one SlideContent alternative per kind");
constexpr auto names = names_of(slide_kinds);

const KindSpec& spec_of(SlideKind kind) { return specs[static_cast<std::size_t>(kind)]; }

// "row 2: " for messages about one entry of a list.
std::string entry(std::string_view noun, std::size_t index) { return std::string(noun) + " " + std::to_string(index + 1) + ": "; }

// A list longer than a slide can hold, e.g. "this agenda has 26 223 rows; a
// slide can have at most 40 rows", with what to do about it.
struct TooMany {
  std::string owner;        // "this agenda", "item 3"
  std::string_view noun;    // "rows"
  std::string_view holder;  // "a slide", "an item"
  std::string_view advice;  // "split the rows over two or more agenda slides"
};

// One mistake at the first entry past the limit. The slide is left out, so
// the entries past the limit need no more work.
void report_too_many(const TooMany& t, std::size_t count, std::size_t max, const SourcePos& first_over, FileReport& file) {
  file.mistake(first_over, t.owner + " has " + count_text(count) + " " + std::string(t.noun) + "; " +
                               std::string(t.holder) + " can have at most " + count_text(max) + " " + std::string(t.noun) +
                               ", so this slide is left out: " + std::string(t.advice));
}

// How many of `tables` to read: all, or `max` after reporting the rest.
std::size_t tables_to_read(const std::vector<const toml::table*>& tables, std::size_t max, FileReport& file,
                           const TooMany& t) {
  if (tables.size() <= max) return tables.size();
  report_too_many(t, tables.size(), max, file.pos(*tables[max]), file);
  return max;
}

// Keeps the first `max` of `texts`, reporting the rest.
void keep_at_most(std::vector<Text>& texts, std::size_t max, FileReport& file, const TooMany& t) {
  if (texts.size() <= max) return;
  report_too_many(t, texts.size(), max, texts[max].at, file);
  texts.resize(max);
}

// "item 3", for the owner of a list inside an entry.
std::string entry_name(std::string_view noun, std::size_t index) { return std::string(noun) + " " + std::to_string(index + 1); }

// Keys of this kind's sections, so a key written outside its section gets a pointer.
KeyHint child_hint(const KindSpec& spec) {
  return [&spec](std::string_view key) -> std::string {
    for (const auto& child : spec.children)
      for (auto k : child.keys)
        if (k == key)
          return "'" + std::string(key) + "' belongs inside each [[" + std::string(child.name) + "]] section";
    return {};
  };
}

// A slide key written below a [[section]] line lands in that section; say where it goes.
KeyHint parent_hint(SlideKind kind, std::string_view section) {
  return [kind, section](std::string_view key) -> std::string {
    const KindSpec& spec = spec_of(kind);
    bool is_slide_key = std::find(common_keys.begin(), common_keys.end(), key) != common_keys.end();
    for (auto k : spec.keys) is_slide_key = is_slide_key || k == key;
    if (!is_slide_key) return {};
    return "'" + std::string(key) + "' belongs to the whole slide; move it above the first [[" + std::string(section) +
           "]] line (every line below [[" + std::string(section) + "]] belongs to that section)";
  };
}

CoverSlide parse_cover(TableReader& r, const SlideFileContext& context) {
  CoverSlide s;
  s.title = r.text("title", Need::required, "\"지역균형발전포럼\"").value_or(Text{});
  s.subtitle = r.text("subtitle", Need::optional, "\"...\"").value_or(Text{});
  s.date = r.date("date", Need::optional);
  if (!r.has("date")) s.date = context.event.date;
  s.time_minutes = r.time("time", Need::optional, false);
  if (!r.has("time")) s.time_minutes = context.event.start_minutes;
  s.venue = r.text("venue", Need::optional, "\"세종컨벤션센터\"").value_or(Text{});
  s.host = r.text("host", Need::optional, "\"...\"").value_or(Text{});
  if (auto logo = r.text("logo", Need::optional, "\"logo.png\""))
    s.logo = resolve_image(*logo, "logo", context.show_dir, r.file());
  return s;
}

StrategiesSlide parse_strategies(TableReader& r) {
  StrategiesSlide s;
  s.title = r.text("title", Need::required, "\"스마트 지역발전 5대 전략\"").value_or(Text{});
  const auto items = r.table_list("items", Need::required, "item", "heading = \"...\" body = \"...\"");
  const std::size_t count = tables_to_read(items, limits::max_strategy_items, r.file(),
                                           {"this slide", "items", "a slide", "spread them over two or more strategies slides"});
  for (std::size_t i = 0; i < count; ++i) {
    TableReader item(*items[i], r.file(), entry("item", i));
    item.check_keys(strategy_item_keys, parent_hint(SlideKind::strategies, "items"));
    StrategyItem out;
    if (auto number = item.integer("number", "1")) {
      if (*number < 0 || *number > 999) item.mistake("number", "'number' must be between 0 and 999");
      else out.number = static_cast<int>(*number);
    }
    out.marker = item.text("marker", Need::optional, "\"①\"").value_or(Text{});
    if (item.has("number") && item.has("marker"))
      item.mistake("marker", "write either 'number' or 'marker', not both");
    out.heading = item.text("heading", Need::required, "\"초광역권 계획\"").value_or(Text{});
    out.body = item.text("body", Need::required, "\"...\"").value_or(Text{});
    out.points = item.text_list("points", Need::optional, "[\"...\", \"...\"]");
    keep_at_most(out.points, limits::max_points, r.file(),
                 {entry_name("item", i), "points", "an item", "keep the main ones, or give the others items of their own"});
    s.items.push_back(std::move(out));
  }
  return s;
}

// A note may be written with its ※; the mark is drawn by the layout.
Text without_reference_mark(Text note) {
  std::string_view v = note.value;
  if (v.starts_with("\u203B")) {
    v.remove_prefix(3);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    note.value = std::string(v);
  }
  return note;
}

TextSlide parse_text(TableReader& r) {
  TextSlide s;
  s.title = r.text("title", Need::required, "\"지역맞춤형 균형발전 전략\"").value_or(Text{});
  s.paragraphs = r.text_list("paragraphs", Need::optional, "[\"...\", \"...\"]");
  keep_at_most(s.paragraphs, limits::max_paragraphs, r.file(),
               {"this slide", "paragraphs", "a slide", "spread them over two or more text slides"});
  if (const toml::node* bullets = r.node("bullets")) {
    FileReport& file = r.file();
    const std::string how =
        "'bullets' must be a list of texts or of { text = \"...\", sub = [\"...\"] }, like bullets = [\"...\", \"...\"]";
    auto add_one = [&](const toml::node& n, std::size_t index) {
      if (const auto* str = n.as_string()) {
        Text t = make_text(str->get(), file.pos(n), file);
        if (!t.empty()) s.bullets.push_back({std::move(t), {}});
      } else if (const auto* table = n.as_table()) {
        TableReader b(*table, file, entry("bullet", index));
        b.check_keys(bullet_keys, parent_hint(SlideKind::text, "bullets"));
        Bullet bullet;
        bullet.text = b.text("text", Need::required, "\"...\"").value_or(Text{});
        bullet.children = b.text_list("sub", Need::optional, "[\"...\", \"...\"]");
        keep_at_most(bullet.children, limits::max_sub_bullets, file,
                     {entry_name("bullet", index), "sub-bullets", "a bullet", "spread them over more bullets or slides"});
        s.bullets.push_back(std::move(bullet));
      } else {
        file.mistake(file.pos(n), how);
      }
    };
    if (const auto* list = bullets->as_array()) {
      std::size_t count = list->size();
      if (count > limits::max_bullets) {
        report_too_many({"this slide", "bullets", "a slide", "spread them over two or more text slides"}, count,
                        limits::max_bullets, file.pos(*list->get(limits::max_bullets)), file);
        count = limits::max_bullets;
      }
      for (std::size_t i = 0; i < count; ++i) add_one(*list->get(i), i);
    } else if (bullets->is_string()) {
      add_one(*bullets, 0);
    } else {
      r.mistake("bullets", how);
    }
  }
  std::vector<Text> notes = r.text_list("notes", Need::optional, "[\"...\"]");
  keep_at_most(notes, limits::max_notes, r.file(), {"this slide", "notes", "a slide", "keep the main ones"});
  for (Text& note : notes) {
    Text cleaned = without_reference_mark(std::move(note));
    if (!cleaned.empty()) s.notes.push_back(std::move(cleaned));
  }
  if (s.paragraphs.empty() && s.bullets.empty() && s.notes.empty() && r.file().errors() == 0)
    r.file().mistake(r.file().whole_file(), "this text slide has nothing to show; add paragraphs, bullets or notes");
  return s;
}

void check_agenda_times(const AgendaSlide& s, FileReport& file) {
  // Rows are shown as written; the times are checked in time order.
  std::vector<std::size_t> order(s.rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return s.rows[a].start_minutes < s.rows[b].start_minutes; });
  int overlaps = 0;
  const AgendaRow* first_unlisted = nullptr;
  for (std::size_t k = 0; k + 1 < order.size(); ++k) {
    const AgendaRow& a = s.rows[order[k]];
    const AgendaRow& b = s.rows[order[k + 1]];
    if (b.start_minutes >= a.end_minutes) continue;
    if (++overlaps > limits::max_overlap_warnings) {  // counted, then said once
      if (!first_unlisted) first_unlisted = &b;
      continue;
    }
    const auto span = [](const AgendaRow& row) { return format_time(row.start_minutes) + "–" + format_time(row.end_minutes); };
    file.warning(b.at, "row " + std::to_string(order[k + 1] + 1) + " (" + span(b) + ") overlaps row " +
                           std::to_string(order[k] + 1) + " (" + span(a) + ")");
  }
  if (first_unlisted) {
    const int more = overlaps - limits::max_overlap_warnings;
    file.warning(first_unlisted->at, "and " + count_text(static_cast<std::size_t>(more)) + " more " +
                                         (more == 1 ? "row overlaps" : "rows overlap") +
                                         " the row before it in time; check the times of all rows");
  }
  for (std::size_t i = 0; i + 1 < s.rows.size(); ++i) {
    if (s.rows[i + 1].start_minutes < s.rows[i].start_minutes) {
      file.warning(s.rows[i + 1].at, "row " + std::to_string(i + 2) + " starts at " + format_time(s.rows[i + 1].start_minutes) +
                                         ", before row " + std::to_string(i + 1) + " (" + format_time(s.rows[i].start_minutes) +
                                         "); rows are shown in the order written");
      break;
    }
  }
}

AgendaSlide parse_agenda(TableReader& r, const SlideFileContext& context) {
  AgendaSlide s;
  s.title = r.text("title", Need::required, "\"일정\"").value_or(Text{});
  s.date = r.date("date", Need::optional);
  if (!r.has("date")) s.date = context.event.date;
  const auto rows = r.table_list("rows", Need::required, "row", "start = \"14:00\" end = \"14:05\" title = \"...\"");
  const std::size_t count =
      tables_to_read(rows, limits::max_agenda_rows, r.file(),
                     {"this agenda", "rows", "a slide", "split the rows over two or more agenda slides"});
  bool times_ok = true;
  for (std::size_t i = 0; i < count; ++i) {
    TableReader row(*rows[i], r.file(), entry("row", i));
    row.check_keys(agenda_row_keys, parent_hint(SlideKind::agenda, "rows"));
    AgendaRow out;
    out.at = row.pos();
    const auto start = row.time("start", Need::required, false);
    const auto end = row.time("end", Need::required, true);
    out.title = row.text("title", Need::required, "\"휴식\"").value_or(Text{});
    out.detail = row.text("detail", Need::optional, "\"...\"").value_or(Text{});
    out.people = row.text_list("people", Need::optional, "[\"...\", \"...\"]");
    keep_at_most(out.people, limits::max_row_people, r.file(), {entry_name("row", i), "people", "a row", "keep the main ones"});
    if (start && end && *end <= *start) {
      row.mistake("end", *end == *start ? "'end' " + format_time(*end) + " is the same as 'start'; a row must take some time"
                                        : "'end' " + format_time(*end) + " is before 'start' " + format_time(*start));
    }
    if (!start || !end || *end <= *start) {
      times_ok = false;
    } else {
      out.start_minutes = *start;
      out.end_minutes = *end;
    }
    s.rows.push_back(std::move(out));
  }
  if (times_ok && count == rows.size()) check_agenda_times(s, r.file());  // a refused agenda needs no warnings
  if (!s.date && r.file().errors() == 0)
    r.file().warning(r.file().whole_file(),
                     "this agenda has no date (set date = \"2023-09-26\" here, or [event] date in show.toml), so the "
                     "current row is not highlighted");
  return s;
}

TalksSlide parse_talks(TableReader& r) {
  TalksSlide s;
  s.title = r.text("title", Need::required, "\"주제발표\"").value_or(Text{});
  const auto items = r.table_list("items", Need::required, "item", "title = \"...\" presenter = \"...\"");
  const std::size_t count = tables_to_read(items, limits::max_talks, r.file(),
                                           {"this slide", "talks", "a slide", "spread them over two or more talks slides"});
  for (std::size_t i = 0; i < count; ++i) {
    TableReader item(*items[i], r.file(), entry("item", i));
    item.check_keys(talk_keys, parent_hint(SlideKind::talks, "items"));
    Talk talk;
    talk.label = item.text("label", Need::optional, "\"발제 1\"").value_or(Text{});
    talk.title = item.text("title", Need::required, "\"...\"").value_or(Text{});
    talk.presenter = item.text("presenter", Need::optional, "\"...\"").value_or(Text{});
    talk.institute = item.text("institute", Need::optional, "\"...\"").value_or(Text{});
    talk.summary = item.text("summary", Need::optional, "\"...\"").value_or(Text{});
    s.items.push_back(std::move(talk));
  }
  return s;
}

bool has_letters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

ContactsSlide parse_contacts(TableReader& r) {
  ContactsSlide s;
  s.title = r.text("title", Need::required, "\"문의\"").value_or(Text{});
  s.department = r.text("department", Need::optional, "\"국토교통부 국토정책과\"").value_or(Text{});
  const auto people = r.table_list("people", Need::optional, "person", "role = \"과장\" name = \"...\" phone = \"044-...\"");
  const std::size_t count =
      tables_to_read(people, limits::max_people, r.file(),
                     {"this slide", "people", "a slide", "spread them over two or more contacts slides"});
  for (std::size_t i = 0; i < count; ++i) {
    TableReader person(*people[i], r.file(), entry("person", i));
    person.check_keys(person_keys, parent_hint(SlideKind::contacts, "people"));
    ContactPerson out;
    out.role = person.text("role", Need::optional, "\"과장\"").value_or(Text{});
    out.name = person.text("name", Need::required, "\"...\"").value_or(Text{});
    out.phone = person.text("phone", Need::optional, "\"044-201-3646\"").value_or(Text{});
    if (has_letters(out.phone.value))
      r.file().warning(out.phone.at, entry("person", i) + "phone number \"" + out.phone.value +
                                         "\" contains letters; check for an O written instead of a 0");
    s.people.push_back(std::move(out));
  }
  s.note = r.text("note", Need::optional, "\"...\"").value_or(Text{});
  // Measured as written, before make_text cuts a long text: the QR code holds bytes.
  const toml::node* url = r.node("url");
  if (const std::size_t bytes = url && url->is_string() ? url->as_string()->get().size() : 0; bytes > limits::max_url_bytes) {
    r.mistake("url", "'url' has " + count_text(bytes) + " characters; the QR code on the slide can hold at most " +
                         count_text(limits::max_url_bytes) +
                         " (a Korean letter counts as 3), so use a shorter web address (a link shortener makes one)");
  } else {
    s.url = r.text("url", Need::optional, "\"https://www.molit.go.kr\"").value_or(Text{});
    if (!s.url.empty() && !s.url.value.starts_with("https://") && !s.url.value.starts_with("http://"))
      r.mistake("url", "'url' must be a web address starting with https:// or http://");
  }
  if (s.people.empty() && s.note.empty() && s.url.empty() && r.file().errors() == 0)
    r.file().mistake(r.file().whole_file(), "this contacts slide has nothing to show; add [[people]] sections, a note or a url");
  return s;
}

// Quotation marks are drawn by the layout; remove a pair staff typed.
Text without_quotation_marks(Text text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> pairs = {
      {{"\u201C", "\u201D"}, {"\"", "\""}, {"\u300C", "\u300D"}}};
  for (const auto& [open, close] : pairs) {
    std::string_view v = text.value;
    if (v.size() >= open.size() + close.size() && v.starts_with(open) && v.ends_with(close)) {
      v = v.substr(open.size(), v.size() - open.size() - close.size());
      if (v.find(open) == std::string_view::npos) {  // one quotation, not "a" and "b"
        text.value = std::string(v);
        break;
      }
    }
  }
  return text;
}

QuoteSlide parse_quote(TableReader& r) {
  QuoteSlide s;
  if (auto text = r.text("text", Need::required, "\"...\"")) s.text = without_quotation_marks(std::move(*text));
  s.speaker = r.text("speaker", Need::optional, "\"김오진\"").value_or(Text{});
  s.role = r.text("role", Need::optional, "\"국토교통부 1차관\"").value_or(Text{});
  return s;
}

ImageSlide parse_image(TableReader& r, const SlideFileContext& context) {
  ImageSlide s;
  if (auto file = r.text("file", Need::required, "\"photo.jpg\"")) {
    if (auto image = resolve_image(*file, "file", context.show_dir, r.file())) s.image = std::move(*image);
  }
  s.caption = r.text("caption", Need::optional, "\"...\"").value_or(Text{});
  static constexpr std::array<std::string_view, 2> fits = {"contain", "cover"};
  if (auto fit = r.choice("fit", fits)) s.fit = *fit == "cover" ? ImageFit::cover : ImageFit::contain;
  return s;
}

// Every text the screen shows, for the word limit; not file names nor the url
// (a QR code and its caption, which breaks anywhere).
template <class F>
void for_each_shown_text(const SlideContent& content, F&& f) {
  const auto all = [&](const std::vector<Text>& texts) {
    for (const Text& t : texts) f(t);
  };
  std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, CoverSlide>) {
          for (const Text* t : {&s.title, &s.subtitle, &s.venue, &s.host}) f(*t);
        } else if constexpr (std::is_same_v<T, StrategiesSlide>) {
          f(s.title);
          for (const auto& item : s.items) {
            for (const Text* t : {&item.marker, &item.heading, &item.body}) f(*t);
            all(item.points);
          }
        } else if constexpr (std::is_same_v<T, TextSlide>) {
          f(s.title);
          all(s.paragraphs);
          for (const auto& bullet : s.bullets) {
            f(bullet.text);
            all(bullet.children);
          }
          all(s.notes);
        } else if constexpr (std::is_same_v<T, AgendaSlide>) {
          f(s.title);
          for (const auto& row : s.rows) {
            f(row.title);
            f(row.detail);
            all(row.people);
          }
        } else if constexpr (std::is_same_v<T, TalksSlide>) {
          f(s.title);
          for (const auto& talk : s.items)
            for (const Text* t : {&talk.label, &talk.title, &talk.presenter, &talk.institute, &talk.summary}) f(*t);
        } else if constexpr (std::is_same_v<T, ContactsSlide>) {
          for (const Text* t : {&s.title, &s.department, &s.note}) f(*t);
          for (const auto& person : s.people)
            for (const Text* t : {&person.role, &person.name, &person.phone}) f(*t);
        } else if constexpr (std::is_same_v<T, QuoteSlide>) {
          for (const Text* t : {&s.text, &s.speaker, &s.role}) f(*t);
        } else if constexpr (std::is_same_v<T, ImageSlide>) {
          f(s.caption);
        }
      },
      content);
}

SlideContent parse_content(SlideKind kind, TableReader& slide, const SlideFileContext& context) {
  switch (kind) {
    case SlideKind::cover: return parse_cover(slide, context);
    case SlideKind::strategies: return parse_strategies(slide);
    case SlideKind::text: return parse_text(slide);
    case SlideKind::agenda: return parse_agenda(slide, context);
    case SlideKind::talks: return parse_talks(slide);
    case SlideKind::contacts: return parse_contacts(slide);
    case SlideKind::quote: return parse_quote(slide);
    case SlideKind::image: return parse_image(slide, context);
  }
  return CoverSlide{};
}

}  // namespace

KeyList common_slide_keys() { return common_keys; }
std::span<const KindSpec> kind_specs() { return specs; }
std::span<const std::string_view> kind_names() { return names; }

SlideContent parse_kind(SlideKind kind, TableReader& slide, const SlideFileContext& context) {
  const KindSpec& spec = spec_of(kind);
  std::vector<std::string_view> known(common_keys.begin(), common_keys.end());
  known.insert(known.end(), spec.keys.begin(), spec.keys.end());
  const KeyHint in_section = child_hint(spec);
  slide.check_keys(known, [&](std::string_view key) -> std::string {
    if (std::string hint = in_section(key); !hint.empty()) return hint;
    for (const auto& other : specs)
      for (auto k : other.keys)
        if (k == key && other.kind != kind)
          return "'" + std::string(key) + "' is used by " + std::string(other.name) + " slides, and this is a " +
                 std::string(spec.name) + " slide";
    // "title" is a key of most kinds too, so the loop above has answered for it already.
    for (auto k : show_settings_keys())
      if (k == key) return "'" + std::string(key) + "' is a show setting; put it in show.toml";
    return {};
  });
  SlideContent content = parse_content(kind, slide, context);
  WordLimit words(slide.file());
  std::size_t chars = 0;
  const Text* first_over = nullptr;  // the text that takes the slide past its limit
  for_each_shown_text(content, [&](const Text& text) {
    words.check(text);
    chars += char_count(text.value);
    if (chars > limits::max_slide_chars && !first_over) first_over = &text;
  });
  if (first_over)
    slide.file().mistake(first_over->at, "this slide has " + count_text(chars) + " characters of text; a slide can have at most " +
                                             count_text(limits::max_slide_chars) +
                                             ", so this slide is left out: spread the text over several slides");
  return content;
}

}  // namespace annae::content
