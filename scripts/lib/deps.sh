#!/usr/bin/env bash
# Installs what lowsky needs, idempotently: Debian packages, the Debian source packages
# compiled to WebAssembly (Dear ImGui, GeographicLib) and the npm packages of the lockfile.
# Each step is skipped when its result is already there, so a second run takes a second.
# Sourced by scripts/serve and scripts/test; callers set ROOT.
set -euo pipefail

THIRD_PARTY="$ROOT/third_party"   # ignored by git: fetched sources live here

# Packages every build needs; the browser only where the browser tests run.
DEB_BUILD=(cmake ninja-build g++ emscripten libeigen3-dev nlohmann-json3-dev catch2
           dpkg-dev nodejs fonts-roboto-unhinted fonts-droid-fallback python3-fonttools)
DEB_TEST=(chromium)
DEB_FUZZ=(clang libclang-rt-14-dev)

log() { printf '\033[1m[lowsky]\033[0m %s\n' "$*" >&2; }

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    sudo_if_needed apt-get update -q >/dev/null
    apt_updated=1
  fi
}

install_debs() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_update_once
  log "installing Debian packages: ${missing[*]}"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# Fetches Debian source package $1 and unpacks its upstream tarball into third_party/$2.
# A private lists folder keeps the machine's binary package lists intact (TOOLCHAIN.md).
fetch_source_package() {
  local pkg=$1 dest=$2 marker=$3
  [ -f "$THIRD_PARTY/$dest/$marker" ] && return 0
  log "fetching Debian source package $pkg"
  local work; work=$(mktemp -d)
  mkdir -p "$work/lists/partial"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$work/src.sources"
  local opts=(-o Dir::Etc::sourcelist="$work/src.sources" -o Dir::Etc::sourceparts=/dev/null
              -o Dir::State::Lists="$work/lists" -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" update -q >/dev/null
  (cd "$work" && apt-get "${opts[@]}" source --download-only -q "$pkg" >/dev/null)
  local tarball; tarball=$(ls "$work"/"${pkg}"_*.orig.tar.* | head -n 1)
  mkdir -p "$THIRD_PARTY/$dest.tmp"
  tar -xf "$tarball" -C "$THIRD_PARTY/$dest.tmp" --strip-components=1
  rm -rf "$THIRD_PARTY/$dest"
  mv "$THIRD_PARTY/$dest.tmp" "$THIRD_PARTY/$dest"
  rm -rf "$work"
}

install_npm() {
  # Debian's nodejs ships npm separately; other builds of nodejs bring their own.
  command -v npm >/dev/null || install_debs npm
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || \
     [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm packages from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

deps_build() {
  install_debs "${DEB_BUILD[@]}"
  fetch_source_package imgui imgui imgui.cpp
  fetch_source_package geographiclib geographiclib src/Geodesic.cpp
}

deps_test() {
  deps_build
  install_debs "${DEB_TEST[@]}" "${DEB_FUZZ[@]}"
  install_npm
}

deps_fuzz() {
  deps_build
  install_debs "${DEB_FUZZ[@]}"
}
