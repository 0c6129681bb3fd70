#include "scenario/compiled_scenario.h"

#include <algorithm>

#include "airspace/airport_zones.h"

namespace lowsky {

namespace {

// The frame's origin: the middle of everything the scenario places.
GeoPoint frame_origin(const Scenario& s) {
    GeoBounds b{180, 90, -180, -90};
    auto add = [&](GeoPoint p) {
        b.west_deg = std::min(b.west_deg, p.lon_deg); b.east_deg = std::max(b.east_deg, p.lon_deg);
        b.south_deg = std::min(b.south_deg, p.lat_deg); b.north_deg = std::max(b.north_deg, p.lat_deg);
    };
    for (const auto& h : s.hubs) add(h.position);
    for (const auto& c : s.corridors) for (const auto& p : c.centreline) add(p);
    if (b.west_deg > b.east_deg) return {22.5, 113.7};  // an empty scenario: the GBA
    return {(b.south_deg + b.north_deg) / 2, (b.west_deg + b.east_deg) / 2};
}

}  // namespace

CompiledScenario::CompiledScenario(const Scenario& s) : scenario_(s), frame_(frame_origin(s)) {
    zones_ = s.zones;
    for (const auto& airport : s.airport_zones) {
        for (auto& z : generate_airport_zones(airport)) zones_.push_back(std::move(z));
    }
    local_zones_.reserve(zones_.size());
    for (size_t i = 0; i < zones_.size(); ++i) {
        const Zone& z = zones_[i];
        LocalZone lz;
        lz.zone = i;
        lz.circle = z.shape.kind == ZoneShape::Kind::Circle;
        if (lz.circle) {
            lz.center = frame_.to_local(z.shape.center);
            lz.radius_m = z.shape.radius_m;
            lz.box.add({lz.center.east_m - lz.radius_m, lz.center.north_m - lz.radius_m});
            lz.box.add({lz.center.east_m + lz.radius_m, lz.center.north_m + lz.radius_m});
        } else {
            for (const auto& p : z.shape.polygon) {
                lz.polygon.push_back(frame_.to_local(p));
                lz.box.add(lz.polygon.back());
            }
        }
        local_zones_.push_back(std::move(lz));
    }

    for (const auto& h : s.hubs) nodes_.push_back({h.id, &h, h.position, frame_.to_local(h.position)});
    for (const auto& j : s.junctions) nodes_.push_back({j.id, nullptr, j.position, frame_.to_local(j.position)});

    corridors_.reserve(s.corridors.size());
    for (size_t i = 0; i < s.corridors.size(); ++i) corridors_.push_back(compile_corridor(i));
}

void CompiledScenario::recompile_corridor(size_t index) { corridors_.at(index) = compile_corridor(index); }

LocalCorridor CompiledScenario::compile_corridor(size_t i) const {
    const Scenario& s = scenario_;
    auto snap = [&](LocalPoint p) {
        int best = -1;
        double best_d = s.rules.node_snap_m;
        for (size_t n = 0; n < nodes_.size(); ++n) {
            const double d = planar::distance(p, nodes_[n].local);
            if (d <= best_d) { best_d = d; best = int(n); }
        }
        return best;
    };
    LocalCorridor lc;
    lc.corridor = i;
    for (const auto& p : s.corridors[i].centreline) {
        const LocalPoint q = frame_.to_local(p);
        lc.length_m += lc.points.empty() ? 0.0 : planar::distance(lc.points.back(), q);
        lc.along_m.push_back(lc.length_m);
        lc.points.push_back(q);
        lc.box.add(q);
    }
    if (!lc.points.empty()) {
        lc.start_node = snap(lc.points.front());
        lc.end_node = snap(lc.points.back());
    }
    lc.ground = corridor_ground(lc.start_node, lc.end_node);
    const AltitudeBand& band = s.corridors[i].band;
    lc.floor = band_height(band.floor, lc.ground);
    lc.ceiling = band_height(band.ceiling, lc.ground);
    return lc;
}

HeightAmsl CompiledScenario::corridor_ground(int start_node, int end_node) const {
    double ground = 1e300;
    for (int n : {start_node, end_node})
        if (n >= 0 && nodes_[size_t(n)].hub) ground = std::min(ground, nodes_[size_t(n)].hub->ground_elevation_m_amsl);
    return HeightAmsl(ground == 1e300 ? 0.0 : ground);
}

HeightAmsl CompiledScenario::band_height(const Altitude& a, HeightAmsl ground) {
    return HeightAmsl(a.reference == AltitudeReference::Amsl ? a.value_m : a.value_m + ground.m);
}

int CompiledScenario::node_index(const std::string& id) const {
    for (size_t i = 0; i < nodes_.size(); ++i) if (nodes_[i].id == id) return int(i);
    return -1;
}

planar::Closest CompiledScenario::segment_to_zone(LocalPoint a, LocalPoint b, const LocalZone& zone) const {
    if (zone.circle) {
        planar::Closest c = planar::point_segment(zone.center, a, b);
        std::swap(c.on_first, c.on_second);  // on_first on the segment
        c.distance_m = std::max(0.0, c.distance_m - zone.radius_m);
        return c;
    }
    return planar::segment_polygon(a, b, zone.polygon);
}

std::vector<size_t> CompiledScenario::zones_met(GeoPoint a, GeoPoint b) const {
    const LocalPoint p = frame_.to_local(a), q = frame_.to_local(b);
    planar::Box box;
    box.add(p);
    box.add(q);
    std::vector<size_t> out;
    for (size_t z = 0; z < local_zones_.size(); ++z)
        if (box.overlaps(local_zones_[z].box) && segment_to_zone(p, q, local_zones_[z]).distance_m <= 0) out.push_back(z);
    return out;
}

}  // namespace lowsky
