#pragma once
// The running player: opens the screen and the fonts, then plays until quit
// (app/player.hpp has its parts and its loop).
#include "app/player_settings.hpp"

namespace annae::app {

// Plays until quit; returns the process exit status.
int run_player(const PlayerSettings& settings);

}  // namespace annae::app
