#!/usr/bin/env bash
# Mobile Lighthouse on a news page with five 12-megapixel phone photos (issue 19):
# performance score at least 95 and the page's total weight under 500 KB on a 375 px
# phone screen. The photos are made by examples/phone-photo.rs (4000×3000, tagged with
# an orientation and a GPS position, as phones write them) into a copy of the demo site,
# built with loa, served from 127.0.0.1 by Python's http.server, and measured by
# Lighthouse 12 (pinned by .ci/lighthouse/package-lock.json) in Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
TODAY=${TODAY:-2026-11-28}
for cmd in node npm python3; do
    command -v $cmd >/dev/null || { echo "SKIPPED: $cmd is not installed"; exit 0; }
done
[[ -x /usr/bin/chromium ]] || { echo "SKIPPED: /usr/bin/chromium is not installed"; exit 0; }
(
    cd .ci/lighthouse
    stamp=node_modules/.loa-package-lock.json
    if ! cmp -s package-lock.json "$stamp"; then
        npm ci --no-audit --no-fund --ignore-scripts
        cp package-lock.json "$stamp"
    fi
)
cargo build --release --quiet --example phone-photo
LOA=${LOA:-}
[[ -n $LOA ]] || { cargo build --release --quiet --bin loa; LOA=$PWD/target/release/loa; }

site=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
cp -r site.toml content assets "$site"/
for i in 1 2 3 4 5; do
    target/release/examples/phone-photo "$site/assets/anh/cong-truong-$i.jpg" 4000 3000 $((100 + i)) 1 gps
done
cat > "$site/content/tin-tuc/anh-cong-truong.md" <<'MD'
---
title: "Ảnh kiểm tra công trường phường Vĩnh Niệm"
date: 2026-11-25
summary: "Năm ảnh đoàn kiểm tra chụp bằng điện thoại tại công trường."
image: "anh/cong-truong-1.jpg"
image_alt: "Toàn cảnh công trường nhìn từ cổng chính."
agency: phong-qldt
---

Đoàn kiểm tra liên ngành chụp các ảnh dưới đây bằng điện thoại trong buổi kiểm tra.

![Khu giàn giáo phía đông công trường](/assets/anh/cong-truong-2.jpg)

Thợ làm trên cao đều đeo dây an toàn.

![Lối đi dành cho người đi bộ được che chắn](/assets/anh/cong-truong-3.jpg)

![Tủ điện có khóa và biển cảnh báo](/assets/anh/cong-truong-4.jpg)

![Bãi tập kết vật liệu gọn gàng](/assets/anh/cong-truong-5.jpg)
MD
"$LOA" build --quiet --root "$site" --today "$TODAY"
page=tin-tuc/anh-cong-truong/
[[ -f $site/public/${page}index.html ]] || { echo "the page was not built"; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site/public" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
    sleep 0.1
done

report=$site/lighthouse.json
CHROME_PATH=/usr/bin/chromium .ci/lighthouse/node_modules/.bin/lighthouse \
    "http://127.0.0.1:$port/$page" \
    --quiet --only-categories=performance --output=json --output-path="$report" \
    --form-factor=mobile --screenEmulation.mobile --screenEmulation.width=375 \
    --screenEmulation.height=667 --screenEmulation.deviceScaleFactor=2 \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

node - "$report" <<'JS'
const fs = require('node:fs');
const r = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const score = Math.round(r.categories.performance.score * 100);
const a = r.audits;
const weight = a['total-byte-weight'].numericValue;
const images = (a['network-requests'].details.items || [])
  .filter((i) => i.resourceType === 'Image')
  .map((i) => `${i.url.replace(/^https?:\/\/[^/]+/, '')} ${i.transferSize} B`);
console.log(`performance ${score}, LCP ${Math.round(a['largest-contentful-paint'].numericValue)} ms, CLS ${a['cumulative-layout-shift'].numericValue}, total weight ${(weight / 1024).toFixed(1)} KB`);
console.log(`images loaded: ${images.join(', ')}`);
let ok = true;
if (score < 95) { console.error(`FAIL: mobile performance ${score} < 95`); ok = false; }
if (weight >= 500 * 1024) { console.error(`FAIL: total weight ${(weight / 1024).toFixed(1)} KB >= 500 KB`); ok = false; }
process.exit(ok ? 0 : 1);
JS
