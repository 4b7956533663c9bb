/*
 * The pilot overview, /lessen, the compare page and the pilot feed
 * (q_pilot_list.h). Facets follow the usual semantics: AND between
 * facets, OR within one, and each value counted over the pilots that
 * match every OTHER facet, so a count says what choosing it would give.
 */
#include "db/q_article.h"
#include "db/q_pilot_list.h"

#define PL_READER	"nullif($10::text, '')::bigint"
#define LL_READER	"nullif($7::text, '')::bigint"
#define PC_READER	"nullif($2::text, '')::bigint"

/* A list parameter as text[] ('' gives an empty array). */
#define LIST(n)		"string_to_array(" n "::text, ',')"
/* An empty array as NULL: "no filter". */
#define NONEMPTY(a)	"nullif(" a ", '{}')"

#define PHASES \
	"ARRAY['idee', 'voorbereiding', 'lopend', 'geevalueerd'," \
	" 'opgeschaald', 'gestopt']"
#define KINDS \
	"ARRAY['werkte', 'werkte_niet', 'randvoorwaarde', 'advies']"

/*
 * Per year 1990..2100, how many pilots of rel (matching cond) ran in it:
 * +1 in its first year, -1 after its last, summed up over the years.
 * (Expanding each pilot into its years with generate_series(y0, y1)
 * works too, but the planner guesses 1,000 rows a pilot, and the plan
 * then looks costly enough for JIT compilation: seconds for a query of
 * milliseconds.)
 */
#define YEAR_COUNTS(rel, cond) \
	"SELECT g.y, sum(coalesce(d.n, 0)) OVER (ORDER BY g.y) AS n" \
	" FROM generate_series(1990, 2100) g (y) LEFT JOIN (" \
	"  SELECT e.y, sum(e.n) AS n FROM (" \
	"   SELECT x.y0 AS y, count(*) AS n FROM " rel " x" \
	"   WHERE x.y0 <= x.y1 AND " cond " GROUP BY x.y0" \
	"   UNION ALL" \
	"   SELECT x.y1 + 1, -count(*) FROM " rel " x" \
	"   WHERE x.y0 <= x.y1 AND " cond " GROUP BY x.y1 + 1" \
	"  ) e GROUP BY e.y" \
	" ) d ON d.y = g.y"

#define DAY(x)		"coalesce(to_char(" x ", 'YYYY-MM-DD'), '')"
/* A region's or setting's name in the reader's language ($n = locale). */
#define NAME(x, loc)	"CASE WHEN " loc "::text = 'en' THEN " x ".name_en" \
			" ELSE " x ".name END"

/*
 * Readable published pilots with what the facets need: their province
 * (a jeugdregio's province, a province itself, or landelijk) and the
 * years they ran, start to end or today (one that starts in the
 * future: its start year), kept within the years the facet parser
 * takes. Names and texts are joined later, for the rows of one page
 * only (LABELS).
 */
#define PILOTS(reader, cond) \
	"SELECT i.id, i.title, i.published_at, pl.region," \
	" pl.setting::text AS setting, pl.phase::text AS phase," \
	" pl.project_id, pl.start_on, pl.end_on," \
	" coalesce(rg.province, rg.slug)::text AS prov," \
	" greatest(extract(year FROM pl.start_on)::int, 1990) AS y0," \
	" least(greatest(extract(year FROM coalesce(pl.end_on," \
	" current_date))::int, extract(year FROM pl.start_on)::int)," \
	" 2100) AS y1" \
	" FROM item i JOIN pilot pl ON pl.item_id = i.id" \
	" LEFT JOIN region rg ON rg.slug = pl.region" \
	" WHERE i.kind = 'pilot' AND i.status = 'gepubliceerd'" \
	" AND i.hidden_at IS NULL AND (i.visibility = 'openbaar'" \
	" OR (" reader " IS NOT NULL AND item_may_read(i.id, " reader ")))" \
	" AND " cond

/* The names of rows x's region, its province and setting (LABEL_COLS). */
#define LABELS(x) \
	" LEFT JOIN region rg ON rg.slug = " x ".region" \
	" LEFT JOIN region pv ON pv.slug = rg.province" \
	" LEFT JOIN pilot_setting st ON st.slug = " x ".setting"
#define LABEL_COLS(loc) \
	"coalesce(" NAME("rg", loc) ", ''), coalesce(" NAME("pv", loc) ", '')," \
	" coalesce(" NAME("st", loc) ", '')"

