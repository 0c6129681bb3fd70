#include "sim/tactical.h"

#include <algorithm>
#include <cmath>

#include "sim/grid_path.h"

namespace lowsky {

namespace {
// The time interval in [0, horizon] when |p + v t| < limit (p, v scalars or 2D); empty: lo > hi.
void inside_1d(double p, double v, double limit, double horizon, double& lo, double& hi) {
    if (std::abs(v) < 1e-12) {
        if (std::abs(p) < limit) { lo = 0; hi = horizon; } else { lo = 1; hi = 0; }
        return;
    }
    double a = (-limit - p) / v, b = (limit - p) / v;
    if (a > b) std::swap(a, b);
    lo = std::max(0.0, a);
    hi = std::min(horizon, b);
}
}  // namespace

bool TacticalDetector::in_conflict(const AirborneState& a, const AirborneState& b) const {
    const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m, dz = b.z_m - a.z_m;
    const double vx = b.vx_m_s - a.vx_m_s, vy = b.vy_m_s - a.vy_m_s, vz = b.vz_m_s - a.vz_m_s;
    // Vertical first: the cheaper test, and the one most pairs of a layered sky fail.
    double v_lo, v_hi;
    inside_1d(dz, vz, s_.vertical_m, s_.lookahead_s, v_lo, v_hi);
    if (v_lo > v_hi) return false;
    // Horizontal: |d + v t|^2 < R^2, a quadratic in t.
    const double A = vx * vx + vy * vy, B = 2 * (dx * vx + dy * vy), C = dx * dx + dy * dy - s_.radius_m * s_.radius_m;
    double h_lo, h_hi;
    if (A < 1e-12) {
        if (C >= 0) return false;
        h_lo = 0;
        h_hi = s_.lookahead_s;
    } else {
        if (C >= 0 && B >= 0) return false;  // apart and drawing apart: the distance only grows
        const double disc = B * B - 4 * A * C;
        if (disc <= 0) return false;
        const double r = std::sqrt(disc);
        h_lo = std::max(0.0, (-B - r) / (2 * A));
        h_hi = std::min(s_.lookahead_s, (-B + r) / (2 * A));
        if (h_lo > h_hi) return false;
    }
    return std::max(h_lo, v_lo) <= std::min(h_hi, v_hi);
}

void TacticalDetector::detect(const std::vector<AirborneState>& d, std::vector<std::pair<uint32_t, uint32_t>>& conflicts,
                              std::vector<std::pair<uint32_t, uint32_t>>& losses) {
    conflicts.clear();
    losses.clear();
    const size_t n = d.size();
    if (n < 2) return;
    // Where each drone goes over the look-ahead is a straight path; widened by R/2 across and
    // H/2 up and down, two drones come within R and H only if their paths so widened meet. The
    // grid has layers 2H thick (drones on different levels of a layered sky share no cell) and
    // cells a few R across; a drone is in the cells its widened path crosses, which for a path
    // longer than a cell are far fewer than those of its box.
    const double T = s_.lookahead_s, half = s_.radius_m / 2 + 0.5, half_h = s_.vertical_m / 2;  // half a metre more: rounding loses no cell
    double min_x = 1e300, min_y = 1e300, min_z = 1e300, max_x = -1e300, max_y = -1e300, max_z = -1e300;
    for (const auto& s : d) {
        const double ex = s.x_m + s.vx_m_s * T, ey = s.y_m + s.vy_m_s * T, ez = s.z_m + s.vz_m_s * T;
        min_x = std::min({min_x, s.x_m, ex}); max_x = std::max({max_x, s.x_m, ex});
        min_y = std::min({min_y, s.y_m, ey}); max_y = std::max({max_y, s.y_m, ey});
        min_z = std::min({min_z, s.z_m, ez}); max_z = std::max({max_z, s.z_m, ez});
    }
    min_x -= half; min_y -= half; max_x += half; max_y += half;
    min_z -= half_h; max_z += half_h;
    // Layers 2H thick (at most 64 of them); cells 6R across, larger where that would make more
    // than a few per drone.
    double cz = std::max(2 * s_.vertical_m, 1.0);
    while ((max_z - min_z) / cz > 63) cz *= 2;
    const int32_t nz = int32_t((max_z - min_z) / cz) + 1;
    double cell = std::max(6 * s_.radius_m, 1.0);
    while ((max_x - min_x) / cell * (max_y - min_y) / cell * nz > 64.0 * double(n) + 4096) cell *= 1.5;
    const int32_t nx = int32_t((max_x - min_x) / cell) + 1, ny = int32_t((max_y - min_y) / cell) + 1;
    const auto index = [&](int32_t x, int32_t y, int32_t z) { return (size_t(z) * size_t(ny) + size_t(y)) * size_t(nx) + size_t(x); };
    const Grid2d plane{min_x, min_y, cell, nx, ny};
    const double per_layer = 1 / cz;

    // Each drone's cells, drone by drone (the cells its path crosses, row by row, in each of its
    // layers), then the drones of each cell (CSR).
    drone_start_.assign(n + 1, 0);
    drone_cells_.clear();
    cell_start_.assign(size_t(nx) * size_t(ny) * size_t(nz) + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        const auto& s = d[i];
        const double ez = s.z_m + s.vz_m_s * T;
        const int32_t z0 = int32_t((std::min(s.z_m, ez) - half_h - min_z) * per_layer), z1 = int32_t((std::max(s.z_m, ez) + half_h - min_z) * per_layer);
        const GridPath path(plane, s.x_m, s.y_m, s.vx_m_s * T, s.vy_m_s * T, half);
        for (int32_t y = path.first_row(), last = path.last_row(); y <= last; ++y) {
            int32_t x0, x1;
            path.columns(y, x0, x1);
            for (int32_t z = z0; z <= z1; ++z)
                for (int32_t x = x0; x <= x1; ++x) {
                    const size_t c = index(x, y, z);
                    drone_cells_.push_back(uint32_t(c));
                    ++cell_start_[c + 1];
                }
        }
        drone_start_[i + 1] = uint32_t(drone_cells_.size());
    }
    for (size_t c = 1; c < cell_start_.size(); ++c) cell_start_[c] += cell_start_[c - 1];
    cell_items_.resize(cell_start_.back());
    fill_.assign(cell_start_.begin(), cell_start_.end() - 1);
    for (size_t i = 0; i < n; ++i)
        for (uint32_t k = drone_start_[i]; k < drone_start_[i + 1]; ++k) cell_items_[fill_[drone_cells_[k]]++] = uint32_t(i);

    // Each drone meets the later drones of its cells, each once (cells are filled in drone
    // order, so the later ones are at the end of each list).
    met_.assign(n, UINT32_MAX);
    for (uint32_t a = 0; a < n; ++a) {
        const auto& da = d[a];
        for (uint32_t k = drone_start_[a]; k < drone_start_[a + 1]; ++k) {
            const uint32_t c = drone_cells_[k];
            const uint32_t* first = cell_items_.data() + cell_start_[c];
            const uint32_t* last = cell_items_.data() + cell_start_[c + 1];
            for (const uint32_t* q = std::upper_bound(first, last, a); q < last; ++q) {
                const uint32_t b = *q;
                if (met_[b] == a) continue;
                met_[b] = a;
                ++tested_;
                const auto& db = d[b];
                if (in_conflict(da, db)) conflicts.push_back({a, b});
                const double hx = db.x_m - da.x_m, hy = db.y_m - da.y_m;
                if (hx * hx + hy * hy < s_.radius_m * s_.radius_m && std::abs(db.z_m - da.z_m) < s_.vertical_m) losses.push_back({a, b});
            }
        }
    }
    // Found drone by drone: in order of the first, not yet of the second.
    std::sort(conflicts.begin(), conflicts.end());
    std::sort(losses.begin(), losses.end());
}

}  // namespace lowsky
