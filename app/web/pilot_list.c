/*
 * The pilot overview (issue 7):
 *
 *   GET /pilots   ?regio= &setting= &fase= &thema= &project= &jaar=
 *                 &sorteer=nieuw|titel|start|fase &pagina=
 *
 * Published pilots the reader may read, filtered by facets (AND between
 * facets, OR within one; comma lists or repeated keys, parsed from the
 * raw query string by core/facet.c because Kore keeps one value per
 * key), sorted, 20 a page. Beside them the facet panel: every value
 * with the count of pilots that match all OTHER chosen facets, as
 * plain links. One query (q_pilot_list). A refused or unknown value is
 * named in the error summary (status 400) and left out; the rest of
 * the page still works. Visitors get the worker's page cache, keyed on
 * the canonical href of the state.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/facet.h"
#include "core/pcache.h"
#include "core/pilot.h"
#include "db/q.h"
#include "db/q_pilot_list.h"
#include "web/fv.h"
#include "web/pilot_list.h"
#include "web/pilot_show.h"
#include "web/resp.h"
#include "web/view.h"

#define PILOTS_PATH	"/pilots"

struct plist_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	struct facet		 f;
	struct plist_panel	 panel;
	struct sbuf		 rows;
	long			 total;
	struct fv		 fv;
	/* $1..$6: the facet values, comma-separated. */
	struct sbuf		 csv[6];
	char			 offset[24];
	char			 limit[8];
	/* Visitors: the content generation and the page's cache key. */
	long long		 gen;
	int			 gen_ok;
	char			 key[PCACHE_KEY_MAX + 1];
};

static const char *const	sorts[] = {
	"nieuw", "titel", "start", "fase", NULL
};
static const enum msg_id	sort_msgs[] = {
	MSG_plist_sort_nieuw, MSG_plist_sort_titel, MSG_plist_sort_start,
	MSG_plist_sort_fase
};
static const struct facet_conf	conf = {
	FACET_BIT(FACET_REGIO) | FACET_BIT(FACET_SETTING) |
	FACET_BIT(FACET_FASE) | FACET_BIT(FACET_THEMA) |
	FACET_BIT(FACET_PROJECT) | FACET_BIT(FACET_JAAR) |
	FACET_BIT(FACET_SORTEER) | FACET_BIT(FACET_PAGINA), sorts
};
/* The panel's order; the SQL's $1..$6 are these keys in enum order. */
static const enum facet_key	panel_order[] = {
	FACET_REGIO, FACET_SETTING, FACET_FASE, FACET_THEMA, FACET_PROJECT,
	FACET_JAAR
};
/* Keys whose values the query checks by name. */
#define NAMED_KEYS	(FACET_BIT(FACET_REGIO) | FACET_BIT(FACET_SETTING) | \
			    FACET_BIT(FACET_THEMA) | FACET_BIT(FACET_PROJECT))

static int	cacheable(const struct plist_ctx *);
static int	list_start(struct http_request *, struct db_ctx *);
static void	gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	gen_done(struct http_request *, struct db_ctx *);
static int	list_query(struct http_request *, struct db_ctx *);
static void	list_row(struct db_ctx *, struct kore_pgsql *, int);
static int	pilot_row(struct plist_ctx *, struct kore_pgsql *, int);
static int	list_done(struct http_request *, struct db_ctx *);
static int	sort_links(struct sbuf *, struct plist_ctx *);
static int	results(struct sbuf *, struct plist_ctx *);
static void	list_send(struct http_request *, struct plist_ctx *,
		    struct sbuf *);
static void	list_free(struct http_request *);

int
pilot_list(struct http_request *req)
{
	struct plist_ctx	*ctx;
	size_t			 i;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), list_free);
		ctx->loc = resp_locale(req);
		facet_parse(&ctx->f, &conf, req->query_string);
		plist_panel_init(&ctx->panel);
		sbuf_init(&ctx->rows);
		for (i = 0; i < NBINDS(ctx->csv); i++) {
			sbuf_init(&ctx->csv[i]);
			facet_csv(&ctx->csv[i], &ctx->f, panel_order[i]);
		}
		fv_init(&ctx->fv, ctx->loc);
		db_start(req, &ctx->db, NULL, NULL, list_start);
	}
	return (db_run(req));
}

/*
 * Visitors all see the same list for the same state: from the page
 * cache while content_gen stands still. So do signed-in readers, under
 * their reach (account_reach(): readers with the same key read the
 * same pilots; their page has the "Nieuwe pilot" link). The day is in the
 * key because a pilot without an end date runs until today (the year
 * facet).
 */
