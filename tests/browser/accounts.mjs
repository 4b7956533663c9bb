// Browser and accessibility tests for the account pages (issue 4): keyboard
// only sign-up, sign-out and sign-in without JavaScript, form error states,
// axe-core on every account page, and the header menu per role.
//
// run.mjs owns the runner and the generic helpers; it passes them in:
//   defineAccountTests({ test, check, diag, url, goto, shot,
//     expectNoAxeViolations, expectH1, base })
//
// Accounts: every test that needs one signs up with a unique e-mail address
// (Date.now() + pid + counter). The pages tests share two accounts made once
// per run over plain HTTP (a member, and an admin promoted through psql) and
// hand their cookies to each fresh browser. Every browser claims its own
// X-Real-IP (the test server trusts it: BRON_TRUST_PROXY=1), so the per-IP
// limits on sign-up and sign-in never trip over the HTTP suite's traffic.

import { execFileSync } from 'node:child_process';

const PASSWORD = 'blauwe reiger vist heel langzaam';
const WRONG_PASSWORD = 'dit is niet het goede wachtwoord';

let seq = 0;
export function uniqueEmail(tag) {
  seq += 1;
  return `browser-${tag}-${Date.now()}-${process.pid}-${seq}@example.org`;
}

function uniqueName(tag) {
  return `Toets ${tag} ${Date.now() % 1_000_000}${seq}`;
}

function randomIp() {
  const b = () => 1 + Math.floor(Math.random() * 254);
  return `10.${b()}.${b()}.${b()}`;
}

// Context options for a test: its own client IP, optionally no JavaScript.
function ctx(extra = {}) {
  return { extraHTTPHeaders: { 'X-Real-IP': randomIp() }, ...extra };
}

