#include "map_editor.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/geodesy.h"
#include "view/airspace_volumes.h"
#include "view/picking.h"
#include "i18n.h"
#include "panels/map_style.h"
#include "geo/planar.h"
#include "scenario/scenario_io.h"

namespace lowsky::web {

namespace {

constexpr float kDragStart_px = 4;    // a press that moves less than this is a click

// Tools whose points go where the pointer is, not snapped to hubs and corridor ends.
bool free_hand(Tool t) { return t == Tool::Measure || t == Tool::CloseArea || t == Tool::Survey; }
constexpr float kHandle_px = 8;       // how near a vertex handle the pointer must be
constexpr float kSnap_px = 12;        // drawing snaps to a node this near on screen (or within the scenario's snap distance)
constexpr double kPasteOffset_deg = 0.002;

ImVec2 screen(const MapCamera& camera, GeoPoint p, double height_m = 0) {
    double x, y;
    camera.geo_to_screen(p, x, y, height_m);
    return ImVec2(float(x), float(y));
}

float dist(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

nlohmann::json point_json(GeoPoint p) { return {{"lat_deg", p.lat_deg}, {"lon_deg", p.lon_deg}}; }
nlohmann::json points_json(const std::vector<GeoPoint>& ps) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& p : ps) a.push_back(point_json(p));
    return a;
}
nlohmann::json altitude(double m, const char* reference) { return {{"value_m", m}, {"reference", reference}}; }

// The vertices a selected object shows handles for.
const std::vector<GeoPoint>* vertices_of(const Scenario& s, const ObjectRef& ref) {
    if (ref.kind == ObjectKind::Corridor) {
        const Corridor* c = s.find_corridor(ref.id);
        return c ? &c->centreline : nullptr;
    }
    if (ref.kind == ObjectKind::Zone) {
        for (const auto& z : s.zones)
            if (z.id == ref.id && z.shape.kind == ZoneShape::Kind::Polygon) return &z.shape.polygon;
    }
    return nullptr;
}

EditCommand add_command(ObjectKind kind, nlohmann::json object) {
    EditCommand c;
    c.op = EditOp::Add;
    c.kind = kind;
    c.value = std::move(object);
    return c;
}

}  // namespace

const std::vector<ToolInfo>& all_tools() {
    static const std::vector<ToolInfo> tools = {
        {Tool::Select, N_("Select"), "V", N_("click to select, Shift-click to add, drag to move, Shift-drag to box-select")},
        {Tool::Corridor, N_("Corridor"), "C", N_("click to add vertices; double-click or Enter to finish, Backspace undoes a vertex, Esc cancels")},
        {Tool::Hub, N_("Hub"), "H", N_("click to place a hub")},
        {Tool::Junction, N_("Junction"), "J", N_("click to place a junction")},
        {Tool::PolygonZone, N_("Zone"), "Z", N_("click to add corners; double-click or Enter to close, Esc cancels")},
        {Tool::CircleZone, N_("Circle zone"), "O", N_("click the centre, then click the edge")},
        {Tool::Measure, N_("Measure"), "M", N_("click points to measure; Esc clears")},
        {Tool::Route, N_("Route"), "R", N_("click the hub to leave from, then the hub to go to: the mission panel shows the route and exports it")},
        {Tool::Draft, N_("Draft"), "D", N_("click two hubs: the engine drafts a corridor between them around the airspace rules; Accept adds it, Discard drops it")},
        {Tool::Survey, N_("Survey"), "I", N_("click the corners of an area to inspect; double-click or Enter to finish: the mission panel shows the survey and exports it")},
    };
    return tools;
}

bool MapEditor::selected(ObjectKind kind, const std::string& id) const {
    return std::find(selection.begin(), selection.end(), ObjectRef{kind, id}) != selection.end();
}

void MapEditor::set_tool(Tool t) {
    if (t != tool) cancel();
    tool = t;
    for (const auto& info : all_tools())
        if (info.tool == t) message = info.hint, message_is_error = false;
    if (t == Tool::CloseArea) message = tr(N_("click the corners of the area to close; double-click or Enter to finish, Esc cancels")), message_is_error = false;
}

