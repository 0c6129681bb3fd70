#pragma once
// DJI WPML (.kmz: wpmz/template.kml and wpmz/waylines.wpml), written element by element after
// DJI's published WPML reference, for a drone type that names the DJI aircraft it is
// (`dji_model`). What a wayline cannot say is refused (a landing before the end, a VTOL
// transition, terrain-following heights) or, where the flight stays the same, said in a note:
// a gripper release has no WPML action, so the aircraft hovers there and the payload releases.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "mission/mission.h"
#include "scenario/scenario.h"

namespace lowsky {

struct WpmlExport {
    std::vector<uint8_t> kmz;
    std::vector<std::string> notes;  // also written into both files as XML comments
};

Result<WpmlExport> write_wpml_kmz(const Mission& mission, const DroneType& type);

}  // namespace lowsky
