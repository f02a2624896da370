#!/usr/bin/env bash
# Builds the programs (not the tests) the ways distributions do, each with
# -Werror so that CI fails on any warning (packagers' own builds never get
# -Werror: MPX_WERROR is off by default):
#   release-gcc    CMAKE_BUILD_TYPE=Release with g++, every layer a shared library
#                  linked with --no-undefined (MPX_LAYER_CHECK): a layer that
#                  uses one it does not declare fails to link
#   dpkg-gcc       CMAKE_BUILD_TYPE=None with Debian's dpkg-buildflags (-O2, fortify, ...)
#   release-clang  CMAKE_BUILD_TYPE=Release with clang++, as a unity build (faster,
#                  and it proves no two files of a layer define the same local name)
# Usage: scripts/packager-builds.sh [CONFIG...]   (default: all three)
# scripts/test.sh runs release-gcc and release-clang: its main build is dpkg-gcc.
# Build trees go to build-pkg-CONFIG/.
set -euo pipefail
cd "$(dirname "$0")/.."
configs=("$@")
((${#configs[@]})) || configs=(release-gcc dpkg-gcc release-clang)
programs=(multipath multipathd devmap_name kpartx kpartx_id)

build() {  # build NAME CMAKE_ARGS...
  local name=$1 dir=build-pkg-$1
  shift
  echo "-- $name"
  cmake -S . -B "$dir" -G Ninja -DMPX_TESTS=OFF -DMPX_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}"
}

for c in "${configs[@]}"; do
  targets=("${programs[@]}")
  case "$c" in
  release-gcc)
    targets=("${programs[@]}" mpx_testing)
    CXX=g++ build "$c" -DCMAKE_BUILD_TYPE=Release -DMPX_LAYER_CHECK=ON ;;
  dpkg-gcc)
    CXX=g++ CXXFLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
      LDFLAGS="$(dpkg-buildflags --get LDFLAGS)" build "$c" -DCMAKE_BUILD_TYPE=None ;;
  release-clang) CXX=clang++ build "$c" -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON ;;
  *) echo "packager-builds: unknown configuration $c" >&2; exit 2 ;;
  esac
done
echo "-- packagers' builds warning-free: ${configs[*]}"
