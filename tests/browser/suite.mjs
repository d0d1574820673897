// The real-browser suite: a built torg site, served by nginx, read by headless Chromium.
// tests/browser.rs builds the bundled portals, starts nginx and runs this file; it can also be run
// by hand against any served site (see the README, "Browser tests"). Exit status 1 means a check
// failed; every failure is listed by check, rule and page.
import { chromium } from 'playwright-core';
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import http from 'node:http';
import path from 'node:path';

const BASE = required('TORG_BASE_URL').replace(/\/$/, '');
const SITE = required('TORG_SITE_DIR');
const SHOTS = required('TORG_SCREENSHOTS');
const CHROMIUM = process.env.TORG_CHROMIUM || '/usr/bin/chromium';
const WORKERS = Number(process.env.TORG_BROWSER_WORKERS || 2);
/** Only the addresses matching this regular expression, when looking into one problem. */
const ONLY = new RegExp(process.env.TORG_ONLY || '');

/** A small phone in CSS pixels (WCAG 1.4.10 reflow width). */
const PHONE = { width: 320, height: 640 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
/** Bytes over the wire with an empty cache (HTML + CSS + anything else the page loads); the
 * README explains the numbers. */
const BUDGET = { service: 30 * 1024, other: 60 * 1024 };
/** The phone the header and facts are judged on (the issue's 360 × 640), and how much of its
 * first screen the header may take. */
const SCREEN = { width: 360, height: 640 };
const HEADER_SHARE = 0.2;
/** Page kinds checked at 200 % text size, in every portal and language. */
const TEXT_ZOOM_KINDS = ['home', 'service', 'theme'];

// Search: what a first query may download (Pagefind's code, the language's WebAssembly, the
// index chunk and result fragments), and the queries that must find their page (optional file).
const SEARCH_BUDGET = 150 * 1024;
const SEARCH_CASES = process.env.TORG_SEARCH_CASES;

const failures = [];
const fail = (check, page, detail) => failures.push({ check, page, detail });

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`error: ${name} is not set (tests/browser.rs sets it; see the README)`);
    process.exit(2);
  }
  return value;
}

/** Every HTML file of the built site, as the address nginx serves it under. */
async function sitePages(dir, prefix = '/') {
  const pages = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) pages.push(...await sitePages(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name === 'index.html') pages.push(prefix);
    else if (entry.name.endsWith('.html')) pages.push(prefix + entry.name);
  }
  return pages.sort();
}

/** What kind of page an address is, from the layout `torg build` writes. */
function kindOf(address) {
  const [portal, lang, section, item] = address.split('/').filter(Boolean);
  if (!portal) return 'portals';
  if (!lang) return 'chooser';
  if (!section) return 'home';
  if (section === '404.html') return 'not-found';
  if (section === 'services') return 'service';
  if (section === 'plan') return item ? 'theme' : 'plan';
  return section; // category, glossary, pages, accessibility
}

function describe(address) {
  const [portal, lang] = address.split('/').filter(Boolean);
  return { address, portal, lang, kind: kindOf(address) };
}

/** One browser page per worker, at phone size, with an empty cache for every load. */
async function openTab(browser, axeSource) {
  // Every page as on a first visit: no service worker answers for the network (checkOffline).
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, serviceWorkers: 'block' });
  await context.addInitScript({ content: axeSource });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const broken = [];
  tab.on('response', (r) => { if (r.status() >= 400 && r.request().resourceType() !== 'document') broken.push(`${r.status()} ${r.url()}`); });
  tab.on('console', (m) => { if (m.type() === 'error') broken.push(`console: ${m.text()}`); });
  return { context, tab, cdp, broken };
}

async function load(t, page) {
  t.broken.length = 0;
  const response = await t.tab.goto(BASE + page.address, { waitUntil: 'load' });
  const expected = page.kind === 'not-found' ? [200, 404] : [200];
  if (!expected.includes(response.status())) fail('http', page, `status ${response.status()}`);
}

