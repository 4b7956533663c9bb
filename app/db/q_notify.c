/*
 * Following and notifications (issue 6). The rights are checked in SQL:
 * follow_set() refuses what the actor may not read, and every list of
 * notifications passes notification_visible(), which checks again at
 * read time (a member who left no longer sees a community's news).
 */
#include "db/q_notify.h"

const struct db_query q_follow_set = {
	"follow_set",
	"SELECT follow_set($1::bigint, $2::text, $3::bigint, $4::boolean)",
	4
};
