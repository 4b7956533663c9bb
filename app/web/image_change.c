/*
 * One of a member's images: /account/afbeeldingen/<token>
 *
 * GET shows the image with its facts and where it is shown, a form to
 * change its description, and a button to remove it. POST:
 *   actie=beschrijving, alt   the new description (required, at most
 *                             300 characters; else 422 with the typed
 *                             text), then 303 to the list;
 *   actie=verwijderen         first a page that asks whether you are
 *                             sure and names the texts that show the
 *                             image; with zeker=1 it is removed
 *                             (upload_image_change), 303 to the list.
 * Only its uploader sees this page: anyone else gets 404, the same as
 * for a token that does not exist. A forged POST is refused with 403
 * before anything is looked up. Visitors go to the sign-in page.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_image.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/image.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

enum ic_action { IC_SHOW, IC_ALT, IC_REMOVE, IC_BAD };

struct ic_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	int			 post;
	enum ic_action		 action;
	int			 sure;
	int			 bad;		/* the path is no token */
	char			 token[IMAGE_TOKEN_LEN + 1];
	char			*alt;
	int			 found;
	struct image_row	 row;
	struct fv		 fv;
};

static const char *const	ic_fields[] = { "alt", NULL };

static void	ic_read(struct http_request *, struct ic_ctx *);
static int	ic_session(struct http_request *, struct db_ctx *);
static void	ic_row(struct db_ctx *, struct kore_pgsql *, int);
static int	ic_loaded(struct http_request *, struct db_ctx *);
static int	ic_changed(struct http_request *, struct db_ctx *);
static int	ic_fail(struct http_request *, struct db_ctx *, int);
static int	ic_render(struct http_request *, struct ic_ctx *, int);
static int	ic_confirm(struct http_request *, struct ic_ctx *);
static void	ic_free(struct http_request *);

int
image_change(struct http_request *req)
{
	struct ic_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), ic_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		ic_read(req, ctx);
		db_start(req, &ctx->db, NULL, NULL, ic_session);
	}
	return (db_run(req));
}

static void
ic_read(struct http_request *req, struct ic_ctx *ctx)
{
	const char	*p;
	char		*v;
	size_t		 plen = strlen(IMAGE_PATH "/");

	p = req->path;
	if (strncmp(p, IMAGE_PATH "/", plen) != 0 ||
	    strlen(p + plen) != IMAGE_TOKEN_LEN ||
	    strspn(p + plen, "0123456789abcdef") != IMAGE_TOKEN_LEN)
		ctx->bad = 1;
	else
		(void)kore_strlcpy(ctx->token, p + plen, sizeof(ctx->token));
	if (req->method != HTTP_METHOD_POST)
		return;
	ctx->post = 1;
	ctx->action = IC_BAD;
	(void)req_populate_form(req);
	if (http_argument_get_string(req, "actie", &v)) {
		if (strcmp(v, "beschrijving") == 0)
			ctx->action = IC_ALT;
		else if (strcmp(v, "verwijderen") == 0)
			ctx->action = IC_REMOVE;
	}
	if (http_argument_get_string(req, "alt", &v))
		ctx->alt = v;
	ctx->sure = http_argument_get_string(req, "zeker", &v);
}

static int
ic_session(struct http_request *req, struct db_ctx *db)
{
	struct ic_ctx	*ctx = (struct ic_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (ctx->post && !auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->token;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_image_one, ic_row, ic_loaded));
}

static void
ic_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct ic_ctx	*ctx = (struct ic_ctx *)db;

	if (ctx->found)
		return;
	image_row_read(&ctx->row, sql, r);
	ctx->found = 1;
}

static int
ic_loaded(struct http_request *req, struct db_ctx *db)
{
	struct ic_ctx	*ctx = (struct ic_ctx *)db;
	enum msg_id	 msg;
	char		 num[24];

	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	switch (ctx->action) {
	case IC_SHOW:
		return (ic_render(req, ctx, 200));
	case IC_BAD:
		return (ic_render(req, ctx, 400));
	case IC_ALT:
		num[0] = '\0';
		if (ctx->alt == NULL) {
			fv_error(&ctx->fv, "alt", MSG_im_alt_empty, NULL);
			return (ic_render(req, ctx, 422));
		}
		if (image_alt_check(&ctx->alt, &msg, num, sizeof(num)) == -1) {
			fv_error(&ctx->fv, "alt", msg, num);
			return (ic_render(req, ctx, 422));
		}
		db->params[2] = ctx->alt;
		break;
	case IC_REMOVE:
		if (!ctx->sure)
			return (ic_confirm(req, ctx));
		db->params[2] = NULL;
		break;
	}
	db->params[0] = ctx->token;
	db->params[1] = db->user.id;
	db->fail = ic_fail;
	return (db_chain(req, db, &q_image_change, NULL, ic_changed));
}

