/*
 * The community form's page (see community_form.c): the fields as
 * typed or stored, the theme checkboxes, the two radio groups with a
 * plain explanation per choice, and the 409 section. Every value goes
 * through a template; the raw insertions are HTML our own templates or
 * diff_html produced.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/diff.h"
#include "web/auth.h"
#include "web/community_form.h"
#include "web/resp.h"
#include "web/view.h"

static const char	 cf_checked[] = " checked";

static const char *const	cf_fields[] = {
	"name", "summary", "purpose", "themes", "visibility", "membership",
	NULL
};

static void	cf_radio(struct sbuf *, struct cf_ctx *, const char *,
		    const char *, enum msg_id, enum msg_id, const char *);

void
cf_theme_option(struct cf_ctx *ctx, const char *slug, const char *title,
    int on)
{
	const struct tpl_bind	b[] = {
		{ "slug", slug, TPL_TEXT },
		{ "title", title, TPL_TEXT },
		{ "checked", on ? cf_checked : "", TPL_TRUSTED_HTML },
	};

	if (view_append(&ctx->o_themes, VIEW_community_theme, ctx->loc, b,
	    NBINDS(b)) == -1)
		ctx->db.failed = 1;
}

/* What is stored now, and how the typed purpose differs from it. */
void
cf_conflict(struct cf_ctx *ctx)
{
	struct comm_head	*h = &ctx->head;
	struct sbuf		 text, fold, diff, section;
	struct diff_stats	 st;
	const char		*args[2];
	const char		*zu[1] = { "%zu" };

	sbuf_init(&text);
	sbuf_init(&fold);
	sbuf_init(&diff);
	sbuf_init(&section);
	args[0] = ctx->started[0] != '\0' ? ctx->started : "?";
	args[1] = h->revision;
	i18n_fmt(&text, i18n_get(ctx->loc, MSG_comm_conflict_text), args, 2);
	/* diff_html takes a printf format; messages hold only %s. */
	i18n_fmt(&fold, i18n_get(ctx->loc, MSG_comm_diff_fold), zu, 1);
	memset(&st, 0, sizeof(st));
	(void)diff_html(&diff, sbuf_cstr(&h->purpose), h->purpose.len,
	    ctx->purpose, strlen(ctx->purpose), sbuf_cstr(&fold), &st);
	if (st.added == 0 && st.removed == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_comm_conflict_same),
			    TPL_TEXT },
		};
		(void)view_append(&section, VIEW_community_text, ctx->loc, b,
		    NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "diff", sbuf_cstr(&diff), TPL_TRUSTED_HTML },
		};
		(void)view_append(&section, VIEW_community_diff, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "name", sbuf_cstr(&h->name), TPL_TEXT },
			{ "summary", sbuf_cstr(&h->summary), TPL_TEXT },
			{ "visibility", comm_vis_label(ctx->loc,
			    h->visibility), TPL_TEXT },
			{ "membership", comm_mem_label(ctx->loc,
			    h->membership), TPL_TEXT },
			{ "purpose", sbuf_cstr(&h->purpose), TPL_TEXT },
			{ "diff", sbuf_cstr(&section), TPL_TRUSTED_HTML },
		};
		sbuf_reset(&ctx->conflict_html);
		(void)view_append(&ctx->conflict_html, VIEW_community_conflict,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&fold);
	sbuf_free(&diff);
	sbuf_free(&section);
}

/* One radio button with its label and explanation. */
static void
cf_radio(struct sbuf *out, struct cf_ctx *ctx, const char *name,
    const char *value, enum msg_id label, enum msg_id hint,
    const char *chosen)
{
	const struct tpl_bind	b[] = {
		{ "name", name, TPL_TEXT },
		{ "value", value, TPL_TEXT },
		{ "label", i18n_get(ctx->loc, label), TPL_TEXT },
		{ "hint", i18n_get(ctx->loc, hint), TPL_TEXT },
		{ "checked", strcmp(value, chosen) == 0 ? cf_checked : "",
		    TPL_TRUSTED_HTML },
	};

	if (view_append(out, VIEW_community_radio, ctx->loc, b,
	    NBINDS(b)) == -1)
		ctx->db.failed = 1;
}

