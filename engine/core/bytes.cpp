#include "core/bytes.h"

#include <array>

namespace lowsky {

namespace {
// Tables for reading four bytes per step ("slicing by 4"): table[k][n] is the CRC of byte n
// followed by k zero bytes. A byte at a time is a chain of dependent lookups, slow in
// WebAssembly above all.
using CrcTables = std::array<std::array<uint32_t, 256>, 4>;

CrcTables make_crc_tables() {
    CrcTables t{};
    for (uint32_t n = 0; n < 256; ++n) {
        uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[0][n] = c;
    }
    for (uint32_t n = 0; n < 256; ++n)
        for (size_t k = 1; k < 4; ++k) t[k][n] = t[0][t[k - 1][n] & 0xFF] ^ (t[k - 1][n] >> 8);
    return t;
}
}  // namespace

uint32_t crc32(const uint8_t* data, size_t size) {
    static const CrcTables t = make_crc_tables();
    uint32_t c = 0xFFFFFFFFu;
    size_t i = 0;
    for (; i + 4 <= size; i += 4) {
        c ^= uint32_t(data[i]) | uint32_t(data[i + 1]) << 8 | uint32_t(data[i + 2]) << 16 | uint32_t(data[i + 3]) << 24;
        c = t[3][c & 0xFF] ^ t[2][(c >> 8) & 0xFF] ^ t[1][(c >> 16) & 0xFF] ^ t[0][c >> 24];
    }
    for (; i < size; ++i) c = t[0][(c ^ data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

}  // namespace lowsky
