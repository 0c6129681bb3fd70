// The simulation's event loop: orders arrive, the hub's queue dispatches them to free drones,
// pads and chargers are booked, deconfliction clears each departure. Demand is made in
// sim/demand.cpp, flights are planned with sim/flight_plans.h (the one flight profile), and
// the results are collected in sim/results.cpp.
#include "sim/simulator.h"

#include <algorithm>
#include <array>
#include <deque>
#include <iterator>
#include <cmath>
#include <map>
#include <memory>
#include <queue>
#include <tuple>
#include <unordered_map>

#include "flight/mission_flight.h"
#include "geo/geodesy.h"
#include "mission/scenario_missions.h"
#include "sim/calendar.h"
#include "sim/demand.h"
#include "sim/flight_plans.h"
#include "sim/intents.h"
#include "sim/order_queue.h"
#include "sim/restriction.h"
#include "sim/results.h"

namespace lowsky {

const char* to_string(WaitCause c) {
    switch (c) {
        case WaitCause::Drone: return "drone";
        case WaitCause::Battery: return "battery";
        case WaitCause::Pad: return "pad";
        case WaitCause::Deconfliction: return "deconfliction";
        default: return "none";
    }
}

namespace {

enum class EventKind { OrderReady, DroneFree, RestrictionAnnounced, RestrictionLifted, TourDue };

struct Event {
    double t;
    uint64_t seq;
    EventKind kind;
    int index;  // the order, the drone, the restriction or the tour departure
    bool operator>(const Event& o) const { return t > o.t || (t == o.t && seq > o.seq); }
};

// The part of a day's progress that its events stand for; the results and the conflict scan are
// the rest.
constexpr double kEventsShare = 0.9;

void apply_energy_model(std::vector<DroneType>& types, const SimConfig& cfg) {
    if (cfg.energy_model) for (auto& t : types) t.energy.kind = *cfg.energy_model;
}

}  // namespace

// The day's state between slices (SimulationRun holds one).
class Simulation {
public:
    Simulation(const CompiledScenario& c, const SimConfig& cfg, std::vector<SimOrder> orders)
        : compiled_(c), s_(c.scenario()), cfg_(cfg), network_(c, RoutingPolicy{cfg.allow_flagged_corridors}), types_(s_.drone_types),
          fleet_((apply_energy_model(types_, cfg), types_), s_, cfg.firmware), intents_(cfg.lane_headway_s) {
        for (const auto& h : s_.hubs) {
            pads_.emplace_back(h.pad_count);
            supply_.emplace_back(std::max(1, h.energy_points));
            queues_.emplace_back();
            emergencies_.emplace_back();
            hub_waits_.emplace_back();
        }
        for (const auto& f : s_.fleet) {
            const int hub = int(s_.find_hub(f.hub) - s_.hubs.data());
            const int type = int(s_.find_drone_type(f.drone_type) - s_.drone_types.data());
            for (int k = 0; k < f.count; ++k)
                drones_.push_back({f.hub + "/" + f.drone_type + "/" + std::to_string(k + 1), type, hub, types_[size_t(type)].battery_wh, 0, 0, hub});
        }
        // The scenario's own restrictions, then the run's (lowsky simulate --restriction, the app's).
        cfg_.restrictions.insert(cfg_.restrictions.begin(), s_.restrictions.begin(), s_.restrictions.end());
        orders_ = std::move(orders);
        has_emergencies_ = std::any_of(orders_.begin(), orders_.end(), [](const SimOrder& o) { return o.emergency; });
        keep_pending_ = has_emergencies_ || !cfg_.restrictions.empty();
        state_.resize(orders_.size());
        feasible_.assign(orders_.size() * types_.size(), -1);
        if (const double n = double(s_.hubs.size()) * double(s_.hubs.size()) * double(types_.size()); n <= double(kFlatRoutes)) known_.assign(size_t(n), nullptr);
        free_queue_.resize(s_.hubs.size() * types_.size());
        based_.assign(free_queue_.size(), 0);
        for (size_t d = 0; d < drones_.size(); ++d) {
            free_queue_[size_t(drones_[d].hub) * types_.size() + size_t(drones_[d].type)].push({0.0, int(d)});
            ++based_[size_t(drones_[d].hub) * types_.size() + size_t(drones_[d].type)];
        }
        for (size_t t = 0; t < types_.size(); ++t) types_by_battery_.push_back(int(t));
        std::stable_sort(types_by_battery_.begin(), types_by_battery_.end(), [&](int a, int b) { return types_[size_t(a)].battery_wh < types_[size_t(b)].battery_wh; });
    }

    // The routes the day's orders will ask for (never_possible's: a type based at the order's
    // hub that carries its mass, out and back), found before the first event and one a pause
    // check: a hub's first orders found them inside one try, up to 7 ms in the page. Only a
    // cache is filled; the day is the same.
    bool find_routes(const std::function<bool()>& pause) {
        if (!routes_listed_) {
            routes_listed_ = true;
            std::map<std::pair<int, int>, double> lightest;  // by (from, to)
            for (const SimOrder& o : orders_) {
                auto [at, added] = lightest.try_emplace({o.from, o.to}, o.mass_kg);
                if (!added) at->second = std::min(at->second, o.mass_kg);
            }
            for (const auto& [pair, mass] : lightest)
                for (int type = 0; type < int(types_.size()); ++type)
                    if (based_[size_t(pair.first) * types_.size() + size_t(type)] > 0 && types_[size_t(type)].max_payload_kg >= mass) {
                        wanted_routes_.push_back({pair.first, pair.second, type});
                        wanted_routes_.push_back({pair.second, pair.first, type});
                    }
            if (pause && pause()) return false;
        }
        while (next_route_ < wanted_routes_.size()) {
            const auto [from, to, type] = wanted_routes_[next_route_++];
            route(from, to, type);
            if (pause && next_route_ < wanted_routes_.size() && pause()) return false;
        }
        return true;
    }

    // The day's events, from where the last call stopped: true once they are all done. Every 8
    // events `pause` is asked whether to stop here (a page keeps its frames coming that way).
    bool run_events(const std::function<bool()>& pause) {
        if (!find_routes(pause)) return false;
        if (!started_) {
            // The day's first events in one heap built at once (linear), not pushed one by one:
            // events are ordered by time and then by sequence, so the heap's layout cannot
            // change the order they come out in. Nothing is queued before this.
            std::vector<Event> first;
            first.reserve(orders_.size() + 2 * cfg_.restrictions.size());
            for (size_t i = 0; i < orders_.size(); ++i) first.push_back({orders_[i].ready_s, seq_++, EventKind::OrderReady, int(i)});
            for (size_t r = 0; r < cfg_.restrictions.size(); ++r) {
                first.push_back({cfg_.restrictions[r].announced_s(), seq_++, EventKind::RestrictionAnnounced, int(r)});
                first.push_back({cfg_.restrictions[r].end_s, seq_++, EventKind::RestrictionLifted, int(r)});
            }
            events_ = decltype(events_)(std::greater<Event>(), std::move(first));
            plan_tours();
            started_ = true;
            if (pause && pause()) return false;
        }
        const double end = cfg_.hours * 3600;
        if (walk_) {  // the walk a pause stopped: the rest of it before the next event
            const PausedWalk w = *walk_;
            walk_.reset();
            if (!walk_queue(w.hub, w.t, pause)) return false;
        }
        while (!events_.empty()) {
            const Event e = events_.top();
            if (e.t > end) break;
            events_.pop();
            if (e.kind == EventKind::OrderReady) {
                const SimOrder& o = orders_[size_t(e.index)];
                if (o.emergency) emergencies_[size_t(o.from)].push_back(e.index);
                else queues_[size_t(o.from)].arrive(e.index);
                if (!dispatch(o.from, e.t, pause)) return clock_s_ = e.t, false;
            } else if (e.kind == EventKind::RestrictionAnnounced) {
                announce(e.index, e.t);
            } else if (e.kind == EventKind::TourDue) {
                fly_tour(e.index, e.t);
            } else if (e.kind == EventKind::RestrictionLifted) {
                announced_.erase(std::remove(announced_.begin(), announced_.end(), e.index), announced_.end());
                detour_ = nullptr;
            } else if (!dispatch(drones_[size_t(e.index)].hub, e.t, pause)) {
                return clock_s_ = e.t, false;
            }
            clock_s_ = e.t;
            if ((++processed_ & 7) == 0 && pause && pause()) return false;
        }
        clock_s_ = end;
        return true;
    }

