#!/usr/bin/env bash
# Time `loa build` against Hugo on the same synthetic corpus, in the same run.
#
#   bench/compare.sh [--sizes "1000 10000"] [--with-50k] [--rounds N] [--warm-runs N]
#                    [--mem-runs N] [--cache DIR] [--loa BIN | --rev REV] [--json-dir DIR]
#                    [--settle SECONDS] [--cold-delete]
#
# For each size it generates (or reuses) the loa and hugo flavors of the corpus with
# ../shared/bench/gen-corpus.py (--term-pages paginated), builds loa in release mode
# (the working tree; with --rev, that commit, exported with `git archive` into the
# cache folder and built there; --loa names a ready binary instead), then:
#
#   cold  N rounds, after reading both corpora once (so no round reads its sources
#         from disk and the others from the page cache); each round is one
#         hyperfine invocation with both commands
#         (--runs 1), so loa and hugo alternate run by run; the order flips every
#         round. --prepare removes the output first (loa: public/, its staging
#         folders .public.loa-next and .public.loa-prev and their listing
#         .public.loa-files; hugo: public/ and
#         resources/) by moving it into the cache's trash/ folder, then syncs, so
#         no run is slowed by the write-back of the previous run's output (at
#         50,000 pages each tool writes 1.5 GB or more). Nothing is
#         deleted while timing: the trash is emptied at the end; before timing,
#         the script empties what an earlier run left and waits until --settle
#         seconds (default 400) have passed since the last emptying. Why: on ext4 without a journal (this
#         VM's root file system), creating files within minutes of deleting many
#         makes every new inode scan the recently freed ones (ext4 find_inode_bit
#         -> recently_deleted, a 60 s window, 360 s while the inode table block is
#         dirty): 20,000 files take 1.5 s fresh, 3.7 s right after an `rm -rf`,
#         5.5 s after rm + sync + 70 s, 2.0 s after 405 s. A build right after
#         `rm -rf public` measures that, not the generator. --cold-delete deletes
#         in --prepare instead, to see it.
#   warm  loa only, output present, nothing changed: hyperfine --warmup 2 (two
#         builds, so both the published folder and the staging generation exist),
#         then --runs N. loa finds nothing changed and stops (see README).
#   edit  loa only, one page's markdown changed before each run (a sentence added,
#         then removed: bench/toggle-sentence.py): the whole pipeline runs.
#   mem   peak RSS from `/usr/bin/time -v`, in separate cold runs, alternating.
#
# and prints a Markdown table: median wall time, median user+sys CPU time, peak memory
# (the largest over the memory runs), and the loa/hugo ratio (ratio of the medians,
# and the median of the per-round paired ratios). It is a benchmark, not a test:
# nothing fails on a slow result.
#
# Needs: hugo, hyperfine and GNU time (Debian: apt-get install -y hugo hyperfine time),
# python3 and cargo. It installs nothing itself.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

sizes="1000 10000"
rounds=5
warm_runs=5
mem_runs=2
cache="${XDG_CACHE_HOME:-$HOME/.cache}/loa-bench"
loa=""
rev=""
settle=400
cold_delete=0
json_dir=""
today="2026-11-28"
gen="${GEN_CORPUS:-$repo/../shared/bench/gen-corpus.py}"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --with-50k) sizes="$sizes 50000"; shift ;;
        --rounds) rounds="$2"; shift 2 ;;
        --warm-runs) warm_runs="$2"; shift 2 ;;
        --mem-runs) mem_runs="$2"; shift 2 ;;
        --cache) cache="$2"; shift 2 ;;
        --loa) loa="$2"; shift 2 ;;
        --rev) rev="$2"; shift 2 ;;
        --settle) settle="$2"; shift 2 ;;
        --cold-delete) cold_delete=1; shift ;;
        --json-dir) json_dir="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

