#!/bin/bash
# Guest side of tests/lab/package.sh: `apt install ./mpx_*.deb` swaps
# multipath-tools and kpartx out for mpx, `apt install` of theirs swaps back,
# and /etc/multipath.conf and /etc/multipath/* stay as they were both ways.
# Needs MPX_DEB (mpx's package) and MPX_REF_DEBS (a directory with
# multipath-tools' and kpartx's packages).
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/lab/guest-lib.sh
source "$root/tests/lab/guest-lib.sh"
deb=${MPX_DEB:?} refs=${MPX_REF_DEBS:?}
export DEBIAN_FRONTEND=noninteractive
# man-db's index is not rebuilt at each install (minutes under emulation).
rm -f /var/lib/man-db/auto-update

mkdir -p /etc/multipath
printf 'defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n}\n' >/etc/multipath.conf
printf '# bindings kept across the swap\nmpathz 3600a0980000000000000000000009999\n' >/etc/multipath/bindings
mkdir -p /tmp/kept && cp /etc/multipath.conf /etc/multipath/bindings /tmp/kept/
kept() { cmp -s /etc/multipath.conf /tmp/kept/multipath.conf && cmp -s /etc/multipath/bindings /tmp/kept/bindings; }
status() { dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | tr -d ' '; }

apt-get install -y "$deb" >/tmp/apt-mpx.log 2>&1
check_rc $? "apt install ./$(basename "$deb")"
echo "time: apt install of mpx after ${SECONDS}s"
check "$([[ $(status mpx) == ii && $(status multipath-tools) != ii && $(status kpartx) != ii ]] && echo 1)" \
  "mpx installed; multipath-tools and kpartx removed ($(status multipath-tools), $(status kpartx))"
check "$(/sbin/multipath --version 2>&1 | grep -q '^mpx' && echo 1)" "/sbin/multipath is mpx's"
check "$(grep -q '^# mpx' /lib/udev/rules.d/60-multipath.rules && echo 1)" "the udev rules are mpx's"
check "$(kept && echo 1)" "/etc/multipath.conf and bindings kept"
/sbin/multipath -v1 >/tmp/maps.txt 2>&1
check "$([[ $(dmsetup ls --target multipath | grep -c mpath) -ge 1 ]] && echo 1)" \
  "the installed multipath creates maps ($(tr '\n' ' ' </tmp/maps.txt))"
check_rc "$(/sbin/kpartx -l /dev/mapper/mpatha >/dev/null 2>&1; echo $?)" "the installed kpartx reads a map"
/sbin/multipath -F >/dev/null 2>&1
cp /etc/multipath.conf /etc/multipath/bindings /tmp/kept/  # mpx's run added its bindings

# Booting from a multipath root. The package's initramfs-tools hook
# (MULTIPATH_BOOT=yes: the guest's own root is no map) puts mpx's programs,
# configuration, bindings and rules into an initramfs (with the modules to
# boot from this SAN: virtio-scsi, sd, ext4). The initramfs's own local-top
# script, run in the unpacked initramfs, makes the map (named by the bindings
# it carries) and its partition maps. On the map's partition goes a root file
# system whose init reports what it was mounted from: tests/lab/package.sh
# then boots the lab's kernel with this initramfs from these disks.
out=${MPX_LAB_OUT:-/tmp}
mkdir -p /etc/initramfs-tools/conf.d
echo MULTIPATH_BOOT=yes >/etc/initramfs-tools/conf.d/multipath
rm -rf /dev/shm/itconf && cp -a /etc/initramfs-tools /dev/shm/itconf
sed -i 's/^MODULES=.*/MODULES=list/' /dev/shm/itconf/initramfs.conf
printf '%s\n' virtio_pci virtio_scsi sd_mod ext4 >>/dev/shm/itconf/modules
mkinitramfs -d /dev/shm/itconf -o /dev/shm/initrd.img "$(uname -r)" >"$out/mkinitramfs.log" 2>&1
check_rc $? "mkinitramfs with mpx's hook"
echo "time: mkinitramfs after ${SECONDS}s"
lsinitramfs /dev/shm/initrd.img >"$out/initrd.list" 2>&1
for f in 'sbin/multipath' 'sbin/kpartx' 'udev/kpartx_id' 'etc/multipath\.conf' 'etc/multipath/bindings' \
  'etc/multipath/wwids' 'rules\.d/60-multipath\.rules' 'rules\.d/60-kpartx\.rules' 'rules\.d/56-dm-parts\.rules' \
  'scripts/local-top/multipath' 'dm-multipath\.ko.*' 'scsi_dh_alua\.ko.*'; do
  check "$(grep -Eq "(^|/)$f\$" "$out/initrd.list" && echo 1)" "the initramfs has $f"
