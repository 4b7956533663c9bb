/*
 * The minutes of a session as Markdown (issue 8):
 *
 *   GET /masterminds/{serie}/{sessie}.md
 *
 * The session page's query (q_mm_session_page), so the same rights
 * hold: only for readers of the minutes (mm_minutes_may_read), else
 * 404; participants only for signed-in readers; an external owner's
 * name only for signed-in readers. text/markdown, as an attachment
 * named after the session's slug. Title, series, date and time,
 * facilitator, participants, the three sections as ## headings with
 * their Markdown, the actions as a list (what — owner — due —
 * status) and the dated addenda. A plain text download: nothing in it
 * is HTML, so nothing is escaped.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/mm.h"
#include "core/path.h"
#include "web/mm_session.h"
#include "web/resp.h"
#include "web/rows.h"

struct mmx_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 serie[PATH_SLUG_MAX + 1];
	char		 sessie[PATH_SLUG_MAX + 1];
	struct mms_rows	 rows;
};

static int	mmx_start(struct http_request *, struct db_ctx *);
static void	mmx_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mmx_done(struct http_request *, struct db_ctx *);
static void	mmx_actions(struct sbuf *, struct mmx_ctx *, int, int);
static void	mmx_section(struct sbuf *, const char *, const char *);
static void	mmx_free(struct http_request *);

int
mm_session_md(struct http_request *req)
{
	struct mmx_ctx	*ctx;
	char		 serie[PATH_SLUG_MAX + 1], sessie[PATH_SLUG_MAX + 1];

	if (!http_state_exists(req)) {
		if (mms_path(req->path, ".md", serie, sessie) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), mmx_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->serie, serie, sizeof(serie));
		memcpy(ctx->sessie, sessie, sizeof(sessie));
		db_start(req, &ctx->db, NULL, NULL, mmx_start);
	}
	return (db_run(req));
}

static int
mmx_start(struct http_request *req, struct db_ctx *db)
{
	struct mmx_ctx	*ctx = (struct mmx_ctx *)db;

	db->params[0] = ctx->serie;
	db->params[1] = ctx->sessie;
	db->params[2] = db->user.loaded ? db->user.id : "";
	return (db_chain(req, db, &q_mm_session_page, mmx_row, mmx_done));
}

static void
mmx_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mmx_ctx	*ctx = (struct mmx_ctx *)db;

	mms_rows_add(&ctx->rows, sql, r);
}

static void
mmx_section(struct sbuf *out, const char *heading, const char *md)
{
	if (*md == '\0')
		return;
	sbuf_printf(out, "## %s\n\n%s\n\n", heading, md);
}

/* "- what — owner — due — status" per action of a type. */
static void
mmx_actions(struct sbuf *out, struct mmx_ctx *ctx, int type, int signed_in)
{
	const struct mms_row	*a;
	const struct mm_word	*st;
	char			 due[16];
	size_t			 i;

	for (i = 0; i < ctx->rows.n; i++) {
		a = &ctx->rows.v[i];
		if (a->type != type)
			continue;
		sbuf_printf(out, "- %s", mms_col(a, 1));
		if (a->c[3] != NULL)
			sbuf_printf(out, " — %s", a->c[3]);
		else if (mms_true(a, 5))
			sbuf_printf(out, " — %s", signed_in &&
			    a->c[4] != NULL ? a->c[4] :
			    i18n_get(ctx->loc, MSG_mm_someone_external));
		else if (a->c[2] != NULL)
			sbuf_printf(out, " — %s",
			    i18n_get(ctx->loc, MSG_mm_former));
		if (*mms_col(a, 6) != '\0') {
			row_date_shown(mms_col(a, 6), due, sizeof(due));
			sbuf_printf(out, " — %s", due);
		}
		st = mm_status(mms_col(a, 7));
		sbuf_printf(out, " — %s", st != NULL ?
		    i18n_get(ctx->loc, st->msg) : mms_col(a, 7));
		if (mms_true(a, 11))
			sbuf_printf(out, " (%s)",
			    i18n_get(ctx->loc, MSG_mm_overdue));
		if (*mms_col(a, 8) != '\0')
			sbuf_printf(out, ": %s", mms_col(a, 8));
		sbuf_putc(out, '\n');
	}
}

