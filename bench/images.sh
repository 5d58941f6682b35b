#!/usr/bin/env bash
# 100 phone-size photos (4000×3000 JPEG, made by examples/phone-photo.rs) through loa and
# through Hugo's image processing, on the same machine in the same run.
#
#   bench/images.sh [--count N] [--runs N] [--dir DIR] [--loa BIN]
#
# Both sites have one page per photo, and each photo becomes the same files: widths
# 480, 800 and 1200 as WebP and as JPEG (quality 75) and a 1200×630 crop for og:image,
# seven files. Hugo's template calls .Resize and .Fill on the page's image resource.
#   first    no output and no cache (loa: public/, .loa-cache/; Hugo: public/,
#            resources/), removed in --prepare.
#   rebuild  output and cache present, photo 1 replaced by a new photo (never seen
#            before: a fresh seed, made in --prepare, not timed) before each run, as
#            after an office swaps a picture.
# --rebuild-only reuses the sites a previous run left in DIR (built, caches present).
# Prints hyperfine's Markdown tables and the ratios loa/Hugo.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=100 RUNS=3 DIR=/tmp/loa-bench-images LOA="" REBUILD_ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --dir) DIR=$2; shift 2 ;;
    --loa) LOA=$2; shift 2 ;;
    --rebuild-only) REBUILD_ONLY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in hugo hyperfine; do
  command -v $tool >/dev/null || { echo "SKIPPED: $tool is not installed"; exit 0; }
done
cargo build --release --quiet --example phone-photo
[ -n "$LOA" ] || { cargo build --release --quiet --bin loa; LOA=$PWD/target/release/loa; }
PHOTO=$PWD/target/release/examples/phone-photo
L=$DIR/loa H=$DIR/hugo
LOA_BUILD="$LOA build --quiet --root $L --today 2026-12-01"
HUGO_BUILD="hugo --quiet --source $H"
if [ -z "$REBUILD_ONLY" ]; then
mkdir -p "$DIR/photos"
echo "photos: $COUNT × 4000×3000 in $DIR/photos"
seq 1 "$COUNT" | xargs -P "$(nproc)" -I{} sh -c "[ -s '$DIR/photos/p{}.jpg' ] || '$PHOTO' '$DIR/photos/p{}.jpg' 4000 3000 {} 1"
du -sh "$DIR/photos"

# The loa site.
rm -rf "$L"; mkdir -p "$L/content/tin-tuc" "$L/assets/anh"
cat > "$L/site.toml" <<'TOML'
title = "Ảnh"
base_url = "https://vi-du.gov.vn/"
[organization]
name = "Phòng Văn hóa - Thông tin"
[images]
widths = [480, 800, 1200]
quality = 75
TOML
printf -- '---\ntitle: "Trang chủ"\n---\n' > "$L/content/_index.md"
printf -- '---\ntitle: "Tin tức"\n---\n' > "$L/content/tin-tuc/_index.md"
# The Hugo site.
rm -rf "$H"; mkdir -p "$H/content/anh" "$H/assets/anh" "$H/layouts/_default"
cat > "$H/config.toml" <<'TOML'
baseURL = "https://vi-du.gov.vn/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[imaging]
quality = 75
resampleFilter = "Lanczos"
TOML
cat > "$H/layouts/_default/single.html" <<'HTML'
{{ $img := resources.Get .Params.image }}
<h1>{{ .Title }}</h1>
<picture>
<source type="image/webp" srcset="{{ range slice 480 800 1200 }}{{ ($img.Resize (printf "%dx webp q75" .)).RelPermalink }} {{ . }}w, {{ end }}">
{{ $j := $img.Resize "800x jpg q75" }}
<img src="{{ $j.RelPermalink }}" srcset="{{ range slice 480 800 1200 }}{{ ($img.Resize (printf "%dx jpg q75" .)).RelPermalink }} {{ . }}w, {{ end }}" width="{{ $j.Width }}" height="{{ $j.Height }}" alt="{{ .Params.image_alt }}">
</picture>
<meta property="og:image" content="{{ ($img.Fill "1200x630 Center jpg q75").Permalink }}">
HTML
printf '{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n' > "$H/layouts/_default/list.html"
for i in $(seq 1 "$COUNT"); do
  cp "$DIR/photos/p$i.jpg" "$L/assets/anh/p$i.jpg"
  cp "$DIR/photos/p$i.jpg" "$H/assets/anh/p$i.jpg"
  printf -- '---\ntitle: "Ảnh %s"\ndate: 2026-11-01\nimage: "anh/p%s.jpg"\nimage_alt: "Ảnh số %s"\n---\nẢnh.\n' "$i" "$i" "$i" > "$L/content/tin-tuc/anh-$i.md"
  printf -- '---\ntitle: "Ảnh %s"\nimage: "anh/p%s.jpg"\nimage_alt: "Ảnh số %s"\n---\nẢnh.\n' "$i" "$i" "$i" > "$H/content/anh/anh-$i.md"
done
# Read everything once, so no run reads its photos from disk and the other from memory.
cat "$L"/assets/anh/* "$H"/assets/anh/* > /dev/null

echo "## first build ($COUNT photos, no output, no cache)"
hyperfine --runs "$RUNS" --export-markdown "$DIR/first.md" --export-json "$DIR/first.json" \
  --prepare "rm -rf $L/public $L/.loa-cache $L/.public.loa-*; sync" -n loa "$LOA_BUILD" \
  --prepare "rm -rf $H/public $H/resources; sync" -n hugo "$HUGO_BUILD"
# Both with output and cache, then one photo swapped before each run.
$LOA_BUILD; $HUGO_BUILD
fi
SWAP="$PHOTO {d}/assets/anh/p1.jpg 4000 3000 \$(date +%s%N | cut -c8-18) 1"
echo "## rebuild (one photo of $COUNT changed)"
hyperfine --runs $((RUNS * 2)) --export-markdown "$DIR/rebuild.md" --export-json "$DIR/rebuild.json" \
  --prepare "${SWAP//\{d\}/$L}" -n loa "$LOA_BUILD" \
  --prepare "${SWAP//\{d\}/$H}" -n hugo "$HUGO_BUILD"
python3 - "$DIR" <<'PY'
import json, os, statistics, sys
d = sys.argv[1]
for case in ("first", "rebuild"):
    if not os.path.exists(f"{d}/{case}.json"):
        continue
    r = {x["command"]: x for x in json.load(open(f"{d}/{case}.json"))["results"]}
    l, h = statistics.median(r["loa"]["times"]), statistics.median(r["hugo"]["times"])
    print(f"{case}: loa {l:.2f} s, hugo {h:.2f} s, loa/hugo {l / h:.3f}")
PY
echo "published: loa $(find "$L/public" -name 'p*.webp' -o -name 'p*.jpg' | wc -l) files, $(du -sh "$L/public/assets" | cut -f1); hugo $(find "$H/public" -name '*.webp' -o -name '*.jpg' | wc -l) files, $(du -sh "$H/public" | cut -f1)"
