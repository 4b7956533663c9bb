/*
 * The pilot editor's save (see pilot_edit.c): the Markdown rendered,
 * the links of all five texts and pilot_save()'s p_fields (jw.c), then
 * pilot_save() with the workflow step in one statement and 303 to the
 * pilot, or the form again with why nothing was written (a refused
 * value, a conflict, a failure).
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/jw.h"
#include "core/links.h"
#include "db/q_pilot_edit.h"
#include "web/pilot_edit.h"
#include "web/resp.h"

static void	ped_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	ped_saved(struct http_request *, struct db_ctx *);
static int	ped_save_fail(struct http_request *, struct db_ctx *, int);
static int	ped_reloaded(struct http_request *, struct db_ctx *);
static void	ped_build(struct ped_ctx *);
static void	ped_save_error(struct ped_ctx *);

int
ped_save(struct http_request *req, struct ped_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;
	const char	*step;

	ped_build(ctx);
	if (slug_make(ctx->v[PF_TITLE], ctx->slugbase,
	    sizeof(ctx->slugbase)) == 0)
		(void)kore_strlcpy(ctx->slugbase, "pilot",
		    sizeof(ctx->slugbase));
	(void)snprintf(ctx->words, sizeof(ctx->words), "%zu",
	    ctx->doc.words);
	switch (ctx->action) {
	case PA_SUBMIT:
		step = "indienen";
		break;
	case PA_PUBLISH:
		step = "goedkeuren";
		break;
	default:
		step = "";
		break;
	}
	db->params[0] = ctx->is_new ? NULL : ctx->id;
	db->params[1] = ctx->is_new ? NULL : ctx->base;
	db->params[2] = db->user.id;
	db->params[3] = ctx->v[PF_TITLE];
	db->params[4] = ctx->v[PF_SUMMARY];
	db->params[5] = ctx->v[PF_BODY];
	db->params[6] = sbuf_cstr(&ctx->doc.html);
	db->params[7] = sbuf_cstr(&ctx->doc.toc);
	db->params[8] = ctx->words;
	db->params[9] = ctx->v[PF_NOTE];
	db->params[10] = ctx->slugbase;
	db->params[11] = sbuf_cstr(&ctx->themes);
	db->params[12] = sbuf_cstr(&ctx->taglines);
	db->params[13] = ctx->v[PF_COMMUNITY];
	/* NULL keeps the owner; only editors choose one. */
	db->params[14] = ctx->editor && *ctx->v[PF_OWNER] != '\0' ?
	    ctx->v[PF_OWNER] : NULL;
	db->params[15] = sbuf_cstr(&ctx->links);
	db->params[16] = sbuf_cstr(&ctx->rel_ok);
	db->params[17] = ctx->is_new ? ctx->nonce : NULL;
	db->params[18] = sbuf_cstr(&ctx->fields);
	db->params[19] = step;
	db->fail = ped_save_fail;
	return (db_chain(req, db, &q_pilot_edit_save, ped_save_row,
	    ped_saved));
}

static void
ped_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct ped_ctx	*ctx = (struct ped_ctx *)db;

	(void)kore_strlcpy(ctx->saved_slug, db_text(sql, r, QP_S_SLUG),
	    sizeof(ctx->saved_slug));
	(void)kore_strlcpy(ctx->saved_status, db_text(sql, r, QP_S_STATUS),
	    sizeof(ctx->saved_status));
	(void)kore_strlcpy(ctx->error, db_text(sql, r, QP_S_ERROR),
	    sizeof(ctx->error));
	ctx->conflict = strcmp(db_text(sql, r, QP_S_CONFLICT), "t") == 0;
}

