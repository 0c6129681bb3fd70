#include "sim/conflict_scan.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/grid_path.h"

namespace lowsky {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kCell_m = 1500;      // space cells of the broad phase
constexpr size_t kMaxCells = 1 << 22; // a larger area gets larger cells
constexpr double kMergeGap_s = 1.0;   // intervals this close are one episode (as 1 Hz detection would see them)

// What the narrow phase reads comes first, in one cache line: the sweep meets most pieces
// only there.
struct alignas(64) Piece {
    double t0;
    double x0, y0, z0;  // at t0
    double vx, vy, vz;
    uint32_t flight;
    double t1;
    double x_lo, x_hi, y_lo, y_hi;  // everything its state may predict, with a margin
};

// The broad phase's grid over the pieces' boxes: kCell_m cells, larger over a huge area.
Grid2d grid_over(const std::vector<Piece>& pieces) {
    Grid2d g;
    g.cell = kCell_m;
    if (pieces.empty()) return g;
    double x1 = -kInf, y1 = -kInf;
    g.x0 = g.y0 = kInf;
    for (const Piece& p : pieces) {
        g.x0 = std::min(g.x0, p.x_lo);
        g.y0 = std::min(g.y0, p.y_lo);
        x1 = std::max(x1, p.x_hi);
        y1 = std::max(y1, p.y_hi);
    }
    while ((std::floor((x1 - g.x0) / g.cell) + 1) * (std::floor((y1 - g.y0) / g.cell) + 1) > double(kMaxCells)) g.cell *= 2;
    g.columns = int32_t(std::floor((x1 - g.x0) / g.cell)) + 1;
    g.rows = int32_t(std::floor((y1 - g.y0) / g.cell)) + 1;
    return g;
}

// The cells a piece's state may predict: its path to the look-ahead beyond its end, R/2 either
// side (and a metre more, so that rounding never loses a cell).
GridPath path_of(const Piece& p, const Grid2d& g, const TacticalSettings& s) {
    const double span = p.t1 - p.t0 + s.lookahead_s;
    return GridPath(g, p.x0, p.y0, p.vx * span, p.vy * span, s.radius_m / 2 + 1);
}

// Part [u0, u1] of segment a->b (parameter 0..1) outside every circle: at most a few pieces.
void outside(const LocalPoint& a, const LocalPoint& b, const std::vector<ExclusionCircle>& circles, std::vector<std::pair<double, double>>& out) {
    out.assign(1, {0.0, 1.0});
    const double dx = b.east_m - a.east_m, dy = b.north_m - a.north_m;
    const double x_lo = std::min(a.east_m, b.east_m), x_hi = std::max(a.east_m, b.east_m);
    const double y_lo = std::min(a.north_m, b.north_m), y_hi = std::max(a.north_m, b.north_m);
    for (const auto& c : circles) {
        // A circle clear of the segment's box, widened by its radius, cannot cut it.
        if (c.center.east_m + c.radius_m < x_lo || c.center.east_m - c.radius_m > x_hi || c.center.north_m + c.radius_m < y_lo ||
            c.center.north_m - c.radius_m > y_hi)
            continue;
        const double fx = a.east_m - c.center.east_m, fy = a.north_m - c.center.north_m;
        const double A = dx * dx + dy * dy, B = 2 * (fx * dx + fy * dy), C = fx * fx + fy * fy - c.radius_m * c.radius_m;
        double in0, in1;
        if (A < 1e-12) {
            if (C >= 0) continue;
            in0 = -kInf; in1 = kInf;
        } else {
            const double disc = B * B - 4 * A * C;
            if (disc <= 0) continue;
            const double r = std::sqrt(disc);
            in0 = (-B - r) / (2 * A);
            in1 = (-B + r) / (2 * A);
        }
        std::vector<std::pair<double, double>> next;
        for (const auto& [u0, u1] : out) {
            if (in1 <= u0 || in0 >= u1) { next.push_back({u0, u1}); continue; }
            if (in0 > u0) next.push_back({u0, in0});
            if (in1 < u1) next.push_back({in1, u1});
        }
        out.swap(next);
        if (out.empty()) return;
    }
}

// Times t in [0, horizon-free line] when |p + v t| < limit, as (lo, hi); empty when lo >= hi.
void inside_1d(double p, double v, double limit, double& lo, double& hi) {
    if (std::abs(v) < 1e-12) {
        if (std::abs(p) < limit) { lo = -kInf; hi = kInf; } else { lo = 1; hi = 0; }
        return;
    }
    lo = (-limit - p) / v;
    hi = (limit - p) / v;
    if (lo > hi) std::swap(lo, hi);
}

void inside_2d(double px, double py, double vx, double vy, double limit, double& lo, double& hi) {
    const double A = vx * vx + vy * vy, B = 2 * (px * vx + py * vy), C = px * px + py * py - limit * limit;
    if (A < 1e-12) {
        if (C < 0) { lo = -kInf; hi = kInf; } else { lo = 1; hi = 0; }
        return;
    }
    const double disc = B * B - 4 * A * C;
    if (disc <= 0) { lo = 1; hi = 0; return; }
    const double r = std::sqrt(disc);
    lo = (-B - r) / (2 * A);
    hi = (-B + r) / (2 * A);
}

struct Interval {
    uint64_t pair;
    double start, end;
    double closest_s, horizontal_m, vertical_m;
    double x, y, z;  // midway between the two at closest_s
    double predicted_m;  // their closest approach flying straight on
};

// Where in [u0, u1] (seconds after a.t0) the pair is closest horizontally, as an interval.
Interval closest_in(const Piece& a, uint64_t pair, double dx, double dy, double dz, double vx, double vy, double vz, double u0, double u1) {
    const double a2 = vx * vx + vy * vy;
    const double u = a2 < 1e-12 ? u0 : std::clamp(-(dx * vx + dy * vy) / a2, u0, u1);
    const double hx = dx + vx * u, hy = dy + vy * u, hz = dz + vz * u;
    const double predicted = a2 < 1e-12 ? std::hypot(dx, dy) : std::abs(dx * vy - dy * vx) / std::sqrt(a2);
    return {pair, a.t0 + u0, a.t0 + u1, a.t0 + u, std::hypot(hx, hy), std::abs(hz),
            a.x0 + a.vx * u + hx / 2, a.y0 + a.vy * u + hy / 2, a.z0 + a.vz * u + hz / 2, predicted};
}

// The narrow phase for pieces a and b (which started no later than a) over the time [a.t0, t1]
// they share: the conflict and loss-of-separation intervals, solved in closed form on their
// relative motion.
void test_pair(const Piece& a, const Piece& b, double t1, const TacticalSettings& s, std::vector<Interval>& conflicts,
               std::vector<Interval>& losses) {
    const double t0 = a.t0;
    const double dx = (b.x0 + b.vx * (t0 - b.t0)) - a.x0;
    const double dy = (b.y0 + b.vy * (t0 - b.t0)) - a.y0;
    const double dz = (b.z0 + b.vz * (t0 - b.t0)) - a.z0;
    const double vx = b.vx - a.vx, vy = b.vy - a.vy, vz = b.vz - a.vz;
    // Apart and drawing apart (or keeping apart) from t0 on: the distance never falls below R.
    if (dx * dx + dy * dy >= s.radius_m * s.radius_m && dx * vx + dy * vy >= 0) return;
    double h_lo, h_hi, v_lo, v_hi;
    inside_2d(dx, dy, vx, vy, s.radius_m, h_lo, h_hi);
    if (h_lo >= h_hi) return;
    inside_1d(dz, vz, s.vertical_m, v_lo, v_hi);
    const double lo = std::max(h_lo, v_lo), hi = std::min(h_hi, v_hi);
    if (lo >= hi) return;
    const uint64_t pair = (uint64_t(std::min(a.flight, b.flight)) << 32) | std::max(a.flight, b.flight);
    // Loss of separation while inside; conflict from a look-ahead before.
    const double span = t1 - t0;
    const double l0 = std::max(0.0, lo), l1 = std::min(span, hi);
    if (l0 < l1) losses.push_back(closest_in(a, pair, dx, dy, dz, vx, vy, vz, l0, l1));
    const double c0 = std::max(0.0, lo - s.lookahead_s), c1 = std::min(span, hi);
    if (c0 < c1) conflicts.push_back(closest_in(a, pair, dx, dy, dz, vx, vy, vz, c0, c1));
}

// A pair's intervals this close are one episode; its closest moment is the closest of its
// intervals' (the earlier on a tie).
std::vector<Encounter> episodes(std::vector<Interval>& v) {
    std::sort(v.begin(), v.end(), [](const Interval& a, const Interval& b) { return a.pair < b.pair || (a.pair == b.pair && a.start < b.start); });
    std::vector<Encounter> out;
    for (size_t i = 0; i < v.size(); ++i) {
        const Interval& x = v[i];
        const bool continues = !out.empty() && i > 0 && v[i - 1].pair == x.pair && x.start <= out.back().end_s + kMergeGap_s;
        if (!continues) {
            Encounter e;
            e.flight_a = uint32_t(x.pair >> 32);
            e.flight_b = uint32_t(x.pair & 0xffffffffu);
            e.start_s = x.start;
            e.end_s = x.end;
            e.horizontal_m = e.predicted_m = kInf;
            out.push_back(e);
        }
        Encounter& e = out.back();
        e.end_s = std::max(e.end_s, x.end);
        e.predicted_m = std::min(e.predicted_m, x.predicted_m);
        if (x.horizontal_m < e.horizontal_m || (x.horizontal_m == e.horizontal_m && x.closest_s < e.closest_s)) {
            e.closest_s = x.closest_s;
            e.horizontal_m = x.horizontal_m;
            e.vertical_m = x.vertical_m;
            e.where = {x.x, x.y};
            e.z_m = x.z;
        }
    }
    std::sort(out.begin(), out.end(), [](const Encounter& a, const Encounter& b) {
        if (a.start_s != b.start_s) return a.start_s < b.start_s;
        return a.flight_a < b.flight_a || (a.flight_a == b.flight_a && a.flight_b < b.flight_b);
    });
    return out;
}

constexpr uint32_t kPiecesPerPauseCheck = 256;

}  // namespace

