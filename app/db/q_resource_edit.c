/*
 * The resource editor's two statements: the page (the resource with
 * its own fields, its current files, and the lists the form offers)
 * and the save (resource_save() in sql/009_resource.sql, optionally
 * followed by the workflow step).
 */
#include "db/q_resource_edit.h"

/* Columns a row of a group does not use. */
#define N1	"NULL::text"
#define N2	N1 "," N1
#define N4	N2 "," N2
#define N7	N4 "," N2 "," N1
#define N8	N4 "," N4
#define N9	N8 "," N1
#define N10	N8 "," N2
#define N11	N10 "," N1

const struct db_query	q_resource_edit_page = {
	"resource_edit_page",
	"WITH me AS (SELECT $1::bigint AS id,"
	"    account_is_editor($1::bigint) AS editor),"
	" it AS (SELECT i.* FROM item i"
	"    WHERE i.kind = 'bron' AND i.slug = $2::text)"
	" SELECT 1 AS g, 0::bigint AS o, me.editor::text, " N11 " FROM me"
	" UNION ALL"
	/*
	 * KEEP: the tags and related links, which the form does not
	 * offer, as item_save() takes them (a save keeps them).
	 */
	" SELECT 2, 0, it.id::text, it.slug, it.title, it.summary, it.body_md,"
	"    it.revision::text, it.status, it.feedback, coalesce(c.slug, ''),"
	"    resource_may_edit(it.id, me.id)::text,"
	"    item_may_read(it.id, me.id)::text,"
	"    coalesce((SELECT string_agg(tg.tag, E'\\n' ORDER BY tg.tag)"
	"    FROM item_tag tg WHERE tg.item_id = it.id), '') || E'\\f' ||"
	"    coalesce((SELECT string_agg(o.kind || '/' || o.slug, E'\\n'"
	"    ORDER BY o.kind, o.slug) FROM item_link l"
	"    JOIN item o ON o.id = l.to_id"
	"    WHERE l.from_id = it.id AND l.type = 'gerelateerd'), '')"
	" FROM it CROSS JOIN me LEFT JOIN community c ON c.id = it.community_id"
	" UNION ALL"
	" SELECT 3, 0, r.type, r.publisher, coalesce(r.year::text, ''),"
	"    r.language, r.url, " N7
	" FROM it JOIN resource r ON r.item_id = it.id"
	" UNION ALL"
	/* Each slot with the name of its newest version. */
	" SELECT 4, f.slot, f.slot::text, u.name, n.versions::text, " N9
	" FROM it JOIN resource_file f ON f.item_id = it.id"
	"    JOIN upload u ON u.id = f.upload_id"
	"    JOIN (SELECT g.slot, max(g.version) AS version,"
	"    count(*) AS versions FROM resource_file g, it"
	"    WHERE g.item_id = it.id GROUP BY g.slot) n"
	"    ON n.slot = f.slot AND n.version = f.version"
	" UNION ALL"
	" SELECT 5, row_number() OVER (ORDER BY t.position, t.title, t.id),"
	"    t.slug, t.title, EXISTS (SELECT 1 FROM item_theme x JOIN it"
	"    ON it.id = x.item_id WHERE x.theme_id = t.id)::text, " N9
	" FROM theme t"
	" UNION ALL"
	/* Communities the writer may post in, and the one it is in now. */
	" SELECT 6, row_number() OVER (ORDER BY c.name, c.id), c.slug, c.name,"
	"    " N10 " FROM community c CROSS JOIN me"
	" WHERE community_may_post(c.id, me.id)"
	"    OR c.id IN (SELECT community_id FROM it)"
	" UNION ALL"
	/* An earlier try's file: still the writer's and not attached. */
	" SELECT 7, 0, u.name, u.size::text, " N10
	" FROM upload u WHERE $3::text <> '' AND u.token = $3::text"
	"    AND u.owner_id = $1::bigint AND u.purpose = 'bron'"
	"    AND NOT EXISTS (SELECT 1 FROM resource_file f"
	"    WHERE f.upload_id = u.id)"
	" UNION ALL"
	/* A repeated create: what the first POST with this nonce made. */
	" SELECT 8, 0, i.slug, i.status, " N10
	" FROM item i WHERE $4::text <> '' AND i.idem = $4::text"
	"    AND i.created_by = $1::bigint AND i.kind = 'bron'"
	" ORDER BY 1, 2",
	4
};

const struct db_query	q_resource_edit_save = {
	"resource_edit_save",
	"SELECT s.id, s.slug, s.revision, s.conflict, coalesce(s.error, ''),"
	"    CASE WHEN $19::text <> '' AND NOT s.conflict AND s.error IS NULL"
	"    THEN item_transition(s.id, $3::bigint, $19::text, '', s.revision)"
	"    ELSE '' END"
	" FROM resource_save($1::bigint, $2::integer, $3::bigint, $4::text,"
	"    $5::text, $6::text, $7::text, $8::text, $9::integer, $10::text,"
	"    $11::text, $12::text, $13::text, $14::text, NULL, $15::text,"
	"    $16::text, $17::text, $18::jsonb) AS s",
	19
};
