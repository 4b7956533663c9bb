/*
 * The resource editor's page (see resource_edit.c): the form with what
 * was typed, its choices, what happened to the file, the preview, the
 * 409 section and the editors' feedback. Every value goes through a
 * template; the raw insertions are HTML that md, diff_html or our own
 * templates made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/diff.h"
#include "core/resource.h"
#include "web/auth.h"
#include "web/resource_edit.h"
#include "web/view.h"

/* The preview's ids get this prefix: none may clash with the form's. */
#define RED_PREVIEW_ID	"voorbeeld-"

static const char	 red_checked[] = " checked";
static const char	 red_selected[] = " selected";
static const char *const red_themes_field[] = { "themes", NULL };
static const char *const red_community_field[] = { "community", NULL };
static const char *const red_slot_fields[] = { "slot", "file_note", NULL };

static void	red_option(struct sbuf *, struct red_ctx *, const char *,
		    const char *, int);
static void	red_block(struct sbuf *, struct red_ctx *, enum view_id,
		    const char *const *, const char *);
static void	red_types(struct sbuf *, struct red_ctx *);
static void	red_languages(struct sbuf *, struct red_ctx *);
static void	red_slots(struct sbuf *, struct red_ctx *);
static void	red_received(struct sbuf *, struct red_ctx *);
static void	red_note(struct sbuf *, struct red_ctx *, enum msg_id);
static void	red_notes(struct sbuf *, struct red_ctx *);
static void	red_button(struct sbuf *, struct red_ctx *, const char *,
		    enum msg_id);
static enum msg_id	red_buttons(struct sbuf *, struct red_ctx *);
static void	red_summary(struct sbuf *, struct red_ctx *);
static void	red_fold(struct sbuf *, struct red_ctx *, int);

static void
red_option(struct sbuf *out, struct red_ctx *ctx, const char *value,
    const char *label, int on)
{
	const struct tpl_bind	b[] = {
		{ "value", value, TPL_TEXT },
		{ "label", label, TPL_TEXT },
		{ "selected", on ? red_selected : "", TPL_TRUSTED_HTML },
	};

	if (view_append(out, VIEW_edit_option, ctx->loc, b, NBINDS(b)) == -1)
		ctx->db.failed = 1;
}

void
red_theme_option(struct red_ctx *ctx, const char *slug, const char *title,
    int on)
{
	const struct tpl_bind	b[] = {
		{ "slug", slug, TPL_TEXT },
		{ "title", title, TPL_TEXT },
		{ "checked", on ? red_checked : "", TPL_TRUSTED_HTML },
	};

	if (view_append(&ctx->o_themes, VIEW_edit_theme, ctx->loc, b,
	    NBINDS(b)) == -1)
		ctx->db.failed = 1;
}

void
red_community_option(struct red_ctx *ctx, const char *slug, const char *name,
    int on)
{
	red_option(&ctx->o_communities, ctx, slug, name, on);
}

/* "812 bytes", "48 kB", "1,2 MB". */
void
red_size(struct sbuf *out, enum locale loc, const char *bytes)
{
	unsigned long long	n, mb10;

	n = strtoull(bytes, NULL, 10);
	if (n < 1024)
		sbuf_printf(out, "%llu %s", n, i18n_get(loc, MSG_rf_size_b));
	else if (n < 1048576)
		sbuf_printf(out, "%llu %s", (n + 1023) / 1024,
		    i18n_get(loc, MSG_rf_size_kb));
	else {
		mb10 = (n * 10 + 524288) / 1048576;
		sbuf_printf(out, "%llu%c%llu %s", mb10 / 10,
		    loc == LOC_EN ? '.' : ',', mb10 % 10,
		    i18n_get(loc, MSG_rf_size_mb));
	}
}

/* A part of the form with its own template and the fields' messages. */
static void
red_block(struct sbuf *out, struct red_ctx *ctx, enum view_id v,
    const char *const *fields, const char *options)
{
	const struct tpl_bind	fixed[] = {
		{ "options", options, TPL_TRUSTED_HTML },
	};
	struct tpl_bind		b[NBINDS(fixed) + 2 * FV_BINDS_PER_FIELD];
	size_t			n;

	n = fv_binds(&ctx->fv[1], fields, fixed, NBINDS(fixed), b, NBINDS(b));
	(void)view_append(out, v, ctx->loc, b, n);
}

