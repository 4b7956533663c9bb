/* Change goals (veranderopgaven) of the monitor. */
#include "db/q.h"

const struct db_query q_goal_list = {
	"goal_list",
	"SELECT g.slug, g.title, g.summary, g.pace, '', '', ''"
	" FROM change_goal g ORDER BY g.pace DESC, g.position, g.title",
	0
};

const struct db_query q_goal_show = {
	"goal_show",
	"SELECT g.slug, g.title, g.summary, g.pace, g.body_html,"
	" t.slug, t.title"
	" FROM change_goal g LEFT JOIN theme t ON t.id = g.theme_id"
	" WHERE g.slug = $1::text",
	1
};
