#include "content/toml_reader.hpp"

#include <cmath>
#include <cstdio>
#include <algorithm>

#include "content/datetime.hpp"
#include "content/limits.hpp"
#include "content/normalize.hpp"
#include "content/suggest.hpp"

namespace annae::content {

using text::CivilTime;
namespace {

std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Trims ASCII space and the ideographic space U+3000 that Korean IMEs type.
std::string_view trim_text(std::string_view s) {
  for (;;) {
    if (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    else if (s.starts_with("\xE3\x80\x80")) s.remove_prefix(3);
    else break;
  }
  for (;;) {
    if (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    else if (s.ends_with("\xE3\x80\x80")) s.remove_suffix(3);
    else break;
  }
  return s;
}

// Where the character after the first `chars` characters starts.
std::size_t byte_offset_of_char(std::string_view text, std::size_t chars) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars-- == 0) return i;
  return text.size();
}

}  // namespace

std::size_t char_count(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r') out += "(end of line)";
    else if (c == '\t') out += "(tab)";
    else if (b < 0x20 || b == 0x7F) out += "(control code)";
    else out.push_back(c);
  }
  return to_nfc(out);
}

SourcePos FileReport::pos(const toml::source_region& at) const {
  return {path_, static_cast<int>(at.begin.line), static_cast<int>(at.begin.column)};
}

FileReport::~FileReport() {
  if (unlisted_ == 0) return;
  out_.add({unlisted_error_ ? Severity::error : Severity::warning, path_, 0, 0,
            "this file has " + count_text(static_cast<std::size_t>(unlisted_)) + " more " +
                (unlisted_ == 1 ? "problem" : "problems") + " than are listed here; fix the listed ones first, then check again"});
}

void FileReport::add(Severity severity, const SourcePos& at, std::string message) {
  if (listed_ >= limits::max_diagnostics_per_file) {
    ++unlisted_;
    unlisted_error_ = unlisted_error_ || severity == Severity::error;
    return;
  }
  ++listed_;
  out_.add({severity, at.path, at.line, at.column, one_line(message)});
}

void FileReport::mistake(const SourcePos& at, std::string message) {
  ++mistakes_count_;
  if (mistakes_ == Severity::error) ++errors_;
  add(mistakes_, at, std::move(message));
}

void FileReport::error(const SourcePos& at, std::string message) {
  ++errors_;
  add(Severity::error, at, std::move(message));
}

void FileReport::warning(const SourcePos& at, std::string message) { add(Severity::warning, at, std::move(message)); }


namespace {

// Decodes the code point at text[i] (valid UTF-8, as Text always is) and its length.
char32_t code_point_at(std::string_view text, std::size_t i, std::size_t& length) {
  const auto b = static_cast<unsigned char>(text[i]);
  length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + length > text.size()) length = text.size() - i;
  char32_t cp = length == 1 ? b : length == 2 ? (b & 0x1F) : length == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return cp;
}

bool is_word_break(char32_t cp) {
  return cp == ' ' || cp == '\n' || cp == '\t' || cp == 0x3000 || cp == 0x200B || (cp >= 0x2000 && cp <= 0x200A);
}

// Lines may break before and after each of these (UAX #14 class ID).
bool is_ideograph(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

}  // namespace

std::size_t longest_word_chars(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t cp = code_point_at(text, i, length);
    i += std::max<std::size_t>(length, 1);
    if (is_word_break(cp)) {
      run = 0;
    } else if (is_ideograph(cp)) {
      run = 0;
      longest = std::max<std::size_t>(longest, 1);
    } else {
      longest = std::max(longest, ++run);
    }
  }
  return longest;
}

std::string count_text(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, " ");
  return digits;
}

void WordLimit::check(const Text& text) {
  if (reported_ || file_.cut_long_text()) return;
  if (const std::size_t word = longest_word_chars(text.value); word > limits::max_word_chars) {
    file_.mistake(text.at, "this text has a word of " + count_text(word) +
                               " characters without a space; a word can have at most " +
                               count_text(limits::max_word_chars) + ", so put spaces between the words");
    reported_ = true;
  }
}

