// The planning assist in the app: the engine's draft between the two hubs the Draft tool
// clicked, with the mission panel's drone type (Accept pastes it as one undoable edit); the
// reach bands from the mission panel's hub; the fleet-size sweep of that hub's fleet of that
// type, a few simulated days a frame so that the page keeps drawing.
#include <chrono>
#include <cstdio>

#include "app.h"
#include "scenario/scenario_io.h"
#include "scenario/scenario_objects.h"

namespace lowsky::web {

namespace {

double now_ms() { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// No draft, but the choices stay for the next one.
void discard_keeping_settings(DraftWorkbench& d) {
    DraftWorkbench fresh;
    fresh.allow_approvals = d.allow_approvals;
    fresh.least_energy = d.least_energy;
    fresh.one_way = d.one_way;
    d = std::move(fresh);
}

}  // namespace

void App::update_draft() {
    DraftWorkbench& d = draft_;
    d.draft.reset();
    d.check.reset();
    d.error.clear();
    if (d.from.empty() || !scenario_) return;
    const Scenario& sc = *scenario_->scenario;
    if (sc.drone_types.empty()) {
        d.error = tr("A draft is made for a drone type: the scenario has none");
        return;
    }
    assist::DraftRequest request;
    request.from = d.from;
    request.to = d.to;
    request.drone_type = sc.drone_types[size_t(workbench_.drone)].id;
    request.allow_approvals = d.allow_approvals;
    request.objective = d.least_energy ? RouteObjective::LeastEnergy : RouteObjective::Fastest;
    request.direction = d.one_way ? Direction::OneWay : Direction::TwoWay;
    request.time_limit_s = 1.0;  // the page waits for it
    const auto started = std::chrono::steady_clock::now();
    auto draft = assist::draft_corridor(*scenario_->compiled, request);
    d.search_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (!draft) {
        d.error = draft.error().message;
        frames_to_draw_ = std::max(frames_to_draw_, 3);
        return;
    }
    d.check = assist::check_draft(sc, draft->corridor, d.from, d.to, request.drone_type);
    d.draft = std::move(draft.value());
    frames_to_draw_ = std::max(frames_to_draw_, 3);  // the window fits the draft over the next frames
}

void App::run_assist_action(AssistAction action) {
    DraftWorkbench& d = draft_;
    if (!scenario_) return;
    const Scenario& sc = *scenario_->scenario;
    const std::string hub = sc.hubs.empty() ? std::string() : sc.hubs[size_t(workbench_.from)].id;
    const std::string drone = sc.drone_types.empty() ? std::string() : sc.drone_types[size_t(workbench_.drone)].id;
    if (action == AssistAction::None) return;
    frames_to_draw_ = std::max(frames_to_draw_, 3);  // the window fits what it now shows over the next frames
    switch (action) {
        case AssistAction::None: return;
        case AssistAction::Redraft: update_draft(); return;
        case AssistAction::Discard:
            discard_keeping_settings(d);
            map_editor_.message = tr("Draft discarded");
            map_editor_.message_is_error = false;
            return;
        case AssistAction::Accept: {
            if (!d.draft) return;
            EditCommand paste;
            paste.op = EditOp::Paste;
            paste.value = nlohmann::json::array({{{"kind", "corridor"}, {"object", nlohmann::json(object_to_json(d.draft->corridor))}}});
            if (!map_editor_.apply(*scenario_, paste)) return;  // the editor says why
            map_editor_.message = trf(N_("Added corridor %s: Ctrl+Z undoes it"), scenario_->scenario->corridors.back().id.c_str());
            map_editor_.message_is_error = false;
            discard_keeping_settings(d);
            return;
        }
        case AssistAction::Reach: {
            ReachView& r = assist_.reach;
            r.result.reset();
            r.error.clear();
            assist::ReachRequest request;
            request.from = hub;
            request.drone_type = drone;
            request.minutes = r.minutes;
            request.allow_approvals = true;
            request.cell_m = 2000;  // the page waits for it: a quarter of the command line's cells
            const auto started = std::chrono::steady_clock::now();
            auto result = assist::reach(*scenario_->compiled, request);
            r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            if (result) r.result = std::move(result.value());
            else r.error = result.error().message;
            return;
        }
        case AssistAction::ClearReach: assist_.reach = ReachView{}; return;
        case AssistAction::DraftNetwork: {
            NetworkView& n = assist_.network;
            n = NetworkView{};
            const auto started = std::chrono::steady_clock::now();
            auto drafted = assist::draft_network(sc, {});
            n.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            if (drafted) n.draft = std::move(drafted.value());
            else n.error = drafted.error().message;
            return;
        }
        case AssistAction::ClearNetwork: assist_.network = NetworkView{}; return;
        case AssistAction::ReplaceNetwork: {
            if (!assist_.network.draft) return;
            const assist::NetworkDraft& net = *assist_.network.draft;
            // One step to undo: the scenario's corridors and junctions out, the drafted ones in.
            std::vector<EditCommand> commands;
            EditCommand remove;
            remove.op = EditOp::Remove;
            for (const Corridor& c : sc.corridors) remove.targets.push_back({ObjectKind::Corridor, c.id});
            for (const Junction& j : sc.junctions) remove.targets.push_back({ObjectKind::Junction, j.id});
            if (!remove.targets.empty()) commands.push_back(remove);
            EditCommand paste;
            paste.op = EditOp::Paste;
            paste.value = nlohmann::json::array();
            for (const Junction& j : net.junctions) paste.value.push_back({{"kind", "junction"}, {"object", nlohmann::json(object_to_json(j))}});
            for (const Corridor& c : net.corridors) paste.value.push_back({{"kind", "corridor"}, {"object", nlohmann::json(object_to_json(c))}});
            commands.push_back(paste);
            auto done = scenario_->editor->apply_all(commands, "replace the network");
            if (!done) {
                map_editor_.message = trf(N_("Not applied: %s"), done.error().to_string().c_str());
                map_editor_.message_is_error = true;
                return;
            }
            scenario_->refresh();
            map_editor_.selection.clear();
            map_editor_.message = trf(N_("The network replaced: %zu corridors; Ctrl+Z puts the old one back"), net.corridors.size());
            map_editor_.message_is_error = false;
            assist_.network = NetworkView{};
            return;
        }
        case AssistAction::RunSweep: {
            SweepView& w = assist_.sweep;
            char fleet[160], demand[96], target[32], wind[96];
            std::snprintf(fleet, sizeof fleet, "%s:%s=%d..%d/%d", hub.c_str(), drone.c_str(), w.fleet_from, w.fleet_to, w.fleet_step);
            std::snprintf(demand, sizeof demand, "%g..%g/%g", w.demand_from, w.demand_to, w.demand_step);
            std::snprintf(target, sizeof target, "on-time=%g", w.target);
            std::snprintf(wind, sizeof wind, "%g..%g/%g", w.wind_from, w.wind_to, w.wind_step);
            auto spec = assist::parse_sweep_spec(fleet, demand, w.seeds, target, wind);
            w.summary.reset();
            w.error.clear();
            if (!spec) {
                w.error = spec.error().message;
                return;
            }
            w.spec = spec.value();
            w.hub = hub, w.drone = drone;
            w.runs = assist::sweep_runs(w.spec);
            w.next = 0;
            w.ms = 0;
            w.started_ms = now_ms();
            w.running = true;
            // On a Web Worker per core when the browser makes them; else here, a few days a frame.
            w.workers = sweep_workers_.start(save_scenario(sc), w.spec, w.runs) ? sweep_workers_.workers() : 0;
            return;
        }
        case AssistAction::StopSweep:
            sweep_workers_.stop();
            assist_.sweep.running = false;
            return;
    }
}

// The workers' progress, or a few simulated days a frame (about 30 ms of them) here; then the
// summary when all are done.
void App::step_sweep() {
    SweepView& w = assist_.sweep;
    if (!w.running || !scenario_) return;
    frames_to_draw_ = std::max(frames_to_draw_, 3);
    if (w.workers > 0) {
        w.next = sweep_workers_.done();
        w.ms = now_ms() - w.started_ms;
        if (!sweep_workers_.error().empty()) {
            w.error = sweep_workers_.error();
            w.running = false;
        } else if (!sweep_workers_.busy() && w.next == w.runs.size()) {
            w.runs = sweep_workers_.runs();
            w.running = false;
            w.summary = assist::summarise(w.spec, w.runs);
        }
        return;
    }
    const auto started = std::chrono::steady_clock::now();
    while (w.next < w.runs.size() && std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count() < 30) {
        auto run = assist::run_one(*scenario_->scenario, w.spec, w.runs[w.next]);
        if (!run) {
            w.error = run.error().message;
            w.running = false;
            return;
        }
        w.runs[w.next++] = run.value();
    }
    w.ms = now_ms() - w.started_ms;
    if (w.next == w.runs.size()) {
        w.running = false;
        w.summary = assist::summarise(w.spec, w.runs);
    }
}

Json App::draft_state() const {
    const DraftWorkbench& d = draft_;
    Json out{{"from", d.from}, {"to", d.to}, {"approvals", d.allow_approvals}, {"error", d.error}, {"found", d.draft.has_value()}};
    if (!d.draft) return out;
    Json line = Json::array();
    for (const GeoPoint& p : d.draft->corridor.centreline) line.push_back({p.lat_deg, p.lon_deg});
    out.update({{"id", d.draft->corridor.id}, {"length_m", d.draft->length_m}, {"straight_m", d.draft->straight_m}, {"centreline", line},
                {"width_m", d.draft->corridor.width_m}, {"drone", d.draft->corridor.drone_types.front()}, {"approval", d.draft->corridor.approval}});
    if (d.check) {
        out.update({{"errors", d.check->errors}, {"warnings", d.check->warnings}});
        if (d.check->flight) out.update({{"time_s", d.check->flight->time_s}, {"energy_wh", d.check->flight->energy_wh}});
    }
    return out;
}

}  // namespace lowsky::web

namespace lowsky::web {

Json App::assist_state() const {
    Json out{{"open", assist_.open}};
    const ReachView& r = assist_.reach;
    Json reach{{"error", r.error}, {"minutes", r.minutes}};
    if (r.result) {
        Json hubs = Json::object();
        for (const auto& [id, s] : r.result->hubs) hubs[id] = s;
        Json cells = Json::array();
        for (double m : r.minutes) {
            int network = 0, free = 0;
            for (float t : r.result->grid.network_s) network += t >= 0 && t <= m * 60;
            for (float t : r.result->grid.free_s) free += t >= 0 && t <= m * 60;
            cells.push_back({{"minutes", m}, {"network", network}, {"free_flight", free}});
        }
        reach.update({{"from", r.result->from}, {"drone", r.result->drone_type}, {"hubs", hubs}, {"cells", cells}, {"cell_m", r.result->grid.cell_m}});
    }
    out["reach"] = reach;
    const NetworkView& n = assist_.network;
    Json network{{"error", n.error}, {"ms", n.ms}};
    if (n.draft) {
        Json corridors = Json::array(), pairs = Json::array();
        for (const Corridor& c : n.draft->corridors) corridors.push_back(c.id);
        for (const auto& p : n.draft->pairs) pairs.push_back({{"from", p.from}, {"to", p.to}, {"straight_m", p.straight_m}, {"network_m", p.network_m}});
        network.update({{"corridors", corridors}, {"junctions", n.draft->junctions.size()}, {"total_length_m", n.draft->total_length_m}, {"pairs", pairs}});
    }
    out["network"] = network;
    const SweepView& w = assist_.sweep;
    Json sweep{{"running", w.running}, {"done", w.next}, {"total", w.runs.size()}, {"error", w.error}, {"hub", w.hub}, {"drone", w.drone}, {"ms", w.ms},
               {"workers", w.workers}};
    if (w.summary) sweep.update(assist::summary_to_json(*w.summary));
    out["sweep"] = sweep;
    return out;
}

}  // namespace lowsky::web
