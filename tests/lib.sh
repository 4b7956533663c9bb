# Shared by tests/run.sh and tests/bench/run.sh (sourced): a throwaway
# PostgreSQL cluster and a Kore server on their own ports, and the Kore
# log check. Callers set BRON_VAR before sourcing.
: "${BRON_PGPORT:=55433}"
: "${BRON_DB:=bron_test}"
: "${BRON_KORE_CONF:=conf/test.conf}"
: "${BRON_URL:=http://127.0.0.1:18080}"
BRON_PGDATA=$BRON_VAR/pg
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
# Tests may send X-Real-IP to act as distinct clients (throttling).
BRON_TRUST_PROXY=${BRON_TRUST_PROXY:-1}
export BRON_URL BRON_KORE_CONF BRON_TRUST_PROXY
# Uploads (issue 10): small limits so the 413 and quota tests send small
# files; Kore's http_body_max stays as in the conf. Request bodies over
# 1 MB go to var/tmp-bodies (http_body_disk_path in the conf).
: "${BRON_UPLOAD_DIR:=$BRON_VAR/uploads}"
: "${BRON_UPLOAD_MAX:=3145728}"
: "${BRON_IMAGE_QUOTA:=3000000}"
export BRON_UPLOAD_DIR BRON_UPLOAD_MAX BRON_IMAGE_QUOTA
ARTIFACTS=${ARTIFACTS:-$BRON_ROOT/var/test-artifacts}
KORE_LOG=${KORE_LOG:-$ARTIFACTS/kore.log}
# The running Kore's pid, also for a test that kills and restarts it
# (tests/http/70_upload.bats: test_kore_start after a kill -9).
KORE_PIDFILE=${KORE_PIDFILE:-$BRON_VAR/kore.pid}
export KORE_LOG KORE_PIDFILE
kore_pid=""

# Cluster from scratch, migrated and imported.
test_db_up() {
	test_cleanup
	mkdir -p "$BRON_VAR" "$ARTIFACTS"
	"$BRON_ROOT/scripts/db.sh" start
	"$BRON_ROOT/scripts/db.sh" migrate >/dev/null
	"$BRON_ROOT/build/import" "$BRON_ROOT/content" >/dev/null
}

test_kore_up() {
	# A server left from an earlier, killed run would answer the health
	# check below while this Kore fails to bind: every suite would then
	# test that old build.
	if curl -s -o /dev/null --max-time 2 "$BRON_URL/healthz"; then
		echo "something already answers at $BRON_URL (a Kore left" \
		    "from an earlier run?): stop it first" >&2
		return 1
	fi
	: >"$KORE_LOG"
	test_kore_start
}

# Start Kore (its log appended to) and wait for /healthz. fd 3 is bats'
# own when a test calls this: the server must not inherit it.
test_kore_start() {
	mkdir -p "$BRON_UPLOAD_DIR/tmp" "$BRON_ROOT/var/tmp-bodies"
	(cd "$BRON_ROOT" && exec stdbuf -oL -eL kore -c "$BRON_KORE_CONF" \
	    -fnr >>"$KORE_LOG" 2>&1 3>&-) &
	kore_pid=$!
	echo "$kore_pid" >"$KORE_PIDFILE"
	for _ in $(seq 100); do
		curl -fs -o /dev/null "$BRON_URL/healthz" && return 0
		kill -0 "$kore_pid" 2>/dev/null || break
		sleep 0.1
	done
	echo "kore did not come up; log:" >&2
	cat "$KORE_LOG" >&2
	return 1
}

test_kore_down() {
	# A test may have restarted Kore: its pid is in the file.
	# A file left by an earlier run may name a pid reused since: only
	# a kore process is stopped.
	if [ -f "$KORE_PIDFILE" ]; then
		kore_pid=$(cat "$KORE_PIDFILE")
		rm -f "$KORE_PIDFILE"
		[ "$(cat "/proc/$kore_pid/comm" 2>/dev/null)" = kore ] ||
		    kore_pid=""
	fi
	if [ -n "$kore_pid" ] && kill -0 "$kore_pid" 2>/dev/null; then
		kill -TERM "$kore_pid" 2>/dev/null || true
		for _ in $(seq 50); do
			kill -0 "$kore_pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$kore_pid" 2>/dev/null || true
	fi
	wait "$kore_pid" 2>/dev/null || true
	kore_pid=""
}

test_cleanup() {
	local d
	test_kore_down
	"$BRON_ROOT/scripts/db.sh" stop 2>/dev/null || true
	d=$(readlink -f "$BRON_PGDATA")
	rm -rf "$BRON_VAR"
	# The cluster may live outside var/ (scripts/db.sh pg_create).
	case "$d" in /var/lib/bron-pg/*) rm -rf "$d" ;; esac
}
