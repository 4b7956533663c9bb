/*
 * The story editor's page (see story_edit.c): the state note, the form
 * with what was typed, its option lists and checkboxes with their
 * help, the consent text in full, the preview and the 409 section.
 * Every value goes through a template; the raw insertions are HTML
 * that md, diff_html or our own templates made.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/diff.h"
#include "db/q_story_edit.h"
#include "web/auth.h"
#include "web/story_edit.h"
#include "web/view.h"

/* The preview's ids get this prefix: none may clash with the form's. */
#define SED_PREVIEW_ID	"voorbeeld-"

static const char	 sed_checked[] = " checked";
static const char	 sed_selected[] = " selected";
static const char *const sed_themes_field[] = { "themes", NULL };
static const char *const sed_community_field[] = { "community", NULL };

static void	sed_block(struct sbuf *, struct sed_ctx *, enum view_id,
		    const char *const *, struct sbuf *);
static void	sed_choices(struct sbuf *, struct sed_ctx *, const char *,
		    const char *, const struct story_word *, size_t,
		    const char *, const char *);
static void	sed_state(struct sbuf *, struct sed_ctx *);
static void	sed_consent(struct sbuf *, struct sed_ctx *);
static void	sed_summary(struct sbuf *, struct sed_ctx *);
static const char *sed_on(int);

static const char *
sed_on(int on)
{
	return (on ? sed_checked : "");
}

/* One option of the theme or community list, as its row arrives. */
void
sed_option(struct sed_ctx *ctx, int group, const char *value,
    const char *label, int on)
{
	if (group == QS_THEME) {
		const struct tpl_bind	b[] = {
			{ "slug", value, TPL_TEXT },
			{ "title", label, TPL_TEXT },
			{ "checked", sed_on(on), TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->o_themes, VIEW_edit_theme, ctx->loc, b,
		    NBINDS(b)) == -1)
			ctx->db.failed = 1;
	} else {
		const struct tpl_bind	b[] = {
			{ "value", value, TPL_TEXT },
			{ "label", label, TPL_TEXT },
			{ "selected", on ? sed_selected : "",
			    TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->o_communities, VIEW_edit_option,
		    ctx->loc, b, NBINDS(b)) == -1)
			ctx->db.failed = 1;
	}
}

/* A field of its own template (themes, community). */
static void
sed_block(struct sbuf *out, struct sed_ctx *ctx, enum view_id v,
    const char *const *field, struct sbuf *options)
{
	const struct tpl_bind	fixed[] = {
		{ "options", sbuf_cstr(options), TPL_TRUSTED_HTML },
	};
	struct tpl_bind		b[NBINDS(fixed) + FV_BINDS_PER_FIELD];
	size_t			n;

	n = fv_binds(&ctx->fv[0], field, fixed, NBINDS(fixed), b, NBINDS(b));
	(void)view_append(out, v, ctx->loc, b, n);
}

/*
 * Checkboxes or radios of a word table, each with its help; on lists
 * the chosen words ("\n"-framed), or for a radio one (sel).
 */
static void
sed_choices(struct sbuf *out, struct sed_ctx *ctx, const char *type,
    const char *name, const struct story_word *w, size_t n, const char *on,
    const char *sel)
{
	size_t	i;
	int	chosen;

	for (i = 0; i < n; i++) {
		chosen = sel != NULL ? strcmp(sel, w[i].word) == 0 :
		    form_list_has(on, w[i].word);
		const struct tpl_bind	b[] = {
			{ "type", type, TPL_TEXT },
			{ "name", name, TPL_TEXT },
			{ "word", w[i].word, TPL_TEXT },
			{ "label", i18n_get(ctx->loc, w[i].msg), TPL_TEXT },
			{ "help", i18n_get(ctx->loc, w[i].help), TPL_TEXT },
			{ "checked", sed_on(chosen), TPL_TRUSTED_HTML },
		};
		(void)view_append(out, VIEW_story_edit_choice, ctx->loc, b,
		    NBINDS(b));
	}
}

/*
 * Editing: what the state means, the editor's notes with a proposal,
 * and that a change to a checked or published story sends it back.
 */
