/*
 * The storyteller withdraws their story (issue 9):
 *
 *   POST /verhalen/{slug}/intrekken   _csrf -> story_withdraw(), then
 *        303 to /account/verhalen?gedaan=ingetrokken
 *
 * One button, no confirmation page: the form around the button says
 * what happens. The story is offline everywhere at once (the SQL
 * function). Only the storyteller; a concept or a withdrawn story is a
 * 409 page. A story the reader may not read is 404; other readers 403.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_story_flow.h"
#include "web/auth.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/story_flow.h"
#include "web/view.h"

#define SWD_DONE	"/account/verhalen?gedaan=ingetrokken"

struct swd_ctx {
	struct sfl_head	 h;
	enum locale	 loc;
	int		 bad;
};

static int	swd_session(struct http_request *, struct db_ctx *);
static int	swd_loaded(struct http_request *, struct db_ctx *);
static int	swd_done(struct http_request *, struct db_ctx *);
static int	swd_fail(struct http_request *, struct db_ctx *, int);
static void	swd_free(struct http_request *);

int
story_withdraw(struct http_request *req)
{
	struct swd_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), swd_free);
		ctx->loc = resp_locale(req);
		ctx->bad = sfl_path(req->path, "/intrekken", &ctx->h.s) == -1;
		(void)req_populate_form(req);
		db_start(req, &ctx->h.db, NULL, NULL, swd_session);
	}
	return (db_run(req));
}

static int
swd_session(struct http_request *req, struct db_ctx *db)
{
	struct swd_ctx	*ctx = (struct swd_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	return (sfl_load(req, &ctx->h, swd_loaded));
}

static int
swd_loaded(struct http_request *req, struct db_ctx *db)
{
	struct swd_ctx		*ctx = (struct swd_ctx *)db;
	struct sfl_story	*s = &ctx->h.s;

	if (!s->found || !s->read) {
		/* A forged POST is refused as such, found or not. */
		resp_error(req, req->method == HTTP_METHOD_POST &&
		    !auth_post_ok(req, db) ? 403 : 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!s->teller) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (strcmp(s->state, "concept") == 0 ||
	    strcmp(s->state, "ingetrokken") == 0)
		return (sfl_refused(req, ctx->loc, s, MSG_sfl_withdraw_state));
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->fail = swd_fail;
	return (db_chain(req, db, &q_sfl_withdraw, NULL, swd_done));
}

static int
swd_done(struct http_request *req, struct db_ctx *db)
{
	(void)db;
	resp_redirect(req, SWD_DONE);
	return (HTTP_STATE_COMPLETE);
}

static int
swd_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct swd_ctx	*ctx = (struct swd_ctx *)db;

	if (status != 409) {
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
	return (sfl_refused(req, ctx->loc, &ctx->h.s, MSG_sfl_withdraw_state));
}

static void
swd_free(struct http_request *req)
{
	struct swd_ctx	*ctx = http_state_get(req);

	sfl_story_free(&ctx->h.s);
}
