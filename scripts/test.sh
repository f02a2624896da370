#!/usr/bin/env bash
# Runs every test: unit tests (plain and under ASan+UBSan), the fuzzers for a
# short while, and the lab tests on a real kernel in qemu. Installs its own
# dependencies. Usage: scripts/test.sh [--no-lab] [--fuzz-seconds N]
set -euo pipefail
cd "$(dirname "$0")/.."
lab=1
fuzz_seconds=20
while (($#)); do
  case "$1" in
    --no-lab) lab=0 ;;
    --fuzz-seconds) fuzz_seconds="$2"; shift ;;
    *) echo "test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
jobs=$(nproc)

scripts/deps.sh

echo "== formatting (clang-format)"
git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror

echo "== build and unit tests"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMPX_WERROR=ON -DMPX_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build -L unit -j"$jobs" --output-on-failure
ctest --test-dir build -L program --output-on-failure  # the built programs (no device-mapper)

echo "== clang-tidy (product sources)"
tidy=$(git ls-files 'src/*.cc' | grep -v '_test\.cc$' | xargs -P "$jobs" -n 6 clang-tidy -p build --quiet --extra-arg=-Wno-unknown-warning-option 2>&1 || true)
if grep -E '(error|warning):' <<<"$tidy"; then echo "clang-tidy found problems" >&2; exit 1; fi

echo "== unit tests under ASan+UBSan"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMPX_SANITIZE=ON -DMPX_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs" --target mpx_unit_tests
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan -L unit -j"$jobs" --output-on-failure

echo "== packagers' builds: the programs warning-free as Release (gcc, clang) and with dpkg-buildflags"
scripts/packager-builds.sh

if [[ -x fuzz/run.sh ]]; then
  echo "== fuzzers (${fuzz_seconds}s each)"
  fuzz/run.sh "$fuzz_seconds"
fi

if ((lab)); then
  echo "== lab tests (qemu, real kernel)"
  lab/lab setup
  ctest --test-dir build -L lab --output-on-failure
fi
