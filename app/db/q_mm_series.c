/*
 * Queries of the mastermind series pages (db/q_mm_series.h). Typed
 * rows of 12 text columns each; N<k> pads a row with k NULLs.
 */
#include "db/q_article.h"
#include "db/q_mm_series.h"

#define ME	"(SELECT nullif($2::text, '')::bigint)"
#define TODAY	"(now() AT TIME ZONE 'Europe/Amsterdam')::date"
#define LOCAL(t, f) \
	"to_char((" t ") AT TIME ZONE 'Europe/Amsterdam', '" f "')"
#define UTCSTAMP(t) \
	"to_char((" t ") AT TIME ZONE 'UTC', 'YYYYMMDD\"T\"HH24MISS\"Z\"')"
#define N1	"NULL::text"
#define N2	N1 ", " N1
#define N3	N2 ", " N1
#define N4	N3 ", " N1
#define N5	N4 ", " N1
#define N6	N5 ", " N1
#define N7	N6 ", " N1
#define N8	N7 ", " N1
#define N9	N8 ", " N1
#define N10	N9 ", " N1
#define N11	N10 ", " N1

/* An action's owner: member id, display name, external name. */
#define OWNER \
	"a.owner_id::text, ow.display_name, a.owner_name"

const struct db_query q_mms_index = {
	"mms_index",
	"WITH me AS (SELECT nullif($1::text, '')::bigint AS id),"
	" s AS ("
	"  SELECT x.id, x.slug::text AS slug, x.name, x.purpose_md, c.name"
	"  AS cname FROM mm_series x CROSS JOIN me"
	"  LEFT JOIN community c ON c.id = x.community_id"
	"  WHERE mm_series_may_read(x.id, me.id)"
	"), ses AS ("
	"  SELECT x.item_id, x.series_id, x.starts_at, x.state"
	"  FROM s JOIN mm_session x ON x.series_id = s.id CROSS JOIN me"
	"  WHERE mm_session_may_see(x.item_id, me.id)"
	")"
	" SELECT 1 AS t, row_number() OVER (ORDER BY lower(s.name), s.id)"
	"  AS pos, s.slug, s.name,"
	"  left(btrim(split_part(replace(s.purpose_md, E'\\r', ''),"
	"  E'\\n\\n', 1)), 300), s.cname,"
	"  (SELECT count(*) FROM ses WHERE ses.series_id = s.id)::text,"
	"  (SELECT " LOCAL("min(ses.starts_at)", "YYYY-MM-DD HH24:MI")
	"  FROM ses WHERE ses.series_id = s.id AND ses.starts_at > now()),"
	"  (SELECT count(*) FROM ses JOIN mm_action a"
	"  ON a.session_id = ses.item_id CROSS JOIN me"
	"  WHERE ses.series_id = s.id AND a.status = 'open'"
	"  AND mm_minutes_may_read(ses.item_id, me.id))::text, " N5
	" FROM s"
	" UNION ALL"
	" SELECT * FROM (SELECT 2, row_number() OVER (ORDER BY ses.starts_at"
	"  DESC, i.id DESC), i.title, mm_session_href(i.id), s.name, s.slug,"
	"  " LOCAL("ses.starts_at", "YYYY-MM-DD") ", i.summary, " N6
	"  FROM ses JOIN s ON s.id = ses.series_id"
	"  JOIN item i ON i.id = ses.item_id"
	"  WHERE ses.state = 'definitief' AND i.hidden_at IS NULL"
	"  ORDER BY ses.starts_at DESC, i.id DESC LIMIT 10) f"
	" UNION ALL"
	" SELECT 3, 0, (me.id IS NOT NULL AND account_active(me.id))::text, "
	N11 " FROM me"
	" ORDER BY 1, 2",
	1
};

