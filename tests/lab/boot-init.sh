#!/bin/busybox sh
# /sbin/init of the root file system tests/lab/package-guest.sh puts on a
# multipath map: says which device the kernel mounted as / (its device-mapper
# name and uuid, and the paths under its map), then powers off.
export PATH=/bin
# The initramfs moved its /proc, /sys and /run here.
[ -e /proc/self ] || busybox mount -t proc proc /proc
[ -d /sys/block ] || busybox mount -t sysfs sysfs /sys
dev=$(busybox awk '$5 == "/" {print $3; exit}' /proc/self/mountinfo)
d=/sys/dev/block/$dev
name=$(busybox cat "$d/dm/name" 2>/dev/null)
uuid=$(busybox cat "$d/dm/uuid" 2>/dev/null)
map=$(busybox ls "$d/slaves" 2>/dev/null)
paths=$(busybox ls "/sys/block/$map/slaves" 2>/dev/null | busybox tr '\n' ' ')
echo "MPX-ROOT dev=$dev name=$name uuid=$uuid map=$map paths=$paths"
busybox sync
busybox poweroff -f
