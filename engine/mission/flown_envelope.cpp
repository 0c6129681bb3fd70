#include "mission/flown_envelope.h"

#include <algorithm>
#include <cmath>

#include "geo/geodesy.h"
#include "geo/local_frame.h"

namespace lowsky {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kDiscPoints = 48;  // a disc's edge every 7.5 degrees
constexpr int kArcPoints = 12;

struct Pos {
    GeoPoint at;
    HeightAmsl height;
    size_t item;
};

bool same_place(GeoPoint a, GeoPoint b) { return a.lat_deg == b.lat_deg && a.lon_deg == b.lon_deg; }

HeightAmsl item_height(const MissionItem& it, const Mission& m) {
    return it.frame == mav::kFrameGlobal ? HeightAmsl(it.alt_m) : HeightAmsl(m.home_alt_m_amsl).above(it.alt_m);
}

class Envelope {
public:
    Envelope(const DroneType& type, const AutopilotSettings& settings, double wind) : type_(type), ap_(settings), wind_(wind) {}

    void disc(const Pos& at) {
        const double r = vtol_departure_reach_m(ap_, type_, wind_);
        for (int k = 0; k < kDiscPoints; ++k)
            add(geodesy::destination(at.at, 360.0 * k / kDiscPoints, r), at.height, at.item, "transition to the wing");
    }

    // Slowing from the wing to a hover at `to`, having come from `from`: on past it along the
    // approach, and up, from the height the transition starts at.
    void back_transition(const Pos& from, const Pos& to) {
        const HeightAmsl up = from.height.above(ap_.transition_balloon_m);
        add(to.at, up, to.item, "back-transition");
        if (same_place(from.at, to.at)) return;
        const GeoPoint past = geodesy::destination(to.at, geodesy::inverse(to.at, from.at).initial_bearing_deg + 180.0, ap_.transition_overshoot_m);
        add(past, up, to.item, "back-transition");
    }

    // The corners of a run on the wing, each an arc tangent to both legs.
    void turns(const std::vector<Pos>& run, const std::vector<double>& speed) {
        for (size_t i = 1; i + 1 < run.size(); ++i) {
            const LocalFrame frame(run[i].at);
            const LocalPoint a = frame.to_local(run[i - 1].at), c = frame.to_local(run[i + 1].at);
            const double la = std::hypot(a.east_m, a.north_m), lc = std::hypot(c.east_m, c.north_m);
            if (la < 1e-6 || lc < 1e-6) continue;
            const double d1x = -a.east_m / la, d1y = -a.north_m / la;  // along the incoming leg
            const double d2x = c.east_m / lc, d2y = c.north_m / lc;    // along the outgoing leg
            const double cross = d1x * d2y - d1y * d2x, dot = d1x * d2x + d1y * d2y;
            const double turn = std::atan2(std::abs(cross), dot);
            if (turn < kPi / 180) continue;
            const double r = wing_turn_radius_m(type_, speed[i] + wind_);
            const double t = r * std::tan(turn / 2);
            const double side = cross > 0 ? 1.0 : -1.0;  // left turn: the centre is on the left
            const double cx = -d1x * t + side * -d1y * r, cy = -d1y * t + side * d1x * r;
            const double a0 = std::atan2(-d1y * t - cy, -d1x * t - cx);
            for (int k = 0; k <= kArcPoints; ++k) {
                const double ang = a0 + side * turn * k / kArcPoints;
                add(frame.to_geo({cx + r * std::cos(ang), cy + r * std::sin(ang)}), run[i].height, run[i].item, "turn");
            }
        }
    }

    std::vector<EnvelopePoint> points;

private:
    void add(GeoPoint at, HeightAmsl h, size_t item, const char* what) { points.push_back({at, h, item, what}); }
    const DroneType& type_;
    const AutopilotSettings& ap_;
    double wind_;
};

}  // namespace

double envelope_wind_m_s(const std::vector<WindBand>& bands, const std::vector<HeightAmsl>& flown, HeightAmsl home, const AutopilotSettings& settings) {
    double top_m_agl = 0;
    for (const HeightAmsl& h : flown) top_m_agl = std::max(top_m_agl, h.over(home));
    top_m_agl += settings.transition_balloon_m;
    double strongest = 0;
    for (const WindBand& b : bands)
        if (b.floor_m_agl <= top_m_agl) strongest = std::max(strongest, b.speed_m_s);
    return strongest;
}

std::vector<EnvelopePoint> vtol_flown_envelope(const Mission& m, const DroneType& type, const AutopilotSettings& settings, double wind_m_s) {
    Envelope env(type, settings, wind_m_s);
    std::vector<Pos> run;  // the positions flown on the wing since the last transition to it
    std::vector<double> run_speed;
    bool wing = false, to_hover = false, have = false;
    Pos last{};
    double airspeed = type.cruise_speed_m_s;
    auto end_run = [&] {
        env.turns(run, run_speed);
        run.clear();
        run_speed.clear();
    };
    auto on_wing = [&](const Pos& p) {
        if (!run.empty() && same_place(run.back().at, p.at)) { run.back() = p; return; }
        run.push_back(p);
        run_speed.push_back(airspeed);
    };
    auto into_hover = [&](const Pos& p) {
        on_wing(p);
        end_run();
        env.back_transition(last, p);
        wing = false;
        to_hover = false;
    };

    for (size_t i = 0; i < m.items.size(); ++i) {
        const MissionItem& it = m.items[i];
        if (it.command == mav::kDoChangeSpeed && it.params[0] == 0 && it.params[1] > 0) airspeed = it.params[1];
        if (it.command == mav::kDoVtolTransition) {
            if (it.params[0] == mav::kVtolStateFixedWing && have && !wing) {
                wing = true;
                env.disc({last.at, last.height, i});
                run = {last};
                run_speed = {airspeed};
            } else if (it.params[0] == mav::kVtolStateMultirotor && wing) {
                to_hover = true;
            }
            continue;
        }
        if (it.command == mav::kNavReturnToLaunch) {
            // Home on the wing at the height it is at, and a VTOL landing there.
            const Pos home{m.home, last.height, i};
            if (wing) into_hover(home);
            last = home;
            continue;
        }
        if (!mav::is_positional(it.command)) continue;
        Pos p{{it.lat_deg, it.lon_deg}, item_height(it, m), i};
        if (it.command == mav::kNavVtolLand && have) p.height = last.height;  // it descends where it is
        if (it.command == mav::kNavVtolTakeoff) {
            env.disc(p);
            wing = true;  // on to the next waypoint on the wing
            run = {p};
            run_speed = {airspeed};
        } else if (wing && (to_hover || it.command == mav::kNavVtolLand || it.command == mav::kNavLand)) {
            into_hover(p);
        } else if (wing) {
            on_wing(p);
        }
        last = p;
        have = true;
    }
    if (wing) end_run();
    return env.points;
}

}  // namespace lowsky
