// Browser tests for stories (issue 9):
//  (a) R2 in a real browser: every view tests/xss/story.py reached (the
//      payloads in every field of a story, the editor's notes, a reply
//      and a quote, through the real forms) is loaded in Chromium with
//      the CSP bypassed; not one dialog may open. The fixture is the one
//      66_story_xss built ($BRON_ARTIFACTS/xss-story.json), or its own
//      when run alone.
//  (b) keyboard only, without JavaScript: a visitor opens the warning
//      gate of a warned story (Tab to the <summary>, Enter: the text
//      shows); the help banner of a story about suicide is a landmark
//      (an <aside> named by its heading) whose phone links Tab reaches.
//  (c) axe-core: 0 violations on the story page (gate closed and open),
//      /verhalen, /verhalen/nieuw, the editor, /account/verhalen, the
//      review page, /redactie/verhalen, the scope page, the author page
//      and /zoeken?q=zelfdoding.
//
//   defineStoryTests({ test, check, diag, url, goto, shot,
//     expectNoAxeViolations, expectH1 })

import { ctx, psql, signIn as signInAs, xssFixture } from './fixture.mjs';

const CONSENT = '2026-11-a';

export function defineStoryTests(h) {
  const { test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1 } = h;

  let shared = null;
  const fixture = () => {
    if (!shared) {
      shared = xssFixture('story', url(''), check);
      shared.catch(() => { shared = null; });
    }
    return shared;
  };

  const signIn = (context, acct) => signInAs(context, acct, url('/'));

  // A plain story of the fixture's storyteller (no payloads), moved
  // through the workflow by the SQL functions: 'gepubliceerd' or
  // 'ter_review'. Returns its slug. The text is ours, so its HTML is too.
  async function plainStory(fx, stamp, warnings, state) {
    const teller = `(SELECT id FROM account WHERE email = '${fx.cookies.storyteller.email}')`;
    const editor = `(SELECT id FROM account WHERE email = '${fx.cookies.editor.email}')`;
    const text = `Gewoon verhaal ${stamp}. Het begon op een maandag. Later ging het beter.`;
    const id = Number(await psql(`SELECT id FROM story_save(NULL, NULL, ${teller},
      'Toetsverhaal ${stamp}', 'Een rustige samenvatting ${stamp}.', '${text}',
      '<p>${text}</p>', '', 12, 'toetsverhaal-${stamp}', 'kleinschaligheid', '', '',
      'Toets ${stamp}', '{${warnings.join(',')}}', '{namen,plaatsen,fotos}', false, NULL)`));
    check(id > 0, 'no story made');
    const rev = () => `(SELECT revision FROM item WHERE id = ${id})`;
    check(await psql(`SELECT story_submit(${id}, ${teller}, ${rev()}, 'openbaar',
      '${CONSENT}', false, '', '')`) === '', 'story_submit refused');
    if (state === 'gepubliceerd') {
      await psql(`SELECT story_review(${id}, ${editor}, ${rev()}, 'akkoord', '')`);
      await psql(`SELECT story_publish(${id}, ${teller}, ${rev()})`);
    }
    return psql(`SELECT slug FROM item WHERE id = ${id}`);
  }

  // ------------------------------------------------------------ (a) R2

  test('R2 in Chromium: every story view opens 0 dialogs (CSP bypassed)',
    { context: ctx({ bypassCSP: true }), timeout: 900_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      diag(`fixture: ${fx.figure}`);
      const kinds = new Set(fx.browser.map((v) => v.view));
      const missing = ['verhaal', 'verhaal (open)', 'verhaal (lid)', 'verhaal (verteller)',
        'verhaal (redacteur)', 'beoordelen', 'bewerken', 'reikwijdte', 'auteur', 'verhalen',
        'home', 'themapagina', 'zoeken', 'redactie', 'mijn verhalen', 'monitor']
        .filter((k) => !kinds.has(k));
      const dialogs = [];
      let where = '';
      page.on('dialog', async (d) => {
        dialogs.push(`${d.type()}("${d.message()}") on ${where}`);
        await d.dismiss().catch(() => {});
      });
      let who;
      const bad = [];
      for (const v of fx.browser) {
        // The review page of a story that is online now answers
        // differently; it was checked by the HTTP run while it waited.
        if (v.view === 'beoordelen') continue;
        if (v.who !== who) {
          who = v.who;
          await signIn(context, who ? fx.cookies[who] : null);
        }
        where = `${v.view} ${v.path} (${v.who || 'bezoeker'})`;
        const resp = await page.goto(url(v.path), { waitUntil: 'load' });
        if (!resp || resp.status() >= 400) bad.push(`${where}: status ${resp ? resp.status() : 'none'}`);
        // Open every warning gate: a payload inside must stay inert.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      }
      diag(`${fx.browser.length} views loaded; ${dialogs.length} dialogs`);
      check(dialogs.length === 0, `${dialogs.length} dialog(s):\n${dialogs.slice(0, 30).join('\n')}`);
      check(bad.length === 0, `views that did not load:\n${bad.slice(0, 20).join('\n')}`);
      check(missing.length === 0 && fx.errors.length === 0,
        `story.py did not reach every view: missing ${missing.join(', ') || 'none'}; ` +
        `${fx.errors.length} failed steps: ${fx.errors.slice(0, 5).join(' | ')}`);
    });

  // ------------------------------------------------------------ (b) keyboard

  async function active(page) {
    return page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return {
        tag: el.tagName.toLowerCase(),
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
      seen.push(a ? `${a.tag} "${a.text.slice(0, 30)}"` : 'body');
    }
    check(false, `${what}: not reached in ${max} Tab presses on ${page.url()}; focus went to: ${seen.slice(-40).join(', ')}`);
    return null;
  }

  test('keyboard only, no JavaScript: a visitor opens a story\'s warning gate; the help banner is a landmark',
    { context: ctx({ javaScriptEnabled: false }), timeout: 600_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      await signIn(context, null);
      const stamp = `${Date.now() % 1_000_000}`;
      const slug = await plainStory(fx, stamp, ['suicide', 'separatie'], 'gepubliceerd');
      await goto(page, `/verhalen/${slug}`, 200);
      await expectH1(page);
      const text = page.getByText(`Gewoon verhaal ${stamp}.`);
      check(await page.locator('details').count() >= 1, 'a warned story has no <details> gate');
      check(!(await page.locator('details').first().evaluate((d) => d.open)),
        'the warning gate is open for a visitor');
      check(!(await text.isVisible()), 'the text shows before the gate is opened');
      // The help banner comes first: an <aside> named by its heading,
      // with phone links.
      const aside = page.locator('aside[aria-labelledby]');
      check(await aside.count() >= 1, 'no help banner (<aside aria-labelledby>) on a story about suicide');
      const hid = await aside.first().getAttribute('aria-labelledby');
      const heading = page.locator(`[id="${hid}"]`);
      check(await heading.count() === 1 && /^h[2-6]$/.test(await heading.evaluate((e) => e.tagName.toLowerCase())),
        `the banner's aria-labelledby="${hid}" names no heading`);
      check(await aside.first().locator('a[href^="tel:"]').count() >= 2, 'the banner has fewer than two tel: links');
      await tabUntil(page, (a) => a.tag === 'a' && /^tel:/.test(a.href || ''), 80, 'a tel: link of the help banner');
      // Tab to the gate's <summary>, Enter opens it.
      await tabUntil(page, (a) => a.tag === 'summary', 120, 'the <summary> of the warning gate');
      await page.keyboard.press('Enter');
      check(await page.locator('details').first().evaluate((d) => d.open), 'Enter did not open the gate');
      check(await text.isVisible(), 'the text does not show after opening the gate');
      await shot(page, 'verhaal-poort-open.png');
      // The no-<details> way: a plain link.
      await goto(page, `/verhalen/${slug}?tonen=1`, 200);
      check(await text.isVisible(), '?tonen=1 does not show the text');
    });

  // ------------------------------------------------------------ (c) axe

  test('axe: 0 violations on a warned story page, gate closed and open (visitor)',
    { context: ctx(), timeout: 600_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      await signIn(context, null);
      const slug = await plainStory(fx, `${Date.now() % 1_000_000}`, ['zelfbeschadiging'], 'gepubliceerd');
      await goto(page, `/verhalen/${slug}`, 200);
      await expectH1(page);
      await expectNoAxeViolations(page, 'verhaal-dicht');
      await page.locator('details summary').first().click();
      await expectNoAxeViolations(page, 'verhaal-open');
      await goto(page, `/verhalen/${slug}?tonen=1`, 200);
      await expectNoAxeViolations(page, 'verhaal-tonen');
    });

  test('axe: 0 violations on the story review page (editor) and the editors\' story queue',
    { context: ctx(), timeout: 600_000 },
    async ({ page, context }) => {
      const fx = await fixture();
      const slug = await plainStory(fx, `${Date.now() % 1_000_000}`, ['verlies'], 'ter_review');
      await signIn(context, fx.cookies.editor);
      await goto(page, `/verhalen/${slug}/beoordelen`, 200);
      await expectH1(page);
      await expectNoAxeViolations(page, 'verhaal-beoordelen');
      await goto(page, '/redactie/verhalen', 200);
      await expectH1(page);
      await expectNoAxeViolations(page, 'redactie-verhalen');
    });

  const axeViews = [
    ['verhalen', null], ['verhaal (verteller)', 'storyteller'], ['bewerken', 'storyteller'],
    ['mijn verhalen', 'storyteller'], ['reikwijdte', 'storyteller'], ['auteur', 'admin'],
  ];
  for (const [view, who] of axeViews) {
    test(`axe: 0 violations on the story ${view} view${who ? ` (as ${who})` : ''}`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        const v = fx.browser.find((x) => x.view === view && (who === null || x.who === who));
        check(v, `story.py reached no "${view}" view`);
        await signIn(context, who ? fx.cookies[who] : null);
        await goto(page, v.path, 200);
        await expectH1(page);
        await shot(page, `verhaal-${view.replace(/[^a-z]+/g, '-')}.png`);
        await expectNoAxeViolations(page, `verhaal-${view}`);
      });
  }

  for (const [p, who] of [['/verhalen/nieuw', 'storyteller'], ['/zoeken?q=zelfdoding', null],
    ['/verhalen', 'member']]) {
    test(`axe: 0 violations on ${p}${who ? ` (as ${who})` : ''} (stories)`,
      { context: ctx(), timeout: 600_000 },
      async ({ page, context }) => {
        const fx = await fixture();
        await signIn(context, who ? fx.cookies[who] : null);
        await goto(page, p, 200);
        await expectH1(page);
        await expectNoAxeViolations(page, `axe-${p.replace(/[^a-z]+/g, '-')}`);
        if (p.startsWith('/zoeken')) {
          check(await page.locator('aside[aria-labelledby]').count() >= 1,
            'no help banner on /zoeken?q=zelfdoding');
        }
      });
  }
}
