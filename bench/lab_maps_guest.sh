#!/bin/bash
# Guest side of bench/lab_maps.sh: alternating mpx and the reference, RUNS
# runs each, times create (multipath -i -q), -ll and flush (-F) of every map.
# Also the share of mpx's create spent in device-mapper ioctls (strace -c -w: wall
# time inside the calls).
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
mpx="${MPX_BUILD_DIR:-$root/build}/bin/multipath"
ns() { local t=${EPOCHREALTIME/./}; echo "${t}000"; }  # no fork of date(1)
ms() { echo $((($2 - $1) / 1000000)); }
rm -f /etc/multipath.conf /etc/multipath/bindings /etc/multipath/wwids
# shellcheck source=lab/guest/reference-udev-stub.sh
source "$root/lab/guest/reference-udev-stub.sh"
settle() { [[ ${MPX_LAB_UDEV:-none} == none ]] || udevadm settle --timeout=900; }
one() {  # one TOOL LABEL: create, settle, -ll, flush; prints "LABEL create_ms ... maps N"
  local tool=$1 t0 t1 t2 t3 t4 n
  rm -f /etc/multipath/bindings /etc/multipath/wwids
  t0=$(ns); $tool -i -q >/dev/null 2>&1; t1=$(ns)
  settle; t2=$(ns)
  n=$(dmsetup ls --target multipath | grep -vc 'No devices')
  $tool -ll >/dev/null 2>&1; t3=$(ns)
  $tool -F >/dev/null 2>&1; t4=$(ns)
  settle
  echo "$2 create_ms $(ms $t0 $t1) settle_ms $(ms $t1 $t2) ll_ms $(ms $t2 $t3) flush_ms $(ms $t3 $t4) maps $n"
}
# First creation on paths udev does not yet claim (fresh WWIDs, find_multipaths
# strict): both tools then send every path a change uevent and udev runs all its
# rules for each. Timed until udev is idle again.
first() {  # first TOOL LABEL
  local tool=$1 t0 t1 t2
  rm -f /etc/multipath/bindings /etc/multipath/wwids
  udevadm trigger --action=change --subsystem-match=block --sysname-match='sd*'
  settle   # every path now DM_MULTIPATH_DEVICE_PATH=0
  t0=$(ns); $tool -i -q >/dev/null 2>&1; t1=$(ns)
  settle; t2=$(ns)
  echo "$2 first_create_ms $(ms $t0 $t1) settle_ms $(ms $t1 $t2) total_ms $(ms $t0 $t2) claimed $(claimed)"
  $tool -F >/dev/null 2>&1
  settle
}
claimed() {
  local d n=0
  for d in /sys/block/sd*; do
    udevadm info -q property "/dev/${d##*/}" | grep -qx DM_MULTIPATH_DEVICE_PATH=1 && n=$((n + 1))
  done
  echo "$n"
}
echo "paths: $(ls -d /sys/block/sd* | wc -l)"
# As installed: udev's rules (56-dm-mpath.rules) run `multipath -U` for every
# new map, so during mpx's runs /sbin/multipath is mpx (a drop-in replaces it);
# kpartx, blkid and dmsetup are the system's for both.
sbin=$(readlink -f "$(command -v multipath)")
installed() {
  if [[ $1 == mpx ]]; then mount --bind "$mpx" "$sbin"; else umount "$sbin" 2>/dev/null; fi
}
if [[ ${MPX_LAB_UDEV:-none} != none ]]; then
  installed mpx
  first "$mpx" mpx
  installed reference
  first "$sbin" reference
fi
# Steady state for the timed runs: udev classifies every path as a multipath
# member already (left so by the first creations above; without udevd nobody
# classifies), so neither tool sends path uevents.
for i in $(seq "$runs"); do
  installed mpx
  one "$mpx" mpx
  installed reference
  one "$sbin" reference
done
# Also mpx with the reference's udev helper, to show what udev's part costs.
one "$mpx" mpx-with-reference-udev-helper
rm -f /etc/multipath/bindings /etc/multipath/wwids
installed mpx
# Where mpx's create time goes: discovery and checks (a dry run), the
# device-mapper ioctls (strace -T, DM_* requests only), and the wait for udev.
t0=$(ns); "$mpx" -d -i -q >/dev/null 2>&1; t1=$(ns)
echo "mpx dry run (discovery, checkers, prioritizers): $(ms $t0 $t1) ms"
# CPU time: all non-idle jiffies of both vCPUs (/proc/stat) against mpx's own
# user+system time (bash's `times` for finished children).
busy() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# (`times` must run in this shell: a pipeline's subshell has no finished children.)
child_cpu() { times >/tmp/times.txt; awk 'NR == 2 {gsub(/[ms]/, " "); print ($1 * 60 + $2) + ($3 * 60 + $4)}' /tmp/times.txt; }
child_cpu >/tmp/c0; c0=$(</tmp/c0); b0=$(busy); t0=$(ns); "$mpx" -i -q >/dev/null 2>&1; t1=$(ns); b1=$(busy); child_cpu >/tmp/c1; c1=$(</tmp/c1)
t1b=$(ns); settle; t2=$(ns)
hz=$(getconf CLK_TCK)
echo "mpx create without strace: $(ms $t0 $t1) ms; udev still busy afterwards: $(ms $t1b $t2) ms"
[[ ${MPX_LAB_UDEV:-none} == none ]] || awk -v b=$((b1 - b0)) -v hz="$hz" -v c0="$c0" -v c1="$c1" -v w=$(((t1 - t0) / 1000000)) -v n="$(nproc)" 'BEGIN {
  printf "CPU during mpx create: %.2f s busy of %.2f s available (%d vCPUs); mpx itself %.2f s; udev, its helpers and the kernel %.2f s\n",
    b / hz, n * w / 1000, n, c1 - c0, b / hz - (c1 - c0) }'
"$mpx" -F >/dev/null 2>&1
strace -f -T -e trace=ioctl,semop,semtimedop -o /tmp/strace-T.txt "$mpx" -i -q >/dev/null 2>&1
"$mpx" -F >/dev/null 2>&1
awk '/DM_[A-Z_]+/ { if (match($0, /<[0-9.]+>$/)) { dm += substr($0, RSTART + 1, RLENGTH - 2); n++ } }
     /SG_IO/ { if (match($0, /<[0-9.]+>$/)) sg += substr($0, RSTART + 1, RLENGTH - 2) }
     /semop|semtimedop/ { if (match($0, /<[0-9.]+>$/)) sem += substr($0, RSTART + 1, RLENGTH - 2) }
     END { printf "device-mapper ioctls: %d calls, %.3f s; SG_IO: %.3f s (all threads); udev cookie wait (semop): %.3f s\n", n, dm, sg, sem }' /tmp/strace-T.txt
installed reference
