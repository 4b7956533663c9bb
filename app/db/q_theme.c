/* Themes and what is published on them. */
#include "db/q.h"

const struct db_query q_theme_list = {
	"theme_list",
	"SELECT id, slug, title, summary, '' FROM theme"
	" ORDER BY position, title",
	0
};

const struct db_query q_theme_show = {
	"theme_show",
	"SELECT id, slug, title, summary, body_html FROM theme"
	" WHERE slug = $1::text",
	1
};

const struct db_query q_theme_items = {
	"theme_items",
	"SELECT i.kind, i.slug, i.title, i.summary,"
	" to_char(i.published_at AT TIME ZONE 'Europe/Amsterdam',"
	" 'YYYY-MM-DD')"
	" FROM item i JOIN item_theme it ON it.item_id = i.id"
	" WHERE it.theme_id = $1::bigint AND i.status = 'gepubliceerd'"
	" AND i.visibility = 'openbaar'"
	" ORDER BY i.published_at DESC, i.id DESC LIMIT 100",
	1
};
