// The whole-day conflict scan (closed form on track pieces) against hand-worked encounters
// and against the state-based detector sampled finely along the same tracks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>
#include <random>

#include "core/sort_in_steps.h"
#include "generated_network.h"
#include "scenario/compiled_scenario.h"
#include "sim/conflict_scan.h"
#include "sim/simulator.h"
#include "sim/tactical.h"

using namespace lowsky;

namespace {

const TacticalSettings kRule{50, 15, 60};

std::vector<TrackPoint4> line(double t0, double x0, double y0, double z0, double t1, double x1, double y1, double z1) {
    return {{t0, {x0, y0}, z0}, {t1, {x1, y1}, z1}};
}

// `count` one-piece flights between random points of a square `side_m` across, at 60 to 100 m,
// 10 to 25 m/s, each starting within the first `within_s` seconds.
std::vector<std::vector<TrackPoint4>> random_flights(uint32_t seed, int count, double side_m, double within_s) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> pos(0, side_m), alt(60, 100), start(0, within_s), speed(10, 25);
    std::vector<std::vector<TrackPoint4>> tracks;
    for (int i = 0; i < count; ++i) {
        const double x0 = pos(rng), y0 = pos(rng), x1 = pos(rng), y1 = pos(rng), z0 = alt(rng), z1 = alt(rng);
        const double t0 = start(rng), t1 = t0 + std::hypot(x1 - x0, y1 - y0) / speed(rng) + 1;
        tracks.push_back(line(t0, x0, y0, z0, t1, x1, y1, z1));
    }
    return tracks;
}

// Episodes per pair seen by sampling `detect` every `step`: a pair's presences closer than the
// scan's merge gap (1 s) are one episode, as the scan counts them.
struct Sampled {
    int conflicts = 0, losses = 0;
};

Sampled sample(const std::vector<std::vector<TrackPoint4>>& tracks, double step) {
    double end = 0;
    for (const auto& tr : tracks) end = std::max(end, tr.back().t_s);
    TacticalDetector detector(kRule);
    std::map<std::pair<uint32_t, uint32_t>, double> last_conflict, last_loss;
    Sampled out;
    auto note = [&](std::map<std::pair<uint32_t, uint32_t>, double>& last, std::pair<uint32_t, uint32_t> pair, double t, int& episodes) {
        const auto it = last.find(pair);
        if (it == last.end() || t - it->second > 1.0 + step / 2) ++episodes;
        last[pair] = t;
    };
    std::vector<AirborneState> airborne;
    std::vector<uint32_t> flight_of;
    std::vector<std::pair<uint32_t, uint32_t>> conflicts, losses;
    for (double t = 0; t <= end; t += step) {
        airborne.clear();
        flight_of.clear();
        for (uint32_t f = 0; f < tracks.size(); ++f) {
            const TrackPoint4& a = tracks[f][0];
            const TrackPoint4& b = tracks[f][1];
            if (t < a.t_s || t >= b.t_s) continue;
            const double dt = b.t_s - a.t_s, u = (t - a.t_s) / dt;
            airborne.push_back({a.p.east_m + u * (b.p.east_m - a.p.east_m), a.p.north_m + u * (b.p.north_m - a.p.north_m), a.z_m + u * (b.z_m - a.z_m),
                                (b.p.east_m - a.p.east_m) / dt, (b.p.north_m - a.p.north_m) / dt, (b.z_m - a.z_m) / dt});
            flight_of.push_back(f);
        }
        detector.detect(airborne, conflicts, losses);
        for (auto [i, j] : conflicts) note(last_conflict, {flight_of[i], flight_of[j]}, t, out.conflicts);
        for (auto [i, j] : losses) note(last_loss, {flight_of[i], flight_of[j]}, t, out.losses);
    }
    return out;
}

}  // namespace