// Everything the scan carries from one slice to the next.
struct SweepState {
    uint32_t flights = 0;
    TrackSource source;
    std::vector<ExclusionCircle> exclusions;
    TacticalSettings settings;
    uint32_t next_flight = 0;   // the next flight to cut into pieces
    bool ordered = false;       // the pieces are in time order, in their grid
    std::vector<Piece> pieces;  // by start time once ordered
    struct Ordering {           // while they are put in order (order_step)
        std::vector<std::pair<double, uint32_t>> by_start, merged;
        size_t run = 0, at = 0, moved = 0;
        std::vector<Piece> sorted;
    } ordering;
    Grid2d grid;
    struct Active {
        uint32_t piece;
        double t1;
    };
    std::vector<std::vector<Active>> cells;
    std::vector<uint32_t> met;  // the last piece each one was tested against
    std::vector<Interval> conflicts, losses;
    uint32_t next = 0;          // the next piece to sweep
    long tested = 0;
    bool done = false;
    ConflictScanResult result;
};

namespace {

constexpr uint32_t kFlightsPerPauseCheck = 64;

// Pieces: the airborne parts of a track outside the exclusion circles.
void cut(uint32_t f, const std::vector<TrackPoint4>& tr, const std::vector<ExclusionCircle>& exclusions, const TacticalSettings& s,
         std::vector<std::pair<double, double>>& parts, std::vector<Piece>& pieces) {
    for (size_t k = 0; k + 1 < tr.size(); ++k) {
        const TrackPoint4& a = tr[k];
        const TrackPoint4& b = tr[k + 1];
        const double dt = b.t_s - a.t_s;
        if (dt <= 0 || (a.z_m <= 1.0 && b.z_m <= 1.0)) continue;
        outside(a.p, b.p, exclusions, parts);
        for (const auto& [u0, u1] : parts) {
            Piece p;
            p.flight = f;
            p.vx = (b.p.east_m - a.p.east_m) / dt;
            p.vy = (b.p.north_m - a.p.north_m) / dt;
            p.vz = (b.z_m - a.z_m) / dt;
            p.t0 = a.t_s + u0 * dt;
            p.t1 = a.t_s + u1 * dt;
            p.x0 = a.p.east_m + p.vx * (p.t0 - a.t_s);
            p.y0 = a.p.north_m + p.vy * (p.t0 - a.t_s);
            p.z0 = a.z_m + p.vz * (p.t0 - a.t_s);
            // Everything its state may predict: its segment, extrapolated for the look-ahead.
            const double xe = p.x0 + p.vx * (p.t1 - p.t0 + s.lookahead_s), ye = p.y0 + p.vy * (p.t1 - p.t0 + s.lookahead_s);
            const double m = s.radius_m / 2;  // two boxes this inflated overlap when their drones come within R
            p.x_lo = std::min(p.x0, xe) - m;
            p.x_hi = std::max(p.x0, xe) + m;
            p.y_lo = std::min(p.y0, ye) - m;
            p.y_hi = std::max(p.y0, ye) + m;
            pieces.push_back(p);
        }
    }
}

constexpr size_t kOrderStep = 16384;  // pieces sorted or moved in one step of order()

// The sweep takes pieces in time order, in the cells of their grid. One step at a time (a
// day's pieces take longer to sort than a frame): runs of kOrderStep sorted, merged in pairs,
// then the pieces moved into that order. (start, piece) pairs are cheaper to sort than pieces,
// and each is unique, so the order is exactly a whole sort's. Returns true once ordered.
bool order_step(SweepState& st) {
    auto& o = st.ordering;
    const size_t n = st.pieces.size();
    if (o.by_start.size() != n) {
        o.by_start.resize(n);
        for (uint32_t i = 0; i < n; ++i) o.by_start[i] = {st.pieces[i].t0, i};
        return false;
    }
    if (o.run == 0) {  // sorting runs
        const size_t end = std::min(n, o.at + kOrderStep);
        std::sort(o.by_start.begin() + long(o.at), o.by_start.begin() + long(end));
        o.at = end;
        if (o.at >= n) o.run = kOrderStep, o.at = 0;
        return false;
    }
    if (o.run < n) {  // merging two runs
        o.merged.resize(n);
        const size_t mid = std::min(n, o.at + o.run), end = std::min(n, o.at + 2 * o.run);
        std::merge(o.by_start.begin() + long(o.at), o.by_start.begin() + long(mid), o.by_start.begin() + long(mid), o.by_start.begin() + long(end),
                   o.merged.begin() + long(o.at));
        o.at = end;
        if (o.at >= n) o.by_start.swap(o.merged), o.run *= 2, o.at = 0;
        return false;
    }
    if (o.moved < n) {  // moving the pieces
        o.sorted.resize(n);
        const size_t end = std::min(n, o.moved + kOrderStep);
        for (size_t i = o.moved; i < end; ++i) o.sorted[i] = st.pieces[o.by_start[i].second];
        o.moved = end;
        return false;
    }
    st.pieces.swap(o.sorted);
    o = {};
    st.grid = grid_over(st.pieces);
    st.cells.resize(size_t(st.grid.columns) * size_t(st.grid.rows));
    st.met.assign(st.pieces.size(), UINT32_MAX);
    st.ordered = true;
    return true;
}

}  // namespace

