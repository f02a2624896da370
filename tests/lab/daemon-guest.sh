#!/bin/bash
# Guest side of tests/lab/daemon.sh: mpx's multipathd on scsi_debug paths
# (2 hosts x 2 LUNs: host 0 ALUA active/optimized, host 1 non-optimized).
#  1. The reference 0.9.4 multipathd and mpx's, each started on the same
#     paths from no maps: the same dm tables, the same answers to read-only
#     commands, the same path states after a path goes offline and returns.
#  2. mpx only: I/O through a map never fails while its paths fail in turn
#     (written data reads back intact); hot removal and re-scan of a path;
#     the action commands; non-root clients may show but not act; a second
#     daemon is refused; SIGTERM stops the daemon and leaves the maps.
# Prints "ok ..."/"FAIL ..." lines; exits 1 on any FAIL. Files in $MPX_LAB_OUT.
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${MPX_BUILD_DIR:-$root/build}/bin
out=${MPX_LAB_OUT:?}
source "$root/tests/lab/guest-lib.sh"  # check, check_rc, wait_for; fail=0
mkdir -p /etc/multipath

# The path at host index $1, LUN $2 (sd names follow probe order).
sd_at() {
  local hosts b hctl
  hosts=($(for b in /sys/block/sd*; do basename "$(readlink -f "$b/device")"; done | cut -d: -f1 | sort -un))
  for b in /sys/block/sd*; do
    hctl=$(basename "$(readlink -f "$b/device")")
    if [[ ${hctl%%:*} == "${hosts[$1]}" && ${hctl##*:} == "$2" ]]; then basename "$b"; return; fi
  done
}
devt() { cat "/sys/block/$1/dev"; }
# Is path $2 (sdX) in state $3 (A or F) in map $1's kernel status?
dm_path_is() { dmsetup status "$1" | grep -q " $(devt "$2") $3 "; }

P00=$(sd_at 0 0) P10=$(sd_at 1 0) P01=$(sd_at 0 1) P11=$(sd_at 1 1)
echo "paths: LUN 0 $P00 $P10, LUN 1 $P01 $P11"
# Persistent-reservation keys: mpatha's from the prkeys file, mpathb's from
# multipath.conf.
lun1_wwid=$(udevadm info -q property "/dev/$P01" | sed -n 's/^ID_SERIAL=//p')
printf 'defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n\tpolling_interval 2\n\treservation_key file\n}\n' \
  >/etc/multipath.conf
printf 'multipaths {\n\tmultipath {\n\t\twwid %s\n\t\treservation_key 0x1234abcd\n\t}\n}\n' "$lun1_wwid" \
  >>/etc/multipath.conf
echo "LUN 1 ($lun1_wwid): reservation_key 0x1234abcd"

# ---- 1. side by side with the reference ----------------------------------
readonly_cmds=(
  "show topology"
  'show paths format "%d %w %D %t %T %o %p %s %m %N"'
  'show maps format "%n %w %d %N %Q %x %s %v %p %e"'
  "show maps json"
  "show map mpatha topology"
  "show status"
  "show blacklist"
  "show config"
  "show config local"
)
# mpathpersist's commands, in this order: replies and the prkeys file compared.
pr_cmds=(
  "getprstatus map mpatha" "setprstatus map mpatha" "getprstatus map dm-0"
  "unsetprstatus map mpatha" "getprstatus map mpatha" "setprstatus map nosuch"
  "getprkey map mpatha" "setprkey map mpatha key 0xabc" "getprkey map mpatha"
  "setprkey map mpatha key 12:aptpl" "getprkey map mpatha" "setprkey map mpatha key xyz"
  "setprkey map mpatha key 0x12345678901234567" "unsetprkey map mpatha" "getprkey map mpatha"
  "setprkey map mpatha key 0xFFFFFFFFFFFFFFFF" "getprkey map mpatha" "getprkey map mpathb"
  "setprkey map mpathb key 0x55" "unsetprkey map mpathb"
)
# run_daemon TOOL MULTIPATHD MULTIPATHD_CLIENT: start, compare, fail, stop.
run_daemon() {
  local tool=$1 daemon=$2 client=$3 d="$out/$1" i
  mkdir -p "$d"
  rm -f /etc/multipath/bindings /etc/multipath/wwids /etc/multipath/prkeys
  "$daemon" -d -s -v3 >"$d/daemon.log" 2>&1 &
  local pid=$!
  wait_for 60 "$client" show daemon
  wait_for 60 dmsetup status mpathb
  # The kernel marks a group active at the first I/O through the map, which
  # udev's probes usually do; on a loaded host they may not have happened
  # yet (seen in CI: every group still "enabled"). Let udev finish, keep what
  # it left, then read once through each map so both daemons are compared on
  # the same kernel state.
  udevadm settle -t 120 || echo "note: udevadm settle timed out"
  dmsetup status | sort >"$d/status.before-read"
  for m in mpatha mpathb; do
    udevadm info "/dev/mapper/$m" >"$d/udev.$m" 2>&1
    dd if="/dev/mapper/$m" of=/dev/null bs=4k count=1 iflag=direct 2>/dev/null ||
      echo "note: read through $m failed"
  done
  sleep 3  # one more round of checks: every path has its state and priority
  dmsetup table | sort >"$d/table.start"
  for i in "${!readonly_cmds[@]}"; do
    "$client" -k"${readonly_cmds[$i]}" >"$d/cmd$i.out" 2>&1
    echo $? >"$d/cmd$i.rc"
  done
  for i in "${!pr_cmds[@]}"; do "$client" -k"${pr_cmds[$i]}" >"$d/pr$i.out" 2>&1; done
  cp /etc/multipath/prkeys "$d/prkeys" 2>&1
  stat -c %a /etc/multipath/prkeys >"$d/prkeys.mode" 2>&1
  echo offline >"/sys/block/$P00/device/state"
  wait_for 60 dm_path_is mpatha "$P00" F
  check_rc "$?" "$tool: the offline path $P00 is failed in mpatha"
  wait_for 30 bash -c "'$client' show paths | grep -q '$P00 .*failed faulty offline'"
  "$client" -k'show paths format "%d %t %T %o"' | sort >"$d/paths.offline"
  echo running >"/sys/block/$P00/device/state"
  wait_for 60 dm_path_is mpatha "$P00" A
  check_rc "$?" "$tool: $P00 is reinstated when it returns"
  wait_for 30 bash -c "'$client' show paths | grep -q '$P00 .*active ready  *running'"
  "$client" -k'show paths format "%d %t %T %o"' | sort >"$d/paths.back"
  "$client" shutdown >/dev/null
  wait "$pid"
  check "$([[ $? == 0 ]] && echo 1)" "$tool: shutdown ends the daemon with status 0"
  dmsetup table | sort >"$d/table.after"
  multipath -F >/dev/null 2>&1
  dmsetup remove_all >/dev/null 2>&1
}
run_daemon reference /sbin/multipathd /sbin/multipathd
run_daemon mpx "$bin/multipathd" "$bin/multipathd"

same() {  # same FILE WHAT
  if cmp -s "$out/reference/$1" "$out/mpx/$1"; then
    echo "ok $2"
  else
    echo "FAIL $2"
    diff -u "$out/reference/$1" "$out/mpx/$1" | head -40
    fail=1
  fi
}
same table.start "the dm tables at start equal the reference's"
same table.after "shutdown leaves the maps as the reference does"
same paths.offline "path states with $P00 offline equal the reference's"
same paths.back "path states after $P00 returns equal the reference's"
for i in "${!readonly_cmds[@]}"; do
  same "cmd$i.rc" "exit status of '${readonly_cmds[$i]}'"
  same "cmd$i.out" "'${readonly_cmds[$i]}' answers as the reference"
done
for i in "${!pr_cmds[@]}"; do same "pr$i.out" "'${pr_cmds[$i]}' answers as the reference"; done
same prkeys "the prkeys file after those commands equals the reference's"
same prkeys.mode "the prkeys file's mode equals the reference's"
if [[ $fail == 1 ]]; then  # what the kernel showed before the test's own read
  for t in reference mpx; do sed "s/^/note $t before the read: /" "$out/$t/status.before-read"; done
fi

# ---- 2. mpx alone ----------------------------------------------------------
mpd=$bin/multipathd
printf 'defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n\tpolling_interval 2\n\tno_path_retry 30\n}\n' \
  >/etc/multipath.conf
rm -f /etc/multipath/bindings /etc/multipath/wwids
"$mpd" -d -s -v3 >"$out/mpx/daemon2.log" 2>&1 &
pid=$!
wait_for 60 "$mpd" show daemon
wait_for 60 dmsetup status mpathb
check "$(wait_for 30 dm_path_is mpatha "$P10" A && echo 1)" "mpx multipathd: maps up"

"$mpd" -d -s >"$out/mpx/second.log" 2>&1
check "$([[ $? != 0 ]] && grep -q "another multipathd is running" "$out/mpx/second.log" && echo 1)" \
  "a second multipathd is refused, saying why"

# I/O through mpatha while its paths fail in turn, then all at once (the
# map queues: no_path_retry 30 in this phase), and come back: fio writes and
# verifies (crc32c) without one error.
fio_job() {  # fio_job NAME LOOPS
  timeout 900 fio --name="$1" --filename=/dev/mapper/mpatha --direct=1 --ioengine=psync \
    --rw=randwrite --bs=64k --size=4M --verify=crc32c --do_verify=1 --verify_fatal=1 \
    --loops="$2" --status-interval=10 --output="$out/mpx/fio-$1.txt"
}
fio_job failover 30 &
io=$!
for victim in "$P00" "$P10"; do
  echo offline >"/sys/block/$victim/device/state"
  wait_for 60 dm_path_is mpatha "$victim" F
  check_rc "$?" "under I/O: $victim offline is failed in the map"
  echo running >"/sys/block/$victim/device/state"
  t0=$SECONDS
  wait_for 60 dm_path_is mpatha "$victim" A
  check_rc "$?" "under I/O: $victim back is reinstated (after $((SECONDS - t0)) s; polling_interval 2)"
done
# Every path gone: I/O queues; back: it completes.
echo offline >"/sys/block/$P00/device/state"
echo offline >"/sys/block/$P10/device/state"
wait_for 60 bash -c "dm_path_is() { dmsetup status \"\$1\" | grep -q \" \$(cat /sys/block/\$2/dev) \$3 \"; }; dm_path_is mpatha $P00 F && dm_path_is mpatha $P10 F"
check_rc "$?" "under I/O: with both paths offline both are failed"
check "$(dmsetup table mpatha | grep -q queue_if_no_path && echo 1)" "under I/O: the map queues with no path (no_path_retry 30)"
sleep 4  # I/O waits in the queue
echo running >"/sys/block/$P00/device/state"
echo running >"/sys/block/$P10/device/state"
t0=$SECONDS
# (bounded for a loaded host: the queued I/O is retried on the paths first)
wait_for 180 bash -c "dmsetup status mpatha | grep -q ' $(devt "$P00") A ' && dmsetup status mpatha | grep -q ' $(devt "$P10") A '"
check_rc "$?" "both paths back active after $((SECONDS - t0)) s"
wait "$io"
rc=$?
check "$([[ $rc == 0 ]] && grep -q 'err= 0' "$out/mpx/fio-failover.txt" && echo 1)" \
  "fio: no I/O error and crc32c verify intact through failover, failback and queueing (rc $rc)"
wait_for 30 bash -c "'$mpd' show paths | grep -c 'active ready' | grep -qx 4"
check_rc "$?" "every path active and ready again"

# Hot removal and re-scan.
host=$(basename "$(readlink -f /sys/block/$P11/device)" | cut -d: -f1)
echo 1 >"/sys/block/$P11/device/delete"
wait_for 60 bash -c "[[ \$(dmsetup table mpathb | grep -o '[0-9]*:[0-9]*' | wc -l) == 1 ]]"
check_rc "$?" "a deleted path leaves its map"
# (the daemon publishes its state once the reload is through: wait for it)
wait_for 30 bash -c "! '$mpd' show paths | grep -qw '$P11'"
check_rc "$?" "show paths no longer lists $P11"
echo "- - -" >"/sys/class/scsi_host/host$host/scan"
wait_for 60 bash -c "[[ \$(dmsetup table mpathb | grep -o '[0-9]*:[0-9]*' | wc -l) == 2 ]]"
check_rc "$?" "a re-scanned path joins its map again"

# A host added at run time: its paths join both maps; removed: they leave.
npaths() { dmsetup table "$1" | grep -o '[0-9]*:[0-9]*' | wc -l; }
echo 1 >/sys/bus/pseudo/drivers/scsi_debug/add_host
t0=$SECONDS
wait_for 90 bash -c "[[ \$(dmsetup table mpatha | grep -o '[0-9]*:[0-9]*' | wc -l) == 3 &&
  \$(dmsetup table mpathb | grep -o '[0-9]*:[0-9]*' | wc -l) == 3 ]]"
check_rc "$?" "a host added at run time: its paths join both maps ($((SECONDS - t0)) s)"
wait_for 30 bash -c "'$mpd' show paths | grep -c ':0:0:' | grep -qx 6"
check_rc "$?" "show paths lists the new host's paths"
echo -1 >/sys/bus/pseudo/drivers/scsi_debug/add_host
t0=$SECONDS
wait_for 90 bash -c "[[ \$(dmsetup table mpatha | grep -o '[0-9]*:[0-9]*' | wc -l) == 2 &&
  \$(dmsetup table mpathb | grep -o '[0-9]*:[0-9]*' | wc -l) == 2 ]]"
