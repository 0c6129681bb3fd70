#include "mission/plan_format.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <utility>

#include "core/json_fast.h"
#include "core/json_read.h"
#include "core/json_write.h"
#include "core/numbers.h"

namespace lowsky {

namespace {

constexpr const char* kItemsPlaceholder = "@@lowsky-items@@";

std::string at(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

Result<double> finite_number(const Json& v, const std::string& path) {
    if (!v.is_number()) return make_error(std::string("expected a number, found ") + json_type_name(v), path);
    const double d = v.get<double>();
    if (!std::isfinite(d)) return make_error("expected a finite number", path);
    return d;
}

Result<GeoPoint> lat_lon(const Json& v, const std::string& path, size_t expected_size) {
    if (!v.is_array() || v.size() != expected_size)
        return make_error("coordinate array must contain " + std::to_string(expected_size) + " values", path);
    auto lat = finite_number(v[0], at(path, 0));
    if (!lat) return lat.error();
    auto lon = finite_number(v[1], at(path, 1));
    if (!lon) return lon.error();
    if (std::abs(lat.value()) > 90 || std::abs(lon.value()) > 180) return make_error("latitude or longitude out of range", path);
    return GeoPoint{lat.value(), lon.value()};
}

Result<int> integer_member(const JsonObjectReader& in, const char* key, int expected = -1) {
    auto n = in.number(key);
    if (!n) return n.error();
    // A version written 2.0 is refused by MAVSDK: versions are whole numbers in the text too.
    if (expected >= 0 && std::strcmp(key, "version") == 0) {
        auto raw = in.member_value(key);
        if (raw && !raw->is_number_integer() && !raw->is_number_unsigned())
            return make_error("a version is written as a whole number (2, not 2.0): MAVSDK refuses it", in.member_path(key));
    }
    if (std::floor(n.value()) != n.value()) return make_error("expected a whole number", in.member_path(key));
    // Beyond an int it fits no member of a plan (and the conversion would be undefined).
    if (std::abs(n.value()) > 2147483647.0) return make_error("out of range", in.member_path(key));
    if (expected >= 0 && int(n.value()) != expected)
        return make_error("must be " + std::to_string(expected) + ", found " + Json(n.value()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), in.member_path(key));
    return int(n.value());
}

// The items, written straight into text: a 10,000-item mission is too slow to build as a
// JSON tree first. The layout is exactly what nlohmann's dump(4) gives for the same tree
// (keys sorted, four spaces), at the depth where "items" sits in the document.
// Items are written through a pointer into a buffer: literals of known length copy inline, and
// no append checks for room item by item (string appends cost most of the time in WebAssembly).
constexpr size_t kItemTextMax = 1024;  // literals (about 480 bytes), eight numbers (24 at most) and three integers (20)

struct TextCursor {
    char* at;
    // Copied in 8-byte words, unrolled: WebAssembly's memcpy for a few dozen bytes is a call,
    // byte by byte when the two addresses are not aligned alike. The last word overlaps.
    template <size_t N>
    void literal(const char (&text)[N]) {
        if constexpr (N - 1 < 8) {
            std::memcpy(at, text, N - 1);
        } else {
            copy_words(text, std::make_index_sequence<(N - 1) / 8>{});
            std::memcpy(at + N - 1 - 8, text + N - 1 - 8, 8);
        }
        at += N - 1;
    }
    template <size_t... I>
    void copy_words(const char* text, std::index_sequence<I...>) {
        (std::memcpy(at + 8 * I, text + 8 * I, 8), ...);
    }
    void integer(long long v) { at = write_integer(at, v); }
    void number(double v) { at = write_json_number(at, v); }
};

char* write_item(char* start, const MissionItem& it, size_t index, bool last) {
    TextCursor out{start};
    out.literal("            {\n");
    if (mav::is_positional(it.command)) {
        // QGC's altitude keys: all three or none (1 relative, 2 absolute).
        out.literal("                \"AMSLAltAboveTerrain\": null,\n                \"Altitude\": ");
        out.number(it.alt_m);
        if (it.frame == mav::kFrameGlobal) out.literal(",\n                \"AltitudeMode\": 2,\n");
        else out.literal(",\n                \"AltitudeMode\": 1,\n");
    }
    if (it.autocontinue) out.literal("                \"autoContinue\": true,\n                \"command\": ");
    else out.literal("                \"autoContinue\": false,\n                \"command\": ");
    out.integer(it.command);
    out.literal(",\n                \"doJumpId\": ");
    out.integer(static_cast<long long>(index + 1));
    out.literal(",\n                \"frame\": ");
    out.integer(it.frame);
    out.literal(",\n                \"params\": [\n");
    const double values[7] = {it.params[0], it.params[1], it.params[2], it.params[3], it.lat_deg, it.lon_deg, it.alt_m};
    for (int k = 0; k < 7; ++k) {
        out.literal("                    ");
        out.number(values[k]);
        if (k < 6) out.literal(",\n");
        else out.literal("\n");
    }
    out.literal("                ],\n                \"type\": \"SimpleItem\"\n");
    if (last) out.literal("            }\n");
    else out.literal("            },\n");
    return out.at;
}

void append_items(std::string& out, const std::vector<MissionItem>& items) {
    if (items.empty()) {
        out += "[]";
        return;
    }
    out += "[\n";
    // Items are gathered in a buffer of some thirty and appended together: in WebAssembly a
    // copy of more than 512 bytes is a call out to JavaScript.
    char text[32 * kItemTextMax];
    char* at = text;
    for (size_t i = 0; i < items.size(); ++i) {
        at = write_item(at, items[i], i, i + 1 == items.size());
        if (size_t(text + sizeof text - at) < kItemTextMax) out.append(text, size_t(at - text)), at = text;
    }
    out.append(text, size_t(at - text));
    out += "        ]";
}

// The seven params (null: NaN) into the item: false where latitude and longitude are missing
// from a positional item or out of range (read_item says which).
bool place_params(MissionItem& it, double (&values)[7]) {
    for (int k = 0; k < 4; ++k) it.params[size_t(k)] = values[k];
    if (std::isnan(values[4]) || std::isnan(values[5])) {
        if (mav::is_positional(it.command)) return false;
        values[4] = values[5] = 0;
    }
    if (std::abs(values[4]) > 90 || std::abs(values[5]) > 180) return false;
    it.lat_deg = values[4];
    it.lon_deg = values[5];
    it.alt_m = values[6];
    return true;
}

// One mission item from its tree: every check QGroundControl and MAVSDK make, with the path.
Result<MissionItem> read_item(const Json& item_json, size_t i, long long& jump_id) {
    // The item's path is written only for a message: 10,000 items make no strings.
    const auto path = [i] { return at("$.mission.items", i); };
    if (!item_json.is_object()) return make_error("mission item " + std::to_string(i) + " is not an object", path());
    JsonObjectReader item(item_json, "$.mission.items", i);
    const Json* type = item.member_value("type");
    if (!type || !type->is_string()) return item.string("type").error();
    const std::string& type_name = type->get_ref<const std::string&>();
    if (type_name == "ComplexItem") return make_error("complex items (surveys, scans, landing patterns) are not supported", path() + ".type");
    if (type_name != "SimpleItem") return make_error("unknown item type: " + type_name, path() + ".type");
    MissionItem it;
    auto command = integer_member(item, "command");
    if (!command) return command.error();
    if (command.value() < 0 || command.value() > 65535) return make_error("command out of range", path() + ".command");
    it.command = uint16_t(command.value());
    if (!mav::is_known_command(it.command))
        return make_error("command " + std::to_string(it.command) + " is no MAVLink command: no autopilot would fly it", path() + ".command");
    auto frame = integer_member(item, "frame");
    if (!frame) return frame.error();
    if (frame.value() < 0 || frame.value() > 255) return make_error("frame out of range", path() + ".frame");
    it.frame = uint8_t(frame.value());
    auto params = item.array("params");
    if (!params) return params.error();
    if (params.value()->size() != 7) return make_error("params must contain 7 values", path() + ".params");
    double values[7];
    for (size_t k = 0; k < 7; ++k) {
        const Json& v = (*params.value())[k];
        if (v.is_null()) { values[k] = std::nan(""); continue; }
        if (v.is_number() && std::isfinite(v.get<double>())) { values[k] = v.get<double>(); continue; }
        return finite_number(v, at(path() + ".params", k)).error();
    }
    if (!place_params(it, values))
        return make_error(std::isnan(values[4]) || std::isnan(values[5]) ? "a positional item needs latitude and longitude" : "latitude or longitude out of range",
                          path() + ".params");
    const Json* autocontinue = item.member_value("autoContinue");
    if (!autocontinue) return make_error("required member is missing", path() + ".autoContinue");
    if (!autocontinue->is_boolean()) return make_error("autoContinue must be true or false", path() + ".autoContinue");
    it.autocontinue = autocontinue->get<bool>();
    const int altitude_keys = int(item.has("AltitudeMode")) + int(item.has("Altitude")) + int(item.has("AMSLAltAboveTerrain"));
    if (altitude_keys != 0 && altitude_keys != 3)
        return make_error("AltitudeMode, Altitude and AMSLAltAboveTerrain go together: all three or none", path());
    jump_id = -1;
    if (const Json* id = item.member_value("doJumpId")) {
        if (!id->is_number_integer() && !id->is_number_unsigned()) return make_error("doJumpId is a whole number", path() + ".doJumpId");
        jump_id = id->get<long long>();
    }
    return it;
}

// The items straight from the text, without a tree: a 10,000-item .plan built as a tree spends
// most of its time (and in WebAssembly most of its allocations) on objects it reads once.
// An item is taken here only when it is plainly valid; anything else (a wrong type, a command
// no firmware knows, a missing member) is left to read_item, so every message comes from one
// place. Each ScannedItem keeps its text for that.
struct ScannedItem {
    std::string_view text;
    bool simple = false;  // read here: item and jump_id hold it
    MissionItem item;
    long long jump_id = -1;
};

constexpr size_t kItemDepth = 3;  // an item sits in the document, the mission and the items

bool whole_number(const JsonScanner::Number& n, uint64_t max, uint64_t& out) {
    if (n.kind != JsonScanner::Number::Unsigned || n.u > max) return false;
    out = n.u;
    return true;
}

// A key against a name, byte by byte inline: in WebAssembly a call to memcmp costs more than
// comparing these few bytes.
template <size_t N>
bool is(std::string_view key, const char (&name)[N]) {
    if (key.size() != N - 1) return false;
    for (size_t i = 0; i + 1 < N; ++i)
        if (key[i] != name[i]) return false;
    return true;
}

bool scan_item(JsonScanner& in, MissionItem& it, long long& jump_id) {
    if (!in.take('{')) return false;
    enum : unsigned { kType = 1, kCommand = 2, kFrame = 4, kParams = 8, kAuto = 16, kAltMode = 32, kAlt = 64, kAmsl = 128 };
    unsigned seen = 0;
    bool simple_item = false;
    double values[7];
    std::string scratch;
    jump_id = -1;
    if (!in.take('}')) {
        while (true) {
            std::string_view key;
            if (!in.string_view(scratch, key) || !in.take(':')) return false;
            JsonScanner::Number n;
            uint64_t whole = 0;
            if (is(key, "type")) {
                std::string_view type;
                if (!in.string_view(scratch, type)) return false;
                simple_item = is(type, "SimpleItem");
                seen |= kType;
            } else if (is(key, "command")) {
                if (!in.number(n) || !whole_number(n, 65535, whole)) return false;
                it.command = uint16_t(whole);
                seen |= kCommand;
            } else if (is(key, "frame")) {
                if (!in.number(n) || !whole_number(n, 255, whole)) return false;
                it.frame = uint8_t(whole);
                seen |= kFrame;
            } else if (is(key, "params")) {
                if (!in.take('[')) return false;
                for (int k = 0; k < 7; ++k) {
                    if (k > 0 && !in.take(',')) return false;
                    if (in.peek() == 'n') {
                        if (!in.skip_value(kItemDepth + 2)) return false;
                        values[k] = std::nan("");
                    } else {
                        if (!in.number(n)) return false;
                        values[k] = n.d;
                    }
                }
                if (!in.take(']')) return false;
                seen |= kParams;
            } else if (is(key, "autoContinue")) {
                if (!in.boolean(it.autocontinue)) return false;
                seen |= kAuto;
            } else if (is(key, "doJumpId")) {
                if (!in.number(n)) return false;
                if (n.kind == JsonScanner::Number::Signed) jump_id = n.i;
                else if (!whole_number(n, uint64_t(std::numeric_limits<long long>::max()), whole)) return false;
                else jump_id = (long long)whole;
            } else {
                seen |= is(key, "AltitudeMode") ? kAltMode : is(key, "Altitude") ? kAlt : is(key, "AMSLAltAboveTerrain") ? kAmsl : 0u;
                if (!in.skip_value(kItemDepth + 1)) return false;
            }
            if (in.take(',')) continue;
            if (!in.take('}')) return false;
            break;
        }
    }
    const unsigned altitude = seen & (kAltMode | kAlt | kAmsl);
    if (!simple_item || (seen & (kType | kCommand | kFrame | kParams | kAuto)) != (kType | kCommand | kFrame | kParams | kAuto)) return false;
    if (altitude != 0 && altitude != (kAltMode | kAlt | kAmsl)) return false;
    if (!mav::is_known_command(it.command)) return false;
    return place_params(it, values);
}

struct ScannedPlan {
    Json root;
    std::vector<ScannedItem> items;
};

// The items array, each item's text kept.
bool scan_items(JsonScanner& in, std::vector<ScannedItem>& items) {
    return in.elements([&] {
        in.skip_space();
        const char* from = in.position();
        ScannedItem item;
        item.simple = scan_item(in, item.item, item.jump_id);
        if (!item.simple) {
            in.rewind(from);
            if (!in.skip_value(kItemDepth)) return false;
        }
        item.text = std::string_view(from, size_t(in.position() - from));
        items.push_back(item);
        return true;
    });
}

// The document with its items read by scan_item and left out of the tree (mission.items is an
// empty array there). Nothing when the text is not a plain case: not JSON (the tree's parser
// says where), no items array, or "mission" or "items" given twice (the last would win).
std::optional<ScannedPlan> scan_plan(std::string_view text) {
    if (text.size() > kMaxJsonBytes) return std::nullopt;
    JsonScanner in(text, kMaxJsonDepth);
    in.skip_bom();
    ScannedPlan plan;
    bool items_scanned = false;
    const auto read_items = [&](Json& out) {
        if (in.peek() != '[') return in.value(out, 2);
        items_scanned = true;
        out = Json::array();
        return scan_items(in, plan.items);
    };
    const auto read_mission = [&](Json& out) {
        if (in.peek() != '{') return in.value(out, 1);
        return in.object_except(2, out, "items", read_items);
    };
    if (in.peek() != '{' || !in.object_except(1, plan.root, "mission", read_mission) || !in.at_end() || !items_scanned) return std::nullopt;
    return plan;
}

}  // namespace

std::string write_plan(const Mission& m) {
    Json polygons = Json::array(), circles = Json::array(), points = Json::array();
    for (const auto& p : m.fence_polygons) {
        Json vertices = Json::array();
        for (const auto& v : p.vertices) vertices.push_back(Json::array({v.lat_deg, v.lon_deg}));
        polygons.push_back({{"version", 1}, {"inclusion", p.inclusion}, {"polygon", vertices}});
    }
    for (const auto& c : m.fence_circles)
        circles.push_back({{"version", 1}, {"inclusion", c.inclusion},
                           {"circle", {{"center", Json::array({c.center.lat_deg, c.center.lon_deg})}, {"radius", c.radius_m}}}});
    for (const auto& r : m.rally_points) points.push_back(Json::array({r.position.lat_deg, r.position.lon_deg, r.alt_m}));

    Json doc{
        {"fileType", "Plan"},
        {"groundStation", "lowsky"},
        {"version", 1},
        {"mission", {{"version", 2}, {"firmwareType", m.firmware == Firmware::Px4 ? mav::kAutopilotPx4 : mav::kAutopilotArduPilot},
                     {"vehicleType", m.vehicle_type}, {"cruiseSpeed", m.cruise_speed_m_s}, {"hoverSpeed", m.hover_speed_m_s},
                     {"globalPlanAltitudeMode", m.global_altitude_mode},
                     {"plannedHomePosition", Json::array({m.home.lat_deg, m.home.lon_deg, m.home_alt_m_amsl})}, {"items", kItemsPlaceholder}}},
        {"geoFence", {{"version", 2}, {"polygons", polygons}, {"circles", circles}}},
        {"rallyPoints", {{"version", 2}, {"points", points}}},
    };
    // Ground stations ignore members they do not know; lowsky keeps its provenance here.
    Json meta{{"notes", m.notes}};
    if (!m.gate_override.empty()) meta["safety_gate_override"] = m.gate_override;
    doc["lowsky"] = meta;
    // The document around the items, and the items written straight into the one string that
    // is returned (no copy of megabytes of text into place).
    const std::string frame = doc.dump(4, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::string placeholder = Json(kItemsPlaceholder).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const size_t at = frame.find(placeholder);
    std::string text;
    text.reserve(frame.size() + m.items.size() * 640 + 16);  // about 550 bytes a positional item: the string never grows
    text.append(frame, 0, at);
    append_items(text, m.items);
    text.append(frame, at + placeholder.size(), std::string::npos) += '\n';
    return text;
}

// The document, from its tree; its items from `scanned` when the text reader took them.
static Result<Mission> read_plan_document(const Json& root, const std::vector<ScannedItem>* scanned) {
    JsonObjectReader doc(root, "$");
    if (!root.is_object()) return make_error(std::string("expected an object, found ") + json_type_name(root), "$");
    auto ground_station = doc.string("groundStation");
    if (!ground_station) return ground_station.error();
    auto file_type = doc.string("fileType");
    if (!file_type) return file_type.error();
    if (file_type.value() != "Plan") return make_error("incorrect file type: expected Plan, found " + file_type.value(), "$.fileType");
    auto version = integer_member(doc, "version");
    if (!version) return version.error();
    if (!root["version"].is_number_integer() && !root["version"].is_number_unsigned())
        return make_error("a version is written as a whole number (1, not 1.0): MAVSDK refuses it", "$.version");
    if (version.value() != 1)
        return make_error(version.value() > 1 ? "file version " + std::to_string(version.value()) + " is newer than the supported version 1"
                                              : "file version " + std::to_string(version.value()) + " is no longer supported", "$.version");
    auto mission_json = doc.object("mission");
    if (!mission_json) return mission_json.error();
    auto fence_json = doc.object("geoFence");
    if (!fence_json) return fence_json.error();
    auto rally_json = doc.object("rallyPoints");
    if (!rally_json) return rally_json.error();

    Mission m;
    JsonObjectReader mission(*mission_json.value(), "$.mission");
    auto mission_version = integer_member(mission, "version", 2);  // MAVSDK requires 2
    if (!mission_version) return mission_version.error();
    auto firmware = integer_member(mission, "firmwareType");
    if (!firmware) return firmware.error();
    if (firmware.value() == mav::kAutopilotPx4) m.firmware = Firmware::Px4;
    else if (firmware.value() == mav::kAutopilotArduPilot) m.firmware = Firmware::ArduPilot;
    else return make_error("firmware type " + std::to_string(firmware.value()) + " is neither PX4 (12) nor ArduPilot (3)", "$.mission.firmwareType");
    if (mission.has("vehicleType")) {
        auto v = integer_member(mission, "vehicleType");
        if (!v) return v.error();
        m.vehicle_type = v.value();
    }
    if (mission.has("cruiseSpeed")) { auto v = mission.number_in("cruiseSpeed", 0, 500); if (!v) return v.error(); m.cruise_speed_m_s = v.value(); }
    if (mission.has("hoverSpeed")) { auto v = mission.number_in("hoverSpeed", 0, 500); if (!v) return v.error(); m.hover_speed_m_s = v.value(); }
    if (mission.has("globalPlanAltitudeMode")) {
        auto v = integer_member(mission, "globalPlanAltitudeMode");
        if (!v) return v.error();
        m.global_altitude_mode = v.value();
    }
    auto home_json = mission.array("plannedHomePosition");
    if (!home_json) return home_json.error();
    auto home = lat_lon(*home_json.value(), "$.mission.plannedHomePosition", 3);
    if (!home) return home.error();
    auto home_alt = finite_number((*home_json.value())[2], "$.mission.plannedHomePosition[2]");
    if (!home_alt) return home_alt.error();
    m.home = home.value();
    m.home_alt_m_amsl = home_alt.value();

    auto items = mission.array("items");
    if (!items) return items.error();
    const size_t count = scanned ? scanned->size() : items.value()->size();
    std::vector<long long> jump_ids;  // each item's doJumpId (-1: none given)
    m.items.reserve(count);
    jump_ids.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        if (scanned && (*scanned)[i].simple) {
            m.items.push_back((*scanned)[i].item);
            jump_ids.push_back((*scanned)[i].jump_id);
            continue;
        }
        // An item the text reader left alone is read from its own tree, which says what is wrong.
        std::optional<Json> own;
        if (scanned) {
            own = parse_json_fast((*scanned)[i].text, kMaxJsonDepth - kItemDepth);
            if (!own) return make_error("mission item " + std::to_string(i) + " could not be read again", at("$.mission.items", i));
        }
        long long jump_id = -1;
        auto item = read_item(own ? *own : (*items.value())[i], i, jump_id);
        if (!item) return item.error();
        m.items.push_back(item.value());
        jump_ids.push_back(jump_id);
    }
    // 3. A DO_JUMP goes to an item that is there: QGroundControl refuses one that does not.
    for (size_t i = 0; i < m.items.size(); ++i) {
        if (m.items[i].command != mav::kDoJump) continue;
        const double target = m.items[i].params[0];
        const bool by_id = std::any_of(jump_ids.begin(), jump_ids.end(), [](long long id) { return id >= 0; });
        const bool found = by_id ? std::find(jump_ids.begin(), jump_ids.end(), (long long)target) != jump_ids.end()
                                 : target >= 1 && target <= double(m.items.size());
        if (!found || std::floor(target) != target)
            return make_error("DO_JUMP to item " + std::to_string((long long)target) + ", which the mission does not have", at("$.mission.items", i) + ".params[0]");
    }

    JsonObjectReader fence(*fence_json.value(), "$.geoFence");
    if (fence.has("version") && fence.number("version").ok() && fence.number("version").value() == 2) {
        auto polygons = fence.array("polygons");
        if (!polygons) return polygons.error();
        auto circles = fence.array("circles");
        if (!circles) return circles.error();
        for (size_t i = 0; i < polygons.value()->size(); ++i) {
            const std::string path = at("$.geoFence.polygons", i);
            JsonObjectReader p((*polygons.value())[i], path);
            auto v = integer_member(p, "version", 1);
            if (!v) return v.error();
            if (!p.has("inclusion") || !(*polygons.value())[i]["inclusion"].is_boolean()) return make_error("inclusion must be true or false", path + ".inclusion");
            auto vertices = p.array("polygon");
            if (!vertices) return vertices.error();
            if (vertices.value()->size() < 3) return make_error("a fence polygon needs at least 3 vertices", path + ".polygon");
            FencePolygon polygon;
            polygon.inclusion = (*polygons.value())[i]["inclusion"].get<bool>();
            for (size_t k = 0; k < vertices.value()->size(); ++k) {
                auto q = lat_lon((*vertices.value())[k], at(path + ".polygon", k), 2);
                if (!q) return q.error();
                polygon.vertices.push_back(q.value());
            }
            m.fence_polygons.push_back(polygon);
        }
        for (size_t i = 0; i < circles.value()->size(); ++i) {
            const std::string path = at("$.geoFence.circles", i);
            JsonObjectReader c((*circles.value())[i], path);
            auto v = integer_member(c, "version", 1);
            if (!v) return v.error();
            if (!c.has("inclusion") || !(*circles.value())[i]["inclusion"].is_boolean()) return make_error("inclusion must be true or false", path + ".inclusion");
            auto body = c.object("circle");
            if (!body) return body.error();
            JsonObjectReader cb(*body.value(), path + ".circle");
            auto center = cb.array("center");
            if (!center) return center.error();
            auto q = lat_lon(*center.value(), path + ".circle.center", 2);
            if (!q) return q.error();
            auto radius = cb.number_in("radius", 0, 1e6);
            if (!radius) return radius.error();
            m.fence_circles.push_back({(*circles.value())[i]["inclusion"].get<bool>(), q.value(), radius.value()});
        }
    } else if (fence.has("version") && !(fence.number("version").ok() && fence.number("version").value() == 1)) {
        return make_error("GeoFence supports version 2", "$.geoFence.version");
    } else {
        const Json& g = *fence_json.value();
        const size_t n = (g.contains("polygons") && g["polygons"].is_array() ? g["polygons"].size() : 0) +
                         (g.contains("circles") && g["circles"].is_array() ? g["circles"].size() : 0);
        if (n > 0)
            m.notes.push_back("geoFence has " + std::string(fence.has("version") ? "version 1" : "no version") + ": QGroundControl ignores such a section, so its " +
                              std::to_string(n) + " fence" + (n == 1 ? " was" : "s were") + " not read (set \"version\": 2 to keep them)");
    }

    JsonObjectReader rally(*rally_json.value(), "$.rallyPoints");
    if (rally.has("version") && rally.number("version").ok() && rally.number("version").value() == 2) {
        auto points = rally.array("points");
        if (!points) return points.error();
        for (size_t i = 0; i < points.value()->size(); ++i) {
            const std::string path = at("$.rallyPoints.points", i);
            auto q = lat_lon((*points.value())[i], path, 3);
            if (!q) return q.error();
            auto alt = finite_number((*points.value())[i][2], path + "[2]");
            if (!alt) return alt.error();
            m.rally_points.push_back({q.value(), alt.value()});
        }
    } else if (rally.has("version") && !(rally.number("version").ok() && rally.number("version").value() == 1)) {
        return make_error("Rally: version 2 expected", "$.rallyPoints.version");
    } else {
        const Json& r = *rally_json.value();
        const size_t n = r.contains("points") && r["points"].is_array() ? r["points"].size() : 0;
        if (n > 0)
            m.notes.push_back("rallyPoints has " + std::string(rally.has("version") ? "version 1" : "no version") + ": QGroundControl ignores such a section, so its " +
                              std::to_string(n) + " rally point" + (n == 1 ? " was" : "s were") + " not read (set \"version\": 2 to keep them)");
    }
    if (root.contains("lowsky") && root["lowsky"].is_object() && root["lowsky"].contains("notes") && root["lowsky"]["notes"].is_array()) {
        for (const auto& n : root["lowsky"]["notes"]) if (n.is_string()) m.notes.push_back(n.get<std::string>());
    }
    if (root.contains("lowsky") && root["lowsky"].is_object() && root["lowsky"].contains("safety_gate_override") &&
        root["lowsky"]["safety_gate_override"].is_string())
        m.gate_override = root["lowsky"]["safety_gate_override"].get<std::string>();
    return m;
}

Result<Mission> read_plan(std::string_view text, const std::string& source) {
    if (auto scanned = scan_plan(text)) return read_plan_document(scanned->root, &scanned->items);
    return read_plan_as_tree(text, source);
}

std::optional<size_t> plan_items_read_directly(std::string_view text) {
    const auto scanned = scan_plan(text);
    if (!scanned) return std::nullopt;
    return size_t(std::count_if(scanned->items.begin(), scanned->items.end(), [](const ScannedItem& i) { return i.simple; }));
}

Result<Mission> read_plan_as_tree(std::string_view text, const std::string& source) {
    auto parsed = parse_json_text(text, source);
    if (!parsed) return parsed.error();
    return read_plan_document(parsed.value(), nullptr);
}

}  // namespace lowsky
