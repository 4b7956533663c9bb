/*
 * Adding and changing a lesson learned (issue 7):
 *
 *   GET, POST /pilots/{slug}/lessen     lesson_new
 *   GET, POST /lessen/{id}/bewerken     lesson_edit
 *
 * POST is multipart (the explanation is Markdown with line breaks,
 * STYLE.md c6): _csrf, kind (werkte|werkte_niet|randvoorwaarde|advies),
 * statement (one line, at most 300 characters), explanation (Markdown,
 * optional; its links are not tracked), and a nonce (new) or the
 * revision the form started from (base). lesson_save() writes it; then
 * 303 to the lesson on the pilot page. A stale base writes nothing: the
 * 409 page shows what is stored and how the typed text differs, with
 * the typed text in the form and base moved on.
 *
 * Who: those who may edit the pilot (item_may_edit; lesson_save()
 * checks again). Visitors go to sign in; a pilot or lesson the reader
 * may not read is 404, one they may read but not edit 403. Every
 * refusal of a POST shows the form again with what was typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/diff.h"
#include "core/form.h"
#include "core/md.h"
#include "core/path.h"
#include "core/pilot.h"
#include "core/token.h"
#include "db/q_lesson.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/lesson.h"
#include "web/pilot_show.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

/* Characters, as lesson.explanation_md. */
#define LED_EXPL_MAX	20000

struct led_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 is_new;
	int		 post;
	int		 bad;	/* the path names nothing: 404 */
	char		 id[LESSON_ID_MAX + 1];	/* edit: lesson */
	char		 slug[PATH_SLUG_MAX + 1]; /* new: pilot */

	/* What was typed (POST), or what is stored (GET). */
	const char	*kind;
	const char	*statement;
	const char	*expl;
	char		 nonce[TOK_LEN + 1];
	char		 base[16];
	char		 started[16];

	/* The query: the pilot, and the lesson when editing. */
	int		 found;
	int		 may_read;
	int		 may_edit;
	char		 pilot[24];
	char		 pilot_slug[PATH_SLUG_MAX + 1];
	char		 rev[16];
	char		*pilot_title;
	char		*s_kind;
	char		*s_statement;
	char		*s_expl;

	struct sbuf	 html;
	char		 saved_id[24];
	int		 conflict;
	struct sbuf	 conflict_html;
	struct fv	 fv;
};

static const char *const	led_fields[] = {
	"lesson_kind", "statement", "explanation", NULL
};

static int	led_enter(struct http_request *, int);
static int	led_path(struct http_request *, struct led_ctx *);
static void	led_read(struct http_request *, struct led_ctx *);
static int	led_session(struct http_request *, struct db_ctx *);
static int	led_query(struct http_request *, struct led_ctx *,
		    db_done_fn);
static void	led_row(struct db_ctx *, struct kore_pgsql *, int);
static int	led_loaded(struct http_request *, struct db_ctx *);
static void	led_check(struct led_ctx *);
static int	led_save(struct http_request *, struct led_ctx *);
static void	led_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	led_saved(struct http_request *, struct db_ctx *);
static int	led_fail(struct http_request *, struct db_ctx *, int);
static int	led_reloaded(struct http_request *, struct db_ctx *);
static int	led_conflict(struct http_request *, struct led_ctx *);
static int	led_render(struct http_request *, struct led_ctx *, int);
static void	led_free(struct http_request *);

int
lesson_new(struct http_request *req)
{
	return (led_enter(req, 1));
}

int
lesson_edit(struct http_request *req)
{
	return (led_enter(req, 0));
}

static int
led_enter(struct http_request *req, int is_new)
{
	struct led_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), led_free);
		ctx->loc = resp_locale(req);
		ctx->is_new = is_new;
		ctx->kind = ctx->statement = ctx->expl = "";
		sbuf_init(&ctx->html);
		sbuf_init(&ctx->conflict_html);
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = led_path(req, ctx) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			led_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, led_session);
	}
	return (db_run(req));
}

/* "/pilots/{slug}/lessen" or "/lessen/{id}/bewerken" (no captures). */
static int
led_path(struct http_request *req, struct led_ctx *ctx)
{
	if (ctx->is_new)
		return (lesson_path_slug(req->path, "/lessen", ctx->slug,
		    sizeof(ctx->slug)));
	return (lesson_path_id(req->path, "/bewerken", ctx->id,
	    sizeof(ctx->id)));
}

