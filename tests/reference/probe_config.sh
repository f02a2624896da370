#!/bin/sh
# Probes how the reference multipath-tools treats multipath.conf mistakes.
#
#   tests/reference/probe_config.sh [cases-file]   (default: config_cases.txt beside it)
#   PROBE_ARGS="-v0 -t" tests/reference/probe_config.sh ...   (default: -t)
#
# The cases file holds cases separated by lines "### name"; each case is the
# text of /etc/multipath.conf. A line "@@@ NAME" inside a case starts the text
# of the drop-in /etc/multipath/conf.d/NAME instead. For each case this prints
# the files, the reference's stderr (timestamps cut), its exit code, and the
# lines of `multipath -t` that differ from its output for an empty
# configuration (the effective values), or "(printed nothing)".
#
# The reference writes /etc/multipath/* when it runs for real, so it only ever
# runs here inside a private mount namespace with a tmpfs over /etc: the script
# re-executes itself under `unshare -m` and refuses to go on unless /etc is
# then a tmpfs. Needs root (for unshare) and only prints configurations, so no
# device-mapper is needed.
set -eu

if [ "${1:-}" != "--inside-namespace" ]; then
  cases=${1:-$(dirname "$0")/config_cases.txt}
  cases=$(realpath "$cases")
  exec unshare -m --propagation private "$0" --inside-namespace "$cases"
fi
cases=$2
args=${PROBE_ARGS:--t}

mount -t tmpfs none /etc
if [ "$(stat -f -c %T /etc)" != tmpfs ]; then
  echo "probe_config: /etc is not a private tmpfs; not running the reference" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

reset_etc() {
  rm -rf /etc/multipath /etc/multipath.conf
  mkdir -p /etc/multipath/conf.d
  : >/etc/multipath.conf
}

reset_etc
# shellcheck disable=SC2086  # args are words on purpose
multipath $args >"$work/base" 2>/dev/null || true

run_case() {  # $1 name; the files are already in place
  rc=0
  # shellcheck disable=SC2086
  multipath $args >"$work/out" 2>"$work/err" || rc=$?
  echo "### $1"
  sed 's/^/  | /' /etc/multipath.conf
  for f in /etc/multipath/conf.d/*; do
    [ -f "$f" ] || continue
    echo "  @@@ ${f#/etc/multipath/conf.d/}"
    sed 's/^/  | /' "$f"
  done
  sed 's/^[0-9]*\.[0-9]* | /  warn: /' "$work/err"
  echo "  exit: $rc"
  if [ -s "$work/out" ]; then
    diff "$work/base" "$work/out" | grep '^[<>]' | sed 's/^/  /' || true
  else
    echo "  (printed nothing)"
  fi
  echo
}

name=
target=/etc/multipath.conf
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    "### "*)
      [ -n "$name" ] && run_case "$name"
      name=${line#\#\#\# }
      reset_etc
      target=/etc/multipath.conf
      ;;
    "@@@ "*) target=/etc/multipath/conf.d/${line#@@@ } ;;
    *) printf '%s\n' "$line" >>"$target" ;;
  esac
done <"$cases"
[ -n "$name" ] && run_case "$name"
