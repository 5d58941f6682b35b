// Browser check of a built portal (public/): for the home page and one page of every
// kind and every list type, run axe-core (WCAG 2.1 AA) and the Nu HTML Checker, check
// that the main content is there with JavaScript off, that nothing is wider than the
// screen at 375 and 320 px, that no request leaves the site, and that the home page weighs at most
// 100 KB without images, and that the keyboard focus is visible. Saves screenshots at
// 375 and 1280 px.
//
// usage: [LOA_CHECK_ALL=1] node check.mjs [public dir] [screenshot dir]
// Runs offline: the browser is Debian's chromium, the checkers come from node_modules.

import { createServer } from 'node:http';
import { readFile, readdir, stat, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const publicDir = path.resolve(process.argv[2] ?? path.join(repo, 'public'));
const shotDir = path.resolve(process.argv[3] ?? path.join(repo, 'target', 'screenshots'));
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const vnuJar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NARROW = 375;
const SMALLEST = 320;
const WIDE = 1280;
const HOME_BUDGET = 100 * 1024;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const failures = [];
const fail = (what) => {
  failures.push(what);
  console.log(`  FAIL ${what}`);
};

// ---------------------------------------------------------------- the static server

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.pdf': 'application/pdf', '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.ssml': 'application/ssml+xml',
};

async function resolveFile(urlPath) {
  let rel = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(publicDir, path.normalize(rel));
  if (!file.startsWith(publicDir)) return null;
  try {
    const s = await stat(file);
    if (s.isFile()) return file;
    if (s.isDirectory()) return resolveFile(urlPath.replace(/\/?$/, '/'));
  } catch { /* not found */ }
  return null;
}

function serve() {
  const server = createServer(async (req, res) => {
    const file = await resolveFile(new URL(req.url, 'http://x').pathname);
    const notFound = path.join(publicDir, '404.html');
    const [status, body, type] = file
      ? [200, await readFile(file), TYPES[path.extname(file)] ?? 'application/octet-stream']
      : [404, await readFile(notFound).catch(() => Buffer.from('not found')), TYPES['.html']];
    res.writeHead(status, { 'content-type': type, 'content-length': body.length });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---------------------------------------------------------------- which pages to check

async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...await htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

const urlOf = (file) => {
  const rel = path.relative(publicDir, file).split(path.sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
};

// Every page type the theme has, found by the class its template puts on <body>.
const KINDS = ['page', 'news', 'campaign', 'action-month', 'model', 'document', 'broadcast', 'violation'];
const WANTED = [
  ['home', (c) => c === 'tpl-home'],
  ...KINDS.map((k) => [`kind-${k}`, (c) => c.split(' ').includes(`tpl-page--${k}`)]),
  ['section-list', (c, u) => c.includes('tpl-list--section') && !u.includes('/trang/')],
  ['section-list-documents', (c, u) => c.includes('tpl-list--document') && !u.includes('/trang/')],
  ['section-list-page-2', (c, u) => c.includes('tpl-list--section') && u.endsWith('/trang/2/')],
  ['taxonomy-list', (c) => c.includes('tpl-list--taxonomy')],
  ['taxonomy-term', (c, u) => c.includes('tpl-list--term') && !u.includes('/trang/')],
  ['taxonomy-term-page-2', (c, u) => c.includes('tpl-list--term') && u.endsWith('/trang/2/')],
  ['agencies', (c) => c === 'tpl-agencies'],
];

async function pickPages() {
  const found = new Map();
  for (const file of await htmlFiles(publicDir)) {
    if (path.basename(file) === '404.html') continue;
    const html = await readFile(file, 'utf8');
    const m = html.match(/<body class="([^"]*)"/);
    if (!m) continue;
    const url = urlOf(file);
    for (const [name, test] of WANTED) {
      if (!found.has(name) && test(m[1], url)) found.set(name, { name, url, file });
    }
  }
  for (const [name] of WANTED) if (!found.has(name)) fail(`no page found for "${name}" in ${publicDir}`);
  const pages = WANTED.map(([n]) => found.get(n)).filter(Boolean);
  // Pages other parts of loa add to the portal, checked when the build has them. Search
  // is the one page allowed to need JavaScript for its results.
  for (const [name, url, needsJs] of [['search', '/tim-kiem/', true], ['broadcast-schedule', '/loa/lich-phat-thanh/', false]]) {
    const file = await resolveFile(url);
    if (file) pages.push({ name, url, file, needsJs });
  }
  // LOA_CHECK_ALL=1 checks every page of the build (slow; for a theme change).
  if (process.env.LOA_CHECK_ALL) {
    const seen = new Set(pages.map((p) => p.file));
    for (const file of await htmlFiles(publicDir)) {
      const html = await readFile(file, 'utf8');
      if (seen.has(file) || path.basename(file) === '404.html' || html.includes('http-equiv="refresh"')) continue;
      const url = urlOf(file);
      pages.push({ name: url.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'index', url, file, needsJs: url === '/tim-kiem/' });
    }
  }
  // The 404 page, as a server answers an unknown address with it.
  pages.push({ name: 'not-found', url: '/khong-co-trang-nay/', file: path.join(publicDir, '404.html'), status: 404 });
  return pages;
}

// ---------------------------------------------------------------- checks

async function runAxe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
    }));
  }, AXE_TAGS);
}