const struct db_query q_mms_page = {
	"mms_page",
	"WITH me AS (SELECT " ME " AS id),"
	" s AS ("
	"  SELECT x.id, x.slug::text AS slug, x.name, x.purpose_html,"
	"  c.slug::text AS cslug, c.name AS cname,"
	"  mm_series_may_run(x.id, me.id) AS run"
	"  FROM mm_series x CROSS JOIN me"
	"  LEFT JOIN community c ON c.id = x.community_id"
	"  WHERE x.slug = $1::text AND mm_series_may_read(x.id, me.id)"
	"), ses AS ("
	"  SELECT i.id, i.title, x.starts_at, x.state,"
	"  '/masterminds/' || s.slug || '/' || i.slug AS href,"
	/*
	 * The series is readable (s): whoever runs it sees and reads every
	 * session, everyone sees those not hidden and reads the final ones
	 * of them; only the rest asks the functions, and only for a
	 * signed-in reader (a visitor reads no more). 50 sessions asked
	 * each took the page from 2 to 17 ms.
	 */
	"  (s.run OR (x.state = 'definitief' AND i.hidden_at IS NULL)"
	"  OR (me.id IS NOT NULL AND mm_minutes_may_read(i.id, me.id)))"
	"  AS mr,"
	"  row_number() OVER (ORDER BY x.starts_at, i.id) AS n"
	"  FROM s JOIN mm_session x ON x.series_id = s.id"
	"  JOIN item i ON i.id = x.item_id CROSS JOIN me"
	"  WHERE (s.run OR i.hidden_at IS NULL"
	"  OR (me.id IS NOT NULL AND mm_session_may_see(i.id, me.id)))"
	"), act AS ("
	"  SELECT a.*, ses.title AS stitle, ses.href AS shref"
	"  FROM ses JOIN mm_action a ON a.session_id = ses.id"
	"  WHERE ses.mr AND a.status = 'open'"
	")"
	" SELECT 0 AS t, 0::bigint AS pos, mm_session_href(i.id), " N11
	" FROM item i CROSS JOIN me WHERE i.kind = 'mastermind'"
	"  AND i.slug = $1::text AND NOT EXISTS (SELECT 1 FROM s)"
	"  AND mm_session_may_see(i.id, me.id)"
	" UNION ALL"
	" SELECT 1, 0, s.slug, s.name, s.purpose_html, s.cslug, s.cname,"
	"  s.run::text, s.id::text, (" TODAY ")::text, " N4 " FROM s"
	" UNION ALL"
	" SELECT 2, f.position, ac.id::text, ac.display_name, " N10
	" FROM s JOIN mm_facilitator f ON f.series_id = s.id"
	"  JOIN account ac ON ac.id = f.account_id"
	"  WHERE ac.deleted_at IS NULL"
	" UNION ALL"
	" SELECT 3, ses.n, ses.n::text, ses.title, ses.href,"
	"  " LOCAL("ses.starts_at", "YYYY-MM-DD") ","
	"  " LOCAL("ses.starts_at", "HH24:MI") ","
	"  to_char(ses.starts_at AT TIME ZONE 'UTC',"
	"  'YYYY-MM-DD\"T\"HH24:MI\"Z\"'), ses.state,"
	"  CASE WHEN ses.mr THEN (SELECT count(*) FROM act"
	"  WHERE act.session_id = ses.id)::text END, " N4
	" FROM ses"
	" UNION ALL"
	" SELECT 4, row_number() OVER (ORDER BY a.due_on NULLS LAST,"
	"  a.session_id, a.position, a.id), a.what, " OWNER ","
	"  a.due_on::text, (a.due_on < " TODAY ")::text, a.stitle, a.shref,"
	"  a.id::text, " N3
	" FROM act a LEFT JOIN account ow ON ow.id = a.owner_id"
	"  AND ow.deleted_at IS NULL"
	" ORDER BY 1, 2",
	2
};

const struct db_query q_mms_gen = {
	"mms_gen",
	"SELECT n::text, (" TODAY ")::text FROM content_gen",
	0
};

const struct db_query q_mms_form = {
	"mms_form",
	"WITH me AS (SELECT " ME " AS id),"
	" s AS ("
	"  SELECT x.*, c.slug::text AS cslug FROM mm_series x CROSS JOIN me"
	"  LEFT JOIN community c ON c.id = x.community_id"
	"  WHERE $1::text <> '' AND x.slug = $1::text"
	"  AND mm_series_may_read(x.id, me.id)"
	")"
	" SELECT 1 AS t, 0::bigint AS pos, s.id::text, s.slug::text, s.name,"
	"  s.purpose_md, s.cslug, coalesce((SELECT string_agg(a.display_name,"
	"  E'\\n' ORDER BY f.position) FROM mm_facilitator f JOIN account a"
	"  ON a.id = f.account_id WHERE f.series_id = s.id"
	"  AND a.deleted_at IS NULL), ''), s.amend_days::text,"
	"  s.revision::text, mm_series_may_run(s.id, me.id)::text, " N3
	" FROM s CROSS JOIN me"
	" UNION ALL"
	" SELECT 2, row_number() OVER (ORDER BY lower(c.name), c.id),"
	"  c.slug::text, c.name, " N10
	" FROM community c CROSS JOIN me"
	" WHERE community_may_post(c.id, me.id)"
	"  OR c.id IN (SELECT community_id FROM s)"
	" ORDER BY 1, 2",
	2
};

