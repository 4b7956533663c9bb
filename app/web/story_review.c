/*
 * An editor reviews a story (issue 9):
 *
 *   GET  /verhalen/{slug}/beoordelen   the story as its storyteller
 *        wrote it (title, pseudonym, summary, warnings, text), what they
 *        ticked on the checklist, their latest consent (never the
 *        guardian's name), earlier reviews, and the review form while
 *        the story waits (ter_review); the form on a wider scope while
 *        one is asked for
 *   POST (multipart) _csrf, rev, besluit=voorstel|akkoord, notes,
 *        herkenbaar, veilig -> story_review(), then 303 to
 *        /redactie/verhalen?gedaan=voorstel|akkoord
 *   POST _csrf, verruiming=toestaan|afwijzen -> story_scope_decide(),
 *        then 303 to /redactie/verhalen?gedaan=verruimd|verruiming_af
 *
 * Who: editors who are not the storyteller. A story the reader may not
 * read is 404; other readers get 403. A suggestion needs notes and an
 * approval both checks (422 with the form as it was sent); a story
 * that changed since the page was opened, or no longer waits, is a 409
 * page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_story_flow.h"
#include "web/auth.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/story_review.h"
#include "web/view.h"

#define SRV_QUEUE	"/redactie/verhalen"

static int	srv_session(struct http_request *, struct db_ctx *);
static int	srv_loaded(struct http_request *, struct db_ctx *);
static void	srv_hist_row(struct db_ctx *, struct kore_pgsql *, int);
static int	srv_got(struct http_request *, struct db_ctx *);
static int	srv_review(struct http_request *, struct srv_ctx *);
static int	srv_scope(struct http_request *, struct srv_ctx *);
static int	srv_done(struct http_request *, struct db_ctx *);
static int	srv_fail(struct http_request *, struct db_ctx *, int);
static void	srv_free(struct http_request *);

int
story_review(struct http_request *req)
{
	struct srv_ctx	*ctx;
	char		*v;
	size_t		 n;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), srv_free);
		ctx->loc = resp_locale(req);
		ctx->note = "";
		sbuf_init(&ctx->history);
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = sfl_path(req->path, "/beoordelen", &ctx->h.s) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "rev", &v) &&
			    (n = strlen(v)) > 0 && n < 10 &&
			    strspn(v, "0123456789") == n)
				(void)kore_strlcpy(ctx->rev, v,
				    sizeof(ctx->rev));
			if (http_argument_get_string(req, "besluit", &v))
				(void)kore_strlcpy(ctx->besluit, v,
				    sizeof(ctx->besluit));
			if (http_argument_get_string(req, "verruiming", &v)) {
				ctx->scope_form = 1;
				(void)kore_strlcpy(ctx->verruiming, v,
				    sizeof(ctx->verruiming));
			}
			ctx->check_id = http_argument_get_string(req,
			    "herkenbaar", &v);
			ctx->check_safe = http_argument_get_string(req,
			    "veilig", &v);
			if (http_argument_get_string(req, "notes", &v)) {
				form_lf(v);
				ctx->note = form_trim(v);
			}
		}
		db_start(req, &ctx->h.db, NULL, NULL, srv_session);
	}
	return (db_run(req));
}

static int
srv_session(struct http_request *req, struct db_ctx *db)
{
	struct srv_ctx	*ctx = (struct srv_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	return (sfl_load(req, &ctx->h, srv_loaded));
}

static int
srv_loaded(struct http_request *req, struct db_ctx *db)
{
	struct srv_ctx		*ctx = (struct srv_ctx *)db;
	struct sfl_story	*s = &ctx->h.s;

	if (!s->found || !s->read) {
		/* A forged POST is refused as such, found or not. */
		resp_error(req, req->method == HTTP_METHOD_POST &&
		    !auth_post_ok(req, db) ? 403 : 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!s->editor || s->teller) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = s->id;
	return (db_chain(req, db, &q_sfl_reviews, srv_hist_row, srv_got));
}

static void
srv_hist_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct srv_ctx	*ctx = (struct srv_ctx *)db;
	const char	*decision = db_text(sql, r, QSR_DECISION);
	const char	*note = db_text(sql, r, QSR_NOTE);
	struct sbuf	 notep;
	int		 rc = 0;

	sbuf_init(&notep);
	if (*note != '\0') {
		const struct tpl_bind	b[] = {
			{ "note", note, TPL_TEXT },
		};
		rc |= view_append(&notep, VIEW_story_review_note, ctx->loc,
		    b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "at", db_text(sql, r, QSR_AT), TPL_TEXT },
			{ "rev", db_text(sql, r, QSR_REV), TPL_TEXT },
			{ "decision", i18n_get(ctx->loc,
			    strcmp(decision, "goedgekeurd") == 0 ?
			    MSG_sfl_hist_akkoord : MSG_sfl_hist_voorstel),
			    TPL_TEXT },
			{ "note", sbuf_cstr(&notep), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->history, VIEW_story_review_hist,
		    ctx->loc, b, NBINDS(b));
	}
	if (rc != 0)
		ctx->hist_failed = 1;
	ctx->nhistory++;
	sbuf_free(&notep);
}