    // How far the events have come, 0 to 1.
    double events_done() const { return cfg_.hours > 0 ? std::min(1.0, clock_s_ / (cfg_.hours * 3600)) : 1.0; }

    // The day's figures and findings, once the events are done, made until `pause` says stop
    // (false) or made (true); results() then gives them (the conflict scan comes after).
    bool collect(const std::function<bool()>& pause) {
        if (!builder_)
            builder_ = std::make_unique<ResultBuilder>(DayRecord{s_, types_, cfg_, orders_, state_, drones_, hub_waits_, reasons_, flights_}, cfg_.hours * 3600);
        return builder_->advance(pause);
    }

    // Frees the day's orders a chunk at a time, until `pause` says stop (false) or they are
    // gone (true): each holds its strings, and a 100,000-order day took 6 ms to free at once,
    // the rest of the simulation under half a millisecond. Only after results().
    bool release_orders(const std::function<bool()>& pause) {
        constexpr size_t kOrdersPerRelease = 16384;
        while (!orders_.empty()) {
            orders_.erase(orders_.end() - std::ptrdiff_t(std::min(orders_.size(), kOrdersPerRelease)), orders_.end());
            if (pause && !orders_.empty() && pause()) return false;
        }
        return true;
    }

    SimResult results() {
        collect({});
        SimResult result = builder_->take();
        result.kpis.emergency.preempted = preempted_;
        result.kpis.emergency.gave_way = gave_way_;
        result.kpis.restrictions = restricted_;
        result.restrictions = cfg_.restrictions;
        result.tours = tours_;
        for (const TourDeparture& d : tours_) {
            TourKpis& k = result.kpis.sightseeing;
            ++k.departures;
            k.flown += d.flown ? 1 : 0;
            k.cancelled += !d.flown && !d.reason.empty() ? 1 : 0;
            k.late += d.late_s() > 300 ? 1 : 0;
            k.max_late_s = std::max(k.max_late_s, d.late_s());
        }
        // Corridors the day did not fly because the validator found errors on them.
        for (const auto& b : network_.blocked()) {
            const Corridor* c = s_.find_corridor(b.corridor);
            Finding f;
            f.check = "routing.corridor_left_out";
            f.severity = Severity::Warning;
            f.object_kind = "corridor";
            f.object = b.corridor;
            f.message = "corridor " + b.corridor + " is not flown: " + b.check + ": " + b.message;
            if (c && !c->centreline.empty()) f.position = c->centreline.front();
            result.findings.push_back(std::move(f));
        }
        return result;
    }

private:
    void push(double t, EventKind kind, int index) { events_.push({t, seq_++, kind, index}); }

    // Routes by (from, to, type), found when first asked for and kept, with the lanes the
    // simulation flies them in: memory follows the pairs the demand uses, not the square of the
    // hub count (10,000 hubs would be 10^8 entries a type).
    struct KnownRoute {
        bool known = false;
        std::optional<Route> route;
        RouteLanes lanes;
        // round_trip_fits() with this route out and its reverse back (the same table's, so always
        // the same one), by the mass in hundredths of a kilogram: -1 not yet known, else 0 or 1
        // (a cache, so kept on a const route).
        mutable std::vector<int8_t> fits;
    };
    const KnownRoute& route(int from, int to, int type) {
        const uint64_t key = (uint64_t(from) * s_.hubs.size() + uint64_t(to)) * types_.size() + uint64_t(type);
        if (!routing_ && key < known_.size() && known_[key]) return *known_[key];
        std::unique_ptr<KnownRoute>& slot = (routing_ ? routing_->routes : routes_)[key];
        if (!slot) slot = std::make_unique<KnownRoute>();
        KnownRoute& k = *slot;
        if (!k.known) {
            RouteRequest q{s_.hubs[size_t(from)].id, s_.hubs[size_t(to)].id, s_.drone_types[size_t(type)].id, 0, RouteObjective::Fastest, cfg_.firmware};
            auto r = (routing_ ? *routing_->network : network_).route(q);
            if (r) {
                k.route = std::move(r.value());
                k.lanes = make_lanes(*k.route, s_);
            }
            k.known = true;
        }
        if (!routing_ && key < known_.size()) known_[key] = &k;
        return k;
    }
    bool routable(int from, int to, int type) { return route(from, to, type).route.has_value(); }

    double usable(const DroneType& t) const { return t.battery_wh * (1 - s_.rules.energy_reserve_fraction); }

    // The whole flight of `order` by a drone of `type` leaving at t: out, deliver, back.
    // `land` makes it land at the destination, recharge there and come back empty.
    struct FlightPlan {
        bool ok = false;
        Plan out, back;         // back is empty for a one-way (landing) delivery's first part
        bool land = false;
        double delivered_s = 0;
        double dest_ready = 0;
        Calendar::Slot dest_pad{}, dest_takeoff_pad{}, dest_supply{};
        std::string reason;

        void reset(bool landing, bool record) {
            ok = false;
            land = landing;
            delivered_s = dest_ready = 0;
            dest_pad = dest_takeoff_pad = dest_supply = {};
            reason.clear();
            out.reset(record);
            back.reset(record);
        }
    };

    // Plans into `f`, reusing its buffers.
    void plan_flight(FlightPlan& f, const SimOrder& o, int type_index, double t0, bool land, bool record = true) {
        f.reset(land, record);
        const DroneType& t = types_[size_t(type_index)];
        const KnownRoute& out = route(o.from, o.to, type_index);
        const KnownRoute& back = route(o.to, o.from, type_index);
        if (!out.route || !back.route) { f.reason = "no corridor route for " + t.id; return; }
        const Hub& from = s_.hubs[size_t(o.from)];
        const Hub& to = s_.hubs[size_t(o.to)];
        const flight::Model& model = fleet_.model(type_index);
        flight::Powers& loaded = fleet_.powers(type_index, o.mass_kg);
        flight::Powers& empty = fleet_.powers(type_index, 0.0);
        flight::MissionLegs& legs = legs_;  // its lists' buffers kept from plan to plan
        legs.out.assign(out.lanes.order.begin(), out.lanes.order.end());
        if (land) legs.back.clear(); else legs.back.assign(back.lanes.order.begin(), back.lanes.order.end());
        legs.origin = from.position;
        legs.destination = to.position;
        legs.origin_ground = HeightAmsl(from.ground_elevation_m_amsl);
        legs.destination_ground = HeightAmsl(to.ground_elevation_m_amsl);
        flight::MissionFlightSpec spec;
        spec.land_at_destination = land;
        spec.release_height_m = cfg_.release_height_m;
        spec.release_hold_s = cfg_.release_hold_s;
        spec.release_settle_s = cfg_.release_settle_s;
        spec.back = land ? flight::ReturnKind::None : flight::ReturnKind::Corridors;
        for (const auto& lane : out.lanes.lanes) if (record) f.out.corridors.push_back(lane.corridor);

        Recorder out_recorder(f.out, &out.lanes, land ? nullptr : &back.lanes);
        flight::Flight fl(model, loaded, false, record ? &out_recorder : nullptr);
        fl.start(from.position, legs.origin_ground, t0);
        const flight::MissionFlightTimes times = flight::fly_mission(fl, loaded, empty, legs, spec, false);
        if (!land) {
            for (const auto& lane : back.lanes.lanes) if (record) f.out.corridors.push_back(lane.corridor);
            f.delivered_s = times.delivered_s;
            f.out.take(fl);
            if (f.out.energy_wh + landing_wh(type_index, f.out.height_end, legs.origin_ground) > usable(t)) { f.reason = "round trip needs more than the battery"; return; }
        } else {
            // Land at the destination (pad slot), recharge there, fly back empty.
            const double arrive = fl.t_s();
            f.dest_pad = pads_[size_t(o.to)].earliest(arrive, to.pad_slot_s);
            fl.hover(f.dest_pad.start - arrive);  // until the pad is free
            fl.land(legs.destination_ground);
            f.delivered_s = fl.t_s();
            f.out.take(fl);
            if (f.out.energy_wh > usable(t)) { f.reason = "one way needs more than the battery"; return; }
            const double need = f.out.energy_wh;
            double ready = f.out.t_end;
            if (to.energy == EnergySupply::Charger) {
                const double duration = need / (to.charge_power_w * cfg_.charger_efficiency) * 3600;
                f.dest_supply = supply_[size_t(o.to)].earliest(ready, duration);
                ready = f.dest_supply.start + duration;
            } else if (to.energy == EnergySupply::Swap) {
                f.dest_supply = supply_[size_t(o.to)].earliest(ready, to.swap_time_s);
                ready = f.dest_supply.start + to.swap_time_s;
            } else {
                f.reason = "no charger at " + to.id + " to fly back";
                return;
            }
            f.dest_ready = ready;
            f.dest_takeoff_pad = pads_[size_t(o.to)].earliest(ready, to.pad_slot_s);
            for (const auto& lane : back.lanes.lanes) if (record) f.back.corridors.push_back(lane.corridor);
            Recorder back_recorder(f.back, &back.lanes, nullptr);
            flight::Flight fb(model, empty, false, record ? &back_recorder : nullptr);
            fb.start(to.position, legs.destination_ground, f.dest_takeoff_pad.start);
            if (!back.lanes.order.empty()) fb.take_off(back.lanes.order.front()->height);
            fb.follow(back.lanes.order, &from.position);
            f.back.take(fb);
            if (f.back.energy_wh + landing_wh(type_index, f.back.height_end, legs.origin_ground) > usable(t)) {
                f.reason = "the way back needs more than the battery";
                return;
            }
        }
        f.ok = true;
    }

