// Drafted corridors: around a circle against the hand-worked tangent-and-arc length, against a
// fine-grid search written here from the scenario's own geometry (not the draft's obstacles),
// valid for the validator between every pair of the default scenario's hubs, and refused with
// the zone named where a hub is closed in.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <queue>

#include "airspace/jurisdiction.h"
#include "assist/corridor_draft.h"
#include "assist/draft_check.h"
#include "assist/network_draft.h"
#include "energy/energy_model.h"
#include "fixtures.h"
#include "geo/geodesy.h"
#include "validation/validate.h"

using namespace lowsky;

namespace {

constexpr double kPi = 3.14159265358979323846;

Zone circle_zone(const std::string& id, GeoPoint center, double radius_m) {
    return test::circle_zone(id, ZoneKind::NoFly, center, radius_m, {{0, AltitudeReference::AboveGround}, {500, AltitudeReference::AboveGround}});
}

Zone box_zone(const std::string& id, double lat0, double lon0, double lat1, double lon1) {
    Zone z;
    z.id = id;
    z.name = id;
    z.kind = ZoneKind::NoFly;
    z.shape.polygon = {{lat0, lon0}, {lat0, lon1}, {lat1, lon1}, {lat1, lon0}};
    z.band = {{0, AltitudeReference::AboveGround}, {500, AltitudeReference::AboveGround}};
    return z;
}

// A draft's request: its ends and drone type, the rest as the request defaults it.
assist::DraftRequest ask(const std::string& from, const std::string& to, const std::string& type) {
    assist::DraftRequest r;
    r.from = from, r.to = to, r.drone_type = type;
    return r;
}

// Two hubs 20.6 km apart and nothing else in the way (within the fixture's fixed wing's range).
Scenario open_ground() {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.corridors.clear();
    s.zones.clear();
    s.demand_rates.clear();
    s.hubs[1].position = {22.5, 113.6};
    return s;
}

// ---- The reference: a shortest path on a fine grid, from the scenario's geometry ----------

// Whether a centreline point at p keeps the clearances the validator asks of a draft from a to
// b: half the width from every zone that blocks it, and half-widths plus the separation from
// corridors whose bands come near (outside the approach radius of the ends both share).
struct Clearance {
    const CompiledScenario& compiled;
    double half_width;
    bool allow_controlled;
    int from, to;
    bool keep_mainland;  // neither end in Hong Kong or Macau: keep out of both
    AltitudeBand band{{60, AltitudeReference::AboveGround}, {110, AltitudeReference::AboveGround}};