static void
led_read(struct http_request *req, struct led_ctx *ctx)
{
	char	*v;

	(void)req_populate_form(req);
	if (http_argument_get_string(req, "kind", &v))
		ctx->kind = v;
	if (http_argument_get_string(req, "statement", &v)) {
		form_oneline(v);
		ctx->statement = form_trim(v);
	}
	if (http_argument_get_string(req, "explanation", &v)) {
		/* Leading spaces mean something in Markdown: keep them. */
		form_lf(v);
		ctx->expl = form_rtrim(v);
	}
	if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
		(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
	if (http_argument_get_string(req, "base", &v))
		(void)kore_strlcpy(ctx->base, v, sizeof(ctx->base));
}

static int
led_session(struct http_request *req, struct db_ctx *db)
{
	struct led_ctx	*ctx = (struct led_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (led_query(req, ctx, led_loaded));
}

static int
led_query(struct http_request *req, struct led_ctx *ctx, db_done_fn done)
{
	struct db_ctx	*db = &ctx->db;

	ctx->found = ctx->may_read = ctx->may_edit = 0;
	db->params[0] = ctx->is_new ? ctx->slug : ctx->id;
	db->params[1] = db->user.id;
	return (db_chain(req, db, ctx->is_new ? &q_lesson_pilot :
	    &q_lesson_get, led_row, done));
}

static void
led_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct led_ctx	*ctx = (struct led_ctx *)db;

	ctx->found = 1;
	kore_free(ctx->pilot_title);
	if (ctx->is_new) {
		(void)kore_strlcpy(ctx->pilot, db_text(sql, r, QLP_ID),
		    sizeof(ctx->pilot));
		(void)kore_strlcpy(ctx->pilot_slug, db_text(sql, r, QLP_SLUG),
		    sizeof(ctx->pilot_slug));
		ctx->pilot_title = kore_strdup(db_text(sql, r, QLP_TITLE));
		ctx->may_read = strcmp(db_text(sql, r, QLP_MAY_READ),
		    "true") == 0;
		ctx->may_edit = strcmp(db_text(sql, r, QLP_MAY_EDIT),
		    "true") == 0;
		return;
	}
	(void)kore_strlcpy(ctx->pilot, db_text(sql, r, QLG_PILOT),
	    sizeof(ctx->pilot));
	(void)kore_strlcpy(ctx->pilot_slug, db_text(sql, r, QLG_SLUG),
	    sizeof(ctx->pilot_slug));
	ctx->pilot_title = kore_strdup(db_text(sql, r, QLG_TITLE));
	kore_free(ctx->s_kind);
	kore_free(ctx->s_statement);
	kore_free(ctx->s_expl);
	ctx->s_kind = kore_strdup(db_text(sql, r, QLG_KIND));
	ctx->s_statement = kore_strdup(db_text(sql, r, QLG_STATEMENT));
	ctx->s_expl = kore_strdup(db_text(sql, r, QLG_EXPL));
	(void)kore_strlcpy(ctx->rev, db_text(sql, r, QLG_REV),
	    sizeof(ctx->rev));
	ctx->may_read = strcmp(db_text(sql, r, QLG_MAY_READ), "true") == 0;
	ctx->may_edit = strcmp(db_text(sql, r, QLG_MAY_EDIT), "true") == 0;
}

static int
led_loaded(struct http_request *req, struct db_ctx *db)
{
	struct led_ctx	*ctx = (struct led_ctx *)db;

	/* A forged POST is refused first, whatever it names. */
	if (ctx->post && !auth_post_ok(req, db)) {
		if (!ctx->found || !ctx->may_read || !ctx->may_edit) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		if (ctx->is_new && ctx->nonce[0] == '\0')
			tok_new(ctx->nonce);
		return (led_render(req, ctx, 403));
	}
	/* Not readable: it does not exist for this reader. */
	if (!ctx->found || !ctx->may_read) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->may_edit) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post) {
		if (ctx->is_new)
			tok_new(ctx->nonce);
		else {
			ctx->kind = ctx->s_kind;
			ctx->statement = ctx->s_statement;
			ctx->expl = ctx->s_expl;
			(void)kore_strlcpy(ctx->base, ctx->rev,
			    sizeof(ctx->base));
		}
		return (led_render(req, ctx, 200));
	}
	led_check(ctx);
	if (ctx->fv.nerr > 0)
		return (led_render(req, ctx, 400));
	if (!ctx->is_new && strcmp(ctx->base, ctx->rev) != 0)
		return (led_conflict(req, ctx));
	return (led_save(req, ctx));
}

