#!/bin/sh
# Records the reference's `multipath -t` for each print/*.conf as print/*.t
# (stdout) and print/*.err (stderr, timestamps cut), for the unit tests that
# compare mpx's printer with it (src/config/printer_test.cc).
#   tests/reference/record_print.sh      (as root; runs the reference safely)
# The reference runs only inside a private mount namespace with a tmpfs over
# /etc (it writes /etc/multipath/* when it runs for real), as probe_config.sh.
set -eu
dir=$(cd "$(dirname "$0")" && pwd)/print
if [ "${1:-}" != "--inside-namespace" ]; then
  exec unshare -m --propagation private "$0" --inside-namespace
fi
mount -t tmpfs none /etc
if [ "$(stat -f -c %T /etc)" != tmpfs ]; then
  echo "record_print: /etc is not a private tmpfs; not running the reference" >&2
  exit 1
fi
for conf in "$dir"/*.conf; do
  name=${conf%.conf}
  rm -rf /etc/multipath /etc/multipath.conf
  mkdir -p /etc/multipath/conf.d
  cp "$conf" /etc/multipath.conf
  rc=0
  multipath -t >"$name.t" 2>"$name.err.raw" || rc=$?
  sed 's/^[0-9]*\.[0-9]* | //' "$name.err.raw" >"$name.err"
  rm -f "$name.err.raw"
  [ "$rc" = 0 ] || echo "record_print: $conf: exit $rc" >&2
done
