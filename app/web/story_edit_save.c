/*
 * The story editor's save (see story_edit.c): the body rendered, then
 * story_save() with, for "Insturen", story_submit() in the same
 * statement, and 303 to the story; or the form again with why nothing
 * was written (a refused value, a conflict, a failure).
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "db/q_story_edit.h"
#include "web/resp.h"
#include "web/story_edit.h"

static void	sed_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sed_saved(struct http_request *, struct db_ctx *);
static int	sed_save_fail(struct http_request *, struct db_ctx *, int);
static int	sed_reloaded(struct http_request *, struct db_ctx *);

int
sed_save(struct http_request *req, struct sed_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;
	int		 submit = ctx->action == SA_SUBMIT;

	if (slug_make(ctx->v[SF_TITLE], ctx->slugbase,
	    sizeof(ctx->slugbase)) == 0)
		(void)kore_strlcpy(ctx->slugbase, "verhaal",
		    sizeof(ctx->slugbase));
	(void)snprintf(ctx->words, sizeof(ctx->words), "%zu",
	    ctx->doc.words);
	/* lines() in SQL takes the framed lists as they are. */
	db->params[0] = ctx->is_new ? NULL : ctx->id;
	db->params[1] = ctx->is_new ? NULL : ctx->base;
	db->params[2] = db->user.id;
	db->params[3] = ctx->v[SF_TITLE];
	db->params[4] = ctx->v[SF_SUMMARY];
	db->params[5] = ctx->v[SF_BODY];
	db->params[6] = sbuf_cstr(&ctx->doc.html);
	db->params[7] = sbuf_cstr(&ctx->doc.toc);
	db->params[8] = ctx->words;
	db->params[9] = ctx->slugbase;
	db->params[10] = sbuf_cstr(&ctx->themes);
	db->params[11] = ctx->v[SF_COMMUNITY];
	db->params[12] = sbuf_cstr(&ctx->doc.links);
	db->params[13] = ctx->v[SF_PSEUDONYM];
	db->params[14] = sbuf_cstr(&ctx->warnings);
	db->params[15] = sbuf_cstr(&ctx->checks);
	db->params[16] = strcmp(ctx->v[SF_KEEP], "1") == 0 ? "t" : "f";
	db->params[17] = ctx->is_new ? ctx->nonce : NULL;
	db->params[18] = submit ? "t" : "f";
	db->params[19] = submit ? ctx->v[SF_SCOPE] : NULL;
	db->params[20] = submit ? STORY_CONSENT_VERSION : NULL;
	db->params[21] = submit ? ctx->under16 : NULL;
	db->params[22] = submit && ctx->under16[0] == 't' ?
	    ctx->v[SF_GUARDIAN] : "";
	db->params[23] = submit && ctx->under16[0] == 't' ?
	    STORY_GUARDIAN_VERSION : "";
	db->fail = sed_save_fail;
	return (db_chain(req, db, &q_story_edit_save, sed_save_row,
	    sed_saved));
}

static void
sed_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sed_ctx	*ctx = (struct sed_ctx *)db;

	(void)kore_strlcpy(ctx->saved_slug, db_text(sql, r, QS_V_SLUG),
	    sizeof(ctx->saved_slug));
	(void)kore_strlcpy(ctx->saved_state, db_text(sql, r, QS_V_STATE),
	    sizeof(ctx->saved_state));
	(void)kore_strlcpy(ctx->error, db_text(sql, r, QS_V_ERROR),
	    sizeof(ctx->error));
	ctx->conflict = strcmp(db_text(sql, r, QS_V_CONFLICT), "t") == 0;
}

static int
sed_saved(struct http_request *req, struct db_ctx *db)
{
	struct sed_ctx	*ctx = (struct sed_ctx *)db;
	int		 back;

	if (ctx->error[0] != '\0') {
		/* story_save() refused a value: nothing was written. */
		if (strcmp(ctx->error, "pseudonym_is_name") == 0)
			sed_error(ctx, "pseudonym", MSG_se_pseudonym_is_name,
			    NULL);
		sed_form_error(ctx, ctx->action == SA_SUBMIT ?
		    MSG_se_not_sent : MSG_se_not_saved);
		return (sed_render(req, ctx, 422));
	}
	if (ctx->conflict) {
		/* Saved elsewhere between our page query and the save. */
		ctx->reload = 1;
		ctx->found = ctx->may_read = ctx->teller = 0;
		sed_page_start(ctx);
		return (db_chain(req, db, &q_story_edit_page, sed_row,
		    sed_reloaded));
	}
	if (!path_slug_ok(ctx->saved_slug, strlen(ctx->saved_slug))) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	/* A checked or published story went back to the editors. */
	back = strcmp(ctx->state, "akkoord") == 0 ||
	    strcmp(ctx->state, "gepubliceerd") == 0;
	sed_redirect(req, ctx->saved_slug, ctx->action == SA_SUBMIT || back ?
	    "ingestuurd" : "bewaard");
	return (HTTP_STATE_COMPLETE);
}

void
sed_redirect(struct http_request *req, const char *slug, const char *done)
{
	struct sbuf	to;

	sbuf_init(&to);
	sbuf_printf(&to, "/verhalen/%s?gedaan=%s", slug, done);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
}

/*
 * The save (or the reload after a conflict) failed: nothing was
 * written. The form comes back with the typed text and why.
 */
static int
sed_save_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct sed_ctx	*ctx = (struct sed_ctx *)db;

	switch (status) {
	case 400:
		status = 422;
		sed_form_error(ctx, ctx->action == SA_SUBMIT ?
		    MSG_se_not_sent : MSG_se_not_saved);
		break;
	case 403:
		sed_form_error(ctx, MSG_se_save_forbidden);
		break;
	case 404:
		sed_form_error(ctx, MSG_se_save_gone);
		break;
	case 409:
		/* story_submit(): the state changed meanwhile. */
		sed_form_error(ctx, MSG_se_state_changed);
		break;
	default:
		/* resp_html() adds Retry-After to a 503. */
		sed_form_error(ctx, MSG_edit_save_failed);
		break;
	}
	return (sed_render(req, ctx, status));
}

static int
sed_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct sed_ctx	*ctx = (struct sed_ctx *)db;

	if (!ctx->found || !ctx->may_read)
		return (sed_save_fail(req, db, 404));
	if (!ctx->teller)
		return (sed_save_fail(req, db, 403));
	return (sed_show_conflict(req, ctx));
}

/* 409: the stored version and the diff; the form keeps the typed text. */
int
sed_show_conflict(struct http_request *req, struct sed_ctx *ctx)
{
	(void)kore_strlcpy(ctx->started, ctx->base, sizeof(ctx->started));
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	sed_conflict(ctx);
	return (sed_render(req, ctx, 409));
}

int
sed_render_md(struct sed_ctx *ctx)
{
	size_t	len;

	if (ctx->rendered)
		return (0);
	len = strlen(ctx->v[SF_BODY]);
	if (len > MD_MAX_INPUT || md_doc_render(&ctx->doc, ctx->v[SF_BODY],
	    len, resp_base_url()) == -1) {
		sed_error_n(ctx, "body", MSG_se_body_long,
		    form_chars(ctx->v[SF_BODY]));
		return (-1);
	}
	ctx->rendered = 1;
	return (0);
}
