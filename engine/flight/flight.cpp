#include "flight/flight.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/numbers.h"
#include "geo/geodesy.h"

namespace lowsky::flight {

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

double ms(double seconds) { return round_half_away(seconds * 1000.0) / 1000.0; }
double mw(double watts) { return round_half_away(watts * 1000.0) / 1000.0; }
double mm(double metres) { return round_half_away(metres * 1000.0) / 1000.0; }

}  // namespace

// ---- Model and geometry ------------------------------------------------------------------------

Model make_model(const DroneType& type, const AutopilotSettings& autopilot, const Scenario& scenario) {
    return Model{&type, autopilot, scenario.rules.air_density_kg_m3, &scenario.wind};
}

Track track_of(double bearing_deg) { return {std::sin(bearing_deg * kDeg), std::cos(bearing_deg * kDeg)}; }

WindVelocity wind_velocity(energy::WindVector wind) {
    const double to = (wind.from_deg + 180.0) * kDeg;  // it blows from `from_deg`
    return {wind.speed_m_s * std::sin(to), wind.speed_m_s * std::cos(to)};
}

WindOnTrack wind_on(Track t, WindVelocity w) { return {w.east * t.east + w.north * t.north, w.east * t.north - w.north * t.east}; }

LegGeometry make_leg(std::vector<GeoPoint> path, HeightAmsl height, HeightAmsl ground, double speed_m_s, int corridor) {
    LegGeometry g;
    g.path = std::move(path);
    g.height = height;
    g.ground = ground;
    g.speed_m_s = speed_m_s;
    g.corridor = corridor;
    for (size_t k = 0; k + 1 < g.path.size(); ++k) {
        const geodesy::Inverse inv = geodesy::inverse(g.path[k], g.path[k + 1]);
        g.segment_m.push_back(inv.distance_m);
        g.track.push_back(track_of(inv.initial_bearing_deg));
    }
    return g;
}

Powers::Powers(const Model& model, double payload_kg) : type_(model.type), payload_kg_(payload_kg), rho_(model.air_density_kg_m3) {
    const DroneType& t = *model.type;
    const energy::Air air{rho_};
    hover_w_ = mw(energy::hover_power_w(t, payload_kg, air));
    climb_w_ = mw(energy::climb_power_w(t, payload_kg, model.autopilot.climb_m_s, air));  // at the speed the autopilot climbs
    descent_w_ = mw(energy::descent_power_w(t, payload_kg, air));
}

namespace {
constexpr double kGridStep_m_s = 0.25;
}

double Powers::grid_point(size_t i) {
    if (i >= cruise_grid_.size()) cruise_grid_.resize(i + 8, std::numeric_limits<double>::quiet_NaN());
    double& p = cruise_grid_[i];
    if (std::isnan(p)) p = energy::cruise_power_w(*type_, payload_kg_, double(i) * kGridStep_m_s, energy::Air{rho_});
    return p;
}

double Powers::cruise_w(double airspeed_m_s) {
    const double x = std::max(0.0, airspeed_m_s) / kGridStep_m_s;
    const size_t i = size_t(x);
    const double lo = grid_point(i), hi = grid_point(i + 1);
    return mw(lo + (hi - lo) * (x - double(i)));
}

double Powers::airspeed_limit(const Model& model) {
    const Limit asked{model.type, model.autopilot.max_lean_deg, model.air_density_kg_m3, model.autopilot.wing_borne_cruise, 0};
    if (limit_.type != asked.type || limit_.lean_deg != asked.lean_deg || limit_.rho != asked.rho || limit_.wing_borne != asked.wing_borne) {
        limit_ = asked;
        limit_.airspeed_m_s = airspeed_limit_m_s(model, payload_kg_);
    }
    return limit_.airspeed_m_s;
}

// ---- Pieces --------------------------------------------------------------------------------------

double airspeed_limit_m_s(const Model& model, double payload_kg) {
    const DroneType& t = *model.type;
    if (model.autopilot.wing_borne_cruise) return t.max_speed_m_s;
    return std::min(t.max_speed_m_s, airspeed_at_lean_m_s(t, payload_kg, model.autopilot.max_lean_deg, model.air_density_kg_m3));
}

