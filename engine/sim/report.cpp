#include "sim/report.h"

#include <algorithm>
#include <cstdio>

#include "core/json_write.h"
#include "core/numbers.h"

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

namespace {

void write_encounters(JsonDumpWriter& w, const SimResult& r, const std::vector<EncounterResult>& list) {
    w.begin_array();
    for (const auto& e : list) {
        const Party a = party(r, e.flight_a), b = party(r, e.flight_b);
        w.begin_object();
        w.member("closest_s", e.closest_s);
        w.member("drone_a", a.drone);
        w.member("drone_b", b.drone);
        w.member("end_s", e.end_s);
        w.member("height_amsl_m", e.height.m);
        w.member("horizontal_m", e.horizontal_m);
        w.member("lat_deg", e.where.lat_deg);
        w.member("lon_deg", e.where.lon_deg);
        w.member("order_a", a.order);
        w.member("order_b", b.order);
        w.member("predicted_m", e.predicted_m);
        w.member("start_s", e.start_s);
        w.member("vertical_m", e.vertical_m);
        w.end_object();
    }
    w.end_array();
}

void write_kpis(JsonDumpWriter& w, const SimResult& r) {
    const Kpis& k = r.kpis;
    w.begin_object();
    w.member("conflicts", k.conflicts);
    w.member("delivered", k.delivered);
    if (k.emergency.orders > 0) {
        const EmergencyKpis& x = k.emergency;
        w.key("emergency").begin_object();
        w.member("delivered", x.delivered);
        w.member("gave_way", x.gave_way);
        w.member("max_response_s", x.max_response_s);
        w.member("orders", x.orders);
        w.member("p50_response_s", x.p50_response_s);
        w.member("p95_response_s", x.p95_response_s);
        w.member("preempted", x.preempted);
        w.end_object();
    }
    w.member("energy_per_km_wh", k.energy_per_km_wh);
    w.member("energy_per_parcel_wh", k.energy_per_parcel_wh);
    w.member("flights", k.flights);
    w.member("losses_of_separation", k.losses_of_separation);
    w.member("on_time_share", k.on_time_share);
    w.member("orders", k.orders);
    w.member("p50_delivery_s", k.p50_delivery_s);
    w.member("p95_delivery_s", k.p95_delivery_s);
    w.member("pending", k.pending);
    if (!r.restrictions.empty()) {
        const RestrictionKpis& x = k.restrictions;
        w.key("restrictions").begin_object();
        w.member("airborne_through", x.airborne_through);
        w.member("cancelled", x.cancelled);
        w.member("delayed", x.delayed);
        w.member("diverted", x.diverted);
        w.member("replanned", x.replanned);
        w.member("rerouted", x.rerouted);
        w.end_object();
    }
    if (!r.tours.empty()) {
        const TourKpis& x = k.sightseeing;
        w.key("sightseeing").begin_object();
        w.member("cancelled", x.cancelled);
        w.member("departures", x.departures);
        w.member("flown", x.flown);
        w.member("late", x.late);
        w.member("max_late_s", x.max_late_s);
        w.end_object();
    }
    w.member("undeliverable", k.undeliverable);
    w.end_object();
}

void write_delivery(JsonDumpWriter& w, const DeliveryResult& d) {
    w.begin_object();
    if (d.called_off > 0) w.member("called_off", d.called_off);
    w.member("delivered", d.delivered);
    if (d.delivered) {
        w.member("delivered_s", d.delivered_s);
        w.member("dispatched_s", d.dispatched_s);
        w.member("drone", d.drone);
    }
    if (d.emergency) w.member("emergency", true);
    if (d.delivered) {
        w.member("energy_wh", d.energy_wh);
        w.member("flight_s", d.flight_s);
    }
    w.member("from", d.from);
    w.member("mass_kg", d.mass_kg);
    if (d.delivered) w.member("on_time", d.on_time());
    w.member("order", d.order);
    w.member("promise_s", d.promise_s);
    w.member("ready_s", d.ready_s);
    if (!d.delivered) w.member("reason", d.reason);
    if (d.delivered) w.member("takeoff_s", d.takeoff_s);
    w.member("to", d.to);
    if (d.wait_restriction_s > 0) w.member("wait_restriction_s", d.wait_restriction_s);
    if (d.delivered) {
        w.key("wait_s").begin_object();
        w.member("battery", d.wait_battery_s);
        w.member("deconfliction", d.wait_deconfliction_s);
        w.member("drone", d.wait_drone_s);
        w.member("pad", d.wait_pad_s);
        w.end_object();
    }
    w.end_object();
}

void write_hub(JsonDumpWriter& w, const HubResult& h) {
    w.begin_object();
    w.member("energy_wait_s", h.energy_wait_s);
    w.member("id", h.id);
    w.member("landings", h.landings);
    w.member("max_pad_wait_s", h.max_pad_wait_s);
    w.member("pad_wait_s", h.pad_wait_s);
    w.key("series").begin_object();
    const auto column = [&](const char* name, int HubSample::*field) {
        w.key(name).begin_array();
        for (const HubSample& q : h.series) w.value(q.*field);
        w.end_array();
    };
    column("charging", &HubSample::charging);
    column("pad_queue", &HubSample::pad_queue);
    column("waiting", &HubSample::waiting);
    w.end_object();
    w.member("takeoffs", h.takeoffs);
    w.end_object();
}

}  // namespace

