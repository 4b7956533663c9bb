#!/usr/bin/env bash
# `make run`: database up, migrated and imported, then Kore in the
# foreground. Ctrl-C stops Kore and then PostgreSQL. `run.sh stop` (make
# stop) does the same from another terminal.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$BRON_ROOT"
pidfile="$BRON_VAR/kore.pid"
mailerpid="$BRON_VAR/mailer.pid"

stop_all() {
	# The outbox mailer (build/mailer) ends its current pass on TERM.
	if [ -f "$mailerpid" ]; then
		kill -TERM "$(cat "$mailerpid")" 2>/dev/null || true
		rm -f "$mailerpid"
	fi
	if [ -f "$pidfile" ]; then
		pid=$(cat "$pidfile")
		if kill -0 "$pid" 2>/dev/null; then
			kill -TERM "$pid" 2>/dev/null || true
			for _ in $(seq 50); do
				kill -0 "$pid" 2>/dev/null || break
				sleep 0.1
			done
		fi
		rm -f "$pidfile"
	fi
	scripts/db.sh stop
}

if [ "${1:-}" = stop ]; then
	stop_all
	echo "bron: stopped"
	exit 0
fi

mkdir -p "$BRON_VAR"
scripts/db.sh start
scripts/db.sh migrate
build/import content

# Mail from the outbox: to var/mail/ unless BRON_SENDMAIL is set.
build/mailer &
echo "$!" >"$mailerpid"
kore -c conf/dev.conf -fnr &
kpid=$!
echo "$kpid" >"$pidfile"
trap 'stop_all; echo; echo "bron: stopped"; exit 0' INT TERM
for _ in $(seq 100); do
	curl -fs -o /dev/null http://127.0.0.1:8080/healthz && break
	kill -0 "$kpid" 2>/dev/null || { echo "bron: kore failed" >&2;
	    stop_all; exit 1; }
	sleep 0.1
done
echo "bron: serving http://127.0.0.1:8080 (Ctrl-C or make stop to stop)"
wait "$kpid" || true
stop_all
