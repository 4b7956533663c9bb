/*
 * The article editor's two statements: the page (the article, its
 * themes, tags and related links, and the lists the form offers) and
 * the save (item_save() in sql/004_content.sql, which writes the item,
 * its revision, authors, themes, tags and links in one go).
 */
#include "db/q_edit.h"

/* Columns a row of a group does not use. */
#define N1	"NULL::text"
#define N2	N1 "," N1
#define N4	N2 "," N2
#define N8	N4 "," N4
#define N9	N8 "," N1
#define N10	N8 "," N2

const struct db_query	q_edit_page = {
	"edit_page",
	"WITH me AS (SELECT $1::bigint AS id,"
	"    account_is_editor($1::bigint) AS editor),"
	" it AS (SELECT i.* FROM item i"
	"    WHERE i.kind = 'artikel' AND i.slug = $2::text"
	/* Not in reach (a closed community's): no row, so 404. */
	"    AND (i.visibility = 'openbaar' OR item_may_edit(i.id, $1::bigint)"
	"    OR community_may_read(i.community_id, $1::bigint)))"
	" SELECT 1 AS g, 0::bigint AS o, me.editor::text, " N10 " FROM me"
	" UNION ALL"
	" SELECT 2, 0, it.id::text, it.slug, it.title, it.summary, it.body_md,"
	"    it.revision::text, it.status, it.feedback, coalesce(c.slug, ''),"
	"    coalesce(it.owner_id::text, ''),"
	"    (item_may_edit(it.id, me.id) AND (it.status <> 'gearchiveerd'"
	"    OR me.editor))::text"
	" FROM it CROSS JOIN me LEFT JOIN community c ON c.id = it.community_id"
	" UNION ALL"
	" SELECT 3, row_number() OVER (ORDER BY t.position, t.title, t.id),"
	"    t.slug, t.title, EXISTS (SELECT 1 FROM item_theme x JOIN it"
	"    ON it.id = x.item_id WHERE x.theme_id = t.id)::text, " N8
	" FROM theme t"
	" UNION ALL"
	/* Communities the writer may post in, and the one it is in now. */
	" SELECT 4, row_number() OVER (ORDER BY c.name, c.id), c.slug, c.name,"
	"    " N9 " FROM community c CROSS JOIN me"
	" WHERE community_may_post(c.id, me.id)"
	"    OR c.id IN (SELECT community_id FROM it)"
	" UNION ALL"
	/* The owner can be any editor, an author or the current owner. */
	" SELECT 5, row_number() OVER (ORDER BY a.display_name IS NULL,"
	"    lower(a.display_name), a.id), a.id::text,"
	"    coalesce(a.display_name, ''), " N9
	" FROM account a CROSS JOIN me WHERE me.editor AND (a.id = me.id"
	"    OR a.id IN (SELECT owner_id FROM it)"
	"    OR (a.deleted_at IS NULL AND a.blocked_at IS NULL"
	"    AND (a.role IN ('redacteur', 'beheerder') OR a.id IN"
	"    (SELECT ia.account_id FROM item_author ia JOIN it"
	"    ON it.id = ia.item_id))))"
	" UNION ALL"
	" SELECT 6, row_number() OVER (ORDER BY tg.tag), tg.tag, " N10
	" FROM item_tag tg JOIN it ON it.id = tg.item_id"
	" UNION ALL"
	" SELECT 7, row_number() OVER (ORDER BY r.kind, r.slug), r.kind,"
	"    r.slug, " N9
	" FROM item_link l JOIN it ON it.id = l.from_id"
	"    JOIN item r ON r.id = l.to_id WHERE l.type = 'gerelateerd'"
	" UNION ALL"
	" SELECT 8, row_number() OVER (ORDER BY l), l, " N10
	" FROM lines($3::text) AS l WHERE NOT EXISTS (SELECT 1 FROM item i"
	"    WHERE i.kind = split_part(l, '/', 1)"
	"    AND i.slug = split_part(l, '/', 2))"
	" ORDER BY 1, 2",
	3
};

const struct db_query	q_edit_save = {
	"edit_save",
	"SELECT s.id, s.slug, s.revision, s.conflict"
	" FROM item_save('artikel', $1::bigint, $2::integer, $3::bigint,"
	"    $4::text, $5::text, $6::text, $7::text, $8::text, $9::integer,"
	"    $10::text, $11::text, $12::text, $13::text, $14::text,"
	"    $15::bigint, $16::text, $17::text, $18::text, NULL) AS s",
	18
};
