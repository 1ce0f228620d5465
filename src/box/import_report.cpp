#include "box/import_report.hpp"

#include <sstream>

namespace annae::box {
namespace {

// One report line per item: a line break inside a message would start a new item.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string import_report_text(const ImportReport& r) {
  std::string out = one_line(r.outcome) + " " + one_line(r.time) + "\n" + one_line(r.headline) + "\n";
  for (const auto& d : r.details) out += one_line(d) + "\n";
  return out;
}

std::optional<ImportReport> parse_import_report(const std::string& text) {
  std::istringstream in(text);
  std::string first;
  if (!std::getline(in, first)) return std::nullopt;
  ImportReport r;
  const auto space = first.find(' ');
  r.outcome = first.substr(0, space);
  if (space != std::string::npos) r.time = first.substr(space + 1);
  if (r.outcome != "imported" && r.outcome != "rejected" && r.outcome != "failed") return std::nullopt;
  std::getline(in, r.headline);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) r.details.push_back(line);
  return r;
}

}  // namespace annae::box
