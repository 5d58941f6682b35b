#!/usr/bin/env python3
"""What each thread of a `loa build` does over time, from perf samples.

    perf record -e cpu-clock -F 999 -g --call-graph dwarf,16384 -o perf.data loa build ...
    perf script -i perf.data -F tid,time,ip,sym | bench/perf-timeline.py [--bucket 0.25]

One line per time bucket: for each thread (the main thread first), its number of
samples and the stages it spent them in. A bucket where only the main thread has
samples is a serial phase: the second core idles.
"""
import collections
import sys

LABELS = [
    ("build::fingerprint", "fingerprint"), ("output::unchanged", "fingerprint"),
    ("search::", "search-index"), ("feeds::", "feeds"), ("broadcast", "bulletins"),
    ("remove_stale", "remove-stale"), ("output::sweep", "remove-stale"),
    ("output::finish", "finish"),
    ("markdown::", "markdown"), ("read_text", "read"), ("front_matter", "yaml"),
    ("validate::", "validate"), ("walkdir", "walk"), ("content::load", "load"),
    ("Sink>::put", "write"), ("tera::", "tera"), ("views::", "views"),
    ("Renderer", "render"), ("drop_in_place", "drop"),
]


def samples(lines):
    cur = None
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if cur:
                yield cur
            cur = None
        elif not line.startswith("\t"):
            parts = line.split()
            cur = (int(parts[0]), float(parts[1].rstrip(":")), [])
        elif cur is not None:
            p = line.strip().split(" ", 1)
            cur[2].append(p[1] if len(p) > 1 else "?")
    if cur:
        yield cur


def label(stack):
    for pattern, name in LABELS:
        if any(pattern in f for f in stack):
            return name
    return "libc/kernel"


def main():
    bucket = float(sys.argv[sys.argv.index("--bucket") + 1]) if "--bucket" in sys.argv else 0.25
    all_samples = list(samples(sys.stdin))
    t0 = min(s[1] for s in all_samples)
    main_tid = min(s[0] for s in all_samples)
    rows = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for tid, t, stack in all_samples:
        rows[int((t - t0) / bucket)][tid][label(stack)] += 1
    serial = 0
    for b in sorted(rows):
        row = rows[b]
        if set(row) == {main_tid}:
            serial += 1
        cells = []
        for tid in sorted(row, key=lambda x: (x != main_tid, x)):
            c = row[tid]
            name = "main" if tid == main_tid else f"t{tid - main_tid}"
            top = ",".join(f"{k} {v}" for k, v in c.most_common(2))
            cells.append(f"{name}: {sum(c.values()):3} {top}")
        print(f"{b * bucket:6.2f}s  " + " | ".join(cells))
    print(f"\nbuckets with only the main thread busy: {serial} of {len(rows)} ({serial * bucket:.2f} s)")


main()
