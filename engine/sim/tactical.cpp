#include "sim/tactical.h"

#include <algorithm>
#include <cmath>

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
    // Swept boxes: where each drone is over the look-ahead, widened by R/2 across and H/2 up
    // and down, so that two come within R and H only if their boxes overlap. The grid is in
    // three dimensions: drones on different levels of a layered sky share no cell.
    const double T = s_.lookahead_s, margin = s_.radius_m / 2, half_h = s_.vertical_m / 2;
    double min_x = 1e300, min_y = 1e300, min_z = 1e300, max_x = -1e300, max_y = -1e300, max_z = -1e300, longest = 0;
    for (const auto& s : d) {
        const double ex = s.x_m + s.vx_m_s * T, ey = s.y_m + s.vy_m_s * T, ez = s.z_m + s.vz_m_s * T;
        min_x = std::min({min_x, s.x_m, ex}); max_x = std::max({max_x, s.x_m, ex});
        min_y = std::min({min_y, s.y_m, ey}); max_y = std::max({max_y, s.y_m, ey});
        min_z = std::min({min_z, s.z_m, ez}); max_z = std::max({max_z, s.z_m, ez});
        longest = std::max({longest, std::abs(ex - s.x_m), std::abs(ey - s.y_m)});
    }
    min_x -= margin; min_y -= margin; max_x += margin; max_y += margin;
    min_z -= half_h; max_z += half_h;
    // Layers H thick (at most 64 of them); cells across about as large as a swept box, and never
    // more cells than a few per drone.
    double cz = std::max(2 * s_.vertical_m, 1.0);
    while ((max_z - min_z) / cz > 63) cz *= 2;
    const int32_t nz = int32_t((max_z - min_z) / cz) + 1;
    double cell = std::max(longest + s_.radius_m, 2 * s_.radius_m);
    while ((max_x - min_x) / cell * (max_y - min_y) / cell * nz > 64.0 * double(n) + 4096) cell *= 1.5;
    const int32_t nx = int32_t((max_x - min_x) / cell) + 1, ny = int32_t((max_y - min_y) / cell) + 1;
    const auto index = [&](int32_t x, int32_t y, int32_t z) { return (size_t(z) * size_t(ny) + size_t(y)) * size_t(nx) + size_t(x); };

    x0_.resize(n); y0_.resize(n); x1_.resize(n); y1_.resize(n); z0_.resize(n); z1_.resize(n);
    cell_start_.assign(size_t(nx) * size_t(ny) * size_t(nz) + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        const auto& s = d[i];
        const double ex = s.x_m + s.vx_m_s * T, ey = s.y_m + s.vy_m_s * T, ez = s.z_m + s.vz_m_s * T;
        x0_[i] = int32_t((std::min(s.x_m, ex) - margin - min_x) / cell);
        x1_[i] = int32_t((std::max(s.x_m, ex) + margin - min_x) / cell);
        y0_[i] = int32_t((std::min(s.y_m, ey) - margin - min_y) / cell);
        y1_[i] = int32_t((std::max(s.y_m, ey) + margin - min_y) / cell);
        z0_[i] = int32_t((std::min(s.z_m, ez) - half_h - min_z) / cz);
        z1_[i] = int32_t((std::max(s.z_m, ez) + half_h - min_z) / cz);
        for (int32_t z = z0_[i]; z <= z1_[i]; ++z)
            for (int32_t y = y0_[i]; y <= y1_[i]; ++y)
                for (int32_t x = x0_[i]; x <= x1_[i]; ++x) ++cell_start_[index(x, y, z) + 1];
    }
    for (size_t c = 1; c < cell_start_.size(); ++c) cell_start_[c] += cell_start_[c - 1];
    cell_items_.resize(cell_start_.back());
    std::vector<uint32_t> fill(cell_start_.begin(), cell_start_.end() - 1);
    for (size_t i = 0; i < n; ++i)
        for (int32_t z = z0_[i]; z <= z1_[i]; ++z)
            for (int32_t y = y0_[i]; y <= y1_[i]; ++y)
                for (int32_t x = x0_[i]; x <= x1_[i]; ++x) cell_items_[fill[index(x, y, z)]++] = uint32_t(i);

    for (int32_t z = 0; z < nz; ++z)
        for (int32_t y = 0; y < ny; ++y)
            for (int32_t x = 0; x < nx; ++x) {
                const size_t c = index(x, y, z);
                for (uint32_t p = cell_start_[c]; p < cell_start_[c + 1]; ++p) {
                    const uint32_t a = cell_items_[p];
                    for (uint32_t q = p + 1; q < cell_start_[c + 1]; ++q) {
                        const uint32_t b = cell_items_[q];
                        // Test each pair once: in the first cell their boxes share.
                        if (x != std::max(x0_[a], x0_[b]) || y != std::max(y0_[a], y0_[b]) || z != std::max(z0_[a], z0_[b])) continue;
                        ++tested_;
                        const uint32_t i = std::min(a, b), j = std::max(a, b);
                        const auto& da = d[i];
                        const auto& db = d[j];
                        if (in_conflict(da, db)) conflicts.push_back({i, j});
                        const double hx = db.x_m - da.x_m, hy = db.y_m - da.y_m;
                        if (hx * hx + hy * hy < s_.radius_m * s_.radius_m && std::abs(db.z_m - da.z_m) < s_.vertical_m) losses.push_back({i, j});
                    }
                }
            }
    std::sort(conflicts.begin(), conflicts.end());
    std::sort(losses.begin(), losses.end());
}

}  // namespace lowsky
