/*
 * The session page, its export and the session form (q_mm_session.h).
 * Who may see what is decided here, with the rights of
 * sql/007_mastermind.sql: the minutes only for mm_minutes_may_read(),
 * participants only for signed-in readers of the minutes, external
 * owners' names only for signed-in readers.
 */
#include "db/q_pilot.h"
#include "db/q_mm_session.h"

#define READER	"nullif($3::text, '')::bigint"

#define N1	"NULL::text"
#define N2	N1 "," N1
#define N3	N2 "," N1
#define N4	N2 "," N2
#define N5	N4 "," N1
#define N6	N4 "," N2
#define N7	N4 "," N3
#define N8	N4 "," N4
#define N9	N8 "," N1
#define N10	N8 "," N2
#define N11	N8 "," N3
#define N12	N8 "," N4
#define N13	N12 "," N1
#define N14	N12 "," N2
#define N15	N12 "," N3

#define DAYTIME(x) \
	"coalesce(to_char(" x " AT TIME ZONE 'Europe/Amsterdam'," \
	" 'DD-MM-YYYY HH24:MI'), '')"
#define DAY(x) \
	"coalesce(to_char(" x " AT TIME ZONE 'Europe/Amsterdam'," \
	" 'DD-MM-YYYY'), '')"
#define TODAY	"(now() AT TIME ZONE 'Europe/Amsterdam')::date"

/* An action's columns (QMS_ACTION, QMS_CARRIED), from "a" and "o". */
#define ACTION_COLS \
	" a.id::text, a.what, a.owner_id::text," \
	" CASE WHEN ow.deleted_at IS NULL THEN ow.display_name END," \
	" CASE WHEN " READER " IS NOT NULL THEN a.owner_name END," \
	" (a.owner_name IS NOT NULL)::text," \
	" coalesce(to_char(a.due_on, 'YYYY-MM-DD'), ''), a.status, a.note," \
	" CASE WHEN ev.id IS NOT NULL THEN item_href(ev)" \
	"  WHEN el.id IS NOT NULL THEN '/lessen/' || el.id END," \
	" coalesce(ev.title, el.statement)," \
	" (a.status = 'open' AND a.due_on < " TODAY ")::text," \
	" (CASE WHEN k.run THEN true WHEN " READER " IS NOT NULL" \
	"  AND (a.owner_id = " READER " OR ax.facilitator_id = " READER ")" \
	"  THEN mm_action_may_update(a.id, " READER ") ELSE false END)::text," \
	" a.revision::text," \
	" (a.closed_in = s.id)::text," \
	" '/masterminds/' || s.sslug || '/' || oi.slug," \
	" oi.title"
/*
 * Per row only what cannot be asked once: whoever runs the series (k.run)
 * may update every action of it (mm_action_may_update() says so too), so
 * the function runs only for owners and a session's own facilitator;
 * every action is of s's series, so its session's path needs no lookup.
 * (300 actions took the runner's page from 15 to 63 ms.)
 */
#define ACTION_JOINS \
	" CROSS JOIN k" \
	" JOIN item oi ON oi.id = a.session_id" \
	" JOIN mm_session ax ON ax.item_id = a.session_id" \
	" LEFT JOIN account ow ON ow.id = a.owner_id" \
	" LEFT JOIN item ev ON ev.id = a.evidence_item_id" \
	"  AND item_may_read(ev.id, " READER ")" \
	" LEFT JOIN lesson el ON el.id = a.evidence_lesson_id" \
	"  AND lesson_may_read(el.id, " READER ")"

