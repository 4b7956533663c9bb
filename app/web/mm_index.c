/*
 * The masterminds overview (issue 8):
 *
 *   GET /masterminds
 *
 * One query (q_mms_index): the series the reader may read, each with
 * its purpose's first paragraph, community, number of sessions, next
 * session and open actions (of minutes the reader may read), and the
 * newest final session records below. "Nieuwe serie" for signed-in
 * members.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_mm_series.h"
#include "web/mm_series.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

struct mmi_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 may_start;
	int		 nseries;
	int		 nfinal;
	struct sbuf	 series;
	struct sbuf	 final;
};

static void	mmi_row(struct db_ctx *, struct kore_pgsql *, int);
static void	mmi_series(struct mmi_ctx *, struct kore_pgsql *, int);
static void	mmi_final(struct mmi_ctx *, struct kore_pgsql *, int);
static int	mmi_done(struct http_request *, struct db_ctx *);
static int	mmi_list(struct sbuf *, enum locale, struct sbuf *, int,
		    enum msg_id);
static void	mmi_fmt(struct sbuf *, enum locale, enum msg_id,
		    const char *);
static void	mmi_free(struct http_request *);

int
mm_index(struct http_request *req)
{
	struct mmi_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mmi_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->series);
		sbuf_init(&ctx->final);
		db_start(req, &ctx->db, &q_mms_index, mmi_row, mmi_done);
		/* Read when the query runs, after the session loaded. */
		ctx->db.params[0] = ctx->db.user.id;
	}
	return (db_run(req));
}

static void
mmi_fmt(struct sbuf *out, enum locale loc, enum msg_id msg, const char *arg)
{
	const char	*args[1] = { arg };

	i18n_fmt(out, i18n_get(loc, msg), args, 1);
}

static void
mmi_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mmi_ctx	*ctx = (struct mmi_ctx *)db;

	switch (atoi(db_text(sql, r, QMS_TYPE))) {
	case QMS_IDX_SERIES:
		mmi_series(ctx, sql, r);
		break;
	case QMS_IDX_FINAL:
		mmi_final(ctx, sql, r);
		break;
	case QMS_IDX_ME:
		ctx->may_start = strcmp(db_text(sql, r, QMS_COL(1)),
		    "true") == 0;
		break;
	default:
		break;
	}
}

static void
mmi_series(struct mmi_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 href, purpose, sessions, next, open;
	char		 shown[32], date[16];
	const char	*n;
	int		 rc = 0;

	sbuf_init(&href);
	sbuf_init(&purpose);
	sbuf_init(&sessions);
	sbuf_init(&next);
	sbuf_init(&open);
	sbuf_printf(&href, MMS_PATH "/%s", db_text(sql, r, QMS_COL(1)));
	if (*db_text(sql, r, QMS_COL(3)) != '\0') {
		const struct tpl_bind	b[] = {
			{ "text", db_text(sql, r, QMS_COL(3)), TPL_TEXT },
		};
		rc |= view_append(&purpose, VIEW_mm_index_purpose, ctx->loc,
		    b, NBINDS(b));
	}
	mmi_fmt(&sessions, ctx->loc, MSG_mmser_sessions_count,
	    db_text(sql, r, QMS_COL(5)));
	n = db_text(sql, r, QMS_COL(6));
	if (*n != '\0') {
		/* "YYYY-MM-DD HH:MM" -> "DD-MM-YYYY HH:MM" */
		(void)kore_strlcpy(date, n, 11);
		row_date_shown(date, shown, sizeof(shown));
		sbuf_printf(&next, "%s%s", shown, strlen(n) > 10 ? n + 10 : "");
		mmi_fmt(&open, ctx->loc, MSG_mmser_next, sbuf_cstr(&next));
		sbuf_reset(&next);
		sbuf_puts(&next, sbuf_cstr(&open));
		sbuf_reset(&open);
	} else
		sbuf_puts(&next, i18n_get(ctx->loc, MSG_mmser_no_next));
	mmi_fmt(&open, ctx->loc, MSG_mmser_open_count,
	    db_text(sql, r, QMS_COL(7)));
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "name", db_text(sql, r, QMS_COL(2)), TPL_TEXT },
			{ "purpose", sbuf_cstr(&purpose), TPL_TRUSTED_HTML },
			{ "community", db_isnull(sql, r, QMS_COL(4)) ?
			    i18n_get(ctx->loc, MSG_mmser_public) :
			    db_text(sql, r, QMS_COL(4)), TPL_TEXT },
			{ "sessions", sbuf_cstr(&sessions), TPL_TEXT },
			{ "next", sbuf_cstr(&next), TPL_TEXT },
			{ "open", sbuf_cstr(&open), TPL_TEXT },
		};
		rc |= view_append(&ctx->series, VIEW_mm_index_row, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		ctx->db.failed = 1;
	ctx->nseries++;
	sbuf_free(&href);
	sbuf_free(&purpose);
	sbuf_free(&sessions);
	sbuf_free(&next);
	sbuf_free(&open);
}

