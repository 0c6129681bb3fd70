#pragma once
// Electrical power of a drone in each phase of flight (docs/simulation.md).
// Multirotors: Stolaroff et al. 2018 (forward flight from drag, tilt and induced velocity) or
// Dorling et al. 2017 (hover power at every speed). VTOL fixed-wing types hover and climb on
// their lift rotors and cruise on the wing: P = m g V / (L/D * efficiency).
// All powers are electrical: mechanical power divided by the type's overall efficiency.

#include "scenario/scenario.h"

namespace lowsky::energy {

constexpr double kGravity_m_s2 = 9.80665;

struct Air {
    double density_kg_m3 = 1.19;
};

// The drone's mass with `payload_kg` on board (the type's heaviest take-off: its max_payload_kg).
double mass_kg(const DroneType& type, double payload_kg);
double hover_power_w(const DroneType& type, double payload_kg, Air air);
// Level flight at an airspeed (no wind here: wind changes the airspeed, the caller's job).
double cruise_power_w(const DroneType& type, double payload_kg, double airspeed_m_s, Air air);
// Climbing at `climb_m_s`: hover power plus the power that lifts the mass.
double climb_power_w(const DroneType& type, double payload_kg, double climb_m_s, Air air);
// Descending at the type's descent rate. Taken as hover power: conservative, and what
// measured descents of multirotors come close to.
double descent_power_w(const DroneType& type, double payload_kg, Air air);

// Watt-hours per kilometre of level flight at an airspeed.
double wh_per_km(const DroneType& type, double payload_kg, double airspeed_m_s, Air air);

// How far the type flies level at cruise speed on its usable energy (battery less reserve).
double cruise_range_m(const DroneType& type, double payload_kg, double reserve_fraction, Air air);

}  // namespace lowsky::energy
