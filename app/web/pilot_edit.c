/*
 * The pilot editor: /pilots/nieuw and /pilots/{slug}/bewerken.
 *
 * The article editor's pattern (article_edit.c) with a pilot's own
 * fields: where and who (region, setting, programme project, target
 * group, age), phase and period, partners, the four Markdown fields
 * (problem, approach, results, conditions) next to the body, results
 * in figures (core/figures.c) and a contact person.
 *
 * GET shows the form. POST (multipart: the Markdown fields have line
 * breaks, STYLE.md c6) takes one of four actions:
 *   preview   renders the body and the four fields; nothing is saved
 *   save      pilot_save(); a concept may be incomplete, so nothing
 *             typed is lost (a pilot that was submitted or published
 *             must stay complete)
 *   submit    the required fields first (422 with a message next to
 *             each missing one), then pilot_save() and item_transition
 *             'indienen' in one statement
 *   publish   the same with 'goedkeuren' (editors only)
 * then 303 to /pilots/{slug}?gedaan=opgeslagen|ingediend|goedgekeurd.
 * A new pilot carries a nonce: a repeated POST leads to the pilot the
 * first one made. An edit carries its base revision: when someone saved
 * since, nothing is written and the 409 page shows what is stored, a
 * diff of all fields, and the form with the typed text.
 *
 * Who: any signed-in member may start a pilot; editing is for its
 * authors, owner and editors (item_may_edit; pilot_save() refuses
 * others with 42501). One query loads the page (q_pilot_edit_page).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/links.h"
#include "db/q_pilot_edit.h"
#include "web/auth.h"
#include "web/kind.h"
#include "web/pilot_edit.h"
#include "web/req.h"
#include "web/resp.h"

#define PED_SUFFIX	"/bewerken"

const struct ped_fdef ped_fields[PF__MAX] = {
	[PF_TITLE] = { "title", PR_LINE, 0,
	    MSG_edit_title_label },
	[PF_SUMMARY] = { "summary", PR_LINE, 0,
	    MSG_summary_label },
	[PF_REGION] = { "region", PR_RAW, 1,
	    MSG_pf_region },
	[PF_SETTING] = { "setting", PR_RAW, 1,
	    MSG_pf_setting },
	[PF_PROJECT] = { "project", PR_RAW, 1,
	    MSG_pf_project },
	[PF_TARGET] = { "target_group", PR_LINE, 1,
	    MSG_pf_target_group },
	[PF_AGE_MIN] = { "age_min", PR_LINE, 1,
	    MSG_pf_age_from },
	[PF_AGE_MAX] = { "age_max", PR_LINE, 1,
	    MSG_pf_age_to },
	[PF_PHASE] = { "phase", PR_RAW, 1,
	    MSG_pf_phase },
	[PF_SINCE] = { "phase_since", PR_LINE, 1,
	    MSG_pf_phase_since },
	[PF_PHASE_NOTE] = { "phase_note", PR_LINE, 1,
	    MSG_pf_phase_note },
	[PF_START] = { "start", PR_LINE, 1,
	    MSG_pf_start },
	[PF_END] = { "end", PR_LINE, 1,
	    MSG_pf_end },
	[PF_PARTNERS] = { "partners", PR_LIST, 2,
	    MSG_pf_partners },
	[PF_PROBLEM] = { "problem", PR_MD, 2,
	    MSG_pf_problem },
	[PF_APPROACH] = { "approach", PR_MD, 2,
	    MSG_pf_approach },
	[PF_BODY] = { "body", PR_MD, 2,
	    MSG_pe_body_label },
	[PF_RESULTS] = { "results", PR_MD, 2,
	    MSG_pf_results },
	[PF_FIGURES] = { "figures", PR_LIST, 2,
	    MSG_pf_figures },
	[PF_CONDITIONS] = { "conditions", PR_MD, 2,
	    MSG_pf_conditions },
	[PF_CONTACT] = { "contact", PR_LINE, 2,
	    MSG_pf_contact },
	[PF_TAGS] = { "tags", PR_LINE, 3,
	    MSG_edit_tags_label },
	[PF_COMMUNITY] = { "community", PR_RAW, 3,
	    MSG_edit_community_label },
	[PF_OWNER] = { "owner", PR_RAW, 3,
	    MSG_edit_owner_label },
	[PF_RELATED] = { "related", PR_LIST, 3,
	    MSG_edit_related_label },
	[PF_NOTE] = { "note", PR_LINE, 3,
	    MSG_edit_note_label },
};

const enum ped_field ped_md_fields[PED_MD] = {
	PF_PROBLEM, PF_APPROACH, PF_RESULTS, PF_CONDITIONS
};

static const char *const	ped_actions[] = {
	"preview", "save", "submit", "publish", NULL
};

static int	ped_enter(struct http_request *, int);
static int	ped_path(struct http_request *, char *, size_t);
static void	ped_init(struct ped_ctx *, int, enum locale);
static void	ped_nonce(struct ped_ctx *);
static void	ped_read(struct http_request *, struct ped_ctx *);
static int	ped_session(struct http_request *, struct db_ctx *);
static int	ped_loaded(struct http_request *, struct db_ctx *);
static void	ped_stored(struct ped_ctx *);
static int	ped_action_ok(struct ped_ctx *);
static int	ped_post(struct http_request *, struct ped_ctx *);
static void	ped_free(struct http_request *);

int
pilot_new(struct http_request *req)
{
	return (ped_enter(req, 1));
}

int
pilot_edit(struct http_request *req)
{
	return (ped_enter(req, 0));
}

static int
ped_enter(struct http_request *req, int is_new)
{
	struct ped_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];

	if (!http_state_exists(req)) {
		slug[0] = '\0';
		if (!is_new && ped_path(req, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), ped_free);
		ped_init(ctx, is_new, resp_locale(req));
		(void)kore_strlcpy(ctx->slug, slug, sizeof(ctx->slug));
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			ped_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, ped_session);
	}
	return (db_run(req));
}

/* "/pilots/{slug}/bewerken" (no regex captures, STYLE.md c3). */
static int
ped_path(struct http_request *req, char *slug, size_t len)
{
	char	path[PATH_SLUG_MAX + 32];
	size_t	n, sn;

	n = strlen(req->path);
	sn = strlen(PED_SUFFIX);
	if (n >= sizeof(path) || n < sn ||
	    strcmp(req->path + n - sn, PED_SUFFIX) != 0)
		return (-1);
	memcpy(path, req->path, n - sn);
	path[n - sn] = '\0';
	return (path_slug(path, PED_PREFIX, slug, len));
}

