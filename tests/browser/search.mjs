// Browser tests for search (issue 11), keyboard only and without
// JavaScript, over the Dutch corpus of tests/http/search_fixture.bash
// (written through SQL with a tag of its own, once per run):
//  (a) from the header of the home page: Tab to the search field, type,
//      Enter: the results page with the corpus' rows;
//  (b) a filter opened by keyboard: Tab to the kind "Ervaringsverhaal",
//      Enter: only the story, the filter marked current; Tab to "Alle
//      soorten", Enter: everything again;
//  (c) a misspelt query: "Bedoelde je" reached by Tab and followed by
//      Enter finds the row;
//  R2: payloads in found rows and as the query open no dialog in
//      Chromium;
//  (d) axe-core: 0 violations on results, results with a filter, empty
//      results, suggestions, a query with an error and the help banner.
//
//   defineSearchTests({ test, check, diag, url, goto, shot,
//     expectNoAxeViolations, expectH1 })

import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ctx, psql } from './fixture.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HTTP = path.join(HERE, '..', 'http');

// The corpus, written once per run; resolves to its tag.
let corpus = null;
function searchCorpus() {
  if (!corpus) {
    corpus = (async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'bron-search-'));
      return new Promise((resolve, reject) => {
        execFile('bash', ['-c', '. ./helpers.bash && . ./search_fixture.bash'
          + ' && sf_init && sf_corpus && tag'], {
          cwd: HTTP,
          env: { ...process.env, BATS_FILE_TMPDIR: dir, BATS_TEST_DIRNAME: HTTP },
          timeout: 60_000,
        }, (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message))
          : resolve(stdout.trim().split('\n').pop())));
      });
    })();
    corpus.catch(() => { corpus = null; });
  }
  return corpus;
}