/** The checks every page gets: axe, weight, reflow at 320 px, direction. */
async function checkPage(t, page, weights) {
  await load(t, page);
  for (const b of t.broken) fail('resources', page, b);

  const bytes = await t.tab.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, nav.transferSize);
  });
  weights.push({ page, bytes });
  const budget = page.kind === 'service' ? BUDGET.service : BUDGET.other;
  if (bytes > budget) fail('page-weight', page, `${kb(bytes)} over the budget of ${kb(budget)}`);

  const axe = await t.tab.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  for (const v of axe.violations) {
    fail(`axe ${v.id}`, page, `${v.impact}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  }

  for (const problem of await t.tab.evaluate(overflowProblems)) fail('reflow-320px', page, problem);
  for (const [check, problem] of await t.tab.evaluate(directionProblems)) fail(check, page, problem);
  for (const problem of await t.tab.evaluate(structuredDataProblems, page.kind)) fail('structured-data', page, problem);
  const search = await t.tab.evaluate(searchBytes);
  if (search) fail('search-lazy', page, `${kb(search)} of the search index loaded before anyone searched`);
}

// ---- functions evaluated inside the page (no closures over Node variables) ----

/** schema.org JSON-LD: one block on service and home pages and none elsewhere; it parses, is in
 * the page's language, has the properties its type needs, and each value is what the page shows. */
function structuredDataProblems(kind) {
  const type = { service: 'GovernmentService', home: 'GovernmentOrganization' }[kind];
  const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
  if (blocks.length !== (type ? 1 : 0)) return [`${blocks.length} JSON-LD block(s), expected ${type ? `one ${type}` : 'none'}`];
  if (!type) return [];
  let data;
  try { data = JSON.parse(blocks[0].textContent); } catch (e) { return [`the JSON-LD does not parse: ${e.message}`]; }
  const problems = [];
  const clean = (s) => String(s ?? '').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
  const value = (v) => clean(v && typeof v === 'object' ? v['@value'] : v);
  const shown = (selector) => clean(document.querySelector(selector)?.textContent);
  const same = (name, json, page) => {
    if (!json) problems.push(`no ${name}`);
    else if (value(json) !== page) problems.push(`${name} is «${value(json)}», the page shows «${page}»`);
  };
  const context = JSON.stringify(data['@context'] ?? null);
  if (!context.includes('"https://schema.org"')) problems.push('no schema.org @context');
  if (!context.includes(`"@language":"${document.documentElement.lang}"`)) problems.push(`@context does not give the page's language, ${document.documentElement.lang}`);
  if (data['@type'] !== type) problems.push(`@type is ${data['@type']}, not ${type}`);
  same('name', data.name, shown('h1'));
  const facts = kind === 'service' ? '.facts-box' : 'section[aria-labelledby="contact-h"]';
  const phone = kind === 'service' ? data.availableChannel?.servicePhone : data;
  const tel = shown(`${facts} a[href^="tel:"]`);
  if (tel || phone?.telephone) same('telephone', phone?.telephone, tel);
  const mail = document.querySelector(`${facts} a[href^="mailto:"]`)?.getAttribute('href');
  if (mail || phone?.email) same('email', phone?.email && `mailto:${value(phone.email)}`, mail);
  if (kind === 'service') {
    same('description', data.description, shown('.lead'));
    same('areaServed', data.areaServed?.name, shown('.site-name'));
    const dds = [...document.querySelectorAll('.facts dd')].map((dd) => clean(dd.textContent));
    const provider = value(data.provider?.name);
    if (!provider) problems.push('no provider');
    else if (provider !== shown('.site-name') && !dds.includes(provider)) problems.push(`the provider «${provider}» is not on the page`);
    for (const a of data.audience ?? []) if (!dds.some((dd) => dd.includes(a.audienceType))) problems.push(`the audience «${a.audienceType}» is not on the page`);
    const hours = document.querySelectorAll('.facts .plain li').length;
    if ((data.hoursAvailable ?? []).length !== hours) problems.push(`${(data.hoursAvailable ?? []).length} opening hours in the JSON-LD, ${hours} on the page`);
  }
  return problems;
}

/** Horizontal scrolling at phone width, with the elements that cause it. */
function overflowProblems() {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return [];
  const wide = [...document.body.querySelectorAll('*')]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1); })
    .slice(0, 3)
    .map((el) => `<${el.localName}${el.className ? ` class="${el.className}"` : ''}> ${Math.round(el.getBoundingClientRect().width)}px`);
  return [`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport: ${wide.join(', ')}`];
}

/** lang and dir in effect, the layout mirrored in Arabic, and phone numbers and e-mail addresses
 * displayed left-to-right and whole (a phone number on one line, an e-mail address wrapped only
 * after @ or before a dot). Returns [check, detail] pairs. */
