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
// - on tests/fixtures/search/ranking, built with $LOA: the tones typed rank the page with
//   those tones first and only they are marked; words standing together rank above the
//   same words scattered; BNN finds "bệnh nghề nghiệp" and "tai nạn lao động" finds TNLĐ;
//   a quoted phrase matches only the phrase; a search that finds nothing says why; and
//   the script's tokenizer (run in Node) makes, from every page's text, exactly the words
//   and pairs the Rust index holds for that page.
//
// usage: node search.mjs [public dir]      (LOA: the loa binary, default target/release/loa)

import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import vm from 'node:vm';
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

/// Build a fixture site under tests/fixtures/search/<name> into a temp dir; returns its
/// public dir, or null when the build failed.
async function buildFixture(name, dir) {
  await cp(path.join(repo, 'tests', 'fixtures', 'search', name), dir, { recursive: true });
  const built = spawnSync(loa, ['build', '--root', dir, '--today', TODAY, '--quiet'], { encoding: 'utf8' });
  if (built.status !== 0) {
    check(false, `the ${name} fixture builds: ${built.stderr}`);
    return null;
  }
  console.log(`search fixture: tests/fixtures/search/${name}`);
  return path.join(dir, 'public');
}

/// The script's text rules, run in Node as the page runs them.
async function scriptApi() {
  const source = await readFile(path.join(repo, 'themes', 'cong-thong-tin', 'static', 'js', 'tim-kiem.js'), 'utf8');
  const context = vm.createContext({});
  vm.runInContext(source, context);
  return context.loaTimKiem;
}

/// Words and pairs per doc id as the Rust index holds them: id -> Set of "folded\tspelling".
async function indexed(out, dir) {
  const byDoc = new Map();
  const folder = path.join(out, 'tim-kiem', dir);
  for (const file of await readdir(folder)) {
    const shard = JSON.parse(await readFile(path.join(folder, file), 'utf8'));
    for (const [folded, spellings] of Object.entries(shard)) {
      for (const [spelling, postings] of Object.entries(spellings)) {
        // A word's posting is `gap, code`; a pair's one number, gap * 4 + code.
        let id = 0;
        for (let i = 0; i < postings.length; i += dir === 'pairs' ? 1 : 2) {
          id += dir === 'pairs' ? postings[i] >> 2 : postings[i];
          if (!byDoc.has(id)) byDoc.set(id, new Set());
          byDoc.get(id).add(folded + '\t' + spelling);
        }
      }
    }
  }
  return byDoc;
}

/// The Rust and JS tokenizers agree: for every page, the words and adjacent pairs the
/// script makes of its title, summary and body are exactly those the index holds.
async function tokenizersAgree(out) {
  const api = await scriptApi();
  const manifest = JSON.parse(await readFile(path.join(out, 'tim-kiem', 'index.json'), 'utf8'));
  const words = await indexed(out, 'shards');
  const pairs = await indexed(out, 'pairs');
  const per = manifest.docs_per_file;
  let compared = 0;
  for (let id = 0; id < manifest.kind.length; id++) {
    const docs = JSON.parse(await readFile(path.join(out, 'tim-kiem', 'docs', `${Math.floor(id / per)}.json`), 'utf8'));
    const doc = docs[id % per];
    const jsWords = new Set();
    const jsPairs = new Set();
    for (const text of [doc.title, doc.summary, doc.body]) {
      const tokens = api.tokenize(text, manifest.token_chars);
      tokens.forEach((t, i) => {
        jsWords.add(t.folded + '\t' + t.spelling);
        if (i > 0 && t.linked) {
          const a = tokens[i - 1];
          jsPairs.add(a.folded + ' ' + t.folded + '\t' + a.spelling + ' ' + t.spelling);
        }
      });
    }
    const same = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
    const rustWords = words.get(id) ?? new Set();
    const rustPairs = pairs.get(id) ?? new Set();
    const diff = (a, b) => [...a].filter((x) => !b.has(x)).slice(0, 5).join(', ');
    check(
      same(jsWords, rustWords) && same(jsPairs, rustPairs),
      `tokenizers agree on ${doc.url} (${jsWords.size} words, ${jsPairs.size} pairs` +
        (same(jsWords, rustWords) ? '' : `; JS only: ${diff(jsWords, rustWords)}; Rust only: ${diff(rustWords, jsWords)}`) +
        (same(jsPairs, rustPairs) ? '' : `; JS pairs only: ${diff(jsPairs, rustPairs)}; Rust pairs only: ${diff(rustPairs, jsPairs)}`) +
        ')',
    );
    compared++;
  }
  check(compared > 5, `the tokenizers were compared on every page (${compared})`);
}

