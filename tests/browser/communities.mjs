// Browser tests for communities (issue 6):
//  (a) R2 in a real browser: every view tests/xss/community.py reached
//      (every payload in every community, membership, discussion and
//      moderation field, through the real forms) is loaded in Chromium with
//      the CSP bypassed; not one dialog may open.
//  (b) keyboard only, without JavaScript: a member joins a community,
//      opens a discussion, follows it and posts a reply, with Tab, Enter and
//      typing only; the reply then stands on the page.
//  (c) axe-core: 0 violations on every page of the issue: /gemeenschappen,
//      the community home (visitor, member), the member list (moderator),
//      the members-only page, discussions, a discussion, the new-topic form
//      (empty and with an error), post editing and history, the report
//      form, the moderation queue, /meldingen, /account/meldingen, the
//      community editor and /gemeenschappen/nieuw.
//
//   defineCommunityTests({ test, check, diag, url, goto, shot,
//     expectNoAxeViolations, expectH1 })

import { ctx, psql, signIn as signInAs, xssFixture } from './fixture.mjs';

export function defineCommunityTests(h) {
  const { test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1 } = h;

  const shared = {};
  function once(key, make) {
    if (!shared[key]) {
      shared[key] = make();
      shared[key].catch(() => { delete shared[key]; });
    }
    return shared[key];
  }

  // The payload run (a few payloads are enough for axe; test (a) loads
  // every view it reached).
  const fixture = () => once('community',
    () => xssFixture('community', url(''), check));

  const signIn = (context, acct) => signInAs(context, acct, url('/'));

  // ------------------------------------------------------------ (a) R2

  test('R2 in Chromium: every community view opens 0 dialogs (CSP bypassed)',
    { context: ctx({ bypassCSP: true }), timeout: 900_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      diag(`fixture: ${fx.figure}`);
      const kinds = new Set(fx.browser.map((v) => v.view));
      const missing = ['gemeenschappen', 'gemeenschap', 'gemeenschap (lid)', 'leden',
        'leden (moderator)', 'gesprekken', 'gesprek', 'gesprek (moderator)', 'gesprek (citeer)',
        'berichtgeschiedenis', 'bericht bewerken', 'melden', 'moderatie', 'meldingen',
        'gemeenschap bewerken'].filter((k) => !kinds.has(k));
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
        `community.py did not reach every view: missing ${missing.join(', ') || 'none'}; ` +
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
        form: el.form ? el.form.getAttribute('action') : null,
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

  async function pressAndWait(page, key) {
    const [resp] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.keyboard.press(key),
    ]);
    check(resp !== null, `${key}: no navigation`);
    return resp;
  }

  async function mainText(page) {
    return ((await page.locator('main').textContent()) || '').replace(/\s+/g, ' ');
  }

  test('keyboard only: a member joins a community, follows a discussion and replies',
    { context: ctx({ javaScriptEnabled: false }), timeout: 600_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      const stamp = `${Date.now() % 1_000_000}`;
      const ed = await psql(`SELECT id FROM account WHERE email = '${fx.cookies.editor.email}'`);
      const slug = await psql(`SELECT slug FROM community_save(NULL, ${ed}, 0,
        'Toetsenbordnetwerk ${stamp}', 'Een open gemeenschap voor de toets.', 'Samen leren.',
        '<p>Samen leren.</p>', '', 'openbaar', 'open', 'toetsenbord-${stamp}', '')`);
      const cid = await psql(`SELECT id FROM community WHERE slug = '${slug}'`);
      const tid = await psql(`SELECT topic_id FROM topic_create(${cid}, ${ed},
        'Hoe begin je een kleine groep ${stamp}?', 'Wie heeft ervaring?', '<p>Wie heeft ervaring?</p>', '')`);
      await signIn(context, fx.cookies.member);

      // 1. Join: the "lid worden" button of the membership form.
      await goto(page, `/gemeenschappen/${slug}`, 200);
      await expectH1(page);
      let a = await tabUntil(page, (x) => x.tag === 'button' && x.form &&
        x.form.endsWith('/lidmaatschap'), 80, 'the join button');
      diag(`join button: ${a.html}`);
      let resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200, `after joining: status ${resp.status()} at ${page.url()}`);
      const state = await psql(`SELECT state FROM member WHERE community_id = ${cid}
        AND account_id = (SELECT id FROM account WHERE email = '${fx.cookies.member.email}')`);
      check(state === 'lid', `after the join button the membership is "${state}", expected "lid"`);

      // 2. Open the discussion by its link.
      a = await tabUntil(page, (x) => x.tag === 'a' && x.href &&
        x.href.endsWith(`/gesprekken/${tid}`), 120, 'the discussion link');
      resp = await pressAndWait(page, 'Enter');
      check(new URL(page.url()).pathname === `/gemeenschappen/${slug}/gesprekken/${tid}`,
        `the discussion link led to ${page.url()}`);

      // 3. Follow it.
      a = await tabUntil(page, (x) => x.tag === 'button' && x.form === '/volgen', 120,
        'the follow button');
      resp = await pressAndWait(page, 'Enter');
      const follows = await psql(`SELECT count(*) FROM follow WHERE topic_id = ${tid}
        AND account_id = (SELECT id FROM account WHERE email = '${fx.cookies.member.email}')`);
      check(follows === '1', `after the follow button: ${follows} follow rows`);

      // 4. Reply: type into the reply box, then the submit button.
      const reply = `Een antwoord met alleen het toetsenbord ${stamp}.`;
      a = await tabUntil(page, (x) => x.tag === 'textarea' && x.name === 'body', 150,
        'the reply box');
      await page.keyboard.type(reply);
      a = await tabUntil(page, (x) => x.tag === 'button' && x.form &&
        x.form.endsWith(`/gesprekken/${tid}`), 20, 'the reply button');
      resp = await pressAndWait(page, 'Enter');
      check(resp.status() === 200, `after replying: status ${resp.status()}`);
      check((await mainText(page)).includes(reply), 'the reply is not on the page after posting');
      await shot(page, 'gesprek-toetsenbord.png');
    });

  // ------------------------------------------------------------ (c) axe

  const axeViews = [
    ['gemeenschappen', null], ['gemeenschap', null], ['gemeenschap (lid)', 'member'],
    ['leden (moderator)', 'editor'], ['leden', 'member'], ['gesprekken', 'member'],
    ['gesprek', 'member'], ['gesprek (moderator)', 'editor'], ['berichtgeschiedenis', 'member'],
    ['bericht bewerken', 'member'], ['melden', 'member'], ['moderatie', 'editor'],
    ['meldingen', 'member'], ['gemeenschap bewerken', 'editor'],
  ];
  for (const [view, who] of axeViews) {
    test(`axe: 0 violations on the ${view} view${who ? ` (as ${who})` : ''}`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        const v = fx.browser.find((x) => x.view === view && (x.who || null) === who);
        check(v, `community.py reached no "${view}" view for ${who || 'a visitor'}`);
        await signIn(context, who ? fx.cookies[who] : null);
        const resp = await goto(page, v.path);
        check(resp.status() === 200, `GET ${v.path}: status ${resp.status()}`);
        await expectH1(page);
        await shot(page, `gem-${view.replace(/[^a-z]+/g, '-')}.png`);
        await expectNoAxeViolations(page, `gem-${view}`);
      });
  }

  for (const [p, who, status] of [
    ['/gemeenschappen/nieuw', 'editor', 200],
    ['/account/meldingen', 'member', 200],
    ['/gemeenschappen/suicidepreventie/gesprekken', 'member', 403],
    ['/gemeenschappen/suicidepreventie', 'member', 200],
  ]) {
    test(`axe: 0 violations on ${p} (as ${who}, ${status})`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        await signIn(context, fx.cookies[who]);
        const resp = await goto(page, p);
        check(resp.status() === status, `GET ${p}: status ${resp.status()}, expected ${status}`);
        await expectH1(page);
        await expectNoAxeViolations(page, `gem-${p.replace(/[^a-z]+/g, '-')}`);
      });
  }

  test('axe: 0 violations on the new-topic form, empty and with an error',
    { context: ctx(), timeout: 600_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      await signIn(context, fx.cookies.member);
      const v = fx.browser.find((x) => x.view === 'gesprekken' && x.who === 'member');
      check(v, 'no discussion list in the fixture');
      await goto(page, `${v.path}/nieuw`, 200);
      await expectH1(page);
      await expectNoAxeViolations(page, 'gem-nieuw-gesprek');
      await page.locator('[name="body"]').fill('Alleen tekst, geen titel.');
      const [resp] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('form button[type="submit"][value="save"], form button[name="action"][value="save"]').first().click(),
      ]);
      check(resp.status() === 400, `a topic without a title: status ${resp.status()}, expected 400`);
      await expectNoAxeViolations(page, 'gem-nieuw-gesprek-fout');
    });
}