    // Landing at home from `height` with no wait for a pad: what every plan keeps for it.
    double landing_wh(int type, HeightAmsl height, HeightAmsl ground) {
        flight::Flight fl(fleet_.model(type), fleet_.powers(type, 0.0), false);
        fl.start_airborne({}, height, 0);
        fl.land(ground);
        return fl.totals().energy_wh;
    }

    // Can `o` ever be served from its hub? The reason when it cannot.
    std::string never_possible(int oi) {
        const SimOrder& o = orders_[size_t(oi)];
        bool any_drone = false, any_payload = false, any_route = false;
        for (int type = 0; type < int(types_.size()); ++type) {
            if (based_[size_t(o.from) * types_.size() + size_t(type)] == 0) continue;
            any_drone = true;
            if (types_[size_t(type)].max_payload_kg < o.mass_kg) continue;
            any_payload = true;
            if (!routable(o.from, o.to, type) || !routable(o.to, o.from, type)) continue;
            any_route = true;
            if (feasibility(oi, type) != 0) return {};
        }
        const std::string& from = s_.hubs[size_t(o.from)].id;
        if (!any_drone) return "no drone is based at " + from;
        if (!any_payload) return "no drone at " + from + " carries " + std::to_string(int(std::ceil(o.mass_kg))) + " kg";
        if (!any_route) {
            std::string why = "no chain of corridors open to the drone types at " + from + " leads to " + s_.hubs[size_t(o.to)].id + " and back";
            for (const auto& b : network_.blocked()) why += "; " + b.corridor + " is left out (" + b.check + ")";
            return why;
        }
        return "beyond the range of every drone type at " + from + " with the reserve, even one way";
    }

    // The hub's waiting orders get their chance at t: true when done, false when `pause`
    // stopped the walk part way (walk_ then holds where, and run_events goes on with it first).
    bool dispatch(int hub, double t, const std::function<bool()>& pause) {
        if (keep_pending_) prune_pending(t);
        if (has_emergencies_) {
            auto& waiting = emergencies_[size_t(hub)];
            while (!waiting.empty() && fly_emergency(waiting.front(), t)) waiting.pop_front();
        }
        return walk_queue(hub, t, pause);
    }

    bool walk_queue(int hub, double t, const std::function<bool()>& pause) {
        // What the hub's queue asks of the simulation while it walks its orders.
        struct HubQueueAdaptor {
            Simulation& sim;
            int hub;
            double t;
            bool any_free() const {
                for (size_t type = 0; type < sim.types_.size(); ++type) {
                    const auto& free = sim.free_drones(hub, int(type));
                    if (!free.empty() && free.top().first <= t) return true;
                }
                return false;
            }
            bool admit(int order, uint64_t& types) {
                const std::string reason = sim.never_possible(order);
                if (!reason.empty()) {
                    sim.state_[size_t(order)].undeliverable = true;
                    sim.reasons_[size_t(order)] = reason;
                    return false;
                }
                types = sim.feasible_types(order);
                return true;
            }
            bool fly(int order, WaitCause& cause) { return sim.try_fly(order, t, cause); }
        } adaptor{*this, hub, t};
        if (queues_[size_t(hub)].dispatch(adaptor, [&] { return pause && pause(); })) return true;
        walk_ = PausedWalk{hub, t};
        return false;
    }

    // The types that can fly an order, one bit each; 0 when there are too many types to tell.
    uint64_t feasible_types(int oi) {
        if (types_.size() > 64) return 0;
        uint64_t bits = 0;
        for (size_t type = 0; type < types_.size(); ++type)
            if (feasibility(oi, int(type)) != 0) bits |= uint64_t(1) << type;
        return bits;
    }

    // How a drone type can fly an order: 0 it cannot, 1 a round trip, 2 landing at the
    // destination to recharge there. Energy does not depend on the departure time.
    int feasibility(int oi, int type) {
        const size_t key = size_t(oi) * types_.size() + size_t(type);
        if (feasible_[key] >= 0) return feasible_[key];
        const SimOrder& o = orders_[size_t(oi)];
        int mode = 0;
        if (types_[size_t(type)].max_payload_kg >= o.mass_kg && routable(o.from, o.to, type) && routable(o.to, o.from, type)) {
            if (!cfg_.land_at_destination && round_trip_fits(o, type)) {
                mode = 1;
            } else {
                FlightPlan f;
                plan_flight(f, o, type, o.ready_s, true, false);
                if (f.ok) mode = 2;
            }
        }
        return feasible_[key] = int8_t(mode);
    }

    // Whether a drone of `type` can fly `o` there and back on one battery. That depends on the
    // two routes and the mass alone (not on when: a landing's wait for a pad does, so that is
    // never kept), and a day's orders between two hubs weigh a few hundred different masses in
    // hundredths of a kilogram: the answer is kept with the route out, by that mass.
    bool round_trip_fits(const SimOrder& o, int type) {
        const KnownRoute& out = route(o.from, o.to, type);
        const int h = hundredths_kg(o.mass_kg);
        if (h >= 0 && size_t(h) < out.fits.size() && out.fits[size_t(h)] >= 0) return out.fits[size_t(h)] == 1;
        FlightPlan f;
        plan_flight(f, o, type, o.ready_s, false, false);
        if (h >= 0) {
            if (size_t(h) >= out.fits.size()) out.fits.resize(size_t(h) + 1, -1);
            out.fits[size_t(h)] = f.ok ? 1 : 0;
        }
        return f.ok;
    }

    // The energy a type spends on an order (its feasibility plan), for the least-energy policy.
    double order_energy(int oi, int type) {
        const int mode = feasibility(oi, type);
        FlightPlan f;
        plan_flight(f, orders_[size_t(oi)], type, orders_[size_t(oi)].ready_s, mode == 2, false);
        return f.out.energy_wh + f.back.energy_wh;
    }

