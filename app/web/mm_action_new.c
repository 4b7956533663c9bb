/*
 * A new action item of a session (issue 8):
 *
 *   GET  /masterminds/{serie}/{sessie}/acties   the form (?gedaan=actie:
 *        one was just added)
 *   POST (multipart) _csrf, nonce, what, owner, due, again
 *        -> mm_action_save(), then 303 to the session with
 *        ?gedaan=actie#actie-<id>, or back to this form with again=ja
 *
 * Who: whoever runs the session, while its minutes are not final (a
 * 409 page then). A session whose minutes the reader may not read is
 * 404, other readers 403. mm_action_save()'s errors come back next to
 * their field with what was typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/token.h"
#include "db/q_mm_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/mm_flow.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define MMC_WHAT_MAX	300
#define MMC_OWNER_MAX	120

struct mmc_ctx {
	struct mmf_head	 h;
	enum locale	 loc;
	int		 bad;
	int		 post;
	int		 again;
	int		 added;
	const char	*what;
	const char	*owner;
	const char	*due;
	char		 nonce[TOK_LEN + 1];
	char		 saved[24];
	char		*error;
	struct fv	 fv;
};

static const char *const	mmc_fields[] = {
	"what", "owner", "due", NULL
};

static int	mmc_session(struct http_request *, struct db_ctx *);
static int	mmc_loaded(struct http_request *, struct db_ctx *);
static void	mmc_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mmc_done(struct http_request *, struct db_ctx *);
static int	mmc_fail(struct http_request *, struct db_ctx *, int);
static int	mmc_frozen(struct http_request *, struct mmc_ctx *);
static int	mmc_render(struct http_request *, struct mmc_ctx *, int);
static void	mmc_free(struct http_request *);

int
mm_action_new(struct http_request *req)
{
	struct mmc_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mmc_free);
		ctx->loc = resp_locale(req);
		ctx->what = ctx->owner = ctx->due = "";
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = mmf_path(req->path, "/acties", &ctx->h.s, NULL,
		    0) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "what", &v)) {
				form_oneline(v);
				ctx->what = form_trim(v);
			}
			if (http_argument_get_string(req, "owner", &v)) {
				form_oneline(v);
				ctx->owner = form_trim(v);
			}
			if (http_argument_get_string(req, "due", &v))
				ctx->due = form_trim(v);
			if (http_argument_get_string(req, "again", &v))
				ctx->again = strcmp(v, "ja") == 0;
			if (http_argument_get_string(req, "nonce", &v) &&
			    tok_valid(v))
				(void)kore_strlcpy(ctx->nonce, v,
				    sizeof(ctx->nonce));
		} else {
			http_populate_get(req);
			if (http_argument_get_string(req, "gedaan", &v))
				ctx->added = strcmp(v, "actie") == 0;
		}
		db_start(req, &ctx->h.db, NULL, NULL, mmc_session);
	}
	return (db_run(req));
}

static int
mmc_session(struct http_request *req, struct db_ctx *db)
{
	struct mmc_ctx	*ctx = (struct mmc_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (mmf_load(req, &ctx->h, mmc_loaded));
}

static int
mmc_loaded(struct http_request *req, struct db_ctx *db)
{
	struct mmc_ctx	*ctx = (struct mmc_ctx *)db;
	struct mmf_sess	*s = &ctx->h.s;

	if (ctx->post && !auth_post_ok(req, db)) {
		if (!s->found || !s->see || !s->run) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		if (ctx->nonce[0] == '\0')
			tok_new(ctx->nonce);
		return (mmc_render(req, ctx, 403));
	}
	if (!s->found || !s->see || !s->read) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!s->run) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (strcmp(s->state, "definitief") == 0) {
		if (!ctx->post)
			return (mmc_frozen(req, ctx));
		fv_form_error(&ctx->fv, MSG_mmw_act_frozen_new, NULL);
		return (mmc_render(req, ctx, 409));
	}
	if (!ctx->post) {
		tok_new(ctx->nonce);
		return (mmc_render(req, ctx, 200));
	}
	if (ctx->what[0] == '\0')
		fv_error(&ctx->fv, "what", MSG_mmw_act_what_empty, NULL);
	else
		(void)fv_check(&ctx->fv, "what", form_text(ctx->what,
		    MMC_WHAT_MAX, 1, 0), MMC_WHAT_MAX);
	(void)fv_check(&ctx->fv, "owner", form_text(ctx->owner,
	    MMC_OWNER_MAX, 0, 0), MMC_OWNER_MAX);
	(void)fv_check(&ctx->fv, "due", form_text(ctx->due, 10, 0, 0), 10);
	if (ctx->nonce[0] == '\0') {
		fv_form_error(&ctx->fv, MSG_mmw_nonce_missing, NULL);
		tok_new(ctx->nonce);
	}
	if (ctx->fv.nerr > 0)
		return (mmc_render(req, ctx, 422));
	db->params[0] = NULL;
	db->params[1] = s->id;
	db->params[2] = db->user.id;
	db->params[3] = NULL;
	db->params[4] = ctx->what;
	db->params[5] = ctx->owner;
	db->params[6] = ctx->due;
	db->params[7] = "open";
	db->params[8] = "";
	db->params[9] = "";
	db->params[10] = NULL;
	db->params[11] = ctx->nonce;
	db->fail = mmc_fail;
	return (db_chain(req, db, &q_mmf_action_save, mmc_row, mmc_done));
}

static void
mmc_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mmc_ctx	*ctx = (struct mmc_ctx *)db;

	(void)kore_strlcpy(ctx->saved, db_text(sql, r, QMV_ID),
	    sizeof(ctx->saved));
	kore_free(ctx->error);
	ctx->error = db_isnull(sql, r, QMV_ERROR) ? NULL :
	    kore_strdup(db_text(sql, r, QMV_ERROR));
}

static int
mmc_done(struct http_request *req, struct db_ctx *db)
{
	struct mmc_ctx	*ctx = (struct mmc_ctx *)db;
	struct sbuf	 to, anchor;

	if (ctx->error != NULL) {
		mmf_action_error(&ctx->fv, ctx->error);
		return (mmc_render(req, ctx, strcmp(ctx->error, "frozen") ==
		    0 ? 409 : 422));
	}
	if (ctx->saved[0] == '\0')
		return (mmc_fail(req, db, 503));
	sbuf_init(&to);
	sbuf_init(&anchor);
	if (ctx->again) {
		mmf_href(&to, &ctx->h.s, NULL, NULL);
		sbuf_printf(&to, "/acties?gedaan=actie");
	} else {
		sbuf_printf(&anchor, "actie-%s", ctx->saved);
		mmf_href(&to, &ctx->h.s, "actie", sbuf_cstr(&anchor));
	}
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	sbuf_free(&anchor);
	return (HTTP_STATE_COMPLETE);
}

static int
mmc_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct mmc_ctx	*ctx = (struct mmc_ctx *)db;

	switch (status) {
	case 403:
		fv_form_error(&ctx->fv, MSG_mmw_save_forbidden, NULL);
		break;
	case 404:
		fv_form_error(&ctx->fv, MSG_mmw_save_gone, NULL);
		break;
	case 400:
		fv_error(&ctx->fv, "what", MSG_mmw_act_what_empty, NULL);
		status = 422;
		break;
	default:
		fv_form_error(&ctx->fv, MSG_mmw_save_failed, NULL);
		break;
	}
	if (ctx->nonce[0] == '\0')
		tok_new(ctx->nonce);
	return (mmc_render(req, ctx, status));
}

static int
mmc_frozen(struct http_request *req, struct mmc_ctx *ctx)
{
	struct sbuf	back;

	sbuf_init(&back);
	mmf_href(&back, &ctx->h.s, NULL, NULL);
	mmf_message(req, ctx->loc, 409,
	    i18n_get(ctx->loc, MSG_mmw_act_frozen_title),
	    i18n_get(ctx->loc, MSG_mmw_act_frozen_new), NULL,
	    sbuf_cstr(&back), i18n_get(ctx->loc, MSG_mmw_back_session));
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static int
mmc_render(struct http_request *req, struct mmc_ctx *ctx, int status)
{
	struct mmf_sess	*s = &ctx->h.s;
	struct sbuf	 lead, back, action, notice;
	const char	*args[1];
	size_t		 nb;
	int		 rc = 0;

	sbuf_init(&lead);
	sbuf_init(&back);
	sbuf_init(&action);
	sbuf_init(&notice);
	args[0] = s->title != NULL ? s->title : "";
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_mmw_act_new_lead), args, 1);
	mmf_href(&back, s, NULL, "acties");
	mmf_href(&action, s, NULL, NULL);
	sbuf_printf(&action, "/acties");
	if (ctx->added && !ctx->post) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_mmw_act_added),
			    TPL_TEXT },
		};
		rc = view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "nonce", ctx->nonce, TPL_TEXT },
			{ "what", ctx->what, TPL_TEXT },
			{ "owner", ctx->owner, TPL_TEXT },
			{ "due", ctx->due, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(mmc_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, mmc_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, status, ctx->loc, i18n_get(ctx->loc,
			    MSG_mmw_act_new_title), MMF_PATH,
			    VIEW_mm_action_form, b, nb);
	}
	sbuf_free(&lead);
	sbuf_free(&back);
	sbuf_free(&action);
	sbuf_free(&notice);
	return (HTTP_STATE_COMPLETE);
}

static void
mmc_free(struct http_request *req)
{
	struct mmc_ctx	*ctx = http_state_get(req);

	mmf_sess_free(&ctx->h.s);
	kore_free(ctx->error);
	fv_free(&ctx->fv);
}
