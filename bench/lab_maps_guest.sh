#!/bin/bash
# Guest side of bench/lab_maps.sh: alternating mpx and the reference, RUNS
# runs each, times create (multipath -i -q), -ll and flush (-F) of every map.
# Also the share of mpx's create spent in device-mapper ioctls (strace -c -w: wall
# time inside the calls).
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
mpx="$root/build/bin/multipath"
ns() { date +%s%N; }
ms() { echo $((($2 - $1) / 1000000)); }
rm -f /etc/multipath.conf /etc/multipath/bindings /etc/multipath/wwids
one() {  # one TOOL: create, -ll, flush; prints "TOOL create_ms ll_ms flush_ms maps"
  local tool=$1 t0 t1 t2 t3 n
  rm -f /etc/multipath/bindings /etc/multipath/wwids
  t0=$(ns); $tool -i -q >/dev/null 2>&1; t1=$(ns)
  n=$(dmsetup ls --target multipath | grep -vc 'No devices')
  $tool -ll >/dev/null 2>&1; t2=$(ns)
  $tool -F >/dev/null 2>&1; t3=$(ns)
  echo "$2 create_ms $(ms $t0 $t1) ll_ms $(ms $t1 $t2) flush_ms $(ms $t2 $t3) maps $n"
}
echo "paths: $(ls -d /sys/block/sd* | wc -l)"
for i in $(seq "$runs"); do
  one "$mpx" mpx
  one multipath reference
done
rm -f /etc/multipath/bindings /etc/multipath/wwids
strace -f -c -w -e trace=ioctl -o /tmp/strace-ioctl.txt "$mpx" -i -q >/dev/null 2>&1
"$mpx" -F >/dev/null 2>&1
t0=$(ns); "$mpx" -i -q >/dev/null 2>&1; t1=$(ns); "$mpx" -F >/dev/null 2>&1
strace -f -c -w -o /tmp/strace-all.txt "$mpx" -i -q >/dev/null 2>&1
"$mpx" -F >/dev/null 2>&1
echo "mpx create without strace: $(ms $t0 $t1) ms"
echo "ioctl seconds: $(awk '$NF=="ioctl"{print $2}' /tmp/strace-ioctl.txt)"
echo "all syscalls seconds: $(awk '$NF=="total"{print $2}' /tmp/strace-all.txt)"
grep -E 'ioctl|total' /tmp/strace-all.txt
