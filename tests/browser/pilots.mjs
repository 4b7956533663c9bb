// Browser tests for pilots (issue 7):
//  (a) R2 in a real browser: every view tests/xss/pilot.py reached (every
//      payload in every pilot and lesson field, through the real forms) is
//      loaded in Chromium with the CSP bypassed; not one dialog may open.
//  (b) keyboard only, without JavaScript: a member fills in a pilot (text,
//      the region, setting and phase lists, dates, Markdown fields) with
//      Tab and typing only, first submits it without the required fields
//      (the messages come back next to them, the text is kept), then
//      completes it and submits it for review.
//  (c) axe-core: 0 violations on the pilot page, the overview with two
//      facets chosen, the compare table, /lessen with a facet, a lesson
//      page, the pilot editor (empty and with errors) and the history.
//
//   definePilotTests({ test, check, diag, url, goto, shot,
//     expectNoAxeViolations, expectH1 })

import { ctx, psql, signIn as signInAs, xssFixture } from './fixture.mjs';

export function definePilotTests(h) {
  const { test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1 } = h;

  let shared = null;
  const fixture = () => {
    if (!shared) {
      shared = xssFixture('pilot', url(''), check);
      shared.catch(() => { shared = null; });
    }
    return shared;
  };

  const signIn = (context, acct) => signInAs(context, acct, url('/'));

  // ------------------------------------------------------------ (a) R2

  test('R2 in Chromium: every pilot view opens 0 dialogs (CSP bypassed)',
    { context: ctx({ bypassCSP: true }), timeout: 900_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      diag(`fixture: ${fx.figure}`);
      const kinds = new Set(fx.browser.map((v) => v.view));
      const missing = ['pilot', 'pilot (lid)', 'pilot (redactie)', 'pilots', 'pilots (filters)',
        'lessen', 'les', 'les bewerken', 'pilot bewerken', 'pilotgeschiedenis', 'pilotverschil',
        'vergelijken', 'themapagina', 'mijn bijdragen'].filter((k) => !kinds.has(k));
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
      }
      diag(`${fx.browser.length} views loaded; ${dialogs.length} dialogs`);
      check(dialogs.length === 0, `${dialogs.length} dialog(s):\n${dialogs.slice(0, 30).join('\n')}`);
      check(bad.length === 0, `views that did not load:\n${bad.slice(0, 20).join('\n')}`);
      check(missing.length === 0 && fx.errors.length === 0,
        `pilot.py did not reach every view: missing ${missing.join(', ') || 'none'}; ` +
        `${fx.errors.length} failed steps: ${fx.errors.slice(0, 5).join(' | ')}`);
    });

  // ------------------------------------------------------------ (b) keyboard

  async function active(page) {
    return page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return {
        tag: el.tagName.toLowerCase(),
        name: el.getAttribute('name'),
        value: 'value' in el ? el.value : null,
        text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 80),
        html: el.outerHTML.slice(0, 160),
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
    check(false, `${what}: not reached in ${max} Tab presses on ${page.url()}; focus went to: ${seen.join(', ')}`);
    return null;
  }

  // Tab to the field named name, then type (text fields) or choose by
  // typing the option's first letters (a focused <select>).
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

  async function value(page, name) {
    return page.locator(`[name="${name}"]`).first().inputValue();
  }

  test('keyboard only: a member fills in a pilot, gets the missing fields named, completes and submits it',
    { context: ctx({ javaScriptEnabled: false }), timeout: 600_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      await signIn(context, fx.cookies.member);
      const stamp = `${Date.now() % 1_000_000}`;
      const title = `Thuis met het hele gezin ${stamp}`;
      const target = 'Jongeren bij wie een gesloten plaatsing dreigt';
      const problem = 'Er is thuis geen veilig alternatief.';

      // 1. Title, summary, target group and a Markdown field; then
      //    "Opslaan en indienen" without the required lists and dates.
      await goto(page, '/pilots/nieuw', 200);
      await expectH1(page);
      await tabType(page, 'title', title, 80);
      await tabType(page, 'summary', 'Een gezinsteam helpt thuis.');
      await tabType(page, 'target_group', target);
      await tabType(page, 'problem', problem, 60);
      let a = await tabUntil(page, (x) => x.tag === 'button' && x.name === 'action' &&
        x.value === 'submit', 600, 'the submit button');
      let resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 422, `submitting an incomplete pilot: status ${resp.status()}, expected 422`);
      const main = ((await page.locator('main').textContent()) || '').replace(/\s+/g, ' ');
      for (const m of ['Kies de regio.', 'Kies de setting.', 'Kies de fase.',
        'Vul de startdatum in.', 'Beschrijf de oplossingsrichtingen.']) {
        check(main.includes(m), `the error page does not say "${m}"`);
      }
      // Each message next to its field: the field is marked invalid.
      for (const f of ['region', 'setting', 'phase', 'start', 'approach']) {
        check(await page.locator(`[name="${f}"]`).first().getAttribute('aria-invalid') === 'true',
          `field ${f} is not marked invalid`);
      }
      check(await page.locator('[name="problem"]').first().getAttribute('aria-invalid') !== 'true',
        'the filled-in problem field is marked invalid');
      check(await value(page, 'title') === title, 'the title was not kept');
      check(await value(page, 'target_group') === target, 'the target group was not kept');
      check((await value(page, 'problem')).trim() === problem, 'the problem text was not kept');
      check(await psql(`SELECT count(*) FROM item WHERE title = '${title}'`) === '0',
        'an incomplete pilot was saved by "indienen"');
      await shot(page, 'pilot-fouten.png');

      // 2. Complete it from the top, with the keyboard: the lists by
      //    typing an option's name, the date as digits (1 January: the
    //    same in day-month and month-day order, whatever the locale).
      await tabType(page, 'region', 'Twente', 120);
      await tabType(page, 'setting', 'Ambulant');
      await tabType(page, 'phase', 'Lopend');
      await tabType(page, 'start', '01012025');
      await tabType(page, 'approach', 'Een vast team dat het gezin thuis helpt.', 40);
      a = await tabUntil(page, (x) => x.tag === 'button' && x.name === 'action' &&
        x.value === 'submit', 600, 'the submit button');
      resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200, `after submitting: status ${resp.status()} at ${page.url()}`);
      const row = await psql(`SELECT i.status || '|' || p.region || '|' || p.setting || '|' ||
        p.phase || '|' || p.start_on || '|' || p.target_group FROM item i
        JOIN pilot p ON p.item_id = i.id WHERE i.title = '${title}'`);
      check(row === `ter_review|twente|ambulant|lopend|2025-01-01|${target}`,
        `the pilot in the database: "${row}"`);
      check(new URL(page.url()).pathname.startsWith('/pilots/'), `submitting led to ${page.url()}`);
      await shot(page, 'pilot-ingediend.png');
    });

  // ------------------------------------------------------------ (c) axe

  const axeViews = [
    ['pilot', null], ['pilot (lid)', 'member'], ['pilots (filters)', null], ['vergelijken', null],
    ['lessen', null], ['les', null], ['pilot bewerken', 'member'], ['pilotgeschiedenis', 'member'],
    ['pilotverschil', 'member'],
  ];
  for (const [view, who] of axeViews) {
    test(`axe: 0 violations on the ${view} view${who ? ` (as ${who})` : ''}`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        const v = fx.browser.find((x) => x.view === view && (who === null || x.who === who));
        check(v, `pilot.py reached no "${view}" view`);
        await signIn(context, who ? fx.cookies[who] : null);
        const resp = await goto(page, v.path);
        check(resp.status() === 200, `GET ${v.path}: status ${resp.status()}`);
        await expectH1(page);
        await shot(page, `pilot-${view.replace(/[^a-z]+/g, '-')}.png`);
        await expectNoAxeViolations(page, `pilot-${view}`);
      });
  }

  for (const [p, who, status] of [
    ['/pilots?regio=overijssel&fase=lopend', null, 200],
    ['/lessen?soort=werkte', null, 200],
    ['/pilots/nieuw', 'member', 200],
    ['/pilots/voorbeeld-gezin-centraal-twente', null, 200],
    ['/pilots?regio=mars', null, 400],
    ['/pilots/vergelijk?ids=1', null, 400],
  ]) {
    test(`axe: 0 violations on ${p}${who ? ` (as ${who})` : ''} (${status})`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        await signIn(context, who ? fx.cookies[who] : null);
        const resp = await goto(page, p);
        check(resp.status() === status, `GET ${p}: status ${resp.status()}, expected ${status}`);
        await expectH1(page);
        await expectNoAxeViolations(page, `pilot-${p.replace(/[^a-z]+/g, '-')}`);
      });
  }
}
