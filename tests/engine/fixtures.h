#pragma once
// Access to the repository's fixtures and assets from the tests.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "scenario/scenario_io.h"

namespace lowsky::test {

inline std::string source_path(const std::string& relative) { return std::string(LOWSKY_SOURCE_DIR) + "/" + relative; }

inline std::string read_text(const std::string& relative) {
    auto bytes = read_file_bytes(source_path(relative));
    REQUIRE(bytes.ok());
    return std::string(bytes.value().begin(), bytes.value().end());
}

// The repository's files ending in `extension` in these folders, as relative paths, in order.
inline std::vector<std::string> repository_files(std::initializer_list<const char*> dirs, const std::string& extension) {
    std::vector<std::string> out;
    for (const char* dir : dirs)
        for (const auto& entry : std::filesystem::directory_iterator(source_path(dir)))
            if (entry.path().extension() == extension) out.push_back(std::string(dir) + "/" + entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

inline Scenario load_scenario(const std::string& relative) {
    ScenarioLoad load = parse_scenario(read_text(relative), relative);
    INFO((load.errors.empty() ? std::string() : load.errors.front().to_string()));
    REQUIRE(load.ok());
    return *load.scenario;
}

// A circular zone of a kind over a band.
inline Zone circle_zone(const std::string& id, ZoneKind kind, GeoPoint center, double radius_m, AltitudeBand band) {
    Zone z;
    z.id = id;
    z.name = id;
    z.kind = kind;
    z.shape.kind = ZoneShape::Kind::Circle;
    z.shape.center = center;
    z.shape.radius_m = radius_m;
    z.band = band;
    return z;
}

// A no-fly circle from the ground to 500 m across the minimal scenario's corridor A-B.
inline Zone no_fly_across_ab() {
    Zone z;
    z.id = "nf";
    z.name = "no-fly across the corridor";
    z.kind = ZoneKind::NoFly;
    z.shape.kind = ZoneShape::Kind::Circle;
    z.shape.center = {22.5, 113.425};
    z.shape.radius_m = 300;
    z.band = {{0, AltitudeReference::AboveGround}, {500, AltitudeReference::AboveGround}};
    return z;
}

}  // namespace lowsky::test
