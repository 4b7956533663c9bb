/*
 * A new discussion: /gemeenschappen/<slug>/gesprekken/nieuw
 *
 * GET shows the form (title, first message) with a nonce. POST
 * (multipart: the message has line breaks, STYLE.md c6) previews the
 * typed text (action=preview: nothing saved) or saves it (action=save)
 * through topic_create(), which writes the topic, its opening post and
 * its first revision, makes the writer follow it and tells the
 * community's followers; then 303 to the new discussion. The nonce
 * makes a repeated POST return the first discussion.
 *
 * Who: members of the community and editors (community_may_post).
 * Visitors go to the sign-in page; outsiders of a closed community get
 * 404; others get the page that says only members start discussions,
 * with the way to join. Every refusal shows the form again with what
 * was typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/token.h"
#include "db/q_topic.h"
#include "web/auth.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/topic.h"
#include "web/view.h"

#define TN_PREFIX	"/gemeenschappen/"
#define TN_SUFFIX	"/gesprekken/nieuw"

struct tn_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	char			 slug[PATH_SLUG_MAX + 1];
	int			 bad;
	int			 post;
	int			 save;
	const char		*title;
	const char		*body;
	char			 nonce[TOK_LEN + 1];
	struct topic_comm	 comm;
	struct sbuf		 html;
	struct sbuf		 preview;
	char			 topic_id[24];
	struct fv		 fv;
};

static const char *const	tn_fields[] = { "title", "body", NULL };

static void	tn_read(struct http_request *, struct tn_ctx *);
static int	tn_session(struct http_request *, struct db_ctx *);
static void	tn_row(struct db_ctx *, struct kore_pgsql *, int);
static int	tn_loaded(struct http_request *, struct db_ctx *);
static void	tn_check(struct tn_ctx *);
static void	tn_preview(struct tn_ctx *);
static void	tn_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	tn_saved(struct http_request *, struct db_ctx *);
static int	tn_fail(struct http_request *, struct db_ctx *, int);
static int	tn_render(struct http_request *, struct tn_ctx *, int);
static void	tn_free(struct http_request *);

int
topic_new(struct http_request *req)
{
	struct tn_ctx	*ctx;
	size_t		 n;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), tn_free);
		ctx->loc = resp_locale(req);
		ctx->title = ctx->body = "";
		sbuf_init(&ctx->html);
		sbuf_init(&ctx->preview);
		fv_init(&ctx->fv, ctx->loc);
		n = strlen(req->path);
		if (path_slug_seg(req->path, TN_PREFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1 ||
		    n != strlen(TN_PREFIX) + strlen(ctx->slug) +
		    strlen(TN_SUFFIX))
			ctx->bad = 1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			tn_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, tn_session);
	}
	return (db_run(req));
}

static void
tn_read(struct http_request *req, struct tn_ctx *ctx)
{
	char		*v;

	(void)req_populate_form(req);
	if (http_argument_get_string(req, "title", &v)) {
		form_oneline(v);
		ctx->title = form_trim(v);
	}
	if (http_argument_get_string(req, "body", &v)) {
		form_lf(v);
		ctx->body = form_rtrim(v);
	}
	if (http_argument_get_string(req, "action", &v))
		ctx->save = strcmp(v, "save") == 0;
	if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
		(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
}

static int
tn_session(struct http_request *req, struct db_ctx *db)
{
	struct tn_ctx	*ctx = (struct tn_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_topic_comm, tn_row, tn_loaded));
}

static void
tn_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct tn_ctx	*ctx = (struct tn_ctx *)db;

	topic_comm_read(&ctx->comm, sql, r);
}

static int
tn_loaded(struct http_request *req, struct db_ctx *db)
{
	struct tn_ctx	*ctx = (struct tn_ctx *)db;

	/* A forged POST to something the reader cannot reach: refused. */
	if (ctx->post && !(ctx->comm.found && ctx->comm.read) &&
	    !auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!topic_gate_typed(req, ctx->loc, &ctx->comm, ctx->body))
		return (HTTP_STATE_COMPLETE);
	if (!ctx->comm.post) {
		topic_members_page(req, ctx->loc, &ctx->comm,
		    MSG_topic_new_members_only, ctx->body);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->nonce[0] == '\0')
		tok_new(ctx->nonce);
	if (!ctx->post)
		return (tn_render(req, ctx, 200));
	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (tn_render(req, ctx, 403));
	}
	if (!ctx->save) {
		/* A preview checks only what rendering needs: the length. */
		if (form_chars(ctx->body) > TOPIC_BODY_MAX ||
		    topic_body_html(&ctx->html, ctx->body) == -1) {
			(void)topic_body_ok(&ctx->fv, "body", ctx->body);
			return (tn_render(req, ctx, 400));
		}
		tn_preview(ctx);
		return (tn_render(req, ctx, 200));
	}
	tn_check(ctx);
	if (ctx->fv.nerr > 0)
		return (tn_render(req, ctx, 400));
	if (topic_body_html(&ctx->html, ctx->body) == -1) {
		fv_error(&ctx->fv, "body", MSG_topic_bad_chars, NULL);
		return (tn_render(req, ctx, 400));
	}
	db->params[0] = ctx->comm.id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->title;
	db->params[3] = ctx->body;
	db->params[4] = sbuf_cstr(&ctx->html);
	db->params[5] = ctx->nonce;
	db->fail = tn_fail;
	return (db_chain(req, db, &q_topic_create, tn_save_row, tn_saved));
}

