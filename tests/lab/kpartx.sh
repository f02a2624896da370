#!/bin/bash
# Lab test: mpx's kpartx against the reference's on the same devices
# (tests/lab/kpartx-guest.sh): DOS and GPT on a multipath map, a plain disk
# and a file; -u, -d, a busy map; bsd, sun, solaris, unixware, mac and ps3
# labels on files.
# Usage: tests/lab/kpartx.sh [RESULTS_DIR]
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-kpartx.XXXXXX)}
fail=0
lab_step "kpartx" "$results" --san scsi_debug --hosts 2 --luns 2 --udev none --timeout 1200 \
  -- "$root/tests/lab/kpartx-guest.sh" || fail=1
grep -E '^(ok|FAIL) ' "$results/guest.log" 2>/dev/null
echo "results in $results"
exit $fail
