#pragma once
// Items put in order of a bucket number (a stable counting sort: within a bucket they keep
// the order they came in, the same on every platform), a step at a time: the conflict scan
// orders a day's million items, which takes longer than a frame. And the time buckets that
// the scan counts in.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace lowsky {

// Whole seconds from `origin` (or wider buckets over a span of more than about twelve days).
struct TimeBuckets {
    TimeBuckets() = default;
    TimeBuckets(double origin_s, double last_s) : origin(origin_s) {
        const double span = std::max(0.0, last_s - origin_s);
        per_s = span > double(kMax - 1) ? double(kMax - 1) / span : 1.0;
        count = of(last_s) + 1;
    }
    // Never less for a later time.
    size_t of(double t) const { return size_t(std::max(0.0, std::floor((t - origin) * per_s))); }

    static constexpr size_t kMax = size_t(1) << 20;
    double origin = 0, per_s = 1;
    size_t count = 1;
};

template <typename T>
class BucketOrder {
public:
    // Starts ordering `items` into `buckets` buckets.
    void start(std::vector<T> items, size_t buckets) {
        std::vector<std::vector<T>> blocks;
        blocks.push_back(std::move(items));
        start(std::move(blocks), buckets);
    }
    // The same for items gathered in blocks (the first block's, then the next's): gathered so,
    // a million items never move at once as a growing array does (20 MB copied in one go).
    void start(std::vector<std::vector<T>> blocks, size_t buckets) {
        blocks_ = std::move(blocks);
        total_ = 0;
        for (const auto& b : blocks_) total_ += b.size();
        items_.clear();
        first_.assign(buckets + 1, 0);
        placed_.clear();
        at_ = block_ = offset_ = 0;
        placing_ = done_ = false;
    }

    // Counts or places up to `step` items, each in bucket bucket_of(item) (always the same
    // for an item, below the number of buckets); true once they are in order.
    template <typename BucketOf>
    bool advance(BucketOf&& bucket_of, size_t step) {
        if (done_) return true;
        const size_t end = std::min(total_, at_ + step);
        if (!placing_) {
            for (; at_ < end; ++at_) ++first_[bucket_of(next()) + 1];
            if (at_ < total_) return false;
            for (size_t b = 1; b < first_.size(); ++b) first_[b] += first_[b - 1];
            placed_.reserve(total_);
            placing_ = true;
            at_ = block_ = offset_ = 0;
            return false;
        }
        // The room for the placed items is made (its pages touched) a few steps' worth at a
        // time: a million visits' 20 MB at once took 7 ms.
        if (placed_.size() < total_) {
            placed_.resize(std::min(total_, placed_.size() + 4 * step));
            return false;
        }
        // first_[b] counts up as bucket b fills, and ends where b + 1 begins. A block is freed
        // once its items are placed.
        for (; at_ < end; ++at_) {
            const T& item = next();
            placed_[first_[bucket_of(item)]++] = item;
            if (offset_ == 0 && block_ > 0) blocks_[block_ - 1] = {};
        }
        if (at_ < total_) return false;
        for (size_t b = first_.size() - 1; b > 0; --b) first_[b] = first_[b - 1];
        first_[0] = 0;
        items_.swap(placed_);
        placed_ = {};
        blocks_ = {};
        done_ = true;
        return true;
    }

    bool done() const { return done_; }
    // Once done: the items in order, and where each bucket's begin (the last entry: the end).
    std::vector<T>& items() { return items_; }
    const std::vector<T>& items() const { return items_; }
    const std::vector<uint32_t>& first() const { return first_; }

private:
    // The item at the cursor, and the cursor moved on past it (and past empty blocks).
    const T& next() {
        while (offset_ >= blocks_[block_].size()) ++block_, offset_ = 0;
        const T& item = blocks_[block_][offset_++];
        if (offset_ == blocks_[block_].size()) ++block_, offset_ = 0;
        return item;
    }

    std::vector<std::vector<T>> blocks_;  // the items, until placed
    size_t total_ = 0;
    std::vector<T> items_, placed_;
    std::vector<uint32_t> first_;
    size_t at_ = 0, block_ = 0, offset_ = 0;
    bool placing_ = false, done_ = false;
};

}  // namespace lowsky
