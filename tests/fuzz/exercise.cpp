#include "fuzz/exercise.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "basemap/basemap.h"
#include "core/bytes.h"
#include "core/json_fast.h"
#include "core/json_read.h"
#include "core/json_write.h"
#include "core/numbers.h"
#include "core/text.h"
#include "edit/command.h"
#include "edit/editor.h"
#include "mission/exporters.h"
#include "mission/importers.h"
#include "mission/plan_format.h"
#include "mission/waypoints_format.h"
#include "places/places.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "scenario/scenario_io.h"
#include "sim/report.h"
#include "sim/simulator.h"
#include "validation/finding_json.h"
#include "validation/validate.h"

namespace lowsky::fuzz {

namespace {

void require(bool condition) {
    if (!condition) __builtin_trap();
}

// Strict dump: a string that is not UTF-8 makes nlohmann fail, which aborts (JSON_NOEXCEPTION).
// The app and the tool dump with `replace`; here any such string is a finding.
void dump(const Json& value) { require(!value.dump(-1, ' ', false, Json::error_handler_t::strict).empty()); }

void check_error(const Error& error) {
    const std::string text = error.to_string();
    require(!error.message.empty());
    require(!invalid_utf8_at(text).has_value());
}

void check_text(const std::string& text) { require(!invalid_utf8_at(text).has_value()); }

// A scenario's demand bounds how long a simulated hour takes; the harness keeps each run short
// (libFuzzer counts a slow input as a finding), so only modest demand is simulated.
double orders_per_day(const Scenario& s) {
    double total = 0;
    for (const auto& d : s.demand_rates) total += d.per_day;
    return total;
}

}  // namespace

void exercise_scenario(std::string_view bytes) {
    const ScenarioLoad load = parse_scenario(bytes, "fuzz.json");
    for (const auto& e : load.errors) check_error(e);
    if (!load.ok()) {
        require(!load.errors.empty());
        return;
    }
    const Scenario& s = *load.scenario;
    const CompiledScenario compiled(s);
    const ValidationReport report = validate(compiled);
    for (const auto& f : report.findings) dump(finding_json(f));
    const RoutingNetwork network(compiled);
    if (s.hubs.size() >= 2 && !s.drone_types.empty()) {
        ExportRequest request;
        request.route = {s.hubs.front().id, s.hubs.back().id, s.drone_types.front().id, -1, RouteObjective::Fastest};
        request.format = ExportFormat::Plan;
        const ExportResult plan = export_mission(compiled, network, request);
        if (!plan.ok()) check_error(plan.error);
        else check_text(std::string(plan.bytes.begin(), plan.bytes.end()));
    }
    check_text(save_scenario(s));
    if (orders_per_day(s) <= 20000 && s.hubs.size() <= 200) {
        SimConfig config;
        config.hours = 0.25;
        const SimResult result = simulate(compiled, config);
        const Json tree = sim_report_json(result, config);
        dump(tree);
        // The report as written is the tree's dump, byte for byte, whatever the scenario held.
        require(sim_report_text(result, config) == tree.dump(1, ' ', false, Json::error_handler_t::replace) + "\n");
    }
}

// A .plan read the fast way (items from the text) and the reference way (the whole tree) must
// come out the same: the same mission written again, or the same error in the same place.
static void compare_plan_readings(std::string_view bytes) {
    const auto fast = read_plan(bytes, "fuzz.plan");
    const auto tree = read_plan_as_tree(bytes, "fuzz.plan");
    require(fast.ok() == tree.ok());
    if (!fast.ok()) {
        require(fast.error().to_string() == tree.error().to_string());
        return;
    }
    require(write_plan(fast.value()) == write_plan(tree.value()));
    require(fast.value().notes == tree.value().notes);
}

// The same for GeoJSON: coordinates from the text only where used, or the whole tree. Every
// object compared as the scenario writes it.
static void compare_geojson_readings(std::string_view bytes) {
    const auto fast = import_geojson(bytes, "fuzz.geojson", {});
    const auto tree = import_geojson_as_tree(bytes, "fuzz.geojson", {});
    require(fast.ok() == tree.ok());
    if (!fast.ok()) {
        require(fast.error().to_string() == tree.error().to_string());
        return;
    }
    const Imported &a = fast.value(), &b = tree.value();
    require(a.name == b.name && a.notes == b.notes && a.corridors.size() == b.corridors.size() && a.zones.size() == b.zones.size());
    const auto text = [](const ScenarioObject& o) { return object_to_json(o).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace); };
    for (size_t i = 0; i < a.corridors.size(); ++i) require(text(a.corridors[i]) == text(b.corridors[i]));
    for (size_t i = 0; i < a.zones.size(); ++i) require(text(a.zones[i]) == text(b.zones[i]));
}

