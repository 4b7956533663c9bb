/*
 * The article editor's page (see article_edit.c): the form with what
 * was typed, the preview, the 409 section and the editors' feedback.
 * Every value goes through a template; the raw insertions are HTML that
 * md_doc_render, diff_html or our own templates produced.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/diff.h"
#include "db/q_edit.h"
#include "web/article_edit.h"
#include "web/auth.h"
#include "web/view.h"

/* The preview's ids get this prefix: none may clash with the form's. */
#define AED_PREVIEW_ID	"voorbeeld-"

static const char	 aed_checked[] = " checked";
static const char	 aed_selected[] = " selected";

static const char *const	aed_main_fields[] = {
	"title", "summary", "body", "tags", "related", "note", NULL
};
static const char *const	aed_themes_field[] = { "themes", NULL };
static const char *const	aed_community_field[] = { "community", NULL };
static const char *const	aed_owner_field[] = { "owner", NULL };

static int	aed_has_error(struct aed_ctx *, const char *);
static void	aed_block(struct sbuf *, struct aed_ctx *, enum view_id,
		    const char *const *, struct sbuf *);
static void	aed_note(struct sbuf *, struct aed_ctx *, enum msg_id);
static void	aed_owner(struct sbuf *, struct aed_ctx *);

void
aed_row_option(struct aed_ctx *ctx, int group, const char *value,
    const char *label, int on)
{
	struct sbuf	*out;

	if (group == QE_THEME) {
		const struct tpl_bind	b[] = {
			{ "slug", value, TPL_TEXT },
			{ "title", label, TPL_TEXT },
			{ "checked", on ? aed_checked : "", TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->o_themes, VIEW_edit_theme, ctx->loc, b,
		    NBINDS(b)) == -1)
			ctx->db.failed = 1;
		return;
	}
	out = group == QE_OWNER ? &ctx->o_owners : &ctx->o_communities;
	if (group == QE_OWNER && *label == '\0')
		label = i18n_get(ctx->loc, MSG_edit_owner_former);
	{
		const struct tpl_bind	b[] = {
			{ "value", value, TPL_TEXT },
			{ "label", label, TPL_TEXT },
			{ "selected", on ? aed_selected : "",
			    TPL_TRUSTED_HTML },
		};
		if (view_append(out, VIEW_edit_option, ctx->loc, b,
		    NBINDS(b)) == -1)
			ctx->db.failed = 1;
	}
}

void
aed_preview(struct aed_ctx *ctx)
{
	struct sbuf	body, toc, tocraw;

	sbuf_init(&body);
	sbuf_init(&toc);
	sbuf_init(&tocraw);
	/* Heading ids must not clash with the form's (core/md.h). */
	md_prefix_ids(&body, sbuf_cstr(&ctx->doc.html), AED_PREVIEW_ID);
	if (ctx->doc.toc.len > 0) {
		md_prefix_ids(&tocraw, sbuf_cstr(&ctx->doc.toc),
		    AED_PREVIEW_ID);
		const struct tpl_bind	b[] = {
			{ "toc", sbuf_cstr(&tocraw), TPL_TRUSTED_HTML },
		};
		(void)view_append(&toc, VIEW_edit_toc, ctx->loc, b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "title", ctx->title, TPL_TEXT },
			{ "summary", ctx->summary, TPL_TEXT },
			{ "toc", sbuf_cstr(&toc), TPL_TRUSTED_HTML },
			{ "body", sbuf_cstr(&body), TPL_TRUSTED_HTML },
		};
		sbuf_reset(&ctx->preview);
		(void)view_append(&ctx->preview, VIEW_edit_preview, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&body);
	sbuf_free(&toc);
	sbuf_free(&tocraw);
}

