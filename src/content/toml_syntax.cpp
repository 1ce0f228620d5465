// TOML syntax errors, retold for someone who has never heard of TOML.
#include <string>

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

}  // namespace

std::optional<toml::table> parse_toml(std::string_view text, FileReport& file, Severity severity) {
  try {
    return toml::parse(text, std::string_view(file.path()));
  } catch (const toml::parse_error& e) {
    SourcePos at = file.pos(e.source());
    std::string message = friendly_message(e.description(), line_of(text, at.line), at.column);
    if (severity == Severity::error) file.error(at, std::move(message));
    else file.warning(at, std::move(message));
    return std::nullopt;
  }
}

}  // namespace annae::content
