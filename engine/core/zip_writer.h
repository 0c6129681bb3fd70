#pragma once
// A small ZIP writer (stored entries, no compression) for the few files of a DJI .kmz.
// Deterministic: the same entries give the same bytes (timestamps are fixed at 1980-01-01).

#include <cstdint>
#include <string_view>
#include <vector>

namespace lowsky {

// Views of the caller's name and bytes: the archive is written in one pass into a buffer of its
// exact size (copies of a few kilobytes were most of a .kmz export in WebAssembly).
struct ZipEntry {
    std::string_view name;  // forward slashes, no leading slash
    std::string_view data;
};

std::vector<uint8_t> write_zip(const std::vector<ZipEntry>& entries);

}  // namespace lowsky
