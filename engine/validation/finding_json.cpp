#include "validation/finding_json.h"

#include "core/numbers.h"

namespace lowsky {

Json finding_json(const Finding& f) {
    Json j{{"check", f.check}, {"severity", to_string(f.severity)}, {"message", f.message}, {"object_kind", f.object_kind}, {"object", f.object}};
    if (!f.other.empty()) j["other"] = f.other;
    if (f.segment >= 0) j["segment"] = f.segment;
    if (f.places > 1) j["places"] = f.places;
    // Rounded as computed positions are written (core/numbers.h): the same bytes on every platform.
    if (f.position)
        j["position"] = Json{{"lat_deg", round_to_decimals(f.position->lat_deg, kComputedDegreeDecimals)},
                             {"lon_deg", round_to_decimals(f.position->lon_deg, kComputedDegreeDecimals)}};
    if (!f.explanation.empty()) j["explanation"] = f.explanation;
    return j;
}

}  // namespace lowsky