TEST_CASE("The conflict scan counts each encounter once, in continuous time", "[sim][tactical]") {
    // Head-on at 20 m/s closing: within 50 m from t = 497.5 s to 502.5 s.
    const auto east = line(0, 0, 0, 80, 1000, 10000, 0, 80);
    const auto west = line(0, 10000, 0, 80, 1000, 0, 0, 80);
    ConflictScanResult c = scan_conflicts({east, west}, {}, kRule);
    REQUIRE(c.conflicts.size() == 1);
    REQUIRE(c.losses.size() == 1);
    // Worked by hand: they meet at x = 5000 m at t = 500 s, 0 m apart across and in height; the
    // loss runs while they are within 50 m (25 m each side of the meeting at 10 m/s each:
    // 497.5 to 502.5 s), the conflict from 60 s before the loss begins.
    const Encounter& loss = c.losses[0];
    CHECK(loss.flight_a == 0);
    CHECK(loss.flight_b == 1);
    CHECK(loss.start_s == Approx(497.5));
    CHECK(loss.end_s == Approx(502.5));
    CHECK(loss.closest_s == Approx(500));
    CHECK(loss.horizontal_m == Approx(0).margin(1e-9));
    CHECK(loss.vertical_m == Approx(0).margin(1e-9));
    CHECK(loss.where.east_m == Approx(5000));
    CHECK(loss.where.north_m == Approx(0).margin(1e-9));
    CHECK(loss.z_m == Approx(80));
    const Encounter& conflict = c.conflicts[0];
    CHECK(conflict.start_s == Approx(437.5));
    CHECK(conflict.end_s == Approx(502.5));
    CHECK(conflict.closest_s == Approx(500));
    CHECK(conflict.predicted_m == Approx(0).margin(1e-9));

    SECTION("passing 30 m apart, one climbing: closest across at the crossing, their heights apart by the climb there") {
        // The other at 30 m north, climbing from 70 m to 90 m over the 1000 s: at 500 s it is at 80 m.
        c = scan_conflicts({east, line(0, 10000, 30, 70, 1000, 0, 30, 90)}, {}, kRule);
        REQUIRE(c.losses.size() == 1);
        CHECK(c.losses[0].closest_s == Approx(500));
        CHECK(c.losses[0].horizontal_m == Approx(30));
        CHECK(c.losses[0].vertical_m == Approx(0).margin(1e-9));
        CHECK(c.losses[0].where.north_m == Approx(15));
        CHECK(c.losses[0].predicted_m == Approx(30));
        // Within 50 m across while |dx| < 40 m: 498 to 502 s; the heights stay within 15 m throughout.
        CHECK(c.losses[0].start_s == Approx(498));
        CHECK(c.losses[0].end_s == Approx(502));
    }

    SECTION("30 m of vertical separation: no conflict") {
        c = scan_conflicts({east, line(0, 10000, 0, 110, 1000, 0, 0, 110)}, {}, kRule);
        CHECK(c.conflicts.size() == 0);
        CHECK(c.losses.size() == 0);
    }
    SECTION("passing 60 m apart: no loss, and no conflict") {
        c = scan_conflicts({east, line(0, 10000, 60, 80, 1000, 0, 60, 80)}, {}, kRule);
        CHECK(c.conflicts.size() == 0);
        CHECK(c.losses.size() == 0);
    }
    SECTION("the other turns away 20 s before they would meet: a conflict without a loss") {
        auto turning = line(0, 10000, 0, 80, 480, 5200, 0, 80);  // 400 m apart at the turn, closing at 20 m/s
        turning.push_back({1000, {5200, 5000}, 80});
        c = scan_conflicts({east, turning}, {}, kRule);
        REQUIRE(c.conflicts.size() == 1);
        CHECK(c.losses.size() == 0);
        // Predicted to meet head-on; closest at the turn (t = 480 s: 4800 m and 5200 m, 400 m apart).
        CHECK(c.conflicts[0].predicted_m == Approx(0).margin(1e-9));
        CHECK(c.conflicts[0].closest_s == Approx(480));
        CHECK(c.conflicts[0].horizontal_m == Approx(400));
    }
    SECTION("inside a hub's approach circle the hub's procedures separate traffic") {
        // The meeting point is inside: no loss counts there. From outside, 1000 m apart and
        // closing, the state-based rule still predicts the meeting: that conflict counts.
        c = scan_conflicts({east, west}, {{{5000, 0}, 500}}, kRule);
        CHECK(c.conflicts.size() == 1);
        CHECK(c.losses.size() == 0);
        // A circle wider than the look-ahead reaches (60 s at 20 m/s closing): nothing counts.
        c = scan_conflicts({east, west}, {{{5000, 0}, 1300}}, kRule);
        CHECK(c.conflicts.size() == 0);
        CHECK(c.losses.size() == 0);
    }
    SECTION("on the ground nothing counts") {
        c = scan_conflicts({line(0, 0, 0, 0, 1000, 10000, 0, 0), line(0, 10000, 0, 0, 1000, 0, 0, 0)}, {}, kRule);
        CHECK(c.conflicts.size() == 0);
        CHECK(c.losses.size() == 0);
    }
}

