// The browser side of platform.h, on Emscripten's GLFW and HTML5 APIs.
#include "platform.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace lowsky::web {

namespace {

GLFWwindow* g_window = nullptr;
std::function<void()> g_frame;
bool g_input_activity = true;

struct Touch { long id; double x, y; };
// What two fingers on the map do is decided once per gesture, from how each has moved since
// both went down, and kept to its end: a browser under load hands on one finger's move at a
// time (the other's in the next event), and judged event by event such a tilt read as a pan.
enum class TwoFingers { undecided, tilt, pinch };
struct PinchTracker {
    Touch touches[2];  // at the last event
    Touch start[2];    // when the second finger went down
    int count = 0;
    TwoFingers mode = TwoFingers::undecided;
    PinchGesture pending;
} g_pinch;

void mark_activity() { g_input_activity = true; }

// One finger held on the canvas: where and since when, and whether it has moved away.
struct FingerHold {
    bool down = false, moved = false;
    double since_ms = 0, x = 0, y = 0;
} g_hold;
bool g_touch_input = false;
double g_last_touch_ms = -1e9;

// The orbit's drag: the right button, or the left with Ctrl, held; moves summed until taken.
struct OrbitDrag {
    bool down = false;
    double x = 0, y = 0;
    DragDelta pending;
} g_orbit;

// Input callbacks installed before ImGui's backend, which chains to them.
void on_cursor(GLFWwindow*, double x, double y) {
    mark_activity();
    if (g_orbit.down) {
        g_orbit.pending.dx += float(x - g_orbit.x);
        g_orbit.pending.dy += float(y - g_orbit.y);
        g_orbit.x = x, g_orbit.y = y;
    }
}
std::vector<MouseButtonEvent> g_mouse_events;
// Every press and release in order, where it happened: a quick click can fall between two
// frames, where Dear ImGui 1.86 may see the press and never the release.
void on_button(GLFWwindow* window, int button, int action, int mods) {
    mark_activity();
    double x = 0, y = 0;
    glfwGetCursorPos(window, &x, &y);
    if (g_mouse_events.size() < 64) g_mouse_events.push_back({button, action == GLFW_PRESS, float(x), float(y)});
    if (action == GLFW_PRESS && (button == 1 || (button == 0 && (mods & GLFW_MOD_CONTROL)))) g_orbit.down = true, g_orbit.x = x, g_orbit.y = y;
    if (action == GLFW_RELEASE && (button == 1 || button == 0)) g_orbit.down = false;
}
void on_scroll(GLFWwindow*, double, double) { mark_activity(); }
std::vector<KeyPress> g_key_presses;

// Dear ImGui 1.86 reads keys as held or not when a frame starts: a press and release that both
// come between two frames (a quick tap, or a test's key press) are never seen, and Ctrl+A,
// Enter or Delete in a text field go missing. So keys and characters reach it through a queue,
// delivered when a frame starts, up to the release of a key pressed in the same delivery: the
// rest waits for the next frame, in order.
struct QueuedKey {
    bool is_char;
    int key, scancode, action, mods;
    unsigned int codepoint;
};
bool g_double_click = false;

// The browser's dblclick: two clicks can fall within one frame, where Dear ImGui sees one.
EM_BOOL on_dblclick(int, const EmscriptenMouseEvent* e, void*) {
    if (e->button == 0) g_double_click = true;
    mark_activity();
    return EM_FALSE;
}

GLFWkeyfun g_inner_key = nullptr;        // Dear ImGui's, which chains to on_key
GLFWcharfun g_inner_char = nullptr;      // ... and on_char
std::vector<QueuedKey> g_key_queue;
void on_key_outer(GLFWwindow*, int key, int scancode, int action, int mods) {
    g_key_queue.push_back({false, key, scancode, action, mods, 0});
    g_input_activity = true;
}
void on_char_outer(GLFWwindow*, unsigned int codepoint) {
    g_key_queue.push_back({true, 0, 0, 0, 0, codepoint});
    g_input_activity = true;
}

void on_key(GLFWwindow*, int key, int, int action, int mods) {
    mark_activity();
    if ((action == GLFW_PRESS || action == GLFW_REPEAT) && g_key_presses.size() < 64) g_key_presses.push_back({key, mods, action == GLFW_REPEAT});
}
void on_char(GLFWwindow*, unsigned int) { mark_activity(); }

void main_loop_trampoline() { if (g_frame) g_frame(); }

ScrollCallback g_scroll = nullptr;

// One notch is 100 pixels, 3 lines or a twentieth of a page, whichever the browser reports.
double wheel_notches(double delta, unsigned long mode) {
    switch (mode) {
        case DOM_DELTA_PIXEL: return delta / 100.0;
        case DOM_DELTA_LINE: return delta / 3.0;
        default: return delta * 20.0;
    }
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    mark_activity();
    if (g_scroll) g_scroll(g_window, -wheel_notches(e->deltaX, e->deltaMode), -wheel_notches(e->deltaY, e->deltaMode));
    return EM_TRUE;  // the page itself never scrolls
}

// A mouse that moves, well after the last touch (a browser sends mouse events of its own just
// after a tap), means the pointer is a mouse again.
EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent*, void*) {
    if (emscripten_get_now() - g_last_touch_ms > 1000) g_touch_input = false;
    return EM_FALSE;
}

