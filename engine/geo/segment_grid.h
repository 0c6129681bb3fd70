#pragma once
// A uniform hash grid of corridor segments: the broad phase of the airspace and separation
// checks, so that each test looks at the segments nearby instead of all of them.

#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "geo/planar.h"

namespace lowsky {

struct SegmentRef {
    uint32_t corridor = 0;
    uint32_t segment = 0;  // from point `segment` to point `segment + 1`
};

class SegmentGrid {
public:
    explicit SegmentGrid(double cell_m) : cell_m_(cell_m) {}
    void insert(SegmentRef ref, const planar::Box& box);
    // Calls visit(ref) for every segment whose box may overlap `box`, each once.
    template <typename Visit>
    void query(const planar::Box& box, Visit visit) const;

private:
    struct Entry { SegmentRef ref; uint32_t id; };
    int64_t cell(double v) const { return int64_t(std::floor(v / cell_m_)); }
    static uint64_t key(int64_t x, int64_t y) { return (uint64_t(uint32_t(int32_t(x))) << 32) | uint32_t(int32_t(y)); }

    double cell_m_;
    std::unordered_map<uint64_t, std::vector<Entry>> cells_;
    uint32_t next_id_ = 0;
    mutable std::vector<uint32_t> seen_;  // per segment id: the query stamp that last saw it
    mutable uint32_t stamp_ = 0;
};

template <typename Visit>
void SegmentGrid::query(const planar::Box& box, Visit visit) const {
    if (seen_.size() < next_id_) seen_.resize(next_id_, 0);
    ++stamp_;
    for (int64_t x = cell(box.min_e); x <= cell(box.max_e); ++x) {
        for (int64_t y = cell(box.min_n); y <= cell(box.max_n); ++y) {
            auto it = cells_.find(key(x, y));
            if (it == cells_.end()) continue;
            for (const Entry& e : it->second) {
                if (seen_[e.id] == stamp_) continue;
                seen_[e.id] = stamp_;
                visit(e.ref);
            }
        }
    }
}

inline void SegmentGrid::insert(SegmentRef ref, const planar::Box& box) {
    const uint32_t id = next_id_++;
    for (int64_t x = cell(box.min_e); x <= cell(box.max_e); ++x)
        for (int64_t y = cell(box.min_n); y <= cell(box.max_n); ++y) cells_[key(x, y)].push_back({ref, id});
}

}  // namespace lowsky
