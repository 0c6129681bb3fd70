#pragma once
// The one seam between the app and the browser: window and GL context, canvas size, the
// main loop, asset fetching, touch gestures, and what the page (and the tests) can read of
// the app's state. #ifdef __EMSCRIPTEN__ lives only behind this header.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/document_store.h"

struct GLFWwindow;

namespace lowsky::web {

struct CanvasSize {
    int width_px = 1;       // backing store, device pixels
    int height_px = 1;
    double pixel_ratio = 1.0;
};

// A two-finger gesture accumulated since the last call: pan in device pixels, zoom as a
// factor of distance between the fingers, around a centre in device pixels.
struct PinchGesture {
    bool active = false;
    double pan_dx_px = 0, pan_dy_px = 0;
    double scale = 1.0;
    double center_x_px = 0, center_y_px = 0;
    double turn_deg = 0;  // how far the line between the fingers turned, clockwise on the screen
    double tilt_dy_px = 0;  // both fingers moved up or down together, side by side: a tilt in 3D
};

// Creates the WebGL2 context (with 4x MSAA) and its window. False if WebGL2 is
// unavailable; the message says why.
bool platform_init(std::string& error);
GLFWwindow* platform_window();

// Keeps the canvas backing store at CSS size x devicePixelRatio; returns the current size.
CanvasSize platform_sync_canvas_size();

// Emscripten's GLFW passes raw browser wheel deltas (pixels, positive = down). This takes
// the wheel over and hands `scroll` GLFW's native convention instead: notches, positive = up.
using ScrollCallback = void (*)(GLFWwindow*, double x_notches, double y_notches);
void platform_route_wheel(ScrollCallback scroll);

// Runs frame() once per display refresh, forever.
void platform_run(std::function<void()> frame);

// Any input since the last call (mouse, keys, wheel, touch, resize).
bool platform_take_input_activity();

// The keys pressed since the last call (GLFW key codes and modifier bits), in order.
struct KeyPress {
    int key;
    int mods;
    bool repeat;
};
std::vector<KeyPress> platform_take_key_presses();

// The mouse buttons pressed and released since the last call, in order, with where (pixels).
struct MouseButtonEvent {
    int button;
    bool down;
    float x, y;
};
std::vector<MouseButtonEvent> platform_take_mouse_buttons();

// How far the mouse moved, in pixels, with the right button held (or the left with Ctrl) since
// the last call: every move counts, also those of a drag that starts and ends between frames.
struct DragDelta {
    float dx = 0, dy = 0;
    bool held = false;  // the button is still down
};
DragDelta platform_take_orbit_drag();

// Call once Dear ImGui's GLFW backend is installed: keys and characters then reach it through
// a queue that platform_frame_begin (before every frame) delivers so that each press is seen
// by a frame before its release.
void platform_wrap_key_callback();
void platform_frame_begin();

// Whether the browser reported a double-click of the left button since the last call.
bool platform_take_double_click();

// Touch has no hover. Whether the last pointer was a finger (a mouse that moves makes it false),
// and where one finger has been held still on the canvas for `hold_ms` or longer (a long
// press, in device pixels), else nullopt. platform_finger_down(): one finger is on the canvas.
bool platform_touch_input();
bool platform_finger_down();
std::optional<std::array<float, 2>> platform_long_press(double hold_ms);
PinchGesture platform_take_pinch();

// Fetches a file served beside the app. done() runs later, on the main thread.
void platform_fetch(const std::string& url, std::function<void(Result<std::vector<uint8_t>>)> done);

// Offers bytes to the user as a download named `filename`.
void platform_save_file(const std::string& filename, const std::vector<uint8_t>& bytes, const std::string& mime_type);

// Asks the user for a file (`accept`: ".plan,.waypoints,..."); done(name, bytes) runs later,
// only if a file was chosen.
void platform_open_file(const std::string& accept, std::function<void(std::string, std::vector<uint8_t>)> done);

// Installs window.lowsky.state (the app's state, built when read); tells the page when the
// first frame is on screen (window.lowsky.firstFrameMs) and when the assets have settled
// and been drawn (window.lowsky.ready).
void platform_install_state();  // window.lowsky.state, built on demand by lowsky_state_json()
void platform_notify_first_frame();
void platform_notify_ready();

double platform_now_ms();
double platform_wall_clock_ms();
// Something happened outside the input events (a stored document arrived): draw frames.
void platform_request_frames();  // milliseconds since 1970, for dates shown to people

// Persistence (web/browser_store.cpp): scenario documents in IndexedDB, settings (small
// strings: the view, the open panels) in localStorage. Either may be unavailable (a private
// window, a full disk): the store answers with an error that says so, a setting is not kept.
DocumentStore& platform_document_store();
std::optional<std::string> platform_setting(const std::string& key);
bool platform_set_setting(const std::string& key, const std::string& value);

// Share links: the document deflated into the URL's fragment with the view ("lat,lon,zoom");
// done(link) runs once the link is in the address bar (and the clipboard, when allowed).
void platform_make_share_link(const std::string& document, const std::string& view, std::function<void(std::string)> done);
// If the page was opened with a share link: true, and done(document or why not, view) later.
bool platform_take_share_link(std::function<void(Result<std::string>, std::string)> done);

// If the page was opened at #tour (the guided tour's link): true, once.
bool platform_take_tour_link();

// A new build is waiting in the service worker: take it (the page reloads).
void platform_apply_update();

// Files dropped on the map.
void platform_on_file_dropped(std::function<void(std::string, std::vector<uint8_t>)> handler);

}  // namespace lowsky::web
