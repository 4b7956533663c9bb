/*
 * Uploads and downloads (issue 10): the queries of web/upload.c and
 * web/file_download.c. The SQL functions are in sql/009_resource.sql.
 */
#ifndef BRON_Q_UPLOAD_H
#define BRON_Q_UPLOAD_H

#include "db/db.h"

/*
 * Record a written file (upload_add). Parameters from upload_params():
 * $1 actor, $2 purpose ('bron' | 'afbeelding'), $3 token, $4 mime,
 * $5 name, $6 size, $7 sha256, $8 alt, $9 image quota (bytes).
 * One row: the upload's id ("" when refused), the reason it was refused
 * ("" when recorded; 'quota': the account's images would pass the
 * quota; 'pending': 20 resource files wait to be attached), and the
 * bytes of images the account had before this one (for "what is
 * left"). The checks run before upload_add, which checks again under
 * the account's lock: two uploads at once that both pass here may
 * still end in 22023 (a 400 through db->fail). 42501 when the account
 * may not upload. On any refusal call upload_discard().
 */
enum { QUA_ID, QUA_ERROR, QUA_USED };
extern const struct db_query	q_upload_add;

/*
 * A download (upload_fetch: permission, and a resource file's count).
 * $1 token, $2 account id ("" for a visitor). No row: not there or not
 * allowed (404 either way).
 */
enum { QUF_MIME, QUF_NAME, QUF_SIZE, QUF_PURPOSE, QUF_PUBLIC };
extern const struct db_query	q_upload_fetch;

#endif
