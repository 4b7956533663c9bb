# `make bench`, sourced by tests/bench/run.sh; run.sh calls search_bench
# after its page loop (so the other pages are measured without it): the
# search corpus of tests/bench/search_corpus.sql (100,000 published
# items of about 800 Dutch words), loaded by two sessions at once and
# timed, then /zoeken for four queries at 16 connections, and the RUM
# plan compared with the plain one (GIN, ts_rank over every match) on
# the same corpus: EXPLAIN ANALYZE times, index sizes and build times,
# and how far RUM's top 20 agree with ts_rank's.
search_items=${BENCH_SEARCH_ITEMS:-100000}
search_conns=${BENCH_SEARCH_CONNECTIONS:-16}

# search_sql STEP [psql args...]: one step of search_corpus.sql.
search_sql() {
	local step=$1
	shift
	psql -X -q -v ON_ERROR_STOP=1 -v step="$step" -v items="$search_items" \
	    "$@" "$BRON_DATABASE_URL" -f "$root/tests/bench/search_corpus.sql"
}

search_now() {
	date +%s.%N
}

search_secs() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'
}

# Load the corpus; sets search_load to the times of its steps.
search_corpus() {
	local t0 t1 t2 t3 p0 r1
	t0=$(search_now)
	{
		search_sql pre &&
		    { search_sql part -v part=0 -v parts=2 & p0=$!
		      search_sql part -v part=1 -v parts=2; r1=$?
		      wait "$p0" && [ "$r1" = 0 ]; }
	} >"$ARTIFACTS/search.log" 2>&1 || return 1
	t1=$(search_now)
	search_sql post >>"$ARTIFACTS/search.log" 2>&1 || return 1
	t2=$(search_now)
	search_sql index >>"$ARTIFACTS/search.log" 2>&1 || return 1
	t3=$(search_now)
	search_load="rows $(search_secs "$t0" "$t1") s (two sessions),"
	search_load+=" vocabulary and triggers $(search_secs "$t1" "$t2") s,"
	search_load+=" RUM index and VACUUM ANALYZE"
	search_load+=" $(search_secs "$t2" "$t3") s"
}

# The bench's queries: name, path.
search_pages=(
	"s-common:/zoeken?q=gezinshuis"
	"s-rare:/zoeken?q=kwartiermaker"
	"s-phrase:/zoeken?q=%22ambulante+spoedhulp%22"
	"s-filter:/zoeken?q=gezinshuis&thema=kleinschaligheid"
)

# squery_json() of each query, for the statement-level comparison.
search_common='{"all":[[{"t":"gezinshuis","p":false}]],"not":[]}'
search_rare='{"all":[[{"t":"kwartiermaker","p":false}]],"not":[]}'
search_phrase='{"all":[[{"t":"ambulante spoedhulp","p":true}]],"not":[]}'

