/*
 * The stories list and feed (q_story_list.h). Visitors get the public
 * stories from the item columns alone (status and visibility follow the
 * story: story_sync_item()); signed-in readers also what
 * story_may_read() allows them (members-only scope, communities).
 */
#include "db/q_article.h"
#include "db/q_story_list.h"

#define READER	"nullif($1::text, '')::bigint"

#define DAY(x)	"coalesce(to_char(" x \
		" AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'), '')"
#define ISO(x)	"to_char(" x " AT TIME ZONE 'UTC'," \
		" 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/*
 * story_may_read() for published stories, as joins (me, c, m below)
 * instead of a call per story: with 2,000 stories a signed-in reader's
 * list took 235 ms (bench). Public ones; for a signed-in reader also:
 * editors all, the storyteller their own, others a members-only scope
 * when active, and a community's stories when they may read it (a
 * hidden one only for its moderators).
 */
#define READABLE \
	"i.kind = 'verhaal' AND i.status = 'gepubliceerd'" \
	" AND st.state = 'gepubliceerd' AND ((" Q_PUBLIC_I ") OR (" READER \
	" IS NOT NULL AND (me.ed OR i.owner_id = " READER \
	" OR ((i.hidden_at IS NULL" \
	" OR community_may_moderate(i.community_id, " READER "))" \
	" AND (st.scope <> 'leden' OR me.act)" \
	" AND (i.community_id IS NULL OR c.visibility = 'openbaar'" \
	" OR m.account_id IS NOT NULL)))))"
#define READABLE_FROM \
	"item i JOIN story st ON st.item_id = i.id" \
	" CROSS JOIN (SELECT account_is_editor(" READER ") AS ed," \
	" account_active(" READER ") AS act OFFSET 0) me" \
	" LEFT JOIN community c ON c.id = i.community_id" \
	" LEFT JOIN member m ON m.community_id = i.community_id" \
	" AND m.account_id = " READER " AND m.state = 'lid'"

const struct db_query q_story_list = {
	"story_list",
	"WITH r AS ("
	"  SELECT i.id, i.slug::text AS slug, i.title, i.summary,"
	"  i.published_at, st.pseudonym, st.warnings"
	"  FROM " READABLE_FROM " WHERE " READABLE
	"), m AS ("
	"  SELECT r.* FROM r WHERE ($2::text = '' OR EXISTS (SELECT 1"
	"  FROM item_theme it JOIN theme th ON th.id = it.theme_id"
	"  WHERE it.item_id = r.id AND th.slug = $2::text))"
	"  AND ($3::text <> '1' OR r.warnings = '{}')"
	"), p AS ("
	"  SELECT m.*, count(*) OVER () AS total,"
	"  row_number() OVER (ORDER BY m.published_at DESC, m.id DESC)"
	"  AS pos FROM m ORDER BY m.published_at DESC, m.id DESC"
	"  OFFSET $4::bigint LIMIT $5::bigint"
	")"
	" SELECT 1 AS t, row_number() OVER (ORDER BY th.position, th.title),"
	" th.slug::text, th.title, (th.slug = $2::text)::text, NULL, NULL,"
	" NULL, NULL, NULL"
	" FROM theme th WHERE EXISTS (SELECT 1 FROM r JOIN item_theme it"
	" ON it.item_id = r.id WHERE it.theme_id = th.id)"
	" UNION ALL"
	" SELECT 2, p.pos, p.slug, p.title, p.summary, p.pseudonym,"
	" array_to_string(p.warnings, ' '), " DAY("p.published_at") ","
	" coalesce((SELECT string_agg(th.slug || E'\\t' || th.title, E'\\n'"
	" ORDER BY th.position, th.title) FROM item_theme it"
	" JOIN theme th ON th.id = it.theme_id WHERE it.item_id = p.id), ''),"
	" p.total::text FROM p"
	" ORDER BY 1, 2",
	5
};

const struct db_query q_story_feed = {
	"story_feed",
	"SELECT i.slug::text, i.title, i.summary, st.pseudonym,"
	" array_to_string(st.warnings, ' '), " ISO("i.published_at") ","
	" " ISO("i.updated_at")
	" FROM item i JOIN story st ON st.item_id = i.id"
	" WHERE i.kind = 'verhaal' AND st.state = 'gepubliceerd'"
	" AND " Q_PUBLIC_I
	" ORDER BY i.published_at DESC, i.id DESC LIMIT 20",
	0
};
