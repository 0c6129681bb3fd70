#pragma once
// The cells of a uniform grid that a straight path crosses, widened by a half-width either
// side: row by row, the columns of the path clipped to the row's band. A superset of what it
// touches, never less. The tactical detector and the day's conflict scan put a drone's path
// over the look-ahead in these cells: for a path longer than a cell, far fewer than its box's.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace lowsky {

struct Grid2d {
    double x0 = 0, y0 = 0;  // the corner of cell (0, 0)
    double cell = 1;
    int32_t columns = 1, rows = 1;
};

class GridPath {
public:
    // From (ax, ay) to (ax + dx, ay + dy), widened by `half_width` either side.
    GridPath(const Grid2d& grid, double ax, double ay, double dx, double dy, double half_width)
        : g_(grid), per_cell_(1 / grid.cell), ax_(ax), ay_(ay), dx_(dx), dy_(dy), half_(half_width),
          per_dx_(std::abs(dx) > 1e-9 ? 1 / dx : 0), per_dy_(std::abs(dy) > 1e-9 ? 1 / dy : 0) {}

    // The rows the widened path spans, within the grid.
    int32_t first_row() const { return clamp_row((std::min(ay_, ay_ + dy_) - half_ - g_.y0) * per_cell_); }
    int32_t last_row() const { return clamp_row((std::max(ay_, ay_ + dy_) + half_ - g_.y0) * per_cell_); }

    // The columns [from, to] of `row` that the widened path crosses (from > to: none).
    void columns(int32_t row, int32_t& from, int32_t& to) const {
        double u0 = 0, u1 = 1;
        if (!in_row(row, u0, u1)) { from = 1; to = 0; return; }
        const double xa = ax_ + dx_ * u0, xb = ax_ + dx_ * u1;
        from = clamp((std::min(xa, xb) - half_ - g_.x0) * per_cell_, g_.columns);
        to = clamp((std::max(xa, xb) + half_ - g_.x0) * per_cell_, g_.columns);
    }

    // Where along the path (0 at its start, 1 at its end) it is within `row`'s band widened by
    // the half-width: [u0, u1] narrowed to that, false when empty. A path along the rows is
    // within every row it spans.
    bool in_row(int32_t row, double& u0, double& u1) const { return narrow(g_.y0, row, ay_, per_dy_, u0, u1); }
    // The same for `column`'s band.
    bool in_column(int32_t column, double& u0, double& u1) const { return narrow(g_.x0, column, ax_, per_dx_, u0, u1); }

private:
    // A cell's index from a position in cells: below 0 is the first, truncation the floor.
    static int32_t clamp(double v, int32_t n) { return int32_t(std::min(std::max(v, 0.0), double(n - 1))); }
    int32_t clamp_row(double v) const { return clamp(v, g_.rows); }
    // [u0, u1] narrowed to where a + u / per_d is within band `index` of cells from `origin`,
    // widened by the half-width.
    bool narrow(double origin, int32_t index, double a, double per_d, double& u0, double& u1) const {
        if (per_d != 0) {
            double v0 = (origin + index * g_.cell - half_ - a) * per_d, v1 = (origin + (index + 1) * g_.cell + half_ - a) * per_d;
            if (v0 > v1) std::swap(v0, v1);
            u0 = std::max(u0, v0);
            u1 = std::min(u1, v1);
        }
        return u0 <= u1;
    }

    Grid2d g_;
    double per_cell_, ax_, ay_, dx_, dy_, half_, per_dx_, per_dy_;
};

}  // namespace lowsky