    // Flies `oi` if a drone can take it now; otherwise sets why it waits in `cause`.
    bool try_fly(int oi, double t, WaitCause& cause) {
        SimOrder& o = orders_[size_t(oi)];
        OrderState& st = state_[size_t(oi)];
        // The free drone with the smallest battery among the types that can fly this order
        // (each type's drones at a hub wait in a queue by the time they are free).
        int best = -1;
        double soonest = 1e300, best_score = 1e300;
        bool charging = false;
        for (int type : types_by_battery_) {
            if (feasibility(oi, type) == 0) continue;
            auto& free = free_drones(o.from, type);
            if (free.empty()) continue;
            const SimDrone& first = drones_[size_t(free.top().second)];
            if (first.free_at > t) {
                if (first.free_at < soonest) { soonest = first.free_at; charging = first.landed_at < t; }
                continue;
            }
            // The policy scores each type that has a free drone; the lowest score flies.
            const double score = cfg_.dispatch == DispatchPolicy::SmallestBattery ? types_[size_t(type)].battery_wh : order_energy(oi, type);
            if (score < best_score) { best_score = score; best = type; }
        }
        if (best >= 0) {
            auto& free = free_drones(o.from, best);
            best = free.top().second;
            free.pop();
        }
        if (best < 0) {
            cause = charging ? WaitCause::Battery : WaitCause::Drone;
            return false;
        }
        SimDrone& drone = drones_[size_t(best)];
        const Hub& home = s_.hubs[size_t(o.from)];
        const double waited = t - o.ready_s - st.held_s;
        if (cause == WaitCause::Battery) st.wait_battery = waited; else st.wait_drone = waited;

        const bool land = feasibility(oi, drone.type) == 2;
        // Plan once; a delayed departure shifts the timeline, so the intent is tested with an
        // offset, and only the final departure is planned again (its pad bookings).
        Calendar::Slot slot = pads_[size_t(o.from)].earliest(t, home.pad_slot_s);
        const double first_slot = slot.start;
        FlightPlan& f = flight_plan_;
        plan_flight(f, o, drone.type, slot.start, land);
        auto give_up = [&](const std::string& reason) {
            reasons_[size_t(oi)] = reason;
            st.gave_up = true;
            free_queue_[size_t(drone.hub) * types_.size() + size_t(drone.type)].push({drone.free_at, best});  // the drone stays free
            return true;
        };
        if (!f.ok) return give_up(f.reason);
        // Announced restrictions: around them through corridors clear of them, or else held.
        struct RoutingReset {
            Detour*& routing;
            ~RoutingReset() { routing = nullptr; }
        } reset{routing_};
        bool around = false;
        if (const Blocked blocked = blocked_by(f); blocked.any()) {
            routing_ = &detour();
            plan_flight(f, o, drone.type, slot.start, land);
            around = f.ok && !blocked_by(f).any();
            if (!around) return hold(oi, best, t, blocked);
        }
        const double limit = cfg_.max_deconfliction_delays * cfg_.deconfliction_step_s;
        for (int attempt = 0; attempt < 1000; ++attempt) {
            const std::vector<IntentVolume>& intent = whole_intent(f);
            double offset = 0;
            for (double d; (d = intents_.conflicts(intent, offset)) >= 0;) offset += std::max(d, 0.5);
            if (offset == 0) {
                restricted_.rerouted += around ? 1 : 0;
                commit(oi, best, slot, f, t, first_slot);
                return true;
            }
            if (slot.start + offset - first_slot > limit) break;
            slot = pads_[size_t(o.from)].earliest(slot.start + offset, home.pad_slot_s);
            plan_flight(f, o, drone.type, slot.start, land);
            if (!f.ok) return give_up(f.reason);
            if (const Blocked blocked = blocked_by(f); blocked.any()) return hold(oi, best, t, blocked);  // a later departure runs into one
        }
        return give_up("strategic deconfliction found no free departure within " + std::to_string(int(limit / 60)) + " min");
    }

    // The flight's whole operational intent, out and back (in a buffer kept for reuse).
    const std::vector<IntentVolume>& whole_intent(const FlightPlan& f) {
        intent_.assign(f.out.intent.begin(), f.out.intent.end());
        intent_.insert(intent_.end(), f.back.intent.begin(), f.back.intent.end());
        return intent_;
    }

    void commit(int oi, int di, Calendar::Slot takeoff, FlightPlan& f, double dispatched, double first_slot) {
        const SimOrder& o = orders_[size_t(oi)];
        SimDrone& drone = drones_[size_t(di)];
        // On a day with emergencies or restrictions a delivery keeps what it booked until it
        // leaves: an emergency or an announcement may call it off.
        Commitment* undo = nullptr;
        if (keep_pending_ && !o.emergency) {
            pending_.push_back({});
            undo = &pending_.back();
            undo->flight = int(flights_.size());
            undo->order = oi;
            undo->drone = di;
            undo->drone_before = drone;
            undo->takeoff = takeoff;
            undo->land = f.land;
            undo->dest_pad = f.dest_pad;
            undo->dest_takeoff_pad = f.dest_takeoff_pad;
            undo->dest_supply = f.dest_supply;
            undo->dest_supply_s = f.dest_ready - f.dest_supply.start;
            undo->intent = whole_intent(f);
            undo->pad_wait_s = first_slot - dispatched;
        }
        const DroneType& t = types_[size_t(drone.type)];
        const Hub& home = s_.hubs[size_t(o.from)];
        pads_[size_t(o.from)].book(takeoff, home.pad_slot_s);
        intents_.accept(whole_intent(f));

        SimFlight flight;
        flight.drone = di;
        flight.order = oi;
        flight.takeoff_s = takeoff.start;
        flight.delivered_s = f.delivered_s;
        flight.soc_start_wh = drone.soc_wh;
        flight.track = f.out.track;
        charge_from(flight.track, 0, drone.soc_wh);
        flight.corridors = f.out.corridors;
        flight.distance_m = f.out.distance_m;
        flight.energy_wh = f.out.energy_wh;
        Plan* last = &f.out;
        if (f.land) {
            pads_[size_t(o.to)].book(f.dest_pad, s_.hubs[size_t(o.to)].pad_slot_s);
            supply_[size_t(o.to)].book(f.dest_supply, f.dest_ready - f.dest_supply.start);
            pads_[size_t(o.to)].book(f.dest_takeoff_pad, s_.hubs[size_t(o.to)].pad_slot_s);
            flight.track.insert(flight.track.end(), f.back.track.begin(), f.back.track.end());
            charge_from(flight.track, f.out.track.size(), t.battery_wh);  // recharged at the destination
            flight.corridors.insert(flight.corridors.end(), f.back.corridors.begin(), f.back.corridors.end());
            flight.distance_m += f.back.distance_m;
            flight.energy_wh += f.back.energy_wh;  // the leg back, on the battery recharged at the destination
            last = &f.back;
        }
        // Home: wait in the air for a pad, land, then recharge or swap.
        const double arrive = last->t_end;
        const Calendar::Slot pad = pads_[size_t(o.from)].earliest(arrive, home.pad_slot_s);
        pads_[size_t(o.from)].book(pad, home.pad_slot_s);
        if (undo) undo->home_pad = pad;
        Plan landing;
        Recorder recorder(landing, nullptr, nullptr);
        flight::Flight fl(fleet_.model(drone.type), fleet_.powers(drone.type, 0.0), false, &recorder);
        fl.start_airborne(home.position, last->height_end, arrive);
        fl.hover(pad.start - arrive);
        fl.land(HeightAmsl(home.ground_elevation_m_amsl));
        const double landing_wh = fl.totals().energy_wh;
        const size_t landing_from = flight.track.size();
        flight.track.insert(flight.track.end(), landing.track.begin(), landing.track.end());
        charge_from(flight.track, landing_from, (f.land ? t.battery_wh : drone.soc_wh) - last->energy_wh);
        flight.energy_wh += landing_wh;
        const double landed = fl.t_s();
        flight.landed_s = landed;
        const double used_last_leg = f.land ? f.back.energy_wh + landing_wh : flight.energy_wh;
        flight.soc_end_wh = std::max(0.0, (f.land ? t.battery_wh : drone.soc_wh) - used_last_leg);

        double ready = landed;
        if (home.energy == EnergySupply::Charger) {
            const double duration = (t.battery_wh - flight.soc_end_wh) / (home.charge_power_w * cfg_.charger_efficiency) * 3600;
            const Calendar::Slot c = supply_[size_t(o.from)].earliest(landed, duration);
            supply_[size_t(o.from)].book(c, duration);
            hub_waits_[size_t(o.from)].energy += c.start - landed;
            if (undo) undo->home_supply = c, undo->home_supply_s = duration, undo->energy_wait_s = c.start - landed;
            ready = c.start + duration;
            drone.soc_wh = t.battery_wh;
        } else if (home.energy == EnergySupply::Swap) {
            const Calendar::Slot c = supply_[size_t(o.from)].earliest(landed, home.swap_time_s);
            supply_[size_t(o.from)].book(c, home.swap_time_s);
            hub_waits_[size_t(o.from)].energy += c.start - landed;
            if (undo) undo->home_supply = c, undo->home_supply_s = home.swap_time_s, undo->energy_wait_s = c.start - landed;
            ready = c.start + home.swap_time_s;
            drone.soc_wh = t.battery_wh;
        } else {
            drone.soc_wh = flight.soc_end_wh;
        }
        flight.ready_again_s = ready;
        flight.start_hub = flight.end_hub = o.from;
        drone.free_at = ready;
        drone.landed_at = landed;
        free_queue_[size_t(drone.hub) * types_.size() + size_t(drone.type)].push({ready, di});
        push(ready, EventKind::DroneFree, di);

        OrderState& st = state_[size_t(oi)];
        st.done = true;
        st.dispatched = dispatched;
        st.takeoff = takeoff.start;
        st.first_pad_slot = first_slot;
        st.flight = int(flights_.size());
        HubWaits& waits = hub_waits_[size_t(o.from)];
        waits.pad += first_slot - dispatched;
        waits.max_pad = std::max(waits.max_pad, first_slot - dispatched);
        flights_.push_back(std::move(flight));
    }

