#!/bin/bash
# Guest script (lab/lab run ... -- tests/reference/multipathd-probe-guest.sh):
# starts the reference multipathd (0.9.4) on the guest's SAN and records its
# replies to every command of COMMANDS (one per line; "#" comments) as
# $MPX_LAB_OUT/NN.cmd, NN.out (stdout+stderr of `multipathd -k"CMD"`), NN.rc;
# the daemon's log goes to $MPX_LAB_OUT/daemon.log. A behaviour reference for
# mpx's multipathd: what each command answers, in which format, with which
# exit code.
# Usage in the guest: multipathd-probe-guest.sh [COMMANDS_FILE]
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
cmds=${1:-$here/multipathd-commands.txt}
out=${MPX_LAB_OUT:?}
mkdir -p /etc/multipath
printf 'defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n}\n' >/etc/multipath.conf
/sbin/multipathd -d -s -v3 >"$out/daemon.log" 2>&1 &
dpid=$!
for ((i = 0; i < 300; i++)); do
  multipathd -k"show daemon" 2>/dev/null | grep -q idle && break
  sleep 0.2
done
sleep 2
n=0
while IFS= read -r cmd; do
  [[ -z $cmd || $cmd == \#* ]] && continue
  n=$((n + 1))
  f=$(printf '%s/%02d' "$out" "$n")
  printf '%s\n' "$cmd" >"$f.cmd"
  if [[ $cmd == "!"* ]]; then   # a shell command run in between (e.g. offline a path)
    bash -c "${cmd#!}" >"$f.out" 2>&1
  else
    timeout 20 multipathd -k"$cmd" >"$f.out" 2>&1
  fi
  echo $? >"$f.rc"
done <"$cmds"
kill "$dpid"; wait "$dpid"
echo "probed $n commands"
