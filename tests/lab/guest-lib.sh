# Sourced by the lab tests' guest scripts (tests/lab/*-guest.sh): the checks'
# output ("ok WHAT" / "FAIL WHAT", which the host side counts) and waiting on
# conditions instead of sleeping.
fail=0

check() {  # check CONDITION_RESULT WHAT  (CONDITION_RESULT 1 = ok)
  if [[ $1 == 1 ]]; then echo "ok $2"; else echo "FAIL $2"; fail=1; fi
}
check_rc() { check "$([[ $1 == 0 ]] && echo 1)" "$2"; }  # check_rc STATUS WHAT

# wait_for SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds;
# fails when SECONDS passed first.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.2
  done
}
