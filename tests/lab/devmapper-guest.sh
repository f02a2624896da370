#!/bin/bash
# Guest side of the device-mapper lab test: mpx_dm_probe against the real
# kernel, then (with udevd) again with DM_DISABLE_UDEV=1, and a map made by
# the reference (`multipath -i`) read back through LibDevmapper and the
# table/status parsers. Leaves no maps behind. Exits non-zero on any FAIL.
set -uo pipefail
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest (lab/lab run)" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
probe=${MPX_BUILD_DIR:-$root/build}/bin/mpx_dm_probe
udev=${MPX_LAB_UDEV:-none}
rc=0

echo "== mpx_dm_probe, udev $udev"
"$probe" || rc=1
if [[ $udev != none ]]; then
  echo "== mpx_dm_probe, udev $udev, DM_DISABLE_UDEV=1"
  DM_DISABLE_UDEV=1 "$probe" || rc=1
  echo "== reference: multipath -i"
  multipath -i -v2 2>&1
  udevadm settle --timeout=60
  dmsetup table --target multipath
  dmsetup status --target multipath
  "$probe" --existing || rc=1
  multipath -F -v2 2>&1
fi
left=$(dmsetup ls --target multipath | grep -vc "No devices found")
if ((left == 0)); then echo "ok no multipath maps left"; else echo "FAIL $left multipath maps left"; rc=1; fi
exit $rc
