#include "app.h"

#include <imgui.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/json_read.h"
#include "mission/importers.h"
#include "mission/param_file.h"
#include "mission/plan_format.h"
#include "mission/safety_gate.h"
#include "mission/waypoints_format.h"
#include "geo/geodesy.h"
#include "scenario/scenario_io.h"
#include "scenario/scenario_objects.h"
#include "sim/report.h"
#include "sim/simulator.h"
#include "platform.h"

namespace lowsky::web {

namespace {
constexpr const char* kFontPath = "/fonts/Roboto-Medium.ttf";  // preloaded into the virtual file system
constexpr const char* kChineseFontPath = "/fonts/chinese.ttf", *kChineseCharsPath = "/fonts/chinese-chars.txt";
constexpr float kFontSizeCss = 15.0f;
}  // namespace

bool App::init(std::string& error) {
    if (!platform_init(error)) return false;
    const CanvasSize size = platform_sync_canvas_size();
    ui_scale_ = float(size.pixel_ratio);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the web has no files; layout persistence comes later
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    setup_imgui_style(ui_scale_);
    if (!io.Fonts->AddFontFromFileTTF(kFontPath, kFontSizeCss * ui_scale_)) {
        io.Fonts->AddFontDefault();
        notices_.push_back({N_("Font unavailable"), "The interface font could not be loaded; using the built-in one."});
    } else if (!merge_chinese_glyphs(kFontSizeCss * ui_scale_)) {
        notices_.push_back({N_("Font unavailable"), "The Chinese characters could not be loaded; Chinese text shows as question marks."});
    }
    ImGui_ImplGlfw_InitForOpenGL(platform_window(), true);
    platform_wrap_key_callback();
    platform_route_wheel(ImGui_ImplGlfw_ScrollCallback);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    if (!basemap_renderer_.init(error)) return false;
    if (!view3d_.init(error)) return false;
    if (!markers_.init(error)) return false;
    if (!map_cache_.init(error)) return false;
    live_layer_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    camera_.set_viewport(size.width_px, size.height_px, size.pixel_ratio);
    camera_.set_view(kHome, home_zoom());
    load_assets();
    platform_install_state();
    platform_on_file_dropped([this](std::string name, std::vector<uint8_t> bytes) { open_file(name, bytes); });
    return true;
}

// The Chinese characters of the interface and the names (fonts/chinese-chars.txt, made at build time
// with a subset of Droid Sans Fallback that holds exactly them), merged into the interface font.
bool App::merge_chinese_glyphs(float size_px) {
    static ImVector<ImWchar> ranges;  // Dear ImGui keeps the pointer until the atlas is built
    FILE* f = std::fopen(kChineseCharsPath, "rb");
    if (!f) return false;
    std::string text;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
    std::fclose(f);
    ImFontGlyphRangesBuilder builder;
    builder.AddText(text.c_str(), text.c_str() + text.size());
    ranges.clear();
    builder.BuildRanges(&ranges);
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(kChineseFontPath, size_px, &merge, ranges.Data) != nullptr;
}

void App::setup_imgui_style(float s) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 8;
    style.FrameRounding = 5;
    style.GrabRounding = 5;
    style.PopupRounding = 6;
    style.WindowBorderSize = 0;
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(9, 5);
    style.ItemSpacing = ImVec2(8, 6);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.13f, 0.17f, 0.94f);
    c[ImGuiCol_Button] = ImVec4(0.18f, 0.36f, 0.58f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.24f, 0.45f, 0.70f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.14f, 0.30f, 0.50f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.30f, 0.34f, 0.42f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.60f, 0.64f, 0.70f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(0.09f, 0.11f, 0.14f, 0.98f);
    style.ScaleAllSizes(s);
}

void App::load_assets() {
    platform_fetch("assets/gba.lsbm", [this](Result<std::vector<uint8_t>> bytes) {
        Result<Basemap> decoded = bytes ? decode_basemap(bytes.value().data(), bytes.value().size())
                                        : Result<Basemap>(bytes.error());
        if (!decoded) {
            basemap_state_ = AssetState::Failed;
            Error e = decoded.error();
            if (bytes) e.where = "assets/gba.lsbm, " + e.where;
            notices_.push_back({N_("Basemap unavailable"),
                                "The offline map of the Greater Bay Area could not be read (" + e.to_string() +
                                    "). Coastlines are not drawn; everything else works."});
            std::fprintf(stderr, "lowsky: basemap: %s\n", e.to_string().c_str());
            return;
        }
        basemap_ = std::move(decoded.value());
        basemap_renderer_.upload(basemap_);
        basemap_state_ = AssetState::Ready;
    });
    open_initial_document();
    platform_fetch("assets/gba_places.json", [this](Result<std::vector<uint8_t>> bytes) {
        Result<PlaceCatalog> parsed = bytes ? parse_places(std::string_view(reinterpret_cast<const char*>(bytes.value().data()),
                                                                             bytes.value().size()), "assets/gba_places.json")
                                            : Result<PlaceCatalog>(bytes.error());
        if (!parsed) {
            places_state_ = AssetState::Failed;
            notices_.push_back({N_("Places unavailable"), "The places and airports could not be read (" + parsed.error().to_string() + ")."});
            std::fprintf(stderr, "lowsky: places: %s\n", parsed.error().to_string().c_str());
            return;
        }
        places_ = std::move(parsed.value());
        places_state_ = AssetState::Ready;
    });
}

// What opens first: a share link the page was opened with; else the document this browser
// kept last; else the default scenario of the Greater Bay Area.
void App::open_initial_document() {
    if (const auto view = platform_setting("view")) apply_view_text(*view, camera_);
    if (const auto layout = platform_setting("layout")) layout_ = PanelLayout::from_text(*layout);
    if (const auto code = platform_setting("language")) set_language(*code == "zh" ? Language::Chinese : Language::English);
    if (const auto panels = platform_setting("panels")) {
        tables_.open = panels->find("tables") != std::string::npos;
        legend_open_ = panels->find("legend") != std::string::npos;
    }
    tour_pending_ = platform_take_tour_link();  // opened once the document is
    const bool shared = platform_take_share_link([this](Result<std::string> text, std::string view) {
        if (!text) {
            notices_.push_back({N_("Share link not opened"), "The link could not be opened: " + text.error().message +
                                                              ". Nothing was changed; your own work is as you left it."});
            if (!scenario_) open_default_document();
            return;
        }
        // The shared scenario opens as a document of its own: the receiver's work stays in Recent.
        if (!open_scenario(text.value(), "share link")) {
            if (!scenario_) open_default_document();
            return;
        }
        apply_view_text(view, camera_);
    });
    if (shared) return;
    // A journal left by a tab that closed while its last change was being stored: that change
    // is newer than anything in the store.
    if (const auto journal = platform_setting("journal"); journal && !journal->empty()) {
        const size_t a = journal->find('\n'), b = a == std::string::npos ? a : journal->find('\n', a + 1);
        if (b != std::string::npos && valid_document_id(journal->substr(0, a)) &&
            open_scenario(journal->substr(b + 1), "your last change", journal->substr(0, a), journal->substr(a + 1, b - a - 1), true))
            return;
    }
    const auto current = platform_setting("current");
    if (!current || !valid_document_id(*current)) {
        open_default_document();
        return;
    }
    const std::string id = *current;
    platform_document_store().get(id, [this, id](Result<std::string> text) {
        if (!text) {
            notices_.push_back({N_("Your last scenario could not be read back"), text.error().message + ". The default scenario is open instead."});
            open_default_document();
            return;
        }
        if (!open_scenario(text.value(), "your last scenario", id, {}, false)) open_default_document();
    });
}

void App::open_default_document() {
    platform_fetch("assets/scenarios/gba.json", [this](Result<std::vector<uint8_t>> bytes) {
        const std::string source = "assets/scenarios/gba.json";
        if (!bytes) {
            scenario_state_ = AssetState::Failed;
            notices_.push_back({N_("Scenario unavailable"), "The default scenario could not be loaded (" + bytes.error().to_string() + ")."});
            return;
        }
        const std::string text(reinterpret_cast<const char*>(bytes.value().data()), bytes.value().size());
        // Not stored until it is changed: an untouched default is the default again tomorrow.
        if (!open_scenario(text, source, {}, {}, false)) {
            scenario_state_ = AssetState::Failed;
            return;
        }
        // Open on the first seed route: Bao'an to Songshan Lake by VTOL, when the scenario has them.
        const Scenario& sc = *scenario_->scenario;
        auto index_of = [](const auto& items, const char* id, int fallback) {
            for (size_t i = 0; i < items.size(); ++i) if (items[i].id == id) return int(i);
            return fallback;
        };
        workbench_.from = index_of(sc.hubs, "baoan-ops", 0);
        workbench_.to = index_of(sc.hubs, "songshan-lake", sc.hubs.size() > 1 ? 1 : 0);
        workbench_.drone = index_of(sc.drone_types, "vtol-fixed-wing", 0);
        update_route_preview();
    });
}

