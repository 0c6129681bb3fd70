# Writes DIST/sw.js from TEMPLATE with a hash of the files it caches: every build whose files
# differ gets a service worker that differs, and browsers update to it.
set(_files lowsky.js lowsky.wasm lowsky.data lowsky_sweep_worker.js lowsky_sweep_worker.wasm index.html manifest.webmanifest icon.svg assets/gba.lsbm assets/gba_places.json assets/scenarios/gba.json)
set(_all "")
foreach(f IN LISTS _files)
  if(EXISTS "${DIST}/${f}")
    file(SHA256 "${DIST}/${f}" _h)
    string(APPEND _all "${_h}")
  endif()
endforeach()
string(SHA256 LOWSKY_BUILD_HASH "${_all}")
string(SUBSTRING "${LOWSKY_BUILD_HASH}" 0 16 LOWSKY_BUILD_HASH)
configure_file("${TEMPLATE}" "${DIST}/sw.js" @ONLY)
