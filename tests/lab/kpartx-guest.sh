#!/bin/bash
# Guest side of tests/lab/kpartx.sh: the reference's kpartx and mpx's on the
# same devices, one after the other, compared: DOS with an extended
# partition and logical ones and GPT, each on a multipath map, a plain disk
# and a file (loop device); -u after a table change; -d removes only that
# parent's maps; a busy map is refused by name; partition maps renamed and
# flushed with their map by multipath; the bsd, sun, solaris, unixware, mac
# and ps3 images on files and their loop devices (-l, -a -v, -d).
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${MPX_BUILD_DIR:-$root/build}/bin
# shellcheck source=tests/lab/guest-lib.sh
source "$root/tests/lab/guest-lib.sh"
out=${MPX_LAB_OUT:-/tmp}/kpartx
mkdir -p "$out"
modprobe loop
python3 "$root/tests/kpartx/make_images.py" /dev/shm/img
# Partition maps only (not the multipath maps), table and uuid per line.
parts() { dmsetup table | grep ' linear ' | sort; dmsetup info -c --noheadings -o name,uuid | grep ':part' | sort; }

# compare STEP COMMAND...: runs it with the reference's kpartx, records, undoes
# (UNDO), then with mpx's; the outputs, exit codes and partition maps must be equal.
compare() {
  local step=$1 undo=$2 tool k
  shift 2
  for tool in ref mpx; do
    k=/sbin/kpartx
    [[ $tool == mpx ]] && k=$bin/kpartx
    "$k" "$@" >"$out/$step.$tool.out" 2>"$out/$step.$tool.err"
    echo "rc $?" >>"$out/$step.$tool.out"
    parts >"$out/$step.$tool.maps"
    [[ -n $undo ]] && $undo "$k" >/dev/null 2>&1
  done
  if cmp -s "$out/$step.ref.out" "$out/$step.mpx.out" && cmp -s "$out/$step.ref.maps" "$out/$step.mpx.maps"; then
    check 1 "$step: kpartx $* as the reference"
  else
    check 0 "$step: kpartx $* as the reference"
    diff "$out/$step.ref.out" "$out/$step.mpx.out"; diff "$out/$step.ref.maps" "$out/$step.mpx.maps"
  fi
}

# DOS on the LUNs (scsi_debug's LUNs share one store), multipath maps by mpx.
dd if=/dev/shm/img/dos.img of=/dev/sda bs=1M oflag=direct 2>/dev/null
printf 'defaults {\n\tuser_friendly_names yes\n}\n' >/etc/multipath.conf
rm -f /etc/multipath/bindings /etc/multipath/wwids
"$bin/multipath" -i -v0
map=/dev/mapper/mpatha
del_map() { "$1" -d "$map"; }
compare dos-map-add del_map -a -v "$map"
compare dos-map-part del_map -a -v -p -part "$map"
# -l: primaries (the reference names a guessed dm node for logical ones).
for tool in ref mpx; do
  k=/sbin/kpartx; [[ $tool == mpx ]] && k=$bin/kpartx
  "$k" -l "$map" | awk '$1 !~ /[5-9]$/' >"$out/dos-list.$tool"
done
check "$(cmp -s "$out/dos-list.ref" "$out/dos-list.mpx" && echo 1)" "dos-list: kpartx -l $map (primaries) as the reference"

# -u after a change: partition 3 shrinks, 4 appears.
for tool in ref mpx; do
  k=/sbin/kpartx; [[ $tool == mpx ]] && k=$bin/kpartx
  dd if=/dev/shm/img/dos.img of=/dev/sda bs=1M oflag=direct 2>/dev/null
  "$k" -a "$map"
  python3 - <<'PY'
import os, struct
fd = os.open("/dev/sda", os.O_RDWR)
b = bytearray(os.pread(fd, 512, 0))
b[446 + 32:446 + 48] = struct.pack("<B3sB3sII", 0, b"\0" * 3, 0x83, b"\0" * 3, 14336, 1024)
b[446 + 48:446 + 64] = struct.pack("<B3sB3sII", 0, b"\0" * 3, 0x83, b"\0" * 3, 15360, 1024)
os.pwrite(fd, bytes(b), 0)
os.fsync(fd)
os.close(fd)
PY
  blockdev --flushbufs "$map" 2>/dev/null
  "$k" -u -v "$map" >"$out/update.$tool.out" 2>&1
  parts >"$out/update.$tool.maps"
  "$k" -d "$map"
