/*
 * All lessons learned (issue 7):
 *
 *   GET /lessen   ?soort= &thema= &regio= &setting= &pagina=
 *
 * Lessons of published pilots the reader may read, newest first, 20 a
 * page, filtered like the pilot overview (core/facet.c; a lesson has
 * its pilot's themes, region and setting) with the same facet panel
 * (web/pilot_list_facets.c). One query (q_lesson_list).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/facet.h"
#include "core/pilot.h"
#include "db/q_pilot_list.h"
#include "web/fv.h"
#include "web/pilot_list.h"
#include "web/pilot_show.h"
#include "web/resp.h"
#include "web/view.h"

#define LESSONS_PATH	"/lessen"

struct llist_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	struct facet		 f;
	struct plist_panel	 panel;
	struct sbuf		 rows;
	long			 total;
	struct fv		 fv;
	struct sbuf		 csv[4];	/* $1..$4 */
	char			 offset[24];
	char			 limit[8];
};

static const struct facet_conf	conf = {
	FACET_BIT(FACET_SOORT) | FACET_BIT(FACET_THEMA) |
	FACET_BIT(FACET_REGIO) | FACET_BIT(FACET_SETTING) |
	FACET_BIT(FACET_PAGINA), NULL
};
static const enum facet_key	panel_order[] = {
	FACET_SOORT, FACET_THEMA, FACET_REGIO, FACET_SETTING
};
/* $1..$4 of q_lesson_list. */
static const enum facet_key	params[] = {
	FACET_REGIO, FACET_SETTING, FACET_THEMA, FACET_SOORT
};
#define NAMED_KEYS	(FACET_BIT(FACET_REGIO) | FACET_BIT(FACET_SETTING) | \
			    FACET_BIT(FACET_THEMA))

static int	list_query(struct http_request *, struct db_ctx *);
static void	list_row(struct db_ctx *, struct kore_pgsql *, int);
static int	lesson_row(struct llist_ctx *, struct kore_pgsql *, int);
static int	list_done(struct http_request *, struct db_ctx *);
static int	results(struct sbuf *, struct llist_ctx *);
static void	list_free(struct http_request *);

int
lesson_list(struct http_request *req)
{
	struct llist_ctx	*ctx;
	size_t			 i;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), list_free);
		ctx->loc = resp_locale(req);
		facet_parse(&ctx->f, &conf, req->query_string);
		plist_panel_init(&ctx->panel);
		sbuf_init(&ctx->rows);
		for (i = 0; i < NBINDS(ctx->csv); i++) {
			sbuf_init(&ctx->csv[i]);
			facet_csv(&ctx->csv[i], &ctx->f, params[i]);
		}
		fv_init(&ctx->fv, ctx->loc);
		db_start(req, &ctx->db, NULL, NULL, list_query);
	}
	return (db_run(req));
}

static int
list_query(struct http_request *req, struct db_ctx *db)
{
	struct llist_ctx	*ctx = (struct llist_ctx *)db;
	size_t			 i;

	for (i = 0; i < NBINDS(ctx->csv); i++)
		db->params[i] = sbuf_cstr(&ctx->csv[i]);
	(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
	    (ctx->f.page - 1) * PLIST_PER_PAGE);
	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d", PLIST_PER_PAGE);
	db->params[4] = ctx->offset;
	db->params[5] = ctx->limit;
	db->params[6] = db->user.loaded ? db->user.id : "";
	db->params[7] = i18n_code(ctx->loc);
	return (db_chain(req, db, &q_lesson_list, list_row, list_done));
}

static void
list_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct llist_ctx	*ctx = (struct llist_ctx *)db;
	int			 rc = 0;

	switch (strtol(db_text(sql, r, QPL_TYPE), NULL, 10)) {
	case QPL_FACET:
		rc = plist_panel_add(&ctx->panel, sql, r);
		break;
	case QPL_PILOT:
		rc = lesson_row(ctx, sql, r);
		break;
	case QPL_TOTAL:
		ctx->total = strtol(db_text(sql, r, QPL_C1), NULL, 10);
		break;
	}
	if (rc != 0)
		db->failed = 1;
}

