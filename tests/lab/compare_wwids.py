#!/usr/bin/env python3
"""Compares mpx's and the reference's path WWIDs and candidate maps.

Input: a lab results directory written by tests/lab/parity-guest.sh:
  mpx.json                 mpx `multipath -d --json`
  reference-v3-i.txt       reference `multipath -d -v3 -i` (udev modes)
  reference-v3-sdX.txt     reference `multipath -d -v3 -i /dev/sdX` (udev none)
Exit status 0 when every path has the same WWID in both and the maps (WWID ->
set of path devices) are equal; 1 otherwise, with the differences printed.
"""
import glob
import json
import os
import re
import sys

UID_RE = re.compile(r"\| (sd[a-z]+): uid = (\S+) \(")
CREATE_RE = re.compile(r"^(?:create|reload)?: (\S+)(?: \((\S+)\))? ")
PATH_RE = re.compile(r"[|`]- \d+:\d+:\d+:\d+ (sd[a-z]+) ")


def reference_view(outdir):
    """(dev -> wwid, wwid -> set of devs) as the reference printed them."""
    per_dev = sorted(glob.glob(os.path.join(outdir, "reference-v3-sd*.txt")))
    uids = {}
    if per_dev:  # udev none: one run per named path; maps follow from the uids
        for f in per_dev:
            for m in UID_RE.finditer(open(f, errors="replace").read()):
                uids[m.group(1)] = m.group(2)
        maps = {}
        for dev, wwid in uids.items():
            maps.setdefault(wwid, set()).add(dev)
        return uids, maps
    text = open(os.path.join(outdir, "reference-v3-i.txt"), errors="replace").read()
    for m in UID_RE.finditer(text):
        uids[m.group(1)] = m.group(2)
    maps, current = {}, None
    for line in text.splitlines():
        c = CREATE_RE.match(line)
        if c:
            current = c.group(2) or c.group(1)
            maps[current] = set()
            continue
        p = PATH_RE.search(line)
        if p and current is not None:
            maps[current].add(p.group(1))
    return uids, maps


def mpx_view(outdir):
    doc = json.load(open(os.path.join(outdir, "mpx.json")))
    uids = {p["dev"]: p["wwid"] for p in doc["paths"]}
    maps = {}
    for m in doc["maps"]:
        maps[m["wwid"]] = {d for g in m["path_groups"] for d in g["paths"]}
    return uids, maps


def main():
    outdir = sys.argv[1]
    ref_uids, ref_maps = reference_view(outdir)
    mpx_uids, mpx_maps = mpx_view(outdir)
    bad = []
    if not ref_uids:
        bad.append("the reference showed no path uids")
    for dev in sorted(set(ref_uids) | set(mpx_uids), key=lambda d: (len(d), d)):
        r, x = ref_uids.get(dev, "-"), mpx_uids.get(dev, "-")
        mark = "ok" if r == x else "DIFF"
        print(f"{dev:6} reference {r:40} mpx {x:40} {mark}")
        if r != x:
            bad.append(f"{dev}: reference {r}, mpx {x}")
    if ref_maps != mpx_maps:
        bad.append(f"maps differ: reference {sorted((k, sorted(v)) for k, v in ref_maps.items())} "
                   f"mpx {sorted((k, sorted(v)) for k, v in mpx_maps.items())}")
    # With the sysfs pages hidden (udev none), SG_IO INQUIRY gives the same.
    sgio = os.path.join(outdir, "mpx-sgio.json")
    if os.path.exists(sgio):
        doc = json.load(open(sgio))
        got = {p["dev"]: (p["wwid"], p["wwid_source"]) for p in doc["paths"]}
        want = {d: (w, "SG_IO VPD 0x83") for d, w in mpx_uids.items()}
        if got != want:
            bad.append(f"SG_IO identities differ: {got} vs {want}")
        else:
            print(f"SG_IO VPD 0x83 gives the same {len(got)} WWIDs")
    # The whole dry-run topology text, where the reference can see the paths
    # (with udev): identical on the same guest, byte for byte.
    ref_text = os.path.join(outdir, "reference-d.txt")
    if not glob.glob(os.path.join(outdir, "reference-v3-sd*.txt")) and os.path.exists(ref_text):
        a = open(ref_text).read()
        b = open(os.path.join(outdir, "mpx-d.txt")).read()
        if a != b:
            import difflib
            diff = "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True),
                                                "reference -d -i", "mpx -d", n=1))
            bad.append("multipath -d text differs:\n" + diff[:3000])
        else:
            print(f"multipath -d text identical ({len(a.splitlines())} lines)")
    print(f"{len(ref_uids)} paths, {len(ref_maps)} maps in the reference; "
          f"{len(mpx_uids)} paths, {len(mpx_maps)} maps in mpx")
    for b in bad:
        print("MISMATCH:", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
