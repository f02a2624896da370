#!/bin/bash
# Lab benchmark: mpx `multipath -d` vs the reference's on the same guest,
# 128 paths (32 LUNs x 4 hosts, udev with sg3 rules), alternating, 3 runs each.
# Prints each run and the ratio of medians (mpx / reference). Not a test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d /tmp/mpx-bench.XXXXXX)
"$root/lab/lab" run --san scsi_debug --hosts "${HOSTS:-4}" --luns "${LUNS:-32}" --udev sg3 --out "$out" \
  -- "$root/bench/lab_discovery_guest.sh" >"$out/host.log" 2>&1 || { cat "$out/host.log"; exit 1; }
grep -E '^(paths|run)' "$out/guest.log"
python3 - "$out/guest.log" <<'PY'
import re, statistics, sys
runs = re.findall(r"mpx_ms (\d+) reference_ms (\d+)", open(sys.argv[1]).read())
m = statistics.median(int(a) for a, _ in runs)
r = statistics.median(int(b) for _, b in runs)
print(f"median: mpx {m} ms, reference {r} ms, ratio mpx/reference = {m / r:.3f}")
PY
