// TOML syntax errors, retold for someone who has never heard of TOML, and
// the nesting limits checked before toml++ sees the bytes.
#include <algorithm>
#include <string>
#include <vector>

#include "content/limits.hpp"

#include "content/normalize.hpp"
#include "content/toml_reader.hpp"
#include "core/utf8.hpp"

namespace annae::content {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view line_of(std::string_view text, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  const std::size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// The value part of `key = value`, without leading spaces.
std::string_view value_of(std::string_view line) {
  const std::size_t eq = line.find('=');
  if (eq == std::string_view::npos) return {};
  std::string_view v = line.substr(eq + 1);
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  return v;
}

bool looks_like_time(std::string_view v) {
  std::size_t i = 0;
  while (i < v.size() && i < 2 && is_digit(v[i])) ++i;
  return i > 0 && i < v.size() && v[i] == ':';
}

bool looks_like_date_time(std::string_view v) {
  return v.size() >= 12 && is_digit(v[0]) && is_digit(v[3]) && v[4] == '-' &&
         v.find_first_of(" T") != std::string_view::npos && v.find(':') != std::string_view::npos;
}

bool starts_with_curly_quote(std::string_view v) {
  return v.starts_with("\u201C") || v.starts_with("\u201D") || v.starts_with("\u2018") || v.starts_with("\u2019") ||
         v.starts_with("\u300C") || v.starts_with("\u300E");
}

// toml++ says "Error while parsing value: could not determine value type";
// keep only the part after the last ": " prefix of that kind.
std::string_view detail_of(std::string_view description) {
  constexpr std::string_view prefix = "Error while parsing ";
  if (description.starts_with(prefix)) {
    const std::size_t colon = description.find(": ");
    if (colon != std::string_view::npos) return description.substr(colon + 2);
  }
  return description;
}

std::string_view quoted_name_at_end(std::string_view d) {
  if (!d.ends_with("'")) return {};
  const std::size_t open = d.rfind('\'', d.size() - 2);
  if (open == std::string_view::npos) return {};
  return d.substr(open + 1, d.size() - open - 2);
}

// toml++ writes what it saw with C escapes ('\n'); say it in words.
std::string plain_saw(std::string_view detail) {
  std::string out(detail);
  for (const auto& [escaped, words] : {std::pair<std::string_view, std::string_view>{"'\\n'", "the end of the line"},
                                       {"'\\r'", "the end of the line"},
                                       {"'\\t'", "a tab"}}) {
    for (std::size_t at = out.find(escaped); at != std::string::npos; at = out.find(escaped, at + words.size()))
      out.replace(at, escaped.size(), words);
  }
  return one_line(out);
}

bool starts_with_number_then_words(std::string_view v) {
  std::size_t i = 0;
  while (i < v.size() && (is_digit(v[i]) || v[i] == '.')) ++i;
  return i > 0 && i < v.size() && v[i] != ' ' && v[i] != '#' && v[i] != ':' && v[i] != '-' && v[i] != ',' &&
         v[i] != ']' && v[i] != '}';
}

std::string friendly_message(std::string_view description, std::string_view line, int column) {
  const std::string_view detail = detail_of(description);
  // An error at the end of a line inside a string: the closing quote is missing.
  if (detail.find("control characters") != std::string_view::npos &&
      column > static_cast<int>(utf8::length(line)))
    return "this text has no closing double quote \"; for text over several lines, open and close it with \"\"\"";
  const std::string_view value = value_of(line);
  const bool bad_value = detail.find("could not determine value type") != std::string_view::npos ||
                         description.starts_with("Error while parsing time") ||
                         description.starts_with("Error while parsing date-time");
  if (bad_value && !value.empty()) {
    if (starts_with_curly_quote(value))
      return "use straight double quotes \"...\" around text, not curly quotes “...” (a word processor may have "
             "changed them; edit the file in Notepad)";
    if (looks_like_date_time(value)) return "write a date and time in double quotes, like from = \"2023-09-26 09:00\"";
    if (looks_like_time(value)) return "write a time in double quotes, like start = \"14:00\"";
    if (!is_digit(value.front()) && value.front() != '[' && value.front() != '{' && value.front() != '-' &&
        value.front() != '+')
      return "text must be in double quotes, like title = \"지역균형발전포럼\"";
  }
  if (!value.empty() && starts_with_number_then_words(value) && !looks_like_time(value) && !looks_like_date_time(value) &&
      detail.find("saw") != std::string_view::npos && !description.starts_with("Error while parsing date"))
    return "write a number alone, without a unit or words after it, like duration = 15 (durations are in seconds)";
  if (description.starts_with("Error while parsing date"))
    return "this date does not exist or is written wrongly (" + plain_saw(detail) + "); write dates like \"2023-09-26\"";
  if (detail.find("escape sequence") != std::string_view::npos)
    return "a backslash \\ starts a special code inside \"...\"; write file paths with forward slashes, like "
           "\"images/logo.png\", and a backslash itself as \\\\";
  if (description.starts_with("Error while parsing string") && detail.find("end-of-file") != std::string_view::npos)
    return "this text has no closing double quote \"; for text over several lines, open and close it with \"\"\"";
  if (detail.find("cannot redefine existing") != std::string_view::npos) {
    const std::string_view name = quoted_name_at_end(detail);
    if (!name.empty()) return "'" + one_line(name) + "' is written twice in this file; keep only one";
  }
  if (detail.starts_with("expected keys, tables, whitespace or comments"))
    return "each line must be a setting like key = \"value\" (text goes inside double quotes; for text over several "
           "lines, open and close it with \"\"\")";
  if (detail.starts_with("expected a comment or whitespace"))
    return "unexpected text after the value; put all of the text inside the double quotes (a # starts a comment)";
  return "this is not valid TOML: " + plain_saw(detail);
}

// ---- nesting, before toml++ ---------------------------------------------
//
// toml++ 3.3 recurses once per level of a dotted key, a table header and a
// nested value, and crashes on the stack when a file nests deeply enough
// (see limits.hpp). This linear scan understands just enough TOML to count
// those levels: strings of the four kinds, comments, keys (bare, quoted,
// dotted), headers, [ ] and { }. It counts exactly on valid TOML; on invalid
// TOML it stays linear and may skip the rest of a line, which is safe
// because toml++ stops at the first syntax error.

struct NestingProblem {
  int line = 0;
  int column = 0;
  std::string message;
};

std::size_t utf8_chars(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool ends_bare_key(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '.' || c == '=' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == ',' || c == '#' || c == '"' || c == '\'';
}

class NestingScan {
 public:
  explicit NestingScan(std::string_view text) : text_(text) {}

  std::optional<NestingProblem> run() {
    while (!problem_ && !at_end()) statement();
    return problem_;
  }

 private:
  // A [ ] or { } being read. Keys inside a { } start from `key_base`.
  struct Frame {
    bool table = false;
    int key_base = 0;
    int last_key_depth = 0;  // of the key read last in a { }
  };

  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  bool looking_at(std::string_view s) const { return text_.substr(pos_).starts_with(s); }

  // Lines count '\n' (the decoder has turned every line end into one);
  // columns count characters (code points), as toml++ does.
  void advance() {
    const char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }
  void advance(std::size_t n) {
    for (std::size_t i = 0; i < n && !at_end(); ++i) advance();
  }

  void fail(int line, int column, std::string message) {
    if (!problem_) problem_ = NestingProblem{line, column, std::move(message)};
  }

  void skip_blanks() {
    while (!at_end() && (peek() == ' ' || peek() == '\t')) advance();
  }
  void skip_comment() {
    while (!at_end() && peek() != '\n') advance();
  }
  void skip_line() {
    skip_comment();
    if (!at_end()) advance();
  }

  // At a quote: skips the whole string. A one-line string that is not closed
  // ends at the line's end (toml++ reports it there).
  void skip_string() {
    const char quote = peek();
    const bool basic = quote == '"';
    const std::string_view triple = basic ? "\"\"\"" : "'''";
    if (looking_at(triple)) {
      advance(3);
      while (!at_end()) {
        if (basic && peek() == '\\') {
          advance(2);
        } else if (looking_at(triple)) {
          advance(3);
          for (int extra = 0; extra < 2 && peek() == quote; ++extra) advance();  // """a"""" ends with a quote
          return;
        } else {
          advance();
        }
      }
      return;
    }
    advance();
    while (!at_end() && peek() != '\n') {
      if (basic && peek() == '\\' && peek(1) != '\n') {
        advance(2);
      } else if (peek() == quote) {
        advance();
        return;
      } else {
        advance();
      }
    }
  }

  // Reads a key path (a, a.b, "a".'b') whose first segment is at depth
  // base + 1, checking each segment. Returns the path's depth, or -1 when
  // there is no key here.
  int key_path(int base) {
    int depth = base;
    for (;;) {
      skip_blanks();
      const int line = line_, column = column_;
      const std::size_t start = pos_;
      std::size_t chars = 0;
      if (peek() == '"' || peek() == '\'') {
        skip_string();
        chars = utf8_chars(text_.substr(start, pos_ - start));
        chars = chars >= 2 ? chars - 2 : 0;  // without the quotes
      } else {
        while (!at_end() && !ends_bare_key(peek())) advance();
        chars = utf8_chars(text_.substr(start, pos_ - start));
        if (chars == 0) return depth == base ? -1 : depth;
      }
      ++depth;
      if (depth > limits::max_key_depth) {
        fail(line, column,
             "keys and sections can be at most " + std::to_string(limits::max_key_depth) +
                 " levels deep (theme.colors.accent is 3 levels); this one goes deeper, so the file was not read");
        return depth;
      }
      if (chars > limits::max_key_chars) {
        fail(line, column,
             "a key can be at most " + std::to_string(limits::max_key_chars) +
                 " characters long; this one is longer, so the file was not read (the keys are the English words "
                 "listed in FORMAT.md)");
        return depth;
      }
      skip_blanks();
      if (peek() != '.') return depth;
      advance();
    }
  }

  // One line of the top level: blank, comment, [header], [[header]] or key = value.
  void statement() {
    skip_blanks();
    if (at_end()) return;
    const char c = peek();
    if (c == '\n' || c == '\r' || c == '#') {
      skip_line();
    } else if (c == '[') {
      advance(peek(1) == '[' ? 2 : 1);
      header_depth_ = std::max(0, key_path(0));
      skip_line();  // ] or ]] and a comment; anything else is toml++'s syntax error
    } else {
      const int depth = key_path(header_depth_);
      skip_blanks();
      if (depth < 0 || peek() != '=') {
        skip_line();  // not a key = value line: toml++ stops here
        return;
      }
      advance();
      value(depth);
    }
  }

  void open(bool table, int key_base) {
    const int line = line_, column = column_;
    advance();
    frames_.push_back({table, key_base, key_base});
    if (static_cast<int>(frames_.size()) > limits::max_value_depth)
      fail(line, column,
           "lists and { } can be inside each other at most " + std::to_string(limits::max_value_depth) +
               " levels deep (a list of { } is 2 levels); this goes deeper, so the file was not read");
  }

  // The key depth of a [ or { opened here.
  int key_depth_here(int statement_key_depth) const {
    if (frames_.empty()) return statement_key_depth;
    return frames_.back().table ? frames_.back().last_key_depth : frames_.back().key_base;
  }

  // Inside { }, after { or a comma: a key, then = (or the closing }).
  void table_key() {
    const int depth = key_path(frames_.back().key_base);
    if (depth >= 0) frames_.back().last_key_depth = depth;
    skip_blanks();
    if (peek() == '=') advance();
  }

  // The value after `key =`, to the end of its line; a list may run over lines.
  void value(int key_depth) {
    frames_.clear();
    bool started = false;
    while (!problem_ && !at_end()) {
      const char c = peek();
      if (c == '\n') {
        if (frames_.empty() || frames_.back().table) break;  // a { } ends on its line (toml++ reports it)
        advance();
      } else if (c == ' ' || c == '\t' || c == '\r') {
        advance();
      } else if (c == '#') {
        skip_comment();
      } else if (c == '"' || c == '\'') {
        skip_string();
        started = true;
      } else if (c == '[' || c == '{') {
        if (started && frames_.empty()) break;  // a second value: toml++ reports it
        open(c == '{', key_depth_here(key_depth));
        started = true;
        if (c == '{' && !problem_) table_key();
      } else if (c == ']' || c == '}') {
        if (frames_.empty()) break;
        advance();
        frames_.pop_back();
      } else if (c == ',') {
        advance();
        if (!frames_.empty() && frames_.back().table) table_key();
      } else {
        advance();
        started = true;
      }
    }
    frames_.clear();
    skip_line();
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  int header_depth_ = 0;  // key depth of the current [section]
  std::vector<Frame> frames_;
  std::optional<NestingProblem> problem_;
};

// After parsing: no node deeper than the scan allows. A second line of
// defence; its recursion stops one level past the limit.
const toml::node* too_deep(const toml::node& node, int depth) {
  if (depth > limits::max_key_depth + limits::max_value_depth) return &node;
  if (const auto* table = node.as_table()) {
    for (auto&& [key, child] : *table)
      if (const toml::node* deep = too_deep(child, depth + 1)) return deep;
  } else if (const auto* array = node.as_array()) {
    for (const toml::node& child : *array)
      if (const toml::node* deep = too_deep(child, depth + 1)) return deep;
  }
  return nullptr;
}

}  // namespace

std::optional<toml::table> parse_toml(std::string_view text, FileReport& file, Severity severity) {
  const auto report = [&](SourcePos at, std::string message) {
    if (severity == Severity::error) file.error(at, std::move(message));
    else file.warning(at, std::move(message));
  };
  if (auto problem = NestingScan(text).run()) {
    report({file.path(), problem->line, problem->column}, std::move(problem->message));
    return std::nullopt;
  }
  try {
    toml::table table = toml::parse(text, std::string_view(file.path()));
    if (const toml::node* deep = too_deep(table, 0)) {
      report(file.pos(*deep), "this is nested too deeply, so the file was not read");
      return std::nullopt;
    }
    return table;
  } catch (const toml::parse_error& e) {
    SourcePos at = file.pos(e.source());
    report(at, friendly_message(e.description(), line_of(text, at.line), at.column));
    return std::nullopt;
  }
}

}  // namespace annae::content
