/*
 * The pilot editor's page query (q_pilot_edit_page): its typed rows
 * become the stored values of the form and the rendered option lists.
 * See pilot_edit.c.
 */
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/links.h"
#include "db/q_pilot_edit.h"
#include "web/kind.h"
#include "web/pilot_edit.h"

static const char *ped_sel(struct ped_ctx *, enum ped_field);
static void	ped_row_list(struct ped_ctx *, int, struct kore_pgsql *, int);
static void	ped_row_item(struct ped_ctx *, struct kore_pgsql *, int);
static void	ped_row_pilot(struct ped_ctx *, struct kore_pgsql *, int);
static void	ped_row_path(struct sbuf *, const char *, const char *,
		    const char *);
static void	ped_set(struct ped_ctx *, enum ped_field, const char *);


void
ped_page_start(struct ped_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	db->params[0] = db->user.id;
	db->params[1] = ctx->slug;
	db->params[2] = sbuf_cstr(&ctx->rel_ok);
	db->params[3] = ctx->is_new && ctx->post ? ctx->nonce : "";
}

/* The value an option list marks: typed (POST) or stored (GET). */
static const char *
ped_sel(struct ped_ctx *ctx, enum ped_field f)
{
	if (ctx->post)
		return (ctx->v[f]);
	/* A new pilot is owned by its writer unless chosen. */
	if (f == PF_OWNER && !ctx->found)
		return (ctx->db.user.id);
	return (sbuf_cstr(&ctx->s[f]));
}

void
ped_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct ped_ctx	*ctx = (struct ped_ctx *)db;
	int		 g;

	g = atoi(db_text(sql, r, QP_GROUP));
	switch (g) {
	case QP_USER:
		ctx->editor = strcmp(db_text(sql, r, QP_C1), "true") == 0;
		(void)kore_strlcpy(ctx->today, db_text(sql, r, QP_C2),
		    sizeof(ctx->today));
		return;
	case QP_ITEM:
		ped_row_item(ctx, sql, r);
		return;
	case QP_PILOT:
		ped_row_pilot(ctx, sql, r);
		return;
	case QP_FIGURE:
		(void)figures_add(&ctx->sfigs, db_text(sql, r, QP_C1),
		    db_text(sql, r, QP_C2), db_text(sql, r, QP_C3));
		return;
	case QP_REPLAY:
		ctx->replay = 1;
		(void)kore_strlcpy(ctx->replay_slug, db_text(sql, r, QP_C1),
		    sizeof(ctx->replay_slug));
		(void)kore_strlcpy(ctx->replay_status, db_text(sql, r, QP_C2),
		    sizeof(ctx->replay_status));
		return;
	default:
		break;
	}
	/* Everything below is there already when the page loads again. */
	if (!ctx->reload)
		ped_row_list(ctx, g, sql, r);
}

/* The lists the form offers, rendered as their rows arrive. */
static void
ped_row_list(struct ped_ctx *ctx, int g, struct kore_pgsql *sql, int r)
{
	const char	*c1, *c2, *c3, *name, *sel;
	int		 on;

	c1 = db_text(sql, r, QP_C1);
	c2 = db_text(sql, r, QP_C2);
	c3 = db_text(sql, r, QP_C3);
	name = ctx->loc == LOC_EN && *c3 != '\0' ? c3 : c2;
	switch (g) {
	case QP_THEME:
		ctx->nthemes_all++;
		if (ctx->post) {
			if ((on = form_list_has(sbuf_cstr(&ctx->themes), c1)))
				ctx->themes_found++;
		} else
			on = strcmp(c3, "true") == 0;
		ped_row_option(ctx, QP_THEME, c1, c2, "", on);
		break;
	case QP_COMMUNITY:
		ctx->ncommunities++;
		sel = ped_sel(ctx, PF_COMMUNITY);
		if (strcmp(sel, c1) == 0)
			ctx->community_found = 1;
		ped_row_option(ctx, QP_COMMUNITY, c1, c2, "",
		    strcmp(sel, c1) == 0);
		break;
	case QP_OWNER:
		sel = ped_sel(ctx, PF_OWNER);
		if (strcmp(sel, c1) == 0)
			ctx->owner_found = 1;
		ped_row_option(ctx, QP_OWNER, c1, c2, "",
		    strcmp(sel, c1) == 0);
		break;
	case QP_TAG:
		if (ctx->s[PF_TAGS].len > 0)
			sbuf_puts(&ctx->s[PF_TAGS], ", ");
		sbuf_puts(&ctx->s[PF_TAGS], c1);
		break;
	case QP_RELATED:
		ped_row_path(&ctx->s[PF_RELATED], c1, c2, "\n");
		break;
	case QP_MISSING:
		if ((sel = strchr(c1, '/')) == NULL)
			break;
		/* A lesson is no item: cited from the text, not related. */
		if (strncmp(c1, "les/", 4) == 0) {
			if (ctx->lesson_rel.len > 0)
				sbuf_puts(&ctx->lesson_rel, ", ");
			sbuf_printf(&ctx->lesson_rel, "/lessen/%s", sel + 1);
			break;
		}
		if (ctx->missing_rel.len > 0)
			sbuf_puts(&ctx->missing_rel, ", ");
		{
			char	k[LINKS_KIND_MAX + 1];
			size_t	n;

			n = (size_t)(sel - c1);
			if (n >= sizeof(k))
				n = sizeof(k) - 1;
			memcpy(k, c1, n);
			k[n] = '\0';
			ped_row_path(&ctx->missing_rel, k, sel + 1, "");
		}
		break;
	case QP_REGION:
		ped_row_option(ctx, QP_REGION, c1, name,
		    db_text(sql, r, QP_C4),
		    strcmp(ped_sel(ctx, PF_REGION), c1) == 0);
		break;
	case QP_SETTING:
		ped_row_option(ctx, QP_SETTING, c1, name, "",
		    strcmp(ped_sel(ctx, PF_SETTING), c1) == 0);
		break;
	case QP_PROJECT:
		ped_row_option(ctx, QP_PROJECT, c1, c2, "",
		    strcmp(ped_sel(ctx, PF_PROJECT), c1) == 0);
		break;
	default:
		break;
	}
}

