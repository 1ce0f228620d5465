#include "core/diagnostic.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace annae {

namespace {

// Paths and messages quote what staff typed (keys, values, file names), which
// may hold an escape sequence or a bidi override; printed raw, it would
// recolour the terminal or reorder the line. utf8::escape_controls makes it
// visible instead, and keeps every diagnostic on one line.
std::string location(const Diagnostic& d) {
  std::string out = utf8::escape_controls(d.path);
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  return out;
}

}  // namespace

std::string format(const Diagnostic& d) {
  return location(d) + (d.severity == Severity::error ? ": error: " : ": warning: ") +
         utf8::escape_controls(d.message);
}

std::string format_for_log(const Diagnostic& d) { return location(d) + ": " + utf8::escape_controls(d.message); }

void Diagnostics::error(std::string path, int line, int column, std::string message) {
  items_.push_back({Severity::error, std::move(path), line, column, std::move(message)});
}

void Diagnostics::warning(std::string path, int line, int column, std::string message) {
  items_.push_back({Severity::warning, std::move(path), line, column, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

}  // namespace annae