int
cf_render(struct http_request *req, struct cf_ctx *ctx, int status)
{
	struct sbuf	 lead, action, hidden, vis, mem, cancel;
	const char	*heading, *args[1];

	sbuf_init(&lead);
	sbuf_init(&action);
	sbuf_init(&hidden);
	sbuf_init(&vis);
	sbuf_init(&mem);
	sbuf_init(&cancel);
	if (ctx->is_new) {
		heading = i18n_get(ctx->loc, MSG_comm_new_title);
		sbuf_puts(&lead, i18n_get(ctx->loc, MSG_comm_new_lead));
		sbuf_puts(&action, "/gemeenschappen/nieuw");
		sbuf_puts(&cancel, "/gemeenschappen");
	} else {
		heading = i18n_get(ctx->loc, MSG_comm_edit_title);
		args[0] = sbuf_cstr(&ctx->head.name);
		i18n_fmt(&lead, i18n_get(ctx->loc, MSG_comm_edit_lead), args,
		    1);
		sbuf_printf(&action, COMM_PREFIX "%s/bewerken", ctx->slug);
		sbuf_printf(&cancel, COMM_PREFIX "%s", ctx->slug);
	}
	{
		const struct tpl_bind	b[] = {
			{ "name", ctx->is_new ? "nonce" : "base", TPL_TEXT },
			{ "value", ctx->is_new ? ctx->nonce : ctx->base,
			    TPL_TEXT },
		};
		(void)view_append(&hidden, VIEW_community_hidden, ctx->loc, b,
		    NBINDS(b));
	}
	cf_radio(&vis, ctx, "visibility", "openbaar", MSG_comm_vis_openbaar,
	    MSG_comm_f_vis_openbaar_hint, ctx->visibility);
	cf_radio(&vis, ctx, "visibility", "leden", MSG_comm_vis_leden,
	    MSG_comm_f_vis_leden_hint, ctx->visibility);
	cf_radio(&vis, ctx, "visibility", "besloten", MSG_comm_vis_besloten,
	    MSG_comm_f_vis_besloten_hint, ctx->visibility);
	cf_radio(&mem, ctx, "membership", "open", MSG_community_open,
	    MSG_comm_f_mem_open_hint, ctx->membership);
	cf_radio(&mem, ctx, "membership", "aanvraag", MSG_community_request,
	    MSG_comm_f_mem_aanvraag_hint, ctx->membership);
	cf_radio(&mem, ctx, "membership", "uitnodiging", MSG_community_invite,
	    MSG_comm_f_mem_uitnodiging_hint, ctx->membership);
	{
		const struct tpl_bind	fixed[] = {
			{ "heading", heading, TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "conflict", sbuf_cstr(&ctx->conflict_html),
			    TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "hidden", sbuf_cstr(&hidden), TPL_TRUSTED_HTML },
			{ "name", ctx->name, TPL_TEXT },
			{ "summary", ctx->summary, TPL_TEXT },
			{ "purpose", ctx->purpose, TPL_TEXT },
			{ "themes", sbuf_cstr(&ctx->o_themes),
			    TPL_TRUSTED_HTML },
			{ "vis_options", sbuf_cstr(&vis), TPL_TRUSTED_HTML },
			{ "mem_options", sbuf_cstr(&mem), TPL_TRUSTED_HTML },
			{ "button", i18n_get(ctx->loc, ctx->is_new ?
			    MSG_comm_create_button : MSG_comm_save_button),
			    TPL_TEXT },
			{ "cancel", sbuf_cstr(&cancel), TPL_TEXT },
			{ "cancel_label", i18n_get(ctx->loc, ctx->is_new ?
			    MSG_comm_inv_back : MSG_comm_cancel), TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(cf_fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv, cf_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		if (ctx->db.failed)
			resp_error(req, 500);
		else
			view_page(req, status, ctx->loc, heading,
			    "/gemeenschappen", VIEW_community_form, b, n);
	}
	sbuf_free(&lead);
	sbuf_free(&action);
	sbuf_free(&hidden);
	sbuf_free(&vis);
	sbuf_free(&mem);
	sbuf_free(&cancel);
	return (HTTP_STATE_COMPLETE);
}
