/*
 * Uploads and downloads (issue 10). upload_add() raises 22023 for a
 * full quota or too many pending files; the handler cannot read an
 * error's message (db.c gives it a status only), so the usual refusals
 * are found first and named in a column, and upload_add() is only
 * called when they do not apply (CASE evaluates lazily).
 */
#include "db/q_upload.h"

const struct db_query	q_upload_add = {
	"upload_add",
	"WITH used AS (SELECT coalesce(sum(x.size), 0) AS bytes FROM upload x"
	"    WHERE x.owner_id = $1::bigint AND x.purpose = 'afbeelding'),"
	" pending AS (SELECT count(*) AS n FROM upload x"
	"    WHERE x.owner_id = $1::bigint AND x.purpose = 'bron'"
	"    AND NOT EXISTS (SELECT 1 FROM resource_file f"
	"        WHERE f.upload_id = x.id)),"
	" c AS (SELECT used.bytes, CASE"
	"    WHEN $2 = 'afbeelding' AND used.bytes + $6::bigint > $9::bigint"
	"    THEN 'quota'"
	"    WHEN $2 = 'bron' AND pending.n >= 20 THEN 'pending'"
	"    ELSE '' END AS err FROM used, pending)"
	" SELECT CASE WHEN c.err = '' THEN upload_add($1::bigint, $2, $3, $4,"
	"    $5, $6::bigint, $7, $8, $9::bigint) END, c.err, c.bytes FROM c",
	9
};

const struct db_query	q_upload_fetch = {
	"upload_fetch",
	"SELECT mime, name, size, purpose, public"
	" FROM upload_fetch($1, nullif($2, '')::bigint)",
	2
};
