/*
 * The report form's queries (see q_flag.h). Readability is decided by
 * the same SQL functions every page uses: community_may_read() for a
 * discussion's posts, item_may_read() for items.
 */
#include "db/q_flag.h"

#define READER	"$3::bigint"

/* Whitespace folded, at most 240 characters of the Markdown source. */
#define EXCERPT(x) \
	"CASE WHEN length(" x ") > 240 THEN" \
	" left(regexp_replace(" x ", '\\s+', ' ', 'g'), 240) || '\xe2\x80\xa6'" \
	" ELSE regexp_replace(" x ", '\\s+', ' ', 'g') END"

const struct db_query	q_flag_target = {
	"flag_target",
	"SELECT 'bericht', p.id::text, t.title, " EXCERPT("p.body_md") ","
	"    c.name, '/gemeenschappen/' || c.slug || '/gesprekken/' || t.id,"
	"    ((p.n - 1) / 25 + 1)::text, p.n::text,"
	"    (p.hidden_at IS NOT NULL OR t.hidden_at IS NOT NULL)::text,"
	"    EXISTS (SELECT 1 FROM flag f WHERE f.post_id = p.id"
	"    AND f.reporter_id = " READER " AND f.resolved_at IS NULL)::text,"
	"    community_may_read(c.id, " READER ")::text"
	" FROM post p JOIN topic t ON t.id = p.topic_id"
	" JOIN community c ON c.id = t.community_id"
	" WHERE p.id = nullif($1::text, '')::bigint"
	" UNION ALL"
	" SELECT i.kind, i.id::text, i.title, i.summary, coalesce(c.name, ''),"
	"    item_href(i), '', '', (i.hidden_at IS NOT NULL)::text,"
	"    EXISTS (SELECT 1 FROM flag f WHERE f.item_id = i.id"
	"    AND f.reporter_id = " READER " AND f.resolved_at IS NULL)::text,"
	"    item_may_read(i.id, " READER ")::text"
	" FROM item i LEFT JOIN community c ON c.id = i.community_id"
	" WHERE i.id = nullif($2::text, '')::bigint",
	3
};

const struct db_query	q_flag_create = {
	"flag_create",
	"SELECT flag_create($1::bigint, nullif($2::text, '')::bigint,"
	"    nullif($3::text, '')::bigint, $4::text, $5::text)",
	5
};