/* Each refusal gets its message next to its field. */
static void
led_check(struct led_ctx *ctx)
{
	char	n[24];
	size_t	len;

	if (pilot_lesson_kind(ctx->kind) == NULL)
		fv_error(&ctx->fv, "lesson_kind", MSG_pilot_les_kind_missing,
		    NULL);
	switch (form_text(ctx->statement, LESSON_STATEMENT_MAX, 1, 0)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		fv_error(&ctx->fv, "statement", MSG_pilot_les_statement_empty,
		    NULL);
		break;
	case FORM_TOO_LONG:
		(void)snprintf(n, sizeof(n), "%zu",
		    form_chars(ctx->statement));
		fv_error(&ctx->fv, "statement", MSG_pilot_les_statement_long,
		    n);
		break;
	default:
		fv_error(&ctx->fv, "statement", MSG_form_bad_chars, NULL);
		break;
	}
	len = strlen(ctx->expl);
	if (len > MD_MAX_INPUT || (form_text(ctx->expl, LED_EXPL_MAX, 0, 1) ==
	    FORM_TOO_LONG)) {
		(void)snprintf(n, sizeof(n), "%zu", len > MD_MAX_INPUT ? len :
		    form_chars(ctx->expl));
		fv_error(&ctx->fv, "explanation", MSG_pilot_les_expl_long, n);
	} else if (form_text(ctx->expl, LED_EXPL_MAX, 0, 1) != FORM_OK)
		fv_error(&ctx->fv, "explanation", MSG_form_bad_chars, NULL);
	if (ctx->is_new && ctx->nonce[0] == '\0') {
		/* Crafted or truncated: a fresh nonce for the next try. */
		fv_form_error(&ctx->fv, MSG_pilot_les_nonce_missing, NULL);
		tok_new(ctx->nonce);
	}
}

static int
led_save(struct http_request *req, struct led_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	sbuf_reset(&ctx->html);
	if (md_render(&ctx->html, ctx->expl, strlen(ctx->expl)) == -1) {
		fv_error(&ctx->fv, "explanation", MSG_pilot_les_expl_long,
		    "?");
		return (led_render(req, ctx, 400));
	}
	db->params[0] = ctx->is_new ? NULL : ctx->id;
	db->params[1] = ctx->pilot;
	db->params[2] = db->user.id;
	db->params[3] = ctx->is_new ? NULL : ctx->base;
	db->params[4] = ctx->kind;
	db->params[5] = ctx->statement;
	db->params[6] = ctx->expl;
	db->params[7] = sbuf_cstr(&ctx->html);
	db->params[8] = ctx->is_new ? ctx->nonce : NULL;
	db->fail = led_fail;
	return (db_chain(req, db, &q_lesson_save, led_save_row, led_saved));
}

static void
led_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct led_ctx	*ctx = (struct led_ctx *)db;

	(void)kore_strlcpy(ctx->saved_id, db_text(sql, r, QLV_ID),
	    sizeof(ctx->saved_id));
	ctx->conflict = strcmp(db_text(sql, r, QLV_CONFLICT), "true") == 0;
}

static int
led_saved(struct http_request *req, struct db_ctx *db)
{
	struct led_ctx	*ctx = (struct led_ctx *)db;
	struct sbuf	 to;

	if (db->nrows != 1 || ctx->saved_id[0] == '\0')
		return (led_fail(req, db, 503));
	if (ctx->conflict) {
		/* Someone saved between our query and the save. */
		return (led_query(req, ctx, led_reloaded));
	}
	sbuf_init(&to);
	sbuf_printf(&to, PILOT_PATH "/%s?gedaan=%s#les-%s", ctx->pilot_slug,
	    ctx->is_new ? "les_toegevoegd" : "les_gewijzigd", ctx->saved_id);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

/* Nothing was written: the form comes back with the typed text and why. */
static int
led_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct led_ctx	*ctx = (struct led_ctx *)db;

	switch (status) {
	case 403:
		fv_form_error(&ctx->fv, MSG_pilot_les_save_forbidden, NULL);
		break;
	case 404:
		fv_form_error(&ctx->fv, MSG_pilot_les_save_gone, NULL);
		break;
	default:
		/* resp_html() adds Retry-After to a 503. */
		fv_form_error(&ctx->fv, MSG_pilot_les_save_failed, NULL);
		break;
	}
	if (ctx->is_new && ctx->nonce[0] == '\0')
		tok_new(ctx->nonce);
	return (led_render(req, ctx, status));
}

static int
led_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct led_ctx	*ctx = (struct led_ctx *)db;

	if (!ctx->found || !ctx->may_read)
		return (led_fail(req, db, 404));
	if (!ctx->may_edit)
		return (led_fail(req, db, 403));
	return (led_conflict(req, ctx));
}

