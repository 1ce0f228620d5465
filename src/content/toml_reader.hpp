#pragma once
// Reading typed values out of a parsed TOML table, with a diagnostic in
// staff's words for each missing, misspelt or mistyped key. Internal to the
// content library (the only place that includes toml++).
#include <toml++/toml.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/model.hpp"
#include "core/diagnostic.hpp"

namespace annae::content {

// The file being read and where its problems go. Mistakes are errors in
// slide files and warnings in show.toml (a wrong setting falls back to its default).
// At most limits::max_diagnostics_per_file are listed; the rest are counted,
// and the destructor adds one line saying how many were left unlisted.
class FileReport {
 public:
  FileReport(std::string display_path, Diagnostics& out, Severity mistakes)
      : path_(std::move(display_path)), out_(out), mistakes_(mistakes) {}
  ~FileReport();
  FileReport(const FileReport&) = delete;
  FileReport& operator=(const FileReport&) = delete;

  const std::string& path() const { return path_; }
  SourcePos pos(const toml::source_region& at) const;
  SourcePos pos(const toml::node& node) const { return pos(node.source()); }
  SourcePos whole_file() const { return {path_, 0, 0}; }

  void mistake(const SourcePos& at, std::string message);  // error or warning, per file kind
  void error(const SourcePos& at, std::string message);
  void warning(const SourcePos& at, std::string message);

  int mistakes() const { return mistakes_count_; }
  int errors() const { return errors_; }
  Severity mistake_severity() const { return mistakes_; }

  // make_text reports only the first text over limits::max_text_chars;
  // once one is cut, the word limit is not checked (it would count the cut).
  bool report_long_text() { return !std::exchange(long_text_reported_, true); }
  bool cut_long_text() const { return long_text_reported_; }

 private:
  void add(Severity severity, const SourcePos& at, std::string message);

  std::string path_;
  Diagnostics& out_;
  Severity mistakes_;
  int mistakes_count_ = 0;
  int errors_ = 0;
  int listed_ = 0;
  int unlisted_ = 0;
  bool unlisted_error_ = false;
  bool long_text_reported_ = false;
};

enum class Need { optional, required };

// A hint for a key that is not valid here but means something elsewhere
// (another slide kind, show.toml, an item section); empty when unknown.
using KeyHint = std::function<std::string(std::string_view key)>;

// Reads one table. `where` prefixes messages about an item ("row 2: ").
class TableReader {
 public:
  TableReader(const toml::table& table, FileReport& file, std::string where = {})
      : table_(table), file_(file), where_(std::move(where)) {}

  const toml::table& table() const { return table_; }
  FileReport& file() const { return file_; }
  const std::string& where() const { return where_; }
  SourcePos pos() const { return file_.pos(table_); }
  const toml::node* node(std::string_view key) const { return table_.get(key); }
  bool has(std::string_view key) const { return table_.contains(key); }

  // Text; an empty string counts as absent (and is reported when required).
  std::optional<Text> text(std::string_view key, Need need, std::string_view example);
  // One text or a list of texts; empty entries are skipped.
  std::vector<Text> text_list(std::string_view key, Need need, std::string_view example);
  // A number of seconds (integer or decimal) within [min_s, max_s], returned in milliseconds.
  std::optional<int> seconds_ms(std::string_view key, double min_s, double max_s, std::string_view example);
  std::optional<double> number(std::string_view key, double min, double max, std::string_view example);
  std::optional<long long> integer(std::string_view key, std::string_view example);
  std::optional<bool> boolean(std::string_view key);
  std::optional<Date> date(std::string_view key, Need need);
  std::optional<int> time(std::string_view key, Need need, bool allow_end_of_day);
  std::optional<text::CivilTime> date_time(std::string_view key, bool date_alone_means_day_end);
  // One of `choices`, as written.
  std::optional<std::string_view> choice(std::string_view key, std::span<const std::string_view> choices);
  // A sub-table ([name] section or inline { }); reported when it is another type.
  const toml::table* table(std::string_view key);
  // A list of tables ([[name]] sections or [{ }, { }]); entries that are not tables are reported and skipped.
  std::vector<const toml::table*> table_list(std::string_view key, Need need, std::string_view item_name,
                                             std::string_view example);

  // Reports every key not in `known`, with "did you mean" or `hint`.
  void check_keys(std::span<const std::string_view> known, const KeyHint& hint = {});

  // Reports a wrong value of `key` at its position.
  void mistake(std::string_view key, std::string message);

 private:
  std::optional<Text> text_of(const toml::node& node, std::string_view key);
  // A missing key of the file's top table concerns the whole file; of an item, the item.
  SourcePos missing_pos() const { return where_.empty() ? file_.whole_file() : pos(); }

  // Whether check_keys suggested `key` for a misspelt key, so "missing" is not said twice.
  bool reported_as_misspelt(std::string_view key) const;

  const toml::table& table_;
  FileReport& file_;
  std::string where_;
  std::vector<std::string> misspelt_;  // keys suggested by check_keys
};

// A diagnostic is one line of visible text: line ends, tabs and control codes
// in quoted input become words in parentheses. Also NFC-normalizes.
std::string one_line(std::string_view text);

// Text from a TOML string: NFC, trimmed, control characters removed (with a
// warning), and cut to limits::max_text_chars (a mistake: the slide is left
// out, a show.toml setting is cut).
Text make_text(std::string_view raw, SourcePos at, FileReport& file);

// Characters (code points) in UTF-8 text.
std::size_t char_count(std::string_view text);
// The characters of the longest run without a space or line break; a CJK
// ideograph or kana counts as a run of its own (lines may break around it).
std::size_t longest_word_chars(std::string_view text);

// "26 223": a count for staff, with a space between thousands.
std::string count_text(std::size_t n);

// Checks texts the screen shows against limits::max_word_chars, reporting
// only the first text over it (one message per file is enough to act on).
// (make_text has already cut every text to limits::max_text_chars.)
class WordLimit {
 public:
  explicit WordLimit(FileReport& file) : file_(file) {}
  void check(const Text& text);

 private:
  FileReport& file_;
  bool reported_ = false;
};

// Parses `text` as TOML; on a syntax error reports one diagnostic in plain
// words at the error's position and returns nullopt.
std::optional<toml::table> parse_toml(std::string_view text, FileReport& file, Severity severity);

}  // namespace annae::content
