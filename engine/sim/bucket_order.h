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
        items_ = std::move(items);
        first_.assign(buckets + 1, 0);
        placed_.clear();
        at_ = 0;
        placing_ = done_ = false;
    }

    // Counts or places up to `step` items, each in bucket bucket_of(item) (always the same
    // for an item, below the number of buckets); true once they are in order.
    template <typename BucketOf>
    bool advance(BucketOf&& bucket_of, size_t step) {
        if (done_) return true;
        const size_t end = std::min(items_.size(), at_ + step);
        if (!placing_) {
            for (; at_ < end; ++at_) ++first_[bucket_of(items_[at_]) + 1];
            if (at_ < items_.size()) return false;
            for (size_t b = 1; b < first_.size(); ++b) first_[b] += first_[b - 1];
            placed_.resize(items_.size());
            placing_ = true;
            at_ = 0;
            return false;
        }
        // first_[b] counts up as bucket b fills, and ends where b + 1 begins.
        for (; at_ < end; ++at_) placed_[first_[bucket_of(items_[at_])]++] = items_[at_];
        if (at_ < items_.size()) return false;
        for (size_t b = first_.size() - 1; b > 0; --b) first_[b] = first_[b - 1];
        first_[0] = 0;
        items_.swap(placed_);
        placed_ = {};
        done_ = true;
        return true;
    }

    bool done() const { return done_; }
    // Once done: the items in order, and where each bucket's begin (the last entry: the end).
    std::vector<T>& items() { return items_; }
    const std::vector<T>& items() const { return items_; }
    const std::vector<uint32_t>& first() const { return first_; }

private:
    std::vector<T> items_, placed_;
    std::vector<uint32_t> first_;
    size_t at_ = 0;
    bool placing_ = false, done_ = false;
};

}  // namespace lowsky
