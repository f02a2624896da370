#!/bin/bash
# Lab test: in both SAN kinds and all three udev situations (no udevd, sg3's
# rules, systemd's rules: one after the other in one boot per SAN), every
# path's WWID and every candidate map in mpx equals the reference's on the
# same guest.
# Usage: tests/lab/wwid_parity.sh [RESULTS_DIR]
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-parity.XXXXXX)}
fail=0
for san in scsi_debug scsi-hd; do
  dir="$results/$san"
  mkdir -p "$dir"
  topo=(--hosts 4 --luns 4)
  [[ $san == scsi-hd ]] && topo=(--disks 3)
  echo "=== $san"
  if ! lab_step "$san" "$dir" --san "$san" "${topo[@]}" --udev none --timeout 1800 \
      -- "$root/tests/lab/parity-guest.sh"; then
    fail=1; continue
  fi
  for udev in none sg3 systemd; do
    echo "=== $san, udev $udev"
    if ! python3 "$root/tests/lab/compare_wwids.py" "$dir/$udev"; then fail=1; fi
  done
done
echo "results in $results"
exit $fail
