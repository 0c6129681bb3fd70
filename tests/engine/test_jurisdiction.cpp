// Jurisdictions: which authority's rules apply where, the crossings of a border, and the checks
// of Hong Kong's and Macau's own rules.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

#include "airspace/jurisdiction.h"
#include "fixtures.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "validation/validate.h"

using namespace lowsky;

TEST_CASE("Points on both sides of each border are in the right jurisdiction", "[jurisdiction]") {
    struct Case { const char* where; GeoPoint p; Jurisdiction j; };
    const Case cases[] = {
        {"Tsim Sha Tsui, Kowloon", {22.2976, 114.1722}, Jurisdiction::HongKong},
        {"Tuen Mun", {22.3915, 113.9770}, Jurisdiction::HongKong},
        {"Tung Chung, Lantau", {22.2890, 113.9420}, Jurisdiction::HongKong},
        {"Lau Fau Shan, on Deep Bay", {22.4680, 113.9840}, Jurisdiction::HongKong},
        {"Sha Tau Kok, Hong Kong side", {22.5430, 114.2230}, Jurisdiction::HongKong},
        {"Futian CBD, Shenzhen", {22.5410, 114.0580}, Jurisdiction::Mainland},
        {"Shekou, Shenzhen", {22.4850, 113.9150}, Jurisdiction::Mainland},
        {"Qianhai hub", {22.53612, 113.88744}, Jurisdiction::Mainland},
        {"Buji, Shenzhen", {22.6000, 114.1200}, Jurisdiction::Mainland},
        {"Senado Square, Macau peninsula", {22.1935, 113.5393}, Jurisdiction::Macau},
        {"Taipa", {22.1560, 113.5580}, Jurisdiction::Macau},
        {"Macau International's runway", {22.1490, 113.5920}, Jurisdiction::Macau},
        {"Gongbei, Zhuhai", {22.2250, 113.5500}, Jurisdiction::Mainland},
        {"Hengqin, Zhuhai", {22.1150, 113.5100}, Jurisdiction::Mainland},
        {"Xiangzhou Port, Zhuhai", {22.2914, 113.5819}, Jurisdiction::Mainland},
    };
    for (const Case& c : cases) {
        INFO(c.where);
        CHECK(jurisdiction_at(c.p) == c.j);
    }
}

TEST_CASE("A line into Hong Kong crosses once, and its stretches lie each in one jurisdiction", "[jurisdiction]") {
    const std::vector<GeoPoint> line = {{22.53612, 113.88744}, {22.4680, 113.9840}};  // Qianhai to Lau Fau Shan
    const auto crossings = border_crossings(line);
    REQUIRE(crossings.size() == 1);
    CHECK(crossings[0].from == Jurisdiction::Mainland);
    CHECK(crossings[0].to == Jurisdiction::HongKong);
    CHECK(crossings[0].segment == 0);
    const auto stretches = jurisdiction_stretches(line);
    REQUIRE(stretches.size() == 2);
    CHECK(stretches[0].jurisdiction == Jurisdiction::Mainland);
    CHECK(stretches[1].jurisdiction == Jurisdiction::HongKong);
    CHECK(stretches[0].points.back().lat_deg == crossings[0].at.lat_deg);
    // There and back again: two crossings, back on the mainland at the end.
    const std::vector<GeoPoint> out_and_back = {{22.53612, 113.88744}, {22.4680, 113.9840}, {22.5410, 114.0580}};
    const auto both = border_crossings(out_and_back);
    REQUIRE(both.size() == 2);
    CHECK(both[1].from == Jurisdiction::HongKong);
    CHECK(both[1].to == Jurisdiction::Mainland);
    CHECK(border_crossings({{22.5410, 114.0580}, {22.6000, 114.1200}}).empty());  // inside Shenzhen
}

