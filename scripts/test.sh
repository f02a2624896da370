#!/usr/bin/env bash
# Runs every test: unit tests (plain and under ASan+UBSan), clang-tidy, the
# packagers' builds, the fuzzers for a short while, and the lab tests on a real
# kernel in qemu. Installs its own dependencies.
# Usage: scripts/test.sh [--no-lab] [--fuzz-seconds N]
#
# The lab tests spend most of their time waiting on the guest (udev, path
# checkers, I/O timeouts), so they run in the background as soon as the
# programs are built, beside the other builds (which run at a lower priority);
# their output is printed when they end. Each stage prints its duration.
set -euo pipefail
cd "$(dirname "$0")/.."
lab=1
fuzz_seconds=10
while (($#)); do
  case "$1" in
    --no-lab) lab=0 ;;
    --fuzz-seconds) fuzz_seconds="$2"; shift ;;
    *) echo "test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
jobs=$(nproc)
start=$SECONDS
stage_start=$SECONDS
stage() {  # stage TITLE: ends the previous stage (printing its time), starts the next
  echo "   ($((SECONDS - stage_start)) s; $((SECONDS - start)) s in all)"
  stage_start=$SECONDS
  echo "== $*"
}

lab_pid=""
lab_log=""
stop_lab() {
  if [[ -n $lab_pid ]]; then
    kill -TERM -- "-$lab_pid" 2>/dev/null || true
    wait "$lab_pid" 2>/dev/null || true
  fi
}
trap stop_lab EXIT

echo "== dependencies"
scripts/deps.sh
((lab)) && lab/lab setup

stage "formatting (clang-format)"
git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror

# The main build uses Debian's own compiler flags (dpkg-buildflags: -O2,
# fortify, stack protector) and Debian's layout (/usr, /sbin), so it is also
# the packagers' dpkg build and the one lab_package packages. The
# programs and the lab's probes first: the lab tests (the longest stage)
# start as soon as they are there.
stage "build the programs (g++ with dpkg-buildflags)"
ldflags=$(dpkg-buildflags --get LDFLAGS)
cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
  -DCMAKE_EXE_LINKER_FLAGS="$ldflags" -DCMAKE_SHARED_LINKER_FLAGS="$ldflags" \
  -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_INSTALL_SBINDIR=/sbin -DMPX_WERROR=ON -DMPX_TESTS=ON >/dev/null
cmake --build build -j"$jobs" --target multipath multipathd devmap_name kpartx kpartx_id man_pages mpx_dm_probe mpx_checker_probe
ctest --test-dir build -L program --output-on-failure  # the built programs (no device-mapper)

if ((lab)); then
  lab_log=$(mktemp /tmp/mpx-lab-tests.XXXXXX)
  echo "== lab tests (qemu, real kernel) started in the background; output in $lab_log"
  setsid ctest --test-dir build -L lab --output-on-failure >"$lab_log" 2>&1 &
  lab_pid=$!
fi

stage "unit tests (the same build)"
nice cmake --build build -j"$jobs"
ctest --test-dir build -L unit -j"$jobs" --output-on-failure

stage "clang-tidy (product sources)"
tidy=$(git ls-files 'src/*.cc' | grep -v '_test\.cc$' |
  nice xargs -P "$jobs" -n 6 clang-tidy -p build --quiet --extra-arg=-Wno-unknown-warning-option 2>&1 || true)
if grep -E '(error|warning):' <<<"$tidy"; then echo "clang-tidy found problems" >&2; exit 1; fi

stage "unit tests under ASan+UBSan"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMPX_SANITIZE=ON -DMPX_WERROR=ON \
  -DCMAKE_UNITY_BUILD=ON >/dev/null
nice cmake --build build-asan -j"$jobs" --target mpx_unit_tests
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan -L unit -j"$jobs" --output-on-failure

stage "packagers' builds: the programs warning-free as Release (gcc, clang)"
nice scripts/packager-builds.sh release-gcc release-clang

if [[ -x fuzz/run.sh ]]; then
  stage "fuzzers (${fuzz_seconds}s each)"
  nice fuzz/run.sh "$fuzz_seconds"
fi

if ((lab)); then
  stage "lab tests: waiting for them to end"
  lab_rc=0
  wait "$lab_pid" || lab_rc=$?
  lab_pid=""
  cat "$lab_log"
  if ((lab_rc)); then echo "lab tests failed (exit $lab_rc)" >&2; exit "$lab_rc"; fi
fi
stage "all tests passed"
