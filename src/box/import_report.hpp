#pragma once
// STATE/last-import.txt: what the last USB import did, written by
// `annae import` and read by the running player when it gets SIGUSR2 (and by
// technicians: `cat /var/lib/annae/state/last-import.txt`). Plain UTF-8 text:
//   line 1   imported|rejected|failed <ISO time>
//   line 2   the headline shown on screen (Korean, for staff)
//   line 3…  one diagnostic or error a line, file:line:col: message
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace annae::box {

struct ImportReport {
  std::string outcome;  // "imported" | "rejected" | "failed"
  std::string time;     // ISO 8601, local
  std::string headline;
  std::vector<std::string> details;
};

std::string import_report_text(const ImportReport& report);
// Nullopt when the text is not a report (empty, or an unknown outcome).
std::optional<ImportReport> parse_import_report(const std::string& text);

}  // namespace annae::box
