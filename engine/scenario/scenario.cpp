#include "scenario/scenario.h"

#include <algorithm>

namespace lowsky {

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Hub* Scenario::find_hub(const std::string& id) const { return find_by_id(hubs, id); }
const DroneType* Scenario::find_drone_type(const std::string& id) const { return find_by_id(drone_types, id); }
const Corridor* Scenario::find_corridor(const std::string& id) const { return find_by_id(corridors, id); }

bool Hub::serves_type(const std::string& type) const { return serves.empty() || std::find(serves.begin(), serves.end(), type) != serves.end(); }

const char* to_string(ZoneKind kind) {
    switch (kind) {
        case ZoneKind::NoFly: return "no_fly";
        case ZoneKind::Controlled: return "controlled";
        default: return "restricted";
    }
}

const char* to_string(Jurisdiction jurisdiction) {
    switch (jurisdiction) {
        case Jurisdiction::Mainland: return "mainland";
        case Jurisdiction::HongKong: return "hong_kong";
        default: return "macau";
    }
}

const char* to_string(DroneClass drone_class) {
    switch (drone_class) {
        case DroneClass::Micro: return "micro";
        case DroneClass::Light: return "light";
        case DroneClass::Small: return "small";
        case DroneClass::Medium: return "medium";
        default: return "large";
    }
}

}  // namespace lowsky
