#include "scenario/scenario_objects.h"

#include <cstdlib>

namespace lowsky {

namespace {

struct KindInfo {
    ObjectKind kind;
    const char* name;
    const char* path;
};
constexpr KindInfo kKinds[] = {
    {ObjectKind::DroneType, "drone_type", "$.drone_types"}, {ObjectKind::Hub, "hub", "$.hubs"},
    {ObjectKind::Junction, "junction", "$.junctions"},      {ObjectKind::Corridor, "corridor", "$.corridors"},
    {ObjectKind::Zone, "zone", "$.zones"},                  {ObjectKind::Fleet, "fleet", "$.fleet"},
    {ObjectKind::DemandRate, "demand_rate", "$.demand.rates"}, {ObjectKind::Order, "order", "$.demand.orders"},
    {ObjectKind::WindBand, "wind_band", "$.weather.wind"}, {ObjectKind::Rules, "rules", "$.rules"},
    {ObjectKind::Inspection, "inspection", "$.inspections"}, {ObjectKind::Sightseeing, "sightseeing", "$.sightseeing"},
};

// Calls f with the scenario's vector for a kind.
template <typename S, typename F>
decltype(auto) with_list(S& s, ObjectKind kind, F&& f) {
    switch (kind) {
        case ObjectKind::DroneType: return f(s.drone_types);
        case ObjectKind::Hub: return f(s.hubs);
        case ObjectKind::Junction: return f(s.junctions);
        case ObjectKind::Corridor: return f(s.corridors);
        case ObjectKind::Zone: return f(s.zones);
        case ObjectKind::Fleet: return f(s.fleet);
        case ObjectKind::DemandRate: return f(s.demand_rates);
        case ObjectKind::Order: return f(s.orders);
        case ObjectKind::Inspection: return f(s.inspections);
        case ObjectKind::Sightseeing: return f(s.sightseeing);
        case ObjectKind::WindBand: case ObjectKind::Rules: break;  // the rules are no list: callers take them apart
    }
    return f(s.wind);
}

}  // namespace

const char* to_string(ObjectKind kind) {
    for (const auto& k : kKinds) if (k.kind == kind) return k.name;
    return "?";
}

std::optional<ObjectKind> object_kind_from(std::string_view name) {
    for (const auto& k : kKinds) if (name == k.name) return k.kind;
    return std::nullopt;
}

std::string list_path(ObjectKind kind) {
    for (const auto& k : kKinds) if (k.kind == kind) return k.path;
    return "$";
}

bool has_ids(ObjectKind kind) {
    return kind != ObjectKind::Fleet && kind != ObjectKind::DemandRate && kind != ObjectKind::WindBand && kind != ObjectKind::Rules;
}

ObjectKind kind_of(const ScenarioObject& o) { return ObjectKind(o.index()); }

size_t list_size(const Scenario& s, ObjectKind kind) {
    if (kind == ObjectKind::Rules) return 1;
    return with_list(s, kind, [](const auto& list) { return list.size(); });
}

ScenarioObject object_at(const Scenario& s, ObjectKind kind, size_t index) {
    if (kind == ObjectKind::Rules) return ScenarioObject(s.rules);
    return with_list(s, kind, [&](const auto& list) { return ScenarioObject(list.at(index)); });
}

void put_object(Scenario& s, size_t index, ScenarioObject object) {
    if (const Rules* r = std::get_if<Rules>(&object)) {
        s.rules = *r;
        return;
    }
    with_list(s, kind_of(object), [&](auto& list) {
        using T = typename std::decay_t<decltype(list)>::value_type;
        list.at(index) = std::get<T>(std::move(object));
    });
}

void insert_object(Scenario& s, size_t index, ScenarioObject object) {
    if (std::holds_alternative<Rules>(object)) return;  // one set of rules, never a second
    with_list(s, kind_of(object), [&](auto& list) {
        using T = typename std::decay_t<decltype(list)>::value_type;
        list.insert(list.begin() + long(std::min(index, list.size())), std::get<T>(std::move(object)));
    });
}

void erase_object(Scenario& s, ObjectKind kind, size_t index) {
    if (kind == ObjectKind::Rules) return;
    with_list(s, kind, [&](auto& list) { list.erase(list.begin() + long(index)); });
}

std::string object_id(const ScenarioObject& object) {
    return std::visit([](const auto& o) -> std::string {
        if constexpr (std::is_same_v<std::decay_t<decltype(o)>, FleetEntry> || std::is_same_v<std::decay_t<decltype(o)>, DemandRate> ||
                      std::is_same_v<std::decay_t<decltype(o)>, WindBand> || std::is_same_v<std::decay_t<decltype(o)>, Rules>)
            return "";
        else
            return o.id;
    }, object);
}

std::optional<size_t> find_object(const Scenario& s, ObjectKind kind, const std::string& id) {
    const size_t n = list_size(s, kind);
    if (!has_ids(kind)) {
        if (id.size() < 2 || id[0] != '#') return std::nullopt;
        char* end = nullptr;
        const unsigned long i = std::strtoul(id.c_str() + 1, &end, 10);
        if (*end != '\0' || i >= n) return std::nullopt;
        return size_t(i);
    }
    return with_list(s, kind, [&](const auto& list) -> std::optional<size_t> {
        if constexpr (std::is_same_v<typename std::decay_t<decltype(list)>::value_type, FleetEntry> ||
                      std::is_same_v<typename std::decay_t<decltype(list)>::value_type, DemandRate> ||
                      std::is_same_v<typename std::decay_t<decltype(list)>::value_type, WindBand>) {
            return std::nullopt;
        } else {
            for (size_t i = 0; i < list.size(); ++i) if (list[i].id == id) return i;
            return std::nullopt;
        }
    });
}

}  // namespace lowsky