function directionProblems() {
  // Inside: page.evaluate sends only this function's source to the page.
  /** Where the text of `el` wraps (the characters either side of each line break), and whether any
   * character of a line starts to the left of the one before it (visual order of a left-to-right
   * string). Reads every text node, so pieces kept apart by <span> and <wbr> count as one string. */
  function lineBreaks(el) {
    const chars = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (let i = 0; i < node.length; i++) chars.push({ node, i, c: node.textContent[i] });
    }
    const range = document.createRange();
    const breaks = [];
    let reversed = false;
    let prev = null;
    for (const ch of chars) {
      if (/\s/.test(ch.c)) continue;
      range.setStart(ch.node, ch.i); range.setEnd(ch.node, ch.i + 1);
      const box = range.getBoundingClientRect();
      if (prev && box.top >= prev.box.bottom - 1) breaks.push({ before: prev.c, after: ch.c });
      else if (prev && box.left < prev.box.left - 0.5) reversed = true;
      prev = { c: ch.c, box };
    }
    return { breaks, reversed };
  }

  const problems = [];
  const html = document.documentElement;
  const rtl = html.lang === 'ar';
  const direction = getComputedStyle(html).direction;
  if (!html.lang) problems.push(['lang-dir', '<html> has no lang']);
  if (direction !== (rtl ? 'rtl' : 'ltr')) problems.push(['lang-dir', `direction is ${direction} for lang="${html.lang}"`]);
  for (const a of document.querySelectorAll('a[href^="tel:"], a[href^="mailto:"]')) {
    const text = a.textContent.trim();
    if (getComputedStyle(a).direction !== 'ltr') problems.push(['ltr-contacts', `"${text}" is not shown left-to-right`]);
    const digits = (s) => s.replace(/\D/g, '');
    if (a.href.startsWith('tel:') && digits(decodeURIComponent(a.href)) !== digits(text)) problems.push(['ltr-contacts', `"${text}" does not match its link ${a.getAttribute('href')}`]);
    const lines = lineBreaks(a);
    // A phone number stays on one line; an e-mail address may wrap only after @ or before a dot.
    const expected = (before, after) => a.href.startsWith('mailto:') && (before === '@' || after === '.');
    for (const { before, after } of lines.breaks) {
      if (!expected(before, after)) problems.push(['ltr-contacts', `"${text}" is broken over lines between "${before}" and "${after}"`]);
    }
    if (lines.reversed) problems.push(['ltr-contacts', `"${text}" is displayed out of order`]);
  }
  // Words in Latin script on an Arabic page are names kept in Norwegian: they carry their
  // language. Addresses, e-mails and numbers carry `dir="ltr"` instead: they are in no language.
  if (rtl) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const latin = node.textContent.match(/[A-Za-zÀ-ɏ]{2,}/);
      const declared = node.parentElement.closest('[lang], [dir]');
      if (latin && declared === html && !node.parentElement.closest('noscript')) {
        problems.push(['foreign-lang', `"${latin[0]}" is in Latin script but marked as Arabic`]);
      }
    }
  }
  // Mirroring: the main navigation starts at the inline start (the right in Arabic).
  const items = [...document.querySelectorAll('ul.nav li')];
  if (items.length > 1) {
    const nav = items[0].parentElement.getBoundingClientRect();
    const first = items[0].getBoundingClientRect();
    const fromRight = nav.right - first.right;
    const fromLeft = first.left - nav.left;
    if (rtl ? fromRight > fromLeft : fromLeft > fromRight) problems.push(['mirroring', `the navigation starts at the ${rtl ? 'left' : 'right'}`]);
  }
  return problems;
}

/** Text that is clipped by its box or drawn over other text (run with the text size doubled).
 * Returns [check, detail] pairs. */