static int
ped_saved(struct http_request *req, struct db_ctx *db)
{
	struct ped_ctx	*ctx = (struct ped_ctx *)db;

	if (ctx->error[0] != '\0') {
		/* A value pilot_save() refused: nothing was written. */
		ped_save_error(ctx);
		return (ped_render(req, ctx, 400));
	}
	if (ctx->conflict) {
		/* Someone saved between our page query and the save. */
		ctx->reload = 1;
		ctx->found = ctx->may_edit = 0;
		ctx->sfigs.n = 0;
		ped_page_start(ctx);
		return (db_chain(req, db, &q_pilot_edit_page, ped_row,
		    ped_reloaded));
	}
	if (!path_slug_ok(ctx->saved_slug, strlen(ctx->saved_slug))) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	ped_redirect(req, ctx, ctx->saved_slug, ctx->saved_status);
	return (HTTP_STATE_COMPLETE);
}

/* 303 to the pilot, with the notice for the status it has now. */
void
ped_redirect(struct http_request *req, struct ped_ctx *ctx, const char *slug,
    const char *status)
{
	struct sbuf	 to;
	const char	*done;

	if (strcmp(status, "ter_review") == 0)
		done = "ingediend";
	else if (strcmp(status, "gepubliceerd") == 0 &&
	    ctx->action == PA_PUBLISH)
		done = "goedgekeurd";
	else
		done = "opgeslagen";
	sbuf_init(&to);
	sbuf_printf(&to, PED_PREFIX "/%s?gedaan=%s", slug, done);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
}

/*
 * The save (or the reload after a conflict) failed: nothing was
 * written. The form comes back with the typed text and why.
 */
static int
ped_save_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct ped_ctx	*ctx = (struct ped_ctx *)db;

	switch (status) {
	case 400:
		ped_form_error(ctx, MSG_pe_save_invalid);
		break;
	case 403:
		ped_form_error(ctx, MSG_pe_save_forbidden);
		break;
	case 404:
		ped_form_error(ctx, MSG_pe_save_gone);
		break;
	case 409:
		/* item_transition(): the status changed meanwhile. */
		ped_form_error(ctx, MSG_pe_state_changed);
		break;
	default:
		/* resp_html() adds Retry-After to a 503. */
		ped_form_error(ctx, MSG_edit_save_failed);
		break;
	}
	return (ped_render(req, ctx, status));
}

static int
ped_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct ped_ctx	*ctx = (struct ped_ctx *)db;

	sbuf_reset(&ctx->s[PF_FIGURES]);
	figures_write(&ctx->s[PF_FIGURES], &ctx->sfigs,
	    ctx->loc == LOC_EN ? '.' : ',');
	if (!ctx->found)
		return (ped_save_fail(req, db, 404));
	if (!ctx->may_edit)
		return (ped_save_fail(req, db, 403));
	return (ped_show_conflict(req, ctx));
}

/* 409: the stored version and the diff; the form keeps the typed text. */
int
ped_show_conflict(struct http_request *req, struct ped_ctx *ctx)
{
	(void)kore_strlcpy(ctx->started, ctx->base, sizeof(ctx->started));
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	ped_conflict(ctx);
	return (ped_render(req, ctx, 409));
}

int
ped_render_md(struct ped_ctx *ctx)
{
	const char	*v;
	size_t		 i, len;

	if (ctx->rendered)
		return (0);
	len = strlen(ctx->v[PF_BODY]);
	if (len > MD_MAX_INPUT || md_doc_render(&ctx->doc, ctx->v[PF_BODY],
	    len, resp_base_url()) == -1) {
		ped_error_n(ctx, "body", MSG_pe_body_long, (len + 1023) / 1024);
		return (-1);
	}
	for (i = 0; i < PED_MD; i++) {
		v = ctx->v[ped_md_fields[i]];
		sbuf_reset(&ctx->md_html[i]);
		if (md_render(&ctx->md_html[i], v, strlen(v)) == -1) {
			ped_error_label(ctx, ped_md_fields[i], MSG_pe_md_long);
			return (-1);
		}
	}
	ctx->rendered = 1;
	return (0);
}

