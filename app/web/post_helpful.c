/*
 * POST /berichten/<id>/nuttig   _csrf, on=1|0
 *
 * Marks a post helpful (on=1) or takes the mark back (on=0) through
 * post_helpful_set() in SQL, then 303 back to the post in its
 * discussion with ?gedaan=nuttig|niet_nuttig. Anyone signed in who may
 * read the discussion may mark; not one's own post (409, a page that
 * says so) and not a hidden one (404). Outsiders get 404.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_topic.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/topic.h"

#define PU_PREFIX	"/berichten/"

struct pu_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 id[TOPIC_ID_MAX + 1];
	int		 bad;
	int		 on;		/* 1, 0, or -1: missing or wrong */
	int		 read;
	int		 own;
	int		 set;
	long		 n;
	char		*href;		/* the topic */
};

static int	pu_session(struct http_request *, struct db_ctx *);
static void	pu_row(struct db_ctx *, struct kore_pgsql *, int);
static int	pu_done(struct http_request *, struct db_ctx *);
static void	pu_href(struct sbuf *, struct pu_ctx *, const char *);
static void	pu_free(struct http_request *);

int
post_helpful(struct http_request *req)
{
	struct pu_ctx	*ctx;
	const char	*p;
	char		*v;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		ctx = http_state_create(req, sizeof(*ctx), pu_free);
		ctx->loc = resp_locale(req);
		ctx->on = -1;
		if (strncmp(req->path, PU_PREFIX, strlen(PU_PREFIX)) != 0 ||
		    topic_id_at(req->path + strlen(PU_PREFIX), ctx->id,
		    sizeof(ctx->id), &p) == -1 || strcmp(p, "/nuttig") != 0)
			ctx->bad = 1;
		if (http_argument_get_string(req, "on", &v)) {
			if (strcmp(v, "1") == 0)
				ctx->on = 1;
			else if (strcmp(v, "0") == 0)
				ctx->on = 0;
		}
		db_start(req, &ctx->db, NULL, NULL, pu_session);
	}
	return (db_run(req));
}

static int
pu_session(struct http_request *req, struct db_ctx *db)
{
	struct pu_ctx	*ctx = (struct pu_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db))
		return (topic_message(req, ctx->loc, 403, MSG_err_403_title,
		    MSG_topic_csrf_text, NULL, MSG_topic_back_topic));
	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->on == -1)
		return (topic_message(req, ctx->loc, 400, MSG_err_400_title,
		    MSG_topic_bad_action, NULL, MSG_topic_back_topic));
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->on ? "1" : "0";
	return (db_chain(req, db, &q_post_helpful, pu_row, pu_done));
}

static void
pu_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct pu_ctx	*ctx = (struct pu_ctx *)db;

	ctx->read = strcmp(db_text(sql, r, QT_M_READ), "t") == 0;
	ctx->own = strcmp(db_text(sql, r, QT_M_OWN), "t") == 0;
	ctx->set = !db_isnull(sql, r, QT_M_SET);
	ctx->n = atol(db_text(sql, r, QT_M_N));
	kore_free(ctx->href);
	ctx->href = kore_strdup(db_text(sql, r, QT_M_HREF));
}

static int
pu_done(struct http_request *req, struct db_ctx *db)
{
	struct pu_ctx	*ctx = (struct pu_ctx *)db;
	struct sbuf	 to;

	if (db->nrows != 1 || !ctx->read || ctx->n < 1 ||
	    !path_local_ok(ctx->href)) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&to);
	if (ctx->own || !ctx->set) {
		pu_href(&to, ctx, NULL);
		(void)topic_message(req, ctx->loc, 409, MSG_err_409_title,
		    MSG_topic_helpful_own, sbuf_cstr(&to),
		    MSG_topic_back_topic);
	} else {
		pu_href(&to, ctx, ctx->on ? "nuttig" : "niet_nuttig");
		resp_redirect(req, sbuf_cstr(&to));
	}
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

/* The post on its page, with ?gedaan=word (or none). */
static void
pu_href(struct sbuf *out, struct pu_ctx *ctx, const char *word)
{
	char	sep;

	sbuf_puts(out, ctx->href);
	sep = '?';
	if (ctx->n > QT_PER_PAGE) {
		sbuf_printf(out, "?pagina=%ld", (ctx->n - 1) / QT_PER_PAGE + 1);
		sep = '&';
	}
	if (word != NULL)
		sbuf_printf(out, "%cgedaan=%s", sep, word);
	sbuf_printf(out, "#bericht-%ld", ctx->n);
}

static void
pu_free(struct http_request *req)
{
	struct pu_ctx	*ctx = http_state_get(req);

	kore_free(ctx->href);
}
