#include "document_session.h"

#include <cmath>
#include <cstdio>

#include "platform.h"
#include "scenario/scenario_io.h"

namespace lowsky::web {

std::string view_text(const MapCamera& camera) {
    char text[96];
    std::snprintf(text, sizeof text, "%.6f,%.6f,%.3f", camera.center().lat_deg, camera.center().lon_deg, camera.zoom());
    return text;
}

bool apply_view_text(const std::string& text, MapCamera& camera) {
    double lat = 0, lon = 0, zoom = 0;
    if (std::sscanf(text.c_str(), "%lf,%lf,%lf", &lat, &lon, &zoom) != 3 || !(std::abs(lat) <= 90) || !(std::abs(lon) <= 180) || !(zoom > 2 && zoom < 20))
        return false;
    camera.set_view({lat, lon}, zoom);
    return true;
}

std::string DocumentSession::new_id(double wall_ms) {
    static int counter = 0;
    char text[48];
    std::snprintf(text, sizeof text, "doc-%.0f-%d", wall_ms, ++counter);
    return text;
}

void DocumentSession::opened(const ScenarioView& view, std::string id, std::string name, bool store_now, double now_ms) {
    const bool fresh = id.empty();
    id_ = fresh ? new_id(platform_wall_clock_ms()) : std::move(id);
    name_ = name.empty() ? view.scenario->name : std::move(name);
    stored_ = !fresh;
    autosaver_ = Autosaver{};
    autosaver_.reset(view.editor->revision());
    if (!fresh) platform_set_setting("current", id_);
    if (store_now) write(view, view.editor->revision(), now_ms);
}

void DocumentSession::write(const ScenarioView& view, uint64_t revision, double now_ms) {
    const std::string text = save_scenario(*view.scenario);
    StoredDocument meta{id_, name_, platform_wall_clock_ms(), text.size()};
    autosaver_.started(revision, now_ms);
    const std::string id = id_;
    // The journal first: localStorage is written before this frame ends, so a tab killed while
    // IndexedDB is still writing loses nothing (documents under 1 MB; the rest wait for IDB).
    const bool journaled = text.size() < (1u << 20) && platform_set_setting("journal", id + "\n" + name_ + "\n" + text);
    store_.put(meta, text, [this, revision, id, journaled](std::optional<Error> failure) {
        // IndexedDB has it: the journal can go, unless it holds another document's change by now.
        if (!failure && journaled)
            if (const auto journal = platform_setting("journal"); journal && journal->rfind(id + "\n", 0) == 0) platform_set_setting("journal", "");
        if (id != id_) return;  // another document was opened meanwhile
        autosaver_.finished(revision, failure);
        if (!failure) {
            stored_ = true;
            platform_set_setting("current", id);
            if (recent_loaded_) refresh_recent();
        }
    });
}

void DocumentSession::tick(const ScenarioView& view, const MapCamera& camera, double now_ms) {
    autosaver_.changed(view.editor->revision());
    if (const auto revision = autosaver_.due(now_ms)) write(view, *revision, now_ms);
    // The view, at most once a second, when it moved.
    if (now_ms - view_checked_ms_ > 1000) {
        view_checked_ms_ = now_ms;
        const std::string text = view_text(camera);
        if (text != saved_view_ && platform_set_setting("view", text)) saved_view_ = text;
    }
}

std::string DocumentSession::status() const { return autosaver_.status(); }

void DocumentSession::refresh_recent() {
    store_.list([this](Result<std::vector<StoredDocument>> listed) {
        recent_loaded_ = true;
        if (!listed) {
            recent_error_ = listed.error().message;
            recent_.clear();
            return;
        }
        recent_error_.clear();
        recent_ = std::move(listed.value());
    });
}

void DocumentSession::rename(const std::string& id, const std::string& name) {
    if (id == id_) name_ = name;
    store_.rename(id, name, [this](std::optional<Error> failure) {
        if (failure) recent_error_ = failure->message;
        refresh_recent();
    });
}

void DocumentSession::remove(const std::string& id) {
    store_.remove(id, [this](std::optional<Error> failure) {
        if (failure) recent_error_ = failure->message;
        refresh_recent();
    });
}

}  // namespace lowsky::web
