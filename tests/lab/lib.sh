# Sourced by the lab tests' host scripts (tests/lab/*.sh, lab/smoke.sh).
# Sets root (the checkout) and MPX_BUILD_DIR (the build directory: ctest passes
# it; default build/ in the checkout) and provides lab_step.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export MPX_BUILD_DIR=${MPX_BUILD_DIR:-$root/build}

# show_tail TITLE FILE N: the last N lines of FILE under a heading, if it exists.
show_tail() {
  [[ -s $2 ]] || { echo "---- $1: (empty or missing: $2)"; return; }
  echo "---- $1 (last $3 lines of $2)"
  tail -n "$3" "$2"
}

# mpx's Debian package of MPX_BUILD_DIR, its path printed: scripts/test.sh's
# build is in Debian's layout and is packaged as it is (no second build);
# another build dir gets the package its own build (build-deb/).
lab_deb() {
  local cache=$MPX_BUILD_DIR/CMakeCache.txt
  if grep -qx 'CMAKE_INSTALL_PREFIX:PATH=/usr' "$cache" && grep -qx 'CMAKE_INSTALL_SBINDIR:PATH=/sbin' "$cache"; then
    "$root/scripts/package.sh" "$MPX_BUILD_DIR" | tail -n 1
  else
    "$root/scripts/package.sh" | tail -n 1
  fi
}

# lab_step NAME DIR LAB_RUN_OPTIONS... -- GUEST_COMMAND [ARGS...]
# One guest boot (lab/lab run --out DIR ...), its host log in DIR/host.log.
# On failure: names the step, and shows the lab's messages, the guest
# command's output and the serial console, so one CI log tells what happened.
lab_step() {
  local name=$1 dir=$2 rc=0
  shift 2
  mkdir -p "$dir"
  "$root/lab/lab" run --out "$dir" "$@" >"$dir/host.log" 2>&1 || rc=$?
  ((rc == 0)) && return 0
  echo "FAIL: step '$name': the guest command exited $rc$( ((rc == 125)) && echo ' (no boot or timeout)') — results in $dir"
  echo "---- lab messages"
  grep '^lab:' "$dir/host.log" | tail -n 15
  show_tail "guest command output" "$dir/guest.log" 60
  show_tail "guest serial console" "$dir/console.log" 40
  echo "---- end of step '$name'"
  return "$rc"
}
