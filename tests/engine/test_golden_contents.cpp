// The golden mission files were written by the exporter under test; comparing against them only
// proves that nothing changed. These tests say what each file must contain, from the scenario's
// raw JSON and the rules in docs/missions.md alone (which corridors, by hand; positions from the
// centrelines; heights from the bands over the lowest hub each corridor touches; the item
// sequence of a delivery), and read the files with plain JSON and tab splitting, never with the
// importers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures.h"

namespace {

using nlohmann::json;
constexpr double kRad = 3.14159265358979323846 / 180;

struct Item {
    int command = 0, frame = 0;
    double p1 = 0, p2 = 0, lat = 0, lon = 0, alt = 0;
};

struct Leg {
    const char* corridor;
    bool reversed;
    double ground_m_amsl;  // the lowest hub the corridor touches, by hand from the scenario
};

struct Case {
    const char* name;
    const char* from;
    const char* to;
    bool vtol;
    bool land;           // delivery by landing (no return), else hover, release and back through the corridors
    std::vector<Leg> out;
};

const json& by_id(const json& list, const std::string& id) {
    for (const auto& x : list) if (x["id"] == id) return x;
    FAIL("no " << id << " in the scenario");
    static json none;
    return none;
}

// What a mission must hold, item by item (home excluded), from the scenario alone.
std::vector<Item> expected_items(const json& scenario, const Case& c, bool px4) {
    const json& from = by_id(scenario["hubs"], c.from);
    const json& to = by_id(scenario["hubs"], c.to);
    const double home = from["ground_elevation_m_amsl"].get<double>();
    const json& type = by_id(scenario["drone_types"], c.vtol ? "vtol-fixed-wing" : "heavy-octo");
    const int frame_rel = 3, frame_mission = 2;
    std::vector<Item> items;
    auto height = [&](const Leg& l) {
        const json& cor = by_id(scenario["corridors"], l.corridor);
        return (cor["floor"]["value_m"].get<double>() + cor["ceiling"]["value_m"].get<double>()) / 2 + l.ground_m_amsl - home;
    };
    // The speed commanded on a leg (docs/flight.md): the corridor's limit or the cruise speed in
    // calm air; in the wind of the band (at its middle, above the ground), a multirotor slows over
    // the ground so that no segment needs more airspeed than that, and a fixed wing flies no more
    // airspeed than keeps its ground speed within the limit (nor less than its minimum); to 0.1 m/s.
    auto speed = [&](const Leg& l) {
        const json& cor = by_id(scenario["corridors"], l.corridor);
        const double limit = cor["speed_limit_m_s"].get<double>();
        const double still = std::min(limit, type["cruise_speed_m_s"].get<double>());
        const double mid = (cor["floor"]["value_m"].get<double>() + cor["ceiling"]["value_m"].get<double>()) / 2;
        double we = 0, wn = 0;
        for (const auto& band : scenario["weather"]["wind"]) {
            if (mid < band["floor_m_agl"].get<double>() || mid >= band["ceiling_m_agl"].get<double>()) continue;
            const double towards = (band["from_deg"].get<double>() + 180) * kRad;
            we = band["speed_m_s"].get<double>() * std::sin(towards);
            wn = band["speed_m_s"].get<double>() * std::cos(towards);
        }
        std::vector<json> pts(cor["centreline"].begin(), cor["centreline"].end());
        if (l.reversed) std::reverse(pts.begin(), pts.end());
        double v = still;
        for (size_t k = 0; k + 1 < pts.size(); ++k) {
            // The segment's direction on the WGS84 ellipsoid's tangent plane at its middle (a
            // sphere's bearing is 0.15 degrees off here, enough to move a speed across a 0.1 m/s step).
            const double lat1 = pts[k]["lat_deg"].get<double>(), lat2 = pts[k + 1]["lat_deg"].get<double>();
            const double phi = (lat1 + lat2) / 2 * kRad, e2 = 0.00669437999014, w = 1 - e2 * std::sin(phi) * std::sin(phi);
            const double north = (lat2 - lat1) * kRad * 6378137.0 * (1 - e2) / (w * std::sqrt(w));
            const double east = (pts[k + 1]["lon_deg"].get<double>() - pts[k]["lon_deg"].get<double>()) * kRad * 6378137.0 / std::sqrt(w) * std::cos(phi);
            const double te = east / std::hypot(east, north), tn = north / std::hypot(east, north);
            const double along = we * te + wn * tn, across = we * tn - wn * te;
            if (!c.vtol) v = std::min(v, along + std::sqrt(still * still - across * across));
            else if (limit - along > 0) v = std::min(v, std::hypot(limit - along, across));
        }
        if (c.vtol) v = std::max(v, type.contains("min_airspeed_m_s") ? type["min_airspeed_m_s"].get<double>() : 0.0);
        return std::floor(v * 10 + 1e-9) / 10;
    };
    double last_speed = -1, last_lat = 1e9, last_lon = 1e9, last_alt = 1e9;
    auto waypoint = [&](double lat, double lon, double alt, double hold = 0) {
        items.push_back({16, frame_rel, hold, 0, lat, lon, alt});
        last_lat = lat, last_lon = lon, last_alt = alt;
    };
    auto follow = [&](std::vector<Leg> legs) {
        for (const Leg& l : legs) {
            if (speed(l) != last_speed) {
                items.push_back({178, frame_mission, c.vtol ? 0.0 : 1.0, speed(l)});  // airspeed on the wing, else ground speed
                last_speed = speed(l);
            }
            std::vector<json> points(by_id(scenario["corridors"], l.corridor)["centreline"].begin(), by_id(scenario["corridors"], l.corridor)["centreline"].end());
            if (l.reversed) std::reverse(points.begin(), points.end());
            for (const auto& p : points) {
                const double lat = p["lat_deg"].get<double>(), lon = p["lon_deg"].get<double>();
                if (lat == last_lat && lon == last_lon && std::abs(last_alt - height(l)) < 0.005) continue;  // already there
                waypoint(lat, lon, height(l));
            }
        }
    };
    const double hub_lat = from["position"]["lat_deg"].get<double>(), hub_lon = from["position"]["lon_deg"].get<double>();
    const double drop_lat = to["position"]["lat_deg"].get<double>(), drop_lon = to["position"]["lon_deg"].get<double>();
    const double dest = to["ground_elevation_m_amsl"].get<double>() - home;
    // A VTOL leaves v^2 / (2 * 2 m/s/s) of straight approach before each drop and landing: the
    // waypoints closer than that go, and one comes on the line from the last one kept.
    const double v = type["cruise_speed_m_s"].get<double>(), approach_m = v * v / 4;
    auto approach = [&](double lat, double lon) {
        auto dist = [&](const Item& it) {  // on the WGS84 tangent plane, as in speed() above
            const double phi = (it.lat + lat) / 2 * kRad, e2 = 0.00669437999014, w = 1 - e2 * std::sin(phi) * std::sin(phi);
            return std::hypot((it.lat - lat) * kRad * 6378137.0 * (1 - e2) / (w * std::sqrt(w)),
                              (it.lon - lon) * kRad * 6378137.0 / std::sqrt(w) * std::cos(phi));
        };
        double alt = last_alt;
        while (items.back().command == 16 && dist(items.back()) < approach_m) { alt = items.back().alt; items.pop_back(); }
        const Item& kept = items.back();
        const double k = approach_m / dist(kept);
        waypoint(lat + (kept.lat - lat) * k, lon + (kept.lon - lon) * k, alt);
    };
    items.push_back({c.vtol ? 84 : 22, frame_rel, 0, 0, hub_lat, hub_lon, height(c.out.front())});
    last_lat = hub_lat, last_lon = hub_lon, last_alt = height(c.out.front());
    follow(c.out);
    if (c.vtol) approach(drop_lat, drop_lon);
    if (c.land) {
        items.push_back({c.vtol ? 85 : 21, frame_rel, 0, 0, drop_lat, drop_lon, dest});
        return items;
    }
    std::vector<Leg> back(c.out.rbegin(), c.out.rend());
    for (auto& l : back) l.reversed = !l.reversed;
    if (c.vtol) {
        // Hover, then items ArduPlane keeps: arrive, NAV_LOITER_TIME 5 s, release, 3 s, climb to the height.
        items.push_back({3000, frame_mission, 3});
        waypoint(drop_lat, drop_lon, dest + 15);
        items.push_back({19, frame_rel, 5, 0, drop_lat, drop_lon, dest + 15});
        items.push_back({211, frame_mission, 1, 0});
        items.push_back({19, frame_rel, 3, 0, drop_lat, drop_lon, dest + 15});
        items.push_back({31, frame_rel, 0, 0, drop_lat, drop_lon, height(back.front())});
        last_lat = drop_lat, last_lon = drop_lon, last_alt = height(back.front());
        items.push_back({3000, frame_mission, 4});
        follow(back);
        approach(hub_lat, hub_lon);
        items.push_back({85, frame_rel, 0, 0, hub_lat, hub_lon, 0});
        return items;
    }
    waypoint(drop_lat, drop_lon, dest + 15, 5);        // release height 15 m, hold 5 s
    items.push_back({211, frame_mission, 1, 0});         // gripper 1, release
    items.push_back({93, frame_mission, 3, -1});         // 3 s settle
    waypoint(drop_lat, drop_lon, height(back.front()));
    follow(back);
    items.push_back({21, frame_rel, 0, 0, hub_lat, hub_lon, 0});
    (void)px4;
    return items;
}

std::vector<Item> plan_items(const std::string& text, std::vector<double>& home) {
    const json doc = json::parse(text);
    home = doc["mission"]["plannedHomePosition"].get<std::vector<double>>();
    std::vector<Item> out;
    for (const auto& it : doc["mission"]["items"]) {
        const auto& p = it["params"];
        auto num = [](const json& v) { return v.is_null() ? 0.0 : v.get<double>(); };
        if (it.contains("Altitude")) {  // QGC flies this one when present: it must say the same as param 7, in the same frame
            CHECK(it["Altitude"].get<double>() == num(p[6]));
            CHECK(it["AltitudeMode"].get<int>() == (it["frame"].get<int>() == 3 ? 1 : 2));
        }
        out.push_back({it["command"].get<int>(), it["frame"].get<int>(), num(p[0]), num(p[1]), num(p[4]), num(p[5]), num(p[6])});
    }
    return out;
}

std::vector<Item> waypoints_items(const std::string& text, std::vector<double>& home) {
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    REQUIRE(line == "QGC WPL 110");
    std::vector<Item> out;
    bool first = true;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string cell; std::getline(ss, cell, '\t');) f.push_back(cell);
        REQUIRE(f.size() == 12);
        Item it{std::stoi(f[3]), std::stoi(f[2]), std::stod(f[4]), std::stod(f[5]), std::stod(f[8]), std::stod(f[9]), std::stod(f[10])};
        if (first) {
            home = {it.lat, it.lon, it.alt};
            first = false;
            continue;
        }
        out.push_back(it);
    }
    return out;
}

