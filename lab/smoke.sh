#!/bin/bash
# Lab smoke test (host side, ctest label "lab"): boot the guest with scsi_debug,
# 2 hosts x 2 LUNs, no udev, and check that 4 sd paths exist, each with a readable
# device/vpd_pg83, and that the dm-multipath target is registered.
# Exits 0 on success, non-zero otherwise (125: the guest did not boot/finish).
# Needs `lab/lab setup` once (root, Debian 12).
set -euo pipefail

# shellcheck source=tests/lab/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/lab/lib.sh"
out=$(mktemp -d "${TMPDIR:-/tmp}/mpx-lab-smoke.XXXXXX")
trap 'rm -rf "$out"' EXIT

# Runs in the guest.
check='set -u
fail=0
n=$(ls -d /sys/block/sd* 2>/dev/null | wc -l)
echo "sd paths: $n"
[ "$n" -eq 4 ] || { echo "FAIL: expected 4 sd paths"; fail=1; }
for b in /sys/block/sd*; do
    len=$(head -c 4096 "$b/device/vpd_pg83" 2>/dev/null | wc -c)
    echo "${b##*/}: vpd_pg83 $len bytes, wwid $(cat "$b/device/wwid" 2>/dev/null)"
    [ "$len" -gt 4 ] || { echo "FAIL: ${b##*/}: vpd_pg83 unreadable"; fail=1; }
done
if dmsetup targets 2>/dev/null | grep -q "^multipath "; then
    echo "dm target: $(dmsetup targets | grep "^multipath ")"
else
    echo "FAIL: dm-multipath target not registered"; fail=1
fi
grep -q device-mapper /proc/misc || { echo "FAIL: no device-mapper in /proc/misc"; fail=1; }
[ $fail -eq 0 ] && echo "lab smoke: OK"
exit $fail'

rc=0
lab_step "smoke: boot, 4 paths, dm-multipath" "$out" --san scsi_debug --hosts 2 --luns 2 --udev none \
    --timeout 600 -- bash -c "$check" || rc=$?
((rc != 0)) || cat "$out/guest.log"
exit "$rc"