check_rc "$?" "the host removed: its paths leave both maps ($((SECONDS - t0)) s)"
echo "maps after the host came and went: mpatha $(npaths mpatha) paths, mpathb $(npaths mpathb)"

# The LUNs grow on the target (scsi_debug virtual_gb) and each path is
# rescanned (the kernel's change uevent, RESIZE=1): the maps follow.
size0=$(blockdev --getsz /dev/mapper/mpatha)
echo 1 >/sys/bus/pseudo/drivers/scsi_debug/virtual_gb
for b in /sys/block/sd*; do echo 1 >"$b/device/rescan"; done
t0=$SECONDS
wait_for 60 bash -c "[[ \$(blockdev --getsz /dev/mapper/mpatha) == 2097152 &&
  \$(blockdev --getsz /dev/mapper/mpathb) == 2097152 ]]"
check_rc "$?" "LUNs resized on the target ($size0 -> 2097152 sectors): both maps follow ($((SECONDS - t0)) s)"

# Action commands.
fresh=$(sd_at 1 1)
r=$("$mpd" fail path "$P01")
wait_for 10 dm_path_is mpathb "$P01" F
check "$([[ $? == 0 && $r == ok ]] && echo 1)" "fail path $P01: ok, failed in the kernel"
r=$("$mpd" reinstate path "$P01")
wait_for 10 dm_path_is mpathb "$P01" A
check "$([[ $? == 0 && $r == ok ]] && echo 1)" "reinstate path $P01: ok, active in the kernel"
"$mpd" switchgroup map mpathb group 2 >/dev/null
check "$(wait_for 10 bash -c "dmsetup status mpathb | grep -q ' 2 2 E'" && echo 1)" \
  "switchgroup map mpathb group 2: the kernel switches"