function guardRequests(context, origin, where) {
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('about:')) {
      fail(`${where()}: request to another host: ${u}`);
    }
  });
  // Never let anything out, even while reporting it.
  return context.route((u) => !u.href.startsWith(origin) && !/^(data|blob|about):/.test(u.href), (r) => r.abort());
}

async function checkPage(browser, origin, p) {
  console.log(`${p.name}: ${p.url}`);
  const where = () => `${p.name} (${p.url})`;
  for (const width of [WIDE, NARROW, SMALLEST]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN', serviceWorkers: 'block' });
    await guardRequests(context, origin, where);
    const page = await context.newPage();
    page.on('pageerror', (e) => fail(`${where()}: script error at ${width}px: ${e.message}`));
    const res = await page.goto(origin + p.url, { waitUntil: 'load' });
    const want = p.status ?? 200;
    if (!res || res.status() !== want) fail(`${where()}: HTTP ${res?.status()} instead of ${want}`);
    for (const v of width === SMALLEST ? [] : await runAxe(page)) {
      fail(`${where()} at ${width}px: axe ${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.join('\n      ')}`);
    }
    if (width !== WIDE) {
      const w = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
      if (w > width) {
        const wide = await page.evaluate((max) => [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > max + 0.5 && !e.closest('.table-wrap'))
          .slice(0, 5).map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">`), width);
        fail(`${where()}: ${w}px wide at ${width}px (too wide: ${wide.join(', ')})`);
      }
    }
    if (width !== SMALLEST) {
      await page.screenshot({ path: path.join(shotDir, `${p.name}-${width}.png`), fullPage: true });
    }
    await context.close();
  }
  // JavaScript off: the main content must be in the HTML itself.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: NARROW, height: 900 } });
  await guardRequests(context, origin, where);
  const page = await context.newPage();
  await page.goto(origin + p.url, { waitUntil: 'load' });
  const main = await page.evaluate(() => {
    const m = document.querySelector('main');
    return { count: document.querySelectorAll('main').length, h1: document.querySelectorAll('h1').length,
      h1text: m?.querySelector('h1')?.textContent.trim() ?? '', text: m?.innerText.trim().length ?? 0 };
  });
  if (main.count !== 1) fail(`${where()}: ${main.count} <main> elements without JavaScript`);
  if (main.h1 !== 1 || !main.h1text) fail(`${where()}: ${main.h1} h1 elements (want one, inside main) without JavaScript`);
  if (main.text < 80 && !p.needsJs) fail(`${where()}: main content missing without JavaScript (${main.text} characters)`);
  await context.close();
}

// Keyboard: the first Tab stop is the skip link, shown on screen; following it puts
// focus on <main>; a focused link gets the yellow focus style (#ffdd00).
async function checkKeyboard(browser, origin) {
  const context = await browser.newContext({ viewport: { width: WIDE, height: 900 } });
  await guardRequests(context, origin, () => 'keyboard');
  const page = await context.newPage();
  await page.goto(origin + '/');
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { cls: a.className, href: a.getAttribute('href'), visible: r.left >= 0 && r.top >= 0 && r.width > 0 };
  });
  if (skip.cls !== 'skip-link' || !skip.visible) fail(`keyboard: the first Tab stop is not a visible skip link (${JSON.stringify(skip)})`);
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id);
  if (focused !== skip.href?.slice(1)) fail(`keyboard: the skip link does not move focus to the main content (focus on #${focused})`);
  await page.keyboard.press('Tab');
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { tag: document.activeElement.tagName, bg: s.backgroundColor, outline: s.outlineColor, outlineStyle: s.outlineStyle };
  });
  const yellow = 'rgb(255, 221, 0)';
  if (style.bg !== yellow && !(style.outline === yellow && style.outlineStyle !== 'none')) {
    fail(`keyboard: a focused ${style.tag} has no yellow focus style (${JSON.stringify(style)})`);
  }
  console.log(`keyboard: skip link first, focus to main, focused ${style.tag} highlighted`);
  await context.close();
}

