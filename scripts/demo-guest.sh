#!/bin/bash
# Demo, guest side: the simulated SAN, what mpx discovers, and the reference's
# view of the same paths.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
mpx="${MPX_BUILD_DIR:-$root/build}/bin/multipath"
echo "== the SAN: $(ls -d /sys/block/sd* | wc -l) SCSI paths"
for b in /sys/block/sd*; do
  d=$b/device
  printf '%-5s %-9s %-8s %-12s %s\n' "${b##*/}" "$(basename "$(readlink -f "$d")")" \
    "$(cat "$d/vendor")" "$(cat "$d/model")" "$(cat "$d/access_state" 2>/dev/null)"
done | awk 'NR <= 12' 
echo "..."
echo
echo "== mpx: multipath -d -i (what would be created; -i ignores the empty wwids file)"
"$mpx" -d -i | awk 'NR <= 30' 
echo "..."
echo
echo "== mpx: multipath -d -v3, one path's details"
"$mpx" -d -i -v3 sda | grep '^sda:'
echo
echo "== mpx: multipath -d --json (summary)"
"$mpx" -d -i --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("schema %s: %d paths, %d maps, %d skipped" % (d["schema_version"], len(d["paths"]), len(d["maps"]), len(d["skipped"])))
for m in d["maps"][:4]:
    print("  %s: %s" % (m["wwid"], ", ".join(p for g in m["path_groups"] for p in g["paths"])))'
echo
echo "== reference multipath-tools 0.9.4: multipath -d -i (first map)"
multipath -d -i 2>/dev/null | awk 'NR <= 30' 
echo
echo "== mpx: create the maps (user_friendly_names yes), with udev making the nodes"
mkdir -p /etc/multipath
printf 'defaults {\n\tuser_friendly_names yes\n}\n' >/etc/multipath.conf
rm -f /etc/multipath/bindings /etc/multipath/wwids
"$mpx" -i 2>&1 | grep '^create:'
echo
echo "== the kernel's maps: dmsetup ls --target multipath; /dev/mapper"
dmsetup ls --target multipath | sort
ls /dev/mapper | grep -v control | tr '\n' ' '; echo
echo
echo "== mpx: multipath -ll mpatha"
"$mpx" -ll mpatha
echo
echo "== mpx: multipath -ll --json (summary)"
"$mpx" -ll --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
for m in d["maps"]:
    paths = [p for g in m["path_groups"] for p in g["paths"]]
    ready = sum(p["checker_state"] == "ready" for p in paths)
    print("  %s %s %s: %d groups, %d/%d paths ready" % (m["name"], m["dm_node"], m["wwid"], len(m["path_groups"]), ready, len(paths)))'
echo
echo "== udev's questions: multipath -c /dev/sda; multipath -C mpatha"
"$mpx" -c /dev/sda; echo "exit $?"
"$mpx" -C mpatha; echo "exit $?"
echo
echo "== udev claimed the paths (mpx sent them change uevents): udevadm info /dev/sda"
udevadm settle --timeout=120
udevadm info -q property /dev/sda | grep -E '^(DM_MULTIPATH_DEVICE_PATH|SYSTEMD_READY|ID_FS_TYPE)='
echo "  paths claimed: $(for d in /sys/block/sd*; do udevadm info -q property "/dev/${d##*/}"; done | grep -cx DM_MULTIPATH_DEVICE_PATH=1) of $(ls -d /sys/block/sd* | wc -l)"
echo
echo "== state files: /etc/multipath/bindings, /etc/multipath/wwids"
grep -v '^#' /etc/multipath/bindings | head -4
grep -v '^#' /etc/multipath/wwids | head -4
echo
echo "== a second run changes nothing; then flush"
"$mpx" -v2 2>&1 | grep -c '^\(create\|reload\):' | sed 's/^/maps changed: /'
"$mpx" -F
echo "maps left: $(dmsetup ls --target multipath | grep -vc 'No devices found')"
