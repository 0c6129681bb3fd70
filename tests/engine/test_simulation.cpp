// The simulation: its building blocks (calendars, intents, tactical detection) and the seed
// questions of the default scenario.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <numeric>
#include <random>

#include "energy/energy_model.h"
#include "fixtures.h"
#include "mission/scenario_missions.h"
#include "sim/calendar.h"
#include "sim/demand.h"
#include "sim/flight_plans.h"
#include "sim/intents.h"
#include "sim/restriction.h"
#include "sim/report.h"
#include "sim/simulator.h"
#include "sim/tactical.h"

using namespace lowsky;

TEST_CASE("Calendars give the earliest free unit, whatever order requests come in", "[sim]") {
    Calendar pads(2);
    auto a = pads.earliest(100, 60);
    CHECK(a.start == 100);
    pads.book(a, 60);
    auto b = pads.earliest(100, 60);
    CHECK(b.start == 100);
    CHECK(b.unit != a.unit);
    pads.book(b, 60);
    CHECK(pads.earliest(100, 60).start == 160);  // both busy until 160
    Calendar one(1);
    one.book(one.earliest(500, 60), 60);         // a later booking first
    CHECK(one.earliest(0, 60).start == 0);       // the gap before it is still free
    CHECK(one.earliest(460, 60).start == 560);   // 460-520 would overlap 500-560
    CHECK(one.earliest(445, 60).start == 560);
    CHECK(one.earliest(430, 60).start == 430);   // 430-490 fits before it
    CHECK(one.earliest(440, 60).start == 440);   // ends exactly when the booking starts
}

TEST_CASE("A booking given back frees its own slot and no other", "[sim]") {
    Calendar pad(1);
    pad.book({100, 0}, 60);
    pad.book({200, 0}, 60);
    CHECK(pad.earliest(100, 60).start == 260);  // 160-220 would overlap 200-260
    pad.unbook({100, 0}, 60);
    CHECK(pad.earliest(100, 60).start == 100);  // 100-160 free again
    CHECK(pad.earliest(170, 60).start == 260);  // 200-260 still booked
    pad.unbook({205, 0}, 60);                   // no such booking: nothing changes
    CHECK(pad.earliest(170, 60).start == 260);
}

TEST_CASE("An intent taken back no longer holds its lane but another in the same window still does", "[sim][deconfliction]") {
    IntentRegistry registry(20);
    const IntentVolume a{1, 0, false, false, 100, 200}, b{1, 0, false, false, 100, 190};  // entered together, left apart
    registry.accept({a, b});
    REQUIRE(registry.size() == 2);
    registry.withdraw({a});
    CHECK(registry.size() == 1);
    CHECK(registry.conflicts({{1, 0, false, false, 110, 205}}) >= 0);  // 10 s behind b: still refused
    registry.withdraw({b});
    CHECK(registry.size() == 0);
    CHECK(registry.conflicts({{1, 0, false, false, 110, 205}}) < 0);
    registry.withdraw({{7, 3, false, false, 0, 1}});  // never accepted: nothing to take back
    CHECK(registry.size() == 0);
}

