#include "heap_warmup.h"

#include <cstdlib>

namespace lowsky {

namespace {
constexpr size_t kChunkBytes = size_t(256) << 10;  // a step: about 0.75 ms of first writes in the page (a megabyte overran slices by 3 ms)
constexpr size_t kPageBytes = 4096;
}  // namespace

HeapWarmup::~HeapWarmup() { release(); }

bool HeapWarmup::advance(const std::function<bool()>& pause) {
    if (!grown_) {
        // The heap grown to the size in one go while it is small: growing a large heap is
        // costly in Chromium (tens of milliseconds at 200 MB), growing a small one is not
        // (16 to 211 MB took 0.6 ms). Freed at once, the memory stays the heap's.
        grown_ = true;
        if (void* whole = std::malloc(target_)) {
            static_cast<volatile char*>(whole)[0] = 0;
            std::free(whole);
        }
        if (pause && pause()) return false;
    }
    while (touched_ < target_) {
        void* chunk = std::malloc(kChunkBytes);
        if (!chunk) {  // as much as there is: the job then finds its own way
            target_ = touched_;
            break;
        }
        chunks_.push_back(chunk);
        // One write a page: volatile, so that the writes are made although nothing reads them.
        volatile char* bytes = static_cast<char*>(chunk);
        for (size_t at = 0; at < kChunkBytes; at += kPageBytes) bytes[at] = 0;
        touched_ += kChunkBytes;
        if (pause && pause()) return false;
    }
    release();
    return true;
}

void HeapWarmup::release() {
    for (void* chunk : chunks_) std::free(chunk);
    chunks_.clear();
}

}  // namespace lowsky
