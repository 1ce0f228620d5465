#pragma once
// The hostile-input suite's cases: files an attacker or an unlucky staffer
// could copy into a show folder, each with what must happen. The same table
// drives `annae check`, `annae render` and the live player
// (tests/hostile/hostile_test.cpp); add a case here and all three run it.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace annae::hostile {

struct Case {
  const char* name;
  // Adds the hostile files to `show` (a copy of a good show whose slides
  // are 010-cover.toml … and show.toml). `outside` is a sibling folder
  // holding a valid slide and a secret that must never be read.
  std::function<void(const std::filesystem::path& show, const std::filesystem::path& outside)> make;
  int check_exit;          // annae check's exit code: 0 clean, 1 warnings only, 2 errors
  const char* check_says;  // a line annae check must print (a substring); "" for none
  const char* never_says;  // a substring annae check must not print; "" for none
};

// Every case, in the order they run.
const std::vector<Case>& cases();

// Names (relative to the show folder) of the links to places outside it that
// the last make() created: opening one of them is the escape the suite looks
// for. Cleared by forget_outside_links(), which the suite calls before make().
const std::vector<std::string>& outside_link_names();
void forget_outside_links();

}  // namespace annae::hostile