TEST_CASE("Operational intents keep lane headway, forbid overtaking, and keep a shared lane one way at a time", "[sim][deconfliction]") {
    IntentRegistry registry(20);
    registry.accept({{1, 0, false, false, 100, 200}});
    struct Case { IntentVolume v; bool conflict; const char* what; };
    const Case cases[] = {
        {{1, 0, false, false, 110, 210}, true, "10 s behind in the same lane"},
        {{1, 0, false, false, 120, 220}, false, "20 s behind: the headway"},
        {{1, 0, false, false, 130, 190}, true, "faster, overtakes inside the segment"},
        {{1, 0, true, false, 100, 200}, false, "the other direction, its own lane"},
        {{1, 0, true, true, 150, 250}, true, "the other direction in a shared lane, overlapping"},
        {{1, 0, true, true, 200, 300}, false, "the other direction in a shared lane, after"},
        {{1, 1, false, false, 100, 200}, false, "another segment"},
        {{2, 0, false, false, 100, 200}, false, "another corridor"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK((registry.conflicts({c.v}) >= 0) == c.conflict);
    }
}

namespace {
AirborneState at(double x, double y, double z, double vx, double vy, double vz = 0) { return {x, y, z, vx, vy, vz}; }
}  // namespace

TEST_CASE("Tactical detection finds conflicts and losses of separation", "[sim][tactical]") {
    TacticalDetector detector({50, 15, 60});
    std::vector<std::pair<uint32_t, uint32_t>> conflicts, losses;
    struct Case { AirborneState a, b; bool conflict, loss; const char* what; };
    const Case cases[] = {
        {at(0, 0, 80, 20, 0), at(2000, 0, 80, -20, 0), true, false, "head-on, 2 km apart, meet in 50 s"},
        {at(0, 0, 80, 20, 0), at(3000, 0, 80, -20, 0), false, false, "head-on, meet after the look-ahead"},
        {at(0, 0, 80, 20, 0), at(2000, 100, 80, -20, 0), false, false, "passing 100 m apart"},
        {at(0, 0, 80, 20, 0), at(2000, 0, 120, -20, 0), false, false, "40 m above"},
        {at(0, 0, 80, 20, 0), at(2000, 0, 120, -20, 0, -1), true, false, "descending into the other's level"},
        {at(0, 0, 80, 10, 0), at(30, 0, 85, 10, 0), true, true, "30 m behind, same speed"},
        {at(0, 0, 80, 0, 0), at(0, 40, 90, 0, 0), true, true, "both hovering close"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        detector.detect({c.a, c.b}, conflicts, losses);
        CHECK(conflicts.empty() == !c.conflict);
        CHECK(losses.empty() == !c.loss);
    }
}

TEST_CASE("The grid finds exactly the pairs an all-pairs search finds", "[sim][tactical]") {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> pos(0, 20000), alt(60, 120), speed(-25, 25);
    std::vector<AirborneState> drones;
    for (int i = 0; i < 1500; ++i) drones.push_back(at(pos(rng), pos(rng), alt(rng), speed(rng), speed(rng)));
    TacticalDetector grid({50, 15, 60});
    std::vector<std::pair<uint32_t, uint32_t>> conflicts, losses;
    grid.detect(drones, conflicts, losses);
    // All pairs, one at a time, with the same narrow test.
    std::vector<std::pair<uint32_t, uint32_t>> expected;
    TacticalDetector pairwise({50, 15, 60});
    std::vector<std::pair<uint32_t, uint32_t>> c2, l2;
    for (uint32_t i = 0; i < drones.size(); ++i)
        for (uint32_t j = i + 1; j < drones.size(); ++j) {
            pairwise.detect({drones[i], drones[j]}, c2, l2);
            if (!c2.empty()) expected.push_back({i, j});
        }
    CHECK(conflicts == expected);
    CHECK(grid.pairs_tested() < drones.size() * drones.size() / 20);  // the broad phase prunes
}

TEST_CASE("A quadcopter with a 0.5 kg parcel uses about 22 Wh/km (Rodrigues et al. 2022)", "[sim][energy]") {
    // Stolaroff's example parameter set (the minimal fixture's "quad"), at a delivery cruise.
    const Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    const double wh_km = energy::wh_per_km(s.drone_types[0], 0.5, 10, {1.18});
    CHECK(wh_km == Approx(22).epsilon(0.25));
}

TEST_CASE("A flight's loaded powers stay its payload's while the empty ones are asked for", "[sim][energy]") {
    // A plan asks for its type's powers at the order's payload, then empty. The fleet once kept
    // the last six in a ring and could give the empty ones the loaded ones' place: the loaded
    // half of a flight was then priced empty (5 deliveries of the 100,000-order day).
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    REQUIRE(s.drone_types.size() >= 2);
    Fleet fleet(s.drone_types, s, Firmware::ArduPilot);
    std::mt19937 rng(7);
    for (int i = 0; i < 20000; ++i) {
        const int type = int(rng() % s.drone_types.size());
        // A few masses again and again, then many; in hundredths of a kilogram and not.
        const double payload = double(1 + rng() % (i < 10000 ? 9 : 5000)) / 100 + (rng() % 3 == 0 ? 0.0005 : 0.0);
        flight::Powers& loaded = fleet.powers(type, payload);
        flight::Powers& empty = fleet.powers(type, 0.0);
        if (loaded.payload_kg() != payload || loaded.type() != fleet.model(type).type || empty.payload_kg() != 0) {
            FAIL("request " << i << ": type " << type << " at " << payload << " kg gave " << loaded.payload_kg() << " kg, empty " << empty.payload_kg());
        }
    }
    // And they are the type's powers at that payload.
    const flight::Model& model = fleet.model(1);
    flight::Powers fresh(model, 1.25);
    CHECK(fleet.powers(1, 1.25).hover_w() == fresh.hover_w());
    CHECK(fleet.powers(1, 1.25).cruise_w(12.3) == fresh.cruise_w(12.3));
    flight::Powers odd(model, 1.2345);
    CHECK(fleet.powers(1, 1.2345).hover_w() == odd.hover_w());
    CHECK(hundredths_kg(1.25) == 125);
    CHECK(hundredths_kg(std::round(1.76 * 100) / 100) == 176);
    CHECK(hundredths_kg(1.2345) == -1);
    CHECK(hundredths_kg(-0.01) == -1);
    CHECK(hundredths_kg(100.01) == -1);
}

namespace {
struct Day {
    Scenario scenario = test::load_scenario("assets/scenarios/gba.json");
    std::unique_ptr<CompiledScenario> compiled;
    SimResult result;
    explicit Day(uint32_t seed = 1, std::function<void(Scenario&)> change = {}, SimConfig cfg = {}) {
        if (change) change(scenario);
        compiled = std::make_unique<CompiledScenario>(scenario);
        cfg.seed = seed;
        result = simulate(*compiled, cfg);
    }
    const DeliveryResult& order(const std::string& id) const {
        for (const auto& d : result.deliveries) if (d.order == id) return d;
        FAIL("no order " << id);
        return result.deliveries.front();
    }
};
}  // namespace

TEST_CASE("The default GBA day answers the seed questions", "[sim][gba]") {
    const Day day;
    const Kpis& k = day.result.kpis;
    CHECK(k.orders > 400);
    CHECK(k.delivered > k.orders * 9 / 10);
    CHECK(k.undeliverable == 0);
    CHECK(day.result.findings.empty());
    CHECK(k.losses_of_separation == 0);

    SECTION("Bao'an to Songshan Lake within 60 minutes") {
        const DeliveryResult& d = day.order("o-parts-0900");
        REQUIRE(d.delivered);
        CHECK(d.delivered_s - d.ready_s < 3600);
        CHECK(d.on_time());
    }
    SECTION("Xiangzhou Port to Dong'ao Island in about 25 minutes, by the type that can") {
        // Into the scenario's south-east monsoon the flight is slower, still within its promise.
        const DeliveryResult& d = day.order("o-island-1000");
        REQUIRE(d.delivered);
        CHECK(d.flight_s < 30 * 60);
        CHECK(d.on_time());
        CHECK(d.drone.find("vtol-fixed-wing") != std::string::npos);
        const Day still(1, [](Scenario& s) { s.wind.clear(); });
        CHECK(still.order("o-island-1000").flight_s / 60 == Approx(25).margin(2));
    }
    SECTION("Guzhen to Xinhui and back within the day") {
        const DeliveryResult& d = day.order("o-lamps-0800");
        REQUIRE(d.delivered);
        const SimFlight* flight = nullptr;
        for (const auto& f : day.result.flights) if (f.order >= 0 && day.result.deliveries[size_t(f.order)].order == "o-lamps-0800") flight = &f;
        REQUIRE(flight);
        CHECK(flight->landed_s < 86400);
        CHECK(flight->track.back().lat_deg == Approx(22.611));  // back at Guzhen
    }
}

TEST_CASE("A dozen drones take off and land at baoan-ops within minutes", "[sim][gba]") {
    const Day day(1, [](Scenario& s) {
        s.demand_rates.clear();
        s.orders.clear();
        s.sightseeing.clear();  // deliveries only
        for (int i = 0; i < 12; ++i) s.orders.push_back({"burst-" + std::to_string(i), "baoan-ops", "qianhai-hub", 1.0, 36000, 1800});
    });
    REQUIRE(day.result.kpis.delivered == 12);
    double first = 1e300, last = 0, landed = 0;
    for (const auto& f : day.result.flights) {
        first = std::min(first, f.takeoff_s);
        last = std::max(last, f.takeoff_s);
        landed = std::max(landed, f.landed_s);
    }
    // Twelve pads take them all at once; lane headway spaces the departures by seconds.
    CHECK(last - first < 6 * 60);
    CHECK(landed - first < 20 * 60);
    for (const auto& h : day.result.hubs) if (h.id == "baoan-ops") CHECK(h.takeoffs == 12);
}

TEST_CASE("The simulation is deterministic for a seed", "[sim]") {
    const Day a(7), b(7), c(8);
    REQUIRE(a.result.deliveries.size() == b.result.deliveries.size());
    for (size_t i = 0; i < a.result.deliveries.size(); ++i) {
        CHECK(a.result.deliveries[i].order == b.result.deliveries[i].order);
        CHECK(a.result.deliveries[i].delivered_s == b.result.deliveries[i].delivered_s);
    }
    CHECK(a.result.kpis.p95_delivery_s == b.result.kpis.p95_delivery_s);
    CHECK(a.result.deliveries.size() != c.result.deliveries.size());  // another seed, other orders
}

TEST_CASE("Demand that can never be served is a finding with the reason, not a hang", "[sim]") {
    const Day day(1, [](Scenario& s) {
        s.orders.push_back({"too-heavy", "baoan-ops", "songshan-lake", 80, 30000, 3600});
        s.fleet.erase(std::remove_if(s.fleet.begin(), s.fleet.end(), [](const FleetEntry& f) { return f.hub == "dongao-island"; }), s.fleet.end());
    });
    std::vector<std::string> messages;
    for (const auto& f : day.result.findings) messages.push_back(f.message);
    auto mentions = [&](const std::string& a, const std::string& b) {
        return std::any_of(messages.begin(), messages.end(), [&](const std::string& m) { return m.find(a) != std::string::npos && m.find(b) != std::string::npos; });
    };
    CHECK(mentions("from baoan-ops to songshan-lake", "carries 80 kg"));
    CHECK(mentions("from dongao-island to xiangzhou-port", "no drone is based at dongao-island"));
    CHECK(day.order("too-heavy").reason.find("carries 80 kg") != std::string::npos);
}

TEST_CASE("Any drone's position and battery can be queried at any time", "[sim]") {
    const Day day;
    const SimResult& r = day.result;
    const SimFlight& f = r.flights.front();
    const size_t drone = size_t(f.drone);
    const DroneSnapshot before = drone_at(r, *day.compiled, drone, f.takeoff_s - 1);
    CHECK_FALSE(before.airborne);
    const DroneSnapshot mid = drone_at(r, *day.compiled, drone, (f.takeoff_s + f.landed_s) / 2);
    CHECK(mid.airborne);
    CHECK(mid.height.over(HeightAmsl(day.compiled->scenario().hubs[size_t(r.drones[drone].hub_index)].ground_elevation_m_amsl)) > 10);
    CHECK(mid.battery_wh < f.soc_start_wh);
    CHECK(mid.flight == 0);
    if (f.ready_again_s > f.landed_s + 1) {
        const DroneSnapshot charging = drone_at(r, *day.compiled, drone, (f.landed_s + f.ready_again_s) / 2);
        CHECK(charging.charging);
        CHECK(charging.battery_wh > f.soc_end_wh);
    }
}

TEST_CASE("Dispatch policies are pluggable and change who flies", "[sim]") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    const CompiledScenario compiled(s);
    SimConfig small, frugal;
    frugal.dispatch = DispatchPolicy::LeastEnergy;
    const SimResult a = simulate(compiled, small), b = simulate(compiled, frugal);
    CHECK(a.kpis.orders == b.kpis.orders);
    CHECK(b.kpis.delivered > 0);
    // Least energy never spends more per parcel than the battery-size rule on the same demand.
    CHECK(b.kpis.energy_per_parcel_wh <= a.kpis.energy_per_parcel_wh * 1.02);
}

TEST_CASE("A day over 10,000 hubs simulates: routes are found for the pairs the demand uses, not for every pair", "[sim][scale]") {
    // The GBA day with 9,990 more hubs that no demand names: a table of every pair would be
    // 10^8 routes a drone type.
    Day day(1, [](Scenario& s) {
        for (int i = 0; s.hubs.size() < 10000; ++i) {
            Hub h = s.hubs.back();
            h.id = "extra-" + std::to_string(i);
            h.name = h.id;
            h.position = {21.9 + (i / 100) * 0.01, 112.6 + (i % 100) * 0.02};
            h.serves.clear();
            s.hubs.push_back(h);
        }
    });
    CHECK(day.scenario.hubs.size() == 10000);
    CHECK(day.result.kpis.delivered > 400);  // the default day delivers 501 of 515
}

TEST_CASE("A day run a slice at a time gives exactly the day run at once", "[sim][slices]") {
    const Scenario scenario = test::load_scenario("assets/scenarios/gba.json");
    const CompiledScenario compiled(scenario);
    SimConfig cfg;
    cfg.seed = 7;
    const SimResult whole = simulate(compiled, cfg);
    SimulationRun run(compiled, cfg);
    int slices = 0;
    double last = -1;
    bool monotonic = true;
    while (!run.advance([] { return true; })) {  // stop at every chance: 8 events a slice
        ++slices;
        monotonic = monotonic && run.progress() >= last;
        last = run.progress();
    }
    CHECK(monotonic);
    CHECK(run.progress() == 1.0);
    // Every order is at least one event (its arrival), 8 events a slice.
    CHECK(slices >= whole.kpis.orders / 8);
    CHECK(slices > 1);
    const auto sliced = run.take_result();
    REQUIRE(sliced.has_value());
    CHECK(sliced->kpis.orders == whole.kpis.orders);
    CHECK(sliced->kpis.delivered == whole.kpis.delivered);
    CHECK(sliced->kpis.on_time_share == whole.kpis.on_time_share);
    CHECK(sliced->kpis.p95_delivery_s == whole.kpis.p95_delivery_s);
    CHECK(sliced->kpis.energy_per_parcel_wh == whole.kpis.energy_per_parcel_wh);
    CHECK(sliced->kpis.conflicts == whole.kpis.conflicts);
    CHECK(sliced->kpis.losses_of_separation == whole.kpis.losses_of_separation);
    REQUIRE(sliced->flights.size() == whole.flights.size());
    for (size_t f = 0; f < whole.flights.size(); ++f) REQUIRE(sliced->flights[f].track.size() == whole.flights[f].track.size());
    // The encounters, one by one: the same pairs, times and places.
    REQUIRE(sliced->conflicts.size() == whole.conflicts.size());
    for (size_t i = 0; i < whole.conflicts.size(); ++i) {
        CHECK(sliced->conflicts[i].flight_a == whole.conflicts[i].flight_a);
        CHECK(sliced->conflicts[i].flight_b == whole.conflicts[i].flight_b);
        CHECK(sliced->conflicts[i].closest_s == whole.conflicts[i].closest_s);
        CHECK(sliced->conflicts[i].where.lat_deg == whole.conflicts[i].where.lat_deg);
    }
    // And everything else the report holds (deliveries, drones, hubs and their series, the
    // day's series), byte for byte.
    CHECK(sim_report_text(*sliced, cfg) == sim_report_text(whole, cfg));
    CHECK_FALSE(run.take_result().has_value());  // taken once
    CHECK(run.advance([] { return true; }));       // and done it stays
    CHECK(run.progress() == 1.0);
}

TEST_CASE("A day without orders run a slice at a time ends, in a few slices", "[sim][slices]") {
    Scenario scenario = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    scenario.orders.clear();
    scenario.demand_rates.clear();
    const CompiledScenario compiled(scenario);
    SimulationRun run(compiled, SimConfig{});
    CHECK(run.expected_peak_bytes() == 0);
    int slices = 1;
    while (!run.advance([] { return true; })) REQUIRE(++slices < 100);  // a set-up step never repeats itself
    const auto result = run.take_result();
    REQUIRE(result.has_value());
    CHECK(result->kpis.orders == 0);
}

TEST_CASE("The memory a day is expected to need saturates for an absurd rate, without drawing an order", "[sim][demand]") {
    Scenario scenario = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    scenario.demand_rates = {{"a", "b", 1e300, 0.5, 1, 3600, {}}};
    const CompiledScenario compiled(scenario);
    const SimulationRun run(compiled, SimConfig{});
    CHECK(run.expected_peak_bytes() == SIZE_MAX / 2560 * 2560);
    // A plausible one: 24,000 a day over 24 hours, 2.5 KB each.
    scenario.demand_rates = {{"a", "b", 24000, 0.5, 1, 3600, {}}};
    const CompiledScenario plain(scenario);
    CHECK(SimulationRun(plain, SimConfig{}).expected_peak_bytes() == size_t(24000 + scenario.orders.size()) * 2560);
}

TEST_CASE("The demand scale multiplies the daily rates and leaves explicit orders as they are", "[sim][demand]") {
    Scenario s = test::load_scenario("assets/scenarios/gba.json");
    s.orders.push_back({"explicit-1", s.hubs[0].id, s.hubs[1].id, 1.0, 3600, 3600});
    double per_day = 0;
    for (const auto& r : s.demand_rates) per_day += r.per_day;
    REQUIRE(per_day > 100);
    SimConfig cfg;
    cfg.demand_scale = 0;
    const size_t explicit_orders = s.orders.size();  // all within the day
    const auto none = make_orders(s, cfg);
    REQUIRE(none.size() == explicit_orders);  // the explicit orders only
    CHECK(std::count_if(none.begin(), none.end(), [](const SimOrder& o) { return o.id == "explicit-1"; }) == 1);
    cfg.demand_scale = 4;
    const auto four = make_orders(s, cfg);
    // A Poisson count with mean 4 x the daily rates (a day of 24 h): within five standard deviations.
    const double mean = 4 * per_day, drawn = double(four.size() - explicit_orders);
    CHECK(std::abs(drawn - mean) < 5 * std::sqrt(mean));
    cfg.demand_scale = 1;
    CHECK(std::abs(double(make_orders(s, cfg).size() - explicit_orders) - per_day) < 5 * std::sqrt(per_day));
}

TEST_CASE("An hourly profile puts each hour's share of a rate's orders in that hour", "[sim][demand]") {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.demand_rates = {{"a", "b", 24000, 0.5, 1, 3600, {}}, {"b", "a", 2400, 0.5, 1, 3600, {}}};
    // The demand's profile: hour 9 three times hour 15, nothing else. The second rate has its own:
    // every order between 02:00 and 03:00.
    s.demand_profile.assign(kProfileHours, 0);
    s.demand_profile[9] = 3;
    s.demand_profile[15] = 1;
    s.demand_rates[1].profile.assign(kProfileHours, 0);
    s.demand_rates[1].profile[2] = 5;
    SimConfig cfg;
    std::vector<int> first(kProfileHours, 0), second(kProfileHours, 0);
    for (const SimOrder& o : make_orders(s, cfg)) (o.from == 0 ? first : second)[size_t(o.ready_s / 3600)]++;
    // Hand-worked: hour 9 gets 3/4 of 24,000 and hour 15 1/4 (Poisson counts, within five sigma).
    CHECK(std::abs(first[9] - 18000) < 5 * std::sqrt(18000.0));
    CHECK(std::abs(first[15] - 6000) < 5 * std::sqrt(6000.0));
    CHECK(first[9] + first[15] == std::accumulate(first.begin(), first.end(), 0));
    CHECK(std::abs(second[2] - 2400) < 5 * std::sqrt(2400.0));
    CHECK(second[2] == std::accumulate(second.begin(), second.end(), 0));
    // Within hour 9 the orders are spread evenly: each quarter holds about a quarter of them.
    std::vector<int> quarters(4, 0);
    for (const SimOrder& o : make_orders(s, cfg)) if (o.from == 0 && o.ready_s < 10 * 3600) quarters[size_t((o.ready_s - 9 * 3600) / 900)]++;
    for (int q : quarters) CHECK(std::abs(q - 4500) < 5 * std::sqrt(4500.0));

    SECTION("a flat profile leaves every order where it was") {
        Scenario flat = s;
        flat.demand_profile.assign(kProfileHours, 2);
        flat.demand_rates[1].profile.clear();
        Scenario none = flat;
        none.demand_profile.clear();
        const auto a = make_orders(flat, cfg), b = make_orders(none, cfg);
        REQUIRE(a.size() == b.size());
        for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].ready_s == b[i].ready_s);
    }
    SECTION("a second day repeats the profile") {
        cfg.hours = 48;
        std::vector<int> by_hour(48, 0);
        for (const SimOrder& o : make_orders(s, cfg)) if (o.from == 0) by_hour[size_t(o.ready_s / 3600)]++;
        CHECK(std::abs(by_hour[33] - 18000) < 5 * std::sqrt(18000.0));
        CHECK(by_hour[33] + by_hour[39] + by_hour[9] + by_hour[15] == std::accumulate(by_hour.begin(), by_hour.end(), 0));
    }
    SECTION("the profile survives saving and loading") {
        const ScenarioLoad back = parse_scenario(save_scenario(s), "saved.json");
        REQUIRE(back.ok());
        CHECK(back.scenario->demand_profile == s.demand_profile);
        CHECK(back.scenario->demand_rates[1].profile == s.demand_rates[1].profile);
        CHECK(back.scenario->demand_rates[0].profile.empty());
    }
}

