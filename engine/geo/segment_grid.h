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

    // A segment whose box covers more cells than this is kept aside and visited by every
    // query: a corridor leg across the map (a typo'd latitude) would otherwise fill millions.
    static constexpr int64_t kMaxCellsPerSegment = 1024;

    double cell_m_;
    std::unordered_map<uint64_t, std::vector<Entry>> cells_;
    std::vector<Entry> oversized_;
    uint32_t next_id_ = 0;
    mutable std::vector<uint32_t> seen_;  // per segment id: the query stamp that last saw it
    mutable uint32_t stamp_ = 0;
};

template <typename Visit>
void SegmentGrid::query(const planar::Box& box, Visit visit) const {
    if (seen_.size() < next_id_) seen_.resize(next_id_, 0);
    ++stamp_;
    for (const Entry& e : oversized_) visit(e.ref);
    auto visit_cell = [&](const std::vector<Entry>& entries) {
        for (const Entry& e : entries) {
            if (seen_[e.id] == stamp_) continue;
            seen_[e.id] = stamp_;
            visit(e.ref);
        }
    };
    const int64_t x0 = cell(box.min_e), x1 = cell(box.max_e), y0 = cell(box.min_n), y1 = cell(box.max_n);
    const double area = double(x1 - x0 + 1) * double(y1 - y0 + 1);
    if (area > 4096 && area > double(cells_.size())) {
        // A box wider than the grid is full: look at the cells there are instead.
        for (const auto& [k, entries] : cells_) {
            const int64_t x = int32_t(uint32_t(k >> 32)), y = int32_t(uint32_t(k));
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1) visit_cell(entries);
        }
        return;
    }
    for (int64_t x = x0; x <= x1; ++x)
        for (int64_t y = y0; y <= y1; ++y)
            if (auto it = cells_.find(key(x, y)); it != cells_.end()) visit_cell(it->second);
}

inline void SegmentGrid::insert(SegmentRef ref, const planar::Box& box) {
    const uint32_t id = next_id_++;
    const int64_t columns = cell(box.max_e) - cell(box.min_e) + 1, rows = cell(box.max_n) - cell(box.min_n) + 1;
    if (!(columns > 0 && rows > 0) || columns > kMaxCellsPerSegment || rows > kMaxCellsPerSegment || columns * rows > kMaxCellsPerSegment) {
        oversized_.push_back({ref, id});
        return;
    }
    for (int64_t x = cell(box.min_e); x <= cell(box.max_e); ++x)
        for (int64_t y = cell(box.min_n); y <= cell(box.max_n); ++y) cells_[key(x, y)].push_back({ref, id});
}

}  // namespace lowsky