// Side by side, both moved up or down by about as much and keeping their distance: a tilt (as
// the 3D views of other maps take it); anything else pans, zooms and turns.
bool is_tilt(const Touch a[2], const Touch now[2]) {
    const double d0x = now[0].x - a[0].x, d0y = now[0].y - a[0].y, d1x = now[1].x - a[1].x, d1y = now[1].y - a[1].y;
    const double before = std::hypot(a[1].x - a[0].x, a[1].y - a[0].y), after = std::hypot(now[1].x - now[0].x, now[1].y - now[0].y);
    const bool side_by_side = std::abs(a[1].x - a[0].x) > 2 * std::abs(a[1].y - a[0].y);
    const bool together = d0y * d1y > 0 && std::abs(d0y) > 2 * std::abs(d0x) && std::abs(d1y) > 2 * std::abs(d1x);
    return side_by_side && together && std::abs(after - before) < 0.25 * std::abs(d0y + d1y);
}

// The fingers' move from `a` to `now` as the gesture's mode takes it.
void move_fingers(const Touch a[2], const Touch now[2]) {
    PinchGesture& g = g_pinch.pending;
    g.active = true;
    g.center_x_px = (now[0].x + now[1].x) / 2;
    g.center_y_px = (now[0].y + now[1].y) / 2;
    if (g_pinch.mode == TwoFingers::tilt) {
        g.tilt_dy_px += (now[0].y - a[0].y + now[1].y - a[1].y) / 2;
        return;
    }
    g.pan_dx_px += (now[0].x + now[1].x - a[0].x - a[1].x) / 2;
    g.pan_dy_px += (now[0].y + now[1].y - a[0].y - a[1].y) / 2;
    const double before = std::hypot(a[1].x - a[0].x, a[1].y - a[0].y), after = std::hypot(now[1].x - now[0].x, now[1].y - now[0].y);
    if (before > 1.0 && after > 1.0) {
        g.scale *= after / before;
        double turn = std::atan2(now[1].y - now[0].y, now[1].x - now[0].x) - std::atan2(a[1].y - a[0].y, a[1].x - a[0].x);
        if (turn > M_PI) turn -= 2 * M_PI;
        if (turn < -M_PI) turn += 2 * M_PI;
        g.turn_deg += turn * 180 / M_PI;  // y is down: a positive angle turns clockwise
    }
}

// Whether `now` holds the two fingers the pinch follows, put in its order if so (matched by
// identifier: a browser need not list them in the same order in every event).
bool same_two_fingers(Touch now[2]) {
    if (g_pinch.count != 2) return false;
    if (now[0].id == g_pinch.touches[1].id && now[1].id == g_pinch.touches[0].id) std::swap(now[0], now[1]);
    return now[0].id == g_pinch.touches[0].id && now[1].id == g_pinch.touches[1].id;
}

