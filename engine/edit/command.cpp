#include "edit/command.h"

namespace lowsky {

namespace {

struct OpName {
    EditOp op;
    const char* json;
    const char* menu;
};
constexpr OpName kOps[] = {
    {EditOp::Add, "add", "add"},           {EditOp::Remove, "remove", "delete"},       {EditOp::Duplicate, "duplicate", "duplicate"},
    {EditOp::Set, "set", "set"},           {EditOp::Move, "move", "move"},             {EditOp::MoveVertex, "move_vertex", "move vertex"},
    {EditOp::InsertVertex, "insert_vertex", "insert vertex"}, {EditOp::DeleteVertex, "delete_vertex", "delete vertex"},
    {EditOp::Paste, "paste", "paste"},
};

std::string kind_words(const std::vector<ObjectRef>& targets) {
    if (targets.empty()) return "";
    for (const auto& t : targets) if (t.kind != targets.front().kind) return std::to_string(targets.size()) + " objects";
    const std::string k = to_string(targets.front().kind);
    return targets.size() == 1 ? k : std::to_string(targets.size()) + " " + k + "s";
}

std::optional<GeoPoint> point_of(const nlohmann::json& v) {
    if (!v.is_object()) return std::nullopt;
    const auto lat = v.find("lat_deg"), lon = v.find("lon_deg");
    if (lat == v.end() || lon == v.end() || !lat->is_number() || !lon->is_number()) return std::nullopt;
    return GeoPoint{lat->get<double>(), lon->get<double>()};
}

Result<ObjectRef> ref_of(const nlohmann::json& v, const std::string& path) {
    if (!v.is_object()) return make_error("expected {\"kind\", \"id\"}", path);
    const auto kind = v.find("kind"), id = v.find("id");
    if (kind == v.end() || !kind->is_string()) return make_error("needs \"kind\"", path);
    const auto k = object_kind_from(kind->get<std::string>());
    if (!k) return make_error("unknown kind \"" + kind->get<std::string>() + "\"", path + ".kind");
    if (id == v.end() || !id->is_string()) return make_error("needs \"id\"", path);
    return ObjectRef{*k, id->get<std::string>()};
}

}  // namespace

std::string command_name(const EditCommand& c) {
    const char* menu = "edit";
    for (const auto& o : kOps) if (o.op == c.op) menu = o.menu;
    switch (c.op) {
        case EditOp::Add: return std::string("add ") + to_string(c.kind);
        case EditOp::Set: {
            const std::string kind = c.targets.empty() ? "" : to_string(c.targets.front().kind);
            if (c.field == "/id") return "rename " + kind;
            return "set " + c.field.substr(c.field.rfind('/') + 1);
        }
        case EditOp::MoveVertex: case EditOp::InsertVertex: case EditOp::DeleteVertex: return menu;
        case EditOp::Paste: return "paste";
        default: return std::string(menu) + " " + kind_words(c.targets);
    }
}

Result<EditCommand> command_from_json(const nlohmann::json& v, const std::string& path) {
    if (!v.is_object()) return make_error("an edit command is an object", path);
    EditCommand c;
    const auto op = v.find("op");
    if (op == v.end() || !op->is_string()) return make_error("needs \"op\"", path);
    bool known = false;
    for (const auto& o : kOps) if (op->get<std::string>() == o.json) c.op = o.op, known = true;
    if (!known) return make_error("unknown op \"" + op->get<std::string>() + "\"", path + ".op");

    if (const auto targets = v.find("targets"); targets != v.end()) {
        if (!targets->is_array()) return make_error("expected an array", path + ".targets");
        for (size_t i = 0; i < targets->size(); ++i) {
            auto r = ref_of((*targets)[i], path + ".targets[" + std::to_string(i) + "]");
            if (!r) return r.error();
            c.targets.push_back(r.value());
        }
    } else if (v.contains("id")) {
        auto r = ref_of(v, path);
        if (!r) return r.error();
        c.targets.push_back(r.value());
    }
    if (const auto kind = v.find("kind"); kind != v.end() && kind->is_string()) {
        const auto k = object_kind_from(kind->get<std::string>());
        if (!k) return make_error("unknown kind \"" + kind->get<std::string>() + "\"", path + ".kind");
        c.kind = *k;
    }
    auto need_point = [&](const char* key) -> std::optional<Error> {
        const auto p = v.find(key);
        const auto g = p == v.end() ? std::nullopt : point_of(*p);
        if (!g) return make_error(std::string("needs \"") + key + "\": {\"lat_deg\", \"lon_deg\"}", path + "." + key);
        c.point = *g;
        return std::nullopt;
    };
    auto need_vertex = [&]() -> std::optional<Error> {
        const auto p = v.find("vertex");
        if (p == v.end() || !p->is_number_integer()) return make_error("needs \"vertex\": an index", path + ".vertex");
        c.vertex = p->get<int>();
        return std::nullopt;
    };
    std::optional<Error> e;
    switch (c.op) {
        case EditOp::Add:
            if (!v.contains("kind")) return make_error("needs \"kind\"", path);
            if (!v.contains("object")) return make_error("needs \"object\"", path);
            c.value = v["object"];
            break;
        case EditOp::Paste:
            if (!v.contains("objects") || !v["objects"].is_array()) return make_error("needs \"objects\": an array", path + ".objects");
            c.value = v["objects"];
            if (v.contains("by")) e = need_point("by");
            break;
        case EditOp::Set:
            if (c.targets.size() != 1) return make_error("needs one object: \"kind\" and \"id\"", path);
            if (!v.contains("field") || !v["field"].is_string()) return make_error("needs \"field\": a JSON pointer such as \"/width_m\"", path + ".field");
            if (!v.contains("value")) return make_error("needs \"value\"", path + ".value");
            c.field = v["field"].get<std::string>();
            c.value = v["value"];
            break;
        case EditOp::Move:
            if (c.targets.empty()) return make_error("needs \"targets\"", path);
            e = need_point("by");
            break;
        case EditOp::MoveVertex: case EditOp::InsertVertex:
            if (c.targets.size() != 1) return make_error("needs one object: \"kind\" and \"id\"", path);
            e = need_vertex();
            if (!e) e = need_point("to");
            break;
        case EditOp::DeleteVertex:
            if (c.targets.size() != 1) return make_error("needs one object: \"kind\" and \"id\"", path);
            e = need_vertex();
            break;
        case EditOp::Remove: case EditOp::Duplicate:
            if (c.targets.empty()) return make_error("needs \"targets\"", path);
            break;
    }
    if (e) return *e;
    return c;
}

nlohmann::json command_to_json(const EditCommand& c) {
    nlohmann::json j;
    for (const auto& o : kOps) if (o.op == c.op) j["op"] = o.json;
    auto point = [](GeoPoint p) { return nlohmann::json{{"lat_deg", p.lat_deg}, {"lon_deg", p.lon_deg}}; };
    nlohmann::json targets = nlohmann::json::array();
    for (const auto& t : c.targets) targets.push_back({{"kind", to_string(t.kind)}, {"id", t.id}});
    switch (c.op) {
        case EditOp::Add: j["kind"] = to_string(c.kind); j["object"] = c.value; break;
        case EditOp::Paste:
            j["objects"] = c.value;
            if (c.point.lat_deg != 0 || c.point.lon_deg != 0) j["by"] = point(c.point);
            break;
        case EditOp::Set: j["targets"] = targets; j["field"] = c.field; j["value"] = c.value; break;
        case EditOp::Move: j["targets"] = targets; j["by"] = point(c.point); break;
        case EditOp::MoveVertex: case EditOp::InsertVertex: j["targets"] = targets; j["vertex"] = c.vertex; j["to"] = point(c.point); break;
        case EditOp::DeleteVertex: j["targets"] = targets; j["vertex"] = c.vertex; break;
        case EditOp::Remove: case EditOp::Duplicate: j["targets"] = targets; break;
    }
    return j;
}

}  // namespace lowsky
