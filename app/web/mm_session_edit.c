/*
 * Planning a mastermind session and writing its minutes (issue 8):
 *
 *   GET, POST /masterminds/{serie}/nieuw              mm_session_new
 *   GET, POST /masterminds/{serie}/{sessie}/bewerken  mm_session_edit
 *
 * POST is multipart (the case, insights and agreements are Markdown
 * with line breaks, STYLE.md c6): _csrf, a nonce (new) or the revision
 * the form started from (base), action preview|save, and the fields of
 * mse_fields plus repeated themes. "preview" renders the three Markdown
 * fields and saves nothing; "save" checks every field (422 with a
 * message next to each refused one and the typed text kept), then
 * mm_session_save() writes the session, its participants and links in
 * one statement and we answer 303 to the session ?gedaan=opgeslagen. A
 * repeated create (same nonce) leads to the session the first one made;
 * a stale base writes nothing (409: what is stored, and the form with
 * the typed text).
 *
 * Who: whoever runs the series plans (mm_series_may_run), whoever runs
 * the session edits (mm_session_may_run); others 403, readers of no
 * such series 404. Final minutes are frozen: a 409 page points to the
 * addendum. One query loads the page (q_mm_session_form).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/links.h"
#include "web/auth.h"
#include "web/mm_series.h"
#include "web/mm_session.h"
#include "web/mm_session_edit.h"
#include "web/req.h"
#include "web/resp.h"

#define MSE_COL(r, k)	db_text(sql, (r), QMF_C1 + (k) - 1)

const struct mse_fdef	mse_fields[MF__MAX] = {
	[MF_TITLE] = { "title", MR_LINE },
	[MF_SUMMARY] = { "summary", MR_LINE },
	[MF_DATE] = { "date", MR_LINE },
	[MF_TIME] = { "time", MR_LINE },
	[MF_DURATION] = { "duration", MR_LINE },
	[MF_LOCATION] = { "location", MR_LINE },
	[MF_FACILITATOR] = { "facilitator", MR_LINE },
	[MF_PARTICIPANTS] = { "participants", MR_LIST },
	[MF_CASE] = { "case", MR_MD },
	[MF_BODY] = { "insights", MR_MD },
	[MF_AGREEMENTS] = { "agreements", MR_MD },
	[MF_TAGS] = { "tags", MR_LINE },
	[MF_RELATED] = { "related", MR_LIST },
	[MF_NOTE] = { "note", MR_LINE },
};

/* The stored fields in QMF_SESSION's columns. */
static const struct {
	enum mse_field	f;
	int		col;
} mse_stored[] = {
	{ MF_TITLE, 3 }, { MF_SUMMARY, 4 }, { MF_BODY, 5 }, { MF_DATE, 9 },
	{ MF_TIME, 10 }, { MF_DURATION, 11 }, { MF_LOCATION, 12 },
	{ MF_FACILITATOR, 13 }, { MF_CASE, 14 }, { MF_AGREEMENTS, 15 },
};

static int	mse_enter(struct http_request *, int);
static void	mse_init(struct mse_ctx *, int, enum locale);
static void	mse_read(struct http_request *, struct mse_ctx *);
static int	mse_session(struct http_request *, struct db_ctx *);
static void	mse_row(struct db_ctx *, struct kore_pgsql *, int);
static void	mse_row_session(struct mse_ctx *, struct kore_pgsql *, int);
static int	mse_loaded(struct http_request *, struct db_ctx *);
static void	mse_stored_values(struct mse_ctx *);
static int	mse_post(struct http_request *, struct mse_ctx *);
static void	mse_free(struct http_request *);

int
mm_session_new(struct http_request *req)
{
	return (mse_enter(req, 1));
}

int
mm_session_edit(struct http_request *req)
{
	return (mse_enter(req, 0));
}

static int
mse_enter(struct http_request *req, int is_new)
{
	struct mse_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mse_free);
		mse_init(ctx, is_new, resp_locale(req));
		if (is_new)
			ctx->bad = mmser_path(req->path, "/nieuw", ctx->serie,
			    sizeof(ctx->serie)) == -1;
		else
			ctx->bad = mms_path(req->path, "/bewerken", ctx->serie,
			    ctx->sessie) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			mse_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, mse_session);
	}
	return (db_run(req));
}