static int
mmx_done(struct http_request *req, struct db_ctx *db)
{
	struct mmx_ctx		*ctx = (struct mmx_ctx *)db;
	const struct mms_row	*s, *m, *x, *r;
	struct sbuf		 out;
	char			 day[16], disp[PATH_SLUG_MAX + 48];
	size_t			 i;
	int			 n;

	s = mms_first(&ctx->rows, QMS_SESSION);
	m = mms_first(&ctx->rows, QMS_META);
	x = mms_first(&ctx->rows, QMS_MINUTES);
	if (s == NULL || m == NULL || !mms_true(m, 2) || x == NULL) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&out);
	sbuf_printf(&out, "# %s\n\n", mms_col(s, 1));
	if (*mms_col(s, 2) != '\0')
		sbuf_printf(&out, "%s\n\n", mms_col(s, 2));
	{
		const char	*args[1] = { mms_col(s, 5) };
		struct sbuf	 num;

		sbuf_init(&num);
		i18n_fmt(&num, i18n_get(ctx->loc, MSG_mms_number), args, 1);
		sbuf_printf(&out, "- %s: %s (%s)\n",
		    i18n_get(ctx->loc, MSG_mms_export_series), mms_col(s, 4),
		    sbuf_cstr(&num));
		sbuf_free(&num);
	}
	row_date_shown(mms_col(s, 6), day, sizeof(day));
	sbuf_printf(&out, "- %s: %s, %s-%s\n",
	    i18n_get(ctx->loc, MSG_mms_export_date), day, mms_col(s, 7),
	    mms_col(s, 14));
	if (*mms_col(s, 10) != '\0')
		sbuf_printf(&out, "- %s: %s\n",
		    i18n_get(ctx->loc, MSG_mms_export_location),
		    mms_col(s, 10));
	if (*mms_col(s, 12) != '\0')
		sbuf_printf(&out, "- %s: %s\n",
		    i18n_get(ctx->loc, MSG_mms_export_facilitator),
		    mms_col(s, 12));
	{
		const struct mm_word	*st = mm_state(mms_col(s, 13));

		sbuf_printf(&out, "- %s: %s\n",
		    i18n_get(ctx->loc, MSG_mmf_minutes), st != NULL ?
		    i18n_get(ctx->loc, st->msg) : "");
	}
	sbuf_putc(&out, '\n');
	/* The query gives participants to signed-in readers only. */
	if (db->user.loaded) {
		sbuf_printf(&out, "## %s\n\n",
		    i18n_get(ctx->loc, MSG_mmf_participants));
		for (i = 0; i < ctx->rows.n; i++) {
			r = &ctx->rows.v[i];
			if (r->type != QMS_PART)
				continue;
			if (r->c[0] != NULL)
				sbuf_printf(&out, "- %s", r->c[1] != NULL ?
				    r->c[1] : i18n_get(ctx->loc,
				    MSG_mm_former));
			else
				sbuf_printf(&out, "- %s", mms_col(r, 2));
			if (*mms_col(r, 3) != '\0')
				sbuf_printf(&out, " (%s)", mms_col(r, 3));
			sbuf_putc(&out, '\n');
		}
		sbuf_putc(&out, '\n');
	}
	mmx_section(&out, i18n_get(ctx->loc, MSG_mmf_case), mms_col(x, 4));
	mmx_section(&out, i18n_get(ctx->loc, MSG_mmf_insights),
	    mms_col(x, 5));
	mmx_section(&out, i18n_get(ctx->loc, MSG_mmf_agreements),
	    mms_col(x, 6));
	sbuf_printf(&out, "## %s\n\n", i18n_get(ctx->loc, MSG_mmf_actions));
	mmx_actions(&out, ctx, QMS_ACTION, db->user.loaded);
	if (mms_first(&ctx->rows, QMS_CARRIED) != NULL) {
		sbuf_printf(&out, "\n## %s\n\n",
		    i18n_get(ctx->loc, MSG_mmf_carried));
		mmx_actions(&out, ctx, QMS_CARRIED, db->user.loaded);
	}
	if (mms_first(&ctx->rows, QMS_ADDENDUM) != NULL) {
		sbuf_printf(&out, "\n## %s\n",
		    i18n_get(ctx->loc, MSG_mmf_addenda));
		for (i = 0; i < ctx->rows.n; i++) {
			r = &ctx->rows.v[i];
			if (r->type == QMS_ADDENDUM)
				sbuf_printf(&out, "\n### %s\n\n%s\n",
				    mms_col(r, 2), mms_col(r, 4));
		}
	}
	n = snprintf(disp, sizeof(disp), "attachment; filename=\"%s.md\"",
	    ctx->sessie);
	if (n < 0 || (size_t)n >= sizeof(disp)) {
		sbuf_free(&out);
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	http_response_header(req, "content-type",
	    "text/markdown; charset=utf-8");
	http_response_header(req, "content-disposition", disp);
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy", "same-origin");
	http_response_header(req, "cache-control", "private, no-store");
	http_response(req, 200, out.data, out.len);
	sbuf_free(&out);
	return (HTTP_STATE_COMPLETE);
}

static void
mmx_free(struct http_request *req)
{
	struct mmx_ctx	*ctx = http_state_get(req);

	mms_rows_free(&ctx->rows);
}
