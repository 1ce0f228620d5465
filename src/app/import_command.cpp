#include "app/import_command.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/renderer_choice.hpp"
#include "box/box_settings.hpp"
#include "box/import_report.hpp"
#include "box/running_player.hpp"
#include "box/status_file.hpp"
#include "box/import.hpp"
#include "core/files.hpp"

namespace annae::app {

using box::BoxSettings;
using box::ImportReport;
using box::load_box_settings;
using box::signal_running_player;
using box::system_config_file;
using box::iso_now;

namespace {

// Diagnostics name files relative to the show; staff look for them on the
// stick, so they get the stick's folder in front ("annae/010-cover.toml").
ImportReport report_for(const box::ImportResult& result, const std::string& folder_on_stick) {
  using Outcome = box::ImportResult::Outcome;
  ImportReport r;
  r.time = iso_now();
  const auto& d = result.load.diagnostics;
  switch (result.outcome) {
    case Outcome::imported: {
      r.outcome = "imported";
      const std::size_t slides = result.load.show ? result.load.show->slides.size() : 0;
      r.headline = "USB 콘텐츠를 적용했습니다 · 슬라이드 " + std::to_string(slides) + "장";
      if (d.warning_count() > 0) r.headline += " (확인할 점 " + std::to_string(d.warning_count()) + "건)";
      break;
    }
    case Outcome::rejected:
      r.outcome = "rejected";
      r.headline = "USB 콘텐츠에 오류가 " + std::to_string(std::max<std::size_t>(d.error_count(), 1)) +
                   "건 있어 적용하지 않았습니다";
      break;
    case Outcome::failed:
      r.outcome = "failed";
      r.headline = "USB 메모리를 끝까지 읽지 못해 적용하지 않았습니다";
      r.details.push_back(result.error);
      break;
  }
  // Errors first: they are what staff must fix.
  for (auto severity : {Severity::error, Severity::warning})
    for (const auto& item : d.items())
      if (item.severity == severity) {
        Diagnostic shown = item;
        if (!folder_on_stick.empty() && !shown.path.empty()) shown.path = folder_on_stick + "/" + shown.path;
        r.details.push_back(format(shown));
      }
  return r;
}

// annae import --clean-up: tidy_show_folder, told on out; errors on err.
int run_clean_up(const std::filesystem::path& content_dir, std::ostream& out, std::ostream& err) {
  const auto tidy = box::tidy_show_folder(content_dir);
  if (!tidy.error.empty()) {
    err << "annae import --clean-up: " << tidy.error << '\n';
    return 1;
  }
  if (tidy.import_running) {
    out << "an import into " << content_dir.string() << " is running; nothing removed\n";
    return 0;
  }
  for (const auto& path : tidy.removed) out << "removed " << path << " (left by an interrupted copy)\n";
  if (tidy.removed.empty()) out << "nothing left over by an interrupted copy in " << content_dir.string() << '\n';
  return 0;
}

// The last line the technician reads: what happened.
void print_outcome(const box::ImportResult& result, std::ostream& out) {
  using Outcome = box::ImportResult::Outcome;
  switch (result.outcome) {
    case Outcome::imported:
      out << "imported: " << result.files_copied << " files, " << (result.bytes_copied + 1023) / 1024 << " KB; "
          << (result.load.show ? result.load.show->slides.size() : 0) << " slides now play\n";
      break;
    case Outcome::rejected:
      out << "refused: the show on the stick has errors (above); the screen keeps its current show\n";
      break;
    case Outcome::failed:
      out << "failed: " << result.error << "\n";
      break;
  }
}

// Writes state_dir/last-import.txt for the screen, readable by the player's
// user; returns the write's error (told on err too), empty when written.
std::string write_report(const std::filesystem::path& state_dir, const ImportReport& report, std::ostream& err) {
  std::error_code ec;
  std::filesystem::create_directories(state_dir, ec);
  const auto report_path = state_dir / "last-import.txt";
  const std::string write_error = files::write_atomic(report_path, import_report_text(report));
  if (!write_error.empty()) {
    err << "annae import: cannot write the report for the screen: " << write_error << '\n';
  } else {
    // Imports run as root (udev); the player runs as the state folder's owner and must read it.
    struct stat folder {};
    if (stat(state_dir.c_str(), &folder) == 0 && getuid() == 0) {
      if (chown(report_path.c_str(), folder.st_uid, folder.st_gid) != 0) {
        err << "annae import: cannot hand " << report_path.string() << " to the player's user\n";
      }
    }
    chmod(report_path.c_str(), 0644);
  }
  return write_error;
}

}  // namespace

int run_import(const ImportCommand& cmd, std::ostream& out, std::ostream& err) {
  const BoxSettings settings = load_box_settings(cmd.box, renderer_names);
  for (const auto& d : settings.diagnostics.items()) err << format(d) << '\n';
  std::filesystem::path content_dir = cmd.content_dir;
  if (content_dir.empty() && settings.config.content_dir) content_dir = *settings.config.content_dir;
  if (content_dir.empty()) {
    err << "annae import: which content folder? Set content = \"...\" in " << system_config_file
        << " or pass --content DIR\n";
    return 2;
  }
  if (cmd.clean_up) return run_clean_up(content_dir, out, err);
  const auto state_dir = state_dir_for(cmd.box, settings);

  const auto show = box::find_show_on_stick(cmd.source);
  if (!show) {
    out << "nothing to import: " << cmd.source << " holds no annae/ folder (and no show.toml or slide files)\n";
    return 1;
  }
  out << "importing " << show->string() << " into " << content_dir.string() << '\n';
  const auto result = box::import_show(*show, content_dir);
  const bool in_folder = std::filesystem::path(cmd.source).lexically_normal() != show->lexically_normal();
  const ImportReport report = report_for(result, in_folder ? show->filename().string() : std::string());
  for (const auto& line : report.details) out << line << '\n';
  print_outcome(result, out);

  const std::string write_error = write_report(state_dir, report, err);
  if (cmd.notify_player && write_error.empty()) {
    std::string why;
    if (signal_running_player(state_dir, SIGUSR2, why)) out << "the screen shows the result to staff\n";
    else out << "(not shown on screen: " << why << ")\n";
  }
  return result.outcome == box::ImportResult::Outcome::imported ? 0 : 2;
}

}  // namespace annae::app
