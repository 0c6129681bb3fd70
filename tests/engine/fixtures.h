#pragma once
// Access to the repository's fixtures and assets from the tests.

#include <catch2/catch.hpp>

#include <string>

#include "core/file_io.h"
#include "scenario/scenario_io.h"

namespace lowsky::test {

inline std::string source_path(const std::string& relative) { return std::string(LOWSKY_SOURCE_DIR) + "/" + relative; }

inline std::string read_text(const std::string& relative) {
    auto bytes = read_file_bytes(source_path(relative));
    REQUIRE(bytes.ok());
    return std::string(bytes.value().begin(), bytes.value().end());
}

inline Scenario load_scenario(const std::string& relative) {
    ScenarioLoad load = parse_scenario(read_text(relative), relative);
    INFO((load.errors.empty() ? std::string() : load.errors.front().to_string()));
    REQUIRE(load.ok());
    return *load.scenario;
}

}  // namespace lowsky::test
