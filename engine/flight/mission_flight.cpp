#include "flight/mission_flight.h"

namespace lowsky::flight {

MissionFlightTimes fly_mission(Flight& f, Powers& loaded, Powers& empty, const MissionLegs& legs, const MissionFlightSpec& spec,
                               bool final_landing) {
    MissionFlightTimes times;
    f.set_payload(loaded);
    if (!legs.out.empty()) f.take_off(legs.out.front()->height);
    f.follow(legs.out, &legs.destination);
    const HeightAmsl cruise_at_drop = f.height();

    if (spec.land_at_destination) {
        if (!final_landing) return times;
        f.land(legs.destination_ground);
        times.delivered_s = f.t_s();
        return times;  // a landing delivery ends the mission (the builder refuses a return after it)
    }
    f.vertical(legs.destination_ground.above(spec.release_height_m));
    f.hover(spec.release_hold_s);
    times.delivered_s = f.t_s();
    f.set_payload(empty);
    f.hover(spec.release_settle_s);
    switch (spec.back) {
        case ReturnKind::None:
            return times;
        case ReturnKind::Corridors:
            f.vertical(legs.back.empty() ? cruise_at_drop : legs.back.front()->height);
            f.follow(legs.back, &legs.origin);
            break;
        case ReturnKind::Rtl:
            // RTL: straight home at the height the mission left the drop with, at the RTL speed.
            f.vertical(cruise_at_drop);
            f.fly_direct(legs.origin, f.model().autopilot.default_speed_m_s, legs.origin_ground);
            break;
    }
    if (final_landing) f.land(legs.origin_ground);
    return times;
}

}  // namespace lowsky::flight
