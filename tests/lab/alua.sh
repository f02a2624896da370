#!/bin/bash
# Lab test: ALUA states changed on a LIO loopback target (tcm_loop through
# configfs) and multipathd's priorities, active group and ghost paths follow,
# as the reference 0.9.4's on the same guest (tests/lab/alua-guest.sh).
# Usage: tests/lab/alua.sh [RESULTS_DIR]
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-alua.XXXXXX)}
[[ -x $MPX_BUILD_DIR/bin/multipathd ]] || { echo "build multipathd first" >&2; exit 2; }
fail=0
if lab_step "alua" "$results" --san none --udev sg3 --timeout 1200 \
    -- "$root/tests/lab/alua-guest.sh"; then
  grep -E '^(ok|FAIL|note) ' "$results/guest.log" 2>/dev/null
else
  fail=1
fi
echo "results in $results"
exit $fail
