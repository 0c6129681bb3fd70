// The scenario's inspections and sightseeing loops, as their missions would fly (mission/
// scenario_missions.h): inspection.* and sightseeing.* findings.
#include "mission/scenario_missions.h"
#include "validation/checks.h"

namespace lowsky::checks {

namespace {

void report(const Context& c, const char* kind, const std::string& id, GeoPoint at, const Result<SurveyCheck>& checked) {
    auto add = [&](std::string check, Severity severity, std::string message) {
        Finding f;
        f.check = std::move(check);
        f.severity = severity;
        f.message = std::string(kind) + " " + id + ": " + message;
        f.object_kind = kind;
        f.object = id;
        f.position = at;
        c.out.push_back(std::move(f));
    };
    if (!checked) {
        add(std::string(kind) + ".impossible", Severity::Error, checked.error().message + " (" + checked.error().where + ")");
        return;
    }
    // The firmware's refusals are the mission's; named for the object here.
    for (const GateFailure& e : checked->errors)
        add(e.check == "mission.firmware" ? std::string(kind) + ".firmware" : e.check, Severity::Error, e.message + " (" + e.where + ")");
    for (const GateFailure& w : checked->warnings) add(w.check, Severity::Warning, w.message + " (" + w.where + ")");
}

}  // namespace

void missions(const Context& c) {
    const Scenario& s = c.compiled.scenario();
    for (const Inspection& i : s.inspections) {
        const auto planned = plan_inspection(c.compiled, i, Firmware::ArduPilot);
        const GeoPoint at = i.area.empty() ? (i.along.empty() ? GeoPoint{} : i.along.front()) : i.area.front();
        report(c, "inspection", i.id, at, planned ? Result<SurveyCheck>(planned->check) : Result<SurveyCheck>(planned.error()));
    }
    for (const Sightseeing& t : s.sightseeing) {
        const auto planned = plan_scenario_sightseeing(c.compiled, t, Firmware::ArduPilot);
        const GeoPoint at = t.stops.empty() ? GeoPoint{} : t.stops.front().position;
        report(c, "sightseeing", t.id, at, planned ? Result<SurveyCheck>(planned->check) : Result<SurveyCheck>(planned.error()));
    }
}

}  // namespace lowsky::checks