"$mpd" fail path nosuchpath >"$out/mpx/fail-nosuch.out"
check "$([[ $? == 1 && $(cat "$out/mpx/fail-nosuch.out") == fail ]] && echo 1)" \
  "fail path of an unknown path: 'fail', status 1"
"$mpd" disablequeueing map mpathb >/dev/null
check "$(dmsetup table mpathb | grep -q 'queue_if_no_path' || echo 1)" "disablequeueing map mpathb"
"$mpd" restorequeueing map mpathb >/dev/null
wwid_b=$("$mpd" show maps raw format "%n %w" | awk '$1 == "mpathb" {print $2}')
"$mpd" del map mpathb >/dev/null
check "$(wait_for 10 bash -c '! dmsetup info mpathb' && echo 1)" "del map mpathb removes it"
"$mpd" add map "$wwid_b" >/dev/null
check "$(wait_for 20 dmsetup info mpathb && echo 1)" "add map $wwid_b brings mpathb back"
"$mpd" reconfigure >/dev/null
check "$(wait_for 30 bash -c "'$mpd' show maps | grep -q mpathb" && echo 1)" "reconfigure keeps the maps"

# Non-root clients: show yes, act no.
r=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$mpd" show maps 2>&1)
check "$(grep -q mpatha <<<"$r" && echo 1)" "a non-root client may show maps"
r=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$mpd" fail path "$P00" 2>&1)
check "$([[ $r == *"permission deny"* ]] && echo 1)" "a non-root client may not fail a path: $r"

