#pragma once
// The browser app: owns the engine data it shows, the view state, and the frame.

#include <algorithm>
#include <memory>
#include <cmath>
#include <string>
#include <vector>

#include "i18n.h"
#include "basemap/basemap.h"
#include "basemap_renderer.h"
#include "document_session.h"
#include "geo/map_camera.h"
#include "map/map_layer_cache.h"
#include "map/view_3d.h"
#include "panels/panels.h"
#include "places/places.h"
#include "scenario_view.h"
#include "sweep_workers.h"
#include "platform.h"

namespace lowsky::web {

enum class AssetState { Loading, Ready, Failed };

struct FrameStats {
    long rendered = 0;        // frames drawn
    long skipped = 0;         // display refreshes with nothing to redraw
    double last_cpu_ms = 0;   // CPU time of the last drawn frame, GL submission included
    double last_update_ms = 0;  // ... up to the draw data: input, edits and their checks, the interface
    int last_triangles = 0;     // Dear ImGui's triangles drawn in the last frame (the map layer's when not cached, the live layer's, the windows')
    int last_map_triangles = 0;   // ... of which in the map layer (cached in the plan view)
    int last_live_triangles = 0;  // ... and in the live layer over it
};

class App {
public:
    bool init(std::string& error);
    void frame();                         // called once per display refresh
    void draw_frame();                    // unconditionally: input, UI, render
    void render_map_and_windows();
    const MapCamera& camera() const { return camera_; }
    const FrameStats& stats() const { return stats_; }
    void set_map_cache(bool on) {
        if (!on) map_cache_.forget();
        map_cache_on_ = on, frames_to_draw_ = std::max(frames_to_draw_, 2);
    }
    std::string state_json() const;      // what the page and the tests read, built when asked
    std::string document_json() const;   // the open scenario as lowsky saves it
    // Opens a scenario document in place of the current one; a document that does not load
    // leaves the current one as it was, and its errors go to a notice. True when opened.
    // `id`: the stored document it is (empty: a new one, stored at once when `store_now`).
    bool open_scenario(const std::string& text, const std::string& source, const std::string& id = {}, const std::string& name = {},
                       bool store_now = true);
    // Turns the view by `deg` (the benchmarks' orbiting camera; 3D only).
    void turn_view(double deg) {
        if (view3d_.wants_3d()) camera_.set_orientation(camera_.tilt_deg(), camera_.bearing_deg() + deg);
    }
    // Shows the day's playback at `t_s`, paused (the benchmarks' busiest moment); false when no
    // day has been simulated.
    bool seek_playback(double t_s) {
        if (!playback_.result) return false;
        playback_.t_s = std::clamp(t_s, 0.0, playback_.day_s);
        playback_.playing = false;
        frames_to_draw_ = std::max(frames_to_draw_, 2);
        return true;
    }
    void update_ready() { update_ready_ = true; frames_to_draw_ = std::max(frames_to_draw_, 2); }  // a new build is waiting
    // The guided tour from its first step (the Tour button, #tour in the address): the day is
    // simulated if it has not been, for the steps whose figures come from it.
    void open_tour();

private:
    void load_assets();
    void open_initial_document();
    void open_default_document();
    void open_file(const std::string& name, const std::vector<uint8_t>& bytes);  // a scenario, or an overlay
    void merge_overlay();  // the overlay's corridors and zones into the scenario, one undoable step
    void step_simulation();  // the next slice of a day being simulated
    bool merge_chinese_glyphs(float size_px);
    void run_file_action(TopBarAction action);
    void run_recent_action(const RecentAction& action);
    void save_panels() const;
    void handle_map_input();
    void setup_imgui_style(float ui_scale);
    std::string basemap_status() const;
    void fly_to(GeoPoint target, double zoom);
    void run_mission_action(MissionPanelAction action);
    void run_simulation();
    void update_route_preview();
    void update_survey();  // the survey of the area drawn, with the mission panel's settings
    void export_survey();
    void keep_survey();    // the drawn survey into the scenario, as an inspection (one undoable step)
    // The planning assist (app_assist.cpp): the engine's draft between the hubs asked for, the
    // reach bands, the sweep run a few days a frame; what the Assist window's buttons ask; its
    // state for the page.
    void update_draft();
    void run_assist_action(AssistAction action);
    void step_sweep();
    Json draft_state() const;
    Json assist_state() const;
    void step_flight(double now_ms);
    void toggle_3d();

