/*
 * The session form's save (see mm_session_edit.c): p_fields (jw.c) and
 * the links of the insights, the case and the agreements, then
 * mm_session_save() in one statement and 303 to the session, or the
 * form again with why nothing was written (a refused value, a conflict,
 * final minutes, a failure).
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/jw.h"
#include "core/links.h"
#include "core/slug.h"
#include "web/mm_session.h"
#include "web/mm_session_edit.h"
#include "web/resp.h"

static void	mse_build(struct mse_ctx *);
static void	mse_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mse_saved(struct http_request *, struct db_ctx *);
static int	mse_save_fail(struct http_request *, struct db_ctx *, int);
static int	mse_reloaded(struct http_request *, struct db_ctx *);
static void	mse_save_error(struct mse_ctx *);

int
mse_save(struct http_request *req, struct mse_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	mse_build(ctx);
	if (slug_make(ctx->v[MF_TITLE], ctx->slugbase,
	    sizeof(ctx->slugbase)) == 0)
		(void)kore_strlcpy(ctx->slugbase, "sessie",
		    sizeof(ctx->slugbase));
	(void)snprintf(ctx->words, sizeof(ctx->words), "%zu",
	    ctx->doc.words);
	db->params[0] = ctx->is_new ? NULL : ctx->id;
	db->params[1] = ctx->is_new ? NULL : ctx->base;
	db->params[2] = db->user.id;
	db->params[3] = ctx->series_id;
	db->params[4] = ctx->v[MF_TITLE];
	db->params[5] = ctx->v[MF_SUMMARY];
	db->params[6] = ctx->v[MF_BODY];
	db->params[7] = sbuf_cstr(&ctx->doc.html);
	db->params[8] = sbuf_cstr(&ctx->doc.toc);
	db->params[9] = ctx->words;
	db->params[10] = ctx->v[MF_NOTE];
	db->params[11] = ctx->slugbase;
	db->params[12] = sbuf_cstr(&ctx->themes);
	db->params[13] = sbuf_cstr(&ctx->taglines);
	db->params[14] = sbuf_cstr(&ctx->links);
	db->params[15] = sbuf_cstr(&ctx->rel_ok);
	db->params[16] = ctx->is_new ? ctx->nonce : NULL;
	db->params[17] = sbuf_cstr(&ctx->fields);
	db->fail = mse_save_fail;
	return (db_chain(req, db, &q_mm_session_save, mse_save_row,
	    mse_saved));
}

/* p_fields of mm_session_save(), and the links for item_ref. */
static void
mse_build(struct mse_ctx *ctx)
{
	struct sbuf	*j = &ctx->fields;
	size_t		 i;

	/* item_ref: the Bron links of the insights, case and agreements. */
	sbuf_reset(&ctx->links);
	sbuf_puts(&ctx->links, sbuf_cstr(&ctx->doc.links));
	(void)links_extract(&ctx->links, ctx->v[MF_CASE],
	    strlen(ctx->v[MF_CASE]), resp_base_url());
	(void)links_extract(&ctx->links, ctx->v[MF_AGREEMENTS],
	    strlen(ctx->v[MF_AGREEMENTS]), resp_base_url());

	sbuf_reset(j);
	jw_obj_open(j);
	jw_kv_str(j, 1, "date", ctx->v[MF_DATE]);
	jw_kv_str(j, 0, "time", ctx->v[MF_TIME]);
	jw_kv_str(j, 0, "duration", ctx->v[MF_DURATION]);
	jw_kv_str(j, 0, "location", ctx->v[MF_LOCATION]);
	jw_kv_str(j, 0, "facilitator", ctx->v[MF_FACILITATOR]);
	jw_kv_str(j, 0, "case_md", ctx->v[MF_CASE]);
	jw_kv_str(j, 0, "case_html", sbuf_cstr(&ctx->case_html));
	jw_kv_str(j, 0, "agreements_md", ctx->v[MF_AGREEMENTS]);
	jw_kv_str(j, 0, "agreements_html", sbuf_cstr(&ctx->agr_html));
	sbuf_puts(j, ",\"participants\":[");
	for (i = 0; i < ctx->parts.n; i++) {
		if (i > 0)
			sbuf_putc(j, ',');
		jw_obj_open(j);
		jw_kv_str(j, 1, "name", ctx->parts.p[i].name);
		jw_kv_str(j, 0, "role", ctx->parts.p[i].role);
		jw_obj_close(j);
	}
	sbuf_putc(j, ']');
	jw_obj_close(j);
}

