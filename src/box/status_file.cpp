#include "box/status_file.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "core/files.hpp"

namespace annae::box {
namespace {

// A JSON string of `s`, cut to max_status_field_bytes on a character boundary
// (with "…" to show it was cut).
std::string quoted(const std::string& s) {
  std::string_view v = s;
  const bool cut = v.size() > max_status_field_bytes;
  if (cut) {
    std::size_t end = max_status_field_bytes;
    while (end > 0 && (static_cast<unsigned char>(v[end]) & 0xC0) == 0x80) --end;
    v = v.substr(0, end);
  }
  std::string out = "\"";
  for (unsigned char c : v) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  if (cut) out += "\u2026";
  return out + "\"";
}

}  // namespace

std::string status_json(const Status& s) {
  std::string out = "{\n";
  out += "  \"pid\": " + std::to_string(s.pid) + ",\n";
  out += "  \"show\": " + quoted(s.show_dir) + ",\n";
  out += "  \"loaded_at\": " + quoted(s.loaded_at) + ",\n";
  out += "  \"on_screen\": " + quoted(s.on_screen) + ",\n";
  out += std::string("  \"using_last_good_show\": ") + (s.using_last_good ? "true" : "false") + ",\n";
  out += std::string("  \"night\": ") + (s.night ? "true" : "false") + ",\n";
  std::size_t errors = 0;
  for (const auto& d : s.diagnostics) errors += d.severity == Severity::error;
  out += "  \"errors\": " + std::to_string(errors) + ",\n";
  out += "  \"warnings\": " + std::to_string(s.diagnostics.size() - errors) + ",\n";
  const std::size_t listed = std::min(s.diagnostics.size(), max_status_diagnostics);
  out += "  \"diagnostics_not_listed\": " + std::to_string(s.diagnostics.size() - listed) + ",\n";
  out += "  \"diagnostics\": [";
  for (std::size_t i = 0; i < listed; ++i) {
    const auto& d = s.diagnostics[i];
    out += i ? ",\n" : "\n";
    out += "    {\"severity\": " + quoted(d.severity == Severity::error ? "error" : "warning") +
           ", \"file\": " + quoted(d.path) + ", \"line\": " + std::to_string(d.line) +
           ", \"column\": " + std::to_string(d.column) + ", \"message\": " + quoted(d.message) +
           ", \"text\": " + quoted(format(d)) + "}";
  }
  out += s.diagnostics.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::optional<int> pid_in_status_json(std::string_view json) {
  const auto key = json.find("\"pid\":");
  if (key == std::string_view::npos) return std::nullopt;
  auto at = json.find_first_not_of(' ', key + 6);
  int pid = 0;
  bool digits = false;
  while (at < json.size() && json[at] >= '0' && json[at] <= '9' && pid < 100'000'000) {
    pid = pid * 10 + (json[at++] - '0');
    digits = true;
  }
  if (!digits || pid <= 0) return std::nullopt;
  return pid;
}

std::string write_status(const std::filesystem::path& path, const Status& status) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  return files::write_atomic(path, status_json(status));
}

std::string iso_now() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &local);
  std::string s = buf;  // +0900 → +09:00
  if (s.size() >= 5) s.insert(s.size() - 2, ":");
  return s;
}

}  // namespace annae::box
