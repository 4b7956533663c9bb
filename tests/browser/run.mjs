// Browser tests for Bron: real Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) plus axe-core, against a running server.
//
//   BRON_URL=http://127.0.0.1:8181 BRON_ARTIFACTS=/tmp/bron-artifacts node run.mjs
//
// Output is TAP-like: a plan line "1..N", then "ok - name" / "not ok - name"
// per test (reasons and diagnostics as "# ..." lines), and finally the line
// "N passed, M failed". Exit code 1 when anything failed.
//
// Every test gets its own browser with a fresh temporary profile
// (launchPersistentContext on a mkdtemp dir), so cookies never leak between
// tests and a wedged browser cannot poison the next test.
// test(name, { context, timeout }, fn): context options for the browser,
// and a time limit in ms (default BRON_TEST_TIMEOUT_MS or 30 s).

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineAccountTests } from './accounts.mjs';
import { defineArticleTests } from './articles.mjs';
import { defineCommunityTests } from './communities.mjs';
import { definePilotTests } from './pilots.mjs';
import { defineMastermindTests } from './masterminds.mjs';
import { defineStoryTests } from './stories.mjs';
import { defineResourceTests } from './resources.mjs';
import { defineSearchTests } from './search.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const BASE = (process.env.BRON_URL || '').replace(/\/+$/, '');
const ARTIFACTS = path.resolve(process.env.BRON_ARTIFACTS || path.join(HERE, 'artifacts'));
const CHROMIUM = process.env.BRON_CHROMIUM || '/usr/bin/chromium';
const TEST_TIMEOUT_MS = Number(process.env.BRON_TEST_TIMEOUT_MS || 30_000);
const ACTION_TIMEOUT_MS = 15_000;

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--no-proxy-server',
];

// Dutch visitors are the audience; a fixed locale keeps Accept-Language
// deterministic (Chromium would otherwise send en-US).
const CONTEXT_DEFAULTS = {
  locale: 'nl-NL',
  viewport: { width: 1280, height: 800 },
  ignoreHTTPSErrors: true, // a dev server may use a self-signed certificate
};

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NAV_PATHS = [
  '/artikelen', '/pilots', '/masterminds', '/verhalen', '/bronnen',
  '/gemeenschappen', '/themas', '/monitor', '/zoeken',
];
const FOOTER_PATHS = ['/toegankelijkheid', '/privacy'];

// ---------------------------------------------------------------- helpers

class Fail extends Error {}

function check(cond, msg) {
  if (!cond) throw new Fail(msg);
}

function diag(text) {
  for (const line of String(text).split('\n')) console.log(`# ${line}`);
}

function url(p) {
  return BASE + p;
}

let axeSource = null;
async function axeScript() {
  if (axeSource === null) {
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

// Runs axe on the current page. page.evaluate (CDP Runtime.evaluate) is not
// subject to the page's Content-Security-Policy, unlike an inline <script>
// from addScriptTag, so a strict CSP on the server does not break the check.
async function runAxe(page, label) {
  const src = await axeScript();
  await page.evaluate(src);
  const results = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return {
      url: r.url,
      testEngine: r.testEngine && r.testEngine.version,
      rulesPassed: r.passes.length,
      rulesIncomplete: r.incomplete.length,
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          html: n.html,
          summary: n.failureSummary,
        })),
      })),
    };
  }, AXE_TAGS);
  await writeFile(
    path.join(ARTIFACTS, `axe-${label}.json`),
    JSON.stringify(results, null, 2) + '\n',
  );
  return results.violations;
}

function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`axe violation: ${v.id} (impact: ${v.impact}) — ${v.help}`);
    for (const n of v.nodes) {
      lines.push(`    target: ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' , ')}`);
      if (n.summary) lines.push(`      ${n.summary.replace(/\n/g, '\n      ')}`);
    }
  }
  return lines.join('\n');
}

async function expectNoAxeViolations(page, label) {
  const violations = await runAxe(page, label);
  check(
    violations.length === 0,
    `${violations.length} axe violation(s) on ${page.url()}\n${formatViolations(violations)}`,
  );
}

async function htmlLang(page) {
  return page.locator('html').getAttribute('lang');
}

async function expectH1(page) {
  const h1 = page.locator('h1');
  const n = await h1.count();
  check(n >= 1, `no <h1> on ${page.url()}`);
  const text = (await h1.first().textContent() || '').trim();
  check(text.length > 0, `<h1> on ${page.url()} is empty`);
  return text;
}

