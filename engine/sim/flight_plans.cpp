#include "sim/flight_plans.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "geo/offset_line.h"

namespace lowsky {

void Plan::reset(bool recording) {
    record = recording;
    track.clear();
    intent.clear();
    corridors.clear();
    energy_wh = distance_m = t_end = 0;
    height_end = HeightAmsl();
}

void Plan::take(const flight::Flight& f) {
    energy_wh += f.totals().energy_wh;
    distance_m += f.totals().distance_m;
    t_end = f.t_s();
    height_end = f.height();
}


LaneShift lane_shift(const Corridor& corridor, bool reversed) {
    if (corridor.direction != Direction::TwoWay) return {};
    if (corridor.lanes == LaneSeparation::Lateral) return {corridor.width_m / 4, 0};
    if (corridor.lanes == LaneSeparation::Vertical) {
        const double quarter = (corridor.band.ceiling.value_m - corridor.band.floor.value_m) / 4;
        return {0, reversed ? -quarter : quarter};
    }
    return {};
}

std::vector<CorridorLane> corridor_lanes(const Corridor& corridor, const LocalCorridor& compiled) {
    std::vector<CorridorLane> lanes;
    for (const bool reversed : {false, true}) {
        if (reversed && corridor.direction == Direction::OneWay) break;
        if (reversed && corridor.lanes == LaneSeparation::None) break;  // one lane both ways
        std::vector<GeoPoint> line = corridor.centreline;
        if (reversed) std::reverse(line.begin(), line.end());
        const LaneShift shift = lane_shift(corridor, reversed);
        if (shift.right_m != 0) line = offset_right(line, shift.right_m);
        lanes.push_back({std::move(line), compiled.middle().above(shift.up_m), reversed});
    }
    return lanes;
}

RouteLanes make_lanes(const Route& route, const Scenario& s) {
    RouteLanes r;
    r.legs.reserve(route.legs.size());
    for (const RouteLeg& leg : route.legs) {
        const Corridor& corridor = *s.find_corridor(leg.corridor);
        RouteLanes::Lane lane{int(&corridor - s.corridors.data()), leg.reversed, corridor.lanes == LaneSeparation::None};
        const LaneShift shift = lane_shift(corridor, leg.reversed);
        std::vector<GeoPoint> path = shift.right_m != 0 ? offset_right(leg.path, shift.right_m) : leg.path;
        r.legs.push_back(flight::make_leg(std::move(path), leg.height.above(shift.up_m), leg.ground, leg.speed_m_s, lane.corridor));
        r.lanes.push_back(lane);
    }
    for (const auto& l : r.legs) r.order.push_back(&l);
    return r;
}

TrackPoint track_at(const std::vector<TrackPoint>& track, double t) {
    if (track.empty()) return {};
    auto p = std::upper_bound(track.begin(), track.end(), t, [](double time, const TrackPoint& q) { return time < q.t_s; });
    const TrackPoint& b = p == track.end() ? track.back() : *p;
    const TrackPoint& a = p == track.begin() ? track.front() : *(p - 1);
    const double u = b.t_s > a.t_s ? std::clamp((t - a.t_s) / (b.t_s - a.t_s), 0.0, 1.0) : 1.0;
    TrackPoint out;
    out.t_s = t;
    out.lat_deg = a.lat_deg + (b.lat_deg - a.lat_deg) * u;
    out.lon_deg = a.lon_deg + (b.lon_deg - a.lon_deg) * u;
    out.height = HeightAmsl(a.height.m + (b.height.m - a.height.m) * u);
    out.on_ground = a.on_ground && b.on_ground;
    out.charge_wh = float(a.charge_wh + (b.charge_wh - a.charge_wh) * u);
    return out;
}

// The charge field holds the energy spent so far for now; commit() makes it the charge left.
void Recorder::point(double t, GeoPoint at, HeightAmsl h, bool on_ground, double energy_wh) {
    plan_.track.push_back({t, at.lat_deg, at.lon_deg, h, on_ground, float(energy_wh)});
}

void Recorder::segment(int leg, size_t segment, double t0, double t1) {
    const size_t n_out = out_ ? out_->legs.size() : 0;
    const RouteLanes* lanes = size_t(leg) < n_out ? out_ : back_;
    const size_t i = size_t(leg) < n_out ? size_t(leg) : size_t(leg) - n_out;
    if (!lanes || i >= lanes->legs.size()) return;  // a leg off the corridors (none in the simulation)
    const RouteLanes::Lane& lane = lanes->lanes[i];
    const size_t segments = lanes->legs[i].segment_m.size();
    plan_.intent.push_back({uint32_t(lane.corridor), uint32_t(lane.reversed ? segments - 1 - segment : segment), lane.reversed, lane.shared, t0, t1});
}

Fleet::Fleet(const std::vector<DroneType>& types, const Scenario& s, Firmware firmware) {
    for (const auto& t : types) models_.push_back(flight::make_model(t, lowsky_parameters(firmware, t), s));
    for (const auto& m : models_) empty_.emplace_back(m, 0.0);
    by_hundredths_.resize(models_.size());
}

flight::Powers& Fleet::powers(int type, double payload) {
    if (payload == 0) return empty_[size_t(type)];
    if (const int h = hundredths_kg(payload); h >= 0) {
        auto& row = by_hundredths_[size_t(type)];
        if (size_t(h) >= row.size()) row.resize(size_t(h) + 1);
        if (!row[size_t(h)]) row[size_t(h)] = std::make_unique<flight::Powers>(models_[size_t(type)], payload);
        return *row[size_t(h)];
    }
    PayloadKey key{type, 0};
    std::memcpy(&key.bits, &payload, sizeof key.bits);
    if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
    if (loaded_.size() >= kHeldPayloads) loaded_.clear();
    return loaded_.emplace(key, flight::Powers(models_[size_t(type)], payload)).first->second;
}

}  // namespace lowsky
