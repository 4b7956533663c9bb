/*
 * Workflow queries (issue 5). Who may do what is decided in SQL:
 * item_transition() and item_save() raise 42501 / 55000 / P0002 and
 * write the audit rows in the same statement; the pages ask
 * item_may_edit() so that revisions never leave the database for
 * someone who may not see them.
 */
#include "db/q_flow.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

/* Times: ISO 8601 for <time datetime>, and as shown in the Netherlands. */
#define AT_ISO(c) \
	"to_char((" c ") AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define AT_SHOWN(c) \
	"to_char((" c ") AT TIME ZONE 'Europe/Amsterdam', " \
	"'DD-MM-YYYY HH24:MI')"
#define DAY_SHOWN(c) \
	"to_char((" c ") AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY')"
/* Published and not checked for 12 months: due for a check. */
#define DUE(i) \
	"(" i ".status = 'gepubliceerd' AND (" i ".checked_at IS NULL OR " \
	i ".checked_at < now() - interval '12 months'))"
/* The authors' names in one line; $L names a deleted account. */
#define AUTHORS(id, L) \
	"coalesce((SELECT string_agg(coalesce(a.display_name, " L "::text)," \
	"    ', ' ORDER BY a.display_name NULLS LAST, a.id)" \
	"    FROM item_author ia JOIN account a ON a.id = ia.account_id" \
	"    WHERE ia.item_id = " id "), '')"

/*
 * An item of a members-only or closed community does not exist for
 * someone who may neither read nor edit it: no row, so 404 (never a 403
 * that would tell the slug is taken). Alias i, reader r.
 */
#define IN_REACH(i, r) \
	"(" i ".visibility = 'openbaar' OR item_may_edit(" i ".id, " r ")" \
	" OR community_may_read(" i ".community_id, " r "))"

/* The article and what the actor ($2, '' for a visitor) may do. */
#define FLOW_ITEM \
	"WITH i AS (SELECT id, slug, title, status, revision," \
	"    item_may_edit(id, nullif($2::text, '')::bigint) AS may," \
	"    account_is_editor(nullif($2::text, '')::bigint) AS editor" \
	"    FROM item WHERE kind = 'artikel' AND slug = $1::text" \
	"    AND " IN_REACH("item", "nullif($2::text, '')::bigint") ")"
#define FLOW_COLS \
	"i.id, i.slug, i.title, i.status, i.revision, i.may, i.editor," \
	" r.rev, " AT_ISO("r.created_at") ", " AT_SHOWN("r.created_at") "," \
	" r.author_id, a.display_name, r.note, r.restored_from"

/*
 * Someone who may not see a draft learns nothing about it (no row:
 * 404); on a published article item_transition() decides (42501: 403).
 */
const struct db_query	q_flow_transition = {
	"flow_transition",
	"SELECT i.slug, item_transition(i.id, $2::bigint, $3::text, $4::text,"
	"    nullif($5::text, '')::integer)"
	" FROM item i WHERE i.kind = 'artikel' AND i.slug = $1::text"
	"  AND (i.status = 'gepubliceerd' OR item_may_edit(i.id, $2::bigint))"
	"  AND " IN_REACH("i", "$2::bigint"),
	5
};

const struct db_query	q_flow_review = {
	"flow_review",
	"SELECT i.id, i.slug, i.title, i.summary, i.toc_html, i.body_html,"
	"    i.status, i.revision, " AUTHORS("i.id", "$2")
	" FROM item i WHERE i.kind = 'artikel' AND i.slug = $1::text",
	2
};

const struct db_query	q_flow_history = {
	"flow_history",
	FLOW_ITEM
	" SELECT " FLOW_COLS
	" FROM i LEFT JOIN item_revision r ON r.item_id = i.id AND i.may"
	" LEFT JOIN account a ON a.id = r.author_id"
	" ORDER BY r.rev DESC",
	2
};

/* Every revision for the pickers; the texts of the two compared only. */
const struct db_query	q_flow_diff = {
	"flow_diff",
	FLOW_ITEM ","
	" w AS (SELECT coalesce(nullif($4::text, '')::int, i.revision) AS naar"
	"    FROM i),"
	" v AS (SELECT coalesce(nullif($3::text, '')::int, w.naar - 1) AS van,"
	"    w.naar FROM w)"
	" SELECT " FLOW_COLS ", v.van, v.naar,"
	"    CASE WHEN r.rev IN (v.van, v.naar) THEN r.title END,"
	"    CASE WHEN r.rev IN (v.van, v.naar) THEN r.summary END,"
	"    CASE WHEN r.rev IN (v.van, v.naar) THEN r.body_md END"
	" FROM i CROSS JOIN v"
	" LEFT JOIN item_revision r ON r.item_id = i.id AND i.may"
	" LEFT JOIN account a ON a.id = r.author_id"
	" ORDER BY r.rev DESC",
	4
};

const struct db_query	q_flow_revision = {
	"flow_revision",
	FLOW_ITEM
	" SELECT " FLOW_COLS ", r.title, r.summary, r.body_md"
	" FROM i LEFT JOIN item_revision r ON r.item_id = i.id AND i.may"
	"    AND r.rev = $3::int"
	" LEFT JOIN account a ON a.id = r.author_id",
	3
};

