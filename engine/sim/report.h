#pragma once
// The simulation's results as JSON (a report a planner or a script reads) and CSV tables.

#include <optional>
#include <string>

#include "core/json_read.h"
#include "sim/sim_types.h"

namespace lowsky {

// The settings' names, as the command-line options spell them (the report and the app say them so).
const char* dispatch_name(DispatchPolicy policy);
const char* energy_model_name(const std::optional<EnergyModelKind>& model);  // "per type" when none is forced

Json sim_report_json(const SimResult& result, const SimConfig& config);
std::string sim_report_text(const SimResult& result, const SimConfig& config);  // the report file's bytes

// The CSV tables by file name, as `lowsky simulate --csv DIR` writes them.
struct SimTable {
    const char* file;
    std::string (*write)(const SimResult&);
};
extern const SimTable kSimTables[6];
std::string deliveries_csv(const SimResult& result);
std::string drones_csv(const SimResult& result);
std::string hubs_csv(const SimResult& result);
std::string corridors_csv(const SimResult& result);
std::string series_csv(const SimResult& result);
std::string encounters_csv(const SimResult& result);  // conflicts, then losses of separation

}  // namespace lowsky