/* The chosen values that name something (unknown ones are dropped). */
#define SEL_REGIO(n) \
	NONEMPTY("ARRAY(SELECT x.slug::text FROM region x" \
	" WHERE x.level <> 'jeugdregio' AND x.slug = ANY (" LIST(n) "))")
#define SEL_SETTING(n) \
	NONEMPTY("ARRAY(SELECT x.slug::text FROM pilot_setting x" \
	" WHERE x.slug = ANY (" LIST(n) "))")
#define SEL_THEMA(n) \
	NONEMPTY("ARRAY(SELECT x.id FROM theme x" \
	" WHERE x.slug = ANY (" LIST(n) "))")
#define SEL_PROJECT(n) \
	NONEMPTY("ARRAY(SELECT x.id FROM change_goal x" \
	" WHERE x.slug = ANY (" LIST(n) "))")

#define F_REGIO		"(s.regio IS NULL OR p.prov = ANY (s.regio))"
#define F_SETTING	"(s.setting IS NULL OR p.setting = ANY (s.setting))"
#define F_THEMA \
	"(s.thema IS NULL OR EXISTS (SELECT 1 FROM item_theme it" \
	" WHERE it.item_id = p.id AND it.theme_id = ANY (s.thema)))"

/* The values of the region, setting and theme facets (keys 0, 1, 3). */
#define VALUES_COMMON(loc) \
	"SELECT 0 AS k, x.slug::text AS v, " NAME("x", loc) " AS label," \
	" x.position AS o FROM region x WHERE x.level <> 'jeugdregio'" \
	" UNION ALL" \
	" SELECT 1, x.slug::text, " NAME("x", loc) ", x.position" \
	" FROM pilot_setting x" \
	" UNION ALL" \
	" SELECT 3, x.slug::text, x.title, x.position FROM theme x"

