/*
 * The upload path (web/upload.h): every uploaded file, a resource's or
 * a member's image, is checked here on the event loop (size, type from
 * the content, image metadata stripped, name cleaned), then written by
 * a kore_task (hash, then core/ustore.c: temp file, fsync, rename,
 * fsync of the directory) before the database row is made.
 *
 * Kore calls a request's free callback again on every pass while one of
 * its tasks still runs (http_request_free returns early, read in
 * http.c), so the buffer belongs to the task once it is started: the
 * task frees it, and upload_clear() only frees a buffer no task took.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/filetype.h"
#include "core/fname.h"
#include "core/imgstrip.h"
#include "core/sbuf.h"
#include "core/ustore.h"
#include "db/db.h"
#include "web/upload.h"

#define UPLOAD_DIR_DEFAULT	"var/uploads"
#define UPLOAD_MAX_DEFAULT	26214400ULL	/* 25 MB */
#define UPLOAD_QUOTA_DEFAULT	52428800ULL	/* 50 MB */
#define UPLOAD_MAX_CEILING	(1ULL << 30)	/* what the env may ask */
/* Files written at once per worker (each holds its bytes in memory). */
#define UPLOAD_INFLIGHT_MAX	8

static int	upload_entry(struct kore_task *);
static int	upload_lost(struct http_request *, const char *);
static int	upload_path(char *, size_t, const char *, const char *);
static unsigned long long	upload_env(const char *, unsigned long long);
static void	upload_mkdir(const char *);
static int	upload_refused(enum filetype, enum upload_purpose,
		    enum msg_id *);

_Static_assert(UPLOAD_TOKEN_LEN == USTORE_TOKEN_LEN, "one token length");

static char			updir[PATH_MAX];
static size_t			upmax;
static long long		upquota;
static char			upquota_s[24];
static char			upmax_mb[24];
static volatile int		inflight;

void
upload_init(void)
{
	const char		*dir;
	char			 tmp[PATH_MAX];
	unsigned long long	 mb10;

	upmax = (size_t)upload_env("BRON_UPLOAD_MAX", UPLOAD_MAX_DEFAULT);
	upquota = (long long)upload_env("BRON_IMAGE_QUOTA",
	    UPLOAD_QUOTA_DEFAULT);
	(void)snprintf(upquota_s, sizeof(upquota_s), "%lld", upquota);
	/* Whole MB, or one decimal (rounded down) when it is not whole. */
	mb10 = (unsigned long long)upmax * 10 / 1048576;
	if (mb10 % 10 == 0)
		(void)snprintf(upmax_mb, sizeof(upmax_mb), "%llu", mb10 / 10);
	else
		(void)snprintf(upmax_mb, sizeof(upmax_mb), "%llu,%llu",
		    mb10 / 10, mb10 % 10);

	if ((dir = getenv("BRON_UPLOAD_DIR")) == NULL || *dir == '\0')
		dir = UPLOAD_DIR_DEFAULT;
	upload_mkdir(dir);
	if (realpath(dir, updir) == NULL)
		fatal("bron: BRON_UPLOAD_DIR %s: %s", dir, errno_s);
	if (!upload_path(tmp, sizeof(tmp), "tmp", NULL))
		fatal("bron: BRON_UPLOAD_DIR %s: path too long", dir);
	upload_mkdir(tmp);
}

size_t
upload_max(void)
{
	return (upmax);
}

long long
upload_quota(void)
{
	return (upquota);
}

const char *
upload_dir(void)
{
	return (updir);
}

const char *
upload_max_mb(void)
{
	return (upmax_mb);
}

/* A positive number of bytes from the environment, or the default. */
static unsigned long long
upload_env(const char *name, unsigned long long dflt)
{
	const char		*v;
	char			*end;
	unsigned long long	 n;

	if ((v = getenv(name)) == NULL || *v == '\0')
		return (dflt);
	errno = 0;
	n = strtoull(v, &end, 10);
	if (*v < '0' || *v > '9' || *end != '\0' || errno != 0 || n == 0 ||
	    n > UPLOAD_MAX_CEILING)
		fatal("bron: %s must be a number of bytes (1 to %llu)", name,
		    UPLOAD_MAX_CEILING);
	return (n);
}

