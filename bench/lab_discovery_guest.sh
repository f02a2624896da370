#!/bin/bash
# Guest side of bench/lab_discovery.sh: times `multipath -d -i` of mpx and of
# the reference (-i: ignore the empty wwids file, so both show every candidate
# map), alternating, RUNS runs each.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
mpx="${MPX_BUILD_DIR:-$root/build}/bin/multipath"
ns() { date +%s%N; }
echo "paths: $(ls -d /sys/block/sd* | wc -l), mpx maps: $("$mpx" -d -i -v1 | wc -l), reference maps: $(multipath -d -i -v1 2>/dev/null | wc -l)"
for i in $(seq "$runs"); do
  t0=$(ns); "$mpx" -d -i >/dev/null 2>&1; t1=$(ns)
  multipath -d -i >/dev/null 2>&1; t2=$(ns)
  echo "run $i: mpx_ms $(((t1 - t0) / 1000000)) reference_ms $(((t2 - t1) / 1000000))"
done
