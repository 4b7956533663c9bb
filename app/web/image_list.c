/*
 * A member's images: /account/afbeeldingen
 *
 * GET lists the signed-in member's images, newest first: a thumbnail
 * with its description, the cleaned file name, size and date, the
 * Markdown to paste into a text, where it is shown (their own items by
 * title, other people's counted), a link to change or remove it; and
 * the space used of the quota ("Je gebruikt 3,2 MB van 50 MB").
 * ?gedaan=toegevoegd|aangepast|verwijderd says what just happened.
 *
 * POST (multipart) adds an image through the upload path (upload.h):
 * the file (field bestand: PNG, JPEG or WebP, checked from its bytes,
 * metadata stripped) and its description (alt, required, at most 300
 * characters). Then the write task, then q_upload_add (which checks
 * the quota), then 303 back here. A bad file (422, too large 413), a
 * missing description or a full quota (with what is left) gives the
 * page again with the message next to the field and the description
 * as typed; the file must be chosen again (browsers do not resend it).
 * Visitors go to the sign-in page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_image.h"
#include "db/q_upload.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/image.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/upload.h"
#include "web/view.h"

struct il_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	int			 post;
	int			 status;	/* a refusal found early */
	enum msg_id		 done;		/* ?gedaan=..., or 0 */
	char			*alt;
	int			 up;		/* upload_check() */
	enum msg_id		 up_msg;
	int			 up_status;
	struct upload_task	 ut;
	struct sbuf		 rows;
	int			 nimg;
	long long		 used;
	char			 add_id[24];
	char			 add_err[16];
	long long		 add_used;
	struct fv		 fv;
};

static const char *const	il_fields[] = { "bestand", "alt", NULL };

static void	il_read(struct http_request *, struct il_ctx *);
static int	il_session(struct http_request *, struct db_ctx *);
static int	il_list(struct http_request *, struct db_ctx *);
static void	il_row(struct db_ctx *, struct kore_pgsql *, int);
static int	il_listed(struct http_request *, struct db_ctx *);
static int	il_check(struct il_ctx *);
static int	il_written(struct http_request *, struct db_ctx *);
static void	il_add_row(struct db_ctx *, struct kore_pgsql *, int);
static int	il_added(struct http_request *, struct db_ctx *);
static int	il_add_fail(struct http_request *, struct db_ctx *, int);
static void	il_quota_full(struct il_ctx *, long long);
static int	il_render(struct http_request *, struct il_ctx *, int);
static void	il_free(struct http_request *);

int
image_list(struct http_request *req)
{
	struct il_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), il_free);
		ctx->loc = resp_locale(req);
		ctx->alt = NULL;
		sbuf_init(&ctx->rows);
		fv_init(&ctx->fv, ctx->loc);
		il_read(req, ctx);
		db_start(req, &ctx->db, NULL, NULL, il_session);
	}
	return (db_run(req));
}

static void
il_read(struct http_request *req, struct il_ctx *ctx)
{
	char		*v;

	if (req->method != HTTP_METHOD_POST) {
		http_populate_get(req);
		if (!http_argument_get_string(req, "gedaan", &v))
			return;
		if (strcmp(v, "toegevoegd") == 0)
			ctx->done = MSG_im_done_added;
		else if (strcmp(v, "aangepast") == 0)
			ctx->done = MSG_im_done_changed;
		else if (strcmp(v, "verwijderd") == 0)
			ctx->done = MSG_im_done_removed;
		return;
	}
	ctx->post = 1;
	(void)req_populate_form(req);
	if (http_argument_get_string(req, "alt", &v))
		ctx->alt = v;
	ctx->up = upload_check(req, "bestand", UPLOAD_AFBEELDING, &ctx->ut,
	    &ctx->up_msg, &ctx->up_status);
}

