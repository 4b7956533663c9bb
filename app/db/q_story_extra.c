/*
 * Replies and quotes (q_story_extra.h). The rights are the SQL
 * functions' own (sql/008_story.sql); these queries only ask them.
 */
#include "db/q_story_extra.h"

#define READER	"nullif($2::text, '')::bigint"

const struct db_query	q_sx_story = {
	"sx_story",
	"SELECT x.id::text, x.slug::text, x.title, s.pseudonym, s.state,"
	" s.replies, story_may_read(x.id, " READER ")::text,"
	" story_is_teller(x.id, " READER ")::text,"
	" coalesce(account_is_editor(" READER "), false)::text,"
	" story_quotable(x.id)::text, x.body_html, x.body_md"
	" FROM item x JOIN story s ON s.item_id = x.id"
	" WHERE x.kind = 'verhaal' AND x.slug = $1::text",
	2
};

const struct db_query	q_sx_reply_add = {
	"sx_reply_add",
	"SELECT story_reply_add($1::bigint, $2::bigint, $3::text, $4::text,"
	" nullif($5::text, ''))::text",
	5
};

const struct db_query	q_sx_replies_set = {
	"sx_replies_set",
	"SELECT story_replies_set($1::bigint, $2::bigint, $3::text)",
	3
};

const struct db_query	q_sx_reply_decide = {
	"sx_reply_decide",
	"SELECT story_reply_decide($1::bigint, $2::bigint, $3::text),"
	" (SELECT x.slug::text FROM story_reply r JOIN item x"
	"  ON x.id = r.item_id WHERE r.id = $1::bigint)",
	3
};

const struct db_query	q_sx_goals = {
	"sx_goals",
	"SELECT g.slug, g.title FROM change_goal g"
	" ORDER BY g.pace DESC, g.position, g.title",
	0
};

const struct db_query	q_sx_quote_add = {
	"sx_quote_add",
	"SELECT story_quote_add($1::bigint, $2::bigint, $3::text,"
	" $4::text)::text",
	4
};

const struct db_query	q_sx_quote_remove = {
	"sx_quote_remove",
	"SELECT (SELECT g.slug FROM story_quote q JOIN change_goal g"
	"  ON g.id = q.goal_id WHERE q.id = $1::bigint),"
	" story_quote_remove($1::bigint, $2::bigint)",
	2
};

const struct db_query	q_sx_goal_quotes = {
	"sx_goal_quotes",
	"SELECT q.id::text, q.text, s.pseudonym, x.title, x.slug::text"
	" FROM change_goal g JOIN story_quote q ON q.goal_id = g.id"
	" JOIN item x ON x.id = q.item_id JOIN story s ON s.item_id = x.id"
	" WHERE g.slug = $1::text AND story_quotable(x.id)"
	" ORDER BY q.created_at, q.id",
	1
};
