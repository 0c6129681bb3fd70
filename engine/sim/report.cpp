#include "sim/report.h"

#include <cstdio>

namespace lowsky {

namespace {
std::string num(double v, int decimals = 1) {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}
// Who was in an encounter: the drone and the order of each of its two flights.
struct Party {
    std::string drone, order;
};
Party party(const SimResult& r, int flight) {
    const SimFlight& f = r.flights[size_t(flight)];
    Party p{r.drones[size_t(f.drone)].id, ""};
    if (f.order >= 0 && size_t(f.order) < r.deliveries.size()) p.order = r.deliveries[size_t(f.order)].order;
    return p;
}

Json encounters_json(const SimResult& r, const std::vector<EncounterResult>& list) {
    Json out = Json::array();
    for (const auto& e : list) {
        const Party a = party(r, e.flight_a), b = party(r, e.flight_b);
        out.push_back({{"drone_a", a.drone}, {"order_a", a.order}, {"drone_b", b.drone}, {"order_b", b.order}, {"start_s", e.start_s}, {"end_s", e.end_s},
                       {"closest_s", e.closest_s}, {"horizontal_m", e.horizontal_m}, {"vertical_m", e.vertical_m}, {"predicted_m", e.predicted_m}, {"lat_deg", e.where.lat_deg},
                       {"lon_deg", e.where.lon_deg}, {"height_amsl_m", e.height.m}});
    }
    return out;
}
}  // namespace

const char* dispatch_name(DispatchPolicy p) { return p == DispatchPolicy::SmallestBattery ? "smallest-battery" : "least-energy"; }
const char* energy_model_name(const std::optional<EnergyModelKind>& m) {
    return !m ? "per type" : *m == EnergyModelKind::Stolaroff ? "stolaroff" : "dorling";
}

Json sim_report_json(const SimResult& r, const SimConfig& cfg) {
    const Kpis& k = r.kpis;
    Json kpis{{"orders", k.orders}, {"delivered", k.delivered}, {"pending", k.pending}, {"undeliverable", k.undeliverable},
              {"on_time_share", k.on_time_share}, {"p50_delivery_s", k.p50_delivery_s}, {"p95_delivery_s", k.p95_delivery_s},
              {"energy_per_parcel_wh", k.energy_per_parcel_wh}, {"energy_per_km_wh", k.energy_per_km_wh}, {"conflicts", k.conflicts},
              {"losses_of_separation", k.losses_of_separation}, {"flights", k.flights}};
    // Emergency orders, apart from the deliveries' figures (only on a day that has any).
    if (k.emergency.orders > 0)
        kpis["emergency"] = {{"orders", k.emergency.orders}, {"delivered", k.emergency.delivered}, {"p50_response_s", k.emergency.p50_response_s},
                             {"p95_response_s", k.emergency.p95_response_s}, {"max_response_s", k.emergency.max_response_s},
                             {"preempted", k.emergency.preempted}, {"gave_way", k.emergency.gave_way}};
    // Temporary restrictions (only on a day that has any).
    if (!r.restrictions.empty()) {
        const RestrictionKpis& x = k.restrictions;
        kpis["restrictions"] = {{"replanned", x.replanned}, {"rerouted", x.rerouted}, {"delayed", x.delayed}, {"cancelled", x.cancelled},
                                {"diverted", x.diverted}, {"airborne_through", x.airborne_through}};
    }
    // Sightseeing loops (only on a day that has departures).
    if (!r.tours.empty()) {
        const TourKpis& x = k.sightseeing;
        kpis["sightseeing"] = {{"departures", x.departures}, {"flown", x.flown}, {"cancelled", x.cancelled}, {"late", x.late}, {"max_late_s", x.max_late_s}};
    }
    Json tours = Json::array();
    for (const TourDeparture& d : r.tours) {
        Json j{{"loop", d.loop}, {"scheduled_s", d.scheduled_s}, {"flown", d.flown}};
        if (d.flown) j.update({{"takeoff_s", d.takeoff_s}, {"landed_s", d.landed_s}, {"late_s", d.late_s()}, {"drone", d.drone}});
        else j["reason"] = d.reason;
        tours.push_back(j);
    }
    Json deliveries = Json::array();
    for (const auto& d : r.deliveries) {
        Json j{{"order", d.order}, {"from", d.from}, {"to", d.to}, {"mass_kg", d.mass_kg}, {"ready_s", d.ready_s}, {"promise_s", d.promise_s},
               {"delivered", d.delivered}};
        if (d.emergency) j["emergency"] = true;
        if (d.called_off > 0) j["called_off"] = d.called_off;
        if (d.wait_restriction_s > 0) j["wait_restriction_s"] = d.wait_restriction_s;
        if (d.delivered) {
            j.update({{"dispatched_s", d.dispatched_s}, {"takeoff_s", d.takeoff_s}, {"delivered_s", d.delivered_s}, {"on_time", d.on_time()},
                      {"wait_s", {{"drone", d.wait_drone_s}, {"battery", d.wait_battery_s}, {"pad", d.wait_pad_s}, {"deconfliction", d.wait_deconfliction_s}}},
                      {"flight_s", d.flight_s}, {"energy_wh", d.energy_wh}, {"drone", d.drone}});
        } else {
            j["reason"] = d.reason;
        }
        deliveries.push_back(j);
    }
    Json drones = Json::array();
    for (const auto& d : r.drones)
        drones.push_back({{"id", d.id}, {"type", d.type}, {"hub", d.hub}, {"flights", d.flights}, {"airborne_s", d.airborne_s},
                          {"utilisation", d.utilisation}, {"energy_wh", d.energy_wh}, {"distance_m", d.distance_m}});
    Json hubs = Json::array();
    for (const auto& h : r.hubs) {
        Json waiting = Json::array(), pad_queue = Json::array(), charging = Json::array();
        for (const HubSample& q : h.series) {
            waiting.push_back(q.waiting);
            pad_queue.push_back(q.pad_queue);
            charging.push_back(q.charging);
        }
        hubs.push_back({{"id", h.id}, {"takeoffs", h.takeoffs}, {"landings", h.landings}, {"pad_wait_s", h.pad_wait_s}, {"max_pad_wait_s", h.max_pad_wait_s},
                        {"energy_wait_s", h.energy_wait_s}, {"series", {{"waiting", waiting}, {"pad_queue", pad_queue}, {"charging", charging}}}});
    }
    Json corridors = Json::array();
    for (const auto& c : r.corridors) corridors.push_back({{"id", c.id}, {"flights", c.flights}});
    Json series = Json::array();
    for (const auto& p : r.series) series.push_back({{"t_s", p.t_s}, {"airborne", p.airborne}, {"delivered", p.delivered}, {"waiting", p.waiting}});
    Json findings = Json::array();
    for (const auto& f : r.findings) findings.push_back({{"check", f.check}, {"severity", to_string(f.severity)}, {"message", f.message}});
    Json settings{{"demand_scale", cfg.demand_scale},
                  {"dispatch", dispatch_name(cfg.dispatch)}, {"energy_model", energy_model_name(cfg.energy_model)},
                  {"firmware", cfg.firmware == Firmware::Px4 ? "px4" : "ardupilot"}, {"lane_headway_s", cfg.lane_headway_s},
                  {"conflict_radius_m", cfg.conflict_radius_m}, {"conflict_vertical_m", cfg.conflict_vertical_m}, {"lookahead_s", cfg.lookahead_s}};
    Json out{{"format", "lowsky-simulation"}, {"version", 1}, {"hours", cfg.hours}, {"seed", cfg.seed}, {"settings", settings}, {"kpis", kpis}, {"findings", findings},
                {"deliveries", deliveries}, {"drones", drones}, {"hubs", hubs}, {"corridors", corridors}, {"series", series},
                {"conflicts", encounters_json(r, r.conflicts)}, {"losses_of_separation", encounters_json(r, r.losses)}};
    if (!r.tours.empty()) out["sightseeing"] = tours;
    return out;
}

std::string sim_report_text(const SimResult& r, const SimConfig& cfg) {
    return sim_report_json(r, cfg).dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string deliveries_csv(const SimResult& r) {
    std::string out = "order,from,to,mass_kg,ready_s,promise_s,delivered,dispatched_s,takeoff_s,delivered_s,on_time,wait_drone_s,wait_battery_s,wait_pad_s,wait_deconfliction_s,flight_s,energy_wh,drone,reason\n";
    for (const auto& d : r.deliveries) {
        out += d.order + "," + d.from + "," + d.to + "," + num(d.mass_kg, 2) + "," + num(d.ready_s) + "," + num(d.promise_s) + "," + (d.delivered ? "1" : "0") + ",";
        if (d.delivered) {
            out += num(d.dispatched_s) + "," + num(d.takeoff_s) + "," + num(d.delivered_s) + "," + (d.on_time() ? "1" : "0") + "," + num(d.wait_drone_s) + "," +
                   num(d.wait_battery_s) + "," + num(d.wait_pad_s) + "," + num(d.wait_deconfliction_s) + "," + num(d.flight_s) + "," + num(d.energy_wh) + "," + d.drone + ",\n";
        } else {
            std::string reason = d.reason;
            for (char& c : reason) if (c == ',' || c == '"') c = ';';
            out += ",,,,,,,,,,," + reason + "\n";
        }
    }
    return out;
}

std::string drones_csv(const SimResult& r) {
    std::string out = "drone,type,hub,flights,airborne_s,utilisation,energy_wh,distance_m\n";
    for (const auto& d : r.drones)
        out += d.id + "," + d.type + "," + d.hub + "," + std::to_string(d.flights) + "," + num(d.airborne_s) + "," + num(d.utilisation, 4) + "," + num(d.energy_wh) + "," + num(d.distance_m) + "\n";
    return out;
}

std::string hubs_csv(const SimResult& r) {
    std::string out = "hub,takeoffs,landings,pad_wait_s,max_pad_wait_s,energy_wait_s\n";
    for (const auto& h : r.hubs)
        out += h.id + "," + std::to_string(h.takeoffs) + "," + std::to_string(h.landings) + "," + num(h.pad_wait_s) + "," + num(h.max_pad_wait_s) + "," + num(h.energy_wait_s) + "\n";
    return out;
}

std::string corridors_csv(const SimResult& r) {
    std::string out = "corridor,flights\n";
    for (const auto& c : r.corridors) out += c.id + "," + std::to_string(c.flights) + "\n";
    return out;
}

std::string series_csv(const SimResult& r) {
    std::string out = "t_s,airborne,delivered,waiting\n";
    for (const auto& p : r.series) out += num(p.t_s, 0) + "," + std::to_string(p.airborne) + "," + std::to_string(p.delivered) + "," + std::to_string(p.waiting) + "\n";
    return out;
}

std::string encounters_csv(const SimResult& r) {
    std::string out = "kind,drone_a,order_a,drone_b,order_b,start_s,end_s,closest_s,horizontal_m,vertical_m,predicted_m,lat_deg,lon_deg,height_amsl_m\n";
    const auto rows = [&](const char* kind, const std::vector<EncounterResult>& list) {
        for (const auto& e : list) {
            const Party a = party(r, e.flight_a), b = party(r, e.flight_b);
            out += std::string(kind) + "," + a.drone + "," + a.order + "," + b.drone + "," + b.order + "," + num(e.start_s) + "," + num(e.end_s) + "," +
                   num(e.closest_s) + "," + num(e.horizontal_m) + "," + num(e.vertical_m) + "," + num(e.predicted_m) + "," + num(e.where.lat_deg, 7) + "," + num(e.where.lon_deg, 7) + "," +
                   num(e.height.m) + "\n";
        }
    };
    rows("conflict", r.conflicts);
    rows("loss_of_separation", r.losses);
    return out;
}

const SimTable kSimTables[6] = {{"deliveries.csv", deliveries_csv}, {"drones.csv", drones_csv},   {"hubs.csv", hubs_csv},
                                 {"corridors.csv", corridors_csv},   {"series.csv", series_csv},   {"encounters.csv", encounters_csv}};

}  // namespace lowsky
