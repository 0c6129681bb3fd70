// lowsky: the command-line face of the engine.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"
#include "validation/finding.h"
#include "version.h"

namespace {

constexpr const char* kUsage =
    "usage: lowsky <command> [arguments]\n"
    "\n"
    "lowsky plans low-altitude drone logistics corridors in the Greater Bay Area.\n"
    "\n"
    "commands:\n"
    "  validate FILE [--json] [--max-findings N]\n"
    "      check a scenario: airspace, ceiling, separation, turns, ends, range, reachability;\n"
    "      at most N findings of each check are printed (200; 0: all), then how many more.\n"
    "      exit 0 valid, 1 errors found, 2 unreadable or malformed\n"
    "  route FILE --from HUB --to HUB --drone TYPE [--objective fastest|energy] [--payload KG] [--json]\n"
    "        [--firmware ardupilot|px4] [--delivery release|land] [--return corridors|rtl|none] [--allow-flagged]\n"
    "      the fastest (or least-energy) route with its legs, time and energy, and the safety gate's\n"
    "      verdict on the mission it makes (the whole flight, the chosen return included).\n"
    "      exit 0 found, 1 no route, 2 unreadable\n"
    "  flight FILE [--from HUB --to HUB --drone TYPE [--payload KG]] [--json]\n"
    "      the flight profile's figures: time per phase under ArduPilot's and PX4's defaults and\n"
    "      lowsky's parameter set, and the gate's figures for each return (the seed routes by default)\n"
    "  export FILE --format plan|waypoints|kml|geojson|wpml|params -o OUT [--from HUB --to HUB --drone TYPE]\n"
    "         [--firmware px4|ardupilot] [--delivery release|land] [--return corridors|rtl|none]\n"
    "         [--altitude relative|amsl] [--kml-altitude absolute|relative] [--override REASON]\n"
    "      a mission through the corridors, checked by the safety gate, in a ground station's format.\n"
    "      exit 0 written, 1 refused by the safety gate or no route, 2 bad input\n"
    "  import FILE [--json] [--gcj02] [--to plan|waypoints|geojson -o OUT]\n"
    "      what a .plan, .waypoints, .kml or .geojson file holds, or the precise reason it is refused.\n"
    "      --gcj02 converts coordinates from Chinese web maps to WGS84; --to writes what was read in a format\n"
    "      (a mission to .plan or .waypoints, corridors and zones to GeoJSON). exit 0 read, 2 refused\n"
    "  simulate FILE [--hours H] [--seed S] [--demand-scale X] [--energy-model stolaroff|dorling]\n"
    "           [--dispatch smallest-battery|least-energy] [--headway S] [--conflict-radius M] [--conflict-vertical M]\n"
    "           [--lookahead S] [--firmware ardupilot|px4] [--allow-flagged] [--report OUT.json] [--csv DIR]\n"
    "      a day of deliveries: dispatch, pads, energy, wind, deconfliction; KPIs, report and CSV tables.\n"
    "      exit 0, or 1 when some demand can never be served (the findings say which and why)\n"
    "  edit FILE EDITS.json [-o OUT] [--undo N]\n"
    "      apply edit commands (the app's: add, remove, duplicate, set, move, vertex edits, paste)\n"
    "      in order, then undo the last N; the first refused stops with what and where. exit 0, 1 refused, 2 bad input\n"
    "  plan-inspection --area \"LAT,LON LAT,LON LAT,LON ...\" --home LAT,LON --footprint M -o OUT [--overlap X]\n"
    "         [--heading DEG] [--height M] [--home-amsl M] [--speed M/S] [--trigger M] [--format plan|waypoints] [--firmware ardupilot|px4]\n"
    "      an inspection survey: lines across the area spaced from the footprint and side overlap (0.7),\n"
    "      the camera triggered every M along each, as a .plan or .waypoints. exit 0 written, 2 bad input\n"
    "  plan-inspection --along \"LAT,LON LAT,LON ...\" --width M --home LAT,LON --footprint M -o OUT [the options above but --heading]\n"
    "      a corridor scan: passes along the line, offset either side to cover a strip M wide\n"
    "  plan-sightseeing --home LAT,LON --stops \"[NAME@]LAT,LON; ...\" -o OUT [--height M] [--speed M/S] [--look S] [--standoff M]\n"
    "         [--home-amsl M] [--format plan|waypoints] [--firmware ardupilot|px4]\n"
    "      a sightseeing loop: each point looked at from a viewpoint short of it on the way in, for S seconds (30),\n"
    "      the camera held on it (a region of interest), then home. exit 0 written, 2 bad input\n"
    "  tour FILE [--json]\n"
    "      the guided tour: each step's claim for the region and the engine's figure for it (the day simulated, seed 1)\n"
    "  draft FILE --from HUB --to HUB --drone TYPE [--width M] [--floor M] [--ceiling M] [--allow-approvals]\n"
    "        [--objective fastest|energy] [--one-way] [--through-restricted] [--time-limit S] [--json] [-o OUT]\n"
    "      a corridor drafted around the airspace rules: out of no-fly (and, without approvals, controlled and\n"
    "      restricted) zones, clear of the corridors it would conflict with, under each ceiling, with turns the\n"
    "      type can fly, the quickest (or least energy) in the scenario's wind, both ways averaged unless one-way;\n"
    "      its findings and the flight along it. -o writes the scenario with the draft added.\n"
    "      exit 0 drafted, 1 no way (the zones that close it in) or findings, 2 bad input\n"
    "  draft-network FILE [--drone TYPE] [--width M] [--no-approvals] [--json] [-o OUT]\n"
    "      a corridor network drafted for the hubs and their demand: a shortest tree, junctions where two links\n"
    "      leave a hub together, each link drafted round the rules, the busiest first; its length and each pair's\n"
    "      detour. -o writes the scenario with it in place of its own corridors. exit 0, 1 a link not drafted\n"
    "  reach FILE --from HUB --drone TYPE [--minutes 10,20,30] [--points FILE] [--limit MIN] [--allow-approvals]\n"
    "        [--cell M] [--last-mile M] [--json|--geojson] [-o OUT]\n"
    "      where the type gets within each time, through the corridor network (and a last mile from a hub)\n"
    "      and in free flight within the rules; with points (CSV name,lat,lon or GeoJSON), the share within\n"
    "      the limit (the last of --minutes), those outside and by how much, and the corridor that brings most in\n"
    "  sweep FILE --fleet HUB:TYPE=A..B/S [--demand A..B/S] [--wind A..B/S] [--seeds N] [--target on-time=SHARE]\n"
    "        [--jobs N] [--hours H] [--tactical] [--json] [--slice K/N] [--merge PART...]\n"
    "      the day simulated over fleet sizes, demand scales, wind strengths (times the scenario's wind) and seeds\n"
    "      on every core: the smallest fleet that meets the on-time target at each demand and wind, with the 95 %\n"
    "      interval of its mean and the smallest fleet sure of it, and on-time share against fleet size. --slice K/N\n"
    "      runs every Nth run from K as JSON lines (a cluster's array job); --merge summarises such parts\n"
    "  format FILE [-o OUT]\n"
    "      rewrite a scenario in canonical form (what lowsky saves)\n"
    "  checks\n"
    "      list the validator's checks and their ids\n"
    "\n"
    "options:\n"
    "  --help       show this text\n"
    "  --version    print the version\n";

}  // namespace