const struct db_query q_mms_save = {
	"mms_save",
	"SELECT id::text, slug, revision::text, conflict::text, error"
	" FROM mm_series_save(nullif($1::text, '')::bigint,"
	" nullif($2::text, '')::integer, $3::bigint, $4::text, $5::text,"
	" $6::text, $7::text, $8::text, $9::text, $10::integer,"
	" nullif($11::text, ''))",
	11
};

const struct db_query q_mms_ics = {
	"mms_ics",
	"WITH me AS (SELECT " ME " AS id),"
	" s AS ("
	"  SELECT x.id, x.slug::text AS slug, x.name FROM mm_series x"
	"  CROSS JOIN me WHERE x.slug = $1::text"
	"  AND mm_series_may_read(x.id, me.id)"
	")"
	" SELECT 1 AS t, 0::bigint AS pos, s.slug, s.name,"
	"  " UTCSTAMP("now()") ", " N9 " FROM s"
	" UNION ALL"
	" SELECT 2, row_number() OVER (ORDER BY x.starts_at, i.id),"
	"  i.id::text, i.title, mm_session_href(i.id),"
	"  " UTCSTAMP("x.starts_at") ","
	"  " UTCSTAMP("x.starts_at + make_interval(mins => x.duration_min)")
	"  , x.location, x.ics_seq::text,"
	"  " UTCSTAMP("greatest(i.updated_at, i.created_at)") ", " N4
	" FROM s JOIN mm_session x ON x.series_id = s.id"
	"  JOIN item i ON i.id = x.item_id CROSS JOIN me"
	"  WHERE x.starts_at >= now() - interval '90 days'"
	"  AND mm_session_may_see(i.id, me.id)"
	" ORDER BY 1, 2",
	2
};

const struct db_query q_mms_actions = {
	"mms_actions",
	"WITH me AS (SELECT " ME " AS id),"
	" s AS ("
	"  SELECT x.id, x.slug::text AS slug, x.name FROM mm_series x"
	"  CROSS JOIN me WHERE x.slug = $1::text"
	"  AND mm_series_may_read(x.id, me.id)"
	"), act AS ("
	"  SELECT a.*, i.title AS stitle, mm_session_href(i.id) AS shref,"
	"  x.starts_at, a.status = 'open' AND a.due_on < " TODAY " AS late"
	"  FROM s JOIN mm_session x ON x.series_id = s.id"
	"  JOIN item i ON i.id = x.item_id"
	"  JOIN mm_action a ON a.session_id = x.item_id CROSS JOIN me"
	"  WHERE mm_minutes_may_read(i.id, me.id)"
	"), f AS ("
	"  SELECT * FROM act WHERE CASE $3::text"
	"  WHEN 'alle' THEN true WHEN 'te_laat' THEN act.late"
	"  ELSE act.status = $3::text END"
	")"
	" SELECT 1 AS t, 0::bigint AS pos, s.slug, s.name,"
	"  (" TODAY ")::text, (SELECT count(*) FROM f)::text, " N8 " FROM s"
	" UNION ALL"
	" SELECT * FROM (SELECT 2, row_number() OVER (ORDER BY"
	"  a.status <> 'open', a.due_on NULLS LAST, a.starts_at, a.position,"
	"  a.id), a.what, " OWNER ", a.due_on::text, a.late::text,"
	"  a.stitle, a.shref, a.status, a.note,"
	"  CASE WHEN ei.id IS NOT NULL THEN ei.title"
	"  WHEN el.id IS NOT NULL THEN el.statement END,"
	"  CASE WHEN ei.id IS NOT NULL THEN item_href(ei)"
	"  WHEN el.id IS NOT NULL THEN '/lessen/' || el.id END"
	"  FROM f a CROSS JOIN me"
	"  LEFT JOIN account ow ON ow.id = a.owner_id AND ow.deleted_at IS NULL"
	"  LEFT JOIN item ei ON ei.id = a.evidence_item_id"
	"  AND item_may_read(ei.id, me.id)"
	"  LEFT JOIN lesson el ON el.id = a.evidence_lesson_id"
	"  AND lesson_may_read(el.id, me.id)"
	"  ORDER BY 2 LIMIT $4::integer OFFSET $5::integer) r"
	" ORDER BY 1, 2",
	5
};

/* Final session records visitors may read, as every feed (QF_*). */
const struct db_query q_feed_masterminds = {
	"feed_masterminds",
	"SELECT '2', " FEED_ENTRY
	" FROM item i JOIN mm_session x ON x.item_id = i.id"
	" WHERE i.kind = 'mastermind' AND x.state = 'definitief' AND "
	Q_PUBLIC_I " AND mm_session_may_see(i.id, NULL)"
	" ORDER BY x.final_at DESC, i.id DESC LIMIT " FEED_MAX,
	0
};
