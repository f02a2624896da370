#!/bin/bash
# Guest side of bench/lab_daemon.sh: the reference multipathd (0.9.4) and
# mpx's, alternating on the same paths. Two phases in one boot: every path
# the lab made (4 hosts x 32 LUNs = 128), then the paths of two hosts deleted
# (2 x 32 = 64). Per phase:
#   - start-up, RUNS rounds each, alternating: from launching `multipathd -d
#     -s` with no maps until every map exists (dmsetup ls) and the daemon
#     answers `show daemon` (its own client); the daemon's CPU time by then;
#   - one longer run each: after SETTLE s, VmRSS/VmHWM and CPU seconds per
#     minute (utime+stime from /proc/PID/stat over STEADY s); `show paths`
#     latency, median of SHOWS, with the daemon's own client and with the
#     reference's client (the same client for both: the daemon's part);
#     latency from `offline` to F in `dmsetup status` (fail_path) and from
#     `running` to A (reinstate), on FAILS paths of different maps.
# Lines "phase ..." are parsed into the table in $MPX_LAB_OUT/results.txt.
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${MPX_BUILD_DIR:-$root/build}/bin
out=${MPX_LAB_OUT:?}
runs=${RUNS:-3} settle=${SETTLE:-10} steady=${STEADY:-60} shows=${SHOWS:-20} fails=${FAILS:-4}
hz=$(getconf CLK_TCK)
ns() { local t=${EPOCHREALTIME/./}; echo "${t}000"; }  # no fork of date(1)
ms() { echo $((($2 - $1) / 1000000)); }
log=$out/lines.txt
: >"$log"
say() { echo "$*" | tee -a "$log"; }
mkdir -p /etc/multipath
printf 'defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n\tpolling_interval 5\n}\n' \
  >/etc/multipath.conf

daemon_of() { [[ $1 == mpx ]] && echo "$bin/multipathd" || echo /sbin/multipathd; }
nmaps() { dmsetup ls --target multipath | grep -vc 'No devices'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
status_kib() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
luns() { ls -d /sys/block/sd* | while read -r b; do basename "$(readlink -f "$b/device")"; done | cut -d: -f4 | sort -u | wc -l; }
flush() {
  multipath -F >/dev/null 2>&1
  dmsetup remove_all >/dev/null 2>&1
  rm -f /etc/multipath/bindings /etc/multipath/wwids
  udevadm settle --timeout=300 2>/dev/null
}
# launch TOOL: starts the daemon in the background; sets $pid.
launch() {
  "$(daemon_of "$1")" -d -s >>"$out/$1-daemon.log" 2>&1 &
  pid=$!
}
# ready TOOL WANT: waits (at most 600 s) until WANT maps exist and the daemon
# answers show daemon.
ready() {
  local client deadline=$((SECONDS + 600))
  client=$(daemon_of "$1")
  until [[ $(nmaps) -ge $2 ]]; do ((SECONDS < deadline)) || return 1; sleep 0.05; done
  until "$client" show daemon 2>/dev/null | grep -q '^pid'; do ((SECONDS < deadline)) || return 1; sleep 0.05; done
}
stop() {  # stop TOOL
  local i
  "$(daemon_of "$1")" shutdown >/dev/null 2>&1
  for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && { kill -TERM "$pid"; sleep 2; kill -KILL "$pid" 2>/dev/null; }
  wait "$pid" 2>/dev/null
  flush
}

startup() {  # startup PHASE ROUND TOOL WANT
  local t0 t1
  flush
  t0=$(ns)
  launch "$3"
  ready "$3" "$4" || say "phase $1 round $2 $3 NOT READY maps $(nmaps)"
  t1=$(ns)
  say "phase $1 round $2 $3 startup_ms $(ms "$t0" "$t1") startup_cpu_s $(awk -v t="$(cpu_ticks "$pid")" -v hz="$hz" 'BEGIN {printf "%.2f", t / hz}') maps $(nmaps)"
  stop "$3"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR ? a[int((NR + 1) / 2)] : "NA")}'; }