// Full-page screenshots of the pages tests visit cost time on every run
// and nobody looks at them when all passes: they are taken only with
// BRON_SCREENSHOTS=1, and always for a failed test (always).
async function shot(page, name, timeout = ACTION_TIMEOUT_MS, always = false) {
  if (!always && !process.env.BRON_SCREENSHOTS) return;
  try {
    await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true, timeout });
  } catch (e) {
    diag(`screenshot ${name} failed: ${e.message.split('\n')[0]}`);
  }
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

// Profile dirs not yet removed; swept on exit in case a test was abandoned
// mid-launch by its timeout.
const liveProfiles = new Set();
process.on('exit', () => {
  for (const d of liveProfiles) {
    try { rmSync(d, { recursive: true, force: true }); } catch { /* ignore */ }
  }
});

// Launch a fresh browser + profile. Returns { context, page, dispose }.
async function openBrowser(contextOptions = {}) {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'bron-chromium-'));
  liveProfiles.add(userDataDir);
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: LAUNCH_ARGS,
      timeout: ACTION_TIMEOUT_MS,
      ...CONTEXT_DEFAULTS,
      ...contextOptions,
    });
  } catch (e) {
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    liveProfiles.delete(userDataDir);
    throw e;
  }
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  const page = context.pages()[0] || (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await Promise.race([
      context.close().catch(() => {}),
      new Promise((r) => setTimeout(r, 10_000)),
    ]);
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    liveProfiles.delete(userDataDir);
  };
  return { context, page, pageErrors, dispose };
}

async function goto(page, p, expectStatus) {
  const resp = await page.goto(url(p), { waitUntil: 'load' });
  check(resp !== null, `no response for ${p}`);
  if (expectStatus !== undefined) {
    check(resp.status() === expectStatus, `GET ${p}: expected status ${expectStatus}, got ${resp.status()}`);
  }
  return resp;
}

// ---------------------------------------------------------------- tests

const tests = [];
// BRON_BROWSER_ONLY=text runs only the tests whose name holds it (while
// developing; make test runs them all).
function test(name, opts, fn) {
  if (typeof opts === 'function') { fn = opts; opts = {}; }
  const only = process.env.BRON_BROWSER_ONLY;
  if (only && !name.includes(only)) return;
  tests.push({ name, opts, fn });
}

test('home page / renders with lang=nl, h1, skip link, nav and footer links', async ({ page }) => {
  const resp = await goto(page, '/');
  await shot(page, 'home.png');
  check(resp.status() === 200, `GET /: expected status 200, got ${resp.status()}`);

  const lang = await htmlLang(page);
  check(lang === 'nl', `<html lang> is ${JSON.stringify(lang)}, expected "nl"`);

  await expectH1(page);

  // First element in sequential focus order (document order, ignoring
  // elements that cannot take focus). Positive tabindex would reorder focus;
  // report it rather than try to emulate.
  const focus = await page.evaluate(() => {
    const sel = [
      'a[href]', 'area[href]', 'button', 'input', 'select', 'textarea',
      'summary', 'iframe', '[tabindex]', '[contenteditable=""]', '[contenteditable="true"]',
    ].join(',');
    const candidates = [...document.querySelectorAll(sel)].filter((el) => {
      if (el.disabled) return false;
      if (el.tabIndex < 0) return false;
      if (el.matches('input[type=hidden]')) return false;
      if (el.closest('[inert], [hidden]')) return false;
      if (el.getClientRects().length === 0) return false; // display:none etc.
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden') return false;
      return true;
    });
    const positive = candidates.filter((el) => el.tabIndex > 0).map((el) => el.outerHTML.slice(0, 120));
    const first = candidates[0];
    return {
      positive,
      first: first ? {
        tag: first.tagName.toLowerCase(),
        href: first.getAttribute('href'),
        html: first.outerHTML.slice(0, 200),
      } : null,
      hasTarget: !!document.getElementById('inhoud'),
    };
  });
  check(focus.positive.length === 0, `elements with positive tabindex reorder focus: ${focus.positive.join(' | ')}`);
  check(focus.first !== null, 'page has no focusable element');
  check(
    focus.first.tag === 'a' && focus.first.href === '#inhoud',
    `first focusable element is not a[href="#inhoud"] but: ${focus.first.html}`,
  );
  check(focus.hasTarget, 'skip link target: no element with id="inhoud"');

  // Links as path names (relative or absolute same-origin hrefs both count).
  const origin = new URL(page.url()).origin;
  const linkPaths = async (selector) => page.evaluate(([selector, origin]) =>
    [...document.querySelectorAll(selector)].map((container) =>
      [...container.querySelectorAll('a[href]')].map((a) => {
        const u = new URL(a.getAttribute('href'), document.baseURI);
        if (u.origin !== origin) return null;
        return u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname;
      }).filter(Boolean)), [selector, origin]);

  const navs = await linkPaths('nav');
  check(navs.length > 0, 'no <nav> element');
  let best = null;
  for (const paths of navs) {
    const missing = NAV_PATHS.filter((p) => !paths.includes(p));
    if (best === null || missing.length < best.length) best = missing;
  }
  check(best.length === 0, `no <nav> links to all sections; missing in best <nav>: ${best.join(', ')}`);

  const footers = await linkPaths('footer, [role="contentinfo"]');
  check(footers.length > 0, 'no <footer> (or role=contentinfo) element');
  const footerLinks = footers.flat();
  const missingFooter = FOOTER_PATHS.filter((p) => !footerLinks.includes(p));
  check(missingFooter.length === 0, `footer lacks links to: ${missingFooter.join(', ')}`);
});

