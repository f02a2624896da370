#!/bin/bash
# Guest side of tests/lab/alua.sh: a LIO loopback target (tcm_loop, set up
# through configfs alone) exports one LUN over two paths, each in its own ALUA
# target port group whose state the test changes on the target. The reference
# 0.9.4 multipathd and mpx's, in turn, on the same paths (the built-in LIO-ORG
# entry: group_by_prio, prio alua, failback immediate):
#  - at start: the same table, the active/optimized path in the active group;
#  - the states swapped on the target: priorities follow and the active group
#    moves to the newly optimized path (failback immediate), with the same
#    tables as the reference;
#  - with failback manual: priorities follow and the active group is the
#    reference's;
#  - one group standby: the path is a ghost, used last.
# Prints "ok ..."/"FAIL ..." lines; exits 1 on any FAIL. Files in $MPX_LAB_OUT.
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${MPX_BUILD_DIR:-$root/build}/bin
out=${MPX_LAB_OUT:?}
source "$root/tests/lab/guest-lib.sh"  # check, check_rc, wait_for; fail=0
mkdir -p /etc/multipath

# ---- the target -------------------------------------------------------------
cfg=/sys/kernel/config/target
core=$cfg/core/fileio_0/lun0
if ! modprobe -a target_core_mod target_core_file tcm_loop; then
  echo "FAIL the LIO modules do not load"
  exit 1
fi
[[ -d $cfg ]] || { echo "FAIL no $cfg (configfs)"; exit 1; }
truncate -s 64M /run/lun0.img
mkdir -p "$core"
echo "fd_dev_name=/run/lun0.img,fd_dev_size=67108864" >"$core/control"
echo 6001405a1a0a0001 >"$core/wwn/vpd_unit_serial"
echo 1 >"$core/enable"
for g in 1 2; do
  mkdir "$core/alua/grp$g"
  echo "$g" >"$core/alua/grp$g/tg_pt_gp_id"
done
# One loopback WWN (a SCSI host) per path, its LUN in ALUA group grp1 or grp2.
for g in 1 2; do
  tpg=$cfg/loopback/naa.500140500000000$g/tpgt_1
  mkdir -p "$tpg"
  echo "naa.50014050000001$g$g" >"$tpg/nexus"
  mkdir "$tpg/lun/lun_0"
  ln -s "$core" "$tpg/lun/lun_0/lio_lun0"
  echo "grp$g" >"$tpg/lun/lun_0/alua_tg_pt_gp"
done
wait_for 60 bash -c '[[ $(ls -d /sys/block/sd* 2>/dev/null | wc -l) == 2 ]]' ||
  { echo "FAIL the two loopback paths did not appear"; ls /sys/block; exit 1; }
udevadm settle -t 60
# The sd name of the path in group $1: tcm_loop makes one SCSI host per WWN,
# in the order the WWNs were made (grp1's first).
path_of() {
  local b
  for b in /sys/block/sd*; do
    echo "$(basename "$(readlink -f "$b/device")" | cut -d: -f1) $(basename "$b")"
  done | sort -n | awk -v n="$1" 'NR == n {print $2}'
}
P1=$(path_of 1) P2=$(path_of 2)
echo "paths: group 1 $P1, group 2 $P2"
devt() { cat "/sys/block/$1/dev"; }
states() {  # states STATE1 STATE2: 0 active/optimized, 1 non-optimized, 2 standby
  echo "$1" >"$core/alua/grp1/alua_access_state"
  echo "$2" >"$core/alua/grp2/alua_access_state"
}
# The devices (major:minor) of the map's active path group (kernel status).
active_group() {
  dmsetup status "$1" | awk '{
    i = 4; i += $i + 1;          # features
    i += $i + 1;                 # hardware handler
    ng = $i; i += 2;             # groups, next group
    for (g = 0; g < ng; g++) {
      st = $i; nsel = $(i + 1); np = $(i + 2); nps = $(i + 3); i += 4
      for (p = 0; p < np; p++) { if (st == "A") print $i; i += 2 + nps }
    }
  }'
}
table_of() { dmsetup table "$1" | awk '{$2 = "SIZE"; print}'; }
# The kernel marks a group active at the first I/O through the map after a
# load, which udev's scan usually does; on a loaded host it may not have come
# yet (seen in CI for mpx, not reproduced alone or under CPU load). One read
# of ours makes the kernel choose from the table and switch_group state the
# daemon left, for both daemons alike.
read_through() { dd if="/dev/mapper/$1" of=/dev/null bs=4k count=1 iflag=direct 2>/dev/null; }
active_is() { [[ $(active_group "$1") == "$(devt "$2")" ]]; }
# prio_is CLIENT PATH PRIO: the daemon shows that priority for the path.
prio_is() { "$1" show paths raw format "%d %p" | grep -qx "$2 $3"; }

