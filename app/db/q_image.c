/*
 * Members' images (issue 10). Where an image is shown comes from
 * item_ref (kind 'afbeelding', the token as slug), which item_save()
 * fills from a body's Markdown (core/links.c). Only the uploader's own
 * items are named; other people's are only counted, since their titles
 * may be drafts or members-only.
 */
#include "db/q_image.h"

/* The columns of one image u of account $n. */
#define IMAGE_COLS(acct) \
	"u.token, u.name, u.mime::text, u.size::text, u.alt," \
	" to_char(u.created_at AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY')," \
	" coalesce((SELECT string_agg(item_href(i) || chr(31) || i.title," \
	"   chr(30) ORDER BY lower(i.title), i.id)" \
	"   FROM item_ref r JOIN item i ON i.id = r.from_id" \
	"   WHERE r.kind = 'afbeelding' AND r.slug = u.token" \
	"   AND (i.owner_id = " acct " OR EXISTS (SELECT 1 FROM item_author a" \
	"   WHERE a.item_id = i.id AND a.account_id = " acct "))), '')," \
	" (SELECT count(*) FROM item_ref r JOIN item i ON i.id = r.from_id" \
	"   WHERE r.kind = 'afbeelding' AND r.slug = u.token" \
	"   AND i.owner_id IS DISTINCT FROM " acct " AND NOT EXISTS (SELECT 1" \
	"   FROM item_author a WHERE a.item_id = i.id" \
	"   AND a.account_id = " acct "))::text"

const struct db_query	q_image_list = {
	"image_list",
	"WITH mine AS ("
	"  SELECT * FROM upload WHERE owner_id = $1::bigint"
	"  AND purpose = 'afbeelding'"
	"), total AS ("
	"  SELECT coalesce(sum(size), 0)::text AS used FROM mine"
	")"
	" SELECT " IMAGE_COLS("$1::bigint") ", total.used"
	" FROM total LEFT JOIN mine u ON true"
	" ORDER BY u.created_at DESC NULLS LAST, u.id DESC",
	1
};

const struct db_query	q_image_one = {
	"image_one",
	"SELECT " IMAGE_COLS("$2::bigint") ", '0'"
	" FROM upload u WHERE u.token = $1 AND u.owner_id = $2::bigint"
	" AND u.purpose = 'afbeelding'",
	2
};

const struct db_query	q_image_change = {
	"image_change",
	"SELECT upload_image_change($1, $2::bigint, $3)",
	3
};