test('axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa): 0 violations on /', async ({ page }) => {
  await goto(page, '/', 200);
  await expectNoAxeViolations(page, 'home');
});

test('/bestaat-niet-xyz answers 404 with an h1 and 0 axe violations', async ({ page }) => {
  const resp = await goto(page, '/bestaat-niet-xyz');
  await shot(page, '404.png');
  check(resp.status() === 404, `GET /bestaat-niet-xyz: expected status 404, got ${resp.status()}`);
  await expectH1(page);
  await expectNoAxeViolations(page, '404');
});

test('keyboard: first Tab focuses the skip link, which is then visible', async ({ page }) => {
  await goto(page, '/', 200);
  await page.keyboard.press('Tab');
  const active = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? { tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), html: el.outerHTML.slice(0, 200) } : null;
  });
  check(active && active.tag === 'a' && active.href === '#inhoud',
    `after one Tab the focused element is not a[href="#inhoud"] but: ${active ? active.html : 'nothing'}`);

  // Skip links commonly slide in with a CSS transition: poll for up to 2 s.
  const vp = page.viewportSize();
  let state = null;
  const deadline = Date.now() + 2_000;
  for (;;) {
    state = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      // Not covered by something else (e.g. a sticky header on top of it).
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        x: r.x, y: r.y, w: r.width, h: r.height,
        visibility: cs.visibility, opacity: Number(cs.opacity), clipPath: cs.clipPath,
        onTop: !!hit && (hit === el || el.contains(hit)),
        hit: hit ? hit.outerHTML.slice(0, 80) : null,
      };
    });
    const inside = state.w >= 8 && state.h >= 8 && state.x >= 0 && state.y >= 0 &&
      state.x + state.w <= vp.width && state.y + state.h <= vp.height;
    const shown = state.visibility !== 'hidden' && state.opacity > 0 &&
      (!state.clipPath || state.clipPath === 'none') && state.onTop;
    if ((inside && shown) || Date.now() > deadline) { state.ok = inside && shown; break; }
    await page.waitForTimeout(100);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'skiplink-focus.png'), timeout: ACTION_TIMEOUT_MS }).catch(() => {});
  check(state.ok,
    `focused skip link is not visibly inside the ${vp.width}x${vp.height} viewport: ` +
    `box ${Math.round(state.x)},${Math.round(state.y)} ${Math.round(state.w)}x${Math.round(state.h)}, ` +
    `visibility=${state.visibility}, opacity=${state.opacity}, clip-path=${state.clipPath}` +
    (state.onTop ? '' : `, covered by ${state.hit}`));

  // Activating it moves to the main content.
  await page.keyboard.press('Enter');
  const hash = await page.evaluate(() => location.hash);
  check(hash === '#inhoud', `Enter on the skip link did not go to #inhoud (location.hash=${JSON.stringify(hash)})`);
});

