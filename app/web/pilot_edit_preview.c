/*
 * The pilot editor's preview (the body and the four Markdown fields as
 * the pilot page shows them, with the figures as a table) and its 409
 * section (what is stored now, and a diff of every field). See
 * pilot_edit.c.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/diff.h"
#include "web/pilot_edit.h"
#include "web/view.h"

/* The preview's ids get this prefix: none may clash with the form's. */
#define PED_PREVIEW_ID	"voorbeeld-"

/* The fields the 409 diff compares, in form order. */
static const struct {
	enum ped_field	 f;
	enum msg_id	 label;
} ped_diff_fields[] = {
	{ PF_REGION, MSG_pf_region }, { PF_SETTING, MSG_pf_setting },
	{ PF_PROJECT, MSG_pf_project }, { PF_TARGET, MSG_pf_target_group },
	{ PF_AGE_MIN, MSG_pf_age_from }, { PF_AGE_MAX, MSG_pf_age_to },
	{ PF_PHASE, MSG_pf_phase }, { PF_START, MSG_pf_start },
	{ PF_END, MSG_pf_end }, { PF_PARTNERS, MSG_pf_partners },
	{ PF_PROBLEM, MSG_pf_problem }, { PF_APPROACH, MSG_pf_approach },
	{ PF_BODY, MSG_pe_body_label }, { PF_RESULTS, MSG_pf_results },
	{ PF_FIGURES, MSG_pf_figures }, { PF_CONDITIONS, MSG_pf_conditions },
	{ PF_CONTACT, MSG_pf_contact },
};

static void	ped_preview_part(struct sbuf *, struct ped_ctx *,
		    enum msg_id, const char *, const char *);
static void	ped_preview_figures(struct sbuf *, struct ped_ctx *);
static void	ped_fold(struct sbuf *, struct ped_ctx *, int);

static void
ped_preview_part(struct sbuf *out, struct ped_ctx *ctx, enum msg_id heading,
    const char *toc, const char *html)
{
	const struct tpl_bind	b[] = {
		{ "heading", i18n_get(ctx->loc, heading), TPL_TEXT },
		{ "toc", toc, TPL_TRUSTED_HTML },
		{ "html", html, TPL_TRUSTED_HTML },
	};

	(void)view_append(out, VIEW_pilot_edit_preview_part, ctx->loc, b,
	    NBINDS(b));
}

/* The typed figures as the pilot page shows them: a table. */
static void
ped_preview_figures(struct sbuf *out, struct ped_ctx *ctx)
{
	struct sbuf		 rows, value;
	const struct figure	*f;
	const char		*v;
	size_t			 i;

	if (ctx->figs.n == 0)
		return;
	sbuf_init(&rows);
	sbuf_init(&value);
	for (i = 0; i < ctx->figs.n; i++) {
		f = &ctx->figs.f[i];
		sbuf_reset(&value);
		for (v = f->value; *v != '\0'; v++)
			sbuf_putc(&value, *v == '.' && ctx->loc != LOC_EN ?
			    ',' : *v);
		if (f->unit[0] != '\0')
			sbuf_printf(&value, " %s", f->unit);
		const struct tpl_bind	b[] = {
			{ "label", f->label, TPL_TEXT },
			{ "value", sbuf_cstr(&value), TPL_TEXT },
		};
		(void)view_append(&rows, VIEW_pilot_edit_figure_row, ctx->loc,
		    b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&rows), TPL_TRUSTED_HTML },
		};
		(void)view_append(out, VIEW_pilot_edit_figures, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&rows);
	sbuf_free(&value);
}

