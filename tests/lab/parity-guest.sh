#!/bin/bash
# Guest side of the WWID parity test: mpx's view and the reference's view of
# the same paths in each of the three udev situations, one after the other in
# one boot (the lab starts it with --udev none): no udevd, udevd with
# sg3-utils' rules, udevd with systemd's rules only (sg3's ID rules masked),
# each from an empty udev database. Saved into $MPX_LAB_OUT/<mode>/ for
# tests/lab/compare_wwids.py.
set -uo pipefail
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
base=${MPX_LAB_OUT:?}
mpx="${MPX_BUILD_DIR:-$root/build}/bin/multipath"

# One udev situation: mpx's and the reference's views into $out.
views() {
  local out=$1
  mkdir -p "$out"
  "$mpx" -d -i --json >"$out/mpx.json" 2>"$out/mpx.err"
  echo $? >"$out/mpx.rc"
  "$mpx" -d -i -v3 >"$out/mpx-v3.txt" 2>&1
  "$mpx" -d -i >"$out/mpx-d.txt" 2>&1
  multipath -d -i >"$out/reference-d.txt" 2>/dev/null
  if [[ $MPX_LAB_UDEV == none ]]; then
    # Hide the sysfs VPD pages so that mpx must ask the devices over SG_IO.
    for f in /sys/block/sd*/device/vpd_pg83; do mount --bind /dev/null "$f"; done
    "$mpx" -d -i --json >"$out/mpx-sgio.json" 2>"$out/mpx-sgio.err"
    for f in /sys/block/sd*/device/vpd_pg83; do umount "$f"; done
  fi
  MPX_LAB_OUT=$out "$root/lab/tests/reference-wwids.sh" >"$out/reference-summary.txt" 2>&1
  cat "$out/reference-summary.txt"
  echo "== mpx multipath -d"
  "$mpx" -d -i
}

# udevd with the rules of $1 (sg3 or systemd), from an empty database.
start_udev() {
  pkill -x systemd-udevd && sleep 0.5
  rm -rf /run/udev/data
  mkdir -p /etc/udev/rules.d
  if [[ $1 == systemd ]]; then
    ln -sf /dev/null /etc/udev/rules.d/55-scsi-sg3_id.rules
  else
    rm -f /etc/udev/rules.d/55-scsi-sg3_id.rules
  fi
  /lib/systemd/systemd-udevd --daemon || { echo "systemd-udevd did not start"; return 1; }
  udevadm trigger --action=add
  udevadm settle --timeout=300 || echo "udevadm settle timed out"
}

for mode in none sg3 systemd; do
  echo "=== udev $mode"
  if [[ $mode != none ]]; then start_udev "$mode" || exit 1; fi
  export MPX_LAB_UDEV=$mode
  views "$base/$mode"
done
pkill -x systemd-udevd
exit 0