// Locate the language form (method=post, action resolving to /taal) that
// holds a submit button with the given accessible name.
async function languageButton(page, name, lang) {
  const origin = new URL(page.url()).origin;
  const forms = page.locator('form');
  const n = await forms.count();
  const seen = [];
  for (let i = 0; i < n; i++) {
    const form = forms.nth(i);
    const action = await form.getAttribute('action');
    const method = (await form.getAttribute('method') || 'get').toLowerCase();
    seen.push(`<form method=${method} action=${action}>`);
    if (action === null) continue;
    const u = new URL(action, page.url());
    if (u.origin !== origin || u.pathname !== '/taal' || method !== 'post') continue;
    const btn = form.getByRole('button', { name, exact: true });
    if ((await btn.count()) === 0) continue;
    const b = btn.first();
    const type = ((await b.getAttribute('type')) || 'submit').toLowerCase();
    check(type === 'submit', `"${name}" button has type=${type}, not submit`);
    // The label must be marked up in its own language, on the button itself
    // or on an element inside it.
    const hasLang = await b.evaluate((el, lang) => {
      const ok = (v) => v && (v.toLowerCase() === lang || v.toLowerCase().startsWith(lang + '-'));
      if (ok(el.getAttribute('lang'))) return true;
      return [...el.querySelectorAll('[lang]')].some((c) => ok(c.getAttribute('lang')) &&
        c.textContent.trim() === el.textContent.trim());
    }, lang);
    check(hasLang, `"${name}" button (or its text) lacks lang="${lang}"`);
    return b;
  }
  throw new Fail(`no <form method="post" action="/taal"> with a "${name}" submit button on ${page.url()}; forms seen: ${seen.join(' ') || 'none'}`);
}

async function submitAndWait(page, button) {
  const posts = [];
  const onResp = (r) => {
    if (r.request().method() === 'POST') posts.push(`${r.status()} ${r.url()}`);
  };
  page.on('response', onResp);
  let resp;
  try {
    [resp] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      button.click(),
    ]);
  } finally {
    page.off('response', onResp);
  }
  if (posts.length) diag(`POST answered: ${posts.join(', ')}`);
  check(resp !== null, 'form submission produced no response');
  check(resp.status() === 200, `after submitting the language form: status ${resp.status()} at ${page.url()}`);
  return resp;
}

test('language switch works without JavaScript (form POST /taal, cookie remembered)',
  { context: { javaScriptEnabled: false } },
  async ({ page }) => {
    await goto(page, '/', 200);
    check(await htmlLang(page) === 'nl', `/ starts with lang=${JSON.stringify(await htmlLang(page))}, expected "nl"`);

    const en = await languageButton(page, 'English', 'en');
    await submitAndWait(page, en);
    const p1 = new URL(page.url()).pathname;
    check(p1 === '/', `after "English" the browser is at ${p1}, expected /`);
    const l1 = await htmlLang(page);
    check(l1 === 'en', `after "English": <html lang=${JSON.stringify(l1)}>, expected "en"`);
    await shot(page, 'home-en.png');

    await goto(page, '/privacy', 200);
    const l2 = await htmlLang(page);
    check(l2 === 'en', `/privacy after switching to English: <html lang=${JSON.stringify(l2)}>, expected "en" (cookie not remembered?)`);

    const nl = await languageButton(page, 'Nederlands', 'nl');
    await submitAndWait(page, nl);
    const l3 = await htmlLang(page);
    check(l3 === 'nl', `after "Nederlands" at ${page.url()}: <html lang=${JSON.stringify(l3)}>, expected "nl"`);

    await goto(page, '/', 200);
    const l4 = await htmlLang(page);
    check(l4 === 'nl', `/ after switching back: <html lang=${JSON.stringify(l4)}>, expected "nl"`);
  });

for (const [p, label] of [['/toegankelijkheid', 'toegankelijkheid'], ['/privacy', 'privacy']]) {
  test(`${p} renders an h1 and has 0 axe violations`, async ({ page }) => {
    const resp = await goto(page, p);
    await shot(page, `${label}.png`);
    check(resp.status() === 200, `GET ${p}: expected status 200, got ${resp.status()}`);
    await expectH1(page);
    await expectNoAxeViolations(page, label);
  });
}

// Accounts (issue 4): keyboard-only sign-up/sign-in, error states, axe on
// every account page, the header menu per role. See accounts.mjs.
defineAccountTests({
  test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1,
});

// Articles (issue 5): R2 payloads in Chromium, the keyboard-only write and
// review journey, axe on the article pages. See articles.mjs.
defineArticleTests({
  test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1,
});

