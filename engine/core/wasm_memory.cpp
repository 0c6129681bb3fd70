// memcpy and memset for WebAssembly builds only (engine/CMakeLists.txt), in place of Emscripten
// 3.1.6's, which are musl's C loops.
// - Its memcpy copies below 512 bytes a byte at a time whenever the source and the destination
//   differ in their alignment (three copies in four: a string literal appended at any place in a
//   string), and text is made of such copies: they were a third of a DJI .kmz export there.
//   WebAssembly allows unaligned loads and stores, so this one moves 8 bytes at a time whatever
//   the alignment.
// - Long copies and fills are one bulk-memory instruction (memory.copy, memory.fill), carried
//   out by the JavaScript engine itself: Emscripten's hands copies of 512 bytes or more to a
//   call out to JavaScript (TypedArray.copyWithin), and fills 8 bytes a step. This file alone is
//   compiled with bulk memory (engine/CMakeLists.txt): with it on every file, LLVM 14 wants
//   atomics for thread-local storage and the link fails.
// Short ones stay loops here: the instructions were slower for them (below).
#include <cstddef>
#include <cstdint>

extern "C" {

// Unaligned views: one load or store each, whatever the address.
typedef uint64_t Unaligned64 __attribute__((aligned(1), may_alias));
typedef uint32_t Unaligned32 __attribute__((aligned(1), may_alias));
typedef uint16_t Unaligned16 __attribute__((aligned(1), may_alias));

// From these sizes on, the bulk-memory instructions. For copies, 256 was the faster of 64 and
// 256 on the parameter files (the KML and WPML files alike within the noise), and memory.copy
// for every size was slower than either. For fills, 32 is not tuned: below it a few stores do.
constexpr size_t kBulkCopyFrom = 256;
constexpr size_t kBulkFillFrom = 32;

// no_builtin: the compiler must not turn the loops below back into calls to memcpy and memset.
__attribute__((no_builtin("memcpy"))) void* memcpy(void* __restrict dest, const void* __restrict src, size_t n) {
    if (n >= kBulkCopyFrom) {
        __builtin_memcpy(dest, src, n);  // memory.copy: an instruction here, not a call
        return dest;
    }
    unsigned char* d = static_cast<unsigned char*>(dest);
    const unsigned char* s = static_cast<const unsigned char*>(src);
    for (; n >= 32; n -= 32, d += 32, s += 32) {
        const uint64_t a = *reinterpret_cast<const Unaligned64*>(s), b = *reinterpret_cast<const Unaligned64*>(s + 8),
                       c = *reinterpret_cast<const Unaligned64*>(s + 16), e = *reinterpret_cast<const Unaligned64*>(s + 24);
        *reinterpret_cast<Unaligned64*>(d) = a;
        *reinterpret_cast<Unaligned64*>(d + 8) = b;
        *reinterpret_cast<Unaligned64*>(d + 16) = c;
        *reinterpret_cast<Unaligned64*>(d + 24) = e;
    }
    for (; n >= 8; n -= 8, d += 8, s += 8) *reinterpret_cast<Unaligned64*>(d) = *reinterpret_cast<const Unaligned64*>(s);
    if (n >= 4) *reinterpret_cast<Unaligned32*>(d) = *reinterpret_cast<const Unaligned32*>(s), n -= 4, d += 4, s += 4;
    if (n >= 2) *reinterpret_cast<Unaligned16*>(d) = *reinterpret_cast<const Unaligned16*>(s), n -= 2, d += 2, s += 2;
    if (n) *d = *s;
    return dest;
}

__attribute__((no_builtin("memset"))) void* memset(void* dest, int c, size_t n) {
    if (n >= kBulkFillFrom) {
        __builtin_memset(dest, c, n);  // memory.fill
        return dest;
    }
    unsigned char* d = static_cast<unsigned char*>(dest);
    const uint64_t v = 0x0101010101010101ull * static_cast<unsigned char>(c);
    if (n >= 8) {  // 8 bytes a step, the last 8 overlapping what was filled
        for (size_t i = 0; i + 8 < n; i += 8) *reinterpret_cast<Unaligned64*>(d + i) = v;
        *reinterpret_cast<Unaligned64*>(d + n - 8) = v;
    } else if (n >= 4) {
        *reinterpret_cast<Unaligned32*>(d) = uint32_t(v);
        *reinterpret_cast<Unaligned32*>(d + n - 4) = uint32_t(v);
    } else if (n >= 2) {
        *reinterpret_cast<Unaligned16*>(d) = uint16_t(v);
        *reinterpret_cast<Unaligned16*>(d + n - 2) = uint16_t(v);
    } else if (n == 1) {
        *d = uint8_t(v);
    }
    return dest;
}

}  // extern "C"
