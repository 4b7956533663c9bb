/*
 * The pilot editor's page (see pilot_edit.c): the form with what was
 * typed, its option lists, the preview, the 409 section and the
 * editors' feedback. Every value goes through a template; the raw
 * insertions are HTML that md, diff_html or our own templates made.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/pilot.h"
#include "db/q_pilot_edit.h"
#include "web/auth.h"
#include "web/pilot_edit.h"
#include "web/view.h"

static const char	 ped_checked[] = " checked";
static const char	 ped_selected[] = " selected";
static const char *const ped_themes_field[] = { "themes", NULL };
static const char *const ped_community_field[] = { "community", NULL };
static const char *const ped_owner_field[] = { "owner", NULL };

static void	ped_option(struct sbuf *, struct ped_ctx *, const char *,
		    const char *, int);
static void	ped_group_flush(struct ped_ctx *);
static void	ped_block(struct sbuf *, struct ped_ctx *, enum view_id,
		    const char *const *, struct sbuf *);
static void	ped_owner(struct sbuf *, struct ped_ctx *);
static void	ped_phases(struct sbuf *, struct ped_ctx *);
static void	ped_date_nl(char *, size_t, const char *);
static void	ped_phase_now(struct sbuf *, struct ped_ctx *);
static void	ped_contact_status(struct sbuf *, struct ped_ctx *);
static void	ped_notes(struct sbuf *, struct ped_ctx *);
static void	ped_buttons(struct sbuf *, struct ped_ctx *);
static void	ped_summary(struct sbuf *, struct ped_ctx *);

static void
ped_option(struct sbuf *out, struct ped_ctx *ctx, const char *value,
    const char *label, int on)
{
	const struct tpl_bind	b[] = {
		{ "value", value, TPL_TEXT },
		{ "label", label, TPL_TEXT },
		{ "selected", on ? ped_selected : "", TPL_TRUSTED_HTML },
	};

	if (view_append(out, VIEW_edit_option, ctx->loc, b, NBINDS(b)) == -1)
		ctx->db.failed = 1;
}

/* The province's <optgroup>, once its last region came. */
static void
ped_group_flush(struct ped_ctx *ctx)
{
	if (ctx->o_group.len == 0)
		return;
	{
		const struct tpl_bind	b[] = {
			{ "label", ctx->group_label, TPL_TEXT },
			{ "options", sbuf_cstr(&ctx->o_group),
			    TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->o_regions, VIEW_pilot_edit_optgroup,
		    ctx->loc, b, NBINDS(b)) == -1)
			ctx->db.failed = 1;
	}
	sbuf_reset(&ctx->o_group);
}

/*
 * One option of a list (group from q_pilot_edit.h), selected when on.
 * Regions come landelijk first, then each province followed by its
 * youth-care regions (level in extra): one <optgroup> per province.
 */
void
ped_row_option(struct ped_ctx *ctx, int group, const char *value,
    const char *label, const char *extra, int on)
{
	struct sbuf	whole;
	const char	*args[1];

	switch (group) {
	case QP_THEME: {
		const struct tpl_bind	b[] = {
			{ "slug", value, TPL_TEXT },
			{ "title", label, TPL_TEXT },
			{ "checked", on ? ped_checked : "", TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->o_themes, VIEW_edit_theme, ctx->loc, b,
		    NBINDS(b)) == -1)
			ctx->db.failed = 1;
		break;
	}
	case QP_COMMUNITY:
		ped_option(&ctx->o_communities, ctx, value, label, on);
		break;
	case QP_OWNER:
		if (*label == '\0')
			label = i18n_get(ctx->loc, MSG_edit_owner_former);
		ped_option(&ctx->o_owners, ctx, value, label, on);
		break;
	case QP_REGION:
		if (strcmp(extra, "jeugdregio") == 0) {
			ped_option(&ctx->o_group, ctx, value, label, on);
			break;
		}
		ped_group_flush(ctx);
		if (strcmp(extra, "provincie") != 0) {
			ped_option(&ctx->o_regions, ctx, value, label, on);
			break;
		}
		(void)kore_strlcpy(ctx->group_label, label,
		    sizeof(ctx->group_label));
		sbuf_init(&whole);
		args[0] = label;
		i18n_fmt(&whole, i18n_get(ctx->loc, MSG_pe_region_whole), args,
		    1);
		ped_option(&ctx->o_group, ctx, value, sbuf_cstr(&whole), on);
		sbuf_free(&whole);
		break;
	case QP_SETTING:
		ped_option(&ctx->o_settings, ctx, value, label, on);
		break;
	case QP_PROJECT:
		ped_option(&ctx->o_projects, ctx, value, label, on);
		break;
	default:
		break;
	}
}