static int
cacheable(const struct plist_ctx *ctx)
{
	return ((!ctx->db.user.loaded || ctx->db.user.reach_ok) &&
	    ctx->f.bad == 0 && ctx->f.over == 0);
}

static int
list_start(struct http_request *req, struct db_ctx *db)
{
	struct plist_ctx	*ctx = (struct plist_ctx *)db;

	if (cacheable(ctx))
		return (db_chain(req, db, &q_content_gen, gen_row, gen_done));
	return (list_query(req, db));
}

static void
gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct plist_ctx	*ctx = (struct plist_ctx *)db;
	char			*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
gen_done(struct http_request *req, struct db_ctx *db)
{
	struct plist_ctx	*ctx = (struct plist_ctx *)db;
	struct sbuf		 href;
	int			 n;

	sbuf_init(&href);
	facet_write(&href, PILOTS_PATH, &ctx->f);
	n = snprintf(ctx->key, sizeof(ctx->key), "pilots %s%s %s %lld %s",
	    db->user.loaded ? "in:" : "uit", db->user.loaded ?
	    db->user.reach : "", i18n_code(ctx->loc),
	    (long long)(time(NULL) / 86400), sbuf_cstr(&href));
	sbuf_free(&href);
	if (!ctx->gen_ok || n < 0 || (size_t)n >= sizeof(ctx->key)) {
		ctx->gen_ok = 0;
		return (list_query(req, db));
	}
	if (!view_cached(req, ctx->loc, ctx->key, ctx->gen, PILOTS_PATH))
		return (list_query(req, db));
	return (HTTP_STATE_COMPLETE);
}

static int
list_query(struct http_request *req, struct db_ctx *db)
{
	struct plist_ctx	*ctx = (struct plist_ctx *)db;
	size_t			 i;

	for (i = 0; i < NBINDS(ctx->csv); i++)
		db->params[i] = sbuf_cstr(&ctx->csv[i]);
	(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
	    (ctx->f.page - 1) * PLIST_PER_PAGE);
	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d", PLIST_PER_PAGE);
	db->params[6] = sorts[ctx->f.sort];
	db->params[7] = ctx->offset;
	db->params[8] = ctx->limit;
	db->params[9] = db->user.loaded ? db->user.id : "";
	db->params[10] = i18n_code(ctx->loc);
	return (db_chain(req, db, &q_pilot_list, list_row, list_done));
}

static void
list_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct plist_ctx	*ctx = (struct plist_ctx *)db;
	int			 rc = 0;

	switch (strtol(db_text(sql, r, QPL_TYPE), NULL, 10)) {
	case QPL_FACET:
		rc = plist_panel_add(&ctx->panel, sql, r);
		break;
	case QPL_PILOT:
		rc = pilot_row(ctx, sql, r);
		break;
	case QPL_TOTAL:
		ctx->total = strtol(db_text(sql, r, QPL_C1), NULL, 10);
		break;
	}
	if (rc != 0)
		db->failed = 1;
}

static int
pilot_row(struct plist_ctx *ctx, struct kore_pgsql *sql, int r)
{
	const struct pilot_word	*phase;
	struct sbuf		 href, region, period;
	const char		*none, *setting;
	int			 rc;

	none = i18n_get(ctx->loc, MSG_pf_none);
	sbuf_init(&href);
	sbuf_init(&region);
	sbuf_init(&period);
	sbuf_printf(&href, PILOTS_PATH "/%s", db_text(sql, r, QPL_C2));
	if (*db_text(sql, r, QPL_C5) != '\0')
		pilot_region_text(&region, db_text(sql, r, QPL_C5),
		    db_text(sql, r, QPL_C6));
	else
		sbuf_puts(&region, none);
	plist_period(&period, ctx->loc, db_text(sql, r, QPL_C9),
	    db_text(sql, r, QPL_C10));
	phase = pilot_phase(db_text(sql, r, QPL_C8));
	setting = db_text(sql, r, QPL_C7);
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "id", db_text(sql, r, QPL_C1), TPL_TEXT },
			{ "title", db_text(sql, r, QPL_C3), TPL_TEXT },
			{ "summary", db_text(sql, r, QPL_C4), TPL_TEXT },
			{ "region", sbuf_cstr(&region), TPL_TEXT },
			{ "setting", *setting != '\0' ? setting : none,
			    TPL_TEXT },
			{ "phase", phase != NULL ?
			    i18n_get(ctx->loc, phase->msg) : none, TPL_TEXT },
			{ "period", sbuf_cstr(&period), TPL_TEXT },
		};
		rc = view_append(&ctx->rows, VIEW_pilot_list_row, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&href);
	sbuf_free(&region);
	sbuf_free(&period);
	return (rc);
}