TEST_CASE("The conflict scan agrees with the state-based detector sampled along the tracks", "[sim][tactical]") {
    const std::vector<std::vector<TrackPoint4>> tracks = random_flights(7, 120, 3000, 300);
    const ConflictScanResult scan = scan_conflicts(tracks, {}, kRule);
    const Sampled sampled = sample(tracks, 0.05);
    REQUIRE(sampled.conflicts > 50);  // the traffic is dense enough to mean something
    REQUIRE(sampled.losses > 20);
    CHECK(scan.conflicts.size() == size_t(sampled.conflicts));
    CHECK(scan.losses.size() == size_t(sampled.losses));
}

TEST_CASE("The conflict scan agrees with the sampled detector when every flight takes off in the same second", "[sim][tactical]") {
    // 120 flights starting within 0.9 s: one crowded bucket of the pieces' order by start, which
    // is sorted differently from the usual few a second. Numbered the other way round, the same
    // encounters come out.
    const std::vector<std::vector<TrackPoint4>> tracks = random_flights(13, 120, 3000, 0.9);
    const ConflictScanResult scan = scan_conflicts(tracks, {}, kRule);
    const Sampled sampled = sample(tracks, 0.05);
    REQUIRE(sampled.conflicts > 50);
    CHECK(scan.conflicts.size() == size_t(sampled.conflicts));
    CHECK(scan.losses.size() == size_t(sampled.losses));
    const std::vector<std::vector<TrackPoint4>> reversed(tracks.rbegin(), tracks.rend());
    const ConflictScanResult back = scan_conflicts(reversed, {}, kRule);
    REQUIRE(back.conflicts.size() == scan.conflicts.size());
    std::vector<std::pair<uint32_t, uint32_t>> forward_pairs, backward_pairs;
    const uint32_t last = uint32_t(tracks.size()) - 1;
    for (const Encounter& e : scan.conflicts) forward_pairs.emplace_back(e.flight_a, e.flight_b);
    for (const Encounter& e : back.conflicts) backward_pairs.emplace_back(std::min(last - e.flight_a, last - e.flight_b), std::max(last - e.flight_a, last - e.flight_b));
    std::sort(forward_pairs.begin(), forward_pairs.end());
    std::sort(backward_pairs.begin(), backward_pairs.end());
    CHECK(forward_pairs == backward_pairs);
}

TEST_CASE("The conflict scan's broad phase skips pairs that never come near", "[sim][tactical]") {
    // 400 ten-minute flights within an hour over 100 km by 100 km: about a third of all pairs
    // share time, but few share a cell too.
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> pos(0, 100000), start(0, 3600), leg(-5000, 5000);
    std::vector<std::vector<TrackPoint4>> tracks;
    for (int i = 0; i < 400; ++i) {
        const double x = pos(rng), y = pos(rng), t = start(rng);
        tracks.push_back(line(t, x, y, 80, t + 600, x + leg(rng), y + leg(rng), 80));
    }
    const ConflictScanResult c = scan_conflicts(tracks, {}, kRule);
    CHECK(c.piece_pairs_tested < long(tracks.size() * tracks.size() / 50));
}