/* The kinds of resource, a radio button each with one line of help. */
static void
red_types(struct sbuf *out, struct red_ctx *ctx)
{
	size_t	i;

	for (i = 0; i < RESOURCE_TYPES; i++) {
		const struct tpl_bind	b[] = {
			{ "value", resource_types[i].word, TPL_TEXT },
			{ "label", i18n_get(ctx->loc, resource_types[i].msg),
			    TPL_TEXT },
			{ "help", i18n_get(ctx->loc, resource_types[i].help),
			    TPL_TEXT },
			{ "checked", strcmp(ctx->v[RF_TYPE],
			    resource_types[i].word) == 0 ? red_checked : "",
			    TPL_TRUSTED_HTML },
		};
		(void)view_append(out, VIEW_resource_edit_type, ctx->loc, b,
		    NBINDS(b));
	}
}

/* Nederlands first; other languages with their own name. */
static void
red_languages(struct sbuf *out, struct red_ctx *ctx)
{
	struct sbuf	 label;
	const char	*name, *own;
	size_t		 i;

	sbuf_init(&label);
	for (i = 0; i < RESOURCE_LANGUAGES; i++) {
		name = i18n_get(ctx->loc, resource_languages[i].msg);
		own = i18n_get(ctx->loc, resource_languages[i].help);
		sbuf_reset(&label);
		if (strcmp(name, own) == 0)
			sbuf_puts(&label, name);
		else
			sbuf_printf(&label, "%s (%s)", name, own);
		red_option(out, ctx, resource_languages[i].word,
		    sbuf_cstr(&label), strcmp(ctx->v[RF_LANGUAGE],
		    resource_languages[i].word) == 0);
	}
	sbuf_free(&label);
}

/* "Dit bestand is": a new, extra file or a new version of a slot. */
static void
red_slots(struct sbuf *out, struct red_ctx *ctx)
{
	struct sbuf	 options, label;
	const char	*args[1];
	size_t		 i;

	if (ctx->nfiles == 0)
		return;
	sbuf_init(&options);
	sbuf_init(&label);
	{
		const struct tpl_bind	b[] = {
			{ "id", "nieuw", TPL_TEXT },
			{ "value", "", TPL_TEXT },
			{ "label", i18n_get(ctx->loc, MSG_rf_slot_new),
			    TPL_TEXT },
			{ "checked", *ctx->v[RF_SLOT] == '\0' ? red_checked :
			    "", TPL_TRUSTED_HTML },
		};
		(void)view_append(&options, VIEW_resource_edit_slot, ctx->loc,
		    b, NBINDS(b));
	}
	for (i = 0; i < ctx->nfiles; i++) {
		sbuf_reset(&label);
		args[0] = ctx->files[i].name;
		i18n_fmt(&label, i18n_get(ctx->loc, MSG_re_slot_version), args,
		    1);
		const struct tpl_bind	b[] = {
			{ "id", ctx->files[i].slot, TPL_TEXT },
			{ "value", ctx->files[i].slot, TPL_TEXT },
			{ "label", sbuf_cstr(&label), TPL_TEXT },
			{ "checked", strcmp(ctx->v[RF_SLOT],
			    ctx->files[i].slot) == 0 ? red_checked : "",
			    TPL_TRUSTED_HTML },
		};
		(void)view_append(&options, VIEW_resource_edit_slot, ctx->loc,
		    b, NBINDS(b));
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "options", sbuf_cstr(&options), TPL_TRUSTED_HTML },
			{ "file_note", ctx->v[RF_FILE_NOTE], TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    2 * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv[1], red_slot_fields, fixed,
		    NBINDS(fixed), b, NBINDS(b));
		(void)view_append(out, VIEW_resource_edit_slots, ctx->loc, b,
		    n);
	}
	sbuf_free(&options);
	sbuf_free(&label);
}

