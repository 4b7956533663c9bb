/*
 * Making and changing a community:
 *
 *   GET, POST /gemeenschappen/nieuw            editors
 *   GET, POST /gemeenschappen/<slug>/bewerken  its moderators, editors
 *
 * The form (multipart: the purpose is Markdown with line breaks,
 * STYLE.md c6) has name, summary, purpose, themes (repeated checkbox),
 * visibility and membership; a new one carries a nonce, so a repeated
 * POST makes one community; an edit carries the revision it started
 * from (base). community_save() in SQL checks the rights again, picks a
 * free slug, writes the audit row and makes the creator a moderator. A
 * stale base writes nothing: the 409 page shows what is stored, a diff
 * of the purpose, and the form with the typed text and base moved on.
 * Every refusal shows the form again with what was typed.
 *
 * Visitors are sent to sign in. Members who may not moderate get 403,
 * and 404 for a community they may not see (a closed one).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/md.h"
#include "db/q_community.h"
#include "web/auth.h"
#include "web/community_form.h"
#include "web/req.h"
#include "web/resp.h"

static const char *const	cf_visibilities[] = {
	"openbaar", "leden", "besloten", NULL
};
static const char *const	cf_memberships[] = {
	"open", "aanvraag", "uitnodiging", NULL
};

static int	cf_enter(struct http_request *, int);
static void	cf_read(struct http_request *, struct cf_ctx *);
static int	cf_session(struct http_request *, struct db_ctx *);
static int	cf_load(struct http_request *, struct cf_ctx *, db_done_fn);
static void	cf_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cf_loaded(struct http_request *, struct db_ctx *);
static void	cf_stored(struct cf_ctx *);
static void	cf_check(struct cf_ctx *);
static void	cf_check_text(struct cf_ctx *, const char *, const char *,
		    size_t, int, enum msg_id, enum msg_id);
static int	cf_save(struct http_request *, struct cf_ctx *);
static void	cf_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cf_saved(struct http_request *, struct db_ctx *);
static int	cf_save_fail(struct http_request *, struct db_ctx *, int);
static int	cf_reloaded(struct http_request *, struct db_ctx *);
static int	cf_show_conflict(struct http_request *, struct cf_ctx *);
static void	cf_free(struct http_request *);

int
community_new(struct http_request *req)
{
	return (cf_enter(req, 1));
}

int
community_edit(struct http_request *req)
{
	return (cf_enter(req, 0));
}

static int
cf_enter(struct http_request *req, int is_new)
{
	struct cf_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];

	if (!http_state_exists(req)) {
		slug[0] = '\0';
		if (!is_new &&
		    comm_path_slug(req->path, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), cf_free);
		ctx->loc = resp_locale(req);
		ctx->is_new = is_new;
		memcpy(ctx->slug, slug, sizeof(slug));
		ctx->name = ctx->summary = ctx->purpose = "";
		ctx->visibility = ctx->membership = "";
		sbuf_init(&ctx->themes);
		sbuf_putc(&ctx->themes, '\n');
		comm_head_init(&ctx->head);
		sbuf_init(&ctx->o_themes);
		sbuf_init(&ctx->html);
		sbuf_init(&ctx->conflict_html);
		fv_init(&ctx->fv, ctx->loc);
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			cf_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, cf_session);
	}
	return (db_run(req));
}

/* The fields of a POST, as typed (line breaks made LF). */
static void
cf_read(struct http_request *req, struct cf_ctx *ctx)
{
	struct http_arg	*a;
	char		*v;

	(void)req_populate_form(req);
	if (http_argument_get_string(req, "name", &v)) {
		form_oneline(v);
		ctx->name = form_trim(v);
	}
	if (http_argument_get_string(req, "summary", &v)) {
		form_oneline(v);
		ctx->summary = form_trim(v);
	}
	if (http_argument_get_string(req, "purpose", &v)) {
		form_lf(v);
		ctx->purpose = form_trim(v);
	}
	if (http_argument_get_string(req, "visibility", &v))
		ctx->visibility = v;
	if (http_argument_get_string(req, "membership", &v))
		ctx->membership = v;
	if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
		(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
	if (http_argument_get_string(req, "base", &v))
		(void)kore_strlcpy(ctx->base, v, sizeof(ctx->base));
	/* A repeated field: http_argument_get_string sees the first only. */
	TAILQ_FOREACH(a, &req->arguments, list) {
		if (strcmp(a->name, "themes") != 0 || a->s_value == NULL ||
		    form_list_has(sbuf_cstr(&ctx->themes), a->s_value))
			continue;
		sbuf_puts(&ctx->themes, a->s_value);
		sbuf_putc(&ctx->themes, '\n');
		ctx->nthemes++;
	}
}

static int
cf_session(struct http_request *req, struct db_ctx *db)
{
	struct cf_ctx	*ctx = (struct cf_ctx *)db;

	if (!auth_require(req, db, ctx->is_new ? ROLE_REDACTEUR : ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (cf_load(req, ctx, cf_loaded));
}

static int
cf_load(struct http_request *req, struct cf_ctx *ctx, db_done_fn done)
{
	struct db_ctx	*db = &ctx->db;

	db->fail = NULL;
	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_community_form, cf_row, done));
}

static void
cf_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cf_ctx	*ctx = (struct cf_ctx *)db;
	const char	*slug;
	int		 on;

	if (atoi(db_text(sql, r, QCH_TYPE)) == QCH_HEAD) {
		comm_head_read(&ctx->head, sql, r);
		return;
	}
	if (atoi(db_text(sql, r, QCH_TYPE)) != QCH_THEME || ctx->reload)
		return;
	slug = db_text(sql, r, QCH_C1);
	ctx->nthemes_all++;
	if (ctx->post) {
		if ((on = form_list_has(sbuf_cstr(&ctx->themes), slug)))
			ctx->themes_found++;
	} else
		on = comm_bool(db_text(sql, r, QCH_C3));
	cf_theme_option(ctx, slug, db_text(sql, r, QCH_C2), on);
}

