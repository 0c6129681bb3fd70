#pragma once
// A sort done a step at a time, for work that pauses between steps (the page's 12 ms slices):
// runs of `run` items are sorted one a step, then merged two at a time, one merge a step. For
// an order in which no two distinct items are equal, the result is std::sort's.

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace lowsky {

template <class T, class Less>
class SortInSteps {
public:
    SortInSteps(std::vector<T> items, Less less, size_t run = 16384) : items_(std::move(items)), less_(less), run_(std::max<size_t>(run, 1)) {}

    // One step: true once the items are in order.
    bool step() {
        const size_t n = items_.size();
        if (sorted_to_ < n) {
            const size_t to = std::min(n, sorted_to_ + run_);
            std::sort(items_.begin() + std::ptrdiff_t(sorted_to_), items_.begin() + std::ptrdiff_t(to), less_);
            sorted_to_ = to;
            return n <= run_;
        }
        if (width_ >= n) return true;
        if (buffer_.size() != n) buffer_.resize(n);
        const size_t mid = std::min(lo_ + width_, n), hi = std::min(lo_ + 2 * width_, n);
        const auto at = [this](size_t i) { return items_.begin() + std::ptrdiff_t(i); };
        std::merge(at(lo_), at(mid), at(mid), at(hi), buffer_.begin() + std::ptrdiff_t(lo_), less_);
        lo_ = hi;
        if (lo_ == n) {  // a pass over every run: the runs are twice as long
            items_.swap(buffer_);
            width_ *= 2;
            lo_ = 0;
        }
        if (width_ < n) return false;
        buffer_ = {};
        return true;
    }

    std::vector<T>& items() { return items_; }

private:
    std::vector<T> items_, buffer_;
    Less less_;
    size_t run_;
    size_t sorted_to_ = 0;  // runs sorted so far end here
    size_t width_ = run_;   // the length of the runs being merged
    size_t lo_ = 0;         // where the next merge starts
};

}  // namespace lowsky
