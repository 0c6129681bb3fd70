#pragma once
// One panel per file. Panels read engine data and view state and return what the user asked
// for; they never own the scenario.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "basemap/basemap.h"
#include "geo/map_camera.h"
#include "sim/simulator.h"
#include "places/places.h"
#include "map_editor.h"
#include "mission_workbench.h"
#include "assist_workbench.h"
#include "scenario_view.h"
#include "store/document_store.h"
#include "sim_playback.h"
#include "panel_layout.h"
#include "i18n.h"
#include "map/marker_renderer.h"
#include "view/tour.h"

#include <array>
#include <map>

struct ImDrawList;

namespace lowsky::web {

// A message the user must see: a failed asset, a lost context.
struct Notice {
    std::string title;
    std::string detail;
};

// What the user has picked on the map or in a list.
struct MapSelection {
    std::string kind;  // "corridor", "hub", "zone", or empty
    std::string id;
    int finding = -1;  // index into the report's findings
};

// While a shape is being drawn or something dragged on the map, the panels at its sides fade
// and let the pointer through, so that they never stand between the planner and the drawing.
void set_map_busy(bool busy);
ImGuiWindowFlags side_panel_flags(ImGuiWindowFlags flags);

// A rectangle of the screen in pixels.
struct ScreenRect {
    float x0, y0, x1, y1;
};

// Where this frame's windows cover the map (tooltips and popups aside: they come and go).
// Call it once every window of the frame has been submitted.
std::vector<ScreenRect> screen_covered_by_windows();

// Records the current window's rectangle under `name` (call between Begin and End).
void remember_window_rect(const char* name, std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// Records the last item's rectangle (x, y, width, height) under `name`, for the page to publish.
void remember_item_rect(const char* name, std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

struct PlacedLabel {
    std::string text;
    ScreenRect box;
};

// Place and airport markers with labels, drawn under the windows. `places_too` is false when
// a scenario's hubs stand for the places. Hub labels come from `hubs`. Labels keep clear of
// each other, of the markers and of `covered`; a label that fits nowhere is left out.
// Returns the labels drawn.
std::vector<PlacedLabel> draw_map_markers(ImDrawList* draw_list, const MapCamera& camera, const PlaceCatalog& places, bool places_too,
                      const std::vector<Hub>& hubs, const std::vector<ScreenRect>& covered, float ui_scale);

// The open scenario on the map (zones, corridors, hubs) and a tooltip for what is under
// `mouse` (screen pixels; none when the pointer is over a window).
// The basemap's rivers and borders.
void draw_basemap_lines(ImDrawList* draw_list, const MapCamera& camera, const std::vector<BasemapLine>& lines, float ui_scale);

// Round lines of latitude and longitude, labelled, once zoomed in past the whole region.
void draw_graticule(ImDrawList* draw_list, const MapCamera& camera, float ui_scale);

// Returns what is under `mouse` (its tooltip shown), if anything.
struct MapHit {
    std::string kind, id;
};
std::optional<MapHit> draw_scenario_layer(ImDrawList* draw_list, const MapCamera& camera, const ScenarioView& view, const MapSelection& selected,
                                          std::optional<ImVec2> mouse, float ui_scale);

enum class MissionPanelAction { None, RouteChanged, Export, ExportOverride, Import, ClearOverlay, MergeOverlay, SurveyChanged, ExportSurvey, ClearSurvey, KeepSurvey };

// The mission panel. Records the screen rectangles of its main buttons and of itself ("mission")
// in `rects` (the page publishes them, so that browser tests click where a person would).
MissionPanelAction draw_mission_panel(const ScenarioView& view, MissionWorkbench& workbench, float top, float ui_scale,
                                      std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// The previewed route and an imported mission or shapes, over the map.
void draw_mission_overlay(ImDrawList* draw_list, const MapCamera& camera, const MissionWorkbench& workbench, float ui_scale);

// The Assist window (assist_panel.cpp), shown when opened or while a draft is asked for: the
// drafted corridor with Accept and Discard, the reach from `hub`, and the fleet-size sweep of
// `hub`'s `drone` fleet with its chart (rects "assist", "draft.accept", "draft.discard",
// "draft.approvals", "network.draft", "network.replace", "reach.show", "reach.clear", "sweep.run", "sweep.stop", "sweep.chart").
AssistAction draw_assist_panel(AssistPanel& panel, DraftWorkbench& draft, const std::string& hub, const std::string& drone, float ui_scale,
                               std::vector<std::pair<std::string, std::array<float, 4>>>& rects);
// The draft's line and the reach bands on the map (`frame`: the scenario's, for the bands).
void draw_assist_overlay(ImDrawList* draw_list, const MapCamera& camera, const DraftWorkbench& draft, const AssistPanel& panel, const LocalFrame* frame,
                         float ui_scale);

enum class SimPanelAction { None, Run, Cancel, CloseArea, ReopenArea };

// The simulation panel, from screen height `top` down: a button that simulates the day, then
// its figures and the playback controls (which change `playback` directly). Records its main
// controls' rectangles in `rects`.
SimPanelAction draw_sim_panel(SimPlayback& playback, int airborne_now, float top, float ui_scale,
                              std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// The simulated drones in the air at the playback time, where they are on screen, and the one
// under `mouse` (if any): found first, so that the map's own tooltip can give way to it.
struct SimDronesInView {
    struct Airborne {
        size_t drone;
        DroneSnapshot snapshot;
        ImVec2 screen;
        ImVec2 ground;  // the point under it (the same as `screen` in plan view)
        std::vector<ImVec2> trail;  // where it flew in the last five minutes, when trails are asked for
    };
    std::vector<Airborne> airborne;
    // Drones on the ground, by hub: waiting for an order or a pad, or charging.
    struct Parked {
        ImVec2 hub;
        int waiting = 0, charging = 0;
    };
    std::vector<Parked> parked;
    int hovered = -1;  // index into `airborne`
};
SimDronesInView sim_drones_at(const MapCamera& camera, const SimPlayback& playback, std::optional<ImVec2> mouse,
                              float ui_scale, bool trails = false);
// The drones, in the air and on the ground, go to `markers` (GL points), which are then queued in
// `draw_list`'s order with what draw_sim_encounters added before; trails, the hovered drone's
// ring and its tooltip go to `draw_list`. The caller clears `markers` once a frame, before both.
void draw_sim_drones(ImDrawList* draw_list, MarkerRenderer& markers, const SimPlayback& playback, const SimDronesInView& in_view, float ui_scale);
// The day in charts (a window of its own while `open`): deliveries, drones in the air, delivery
// times, the fleet's battery, queues; a click on a chart over the day seeks the playback.
void draw_sim_charts(bool& open, SimPlayback& playback, float ui_scale,
                     std::vector<std::pair<std::string, std::array<float, 4>>>& rects);
// Appends hub `hub`'s queues at the playback time, and over the day, to the tooltip.
void draw_hub_queues(const SimPlayback& playback, const std::string& hub, float ui_scale);
// The day's encounters near the playback time, and the one looked at, as rings where the two
// drones were closest (conflicts amber, losses of separation red; GL markers, queued by
// draw_sim_drones), with a tooltip under `mouse`.
void draw_sim_encounters(MarkerRenderer& markers, const MapCamera& camera, const SimPlayback& playback, std::optional<ImVec2> mouse, float ui_scale);
// The day's temporary restriction, if it has one: outlined once announced, filled while closed.
void draw_sim_restriction(ImDrawList* draw_list, const MapCamera& camera, const SimPlayback& playback, float ui_scale);

// The findings list, `height` pixels tall at the top right; returns the finding clicked this frame.
const Finding* draw_findings_panel(const ScenarioView& view, const MapSelection& selected, float top, float height, float ui_scale,
                                   std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// The bar across the top: the app's name, the drawing tools and the Edit menu (undo, redo,
// delete, duplicate; none while no scenario is open), the view's reset. `bottom` gets where it
// ends, for the panels below it.
enum class TopBarAction { None, ResetView, View3D, Tables, Assist, New, Open, Save, SaveAs, Share, Recent, Drawer, Help, Tour, ResetLayout, Language };
// `drawer`: on a phone the panels live in a drawer, opened and closed from the bar (null: no drawer).
// `extra` draws more into the bar (the search box) where it has room.
// `in_3d`: the map is in 3D (its button then goes back to the plan view).
TopBarAction draw_top_bar(MapEditor* editor, ScenarioView* view, const std::string& basemap_status, const bool* drawer,
                          const std::function<void()>& extra, bool in_3d, float ui_scale,
                          std::vector<std::pair<std::string, std::array<float, 4>>>& rects, float& bottom);

// Every field of an object, editable (its value sent as a Set command when the field is left);
// a refused value's message is kept in `errors` under key + the field's JSON pointer, and shown
// under the field. The fields' rectangles are published as "field." + key + pointer.
void edit_object_fields(std::map<std::string, std::string>& errors, const std::string& key, MapEditor& editor, ScenarioView& view, const ObjectRef& ref,
                        std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// The tables of what is not on the map (drone types, fleet, demand rates, orders, wind bands):
// each row's fields editable, rows added and removed, all through edit commands.
struct TablesState {
    bool open = false;
    std::map<std::string, std::string> errors;
};
void draw_tables_panel(TablesState& state, MapEditor& editor, ScenarioView& view, float ui_scale,
                       std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// The altitude profile of the selected corridor, between screen x `left` and `right`, its
// bottom at `bottom`; `shown` says what it drew and on what scale (for the page).
struct ProfileShown {
    bool drawn = false;
    std::string corridor;
    double length_m = 0, y_min_m = 0, y_max_m = 0;  // the chart's extent, heights AMSL
    double floor_m = 0, ceiling_m = 0;              // the band
};
void draw_profile_panel(const ScenarioView& view, const MapEditor& editor, float left, float right, float bottom, float ui_scale,
                        std::vector<std::pair<std::string, std::array<float, 4>>>& rects, ProfileShown& shown);

// The inspector of the selection, from screen height `top` down the right-hand side: every
// field, sent as an edit command when left; a refused value's message stays under its field.
struct InspectorState {
    ObjectRef object;                           // the object the messages are about
    std::map<std::string, std::string> errors;  // by field (JSON pointer)
};
void draw_inspector_panel(InspectorState& state, MapEditor& editor, ScenarioView& view, float top, float ui_scale,
                          std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// Bottom bar: coordinates under the cursor, zoom, scale bar, attribution.
// The save state at the right ("saved", "saving...", "not saved: why" with a Download button);
// true when Download was pressed.
struct SaveBadge {
    std::string text;
    bool failed = false;
};
bool draw_status_bar(const MapCamera& camera, std::optional<GeoPoint> cursor, const std::string& attribution, const SaveBadge& save, float ui_scale,
                     std::vector<std::pair<std::string, std::array<float, 4>>>& rects);


// Centered notices, one per problem, each dismissible.
// Every problem in one list, each with its own close button, and "Dismiss all".
void draw_notices(std::vector<Notice>& notices, float ui_scale, std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// Search: hubs, corridors, zones, places and airports matching a query (by name or id).
struct SearchHit {
    const char* kind;  // "hub", "corridor", "zone", "place", "airport"
    std::string id, name;
    GeoPoint at;
    double zoom;
    int rank;
};
std::vector<SearchHit> search_map(const std::string& query, const Scenario* scenario, const PlaceCatalog& places, size_t limit);
struct SearchState {
    char text[96] = {};
    bool list_hovered = false;
};
// The search box (drawn inside the top bar); what was picked, if anything.
std::optional<SearchHit> draw_search(SearchState& state, const Scenario* scenario, const PlaceCatalog& places, float ui_scale,
                                     std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// Every shortcut and gesture; `?` or the Help button toggles it.
void draw_help(bool& open, float ui_scale, std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// The guided tour's window at step `step` of `steps` (view/tour.h). `day_running`: the day is
// being simulated for the steps that need it. Back, Next (End on the last) or Close.
enum class TourAction { None, Back, Next, Close };
// A tour step's figure in the interface's language (its patterns and words translated, its numbers as they are).
std::string tour_figure(const TourStep& step);
TourAction draw_tour(const std::vector<TourStep>& steps, int step, bool day_running, bool phone, float ui_scale,
                     std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// The map's legend, bottom left, its bottom edge at `bottom`; collapsed unless `open`.
void draw_legend(bool& open, float bottom, float ui_scale, std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

// The recent documents: name, date and size, each opened, renamed, duplicated or deleted.
struct RecentAction {
    enum Kind { None, Open, Rename, Duplicate, Delete } kind = None;
    std::string id, name;
};
struct RecentState {
    bool open = false;
    std::string renaming;      // the id being renamed
    char name[128] = {};
};
RecentAction draw_recent_panel(RecentState& state, const std::vector<StoredDocument>& documents, bool loaded, const std::string& error,
                               const std::string& current_id, float ui_scale, std::vector<std::pair<std::string, std::array<float, 4>>>& rects);

}  // namespace lowsky::web