static int
cf_loaded(struct http_request *req, struct db_ctx *db)
{
	struct cf_ctx	*ctx = (struct cf_ctx *)db;

	if (!ctx->is_new) {
		/*
		 * A closed community does not exist for outsiders. A forged
		 * POST is refused as such first, whatever its address.
		 */
		if (!ctx->head.found) {
			if (ctx->post && !auth_post_ok(req, db))
				return (comm_message(req, ctx->loc, 403,
				    MSG_err_403_title, MSG_comm_err_csrf,
				    "/gemeenschappen", MSG_comm_inv_back));
			resp_error(req, 404);
			return (HTTP_STATE_COMPLETE);
		}
		if (!ctx->head.may_mod) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
	}
	if (ctx->post && !auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		if (ctx->is_new && ctx->nonce[0] == '\0')
			tok_new(ctx->nonce);
		return (cf_render(req, ctx, 403));
	}
	if (!ctx->post) {
		cf_stored(ctx);
		return (cf_render(req, ctx, 200));
	}
	cf_check(ctx);
	if (ctx->fv.nerr > 0)
		return (cf_render(req, ctx, 400));
	if (!ctx->is_new && strcmp(ctx->base, ctx->head.revision) != 0)
		return (cf_show_conflict(req, ctx));
	return (cf_save(req, ctx));
}

/* GET: the form starts from what is stored (or empty, with a nonce). */
static void
cf_stored(struct cf_ctx *ctx)
{
	if (ctx->is_new) {
		tok_new(ctx->nonce);
		ctx->visibility = "openbaar";
		ctx->membership = "open";
		return;
	}
	ctx->name = sbuf_cstr(&ctx->head.name);
	ctx->summary = sbuf_cstr(&ctx->head.summary);
	ctx->purpose = sbuf_cstr(&ctx->head.purpose);
	ctx->visibility = ctx->head.visibility;
	ctx->membership = ctx->head.membership;
	(void)kore_strlcpy(ctx->base, ctx->head.revision, sizeof(ctx->base));
}

/* The checks of a save, each with its message next to its field. */
static void
cf_check(struct cf_ctx *ctx)
{
	cf_check_text(ctx, "name", ctx->name, COMM_NAME_MAX, 0,
	    MSG_comm_name_empty, MSG_comm_name_long);
	if (ctx->is_new && *fv_class(&ctx->fv, "name") == '\0' &&
	    slug_make(ctx->name, ctx->slugbase, sizeof(ctx->slugbase)) == 0)
		fv_error(&ctx->fv, "name", MSG_comm_name_noslug, NULL);
	cf_check_text(ctx, "summary", ctx->summary, COMM_SUMMARY_MAX, 0,
	    MSG_comm_summary_empty, MSG_comm_summary_long);
	cf_check_text(ctx, "purpose", ctx->purpose, COMM_PURPOSE_MAX, 1,
	    MSG_comm_purpose_empty, MSG_comm_purpose_long);
	if (ctx->themes_found != ctx->nthemes)
		fv_error(&ctx->fv, "themes", MSG_comm_themes_unknown, NULL);
	if (form_choice(ctx->visibility, cf_visibilities) == -1)
		fv_error(&ctx->fv, "visibility", MSG_comm_vis_choose, NULL);
	if (form_choice(ctx->membership, cf_memberships) == -1)
		fv_error(&ctx->fv, "membership", MSG_comm_mem_choose, NULL);
	if (ctx->is_new && ctx->nonce[0] == '\0') {
		/* Crafted or truncated: a fresh nonce for the next try. */
		fv_form_error(&ctx->fv, MSG_comm_nonce_missing, NULL);
		tok_new(ctx->nonce);
	}
}