SegmentMotion segment_motion(const Model& model, double limit, double commanded, Track t, WindVelocity w) {
    SegmentMotion m;
    commanded = std::min(commanded, model.autopilot.max_horizontal_m_s);
    const auto [along, across] = wind_on(t, w);
    if (model.autopilot.wing_borne_cruise) {
        // Holds its airspeed, crabbing into the crosswind; the wind changes the ground speed.
        m.required_airspeed_m_s = commanded;
        m.airspeed_m_s = std::min(commanded, limit);
        m.ground_m_s = std::abs(across) >= m.airspeed_m_s ? 0.0 : std::sqrt(m.airspeed_m_s * m.airspeed_m_s - across * across) + along;
    } else {
        // Holds the commanded ground speed along the track: the air velocity is the ground
        // velocity less the wind's.
        m.required_airspeed_m_s = round_half_away(std::sqrt((commanded - along) * (commanded - along) + across * across) * 100) / 100;
        if (m.required_airspeed_m_s <= limit) {
            m.airspeed_m_s = m.required_airspeed_m_s;
            m.ground_m_s = commanded;
        } else {
            // It cannot: at its top airspeed it makes what ground speed it can along the track.
            m.airspeed_m_s = limit;
            m.ground_m_s = std::abs(across) >= limit ? 0.0 : std::sqrt(limit * limit - across * across) + along;
        }
    }
    m.ground_m_s = round_half_away(m.ground_m_s * 1e6) / 1e6;
    m.headway = m.ground_m_s > Constants::kMinGroundSpeed_m_s;
    return m;
}

double commanded_speed_m_s(const DroneType& type, double speed_limit, const std::vector<Track>& tracks, WindVelocity w) {
    const double still = std::min(speed_limit, type.cruise_speed_m_s);  // what it flies in still air
    if (type.airframe == Airframe::VtolFixedWing) {
        // It holds the airspeed it is given, and the wind sets the ground speed: with the wind
        // behind it, no more airspeed than keeps the ground speed within the corridor's limit on
        // every segment, and never less than it needs to stay on its wing.
        double airspeed = still;
        for (const Track& t : tracks) {
            const auto [along, across] = wind_on(t, w);
            if (speed_limit - along > 0) airspeed = std::min(airspeed, std::hypot(speed_limit - along, across));
        }
        airspeed = std::max(airspeed, type.min_airspeed_m_s);
        return std::floor(airspeed * 10 + 1e-9) / 10;
    }
    double speed = still;
    for (const Track& t : tracks) {
        // |g t - w| <= still along this track: g <= along + sqrt(still^2 - across^2).
        const auto [along, across] = wind_on(t, w);
        if (std::abs(across) >= still) return 0;
        speed = std::min(speed, along + std::sqrt(still * still - across * across));
    }
    return speed > 0 ? std::floor(speed * 10 + 1e-9) / 10 : 0;
}

double start_or_stop_loss_s(const Model& model, double v) {
    const double a = model.autopilot.accel_m_s2, j = model.autopilot.jerk_m_s3;
    if (v <= 0 || a <= 0) return 0;
    // A jerk-limited speed change from rest to v takes v/a + a/j at an average of v/2: half of
    // that is lost against flying the same distance at v.
    return ms((v / a + (j > 0 ? a / j : 0)) / 2);
}

double corner_loss_s(const Model& model, double v, Track from, Track to) {
    const double cos_turn = std::clamp(from.east * to.east + from.north * to.north, -1.0, 1.0);
    if (model.autopilot.wing_borne_cruise || cos_turn > 0.99996 || v <= 0) return 0;  // under half a degree: straight on
    const double a = model.autopilot.accel_m_s2, d = model.autopilot.corner_offset_m;
    // The rounded path passes `d` inside the corner: an arc of radius R; the lateral
    // acceleration limit sets the speed round it.
    const double cos_half = std::sqrt((1 + cos_turn) / 2);
    if (cos_half < 1e-6) return ms(2 * start_or_stop_loss_s(model, v));  // a U-turn: stop and start
    const double radius = d / (1 / cos_half - 1);
    const double v_corner = std::min(v, std::sqrt(a * radius));
    return ms((v - v_corner) * (v - v_corner) / (a * v));
}

Move vertical_move(const Model& model, const Powers& powers, double dh) {
    if (std::abs(dh) < 1e-6) return {};
    const bool up = dh > 0;
    const double dt = ms(up ? dh / model.autopilot.climb_m_s : -dh / model.autopilot.descent_m_s);
    return {dt, (up ? powers.climb_w() : powers.descent_w()) * dt / 3600};
}

Move take_off_move(const Model& model, const Powers& powers, double dh) {
    Move m = vertical_move(model, powers, dh);
    m.time_s += ms(model.autopilot.spool_up_s);  // on the ground at idle: its energy is left out
    return m;
}

LandingTimes landing_times(const AutopilotSettings& ap, double h) {
    LandingTimes t;
    const double fast = std::max(0.0, h - ap.land_final_height_m), slow = std::max(0.0, std::min(h, ap.land_final_height_m));
    if (fast > 0) t.descend_s = ms(fast / ap.land_descent_m_s);
    if (slow > 0) t.final_s = ms(slow / ap.land_final_m_s);
    t.detect_s = ms(ap.land_detect_s);  // on the ground, motors stopping: its energy is left out
    return t;
}

