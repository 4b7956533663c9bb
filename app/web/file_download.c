/*
 * Downloads (issue 10):
 *
 *   GET|HEAD /bestanden/<token>   an uploaded file
 *
 * upload_fetch() decides (and counts a resource file's download, by
 * nobody's name): no row is a 404, the same whether the token does not
 * exist or the file is not the visitor's to see. The file is sent with
 * Kore's fileref (sendfile, never read into memory), under a strict
 * sandbox: its stored type with nosniff, a CSP that allows nothing and
 * sandboxes it, and as an attachment unless it is an image (images show
 * inline in Markdown). A PDF, even one with JavaScript, is only ever an
 * attachment.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/filetype.h"
#include "core/fname.h"
#include "core/sbuf.h"
#include "core/ustore.h"
#include "db/q_upload.h"
#include "web/resp.h"
#include "web/upload.h"

#define DL_PREFIX	"/bestanden/"

struct dl_ctx {
	struct db_ctx	 db;
	char		 token[UPLOAD_TOKEN_LEN + 1];
	char		 mime[96];
	char		 name[FNAME_MAX + 1];
	int		 public;
};

static void	dl_row(struct db_ctx *, struct kore_pgsql *, int);
static int	dl_done(struct http_request *, struct db_ctx *);
static struct kore_fileref	*dl_ref(struct http_request *, const char *);
static void	dl_headers(struct http_request *, struct dl_ctx *);

int
file_download(struct http_request *req)
{
	struct dl_ctx	*ctx;
	const char	*tok;

	if (!http_state_exists(req)) {
		tok = req->path + strlen(DL_PREFIX);
		if (strncmp(req->path, DL_PREFIX, strlen(DL_PREFIX)) != 0 ||
		    !ustore_token_valid(tok)) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), NULL);
		(void)kore_strlcpy(ctx->token, tok, sizeof(ctx->token));
		db_start(req, &ctx->db, &q_upload_fetch, dl_row, dl_done);
		ctx->db.params[0] = ctx->token;
		/* "" for a visitor; filled by the session load. */
		ctx->db.params[1] = ctx->db.user.id;
	}
	return (db_run(req));
}

static void
dl_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct dl_ctx	*ctx = (struct dl_ctx *)db;

	(void)kore_strlcpy(ctx->mime, db_text(sql, r, QUF_MIME),
	    sizeof(ctx->mime));
	/*
	 * An image is shown inside items, stories included: its own name
	 * ("jan-jansen.jpg") could name the person who uploaded it, so the
	 * header carries a neutral one. Resource files keep theirs.
	 */
	if (strcmp(db_text(sql, r, QUF_PURPOSE), "afbeelding") == 0)
		(void)snprintf(ctx->name, sizeof(ctx->name), "afbeelding.%s",
		    filetype_ext(filetype_by_mime(ctx->mime)) != NULL ?
		    filetype_ext(filetype_by_mime(ctx->mime)) : "bin");
	else
		(void)kore_strlcpy(ctx->name, db_text(sql, r, QUF_NAME),
		    sizeof(ctx->name));
	ctx->public = strcmp(db_text(sql, r, QUF_PUBLIC), "t") == 0;
}

/*
 * The file as a Kore fileref: a cached one, or the file opened now
 * (open and fstat on the loop are cheap; the bytes go by sendfile).
 * NULL when it is missing on disk.
 */
static struct kore_fileref *
dl_ref(struct http_request *req, const char *token)
{
	struct kore_server	*srv = req->owner->owner->server;
	struct kore_fileref	*ref;
	struct stat		 st;
	char			 path[PATH_MAX];
	int			 fd, n;

	n = snprintf(path, sizeof(path), "%s/%s", upload_dir(), token);
	if (n <= 0 || (size_t)n >= sizeof(path))
		return (NULL);
	if ((ref = kore_fileref_get(path, srv->tls)) != NULL)
		return (ref);
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		/* A row without its file: log it (the token's start only). */
		kore_log(LOG_ERR, "download: file %.8s... missing: %s", token,
		    errno_s);
		return (NULL);
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
		kore_log(LOG_ERR, "download: file %.8s... unusable", token);
		(void)close(fd);
		return (NULL);
	}
	/* kore_fileref_create() takes the descriptor. */
	if ((ref = kore_fileref_create(srv, path, fd, st.st_size,
	    &st.st_mtim)) == NULL)
		(void)close(fd);
	return (ref);
}

static void
dl_headers(struct http_request *req, struct dl_ctx *ctx)
{
	struct sbuf	 cd;
	enum filetype	 t;

	t = filetype_by_mime(ctx->mime);
	http_response_header(req, "content-type", t == FILETYPE_TEXT ?
	    "text/plain; charset=utf-8" : ctx->mime);
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "content-security-policy",
	    "default-src 'none'; sandbox");
	http_response_header(req, "cross-origin-resource-policy",
	    "same-origin");
	http_response_header(req, "referrer-policy", "no-referrer");
	http_response_header(req, "x-frame-options", "DENY");
	http_response_header(req, "cache-control", ctx->public ?
	    "public, max-age=86400" : "private, no-store");
	sbuf_init(&cd);
	fname_disposition(&cd, ctx->name, filetype_is_image(t));
	http_response_header(req, "content-disposition", sbuf_cstr(&cd));
	sbuf_free(&cd);
}

static int
dl_done(struct http_request *req, struct db_ctx *db)
{
	struct dl_ctx		*ctx = (struct dl_ctx *)db;
	struct kore_fileref	*ref;

	if (db->nrows != 1 || filetype_by_mime(ctx->mime) ==
	    FILETYPE_UNKNOWN || (ref = dl_ref(req, ctx->token)) == NULL) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	dl_headers(req, ctx);
	http_response_fileref(req, HTTP_STATUS_OK, ref);
	return (HTTP_STATE_COMPLETE);
}