ConflictScan::ConflictScan(uint32_t flights, TrackSource tracks, std::vector<ExclusionCircle> exclusions, const TacticalSettings& s)
    : state_(std::make_unique<SweepState>()) {
    state_->flights = flights;
    state_->source = std::move(tracks);
    state_->exclusions = std::move(exclusions);
    state_->settings = s;
}

ConflictScan::ConflictScan(const std::vector<std::vector<TrackPoint4>>& tracks, const std::vector<ExclusionCircle>& exclusions,
                           const TacticalSettings& s)
    : ConflictScan(uint32_t(tracks.size()), [copy = std::make_shared<const std::vector<std::vector<TrackPoint4>>>(tracks)](uint32_t f, std::vector<TrackPoint4>& out) {
          out = (*copy)[f];
      }, exclusions, s) {}

ConflictScan::~ConflictScan() = default;

// Broad phase: a sweep in time over a grid in space. Pieces start in time order; each meets
// the pieces still under way in the cells its box covers, then joins those cells. A piece that
// has ended leaves a cell's list when the sweep next passes there.
bool ConflictScan::advance(const std::function<bool()>& pause) {
    SweepState& st = *state_;
    if (st.done) return true;
    if (st.next_flight < st.flights) {
        std::vector<TrackPoint4> track;
        std::vector<std::pair<double, double>> parts;
        while (st.next_flight < st.flights) {
            const uint32_t f = st.next_flight++;
            st.source(f, track);
            cut(f, track, st.exclusions, st.settings, parts, st.pieces);
            if (pause && st.next_flight % kFlightsPerPauseCheck == 0 && st.next_flight < st.flights && pause()) return false;
        }
        st.source = {};
        if (pause && pause()) return false;
    }
    while (!st.ordered) {
        const bool ordered = order_step(st);
        if (pause && !st.pieces.empty() && pause()) return false;
        if (ordered) break;
    }
    const auto& pieces = st.pieces;
    const Grid2d& grid = st.grid;
    while (st.next < pieces.size()) {
        const uint32_t ai = st.next++;
        const Piece& a = pieces[ai];
        const GridPath path = path_of(a, grid, st.settings);
        for (int32_t cy = path.first_row(), last = path.last_row(); cy <= last; ++cy) {
            int32_t from, to;
            path.columns(cy, from, to);
            for (int32_t cx = from; cx <= to; ++cx) {
                auto& cell = st.cells[size_t(cy) * size_t(grid.columns) + size_t(cx)];
                for (size_t k = 0; k < cell.size();) {
                    const SweepState::Active other = cell[k];
                    if (other.t1 <= a.t0) {  // over before anything still to come starts
                        cell[k] = cell.back();
                        cell.pop_back();
                        continue;
                    }
                    ++k;
                    if (st.met[other.piece] == ai) continue;  // already met in another cell
                    st.met[other.piece] = ai;
                    const Piece& b = pieces[other.piece];
                    if (a.flight == b.flight) continue;
                    const double t0 = a.t0, t1 = std::min(a.t1, other.t1);  // b started no later than a; its end is in `other`, off its first cache line
                    if (t0 >= t1) continue;
                    ++st.tested;
                    test_pair(a, b, t1, st.settings, st.conflicts, st.losses);
                }
                cell.push_back({ai, a.t1});
            }
        }
        if (pause && st.next % kPiecesPerPauseCheck == 0 && st.next < pieces.size() && pause()) return false;
    }
    st.result.conflicts = episodes(st.conflicts);
    st.result.losses = episodes(st.losses);
    st.result.piece_pairs_tested = st.tested;
    // The sweep's tables are not needed any more.
    st.pieces = {};
    st.cells = {};
    st.met = {};
    st.conflicts = {};
    st.losses = {};
    st.done = true;
    return true;
}

double ConflictScan::progress() const {
    const SweepState& st = *state_;
    if (st.done) return 1.0;
    // Cutting the tracks is about a third of the work, the sweep the rest.
    const double cut = st.flights ? double(st.next_flight) / double(st.flights) : 1.0;
    const double swept = st.ordered && !st.pieces.empty() ? double(st.next) / double(st.pieces.size()) : 0.0;
    return cut / 3 + swept * 2 / 3;
}

ConflictScanResult ConflictScan::take() { return std::move(state_->result); }

ConflictScanResult scan_conflicts(const std::vector<std::vector<TrackPoint4>>& tracks, const std::vector<ExclusionCircle>& exclusions,
                                  const TacticalSettings& s) {
    ConflictScan scan(tracks, exclusions, s);
    scan.advance({});
    return scan.take();
}

}  // namespace lowsky
