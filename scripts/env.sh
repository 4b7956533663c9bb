# Shared settings for the scripts (sourced). BRON_VAR is the state
# directory; dev and test differ only in these values.
: "${BRON_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${BRON_VAR:=$BRON_ROOT/var}"
: "${BRON_PGDATA:=$BRON_VAR/pg}"
: "${BRON_PGPORT:=5433}"
: "${BRON_DB:=bron}"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
export BRON_ROOT BRON_VAR BRON_PGDATA BRON_PGPORT BRON_DB PGBIN

# The app's connection string, unless the environment gives one. The
# timeouts keep a stuck statement or a dead server from holding a worker.
: "${BRON_DATABASE_URL:=host=$BRON_PGDATA port=$BRON_PGPORT dbname=$BRON_DB user=bron connect_timeout=5 options='-c statement_timeout=5000 -c lock_timeout=2000 -c idle_in_transaction_session_timeout=10000'}"
export BRON_DATABASE_URL

# Run a command as the cluster owner: initdb refuses root.
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# psql against the private cluster as the app's role.
bron_psql() {
	psql -X -q -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" "$@"
}