// Two fingers that were down before and are still listed move the map. Until both have moved a
// little (or one a lot, about a resting thumb) nothing moves and the gesture is undecided; then
// its mode is taken from their whole way since they went down, and that way is not lost.
void accumulate_pinch(Touch now[2], double ratio) {
    if (!same_two_fingers(now)) return;
    if (g_pinch.mode != TwoFingers::undecided) return move_fingers(g_pinch.touches, now);
    constexpr double kBoth_px = 4, kOne_px = 24;  // CSS pixels
    const Touch* s = g_pinch.start;
    const double m0 = std::hypot(now[0].x - s[0].x, now[0].y - s[0].y), m1 = std::hypot(now[1].x - s[1].x, now[1].y - s[1].y);
    if (std::min(m0, m1) < kBoth_px * ratio && std::max(m0, m1) < kOne_px * ratio) return;
    g_pinch.mode = is_tilt(s, now) ? TwoFingers::tilt : TwoFingers::pinch;
    move_fingers(s, now);
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    mark_activity();
    const double ratio = emscripten_get_device_pixel_ratio();
    // Where the fingers are: on a touchend, those lifted too (listed as changed), at the place
    // they left the screen. A loaded browser coalesces or drops moves, and the last of them can
    // be known only from the lift; the pinch takes it before the lifted fingers are let go.
    Touch listed[2], now[2];
    int n_listed = 0, n = 0;
    for (int i = 0; i < e->numTouches && type != EMSCRIPTEN_EVENT_TOUCHCANCEL; ++i) {
        const Touch t{e->touches[i].identifier, e->touches[i].targetX * ratio, e->touches[i].targetY * ratio};
        if (n_listed < 2) listed[n_listed++] = t;
        if (n < 2 && !(type == EMSCRIPTEN_EVENT_TOUCHEND && e->touches[i].isChanged)) now[n++] = t;
    }
    if (n_listed == 2) accumulate_pinch(listed, ratio);
    if (n == 2 && !same_two_fingers(now)) {  // a new two-finger gesture
        g_pinch.start[0] = now[0], g_pinch.start[1] = now[1];
        g_pinch.mode = TwoFingers::undecided;
    }
    g_pinch.count = n;
    for (int i = 0; i < n; ++i) g_pinch.touches[i] = now[i];
    g_touch_input = true;
    g_last_touch_ms = emscripten_get_now();
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART && n == 1) g_hold = {true, false, g_last_touch_ms, now[0].x, now[0].y};
    else if (n != 1) g_hold.down = false;
    else if (std::hypot(now[0].x - g_hold.x, now[0].y - g_hold.y) > 10 * ratio) g_hold.moved = true;
    // Two fingers are ours; one finger reaches GLFW as a mouse drag (js_bridge_touch_to_mouse).
    return n == 2 ? EM_TRUE : EM_FALSE;
}

// window.lowsky.state is built when read: the app calls nothing per frame for it.
// Emscripten 3.1.6's GLFW takes every touch for a press or release where the mouse last was:
// it never reads where the finger is. A one-finger drag then moved nothing, and lifting two
// fingers after a tap on the 3D button pressed that button again. Its touch listeners go, and
// here one finger that moves past a tap's slop becomes a mouse drag from where it went down; a
// tap reaches GLFW as the browser's own mouse events after it, and a second finger ends the
// drag (two fingers are the app's pinch, on_touch).
EM_JS(void, js_bridge_touch_to_mouse, (), {
    var canvas = Module['canvas'];
    if (typeof GLFW === 'undefined' || !canvas) return;
    canvas.removeEventListener('touchmove', GLFW.onMousemove, true);
    canvas.removeEventListener('touchstart', GLFW.onMouseButtonDown, true);
    canvas.removeEventListener('touchcancel', GLFW.onMouseButtonUp, true);
    canvas.removeEventListener('touchend', GLFW.onMouseButtonUp, true);
    var kSlop = 12;  // CSS pixels: less is a tap, which the browser's mouse events carry
    var start = null, dragging = false, last = null;
    var mouse = function(type, t) { return { type: type, target: canvas, button: 0, pageX: t.pageX, pageY: t.pageY }; };
    var end = function() {
        if (dragging) GLFW.onMouseButtonUp(mouse('mouseup', last));
        dragging = false;
        start = null;
    };
    canvas.addEventListener('touchstart', function(e) {
        if (e.touches.length === 1) { start = last = { pageX: e.touches[0].pageX, pageY: e.touches[0].pageY }; dragging = false; }
        else end();
    }, true);
    canvas.addEventListener('touchmove', function(e) {
        if (!start || e.touches.length !== 1) return;
        last = { pageX: e.touches[0].pageX, pageY: e.touches[0].pageY };
        if (!dragging) {
            if (Math.hypot(last.pageX - start.pageX, last.pageY - start.pageY) < kSlop) return;
            GLFW.onMousemove(mouse('mousemove', start));
            GLFW.onMouseButtonDown(mouse('mousedown', start));
            dragging = true;
        }
        GLFW.onMousemove(mouse('mousemove', last));
    }, true);
    canvas.addEventListener('touchend', function(e) { if (e.touches.length === 0) end(); }, true);
    canvas.addEventListener('touchcancel', end, true);
});

