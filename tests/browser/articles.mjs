// Browser tests for articles (issue 5):
//  (a) R2 in a real browser: every view of the XSS payload articles made by
//      tests/xss/run.py (every payload in every text field, through the real
//      forms) is loaded in Chromium, and the preview and the 409 page are
//      reached by submitting the editor form; not one dialog may open. The
//      context bypasses the Content-Security-Policy, so what is tested is
//      the escaping itself, not the CSP that would also stop inline script.
//  (b) keyboard only (Tab, Enter, Space, arrows; no clicks, no fill): a
//      member writes an article, previews it, saves and submits it; an
//      editor opens /redactie, reviews and publishes it; the page then says
//      "Goedgekeurd door".
//  (c) axe-core: 0 violations on the article page, /artikelen, the editor
//      (empty, after a preview, with an error), history, diff, a revision,
//      theme page, /account/artikelen, /redactie/themas, /redactie and the
//      review page. (Not inside the keyboard test: that one runs without
//      JavaScript, and axe needs it.)
//
// run.mjs owns the runner and the generic helpers; it passes them in:
//   defineArticleTests({ test, check, diag, url, goto, shot,
//     expectNoAxeViolations, expectH1 })
//
// Accounts and the payload articles come from tests/xss/run.py (python3,
// needs BRON_DATABASE_URL to make the editor); made once per run, on first
// use, and shared by the tests.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUN_PY = path.join(HERE, '..', 'xss', 'run.py');

function randomIp() {
  const b = () => 1 + Math.floor(Math.random() * 254);
  return `10.${b()}.${b()}.${b()}`;
}

function ctx(extra = {}) {
  return { extraHTTPHeaders: { 'X-Real-IP': randomIp() }, ...extra };
}

