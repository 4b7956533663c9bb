/*
 * The session form's pages (see mm_session_edit.c): the form with the
 * typed or stored values and a message next to each refused field, the
 * open actions of earlier sessions (read-only), the preview of the
 * three Markdown fields, the stored version on a conflict, and the 409
 * page for final minutes.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/form.h"
#include "web/auth.h"
#include "web/mm_series.h"
#include "web/mm_session.h"
#include "web/mm_session_edit.h"
#include "web/resp.h"
#include "web/view.h"

#define MSE_PREVIEW_ID	"voorbeeld-"
#define MSE_COL(r, k)	db_text(sql, (r), QMF_C1 + (k) - 1)

static int	mse_carried(struct sbuf *, struct mse_ctx *);
static void	mse_summary(struct sbuf *, struct mse_ctx *);

/* A theme's checkbox: ticked as typed (POST) or as stored (GET). */
void
mse_row_theme(struct mse_ctx *ctx, const char *slug, const char *title,
    int stored)
{
	int	on;

	ctx->nthemes_all++;
	on = form_list_has(sbuf_cstr(&ctx->themes), slug);
	if (on)
		ctx->themes_found++;
	if (!ctx->post)
		on = stored;
	{
		const struct tpl_bind	b[] = {
			{ "slug", slug, TPL_TEXT },
			{ "title", title, TPL_TEXT },
			{ "checked", on ? " checked" : "", TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->o_themes, VIEW_edit_theme, ctx->loc, b,
		    NBINDS(b)) == -1)
			ctx->db.failed = 1;
	}
}

/* An open action of an earlier session: what, owner, due, origin. */
void
mse_row_carried(struct mse_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	due;
	int		overdue, rc;

	overdue = strcmp(MSE_COL(r, 4), "true") == 0;
	sbuf_init(&due);
	rc = mmser_due(&due, ctx->loc, MSE_COL(r, 3), overdue);
	{
		const struct tpl_bind	b[] = {
			{ "class", overdue ? " class=\"mm-overdue\"" : "",
			    TPL_TRUSTED_HTML },
			{ "what", MSE_COL(r, 1), TPL_TEXT },
			{ "owner", MSE_COL(r, 2), TPL_TEXT },
			{ "due", sbuf_cstr(&due), TPL_TRUSTED_HTML },
			{ "origin", MSE_COL(r, 5), TPL_TEXT },
		};
		rc |= view_append(&ctx->carried, VIEW_mm_session_form_carried_row,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&due);
	if (rc != 0)
		ctx->db.failed = 1;
	ctx->ncarried++;
}

static int
mse_carried(struct sbuf *out, struct mse_ctx *ctx)
{
	struct sbuf	table;
	int		rc;

	sbuf_init(&table);
	if (ctx->ncarried == 0)
		rc = view_append(&table, VIEW_mm_session_form_carried_none,
		    ctx->loc, NULL, 0);
	else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->carried), TPL_TRUSTED_HTML },
		};
		rc = view_append(&table, VIEW_mm_session_form_carried_table,
		    ctx->loc, b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "table", sbuf_cstr(&table), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_mm_session_form_carried, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&table);
	return (rc);
}

/* The three Markdown fields as they will show; ids kept apart. */
void
mse_preview(struct mse_ctx *ctx)
{
	struct sbuf	body, toc, tocraw;

	sbuf_init(&body);
	sbuf_init(&toc);
	sbuf_init(&tocraw);
	md_prefix_ids(&body, sbuf_cstr(&ctx->doc.html), MSE_PREVIEW_ID);
	if (ctx->doc.toc.len > 0) {
		md_prefix_ids(&tocraw, sbuf_cstr(&ctx->doc.toc),
		    MSE_PREVIEW_ID);
		const struct tpl_bind	b[] = {
			{ "toc", sbuf_cstr(&tocraw), TPL_TRUSTED_HTML },
		};
		(void)view_append(&toc, VIEW_edit_toc, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "title", ctx->v[MF_TITLE], TPL_TEXT },
			{ "case", sbuf_cstr(&ctx->case_html), TPL_TRUSTED_HTML },
			{ "toc", sbuf_cstr(&toc), TPL_TRUSTED_HTML },
			{ "body", sbuf_cstr(&body), TPL_TRUSTED_HTML },
			{ "agreements", sbuf_cstr(&ctx->agr_html),
			    TPL_TRUSTED_HTML },
		};
		(void)view_append(&ctx->preview, VIEW_mm_session_form_preview,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&body);
	sbuf_free(&toc);
	sbuf_free(&tocraw);
}

