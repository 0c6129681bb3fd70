#include "validation/validate.h"

#include <algorithm>

#include "validation/checks.h"

namespace lowsky {

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::Info: return "info";
        case Severity::Warning: return "warning";
        default: return "error";
    }
}

const std::vector<CheckInfo>& all_checks() {
    static const std::vector<CheckInfo> checks = {
        {"airspace.no_fly", "a corridor's volume (swept width and altitude band) intersects a no-fly volume"},
        {"airspace.controlled_without_approval", "a corridor enters controlled airspace and carries no approval"},
        {"airspace.controlled_with_approval", "a corridor enters controlled airspace under its approval (info)"},
        {"airspace.restricted_hours", "a corridor crosses a zone restricted during some hours"},
        {"altitude.above_ceiling", "a corridor's ceiling is above the true-height ceiling (120 m) without an approval"},
        {"altitude.ceiling_unverifiable", "a corridor's band is not in true height, and without terrain the ceiling cannot be checked"},
        {"corridor.conflict", "two corridors cross or run closer than the lateral separation without vertical separation"},
        {"corridor.turn_too_sharp", "a turn is sharper than an allowed drone type can fly at cruise within the corridor"},
        {"corridor.below_min_airspeed", "a corridor's speed limit is below the minimum airspeed of a fixed-wing type it allows (that type cannot fly it)"},
        {"corridor.dangling_end", "a corridor ends at no hub and no junction"},
        {"corridor.beyond_range", "a corridor is longer than every allowed drone type's range with reserve, empty"},
        {"corridor.beyond_loaded_range", "a corridor is longer than every allowed drone type's range with reserve at full payload"},
        {"hub.no_corridor", "a hub that no corridor reaches"},
        {"demand.unreachable", "demand between two hubs that no chain of corridors connects"},
        {"fleet.hub_serves", "a fleet based at a hub whose serves list leaves its type out"},
        {"border.crossing_without_approval", "a corridor crosses from one jurisdiction into another (mainland, Hong Kong, Macau) without a cross-border approval"},
        {"border.crossing_with_approval", "a corridor crosses a border under its cross-border approval (info)"},
        {"jurisdiction.above_ceiling", "a corridor's ceiling inside Hong Kong or Macau is above that jurisdiction's ceiling, without an approval"},
        {"jurisdiction.above_ceiling_with_approval", "a corridor is above Hong Kong's or Macau's ceiling under an approval (info)"},
        {"jurisdiction.near_aerodrome", "a corridor inside Hong Kong or Macau comes closer to an aerodrome's runways than that jurisdiction allows"},
        {"jurisdiction.over_weight_class", "a corridor admits a drone type heavier at take-off than the weight class of a jurisdiction it enters, without an approval"},
        {"jurisdiction.over_weight_class_with_approval", "a drone type over a jurisdiction's weight class flies a corridor under an approval (info)"},
        {"inspection.impossible", "an inspection's pattern cannot be laid (too few points, a footprint, overlap or width out of range, a bend too sharp, too many lines)"},
        {"inspection.no_fly", "an inspection's flight (home, its lines, home) enters a no-fly zone at its height"},
        {"inspection.approval", "an inspection flies in controlled or restricted airspace: its authority's approval is needed (warning)"},
        {"inspection.above_ceiling", "an inspection flies above the true-height ceiling of a jurisdiction it is in"},
        {"inspection.too_fast", "an inspection's speed is over what its drone type flies"},
        {"inspection.energy", "an inspection needs more than its drone type's battery with the reserve"},
        {"inspection.firmware", "an item of an inspection's mission that ArduPilot would refuse"},
        {"sightseeing.impossible", "a sightseeing loop cannot be laid (no stops, a stop within the standoff of the one before, a value out of range)"},
        {"sightseeing.no_fly", "a sightseeing loop's flight enters a no-fly zone at its height"},
        {"sightseeing.approval", "a sightseeing loop flies in controlled or restricted airspace: its authority's approval is needed (warning)"},
        {"sightseeing.above_ceiling", "a sightseeing loop flies above the true-height ceiling of a jurisdiction it is in"},
        {"sightseeing.too_fast", "a sightseeing loop's speed is over what its drone type flies"},
        {"sightseeing.energy", "a sightseeing loop needs more than its drone type's battery with the reserve"},
        {"sightseeing.firmware", "an item of a sightseeing loop's mission that ArduPilot would refuse"},
    };
    return checks;
}