TEST_CASE("The default day's busiest hours are working hours, and its fleet keeps up with them", "[sim][demand][gba]") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    REQUIRE(s.demand_profile.size() == size_t(kProfileHours));
    SimConfig cfg;
    cfg.demand_scale = 20;  // enough orders for the hours to stand apart from the noise
    std::vector<int> by_hour(kProfileHours, 0);
    for (const SimOrder& o : make_orders(s, cfg)) by_hour[size_t(o.ready_s / 3600)]++;
    const int busiest = int(std::max_element(by_hour.begin(), by_hour.end()) - by_hour.begin());
    CHECK(busiest >= 9);
    CHECK(busiest < 17);
    CHECK(by_hour[3] * 10 < by_hour[size_t(busiest)]);  // the night is quiet
    // The day as it is: its busiest moment (where the playback opens) falls in working hours.
    const Day day;
    const auto peak = std::max_element(day.result.series.begin(), day.result.series.end(),
                                       [](const SeriesPoint& a, const SeriesPoint& b) { return a.airborne < b.airborne; });
    CHECK(peak->t_s >= 8 * 3600);
    CHECK(peak->t_s <= 18 * 3600);
    CHECK(day.result.kpis.on_time_share > 0.9);
}

TEST_CASE("Each hub's queues over the day count the orders and drones there at each sample", "[sim][hubs]") {
    Scenario scenario = test::load_scenario("assets/scenarios/gba.json");
    for (auto& h : scenario.hubs) h.pad_count = 1;  // queues worth counting
    const CompiledScenario compiled(scenario);
    SimConfig cfg;
    cfg.demand_scale = 3;
    cfg.series_step_s = 60;
    const SimResult r = simulate(compiled, cfg);
    const size_t steps = r.series.size();
    int most_pad_queue = 0, most_charging = 0;
    for (size_t h = 0; h < r.hubs.size(); ++h) {
        REQUIRE(r.hubs[h].series.size() == steps);
        const std::string& id = r.hubs[h].id;
        for (size_t k = 0; k < steps; ++k) {
            // Counted afresh at the sample's time t, one order and one flight at a time.
            const double t = r.series[k].t_s;
            int waiting = 0, pad_queue = 0, charging = 0;
            for (const auto& d : r.deliveries) {
                if (d.from != id || (!d.delivered && d.reason != "still waiting at the end of the simulated time")) continue;
                if (d.ready_s <= t && (!d.delivered || t < d.takeoff_s)) ++waiting;
                if (d.delivered && d.dispatched_s <= t && t < d.dispatched_s + d.wait_pad_s) ++pad_queue;
            }
            for (const auto& f : r.flights)
                if (scenario.hubs[size_t(f.end_hub)].id == id && f.landed_s <= t && t < f.ready_again_s) ++charging;
            const HubSample& q = r.hubs[h].series[k];
            CHECK(q.waiting == waiting);
            CHECK(q.pad_queue == pad_queue);
            CHECK(q.charging == charging);
            most_pad_queue = std::max(most_pad_queue, q.pad_queue);
            most_charging = std::max(most_charging, q.charging);
        }
    }
    CHECK(most_pad_queue > 0);  // the day had queues to count
    CHECK(most_charging > 0);
}

