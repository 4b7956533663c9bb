/*
 * Following and notifications (issue 6). The rights are checked in SQL:
 * follow_set() refuses what the actor may not read, and every list of
 * notifications passes notification_visible(), which checks again at
 * read time (a member who left no longer sees a community's news).
 */
#include "db/q_notify.h"
#include "db/q_notify_sql.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

#define AT_ISO(c) \
	"to_char((" c ") AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define AT_SHOWN(c) \
	"to_char((" c ") AT TIME ZONE 'Europe/Amsterdam', " \
	"'DD-MM-YYYY HH24:MI')"

const struct db_query q_follow_set = {
	"follow_set",
	"SELECT follow_set($1::bigint, $2::text, $3::bigint, $4::boolean)",
	4
};

const struct db_query q_follow_theme = {
	"follow_theme",
	"SELECT t.id::text, EXISTS (SELECT 1 FROM follow f"
	" WHERE f.account_id = $1::bigint AND f.theme_id = t.id)::text"
	" FROM theme t WHERE t.slug = $2::text",
	2
};

const struct db_query q_follow_item = {
	"follow_item",
	"SELECT i.id::text, EXISTS (SELECT 1 FROM follow f"
	" WHERE f.account_id = $1::bigint AND f.item_id = i.id)::text"
	" FROM item i WHERE i.kind = $2::text AND i.slug = $3::text",
	3
};

const struct db_query q_notify_list = {
	"notify_list",
	"WITH v AS ("
	"  SELECT n.* FROM notification n WHERE n.account_id = $1::bigint"
	"  AND notification_visible(n, $1::bigint)"
	"), c AS ("
	"  SELECT count(*) AS total,"
	"  count(*) FILTER (WHERE v.read_at IS NULL) AS unread FROM v"
	")"
	" SELECT c.total::text, c.unread::text, x.id, x.kind, x.sub, x.actor,"
	" x.text, x.href, x.community, x.at, x.at_shown, x.new, x.note"
	" FROM c LEFT JOIN LATERAL ("
	"  SELECT v.id::text AS id, v.kind, " NOTIFY_SUB("v") " AS sub,"
	"  " NOTIFY_ACTOR("v", "a", "$3::text") " AS actor,"
	"  " NOTIFY_TEXT("v") " AS text, v.href,"
	"  coalesce(cm.name, '') AS community,"
	"  " AT_ISO("v.created_at") " AS at,"
	"  " AT_SHOWN("v.created_at") " AS at_shown,"
	"  (v.read_at IS NULL)::text AS new, " NOTIFY_NOTE("v") " AS note"
	"  FROM v LEFT JOIN account a ON a.id = v.actor_id"
	"  LEFT JOIN community cm ON cm.id = v.community_id"
	"  ORDER BY v.created_at DESC, v.id DESC"
	"  LIMIT " STR(Q_NOTIFY_PER_PAGE)
	"  OFFSET ($2::bigint - 1) * " STR(Q_NOTIFY_PER_PAGE)
	" ) x ON true",
	3
};

const struct db_query q_notify_read = {
	"notify_read",
	"UPDATE notification SET read_at = now()"
	" WHERE account_id = $1::bigint AND read_at IS NULL"
	" AND ($2::text = '' OR id = nullif($2::text, '')::bigint)",
	2
};

const struct db_query q_notify_prefs = {
	"notify_prefs",
	"SELECT a.digest::text, coalesce((SELECT string_agg(np.kind, ' ')"
	" FROM notify_pref np WHERE np.account_id = a.id AND NOT np.in_app),"
	" '') FROM account a WHERE a.id = $1::bigint",
	1
};

const struct db_query q_notify_prefs_save = {
	"notify_prefs_save",
	"WITH p AS ("
	"  INSERT INTO notify_pref (account_id, kind, in_app)"
	"  SELECT a.id, k, k = ANY (string_to_array($2::text, ' '))"
	"  FROM account a, unnest(ARRAY[" Q_NOTIFY_KINDS "]) AS k"
	"  WHERE a.id = $1::bigint AND a.deleted_at IS NULL"
	"  AND a.blocked_at IS NULL"
	"  ON CONFLICT (account_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app"
	")"
	" UPDATE account SET digest = $3::boolean WHERE id = $1::bigint"
	" AND deleted_at IS NULL AND blocked_at IS NULL RETURNING id",
	3
};
