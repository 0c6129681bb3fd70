#version 300 es
precision mediump float;

uniform bool u_points;  // markers; otherwise lines, in their fill colour

in vec4 v_fill;
in vec4 v_ring;
in vec2 v_radii;
out vec4 o_color;

void main() {
    if (!u_points) {
        o_color = v_fill;
        return;
    }
    // Device pixels from the marker's centre; edges smoothed over one pixel.
    float d = length(gl_PointCoord - 0.5) * (2.0 * v_radii.y + 2.0);
    float inside = clamp(v_radii.y + 0.5 - d, 0.0, 1.0);
    if (inside <= 0.0) discard;
    vec4 c = mix(v_ring, v_fill, clamp(v_radii.x + 0.5 - d, 0.0, 1.0));
    o_color = vec4(c.rgb, c.a * inside);
}
