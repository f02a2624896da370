#!/bin/bash
# Guest side of the WWID parity test: mpx's view and the reference's view of
# the same paths, saved into $MPX_LAB_OUT for tests/lab/compare_wwids.py.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${MPX_LAB_OUT:?}
mpx="${MPX_BUILD_DIR:-$root/build}/bin/multipath"
"$mpx" -d -i --json >"$out/mpx.json" 2>"$out/mpx.err"
echo $? >"$out/mpx.rc"
"$mpx" -d -i -v3 >"$out/mpx-v3.txt" 2>&1
"$mpx" -d -i >"$out/mpx-d.txt" 2>&1
multipath -d -i >"$out/reference-d.txt" 2>/dev/null
if [[ ${MPX_LAB_UDEV:-} == none ]]; then
  # Hide the sysfs VPD pages so that mpx must ask the devices over SG_IO.
  for f in /sys/block/sd*/device/vpd_pg83; do mount --bind /dev/null "$f"; done
  "$mpx" -d -i --json >"$out/mpx-sgio.json" 2>"$out/mpx-sgio.err"
  for f in /sys/block/sd*/device/vpd_pg83; do umount "$f"; done
fi
"$root/lab/tests/reference-wwids.sh" >"$out/reference-summary.txt" 2>&1
cat "$out/reference-summary.txt"
echo "== mpx multipath -d"
"$mpx" -d -i
exit 0
