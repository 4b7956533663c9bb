/*
 * The list of resources and its feed (q_resource_list.h).
 */
#include "db/q_article.h"
#include "db/q_resource_list.h"

#define READER	"nullif($1::text, '')::bigint"

/* Published, not hidden, public or readable by the reader (alias i). */
#define SEEN \
	"((" Q_PUBLIC_I ") OR (" READER " IS NOT NULL" \
	" AND i.status = 'gepubliceerd' AND i.hidden_at IS NULL" \
	" AND item_may_read(i.id, " READER ")))"

/*
 * r: every readable resource with, per filter, whether it matches it
 * (ok_s type, ok_t theme, ok_j year); a facet counts the resources
 * that match the other two.
 */
const struct db_query q_resource_list = {
	"resource_list",
	"WITH th AS ("
	"  SELECT coalesce((SELECT x.id FROM theme x WHERE x.slug = $3::text),"
	"  (SELECT al.theme_id FROM theme_alias al"
	"  WHERE al.slug = $3::text)) AS id"
	"), r AS ("
	"  SELECT i.id, i.slug::text AS slug, i.title, i.summary,"
	"  i.published_at, x.type::text AS type, x.year, x.publisher,"
	"  ($2::text = '' OR x.type = $2::text) AS ok_s,"
	"  (th.id IS NULL OR EXISTS (SELECT 1 FROM item_theme it"
	"  WHERE it.item_id = i.id AND it.theme_id = th.id)) AS ok_t,"
	"  ($4::text = '' OR x.year = nullif($4::text, '')::integer) AS ok_j"
	"  FROM item i JOIN resource x ON x.item_id = i.id CROSS JOIN th"
	"  WHERE i.kind = 'bron' AND " SEEN
	"), m AS ("
	"  SELECT r.*, count(*) OVER () AS total,"
	"  row_number() OVER (ORDER BY r.published_at DESC, r.id DESC)"
	"  AS pos FROM r WHERE r.ok_s AND r.ok_t AND r.ok_j"
	"), p AS ("
	"  SELECT m.* FROM m WHERE m.pos > $5::bigint"
	"  AND m.pos <= $5::bigint + $6::bigint"
	"), cs AS ("
	"  SELECT r.type, count(*) AS n FROM r WHERE r.ok_t AND r.ok_j"
	"  GROUP BY r.type"
	"), ct AS ("
	"  SELECT it.theme_id, count(*) AS n FROM r"
	"  JOIN item_theme it ON it.item_id = r.id WHERE r.ok_s AND r.ok_j"
	"  GROUP BY it.theme_id"
	"), cj AS ("
	"  SELECT r.year, count(*) AS n FROM r WHERE r.ok_s AND r.ok_t"
	"  AND r.year IS NOT NULL GROUP BY r.year"
	")"
	" SELECT 1 AS t, 0::bigint AS pos, (SELECT count(*) FROM m)::text,"
	" ($3::text = '' OR th.id IS NOT NULL)::text, NULL, NULL, NULL,"
	" NULL, NULL FROM th"
	" UNION ALL"
	" SELECT 2, s.n, 'soort', s.type, '',"
	" coalesce(cs.n, 0)::text, (s.type = $2::text)::text, NULL, NULL"
	" FROM unnest(ARRAY['publicatie', 'sjabloon', 'toolkit', 'video',"
	" 'website', 'onderzoek']) WITH ORDINALITY s(type, n)"
	" LEFT JOIN cs ON cs.type = s.type"
	" WHERE cs.n > 0 OR s.type = $2::text"
	" UNION ALL"
	" SELECT 2, 100 + row_number() OVER (ORDER BY x.position, x.title),"
	" 'thema', x.slug::text, x.title, coalesce(ct.n, 0)::text,"
	" (x.id = th.id)::text, NULL, NULL"
	" FROM theme x CROSS JOIN th LEFT JOIN ct ON ct.theme_id = x.id"
	" WHERE ct.n > 0 OR x.id = th.id"
	" UNION ALL"
	" SELECT 2, 100000 + row_number() OVER (ORDER BY y.year DESC),"
	" 'jaar', y.year::text, '', coalesce(cj.n, 0)::text,"
	" (y.year::text = $4::text)::text, NULL, NULL"
	" FROM (SELECT cj.year FROM cj UNION SELECT nullif($4::text,"
	" '')::integer) y LEFT JOIN cj ON cj.year = y.year"
	" WHERE y.year IS NOT NULL"
	" UNION ALL"
	" SELECT 3, p.pos, p.slug, p.title, p.summary, p.type,"
	" coalesce(p.year::text, ''), p.publisher,"
	" (SELECT CASE WHEN count(*) > 0 THEN sum(u.downloads)::text"
	" ELSE '' END FROM resource_file f"
	" JOIN upload u ON u.id = f.upload_id WHERE f.item_id = p.id"
	" AND f.version = (SELECT max(g.version) FROM resource_file g"
	" WHERE g.item_id = f.item_id AND g.slot = f.slot))"
	" FROM p"
	" ORDER BY 1, 2",
	6
};

const struct db_query q_feed_resources = {
	"feed_resources",
	"SELECT '2', " FEED_ENTRY " FROM item i"
	" WHERE i.kind = 'bron' AND " Q_PUBLIC_I
	" ORDER BY i.published_at DESC, i.id DESC LIMIT " FEED_MAX,
	0
};