/* pilot_save()'s p_fields and the links of all five texts. */
static void
ped_build(struct ped_ctx *ctx)
{
	static const char *const	 md_keys[PED_MD][2] = {
		{ "problem_md", "problem_html" },
		{ "approach_md", "approach_html" },
		{ "results_md", "results_html" },
		{ "conditions_md", "conditions_html" },
	};
	struct sbuf			*j = &ctx->fields;
	const struct figure		*f;
	const char			*v;
	size_t				 i;
	int				 changed;

	/* item_ref: the Bron links of the body and the four fields. */
	sbuf_reset(&ctx->links);
	sbuf_puts(&ctx->links, sbuf_cstr(&ctx->doc.links));
	for (i = 0; i < PED_MD; i++) {
		v = ctx->v[ped_md_fields[i]];
		(void)links_extract(&ctx->links, v, strlen(v),
		    resp_base_url());
	}

	changed = ped_phase_changed(ctx);
	sbuf_reset(j);
	jw_obj_open(j);
	jw_kv_str(j, 1, "region", ctx->v[PF_REGION]);
	jw_kv_str(j, 0, "setting", ctx->v[PF_SETTING]);
	jw_kv_str(j, 0, "project", ctx->v[PF_PROJECT]);
	jw_kv_str(j, 0, "target_group", ctx->v[PF_TARGET]);
	jw_kv_str(j, 0, "age_min", ctx->v[PF_AGE_MIN]);
	jw_kv_str(j, 0, "age_max", ctx->v[PF_AGE_MAX]);
	jw_kv_str(j, 0, "phase", ctx->v[PF_PHASE]);
	jw_kv_str(j, 0, "phase_since", !changed ? "" :
	    *ctx->v[PF_SINCE] != '\0' ? ctx->v[PF_SINCE] : ctx->today);
	jw_kv_str(j, 0, "phase_note", changed ? ctx->v[PF_PHASE_NOTE] : "");
	jw_kv_str(j, 0, "start", ctx->v[PF_START]);
	jw_kv_str(j, 0, "end", ctx->v[PF_END]);
	sbuf_puts(j, ",\"partners\":");
	sbuf_puts(j, sbuf_cstr(&ctx->partners));
	for (i = 0; i < PED_MD; i++) {
		jw_kv_str(j, 0, md_keys[i][0], ctx->v[ped_md_fields[i]]);
		jw_kv_str(j, 0, md_keys[i][1], sbuf_cstr(&ctx->md_html[i]));
	}
	sbuf_puts(j, ",\"figures\":[");
	for (i = 0; i < ctx->figs.n; i++) {
		f = &ctx->figs.f[i];
		if (i > 0)
			sbuf_putc(j, ',');
		jw_obj_open(j);
		jw_kv_str(j, 1, "label", f->label);
		jw_kv_str(j, 0, "value", f->value);
		jw_kv_str(j, 0, "unit", f->unit);
		jw_obj_close(j);
	}
	sbuf_putc(j, ']');
	jw_kv_str(j, 0, "contact", ctx->v[PF_CONTACT]);
	jw_obj_close(j);
}

/* pilot_save()'s error column as a message next to its field. */
static void
ped_save_error(struct ped_ctx *ctx)
{
	static const struct {
		const char	*error;
		const char	*field;
		enum msg_id	 msg;
	} errs[] = {
		{ "region", "region", MSG_pe_unknown_region },
		{ "setting", "setting", MSG_pe_unknown_setting },
		{ "project", "project", MSG_pe_unknown_project },
		{ "phase", "phase", MSG_pe_unknown_phase },
		{ "contact", "contact", MSG_pe_contact_unknown },
		{ "contact_ambiguous", "contact", MSG_pe_contact_ambiguous },
	};
	size_t	i;

	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		if (strcmp(ctx->error, errs[i].error) == 0) {
			ped_error(ctx, errs[i].field, errs[i].msg, NULL);
			return;
		}
	}
	ped_form_error(ctx, MSG_pe_save_invalid);
}