export function defineArticleTests(h) {
  const { test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1 } = h;

  // ------------------------------------------------------------ fixtures

  function python(args, timeoutMs) {
    return new Promise((resolve) => {
      execFile('python3', [RUN_PY, ...args], {
        env: { ...process.env, BRON_URL: url('') },
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
      }, (err, stdout, stderr) => resolve({ err, stdout, stderr }));
    });
  }

  async function pyJson(args, timeoutMs, what) {
    check(process.env.BRON_DATABASE_URL, `${what}: BRON_DATABASE_URL is not set ` +
      '(tests/xss/run.py makes an editor through the database)');
    const dir = await mkdtemp(path.join(tmpdir(), 'bron-xss-'));
    const out = path.join(dir, 'out.json');
    try {
      const r = await python([...args, out], timeoutMs);
      let data = null;
      try { data = JSON.parse(await readFile(out, 'utf8')); } catch { /* below */ }
      if (!data) {
        check(false, `${what}: tests/xss/run.py wrote nothing (${r.err ? r.err.message : 'no error'})\n` +
          `${r.stdout}\n${r.stderr}`.slice(-3000));
      }
      data.log = r.stdout;
      return data;
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    }
  }

  const shared = {};
  function once(key, make) {
    if (!shared[key]) {
      shared[key] = make();
      shared[key].catch(() => { delete shared[key]; });
    }
    return shared[key];
  }

  // Every payload through every form: views to load, accounts' cookies.
  const payloadFixture = () => once('payloads', () =>
    pyJson(['--review-copies', '--out'], 540_000, 'XSS payload articles'));

  // The review copies are fixtures of test (a) only: delete them after it,
  // so the editors' queue of a long-lived database does not keep growing.
  function deleteItems(ids) {
    if (!ids || ids.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      execFile('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', process.env.BRON_DATABASE_URL,
        '-c', `DELETE FROM item WHERE id IN (${ids.map((i) => Number(i)).join(',')})`],
      { timeout: 20_000 }, (err, stdout, stderr) => {
        if (err) diag(`could not delete the review copies: ${stderr || err.message}`);
        resolve();
      });
    });
  }
  // A fresh member and editor, signed in, and an article waiting for review.
  const accounts = () => once('accounts', () =>
    pyJson(['--accounts'], 60_000, 'accounts'));

  async function signIn(context, acct) {
    await context.clearCookies();
    if (!acct) return;
    const host = new URL(url('/')).hostname;
    await context.addCookies(acct.cookies.map((c) => ({
      name: c.name, value: c.value, domain: host, path: '/',
      secure: c.secure, httpOnly: true, sameSite: 'Lax',
    })));
    await context.setExtraHTTPHeaders({ 'X-Real-IP': acct.ip });
  }

  // ------------------------------------------------------------ keyboard

  async function active(page) {
    return page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const label = el.labels && el.labels.length ? el.labels[0].textContent : '';
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        type: (el.getAttribute('type') || '').toLowerCase(),
        name: el.getAttribute('name'),
        value: 'value' in el ? el.value : null,
        href: el.getAttribute('href'),
        text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 80),
        label: (label || '').trim().replace(/\s+/g, ' '),
        checked: !!el.checked,
        inMain: !!el.closest('main'),
        html: el.outerHTML.slice(0, 160),
      };
    });
  }

  function show(a) {
    return a ? (a.html || a.tag) : 'nothing (body)';
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

  function chainOf(resp) {
    const out = [];
    for (let r = resp.request(); r; r = r.redirectedFrom()) out.unshift(r);
    return Promise.all(out.map(async (r) => {
      const rr = await r.response();
      return `${r.method()} ${new URL(r.url()).pathname} ${rr ? rr.status() : '-'}`;
    }));
  }

  // Type into the field named `name`, reached with Tab from where focus is.
  async function tabType(page, name, text, max = 40) {
    const a = await tabUntil(page, (x) => x.name === name && x.tag !== 'button', max, `field "${name}"`);
    check(a.tag === 'textarea' || a.tag === 'input', `field "${name}" is a <${a.tag}>`);
    await page.keyboard.type(text);
    return a;
  }

  const submitButton = (name, value) => (x) => x.tag === 'button' && x.name === name && x.value === value;

  async function mainText(page) {
    return ((await page.locator('main').textContent()) || '').replace(/\s+/g, ' ');
  }

  function pathOf(page) {
    return new URL(page.url()).pathname;
  }

  // ------------------------------------------------------------ (a) R2

  test('R2 in Chromium: every view of the payload articles opens 0 dialogs (CSP bypassed)',
    { context: ctx({ bypassCSP: true }), timeout: 900_000 },
    async ({ page, context }) => {
      const fx = await payloadFixture();
      diag(`fixture: ${fx.figure}`);
      try {
        await loadPayloadViews(page, context, fx);
      } finally {
        await deleteItems(fx.copies);
      }
    });

  async function loadPayloadViews(page, context, fx) {
    // Every kind of view must be there: a failed step upstream would
    // otherwise shrink this test to the views that happen to work.
    const kinds = new Set(fx.browser.map((v) => v.view));
    const missing = ['artikel', 'artikel (auteur)', 'lijst', 'lijst (tag)', 'themapagina', 'themas',
      'bewerken', 'geschiedenis', 'verschil', 'versie', 'beoordelen', 'redactie', 'mijn artikelen',
      'themabeheer'].filter((k) => !kinds.has(k));

    const dialogs = [];
    let where = '';
    page.on('dialog', async (d) => {
      dialogs.push(`${d.type()}("${d.message()}") on ${where}`);
      await d.dismiss().catch(() => {});
    });
    let who = undefined;
    let loads = 0;
    const bad = [];
    for (const v of fx.browser) {
      if (v.who !== who) {
        who = v.who;
        await signIn(context, who ? fx.cookies[who] : null);
      }
      where = `${v.view} ${v.path} (${v.who || 'bezoeker'})`;
      const resp = await page.goto(url(v.path), { waitUntil: 'load' });
      loads++;
      if (!resp || resp.status() >= 400) bad.push(`${where}: status ${resp ? resp.status() : 'none'}`);
    }

    // POST views: the preview and the 409 page, by submitting the form.
    const slugs = [...new Set(fx.browser.filter((v) => v.view === 'bewerken')
      .map((v) => v.path.split('/')[2]))];
    await signIn(context, fx.cookies.member);
    let posts = 0;
    for (const s of slugs) {
      for (const action of ['preview', 'save']) {
        where = `${action === 'save' ? '409' : 'preview'} of /artikelen/${s}`;
        await page.goto(url(`/artikelen/${s}/bewerken`), { waitUntil: 'load' });
        // A stale base makes "save" a conflict: nothing is written.
        if (action === 'save') {
          const n = await page.evaluate(() => {
            const b = document.querySelector('form input[name="base"]');
            if (b) b.value = '1';
            return b ? 1 : 0;
          });
          check(n === 1, `no base field in the editor form of /artikelen/${s}/bewerken`);
        }
        const btn = page.locator(`form button[name="action"][value="${action}"]`);
        check(await btn.count() === 1, `no button action=${action} in the editor form of ${s}`);
        const [resp] = await Promise.all([
          page.waitForNavigation({ waitUntil: 'load' }),
          btn.click(),
        ]);
        posts++;
        const want = action === 'save' ? 409 : 200;
        if (!resp || resp.status() !== want) bad.push(`${where}: status ${resp ? resp.status() : 'none'}, expected ${want}`);
      }
    }
    diag(`${loads} GET views and ${posts} form posts of ${slugs.length} payload articles loaded; ${dialogs.length} dialogs`);
    check(dialogs.length === 0, `${dialogs.length} dialog(s) opened:\n${dialogs.slice(0, 30).join('\n')}`);
    check(bad.length === 0, `views that did not load:\n${bad.slice(0, 20).join('\n')}`);
    check(missing.length === 0 && fx.errors.length === 0,
      `the payload run (tests/xss/run.py) did not reach every view: missing ${missing.join(', ') || 'none'}; ` +
      `${fx.errors.length} failed steps: ${fx.errors.slice(0, 5).join(' | ')}`);
  }

  // ------------------------------------------------------------ (b) keyboard

  test('keyboard only: a member writes, previews, saves and submits an article; an editor reviews and publishes it',
    { context: ctx({ javaScriptEnabled: false }), timeout: 180_000 },
    async ({ page, context }) => {
      const acc = await accounts();
      await signIn(context, acc.member);
      const stamp = `${Date.now() % 1_000_000}`;
      const title = `Toetsartikel toetsenbord ${stamp}`;
      const summary = 'Dit artikel is met alleen het toetsenbord geschreven.';
      const body = '## Eerste kop\n\nEen alinea met **vette** tekst.\n\n## Tweede kop\n\nNog een alinea.';

      let resp = await goto(page, '/artikelen/nieuw', 200);
      await expectH1(page);
      await page.keyboard.press('Tab');
      let a = await active(page);
      check(a && a.href === '#inhoud', `first Tab on /artikelen/nieuw: ${show(a)}, expected the skip link`);
      await page.keyboard.press('Enter');
      await tabType(page, 'title', title);
      await tabType(page, 'summary', summary);
      await tabType(page, 'body', body);

      // Preview: the button with action=preview, pressed with Enter.
      // Past every theme checkbox (the test database may hold many).
      a = await tabUntil(page, submitButton('action', 'preview'), 600, 'the preview button');
      resp = await pressAndWait(page, 'Enter');
      diag(`preview: ${(await chainOf(resp)).join(' → ')}`);
      check(resp.status() === 200, `preview: status ${resp.status()}, expected 200`);
      check(pathOf(page) === '/artikelen/nieuw', `preview went to ${pathOf(page)}`);
      const prev = await page.evaluate(() => [...document.querySelectorAll('main h2, main h3')]
        .map((x) => x.textContent.trim()));
      check(prev.includes('Eerste kop') && prev.includes('Tweede kop'),
        `the preview does not show the rendered headings; headings in <main>: ${prev.join(' | ')}`);
      check(await page.locator('main strong', { hasText: 'vette' }).count() > 0, 'the preview does not render **vette** as <strong>');
      check(await page.inputValue('[name="title"]') === title, 'the title did not come back after the preview');
      check((await page.inputValue('[name="body"]')).replace(/\r\n/g, '\n') === body, 'the body did not come back intact after the preview');
      await shot(page, 'artikel-voorbeeld.png');

      // Save: from the top of the page, Tab to the save button.
      await page.keyboard.press('Tab');
      await tabUntil(page, submitButton('action', 'save'), 800, 'the save button');
      resp = await pressAndWait(page, 'Enter');
      let steps = await chainOf(resp);
      diag(`save: ${steps.join(' → ')}`);
      check(steps[0] === 'POST /artikelen/nieuw 303', `save: ${steps.join(' → ')}, expected POST /artikelen/nieuw 303 first`);
      const slug = pathOf(page).split('/')[2];
      check(/^\/artikelen\/[a-z0-9-]+$/.test(pathOf(page)) && resp.status() === 200,
        `after saving: at ${page.url()} (status ${resp.status()})`);
      check((await expectH1(page)) === title, 'the saved article page has another <h1>');

      // Submit for review.
      a = await tabUntil(page, (x) => x.tag === 'button' && /indienen/i.test(x.text), 80, '"Indienen voor review"');
      resp = await pressAndWait(page, 'Enter');
      steps = await chainOf(resp);
      diag(`submit: ${steps.join(' → ')}`);
      check(steps[0] === `POST /artikelen/${slug}/status 303`, `submit: ${steps.join(' → ')}`);
      check(await page.locator('main').getByText(/review/i).count() > 0, 'after submitting, the page does not mention the review');

      // The editor: /redactie, the article, the review page.
      await signIn(context, acc.editor);
      await goto(page, '/redactie', 200);
      await expectH1(page);
      await shot(page, 'redactie-toetsenbord.png');
      a = await tabUntil(page, (x) => x.tag === 'a' && x.inMain && x.text.includes(title), 200, `the link to "${title}" on /redactie`);
      resp = await pressAndWait(page, 'Enter');
      if (!pathOf(page).endsWith('/beoordelen')) {
        a = await tabUntil(page, (x) => x.tag === 'a' && x.href && x.href.endsWith('/beoordelen'), 80, 'the "Beoordelen" link');
        resp = await pressAndWait(page, 'Enter');
      }
      check(pathOf(page) === `/artikelen/${slug}/beoordelen` && resp.status() === 200,
        `the editor reached ${pathOf(page)} (status ${resp.status()}), expected /artikelen/${slug}/beoordelen`);
      const shown = await mainText(page);
      check(shown.includes(title) && shown.includes(summary) && shown.includes('Een alinea met vette tekst'),
        'the review page does not show the article as it would be published');
      await shot(page, 'beoordelen-toetsenbord.png');

      // The decision: goedkeuren (radios, or one button per decision) and
      // a note, in the form's own order; then submit.
      const NOTE = 'Helder geschreven, goedgekeurd.';
      let typed = false;
      let chosen = false;
      for (let k = 0; k < 3 && !chosen; k++) {
        a = await tabUntil(page, (x) => x.name === 'decision' || (!typed && x.name === 'note'), 80,
          'the decision control or the note');
        if (a.name === 'note') {
          await page.keyboard.type(NOTE);
          typed = true;
        } else if (a.type === 'radio') {
          for (let i = 0; i < 4 && !(a.value === 'goedkeuren' && a.checked); i++) {
            await page.keyboard.press(a.value === 'goedkeuren' ? 'Space' : 'ArrowDown');
            a = await active(page);
          }
          check(a.value === 'goedkeuren' && a.checked, `could not choose "goedkeuren" with the keyboard: ${show(a)}`);
          if (!typed) await tabType(page, 'note', NOTE, 10);
          typed = true;
          await tabUntil(page, (x) => x.tag === 'button' && x.type !== 'button' && x.type !== 'reset', 10,
            'the submit button of the review form');
          chosen = true;
        } else if (a.tag === 'button') {
          check(typed, `the decision buttons come before the note field: ${show(a)}`);
          if (a.value !== 'goedkeuren') a = await tabUntil(page, submitButton('decision', 'goedkeuren'), 4, 'the "goedkeuren" button');
          chosen = true;
        } else {
          check(false, `unexpected decision control: ${show(a)}`);
        }
      }
      check(chosen && typed, 'the review form was not filled in');
      resp = await pressAndWait(page, 'Enter');
      steps = await chainOf(resp);
      diag(`review: ${steps.join(' → ')}`);
      check(steps[0] === `POST /artikelen/${slug}/beoordelen 303`, `review: ${steps.join(' → ')}`);
      check(pathOf(page) === `/artikelen/${slug}` && resp.status() === 200, `after approving: at ${page.url()}`);
      const pub = await mainText(page);
      check(/Goedgekeurd door/.test(pub), `the published page does not say "Goedgekeurd door": ${pub.slice(0, 400)}`);
      check(pub.includes(NOTE), 'the approval note is not on the published page');
      await shot(page, 'artikel-goedgekeurd.png');

      // A visitor now sees it.
      await signIn(context, null);
      resp = await goto(page, `/artikelen/${slug}`, 200);
      check(/Goedgekeurd door/.test(await mainText(page)), 'a visitor does not see "Goedgekeurd door"');
    });

  // ------------------------------------------------------------ (c) axe

  const axePages = [
    { label: 'artikel', who: null, view: 'artikel' },
    { label: 'artikelen', who: null, path: '/artikelen' },
    { label: 'artikel-nieuw', who: 'member', path: '/artikelen/nieuw' },
    { label: 'artikel-bewerken', who: 'member', view: 'bewerken' },
    { label: 'artikel-geschiedenis', who: 'member', view: 'geschiedenis' },
    { label: 'artikel-verschil', who: 'member', view: 'verschil' },
    { label: 'artikel-versie', who: 'member', view: 'versie' },
    { label: 'themapagina', who: null, view: 'themapagina' },
    { label: 'account-artikelen', who: 'member', path: '/account/artikelen' },
    { label: 'redactie-themas', who: 'editor', path: '/redactie/themas' },
    { label: 'redactie', who: 'editor', path: '/redactie' },
    { label: 'beoordelen', who: 'editor', path: '/artikelen/{review}/beoordelen' },
  ];
  for (const { label, who, view, path: p } of axePages) {
    test(`axe: 0 violations on ${p || `the ${view} view`}${who ? ` (as ${who})` : ''}`,
      { context: ctx(), timeout: view ? 600_000 : 60_000 },
      async ({ page, context }) => {
        let target = p;
        let acct = null;
        if (view) {
          const fx = await payloadFixture();
          const v = fx.browser.find((x) => x.view === view && x.who === who);
          check(v, `the payload run reached no "${view}" view for ${who || 'a visitor'}`);
          target = v.path;
          acct = who ? fx.cookies[who] : null;
        } else if (who) {
          const acc = await accounts();
          acct = acc[who];
          target = target.replace('{review}', acc.review_slug);
        }
        await signIn(context, acct);
        const resp = await goto(page, target);
        check(resp.status() === 200, `GET ${target}: status ${resp.status()}`);
        await expectH1(page);
        await shot(page, `${label}.png`);
        await expectNoAxeViolations(page, label);
      });
  }

  test('axe: 0 violations on the editor after a preview and with a field error',
    { context: ctx(), timeout: 60_000 },
    async ({ page, context }) => {
      await signIn(context, (await accounts()).member);
      await goto(page, '/artikelen/nieuw', 200);
      await page.locator('[name="title"]').fill('Voorbeeldtoets');
      await page.locator('[name="summary"]').fill('Kort.');
      await page.locator('[name="body"]').fill('## Kop een\n\nTekst.\n\n## Kop twee\n\nMeer tekst.');
      let [resp] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('button[name="action"][value="preview"]').click(),
      ]);
      check(resp.status() === 200, `preview: status ${resp.status()}`);
      await expectNoAxeViolations(page, 'artikel-voorbeeld');
      await page.locator('[name="title"]').fill('');
      [resp] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('button[name="action"][value="save"]').click(),
      ]);
      check(resp.status() === 400, `save without a title: status ${resp.status()}, expected 400`);
      await expectNoAxeViolations(page, 'artikel-fout');
    });
}
