# One exception policy for every build (docs/robustness.md, "No exception crosses..."):
# lowsky's own code neither throws nor catches. Its targets compile with -fno-exceptions on
# every target (native, WebAssembly, fuzzers), so a throw that slipped in does not compile, and
# nlohmann/json gets JSON_NOEXCEPTION on every translation unit (its headers must read the same
# in each, or the linker would mix two versions of one inline function): where it would have
# thrown, it aborts, natively and in the browser alike, so the fuzzers see what the page would.
# What still throws is outside code: the C++ library (out of memory) and GeographicLib, whose
# constructors throw on a non-positive ellipsoid axis (we pass only WGS84's constants). So the
# WebAssembly link keeps throwing support and says catching is off: any such throw aborts, as
# it does natively when it meets our -fno-exceptions frames. The Catch2 tests alone compile
# with exceptions, because Catch2 reports through them.
function(lowsky_no_exceptions target)
  target_compile_options(${target} PRIVATE -fno-exceptions)
  if(EMSCRIPTEN)
    get_target_property(_type ${target} TYPE)
    if(_type STREQUAL "EXECUTABLE")
      target_link_options(${target} PRIVATE -sDISABLE_EXCEPTION_CATCHING=1)
    endif()
  endif()
endfunction()