void MapEditor::cancel() {
    drawing_.clear();
    circle_centre_.reset();
    route_from_.reset();
}

bool MapEditor::apply(ScenarioView& view, const EditCommand& command, bool merge) {
    auto result = view.editor->apply(command, merge);
    if (!result) {
        message = trf(N_("Not applied: %s"), result.error().to_string().c_str());
        message_is_error = true;
        return false;
    }
    view.refresh();
    if (!result->created.empty()) selection = result->created;
    if (message_is_error) message.clear(), message_is_error = false;
    keep_selection_valid(view);
    return true;
}

bool MapEditor::undo(ScenarioView& view) {
    if (!view.editor->undo()) return false;
    view.refresh();
    keep_selection_valid(view);
    return true;
}

bool MapEditor::redo(ScenarioView& view) {
    if (!view.editor->redo()) return false;
    view.refresh();
    keep_selection_valid(view);
    return true;
}

void MapEditor::keep_selection_valid(const ScenarioView& view) {
    selection.erase(std::remove_if(selection.begin(), selection.end(),
                                   [&](const ObjectRef& r) { return !find_object(*view.scenario, r.kind, r.id); }),
                    selection.end());
}

void MapEditor::remove_selection(ScenarioView& view) {
    if (selection.empty()) return;
    EditCommand c;
    c.op = EditOp::Remove;
    c.targets = selection;
    if (apply(view, c)) selection.clear();
}

void MapEditor::duplicate_selection(ScenarioView& view) {
    if (selection.empty()) return;
    EditCommand c;
    c.op = EditOp::Duplicate;
    c.targets = selection;
    apply(view, c);
}

void MapEditor::copy_selection(const ScenarioView& view) {
    clipboard_ = Json::array();
    for (const ObjectRef& r : selection) {
        const auto index = find_object(*view.scenario, r.kind, r.id);
        if (!index) continue;
        clipboard_.push_back({{"kind", to_string(r.kind)}, {"object", nlohmann::json(object_to_json(object_at(*view.scenario, r.kind, *index)))}});
    }
    pastes_ = 0;
    message = trf(N_("Copied %zu object(s)"), clipboard_.size());
    message_is_error = false;
}

void MapEditor::paste(ScenarioView& view) {
    if (clipboard_.empty()) return;
    EditCommand c;
    c.op = EditOp::Paste;
    c.value = clipboard_;
    // Each paste lands beside the one before: the engine moves the copies by this much.
    const double by = kPasteOffset_deg * double(++pastes_);
    c.point = {by, by};
    apply(view, c);
}

GeoPoint MapEditor::snapped(const ScenarioView& view, const MapCamera& camera, GeoPoint at, float s, bool& snapped_to_node) const {
    snapped_to_node = false;
    const ImVec2 p = screen(camera, at);
    const double reach_m = std::max(view.scenario->rules.node_snap_m, kSnap_px * s * camera.ground_m_per_px());
    double best = reach_m;
    GeoPoint result = at;
    for (const Node& n : view.compiled->nodes()) {
        const double d = double(dist(p, screen(camera, n.position))) * camera.ground_m_per_px();
        if (d <= best) best = d, result = n.position, snapped_to_node = true;
    }
    return result;
}