void check(const std::vector<Item>& got, const std::vector<Item>& want) {
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        INFO("item " << i + 1 << ": command " << got[i].command);
        CHECK(got[i].command == want[i].command);
        CHECK(got[i].frame == want[i].frame);
        if (want[i].command == 16 || want[i].command == 19 || want[i].command == 178 || want[i].command == 3000 || want[i].command == 211 ||
            want[i].command == 93) {
            CHECK(got[i].p1 == Approx(want[i].p1).margin(1e-9));
        }
        if (want[i].command == 178) CHECK(got[i].p2 == Approx(want[i].p2).margin(1e-9));
        if (want[i].frame == 3) {
            CHECK(got[i].lat == Approx(want[i].lat).margin(2e-6));  // 0.2 m: the approach points are placed on a plane here
            CHECK(got[i].lon == Approx(want[i].lon).margin(2e-6));
            CHECK(got[i].alt == Approx(want[i].alt).margin(0.005));
        }
    }
}

}  // namespace

namespace {

// Even-odd ray casting on degrees: enough for a fence a few tens of kilometres across.
bool inside(const std::vector<std::pair<double, double>>& ring, double lat, double lon) {
    bool in = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto [yi, xi] = ring[i];
        const auto [yj, xj] = ring[j];
        if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) in = !in;
    }
    return in;
}

}  // namespace

