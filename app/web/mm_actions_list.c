/*
 * All actions of a series (issue 8):
 *
 *   GET /masterminds/{serie}/acties   ?status=open|te_laat|gedaan|
 *                                      vervallen|alle  ?pagina=N
 *
 * The actions of every session whose minutes the reader may read, open
 * ones first by due date, in a table with their session, owner, due
 * date ("Te laat" when overdue), status, closing note and evidence (a
 * link only when the reader may read it). The status filter is a row of
 * links (default: open). A series the reader may not read is 404.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/mm.h"
#include "core/path.h"
#include "db/q_mm_series.h"
#include "web/mm_series.h"
#include "web/pager.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

#define MMA_PAGE	50
#define MMA_PAGE_TXT	"50"

static const struct {
	const char	*word;
	enum msg_id	 msg;
} mma_filters[] = {
	{ "open", MSG_mmser_f_open },
	{ "te_laat", MSG_mmser_f_te_laat },
	{ "gedaan", MSG_mmser_f_gedaan },
	{ "vervallen", MSG_mmser_f_vervallen },
	{ "alle", MSG_mmser_f_alle },
};

struct mma_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	size_t		 filter;
	long		 page;
	char		 offset[24];
	int		 found;
	char		*name;
	long		 total;
	int		 nrows;
	struct sbuf	 rows;
};

static void	mma_row(struct db_ctx *, struct kore_pgsql *, int);
static void	mma_action(struct mma_ctx *, struct kore_pgsql *, int);
static int	mma_done(struct http_request *, struct db_ctx *);
static int	mma_filters_html(struct sbuf *, struct mma_ctx *);
static void	mma_free(struct http_request *);

int
mm_series_actions(struct http_request *req)
{
	struct mma_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];
	char		*v, *end;
	size_t		 i, f = 0;
	long		 page = 1;

	if (!http_state_exists(req)) {
		if (mmser_path(req->path, "/acties", slug,
		    sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		http_populate_get(req);
		if (http_argument_get_string(req, "status", &v)) {
			for (i = 0; i < NBINDS(mma_filters); i++)
				if (strcmp(v, mma_filters[i].word) == 0)
					break;
			if (i == NBINDS(mma_filters)) {
				resp_error(req, 404);
				return (KORE_RESULT_OK);
			}
			f = i;
		}
		if (http_argument_get_string(req, "pagina", &v)) {
			page = strtol(v, &end, 10);
			if (*end != '\0' || page < 1 || page > 100000) {
				resp_error(req, 404);
				return (KORE_RESULT_OK);
			}
		}
		ctx = http_state_create(req, sizeof(*ctx), mma_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		ctx->filter = f;
		ctx->page = page;
		(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
		    (page - 1) * MMA_PAGE);
		sbuf_init(&ctx->rows);
		db_start(req, &ctx->db, &q_mms_actions, mma_row, mma_done);
		ctx->db.params[0] = ctx->slug;
		ctx->db.params[1] = ctx->db.user.id;
		ctx->db.params[2] = mma_filters[f].word;
		ctx->db.params[3] = MMA_PAGE_TXT;
		ctx->db.params[4] = ctx->offset;
	}
	return (db_run(req));
}

static void
mma_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mma_ctx	*ctx = (struct mma_ctx *)db;

	switch (atoi(db_text(sql, r, QMS_TYPE))) {
	case QMS_ACT_SERIES:
		if (ctx->found)
			break;
		ctx->found = 1;
		ctx->name = kore_strdup(db_text(sql, r, QMS_COL(2)));
		ctx->total = strtol(db_text(sql, r, QMS_COL(4)), NULL, 10);
		break;
	case QMS_ACT_ROW:
		mma_action(ctx, sql, r);
		break;
	default:
		break;
	}
}

static void
mma_action(struct mma_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf		 owner, due, ev;
	const struct mm_word	*st;
	int			 rc, overdue;

	sbuf_init(&owner);
	sbuf_init(&due);
	sbuf_init(&ev);
	overdue = strcmp(db_text(sql, r, QMS_COL(6)), "true") == 0;
	rc = mmser_owner(&owner, ctx->loc, ctx->db.user.loaded, sql, r,
	    QMS_COL(2));
	rc |= mmser_due(&due, ctx->loc, db_text(sql, r, QMS_COL(5)), overdue);
	if (!db_isnull(sql, r, QMS_COL(12)))
		rc |= row_link(&ev, ctx->loc, db_text(sql, r, QMS_COL(12)),
		    db_text(sql, r, QMS_COL(11)));
	st = mm_status(db_text(sql, r, QMS_COL(9)));
	{
		const struct tpl_bind	b[] = {
			{ "overdue_class", overdue ? " class=\"mm-overdue\"" :
			    "", TPL_TRUSTED_HTML },
			{ "what", db_text(sql, r, QMS_COL(1)), TPL_TEXT },
			{ "session", db_text(sql, r, QMS_COL(7)), TPL_TEXT },
			{ "href", db_text(sql, r, QMS_COL(8)), TPL_TEXT },
			{ "owner", sbuf_cstr(&owner), TPL_TRUSTED_HTML },
			{ "due", sbuf_cstr(&due), TPL_TRUSTED_HTML },
			{ "status", st != NULL ? i18n_get(ctx->loc, st->msg) :
			    "", TPL_TEXT },
			{ "note", db_text(sql, r, QMS_COL(10)), TPL_TEXT },
			{ "evidence", sbuf_cstr(&ev), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->rows, VIEW_mm_actions_row, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		ctx->db.failed = 1;
	ctx->nrows++;
	sbuf_free(&owner);
	sbuf_free(&due);
	sbuf_free(&ev);
}

static int
mma_filters_html(struct sbuf *out, struct mma_ctx *ctx)
{
	struct sbuf	href;
	size_t		i;
	int		rc = 0;

	sbuf_init(&href);
	for (i = 0; i < NBINDS(mma_filters); i++) {
		sbuf_reset(&href);
		sbuf_printf(&href, MMS_PATH "/%s/acties?status=%s", ctx->slug,
		    mma_filters[i].word);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", i18n_get(ctx->loc, mma_filters[i].msg),
			    TPL_TEXT },
		};
		rc |= view_append(out, i == ctx->filter ?
		    VIEW_mm_actions_filter_current : VIEW_mm_actions_filter,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	return (rc);
}

static int
mma_done(struct http_request *req, struct db_ctx *db)
{
	struct mma_ctx	*ctx = (struct mma_ctx *)db;
	struct sbuf	 heading, filters, table, pager, base, caption, count;
	struct sbuf	 series;
	const char	*args[2];
	char		 n[24];
	long		 pages;
	int		 rc;

	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	pages = (ctx->total + MMA_PAGE - 1) / MMA_PAGE;
	if (ctx->page > 1 && ctx->page > pages) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&heading);
	sbuf_init(&filters);
	sbuf_init(&table);
	sbuf_init(&pager);
	sbuf_init(&base);
	sbuf_init(&caption);
	sbuf_init(&count);
	sbuf_init(&series);
	args[0] = ctx->name;
	i18n_fmt(&heading, i18n_get(ctx->loc, MSG_mmser_actions_title), args,
	    1);
	rc = mma_filters_html(&filters, ctx);
	args[1] = i18n_get(ctx->loc, mma_filters[ctx->filter].msg);
	i18n_fmt(&caption, i18n_get(ctx->loc, MSG_mmser_actions_list_caption),
	    args, 2);
	(void)snprintf(n, sizeof(n), "%ld", ctx->total);
	args[0] = n;
	i18n_fmt(&count, i18n_get(ctx->loc, MSG_mmser_actions_count), args, 1);
	if (ctx->nrows > 0) {
		const struct tpl_bind	b[] = {
			{ "caption", sbuf_cstr(&caption), TPL_TEXT },
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&table, VIEW_mm_actions_table, ctx->loc, b,
		    NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_mmser_actions_none),
			    TPL_TEXT },
		};
		rc |= view_append(&table, VIEW_empty, ctx->loc, b, NBINDS(b));
	}
	sbuf_printf(&base, MMS_PATH "/%s/acties?status=%s", ctx->slug,
	    mma_filters[ctx->filter].word);
	rc |= pager_render(&pager, ctx->loc, sbuf_cstr(&base), ctx->page,
	    pages);
	sbuf_printf(&series, MMS_PATH "/%s", ctx->slug);
	{
		const struct tpl_bind	b[] = {
			{ "series_href", sbuf_cstr(&series), TPL_TEXT },
			{ "series", ctx->name, TPL_TEXT },
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "filters", sbuf_cstr(&filters), TPL_TRUSTED_HTML },
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "table", sbuf_cstr(&table), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
		};
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, 200, ctx->loc, sbuf_cstr(&heading),
			    MMS_PATH, VIEW_mm_actions, b, NBINDS(b));
	}
	sbuf_free(&heading);
	sbuf_free(&filters);
	sbuf_free(&table);
	sbuf_free(&pager);
	sbuf_free(&base);
	sbuf_free(&caption);
	sbuf_free(&count);
	sbuf_free(&series);
	return (HTTP_STATE_COMPLETE);
}

static void
mma_free(struct http_request *req)
{
	struct mma_ctx	*ctx = http_state_get(req);

	kore_free(ctx->name);
	sbuf_free(&ctx->rows);
}
