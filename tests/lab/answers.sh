#!/bin/bash
# Lab test: the wwids-file commands (-a -w -W) and udev's questions (-c -u -C
# -U) answer exactly as the reference on the same guest, over every
# find_multipaths mode (tests/lab/answers-guest.sh, compare_answers.py).
# Usage: tests/lab/answers.sh [RESULTS_DIR]
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-answers.XXXXXX)}
mkdir -p "$results"
lab_step "answers, every find_multipaths mode" "$results" --san scsi_debug --hosts 2 --luns 2 --udev none --timeout 1800 \
  -- "$root/tests/lab/answers-guest.sh" || exit 1
python3 "$root/tests/lab/compare_answers.py" "$results"
rc=$?
echo "results in $results"
exit $rc
