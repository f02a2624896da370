#!/bin/bash
# Lab test: the wwids-file commands (-a -w -W) and udev's questions (-c -u -C
# -U) answer exactly as the reference on the same guest, over every
# find_multipaths mode (tests/lab/answers-guest.sh, compare_answers.py).
# Usage: tests/lab/answers.sh [RESULTS_DIR]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
results=${1:-$(mktemp -d /tmp/mpx-answers.XXXXXX)}
mkdir -p "$results"
if ! "$root/lab/lab" run --san scsi_debug --hosts 2 --luns 2 --udev none --out "$results" \
    -- "$root/tests/lab/answers-guest.sh" >"$results/host.log" 2>&1; then
  echo "FAIL: guest run failed"; tail -20 "$results/host.log"; exit 1
fi
python3 "$root/tests/lab/compare_answers.py" "$results"
rc=$?
echo "results in $results"
exit $rc
