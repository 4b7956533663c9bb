#!/usr/bin/env bash
# The private PostgreSQL cluster: create (once), start, stop, migrate.
# Usage: db.sh start|stop|migrate|status
set -euo pipefail
. "$(dirname "$0")/env.sh"

# The cluster's real directory: var/pg itself, or the directory var/pg
# links to (see pg_create). Commands run as postgres get this path.
pg_dir() {
	readlink -f "$BRON_PGDATA"
}

pg_running() {
	[ -f "$BRON_PGDATA/postmaster.pid" ] &&
	    as_pg "$PGBIN/pg_ctl" -D "$(pg_dir)" status >/dev/null 2>&1
}

pg_create() {
	local d
	mkdir -p "$BRON_VAR"
	if [ "$(id -u)" = 0 ] &&
	    ! runuser -u postgres -- test -x "$BRON_VAR" 2>/dev/null; then
		# A clone under /root (mode 700): postgres cannot reach var/,
		# so the cluster lives where it can, and var/pg links there.
		d=/var/lib/bron-pg/$(printf '%s' "$BRON_PGDATA" |
		    sha1sum | cut -c1-16)
		mkdir -p "$d"
		ln -sfn "$d" "$BRON_PGDATA"
		echo "bron: postgres cannot reach $BRON_VAR; cluster in $d"
		[ -f "$d/PG_VERSION" ] && return 0	# var/ was removed
	else
		mkdir -p "$BRON_PGDATA"
	fi
	d=$(pg_dir)
	[ "$(id -u)" = 0 ] && chown postgres:postgres "$d"
	chmod 700 "$d"
	echo "bron: creating PostgreSQL cluster in $BRON_PGDATA"
	as_pg "$PGBIN/initdb" -D "$d" -A trust -U postgres \
	    -E UTF8 --locale=C.UTF-8 >"$BRON_VAR/initdb.log" 2>&1 || {
		cat "$BRON_VAR/initdb.log" >&2
		exit 1
	}
	cat >>"$d/postgresql.conf" <<CONF
# Bron: private cluster on a unix socket only.
listen_addresses = ''
unix_socket_directories = '$d'
unix_socket_permissions = 0770
port = $BRON_PGPORT
max_connections = 100
shared_buffers = 128MB
fsync = on
synchronous_commit = on
full_page_writes = on
log_min_messages = warning
CONF
}

# R11: the server log must not quote row values (a unique violation's
# DETAIL names the e-mail address) or failing statements. ALTER SYSTEM so
# clusters made before this setting get it too.
pg_log_privacy() {
	psql -X -q -h "$BRON_PGDATA" -p "$BRON_PGPORT" -U postgres \
	    -d postgres -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
ALTER SYSTEM SET log_error_verbosity = 'terse';
ALTER SYSTEM SET log_min_error_statement = 'panic';
ALTER SYSTEM SET log_parameter_max_length_on_error = 0;
SELECT pg_reload_conf();
SQL
}

pg_start() {
	[ -f "$BRON_PGDATA/PG_VERSION" ] || pg_create
	if ! pg_running; then
		as_pg "$PGBIN/pg_ctl" -D "$(pg_dir)" -w -t 60 \
		    -l "$(pg_dir)/server.log" start >/dev/null
	fi
	# Role and database for the app (idempotent).
	psql -X -q -h "$BRON_PGDATA" -p "$BRON_PGPORT" -U postgres \
	    -d postgres -v ON_ERROR_STOP=1 -v db="$BRON_DB" <<'SQL'
SELECT 'CREATE ROLE bron LOGIN'
    WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bron') \gexec
SELECT format('CREATE DATABASE %I OWNER bron', :'db')
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
	# RUM (search ranking from the index) is not a trusted extension: the
	# superuser creates it, the migration finds it there.
	psql -X -q -h "$BRON_PGDATA" -p "$BRON_PGPORT" -U postgres \
	    -d "$BRON_DB" -v ON_ERROR_STOP=1 \
	    -c 'SET client_min_messages = warning' \
	    -c 'CREATE EXTENSION IF NOT EXISTS rum'
	pg_log_privacy
}

pg_stop() {
	# `make stop` and the foreground `make run` both stop the cluster; the
	# one that loses the race finds it gone, which is what it wanted.
	if pg_running; then
		as_pg "$PGBIN/pg_ctl" -D "$(pg_dir)" -m fast -w stop \
		    >/dev/null 2>&1 || ! pg_running
	fi
}

# Each sql/NNN_*.sql once, in order, in one transaction with its record.
migrate() {
	bron_psql -c "SET client_min_messages = warning; CREATE TABLE IF NOT EXISTS schema_migrations (
	    name text PRIMARY KEY,
	    applied_at timestamptz NOT NULL DEFAULT now())"
	for f in "$BRON_ROOT"/sql/[0-9][0-9][0-9]_*.sql; do
		[ -e "$f" ] || continue
		name=$(basename "$f")
		done=$(bron_psql -At -v name="$name" <<'SQL'
SELECT 1 FROM schema_migrations WHERE name = :'name'
SQL
)
		[ "$done" = 1 ] && continue
		echo "bron: migrating $name"
		{
			echo "BEGIN;"
			cat "$f"
			echo
			echo "INSERT INTO schema_migrations (name) VALUES (:'name');"
			echo "COMMIT;"
		} | bron_psql -v name="$name"
	done
}

case "${1:-}" in
start)	pg_start ;;
stop)	pg_stop ;;
migrate) migrate ;;
status)	pg_running && echo running || echo stopped ;;
*)	echo "usage: db.sh start|stop|migrate|status" >&2; exit 2 ;;
esac