static void
upload_mkdir(const char *dir)
{
	if (mkdir(dir, 0750) == -1 && errno != EEXIST)
		fatal("bron: cannot create %s: %s", dir, errno_s);
}

/* updir/a or updir/a/b; 0 when it does not fit. */
static int
upload_path(char *out, size_t len, const char *a, const char *b)
{
	int	n;

	if (b != NULL)
		n = snprintf(out, len, "%s/%s/%s", updir, a, b);
	else
		n = snprintf(out, len, "%s/%s", updir, a);
	return (n > 0 && (size_t)n < len);
}

/* 1 and *msg when type t may not be uploaded for purpose p. */
static int
upload_refused(enum filetype t, enum upload_purpose p, enum msg_id *msg)
{
	if (p == UPLOAD_AFBEELDING) {
		if (filetype_is_image(t))
			return (0);
		if (t == FILETYPE_HTML)
			*msg = MSG_up_img_html;
		else if (t == FILETYPE_SVG)
			*msg = MSG_up_img_svg;
		else
			*msg = MSG_up_img_other;
		return (1);
	}
	switch (t) {
	case FILETYPE_PDF:
	case FILETYPE_PNG:
	case FILETYPE_JPEG:
	case FILETYPE_WEBP:
	case FILETYPE_TEXT:
	case FILETYPE_ODT:
	case FILETYPE_DOCX:
		return (0);
	case FILETYPE_HTML:
		*msg = MSG_up_html;
		break;
	case FILETYPE_SVG:
		*msg = MSG_up_svg;
		break;
	case FILETYPE_ZIP:
		*msg = MSG_up_zip;
		break;
	case FILETYPE_MACRO:
		*msg = MSG_up_macro;
		break;
	case FILETYPE_EXE:
		*msg = MSG_up_exe;
		break;
	default:
		*msg = MSG_up_unknown;
		break;
	}
	return (1);
}

int
upload_check(struct http_request *req, const char *field,
    enum upload_purpose purpose, struct upload_task *ut, enum msg_id *msg,
    int *status)
{
	struct http_file	*f;
	struct sbuf		 clean;
	unsigned char		*buf;
	size_t			 got;
	ssize_t			 n;
	enum filetype		 t;

	memset(ut, 0, sizeof(*ut));
	ut->purpose = purpose;
	if ((f = http_file_lookup(req, field)) == NULL) {
		if (!upload_lost(req, field))
			return (UPLOAD_NONE);
		*status = 422;
		*msg = MSG_up_lost;
		return (UPLOAD_BAD);
	}
	*status = 422;
	if (f->length == 0) {
		*msg = MSG_up_empty;
		return (UPLOAD_BAD);
	}
	if (f->length > upmax) {
		*msg = MSG_up_too_big;
		*status = 413;
		return (UPLOAD_BAD);
	}

	/* The body may be on disk (http_body_disk_offload): read it all. */
	if ((buf = malloc(f->length)) == NULL)
		fatal("upload_check: malloc(%zu)", f->length);
	http_file_rewind(f);
	for (got = 0; got < f->length; got += (size_t)n) {
		if ((n = http_file_read(f, buf + got, f->length - got)) <= 0)
			break;
	}
	if (got != f->length) {
		free(buf);
		kore_log(LOG_NOTICE, "upload: read %zu of %zu bytes", got,
		    f->length);
		*msg = MSG_up_unreadable;
		return (UPLOAD_BAD);
	}

	t = filetype_sniff(buf, got);
	if (upload_refused(t, purpose, msg)) {
		free(buf);
		return (UPLOAD_BAD);
	}
	if (filetype_is_image(t)) {
		sbuf_init(&clean);
		if (imgstrip(t, buf, got, &clean) == -1 || clean.len == 0) {
			sbuf_free(&clean);
			free(buf);
			*msg = MSG_up_bad_image;
			return (UPLOAD_BAD);
		}
		free(buf);
		buf = (unsigned char *)clean.data;
		got = clean.len;
	} else if (t == FILETYPE_PDF && filetype_pdf_active(buf, got))
		kore_log(LOG_NOTICE, "upload: a PDF with active content "
		    "(served as an attachment only)");

	ut->data = buf;
	ut->len = got;
	ut->type = t;
	fname_clean(f->filename, strlen(f->filename), filetype_ext(t),
	    ut->name, sizeof(ut->name));
	ustore_token(ut->token);
	(void)snprintf(ut->size, sizeof(ut->size), "%zu", got);
	*status = 200;
	return (UPLOAD_OK);
}

