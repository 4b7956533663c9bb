/*
 * The stories list (issue 9):
 *
 *   GET /verhalen   ?thema=SLUG  ?zonder=1  ?pagina=N
 *
 * Published stories the reader may read (q_story_list), newest first,
 * 20 a page. Each: title, "Verteld door <pseudonym>", the warning line
 * when it has warnings, the summary, themes and date; never anything
 * from the body. Filters: a theme (from the themes readable stories
 * have) and "without warnings", in a GET form. Visitors' pages come
 * from the page cache, keyed on the filters and the page.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "core/pcache.h"
#include "db/q.h"
#include "db/q_story_list.h"
#include "web/pager.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/story_show.h"
#include "web/view.h"

#define LIST_PAGE	20
#define LIST_PAGE_MAX	10000

struct slist_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 thema[PATH_SLUG_MAX + 1];
	int		 zonder;
	long		 page;
	char		 offset[24];
	char		 limit[8];
	long		 total;
	struct sbuf	 themes;
	struct sbuf	 rows;
	long long	 gen;
	int		 gen_ok;
	char		 key[PCACHE_KEY_MAX + 1];
};

static int	slist_start(struct http_request *, struct db_ctx *);
static int	slist_query(struct http_request *, struct db_ctx *);
static void	slist_gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	slist_gen_done(struct http_request *, struct db_ctx *);
static void	slist_row(struct db_ctx *, struct kore_pgsql *, int);
static int	slist_done(struct http_request *, struct db_ctx *);
static int	slist_story(struct sbuf *, enum locale, struct kore_pgsql *,
		    int);
static int	slist_themes(struct sbuf *, enum locale, const char *);
static void	slist_free(struct http_request *);

int
story_list(struct http_request *req)
{
	struct slist_ctx	*ctx;
	char			*v, *end;
	long			 p;

	if (!http_state_exists(req)) {
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), slist_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->themes);
		sbuf_init(&ctx->rows);
		if (http_argument_get_string(req, "thema", &v) &&
		    path_slug_ok(v, strlen(v)))
			(void)kore_strlcpy(ctx->thema, v, sizeof(ctx->thema));
		ctx->zonder = http_argument_get_string(req, "zonder", &v) &&
		    strcmp(v, "1") == 0;
		ctx->page = 1;
		if (http_argument_get_string(req, "pagina", &v)) {
			errno = 0;
			p = strtol(v, &end, 10);
			if (errno == 0 && *end == '\0' && p >= 1 &&
			    p <= LIST_PAGE_MAX)
				ctx->page = p;
		}
		(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
		    (ctx->page - 1) * LIST_PAGE);
		(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d",
		    LIST_PAGE);
		db_start(req, &ctx->db, NULL, NULL, slist_start);
	}
	return (db_run(req));
}

static int
slist_start(struct http_request *req, struct db_ctx *db)
{
	if (!db->user.loaded)
		return (db_chain(req, db, &q_content_gen, slist_gen_row,
		    slist_gen_done));
	return (slist_query(req, db));
}

static int
slist_query(struct http_request *req, struct db_ctx *db)
{
	struct slist_ctx	*ctx = (struct slist_ctx *)db;

	db->params[0] = db->user.loaded ? db->user.id : "";
	db->params[1] = ctx->thema;
	db->params[2] = ctx->zonder ? "1" : "";
	db->params[3] = ctx->offset;
	db->params[4] = ctx->limit;
	return (db_chain(req, db, &q_story_list, slist_row, slist_done));
}

static void
slist_gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct slist_ctx	*ctx = (struct slist_ctx *)db;
	char			*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
slist_gen_done(struct http_request *req, struct db_ctx *db)
{
	struct slist_ctx	*ctx = (struct slist_ctx *)db;
	int			 n;

	n = snprintf(ctx->key, sizeof(ctx->key), "verhalen %s %s %d %ld",
	    i18n_code(ctx->loc), ctx->thema, ctx->zonder, ctx->page);
	if (!ctx->gen_ok || n < 0 || (size_t)n >= sizeof(ctx->key)) {
		ctx->gen_ok = 0;
		return (slist_query(req, db));
	}
	if (!view_cached(req, ctx->loc, ctx->key, ctx->gen, STORY_PATH))
		return (slist_query(req, db));
	return (HTTP_STATE_COMPLETE);
}

static void
slist_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct slist_ctx	*ctx = (struct slist_ctx *)db;
	int			 rc;

	if (strcmp(db_text(sql, r, QSL_TYPE), "1") == 0) {
		const struct tpl_bind	b[] = {
			{ "slug", db_text(sql, r, QSL_C1), TPL_TEXT },
			{ "title", db_text(sql, r, QSL_C2), TPL_TEXT },
			{ "selected", strcmp(db_text(sql, r, QSL_C3),
			    "true") == 0 ? " selected" : "",
			    TPL_TRUSTED_HTML },
		};
		rc = view_append(&ctx->themes, VIEW_story_list_option,
		    ctx->loc, b, NBINDS(b));
	} else {
		ctx->total = strtol(db_text(sql, r, QSL_C8), NULL, 10);
		rc = slist_story(&ctx->rows, ctx->loc, sql, r);
	}
	if (rc == -1)
		db->failed = 1;
}

static int
slist_story(struct sbuf *out, enum locale loc, struct kore_pgsql *sql, int r)
{
	struct sbuf	 by, warn, names, themes;
	const char	*args[1];
	char		 shown[32];
	int		 rc = 0;

	sbuf_init(&by);
	sbuf_init(&warn);
	sbuf_init(&names);
	sbuf_init(&themes);
	args[0] = db_text(sql, r, QSL_C4);
	i18n_fmt(&by, i18n_get(loc, MSG_sf_by), args, 1);
	if (*db_text(sql, r, QSL_C5) != '\0') {
		story_warning_names(&names, loc, db_text(sql, r, QSL_C5));
		const struct tpl_bind	b[] = {
			{ "names", sbuf_cstr(&names), TPL_TEXT },
		};
		rc |= view_append(&warn, VIEW_story_list_warn, loc, b,
		    NBINDS(b));
	}
	rc |= slist_themes(&themes, loc, db_text(sql, r, QSL_C7));
	row_date_shown(db_text(sql, r, QSL_C6), shown, sizeof(shown));
	{
		const struct tpl_bind	b[] = {
			{ "slug", db_text(sql, r, QSL_C1), TPL_TEXT },
			{ "title", db_text(sql, r, QSL_C2), TPL_TEXT },
			{ "by", sbuf_cstr(&by), TPL_TEXT },
			{ "warn", sbuf_cstr(&warn), TPL_TRUSTED_HTML },
			{ "summary", db_text(sql, r, QSL_C3), TPL_TEXT },
			{ "themes", sbuf_cstr(&themes), TPL_TRUSTED_HTML },
			{ "date", db_text(sql, r, QSL_C6), TPL_TEXT },
			{ "date_shown", shown, TPL_TEXT },
		};
		rc |= view_append(out, VIEW_story_list_row, loc, b, NBINDS(b));
	}
	sbuf_free(&by);
	sbuf_free(&warn);
	sbuf_free(&names);
	sbuf_free(&themes);
	return (rc == 0 ? 0 : -1);
}

/* "slug<TAB>title" lines -> links to the themes' pages. */
static int
slist_themes(struct sbuf *out, enum locale loc, const char *lines)
{
	struct sbuf	 links, copy, href;
	char		*line, *next, *tab;
	int		 rc = 0, n = 0;

	if (*lines == '\0')
		return (0);
	sbuf_init(&links);
	sbuf_init(&copy);
	sbuf_init(&href);
	sbuf_puts(&copy, lines);
	for (line = copy.data; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab++ = '\0';
		if (n++ > 0)
			sbuf_puts(&links, ", ");
		sbuf_reset(&href);
		sbuf_printf(&href, "/themas/%s", line);
		rc |= row_link(&links, loc, sbuf_cstr(&href), tab);
	}
	{
		const struct tpl_bind	b[] = {
			{ "links", sbuf_cstr(&links), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_list_themes, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&links);
	sbuf_free(&copy);
	sbuf_free(&href);
	return (rc);
}

static int
slist_done(struct http_request *req, struct db_ctx *db)
{
	struct slist_ctx	*ctx = (struct slist_ctx *)db;
	struct sbuf		 main, links, items, pager, base, count;
	char			 n[24];
	const char		*args[1];
	long			 pages;
	int			 rc = 0;

	sbuf_init(&main);
	sbuf_init(&links);
	sbuf_init(&items);
	sbuf_init(&pager);
	sbuf_init(&base);
	sbuf_init(&count);
	if (db->user.loaded)
		rc |= view_append(&links, VIEW_story_list_links, ctx->loc,
		    NULL, 0);
	if (ctx->rows.len > 0) {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&items, VIEW_story_list_items, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->total == 1)
		sbuf_puts(&count, i18n_get(ctx->loc, MSG_sr_count_one));
	else if (ctx->total > 1) {
		(void)snprintf(n, sizeof(n), "%ld", ctx->total);
		args[0] = n;
		i18n_fmt(&count, i18n_get(ctx->loc, MSG_sr_count), args, 1);
	} else
		sbuf_puts(&count, i18n_get(ctx->loc, MSG_sr_empty));
	/* The pager keeps the filters. */
	sbuf_puts(&base, STORY_PATH);
	if (ctx->thema[0] != '\0')
		sbuf_printf(&base, "?thema=%s", ctx->thema);
	if (ctx->zonder)
		sbuf_printf(&base, "%czonder=1", ctx->thema[0] != '\0' ?
		    '&' : '?');
	pages = (ctx->total + LIST_PAGE - 1) / LIST_PAGE;
	rc |= pager_render(&pager, ctx->loc, sbuf_cstr(&base), ctx->page,
	    pages);
	{
		const struct tpl_bind	b[] = {
			{ "links", sbuf_cstr(&links), TPL_TRUSTED_HTML },
			{ "themes", sbuf_cstr(&ctx->themes), TPL_TRUSTED_HTML },
			{ "zonder", ctx->zonder ? " checked" : "",
			    TPL_TRUSTED_HTML },
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
		};
		if (rc == 0)
			rc = view_append(&main, VIEW_story_list, ctx->loc, b,
			    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		if (!db->user.loaded && ctx->gen_ok)
			pcache_put(ctx->key, ctx->gen, main.data, main.len,
			    i18n_get(ctx->loc, MSG_sf_stories));
		view_page_main(req, 200, ctx->loc,
		    i18n_get(ctx->loc, MSG_sf_stories), STORY_PATH, &main);
	}
	sbuf_free(&main);
	sbuf_free(&links);
	sbuf_free(&items);
	sbuf_free(&pager);
	sbuf_free(&base);
	sbuf_free(&count);
	return (HTTP_STATE_COMPLETE);
}

static void
slist_free(struct http_request *req)
{
	struct slist_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->themes);
	sbuf_free(&ctx->rows);
}