static void
sed_state(struct sbuf *out, struct sed_ctx *ctx)
{
	const struct story_word	*w;
	struct sbuf		 line, notes, back;
	const char		*args[1];

	if (ctx->is_new || (w = story_state(ctx->state)) == NULL)
		return;
	sbuf_init(&line);
	sbuf_init(&notes);
	sbuf_init(&back);
	args[0] = i18n_get(ctx->loc, w->msg);
	i18n_fmt(&line, i18n_get(ctx->loc, MSG_se_state_now), args, 1);
	if ((strcmp(ctx->state, "voorstel") == 0 ||
	    strcmp(ctx->state, "akkoord") == 0) && ctx->s_note.len > 0) {
		const struct tpl_bind	b[] = {
			{ "note", sbuf_cstr(&ctx->s_note), TPL_TEXT },
		};
		(void)view_append(&notes, VIEW_story_edit_notes, ctx->loc, b,
		    NBINDS(b));
	}
	if (strcmp(ctx->state, "akkoord") == 0 ||
	    strcmp(ctx->state, "gepubliceerd") == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_se_back_warning),
			    TPL_TEXT },
		};
		(void)view_append(&back, VIEW_edit_note, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "state", sbuf_cstr(&line), TPL_TEXT },
			{ "help", i18n_get(ctx->loc, w->help), TPL_TEXT },
			{ "notes", sbuf_cstr(&notes), TPL_TRUSTED_HTML },
			{ "back", sbuf_cstr(&back), TPL_TRUSTED_HTML },
		};
		(void)view_append(out, VIEW_story_edit_state, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&line);
	sbuf_free(&notes);
	sbuf_free(&back);
}

/*
 * The consent part when the story can be sent in: scope, the text in
 * full, the box, under 16 and the guardian (always shown: no
 * JavaScript). Otherwise the consent in force and where to change it.
 */
static void
sed_consent(struct sbuf *out, struct sed_ctx *ctx)
{
	const struct story_word	*w;
	struct sbuf		 scopes, paras, text;
	const char		*args[1];
	size_t			 i;

	if (!sed_may_submit(ctx)) {
		if ((w = story_scope(ctx->scope)) == NULL)
			return;
		sbuf_init(&text);
		args[0] = i18n_get(ctx->loc, w->msg);
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_se_consent_given), args,
		    1);
		{
			const struct tpl_bind	b[] = {
				{ "text", sbuf_cstr(&text), TPL_TEXT },
				{ "slug", ctx->slug, TPL_TEXT },
			};
			(void)view_append(out, VIEW_story_edit_consent_given,
			    ctx->loc, b, NBINDS(b));
		}
		sbuf_free(&text);
		return;
	}
	sbuf_init(&scopes);
	sbuf_init(&paras);
	sed_choices(&scopes, ctx, "radio", "scope", story_scopes,
	    STORY_SCOPES, "", ctx->v[SF_SCOPE]);
	for (i = 0; i < STORY_CONSENT_PARAS; i++) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, story_consent_paras[i]),
			    TPL_TEXT },
		};
		(void)view_append(&paras, VIEW_story_edit_para, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "scopes", sbuf_cstr(&scopes), TPL_TRUSTED_HTML },
			{ "paras", sbuf_cstr(&paras), TPL_TRUSTED_HTML },
			{ "consent_version", STORY_CONSENT_VERSION, TPL_TEXT },
			{ "consent_checked", sed_on(strcmp(ctx->v[SF_CONSENT],
			    "1") == 0), TPL_TRUSTED_HTML },
			{ "ja_checked", sed_on(strcmp(ctx->v[SF_UNDER16],
			    "ja") == 0), TPL_TRUSTED_HTML },
			{ "nee_checked", sed_on(strcmp(ctx->v[SF_UNDER16],
			    "nee") == 0), TPL_TRUSTED_HTML },
			{ "guardian_version", STORY_GUARDIAN_VERSION,
			    TPL_TEXT },
			{ "guardian", ctx->v[SF_GUARDIAN], TPL_TEXT },
			{ "guardian_ok_checked", sed_on(strcmp(
			    ctx->v[SF_GUARDIAN_OK], "1") == 0),
			    TPL_TRUSTED_HTML },
		};
		struct tpl_bind	b[NBINDS(fixed) + 7 * FV_BINDS_PER_FIELD];
		size_t		n;

		n = fv_binds(&ctx->fv[1], sed_fv_names(1), fixed,
		    NBINDS(fixed), b, NBINDS(b));
		(void)view_append(out, VIEW_story_edit_consent, ctx->loc, b,
		    n);
	}
	sbuf_free(&scopes);
	sbuf_free(&paras);
}

