#pragma once
// Numbers written into JSON text that is assembled by hand (large documents are too slow to
// build as a tree first in WebAssembly), in exactly the bytes nlohmann's dump() gives.

#include <string>

namespace lowsky {

// `v` as dump() writes it: the shortest text that reads back as `v`, "null" when not finite.
void append_json_number(std::string& out, double v);
// The same, written at `at` (room for 32 bytes); returns the end.
char* write_json_number(char* at, double v);

}  // namespace lowsky
