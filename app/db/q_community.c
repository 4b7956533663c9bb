/* Communities: only public ones are listed to everyone. */
#include "db/q.h"

const struct db_query q_community_list = {
	"community_list",
	"SELECT slug, name, summary, membership FROM community"
	" WHERE visibility = 'openbaar' ORDER BY name LIMIT 200",
	0
};
