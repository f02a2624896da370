#!/bin/bash
# Builds mpx's Debian package (packaging/Packaging.cmake) into build-deb/:
# Release, Debian's layout (/sbin, /lib/udev, /lib/systemd/system), then
# cpack. Prints the package's path. Usage: scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dpkg-shlibdeps >/dev/null || ! command -v cmake >/dev/null; then
  apt-get install -y --no-install-recommends dpkg-dev cmake ninja-build g++ pkg-config \
    libdevmapper-dev libudev-dev libedit-dev libgtest-dev systemd udev >/dev/null
fi
cmake -S . -B build-deb -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_INSTALL_SBINDIR=/sbin -DMPX_TESTS=OFF >/dev/null
cmake --build build-deb -j"$(nproc)" --target multipath multipathd devmap_name kpartx kpartx_id man_pages
(cd build-deb && cpack -G DEB >/dev/null)
ls "$PWD"/build-deb/mpx_*.deb
