/*
 * The storyteller puts their story online (issue 9):
 *
 *   POST /verhalen/{slug}/publiceren   _csrf, rev -> story_publish(),
 *        then 303 to the story with ?gedaan=gepubliceerd
 *
 * Only the storyteller, and only the revision an editor checked (state
 * akkoord): anything else is a 409 page that says the editors must
 * look at this version first. A story the reader may not read is 404;
 * other readers get 403.
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

struct spb_ctx {
	struct sfl_head	 h;
	enum locale	 loc;
	int		 bad;
	char		 rev[16];
};

static int	spb_session(struct http_request *, struct db_ctx *);
static int	spb_loaded(struct http_request *, struct db_ctx *);
static int	spb_done(struct http_request *, struct db_ctx *);
static int	spb_fail(struct http_request *, struct db_ctx *, int);
static void	spb_free(struct http_request *);

int
story_publish(struct http_request *req)
{
	struct spb_ctx	*ctx;
	char		*v;
	size_t		 n;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), spb_free);
		ctx->loc = resp_locale(req);
		ctx->bad = sfl_path(req->path, "/publiceren", &ctx->h.s) == -1;
		(void)req_populate_form(req);
		if (http_argument_get_string(req, "rev", &v) &&
		    (n = strlen(v)) > 0 && n < 10 &&
		    strspn(v, "0123456789") == n)
			(void)kore_strlcpy(ctx->rev, v, sizeof(ctx->rev));
		db_start(req, &ctx->h.db, NULL, NULL, spb_session);
	}
	return (db_run(req));
}

static int
spb_session(struct http_request *req, struct db_ctx *db)
{
	struct spb_ctx	*ctx = (struct spb_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	return (sfl_load(req, &ctx->h, spb_loaded));
}

static int
spb_loaded(struct http_request *req, struct db_ctx *db)
{
	struct spb_ctx		*ctx = (struct spb_ctx *)db;
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
	if (ctx->rev[0] == '\0' || strcmp(s->state, "akkoord") != 0)
		return (sfl_refused(req, ctx->loc, s, MSG_sfl_publish_stale));
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->rev;
	db->fail = spb_fail;
	return (db_chain(req, db, &q_sfl_publish, NULL, spb_done));
}

static int
spb_done(struct http_request *req, struct db_ctx *db)
{
	struct spb_ctx	*ctx = (struct spb_ctx *)db;
	struct sbuf	 to;

	sbuf_init(&to);
	sfl_href(&to, &ctx->h.s, "gepubliceerd");
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
spb_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct spb_ctx	*ctx = (struct spb_ctx *)db;

	if (status != 409) {
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
	return (sfl_refused(req, ctx->loc, &ctx->h.s, MSG_sfl_publish_stale));
}

static void
spb_free(struct http_request *req)
{
	struct spb_ctx	*ctx = http_state_get(req);

	sfl_story_free(&ctx->h.s);
}