Text make_text(std::string_view raw, SourcePos at, FileReport& file) {
  std::string cleaned;
  cleaned.reserve(raw.size());
  bool removed = false;
  for (char c : raw) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '\t') {
      cleaned.push_back(' ');
    } else if (c == '\r') {
      continue;  // from a "\r\n" escape; the '\n' stays
    } else if ((b < 0x20 && c != '\n') || b == 0x7F) {
      removed = true;
    } else {
      cleaned.push_back(c);
    }
  }
  if (removed) file.warning(at, "this text holds invisible control characters; they were removed");
  std::string value = to_nfc(trim_text(cleaned));
  if (const std::size_t chars = char_count(value); chars > limits::max_text_chars) {
    if (file.report_long_text()) {
      std::string message = "this text has " + count_text(chars) + " characters; one text can have at most " +
                            count_text(limits::max_text_chars) + ", so shorten it or spread it over several slides";
      if (file.mistake_severity() != Severity::error)
        message += " (only its first " + count_text(limits::max_text_chars) + " are used)";
      file.mistake(at, std::move(message));
    }
    value.resize(byte_offset_of_char(value, limits::max_text_chars));
    value = std::string(trim_text(value));
  }
  return Text{std::move(value), std::move(at)};
}

bool TableReader::reported_as_misspelt(std::string_view key) const {
  return std::find(misspelt_.begin(), misspelt_.end(), key) != misspelt_.end();
}

void TableReader::mistake(std::string_view key, std::string message) {
  const toml::node* n = node(key);
  file_.mistake(n ? file_.pos(*n) : pos(), where_ + std::move(message));
}

std::optional<Text> TableReader::text_of(const toml::node& n, std::string_view) {
  if (const auto* s = n.as_string()) return make_text(s->get(), file_.pos(n), file_);
  return std::nullopt;
}

std::optional<Text> TableReader::text(std::string_view key, Need need, std::string_view example) {
  const toml::node* n = node(key);
  if (!n) {
    if (need == Need::required && !reported_as_misspelt(key))
      file_.mistake(missing_pos(),
                    where_ + quoted(key) + " is missing; add it like " + std::string(key) + " = " + std::string(example));
    return std::nullopt;
  }
  auto text = text_of(*n, key);
  if (!text) {
    mistake(key, quoted(key) + " must be text in double quotes, like " + std::string(key) + " = " + std::string(example));
    return std::nullopt;
  }
  if (text->empty()) {
    if (need == Need::required) mistake(key, quoted(key) + " is empty; write it like " + std::string(key) + " = " + std::string(example));
    return std::nullopt;
  }
  return text;
}

std::vector<Text> TableReader::text_list(std::string_view key, Need need, std::string_view example) {
  std::vector<Text> out;
  const toml::node* n = node(key);
  const std::string wrong =
      quoted(key) + " must be text in double quotes, or a list of them like " + std::string(key) + " = " + std::string(example);
  if (!n) {
    if (need == Need::required && !reported_as_misspelt(key))
      file_.mistake(missing_pos(),
                    where_ + quoted(key) + " is missing; add it like " + std::string(key) + " = " + std::string(example));
    return out;
  }
  if (n->is_string()) {
    if (auto t = text_of(*n, key); t && !t->empty()) out.push_back(std::move(*t));
  } else if (const auto* list = n->as_array()) {
    for (const toml::node& item : *list) {
      auto t = text_of(item, key);
      if (!t) {
        file_.mistake(file_.pos(item), where_ + wrong);
        continue;
      }
      if (!t->empty()) out.push_back(std::move(*t));
    }
  } else {
    mistake(key, wrong);
    return out;
  }
  if (out.empty() && need == Need::required) mistake(key, quoted(key) + " is empty; write it like " + std::string(key) + " = " + std::string(example));
  return out;
}

std::optional<double> TableReader::number(std::string_view key, double min, double max, std::string_view example) {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  std::optional<double> value;
  if (const auto* i = n->as_integer()) value = static_cast<double>(i->get());
  else if (const auto* f = n->as_floating_point()) value = f->get();
  if (!value || !std::isfinite(*value)) {
    std::string message = quoted(key) + " must be a number, like " + std::string(key) + " = " + std::string(example);
    if (n->is_string()) message += " (without quotes)";
    mistake(key, std::move(message));
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    char range[96];
    std::snprintf(range, sizeof range, " must be between %g and %g", min, max);
    mistake(key, quoted(key) + range);
    return std::nullopt;
  }
  return value;
}