/* "Ontvangen: <name> (<size>)" and the pending upload's token. */
static void
red_received(struct sbuf *out, struct red_ctx *ctx)
{
	struct sbuf	 text, size;
	const char	*args[2];

	if (ctx->token[0] == '\0' || !ctx->pending)
		return;
	sbuf_init(&text);
	sbuf_init(&size);
	red_size(&size, ctx->loc, ctx->pending_size);
	args[0] = ctx->pending_name;
	args[1] = sbuf_cstr(&size);
	i18n_fmt(&text, i18n_get(ctx->loc, MSG_re_file_received), args, 2);
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "token", ctx->token, TPL_TEXT },
		};
		(void)view_append(out, VIEW_resource_edit_received, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&size);
}

static void
red_note(struct sbuf *out, struct red_ctx *ctx, enum msg_id msg)
{
	const struct tpl_bind	b[] = {
		{ "text", i18n_get(ctx->loc, msg), TPL_TEXT },
	};

	(void)view_append(out, VIEW_edit_note, ctx->loc, b, NBINDS(b));
}

/* The status above the form, and the editors' feedback. */
static void
red_notes(struct sbuf *out, struct red_ctx *ctx)
{
	if (ctx->is_new)
		return;
	if (strcmp(ctx->status_word, "gepubliceerd") == 0)
		red_note(out, ctx, MSG_re_published_note);
	else if (strcmp(ctx->status_word, "ter_review") == 0)
		red_note(out, ctx, MSG_re_review_note);
	else if (strcmp(ctx->status_word, "gearchiveerd") == 0)
		red_note(out, ctx, MSG_re_archived_note);
	else if (ctx->s_feedback.len > 0) {
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&ctx->s_feedback), TPL_TEXT },
		};
		(void)view_append(out, VIEW_resource_edit_feedback, ctx->loc,
		    b, NBINDS(b));
	}
}

static void
red_button(struct sbuf *out, struct red_ctx *ctx, const char *value,
    enum msg_id label)
{
	const struct tpl_bind	b[] = {
		{ "value", value, TPL_TEXT },
		{ "label", i18n_get(ctx->loc, label), TPL_TEXT },
	};

	(void)view_append(out, VIEW_resource_edit_button, ctx->loc, b,
	    NBINDS(b));
}

/* The buttons after Voorbeeld bekijken; returns the hint above them. */
static enum msg_id
red_buttons(struct sbuf *out, struct red_ctx *ctx)
{
	int	concept, review;

	concept = ctx->is_new || strcmp(ctx->status_word, "concept") == 0;
	review = strcmp(ctx->status_word, "ter_review") == 0;
	red_button(out, ctx, "save", concept ? MSG_re_save_concept :
	    MSG_re_save);
	if (ctx->editor && (concept || review)) {
		red_button(out, ctx, "publish", MSG_re_publish);
		return (MSG_re_buttons_editor);
	}
	if (!ctx->editor && concept) {
		red_button(out, ctx, "submit", MSG_re_suggest);
		return (MSG_re_buttons_member);
	}
	return (MSG_re_buttons_saved);
}