write_conf() {  # write_conf FAILBACK
  printf 'defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n\tpolling_interval 2\n}\n' \
    >/etc/multipath.conf
  [[ $1 == immediate ]] && return
  printf 'devices {\n\tdevice {\n\t\tvendor "LIO-ORG"\n\t\tproduct ".*"\n\t\tfailback %s\n\t}\n}\n' \
    "$1" >>/etc/multipath.conf
}

# settle TOOL FILE COMMAND...: for mpx (which runs after the reference), waits
# up to 60 s for COMMAND's output to become the reference's FILE (the daemon
# regroups once every path was checked again, and the active group is the
# one udev's scan after the reload picks: slow on a loaded host); then writes
# it to the file and notes how long that took.
settle() {
  local tool=$1 file=$2 t0=$SECONDS
  shift 2
  if [[ $tool == mpx && -f ${file/\/mpx-/\/reference-} ]]; then
    wait_for 60 bash -c "$(declare -f active_group devt table_of); [[ \"\$($*)\" == \"\$(cat '${file/\/mpx-/\/reference-}')\" ]]"
    echo "note $(basename "$(dirname "$file")")/$(basename "$file"): mpx agreed after $((SECONDS - t0)) s"
  fi
  "$@" >"$file"
}

# run TOOL MULTIPATHD FAILBACK: one daemon from no maps through the state changes.
run() {
  local tool=$1 mpd=$2 fb=$3 d="$out/$1-$3"
  mkdir -p "$d"
  write_conf "$fb"
  rm -f /etc/multipath/bindings /etc/multipath/wwids
  states 0 1
  "$mpd" -d -s -v3 >"$d/daemon.log" 2>&1 &
  local pid=$!
  wait_for 60 "$mpd" show daemon
  wait_for 60 dmsetup status mpatha
  wait_for 20 prio_is "$mpd" "$P2" 10
  check "$(wait_for 20 active_is mpatha "$P1" && echo 1)" \
    "$tool ($fb): at start the active/optimized $P1 is in the active group"
  dmsetup table mpatha | awk '{$2 = "SIZE"; print}' >"$d/table.start"

  # Swap the states on the target: grp1 non-optimized, grp2 optimized.
  local t0=$SECONDS
  states 1 0
  check "$(wait_for 30 bash -c "$(declare -f prio_is); prio_is '$mpd' '$P2' 50 && prio_is '$mpd' '$P1' 10" &&
    echo 1)" \
    "$tool ($fb): priorities follow the target's new states ($((SECONDS - t0)) s)"
  if [[ $fb == immediate ]]; then
    check "$(wait_for 20 active_is mpatha "$P2" && echo 1)" \
      "$tool ($fb): the active group moves to the newly optimized $P2 ($((SECONDS - t0)) s)"
  else
    sleep 6  # three checker intervals: a switch would have happened by now
  fi
  settle "$tool" "$d/table.swapped" table_of mpatha  # the daemon's reload done
  read_through mpatha
  settle "$tool" "$d/active.swapped" active_group mpatha

  # grp2 optimized, grp1 standby: P1 is a ghost, used last.
  states 2 0
  check "$(wait_for 30 bash -c "'$mpd' show paths raw format '%d %p %T' | grep -qx '$P1 1 ghost'" &&
    echo 1)" "$tool ($fb): a standby path is a ghost with priority 1"
  "$mpd" show paths raw format "%d %p %T" | sort >"$d/paths.standby"
  settle "$tool" "$d/table.standby" table_of mpatha
  sleep 4  # two checker intervals: a regroup reload (same table) is done by then
  read_through mpatha
  settle "$tool" "$d/active.standby" active_group mpatha

  "$mpd" shutdown >/dev/null
  wait "$pid"
  multipath -F >/dev/null 2>&1
  dmsetup remove_all >/dev/null 2>&1
}

for fb in immediate manual; do
  run reference /sbin/multipathd "$fb"
  run mpx "$bin/multipathd" "$fb"
done

same() {  # same FILE WHAT
  if cmp -s "$out/reference-$1" "$out/mpx-$1"; then
    echo "ok $2"
  else
    echo "FAIL $2"
    diff -u "$out/reference-$1" "$out/mpx-$1" | head -30
    fail=1
  fi
}
for fb in immediate manual; do
  same "$fb/table.start" "failback $fb: the table at start is the reference's"
  same "$fb/table.swapped" "failback $fb: the table after the swap is the reference's"
  same "$fb/active.swapped" "failback $fb: the active group after the swap is the reference's"
  same "$fb/paths.standby" "failback $fb: priorities and states with a standby group are the reference's"
  same "$fb/table.standby" "failback $fb: the table with a standby group is the reference's"
  same "$fb/active.standby" "failback $fb: the active group with a standby group is the reference's"
done
exit $fail
