#!/bin/sh
# `cmake --install` of a build into a staging directory (DESTDIR), as a
# package build does: the three programs in the sbin directory, executable,
# and the systemd units, which `systemd-analyze verify` accepts (that part is
# skipped, and said so, where systemd-analyze is missing).
# Usage: install.sh CMAKE BUILD_DIR SBINDIR UNITDIR   (the last two absolute)
set -eu
cmake=$1 build=$2 sbindir=$3 unitdir=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

DESTDIR=$tmp/root "$cmake" --install "$build" >"$tmp/log" 2>&1 || {
  cat "$tmp/log"
  echo "FAIL: cmake --install $build"
  exit 1
}

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

for p in multipath multipathd devmap_name; do
  f=$tmp/root$sbindir/$p
  if [ ! -f "$f" ]; then fail "$sbindir/$p not installed"; elif [ ! -x "$f" ]; then fail "$sbindir/$p not executable"; fi
done
for u in multipathd.service multipathd.socket; do
  [ -f "$tmp/root$unitdir/$u" ] || fail "$unitdir/$u not installed"
done
grep -qx "ExecStart=$sbindir/multipathd -d -s" "$tmp/root$unitdir/multipathd.service" ||
  fail "multipathd.service does not start $sbindir/multipathd -d -s"
# Nothing but the programs and the units (no tests, benchmarks, libraries).
find "$tmp/root" -type f | sed "s|^$tmp/root||" | sort >"$tmp/files"
extra=$(grep -v -e "^$sbindir/\(multipath\|multipathd\|devmap_name\)\$" \
  -e "^$unitdir/multipathd\.\(service\|socket\)\$" "$tmp/files" || true)
[ -z "$extra" ] || fail "installed beyond the programs and units: $extra"

if command -v systemd-analyze >/dev/null 2>&1; then
  # --root: ExecStart= names the staged multipathd. Any word from verify
  # fails: it exits 0 on an unknown key or a bad value, only saying so.
  if ! systemd-analyze verify --root="$tmp/root" "$tmp/root$unitdir/multipathd.socket" \
    "$tmp/root$unitdir/multipathd.service" >"$tmp/verify" 2>&1 || [ -s "$tmp/verify" ]; then
    cat "$tmp/verify"
    fail "systemd-analyze verify rejects the units"
  fi
else
  echo "SKIP (part): no systemd-analyze, the units are not verified"
fi

[ "$failures" -eq 0 ] || exit 1
echo "installed: $(tr '\n' ' ' <"$tmp/files")"
