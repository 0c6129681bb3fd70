#include "map/view_3d.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "i18n.h"

namespace lowsky::web {

namespace {

double ease(double t) { return t < 0.5 ? 2 * t * t : 1 - 2 * (1 - t) * (1 - t); }

// The shorter way round from a to b, in degrees.
double turn_between(double a, double b) {
    double d = std::fmod(b - a, 360.0);
    if (d > 180) d -= 360;
    if (d < -180) d += 360;
    return d;
}

VolumeLook look_of(CheckState s) {
    switch (s) {
        case CheckState::Error: return VolumeLook::CorridorError;
        case CheckState::Warning: return VolumeLook::CorridorWarning;
        case CheckState::Info: return VolumeLook::CorridorInfo;
        default: return VolumeLook::CorridorClean;
    }
}

}  // namespace

void View3D::toggle(double now_ms) {
    wants_3d_ = !wants_3d_;
    from_share_ = share_;
    start_ms_ = now_ms;
    from_tilt_ = -1;  // taken from the camera on the next animate()
}

bool View3D::animate(MapCamera& camera, double now_ms) {
    if (start_ms_ < 0) return false;
    if (from_tilt_ < 0) {
        from_tilt_ = camera.tilt_deg();
        from_bearing_ = camera.bearing_deg();
        if (!wants_3d_ && share_ > 0) tilt_deg_ = camera.tilt_deg(), bearing_deg_ = camera.bearing_deg();  // kept for the way back
    }
    const double t = std::clamp((now_ms - start_ms_) / kAnimate_ms, 0.0, 1.0), e = ease(t);
    const double to_share = wants_3d_ ? 1.0 : 0.0, to_tilt = wants_3d_ ? tilt_deg_ : 0.0, to_bearing = wants_3d_ ? bearing_deg_ : 0.0;
    share_ = from_share_ + (to_share - from_share_) * e;
    camera.set_orientation(from_tilt_ + (to_tilt - from_tilt_) * e, from_bearing_ + turn_between(from_bearing_, to_bearing) * e);
    camera.set_heights_shown(share_);
    if (t >= 1.0) {
        share_ = to_share;
        camera.set_orientation(to_tilt, to_bearing);  // exactly: plan view is exactly north-up and flat
        camera.set_heights_shown(share_);
        start_ms_ = -1;
    }
    return true;
}

bool View3D::orbit(MapCamera& camera, const DragDelta& drag) {
    if (!wants_3d_ || start_ms_ >= 0) return false;
    if (drag.dx == 0 && drag.dy == 0) return drag.held;
    camera.orbit_by_pixels(drag.dx, drag.dy);
    tilt_deg_ = camera.tilt_deg();
    bearing_deg_ = camera.bearing_deg();
    return true;
}

void View3D::twist(MapCamera& camera, double turn_deg) {
    if (!wants_3d_ || start_ms_ >= 0 || turn_deg == 0) return;
    // The map turning clockwise under the fingers brings a direction west of north to the top.
    camera.set_orientation(camera.tilt_deg(), camera.bearing_deg() - turn_deg);
    bearing_deg_ = camera.bearing_deg();
}

void View3D::draw_volumes(const MapCamera& camera, const ScenarioView* view, const MapSelection& selected) {
    if (share_ <= 0.0 || !view) return;
    const uint64_t revision = view->editor->revision();
    if (view != built_for_ || revision != built_revision_ || show_ceiling != built_ceiling_) {
        std::vector<VolumeLook> looks;
        for (CheckState s : view->corridor_state) looks.push_back(look_of(s));
        VolumeOptions options;
        options.ceiling = show_ceiling;
        renderer_.upload(build_airspace_volumes(*view->compiled, looks, options));
        built_for_ = view, built_revision_ = revision, built_ceiling_ = show_ceiling;
    }
    int chosen = -1;
    const auto& owners = renderer_.volumes().owners;
    for (size_t i = 0; i < owners.size() && !selected.kind.empty(); ++i)
        if (owners[i].kind == selected.kind && owners[i].id == selected.id) chosen = int(i);
    // The solids rise with the heights as the view tilts, and fade in with them.
    renderer_.draw(camera, chosen, float(std::min(1.0, share_ * 1.5)));
}

std::optional<ScreenRect> View3D::draw_scale(ImDrawList* dl, const MapCamera& camera, float s, const std::vector<ScreenRect>& covered) const {
    if (share_ <= 0.0) return std::nullopt;
    // Ticks every 50 m from the ground at the view's centre, up to 300 m (the solids' top).
    const GeoPoint c = camera.center();
    double x0, y0;
    camera.geo_to_screen(c, x0, y0, 0);
    float right = float(camera.width_px()) - 96 * s;
    const float bottom = float(camera.height_px()) - 142 * s;
    const float dy = bottom - float(y0);
    const ImU32 ink = IM_COL32(40, 48, 60, int(220 * share_)), paper = IM_COL32(255, 255, 255, int(200 * share_));
    double xt, yt;
    camera.geo_to_screen(c, xt, yt, 300);
    const float top = float(yt) + dy;
    // Left of any window over its place (the findings panel on the right, when tall): its top
    // marks are the ones a planner reads. The compass takes 73 px left of the line, the labels 84 right.
    const auto under = [&](float r) {
        for (const ScreenRect& w : covered)
            if (w.y0 < bottom + 30 * s && w.y1 > top - 14 * s && w.x0 < r + 84 * s && w.x1 > r - 73 * s) return &w;
        return static_cast<const ScreenRect*>(nullptr);
    };
    const float home = right;
    for (const ScreenRect* w = under(right); w && right > 0; w = under(right)) right = w->x0 - 92 * s;
    if (right - 73 * s < 0) right = home;  // no clear place: where it belongs, under the window
    dl->AddRectFilled(ImVec2(right - 12 * s, top - 14 * s), ImVec2(right + 84 * s, bottom + 30 * s), paper, 4 * s);
    // A compass over it: the arrow points north as the view is turned.
    {
        double nx, ny;
        camera.geo_to_screen({c.lat_deg + 0.01, c.lon_deg}, nx, ny, 0);
        const float len = std::hypot(float(nx - x0), float(ny - y0));
        const ImVec2 d = len > 0 ? ImVec2(float(nx - x0) / len, float(ny - y0) / len) : ImVec2(0, -1), n(-d.y, d.x);
        const ImVec2 o(right - 46 * s, bottom + 2 * s);  // left of the scale
        const float r = 15 * s;
        dl->AddCircleFilled(o, r + 12 * s, paper, 32);
        dl->AddCircle(o, r + 3 * s, ink, 24, 1.0f * s);
        dl->AddTriangleFilled(ImVec2(o.x + d.x * r, o.y + d.y * r), ImVec2(o.x + n.x * 5 * s, o.y + n.y * 5 * s), ImVec2(o.x - n.x * 5 * s, o.y - n.y * 5 * s),
                              IM_COL32(200, 40, 40, int(230 * share_)));
        dl->AddTriangleFilled(ImVec2(o.x - d.x * r, o.y - d.y * r), ImVec2(o.x - n.x * 5 * s, o.y - n.y * 5 * s), ImVec2(o.x + n.x * 5 * s, o.y + n.y * 5 * s), ink);
        dl->AddText(ImVec2(o.x + d.x * (r + 10 * s) - 4 * s, o.y + d.y * (r + 10 * s) - ImGui::GetFontSize() / 2), ink, "N");
    }
    dl->AddLine(ImVec2(right, float(yt) + dy), ImVec2(right, bottom), ink, 1.5f * s);
    char text[48];
    for (int h = 0; h <= 300; h += 50) {
        double x, y;
        camera.geo_to_screen(c, x, y, h);
        const float ty = float(y) + dy;
        dl->AddLine(ImVec2(right - 4 * s, ty), ImVec2(right + 4 * s, ty), ink, 1.5f * s);
        if (h % 100 == 0) {
            std::snprintf(text, sizeof text, "%d m", h);
            dl->AddText(ImVec2(right + 8 * s, ty - ImGui::GetFontSize() / 2), ink, text);
        }
    }
    std::snprintf(text, sizeof text, tr("heights x%.0f"), camera.height_exaggeration());
    dl->AddText(ImVec2(right - 8 * s, bottom + 8 * s), ink, text);
    return ScreenRect{right - 73 * s, top - 14 * s, right + 84 * s, bottom + 30 * s};  // the compass to the labels
}

bool View3D::draw_controls(const MapCamera& camera, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (share_ < 1.0 || !wants_3d_) return false;
    ImGui::SetNextWindowPos(ImVec2(float(camera.width_px()) - 108 * s, float(camera.height_px()) - 106 * s));
    ImGui::SetNextWindowBgAlpha(0.8f);
    bool changed = false;
    if (ImGui::Begin("##view3d", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                           ImGuiWindowFlags_NoFocusOnAppearing)) {
        changed = ImGui::Checkbox(tr("ceiling"), &show_ceiling);
        remember_item_rect("view.ceiling", rects);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("The rules' height ceiling as a plane"));
        changed = ImGui::Checkbox(tr("trails"), &show_trails) || changed;
        remember_item_rect("view.trails", rects);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Where each simulated drone flew in the last five minutes"));
    }
    ImGui::End();
    return changed;
}

}  // namespace lowsky::web
