/*
 * The pilot editor's two statements: the page (the pilot with its own
 * fields and figures, its themes, tags and related links, and every
 * list the form offers) and the save (pilot_save() in
 * sql/006_pilot.sql, optionally followed by the workflow step).
 */
#include "db/q_pilot_edit.h"

/* Columns a row of a group does not use. */
#define N1	"NULL::text"
#define N2	N1 "," N1
#define N4	N2 "," N2
#define N8	N4 "," N4
#define N10	N8 "," N2
#define N11	N10 "," N1
#define N12	N8 "," N4
#define N13	N12 "," N1
#define N14	N12 "," N2

const struct db_query	q_pilot_edit_page = {
	"pilot_edit_page",
	"WITH me AS (SELECT $1::bigint AS id,"
	"    account_is_editor($1::bigint) AS editor),"
	" it AS (SELECT i.* FROM item i"
	"    WHERE i.kind = 'pilot' AND i.slug = $2::text"
	/* Not in reach (a closed community's): no row, so 404. */
	"    AND (i.visibility = 'openbaar' OR item_may_edit(i.id, $1::bigint)"
	"    OR community_may_read(i.community_id, $1::bigint)))"
	" SELECT 1 AS g, 0::bigint AS o, me.editor::text,"
	"    to_char((now() AT TIME ZONE 'Europe/Amsterdam')::date,"
	"    'YYYY-MM-DD'), " N13 " FROM me"
	" UNION ALL"
	" SELECT 2, 0, it.id::text, it.slug, it.title, it.summary, it.body_md,"
	"    it.revision::text, it.status, it.feedback, coalesce(c.slug, ''),"
	"    coalesce(it.owner_id::text, ''),"
	"    (item_may_edit(it.id, me.id) AND (it.status <> 'gearchiveerd'"
	"    OR me.editor))::text,"
	"    coalesce(array_to_string(pilot_missing(it.id), ','), ''),"
	"    coalesce((SELECT to_char(ph.since, 'YYYY-MM-DD')"
	"    FROM pilot_phase ph WHERE ph.pilot_id = it.id"
	"    ORDER BY ph.id DESC LIMIT 1), ''),"
	"    CASE WHEN p.contact_id IS NULL THEN ''"
	"    WHEN p.contact_agreed_at IS NULL THEN 'f' ELSE 't' END, " N1
	" FROM it CROSS JOIN me LEFT JOIN community c ON c.id = it.community_id"
	"    LEFT JOIN pilot p ON p.item_id = it.id"
	" UNION ALL"
	" SELECT 3, 0, coalesce(p.region, ''), coalesce(p.setting, ''),"
	"    coalesce(g.slug, ''), p.target_group,"
	"    coalesce(p.age_min::text, ''), coalesce(p.age_max::text, ''),"
	"    coalesce(p.phase, ''),"
	"    coalesce(to_char(p.start_on, 'YYYY-MM-DD'), ''),"
	"    coalesce(to_char(p.end_on, 'YYYY-MM-DD'), ''),"
	"    array_to_string(p.partners, E'\\n'),"
	"    coalesce(a.display_name, ''), p.problem_md, p.approach_md,"
	"    p.results_md, p.conditions_md"
	" FROM it JOIN pilot p ON p.item_id = it.id"
	"    LEFT JOIN change_goal g ON g.id = p.project_id"
	"    LEFT JOIN account a ON a.id = p.contact_id"
	"    AND a.deleted_at IS NULL"
	" UNION ALL"
	" SELECT 4, f.position, f.label, f.value::text, f.unit, " N12
	" FROM pilot_figure f JOIN it ON it.id = f.pilot_id"
	" UNION ALL"
	" SELECT 5, row_number() OVER (ORDER BY t.position, t.title, t.id),"
	"    t.slug, t.title, EXISTS (SELECT 1 FROM item_theme x JOIN it"
	"    ON it.id = x.item_id WHERE x.theme_id = t.id)::text, " N12
	" FROM theme t"
	" UNION ALL"
	/* Communities the writer may post in, and the one it is in now. */
	" SELECT 6, row_number() OVER (ORDER BY c.name, c.id), c.slug, c.name,"
	"    " N13 " FROM community c CROSS JOIN me"
	" WHERE community_may_post(c.id, me.id)"
	"    OR c.id IN (SELECT community_id FROM it)"
	" UNION ALL"
	/* The owner can be any editor, an author or the current owner. */
	" SELECT 7, row_number() OVER (ORDER BY a.display_name IS NULL,"
	"    lower(a.display_name), a.id), a.id::text,"
	"    coalesce(a.display_name, ''), " N13
	" FROM account a CROSS JOIN me WHERE me.editor AND (a.id = me.id"
	"    OR a.id IN (SELECT owner_id FROM it)"
	"    OR (a.deleted_at IS NULL AND a.blocked_at IS NULL"
	"    AND (a.role IN ('redacteur', 'beheerder') OR a.id IN"
	"    (SELECT ia.account_id FROM item_author ia JOIN it"
	"    ON it.id = ia.item_id))))"
	" UNION ALL"
	" SELECT 8, row_number() OVER (ORDER BY tg.tag), tg.tag, " N14
	" FROM item_tag tg JOIN it ON it.id = tg.item_id"
	" UNION ALL"
	" SELECT 9, row_number() OVER (ORDER BY r.kind, r.slug), r.kind,"
	"    r.slug, " N13
	" FROM item_link l JOIN it ON it.id = l.from_id"
	"    JOIN item r ON r.id = l.to_id WHERE l.type = 'gerelateerd'"
	" UNION ALL"
	" SELECT 10, row_number() OVER (ORDER BY l), l, " N14
	" FROM lines($3::text) AS l WHERE NOT EXISTS (SELECT 1 FROM item i"
	"    WHERE i.kind = split_part(l, '/', 1)"
	"    AND i.slug = split_part(l, '/', 2))"
	" UNION ALL"
	/* Landelijk, then each province followed by its youth-care regions. */
	" SELECT 11, row_number() OVER (ORDER BY coalesce(pr.position,"
	"    r.position), r.level = 'jeugdregio', r.position), r.slug, r.name,"
	"    r.name_en, r.level, " N11
	" FROM region r LEFT JOIN region pr ON pr.slug = r.province"
	" UNION ALL"
	" SELECT 12, row_number() OVER (ORDER BY s.position, s.slug), s.slug,"
	"    s.name, s.name_en, " N12 " FROM pilot_setting s"
	" UNION ALL"
	" SELECT 13, row_number() OVER (ORDER BY g.position, g.title, g.id),"
	"    g.slug, g.title, " N13 " FROM change_goal g"
	" UNION ALL"
	/* A repeated create: the pilot the first POST with this nonce made. */
	" SELECT 14, 0, i.slug, i.status, " N13
	" FROM item i WHERE $4::text <> '' AND i.idem = $4::text"
	"    AND i.created_by = $1::bigint AND i.kind = 'pilot'"
	" ORDER BY 1, 2",
	4
};

const struct db_query	q_pilot_edit_save = {
	"pilot_edit_save",
	"SELECT s.id, s.slug, s.revision, s.conflict, coalesce(s.error, ''),"
	"    CASE WHEN $20::text <> '' AND NOT s.conflict AND s.error IS NULL"
	"    THEN item_transition(s.id, $3::bigint, $20::text, '', s.revision)"
	"    ELSE '' END"
	" FROM pilot_save($1::bigint, $2::integer, $3::bigint, $4::text,"
	"    $5::text, $6::text, $7::text, $8::text, $9::integer, $10::text,"
	"    $11::text, $12::text, $13::text, $14::text, $15::bigint,"
	"    $16::text, $17::text, $18::text, NULL, $19::jsonb) AS s",
	20
};
