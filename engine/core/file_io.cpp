#include "core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace lowsky {

Result<std::vector<uint8_t>> read_file_bytes(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return make_error(std::string("cannot open: ") + std::strerror(errno), path);
    std::vector<uint8_t> bytes;
    uint8_t buffer[1 << 16];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes.insert(bytes.end(), buffer, buffer + n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return make_error("read error", path);
    return bytes;
}

Result<bool> write_file_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return make_error(std::string("cannot create: ") + std::strerror(errno), path);
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    if (std::fclose(f) != 0 || !ok) return make_error("write error", path);
    return true;
}

}  // namespace lowsky