/* One error summary for both fv, in form order. */
static void
red_summary(struct sbuf *out, struct red_ctx *ctx)
{
	struct sbuf	items;
	size_t		g;

	if (red_nerr(ctx) == 0)
		return;
	sbuf_init(&items);
	for (g = 0; g < RED_FV; g++)
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

void
red_preview(struct red_ctx *ctx)
{
	struct sbuf	body, toc, tocraw;

	sbuf_init(&body);
	sbuf_init(&toc);
	sbuf_init(&tocraw);
	md_prefix_ids(&body, sbuf_cstr(&ctx->doc.html), RED_PREVIEW_ID);
	if (ctx->doc.toc.len > 0) {
		md_prefix_ids(&tocraw, sbuf_cstr(&ctx->doc.toc),
		    RED_PREVIEW_ID);
		const struct tpl_bind	b[] = {
			{ "toc", sbuf_cstr(&tocraw), TPL_TRUSTED_HTML },
		};
		(void)view_append(&toc, VIEW_edit_toc, ctx->loc, b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "title", ctx->v[RF_TITLE], TPL_TEXT },
			{ "summary", ctx->v[RF_SUMMARY], TPL_TEXT },
			{ "toc", sbuf_cstr(&toc), TPL_TRUSTED_HTML },
			{ "body", sbuf_cstr(&body), TPL_TRUSTED_HTML },
		};
		sbuf_reset(&ctx->preview);
		(void)view_append(&ctx->preview, VIEW_resource_edit_preview,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&body);
	sbuf_free(&toc);
	sbuf_free(&tocraw);
}

/* The compared fields as one text, stored (typed == 0) or typed. */
static void
red_fold(struct sbuf *out, struct red_ctx *ctx, int typed)
{
	static const struct {
		enum red_field	 f;
		enum msg_id	 label;
	} fields[] = {
		{ RF_TYPE, MSG_rf_type }, { RF_PUBLISHER, MSG_rf_publisher },
		{ RF_YEAR, MSG_rf_year }, { RF_LANGUAGE, MSG_rf_language },
		{ RF_URL, MSG_rf_url }, { RF_BODY, MSG_rf_body },
	};
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		v = typed ? ctx->v[fields[i].f] :
		    sbuf_cstr(&ctx->s[fields[i].f]);
		sbuf_printf(out, "## %s\n", i18n_get(ctx->loc,
		    fields[i].label));
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
red_conflict(struct red_ctx *ctx)
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
	red_fold(&stored, ctx, 0);
	red_fold(&typed, ctx, 1);
	memset(&st, 0, sizeof(st));
	(void)diff_html(&diff, sbuf_cstr(&stored), stored.len,
	    sbuf_cstr(&typed), typed.len, sbuf_cstr(&fold), &st);
	if (st.added == 0 && st.removed == 0)
		red_note(&section, ctx, MSG_re_conflict_same);
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
			{ "title", sbuf_cstr(&ctx->s[RF_TITLE]), TPL_TEXT },
			{ "summary", sbuf_cstr(&ctx->s[RF_SUMMARY]), TPL_TEXT },
			{ "fields", sbuf_cstr(&stored), TPL_TEXT },
			{ "diff", sbuf_cstr(&section), TPL_TRUSTED_HTML },
		};
		sbuf_reset(&ctx->conflict_html);
		(void)view_append(&ctx->conflict_html,
		    VIEW_resource_edit_conflict, ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&fold);
	sbuf_free(&stored);
	sbuf_free(&typed);
	sbuf_free(&diff);
	sbuf_free(&section);
}

