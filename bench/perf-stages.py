#!/usr/bin/env python3
"""Attribute `perf script -F tid,ip,sym` samples of a `loa build` to build stages.

    perf record -e cpu-clock -F 999 -g --call-graph dwarf,16384 -o perf.data loa build ...
    perf script -i perf.data -F tid,ip,sym | bench/perf-stages.py [--top N]

Each sample goes to the first stage (in the order below) whose pattern appears in its
stack, so nested stages win over the stages that contain them (markdown inside loading,
`DirSink::put` inside rendering). Also prints the top self-time functions and the top
inclusive loa/tera/pulldown functions.
"""
import re
import sys
from collections import Counter

# (stage, regex on a frame's symbol); first match from this list wins.
STAGES = [
    ("write: mkdir (create_dir_all)", r"create_dir_all|DirBuilder"),
    ("write: create+write files", r"std::fs::write|File>::create|OpenOptions"),
    ("write: compare with existing (stat/read)", r"output::DirSink.*put|Sink>::put"),
    ("swap: remove stale + renames", r"output::finish|output::remove_stale"),
    ("staging: prepare", r"output::prepare"),
    ("markdown (pulldown-cmark, highlight)", r"loa::markdown::|pulldown_cmark|syntect"),
    ("front matter (YAML)", r"yaml_serde|unsafe_libyaml|front_matter"),
    ("load: read + normalize text", r"content::read_text|normalize_text|unicode_normalization"),
    ("load: validate", r"content::validate"),
    ("load: walk content/", r"walkdir"),
    ("load: other", r"loa::content::load|build::load_site"),
    ("render: views -> tera Value (serialize)", r"Context::insert|try_from_serializable|views::"),
    ("render: Tera template execution", r"tera::vm|Tera::render|tera::"),
    ("render: theme/templates setup", r"render::theme|Renderer::new|add_raw_templates"),
    ("extras: feeds, sitemap, statics", r"render::feeds|Renderer.*extras|extras"),
    ("render: other", r"loa::render::"),
    ("unattributed libc leaf (malloc/free/memcpy/memcmp; perf could not unwind)",
     r"malloc|free|memcpy|memmove|memcmp|unlink_chunk|tcache|realloc"),
]
COMPILED = [(name, re.compile(p)) for name, p in STAGES]


def samples(lines):
    stack = None
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if stack is not None:
                yield stack
            stack = None
        elif not line.startswith("\t") and not line.startswith(" "):
            stack = []
        elif stack is not None:
            parts = line.strip().split(" ", 1)
            stack.append(parts[1] if len(parts) > 1 else "?")
    if stack:
        yield stack


def main():
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    stages, selfs, incl = Counter(), Counter(), Counter()
    total = kernel = 0
    for st in samples(sys.stdin):
        total += 1
        selfs[st[0] if st else "?"] += 1
        for name, rx in COMPILED:
            if any(rx.search(f) for f in st):
                stages[name] += 1
                break
        else:
            stages["other (process start, kernel work without a user stack)"] += 1
        seen = set()
        for f in st:
            short = re.sub(r"<[^<>]*>", "", f)[:110]
            if re.match(r"<?(loa|tera|pulldown_cmark|yaml_serde|syntect)::", f) and short not in seen:
                seen.add(short)
                incl[short] += 1
        if any(f.startswith(("entry_SYSCALL", "asm_exc_page_fault")) for f in st):
            kernel += 1
    pct = lambda n: 100.0 * n / total
    print(f"samples: {total}; in the kernel (syscalls, page faults): {pct(kernel):.1f}%\n")
    print("| stage | share of CPU samples |\n| --- | ---: |")
    for name, n in stages.most_common():
        print(f"| {name} | {pct(n):.1f}% |")
    print(f"\n| top self time | share |\n| --- | ---: |")
    for f, n in selfs.most_common(top):
        print(f"| `{f[:100]}` | {pct(n):.1f}% |")
    print(f"\n| top inclusive (loa, tera, pulldown-cmark, yaml) | share |\n| --- | ---: |")
    for f, n in incl.most_common(top):
        print(f"| `{f}` | {pct(n):.1f}% |")


main()
