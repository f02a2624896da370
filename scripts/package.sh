#!/bin/bash
# Builds mpx's Debian package (packaging/Packaging.cmake) and prints its path.
# Usage: scripts/package.sh [BUILD_DIR]
#   no argument  configures build-deb/ as Debian builds packages (dpkg-buildflags;
#                Debian's layout: /usr, /sbin, /lib/udev, /lib/systemd/system),
#                builds what is installed, packages it into build-deb/;
#   BUILD_DIR    packages that build as it is, into BUILD_DIR/deb/: it must be
#                configured in Debian's layout and built (scripts/test.sh's build
#                is: the lab's package test uses it, with no second build).
# The files are staged with `cmake --install` and packed by cpack from there,
# so that cpack builds nothing itself (its own install step would build every
# target, tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dpkg-shlibdeps >/dev/null || ! command -v cmake >/dev/null; then
  apt-get install -y --no-install-recommends dpkg-dev cmake ninja-build g++ pkg-config \
    libdevmapper-dev libudev-dev libedit-dev libgtest-dev systemd udev >/dev/null
fi
installed=(multipath multipathd devmap_name kpartx kpartx_id man_pages)
if (($#)); then
  build=$(cd "$1" && pwd)
  out=$build/deb
  cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
  if [[ $(cache CMAKE_INSTALL_PREFIX) != /usr || $(cache CMAKE_INSTALL_SBINDIR) != /sbin ]]; then
    echo "package.sh: $build is not in Debian's layout (CMAKE_INSTALL_PREFIX=/usr, CMAKE_INSTALL_SBINDIR=/sbin)" >&2
    exit 1
  fi
else
  build=$PWD/build-deb
  out=$build
  ldflags=$(dpkg-buildflags --get LDFLAGS)
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
    -DCMAKE_EXE_LINKER_FLAGS="$ldflags" -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_INSTALL_SBINDIR=/sbin \
    -DMPX_TESTS=OFF >/dev/null
  cmake --build "$build" -j"$(nproc)" --target "${installed[@]}"
fi
stage=$out/stage
rm -rf "$stage" "$out"/mpx_*.deb
mkdir -p "$out"
DESTDIR=$stage cmake --install "$build" --strip >/dev/null  # debug symbols stay in the build
(cd "$out" && cpack --config "$build/CPackConfig.cmake" -G DEB -D CPACK_INSTALL_CMAKE_PROJECTS= \
  -D "CPACK_INSTALLED_DIRECTORIES=$stage;/" >/dev/null)
ls "$out"/mpx_*.deb
