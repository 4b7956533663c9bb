#!/usr/bin/env bash
# Proves the Kore log check works: start Kore with a module that breaks
# the sandbox, request its route, and expect check-kore-log.sh to fail on
# the log (and to pass on a clean log). Prints TAP.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
log=${ARTIFACTS:-var/test-artifacts}/kore-sandbox.log
mkdir -p "$(dirname "$log")"
: >"$log"

echo "1..2"
stdbuf -oL -eL kore -c tests/sandbox/violate.conf -fnr >>"$log" 2>&1 &
pid=$!
for _ in $(seq 50); do
	curl -s -o /dev/null --max-time 2 http://127.0.0.1:18090/ && break
	sleep 0.1
done
for _ in $(seq 50); do
	grep -q 'sandbox violation' "$log" && break
	sleep 0.1
done
kill -TERM "$pid" 2>/dev/null
wait "$pid" 2>/dev/null

if ! tests/check-kore-log.sh "$log" >/dev/null 2>&1; then
	echo "ok 1 - a seccomp violation in the Kore log fails the run"
else
	echo "not ok 1 - check-kore-log.sh passed a log with a violation"
	sed 's/^/# /' "$log"
fi
clean=$(mktemp)
echo "[parent]: server started" >"$clean"
if tests/check-kore-log.sh "$clean" >/dev/null 2>&1; then
	echo "ok 2 - a clean Kore log passes"
else
	echo "not ok 2 - check-kore-log.sh failed a clean log"
fi
rm -f "$clean"