void
ped_preview(struct ped_ctx *ctx)
{
	struct sbuf	parts, body, toc, tocraw;
	size_t		i;

	sbuf_init(&parts);
	sbuf_init(&body);
	sbuf_init(&toc);
	sbuf_init(&tocraw);
	for (i = 0; i < 2; i++) {
		if (ctx->md_html[i].len > 0)
			ped_preview_part(&parts, ctx, i == 0 ? MSG_pf_problem :
			    MSG_pf_approach, "", sbuf_cstr(&ctx->md_html[i]));
	}
	if (ctx->doc.html.len > 0) {
		md_prefix_ids(&body, sbuf_cstr(&ctx->doc.html),
		    PED_PREVIEW_ID);
		if (ctx->doc.toc.len > 0) {
			md_prefix_ids(&tocraw, sbuf_cstr(&ctx->doc.toc),
			    PED_PREVIEW_ID);
			const struct tpl_bind	b[] = {
				{ "toc", sbuf_cstr(&tocraw),
				    TPL_TRUSTED_HTML },
			};
			(void)view_append(&toc, VIEW_edit_toc, ctx->loc, b,
			    NBINDS(b));
		}
		ped_preview_part(&parts, ctx, MSG_pe_body_label,
		    sbuf_cstr(&toc), sbuf_cstr(&body));
	}
	if (ctx->md_html[2].len > 0)
		ped_preview_part(&parts, ctx, MSG_pf_results, "",
		    sbuf_cstr(&ctx->md_html[2]));
	ped_preview_figures(&parts, ctx);
	if (ctx->md_html[3].len > 0)
		ped_preview_part(&parts, ctx, MSG_pf_conditions, "",
		    sbuf_cstr(&ctx->md_html[3]));
	{
		const struct tpl_bind	b[] = {
			{ "title", ctx->v[PF_TITLE], TPL_TEXT },
			{ "summary", ctx->v[PF_SUMMARY], TPL_TEXT },
			{ "parts", sbuf_cstr(&parts), TPL_TRUSTED_HTML },
		};
		sbuf_reset(&ctx->preview);
		(void)view_append(&ctx->preview, VIEW_pilot_edit_preview,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&parts);
	sbuf_free(&body);
	sbuf_free(&toc);
	sbuf_free(&tocraw);
}

/* All compared fields as one text, stored (typed == 0) or typed. */
static void
ped_fold(struct sbuf *out, struct ped_ctx *ctx, int typed)
{
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof(ped_diff_fields) / sizeof(ped_diff_fields[0]);
	    i++) {
		v = typed ? ctx->v[ped_diff_fields[i].f] :
		    sbuf_cstr(&ctx->s[ped_diff_fields[i].f]);
		sbuf_printf(out, "## %s\n", i18n_get(ctx->loc,
		    ped_diff_fields[i].label));
		if (*v != '\0') {
			sbuf_puts(out, v);
			if (v[strlen(v) - 1] != '\n')
				sbuf_putc(out, '\n');
		}
		sbuf_putc(out, '\n');
	}
}

/* What is stored now, and how the typed fields differ from it. */
void
ped_conflict(struct ped_ctx *ctx)
{
	struct sbuf		 text, fold, stored, typed, diff, section;
	struct diff_stats	 st;
	const char		*args[2];
	const char		*zu[1] = { "%zu" };

	sbuf_init(&text);
	sbuf_init(&fold);
	sbuf_init(&stored);
	sbuf_init(&typed);
	sbuf_init(&diff);
	sbuf_init(&section);
	args[0] = ctx->started[0] != '\0' ? ctx->started : "?";
	args[1] = ctx->rev;
	i18n_fmt(&text, i18n_get(ctx->loc, MSG_edit_conflict_text), args, 2);
	/* diff_html takes a printf format; messages hold only %s. */
	i18n_fmt(&fold, i18n_get(ctx->loc, MSG_edit_diff_fold), zu, 1);
	ped_fold(&stored, ctx, 0);
	ped_fold(&typed, ctx, 1);
	memset(&st, 0, sizeof(st));
	(void)diff_html(&diff, sbuf_cstr(&stored), stored.len,
	    sbuf_cstr(&typed), typed.len, sbuf_cstr(&fold), &st);
	if (st.added == 0 && st.removed == 0)
		ped_note(&section, ctx, i18n_get(ctx->loc,
		    MSG_pe_conflict_same));
	else {
		const struct tpl_bind	b[] = {
			{ "diff", sbuf_cstr(&diff), TPL_TRUSTED_HTML },
		};
		(void)view_append(&section, VIEW_edit_diff, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "title", sbuf_cstr(&ctx->s[PF_TITLE]), TPL_TEXT },
			{ "summary", sbuf_cstr(&ctx->s[PF_SUMMARY]), TPL_TEXT },
			{ "fields", sbuf_cstr(&stored), TPL_TEXT },
			{ "diff", sbuf_cstr(&section), TPL_TRUSTED_HTML },
		};
		sbuf_reset(&ctx->conflict_html);
		(void)view_append(&ctx->conflict_html, VIEW_pilot_edit_conflict,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&fold);
	sbuf_free(&stored);
	sbuf_free(&typed);
	sbuf_free(&diff);
	sbuf_free(&section);
}