    // The points of `track` from `from` on were recorded with the energy spent since their part
    // began: they get the charge left, from `start_wh` at that part's start.
    static void charge_from(std::vector<TrackPoint>& track, size_t from, double start_wh) {
        for (size_t i = from; i < track.size(); ++i) track[i].charge_wh = float(std::max(0.0, start_wh - track[i].charge_wh));
    }

    using FreeDrone = std::pair<double, int>;  // (free at, drone): earliest first
    using FreeQueue = std::priority_queue<FreeDrone, std::vector<FreeDrone>, std::greater<FreeDrone>>;

    // The drones of `type` at `hub` by the time they are free. An entry left behind by a flight
    // that was called off or diverted (its time or hub is no longer the drone's) is dropped when
    // it comes up.
    FreeQueue& free_drones(int hub, int type) {
        FreeQueue& q = free_queue_[size_t(hub) * types_.size() + size_t(type)];
        while (!q.empty() && (q.top().first != drones_[size_t(q.top().second)].free_at || drones_[size_t(q.top().second)].hub != hub)) q.pop();
        return q;
    }

    // A delivery committed and not yet off the ground: what it booked, to give back.
    struct Commitment {
        int flight = 0, order = 0, drone = 0;
        SimDrone drone_before;
        Calendar::Slot takeoff{}, home_pad{}, home_supply{}, dest_pad{}, dest_takeoff_pad{}, dest_supply{};
        double home_supply_s = 0, dest_supply_s = 0;
        bool land = false;
        double energy_wait_s = 0, pad_wait_s = 0;
        std::vector<IntentVolume> intent;
    };

    // Calls off pending delivery k: its bookings and intent are given back, its flight leaves
    // the record, its drone is as it was before, and its order queues again at its hub.
    // `free_drone`: the drone goes back to the hub's free drones (else the caller takes it).
    void call_off(size_t k, double t, bool free_drone) {
        const Commitment c = std::move(pending_[k]);
        pending_.erase(pending_.begin() + long(k));
        const SimOrder& o = orders_[size_t(c.order)];
        const Hub& home = s_.hubs[size_t(o.from)];
        pads_[size_t(o.from)].unbook(c.takeoff, home.pad_slot_s);
        pads_[size_t(o.from)].unbook(c.home_pad, home.pad_slot_s);
        if (c.home_supply_s > 0) supply_[size_t(o.from)].unbook(c.home_supply, c.home_supply_s);
        if (c.land) {
            const double slot_s = s_.hubs[size_t(o.to)].pad_slot_s;
            pads_[size_t(o.to)].unbook(c.dest_pad, slot_s);
            pads_[size_t(o.to)].unbook(c.dest_takeoff_pad, slot_s);
            supply_[size_t(o.to)].unbook(c.dest_supply, c.dest_supply_s);
        }
        intents_.withdraw(c.intent);
        hub_waits_[size_t(o.from)].energy -= c.energy_wait_s;
        hub_waits_[size_t(o.from)].pad -= c.pad_wait_s;  // (the hub's longest pad wait stays)
        flights_.erase(flights_.begin() + c.flight);
        for (OrderState& st : state_) if (st.flight > c.flight) --st.flight;
        for (Commitment& p : pending_) if (p.flight > c.flight) --p.flight;
        for (Commitment& p : airborne_) if (p.flight > c.flight) --p.flight;
        drones_[size_t(c.drone)] = c.drone_before;
        OrderState& st = state_[size_t(c.order)];
        st.done = false;
        st.flight = -1;
        ++st.called_off;
        queues_[size_t(o.from)].arrive(c.order);
        if (free_drone) {
            const SimDrone& d = drones_[size_t(c.drone)];
            free_queue_[size_t(d.hub) * types_.size() + size_t(d.type)].push({d.free_at, c.drone});
        }
        push(t, EventKind::DroneFree, c.drone);  // its hub's queue walks again now
    }

    // An emergency order at its hub at t: true when it has left (flown, or given up). It takes
    // the first free drone of a type that can fly it, or else the drone of the delivery last
    // committed there that has not left; the next pad; and its intent goes in untested, ahead
    // of every other: deliveries not yet off the ground whose intents meet it are called off
    // and plan again around it. Flights in the air keep their paths (tactical separation).
    bool fly_emergency(int oi, double t) {
        const SimOrder& o = orders_[size_t(oi)];
        OrderState& st = state_[size_t(oi)];
        const std::string reason = never_possible(oi);
        if (!reason.empty()) {
            st.undeliverable = true;
            reasons_[size_t(oi)] = reason;
            return true;
        }
        int di = -1;
        for (int type : types_by_battery_) {
            if (feasibility(oi, type) == 0) continue;
            FreeQueue& free = free_drones(o.from, type);
            if (free.empty() || free.top().first > t) continue;
            di = free.top().second;
            free.pop();
            break;
        }
        for (size_t k = pending_.size(); di < 0 && k-- > 0;) {
            const Commitment& c = pending_[k];
            if (orders_[size_t(c.order)].from != o.from || feasibility(oi, drones_[size_t(c.drone)].type) == 0) continue;
            di = c.drone;
            call_off(k, t, false);
            ++preempted_;
        }
        st.wait_drone = t - o.ready_s;
        if (di < 0) return false;  // every suitable drone is in the air: the next one back

        SimDrone& drone = drones_[size_t(di)];
        const Hub& home = s_.hubs[size_t(o.from)];
        // The next pad: deliveries waiting to leave from it give theirs up.
        Calendar& pads = pads_[size_t(o.from)];
        for (const Commitment& c : pending_) if (orders_[size_t(c.order)].from == o.from) pads.unbook(c.takeoff, home.pad_slot_s);
        const Calendar::Slot slot = pads.earliest(t, home.pad_slot_s);
        for (size_t k = pending_.size(); k-- > 0;) {
            const Commitment& c = pending_[k];
            if (orders_[size_t(c.order)].from != o.from) continue;
            const bool overlaps = c.takeoff.unit == slot.unit && c.takeoff.start < slot.start + home.pad_slot_s && slot.start < c.takeoff.start + home.pad_slot_s;
            if (!overlaps) {
                pads.book(c.takeoff, home.pad_slot_s);
                continue;
            }
            call_off(k, t, true);
            ++gave_way_;
        }
        FlightPlan& f = flight_plan_;
        plan_flight(f, o, drone.type, slot.start, feasibility(oi, drone.type) == 2);
        if (!f.ok) {
            reasons_[size_t(oi)] = f.reason;
            st.gave_up = true;
            free_queue_[size_t(drone.hub) * types_.size() + size_t(drone.type)].push({drone.free_at, di});
            return true;
        }
        IntentRegistry mine(cfg_.lane_headway_s);
        mine.accept(whole_intent(f));
        for (size_t k = pending_.size(); k-- > 0;) {
            if (mine.conflicts(pending_[k].intent) < 0) continue;
            call_off(k, t, true);
            ++gave_way_;
        }
        commit(oi, di, slot, f, t, slot.start);
        return true;
    }

    // Deliveries that have left can no longer be called off; on a day with restrictions they
    // are kept until they land (a restriction may divert them).
    void prune_pending(double t) {
        const auto left = std::stable_partition(pending_.begin(), pending_.end(), [&](const Commitment& c) { return c.takeoff.start > t; });
        if (!cfg_.restrictions.empty()) std::move(left, pending_.end(), std::back_inserter(airborne_));
        pending_.erase(left, pending_.end());
        airborne_.erase(std::remove_if(airborne_.begin(), airborne_.end(), [&](const Commitment& c) { return flights_[size_t(c.flight)].landed_s <= t; }), airborne_.end());
    }

    // The scenario with every restriction announced now as a no-fly zone, its routes kept: made
    // when first needed after a change, and kept after (plans point into their lanes).
    struct Detour {
        Scenario scenario;
        std::unique_ptr<CompiledScenario> compiled;
        std::unique_ptr<RoutingNetwork> network;
        std::unordered_map<uint64_t, std::unique_ptr<KnownRoute>> routes;
    };
    Detour& detour() {
        if (!detour_) {
            auto d = std::make_unique<Detour>();
            d->scenario = s_;
            for (int r : announced_) d->scenario.zones.push_back(restriction_zone(cfg_.restrictions[size_t(r)]));
            d->compiled = std::make_unique<CompiledScenario>(d->scenario);
            d->network = std::make_unique<RoutingNetwork>(*d->compiled, RoutingPolicy{cfg_.allow_flagged_corridors});
            detours_.push_back(std::move(d));
            detour_ = detours_.back().get();
        }
        return *detour_;
    }

