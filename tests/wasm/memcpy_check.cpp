// engine/core/wasm_memcpy.cpp against a byte-by-byte copy: every size up to past the hand-over
// to the runtime's copy, every alignment of source and destination mod 8, the bytes around the
// destination left alone, and the destination returned. Built to WebAssembly only and run by
// tests/formats/wasm_cli.test.mjs; exit 0 when all agree.
#include <cstdio>
#include <cstring>
#include <vector>

int main() {
    // Called through a volatile pointer: the compiler must not inline its own copy.
    void* (*volatile copy)(void*, const void*, size_t) = &std::memcpy;
    std::vector<unsigned char> src(1200 + 16), dst(1200 + 32);
    for (size_t i = 0; i < src.size(); ++i) src[i] = static_cast<unsigned char>(i * 131 + 7);
    long cases = 0, wrong = 0;
    for (size_t n = 0; n <= 1100; ++n) {
        for (size_t from = 0; from < 8; ++from) {
            for (size_t to = 0; to < 8; ++to) {
                std::fill(dst.begin(), dst.end(), 0xA5);
                unsigned char* d = dst.data() + 8 + to;
                const unsigned char* s = src.data() + from;
                bool ok = copy(d, s, n) == d;
                for (size_t i = 0; i < dst.size(); ++i) {
                    const size_t at = static_cast<size_t>(dst.data() + i - d);
                    const bool inside = dst.data() + i >= d && at < n;
                    ok = ok && dst[i] == (inside ? s[at] : 0xA5);
                }
                ++cases;
                if (!ok && ++wrong <= 5) std::printf("wrong: %zu bytes from offset %zu to offset %zu\n", n, from, to);
            }
        }
    }
    std::printf("memcpy: %ld cases, %ld wrong\n", cases, wrong);
    return wrong == 0 ? 0 : 1;
}