Move landing_move(const Model& model, const Powers& powers, double h) {
    const LandingTimes t = landing_times(model.autopilot, h);
    return {t.descend_s + t.final_s + t.detect_s, powers.descent_w() * t.descend_s / 3600 + powers.descent_w() * t.final_s / 3600};
}

// ---- Flight --------------------------------------------------------------------------------------

const char* to_string(Phase p) {
    switch (p) {
        case Phase::SpoolUp: return "spool-up";
        case Phase::Climb: return "climb";
        case Phase::Accelerate: return "accelerate";
        case Phase::Cruise: return "cruise";
        case Phase::Corner: return "corners";
        case Phase::Decelerate: return "decelerate";
        case Phase::Descend: return "descend";
        case Phase::Hover: return "hover";
        case Phase::LandFinal: return "landing (final)";
        default: return "land detect and disarm";
    }
}

Flight::Flight(const Model& model, Powers& powers, bool keep_phases, Observer* observer)
    : model_(model), powers_(&powers), keep_phases_(keep_phases), observer_(observer) {
    airspeed_limit_ = powers.airspeed_limit(model);
}

void Flight::add(Phase phase, double time_s, double energy_wh, double distance_m, int leg) {
    distance_m = mm(distance_m);  // the geodesics' last bits differ between native and WebAssembly
    totals_.time_s += time_s;
    totals_.energy_wh += energy_wh;
    totals_.distance_m += distance_m;
    if (!keep_phases_ || (time_s == 0 && energy_wh == 0 && distance_m == 0)) return;
    if (!phases_.empty() && phases_.back().phase == phase && phases_.back().leg == leg) {
        phases_.back().time_s += time_s;
        phases_.back().energy_wh += energy_wh;
        phases_.back().distance_m += distance_m;
    } else {
        phases_.push_back({phase, time_s, energy_wh, distance_m, leg});
    }
}

void Flight::start(GeoPoint at, HeightAmsl ground, double t0) {
    at_ = at;
    h_ = ground;
    t_ = t0;
    if (observer_) observer_->point(t_, at_, h_, true, totals_.energy_wh);
}

void Flight::start_airborne(GeoPoint at, HeightAmsl height, double t0) {
    at_ = at;
    h_ = height;
    t_ = t0;
}

void Flight::set_payload(Powers& powers) {
    powers_ = &powers;
    airspeed_limit_ = powers.airspeed_limit(model_);
}

void Flight::take_off(HeightAmsl to) {
    const double spool = take_off_move(model_, *powers_, 0).time_s;
    t_ += spool;
    add(Phase::SpoolUp, spool, 0, 0, -1);  // on the ground at idle: its energy is left out
    if (observer_) observer_->point(t_, at_, h_, true, totals_.energy_wh);
    vertical(to);
}

void Flight::vertical(HeightAmsl to) {
    const double dh = to.over(h_);
    if (std::abs(dh) < 1e-6) return;
    const Move m = vertical_move(model_, *powers_, dh);
    t_ += m.time_s;
    h_ = to;
    add(dh > 0 ? Phase::Climb : Phase::Descend, m.time_s, m.energy_wh, 0, -1);
    if (observer_) observer_->point(t_, at_, h_, false, totals_.energy_wh);
}

void Flight::hover(double seconds) {
    const double dt = ms(seconds);
    if (dt <= 0) return;
    t_ += dt;
    add(Phase::Hover, dt, powers_->hover_w() * dt / 3600, 0, -1);
    if (observer_) observer_->point(t_, at_, h_, false, totals_.energy_wh);
}

void Flight::land(HeightAmsl ground) {
    const LandingTimes t = landing_times(model_.autopilot, h_.over(ground));
    if (t.descend_s > 0) {
        t_ += t.descend_s;
        h_ = ground.above(model_.autopilot.land_final_height_m);
        add(Phase::Descend, t.descend_s, powers_->descent_w() * t.descend_s / 3600, 0, -1);
        if (observer_) observer_->point(t_, at_, h_, false, totals_.energy_wh);
    }
    h_ = ground;
    if (t.final_s > 0) {
        t_ += t.final_s;
        add(Phase::LandFinal, t.final_s, powers_->descent_w() * t.final_s / 3600, 0, -1);
        if (observer_) observer_->point(t_, at_, h_, true, totals_.energy_wh);
    }
    t_ += t.detect_s;
    add(Phase::LandDetect, t.detect_s, 0, 0, -1);
    if (observer_) observer_->point(t_, at_, h_, true, totals_.energy_wh);
}

