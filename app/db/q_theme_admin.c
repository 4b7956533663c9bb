/*
 * Theme management queries (issue 5). Create and update are one
 * statement each: the change and its audit row (ids and the slug only,
 * never personal data), under a fresh check that the actor is still an
 * editor (a role can change while a session lives).
 */
#include "db/q_theme_admin.h"

const struct db_query	q_theme_admin_list = {
	"theme_admin_list",
	"SELECT t.slug, t.title, t.summary, count(it.item_id)"
	" FROM theme t LEFT JOIN item_theme it ON it.theme_id = t.id"
	" GROUP BY t.id ORDER BY t.title, t.slug",
	0
};

const struct db_query	q_theme_admin_get = {
	"theme_admin_get",
	"SELECT t.slug, t.title, t.summary,"
	"    CASE WHEN t.slug = $1::text THEN t.body_md ELSE '' END,"
	"    (SELECT count(*) FROM item_theme it WHERE it.theme_id = t.id),"
	"    t.slug = $1::text"
	" FROM theme t ORDER BY t.title, t.slug",
	1
};

/*
 * A new theme goes last on /themas (position). Its slug may be the old
 * address of a merged theme: the new theme takes that address over, so
 * the alias goes (else theme_merge() could not alias it again later).
 */
const struct db_query	q_theme_admin_create = {
	"theme_admin_create",
	"WITH ed AS (SELECT account_is_editor($6::bigint) AS ok),"
	" al AS (DELETE FROM theme_alias WHERE slug = $1::text"
	"    AND (SELECT ok FROM ed)),"
	" t AS (INSERT INTO theme (slug, title, summary, body_md, body_html,"
	"    position)"
	"    SELECT $1::text, $2::text, $3::text, $4::text, $5::text,"
	"    (SELECT coalesce(max(position), 0) + 1 FROM theme)"
	"    WHERE (SELECT ok FROM ed) RETURNING id, slug),"
	" a AS (INSERT INTO audit (actor_id, action, target_id, detail)"
	"    SELECT $6::bigint, 'thema_aangemaakt', t.id, left(t.slug, 200)"
	"    FROM t)"
	" SELECT (SELECT ok FROM ed), EXISTS (SELECT 1 FROM t)",
	6
};

/*
 * Saving without a change writes nothing (no audit row); the detail
 * names the fields that changed.
 */
const struct db_query	q_theme_admin_update = {
	"theme_admin_update",
	"WITH ed AS (SELECT account_is_editor($6::bigint) AS ok),"
	" cur AS (SELECT id, title, summary, body_md FROM theme"
	"    WHERE slug = $1::text FOR UPDATE),"
	" t AS (UPDATE theme th SET title = $2::text, summary = $3::text,"
	"    body_md = $4::text, body_html = $5::text, updated_at = now()"
	"    FROM cur WHERE th.id = cur.id AND (SELECT ok FROM ed)"
	"    AND (th.title, th.summary, th.body_md, th.body_html)"
	"    IS DISTINCT FROM ($2::text, $3::text, $4::text, $5::text)"
	"    RETURNING th.id, th.slug, concat_ws(', ',"
	"    CASE WHEN cur.title <> $2::text THEN 'titel' END,"
	"    CASE WHEN cur.summary <> $3::text THEN 'in het kort' END,"
	"    CASE WHEN cur.body_md <> $4::text THEN 'beschrijving' END)"
	"    AS what),"
	" a AS (INSERT INTO audit (actor_id, action, target_id, detail)"
	"    SELECT $6::bigint, 'thema_gewijzigd', t.id,"
	"    left(t.slug || ': ' || t.what, 200) FROM t)"
	" SELECT (SELECT ok FROM ed), EXISTS (SELECT 1 FROM cur)",
	6
};

const struct db_query	q_theme_admin_merge = {
	"theme_admin_merge",
	"SELECT i.slug, theme_merge(f.id, i.id, $3::bigint)"
	" FROM theme f, theme i"
	" WHERE f.slug = $1::text AND i.slug = $2::text",
	3
};