// The bytes of sim_report_json(r, cfg).dump(1, ' ', false, replace) and a new line, written
// without the tree (a test holds the two to the same bytes on days with every optional part).
std::string sim_report_text(const SimResult& r, const SimConfig& cfg) {
    std::string out;
    out.reserve(256 * (r.deliveries.size() + r.conflicts.size() + r.losses.size()) + 4096);
    JsonDumpWriter w(out, 1);
    w.begin_object();
    w.key("conflicts");
    write_encounters(w, r, r.conflicts);
    w.key("corridors").begin_array();
    for (const auto& c : r.corridors) {
        w.begin_object();
        w.member("flights", c.flights);
        w.member("id", c.id);
        w.end_object();
    }
    w.end_array();
    w.key("deliveries").begin_array();
    for (const auto& d : r.deliveries) write_delivery(w, d);
    w.end_array();
    w.key("drones").begin_array();
    for (const auto& d : r.drones) {
        w.begin_object();
        w.member("airborne_s", d.airborne_s);
        w.member("distance_m", d.distance_m);
        w.member("energy_wh", d.energy_wh);
        w.member("flights", d.flights);
        w.member("hub", d.hub);
        w.member("id", d.id);
        w.member("type", d.type);
        w.member("utilisation", d.utilisation);
        w.end_object();
    }
    w.end_array();
    w.key("findings").begin_array();
    for (const auto& f : r.findings) {
        w.begin_object();
        w.member("check", f.check);
        w.member("message", f.message);
        w.member("severity", to_string(f.severity));
        w.end_object();
    }
    w.end_array();
    w.member("format", "lowsky-simulation");
    w.member("hours", cfg.hours);
    w.key("hubs").begin_array();
    for (const auto& h : r.hubs) write_hub(w, h);
    w.end_array();
    w.key("kpis");
    write_kpis(w, r);
    w.key("losses_of_separation");
    write_encounters(w, r, r.losses);
    w.member("seed", unsigned(cfg.seed));
    w.key("series").begin_array();
    for (const auto& p : r.series) {
        w.begin_object();
        w.member("airborne", p.airborne);
        w.member("delivered", p.delivered);
        w.member("t_s", p.t_s);
        w.member("waiting", p.waiting);
        w.end_object();
    }
    w.end_array();
    w.key("settings").begin_object();
    w.member("conflict_radius_m", cfg.conflict_radius_m);
    w.member("conflict_vertical_m", cfg.conflict_vertical_m);
    w.member("demand_scale", cfg.demand_scale);
    w.member("dispatch", dispatch_name(cfg.dispatch));
    w.member("energy_model", energy_model_name(cfg.energy_model));
    w.member("firmware", cfg.firmware == Firmware::Px4 ? "px4" : "ardupilot");
    w.member("lane_headway_s", cfg.lane_headway_s);
    w.member("lookahead_s", cfg.lookahead_s);
    w.end_object();
    if (!r.tours.empty()) {
        w.key("sightseeing").begin_array();
        for (const TourDeparture& d : r.tours) {
            w.begin_object();
            if (d.flown) {
                w.member("drone", d.drone);
                w.member("flown", d.flown);
                w.member("landed_s", d.landed_s);
                w.member("late_s", d.late_s());
                w.member("loop", d.loop);
                w.member("scheduled_s", d.scheduled_s);
                w.member("takeoff_s", d.takeoff_s);
            } else {
                w.member("flown", d.flown);
                w.member("loop", d.loop);
                w.member("reason", d.reason);
                w.member("scheduled_s", d.scheduled_s);
            }
            w.end_object();
        }
        w.end_array();
    }
    w.member("version", 1);
    w.end_object();
    out += '\n';
    return out;
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