    // The announced restrictions a planned flight goes through while they are active: their ids
    // and when the last of them is lifted.
    struct Blocked {
        std::string ids;
        double until_s = 0;
        bool any() const { return !ids.empty(); }
    };
    Blocked blocked_by(const FlightPlan& f) const {
        Blocked out;
        for (int r : announced_) {
            const TemporaryRestriction& restriction = cfg_.restrictions[size_t(r)];
            if (!track_crosses(f.out.track, restriction) && !(f.land && track_crosses(f.back.track, restriction))) continue;
            out.ids += (out.ids.empty() ? "" : ", ") + restriction.id;
            out.until_s = std::max(out.until_s, restriction.end_s);
        }
        return out;
    }

    // No way around: the order waits at its hub until the restrictions its flight meets are
    // lifted, and queues again then; if that is after the day, it is cancelled. The drone stays
    // free. Always true: the order has left the queue.
    bool hold(int oi, int di, double t, const Blocked& blocked) {
        const double until = std::max(blocked.until_s, t + 1);  // never again at the same moment
        const std::string& ids = blocked.ids;
        const SimDrone& drone = drones_[size_t(di)];
        free_queue_[size_t(drone.hub) * types_.size() + size_t(drone.type)].push({drone.free_at, di});
        OrderState& st = state_[size_t(oi)];
        if (until >= cfg_.hours * 3600) {
            reasons_[size_t(oi)] = "cancelled: temporary restriction " + ids + " has no way around it and lasts past the end of the day";
            st.gave_up = true;
            ++restricted_.cancelled;
            return true;
        }
        if (st.held_s == 0) ++restricted_.delayed;
        st.held_s += until - t;
        push(until, EventKind::OrderReady, oi);
        return true;
    }

    // A restriction is announced: deliveries committed and not yet off the ground that would go
    // through it are called off and plan again; those in the air land at the nearest hub they
    // can reach clear of it (divert); the rest keep their paths (counted).
    void announce(int r, double t) {
        announced_.push_back(r);
        detour_ = nullptr;
        const TemporaryRestriction& restriction = cfg_.restrictions[size_t(r)];
        prune_pending(t);
        for (size_t k = pending_.size(); k-- > 0;) {
            if (!track_crosses(flights_[size_t(pending_[k].flight)].track, restriction)) continue;
            call_off(k, t, true);
            ++restricted_.replanned;
        }
        std::vector<char> diverted(flights_.size(), 0);
        for (size_t k = airborne_.size(); k-- > 0;) {
            const int fi = airborne_[k].flight;
            if (track_crosses(flights_[size_t(fi)].track, restriction) && divert(k, t)) diverted[size_t(fi)] = 1;
        }
        for (size_t fi = 0; fi < flights_.size(); ++fi) {
            const SimFlight& f = flights_[fi];
            if (!diverted[fi] && f.takeoff_s <= t && f.landed_s > t && track_crosses(f.track, restriction)) ++restricted_.airborne_through;
        }
    }

    // Each loop planned once (the scenario's own check decides whether it may fly at all), and
    // each departure of the day queued.
    void plan_tours() {
        for (const Sightseeing& loop : s_.sightseeing) {
            TourPlan plan;
            const Hub* hub = s_.find_hub(loop.hub);
            const DroneType* type = s_.find_drone_type(loop.drone_type);
            if (hub) plan.hub = int(hub - s_.hubs.data());
            if (type) plan.type = int(type - s_.drone_types.data());
            auto planned = plan_scenario_sightseeing(compiled_, loop, cfg_.firmware);
            if (!planned) plan.reason = "cannot be laid: " + planned.error().message;
            else if (!planned->check.errors.empty()) plan.reason = planned->check.errors.front().check + ": " + planned->check.errors.front().message;
            else if (plan.hub >= 0 && plan.type >= 0 && based_[size_t(plan.hub) * types_.size() + size_t(plan.type)] == 0)
                plan.reason = "no " + loop.drone_type + " is based at " + loop.hub;
            if (planned) plan.planned = std::move(planned.value());
            for (double t : loop.departures_s) {
                if (t > cfg_.hours * 3600) continue;
                tours_.push_back({loop.id, t, false, -1, -1, "", ""});
                tour_loop_.push_back(int(tour_plans_.size()));
                push(t, EventKind::TourDue, int(tours_.size() - 1));
            }
            tour_plans_.push_back(std::move(plan));
        }
    }

    // Departure k is due (or a drone it waited for is free): the first free drone of the loop's
    // type at its hub flies the loop from the next pad, lands on the next pad back and recharges.
    // With no drone free it waits for the first one back, up to 30 minutes; a loop whose path
    // meets an announced restriction while it is closed does not fly.
    void fly_tour(int k, double t) {
        TourDeparture& d = tours_[size_t(k)];
        const TourPlan& plan = tour_plans_[size_t(tour_loop_[size_t(k)])];
        if (d.flown || !d.reason.empty()) return;
        if (!plan.reason.empty()) {
            d.reason = plan.reason;
            return;
        }
        constexpr double kLongestWait_s = 1800;
        FreeQueue& free = free_drones(plan.hub, plan.type);
        if (free.empty() || free.top().first > t) {
            const double next = free.empty() ? 1e300 : free.top().first;
            if (next - d.scheduled_s > kLongestWait_s) {
                d.reason = "no " + s_.drone_types[size_t(plan.type)].id + " free at " + s_.hubs[size_t(plan.hub)].id + " within 30 minutes of its time";
                return;
            }
            if (!free.empty()) push(next, EventKind::TourDue, k);  // the first one back
            else push(d.scheduled_s + kLongestWait_s, EventKind::TourDue, k);
            return;
        }
        const int di = free.top().second;
        SimDrone& drone = drones_[size_t(di)];
        const Hub& hub = s_.hubs[size_t(plan.hub)];
        const PlannedSightseeing& p = *plan.planned;
        const HeightAmsl ground(hub.ground_elevation_m_amsl);
        const Calendar::Slot slot = pads_[size_t(plan.hub)].earliest(t, hub.pad_slot_s);
        Plan way;
        way.reset(true);
        Recorder recorder(way, nullptr, nullptr);
        flight::Flight fl(fleet_.model(plan.type), fleet_.powers(plan.type, 0.0), false, &recorder);
        fl.start(hub.position, ground, slot.start);
        fly_sightseeing_to_home(fl, p.loop, p.spec);  // the loop as the validator prices it
        const double arrive = fl.t_s();
        const Calendar::Slot back = pads_[size_t(plan.hub)].earliest(arrive, hub.pad_slot_s);
        fl.hover(back.start - arrive);
        fl.land(ground);
        way.take(fl);
        for (int r : announced_) {
            if (!track_crosses(way.track, cfg_.restrictions[size_t(r)])) continue;
            d.reason = "temporary restriction " + cfg_.restrictions[size_t(r)].id + " is closed on its path";
            return;
        }
        if (way.energy_wh > drone.soc_wh - types_[size_t(plan.type)].battery_wh * s_.rules.energy_reserve_fraction) {
            d.reason = "its drone's charge is short of the loop with the reserve";
            return;
        }
        free.pop();
        pads_[size_t(plan.hub)].book(slot, hub.pad_slot_s);
        pads_[size_t(plan.hub)].book(back, hub.pad_slot_s);
        SimFlight flight;
        flight.drone = di;
        flight.sightseeing = tour_loop_[size_t(k)];
        flight.takeoff_s = flight.delivered_s = slot.start;  // nothing aboard to deliver
        flight.landed_s = fl.t_s();
        flight.track = std::move(way.track);
        charge_from(flight.track, 0, drone.soc_wh);
        flight.energy_wh = way.energy_wh;
        flight.distance_m = way.distance_m;
        flight.soc_start_wh = drone.soc_wh;
        flight.soc_end_wh = std::max(0.0, drone.soc_wh - way.energy_wh);
        flight.start_hub = flight.end_hub = plan.hub;
        const double ready = recharge(plan.hub, drone, flight.soc_end_wh, flight.landed_s);
        flight.ready_again_s = ready;
        drone.free_at = ready;
        drone.landed_at = flight.landed_s;
        free_queue_[size_t(plan.hub) * types_.size() + size_t(plan.type)].push({ready, di});
        push(ready, EventKind::DroneFree, di);
        d.flown = true;
        d.takeoff_s = slot.start;
        d.landed_s = flight.landed_s;
        d.drone = drone.id;
        flights_.push_back(std::move(flight));
    }

