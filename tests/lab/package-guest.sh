#!/bin/bash
# Guest side of tests/lab/package.sh: `apt install ./mpx_*.deb` swaps
# multipath-tools and kpartx out for mpx, `apt install` of theirs swaps back,
# and /etc/multipath.conf and /etc/multipath/* stay as they were both ways.
# Needs MPX_DEB (mpx's package) and MPX_REF_DEBS (a directory with
# multipath-tools' and kpartx's packages).
set -u
[[ -d /run/mpx-lab/ctl ]] || { echo "$0: run this inside the lab guest" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/lab/guest-lib.sh
source "$root/tests/lab/guest-lib.sh"
deb=${MPX_DEB:?} refs=${MPX_REF_DEBS:?}
export DEBIAN_FRONTEND=noninteractive

mkdir -p /etc/multipath
printf 'defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n}\n' >/etc/multipath.conf
printf '# bindings kept across the swap\nmpathz 3600a0980000000000000000000009999\n' >/etc/multipath/bindings
mkdir -p /tmp/kept && cp /etc/multipath.conf /etc/multipath/bindings /tmp/kept/
kept() { cmp -s /etc/multipath.conf /tmp/kept/multipath.conf && cmp -s /etc/multipath/bindings /tmp/kept/bindings; }
status() { dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | tr -d ' '; }

apt-get install -y "$deb" >/tmp/apt-mpx.log 2>&1
check_rc $? "apt install ./$(basename "$deb")"
check "$([[ $(status mpx) == ii && $(status multipath-tools) != ii && $(status kpartx) != ii ]] && echo 1)" \
  "mpx installed; multipath-tools and kpartx removed ($(status multipath-tools), $(status kpartx))"
check "$(/sbin/multipath --version 2>&1 | grep -q '^mpx' && echo 1)" "/sbin/multipath is mpx's"
check "$(grep -q '^# mpx' /lib/udev/rules.d/60-multipath.rules && echo 1)" "the udev rules are mpx's"
check "$(kept && echo 1)" "/etc/multipath.conf and bindings kept"
/sbin/multipath -v1 >/tmp/maps.txt 2>&1
check "$([[ $(dmsetup ls --target multipath | grep -c mpath) -ge 1 ]] && echo 1)" \
  "the installed multipath creates maps ($(tr '\n' ' ' </tmp/maps.txt))"
check_rc "$(/sbin/kpartx -l /dev/mapper/mpatha >/dev/null 2>&1; echo $?)" "the installed kpartx reads a map"
/sbin/multipath -F >/dev/null 2>&1
cp /etc/multipath.conf /etc/multipath/bindings /tmp/kept/  # mpx's run added its bindings

apt-get install -y "$refs"/multipath-tools_*.deb "$refs"/kpartx_*.deb >/tmp/apt-ref.log 2>&1
check_rc $? "apt install multipath-tools kpartx (back)"
check "$([[ $(status multipath-tools) == ii && $(status kpartx) == ii && $(status mpx) != ii ]] && echo 1)" \
  "multipath-tools and kpartx back, mpx removed ($(status mpx))"
check "$(/sbin/multipath -h 2>&1 | grep -q 'multipath-tools v0.9.4' && echo 1)" "/sbin/multipath is the reference's"
check "$(kept && echo 1)" "/etc/multipath.conf and bindings still kept"
((fail)) && { tail -n 20 /tmp/apt-mpx.log; tail -n 20 /tmp/apt-ref.log; }
exit $fail
