#!/bin/bash
# Lab test: LibDevmapper against the real kernel (tests/lab/dm_probe.cc), one
# boot with udevd (sg3 rules) and one without, scsi_debug 2 hosts x 2 LUNs.
# Usage: tests/lab/devmapper.sh [RESULTS_DIR]   (needs build/bin/mpx_dm_probe)
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-devmapper.XXXXXX)}
[[ -x $MPX_BUILD_DIR/bin/mpx_dm_probe ]] || { echo "build mpx_dm_probe first" >&2; exit 2; }
fail=0
for udev in sg3 none; do
  dir=$results/$udev
  mkdir -p "$dir"
  echo "=== udev $udev"
  if lab_step "udev $udev" "$dir" --san scsi_debug --hosts 2 --luns 2 --udev "$udev" --timeout 900 \
      -- "$root/tests/lab/devmapper-guest.sh"; then
    grep -E '^(ok|FAIL|note) ' "$dir/guest.log" 2>/dev/null
  else
    fail=1
  fi
done
echo "results in $results"
exit $fail