async function ranking(browser) {
  const dir = await mkdtemp(path.join(tmpdir(), 'loa-search-'));
  try {
    const out = await buildFixture('ranking', dir);
    if (!out) return;
    await tokenizersAgree(out);
    const { server, origin } = await serve(out);
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const ranked = async (q) => {
      await page.goto(origin + '/tim-kiem/?q=' + encodeURIComponent(q));
      await settled(page, q);
      if ((await page.locator('#tim-kiem-ket-qua li').count()) === 0) return [];
      return titles(page);
    };
    const fine = 'Xử lý cơ sở vi phạm quy định về giàn giáo';
    const growth = 'Phát triển mạng lưới an toàn viên';
    const scattered = 'Nhắc nhở cơ sở chưa có biển báo';
    let r = await ranked('phạt tiền');
    check(r[0] === fine, `"phạt tiền" with its tones ranks the page saying "phạt tiền" first (${r.join(' | ')})`);
    check(r.includes(growth) && r.indexOf(growth) > r.indexOf(scattered), `and the same tones scattered above other tones in the title (${r.join(' | ')})`);
    const marks = (await page.locator('#tim-kiem-ket-qua li').first().locator('mark').allTextContents()).map((m) => m.toLowerCase());
    check(marks.length > 0 && marks.every((m) => m === 'phạt' || m === 'tiền'), `only the tones typed are marked (${marks.join(', ')})`);
    r = await ranked('phat tien');
    check(r[0] === fine, `"phat tien" without tones ranks the page where they stand together first (${r.join(' | ')})`);
    r = await ranked('"phạt tiền"');
    check(r.length === 1 && r[0] === fine, `a quoted phrase matches only the phrase (${r.join(' | ')})`);
    const phraseMarks = await page.locator('#tim-kiem-ket-qua li').first().locator('mark').allTextContents();
    check(
      phraseMarks.join(' ') === 'phạt tiền',
      `and only the words of the phrase where they stand together are marked (${phraseMarks.join(', ')})`,
    );
    r = await ranked('"phat tien"');
    check(r.length === 1 && r[0] === fine, `a quoted phrase typed without tones too (${r.join(' | ')})`);
    r = await ranked('BNN');
    check(r[0] === 'Khám sức khỏe định kỳ cho công nhân', `BNN finds the page that writes "bệnh nghề nghiệp" (${r.join(' | ')})`);
    const spoken = await page.locator('#tim-kiem-ket-qua li').first().locator('mark').allTextContents();
    check(spoken.join(' ') === 'bệnh nghề nghiệp', `and marks the spoken form (${spoken.join(', ')})`);
    r = await ranked('tai nạn lao động');
    check(r.includes('Thống kê quý III') && r.includes('Phòng ngừa tai nạn'), `"tai nạn lao động" finds the page that writes TNLĐ (${r.join(' | ')})`);
    r = await ranked('TNLĐ');
    check(r.length === 2 && r.includes('Phòng ngừa tai nạn'), `TNLĐ finds both (${r.join(' | ')})`);
    const status = await page.locator('#tim-kiem-trang-thai').textContent();
    check(/^Tìm thấy 2 kết quả cho “TNLĐ”\.$/.test(status), `the page says how many results (${status})`);
    r = await ranked('"tiền phạt"');
    let why = await page.locator('#tim-kiem-trang-thai').textContent();
    check(r.length === 0 && why.includes('không trang nào viết chúng liền nhau'), `a phrase not found says its words are never together (${why})`);
    r = await ranked('giàn giáo xyzw');
    why = await page.locator('#tim-kiem-trang-thai').textContent();
    check(r.length === 0 && why.includes('Không trang nào có từ “xyzw”'), `a word on no page is named (${why})`);
    r = await ranked('thống kê giàn giáo');
    why = await page.locator('#tim-kiem-trang-thai').textContent();
    check(r.length === 0 && why.includes('không trang nào có đủ tất cả các từ'), `words on different pages are explained (${why})`);
    check(errors.length === 0, `no script errors ${errors.join('; ')}`);
    await page.close();
    server.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
  await ranking(browser);
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.log(`\n${failures.length} search check(s) failed`);
  process.exit(1);
}
console.log('\nsearch checks passed');