missing=""
command -v hugo >/dev/null || missing="$missing hugo"
command -v hyperfine >/dev/null || missing="$missing hyperfine"
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
    echo "missing:$missing; install with: apt-get install -y$missing" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }
[ -f "$gen" ] || { echo "corpus generator not found: $gen (set GEN_CORPUS)" >&2; exit 2; }

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
if [ -z "$json_dir" ]; then
    json_dir=$(mktemp -d "${TMPDIR:-/tmp}/loa-bench.XXXXXX")
fi
mkdir -p "$json_dir"

if [ -z "$loa" ] && [ -n "$rev" ]; then
    commit=$(git -C "$repo" rev-parse --verify "$rev^{commit}")
    src="$cache/src-$commit"
    if [ ! -f "$src/Cargo.toml" ]; then
        mkdir -p "$src"
        git -C "$repo" archive "$commit" | tar -x -C "$src"
    fi
    echo "== building loa $commit (release)" >&2
    (cd "$src" && CARGO_TARGET_DIR="$cache/target" cargo build --release --quiet)
    loa="$cache/target/release/loa"
elif [ -z "$loa" ]; then
    echo "== building loa from the working tree (release)" >&2
    (cd "$repo" && cargo build --release --quiet)
    loa="${CARGO_TARGET_DIR:-$repo/target}/release/loa"
    case "$loa" in /*) ;; *) loa="$repo/$loa" ;; esac
fi
[ -x "$loa" ] || { echo "no loa binary at $loa" >&2; exit 2; }

# corpus SIZE FLAVOR -> prints the corpus folder, generating it if needed. The loa
# flavor's site.toml leaves pagination to loa's default (10 per page); the Hugo site
# paginates by 20, so the loa corpus gets `paginate_by = 20`: both tools then write the
# same list pages.
corpus() {
    local dir="$cache/$1-$2"
    if ! python3 - "$dir/.gen-corpus" "$1" "$2" <<'EOF' 2>/dev/null; then
import json, sys
m = json.loads(open(sys.argv[1]).read())
ok = m["pages"] == int(sys.argv[2]) and m["flavor"] == sys.argv[3] \
    and m.get("term_pages", "paginated") == "paginated"
sys.exit(0 if ok else 1)
EOF
        echo "== generating $1 pages, $2 flavor" >&2
        local force=""
        [ -e "$dir/.gen-corpus" ] && force="--force"
        python3 "$gen" --pages "$1" --out "$dir" --flavor "$2" --term-pages paginated $force >&2
    fi
    if [ "$2" = loa ] && ! grep -q '^paginate_by' "$dir/site.toml"; then
        sed -i 's/^language = "vi"$/&\npaginate_by = 20/' "$dir/site.toml"
        grep -q '^paginate_by = 20$' "$dir/site.toml" || { echo "cannot set paginate_by in $dir/site.toml" >&2; exit 1; }
    fi
    echo "$dir"
}

# peak_rss_kb CMD... -> the command's maximum resident set size in KB
peak_rss_kb() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}

trash="$cache/trash"
mkdir -p "$trash"

# clean_cmd PATH... -> a shell command that removes PATHs for a cold build
clean_cmd() {
    if [ "$cold_delete" = 1 ]; then
        echo "rm -rf $* && sync"
    else
        echo "t=\$(mktemp -d -p $trash) && for d in $*; do if [ -e \$d ]; then mv \$d \$t/; fi; done && sync"
    fi
}

# Empty the trash (noting when in $stamp), then wait until --settle seconds have passed
# since the last emptying, so that ext4 has forgotten the freed inodes.
stamp="$cache/trash.emptied"
empty_trash() {
    if [ -n "$(ls -A "$trash")" ]; then
        echo "== emptying $trash" >&2
        rm -rf "${trash:?}"/*
        sync
        touch "$stamp"
    fi
}
settle_fs() {
    empty_trash
    if [ -e "$stamp" ]; then
        local left=$((settle - $(date +%s) + $(stat -c %Y "$stamp")))
        if [ "$left" -gt 0 ]; then
            echo "== waiting ${left}s for ext4 to forget the deleted inodes" >&2
            sleep "$left"
        fi
    fi
}

# outputs of earlier runs go to the trash too, before the one wait
for n in $sizes; do
    for d in "$cache/$n-loa/public" "$cache/$n-loa/.public.loa-next" "$cache/$n-loa/.public.loa-prev" \
             "$cache/$n-loa/.public.loa-files" \
             "$cache/$n-hugo/public" "$cache/$n-hugo/resources"; do
        if [ -e "$d" ]; then mv "$d" "$(mktemp -d -p "$trash")/"; fi
    done
done
settle_fs

for n in $sizes; do
    L=$(corpus "$n" loa)
    H=$(corpus "$n" hugo)
    loa_cmd="$loa --quiet build --root $L --today $today"
    hugo_cmd="hugo --quiet --source $H --destination $H/public"
    loa_clean=$(clean_cmd "$L/public" "$L/.public.loa-next" "$L/.public.loa-prev" "$L/.public.loa-files")
    hugo_clean=$(clean_cmd "$H/public" "$H/resources")

    # Both corpora (and both programs) into the page cache first: otherwise the first
    # round alone reads its sources from the virtual disk (at 50,000 pages, 225 MB per
    # corpus, after the previous sizes' outputs pushed them out of memory).
    cat "$loa" "$(command -v hugo)" >/dev/null
    find "$L/content" "$H/content" -type f -exec cat {} + >/dev/null

    echo "== $n pages: $rounds cold rounds, loa and hugo alternating" >&2
    for r in $(seq 1 "$rounds"); do
        if [ $((r % 2)) -eq 1 ]; then
            hyperfine --style basic --runs 1 \
                -n loa-cold --prepare "$loa_clean" "$loa_cmd" \
                -n hugo-cold --prepare "$hugo_clean" "$hugo_cmd" \
                --export-json "$json_dir/$n-cold-$r.json" >&2
        else
            hyperfine --style basic --runs 1 \
                -n hugo-cold --prepare "$hugo_clean" "$hugo_cmd" \
                -n loa-cold --prepare "$loa_clean" "$loa_cmd" \
                --export-json "$json_dir/$n-cold-$r.json" >&2
        fi
    done

    echo "== $n pages: loa warm (output present, nothing changed)" >&2
    hyperfine --style basic --warmup 2 --runs "$warm_runs" \
        -n loa-warm "$loa_cmd" --export-json "$json_dir/$n-warm.json" >&2

    # One page edited before each run (a sentence added, then removed again): the
    # whole pipeline runs, as when a writer saves a change, but few files change.
    page=$(find "$L/content" -name '*.md' ! -name '_index.md' | sort | sed -n 1p)
    toggle="python3 $here/toggle-sentence.py $page"
    echo "== $n pages: loa edit (one page changed before each run)" >&2
    hyperfine --style basic --warmup 1 --runs "$warm_runs" --prepare "$toggle" \
        -n loa-edit "$loa_cmd" --export-json "$json_dir/$n-edit.json" >&2
    python3 "$here/toggle-sentence.py" --restore "$page"

    echo "== $n pages: peak memory, $mem_runs cold runs each" >&2
    : >"$json_dir/$n-mem.tsv"
    for r in $(seq 1 "$mem_runs"); do
        sh -c "$loa_clean"
        printf 'loa-cold\t%s\n' "$(peak_rss_kb $loa_cmd)" >>"$json_dir/$n-mem.tsv"
        sh -c "$hugo_clean"
        printf 'hugo-cold\t%s\n' "$(peak_rss_kb $hugo_cmd)" >>"$json_dir/$n-mem.tsv"
    done
    printf 'loa-warm\t%s\n' "$(peak_rss_kb $loa_cmd)" >>"$json_dir/$n-mem.tsv"
    find "$L/public" -type f | wc -l >"$json_dir/$n-loa-files"
    find "$H/public" -type f | wc -l >"$json_dir/$n-hugo-files"
    sh -c "$loa_clean"
    sh -c "$hugo_clean"
done

python3 - "$json_dir" $sizes <<'EOF'
import json, os, statistics, sys

d, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
med = statistics.median

def rows(n):
    wall, cpu, paired, split = {}, {}, [], {}
    r = 1
    while os.path.exists(f"{d}/{n}-cold-{r}.json"):
        res = {x["command"]: x for x in json.load(open(f"{d}/{n}-cold-{r}.json"))["results"]}
        for name, x in res.items():
            wall.setdefault(name, []).append(x["median"])
            cpu.setdefault(name, []).append(x["user"] + x["system"])
            split.setdefault(name, []).append((x["user"], x["system"]))
        paired.append(res["loa-cold"]["median"] / res["hugo-cold"]["median"])
        r += 1
    w = json.load(open(f"{d}/{n}-warm.json"))["results"][0]
    wall["loa-warm"] = w["times"]
    cpu["loa-warm"] = [w["user"] + w["system"]]  # hyperfine gives the mean over runs
    e = json.load(open(f"{d}/{n}-edit.json"))["results"][0]
    wall["loa-edit"] = e["times"]
    cpu["loa-edit"] = [e["user"] + e["system"]]
    mem = {}
    for line in open(f"{d}/{n}-mem.tsv"):
        name, kb = line.split()
        mem[name] = max(mem.get(name, 0), int(kb))
    files = {t: open(f"{d}/{n}-{t}-files").read().strip() for t in ("loa", "hugo")}
    return wall, cpu, paired, mem, files, split

print("| pages | case | tool | wall median (s) | wall min–max (s) | CPU user+sys (s) | peak RSS (MB) | runs | files |")
print("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
summary, splits = [], {}
for n in sizes:
    wall, cpu, paired, mem, files, split = rows(n)
    splits[n] = split["loa-cold"]
    for name in ("loa-cold", "hugo-cold", "loa-warm", "loa-edit"):
        tool, case = name.split("-")
        t = wall[name]
        print(f"| {n:,} | {case} | {tool} | {med(t):.2f} | {min(t):.2f}–{max(t):.2f} "
              f"| {med(cpu[name]):.2f} | {f'{mem[name] / 1024:.0f}' if name in mem else '—'} | {len(t)} | {files[tool]} |")
    summary.append((n, med(wall["loa-cold"]) / med(wall["hugo-cold"]), med(paired),
                    med(cpu["loa-cold"]) / med(cpu["hugo-cold"]), med(wall["loa-cold"])))
print()
print("| pages | loa/hugo wall (ratio of medians) | loa/hugo wall (median of paired rounds) | loa/hugo CPU |")
print("| ---: | ---: | ---: | ---: |")
for n, r, p, c, _ in summary:
    print(f"| {n:,} | {r:.2f} | {p:.2f} | {c:.2f} |")
cold = {n: t for n, _, _, _, t in summary}
if 10000 in cold and 50000 in cold:
    print()
    print(f"Scaling: loa cold 50,000 / 10,000 = {cold[50000] / cold[10000]:.2f} (target ≤ 5.5)")
    user = {n: med(u for u, _ in splits[n]) for n in (10000, 50000)}
    system = {n: med(s for _, s in splits[n]) for n in (10000, 50000)}
    print(f"(loa cold, medians: user {user[10000]:.2f} s to {user[50000]:.2f} s, "
          f"×{user[50000] / user[10000]:.2f}; system {system[10000]:.2f} s to "
          f"{system[50000]:.2f} s, ×{system[50000] / system[10000]:.2f})")
EOF
echo "raw hyperfine JSON and memory figures: $json_dir" >&2
empty_trash
