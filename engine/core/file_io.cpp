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
    if (failed) return make_error(std::string("cannot read: ") + std::strerror(errno ? errno : EIO), path);  // "Is a directory", ...
    return bytes;
}

// Atomic: the bytes go to a temporary file beside the target, which then replaces it, so that a
// failed or interrupted write leaves the old file whole.
Result<bool> write_file_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
    const std::string temporary = path + ".lowsky-partial";
    std::FILE* f = std::fopen(temporary.c_str(), "wb");
    if (!f) return make_error(std::string("cannot create: ") + std::strerror(errno), path);
    errno = 0;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
    const int write_errno = errno;
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) {
        const int why = write_errno ? write_errno : errno ? errno : EIO;  // "No space left on device", "File too large"
        std::remove(temporary.c_str());
        return make_error(std::string("cannot write: ") + std::strerror(why) + "; nothing was replaced", path);
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(temporary.c_str());
        return make_error("cannot replace: " + why, path);
    }
    return true;
}

}  // namespace lowsky
