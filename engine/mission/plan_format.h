#pragma once
// QGroundControl .plan files (JSON): what QGC and MAVSDK both load
// (docs/missions.md).

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "mission/mission.h"

namespace lowsky {

// Notes and a safety-gate override go into the file's "lowsky" member, which ground stations ignore.
std::string write_plan(const Mission& mission);

// Refuses what QGC or MAVSDK would refuse, with the JSON path; never throws.
Result<Mission> read_plan(std::string_view text, const std::string& source);

// The same reading with the whole document built as a tree first: the reference that
// read_plan's faster way through the items is checked against (tests, the fuzz harness).
Result<Mission> read_plan_as_tree(std::string_view text, const std::string& source);

// How read_plan takes this text: the number of items its own reader read (the others, and the
// rest of the document, come from the tree), or nothing when it leaves the whole text to
// read_plan_as_tree. The tests check that the fast way is the one taken on plain files.
std::optional<size_t> plan_items_read_directly(std::string_view text);

}  // namespace lowsky
