# Header-only libraries from Debian's packages. The WebAssembly build must not see
# /usr/include as a whole (host libc headers break it), so each library gets a folder of its
# own in the build tree that links to just that library; native builds use the same folder,
# so both include <nlohmann/json.hpp> and <Eigen/Dense> alike.
set(LOWSKY_SYSDEPS_INCLUDE "${CMAKE_BINARY_DIR}/sysdeps/include")
file(MAKE_DIRECTORY "${LOWSKY_SYSDEPS_INCLUDE}")
foreach(pair "nlohmann=/usr/include/nlohmann" "Eigen=/usr/include/eigen3/Eigen")
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 name)
  list(GET parts 1 target)
  if(NOT EXISTS "${target}")
    message(FATAL_ERROR "${target} is missing: run scripts/test or scripts/serve, which install it")
  endif()
  if(NOT EXISTS "${LOWSKY_SYSDEPS_INCLUDE}/${name}")
    file(CREATE_LINK "${target}" "${LOWSKY_SYSDEPS_INCLUDE}/${name}" SYMBOLIC)
  endif()
endforeach()
add_library(lowsky_sysdeps INTERFACE)
target_include_directories(lowsky_sysdeps SYSTEM INTERFACE "${LOWSKY_SYSDEPS_INCLUDE}")
# No implicit conversions (a read says its type); no exceptions (cmake/exceptions.cmake).
target_compile_definitions(lowsky_sysdeps INTERFACE JSON_USE_IMPLICIT_CONVERSIONS=0 JSON_NOEXCEPTION)
