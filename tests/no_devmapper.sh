#!/bin/sh
# The built programs on a machine without device-mapper, made so on any
# machine: a private mount namespace with an empty read-only /dev, where
# libdevmapper can neither find nor make /dev/mapper/control. Checks what holds
# whatever the kernel has (the cause named differs: no dm_mod, or no node):
# exit codes, the reference's two sentences, and the dry run over a recorded
# tree planning against no maps. Skipped (exit 77, said so) when no mount
# namespace can be made (not root, no user namespaces).
# Usage: no_devmapper.sh MULTIPATH DEVMAP_NAME FIXTURE.tar.gz
set -eu
multipath=$1 devmap_name=$2 fixture=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$fixture" -C "$tmp"

if unshare -m true 2>/dev/null; then
  ns="unshare -m"
elif unshare -rm true 2>/dev/null; then
  ns="unshare -rm"
else
  echo "SKIP: cannot make a mount namespace (unshare -m, unshare -rm) to hide device-mapper"
  exit 77
fi

# Runs "$@" in the namespace with stdout, stderr and the exit code in
# $tmp/out, $tmp/err, $tmp/rc. /etc/multipath.conf and /etc/multipath, when
# present, are hidden too, so the host's configuration changes nothing.
run() {
  $ns sh -c '
    tmp=$1; shift
    [ -e /etc/multipath.conf ] && : >"$tmp/empty.conf" && mount --bind "$tmp/empty.conf" /etc/multipath.conf
    [ -d /etc/multipath ] && mount -t tmpfs none /etc/multipath
    mount -t tmpfs -o ro none /dev
    "$@" >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/rc"' sh "$tmp" "$@"
}

failures=0
fail() {
  echo "FAIL: $*"
  echo "  exit code: $(cat "$tmp/rc")"
  sed 's/^/  stderr: /' "$tmp/err"
  sed 's/^/  stdout: /' "$tmp/out" | head -5
  failures=$((failures + 1))
}
expect_rc() { [ "$(cat "$tmp/rc")" = "$1" ] || fail "$2: exit code, want $1"; }
expect_err() { grep -qF -- "$1" "$tmp/err" || fail "$2: stderr lacks \"$1\""; }
expect_out() { grep -qF -- "$1" "$tmp/out" || fail "$2: stdout lacks \"$1\""; }

for args in "-ll" "-l" "-d" "" "-F" "-f mpatha" "-W"; do
  what="multipath $args"
  # shellcheck disable=SC2086
  run "$multipath" $args
  expect_rc 1 "$what"
  expect_err "multipath: Failure to communicate with kernel device-mapper driver." "$what"
  expect_err "multipath: Check that device-mapper is available in the kernel: " "$what"
  [ ! -s "$tmp/out" ] || fail "$what: stdout not empty"
done

run "$devmap_name" 254 0
expect_rc 1 "devmap_name 254 0"
expect_err "devmap_name: Failure to communicate with kernel device-mapper driver." "devmap_name 254 0"

what="multipath -d -i --sysfs <recorded tree>"
run "$multipath" -d -i --sysfs "$tmp/sys"
expect_rc 0 "$what"
expect_err "multipath: device-mapper is not available: " "$what"
expect_err "; planning against no existing maps" "$what"
expect_out ": 1Linux_scsi_debug_2000 undef Linux,scsi_debug" "$what"
expect_out ": 1Linux_scsi_debug_2001 undef Linux,scsi_debug" "$what"

what="multipath -d -i --json --sysfs <recorded tree>"
run "$multipath" -d -i --json --sysfs "$tmp/sys"
expect_rc 0 "$what"
expect_out '"available": false' "$what"
expect_out '"action": "create"' "$what"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "ok: every command without device-mapper (hidden with $ns)"