/* 409: why nothing was saved, and what is stored now. */
void
mse_conflict(struct mse_ctx *ctx)
{
	struct sbuf	 text;
	const char	*args[2];

	sbuf_init(&text);
	args[0] = ctx->started[0] != '\0' ? ctx->started : "?";
	args[1] = ctx->rev;
	i18n_fmt(&text, i18n_get(ctx->loc, MSG_mms_conflict), args, 2);
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "title", sbuf_cstr(&ctx->s[MF_TITLE]), TPL_TEXT },
			{ "date", sbuf_cstr(&ctx->s[MF_DATE]), TPL_TEXT },
			{ "time", sbuf_cstr(&ctx->s[MF_TIME]), TPL_TEXT },
			{ "duration", sbuf_cstr(&ctx->s[MF_DURATION]),
			    TPL_TEXT },
			{ "location", sbuf_cstr(&ctx->s[MF_LOCATION]),
			    TPL_TEXT },
			{ "facilitator", sbuf_cstr(&ctx->s[MF_FACILITATOR]),
			    TPL_TEXT },
			{ "participants", sbuf_cstr(&ctx->s[MF_PARTICIPANTS]),
			    TPL_TEXT },
			{ "case", sbuf_cstr(&ctx->s[MF_CASE]), TPL_TEXT },
			{ "body", sbuf_cstr(&ctx->s[MF_BODY]), TPL_TEXT },
			{ "agreements", sbuf_cstr(&ctx->s[MF_AGREEMENTS]),
			    TPL_TEXT },
		};
		sbuf_reset(&ctx->conflict_html);
		(void)view_append(&ctx->conflict_html,
		    VIEW_mm_session_form_conflict, ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
}

