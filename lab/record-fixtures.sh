#!/bin/bash
# Regenerate the recorded sysfs fixtures in tests/fixtures/ with the lab:
#
#   lab/record-fixtures.sh [NAME...]     (default: all three)
#
#   sysfs-scsi_debug.tar.gz          scsi_debug, 4 hosts x 2 LUNs, udev mode sg3
#   sysfs-scsi_debug-systemd.tar.gz  the same topology, udev mode systemd
#   sysfs-scsi-hd.tar.gz             qemu scsi-hd, 2 disks x 2 paths, udev mode sg3
#
# Each boots the guest (lab/lab run), runs lab/record-sysfs.sh into the guest's
# tmpfs and packs the result as a deterministic tarball (sorted, owner 0, fixed
# mtime, gzip -n) with ./sys, ./udev, ./reference-v3*.txt and ./meta.txt at its top.
# Needs `lab/lab setup` once. Takes ~1.5 min per fixture under TCG.
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FIXTURES=$(cd "$LAB_DIR/../tests/fixtures" && pwd)

declare -A ARGS=(
    [sysfs-scsi_debug]="--san scsi_debug --hosts 4 --luns 2 --udev sg3"
    [sysfs-scsi_debug-systemd]="--san scsi_debug --hosts 4 --luns 2 --udev systemd"
    [sysfs-scsi-hd]="--san scsi-hd --disks 2 --udev sg3"
)
names=("$@")
((${#names[@]})) || names=(sysfs-scsi_debug sysfs-scsi_debug-systemd sysfs-scsi-hd)

# Runs in the guest: record into tmpfs (fast), pack into the results share.
guest_script='set -euo pipefail
"$1"/record-sysfs.sh /tmp/rec
tar -C /tmp/rec --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - . \
    | gzip -n -9 >"$MPX_LAB_OUT/fixture.tar.gz"
cat /tmp/rec/meta.txt'

for name in "${names[@]}"; do
    [[ -n ${ARGS[$name]:-} ]] || { echo "unknown fixture $name" >&2; exit 2; }
    out=$(mktemp -d "${TMPDIR:-/tmp}/mpx-fixture.XXXXXX")
    echo "== $name: lab/lab run ${ARGS[$name]}"
    # shellcheck disable=SC2086
    "$LAB_DIR/lab" run ${ARGS[$name]} --out "$out" -- bash -c "$guest_script" guest "$LAB_DIR"
    mv "$out/fixture.tar.gz" "$FIXTURES/$name.tar.gz"
    rm -rf "$out"
    echo "== $name: $(du -k "$FIXTURES/$name.tar.gz" | cut -f1) KiB"
done
