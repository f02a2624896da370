#!/bin/bash
# Lab benchmark (not a test): multipathd, the reference 0.9.4 vs mpx's,
# alternating on the same guest: scsi_debug 4 hosts x 32 LUNs (128 paths),
# then 2 x 32 (64 paths) in the same boot, udev with the sg3 rules. Start-up
# until every map exists and the daemon answers, memory and CPU at steady
# state, `show paths` latency, and how long a path takes to be failed in the
# kernel after it goes offline and reinstated after it returns
# (bench/lab_daemon_guest.sh). Prints the table (metric, reference, mpx,
# ratio) and leaves it in DIR/results.txt.
# Usage: bench/lab_daemon.sh [DIR]   (env: RUNS SETTLE STEADY SHOWS FAILS PHASE2 HOSTS LUNS)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d /tmp/mpx-bench-daemon.XXXXXX)}
mkdir -p "$out"
[[ -x ${MPX_BUILD_DIR:-$root/build}/bin/multipathd ]] || { echo "build multipathd first" >&2; exit 2; }
# (the guest sees none of this shell's environment but MPX_BUILD_DIR)
knobs=(RUNS="${RUNS:-3}" SETTLE="${SETTLE:-10}" STEADY="${STEADY:-60}" SHOWS="${SHOWS:-20}"
  FAILS="${FAILS:-4}" PHASE2="${PHASE2:-1}")
"$root/lab/lab" run --san scsi_debug --hosts "${HOSTS:-4}" --luns "${LUNS:-32}" --udev sg3 \
  --timeout "${TIMEOUT:-3000}" --out "$out" -- env "${knobs[@]}" "$root/bench/lab_daemon_guest.sh" \
  >"$out/host.log" 2>&1 || { tail -30 "$out/host.log"; exit 1; }
grep -E '^(guest|phase .*NOT|phase .*never)' "$out/guest.log" || true
cat "$out/results.txt"
echo "results in $out"