/* 409: what is stored and how the typed text differs from it. */
static int
led_conflict(struct http_request *req, struct led_ctx *ctx)
{
	struct sbuf		 text, fold, diff, mine, theirs;
	struct diff_stats	 st;
	const char		*args[2];
	const char		*zu[1] = { "%zu" };

	(void)kore_strlcpy(ctx->started, ctx->base, sizeof(ctx->started));
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	sbuf_init(&text);
	sbuf_init(&fold);
	sbuf_init(&diff);
	sbuf_init(&mine);
	sbuf_init(&theirs);
	args[0] = ctx->started[0] != '\0' ? ctx->started : "?";
	args[1] = ctx->rev;
	i18n_fmt(&text, i18n_get(ctx->loc, MSG_pilot_les_conflict_text),
	    args, 2);
	/* diff_html takes a printf format; messages hold only %s. */
	i18n_fmt(&fold, i18n_get(ctx->loc, MSG_pilot_les_diff_fold), zu, 1);
	sbuf_printf(&theirs, "%s\n\n%s", ctx->s_statement != NULL ?
	    ctx->s_statement : "", ctx->s_expl != NULL ? ctx->s_expl : "");
	sbuf_printf(&mine, "%s\n\n%s", ctx->statement, ctx->expl);
	memset(&st, 0, sizeof(st));
	(void)diff_html(&diff, theirs.data, theirs.len, mine.data, mine.len,
	    sbuf_cstr(&fold), &st);
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "kind", pilot_lesson_kind_name(ctx->loc,
			    ctx->s_kind != NULL ? ctx->s_kind : ""), TPL_TEXT },
			{ "statement", ctx->s_statement != NULL ?
			    ctx->s_statement : "", TPL_TEXT },
			{ "explanation", ctx->s_expl != NULL ? ctx->s_expl :
			    "", TPL_TEXT },
			{ "diff", sbuf_cstr(&diff), TPL_TRUSTED_HTML },
		};
		(void)view_append(&ctx->conflict_html, VIEW_lesson_conflict,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&fold);
	sbuf_free(&diff);
	sbuf_free(&mine);
	sbuf_free(&theirs);
	return (led_render(req, ctx, 409));
}

static int
led_render(struct http_request *req, struct led_ctx *ctx, int status)
{
	struct sbuf	 lead, back, action, hidden, kinds;
	const char	*args[1], *title;
	size_t		 nb;
	int		 rc;

	sbuf_init(&lead);
	sbuf_init(&back);
	sbuf_init(&action);
	sbuf_init(&hidden);
	sbuf_init(&kinds);
	args[0] = ctx->pilot_title != NULL ? ctx->pilot_title : "";
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_pilot_les_form_lead), args, 1);
	sbuf_printf(&back, PILOT_PATH "/%s", ctx->pilot_slug);
	if (ctx->is_new) {
		sbuf_printf(&action, PILOT_PATH "/%s/lessen", ctx->pilot_slug);
		rc = lesson_hidden(&hidden, ctx->loc, "nonce", ctx->nonce);
	} else {
		sbuf_printf(&back, "#les-%s", ctx->id);
		sbuf_printf(&action, LESSON_PATH "/%s/bewerken", ctx->id);
		rc = lesson_hidden(&hidden, ctx->loc, "base", ctx->base);
	}
	rc |= lesson_kind_choices(&kinds, ctx->loc, ctx->kind);
	title = i18n_get(ctx->loc, ctx->is_new ? MSG_pilot_les_new_title :
	    MSG_pilot_les_edit_title);
	{
		const struct tpl_bind	fixed[] = {
			{ "heading", title, TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "conflict", sbuf_cstr(&ctx->conflict_html),
			    TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "hidden", sbuf_cstr(&hidden), TPL_TRUSTED_HTML },
			{ "kinds", sbuf_cstr(&kinds), TPL_TRUSTED_HTML },
			{ "statement", ctx->statement, TPL_TEXT },
			{ "explanation", ctx->expl, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(led_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, led_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, status, ctx->loc, title, PILOT_PATH,
			    VIEW_lesson_form, b, nb);
	}
	sbuf_free(&lead);
	sbuf_free(&back);
	sbuf_free(&action);
	sbuf_free(&hidden);
	sbuf_free(&kinds);
	return (HTTP_STATE_COMPLETE);
}

static void
led_free(struct http_request *req)
{
	struct led_ctx	*ctx = http_state_get(req);

	kore_free(ctx->pilot_title);
	kore_free(ctx->s_kind);
	kore_free(ctx->s_statement);
	kore_free(ctx->s_expl);
	sbuf_free(&ctx->html);
	sbuf_free(&ctx->conflict_html);
	fv_free(&ctx->fv);
}