    bool free(LocalPoint p) const {
        const Scenario& s = compiled.scenario();
        for (const LocalZone& lz : compiled.local_zones()) {
            const Zone& z = compiled.zones()[lz.zone];
            if (z.kind == ZoneKind::Controlled && allow_controlled) continue;
            const planar::Box near = lz.box.expanded(half_width);
            if (p.east_m < near.min_e || p.east_m > near.max_e || p.north_m < near.min_n || p.north_m > near.max_n) continue;
            if (compiled.segment_to_zone(p, p, lz).distance_m < half_width) return false;
        }
        for (const LocalCorridor& lc : compiled.corridors()) {
            const Corridor& c = s.corridors[lc.corridor];
            if (bands_overlap(band, c.band, s.rules.vertical_separation_m, {}) == Overlap::No) continue;
            const planar::Box near = lc.box.expanded(c.width_m / 2 + half_width + s.rules.lateral_separation_m);
            if (p.east_m < near.min_e || p.east_m > near.max_e || p.north_m < near.min_n || p.north_m > near.max_n) continue;
            bool exempt = false;
            for (int n : {lc.start_node, lc.end_node})
                if (n >= 0 && (n == from || n == to) && planar::distance(p, compiled.nodes()[size_t(n)].local) < s.rules.hub_approach_radius_m) exempt = true;
            if (exempt) continue;
            for (size_t k = 0; k + 1 < lc.points.size(); ++k)
                if (planar::point_segment(p, lc.points[k], lc.points[k + 1]).distance_m < c.width_m / 2 + half_width + s.rules.lateral_separation_m) return false;
        }
        if (keep_mainland && jurisdiction_at(compiled.frame().to_geo(p)) != Jurisdiction::Mainland) return false;
        return true;
    }
};

// Dijkstra on a grid of `cell` metres with 16 neighbours (the knight's moves too). Clearance is
// sampled on a grid twice as fine, and a move is clear when the fine points along it are. The
// hubs join the grid at their nearest cells.
double grid_reference(const Clearance& clear, LocalPoint a, LocalPoint b, double cell, double margin) {
    const double fine = cell / 2;
    const double e0 = std::min(a.east_m, b.east_m) - margin, n0 = std::min(a.north_m, b.north_m) - margin;
    const int cols = int((std::abs(a.east_m - b.east_m) + 2 * margin) / cell) + 1;
    const int rows = int((std::abs(a.north_m - b.north_m) + 2 * margin) / cell) + 1;
    const int fcols = 2 * cols - 1, frows = 2 * rows - 1;
    std::vector<char> ok(size_t(fcols) * size_t(frows));
    for (int y = 0; y < frows; ++y)
        for (int x = 0; x < fcols; ++x) ok[size_t(y) * size_t(fcols) + size_t(x)] = clear.free({e0 + x * fine, n0 + y * fine});
    auto free_fine = [&](int fx, int fy) { return ok[size_t(fy) * size_t(fcols) + size_t(fx)] != 0; };
    auto at = [&](int x, int y) { return LocalPoint{e0 + x * cell, n0 + y * cell}; };
    auto index = [&](LocalPoint p) {
        return std::pair{int(std::lround((p.east_m - e0) / cell)), int(std::lround((p.north_m - n0) / cell))};
    };
    const auto [ax, ay] = index(a);
    const auto [bx, by] = index(b);
    std::vector<double> dist(size_t(cols) * size_t(rows), std::numeric_limits<double>::infinity());
    using Item = std::pair<double, size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    const size_t start = size_t(ay) * size_t(cols) + size_t(ax), goal = size_t(by) * size_t(cols) + size_t(bx);
    dist[start] = planar::distance(a, at(ax, ay));
    open.push({dist[start], start});
    const int moves[16][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {1, -1}, {-1, 1}, {-1, -1},
                              {2, 1}, {2, -1}, {-2, 1}, {-2, -1}, {1, 2}, {1, -2}, {-1, 2}, {-1, -2}};
    while (!open.empty()) {
        const auto [d, u] = open.top();
        open.pop();
        if (d > dist[u]) continue;
        if (u == goal) return d + planar::distance(at(bx, by), b);
        const int x = int(u % size_t(cols)), y = int(u / size_t(cols));
        for (const auto& m : moves) {
            const int nx = x + m[0], ny = y + m[1];
            if (nx < 0 || ny < 0 || nx >= cols || ny >= rows || !free_fine(2 * nx, 2 * ny)) continue;
            // The fine points on the move: every half step of the longer axis, the shorter rounded.
            const int steps = 2 * std::max(std::abs(m[0]), std::abs(m[1]));
            bool clear_move = true;
            for (int k = 1; k < steps && clear_move; ++k)
                clear_move = free_fine(2 * x + int(std::lround(2.0 * m[0] * k / steps)), 2 * y + int(std::lround(2.0 * m[1] * k / steps)));
            if (!clear_move) continue;
            const size_t v = size_t(ny) * size_t(cols) + size_t(nx);
            const double nd = d + planar::distance(at(x, y), at(nx, ny));
            if (nd < dist[v]) dist[v] = nd, open.push({nd, v});
        }
    }
    return std::numeric_limits<double>::infinity();
}

}  // namespace

