// lowsky simulate FILE [--hours H] [--seed S] [--demand-scale X] [--energy-model ...] [--dispatch ...] [--headway S]
//                [--conflict-radius M] [--conflict-vertical M] [--lookahead S] [--report OUT.json] [--csv DIR]
//                [--restriction AREA.geojson --at HH:MM [--for DURATION] [--notice DURATION]]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <vector>
#include <sys/stat.h>

#include "cli_common.h"
#include "commands.h"
#include "core/file_io.h"
#include "core/numbers.h"
#include "mission/importers.h"
#include "scenario/scenario_io.h"
#include "sim/report.h"
#include "sim/simulator.h"

namespace lowsky::cli {

namespace {
bool write_text(const std::string& path, const std::string& text) {
    auto ok = write_file_bytes(path, std::vector<uint8_t>(text.begin(), text.end()));
    if (!ok) std::fprintf(stderr, "lowsky simulate: %s\n", ok.error().to_string().c_str());
    return ok.ok();
}
// "30m", "2h", "90s" or plain seconds; nullopt for anything else (or a negative length).
std::optional<double> parse_duration(const std::string& text) {
    if (text.empty()) return std::nullopt;
    double unit = 1;
    std::string digits = text;
    const char last = text.back();
    if (last == 's' || last == 'm' || last == 'h') {
        unit = last == 'h' ? 3600 : last == 'm' ? 60 : 1;
        digits.pop_back();
    }
    const auto v = parse_decimal(digits);
    if (!v || !(*v >= 0) || *v * unit > 7 * 86400) return std::nullopt;
    return *v * unit;
}

// The restriction of --restriction, --at, --for and --notice: the area is the file's zone (a
// GeoJSON or KML polygon or circle). Prints what is wrong and returns nullopt.
std::optional<TemporaryRestriction> restriction_option(const Args& args) {
    const auto file = args.option("--restriction");
    const auto at = args.option("--at");
    if (!file) {
        if (at || args.option("--for") || args.option("--notice"))
            std::fprintf(stderr, "lowsky simulate: --at, --for and --notice go with --restriction\n");
        return std::nullopt;
    }
    TemporaryRestriction r;
    const auto start = at ? parse_clock(*at) : std::nullopt;
    if (!start) {
        std::fprintf(stderr, "lowsky simulate: --restriction needs --at HH:MM, when it starts%s\n", at ? (" (not \"" + *at + "\")").c_str() : "");
        return std::nullopt;
    }
    const auto length = parse_duration(args.option("--for").value_or("60m"));
    const auto notice = parse_duration(args.option("--notice").value_or("30m"));
    if (!length || *length <= 0 || !notice) {
        std::fprintf(stderr, "lowsky simulate: --for and --notice are durations such as 90s, 30m or 2h (--for above zero)\n");
        return std::nullopt;
    }
    auto bytes = read_file_bytes(*file);
    if (!bytes) {
        std::fprintf(stderr, "lowsky simulate: %s\n", bytes.error().to_string().c_str());
        return std::nullopt;
    }
    auto imported = import_file(*file, std::string_view(reinterpret_cast<const char*>(bytes.value().data()), bytes.value().size()), {});
    if (!imported) {
        std::fprintf(stderr, "lowsky simulate: %s\n", imported.error().to_string().c_str());
        return std::nullopt;
    }
    if (imported.value().zones.size() != 1) {
        std::fprintf(stderr, "lowsky simulate: %s: the restriction's area is one polygon or circle; the file has %zu\n", file->c_str(),
                     imported.value().zones.size());
        return std::nullopt;
    }
    const Zone& zone = imported.value().zones.front();
    r.id = zone.id.empty() ? "restriction" : zone.id;
    r.shape = zone.shape;
    r.start_s = *start;
    r.end_s = *start + *length;
    r.notice_s = *notice;
    return r;
}
}  // namespace

int run_simulate(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--hours", "--seed", "--report", "--csv", "--energy-model", "--dispatch", "--firmware", "--demand-scale",
                                           "--headway", "--conflict-radius", "--conflict-vertical", "--lookahead", "--restriction", "--at", "--for", "--notice"},
                           {"--quiet", "--allow-flagged"}, error);
    const char* usage = "usage: lowsky simulate FILE [--hours H] [--seed S] [--demand-scale X] [--energy-model stolaroff|dorling]\n"
                        "                      [--dispatch smallest-battery|least-energy] [--headway S] [--conflict-radius M] [--conflict-vertical M]\n"
                        "                      [--lookahead S] [--firmware ardupilot|px4] [--allow-flagged] [--report OUT.json] [--csv DIR]\n"
                        "                      [--restriction AREA.geojson --at HH:MM [--for 60m] [--notice 30m]]";
    if (!args || args->positional.size() != 1) {
        std::fprintf(stderr, "lowsky simulate: %s\n%s\n", args ? "one scenario file expected" : error.c_str(), usage);
        return kUnreadable;
    }
    SimConfig cfg;
    long long seed = cfg.seed;
    if (!number_option(*args, "simulate", "--hours", 0.01, 168, cfg.hours) || !integer_option(*args, "simulate", "--seed", 0, 4294967295LL, seed) ||
        !number_option(*args, "simulate", "--demand-scale", 0, 1000, cfg.demand_scale) ||
        !number_option(*args, "simulate", "--headway", 0, 3600, cfg.lane_headway_s) ||
        !number_option(*args, "simulate", "--conflict-radius", 1, 10000, cfg.conflict_radius_m) ||
        !number_option(*args, "simulate", "--conflict-vertical", 1, 1000, cfg.conflict_vertical_m) ||
        !number_option(*args, "simulate", "--lookahead", 0, 3600, cfg.lookahead_s))
        return kUnreadable;
    cfg.seed = uint32_t(seed);
    if (auto m = args->option("--energy-model")) {
        if (*m == "stolaroff") cfg.energy_model = EnergyModelKind::Stolaroff;
        else if (*m == "dorling") cfg.energy_model = EnergyModelKind::Dorling;
        else { std::fprintf(stderr, "lowsky simulate: --energy-model is stolaroff or dorling\n"); return kUnreadable; }
    }
    if (auto d = args->option("--dispatch")) {
        if (*d == "smallest-battery") cfg.dispatch = DispatchPolicy::SmallestBattery;
        else if (*d == "least-energy") cfg.dispatch = DispatchPolicy::LeastEnergy;
        else { std::fprintf(stderr, "lowsky simulate: --dispatch is smallest-battery or least-energy\n"); return kUnreadable; }
    }
    if (auto f = args->option("--firmware")) {
        if (*f == "px4") cfg.firmware = Firmware::Px4;
        else if (*f != "ardupilot") { std::fprintf(stderr, "lowsky simulate: --firmware is ardupilot or px4\n"); return kUnreadable; }
    }
    cfg.allow_flagged_corridors = args->flag("--allow-flagged");
    if (args->option("--restriction") || args->option("--at") || args->option("--for") || args->option("--notice")) {
        auto restriction = restriction_option(*args);
        if (!restriction) return kUnreadable;
        cfg.restrictions.push_back(*restriction);
    }
    if (!(cfg.hours > 0 && cfg.hours <= 24 * 7)) {
        std::fprintf(stderr, "lowsky simulate: --hours must be between 0 and 168\n");
        return kUnreadable;
    }
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], false, warnings);
    if (!scenario) return kUnreadable;
    const CompiledScenario compiled(*scenario);
    const bool tty = isatty(fileno(stderr)) && !args->flag("--quiet");
    int last = -1;
    const SimResult r = simulate(compiled, cfg, [&](double f) {
        const int pct = int(f * 100);
        if (!tty || pct == last) return;
        last = pct;
        const int width = 40, filled = pct * width / 100;
        std::fprintf(stderr, "\r[%.*s%*s] %3d%%", filled, "########################################", width - filled, "", pct);
        if (pct == 100) std::fprintf(stderr, "\n");
    });
    const Kpis& k = r.kpis;
    std::printf("simulated %.0f h of %s, seed %u\n", cfg.hours, scenario->name.c_str(), cfg.seed);
    std::printf("  orders %d: delivered %d, pending %d, cannot be served %d (%d flights)\n", k.orders, k.delivered, k.pending, k.undeliverable, k.flights);
    std::printf("  on time %.1f %%, delivery time p50 %.1f min, p95 %.1f min\n", k.on_time_share * 100, k.p50_delivery_s / 60, k.p95_delivery_s / 60);
    if (k.emergency.orders > 0) {
        std::printf("  emergencies %d: delivered %d, response p50 %.1f min, p95 %.1f min, max %.1f min\n", k.emergency.orders, k.emergency.delivered,
                    k.emergency.p50_response_s / 60, k.emergency.p95_response_s / 60, k.emergency.max_response_s / 60);
        std::printf("    deliveries called off before they left: %d gave up their drone, %d their pad or lane\n", k.emergency.preempted, k.emergency.gave_way);
    }
    if (!r.restrictions.empty()) {
        // What the day's restrictions did, together (the scenario's and --restriction's).
        std::string which;
        for (const TemporaryRestriction& restriction : r.restrictions)
            which += (which.empty() ? "" : "; ") + restriction.id + ", " + format_clock(int(restriction.start_s)) + " to " + format_clock(int(restriction.end_s)) +
                     ", announced " + format_clock(int(restriction.announced_s()));
        const RestrictionKpis& x = k.restrictions;
        std::printf("  temporary restriction%s %s: %d replanned, %d flown around it, %d held until it was lifted, %d cancelled, "
                    "%d in the air landed at the nearest hub clear of it, %d in the air through it\n",
                    r.restrictions.size() > 1 ? "s" : "", which.c_str(), x.replanned, x.rerouted, x.delayed, x.cancelled, x.diverted, x.airborne_through);
    }
    if (k.sightseeing.departures > 0)
        std::printf("  sightseeing departures %d: flown %d (%d more than 5 min late, the latest %.0f min), not flown %d\n", k.sightseeing.departures, k.sightseeing.flown,
                    k.sightseeing.late, k.sightseeing.max_late_s / 60, k.sightseeing.cancelled);
    std::printf("  energy %.0f Wh per parcel, %.1f Wh per km\n", k.energy_per_parcel_wh, k.energy_per_km_wh);
    std::printf("  tactical conflicts %d, losses of separation %d\n", k.conflicts, k.losses_of_separation);
    for (const auto& f : r.findings) std::printf("  %s %s: %s\n", to_string(f.severity), f.check.c_str(), f.message.c_str());
    if (auto report = args->option("--report")) {
        if (!write_text(*report, sim_report_text(r, cfg))) return kUnreadable;
    }
    if (auto dir = args->option("--csv")) {
        // All or nothing: the set is written beside the folder first, and moved in only once every
        // table is written; a failure leaves the folder as it was.
        const std::string partial = *dir + ".lowsky-partial";
        mkdir(dir->c_str(), 0755);
        mkdir(partial.c_str(), 0755);
        std::vector<std::pair<const char*, std::string>> tables;
        for (const SimTable& t : kSimTables) tables.push_back({t.file, t.write(r)});
        bool ok = true;
        for (const auto& [name, text] : tables) ok = ok && write_text(partial + "/" + name, text);
        for (const auto& [name, text] : tables) {
            const std::string from = partial + "/" + name, to = *dir + "/" + name;
            if (ok && std::rename(from.c_str(), to.c_str()) != 0) {
                std::fprintf(stderr, "lowsky simulate: cannot move %s into %s\n", name, dir->c_str());
                ok = false;
            }
            std::remove(from.c_str());
        }
        rmdir(partial.c_str());
        if (!ok) return kUnreadable;
    }
    return r.findings.empty() ? kOk : kFindings;
}

}  // namespace lowsky::cli
