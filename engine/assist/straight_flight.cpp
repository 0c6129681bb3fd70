#include "assist/straight_flight.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "energy/wind.h"
#include "flight/flight.h"
#include "geo/geodesy.h"
#include "flight/autopilot.h"

namespace lowsky::assist {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kInf = std::numeric_limits<double>::infinity();

// A type flown out of one place at one payload, height and wind: take-off, one leg at its
// commanded speed under a limit, landing (the profile's own steps).
class Flyer {
public:
    Flyer(const Scenario& scenario, const DroneType& type, double payload_kg, const StraightFlightPlace& place)
        : type_(type),
          model_(flight::make_model(type, autopilot_settings(Firmware::ArduPilot, SettingsSource::LowskyParameters, type), scenario)),
          powers_(model_, payload_kg),
          ground_(place.ground_m_amsl),
          height_(place.ground_m_amsl + place.height_agl_m),
          wind_(flight::wind_velocity(energy::wind_at(scenario.wind, place.height_agl_m))) {}

    CorridorFlight fly(std::vector<GeoPoint> line, double speed_limit_m_s) {
        flight::LegGeometry leg = flight::make_leg(std::move(line), height_, ground_, 0);
        leg.speed_m_s = flight::commanded_speed_m_s(type_, speed_limit_m_s, leg.track, wind_);
        if (leg.speed_m_s <= 0) return {kInf, kInf};  // no headway
        flight::Flight f(model_, powers_, false);
        f.start(leg.path.front(), ground_, 0);
        f.take_off(height_);
        f.follow({&leg});
        f.land(ground_);
        return {f.t_s(), f.totals().energy_wh};
    }

private:
    const DroneType& type_;
    flight::Model model_;
    flight::Powers powers_;
    HeightAmsl ground_, height_;
    flight::WindVelocity wind_;
};

}  // namespace

StraightFlights::StraightFlights(const Scenario& scenario, const DroneType& type, double payload_kg, const StraightFlightPlace& place,
                                 double speed_limit_m_s) {
    Flyer flyer(scenario, type, payload_kg, place);
    const double limit = speed_limit_m_s > 0 ? std::min(speed_limit_m_s, type.cruise_speed_m_s) : type.cruise_speed_m_s;
    // The fixed part holds the climb, the descent and the speed changes; the part per metre the
    // cruise in the wind.
    for (size_t k = 0; k < headings_.size(); ++k) {
        const double bearing = double(k) * 10;
        const CorridorFlight near = flyer.fly({place.at, geodesy::destination(place.at, bearing, 5000)}, limit);
        const CorridorFlight far = flyer.fly({place.at, geodesy::destination(place.at, bearing, 15000)}, limit);
        Heading& h = headings_[k];
        if (!std::isfinite(near.time_s) || !std::isfinite(far.time_s)) continue;
        h.headway = true;
        h.per_m_s = (far.time_s - near.time_s) / 10000;
        h.fixed_s = near.time_s - h.per_m_s * 5000;
        h.per_m_wh = (far.energy_wh - near.energy_wh) / 10000;
    }
}

StraightFlights::Between StraightFlights::between(double bearing_deg) const {
    const double x = std::fmod(std::fmod(bearing_deg, 360) + 360, 360) / 10;
    const size_t k0 = size_t(x) % 36, k1 = (k0 + 1) % 36;
    return {&headings_[k0], &headings_[k1], x - std::floor(x)};
}

double StraightFlights::seconds(double distance_m, double bearing_deg) const {
    const Between b = between(bearing_deg);
    if (!b.a->headway || !b.b->headway) return -1;
    return (1 - b.t) * (b.a->fixed_s + b.a->per_m_s * distance_m) + b.t * (b.b->fixed_s + b.b->per_m_s * distance_m);
}

double StraightFlights::per_metre(RouteObjective objective, double bearing_deg) const {
    const Between b = between(bearing_deg);
    if (!b.a->headway || !b.b->headway) return kInf;
    const bool time = objective == RouteObjective::Fastest;
    return (1 - b.t) * (time ? b.a->per_m_s : b.a->per_m_wh) + b.t * (time ? b.b->per_m_s : b.b->per_m_wh);
}

CorridorFlight fly_corridor(const Scenario& scenario, const DroneType& type, double payload_kg, const StraightFlightPlace& place,
                            const std::vector<GeoPoint>& centreline) {
    return Flyer(scenario, type, payload_kg, place).fly(centreline, type.cruise_speed_m_s);
}

LegCost::LegCost(const StraightFlights& flights, RouteObjective objective, bool both_ways) : table_(kBins), least_(kInf) {
    for (size_t k = 0; k < kBins; ++k) {
        // The bin's middle direction as a bearing: its pseudo-angle back to a vector.
        const double q = (double(k) + 0.5) / (kBins / 4);
        const int quadrant = int(q);
        const double f = q - quadrant;
        double east = 0, north = 0;
        switch (quadrant) {
            case 0: east = f, north = 1 - f; break;
            case 1: east = 1 - f, north = -f; break;
            case 2: east = -f, north = -(1 - f); break;
            default: east = -(1 - f), north = f; break;
        }
        const double bearing = std::atan2(east, north) * 180 / kPi;
        const double there = flights.per_metre(objective, bearing);
        table_[k] = both_ways ? (there + flights.per_metre(objective, bearing + 180)) / 2 : there;
        least_ = std::min(least_, table_[k]);
    }
}

}  // namespace lowsky::assist
