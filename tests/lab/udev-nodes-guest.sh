#!/bin/bash
# Guest side of tests/lab/maps.sh with a real udevd and the stock rules: mpx's
# maps get /dev/mapper nodes and /dev/disk/by-id/dm-uuid-mpath-<wwid> links,
# devmap_name names them, -ll lists them, and flushing removes everything.
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
mpx="${MPX_BUILD_DIR:-$root/build}/bin/multipath"
fail=0
check() { if eval "$2"; then echo "ok $1"; else echo "FAIL $1"; fail=1; fi; }
rm -f /etc/multipath.conf /etc/multipath/bindings /etc/multipath/wwids
printf 'defaults {\n\tuser_friendly_names yes\n}\n' >/etc/multipath.conf
"$mpx" -i -v1 >/tmp/created.txt 2>&1
check "mpx created maps ($(tr '\n' ' ' </tmp/created.txt))" '[[ $(wc -l </tmp/created.txt) -ge 2 ]]'
udevadm settle --timeout=120
for name in $(dmsetup ls --target multipath | awk '{print $1}'); do
  uuid=$(dmsetup info -c --noheadings -o uuid "$name")
  devt=$(dmsetup info -c --noheadings -o major,minor --separator : "$name" | tr -d ' ')
  check "$name: /dev/mapper node" "[[ -b /dev/mapper/$name ]]"
  check "$name: /dev/disk/by-id/dm-uuid-$uuid" "[[ -e /dev/disk/by-id/dm-uuid-$uuid ]]"
  check "$name: /dev/disk/by-id/dm-name-$name" "[[ -e /dev/disk/by-id/dm-name-$name ]]"
  check "$name: devmap_name $devt" "[[ \$(${MPX_BUILD_DIR:-$root/build}/bin/devmap_name ${devt%:*} ${devt#*:}) == $name ]]"
  check "$name: read through the map" "dd if=/dev/mapper/$name of=/dev/null bs=4k count=16 iflag=direct 2>/dev/null"
done
# New WWIDs: mpx sent each path a change uevent, so udev's rules claimed them.
for dev in $(ls /sys/block | grep '^sd'); do
  props=$(udevadm info -q property "/dev/$dev")
  check "$dev: claimed by udev (DM_MULTIPATH_DEVICE_PATH=1, mpath_member)" \
    "grep -qx DM_MULTIPATH_DEVICE_PATH=1 <<<\"\$props\" && grep -qx ID_FS_TYPE=mpath_member <<<\"\$props\""
done
"$mpx" -ll >/tmp/ll.txt 2>&1
check "-ll lists every map" "[[ \$(grep -c '^mpath' /tmp/ll.txt) -eq \$(dmsetup ls --target multipath | wc -l) ]]"
cat /tmp/ll.txt
"$mpx" -F
udevadm settle --timeout=60
check "flush leaves no multipath map" "dmsetup ls --target multipath | grep -q 'No devices found'"
check "flush leaves no /dev/mapper/mpath* node" "! ls /dev/mapper/mpath* >/dev/null 2>&1"
# Two runs at once: the lock serialises them, so each map is created once
# and neither run trips over the other's half-made maps.
"$mpx" -i -v1 >/tmp/run1.txt 2>&1 & p1=$!
"$mpx" -i -v1 >/tmp/run2.txt 2>&1 & p2=$!
wait $p1; r1=$?; wait $p2; r2=$?
check "two concurrent runs both succeed (exit $r1, $r2)" "[[ $r1 -eq 0 && $r2 -eq 0 ]]"
check "two concurrent runs create each map once ($(cat /tmp/run1.txt /tmp/run2.txt | tr '\n' ' '))" \
  "[[ \$(cat /tmp/run1.txt /tmp/run2.txt | sort | uniq -d | wc -l) -eq 0 && \$(cat /tmp/run1.txt /tmp/run2.txt | wc -l) -eq \$(dmsetup ls --target multipath | wc -l) ]]"
"$mpx" -F
udevadm settle --timeout=60
rm -f /etc/multipath.conf /etc/multipath/bindings /etc/multipath/wwids
exit $fail