/* "Sorteren op: Nieuwste eerst · Titel · ...", the current one unlinked. */
static int
sort_links(struct sbuf *out, struct plist_ctx *ctx)
{
	struct sbuf	items, href;
	size_t		i;
	int		rc = 0;

	sbuf_init(&items);
	sbuf_init(&href);
	for (i = 0; sorts[i] != NULL; i++) {
		if (i > 0)
			sbuf_puts(&items, " \xc2\xb7 ");
		sbuf_reset(&href);
		facet_href_sort(&href, PILOTS_PATH, &ctx->f, i);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", i18n_get(ctx->loc, sort_msgs[i]), TPL_TEXT },
		};
		rc |= view_append(&items, i == ctx->f.sort ?
		    VIEW_pilot_list_sort_current : VIEW_pilot_list_sort_link,
		    ctx->loc, b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_list_sort, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&href);
	return (rc);
}

/* The rows in the compare form and the pager; or why there are none. */
static int
results(struct sbuf *out, struct plist_ctx *ctx)
{
	struct sbuf	pager;
	enum msg_id	none;
	int		rc = 0;

	if (ctx->rows.len == 0) {
		if (ctx->f.page > 1)
			none = MSG_plist_none_page;
		else if (ctx->f.n > 0)
			none = MSG_plist_none_filtered;
		else
			none = MSG_empty_pilot;
		return (plist_empty(out, ctx->loc, none, PILOTS_PATH,
		    &ctx->f));
	}
	sbuf_init(&pager);
	rc |= plist_pager(&pager, ctx->loc, PILOTS_PATH, &ctx->f, ctx->total);
	{
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_list_results, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&pager);
	return (rc);
}

static int
list_done(struct http_request *req, struct db_ctx *db)
{
	struct plist_ctx	*ctx = (struct plist_ctx *)db;
	struct sbuf		 main, facets, res, sort, count, newl;
	int			 rc;

	/* Names that name nothing: said, and left out of every link. */
	plist_panel_confirm(&ctx->panel, &ctx->f, NAMED_KEYS);
	plist_errors(&ctx->fv, &ctx->f);
	sbuf_init(&main);
	sbuf_init(&facets);
	sbuf_init(&res);
	sbuf_init(&sort);
	sbuf_init(&count);
	sbuf_init(&newl);
	rc = plist_panel_render(&facets, ctx->loc, PILOTS_PATH, &ctx->f,
	    &ctx->panel, panel_order, NBINDS(panel_order));
	rc |= sort_links(&sort, ctx);
	rc |= results(&res, ctx);
	plist_count(&count, ctx->loc, ctx->total, MSG_plist_count_one,
	    MSG_plist_count);
	if (db->user.loaded)
		rc |= view_append(&newl, VIEW_pilot_list_new, ctx->loc,
		    NULL, 0);
	{
		const struct tpl_bind	b[] = {
			{ "new_link", sbuf_cstr(&newl), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "facets", sbuf_cstr(&facets), TPL_TRUSTED_HTML },
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "sort", sbuf_cstr(&sort), TPL_TRUSTED_HTML },
			{ "results", sbuf_cstr(&res), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&main, VIEW_pilot_list, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else
		list_send(req, ctx, &main);
	sbuf_free(&main);
	sbuf_free(&facets);
	sbuf_free(&res);
	sbuf_free(&sort);
	sbuf_free(&count);
	sbuf_free(&newl);
	return (HTTP_STATE_COMPLETE);
}

/* A visitor's good page goes into the cache; a refused value is 400. */
static void
list_send(struct http_request *req, struct plist_ctx *ctx, struct sbuf *main)
{
	const char	*title;
	int		 bad;

	title = i18n_get(ctx->loc, MSG_kind_pilot);
	bad = ctx->f.bad != 0 || ctx->f.over != 0;
	if (!bad && cacheable(ctx) && ctx->gen_ok)
		pcache_put(ctx->key, ctx->gen, main->data, main->len, title);
	view_page_main(req, bad ? 400 : 200, ctx->loc, title, PILOTS_PATH,
	    main);
}

static void
list_free(struct http_request *req)
{
	struct plist_ctx	*ctx = http_state_get(req);
	size_t			 i;

	plist_panel_free(&ctx->panel);
	sbuf_free(&ctx->rows);
	for (i = 0; i < NBINDS(ctx->csv); i++)
		sbuf_free(&ctx->csv[i]);
	fv_free(&ctx->fv);
}