static void
ped_init(struct ped_ctx *ctx, int is_new, enum locale loc)
{
	size_t	i;

	ctx->loc = loc;
	ctx->is_new = is_new;
	ctx->action = PA_PREVIEW;
	for (i = 0; i < PF__MAX; i++) {
		ctx->v[i] = "";
		sbuf_init(&ctx->s[i]);
	}
	for (i = 0; i < PED_MD; i++)
		sbuf_init(&ctx->md_html[i]);
	for (i = 0; i < PED_FV; i++)
		fv_init(&ctx->fv[i], loc);
	sbuf_init(&ctx->themes);
	sbuf_putc(&ctx->themes, '\n');
	sbuf_init(&ctx->rel_ok);
	sbuf_init(&ctx->rel_bad);
	sbuf_init(&ctx->s_feedback);
	sbuf_init(&ctx->missing_rel);
	sbuf_init(&ctx->lesson_rel);
	sbuf_init(&ctx->o_themes);
	sbuf_init(&ctx->o_communities);
	sbuf_init(&ctx->o_owners);
	sbuf_init(&ctx->o_regions);
	sbuf_init(&ctx->o_group);
	sbuf_init(&ctx->o_settings);
	sbuf_init(&ctx->o_projects);
	sbuf_init(&ctx->taglines);
	sbuf_init(&ctx->partners);
	sbuf_init(&ctx->links);
	sbuf_init(&ctx->fields);
	sbuf_init(&ctx->preview);
	sbuf_init(&ctx->conflict_html);
	md_doc_init(&ctx->doc);
}

