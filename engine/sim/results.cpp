#include "sim/results.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>

#include "core/numbers.h"
#include "sim/conflict_scan.h"

namespace lowsky {

// What the results carry from one slice to the next.
struct ResultBuilder::State {
    State(DayRecord record, double end_s) : day(record), end(end_s) {}
    DayRecord day;
    double end;
    SimResult r;
    std::vector<double> delivery_times, response_times;
    double energy = 0, distance = 0;
    std::map<std::pair<std::string, std::string>, std::pair<int, std::string>> unserved;  // (from, to) -> count, reason
    size_t next_order = 0;
    std::vector<int> airborne;  // the series' changes in airborne drones, per step
    size_t next_flight = 0;     // the next flight they count
    size_t counted_flights = 0; // flights counted to their drones, corridors and hubs
    size_t ordered_drones = 0;  // drones whose flights are in order of take-off
    int last_step = 0;
    bool begun = false, done = false;
};

namespace {

constexpr size_t kOrdersPerPauseCheck = 2048;
constexpr size_t kFlightsPerPauseCheck = 8192;  // the series' pass over their tracks
constexpr size_t kFlightsPerCount = 32768;      // flights counted to their drones, corridors and hubs
constexpr size_t kDronesPerOrdering = 256;      // drones whose flights are put in order
constexpr size_t kEncountersPerPauseCheck = 2048;

// The time series' samples: every series step from 0 to the end, and the first at or after t.
struct SeriesSteps {
    size_t count;
    double step_s;
    explicit SeriesSteps(const ResultBuilder::State& acc);
    size_t at_or_after(double t) const { return std::min(count, size_t(std::max(0.0, std::ceil(t / step_s)))); }
};

// The hubs', corridors' and drones' tables, and the flights taken over.
void begin(ResultBuilder::State& acc) {
    DayRecord& day = acc.day;
    SimResult& r = acc.r;
    r.flights = std::move(day.flights);
    const Scenario& s = day.scenario;
    for (const auto& h : s.hubs) r.hubs.push_back({h.id, 0, 0, 0, 0, 0, {}});
    for (size_t h = 0; h < s.hubs.size(); ++h) {
        r.hubs[h].pad_wait_s = day.hub_waits[h].pad;
        r.hubs[h].max_pad_wait_s = day.hub_waits[h].max_pad;
        r.hubs[h].energy_wait_s = day.hub_waits[h].energy;
    }
    for (const auto& c : s.corridors) r.corridors.push_back({c.id, 0});
    for (const auto& d : day.drones) {
        DroneResult dr;
        dr.id = d.id;
        dr.type = day.types[size_t(d.type)].id;
        dr.hub = s.hubs[size_t(d.base)].id;
        dr.hub_index = d.base;
        dr.battery_wh = day.types[size_t(d.type)].battery_wh;
        r.drones.push_back(dr);
    }
    r.deliveries.reserve(day.orders.size());
    acc.delivery_times.reserve(day.orders.size());
}

// Flights [from, to), in order: what each drone, corridor and hub did, and the day's sums.
void count_flights(ResultBuilder::State& acc, size_t from, size_t to) {
    SimResult& r = acc.r;
    for (size_t fi = from; fi < to; ++fi) {
        const SimFlight& f = r.flights[fi];
        DroneResult& dr = r.drones[size_t(f.drone)];
        dr.flight_indices.push_back(int(fi));
        ++dr.flights;
        dr.airborne_s += f.landed_s - f.takeoff_s;
        dr.energy_wh += f.energy_wh;
        dr.distance_m += f.distance_m;
        for (int c : f.corridors) ++r.corridors[size_t(c)].flights;
        ++r.hubs[size_t(f.start_hub)].takeoffs;
        ++r.hubs[size_t(f.end_hub)].landings;
        if (f.sightseeing >= 0) continue;  // the deliveries' energy and distance leave the loops out
        acc.energy += f.energy_wh;
        acc.distance += f.distance_m;
    }
}

// Drones [from, to): their utilisation, and their flights in order of take-off.
void order_drone_flights(ResultBuilder::State& acc, size_t from, size_t to) {
    SimResult& r = acc.r;
    for (size_t d = from; d < to; ++d) {
        DroneResult& dr = r.drones[d];
        dr.utilisation = dr.airborne_s / acc.end;
        std::sort(dr.flight_indices.begin(), dr.flight_indices.end(), [&](int a, int b) { return r.flights[size_t(a)].takeoff_s < r.flights[size_t(b)].takeoff_s; });
    }
}

// Orders [from, to): their deliveries and what the figures count of them.
void deliveries(ResultBuilder::State& acc, size_t from, size_t to) {
    const DayRecord& day = acc.day;
    const Scenario& s = day.scenario;
    SimResult& r = acc.r;
    for (size_t i = from; i < to; ++i) {
        const SimOrder& o = day.orders[i];
        const OrderState& st = day.states[i];
        DeliveryResult d;
        d.order = o.id;
        d.from = s.hubs[size_t(o.from)].id;
        d.to = s.hubs[size_t(o.to)].id;
        d.mass_kg = o.mass_kg;
        d.ready_s = o.ready_s;
        d.promise_s = o.promise_s;
        d.wait_drone_s = st.wait_drone;
        d.wait_battery_s = st.wait_battery;
        d.emergency = o.emergency;
        d.called_off = st.called_off;
        d.wait_restriction_s = st.held_s;
        if (st.done) {
            const SimFlight& f = r.flights[size_t(st.flight)];
            d.delivered = true;
            d.dispatched_s = st.dispatched;
            d.takeoff_s = st.takeoff;
            d.delivered_s = f.delivered_s;
            d.wait_pad_s = st.first_pad_slot - st.dispatched;
            d.wait_deconfliction_s = st.takeoff - st.first_pad_slot;
            d.flight_s = f.delivered_s - f.takeoff_s;
            d.energy_wh = f.energy_wh;
            d.drone = r.drones[size_t(f.drone)].id;
        } else {
            d.reason = st.undeliverable || st.gave_up ? (day.reasons.count(i) ? day.reasons.at(i) : "not delivered")
                                                      : "still waiting at the end of the simulated time";
        }
        const bool unservable = !d.delivered && (st.undeliverable || st.gave_up);
        if (unservable) {
            auto& u = acc.unserved[{d.from, d.to}];
            ++u.first;
            u.second = d.reason;
        }
        // Emergencies are counted apart: the deliveries' figures leave them out.
        if (o.emergency) {
            ++r.kpis.emergency.orders;
            if (d.delivered) acc.response_times.push_back(d.delivered_s - d.ready_s), ++r.kpis.emergency.delivered;
        } else if (d.delivered) {
            acc.delivery_times.push_back(d.delivered_s - d.ready_s);
            ++r.kpis.delivered;
            if (d.on_time()) r.kpis.on_time_share += 1;
        } else if (unservable) {
            ++r.kpis.undeliverable;
        } else {
            ++r.kpis.pending;
        }
        r.deliveries.push_back(std::move(d));
    }
}

// The value at index p × n of `values` in order (nearest rank, below): nth_element puts it
// there in linear time, where sorting a 100,000-order day's times took 5 ms in one step.
double percentile(std::vector<double>& values, double p) {
    const size_t k = std::min(values.size() - 1, size_t(p * double(values.size())));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
    return values[k];
}

// The findings and the figures, once every delivery is in.
void figures(ResultBuilder::State& acc) {
    const DayRecord& day = acc.day;
    const Scenario& s = day.scenario;
    SimResult& r = acc.r;
    auto& delivery_times = acc.delivery_times;
    auto& response_times = acc.response_times;
    for (const auto& [pair, u] : acc.unserved) {
        Finding f;
        f.check = "demand.unserviceable";
        f.severity = Severity::Error;
        f.object_kind = "hub";
        f.object = pair.second;
        f.other = pair.first;
        f.message = std::to_string(u.first) + " order(s) from " + pair.first + " to " + pair.second + " cannot be served: " + u.second;
        f.position = s.find_hub(pair.second)->position;
        r.findings.push_back(f);
    }
    r.kpis.orders = int(day.orders.size()) - r.kpis.emergency.orders;
    r.kpis.flights = int(r.flights.size());
    if (!response_times.empty()) {
        r.kpis.emergency.p50_response_s = percentile(response_times, 0.5);
        r.kpis.emergency.p95_response_s = percentile(response_times, 0.95);
        r.kpis.emergency.max_response_s = *std::max_element(response_times.begin(), response_times.end());
    }
    if (r.kpis.delivered > 0) {
        r.kpis.on_time_share /= r.kpis.delivered;
        r.kpis.p50_delivery_s = percentile(delivery_times, 0.5);
        r.kpis.p95_delivery_s = percentile(delivery_times, 0.95);
        r.kpis.energy_per_parcel_wh = acc.energy / (r.kpis.delivered + r.kpis.emergency.delivered);  // every parcel flown
    }
    if (acc.distance > 0) r.kpis.energy_per_km_wh = acc.energy / (acc.distance / 1000);
}

// Time series: airborne drones, deliveries so far, orders waiting, sampled every step.
// Each flight and order adds +1 where it starts and -1 where it ends; a running sum reads them.
// Flights [from, to) first (their tracks are most of the day's memory, a slice of it at a time).
void airborne_steps(ResultBuilder::State& acc, size_t from, size_t to) {
    const SimResult& r = acc.r;
    const SeriesSteps steps(acc);
    const auto first_step_at_or_after = [&](double t) { return steps.at_or_after(t); };
    auto& airborne = acc.airborne;
    if (airborne.empty()) airborne.assign(steps.count + 1, 0);
    for (size_t fi = from; fi < to; ++fi) {
        const SimFlight& f = r.flights[fi];
        ++airborne[first_step_at_or_after(f.takeoff_s)];   // takeoff <= t
        --airborne[first_step_at_or_after(f.landed_s)];    // t < landed
        // Less the time on the ground in between (a recharge or a wait at a pad), as drone_at
        // judges it: a stretch of track between two points on the ground, and before the first
        // or after the last point when that point is on the ground.
        const auto& tr = f.track;
        const auto on_ground = [&](double t0, double t1) {
            t0 = std::max(t0, f.takeoff_s), t1 = std::min(t1, f.landed_s);
            if (!(t0 < t1)) return;
            --airborne[first_step_at_or_after(t0)];
            ++airborne[first_step_at_or_after(t1)];
        };
        if (tr.empty()) continue;
        if (tr.front().on_ground) on_ground(f.takeoff_s, tr.front().t_s);
        for (size_t i = 0; i + 1 < tr.size(); ++i)
            if (tr[i].on_ground && tr[i + 1].on_ground) on_ground(tr[i].t_s, tr[i + 1].t_s);
        if (tr.back().on_ground) on_ground(tr.back().t_s, f.landed_s);
    }
}

void series(ResultBuilder::State& acc) {
    const DayRecord& day = acc.day;
    SimResult& r = acc.r;
    const SeriesSteps series_steps(acc);
    const size_t steps = series_steps.count;
    const auto first_step_at_or_after = [&](double t) { return series_steps.at_or_after(t); };
    if (acc.airborne.empty()) acc.airborne.assign(steps + 1, 0);  // a day without flights
    const auto& airborne = acc.airborne;
    std::vector<int> delivered(steps + 1, 0), waiting(steps + 1, 0);
    for (size_t i = 0; i < r.deliveries.size(); ++i) {
        const DeliveryResult& d = r.deliveries[i];
        if (d.delivered) ++delivered[first_step_at_or_after(d.delivered_s)];
        if (day.states[i].undeliverable || day.states[i].gave_up) continue;
        ++waiting[first_step_at_or_after(d.ready_s)];                    // ready <= t
        if (d.delivered) --waiting[first_step_at_or_after(d.takeoff_s)];  // until it takes off
    }
    int a = 0, dl = 0, w = 0;
    for (size_t k = 0; k < steps; ++k) {
        a += airborne[k];
        dl += delivered[k];
        w += waiting[k];
        r.series.push_back({double(k) * day.config.series_step_s, a, dl, w});
    }
}

void hub_series(ResultBuilder::State& acc) {
    const DayRecord& day = acc.day;
    SimResult& r = acc.r;
    const SeriesSteps series_steps(acc);
    const size_t steps = series_steps.count;
    const auto first_step_at_or_after = [&](double t) { return series_steps.at_or_after(t); };
    // The same per hub: orders waiting there, drones in its pad queue, drones recharging there.
    const size_t hubs = r.hubs.size();
    std::vector<HubSample> delta(hubs * (steps + 1));
    const auto at = [&](size_t hub, double t) -> HubSample& { return delta[hub * (steps + 1) + first_step_at_or_after(t)]; };
    for (size_t i = 0; i < r.deliveries.size(); ++i) {
        const DeliveryResult& d = r.deliveries[i];
        const OrderState& st = day.states[i];
        if (st.undeliverable || st.gave_up) continue;
        const size_t from = size_t(day.orders[i].from);
        ++at(from, d.ready_s).waiting;
        if (!d.delivered) continue;
        --at(from, d.takeoff_s).waiting;
        ++at(from, st.dispatched).pad_queue;
        --at(from, st.first_pad_slot).pad_queue;
    }
    for (const auto& f : r.flights) {
        ++at(size_t(f.end_hub), f.landed_s).charging;
        --at(size_t(f.end_hub), f.ready_again_s).charging;
    }
    for (size_t h = 0; h < hubs; ++h) {
        HubSample run;
        r.hubs[h].series.reserve(steps);
        for (size_t k = 0; k < steps; ++k) {
            const HubSample& d = delta[h * (steps + 1) + k];
            run.waiting += d.waiting;
            run.pad_queue += d.pad_queue;
            run.charging += d.charging;
            r.hubs[h].series.push_back(run);
        }
    }
}

SeriesSteps::SeriesSteps(const ResultBuilder::State& acc)
    : count(size_t(acc.end / acc.day.config.series_step_s) + 1), step_s(acc.day.config.series_step_s) {}

}  // namespace

ResultBuilder::ResultBuilder(DayRecord day, double end_s) : state_(std::make_unique<State>(day, end_s)) {}
ResultBuilder::~ResultBuilder() = default;

bool ResultBuilder::advance(const std::function<bool()>& pause) {
    State& st = *state_;
    if (st.done) return true;
    if (!st.begun) {
        begin(st);
        st.begun = true;
        if (pause && pause()) return false;
    }
    // The flights counted, then the drones' flights put in order, a chunk a step: on a region
    // day the two took 11 ms at once.
    while (st.counted_flights < st.r.flights.size()) {
        const size_t to = std::min(st.r.flights.size(), st.counted_flights + kFlightsPerCount);
        count_flights(st, st.counted_flights, to);
        st.counted_flights = to;
        if (pause && pause()) return false;
    }
    while (st.ordered_drones < st.r.drones.size()) {
        const size_t to = std::min(st.r.drones.size(), st.ordered_drones + kDronesPerOrdering);
        order_drone_flights(st, st.ordered_drones, to);
        st.ordered_drones = to;
        if (pause && pause()) return false;
    }
    const size_t orders = st.day.orders.size();
    while (st.next_order < orders) {
        const size_t to = std::min(orders, st.next_order + kOrdersPerPauseCheck);
        deliveries(st, st.next_order, to);
        st.next_order = to;
        if (pause && st.next_order < orders && pause()) return false;
    }
    const size_t flights = st.r.flights.size();
    while (st.next_flight < flights) {
        const size_t to = std::min(flights, st.next_flight + kFlightsPerPauseCheck);
        airborne_steps(st, st.next_flight, to);
        st.next_flight = to;
        if (pause && pause()) return false;
    }
    // The figures, the time series and the hubs' series, each in a slice of its own.
    void (*const last_steps[])(State&) = {figures, series, hub_series};
    while (st.last_step < 3) {
        last_steps[st.last_step++](st);
        if (pause && st.last_step < 3 && pause()) return false;
    }
    st.done = true;
    return true;
}

SimResult ResultBuilder::take() { return std::move(state_->r); }

SimResult collect_results(DayRecord day, double end) {
    ResultBuilder builder(day, end);
    builder.advance({});
    return builder.take();
}

std::unique_ptr<ConflictScan> start_conflict_scan(const SimResult& r, const CompiledScenario& c, const SimConfig& cfg) {
    // Tracks in metres, each when the scan comes to it; hubs and junctions are excluded within
    // their approach radius, where their procedures separate arrivals and departures.
    // Most of a day's track points are the same few places (pads, corridor vertices, where a
    // climb or a slow-down ends), so each place is projected once.
    const auto& flights = r.flights;
    const auto& frame = c.frame();
    // (Keyed by the coordinates' bits: the same bits, the same projection.)
    struct Bits {
        size_t operator()(const std::pair<uint64_t, uint64_t>& k) const { return size_t(k.first * 0x9E3779B97F4A7C15ull ^ k.second); }
    };
    auto projected = std::make_shared<std::unordered_map<std::pair<uint64_t, uint64_t>, LocalPoint, Bits>>();
    auto track = [&flights, &frame, projected](uint32_t f, std::vector<TrackPoint4>& out) {
        out.clear();
        for (const auto& p : flights[f].track) {
            std::pair<uint64_t, uint64_t> key;
            std::memcpy(&key.first, &p.lat_deg, 8);
            std::memcpy(&key.second, &p.lon_deg, 8);
            auto [at, added] = projected->try_emplace(key);
            if (added) at->second = frame.to_local({p.lat_deg, p.lon_deg});
            out.push_back({p.t_s, at->second, p.height.m});
        }
    };
    std::vector<ExclusionCircle> nodes;
    for (const auto& n : c.nodes()) nodes.push_back({n.local, c.scenario().rules.hub_approach_radius_m});
    return std::make_unique<ConflictScan>(uint32_t(flights.size()), track, std::move(nodes),
                                          TacticalSettings{cfg.conflict_radius_m, cfg.conflict_vertical_m, cfg.lookahead_s});
}

bool add_encounters(SimResult& r, const ConflictScanResult& scan, const CompiledScenario& c, size_t& next, const std::function<bool()>& pause) {
    const auto& frame = c.frame();
    // Kept to the millisecond, the millimetre and a billionth of a degree: the native and
    // WebAssembly maths libraries differ in the last bits of the projection's trigonometry,
    // and the browser's report must be the command-line tool's, byte for byte.
    const auto milli = [](double v) { return round_half_away(v * 1e3) / 1e3; };
    const auto nano = [](double v) { return round_half_away(v * 1e9) / 1e9; };
    const auto convert = [&](const Encounter& e) -> EncounterResult {
        const GeoPoint where = frame.to_geo(e.where);
        return {int(e.flight_a), int(e.flight_b), milli(e.start_s), milli(e.end_s), milli(e.closest_s), milli(e.horizontal_m),
                milli(e.vertical_m), milli(e.predicted_m), {nano(where.lat_deg), nano(where.lon_deg)}, HeightAmsl(milli(e.z_m))};
    };
    // The conflicts, then the losses of separation, one list of work: `next` counts through both.
    const size_t conflicts = scan.conflicts.size(), total = conflicts + scan.losses.size();
    if (next == 0) {
        r.conflicts.clear();
        r.losses.clear();
        r.conflicts.reserve(conflicts);
        r.losses.reserve(scan.losses.size());
    }
    while (next < total) {
        const size_t end = std::min(total, next + kEncountersPerPauseCheck);
        for (; next < end; ++next)
            if (next < conflicts) r.conflicts.push_back(convert(scan.conflicts[next]));
            else r.losses.push_back(convert(scan.losses[next - conflicts]));
        if (pause && next < total && pause()) return false;
    }
    r.kpis.conflicts = int(r.conflicts.size());
    r.kpis.losses_of_separation = int(r.losses.size());
    return true;
}

}  // namespace lowsky
