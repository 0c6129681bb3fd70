#include "panels/map_style.h"

namespace lowsky::web::map_style {

ImU32 zone_fill(ZoneKind k) {
    switch (k) {
        case ZoneKind::NoFly: return IM_COL32(214, 48, 49, 50);
        case ZoneKind::Controlled: return IM_COL32(45, 95, 170, 22);
        default: return IM_COL32(142, 68, 173, 40);
    }
}

ImU32 zone_line(ZoneKind k) {
    switch (k) {
        case ZoneKind::NoFly: return IM_COL32(200, 40, 40, 220);
        case ZoneKind::Controlled: return IM_COL32(45, 95, 170, 170);
        default: return IM_COL32(130, 60, 160, 210);
    }
}

ImU32 corridor(CheckState s, int alpha) {
    switch (s) {
        case CheckState::Error: return IM_COL32(222, 45, 38, alpha);
        case CheckState::Warning: return IM_COL32(245, 160, 0, alpha);
        default: return IM_COL32(0, 155, 110, alpha);  // clean, or under an approval
    }
}

ImU32 hub(CheckState s) {
    return s == CheckState::Error ? IM_COL32(222, 45, 38, 255) : s == CheckState::Warning ? IM_COL32(235, 150, 20, 255) : IM_COL32(27, 94, 168, 255);
}

}  // namespace lowsky::web::map_style