search_bench() {
	local entry name path saved=$conns st
	echo
	search_corpus || {
		cat "$ARTIFACTS/search.log" >&2
		echo "bench: no search corpus" >&2
		exit 1
	}
	echo "search corpus: $search_items items; load: $search_load"
	psql -X -q -At -F ' ' "$BRON_DATABASE_URL" <<'SQL'
SELECT 'search_doc rows ' || count(*) || ', heap+toast '
    || pg_size_pretty(pg_total_relation_size('search_doc')
        - pg_indexes_size('search_doc'))
    || ', RUM index ' || pg_size_pretty(pg_relation_size('search_doc_tsv'))
FROM search_doc;
SQL
	printf '%-8s %-34s %10s %9s %9s %7s %8s\n' page path req/s p50_ms \
	    p99_ms hits non2xx
	conns=$search_conns
	for entry in "${search_pages[@]}"; do
		name=${entry%%:*}
		path=${entry#*:}
		st=$(curl -s -o "$ARTIFACTS/$name.html" -w '%{http_code}' \
		    "$BRON_URL$path")
		if [ "$st" != 200 ]; then
			echo "$name: $path answered $st, not measured"
			continue
		fi
		wrk_page "$name" "$path"
		printf '%-8s %-34s %10.0f %9s %9s %7s %8s\n' "$name" "$path" \
		    "${rps:-0}" "$p50" "$p99" \
		    "$(grep -o '<mark>' "$ARTIFACTS/$name.html" | wc -l)" \
		    "${bad:-0}"
		[ -n "$errs" ] && echo "         $errs"
		# Signed in: never from the page cache, the statement each time.
		wrk_page "$name-in" "$path" -H "Cookie: __Host-sid=$sid"
		printf '%-8s %-34s %10.0f %9s %9s %7s %8s\n' "$name-in" \
		    "(signed in)" "${rps:-0}" "$p50" "$p99" - "${bad:-0}"
		[ -n "$errs" ] && echo "         $errs"
	done
	conns=$saved
	echo "(wrk -t$threads -c$search_conns -d${seconds}s; hits: the <mark>s"
	echo " on the first page; visitors' pages come from the page cache,"
	echo " signed-in readers' never)"
	search_compare
}

# RUM against the plain plan, one statement each, on the same rows:
# the top 20 of "ORDER BY tsv <=> q" (RUM) and of "ORDER BY ts_rank()
# DESC" over every match (bitmap scan on a GIN index built for it here,
# with the RUM index dropped inside the transaction), three runs each,
# the best kept; and how many of RUM's top 20 are in ts_rank's (ids) and
# whether their ts_rank values are the same (ties make the ids of equal
# scores interchangeable).
search_compare() {
	local out=$ARTIFACTS/search-compare.txt
	psql -X -q -At -v ON_ERROR_STOP=1 -v common="$search_common" \
	    -v rare="$search_rare" -v phrase="$search_phrase" \
	    "$BRON_DATABASE_URL" <<'SQL' 2>&1 | tee "$out"
SET maintenance_work_mem = '256MB';
SET statement_timeout = 0;
\echo GIN index build, for the plain plan:
\timing on
CREATE INDEX search_bench_gin ON search_doc USING gin (tsv);
\timing off
SELECT 'GIN index ' || pg_size_pretty(pg_relation_size('search_bench_gin'))
    || ', RUM index ' || pg_size_pretty(pg_relation_size('search_doc_tsv'));
CREATE TEMP TABLE cmp (name text, q tsquery, rum bigint[], plain bigint[],
    rum_ms float8, plain_ms float8);
INSERT INTO cmp (name, q) VALUES ('common', search_tsquery(:'common')),
    ('rare', search_tsquery(:'rare')), ('phrase', search_tsquery(:'phrase'));
-- Best of three EXPLAIN ANALYZE execution times of a statement.
CREATE FUNCTION pg_temp.best_ms(stmt text) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	best	float8;
	l	text;
	ms	float8;
BEGIN
	FOR i IN 1 .. 3 LOOP
		FOR l IN EXECUTE 'EXPLAIN (ANALYZE, FORMAT TEXT) ' || stmt LOOP
			IF l ~ '^Execution Time' THEN
				ms := substring(l FROM '([0-9.]+) ms')::float8;
				best := least(coalesce(best, ms), ms);
			END IF;
		END LOOP;
	END LOOP;
	RETURN best;
END $$;
UPDATE cmp SET rum = ARRAY(SELECT id FROM search_doc WHERE tsv @@ q
    ORDER BY tsv <=> q LIMIT 20),
    rum_ms = pg_temp.best_ms(format('SELECT id FROM search_doc
    WHERE tsv @@ %L::tsquery ORDER BY tsv <=> %L::tsquery LIMIT 20', q, q));
-- Without the RUM index (the transaction is rolled back, so the results
-- are read inside it).
BEGIN;
DROP INDEX search_doc_tsv;
UPDATE cmp SET plain = ARRAY(SELECT id FROM search_doc WHERE tsv @@ q
    ORDER BY ts_rank(tsv, q) DESC, id LIMIT 20),
    plain_ms = pg_temp.best_ms(format('SELECT id FROM search_doc
    WHERE tsv @@ %L::tsquery ORDER BY ts_rank(tsv, %L::tsquery) DESC
    LIMIT 20', q, q));
\pset tuples_only off
\pset footer off
SELECT c.name, (SELECT count(*) FROM search_doc WHERE tsv @@ c.q) AS matches,
    round(c.rum_ms::numeric, 1) AS rum_ms,
    round(c.plain_ms::numeric, 1) AS plain_ms,
    (SELECT count(*) FROM unnest(c.rum) r WHERE r = ANY (c.plain))
        AS same_ids,
    (SELECT array_agg(round(ts_rank(d.tsv, c.q)::numeric, 5)
        ORDER BY ts_rank(d.tsv, c.q) DESC) FROM search_doc d
        WHERE d.id = ANY (c.rum)) = (SELECT array_agg(round(ts_rank(d.tsv,
        c.q)::numeric, 5) ORDER BY ts_rank(d.tsv, c.q) DESC)
        FROM search_doc d WHERE d.id = ANY (c.plain)) AS same_scores,
    (SELECT bool_and(ok) FROM (SELECT ts_rank(d.tsv, c.q) <= lag(ts_rank(
        d.tsv, c.q)) OVER (ORDER BY o) OR o = 1 AS ok
        FROM unnest(c.rum) WITH ORDINALITY AS r(id, o)
        JOIN search_doc d ON d.id = r.id) x) AS rum_in_ts_rank_order
FROM cmp c ORDER BY c.name;
ROLLBACK;
DROP INDEX search_bench_gin;
SQL
}