// Communities (issue 6): R2 payloads in Chromium, the keyboard-only join,
// follow and reply journey, axe on every community page. See
// communities.mjs.
defineCommunityTests({
  test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1,
});

// Pilots (issue 7): R2 payloads in Chromium, filling in a pilot with the
// keyboard, axe on the pilot pages. See pilots.mjs.
definePilotTests({
  test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1,
});

// Masterminds (issue 8): R2 payloads in Chromium, recording a session
// with two actions by keyboard, axe on the mastermind pages. See
// masterminds.mjs.
defineMastermindTests({
  test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1,
});

// Stories (issue 9): R2 payloads in Chromium, the warning gate and the
// help banner by keyboard without JavaScript, axe on the story pages. See
// stories.mjs.
defineStoryTests({
  test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1,
});

// Resources and uploads (issue 10): R2 payloads in Chromium, publishing a
// resource with a file and suggesting one by keyboard, axe on /bronnen,
// the resource page, the editor and /account/afbeeldingen. See
// resources.mjs.
defineResourceTests({
  test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1,
});

// Issue 11: search from the header by keyboard, filters and "Bedoelde
// je" by Enter, R2 in Chromium, axe on results, filtered, empty,
// suggestions, snippets with warnings, a query error and the help
// banner. See search.mjs (it writes its own corpus through psql).
defineSearchTests({
  test, check, diag, url, goto, shot, expectNoAxeViolations, expectH1,
});

// ---------------------------------------------------------------- runner

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Fail(`${what}: timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  console.log(`1..${tests.length}`);
  let passed = 0;
  let failed = 0;
  const report = (ok, name, reason) => {
    if (ok) { passed++; console.log(`ok - ${name}`); return; }
    failed++;
    console.log(`not ok - ${name}`);
    if (reason) diag(reason);
  };

  let fatal = null;
  if (!BASE) fatal = 'BRON_URL is not set (e.g. BRON_URL=http://127.0.0.1:8181)';
  if (!fatal) {
    try { new URL(BASE); } catch { fatal = `BRON_URL is not a valid URL: ${BASE}`; }
  }
  if (!fatal) {
    try {
      await mkdir(ARTIFACTS, { recursive: true });
    } catch (e) {
      fatal = `cannot create BRON_ARTIFACTS dir ${ARTIFACTS}: ${e.message}`;
    }
  }
  if (!fatal) {
    // Is anything answering at all? Saves N hung tests against a dead server.
    try {
      const r = await fetch(url('/'), { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      await r.arrayBuffer().catch(() => {});
    } catch (e) {
      const code = (e.cause && e.cause.code) || '';
      // Self-signed/untrusted TLS: the server answers; the browser ignores it.
      if (!/CERT|SELF_SIGNED|TLS|SIGNATURE/.test(code)) {
        fatal = `server at ${BASE} not reachable: ${e.cause ? e.cause.message || code : e.message}`;
      }
    }
  }
  if (!fatal) {
    // Probe once that the browser can start at all.
    try {
      const b = await withTimeout(openBrowser(), TEST_TIMEOUT_MS, 'browser launch');
      await b.dispose();
    } catch (e) {
      fatal = `browser cannot start (${CHROMIUM}): ${e.message}`;
    }
  }
  if (fatal) {
    console.error(`error: ${fatal}`);
    const short = fatal.replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0];
    for (const t of tests) report(false, t.name, short);
    console.log(`${passed} passed, ${failed} failed`);
    return 1;
  }

  diag(`BRON_URL=${BASE} artifacts in ${ARTIFACTS}`);
  for (const t of tests) {
    let b = null;
    let pageErrors = [];
    try {
      await withTimeout((async () => {
        b = await openBrowser(t.opts.context || {});
        pageErrors = b.pageErrors;
        await t.fn(b);
      })(), t.opts.timeout || TEST_TIMEOUT_MS, t.name);
      report(true, t.name);
    } catch (e) {
      const reason = e instanceof Fail ? e.message : `error: ${e.stack || e.message || e}`;
      report(false, t.name, reason);
      if (b && b.page && !b.page.isClosed()) {
        diag(`page URL at failure: ${b.page.url()}`);
        await shot(b.page, `fail-${slug(t.name)}.png`, 5_000, true);
      }
      if (pageErrors.length) diag(`page errors: ${pageErrors.join(' | ')}`);
    } finally {
      if (b) await b.dispose();
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