const struct db_query q_pilot_list = {
	"pilot_list",
	"WITH s AS ("
	"  SELECT " SEL_REGIO("$1") " AS regio, " SEL_SETTING("$2")
	"  AS setting, " NONEMPTY(LIST("$3")) " AS fase,"
	"  " SEL_THEMA("$4") " AS thema, " SEL_PROJECT("$5") " AS project,"
	"  " NONEMPTY(LIST("$6") "::int[]") " AS jaar"
	"), p AS (" PILOTS(PL_READER, "true")
	"), m AS ("
	"  SELECT p.*, " F_REGIO " AS f0, " F_SETTING " AS f1,"
	"  (s.fase IS NULL OR p.phase = ANY (s.fase)) AS f2,"
	"  " F_THEMA " AS f3,"
	"  (s.project IS NULL OR p.project_id = ANY (s.project)) AS f4,"
	"  (s.jaar IS NULL OR EXISTS (SELECT 1 FROM unnest(s.jaar) y"
	"  WHERE y BETWEEN p.y0 AND p.y1)) AS f5"
	"  FROM p, s"
	"), r AS ("
	"  SELECT m.*, row_number() OVER (ORDER BY"
	"  CASE WHEN $7::text = 'titel' THEN m.title END COLLATE \"nl-x-icu\","
	"  CASE WHEN $7::text = 'start' THEN m.start_on END DESC NULLS LAST,"
	"  CASE WHEN $7::text = 'fase' THEN array_position(" PHASES ","
	"  m.phase) END,"
	"  CASE WHEN $7::text = 'fase' THEN m.title END COLLATE \"nl-x-icu\","
	"  m.published_at DESC, m.id DESC) AS pos"
	"  FROM m WHERE f0 AND f1 AND f2 AND f3 AND f4 AND f5"
	"), c AS ("
	"  SELECT 0 AS k, m.prov AS v, count(*) AS n FROM m"
	"  WHERE f1 AND f2 AND f3 AND f4 AND f5 GROUP BY m.prov"
	"  UNION ALL"
	"  SELECT 1, m.setting, count(*) FROM m"
	"  WHERE f0 AND f2 AND f3 AND f4 AND f5 GROUP BY m.setting"
	"  UNION ALL"
	"  SELECT 2, m.phase, count(*) FROM m"
	"  WHERE f0 AND f1 AND f3 AND f4 AND f5 GROUP BY m.phase"
	"  UNION ALL"
	"  SELECT 3, th.slug::text, count(*) FROM m"
	"  JOIN item_theme it ON it.item_id = m.id"
	"  JOIN theme th ON th.id = it.theme_id"
	"  WHERE f0 AND f1 AND f2 AND f4 AND f5 GROUP BY th.slug"
	"  UNION ALL"
	"  SELECT 4, g.slug::text, count(*) FROM m"
	"  JOIN change_goal g ON g.id = m.project_id"
	"  WHERE f0 AND f1 AND f2 AND f3 AND f5 GROUP BY g.slug"
	"  UNION ALL"
	"  SELECT 5, yc.y::text, yc.n FROM ("
	YEAR_COUNTS("m", "x.f0 AND x.f1 AND x.f2 AND x.f3 AND x.f4")
	"  ) yc WHERE yc.n > 0"
	"), v AS ("
	"  " VALUES_COMMON("$11")
	"  UNION ALL"
	"  SELECT 2, x.v, x.v, x.o::int FROM unnest(" PHASES ")"
	"  WITH ORDINALITY AS x (v, o)"
	"  UNION ALL"
	"  SELECT 4, x.slug::text, x.title, x.position FROM change_goal x"
	"  UNION ALL"
	"  SELECT 5, y.y::text, y.y::text, y.y FROM ("
	"    SELECT yp.y FROM (" YEAR_COUNTS("p", "true") ") yp WHERE yp.n > 0"
	"    UNION SELECT unnest(s.jaar) FROM s) y"
	"), vs AS ("
	"  SELECT v.*, v.v = ANY (CASE v.k WHEN 0 THEN " LIST("$1")
	"  WHEN 1 THEN " LIST("$2") " WHEN 2 THEN " LIST("$3")
	"  WHEN 3 THEN " LIST("$4") " WHEN 4 THEN " LIST("$5")
	"  ELSE " LIST("$6") " END) AS sel FROM v"
	")"
	" SELECT 1 AS t, row_number() OVER (ORDER BY vs.k, vs.o, vs.label)"
	" AS pos, vs.k::text, vs.v, vs.label, coalesce(c.n, 0)::text,"
	" vs.sel::text, NULL, NULL, NULL, NULL, NULL"
	" FROM vs LEFT JOIN c ON c.k = vs.k AND c.v = vs.v"
	" WHERE c.n > 0 OR vs.sel"
	" UNION ALL"
	" SELECT 2, r.pos, r.id::text, i.slug::text, r.title, i.summary,"
	" " LABEL_COLS("$11") ", coalesce(r.phase, ''),"
	" " DAY("r.start_on") ", " DAY("r.end_on")
	" FROM r JOIN item i ON i.id = r.id" LABELS("r")
	" WHERE r.pos > $8::bigint AND r.pos <= $8::bigint + $9::bigint"
	" UNION ALL"
	" SELECT 3, 0, (SELECT count(*) FROM r)::text, NULL, NULL, NULL, NULL,"
	" NULL, NULL, NULL, NULL, NULL"
	" ORDER BY 1, 2",
	11
};

/*
 * Lessons of readable pilots; a lesson's themes, region and setting are
 * its pilot's. Newest first.
 */
