#include "validation/finding_json.h"

namespace lowsky {

Json finding_json(const Finding& f) {
    Json j{{"check", f.check}, {"severity", to_string(f.severity)}, {"message", f.message}, {"object_kind", f.object_kind}, {"object", f.object}};
    if (!f.other.empty()) j["other"] = f.other;
    if (f.segment >= 0) j["segment"] = f.segment;
    if (f.position) j["position"] = Json{{"lat_deg", f.position->lat_deg}, {"lon_deg", f.position->lon_deg}};
    if (!f.explanation.empty()) j["explanation"] = f.explanation;
    return j;
}

}  // namespace lowsky
