/*
 * Communities of practice (issue 6): the list, a community's home, its
 * member list, the create/edit form and the changes. Pages are one
 * statement of typed rows each (q_community.h); the changes call the
 * functions of sql/005_community.sql, which check every right again.
 */
#include "db/q_article.h"
#include "db/q_community.h"

#define VIEWER	"nullif($2::text, '')::bigint"
#define DAY(x) \
	"coalesce(to_char(" x " AT TIME ZONE 'Europe/Amsterdam'," \
	" 'YYYY-MM-DD'), '')"

/* Columns a row of a type does not use (the head has 18). */
#define N1	"NULL::text"
#define N2	N1 "," N1
#define N4	N2 "," N2
#define N8	N4 "," N4
#define N11	N8 "," N2 "," N1
#define N12	N8 "," N4
#define N13	N12 "," N1
#define N14	N12 "," N2
#define N15	N14 "," N1
#define N16	N8 "," N8

#define COUNT(w) \
	"(SELECT count(*) FROM member y WHERE y.community_id = c.id" \
	" AND y.state = '" w "')"

/*
 * CTE "c": the community named by $1, if the viewer ($2) may see it,
 * with the viewer's rights and member row.
 */
#define Q_COMM \
	"c AS (SELECT x.id, x.slug::text AS slug, x.name, x.summary," \
	" x.purpose_md, x.purpose_html, x.visibility, x.membership," \
	" x.revision, " VIEWER " AS viewer," \
	" community_may_read(x.id, " VIEWER ") AS rd," \
	" community_may_moderate(x.id, " VIEWER ") AS md," \
	" community_may_post(x.id, " VIEWER ") AS mp," \
	" coalesce(m.state, '') AS st, coalesce(m.moderator, false) AS ismod" \
	" FROM community x LEFT JOIN member m ON m.community_id = x.id" \
	" AND m.account_id = " VIEWER \
	" WHERE x.slug = $1::text AND community_may_see(x.id, " VIEWER "))"

/* The head row (QCH_HEAD); purpose is purpose_html or purpose_md. */
#define Q_HEAD(purpose) \
	"SELECT 1 AS t, 0::bigint AS o, c.id::text, c.slug, c.name," \
	" c.summary, " purpose ", c.visibility, c.membership," \
	" c.revision::text, c.st, c.ismod::text, c.rd::text, c.md::text," \
	" " COUNT("lid") "::text," \
	" CASE WHEN c.md THEN " COUNT("aanvraag") " ELSE 0 END::text," \
	" EXISTS (SELECT 1 FROM follow f WHERE f.community_id = c.id" \
	" AND f.account_id = c.viewer)::text," \
	" (SELECT count(*) FROM topic tp WHERE tp.community_id = c.id" \
	" AND tp.hidden_at IS NULL)::text," \
	" CASE WHEN c.md THEN (SELECT count(*) FROM community_invite ci" \
	" WHERE ci.community_id = c.id AND ci.used_at IS NULL" \
	" AND ci.expires_at > now()) ELSE 0 END::text," \
	" c.mp::text FROM c"

const struct db_query	q_community_index = {
	"community_index",
	"WITH v AS (SELECT x.slug::text AS slug, x.name, x.summary,"
	"  x.visibility, x.membership,"
	"  (SELECT count(*) FROM member y WHERE y.community_id = x.id"
	"  AND y.state = 'lid') AS members,"
	"  coalesce(m.state, '') AS st, coalesce(m.moderator, false) AS ismod"
	"  FROM community x LEFT JOIN member m ON m.community_id = x.id"
	"  AND m.account_id = nullif($1::text, '')::bigint"
	"  WHERE community_may_see(x.id, nullif($1::text, '')::bigint))"
	" SELECT slug, name, summary, visibility, membership, members::text,"
	" st, ismod::text, (count(*) OVER ())::text FROM v"
	" ORDER BY lower(name), slug OFFSET $2::bigint LIMIT $3::bigint",
	3
};