/* The fields of a POST, as typed (line breaks made LF). */
static void
ped_read(struct http_request *req, struct ped_ctx *ctx)
{
	struct http_arg	*a;
	char		*v;
	size_t		 i;
	int		 act;

	/* The form is multipart; take url-encoded posts too. */
	(void)req_populate_form(req);

	for (i = 0; i < PF__MAX; i++) {
		if (!http_argument_get_string(req, ped_fields[i].name, &v))
			continue;
		switch (ped_fields[i].read) {
		case PR_LINE:
			form_oneline(v);
			v = form_trim(v);
			break;
		case PR_LIST:
			form_lf(v);
			v = form_trim(v);
			break;
		case PR_MD:
			/* Leading spaces mean something in Markdown. */
			form_lf(v);
			v = form_rtrim(v);
			break;
		case PR_RAW:
			break;
		}
		ctx->v[i] = v;
	}
	if (http_argument_get_string(req, "action", &v) &&
	    (act = form_choice(v, ped_actions)) != -1)
		ctx->action = (enum ped_action)act;
	if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
		(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
	if (http_argument_get_string(req, "base", &v))
		(void)kore_strlcpy(ctx->base, v, sizeof(ctx->base));

	/* A repeated field: http_argument_get_string sees the first only. */
	TAILQ_FOREACH(a, &req->arguments, list) {
		if (strcmp(a->name, "themes") != 0 ||
		    form_list_has(sbuf_cstr(&ctx->themes), a->s_value))
			continue;
		sbuf_puts(&ctx->themes, a->s_value);
		sbuf_putc(&ctx->themes, '\n');
		ctx->nthemes++;
	}

	/* Checked against the database by the page query. */
	ctx->nrel_bad = links_list(&ctx->rel_ok, &ctx->rel_bad,
	    ctx->v[PF_RELATED], resp_base_url());
}



/* The session is known: visitors go to sign in, members get the page. */
static int
ped_session(struct http_request *req, struct db_ctx *db)
{
	struct ped_ctx	*ctx = (struct ped_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	ped_page_start(ctx);
	return (db_chain(req, db, &q_pilot_edit_page, ped_row, ped_loaded));
}

static int
ped_loaded(struct http_request *req, struct db_ctx *db)
{
	struct ped_ctx	*ctx = (struct ped_ctx *)db;

	ped_regions_end(ctx);
	figures_write(&ctx->s[PF_FIGURES], &ctx->sfigs,
	    ctx->loc == LOC_EN ? '.' : ',');
	/* A forged POST is refused first, whatever it names. */
	if (ctx->post && !auth_post_ok(req, db)) {
		if (!ctx->is_new && (!ctx->found || !ctx->may_edit)) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		ped_form_error(ctx, MSG_csrf_failed);
		ped_nonce(ctx);
		return (ped_render(req, ctx, 403));
	}
	if (!ctx->is_new) {
		if (!ctx->found) {
			resp_error(req, 404);
			return (HTTP_STATE_COMPLETE);
		}
		/*
		 * As on the article editor: a concept or a pilot in review
		 * does not exist for someone who may not edit it (404, so
		 * not even its slug leaks); a published one was public: 403.
		 */
		if (!ctx->may_edit) {
			resp_error(req, strcmp(ctx->status, "concept") == 0 ||
			    strcmp(ctx->status, "ter_review") == 0 ? 404 : 403);
			return (HTTP_STATE_COMPLETE);
		}
	}
	if (!ctx->post) {
		ped_stored(ctx);
		return (ped_render(req, ctx, 200));
	}
	return (ped_post(req, ctx));
}

/* GET: the form starts from what is stored (or empty, with a nonce). */
static void
ped_stored(struct ped_ctx *ctx)
{
	size_t	i;

	if (!ctx->is_new) {
		for (i = 0; i < PF__MAX; i++)
			ctx->v[i] = sbuf_cstr(&ctx->s[i]);
		(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	} else
		tok_new(ctx->nonce);
	/* Used only when the phase changes: then it starts today. */
	ctx->v[PF_SINCE] = ctx->today;
}

/* A new pilot's form always carries a nonce. */
static void
ped_nonce(struct ped_ctx *ctx)
{
	if (ctx->is_new && ctx->nonce[0] == '\0')
		tok_new(ctx->nonce);
}

/* The buttons the form offers for the pilot as it is. */
static int
ped_action_ok(struct ped_ctx *ctx)
{
	int	concept;

	concept = ctx->is_new || strcmp(ctx->status, "concept") == 0;
	switch (ctx->action) {
	case PA_SUBMIT:
		return (concept);
	case PA_PUBLISH:
		return (ctx->editor && (concept ||
		    strcmp(ctx->status, "ter_review") == 0));
	default:
		return (1);
	}
}

static int
ped_post(struct http_request *req, struct ped_ctx *ctx)
{
	/* The same create again (a double click, a retry): its pilot. */
	if (ctx->is_new && ctx->replay && ctx->action != PA_PREVIEW) {
		ped_redirect(req, ctx, ctx->replay_slug, ctx->replay_status);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ped_action_ok(ctx)) {
		ped_form_error(ctx, MSG_pe_action_bad);
		ped_nonce(ctx);
		return (ped_render(req, ctx, 400));
	}
	/* A save without its nonce gets a message and a fresh one. */
	ped_check(ctx, ctx->action != PA_PREVIEW);
	if (ctx->action == PA_PREVIEW) {
		ped_nonce(ctx);
		if (ped_nerr(ctx) > 0 || ped_render_md(ctx) == -1)
			return (ped_render(req, ctx, 400));
		ped_preview(ctx);
		return (ped_render(req, ctx, 200));
	}
	/* A pilot in review or published stays complete. */
	if (ctx->action != PA_SAVE || (!ctx->is_new &&
	    strcmp(ctx->status, "concept") != 0))
		ped_check_required(ctx);
	if (ctx->needed) {
		ped_form_error(ctx, ctx->action == PA_SAVE ?
		    MSG_pe_incomplete_saved : MSG_pe_incomplete);
		return (ped_render(req, ctx, 422));
	}
	if (ped_nerr(ctx) > 0)
		return (ped_render(req, ctx, 400));
	if (!ctx->is_new && strcmp(ctx->base, ctx->rev) != 0)
		return (ped_show_conflict(req, ctx));
	if (ped_render_md(ctx) == -1)
		return (ped_render(req, ctx, 400));
	return (ped_save(req, ctx));
}

static void
ped_free(struct http_request *req)
{
	struct ped_ctx	*ctx = http_state_get(req);
	size_t		 i;

	for (i = 0; i < PF__MAX; i++)
		sbuf_free(&ctx->s[i]);
	for (i = 0; i < PED_MD; i++)
		sbuf_free(&ctx->md_html[i]);
	for (i = 0; i < PED_FV; i++)
		fv_free(&ctx->fv[i]);
	sbuf_free(&ctx->themes);
	sbuf_free(&ctx->rel_ok);
	sbuf_free(&ctx->rel_bad);
	sbuf_free(&ctx->s_feedback);
	sbuf_free(&ctx->missing_rel);
	sbuf_free(&ctx->lesson_rel);
	sbuf_free(&ctx->o_themes);
	sbuf_free(&ctx->o_communities);
	sbuf_free(&ctx->o_owners);
	sbuf_free(&ctx->o_regions);
	sbuf_free(&ctx->o_group);
	sbuf_free(&ctx->o_settings);
	sbuf_free(&ctx->o_projects);
	sbuf_free(&ctx->taglines);
	sbuf_free(&ctx->partners);
	sbuf_free(&ctx->links);
	sbuf_free(&ctx->fields);
	sbuf_free(&ctx->preview);
	sbuf_free(&ctx->conflict_html);
	md_doc_free(&ctx->doc);
}
