#include "view/tour.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "airspace/jurisdiction.h"
#include "geo/geodesy.h"
#include "mission/exporters.h"

namespace lowsky {

namespace {

std::string format(const char* f, double a, double b = 0, double c = 0) {
    char text[256];
    std::snprintf(text, sizeof text, f, a, b, c);
    return text;
}

// The map's view of two places: their middle, showing the ground between them.
void frame_pair(TourStep& step, GeoPoint a, GeoPoint b) {
    step.at = {(a.lat_deg + b.lat_deg) / 2, (a.lon_deg + b.lon_deg) / 2};
    step.span_m = std::max(1000.0, geodesy::distance_m(a, b));
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
        step.figure = "this scenario has no hub \"" + (a ? to : from) + "\"";
        return step;
    }
    frame_pair(step, a->position, b->position);
    const auto q = quickest(compiled, network, from, to);
    if (!q) {
        step.figure = "no drone type has a mission between them that the safety gate passes";
        return step;
    }
    step.value = round_trip ? q->gate.time_s : q->gate.delivered_s;
    step.verdict = step.value <= limit_s ? TourVerdict::Meets : TourVerdict::Misses;
    step.figure = q->type + format(": %.1f km, delivered in %.0f min, back home in %.0f min", q->route.distance_m / 1000, q->gate.delivered_s / 60,
                                   q->gate.time_s / 60);
    return step;
}

}  // namespace

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
    steps.push_back(route_step(compiled, network, "baoan-songshan", "Bao'an to Songshan Lake", "Bao'an to Songshan Lake (Dongguan) within one hour",
                               "baoan-ops", "songshan-lake", 3600, false));
    steps.push_back(route_step(compiled, network, "xiangzhou-dongao", "Xiangzhou Port to Dong'ao Island", "Zhuhai's Xiangzhou Port to Dong'ao Island in 25 minutes",
                               "xiangzhou-port", "dongao-island", 25 * 60, false));
    steps.push_back(route_step(compiled, network, "guzhen-xinhui", "Guzhen to Xinhui and back", "Guzhen (Zhongshan) to Xinhui (Jiangmen) and back within a day",
                               "guzhen", "xinhui", 24 * 3600, true));
    {
        TourStep step = make_step("pads", "A hub's pads at the peak", "A dozen drones taking off and landing at one hub within minutes");
        step.at = s.hubs.empty() ? GeoPoint{22.55, 113.9} : s.hubs.front().position;
        step.span_m = 8000;
        step.view3d = true;
        if (!day) {
            step.figure = "simulate the day to measure it";
        } else {
            const PadRush rush = busiest_pads(*day, s.hubs.size(), 600);
            if (rush.hub >= 0) {
                step.at = s.hubs[size_t(rush.hub)].position;
                step.value = rush.movements;
                step.time_s = rush.start_s + 300;  // the middle of its ten minutes
                step.verdict = rush.movements >= 12 ? TourVerdict::Meets : TourVerdict::Misses;
                const int minutes = int(rush.start_s / 60);
                char text[200];
                std::snprintf(text, sizeof text, "%d take-offs and landings at %s within 10 minutes from %02d:%02d on the simulated day", rush.movements,
                              s.hubs[size_t(rush.hub)].name.c_str(), minutes / 60 % 24, minutes % 60);
                step.figure = text;
            } else {
                step.figure = "the simulated day has no flights";
            }
        }
        steps.push_back(step);
    }
    {
        TourStep step = make_step("thirty-minutes", "Suppliers within half an hour", "Suppliers reached within 30 minutes");
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
            step.figure = "simulate the day to measure it";
        } else {
            size_t delivered = 0, within = 0;
            for (const DeliveryResult& d : day->deliveries) {
                if (!d.delivered) continue;
                ++delivered;
                if (d.delivered_s - d.ready_s <= 1800) ++within;
            }
            if (delivered == 0) {
                step.figure = "nothing was delivered on the simulated day";
            } else {
                step.value = double(within) / double(delivered);
                step.verdict = day->kpis.p50_delivery_s <= 1800 ? TourVerdict::Meets : TourVerdict::Misses;
                step.figure = format("%.0f delivered: %.0f %% of the simulated day's deliveries arrived within 30 minutes of the order (median %.0f min)",
                                     double(delivered), 100 * step.value, day->kpis.p50_delivery_s / 60);
            }
        }
        steps.push_back(step);
    }
    {
        TourStep step = make_step("qianhai", "Qianhai's low-altitude hub",
                      "Qianhai's three-dimensional hub: logistics, inspection, tourism, cross-border delivery and emergency rescue");
        const Hub* q = s.find_hub("qianhai-hub");
        if (!q) {
            step.figure = "this scenario has no hub \"qianhai-hub\"";
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
            step.figure = std::to_string(corridors) + " corridors meet here" +
                          format(", with %.0f inspections and %.0f sightseeing loops flown from it (validated as they fly); ", from_here(s.inspections), from_here(s.sightseeing)) +
                          "lowsky also plans its cross-border route and emergency flights that pre-empt deliveries";
            if (day && day->kpis.emergency.orders > 0)
                step.figure += format(" (the day's %.0f: response median %.0f min, longest %.0f min)", double(day->kpis.emergency.orders),
                                      day->kpis.emergency.p50_response_s / 60, day->kpis.emergency.max_response_s / 60);
            if (day && day->kpis.sightseeing.departures > 0)
                step.figure += format("; %.0f of the day's %.0f sightseeing departures flown", double(day->kpis.sightseeing.flown), double(day->kpis.sightseeing.departures));
        }
        steps.push_back(step);
    }
    {
        TourStep step = make_step("hong-kong", "Across the border to Hong Kong", "Cross-border logistics from Qianhai into Hong Kong, with the approval a crossing needs");
        const Hub* a = s.find_hub("qianhai-hub");
        const Hub* b = s.find_hub("lau-fau-shan");
        if (!a || !b) {
            step.figure = std::string("this scenario has no hub \"") + (a ? "lau-fau-shan" : "qianhai-hub") + "\"";
        } else {
            frame_pair(step, a->position, b->position);
            const auto route = quickest(compiled, network, a->id, b->id);
            if (!route) {
                step.figure = "no drone type has a mission across that the safety gate passes";
            } else {
                const auto crossings = route_crossings(route->route, s);
                bool approved = !crossings.empty();
                std::string list;
                for (const RouteCrossing& c : crossings) {
                    approved = approved && !c.approval.empty();
                    list += std::string(list.empty() ? "" : "; ") + jurisdiction_name(c.from) + " to " + jurisdiction_name(c.to) + " in " + c.corridor +
                            (c.approval.empty() ? " without an approval" : " under " + c.approval);
                }
                step.value = double(crossings.size());
                step.verdict = approved ? TourVerdict::Meets : TourVerdict::Misses;
                step.figure = route->type + format(": delivered in %.0f min; ", route->gate.delivered_s / 60) +
                              (crossings.empty() ? std::string("the route crosses no border") : list);
            }
        }
        steps.push_back(step);
    }
    return steps;
}

}  // namespace lowsky
