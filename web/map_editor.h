#pragma once
// Drawing and editing on the map: the tools (select, corridor, hub, junction, polygon zone,
// circle zone, measure), the selection, drags of vertices and whole objects, and the keyboard
// shortcuts. Every change goes to the engine as an edit command (edit/command.h); this class
// keeps only what the gesture in progress needs (the vertices clicked so far, the press).

#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/json_read.h"
#include "edit/command.h"
#include "geo/map_camera.h"
#include "platform.h"
#include "scenario_view.h"

namespace lowsky::web {

// CloseArea is not on the toolbar: the simulation panel hands it out, to draw a temporary
// restriction during playback.
enum class Tool { Select, Corridor, Hub, Junction, PolygonZone, CircleZone, Measure, Route, Survey, Draft, CloseArea };
struct ToolInfo {
    Tool tool;
    const char* name;
    const char* key;   // the shortcut, as shown
    const char* hint;  // what to do with it
};
const std::vector<ToolInfo>& all_tools();

// What the pointer is over.
struct MapPick {
    enum class What { None, Vertex, Midpoint, Hub, Junction, Corridor, Zone } what = What::None;
    ObjectRef ref;
    int vertex = -1;  // Vertex: its index; Midpoint: the index a vertex inserted there takes
};

class MapEditor {
public:
    Tool tool = Tool::Select;
    // In 3D the map is looked at, not edited: clicks select, drags pan, the other tools wait
    // for the plan view (set by the app each frame).
    bool locked = false;
    std::vector<ObjectRef> selection;
    std::string message;  // the last refusal, or what the tool in hand wants next
    // The route tool's two hubs, once both are clicked: the app routes between them.
    std::optional<std::pair<std::string, std::string>> route_request;
    // The draft tool's two hubs, once both are clicked: the app asks the engine for a draft.
    std::optional<std::pair<std::string, std::string>> draft_request;
    // The close-area tool's polygon, once finished: the app closes it in the simulation.
    std::optional<std::vector<GeoPoint>> close_area_request;
    std::optional<std::vector<GeoPoint>> survey_request;  // an area to survey, drawn with the Survey tool
    bool message_is_error = false;

    // Mouse on the map (when no window has it) and the keyboard shortcuts (when no text field
    // has it); `buttons`: the presses and releases since the last frame, in order; `double_click`:
    // the browser saw one since the last frame. Returns true when it
    // used the mouse itself (the map must not pan).
    bool handle_input(ScenarioView& view, const MapCamera& camera, float ui_scale, bool map_has_mouse, const std::vector<KeyPress>& keys,
                      const std::vector<MouseButtonEvent>& buttons, bool double_click);
    // Selection, handles, the shape being drawn, the snap cue, the measure.
    void draw(ImDrawList* dl, const MapCamera& camera, const ScenarioView& view, float ui_scale) const;

    bool apply(ScenarioView& view, const EditCommand& command, bool merge = false);
    bool undo(ScenarioView& view);
    bool redo(ScenarioView& view);
    void remove_selection(ScenarioView& view);
    void duplicate_selection(ScenarioView& view);
    void copy_selection(const ScenarioView& view);
    void paste(ScenarioView& view);
    void set_tool(Tool t);
    void cancel();  // drops the shape being drawn

    bool selected(ObjectKind kind, const std::string& id) const;
    // A shape is being drawn or something dragged: the panels give way.
    bool busy() const { return !drawing_.empty() || circle_centre_.has_value() || route_from_.has_value() || (press_.down && press_.dragging); }
    Json state() const;  // for the page and the tests

private:
    MapPick pick(const ScenarioView& view, const MapCamera& camera, ImVec2 at, float s) const;
    GeoPoint snapped(const ScenarioView& view, const MapCamera& camera, GeoPoint at, float s, bool& snapped_to_node) const;
    void finish_drawing(ScenarioView& view);
    bool release(ScenarioView& view, const MapCamera& camera, float s, ImVec2 at, bool map_has_mouse);
    bool drag_to(ScenarioView& view, ImVec2 at, GeoPoint geo);
    void keep_selection_valid(const ScenarioView& view);

    struct Press {
        bool down = false, dragging = false, box = false;
        ImVec2 at;
        MapPick pick;
        GeoPoint last;  // where the drag was last frame, on the map
    } press_;
    std::vector<GeoPoint> drawing_;            // the corridor, zone or measure so far
    std::optional<GeoPoint> circle_centre_;
    std::optional<std::string> route_from_;
    std::optional<GeoPoint> cursor_;           // on the map, snapped when drawing
    bool cursor_snapped_ = false;
    ImVec2 box_end_;
    Json clipboard_ = Json::array();
    int pastes_ = 0;  // since the last copy
};

}  // namespace lowsky::web
