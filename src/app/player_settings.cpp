#include "app/player_settings.hpp"

namespace annae::app {

PlayerSettings resolve_player_settings(const RunCommand& run, const box::BoxSettings& settings) {
  const auto& c = settings.config;
  PlayerSettings p;
  p.show_dir = box::show_dir_for(run.show_dir, settings);
  p.state_dir = box::state_dir_for(run.box, settings);
  p.status_file = run.status_file.empty() ? p.state_dir / "status.json" : std::filesystem::path(run.status_file);
  p.window_size = run.window_size;
  p.at = run.at;
  p.rotate_deg = run.rotate_deg ? run.rotate_deg : c.rotate_deg;
  // The names were checked against their tables by the CLI and the config's reader.
  const auto renderer = run.renderer ? run.renderer : c.renderer;
  if (renderer) p.renderer = renderer_named(*renderer).value_or(RendererChoice::automatic);
  const auto watch = run.watch ? run.watch : c.watch;
  if (watch) p.watch = content::watch_mode_named(*watch);
  p.video_driver = c.video_driver.value_or("");
  p.display_index = c.display_index.value_or(0);
  p.night = c.night;
  return p;
}

}  // namespace annae::app
