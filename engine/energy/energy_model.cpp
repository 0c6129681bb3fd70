#include "energy/energy_model.h"

#include <algorithm>
#include <cmath>

namespace lowsky::energy {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Momentum theory: the power that holds thrust T on n rotors of diameter D.
double induced_hover_power_w(double thrust_n, const EnergyModelParams& p, double rho) {
    return std::pow(thrust_n, 1.5) / std::sqrt(0.5 * kPi * p.rotor_count * p.rotor_diameter_m * p.rotor_diameter_m * rho);
}

// Stolaroff et al. 2018, forward flight of a multirotor.
double stolaroff_power_w(const DroneType& t, double payload_kg, double v, double rho) {
    const EnergyModelParams& p = t.energy;
    const double weight = mass_kg(t, payload_kg) * kGravity_m_s2;
    const double drag_area = p.drag_area_m2 + (payload_kg > 0 ? p.parcel_drag_area_m2 : 0.0);
    const double drag = 0.5 * rho * v * v * drag_area;
    const double alpha = std::atan2(drag, weight);  // forward tilt of the rotor discs
    const double thrust = std::hypot(weight, drag);
    // The induced velocity v_i solves v_i = 2T / (pi n D^2 rho sqrt((V cos a)^2 + (V sin a + v_i)^2)).
    // g(v) = v - k / sqrt(...) grows with v and has one root in [0, sqrt(k)]: Newton steps kept
    // inside a shrinking bracket (bisection when a step would leave it).
    const double k = 2.0 * thrust / (kPi * p.rotor_count * p.rotor_diameter_m * p.rotor_diameter_m * rho);
    const double vc = v * std::cos(alpha), vs = v * std::sin(alpha);
    double lo = 0.0, hi = std::sqrt(k) + 1e-9, vi = std::sqrt(k);
    for (int i = 0; i < 100; ++i) {
        const double s2 = vc * vc + (vs + vi) * (vs + vi);
        const double root = std::sqrt(s2);
        const double g = vi - k / root;
        if (g < 0) lo = vi; else hi = vi;
        const double slope = 1.0 + k * (vs + vi) / (s2 * root);
        double next = vi - g / slope;
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        if (std::abs(next - vi) <= 1e-12 * (1.0 + vi)) { vi = next; break; }
        vi = next;
    }
    return thrust * (vs + vi) / p.efficiency;
}

}  // namespace

double mass_kg(const DroneType& t, double payload_kg) { return t.empty_mass_kg + std::max(0.0, payload_kg); }

double hover_power_w(const DroneType& t, double payload_kg, Air air) {
    return induced_hover_power_w(mass_kg(t, payload_kg) * kGravity_m_s2, t.energy, air.density_kg_m3) / t.energy.efficiency;
}

double cruise_power_w(const DroneType& t, double payload_kg, double airspeed_m_s, Air air) {
    if (t.airframe == Airframe::VtolFixedWing) {
        return mass_kg(t, payload_kg) * kGravity_m_s2 * airspeed_m_s / (t.energy.lift_to_drag * t.energy.efficiency);
    }
    if (t.energy.kind == EnergyModelKind::Dorling) return hover_power_w(t, payload_kg, air);
    return stolaroff_power_w(t, payload_kg, airspeed_m_s, air.density_kg_m3);
}

double climb_power_w(const DroneType& t, double payload_kg, double climb_m_s, Air air) {
    return hover_power_w(t, payload_kg, air) + mass_kg(t, payload_kg) * kGravity_m_s2 * climb_m_s / t.energy.efficiency;
}

double descent_power_w(const DroneType& t, double payload_kg, Air air) { return hover_power_w(t, payload_kg, air); }

double wh_per_km(const DroneType& t, double payload_kg, double airspeed_m_s, Air air) {
    return cruise_power_w(t, payload_kg, airspeed_m_s, air) / airspeed_m_s * 1000.0 / 3600.0;
}

double cruise_range_m(const DroneType& t, double payload_kg, double reserve_fraction, Air air) {
    const double usable_wh = t.battery_wh * (1.0 - reserve_fraction);
    return usable_wh / wh_per_km(t, payload_kg, t.cruise_speed_m_s, air) * 1000.0;
}

}  // namespace lowsky::energy