namespace {

// The plain tests with no index: every edge of the outline, as a hand would check them.
bool plainly_inside(const std::vector<GeoPoint>& ring, GeoPoint p) {
    bool in = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        if ((ring[i].lat_deg > p.lat_deg) != (ring[j].lat_deg > p.lat_deg) &&
            p.lon_deg < (ring[j].lon_deg - ring[i].lon_deg) * (p.lat_deg - ring[i].lat_deg) / (ring[j].lat_deg - ring[i].lat_deg) + ring[i].lon_deg)
            in = !in;
    return in;
}

// The fractions along p-q where it meets the ring's edges.
void plain_hits(const std::vector<GeoPoint>& ring, GeoPoint p, GeoPoint q, std::vector<double>& ts) {
    const double dx = q.lon_deg - p.lon_deg, dy = q.lat_deg - p.lat_deg;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const double ex = ring[i].lon_deg - ring[j].lon_deg, ey = ring[i].lat_deg - ring[j].lat_deg, d = dx * ey - dy * ex;
        if (d == 0) continue;
        const double t = ((ring[j].lon_deg - p.lon_deg) * ey - (ring[j].lat_deg - p.lat_deg) * ex) / d;
        const double u = ((ring[j].lon_deg - p.lon_deg) * dy - (ring[j].lat_deg - p.lat_deg) * dx) / d;
        if (t > 0 && t < 1 && u >= 0 && u < 1) ts.push_back(t);
    }
}

}  // namespace

TEST_CASE("Jurisdictions and crossings found with the outlines' index are those of every edge tested", "[jurisdiction]") {
    // Points and segments over both territories and round them, on a fixed pseudo-random draw,
    // and the outlines' own vertices (on the edges, where rounding decides).
    uint64_t state = 12345;
    const auto uniform = [&](double lo, double hi) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return lo + (hi - lo) * double(state >> 11) / double(1ull << 53);
    };
    const auto& hk = jurisdiction_outline(Jurisdiction::HongKong);
    const auto& macau = jurisdiction_outline(Jurisdiction::Macau);
    const auto expected_at = [&](GeoPoint p) {
        return plainly_inside(hk, p) ? Jurisdiction::HongKong : plainly_inside(macau, p) ? Jurisdiction::Macau : Jurisdiction::Mainland;
    };
    std::vector<GeoPoint> points;
    for (int i = 0; i < 4000; ++i) points.push_back({uniform(22.0, 22.7), uniform(113.4, 114.5)});
    for (const auto* ring : {&hk, &macau})
        for (const GeoPoint& v : *ring) points.push_back(v);
    size_t in_hk = 0, in_macau = 0, crossings = 0;
    for (const GeoPoint& p : points) {
        const Jurisdiction j = jurisdiction_at(p);
        REQUIRE(j == expected_at(p));
        in_hk += j == Jurisdiction::HongKong;
        in_macau += j == Jurisdiction::Macau;
    }
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        // Long segments (to the next point) and short ones (to a point close by).
        const GeoPoint p = points[i];
        const GeoPoint q = i % 2 ? points[i + 1] : GeoPoint{p.lat_deg + uniform(-0.01, 0.01), p.lon_deg + uniform(-0.01, 0.01)};
        // Every edge hit, in order along the segment; a crossing where the jurisdiction half-way
        // to the next hit differs from the one before it.
        std::vector<double> ts;
        plain_hits(hk, p, q, ts);
        plain_hits(macau, p, q, ts);
        std::sort(ts.begin(), ts.end());
        std::vector<std::pair<double, Jurisdiction>> expected;
        Jurisdiction here = expected_at(p);
        for (size_t k = 0; k < ts.size(); ++k) {
            const double mid = (ts[k] + (k + 1 < ts.size() ? ts[k + 1] : 1.0)) / 2;
            const Jurisdiction there = expected_at({p.lat_deg + (q.lat_deg - p.lat_deg) * mid, p.lon_deg + (q.lon_deg - p.lon_deg) * mid});
            if (there != here) expected.push_back({ts[k], there});
            here = there;
        }
        const auto found = border_crossings({p, q});
        REQUIRE(found.size() == expected.size());
        for (size_t k = 0; k < found.size(); ++k) {
            CHECK(found[k].along == expected[k].first);
            CHECK(found[k].to == expected[k].second);
        }
        crossings += found.size();
    }
    // The draw covers each case (hand-counted ranges: Hong Kong is about an eighth of the box).
    CHECK(in_hk > 300);
    CHECK(in_macau > 5);
    CHECK(crossings > 300);
}