const struct db_query	q_flow_restore_src = {
	"flow_restore_src",
	"WITH i AS (SELECT id, slug, status, revision, community_id,"
	"    item_may_edit(id, $2::bigint) AS may,"
	"    account_is_editor($2::bigint) AS editor"
	"    FROM item WHERE kind = 'artikel' AND slug = $1::text"
	"    AND " IN_REACH("item", "$2::bigint") ")"
	" SELECT i.id, i.slug, i.status, i.revision, i.may, i.editor,"
	"    r.rev IS NOT NULL, r.title, r.summary, r.body_md,"
	"    coalesce((SELECT string_agg(t.slug, E'\\n' ORDER BY t.slug)"
	"    FROM item_theme it JOIN theme t ON t.id = it.theme_id"
	"    WHERE it.item_id = i.id), ''),"
	"    coalesce((SELECT string_agg(g.tag, E'\\n' ORDER BY g.tag)"
	"    FROM item_tag g WHERE g.item_id = i.id), ''),"
	"    coalesce((SELECT c.slug FROM community c"
	"    WHERE c.id = i.community_id), ''),"
	"    coalesce((SELECT string_agg(o.kind || '/' || o.slug, E'\\n'"
	"    ORDER BY o.kind, o.slug) FROM item_link l"
	"    JOIN item o ON o.id = l.to_id"
	"    WHERE l.from_id = i.id AND l.type = 'gerelateerd'), '')"
	" FROM i LEFT JOIN item_revision r ON r.item_id = i.id"
	"    AND r.rev = $3::int AND i.may",
	3
};

/* The owner stays (NULL); the note is empty: restored_from says it. */
const struct db_query	q_flow_restore = {
	"flow_restore",
	"SELECT id, slug, revision, conflict FROM item_save('artikel',"
	"    $1::bigint, $2::int, $3::bigint, $4::text, $5::text, $6::text,"
	"    $7::text, $8::text, $9::int, '', $10::text, $11::text, $12::text,"
	"    $13::text, NULL, $14::text, $15::text, NULL, $16::int)",
	16
};

/*
 * Ter review: since the last submission (audit 'indienen'), oldest
 * first. Due: never checked first. Sent back: since the decision.
 */
const struct db_query	q_flow_queue = {
	"flow_queue",
	"SELECT x.sec, x.slug, x.title, " AUTHORS("x.id", "$1") ","
	"    " AT_ISO("x.at") ", " DAY_SHOWN("x.at") ", x.feedback, x.total"
	" FROM ("
	"  SELECT 1 AS sec, i.id, i.slug, i.title, s.at, '' AS feedback,"
	"    count(*) OVER () AS total,"
	"    row_number() OVER (ORDER BY s.at, i.id) AS rn"
	"  FROM item i CROSS JOIN LATERAL (SELECT coalesce((SELECT max(au.at)"
	"    FROM audit au WHERE au.action = 'indienen'"
	"    AND au.target_id = i.id), i.updated_at) AS at) s"
	"  WHERE i.kind = 'artikel' AND i.status = 'ter_review'"
	"  UNION ALL"
	"  SELECT 2, i.id, i.slug, i.title, i.checked_at, '', count(*) OVER (),"
	"    row_number() OVER (ORDER BY i.checked_at NULLS FIRST, i.id)"
	"  FROM item i WHERE i.kind = 'artikel' AND " DUE("i")
	"  UNION ALL"
	"  SELECT 3, i.id, i.slug, i.title, s.at, i.feedback, count(*) OVER (),"
	"    row_number() OVER (ORDER BY s.at DESC, i.id)"
	"  FROM item i CROSS JOIN LATERAL (SELECT coalesce((SELECT max(rv.at)"
	"    FROM item_review rv WHERE rv.item_id = i.id"
	"    AND rv.decision = 'teruggestuurd'), i.updated_at) AS at) s"
	"  WHERE i.kind = 'artikel' AND i.status = 'concept'"
	"    AND i.feedback <> ''"
	" ) x WHERE x.rn <= " STR(FLOW_QUEUE_MAX) " ORDER BY x.sec, x.rn",
	1
};

const struct db_query	q_flow_mine = {
	"flow_mine",
	"SELECT i.slug, i.title, i.status, i.feedback,"
	"    i.owner_id IS NOT DISTINCT FROM $1::bigint AND " DUE("i") ","
	"    " AT_ISO("i.updated_at") ", " DAY_SHOWN("i.updated_at") ","
	"    i.owner_id IS NOT DISTINCT FROM $1::bigint"
	" FROM item i WHERE i.kind = 'artikel' AND i.id IN"
	"    (SELECT o.id FROM item o WHERE o.owner_id = $1::bigint"
	"    UNION SELECT ia.item_id FROM item_author ia"
	"    WHERE ia.account_id = $1::bigint)"
	" ORDER BY i.updated_at DESC, i.id DESC LIMIT " STR(FLOW_MINE_MAX),
	1
};
