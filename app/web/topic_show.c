/*
 * A discussion: /gemeenschappen/<slug>/gesprekken/<id>
 *
 * GET   ?pagina=N (25 posts a page), ?citeer=<post id> (the reply box
 *       starts with that post quoted), ?gedaan=WORD (a notice)
 * POST  a reply (multipart: _csrf, nonce, body, quote): post_create()
 *       in SQL, then 303 to the page of the new post, #bericht-N.
 *
 * The page is one query (q_topic_page): the community and the reader's
 * rights, the topic, the quoted post and the posts of the page. Who may
 * read is decided there; topic_gate() answers 404 or the members-only
 * page. A refused reply (field errors, CSRF, closed meanwhile, no longer
 * a member) shows the last page again with the typed text and why; the
 * reply form sits at the end of the discussion, so that is where the
 * reader was. The nonce makes a repeated POST return the first reply.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_topic.h"
#include "web/auth.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/topic_show.h"
#include "web/view.h"

#define TS_PREFIX	"/gemeenschappen/"

static int	ts_parse(struct http_request *, struct ts_ctx *);
static void	ts_read(struct http_request *, struct ts_ctx *);
static int	ts_session(struct http_request *, struct db_ctx *);
static int	ts_loaded(struct http_request *, struct db_ctx *);
static int	ts_reply(struct http_request *, struct ts_ctx *);
static void	ts_reply_row(struct db_ctx *, struct kore_pgsql *, int);
static int	ts_replied(struct http_request *, struct db_ctx *);
static int	ts_reply_fail(struct http_request *, struct db_ctx *, int);
static void	ts_free(struct http_request *);

int
topic_show(struct http_request *req)
{
	struct ts_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), ts_free);
		ctx->loc = resp_locale(req);
		ctx->gedaan = "";
		ctx->body = "";
		sbuf_init(&ctx->quoted);
		sbuf_init(&ctx->posts);
		sbuf_init(&ctx->html);
		fv_init(&ctx->fv, ctx->loc);
		if (ts_parse(req, ctx) == -1)
			ctx->bad = 1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			ts_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, ts_session);
	}
	return (db_run(req));
}

/* "/gemeenschappen/<slug>/gesprekken/<id>" and the query string. */
static int
ts_parse(struct http_request *req, struct ts_ctx *ctx)
{
	const char	*p;
	char		*v;

	if (path_slug_seg(req->path, TS_PREFIX, ctx->slug,
	    sizeof(ctx->slug)) == -1)
		return (-1);
	p = req->path + strlen(TS_PREFIX) + strlen(ctx->slug);
	if (strncmp(p, "/gesprekken/", 12) != 0 ||
	    topic_id_at(p + 12, ctx->id, sizeof(ctx->id), &p) == -1 ||
	    *p != '\0')
		return (-1);
	(void)snprintf(ctx->href, sizeof(ctx->href),
	    "/gemeenschappen/%s/gesprekken/%s", ctx->slug, ctx->id);
	if (req->method == HTTP_METHOD_POST) {
		/* A reply lands on the last page. */
		(void)kore_strlcpy(ctx->page_s, "0", sizeof(ctx->page_s));
		return (0);
	}
	http_populate_get(req);
	if (path_query_args(req->query_string) > 3 ||
	    !topic_page_arg(req, &ctx->page))
		return (-1);
	(void)snprintf(ctx->page_s, sizeof(ctx->page_s), "%ld", ctx->page);
	if (http_argument_get_string(req, "gedaan", &v))
		ctx->gedaan = v;
	if (http_argument_get_string(req, "citeer", &v) &&
	    topic_id_at(v, ctx->citeer, sizeof(ctx->citeer), NULL) == -1)
		ctx->citeer[0] = '\0';
	return (0);
}

