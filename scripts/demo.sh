#!/usr/bin/env bash
# The demo: installs dependencies, builds mpx, boots the lab (a real kernel in
# qemu with a scsi_debug SAN: 4 hosts x 8 LUNs = 32 paths), and shows what mpx
# discovers, beside what the reference multipath-tools shows on the same guest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
# Only the programs the demo runs (the unit tests are scripts/test.sh's).
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j"$(nproc)" --target multipath multipathd devmap_name kpartx
lab/lab setup
out=$(mktemp -d)
lab/lab run --san scsi_debug --hosts 4 --luns 8 --udev sg3 --out "$out" -- "$PWD/scripts/demo-guest.sh"
