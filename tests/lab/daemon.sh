#!/bin/bash
# Lab test: multipathd (tests/lab/daemon-guest.sh) beside the reference 0.9.4
# on scsi_debug paths, then failover under I/O, hotplug, commands, permissions.
# Usage: tests/lab/daemon.sh [RESULTS_DIR]   (needs $MPX_BUILD_DIR/bin/multipathd)
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-daemon.XXXXXX)}
[[ -x $MPX_BUILD_DIR/bin/multipathd ]] || { echo "build multipathd first" >&2; exit 2; }
fail=0
if lab_step "daemon" "$results" --san scsi_debug --hosts 2 --luns 2 --udev sg3 --timeout 1500 \
    -- "$root/tests/lab/daemon-guest.sh"; then
  grep -E '^(ok|FAIL) ' "$results/guest.log" 2>/dev/null
else
  fail=1
fi
echo "results in $results"
exit $fail