TEST_CASE("The day's count of drones in the air is the map's: drone_at, drone by drone, at each sample", "[sim][series]") {
    // A crowded day (three times the demand, one pad a hub) whose flights wait on the ground
    // on the way: those waits are not time in the air.
    Scenario scenario = test::load_scenario("assets/scenarios/gba.json");
    for (auto& h : scenario.hubs) h.pad_count = 1;
    const CompiledScenario compiled(scenario);
    SimConfig cfg;
    cfg.demand_scale = 3;
    cfg.series_step_s = 300;
    const SimResult r = simulate(compiled, cfg);
    int most = 0;
    for (const SeriesPoint& p : r.series) {
        int airborne = 0;
        for (size_t d = 0; d < r.drones.size(); ++d) airborne += drone_at(r, compiled, d, p.t_s).airborne ? 1 : 0;
        CHECK(p.airborne == airborne);
        most = std::max(most, airborne);
    }
    CHECK(most > 10);
}

TEST_CASE("The fleet's battery over the day: full at midnight, the lowest never above the mean", "[sim][series]") {
    const Day day;
    const FleetBattery b = fleet_battery(day.result, *day.compiled);
    REQUIRE(b.mean_pct.size() == day.result.series.size());
    REQUIRE(b.lowest_pct.size() == day.result.series.size());
    // Every drone starts the day charged (the simulator's rule), and nothing flies at 00:00.
    CHECK(day.result.series.front().t_s == 0);
    CHECK(b.mean_pct.front() == Approx(100));
    CHECK(b.lowest_pct.front() == Approx(100));
    float lowest_of_day = 100;
    for (size_t k = 0; k < b.mean_pct.size(); ++k) {
        CHECK(b.lowest_pct[k] <= b.mean_pct[k] + 1e-4f);
        CHECK(b.lowest_pct[k] >= 0);
        lowest_of_day = std::min(lowest_of_day, b.lowest_pct[k]);
    }
    // Some drone comes home with no more than the reserve and a little (the rule is 20 %).
    CHECK(lowest_of_day < 60);
    CHECK(lowest_of_day >= 20 - 1e-3);
}

