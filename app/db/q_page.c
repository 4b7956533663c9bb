/* Static pages, in the reader's language with Dutch as fallback. */
#include "db/q.h"

const struct db_query q_page_show = {
	"page_show",
	"SELECT title, summary, body_html FROM page"
	" WHERE slug = $1::text AND lang IN ($2::text, 'nl')"
	" ORDER BY (lang = $2::text) DESC LIMIT 1",
	2
};
