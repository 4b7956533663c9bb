# `make bench`, sourced by tests/bench/run.sh once the database is up:
# 2,000 published pilots (tests/bench/pilots.sql), then the overview
# with two facets chosen and one pilot page. The overview of visitors
# and of signed-in readers who share a reach comes from the page cache;
# "pilots-in" is the statement itself every time: the bench account
# becomes the author of an article in a members-only community, and
# such readers share no cache (account_reach() is NULL).
psql -X -q -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" \
    -f "$root/tests/bench/pilots.sql" >"$ARTIFACTS/pilots.log" 2>&1 || {
	cat "$ARTIFACTS/pilots.log" >&2
	echo "bench: no pilot fixture" >&2
	exit 1
}
psql -X -q -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" <<SQL >>"$ARTIFACTS/pilots.log" 2>&1 || {
INSERT INTO community (slug, name, visibility, membership)
    VALUES ('bench-leden', 'Bench leden', 'leden', 'aanvraag');
INSERT INTO member (community_id, account_id, state)
    SELECT c.id, a.id, 'lid' FROM community c, account a
    WHERE c.slug = 'bench-leden' AND a.email = '$bench_email';
INSERT INTO item (kind, slug, title, community_id)
    SELECT 'artikel', 'bench-leden-artikel', 'Alleen voor leden', c.id
    FROM community c WHERE c.slug = 'bench-leden';
INSERT INTO item_author (item_id, account_id)
    SELECT i.id, a.id FROM item i, account a
    WHERE i.slug = 'bench-leden-artikel' AND a.email = '$bench_email';
-- (Not "CASE ... ELSE 1 / 0": the planner folds the constant 1 / 0 and
-- fails whatever the CASE says.)
DO \$\$ BEGIN
	IF (SELECT account_reach(a.id) IS NOT NULL FROM account a
	    WHERE a.email = '$bench_email') THEN
		RAISE EXCEPTION 'the bench account shares a cache';
	END IF;
END \$\$;
SQL
	cat "$ARTIFACTS/pilots.log" >&2
	echo "bench: no members-only membership" >&2
	exit 1
}
pages+=("pilots:/pilots?regio=groningen&fase=lopend"
	"pilots-in:/pilots?regio=groningen&fase=lopend"
	"pilot:/pilots/bench-pilot-1000")