namespace {
// Xiangzhou Port to Dong'ao Island with only the given orders, `drones` VTOLs at the port and
// one pad there (a take-off holds it 60 s), and `restrictions` (and `change` to the scenario).
Day restricted_day(int drones, std::vector<Order> orders, std::vector<TemporaryRestriction> restrictions, std::function<void(Scenario&)> change = {}) {
    SimConfig cfg;
    cfg.restrictions = std::move(restrictions);
    return Day(1, [&](Scenario& s) {
        s.demand_rates.clear();
        s.orders = orders;
        s.fleet = {{"xiangzhou-port", "vtol-fixed-wing", drones}};
        Hub& port = *std::find_if(s.hubs.begin(), s.hubs.end(), [](const Hub& h) { return h.id == "xiangzhou-port"; });
        port.pad_count = 1;
        port.pad_slot_s = 60;
        if (change) change(s);
    }, cfg);
}
Day emergency_day(int drones, std::vector<Order> orders) { return restricted_day(drones, std::move(orders), {}); }

Order parcel(const char* id, double ready_s, OrderPriority priority = OrderPriority::Normal) {
    return {id, "xiangzhou-port", "dongao-island", 1, ready_s, 3600, priority};
}
}  // namespace

TEST_CASE("An emergency takes the drone of a delivery that has not left, and the delivery waits for the next", "[sim][emergency]") {
    // Worked by hand: at 0, a leaves on drone 1 (the pad until 60) and b is given drone 2 and
    // the pad at 60. At 20 the emergency finds no free drone: b has not left, so b is called
    // off and the emergency flies drone 2 from the pad at 60. b waits for drone 1 to come back.
    const Day day = emergency_day(2, {parcel("a", 0), parcel("b", 0), parcel("sos", 20, OrderPriority::Emergency)});
    const DeliveryResult &a = day.order("a"), &b = day.order("b"), &sos = day.order("sos");
    REQUIRE(sos.delivered);
    CHECK(sos.emergency);
    CHECK(sos.takeoff_s == 60);
    CHECK(sos.drone == "xiangzhou-port/vtol-fixed-wing/2");
    CHECK(a.takeoff_s == 0);
    CHECK(a.drone == "xiangzhou-port/vtol-fixed-wing/1");
    CHECK(b.called_off == 1);
    REQUIRE(b.delivered);
    CHECK(b.drone == "xiangzhou-port/vtol-fixed-wing/1");
    const SimFlight& first = day.result.flights[size_t(std::find_if(day.result.flights.begin(), day.result.flights.end(), [&](const SimFlight& f) {
                                                           return f.takeoff_s == 0; }) - day.result.flights.begin())];
    CHECK(b.takeoff_s >= first.ready_again_s);
    const Kpis& k = day.result.kpis;
    CHECK(k.orders == 2);  // the deliveries; the emergency apart
    CHECK(k.delivered == 2);
    CHECK(k.emergency.orders == 1);
    CHECK(k.emergency.delivered == 1);
    CHECK(k.emergency.preempted == 1);
    CHECK(k.emergency.gave_way == 0);
    CHECK(k.emergency.max_response_s == sos.delivered_s - 20);
    CHECK(k.emergency.p50_response_s == sos.delivered_s - 20);
    CHECK(day.result.flights.size() == 3);  // the called-off flight is not in the record
}

TEST_CASE("An emergency takes the next pad: a delivery booked on it gives way and leaves after", "[sim][emergency]") {
    // Three drones, one pad: a leaves at 0, b has the pad at 60. The emergency at 20 has a free
    // drone; the next pad is b's slot at 60, so b gives way and takes the one after, at 120.
    const Day day = emergency_day(3, {parcel("a", 0), parcel("b", 0), parcel("sos", 20, OrderPriority::Emergency)});
    const DeliveryResult &b = day.order("b"), &sos = day.order("sos");
    CHECK(sos.takeoff_s == 60);
    CHECK(b.called_off == 1);
    CHECK(b.takeoff_s == 120);
    CHECK(day.result.kpis.emergency.gave_way == 1);
    CHECK(day.result.kpis.emergency.preempted == 0);
    // Without the emergency b would have left at 60: the same day otherwise.
    const Day calm = emergency_day(3, {parcel("a", 0), parcel("b", 0)});
    CHECK(calm.order("b").takeoff_s == 60);
    CHECK(calm.result.kpis.emergency.orders == 0);
}

TEST_CASE("A delivery in the air is never called off, and an emergency waits for the first drone back", "[sim][emergency]") {
    // One drone, already gone with a at 0: the emergency at 20 waits for it to be ready again.
    const Day day = emergency_day(1, {parcel("a", 0), parcel("sos", 20, OrderPriority::Emergency)});
    const DeliveryResult &a = day.order("a"), &sos = day.order("sos");
    CHECK(a.called_off == 0);
    CHECK(a.takeoff_s == 0);
    REQUIRE(sos.delivered);
    CHECK(sos.takeoff_s >= day.result.flights.front().ready_again_s);
    CHECK(day.result.kpis.emergency.preempted == 0);
}