const struct db_query	q_community_head = {
	"community_head",
	"WITH " Q_COMM " " Q_HEAD("''::text"),
	2
};

const struct db_query	q_community_home = {
	"community_home",
	"WITH " Q_COMM
	" " Q_HEAD("c.purpose_html")
	" UNION ALL"
	" SELECT 2, row_number() OVER (ORDER BY t.position, t.title, t.id),"
	" t.slug::text, t.title, " N16
	" FROM c JOIN community_theme ct ON ct.community_id = c.id"
	" JOIN theme t ON t.id = ct.theme_id"
	" UNION ALL"
	" SELECT 3, row_number() OVER (ORDER BY a.display_name IS NULL,"
	" lower(a.display_name), a.id), a.id::text,"
	" coalesce(a.display_name, ''), " N16
	" FROM c JOIN member y ON y.community_id = c.id AND y.state = 'lid'"
	" AND y.moderator JOIN account a ON a.id = y.account_id"
	" UNION ALL"
	" SELECT 4, row_number() OVER (ORDER BY i.published_at DESC,"
	" i.id DESC),"
	" i.kind, i.slug::text, i.title, i.summary, " DAY("i.published_at") ","
	" item_warnings(i.id), " N12
	" FROM c CROSS JOIN LATERAL (SELECT * FROM item z"
	" WHERE z.community_id = c.id AND z.status = 'gepubliceerd'"
	" AND z.hidden_at IS NULL AND (z.kind <> 'verhaal'"
	" OR story_may_read(z.id, c.viewer)) ORDER BY z.published_at DESC, z.id DESC"
	" LIMIT 10) i WHERE c.rd"
	" UNION ALL"
	" SELECT 5, row_number() OVER (ORDER BY tp.pinned DESC,"
	" tp.last_post_at DESC, tp.id DESC), tp.id::text, tp.title,"
	" coalesce(a.display_name, ''), tp.posts::text,"
	" " DAY("tp.last_post_at") ", tp.pinned::text, tp.closed::text, " N11
	" FROM c CROSS JOIN LATERAL (SELECT * FROM topic z"
	" WHERE z.community_id = c.id AND z.hidden_at IS NULL"
	" ORDER BY z.pinned DESC, z.last_post_at DESC, z.id DESC LIMIT 10) tp"
	" LEFT JOIN account a ON a.id = tp.author_id WHERE c.rd"
	" ORDER BY 1, 2",
	2
};

const struct db_query	q_community_members = {
	"community_members",
	"WITH " Q_COMM
	" " Q_HEAD("c.purpose_html")
	" UNION ALL"
	" SELECT 6, y.pos, y.account_id::text, coalesce(y.dn, ''),"
	" y.moderator::text, " DAY("coalesce(y.decided_at, y.created_at)") ","
	" " N14
	" FROM c CROSS JOIN LATERAL (SELECT z.*, a.display_name AS dn,"
	" row_number() OVER (ORDER BY z.moderator DESC,"
	" a.display_name IS NULL, lower(a.display_name), a.id) AS pos"
	" FROM member z JOIN account a ON a.id = z.account_id"
	" WHERE z.community_id = c.id AND z.state = 'lid') y"
	" WHERE c.rd AND y.pos > $3::bigint"
	" AND y.pos <= $3::bigint + $4::bigint"
	" UNION ALL"
	" SELECT 7, row_number() OVER (ORDER BY y.created_at, a.id),"
	" a.id::text, coalesce(a.display_name, ''), y.note,"
	" " DAY("y.created_at") ", " N14
	" FROM c JOIN member y ON y.community_id = c.id"
	" AND y.state = 'aanvraag' JOIN account a ON a.id = y.account_id"
	" WHERE c.md"
	" UNION ALL"
	" SELECT 8, row_number() OVER (ORDER BY y.created_at, a.id),"
	" a.id::text, coalesce(a.display_name, ''),"
	" coalesce(b.display_name, ''), " DAY("y.created_at") ", " N14
	" FROM c JOIN member y ON y.community_id = c.id"
	" AND y.state = 'uitgenodigd' JOIN account a ON a.id = y.account_id"
	" LEFT JOIN account b ON b.id = y.invited_by WHERE c.md"
	" ORDER BY 1, 2",
	4
};

