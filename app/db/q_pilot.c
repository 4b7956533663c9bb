/*
 * The pilot page and the contact person (q_pilot.h for the columns).
 * A pilot is read under the same rule as every item: visitors see it
 * published, public and not hidden; signed-in people also what
 * item_may_read() allows them (sql/005_community.sql).
 */
#include "db/q_pilot.h"

#define READER	"nullif($2::text, '')::bigint"

#define DAY(x) \
	"coalesce(to_char(" x " AT TIME ZONE 'Europe/Amsterdam'," \
	" 'YYYY-MM-DD'), '')"

/* A region's or setting's name in the reader's language (alias x). */
#define NAME(x) \
	"CASE WHEN $3::text = 'en' THEN " x ".name_en ELSE " x ".name END"

#define NULLS5	"NULL, NULL, NULL, NULL, NULL"

/*
 * "Gerelateerd" and "genoemd in" as on the article page, but with the
 * items the reader may read; a lesson's "genoemd in" the same way from
 * item_ref ('les', id), which item_save() writes for /lessen/{id}.
 */
const struct db_query q_pilot_page = {
	"pilot_page",
	"WITH a AS ("
	"  SELECT i.id, i.slug::text AS slug, i.title, i.summary,"
	"  i.body_html, i.toc_html, i.words, i.status, i.published_at,"
	"  i.approved_by, i.approved_at, i.approve_note,"
	"  i.community_id, i.feedback, i.owner_id, i.revision,"
	"  i.hidden_at, i.hidden_note"
	"  FROM item i WHERE i.kind = 'pilot' AND i.slug = $1::text"
	"  AND ((" Q_PUBLIC_I ") OR (" READER " IS NOT NULL"
	"  AND item_may_read(i.id, " READER ")))"
	"), p AS ("
	"  SELECT x.* FROM a JOIN pilot x ON x.item_id = a.id"
	"), rel AS ("
	"  SELECT r.id, min(r.rank) AS rank, max(r.shared) AS shared FROM ("
	"    SELECT CASE WHEN l.from_id = a.id THEN l.to_id"
	"    ELSE l.from_id END AS id, 0 AS rank, 0::bigint AS shared"
	"    FROM a JOIN item_link l ON l.type = 'gerelateerd'"
	"    AND (l.from_id = a.id OR l.to_id = a.id)"
	"    UNION ALL"
	"    SELECT t2.item_id, 1, count(*) FROM a"
	"    JOIN item_theme t1 ON t1.item_id = a.id"
	"    JOIN item_theme t2 ON t2.theme_id = t1.theme_id"
	"    AND t2.item_id <> a.id GROUP BY t2.item_id"
	"  ) r GROUP BY r.id"
	"), rp AS ("
	"  SELECT i.kind, i.slug::text AS slug, i.title, i.summary,"
	"  item_warnings(i.id) AS warn,"
	"  row_number() OVER (ORDER BY r.rank, r.shared DESC,"
	"  i.published_at DESC, i.id DESC) AS pos"
	"  FROM rel r JOIN item i ON i.id = r.id"
	"  WHERE " Q_PILOT_SEEN(READER)
	"), bl AS ("
	"  SELECT i.kind, i.slug::text AS slug, i.title, i.summary,"
	"  item_warnings(i.id) AS warn,"
	"  row_number() OVER (ORDER BY i.published_at DESC, i.id DESC)"
	"  AS pos FROM a JOIN item_link l ON l.to_id = a.id"
	"  AND l.type = 'verwijst' JOIN item i ON i.id = l.from_id"
	"  WHERE " Q_PILOT_SEEN(READER)
	"), les AS ("
	"  SELECT l.id, l.kind, l.statement, l.explanation_html,"
	"  row_number() OVER (ORDER BY array_position(ARRAY['werkte',"
	"  'werkte_niet', 'randvoorwaarde', 'advies'], l.kind),"
	"  l.position, l.id) AS pos"
	"  FROM a JOIN lesson l ON l.pilot_id = a.id"
	"), cited AS ("
	"  SELECT les.id AS lesson, i.kind, i.slug::text AS slug, i.title,"
	"  i.summary, row_number() OVER (ORDER BY les.pos,"
	"  i.published_at DESC, i.id DESC) AS pos"
	"  FROM les JOIN item_ref rf ON rf.kind = 'les'"
	"  AND rf.slug = les.id::text JOIN item i ON i.id = rf.from_id"
	"  WHERE " Q_PILOT_SEEN(READER)
	")"
	" SELECT 1 AS t, 0::bigint AS pos, a.title, a.summary, a.body_html,"
	" a.toc_html, a.words::text, a.status, " DAY("a.published_at") ","
	" a.slug FROM a"
	" UNION ALL"
	" SELECT 2, 0, '', 'false', a.approved_by::text,"
	" CASE WHEN ap.deleted_at IS NULL THEN ap.display_name END,"
	" " DAY("a.approved_at") ", a.approve_note, c.slug::text, c.name"
	" FROM a LEFT JOIN account ap ON ap.id = a.approved_by"
	" LEFT JOIN community c ON c.id = a.community_id"
	" AND community_may_read(c.id, " READER ")"
	" UNION ALL"
	" SELECT 3, 0, a.feedback,"
	" item_may_edit(a.id, " READER ")::text,"
	" coalesce(a.owner_id = " READER ", false)::text,"
	" account_is_editor(" READER ")::text, a.revision::text,"
	" a.id::text, (a.hidden_at IS NOT NULL)::text, a.hidden_note FROM a"
	" UNION ALL"
	" SELECT 4, row_number() OVER (ORDER BY (SELECT min(r.rev)"
	" FROM item_revision r WHERE r.item_id = a.id"
	" AND r.author_id = au.account_id) NULLS LAST, au.account_id),"
	" au.account_id::text,"
	" CASE WHEN ac.deleted_at IS NULL THEN ac.display_name END,"
	" NULL, NULL, NULL, NULL, NULL, NULL"
	" FROM a JOIN item_author au ON au.item_id = a.id"
	" JOIN account ac ON ac.id = au.account_id"
	" UNION ALL"
	" SELECT 5, row_number() OVER (ORDER BY th.position, th.title),"
	" th.slug::text, th.title, NULL, NULL, NULL, NULL, NULL, NULL"
	" FROM a JOIN item_theme it ON it.item_id = a.id"
	" JOIN theme th ON th.id = it.theme_id"
	" UNION ALL"
	" SELECT 6, row_number() OVER (ORDER BY g.tag), g.tag,"
	" NULL, NULL, NULL, NULL, NULL, NULL, NULL"
	" FROM a JOIN item_tag g ON g.item_id = a.id"
	" UNION ALL"
	" SELECT 7, pos, kind, slug, title, summary, warn, NULL, NULL, NULL"
	" FROM rp WHERE pos <= 6"
	" UNION ALL"
	" SELECT 8, pos, kind, slug, title, summary, warn, NULL, NULL, NULL"
	" FROM bl WHERE pos <= 50"
	" UNION ALL"
	" SELECT 9, 0, " NAME("r") ","
	" CASE WHEN r.province IS NOT NULL THEN " NAME("pr") " END,"
	" " NAME("s") ", g.slug::text, g.title, p.target_group,"
	" p.age_min::text, p.age_max::text"
	" FROM p LEFT JOIN region r ON r.slug = p.region"
	" LEFT JOIN region pr ON pr.slug = r.province"
	" LEFT JOIN pilot_setting s ON s.slug = p.setting"
	" LEFT JOIN change_goal g ON g.id = p.project_id"
	" UNION ALL"
	" SELECT 10, 0, p.phase::text, coalesce(p.start_on::text, ''),"
	" coalesce(p.end_on::text, ''), array_to_string(p.partners, E'\\n'),"
	" array_to_string(pilot_missing(p.item_id), ','), NULL, NULL, NULL"
	" FROM p"
	" UNION ALL"
	" SELECT 11, 0, p.problem_html, p.approach_html, p.results_html,"
	" p.conditions_html, NULL, NULL, NULL, NULL FROM p"
	" UNION ALL"
	" SELECT 12, f.position, f.label, f.value::text, f.unit,"
	" " NULLS5 " FROM p JOIN pilot_figure f ON f.pilot_id = p.item_id"
	" UNION ALL"
	" SELECT 13, pos, id::text, kind, statement, explanation_html,"
	" NULL, NULL, NULL, NULL FROM les"
	" UNION ALL"
	" SELECT 14, pos, lesson::text, kind, slug, title, summary,"
	" NULL, NULL, NULL FROM cited WHERE pos <= 500"
	" UNION ALL"
	" SELECT 15, row_number() OVER (ORDER BY ph.since, ph.id),"
	" ph.phase::text, ph.since::text, ph.note, " NULLS5
	" FROM p JOIN pilot_phase ph ON ph.pilot_id = p.item_id"
	" UNION ALL"
	" SELECT 16, 0, c.id::text, c.display_name, NULL, " NULLS5
	" FROM p JOIN account c ON c.id = p.contact_id"
	" WHERE " READER " IS NOT NULL AND p.contact_agreed_at IS NOT NULL"
	" AND account_active(c.id)"
	" UNION ALL"
	" SELECT 17, 0, EXISTS (SELECT 1 FROM follow f"
	" WHERE f.account_id = " READER " AND f.item_id = a.id)::text,"
	" NULL, NULL, " NULLS5 " FROM a WHERE " READER " IS NOT NULL"
	" ORDER BY 1, 2",
	3
};