const struct db_query	q_mm_session_page = {
	"mm_session_page",
	"WITH s AS ("
	"  SELECT i.id, i.slug::text AS slug, i.title, i.summary,"
	"  i.body_html, i.toc_html, i.body_md, i.revision, i.community_id,"
	"  x.series_id, x.starts_at, x.duration_min, x.location,"
	"  x.facilitator_id, x.case_md, x.case_html, x.agreements_md,"
	"  x.agreements_html, x.state, x.amend_until, x.final_at,"
	"  se.slug::text AS sslug, se.name AS sname, se.amend_days,"
	"  mm_minutes_may_read(i.id, " READER ") AS mr"
	"  FROM mm_series se JOIN mm_session x ON x.series_id = se.id"
	"  JOIN item i ON i.id = x.item_id"
	"  WHERE se.slug = $1::text AND i.slug = $2::text"
	"  AND i.kind = 'mastermind'"
	"  AND mm_session_may_see(i.id, " READER ")"
	"), k AS (SELECT mm_series_may_run(s.series_id, " READER ") AS run"
	"  FROM s)"
	" SELECT 1 AS t, 0::bigint AS pos, s.id::text, s.title, s.summary,"
	" s.sslug, s.sname, (SELECT count(*) FROM mm_session y"
	"  WHERE y.series_id = s.series_id AND (y.starts_at, y.item_id)"
	"  <= (s.starts_at, s.id))::text,"
	" to_char(s.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'),"
	" to_char(s.starts_at AT TIME ZONE 'Europe/Amsterdam', 'HH24:MI'),"
	" to_char(s.starts_at AT TIME ZONE 'Europe/Amsterdam',"
	"  'YYYY-MM-DD\"T\"HH24:MI'),"
	" s.duration_min::text, s.location, s.facilitator_id::text,"
	" CASE WHEN f.deleted_at IS NULL THEN f.display_name END, s.state,"
	" to_char((s.starts_at + make_interval(mins => s.duration_min))"
	"  AT TIME ZONE 'Europe/Amsterdam', 'HH24:MI'), " N2
	" FROM s LEFT JOIN account f ON f.id = s.facilitator_id"
	" UNION ALL"
	" SELECT 2, 0, " DAYTIME("s.amend_until") ","
	" (s.state = 'amendering' AND s.amend_until > now())::text,"
	" s.mr::text, mm_session_may_run(s.id, " READER ")::text,"
	" mm_is_participant(s.id, " READER ")::text, s.revision::text,"
	" s.amend_days::text,"
	" CASE WHEN " READER " IS NULL THEN '' ELSE EXISTS (SELECT 1"
	"  FROM follow fo WHERE fo.account_id = " READER
	"  AND fo.item_id = s.id)::text END,"
	" c.slug::text, c.name, s.slug, " DAY("s.final_at") ", " N5
	" FROM s LEFT JOIN community c ON c.id = s.community_id"
	"  AND community_may_read(c.id, " READER ")"
	" UNION ALL"
	" SELECT 3, 0, s.case_html, s.body_html, s.toc_html,"
	" s.agreements_html, s.case_md, s.body_md, s.agreements_md, " N10
	" FROM s WHERE s.mr"
	" UNION ALL"
	" SELECT 4, row_number() OVER (ORDER BY th.position, th.title),"
	" th.slug::text, th.title, " N15
	" FROM s JOIN item_theme it ON it.item_id = s.id"
	" JOIN theme th ON th.id = it.theme_id"
	" UNION ALL"
	" SELECT 5, p.position, p.account_id::text,"
	" CASE WHEN ac.deleted_at IS NULL THEN ac.display_name END,"
	" p.name, p.role, " N13
	" FROM s JOIN mm_participant p ON p.session_id = s.id"
	" LEFT JOIN account ac ON ac.id = p.account_id"
	" WHERE s.mr AND " READER " IS NOT NULL"
	" UNION ALL"
	" SELECT 6, a.position," ACTION_COLS
	" FROM s JOIN mm_action a ON a.session_id = s.id" ACTION_JOINS
	" WHERE s.mr"
	" UNION ALL"
	" SELECT 7, r.pos, r.kind, r.slug, r.title, r.summary, r.warn, " N12
	" FROM (SELECT i.kind, i.slug::text AS slug, i.title, i.summary,"
	"  item_warnings(i.id) AS warn,"
	"  row_number() OVER (ORDER BY i.published_at DESC, i.id DESC) AS pos"
	"  FROM s JOIN item_link l ON l.type = 'gerelateerd'"
	"  AND (l.from_id = s.id OR l.to_id = s.id)"
	"  JOIN item i ON i.id = CASE WHEN l.from_id = s.id THEN l.to_id"
	"  ELSE l.from_id END WHERE " Q_PILOT_SEEN(READER) ") r"
	" WHERE r.pos <= 6"
	" UNION ALL"
	" SELECT 8, r.pos, r.kind, r.slug, r.title, r.summary, r.warn, " N12
	" FROM (SELECT i.kind, i.slug::text AS slug, i.title, i.summary,"
	"  item_warnings(i.id) AS warn,"
	"  row_number() OVER (ORDER BY i.published_at DESC, i.id DESC) AS pos"
	"  FROM s JOIN item_link l ON l.to_id = s.id AND l.type = 'verwijst'"
	"  JOIN item i ON i.id = l.from_id WHERE " Q_PILOT_SEEN(READER) ") r"
	" WHERE r.pos <= 50"
	" UNION ALL"
	" SELECT 9, row_number() OVER (ORDER BY os.starts_at, a.position,"
	"  a.id)," ACTION_COLS
	" FROM s JOIN mm_session os ON os.series_id = s.series_id"
	" JOIN mm_action a ON a.session_id = os.item_id" ACTION_JOINS
	" WHERE os.item_id <> s.id AND ((a.status = 'open'"
	"  AND os.starts_at < s.starts_at) OR a.closed_in = s.id)"
	/*
	 * The minutes of the series' other sessions: whoever runs the
	 * series reads them all, everyone who sees s reads the final ones
	 * that are not hidden (same series); the rest asks.
	 */
	"  AND (k.run OR (os.state = 'definitief' AND oi.hidden_at IS NULL)"
	"  OR (" READER " IS NOT NULL"
	"  AND mm_minutes_may_read(os.item_id, " READER ")))"
	" UNION ALL"
	" SELECT 10, m.id, m.id::text, m.section,"
	" CASE WHEN au.deleted_at IS NULL THEN au.display_name END,"
	" m.comment, m.proposal_html, m.state, m.reply,"
	" " DAY("m.created_at") ", m.proposal_md, " N8
	" FROM s JOIN mm_amendment m ON m.session_id = s.id"
	" LEFT JOIN account au ON au.id = m.author_id WHERE s.mr"
	" UNION ALL"
	" SELECT 11, d.id, d.id::text, d.body_html, " DAY("d.created_at") ","
	" CASE WHEN au.deleted_at IS NULL THEN au.display_name END,"
	" d.body_md, " N12
	" FROM s JOIN mm_addendum d ON d.session_id = s.id"
	" LEFT JOIN account au ON au.id = d.author_id WHERE s.mr"
	" ORDER BY 1, 2",
	3
};

