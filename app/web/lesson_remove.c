/*
 * Removing a lesson learned (issue 7):
 *
 *   GET  /lessen/{id}/verwijderen   the question, with the lesson
 *   POST /lessen/{id}/verwijderen   _csrf: lesson_delete(), then 303
 *                                   to the pilot (?gedaan=les_verwijderd)
 *
 * Who: those who may edit the pilot (lesson_delete() checks again).
 * Visitors go to sign in; a lesson whose pilot the reader may not read
 * is 404, one they may read but not edit 403. Links to a removed lesson
 * stay in item_ref and lead to the 404 page, as for any removed item.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "db/q_lesson.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/lesson.h"
#include "web/pilot_show.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

struct lrm_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 bad;
	int		 post;
	char		 id[LESSON_ID_MAX + 1];
	int		 found;
	int		 may_read;
	int		 may_edit;
	char		 slug[PATH_SLUG_MAX + 1];
	char		*title;
	char		*kind;
	char		*statement;
	struct fv	 fv;
};

static int	lrm_session(struct http_request *, struct db_ctx *);
static void	lrm_row(struct db_ctx *, struct kore_pgsql *, int);
static int	lrm_loaded(struct http_request *, struct db_ctx *);
static int	lrm_done(struct http_request *, struct db_ctx *);
static int	lrm_render(struct http_request *, struct lrm_ctx *, int);
static void	lrm_free(struct http_request *);

int
lesson_remove(struct http_request *req)
{
	struct lrm_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), lrm_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = lesson_path_id(req->path, "/verwijderen", ctx->id,
		    sizeof(ctx->id)) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
		}
		db_start(req, &ctx->db, NULL, NULL, lrm_session);
	}
	return (db_run(req));
}

static int
lrm_session(struct http_request *req, struct db_ctx *db)
{
	struct lrm_ctx	*ctx = (struct lrm_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_lesson_get, lrm_row, lrm_loaded));
}

static void
lrm_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct lrm_ctx	*ctx = (struct lrm_ctx *)db;

	ctx->found = 1;
	(void)kore_strlcpy(ctx->slug, db_text(sql, r, QLG_SLUG),
	    sizeof(ctx->slug));
	kore_free(ctx->title);
	kore_free(ctx->kind);
	kore_free(ctx->statement);
	ctx->title = kore_strdup(db_text(sql, r, QLG_TITLE));
	ctx->kind = kore_strdup(db_text(sql, r, QLG_KIND));
	ctx->statement = kore_strdup(db_text(sql, r, QLG_STATEMENT));
	ctx->may_read = strcmp(db_text(sql, r, QLG_MAY_READ), "true") == 0;
	ctx->may_edit = strcmp(db_text(sql, r, QLG_MAY_EDIT), "true") == 0;
}

static int
lrm_loaded(struct http_request *req, struct db_ctx *db)
{
	struct lrm_ctx	*ctx = (struct lrm_ctx *)db;

	/* A forged POST is refused first, whatever it names. */
	if (ctx->post && !auth_post_ok(req, db)) {
		if (!ctx->found || !ctx->may_read || !ctx->may_edit) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (lrm_render(req, ctx, 403));
	}
	if (!ctx->found || !ctx->may_read) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->may_edit) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post)
		return (lrm_render(req, ctx, 200));
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	/* 403 or 404 from SQL: the error page (nothing typed to keep). */
	return (db_chain(req, db, &q_lesson_delete, NULL, lrm_done));
}

static int
lrm_done(struct http_request *req, struct db_ctx *db)
{
	struct lrm_ctx	*ctx = (struct lrm_ctx *)db;
	struct sbuf	 to;

	sbuf_init(&to);
	sbuf_printf(&to, PILOT_PATH "/%s?gedaan=les_verwijderd#pilot_lessons",
	    ctx->slug);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
lrm_render(struct http_request *req, struct lrm_ctx *ctx, int status)
{
	struct sbuf	 lead, action, back;
	const char	*args[1], *title;

	sbuf_init(&lead);
	sbuf_init(&action);
	sbuf_init(&back);
	args[0] = ctx->title;
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_pilot_les_remove_lead), args,
	    1);
	sbuf_printf(&action, LESSON_PATH "/%s/verwijderen", ctx->id);
	sbuf_printf(&back, LESSON_PATH "/%s", ctx->id);
	title = i18n_get(ctx->loc, MSG_pilot_les_remove_title);
	{
		const struct tpl_bind	b[] = {
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "kind", pilot_lesson_kind_name(ctx->loc, ctx->kind),
			    TPL_TEXT },
			{ "statement", ctx->statement, TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
		};
		view_page(req, status, ctx->loc, title, PILOT_PATH,
		    VIEW_lesson_remove, b, NBINDS(b));
	}
	sbuf_free(&lead);
	sbuf_free(&action);
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static void
lrm_free(struct http_request *req)
{
	struct lrm_ctx	*ctx = http_state_get(req);

	kore_free(ctx->title);
	kore_free(ctx->kind);
	kore_free(ctx->statement);
	fv_free(&ctx->fv);
}