TEST_CASE("An emergency no drone can fly is a finding with the reason, and counts as not delivered", "[sim][emergency]") {
    Order heavy = parcel("sos-heavy", 20, OrderPriority::Emergency);
    heavy.mass_kg = 80;
    const Day day = emergency_day(2, {parcel("a", 0), heavy});
    CHECK_FALSE(day.order("sos-heavy").delivered);
    CHECK(day.order("sos-heavy").reason.find("carries 80 kg") != std::string::npos);
    CHECK(day.result.kpis.emergency.orders == 1);
    CHECK(day.result.kpis.emergency.delivered == 0);
    CHECK(day.result.kpis.undeliverable == 0);  // the deliveries' count leaves it out
    CHECK(day.order("a").called_off == 0);      // nothing was called off for it
    REQUIRE(day.result.findings.size() == 1);
    CHECK(day.result.findings[0].check == "demand.unserviceable");
}

namespace {
// A box of sea on the Xiangzhou Port to Dong'ao Island corridor (its third leg), closed from
// `start_s` for `length_s`, announced `notice_s` before.
TemporaryRestriction sea_box(double start_s, double length_s, double notice_s) {
    TemporaryRestriction r;
    r.id = "rescue-box";
    r.shape.polygon = {{22.155, 113.69}, {22.155, 113.735}, {22.195, 113.735}, {22.195, 113.69}};
    r.start_s = start_s;
    r.end_s = start_s + length_s;
    r.notice_s = notice_s;
    return r;
}

}  // namespace

TEST_CASE("A restriction with no way around holds the flights that would meet it until it is lifted", "[sim][restriction]") {
    // Closed 10:00-11:00, announced at 09:30; the only corridor to the island crosses it. The
    // order ready at 10:10 waits at the port until 11:00, then leaves at once (pad and drone free).
    const Day day = restricted_day(2, {parcel("island", 36600)}, {sea_box(36000, 3600, 1800)});
    const DeliveryResult& d = day.order("island");
    REQUIRE(d.delivered);
    CHECK(d.takeoff_s == 39600);
    CHECK(d.wait_restriction_s == 3000);
    const RestrictionKpis& k = day.result.kpis.restrictions;
    CHECK(k.delayed == 1);
    CHECK(k.rerouted == 0);
    CHECK(k.replanned == 0);
    CHECK(k.cancelled == 0);
    // Ready after it is lifted: not touched.
    const Day later = restricted_day(2, {parcel("island", 39700)}, {sea_box(36000, 3600, 1800)});
    CHECK(later.order("island").takeoff_s == 39700);
    CHECK(later.result.kpis.restrictions.delayed == 0);
}

TEST_CASE("A restriction lasting past the end of the day cancels the flights it blocks", "[sim][restriction]") {
    const Day day = restricted_day(2, {parcel("late", 23 * 3600 + 600)}, {sea_box(23 * 3600, 7200, 1800)});
    const DeliveryResult& d = day.order("late");
    CHECK_FALSE(d.delivered);
    CHECK(d.reason.find("cancelled: temporary restriction rescue-box") == 0);
    CHECK(day.result.kpis.restrictions.cancelled == 1);
    CHECK(day.result.kpis.undeliverable == 1);
}

TEST_CASE("An announcement calls off the deliveries not yet off the ground that would meet it; one just off the ground turns back", "[sim][restriction]") {
    // One pad, two drones: at 09:00 a leaves and b has the pad at 09:01. At 09:00:30 the box is
    // closed at once (no notice) for an hour: b is called off and, with no way around, held until
    // 10:00:30. a is in the air (at the top of its climb, still over the port) and would cross
    // the box while it is closed: the nearest hub clear of it is its own, so it lands there with
    // the parcel, which queues again and is held with b. At 10:00:30 b (held first) takes the
    // pad, a the next slot.
    const Day day = restricted_day(2, {parcel("a", 32400), parcel("b", 32400)}, {sea_box(32430, 3600, 0)});
    const DeliveryResult &a = day.order("a"), &b = day.order("b");
    CHECK(a.called_off == 0);
    CHECK(b.called_off == 1);
    CHECK(b.takeoff_s == 36030);
    CHECK(a.takeoff_s == 36090);
    CHECK(a.delivered);
    const RestrictionKpis& k = day.result.kpis.restrictions;
    CHECK(k.replanned == 1);
    CHECK(k.delayed == 2);
    CHECK(k.diverted == 1);
    CHECK(k.airborne_through == 0);
    REQUIRE(day.result.flights.size() == 3);  // a's turn back, then b and a
    const SimFlight& back = day.result.flights.front();
    CHECK(back.takeoff_s == 32400);
    CHECK(back.delivered_s > back.landed_s);  // (the parcel never left: delivered later, by another flight)
    CHECK(day.scenario.hubs[size_t(back.end_hub)].id == "xiangzhou-port");
    // Over the pad within seconds, it waits for the pad (its own take-off slot holds it until
    // 09:01), then lands from cruise height in 40.3 s (85 m at the autopilot's two descent
    // speeds and the touchdown check, as every landing of this type in the day).
    CHECK(back.landed_s == Approx(32460 + 40.3).margin(0.5));
    CHECK(back.track.back().on_ground);
    CHECK_FALSE(track_crosses(back.track, day.result.restrictions.front()));
    // Its energy is what the track's charge says it spent, far below a whole trip's.
    CHECK(back.energy_wh == Approx(back.soc_start_wh - back.track.back().charge_wh).margin(1e-3));
    CHECK(back.energy_wh < day.result.flights[2].energy_wh / 5);
}

TEST_CASE("A flight past the area when it closes lands at its destination, the nearest hub, and delivers there", "[sim][restriction]") {
    // Calm, a leaves at 09:00, passes the box on its way out at about 09:14-09:17, releases the
    // parcel over the island at 09:29 and crosses the box again on its way back at 09:40-09:43.
    // Closed at once at 09:20 for an hour: a is south of the box, the island is the nearest hub
    // and a straight line to it stays clear, so a lands there with the parcel and stays.
    const Day calm = restricted_day(1, {parcel("a", 32400)}, {});
    const Day day = restricted_day(1, {parcel("a", 32400)}, {sea_box(33600, 3600, 0)});
    REQUIRE(calm.result.flights.size() == 1);
    REQUIRE(day.result.flights.size() == 1);
    const SimFlight& f = day.result.flights.front();
    CHECK(day.scenario.hubs[size_t(f.end_hub)].id == "dongao-island");
    CHECK(f.delivered_s == f.landed_s);
    CHECK(f.landed_s < calm.result.flights.front().delivered_s + 120);
    CHECK(day.order("a").delivered);
    CHECK(day.order("a").delivered_s == f.landed_s);
    CHECK(day.result.kpis.restrictions.diverted == 1);
    CHECK_FALSE(track_crosses(f.track, day.result.restrictions.front()));
    // Up to 09:20 the track is the calm one.
    for (const TrackPoint& p : calm.result.flights.front().track) {
        if (p.t_s > 33600) break;
        const TrackPoint q = track_at(f.track, p.t_s);
        CHECK(q.lat_deg == p.lat_deg);
        CHECK(q.charge_wh == p.charge_wh);
    }
    // The drone is at the island after, and its home hub is still the port.
    CHECK(day.result.drones.front().hub == "xiangzhou-port");
    const DroneSnapshot later = drone_at(day.result, *day.compiled, 0, f.landed_s + 600);
    CHECK(later.position.lat_deg == day.scenario.find_hub("dongao-island")->position.lat_deg);
}

