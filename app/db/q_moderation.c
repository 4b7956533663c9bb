/*
 * The moderation queue's queries (see q_moderation.h). One statement
 * gives the whole page: who the reader is (editor, moderator of how
 * many communities), the open reports grouped by the thing reported,
 * and the last decisions. A thing is a post or an item; (post_id,
 * item_id) with exactly one set identifies it, compared with IS NOT
 * DISTINCT FROM. A story shows its pseudonym, never who wrote it, and
 * only to whoever may read it now: a withdrawn one is gone from here.
 */
#include "db/q_moderation.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

#define AT_ISO(c) \
	"to_char((" c ") AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define AT_SHOWN(c) \
	"to_char((" c ") AT TIME ZONE 'Europe/Amsterdam', " \
	"'DD-MM-YYYY HH24:MI')"
#define SAME(a, b) \
	"(" a ".post_id IS NOT DISTINCT FROM " b ".post_id" \
	" AND " a ".item_id IS NOT DISTINCT FROM " b ".item_id)"
/* A person's display name, or $2 for a deleted account. */
#define NAME(a) \
	"coalesce(CASE WHEN " a ".deleted_at IS NULL THEN " a ".display_name" \
	" END, $2::text)"
#define THING \
	"td.post_id::text, td.item_id::text, td.kind, td.title, td.href," \
	" td.excerpt, td.cname, td.hidden::text, td.hnote, td.authors"

const struct db_query	q_mod_queue = {
	"mod_queue",
	"WITH me AS (SELECT account_is_editor($1::bigint) AS ed),"
	" mc AS (SELECT m.community_id FROM member m"
	"    WHERE m.account_id = $1::bigint AND m.state = 'lid'"
	"    AND m.moderator AND account_active($1::bigint)),"
	" f AS (SELECT fl.* FROM flag fl"
	"    LEFT JOIN post p ON p.id = fl.post_id"
	"    LEFT JOIN topic t ON t.id = p.topic_id"
	"    LEFT JOIN item i ON i.id = fl.item_id"
	"    WHERE ((SELECT ed FROM me)"
	"    OR coalesce(t.community_id, i.community_id)"
	"    IN (SELECT community_id FROM mc))"
	/* A story only while the reader may read it (not withdrawn). */
	"    AND (i.kind IS DISTINCT FROM 'verhaal'"
	"    OR story_may_read(i.id, $1::bigint))),"
	" og AS (SELECT f.post_id, f.item_id, count(*) AS n,"
	"    row_number() OVER (ORDER BY min(f.created_at), f.post_id,"
	"    f.item_id) AS g, count(*) OVER () AS total"
	"    FROM f WHERE f.resolved_at IS NULL GROUP BY f.post_id, f.item_id),"
	" rg AS (SELECT f.post_id, f.item_id, f.resolved_at, f.resolved_by,"
	"    f.decision, f.decision_note, count(*) AS n"
	"    FROM f WHERE f.resolved_at IS NOT NULL"
	"    GROUP BY f.post_id, f.item_id, f.resolved_at, f.resolved_by,"
	"    f.decision, f.decision_note"
	"    ORDER BY f.resolved_at DESC, f.post_id, f.item_id"
	"    LIMIT " STR(MOD_DONE_MAX) "),"
	" rgn AS (SELECT rg.*, row_number() OVER (ORDER BY rg.resolved_at DESC,"
	"    rg.post_id, rg.item_id) AS g, row_number() OVER (PARTITION BY"
	"    rg.post_id, rg.item_id ORDER BY rg.resolved_at DESC) AS latest"
	"    FROM rg),"
	" tg AS (SELECT post_id, item_id FROM og WHERE g <= " STR(MOD_OPEN_MAX)
	"    UNION SELECT post_id, item_id FROM rg),"
	" td AS (SELECT tg.post_id, tg.item_id,"
	"    CASE WHEN tg.post_id IS NOT NULL THEN 'bericht' ELSE i.kind END"
	"    AS kind, coalesce(t.title, i.title) AS title,"
	"    CASE WHEN tg.post_id IS NOT NULL THEN post_href(tg.post_id)"
	"    ELSE item_href(i) END AS href,"
	"    CASE WHEN tg.post_id IS NOT NULL THEN"
	"    left(regexp_replace(p.body_md, '\\s+', ' ', 'g'), 300)"
	"    ELSE i.summary END AS excerpt,"
	"    coalesce(c.name, '') AS cname,"
	"    coalesce(p.hidden_at, i.hidden_at) IS NOT NULL AS hidden,"
	"    coalesce(p.hidden_note, i.hidden_note, '') AS hnote,"
	"    CASE WHEN tg.post_id IS NOT NULL THEN " NAME("pa")
	"    WHEN i.kind = 'verhaal' THEN coalesce((SELECT s.pseudonym"
	"    FROM story s WHERE s.item_id = i.id), '')"
	"    ELSE coalesce((SELECT string_agg(" NAME("a") ", ', '"
	"    ORDER BY a.id) FROM item_author ia"
	"    JOIN account a ON a.id = ia.account_id"
	"    WHERE ia.item_id = i.id), '') END AS authors"
	"    FROM tg LEFT JOIN post p ON p.id = tg.post_id"
	"    LEFT JOIN topic t ON t.id = p.topic_id"
	"    LEFT JOIN account pa ON pa.id = p.author_id"
	"    LEFT JOIN item i ON i.id = tg.item_id"
	"    LEFT JOIN community c"
	"    ON c.id = coalesce(t.community_id, i.community_id))"
	" SELECT 0 AS ty, 0::bigint AS pos, NULL::text, NULL::text,"
	"    (SELECT ed FROM me)::text, (SELECT count(*) FROM mc)::text,"
	"    NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,"
	"    NULL::text, NULL::text, NULL::text, ''::text AS at, NULL::text,"
	"    NULL::text, NULL::text, NULL::text, NULL::text"
	" UNION ALL"
	" SELECT 1, og.g, " THING ", f.reason, f.note, " AT_ISO("f.created_at")
	"    , " AT_SHOWN("f.created_at") ", og.n::text, og.total::text, '', ''"
	" FROM og JOIN td ON " SAME("td", "og")
	" JOIN f ON f.resolved_at IS NULL AND " SAME("f", "og")
	" WHERE og.g <= " STR(MOD_OPEN_MAX)
	" UNION ALL"
	" SELECT 2, rgn.g, " THING ", rgn.decision, rgn.decision_note,"
	"    " AT_ISO("rgn.resolved_at") ", " AT_SHOWN("rgn.resolved_at") ","
	"    rgn.n::text, '', " NAME("ra") ","
	"    (rgn.latest = 1 AND td.hidden AND NOT EXISTS (SELECT 1 FROM og"
	"    WHERE " SAME("og", "rgn") "))::text"
	" FROM rgn JOIN td ON " SAME("td", "rgn")
	" LEFT JOIN account ra ON ra.id = rgn.resolved_by"
	" ORDER BY 1, 2, 15",
	2
};

const struct db_query	q_mod_act = {
	"mod_act",
	"SELECT moderate($1::bigint, nullif($2::text, '')::bigint,"
	"    nullif($3::text, '')::bigint, $4::text, $5::text)",
	5
};
