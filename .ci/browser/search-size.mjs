// Size budget of the search on a big portal (the 10,000-page benchmark corpus, built
// with `loa build`): for common queries opened from a shared URL with an empty cache,
// everything the browser downloads until the first results are on screen (page, CSS,
// script, manifest, word and pair shards, docs) stays within 1.5 MB; the home page downloads nothing of the
// search. Sizes are bytes as served, uncompressed (a server that gzips sends far less).
// Not timed: only bytes are asserted.
//
// usage: node search-size.mjs <built portal dir>
//   python3 gen-corpus.py --pages 10000 --flavor loa --out /tmp/c10k
//   loa build --root /tmp/c10k --today 2026-11-28
//   node search-size.mjs /tmp/c10k/public

import path from 'node:path';
import { launch, serve } from './search-serve.mjs';

const BUDGET = 1_500_000;
// Two-word queries as people type them, and a few longer or half-typed ones.
const QUERIES = [
  'an toan', 'lao dong', 'tai nan', 'an toàn', 'bao ho', 'kiem tra', 'thi cong',
  'tai nan lao dong', 'an toàn vệ sinh lao động', 'an th', 'nguoi lao dong',
  'phạt tiền', '"tai nạn lao động"', 'ATVSLĐ',
];

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node search-size.mjs <built portal dir>');
  process.exit(2);
}

const failures = [];
function check(ok, what) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

/// Requests a fresh tab makes until `ready` resolves, with their body sizes.
async function measure(browser, url, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r));
  await page.goto(url);
  await ready(page);
  const seen = requests.slice();
  const sizes = await Promise.all(
    seen.map(async (r) => {
      const res = await r.response();
      const body = res ? (await r.sizes()).responseBodySize : 0;
      return { url: new URL(r.url()).pathname, bytes: body };
    }),
  );
  await context.close();
  return sizes;
}

const { server, origin } = await serve(path.resolve(dir));
const browser = await launch();
try {
  console.log(`search size budget: ${path.resolve(dir)}`);
  const home = await measure(browser, origin + '/', (p) => p.waitForLoadState('networkidle'));
  const searchy = home.filter((r) => r.url.startsWith('/tim-kiem/') || r.url.includes('tim-kiem.js'));
  check(searchy.length === 0, `the home page downloads nothing of the search (${home.length} requests)`);

  for (const q of QUERIES) {
    const got = await measure(browser, `${origin}/tim-kiem/?q=${encodeURIComponent(q)}`, (p) =>
      p.locator('#tim-kiem-ket-qua li').first().waitFor({ timeout: 30000 }),
    );
    const total = got.reduce((n, r) => n + r.bytes, 0);
    const index = got.filter((r) => r.url.startsWith('/tim-kiem/') && r.url.endsWith('.json'));
    const part = (p) => index.filter((r) => r.url.startsWith(p)).reduce((n, r) => n + r.bytes, 0);
    const shards = index.filter((r) => r.url.startsWith('/tim-kiem/shards/'));
    const pairs = index.filter((r) => r.url.startsWith('/tim-kiem/pairs/'));
    const docs = index.filter((r) => r.url.startsWith('/tim-kiem/docs/'));
    check(
      total <= BUDGET,
      `"${q}": ${kb(total)} before the first results (manifest ${kb(part('/tim-kiem/index.json'))}, ` +
        `${shards.length} shards ${kb(part('/tim-kiem/shards/'))}, ` +
        `${pairs.length} pair shards ${kb(part('/tim-kiem/pairs/'))}, ` +
        `${docs.length} docs ${kb(part('/tim-kiem/docs/'))})`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.log(`\n${failures.length} size check(s) failed`);
  process.exit(1);
}
console.log('\nsearch size budget kept');
