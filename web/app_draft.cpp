// The Draft tool's work in the app: ask the engine for a draft between the two hubs clicked,
// with the mission panel's drone type; Accept pastes it as one undoable edit.
#include <chrono>

#include "app.h"
#include "scenario/scenario_io.h"
#include "scenario/scenario_objects.h"

namespace lowsky::web {

namespace {

// No draft, but the approvals choice stays for the next one.
void discard_keeping_settings(DraftWorkbench& d) {
    const bool approvals = d.allow_approvals;
    d = DraftWorkbench{};
    d.allow_approvals = approvals;
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
    request.time_limit_s = 1.0;  // the page waits for it
    const auto started = std::chrono::steady_clock::now();
    auto draft = assist::draft_corridor(*scenario_->compiled, request);
    d.search_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (!draft) {
        d.error = draft.error().message;
        return;
    }
    d.check = assist::check_draft(sc, draft->corridor, d.from, d.to, request.drone_type);
    d.draft = std::move(draft.value());
}

void App::run_draft_action(DraftPanelAction action) {
    DraftWorkbench& d = draft_;
    switch (action) {
        case DraftPanelAction::None: return;
        case DraftPanelAction::Redraft: update_draft(); return;
        case DraftPanelAction::Discard:
            discard_keeping_settings(d);
            map_editor_.message = tr("Draft discarded");
            map_editor_.message_is_error = false;
            return;
        case DraftPanelAction::Accept: {
            if (!d.draft || !scenario_) return;
            EditCommand paste;
            paste.op = EditOp::Paste;
            paste.value = nlohmann::json::array({{{"kind", "corridor"}, {"object", nlohmann::json(object_to_json(d.draft->corridor))}}});
            if (!map_editor_.apply(*scenario_, paste)) return;  // the editor says why
            map_editor_.message = trf(N_("Added corridor %s: Ctrl+Z undoes it"), scenario_->scenario->corridors.back().id.c_str());
            map_editor_.message_is_error = false;
            discard_keeping_settings(d);
            return;
        }
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
