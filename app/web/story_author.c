/*
 * Who wrote a story: the one way to see it, for admins (issue 9):
 *
 *   GET  /verhalen/{slug}/auteur   what looking means (it is recorded)
 *        and a button
 *   POST _csrf -> story_author_look(), which writes the audit row
 *        'verhaal_auteur_bekeken' with the admin as actor; the page then
 *        names the account with links to /mensen/<id> and to the
 *        account in /beheer/gebruikers, or says "voormalig lid"
 *
 * A story the reader may not read is 404 (for admins too: a concept
 * or a withdrawn story is its storyteller's alone); other readers who
 * are not admins get 403. Never cached:
 * resp_html() sends no-store to every signed-in reader.
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

struct sau_ctx {
	struct sfl_head	 h;
	enum locale	 loc;
	int		 bad;
	int		 post;
	int		 got;
	char		 acct[24];
	char		*name;
	int		 deleted;
};

static int	sau_session(struct http_request *, struct db_ctx *);
static int	sau_loaded(struct http_request *, struct db_ctx *);
static void	sau_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sau_done(struct http_request *, struct db_ctx *);
static int	sau_render(struct http_request *, struct sau_ctx *, int);
static void	sau_free(struct http_request *);

int
story_author(struct http_request *req)
{
	struct sau_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), sau_free);
		ctx->loc = resp_locale(req);
		ctx->bad = sfl_path(req->path, "/auteur", &ctx->h.s) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
		}
		db_start(req, &ctx->h.db, NULL, NULL, sau_session);
	}
	return (db_run(req));
}

static int
sau_session(struct http_request *req, struct db_ctx *db)
{
	struct sau_ctx	*ctx = (struct sau_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	return (sfl_load(req, &ctx->h, sau_loaded));
}

static int
sau_loaded(struct http_request *req, struct db_ctx *db)
{
	struct sau_ctx		*ctx = (struct sau_ctx *)db;
	struct sfl_story	*s = &ctx->h.s;

	if (!s->found || !s->read) {
		/* A forged POST is refused as such, found or not. */
		resp_error(req, req->method == HTTP_METHOD_POST &&
		    !auth_post_ok(req, db) ? 403 : 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!s->admin) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post)
		return (sau_render(req, ctx, 200));
	if (!auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_sfl_author, sau_row, sau_done));
}

static void
sau_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sau_ctx	*ctx = (struct sau_ctx *)db;

	ctx->got = 1;
	(void)kore_strlcpy(ctx->acct, db_text(sql, r, QSA_ID),
	    sizeof(ctx->acct));
	kore_free(ctx->name);
	ctx->name = kore_strdup(db_text(sql, r, QSA_NAME));
	ctx->deleted = strcmp(db_text(sql, r, QSA_DELETED), "true") == 0;
}

static int
sau_done(struct http_request *req, struct db_ctx *db)
{
	return (sau_render(req, (struct sau_ctx *)db, 200));
}

static int
sau_render(struct http_request *req, struct sau_ctx *ctx, int status)
{
	struct sfl_story	*s = &ctx->h.s;
	struct sbuf		 result, action, back, href, find;
	int			 rc = 0;

	sbuf_init(&result);
	sbuf_init(&action);
	sbuf_init(&back);
	sbuf_init(&href);
	sbuf_init(&find);
	sfl_href(&back, s, NULL);
	sfl_href(&action, s, NULL);
	sbuf_puts(&action, "/auteur");
	if (ctx->post && (!ctx->got || ctx->deleted || *ctx->name == '\0')) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, ctx->got ?
			    MSG_sfl_author_former : MSG_sfl_author_nobody),
			    TPL_TEXT },
		};
		rc |= view_append(&result, VIEW_story_author_none, ctx->loc,
		    b, NBINDS(b));
	} else if (ctx->post) {
		sbuf_printf(&href, "/mensen/%s", ctx->acct);
		sbuf_puts(&find, "/beheer/gebruikers?q=");
		sbuf_urlenc(&find, ctx->name);
		{
			const struct tpl_bind	b[] = {
				{ "name", ctx->name, TPL_TEXT },
				{ "href", sbuf_cstr(&href), TPL_TEXT },
				{ "find", sbuf_cstr(&find), TPL_TEXT },
			};
			rc |= view_append(&result, VIEW_story_author_result,
			    ctx->loc, b, NBINDS(b));
		}
	} else {
		const struct tpl_bind	b[] = {
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
		};
		rc |= view_append(&result, VIEW_story_author_form, ctx->loc,
		    b, NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "title", s->title, TPL_TEXT },
			{ "pseudonym", s->pseudonym, TPL_TEXT },
			{ "result", sbuf_cstr(&result), TPL_TRUSTED_HTML },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
		};
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_sfl_author_title), SFL_PATH,
		    VIEW_story_author, b, NBINDS(b));
	}
	sbuf_free(&result);
	sbuf_free(&action);
	sbuf_free(&back);
	sbuf_free(&href);
	sbuf_free(&find);
	return (HTTP_STATE_COMPLETE);
}

static void
sau_free(struct http_request *req)
{
	struct sau_ctx	*ctx = http_state_get(req);

	sfl_story_free(&ctx->h.s);
	kore_free(ctx->name);
}
