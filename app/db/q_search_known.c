/* /zoeken's filters by slug (db/q_search_known.h). */
#include "db/q_search_known.h"

const struct db_query q_search_known = {
	"search_known",
	"SELECT (SELECT t.title FROM theme t WHERE t.slug = nullif($1, '')),"
	" (SELECT c.name FROM community c WHERE c.slug = nullif($2, '')"
	"   AND community_may_read(c.id, nullif($4, '')::bigint)),"
	" (SELECT CASE $5::text WHEN 'en' THEN r.name_en ELSE r.name END"
	"   FROM region r WHERE r.slug = nullif($3, ''))",
	5
};
