/*
 * Search across what is public: items, themes, change goals and pages.
 * Dutch stemming (websearch syntax: words, "phrases", -not, or). A
 * story's warnings come last (item_warnings()): results show them, never
 * its body.
 */
#include "db/q.h"

const struct db_query q_search = {
	"search",
	"WITH q AS (SELECT websearch_to_tsquery('dutch', $1::text) AS d,"
	"  websearch_to_tsquery('english', $1::text) AS e)"
	" SELECT type, path, title, summary, warnings FROM ("
	"  SELECT i.kind AS type, CASE i.kind"
	"    WHEN 'artikel' THEN '/artikelen/' WHEN 'pilot' THEN '/pilots/'"
	"    WHEN 'mastermind' THEN '/masterminds/'"
	"    WHEN 'verhaal' THEN '/verhalen/' ELSE '/bronnen/' END"
	"    || i.slug AS path, i.title, i.summary,"
	"    ts_rank(i.search, q.d) AS rank, item_warnings(i.id) AS warnings"
	"  FROM item i, q WHERE i.search @@ q.d"
	"    AND i.status = 'gepubliceerd' AND i.visibility = 'openbaar'"
	"    AND i.hidden_at IS NULL"
	"  UNION ALL"
	"  SELECT 'thema', '/themas/' || t.slug, t.title, t.summary,"
	"    ts_rank(t.search, q.d), '' FROM theme t, q"
	"    WHERE t.search @@ q.d"
	"  UNION ALL"
	"  SELECT 'opgave', '/monitor/' || g.slug, g.title, g.summary,"
	"    ts_rank(g.search, q.d), '' FROM change_goal g, q"
	"    WHERE g.search @@ q.d"
	"  UNION ALL"
	"  SELECT 'pagina', '/' || p.slug, p.title, p.summary,"
	"    ts_rank(p.search, CASE p.lang WHEN 'en' THEN q.e ELSE q.d END),"
	"    ''"
	"    FROM page p, q WHERE p.lang = $2::text AND p.search @@"
	"    CASE p.lang WHEN 'en' THEN q.e ELSE q.d END"
	" ) r ORDER BY rank DESC, title LIMIT 50",
	2
};
