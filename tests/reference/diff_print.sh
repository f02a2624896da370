#!/bin/sh
# multipath -t of mpx against the reference's, live: for every configuration
# in tests/reference/print/*.conf (and each file named on the command line),
# both programs print the merged configuration and the outputs must be the
# same (stdout; exit codes too).
#   tests/reference/diff_print.sh MPX_MULTIPATH [CONF...]
# The reference writes /etc/multipath/* when it runs for real, so both run
# only inside a private mount namespace with a tmpfs over /etc. Skipped
# (exit 77, said so) without the reference (/usr/sbin/multipath, Debian's
# multipath-tools) or without a mount namespace (not root).
set -eu
mpx=$(realpath "$1")
shift
reference=${MPX_REFERENCE_MULTIPATH:-/usr/sbin/multipath}
dir=$(cd "$(dirname "$0")" && pwd)/print

if [ ! -x "$reference" ]; then
  echo "SKIP: no reference multipath at $reference"
  exit 77
fi
if ! unshare -m true 2>/dev/null; then
  echo "SKIP: cannot make a mount namespace (unshare -m) to run the reference safely"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- "$dir"/*.conf

# Runs PROGRAM -t over CONF with a fresh tmpfs /etc; output in $tmp/NAME.{out,rc}.
print() {  # program conf name
  unshare -m --propagation private sh -c '
    mount -t tmpfs none /etc || exit 99
    [ "$(stat -f -c %T /etc)" = tmpfs ] || exit 99
    mkdir -p /etc/multipath/conf.d
    cp "$2" /etc/multipath.conf
    "$1" -t >"$3.out" 2>/dev/null
    echo $? >"$3.rc"' sh "$1" "$2" "$3"
}

failures=0
for conf in "$@"; do
  name=$(basename "$conf" .conf)
  print "$reference" "$conf" "$tmp/ref"
  print "$mpx" "$conf" "$tmp/mpx"
  if ! diff -u "$tmp/ref.out" "$tmp/mpx.out" >"$tmp/diff"; then
    echo "FAIL: $name: multipath -t differs (- reference, + mpx):"
    head -40 "$tmp/diff"
    failures=$((failures + 1))
  elif [ "$(cat "$tmp/ref.rc")" != "$(cat "$tmp/mpx.rc")" ]; then
    echo "FAIL: $name: exit $(cat "$tmp/mpx.rc"), the reference's $(cat "$tmp/ref.rc")"
    failures=$((failures + 1))
  else
    echo "ok: $name ($(wc -l <"$tmp/mpx.out") lines)"
  fi
done
[ "$failures" = 0 ]
