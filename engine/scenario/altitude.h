#pragma once
// Altitudes always carry their reference. Mixing references is how aircraft crash, so there
// is no implicit conversion: the engine converts where it knows enough, and says so where it
// does not (there is no terrain model yet, so true height and AMSL cannot be converted).

#include <optional>
#include <string>

namespace lowsky {

enum class AltitudeReference {
    AboveGround,   // true height over the terrain below (what the 120 m rule speaks of)
    AboveTakeoff,  // over the take-off hub's ground (what a mission's relative frame uses)
    Amsl,          // above mean sea level
};

// A height above mean sea level, the one frame every flight is carried in from routing to the
// conflict scan. A type of its own: heights above home or above the ground stay plain numbers
// named for their reference, and neither turns into this without saying so.
struct HeightAmsl {
    double m = 0.0;
    constexpr HeightAmsl() = default;
    constexpr explicit HeightAmsl(double metres) : m(metres) {}
    constexpr HeightAmsl above(double dh_m) const { return HeightAmsl(m + dh_m); }
    constexpr double over(HeightAmsl ground) const { return m - ground.m; }  // height over that elevation
    constexpr bool operator==(HeightAmsl o) const { return m == o.m; }
    constexpr bool operator!=(HeightAmsl o) const { return m != o.m; }
};

struct Altitude {
    double value_m = 0.0;
    AltitudeReference reference = AltitudeReference::AboveGround;
};

struct AltitudeBand {
    Altitude floor;
    Altitude ceiling;
};

const char* to_string(AltitudeReference reference);          // "above_ground", "above_takeoff", "amsl"
std::optional<AltitudeReference> altitude_reference_from(const std::string& name);
std::string describe(const Altitude& altitude);              // "120 m above ground"

// What is known about the ground where a comparison happens.
struct GroundContext {
    std::optional<double> takeoff_elevation_m_amsl;  // the hub the flight leaves from
    std::optional<double> terrain_elevation_m_amsl;  // the ground below (unknown without a DEM)
};

// Converts to `target` when the context allows; nullopt when it does not.
std::optional<double> convert(const Altitude& altitude, AltitudeReference target, const GroundContext& ground);

enum class Overlap { No, Yes, Unknown };

// Do two bands overlap, or come closer than `separation_m`? Unknown when their references
// cannot be brought to a common one.
Overlap bands_overlap(const AltitudeBand& a, const AltitudeBand& b, double separation_m, const GroundContext& ground);

}  // namespace lowsky
