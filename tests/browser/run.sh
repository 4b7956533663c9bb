#!/usr/bin/env bash
# Runs the browser test suite against a running Bron server.
#   BRON_URL=http://127.0.0.1:8181 BRON_ARTIFACTS=/tmp/bron-artifacts tests/browser/run.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Debian's Chromium is the browser (playwright-core never downloads one).
if [ ! -x "${BRON_CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "# installing Debian's chromium" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  else
    echo "error: ${BRON_CHROMIUM:-/usr/bin/chromium} missing (apt-get install chromium)" >&2
  fi
fi

# (Re)install the pinned packages when node_modules is missing or older
# than the lock file. npm ci writes node_modules/.package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund >&2
fi

exec node run.mjs "$@"