MapPick MapEditor::pick(const ScenarioView& view, const MapCamera& camera, ImVec2 m, float s) const {
    const Scenario& sc = *view.scenario;
    MapPick out;
    // Handles of what is selected come first: they sit on top (and are not there in 3D).
    for (const ObjectRef& r : locked ? std::vector<ObjectRef>{} : selection) {
        const std::vector<GeoPoint>* v = vertices_of(sc, r);
        if (!v) continue;
        for (size_t i = 0; i < v->size(); ++i)
            if (dist(m, screen(camera, (*v)[i])) <= kHandle_px * s) return {MapPick::What::Vertex, r, int(i)};
        const bool closed = r.kind == ObjectKind::Zone;
        for (size_t i = 0; i < v->size(); ++i) {
            if (i + 1 == v->size() && !closed) break;
            const ImVec2 a = screen(camera, (*v)[i]), b = screen(camera, (*v)[(i + 1) % v->size()]);
            if (dist(m, ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2)) <= kHandle_px * s) return {MapPick::What::Midpoint, r, int(i + 1)};
        }
    }
    for (const auto& h : sc.hubs)
        if (dist(m, screen(camera, h.position)) <= 9 * s) return {MapPick::What::Hub, {ObjectKind::Hub, h.id}, -1};
    for (const auto& j : sc.junctions)
        if (dist(m, screen(camera, j.position)) <= 8 * s) return {MapPick::What::Junction, {ObjectKind::Junction, j.id}, -1};
    const double m_per_px = camera.ground_m_per_px();
    float nearest = 1e30f;
    for (size_t k = 0; k < sc.corridors.size(); ++k) {
        const Corridor& c = sc.corridors[k];
        const float reach = std::max(float(c.width_m / 2 / m_per_px), 6 * s);
        // In 3D, the middle of its band, where the solid is seen (on the ground in plan view).
        const double h = k < view.compiled->corridors().size() ? view.compiled->corridors()[k].middle().m : 0.0;
        for (size_t i = 0; i + 1 < c.centreline.size(); ++i) {
            const ImVec2 a = screen(camera, c.centreline[i], h), b = screen(camera, c.centreline[i + 1], h);
            const float d = float(planar::point_segment({m.x, m.y}, {a.x, a.y}, {b.x, b.y}).distance_m);
            if (d <= reach && d < nearest) nearest = d, out = {MapPick::What::Corridor, {ObjectKind::Corridor, c.id}, -1};
        }
    }
    if (out.what != MapPick::What::None) return out;
    for (const auto& z : sc.zones)  // the last drawn (on top) wins
        if (pointer_over_zone(camera, z.shape, z.band, m.x, m.y, VolumeOptions{}.top_m)) out = {MapPick::What::Zone, {ObjectKind::Zone, z.id}, -1};
    return out;
}

void MapEditor::finish_drawing(ScenarioView& view) {
    // A double-click leaves its first click's vertex twice: once is enough.
    std::vector<GeoPoint> pts;
    for (const auto& p : drawing_)
        if (pts.empty() || geodesy::distance_m(pts.back(), p) > 0.5) pts.push_back(p);
    const Scenario& sc = *view.scenario;
    if (tool == Tool::Corridor) {
        if (pts.size() < 2) {
            message = tr(N_("A corridor needs two points at least"));
            message_is_error = true;
            return;
        }
        nlohmann::json types = nlohmann::json::array();
        for (const auto& t : sc.drone_types) types.push_back(t.id);
        apply(view, add_command(ObjectKind::Corridor, {{"id", "c-new"}, {"name", "New corridor"}, {"centreline", points_json(pts)}, {"width_m", 150},
                                                        {"floor", altitude(60, "above_ground")}, {"ceiling", altitude(110, "above_ground")},
                                                        {"direction", "two_way"}, {"lanes", "lateral"}, {"speed_limit_m_s", 15}, {"drone_types", types}}));
    } else if (tool == Tool::CloseArea || tool == Tool::Survey) {
        if (pts.size() < 3) {
            message = tr(N_("An area needs three corners at least"));
            message_is_error = true;
            return;
        }
        (tool == Tool::Survey ? survey_request : close_area_request) = pts;
        set_tool(Tool::Select);
    } else if (tool == Tool::PolygonZone) {
        if (pts.size() < 3) {
            message = tr(N_("A zone needs three corners at least"));
            message_is_error = true;
            return;
        }
        apply(view, add_command(ObjectKind::Zone, {{"id", "z-new"}, {"name", "New zone"}, {"kind", "no_fly"}, {"jurisdiction", "mainland"},
                                                    {"polygon", points_json(pts)}, {"floor", altitude(0, "above_ground")},
                                                    {"ceiling", altitude(300, "above_ground")}}));
    }
    drawing_.clear();
}

