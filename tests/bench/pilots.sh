# `make bench`, sourced by tests/bench/run.sh once the database is up:
# 2,000 published pilots (tests/bench/pilots.sql), then the overview
# with two facets chosen and one pilot page. A visitor's overview (and a
# signed-in reader's who reads what visitors read) comes from the page
# cache; "pilots-in" is the query itself every time: the bench account
# joins a members-only community first (account_public_reach() false).
psql -X -q -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" \
    -f "$root/tests/bench/pilots.sql" >"$ARTIFACTS/pilots.log" 2>&1 || {
	cat "$ARTIFACTS/pilots.log" >&2
	echo "bench: no pilot fixture" >&2
	exit 1
}
psql -X -q -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" <<SQL >>"$ARTIFACTS/pilots.log" 2>&1 || {
WITH c AS (INSERT INTO community (slug, name, visibility, membership)
    VALUES ('bench-leden', 'Bench leden', 'leden', 'aanvraag') RETURNING id)
INSERT INTO member (community_id, account_id, state)
SELECT c.id, a.id, 'lid' FROM c, account a WHERE a.email = '$bench_email';
SQL
	cat "$ARTIFACTS/pilots.log" >&2
	echo "bench: no members-only membership" >&2
	exit 1
}
pages+=("pilots:/pilots?regio=groningen&fase=lopend"
	"pilots-in:/pilots?regio=groningen&fase=lopend"
	"pilot:/pilots/bench-pilot-1000")
