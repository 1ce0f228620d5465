#pragma once
// Finding the player that runs on this box, from another process
// (`annae screenshot`, `annae import`): its status.json in the state folder
// names its pid, which is trusted only while that process is an annae.
#include <filesystem>
#include <optional>
#include <string>

namespace annae::box {

// The pid of the player writing `state_dir`/status.json, when it still runs;
// else nullopt and `why` says what was found, for the technician.
std::optional<int> running_player_pid(const std::filesystem::path& state_dir, std::string& why);

// Sends `signal` to that player. False with `why` set when there is none or it may not be signalled.
bool signal_running_player(const std::filesystem::path& state_dir, int signal, std::string& why);

}  // namespace annae::box
