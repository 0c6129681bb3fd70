#version 300 es
// Map geometry: positions are Web Mercator metres relative to a fixed origin near the Greater
// Bay Area, small enough for float32 to stay centimetre-exact at every zoom we allow.
layout(location = 0) in vec2 a_position_m;

uniform vec2 u_camera_m;   // camera centre, same origin
uniform vec2 u_m_to_ndc;   // 2 / (viewport size in metres), per axis

void main() {
    gl_Position = vec4((a_position_m - u_camera_m) * u_m_to_ndc, 0.0, 1.0);
}