/* One error summary for both fv, in form order. */
static void
sed_summary(struct sbuf *out, struct sed_ctx *ctx)
{
	struct sbuf	items;
	size_t		g;

	if (sed_nerr(ctx) == 0)
		return;
	sbuf_init(&items);
	for (g = 0; g < SED_FV; g++)
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

/* The typed story as its page shows it. */
void
sed_preview(struct sed_ctx *ctx)
{
	struct sbuf	 body, toc, tocraw, by;
	const char	*args[1];

	sbuf_init(&body);
	sbuf_init(&toc);
	sbuf_init(&tocraw);
	sbuf_init(&by);
	md_prefix_ids(&body, sbuf_cstr(&ctx->doc.html), SED_PREVIEW_ID);
	if (ctx->doc.toc.len > 0) {
		md_prefix_ids(&tocraw, sbuf_cstr(&ctx->doc.toc),
		    SED_PREVIEW_ID);
		const struct tpl_bind	b[] = {
			{ "toc", sbuf_cstr(&tocraw), TPL_TRUSTED_HTML },
		};
		(void)view_append(&toc, VIEW_edit_toc, ctx->loc, b,
		    NBINDS(b));
	}
	if (*ctx->v[SF_PSEUDONYM] != '\0') {
		args[0] = ctx->v[SF_PSEUDONYM];
		i18n_fmt(&by, i18n_get(ctx->loc, MSG_sf_by), args, 1);
	}
	{
		const struct tpl_bind	b[] = {
			{ "title", ctx->v[SF_TITLE], TPL_TEXT },
			{ "by", sbuf_cstr(&by), TPL_TEXT },
			{ "summary", ctx->v[SF_SUMMARY], TPL_TEXT },
			{ "toc", sbuf_cstr(&toc), TPL_TRUSTED_HTML },
			{ "html", sbuf_cstr(&body), TPL_TRUSTED_HTML },
		};
		sbuf_reset(&ctx->preview);
		(void)view_append(&ctx->preview, VIEW_story_edit_preview,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&body);
	sbuf_free(&toc);
	sbuf_free(&tocraw);
	sbuf_free(&by);
}

/* What is stored now, and how the typed text differs from it. */
void
sed_conflict(struct sed_ctx *ctx)
{
	struct sbuf		 text, fold, diff, section;
	struct diff_stats	 st;
	const char		*args[2], *stored, *typed;
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
	stored = sbuf_cstr(&ctx->s[SF_BODY]);
	typed = ctx->v[SF_BODY];
	memset(&st, 0, sizeof(st));
	(void)diff_html(&diff, stored, strlen(stored), typed, strlen(typed),
	    sbuf_cstr(&fold), &st);
	if (st.added == 0 && st.removed == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_se_conflict_same),
			    TPL_TEXT },
		};
		(void)view_append(&section, VIEW_edit_note, ctx->loc, b,
		    NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "diff", sbuf_cstr(&diff), TPL_TRUSTED_HTML },
		};
		(void)view_append(&section, VIEW_edit_diff, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "title", sbuf_cstr(&ctx->s[SF_TITLE]), TPL_TEXT },
			{ "summary", sbuf_cstr(&ctx->s[SF_SUMMARY]), TPL_TEXT },
			{ "body", stored, TPL_TEXT },
			{ "diff", sbuf_cstr(&section), TPL_TRUSTED_HTML },
		};
		sbuf_reset(&ctx->conflict_html);
		(void)view_append(&ctx->conflict_html,
		    VIEW_story_edit_conflict, ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&fold);
	sbuf_free(&diff);
	sbuf_free(&section);
}