static void
mse_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mse_ctx	*ctx = (struct mse_ctx *)db;

	(void)kore_strlcpy(ctx->saved_slug, db_text(sql, r, QMV_SLUG),
	    sizeof(ctx->saved_slug));
	ctx->conflict = strcmp(db_text(sql, r, QMV_CONFLICT), "true") == 0;
	kore_free(ctx->error);
	ctx->error = kore_strdup(db_text(sql, r, QMV_ERROR));
}

static int
mse_saved(struct http_request *req, struct db_ctx *db)
{
	struct mse_ctx	*ctx = (struct mse_ctx *)db;
	char		 to[sizeof(MMS_PREFIX) + 2 * PATH_SLUG_MAX + 32];

	if (db->nrows != 1)
		return (mse_save_fail(req, db, 503));
	if (ctx->error != NULL && ctx->error[0] != '\0') {
		/* A value mm_session_save() refused: nothing was written. */
		mse_save_error(ctx);
		mse_nonce(ctx);
		return (mse_render(req, ctx, 422));
	}
	if (ctx->conflict) {
		/* Someone saved between our page query and the save. */
		return (mse_query(req, ctx, mse_reloaded));
	}
	if (!path_slug_ok(ctx->saved_slug, strlen(ctx->saved_slug)))
		return (mse_save_fail(req, db, 503));
	(void)snprintf(to, sizeof(to), MMS_PREFIX "%s/%s?gedaan=opgeslagen",
	    ctx->serie, ctx->saved_slug);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

/* mm_session_save()'s error column as a message next to its field. */
static void
mse_save_error(struct mse_ctx *ctx)
{
	const char	*e = ctx->error;
	const char	*p = "participant_ambiguous:";

	if (strcmp(e, "date") == 0)
		mse_err(ctx, "date", MSG_mms_date_bad, NULL);
	else if (strcmp(e, "facilitator") == 0)
		mse_err(ctx, "facilitator", MSG_mms_facilitator_unknown,
		    NULL);
	else if (strcmp(e, "facilitator_ambiguous") == 0)
		mse_err(ctx, "facilitator",
		    MSG_mms_facilitator_ambiguous, NULL);
	else if (strncmp(e, p, strlen(p)) == 0)
		mse_err(ctx, "participants",
		    MSG_mms_participant_ambiguous, e + strlen(p));
	else
		mse_form_err(ctx, MSG_mms_save_failed);
}

/*
 * The save (or the reload after a conflict) failed: nothing was
 * written. Final minutes get their own page; otherwise the form comes
 * back with the typed text and why.
 */
static int
mse_save_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct mse_ctx	*ctx = (struct mse_ctx *)db;

	switch (status) {
	case 403:
		mse_form_err(ctx, MSG_mms_save_forbidden);
		break;
	case 404:
		mse_form_err(ctx, MSG_mms_save_gone);
		break;
	case 409:
		/* 55000: the minutes became final meanwhile. */
		if (!ctx->is_new)
			return (mse_final(req, ctx));
		mse_form_err(ctx, MSG_mms_save_failed);
		break;
	default:
		/* resp_html() adds Retry-After to a 503. */
		mse_form_err(ctx, MSG_mms_save_failed);
		break;
	}
	mse_nonce(ctx);
	return (mse_render(req, ctx, status));
}

static int
mse_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct mse_ctx	*ctx = (struct mse_ctx *)db;

	if (!ctx->series_found || !ctx->found)
		return (mse_save_fail(req, db, 404));
	if (!ctx->may_run)
		return (mse_save_fail(req, db, 403));
	if (strcmp(ctx->state, "definitief") == 0)
		return (mse_final(req, ctx));
	return (mse_show_conflict(req, ctx));
}

/* 409: what is stored now; the form keeps the typed text. */
int
mse_show_conflict(struct http_request *req, struct mse_ctx *ctx)
{
	(void)kore_strlcpy(ctx->started, ctx->base, sizeof(ctx->started));
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	participants_write(&ctx->s[MF_PARTICIPANTS], &ctx->sparts);
	mse_conflict(ctx);
	return (mse_render(req, ctx, 409));
}