TEST_CASE("The conflict scan a slice at a time gives the scan at once", "[sim][tactical][slices]") {
    const std::vector<std::vector<TrackPoint4>> tracks = random_flights(7, 400, 3000, 300);
    const ConflictScanResult once = scan_conflicts(tracks, {}, kRule);
    ConflictScan scan(tracks, {}, kRule);
    int slices = 1;
    double last = 0;
    while (!scan.advance([] { return true; })) {  // pause at every chance
        ++slices;
        CHECK(scan.progress() >= last);
        last = scan.progress();
        CHECK(last < 1.0);
    }
    CHECK(scan.progress() == 1.0);
    // 400 one-piece flights: paused after every 64th flight cut (6), once all are cut and the
    // grid laid (1), three times while the pieces are put in order of start (counted, room
    // made, placed), once room is made to move them (1) and once they are moved into it (1),
    // after the 256th piece's visits are made and after the last's (2), and three times while
    // the visits are put in order of entry (3). Their 920 visits (fewer than 1,024) look at
    // 40,276 open stays in all (counted once, by hand-instrumenting the sweep): asked after the
    // first 16,384 and the next (2). Then the conflicts' intervals are sorted and merged (1),
    // their episodes sorted (1), and the same for the losses (2); the tables are freed in one go.
    CHECK(slices == 24);
    const ConflictScanResult sliced = scan.take();
    REQUIRE(once.conflicts.size() > 10);
    REQUIRE(sliced.conflicts.size() == once.conflicts.size());
    REQUIRE(sliced.losses.size() == once.losses.size());
    for (size_t i = 0; i < once.conflicts.size(); ++i) {
        CHECK(sliced.conflicts[i].flight_a == once.conflicts[i].flight_a);
        CHECK(sliced.conflicts[i].flight_b == once.conflicts[i].flight_b);
        CHECK(sliced.conflicts[i].start_s == once.conflicts[i].start_s);
        CHECK(sliced.conflicts[i].horizontal_m == once.conflicts[i].horizontal_m);
    }
    for (size_t i = 1; i < once.losses.size(); ++i) CHECK(once.losses[i - 1].start_s <= once.losses[i].start_s);  // by start time
}

