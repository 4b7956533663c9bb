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

/*
 * The newest three of each kind for the home page, in one statement:
 * three rows per kind from the item_public index, not a window over
 * every public item (3.6 ms with 2,000 pilots; this 0.6 ms). ITEM_COLS
 * starts with kind: "k." names the VALUES list's. Stories add their
 * warnings (row_item() shows them; never the body).
 */
const struct db_query q_item_latest = {
	"item_latest",
	"SELECT k." ITEM_COLS ","
	" coalesce(array_to_string(s.warnings, ' '), '') AS warnings"
	" FROM (VALUES ('artikel'), ('pilot'),"
	"  ('mastermind'), ('verhaal'), ('bron')) k (kind)"
	" CROSS JOIN LATERAL (SELECT i.slug, i.title, i.summary,"
	"  i.published_at, i.id FROM item i WHERE i.kind = k.kind AND "
	ITEM_PUBLIC " ORDER BY i.published_at DESC, i.id DESC LIMIT 3) x"
	" LEFT JOIN story s ON s.item_id = x.id"
	" ORDER BY k.kind, x.published_at DESC, x.id DESC",
	0
};

const struct db_query q_item_list = {
	"item_list",
	"SELECT " ITEM_COLS ", item_warnings(id) AS warnings FROM item"
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
