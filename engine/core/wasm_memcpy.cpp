// memcpy for WebAssembly builds only (engine/CMakeLists.txt), in place of Emscripten 3.1.6's.
// Its copies below 512 bytes go a byte at a time whenever the source and the destination differ
// in their alignment (three copies in four: a string literal appended at any place in a string),
// and text is made of such copies: they were a third of a DJI .kmz export there. WebAssembly
// allows unaligned loads and stores, so this one moves 8 bytes at a time whatever the
// alignment, and hands long copies to the JavaScript runtime's copy (TypedArray.copyWithin), as
// Emscripten's does. (Bulk memory's memory.copy would do it all, but LLVM 14 then wants atomics
// for thread-local storage and the link fails.)
#include <cstddef>
#include <cstdint>

extern "C" {

void emscripten_memcpy_big(void* dest, const void* src, size_t n);  // the runtime's, imported; returns nothing

// Unaligned views: one load or store each, whatever the address.
typedef uint64_t Unaligned64 __attribute__((aligned(1), may_alias));
typedef uint32_t Unaligned32 __attribute__((aligned(1), may_alias));
typedef uint16_t Unaligned16 __attribute__((aligned(1), may_alias));

// no_builtin: the compiler must not turn these loops back into a call to memcpy.
__attribute__((no_builtin("memcpy"))) void* memcpy(void* __restrict dest, const void* __restrict src, size_t n) {
    if (n >= 512) {
        emscripten_memcpy_big(dest, src, n);
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

}  // extern "C"