function textProblems() {
  const problems = [];
  const visible = (el) => { const s = getComputedStyle(el); return s.visibility !== 'hidden' && s.display !== 'none' && el.checkVisibility(); };
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    const clips = (o) => o === 'hidden' || o === 'clip';
    if (!visible(el) || !el.textContent.trim() || el.matches('.skip')) continue;
    if ((clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1) || (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      problems.push(['text-200%-clipped', `<${el.localName}> clips its text ("${el.textContent.trim().slice(0, 40)}")`]);
    }
  }
  // Every line box of every text node; two from different nodes must not overlap.
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim() || !visible(node.parentElement) || node.parentElement.closest('.skip')) continue;
    range.selectNodeContents(node);
    // A glyph box can be taller than the line (Arabic fonts reach far up and down); lines
    // overlap only if their line boxes do.
    const line = parseFloat(getComputedStyle(node.parentElement).lineHeight);
    for (const rect of range.getClientRects()) {
      const trim = line > 0 && rect.height > line ? (rect.height - line) / 2 : 0;
      const r = { left: rect.left, right: rect.right, top: rect.top + trim, bottom: rect.bottom - trim };
      if (rect.width > 1 && rect.height > 1) boxes.push({ node, r });
    }
  }
  const inset = 1;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.node === b.node) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > inset && h > inset) {
        problems.push(['text-200%-overlap', `"${a.node.textContent.trim().slice(0, 30)}" overlaps "${b.node.textContent.trim().slice(0, 30)}"`]);
        if (problems.length > 5) return problems;
      }
    }
  }
  return problems;
}

/** Bytes loaded from the search bundle (Pagefind's code and index) so far. */
function searchBytes() {
  return performance.getEntriesByType('resource').filter((r) => r.name.includes('/pagefind/')).reduce((sum, r) => sum + r.transferSize, 0);
}

/** The search page once a query has been answered: the status line and the results. */
async function searchOutcome() {
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  // Typed letter by letter, the results of a shorter query can show while the whole one runs.
  const settled = () => status.textContent && !status.textContent.endsWith('…') && list.getAttribute('aria-busy') !== 'true';
  while (!settled()) await new Promise((r) => setTimeout(r, 50));
  return {
    status: status.textContent,
    live: status.getAttribute('role') === 'status',
    results: [...list.querySelectorAll('li a')].map((a) => a.pathname),
    direction: getComputedStyle(list).direction,
  };
}

/** Where focus is, and whether it can be seen: the focused element's outline or shadow. */
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  return {
    id: el.dataset.torgTab,
    label: `<${el.localName}> "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`,
    visible: (outline || s.boxShadow !== 'none') && r.width > 0 && r.height > 0,
    onScreen: r.bottom > 0 && r.right > 0 && r.left < innerWidth,
    skip: el.matches('.skip'),
    inMain: !!el.closest('main'),
  };
}

/** Numbers every element a keyboard user should reach, so the walk can tell which it missed. */
function markFocusable() {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  // checkVisibility: not inside a closed <details> (its content keeps its boxes, hidden by content-visibility).
  const els = [...document.querySelectorAll(selector)].filter((el) => !el.disabled && el.checkVisibility());
  els.forEach((el, i) => { el.dataset.torgTab = String(i); });
  return els.map((el) => `<${el.localName}> "${el.textContent.trim().slice(0, 40)}"`);
}

// ---- the slower checks, on a sample: each kind of page in every portal and language ----

/** Tab from the top: the skip link comes first and moves focus to <main>; every link and control is
 * reached once, with a visible focus indicator. */
async function checkKeyboard(t, page) {
  await load(t, page);
  const focusable = await t.tab.evaluate(markFocusable);
  const reached = new Set();
  for (let i = 0; i < focusable.length + 2; i++) {
    await t.tab.keyboard.press('Tab');
    const state = await t.tab.evaluate(focusState);
    if (i === 0 && !state?.skip) fail('keyboard', page, `the first Tab focuses ${state ? state.label : 'nothing'}, not the skip link`);
    if (i === 0 && state?.skip && !state.onScreen) fail('keyboard', page, 'the skip link stays off screen when focused');
    if (!state || state.id === undefined || reached.has(state.id)) break;
    reached.add(state.id);
    if (!state.visible) fail('focus-visible', page, `${state.label} has no visible focus indicator`);
  }
  focusable.forEach((label, i) => { if (!reached.has(String(i))) fail('keyboard', page, `${label} cannot be reached with Tab`); });
  // Following the skip link (Enter) must put focus on <main>, so the next Tab continues there.
  if (await t.tab.evaluate(() => { const skip = document.querySelector('.skip'); skip?.focus(); return !!skip; })) {
    await t.tab.keyboard.press('Enter');
    const after = await t.tab.evaluate(() => document.activeElement.localName);
    if (after !== 'main') fail('keyboard', page, `the skip link moves focus to <${after}>, not to <main>`);
  }
}