TEST_CASE("A draft round a no-fly circle is the tangents and the arc a hand works out") {
    Scenario s = open_ground();
    s.zones.push_back(circle_zone("disc", {22.5, 113.5}, 3000));
    const CompiledScenario compiled(s);
    assist::DraftRequest request = ask("a", "b", "wing");
    const auto draft = assist::draft_corridor(compiled, request);
    REQUIRE(draft.ok());
    // Tangent from each hub to the circle grown by the half-width, and the arc between: with
    // the hubs 10.27 km either side of the centre and R = 3100 m, 2 x 9.79 km and 0.61 rad.
    const LocalPoint a = compiled.nodes()[0].local, b = compiled.nodes()[1].local, c = compiled.local_zones()[0].center;
    const double R = 3000 + 100, da = planar::distance(a, c), db = planar::distance(b, c);
    const double between = std::acos(((a.east_m - c.east_m) * (b.east_m - c.east_m) + (a.north_m - c.north_m) * (b.north_m - c.north_m)) / (da * db));
    const double arc = between - std::acos(R / da) - std::acos(R / db);
    const double exact = std::sqrt(da * da - R * R) + std::sqrt(db * db - R * R) + R * arc;
    INFO("draft " << draft->length_m << " m, tangents and arc " << exact << " m");
    CHECK(draft->length_m >= exact);
    CHECK(draft->length_m <= exact * 1.005);
    CHECK(draft->corridor.centreline.size() > 3);
    const auto check = assist::check_draft(s, draft->corridor, "a", "b", "wing");
    CHECK(check.findings.empty());
    REQUIRE(check.flight.ok());
    CHECK(check.flight->distance_m == Approx(draft->length_m).epsilon(0.001));
}

TEST_CASE("A draft crosses a corridor whose band is clear of its own by the vertical separation and goes round one that is not") {
    Scenario s = open_ground();
    Corridor across;
    across.id = "across";
    across.centreline = {{22.45, 113.5}, {22.55, 113.5}};
    across.width_m = 200;
    across.band = {{60, AltitudeReference::AboveGround}, {110, AltitudeReference::AboveGround}};
    across.drone_types = {"wing"};
    Junction j1, j2;
    j1.id = "j1", j1.position = across.centreline.front();
    j2.id = "j2", j2.position = across.centreline.back();
    s.junctions = {j1, j2};
    s.corridors = {across};
    const CompiledScenario compiled(s);
    assist::DraftRequest low = ask("a", "b", "wing");
    low.band = {{10, AltitudeReference::AboveGround}, {25, AltitudeReference::AboveGround}};  // 35 m below its floor
    const auto under = assist::draft_corridor(compiled, low);
    REQUIRE(under.ok());
    CHECK(under->corridor.centreline.size() == 2);
    assist::DraftRequest same = ask("a", "b", "wing");
    const auto around = assist::draft_corridor(compiled, same);
    REQUIRE(around.ok());
    CHECK(around->corridor.centreline.size() > 2);
    for (const auto* d : {&under.value(), &around.value()}) {
        const auto check = assist::check_draft(s, d->corridor, "a", "b", "wing");
        INFO((check.findings.empty() ? "" : check.findings.front().message));
        CHECK(check.errors + check.warnings == 0);
    }
}

TEST_CASE("A hub closed in by no-fly zones is refused with the zones named and the gap too narrow") {
    Scenario s = open_ground();
    // Four boxes round hub a (22.5, 113.4), 0.02 degrees out; the east one leaves a gap of
    // about 100 m to the north one, narrower than a 200 m corridor.
    s.zones.push_back(box_zone("north", 22.52, 113.38, 22.53, 113.42));
    s.zones.push_back(box_zone("south", 22.47, 113.38, 22.48, 113.42));
    s.zones.push_back(box_zone("west", 22.47, 113.37, 22.53, 113.38));
    s.zones.push_back(box_zone("east", 22.47, 113.42, 22.5191, 113.43));
    const CompiledScenario compiled(s);
    const auto draft = assist::draft_corridor(compiled, ask("a", "b", "wing"));
    REQUIRE_FALSE(draft.ok());
    CHECK(draft.error().code == "draft.walled_in");
    const std::string& m = draft.error().message;
    INFO(m);
    CHECK(m.find("a is closed in by") != std::string::npos);
    for (const char* id : {"north", "south", "west", "east"}) CHECK(m.find(std::string("zone ") + id) != std::string::npos);
    // 0.0009 degrees of latitude between north and east: 100 m.
    CHECK((m.find("the gap between north and east is 100 m") != std::string::npos || m.find("the gap between east and north is 100 m") != std::string::npos));

    // A hub inside a zone: refused at once, the zone named.
    s.zones = {circle_zone("over-a", {22.5, 113.4}, 500)};
    const CompiledScenario inside(s);
    const auto blocked = assist::draft_corridor(inside, ask("a", "b", "wing"));
    REQUIRE_FALSE(blocked.ok());
    CHECK(blocked.error().code == "draft.end_blocked");
    CHECK(blocked.error().where == "from");
    CHECK(blocked.error().message.find("zone over-a") != std::string::npos);
}

