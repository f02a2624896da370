#!/bin/bash
# Lab benchmark (not a test): 128 paths (32 LUNs x 4 hosts, udev with the sg3
# rules); mpx vs the reference, alternating, 3 runs each: create every map,
# -ll, flush (on paths udev already claims), and once each a first creation on
# unclaimed paths until udev is idle. Prints each run and the ratios of medians
# (mpx / reference).
# UDEV=none: without udevd (no udev wait; each tool's own work only).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d /tmp/mpx-bench-maps.XXXXXX)
"$root/lab/lab" run --san scsi_debug --hosts "${HOSTS:-4}" --luns "${LUNS:-32}" --udev "${UDEV:-sg3}" --timeout 1500 \
  --out "$out" -- "$root/bench/lab_maps_guest.sh" >"$out/host.log" 2>&1 || { tail -30 "$out/host.log"; exit 1; }
grep -vE '^lab:' "$out/guest.log"
python3 - "$out/guest.log" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
rows = re.findall(r"^(mpx|reference|mpx-with-reference-udev-helper) create_ms (\d+) settle_ms (\d+) ll_ms (\d+) flush_ms (\d+) maps (\d+)", text, re.M)
def med(tool, col):
    return statistics.median(int(r[col]) for r in rows if r[0] == tool)
for what, col in [("create", 1), ("create+settle", None), ("-ll", 3), ("flush", 4)]:
    if col is None:
        m = statistics.median(int(r[1]) + int(r[2]) for r in rows if r[0] == "mpx")
        ref = statistics.median(int(r[1]) + int(r[2]) for r in rows if r[0] == "reference")
    else:
        m, ref = med("mpx", col), med("reference", col)
    print(f"{what:13} median: mpx {m} ms, reference {ref} ms, ratio {m / ref:.3f}")
first = dict(re.findall(r"^(mpx|reference) first_create_ms \d+ settle_ms \d+ total_ms (\d+)", text, re.M))
if len(first) == 2:
    m, ref = int(first["mpx"]), int(first["reference"])
    print(f"first creation until udev is idle: mpx {m} ms, reference {ref} ms, ratio {m / ref:.3f}")
PY