done
# One Linux partition from 1 MiB to the end of the disk.
python3 - /dev/sda <<'PY'
import os, struct, sys
fd = os.open(sys.argv[1], os.O_RDWR)
sectors = os.lseek(fd, 0, os.SEEK_END) // 512
mbr = bytearray(512)
mbr[446:462] = struct.pack("<B3sB3sII", 0, b"\0" * 3, 0x83, b"\0" * 3, 2048, sectors - 2048)
mbr[510:512] = b"\x55\xaa"
os.pwrite(fd, bytes(mbr), 0)
os.fsync(fd)
os.close(fd)
PY
rm -rf /dev/shm/ird && unmkinitramfs /dev/shm/initrd.img /dev/shm/ird
ird=/dev/shm/ird
[[ -d $ird/main ]] && ird=$ird/main
for d in dev proc sys run; do mkdir -p "$ird/$d" && mount --bind "/$d" "$ird/$d"; done
# As the initramfs's init runs it: break and quiet set (its functions read them).
chroot "$ird" /bin/sh -c 'export break="" quiet=y; /scripts/local-top/multipath' >"$out/local-top.log" 2>&1
check_rc $? "the initramfs's local-top script ran"
for d in dev proc sys run; do umount "$ird/$d"; done
bound=$(awk '$1 !~ /^#/ && $1 != "mpathz" {print $1; exit}' /etc/multipath/bindings)  # the disk's
check "$([[ -n $bound && -b /dev/mapper/$bound && -b /dev/mapper/$bound-part1 ]] && echo 1)" \
  "the initramfs made $bound (named by its bindings) and $bound-part1 ($(ls /dev/mapper | tr '\n' ' '))"
# The root file system: busybox and an init that reports its root's device.
if mkfs.ext4 -q -F "/dev/mapper/$bound-part1" && mount "/dev/mapper/$bound-part1" /mnt; then
  mkdir -p /mnt/bin /mnt/sbin /mnt/proc /mnt/sys /mnt/dev /mnt/run
  cp /bin/busybox /mnt/bin/busybox
  cp "$root/tests/lab/boot-init.sh" /mnt/sbin/init && chmod 755 /mnt/sbin/init
  umount /mnt
  cp /dev/shm/initrd.img "$out/initrd.img"
  echo "root=/dev/mapper/$bound-part1" >"$out/boot-root"
fi
check "$([[ -s $out/boot-root ]] && echo 1)" "a root file system on $bound-part1, the initramfs kept for a boot"
/sbin/multipath -F >/dev/null 2>&1
check "$(dmsetup ls | grep -q 'No devices found' && echo 1)" "multipath -F removed the map and its partition maps"
rm -f /etc/initramfs-tools/conf.d/multipath

apt-get install -y "$refs"/multipath-tools_*.deb "$refs"/kpartx_*.deb >/tmp/apt-ref.log 2>&1
check_rc $? "apt install multipath-tools kpartx (back)"
echo "time: apt install of the reference after ${SECONDS}s"
check "$([[ $(status multipath-tools) == ii && $(status kpartx) == ii && $(status mpx) != ii ]] && echo 1)" \
  "multipath-tools and kpartx back, mpx removed ($(status mpx))"
check "$(/sbin/multipath -h 2>&1 | grep -q 'multipath-tools v0.9.4' && echo 1)" "/sbin/multipath is the reference's"
check "$(kept && echo 1)" "/etc/multipath.conf and bindings still kept"
((fail)) && { tail -n 20 /tmp/apt-mpx.log; tail -n 20 /tmp/apt-ref.log; }
exit $fail
