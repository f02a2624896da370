#!/bin/bash
# Guest side of bench/lab_discovery.sh: times mpx `multipath -d` and the
# reference's `multipath -d -i` (-i: ignore the wwids file, i.e. the same
# candidate maps as mpx's greedy discovery), alternating, RUNS runs each.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
mpx="$root/build/bin/multipath"
ns() { date +%s%N; }
echo "paths: $(ls -d /sys/block/sd* | wc -l), mpx maps: $("$mpx" -d -v1 | wc -l), reference maps: $(multipath -d -i -v1 2>/dev/null | wc -l)"
for i in $(seq "$runs"); do
  t0=$(ns); "$mpx" -d >/dev/null 2>&1; t1=$(ns)
  multipath -d -i >/dev/null 2>&1; t2=$(ns)
  echo "run $i: mpx_ms $(((t1 - t0) / 1000000)) reference_ms $(((t2 - t1) / 1000000))"
done
