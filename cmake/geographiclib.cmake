# GeographicLib, compiled from Debian's source package (third_party/geographiclib) for both
# the native and the WebAssembly build, so that both compute the same geodesics.
set(GEOGRAPHICLIB_DIR "${LOWSKY_THIRD_PARTY}/geographiclib")
if(NOT EXISTS "${GEOGRAPHICLIB_DIR}/src/Geodesic.cpp")
  message(FATAL_ERROR "GeographicLib sources are missing in ${GEOGRAPHICLIB_DIR}: run scripts/test or scripts/serve, which fetch them")
endif()
# Its CMakeLists.txt sets PROJECT_VERSION_MAJOR/MINOR/PATCH; read them from there.
foreach(part MAJOR MINOR PATCH)
  file(STRINGS "${GEOGRAPHICLIB_DIR}/CMakeLists.txt" _line REGEX "^set \\(PROJECT_VERSION_${part} [0-9]+\\)")
  string(REGEX MATCH "[0-9]+\\)" _value "${_line}")
  string(REPLACE ")" "" GEO_VERSION_${part} "${_value}")
endforeach()
set(GEOGRAPHICLIB_VERSION "${GEO_VERSION_MAJOR}.${GEO_VERSION_MINOR}.${GEO_VERSION_PATCH}")
set(_geo_include "${CMAKE_BINARY_DIR}/geographiclib/include")
file(WRITE "${_geo_include}/GeographicLib/Config.h.tmp"
  "#define GEOGRAPHICLIB_VERSION_STRING \"${GEOGRAPHICLIB_VERSION}\"\n"
  "#define GEOGRAPHICLIB_VERSION_MAJOR ${GEO_VERSION_MAJOR}\n"
  "#define GEOGRAPHICLIB_VERSION_MINOR ${GEO_VERSION_MINOR}\n"
  "#define GEOGRAPHICLIB_VERSION_PATCH ${GEO_VERSION_PATCH}\n"
  "#define GEOGRAPHICLIB_DATA \"\"\n"
  "#define GEOGRAPHICLIB_HAVE_LONG_DOUBLE 0\n"
  "#define GEOGRAPHICLIB_WORDS_BIGENDIAN 0\n"
  "#define GEOGRAPHICLIB_PRECISION 2\n"
  "#if !defined(GEOGRAPHICLIB_SHARED_LIB)\n#define GEOGRAPHICLIB_SHARED_LIB 0\n#endif\n")
configure_file("${_geo_include}/GeographicLib/Config.h.tmp" "${_geo_include}/GeographicLib/Config.h" COPYONLY)

add_library(lowsky_geographiclib STATIC
  ${GEOGRAPHICLIB_DIR}/src/Math.cpp
  ${GEOGRAPHICLIB_DIR}/src/Geodesic.cpp
  ${GEOGRAPHICLIB_DIR}/src/GeodesicLine.cpp
  ${GEOGRAPHICLIB_DIR}/src/Geocentric.cpp
  ${GEOGRAPHICLIB_DIR}/src/LocalCartesian.cpp)
target_include_directories(lowsky_geographiclib SYSTEM PUBLIC "${_geo_include}" "${GEOGRAPHICLIB_DIR}/include")
set_target_properties(lowsky_geographiclib PROPERTIES POSITION_INDEPENDENT_CODE ON)
