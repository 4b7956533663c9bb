/*
 * Reading articles: the article page, the list and the feeds, each one
 * statement of typed rows (see q_article.h for the columns). Only
 * published public items are shown to anyone but the people who may
 * edit an item (item_may_edit() in sql/004_content.sql).
 */
#include "db/q_article.h"

#define READER	"nullif($2::text, '')::bigint"

#define DAY(x) \
	"coalesce(to_char(" x " AT TIME ZONE 'Europe/Amsterdam'," \
	" 'YYYY-MM-DD'), '')"

/*
 * "Gerelateerd": hand-chosen links in either direction first, then
 * items sharing the most themes, newest first; "genoemd in": items whose
 * body links here. Both published public items of any kind only.
 */
const struct db_query q_article_page = {
	"article_page",
	"WITH a AS ("
	"  SELECT i.id, i.slug::text AS slug, i.title, i.summary,"
	"  i.body_html, i.toc_html, i.words, i.status, i.published_at,"
	"  i.checked_at, i.approved_by, i.approved_at, i.approve_note,"
	"  i.community_id, i.feedback, i.owner_id, i.revision,"
	"  i.hidden_at, i.hidden_note"
	"  FROM item i WHERE i.kind = 'artikel' AND i.slug = $1::text"
	"  AND ((" Q_PUBLIC_I ") OR (" READER " IS NOT NULL"
	"  AND item_may_read(i.id, " READER ")))"
	"), rel AS ("
	"  SELECT r.id, min(r.rank) AS rank, max(r.shared) AS shared FROM ("
	"    SELECT CASE WHEN l.from_id = a.id THEN l.to_id"
	"    ELSE l.from_id END AS id, 0 AS rank, 0::bigint AS shared"
	"    FROM a JOIN item_link l ON l.type = 'gerelateerd'"
	"    AND (l.from_id = a.id OR l.to_id = a.id)"
	"    UNION ALL"
	"    SELECT t2.item_id, 1, count(*) FROM a"
	"    JOIN item_theme t1 ON t1.item_id = a.id"
	"    JOIN item_theme t2 ON t2.theme_id = t1.theme_id"
	"    AND t2.item_id <> a.id GROUP BY t2.item_id"
	"  ) r GROUP BY r.id"
	"), rp AS ("
	"  SELECT i.kind, i.slug::text AS slug, i.title, i.summary,"
	"  item_warnings(i.id) AS warn,"
	"  row_number() OVER (ORDER BY r.rank, r.shared DESC,"
	"  i.published_at DESC, i.id DESC) AS pos"
	"  FROM rel r JOIN item i ON i.id = r.id WHERE " Q_PUBLIC_I
	"), bl AS ("
	"  SELECT i.kind, i.slug::text AS slug, i.title, i.summary,"
	"  item_warnings(i.id) AS warn,"
	"  row_number() OVER (ORDER BY i.published_at DESC, i.id DESC)"
	"  AS pos FROM a JOIN item_link l ON l.to_id = a.id"
	"  AND l.type = 'verwijst' JOIN item i ON i.id = l.from_id"
	"  WHERE " Q_PUBLIC_I
	")"
	" SELECT 1 AS t, 0::bigint AS pos, a.title, a.summary, a.body_html,"
	" a.toc_html, a.words::text, a.status, " DAY("a.published_at") ","
	" a.slug FROM a"
	" UNION ALL"
	" SELECT 2, 0, " DAY("a.checked_at") ","
	" (a.status = 'gepubliceerd' AND (a.checked_at IS NULL"
	" OR a.checked_at < now() - interval '12 months'))::text,"
	" a.approved_by::text,"
	" CASE WHEN ap.deleted_at IS NULL THEN ap.display_name END,"
	" " DAY("a.approved_at") ", a.approve_note, c.slug::text, c.name"
	" FROM a LEFT JOIN account ap ON ap.id = a.approved_by"
	" LEFT JOIN community c ON c.id = a.community_id"
	" AND community_may_read(c.id, " READER ")"
	" UNION ALL"
	" SELECT 3, 0, a.feedback,"
	" item_may_edit(a.id, " READER ")::text,"
	" coalesce(a.owner_id = " READER ", false)::text,"
	" account_is_editor(" READER ")::text, a.revision::text,"
	" a.id::text, (a.hidden_at IS NOT NULL)::text, a.hidden_note FROM a"
	" UNION ALL"
	" SELECT 4, row_number() OVER (ORDER BY (SELECT min(r.rev)"
	" FROM item_revision r WHERE r.item_id = a.id"
	" AND r.author_id = au.account_id) NULLS LAST, au.account_id),"
	" au.account_id::text,"
	" CASE WHEN ac.deleted_at IS NULL THEN ac.display_name END,"
	" NULL, NULL, NULL, NULL, NULL, NULL"
	" FROM a JOIN item_author au ON au.item_id = a.id"
	" JOIN account ac ON ac.id = au.account_id"
	" UNION ALL"
	" SELECT 5, row_number() OVER (ORDER BY th.position, th.title),"
	" th.slug::text, th.title, NULL, NULL, NULL, NULL, NULL, NULL"
	" FROM a JOIN item_theme it ON it.item_id = a.id"
	" JOIN theme th ON th.id = it.theme_id"
	" UNION ALL"
	" SELECT 6, row_number() OVER (ORDER BY g.tag), g.tag,"
	" NULL, NULL, NULL, NULL, NULL, NULL, NULL"
	" FROM a JOIN item_tag g ON g.item_id = a.id"
	" UNION ALL"
	" SELECT 7, pos, kind, slug, title, summary, warn, NULL, NULL, NULL"
	" FROM rp WHERE pos <= 6"
	" UNION ALL"
	" SELECT 8, pos, kind, slug, title, summary, warn, NULL, NULL, NULL"
	" FROM bl WHERE pos <= 50"
	" ORDER BY 1, 2",
	2
};