TEST_CASE("A draft stops when told to, and says so") {
    Scenario s = open_ground();
    s.zones.push_back(circle_zone("disc", {22.5, 113.5}, 3000));
    const CompiledScenario compiled(s);
    int polls = 0;
    assist::DraftControl control;
    control.stop = [&] { return ++polls >= 1; };
    const auto draft = assist::draft_corridor(compiled, ask("a", "b", "wing"), control);
    REQUIRE_FALSE(draft.ok());
    CHECK(draft.error().code == "draft.cancelled");
    CHECK(polls == 1);
}

TEST_CASE("Drafts between every pair of the default scenario's hubs pass the validator, or are refused as beyond the type's range") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    const CompiledScenario compiled(s);
    const DroneType* vtol = s.find_drone_type("vtol-fixed-wing");
    REQUIRE(vtol);
    const double range = energy::cruise_range_m(*vtol, vtol->max_payload_kg, s.rules.energy_reserve_fraction, energy::Air{s.rules.air_density_kg_m3});
    int drafted = 0, too_far = 0;
    for (size_t i = 0; i < s.hubs.size(); ++i)
        for (size_t j = i + 1; j < s.hubs.size(); ++j) {
            assist::DraftRequest request = ask(s.hubs[i].id, s.hubs[j].id, "vtol-fixed-wing");
            request.allow_approvals = true;
            const auto draft = assist::draft_corridor(compiled, request);
            INFO(s.hubs[i].id << " to " << s.hubs[j].id << ": " << (draft ? std::string("drafted") : draft.error().message));
            if (!draft) {
                CHECK(draft.error().code == "draft.beyond_range");
                ++too_far;
                continue;
            }
            ++drafted;
            CHECK(draft->length_m <= range);
            const auto check = assist::check_draft(s, draft->corridor, s.hubs[i].id, s.hubs[j].id, "vtol-fixed-wing");
            for (const Finding& f : check.findings) {
                INFO(f.message);
                CHECK(f.severity == Severity::Info);  // the approvals it names, and nothing else
            }
            CHECK(check.flight.ok());
            // Two mainland ends: it stays on the mainland.
            if (jurisdiction_at(s.hubs[i].position) == Jurisdiction::Mainland && jurisdiction_at(s.hubs[j].position) == Jurisdiction::Mainland)
                CHECK(border_crossings(draft->corridor.centreline).empty());
        }
    CHECK(drafted + too_far == 55);
    CHECK(drafted >= 40);
}