TEST_CASE("Where another corridor goes round the restriction, the flight takes it", "[sim][restriction]") {
    // A second corridor to the island, east of the box and 30 m lower (15-30 m above ground, so
    // clear of the first one's band): closed 10:00-11:00, the 10:10 order flies round by it.
    auto east = [](Scenario& s) {
        Corridor c = *s.find_corridor("c-xiangzhou-dongao");
        c.id = "c-xiangzhou-dongao-east";
        c.centreline = {{22.2914, 113.5819}, {22.25, 113.68}, {22.2, 113.78}, {22.08, 113.78}, {22.02203, 113.70802}};
        c.band.floor.value_m = 15;
        c.band.ceiling.value_m = 30;
        s.corridors.push_back(c);
    };
    const Day day = restricted_day(2, {parcel("island", 36600)}, {sea_box(36000, 3600, 1800)}, east);
    const Day calm = restricted_day(2, {parcel("island", 36600)}, {}, east);
    const DeliveryResult& d = day.order("island");
    REQUIRE(d.delivered);
    CHECK(d.takeoff_s == 36600);
    CHECK(day.result.kpis.restrictions.rerouted == 1);
    const int straight = int(day.scenario.find_corridor("c-xiangzhou-dongao") - day.scenario.corridors.data());
    const int round = int(day.scenario.find_corridor("c-xiangzhou-dongao-east") - day.scenario.corridors.data());
    const std::vector<int>& flown = day.result.flights.front().corridors;
    CHECK(std::count(flown.begin(), flown.end(), round) > 0);
    CHECK(std::count(flown.begin(), flown.end(), straight) == 0);
    // Without the restriction the same order takes the straight corridor, and arrives sooner.
    const std::vector<int>& usual = calm.result.flights.front().corridors;
    CHECK(std::count(usual.begin(), usual.end(), straight) > 0);
    CHECK(calm.order("island").delivered_s < d.delivered_s);
}

TEST_CASE("A track meets a restriction where a piece of it crosses the area while it is active", "[sim][restriction]") {
    const TemporaryRestriction box = sea_box(1000, 1000, 0);  // lat 22.155-22.195, lon 113.69-113.735, 1000-2000 s
    auto track = [](double t0, double t1) {
        // West to east straight through the box's middle: no point of the track is inside it.
        return std::vector<TrackPoint>{{t0, 22.175, 113.6, HeightAmsl(100), false}, {t1, 22.175, 113.8, HeightAmsl(100), false}};
    };
    CHECK(track_crosses(track(1000, 2000), box));
    CHECK_FALSE(track_crosses(track(0, 900), box));         // all over before it starts
    CHECK_FALSE(track_crosses(track(2000, 3000), box));     // after it ends
    // 0-2000 s over 0.2 degrees: the box (113.69-113.735) is passed at about 900-1350 s, partly active.
    CHECK(track_crosses(track(0, 2000), box));
    // 0-1000 s: passed at 450-675 s, before it starts.
    CHECK_FALSE(track_crosses(track(0, 1000), box));
    // North of it, and standing on a pad inside it.
    CHECK_FALSE(track_crosses({{1000, 22.2, 113.6, HeightAmsl(100), false}, {2000, 22.2, 113.8, HeightAmsl(100), false}}, box));
    CHECK_FALSE(track_crosses({{1000, 22.17, 113.7, HeightAmsl(3), true}, {2000, 22.17, 113.7, HeightAmsl(3), true}}, box));
    TemporaryRestriction circle = box;
    circle.shape.kind = ZoneShape::Kind::Circle;
    circle.shape.center = {22.175, 113.7125};
    circle.shape.radius_m = 500;
    CHECK(track_crosses(track(1000, 2000), circle));
    CHECK_FALSE(track_crosses({{1000, 22.19, 113.6, HeightAmsl(100), false}, {2000, 22.19, 113.8, HeightAmsl(100), false}}, circle));  // 1.6 km north
}

TEST_CASE("A restriction in the scenario works as one given to the run", "[sim][restriction]") {
    // The hand-worked hold: the 10:10 order leaves at 11:00 when the box reopens.
    const Day day = restricted_day(2, {parcel("island", 36600)}, {}, [](Scenario& s) { s.restrictions = {sea_box(36000, 3600, 1800)}; });
    CHECK(day.order("island").takeoff_s == 39600);
    CHECK(day.result.kpis.restrictions.delayed == 1);
    REQUIRE(day.result.restrictions.size() == 1);
    CHECK(day.result.restrictions[0].id == "rescue-box");
}

namespace {
// Qianhai's bay loop with its departures at `departures`, `drones` M350s at the hub, no deliveries.
Day tour_day(int drones, std::vector<double> departures, std::vector<TemporaryRestriction> restrictions = {}) {
    SimConfig cfg;
    cfg.restrictions = std::move(restrictions);
    return Day(1, [&](Scenario& s) {
        s.demand_rates.clear();
        s.orders.clear();
        s.fleet = {{"qianhai-hub", "m350-drop", drones}};
        s.sightseeing.front().departures_s = departures;
    }, cfg);
}
}  // namespace

TEST_CASE("Sightseeing departures fly the loop on time, wait for a drone that is out, and are not flown without one", "[sim][sightseeing]") {
    const Day day = tour_day(1, {36000, 36300});
    const Sightseeing& loop = day.scenario.sightseeing.front();
    const auto planned = plan_scenario_sightseeing(*day.compiled, loop, Firmware::ArduPilot);
    REQUIRE(planned.ok());
    REQUIRE(day.result.tours.size() == 2);
    const TourDeparture &first = day.result.tours[0], &second = day.result.tours[1];
    // 10:00: the drone is free and the pad too; the loop as the check prices it (one profile).
    REQUIRE(first.flown);
    CHECK(first.takeoff_s == 36000);
    CHECK(first.landed_s - first.takeoff_s == Approx(planned->check.figures.time_s).margin(1e-6));
    // By hand, the least it can take: 80 m up at the type's climb rate, the loop's length at its
    // speed (and home at the cruise speed), a look at each of the two sights, down again.
    const DroneType& m350 = *day.scenario.find_drone_type("m350-drop");
    CHECK(first.landed_s - first.takeoff_s > 80 / m350.climb_rate_m_s + 2 * 30 + 80 / m350.descent_rate_m_s + planned->loop.length_m / m350.cruise_speed_m_s);
    // 10:05: the one drone is out until it lands and has recharged: the second waits for it.
    REQUIRE(second.flown);
    const SimFlight& out = day.result.flights[0];
    CHECK(out.sightseeing == 0);
    CHECK(out.order == -1);
    CHECK(second.takeoff_s == Approx(out.ready_again_s));
    CHECK(second.late_s() == Approx(out.ready_again_s - 36300));
    // Recharged at Qianhai's chargers (6 kW at 90 %): what the loop took, from landing.
    CHECK(out.ready_again_s - out.landed_s == Approx(out.energy_wh / (6000 * 0.9) * 3600).margin(1e-6));
    const TourKpis& k = day.result.kpis.sightseeing;
    CHECK(k.departures == 2);
    CHECK(k.flown == 2);
    CHECK(k.late == (second.late_s() > 300 ? 1 : 0));
    // The deliveries' figures leave the loops out.
    CHECK(day.result.kpis.orders == 0);
    CHECK(day.result.kpis.energy_per_parcel_wh == 0);
    // No M350 at the hub: not flown, and why.
    const Day none = tour_day(0, {36000});
    REQUIRE(none.result.tours.size() == 1);
    CHECK_FALSE(none.result.tours[0].flown);
    CHECK(none.result.tours[0].reason == "no m350-drop is based at qianhai-hub");
    CHECK(none.result.kpis.sightseeing.cancelled == 1);
}

