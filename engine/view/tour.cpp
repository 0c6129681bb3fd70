#include "view/tour.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "airspace/jurisdiction.h"
#include "geo/geodesy.h"
#include "mission/exporters.h"

namespace lowsky {

// Marks a pattern the app translates (tests/formats/i18n_table.py checks it has its Chinese).
#define N_(text) text

namespace {

// A number as a figure says it.
std::string num(double value, int decimals = 0) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// Adds a piece to the step's figure.
void say(TourStep& step, const char* pattern, std::vector<std::string> args = {}) {
    step.figure += fill(pattern, args);
    step.figure_parts.push_back({pattern, std::move(args)});
}

// The map's view of two places: their middle, showing the ground between them.
void frame_pair(TourStep& step, GeoPoint a, GeoPoint b) {
    step.at = {(a.lat_deg + b.lat_deg) / 2, (a.lon_deg + b.lon_deg) / 2};
    // Whole metres: a geodesic's last bit differs between the platforms' maths libraries, and
    // the tour reads the same from the command-line tool and the browser.
    step.span_m = std::max(1000.0, std::round(geodesy::distance_m(a, b)));
}

// The quickest mission between two hubs that the safety gate passes, over every drone type: the
// same route, mission and flight profile as the mission panel's preview and the export, for its
// first format (a PX4 .plan, released in a hover, back through the corridors).
struct Quickest {
    std::string type;
    Route route;
    GateReport gate;
};
std::optional<Quickest> quickest(const CompiledScenario& compiled, const RoutingNetwork& network, const std::string& from, const std::string& to) {
    std::optional<Quickest> best;
    for (const DroneType& t : compiled.scenario().drone_types) {
        MissionOptions options;  // the mission panel's first choices
        options.firmware = Firmware::Px4;
        auto checked = check_route_mission(compiled, network, {from, to, t.id, -1, RouteObjective::Fastest, options.firmware}, options);
        if (!checked || !checked->gate.passed()) continue;
        if (!best || checked->gate.delivered_s < best->gate.delivered_s) best = Quickest{t.id, checked->built.outbound, checked->gate};
    }
    return best;
}

TourStep make_step(std::string id, std::string title, std::string claim) {
    TourStep step;
    step.id = std::move(id);
    step.title = std::move(title);
    step.claim = std::move(claim);
    return step;
}

// A step between two hubs: the quickest mission's time to the release (or, `round_trip`, back
// home) against the claimed limit.
TourStep route_step(const CompiledScenario& compiled, const RoutingNetwork& network, std::string id, std::string title, std::string claim,
                    const std::string& from, const std::string& to, double limit_s, bool round_trip) {
    TourStep step = make_step(std::move(id), std::move(title), std::move(claim));
    const Hub* a = compiled.scenario().find_hub(from);
    const Hub* b = compiled.scenario().find_hub(to);
    if (!a || !b) {
        say(step, N_("this scenario has no hub \"%s\""), {a ? to : from});
        return step;
    }
    frame_pair(step, a->position, b->position);
    const auto q = quickest(compiled, network, from, to);
    if (!q) {
        say(step, N_("no drone type has a mission between them that the safety gate passes"));
        return step;
    }
    step.value = round_trip ? q->gate.time_s : q->gate.delivered_s;
    step.verdict = step.value <= limit_s ? TourVerdict::Meets : TourVerdict::Misses;
    say(step, N_("%s: %s km, delivered in %s min, back home in %s min"),
        {q->type, num(q->route.distance_m / 1000, 1), num(q->gate.delivered_s / 60), num(q->gate.time_s / 60)});
    return step;
}

}  // namespace

std::string fill(const std::string& pattern, const std::vector<std::string>& args) {
    std::string out;
    size_t next = 0;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == 's') {
            if (next < args.size()) out += args[next];
            ++next, ++i;
        } else if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == '%') {
            out += '%';
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

const char* to_string(TourVerdict v) {
    switch (v) {
        case TourVerdict::Meets: return "meets";
        case TourVerdict::Misses: return "misses";
        default: return "not reproduced";
    }
}

PadRush busiest_pads(const SimResult& day, size_t hub_count, double window_s) {
    // Every take-off and landing at each hub, by time: a drone takes off where its last flight ended.
    std::vector<std::vector<double>> at(hub_count);
    for (const DroneResult& d : day.drones) {
        int hub = d.hub_index;
        for (const int f : d.flight_indices) {
            const SimFlight& flight = day.flights[size_t(f)];
            if (hub >= 0 && size_t(hub) < hub_count) at[size_t(hub)].push_back(flight.takeoff_s);
            hub = flight.end_hub;
            if (hub >= 0 && size_t(hub) < hub_count) at[size_t(hub)].push_back(flight.landed_s);
        }
    }
    PadRush best;
    for (size_t h = 0; h < hub_count; ++h) {
        std::vector<double>& t = at[h];
        std::sort(t.begin(), t.end());
        for (size_t i = 0, j = 0; j < t.size(); ++j) {
            while (t[j] - t[i] > window_s) ++i;
            if (int(j - i + 1) > best.movements) best = {int(j - i + 1), int(h), t[i]};
        }
    }
    return best;
}

std::vector<TourStep> region_tour(const CompiledScenario& compiled, const RoutingNetwork& network, const SimResult* day) {
    const Scenario& s = compiled.scenario();
    std::vector<TourStep> steps;
    steps.push_back(route_step(compiled, network, "baoan-songshan", N_("Bao'an to Songshan Lake"), N_("Bao'an to Songshan Lake (Dongguan) within one hour"),
                               "baoan-ops", "songshan-lake", 3600, false));
    steps.push_back(route_step(compiled, network, "xiangzhou-dongao", N_("Xiangzhou Port to Dong'ao Island"), N_("Zhuhai's Xiangzhou Port to Dong'ao Island in 25 minutes"),
                               "xiangzhou-port", "dongao-island", 25 * 60, false));
    steps.push_back(route_step(compiled, network, "guzhen-xinhui", N_("Guzhen to Xinhui and back"), N_("Guzhen (Zhongshan) to Xinhui (Jiangmen) and back within a day"),
                               "guzhen", "xinhui", 24 * 3600, true));
    {
        TourStep step = make_step("pads", N_("A hub's pads at the peak"), N_("A dozen drones taking off and landing at one hub within minutes"));
        step.at = s.hubs.empty() ? GeoPoint{22.55, 113.9} : s.hubs.front().position;
        step.span_m = 8000;
        step.view3d = true;
        if (!day) {
            say(step, N_("simulate the day to measure it"));
        } else {
            const PadRush rush = busiest_pads(*day, s.hubs.size(), 600);
            if (rush.hub >= 0) {
                step.at = s.hubs[size_t(rush.hub)].position;
                step.value = rush.movements;
                step.time_s = rush.start_s + 300;  // the middle of its ten minutes
                step.verdict = rush.movements >= 12 ? TourVerdict::Meets : TourVerdict::Misses;
                const int minutes = int(rush.start_s / 60);
                char clock[16];
                std::snprintf(clock, sizeof clock, "%02d:%02d", minutes / 60 % 24, minutes % 60);
                say(step, N_("%s take-offs and landings at %s within 10 minutes from %s on the simulated day"),
                    {std::to_string(rush.movements), s.hubs[size_t(rush.hub)].name, clock});
            } else {
                say(step, N_("the simulated day has no flights"));
            }
        }
        steps.push_back(step);
    }
    {
        TourStep step = make_step("thirty-minutes", N_("Suppliers within half an hour"), N_("Suppliers reached within 30 minutes"));
        // The whole network: the box of its hubs.
        if (!s.hubs.empty()) {
            GeoPoint lo = s.hubs.front().position, hi = lo;
            for (const Hub& h : s.hubs) {
                lo = {std::min(lo.lat_deg, h.position.lat_deg), std::min(lo.lon_deg, h.position.lon_deg)};
                hi = {std::max(hi.lat_deg, h.position.lat_deg), std::max(hi.lon_deg, h.position.lon_deg)};
            }
            frame_pair(step, lo, hi);
        }
        if (!day) {
            say(step, N_("simulate the day to measure it"));
        } else {
            size_t delivered = 0, within = 0;
            for (const DeliveryResult& d : day->deliveries) {
                if (!d.delivered) continue;
                ++delivered;
                if (d.delivered_s - d.ready_s <= 1800) ++within;
            }
            if (delivered == 0) {
                say(step, N_("nothing was delivered on the simulated day"));
            } else {
                step.value = double(within) / double(delivered);
                step.verdict = day->kpis.p50_delivery_s <= 1800 ? TourVerdict::Meets : TourVerdict::Misses;
                say(step, N_("%s delivered: %s %% of the simulated day's deliveries arrived within 30 minutes of the order (median %s min)"),
                    {std::to_string(delivered), num(100 * step.value), num(day->kpis.p50_delivery_s / 60)});
            }
        }
        steps.push_back(step);
    }
    {
        TourStep step = make_step("qianhai", N_("Qianhai's low-altitude hub"),
                      N_("Qianhai's three-dimensional hub: logistics, inspection, tourism, cross-border delivery and emergency rescue"));
        const Hub* q = s.find_hub("qianhai-hub");
        if (!q) {
            say(step, N_("this scenario has no hub \"%s\""), {"qianhai-hub"});
        } else {
            step.at = q->position;
            step.span_m = 16000;
            step.view3d = true;
            // The corridors whose ends the compiled scenario snapped to its node.
            const int node = compiled.node_index(q->id);
            int corridors = 0;
            for (const LocalCorridor& c : compiled.corridors()) corridors += c.start_node == node || c.end_node == node ? 1 : 0;
            step.value = corridors;
            const auto from_here = [&](const auto& list) { return double(std::count_if(list.begin(), list.end(), [&](const auto& o) { return o.hub == q->id; })); };
            say(step, N_("%s corridors meet here, with %s inspections and %s sightseeing loops flown from it (validated as they fly); lowsky also plans its cross-border route and emergency flights that pre-empt deliveries"),
                {std::to_string(corridors), num(from_here(s.inspections)), num(from_here(s.sightseeing))});
            if (day && day->kpis.emergency.orders > 0)
                say(step, N_(" (the day's %s: response median %s min, longest %s min)"),
                    {std::to_string(day->kpis.emergency.orders), num(day->kpis.emergency.p50_response_s / 60), num(day->kpis.emergency.max_response_s / 60)});
            if (day && day->kpis.sightseeing.departures > 0)
                say(step, N_("; %s of the day's %s sightseeing departures flown"), {std::to_string(day->kpis.sightseeing.flown), std::to_string(day->kpis.sightseeing.departures)});
        }
        steps.push_back(step);
    }
    {
        TourStep step = make_step("hong-kong", N_("Across the border to Hong Kong"), N_("Cross-border logistics from Qianhai into Hong Kong, with the approval a crossing needs"));
        const Hub* a = s.find_hub("qianhai-hub");
        const Hub* b = s.find_hub("lau-fau-shan");
        if (!a || !b) {
            say(step, N_("this scenario has no hub \"%s\""), {a ? "lau-fau-shan" : "qianhai-hub"});
        } else {
            frame_pair(step, a->position, b->position);
            const auto route = quickest(compiled, network, a->id, b->id);
            if (!route) {
                say(step, N_("no drone type has a mission across that the safety gate passes"));
            } else {
                const auto crossings = route_crossings(route->route, s);
                bool approved = !crossings.empty();
                step.value = double(crossings.size());
                for (const RouteCrossing& c : crossings) approved = approved && !c.approval.empty();
                step.verdict = approved ? TourVerdict::Meets : TourVerdict::Misses;
                say(step, N_("%s: delivered in %s min; "), {route->type, num(route->gate.delivered_s / 60)});
                if (crossings.empty()) say(step, N_("the route crosses no border"));
                for (size_t i = 0; i < crossings.size(); ++i) {
                    const RouteCrossing& c = crossings[i];
                    if (i > 0) say(step, "; ");
                    if (c.approval.empty()) say(step, N_("%s to %s in %s without an approval"), {jurisdiction_name(c.from), jurisdiction_name(c.to), c.corridor});
                    else say(step, N_("%s to %s in %s under %s"), {jurisdiction_name(c.from), jurisdiction_name(c.to), c.corridor, c.approval});
                }
            }
        }
        steps.push_back(step);
    }
    return steps;
}

}  // namespace lowsky