TEST_CASE("The conflict scan finds the same encounters whatever order its flights come in", "[sim][tactical][slices]") {
    // 20,000 one-piece flights over a day in random order. Numbered the other way round, the
    // same flights must give the same encounters (a piece or a visit taken out of order would be
    // met by some and missed by others).
    const std::vector<std::vector<TrackPoint4>> tracks = random_flights(5, 20000, 20000, 86400);
    const std::vector<std::vector<TrackPoint4>> reversed(tracks.rbegin(), tracks.rend());
    const uint32_t last = uint32_t(tracks.size()) - 1;
    const auto encounters = [](const std::vector<Encounter>& v, bool renumber, uint32_t last_flight) {
        std::vector<std::tuple<uint32_t, uint32_t, double, double>> out;
        for (const Encounter& e : v) {
            uint32_t a = renumber ? last_flight - e.flight_a : e.flight_a, b = renumber ? last_flight - e.flight_b : e.flight_b;
            if (a > b) std::swap(a, b);
            out.emplace_back(a, b, e.start_s, e.horizontal_m);
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    const ConflictScanResult forward = scan_conflicts(tracks, {}, kRule), backward = scan_conflicts(reversed, {}, kRule);
    REQUIRE(forward.conflicts.size() > 100);
    CHECK(encounters(backward.conflicts, true, last) == encounters(forward.conflicts, false, last));
    CHECK(encounters(backward.losses, true, last) == encounters(forward.losses, false, last));
    for (size_t i = 1; i < forward.conflicts.size(); ++i) CHECK(forward.conflicts[i - 1].start_s <= forward.conflicts[i].start_s);
}

TEST_CASE("On a big day the conflict scan agrees with the state-based detector sampled along the tracks", "[sim][tactical]") {
    // The generated region-wide day at 25,000 orders (375 drones over 40 hubs: lanes 60 m apart,
    // spokes and rings meeting at hubs, VTOL links over the cities), two minutes at its busiest
    // moment. Each airborne stretch of track in that window is a piece of its own for both (no
    // exclusion circles), so that the sampler's flights and the scan's are the same.
    lowsky::bench::DaySpec spec;
    spec.orders = 25000;
    spec.drones = 375;
    const Scenario scenario = lowsky::bench::generate_day(spec);
    const CompiledScenario compiled(scenario);
    SimConfig cfg;
    cfg.tactical = false;
    const SimResult day = simulate(compiled, cfg);
    const SeriesPoint busiest = *std::max_element(day.series.begin(), day.series.end(), [](const SeriesPoint& a, const SeriesPoint& b) { return a.airborne < b.airborne; });
    REQUIRE(busiest.airborne > 100);
    const double from = busiest.t_s, to = busiest.t_s + 120;
    std::vector<std::vector<TrackPoint4>> pieces;
    for (const SimFlight& f : day.flights) {
        for (size_t k = 0; k + 1 < f.track.size(); ++k) {
            const TrackPoint& a = f.track[k];
            const TrackPoint& b = f.track[k + 1];
            const double t0 = std::max(from, a.t_s), t1 = std::min(to, b.t_s);
            if (t1 - t0 < 0.5 || (a.height.m <= 1 && b.height.m <= 1)) continue;
            const LocalPoint pa = compiled.frame().to_local({a.lat_deg, a.lon_deg}), pb = compiled.frame().to_local({b.lat_deg, b.lon_deg});
            const auto at = [&](double t) {
                const double u = (t - a.t_s) / (b.t_s - a.t_s);
                return TrackPoint4{t, {pa.east_m + u * (pb.east_m - pa.east_m), pa.north_m + u * (pb.north_m - pa.north_m)}, a.height.m + u * (b.height.m - a.height.m)};
            };
            pieces.push_back({at(t0), at(t1)});
        }
    }
    REQUIRE(pieces.size() > 150);
    const ConflictScanResult scan = scan_conflicts(pieces, {}, kRule);
    const Sampled sampled = sample(pieces, 0.05);
    REQUIRE(sampled.conflicts > 20);  // drones converging on hubs: real encounters to find
    CHECK(scan.conflicts.size() == size_t(sampled.conflicts));
    CHECK(scan.losses.size() == size_t(sampled.losses));
}

TEST_CASE("A sort a step at a time gives std::sort's order", "[sim][slices]") {
    // Distinct values (a total order), in runs of 7 so that odd runs and a short last run merge.
    std::vector<int> values(1000);
    for (size_t i = 0; i < values.size(); ++i) values[i] = int((i * 7919) % 1009) - 500;
    for (const size_t n : {size_t(0), size_t(1), size_t(7), size_t(8), size_t(50), size_t(1000)}) {
        INFO("n " << n);
        std::vector<int> input(values.begin(), values.begin() + std::ptrdiff_t(n));
        std::vector<int> expected = input;
        std::sort(expected.begin(), expected.end());
        SortInSteps<int, std::less<int>> sort(input, std::less<int>(), 7);
        size_t steps = 1;
        while (!sort.step()) ++steps;
        CHECK(sort.items() == expected);
        // One step per run of 7; then passes that merge the runs two by two until one is left
        // (their number halves each pass), each pass moving the n items 7 a step.
        size_t runs = (n + 6) / 7, passes = 0;
        for (size_t r = runs; r > 1; r = (r + 1) / 2) ++passes;
        CHECK(steps == std::max<size_t>(runs, 1) + passes * ((n + 6) / 7));
    }
}