std::optional<int> TableReader::seconds_ms(std::string_view key, double min_s, double max_s, std::string_view example) {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  if (!n->is_integer() && !n->is_floating_point()) {
    std::string message = quoted(key) + " must be a number of seconds, like " + std::string(example);
    if (n->is_string()) message += " (without quotes)";
    mistake(key, std::move(message));
    return std::nullopt;
  }
  const double seconds = n->is_integer() ? static_cast<double>(n->as_integer()->get()) : n->as_floating_point()->get();
  if (!std::isfinite(seconds) || seconds < min_s || seconds > max_s) {
    char range[128];
    std::snprintf(range, sizeof range, " must be between %g and %g seconds", min_s, max_s);
    std::string message = quoted(key) + range;
    if (seconds > max_s && seconds >= 100) message += " (in seconds, not milliseconds: 0.6 means 600 ms)";
    mistake(key, std::move(message));
    return std::nullopt;
  }
  return static_cast<int>(std::lround(seconds * 1000.0));
}

std::optional<long long> TableReader::integer(std::string_view key, std::string_view example) {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  if (const auto* i = n->as_integer()) return i->get();
  std::string message = quoted(key) + " must be a whole number, like " + std::string(key) + " = " + std::string(example);
  if (n->is_string()) message += " (without quotes)";
  mistake(key, std::move(message));
  return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key) {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  if (const auto* b = n->as_boolean()) return b->get();
  mistake(key, quoted(key) + " must be true or false" + (n->is_string() ? " (without quotes)" : ""));
  return std::nullopt;
}

std::optional<Date> TableReader::date(std::string_view key, Need need) {
  const toml::node* n = node(key);
  if (!n) {
    if (need == Need::required && !reported_as_misspelt(key))
      file_.mistake(missing_pos(),
                    where_ + quoted(key) + " is missing; add it like " + std::string(key) + " = \"2023-09-26\"");
    return std::nullopt;
  }
  if (const auto* d = n->as_date()) {
    const toml::date v = d->get();
    if (auto problem = date_problem(v.year, v.month, v.day); !problem.empty()) {
      mistake(key, quoted(key) + " " + problem);
      return std::nullopt;
    }
    return Date{v.year, v.month, v.day};
  }
  if (const auto* s = n->as_string()) {
    auto parsed = parse_date(s->get());
    if (!parsed.value) mistake(key, quoted(key) + " \"" + to_nfc(s->get()) + "\" " + parsed.problem);
    return parsed.value;
  }
  mistake(key, quoted(key) + " must be a date like \"2023-09-26\"");
  return std::nullopt;
}

std::optional<int> TableReader::time(std::string_view key, Need need, bool allow_end_of_day) {
  const toml::node* n = node(key);
  if (!n) {
    if (need == Need::required && !reported_as_misspelt(key))
      file_.mistake(missing_pos(),
                    where_ + quoted(key) + " is missing; add it like " + std::string(key) + " = \"14:00\"");
    return std::nullopt;
  }
  if (const auto* t = n->as_time()) {
    const toml::time v = t->get();
    return v.hour * 60 + v.minute;  // toml++ has checked the ranges
  }
  if (const auto* s = n->as_string()) {
    const std::string written = to_nfc(s->get());
    if (written.find_first_of("-~") != std::string::npos && written.find(':') != written.rfind(':')) {
      mistake(key, quoted(key) + " \"" + written +
                       "\" holds two times; write the start and the end separately, like start = \"14:00\" and end = \"14:05\"");
      return std::nullopt;
    }
    auto parsed = parse_time(written, allow_end_of_day);
    if (!parsed.value) mistake(key, quoted(key) + " \"" + written + "\" " + parsed.problem);
    return parsed.value;
  }
  mistake(key, quoted(key) + " must be a time like \"14:00\"");
  return std::nullopt;
}