TEST_CASE("Drafts in the default scenario are within 3 per cent of a fine-grid search's length") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    const CompiledScenario compiled(s);
    // Pairs whose drafts bend round airports and the corridor network, not straight lines.
    const std::pair<const char*, const char*> pairs[] = {
        {"songshan-lake", "zhuhai"}, {"baoan-ops", "songshan-lake"}, {"dongguan", "lau-fau-shan"}, {"qianhai-hub", "xinhui"}};
    for (const auto& [from, to] : pairs) {
        assist::DraftRequest request = ask(from, to, "vtol-fixed-wing");
        request.allow_approvals = true;
        const auto draft = assist::draft_corridor(compiled, request);
        INFO(from << " to " << to << ": " << (draft ? std::string("drafted") : draft.error().message));
        REQUIRE(draft.ok());
        const int a = compiled.node_index(from), b = compiled.node_index(to);
        const bool mainland = jurisdiction_at(compiled.nodes()[size_t(a)].position) == Jurisdiction::Mainland &&
                              jurisdiction_at(compiled.nodes()[size_t(b)].position) == Jurisdiction::Mainland;
        const Clearance clear{compiled, request.width_m / 2, true, a, b, mainland};
        const double reference = grid_reference(clear, compiled.nodes()[size_t(a)].local, compiled.nodes()[size_t(b)].local, 250, 12000);
        INFO("draft " << draft->length_m << " m, grid " << reference << " m");
        CHECK(std::isfinite(reference));
        CHECK(draft->length_m <= reference * 1.03);
    }
}

TEST_CASE("A drafted network for the default scenario is a tree over its hubs that the validator finds no error in") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    const auto net = assist::draft_network(s, {});
    REQUIRE(net.ok());
    INFO((net->not_drafted.empty() ? std::string() : net->not_drafted.front()));
    CHECK(net->not_drafted.empty());
    // A tree: one link fewer than its nodes.
    CHECK(net->corridors.size() == s.hubs.size() + net->junctions.size() - 1);
    Scenario with = s;
    with.corridors = net->corridors;
    with.junctions = net->junctions;
    const CompiledScenario compiled(with);
    const ValidationReport report = validate(compiled);
    for (const Finding& f : report.findings) {
        INFO(f.message);
        CHECK(f.severity != Severity::Error);
    }
    double total = 0;
    for (const LocalCorridor& lc : compiled.corridors()) total += lc.length_m;
    CHECK(net->total_length_m == Approx(total).epsilon(1e-6));
    // Every demand pair has a way through it, no shorter than the straight line.
    REQUIRE(!net->pairs.empty());
    for (const auto& p : net->pairs) {
        INFO(p.from << " to " << p.to);
        CHECK(p.network_m >= p.straight_m * 0.999);
    }
}

TEST_CASE("Three hubs of a narrow triangle are joined at the point that makes their links shortest") {
    Scenario s = open_ground();
    s.hubs.resize(1);
    for (const double bearing : {80.0, 100.0}) {
        Hub h = test::load_scenario("tests/fixtures/scenarios/minimal.json").hubs[1];
        h.id = bearing < 90 ? "u" : "v";
        h.position = geodesy::destination(s.hubs[0].position, bearing, 15000);
        s.hubs.push_back(h);
    }
    s.demand_rates.clear();
    assist::NetworkRequest request;
    request.drone_type = "wing";
    const auto net = assist::draft_network(s, request);
    REQUIRE(net.ok());
    REQUIRE(net->junctions.size() == 1);
    CHECK(net->corridors.size() == 3);
    // The shortest tree is a-u and u-v (15 km and 5.2 km, 80 degrees apart at u). Fermat's
    // point of the isosceles triangle lies on its axis, east of a, where the links to u and v
    // meet at 120 degrees: 5.2 km / 2 / tan(60) = 1.50 km short of the u-v side, so
    // 15 cos(10) - 1.50 = 13.27 km from a, and the links are 13.27 + 2 x 3.00 = 19.27 km.
    const GeoPoint j = net->junctions[0].position;
    const auto inverse = geodesy::inverse(s.hubs[0].position, j);
    const double half_uv = 15000 * std::sin(10 * kPi / 180);
    const double to_j = 15000 * std::cos(10 * kPi / 180) - half_uv / std::tan(60 * kPi / 180);
    CHECK(inverse.initial_bearing_deg == Approx(90).margin(0.2));
    CHECK(inverse.distance_m == Approx(to_j).margin(30));
    CHECK(net->total_length_m == Approx(to_j + 2 * half_uv / std::sin(60 * kPi / 180)).margin(60));
}