/*
 * Who asked: the newest 'contact' notification of the pilot's page to
 * this person names them (pilot_save() sends it).
 */
const struct db_query q_pilot_contact = {
	"pilot_contact",
	"SELECT i.id::text, i.slug::text, i.title, i.summary, i.status,"
	" item_may_read(i.id, $2::bigint)::text,"
	" coalesce((SELECT CASE WHEN ac.deleted_at IS NULL"
	" THEN ac.display_name ELSE '' END FROM notification n"
	" JOIN account ac ON ac.id = n.actor_id"
	" WHERE n.account_id = $2::bigint AND n.kind = 'contact'"
	" AND n.href = '/pilots/' || i.slug || '/contactpersoon'"
	" ORDER BY n.created_at DESC, n.id DESC LIMIT 1), ''),"
	" CASE WHEN p.contact_id = $2::bigint THEN"
	" CASE WHEN p.contact_agreed_at IS NULL THEN 'gevraagd' ELSE 'ja'"
	" END ELSE 'nee' END"
	" FROM item i JOIN pilot p ON p.item_id = i.id"
	" WHERE i.kind = 'pilot' AND i.slug = $1::text"
	" AND (p.contact_id = $2::bigint OR (item_may_read(i.id, $2::bigint)"
	" AND EXISTS (SELECT 1 FROM audit au"
	" WHERE au.actor_id = $2::bigint AND au.target_id = i.id"
	" AND au.action IN ('pilot_contact_ja', 'pilot_contact_nee'))))",
	2
};

const struct db_query q_pilot_contact_answer = {
	"pilot_contact_answer",
	"SELECT pilot_contact_answer($1::bigint, $2::bigint, $3::boolean)",
	3
};
