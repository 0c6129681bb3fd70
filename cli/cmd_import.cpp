// lowsky import FILE [--json] [--gcj02]: what a mission or shape file holds, or why it is refused.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "core/file_io.h"
#include "mission/importers.h"
#include "mission/safety_gate.h"

namespace lowsky::cli {

int run_import(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {}, {"--json", "--gcj02"}, error);
    if (!args || args->positional.size() != 1) {
        std::fprintf(stderr, "lowsky import: %s\nusage: lowsky import FILE [--json] [--gcj02]\n", args ? "one file expected" : error.c_str());
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
