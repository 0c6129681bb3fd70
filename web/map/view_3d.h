#pragma once
// The 3D view: which view the planner asked for (plan or 3D), the animation between them, the
// camera's orbit, the airspace's solids kept in step with the document, and the altitude
// scale. The camera itself stays the app's; this sets its orientation and how much of the
// heights it shows.

#include <imgui.h>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geo/map_camera.h"
#include "map/volume_renderer.h"
#include "panels/panels.h"
#include "platform.h"
#include "scenario_view.h"

namespace lowsky::web {

class View3D {
public:
    bool init(std::string& error) { return renderer_.init(error); }

    // T, or the toolbar's button: to 3D (at the tilt and bearing last used there) or back to
    // the north-up plan view; the view animates for kAnimate_ms.
    void toggle(double now_ms);
    bool wants_3d() const { return wants_3d_; }
    // Plan view and not on the way anywhere: the map can be edited.
    bool is_plan() const { return !wants_3d_ && share_ == 0.0; }
    // Moves the camera along the animation; true while it runs (keep drawing).
    bool animate(MapCamera& camera, double now_ms);
    // A drag with the right button, or with Ctrl and the left (`drag`, from the platform): turns
    // and tilts (3D only). True while such a drag is on.
    bool orbit(MapCamera& camera, const DragDelta& drag);
    // Two fingers turning on a touch screen: the map turns with them (3D only).
    void twist(MapCamera& camera, double turn_deg);

    bool show_ceiling = false;  // the rules' ceiling as a faint plane
    bool show_trails = false;   // each simulated drone's last five minutes of flight

    // The solids of the document as it is now (rebuilt after an edit, only while shown).
    void draw_volumes(const MapCamera& camera, const ScenarioView* view, const MapSelection& selected);
    // The altitude scale at the right edge (left of the windows `covered` where they lie over its
    // place): heights at the view's centre, and the exaggeration. Where it was drawn, if it was.
    std::optional<ScreenRect> draw_scale(ImDrawList* dl, const MapCamera& camera, float s, const std::vector<ScreenRect>& covered) const;
    // Under the scale, in 3D: whether to show the ceiling. True when it changed.
    bool draw_controls(const MapCamera& camera, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects);
    const AirspaceVolumes& volumes() const { return renderer_.volumes(); }
    double last_sort_ms() const { return renderer_.last_sort_ms(); }

private:
    static constexpr double kAnimate_ms = 450;
    static constexpr double kDefaultTilt_deg = 55;
    bool wants_3d_ = false;
    double share_ = 0.0;              // 0 plan view .. 1 3D, what the camera shows now
    double from_share_ = 0.0, start_ms_ = -1;
    double tilt_deg_ = kDefaultTilt_deg, bearing_deg_ = 0;  // the 3D orientation to return to
    double from_tilt_ = 0, from_bearing_ = 0;
    VolumeRenderer renderer_;
    const ScenarioView* built_for_ = nullptr;
    uint64_t built_revision_ = ~0ull;
    bool built_ceiling_ = false;
};

}  // namespace lowsky::web
