#include "page_api.h"

#include <emscripten.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app.h"
#include "platform.h"

namespace lowsky::web {

namespace {
App* g_app = nullptr;

EM_JS(void, js_report_fatal, (const char* message), {
    if (typeof window.lowskyShellFatal === 'function') window.lowskyShellFatal(UTF8ToString(message));
});
}  // namespace

void attach_page_api(App* app) { g_app = app; }
void report_fatal(const std::string& message) { js_report_fatal(message.c_str()); }

}  // namespace lowsky::web

using lowsky::web::g_app;

extern "C" {

// The app's state as JSON (window.lowsky.state reads it): valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* lowsky_state_json() {
    static std::string text;
    text = g_app ? g_app->state_json() : "{}";
    return text.c_str();
}

// The scenario document as the engine holds it, in the form lowsky saves (the tests read the
// result of an edit here, not from what the interface shows): valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* lowsky_document_json() {
    static std::string text;
    text = g_app ? g_app->document_json() : "";
    return text.c_str();
}

// Opens a scenario document (its JSON text): 1 when opened, 0 when refused (a notice says why).
EMSCRIPTEN_KEEPALIVE int lowsky_open_scenario_json(const char* text) {
    return g_app && text && g_app->open_scenario(text, "opened document") ? 1 : 0;
}

// The service worker has a new build waiting (web/shell.html): the app offers a reload.
EMSCRIPTEN_KEEPALIVE void lowsky_update_ready() {
    if (g_app) g_app->update_ready();
}

// Where a WGS84 point is on the page, in CSS pixels from the canvas's top-left corner.
EMSCRIPTEN_KEEPALIVE double lowsky_geo_to_css_x(double lat_deg, double lon_deg) {
    double x = 0, y = 0;
    if (g_app) g_app->camera().geo_to_screen({lat_deg, lon_deg}, x, y);
    return g_app ? x / g_app->camera().pixel_ratio() : 0;
}

EMSCRIPTEN_KEEPALIVE double lowsky_geo_to_css_y(double lat_deg, double lon_deg) {
    double x = 0, y = 0;
    if (g_app) g_app->camera().geo_to_screen({lat_deg, lon_deg}, x, y);
    return g_app ? y / g_app->camera().pixel_ratio() : 0;
}

// The same for a point at a height (metres AMSL): where the 3D view draws it.
EMSCRIPTEN_KEEPALIVE double lowsky_geo_height_to_css_x(double lat_deg, double lon_deg, double height_m) {
    double x = 0, y = 0;
    if (g_app) g_app->camera().geo_to_screen({lat_deg, lon_deg}, x, y, height_m);
    return g_app ? x / g_app->camera().pixel_ratio() : 0;
}

EMSCRIPTEN_KEEPALIVE double lowsky_geo_height_to_css_y(double lat_deg, double lon_deg, double height_m) {
    double x = 0, y = 0;
    if (g_app) g_app->camera().geo_to_screen({lat_deg, lon_deg}, x, y, height_m);
    return g_app ? y / g_app->camera().pixel_ratio() : 0;
}

// Turns the map layer cache off (0) or on: the browser test draws the same frame both ways and
// compares the pixels. The next frame is drawn.
EMSCRIPTEN_KEEPALIVE void lowsky_set_map_cache(int on) {
    if (g_app) g_app->set_map_cache(on != 0);
}

// Draws `count` frames back to back with nothing changing and returns the median CPU time of
// one, in milliseconds: the cost of redrawing an idle map.
EMSCRIPTEN_KEEPALIVE double lowsky_measure_redraw_ms(int count) {
    if (!g_app || count <= 0) return -1;
    std::vector<double> times;
    for (int i = 0; i < count; ++i) {
        g_app->draw_frame();
        times.push_back(g_app->stats().last_cpu_ms);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Draws `count` frames, the view turned by `step_deg` before each (in 3D the faces are sorted
// again every frame), and returns each frame's CPU time and its own work before the GL
// submission, as JSON {"cpu": [...], "update": [...]} (milliseconds): valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* lowsky_measure_turning_frames(int count, double step_deg) {
    static std::string text;
    std::string cpu, update;
    for (int i = 0; g_app && i < count; ++i) {
        g_app->turn_view(step_deg);
        g_app->draw_frame();
        cpu += (i ? "," : "") + std::to_string(g_app->stats().last_cpu_ms);
        update += (i ? "," : "") + std::to_string(g_app->stats().last_update_ms);
    }
    text = "{\"cpu\":[" + cpu + "],\"update\":[" + update + "]}";
    return text.c_str();
}

// Shows the simulated day at `t_s` seconds, paused: 1, or 0 when no day has been simulated.
EMSCRIPTEN_KEEPALIVE int lowsky_seek_playback(double t_s) { return g_app && g_app->seek_playback(t_s) ? 1 : 0; }

}  // extern "C"

extern "C" {

// Runs the per-refresh frame function `count` times and returns the mean milliseconds per
// call. On an idle map that is the cost of a refresh with nothing to draw.
EMSCRIPTEN_KEEPALIVE double lowsky_measure_refresh_ms(int count) {
    if (!g_app || count <= 0) return -1;
    const double start = lowsky::web::platform_now_ms();
    for (int i = 0; i < count; ++i) g_app->frame();
    return (lowsky::web::platform_now_ms() - start) / count;
}

}  // extern "C"
