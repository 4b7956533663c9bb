/*
 * Removing an action item (issue 8):
 *
 *   GET  /acties/{id}/verwijderen   the question
 *   POST /acties/{id}/verwijderen   _csrf: mm_action_delete(), then 303
 *                                   to the session ?gedaan=verwijderd
 *
 * Who: whoever runs the session, while its minutes are not final (a
 * 409 page then). An action whose minutes the reader may not read is
 * 404, others who may not remove it get 403.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_mm_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/mm_flow.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define MMR_PATH	"/acties"

struct mmr_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 bad;
	int		 post;
	char		 id[MMF_ID_MAX + 1];
	int		 found;
	int		 read;
	int		 run;
	int		 final;
	char		*href;
	char		*title;
	char		*what;
	struct fv	 fv;
};

static int	mmr_session(struct http_request *, struct db_ctx *);
static void	mmr_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mmr_loaded(struct http_request *, struct db_ctx *);
static int	mmr_done(struct http_request *, struct db_ctx *);
static int	mmr_fail(struct http_request *, struct db_ctx *, int);
static int	mmr_final(struct http_request *, struct mmr_ctx *);
static int	mmr_render(struct http_request *, struct mmr_ctx *, int);
static void	mmr_free(struct http_request *);

int
mm_action_remove(struct http_request *req)
{
	struct mmr_ctx	*ctx;
	const char	*p, *e;
	size_t		 n;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mmr_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		p = req->path + sizeof(MMR_PATH);
		e = strchr(p, '/');
		n = e != NULL ? (size_t)(e - p) : 0;
		ctx->bad = strncmp(req->path, MMR_PATH "/",
		    sizeof(MMR_PATH)) != 0 || e == NULL ||
		    strcmp(e, "/verwijderen") != 0 || n == 0 ||
		    n > MMF_ID_MAX || strspn(p, "0123456789") != n;
		if (!ctx->bad) {
			memcpy(ctx->id, p, n);
			ctx->id[n] = '\0';
		}
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
		}
		db_start(req, &ctx->db, NULL, NULL, mmr_session);
	}
	return (db_run(req));
}

static int
mmr_session(struct http_request *req, struct db_ctx *db)
{
	struct mmr_ctx	*ctx = (struct mmr_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_mmf_action, mmr_row, mmr_loaded));
}

static void
mmr_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mmr_ctx	*ctx = (struct mmr_ctx *)db;

	ctx->found = 1;
	kore_free(ctx->href);
	kore_free(ctx->title);
	kore_free(ctx->what);
	ctx->href = kore_strdup(db_text(sql, r, QMC_HREF));
	ctx->title = kore_strdup(db_text(sql, r, QMC_TITLE));
	ctx->what = kore_strdup(db_text(sql, r, QMC_WHAT));
	ctx->read = strcmp(db_text(sql, r, QMC_READ), "true") == 0;
	ctx->run = strcmp(db_text(sql, r, QMC_RUN), "true") == 0;
	ctx->final = strcmp(db_text(sql, r, QMC_STATE), "definitief") == 0;
}

static int
mmr_loaded(struct http_request *req, struct db_ctx *db)
{
	struct mmr_ctx	*ctx = (struct mmr_ctx *)db;

	if (ctx->post && !auth_post_ok(req, db)) {
		if (!ctx->found || !ctx->read || !ctx->run) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (mmr_render(req, ctx, 403));
	}
	if (!ctx->found || !ctx->read) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->run) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->final)
		return (mmr_final(req, ctx));
	if (!ctx->post)
		return (mmr_render(req, ctx, 200));
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	db->fail = mmr_fail;
	return (db_chain(req, db, &q_mmf_action_delete, NULL, mmr_done));
}

static int
mmr_done(struct http_request *req, struct db_ctx *db)
{
	struct mmr_ctx	*ctx = (struct mmr_ctx *)db;
	struct sbuf	 to;

	sbuf_init(&to);
	sbuf_printf(&to, "%s?gedaan=verwijderd#acties", ctx->href);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
mmr_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct mmr_ctx	*ctx = (struct mmr_ctx *)db;

	if (status == 409)
		return (mmr_final(req, ctx));
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static int
mmr_final(struct http_request *req, struct mmr_ctx *ctx)
{
	struct sbuf	back;

	sbuf_init(&back);
	sbuf_printf(&back, MMR_PATH "/%s", ctx->id);
	mmf_message(req, ctx->loc, 409,
	    i18n_get(ctx->loc, MSG_mmw_act_frozen_title),
	    i18n_get(ctx->loc, MSG_mmw_rm_final), NULL, sbuf_cstr(&back),
	    i18n_get(ctx->loc, MSG_mmw_rm_cancel));
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static int
mmr_render(struct http_request *req, struct mmr_ctx *ctx, int status)
{
	struct sbuf	 lead, action, back;
	const char	*args[1];

	sbuf_init(&lead);
	sbuf_init(&action);
	sbuf_init(&back);
	args[0] = ctx->title;
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_mmw_rm_lead), args, 1);
	sbuf_printf(&action, MMR_PATH "/%s/verwijderen", ctx->id);
	sbuf_printf(&back, MMR_PATH "/%s", ctx->id);
	{
		const struct tpl_bind	b[] = {
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "what", ctx->what, TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
		};
		view_page(req, status, ctx->loc, i18n_get(ctx->loc,
		    MSG_mmw_rm_title), MMF_PATH, VIEW_mm_action_remove, b,
		    NBINDS(b));
	}
	sbuf_free(&lead);
	sbuf_free(&action);
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static void
mmr_free(struct http_request *req)
{
	struct mmr_ctx	*ctx = http_state_get(req);

	kore_free(ctx->href);
	kore_free(ctx->title);
	kore_free(ctx->what);
	fv_free(&ctx->fv);
}
