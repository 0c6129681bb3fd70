// engine/core/wasm_memory.cpp against byte-by-byte loops: memcpy and memset over every size up
// to past their hand-over to the bulk-memory instructions, every alignment of source and
// destination mod 8, the bytes around the destination left alone, and the destination
// returned. Built to WebAssembly only and run by tests/formats/wasm_cli.test.mjs; exit 0 when
// all agree.
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

constexpr size_t kLargest = 1100;
constexpr unsigned char kAround = 0xA5;

// Whether dst holds `expected(i)` at d[0..n) and kAround everywhere else.
template <class Expected>
bool holds(const std::vector<unsigned char>& dst, const unsigned char* d, size_t n, Expected expected) {
    for (size_t i = 0; i < dst.size(); ++i) {
        const unsigned char* at = dst.data() + i;
        const bool inside = at >= d && size_t(at - d) < n;
        if (dst[i] != (inside ? expected(size_t(at - d)) : kAround)) return false;
    }
    return true;
}

}  // namespace

int main() {
    // Called through volatile pointers: the compiler must not inline its own copy or fill.
    void* (*volatile copy)(void*, const void*, size_t) = &std::memcpy;
    void* (*volatile fill)(void*, int, size_t) = &std::memset;
    std::vector<unsigned char> src(kLargest + 16), dst(kLargest + 32);
    for (size_t i = 0; i < src.size(); ++i) src[i] = static_cast<unsigned char>(i * 131 + 7);
    long copies = 0, wrong_copies = 0, fills = 0, wrong_fills = 0;
    for (size_t n = 0; n <= kLargest; ++n) {
        for (size_t to = 0; to < 8; ++to) {
            unsigned char* d = dst.data() + 8 + to;
            for (size_t from = 0; from < 8; ++from) {
                std::fill(dst.begin(), dst.end(), kAround);
                const unsigned char* s = src.data() + from;
                const bool ok = copy(d, s, n) == d && holds(dst, d, n, [&](size_t i) { return s[i]; });
                ++copies;
                if (!ok && ++wrong_copies <= 5) std::printf("memcpy wrong: %zu bytes from offset %zu to offset %zu\n", n, from, to);
            }
            // A value whose int has bits above the byte's: only its low byte is written.
            std::fill(dst.begin(), dst.end(), kAround);
            const int value = 0x1234 + int(n % 7);
            const bool ok = fill(d, value, n) == d && holds(dst, d, n, [&](size_t) { return static_cast<unsigned char>(value); });
            ++fills;
            if (!ok && ++wrong_fills <= 5) std::printf("memset wrong: %zu bytes at offset %zu\n", n, to);
        }
    }
    std::printf("memcpy: %ld cases, %ld wrong; memset: %ld cases, %ld wrong\n", copies, wrong_copies, fills, wrong_fills);
    return wrong_copies == 0 && wrong_fills == 0 ? 0 : 1;
}
