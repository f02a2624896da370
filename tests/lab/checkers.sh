#!/bin/bash
# Lab test: every path checker and prioritizer against the reference 0.9.4 on
# the same scsi_debug paths (3 hosts: active/optimized, active/non-optimized,
# standby), then an offline path (tests/lab/checkers-guest.sh).
# Usage: tests/lab/checkers.sh [RESULTS_DIR]   (needs $MPX_BUILD_DIR/bin/mpx_checker_probe)
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-checkers.XXXXXX)}
[[ -x $MPX_BUILD_DIR/bin/mpx_checker_probe ]] || { echo "build mpx_checker_probe first" >&2; exit 2; }
fail=0
if lab_step "checkers" "$results" --san scsi_debug --hosts 3 --luns 1 --udev sg3 --timeout 1200 \
    -- "$root/tests/lab/checkers-guest.sh"; then
  grep -E '^(ok|FAIL|note) ' "$results/guest.log" 2>/dev/null
else
  fail=1
fi
echo "results in $results"
exit $fail
