/*
 * Deleting a group of synonyms (issue 11):
 *
 *   GET  /redactie/zoekwoorden/<id>/verwijderen   the question, with
 *                                                 the group's words
 *   POST /redactie/zoekwoorden/<id>/verwijderen   _csrf:
 *        search_synonym_delete(), then 303 to the list (?gedaan=
 *        verwijderd)
 *
 * Editors only (visitors sign in, members 403); an unknown group is
 * 404, a forged POST 403 with the question again. A group from the
 * standard list says that the list will not bring it back (the
 * function remembers its words for the importer).
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_synonym.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/synonym.h"
#include "web/view.h"

#define SYD_TAIL	"/verwijderen"

struct syd_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 post;
	char		 id[SY_ID_MAX + 1];
	int		 found;
	int		 repo;
	struct sbuf	 line;
	struct fv	 fv;
};

static int	syd_session(struct http_request *, struct db_ctx *);
static void	syd_row(struct db_ctx *, struct kore_pgsql *, int);
static int	syd_loaded(struct http_request *, struct db_ctx *);
static int	syd_done(struct http_request *, struct db_ctx *);
static int	syd_render(struct http_request *, struct syd_ctx *, int);
static void	syd_free(struct http_request *);

int
synonym_delete(struct http_request *req)
{
	struct syd_ctx	*ctx;
	char		 id[SY_ID_MAX + 1];

	if (!http_state_exists(req)) {
		if (synonym_path_id(req->path, SYD_TAIL, id,
		    sizeof(id)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), syd_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->id, id, sizeof(id));
		sbuf_init(&ctx->line);
		fv_init(&ctx->fv, ctx->loc);
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
		}
		db_start(req, &ctx->db, NULL, NULL, syd_session);
	}
	return (db_run(req));
}

static int
syd_session(struct http_request *req, struct db_ctx *db)
{
	struct syd_ctx	*ctx = (struct syd_ctx *)db;

	if (!auth_require(req, db, ROLE_REDACTEUR))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = ctx->id;
	return (db_chain(req, db, &q_synonym_get, syd_row, syd_loaded));
}

static void
syd_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct syd_ctx	*ctx = (struct syd_ctx *)db;

	ctx->found = 1;
	ctx->repo = strcmp(db_text(sql, r, QSY_SOURCE), "repo") == 0;
	sbuf_reset(&ctx->line);
	sbuf_puts(&ctx->line, db_text(sql, r, QSY_LINE));
}

static int
syd_loaded(struct http_request *req, struct db_ctx *db)
{
	struct syd_ctx	*ctx = (struct syd_ctx *)db;

	/* A forged POST is refused first, whatever it names. */
	if (ctx->post && !auth_post_ok(req, db)) {
		if (!ctx->found) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (syd_render(req, ctx, 403));
	}
	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post)
		return (syd_render(req, ctx, 200));
	db->params[0] = db->user.id;
	db->params[1] = ctx->id;
	/* 403 or 404 from SQL: the error page (nothing typed to keep). */
	return (db_chain(req, db, &q_synonym_delete, NULL, syd_done));
}

static int
syd_done(struct http_request *req, struct db_ctx *db)
{
	(void)db;
	resp_redirect(req, SY_PATH "?gedaan=verwijderd");
	return (HTTP_STATE_COMPLETE);
}

static int
syd_render(struct http_request *req, struct syd_ctx *ctx, int status)
{
	struct sbuf	 lead, repo;
	const char	*args[1];
	int		 rc;

	sbuf_init(&lead);
	sbuf_init(&repo);
	args[0] = sbuf_cstr(&ctx->line);
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_sy_delete_lead), args, 1);
	rc = 0;
	if (ctx->repo) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_sy_delete_repo),
			    TPL_TEXT },
		};
		rc = view_append(&repo, VIEW_synonym_note, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "repo", sbuf_cstr(&repo), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "id", ctx->id, TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
		};
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_sy_delete_title), "/redactie",
		    VIEW_synonym_delete, b, NBINDS(b));
	}
	sbuf_free(&lead);
	sbuf_free(&repo);
	return (HTTP_STATE_COMPLETE);
}

static void
syd_free(struct http_request *req)
{
	struct syd_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->line);
	fv_free(&ctx->fv);
}
