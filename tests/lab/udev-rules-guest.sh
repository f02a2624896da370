#!/bin/bash
# Guest side of tests/lab/maps.sh, third boot: mpx's package ($MPX_DEB)
# installed with apt in place of multipath-tools and kpartx (its udev rules
# in /lib/udev/rules.d), under systemd-udevd. mpx's own rules
# and `multipath -u`/`-U` claim the paths and keep the maps' readiness:
# paths are mpath_member, maps get their nodes and links, a file system on a
# map is found through the map only, a map with no path is not scanned;
# a partition table on a map gets partition maps and their links, and the
# flush takes them too.
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/lab/guest-lib.sh
source "$root/tests/lab/guest-lib.sh"

rm -f /var/lib/man-db/auto-update  # man-db's index is not rebuilt (minutes under emulation)
DEBIAN_FRONTEND=noninteractive apt-get install -y "${MPX_DEB:?}" >"${MPX_LAB_OUT:-/tmp}/apt.log" 2>&1
check_rc $? "apt install ./$(basename "$MPX_DEB")"
mpx=/sbin/multipath
check "$("$mpx" --version 2>&1 | grep -q '^mpx' && echo 1)" "$mpx is mpx's"
check "$(grep -q "$mpx -u %k" /lib/udev/rules.d/60-multipath.rules && echo 1)" \
  "60-multipath.rules is mpx's, running $mpx -u"
udevadm control --reload

rm -f /etc/multipath/bindings /etc/multipath/wwids
printf 'defaults {\n\tuser_friendly_names yes\n}\n' >/etc/multipath.conf
"$mpx" -i -v1 >/tmp/created.txt 2>&1
check "$([[ $(wc -l </tmp/created.txt) -ge 2 ]] && echo 1)" "mpx created maps ($(tr '\n' ' ' </tmp/created.txt))"
udevadm settle --timeout=120

prop() { udevadm info -q property "$1" | sed -n "s/^$2=//p"; }
for name in $(dmsetup ls --target multipath | awk '{print $1}'); do
  uuid=$(dmsetup info -c --noheadings -o uuid "$name")
  check "$([[ -b /dev/mapper/$name ]] && echo 1)" "$name: /dev/mapper node"
  check "$([[ -e /dev/disk/by-id/dm-uuid-$uuid ]] && echo 1)" "$name: /dev/disk/by-id/dm-uuid-$uuid"
  check "$([[ -e /dev/disk/by-id/dm-name-$name ]] && echo 1)" "$name: /dev/disk/by-id/dm-name-$name"
  check "$([[ $(prop "/dev/mapper/$name" MPATH_DEVICE_READY) == 1 ]] && echo 1)" \
    "$name: MPATH_DEVICE_READY=1 (multipath -U)"
done
# mpx sent each path of a new WWID a change uevent: mpx's rule claims it.
for dev in $(ls /sys/block | grep '^sd'); do
  check "$([[ $(prop "/dev/$dev" DM_MULTIPATH_DEVICE_PATH) == 1 &&
    $(prop "/dev/$dev" ID_FS_TYPE) == mpath_member &&
    $(prop "/dev/$dev" SYSTEMD_READY) == 0 ]] && echo 1)" \
    "$dev: claimed (DM_MULTIPATH_DEVICE_PATH=1, ID_FS_TYPE=mpath_member, SYSTEMD_READY=0)"
done

# Nothing but its map holds a path.
for dev in /sys/block/sd*; do
  holders=$(ls "$dev/holders")
  check "$([[ $holders == dm-* && $(wc -w <<<"$holders") == 1 && $(cat "$dev/holders/$holders/dm/uuid") == mpath-* ]] && echo 1)" \
    "$(basename "$dev"): held by its multipath map only ($holders)"
done

# A file system on a map: its by-uuid link is the map's, no path's.
if command -v mkfs.ext4 >/dev/null; then
  mkfs.ext4 -q -F /dev/mapper/mpatha && udevadm settle --timeout=60
  fsuuid=$(blkid -o value -s UUID /dev/mapper/mpatha)
  target=$(readlink -f "/dev/disk/by-uuid/$fsuuid")
  check "$([[ -n $fsuuid && $target == /dev/dm-* ]] && echo 1)" \
    "the file system's by-uuid link is the map's ($target)"
  wipefs -q -a /dev/mapper/mpatha
fi

# Every path of mpathb offline, reloaded: no usable path (udev flag 2), so
# udev marks it not ready and does not scan it; back once a path is.
paths=$(ls /sys/block/"$(basename "$(readlink -f /dev/mapper/mpathb)")"/slaves)
for p in $paths; do echo offline >"/sys/block/$p/device/state"; done
"$mpx" -r -v1 mpathb >/dev/null 2>&1
udevadm settle --timeout=60
check "$([[ $(prop /dev/mapper/mpathb MPATH_DEVICE_READY) == 0 &&
  $(prop /dev/mapper/mpathb DM_NOSCAN) == 1 ]] && echo 1)" \
  "mpathb without a usable path: MPATH_DEVICE_READY=0, DM_NOSCAN=1"
for p in $paths; do echo running >"/sys/block/$p/device/state"; done
"$mpx" -r -v1 mpathb >/dev/null 2>&1
udevadm settle --timeout=60
check "$([[ $(prop /dev/mapper/mpathb MPATH_DEVICE_READY) == 1 ]] && echo 1)" \
  "mpathb with its paths back: MPATH_DEVICE_READY=1"

# A partition table written on a map: udev's kpartx rule (mpx's kpartx -p
# -part) makes the partition maps, 56-dm-parts (with kpartx_id) their links.
python3 "$root/tests/kpartx/make_images.py" /dev/shm/img
dd if=/dev/shm/img/dos.img of=/dev/mapper/mpatha bs=1M oflag=direct 2>/dev/null
sleep 1
udevadm settle --timeout=120
wwid=$(dmsetup info -c --noheadings -o uuid mpatha | sed 's/^mpath-//')
node=$(readlink -f /dev/mapper/mpatha-part1)
check "$([[ $node == /dev/dm-* && -b /dev/mapper/mpatha-part5 ]] && echo 1)" \
  "mpatha-part1 and -part5 (logical) made by udev's kpartx rule ($(ls /dev/mapper | tr '\n' ' '))"
for link in "dm-uuid-part1-mpath-$wwid" dm-name-mpatha-part1 "scsi-$wwid-part1" "wwn-0x${wwid:1}-part1"; do
  check "$([[ -n $node && $(readlink -f "/dev/disk/by-id/$link") == "$node" ]] && echo 1)" \
    "mpatha-part1: /dev/disk/by-id/$link"
done
check "$([[ $(prop /dev/mapper/mpatha-part1 DM_MPATH) == mpatha && $(prop /dev/mapper/mpatha-part1 DM_PART) == 1 ]] && echo 1)" \
  "mpatha-part1: kpartx_id's DM_MPATH=mpatha, DM_PART=1"

"$mpx" -F
udevadm settle --timeout=60
check "$(dmsetup ls --target multipath | grep -q 'No devices found' && echo 1)" "flush leaves no map"
check "$(dmsetup ls | grep -q 'No devices found' && echo 1)" "flush removed the partition maps too"
exit $fail