const struct db_query	q_community_form = {
	"community_form",
	"WITH " Q_COMM
	" " Q_HEAD("c.purpose_md")
	" UNION ALL"
	" SELECT 2, row_number() OVER (ORDER BY t.position, t.title, t.id),"
	" t.slug::text, t.title, EXISTS (SELECT 1 FROM community_theme ct"
	" JOIN c ON c.id = ct.community_id WHERE ct.theme_id = t.id)::text,"
	" " N15 " FROM theme t"
	" ORDER BY 1, 2",
	2
};

const struct db_query	q_community_save = {
	"community_save",
	"SELECT s.id::text, s.slug, s.revision::text, s.conflict::text"
	" FROM community_save(nullif($1::text, '')::bigint, $2::bigint,"
	" nullif($3::text, '')::integer, $4::text, $5::text, $6::text,"
	" $7::text, $8::text, $9::text, $10::text, $11::text, $12::text) s",
	12
};

const struct db_query	q_community_act = {
	"community_act",
	"SELECT member_act(c.id, $2::bigint, $3::text,"
	" nullif($4::text, '')::bigint, $5::text)"
	" FROM community c WHERE c.slug = $1::text",
	5
};

/*
 * A display name is not unique: exactly one active account must have
 * it (compared without regard to case), else nobody is invited.
 */
const struct db_query	q_community_invite_name = {
	"community_invite_name",
	"WITH a AS (SELECT x.id FROM account x"
	"  WHERE lower(x.display_name) = lower($3::text)"
	"  AND x.deleted_at IS NULL AND x.blocked_at IS NULL LIMIT 2)"
	" SELECT (SELECT count(*) FROM a)::text,"
	" CASE WHEN (SELECT count(*) FROM a) = 1 THEN"
	" member_act($1::bigint, $2::bigint, 'uitnodigen', (SELECT id FROM a),"
	" $4::text) ELSE '' END",
	4
};

const struct db_query	q_community_invite_mail = {
	"community_invite_mail",
	"SELECT community_invite_email($1::bigint, $2::bigint, $3::text,"
	" decode($4::text, 'hex'), $5::text, $6::text)",
	6
};

const struct db_query	q_community_invitation = {
	"community_invitation",
	"SELECT c.slug::text, c.name, c.summary, coalesce(a.display_name, '')"
	" FROM community_invite ci JOIN community c ON c.id = ci.community_id"
	" LEFT JOIN account a ON a.id = ci.invited_by"
	" WHERE ci.token_hash = decode($1::text, 'hex')"
	" AND ci.used_at IS NULL AND ci.expires_at > now()",
	1
};

const struct db_query	q_community_invitation_accept = {
	"community_invitation_accept",
	"SELECT community_invite_accept(decode($1::text, 'hex'), $2::bigint)",
	2
};

/*
 * Only a public community has a feed; its items are public by the
 * visibility trigger, and Q_PUBLIC_I checks it again (and hidden_at).
 */
const struct db_query	q_community_feed = {
	"community_feed",
	"WITH c AS (SELECT x.id, x.slug::text AS slug, x.name, x.summary"
	"  FROM community x WHERE x.slug = $1::text"
	"  AND x.visibility = 'openbaar'),"
	" e AS (SELECT '2'::text AS t, " FEED_ENTRY ","
	"  row_number() OVER (ORDER BY i.published_at DESC, i.id DESC)"
	"  AS pos FROM c JOIN item i ON i.community_id = c.id WHERE "
	Q_PUBLIC_I ")"
	" SELECT '1', 'community', c.slug, c.name, c.summary, NULL, NULL,"
	" NULL, NULL, NULL, 0::bigint FROM c"
	" UNION ALL"
	" SELECT * FROM e WHERE pos <= " FEED_MAX
	" ORDER BY 1, 11",
	1
};