int main(int argc, char** argv) {
#ifdef SIGXFSZ
    // Past a file size limit a write then fails with an error the tool reports (and its
    // temporary file is removed), rather than the signal ending the process mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
#endif
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string verb = argv[1];
    if (verb == "--help" || verb == "-h" || verb == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (verb == "--version") {
        std::printf("lowsky %s\n", lowsky::version_string());
        return 0;
    }
    // "lowsky VERB --help": that verb's part of the usage.
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a != "--help" && a != "-h") continue;
        const std::string usage = kUsage, head = "\n  " + verb + " ";
        const size_t start = usage.find(head), alone = usage.find("\n  " + verb + "\n");
        const size_t at = start != std::string::npos ? start : alone;
        if (at == std::string::npos) break;
        size_t end = at + 1;
        // The verb's lines: its own and the indented ones under it, up to the next verb.
        while (true) {
            const size_t next = usage.find('\n', end);
            if (next == std::string::npos || usage.compare(next + 1, 4, "    ") != 0) { end = next; break; }
            end = next + 1;
        }
        std::printf("usage: lowsky %s\n", usage.substr(at + 3, end - at - 3).c_str());
        return 0;
    }
    if (verb == "validate") return lowsky::cli::run_validate(argc, argv);
    if (verb == "route") return lowsky::cli::run_route(argc, argv);
    if (verb == "format") return lowsky::cli::run_format(argc, argv);
    if (verb == "export") return lowsky::cli::run_export(argc, argv);
    if (verb == "import") return lowsky::cli::run_import(argc, argv);
    if (verb == "simulate") return lowsky::cli::run_simulate(argc, argv);
    if (verb == "flight") return lowsky::cli::run_flight(argc, argv);
    if (verb == "edit") return lowsky::cli::run_edit(argc, argv);
    if (verb == "plan-inspection") return lowsky::cli::run_plan_inspection(argc, argv);
    if (verb == "plan-sightseeing") return lowsky::cli::run_plan_sightseeing(argc, argv);
    if (verb == "tour") return lowsky::cli::run_tour(argc, argv);
    if (verb == "draft") return lowsky::cli::run_draft(argc, argv);
    if (verb == "reach") return lowsky::cli::run_reach(argc, argv);
    if (verb == "draft-network") return lowsky::cli::run_draft_network(argc, argv);
    if (verb == "sweep") return lowsky::cli::run_sweep(argc, argv);
    if (verb == "checks") {
        for (const auto& c : lowsky::all_checks()) std::printf("%-38s %s\n", c.id, c.rule);
        return 0;
    }
    std::fprintf(stderr, "lowsky: unknown command or option '%s'\n\n%s", verb.c_str(), kUsage);
    return 2;
}
