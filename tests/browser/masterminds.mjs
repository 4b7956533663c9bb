// Browser tests for masterminds (issue 8):
//  (a) R2 in a real browser: every view tests/xss/mastermind.py reached
//      (every payload in every field of a series, session, participants,
//      actions, amendment and addendum, through the real forms) is loaded
//      in Chromium with the CSP bypassed; not one dialog may open.
//  (b) keyboard only, without JavaScript: a facilitator records a session
//      (title, date, time, participants, case, insights, agreements) and
//      adds two actions ("Opslaan en nog een toevoegen", then "Opslaan"),
//      with Tab, typing and Enter only, never a click.
//  (c) axe-core: 0 violations on the series page, the session page
//      (visitor, participant, facilitator), the series' action list and
//      /account/acties, and on the forms.
//
//   defineMastermindTests({ test, check, diag, url, goto, shot,
//     expectNoAxeViolations, expectH1 })

import { ctx, psql, signIn as signInAs, xssFixture } from './fixture.mjs';

export function defineMastermindTests(h) {
  const { test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1 } = h;

  let shared = null;
  const fixture = () => {
    if (!shared) {
      shared = xssFixture('mastermind', url(''), check,
        process.env.BRON_MM_XSS_LIMIT ? ['--limit', process.env.BRON_MM_XSS_LIMIT] : []);
      shared.catch(() => { shared = null; });
    }
    return shared;
  };

  const signIn = (context, acct) => signInAs(context, acct, url('/'));

  // ------------------------------------------------------------ (a) R2

  test('R2 in Chromium: every mastermind view opens 0 dialogs (CSP bypassed)',
    { context: ctx({ bypassCSP: true }), timeout: 900_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      diag(`fixture: ${fx.figure}`);
      const kinds = new Set(fx.browser.map((v) => v.view));
      const missing = ['serie', 'serie (leider)', 'serie-acties', 'sessie', 'sessie (deelnemer)',
        'sessie (leider)', 'sessie bewerken', 'aanvulling beslissen', 'actie', 'mijn acties',
        'masterminds', 'themapagina'].filter((k) => !kinds.has(k));
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
        // The edit form of minutes that became final later in the
        // fixture answers 409 (only an addendum): still a page to check.
        const okStatus = (st) => st < 400 || (v.view === 'sessie bewerken' && st === 409);
        if (!resp || !okStatus(resp.status())) bad.push(`${where}: status ${resp ? resp.status() : 'none'}`);
      }
      diag(`${fx.browser.length} views loaded; ${dialogs.length} dialogs`);
      check(dialogs.length === 0, `${dialogs.length} dialog(s):\n${dialogs.slice(0, 30).join('\n')}`);
      check(bad.length === 0, `views that did not load:\n${bad.slice(0, 20).join('\n')}`);
      check(missing.length === 0 && fx.errors.length === 0,
        `mastermind.py did not reach every view: missing ${missing.join(', ') || 'none'}; ` +
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

  async function tabType(page, name, text, max = 60) {
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

  const button = (re) => (x) => x.tag === 'button' && re.test(x.text);

  test('keyboard only: a facilitator records a session with two actions (Tab, type, Enter)',
    { context: ctx({ javaScriptEnabled: false }), timeout: 900_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      const series = fx.browser.find((v) => v.view === 'serie (leider)');
      check(series, 'mastermind.py reached no series page of the facilitator');
      await signIn(context, fx.cookies.facilitator);
      const stamp = `${Date.now() % 1_000_000}`;
      const title = `Toetsen met het toetsenbord ${stamp}`;
      const external = `Gast Toetsenbord ${stamp}`;

      // 1. From the series page to "Nieuwe sessie", by Tab and Enter.
      await goto(page, series.path, 200);
      await tabUntil(page, (x) => x.tag === 'a' && x.href === `${series.path}/nieuw`, 200,
        'the "Nieuwe sessie" link');
      let resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200, `the new session form: status ${resp.status()}`);
      await expectH1(page);
      // 2. The session: text, a date and time typed as digits (1 January:
      //    the same in day-month and month-day order), participants,
      //    the three Markdown sections.
      await tabType(page, 'title', title, 120);
      await tabType(page, 'summary', 'Een sessie die alleen met het toetsenbord is vastgelegd.');
      await tabType(page, 'date', '01012027');
      await tabType(page, 'time', '1430');
      await tabType(page, 'location', 'Online');
      await tabType(page, 'participants', `${external} (gast)`);
      await tabType(page, 'case', 'Hoe leg je een sessie vast zonder muis?');
      await tabType(page, 'insights', 'Met Tab kom je overal.');
      await tabType(page, 'agreements', 'We proberen het ook met een schermlezer.');
      await tabUntil(page, button(/^Opslaan$/i), 600, 'the "Opslaan" button');
      resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200, `after saving: status ${resp.status()} at ${page.url()}`);
      const session = new URL(page.url()).pathname;
      const row = await psql(`SELECT to_char(x.starts_at AT TIME ZONE 'Europe/Amsterdam',
        'YYYY-MM-DD HH24:MI') || '|' || x.state || '|' || (SELECT string_agg(p.name || '/' ||
        p.role, ',') FROM mm_participant p WHERE p.session_id = x.item_id) FROM mm_session x
        JOIN item i ON i.id = x.item_id WHERE i.title = '${title}'`);
      check(row === `2027-01-01 14:30|concept|${external}/gast`, `the session in the database: "${row}"`);
      check(session === await psql(`SELECT mm_session_href(id) FROM item WHERE title = '${title}'`),
        `saving led to ${page.url()}`);
      await shot(page, 'mastermind-sessie-toetsenbord.png');

      // 3. "Actie toevoegen", two actions: the first with "Opslaan en nog
      //    een toevoegen", the second with "Opslaan".
      await tabUntil(page, (x) => x.tag === 'a' && x.href === `${session}/acties`, 300,
        'the "Actie toevoegen" link');
      resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200, `the action form: status ${resp.status()}`);
      await tabType(page, 'what', `Eerste actie ${stamp}`, 120);
      await tabType(page, 'owner', external);
      await tabType(page, 'due', '01012027');
      await tabUntil(page, button(/nog een/i), 100, 'the "Opslaan en nog een toevoegen" button');
      resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200 && new URL(page.url()).pathname === `${session}/acties`,
        `after the first action: status ${resp.status()} at ${page.url()}`);
      await tabType(page, 'what', `Tweede actie ${stamp}`, 120);
      await tabUntil(page, button(/^Opslaan$/i), 100, 'the "Opslaan" button');
      resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200 && new URL(page.url()).pathname === session,
        `after the second action: status ${resp.status()} at ${page.url()}`);
      const acts = await psql(`SELECT string_agg(a.what || '/' || coalesce(a.owner_name, '') ||
        '/' || coalesce(a.due_on::text, ''), ',' ORDER BY a.position) FROM mm_action a
        JOIN item i ON i.id = a.session_id WHERE i.title = '${title}'`);
      check(acts === `Eerste actie ${stamp}/${external}/2027-01-01,Tweede actie ${stamp}//`,
        `the actions in the database: "${acts}"`);
      const main = ((await page.locator('main').textContent()) || '').replace(/\s+/g, ' ');
      check(main.includes(`Eerste actie ${stamp}`) && main.includes(`Tweede actie ${stamp}`),
        'the session page does not list both actions');
      await shot(page, 'mastermind-acties-toetsenbord.png');
    });

  // axe needs JavaScript (the keyboard test runs without): the forms of
  // concept minutes get their own check. The fixture's sessions are final
  // by now (their edit page is the 409 page), so a fresh concept session.
  test('axe: 0 violations on the mastermind session form, its edit form and the action form (as facilitator)',
    { context: ctx(), timeout: 900_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      const series = fx.browser.find((v) => v.view === 'serie (leider)');
      check(series, 'mastermind.py reached no series page of the facilitator');
      await signIn(context, fx.cookies.facilitator);
      await goto(page, `${series.path}/nieuw`, 200);
      await expectH1(page);
      await expectNoAxeViolations(page, 'mastermind-sessie-nieuw');
      const stamp = `${Date.now() % 1_000_000}`;
      const slug = series.path.split('/')[2];
      // Two statements: a STABLE function sees the snapshot its
      // statement started with, not the session just made.
      const id = await psql(`SELECT r.id FROM
        mm_session_save(NULL, NULL, (SELECT f.account_id FROM mm_facilitator f
        JOIN mm_series s ON s.id = f.series_id WHERE s.slug = '${slug}'
        ORDER BY f.position LIMIT 1), (SELECT id FROM mm_series WHERE slug = '${slug}'),
        'Axe ${stamp}', '', 'Inzicht.', '<p>Inzicht.</p>', '', 1, '', 'axe-${stamp}', '', '',
        '', '', NULL, '{"date": "2027-02-01", "time": "10:00"}'::jsonb) r`);
      const href = await psql(`SELECT mm_session_href(${Number(id)})`);
      check(href.startsWith('/masterminds/'), `no concept session made: "${href}"`);
      await goto(page, `${href}/bewerken`, 200);
      await expectH1(page);
      await expectNoAxeViolations(page, 'mastermind-sessie-bewerken-concept');
      await goto(page, `${href}/acties`, 200);
      await expectH1(page);
      await expectNoAxeViolations(page, 'mastermind-actie-nieuw');
      await goto(page, href, 200);
      await expectNoAxeViolations(page, 'mastermind-sessie-leider-concept');
    });

  // ------------------------------------------------------------ (c) axe

  const axeViews = [
    ['serie', null], ['serie (leider)', 'facilitator'], ['serie-acties', null],
    ['sessie', null], ['sessie (deelnemer)', 'participant'], ['sessie (leider)', 'facilitator'],
    ['mijn acties', 'participant'], ['sessie bewerken', 'facilitator'],
    ['aanvulling beslissen', 'facilitator'], ['actie', 'participant'], ['masterminds', null],
  ];
  for (const [view, who] of axeViews) {
    test(`axe: 0 violations on the mastermind ${view} view${who ? ` (as ${who})` : ''}`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        const v = fx.browser.find((x) => x.view === view && (who === null || x.who === who));
        check(v, `mastermind.py reached no "${view}" view`);
        await signIn(context, who ? fx.cookies[who] : null);
        const resp = await goto(page, v.path);
        const want = view === 'sessie bewerken' ? 409 : 200;
        check(resp.status() === want, `GET ${v.path}: status ${resp.status()}, want ${want}`);
        await expectH1(page);
        await shot(page, `mastermind-${view.replace(/[^a-z]+/g, '-')}.png`);
        await expectNoAxeViolations(page, `mastermind-${view}`);
      });
  }

  for (const [p, who, status] of [
    ['/masterminds/voorbeeld-mastermind-gedragswetenschappers', null, 200],
    ['/masterminds/voorbeeld-mastermind-gedragswetenschappers/voorbeeld-team-scherp-op-de-bedoeling', null, 200],
    ['/masterminds/voorbeeld-mastermind-gedragswetenschappers/acties?status=alle', null, 200],
    ['/masterminds/nieuw', 'facilitator', 200],
    ['/account/acties', 'facilitator', 200],
  ]) {
    test(`axe: 0 violations on ${p}${who ? ` (as ${who})` : ''} (${status})`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        await signIn(context, who ? fx.cookies[who] : null);
        const resp = await goto(page, p);
        check(resp.status() === status, `GET ${p}: status ${resp.status()}, expected ${status}`);
        await expectH1(page);
        await expectNoAxeViolations(page, `mastermind-${p.replace(/[^a-z]+/g, '-')}`);
      });
  }
}