async function checkHomeWeight(browser, origin) {
  const context = await browser.newContext({ viewport: { width: WIDE, height: 900 } });
  await guardRequests(context, origin, () => 'home weight');
  const page = await context.newPage();
  const sizes = [];
  page.on('response', async (r) => {
    const type = r.request().resourceType();
    if (['document', 'stylesheet', 'script', 'fetch', 'xhr', 'font'].includes(type)) {
      sizes.push(r.body().then((b) => [r.url(), b.length]).catch(() => [r.url(), 0]));
    }
  });
  await page.goto(origin + '/', { waitUntil: 'networkidle' });
  const all = await Promise.all(sizes);
  const total = all.reduce((s, [, n]) => s + n, 0);
  console.log(`home weight without images: ${(total / 1024).toFixed(1)} KB (${all.map(([u, n]) => `${u.replace(origin, '')} ${n} B`).join(', ')})`);
  if (total > HOME_BUDGET) fail(`home page weighs ${total} bytes without images, more than ${HOME_BUDGET}`);
  await context.close();
}

function checkHtml(pages) {
  const files = [...new Set(pages.map((p) => p.file))];
  const r = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'gnu', ...files], { encoding: 'utf8' });
  if (r.error) return fail(`could not run the Nu HTML Checker: ${r.error.message}`);
  const out = `${r.stdout}${r.stderr}`.trim();
  if (r.status !== 0 || out) {
    fail(`Nu HTML Checker found errors:\n${out.split('\n').map((l) => '      ' + l.replace(publicDir + path.sep, '')).join('\n')}`);
  } else {
    console.log(`Nu HTML Checker: no error in ${files.length} files`);
  }
}

// ---------------------------------------------------------------- main

await rm(shotDir, { recursive: true, force: true });
await mkdir(shotDir, { recursive: true });
const pages = await pickPages();
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (const p of pages) await checkPage(browser, origin, p);
  await checkKeyboard(browser, origin);
  await checkHomeWeight(browser, origin);
} finally {
  await browser.close();
  server.close();
}
checkHtml(pages);

console.log(`\nScreenshots: ${shotDir}`);
if (failures.length) {
  console.log(`\nBrowser check: ${failures.length} problem(s) on ${pages.length} pages.`);
  process.exit(1);
}
console.log(`Browser check: ${pages.length} pages, no problem.`);