    MapCamera camera_{kHome, kHomeZoom};
    BasemapRenderer basemap_renderer_;
    View3D view3d_;                      // plan view or 3D, the airspace's solids
    MapPalette palette_;
    PlaceCatalog places_;
    Basemap basemap_;
    AssetState basemap_state_ = AssetState::Loading;
    AssetState places_state_ = AssetState::Loading;
    AssetState scenario_state_ = AssetState::Loading;
    std::unique_ptr<ScenarioView> scenario_;
    MapSelection selected_;
    MapEditor map_editor_;               // the tools, the selection, the gesture in progress
    InspectorState inspector_;
    ProfileShown profile_;
    TablesState tables_;
    uint64_t previewed_revision_ = 0;    // the document revision the route preview was made for
    bool panning_ = false;
    ImVec2 press_at_;                    // where the left button last went down
    MissionWorkbench workbench_;
    DraftWorkbench draft_;
    AssistPanel assist_;
    SweepWorkers sweep_workers_;
    SimPlayback playback_;
    SimDronesInView drones_;             // the simulated drones in the air, this frame
    MarkerRenderer markers_;             // and their markers, drawn in GL
    MapLayerCache map_cache_;            // the basemap and the background list, kept in a texture while unchanged
    std::unique_ptr<ImDrawList> live_layer_;  // what moves over the map each frame (drones, encounters, labels): never cached
    bool map_cache_on_ = true;           // off only for the browser test that compares the two
    double last_frame_ms_ = 0;
    std::vector<std::pair<std::string, std::array<float, 4>>> ui_rects_;  // published for the browser tests
    std::vector<ScreenRect> covered_;    // where windows (and the 3D altitude scale) lie over the map: no labels there
    std::vector<PlacedLabel> labels_;    // the map labels drawn (published too)

    struct Flight {  // an animated move of the camera, started by a click in a list
        bool active = false;
        GeoPoint from, to;
        double from_zoom = 0, to_zoom = 0, start_ms = 0;
    } flight_;
    std::vector<Notice> notices_;
    DocumentSession session_{platform_document_store()};
    RecentState recent_;
    bool save_as_open_ = false;
    char save_as_name_[128] = {};
    std::string share_link_;
    bool update_ready_ = false;
    bool phone_ = false;                 // a narrow screen: the panels go into a drawer
    bool drawer_open_ = false;
    bool legend_open_ = false;
    PanelLayout layout_;                   // the side panels the planner moved, resized or collapsed
    std::optional<MapHit> under_pointer_;  // what the map's tooltip shows (hover, or a long press)
    bool help_open_ = false;
    // The guided tour: its steps as the engine figured them, for the document's revision and the
    // day shown (remade when either changes), and the step shown (-1: closed).
    struct Tour {
        int step = -1;
        std::vector<TourStep> steps;
        uint64_t revision = 0;
        int generation = -1;
        bool reframe = false;    // the step was framed before the windows had their size
        int reframes = 0;        // framed again since the step was chosen
    } tour_;
    bool tour_pending_ = false;  // the page was opened at #tour
    float top_bar_bottom_ = 0;   // where the map shows below the top bar, device pixels
    void refresh_tour_steps();
    void go_to_tour_step(int step);
    void close_tour();
    void draw_tour_window();
    SearchState search_;
    FrameStats stats_;
    float ui_scale_ = 1.0f;
    int frames_to_draw_ = 2;   // after input, ImGui needs a frame or two to settle
    bool notified_first_frame_ = false;
    bool notified_ready_ = false;

    static constexpr GeoPoint kHome{22.47, 113.70};  // Lingding Bay between Shenzhen and Zhuhai
    static constexpr double kHomeZoom = 9.2;  // for a 1280-pixel-wide window; narrower ones see as much
    double home_zoom() const {
        const double css_width = camera_.width_px() / std::max(0.5, camera_.pixel_ratio());
        return kHomeZoom + std::min(0.0, std::log2(std::max(200.0, css_width) / 1280.0));
    }
};

}  // namespace lowsky::web
