#pragma once
// Whole-file reading and writing for the native tools (the browser hands the engine bytes).

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace lowsky {

Result<std::vector<uint8_t>> read_file_bytes(const std::string& path);
Result<bool> write_file_bytes(const std::string& path, const std::vector<uint8_t>& bytes);

}  // namespace lowsky
