#!/bin/bash
# Guest script (tests/lab/checkers.sh boots it): every path checker and
# prioritizer of mpx (mpx_checker_probe, the daemon's call surface) on the
# guest's scsi_debug paths, compared with the reference 0.9.4 (`multipath -d
# -v3 -i`, one configuration per checker/prioritizer) on the same paths; then
# one path offline. Prints "ok ..."/"FAIL ..." lines; exit 1 on any FAIL.
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
probe=${MPX_BUILD_DIR:-$root/build}/bin/mpx_checker_probe
out=${MPX_LAB_OUT:?}
mkdir -p /etc/multipath
source "$root/tests/lab/guest-lib.sh"  # check, wait_for; fail=0
mapfile -t devs < <(cd /sys/block && ls -d sd* 2>/dev/null)
(( ${#devs[@]} > 0 )) || { echo "FAIL no sd paths"; exit 1; }

# The reference's verdicts for one configuration: "sdX NAME VALUE" lines,
# VALUE a state word, a priority, or "error".
reference() {  # reference KIND NAME [PRIO_ARGS]
  local kind=$1 name=$2 args=${3:-}
  if [[ $kind == checker ]]; then
    printf 'defaults {\n\tfind_multipaths greedy\n\tdetect_checker no\n\tpath_checker %s\n}\n' \
      "$name" >/etc/multipath.conf
  else
    printf 'defaults {\n\tfind_multipaths greedy\n\tdetect_prio no\n\tprio %s\n\tprio_args "%s"\n}\n' \
      "$name" "$args" >/etc/multipath.conf
  fi
  /sbin/multipath -d -v3 -i >"$out/ref-$kind-$name.log" 2>&1
  if [[ $kind == checker ]]; then
    grep -oE "sd[a-z]+: $name state = [a-z]+" "$out/ref-$kind-$name.log" | awk '{print $1, $5}'
  else
    grep -oE "sd[a-z]+: $name prio (= [0-9]+|error)" "$out/ref-$kind-$name.log" |
      awk '{v = $4 == "=" ? $5 : "error"; print $1, v}'
  fi | sed 's/://' | sort -u -k1,1
}

ours() {  # ours KIND NAME [PRIO_ARGS]
  "$probe" ${3:+--prio-args "$3"} "$1:$2" -- "${devs[@]}" | tee -a "$out/mpx.log" |
    awk -v kind="$1" '$2 == kind { v = $4; if (kind == "prio" && v < 0) v = "error";
                                   if (kind == "checker" && v == "undef") v = "wild"; print $1, v }' |
    sort -k1,1
}

compare() {  # compare KIND NAME [PRIO_ARGS]
  local ref mine
  ref=$(reference "$@")
  mine=$(ours "$@")
  if [[ -z $ref ]]; then
    echo "note $1 $2: the reference printed no verdict"
    return
  fi
  check "$([[ $ref == "$mine" ]] && echo 1)" "$1 $2 ${3:+($3) }matches the reference: $(echo $mine | tr '\n' ' ')"
  [[ $ref == "$mine" ]] || printf 'reference: %s\nmpx:       %s\n' "$(echo $ref)" "$(echo $mine)"
}

for c in tur directio readsector0 emc_clariion hp_sw rdac cciss_tur none; do
  compare checker "$c"
done
for p in const sysfs alua emc hds hp_sw ontap rdac ana iet datacore; do
  compare prio "$p"
done
compare prio alua exclusive_pref_bit
compare prio weightedpath "hbtl 1:.:.:. 5 2:0:0:1 7"
compare prio weightedpath "devname sd[ab] 3"
compare prio weightedpath "color sda 3"
compare prio datacore "timeout=1000 preferredsds=xx"

# random and path_latency differ run to run: their ranges.
r=$("$probe" prio:random -- "${devs[@]}" | awk '$4 < 1 || $4 > 10' | wc -l)
check "$([[ $r == 0 ]] && echo 1)" "prio random within 1..10"
"$probe" --prio-args "io_num=20 base_num=10" prio:path_latency -- "${devs[@]}" >"$out/latency.log"
ref=$(reference prio path_latency "io_num=20 base_num=10" | tr '\n' ' ')
echo "note path_latency reference: $ref"
echo "note path_latency mpx: $(awk '{print $1, $4}' "$out/latency.log" | tr '\n' ' ')"

# Unknown names: the reference checks nothing; mpx says so.
line=$("$probe" checker:nonsense -- "${devs[0]}")
check "$([[ $line == "${devs[0]} checker nonsense undef Checker 'nonsense' not found" ]] && echo 1)" \
  "unknown checker: $line"

# An offline path: every checker that does I/O says down, quickly.
first=${devs[0]}
echo offline >"/sys/block/$first/device/state"
start=$(date +%s)
"$probe" --timeout 5 checker:tur checker:directio checker:readsector0 checker:emc_clariion \
  checker:hp_sw checker:rdac -- "$first" | tee "$out/offline.log"
took=$(( $(date +%s) - start ))
echo running >"/sys/block/$first/device/state"
bad=$(awk '$4 != "down"' "$out/offline.log" | wc -l)
check "$([[ $bad == 0 ]] && echo 1)" "offline $first: every checker says down"
check "$([[ $took -le 30 ]] && echo 1)" "offline $first: checked in ${took}s"
exit $fail