void Flight::fly_direct(GeoPoint to, double speed_m_s, HeightAmsl ground) {
    const LegGeometry leg = make_leg({at_, to}, h_, ground, speed_m_s);
    follow({&leg});
}

// A move from where the flight is into a lane (or on to the finish): short, so on the plane.
Flight::Piece Flight::join(GeoPoint from, GeoPoint to) {
    if (from.lat_deg == to.lat_deg && from.lon_deg == to.lon_deg) return {};
    const geodesy::Hop hop = geodesy::short_hop(from, to);
    if (hop.distance_m < 5000) return {hop.distance_m, {hop.east, hop.north}, 0, true, to};
    const geodesy::Inverse inv = geodesy::inverse(from, to);  // long (RTL): the geodesic
    return {inv.distance_m, track_of(inv.initial_bearing_deg), 0, true, to};
}

void Flight::follow(const std::vector<const LegGeometry*>& legs, const GeoPoint* finish) {
    bool moving = false;
    Track track;  // of the last piece flown while moving
    for (size_t i = 0; i < legs.size(); ++i) {
        const LegGeometry& leg = *legs[i];
        if (leg.path.empty()) continue;
        const int leg_index = legs_flown_ + int(i);
        const WindVelocity wind = wind_velocity(model_.wind ? energy::wind_at(*model_.wind, leg.height.over(leg.ground)) : energy::WindVector{});
        // A stop follows this leg when the flight ends after it or changes height for the next.
        size_t next = i + 1;
        while (next < legs.size() && legs[next]->path.empty()) ++next;
        const bool stop_after = next >= legs.size() || std::abs(legs[next]->height.over(leg.height)) > 0.01;

        if (std::abs(leg.height.over(h_)) > 0.01) {
            vertical(leg.height);  // the previous leg ended in a stop (stop_after)
            moving = false;
        }
        // The pieces of this leg: into the lane from where the flight is, then the segments.
        pieces_.clear();
        pieces_.reserve(leg.segment_m.size() + 2);  // at once, not doubling from one
        if (const Piece j = join(at_, leg.path.front()); j.m > 0.01) pieces_.push_back(j);
        for (size_t k = 0; k < leg.segment_m.size(); ++k) pieces_.push_back({leg.segment_m[k], leg.track[k], k, false, leg.path[k + 1]});
        if (finish && next >= legs.size()) {
            if (const Piece j = join(pieces_.empty() ? at_ : pieces_.back().to, *finish); j.m > 0.01) pieces_.push_back(j);
        }
        const std::vector<Piece>& pieces = pieces_;

        for (size_t p = 0; p < pieces.size(); ++p) {
            const Piece& piece = pieces[p];
            const SegmentMotion m = segment_motion(model_, airspeed_limit_, leg.speed_m_s, piece.track, wind);
            if (m.required_airspeed_m_s - airspeed_limit_ > worst_excess_) {
                worst_excess_ = m.required_airspeed_m_s - airspeed_limit_;
                worst_airspeed_ = m.required_airspeed_m_s;
                worst_limit_ = airspeed_limit_;
                worst_leg_ = leg_index;
            }
            if (!m.headway) headway_ = false;
            const double gs = std::max(m.ground_m_s, Constants::kMinGroundSpeed_m_s);
            const double power = cruise_power(m);
            double before = 0, after = 0;
            Phase before_phase = Phase::Accelerate;
            if (!moving) {
                before = start_or_stop_loss_s(model_, gs);
            } else {
                before = corner_loss_s(model_, gs, track, piece.track);
                before_phase = Phase::Corner;
            }
            if (stop_after && p + 1 == pieces.size()) after = start_or_stop_loss_s(model_, gs);
            const double cruise = ms(piece.m / gs);
            const double t0 = t_;
            t_ += before + cruise + after;
            add(before_phase, before, power * before / 3600, 0, leg_index);
            add(Phase::Cruise, cruise, power * cruise / 3600, piece.m, leg_index);
            add(Phase::Decelerate, after, power * after / 3600, 0, leg_index);
            at_ = piece.to;
            if (observer_) {
                if (!piece.join) observer_->segment(leg_index, piece.segment, t0, t_);
                observer_->point(t_, at_, h_, false, totals_.energy_wh);
            }
            moving = !(stop_after && p + 1 == pieces.size());
            track = piece.track;
        }
    }
    legs_flown_ += int(legs.size());
}

EnergyVerdict energy_verdict(double needed_wh, const DroneType& type, double reserve_fraction) {
    return {needed_wh, type.battery_wh * (1 - reserve_fraction)};
}

}  // namespace lowsky::flight
