#!/usr/bin/env bats
# With PostgreSQL stopped: /healthz and pages answer 503 with Retry-After,
# never 500; when it is back the app recovers without a restart.
load helpers

teardown_file() {
	"$BRON_ROOT/scripts/db.sh" start >/dev/null 2>&1 3>&- || true
}

@test "database down: /healthz 503 JSON, pages 503 in Dutch with Retry-After" {
	"$BRON_ROOT/scripts/db.sh" stop
	req /healthz
	# Shown when the test fails (one unexplained failure under load).
	echo "healthz with the database down: $status_code $body" >&2
	[ "$status_code" = 503 ]
	[ "$(header retry-after)" = 30 ]
	[ "$body" = '{"status":"unavailable","database":"unreachable"}' ]
	req /
	[ "$status_code" = 503 ]
	[ "$(header retry-after)" = 30 ]
	assert_contains '<h1>Bron is even niet bereikbaar</h1>'
	req /themas
	[ "$status_code" = 503 ]
}

@test "database back: the app recovers within 15 s without a restart" {
	# fd 3 is bats' own: the server must not inherit it.
	"$BRON_ROOT/scripts/db.sh" start 3>&-
	ok=0
	for _ in $(seq 30); do
		req /healthz
		if [ "$status_code" = 200 ]; then ok=1; break; fi
		[ "$status_code" = 503 ]
		sleep 0.5
	done
	[ "$ok" = 1 ]
	req /
	[ "$status_code" = 200 ]
}