// The overlay's corridors and zones become the scenario's, in one paste (ids made unique by
// the editor); the overlay goes, and what was added is selected.
void App::merge_overlay() {
    if (!scenario_ || !workbench_.imported) return;
    EditCommand paste;
    paste.op = EditOp::Paste;
    paste.value = nlohmann::json::array();
    for (const Corridor& c : workbench_.imported->corridors) paste.value.push_back({{"kind", "corridor"}, {"object", nlohmann::json(object_to_json(c))}});
    for (const Zone& z : workbench_.imported->zones) paste.value.push_back({{"kind", "zone"}, {"object", nlohmann::json(object_to_json(z))}});
    const size_t added = paste.value.size();
    if (!map_editor_.apply(*scenario_, paste)) {
        workbench_.last_message = map_editor_.message;  // says what was refused and where; nothing was added
        workbench_.last_failed = true;
        return;
    }
    workbench_.last_message = trf(N_("Added %zu object(s) from %s to the scenario"), added, workbench_.imported_name.c_str());
    workbench_.last_failed = false;
    workbench_.imported.reset();
}

// A file picked or dropped: a scenario document opens in place of the current one (which
// stays in Recent); missions and shapes open as an overlay, as Import does.
void App::open_file(const std::string& name, const std::vector<uint8_t>& bytes) {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    auto ends_with = [&](const char* ext) {
        const std::string e(ext);
        return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
    };
    const bool geojson = ends_with(".geojson") || text.find("\"FeatureCollection\"") != std::string_view::npos;
    if (ends_with(".json") && !geojson) {
        if (open_scenario(std::string(text), name)) workbench_.last_message = trf(N_("Opened %s"), name.c_str());
        return;
    }
    auto imported = import_file(name, text, {});
    if (!imported) {
        // The open scenario and any earlier overlay stay as they were.
        notices_.push_back({N_("Import refused"), name + " was not imported: " + imported.error().to_string()});
        return;
    }
    workbench_.imported = std::move(imported.value());
    workbench_.imported_name = name;
    workbench_.last_failed = false;
    workbench_.last_message = trf(N_("Imported %s: %s"), name.c_str(), describe_import(*workbench_.imported)["summary"].get<std::string>().c_str());
    workbench_.last_gate = {};
}

void App::run_file_action(TopBarAction action) {
    if (!scenario_) return;
    auto file_name = [](std::string name) {
        for (char& c : name) if (c == '/' || c == '\\' || c == ':' || c == '"' || c == '*' || c == '?' || c == '<' || c == '>' || c == '|') c = '-';
        return (name.empty() ? std::string("scenario") : name) + ".json";
    };
    switch (action) {
        case TopBarAction::New: {
            // A new document keeps the drone types, rules and wind: what a planner starts from.
            Scenario blank = *scenario_->scenario;
            blank.name = "Untitled scenario";
            blank.hubs.clear();
            blank.junctions.clear();
            blank.corridors.clear();
            blank.zones.clear();
            blank.fleet.clear();
            blank.demand_rates.clear();
            blank.orders.clear();
            open_scenario(save_scenario(blank), "new scenario");
            break;
        }
        case TopBarAction::Open:
            platform_open_file(".json,.plan,.waypoints,.txt,.kml,.geojson", [this](std::string name, std::vector<uint8_t> bytes) { open_file(name, bytes); });
            break;
        case TopBarAction::Save: {
            const std::string text = save_scenario(*scenario_->scenario);  // the bytes `lowsky format` writes
            platform_save_file(file_name(session_.name()), std::vector<uint8_t>(text.begin(), text.end()), "application/json");
            break;
        }
        case TopBarAction::SaveAs:
            std::snprintf(save_as_name_, sizeof save_as_name_, "%s", session_.name().c_str());
            save_as_open_ = true;
            break;
        case TopBarAction::Share: {
            const std::string text = save_scenario(*scenario_->scenario);
            platform_make_share_link(text, view_text(camera_), [this](std::string link) {
                share_link_ = link;
                if (link.size() > 8192)
                    notices_.push_back({N_("Too long for a link"), "The share link is " + std::to_string(link.size() / 1024) +
                                                                   " KB, more than the 8 KB a link can be trusted to carry. Send the file instead (File, Save)."});
            });
            break;
        }
        case TopBarAction::Recent:
            recent_.open = true;
            session_.refresh_recent();
            break;
        default: break;
    }
}

void App::run_recent_action(const RecentAction& a) {
    switch (a.kind) {
        case RecentAction::None: return;
        case RecentAction::Rename: session_.rename(a.id, a.name); return;
        case RecentAction::Delete: session_.remove(a.id); return;
        case RecentAction::Open:
        case RecentAction::Duplicate: {
            const RecentAction what = a;
            platform_document_store().get(a.id, [this, what](Result<std::string> text) {
                if (!text) {
                    notices_.push_back({N_("Not opened"), what.name + " could not be read back: " + text.error().message});
                    return;
                }
                if (what.kind == RecentAction::Open) open_scenario(text.value(), what.name, what.id, what.name, false);
                else open_scenario(text.value(), what.name, {}, what.name, true);
                session_.refresh_recent();
            });
            return;
        }
    }
}

void App::save_panels() const { platform_set_setting("panels", std::string(tables_.open ? "tables " : "") + (legend_open_ ? "legend" : "")); }

std::string App::basemap_status() const {
    switch (basemap_state_) {
        case AssetState::Loading: return tr(N_("loading map..."));
        case AssetState::Ready: return tr(N_("offline map"));
        default: return tr(N_("no basemap"));
    }
}

void App::frame() {
    platform_sync_canvas_size();  // a resize counts as activity
    if (scenario_) session_.tick(*scenario_, camera_, platform_now_ms());  // autosave runs on idle frames too
    const bool input = platform_take_input_activity();
    if (input) frames_to_draw_ = std::max(frames_to_draw_, 3);
    // A popup (a menu, a dropdown) takes frames to size itself before it shows: keep drawing
    // while one is open, so it appears under a still mouse.
    if (ImGui::GetCurrentContext() && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) frames_to_draw_ = std::max(frames_to_draw_, 1);
    if (playback_.playing || playback_.running) frames_to_draw_ = std::max(frames_to_draw_, 1);  // the drones move, the day runs
    if (platform_finger_down()) frames_to_draw_ = std::max(frames_to_draw_, 1);  // a still finger becomes a long press
    if (frames_to_draw_ <= 0) {
        ++stats_.skipped;  // idle: nothing changed, nothing to draw
        return;
    }
    --frames_to_draw_;
    draw_frame();
}