static void
tn_check(struct tn_ctx *ctx)
{
	char	num[24];

	switch (form_text(ctx->title, TOPIC_TITLE_MAX, 1, 0)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		fv_error(&ctx->fv, "title", MSG_topic_title_empty, NULL);
		break;
	case FORM_TOO_LONG:
		(void)snprintf(num, sizeof(num), "%zu",
		    form_chars(ctx->title));
		fv_error(&ctx->fv, "title", MSG_topic_title_long, num);
		break;
	default:
		fv_error(&ctx->fv, "title", MSG_topic_bad_chars, NULL);
		break;
	}
	(void)topic_body_ok(&ctx->fv, "body", ctx->body);
}

static void
tn_preview(struct tn_ctx *ctx)
{
	const struct tpl_bind	b[] = {
		{ "title", ctx->title, TPL_TEXT },
		{ "html", sbuf_cstr(&ctx->html), TPL_TRUSTED_HTML },
	};

	if (view_append(&ctx->preview, VIEW_topic_preview, ctx->loc, b,
	    NBINDS(b)) == -1)
		ctx->db.failed = 1;
}

static void
tn_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct tn_ctx	*ctx = (struct tn_ctx *)db;

	(void)kore_strlcpy(ctx->topic_id, db_text(sql, r, QT_N_TOPIC),
	    sizeof(ctx->topic_id));
}

static int
tn_saved(struct http_request *req, struct db_ctx *db)
{
	struct tn_ctx	*ctx = (struct tn_ctx *)db;
	char		 to[TOPIC_HREF_MAX + 32];

	if (db->nrows != 1 || ctx->topic_id[0] == '\0')
		return (tn_fail(req, db, 503));
	(void)snprintf(to, sizeof(to),
	    "/gemeenschappen/%s/gesprekken/%s?gedaan=gestart", ctx->comm.slug,
	    ctx->topic_id);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

/* Nothing was written: the form again, with the typed text and why. */
static int
tn_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct tn_ctx	*ctx = (struct tn_ctx *)db;

	switch (status) {
	case 403:
		fv_form_error(&ctx->fv, MSG_topic_new_forbidden, NULL);
		break;
	case 404:
		fv_form_error(&ctx->fv, MSG_topic_new_gone, NULL);
		break;
	default:
		fv_form_error(&ctx->fv, MSG_topic_save_failed, NULL);
		break;
	}
	return (tn_render(req, ctx, status));
}

static int
tn_render(struct http_request *req, struct tn_ctx *ctx, int status)
{
	struct sbuf	 lead;
	const char	*args[1];

	if (ctx->db.failed) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&lead);
	args[0] = ctx->comm.name;
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_topic_new_lead), args, 1);
	{
		const struct tpl_bind	fixed[] = {
			{ "slug", ctx->comm.slug, TPL_TEXT },
			{ "name", ctx->comm.name, TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "preview", sbuf_cstr(&ctx->preview),
			    TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "nonce", ctx->nonce, TPL_TEXT },
			{ "title", ctx->title, TPL_TEXT },
			{ "body", ctx->body, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(tn_fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv, tn_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_topic_new_title), "/gemeenschappen",
		    VIEW_topic_new, b, n);
	}
	sbuf_free(&lead);
	return (HTTP_STATE_COMPLETE);
}

static void
tn_free(struct http_request *req)
{
	struct tn_ctx	*ctx = http_state_get(req);

	topic_comm_free(&ctx->comm);
	sbuf_free(&ctx->html);
	sbuf_free(&ctx->preview);
	fv_free(&ctx->fv);
}
