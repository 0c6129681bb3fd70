#include "sim/conflict_scan.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>

#include "core/sort_in_steps.h"
#include "sim/bucket_order.h"
#include "sim/grid_path.h"

namespace lowsky {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kCell_m = 3000;      // space cells of the broad phase
constexpr size_t kMaxCells = 1 << 22; // a larger area gets larger cells
constexpr double kMergeGap_s = 1.0;   // intervals this close are one episode (as 1 Hz detection would see them)

// What the narrow phase reads, in one cache line (the flights and the area are kept apart).
struct alignas(64) Piece {
    double t0, t1;
    double x0, y0, z0;  // at t0
    double vx, vy, vz;
};

// Everything the pieces' states may predict, with a margin: the area of the broad phase's grid.
struct Area {
    double x_lo = kInf, x_hi = -kInf, y_lo = kInf, y_hi = -kInf;
};

// The broad phase's grid over the area: kCell_m cells, larger over a huge area.
Grid2d grid_over(const Area& area) {
    Grid2d g;
    g.cell = kCell_m;
    if (area.x_lo > area.x_hi) return g;
    g.x0 = area.x_lo;
    g.y0 = area.y_lo;
    while ((std::floor((area.x_hi - g.x0) / g.cell) + 1) * (std::floor((area.y_hi - g.y0) / g.cell) + 1) > double(kMaxCells)) g.cell *= 2;
    g.columns = int32_t(std::floor((area.x_hi - g.x0) / g.cell)) + 1;
    g.rows = int32_t(std::floor((area.y_hi - g.y0) / g.cell)) + 1;
    return g;
}

// The cells a piece's state may predict: its path to the look-ahead beyond its end, `half`
// either side (R/2 and a metre more, so that rounding never loses a cell), and when. Two
// drones whose states predict each other within R are, at some moment, both within R/2 of
// the point midway: in the same cell widened by R/2, at the same time. So a pair needs
// testing only where both are in a cell at once; a piece leaves a cell's list once it has
// passed it, not when it ends, and a long piece meets only the traffic near it on its way.
struct CellTimes {
    CellTimes(const Piece& p, const Grid2d& grid, double half_width, double lookahead_s)
        : t0(p.t0), span(p.t1 - p.t0 + lookahead_s), path(grid, p.x0, p.y0, p.vx * span, p.vy * span, half_width) {}

    // When the path is within the widened cell (row, column): false when never.
    bool in_cell(int32_t row, int32_t column, double& enter, double& exit) const {
        double u0 = 0, u1 = 1;
        if (!path.in_row(row, u0, u1) || !path.in_column(column, u0, u1)) return false;
        enter = t0 + span * u0;
        exit = t0 + span * u1;
        return true;
    }

