#pragma once
// Tactical conflict detection among airborne drones, state-based (as BlueSky computes it): a
// pair is in conflict when, flying on as they fly now, they come closer than R horizontally
// while their heights are within H, inside the look-ahead; a loss of separation when they are
// inside R and H now. A uniform grid of swept boxes, in layers H thick, is the broad phase:
// only pairs whose next look-ahead seconds share a cell are tested.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace lowsky {

struct AirborneState {
    double x_m = 0, y_m = 0, z_m = 0;     // local east, north, up
    double vx_m_s = 0, vy_m_s = 0, vz_m_s = 0;
};

struct TacticalSettings {
    double radius_m = 50;
    double vertical_m = 15;
    double lookahead_s = 60;
};

class TacticalDetector {
public:
    explicit TacticalDetector(TacticalSettings settings) : s_(settings) {}
    // Pairs (i < j) in conflict and in loss of separation; both sorted.
    void detect(const std::vector<AirborneState>& drones, std::vector<std::pair<uint32_t, uint32_t>>& conflicts,
                std::vector<std::pair<uint32_t, uint32_t>>& losses);
    size_t pairs_tested() const { return tested_; }

private:
    bool in_conflict(const AirborneState& a, const AirborneState& b) const;

    TacticalSettings s_;
    size_t tested_ = 0;
    // Reused between calls: cell ranges per drone, and the drones of each cell (CSR).
    std::vector<int32_t> x0_, y0_, x1_, y1_, z0_, z1_;
    std::vector<uint32_t> cell_start_, cell_items_;
};

}  // namespace lowsky