static void
mse_init(struct mse_ctx *ctx, int is_new, enum locale loc)
{
	size_t	i;

	ctx->loc = loc;
	ctx->is_new = is_new;
	for (i = 0; i < MF__MAX; i++) {
		ctx->v[i] = "";
		sbuf_init(&ctx->s[i]);
	}
	sbuf_init(&ctx->themes);
	sbuf_putc(&ctx->themes, '\n');
	sbuf_init(&ctx->series_name);
	sbuf_init(&ctx->o_themes);
	sbuf_init(&ctx->carried);
	sbuf_init(&ctx->taglines);
	sbuf_init(&ctx->rel_ok);
	sbuf_init(&ctx->rel_bad);
	md_doc_init(&ctx->doc);
	sbuf_init(&ctx->case_html);
	sbuf_init(&ctx->agr_html);
	sbuf_init(&ctx->links);
	sbuf_init(&ctx->fields);
	sbuf_init(&ctx->preview);
	sbuf_init(&ctx->conflict_html);
	for (i = 0; i < MSE_FV; i++)
		fv_init(&ctx->fv[i], loc);
}

/* The fields of a POST, as typed (line breaks made LF). */
static void
mse_read(struct http_request *req, struct mse_ctx *ctx)
{
	struct http_arg	*a;
	char		*v;
	size_t		 i;

	(void)req_populate_form(req);
	for (i = 0; i < MF__MAX; i++) {
		if (!http_argument_get_string(req, mse_fields[i].name, &v))
			continue;
		switch (mse_fields[i].read) {
		case MR_LINE:
			form_oneline(v);
			v = form_trim(v);
			break;
		case MR_LIST:
			form_lf(v);
			v = form_trim(v);
			break;
		case MR_MD:
			/* Leading spaces mean something in Markdown. */
			form_lf(v);
			v = form_rtrim(v);
			break;
		}
		ctx->v[i] = v;
	}
	ctx->save = http_argument_get_string(req, "action", &v) &&
	    strcmp(v, "save") == 0;
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
	ctx->nrel_bad = links_list(&ctx->rel_ok, &ctx->rel_bad,
	    ctx->v[MF_RELATED], resp_base_url());
}

static int
mse_session(struct http_request *req, struct db_ctx *db)
{
	struct mse_ctx	*ctx = (struct mse_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (mse_query(req, ctx, mse_loaded));
}

/* The page query; again after a conflict on save. */
int
mse_query(struct http_request *req, struct mse_ctx *ctx, db_done_fn done)
{
	struct db_ctx	*db = &ctx->db;
	size_t		 i;

	ctx->series_found = ctx->may_read = ctx->may_run_series = 0;
	ctx->found = ctx->may_run = 0;
	ctx->themes_found = ctx->nthemes_all = ctx->ncarried = 0;
	ctx->sparts.n = 0;
	for (i = 0; i < MF__MAX; i++)
		sbuf_reset(&ctx->s[i]);
	sbuf_reset(&ctx->series_name);
	sbuf_reset(&ctx->o_themes);
	sbuf_reset(&ctx->carried);
	db->params[0] = ctx->serie;
	db->params[1] = ctx->is_new ? "" : ctx->sessie;
	db->params[2] = db->user.id;
	db->params[3] = ctx->is_new && ctx->post ? ctx->nonce : "";
	return (db_chain(req, db, &q_mm_session_form, mse_row, done));
}

static void
mse_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mse_ctx	*ctx = (struct mse_ctx *)db;
	struct sbuf	*s;

	switch (atoi(db_text(sql, r, QMF_TYPE))) {
	case QMF_SERIES:
		ctx->series_found = 1;
		(void)kore_strlcpy(ctx->series_id, MSE_COL(r, 1),
		    sizeof(ctx->series_id));
		sbuf_puts(&ctx->series_name, MSE_COL(r, 3));
		ctx->may_read = strcmp(MSE_COL(r, 4), "true") == 0;
		ctx->may_run_series = strcmp(MSE_COL(r, 5), "true") == 0;
		break;
	case QMF_SESSION:
		mse_row_session(ctx, sql, r);
		break;
	case QMF_PART:
		if (participants_add(&ctx->sparts, MSE_COL(r, 1),
		    MSE_COL(r, 2)) == -1)
			db->failed = 1;
		break;
	case QMF_THEME:
		mse_row_theme(ctx, MSE_COL(r, 1), MSE_COL(r, 2),
		    strcmp(MSE_COL(r, 3), "true") == 0);
		break;
	case QMF_TAG:
		s = &ctx->s[MF_TAGS];
		if (s->len > 0)
			sbuf_puts(s, ", ");
		sbuf_puts(s, MSE_COL(r, 1));
		break;
	case QMF_RELATED:
		sbuf_printf(&ctx->s[MF_RELATED], "%s/%s\n", MSE_COL(r, 1),
		    MSE_COL(r, 2));
		break;
	case QMF_CARRIED:
		mse_row_carried(ctx, sql, r);
		break;
	case QMF_REPLAY:
		(void)kore_strlcpy(ctx->replay, MSE_COL(r, 1),
		    sizeof(ctx->replay));
		break;
	}
}