void
ped_regions_end(struct ped_ctx *ctx)
{
	ped_group_flush(ctx);
}

void
ped_note(struct sbuf *out, struct ped_ctx *ctx, const char *text)
{
	const struct tpl_bind	b[] = {
		{ "text", text, TPL_TEXT },
	};

	(void)view_append(out, VIEW_edit_note, ctx->loc, b, NBINDS(b));
}

/* A field of its own template (themes, community, owner). */
static void
ped_block(struct sbuf *out, struct ped_ctx *ctx, enum view_id v,
    const char *const *field, struct sbuf *options)
{
	const struct tpl_bind	fixed[] = {
		{ "options", sbuf_cstr(options), TPL_TRUSTED_HTML },
	};
	struct tpl_bind		b[NBINDS(fixed) + FV_BINDS_PER_FIELD];
	size_t			n;

	n = fv_binds(&ctx->fv[3], field, fixed, NBINDS(fixed), b, NBINDS(b));
	(void)view_append(out, v, ctx->loc, b, n);
}

/*
 * The owner field (editors only). A pilot without an owner offers "no
 * owner" first, so that saving does not make the first person on the
 * list its owner by accident.
 */
static void
ped_owner(struct sbuf *out, struct ped_ctx *ctx)
{
	struct sbuf	 options;
	const char	*sel;

	if (ctx->post)
		sel = ctx->v[PF_OWNER];
	else
		sel = ctx->found ? sbuf_cstr(&ctx->s[PF_OWNER]) :
		    ctx->db.user.id;
	sbuf_init(&options);
	if (*sel == '\0')
		ped_option(&options, ctx, "", i18n_get(ctx->loc,
		    MSG_edit_owner_none), 1);
	sbuf_puts(&options, sbuf_cstr(&ctx->o_owners));
	ped_block(out, ctx, VIEW_pilot_edit_owner, ped_owner_field, &options);
	sbuf_free(&options);
}

static void
ped_phases(struct sbuf *out, struct ped_ctx *ctx)
{
	size_t	i;

	for (i = 0; i < PILOT_PHASES; i++)
		ped_option(out, ctx, pilot_phases[i].word,
		    i18n_get(ctx->loc, pilot_phases[i].msg),
		    strcmp(ctx->v[PF_PHASE], pilot_phases[i].word) == 0);
}

/* YYYY-MM-DD as DD-MM-YYYY, the way Bron shows dates. */
static void
ped_date_nl(char *out, size_t len, const char *iso)
{
	if (strlen(iso) == 10)
		(void)snprintf(out, len, "%.2s-%.2s-%.4s", iso + 8, iso + 5,
		    iso);
	else
		(void)kore_strlcpy(out, iso, len);
}