namespace {

// The default scenario with one more corridor from Qianhai into Hong Kong, changed by `change`.
ValidationReport with_corridor_into_hong_kong(const std::function<void(Scenario&, Corridor&)>& change) {
    Scenario s = test::load_scenario("assets/scenarios/gba.json");
    Corridor c = *s.find_corridor("c-qianhai-laufaushan");
    c.id = "c-test";
    change(s, c);
    s.corridors.push_back(c);
    return validate(CompiledScenario(s));
}

std::vector<Finding> of(const ValidationReport& r, const std::string& check) {
    std::vector<Finding> out;
    for (const Finding& f : r.findings) if (f.check == check && f.object == "c-test") out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("Hong Kong's own rules: a crossing needs its approval, the ceiling is 300 ft, aerodromes 5 km away", "[jurisdiction][validation]") {
    SECTION("a crossing without a cross-border approval is an error that names the border") {
        const auto r = with_corridor_into_hong_kong([](Scenario&, Corridor& c) { c.border_approval.clear(); });
        const auto found = of(r, "border.crossing_without_approval");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Error);
        CHECK(found[0].message.find("from the mainland into Hong Kong") != std::string::npos);
        CHECK(of(r, "border.crossing_with_approval").empty());
    }
    SECTION("with one, the crossing is information") {
        const auto r = with_corridor_into_hong_kong([](Scenario&, Corridor&) {});
        CHECK(of(r, "border.crossing_with_approval").size() == 1);
        CHECK(of(r, "jurisdiction.above_ceiling").empty());
        CHECK(of(r, "jurisdiction.near_aerodrome").empty());
    }
    SECTION("100 m above ground is over Hong Kong's 91 m but within the mainland's 120 m") {
        const auto r = with_corridor_into_hong_kong([](Scenario&, Corridor& c) {
            c.band.ceiling.value_m = 100;
            c.approval.clear();
            c.border_approval.clear();
        });
        const auto found = of(r, "jurisdiction.above_ceiling");
        REQUIRE(found.size() == 1);
        CHECK(found[0].message.rfind("Hong Kong: ", 0) == 0);
        CHECK(of(r, "altitude.above_ceiling").empty());
    }
    SECTION("a corridor wholly inside Hong Kong answers to its ceiling, not the mainland's") {
        const auto r = with_corridor_into_hong_kong([](Scenario&, Corridor& c) {
            c.centreline = {{22.3915, 113.9770}, {22.4680, 113.9840}};  // Tuen Mun to Lau Fau Shan
            c.band.ceiling.value_m = 130;
            c.approval.clear();
            c.border_approval.clear();
        });
        CHECK(of(r, "jurisdiction.above_ceiling").size() == 1);
        CHECK(of(r, "altitude.above_ceiling").empty());
        CHECK(of(r, "border.crossing_without_approval").empty());
        CHECK(of(r, "border.crossing_with_approval").empty());
    }
    SECTION("a band in AMSL inside Hong Kong is still said to be unverifiable") {
        const auto r = with_corridor_into_hong_kong([](Scenario&, Corridor& c) {
            c.centreline = {{22.3915, 113.9770}, {22.4680, 113.9840}};
            c.band.floor.reference = c.band.ceiling.reference = AltitudeReference::Amsl;
        });
        CHECK(of(r, "altitude.ceiling_unverifiable").size() == 1);
    }
    SECTION("4 km from Hong Kong International's north runway breaks the 5 km rule; a lower limit lets it pass") {
        // Tung Chung lies about 1.5-4 km south of the runways; the corridor runs along Lantau's north shore.
        const auto near = [](double limit_m) {
            return with_corridor_into_hong_kong([limit_m](Scenario& s, Corridor& c) {
                c.centreline = {{22.3915, 113.9770}, {22.2890, 113.9420}};  // Tuen Mun to Tung Chung
                s.rules.hong_kong.aerodrome_distance_m = limit_m;
            });
        };
        const auto found = of(near(5000), "jurisdiction.near_aerodrome");
        REQUIRE(found.size() == 1);
        CHECK(found[0].message.find("VHHH") != std::string::npos);
        CHECK(found[0].message.find("5.0 km") != std::string::npos);
        CHECK(of(near(100), "jurisdiction.near_aerodrome").empty());
    }
}

TEST_CASE("A route into Hong Kong lists its crossing with the approval it flies under", "[jurisdiction][routing]") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    const CompiledScenario compiled(s);
    const RoutingNetwork network(compiled);
    RouteRequest request;
    request.from_hub = "baoan-ops";
    request.to_hub = "lau-fau-shan";
    request.drone_type = "vtol-fixed-wing";
    const auto route = network.route(request);
    REQUIRE(route.ok());
    const auto crossings = route_crossings(route.value(), s);
    REQUIRE(crossings.size() == 1);
    CHECK(crossings[0].corridor == "c-qianhai-laufaushan");
    CHECK(crossings[0].to == Jurisdiction::HongKong);
    CHECK(crossings[0].approval == s.find_corridor("c-qianhai-laufaushan")->border_approval);
}

