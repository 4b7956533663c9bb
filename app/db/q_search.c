/*
 * /zoeken (db/q_search.h): the hits come from the RUM index in rank
 * order (ORDER BY tsv <=> query LIMIT n reads only the best n), the
 * counts from one pass over the matching rows the reader may see.
 *
 * Plan shape (measured on the 100,000 items of tests/bench/search.sh):
 * - The query, the viewer and the filters are one row p; every use is
 *   a scalar subquery "(SELECT x FROM p)", an InitPlan the planner
 *   treats as a constant. Only then can the hits be an Index Scan on
 *   search_doc_tsv with "Order By: tsv <=> $n": joined to a CTE row
 *   instead, the planner ranked every match from the heap (detoasting
 *   each tsvector): 0.6 s for a word in a third of the corpus, 0.09 s
 *   now, on a quiet machine.
 * - The hits' visibility and filters sit inside one CASE: the planner
 *   cannot estimate a CASE (it takes 0.5), where the plain conditions
 *   multiplied to an estimate of one row, for which a bitmap scan and
 *   a sort looked cheaper than the ordered index scan.
 * - m holds the matches the reader may see with one flag per filter;
 *   the total and four facets come from one hashed GROUPING SETS pass
 *   over it (each facet counts the rows that pass every other filter),
 *   the themes from one more. Five scans of m with a join per row took
 *   about three times as long.
 * - ts_headline() parses all the text it is given (about 1 ms for 800
 *   words, as much as to_tsvector()), so it gets QS_WINDOW characters
 *   from QS_BEFORE before the first place where the lower-case body
 *   holds one of the query's lexemes (a Dutch stem is a prefix of its
 *   words nearly always); the start of the body when none is found.
 *   Twenty full bodies cost more than the rest of the statement.
 */
#include "db/q_search.h"

/*
 * Viewer and language: may the reader find search_doc row d? The rule
 * of search_visible() (sql/010_search.sql), inline for the plan.
 */
#define QS_VISIBLE \
	" (d.public OR ((SELECT active FROM p) AND ((SELECT editor FROM p)" \
	"   OR d.members" \
	"   OR d.community_id = ANY ((SELECT comms FROM p)::bigint[])" \
	"   OR nullif($2, '')::bigint = ANY (d.readers))))" \
	" AND (d.lang IS NULL OR d.lang = $3::text)"

/* Each filter on search_doc row d: true when unset. */
#define QS_FK	" ((SELECT kind FROM p) IS NULL" \
	"   OR d.kind = (SELECT kind FROM p))"
#define QS_FT	" (NOT (SELECT has_theme FROM p)" \
	"   OR d.themes @> ARRAY[(SELECT theme FROM p)])"
#define QS_FC	" (NOT (SELECT has_comm FROM p)" \
	"   OR d.community_id = (SELECT comm FROM p))"
#define QS_FR	" ((SELECT region FROM p) IS NULL" \
	"   OR d.region = (SELECT region FROM p))"
#define QS_FY	" ((SELECT year FROM p) IS NULL" \
	"   OR d.year = (SELECT year FROM p))"

/* GROUPING(kind, community_id, region, year) of each grouping set. */
#define QS_G_KIND	"7"
#define QS_G_COMM	"11"
#define QS_G_REGION	"13"
#define QS_G_YEAR	"14"
#define QS_G_ALL	"15"

/* The snippet's text (see above). */
#define QS_BEFORE	"400"
#define QS_WINDOW	"1000"

#define QS_NULL6	" NULL, NULL, NULL, NULL, NULL, NULL"