bool MapEditor::handle_input(ScenarioView& view, const MapCamera& camera, float s, bool map_has_mouse, const std::vector<KeyPress>& keys,
                             const std::vector<MouseButtonEvent>& buttons, bool double_click) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput) {
        for (const KeyPress& k : keys) {
            const bool ctrl = (k.mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0, shift = (k.mods & GLFW_MOD_SHIFT) != 0;
            if (ctrl) {
                if (k.repeat) continue;
                if (k.key == GLFW_KEY_Z) shift ? redo(view) : undo(view);
                else if (k.key == GLFW_KEY_Y) redo(view);
                else if (k.key == GLFW_KEY_C) copy_selection(view);
                else if (k.key == GLFW_KEY_V) paste(view);
                else if (k.key == GLFW_KEY_D) duplicate_selection(view);
                continue;
            }
            if (k.key == GLFW_KEY_BACKSPACE && !drawing_.empty()) {
                drawing_.pop_back();
                continue;
            }
            if (k.repeat) continue;
            for (const auto& info : all_tools())
                if (k.key == info.key[0]) set_tool(info.tool);
            if (k.key == GLFW_KEY_ESCAPE) {
                if (!drawing_.empty() || circle_centre_ || route_from_) cancel();
                else if (tool != Tool::Select) set_tool(Tool::Select);
                else selection.clear();
            }
            if (k.key == GLFW_KEY_ENTER || k.key == GLFW_KEY_KP_ENTER) finish_drawing(view);
            if (k.key == GLFW_KEY_DELETE || (k.key == GLFW_KEY_BACKSPACE && tool == Tool::Select)) remove_selection(view);
        }
    }

    if (locked && tool != Tool::Select) set_tool(Tool::Select);
    cursor_.reset();
    const ImVec2 m = io.MousePos;
    const GeoPoint geo = camera.screen_to_geo(m.x, m.y);
    if (tool != Tool::Select && map_has_mouse)
        cursor_ = free_hand(tool) ? geo : snapped(view, camera, geo, s, cursor_snapped_);

    // Presses and releases in the order they came, each where it happened.
    bool used = false;
    for (const MouseButtonEvent& e : buttons) {
        if (e.button != 0) continue;
        const ImVec2 at(e.x, e.y);
        if (e.down) {
            if (!map_has_mouse) continue;
            press_ = {};
            press_.down = true;
            press_.at = at;
            press_.last = camera.screen_to_geo(at.x, at.y);
            press_.pick = tool == Tool::Select ? pick(view, camera, at, s) : MapPick{};
        } else if (press_.down) {
            used = release(view, camera, s, at, map_has_mouse) || used;
        }
    }
    // The browser's own double-click: its clicks have added their vertices already.
    if (map_has_mouse && double_click && (tool == Tool::Corridor || tool == Tool::PolygonZone || tool == Tool::CloseArea || tool == Tool::Survey)) {
        finish_drawing(view);
        return true;
    }
    if (!press_.down) return used;

    if (locked) return used;  // a drag pans (or turns) the 3D view; nothing moves
    if (!press_.dragging && dist(m, press_.at) >= kDragStart_px * s) {
        press_.dragging = true;
        const MapPick& p = press_.pick;
        if (tool == Tool::Select && p.what != MapPick::What::None) {
            if (p.what == MapPick::What::Midpoint) {
                // A vertex pulled out of a segment's middle: inserted, then dragged.
                EditCommand insert;
                insert.op = EditOp::InsertVertex;
                insert.targets = {p.ref};
                insert.vertex = p.vertex;
                insert.point = geo;
                if (apply(view, insert)) press_.pick.what = MapPick::What::Vertex;
                selection = {p.ref};
            } else if (p.what != MapPick::What::Vertex && !selected(p.ref.kind, p.ref.id)) {
                selection = {p.ref};
            }
        } else if (tool == Tool::Select && io.KeyShift) {
            press_.box = true;
        }
    }
    if (press_.dragging) used = drag_to(view, m, geo) || used;
    return used;
}