static int
ic_changed(struct http_request *req, struct db_ctx *db)
{
	struct ic_ctx	*ctx = (struct ic_ctx *)db;

	resp_redirect(req, ctx->action == IC_REMOVE ?
	    IMAGE_PATH "?gedaan=verwijderd" : IMAGE_PATH "?gedaan=aangepast");
	return (HTTP_STATE_COMPLETE);
}

static int
ic_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct ic_ctx	*ctx = (struct ic_ctx *)db;

	/* Removed meanwhile (or never this member's): the same 404. */
	if (status == 403 || status == 404) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (status == 400) {
		fv_error(&ctx->fv, "alt", MSG_im_alt_bad, NULL);
		return (ic_render(req, ctx, 422));
	}
	fv_form_error(&ctx->fv, MSG_im_failed, NULL);
	return (ic_render(req, ctx, 503));
}

static int
ic_render(struct http_request *req, struct ic_ctx *ctx, int status)
{
	struct sbuf	facts, used;
	int		rc;

	sbuf_init(&facts);
	sbuf_init(&used);
	image_facts(&facts, ctx->loc, &ctx->row);
	rc = image_used_list(&used, ctx->loc, &ctx->row);
	if (rc == -1) {
		sbuf_free(&facts);
		sbuf_free(&used);
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "token", ctx->row.token, TPL_TEXT },
			{ "name", ctx->row.name, TPL_TEXT },
			{ "saved_alt", ctx->row.alt, TPL_TEXT },
			{ "alt", ctx->alt != NULL ? ctx->alt : ctx->row.alt,
			    TPL_TEXT },
			{ "facts", sbuf_cstr(&facts), TPL_TEXT },
			{ "used", sbuf_cstr(&used), TPL_TRUSTED_HTML },
			{ "used_label", i18n_get(ctx->loc,
			    image_is_used(&ctx->row) ? MSG_im_used :
			    MSG_im_unused), TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(ic_fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv, ic_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_im_change_title), "/account",
		    VIEW_image_change, b, n);
	}
	sbuf_free(&facts);
	sbuf_free(&used);
	return (HTTP_STATE_COMPLETE);
}

/* Are you sure? Names the texts that will show only the description. */
static int
ic_confirm(struct http_request *req, struct ic_ctx *ctx)
{
	struct sbuf	facts, used;

	sbuf_init(&facts);
	sbuf_init(&used);
	image_facts(&facts, ctx->loc, &ctx->row);
	if (image_used_list(&used, ctx->loc, &ctx->row) == -1) {
		sbuf_free(&facts);
		sbuf_free(&used);
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	{
		const struct tpl_bind	b[] = {
			{ "token", ctx->row.token, TPL_TEXT },
			{ "name", ctx->row.name, TPL_TEXT },
			{ "saved_alt", ctx->row.alt, TPL_TEXT },
			{ "facts", sbuf_cstr(&facts), TPL_TEXT },
			{ "used", sbuf_cstr(&used), TPL_TRUSTED_HTML },
			{ "used_intro", i18n_get(ctx->loc,
			    image_is_used(&ctx->row) ? MSG_im_remove_used :
			    MSG_im_remove_unused), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
		};

		view_page(req, 200, ctx->loc,
		    i18n_get(ctx->loc, MSG_im_remove_heading), "/account",
		    VIEW_image_remove, b, NBINDS(b));
	}
	sbuf_free(&facts);
	sbuf_free(&used);
	return (HTTP_STATE_COMPLETE);
}

static void
ic_free(struct http_request *req)
{
	struct ic_ctx	*ctx = http_state_get(req);

	image_row_free(&ctx->row);
	fv_free(&ctx->fv);
}
