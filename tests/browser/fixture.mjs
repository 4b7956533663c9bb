// What the browser tests of each kind share: a fresh client address per
// context (the login throttle counts per address), psql for set-up, the
// R2 payload fixture of tests/xss/<name>.py, and signing a context in as
// one of the fixture's accounts.
//
// The R2 payload fixtures are built once per run: the HTTP suite
// (tests/http/*_xss.bats) writes what tests/xss/<name>.py reached to
// $ARTIFACTS/xss-<name>.json, and the browser suite, which runs after it
// on the same database, loads those views instead of building them again.
// Run alone (BRON_BROWSER_ONLY, no such file), a test builds its own.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export function randomIp() {
  const b = () => 1 + Math.floor(Math.random() * 254);
  return `10.${b()}.${b()}.${b()}`;
}

export function ctx(extra = {}) {
  return { extraHTTPHeaders: { 'X-Real-IP': randomIp() }, ...extra };
}

export function psql(sql) {
  return new Promise((resolve, reject) => {
    execFile('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
      process.env.BRON_DATABASE_URL, '-c', sql], { timeout: 20_000 },
    (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message))
      : resolve(stdout.trim())));
  });
}

export async function reusedFixture(name) {
  const dir = process.env.BRON_ARTIFACTS;
  if (!dir || process.env.BRON_XSS_REBUILD) return null;
  try {
    const data = JSON.parse(await readFile(path.join(dir, `xss-${name}.json`), 'utf8'));
    return data && typeof data === 'object' ? data : null;
  } catch {
    return null;
  }
}

// xssFixture(name, baseUrl, check, args): the fixture of
// tests/xss/<name>.py (reused, or built with args after --out).
export async function xssFixture(name, baseUrl, check, args = []) {
  check(process.env.BRON_DATABASE_URL, 'BRON_DATABASE_URL is not set');
  const reused = await reusedFixture(name);
  if (reused) return reused;
  const dir = await mkdtemp(path.join(tmpdir(), `bron-${name}-`));
  const out = path.join(dir, 'out.json');
  const script = path.join(HERE, '..', 'xss', `${name}.py`);
  try {
    const r = await new Promise((resolve) => {
      execFile('python3', [script, '--out', out, ...args], {
        env: { ...process.env, BRON_URL: baseUrl },
        timeout: 540_000,
        maxBuffer: 16 * 1024 * 1024,
      }, (err, stdout, stderr) => resolve({ err, stdout, stderr }));
    });
    let data = null;
    try { data = JSON.parse(await readFile(out, 'utf8')); } catch { /* below */ }
    check(data, `tests/xss/${name}.py wrote nothing: ${`${r.stdout}\n${r.stderr}`.slice(-3000)}`);
    return data;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

// Sign a browser context in as a fixture account ({ cookies, ip }), or
// out (acct null).
export async function signIn(context, acct, baseUrl) {
  await context.clearCookies();
  if (!acct) return;
  const host = new URL(baseUrl).hostname;
  await context.addCookies(acct.cookies.map((c) => ({
    name: c.name, value: c.value, domain: host, path: '/',
    secure: c.secure, httpOnly: true, sameSite: 'Lax',
  })));
  await context.setExtraHTTPHeaders({ 'X-Real-IP': acct.ip });
}