// One step of a drag: the vertex or the selection follows the pointer, or the box grows.
bool MapEditor::drag_to(ScenarioView& view, ImVec2 m, GeoPoint geo) {
    const MapPick& p = press_.pick;
    bool used = false;
    if (tool == Tool::Select && p.what == MapPick::What::Vertex) {
        EditCommand move;
        move.op = EditOp::MoveVertex;
        move.targets = {p.ref};
        move.vertex = p.vertex;
        move.point = geo;
        apply(view, move, true);
        used = true;
    } else if (tool == Tool::Select && p.what != MapPick::What::None) {
        if (geo.lat_deg != press_.last.lat_deg || geo.lon_deg != press_.last.lon_deg) {
            EditCommand move;
            move.op = EditOp::Move;
            move.targets = selection;
            move.point = {geo.lat_deg - press_.last.lat_deg, geo.lon_deg - press_.last.lon_deg};
            apply(view, move, true);
        }
        used = true;
    } else if (press_.box) {
        box_end_ = m;
        used = true;
    }
    press_.last = geo;
    return used;
}

bool MapEditor::release(ScenarioView& view, const MapCamera& camera, float s, ImVec2 m, bool map_has_mouse) {
    ImGuiIO& io = ImGui::GetIO();
    const GeoPoint geo = camera.screen_to_geo(m.x, m.y);
    const bool was_drag = press_.dragging || dist(m, press_.at) >= kDragStart_px * s;
    if (press_.dragging) drag_to(view, m, geo);  // the release's own position is the drag's last step
    bool used = press_.dragging && (press_.box || press_.pick.what != MapPick::What::None);
    if (press_.box) {
        // Everything with a point inside the box.
        const float x0 = std::min(press_.at.x, m.x), x1 = std::max(press_.at.x, m.x), y0 = std::min(press_.at.y, m.y), y1 = std::max(press_.at.y, m.y);
        auto in = [&](GeoPoint g) {
            const ImVec2 q = screen(camera, g);
            return q.x >= x0 && q.x <= x1 && q.y >= y0 && q.y <= y1;
        };
        auto add = [&](ObjectKind k, const std::string& id) { if (!selected(k, id)) selection.push_back({k, id}); };
        const Scenario& sc = *view.scenario;
        for (const auto& h : sc.hubs) if (in(h.position)) add(ObjectKind::Hub, h.id);
        for (const auto& j : sc.junctions) if (in(j.position)) add(ObjectKind::Junction, j.id);
        for (const auto& c : sc.corridors)
            if (std::any_of(c.centreline.begin(), c.centreline.end(), in)) add(ObjectKind::Corridor, c.id);
        for (const auto& z : sc.zones) {
            const bool hit = z.shape.kind == ZoneShape::Kind::Circle ? in(z.shape.center)
                                                                     : std::any_of(z.shape.polygon.begin(), z.shape.polygon.end(), in);
            if (hit) add(ObjectKind::Zone, z.id);
        }
    } else if (!was_drag && map_has_mouse) {
        bool snapped_here = false;
        const GeoPoint at = free_hand(tool) ? geo : snapped(view, camera, geo, s, snapped_here);
        switch (tool) {
            case Tool::Select: {
                const MapPick& p = press_.pick;
                if (p.what == MapPick::What::None) {
                    if (!io.KeyShift) selection.clear();
                } else if (io.KeyShift) {
                    if (selected(p.ref.kind, p.ref.id)) selection.erase(std::find(selection.begin(), selection.end(), p.ref));
                    else selection.push_back(p.ref);
                } else if (p.what != MapPick::What::Vertex && p.what != MapPick::What::Midpoint) {
                    selection = {p.ref};
                }
                break;
            }
            case Tool::Corridor: case Tool::PolygonZone: case Tool::Measure: case Tool::CloseArea: case Tool::Survey: drawing_.push_back(at); break;
            case Tool::Hub:
                apply(view, add_command(ObjectKind::Hub, {{"id", "hub"}, {"name", "New hub"}, {"kind", "vertiport"}, {"position", point_json(at)},
                                                           {"ground_elevation_m_amsl", 0}, {"pads", {{"count", 2}, {"slot_s", 60}}},
                                                           {"energy", {{"kind", "charger"}, {"count", 2}, {"charge_power_w", 2000}}}}));
                break;
            case Tool::Junction: apply(view, add_command(ObjectKind::Junction, {{"id", "j"}, {"position", point_json(at)}})); break;
            case Tool::Route: case Tool::Draft: {
                const Hub* hit = nullptr;
                for (const auto& h : view.scenario->hubs)
                    if (dist(m, screen(camera, h.position)) <= 12 * s) hit = &h;
                if (!hit) {
                    message = tr(N_("Click a hub"));
                } else if (!route_from_ || *route_from_ == hit->id) {
                    route_from_ = hit->id;
                    message = trf(N_("From %s: now click the hub to go to"), local_name(hit->name, hit->name_zh).c_str());
                } else if (tool == Tool::Draft) {
                    draft_request = std::make_pair(*route_from_, hit->id);
                    message = trf(N_("Draft %s to %s: Accept or Discard it"), route_from_->c_str(), hit->id.c_str());
                    route_from_.reset();
                } else {
                    route_request = std::make_pair(*route_from_, hit->id);
                    message = trf(N_("Route %s to %s: see the mission panel"), route_from_->c_str(), hit->id.c_str());
                    route_from_.reset();
                }
                message_is_error = false;
                break;
            }
            case Tool::CircleZone:
                if (!circle_centre_) {
                    circle_centre_ = at;
                } else {
                    const double r = std::max(1.0, geodesy::distance_m(*circle_centre_, geo));
                    apply(view, add_command(ObjectKind::Zone, {{"id", "z-new"}, {"name", "New zone"}, {"kind", "no_fly"}, {"jurisdiction", "mainland"},
                                                                {"circle", {{"center", point_json(*circle_centre_)}, {"radius_m", std::round(r)}}},
                                                                {"floor", altitude(0, "above_ground")}, {"ceiling", altitude(300, "above_ground")}}));
                    circle_centre_.reset();
                }
                break;
        }
        used = true;
    }
    press_ = {};
    return used;
}