/* "Nu: Lopend, sinds 01-09-2025." for a pilot that has a phase. */
static void
ped_phase_now(struct sbuf *out, struct ped_ctx *ctx)
{
	const struct pilot_word	*w;
	const char		*args[2];
	char			 date[16];

	if ((w = pilot_phase(sbuf_cstr(&ctx->s[PF_PHASE]))) == NULL)
		return;
	args[0] = i18n_get(ctx->loc, w->msg);
	if (ctx->since[0] == '\0') {
		i18n_fmt(out, i18n_get(ctx->loc, MSG_pe_since_current), args,
		    1);
		return;
	}
	ped_date_nl(date, sizeof(date), ctx->since);
	args[1] = date;
	i18n_fmt(out, i18n_get(ctx->loc, MSG_pe_since_current_date), args, 2);
}

/* Whether the stored contact person agreed yet. */
static void
ped_contact_status(struct sbuf *out, struct ped_ctx *ctx)
{
	struct sbuf	 text;
	const char	*args[1];

	if (ctx->agreed[0] == '\0' || ctx->s[PF_CONTACT].len == 0)
		return;
	sbuf_init(&text);
	args[0] = sbuf_cstr(&ctx->s[PF_CONTACT]);
	i18n_fmt(&text, i18n_get(ctx->loc, ctx->agreed[0] == 't' ?
	    MSG_pe_contact_agreed : MSG_pe_contact_asked), args, 1);
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
		};
		(void)view_append(out, VIEW_pilot_edit_status, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&text);
}

/* The status notes above the form, and what a concept still lacks. */
static void
ped_notes(struct sbuf *out, struct ped_ctx *ctx)
{
	const struct pilot_word	*w;
	struct sbuf		 list, text;
	const char		*p, *args[1];
	char			 word[24];
	size_t			 n;

	if (strcmp(ctx->status, "gepubliceerd") == 0)
		ped_note(out, ctx, i18n_get(ctx->loc, MSG_pe_published_note));
	else if (strcmp(ctx->status, "ter_review") == 0)
		ped_note(out, ctx, i18n_get(ctx->loc, MSG_pe_review_note));
	else if (strcmp(ctx->status, "gearchiveerd") == 0)
		ped_note(out, ctx, i18n_get(ctx->loc, MSG_pe_archived_note));
	if (ctx->is_new || ctx->needed || ctx->missing[0] == '\0' ||
	    strcmp(ctx->status, "concept") != 0)
		return;
	sbuf_init(&list);
	sbuf_init(&text);
	for (p = ctx->missing; *p != '\0'; p += n + (p[n] == ',')) {
		n = strcspn(p, ",");
		(void)snprintf(word, sizeof(word), "%.*s", (int)n, p);
		if ((w = pilot_required_field(word)) == NULL)
			continue;
		if (list.len > 0)
			sbuf_puts(&list, ", ");
		sbuf_puts(&list, i18n_get(ctx->loc, w->msg));
	}
	args[0] = sbuf_cstr(&list);
	i18n_fmt(&text, i18n_get(ctx->loc, MSG_pe_missing_note), args, 1);
	ped_note(out, ctx, sbuf_cstr(&text));
	sbuf_free(&list);
	sbuf_free(&text);
}

