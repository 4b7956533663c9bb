/*
 * POST /gemeenschappen/<slug>/gesprekken/<id>/status   _csrf, action
 *
 * The moderators' buttons: action vastzetten | losmaken | sluiten |
 * heropenen, through topic_act() in SQL (which checks the right again
 * and writes the audit row), then 303 back to the discussion with
 * ?gedaan=<word>. A topic in another community, or one the actor may
 * not read, is 404 (topic_act raises P0002); someone who may read but
 * not moderate gets a page that says so (403).
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_topic.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/topic.h"

#define TA_PREFIX	"/gemeenschappen/"

static const char *const	ta_actions[] = {
	"vastzetten", "losmaken", "sluiten", "heropenen", NULL
};
static const char *const	ta_done[] = {
	"vastgezet", "losgemaakt", "gesloten", "heropend"
};

struct ta_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	char		 id[TOPIC_ID_MAX + 1];
	int		 bad;
	int		 act;
	char		 href[TOPIC_HREF_MAX];
};

static int	ta_session(struct http_request *, struct db_ctx *);
static int	ta_fail(struct http_request *, struct db_ctx *, int);
static int	ta_done_cb(struct http_request *, struct db_ctx *);

int
topic_status(struct http_request *req)
{
	struct ta_ctx	*ctx;
	const char	*p;
	char		*v;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		ctx = http_state_create(req, sizeof(*ctx), NULL);
		ctx->loc = resp_locale(req);
		ctx->act = -1;
		if (path_slug_seg(req->path, TA_PREFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1)
			ctx->bad = 1;
		else {
			p = req->path + strlen(TA_PREFIX) + strlen(ctx->slug);
			if (strncmp(p, "/gesprekken/", 12) != 0 ||
			    topic_id_at(p + 12, ctx->id, sizeof(ctx->id),
			    &p) == -1 || strcmp(p, "/status") != 0)
				ctx->bad = 1;
		}
		(void)snprintf(ctx->href, sizeof(ctx->href),
		    "/gemeenschappen/%s/gesprekken/%s", ctx->slug, ctx->id);
		if (http_argument_get_string(req, "action", &v))
			ctx->act = form_choice(v, ta_actions);
		db_start(req, &ctx->db, NULL, NULL, ta_session);
	}
	return (db_run(req));
}

static int
ta_session(struct http_request *req, struct db_ctx *db)
{
	struct ta_ctx	*ctx = (struct ta_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db))
		return (topic_message(req, ctx->loc, 403, MSG_err_403_title,
		    MSG_topic_csrf_text, ctx->bad ? NULL : ctx->href,
		    MSG_topic_back_topic));
	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->act == -1)
		return (topic_message(req, ctx->loc, 400, MSG_err_400_title,
		    MSG_topic_bad_action, ctx->href, MSG_topic_back_topic));
	db->params[0] = ctx->slug;
	db->params[1] = ctx->id;
	db->params[2] = db->user.id;
	db->params[3] = ta_actions[ctx->act];
	db->fail = ta_fail;
	return (db_chain(req, db, &q_topic_act, NULL, ta_done_cb));
}

static int
ta_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct ta_ctx	*ctx = (struct ta_ctx *)db;

	if (status == 403)
		return (topic_message(req, ctx->loc, 403, MSG_err_403_title,
		    MSG_topic_moderators_only, ctx->href,
		    MSG_topic_back_topic));
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static int
ta_done_cb(struct http_request *req, struct db_ctx *db)
{
	struct ta_ctx	*ctx = (struct ta_ctx *)db;
	char		 to[TOPIC_HREF_MAX + 32];

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	(void)snprintf(to, sizeof(to), "%s?gedaan=%s", ctx->href,
	    ta_done[ctx->act]);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}
