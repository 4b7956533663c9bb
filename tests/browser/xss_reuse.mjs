// The R2 payload fixtures are built once per run: the HTTP suite
// (tests/http/*_xss.bats) writes what tests/xss/<name>.py reached to
// $ARTIFACTS/xss-<name>.json, and the browser suite, which runs after it
// on the same database, loads those views instead of building them again.
// Run alone (BRON_BROWSER_ONLY, no such file), a test builds its own.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

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
