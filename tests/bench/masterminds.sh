# `make bench`, sourced by tests/bench/run.sh once the database is up:
# a public mastermind series of 50 sessions and 300 actions
# (tests/bench/masterminds.sql), then the series page and one final
# session page with a long list of open actions carried over, each for
# a visitor (the page cache) and for a signed-in runner (the bench
# account facilitates the series and owns one action of every session,
# so its pages show the update forms: the query itself every time).
psql -X -q -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" \
    -f "$root/tests/bench/masterminds.sql" >"$ARTIFACTS/masterminds.log" 2>&1 || {
	cat "$ARTIFACTS/masterminds.log" >&2
	echo "bench: no mastermind fixture" >&2
	exit 1
}
psql -X -q -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" <<SQL >>"$ARTIFACTS/masterminds.log" 2>&1 || {
INSERT INTO mm_facilitator (series_id, account_id, position)
    SELECT s.id, a.id, 1 FROM mm_series s, account a
    WHERE s.slug = 'bench-mastermind' AND a.email = '$bench_email';
UPDATE mm_action x SET owner_id = a.id, owner_name = NULL
    FROM account a, mm_session ss, mm_series s
    WHERE a.email = '$bench_email' AND x.position = 1
    AND ss.item_id = x.session_id AND s.id = ss.series_id
    AND s.slug = 'bench-mastermind';
DO \$\$ BEGIN
	IF NOT coalesce((SELECT mm_session_may_run(i.id, a.id)
	    FROM item i, account a
	    WHERE i.kind = 'mastermind' AND i.slug = 'bench-sessie-40'
	    AND a.email = '$bench_email'), false) THEN
		RAISE EXCEPTION 'the bench account does not run the series';
	END IF;
END \$\$;
SQL
	cat "$ARTIFACTS/masterminds.log" >&2
	echo "bench: the bench account does not run the series" >&2
	exit 1
}
pages+=("mm-serie:/masterminds/bench-mastermind"
	"mm-serie-in:/masterminds/bench-mastermind"
	"mm-sessie:/masterminds/bench-mastermind/bench-sessie-40"
	"mm-sessie-in:/masterminds/bench-mastermind/bench-sessie-40")
