#pragma once
// A diagnostic is one problem found in content, addressed to the person who
// wrote the content: `path:line:col: error: message`. Lines and columns count
// from 1; 0 means "unknown" and is left out of the formatted text.
#include <string>
#include <vector>

namespace annae {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string path;     // as the user would type it (relative to the show when possible)
  int line = 0;         // 1-based; 0 when the problem concerns the whole file
  int column = 0;       // 1-based, in characters (not bytes); 0 when unknown
  std::string message;  // plain words, no trailing period needed

  bool operator==(const Diagnostic&) const = default;
};

// "path:line:col: error: message" (parts that are 0 are omitted).
std::string format(const Diagnostic& d);
// "path:line:col: message" — for a log line whose level already says error or warning.
std::string format_for_log(const Diagnostic& d);

// Collects diagnostics in the order they were found.
class Diagnostics {
 public:
  void error(std::string path, int line, int column, std::string message);
  void warning(std::string path, int line, int column, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace annae