done
check "$(grep -q '^mpatha4: 0 1024 linear' "$out/update.mpx.maps" && echo 1)" "update: the change was seen (mpatha4)"
check "$(cmp -s "$out/update.ref.maps" "$out/update.mpx.maps" && echo 1)" "update: kpartx -u after a table change as the reference"
diff "$out/update.ref.maps" "$out/update.mpx.maps"

# -d: only this parent's maps; a busy one refused by name (the reference stops
# there, mpx removes the others: docs/differences.md).
dd if=/dev/shm/img/dos.img of=/dev/sda bs=1M oflag=direct 2>/dev/null
"$bin/kpartx" -a "$map"; "$bin/kpartx" -a /dev/mapper/mpathb
exec 7</dev/mapper/mpatha1
"$bin/kpartx" -d "$map" 2>"$out/busy.err"; rc=$?
exec 7<&-
check "$([[ $rc == 1 ]] && grep -q 'mpatha1 is in use. Not removing' "$out/busy.err" && echo 1)" "-d refuses a busy map by name (rc $rc)"
check "$([[ -e /dev/mapper/mpatha1 && ! -e /dev/mapper/mpatha2 && -e /dev/mapper/mpathb1 ]] && echo 1)" \
  "-d removed the other maps of mpatha, none of mpathb"
"$bin/kpartx" -d "$map"; "$bin/kpartx" -d /dev/mapper/mpathb
"$bin/multipath" -F

# Partition maps go with their multipath map (the reference's multipath
# and mpx's, each on maps it made): an alias change renames them with -r
# (without and with partition_delimiter), -f refuses while a partition map is open
# and leaves all as it was, then removes the map with its partition maps.
# shellcheck source=lab/guest/reference-udev-stub.sh
source "$root/lab/guest/reference-udev-stub.sh"  # the reference's WWIDs without udevd
dd if=/dev/shm/img/dos.img of=/dev/sda bs=1M oflag=direct 2>/dev/null
names() { dmsetup info -c --noheadings -o name,uuid | sort | tr '\n' ' '; echo; }
for tool in ref mpx; do
  mp=/sbin/multipath
  [[ $tool == mpx ]] && mp=$bin/multipath
  rec=$out/with-map.$tool
  printf 'defaults {\n\tuser_friendly_names yes\n}\n' >/etc/multipath.conf
  rm -f /etc/multipath/bindings /etc/multipath/wwids
  $mp -i -v0
  dmsetup mknodes  # the reference leaves nodes to udev, which this boot does not run
  wwid=$(dmsetup info -c --noheadings -o uuid mpatha | sed 's/^mpath-//')
  "$bin/kpartx" -a -p -part /dev/mapper/mpatha
  names >"$rec"
  printf 'defaults {\n\tuser_friendly_names yes\n}\nmultipaths {\n\tmultipath {\n\t\twwid %s\n\t\talias data\n\t}\n}\n' \
    "$wwid" >/etc/multipath.conf
  $mp -r -v0; echo "rename rc $?" >>"$rec"; names >>"$rec"
  printf 'defaults {\n\tuser_friendly_names yes\n\tpartition_delimiter -part\n}\nmultipaths {\n\tmultipath {\n\t\twwid %s\n\t\talias db9\n\t}\n}\n' \
    "$wwid" >/etc/multipath.conf
  $mp -r -v0; echo "rename rc $?" >>"$rec"; names >>"$rec"
  dmsetup mknodes
  part1=$(dmsetup info -c --noheadings -o name -u "part1-mpath-$wwid")
  exec 7<"/dev/mapper/$part1"
  $mp -f db9 >/dev/null 2>&1; echo "flush while $part1 is open: rc $?" >>"$rec"; names >>"$rec"
  exec 7<&-
  $mp -f db9 >/dev/null 2>&1; echo "flush: rc $?" >>"$rec"; names >>"$rec"
  $mp -F >/dev/null 2>&1
  "$bin/kpartx" -d /dev/mapper/mpathb 2>/dev/null; dmsetup remove_all 2>/dev/null
