/* Themes and what is published on them. */
#include "db/q.h"
#include "db/q_article.h"

const struct db_query q_theme_list = {
	"theme_list",
	"SELECT id, slug, title, summary, '' FROM theme"
	" ORDER BY position, title",
	0
};

/*
 * A theme page in one statement: the theme (or, for a merged theme's
 * old slug, where it went) and every published public item on it, of
 * any kind, newest first; a story's warnings last, looked up for the
 * 100 rows shown only (a theme holds a thousand items in the bench).
 */
const struct db_query q_theme_page = {
	"theme_page",
	"WITH " Q_THEME_BY_SLUG ", e AS ("
	"  SELECT i.kind, i.slug::text AS slug, i.title, i.summary,"
	"  i.published_at, i.words, i.id,"
	"  row_number() OVER (ORDER BY i.published_at DESC, i.id DESC)"
	"  AS pos FROM t JOIN item_theme it ON it.theme_id = t.id"
	"  JOIN item i ON i.id = it.item_id WHERE NOT t.alias AND "
	Q_PUBLIC_I
	")"
	" SELECT 1 AS t, 0::bigint AS pos, t.slug, t.title, t.summary,"
	" t.body_html, t.alias::text, NULL, NULL FROM t"
	" UNION ALL"
	" SELECT 2, pos, kind, slug, title, summary,"
	" to_char(published_at AT TIME ZONE 'Europe/Amsterdam',"
	" 'YYYY-MM-DD'), words::text,"
	" coalesce(array_to_string(s.warnings, ' '), '')"
	" FROM e LEFT JOIN story s ON s.item_id = e.id WHERE e.pos <= 100"
	" ORDER BY 1, 2",
	1
};