int
red_render(struct http_request *req, struct red_ctx *ctx, int status)
{
	struct sbuf	 hidden, lead, notes, themes, community, action;
	struct sbuf	 errors, types, languages, slots, received, buttons;
	struct sbuf	 limit;
	const char	*heading, *args[1];
	enum msg_id	 hint;

	sbuf_init(&hidden);
	sbuf_init(&lead);
	sbuf_init(&notes);
	sbuf_init(&themes);
	sbuf_init(&community);
	sbuf_init(&action);
	sbuf_init(&errors);
	sbuf_init(&types);
	sbuf_init(&languages);
	sbuf_init(&slots);
	sbuf_init(&received);
	sbuf_init(&buttons);
	sbuf_init(&limit);

	if (ctx->is_new) {
		heading = i18n_get(ctx->loc, ctx->editor ? MSG_rf_new :
		    MSG_rf_suggestion);
		sbuf_puts(&lead, i18n_get(ctx->loc, ctx->editor ?
		    MSG_re_new_lead_editor : MSG_re_new_lead_member));
		sbuf_puts(&action, RED_PREFIX "/nieuw");
	} else {
		heading = i18n_get(ctx->loc, MSG_rf_edit);
		args[0] = sbuf_cstr(&ctx->s[RF_TITLE]);
		i18n_fmt(&lead, i18n_get(ctx->loc, MSG_re_edit_lead), args, 1);
		sbuf_printf(&action, RED_PREFIX "/%s/bewerken", ctx->slug);
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
	red_notes(&notes, ctx);
	if (ctx->nthemes_all > 0 || *fv_class(&ctx->fv[1], "themes") != '\0')
		red_block(&themes, ctx, VIEW_resource_edit_themes,
		    red_themes_field, sbuf_cstr(&ctx->o_themes));
	if (ctx->ncommunities > 0 ||
	    *fv_class(&ctx->fv[1], "community") != '\0')
		red_block(&community, ctx, VIEW_resource_edit_community,
		    red_community_field, sbuf_cstr(&ctx->o_communities));
	red_summary(&errors, ctx);
	red_types(&types, ctx);
	red_languages(&languages, ctx);
	red_slots(&slots, ctx);
	red_received(&received, ctx);
	hint = red_buttons(&buttons, ctx);
	args[0] = upload_max_mb();
	i18n_fmt(&limit, i18n_get(ctx->loc, MSG_re_file_limit), args, 1);
	{
		const struct tpl_bind	fixed[] = {
			{ "heading", heading, TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "notes", sbuf_cstr(&notes), TPL_TRUSTED_HTML },
			{ "conflict", sbuf_cstr(&ctx->conflict_html),
			    TPL_TRUSTED_HTML },
			{ "errors", sbuf_cstr(&errors), TPL_TRUSTED_HTML },
			{ "preview", sbuf_cstr(&ctx->preview),
			    TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "hidden", sbuf_cstr(&hidden), TPL_TRUSTED_HTML },
			{ "title", ctx->v[RF_TITLE], TPL_TEXT },
			{ "summary", ctx->v[RF_SUMMARY], TPL_TEXT },
			{ "body", ctx->v[RF_BODY], TPL_TEXT },
			{ "types", sbuf_cstr(&types), TPL_TRUSTED_HTML },
			{ "publisher", ctx->v[RF_PUBLISHER], TPL_TEXT },
			{ "year", ctx->v[RF_YEAR], TPL_TEXT },
			{ "languages", sbuf_cstr(&languages),
			    TPL_TRUSTED_HTML },
			{ "url", ctx->v[RF_URL], TPL_TEXT },
			{ "limit", sbuf_cstr(&limit), TPL_TEXT },
			{ "received", sbuf_cstr(&received), TPL_TRUSTED_HTML },
			{ "received_ref", received.len > 0 ?
			    " bestand-received" : "", TPL_TEXT },
			{ "slots", sbuf_cstr(&slots), TPL_TRUSTED_HTML },
			{ "themes", sbuf_cstr(&themes), TPL_TRUSTED_HTML },
			{ "community", sbuf_cstr(&community),
			    TPL_TRUSTED_HTML },
			{ "note", ctx->v[RF_NOTE], TPL_TEXT },
			{ "buttons_hint", i18n_get(ctx->loc, hint), TPL_TEXT },
			{ "buttons", sbuf_cstr(&buttons), TPL_TRUSTED_HTML },
		};
		struct tpl_bind	 b[NBINDS(fixed) +
		    2 * FV_FIELDS * FV_BINDS_PER_FIELD];
		size_t		 n, g;

		n = 0;
		for (g = 0; g < RED_FV; g++)
			n += fv_binds(&ctx->fv[g], red_fv_names(g),
			    g + 1 == RED_FV ? fixed : NULL,
			    g + 1 == RED_FV ? NBINDS(fixed) : 0, b + n,
			    NBINDS(b) - n);
		view_page(req, status, ctx->loc, heading, RED_PREFIX,
		    VIEW_resource_edit, b, n);
	}
	sbuf_free(&hidden);
	sbuf_free(&lead);
	sbuf_free(&notes);
	sbuf_free(&themes);
	sbuf_free(&community);
	sbuf_free(&action);
	sbuf_free(&errors);
	sbuf_free(&types);
	sbuf_free(&languages);
	sbuf_free(&slots);
	sbuf_free(&received);
	sbuf_free(&buttons);
	sbuf_free(&limit);
	return (HTTP_STATE_COMPLETE);
}
