#!/usr/bin/env bash
# Holds loa's bulletin durations against a real speech engine: synthesises three demo
# bulletins (the longest, the shortest and a middle one of the build date) from their
# SSML with espeak-ng's Vietnamese voice, and fails when the audio's length is not
# within ±5 % of the duration loa prints for the bulletin.
#
# The mapping: espeak-ng's -s is calibrated in English words a minute; for Vietnamese
# `-s 135` reads about 180 syllables a minute (measured on the demo's bulletins,
# issue 17), which is what loa writes as <prosody rate="100%">. A site reading at
# another rate gets rate="N%" with N = rate * 100 / 180, which espeak-ng applies on top
# of -s. Measured on 2026-11-28 with espeak-ng 1.51 (Debian 12): audio / estimate
# between 0.98 and 1.01 at 180 syllables a minute, up to 1.045 at 150 (espeak-ng's own
# sentence pauses do not slow down with the rate).
#
# Installs nothing: the caller provides espeak-ng and python3 (for the WAV length).
#
# Environment:
#   LOA    path to the loa binary
#   SITE   the site folder (built already, into SITE/public)
#   TODAY  the build date (YYYY-MM-DD)
set -euo pipefail
: "${LOA:?path to the loa binary}" "${SITE:?the site folder}" "${TODAY:?the build date}"

dir="$SITE/public/loa/$TODAY"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t all < <(ls -S "$dir"/*.ssml)
if ((${#all[@]} < 3)); then
    echo "fewer than three bulletins in $dir" >&2
    exit 1
fi
picked=("${all[0]}" "${all[$((${#all[@]} / 2))]}" "${all[$((${#all[@]} - 1))]}")

failed=0
for ssml in "${picked[@]}"; do
    name=$(basename "$ssml" .ssml)
    ward=${name%-*}
    slot=${name##*-}
    header=$("$LOA" broadcast --root "$SITE" --today "$TODAY" --date "$TODAY" \
        --ward "$ward" --slot "$slot" | head -n 1)
    espeak-ng -v vi -m -s 135 -f "$ssml" -w "$tmp/$name.wav"
    python3 - "$tmp/$name.wav" "$header" "$name" <<'PY' || failed=1
import re, sys, wave
path, header, name = sys.argv[1:4]
with wave.open(path) as w:
    audio = w.getnframes() / w.getframerate()
m = re.search(r"\((?:(\d+) phút)?\s*(?:(\d+) giây)?\)\s*$", header)
if not m or not (m.group(1) or m.group(2)):
    sys.exit(f"{name}: no duration in {header!r}")
estimate = int(m.group(1) or 0) * 60 + int(m.group(2) or 0)
ratio = audio / estimate
print(f"{name}: audio {audio:.1f} s, loa {estimate} s, ratio {ratio:.3f}")
if abs(ratio - 1) > 0.05:
    sys.exit(f"{name}: the audio is not within 5 % of loa's estimate")
PY
done
exit "$failed"
