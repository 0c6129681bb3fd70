#pragma once
// What each fuzz target does with its bytes: every step the app or the command-line tool
// would take with such a file, and a dump of every JSON that comes out. A broken invariant
// (an error without a message, text in a result that is not UTF-8) stops with a trap, which
// libFuzzer reports like a crash. The robustness test runs the same steps.

#include <string_view>

#include "scenario/scenario.h"

namespace lowsky::fuzz {

// load -> compile -> validate -> route -> export -> save -> a short simulation.
void exercise_scenario(std::string_view bytes);
// import_file under the given name (its extension picks the format), describe, write back.
void exercise_import(const char* file_name, std::string_view bytes);
void exercise_places(std::string_view bytes);
void exercise_basemap(std::string_view bytes);
// The bytes as a list of edit commands, applied to `base` in turn, then undone.
void exercise_edit(const Scenario& base, std::string_view bytes);
// The fast JSON parser against nlohmann's, and the number reader and printer against the C
// library's: the same value, bit for bit and dump for dump, or both refuse.
void exercise_json(std::string_view bytes);
void exercise_numbers(std::string_view bytes);

}  // namespace lowsky::fuzz