const struct db_query q_search = {
	"search",
	"WITH p AS MATERIALIZED (SELECT x.q, numnode(x.q) > 0 AS go,"
	"   v.editor, v.comms, v.active, nullif($4, '') AS kind,"
	"   nullif($5, '') IS NOT NULL AS has_theme,"
	"   (SELECT id FROM theme WHERE slug = nullif($5, '')) AS theme,"
	"   nullif($6, '') IS NOT NULL AS has_comm,"
	"   (SELECT id FROM community WHERE slug = nullif($6, '')) AS comm,"
	"   nullif($7, '') AS region, nullif($8, '')::smallint AS year,"
	/* lx: the query's lexemes, read from its text ('it''s' quoted). */
	"   ARRAY(SELECT replace(l[1], '''''', '''')"
	"   FROM regexp_matches(x.q::text, '''((?:[^'']|'''')*)''', 'g')"
	"   AS l) AS lx"
	"   FROM (SELECT search_tsquery($1::jsonb) AS q) x,"
	"   search_viewer(nullif($2, '')::bigint) v),"
	" m AS MATERIALIZED (SELECT d.kind, d.themes, d.community_id,"
	"   d.region, d.year, " QS_FK " AS k, " QS_FT " AS t, " QS_FC " AS c,"
	"   " QS_FR " AS r, " QS_FY " AS y"
	"   FROM search_doc d WHERE (SELECT go FROM p)"
	"   AND d.tsv @@ (SELECT q FROM p) AND" QS_VISIBLE "),"
	" fa AS MATERIALIZED (SELECT m.kind, m.community_id, m.region,"
	"   m.year, GROUPING(m.kind, m.community_id, m.region, m.year) AS g,"
	"   count(*) FILTER (WHERE m.t AND m.c AND m.r AND m.y) AS nk,"
	"   count(*) FILTER (WHERE m.k AND m.t AND m.r AND m.y) AS nc,"
	"   count(*) FILTER (WHERE m.k AND m.t AND m.c AND m.y) AS nr,"
	"   count(*) FILTER (WHERE m.k AND m.t AND m.c AND m.r) AS ny,"
	"   count(*) FILTER (WHERE m.k AND m.t AND m.c AND m.r AND m.y) AS n"
	"   FROM m GROUP BY GROUPING SETS ((m.kind), (m.community_id),"
	"   (m.region), (m.year), ())),"
	" total AS (SELECT fa.n FROM fa WHERE fa.g = " QS_G_ALL
	"   AND (SELECT go FROM p)),"
	" hits AS MATERIALIZED (SELECT d.path, d.title, d.kind, d.summary,"
	"   CASE WHEN cardinality(d.warnings) > 0 THEN '' ELSE substr(d.body,"
	"   greatest(1, coalesce((SELECT min(nullif(strpos(lower(d.body), l),"
	"   0)) FROM unnest((SELECT lx FROM p)::text[]) AS l), 1) - "
	QS_BEFORE "), " QS_WINDOW ") END AS body,"
	"   d.warnings, d.community_id, d.tsv <=> (SELECT q FROM p) AS dist"
	"   FROM search_doc d WHERE (SELECT go FROM p)"
	"   AND d.tsv @@ (SELECT q FROM p) AND CASE WHEN" QS_VISIBLE
	"   AND" QS_FK " AND" QS_FT " AND" QS_FC " AND" QS_FR " AND" QS_FY
	"   THEN true ELSE false END"
	"   ORDER BY d.tsv <=> (SELECT q FROM p)"
	"   LIMIT $10::integer OFFSET $9::integer)"
	" SELECT 'void', NULL," QS_NULL6 ", NULL::bigint FROM p WHERE NOT p.go"
	" UNION ALL (SELECT 'hit', h.path, h.title, h.kind, h.summary,"
	"   CASE WHEN h.body = '' THEN '' ELSE"
	"   ts_headline('bron', h.body, (SELECT q FROM p), 'StartSel='"
	"   || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30,"
	" MinWords=12, ShortWord=2, MaxFragments=2,"
	" FragmentDelimiter=\" … \"') END,"
	"   array_to_string(h.warnings, ' '),"
	"   coalesce((SELECT c.name FROM community c"
	"     WHERE c.id = h.community_id), ''), NULL"
	"   FROM hits h ORDER BY h.dist)"
	" UNION ALL SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
	"   total.n FROM total"
	" UNION ALL (SELECT 'f_kind', fa.kind," QS_NULL6 ", fa.nk"
	"   FROM fa WHERE fa.g = " QS_G_KIND " AND fa.nk > 0"
	"   ORDER BY fa.nk DESC, fa.kind)"
	" UNION ALL (SELECT 'f_theme', t.slug, t.title, NULL, NULL, NULL,"
	"   NULL, NULL, x.n FROM (SELECT u.theme, count(*) AS n"
	"   FROM (SELECT unnest(m.themes) AS theme FROM m"
	"   WHERE m.k AND m.c AND m.r AND m.y) u GROUP BY u.theme) x"
	"   JOIN theme t ON t.id = x.theme ORDER BY x.n DESC, t.title)"
	" UNION ALL (SELECT 'f_comm', c.slug, c.name, NULL, NULL, NULL,"
	"   NULL, NULL, fa.nc FROM fa JOIN community c"
	"   ON c.id = fa.community_id WHERE fa.g = " QS_G_COMM
	"   AND fa.nc > 0 ORDER BY fa.nc DESC, c.name)"
	" UNION ALL (SELECT 'f_region', r.slug, CASE $3::text WHEN 'en'"
	"   THEN r.name_en ELSE r.name END, NULL, NULL, NULL, NULL, NULL,"
	"   fa.nr FROM fa JOIN region r ON r.slug = fa.region"
	"   WHERE fa.g = " QS_G_REGION " AND fa.nr > 0"
	"   ORDER BY fa.nr DESC, r.name)"
	" UNION ALL (SELECT 'f_year', fa.year::text, NULL, NULL, NULL, NULL,"
	"   NULL, NULL, fa.ny FROM fa WHERE fa.g = " QS_G_YEAR
	"   AND fa.year IS NOT NULL AND fa.ny > 0 ORDER BY fa.year DESC)"
	" UNION ALL SELECT 'suggest', s.w, NULL, NULL, NULL, NULL, NULL,"
	"   NULL, s.i - 1 FROM total, unnest(search_suggest(ARRAY(SELECT"
	"   jsonb_array_elements_text($11::jsonb)))) WITH ORDINALITY"
	"   AS s(w, i) WHERE total.n < 3 AND s.w IS NOT NULL"
	" UNION ALL (SELECT 'title', d.path, d.title, NULL, NULL, NULL,"
	"   NULL, NULL, NULL FROM search_doc d, total, (SELECT"
	"   lower(unaccent(string_agg(w, ' '))) AS k FROM"
	"   jsonb_array_elements_text($11::jsonb) AS w) t"
	"   WHERE total.n < 3 AND t.k IS NOT NULL AND d.title_key % t.k"
	"   AND" QS_VISIBLE
	"   ORDER BY similarity(d.title_key, t.k) DESC, d.title LIMIT 3)",
	11
};
