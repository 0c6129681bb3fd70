#pragma once
// Numbers written into JSON text that is assembled by hand (large documents are too slow to
// build as a tree first in WebAssembly), in exactly the bytes nlohmann's dump() gives.

#include <string>

#include <nlohmann/json.hpp>

namespace lowsky {

// `v` as dump() writes it: the shortest text that reads back as `v`, "null" when not finite.
void append_json_number(std::string& out, double v);
// The same, written at `at` (room for 32 bytes); returns the end.
char* write_json_number(char* at, double v);

// `value` onto `out` exactly as value.dump(indent, ' ', false, replace) writes it (indent 0 or
// more), without nlohmann's serializer: its stream adapter and number printing were most of a
// scenario save in WebAssembly. False, with `out` as it was, when a string in the tree is not
// UTF-8: the caller then dumps with nlohmann, which replaces the bad bytes.
bool append_json_tree(std::string& out, const nlohmann::json& value, int indent);
bool append_json_tree(std::string& out, const nlohmann::ordered_json& value, int indent);

}  // namespace lowsky
