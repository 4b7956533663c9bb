#!/usr/bin/env bats
# The search box's queries never make PostgreSQL or the page fail.
# tests/http/search_queries.txt holds hostile queries, one a line:
# operators only, tsquery syntax (& | ! <-> ( ) : *), quotes, backslashes,
# emoji, right-to-left and invisible marks, words of 120+ bytes, 16 ORs,
# 20 words, SQL, <script>, stop words only. build/squery-json gives each
# line's JSON (an empty line when the parser refuses it) and its words.
load helpers

ROOT=${BRON_ROOT:-$BATS_TEST_DIRNAME/../..}
SQJ=$ROOT/build/squery-json
QUERIES=$BATS_TEST_DIRNAME/search_queries.txt

# Everything SQL does with the user's terms, for query i: the tsquery,
# a match over search_doc, the RUM order, a headline, search_suggest()
# on the words (one answer per word) and the title similarity.
line_sql() {
	local i=$1
	cat <<EOF
SELECT $i, numnode(q.q),
    (SELECT count(*) FROM search_doc d WHERE d.tsv @@ q.q),
    (SELECT count(*) FROM (SELECT 1 FROM search_doc d WHERE d.tsv @@ q.q
        ORDER BY d.tsv <=> q.q LIMIT 20) r),
    length(ts_headline('bron', 'Een tekst over jeugdzorg, afzondering'
        || ' en de gesloten jeugdhulp.', q.q, 'StartSel=' || chr(1)
        || ', StopSel=' || chr(2))) > 0,
    coalesce(cardinality(search_suggest(ARRAY(SELECT
        jsonb_array_elements_text(:'w$i'::jsonb)))), 0)
        = jsonb_array_length(:'w$i'::jsonb),
    (SELECT count(*) FROM search_doc d, (SELECT lower(unaccent(
        string_agg(w, ' '))) AS k FROM jsonb_array_elements_text(
        :'w$i'::jsonb) AS w) t WHERE t.k IS NOT NULL
        AND d.title_key % t.k) >= 0
FROM (SELECT search_tsquery(:'j$i'::jsonb) AS q) q;
EOF
}

@test "every query's JSON is a tsquery PostgreSQL takes, and runs" {
	local -a json words args
	local sql="" i n=0 void=0 out err

	[ -x "$SQJ" ]
	mapfile -t json < <("$SQJ" <"$QUERIES")
	mapfile -t words < <("$SQJ" -w <"$QUERIES")
	[ "${#json[@]}" -eq "$(wc -l <"$QUERIES")" ]
	[ "${#words[@]}" -eq "${#json[@]}" ]
	[ "${#json[@]}" -ge 60 ]
	for i in "${!json[@]}"; do
		[ -n "${json[$i]}" ] || continue
		args+=(-v "j$i=${json[$i]}" -v "w$i=${words[$i]}")
		sql+=$(line_sql "$i")$'\n'
		n=$((n + 1))
	done
	err=$BATS_TEST_TMPDIR/psql.err
	out=$(printf '%s' "$sql" | psql -X -q -At -v ON_ERROR_STOP=0 \
	    "${args[@]}" "$BRON_DATABASE_URL" 2>"$err")
	if grep -q 'ERROR' "$err"; then
		grep -B1 -A3 'ERROR' "$err" >&2
		return 1
	fi
	# One row per query, every check true.
	[ "$(printf '%s\n' "$out" | grep -c .)" -eq "$n" ]
	if printf '%s\n' "$out" | grep -v -q -E '^[0-9]+\|[0-9]+\|[0-9]+\|[0-9]+\|t\|t\|t$'; then
		printf '%s\n' "$out" | grep -v -E '\|t\|t\|t$' >&2
		return 1
	fi
	void=$(printf '%s\n' "$out" | awk -F'|' '$2 == 0' | wc -l)
	echo "# ${#json[@]} queries, $n parsed, $((${#json[@]} - n))" \
	    "refused by the parser, $void with no lexemes, 0 SQL errors" >&3
	# Some queries do find something (the test is not vacuous).
	[ "$(printf '%s\n' "$out" | awk -F'|' '$2 > 0' | wc -l)" -gt 20 ]
}

# Shapes squery never writes (wrong types, nulls, a control byte, a
# 5000-byte word) give an empty or a plain tsquery, no error. Not here:
# a "p" that is no boolean (22P02 in the pair check, see requests.md)
# and \u0000 (the jsonb cast refuses it); squery writes neither.
@test "JSON that is not squery's does not make search_tsquery fail" {
	local out

	out=$(db 2>/dev/null <<'SQL'
SELECT numnode(search_tsquery(j::jsonb)) FROM (VALUES
    ('null'), ('[]'), ('{}'), ('"x"'), ('{"all":1}'),
    ('{"all":[1,null,"x",{}]}'), ('{"all":[[1,null,{}]]}'),
    ('{"all":[[{"t":null}],[{"t":"a"}]]}'),
    ('{"all":[[{"t":{"x":1}}],[{"t":"a","p":true}],"x"]}'),
    ('{"all":[[{"t":"a"}]],"not":{}}'),
    ('{"all":[[{"t":"a"}]],"not":[1,{"t":"&!"},{"t":null}]}'),
    ('{"all":[[{"t":"a\u0001b&|!"}]]}'),
    ('{"all":[[{"t":"' || repeat('x', 5000) || '"}]]}')) AS v(j);
SQL
)
	echo "$out"
	[ "$(printf '%s\n' "$out" | wc -l)" -eq 13 ]
}

@test "/zoeken answers every query: 200 when parsed, 400 when refused, never 5xx" {
	local -a json
	local line i=0 bad=0 want LC_ALL=C

	mapfile -t json < <("$SQJ" <"$QUERIES")
	while IFS= read -r line; do
		req --get --data-urlencode "q=$line" /zoeken
		if [ -z "${json[$i]}" ] || [ "${#line}" -gt 1000 ]; then
			want=400
		else
			want=200
		fi
		if [ "$status_code" != "$want" ]; then
			echo "line $((i + 1)): $status_code, not $want: $line" >&2
			bad=$((bad + 1))
		fi
		if [[ "$status_code" == 5* || "$status_code" == 000 ]]; then
			echo "line $((i + 1)): $status_code" >&2
			bad=$((bad + 1))
		fi
		i=$((i + 1))
	done <"$QUERIES"
	[ "$i" -eq "${#json[@]}" ]
	[ "$bad" -eq 0 ]
}

@test "/zoeken with bytes the parser refuses: 400, never 5xx" {
	local q

	for q in '%00' 'a%00b' '%FF' 'caf%E9' '%C0%AF' '%ED%A0%80' '%01' \
	    '%1B%5B31m' '%7F' '%C2%85' 'a%0Bb'; do
		req "/zoeken?q=$q"
		echo "$q: $status_code" >&2
		[ "$status_code" = 400 ]
	done
}
