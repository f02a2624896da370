#!/bin/sh
# Builds every libFuzzer target in build-fuzz/ and runs each for N seconds
# (default 30) over its seed corpus fuzz/corpus/<name without _fuzzer>/.
# New inputs go to build-fuzz/corpus/, crashes to build-fuzz/artifacts/.
# Exits non-zero as soon as a fuzzer finds a crash. The libraries are a unity
# build (one compile per layer): the fuzzers start sooner.
set -eu
seconds=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-fuzz

cmake -S "$root" -B "$build" -G Ninja -DMPX_FUZZ=ON \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=ON >/dev/null
cmake --build "$build" --target fuzzers

mkdir -p "$build/artifacts"
for src in "$root"/fuzz/*_fuzzer.cc; do
  name=$(basename "$src" .cc)
  seeds=$root/fuzz/corpus/${name%_fuzzer}
  work=$build/corpus/${name%_fuzzer}
  mkdir -p "$work" "$seeds"
  echo "== $name for ${seconds}s"
  "$build/bin/$name" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$name-" "$work" "$seeds"
done
echo "== all fuzzers ran ${seconds}s without a crash"
