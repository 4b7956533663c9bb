// Browser tests for resources and uploads (issue 10):
//  (a) R2 in a real browser: every view tests/xss/resource.py reached (the
//      payloads in every field of a resource, in file names and in an
//      image's description, through the real forms) is loaded in Chromium
//      with the CSP bypassed; not one dialog may open. The fixture is the
//      one 75_resource_xss built ($BRON_ARTIFACTS/xss-resource.json), or
//      its own when run alone.
//  (b) keyboard only, without JavaScript: an editor publishes a resource
//      with a file (Tab to each field, type, the kind by arrow keys, the
//      file chosen on the focused input as a keyboard user's file dialog
//      does, Enter on "Publiceren"), opens the page and downloads the file
//      by Enter on its link; a member suggests one with a link.
//  (c) axe-core: 0 violations on /bronnen (plain and with filters), a
//      resource page, the editor (empty and with errors) and
//      /account/afbeeldingen (with images, and with an error).
//
//   defineResourceTests({ test, check, diag, url, goto, shot,
//     expectNoAxeViolations, expectH1 })

import { readFile } from 'node:fs/promises';
import { ctx, psql, signIn as signInAs, xssFixture } from './fixture.mjs';

// A minimal PDF, as filetype_sniff accepts it.
const PDF = Buffer.from('%PDF-1.4\n'
  + '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'
  + '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n'
  + '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>'
  + ' endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export function defineResourceTests(h) {
  const { test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1 } = h;

  let shared = null;
  const fixture = () => {
    if (!shared) {
      shared = xssFixture('resource', url(''), check);
      shared.catch(() => { shared = null; });
    }
    return shared;
  };

  const signIn = (context, acct) => signInAs(context, acct, url('/'));

  // ------------------------------------------------------------ (a) R2

  test('resources: R2 in Chromium: every resource and upload view opens 0 dialogs (CSP bypassed)',
    { context: ctx({ bypassCSP: true }), timeout: 900_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      diag(`fixture: ${fx.figure}`);
      const kinds = new Set(fx.browser.map((v) => v.view));
      const missing = ['bron', 'bron (lid)', 'bron (redacteur)', 'bewerken', 'redactie',
        'geschiedenis', 'verschil', 'versie', 'bronnen', 'themapagina', 'zoeken', 'home',
        'mijn bijdragen', 'afbeeldingen', 'afbeelding'].filter((k) => !kinds.has(k));
      const dialogs = [];
      let where = '';
      page.on('dialog', async (d) => {
        dialogs.push(`${d.type()}("${d.message()}") on ${where}`);
        await d.dismiss().catch(() => {});
      });
      let who;
      const bad = [];
      for (const v of fx.browser) {
        if (v.who !== who) {
          who = v.who;
          await signIn(context, who ? fx.cookies[who] : null);
        }
        where = `${v.view} ${v.path} (${v.who || 'bezoeker'})`;
        const resp = await page.goto(url(v.path), { waitUntil: 'load' });
        if (!resp || resp.status() >= 400) bad.push(`${where}: status ${resp ? resp.status() : 'none'}`);
        // Focus and hover every link and field: a payload handler on
        // one of them must stay inert.
        await page.evaluate(() => {
          for (const el of document.querySelectorAll('a, input, textarea, img')) {
            el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
            if (typeof el.focus === 'function') el.focus();
          }
          document.querySelectorAll('details').forEach((d) => { d.open = true; });
        });
      }
      diag(`${fx.browser.length} views loaded; ${dialogs.length} dialogs`);
      check(dialogs.length === 0, `${dialogs.length} dialog(s):\n${dialogs.slice(0, 30).join('\n')}`);
      check(bad.length === 0, `views that did not load:\n${bad.slice(0, 20).join('\n')}`);
      check(missing.length === 0 && fx.errors.length === 0,
        `resource.py did not reach every view: missing ${missing.join(', ') || 'none'}; ` +
        `${fx.errors.length} failed steps: ${fx.errors.slice(0, 5).join(' | ')}`);
    });

  // ------------------------------------------------------------ (b) keyboard

  async function active(page) {
    return page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return {
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute('type'),
        name: el.getAttribute('name'),
        value: 'value' in el ? el.value : null,
        href: el.getAttribute('href'),
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
    check(false, `${what}: not reached in ${max} Tab presses on ${page.url()}; focus went to: ${seen.slice(-40).join(', ')}`);
    return null;
  }

  async function tabType(page, name, text, max = 40) {
    const a = await tabUntil(page, (x) => x.name === name && x.tag !== 'button', max, `field "${name}"`);
    await page.keyboard.type(text);
    return a;
  }

  async function pressAndWait(page, key) {
    const [resp] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.keyboard.press(key),
    ]);
    check(resp !== null, `${key}: no navigation`);
    return resp;
  }

  // Tab into the kind's radio group, then arrow keys to the one wanted
  // (arrows move and check within a group).
  async function chooseType(page, value) {
    const a = await tabUntil(page, (x) => x.name === 'type', 40, 'the kind (radio group)');
    let cur = a.value;
    for (let i = 0; i < 8 && cur !== value; i++) {
      await page.keyboard.press('ArrowDown');
      cur = (await active(page)).value;
    }
    check(cur === value, `arrow keys never reached the kind "${value}"`);
    await page.keyboard.press('Space');
  }

  test('resources: keyboard only, no JavaScript: an editor publishes a resource with a file, opens it and downloads the file',
    { context: ctx({ javaScriptEnabled: false, acceptDownloads: true }), timeout: 300_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      await signIn(context, fx.cookies.editor);
      const stamp = `${Date.now() % 1_000_000}`;
      const title = `Werkboek gezinsplan ${stamp}`;
      await goto(page, '/bronnen/nieuw', 200);
      await expectH1(page);
      await tabType(page, 'title', title, 80);
      await tabType(page, 'summary', 'Een werkboek om samen met het gezin één plan te maken.');
      await tabType(page, 'body', 'Het werkboek volgt de acht principes.\n\n- één gezin\n- één plan');
      await chooseType(page, 'toolkit');
      await tabType(page, 'publisher', 'Programma Zorg voor de Jeugd');
      await tabType(page, 'year', '2025');
      // The file: focus reaches the input, and the "dialog" picks a file
      // for the focused element, as a keyboard user's would.
      await tabUntil(page, (x) => x.name === 'bestand', 20, 'the file field');
      await page.locator(':focus').setInputFiles({
        name: `werkboek-${stamp}.pdf`, mimeType: 'application/pdf', buffer: PDF,
      });
      await tabUntil(page, (x) => x.tag === 'button' && x.value === 'publish', 200,
        'the "Publiceren" button');
      const resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200, `after publishing: status ${resp.status()} at ${page.url()}`);
      const u = new URL(page.url());
      check(u.pathname.startsWith('/bronnen/') && u.searchParams.get('gedaan') === 'gepubliceerd',
        `publishing led to ${page.url()}`);
      const row = await psql(`SELECT i.status || '|' || r.type || '|' || r.year || '|' || u.name
        FROM item i JOIN resource r ON r.item_id = i.id
        JOIN resource_file f ON f.item_id = i.id JOIN upload u ON u.id = f.upload_id
        WHERE i.title = '${title}'`);
      check(row === `gepubliceerd|toolkit|2025|werkboek-${stamp}.pdf`, `the resource in the database: "${row}"`);
      await shot(page, 'bron-gepubliceerd.png');
      // Open the page afresh and download the file by keyboard.
      await goto(page, u.pathname, 200);
      await expectH1(page);
      await tabUntil(page, (x) => x.tag === 'a' && /^\/bestanden\/[a-f0-9]{32}$/.test(x.href || ''),
        120, 'the download link');
      const [dl] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        page.keyboard.press('Enter'),
      ]);
      check(dl.suggestedFilename() === `werkboek-${stamp}.pdf`,
        `the download is named "${dl.suggestedFilename()}"`);
      const got = await readFile(await dl.path());
      check(got.equals(PDF), `the downloaded file differs from the uploaded one (${got.length} bytes)`);
      const n = await psql(`SELECT u.downloads FROM item i JOIN resource_file f ON f.item_id = i.id
        JOIN upload u ON u.id = f.upload_id WHERE i.title = '${title}'`);
      check(n === '1', `download count is ${n}, expected 1`);
    });

  test('resources: keyboard only, no JavaScript: a member suggests a resource with a link',
    { context: ctx({ javaScriptEnabled: false }), timeout: 300_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      await signIn(context, fx.cookies.member);
      const stamp = `${Date.now() % 1_000_000}`;
      const title = `Website over thuis wonen ${stamp}`;
      await goto(page, '/bronnen/nieuw', 200);
      await expectH1(page);
      await tabType(page, 'title', title, 80);
      await tabType(page, 'summary', 'Een website met verhalen van gezinnen.');
      await chooseType(page, 'website');
      await tabType(page, 'url', `https://example.org/thuis-${stamp}`, 20);
      // The member's buttons: no "Publiceren".
      check(await page.locator('button[value="publish"]').count() === 0,
        'a member is offered "Publiceren"');
      await tabUntil(page, (x) => x.tag === 'button' && x.value === 'submit', 200,
        'the "Voorstellen aan de redactie" button');
      const resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200, `after suggesting: status ${resp.status()} at ${page.url()}`);
      check(new URL(page.url()).searchParams.get('gedaan') === 'voorgesteld',
        `suggesting led to ${page.url()}`);
      const row = await psql(`SELECT i.status || '|' || r.type || '|' || r.url FROM item i
        JOIN resource r ON r.item_id = i.id WHERE i.title = '${title}'`);
      check(row === `ter_review|website|https://example.org/thuis-${stamp}`,
        `the suggestion in the database: "${row}"`);
      // Not public: a visitor gets 404.
      const slug = await psql(`SELECT slug FROM item WHERE title = '${title}'`);
      await signIn(context, null);
      await goto(page, `/bronnen/${slug}`, 404);
    });

  // ------------------------------------------------------------ (c) axe

  for (const [p, who] of [
    ['/bronnen', null],
    ['/bronnen?soort=publicatie&jaar=2024', 'member'],
    ['/bronnen/voorbeeld-sjabloon-ondersteuningsplan', null],
    ['/bronnen/nieuw', 'member'],
    ['/account/afbeeldingen', 'member'],
  ]) {
    test(`resources: axe: 0 violations on ${p}${who ? ` (as ${who})` : ''}`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        await signIn(context, who ? fx.cookies[who] : null);
        await goto(page, p, 200);
        await expectH1(page);
        await expectNoAxeViolations(page, `bron-${p.replace(/[^a-z]+/g, '-')}`);
      });
  }

  const axeViews = [['bron', null], ['bron (redacteur)', 'editor'], ['bewerken', 'editor'],
    ['geschiedenis', 'editor']];
  for (const [view, who] of axeViews) {
    test(`resources: axe: 0 violations on the ${view} view${who ? ` (as ${who})` : ''}`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        const v = fx.browser.find((x) => x.view === view && (who === null || x.who === who));
        check(v, `resource.py reached no "${view}" view`);
        await signIn(context, who ? fx.cookies[who] : null);
        await goto(page, v.path, 200);
        await expectH1(page);
        await expectNoAxeViolations(page, `bron-${view.replace(/[^a-z]+/g, '-')}`);
      });
  }

  test('resources: axe: 0 violations on the editor with errors and on /account/afbeeldingen with an error',
    { context: ctx(), timeout: 600_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      await signIn(context, fx.cookies.member);
      await goto(page, '/bronnen/nieuw', 200);
      await page.locator('#title').fill('x'.repeat(201));
      await page.locator('#url').fill('javascript:alert(1)');
      await page.locator('#year').fill('1500');
      const [resp] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('button[value="submit"]').click(),
      ]);
      check(resp.status() === 422, `the editor with errors: status ${resp.status()}, expected 422`);
      for (const f of ['title', 'url', 'year']) {
        check(await page.locator(`[name="${f}"]`).first().getAttribute('aria-invalid') === 'true',
          `field ${f} is not marked invalid`);
      }
      await expectH1(page);
      await expectNoAxeViolations(page, 'bron-editor-fouten');
      await goto(page, '/account/afbeeldingen', 200);
      await page.locator('#alt').fill('Een foto');
      const [r2] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('form[action="/account/afbeeldingen"] button[type="submit"]').click(),
      ]);
      check(r2.status() === 422 || r2.status() === 400,
        `/account/afbeeldingen without a file: status ${r2.status()}`);
      check(await page.locator('#bestand').getAttribute('aria-invalid') === 'true',
        'the file field is not marked invalid');
      await expectH1(page);
      await expectNoAxeViolations(page, 'afbeeldingen-fout');
    });
}
