/*
 * Public content items. Only published, public items are ever selected
 * here; members-only and closed items come with accounts and access
 * checks (DESIGN.md 2).
 */
#include "db/q.h"

#define ITEM_COLS \
	"kind, slug, title, summary, " \
	"to_char(published_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')"
#define ITEM_PUBLIC \
	"status = 'gepubliceerd' AND visibility = 'openbaar'" \
	" AND hidden_at IS NULL"

/* The newest three of each kind for the home page, in one statement. */
const struct db_query q_item_latest = {
	"item_latest",
	"SELECT " ITEM_COLS " FROM ("
	"  SELECT *, row_number() OVER (PARTITION BY kind"
	"    ORDER BY published_at DESC, id DESC) AS rn"
	"  FROM item WHERE " ITEM_PUBLIC
	") x WHERE rn <= 3 ORDER BY kind, published_at DESC, id DESC",
	0
};

const struct db_query q_item_list = {
	"item_list",
	"SELECT " ITEM_COLS " FROM item"
	" WHERE kind = $1::text AND " ITEM_PUBLIC
	" ORDER BY published_at DESC, id DESC LIMIT 100",
	1
};

const struct db_query q_item_show = {
	"item_show",
	"SELECT " ITEM_COLS ", body_html FROM item"
	" WHERE kind = $1::text AND slug = $2::text AND " ITEM_PUBLIC,
	2
};
