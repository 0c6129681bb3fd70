// lowsky edit FILE EDITS.json [-o OUT] [--undo N]: applies edit commands (docs/editing.md),
// the same the app sends, to a scenario. EDITS.json holds one command or an array of them; they
// are applied in order and the first refused stops the run with what and where, writing nothing.
#include <cstdio>
#include <cstdlib>

#include "cli_common.h"
#include "commands.h"
#include "core/file_io.h"
#include "edit/editor.h"

namespace lowsky::cli {

int run_edit(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--output", "--undo"}, {}, error);
    if (!args || args->positional.size() != 2) {
        std::fprintf(stderr, "lowsky edit: %s\nusage: lowsky edit FILE EDITS.json [-o OUT] [--undo N]\n",
                     args ? "a scenario and an edits file expected" : error.c_str());
        return kUnreadable;
    }
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], false, warnings);
    if (!scenario) return kUnreadable;
    auto bytes = read_file_bytes(args->positional[1]);
    if (!bytes) {
        std::fprintf(stderr, "lowsky edit: %s\n", bytes.error().to_string().c_str());
        return kUnreadable;
    }
    auto parsed = parse_json_text(std::string(bytes.value().begin(), bytes.value().end()), args->positional[1]);
    if (!parsed) {
        std::fprintf(stderr, "lowsky edit: %s\n", parsed.error().to_string().c_str());
        return kUnreadable;
    }
    const Json& list = parsed.value();
    Editor editor(std::move(*scenario));
    const size_t count = list.is_array() ? list.size() : 1;
    for (size_t i = 0; i < count; ++i) {
        const std::string path = list.is_array() ? "$[" + std::to_string(i) + "]" : "$";
        auto command = command_from_json(list.is_array() ? list[i] : list, path);
        if (!command) {
            std::fprintf(stderr, "lowsky edit: %s: %s\n", args->positional[1].c_str(), command.error().to_string().c_str());
            return kUnreadable;
        }
        auto applied = editor.apply(command.value());
        if (!applied) {
            std::fprintf(stderr, "lowsky edit: edit %zu (%s) refused: %s\n", i + 1, command_name(command.value()).c_str(), applied.error().to_string().c_str());
            return kFindings;
        }
        std::fprintf(stderr, "lowsky edit: %zu: %s\n", i + 1, command_name(command.value()).c_str());
    }
    long long undo = 0;
    if (!integer_option(*args, "edit", "--undo", 0, 1000000, undo)) return kUnreadable;
    for (long long i = 0; i < undo; ++i) {
        const std::string name = editor.undo_name();
        if (!editor.undo()) break;
        std::fprintf(stderr, "lowsky edit: undo %s\n", name.c_str());
    }
    const std::string text = save_scenario(editor.scenario());
    const std::string out = args->option("--output").value_or("");
    if (out.empty()) {
        std::fputs(text.c_str(), stdout);
        return kOk;
    }
    if (!write_output("edit", out, args->positional[0], std::vector<uint8_t>(text.begin(), text.end()))) return kUnreadable;
    return kOk;
}

}  // namespace lowsky::cli
