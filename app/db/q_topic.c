/*
 * The discussions' statements (see q_topic.h). Writes go through the
 * functions of sql/005_community.sql, which check every right again
 * and raise 42501 / P0002 / 55000; the pages ask the same rights so
 * that no post leaves the database for a reader who may not read it.
 */
#include "db/q_topic.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

/* Times: ISO 8601 for <time datetime>, and as shown in the Netherlands. */
#define AT_ISO(c) \
	"to_char((" c ") AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define AT_SHOWN(c) \
	"to_char((" c ") AT TIME ZONE 'Europe/Amsterdam', " \
	"'DD-MM-YYYY HH24:MI')"

/* The reader: $n, '' for a visitor. */
#define ME(n) \
	"me AS (SELECT nullif($" n "::text, '')::bigint AS id)"

/* The community and the reader's rights in it (QT_C_*). */
#define CM(cond) \
	"cm AS (SELECT c.id, c.slug, c.name, c.membership, c.visibility," \
	"    community_may_see(c.id, me.id) AS see," \
	"    community_may_read(c.id, me.id) AS rd," \
	"    community_may_post(c.id, me.id) AS wr," \
	"    community_may_moderate(c.id, me.id) AS md," \
	"    coalesce((SELECT m.state FROM member m" \
	"    WHERE m.community_id = c.id AND m.account_id = me.id), '')" \
	"    AS state" \
	"    FROM community c CROSS JOIN me WHERE " cond ")"
#define CM_COLS \
	"cm.id, cm.slug, cm.name, cm.membership, cm.visibility, cm.see," \
	" cm.rd, cm.wr, cm.md, cm.state"

const struct db_query	q_topic_list = {
	"topic_list",
	"WITH " ME("2") ", " CM("c.slug = $1::text") ","
	" l AS (SELECT t.id, t.title, t.author_id, t.posts, t.last_post_at,"
	"    t.pinned, t.closed, t.hidden_at, count(*) OVER () AS total"
	"    FROM topic t JOIN cm ON cm.rd AND t.community_id = cm.id"
	"    CROSS JOIN me"
	"    WHERE t.hidden_at IS NULL OR cm.md OR t.author_id = me.id"
	"    ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC"
	"    LIMIT " STR(QT_PER_LIST)
	"    OFFSET ($3::integer - 1) * " STR(QT_PER_LIST) ")"
	" SELECT " CM_COLS ", l.id, l.title, l.author_id, a.display_name,"
	"    greatest(l.posts - 1, 0), " AT_ISO("l.last_post_at") ","
	"    " AT_SHOWN("l.last_post_at") ", l.pinned, l.closed,"
	"    l.hidden_at IS NOT NULL, l.total"
	" FROM cm LEFT JOIN l ON true LEFT JOIN account a ON a.id = l.author_id"
	" ORDER BY l.pinned DESC, l.last_post_at DESC, l.id DESC",
	3
};

const struct db_query	q_topic_comm = {
	"topic_comm",
	"WITH " ME("2") ", " CM("c.slug = $1::text")
	" SELECT " CM_COLS " FROM cm",
	2
};

const struct db_query	q_topic_page = {
	"topic_page",
	"WITH " ME("3") ", " CM("c.slug = $1::text") ","
	/* A hidden topic: for its moderators and its author only. */
	" tp AS (SELECT t.id, t.title, t.closed, t.pinned, t.hidden_at,"
	"    t.author_id, coalesce((SELECT max(x.n) FROM post x"
	"    WHERE x.topic_id = t.id), 1) AS maxn,"
	"    EXISTS (SELECT 1 FROM follow f WHERE f.topic_id = t.id"
	"    AND f.account_id = me.id) AS following"
	"    FROM topic t JOIN cm ON cm.rd AND t.community_id = cm.id"
	"    CROSS JOIN me WHERE t.id = $2::bigint"
	"    AND (t.hidden_at IS NULL OR cm.md OR t.author_id = me.id)),"
	" pg AS (SELECT tp.id, (tp.maxn + " STR(QT_PER_PAGE) " - 1) / "
	STR(QT_PER_PAGE) " AS pages, CASE WHEN $4::integer = 0"
	"    THEN (tp.maxn + " STR(QT_PER_PAGE) " - 1) / " STR(QT_PER_PAGE)
	"    ELSE $4::integer END AS page FROM tp),"
	" q AS (SELECT x.body_md, x.author_id, a.display_name"
	"    FROM post x JOIN tp ON x.topic_id = tp.id"
	"    LEFT JOIN account a ON a.id = x.author_id"
	"    WHERE x.id = nullif($5::text, '')::bigint"
	"    AND x.hidden_at IS NULL)"
	" SELECT " CM_COLS ", tp.id, tp.title, tp.closed, tp.pinned,"
	"    tp.hidden_at IS NOT NULL, tp.author_id, pg.pages, pg.page,"
	"    tp.following,"
	"    q.body_md IS NOT NULL, q.body_md, q.display_name,"
	"    p.id, p.n, p.author_id, p.display_name, p.at_iso, p.at,"
	"    p.revision, p.hidden, p.body_html, p.hidden_note, p.helpful,"
	"    p.mine, p.quote_n, p.edit"
	" FROM cm CROSS JOIN me LEFT JOIN tp ON true"
	" LEFT JOIN pg ON pg.id = tp.id LEFT JOIN q ON true"
	" LEFT JOIN LATERAL (SELECT x.id, x.n, x.author_id, a.display_name,"
	"    " AT_ISO("x.created_at") " AS at_iso,"
	"    " AT_SHOWN("x.created_at") " AS at, x.revision,"
	"    x.hidden_at IS NOT NULL AS hidden,"
	/* A hidden post's text: for its author and the moderators. */
	"    CASE WHEN x.hidden_at IS NULL OR cm.md OR x.author_id = me.id"
	"    THEN x.body_html ELSE '' END AS body_html,"
	"    CASE WHEN cm.md OR x.author_id = me.id THEN x.hidden_note"
	"    ELSE '' END AS hidden_note, x.helpful,"
	"    EXISTS (SELECT 1 FROM post_helpful h WHERE h.post_id = x.id"
	"    AND h.account_id = me.id) AS mine,"
	"    (SELECT y.n FROM post y WHERE y.id = x.quote_of) AS quote_n,"
	"    (x.author_id = me.id AND cm.wr) OR cm.md AS edit"
	"    FROM post x LEFT JOIN account a ON a.id = x.author_id"
	"    WHERE x.topic_id = tp.id"
	"    AND x.n > (pg.page - 1) * " STR(QT_PER_PAGE)
	"    AND x.n <= pg.page * " STR(QT_PER_PAGE) ") p ON true"
	" ORDER BY p.n",
	5
};

