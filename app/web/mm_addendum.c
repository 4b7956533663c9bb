/*
 * A dated addendum to final minutes (issue 8):
 *
 *   GET  /masterminds/{serie}/{sessie}/addendum   the form
 *   POST (multipart) _csrf, nonce, body (Markdown, 1-20000 characters)
 *        -> mm_addendum_add(), then 303 to the session ?gedaan=addendum
 *
 * Who: whoever runs the session. A session whose minutes the reader
 * may not read is 404, other readers get 403. Before the minutes are
 * final: a 409 page (change the minutes themselves), the typed text
 * kept on a POST.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/md.h"
#include "core/token.h"
#include "db/q_mm_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/mm_flow.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define MMX_BODY_MAX	20000

struct mmx_ctx {
	struct mmf_head	 h;
	enum locale	 loc;
	int		 bad;
	int		 post;
	const char	*body;
	char		 nonce[TOK_LEN + 1];
	struct sbuf	 html;
	struct fv	 fv;
};

static const char *const	mmx_fields[] = { "body", NULL };

static int	mmx_session(struct http_request *, struct db_ctx *);
static int	mmx_loaded(struct http_request *, struct db_ctx *);
static int	mmx_done(struct http_request *, struct db_ctx *);
static int	mmx_fail(struct http_request *, struct db_ctx *, int);
static int	mmx_not_final(struct http_request *, struct mmx_ctx *);
static int	mmx_render(struct http_request *, struct mmx_ctx *, int);
static void	mmx_free(struct http_request *);

int
mm_addendum_new(struct http_request *req)
{
	struct mmx_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mmx_free);
		ctx->loc = resp_locale(req);
		ctx->body = "";
		sbuf_init(&ctx->html);
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = mmf_path(req->path, "/addendum", &ctx->h.s, NULL,
		    0) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "body", &v)) {
				form_lf(v);
				ctx->body = form_rtrim(v);
			}
			if (http_argument_get_string(req, "nonce", &v) &&
			    tok_valid(v))
				(void)kore_strlcpy(ctx->nonce, v,
				    sizeof(ctx->nonce));
		}
		db_start(req, &ctx->h.db, NULL, NULL, mmx_session);
	}
	return (db_run(req));
}

static int
mmx_session(struct http_request *req, struct db_ctx *db)
{
	struct mmx_ctx	*ctx = (struct mmx_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (mmf_load(req, &ctx->h, mmx_loaded));
}

static int
mmx_loaded(struct http_request *req, struct db_ctx *db)
{
	struct mmx_ctx	*ctx = (struct mmx_ctx *)db;
	struct mmf_sess	*s = &ctx->h.s;

	if (ctx->post && !auth_post_ok(req, db)) {
		if (!s->found || !s->see || !s->run) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		if (ctx->nonce[0] == '\0')
			tok_new(ctx->nonce);
		return (mmx_render(req, ctx, 403));
	}
	if (!s->found || !s->see || !s->read) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!s->run) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (strcmp(s->state, "definitief") != 0) {
		if (!ctx->post)
			return (mmx_not_final(req, ctx));
		fv_form_error(&ctx->fv, MSG_mmw_add_not_final, NULL);
		return (mmx_render(req, ctx, 409));
	}
	if (!ctx->post) {
		tok_new(ctx->nonce);
		return (mmx_render(req, ctx, 200));
	}
	if (strlen(ctx->body) > MD_MAX_INPUT)
		(void)fv_check(&ctx->fv, "body", FORM_TOO_LONG, MMX_BODY_MAX);
	else
		(void)fv_check(&ctx->fv, "body", form_text(ctx->body,
		    MMX_BODY_MAX, 1, 1), MMX_BODY_MAX);
	if (ctx->nonce[0] == '\0') {
		fv_form_error(&ctx->fv, MSG_mmw_nonce_missing, NULL);
		tok_new(ctx->nonce);
	}
	if (ctx->fv.nerr > 0)
		return (mmx_render(req, ctx, 422));
	sbuf_reset(&ctx->html);
	if (md_render(&ctx->html, ctx->body, strlen(ctx->body)) == -1) {
		(void)fv_check(&ctx->fv, "body", FORM_TOO_LONG, MMX_BODY_MAX);
		return (mmx_render(req, ctx, 422));
	}
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->body;
	db->params[3] = sbuf_cstr(&ctx->html);
	db->params[4] = ctx->nonce;
	db->fail = mmx_fail;
	return (db_chain(req, db, &q_mmf_addendum, NULL, mmx_done));
}

static int
mmx_done(struct http_request *req, struct db_ctx *db)
{
	struct mmx_ctx	*ctx = (struct mmx_ctx *)db;
	struct sbuf	 to;

	sbuf_init(&to);
	mmf_href(&to, &ctx->h.s, "addendum", "addenda");
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
mmx_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct mmx_ctx	*ctx = (struct mmx_ctx *)db;

	switch (status) {
	case 409:
		fv_form_error(&ctx->fv, MSG_mmw_add_not_final, NULL);
		break;
	case 403:
		fv_form_error(&ctx->fv, MSG_mmw_save_forbidden, NULL);
		break;
	case 404:
		fv_form_error(&ctx->fv, MSG_mmw_save_gone, NULL);
		break;
	case 400:
		(void)fv_check(&ctx->fv, "body", FORM_TOO_LONG, MMX_BODY_MAX);
		status = 422;
		break;
	default:
		fv_form_error(&ctx->fv, MSG_mmw_save_failed, NULL);
		break;
	}
	return (mmx_render(req, ctx, status));
}

static int
mmx_not_final(struct http_request *req, struct mmx_ctx *ctx)
{
	struct sbuf	back;

	sbuf_init(&back);
	mmf_href(&back, &ctx->h.s, NULL, NULL);
	mmf_message(req, ctx->loc, 409,
	    i18n_get(ctx->loc, MSG_mmw_add_not_final_title),
	    i18n_get(ctx->loc, MSG_mmw_add_not_final), NULL,
	    sbuf_cstr(&back), i18n_get(ctx->loc, MSG_mmw_back_session));
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static int
mmx_render(struct http_request *req, struct mmx_ctx *ctx, int status)
{
	struct mmf_sess	*s = &ctx->h.s;
	struct sbuf	 lead, back, action;
	const char	*args[1];
	size_t		 nb;

	sbuf_init(&lead);
	sbuf_init(&back);
	sbuf_init(&action);
	args[0] = s->title != NULL ? s->title : "";
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_mmw_add_lead), args, 1);
	mmf_href(&back, s, NULL, NULL);
	mmf_href(&action, s, NULL, NULL);
	sbuf_printf(&action, "/addendum");
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
		    NBINDS(mmx_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, mmx_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc, i18n_get(ctx->loc,
		    MSG_mmw_add_title), MMF_PATH, VIEW_mm_addendum_form, b,
		    nb);
	}
	sbuf_free(&lead);
	sbuf_free(&back);
	sbuf_free(&action);
	return (HTTP_STATE_COMPLETE);
}

static void
mmx_free(struct http_request *req)
{
	struct mmx_ctx	*ctx = http_state_get(req);

	mmf_sess_free(&ctx->h.s);
	sbuf_free(&ctx->html);
	fv_free(&ctx->fv);
}