/*
 * The filters take a merged theme's old slug too. Sort "titel" is by
 * Dutch collation; "gecontroleerd" puts the most recently checked first.
 */
const struct db_query q_article_list = {
	"article_list",
	"WITH th AS ("
	"  SELECT coalesce((SELECT x.id FROM theme x WHERE x.slug = $1::text),"
	"  (SELECT al.theme_id FROM theme_alias al"
	"  WHERE al.slug = $1::text)) AS id"
	"), it AS ("
	"  SELECT i.slug::text AS slug, i.title, i.summary, i.words,"
	"  i.published_at, i.checked_at, count(*) OVER () AS total,"
	"  row_number() OVER (ORDER BY"
	"  CASE WHEN $4::text = 'titel' THEN i.title END"
	"  COLLATE \"nl-x-icu\","
	"  CASE WHEN $4::text = 'gecontroleerd' THEN i.checked_at END"
	"  DESC NULLS LAST, i.published_at DESC, i.id DESC) AS pos"
	"  FROM item i WHERE i.kind = 'artikel' AND " Q_PUBLIC_I
	"  AND ($1::text = '' OR EXISTS (SELECT 1 FROM item_theme x, th"
	"  WHERE x.item_id = i.id AND x.theme_id = th.id))"
	"  AND ($2::text = '' OR EXISTS (SELECT 1 FROM community c"
	"  WHERE c.id = i.community_id AND c.slug = $2::text"
	"  AND c.visibility = 'openbaar'))"
	"  AND ($3::text = '' OR EXISTS (SELECT 1 FROM item_tag g"
	"  WHERE g.item_id = i.id AND g.tag = lower($3::text)))"
	")"
	" SELECT 1 AS t, row_number() OVER (ORDER BY x.position, x.title)"
	" AS pos, x.slug::text, x.title,"
	" coalesce(x.id = th.id, false)::text,"
	" NULL, NULL, NULL, NULL FROM theme x, th"
	" UNION ALL"
	" SELECT 2, row_number() OVER (ORDER BY c.name, c.id), c.slug::text,"
	" c.name, (c.slug = $2::text)::text, NULL, NULL, NULL, NULL"
	" FROM community c WHERE c.visibility = 'openbaar'"
	" UNION ALL"
	" SELECT 3, pos, slug, title, summary, words::text,"
	" " DAY("published_at") ", " DAY("checked_at") ", total::text"
	" FROM it WHERE pos > $5::bigint AND pos <= $5::bigint + $6::bigint"
	" ORDER BY 1, 2",
	6
};


const struct db_query q_feed_articles = {
	"feed_articles",
	"SELECT '2', " FEED_ENTRY " FROM item i"
	" WHERE i.kind = 'artikel' AND " Q_PUBLIC_I
	" ORDER BY i.published_at DESC, i.id DESC LIMIT " FEED_MAX,
	0
};

const struct db_query q_feed_theme = {
	"feed_theme",
	"WITH " Q_THEME_BY_SLUG ", e AS ("
	"  SELECT '2'::text AS t, " FEED_ENTRY ","
	"  row_number() OVER (ORDER BY i.published_at DESC, i.id DESC)"
	"  AS pos FROM t JOIN item_theme it ON it.theme_id = t.id"
	"  JOIN item i ON i.id = it.item_id WHERE NOT t.alias AND "
	Q_PUBLIC_I
	")"
	" SELECT '1', CASE WHEN t.alias THEN 'alias' ELSE 'theme' END,"
	" t.slug, t.title, NULL, NULL, NULL, NULL, NULL, NULL, 0::bigint"
	" FROM t"
	" UNION ALL"
	" SELECT * FROM e WHERE pos <= " FEED_MAX
	" ORDER BY 1, 11",
	1
};