EM_JS(void, js_install_state, (), {
    window.lowsky = window.lowsky || {};
    Object.defineProperty(window.lowsky, 'state', {
        configurable: true,
        get: function() { return JSON.parse(UTF8ToString(Module._lowsky_state_json())); },
    });
});

EM_JS(void, js_notify_first_frame, (), {
    window.lowsky = window.lowsky || {};
    window.lowsky.firstFrameMs = performance.now();
    if (typeof window.lowskyShellReady === 'function') window.lowskyShellReady();
});

EM_JS(void, js_notify_ready, (), {
    window.lowsky = window.lowsky || {};
    window.lowsky.ready = true;
    window.lowsky.readyMs = performance.now();
});

struct FetchRequest {
    std::function<void(Result<std::vector<uint8_t>>)> done;
    std::string url;
};

void on_fetch_loaded(void* arg, void* data, int size) {
    auto* request = static_cast<FetchRequest*>(arg);
    const auto* bytes = static_cast<const uint8_t*>(data);
    request->done(std::vector<uint8_t>(bytes, bytes + size));
    delete request;
    mark_activity();
}

void on_fetch_failed(void* arg) {
    auto* request = static_cast<FetchRequest*>(arg);
    request->done(make_error("could not be loaded (missing or unreadable)", request->url));
    delete request;
    mark_activity();
}

EM_JS(void, js_save_file, (const char* name, const uint8_t* data, int size, const char* mime), {
    // Copy out of the heap at once: memory growth would invalidate a view.
    const bytes = HEAPU8.slice(data, data + size);
    const blob = new Blob([bytes], {type: UTF8ToString(mime)});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 0);
});

EM_JS(void, js_open_file, (int request, const char* accept), {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.style.display = 'none';
    input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        input.remove();
        if (!file) return;
        file.arrayBuffer().then((buffer) => {
            const bytes = new Uint8Array(buffer);
            const data = _malloc(Math.max(1, bytes.length));
            HEAPU8.set(bytes, data);
            const nameLength = lengthBytesUTF8(file.name) + 1;
            const name = _malloc(nameLength);
            stringToUTF8(file.name, name, nameLength);
            _lowsky_file_opened(request, name, data, bytes.length);
            _free(name);
            _free(data);
        });
    });
    document.body.appendChild(input);
    input.click();
});

std::vector<std::pair<int, std::function<void(std::string, std::vector<uint8_t>)>>> g_open_requests;
int g_next_open_request = 1;

}  // namespace

bool platform_init(std::string& error) {
    if (!glfwInit()) {
        error = "GLFW could not start";
        return false;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_SAMPLES, 4);
    const CanvasSize size = platform_sync_canvas_size();
    g_window = glfwCreateWindow(size.width_px, size.height_px, "lowsky", nullptr, nullptr);
    if (!g_window) {
        error = "WebGL2 is not available in this browser";
        return false;
    }
    glfwMakeContextCurrent(g_window);
    js_bridge_touch_to_mouse();
    glfwSetCursorPosCallback(g_window, on_cursor);
    glfwSetMouseButtonCallback(g_window, on_button);
    glfwSetScrollCallback(g_window, on_scroll);
    glfwSetKeyCallback(g_window, on_key);
    glfwSetCharCallback(g_window, on_char);
    emscripten_set_dblclick_callback("#canvas", nullptr, EM_TRUE, on_dblclick);
    emscripten_set_mousemove_callback("#canvas", nullptr, EM_TRUE, on_mouse_move);
    emscripten_set_touchstart_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback("#canvas", nullptr, EM_TRUE, on_touch);
    return true;
}

GLFWwindow* platform_window() { return g_window; }

CanvasSize platform_sync_canvas_size() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    CanvasSize size;
    size.pixel_ratio = emscripten_get_device_pixel_ratio();
    if (!(size.pixel_ratio > 0)) size.pixel_ratio = 1.0;
    size.width_px = std::max(1, int(std::lround(css_w * size.pixel_ratio)));
    size.height_px = std::max(1, int(std::lround(css_h * size.pixel_ratio)));
    if (g_window) {
        int w = 0, h = 0;
        glfwGetWindowSize(g_window, &w, &h);
        // GLFW's Emscripten port sets the backing store and leaves the CSS size to the page.
        if (w != size.width_px || h != size.height_px) {
            glfwSetWindowSize(g_window, size.width_px, size.height_px);
            mark_activity();
        }
    }
    return size;
}

