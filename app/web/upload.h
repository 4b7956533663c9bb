/*
 * Receiving an uploaded file (web/upload.c): the one path every upload
 * takes, resource files and members' images alike.
 *
 *   1. first entry, after http_populate_multipart_form():
 *      upload_check() reads the form's file field, refuses what is too
 *      big (413), empty, or not an allowed type as decided from the
 *      content (core/filetype.c), strips image metadata
 *      (core/imgstrip.c), cleans the name (core/fname.c) and draws
 *      the token;
 *   2. from a done callback, once the session is known and allowed:
 *      upload_start() then at once `return (db_task(req, db, &ut->task,
 *      next))`: a kore_task hashes the bytes (sha256), writes
 *      BRON_UPLOAD_DIR/tmp/<token>, fsyncs it, renames it to
 *      BRON_UPLOAD_DIR/<token> and fsyncs the directory (core/ustore.c),
 *      off the event loop, then frees the bytes (ut->data is NULL
 *      after upload_start: Kore may run the free callback while the
 *      task still runs);
 *   3. in next: ut->ok, then the query q_upload_add (db/q_upload.h) with
 *      upload_params(); only after it commits does the file exist for
 *      Bron. If that query fails, upload_discard() removes the file; if
 *      the worker dies in between, the sweeper (build/bron sweep) does.
 *   4. the ctx's free callback calls upload_clear().
 */
#ifndef BRON_UPLOAD_H
#define BRON_UPLOAD_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/tasks.h>

#include "core/filetype.h"
#include "core/fname.h"
#include "core/i18n.h"

struct db_ctx;

enum upload_purpose {
	UPLOAD_BRON,		/* a resource's file: every allowed type */
	UPLOAD_AFBEELDING	/* a member's image: PNG, JPEG, WebP */
};

#define UPLOAD_TOKEN_LEN	32	/* hex of 16 random bytes */

struct upload_task {
	struct kore_task	 task;	/* first: the entry finds us by it */
	enum upload_purpose	 purpose;
	unsigned char		*data;	/* the cleaned bytes (malloc; the
					   task's once started) */
	size_t			 len;
	enum filetype		 type;
	char			 name[FNAME_MAX + 1];	/* cleaned */
	char			 token[UPLOAD_TOKEN_LEN + 1];
	char			 sha256[65];	/* set by the task */
	char			 size[24];	/* len, decimal */
	int			 written;	/* the task ran to its rename */
	int			 ok;		/* the task succeeded */
};

#define UPLOAD_NONE	0	/* the field is absent or no file chosen */
#define UPLOAD_OK	1
#define UPLOAD_BAD	(-1)

/* From app_init(): read BRON_UPLOAD_DIR, BRON_UPLOAD_MAX, BRON_IMAGE_QUOTA. */
void		upload_init(void);
/* The configured limits, in bytes. */
size_t		upload_max(void);
long long	upload_quota(void);
/* BRON_UPLOAD_DIR (made absolute at init). */
const char	*upload_dir(void);

/* The size limit in whole MB ("25"): the %s of every upload_check()
 * message, and for a hint next to the file field. */
const char	*upload_max_mb(void);

/*
 * Check the file in form field `field`. UPLOAD_BAD sets *msg (a Dutch
 * sentence for next to the field: show it with
 * fv_error(&fv, field, msg, upload_max_mb())) and *status (413 too
 * large, else 422). UPLOAD_OK fills ut (data, len, type, name, token,
 * size; the task adds sha256).
 */
int	upload_check(struct http_request *, const char *field,
	    enum upload_purpose, struct upload_task *, enum msg_id *msg,
	    int *status);
/* Prepare the write task. -1 when this worker already writes too many
 * files at once: answer 503 with Retry-After. */
int	upload_start(struct upload_task *);
/* The parameters of q_upload_add: actor id, alt text ("" if none). */
void	upload_params(struct upload_task *, struct db_ctx *,
	    const char *actor, const char *alt);
/* The database refused the upload: remove the written file. */
void	upload_discard(struct upload_task *);
/* Free the buffer unless a task took it (never removes the file).
 * Safe to call more than once. */
void	upload_clear(struct upload_task *);

#endif
