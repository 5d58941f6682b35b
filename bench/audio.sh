#!/usr/bin/env bash
# Time and disk of the demo's bulletin audio (issue 21), on a copy of the demo site:
#   - text only: the demo without [broadcast.audio] (the baseline);
#   - cold: no .loa-audio/ cache, every piece spoken by espeak-ng and encoded to MP3;
#   - cached: the cache full, one input touched (the build is not skipped as unchanged);
#   - one item changed: the cache full, one item's text edited (one piece spoken again).
# Then the size of the published MP3 files and of the cache.
#
# Needs: hyperfine, espeak-ng, a release build of loa (LOA, default target/release/loa).
# Usage: bench/audio.sh [RUNS]   (default 5 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
loa=$(realpath "${LOA:-target/release/loa}")
runs=${1:-5}
today=2026-11-28
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for d in audio plain; do
    mkdir -p "$tmp/$d"
    cp -a site.toml content assets static themes "$tmp/$d/" 2>/dev/null || true
done
python3 - "$tmp/plain/site.toml" <<'PY'
import re, sys
p = sys.argv[1]
text = open(p, encoding="utf-8").read()
text = re.sub(r"\n\[broadcast\.audio\]\n(?:[^\[\n][^\n]*\n|\n)*", "\n", text)
open(p, "w", encoding="utf-8").write(text)
PY
item=content/loa/kiem-tra-cong-trinh-thang-12.md
cp "$tmp/audio/$item" "$tmp/item.orig"

echo "loa $(git rev-parse --short HEAD), espeak-ng $(espeak-ng --version | awk '{print $4}'), $(nproc) cores"
hyperfine --runs "$runs" --warmup 1 \
    --command-name "text only (no [broadcast.audio])" \
    --prepare "touch $tmp/plain/content/_index.md" \
    "$loa build --root $tmp/plain --today $today --quiet" \
    --command-name "cold: every piece spoken" \
    --prepare "rm -rf $tmp/audio/.loa-audio; touch $tmp/audio/content/_index.md" \
    "$loa build --root $tmp/audio --today $today --quiet" \
    --command-name "cached: nothing spoken" \
    --prepare "touch $tmp/audio/content/_index.md" \
    "$loa build --root $tmp/audio --today $today --quiet" \
    --command-name "one item changed: one piece spoken" \
    --prepare "cp $tmp/item.orig $tmp/audio/$item; echo \"Bà con lưu ý \$(date +%N).\" >> $tmp/audio/$item" \
    "$loa build --root $tmp/audio --today $today --quiet"

pieces=$(find "$tmp/audio/public/loa/am-thanh" -name '*.mp3' | wc -l)
lists=$(find "$tmp/audio/public/loa" -name '*.m3u8' | wc -l)
seconds=$(awk '{ s += $1 } END { printf "%.0f", s / 1000 }' "$tmp/audio/.loa-audio"/*.ms)
echo "pieces: $pieces MP3 files, $((seconds / 60)) min $((seconds % 60)) s of audio, for $lists bulletins (playlists)"
echo "published MP3: $(du -sb "$tmp/audio/public/loa/am-thanh" | cut -f1) bytes; playlists: $(find "$tmp/audio/public/loa" -name '*.m3u8' -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1) bytes; cache .loa-audio: $(du -sb "$tmp/audio/.loa-audio" | cut -f1) bytes"
