/*
 * Admin queries (issue 4). Each change is one statement: it locks the
 * target's and the actor's account rows in id order (two admins acting
 * on each other wait instead of deadlocking), checks under that lock
 * that the actor is still an active admin, changes the account and
 * writes the audit row. Audit rows hold ids and role names only.
 */
#include "db/q_admin.h"

/* Searching: position() needs no escaping of % and _ in the text. */
const struct db_query	q_admin_users = {
	"admin_users",
	"SELECT id, coalesce(display_name, ''), coalesce(email, ''),"
	"    member_kind, role,"
	"    CASE WHEN deleted_at IS NOT NULL THEN 'verwijderd'"
	"    WHEN blocked_at IS NOT NULL THEN 'geblokkeerd'"
	"    ELSE 'actief' END,"
	"    to_char(created_at AT TIME ZONE 'Europe/Amsterdam',"
	"    'YYYY-MM-DD'), count(*) OVER ()"
	" FROM account"
	" WHERE ($1::text = '' OR"
	"    position(lower($1::text) IN lower(coalesce(display_name, ''))) > 0"
	"    OR position(lower($1::text) IN coalesce(email, '')) > 0)"
	"  AND ($2::text = '' OR role = $2::text)"
	" ORDER BY created_at DESC, id DESC"
	" OFFSET $3::int LIMIT $4::int",
	4
};

/* $T target id, $A actor id: the shared head of the three updates. */
#define ADMIN_LOCK(T, A) \
	"WITH lk AS (SELECT id, role, blocked_at IS NOT NULL AS blocked," \
	"    deleted_at IS NOT NULL AS gone FROM account" \
	"    WHERE id IN (" T "::bigint, " A "::bigint)" \
	"    ORDER BY id FOR UPDATE)," \
	" actor AS (SELECT 1 FROM lk WHERE id = " A "::bigint" \
	"    AND role = 'beheerder' AND NOT blocked AND NOT gone)," \
	" old AS (SELECT * FROM lk WHERE id = " T "::bigint)," \
	" ok AS (SELECT * FROM old WHERE NOT gone" \
	"    AND EXISTS (SELECT 1 FROM actor)),"
#define ADMIN_RESULT \
	" SELECT old.gone, EXISTS (SELECT 1 FROM actor) FROM old"

const struct db_query	q_admin_set_role = {
	"admin_set_role",
	ADMIN_LOCK("$1", "$3")
	" upd AS (UPDATE account a SET role = $2::text, updated_at = now()"
	"    FROM ok WHERE a.id = ok.id AND ok.role <> $2::text"
	"    RETURNING ok.role AS was),"
	" aud AS (INSERT INTO audit (actor_id, action, target_id, detail)"
	"    SELECT $3::bigint, 'rol_gewijzigd', $1::bigint,"
	"    upd.was || ' → ' || $2::text FROM upd)"
	ADMIN_RESULT,
	3
};

/* Blocking also ends every session of the account at once. */
const struct db_query	q_admin_block = {
	"admin_block",
	ADMIN_LOCK("$1", "$2")
	" upd AS (UPDATE account a SET blocked_at = now(), updated_at = now()"
	"    FROM ok WHERE a.id = ok.id AND NOT ok.blocked RETURNING a.id),"
	" ses AS (DELETE FROM session s USING ok"
	"    WHERE s.account_id = ok.id),"
	" aud AS (INSERT INTO audit (actor_id, action, target_id)"
	"    SELECT $2::bigint, 'geblokkeerd', upd.id FROM upd)"
	ADMIN_RESULT,
	2
};

const struct db_query	q_admin_unblock = {
	"admin_unblock",
	ADMIN_LOCK("$1", "$2")
	" upd AS (UPDATE account a SET blocked_at = NULL, updated_at = now()"
	"    FROM ok WHERE a.id = ok.id AND ok.blocked RETURNING a.id),"
	" aud AS (INSERT INTO audit (actor_id, action, target_id)"
	"    SELECT $2::bigint, 'gedeblokkeerd', upd.id FROM upd)"
	ADMIN_RESULT,
	2
};

/*
 * Names come from the account rows at reading time: a deleted account
 * has none left (shown as "voormalig lid"), NULL actor is the system.
 */
/*
 * The target of a row is an account, an item, a theme, a community, a
 * discussion or a post, by action (audit_target() in SQL): each gets its
 * own label and link (a deleted one: none).
 * A story's storyteller is never named (issue 9): a row on a story whose
 * actor is its owner (item_save() writes their id), or one of their own
 * steps (no actor, detail 'verteller, ...'), gives the actor 'verteller'
 * and no name; admin.c shows "de verteller".
 */
/* A withdrawn story is named by its number only: its title (and the
 * slug made from it) reach nobody but its storyteller. */
#define WITHDRAWN	"st.state = 'ingetrokken'"
#define TELLER_ROW \
	"(i.kind = 'verhaal' AND (au.actor_id = i.owner_id" \
	" OR (au.actor_id IS NULL AND au.detail LIKE 'verteller%')))"
const struct db_query	q_admin_audit = {
	"admin_audit",
	"SELECT to_char(au.at AT TIME ZONE 'Europe/Amsterdam',"
	"    'YYYY-MM-DD HH24:MI'), au.action,"
	"    CASE WHEN " TELLER_ROW " THEN 'verteller'"
	"    ELSE coalesce(au.actor_id::text, '') END,"
	"    CASE WHEN " TELLER_ROW " THEN ''"
	"    ELSE coalesce(ac.display_name, '') END,"
	"    coalesce(au.target_id::text, ''),"
	"    coalesce(CASE WHEN " WITHDRAWN " THEN '' ELSE i.title END,"
	"    th.title, c.name, tp.title, pt.title, t.display_name, ''),"
	"    coalesce(CASE audit_target(au.action)"
	"    WHEN 'item' THEN CASE WHEN " WITHDRAWN " THEN NULL"
	"    ELSE item_href(i) END"
	"    WHEN 'theme' THEN '/themas/' || th.slug"
	"    WHEN 'community' THEN '/gemeenschappen/' || c.slug"
	"    WHEN 'topic' THEN topic_href(tp.id)"
	"    WHEN 'post' THEN post_href(p.id)"
	"    ELSE '/mensen/' || au.target_id END, ''),"
	"    au.detail, count(*) OVER ()"
	" FROM audit au"
	" LEFT JOIN account ac ON ac.id = au.actor_id"
	" LEFT JOIN item i ON i.id = au.target_id"
	"    AND audit_target(au.action) = 'item'"
	" LEFT JOIN story st ON st.item_id = i.id"
	" LEFT JOIN theme th ON th.id = au.target_id"
	"    AND audit_target(au.action) = 'theme'"
	" LEFT JOIN community c ON c.id = au.target_id"
	"    AND audit_target(au.action) = 'community'"
	" LEFT JOIN topic tp ON tp.id = au.target_id"
	"    AND audit_target(au.action) = 'topic'"
	" LEFT JOIN post p ON p.id = au.target_id"
	"    AND audit_target(au.action) = 'post'"
	" LEFT JOIN topic pt ON pt.id = p.topic_id"
	" LEFT JOIN account t ON t.id = au.target_id"
	"    AND audit_target(au.action) = 'account'"
	" WHERE ($1::text = '' OR au.action = $1::text)"
	" ORDER BY au.at DESC, au.id DESC"
	" OFFSET $2::int LIMIT $3::int",
	3
};