/** WCAG 1.4.4: with the browser's text size at 200 %, nothing is clipped or overlaps. */
async function checkTextZoom(t, page) {
  await t.cdp.send('Page.enable');
  await t.cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  try {
    await load(t, page);
    for (const [check, problem] of await t.tab.evaluate(textProblems)) fail(check, page, problem);
    for (const word of await t.tab.evaluate(brokenWords)) fail('word-break', page, `«${word}» is broken over lines without a hyphen`);
  } finally {
    await t.cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
  }
}

/** Words of the page's text broken over two lines anywhere but at a hyphen or soft hyphen (which
 * the build puts into long words by their language's rules), as `wo|rd`. */
function brokenWords() {
  const broken = [];
  const top = (node, i) => {
    const r = document.createRange();
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    // The last box: a character just after a break also reports an empty one at the line's end.
    const rects = r.getClientRects();
    return rects.length ? rects[rects.length - 1].top : null;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    // Addresses (the theme's contact links, `dinutvei.no` in a text) are written whole, without
    // soft hyphens, and may wrap anywhere; ltr-contacts judges the contact links.
    if (!node.parentElement.checkVisibility() || node.parentElement.closest('a[dir]')) continue;
    const text = node.textContent;
    for (const m of text.matchAll(/[\p{L}\u00ad-]{6,}/gu)) {
      const [start, end] = [m.index, m.index + m[0].length - 1];
      if (/[.@\/:]/.test(text[start - 1] ?? '') || /^[.@\/:][\p{L}\d]/u.test(text.slice(end + 1, end + 3))) continue;
      const first = top(node, start);
      if (first === null || first === top(node, end)) continue;
      for (let i = start + 1; i <= end; i++) {
        if (top(node, i) === first) continue;
        const before = node.textContent[i - 1];
        if (before !== '\u00ad' && before !== '-') broken.push(`${m[0].slice(0, i - start)}|${m[0].slice(i - start)}`.replaceAll('\u00ad', ''));
        break;
      }
    }
  }
  return broken;
}

/** What a resident sees first on a 360 × 640 phone: a header of at most a fifth of the screen
 * whose language menu opens from the keyboard; on a service page, its facts start within the
 * first screen; on the home page, no category without services. */
async function checkFirstScreen(t, page) {
  await t.tab.setViewportSize(SCREEN);
  try {
    await load(t, page);
    const seen = await t.tab.evaluate(firstScreen);
    const limit = SCREEN.height * HEADER_SHARE;
    if (seen.header > limit) fail('header-height', page, `the header is ${seen.header.toFixed(0)} px high, over ${limit} px (${HEADER_SHARE * 100} % of ${SCREEN.height})`);
    if (page.kind === 'service' && !(seen.facts < SCREEN.height)) fail('facts-first', page, `the facts start at ${seen.facts?.toFixed(0)} px, below the first screen`);
    for (const c of seen.emptyCategories) fail('empty-category', page, `the home page offers «${c}», which has no services`);
    if (page.kind === 'service') await checkPrint(t, page);
    if (seen.menu) {
      await t.tab.focus('.langs-menu summary');
      await t.tab.keyboard.press('Enter');
      const shown = await t.tab.evaluate(() => [...document.querySelectorAll('.langs-menu a')].filter((a) => a.checkVisibility()).length);
      if (shown !== seen.menu) fail('language-menu', page, `Enter on the language menu shows ${shown} of ${seen.menu} languages`);
    }
  } finally {
    await t.tab.setViewportSize(PHONE);
  }
}

/** A service page printed (print media emulated): no header, navigation or search on paper, and
 * its facts and contacts still there. */
async function checkPrint(t, page) {
  await t.tab.emulateMedia({ media: 'print' });
  try {
    const printed = await t.tab.evaluate(() => ({
      chrome: ['header', 'footer', 'form[role=search]'].filter((s) => document.querySelector(s)?.checkVisibility()),
      facts: document.querySelector('.facts-box')?.checkVisibility() ?? false,
      contacts: [...document.querySelectorAll('.facts-box a[href^="tel:"], .facts-box a[href^="mailto:"]')].every((a) => a.checkVisibility()),
    }));
    for (const s of printed.chrome) fail('print', page, `${s} is printed`);
    if (!printed.facts || !printed.contacts) fail('print', page, 'the facts or contacts are not printed');
  } finally {
    await t.tab.emulateMedia({ media: 'screen' });
  }
}

