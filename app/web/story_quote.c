/*
 * Quotes from stories on the monitor (issue 9):
 *
 *   GET  /verhalen/{slug}/citaten   the story and a form: the exact
 *        passage and the change goal it belongs to
 *   POST (multipart) _csrf, citaat, opgave -> story_quote_add(), then
 *        303 to /monitor/{opgave}#citaten
 *   POST /citaten/{id}/verwijderen  _csrf, terug -> story_quote_remove(),
 *        then 303 to terug or the goal's monitor page
 *
 * Who: editors. A story they may not read is 404; one whose storyteller
 * did not allow quoting (story_quotable: published, scope citeren,
 * public) a 409 page. A passage that is not word for word in the story
 * comes back with a message (422).
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/path.h"
#include "db/q_story_extra.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/story_reply.h"
#include "web/view.h"

#define SQN_MIN		10
#define SQN_MAX		600
#define SQR_BACK_MAX	512

struct sqn_ctx {
	struct sx_head	 h;
	enum locale	 loc;
	int		 bad;
	int		 post;
	int		 goal_ok;
	const char	*text;
	char		 goal[PATH_SLUG_MAX + 1];
	struct sbuf	 options;
	int		 failed;
	struct fv	 fv;
};

struct sqr_ctx {
	struct db_ctx	 db;
	int		 bad;
	char		 id[SX_ID_MAX + 1];
	char		 terug[SQR_BACK_MAX + 1];
	char		 goal[PATH_SLUG_MAX + 1];
};

static const char *const	sqn_fields[] = { "citaat", "opgave", NULL };

static int	sqn_session(struct http_request *, struct db_ctx *);
static int	sqn_loaded(struct http_request *, struct db_ctx *);
static void	sqn_goal_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sqn_goals(struct http_request *, struct db_ctx *);
static void	sqn_check(struct sqn_ctx *);
static int	sqn_done(struct http_request *, struct db_ctx *);
static int	sqn_fail(struct http_request *, struct db_ctx *, int);
static int	sqn_closed(struct http_request *, struct sqn_ctx *);
static int	sqn_render(struct http_request *, struct sqn_ctx *, int);
static void	sqn_free(struct http_request *);

static int	sqr_session(struct http_request *, struct db_ctx *);
static void	sqr_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sqr_done(struct http_request *, struct db_ctx *);

int
story_quote_new(struct http_request *req)
{
	struct sqn_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), sqn_free);
		ctx->loc = resp_locale(req);
		ctx->text = "";
		sbuf_init(&ctx->options);
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = sx_path(req->path, "/citaten", &ctx->h.s) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "citaat", &v)) {
				form_lf(v);
				ctx->text = form_trim(v);
			}
			if (http_argument_get_string(req, "opgave", &v))
				(void)kore_strlcpy(ctx->goal, v,
				    sizeof(ctx->goal));
		}
		db_start(req, &ctx->h.db, NULL, NULL, sqn_session);
	}
	return (db_run(req));
}

static int
sqn_session(struct http_request *req, struct db_ctx *db)
{
	struct sqn_ctx	*ctx = (struct sqn_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_REDACTEUR))
		return (HTTP_STATE_COMPLETE);
	return (sx_load(req, &ctx->h, sqn_loaded));
}

static int
sqn_loaded(struct http_request *req, struct db_ctx *db)
{
	struct sqn_ctx	*ctx = (struct sqn_ctx *)db;
	struct sx_story	*s = &ctx->h.s;

	if (!s->found || !s->may_read) {
		/* A forged POST is refused as such, found or not. */
		resp_error(req, req->method == HTTP_METHOD_POST &&
		    !auth_post_ok(req, db) ? 403 : 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!s->editor) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!s->quotable)
		return (sqn_closed(req, ctx));
	return (db_chain(req, db, &q_sx_goals, sqn_goal_row, sqn_goals));
}

static void
sqn_goal_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sqn_ctx	*ctx = (struct sqn_ctx *)db;
	const char	*slug = db_text(sql, r, 0);
	int		 sel;

	sel = strcmp(slug, ctx->goal) == 0;
	if (sel)
		ctx->goal_ok = 1;
	{
		const struct tpl_bind	b[] = {
			{ "value", slug, TPL_TEXT },
			{ "label", db_text(sql, r, 1), TPL_TEXT },
			{ "selected", sel ? " selected" : "",
			    TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->options, VIEW_story_quote_option,
		    ctx->loc, b, NBINDS(b)) == -1)
			ctx->failed = 1;
	}
}

static int
sqn_goals(struct http_request *req, struct db_ctx *db)
{
	struct sqn_ctx	*ctx = (struct sqn_ctx *)db;

	if (!ctx->post)
		return (sqn_render(req, ctx, 200));
	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (sqn_render(req, ctx, 403));
	}
	sqn_check(ctx);
	if (ctx->fv.nerr > 0)
		return (sqn_render(req, ctx, 422));
	db->params[0] = ctx->h.s.id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->goal;
	db->params[3] = ctx->text;
	db->fail = sqn_fail;
	return (db_chain(req, db, &q_sx_quote_add, NULL, sqn_done));
}