void App::handle_map_input() {
    ImGuiIO& io = ImGui::GetIO();
    const PinchGesture pinch = platform_take_pinch();
    if (pinch.active) {
        camera_.pan_by_pixels(pinch.pan_dx_px, pinch.pan_dy_px, pinch.center_x_px, pinch.center_y_px);
        camera_.zoom_around(pinch.center_x_px, pinch.center_y_px, std::log2(pinch.scale));
        view3d_.twist(camera_, pinch.turn_deg);
        // Two fingers up or down tilt the 3D view; in plan view they pan as any drag does.
        if (pinch.tilt_dy_px != 0 && !view3d_.orbit(camera_, {0.0f, float(pinch.tilt_dy_px), false}))
            camera_.pan_by_pixels(0, pinch.tilt_dy_px, pinch.center_x_px, pinch.center_y_px);
        frames_to_draw_ = std::max(frames_to_draw_, 2);
    }
    // The editor first: a drag that starts on an object moves it; anywhere else it pans.
    const std::vector<KeyPress> keys = platform_take_key_presses();
    if (!io.WantTextInput) {
        for (const KeyPress& k : keys) {
            if (k.repeat) continue;
            if (k.key == GLFW_KEY_SLASH || k.key == GLFW_KEY_F1) help_open_ = !help_open_;  // ? is Shift+/ on most keyboards
            else if (k.key == GLFW_KEY_T && !(k.mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER | GLFW_MOD_ALT))) toggle_3d();
        }
    }
    const std::vector<MouseButtonEvent> buttons = platform_take_mouse_buttons();
    const bool double_click = platform_take_double_click();
    map_editor_.locked = !view3d_.is_plan();  // editing works in plan view
    const bool edited = scenario_ && map_editor_.handle_input(*scenario_, camera_, ui_scale_, !io.WantCaptureMouse, keys, buttons, double_click);
    // Where the button went down, from the browser's own event: a press and the first move can
    // reach Dear ImGui in one frame, and it would then take the press to be where the move went.
    for (const MouseButtonEvent& e : buttons)
        if (e.button == 0 && e.down) press_at_ = ImVec2(e.x, e.y);
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseReleased(ImGuiMouseButton_Left)) panning_ = false;
    const DragDelta orbit = platform_take_orbit_drag();
    if (io.WantCaptureMouse) return;
    const bool orbiting = view3d_.orbit(camera_, orbit) || (io.KeyCtrl && view3d_.wants_3d());  // a right or Ctrl drag turns and tilts the 3D view, and never pans
    if (orbiting) panning_ = false;
    // A press becomes a pan once it has moved past the drag threshold (a click never pans);
    // the first frame of the pan makes up the distance moved so far.
    // The frame the button comes up in still carries the last move of the drag.
    if (!edited && !orbiting && (ImGui::IsMouseDragging(ImGuiMouseButton_Left) || (panning_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)))) {
        const ImVec2 d = panning_ ? io.MouseDelta : ImVec2(io.MousePos.x - press_at_.x, io.MousePos.y - press_at_.y);
        camera_.pan_by_pixels(d.x, d.y, io.MousePos.x, io.MousePos.y);  // the ground under the pointer stays under it
        panning_ = true;
    }

    if (io.MouseWheel != 0.0f) {
        const float steps = std::max(-4.0f, std::min(4.0f, io.MouseWheel));
        camera_.zoom_around(io.MousePos.x, io.MousePos.y, 0.25 * steps);
    }
    // A double-click zooms, except where it finishes a shape being drawn.
    if (scenario_ && map_editor_.route_request) {
        // The route tool's hubs go to the mission panel, which routes and exports.
        const auto [from, to] = *map_editor_.route_request;
        map_editor_.route_request.reset();
        const auto& hubs = scenario_->scenario->hubs;
        for (size_t i = 0; i < hubs.size(); ++i) {
            if (hubs[i].id == from) workbench_.from = int(i);
            if (hubs[i].id == to) workbench_.to = int(i);
        }
        update_route_preview();
    }
    if (scenario_ && map_editor_.draft_request) {
        std::tie(draft_.from, draft_.to) = *map_editor_.draft_request;
        map_editor_.draft_request.reset();
        update_draft();
    }
    if (scenario_ && map_editor_.survey_request) {
        workbench_.survey_draft.area = *map_editor_.survey_request;
        map_editor_.survey_request.reset();
        update_survey();
    }
    if (scenario_ && map_editor_.close_area_request) {
        // The area drawn during playback: announced at the playback time (to the minute), closed
        // from 30 minutes later for an hour; the day is simulated again with it.
        TemporaryRestriction r;
        const int announced = int(playback_.t_s / 60) * 60;
        r.id = "closed-" + format_clock(announced + 1800);
        r.shape.polygon = *map_editor_.close_area_request;
        r.notice_s = 1800;
        r.start_s = announced + r.notice_s;
        r.end_s = r.start_s + 3600;
        map_editor_.close_area_request.reset();
        playback_.config.restrictions = {r};
        run_simulation();
    }
    if (double_click && (map_editor_.tool == Tool::Select || map_editor_.tool == Tool::Hub))
        camera_.zoom_around(io.MousePos.x, io.MousePos.y, 1.0);
}

// The basemap, the map's layers and the windows, bottom to top. In the plan view the basemap
// and the background list come from the map layer cache (3D draws its solids between them,
// from a camera that moves, so there everything is drawn).
void App::render_map_and_windows() {
    ImDrawData* frame = ImGui::GetDrawData();
    live_layer_->_PopUnusedDrawCmd();
    ImDrawList* background = ImGui::GetBackgroundDrawList();
    const bool cached = map_cache_on_ && view3d_.is_plan();
    if (cached) {
        map_cache_.draw(basemap_renderer_, camera_, palette_, background, *frame);
    } else {
        basemap_renderer_.draw(camera_, palette_);
        view3d_.draw_volumes(camera_, scenario_.get(), selected_);
    }
    std::vector<ImDrawList*> lists;
    lists.reserve(size_t(frame->CmdListsCount) + 2);
    if (!cached) lists.push_back(background);
    lists.push_back(live_layer_.get());
    for (int i = 0; i < frame->CmdListsCount; ++i)
        if (frame->CmdLists[i] != background) lists.push_back(frame->CmdLists[i]);
    ImDrawData rest = *frame;
    rest.CmdLists = lists.data();
    rest.CmdListsCount = int(lists.size());
    rest.TotalVtxCount = rest.TotalIdxCount = 0;
    for (const ImDrawList* l : lists) rest.TotalVtxCount += l->VtxBuffer.Size, rest.TotalIdxCount += l->IdxBuffer.Size;
    ImGui_ImplOpenGL3_RenderDrawData(&rest);
    stats_.last_triangles = rest.TotalIdxCount / 3;
    stats_.last_map_triangles = background->IdxBuffer.Size / 3;
    stats_.last_live_triangles = live_layer_->IdxBuffer.Size / 3;
}