static void
mse_row_session(struct mse_ctx *ctx, struct kore_pgsql *sql, int r)
{
	size_t	i;

	ctx->found = 1;
	(void)kore_strlcpy(ctx->id, MSE_COL(r, 1), sizeof(ctx->id));
	(void)kore_strlcpy(ctx->rev, MSE_COL(r, 6), sizeof(ctx->rev));
	(void)kore_strlcpy(ctx->state, MSE_COL(r, 7), sizeof(ctx->state));
	ctx->may_run = strcmp(MSE_COL(r, 8), "true") == 0;
	for (i = 0; i < sizeof(mse_stored) / sizeof(mse_stored[0]); i++)
		sbuf_puts(&ctx->s[mse_stored[i].f],
		    MSE_COL(r, mse_stored[i].col));
}

static int
mse_loaded(struct http_request *req, struct db_ctx *db)
{
	struct mse_ctx	*ctx = (struct mse_ctx *)db;
	int		 runner;

	runner = ctx->series_found && ctx->may_read && (ctx->is_new ?
	    ctx->may_run_series : ctx->found && ctx->may_run);
	/* A forged POST is refused first, whatever it names. */
	if (ctx->post && !auth_post_ok(req, db)) {
		if (!runner) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		mse_form_err(ctx, MSG_csrf_failed);
		mse_nonce(ctx);
		return (mse_render(req, ctx, 403));
	}
	if (!ctx->series_found || !ctx->may_read ||
	    (!ctx->is_new && !ctx->found)) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!runner) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->is_new && strcmp(ctx->state, "definitief") == 0)
		return (mse_final(req, ctx));
	if (!ctx->post) {
		mse_stored_values(ctx);
		return (mse_render(req, ctx, 200));
	}
	return (mse_post(req, ctx));
}

/* GET: the form starts from what is stored (or empty, with a nonce). */
static void
mse_stored_values(struct mse_ctx *ctx)
{
	size_t	i;

	if (ctx->is_new) {
		tok_new(ctx->nonce);
		ctx->v[MF_DURATION] = "90";
		return;
	}
	participants_write(&ctx->s[MF_PARTICIPANTS], &ctx->sparts);
	for (i = 0; i < MF__MAX; i++)
		ctx->v[i] = sbuf_cstr(&ctx->s[i]);
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
}

/* A new session's form always carries a nonce. */
void
mse_nonce(struct mse_ctx *ctx)
{
	if (ctx->is_new && ctx->nonce[0] == '\0')
		tok_new(ctx->nonce);
}

static int
mse_post(struct http_request *req, struct mse_ctx *ctx)
{
	char	to[sizeof(MMS_PREFIX) + 2 * PATH_SLUG_MAX + 32];

	/* The same create again (a double click, a retry): its session. */
	if (ctx->is_new && ctx->save && ctx->replay[0] != '\0') {
		(void)snprintf(to, sizeof(to), MMS_PREFIX "%s/%s"
		    "?gedaan=opgeslagen", ctx->serie, ctx->replay);
		resp_redirect(req, to);
		return (HTTP_STATE_COMPLETE);
	}
	mse_check(ctx);
	if (!ctx->save) {
		mse_nonce(ctx);
		if (mse_nerr(ctx) > 0 || mse_render_md(ctx) == -1)
			return (mse_render(req, ctx, 422));
		mse_preview(ctx);
		return (mse_render(req, ctx, 200));
	}
	if (mse_nerr(ctx) > 0)
		return (mse_render(req, ctx, 422));
	if (!ctx->is_new && strcmp(ctx->base, ctx->rev) != 0)
		return (mse_show_conflict(req, ctx));
	if (mse_render_md(ctx) == -1)
		return (mse_render(req, ctx, 422));
	return (mse_save(req, ctx));
}

static void
mse_free(struct http_request *req)
{
	struct mse_ctx	*ctx = http_state_get(req);
	size_t		 i;

	for (i = 0; i < MF__MAX; i++)
		sbuf_free(&ctx->s[i]);
	sbuf_free(&ctx->themes);
	sbuf_free(&ctx->series_name);
	sbuf_free(&ctx->o_themes);
	sbuf_free(&ctx->carried);
	sbuf_free(&ctx->taglines);
	sbuf_free(&ctx->rel_ok);
	sbuf_free(&ctx->rel_bad);
	md_doc_free(&ctx->doc);
	sbuf_free(&ctx->case_html);
	sbuf_free(&ctx->agr_html);
	sbuf_free(&ctx->links);
	sbuf_free(&ctx->fields);
	sbuf_free(&ctx->preview);
	sbuf_free(&ctx->conflict_html);
	kore_free(ctx->error);
	for (i = 0; i < MSE_FV; i++)
		fv_free(&ctx->fv[i]);
}