    // A drone landed at hub h with `charge_wh` left at `landed`: recharged or swapped there (its
    // slot booked), or as it is where the hub has neither. When it is ready again.
    double recharge(int h, SimDrone& drone, double charge_wh, double landed) {
        const Hub& hub = s_.hubs[size_t(h)];
        const DroneType& type = types_[size_t(drone.type)];
        drone.soc_wh = charge_wh;
        if (hub.energy == EnergySupply::None) return landed;
        const double duration = hub.energy == EnergySupply::Charger ? (type.battery_wh - charge_wh) / (hub.charge_power_w * cfg_.charger_efficiency) * 3600 : hub.swap_time_s;
        const Calendar::Slot slot = supply_[size_t(h)].earliest(landed, duration);
        supply_[size_t(h)].book(slot, duration);
        hub_waits_[size_t(h)].energy += slot.start - landed;
        drone.soc_wh = type.battery_wh;
        return slot.start + duration;
    }

    // Is the straight line from a to b clear of every no-fly zone (whatever its band)?
    bool clear_of_no_fly(GeoPoint a, GeoPoint b) const {
        for (size_t z : compiled_.zones_met(a, b))
            if (compiled_.zones()[compiled_.local_zones()[z].zone].kind == ZoneKind::NoFly) return false;
        return true;
    }

    // Airborne delivery k would pass through an announced restriction while it is closed: it
    // lands at the nearest hub it can reach in a straight line at its height, clear of no-fly
    // zones and of every restriction announced, on the charge it has (the reserve is kept for
    // this). What it booked ahead is given back; it waits there for a pad, recharges and stays
    // there for the rest of the day. Its parcel, if still aboard, is delivered when that hub is
    // its destination, queues again when it is its origin, and is otherwise not delivered.
    // False (the flight keeps its path) when no hub is in reach.
    bool divert(size_t k, double t) {
        const Commitment& c = airborne_[k];
        const SimFlight& flight = flights_[size_t(c.flight)];
        const SimOrder& o = orders_[size_t(c.order)];
        const SimDrone& drone = drones_[size_t(c.drone)];
        const TrackPoint here = track_at(flight.track, t);
        const GeoPoint at{here.lat_deg, here.lon_deg};
        const bool aboard = t < flight.delivered_s;
        std::vector<std::pair<double, int>> hubs;  // (distance, hub): nearest first
        for (size_t h = 0; h < s_.hubs.size(); ++h) hubs.push_back({geodesy::distance_m(at, s_.hubs[h].position), int(h)});
        std::sort(hubs.begin(), hubs.end());
        flight::Powers& powers = fleet_.powers(drone.type, aboard ? o.mass_kg : 0.0);
        for (const auto& [distance, h] : hubs) {
            const Hub& hub = s_.hubs[size_t(h)];
            const HeightAmsl ground(hub.ground_elevation_m_amsl);
            if (!clear_of_no_fly(at, hub.position)) continue;
            Plan way;
            way.reset(true);
            way.track.push_back(here);
            way.track.back().charge_wh = 0;  // energy spent, as the recorder writes it
            Recorder recorder(way, nullptr, nullptr);
            flight::Flight fl(fleet_.model(drone.type), powers, false, &recorder);
            fl.start_airborne(at, here.height, t);
            fl.fly_direct(hub.position, fl.model().autopilot.default_speed_m_s, ground);
            const double arrive = fl.t_s();
            const Calendar::Slot pad = pads_[size_t(h)].earliest(arrive, hub.pad_slot_s);
            fl.hover(pad.start - arrive);
            fl.land(ground);
            way.take(fl);
            if (way.energy_wh > here.charge_wh) continue;
            bool crosses = false;
            for (int r : announced_) crosses = crosses || track_crosses(way.track, cfg_.restrictions[size_t(r)]);
            if (crosses) continue;
            land_diverted(k, t, h, pad, way, here.charge_wh);
            return true;
        }
        return false;
    }

    // The diverted flight of airborne delivery k ends with `way` (from t, with `charge_wh` left)
    // at hub h, on pad slot `pad`.
    void land_diverted(size_t k, double t, int h, Calendar::Slot pad, const Plan& way, double charge_wh) {
        const Commitment c = std::move(airborne_[k]);
        airborne_.erase(airborne_.begin() + long(k));
        SimFlight& flight = flights_[size_t(c.flight)];
        const SimOrder& o = orders_[size_t(c.order)];
        SimDrone& drone = drones_[size_t(c.drone)];
        const Hub& home = s_.hubs[size_t(o.from)];
        const Hub& hub = s_.hubs[size_t(h)];
        // Give back what it booked ahead.
        if (c.home_pad.start > t) pads_[size_t(o.from)].unbook(c.home_pad, home.pad_slot_s);
        if (c.home_supply_s > 0 && c.home_supply.start > t) {
            supply_[size_t(o.from)].unbook(c.home_supply, c.home_supply_s);
            hub_waits_[size_t(o.from)].energy -= c.energy_wait_s;
        }
        if (c.land) {
            const double slot_s = s_.hubs[size_t(o.to)].pad_slot_s;
            if (c.dest_pad.start > t) pads_[size_t(o.to)].unbook(c.dest_pad, slot_s);
            if (c.dest_takeoff_pad.start > t) pads_[size_t(o.to)].unbook(c.dest_takeoff_pad, slot_s);
            if (c.dest_supply.start > t) supply_[size_t(o.to)].unbook(c.dest_supply, c.dest_supply_s);
        }
        intents_.withdraw(c.intent);
        // The flight as flown: its track to t, then the way to h.
        std::vector<TrackPoint>& track = flight.track;
        track.erase(std::upper_bound(track.begin(), track.end(), t, [](double time, const TrackPoint& q) { return time < q.t_s; }), track.end());
        double spent = 0, distance = 0;
        for (size_t i = 1; i < track.size(); ++i) {
            spent += std::max(0.0, double(track[i - 1].charge_wh - track[i].charge_wh));  // (a recharge on the way adds)
            distance += geodesy::distance_m({track[i - 1].lat_deg, track[i - 1].lon_deg}, {track[i].lat_deg, track[i].lon_deg});
        }
        const size_t from = track.size();
        if (from > 0) {  // up to t, where the way begins
            spent += std::max(0.0, double(track[from - 1].charge_wh) - charge_wh);
            distance += geodesy::distance_m({track[from - 1].lat_deg, track[from - 1].lon_deg}, {way.track.front().lat_deg, way.track.front().lon_deg});
        }
        track.insert(track.end(), way.track.begin(), way.track.end());
        charge_from(track, from, charge_wh);
        flight.energy_wh = spent + way.energy_wh;
        flight.distance_m = distance + way.distance_m;
        flight.landed_s = way.t_end;
        flight.soc_end_wh = std::max(0.0, charge_wh - way.energy_wh);
        flight.end_hub = h;
        pads_[size_t(h)].book(pad, hub.pad_slot_s);
        // The parcel.
        OrderState& st = state_[size_t(c.order)];
        if (t < flight.delivered_s) {
            if (h == o.to) {
                flight.delivered_s = flight.landed_s;  // landed at its destination
            } else {
                st.done = false;
                st.flight = -1;
                if (h == o.from) {
                    push(flight.landed_s, EventKind::OrderReady, c.order);  // back home: it flies again
                } else {
                    st.gave_up = true;
                    reasons_[size_t(c.order)] = "diverted to " + hub.id + " with the parcel by a temporary restriction";
                }
            }
        }
        // Recharge (or swap) there, and stay.
        const double ready = recharge(h, drone, flight.soc_end_wh, flight.landed_s);
        flight.ready_again_s = ready;
        --based_[size_t(drone.hub) * types_.size() + size_t(drone.type)];
        ++based_[size_t(h) * types_.size() + size_t(drone.type)];
        drone.hub = h;
        drone.free_at = ready;
        drone.landed_at = flight.landed_s;
        free_queue_[size_t(h) * types_.size() + size_t(drone.type)].push({ready, c.drone});
        push(ready, EventKind::DroneFree, c.drone);
        ++restricted_.diverted;
    }