/* One error summary for both fv, in form order. */
static void
mse_summary(struct sbuf *out, struct mse_ctx *ctx)
{
	struct sbuf	items;
	size_t		g;

	if (mse_nerr(ctx) == 0)
		return;
	sbuf_init(&items);
	for (g = 0; g < MSE_FV; g++)
		sbuf_puts(&items, sbuf_cstr(&ctx->fv[g].summary));
	{
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		(void)view_append(out, VIEW_form_errors, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
}

int
mse_render(struct http_request *req, struct mse_ctx *ctx, int status)
{
	struct sbuf	 back, action, hidden, heading, lead, carried, errors;
	struct tpl_bind	*all;
	const char	*args[1];
	size_t		 nb, n;
	int		 rc = 0;

	sbuf_init(&back);
	sbuf_init(&action);
	sbuf_init(&hidden);
	sbuf_init(&heading);
	sbuf_init(&lead);
	sbuf_init(&carried);
	sbuf_init(&errors);
	mse_summary(&errors, ctx);
	if (ctx->is_new) {
		sbuf_printf(&back, MMS_PREFIX "%s", ctx->serie);
		sbuf_printf(&action, MMS_PREFIX "%s/nieuw", ctx->serie);
		sbuf_puts(&heading, i18n_get(ctx->loc, MSG_mms_new_title));
	} else {
		sbuf_printf(&back, MMS_PREFIX "%s/%s", ctx->serie,
		    ctx->sessie);
		sbuf_printf(&action, MMS_PREFIX "%s/%s/bewerken", ctx->serie,
		    ctx->sessie);
		sbuf_puts(&heading, i18n_get(ctx->loc, MSG_mms_edit_title));
	}
	args[0] = sbuf_cstr(&ctx->series_name);
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_mms_form_lead), args, 1);
	{
		const struct tpl_bind	b[] = {
			{ "name", ctx->is_new ? "nonce" : "base", TPL_TEXT },
			{ "value", ctx->is_new ? ctx->nonce : ctx->base,
			    TPL_TEXT },
		};
		rc |= view_append(&hidden, VIEW_edit_hidden, ctx->loc, b,
		    NBINDS(b));
	}
	rc |= mse_carried(&carried, ctx);
	{
		const struct tpl_bind	fixed[] = {
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "back_text", ctx->is_new ?
			    i18n_get(ctx->loc, MSG_mms_back) :
			    sbuf_cstr(&ctx->s[MF_TITLE]), TPL_TEXT },
			{ "conflict", sbuf_cstr(&ctx->conflict_html),
			    TPL_TRUSTED_HTML },
			{ "errors", sbuf_cstr(&errors), TPL_TRUSTED_HTML },
			{ "preview", sbuf_cstr(&ctx->preview),
			    TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "hidden", sbuf_cstr(&hidden), TPL_TRUSTED_HTML },
			{ "carried", sbuf_cstr(&carried), TPL_TRUSTED_HTML },
			{ "themes", sbuf_cstr(&ctx->o_themes),
			    TPL_TRUSTED_HTML },
			{ "title", ctx->v[MF_TITLE], TPL_TEXT },
			{ "summary", ctx->v[MF_SUMMARY], TPL_TEXT },
			{ "date", ctx->v[MF_DATE], TPL_TEXT },
			{ "time", ctx->v[MF_TIME], TPL_TEXT },
			{ "duration", ctx->v[MF_DURATION], TPL_TEXT },
			{ "location", ctx->v[MF_LOCATION], TPL_TEXT },
			{ "facilitator", ctx->v[MF_FACILITATOR], TPL_TEXT },
			{ "participants", ctx->v[MF_PARTICIPANTS], TPL_TEXT },
			{ "case", ctx->v[MF_CASE], TPL_TEXT },
			{ "insights", ctx->v[MF_BODY], TPL_TEXT },
			{ "agreements", ctx->v[MF_AGREEMENTS], TPL_TEXT },
			{ "tags", ctx->v[MF_TAGS], TPL_TEXT },
			{ "related", ctx->v[MF_RELATED], TPL_TEXT },
			{ "note", ctx->v[MF_NOTE], TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    MSE_FV * 8 * FV_BINDS_PER_FIELD];

		/* Each fv binds its own fields; the fixed ones come last. */
		nb = fv_binds(&ctx->fv[0], mse_fv_fields[0], NULL, 0, b,
		    NBINDS(b));
		all = b + nb;
		n = fv_binds(&ctx->fv[1], mse_fv_fields[1], fixed,
		    NBINDS(fixed), all, NBINDS(b) - nb);
		nb += n;
		if (rc != 0 || ctx->db.failed)
			resp_error(req, 500);
		else
			view_page(req, status, ctx->loc, sbuf_cstr(&heading),
			    "/masterminds", VIEW_mm_session_form, b, nb);
	}
	sbuf_free(&back);
	sbuf_free(&action);
	sbuf_free(&hidden);
	sbuf_free(&heading);
	sbuf_free(&lead);
	sbuf_free(&carried);
	sbuf_free(&errors);
	return (HTTP_STATE_COMPLETE);
}

/* 409: final minutes are frozen; an addendum adds to them. */
int
mse_final(struct http_request *req, struct mse_ctx *ctx)
{
	struct sbuf	back, addendum;

	sbuf_init(&back);
	sbuf_init(&addendum);
	sbuf_printf(&back, MMS_PREFIX "%s/%s", ctx->serie, ctx->sessie);
	sbuf_printf(&addendum, MMS_PREFIX "%s/%s/addendum", ctx->serie,
	    ctx->sessie);
	{
		const struct tpl_bind	b[] = {
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "title", sbuf_cstr(&ctx->s[MF_TITLE]), TPL_TEXT },
			{ "addendum", sbuf_cstr(&addendum), TPL_TEXT },
		};
		view_page(req, 409, ctx->loc,
		    i18n_get(ctx->loc, MSG_mms_final_heading), "/masterminds",
		    VIEW_mm_session_form_final, b, NBINDS(b));
	}
	sbuf_free(&back);
	sbuf_free(&addendum);
	return (HTTP_STATE_COMPLETE);
}
