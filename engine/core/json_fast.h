#pragma once
// A JSON text into a Json value in one pass over the bytes: the fast way in for every document
// lowsky reads (a 10,000-waypoint .plan is 5 MB). It accepts exactly RFC 8259 JSON in UTF-8, as
// nlohmann's parser does, with the nesting bounded; on anything else it gives up, and the caller
// takes nlohmann's path, which says what is wrong and where (core/json_read.h).

#include <optional>
#include <string_view>

#include "core/json_read.h"

namespace lowsky {

std::optional<Json> parse_json_fast(std::string_view text, size_t max_depth);

}  // namespace lowsky
