/*
 * Uploaded bytes on disk (sql/009_resource.sql: a file first, then its
 * row). Shared by the web app's write task (web/upload.c), the importer
 * (tools/import_resource.c) and anything else that stores an upload.
 */
#ifndef BRON_USTORE_H
#define BRON_USTORE_H

#include <stddef.h>

#define USTORE_TOKEN_LEN	32	/* hex of 16 random bytes */

/*
 * Write data to <dir>/tmp/<token> (O_EXCL, mode 0640), fsync it,
 * rename it to <dir>/<token> and fsync <dir>, so the file is complete
 * on disk before its database row commits. Creates <dir> and
 * <dir>/tmp (mode 0750) when missing. Returns 0, or -1 with errno set
 * and the temporary file removed.
 */
int	ustore_write(const char *dir, const char *token, const void *data,
	    size_t len);
/* A new random token (libsodium): USTORE_TOKEN_LEN hex digits + NUL. */
void	ustore_token(char out[USTORE_TOKEN_LEN + 1]);
/* Is s exactly a token (32 lowercase hex digits)? */
int	ustore_token_valid(const char *s);
/* SHA-256 of data as 64 lowercase hex digits + NUL. */
void	ustore_sha256(const void *data, size_t len, char out[65]);

#endif