static int
il_session(struct http_request *req, struct db_ctx *db)
{
	struct il_ctx	*ctx = (struct il_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (ctx->post && !auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		ctx->status = 403;
	}
	return (il_list(req, db));
}

static int
il_list(struct http_request *req, struct db_ctx *db)
{
	struct il_ctx	*ctx = (struct il_ctx *)db;

	sbuf_reset(&ctx->rows);
	ctx->nimg = 0;
	ctx->used = 0;
	db->params[0] = db->user.id;
	return (db_chain(req, db, &q_image_list, il_row, il_listed));
}

static void
il_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct il_ctx		*ctx = (struct il_ctx *)db;
	struct image_row	 row;
	struct sbuf		 facts, code, used;

	ctx->used = strtoll(db_text(sql, r, QIM_TOTAL), NULL, 10);
	if (db_isnull(sql, r, QIM_TOKEN))
		return;
	memset(&row, 0, sizeof(row));
	image_row_read(&row, sql, r);
	sbuf_init(&facts);
	sbuf_init(&code);
	sbuf_init(&used);
	image_facts(&facts, ctx->loc, &row);
	image_markdown(&code, row.alt, row.token);
	if (image_used_list(&used, ctx->loc, &row) == -1)
		db->failed = 1;
	{
		const struct tpl_bind	b[] = {
			{ "token", row.token, TPL_TEXT },
			{ "alt", row.alt, TPL_TEXT },
			{ "name", row.name, TPL_TEXT },
			{ "facts", sbuf_cstr(&facts), TPL_TEXT },
			{ "code", sbuf_cstr(&code), TPL_TEXT },
			{ "used", sbuf_cstr(&used), TPL_TRUSTED_HTML },
		};

		if (view_append(&ctx->rows, image_is_used(&row) ?
		    VIEW_image_row : VIEW_image_row_unused, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	ctx->nimg++;
	sbuf_free(&facts);
	sbuf_free(&code);
	sbuf_free(&used);
	image_row_free(&row);
}

static int
il_listed(struct http_request *req, struct db_ctx *db)
{
	struct il_ctx	*ctx = (struct il_ctx *)db;

	if (!ctx->post)
		return (il_render(req, ctx, 200));
	if (ctx->status != 0)
		return (il_render(req, ctx, ctx->status));
	if (il_check(ctx) != 0)
		return (il_render(req, ctx, ctx->status));
	if (upload_start(&ctx->ut) == -1) {
		fv_form_error(&ctx->fv, MSG_im_busy, NULL);
		return (il_render(req, ctx, 503));
	}
	return (db_task(req, db, &ctx->ut.task, il_written));
}

/* The form's fields; 0 when the upload may go ahead. */
static int
il_check(struct il_ctx *ctx)
{
	enum msg_id	msg;
	char		num[24];

	num[0] = '\0';
	if (ctx->alt == NULL) {
		fv_error(&ctx->fv, "alt", MSG_im_alt_empty, NULL);
		ctx->status = 422;
	} else if (image_alt_check(&ctx->alt, &msg, num, sizeof(num)) == -1) {
		fv_error(&ctx->fv, "alt", msg, num);
		ctx->status = 422;
	}
	switch (ctx->up) {
	case UPLOAD_BAD:
		fv_error(&ctx->fv, "bestand", ctx->up_msg, upload_max_mb());
		ctx->status = ctx->up_status;
		return (-1);
	case UPLOAD_NONE:
		fv_error(&ctx->fv, "bestand", MSG_im_file_none, NULL);
		ctx->status = 422;
		return (-1);
	default:
		break;
	}
	if (ctx->status != 0) {
		/* The file was fine, but the browser will not send it again. */
		fv_error(&ctx->fv, "bestand", MSG_im_file_again, NULL);
		return (-1);
	}
	if (ctx->used + (long long)ctx->ut.len > upload_quota()) {
		il_quota_full(ctx, ctx->used);
		ctx->status = 422;
		return (-1);
	}
	return (0);
}

static int
il_written(struct http_request *req, struct db_ctx *db)
{
	struct il_ctx	*ctx = (struct il_ctx *)db;

	if (!ctx->ut.ok) {
		upload_discard(&ctx->ut);
		fv_form_error(&ctx->fv, MSG_im_failed, NULL);
		return (il_render(req, ctx, 503));
	}
	upload_params(&ctx->ut, db, db->user.id, ctx->alt);
	db->fail = il_add_fail;
	return (db_chain(req, db, &q_upload_add, il_add_row, il_added));
}

static void
il_add_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct il_ctx	*ctx = (struct il_ctx *)db;

	(void)kore_strlcpy(ctx->add_id, db_text(sql, r, QUA_ID),
	    sizeof(ctx->add_id));
	(void)kore_strlcpy(ctx->add_err, db_text(sql, r, QUA_ERROR),
	    sizeof(ctx->add_err));
	ctx->add_used = strtoll(db_text(sql, r, QUA_USED), NULL, 10);
}

static int
il_added(struct http_request *req, struct db_ctx *db)
{
	struct il_ctx	*ctx = (struct il_ctx *)db;

	if (db->nrows == 1 && ctx->add_id[0] != '\0') {
		resp_redirect(req, IMAGE_PATH "?gedaan=toegevoegd");
		return (HTTP_STATE_COMPLETE);
	}
	upload_discard(&ctx->ut);
	if (strcmp(ctx->add_err, "quota") == 0) {
		il_quota_full(ctx, ctx->add_used);
		return (il_render(req, ctx, 422));
	}
	fv_form_error(&ctx->fv, MSG_im_failed, NULL);
	return (il_render(req, ctx, 503));
}

/* Nothing was recorded: the written file goes, the form comes back. */
static int
il_add_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct il_ctx	*ctx = (struct il_ctx *)db;

	upload_discard(&ctx->ut);
	switch (status) {
	case 400:
		/* 22023: another upload took the space meanwhile. */
		il_quota_full(ctx, ctx->used);
		return (il_render(req, ctx, 422));
	case 403:
		fv_form_error(&ctx->fv, MSG_im_forbidden, NULL);
		return (il_render(req, ctx, 403));
	default:
		fv_form_error(&ctx->fv, MSG_im_failed, NULL);
		return (il_render(req, ctx, 503));
	}
}

static void
il_quota_full(struct il_ctx *ctx, long long used)
{
	struct sbuf	left;
	long long	n;

	n = upload_quota() - used;
	sbuf_init(&left);
	image_size(&left, ctx->loc, n > 0 ? n : 0);
	fv_error(&ctx->fv, "bestand", MSG_im_quota_full, sbuf_cstr(&left));
	sbuf_free(&left);
}

static int
il_render(struct http_request *req, struct il_ctx *ctx, int status)
{
	struct sbuf	 quota, used, max, hint, notice, rows;
	const char	*args[2];

	if (ctx->db.failed) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&quota);
	sbuf_init(&used);
	sbuf_init(&max);
	sbuf_init(&hint);
	sbuf_init(&notice);
	sbuf_init(&rows);
	image_size(&used, ctx->loc, ctx->used);
	image_size(&max, ctx->loc, upload_quota());
	args[0] = sbuf_cstr(&used);
	args[1] = sbuf_cstr(&max);
	i18n_fmt(&quota, i18n_get(ctx->loc, MSG_im_quota), args, 2);
	args[0] = upload_max_mb();
	i18n_fmt(&hint, i18n_get(ctx->loc, MSG_up_img_limit_hint), args, 1);
	if (ctx->done != 0 && !ctx->post) {
		const struct tpl_bind	nb[] = {
			{ "text", i18n_get(ctx->loc, ctx->done), TPL_TEXT },
		};

		(void)view_append(&notice, VIEW_notice, ctx->loc, nb,
		    NBINDS(nb));
	}
	if (ctx->nimg > 0) {
		const struct tpl_bind	rb[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
		};

		(void)view_append(&rows, VIEW_image_rows, ctx->loc, rb,
		    NBINDS(rb));
	} else {
		const struct tpl_bind	eb[] = {
			{ "text", i18n_get(ctx->loc, MSG_im_empty), TPL_TEXT },
		};

		(void)view_append(&rows, VIEW_empty, ctx->loc, eb,
		    NBINDS(eb));
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "quota", sbuf_cstr(&quota), TPL_TEXT },
			{ "hint", sbuf_cstr(&hint), TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "alt", ctx->alt != NULL ? ctx->alt : "", TPL_TEXT },
			{ "rows", sbuf_cstr(&rows), TPL_TRUSTED_HTML },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(il_fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv, il_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_im_title), "/account",
		    VIEW_image_list, b, n);
	}
	sbuf_free(&quota);
	sbuf_free(&used);
	sbuf_free(&max);
	sbuf_free(&hint);
	sbuf_free(&notice);
	sbuf_free(&rows);
	return (HTTP_STATE_COMPLETE);
}

static void
il_free(struct http_request *req)
{
	struct il_ctx	*ctx = http_state_get(req);

	upload_clear(&ctx->ut);
	sbuf_free(&ctx->rows);
	fv_free(&ctx->fv);
}