void exercise_import(const char* file_name, std::string_view bytes) {
    if (std::strcmp(file_name, "fuzz.plan") == 0) compare_plan_readings(bytes);
    if (std::strcmp(file_name, "fuzz.geojson") == 0) compare_geojson_readings(bytes);
    const Result<Imported> imported = import_file(file_name, bytes, {});
    if (!imported) {
        check_error(imported.error());
        return;
    }
    dump(describe_import(imported.value()));
    if (const auto& mission = imported.value().mission) {
        check_text(write_plan(*mission));
        const auto waypoints = write_waypoints(*mission);
        if (waypoints) check_text(waypoints.value());
        else check_error(waypoints.error());
    }
}

void exercise_places(std::string_view bytes) {
    const auto parsed = parse_places(bytes, "fuzz_places.json");
    if (!parsed) check_error(parsed.error());
}

void decode_basemap_bytes(const std::vector<uint8_t>& bytes) {
    const auto decoded = decode_basemap(bytes.data(), bytes.size());
    if (!decoded) {
        check_error(decoded.error());
        return;
    }
    (void)surface_at(decoded.value(), {22.5, 113.9});
    // A file of the current version is written back to the same bytes: nothing lost or invented.
    if (ByteReader(bytes.data() + 4, 4).u32() == kBasemapFormatVersion) require(encode_basemap(decoded.value()) == bytes);
}

void exercise_basemap(std::string_view bytes) {
    std::vector<uint8_t> file(bytes.begin(), bytes.end());
    decode_basemap_bytes(file);
    // Almost every mutation breaks the trailing checksum, which is read before anything else.
    // Decode the same bytes with the checksum made right too, so that the parser behind it is
    // explored rather than the checksum test alone.
    if (file.size() < 8) return;
    const size_t body = file.size() - 4;
    const uint32_t crc = crc32(file.data(), body);
    for (size_t i = 0; i < 4; ++i) file[body + i] = uint8_t(crc >> (8 * i));
    if (std::equal(file.begin(), file.end(), bytes.begin())) return;
    decode_basemap_bytes(file);
}

void exercise_edit(const Scenario& base, std::string_view bytes) {
    const auto parsed = parse_json_text(bytes, "fuzz_edit.json");
    if (!parsed) {
        check_error(parsed.error());
        return;
    }
    const Json& list = parsed.value();
    Editor editor(base);
    const size_t count = list.is_array() ? list.size() : 1;
    for (size_t i = 0; i < count && i < 64; ++i) {
        const auto command = command_from_json(list.is_array() ? list[i] : list, "$");
        if (!command) {
            check_error(command.error());
            continue;
        }
        dump(command_to_json(command.value()));
        const auto applied = editor.apply(command.value());
        if (!applied) check_error(applied.error());
    }
    check_text(save_scenario(editor.scenario()));
    while (editor.undo()) {}
    // Undo all the way gives back the document it started from.
    require(save_scenario(editor.scenario()) == save_scenario(base));
}


namespace {
// How deep the document nests, counted without recursion (strings skipped).
size_t nesting(std::string_view text) {
    size_t depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}
}  // namespace

void exercise_json(std::string_view bytes) {
    const auto fast = parse_json_fast(bytes, kMaxJsonDepth);
    const Json slow = Json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (fast) {
        require(!slow.is_discarded());
        require(fast->dump(-1, ' ', false, Json::error_handler_t::replace) == slow.dump(-1, ' ', false, Json::error_handler_t::replace));
    } else if (!slow.is_discarded()) {
        // What the fast parser may give up on that nlohmann takes: nesting deeper than lowsky
        // reads, and a NUL byte (nlohmann stops at one as if the text ended there).
        require(nesting(bytes) > kMaxJsonDepth || bytes.find('\0') != std::string_view::npos);
    }
}

void exercise_numbers(std::string_view bytes) {
    // As text: parse_decimal and strtod agree bit for bit on whatever parse_decimal accepts.
    if (bytes.size() <= 64) {
        if (const auto v = parse_decimal(bytes)) {
            const std::string copy(bytes);
            char* end = nullptr;
            const double reference = std::strtod(copy.c_str(), &end);
            require(end == copy.c_str() + copy.size());
            require(std::memcmp(&*v, &reference, sizeof reference) == 0);
        }
    }
    // As a double and a number of decimals: format_fixed prints what printf prints.
    if (bytes.size() >= 9) {
        double value = 0;
        std::memcpy(&value, bytes.data(), sizeof value);
        const int decimals = int(uint8_t(bytes[8]) % 18);
        char reference[512];
        std::snprintf(reference, sizeof reference, "%.*f", decimals, value);
        require(format_fixed(value, decimals) == reference);
        // And as JSON: the short decimal path writes what nlohmann's own writer writes.
        std::string ours;
        append_json_number(ours, value);
        require(ours == Json(value).dump());
    }
}

}  // namespace lowsky::fuzz
