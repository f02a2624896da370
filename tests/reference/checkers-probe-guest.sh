#!/bin/bash
# Guest script (lab/lab run --hosts 3 ... -- tests/reference/checkers-probe-guest.sh):
# records what the reference (0.9.4) says about each path with every path
# checker and prioritizer it names, plus unknown names, on the guest's
# scsi_debug SAN: `multipath -d -v3 -i` per configuration, filtered to the
# checker/prio lines, into $MPX_LAB_OUT/checkers.txt. Then one path offline
# and the tur/directio/readsector0 checkers again. A behaviour reference for
# src/checker/.
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
out=${MPX_LAB_OUT:?}/checkers.txt
mkdir -p /etc/multipath
: >"$out"

probe() {  # probe TITLE CONFIG_BODY
  printf 'defaults {\n\tfind_multipaths greedy\n%b}\n' "$2" >/etc/multipath.conf
  {
    echo "### $1"
    /sbin/multipath -d -v3 -i 2>&1 |
      grep -E 'checker|state = |prio|Checker|Prioritizer|No checker|timeout|ANA|alua|emc|rdac|hds|hp_sw|ontap|datacore|iet|latency|weighted' |
      grep -v -E 'loading|unloading|refcount|message table' | sed 's/^[^ ]*[0-9]\{2\}:[0-9]\{2\}[^ ]* //'
    echo
  } >>"$out"
}

for c in tur directio readsector0 emc_clariion hp_sw rdac cciss_tur none nonsense; do
  probe "path_checker $c" "\tdetect_checker no\n\tpath_checker $c\n"
done
probe "detect_checker yes, path_checker readsector0" "\tpath_checker readsector0\n"
for p in const sysfs alua emc hds hp_sw ontap rdac random ana nonsense; do
  probe "prio $p" "\tdetect_prio no\n\tprio $p\n"
done
probe "prio weightedpath hbtl" '\tdetect_prio no\n\tprio weightedpath\n\tprio_args "hbtl 1:.:.:. 5 2:0:0:1 7"\n'
probe "prio weightedpath devname" '\tdetect_prio no\n\tprio weightedpath\n\tprio_args "devname sd[ab] 3"\n'
probe "prio weightedpath bad" '\tdetect_prio no\n\tprio weightedpath\n\tprio_args "color sda 3"\n'
probe "prio weightedpath serial" '\tdetect_prio no\n\tprio weightedpath\n\tprio_args "serial .* 9"\n'
probe "prio weightedpath wwn" '\tdetect_prio no\n\tprio weightedpath\n\tprio_args "wwn .*undef.* 4"\n'
probe "prio path_latency" '\tdetect_prio no\n\tprio path_latency\n\tprio_args "io_num=20 base_num=10"\n'
probe "prio path_latency bad" '\tdetect_prio no\n\tprio path_latency\n\tprio_args "io_num=2"\n'
probe "prio iet none" '\tdetect_prio no\n\tprio iet\n'
probe "prio iet ip" '\tdetect_prio no\n\tprio iet\n\tprio_args "preferredip=10.0.0.1"\n'
probe "prio datacore none" '\tdetect_prio no\n\tprio datacore\n'
probe "prio datacore args" '\tdetect_prio no\n\tprio datacore\n\tprio_args "timeout=1000 preferredsds=xx"\n'
probe "prio alua exclusive_pref_bit" '\tdetect_prio no\n\tprio alua\n\tprio_args "exclusive_pref_bit"\n'
probe "checker_timeout 7" '\tchecker_timeout 7\n'

first=$(ls /sys/block | grep '^sd' | head -1)
echo offline >"/sys/block/$first/device/state"
for c in tur directio readsector0 emc_clariion hp_sw rdac; do
  probe "offline $first, path_checker $c" "\tdetect_checker no\n\tpath_checker $c\n"
done
echo running >"/sys/block/$first/device/state"
echo "probed; $(grep -c '^###' "$out") cases"
