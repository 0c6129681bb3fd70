// The guided tour: the busiest pads counted by hand, and each step's verdict when the day has not
// been simulated or the scenario lacks the hubs a step is about.
#include <catch2/catch.hpp>

#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "fixtures.h"
#include "view/tour.h"

using namespace lowsky;

TEST_CASE("The busiest pads: take-offs where a drone last landed, landings where it ends, within a sliding window", "[tour]") {
    SimResult day;
    // Drone 0 based at hub 0: out at 100 s, lands at hub 1 at 700 s; out of hub 1 at 800 s, back at hub 0 at 1300 s.
    // Drone 1 based at hub 0: out at 200 s, back at hub 0 at 900 s.
    day.flights.resize(3);
    day.flights[0].takeoff_s = 100, day.flights[0].landed_s = 700, day.flights[0].end_hub = 1;
    day.flights[1].takeoff_s = 800, day.flights[1].landed_s = 1300, day.flights[1].end_hub = 0;
    day.flights[2].takeoff_s = 200, day.flights[2].landed_s = 900, day.flights[2].end_hub = 0;
    day.drones.resize(2);
    day.drones[0].hub_index = 0, day.drones[0].flight_indices = {0, 1};
    day.drones[1].hub_index = 0, day.drones[1].flight_indices = {2};
    // Hub 0 sees 100, 200, 900 and 1300 s; hub 1 sees 700 and 800 s. Within 600 s at most two
    // (100 and 200 first); within 800 s three (100, 200 and 900); within 50 s one.
    PadRush r = busiest_pads(day, 2, 600);
    CHECK(r.movements == 2);
    CHECK(r.hub == 0);
    CHECK(r.start_s == 100);
    r = busiest_pads(day, 2, 800);
    CHECK(r.movements == 3);
    CHECK(r.hub == 0);
    CHECK(r.start_s == 100);
    r = busiest_pads(day, 2, 50);
    CHECK(r.movements == 1);
    CHECK(busiest_pads(SimResult{}, 2, 600).hub == -1);
}

TEST_CASE("The tour without a simulated day, and on a scenario without the region's hubs, says what it cannot show", "[tour]") {
    const Scenario gba = test::load_scenario("assets/scenarios/gba.json");
    const CompiledScenario compiled(gba);
    const RoutingNetwork network(compiled);
    const auto steps = region_tour(compiled, network, nullptr);
    REQUIRE(steps.size() == 7);
    CHECK(steps[0].id == "baoan-songshan");
    CHECK(steps[3].id == "pads");
    CHECK(steps[3].verdict == TourVerdict::NotReproduced);
    CHECK(steps[3].figure == "simulate the day to measure it");
    CHECK(steps[4].verdict == TourVerdict::NotReproduced);
    CHECK(steps[5].verdict == TourVerdict::NotReproduced);  // sightseeing is planned, not simulated
    // A route step's verdict follows its figure and the claim's limit: one hour, 25 minutes.
    CHECK((steps[0].verdict == TourVerdict::Meets) == (steps[0].value <= 3600));
    CHECK((steps[1].verdict == TourVerdict::Meets) == (steps[1].value <= 1500));
    CHECK(steps[0].value > 0);

    // With a day that had emergencies, the Qianhai step gives their response times (a day made by hand).
    SimResult day;
    day.kpis.emergency.orders = 2;
    day.kpis.emergency.p50_response_s = 1260;
    day.kpis.emergency.max_response_s = 1800;
    const auto with_day = region_tour(compiled, network, &day);
    INFO(with_day[5].id << ": " << with_day[5].figure);
    CHECK(with_day[5].figure.find("(the day's 2: response median 21 min, longest 30 min)") != std::string::npos);
    CHECK(steps[5].figure.find("the day's") == std::string::npos);

    const Scenario minimal = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    const CompiledScenario small(minimal);
    const RoutingNetwork small_network(small);
    for (const TourStep& s : region_tour(small, small_network, nullptr)) {
        CHECK(s.verdict == TourVerdict::NotReproduced);
        CHECK_FALSE(s.figure.empty());
    }
}
