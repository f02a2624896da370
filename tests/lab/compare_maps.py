#!/usr/bin/env python3
"""Compares the maps the reference and mpx made from the same config on the
same guest (tests/lab/differential-guest.sh results).

Per config: the same map names; per map the same table, except that the order
of paths inside a group may differ; `multipath -ll` equal modulo path order;
the create and -ll log lines on stderr equal (timestamps and known noise removed);
`multipath -T` equal over the same maps;
mpx's second run changed nothing; both flushes left no map.
Usage: compare_maps.py RESULTS_DIR  (exit 1 on any difference)
"""
import os
import re
import sys


def read(d, f):
    p = os.path.join(d, f)
    return open(p, errors="replace").read() if os.path.exists(p) else ""


def canonical_table(params):
    """The table with each group's paths sorted (path order may differ)."""
    w = params.split()
    i = 0
    out = w[:3]  # start length multipath
    i = 3
    nf = int(w[i]); out += w[i:i + 1 + nf]; i += 1 + nf
    nh = int(w[i]); out += w[i:i + 1 + nh]; i += 1 + nh
    ng = int(w[i]); out += w[i:i + 2]; i += 2
    for _ in range(ng):
        ns = int(w[i + 1]); out += w[i:i + 2 + ns]; i += 2 + ns
        npaths, nargs = int(w[i]), int(w[i + 1]); out += w[i:i + 2]; i += 2
        paths = []
        for _ in range(npaths):
            paths.append(" ".join(w[i:i + 1 + nargs])); i += 1 + nargs
        out += sorted(paths)
    return " ".join(out)


def tables(text):
    maps = {}
    for line in text.splitlines():
        if ": " in line:
            name, params = line.split(": ", 1)
            maps[name] = canonical_table(params)
    return maps


def canonical_ll(text):
    """-ll text with path lines sorted inside each group, tree glyphs dropped,
    dm node numbers masked (they differ between runs)."""
    out, group = [], []
    for line in text.splitlines():
        line = re.sub(r" dm-\d+ ", " dm-N ", line)
        if re.match(r"^[ |]+[|`]- \d+:\d+:\d+:\d+ ", line):
            group.append(re.sub(r"^[ |`-]+", "", line))
            continue
        out += sorted(group); group = []
        out.append(re.sub(r"^[|` ]-\+- ", "+- ", line))
    out += sorted(group)
    return "\n".join(out)


def log_lines(text):
    """Log lines as a sorted list, timestamps and known noise removed."""
    out = []
    for line in (text or "").splitlines():
        line = re.sub(r"^\s*[0-9.]+ \| ", "", line)
        if re.match(r"^\S+: uid = .* \(sysfs\)$", line):
            continue
        out.append(line)
    return sorted(out)