TEST_CASE("Every point a VTOL golden mission flies, turns, transitions and overshoots included, is inside its inclusion fence", "[missions][golden][vtol]") {
    // The aircraft's figures from the scenario, the firmware's from docs/flight.md: ArduPlane
    // slows and speeds up at Q_TRANS_DECEL 2 m/s/s; a back-transition runs up to 60 m on.
    const json scenario = json::parse(lowsky::test::read_text("assets/scenarios/gba.json"));
    const json& type = by_id(scenario["drone_types"], "vtol-fixed-wing");
    const double cruise = type["cruise_speed_m_s"].get<double>(), radius = type["min_turn_radius_m"].get<double>();
    const double v_min = type["min_airspeed_m_s"].get<double>(), accel = 2.0, pi = 3.14159265358979323846;
    double wind = 0;  // the strongest wind below 150 m, where these missions fly
    for (const auto& b : scenario["weather"]["wind"]) if (b["floor_m_agl"].get<double>() < 150) wind = std::max(wind, b["speed_m_s"].get<double>());
    // A transition to the wing in any heading: straight to v_min, a turn back at v_min's radius,
    // drifting with the wind all the while.
    const double r_min = radius * (v_min / cruise) * (v_min / cruise);
    const double reach = v_min * v_min / (2 * accel) + 2 * r_min + wind * (v_min / accel + pi * r_min / v_min);
    CHECK(reach == Approx(193.1).margin(0.1));  // 49 + 69.9 + 5 * (7 + 7.84)

    int overshoots = 0, discs = 0, turns = 0;
    for (const char* name : {"baoan-songshan.px4.plan", "baoan-songshan.ardupilot.plan", "xiangzhou-dongao.px4.plan", "xiangzhou-dongao.ardupilot.plan"}) {
        INFO(name);
        const json doc = json::parse(lowsky::test::read_text(std::string("tests/golden/missions/") + name));
        std::vector<std::pair<double, double>> ring;
        for (const auto& poly : doc["geoFence"]["polygons"])
            if (poly["inclusion"].get<bool>()) for (const auto& v : poly["polygon"]) ring.push_back({v[0].get<double>(), v[1].get<double>()});
        REQUIRE(ring.size() >= 3);
        // Metres east and north of a point, on the tangent plane: plenty for a few hundred metres.
        auto offset = [&](double lat, double lon, double east, double north) {
            return std::pair<double, double>{lat + north / 110574.0, lon + east / (111320.0 * std::cos(lat * kRad))};
        };
        auto metres = [&](double lat0, double lon0, double lat, double lon) {
            return std::pair<double, double>{(lon - lon0) * 111320.0 * std::cos(lat0 * kRad), (lat - lat0) * 110574.0};
        };
        auto disc_inside = [&](double lat, double lon) {
            for (int k = 0; k < 72; ++k) {
                const auto [y, x] = offset(lat, lon, reach * std::sin(k * 5 * kRad), reach * std::cos(k * 5 * kRad));
                INFO("disc at " << lat << ", " << lon << " bearing " << k * 5);
                CHECK(inside(ring, y, x));
            }
            ++discs;
        };
        std::vector<std::pair<double, double>> run;  // the points flown on the wing, in order
        double airspeed = cruise;
        std::vector<double> run_speed;
        auto end_run = [&] {
            for (size_t i = 1; i + 1 < run.size(); ++i) {
                const auto [ax, ay] = metres(run[i].first, run[i].second, run[i - 1].first, run[i - 1].second);
                const auto [cx, cy] = metres(run[i].first, run[i].second, run[i + 1].first, run[i + 1].second);
                const double la = std::hypot(ax, ay), lc = std::hypot(cx, cy);
                if (la < 1 || lc < 1) continue;
                const double turn = std::acos(std::clamp((-ax * cx - ay * cy) / (la * lc), -1.0, 1.0));
                if (turn < 1 * kRad) continue;
                const double v = run_speed[i] + wind, r = radius * (v / cruise) * (v / cruise);
                // The arc's middle, on the bisector: r (1 / cos(turn/2) - 1) from the corner, inwards.
                const double bx = ax / la + cx / lc, by = ay / la + cy / lc, bn = std::hypot(bx, by);
                const double d = r * (1 / std::cos(turn / 2) - 1);
                const auto [y, x] = offset(run[i].first, run[i].second, bx / bn * d, by / bn * d);
                CHECK(inside(ring, y, x));
                ++turns;
            }
            run.clear();
            run_speed.clear();
        };
        double prev_lat = 0, prev_lon = 0;
        bool hovering = false, have_prev = false, wing = false;
        for (const auto& it : doc["mission"]["items"]) {
            const int command = it["command"].get<int>();
            const auto& p = it["params"];
            if (command == 178 && p[0].get<double>() == 0) airspeed = p[1].get<double>();
            if (command == 3000 && p[0].get<double>() == 4) {  // back to the wing where it hovers
                disc_inside(prev_lat, prev_lon);
                wing = true;
                run = {{prev_lat, prev_lon}};
                run_speed = {airspeed};
            }
            if (command == 3000) hovering = p[0].get<double>() == 3;
            if (it["frame"].get<int>() == 2) continue;
            const double lat = p[4].get<double>(), lon = p[5].get<double>();
            CHECK(inside(ring, lat, lon));
            if (command == 84) {
                disc_inside(lat, lon);
                wing = true;
                run = {{lat, lon}};
                run_speed = {airspeed};
            } else if (wing && !(run.back().first == lat && run.back().second == lon)) {
                run.push_back({lat, lon});
                run_speed.push_back(airspeed);
            }
            // Slowing to a hover (after a transition, or for a VTOL landing) may run 60 m on past
            // the point: on the line from the previous point.
            const bool slows = (command == 85 || (hovering && command == 16)) && have_prev && (lat != prev_lat || lon != prev_lon);
            if (slows) {
                const double north = (lat - prev_lat) * 110574.0, east = (lon - prev_lon) * 111320.0 * std::cos(lat * kRad);
                const double k = 60 / std::hypot(east, north);
                CHECK(inside(ring, lat + (lat - prev_lat) * k, lon + (lon - prev_lon) * k));
                ++overshoots;
                if (command == 16) hovering = false;
                end_run();
                wing = false;
            }
            prev_lat = lat, prev_lon = lon, have_prev = true;
        }
    }
    CHECK(overshoots == 8);  // the drop and the landing home, in each of four files
    CHECK(discs == 8);       // the take-off and the climb away from the drop
    // The centrelines' inner vertices, out and back (the approaches lie on the last leg's line):
    // Bao'an to Songshan bends at 22.6, 22.7 (j-shiyan) and 22.8 N, Xiangzhou to Dong'ao at
    // 22.25 and 22.1 N: (3 + 3) * 2 files + (2 + 2) * 2 files.
    CHECK(turns == 20);
}

