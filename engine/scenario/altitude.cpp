#include "scenario/altitude.h"

#include <cstdio>

namespace lowsky {

const char* to_string(AltitudeReference reference) {
    switch (reference) {
        case AltitudeReference::AboveGround: return "above_ground";
        case AltitudeReference::AboveTakeoff: return "above_takeoff";
        default: return "amsl";
    }
}

std::optional<AltitudeReference> altitude_reference_from(const std::string& name) {
    if (name == "above_ground") return AltitudeReference::AboveGround;
    if (name == "above_takeoff") return AltitudeReference::AboveTakeoff;
    if (name == "amsl") return AltitudeReference::Amsl;
    return std::nullopt;
}

std::string describe(const Altitude& altitude) {
    const char* words = altitude.reference == AltitudeReference::AboveGround    ? "above ground"
                        : altitude.reference == AltitudeReference::AboveTakeoff ? "above take-off"
                                                                                : "AMSL";
    char text[64];
    std::snprintf(text, sizeof text, "%g m %s", altitude.value_m, words);
    return text;
}

std::optional<double> convert(const Altitude& a, AltitudeReference target, const GroundContext& g) {
    if (a.reference == target) return a.value_m;
    // Through AMSL: each step needs the elevation of its own reference surface.
    auto elevation_of = [&](AltitudeReference r) -> std::optional<double> {
        switch (r) {
            case AltitudeReference::Amsl: return 0.0;
            case AltitudeReference::AboveTakeoff: return g.takeoff_elevation_m_amsl;
            default: return g.terrain_elevation_m_amsl;
        }
    };
    const auto from = elevation_of(a.reference);
    const auto to = elevation_of(target);
    if (!from || !to) return std::nullopt;
    return a.value_m + *from - *to;
}

Overlap bands_overlap(const AltitudeBand& a, const AltitudeBand& b, double separation_m, const GroundContext& g) {
    const AltitudeReference common = a.floor.reference;
    const auto a_lo = convert(a.floor, common, g), a_hi = convert(a.ceiling, common, g);
    const auto b_lo = convert(b.floor, common, g), b_hi = convert(b.ceiling, common, g);
    if (!a_lo || !a_hi || !b_lo || !b_hi) return Overlap::Unknown;
    const bool apart = *a_hi + separation_m <= *b_lo || *b_hi + separation_m <= *a_lo;
    return apart ? Overlap::No : Overlap::Yes;
}

}  // namespace lowsky