/* The same checks as story_quote_add(), each with its own message. */
static void
sqn_check(struct sqn_ctx *ctx)
{
	const char	*body = ctx->h.s.body_md;
	size_t		 n;

	if (!ctx->goal_ok)
		fv_error(&ctx->fv, "opgave", MSG_sx_quote_goal_missing, NULL);
	if (form_text(ctx->text, SQN_MAX, 1, 1) == FORM_BAD_CHARS) {
		(void)fv_check(&ctx->fv, "citaat", FORM_BAD_CHARS, SQN_MAX);
		return;
	}
	n = form_chars(ctx->text);
	if (n < SQN_MIN || n > SQN_MAX)
		fv_error(&ctx->fv, "citaat", MSG_sx_quote_length, NULL);
	else if (body == NULL || strstr(body, ctx->text) == NULL)
		fv_error(&ctx->fv, "citaat", MSG_sx_quote_not_in_story, NULL);
}

static int
sqn_done(struct http_request *req, struct db_ctx *db)
{
	struct sqn_ctx	*ctx = (struct sqn_ctx *)db;
	struct sbuf	 to;

	sbuf_init(&to);
	sbuf_printf(&to, "/monitor/%s#citaten", ctx->goal);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
sqn_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct sqn_ctx	*ctx = (struct sqn_ctx *)db;

	switch (status) {
	case 409:
		return (sqn_closed(req, ctx));
	case 403:
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	case 404:
		fv_error(&ctx->fv, "opgave", MSG_sx_quote_goal_missing, NULL);
		status = 422;
		break;
	case 400:
		fv_error(&ctx->fv, "citaat", MSG_sx_quote_not_in_story, NULL);
		status = 422;
		break;
	default:
		fv_form_error(&ctx->fv, MSG_sx_save_failed, NULL);
		break;
	}
	return (sqn_render(req, ctx, status));
}

static int
sqn_closed(struct http_request *req, struct sqn_ctx *ctx)
{
	struct sbuf	back;

	sbuf_init(&back);
	sx_href(&back, ctx->h.s.slug, NULL, NULL);
	sx_message(req, ctx->loc, 409, MSG_sx_quote_closed_title,
	    MSG_sx_quote_closed_text, sbuf_cstr(&back), MSG_sx_back_story);
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static int
sqn_render(struct http_request *req, struct sqn_ctx *ctx, int status)
{
	struct sx_story	*s = &ctx->h.s;
	struct sbuf	 back, action, lead, by;
	const char	*args[1];
	size_t		 nb;

	if (ctx->failed) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&back);
	sbuf_init(&action);
	sbuf_init(&lead);
	sbuf_init(&by);
	sx_href(&back, s->slug, NULL, NULL);
	sx_href(&action, s->slug, NULL, NULL);
	sbuf_puts(&action, "/citaten");
	args[0] = s->title != NULL ? s->title : "";
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_sx_quote_lead), args, 1);
	args[0] = s->pseudonym != NULL ? s->pseudonym : "";
	i18n_fmt(&by, i18n_get(ctx->loc, MSG_sf_by), args, 1);
	{
		/* body_html: md.c at save time. */
		const struct tpl_bind	fixed[] = {
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "title", s->title != NULL ? s->title : "",
			    TPL_TEXT },
			{ "by", sbuf_cstr(&by), TPL_TEXT },
			{ "story", s->body_html != NULL ? s->body_html : "",
			    TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "options", sbuf_cstr(&ctx->options),
			    TPL_TRUSTED_HTML },
			{ "citaat", ctx->text, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(sqn_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, sqn_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc, i18n_get(ctx->loc,
		    MSG_sx_quote_title), SX_PATH, VIEW_story_quote_form, b,
		    nb);
	}
	sbuf_free(&back);
	sbuf_free(&action);
	sbuf_free(&lead);
	sbuf_free(&by);
	return (HTTP_STATE_COMPLETE);
}

static void
sqn_free(struct http_request *req)
{
	struct sqn_ctx	*ctx = http_state_get(req);

	sx_story_free(&ctx->h.s);
	sbuf_free(&ctx->options);
	fv_free(&ctx->fv);
}

int
story_quote_remove(struct http_request *req)
{
	struct sqr_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), NULL);
		ctx->bad = sx_id_path(req->path, "/citaten/", "/verwijderen",
		    ctx->id, sizeof(ctx->id)) == -1;
		(void)req_populate_form(req);
		if (http_argument_get_string(req, "terug", &v) &&
		    path_local_ok(v))
			(void)kore_strlcpy(ctx->terug, v, sizeof(ctx->terug));
		db_start(req, &ctx->db, NULL, NULL, sqr_session);
	}
	return (db_run(req));
}

static int
sqr_session(struct http_request *req, struct db_ctx *db)
{
	struct sqr_ctx	*ctx = (struct sqr_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_REDACTEUR))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_sx_quote_remove, sqr_row, sqr_done));
}

static void
sqr_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sqr_ctx	*ctx = (struct sqr_ctx *)db;

	(void)kore_strlcpy(ctx->goal, db_text(sql, r, 0), sizeof(ctx->goal));
}

static int
sqr_done(struct http_request *req, struct db_ctx *db)
{
	struct sqr_ctx	*ctx = (struct sqr_ctx *)db;
	struct sbuf	 to;

	if (ctx->terug[0] != '\0') {
		resp_redirect(req, ctx->terug);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&to);
	if (ctx->goal[0] != '\0')
		sbuf_printf(&to, "/monitor/%s#citaten", ctx->goal);
	else
		sbuf_puts(&to, "/monitor");
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}