static void
ped_set(struct ped_ctx *ctx, enum ped_field f, const char *v)
{
	sbuf_reset(&ctx->s[f]);
	sbuf_puts(&ctx->s[f], v);
}

static void
ped_row_item(struct ped_ctx *ctx, struct kore_pgsql *sql, int r)
{
	ctx->found = 1;
	(void)kore_strlcpy(ctx->id, db_text(sql, r, QP_I_ID), sizeof(ctx->id));
	(void)kore_strlcpy(ctx->slug, db_text(sql, r, QP_I_SLUG),
	    sizeof(ctx->slug));
	(void)kore_strlcpy(ctx->rev, db_text(sql, r, QP_I_REV),
	    sizeof(ctx->rev));
	(void)kore_strlcpy(ctx->status, db_text(sql, r, QP_I_STATUS),
	    sizeof(ctx->status));
	(void)kore_strlcpy(ctx->missing, db_text(sql, r, QP_I_MISSING),
	    sizeof(ctx->missing));
	(void)kore_strlcpy(ctx->since, db_text(sql, r, QP_I_SINCE),
	    sizeof(ctx->since));
	(void)kore_strlcpy(ctx->agreed, db_text(sql, r, QP_I_AGREED),
	    sizeof(ctx->agreed));
	ped_set(ctx, PF_TITLE, db_text(sql, r, QP_I_TITLE));
	ped_set(ctx, PF_SUMMARY, db_text(sql, r, QP_I_SUMMARY));
	ped_set(ctx, PF_BODY, db_text(sql, r, QP_I_BODY));
	ped_set(ctx, PF_COMMUNITY, db_text(sql, r, QP_I_COMMUNITY));
	ped_set(ctx, PF_OWNER, db_text(sql, r, QP_I_OWNER));
	sbuf_reset(&ctx->s_feedback);
	sbuf_puts(&ctx->s_feedback, db_text(sql, r, QP_I_FEEDBACK));
	ctx->may_edit = strcmp(db_text(sql, r, QP_I_MAY_EDIT), "true") == 0;
}

static void
ped_row_pilot(struct ped_ctx *ctx, struct kore_pgsql *sql, int r)
{
	static const struct {
		enum ped_field	f;
		int		col;
	} cols[] = {
		{ PF_REGION, QP_P_REGION }, { PF_SETTING, QP_P_SETTING },
		{ PF_PROJECT, QP_P_PROJECT }, { PF_TARGET, QP_P_TARGET },
		{ PF_AGE_MIN, QP_P_AGE_MIN }, { PF_AGE_MAX, QP_P_AGE_MAX },
		{ PF_PHASE, QP_P_PHASE }, { PF_START, QP_P_START },
		{ PF_END, QP_P_END }, { PF_PARTNERS, QP_P_PARTNERS },
		{ PF_CONTACT, QP_P_CONTACT }, { PF_PROBLEM, QP_P_PROBLEM },
		{ PF_APPROACH, QP_P_APPROACH }, { PF_RESULTS, QP_P_RESULTS },
		{ PF_CONDITIONS, QP_P_CONDITIONS },
	};
	size_t	i;

	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		ped_set(ctx, cols[i].f, db_text(sql, r, cols[i].col));
}

/* "/pilots/slug" for an item kind and slug, then sep. */
static void
ped_row_path(struct sbuf *out, const char *kind, const char *slug,
    const char *sep)
{
	const struct kind	*k;

	if ((k = kind_by_name(kind)) == NULL)
		return;
	sbuf_printf(out, "%s/%s%s", k->path, slug, sep);
}