/* The reply's fields, as typed (line breaks made LF). */
static void
ts_read(struct http_request *req, struct ts_ctx *ctx)
{
	char		*v;

	(void)req_populate_form(req);
	if (http_argument_get_string(req, "body", &v)) {
		form_lf(v);
		ctx->body = form_rtrim(v);
	}
	if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
		(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
	if (http_argument_get_string(req, "quote", &v) &&
	    topic_id_at(v, ctx->quote, sizeof(ctx->quote), NULL) == -1)
		ctx->quote[0] = '\0';
}

static int
ts_session(struct http_request *req, struct db_ctx *db)
{
	struct ts_ctx	*ctx = (struct ts_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->post && !auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	ctx->csrf = auth_csrf(req);
	db->params[0] = ctx->slug;
	db->params[1] = ctx->id;
	db->params[2] = db->user.id;
	db->params[3] = ctx->page_s;
	db->params[4] = ctx->citeer;
	return (db_chain(req, db, &q_topic_page, ts_row, ts_loaded));
}

static int
ts_loaded(struct http_request *req, struct db_ctx *db)
{
	struct ts_ctx	*ctx = (struct ts_ctx *)db;

	/* A forged POST to something the reader cannot reach: refused. */
	if (ctx->post && !(ctx->found && ctx->comm.found && ctx->comm.read) &&
	    !auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!topic_gate_typed(req, ctx->loc, &ctx->comm, ctx->body))
		return (HTTP_STATE_COMPLETE);
	if (!ctx->found || ctx->cur < 1 || ctx->cur > ctx->pages) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post) {
		tok_new(ctx->nonce);
		return (ts_render(req, ctx, 200));
	}
	if (ctx->nonce[0] == '\0')
		tok_new(ctx->nonce);
	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (ts_render(req, ctx, 403));
	}
	if (!ctx->comm.post) {
		fv_form_error(&ctx->fv, MSG_topic_reply_not_member, NULL);
		return (ts_render(req, ctx, 403));
	}
	if ((ctx->closed || ctx->hidden) && !ctx->comm.moderate) {
		fv_form_error(&ctx->fv, ctx->closed ? MSG_topic_reply_closed :
		    MSG_topic_reply_hidden, NULL);
		return (ts_render(req, ctx, 409));
	}
	if (!topic_body_ok(&ctx->fv, "body", ctx->body))
		return (ts_render(req, ctx, 400));
	return (ts_reply(req, ctx));
}

static int
ts_reply(struct http_request *req, struct ts_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	if (topic_body_html(&ctx->html, ctx->body) == -1) {
		fv_error(&ctx->fv, "body", MSG_topic_bad_chars, NULL);
		return (ts_render(req, ctx, 400));
	}
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->body;
	db->params[3] = sbuf_cstr(&ctx->html);
	db->params[4] = ctx->quote;
	db->params[5] = ctx->nonce;
	db->fail = ts_reply_fail;
	return (db_chain(req, db, &q_topic_reply, ts_reply_row, ts_replied));
}

static void
ts_reply_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct ts_ctx	*ctx = (struct ts_ctx *)db;

	(void)kore_strlcpy(ctx->new_id, db_text(sql, r, QT_R_POST),
	    sizeof(ctx->new_id));
	ctx->new_n = atol(db_text(sql, r, QT_R_N));
}

static int
ts_replied(struct http_request *req, struct db_ctx *db)
{
	struct ts_ctx	*ctx = (struct ts_ctx *)db;
	struct sbuf	 to;
	long		 page;

	if (db->nrows != 1 || ctx->new_n < 1)
		return (ts_reply_fail(req, db, 503));
	page = (ctx->new_n - 1) / QT_PER_PAGE + 1;
	sbuf_init(&to);
	sbuf_puts(&to, ctx->href);
	if (page > 1)
		sbuf_printf(&to, "?pagina=%ld&gedaan=geplaatst", page);
	else
		sbuf_puts(&to, "?gedaan=geplaatst");
	sbuf_printf(&to, "#bericht-%ld", ctx->new_n);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

/* Nothing was written: the page again, with the typed text and why. */
static int
ts_reply_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct ts_ctx	*ctx = (struct ts_ctx *)db;
	enum msg_id	 m;

	switch (status) {
	case 403:
		m = MSG_topic_reply_not_member;
		break;
	case 404:
		m = MSG_topic_reply_gone;
		break;
	case 409:
		m = MSG_topic_reply_closed;
		break;
	default:
		m = MSG_topic_save_failed;
		break;
	}
	fv_form_error(&ctx->fv, m, NULL);
	return (ts_render(req, ctx, status));
}

static void
ts_free(struct http_request *req)
{
	struct ts_ctx	*ctx = http_state_get(req);

	topic_comm_free(&ctx->comm);
	kore_free(ctx->title);
	sbuf_free(&ctx->quoted);
	sbuf_free(&ctx->posts);
	sbuf_free(&ctx->html);
	fv_free(&ctx->fv);
}
