// lowsky import FILE [--json] [--gcj02] [--to plan|waypoints|geojson -o OUT]: what a mission or
// shape file holds, or why it is refused; with --to, what was read written again in a format
// (a mission to .plan or .waypoints, corridors and zones to GeoJSON).
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "core/file_io.h"
#include "mission/importers.h"
#include "mission/plan_format.h"
#include "mission/safety_gate.h"
#include "mission/shape_formats.h"
#include "mission/waypoints_format.h"
#include "scenario/compiled_scenario.h"

namespace lowsky::cli {

int run_import(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--to", "--output"}, {"--json", "--gcj02"}, error);
    const char* usage = "usage: lowsky import FILE [--json] [--gcj02] [--to plan|waypoints|geojson -o OUT]";
    if (!args || args->positional.size() != 1) {
        std::fprintf(stderr, "lowsky import: %s\n%s\n", args ? "one file expected" : error.c_str(), usage);
        return kUnreadable;
    }
    const auto to = args->option("--to");
    if (to && (!args->option("--output") || (*to != "plan" && *to != "waypoints" && *to != "geojson"))) {
        std::fprintf(stderr, "lowsky import: --to takes plan, waypoints or geojson, with -o OUT\n%s\n", usage);
        return kUnreadable;
    }
    const std::string path = args->positional[0];
    const bool json = args->flag("--json");
    auto bytes = read_file_bytes(path);
    ImportOptions options;
    options.from_gcj02 = args->flag("--gcj02");
    Result<Imported> imported = bytes ? import_file(path, std::string_view(reinterpret_cast<const char*>(bytes.value().data()), bytes.value().size()), options)
                                      : Result<Imported>(bytes.error());
    if (!imported) {
        if (json) std::printf("%s\n", Json{{"file", path}, {"readable", false}, {"error", error_json(imported.error())}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        else std::fprintf(stderr, "lowsky import: %s is refused: %s\n", path.c_str(), imported.error().to_string().c_str());
        return kUnreadable;
    }
    const Imported& in = imported.value();
    if (to) {
        // What was read, written again: a mission as a mission, shapes as shapes.
        std::string text;
        if (*to == "geojson") {
            if (in.corridors.empty() && in.zones.empty()) {
                std::fprintf(stderr, "lowsky import: %s holds a mission, not corridors or zones: write it --to plan or --to waypoints\n", path.c_str());
                return kUnreadable;
            }
            Scenario shapes;
            shapes.name = in.name.empty() ? path : in.name;
            shapes.corridors = in.corridors;
            shapes.zones = in.zones;
            const CompiledScenario compiled(shapes);
            text = write_scenario_geojson(compiled, nullptr);
        } else {
            if (!in.mission) {
                std::fprintf(stderr, "lowsky import: %s holds corridors or zones, not a mission: write it --to geojson\n", path.c_str());
                return kUnreadable;
            }
            if (*to == "plan") {
                text = write_plan(*in.mission);
            } else {
                auto written = write_waypoints(*in.mission);
                if (!written) {
                    std::fprintf(stderr, "lowsky import: %s\n", written.error().to_string().c_str());
                    return kUnreadable;
                }
                text = written.value();
            }
        }
        for (const auto& n : in.notes) std::fprintf(stderr, "note: %s\n", n.c_str());
        if (in.mission) for (const auto& n : in.mission->notes) if (n.rfind("lowsky mission:", 0) != 0) std::fprintf(stderr, "note: %s\n", n.c_str());
        return write_output("import", *args->option("--output"), path, std::vector<uint8_t>(text.begin(), text.end())) ? kOk : kUnreadable;
    }
    Json summary = describe_import(in);
    summary["file"] = path;
    summary["readable"] = true;
    if (in.mission) {
        Json problems = Json::array();
        for (const auto& f : check_items_for_firmware(*in.mission)) problems.push_back(Json{{"check", f.check}, {"message", f.message}, {"where", f.where}});
        summary["firmware_problems"] = problems;
    }
    if (json) {
        std::printf("%s\n", summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
        std::printf("%s: %s\n", path.c_str(), summary["summary"].get<std::string>().c_str());
        if (summary.contains("firmware_problems"))
            for (const auto& p : summary["firmware_problems"]) std::printf("  %s: %s (%s)\n", p["check"].get<std::string>().c_str(), p["message"].get<std::string>().c_str(), p["where"].get<std::string>().c_str());
    }
    return kOk;
}

}  // namespace lowsky::cli