# JSON is JSON.
"$mpd" show maps json | python3 -m json.tool >/dev/null
check "$([[ $? == 0 ]] && echo 1)" "show maps json parses"

# show answers while checks are slow: scsi_debug answers every command
# 10 s late (all paths) for a while. Last: udev's own probes of the devices
# crawl meanwhile, and device-mapper reloads wait for udev.
delay=/sys/bus/pseudo/drivers/scsi_debug/delay
old_delay=$(cat $delay)
echo 2500 >$delay  # jiffies: 10 s at Debian's HZ=250
sleep 6  # checks start and wait on the device
t0=$(date +%s%N)
"$mpd" show paths >"$out/mpx/paths.slow"
rc=$?
ms=$((($(date +%s%N) - t0) / 1000000))
echo "$old_delay" >$delay
check "$([[ $rc == 0 && $ms -lt 3000 ]] && grep -qw "$P00" "$out/mpx/paths.slow" && echo 1)" \
  "show paths answers in $ms ms while the paths' checks wait on the device"

kill -TERM "$pid"
wait "$pid"
check "$([[ $? == 0 ]] && echo 1)" "SIGTERM stops mpx multipathd with status 0"
check "$(dmsetup info mpatha >/dev/null 2>&1 && echo 1)" "the maps stay after the daemon stops"
exit $fail
