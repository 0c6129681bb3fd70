#include "sim/flight_plans.h"

#include <algorithm>
#include <cmath>

#include "geo/local_frame.h"

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

namespace {

// The polyline moved sideways to the right of its direction of travel (mitred corners).
std::vector<GeoPoint> offset_right(const std::vector<GeoPoint>& path, double offset_m) {
    if (path.size() < 2) return path;
    const LocalFrame frame(path.front());
    std::vector<LocalPoint> p;
    for (const auto& g : path) p.push_back(frame.to_local(g));
    std::vector<GeoPoint> out;
    for (size_t i = 0; i < p.size(); ++i) {
        auto right_normal = [&](size_t a, size_t b) {
            const double dx = p[b].east_m - p[a].east_m, dy = p[b].north_m - p[a].north_m, n = std::hypot(dx, dy);
            return n > 0 ? std::pair<double, double>{dy / n, -dx / n} : std::pair<double, double>{0, 0};
        };
        auto n1 = right_normal(i > 0 ? i - 1 : 0, i > 0 ? i : 1);
        auto n2 = right_normal(i + 1 < p.size() ? i : i - 1, i + 1 < p.size() ? i + 1 : i);
        double nx = n1.first + n2.first, ny = n1.second + n2.second;
        const double len = std::hypot(nx, ny);
        if (len < 1e-9) { nx = n1.first; ny = n1.second; } else { nx /= len; ny /= len; }
        const double cos_half = std::max(0.5, nx * n1.first + ny * n1.second);
        out.push_back(frame.to_geo({p[i].east_m + nx * offset_m / cos_half, p[i].north_m + ny * offset_m / cos_half}));
    }
    return out;
}

}  // namespace

// Keep right by a quarter of the width, or fly the upper (in the corridor's own direction) or
// lower quarter of the band for vertical lanes; heights AMSL.
RouteLanes make_lanes(const Route& route, const Scenario& s) {
    RouteLanes r;
    r.legs.reserve(route.legs.size());
    for (const RouteLeg& leg : route.legs) {
        const Corridor& corridor = *s.find_corridor(leg.corridor);
        RouteLanes::Lane lane{int(&corridor - s.corridors.data()), leg.reversed, corridor.lanes == LaneSeparation::None};
        HeightAmsl height = leg.height;
        std::vector<GeoPoint> path = leg.path;
        if (corridor.direction == Direction::TwoWay && corridor.lanes == LaneSeparation::Lateral) {
            path = offset_right(leg.path, corridor.width_m / 4);
        } else if (corridor.direction == Direction::TwoWay && corridor.lanes == LaneSeparation::Vertical) {
            const double quarter = (corridor.band.ceiling.value_m - corridor.band.floor.value_m) / 4;
            height = height.above(leg.reversed ? -quarter : quarter);
        }
        r.legs.push_back(flight::make_leg(std::move(path), height, leg.ground, leg.speed_m_s, lane.corridor));
        r.lanes.push_back(lane);
    }
    for (const auto& l : r.legs) r.order.push_back(&l);
    return r;
}

void Recorder::point(double t, GeoPoint at, HeightAmsl h, bool on_ground) { plan_.track.push_back({t, at.lat_deg, at.lon_deg, h, on_ground}); }

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
}

flight::Powers& Fleet::powers(int type, double payload) {
    for (auto& [t, p] : powers_) if (t == type && p.payload_kg() == payload) return p;
    auto& slot = powers_[next_++ % powers_.size()];
    slot = {type, flight::Powers(models_[size_t(type)], payload)};
    return slot.second;
}

}  // namespace lowsky
