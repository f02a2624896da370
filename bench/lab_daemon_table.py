#!/usr/bin/env python3
"""The table of bench/lab_daemon_guest.sh's "phase ..." lines: per phase,
metric, reference, mpx, ratio (mpx / reference), medians where there are
several figures."""
import re
import statistics
import sys

rows = {}  # (phase, metric) -> {tool: [values]}
order = []


def add(phase, metric, tool, value):
    key = (phase, metric)
    if key not in rows:
        rows[key] = {}
        order.append(key)
    rows[key].setdefault(tool, []).append(float(value))


for line in open(sys.argv[1]):
    w = line.split()
    if len(w) < 4 or w[0] != "phase":
        continue
    phase = w[1]
    if w[2] == "round" and "startup_ms" in w:
        tool, kv = w[4], dict(zip(w[5::2], w[6::2]))
        add(phase, "start-up until every map and show daemon, ms", tool, kv["startup_ms"])
        add(phase, "CPU s used by then", tool, kv["startup_cpu_s"])
        continue
    tool, kv = w[2], dict(zip(w[3::2], w[4::2]))
    if "rss_kib" in kv:
        add(phase, "VmRSS at steady state, MiB", tool, int(kv["rss_kib"]) / 1024)
        add(phase, "VmHWM, MiB", tool, int(kv["hwm_kib"]) / 1024)
        add(phase, "CPU s per minute at steady state", tool, kv["cpu_s_per_min"])
        add(phase, "  (measured over s)", tool, kv["over_s"])
    if "show_paths_ms_own" in kv:
        add(phase, "show paths, own client, median ms", tool, kv["show_paths_ms_own"])
        add(phase, "show paths, reference client, median ms", tool, kv["show_paths_ms_refclient"])
    if "fail_ms" in kv:
        add(phase, "offline -> F in dmsetup status, median ms", tool, kv["fail_ms"])
        add(phase, "running -> A in dmsetup status, median ms", tool, kv["reinstate_ms"])

print("%-8s %-50s %11s %11s %7s" % ("phase", "metric", "reference", "mpx", "ratio"))
for phase, metric in order:
    v = rows[(phase, metric)]
    ref = statistics.median(v["reference"]) if "reference" in v else None
    mpx = statistics.median(v["mpx"]) if "mpx" in v else None
    n = max(len(v.get("reference", [])), len(v.get("mpx", [])))
    label = metric + (" (n=%d)" % n if n > 1 else "")
    ratio = "%.2f" % (mpx / ref) if ref and mpx is not None else "-"
    fmt = lambda x: "-" if x is None else ("%.0f" % x if x >= 100 else "%.2f" % x)
    print("%-8s %-50s %11s %11s %7s" % (phase, label, fmt(ref), fmt(mpx), ratio))
