# Run as a script: turns each shader file into a C++ string constant in one header, so the
# app needs no extra download and the GLSL stays in plain files under shaders/.
#   cmake -DOUT=... -DSHADERS="a.vert|b.frag" -P embed_shaders.cmake
set(content "// Generated from shaders/ by cmake/embed_shaders.cmake. Do not edit.\n#pragma once\n\nnamespace lowsky::shaders {\n")
string(REPLACE "|" ";" SHADERS "${SHADERS}")
foreach(file ${SHADERS})
  get_filename_component(name "${file}" NAME)
  string(REPLACE "." "_" name "${name}")
  file(READ "${file}" text)
  string(APPEND content "inline constexpr const char* ${name} = R\"glsl(${text})glsl\";\n")
endforeach()
string(APPEND content "}  // namespace lowsky::shaders\n")
file(WRITE "${OUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
