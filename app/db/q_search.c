/*
 * /zoeken (db/q_search.h): the hits come from the RUM index in rank
 * order (ORDER BY tsv <=> query LIMIT n reads only the best n), the
 * counts from one pass over the matching rows the reader may see.
 */
#include "db/q_search.h"

#define QS_VISIBLE \
	" (d.public OR (v.active AND (v.editor OR d.members" \
	"   OR d.community_id = ANY (v.comms))))" \
	" AND (d.lang IS NULL OR d.lang = $3::text)"

#define QS_F_KIND	" (f.kind IS NULL OR m.kind = f.kind)"
#define QS_F_THEME	" (NOT f.has_theme OR m.themes @> ARRAY[f.theme])"
#define QS_F_COMM	" (NOT f.has_comm OR m.community_id = f.comm)"
#define QS_F_REGION	" (f.region IS NULL OR m.region = f.region)"
#define QS_F_YEAR	" (f.year IS NULL OR m.year = f.year)"

const struct db_query q_search = {
	"search",
	"WITH v AS (SELECT * FROM search_viewer(nullif($2, '')::bigint)),"
	" q AS (SELECT search_tsquery($1::jsonb) AS q),"
	" f AS (SELECT nullif($4, '') AS kind,"
	"   nullif($5, '') IS NOT NULL AS has_theme,"
	"   (SELECT id FROM theme WHERE slug = nullif($5, '')) AS theme,"
	"   nullif($6, '') IS NOT NULL AS has_comm,"
	"   (SELECT id FROM community WHERE slug = nullif($6, '')) AS comm,"
	"   nullif($7, '') AS region, nullif($8, '')::smallint AS year),"
	" m AS MATERIALIZED (SELECT d.id, d.kind, d.themes, d.community_id,"
	"   d.region, d.year FROM search_doc d, q, v"
	"   WHERE numnode(q.q) > 0 AND d.tsv @@ q.q AND" QS_VISIBLE "),"
	" hits AS (SELECT d.path, d.title, d.kind, d.summary, d.body,"
	"   d.warnings, d.community_id, d.tsv <=> q.q AS dist"
	"   FROM search_doc d, q, v, f"
	"   WHERE numnode(q.q) > 0 AND d.tsv @@ q.q AND" QS_VISIBLE
	"   AND (f.kind IS NULL OR d.kind = f.kind)"
	"   AND (NOT f.has_theme OR d.themes @> ARRAY[f.theme])"
	"   AND (NOT f.has_comm OR d.community_id = f.comm)"
	"   AND (f.region IS NULL OR d.region = f.region)"
	"   AND (f.year IS NULL OR d.year = f.year)"
	"   ORDER BY d.tsv <=> q.q LIMIT $10::integer OFFSET $9::integer),"
	" total AS (SELECT count(*) AS n FROM m, f WHERE" QS_F_KIND " AND"
	"   " QS_F_THEME " AND" QS_F_COMM " AND" QS_F_REGION " AND" QS_F_YEAR
	" )"
	" SELECT 'void', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL::bigint"
	"   FROM q WHERE numnode(q.q) = 0"
	" UNION ALL (SELECT 'hit', h.path, h.title, h.kind, h.summary,"
	"   CASE WHEN cardinality(h.warnings) > 0 THEN '' ELSE"
	"   ts_headline('bron', h.body, q.q, 'StartSel=' || chr(1) ||"
	"   ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12,"
	" ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"') END,"
	"   array_to_string(h.warnings, ' '),"
	"   coalesce((SELECT c.name FROM community c"
	"     WHERE c.id = h.community_id), ''), NULL"
	"   FROM hits h, q ORDER BY h.dist)"
	" UNION ALL SELECT 'total', NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
	"   total.n FROM total, q WHERE numnode(q.q) > 0"
	" UNION ALL (SELECT 'f_kind', m.kind, NULL, NULL, NULL, NULL, NULL,"
	"   NULL, count(*) FROM m, f WHERE" QS_F_THEME " AND" QS_F_COMM
	"   AND" QS_F_REGION " AND" QS_F_YEAR
	"   GROUP BY m.kind ORDER BY count(*) DESC, m.kind)"
	" UNION ALL (SELECT 'f_theme', t.slug, t.title, NULL, NULL, NULL,"
	"   NULL, NULL, x.n FROM (SELECT u.theme, count(*) AS n FROM m, f,"
	"   unnest(m.themes) AS u(theme) WHERE" QS_F_KIND " AND" QS_F_COMM
	"   AND" QS_F_REGION " AND" QS_F_YEAR " GROUP BY u.theme) x"
	"   JOIN theme t ON t.id = x.theme ORDER BY x.n DESC, t.title)"
	" UNION ALL (SELECT 'f_comm', c.slug, c.name, NULL, NULL, NULL,"
	"   NULL, NULL, x.n FROM (SELECT m.community_id, count(*) AS n"
	"   FROM m, f WHERE m.community_id IS NOT NULL AND" QS_F_KIND " AND"
	"   " QS_F_THEME " AND" QS_F_REGION " AND" QS_F_YEAR
	"   GROUP BY m.community_id) x JOIN community c"
	"   ON c.id = x.community_id ORDER BY x.n DESC, c.name)"
	" UNION ALL (SELECT 'f_region', r.slug, CASE $3::text WHEN 'en'"
	"   THEN r.name_en ELSE r.name END, NULL, NULL, NULL, NULL, NULL,"
	"   x.n FROM (SELECT m.region, count(*) AS n FROM m, f"
	"   WHERE m.region IS NOT NULL AND" QS_F_KIND " AND" QS_F_THEME
	"   AND" QS_F_COMM " AND" QS_F_YEAR " GROUP BY m.region) x"
	"   JOIN region r ON r.slug = x.region ORDER BY x.n DESC, r.name)"
	" UNION ALL (SELECT 'f_year', m.year::text, NULL, NULL, NULL, NULL,"
	"   NULL, NULL, count(*) FROM m, f WHERE m.year IS NOT NULL AND"
	"   " QS_F_KIND " AND" QS_F_THEME " AND" QS_F_COMM " AND" QS_F_REGION
	"   GROUP BY m.year ORDER BY m.year DESC)"
	" UNION ALL SELECT 'suggest', s.w, NULL, NULL, NULL, NULL, NULL,"
	"   NULL, s.i - 1 FROM total, unnest(search_suggest(ARRAY(SELECT"
	"   jsonb_array_elements_text($11::jsonb)))) WITH ORDINALITY"
	"   AS s(w, i) WHERE total.n < 3 AND s.w IS NOT NULL"
	" UNION ALL (SELECT 'title', d.path, d.title, NULL, NULL, NULL,"
	"   NULL, NULL, NULL FROM search_doc d, v, total, (SELECT"
	"   lower(unaccent(string_agg(w, ' '))) AS k FROM"
	"   jsonb_array_elements_text($11::jsonb) AS w) t"
	"   WHERE total.n < 3 AND t.k IS NOT NULL AND d.title_key % t.k"
	"   AND" QS_VISIBLE
	"   ORDER BY similarity(d.title_key, t.k) DESC, d.title LIMIT 3)",
	11
};
