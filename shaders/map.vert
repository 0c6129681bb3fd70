#version 300 es
// Map geometry on the ground: positions are Web Mercator metres relative to a fixed origin near
// the Greater Bay Area, small enough for float32 to stay centimetre-exact at every zoom we allow.
layout(location = 0) in vec2 a_position_m;

uniform mat4 u_view_projection;  // (metres from the origin, height, 1) to clip space (MapCamera)

void main() {
    gl_Position = u_view_projection * vec4(a_position_m, 0.0, 1.0);
}