show_ms() {  # show_ms CLIENT: median ms of SHOWS `show paths`
  local i t0 t1
  for i in $(seq "$shows"); do
    t0=$(ns); "$1" show paths >/tmp/show.out 2>&1; t1=$(ns)
    ms "$t0" "$t1"
  done | median
}
# The map holding device $1 (maj:min), from the tables.
map_of() { dmsetup table --target multipath | awk -v d=" $1 " 'index($0, d) {sub(":", "", $1); print $1; exit}'; }
# wait_state MAP DEVT A|F: polls dmsetup status (at most 120 s).
wait_state() {
  local deadline=$((SECONDS + 120))
  until dmsetup status "$1" | grep -q " $2 $3 "; do ((SECONDS < deadline)) || return 1; sleep 0.05; done
}

steady() {  # steady PHASE TOOL WANT
  local c0 c1 t0 t1 i b dev devt map f
  flush
  launch "$2"
  ready "$2" "$3" || say "phase $1 $2 NOT READY"
  sleep "$settle"
  c0=$(cpu_ticks "$pid"); t0=$(ns)
  sleep "$steady"
  c1=$(cpu_ticks "$pid"); t1=$(ns)
  say "phase $1 $2 rss_kib $(status_kib "$pid" VmRSS) hwm_kib $(status_kib "$pid" VmHWM) cpu_s_per_min $(awk -v c=$((c1 - c0)) -v hz="$hz" -v w=$(((t1 - t0) / 1000000)) 'BEGIN {printf "%.3f", c / hz * 60000 / w}') over_s $(((t1 - t0) / 1000000000))"
  local own ref
  own=$(show_ms "$(daemon_of "$2")")
  ref=$(show_ms /sbin/multipathd)
  say "phase $1 $2 show_paths_ms_own $own show_paths_ms_refclient $ref lines $(grep -c ' sd' /tmp/show.out)"
  # Paths on host index 1, LUNs 0.. (different maps).
  i=0
  for b in /sys/block/sd*; do
    ((i < fails)) || break
    dev=${b##*/}
    [[ $(basename "$(readlink -f "$b/device")" | cut -d: -f1) == "$host1" ]] || continue
    devt=$(cat "$b/dev")
    map=$(map_of "$devt")
    [[ -n $map ]] || continue
    i=$((i + 1))
    t0=$(ns); echo offline >"$b/device/state"
    wait_state "$map" "$devt" F || say "phase $1 $2 $dev never failed"
    t1=$(ns)
    f=$(ms "$t0" "$t1")
    t0=$(ns); echo running >"$b/device/state"
    wait_state "$map" "$devt" A || say "phase $1 $2 $dev never reinstated"
    t1=$(ns)
    say "phase $1 $2 fail_ms $f reinstate_ms $(ms "$t0" "$t1") path $dev map $map"
  done
  stop "$2"
}

phase() {  # phase NAME
  local want r
  want=$(luns)
  say "phase $1 paths $(ls -d /sys/block/sd* | wc -l) luns $want"
  for r in $(seq "$runs"); do
    startup "$1" "$r" reference "$want"
    startup "$1" "$r" mpx "$want"
  done
  steady "$1" reference "$want"
  steady "$1" mpx "$want"
}

mapfile -t hosts < <(for b in /sys/block/sd*; do basename "$(readlink -f "$b/device")"; done | cut -d: -f1 | sort -un)
host1=${hosts[1]}
echo "guest: $(nproc) vCPUs; settle ${settle} s, steady state over ${steady} s, ${runs} start-up rounds, ${shows} shows, ${fails} paths failed"
phase "${#hosts[@]}x$(luns)"
if ((${#hosts[@]} >= 4)) && [[ ${PHASE2:-1} == 1 ]]; then
  # Half the paths: delete those of the last two hosts.
  for b in /sys/block/sd*; do
    h=$(basename "$(readlink -f "$b/device")" | cut -d: -f1)
    [[ $h == "${hosts[2]}" || $h == "${hosts[3]}" ]] && echo 1 >"$b/device/delete"
  done
  udevadm settle --timeout=300
  phase "2x$(luns)"
fi
python3 "$root/bench/lab_daemon_table.py" "$log" | tee "$out/results.txt"
