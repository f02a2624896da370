#!/usr/bin/env python3
"""Compares the reference's and mpx's answers (tests/lab/answers-guest.sh):
for every step the same exit status, the same stdout, the same wwids file
afterwards and, for create steps, the same maps. stderr is not compared (the reference logs with timestamps).

Intended differences, where mpx does better than the reference (checked too):
  *_devt (-c MAJ:MIN)  the reference fails ("error scanning /sys/block/8:48/holders");
                       mpx answers as for the device node
  C_name, C_failed     the reference cannot look maps up by name; mpx can and
                       answers as for the dm device (C_dm, C_failed_dm)
  a_noarg              the reference does nothing and exits 0; mpx says -a needs
                       an argument and exits 1
  c_*, u_*, a_*        asked a question (or refused), the reference creates an empty
                       wwids file when there is none; mpx writes nothing
Usage: compare_answers.py RESULTS_DIR  (exit 1 on any difference)
"""
import os
import sys


def read(d, f):
    p = os.path.join(d, f)
    return open(p, errors="replace").read() if os.path.exists(p) else None


def step(d, name):
    return {k: read(d, name + "." + k) for k in ("rc", "out", "wwids", "maps")}


def main():
    root = sys.argv[1]
    ref, mpx = os.path.join(root, "ref"), os.path.join(root, "mpx")
    names = sorted(f[:-3] for f in os.listdir(ref) if f.endswith(".rc"))
    if len(names) < 50:
        print(f"FAIL: only {len(names)} reference steps recorded")
        return 1
    fail = 0
    for n in names:
        want = step(ref, n)
        got = step(mpx, n)
        if n.startswith("c_") and n.endswith("_devt"):
            want = step(ref, n[: -len("_devt")])  # as for /dev/sdX
            want["wwids"] = step(ref, n)["wwids"]
        elif n in ("C_name", "C_failed"):
            want = step(ref, {"C_name": "C_dm", "C_failed": "C_failed_dm"}[n])
        elif n == "a_noarg":
            want = dict(want, rc="1\n", out="")
        if n == "W" or n == "W_no_maps":  # order of maps may differ
            for s in (want, got):
                if s["wwids"] is not None:
                    s["wwids"] = "".join(sorted(s["wwids"].splitlines(True)))
        if want["wwids"] == "" and got["wwids"] == "(none)\n":
            got["wwids"] = ""  # no file vs a header-only file
        diffs = [k for k in want if want[k] != got[k]]
        if diffs:
            fail = 1
            print(f"FAIL {n}: " + "; ".join(
                f"{k}: reference {want[k]!r}, mpx {got[k]!r}" for k in diffs))
        else:
            print(f"ok {n}: rc={want['rc'].strip()} {want['out'].strip()!r}")
    print(f"{len(names)} steps compared, {'differences found' if fail else 'all equal'}")
    return fail


if __name__ == "__main__":
    sys.exit(main())