/* What is stored now, and how the typed body differs from it. */
void
aed_conflict(struct aed_ctx *ctx)
{
	struct sbuf		 text, fold, diff, section;
	struct diff_stats	 st;
	const char		*args[2];
	const char		*zu[1] = { "%zu" };

	sbuf_init(&text);
	sbuf_init(&fold);
	sbuf_init(&diff);
	sbuf_init(&section);
	args[0] = ctx->started[0] != '\0' ? ctx->started : "?";
	args[1] = ctx->rev;
	i18n_fmt(&text, i18n_get(ctx->loc, MSG_edit_conflict_text), args, 2);
	/* diff_html takes a printf format; messages hold only %s. */
	i18n_fmt(&fold, i18n_get(ctx->loc, MSG_edit_diff_fold), zu, 1);
	memset(&st, 0, sizeof(st));
	(void)diff_html(&diff, ctx->s_body.data != NULL ? ctx->s_body.data :
	    "", ctx->s_body.len, ctx->body, strlen(ctx->body),
	    sbuf_cstr(&fold), &st);
	if (st.added == 0 && st.removed == 0)
		aed_note(&section, ctx, MSG_edit_conflict_same);
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
			{ "title", sbuf_cstr(&ctx->s_title), TPL_TEXT },
			{ "summary", sbuf_cstr(&ctx->s_summary), TPL_TEXT },
			{ "body", sbuf_cstr(&ctx->s_body), TPL_TEXT },
			{ "diff", sbuf_cstr(&section), TPL_TRUSTED_HTML },
		};
		sbuf_reset(&ctx->conflict_html);
		(void)view_append(&ctx->conflict_html, VIEW_edit_conflict,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&fold);
	sbuf_free(&diff);
	sbuf_free(&section);
}

static int
aed_has_error(struct aed_ctx *ctx, const char *field)
{
	return (*fv_class(&ctx->fv, field) != '\0');
}

/* A field of its own template (themes, community, owner). */
static void
aed_block(struct sbuf *out, struct aed_ctx *ctx, enum view_id v,
    const char *const *field, struct sbuf *options)
{
	const struct tpl_bind	fixed[] = {
		{ "options", sbuf_cstr(options), TPL_TRUSTED_HTML },
	};
	struct tpl_bind		b[NBINDS(fixed) + FV_BINDS_PER_FIELD];
	size_t			n;

	n = fv_binds(&ctx->fv, field, fixed, NBINDS(fixed), b, NBINDS(b));
	(void)view_append(out, v, ctx->loc, b, n);
}

/*
 * The owner field (editors only). An article without an owner (an
 * imported one) offers "no owner" first, so that saving does not make
 * the first person on the list its owner by accident.
 */