const struct db_query q_lesson_list = {
	"lesson_list",
	"WITH s AS ("
	"  SELECT " SEL_REGIO("$1") " AS regio, " SEL_SETTING("$2")
	"  AS setting, " SEL_THEMA("$3") " AS thema,"
	"  " NONEMPTY(LIST("$4")) " AS soort"
	"), p AS (" PILOTS(LL_READER, "true")
	"), m AS ("
	"  SELECT l.id AS lid, l.kind, l.statement, l.created_at, p.*,"
	"  " F_REGIO " AS f0, " F_SETTING " AS f1, " F_THEMA " AS f3,"
	"  (s.soort IS NULL OR l.kind = ANY (s.soort)) AS f6"
	"  FROM p JOIN lesson l ON l.pilot_id = p.id, s"
	"), r AS ("
	"  SELECT m.*, row_number() OVER (ORDER BY m.created_at DESC,"
	"  m.lid DESC) AS pos FROM m WHERE f0 AND f1 AND f3 AND f6"
	"), c AS ("
	"  SELECT 0 AS k, m.prov AS v, count(*) AS n FROM m"
	"  WHERE f1 AND f3 AND f6 GROUP BY m.prov"
	"  UNION ALL"
	"  SELECT 1, m.setting, count(*) FROM m"
	"  WHERE f0 AND f3 AND f6 GROUP BY m.setting"
	"  UNION ALL"
	"  SELECT 3, th.slug::text, count(*) FROM m"
	"  JOIN item_theme it ON it.item_id = m.id"
	"  JOIN theme th ON th.id = it.theme_id"
	"  WHERE f0 AND f1 AND f6 GROUP BY th.slug"
	"  UNION ALL"
	"  SELECT 6, m.kind, count(*) FROM m"
	"  WHERE f0 AND f1 AND f3 GROUP BY m.kind"
	"), v AS ("
	"  " VALUES_COMMON("$8")
	"  UNION ALL"
	"  SELECT 6, x.v, x.v, x.o::int FROM unnest(" KINDS ")"
	"  WITH ORDINALITY AS x (v, o)"
	"), vs AS ("
	"  SELECT v.*, v.v = ANY (CASE v.k WHEN 0 THEN " LIST("$1")
	"  WHEN 1 THEN " LIST("$2") " WHEN 3 THEN " LIST("$3")
	"  ELSE " LIST("$4") " END) AS sel FROM v"
	")"
	" SELECT 1 AS t, row_number() OVER (ORDER BY vs.k, vs.o, vs.label)"
	" AS pos, vs.k::text, vs.v, vs.label,"
	" coalesce(c.n, 0)::text, vs.sel::text, NULL, NULL, NULL, NULL, NULL"
	" FROM vs LEFT JOIN c ON c.k = vs.k AND c.v = vs.v"
	" WHERE c.n > 0 OR vs.sel"
	" UNION ALL"
	" SELECT 2, r.pos, r.lid::text, r.kind, r.statement, i.slug::text,"
	" r.title, " LABEL_COLS("$8") ", NULL, NULL"
	" FROM r JOIN item i ON i.id = r.id" LABELS("r")
	" WHERE r.pos > $5::bigint AND r.pos <= $5::bigint + $6::bigint"
	" UNION ALL"
	" SELECT 3, 0, (SELECT count(*) FROM r)::text, NULL, NULL, NULL, NULL,"
	" NULL, NULL, NULL, NULL, NULL"
	" ORDER BY 1, 2",
	8
};

const struct db_query q_pilot_compare = {
	"pilot_compare",
	"WITH s AS ("
	"  SELECT x.id::bigint AS id, x.o FROM unnest(" LIST("$1") ")"
	"  WITH ORDINALITY AS x (id, o)"
	"), p AS (" PILOTS(PC_READER, "i.id IN (SELECT s.id FROM s)")
	"), c AS (SELECT p.*, s.o FROM s JOIN p ON p.id = s.id)"
	" SELECT 1 AS t, c.o AS pos, c.id::text, i.slug::text, c.title,"
	" " LABEL_COLS("$3") ","
	" coalesce(g.slug::text, ''), coalesce(g.title, ''),"
	" pl.target_group, coalesce(pl.age_min::text, ''),"
	" coalesce(pl.age_max::text, ''), coalesce(c.phase, ''),"
	" " DAY("c.start_on") ", " DAY("c.end_on") ","
	" array_to_string(pl.partners, E'\\n'), pl.problem_html,"
	" pl.approach_html, pl.results_html, pl.conditions_html,"
	" (SELECT count(*) FROM lesson l WHERE l.pilot_id = c.id)::text"
	" FROM c JOIN item i ON i.id = c.id JOIN pilot pl ON pl.item_id = c.id"
	LABELS("c")
	" LEFT JOIN change_goal g ON g.id = pl.project_id"
	" UNION ALL"
	" SELECT 2, c.o * 100 + f.position, f.pilot_id::text, f.label,"
	" f.value::text, f.unit, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
	" NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
	" FROM c JOIN pilot_figure f ON f.pilot_id = c.id"
	" ORDER BY 1, 2",
	3
};

#define SECTION(h, col) \
	"CASE WHEN pl." col " <> '' THEN '<h2>' || " h "::text || '</h2>'" \
	" || pl." col " ELSE '' END"

const struct db_query q_feed_pilots = {
	"feed_pilots",
	"SELECT '2', " FEED_ENTRY " FROM ("
	"  SELECT i.id, i.kind, i.slug, i.title, i.summary, i.published_at,"
	"  i.updated_at, " SECTION("$1", "problem_html") " || "
	SECTION("$2", "approach_html") " || i.body_html || "
	SECTION("$3", "results_html") " || "
	SECTION("$4", "conditions_html") " AS body_html"
	"  FROM item i JOIN pilot pl ON pl.item_id = i.id"
	"  WHERE i.kind = 'pilot' AND " Q_PUBLIC_I
	" ) i ORDER BY i.published_at DESC, i.id DESC LIMIT " FEED_MAX,
	4
};