    // Sightseeing loops (only on a day whose scenario has any): each loop's flight as planned,
    // and its departures in the day.
    struct TourPlan {
        int hub = -1, type = -1;
        std::optional<PlannedSightseeing> planned;
        std::string reason;  // why none of its departures can fly
    };
    std::vector<TourPlan> tour_plans_;
    std::vector<int> tour_loop_;  // per departure: its loop
    std::vector<TourDeparture> tours_;

    const CompiledScenario& compiled_;
    const Scenario& s_;
    SimConfig cfg_;
    RoutingNetwork network_;
    std::vector<DroneType> types_;
    Fleet fleet_;
    IntentRegistry intents_;
    std::vector<IntentVolume> intent_;
    FlightPlan flight_plan_;  // try_fly's, kept for its buffers
    std::vector<Calendar> pads_, supply_;
    std::vector<OrderQueue> queues_;
    struct PausedWalk {
        int hub;
        double t;
    };
    std::optional<PausedWalk> walk_;  // a hub's walk that a pause stopped part way
    std::vector<SimDrone> drones_;
    std::vector<FreeQueue> free_queue_;  // per hub and type
    std::vector<int> based_;  // drones per hub and type
    std::vector<int> types_by_battery_;
    std::vector<SimOrder> orders_;
    std::vector<OrderState> state_;
    std::unordered_map<uint64_t, std::unique_ptr<KnownRoute>> routes_;  // each where it was made: plans point into their lanes
    // The same routes by key in a flat table, looked up for every plan, where the table is small
    // (hubs² × types up to kFlatRoutes; a larger network has only the map).
    static constexpr size_t kFlatRoutes = size_t(1) << 20;
    std::vector<const KnownRoute*> known_;
    std::vector<int8_t> feasible_;                // per order and type: -1 unknown, else feasibility()
    flight::MissionLegs legs_;                    // plan_flight()'s
    std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events_;
    uint64_t seq_ = 0;
    std::vector<std::tuple<int, int, int>> wanted_routes_;  // find_routes(): (from, to, type)
    size_t next_route_ = 0;
    bool routes_listed_ = false;
    bool started_ = false;    // the orders are queued as events
    size_t processed_ = 0;    // events handled so far
    double clock_s_ = 0;      // the time of the last event handled
    std::vector<SimFlight> flights_;
    std::unordered_map<size_t, std::string> reasons_;
    std::vector<HubWaits> hub_waits_;
    std::unique_ptr<ResultBuilder> builder_;  // once the events are done
    // Deliveries committed and not yet off the ground, kept on a day with emergencies or
    // restrictions (which may call them off).
    bool keep_pending_ = false;
    std::vector<Commitment> pending_;
    std::vector<Commitment> airborne_;  // off the ground and not yet landed, on a day with restrictions
    // Emergencies (only used on a day that has any).
    bool has_emergencies_ = false;
    std::vector<std::deque<int>> emergencies_;  // per hub: emergency orders waiting, in arrival order
    int preempted_ = 0, gave_way_ = 0;
    // Temporary restrictions (only used on a day that has any).
    std::vector<int> announced_;                  // restrictions announced and not yet lifted
    std::vector<std::unique_ptr<Detour>> detours_;
    Detour* detour_ = nullptr;                    // around the restrictions announced now (null: not made yet)
    Detour* routing_ = nullptr;                   // while set, route() plans through this detour
    RestrictionKpis restricted_;
};

SimResult simulate(const CompiledScenario& compiled, const SimConfig& config, const std::function<void(double)>& progress) {
    SimulationRun run(compiled, config);
    size_t asked = 0;
    // Never pausing; every 128th ask says how far the day has come.
    run.advance([&] {
        if (progress && (++asked & 127) == 0) progress(run.progress());
        return false;
    });
    if (progress) progress(1.0);
    return *run.take_result();
}

SimulationRun::SimulationRun(const CompiledScenario& compiled, const SimConfig& config)
    : compiled_(compiled), config_(config), orders_(std::make_unique<OrderMaker>(compiled.scenario(), config)) {
    constexpr size_t kPeakBytesPerOrder = 2560;
    expected_peak_bytes_ = std::min(orders_->expected_count(), SIZE_MAX / kPeakBytesPerOrder) * kPeakBytesPerOrder;
}
SimulationRun::~SimulationRun() = default;

bool SimulationRun::advance(const std::function<bool()>& pause) {
    if (done_) return true;  // the result may have been taken already
    if (orders_) {  // the day's orders, then its tables (a page's first slices)
        if (!orders_->advance(pause)) return false;
        sim_ = std::make_unique<Simulation>(compiled_, config_, orders_->take());
        orders_.reset();
        if (pause && pause()) return false;
    }
    // Handing the results over, freeing the day's tables, starting the scan and ending it are
    // each a step of its own, with a pause after it: together they were longer than a slice.
    if (sim_) {
        if (!sim_->run_events(pause)) return false;
        if (!sim_->collect(pause)) return false;
        if (!collected_) {
            collected_ = true;
            if (pause && pause()) return false;
        }
        if (!result_) {
            result_ = sim_->results();
            if (pause && pause()) return false;
        }
        if (!sim_->release_orders(pause)) return false;
        sim_.reset();  // its queues and tables are not needed any more
        if (pause && pause()) return false;
    }
    if (config_.tactical && !scan_started_) {
        scan_started_ = true;
        scan_ = start_conflict_scan(*result_, compiled_, config_);
        if (pause && pause()) return false;
    }
    if (scan_) {
        if (!encounters_) {
            if (!scan_->advance(pause)) return false;
            encounters_ = scan_->take();
            if (pause && pause()) return false;
        }
        scan_.reset();
        if (pause && pause()) return false;
    }
    if (encounters_) {
        if (!add_encounters(*result_, *encounters_, compiled_, encounters_added_, pause)) return false;
        encounters_.reset();
    }
    done_ = true;
    return true;
}

double SimulationRun::progress() const {
    if (done_) return 1.0;
    if (orders_) return 0.0;
    if (sim_) return sim_->events_done() * kEventsShare;
    if (config_.tactical && !scan_started_) return kEventsShare;  // the scan is yet to start
    return kEventsShare + (1 - kEventsShare) * (scan_ ? scan_->progress() : 1.0);
}

std::optional<SimResult> SimulationRun::take_result() {
    if (!done_) return std::nullopt;
    std::optional<SimResult> out = std::move(result_);
    result_.reset();
    return out;
}

DroneSnapshot drone_at(const SimResult& r, const CompiledScenario& compiled, size_t drone, double t) {
    const DroneResult& d = r.drones[drone];
    DroneSnapshot snap;
    const Hub& home = compiled.scenario().hubs[size_t(d.hub_index)];
    snap.position = home.position;
    snap.battery_wh = d.battery_wh;
    // The last flight that took off at or before t.
    const auto& idx = d.flight_indices;
    auto it = std::upper_bound(idx.begin(), idx.end(), t, [&](double time, int f) { return time < r.flights[size_t(f)].takeoff_s; });
    if (it == idx.begin()) return snap;
    const int fi = *(it - 1);
    const SimFlight& f = r.flights[size_t(fi)];
    if (t < f.landed_s) {
        const TrackPoint here = track_at(f.track, t);
        snap.position = {here.lat_deg, here.lon_deg};
        snap.height = here.height;
        snap.airborne = !here.on_ground;
        snap.battery_wh = here.charge_wh;
        snap.flight = fi;
        return snap;
    }
    snap.position = compiled.scenario().hubs[size_t(f.end_hub)].position;  // where it landed
    if (t < f.ready_again_s) {
        snap.charging = true;
        snap.battery_wh = f.soc_end_wh + (d.battery_wh - f.soc_end_wh) * (t - f.landed_s) / std::max(1e-9, f.ready_again_s - f.landed_s);
    }
    return snap;
}

FleetBattery fleet_battery(const SimResult& r, const CompiledScenario& compiled) {
    FleetBattery out;
    for (const SeriesPoint& sample : r.series) {
        double sum = 0, lowest = 100;
        for (size_t d = 0; d < r.drones.size(); ++d) {
            const double pct = 100 * drone_at(r, compiled, d, sample.t_s).battery_wh / std::max(1e-9, r.drones[d].battery_wh);
            sum += pct;
            lowest = std::min(lowest, pct);
        }
        out.mean_pct.push_back(r.drones.empty() ? 0.0f : float(sum / double(r.drones.size())));
        out.lowest_pct.push_back(r.drones.empty() ? 0.0f : float(lowest));
    }
    return out;
}

}  // namespace lowsky