export function defineSearchTests(h) {
  const { test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1 } = h;
  const noJs = { context: ctx({ javaScriptEnabled: false }), timeout: 90_000 };

  async function active(page) {
    return page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return {
        tag: el.tagName.toLowerCase(),
        name: el.getAttribute('name'),
        href: el.getAttribute('href'),
        form: el.form ? (el.form.getAttribute('action') || '') : null,
        inHeader: !!el.closest('header'),
        text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 80),
      };
    });
  }

  async function tabUntil(page, pred, max, what) {
    const seen = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const a = await active(page);
      if (a && pred(a)) return a;
      seen.push(a ? (a.name ? `${a.tag}[name=${a.name}]` : `${a.tag} "${a.text.slice(0, 30)}"`) : 'body');
    }
    check(false, `${what}: not reached in ${max} Tab presses on ${page.url()}; focus went to: ${seen.slice(-30).join(', ')}`);
    return null;
  }

  async function pressAndWait(page, key) {
    const [resp] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.keyboard.press(key),
    ]);
    check(resp !== null, `${key}: no navigation`);
    return resp;
  }

  // The paths of the ranked result rows.
  async function hits(page) {
    return page.$$eval('ol.search-hits a.item-title', (as) => as.map((a) => a.getAttribute('href')));
  }

  // ------------------------------------------------------------ (a)-(c)

  test('search: keyboard only, no JavaScript: from the header of the home page to the results',
    noJs, async ({ page }) => {
      const tag = await searchCorpus();
      await goto(page, '/', 200);
      const a = await tabUntil(page, (x) => x.tag === 'input' && x.name === 'q', 30,
        'the search field of the header');
      check(a.inHeader, 'the first search field reached by Tab is not in the header');
      check(a.form === '/zoeken', `the header's search form goes to ${a.form}`);
      await page.keyboard.type(`afzonderingen ${tag}`);
      const resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200, `results: status ${resp.status()}`);
      check(new URL(page.url()).pathname === '/zoeken', `Enter went to ${page.url()}`);
      await expectH1(page);
      const found = await hits(page);
      check(found.includes(`/artikelen/zt-${tag}-stam`), `the stemmed row is not among ${found.join(' ')}`);
      const q = await page.inputValue('main input[name=q]');
      check(q === `afzonderingen ${tag}`, `the page's field holds ${JSON.stringify(q)}`);
      await shot(page, 'search-header.png');
    });

  test('search: keyboard only, no JavaScript: a kind filter opened and removed by Enter',
    noJs, async ({ page }) => {
      const tag = await searchCorpus();
      await goto(page, `/zoeken?q=${tag}`, 200);
      const all = await hits(page);
      check(all.length >= 14, `${all.length} rows for the tag, want 14`);
      await tabUntil(page, (x) => x.tag === 'a' && x.text.startsWith('Ervaringsverhaal'), 80,
        'the filter "Ervaringsverhaal"');
      await pressAndWait(page, 'Enter');
      check(new URL(page.url()).searchParams.get('soort') === 'verhaal', `the filter went to ${page.url()}`);
      const one = await hits(page);
      check(one.length === 1 && one[0] === `/verhalen/zt-${tag}-waarschuwing`,
        `with the filter: ${one.join(' ')}`);
      const cur = await page.$$eval('a[aria-current]', (as) => as.map((a) => a.textContent.trim()));
      check(cur.some((t) => t.startsWith('Ervaringsverhaal')), `aria-current on: ${cur.join(' | ')}`);
      await tabUntil(page, (x) => x.tag === 'a' && x.text === 'Alle soorten', 80, 'the link "Alle soorten"');
      await pressAndWait(page, 'Enter');
      check(!new URL(page.url()).searchParams.get('soort'), `"Alle soorten" went to ${page.url()}`);
      check((await hits(page)).length === all.length, 'not every row came back');
    });

  test('search: keyboard only, no JavaScript: "Bedoelde je" followed by Enter finds the row',
    noJs, async ({ page }) => {
      const tag = await searchCorpus();
      await goto(page, `/zoeken?q=${encodeURIComponent(`herstelakademie zuidoost ${tag}`)}`, 200);
      check((await hits(page)).length === 0, 'the misspelt query found rows');
      await tabUntil(page, (x) => x.tag === 'a' && (x.href || '').startsWith('/zoeken?q=herstelacademie'), 80,
        'the "Bedoelde je" link');
      await pressAndWait(page, 'Enter');
      const found = await hits(page);
      check(found.includes(`/artikelen/zt-${tag}-academie`), `the corrected query found ${found.join(' ')}`);
    });

  // ------------------------------------------------------------ R2

  // Classic payloads in an article's title, summary and body (through
  // SQL, escaped in the body as cmark would), in Chromium with the CSP
  // bypassed: the results, the payload as the query, and its suggestion
  // page open no dialog. (tests/http/84_search_xss.bats checks all 63
  // payloads of tests/xss/payloads.txt with an HTML parser.)
  const PAYLOADS = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    '<a href="javascript:alert(4)">klik</a>',
    '</textarea><script>alert(5)</script>',
  ];
  test('search: R2 in Chromium: payloads in found rows and in the query open 0 dialogs (CSP bypassed)',
    { context: ctx({ bypassCSP: true }), timeout: 90_000 }, async ({ page }) => {
      const tag = await searchCorpus();
      const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const lit = (s) => `'${s.replace(/'/g, "''")}'`;
      for (let i = 0; i < PAYLOADS.length; i++) {
        const p = PAYLOADS[i];
        await psql(`SET bron.importer = 'on'; INSERT INTO item (kind, slug, title, summary, body_md, body_html,
          status, published_at) VALUES ('artikel', ${lit(`zt-${tag}-r2-${i}`)}, ${lit(`${p} ${tag}`)},
          ${lit(p)}, ${lit(`${p} ${tag}`)}, ${lit(`<p>${esc(p)} ${tag}</p>`)}, 'gepubliceerd', now())`);
      }
      const dialogs = [];
      let where = '';
      page.on('dialog', async (d) => {
        dialogs.push(`${d.type()}("${d.message()}") on ${where}`);
        await d.dismiss().catch(() => {});
      });
      const paths = [`/zoeken?q=${tag}`, `/zoeken?q=${tag}&soort=artikel`];
      for (const p of PAYLOADS) {
        paths.push(`/zoeken?q=${encodeURIComponent(p)}`);
        paths.push(`/zoeken?q=${encodeURIComponent(`${p} ${tag}`)}`);
        paths.push(`/zoeken?q=${encodeURIComponent(`${p} herstelakademie`)}`);
      }
      for (const p of paths) {
        where = p;
        const resp = await page.goto(url(p), { waitUntil: 'load' });
        check(resp && resp.status() < 500, `${p}: status ${resp ? resp.status() : 'none'}`);
        await page.evaluate(() => {
          for (const el of document.querySelectorAll('a, input, mark')) {
            el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
            if (typeof el.focus === 'function') el.focus();
          }
        });
      }
      await page.goto(url(`/zoeken?q=${tag}`), { waitUntil: 'load' });
      const rows = await hits(page);
      check(rows.filter((r) => r.includes(`zt-${tag}-r2-`)).length === PAYLOADS.length,
        `the payload rows are not all found: ${rows.join(' ')}`);
      diag(`${paths.length} search pages, ${dialogs.length} dialogs`);
      check(dialogs.length === 0, `${dialogs.length} dialog(s):\n${dialogs.join('\n')}`);
    });

  // ------------------------------------------------------------ (d) axe

  const pages = [
    ['results', (t) => `/zoeken?q=${t}`, 200, 'ol.search-hits'],
    ['results with a filter', (t) => `/zoeken?q=${t}&soort=verhaal`, 200, 'a[aria-current]'],
    ['empty results', (t) => `/zoeken?q=${encodeURIComponent(`kraamzorg dagbesteding ${t}`)}`, 200, '.search-none'],
    ['suggestions', (t) => `/zoeken?q=${encodeURIComponent(`herstelakademie zuidoost ${t}`)}`, 200, '#bedoelde-je'],
    ['snippets and warnings', (t) => `/zoeken?q=${encodeURIComponent(`noodknop OR stiltekamer ${t}`)}`, 200, 'mark'],
    ['a query with an error', () => '/zoeken?q=%22%22+-+OR', 400, '.field-error'],
    ['the help banner', () => '/zoeken?q=zelfmoord', 200, '.help-banner'],
  ];
  for (const [label, p, status, sel] of pages) {
    test(`search: axe: 0 violations on ${label}`, { context: ctx(), timeout: 60_000 }, async ({ page }) => {
      const tag = await searchCorpus();
      await goto(page, p(tag), status);
      await expectH1(page);
      check(await page.locator(sel).count() > 0, `${p(tag)}: no ${sel}`);
      await shot(page, `search-${label.replace(/\W+/g, '-')}.png`);
      await expectNoAxeViolations(page, `search-${label.replace(/\W+/g, '-')}`);
    });
  }
}