TEST_CASE("Each jurisdiction's weight class: a type heavier than it needs the authority's permission", "[jurisdiction][validation]") {
    // From the default scenario's types: quad-light 7 + 2.5 = 9.5 kg, vtol-fixed-wing 60 + 10 = 70 kg,
    // heavy-octo 65 + 30 = 95 kg at their heaviest take-off. Hong Kong allows 25 kg, the mainland 150 kg.
    SECTION("the light quad fits Hong Kong's class: nothing to say") {
        const auto r = with_corridor_into_hong_kong([](Scenario&, Corridor& c) { c.drone_types = {"quad-light"}; });
        CHECK(of(r, "jurisdiction.over_weight_class").empty());
        CHECK(of(r, "jurisdiction.over_weight_class_with_approval").empty());
    }
    SECTION("the VTOL and the octocopter are over it: one finding each, in Hong Kong only, flown under the border approval") {
        const auto r = with_corridor_into_hong_kong([](Scenario&, Corridor& c) { c.drone_types = {"quad-light", "vtol-fixed-wing", "heavy-octo"}; });
        const auto found = of(r, "jurisdiction.over_weight_class_with_approval");
        REQUIRE(found.size() == 2);
        CHECK(found[0].severity == Severity::Info);
        CHECK(found[0].other == "vtol-fixed-wing");
        CHECK(found[0].message.rfind("Hong Kong: corridor c-test admits drone type vtol-fixed-wing (70.0 kg at its heaviest take-off), above the 25 kg", 0) == 0);
        CHECK(found[1].other == "heavy-octo");
        CHECK(found[1].message.find("(95.0 kg") != std::string::npos);
    }
    SECTION("without any approval it is an error") {
        const auto r = with_corridor_into_hong_kong([](Scenario&, Corridor& c) {
            c.drone_types = {"heavy-octo"};
            c.approval.clear();
            c.border_approval.clear();
        });
        const auto found = of(r, "jurisdiction.over_weight_class");
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Error);
        CHECK(found[0].message.find("with no approval") != std::string::npos);
    }
    SECTION("the mainland's class is its own: a mainland limit under 95 kg catches the octocopter on the mainland stretch") {
        const auto r = with_corridor_into_hong_kong([](Scenario& s, Corridor& c) {
            c.drone_types = {"heavy-octo"};
            s.rules.max_takeoff_mass_kg = 90;
            s.rules.hong_kong.max_takeoff_mass_kg = 100;
        });
        const auto found = of(r, "jurisdiction.over_weight_class_with_approval");
        REQUIRE(found.size() == 1);
        CHECK(found[0].message.rfind("Mainland: corridor c-test admits drone type heavy-octo (95.0 kg at its heaviest take-off), above the 90 kg that the mainland allows", 0) == 0);
        CHECK(found[0].message.find("above the 90 kg") != std::string::npos);
    }
}
