// Browser check of the portal's search page (/tim-kiem/) in Debian's chromium:
//
// - on the demo portal (public/, built with `loa build --today 2026-11-28`): typing
//   "an toan" shows a result whose title says "an toàn", with the matched words marked
//   in their own spelling; "tai nan lao dong" finds a result; the query and the kind
//   filter live in the URL and a shared URL gives the same search; results are
//   announced in a live region; text from the query is never parsed as HTML; without
//   JavaScript the page says search needs it and links to the lists; the home page loads
//   nothing of the search; no request leaves 127.0.0.1.
// - on tests/fixtures/search/basic, built with $LOA: exact-diacritic matches rank above
//   folded ones, and pages that are not published are never found.
//
// usage: node search.mjs [public dir]      (LOA: the loa binary, default target/release/loa)

import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from './search-serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const publicDir = path.resolve(process.argv[2] ?? path.join(repo, 'public'));
const loa = process.env.LOA ?? path.join(repo, 'target', 'release', 'loa');
const TODAY = '2026-11-28';

const failures = [];
function check(ok, what) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

/// Titles (text of each result's link) once results are on screen.
async function titles(page) {
  await page.locator('#tim-kiem-ket-qua li h2 a').first().waitFor({ timeout: 10000 });
  return page.locator('#tim-kiem-ket-qua li h2 a').allTextContents();
}

async function typeQuery(page, text) {
  const box = page.locator('#tim-kiem-q');
  await box.fill('');
  await box.pressSequentially(text, { delay: 40 });
}

/// Wait until the live region reports the search of `query` finished.
async function settled(page, query) {
  await page.waitForFunction(
    (q) => {
      const s = document.getElementById('tim-kiem-trang-thai').textContent;
      return s.includes('“' + q + '”') && !s.startsWith('Đang tìm');
    },
    query,
    { timeout: 10000 },
  );
}

