#version 300 es
// Round markers (a disc in a ring) drawn as points, and thin lines, in CSS pixels: the
// playback's drones, thousands at a time (web/map/marker_renderer).
layout(location = 0) in vec2 a_at;     // CSS pixels from the top left
layout(location = 1) in vec2 a_size;   // the disc's radius and the ring's width, CSS pixels
layout(location = 2) in vec4 a_fill;
layout(location = 3) in vec4 a_ring;

uniform vec2 u_viewport;      // CSS pixels
uniform float u_pixel_ratio;  // device pixels per CSS pixel

out vec4 v_fill;
out vec4 v_ring;
out vec2 v_radii;  // the disc's and the ring's outer radius, device pixels

void main() {
    gl_Position = vec4(a_at.x / u_viewport.x * 2.0 - 1.0, 1.0 - a_at.y / u_viewport.y * 2.0, 0.0, 1.0);
    float outer = (a_size.x + a_size.y) * u_pixel_ratio;
    gl_PointSize = 2.0 * outer + 2.0;  // a pixel each side for the smoothed edge
    v_fill = a_fill;
    v_ring = a_ring;
    v_radii = vec2(a_size.x * u_pixel_ratio, outer);
}