void MapEditor::draw(ImDrawList* dl, const MapCamera& camera, const ScenarioView& view, float s) const {
    const Scenario& sc = *view.scenario;
    const ImU32 ink = IM_COL32(20, 24, 32, 255), paper = IM_COL32(255, 255, 255, 255), accent = IM_COL32(255, 196, 0, 255);
    for (const ObjectRef& r : selection) {
        if (r.kind == ObjectKind::Hub || r.kind == ObjectKind::Junction) {
            const auto i = find_object(sc, r.kind, r.id);
            if (!i) continue;
            const GeoPoint p = r.kind == ObjectKind::Hub ? sc.hubs[*i].position : sc.junctions[*i].position;
            dl->AddCircle(screen(camera, p), 13 * s, accent, 24, 3 * s);
            continue;
        }
        if (r.kind == ObjectKind::Zone) {
            for (const auto& z : sc.zones) {
                if (z.id != r.id || z.shape.kind != ZoneShape::Kind::Circle) continue;
                dl->AddCircle(screen(camera, z.shape.center), float(z.shape.radius_m / camera.ground_m_per_px()), accent, 72, 3 * s);
                dl->AddCircleFilled(screen(camera, z.shape.center), 4 * s, accent);
            }
        }
        const std::vector<GeoPoint>* v = vertices_of(sc, r);
        if (!v || v->empty()) continue;
        std::vector<ImVec2> line;
        for (const auto& p : *v) line.push_back(screen(camera, p));
        const bool closed = r.kind == ObjectKind::Zone;
        dl->AddPolyline(line.data(), int(line.size()), accent, closed ? ImDrawFlags_Closed : 0, 3 * s);
        for (size_t i = 0; i < line.size(); ++i) {
            if (i + 1 == line.size() && !closed) break;
            const ImVec2 a = line[i], b = line[(i + 1) % line.size()];
            dl->AddCircleFilled(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), 3.5f * s, IM_COL32(255, 255, 255, 200));
        }
        for (const ImVec2& p : line) {
            dl->AddRectFilled(ImVec2(p.x - 5 * s, p.y - 5 * s), ImVec2(p.x + 5 * s, p.y + 5 * s), paper);
            dl->AddRect(ImVec2(p.x - 5 * s, p.y - 5 * s), ImVec2(p.x + 5 * s, p.y + 5 * s), ink, 0, 0, 1.5f * s);
        }
    }

    if (!drawing_.empty()) {
        std::vector<ImVec2> line;
        for (const auto& p : drawing_) line.push_back(screen(camera, p));
        if (cursor_) line.push_back(screen(camera, *cursor_));
        const ImU32 colour = tool == Tool::Measure ? IM_COL32(255, 255, 255, 255) : tool == Tool::CloseArea ? IM_COL32(235, 60, 50, 255)
                             : tool == Tool::Survey ? map_style::kSurvey : IM_COL32(0, 120, 255, 255);
        const bool closed = tool == Tool::PolygonZone || tool == Tool::CloseArea || tool == Tool::Survey;
        dl->AddPolyline(line.data(), int(line.size()), colour, closed ? ImDrawFlags_Closed : 0, 2.5f * s);
        for (size_t i = 0; i < drawing_.size(); ++i) dl->AddCircleFilled(line[i], 4.5f * s, colour);
        if (tool == Tool::Measure) {
            double total = 0;
            for (size_t i = 0; i + 1 < drawing_.size(); ++i) total += geodesy::distance_m(drawing_[i], drawing_[i + 1]);
            if (cursor_) total += geodesy::distance_m(drawing_.back(), *cursor_);
            char text[64];
            std::snprintf(text, sizeof text, total >= 1000 ? "%.2f km" : "%.0f m", total >= 1000 ? total / 1000 : total);
            const ImVec2 at(line.back().x + 12 * s, line.back().y - 18 * s);
            const ImVec2 size = ImGui::CalcTextSize(text);
            dl->AddRectFilled(ImVec2(at.x - 4 * s, at.y - 2 * s), ImVec2(at.x + size.x + 4 * s, at.y + size.y + 2 * s), IM_COL32(20, 24, 32, 220), 4 * s);
            dl->AddText(at, paper, text);
        }
    }
    if (circle_centre_) {
        const ImVec2 c = screen(camera, *circle_centre_);
        dl->AddCircleFilled(c, 4 * s, IM_COL32(0, 120, 255, 255));
        if (cursor_) dl->AddCircle(c, dist(c, screen(camera, *cursor_)), IM_COL32(0, 120, 255, 255), 72, 2.5f * s);
    }
    if (route_from_) {
        if (const Hub* h = sc.find_hub(*route_from_)) dl->AddCircle(screen(camera, h->position), 15 * s, IM_COL32(0, 120, 255, 255), 32, 3 * s);
    }
    if (cursor_ && cursor_snapped_ && tool != Tool::Measure && tool != Tool::Route && tool != Tool::Draft) {
        // The snap cue: a ring on the node the next click will join.
        dl->AddCircle(screen(camera, *cursor_), 14 * s, IM_COL32(0, 200, 120, 255), 32, 3 * s);
    }
    if (press_.box) {
        dl->AddRectFilled(press_.at, box_end_, IM_COL32(0, 120, 255, 40));
        dl->AddRect(press_.at, box_end_, IM_COL32(0, 120, 255, 220), 0, 0, 1.5f * s);
    }
}

Json MapEditor::state() const {
    Json sel = Json::array();
    for (const auto& r : selection) sel.push_back({{"kind", to_string(r.kind)}, {"id", r.id}});
    const char* name = "";
    for (const auto& info : all_tools()) if (info.tool == tool) name = info.name;
    if (tool == Tool::CloseArea) name = "Close area";
    return {{"tool", name}, {"selection", sel}, {"drawing", drawing_.size()}, {"message", message}, {"messageIsError", message_is_error},
            {"snapped", cursor_.has_value() && cursor_snapped_}};
}

}  // namespace lowsky::web