/** The header's height, where the facts box starts, the home page's empty categories, and how
 * many languages the language menu holds (0 when the page has none). */
function firstScreen() {
  const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
  const facts = document.querySelector('.facts-box')?.getBoundingClientRect().top;
  const emptyCategories = [...document.querySelectorAll('.cards li')]
    .filter((li) => /^0(?!\d)/.test(li.querySelector('.count')?.textContent.trim() ?? ''))
    .map((li) => li.querySelector('strong')?.textContent.trim());
  const menu = document.querySelectorAll('.langs-menu a').length;
  return { header, facts, emptyCategories, menu };
}

// ---- search ----

/** A query as a resident makes it: typed into the header's search box on the home page and sent
 * with Enter, or typed letter by letter on the search page. The expected page must be among the
 * first three results, the first query must stay within its budget, and the page with results must
 * pass axe and the direction checks. */
async function checkSearch(t, c, searchWeights) {
  const page = { address: `/${c.portal}/${c.lang}/search/ «${c.query}»` };
  t.broken.length = 0;
  if (c.from === 'header') {
    await t.tab.goto(`${BASE}/${c.portal}/${c.lang}/`, { waitUntil: 'load' });
    await t.tab.fill('.search-box input', c.query);
    await Promise.all([t.tab.waitForURL(/\/search\/\?q=/), t.tab.press('.search-box input', 'Enter')]);
  } else {
    await t.tab.goto(`${BASE}/${c.portal}/${c.lang}/search/`, { waitUntil: 'load' });
    if (await t.tab.evaluate(searchBytes)) fail('search-lazy', page, 'the search index loaded before anyone searched');
    await t.tab.focus('#q');
    await t.tab.keyboard.type(c.query);
  }
  const outcome = await t.tab.evaluate(searchOutcome);
  const rank = outcome.results.findIndex((r) => r.endsWith(c.expect));
  if (rank < 0 || rank > 2) fail('search', page, `${c.expect} is not among the first 3 results: ${outcome.results.slice(0, 5).join(', ') || outcome.status}`);
  if (!outcome.live) fail('search', page, 'the result count is not in a live region');
  if (outcome.direction !== (c.lang === 'ar' ? 'rtl' : 'ltr')) fail('search', page, `results are laid out ${outcome.direction}`);
  const bytes = await t.tab.evaluate(searchBytes);
  searchWeights.push(bytes);
  if (bytes > SEARCH_BUDGET) fail('search-weight', page, `the first query loaded ${kb(bytes)}, over the budget of ${kb(SEARCH_BUDGET)}`);
  for (const b of t.broken) fail('resources', page, b);
  const axe = await t.tab.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  for (const v of axe.violations) fail(`axe ${v.id}`, page, `${v.impact}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  for (const [check, problem] of await t.tab.evaluate(directionProblems)) fail(check, page, problem);
}

/** Without JavaScript, the header's search box still leads somewhere useful: the search page,
 * listing every service of the portal. */
async function checkSearchWithoutScript(browser, pages, portal, lang) {
  const page = { address: `/${portal}/${lang}/search/ (no JavaScript)` };
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  try {
    const tab = await context.newPage();
    await tab.goto(`${BASE}/${portal}/${lang}/`, { waitUntil: 'load' });
    await tab.fill('.search-box input', 'x');
    await Promise.all([tab.waitForURL(/\/search\/\?q=x$/), tab.press('.search-box input', 'Enter')]);
    const listed = await tab.evaluate(() => [...document.querySelectorAll('main section a[href*="/services/"]')].map((a) => a.pathname));
    const services = pages.filter((p) => p.portal === portal && p.lang === lang && p.kind === 'service').map((p) => p.address);
    const missing = services.filter((s) => !listed.includes(s));
    if (!services.length || missing.length) fail('search-no-script', page, `the search page does not list ${missing.length ? missing.join(', ') : 'any services'}`);
    if (!await tab.isVisible('main .notice')) fail('search-no-script', page, 'no notice that search needs JavaScript');
  } finally {
    await context.close();
  }
}

/** Offline reading: after one visit to a service page, that page and the language's home and
 * «start here» pages open without a connection. Playwright's offline mode does not reach a
 * service worker's own requests, so the connection really goes: the pages come from a server of
 * this process's own, which is shut down before reading them again. */
async function checkOffline(browser, pages, portal, lang) {
  const mine = pages.filter((p) => p.portal === portal && p.lang === lang);
  const visited = mine.find((p) => p.kind === 'service');
  const kept = mine.filter((p) => ['home', 'start'].includes(p.kind));
  const label = { address: `/${portal}/${lang}/ (offline)` };
  if (!visited || !kept.length) return fail('offline', label, 'no service or home page to read offline');
  const server = await staticServer(SITE);
  const context = await browser.newContext({ viewport: PHONE });
  try {
    const tab = await context.newPage();
    const base = `http://127.0.0.1:${server.address().port}`;
    await tab.goto(base + visited.address, { waitUntil: 'load' });
    const online = await tab.textContent('h1');
    const ready = await tab.evaluate(async (wanted) => {
      for (let i = 0; i < 50; i++) {
        const keys = await caches.open('torg-pages').then((c) => c.keys()).catch(() => []);
        const paths = keys.map((k) => new URL(k.url).pathname);
        if (wanted.every((w) => paths.includes(w))) return true;
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    }, [visited, ...kept].map((p) => p.address)).catch(() => false);
    if (!ready) fail('offline', label, 'the service worker did not keep the visited page, home and start pages');
    await server.stop();
    for (const page of [visited, ...kept]) {
      const h1 = await tab.goto(base + page.address, { waitUntil: 'load' }).then(() => tab.textContent('h1')).catch((e) => String(e.message).split('\n')[0]);
      if (!h1 || h1.startsWith('page.goto')) fail('offline', page, `does not open without a connection (${h1})`);
    }
    const h1 = await tab.goto(base + visited.address).then(() => tab.textContent('h1')).catch(() => null);
    if (h1 !== online) fail('offline', visited, `offline it shows «${h1}», not «${online}»`);
  } finally {
    await context.close();
    await server.stop();
  }
}

/** A minimal static server for `dir` on 127.0.0.1, with `stop()` that closes every connection:
 * the «network» of checkOffline. */
async function staticServer(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };
  const server = http.createServer(async (req, res) => {
    let file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (file.endsWith('/')) file += 'index.html';
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  let stopped = false;
  server.stop = () => {
    if (stopped) return Promise.resolve();
    stopped = true;
    for (const s of sockets) s.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return server;
}

// ---- running it ----

/** Runs one pass and says what it cost, so the suite's run time can be accounted for. */
async function phase(name, run, count) {
  const started = Date.now();
  await run();
  const seconds = (Date.now() - started) / 1000;
  console.log(`  ${name}: ${count} pages in ${seconds.toFixed(1)} s (${(1000 * seconds / count).toFixed(0)} ms per page)`);
}

function kb(bytes) { return `${(bytes / 1024).toFixed(1)} KB`; }

/** Runs `work` over `items` with one tab per worker, in input order per worker. */
async function pool(tabs, items, work) {
  let next = 0;
  await Promise.all(tabs.map(async (t) => {
    while (next < items.length) {
      const item = items[next++];
      try { await work(t, item); } catch (e) { fail('error', item, String(e.message || e).split('\n')[0]); }
    }
  }));
}

/** One page of each kind per portal and language, in `langs` only when given (templates and
 * links are the same in every language; direction is what differs). */
function sample(pages, langs) {
  const seen = new Set();
  return pages.filter((p) => {
    if (langs && p.lang && !langs.includes(p.lang)) return false;
    const key = `${p.portal}/${p.lang}/${p.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function screenshots(tab, pages) {
  await mkdir(SHOTS, { recursive: true });
  const portal = pages.find((p) => p.kind === 'service')?.portal;
  const written = [];
  for (const lang of ['nb', 'ar']) {
    for (const kind of ['home', 'service']) {
      const page = pages.find((p) => p.portal === portal && p.lang === lang && p.kind === kind);
      if (!page) { fail('screenshot', { address: `${portal}/${lang}/${kind}` }, 'no such page'); continue; }
      await tab.goto(BASE + page.address, { waitUntil: 'load' });
      const file = path.join(SHOTS, `${portal}-${lang}-${kind}-320px.png`);
      await tab.screenshot({ path: file, fullPage: true });
      written.push(file);
    }
  }
  return written;
}

function report(pages, weights, seconds) {
  const byCheck = new Map();
  for (const f of failures) {
    if (!byCheck.has(f.check)) byCheck.set(f.check, []);
    byCheck.get(f.check).push(f);
  }
  for (const [check, list] of [...byCheck].sort()) {
    console.log(`\nFAIL ${check}: ${list.length} problem(s) on ${new Set(list.map((f) => f.page.address)).size} page(s)`);
    for (const f of list.slice(0, 20)) console.log(`  ${f.page.address}  ${f.detail}`);
    if (list.length > 20) console.log(`  … and ${list.length - 20} more`);
  }
  weights.sort((a, b) => b.bytes - a.bytes);
  console.log('\nheaviest pages (bytes over the wire, empty cache, gzip):');
  for (const w of weights.slice(0, 5)) console.log(`  ${kb(w.bytes).padStart(8)}  ${w.page.address}`);
  const services = weights.filter((w) => w.page.kind === 'service').map((w) => w.bytes);
  if (services.length) console.log(`service pages: largest ${kb(Math.max(...services))} (budget ${kb(BUDGET.service)}); other pages budget ${kb(BUDGET.other)}`);
  console.log(`\n${pages.length} pages, ${failures.length} problem(s), ${seconds.toFixed(0)} s`);
}

async function main() {
  const started = Date.now();
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const all = (await sitePages(SITE)).map(describe);
  const pages = all.filter((p) => ONLY.test(p.address));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const tabs = await Promise.all(Array.from({ length: WORKERS }, () => openTab(browser, axeSource)));
    const weights = [];
    console.log(`browser suite: ${pages.length} pages from ${SITE} at ${BASE}, ${PHONE.width}×${PHONE.height} px, ${WORKERS} tabs`);
    await phase('axe, weight, reflow, direction', () => pool(tabs, pages, (t, p) => checkPage(t, p, weights)), pages.length);
    const walked = sample(pages, ['nb', 'ar']);
    await phase('keyboard', () => pool(tabs, walked, checkKeyboard), walked.length);
    const phone = sample(pages).filter((p) => ['home', 'service', 'start'].includes(p.kind));
    await phase('first screen at 360 × 640', () => pool(tabs, phone, checkFirstScreen), phone.length);
    const zoomed = sample(pages).filter((p) => TEXT_ZOOM_KINDS.includes(p.kind));
    await phase('text at 200 %', () => pool(tabs, zoomed, checkTextZoom), zoomed.length);
    if (SEARCH_CASES) {
      const cases = JSON.parse(await readFile(SEARCH_CASES, 'utf8')).filter((c) => ONLY.test(`/${c.portal}/${c.lang}/search/`));
      const searchWeights = [];
      await phase('search', () => pool(tabs, cases, (t, c) => checkSearch(t, c, searchWeights)), cases.length);
      const portals = [...new Set(cases.map((c) => c.portal))];
      const shown = (portal, lang) => pages.some((p) => p.portal === portal && p.lang === lang);
      for (const portal of portals) {
        for (const lang of ['nb', 'ar'].filter((l) => shown(portal, l))) {
          await checkSearchWithoutScript(browser, all, portal, lang).catch((e) => fail('error', { address: `/${portal}/${lang}/search/` }, String(e.message || e).split('\n')[0]));
        }
      }
      searchWeights.sort((a, b) => a - b);
      if (searchWeights.length) console.log(`  first query downloads: median ${kb(searchWeights[searchWeights.length >> 1])}, largest ${kb(searchWeights.at(-1))} (budget ${kb(SEARCH_BUDGET)})`);
    }
    // Not when looking into some pages only (TORG_ONLY): it needs a portal's home and service pages.
    const offline = process.env.TORG_ONLY ? [] : [...new Set(pages.map((p) => p.portal))].filter(Boolean).flatMap((portal) =>
      ['nb', 'ar'].filter((lang) => pages.some((p) => p.portal === portal && p.lang === lang)).map((lang) => [portal, lang]));
    if (offline.length) await phase('offline after one visit', async () => {
      for (const [portal, lang] of offline) {
        await checkOffline(browser, pages, portal, lang).catch((e) => fail('error', { address: `/${portal}/${lang}/ (offline)` }, String(e.message || e).split('\n')[0]));
      }
    }, offline.length);
    if (!process.env.TORG_ONLY) {
      const shots = await screenshots(tabs[0].tab, pages);
      console.log(`screenshots for a person to look at:\n${shots.map((f) => `  ${f}`).join('\n')}`);
    }
    report(pages, weights, (Date.now() - started) / 1000);
  } finally {
    await browser.close();
  }
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