export function defineAccountTests(h) {
  const { test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1 } = h;

  // ------------------------------------------------------------ database

  // psql with the DSN from the environment; the SQL comes on stdin so
  // psql's :'var' quoting applies (-c does not interpolate variables).
  function psql(sql, vars = {}) {
    const dsn = process.env.BRON_DATABASE_URL;
    check(dsn, 'BRON_DATABASE_URL is not set: this test changes a role through the ' +
      'database (make test sets it; by hand: BRON_DATABASE_URL="host=... port=... dbname=... user=..." tests/browser/run.sh)');
    const args = [dsn, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1'];
    for (const [k, v] of Object.entries(vars)) args.push('-v', `${k}=${v}`);
    try {
      return execFileSync('psql', args, { input: sql, encoding: 'utf8', timeout: 10_000 }).trim();
    } catch (e) {
      check(false, `psql failed: ${(e.stderr || e.message || '').toString().trim()}`);
    }
    return '';
  }

  function makeAdmin(email) {
    const out = psql("UPDATE account SET role = 'beheerder' WHERE email = :'email' RETURNING id;\n", { email });
    check(/^\d+$/.test(out), `could not make ${email} an admin (psql printed ${JSON.stringify(out)})`);
    return out;
  }

  // ------------------------------------------------------------ plain HTTP

  class Jar {
    constructor() { this.cookies = new Map(); }
    header() {
      return [...this.cookies].map(([k, v]) => `${k}=${v.value}`).join('; ');
    }
    take(resp) {
      for (const sc of resp.headers.getSetCookie()) {
        const [pair, ...attrs] = sc.split(';');
        const i = pair.indexOf('=');
        if (i < 1) continue;
        const name = pair.slice(0, i).trim();
        const value = pair.slice(i + 1).trim();
        const gone = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
        const secure = attrs.some((a) => /^\s*secure\s*$/i.test(a));
        if (gone || value === '') this.cookies.delete(name);
        else this.cookies.set(name, { value, secure });
      }
    }
  }

  async function http(client, method, p, form) {
    const headers = { 'X-Real-IP': client.ip, 'Accept-Language': 'nl-NL,nl;q=0.9' };
    const cookie = client.jar.header();
    if (cookie) headers.Cookie = cookie;
    let body;
    if (form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers.Origin = new URL(url('/')).origin;
      body = new URLSearchParams(form).toString();
    }
    const r = await fetch(url(p), {
      method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(15_000),
    });
    client.jar.take(r);
    return { status: r.status, headers: r.headers, text: await r.text() };
  }

  function formToken(html) {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    return m ? m[1] : null;
  }

  // Sign up over HTTP; the client keeps the session cookie.
  async function registerHttp(tag, kind = 'professional') {
    const client = {
      jar: new Jar(), ip: randomIp(), email: uniqueEmail(tag), name: uniqueName(tag), password: PASSWORD,
    };
    const g = await http(client, 'GET', '/registreren');
    check(g.status === 200, `GET /registreren: status ${g.status}`);
    const tok = formToken(g.text);
    check(tok, 'GET /registreren: no _csrf field in the form');
    const r = await http(client, 'POST', '/registreren', {
      _csrf: tok, email: client.email, name: client.name, password: client.password, kind,
    });
    check(r.status === 303, `POST /registreren for a fixture account: status ${r.status}, expected 303`);
    check(client.jar.cookies.size > 0, 'POST /registreren set no cookie');
    return client;
  }

  // Accounts shared by the page tests, made once per run (on first use).
  const fixtures = {};
  function fixture(role) {
    if (!fixtures[role]) {
      fixtures[role] = (async () => {
        const c = await registerHttp(role);
        if (role === 'admin') c.id = makeAdmin(c.email);
        return c;
      })();
      fixtures[role].catch(() => { delete fixtures[role]; });
    }
    return fixtures[role];
  }

  // Hand a client's cookies to a browser. The server marks them Secure
  // (__Host- names) unless it runs with insecure cookies; Chromium keeps
  // Secure cookies for http://127.0.0.1 too (a trustworthy origin).
  async function giveCookies(context, c) {
    await context.addCookies([...c.jar.cookies].map(([name, v]) => ({
      name, value: v.value, domain: new URL(url('/')).hostname, path: '/',
      secure: v.secure, httpOnly: true, sameSite: 'Lax',
    })));
  }

  async function signInBrowser(context, role) {
    const c = await fixture(role);
    await giveCookies(context, c);
    return c;
  }

  // The signed-in account's id: the profile link on /account, else the DB.
  async function ownId(page, c) {
    if (c.id) return c.id;
    const resp = await goto(page, '/account');
    const href = resp.status() !== 200 ? null
      : await page.locator('main a[href^="/mensen/"]').first().getAttribute('href', { timeout: 2_000 }).catch(() => null);
    const m = href && /^\/mensen\/(\d+)$/.exec(href);
    if (m) c.id = m[1];
    else c.id = psql("SELECT id FROM account WHERE email = :'email';\n", { email: c.email });
    check(/^\d+$/.test(c.id || ''), `no account id for ${c.email}`);
    return c.id;
  }

  // ------------------------------------------------------------ focus

  async function active(page) {
    return page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const cs = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        type: (el.getAttribute('type') || '').toLowerCase(),
        name: el.getAttribute('name'),
        href: el.getAttribute('href'),
        text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 80),
        checked: !!el.checked,
        inHeader: !!el.closest('header'),
        inMain: !!el.closest('main'),
        form: el.form ? el.form.getAttribute('action') : null,
        outlineStyle: cs.outlineStyle,
        outlineWidth: parseFloat(cs.outlineWidth) || 0,
        boxShadow: cs.boxShadow,
        focusVisible: el.matches(':focus-visible'),
        html: el.outerHTML.slice(0, 160),
      };
    });
  }

  function show(a) {
    return a ? a.html : 'nothing (body)';
  }

  // The focused element draws a focus indicator: a real outline (the CSS
  // gives 3px) while :focus-visible matches.
  function expectRing(a, what) {
    check(a, `${what}: nothing has focus`);
    check(a.outlineStyle !== 'none' && a.outlineWidth >= 2,
      `${what}: the focused element shows no focus outline ` +
      `(outline-style ${a.outlineStyle}, outline-width ${a.outlineWidth}px, ` +
      `box-shadow ${a.boxShadow}, :focus-visible ${a.focusVisible}): ${a.html}`);
  }

  // Press Tab once and return the newly focused element.
  async function tab(page) {
    await page.keyboard.press('Tab');
    return active(page);
  }

  // Tab from where focus is until pred(active) holds; at most max presses.
  async function tabUntil(page, pred, max, what) {
    const seen = [];
    for (let i = 0; i < max; i++) {
      const a = await tab(page);
      if (a && pred(a)) return { a, seen };
      seen.push(a ? (a.id ? `#${a.id}` : `${a.tag} "${a.text}"`) : 'body');
    }
    check(false, `${what}: not reached in ${max} Tab presses; focus went to: ${seen.join(', ')}`);
    return null;
  }

  // From the top of a freshly loaded page: Tab to the skip link, Enter to
  // jump to <main>; the next Tab lands on main's first control.
  async function skipToMain(page) {
    const a = await tab(page);
    check(a && a.href === '#inhoud', `first Tab on ${page.url()} did not reach the skip link but: ${show(a)}`);
    await page.keyboard.press('Enter');
    const hash = await page.evaluate(() => location.hash);
    check(hash === '#inhoud', `Enter on the skip link: location.hash=${JSON.stringify(hash)}`);
  }

  // Press a key that submits a form or follows a link; wait for the page.
  async function pressAndWait(page, key) {
    const [resp] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.keyboard.press(key),
    ]);
    check(resp !== null, `${key}: no navigation`);
    return resp;
  }

  // Status codes along the redirect chain of a navigation, first to last.
  function chain(resp) {
    const out = [];
    for (let r = resp.request(); r; r = r.redirectedFrom()) out.unshift(r);
    return Promise.all(out.map(async (r) => {
      const rr = await r.response();
      return `${r.method()} ${new URL(r.url()).pathname} ${rr ? rr.status() : '-'}`;
    }));
  }

  function pathOf(page) {
    const u = new URL(page.url());
    return u.pathname;
  }

  // ------------------------------------------------------------ header

  async function userNav(page) {
    return page.evaluate(() => {
      const nav = document.querySelector('header nav.user-nav') ||
        [...document.querySelectorAll('header nav')].find((n) => /account/i.test(n.getAttribute('aria-label') || ''));
      if (!nav) return null;
      const norm = (s) => (s || '').trim().replace(/\s+/g, ' ');
      return {
        label: nav.getAttribute('aria-label'),
        text: norm(nav.textContent),
        links: [...nav.querySelectorAll('a[href]')].map((a) => ({
          text: norm(a.textContent), href: a.getAttribute('href'),
        })),
        buttons: [...nav.querySelectorAll('button')].map((b) => ({
          text: norm(b.textContent),
          type: (b.getAttribute('type') || 'submit').toLowerCase(),
          method: b.form ? (b.form.getAttribute('method') || 'get').toLowerCase() : null,
          action: b.form ? b.form.getAttribute('action') : null,
          csrf: b.form ? !!b.form.querySelector('input[type=hidden][name=_csrf][value]') : false,
        })),
      };
    });
  }

  function navLink(nav, text, href) {
    return nav.links.find((l) => l.text.startsWith(text) && l.href === href);
  }

  function describeNav(nav) {
    return `links: ${nav.links.map((l) => `"${l.text}"→${l.href}`).join(', ') || 'none'}; ` +
      `buttons: ${nav.buttons.map((b) => `"${b.text}"`).join(', ') || 'none'}`;
  }

  async function expectVisitorMenu(page) {
    const nav = await userNav(page);
    check(nav, `no account menu (<nav class="user-nav">) in the header of ${page.url()}`);
    check(navLink(nav, 'Inloggen', '/inloggen'), `visitor menu lacks an "Inloggen" link to /inloggen; ${describeNav(nav)}`);
    check(navLink(nav, 'Account maken', '/registreren'), `visitor menu lacks an "Account maken" link to /registreren; ${describeNav(nav)}`);
    check(!nav.buttons.some((b) => b.text === 'Uitloggen'), `visitor menu shows "Uitloggen"; ${describeNav(nav)}`);
    check(!nav.links.some((l) => l.href === '/account'), `visitor menu links to /account; ${describeNav(nav)}`);
    return nav;
  }

  async function expectMemberMenu(page, name, admin) {
    const nav = await userNav(page);
    check(nav, `no account menu (<nav class="user-nav">) in the header of ${page.url()}`);
    const acct = navLink(nav, 'Mijn account', '/account');
    check(acct, `signed-in menu lacks a "Mijn account" link to /account; ${describeNav(nav)}`);
    if (name) check(nav.text.includes(name), `signed-in menu does not show the display name "${name}": "${nav.text}"`);
    const out = nav.buttons.find((b) => b.text === 'Uitloggen');
    check(out, `signed-in menu lacks an "Uitloggen" button; ${describeNav(nav)}`);
    check(out.type === 'submit' && out.method === 'post' && out.action === '/uitloggen' && out.csrf,
      `"Uitloggen" is not a submit button in a POST form to /uitloggen with a _csrf field: ${JSON.stringify(out)}`);
    check(!nav.links.some((l) => l.href === '/inloggen' || l.href === '/registreren'),
      `signed-in menu still offers sign-in or sign-up; ${describeNav(nav)}`);
    const beheer = navLink(nav, 'Beheer', '/beheer/gebruikers') || nav.links.find((l) => l.text === 'Beheer');
    if (admin) check(beheer, `admin menu lacks a "Beheer" link; ${describeNav(nav)}`);
    else check(!beheer, `a member (not an admin) sees "Beheer"; ${describeNav(nav)}`);
    return nav;
  }

  // ------------------------------------------------------------ errors

  // The error summary: one role=alert box whose links point at fields.
  async function errorSummary(page) {
    return page.evaluate(() => {
      const boxes = [...document.querySelectorAll('[role="alert"]')];
      return boxes.map((b) => ({
        text: (b.textContent || '').trim().replace(/\s+/g, ' '),
        heading: !!b.querySelector('h2, h3'),
        labelled: !!(b.getAttribute('aria-labelledby') &&
          document.getElementById(b.getAttribute('aria-labelledby'))),
        links: [...b.querySelectorAll('a[href]')].map((a) => {
          const href = a.getAttribute('href');
          const id = href.startsWith('#') ? decodeURIComponent(href.slice(1)) : null;
          return { href, text: (a.textContent || '').trim(), target: id ? !!document.getElementById(id) : false };
        }),
      }));
    });
  }

  // Field (input or fieldset) with id: aria-invalid, aria-describedby with
  // its message first among the ids, every referenced id present.
  async function fieldState(page, id) {
    return page.evaluate((id) => {
      const el = document.getElementById(id);
      if (!el) return null;
      const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      return {
        tag: el.tagName.toLowerCase(),
        invalid: el.getAttribute('aria-invalid'),
        describedby: ids,
        missing: ids.filter((i) => !document.getElementById(i)),
        messages: ids.map((i) => {
          const m = document.getElementById(i);
          return m ? (m.textContent || '').trim() : null;
        }),
        value: 'value' in el ? el.value : null,
        html: el.outerHTML.slice(0, 200),
      };
    }, id);
  }

  async function expectFieldError(page, id, msgPart) {
    const f = await fieldState(page, id);
    check(f, `no element with id="${id}"`);
    check(f.invalid === 'true', `#${id} lacks aria-invalid="true": ${f.html}`);
    const errId = f.describedby.find((i) => /error/.test(i));
    check(errId, `#${id} aria-describedby (${f.describedby.join(' ') || 'none'}) names no error message`);
    check(f.missing.length === 0, `#${id} aria-describedby names missing ids: ${f.missing.join(', ')}`);
    const msg = f.messages[f.describedby.indexOf(errId)];
    check(msg && msg.length > 0, `#${id}: error message #${errId} is empty`);
    if (msgPart) check(msg.includes(msgPart), `#${id}: error message "${msg}" does not contain "${msgPart}"`);
    return f;
  }

  async function expectNoFieldError(page, id) {
    const f = await fieldState(page, id);
    check(f, `no element with id="${id}"`);
    check(f.invalid !== 'true', `#${id} has aria-invalid="true" although it was filled in correctly: ${f.html}`);
    check(f.missing.length === 0, `#${id} aria-describedby names missing ids: ${f.missing.join(', ')}`);
    return f;
  }

  function expectSummary(boxes, hrefs, where) {
    check(boxes.length === 1, `${where}: expected 1 error summary with role="alert", found ${boxes.length}`);
    const b = boxes[0];
    check(b.heading && b.labelled, `${where}: the error summary has no heading it is labelled by`);
    const got = b.links.map((l) => l.href);
    for (const h of hrefs) check(got.includes(h), `${where}: error summary lacks a link to ${h}; links: ${got.join(', ') || 'none'}`);
    for (const l of b.links) check(l.target, `${where}: error summary link ${l.href} ("${l.text}") points at no element`);
    return b;
  }

  // Submit the form holding `selector` with the keyboard (Enter in a field).
  async function submitFrom(page, selector) {
    await page.locator(selector).focus();
    return pressAndWait(page, 'Enter');
  }

  // ------------------------------------------------------------ tests

  test('keyboard only, no JavaScript: sign up on /registreren, sign out, sign in again',
    { context: ctx({ javaScriptEnabled: false }), timeout: 60_000 },
    async ({ page }) => {
      const email = uniqueEmail('kbd');
      const name = uniqueName('kbd');
      await goto(page, '/registreren', 200);
      await skipToMain(page);

      // Focus order through the form, from the top of <main>.
      let a = await tab(page);
      check(a && a.id === 'email', `first Tab in <main> of /registreren: expected #email, got ${show(a)}`);
      expectRing(a, '#email');
      await page.keyboard.type(email);
      a = await tab(page);
      check(a && a.id === 'name', `Tab after #email: expected #name, got ${show(a)}`);
      expectRing(a, '#name');
      await page.keyboard.type(name);
      a = await tab(page);
      check(a && a.id === 'password', `Tab after #name: expected #password, got ${show(a)}`);
      expectRing(a, '#password');
      await page.keyboard.type(PASSWORD);

      // Into the radio group: focus lands on the first radio (none checked).
      a = await tab(page);
      check(a && a.tag === 'input' && a.type === 'radio' && a.name === 'kind',
        `Tab after #password: expected the first "kind" radio, got ${show(a)}`);
      expectRing(a, 'first kind radio');
      await page.keyboard.press('Space');
      a = await active(page);
      check(a.checked, `Space on radio #${a.id} did not check it`);
      await page.keyboard.press('ArrowDown');
      a = await active(page);
      check(a && a.name === 'kind' && a.id === 'kind-ervaringsdeskundige' && a.checked,
        `ArrowDown in the kind group: expected #kind-ervaringsdeskundige focused and checked, got ${show(a)} (checked ${a && a.checked})`);
      expectRing(a, '#kind-ervaringsdeskundige');

      // One Tab leaves the group (radios are one tab stop); links in the
      // form (the privacy note) may come before the submit button.
      const links = [];
      for (;;) {
        a = await tab(page);
        check(a, 'Tab after the radios: focus left the page');
        check(!(a.tag === 'input' && a.name === 'kind'), `Tab after the radios stayed in the group: ${show(a)}`);
        if (a.tag !== 'a') break;
        expectRing(a, `link ${a.href}`);
        links.push(a.href);
        check(links.length <= 2, `more than 2 links between the radios and the submit button: ${links.join(', ')}`);
      }
      check(a.tag === 'button' && a.type === 'submit' && a.form === '/registreren',
        `after the radios${links.length ? ` and ${links.join(', ')}` : ''}: expected the submit button of the form, got ${show(a)}`);
      expectRing(a, 'submit button');

      let resp = await pressAndWait(page, 'Enter');
      const steps = await chain(resp);
      diag(`sign-up: ${steps.join(' → ')}`);
      check(steps[0] === 'POST /registreren 303', `sign-up POST: ${steps.join(' → ')} (expected POST /registreren 303 first)`);
      check(pathOf(page) === '/account' && resp.status() === 200,
        `after signing up: at ${pathOf(page)} with status ${resp.status()}, expected /account 200`);
      await expectMemberMenu(page, name, false);
      await shot(page, 'kbd-signed-up.png');

      // Sign out: Tab from the top of the page to the header's button.
      let r = await tabUntil(page, (x) => x.tag === 'button' && x.text === 'Uitloggen', 12, '"Uitloggen" in the header');
      check(r.a.inHeader, `the first "Uitloggen" button reached by Tab is not in the header: ${r.a.html}`);
      expectRing(r.a, '"Uitloggen"');
      resp = await pressAndWait(page, 'Enter');
      diag(`sign-out: ${(await chain(resp)).join(' → ')}`);
      check(pathOf(page) === '/', `after signing out: at ${pathOf(page)}, expected /`);
      await expectVisitorMenu(page);

      // Signed out for real: /account sends to the sign-in page.
      resp = await goto(page, '/account');
      check(pathOf(page) === '/inloggen', `after signing out, /account ended at ${pathOf(page)} (status ${resp.status()}), expected /inloggen`);

      // Sign in again: header link, then the form, keyboard only.
      await goto(page, '/', 200);
      r = await tabUntil(page, (x) => x.tag === 'a' && x.href === '/inloggen', 12, '"Inloggen" link in the header');
      check(r.a.inHeader, `the first /inloggen link reached by Tab is not in the header: ${r.a.html}`);
      expectRing(r.a, '"Inloggen" link');
      resp = await pressAndWait(page, 'Enter');
      check(pathOf(page) === '/inloggen' && resp.status() === 200, `Enter on "Inloggen": at ${pathOf(page)} status ${resp.status()}`);
      await skipToMain(page);
      a = await tab(page);
      check(a && a.id === 'email', `first Tab in <main> of /inloggen: expected #email, got ${show(a)}`);
      expectRing(a, '#email on /inloggen');
      await page.keyboard.type(email);
      a = await tab(page);
      check(a && a.id === 'password', `Tab after #email on /inloggen: expected #password, got ${show(a)}`);
      expectRing(a, '#password on /inloggen');
      await page.keyboard.type(PASSWORD);
      resp = await pressAndWait(page, 'Enter');
      const steps2 = await chain(resp);
      diag(`sign-in: ${steps2.join(' → ')}`);
      check(steps2[0] === 'POST /inloggen 303', `sign-in POST: ${steps2.join(' → ')} (expected POST /inloggen 303 first)`);
      check(pathOf(page) === '/account' && resp.status() === 200,
        `after signing in: at ${pathOf(page)} with status ${resp.status()}, expected /account 200`);
      await expectMemberMenu(page, name, false);
      await shot(page, 'kbd-signed-in.png');
    });

  test('keyboard only, no JavaScript: signing in from a protected page returns there (terug)',
    { context: ctx({ javaScriptEnabled: false }), timeout: 45_000 },
    async ({ page }) => {
      const c = await fixture('member');
      let resp = await goto(page, '/account/export');
      const u = new URL(page.url());
      check(u.pathname === '/inloggen' && u.searchParams.get('terug') === '/account/export',
        `signed out, /account/export ended at ${u.pathname}${u.search} (status ${resp.status()}), expected /inloggen?terug=/account/export`);
      const back = await page.locator('form[action="/inloggen"] input[name="terug"]').getAttribute('value').catch(() => null);
      check(back === '/account/export', `the sign-in form carries terug=${JSON.stringify(back)}, expected "/account/export"`);
      await skipToMain(page);
      let a = await tab(page);
      check(a && a.id === 'email', `first Tab in <main> of /inloggen: expected #email, got ${show(a)}`);
      await page.keyboard.type(c.email);
      a = await tab(page);
      check(a && a.id === 'password', `Tab after #email: expected #password, got ${show(a)}`);
      await page.keyboard.type(c.password);
      resp = await pressAndWait(page, 'Enter');
      diag(`sign-in: ${(await chain(resp)).join(' → ')}`);
      check(pathOf(page) === '/account/export' && resp.status() === 200,
        `after signing in: at ${pathOf(page)} with status ${resp.status()}, expected /account/export 200`);
      await expectMemberMenu(page, c.name, false);
    });

  test('/registreren with an empty form: 400, error summary links to each field, aria-invalid + aria-describedby, 0 axe violations',
    { context: ctx() },
    async ({ page }) => {
      await goto(page, '/registreren', 200);
      let resp = await submitFrom(page, '#email');
      check(resp.status() === 400, `POST /registreren (empty): status ${resp.status()}, expected 400`);
      check(pathOf(page) === '/registreren', `empty sign-up ended at ${pathOf(page)}`);
      await shot(page, 'registreren-fouten.png');
      expectSummary(await errorSummary(page), ['#email', '#name', '#password', '#kind'], 'empty /registreren');
      for (const id of ['email', 'name', 'password']) await expectFieldError(page, id, 'Vul dit veld in');
      await expectFieldError(page, 'kind');
      // Hints stay linked next to the error message.
      for (const id of ['email', 'name', 'password']) {
        const f = await fieldState(page, id);
        check(f.describedby.includes(`${id}-hint`), `#${id} lost its hint: aria-describedby="${f.describedby.join(' ')}"`);
      }
      await expectNoAxeViolations(page, 'registreren-fouten');

      // A summary link moves keyboard focus to its field (no JS needed).
      await page.locator('[role="alert"] a[href="#email"]').focus();
      await page.keyboard.press('Enter');
      const a = await active(page);
      check(a && a.id === 'email', `Enter on the summary link #email: focus is on ${show(a)}, expected #email`);
      // #kind is the fieldset: it cannot take focus, but the next Tab must
      // land in its radio group, not somewhere before it.
      await page.locator('[role="alert"] a[href="#kind"]').focus();
      await page.keyboard.press('Enter');
      const k = await tab(page);
      check(k && k.name === 'kind', `Enter on the summary link #kind, then Tab: focus is on ${show(k)}, expected a "kind" radio`);

      // Partly right: only the wrong fields are marked; typed values come
      // back, the password never does.
      const name = uniqueName('fout');
      await page.fill('#email', 'geen-e-mailadres');
      await page.fill('#name', name);
      await page.fill('#password', 'kort');
      await page.check('#kind-anders');
      resp = await submitFrom(page, '#password');
      check(resp.status() === 400, `POST /registreren (bad e-mail, short password): status ${resp.status()}, expected 400`);
      expectSummary(await errorSummary(page), ['#email', '#password'], 'partly wrong /registreren');
      await expectFieldError(page, 'email');
      await expectFieldError(page, 'password');
      await expectNoFieldError(page, 'name');
      await expectNoFieldError(page, 'kind');
      check(await page.inputValue('#email') === 'geen-e-mailadres', 'the typed e-mail address did not come back');
      check(await page.inputValue('#name') === name, 'the typed name did not come back');
      check(await page.inputValue('#password') === '', 'the password came back in the form');
      check(await page.isChecked('#kind-anders'), 'the chosen kind did not come back');
      await expectNoAxeViolations(page, 'registreren-fouten-2');
    });

  // WCAG 2.4.4 (link purpose in context) and 3.3.1: a summary that lists
  // "Vul dit veld in." three times gives a screen reader user three
  // identical links; each must say which field it is about.
  test('error summaries on /registreren and /inloggen: each link says which field it is about',
    { context: ctx() },
    async ({ page }) => {
      const problems = [];
      for (const p of ['/registreren', '/inloggen']) {
        await goto(page, p, 200);
        const resp = await submitFrom(page, '#email');
        check(resp.status() === 400, `POST ${p} (empty): status ${resp.status()}, expected 400`);
        const boxes = await errorSummary(page);
        check(boxes.length === 1, `${p}: expected 1 error summary, found ${boxes.length}`);
        const seen = new Map();
        for (const l of boxes[0].links) {
          if (seen.has(l.text)) problems.push(`${p}: links ${seen.get(l.text)} and ${l.href} both read "${l.text}"`);
          else seen.set(l.text, l.href);
        }
      }
      check(problems.length === 0, `identical link texts in the error summary:\n${problems.join('\n')}`);
    });

  test('/inloggen: empty form and wrong password give 400 with an error summary, 0 axe violations',
    { context: ctx(), timeout: 45_000 },
    async ({ page }) => {
      await goto(page, '/inloggen', 200);
      let resp = await submitFrom(page, '#email');
      check(resp.status() === 400, `POST /inloggen (empty): status ${resp.status()}, expected 400`);
      expectSummary(await errorSummary(page), ['#email', '#password'], 'empty /inloggen');
      await expectFieldError(page, 'email', 'Vul dit veld in');
      await expectFieldError(page, 'password', 'Vul dit veld in');
      await expectNoAxeViolations(page, 'inloggen-leeg');

      const c = await fixture('member');
      await page.fill('#email', c.email);
      await page.fill('#password', WRONG_PASSWORD);
      resp = await submitFrom(page, '#password');
      check(resp.status() === 400, `POST /inloggen (wrong password): status ${resp.status()}, expected 400`);
      check(pathOf(page) === '/inloggen', `wrong password ended at ${pathOf(page)}`);
      await shot(page, 'inloggen-fout.png');
      const boxes = await errorSummary(page);
      check(boxes.length === 1, `wrong password: expected 1 role="alert" error summary, found ${boxes.length}`);
      check(boxes[0].text.includes('klopt niet'), `wrong password: the summary says "${boxes[0].text}"`);
      for (const l of boxes[0].links) check(l.target, `error summary link ${l.href} points at no element`);
      check(await page.inputValue('#email') === c.email, 'wrong password: the typed e-mail address did not come back');
      check(await page.inputValue('#password') === '', 'wrong password: the password came back in the form');
      await expectMemberMenuAbsent(page);
      await expectNoAxeViolations(page, 'inloggen-fout');
    });

  async function expectMemberMenuAbsent(page) {
    const nav = await userNav(page);
    check(nav && !nav.buttons.some((b) => b.text === 'Uitloggen'), 'after a failed sign-in the header shows "Uitloggen"');
  }

  // axe on every page of issue 4, as the right person.
  // A profile shows the display name, never the e-mail address.
  async function ownProfile(page, c) {
    const h1 = (await page.locator('h1').first().textContent() || '').trim();
    check(h1 === c.name, `own profile: <h1> is "${h1}", expected the display name "${c.name}"`);
    const html = await page.content();
    check(!html.includes(c.email), 'own profile: the page holds the e-mail address');
  }

  const pages = [
    { p: '/inloggen', who: null, label: 'inloggen' },
    { p: '/registreren', who: null, label: 'registreren' },
    { p: '/wachtwoord-vergeten', who: null, label: 'wachtwoord-vergeten' },
    { p: '/account', who: 'member', label: 'account' },
    { p: '/account/export', who: 'member', label: 'account-export' },
    { p: '/account/verwijderen', who: 'member', label: 'account-verwijderen' },
    { p: '/mensen/{id}', who: 'member', label: 'mensen-eigen', extra: ownProfile },
    { p: '/beheer/gebruikers', who: 'admin', label: 'beheer-gebruikers' },
    { p: '/beheer/audit', who: 'admin', label: 'beheer-audit' },
  ];
  for (const { p, who, label, extra } of pages) {
    test(`${p}${who ? ` (signed in as ${who})` : ''}: 200, h1, 0 axe violations`,
      { context: ctx(), timeout: 45_000 },
      async ({ page, context }) => {
        let path = p;
        let c = null;
        if (who) {
          c = await signInBrowser(context, who);
          if (p.includes('{id}')) path = p.replace('{id}', await ownId(page, c));
        }
        const resp = await goto(page, path);
        await shot(page, `${label}.png`);
        check(resp.status() === 200, `GET ${path}: status ${resp.status()} at ${pathOf(page)}, expected 200`);
        check(pathOf(page) === path, `GET ${path} ended at ${pathOf(page)}`);
        await expectH1(page);
        if (extra) await extra(page, c);
        await expectNoAxeViolations(page, label);
      });
  }

  test('/beheer/gebruikers: searching for a user and the result table have 0 axe violations',
    { context: ctx(), timeout: 45_000 },
    async ({ page, context }) => {
      const c = await signInBrowser(context, 'admin');
      const m = await fixture('member');
      await goto(page, '/beheer/gebruikers', 200);
      await page.fill('#q', m.email);
      const resp = await submitFrom(page, '#q');
      check(resp.status() === 200, `search: status ${resp.status()}`);
      const body = await page.locator('main').textContent();
      check(body.includes(m.name), `searching for ${m.email} does not list "${m.name}"`);
      await shot(page, 'beheer-gebruikers-zoeken.png');
      await expectNoAxeViolations(page, 'beheer-gebruikers-zoeken');
      check(c.id, 'admin fixture has no id');
    });

  test('/wachtwoord-vergeten: empty form gives 400 with a linked error; a sent request page has 0 axe violations',
    { context: ctx() },
    async ({ page }) => {
      await goto(page, '/wachtwoord-vergeten', 200);
      let resp = await submitFrom(page, '#email');
      check(resp.status() === 400, `POST /wachtwoord-vergeten (empty): status ${resp.status()}, expected 400`);
      expectSummary(await errorSummary(page), ['#email'], 'empty /wachtwoord-vergeten');
      await expectFieldError(page, 'email');
      await expectNoAxeViolations(page, 'wachtwoord-vergeten-fout');
      await page.fill('#email', uniqueEmail('niemand'));
      resp = await submitFrom(page, '#email');
      check(resp.status() === 200, `POST /wachtwoord-vergeten (an address): status ${resp.status()} at ${pathOf(page)}, expected 200`);
      await expectH1(page);
      await shot(page, 'wachtwoord-vergeten-verstuurd.png');
      await expectNoAxeViolations(page, 'wachtwoord-vergeten-verstuurd');
    });

  test('/wachtwoord-herstellen with an unknown token: a clear page with an h1 and 0 axe violations',
    { context: ctx() },
    async ({ page }) => {
      const token = 'A'.repeat(43);
      const resp = await goto(page, `/wachtwoord-herstellen?token=${token}`);
      check(resp.status() >= 400 && resp.status() < 500, `unknown token: status ${resp.status()}, expected 4xx`);
      await expectH1(page);
      const link = await page.locator('main a[href="/wachtwoord-vergeten"]').count();
      check(link > 0, 'the page for an unknown token does not link to /wachtwoord-vergeten');
      await shot(page, 'wachtwoord-herstellen-ongeldig.png');
      await expectNoAxeViolations(page, 'wachtwoord-herstellen-ongeldig');
    });

  // The whole reset: request, the link from the (unsent) outbox row, the
  // new-password form with and without errors, the sign-in page after it.
  test('password reset: /wachtwoord-herstellen form, its error state and the sign-in page after it have 0 axe violations',
    { context: ctx(), timeout: 60_000 },
    async ({ page }) => {
      const c = await registerHttp('reset');
      await goto(page, '/wachtwoord-vergeten', 200);
      await page.fill('#email', c.email);
      let resp = await submitFrom(page, '#email');
      check(resp.status() === 200, `POST /wachtwoord-vergeten: status ${resp.status()}, expected 200`);
      const body = psql("SELECT body FROM outbox WHERE to_addr = :'email' ORDER BY id DESC LIMIT 1;\n", { email: c.email });
      const m = /\/wachtwoord-herstellen\?token=([A-Za-z0-9_-]{43})/.exec(body);
      check(m, `no reset link in the newest outbox row for the account (body ${body === '' ? 'empty: sent by a mailer already?' : 'without a link'})`);
      const link = `/wachtwoord-herstellen?token=${m[1]}`;

      resp = await goto(page, link);
      check(resp.status() === 200, `GET the reset link: status ${resp.status()}, expected 200`);
      await expectH1(page);
      await shot(page, 'wachtwoord-herstellen.png');
      await expectNoAxeViolations(page, 'wachtwoord-herstellen');

      resp = await submitFrom(page, '#password');
      check(resp.status() === 400, `reset form with an empty password: status ${resp.status()}, expected 400`);
      expectSummary(await errorSummary(page), ['#password'], 'empty /wachtwoord-herstellen');
      await expectFieldError(page, 'password');
      await shot(page, 'wachtwoord-herstellen-fout.png');
      await expectNoAxeViolations(page, 'wachtwoord-herstellen-fout');

      const fresh = 'een nieuw wachtwoord voor de toets';
      await page.fill('#password', fresh);
      resp = await submitFrom(page, '#password');
      const u = new URL(page.url());
      check(u.pathname === '/inloggen' && resp.status() === 200,
        `after setting a new password: at ${u.pathname}${u.search} with status ${resp.status()}, expected /inloggen`);
      await expectH1(page);
      await shot(page, 'inloggen-hersteld.png');
      await expectNoAxeViolations(page, 'inloggen-hersteld');

      await page.fill('#email', c.email);
      await page.fill('#password', fresh);
      resp = await submitFrom(page, '#password');
      check(pathOf(page) === '/account' && resp.status() === 200,
        `signing in with the new password: at ${pathOf(page)} with status ${resp.status()}, expected /account`);
      await expectMemberMenu(page, c.name, false);

      resp = await goto(page, link);
      check(resp.status() >= 400 && resp.status() < 500, `the used reset link: status ${resp.status()}, expected 4xx`);
    });

  test('/account/verwijderen with a wrong password: 4xx, the field is marked, nothing deleted, 0 axe violations',
    { context: ctx(), timeout: 45_000 },
    async ({ page, context }) => {
      const c = await signInBrowser(context, 'member');
      await goto(page, '/account/verwijderen', 200);
      await page.fill('#password', WRONG_PASSWORD);
      const resp = await submitFrom(page, '#password');
      check(resp.status() >= 400 && resp.status() < 500, `wrong password: status ${resp.status()}, expected 4xx`);
      check(pathOf(page) === '/account/verwijderen', `wrong password ended at ${pathOf(page)}`);
      expectSummary(await errorSummary(page), ['#password'], 'wrong password on /account/verwijderen');
      await expectFieldError(page, 'password');
      check(await page.inputValue('#password') === '', 'the password came back in the form');
      await expectMemberMenu(page, c.name, false);
      await shot(page, 'account-verwijderen-fout.png');
      await expectNoAxeViolations(page, 'account-verwijderen-fout');
      const after = await goto(page, '/account');
      check(after.status() === 200 && pathOf(page) === '/account',
        `after a wrong password on /account/verwijderen, /account answers ${after.status()} at ${pathOf(page)}: the account or session is gone`);
    });

  test('/account forms: an empty name and a wrong current password are marked per field, 0 axe violations',
    { context: ctx(), timeout: 45_000 },
    async ({ page, context }) => {
      const c = await registerHttp('acctform');
      await giveCookies(context, c);
      await goto(page, '/account', 200);
      await page.fill('#name', '');
      let resp = await submitFrom(page, '#name');
      check(resp.status() === 400, `profile form with an empty name: status ${resp.status()}, expected 400`);
      expectSummary(await errorSummary(page), ['#name'], 'empty name on /account');
      await expectFieldError(page, 'name');
      await expectNoAxeViolations(page, 'account-naam-fout');

      await goto(page, '/account', 200);
      await page.fill('#current_password', WRONG_PASSWORD);
      await page.fill('#new_password', 'een heel nieuw wachtwoord hier');
      resp = await submitFrom(page, '#new_password');
      check(resp.status() >= 400 && resp.status() < 500, `password form with a wrong current password: status ${resp.status()}, expected 4xx`);
      expectSummary(await errorSummary(page), ['#current_password'], 'wrong current password on /account');
      await expectFieldError(page, 'current_password');
      check(await page.inputValue('#current_password') === '' && await page.inputValue('#new_password') === '',
        'a password came back in the form');
      await shot(page, 'account-wachtwoord-fout.png');
      await expectNoAxeViolations(page, 'account-wachtwoord-fout');
    });

  test('header menu: a visitor sees "Inloggen" and "Account maken"', { context: ctx() }, async ({ page }) => {
    await goto(page, '/', 200);
    await expectVisitorMenu(page);
  });

  test('header menu: a member sees "Mijn account" with the name and "Uitloggen", not "Beheer"; 0 axe violations',
    { context: ctx(), timeout: 45_000 },
    async ({ page, context }) => {
      const c = await signInBrowser(context, 'member');
      await goto(page, '/', 200);
      await expectMemberMenu(page, c.name, false);
      await shot(page, 'home-lid.png');
      await expectNoAxeViolations(page, 'home-lid');
      const resp = await goto(page, '/beheer/gebruikers');
      check(resp.status() === 403, `a member on /beheer/gebruikers: status ${resp.status()}, expected 403`);
    });

  test('header menu: an admin also sees "Beheer"; 0 axe violations',
    { context: ctx(), timeout: 45_000 },
    async ({ page, context }) => {
      const c = await signInBrowser(context, 'admin');
      await goto(page, '/', 200);
      const nav = await expectMemberMenu(page, c.name, true);
      const beheer = nav.links.find((l) => l.text === 'Beheer');
      check(beheer.href.startsWith('/beheer'), `"Beheer" links to ${beheer.href}`);
      await shot(page, 'home-beheerder.png');
      await expectNoAxeViolations(page, 'home-beheerder');
      await goto(page, beheer.href, 200);
    });
}
