#!/bin/bash
# Lab test of map handling on a real kernel, two boots:
#  1. udev none, scsi_debug 4 hosts x 2 LUNs: for five multipath.conf files,
#     the reference's maps and mpx's are the same (tests/lab/compare_maps.py);
#  2. udev with the stock rules, 2 hosts x 2 LUNs: nodes, by-id links,
#     devmap_name, -ll and flush (tests/lab/udev-nodes-guest.sh).
# Usage: tests/lab/maps.sh [RESULTS_DIR]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
results=${1:-$(mktemp -d /tmp/mpx-maps.XXXXXX)}
fail=0
mkdir -p "$results/differential" "$results/udev"
echo "=== differential: five configs, reference vs mpx"
if "$root/lab/lab" run --san scsi_debug --hosts 4 --luns 2 --udev none --out "$results/differential" \
    -- "$root/tests/lab/differential-guest.sh" >"$results/differential/host.log" 2>&1; then
  python3 "$root/tests/lab/compare_maps.py" "$results/differential" || fail=1
else
  echo "FAIL: guest run failed"; tail -20 "$results/differential/host.log"; fail=1
fi
echo "=== udev: nodes, links, devmap_name, -ll, flush"
if ! "$root/lab/lab" run --san scsi_debug --hosts 2 --luns 2 --udev sg3 --out "$results/udev" \
    -- "$root/tests/lab/udev-nodes-guest.sh" >"$results/udev/host.log" 2>&1; then
  echo "FAIL: guest run failed"; tail -20 "$results/udev/host.log"; fail=1
fi
grep -sE '^(ok|FAIL) ' "$results/udev/guest.log"
echo "results in $results"
exit $fail