static int
lesson_row(struct llist_ctx *ctx, struct kore_pgsql *sql, int r)
{
	const struct pilot_word	*kind;
	struct sbuf		 href, pilot, region;
	int			 rc;

	if ((kind = pilot_lesson_kind(db_text(sql, r, QPL_C2))) == NULL)
		return (-1);
	sbuf_init(&href);
	sbuf_init(&pilot);
	sbuf_init(&region);
	sbuf_printf(&href, LESSONS_PATH "/%s", db_text(sql, r, QPL_C1));
	sbuf_printf(&pilot, "/pilots/%s", db_text(sql, r, QPL_C4));
	if (*db_text(sql, r, QPL_C6) != '\0')
		pilot_region_text(&region, db_text(sql, r, QPL_C6),
		    db_text(sql, r, QPL_C7));
	else
		sbuf_puts(&region, i18n_get(ctx->loc, MSG_pf_none));
	{
		const struct tpl_bind	b[] = {
			{ "kind", kind->word, TPL_TEXT },
			{ "kind_label", i18n_get(ctx->loc, kind->msg),
			    TPL_TEXT },
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "statement", db_text(sql, r, QPL_C3), TPL_TEXT },
			{ "pilot_href", sbuf_cstr(&pilot), TPL_TEXT },
			{ "pilot", db_text(sql, r, QPL_C5), TPL_TEXT },
			{ "region", sbuf_cstr(&region), TPL_TEXT },
		};
		rc = view_append(&ctx->rows, VIEW_lesson_list_row, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&href);
	sbuf_free(&pilot);
	sbuf_free(&region);
	return (rc);
}

static int
results(struct sbuf *out, struct llist_ctx *ctx)
{
	struct sbuf	pager;
	enum msg_id	none;
	int		rc = 0;

	if (ctx->rows.len == 0) {
		if (ctx->f.page > 1)
			none = MSG_plist_les_none_page;
		else if (ctx->f.n > 0)
			none = MSG_plist_les_none_filtered;
		else
			none = MSG_plist_les_none;
		return (plist_empty(out, ctx->loc, none, LESSONS_PATH,
		    &ctx->f));
	}
	sbuf_init(&pager);
	rc |= plist_pager(&pager, ctx->loc, LESSONS_PATH, &ctx->f,
	    ctx->total);
	{
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_lesson_list_results, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&pager);
	return (rc);
}

static int
list_done(struct http_request *req, struct db_ctx *db)
{
	struct llist_ctx	*ctx = (struct llist_ctx *)db;
	struct sbuf		 main, facets, res, count;
	int			 rc;

	plist_panel_confirm(&ctx->panel, &ctx->f, NAMED_KEYS);
	plist_errors(&ctx->fv, &ctx->f);
	sbuf_init(&main);
	sbuf_init(&facets);
	sbuf_init(&res);
	sbuf_init(&count);
	rc = plist_panel_render(&facets, ctx->loc, LESSONS_PATH, &ctx->f,
	    &ctx->panel, panel_order, NBINDS(panel_order));
	rc |= results(&res, ctx);
	plist_count(&count, ctx->loc, ctx->total, MSG_plist_les_count_one,
	    MSG_plist_les_count);
	{
		const struct tpl_bind	b[] = {
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "facets", sbuf_cstr(&facets), TPL_TRUSTED_HTML },
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "results", sbuf_cstr(&res), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&main, VIEW_lesson_list, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else
		view_page_main(req, ctx->f.bad != 0 || ctx->f.over != 0 ?
		    400 : 200, ctx->loc, i18n_get(ctx->loc,
		    MSG_plist_les_title), "/pilots", &main);
	sbuf_free(&main);
	sbuf_free(&facets);
	sbuf_free(&res);
	sbuf_free(&count);
	return (HTTP_STATE_COMPLETE);
}

static void
list_free(struct http_request *req)
{
	struct llist_ctx	*ctx = http_state_get(req);
	size_t			 i;

	plist_panel_free(&ctx->panel);
	sbuf_free(&ctx->rows);
	for (i = 0; i < NBINDS(ctx->csv); i++)
		sbuf_free(&ctx->csv[i]);
	fv_free(&ctx->fv);
}