static void
aed_owner(struct sbuf *out, struct aed_ctx *ctx)
{
	struct sbuf	 options;
	const char	*sel;

	if (ctx->post)
		sel = ctx->owner;
	else
		sel = ctx->found ? ctx->s_owner : ctx->db.user.id;
	sbuf_init(&options);
	if (*sel == '\0') {
		const struct tpl_bind	b[] = {
			{ "value", "", TPL_TEXT },
			{ "label", i18n_get(ctx->loc, MSG_edit_owner_none),
			    TPL_TEXT },
			{ "selected", aed_selected, TPL_TRUSTED_HTML },
		};
		(void)view_append(&options, VIEW_edit_option, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_puts(&options, sbuf_cstr(&ctx->o_owners));
	aed_block(out, ctx, VIEW_edit_owner, aed_owner_field, &options);
	sbuf_free(&options);
}

static void
aed_note(struct sbuf *out, struct aed_ctx *ctx, enum msg_id msg)
{
	const struct tpl_bind	b[] = {
		{ "text", i18n_get(ctx->loc, msg), TPL_TEXT },
	};

	(void)view_append(out, VIEW_edit_note, ctx->loc, b, NBINDS(b));
}

int
aed_render(struct http_request *req, struct aed_ctx *ctx, int status)
{
	struct sbuf	 hidden, lead, notes, feedback, themes, community;
	struct sbuf	 owner, action;
	const char	*heading, *errors, *args[1];

	sbuf_init(&hidden);
	sbuf_init(&lead);
	sbuf_init(&notes);
	sbuf_init(&feedback);
	sbuf_init(&themes);
	sbuf_init(&community);
	sbuf_init(&owner);
	sbuf_init(&action);

	if (ctx->is_new) {
		heading = i18n_get(ctx->loc, MSG_edit_new_title);
		sbuf_puts(&lead, i18n_get(ctx->loc, MSG_edit_new_lead));
		sbuf_puts(&action, "/artikelen/nieuw");
	} else {
		heading = i18n_get(ctx->loc, MSG_edit_edit_title);
		args[0] = sbuf_cstr(&ctx->s_title);
		i18n_fmt(&lead, i18n_get(ctx->loc, MSG_edit_edit_lead), args,
		    1);
		sbuf_printf(&action, "/artikelen/%s/bewerken", ctx->slug);
	}
	{
		const struct tpl_bind	b[] = {
			{ "name", ctx->is_new ? "nonce" : "base", TPL_TEXT },
			{ "value", ctx->is_new ? ctx->nonce : ctx->base,
			    TPL_TEXT },
		};
		(void)view_append(&hidden, VIEW_edit_hidden, ctx->loc, b,
		    NBINDS(b));
	}
	if (strcmp(ctx->status, "gepubliceerd") == 0)
		aed_note(&notes, ctx, MSG_edit_published_note);
	else if (strcmp(ctx->status, "gearchiveerd") == 0)
		aed_note(&notes, ctx, MSG_edit_archived_note);
	/* Sent back: the editors' feedback stays until the next decision. */
	if (!ctx->is_new && strcmp(ctx->status, "concept") == 0 &&
	    ctx->s_feedback.len > 0) {
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&ctx->s_feedback), TPL_TEXT },
		};
		(void)view_append(&feedback, VIEW_edit_feedback, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->nthemes_all > 0 || aed_has_error(ctx, "themes"))
		aed_block(&themes, ctx, VIEW_edit_themes, aed_themes_field,
		    &ctx->o_themes);
	if (ctx->ncommunities > 0 || aed_has_error(ctx, "community"))
		aed_block(&community, ctx, VIEW_edit_community,
		    aed_community_field, &ctx->o_communities);
	if (ctx->editor)
		aed_owner(&owner, ctx);
	errors = fv_summary(&ctx->fv);
	{
		const struct tpl_bind	fixed[] = {
			{ "heading", heading, TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "notes", sbuf_cstr(&notes), TPL_TRUSTED_HTML },
			{ "feedback", sbuf_cstr(&feedback), TPL_TRUSTED_HTML },
			{ "conflict", sbuf_cstr(&ctx->conflict_html),
			    TPL_TRUSTED_HTML },
			{ "errors", errors, TPL_TRUSTED_HTML },
			{ "preview", sbuf_cstr(&ctx->preview),
			    TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "hidden", sbuf_cstr(&hidden), TPL_TRUSTED_HTML },
			{ "title", ctx->title, TPL_TEXT },
			{ "summary", ctx->summary, TPL_TEXT },
			{ "body", ctx->body, TPL_TEXT },
			{ "themes", sbuf_cstr(&themes), TPL_TRUSTED_HTML },
			{ "tags", ctx->tags, TPL_TEXT },
			{ "community", sbuf_cstr(&community),
			    TPL_TRUSTED_HTML },
			{ "owner", sbuf_cstr(&owner), TPL_TRUSTED_HTML },
			{ "related", ctx->related, TPL_TEXT },
			{ "note", ctx->note, TPL_TEXT },
			{ "save_hint", i18n_get(ctx->loc, ctx->is_new ?
			    MSG_edit_save_hint_new : MSG_edit_save_hint),
			    TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(aed_main_fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv, aed_main_fields, fixed, NBINDS(fixed),
		    b, NBINDS(b));
		view_page(req, status, ctx->loc, heading, "/artikelen",
		    VIEW_edit, b, n);
	}
	sbuf_free(&hidden);
	sbuf_free(&lead);
	sbuf_free(&notes);
	sbuf_free(&feedback);
	sbuf_free(&themes);
	sbuf_free(&community);
	sbuf_free(&owner);
	sbuf_free(&action);
	return (HTTP_STATE_COMPLETE);
}