const struct db_query	q_topic_create = {
	"topic_create",
	"SELECT r.topic_id, r.post_id FROM topic_create($1::bigint,"
	"    $2::bigint, $3::text, $4::text, $5::text, $6::text) r",
	6
};

const struct db_query	q_topic_reply = {
	"topic_reply",
	"SELECT r.post_id, r.n FROM post_create($1::bigint, $2::bigint,"
	"    $3::text, $4::text, nullif($5::text, '')::bigint, $6::text) r",
	6
};

const struct db_query	q_topic_act = {
	"topic_act",
	"SELECT topic_act(t.id, $3::bigint, $4::text)"
	" FROM topic t JOIN community c ON c.id = t.community_id"
	" WHERE t.id = $2::bigint AND c.slug = $1::text",
	4
};

/* The topic's post: shown when the topic page would show it. */
#define PX_SHOWN \
	"(cm.rd AND (px.t_hidden IS NULL OR cm.md OR px.t_author = me.id))"

#define PX(n) \
	"px AS (SELECT x.id, x.n, x.topic_id, x.author_id, x.body_md," \
	"    x.revision, x.hidden_at, t.title, t.community_id," \
	"    t.hidden_at AS t_hidden, t.author_id AS t_author" \
	"    FROM post x JOIN topic t ON t.id = x.topic_id" \
	"    WHERE x.id = $" n "::bigint)"

const struct db_query	q_post_get = {
	"post_get",
	"WITH " ME("2") ", " PX("1") ","
	" " CM("c.id = (SELECT community_id FROM px)")
	" SELECT " CM_COLS ", px.id, px.n, px.topic_id, px.title,"
	"    CASE WHEN cm.rd THEN px.body_md END, px.revision,"
	"    cm.rd AND ((px.author_id = me.id AND cm.wr) OR cm.md),"
	"    px.hidden_at IS NOT NULL, " PX_SHOWN
	" FROM cm CROSS JOIN px CROSS JOIN me",
	2
};

const struct db_query	q_post_save = {
	"post_save",
	"SELECT e.revision, e.conflict FROM post_edit($1::bigint,"
	"    $2::bigint, $3::integer, $4::text, $5::text) e",
	5
};

const struct db_query	q_post_history = {
	"post_history",
	"WITH " ME("2") ", " PX("1") ","
	" " CM("c.id = (SELECT community_id FROM px)") ","
	/* Revisions of a hidden post: for its author and the moderators. */
	" ok AS (SELECT " PX_SHOWN " AND (px.hidden_at IS NULL OR cm.md"
	"    OR px.author_id = me.id) AS ok FROM cm CROSS JOIN px"
	"    CROSS JOIN me),"
	" r AS (SELECT r.rev, r.created_at, r.editor_id, r.body_md,"
	"    lag(r.body_md) OVER (ORDER BY r.rev) AS prev"
	"    FROM post_revision r JOIN px ON r.post_id = px.id"
	"    JOIN ok ON ok.ok)"
	" SELECT " CM_COLS ", px.id, px.n, px.topic_id, px.title, ok.ok,"
	"    v.rev, " AT_ISO("v.created_at") ", " AT_SHOWN("v.created_at") ","
	"    v.editor_id, a.display_name, v.body_md, v.prev,"
	"    px.hidden_at IS NOT NULL"
	" FROM cm CROSS JOIN px CROSS JOIN ok"
	" LEFT JOIN LATERAL (SELECT * FROM r ORDER BY r.rev DESC"
	"    LIMIT " STR(QT_HISTORY_MAX) ") v ON true"
	" LEFT JOIN account a ON a.id = v.editor_id"
	" ORDER BY v.rev DESC",
	2
};

const struct db_query	q_post_helpful = {
	"post_helpful",
	"WITH " ME("2") ","
	" px AS (SELECT x.id, x.n, x.author_id, x.topic_id,"
	"    community_may_read(t.community_id, me.id) AS rd"
	"    FROM post x JOIN topic t ON t.id = x.topic_id CROSS JOIN me"
	"    WHERE x.id = $1::bigint)"
	" SELECT px.rd, px.author_id IS NOT DISTINCT FROM me.id,"
	"    CASE WHEN px.rd THEN topic_href(px.topic_id) END, px.n,"
	"    CASE WHEN px.rd AND px.author_id IS DISTINCT FROM me.id"
	"    THEN post_helpful_set(px.id, me.id, $3::boolean) END"
	" FROM px CROSS JOIN me",
	3
};
