#version 300 es
// The airspace's solids in 3D (engine/view/airspace_volumes): Mercator metres from the map's
// origin and the height in metres, a colour per face, and the object each face belongs to.
layout(location = 0) in vec3 a_position;  // x, y: Mercator metres from the origin; z: metres AMSL
layout(location = 1) in vec4 a_color;
layout(location = 2) in float a_owner;

uniform mat4 u_view_projection;
uniform float u_selected;  // the selected object's owner index, or -1
uniform float u_alpha;     // fades the volumes in as the view tilts

out vec4 v_color;

void main() {
    gl_Position = u_view_projection * vec4(a_position, 1.0);
    vec4 c = a_color;
    // The selected object stands out: darker and more opaque.
    if (abs(a_owner - u_selected) < 0.5) c = vec4(mix(c.rgb, vec3(0.08, 0.08, 0.12), 0.35), min(1.0, c.a * 2.0));
    v_color = vec4(c.rgb, c.a * u_alpha);
}
