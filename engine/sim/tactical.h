#pragma once
// Tactical conflict detection among airborne drones, state-based (as BlueSky computes it): a
// pair is in conflict when, flying on as they fly now, they come closer than R horizontally
// while their heights are within H, inside the look-ahead; a loss of separation when they are
// inside R and H now. A uniform grid in layers 2H thick is the broad phase: only pairs whose
// paths over the look-ahead cross a common cell are tested.

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
    // Reused between calls: the cells of each drone and the drones of each cell (both CSR),
    // and the last drone each one was tested against.
    std::vector<uint32_t> drone_start_, drone_cells_, cell_start_, cell_items_, fill_, met_;
};

}  // namespace lowsky