async function demo(browser, origin) {
  console.log(`demo portal: ${publicDir}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(origin + '/');
  await page.waitForLoadState('networkidle');
  check(
    !requests.some((u) => u.includes('/tim-kiem/') || u.includes('tim-kiem.js')),
    'the home page downloads nothing of the search',
  );

  await page.goto(origin + '/tim-kiem/');
  check(await page.locator('#tim-kiem-q').isVisible(), 'the search form shows when JavaScript runs');
  check(!(await page.locator('#tim-kiem-khong-js').isVisible()), 'the no-JavaScript note is hidden');

  await typeQuery(page, 'an toan');
  await settled(page, 'an toan');
  let found = await titles(page);
  check(
    found.some((t) => t.toLowerCase().includes('an toàn')),
    `"an toan" finds a title with "an toàn" (${found.length} shown; first: ${found[0]})`,
  );
  const marks = await page.locator('#tim-kiem-ket-qua mark').allTextContents();
  check(
    marks.some((m) => m.toLowerCase() === 'toàn'),
    `matched words are marked in their own spelling (${[...new Set(marks)].slice(0, 6).join(', ')})`,
  );
  check(new URL(page.url()).searchParams.get('q') === 'an toan', `the query is in the URL (${page.url()})`);
  const status = await page.locator('#tim-kiem-trang-thai').textContent();
  check(/^Tìm thấy \d+ kết quả cho “an toan”/.test(status), `the live region says how many (${status})`);
  check(
    (await page.locator('#tim-kiem-trang-thai').getAttribute('aria-live')) === 'polite',
    'results are announced politely',
  );
  const moreButton = page.locator('#tim-kiem-them');
  check(await moreButton.isVisible(), 'more than ten results offer a button for more');
  await moreButton.click();
  await page.waitForFunction(() => document.querySelectorAll('#tim-kiem-ket-qua li').length > 10);
  const eleventh = page.locator('#tim-kiem-ket-qua li').nth(10).locator('h2 a');
  check(
    await eleventh.evaluate((a) => a === document.activeElement),
    'the button shows ten more and moves focus to the first of them',
  );
  const meta = await page.locator('#tim-kiem-ket-qua li .tim-kiem-loai').first().textContent();
  check(/^\S.* · \d{1,2}\/\d{1,2}\/\d{4}$/.test(meta), `a result shows its kind and date (${meta})`);

  await typeQuery(page, 'tai nan lao dong');
  await settled(page, 'tai nan lao dong');
  found = await titles(page);
  check(found.length > 0, `"tai nan lao dong" finds results (first: ${found[0]})`);
  const marks2 = await page.locator('#tim-kiem-ket-qua mark').allTextContents();
  check(marks2.some((m) => m.toLowerCase() === 'nạn'), '"nan" is marked as "nạn"');

  await page.selectOption('#tim-kiem-loai', 'violation');
  await settled(page, 'tai nan lao dong');
  const url = new URL(page.url());
  check(url.searchParams.get('loai') === 'violation', `the kind filter is in the URL (${page.url()})`);
  const kinds = await page.locator('#tim-kiem-ket-qua li .tim-kiem-loai').allTextContents();
  check(
    kinds.length > 0 && kinds.every((k) => k.startsWith('Xử lý vi phạm')),
    `the filter keeps only violation notices (${kinds.length})`,
  );

  // A shared URL gives the same search in a fresh tab.
  const shared = await context.newPage();
  await shared.goto(origin + '/tim-kiem/?q=tai+nan+lao+dong&loai=violation');
  await settled(shared, 'tai nan lao dong');
  check(
    (await shared.locator('#tim-kiem-q').inputValue()) === 'tai nan lao dong' &&
      (await shared.locator('#tim-kiem-loai').inputValue()) === 'violation',
    'a shared URL fills the query and the filter',
  );
  const sharedKinds = await shared.locator('#tim-kiem-ket-qua li .tim-kiem-loai').allTextContents();
  check(sharedKinds.length === kinds.length, 'a shared URL shows the same results');

  // Text typed by the person is shown, never run.
  const evil = '<img src=x onerror="window.pwned=1">';
  await shared.goto(origin + '/tim-kiem/?q=' + encodeURIComponent(evil));
  await shared.waitForFunction(() =>
    document.getElementById('tim-kiem-trang-thai').textContent.includes('<img'),
  );
  check(
    (await shared.locator('main img').count()) === 0 && !(await shared.evaluate(() => window.pwned)),
    'markup in a query stays text',
  );

  check(
    requests.every((u) => u.startsWith(origin)),
    'no request leaves the site',
  );
  check(errors.length === 0, `no script errors ${errors.join('; ')}`);
  await context.close();

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(origin + '/tim-kiem/');
  const note = plain.locator('#tim-kiem-khong-js');
  check(
    (await note.isVisible()) && (await note.textContent()).includes('cần JavaScript'),
    'without JavaScript the page says search needs it',
  );
  check((await note.locator('a[href="/tin-tuc/"]').count()) === 1, 'and links to the section lists');
  check((await note.locator('a[href="/linh-vuc/"]').count()) === 1, 'and to the taxonomy pages');
  check(!(await plain.locator('#tim-kiem-q').isVisible()), 'and shows no form that cannot work');
  await noJs.close();
}

async function fixture(browser) {
  const dir = await mkdtemp(path.join(tmpdir(), 'loa-search-'));
  try {
    await cp(path.join(repo, 'tests', 'fixtures', 'search', 'basic'), dir, { recursive: true });
    const out = path.join(dir, 'public');
    const built = spawnSync(loa, ['build', '--root', dir, '--today', TODAY, '--quiet'], { encoding: 'utf8' });
    if (built.status !== 0) {
      check(false, `the search fixture builds: ${built.stderr}`);
      return;
    }
    console.log('search fixture: tests/fixtures/search/basic');
    const { server, origin } = await serve(out);
    const page = await browser.newPage();
    const ranked = async (q) => {
      await page.goto(origin + '/tim-kiem/?q=' + encodeURIComponent(q));
      await settled(page, q);
      return titles(page);
    };
    // "toán" and "toàn" fold to the same word; the spelling typed comes first.
    const math = 'Ngoại khóa toán học cho học sinh';
    let r = await ranked('toán');
    check(r[0] === math, `"toán" ranks the exact spelling first (${r.join(' | ')})`);
    r = await ranked('toàn');
    check(r.length > 1 && r.at(-1) === math, `"toàn" ranks the exact spellings first (${r.join(' | ')})`);
    // A newer page with the words in its body ranks below an older one with them in its title.
    r = await ranked('công trình');
    check(r[0] === 'An toàn lao động trên công trình', `a title match ranks above the body (${r.join(' | ')})`);
    for (const secret of ['banhapbimat', 'hethanroi', 'chuadenngay', 'Xuyến']) {
      await page.goto(origin + '/tim-kiem/?q=' + secret);
      await settled(page, secret);
      check(
        (await page.locator('#tim-kiem-ket-qua li').count()) === 0,
        `"${secret}" (unpublished or masked) finds nothing`,
      );
    }
    await page.close();
    server.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const { server, origin } = await serve(publicDir);
const browser = await launch();
try {
  await demo(browser, origin);
  await fixture(browser);
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.log(`\n${failures.length} search check(s) failed`);
  process.exit(1);
}
console.log('\nsearch checks passed');