const struct db_query	q_mm_session_form = {
	"mm_session_form",
	"WITH se AS (SELECT x.* FROM mm_series x WHERE x.slug = $1::text),"
	" me AS (SELECT $3::bigint AS id),"
	" s AS (SELECT i.*, x.starts_at, x.duration_min, x.location,"
	"  x.facilitator_id, x.case_md, x.agreements_md, x.state"
	"  FROM se JOIN mm_session x ON x.series_id = se.id"
	"  JOIN item i ON i.id = x.item_id"
	"  WHERE $2::text <> '' AND i.slug = $2::text"
	"  AND i.kind = 'mastermind')"
	" SELECT 1 AS t, 0::bigint AS pos, se.id::text, se.slug::text,"
	" se.name, mm_series_may_read(se.id, me.id)::text,"
	" mm_series_may_run(se.id, me.id)::text,"
	" account_is_editor(me.id)::text, " N9
	" FROM se CROSS JOIN me"
	" UNION ALL"
	" SELECT 2, 0, s.id::text, s.slug::text, s.title, s.summary,"
	" s.body_md, s.revision::text, s.state,"
	" (mm_session_may_run(s.id, me.id)"
	"  AND mm_session_may_see(s.id, me.id))::text,"
	" to_char(s.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'),"
	" to_char(s.starts_at AT TIME ZONE 'Europe/Amsterdam', 'HH24:MI'),"
	" s.duration_min::text, s.location,"
	" coalesce((SELECT a.display_name FROM account a"
	"  WHERE a.id = s.facilitator_id AND a.deleted_at IS NULL), ''),"
	" s.case_md, s.agreements_md"
	" FROM s CROSS JOIN me"
	" UNION ALL"
	" SELECT 3, p.position, coalesce(a.display_name, p.name), p.role, "
	N13
	" FROM s JOIN mm_participant p ON p.session_id = s.id"
	" LEFT JOIN account a ON a.id = p.account_id"
	" UNION ALL"
	" SELECT 4, row_number() OVER (ORDER BY t.position, t.title, t.id),"
	" t.slug::text, t.title, EXISTS (SELECT 1 FROM item_theme x JOIN s"
	"  ON s.id = x.item_id WHERE x.theme_id = t.id)::text, " N12
	" FROM theme t"
	" UNION ALL"
	" SELECT 5, row_number() OVER (ORDER BY g.tag), g.tag, " N14
	" FROM item_tag g JOIN s ON s.id = g.item_id"
	" UNION ALL"
	" SELECT 6, row_number() OVER (ORDER BY r.kind, r.slug), r.kind,"
	" r.slug::text, " N13
	" FROM item_link l JOIN s ON s.id = l.from_id"
	" JOIN item r ON r.id = l.to_id WHERE l.type = 'gerelateerd'"
	" UNION ALL"
	" SELECT 7, row_number() OVER (ORDER BY os.starts_at, a.position,"
	"  a.id), a.what,"
	" coalesce(CASE WHEN ow.deleted_at IS NULL THEN ow.display_name END,"
	"  a.owner_name, ''),"
	" coalesce(to_char(a.due_on, 'YYYY-MM-DD'), ''),"
	" (a.due_on < " TODAY ")::text, oi.title, " N10
	" FROM se CROSS JOIN me JOIN mm_session os ON os.series_id = se.id"
	" JOIN item oi ON oi.id = os.item_id"
	" JOIN mm_action a ON a.session_id = os.item_id"
	" LEFT JOIN account ow ON ow.id = a.owner_id"
	" WHERE a.status = 'open' AND os.item_id IS DISTINCT FROM"
	"  (SELECT s.id FROM s)"
	"  AND os.starts_at < coalesce((SELECT s.starts_at FROM s),"
	"  'infinity'::timestamptz)"
	"  AND mm_minutes_may_read(os.item_id, me.id)"
	" UNION ALL"
	" SELECT 8, 0, i.slug::text, " N14
	" FROM item i WHERE $4::text <> '' AND i.idem = $4::text"
	"  AND i.created_by = $3::bigint AND i.kind = 'mastermind'"
	" ORDER BY 1, 2",
	4
};

const struct db_query	q_mm_session_save = {
	"mm_session_save",
	"SELECT s.id::text, s.slug, s.revision::text, s.conflict::text,"
	" coalesce(s.error, '')"
	" FROM mm_session_save($1::bigint, $2::integer, $3::bigint,"
	" $4::bigint, $5::text, $6::text, $7::text, $8::text, $9::text,"
	" $10::integer, $11::text, $12::text, $13::text, $14::text,"
	" $15::text, $16::text, $17::text, $18::jsonb) AS s",
	18
};
