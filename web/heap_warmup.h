#pragma once
// Readies the WebAssembly heap for a long job, a step at a time: grows it to a size at once,
// then touches that memory 256 KB a step and frees it, so that the job's allocations land
// on pages already written in a heap that need not grow. In this machine's Chromium the first
// write to a fresh page costs about 3 ms a megabyte (0.03 ms once written) and growing a heap
// of 200 MB tens of milliseconds: steps of a simulation that took the heap to a new high ran
// 20 to 44 ms. Spread over the slices before the job, the same costs stay within them.

#include <cstddef>
#include <functional>
#include <vector>

namespace lowsky {

class HeapWarmup {
public:
    explicit HeapWarmup(size_t bytes) : target_(bytes) {}
    HeapWarmup(const HeapWarmup&) = delete;
    HeapWarmup& operator=(const HeapWarmup&) = delete;
    ~HeapWarmup();

    // The growth, then 256 KB at a time, until `pause` says stop (false) or the size is
    // reached or no more memory is to be had (true: every chunk freed).
    bool advance(const std::function<bool()>& pause);

private:
    void release();

    size_t target_, touched_ = 0;
    std::vector<void*> chunks_;
    bool grown_ = false;
};

}  // namespace lowsky