done
check "$(sed -n 5p "$out/with-map.mpx" | grep -q 'db9-part1:part1-' && echo 1)" \
  "with-map: mpx renamed the partition maps with their map"
check "$(cmp -s "$out/with-map.ref" "$out/with-map.mpx" && echo 1)" \
  "with-map: renames and -f with partition maps as the reference"
diff "$out/with-map.ref" "$out/with-map.mpx"

# GPT on a plain disk and on a file.
dd if=/dev/shm/img/gpt.img of=/dev/sda bs=1M oflag=direct 2>/dev/null
del_sda() { "$1" -d /dev/sda; }
compare gpt-disk-add del_sda -a -v /dev/sda
compare gpt-disk-list "" -l /dev/sda
del_file() { "$1" -d /dev/shm/img/gpt.img; }
compare gpt-file-add del_file -a -v /dev/shm/img/gpt.img
check "$([[ -z $(losetup -a) ]] && echo 1)" "-d of a file detaches its loop device ($(losetup -a | tr '\n' ' '))"

# The other way round: DOS (extended, logical) on a plain disk and on a file,
# GPT on a multipath map.
dd if=/dev/shm/img/dos.img of=/dev/sda bs=1M oflag=direct 2>/dev/null
compare dos-disk-add del_sda -a -v /dev/sda
del_dos_file() { "$1" -d /dev/shm/img/dos.img; }
compare dos-file-add del_dos_file -a -v /dev/shm/img/dos.img
for l in $(losetup -a | cut -d: -f1); do losetup -d "$l"; done
dd if=/dev/shm/img/gpt.img of=/dev/sda bs=1M oflag=direct 2>/dev/null
printf 'defaults {\n\tuser_friendly_names yes\n}\n' >/etc/multipath.conf
rm -f /etc/multipath/bindings /etc/multipath/wwids
"$bin/multipath" -i -v0
compare gpt-map-add del_map -a -v "$map"
"$bin/multipath" -F

# The other formats, each on a file. -l: names and sizes in order (a slice
# inside another is listed by mpx on the parent, by the reference on a
# guessed dm node: docs/differences.md); -a -v: output and maps. -d -v on the
# file's loop device after each tool's own -a (the reference's -d of a file
# in this guest finds no loop device and does nothing, rc 0): output, maps.
del_img() { "$1" -d "$img"; }
del_loop() { "$1" -d "$loop"; }
for fmt in bsd sun solaris unixware mac ps3; do
  img=/dev/shm/img/$fmt.img
  for tool in ref mpx; do
    k=/sbin/kpartx; [[ $tool == mpx ]] && k=$bin/kpartx
    "$k" -l "$img" 2>"$out/$fmt-list.$tool.err" | awk '{print $1, $4}' >"$out/$fmt-list.$tool"
  done
  check "$([[ -s $out/$fmt-list.ref ]] && cmp -s "$out/$fmt-list.ref" "$out/$fmt-list.mpx" && echo 1)" \
    "$fmt-list: kpartx -l $img (names, sizes) as the reference"
  diff "$out/$fmt-list.ref" "$out/$fmt-list.mpx"
  compare "$fmt-add" del_img -a -v "$img"
  "$bin/kpartx" -d "$img" >/dev/null 2>&1  # what the reference's -d left
  loop=$(losetup -f --show "$img")
  compare "$fmt-loop-add" del_loop -a -v "$loop"
  for tool in ref mpx; do
    k=/sbin/kpartx; [[ $tool == mpx ]] && k=$bin/kpartx
    "$k" -a "$loop" >/dev/null 2>&1
    "$k" -d -v "$loop" >"$out/$fmt-del.$tool.out" 2>&1
    echo "rc $?" >>"$out/$fmt-del.$tool.out"
    parts >"$out/$fmt-del.$tool.maps"
  done
  check "$(cmp -s "$out/$fmt-del.ref.out" "$out/$fmt-del.mpx.out" && cmp -s "$out/$fmt-del.ref.maps" "$out/$fmt-del.mpx.maps" && [[ ! -s $out/$fmt-del.ref.maps ]] && echo 1)" \
    "$fmt-del: kpartx -d -v $loop as the reference, no map left"
  diff "$out/$fmt-del.ref.out" "$out/$fmt-del.mpx.out"
  losetup -d "$loop"
done
exit $fail
