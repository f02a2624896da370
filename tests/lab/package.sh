#!/bin/bash
# Lab test: mpx's Debian package (scripts/package.sh) swaps multipath-tools
# and kpartx out and back with apt, keeping the configuration and state files
# (tests/lab/package-guest.sh); then boots the lab's kernel from the
# guest's scsi-hd disk with the initramfs the guest built with the package's
# hook, root on the multipath map's partition. Downloads Debian's
# multipath-tools and kpartx packages for the swap back.
# Usage: tests/lab/package.sh [RESULTS_DIR]
set -uo pipefail
# shellcheck source=tests/lab/lib.sh
source "$(dirname "$0")/lib.sh"
results=${1:-$(mktemp -d /tmp/mpx-package.XXXXXX)}
deb=$(lab_deb) || { echo "FAIL: scripts/package.sh"; exit 1; }
fail=0
# Its programs are stripped, as Debian's are (debug symbols stay in the build).
rm -rf "$results/deb-files" && mkdir -p "$results/deb-files" && dpkg-deb -x "$deb" "$results/deb-files"
unstripped=""
while IFS= read -r f; do
  readelf -S "$f" 2>/dev/null | grep -q '\.symtab' && unstripped+=" ${f#"$results/deb-files"}"
done < <(find "$results/deb-files" -type f -perm -u+x)
if [[ -z $unstripped ]]; then
  echo "ok the package's programs are stripped ($(dpkg-deb -f "$deb" Installed-Size) KiB installed)"
else
  echo "FAIL the package's programs are stripped: $unstripped"
  fail=1
fi
refs=$root/build-deb/refdebs
mkdir -p "$refs"
(cd "$refs" && apt-get download multipath-tools kpartx >/dev/null 2>&1) ||
  { echo "FAIL: apt-get download multipath-tools kpartx"; exit 1; }
rm -rf "$results/disks"
lab_step "package swap" "$results" --san scsi-hd --disks 1 --disk-dir "$results/disks" --udev none \
  --timeout 1200 -- env MPX_DEB="$deb" MPX_REF_DEBS="$refs" "$root/tests/lab/package-guest.sh" || fail=1
grep -E '^(ok|FAIL) ' "$results/guest.log" 2>/dev/null

# The machine booting from its SAN: the lab's kernel, the initramfs the guest
# built with mpx's hook, root on the multipath map's partition. Its init says
# what it was mounted from (tests/lab/boot-init.sh).
if [[ -s $results/boot-root && -s $results/initrd.img ]]; then
  "$root/lab/lab" boot --initrd "$results/initrd.img" --disk-dir "$results/disks" --disks 1 \
    --append "$(cat "$results/boot-root") loglevel=4" --timeout 900 --out "$results/boot" ||
    echo "lab boot: qemu exited $?"
  seen=$(grep -a '^MPX-ROOT ' "$results/boot/console.log" | tr -d '\r')
  re='name=([^ ]*)-part1 uuid=part1-mpath-[^ ]* map=dm-[0-9]+ paths=sd[a-z]+ sd[a-z]+'
  if [[ $seen =~ $re ]]; then
    echo "ok booted from the SAN with mpx's initramfs: / is ${BASH_REMATCH[1]}-part1 on a map of two paths ($seen)"
  else
    echo "FAIL booted from the SAN with mpx's initramfs: / on a multipath map's partition (init said: ${seen:-nothing};" \
      "console: $results/boot/console.log)"
    tail -n 30 "$results/boot/console.log"
    fail=1
  fi
else
  echo "FAIL no initramfs and root file system to boot from"
  fail=1
fi
echo "results in $results"
exit $fail