static void
mmi_final(struct mmi_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 summary, date, series;
	int		 rc = 0;

	sbuf_init(&summary);
	sbuf_init(&date);
	sbuf_init(&series);
	if (*db_text(sql, r, QMS_COL(6)) != '\0') {
		const struct tpl_bind	b[] = {
			{ "text", db_text(sql, r, QMS_COL(6)), TPL_TEXT },
		};
		rc |= view_append(&summary, VIEW_mm_index_purpose, ctx->loc,
		    b, NBINDS(b));
	}
	rc |= row_time(&date, ctx->loc, db_text(sql, r, QMS_COL(5)));
	mmi_fmt(&series, ctx->loc, MSG_mmser_in_series,
	    db_text(sql, r, QMS_COL(3)));
	{
		const struct tpl_bind	b[] = {
			{ "href", db_text(sql, r, QMS_COL(2)), TPL_TEXT },
			{ "title", db_text(sql, r, QMS_COL(1)), TPL_TEXT },
			{ "summary", sbuf_cstr(&summary), TPL_TRUSTED_HTML },
			{ "date", sbuf_cstr(&date), TPL_TRUSTED_HTML },
			{ "series", sbuf_cstr(&series), TPL_TEXT },
		};
		rc |= view_append(&ctx->final, VIEW_mm_index_final, ctx->loc,
		    b, NBINDS(b));
	}
	if (rc != 0)
		ctx->db.failed = 1;
	ctx->nfinal++;
	sbuf_free(&summary);
	sbuf_free(&date);
	sbuf_free(&series);
}

static int
mmi_list(struct sbuf *out, enum locale loc, struct sbuf *rows, int n,
    enum msg_id empty)
{
	if (n == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, empty), TPL_TEXT },
		};
		return (view_append(out, VIEW_empty, loc, b, NBINDS(b)));
	}
	const struct tpl_bind	b[] = {
		{ "rows", sbuf_cstr(rows), TPL_TRUSTED_HTML },
	};
	return (view_append(out, VIEW_mm_index_list, loc, b, NBINDS(b)));
}

static int
mmi_done(struct http_request *req, struct db_ctx *db)
{
	struct mmi_ctx	*ctx = (struct mmi_ctx *)db;
	struct sbuf	 series, final, link;
	int		 rc;

	sbuf_init(&series);
	sbuf_init(&final);
	sbuf_init(&link);
	rc = mmi_list(&series, ctx->loc, &ctx->series, ctx->nseries,
	    MSG_mmser_index_empty);
	rc |= mmi_list(&final, ctx->loc, &ctx->final, ctx->nfinal,
	    MSG_mmser_final_empty);
	if (ctx->may_start)
		rc |= view_append(&link, VIEW_mm_index_new, ctx->loc, NULL, 0);
	{
		const struct tpl_bind	b[] = {
			{ "new_link", sbuf_cstr(&link), TPL_TRUSTED_HTML },
			{ "series", sbuf_cstr(&series), TPL_TRUSTED_HTML },
			{ "final", sbuf_cstr(&final), TPL_TRUSTED_HTML },
		};
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, 200, ctx->loc, i18n_get(ctx->loc,
			    MSG_mmser_index_title), MMS_PATH, VIEW_mm_index,
			    b, NBINDS(b));
	}
	sbuf_free(&series);
	sbuf_free(&final);
	sbuf_free(&link);
	return (HTTP_STATE_COMPLETE);
}

static void
mmi_free(struct http_request *req)
{
	struct mmi_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->series);
	sbuf_free(&ctx->final);
}
