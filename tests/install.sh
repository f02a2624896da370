#!/bin/sh
# `cmake --install` of a build into a staging directory (DESTDIR), as a
# package build does: the four programs in the sbin directory, executable;
# the systemd units, which `systemd-analyze verify` accepts (that part is
# skipped, and said so, where systemd-analyze is missing); the udev rules,
# running the installed multipath and kpartx (kpartx_id beside them); the
# tmpfiles.d and modules-load.d entries;
# the man pages in MANDIR/man5 and man8, gzipped (plain where the build found
# no gzip), each a man(7) page of its name; the initramfs-tools hook and
# local-top script in DATADIR/initramfs-tools, running the installed programs;
# the devmap_name rule as an example in DATADIR/doc/mpx/examples.
# Usage: install.sh CMAKE BUILD_DIR SBINDIR UNITDIR UDEVDIR TMPFILESDIR MODULESLOADDIR MANDIR DATADIR
#        (the directories absolute)
set -eu
cmake=$1 build=$2 sbindir=$3 unitdir=$4 udevdir=$5 tmpfilesdir=$6 modulesloaddir=$7 mandir=$8 datadir=$9
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

for p in multipath multipathd devmap_name kpartx; do
  f=$tmp/root$sbindir/$p
  if [ ! -f "$f" ]; then fail "$sbindir/$p not installed"; elif [ ! -x "$f" ]; then fail "$sbindir/$p not executable"; fi
done
for u in multipathd.service multipathd.socket; do
  [ -f "$tmp/root$unitdir/$u" ] || fail "$unitdir/$u not installed"
done
grep -qx "ExecStart=$sbindir/multipathd -d -s" "$tmp/root$unitdir/multipathd.service" ||
  fail "multipathd.service does not start $sbindir/multipathd -d -s"
rules=$tmp/root$udevdir/rules.d
for r in 56-dm-mpath 56-dm-parts 60-kpartx 60-multipath 68-del-part-nodes; do
  [ -f "$rules/$r.rules" ] || fail "$udevdir/rules.d/$r.rules not installed"
done
grep -q "PROGRAM!=\"$sbindir/multipath -U -v1 %k\"" "$rules/56-dm-mpath.rules" ||
  fail "56-dm-mpath.rules does not run $sbindir/multipath -U"
grep -q "IMPORT{program}=\"$sbindir/multipath -u %k\"" "$rules/60-multipath.rules" ||
  fail "60-multipath.rules does not run $sbindir/multipath -u"
grep -q "RUN+=\"$sbindir/kpartx -un -p -part /dev/\$name\"" "$rules/60-kpartx.rules" ||
  fail "60-kpartx.rules does not run $sbindir/kpartx"
grep -q "IMPORT{program}=\"$udevdir/kpartx_id %M %m" "$rules/56-dm-parts.rules" ||
  fail "56-dm-parts.rules does not run $udevdir/kpartx_id"
[ -x "$tmp/root$udevdir/kpartx_id" ] || fail "$udevdir/kpartx_id not installed"
if grep -n "@[A-Z_]*@" "$rules"/*.rules; then fail "a rules file has an unfilled @VARIABLE@"; fi
# Every line is a comment, blank, a continued line, or KEY op "value" pairs.
if awk '/^[ \t]*(#|$)/ {c = 0; next}
        { line = c ? line $0 : $0; c = /\\$/; if (c) { sub(/\\$/, "", line); next } }
        line !~ /^[ \t]*([A-Z_]+(\{[^}]*\})?[ \t]*(==|!=|=|\+=|:=)[ \t]*"[^"]*"[ \t]*,?[ \t]*)+$/ { print FILENAME ": " line; bad = 1 }
        END { exit bad }' "$rules"/*.rules; then :; else fail "a rules line does not parse"; fi
grep -qx "d /run/multipath 0700 root root -" "$tmp/root$tmpfilesdir/multipath.conf" ||
  fail "$tmpfilesdir/multipath.conf does not make /run/multipath"
grep -qx "dm-multipath" "$tmp/root$modulesloaddir/multipath.conf" ||
  fail "$modulesloaddir/multipath.conf does not load dm-multipath"
for page in man5/multipath.conf.5 man8/multipath.8 man8/multipathd.8 man8/kpartx.8 man8/devmap_name.8; do
  f=$tmp/root$mandir/$page
  if [ -f "$f.gz" ]; then
    text=$(gzip -dc "$f.gz") || { fail "$mandir/$page.gz is not gzip"; continue; }
  elif [ -f "$f" ]; then
    text=$(cat "$f")
  else
    fail "$mandir/$page(.gz) not installed"
    continue
  fi
  name=${page#man?/}
  section=${name##*.}
  title=$(echo "${name%.*}" | tr '[:lower:]' '[:upper:]')
  printf '%s\n' "$text" | grep -q "^\.TH $title $section " || fail "$mandir/$page is not the $title($section) page"
done
it=$datadir/initramfs-tools
for f in hooks/multipath scripts/local-top/multipath; do
  if [ ! -x "$tmp/root$it/$f" ]; then fail "$it/$f not installed or not executable"; continue; fi
  sh -n "$tmp/root$it/$f" || fail "$it/$f: not valid sh"
  grep -q "$sbindir/multipath" "$tmp/root$it/$f" || fail "$it/$f does not use $sbindir/multipath"
done
grep -q "copy_exec $udevdir/kpartx_id" "$tmp/root$it/hooks/multipath" || fail "the initramfs hook does not copy kpartx_id"
example=$datadir/doc/mpx/examples/devmap_name.rules
grep -q "PROGRAM=\"$sbindir/devmap_name %M %m\"" "$tmp/root$example" || fail "$example does not run $sbindir/devmap_name"
# Nothing else (no tests, benchmarks, libraries).
find "$tmp/root" -type f | sed "s|^$tmp/root||" | sort >"$tmp/files"
extra=$(grep -v -e "^$sbindir/\(multipath\|multipathd\|devmap_name\|kpartx\)\$" \
  -e "^$unitdir/multipathd\.\(service\|socket\)\$" \
  -e "^$udevdir/rules.d/\(56-dm-mpath\|56-dm-parts\|60-kpartx\|60-multipath\|68-del-part-nodes\)\.rules\$" \
  -e "^$udevdir/kpartx_id\$" \
  -e "^$tmpfilesdir/multipath.conf\$" -e "^$modulesloaddir/multipath.conf\$" \
  -e "^$it/\(hooks\|scripts/local-top\)/multipath\$" -e "^$example\$" \
  -e "^$mandir/man5/multipath\.conf\.5\(\.gz\)\?\$" \
  -e "^$mandir/man8/\(multipath\|multipathd\|kpartx\|devmap_name\)\.8\(\.gz\)\?\$" "$tmp/files" || true)
[ -z "$extra" ] || fail "installed beyond the programs, units, rules, entries and man pages: $extra"

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