    double t0, span;
    GridPath path;
};

// A time as a float, rounded down or up: a cell's list holds more entries in a cache line.
float round_down(double t) {
    float f = float(t);
    return double(f) > t ? std::nextafter(f, -std::numeric_limits<float>::infinity()) : f;
}
float round_up(double t) {
    float f = float(t);
    return double(f) < t ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

// The exclusion circles by their centres' east, and the largest radius: a segment looks only
// at those whose centres are within that of its east-west extent.
struct Circles {
    explicit Circles(std::vector<ExclusionCircle> all) : by_east(std::move(all)) {
        std::sort(by_east.begin(), by_east.end(), [](const ExclusionCircle& a, const ExclusionCircle& b) { return a.center.east_m < b.center.east_m; });
        for (const auto& c : by_east) largest = std::max(largest, c.radius_m);
    }
    std::vector<ExclusionCircle> by_east;
    double largest = 0;
};

// Part [u0, u1] of segment a->b (parameter 0..1) outside every circle: at most a few pieces.
// Each circle takes its own interval away, so the order they come in does not matter.
void outside(const LocalPoint& a, const LocalPoint& b, const Circles& circles, std::vector<std::pair<double, double>>& out) {
    out.assign(1, {0.0, 1.0});
    const double dx = b.east_m - a.east_m, dy = b.north_m - a.north_m;
    const double x_lo = std::min(a.east_m, b.east_m), x_hi = std::max(a.east_m, b.east_m);
    const double y_lo = std::min(a.north_m, b.north_m), y_hi = std::max(a.north_m, b.north_m);
    const auto& all = circles.by_east;
    auto it = std::lower_bound(all.begin(), all.end(), x_lo - circles.largest,
                               [](const ExclusionCircle& c, double east) { return c.center.east_m < east; });
    for (; it != all.end() && it->center.east_m <= x_hi + circles.largest; ++it) {
        const ExclusionCircle& c = *it;
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
        // Take [in0, in1] out of each part, in place: a part splits in two at most.
        const size_t parts = out.size();
        for (size_t k = 0; k < parts; ++k) {
            const auto [u0, u1] = out[k];
            if (in1 <= u0 || in0 >= u1) { out.push_back({u0, u1}); continue; }
            if (in0 > u0) out.push_back({u0, in0});
            if (in1 < u1) out.push_back({in1, u1});
        }
        out.erase(out.begin(), out.begin() + std::ptrdiff_t(parts));
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
void test_pair(const Piece& a, const Piece& b, uint64_t pair, double t1, const TacticalSettings& s, std::vector<Interval>& conflicts,
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
    // Loss of separation while inside; conflict from a look-ahead before.
    const double span = t1 - t0;
    const double l0 = std::max(0.0, lo), l1 = std::min(span, hi);
    if (l0 < l1) losses.push_back(closest_in(a, pair, dx, dy, dz, vx, vy, vz, l0, l1));
    const double c0 = std::max(0.0, lo - s.lookahead_s), c1 = std::min(span, hi);
    if (c0 < c1) conflicts.push_back(closest_in(a, pair, dx, dy, dz, vx, vy, vz, c0, c1));
}

// A pair's intervals this close are one episode; its closest moment is the closest of its
// intervals' (the earlier on a tie).
// A total order: the intervals come in whatever order the sweep met them (a pair met in
// several cells more than once), and the episodes must not depend on it.
bool interval_before(const Interval& a, const Interval& b) {
    return std::tie(a.pair, a.start, a.end, a.closest_s, a.horizontal_m, a.vertical_m, a.x, a.y, a.z, a.predicted_m) <
           std::tie(b.pair, b.start, b.end, b.closest_s, b.horizontal_m, b.vertical_m, b.x, b.y, b.z, b.predicted_m);
}

// Episodes by start, then pair: a pair's episodes never start together (they would be one).
bool episode_before(const Encounter& a, const Encounter& b) {
    if (a.start_s != b.start_s) return a.start_s < b.start_s;
    return a.flight_a < b.flight_a || (a.flight_a == b.flight_a && a.flight_b < b.flight_b);
}

// The intervals of each pair, in interval_before's order, merged into episodes.
std::vector<Encounter> merge_intervals(const std::vector<Interval>& v) {
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
    return out;
}

}  // namespace

// Intervals into episodes a step at a time: the intervals sorted, merged, and the episodes
// sorted by start (a region day's conflicts took 7.6 ms at once, more than half a slice).
class EpisodesInSteps {
public:
    explicit EpisodesInSteps(std::vector<Interval> intervals) : intervals_(std::move(intervals), interval_before) {}
    bool step() {
        if (!episodes_) {
            if (!intervals_.step()) return false;
            episodes_.emplace(merge_intervals(intervals_.items()), episode_before);
            intervals_.items() = {};
            return false;
        }
        return episodes_->step();
    }
    std::vector<Encounter> take() { return std::move(episodes_->items()); }

private:
    using IntervalOrder = bool (*)(const Interval&, const Interval&);
    using EpisodeOrder = bool (*)(const Encounter&, const Encounter&);
    SortInSteps<Interval, IntervalOrder> intervals_;
    std::optional<SortInSteps<Encounter, EpisodeOrder>> episodes_;
};

namespace {

constexpr uint32_t kPiecesPerPauseCheck = 256;
constexpr size_t kVisitsPerPauseCheck = 1024;
constexpr size_t kVisitsPerBlock = 65536;
constexpr size_t kItemsPerStep = 65536;  // pieces or visits counted or placed in one step
constexpr size_t kSecondsPerStep = 8192;  // seconds whose pieces are put in order in one step

}  // namespace

// One piece's time in a cell: when its state may predict a place there (rounded outwards).
struct Stay {
    uint32_t piece, flight;  // and the piece's flight
    float enter, exit;
};

// A stay, and the cell it is in.
struct Visit {
    Stay stay;
    uint32_t cell;
};

// Everything the scan carries from one slice to the next.
struct SweepState {
    uint32_t flights = 0;
    TrackSource source;
    Circles exclusions{{}};
    TacticalSettings settings;
    uint32_t next_flight = 0;   // the next flight to cut into pieces
    std::vector<Piece> pieces;  // as cut, flight by flight
    std::vector<uint32_t> flight_of;  // each piece's
    Area area;
    Grid2d grid;
    // The pieces are put in order of start (then a piece's index orders pieces as a sweep by
    // start would, and those under way together lie together in memory); then every piece's
    // visits to the cells of its path are put in order of entry (to the second), and taken in
    // that order, each meeting the stays still open in its cell.
    enum class Stage { ordering, gathering, visiting, entering, sweeping } stage = Stage::ordering;
    size_t at = 0;  // the next piece or visit of the stage
    BucketOrder<uint32_t> by_start;
    size_t ordered_seconds = 0;           // gathering: the seconds whose pieces are in order
    size_t moved = 0;                     // and the pieces moved into that order
    std::vector<Piece> gathered;
    std::vector<uint32_t> gathered_flights;
    BucketOrder<Visit> by_entry;
    TimeBuckets seconds;
    std::vector<std::vector<Visit>> visits;  // in blocks of kVisitsPerBlock: never moved at once
    size_t visit_count = 0;
    size_t visits_at_check = 0;  // how many there were when the pause was last asked
    float last_enter = 0;
    size_t bucket = 0;        // the bucket being swept
    float closed_before = 0;  // its earliest entry
    std::vector<std::vector<Stay>> cells;  // the stays still open in each
    size_t walked = 0, walked_at_check = 0;  // stays looked at by the sweep, and when it last asked to pause
    std::vector<Interval> conflicts, losses;
    long tested = 0;
    std::optional<EpisodesInSteps> making;  // the conflicts' episodes, then the losses'
    int made = 0;                           // lists of episodes made (2: both; the tables are being freed)
    size_t cells_made = 0;                  // the cells' lists when the freeing began
    bool done = false;
    ConflictScanResult result;
};

namespace {

constexpr uint32_t kFlightsPerPauseCheck = 64;
constexpr size_t kCellsPerRelease = 32768;
constexpr size_t kStaysPerPauseCheck = 16384;

// Pieces: the airborne parts of a track outside the exclusion circles.
void cut(uint32_t f, const std::vector<TrackPoint4>& tr, const Circles& exclusions, const TacticalSettings& s,
         std::vector<std::pair<double, double>>& parts, std::vector<Piece>& pieces, std::vector<uint32_t>& flight_of, Area& area) {
    for (size_t k = 0; k + 1 < tr.size(); ++k) {
        const TrackPoint4& a = tr[k];
        const TrackPoint4& b = tr[k + 1];
        const double dt = b.t_s - a.t_s;
        if (dt <= 0 || (a.z_m <= 1.0 && b.z_m <= 1.0)) continue;
        outside(a.p, b.p, exclusions, parts);
        for (const auto& [u0, u1] : parts) {
            Piece p;
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
            const double m = s.radius_m / 2;  // the point midway between two within R is inside this
            area.x_lo = std::min(area.x_lo, std::min(p.x0, xe) - m);
            area.x_hi = std::max(area.x_hi, std::max(p.x0, xe) + m);
            area.y_lo = std::min(area.y_lo, std::min(p.y0, ye) - m);
            area.y_hi = std::max(area.y_hi, std::max(p.y0, ye) + m);
            pieces.push_back(p);
            flight_of.push_back(f);
        }
    }
}

// The grid over the pieces, once all are cut, and the time the buckets count from.
void lay_grid(SweepState& st) {
    st.grid = grid_over(st.area);
    st.cells.resize(size_t(st.grid.columns) * size_t(st.grid.rows));
    double first = kInf, last = -kInf;
    for (const Piece& p : st.pieces) first = std::min(first, p.t0), last = std::max(last, p.t0);
    st.seconds = st.pieces.empty() ? TimeBuckets() : TimeBuckets(double(round_down(first)), last);
    std::vector<uint32_t> all(st.pieces.size());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    st.by_start.start(std::move(all), st.seconds.count);
}

}  // namespace

ConflictScan::ConflictScan(uint32_t flights, TrackSource tracks, std::vector<ExclusionCircle> exclusions, const TacticalSettings& s)
    : state_(std::make_unique<SweepState>()) {
    state_->flights = flights;
    state_->source = std::move(tracks);
    state_->exclusions = Circles(std::move(exclusions));
    state_->settings = s;
}

ConflictScan::ConflictScan(const std::vector<std::vector<TrackPoint4>>& tracks, const std::vector<ExclusionCircle>& exclusions,
                           const TacticalSettings& s)
    : ConflictScan(uint32_t(tracks.size()), [copy = std::make_shared<const std::vector<std::vector<TrackPoint4>>>(tracks)](uint32_t f, std::vector<TrackPoint4>& out) {
          out = (*copy)[f];
      }, exclusions, s) {}

ConflictScan::~ConflictScan() = default;

// Broad phase: a sweep in time over a grid in space. Each piece visits the cells of its path,
// each for the time its state may predict a place there (CellTimes); the visits are taken in
// order of entry, each meeting the visits still open in its cell.
bool ConflictScan::advance(const std::function<bool()>& pause) {
    SweepState& st = *state_;
    if (st.done) return true;
    if (st.next_flight < st.flights) {
        std::vector<TrackPoint4> track;
        std::vector<std::pair<double, double>> parts;
        while (st.next_flight < st.flights) {
            const uint32_t f = st.next_flight++;
            st.source(f, track);
            cut(f, track, st.exclusions, st.settings, parts, st.pieces, st.flight_of, st.area);
            if (pause && st.next_flight % kFlightsPerPauseCheck == 0 && st.next_flight < st.flights && pause()) return false;
        }
        st.source = {};
    }
    if (st.cells.empty()) {
        lay_grid(st);
        if (pause && pause()) return false;
    }
    if (st.stage == SweepState::Stage::ordering) {
        while (!st.by_start.advance([&](uint32_t i) { return st.seconds.of(st.pieces[i].t0); }, kItemsPerStep))
            if (pause && pause()) return false;
        st.stage = SweepState::Stage::gathering;
        if (pause && pause()) return false;
    }
    if (st.stage == SweepState::Stage::gathering) {
        // Each second's few pieces by start, ties in the order they were cut in: then a piece's
        // index orders the pieces as (start, cut) does, the order of a sweep by start. The
        // pieces and their flights are put in that order.
        static_assert(sizeof(Piece) == 64, "a piece is one cache line");
        auto& order = st.by_start.items();
        const auto& first = st.by_start.first();
        const auto earlier = [&](uint32_t i, uint32_t j) { return st.pieces[i].t0 < st.pieces[j].t0; };
        // A range of seconds a step, then the pieces moved in chunks a step: on a region day
        // the whole took longer than a slice.
        while (st.ordered_seconds + 1 < first.size()) {
            const size_t end = std::min(first.size() - 1, st.ordered_seconds + kSecondsPerStep);
            for (size_t b = st.ordered_seconds; b < end; ++b) {
                if (first[b + 1] - first[b] > 16) {  // a crowded second (many take-offs at once)
                    std::stable_sort(order.begin() + first[b], order.begin() + first[b + 1], earlier);
                    continue;
                }
                for (size_t k = first[b] + 1; k < first[b + 1]; ++k) {  // insertion: stable, and a second holds a few
                    const uint32_t i = order[k];
                    size_t j = k;
                    for (; j > first[b] && earlier(i, order[j - 1]); --j) order[j] = order[j - 1];
                    order[j] = i;
                }
            }
            st.ordered_seconds = end;
            if (pause && st.ordered_seconds + 1 < first.size() && pause()) return false;
        }
        // Room for the pieces in their new order, its pages touched a step's worth at a time
        // (all at once it was 5 ms of a region day).
        while (st.gathered.size() < order.size()) {
            st.gathered.reserve(order.size());
            st.gathered_flights.reserve(order.size());
            const size_t to = std::min(order.size(), st.gathered.size() + kItemsPerStep);
            st.gathered.resize(to);
            st.gathered_flights.resize(to);
            if (pause && pause()) return false;
        }
        while (st.moved < order.size()) {
            const size_t end = std::min(order.size(), st.moved + kItemsPerStep);
            for (size_t k = st.moved; k < end; ++k) st.gathered[k] = st.pieces[order[k]], st.gathered_flights[k] = st.flight_of[order[k]];
            st.moved = end;
            if (pause && st.moved < order.size() && pause()) return false;
        }
        st.pieces.swap(st.gathered);
        st.flight_of.swap(st.gathered_flights);
        st.gathered = {};
        st.gathered_flights = {};
        st.by_start = {};
        st.stage = SweepState::Stage::visiting;
        if (pause && pause()) return false;
    }
    const auto& pieces = st.pieces;
    const Grid2d& grid = st.grid;
    const double half = st.settings.radius_m / 2 + 1;
    if (st.stage == SweepState::Stage::visiting) {
        while (st.at < pieces.size()) {
            const uint32_t i = uint32_t(st.at++);
            const CellTimes times(pieces[i], grid, half, st.settings.lookahead_s);
            const uint32_t flight = st.flight_of[i];
            for (int32_t cy = times.path.first_row(), last = times.path.last_row(); cy <= last; ++cy) {
                int32_t from, to;
                times.path.columns(cy, from, to);
                for (int32_t cx = from; cx <= to; ++cx) {
                    double enter = 0, exit = 0;
                    if (!times.in_cell(cy, cx, enter, exit)) continue;  // the widening reaches it only outside its row
                    const Visit v{{i, flight, round_down(enter), round_up(exit)}, uint32_t(cy) * uint32_t(grid.columns) + uint32_t(cx)};
                    st.last_enter = std::max(st.last_enter, v.stay.enter);
                    if (st.visits.empty() || st.visits.back().size() == kVisitsPerBlock) {
                        st.visits.emplace_back();
                        st.visits.back().reserve(kVisitsPerBlock);
                    }
                    st.visits.back().push_back(v);
                    ++st.visit_count;
                }
            }
            if (pause && st.at < pieces.size() && (st.at % kPiecesPerPauseCheck == 0 || st.visit_count >= st.visits_at_check + kItemsPerStep / 4)) {
                st.visits_at_check = st.visit_count;
                if (pause()) return false;
            }
        }
        st.flight_of = {};
        st.seconds = st.visit_count == 0 ? TimeBuckets() : TimeBuckets(st.seconds.origin, double(st.last_enter));
        st.by_entry.start(std::move(st.visits), st.seconds.count);
        st.stage = SweepState::Stage::entering;
        st.at = 0;
        if (pause && pause()) return false;
    }
    if (st.stage == SweepState::Stage::entering) {
        while (!st.by_entry.advance([&](const Visit& v) { return st.seconds.of(double(v.stay.enter)); }, kItemsPerStep))
            if (pause && pause()) return false;
        st.stage = SweepState::Stage::sweeping;
        st.bucket = SIZE_MAX;
        if (pause && pause()) return false;
    }
    const auto& by_entry = st.by_entry.items();
    const auto& first = st.by_entry.first();
    // Visits come in order of their buckets. One that closed before its bucket's earliest entry
    // can meet nothing still to come and leaves its cell's list; the rest are open there at the
    // same time as the visit taken if the two overlap (within a bucket the order is not by entry).
    while (st.at < by_entry.size()) {
        if (st.bucket == SIZE_MAX || st.at == first[st.bucket + 1]) {
            do ++st.bucket; while (first[st.bucket + 1] == st.at);  // past empty buckets
            st.closed_before = by_entry[st.at].stay.enter;
            for (size_t k = st.at + 1; k < first[st.bucket + 1]; ++k) st.closed_before = std::min(st.closed_before, by_entry[k].stay.enter);
        }
        const uint32_t in = by_entry[st.at].cell;
        const Stay v = by_entry[st.at++].stay;
        auto& cell = st.cells[in];
        st.walked += cell.size();
        for (size_t k = 0; k < cell.size();) {
            const Stay other = cell[k];
            if (other.exit < st.closed_before) {
                cell[k] = cell.back();
                cell.pop_back();
                continue;
            }
            ++k;
            if (other.enter > v.exit || v.enter > other.exit || other.flight == v.flight) continue;
            // a is the piece that starts later (the later cut on a tie), b the other: the roles
            // of a sweep by start time.
            const Piece& a = pieces[std::max(v.piece, other.piece)];
            const Piece& b = pieces[std::min(v.piece, other.piece)];
            const double t1 = std::min(a.t1, b.t1);
            if (a.t0 >= t1) continue;
            ++st.tested;  // a pair met in several cells is tested in each, with the same outcome
            const uint64_t pair = (uint64_t(std::min(v.flight, other.flight)) << 32) | std::max(v.flight, other.flight);
            test_pair(a, b, pair, t1, st.settings, st.conflicts, st.losses);
        }
        cell.push_back(v);
        // Asked every 1,024 visits, and every 16,384 stays looked at: in a busy cell near a hub
        // 1,024 visits met 8 ms of pairs in the page.
        if (pause && st.at < by_entry.size() && (st.at % kVisitsPerPauseCheck == 0 || st.walked >= st.walked_at_check + kStaysPerPauseCheck)) {
            st.walked_at_check = st.walked;
            if (pause()) return false;
        }
    }
    while (st.made < 2) {
        if (!st.making) st.making.emplace(std::move(st.made == 0 ? st.conflicts : st.losses));
        while (!st.making->step())
            if (pause && pause()) return false;
        (st.made == 0 ? st.result.conflicts : st.result.losses) = st.making->take();
        st.making.reset();
        if (++st.made == 2) {
            st.result.piece_pairs_tested = st.tested;
            st.cells_made = st.cells.size();
        }
        if (pause && pause()) return false;
    }
    // The sweep's tables are not needed any more. The cells' lists are freed a chunk at a time:
    // on a region day they are hundreds of thousands of small allocations, more than a slice.
    while (!st.cells.empty()) {
        st.cells.resize(st.cells.size() - std::min(st.cells.size(), kCellsPerRelease));
        if (pause && !st.cells.empty() && pause()) return false;
    }
    st.pieces = {};
    st.flight_of = {};
    st.cells = {};
    st.by_entry = {};
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
    // Of the sweep, ordering and making the visits is about a third, taking them the rest.
    double swept = 0;
    if (st.next_flight == st.flights && !st.pieces.empty()) {
        switch (st.stage) {
            case SweepState::Stage::ordering:
            case SweepState::Stage::gathering: break;
            case SweepState::Stage::visiting: swept = double(st.at) / double(st.pieces.size()) / 3; break;
            case SweepState::Stage::entering: swept = 1.0 / 3; break;
            case SweepState::Stage::sweeping: {
                const size_t n = st.by_entry.items().size();
                swept = 1.0 / 3 + (n == 0 ? 1.0 : double(st.at) / double(n)) * 2 / 3;
                break;
            }
        }
    }
    // The last hundredth: freeing the cells' lists once the episodes are made.
    const double freed = st.made == 2 && st.cells_made ? 1.0 - double(st.cells.size()) / double(st.cells_made) : 0.0;
    return (cut / 3 + swept * 2 / 3) * 0.99 + freed * 0.01;
}

ConflictScanResult ConflictScan::take() { return std::move(state_->result); }

ConflictScanResult scan_conflicts(const std::vector<std::vector<TrackPoint4>>& tracks, const std::vector<ExclusionCircle>& exclusions,
                                  const TacticalSettings& s) {
    ConflictScan scan(tracks, exclusions, s);
    scan.advance({});
    return scan.take();
}

}  // namespace lowsky