static int
srv_got(struct http_request *req, struct db_ctx *db)
{
	struct srv_ctx	*ctx = (struct srv_ctx *)db;

	if (ctx->hist_failed) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post)
		return (srv_render(req, ctx, 200));
	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (srv_render(req, ctx, 403));
	}
	return (ctx->scope_form ? srv_scope(req, ctx) : srv_review(req, ctx));
}

static int
srv_review(struct http_request *req, struct srv_ctx *ctx)
{
	struct db_ctx		*db = &ctx->h.db;
	struct sfl_story	*s = &ctx->h.s;
	int			 akkoord;

	if (strcmp(s->state, "ter_review") != 0)
		return (sfl_refused(req, ctx->loc, s, MSG_sfl_review_state));
	if (ctx->rev[0] == '\0' || strcmp(ctx->rev, s->rev) != 0)
		return (sfl_refused(req, ctx->loc, s, MSG_sfl_review_stale));
	akkoord = strcmp(ctx->besluit, "akkoord") == 0;
	if (!akkoord && strcmp(ctx->besluit, "voorstel") != 0)
		fv_error(&ctx->fv, "besluit", MSG_sfl_decision_missing, NULL);
	if (strcmp(ctx->besluit, "voorstel") == 0 && *ctx->note == '\0')
		fv_error(&ctx->fv, "notes", MSG_sfl_notes_required, NULL);
	else
		(void)fv_check(&ctx->fv, "notes", form_text(ctx->note,
		    SRV_NOTE_MAX, 0, 1), SRV_NOTE_MAX);
	if (akkoord && (!ctx->check_id || !ctx->check_safe))
		fv_error(&ctx->fv, "controle", MSG_sfl_checks_missing, NULL);
	if (ctx->fv.nerr > 0)
		return (srv_render(req, ctx, 422));
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->rev;
	db->params[3] = akkoord ? "akkoord" : "voorstel";
	db->params[4] = ctx->note;
	db->fail = srv_fail;
	return (db_chain(req, db, &q_sfl_review, NULL, srv_done));
}

static int
srv_scope(struct http_request *req, struct srv_ctx *ctx)
{
	struct db_ctx		*db = &ctx->h.db;
	struct sfl_story	*s = &ctx->h.s;
	int			 accept;

	if (s->wanted[0] == '\0' || strcmp(s->state, "ingetrokken") == 0)
		return (sfl_refused(req, ctx->loc, s, MSG_sfl_scope_nothing));
	accept = strcmp(ctx->verruiming, "toestaan") == 0;
	if (!accept && strcmp(ctx->verruiming, "afwijzen") != 0) {
		fv_error(&ctx->fv, "verruiming", MSG_sfl_decision_missing,
		    NULL);
		return (srv_render(req, ctx, 422));
	}
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->params[2] = accept ? "true" : "false";
	db->fail = srv_fail;
	return (db_chain(req, db, &q_sfl_scope_decide, NULL, srv_done));
}

static int
srv_done(struct http_request *req, struct db_ctx *db)
{
	struct srv_ctx	*ctx = (struct srv_ctx *)db;
	const char	*word;

	if (ctx->scope_form)
		word = strcmp(ctx->verruiming, "toestaan") == 0 ?
		    SRV_QUEUE "?gedaan=verruimd" :
		    SRV_QUEUE "?gedaan=verruiming_af";
	else
		word = strcmp(ctx->besluit, "akkoord") == 0 ?
		    SRV_QUEUE "?gedaan=akkoord" : SRV_QUEUE "?gedaan=voorstel";
	resp_redirect(req, word);
	return (HTTP_STATE_COMPLETE);
}

static int
srv_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct srv_ctx	*ctx = (struct srv_ctx *)db;

	if (status == 409)
		return (sfl_refused(req, ctx->loc, &ctx->h.s,
		    ctx->scope_form ? MSG_sfl_scope_nothing :
		    MSG_sfl_review_stale));
	if (status == 400 && !ctx->scope_form) {
		fv_error(&ctx->fv, "notes", MSG_sfl_notes_required, NULL);
		return (srv_render(req, ctx, 422));
	}
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static void
srv_free(struct http_request *req)
{
	struct srv_ctx	*ctx = http_state_get(req);

	sfl_story_free(&ctx->h.s);
	sbuf_free(&ctx->history);
	fv_free(&ctx->fv);
}
