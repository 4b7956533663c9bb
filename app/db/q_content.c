/* The content generation that stamps cached pages (core/pcache.h). */
#include "db/q.h"

const struct db_query q_content_gen = {
	"content_gen",
	"SELECT n FROM content_gen",
	0
};
