#version 300 es
precision mediump float;

uniform sampler2D u_layer;
out vec4 o_color;

void main() {
    // Pixel for pixel: the texture is the framebuffer's size, so no filtering.
    o_color = texelFetch(u_layer, ivec2(gl_FragCoord.xy), 0);
}
