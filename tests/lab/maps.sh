#!/bin/bash
# Lab test of map handling on a real kernel, two boots:
#  1. udev none, scsi_debug 4 hosts x 2 LUNs: for each tests/lab/configs file (six),
#     the reference's maps and mpx's are the same (tests/lab/compare_maps.py);
#  2. udev with the stock rules, 2 hosts x 2 LUNs: nodes, by-id links,
#     devmap_name, -ll and flush (tests/lab/udev-nodes-guest.sh);
#  3. mpx's package installed, with its own udev rules, under systemd-udevd:
#     paths claimed, maps ready or not, links, partition maps
#     (tests/lab/udev-rules-guest.sh).
# Usage: tests/lab/maps.sh [RESULTS_DIR]
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-maps.XXXXXX)}
fail=0
mkdir -p "$results/differential" "$results/udev" "$results/rules"
echo "=== differential: each config, reference vs mpx"
if lab_step "differential: each config" "$results/differential" --san scsi_debug --hosts 4 --luns 2 --timeout 1200 \
    --udev none -- "$root/tests/lab/differential-guest.sh"; then
  python3 "$root/tests/lab/compare_maps.py" "$results/differential" || fail=1
else
  fail=1
fi
echo "=== udev: nodes, links, devmap_name, -ll, flush"
lab_step "udev: nodes, links, claims" "$results/udev" --san scsi_debug --hosts 2 --luns 2 --udev sg3 --timeout 1200 \
  -- "$root/tests/lab/udev-nodes-guest.sh" || fail=1
grep -sE '^(ok|FAIL) ' "$results/udev/guest.log"
echo "=== mpx's package installed, its own udev rules under systemd-udevd"
if deb=$(lab_deb 2>"$results/package.log"); then
  lab_step "installed rules: claims, readiness, links" "$results/rules" --san scsi_debug --hosts 2 --luns 2 \
    --udev systemd --timeout 1200 -- env MPX_DEB="$deb" "$root/tests/lab/udev-rules-guest.sh" || fail=1
else
  echo "FAIL: scripts/package.sh"; cat "$results/package.log"; fail=1
fi
grep -sE '^(ok|FAIL) ' "$results/rules/guest.log"
echo "results in $results"
exit $fail
