/*
 * Amending open minutes (issue 8):
 *
 *   GET  /masterminds/{serie}/{sessie}/aanvullingen   the form;
 *        ?deel=vraag|inzichten|afspraken puts the current text of that
 *        section in the proposal
 *   POST (multipart) _csrf, nonce, section, comment, proposal (Markdown)
 *        -> mm_amend(), then 303 to the session with
 *        ?gedaan=aanvulling#aanvulling-<id>
 *
 * Who: member participants of the session, while the window is open.
 * A session whose minutes the reader may not read is 404; another
 * reader who is not a participant gets 403; a participant after the
 * window 409. A refused POST shows the form again with what was typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/md.h"
#include "core/mm.h"
#include "core/token.h"
#include "db/q_mm_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/mm_flow.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define MMA_COMMENT_MAX		2000
#define MMA_PROPOSAL_MAX	65536

struct mma_ctx {
	struct mmf_head	 h;
	enum locale	 loc;
	int		 bad;
	int		 post;
	char		 deel[16];
	char		 section[16];
	const char	*comment;
	const char	*proposal;
	char		 nonce[TOK_LEN + 1];
	struct sbuf	 html;
	char		 saved[24];
	struct fv	 fv;
};

static const char *const	mma_fields[] = {
	"section", "comment", "proposal", NULL
};

static int	mma_session(struct http_request *, struct db_ctx *);
static int	mma_loaded(struct http_request *, struct db_ctx *);
static void	mma_check(struct mma_ctx *);
static void	mma_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mma_done(struct http_request *, struct db_ctx *);
static int	mma_fail(struct http_request *, struct db_ctx *, int);
static int	mma_closed(struct http_request *, struct mma_ctx *);
static int	mma_render(struct http_request *, struct mma_ctx *, int);
static void	mma_free(struct http_request *);

int
mm_amend_new(struct http_request *req)
{
	struct mma_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mma_free);
		ctx->loc = resp_locale(req);
		ctx->comment = ctx->proposal = "";
		sbuf_init(&ctx->html);
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = mmf_path(req->path, "/aanvullingen", &ctx->h.s,
		    NULL, 0) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "section", &v))
				(void)kore_strlcpy(ctx->section, v,
				    sizeof(ctx->section));
			if (http_argument_get_string(req, "comment", &v)) {
				form_lf(v);
				ctx->comment = form_trim(v);
			}
			if (http_argument_get_string(req, "proposal", &v)) {
				form_lf(v);
				ctx->proposal = form_rtrim(v);
			}
			if (http_argument_get_string(req, "nonce", &v) &&
			    tok_valid(v))
				(void)kore_strlcpy(ctx->nonce, v,
				    sizeof(ctx->nonce));
		} else {
			http_populate_get(req);
			if (http_argument_get_string(req, "deel", &v))
				(void)kore_strlcpy(ctx->deel, v,
				    sizeof(ctx->deel));
		}
		db_start(req, &ctx->h.db, NULL, NULL, mma_session);
	}
	return (db_run(req));
}

static int
mma_session(struct http_request *req, struct db_ctx *db)
{
	struct mma_ctx	*ctx = (struct mma_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (mmf_load(req, &ctx->h, mma_loaded));
}

static int
mma_loaded(struct http_request *req, struct db_ctx *db)
{
	struct mma_ctx	*ctx = (struct mma_ctx *)db;
	struct mmf_sess	*s = &ctx->h.s;

	if (ctx->post && !auth_post_ok(req, db)) {
		if (!s->found || !s->see || !s->part) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		if (ctx->nonce[0] == '\0')
			tok_new(ctx->nonce);
		return (mma_render(req, ctx, 403));
	}
	if (!s->found || !s->see || !s->read) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!s->part) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!s->open) {
		if (!ctx->post)
			return (mma_closed(req, ctx));
		fv_form_error(&ctx->fv, MSG_mmw_amend_closed, NULL);
		return (mma_render(req, ctx, 409));
	}
	if (!ctx->post) {
		tok_new(ctx->nonce);
		if (mm_section(ctx->deel) != NULL &&
		    strcmp(ctx->deel, "algemeen") != 0) {
			(void)kore_strlcpy(ctx->section, ctx->deel,
			    sizeof(ctx->section));
			ctx->proposal = mmf_section_md(s, ctx->deel);
		}
		return (mma_render(req, ctx, 200));
	}
	mma_check(ctx);
	if (ctx->fv.nerr > 0)
		return (mma_render(req, ctx, 422));
	sbuf_reset(&ctx->html);
	if (md_render(&ctx->html, ctx->proposal, strlen(ctx->proposal)) ==
	    -1) {
		(void)fv_check(&ctx->fv, "proposal", FORM_TOO_LONG,
		    MMA_PROPOSAL_MAX);
		return (mma_render(req, ctx, 422));
	}
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->section;
	db->params[3] = ctx->comment;
	db->params[4] = ctx->proposal;
	db->params[5] = ctx->proposal[0] != '\0' ? sbuf_cstr(&ctx->html) : "";
	db->params[6] = ctx->nonce;
	db->fail = mma_fail;
	return (db_chain(req, db, &q_mmf_amend, mma_row, mma_done));
}

static void
mma_check(struct mma_ctx *ctx)
{
	if (mm_section(ctx->section) == NULL)
		fv_error(&ctx->fv, "section", MSG_mmw_amend_section_missing,
		    NULL);
	(void)fv_check(&ctx->fv, "comment", form_text(ctx->comment,
	    MMA_COMMENT_MAX, 0, 1), MMA_COMMENT_MAX);
	if (strlen(ctx->proposal) > MD_MAX_INPUT)
		(void)fv_check(&ctx->fv, "proposal", FORM_TOO_LONG,
		    MMA_PROPOSAL_MAX);
	else
		(void)fv_check(&ctx->fv, "proposal", form_text(ctx->proposal,
		    MMA_PROPOSAL_MAX, 0, 1), MMA_PROPOSAL_MAX);
	if (ctx->comment[0] == '\0' && ctx->proposal[0] == '\0')
		fv_error(&ctx->fv, "comment", MSG_mmw_amend_empty, NULL);
	if (strcmp(ctx->section, "algemeen") == 0 &&
	    ctx->proposal[0] != '\0')
		fv_error(&ctx->fv, "proposal", MSG_mmw_amend_general_proposal,
		    NULL);
	if (ctx->nonce[0] == '\0') {
		fv_form_error(&ctx->fv, MSG_mmw_nonce_missing, NULL);
		tok_new(ctx->nonce);
	}
}

static void
mma_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mma_ctx	*ctx = (struct mma_ctx *)db;

	(void)kore_strlcpy(ctx->saved, db_text(sql, r, 0),
	    sizeof(ctx->saved));
}

static int
mma_done(struct http_request *req, struct db_ctx *db)
{
	struct mma_ctx	*ctx = (struct mma_ctx *)db;
	struct sbuf	 to, anchor;

	if (ctx->saved[0] == '\0')
		return (mma_fail(req, db, 503));
	sbuf_init(&to);
	sbuf_init(&anchor);
	sbuf_printf(&anchor, "aanvulling-%s", ctx->saved);
	mmf_href(&to, &ctx->h.s, "aanvulling", sbuf_cstr(&anchor));
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	sbuf_free(&anchor);
	return (HTTP_STATE_COMPLETE);
}

static int
mma_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct mma_ctx	*ctx = (struct mma_ctx *)db;

	switch (status) {
	case 409:
		fv_form_error(&ctx->fv, MSG_mmw_amend_closed, NULL);
		break;
	case 403:
		fv_form_error(&ctx->fv, MSG_mmw_amend_forbidden, NULL);
		break;
	case 404:
		fv_form_error(&ctx->fv, MSG_mmw_save_gone, NULL);
		break;
	case 400:
		fv_error(&ctx->fv, "comment", MSG_mmw_amend_empty, NULL);
		status = 422;
		break;
	default:
		fv_form_error(&ctx->fv, MSG_mmw_save_failed, NULL);
		break;
	}
	return (mma_render(req, ctx, status));
}

static int
mma_closed(struct http_request *req, struct mma_ctx *ctx)
{
	struct sbuf	back;

	sbuf_init(&back);
	mmf_href(&back, &ctx->h.s, NULL, NULL);
	mmf_message(req, ctx->loc, 409,
	    i18n_get(ctx->loc, MSG_mmw_amend_closed_title),
	    i18n_get(ctx->loc, MSG_mmw_amend_closed_text), NULL,
	    sbuf_cstr(&back), i18n_get(ctx->loc, MSG_mmw_back_session));
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static int
mma_render(struct http_request *req, struct mma_ctx *ctx, int status)
{
	struct mmf_sess	*s = &ctx->h.s;
	struct sbuf	 lead, back, action, secs, cv, ci, ca, id;
	const char	*args[2], *title;
	size_t		 i, nb;
	int		 rc = 0;

	sbuf_init(&lead);
	sbuf_init(&back);
	sbuf_init(&action);
	sbuf_init(&secs);
	sbuf_init(&cv);
	sbuf_init(&ci);
	sbuf_init(&ca);
	args[0] = s->title != NULL ? s->title : "";
	args[1] = s->until;
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_mmw_amend_lead), args, 2);
	mmf_href(&back, s, NULL, NULL);
	mmf_href(&action, s, NULL, NULL);
	sbuf_printf(&action, "/aanvullingen");
	sbuf_printf(&cv, "%s?deel=vraag#proposal", sbuf_cstr(&action));
	sbuf_printf(&ci, "%s?deel=inzichten#proposal", sbuf_cstr(&action));
	sbuf_printf(&ca, "%s?deel=afspraken#proposal", sbuf_cstr(&action));
	for (i = 0; i < MM_SECTIONS; i++) {
		sbuf_init(&id);
		sbuf_printf(&id, "section-%s", mm_sections[i].word);
		{
			const struct tpl_bind	b[] = {
				{ "id", sbuf_cstr(&id), TPL_TEXT },
				{ "name", "section", TPL_TEXT },
				{ "value", mm_sections[i].word, TPL_TEXT },
				{ "label", i18n_get(ctx->loc,
				    mm_sections[i].msg), TPL_TEXT },
				{ "checked", strcmp(ctx->section,
				    mm_sections[i].word) == 0 ? " checked" :
				    "", TPL_TRUSTED_HTML },
			};
			rc |= view_append(&secs, VIEW_mmf_radio, ctx->loc, b,
			    NBINDS(b));
		}
		sbuf_free(&id);
	}
	title = i18n_get(ctx->loc, MSG_mmw_amend_title);
	{
		const struct tpl_bind	fixed[] = {
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "copy_vraag", sbuf_cstr(&cv), TPL_TEXT },
			{ "copy_inzichten", sbuf_cstr(&ci), TPL_TEXT },
			{ "copy_afspraken", sbuf_cstr(&ca), TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "nonce", ctx->nonce, TPL_TEXT },
			{ "sections", sbuf_cstr(&secs), TPL_TRUSTED_HTML },
			{ "comment", ctx->comment, TPL_TEXT },
			{ "proposal", ctx->proposal, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(mma_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, mma_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, status, ctx->loc, title, MMF_PATH,
			    VIEW_mm_amend_form, b, nb);
	}
	sbuf_free(&lead);
	sbuf_free(&back);
	sbuf_free(&action);
	sbuf_free(&secs);
	sbuf_free(&cv);
	sbuf_free(&ci);
	sbuf_free(&ca);
	return (HTTP_STATE_COMPLETE);
}

static void
mma_free(struct http_request *req)
{
	struct mma_ctx	*ctx = http_state_get(req);

	mmf_sess_free(&ctx->h.s);
	sbuf_free(&ctx->html);
	fv_free(&ctx->fv);
}
