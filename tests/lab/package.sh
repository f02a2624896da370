#!/bin/bash
# Lab test: mpx's Debian package (scripts/package.sh) swaps multipath-tools
# and kpartx out and back with apt, keeping the configuration and state files
# (tests/lab/package-guest.sh). Downloads Debian's multipath-tools and kpartx
# packages for the swap back.
# Usage: tests/lab/package.sh [RESULTS_DIR]
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-package.XXXXXX)}
deb=$("$root/scripts/package.sh" | tail -n 1) || { echo "FAIL: scripts/package.sh"; exit 1; }
refs=$root/build-deb/refdebs
mkdir -p "$refs"
(cd "$refs" && apt-get download multipath-tools kpartx >/dev/null 2>&1) ||
  { echo "FAIL: apt-get download multipath-tools kpartx"; exit 1; }
fail=0
lab_step "package swap" "$results" --san scsi_debug --hosts 2 --luns 1 --udev none --timeout 1200 \
  -- env MPX_DEB="$deb" MPX_REF_DEBS="$refs" "$root/tests/lab/package-guest.sh" || fail=1
grep -E '^(ok|FAIL) ' "$results/guest.log" 2>/dev/null
echo "results in $results"
exit $fail