/* "Opslaan en indienen" for a concept, "Opslaan en publiceren" for editors. */
static void
ped_buttons(struct sbuf *out, struct ped_ctx *ctx)
{
	int	concept;

	concept = ctx->is_new || strcmp(ctx->status, "concept") == 0;
	if (concept) {
		const struct tpl_bind	b[] = {
			{ "value", "submit", TPL_TEXT },
			{ "label", i18n_get(ctx->loc, MSG_pe_submit), TPL_TEXT },
		};
		(void)view_append(out, VIEW_pilot_edit_button, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->editor && (concept || strcmp(ctx->status, "ter_review") == 0)) {
		const struct tpl_bind	b[] = {
			{ "value", "publish", TPL_TEXT },
			{ "label", i18n_get(ctx->loc, MSG_pe_publish),
			    TPL_TEXT },
		};
		(void)view_append(out, VIEW_pilot_edit_button, ctx->loc, b,
		    NBINDS(b));
	}
}

/* One error summary for the four fv, in form order. */
static void
ped_summary(struct sbuf *out, struct ped_ctx *ctx)
{
	struct sbuf	items;
	size_t		g;

	if (ped_nerr(ctx) == 0)
		return;
	sbuf_init(&items);
	for (g = 0; g < PED_FV; g++)
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
ped_render(struct http_request *req, struct ped_ctx *ctx, int status)
{
	struct sbuf	 hidden, lead, notes, feedback, themes, community;
	struct sbuf	 owner, action, errors, phases, phase_now, contact;
	struct sbuf	 buttons;
	const char	*heading, *args[1];
	int		 concept;

	sbuf_init(&hidden);
	sbuf_init(&lead);
	sbuf_init(&notes);
	sbuf_init(&feedback);
	sbuf_init(&themes);
	sbuf_init(&community);
	sbuf_init(&owner);
	sbuf_init(&action);
	sbuf_init(&errors);
	sbuf_init(&phases);
	sbuf_init(&phase_now);
	sbuf_init(&contact);
	sbuf_init(&buttons);

	concept = ctx->is_new || strcmp(ctx->status, "concept") == 0;
	if (ctx->is_new) {
		heading = i18n_get(ctx->loc, MSG_pe_new_title);
		sbuf_puts(&lead, i18n_get(ctx->loc, MSG_pe_new_lead));
		sbuf_puts(&action, "/pilots/nieuw");
	} else {
		heading = i18n_get(ctx->loc, MSG_pe_edit_title);
		args[0] = sbuf_cstr(&ctx->s[PF_TITLE]);
		i18n_fmt(&lead, i18n_get(ctx->loc, MSG_pe_edit_lead), args, 1);
		sbuf_printf(&action, "/pilots/%s/bewerken", ctx->slug);
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
	ped_notes(&notes, ctx);
	/* Sent back: the editors' feedback stays until the next decision. */
	if (!ctx->is_new && strcmp(ctx->status, "concept") == 0 &&
	    ctx->s_feedback.len > 0) {
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&ctx->s_feedback), TPL_TEXT },
		};
		(void)view_append(&feedback, VIEW_pilot_edit_feedback,
		    ctx->loc, b, NBINDS(b));
	}
	if (ctx->nthemes_all > 0 || *fv_class(&ctx->fv[3], "themes") != '\0')
		ped_block(&themes, ctx, VIEW_pilot_edit_themes,
		    ped_themes_field, &ctx->o_themes);
	if (ctx->ncommunities > 0 ||
	    *fv_class(&ctx->fv[3], "community") != '\0')
		ped_block(&community, ctx, VIEW_pilot_edit_community,
		    ped_community_field, &ctx->o_communities);
	if (ctx->editor)
		ped_owner(&owner, ctx);
	ped_summary(&errors, ctx);
	ped_phases(&phases, ctx);
	ped_phase_now(&phase_now, ctx);
	ped_contact_status(&contact, ctx);
	ped_buttons(&buttons, ctx);
	{
		const struct tpl_bind	fixed[] = {
			{ "heading", heading, TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "notes", sbuf_cstr(&notes), TPL_TRUSTED_HTML },
			{ "feedback", sbuf_cstr(&feedback), TPL_TRUSTED_HTML },
			{ "conflict", sbuf_cstr(&ctx->conflict_html),
			    TPL_TRUSTED_HTML },
			{ "errors", sbuf_cstr(&errors), TPL_TRUSTED_HTML },
			{ "preview", sbuf_cstr(&ctx->preview),
			    TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "hidden", sbuf_cstr(&hidden), TPL_TRUSTED_HTML },
			{ "title", ctx->v[PF_TITLE], TPL_TEXT },
			{ "summary", ctx->v[PF_SUMMARY], TPL_TEXT },
			{ "regions", sbuf_cstr(&ctx->o_regions),
			    TPL_TRUSTED_HTML },
			{ "settings", sbuf_cstr(&ctx->o_settings),
			    TPL_TRUSTED_HTML },
			{ "projects", sbuf_cstr(&ctx->o_projects),
			    TPL_TRUSTED_HTML },
			{ "target_group", ctx->v[PF_TARGET], TPL_TEXT },
			{ "age_min", ctx->v[PF_AGE_MIN], TPL_TEXT },
			{ "age_max", ctx->v[PF_AGE_MAX], TPL_TEXT },
			{ "phases", sbuf_cstr(&phases), TPL_TRUSTED_HTML },
			{ "phase_now", sbuf_cstr(&phase_now), TPL_TEXT },
			{ "phase_since", ctx->v[PF_SINCE], TPL_TEXT },
			{ "today", ctx->today, TPL_TEXT },
			{ "phase_note", ctx->v[PF_PHASE_NOTE], TPL_TEXT },
			{ "start", ctx->v[PF_START], TPL_TEXT },
			{ "end", ctx->v[PF_END], TPL_TEXT },
			{ "partners", ctx->v[PF_PARTNERS], TPL_TEXT },
			{ "problem", ctx->v[PF_PROBLEM], TPL_TEXT },
			{ "approach", ctx->v[PF_APPROACH], TPL_TEXT },
			{ "body", ctx->v[PF_BODY], TPL_TEXT },
			{ "results", ctx->v[PF_RESULTS], TPL_TEXT },
			{ "figures", ctx->v[PF_FIGURES], TPL_TEXT },
			{ "conditions", ctx->v[PF_CONDITIONS], TPL_TEXT },
			{ "contact", ctx->v[PF_CONTACT], TPL_TEXT },
			{ "contact_status", sbuf_cstr(&contact),
			    TPL_TRUSTED_HTML },
			{ "contact_status_ref", contact.len > 0 ?
			    " contact-status" : "", TPL_TEXT },
			{ "themes", sbuf_cstr(&themes), TPL_TRUSTED_HTML },
			{ "tags", ctx->v[PF_TAGS], TPL_TEXT },
			{ "community", sbuf_cstr(&community),
			    TPL_TRUSTED_HTML },
			{ "owner", sbuf_cstr(&owner), TPL_TRUSTED_HTML },
			{ "related", ctx->v[PF_RELATED], TPL_TEXT },
			{ "note", ctx->v[PF_NOTE], TPL_TEXT },
			{ "buttons_hint", i18n_get(ctx->loc, concept ?
			    MSG_pe_buttons_hint_concept : MSG_pe_buttons_hint),
			    TPL_TEXT },
			{ "save_label", i18n_get(ctx->loc, concept ?
			    MSG_pe_save_concept : MSG_edit_save_button),
			    TPL_TEXT },
			{ "more_buttons", sbuf_cstr(&buttons),
			    TPL_TRUSTED_HTML },
		};
		struct tpl_bind	 b[NBINDS(fixed) +
		    (PF__MAX + 1) * FV_BINDS_PER_FIELD];
		size_t		 n, g;

		n = 0;
		for (g = 0; g < PED_FV; g++)
			n += fv_binds(&ctx->fv[g], ped_fv_names(g),
			    g + 1 == PED_FV ? fixed : NULL,
			    g + 1 == PED_FV ? NBINDS(fixed) : 0, b + n,
			    NBINDS(b) - n);
		view_page(req, status, ctx->loc, heading, "/pilots",
		    VIEW_pilot_edit, b, n);
	}
	sbuf_free(&hidden);
	sbuf_free(&lead);
	sbuf_free(&notes);
	sbuf_free(&feedback);
	sbuf_free(&themes);
	sbuf_free(&community);
	sbuf_free(&owner);
	sbuf_free(&action);
	sbuf_free(&errors);
	sbuf_free(&phases);
	sbuf_free(&phase_now);
	sbuf_free(&contact);
	sbuf_free(&buttons);
	return (HTTP_STATE_COMPLETE);
}
