#pragma once
// The open document's life outside the page: which stored document it is, its autosave, the
// list of recent documents, and the view kept as a setting. The store answers later, so every
// call here returns at once and the answers land in the next frames.

#include <functional>
#include <string>
#include <vector>

#include "geo/map_camera.h"
#include "scenario_view.h"
#include "store/autosave.h"
#include "store/document_store.h"

namespace lowsky::web {

// The view as text, "lat,lon,zoom" (the view setting and share links), and back onto a camera;
// false, and the camera untouched, for text that is not a view.
std::string view_text(const MapCamera& camera);
bool apply_view_text(const std::string& text, MapCamera& camera);

class DocumentSession {
public:
    explicit DocumentSession(DocumentStore& store) : store_(store) {}

    // A document was opened: `id` is the stored document it is (empty: a new one, stored at its
    // first change or at once when `store_now`).
    void opened(const ScenarioView& view, std::string id, std::string name, bool store_now, double now_ms);
    // Autosave, every frame (idle ones too), and the view setting.
    void tick(const ScenarioView& view, const MapCamera& camera, double now_ms);

    const std::string& id() const { return id_; }
    const std::string& name() const { return name_; }
    bool stored() const { return stored_; }  // the store has this document (an untouched default is not stored)
    const Autosaver& autosaver() const { return autosaver_; }
    std::string status() const;

    // The recent documents, newest first (asked of the store; `loaded` once it answered).
    void refresh_recent();
    const std::vector<StoredDocument>& recent() const { return recent_; }
    bool recent_loaded() const { return recent_loaded_; }
    const std::string& recent_error() const { return recent_error_; }
    void rename(const std::string& id, const std::string& name);
    void remove(const std::string& id);

    static std::string new_id(double wall_ms);

private:
    void write(const ScenarioView& view, uint64_t revision, double now_ms);

    DocumentStore& store_;
    std::string id_, name_;
    bool stored_ = false;
    Autosaver autosaver_;
    std::vector<StoredDocument> recent_;
    bool recent_loaded_ = false;
    std::string recent_error_;
    std::string saved_view_;
    double view_checked_ms_ = 0;
};

}  // namespace lowsky::web