TEST_CASE("A sightseeing departure whose loop meets an announced restriction is not flown", "[sim][sightseeing][restriction]") {
    // A box round the Stone Park (the first sight), closed 09:50-11:00, announced at 09:30.
    TemporaryRestriction park;
    park.id = "park-closed";
    park.shape.polygon = {{22.52, 113.89}, {22.52, 113.91}, {22.54, 113.91}, {22.54, 113.89}};
    park.start_s = 35400;
    park.end_s = 39600;
    park.notice_s = 1200;
    const Day day = tour_day(1, {36000, 41400}, {park});
    REQUIRE(day.result.tours.size() == 2);
    CHECK_FALSE(day.result.tours[0].flown);
    CHECK(day.result.tours[0].reason == "temporary restriction park-closed is closed on its path");
    CHECK(day.result.tours[1].flown);  // 11:30, after it opens again
}

TEST_CASE("The report is written in the bytes nlohmann's dump gives its tree", "[sim][report]") {
    // sim_report_text writes as it goes; sim_report_json builds the tree nlohmann dumps. Days
    // with every optional part: emergencies (called off), a restriction (held, its figures),
    // sightseeing flown and not, an order too heavy for any drone (a reason and a finding),
    // ids to escape and not ASCII, and the default day with its conflicts.
    const auto same = [](const Day& day, SimConfig cfg = {}) {
        cfg.seed = 1;
        const std::string tree = sim_report_json(day.result, cfg).dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
        const std::string text = sim_report_text(day.result, cfg);
        if (text == tree) return true;
        const size_t at = size_t(std::mismatch(text.begin(), text.end(), tree.begin(), tree.end()).first - text.begin());
        FAIL_CHECK("first difference at byte " << at << ": ..." << text.substr(at > 80 ? at - 80 : 0, 160) << "... against ..."
                                                 << tree.substr(at > 80 ? at - 80 : 0, 160));
        return false;
    };
    const Day gba;
    REQUIRE(gba.result.kpis.conflicts > 0);
    CHECK(same(gba));
    Order heavy = parcel("too \"heavy\" \\ 包裹", 100);
    heavy.mass_kg = 500;
    const Day emergencies = emergency_day(2, {parcel("a", 0), parcel("b\tc", 0), parcel("sos", 20, OrderPriority::Emergency), heavy});
    REQUIRE(emergencies.order("b\tc").called_off == 1);
    REQUIRE(emergencies.order("sos").emergency);
    REQUIRE_FALSE(emergencies.order(heavy.id).delivered);
    REQUIRE_FALSE(emergencies.result.findings.empty());
    CHECK(same(emergencies));
    SimConfig restricted;
    restricted.restrictions = {sea_box(36000, 3600, 1800)};
    const Day held = restricted_day(2, {parcel("island", 36600)}, {sea_box(36000, 3600, 1800)});
    REQUIRE(held.order("island").wait_restriction_s > 0);
    CHECK(same(held, restricted));
    const Day tours = tour_day(1, {36000, 36300}), none = tour_day(0, {36000});
    REQUIRE((tours.result.tours.at(0).flown && !none.result.tours.at(0).flown));
    CHECK(same(tours));
    CHECK(same(none));
    // And the empty day: empty lists as "[]".
    CHECK(same(emergency_day(1, {})));
}

// The orders come in the order a stable sort by time of [explicit orders in file order, then
// each rate's in the order drawn] gives: checked from the orders' own names, with ties made on
// purpose (explicit orders at the same millisecond, and two rates dense enough that their
// millisecond times collide), and made again with a pause at every chance.
TEST_CASE("The day's orders come in time order, ties in the stable order, and the same when made a step at a time", "[sim][demand]") {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.demand_rates = {{"a", "b", 60000, 0.5, 1, 3600, {}}, {"b", "a", 60000, 0.5, 1, 3600, {}}};
    s.orders.clear();
    for (int k = 0; k < 5; ++k) s.orders.push_back({"e" + std::to_string(5 - k), "a", "b", 1.0, 7200.0 - (k % 2), 3600});
    SimConfig cfg;
    cfg.hours = 12;
    const std::vector<SimOrder> whole = make_orders(s, cfg);
    // Each order's run and place in it: the explicit ones by their place in the file (run 0),
    // the drawn ones by rate (a>b run 1, b>a run 2) and the number in their names.
    const auto place = [&](const SimOrder& o) -> std::pair<int, int> {
        for (size_t i = 0; i < s.orders.size(); ++i)
            if (s.orders[i].id == o.id) return {0, int(i)};
        const size_t hash = o.id.find('#');
        REQUIRE(hash != std::string::npos);
        return {o.id.substr(0, hash) == "a>b" ? 1 : 2, std::stoi(o.id.substr(hash + 1))};
    };
    size_t ties = 0, across = 0;
    std::array<int, 3> count{};
    std::array<int, 3> last{-1, 0, 0};
    for (size_t i = 0; i < whole.size(); ++i) {
        const auto [run, at] = place(whole[i]);
        ++count[size_t(run)];
        if (run > 0) {  // a rate's orders count up, one by one
            CHECK(at == last[size_t(run)] + 1);
            last[size_t(run)] = at;
        }
        if (i == 0) continue;
        REQUIRE(whole[i - 1].ready_s <= whole[i].ready_s);
        if (whole[i - 1].ready_s != whole[i].ready_s) continue;
        ++ties;
        const auto before = place(whole[i - 1]);
        CHECK(before < std::make_pair(run, at));  // the earlier run first; in a run, its order
        if (before.first != run) ++across;
    }
    CHECK(count[0] == 5);
    CHECK(size_t(count[1] + count[2] + 5) == whole.size());
    // There were ties to order: the explicit orders (three at 7200 s, two at 7199 s) and the
    // two rates' collisions (about n^2 / 2m for n = 60,000 orders in m = 43.2 million ms: ~40).
    CHECK(ties >= 3 + 10);
    CHECK(across >= 10);
    // The same orders, made with a pause asked for at every chance.
    OrderMaker maker(s, cfg);
    CHECK(std::abs(double(maker.expected_count()) - (5 + 120000.0 / 2)) < 1);  // 12 of 24 hours of each rate's mean
    int steps = 0;
    // A step makes 4,096 orders, or ends a rate or a stage: so many steps at most.
    while (!maker.advance([] { return true; })) REQUIRE(++steps <= int(2 * whole.size() / 4096 + 10));
    const std::vector<SimOrder> stepped = maker.take();
    CHECK(steps > int(whole.size() / 4096));
    REQUIRE(stepped.size() == whole.size());
    size_t differ = 0;
    for (size_t i = 0; i < whole.size(); ++i)
        if (stepped[i].id != whole[i].id || stepped[i].ready_s != whole[i].ready_s || stepped[i].mass_kg != whole[i].mass_kg) ++differ;
    CHECK(differ == 0);
}
