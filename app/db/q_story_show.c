/*
 * The story page (q_story_show.h). Who may read it is story_may_read()
 * (sql/008_story.sql); nothing about the storyteller's account leaves
 * this query but the reader's own relation to the story.
 */
#include "db/q_story_show.h"

#define READER	"nullif($2::text, '')::bigint"

#define DAY(x) \
	"coalesce(to_char(" x " AT TIME ZONE 'Europe/Amsterdam'," \
	" 'YYYY-MM-DD'), '')"
#define ISO(x) \
	"to_char(" x " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

#define N4	"NULL, NULL, NULL, NULL"
#define N6	N4 ", NULL, NULL"

/* A reply's columns (r: story_reply, a: its author, s: the story). */
#define REPLY_COLS \
	"CASE WHEN r.author_id = s.owner_id THEN NULL" \
	" ELSE r.author_id::text END," \
	" CASE WHEN r.author_id = s.owner_id OR ra.deleted_at IS NOT NULL" \
	" THEN NULL ELSE ra.display_name END," \
	" coalesce(r.author_id = s.owner_id, false)::text, r.body_html," \
	" " DAY("r.created_at") ", " ISO("r.created_at")

const struct db_query q_story_page = {
	"story_page",
	"WITH s AS ("
	"  SELECT i.id, i.slug::text AS slug, i.title, i.summary,"
	"  i.body_html, i.published_at, i.revision, i.owner_id,"
	"  i.community_id, i.hidden_at, st.state, st.scope, st.warnings,"
	"  st.replies, st.pseudonym, st.review_note, st.scope_wanted,"
	"  story_is_teller(i.id, " READER ") AS teller"
	"  FROM item i JOIN story st ON st.item_id = i.id"
	"  WHERE i.kind = 'verhaal' AND i.slug = $1::text"
	"  AND story_may_read(i.id, " READER ")"
	")"
	" SELECT 1 AS t, 0::bigint AS pos, s.title, s.summary, s.body_html,"
	" " DAY("s.published_at") ", s.slug, s.state, coalesce(s.scope, ''),"
	" array_to_string(s.warnings, ' '), story_needs_help(s.id)::text,"
	" s.id::text, s.revision::text, s.replies, s.pseudonym FROM s"
	" UNION ALL"
	" SELECT 2, 0, c.slug::text, c.name, s.teller::text,"
	" (account_is_editor(" READER ") AND NOT s.teller)::text,"
	" account_is_admin(" READER ")::text,"
	" coalesce(s.warnings <@ (SELECT a.cw_show FROM account a"
	" WHERE a.id = " READER "), false)::text,"
	" EXISTS (SELECT 1 FROM follow f WHERE f.item_id = s.id"
	" AND f.account_id = " READER ")::text,"
	" CASE WHEN s.teller THEN s.review_note ELSE '' END,"
	" CASE WHEN s.teller THEN coalesce(s.scope_wanted, '') ELSE '' END,"
	" (s.hidden_at IS NOT NULL)::text, NULL, NULL, NULL"
	" FROM s LEFT JOIN community c ON c.id = s.community_id"
	" AND community_may_read(c.id, " READER ")"
	" UNION ALL"
	" SELECT 3, row_number() OVER (ORDER BY th.position, th.title),"
	" th.slug::text, th.title, " N6 ", " N4 ", NULL"
	" FROM s JOIN item_theme it ON it.item_id = s.id"
	" JOIN theme th ON th.id = it.theme_id"
	" UNION ALL"
	" SELECT 4, row_number() OVER (ORDER BY g.tag), g.tag, NULL,"
	" " N6 ", " N4 ", NULL"
	" FROM s JOIN item_tag g ON g.item_id = s.id"
	" UNION ALL"
	" SELECT CASE r.state WHEN 'geplaatst' THEN 5 ELSE 6 END,"
	" row_number() OVER (PARTITION BY r.state ORDER BY r.created_at,"
	" r.id), r.id::text, " REPLY_COLS ", " N6
	" FROM s JOIN story_reply r ON r.item_id = s.id"
	" LEFT JOIN account ra ON ra.id = r.author_id"
	" WHERE (r.state = 'geplaatst' AND s.replies = 'aan'"
	" AND s.state = 'gepubliceerd') OR (r.state = 'wacht' AND s.teller)"
	" ORDER BY 1, 2",
	2
};