def compare(d):
    bad = []
    ref_names, mpx_names = read(d, "ref-names.txt").split(), read(d, "mpx-names.txt").split()
    if not ref_names:
        bad.append("the reference made no map")
    if ref_names != mpx_names:
        bad.append(f"names differ: reference {ref_names}, mpx {mpx_names}")
    rt, mt = tables(read(d, "ref-table.txt")), tables(read(d, "mpx-table.txt"))
    for name in sorted(set(rt) & set(mt)):
        if rt[name] != mt[name]:
            bad.append(f"{name}: table differs:\n  reference {rt[name]}\n  mpx       {mt[name]}")
    # What the create run printed (the reference's log lines on stderr left out).
    ref_out = "".join(l + "\n" for l in read(d, "ref-create.txt").splitlines()
                      if not re.match(r"^\s*[0-9.]+ \| ", l))
    if ref_out != read(d, "mpx-create.txt"):
        bad.append("create output differs:\n" + ref_out + "---\n" + read(d, "mpx-create.txt"))
    # The queue limits the run left on the paths and maps (max_sectors_kb).
    if read(d, "ref-limits.txt") != read(d, "mpx-limits.txt"):
        bad.append("max_sectors_kb differs:\n" + read(d, "ref-limits.txt") + "---\n" +
                   read(d, "mpx-limits.txt"))
    # stderr: the reference's log lines without their timestamps (its
    # "setting scsi timeouts is unsupported" per path included). Left out:
    # without udev, its "sdX: uid = <wwid> (sysfs)" per path (mpx shows each
    # WWID's source at -v3).
    for what in ("create", "ll"):
        ref_err, mpx_err = log_lines(read(d, f"ref-{what}.err")), log_lines(read(d, f"mpx-{what}.err"))
        if ref_err != mpx_err:
            bad.append(f"{what} stderr differs:\n  reference {ref_err}\n  mpx       {mpx_err}")
    if read(d, "mpx-create.rc").strip() != "0":
        bad.append("mpx create failed: " + read(d, "mpx-create.txt")[-500:])
    rl, ml = canonical_ll(read(d, "ref-ll.txt")), canonical_ll(read(d, "mpx-ll.txt"))
    if rl != ml:
        import difflib
        bad.append("-ll differs:\n" + "\n".join(difflib.unified_diff(rl.splitlines(), ml.splitlines(),
                                                                     "reference", "mpx", lineterm="", n=1)))
    if not read(d, "ref-T.txt").strip():
        bad.append("the reference's multipath -T printed nothing")
    elif read(d, "ref-T.txt") != read(d, "mpx-T.txt"):
        import difflib
        bad.append("-T differs:\n" + "\n".join(difflib.unified_diff(
            read(d, "ref-T.txt").splitlines(), read(d, "mpx-T.txt").splitlines(),
            "reference", "mpx", lineterm="", n=1)))
    if read(d, "mpx-table2.txt") != read(d, "mpx-table.txt") or read(d, "mpx-second.txt").strip():
        bad.append("mpx's second run changed something: " + read(d, "mpx-second.txt")[:500])
    for who in ("ref", "mpx"):
        if read(d, f"{who}-after-flush.txt").strip():
            bad.append(f"{who} flush left maps: {read(d, who + '-after-flush.txt').split()}")
    if read(d, "mpx-flush.rc").strip() != "0":
        bad.append("mpx -F failed: " + read(d, "mpx-flush.txt")[:300])
    return bad, len(ref_names)


def canonical_state(text):
    """names then "name: table" lines, tables canonical."""
    return [f"{l.split(': ', 1)[0]}: {canonical_table(l.split(': ', 1)[1])}" if ": " in l else l
            for l in text.splitlines()]


def compare_existing(d):
    """A plain run after a config change touches only the map that gains a
    path; -r reloads and renames every map (differential-guest.sh existing)."""
    bad = []
    for step in ("plain", "forced"):
        ref, mpx = canonical_state(read(d, f"ref-{step}.txt")), canonical_state(read(d, f"mpx-{step}.txt"))
        if not ref:
            bad.append(f"{step}: the reference left no map")
        if ref != mpx:
            bad.append(f"{step}: maps differ:\n  reference {ref}\n  mpx       {mpx}")
    if read(d, "ref-plain.out") != read(d, "mpx-plain.out"):
        bad.append("plain run output differs:\n" + read(d, "ref-plain.out") + "---\n" +
                   read(d, "mpx-plain.out"))
    return bad


def main():
    results = sys.argv[1]
    failed = 0
    existing = os.path.join(results, "existing")
    if os.path.isdir(existing):
        bad = compare_existing(existing)
        print(f"existing maps after a config change: {'identical' if not bad else 'DIFFERENT'}")
        for b in bad:
            print("  " + b.replace("\n", "\n  "))
        failed += bool(bad)
    for name in sorted(os.listdir(results)):
        d = os.path.join(results, name)
        if not os.path.isfile(os.path.join(d, "multipath.conf")):
            continue
        bad, n = compare(d)
        print(f"{name}: {n} maps, {'identical' if not bad else 'DIFFERENT'}")
        for b in bad:
            print("  " + b.replace("\n", "\n  "))
        failed += bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