TEST_CASE("Every golden mission holds what the scenario alone says it must", "[missions][golden]") {
    const json scenario = json::parse(lowsky::test::read_text("assets/scenarios/gba.json"));
    // The corridors of each seed route, read off the map by hand; the ground under each is the
    // lowest hub it touches (c-baoan-shiyan: Bao'an 5 m; c-shiyan-songshan: Songshan Lake 20 m;
    // c-xiangzhou-dongao: Xiangzhou 3 m and Dong'ao 15 m; c-guzhen-xinhui: Guzhen 3 m, Xinhui 5 m).
    const std::vector<Case> cases = {
        {"baoan-songshan", "baoan-ops", "songshan-lake", true, false, {{"c-baoan-shiyan", false, 5}, {"c-shiyan-songshan", false, 20}}},
        {"xiangzhou-dongao", "xiangzhou-port", "dongao-island", true, false, {{"c-xiangzhou-dongao", false, 3}}},
        {"guzhen-xinhui", "guzhen", "xinhui", false, true, {{"c-guzhen-xinhui", false, 3}}},
        {"xinhui-guzhen", "xinhui", "guzhen", false, true, {{"c-guzhen-xinhui", true, 3}}},
    };
    int files = 0;
    for (const Case& c : cases) {
        const json& from = by_id(scenario["hubs"], c.from);
        const std::vector<double> home_want{from["position"]["lat_deg"].get<double>(), from["position"]["lon_deg"].get<double>(),
                                            from["ground_elevation_m_amsl"].get<double>()};
        for (const char* flavour : {"px4.plan", "ardupilot.plan", "ardupilot.waypoints"}) {
            const std::string path = std::string("tests/golden/missions/") + c.name + "." + flavour;
            auto bytes = lowsky::read_file_bytes(lowsky::test::source_path(path));
            if (!bytes.ok()) continue;  // not every case has every flavour
            INFO(path);
            ++files;
            const std::string text(bytes.value().begin(), bytes.value().end());
            std::vector<double> home;
            const bool waypoints = std::string(flavour).find("waypoints") != std::string::npos;
            const std::vector<Item> got = waypoints ? waypoints_items(text, home) : plan_items(text, home);
            REQUIRE(home.size() == 3);
            CHECK(home[0] == Approx(home_want[0]).margin(1e-7));
            CHECK(home[1] == Approx(home_want[1]).margin(1e-7));
            CHECK(home[2] == Approx(home_want[2]).margin(0.005));  // AMSL, the hub's elevation
            check(got, expected_items(scenario, c, std::string(flavour).find("px4") == 0));
        }
    }
    CHECK(files == 10);  // 3 + 3 + 3 + 1 golden missions
}
