#!/bin/bash
# Guest script: what WWIDs does the reference (multipath-tools 0.9.4 on the host
# root) give each path, and which maps would it create?
#
# Writes into $MPX_LAB_OUT (default /tmp):
#   reference-v3.txt        `multipath -d -v3`     (stock: find_multipaths strict, so
#                                                 it skips WWIDs not in the wwids file)
#   reference-v3-i.txt      `multipath -d -v3 -i`  (ignore the wwids file: candidate maps)
#   reference-v3-fallback.txt  same with /etc/multipath.conf `uid_attribute ""`
#                           (udev modes only): the reference's own sysfs/VPD WWIDs
#   reference-v3-sdX.txt    udev none only: `multipath -d -v3 -i /dev/sdX` per path
#                           (without a udev database libudev enumerates no
#                           "initialized" block device, so only named paths are seen)
#   reference-v3-stubdb.txt udev none only: `multipath -d -v3 -i` after writing a
#                           stub /run/udev/data (one "I:" line per sd, no properties)
# and prints a summary table on stdout. /etc/multipath.conf is written in the
# guest overlay only and removed again.
set -uo pipefail
# It writes /etc/multipath.conf and the reference creates /etc/multipath/: only in
# the guest's overlay, never on the host.
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest (lab/lab run)" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
out=${MPX_LAB_OUT:-/tmp}
udev=${MPX_LAB_UDEV:-none}

uid_of() {  # uid_of FILE DEV -> the reference's "DEV: uid = X (origin)"
    sed -n "s/^.*| $2: uid = \(.*\)$/\1/p" "$1" | tail -n1
}

echo "== SAN=${MPX_LAB_SAN:-?} udev=$udev"
multipath -d -v3 >"$out/reference-v3.txt" 2>&1
echo "multipath -d -v3: exit $?"
multipath -d -v3 -i >"$out/reference-v3-i.txt" 2>&1
echo "multipath -d -v3 -i: exit $?"
if [[ $udev != none ]]; then
    cp "$here/guest/multipath-fallback.conf" /etc/multipath.conf
    multipath -d -v3 -i >"$out/reference-v3-fallback.txt" 2>&1
    echo "multipath -d -v3 -i with uid_attribute \"\": exit $?"
    rm -f /etc/multipath.conf
fi

printf '%-5s %-6s %-24s %-26s %-34s %s\n' dev dev_t sysfs-wwid ID_SERIAL "reference uid" "reference uid (fallback)"
for b in /sys/block/sd*; do
    d=${b##*/}
    idser=-
    [[ -d /run/udev/data ]] && idser=$(udevadm info --query=property --name="/dev/$d" | sed -n 's/^ID_SERIAL=//p')
    if [[ $udev == none ]]; then
        multipath -d -v3 -i "/dev/$d" >"$out/reference-v3-$d.txt" 2>&1
        ref=$(uid_of "$out/reference-v3-$d.txt" "$d")
        fb=$ref
    else
        ref=$(uid_of "$out/reference-v3-i.txt" "$d")
        fb=$(uid_of "$out/reference-v3-fallback.txt" "$d")
    fi
    printf '%-5s %-6s %-24s %-26s %-34s %s\n' "$d" "$(cat "$b/dev")" \
        "$(cat "$b/device/wwid" 2>/dev/null)" "${idser:--}" "${ref:--}" "${fb:--}"
done
echo "== candidate maps (multipath -d -v3 -i)"
grep -E '^(create|: )' "$out/reference-v3-i.txt" || echo "(none)"
if [[ $udev != none ]]; then
    echo "== candidate maps with uid_attribute \"\""
    grep -E '^(create|: )' "$out/reference-v3-fallback.txt" || echo "(none)"
elif [[ ! -e /run/udev ]]; then
    # Stub udev database: one "I:" (initialized) line per sd device, no properties.
    # libudev then enumerates the paths, finds no ID_SERIAL and the reference uses
    # its sysfs fallback for every path, so whole candidate maps appear.
    mkdir -p /run/udev/data
    for b in /sys/block/sd*; do echo "I:1" >"/run/udev/data/b$(cat "$b/dev")"; done
    multipath -d -v3 -i >"$out/reference-v3-stubdb.txt" 2>&1
    echo "== candidate maps with a stub udev database (no properties): exit $?"
    grep -E 'uid = ' "$out/reference-v3-stubdb.txt" | sed 's/^[0-9.]* | //'
    grep -E '^(create|: )' "$out/reference-v3-stubdb.txt" || echo "(none)"
    rm -rf /run/udev
fi
