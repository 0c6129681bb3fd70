#pragma once
// A sort done a step at a time, for work that pauses between steps (the page's 12 ms slices):
// runs of `run` items are sorted one a step, then merged two at a time, pass after pass, `run`
// items moved a step (a whole merge a step was the length of the list in its last pass: 6 ms in
// the page for a region day's conflicts). For an order in which no two distinct items are equal,
// the result is std::sort's.

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace lowsky {

template <class T, class Less>
class SortInSteps {
public:
    SortInSteps(std::vector<T> items, Less less, size_t run = 8192) : items_(std::move(items)), less_(less), run_(std::max<size_t>(run, 1)) {}

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
        // The merges of this pass go on from where the last step left them, run_ items a step;
        // a step ends at the pass's end. On a tie the earlier run's item goes first.
        for (size_t budget = run_; budget > 0;) {
            const size_t mid = std::min(lo_ + width_, n), hi = std::min(lo_ + 2 * width_, n);
            for (; budget > 0 && (i_ < mid || j_ < hi); --budget) {
                if (j_ == hi || (i_ < mid && !less_(items_[j_], items_[i_]))) buffer_[out_++] = std::move(items_[i_++]);
                else buffer_[out_++] = std::move(items_[j_++]);
            }
            if (i_ < mid || j_ < hi) return false;
            lo_ = hi;
            if (lo_ == n) break;
            i_ = lo_;
            j_ = std::min(lo_ + width_, n);
        }
        if (lo_ < n) return false;
        items_.swap(buffer_);  // a pass over every run: the runs are twice as long
        width_ *= 2;
        lo_ = out_ = i_ = 0;
        j_ = std::min(width_, n);
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
    size_t lo_ = 0;         // where the merge under way starts
    size_t i_ = 0, j_ = run_, out_ = 0;  // its next item of each run, and where the next goes
};

}  // namespace lowsky