static void
cf_check_text(struct cf_ctx *ctx, const char *field, const char *v,
    size_t max, int multiline, enum msg_id empty, enum msg_id toolong)
{
	switch (form_text(v, max, 1, multiline)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		fv_error(&ctx->fv, field, empty, NULL);
		break;
	case FORM_TOO_LONG:
		comm_error_max(&ctx->fv, field, toolong, max);
		break;
	default:
		fv_error(&ctx->fv, field, MSG_comm_bad_chars, NULL);
		break;
	}
}

static int
cf_save(struct http_request *req, struct cf_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	/* The length was checked: md_render cannot refuse it. */
	sbuf_reset(&ctx->html);
	(void)md_render(&ctx->html, ctx->purpose, strlen(ctx->purpose));
	db->params[0] = ctx->is_new ? "" : ctx->head.id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->is_new ? "" : ctx->base;
	db->params[3] = ctx->name;
	db->params[4] = ctx->summary;
	db->params[5] = ctx->purpose;
	db->params[6] = sbuf_cstr(&ctx->html);
	db->params[7] = sbuf_cstr(&ctx->themes);
	db->params[8] = ctx->visibility;
	db->params[9] = ctx->membership;
	db->params[10] = ctx->is_new ? ctx->slugbase : "";
	db->params[11] = ctx->is_new ? ctx->nonce : "";
	db->fail = cf_save_fail;
	return (db_chain(req, db, &q_community_save, cf_save_row, cf_saved));
}

static void
cf_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cf_ctx	*ctx = (struct cf_ctx *)db;

	(void)kore_strlcpy(ctx->saved_slug, db_text(sql, r, QCS_SLUG),
	    sizeof(ctx->saved_slug));
	ctx->conflict = comm_bool(db_text(sql, r, QCS_CONFLICT));
}

static int
cf_saved(struct http_request *req, struct db_ctx *db)
{
	struct cf_ctx	*ctx = (struct cf_ctx *)db;
	struct sbuf	 to;

	if (ctx->conflict) {
		/* Someone saved between our form query and the save. */
		ctx->reload = 1;
		ctx->head.found = 0;
		return (cf_load(req, ctx, cf_reloaded));
	}
	if (!path_slug_ok(ctx->saved_slug, strlen(ctx->saved_slug))) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&to);
	sbuf_printf(&to, COMM_PREFIX "%s?gedaan=%s", ctx->saved_slug,
	    ctx->is_new ? "aangemaakt" : "opgeslagen");
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

/*
 * The save (or the reload after a conflict) failed: nothing was
 * written. The form comes back with the typed text and why.
 */
static int
cf_save_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct cf_ctx	*ctx = (struct cf_ctx *)db;

	db->fail = NULL;
	switch (status) {
	case 403:
		fv_form_error(&ctx->fv, MSG_comm_save_forbidden, NULL);
		break;
	case 404:
		fv_form_error(&ctx->fv, MSG_comm_save_gone, NULL);
		break;
	default:
		/* resp_html() adds Retry-After to a 503. */
		fv_form_error(&ctx->fv, MSG_comm_save_failed, NULL);
		break;
	}
	return (cf_render(req, ctx, status));
}

static int
cf_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct cf_ctx	*ctx = (struct cf_ctx *)db;

	if (!ctx->head.found)
		return (cf_save_fail(req, db, 404));
	if (!ctx->head.may_mod)
		return (cf_save_fail(req, db, 403));
	return (cf_show_conflict(req, ctx));
}

/* 409: the stored version and the diff; the form keeps the typed text. */
static int
cf_show_conflict(struct http_request *req, struct cf_ctx *ctx)
{
	(void)kore_strlcpy(ctx->started, ctx->base, sizeof(ctx->started));
	(void)kore_strlcpy(ctx->base, ctx->head.revision, sizeof(ctx->base));
	cf_conflict(ctx);
	return (cf_render(req, ctx, 409));
}

static void
cf_free(struct http_request *req)
{
	struct cf_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->themes);
	comm_head_free(&ctx->head);
	sbuf_free(&ctx->o_themes);
	sbuf_free(&ctx->html);
	sbuf_free(&ctx->conflict_html);
	fv_free(&ctx->fv);
}