namespace {

SegmentGrid segment_grid(const CompiledScenario& compiled) {
    // Cells a few kilometres wide: corridor segments are kilometres long, zones larger.
    SegmentGrid grid(2000.0);
    for (uint32_t i = 0; i < compiled.corridors().size(); ++i) {
        const auto& pts = compiled.corridors()[i].points;
        for (uint32_t k = 0; k + 1 < pts.size(); ++k) {
            planar::Box box;
            box.add(pts[k]);
            box.add(pts[k + 1]);
            grid.insert({i, k}, box);
        }
    }
    return grid;
}

double max_half_width(const Scenario& s) {
    double w = 0;
    for (const auto& c : s.corridors) w = std::max(w, c.width_m / 2);
    return w;
}

void run_checks(checks::Context& context, bool network_too) {
    checks::airspace(context);
    checks::ceiling(context);
    checks::jurisdictions(context);
    checks::corridor_pairs(context);
    checks::turns(context);
    checks::speeds(context);
    checks::ends(context);
    checks::range(context);
    if (network_too) {
        checks::network(context);
        checks::missions(context);  // they do not depend on corridors: an edit of one keeps theirs
    }
}

// Explanations, counts, and errors first.
void finish(ValidationReport& report, const Scenario& s) {
    report.errors = report.warnings = report.infos = report.unexplained_warnings = 0;
    for (auto& f : report.findings) {
        f.explanation.clear();
        for (const auto& e : s.explanations) {
            if (e.check == f.check && e.object == f.object) f.explanation = e.why;
        }
        if (f.severity == Severity::Error) ++report.errors;
        else if (f.severity == Severity::Warning) ++report.warnings, report.unexplained_warnings += f.explanation.empty();
        else ++report.infos;
    }
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const Finding& a, const Finding& b) { return int(a.severity) > int(b.severity); });
}

// The network checks look at the whole graph: they are always run again.
bool from_network_check(const Finding& f) {
    return f.check == "hub.no_corridor" || f.check == "demand.unreachable" || f.check == "fleet.hub_serves";
}

}  // namespace

ValidationReport validate(const CompiledScenario& compiled) {
    const Scenario& s = compiled.scenario();
    const SegmentGrid grid = segment_grid(compiled);
    ValidationReport report;
    checks::Context context{compiled, grid, max_half_width(s), report.findings};
    run_checks(context, true);
    finish(report, s);
    return report;
}

ValidationReport revalidate_corridors(const CompiledScenario& compiled, const ValidationReport& previous, const std::vector<size_t>& changed) {
    const Scenario& s = compiled.scenario();
    std::vector<std::string> ids;
    ValidationReport report;
    std::vector<Finding> fresh;
    const SegmentGrid grid = segment_grid(compiled);
    checks::Context context{compiled, grid, max_half_width(s), fresh};
    context.only.assign(compiled.corridors().size(), 0);
    for (size_t i : changed) {
        if (i >= context.only.size()) continue;
        context.only[i] = 1;
        ids.push_back(s.corridors[i].id);
        const planar::Box& b = compiled.corridors()[i].box;
        context.only_box.add({b.min_e, b.min_n});
        context.only_box.add({b.max_e, b.max_n});
    }
    auto involves = [&](const Finding& f) {
        return f.object_kind == "corridor" && (std::find(ids.begin(), ids.end(), f.object) != ids.end() ||
                                               std::find(ids.begin(), ids.end(), f.other) != ids.end());
    };
    for (const Finding& f : previous.findings)
        if (!from_network_check(f) && !involves(f)) report.findings.push_back(f);
    run_checks(context, false);
    context.only.clear();  // the network checks see everything
    checks::network(context);
    for (auto& f : fresh) report.findings.push_back(std::move(f));
    finish(report, s);
    return report;
}

}  // namespace lowsky
