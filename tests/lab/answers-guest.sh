#!/bin/bash
# Guest side of tests/lab/answers.sh: the wwids-file commands (-a, -w, -W) and
# the udev answers (-c, -u, -C, -U) under every find_multipaths mode, run once
# with the reference and once with mpx from the same starting state. Every
# step's stdout, stderr, exit status and the wwids file afterwards go to
# $MPX_LAB_OUT/<tool>/<step>.{out,err,rc,wwids} for tests/lab/compare_answers.py.
# Expects scsi_debug with 2 hosts x 2 LUNs; $P00 is host 0 LUN 0, $P11 host 1 LUN 1.
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${MPX_LAB_OUT:?}
mpx="${MPX_BUILD_DIR:-$root/build}/bin/multipath"
mkdir -p /etc/multipath

# shellcheck source=lab/guest/reference-udev-stub.sh
source "$root/lab/guest/reference-udev-stub.sh"

# Path names by position (sd names are handed out in probe order).
sd_at() {  # host index, LUN
  local hosts; hosts=($(for b in /sys/block/sd*; do basename "$(readlink -f "$b/device")"; done | cut -d: -f1 | sort -un))
  local b
  for b in /sys/block/sd*; do
    local hctl; hctl=$(basename "$(readlink -f "$b/device")")
    if [[ ${hctl%%:*} == "${hosts[$1]}" && ${hctl##*:} == "$2" ]]; then basename "$b"; return; fi
  done
}
P00=$(sd_at 0 0) P01=$(sd_at 0 1) P10=$(sd_at 1 0) P11=$(sd_at 1 1)
echo "paths: host0 $P00 $P01, host1 $P10 $P11"

clean_state() { rm -rf /etc/multipath/bindings /etc/multipath/wwids /etc/multipath.conf /run/multipath; }
flush_all() { multipath -F >/dev/null 2>&1; dmsetup remove_all >/dev/null 2>&1; }
conf() { printf 'defaults {\n%b}\n' "$1" >/etc/multipath.conf; }

# udev's environment for a block device, as udev gives it to IMPORT{program}.
uenv() {
  local dev=$1 sys="/sys/class/block/$1"
  local devt; devt=$(cat "$sys/dev")
  local devpath; devpath=$(cd -P "$sys" && pwd); devpath=${devpath#/sys}
  echo "ACTION=add SEQNUM=1 SUBSYSTEM=block DEVTYPE=disk DEVNAME=/dev/$dev DEVPATH=$devpath MAJOR=${devt%:*} MINOR=${devt#*:}"
}

# Runs a command, prints its output sorted, keeps its exit status.
sorted_output() {
  local o rc
  o=$("$@"); rc=$?
  [[ -n $o ]] && sort <<<"$o"
  return $rc
}

run_tool() {
  local tool=$1 bin=$2 d="$out/$1"
  mkdir -p "$d"
  step() {
    local name=$1; shift
    "$@" >"$d/$name.out" 2>"$d/$name.err"
    echo $? >"$d/$name.rc"
    if [[ -f /etc/multipath/wwids ]]; then grep -v '^#' /etc/multipath/wwids >"$d/$name.wwids"; else echo "(none)" >"$d/$name.wwids"; fi
  }
  clean_state; flush_all
  local wwid_a wwid_b
  wwid_a=$("$mpx" -d -i -v1 "/dev/$P00" 2>/dev/null)
  wwid_b=$("$mpx" -d -i -v1 "/dev/$P01" 2>/dev/null)

  # -a / -w: add and remove WWIDs by path name, device node, dev_t and WWID.
  step a_name "$bin" -a $P00
  step a_again "$bin" -a $P00
  step a_devnode "$bin" -a /dev/$P01
  step a_other_path "$bin" -a $P10
  step a_missing "$bin" -a sdzz
  step a_noarg "$bin" -a
  step w_name "$bin" -w $P00
  step w_again "$bin" -w $P00
  step w_missing "$bin" -w sdzz
  step a_wwid "$bin" -a "$wwid_a"
  step w_wwid "$bin" -w "$wwid_a"
  step a_majmin "$bin" -a "$(cat /sys/block/$P10/dev)"

  step a_missing_devnode "$bin" -a /dev/sdzz
  step w_devnode "$bin" -w /dev/$P01

  # -c: is this a multipath path? Per find_multipaths mode, in and out of the wwids file.
  for mode in strict on greedy off smart; do
    clean_state; conf "\tfind_multipaths $mode\n"
    step "c_${mode}_unknown" "$bin" -c /dev/$P00
    step "u_${mode}_unknown" env -i PATH="$PATH" $(uenv $P00) "$bin" -u $P00
    echo "/$wwid_a/" >>/etc/multipath/wwids
    step "c_${mode}_known" "$bin" -c /dev/$P00
    step "c_${mode}_known_devt" "$bin" -c "$(cat /sys/block/$P10/dev)"
    step "u_${mode}_known" env -i PATH="$PATH" $(uenv $P00) "$bin" -u $P00
  done
  clean_state
  step c_name "$bin" -c "$P00"
  step c_missing "$bin" -c /dev/sdzz
  step c_noarg "$bin" -c
  step u_noenv "$bin" -u $P00
  conf "\tfind_multipaths greedy\n"
  step u_noenv_greedy "$bin" -u $P00
  step u_env_other_dev env -i PATH="$PATH" $(uenv $P01) "$bin" -u $P00
  printf 'blacklist {\n\tdevnode "^%s$"\n}\n' "$P01" >>/etc/multipath.conf
  step c_blacklisted "$bin" -c /dev/$P01
  step u_blacklisted env -i PATH="$PATH" $(uenv $P01) "$bin" -u $P01
  step a_blacklisted "$bin" -a /dev/$P01
  clean_state
  printf 'blacklist {\n\twwid "%s"\n}\n' "$wwid_b" >/etc/multipath.conf
  step c_wwid_blacklisted "$bin" -c /dev/$P01
  step a_wwid_blacklisted "$bin" -a /dev/$P01

  # Creating maps: which LUNs each find_multipaths mode multipaths (LUN 0 is
  # in the wwids file, LUN 1 is not; both have two paths).
  for mode in strict on greedy off smart; do
    clean_state; flush_all; conf "\tfind_multipaths $mode\n"
    echo "/$wwid_a/" >/etc/multipath/wwids
    step "create_${mode}" sorted_output "$bin" -q -v1
    dmsetup ls --target multipath | awk '{print $1}' | sort >"$d/create_${mode}.maps"
  done
  flush_all

  # Maps: -W rewrites the wwids file from the maps; -c of a path in a map;
  # -C / -U: does the map have usable paths?
  clean_state; conf "\tuser_friendly_names yes\n"
  "$bin" -i -q >"$d/create.log" 2>&1
  dmsetup ls --target multipath | sort >"$d/maps.txt"
  echo "/0000stale/" >>/etc/multipath/wwids
  step W "$bin" -W
  rm -f /etc/multipath/wwids
  step c_in_map "$bin" -c /dev/$P00
  step c_in_map_strict_v0 "$bin" -v0 -c /dev/$P00
  step u_in_map env -i PATH="$PATH" $(uenv $P00) "$bin" -u $P00
  local map dm devt
  map=$(dmsetup ls --target multipath | awk 'NR==1 {print $1}')
  devt=$(dmsetup info -c --noheadings -o major,minor --separator : "$map" | tr -d ' ')
  dm=$(basename "$(readlink -f "/sys/dev/block/$devt")")
  step C_name "$bin" -C "$map"
  step C_dm "$bin" -C "$dm"
  step C_devnode "$bin" -C "/dev/$dm"
  step U_env env -i PATH="$PATH" $(uenv "$dm") "$bin" -U "$dm"
  step U_noenv "$bin" -U "$dm"
  step C_devt "$bin" -C "$devt"
  step C_missing "$bin" -C nosuchmap
  step C_path "$bin" -C $P00
  # Fail every path of the first map.
  local p
  for p in /sys/block/"$dm"/slaves/*; do
    dmsetup message "$map" 0 "fail_path $(cat "$p/dev")"
  done
  step C_failed "$bin" -C "$map"
  step C_failed_dm "$bin" -C "$dm"
  step U_failed env -i PATH="$PATH" $(uenv "$dm") "$bin" -U "$dm"
  flush_all
  step W_no_maps "$bin" -W
  clean_state; conf "\tfind_multipaths smart\n"
}

run_tool ref multipath
run_tool mpx "$mpx"
# Leave LUN 1 with one path ($P11) and ask about it in smart mode.
echo 1 >"/sys/block/$P01/device/delete"; sleep 1
for tool in ref mpx; do
  bin=multipath; [[ $tool == mpx ]] && bin=$mpx
  d="$out/$tool"
  clean_state; conf "\tfind_multipaths smart\n"
  env -i PATH="$PATH" $(uenv $P11) "$bin" -u $P11 >"$d/u_smart_one_path.out" 2>"$d/u_smart_one_path.err"
  echo $? >"$d/u_smart_one_path.rc"; echo "(none)" >"$d/u_smart_one_path.wwids"
  "$bin" -c /dev/$P11 >"$d/c_smart_one_path.out" 2>"$d/c_smart_one_path.err"
  echo $? >"$d/c_smart_one_path.rc"; echo "(none)" >"$d/c_smart_one_path.wwids"
  conf "\tfind_multipaths strict\n"
  "$bin" -c /dev/$P11 >"$d/c_strict_one_path.out" 2>"$d/c_strict_one_path.err"
  echo $? >"$d/c_strict_one_path.rc"; echo "(none)" >"$d/c_strict_one_path.wwids"
done
clean_state
for tool in ref mpx; do
  echo "=== $tool"
  for f in "$out/$tool"/*.rc; do
    s=${f%.rc}
    printf '%-28s rc=%s out=%s err=%s wwids=%s\n' "$(basename "$s")" "$(cat "$f")" \
      "$(tr '\n' '|' <"$s.out")" "$(tr '\n' '|' <"$s.err")" "$(tr '\n' ' ' <"$s.wwids")"
  done
done
