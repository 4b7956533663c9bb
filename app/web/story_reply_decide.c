/*
 * The storyteller's and editors' buttons for replies (issue 9):
 *
 *   POST /verhalen/{slug}/instellingen  _csrf, reacties=aan|uit
 *        (the storyteller) -> story_replies_set(), then 303 to
 *        /verhalen/{slug}?gedaan=instellingen
 *   POST /reacties/{id}  _csrf, besluit=geplaatst|afgewezen, terug
 *        (the storyteller, or an editor who may read the story)
 *        -> story_reply_decide(), then 303 to terug (a local path), else
 *        to the story with ?gedaan=geplaatst|afgewezen#reacties
 *
 * A story the reader may not read is 404; a reader who may not do this
 * 403; a reply decided already a 409 page; another word a 422 page.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "db/q_story_extra.h"
#include "web/auth.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/story_reply.h"

#define SRD_BACK_MAX	512

struct srs_ctx {
	struct sx_head	 h;
	enum locale	 loc;
	int		 bad;
	char		 value[8];
};

struct srd_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 bad;
	char		 id[SX_ID_MAX + 1];
	char		 besluit[16];
	char		 terug[SRD_BACK_MAX + 1];
	char		 slug[PATH_SLUG_MAX + 1];
};

static int	srs_session(struct http_request *, struct db_ctx *);
static int	srs_loaded(struct http_request *, struct db_ctx *);
static int	srs_done(struct http_request *, struct db_ctx *);
static void	srs_free(struct http_request *);

static int	srd_session(struct http_request *, struct db_ctx *);
static void	srd_row(struct db_ctx *, struct kore_pgsql *, int);
static int	srd_done(struct http_request *, struct db_ctx *);
static int	srd_fail(struct http_request *, struct db_ctx *, int);
static const char *srd_back(struct srd_ctx *);

int
story_replies_setting(struct http_request *req)
{
	struct srs_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), srs_free);
		ctx->loc = resp_locale(req);
		ctx->bad = sx_path(req->path, "/instellingen", &ctx->h.s) == -1;
		(void)req_populate_form(req);
		if (http_argument_get_string(req, "reacties", &v))
			(void)kore_strlcpy(ctx->value, v, sizeof(ctx->value));
		db_start(req, &ctx->h.db, NULL, NULL, srs_session);
	}
	return (db_run(req));
}

static int
srs_session(struct http_request *req, struct db_ctx *db)
{
	struct srs_ctx	*ctx = (struct srs_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (sx_load(req, &ctx->h, srs_loaded));
}

static int
srs_loaded(struct http_request *req, struct db_ctx *db)
{
	struct srs_ctx	*ctx = (struct srs_ctx *)db;
	struct sx_story	*s = &ctx->h.s;
	struct sbuf	 back;

	if (!s->found || !s->may_read) {
		/* A forged POST is refused as such, found or not. */
		resp_error(req, req->method == HTTP_METHOD_POST &&
		    !auth_post_ok(req, db) ? 403 : 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_post_ok(req, db) || !s->teller) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (strcmp(ctx->value, "aan") != 0 && strcmp(ctx->value, "uit") != 0) {
		sbuf_init(&back);
		sx_href(&back, s->slug, NULL, NULL);
		sx_message(req, ctx->loc, 422, MSG_sx_choice_title,
		    MSG_sx_choice_text, sbuf_cstr(&back), MSG_sx_back_story);
		sbuf_free(&back);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->value;
	return (db_chain(req, db, &q_sx_replies_set, NULL, srs_done));
}

static int
srs_done(struct http_request *req, struct db_ctx *db)
{
	struct srs_ctx	*ctx = (struct srs_ctx *)db;
	struct sbuf	 to;

	sbuf_init(&to);
	sx_href(&to, ctx->h.s.slug, "instellingen", NULL);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static void
srs_free(struct http_request *req)
{
	struct srs_ctx	*ctx = http_state_get(req);

	sx_story_free(&ctx->h.s);
}

int
story_reply_decide(struct http_request *req)
{
	struct srd_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), NULL);
		ctx->loc = resp_locale(req);
		ctx->bad = sx_id_path(req->path, "/reacties/", "", ctx->id,
		    sizeof(ctx->id)) == -1;
		(void)req_populate_form(req);
		if (http_argument_get_string(req, "besluit", &v))
			(void)kore_strlcpy(ctx->besluit, v,
			    sizeof(ctx->besluit));
		if (http_argument_get_string(req, "terug", &v) &&
		    path_local_ok(v))
			(void)kore_strlcpy(ctx->terug, v, sizeof(ctx->terug));
		db_start(req, &ctx->db, NULL, NULL, srd_session);
	}
	return (db_run(req));
}

static const char *
srd_back(struct srd_ctx *ctx)
{
	return (ctx->terug[0] != '\0' ? ctx->terug : "/");
}

static int
srd_session(struct http_request *req, struct db_ctx *db)
{
	struct srd_ctx	*ctx = (struct srd_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (strcmp(ctx->besluit, "geplaatst") != 0 &&
	    strcmp(ctx->besluit, "afgewezen") != 0) {
		sx_message(req, ctx->loc, 422, MSG_sx_choice_title,
		    MSG_sx_choice_text, srd_back(ctx), MSG_sx_back);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->besluit;
	db->fail = srd_fail;
	return (db_chain(req, db, &q_sx_reply_decide, srd_row, srd_done));
}

static void
srd_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct srd_ctx	*ctx = (struct srd_ctx *)db;

	(void)kore_strlcpy(ctx->slug, db_text(sql, r, 1), sizeof(ctx->slug));
}

static int
srd_done(struct http_request *req, struct db_ctx *db)
{
	struct srd_ctx	*ctx = (struct srd_ctx *)db;
	struct sbuf	 to;

	if (ctx->terug[0] != '\0') {
		resp_redirect(req, ctx->terug);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&to);
	sx_href(&to, ctx->slug, ctx->besluit, "reacties");
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
srd_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct srd_ctx	*ctx = (struct srd_ctx *)db;

	if (status == 409) {
		sx_message(req, ctx->loc, 409, MSG_sx_decided_title,
		    MSG_sx_decided_text, srd_back(ctx), MSG_sx_back);
		return (HTTP_STATE_COMPLETE);
	}
	resp_error(req, status == 400 ? 422 : status);
	return (HTTP_STATE_COMPLETE);
}