int
sed_render(struct http_request *req, struct sed_ctx *ctx, int status)
{
	struct sbuf	 hidden, lead, state, themes, community, action;
	struct sbuf	 errors, warns, checks, consent, submit;
	const char	*heading, *args[1];
	enum msg_id	 save_label;
	int		 may_submit;

	sbuf_init(&hidden);
	sbuf_init(&lead);
	sbuf_init(&state);
	sbuf_init(&themes);
	sbuf_init(&community);
	sbuf_init(&action);
	sbuf_init(&errors);
	sbuf_init(&warns);
	sbuf_init(&checks);
	sbuf_init(&consent);
	sbuf_init(&submit);

	may_submit = sed_may_submit(ctx);
	if (ctx->is_new) {
		heading = i18n_get(ctx->loc, MSG_se_new_title);
		sbuf_puts(&lead, i18n_get(ctx->loc, MSG_se_new_lead));
		sbuf_puts(&action, "/verhalen/nieuw");
	} else {
		heading = i18n_get(ctx->loc, MSG_se_edit_title);
		args[0] = sbuf_cstr(&ctx->s[SF_TITLE]);
		i18n_fmt(&lead, i18n_get(ctx->loc, MSG_se_edit_lead), args, 1);
		sbuf_printf(&action, "/verhalen/%s/bewerken", ctx->slug);
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
	sed_state(&state, ctx);
	if (ctx->nthemes_all > 0 || *fv_class(&ctx->fv[0], "themes") != '\0')
		sed_block(&themes, ctx, VIEW_story_edit_themes,
		    sed_themes_field, &ctx->o_themes);
	if (ctx->ncommunities > 0 ||
	    *fv_class(&ctx->fv[0], "community") != '\0')
		sed_block(&community, ctx, VIEW_story_edit_community,
		    sed_community_field, &ctx->o_communities);
	sed_summary(&errors, ctx);
	sed_choices(&warns, ctx, "checkbox", "warnings", story_warnings,
	    STORY_WARNINGS, sbuf_cstr(&ctx->warnings), NULL);
	sed_choices(&checks, ctx, "checkbox", "checklist", story_checks,
	    STORY_CHECKS, sbuf_cstr(&ctx->checks), NULL);
	sed_consent(&consent, ctx);
	if (may_submit) {
		(void)view_append(&submit, VIEW_story_edit_submit, ctx->loc,
		    NULL, 0);
		save_label = MSG_se_save_concept;
	} else if (strcmp(ctx->state, "akkoord") == 0 ||
	    strcmp(ctx->state, "gepubliceerd") == 0)
		save_label = MSG_se_save_resubmit;
	else
		save_label = MSG_se_save_changes;
	{
		const struct tpl_bind	fixed[] = {
			{ "heading", heading, TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "state", sbuf_cstr(&state), TPL_TRUSTED_HTML },
			{ "conflict", sbuf_cstr(&ctx->conflict_html),
			    TPL_TRUSTED_HTML },
			{ "errors", sbuf_cstr(&errors), TPL_TRUSTED_HTML },
			{ "preview", sbuf_cstr(&ctx->preview),
			    TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "hidden", sbuf_cstr(&hidden), TPL_TRUSTED_HTML },
			{ "title", ctx->v[SF_TITLE], TPL_TEXT },
			{ "summary", ctx->v[SF_SUMMARY], TPL_TEXT },
			{ "body", ctx->v[SF_BODY], TPL_TEXT },
			{ "themes", sbuf_cstr(&themes), TPL_TRUSTED_HTML },
			{ "community", sbuf_cstr(&community),
			    TPL_TRUSTED_HTML },
			{ "pseudonym", ctx->v[SF_PSEUDONYM], TPL_TEXT },
			{ "warning_boxes", sbuf_cstr(&warns),
			    TPL_TRUSTED_HTML },
			{ "check_boxes", sbuf_cstr(&checks), TPL_TRUSTED_HTML },
			{ "keep_checked", sed_on(strcmp(ctx->v[SF_KEEP],
			    "1") == 0), TPL_TRUSTED_HTML },
			{ "consent", sbuf_cstr(&consent), TPL_TRUSTED_HTML },
			{ "buttons_hint", i18n_get(ctx->loc, may_submit ?
			    MSG_se_buttons_hint : MSG_se_buttons_hint_review),
			    TPL_TEXT },
			{ "save_label", i18n_get(ctx->loc, save_label),
			    TPL_TEXT },
			{ "submit_button", sbuf_cstr(&submit),
			    TPL_TRUSTED_HTML },
		};
		struct tpl_bind	 b[NBINDS(fixed) +
		    2 * FV_FIELDS * FV_BINDS_PER_FIELD];
		size_t		 n;

		n = fv_binds(&ctx->fv[0], sed_fv_names(0), NULL, 0, b,
		    NBINDS(b));
		n += fv_binds(&ctx->fv[1], sed_fv_names(1), fixed,
		    NBINDS(fixed), b + n, NBINDS(b) - n);
		view_page(req, status, ctx->loc, heading, "/verhalen",
		    VIEW_story_edit, b, n);
	}
	sbuf_free(&hidden);
	sbuf_free(&lead);
	sbuf_free(&state);
	sbuf_free(&themes);
	sbuf_free(&community);
	sbuf_free(&action);
	sbuf_free(&errors);
	sbuf_free(&warns);
	sbuf_free(&checks);
	sbuf_free(&consent);
	sbuf_free(&submit);
	return (HTTP_STATE_COMPLETE);
}