int
upload_start(struct upload_task *ut)
{
	if (ut->data == NULL || ut->task.entry != NULL)
		return (-1);
	if (__atomic_add_fetch(&inflight, 1, __ATOMIC_SEQ_CST) >
	    UPLOAD_INFLIGHT_MAX) {
		__atomic_sub_fetch(&inflight, 1, __ATOMIC_SEQ_CST);
		return (-1);
	}
	ut->written = 0;
	ut->ok = 0;
	kore_task_create(&ut->task, upload_entry);
	return (0);
}

/*
 * The task thread: only ut and the file system (core/ustore.c: temp
 * file, fsync, rename, fsync of the directory), never Kore's state.
 */
static int
upload_entry(struct kore_task *t)
{
	struct upload_task	*ut = (struct upload_task *)t;

	ustore_sha256(ut->data, ut->len, ut->sha256);
	if (ustore_write(updir, ut->token, ut->data, ut->len) == 0)
		ut->written = ut->ok = 1;
	else
		kore_log(LOG_ERR, "upload: writing a file failed: %s",
		    errno_s);
	free(ut->data);
	ut->data = NULL;
	__atomic_sub_fetch(&inflight, 1, __ATOMIC_SEQ_CST);
	return (KORE_RESULT_OK);
}

void
upload_params(struct upload_task *ut, struct db_ctx *db, const char *actor,
    const char *alt)
{
	db->params[0] = actor;
	db->params[1] = ut->purpose == UPLOAD_AFBEELDING ?
	    "afbeelding" : "bron";
	db->params[2] = ut->token;
	db->params[3] = filetype_mime(ut->type);
	db->params[4] = ut->name;
	db->params[5] = ut->size;
	db->params[6] = ut->sha256;
	db->params[7] = alt != NULL ? alt : "";
	db->params[8] = upquota_s;
}

void
upload_discard(struct upload_task *ut)
{
	char	dst[PATH_MAX];

	if (!ut->written)
		return;
	ut->written = 0;
	if (upload_path(dst, sizeof(dst), ut->token, NULL) &&
	    unlink(dst) == -1 && errno != ENOENT)
		kore_log(LOG_ERR, "upload: cannot remove a refused file: %s",
		    errno_s);
}

void
upload_clear(struct upload_task *ut)
{
	/* A started task owns the buffer and frees it itself. */
	if (ut->task.entry != NULL)
		return;
	free(ut->data);
	ut->data = NULL;
}

/*
 * Did the browser send a file in field that Kore's multipart parser
 * dropped? Kore 4.1 splits each part header at every ':' and skips a
 * header with more than one, so a file named "Verslag 10:30.pdf" never
 * reaches http_file_lookup() and the form would say no file was chosen.
 * Look for the part's own header in the raw body: only when no file
 * was found, and only in bodies big enough to hold one.
 */
static int
upload_lost(struct http_request *req, const char *field)
{
	char		 needle[96], buf[65536 + 96];
	size_t		 nlen, keep = 0;
	ssize_t		 n;
	const char	*p;
	int		 n2;

	if (req->content_length < 512)
		return (0);
	n2 = snprintf(needle, sizeof(needle), "name=\"%s\"; filename=\"",
	    field);
	if (n2 < 0 || (size_t)n2 >= sizeof(needle))
		return (0);
	nlen = (size_t)n2;
	if (!http_body_rewind(req))
		return (0);
	for (;;) {
		n = http_body_read(req, buf + keep, sizeof(buf) - keep - 1);
		if (n <= 0)
			return (0);
		n += (ssize_t)keep;
		p = memmem(buf, (size_t)n, needle, nlen);
		/* A name follows: filename="" is "no file chosen". */
		if (p != NULL && (size_t)(p - buf) + nlen < (size_t)n)
			return (p[nlen] != '"');
		/* Keep a needle's length, so a header across reads is found. */
		keep = (size_t)n < nlen ? (size_t)n : nlen;
		memmove(buf, buf + (size_t)n - keep, keep);
	}
}