std::optional<CivilTime> TableReader::date_time(std::string_view key, bool date_alone_means_day_end) {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  const std::string example = " like \"2023-09-26 09:00\"";
  if (const auto* dt = n->as_date_time()) {
    const toml::date_time v = dt->get();
    if (v.offset) {
      mistake(key, quoted(key) + " must not name a time zone offset; write the local time" + example +
                       " (the event's time zone is used)");
      return std::nullopt;
    }
    if (auto problem = date_problem(v.date.year, v.date.month, v.date.day); !problem.empty()) {
      mistake(key, quoted(key) + " " + problem);
      return std::nullopt;
    }
    return CivilTime{Date{v.date.year, v.date.month, v.date.day}, v.time.hour * 60 + v.time.minute};
  }
  if (const auto* d = n->as_date()) {
    const toml::date v = d->get();
    if (auto problem = date_problem(v.year, v.month, v.day); !problem.empty()) {
      mistake(key, quoted(key) + " " + problem);
      return std::nullopt;
    }
    const Date date{v.year, v.month, v.day};
    return CivilTime{date_alone_means_day_end ? next_day(date) : date, 0};
  }
  if (const auto* s = n->as_string()) {
    auto parsed = parse_date_time(s->get(), date_alone_means_day_end);
    if (!parsed.value) mistake(key, quoted(key) + " \"" + to_nfc(s->get()) + "\" " + parsed.problem);
    return parsed.value;
  }
  mistake(key, quoted(key) + " must be a date and time" + example);
  return std::nullopt;
}

std::optional<std::string_view> TableReader::choice(std::string_view key, std::span<const std::string_view> choices) {
  const toml::node* n = node(key);
  if (!n) return std::nullopt;
  const std::string list = join_names(choices);
  const auto* s = n->as_string();
  if (!s) {
    mistake(key, quoted(key) + " must be one of: " + list + " (in double quotes)");
    return std::nullopt;
  }
  const std::string_view written = trim_text(s->get());
  for (auto c : choices)
    if (c == written) return c;
  std::string message = quoted(key) + " \"" + to_nfc(written) + "\" is not one of: " + list;
  if (auto guess = closest_match(written, choices)) message += "; did you mean \"" + std::string(*guess) + "\"?";
  mistake(key, std::move(message));
  return std::nullopt;
}

const toml::table* TableReader::table(std::string_view key) {
  const toml::node* n = node(key);
  if (!n) return nullptr;
  if (const auto* t = n->as_table()) return t;
  mistake(key, quoted(key) + " must be a section, written [" + std::string(key) + "] on a line of its own");
  return nullptr;
}

std::vector<const toml::table*> TableReader::table_list(std::string_view key, Need need, std::string_view item_name,
                                                         std::string_view example) {
  std::vector<const toml::table*> out;
  const toml::node* n = node(key);
  const std::string how = "[[" + std::string(key) + "]] sections: a line [[" + std::string(key) +
                          "]] followed by lines like " + std::string(example);
  if (!n) {
    if (need == Need::required && !reported_as_misspelt(key))
      file_.mistake(missing_pos(), where_ + quoted(key) + " is missing; add one or more " + how);
    return out;
  }
  const auto* list = n->as_array();
  if (!list) {
    mistake(key, quoted(key) + " must be a list of " + how);
    return out;
  }
  int index = 0;
  for (const toml::node& item : *list) {
    ++index;
    if (const auto* t = item.as_table()) {
      out.push_back(t);
    } else {
      file_.mistake(file_.pos(item), where_ + std::string(item_name) + " " + std::to_string(index) + " of " + quoted(key) +
                                         " must be a section like { ... } or [[" + std::string(key) + "]]");
    }
  }
  if (list->empty() && need == Need::required) mistake(key, quoted(key) + " is empty; add one or more " + how);
  return out;
}

void TableReader::check_keys(std::span<const std::string_view> known, const KeyHint& hint) {
  // In the order written (toml++ keeps keys sorted by name), so that when a
  // file has too many problems to list, the listed ones are its first.
  std::vector<const toml::key*> unknown;
  for (auto&& [key, value] : table_)
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) unknown.push_back(&key);
  std::stable_sort(unknown.begin(), unknown.end(), [](const toml::key* a, const toml::key* b) {
    const auto& pa = a->source().begin;
    const auto& pb = b->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  for (const toml::key* key_ptr : unknown) {
    const toml::key& key = *key_ptr;
    const std::string_view name = key.str();
    const SourcePos at = file_.pos(key.source());
    std::string message = where_ + "unknown key '" + to_nfc(name) + "'";
    if (std::string extra = hint ? hint(name) : std::string(); !extra.empty()) {
      message += "; " + extra;
    } else if (auto guess = closest_match(name, known)) {
      message += "; did you mean '" + std::string(*guess) + "'?";
      misspelt_.emplace_back(*guess);
    } else {
      message += "; the keys here are: " + join_names(known);
    }
    file_.mistake(at, std::move(message));
  }
}

}  // namespace annae::content