void App::draw_frame() {
    const double start_ms = platform_now_ms();
    const CanvasSize size = platform_sync_canvas_size();
    camera_.set_viewport(size.width_px, size.height_px, size.pixel_ratio);

    platform_frame_begin();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

    handle_map_input();
    const ImGuiIO& io = ImGui::GetIO();
    std::optional<GeoPoint> cursor;
    if (ImGui::IsMousePosValid() && !io.WantCaptureMouse) cursor = camera_.screen_to_geo(io.MousePos.x, io.MousePos.y);

    step_flight(start_ms);
    if (view3d_.animate(camera_, start_ms)) frames_to_draw_ = std::max(frames_to_draw_, 1);
    playback_.advance(std::min(0.25, (start_ms - last_frame_ms_) / 1000));  // a stalled tab does not jump hours
    step_simulation();
    last_frame_ms_ = start_ms;
    // The map in two layers: what stays put (cached in a texture while it is unchanged) and
    // what moves every frame of a playing day, drawn over it.
    ImDrawList* map_layer = ImGui::GetBackgroundDrawList();
    ImDrawList* live = live_layer_.get();
    live->_ResetForNewFrame();
    live->PushTextureID(io.Fonts->TexID);
    live->PushClipRectFullScreen();
    draw_basemap_lines(map_layer, camera_, basemap_.lines, ui_scale_);
    draw_graticule(map_layer, camera_, ui_scale_);
    if (scenario_) {
        std::optional<ImVec2> mouse;
        if (cursor) mouse = io.MousePos;
        // Touch has no hover: what is under a finger shows only while it is held still (a long
        // press); a tap selects and shows nothing more.
        if (platform_touch_input()) {
            mouse.reset();
            if (const auto held = platform_long_press(450); held && cursor) mouse = ImVec2((*held)[0], (*held)[1]);
        }
        drones_ = sim_drones_at(camera_, playback_, mouse, ui_scale_, view3d_.wants_3d() && view3d_.show_trails);
        // The map's selection is the editor's.
        if (!map_editor_.selection.empty()) {
            const ObjectRef& first = map_editor_.selection.front();
            if (selected_.kind != to_string(first.kind) || selected_.id != first.id) selected_ = {to_string(first.kind), first.id, -1};
        } else if (selected_.finding < 0) {
            selected_ = {};
        }
        under_pointer_ = draw_scenario_layer(map_layer, camera_, *scenario_, selected_, drones_.hovered >= 0 ? std::nullopt : mouse, ui_scale_);
        if (under_pointer_ && under_pointer_->kind == "hub") draw_hub_queues(playback_, under_pointer_->id, ui_scale_);
        map_editor_.draw(map_layer, camera_, *scenario_, ui_scale_);
        // The route preview follows the document, once a drag is over (routing is not needed mid-drag).
        if (scenario_->editor->revision() != previewed_revision_ && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            update_route_preview();
            update_survey();  // its home is the nearest hub, its figures the type's
        }
        draw_mission_overlay(map_layer, camera_, workbench_, ui_scale_);
        draw_assist_overlay(map_layer, camera_, draft_, assist_, scenario_ ? &scenario_->compiled->frame() : nullptr, ui_scale_);
        draw_sim_restriction(live, camera_, playback_, ui_scale_);
        markers_.clear();
        draw_sim_encounters(markers_, camera_, playback_, drones_.hovered >= 0 ? std::nullopt : mouse, ui_scale_);
        draw_sim_drones(live, markers_, playback_, drones_, ui_scale_);
    }
    // The layout: the bar across the top, then a column of panels down each side (mission and
    // simulation on the left, findings and the inspector on the right), the status bar below.
    ui_rects_.clear();
    float top_bar_bottom = 0;
    phone_ = double(size.width_px) / size.pixel_ratio < 860;  // a phone, or a window too small for both columns
    std::optional<SearchHit> found;
    const auto search_box = [&] { found = draw_search(search_, scenario_ ? scenario_->scenario : nullptr, places_, ui_scale_, ui_rects_); };
    const TopBarAction top_action = draw_top_bar(scenario_ ? &map_editor_ : nullptr, scenario_.get(), basemap_status(), phone_ ? &drawer_open_ : nullptr,
                                                 search_box, view3d_.wants_3d(), ui_scale_, ui_rects_, top_bar_bottom);
    top_bar_bottom_ = top_bar_bottom;
    if (found) {
        fly_to(found->at, std::max(camera_.zoom(), found->zoom));
        if (const auto kind = object_kind_from(found->kind); kind && scenario_ && find_object(*scenario_->scenario, *kind, found->id))
            map_editor_.selection = {{*kind, found->id}};
    }
    switch (top_action) {
        case TopBarAction::ResetView: camera_.set_view(kHome, home_zoom()); break;
        case TopBarAction::View3D: toggle_3d(); break;
        case TopBarAction::Tables: tables_.open = !tables_.open, save_panels(); break;
        case TopBarAction::Assist: assist_.open = !assist_.open; break;
        case TopBarAction::Drawer: drawer_open_ = !drawer_open_; break;
        case TopBarAction::Help: help_open_ = !help_open_; break;
        case TopBarAction::Tour: if (tour_.step < 0) open_tour(); else close_tour(); break;
        case TopBarAction::ResetLayout: layout_ = {}, platform_set_setting("layout", ""); break;
        case TopBarAction::Language:
            set_language(language() == Language::Chinese ? Language::English : Language::Chinese);
            platform_set_setting("language", language_code(language()));
            break;
        case TopBarAction::None: break;
        default: run_file_action(top_action); break;
    }
    layout_.movable = !phone_;
    layout_.shown.clear();
    use_panel_layout(&layout_);
    if (scenario_ && (!phone_ || drawer_open_)) {
        const bool busy = map_editor_.busy();
        set_map_busy(busy);
        if (busy) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        const float margin = 10 * ui_scale_, status = ImGui::GetFrameHeight() + 8 * ui_scale_;
        const float top = top_bar_bottom + margin, room = vp->Pos.y + vp->Size.y - status - margin - top;
        // A phone's drawer holds one column at a time: the checks and the inspector for what is
        // selected, else the mission and the simulation.
        const bool left = !phone_ || map_editor_.selection.empty(), right = !phone_ || !map_editor_.selection.empty();
        if (left) {
            run_mission_action(draw_mission_panel(*scenario_, workbench_, top, ui_scale_, ui_rects_));
            const auto& types = scenario_->scenario->drone_types;
            const auto& hubs = scenario_->scenario->hubs;
            step_sweep();  // before the window: the answers and their chart in one frame
            run_assist_action(draw_assist_panel(assist_, draft_, hubs.empty() ? std::string() : hubs[size_t(workbench_.from)].id,
                                                types.empty() ? std::string() : types[size_t(workbench_.drone)].id, ui_scale_, ui_rects_));
            float below_mission = 0;
            for (const auto& [name, r] : ui_rects_) if (name == "mission") below_mission = r[1] + r[3] + margin;
            switch (draw_sim_panel(playback_, int(drones_.airborne.size()), below_mission, ui_scale_, ui_rects_)) {
                case SimPanelAction::Run: run_simulation(); break;
                case SimPanelAction::Cancel: playback_.running.reset(); break;  // the last day shown stays
                case SimPanelAction::CloseArea: map_editor_.set_tool(Tool::CloseArea); break;
                case SimPanelAction::ReopenArea:
                    playback_.config.restrictions.clear();
                    run_simulation();
                    break;
                case SimPanelAction::None: break;
            }
            if (playback_.show_encounter) {  // one was picked: the map goes to where it happened
                playback_.show_encounter = false;
                if (const EncounterResult* e = playback_.encounter_at(playback_.encounter)) fly_to(e->where, std::max(camera_.zoom(), 13.0));
            }
        }
        if (right) {
            const float findings_height = std::max(80 * ui_scale_, room * (map_editor_.selection.empty() ? 0.6f : 0.34f));
            if (const Finding* f = draw_findings_panel(*scenario_, selected_, top, findings_height, ui_scale_, ui_rects_)) {
                selected_ = {f->object_kind, f->object, int(f - scenario_->report.findings.data())};
                if (const auto kind = object_kind_from(f->object_kind); kind && find_object(*scenario_->scenario, *kind, f->object))
                    map_editor_.selection = {{*kind, f->object}};
                if (f->position) fly_to(*f->position, std::max(camera_.zoom(), 12.0));
            }
            draw_inspector_panel(inspector_, map_editor_, *scenario_, top + findings_height + margin, ui_scale_, ui_rects_);
        }
        // The profile along the bottom, left of the right-hand column (a phone has no room for it).
        float right_column = vp->Pos.x + vp->Size.x;
        for (const auto& [name, r] : ui_rects_) if (name == "inspector") right_column = std::min(right_column, r[0]);
        if (!phone_)
            draw_profile_panel(*scenario_, map_editor_, vp->Pos.x + margin, right_column - margin, vp->Pos.y + vp->Size.y - status - margin, ui_scale_,
                               ui_rects_, profile_);
        // The legend, above the profile when a profile is shown.
        float legend_bottom = vp->Pos.y + vp->Size.y - status - margin;
        for (const auto& [name, r] : ui_rects_) if (name == "profile") legend_bottom = std::min(legend_bottom, r[1] - margin);
        const bool legend_was = legend_open_;
        if (!phone_) draw_legend(legend_open_, legend_bottom, ui_scale_, ui_rects_);
        if (legend_open_ != legend_was) save_panels();
        if (busy) ImGui::PopStyleVar();
        set_map_busy(false);
        draw_tables_panel(tables_, map_editor_, *scenario_, ui_scale_, ui_rects_);
        draw_sim_charts(playback_.charts_open, playback_, ui_scale_, ui_rects_);
    }
    use_panel_layout(nullptr);
    for (const auto& [id, r] : layout_.shown) ui_rects_.push_back({"window." + id, r});
    // Saved once the drag or the resize is over, not on every frame of it.
    if (layout_.changed && !ImGui::IsMouseDown(ImGuiMouseButton_Left) && platform_set_setting("layout", layout_.to_text())) layout_.changed = false;
    const std::string attribution = basemap_state_ == AssetState::Ready ? "GSHHG (LGPL-3+), GeoNames (CC-BY 4.0), patches: lowsky" : "";
    SaveBadge badge;
    if (scenario_) {
        badge.failed = session_.autosaver().state() == SaveState::Failed;
        // The autosaver's state in the interface's language (the page state keeps the engine's words).
        const Autosaver& saver = session_.autosaver();
        if (saver.unsaved() || badge.failed || session_.stored()) {
            if (badge.failed) {
                char text[512];
                std::snprintf(text, sizeof text, tr("not saved: %s"), saver.failure() ? saver.failure()->message.c_str() : "?");
                badge.text = text;
            } else {
                badge.text = tr(saver.state() == SaveState::Saved ? N_("saved") : N_("saving..."));
            }
        }
        if (!share_link_.empty() && !badge.failed) badge.text += std::string("  |  ") + tr(share_link_.size() > 8192 ? N_("share link too long") : N_("link copied"));
    }
    if (draw_status_bar(camera_, cursor, attribution, badge, ui_scale_, ui_rects_)) run_file_action(TopBarAction::Save);
    if (scenario_) {
        run_recent_action(draw_recent_panel(recent_, session_.recent(), session_.recent_loaded(), session_.recent_error(), session_.id(), ui_scale_, ui_rects_));
        if (save_as_open_) {
            ImGui::OpenPopup("Save as");
            save_as_open_ = false;
        }
        if (ImGui::BeginPopupModal("Save as", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("Name");
            if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
            const bool enter = ImGui::InputText("##save_as", save_as_name_, sizeof save_as_name_, ImGuiInputTextFlags_EnterReturnsTrue);
            remember_item_rect("save_as.name", ui_rects_);
            if ((ImGui::Button("Save") || enter) && save_as_name_[0]) {
                session_.rename(session_.id(), save_as_name_);
                run_file_action(TopBarAction::Save);
                ImGui::CloseCurrentPopup();
            }
            remember_item_rect("save_as.save", ui_rects_);
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }
    draw_help(help_open_, ui_scale_, ui_rects_);
    if (tour_pending_ && scenario_) {
        tour_pending_ = false;
        open_tour();
    }
    draw_tour_window();
    draw_notices(notices_, ui_scale_, ui_rects_);
    if (update_ready_) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y - ImGui::GetFrameHeight() * 3), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        if (ImGui::Begin("##update", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted("A new version of lowsky is ready.");
            ImGui::SameLine();
            if (ImGui::Button("Reload")) platform_apply_update();
            remember_item_rect("update.reload", ui_rects_);
        }
        ImGui::End();
    }
    // Last, once every window is placed: labels keep out from under them. The map layer is
    // drawn under the windows whatever the order of these calls.
    if (scenario_ && view3d_.draw_controls(camera_, ui_scale_, ui_rects_)) frames_to_draw_ = std::max(frames_to_draw_, 2);
    static const std::vector<Hub> kNoHubs;
    covered_ = screen_covered_by_windows();
    if (scenario_) {
        // Clear of the windows, and the place names clear of it.
        if (const auto scale = view3d_.draw_scale(live, camera_, ui_scale_, covered_)) {
            ui_rects_.push_back({"view.scale", {scale->x0, scale->y0, scale->x1 - scale->x0, scale->y1 - scale->y0}});
            covered_.push_back(*scale);
        }
    }
    labels_ = draw_map_markers(live, camera_, places_, !scenario_, scenario_ ? scenario_->scenario->hubs : kNoHubs, covered_, ui_scale_);

    // Autosave in the frame that made the change, not the next one: the journal is written now.
    if (scenario_) session_.tick(*scenario_, camera_, platform_now_ms());
    ImGui::Render();
    stats_.last_update_ms = platform_now_ms() - start_ms;  // input, edits, checks, layout: the app's own work
    render_map_and_windows();

    ++stats_.rendered;
    stats_.last_cpu_ms = platform_now_ms() - start_ms;
    if (!notified_first_frame_) {
        notified_first_frame_ = true;
        platform_notify_first_frame();
    }
    if (!notified_ready_ && basemap_state_ != AssetState::Loading && places_state_ != AssetState::Loading &&
        scenario_state_ != AssetState::Loading) {
        notified_ready_ = true;
        platform_notify_ready();
    }
}

void App::update_route_preview() {
    previewed_revision_ = scenario_->editor->revision();
    const Scenario& sc = *scenario_->scenario;
    if (sc.hubs.empty() || sc.drone_types.empty()) return;
    // An edit may have taken away the hub or type the panel had picked.
    workbench_.from = std::min(workbench_.from, int(sc.hubs.size()) - 1);
    workbench_.to = std::min(workbench_.to, int(sc.hubs.size()) - 1);
    workbench_.drone = std::min(workbench_.drone, int(sc.drone_types.size()) - 1);
    const Firmware firmware = firmware_of(workbench_.format);
    RouteRequest q{sc.hubs[size_t(workbench_.from)].id, sc.hubs[size_t(workbench_.to)].id, sc.drone_types[size_t(workbench_.drone)].id, -1,
                   RouteObjective::Fastest, firmware};
    workbench_.preview.reset();
    workbench_.preview_gate.reset();
    workbench_.preview_checklist.clear();
    workbench_.preview_error.clear();
    // The verdict Export would give: the same mission, through the same gate.
    MissionOptions options;
    options.firmware = firmware;
    options.delivery = workbench_.delivery;
    options.return_mode = workbench_.return_mode;
    auto checked = check_route_mission(*scenario_->compiled, scenario_->network(), q, options);
    if (checked) {
        workbench_.preview = checked->built.outbound;
        workbench_.preview_gate = checked->gate;
    } else {
        // No mission: show the route alone if there is one, and why the mission is not.
        auto route = scenario_->network().route(q);
        if (route) workbench_.preview = route.value();
        workbench_.preview_error = checked.error().message;
    }
    if (workbench_.preview) workbench_.preview_checklist = parameter_checklist(workbench_.preview->autopilot, sc.drone_types[size_t(workbench_.drone)]);
}

// The survey of the drawn area: its lines, its mission, and its time and energy for the chosen
// drone type from the hub nearest to the area, all from the engine.
void App::update_survey() {
    MissionWorkbench& w = workbench_;
    w.survey.reset();
    w.survey_error.clear();
    if (w.survey_draft.area.empty() || !scenario_) return;
    const Scenario& sc = *scenario_->scenario;
    if (sc.hubs.empty() || sc.drone_types.empty()) {
        w.survey_error = tr("A survey flies from a hub with a drone type: the scenario has none");
        return;
    }
    GeoPoint centre{0, 0};
    const double n = double(w.survey_draft.area.size());
    for (const GeoPoint& p : w.survey_draft.area) centre.lat_deg += p.lat_deg / n, centre.lon_deg += p.lon_deg / n;
    double nearest = 1e300;
    for (const Hub& h : sc.hubs) {
        const double d = geodesy::distance_m(centre, h.position);
        if (d < nearest) nearest = d, w.survey_draft.hub = h.id;
    }
    w.survey_draft.drone_type = sc.drone_types[size_t(w.drone)].id;
    auto planned = plan_inspection(*scenario_->compiled, w.survey_draft, firmware_of(w.format));
    if (!planned) {
        w.survey_error = planned.error().message;
        return;
    }
    w.survey = std::move(planned.value());
}

// The survey as the format chosen in the panel (.plan or .waypoints; the firmware's), saved as a
// download. Refused with the firmware's reasons if it would refuse an item.
void App::export_survey() {
    MissionWorkbench& w = workbench_;
    if (!w.survey || !scenario_) return;
    w.last_gate = {};
    const bool waypoints = w.format == ExportChoice::WaypointsArduPilot;
    const bool plan = w.format == ExportChoice::PlanPx4 || w.format == ExportChoice::PlanArduPilot;
    const std::vector<GateFailure>& errors = w.survey->check.errors;
    if ((!waypoints && !plan) || !errors.empty()) {
        w.last_failed = true;
        w.last_message = !errors.empty() ? trf(N_("Not saved: %s"), errors.front().message.c_str())
                                         : tr("A survey is saved as a .plan or .waypoints: choose one of them as the format");
        return;
    }
    std::vector<uint8_t> bytes;
    if (waypoints) {
        auto text = write_waypoints(w.survey->mission);
        if (!text) {
            w.last_failed = true;
            w.last_message = text.error().to_string();
            return;
        }
        bytes.assign(text->begin(), text->end());
    } else {
        const std::string text = write_plan(w.survey->mission);
        bytes.assign(text.begin(), text.end());
    }
    const std::string name = "survey-" + w.survey_draft.hub + (w.format == ExportChoice::PlanPx4 ? ".px4" : ".ardupilot") +
                             (waypoints ? ".waypoints" : ".plan");
    platform_save_file(name, bytes, waypoints ? "text/plain" : "application/json");
    w.last_failed = false;
    char text[200];
    std::snprintf(text, sizeof text, "Saved %s: %zu items, %zu lines", name.c_str(), w.survey->mission.items.size(), w.survey->pattern.lines.size());
    w.last_message = text;
}

void App::keep_survey() {
    MissionWorkbench& w = workbench_;
    if (!scenario_ || !w.survey) return;
    Inspection kept = w.survey_draft;
    kept.id = "survey";  // the paste makes it unique
    kept.name = std::string("Survey from ") + scenario_->scenario->find_hub(kept.hub)->name;
    EditCommand paste;
    paste.op = EditOp::Paste;
    paste.value = nlohmann::json::array({{{"kind", "inspection"}, {"object", nlohmann::json(object_to_json(kept))}}});
    if (!map_editor_.apply(*scenario_, paste)) {
        w.last_message = map_editor_.message;
        w.last_failed = true;
        return;
    }
    w.last_message = trf(N_("Kept the survey in the scenario as inspection %s"), scenario_->scenario->inspections.back().id.c_str());
    w.last_failed = false;
    w.survey_draft.area.clear();  // the scenario's own now: the map draws it from there
    update_survey();
}

void App::run_mission_action(MissionPanelAction action) {
    switch (action) {
        case MissionPanelAction::None: return;
        case MissionPanelAction::RouteChanged:  // the drone type and the firmware price the survey too
            update_route_preview();
            update_survey();
            return;
        case MissionPanelAction::ClearOverlay: workbench_.imported.reset(); return;
        case MissionPanelAction::MergeOverlay: merge_overlay(); return;
        case MissionPanelAction::Import:
            platform_open_file(".plan,.waypoints,.txt,.kml,.geojson,.json", [this](std::string name, std::vector<uint8_t> bytes) { open_file(name, bytes); });
            return;
        case MissionPanelAction::SurveyChanged: update_survey(); return;
        case MissionPanelAction::ExportSurvey: export_survey(); return;
        case MissionPanelAction::KeepSurvey: keep_survey(); return;
        case MissionPanelAction::ClearSurvey:
            workbench_.survey_draft.area.clear();
            update_survey();
            return;
        case MissionPanelAction::Export:
        case MissionPanelAction::ExportOverride: break;
    }
    const Scenario& sc = *scenario_->scenario;
    ExportRequest request;
    request.route = {sc.hubs[size_t(workbench_.from)].id, sc.hubs[size_t(workbench_.to)].id, sc.drone_types[size_t(workbench_.drone)].id, -1,
                     RouteObjective::Fastest};
    request.options.delivery = workbench_.delivery;
    request.options.return_mode = workbench_.return_mode;
    request.options.firmware = firmware_of(workbench_.format);  // as the preview priced it
    request.route.firmware = request.options.firmware;
    std::string ext, mime = "application/octet-stream", flavour;
    switch (workbench_.format) {
        case ExportChoice::PlanPx4: request.format = ExportFormat::Plan; request.options.firmware = Firmware::Px4; ext = "plan"; flavour = ".px4"; mime = "application/json"; break;
        case ExportChoice::PlanArduPilot: request.format = ExportFormat::Plan; request.options.firmware = Firmware::ArduPilot; ext = "plan"; flavour = ".ardupilot"; mime = "application/json"; break;
        case ExportChoice::WaypointsArduPilot: request.format = ExportFormat::Waypoints; request.options.firmware = Firmware::ArduPilot; ext = "waypoints"; flavour = ".ardupilot"; mime = "text/plain"; break;
        case ExportChoice::Kml: request.format = ExportFormat::Kml; ext = "kml"; mime = "application/vnd.google-earth.kml+xml"; break;
        case ExportChoice::GeoJson: request.format = ExportFormat::GeoJson; ext = "geojson"; mime = "application/geo+json"; break;
        case ExportChoice::Wpml: request.format = ExportFormat::Wpml; ext = "kmz"; mime = "application/vnd.google-earth.kmz"; break;
        case ExportChoice::ParamsArduPilot: request.format = ExportFormat::Params; request.options.firmware = Firmware::ArduPilot; ext = "param"; flavour = ".ardupilot"; mime = "text/plain"; break;
        case ExportChoice::ParamsPx4: request.format = ExportFormat::Params; request.options.firmware = Firmware::Px4; ext = "params"; flavour = ".px4"; mime = "text/plain"; break;
    }
    if (action == MissionPanelAction::ExportOverride) request.override_reason = workbench_.override_reason;
    const ExportResult result = export_mission(*scenario_->compiled, scenario_->network(), request);
    workbench_.last_gate = result.gate;
    workbench_.last_failed = !result.ok();
    if (!result.ok()) {
        workbench_.last_message = result.error.to_string();
        return;
    }
    const std::string name = request.route.from_hub + "-" + request.route.to_hub + flavour + "." + ext;
    platform_save_file(name, result.bytes, mime);
    char text[200];
    std::snprintf(text, sizeof text, "Saved %s: %zu items, %.0f Wh of %.0f Wh usable%s", name.c_str(), result.items, result.gate.energy_wh,
                  result.gate.usable_energy_wh, request.override_reason.empty() ? "" : " (safety gate overridden)");
    workbench_.last_message = text;
}

// The day runs off the frame: a slice of at most kSimSliceMs each frame (step_simulation),
// so that the page keeps drawing, shows the progress and can cancel.
void App::run_simulation() {
    const double start = platform_now_ms();
    auto job = std::make_unique<SimPlayback::Running>();
    job->scenario = *scenario_->scenario;
    job->config = playback_.config;
    job->compiled = std::make_unique<CompiledScenario>(job->scenario);
    job->run = std::make_unique<SimulationRun>(*job->compiled, job->config);
    job->warmup = std::make_unique<HeapWarmup>(job->run->expected_peak_bytes());
    // Setting the day up is the first slice (the orders are made in the slices after it).
    job->longest_slice_ms = job->elapsed_ms = platform_now_ms() - start;
    job->slices = 1;
    playback_.running = std::move(job);
    playback_.playing = false;
    frames_to_draw_ = std::max(frames_to_draw_, 2);
}

void App::step_simulation() {
    SimPlayback::Running* job = playback_.running.get();
    if (!job) return;
    constexpr double kSimSliceMs = 12;
    const double start = platform_now_ms();
    const auto pause = [&] { return platform_now_ms() - start > kSimSliceMs; };
    // The heap readied for the day's peak first (heap_warmup.h), then the day, in the same slice
    // when time is left.
    if (job->warmup && job->warmup->advance(pause)) job->warmup.reset();
    const bool done = !job->warmup && !pause() && job->run->advance(pause);
    const double slice_ms = platform_now_ms() - start;
    job->elapsed_ms += slice_ms;
    job->longest_slice_ms = std::max(job->longest_slice_ms, slice_ms);
    ++job->slices;
    job->progress = job->run->progress();
    frames_to_draw_ = std::max(frames_to_draw_, 2);
    if (!done) return;
    playback_.result = job->run->take_result();
    ++playback_.generation;
    playback_.ran = job->config;
    playback_.encounter = -1;
    playback_.battery = {};  // of the last day
    playback_.run_ms = job->elapsed_ms;
    playback_.longest_slice_ms = job->longest_slice_ms;
    playback_.slices = job->slices;
    playback_.day_s = job->config.hours * 3600;
    // A day with an area closed opens where it is announced; any other at its busiest moment.
    playback_.t_s = job->config.restrictions.empty() ? playback_.busiest_s() : job->config.restrictions.front().announced_s();
    job->run.reset();
    playback_.day = std::move(playback_.running);
}

void App::open_tour() {
    if (!scenario_) return;
    if (!playback_.result && !playback_.running) run_simulation();  // for the steps whose figures come from the day
    tour_.generation = -1;  // made afresh
    tour_.reframes = 0;
    go_to_tour_step(0);
}

// The steps' figures again when the document or the day shown changed since they were made.
void App::refresh_tour_steps() {
    if (tour_.revision == scenario_->editor->revision() && tour_.generation == playback_.generation && !tour_.steps.empty()) return;
    const bool new_day = tour_.generation >= 0 && tour_.generation != playback_.generation;
    const SimResult* day = playback_.result && playback_.day_compiled() ? &*playback_.result : nullptr;
    tour_.steps = region_tour(*scenario_->compiled, scenario_->network(), day);
    tour_.revision = scenario_->editor->revision();
    tour_.generation = playback_.generation;
    // A day that finished while its step was shown: the step's moment of it, now there is one.
    if (new_day && tour_.step >= 0 && tour_.step < int(tour_.steps.size()) && tour_.steps[size_t(tour_.step)].time_s >= 0)
        seek_playback(tour_.steps[size_t(tour_.step)].time_s);
}

// The tour ends where the planner works: in plan view.
void App::close_tour() {
    tour_.step = -1;
    if (view3d_.wants_3d()) toggle_3d();
}

void App::go_to_tour_step(int step) {
    tour_.step = step;
    refresh_tour_steps();
    if (step < 0 || step >= int(tour_.steps.size())) return;
    const TourStep& t = tour_.steps[size_t(step)];
    // The step's place goes to the middle of the map the windows leave free (between the side
    // columns, under the top bar, above the tour's own window), its span fitted there.
    const double w = camera_.width_px(), h = camera_.height_px();
    // The tour's window stands 40 px above the bottom (draw_tour). Until it is drawn there at its
    // size, and the top bar at its own (the first frames), a guess now and the place again later.
    const double tour_bottom = h - 40 * ui_scale_;
    double tour_top = -1;
    for (const auto& [name, r] : ui_rects_)
        if (name == "tour" && r[3] > 0 && std::abs(r[1] + r[3] - tour_bottom) < 2) tour_top = r[1];
    tour_.reframe = tour_top < 0 || top_bar_bottom_ < 1;
    if (tour_top < 0) tour_top = tour_bottom - 170 * ui_scale_;
    double x0 = 0, x1 = w;
    const double y0 = top_bar_bottom_, y1 = std::max(y0 + 1, tour_top);
    for (const ScreenRect& c : covered_) {
        if (c.y1 <= y0 || c.y0 >= y1 || (c.x0 <= 1 && c.x1 >= w - 1)) continue;  // outside the band, or across the screen (the bar)
        if (c.x0 < w * 0.3) x0 = std::max(x0, double(c.x1));
        else if (c.x1 > w * 0.7) x1 = std::min(x1, double(c.x0));
    }
    if (x1 - x0 < w * 0.3) x0 = 0, x1 = w;  // no room between the columns: the whole width
    // The camera's own projection, flat and north up, as the view will be: the zoom at which
    // the span fills 90 % of the free map, then the centre that puts the place in its middle.
    MapCamera view = camera_;
    view.set_orientation(0, 0);
    view.set_heights_shown(0);
    view.set_view(t.at, camera_.zoom());
    const double fit_px = std::max(50.0, std::min(x1 - x0, y1 - y0) * 0.9);
    view.set_view(t.at, std::clamp(camera_.zoom() + std::log2(view.ground_m_per_px() * fit_px / t.span_m), 3.0, 18.0));
    fly_to(view.screen_to_geo(w - (x0 + x1) / 2, h - (y0 + y1) / 2), view.zoom());
    if (t.view3d != view3d_.wants_3d()) toggle_3d();
    if (t.time_s >= 0) seek_playback(t.time_s);  // the drones at that moment
}

void App::draw_tour_window() {
    if (tour_.step < 0 || !scenario_) return;
    refresh_tour_steps();
    const int shown = tour_.step;
    switch (draw_tour(tour_.steps, tour_.step, playback_.running != nullptr, phone_, ui_scale_, ui_rects_)) {
        case TourAction::Back: tour_.reframes = 0, go_to_tour_step(tour_.step - 1); break;
        case TourAction::Next: tour_.reframes = 0, go_to_tour_step(tour_.step + 1); break;
        case TourAction::Close: close_tour(); break;
        case TourAction::None:
            if (tour_.reframe && shown >= 0 && tour_.reframes < 8) {  // a few frames at most
                ++tour_.reframes;
                go_to_tour_step(shown);
            }
            break;
    }
}

void App::toggle_3d() {
    view3d_.toggle(platform_now_ms());
    frames_to_draw_ = std::max(frames_to_draw_, 2);
}

void App::fly_to(GeoPoint target, double zoom) {
    flight_ = {true, camera_.center(), target, camera_.zoom(), zoom, platform_now_ms()};
    frames_to_draw_ = std::max(frames_to_draw_, 2);
}

// Moves the camera along an eased path; keeps frames coming until it arrives.
void App::step_flight(double now_ms) {
    if (!flight_.active) return;
    constexpr double kDuration_ms = 700;
    const double t = std::min(1.0, (now_ms - flight_.start_ms) / kDuration_ms);
    const double e = t < 0.5 ? 2 * t * t : 1 - std::pow(-2 * t + 2, 2) / 2;  // ease in and out
    const GeoPoint c{flight_.from.lat_deg + (flight_.to.lat_deg - flight_.from.lat_deg) * e,
                     flight_.from.lon_deg + (flight_.to.lon_deg - flight_.from.lon_deg) * e};
    camera_.set_view(c, flight_.from_zoom + (flight_.to_zoom - flight_.from_zoom) * e);
    if (t >= 1.0) flight_.active = false;
    else frames_to_draw_ = std::max(frames_to_draw_, 2);
}

bool App::open_scenario(const std::string& text, const std::string& source, const std::string& id, const std::string& name, bool store_now) {
    ScenarioLoad load = parse_scenario(text, source);
    if (!load.ok()) {
        std::string detail = source + " has " + std::to_string(load.errors.size()) + " error(s) and was not opened:";
        for (size_t i = 0; i < load.errors.size() && i < 8; ++i) detail += "\n  " + load.errors[i].to_string();
        notices_.push_back({N_("Scenario not loaded"), detail});
        return false;
    }
    scenario_ = make_scenario_view(std::move(*load.scenario), source);
    scenario_state_ = AssetState::Ready;
    map_editor_ = MapEditor{};
    inspector_ = InspectorState{};
    tables_ = TablesState{};
    selected_ = {};
    playback_.running.reset();  // a day of the scenario that was open is of no use now
    playback_.day.reset();
    playback_.result.reset();
    ++playback_.generation;
    playback_.encounter = -1;
    workbench_.from = 0;
    workbench_.to = scenario_->scenario->hubs.size() > 1 ? 1 : 0;
    workbench_.drone = 0;
    update_route_preview();
    workbench_.survey_draft.area.clear();
    update_survey();
    session_.opened(*scenario_, id, name, store_now, platform_now_ms());
    frames_to_draw_ = std::max(frames_to_draw_, 2);
    return true;
}

std::string App::document_json() const { return scenario_ ? save_scenario(*scenario_->scenario) : ""; }

std::string App::state_json() const {
    auto state_name = [](AssetState s) { return s == AssetState::Loading ? "loading" : s == AssetState::Ready ? "ready" : "failed"; };
    Json state = {
        {"frame", stats_.rendered},
        {"skippedFrames", stats_.skipped},
        {"frameCpuMs", stats_.last_cpu_ms},
        {"frameUpdateMs", stats_.last_update_ms},
        {"frameTriangles", stats_.last_triangles},
        {"mapLayer", {{"cacheOn", map_cache_on_}, {"redraws", map_cache_.redraws()}, {"copies", map_cache_.copies()},
                      {"triangles", stats_.last_map_triangles}, {"liveTriangles", stats_.last_live_triangles}}},
        {"zoom", camera_.zoom()},
        {"view", {{"mode", view3d_.wants_3d() ? "3d" : "plan"}, {"editable", view3d_.is_plan()}, {"tilt", camera_.tilt_deg()}, {"bearing", camera_.bearing_deg()},
                  {"heightsShown", camera_.heights_shown()}, {"exaggeration", camera_.height_exaggeration()}, {"ceiling", view3d_.show_ceiling}, {"trails", view3d_.show_trails},
                  {"faces", view3d_.volumes().triangle_owner.size()}, {"edges", view3d_.volumes().edge_owner.size()},
                  {"solids", view3d_.volumes().owners.size()}, {"sortMs", view3d_.last_sort_ms()}}},
        {"center", {camera_.center().lat_deg, camera_.center().lon_deg}},
        {"canvas", {camera_.width_px(), camera_.height_px(), camera_.pixel_ratio()}},
        {"basemap", state_name(basemap_state_)},
        {"basemapRings", basemap_.rings.size()},
        {"places", state_name(places_state_)},
        {"placeCount", places_.places.size() + places_.airports.size()},
        {"settled", basemap_state_ != AssetState::Loading && places_state_ != AssetState::Loading && scenario_state_ != AssetState::Loading},
        {"scenario", state_name(scenario_state_)},
        {"selected", {{"kind", selected_.kind}, {"id", selected_.id}}},
        {"typing", ImGui::GetIO().WantTextInput},  // a text field has the keyboard
    };
    if (scenario_) {
        const auto& r = scenario_->report;
        state["scenarioName"] = scenario_->scenario->name;
        state["corridors"] = scenario_->scenario->corridors.size();
        state["zones"] = scenario_->compiled->zones().size();
        state["hubs"] = scenario_->scenario->hubs.size();
        {
            // The document's inspections and sightseeing loops, as the engine holds them.
            nlohmann::json inspections = nlohmann::json::array(), loops = nlohmann::json::array();
            for (const Inspection& i : scenario_->scenario->inspections) {
                nlohmann::json area = nlohmann::json::array();
                for (const GeoPoint& p : i.area) area.push_back({p.lat_deg, p.lon_deg});
                inspections.push_back({{"id", i.id}, {"hub", i.hub}, {"drone_type", i.drone_type}, {"area", area}, {"height_m", i.height_m}});
            }
            for (const Sightseeing& t : scenario_->scenario->sightseeing) loops.push_back({{"id", t.id}, {"departures", t.departures_s.size()}});
            state["inspections"] = inspections;
            state["sightseeing"] = loops;
        }
        state["findings"] = {{"errors", r.errors}, {"warnings", r.warnings}, {"infos", r.infos}, {"count", r.findings.size()}};
        Json list = Json::array();
        for (const auto& f : r.findings) list.push_back({{"check", f.check}, {"severity", to_string(f.severity)}, {"object", f.object}, {"other", f.other}});
        state["findingList"] = list;
        Json edit = map_editor_.state();
        edit["revision"] = scenario_->editor->revision();
        edit["undo"] = scenario_->editor->undo_name();
        edit["redo"] = scenario_->editor->redo_name();
        edit["undoDepth"] = scenario_->editor->undo_depth();
        Json errors = Json::object();
        for (const auto& [field, message] : inspector_.errors) errors[field] = message;
        edit["fieldErrors"] = errors;
        state["edit"] = edit;
        if (profile_.drawn)
            state["profile"] = {{"corridor", profile_.corridor}, {"length_m", profile_.length_m}, {"y_min_m", profile_.y_min_m},
                                {"y_max_m", profile_.y_max_m}, {"floor_m", profile_.floor_m}, {"ceiling_m", profile_.ceiling_m}};
        const auto& hubs = scenario_->scenario->hubs;
        Json mission{{"lastMessage", workbench_.last_message}, {"lastFailed", workbench_.last_failed},
                     {"from", workbench_.from >= 0 && size_t(workbench_.from) < hubs.size() ? hubs[size_t(workbench_.from)].id : ""},
                     {"to", workbench_.to >= 0 && size_t(workbench_.to) < hubs.size() ? hubs[size_t(workbench_.to)].id : ""},
                     {"drone", workbench_.drone >= 0 && size_t(workbench_.drone) < scenario_->scenario->drone_types.size() ? scenario_->scenario->drone_types[size_t(workbench_.drone)].id : ""},
                     {"gateFailures", workbench_.last_gate.failures.size()}};
        if (workbench_.preview) {
            mission["preview"] = {{"distance_m", workbench_.preview->distance_m}, {"time_s", workbench_.preview->time_s},
                                  {"legs", workbench_.preview->legs.size()}};
            if (workbench_.preview_gate) {
                const GateReport& g = *workbench_.preview_gate;
                Json failures = Json::array();
                for (const auto& f : g.failures) failures.push_back(f.check);
                mission["preview"].update({{"mission_time_s", g.time_s}, {"energy_wh", g.energy_wh}, {"usable_energy_wh", g.usable_energy_wh},
                                           {"gate_passed", g.passed()}, {"gate_failures", failures}});
            }
        }
        if (!workbench_.survey_draft.area.empty()) {
            const MissionWorkbench& w = workbench_;
            const Inspection& d = w.survey_draft;
            Json area = Json::array();
            for (const GeoPoint& p : d.area) area.push_back({p.lat_deg, p.lon_deg});
            Json survey{{"area", area}, {"footprint_m", d.footprint_m}, {"overlap", d.side_overlap}, {"heading_deg", d.heading_deg},
                        {"height_m", d.height_m}, {"speed_m_s", d.speed_m_s}, {"error", w.survey_error}};
            if (w.survey) {
                const SurveyPattern& pattern = w.survey->pattern;
                survey.update({{"lines", pattern.lines.size()}, {"spacing_m", pattern.spacing_m}, {"line_length_m", pattern.line_length_m},
                               {"path_length_m", pattern.path_length_m}, {"home", d.hub}, {"items", w.survey->mission.items.size()}, {"drone", d.drone_type}});
                const SurveyFigures& f = w.survey->check.figures;
                Json survey_errors = Json::array(), warnings = Json::array();
                for (const auto& e : w.survey->check.errors) survey_errors.push_back({{"check", e.check}, {"message", e.message}});
                for (const auto& e : w.survey->check.warnings) warnings.push_back({{"check", e.check}, {"message", e.message}});
                survey.update({{"distance_m", f.distance_m}, {"time_s", f.time_s}, {"energy_wh", f.energy_wh}, {"usable_energy_wh", f.usable_energy_wh},
                               {"errors", survey_errors}, {"warnings", warnings}});
            }
            mission["survey"] = survey;
        }
        if (workbench_.imported) {
            mission["overlay"] = describe_import(*workbench_.imported);
            mission["overlay"].erase("mission");  // the summary is enough for the page
        }
        state["mission"] = mission;
        state["draft"] = draft_state();
        state["assist"] = assist_state();
        {
            const SimConfig& c = playback_.config;  // what the next run uses
            state["simSettings"] = {{"hours", c.hours}, {"demandScale", c.demand_scale}, {"seed", c.seed},
                                    {"dispatch", dispatch_name(c.dispatch)}, {"energyModel", energy_model_name(c.energy_model)},
                                    {"headway_s", c.lane_headway_s}, {"radius_m", c.conflict_radius_m}, {"vertical_m", c.conflict_vertical_m},
                                    {"lookahead_s", c.lookahead_s}};
        }
        if (playback_.running) state["simRun"] = {{"running", true}, {"progress", playback_.running->progress}, {"elapsedMs", playback_.running->elapsed_ms}};
        else state["simRun"] = {{"running", false}};
        if (playback_.result) {
            const Kpis& k = playback_.result->kpis;
            Json sim{{"orders", k.orders}, {"delivered", k.delivered}, {"onTimeShare", k.on_time_share}, {"conflicts", k.conflicts},
                     {"lossesOfSeparation", k.losses_of_separation}, {"runMs", playback_.run_ms}, {"longestSliceMs", playback_.longest_slice_ms}, {"slices", playback_.slices}, {"seed", playback_.config.seed}, {"ranSeed", playback_.ran.seed}, {"t_s", playback_.t_s},
                     {"playing", playback_.playing}, {"airborne", drones_.airborne.size()}, {"hovered", drones_.hovered}};
            if (!drones_.airborne.empty()) {
                const GeoPoint first = drones_.airborne.front().snapshot.position;
                sim["firstAirborne"] = {first.lat_deg, first.lon_deg};
                Json some = Json::array();  // the first few, in the order the pointer picks among them
                for (size_t i = 0; i < std::min<size_t>(drones_.airborne.size(), 40); ++i)
                    some.push_back({drones_.airborne[i].snapshot.position.lat_deg, drones_.airborne[i].snapshot.position.lon_deg});
                sim["airborneAt"] = some;
            }
            sim["encounters"] = playback_.encounter_count();
            if (!playback_.ran.restrictions.empty()) {
                const TemporaryRestriction& closed = playback_.ran.restrictions.front();
                Json polygon = Json::array();
                for (const GeoPoint& corner : closed.shape.polygon) polygon.push_back({corner.lat_deg, corner.lon_deg});
                const RestrictionKpis& x = k.restrictions;
                sim["restriction"] = {{"id", closed.id}, {"announcedS", closed.announced_s()}, {"startS", closed.start_s}, {"endS", closed.end_s}, {"polygon", polygon},
                                      {"replanned", x.replanned}, {"rerouted", x.rerouted}, {"delayed", x.delayed}, {"cancelled", x.cancelled},
                                      {"diverted", x.diverted}, {"airborneThrough", x.airborne_through}};
            }
            if (k.emergency.orders > 0)
                sim["emergency"] = {{"orders", k.emergency.orders}, {"delivered", k.emergency.delivered}, {"p50ResponseS", k.emergency.p50_response_s},
                                    {"p95ResponseS", k.emergency.p95_response_s}, {"maxResponseS", k.emergency.max_response_s},
                                    {"preempted", k.emergency.preempted}, {"gaveWay", k.emergency.gave_way}};
            if (k.sightseeing.departures > 0)
                sim["sightseeing"] = {{"departures", k.sightseeing.departures}, {"flown", k.sightseeing.flown}, {"late", k.sightseeing.late},
                                      {"cancelled", k.sightseeing.cancelled}, {"maxLateS", k.sightseeing.max_late_s}};
            if (under_pointer_ && under_pointer_->kind == "hub")
                if (const HubResult* h = playback_.hub_result(under_pointer_->id)) {
                    const size_t sample = playback_.sample_at(playback_.t_s);
                    sim["hubQueue"] = {{"hub", h->id}, {"sample", sample}, {"waiting", h->series[sample].waiting}, {"padQueue", h->series[sample].pad_queue},
                                       {"charging", h->series[sample].charging}};
                }
            if (playback_.pinned) {
                const Kpis& pk = playback_.pinned->kpis;
                sim["pinned"] = {{"orders", pk.orders}, {"delivered", pk.delivered}, {"onTimeShare", pk.on_time_share}, {"conflicts", pk.conflicts},
                                 {"demandScale", playback_.pinned->config.demand_scale}};
            }
            bool loss = false;
            if (const EncounterResult* e = playback_.encounter_at(playback_.encounter, &loss)) {
                const SimResult& day = *playback_.result;
                sim["encounter"] = {{"index", playback_.encounter}, {"kind", loss ? "loss_of_separation" : "conflict"},
                                    {"droneA", day.drones[size_t(day.flights[size_t(e->flight_a)].drone)].id},
                                    {"droneB", day.drones[size_t(day.flights[size_t(e->flight_b)].drone)].id}, {"closest_s", e->closest_s},
                                    {"horizontal_m", e->horizontal_m}, {"lat", e->where.lat_deg}, {"lon", e->where.lon_deg}};
            }
            state["sim"] = sim;
        }
        if (tour_.step >= 0 && tour_.step < int(tour_.steps.size())) {
            const TourStep& t = tour_.steps[size_t(tour_.step)];
            state["tour"] = {{"step", tour_.step}, {"steps", tour_.steps.size()}, {"id", t.id}, {"figure", t.figure}, {"shown", tour_figure(t)}, {"verdict", to_string(t.verdict)},
                             {"value", t.value}, {"at", {t.at.lat_deg, t.at.lon_deg}}, {"span_m", t.span_m}, {"view3d", t.view3d}, {"time_s", t.time_s}};
        }
    }
    Json rects = Json::object();
    for (const auto& [name, r] : ui_rects_) rects[name] = {r[0], r[1], r[2], r[3]};
    state["ui"] = rects;
    state["language"] = language_code(language());
    state["underPointer"] = under_pointer_ ? nlohmann::json{{"kind", under_pointer_->kind}, {"id", under_pointer_->id}} : nlohmann::json();
    auto xywh = [](const ScreenRect& r) { return Json::array({r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0}); };
    Json windows = Json::array(), labels = Json::array();
    for (const auto& r : covered_) windows.push_back(xywh(r));
    for (const auto& l : labels_) labels.push_back({{"text", l.text}, {"rect", xywh(l.box)}});
    state["windows"] = windows;
    state["labels"] = labels;
    if (scenario_) {
        const Autosaver& a = session_.autosaver();
        state["save"] = {{"state", to_string(a.state())}, {"status", session_.status()}, {"unsaved", a.unsaved()}, {"id", session_.id()},
                         {"name", session_.name()}};
        if (!share_link_.empty()) state["save"]["shareLink"] = share_link_;
        state["updateReady"] = update_ready_;
        if (session_.recent_loaded()) {
            Json recent = Json::array();
            for (const auto& d : session_.recent()) recent.push_back({{"id", d.id}, {"name", d.name}, {"bytes", d.bytes}});
            state["recent"] = recent;
        }
    }
    Json notices = Json::array();
    for (const auto& n : notices_) notices.push_back({{"title", n.title}, {"detail", n.detail}});
    state["notices"] = notices;
    return state.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace lowsky::web