void platform_route_wheel(ScrollCallback scroll) {
    g_scroll = scroll;
    glfwSetScrollCallback(g_window, on_scroll);  // GLFW's raw deltas now only count as activity
    emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE, on_wheel);
}

void platform_run(std::function<void()> frame) {
    g_frame = std::move(frame);
    emscripten_set_main_loop(main_loop_trampoline, 0, true);
}

void platform_wrap_key_callback() {
    g_inner_key = glfwSetKeyCallback(g_window, on_key_outer);
    g_inner_char = glfwSetCharCallback(g_window, on_char_outer);
}

void platform_frame_begin() {
    std::vector<int> pressed;
    size_t i = 0;
    for (; i < g_key_queue.size(); ++i) {
        const QueuedKey& k = g_key_queue[i];
        if (k.is_char) {
            if (g_inner_char) g_inner_char(g_window, k.codepoint);
            continue;
        }
        if (k.action == GLFW_RELEASE && std::find(pressed.begin(), pressed.end(), k.key) != pressed.end()) break;
        if (k.action == GLFW_PRESS) pressed.push_back(k.key);
        if (g_inner_key) g_inner_key(g_window, k.key, k.scancode, k.action, k.mods);
    }
    g_key_queue.erase(g_key_queue.begin(), g_key_queue.begin() + long(i));
    if (!g_key_queue.empty()) g_input_activity = true;  // another frame for the rest
}

// What input gathered since the last frame, handed over and cleared.
template <typename T>
T take(T& gathered) { return std::exchange(gathered, T{}); }

std::vector<MouseButtonEvent> platform_take_mouse_buttons() { return take(g_mouse_events); }
DragDelta platform_take_orbit_drag() {
    DragDelta d = g_orbit.pending;
    d.held = g_orbit.down;
    g_orbit.pending = {};
    return d;
}
bool platform_take_double_click() { return take(g_double_click); }
std::vector<KeyPress> platform_take_key_presses() { return take(g_key_presses); }
bool platform_take_input_activity() { return take(g_input_activity); }

PinchGesture platform_take_pinch() {
    PinchGesture g = g_pinch.pending;
    g_pinch.pending = PinchGesture{};
    return g;
}

void platform_fetch(const std::string& url, std::function<void(Result<std::vector<uint8_t>>)> done) {
    auto* request = new FetchRequest{std::move(done), url};
    emscripten_async_wget_data(url.c_str(), request, on_fetch_loaded, on_fetch_failed);
}

void platform_install_state() { js_install_state(); }
void platform_notify_first_frame() { js_notify_first_frame(); }
void platform_notify_ready() { js_notify_ready(); }
double platform_now_ms() { return emscripten_get_now(); }

bool platform_touch_input() { return g_touch_input; }
bool platform_finger_down() { return g_hold.down; }

std::optional<std::array<float, 2>> platform_long_press(double hold_ms) {
    if (!g_hold.down || g_hold.moved || emscripten_get_now() - g_hold.since_ms < hold_ms) return std::nullopt;
    return std::array<float, 2>{float(g_hold.x), float(g_hold.y)};
}
EM_JS(double, js_date_now, (), { return Date.now(); });
double platform_wall_clock_ms() { return js_date_now(); }
void platform_request_frames() { mark_activity(); }

}  // namespace lowsky::web

namespace lowsky::web {

void platform_save_file(const std::string& filename, const std::vector<uint8_t>& bytes, const std::string& mime_type) {
    js_save_file(filename.c_str(), bytes.data(), int(bytes.size()), mime_type.c_str());
}

void platform_open_file(const std::string& accept, std::function<void(std::string, std::vector<uint8_t>)> done) {
    const int id = g_next_open_request++;
    g_open_requests.push_back({id, std::move(done)});
    js_open_file(id, accept.c_str());
}

}  // namespace lowsky::web

extern "C" EMSCRIPTEN_KEEPALIVE void lowsky_file_opened(int request, const char* name, const uint8_t* data, int size) {
    using namespace lowsky::web;
    for (auto it = g_open_requests.begin(); it != g_open_requests.end(); ++it) {
        if (it->first != request) continue;
        auto done = std::move(it->second);
        g_open_requests.erase(it);
        done(name, std::vector<uint8_t>(data, data + size));
        mark_activity();
        return;
    }
}
