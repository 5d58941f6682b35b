#!/usr/bin/env bash
# The bulletins' audio ([broadcast.audio], issue 21) with the real engine, espeak-ng, on
# a copy of the demo site:
#   1. a build without espeak-ng on PATH succeeds, with warning W070 and the text outputs;
#   2. a cold build with espeak-ng: every playlist (.m3u8) names files that exist, beside
#      its .txt and .ssml;
#   3. every bulletin's measured duration (what `loa broadcast` prints once the audio is
#      made) is within ±5 % of loa's estimate (the same site without [broadcast.audio]);
#   4. a rebuild with one item changed runs the engine once.
# Prints the cold and cached wall times and the audio's size.
#
# Installs nothing: the caller provides espeak-ng and python3.
#
# Environment:
#   LOA    path to the loa binary
#   SITE   the demo site's folder (read only; the checks run on a copy)
#   TODAY  the build date (YYYY-MM-DD)
set -euo pipefail
: "${LOA:?path to the loa binary}" "${SITE:?the site folder}" "${TODAY:?the build date}"

if ! command -v espeak-ng >/dev/null 2>&1; then
    echo "SKIPPED: espeak-ng is not installed"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
copy() {
    mkdir -p "$1"
    for f in site.toml content assets static themes; do
        [[ -e $SITE/$f ]] && cp -a "$SITE/$f" "$1/"
    done
}
site=$tmp/site
copy "$site"
grep -q '^\[broadcast.audio\]' "$site/site.toml" || {
    echo "the demo's site.toml does not turn audio on" >&2
    exit 1
}

echo "1. without espeak-ng on PATH"
env PATH=/nonexistent "$LOA" build --root "$site" --today "$TODAY" 2>"$tmp/no-engine.txt"
grep -q 'W070' "$tmp/no-engine.txt" || {
    cat "$tmp/no-engine.txt" >&2
    echo "no W070 warning without espeak-ng" >&2
    exit 1
}
compgen -G "$site/public/loa/$TODAY/*.txt" >/dev/null
if compgen -G "$site/public/loa/$TODAY/*.m3u8" >/dev/null; then
    echo "playlists written without an engine" >&2
    exit 1
fi
rm -rf "$site/public" "$site/.loa-audio"

echo "2. cold build with espeak-ng"
start=$EPOCHREALTIME
"$LOA" build --root "$site" --today "$TODAY" -v 2>"$tmp/cold.txt"
cold=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
grep 'audio:' "$tmp/cold.txt"
if grep -q 'W07[0-9]' "$tmp/cold.txt"; then
    grep -A2 'W07[0-9]' "$tmp/cold.txt" >&2
    exit 1
fi
python3 - "$site/public/loa" <<'PY'
import pathlib, sys
root = pathlib.Path(sys.argv[1])
lists = sorted(root.glob("*/*.m3u8"))
if not lists:
    sys.exit("no playlist")
for m3u in lists:
    for ext in (".txt", ".ssml"):
        if not m3u.with_suffix(ext).is_file():
            sys.exit(f"{m3u}: no {ext} beside it")
    names = [l for l in m3u.read_text("utf-8").splitlines() if l and not l.startswith("#")]
    for n in names:
        f = (m3u.parent / n).resolve()
        if not f.is_file() or f.stat().st_size == 0:
            sys.exit(f"{m3u}: names {n}, which is missing")
print(f"{len(lists)} playlists, every file they name exists")
PY

echo "3. measured durations within 5 % of the estimates"
plain=$tmp/plain
copy "$plain"
python3 - "$plain/site.toml" <<'PY'
import re, sys
p = sys.argv[1]
text = open(p, encoding="utf-8").read()
text = re.sub(r"\n\[broadcast\.audio\]\n(?:[^\[\n][^\n]*\n|\n)*", "\n", text)
open(p, "w", encoding="utf-8").write(text)
PY
days=()
for d in "$site"/public/loa/20*; do days+=("$(basename "$d")"); done
for d in "${days[@]}"; do
    "$LOA" broadcast --root "$site" --today "$TODAY" --date "$d" | grep '^# ' >>"$tmp/measured.txt"
    "$LOA" broadcast --root "$plain" --today "$TODAY" --date "$d" | grep '^# ' >>"$tmp/estimated.txt"
done
python3 - "$tmp/measured.txt" "$tmp/estimated.txt" <<'PY'
import re, sys
def read(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"# (\S+) — (\S+) — (\S+) \((?:(\d+) phút)?\s*(?:(\d+) giây)?\)\s*$", line)
        if not m:
            sys.exit(f"cannot read {line!r}")
        out[m.group(1, 2, 3)] = int(m.group(4) or 0) * 60 + int(m.group(5) or 0)
    return out
measured, estimated = read(sys.argv[1]), read(sys.argv[2])
if measured.keys() != estimated.keys() or not measured:
    sys.exit("the two builds have different bulletins")
ratios = {k: measured[k] / estimated[k] for k in measured}
worst = max(ratios, key=lambda k: abs(ratios[k] - 1))
same = sum(1 for k in measured if measured[k] == estimated[k])
print(f"{len(ratios)} bulletins: audio/estimate from {min(ratios.values()):.3f} to "
      f"{max(ratios.values()):.3f}; worst {worst}: {measured[worst]} s against {estimated[worst]} s")
if same == len(measured):
    sys.exit("every measured duration equals the estimate: the audio was not read")
bad = [k for k, r in ratios.items() if abs(r - 1) > 0.05]
if bad:
    sys.exit(f"{len(bad)} bulletins off by more than 5 %, e.g. {bad[0]}")
PY

echo "4. a rebuild with one item changed speaks that item only"
start=$EPOCHREALTIME
touch "$site/content/_index.md"
"$LOA" build --root "$site" --today "$TODAY" -v 2>"$tmp/cached.txt"
cached=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
grep -q 'audio: [0-9]* pieces, 0 engine runs' "$tmp/cached.txt" || {
    grep 'audio:' "$tmp/cached.txt" >&2
    echo "an unchanged rebuild ran the engine" >&2
    exit 1
}
item=$site/content/loa/kiem-tra-cong-trinh-thang-12.md
sed -i '$ s/$/ Bà con lưu ý./' "$item"
"$LOA" build --root "$site" --today "$TODAY" -v 2>"$tmp/one.txt"
grep -q 'audio: [0-9]* pieces, 1 engine runs' "$tmp/one.txt" || {
    grep 'audio:' "$tmp/one.txt" >&2
    echo "changing $item did not run the engine exactly once" >&2
    exit 1
}
echo "changing $(basename "$item") ran the engine once"

printf 'cold build with audio: %.1f s; cached: %.1f s; audio: %s MP3 published, %s cache\n' \
    "$cold" "$cached" "$(du -sh "$site/public/loa/am-thanh" | cut -f1)" \
    "$(du -sh "$site/.loa-audio" | cut -f1)"
