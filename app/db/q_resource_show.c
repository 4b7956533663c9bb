/*
 * The resource page (q_resource_show.h). Read under the rule of every
 * item: visitors see it published, public and not hidden; signed-in
 * people also what item_may_read() allows them (a members-only
 * community's resources, their own suggestions, everything for
 * editors).
 */
#include "db/q_resource_show.h"

#define READER	"nullif($2::text, '')::bigint"

#define DAY(x) \
	"coalesce(to_char(" x " AT TIME ZONE 'Europe/Amsterdam'," \
	" 'YYYY-MM-DD'), '')"

/* Published, not hidden, public or readable by the reader (alias i). */
#define SEEN \
	"((" Q_PUBLIC_I ") OR (" READER " IS NOT NULL" \
	" AND i.status = 'gepubliceerd' AND i.hidden_at IS NULL" \
	" AND item_may_read(i.id, " READER ")))"

#define NULLS6	"NULL, NULL, NULL, NULL, NULL, NULL"

const struct db_query q_resource_page = {
	"resource_page",
	"WITH a AS ("
	"  SELECT i.id, i.slug::text AS slug, i.title, i.summary,"
	"  i.body_html, i.toc_html, i.words, i.status, i.published_at,"
	"  i.approved_by, i.approved_at, i.approve_note,"
	"  i.community_id, i.feedback, i.owner_id, i.revision,"
	"  i.hidden_at, i.hidden_note"
	"  FROM item i WHERE i.kind = 'bron' AND i.slug = $1::text"
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
	"  FROM rel r JOIN item i ON i.id = r.id WHERE " SEEN
	"), bl AS ("
	"  SELECT i.kind, i.slug::text AS slug, i.title, i.summary,"
	"  item_warnings(i.id) AS warn,"
	"  row_number() OVER (ORDER BY i.published_at DESC, i.id DESC)"
	"  AS pos FROM a JOIN item_link l ON l.to_id = a.id"
	"  AND l.type = 'verwijst' JOIN item i ON i.id = l.from_id"
	"  WHERE " SEEN
	"), f AS ("
	"  SELECT rf.slot, rf.version, u.token, u.name, u.mime::text AS mime,"
	"  u.size, rf.added_at, rf.note, u.downloads,"
	"  row_number() OVER (PARTITION BY rf.slot"
	"  ORDER BY rf.version DESC) AS nth"
	"  FROM a JOIN resource_file rf ON rf.item_id = a.id"
	"  JOIN upload u ON u.id = rf.upload_id"
	")"
	" SELECT 1 AS t, 0::bigint AS pos, a.title, a.summary, a.body_html,"
	" a.toc_html, a.words::text, a.status, " DAY("a.published_at") ","
	" a.slug FROM a"
	" UNION ALL"
	" SELECT 2, 0, '', 'false', a.approved_by::text,"
	" CASE WHEN ap.deleted_at IS NULL THEN ap.display_name END,"
	" " DAY("a.approved_at") ", a.approve_note, c.slug::text, c.name"
	" FROM a LEFT JOIN account ap ON ap.id = a.approved_by"
	" LEFT JOIN community c ON c.id = a.community_id"
	" AND community_may_read(c.id, " READER ")"
	" UNION ALL"
	" SELECT 3, 0, a.feedback,"
	" coalesce(resource_may_edit(a.id, " READER "), false)::text,"
	" coalesce(a.owner_id = " READER ", false)::text,"
	" coalesce(account_is_editor(" READER "), false)::text,"
	" a.revision::text, a.id::text, (a.hidden_at IS NOT NULL)::text,"
	" a.hidden_note FROM a"
	" UNION ALL"
	" SELECT 4, row_number() OVER (ORDER BY (SELECT min(r.rev)"
	" FROM item_revision r WHERE r.item_id = a.id"
	" AND r.author_id = au.account_id) NULLS LAST, au.account_id),"
	" au.account_id::text,"
	" CASE WHEN ac.deleted_at IS NULL THEN ac.display_name END,"
	" " NULLS6
	" FROM a JOIN item_author au ON au.item_id = a.id"
	" JOIN account ac ON ac.id = au.account_id"
	" UNION ALL"
	" SELECT 5, row_number() OVER (ORDER BY th.position, th.title),"
	" th.slug::text, th.title, " NULLS6
	" FROM a JOIN item_theme it ON it.item_id = a.id"
	" JOIN theme th ON th.id = it.theme_id"
	" UNION ALL"
	" SELECT 6, row_number() OVER (ORDER BY g.tag), g.tag,"
	" NULL, " NULLS6
	" FROM a JOIN item_tag g ON g.item_id = a.id"
	" UNION ALL"
	" SELECT 7, pos, kind, slug, title, summary, warn, NULL, NULL, NULL"
	" FROM rp WHERE pos <= 6"
	" UNION ALL"
	" SELECT 8, pos, kind, slug, title, summary, warn, NULL, NULL, NULL"
	" FROM bl WHERE pos <= 50"
	" UNION ALL"
	" SELECT 9, 0, x.type::text, x.publisher,"
	" coalesce(x.year::text, ''), x.language, x.url,"
	" array_to_string(resource_missing(a.id), ','), NULL, NULL"
	" FROM a JOIN resource x ON x.item_id = a.id"
	" UNION ALL"
	" SELECT 10, row_number() OVER (ORDER BY f.slot, f.version DESC),"
	" f.slot::text, f.version::text, f.token, f.name, f.mime,"
	" f.size::text, " DAY("f.added_at") ", f.note FROM f"
	" UNION ALL"
	" SELECT 11, f.slot, f.slot::text, f.downloads::text, " NULLS6
	" FROM f WHERE f.nth = 1"
	" UNION ALL"
	" SELECT 12, 0, EXISTS (SELECT 1 FROM follow w"
	" WHERE w.account_id = " READER " AND w.item_id = a.id)::text,"
	" NULL, " NULLS6 " FROM a WHERE " READER " IS NOT NULL"
	" ORDER BY 1, 2",
	2
};
