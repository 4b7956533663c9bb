/*
 * Replying to a story (issue 9):
 *
 *   POST (multipart) /verhalen/{slug}/reacties  _csrf, nonce, body
 *        (Markdown, 1-4000 characters) -> story_reply_add(), then 303
 *        to /verhalen/{slug}?gedaan=reactie#reacties
 *
 * The story page holds the form (part B). A reply waits until the
 * storyteller or an editor places it. Who: signed-in readers of a
 * published story whose replies are on; anyone else who may not read it
 * gets 404, replies off a 409 page. Empty or too long: the form again
 * (422) with what was typed.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/md.h"
#include "core/token.h"
#include "db/q_story_extra.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/story_reply.h"
#include "web/view.h"

#define SRN_BODY_MAX	4000

struct srn_ctx {
	struct sx_head	 h;
	enum locale	 loc;
	int		 bad;
	const char	*body;
	char		 nonce[TOK_LEN + 1];
	struct sbuf	 html;
	char		 saved[24];
	struct fv	 fv;
};

static const char *const	srn_fields[] = { "body", NULL };

static int	srn_session(struct http_request *, struct db_ctx *);
static int	srn_loaded(struct http_request *, struct db_ctx *);
static int	srn_check(struct srn_ctx *);
static void	srn_row(struct db_ctx *, struct kore_pgsql *, int);
static int	srn_done(struct http_request *, struct db_ctx *);
static int	srn_fail(struct http_request *, struct db_ctx *, int);
static int	srn_off(struct http_request *, struct srn_ctx *);
static int	srn_render(struct http_request *, struct srn_ctx *, int);
static void	srn_free(struct http_request *);

int
story_reply_new(struct http_request *req)
{
	struct srn_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), srn_free);
		ctx->loc = resp_locale(req);
		ctx->body = "";
		sbuf_init(&ctx->html);
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = sx_path(req->path, "/reacties", &ctx->h.s) == -1;
		(void)req_populate_form(req);
		if (http_argument_get_string(req, "body", &v)) {
			form_lf(v);
			ctx->body = form_trim(v);
		}
		if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
			(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
		db_start(req, &ctx->h.db, NULL, NULL, srn_session);
	}
	return (db_run(req));
}

static int
srn_session(struct http_request *req, struct db_ctx *db)
{
	struct srn_ctx	*ctx = (struct srn_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (sx_load(req, &ctx->h, srn_loaded));
}

static int
srn_loaded(struct http_request *req, struct db_ctx *db)
{
	struct srn_ctx	*ctx = (struct srn_ctx *)db;
	struct sx_story	*s = &ctx->h.s;

	if (!s->found || !s->may_read) {
		/* A forged POST is refused as such, found or not. */
		resp_error(req, req->method == HTTP_METHOD_POST &&
		    !auth_post_ok(req, db) ? 403 : 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		if (ctx->nonce[0] == '\0')
			tok_new(ctx->nonce);
		return (srn_render(req, ctx, 403));
	}
	if (strcmp(s->replies, "aan") != 0 ||
	    strcmp(s->state, "gepubliceerd") != 0)
		return (srn_off(req, ctx));
	if (srn_check(ctx) > 0)
		return (srn_render(req, ctx, 422));
	sbuf_reset(&ctx->html);
	if (md_render(&ctx->html, ctx->body, strlen(ctx->body)) == -1) {
		fv_error(&ctx->fv, "body", MSG_sx_reply_too_long, NULL);
		return (srn_render(req, ctx, 422));
	}
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->body;
	db->params[3] = sbuf_cstr(&ctx->html);
	db->params[4] = ctx->nonce;
	db->fail = srn_fail;
	return (db_chain(req, db, &q_sx_reply_add, srn_row, srn_done));
}

/* The number of errors recorded. */
static int
srn_check(struct srn_ctx *ctx)
{
	switch (form_text(ctx->body, SRN_BODY_MAX, 1, 1)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		fv_error(&ctx->fv, "body", MSG_sx_reply_empty, NULL);
		break;
	case FORM_TOO_LONG:
		fv_error(&ctx->fv, "body", MSG_sx_reply_too_long, NULL);
		break;
	default:
		(void)fv_check(&ctx->fv, "body", FORM_BAD_CHARS,
		    SRN_BODY_MAX);
		break;
	}
	if (ctx->nonce[0] == '\0') {
		fv_form_error(&ctx->fv, MSG_sx_nonce_missing, NULL);
		tok_new(ctx->nonce);
	}
	return (ctx->fv.nerr);
}

static void
srn_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct srn_ctx	*ctx = (struct srn_ctx *)db;

	(void)kore_strlcpy(ctx->saved, db_text(sql, r, 0),
	    sizeof(ctx->saved));
}

static int
srn_done(struct http_request *req, struct db_ctx *db)
{
	struct srn_ctx	*ctx = (struct srn_ctx *)db;
	struct sbuf	 to;

	if (ctx->saved[0] == '\0')
		return (srn_fail(req, db, 503));
	sbuf_init(&to);
	sx_href(&to, ctx->h.s.slug, "reactie", "reacties");
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
srn_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct srn_ctx	*ctx = (struct srn_ctx *)db;

	switch (status) {
	case 409:
		return (srn_off(req, ctx));
	case 403:
	case 404:
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	case 400:
		fv_error(&ctx->fv, "body", MSG_sx_reply_too_long, NULL);
		status = 422;
		break;
	default:
		fv_form_error(&ctx->fv, MSG_sx_save_failed, NULL);
		break;
	}
	return (srn_render(req, ctx, status));
}

static int
srn_off(struct http_request *req, struct srn_ctx *ctx)
{
	struct sbuf	back;

	sbuf_init(&back);
	sx_href(&back, ctx->h.s.slug, NULL, NULL);
	sx_message(req, ctx->loc, 409, MSG_sx_replies_off_title,
	    MSG_sx_replies_off_text, sbuf_cstr(&back), MSG_sx_back_story);
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static int
srn_render(struct http_request *req, struct srn_ctx *ctx, int status)
{
	struct sx_story	*s = &ctx->h.s;
	struct sbuf	 back, action, lead;
	const char	*args[1];
	size_t		 nb;

	sbuf_init(&back);
	sbuf_init(&action);
	sbuf_init(&lead);
	sx_href(&back, s->slug, NULL, NULL);
	sx_href(&action, s->slug, NULL, NULL);
	sbuf_puts(&action, "/reacties");
	args[0] = s->title != NULL ? s->title : "";
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_sx_reply_lead), args, 1);
	{
		const struct tpl_bind	fixed[] = {
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "nonce", ctx->nonce, TPL_TEXT },
			{ "body", ctx->body, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(srn_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, srn_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc, i18n_get(ctx->loc,
		    MSG_sx_reply_title), SX_PATH, VIEW_story_reply_form, b,
		    nb);
	}
	sbuf_free(&back);
	sbuf_free(&action);
	sbuf_free(&lead);
	return (HTTP_STATE_COMPLETE);
}

static void
srn_free(struct http_request *req)
{
	struct srn_ctx	*ctx = http_state_get(req);

	sx_story_free(&ctx->h.s);
	sbuf_free(&ctx->html);
	fv_free(&ctx->fv);
}
