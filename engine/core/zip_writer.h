#pragma once
// A small ZIP writer (stored entries, no compression) for the few files of a DJI .kmz.
// Deterministic: the same entries give the same bytes (timestamps are fixed at 1980-01-01).

#include <cstdint>
#include <string>
#include <vector>

namespace lowsky {

struct ZipEntry {
    std::string name;  // forward slashes, no leading slash
    std::vector<uint8_t> data;
};

std::vector<uint8_t> write_zip(const std::vector<ZipEntry>& entries);

}  // namespace lowsky
