// One libFuzzer entry point, built once per target: LOWSKY_FUZZ_TARGET names which reader
// gets the bytes (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/file_io.h"
#include "fuzz/exercise.h"
#include "scenario/scenario_io.h"

using namespace lowsky;

namespace {
std::optional<Scenario> base_scenario;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const auto bytes = read_file_bytes(LOWSKY_SOURCE_DIR "/assets/scenarios/gba.json");
    if (bytes) {
        ScenarioLoad load = parse_scenario(std::string(bytes.value().begin(), bytes.value().end()), "gba.json");
        if (load.ok()) base_scenario = std::move(*load.scenario);
    }
    if (!base_scenario) __builtin_trap();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string target = LOWSKY_FUZZ_TARGET;
    if (target == "scenario") fuzz::exercise_scenario(bytes);
    else if (target == "plan") fuzz::exercise_import("fuzz.plan", bytes);
    else if (target == "waypoints") fuzz::exercise_import("fuzz.waypoints", bytes);
    else if (target == "kml") fuzz::exercise_import("fuzz.kml", bytes);
    else if (target == "geojson") fuzz::exercise_import("fuzz.geojson", bytes);
    else if (target == "places") fuzz::exercise_places(bytes);
    else if (target == "basemap") fuzz::exercise_basemap(bytes);
    else if (target == "edit") fuzz::exercise_edit(*base_scenario, bytes);
    else if (target == "json") fuzz::exercise_json(bytes);
    else if (target == "numbers") fuzz::exercise_numbers(bytes);
    return 0;
}
