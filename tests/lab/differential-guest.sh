#!/bin/bash
# Guest side of tests/lab/differential.sh. For each tests/lab/configs/*.conf:
# the reference creates its maps (multipath -i -q), we record names, tables
# and -ll, flush; then mpx does the same on the same paths, runs a second
# time (must change nothing) and flushes (must leave no map). Results go to
# $MPX_LAB_OUT/<config>/ for tests/lab/compare_maps.py.
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${MPX_LAB_OUT:?}
mpx="${MPX_BUILD_DIR:-$root/build}/bin/multipath"
mkdir -p /etc/multipath

# shellcheck source=lab/guest/reference-udev-stub.sh
source "$root/lab/guest/reference-udev-stub.sh"

maps() { dmsetup table --target multipath 2>/dev/null | grep -v '^No devices found' | sort; }
names() { dmsetup ls --target multipath 2>/dev/null | grep -v '^No devices found' | awk '{print $1}' | sort; }
clean_state() { rm -f /etc/multipath/bindings /etc/multipath/wwids /etc/multipath.conf; }
# The queue limits (max_sectors_kb) of the paths and the maps, "name value";
# restore_limits puts the paths' back as they were at boot between runs.
limits() {
  local b n
  for b in /sys/block/sd* /sys/block/dm-*; do
    [[ -e $b/queue/max_sectors_kb ]] || continue
    n=$(basename "$b")
    [[ -e $b/dm/name ]] && n=$(cat "$b/dm/name")
    echo "$n $(cat "$b/queue/max_sectors_kb")"
  done | sort
}
declare -A boot_kb
for b in /sys/block/sd*; do boot_kb[$b]=$(cat "$b/queue/max_sectors_kb"); done
restore_limits() { local b; for b in "${!boot_kb[@]}"; do echo "${boot_kb[$b]}" >"$b/queue/max_sectors_kb"; done; }

clean_state
mapfile -t wwids < <("$mpx" -d -i -v1 2>/dev/null)
echo "LUN WWIDs: ${wwids[*]}"
for conf in "$root"/tests/lab/configs/*.conf; do
  name=$(basename "$conf" .conf)
  d="$out/$name"
  mkdir -p "$d"
  echo "=== $name"
  clean_state
  sed -e "s/@WWID1@/${wwids[0]}/" -e "s/@WWID2@/${wwids[1]}/" "$conf" >/etc/multipath.conf
  cp /etc/multipath.conf "$d/multipath.conf"

  restore_limits
  timeout 300 multipath -i -q >"$d/ref-create.txt" 2>"$d/ref-create.err"
  names >"$d/ref-names.txt"
  limits >"$d/ref-limits.txt"
  maps >"$d/ref-table.txt"
  multipath -ll >"$d/ref-ll.txt" 2>"$d/ref-ll.err"
  multipath -F >/dev/null 2>&1
  names >"$d/ref-after-flush.txt"

  clean_state
  cp "$d/multipath.conf" /etc/multipath.conf
  restore_limits
  "$mpx" -i -q >"$d/mpx-create.txt" 2>"$d/mpx-create.err"
  echo $? >"$d/mpx-create.rc"
  names >"$d/mpx-names.txt"
  limits >"$d/mpx-limits.txt"
  maps >"$d/mpx-table.txt"
  "$mpx" -ll >"$d/mpx-ll.txt" 2>"$d/mpx-ll.err"
  multipath -ll >"$d/ref-ll-of-mpx.txt" 2>/dev/null
  # -T (the configuration limited to the devices and maps present), both
  # tools over the same maps.
  multipath -T >"$d/ref-T.txt" 2>/dev/null
  "$mpx" -T >"$d/mpx-T.txt" 2>/dev/null
  "$mpx" -i -q -v2 >"$d/mpx-second.txt" 2>"$d/mpx-second.err"
  maps >"$d/mpx-table2.txt"
  "$mpx" -F >"$d/mpx-flush.txt" 2>&1
  echo $? >"$d/mpx-flush.rc"
  names >"$d/mpx-after-flush.txt"
  echo "reference: $(wc -l <"$d/ref-names.txt") maps, mpx: $(wc -l <"$d/mpx-names.txt") maps"
done
# Existing maps, as the reference: a plain run after a configuration change
# reloads (and renames) only a map that gains a path; -r does the rest.
# Results in $out/existing/{ref,mpx}-{plain,forced}.txt.
existing() {  # prefix, multipath binary
  local d="$out/existing" m t len dev
  mkdir -p "$d"
  clean_state
  printf 'defaults {\n\tfind_multipaths greedy\n}\n' >/etc/multipath.conf
  "$2" -q >/dev/null 2>&1
  m=$(names | sed -n 2p)
  t=$(dmsetup table "$m")
  len=$(awk '{print $2}' <<<"$t")
  dev=$(tr ' ' '\n' <<<"$t" | grep -m1 -E '^[0-9]+:[0-9]+$')
  dmsetup suspend --noflush "$m"
  dmsetup reload "$m" --table "0 $len multipath 0 0 1 1 service-time 0 1 1 $dev 1"
  dmsetup resume "$m"
  printf 'defaults {\n\tfind_multipaths greedy\n\tuser_friendly_names yes\n\tpath_grouping_policy multibus\n}\n' \
    >/etc/multipath.conf
  "$2" -q >"$d/$1-plain.out" 2>/dev/null
  { names; maps; } >"$d/$1-plain.txt"
  "$2" -q -r >/dev/null 2>&1
  { names; maps; } >"$d/$1-forced.txt"
  "$2" -F >/dev/null 2>&1
}
echo "=== existing maps"
existing ref multipath
existing mpx "$mpx"

clean_state
restore_limits
rm -rf /run/udev/data
exit 0
