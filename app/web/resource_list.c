/*
 * The list of resources (issue 10):
 *
 *   GET /bronnen   ?soort=TYPE &thema=SLUG &jaar=YYYY &pagina=N
 *
 * Published resources the reader may read (q_resource_list), newest
 * first, 20 a page. Each: title, type, year, publisher, summary and how
 * often its files were downloaded. Beside them the filters as plain
 * links: each type, theme and year with the count of resources it
 * would give (with the other filters kept), the chosen one marked
 * aria-current. A refused value (an unknown type, a year that is no
 * year, a theme that does not exist, a page that is no number) is
 * named in the error summary with status 400 and left out; the rest
 * of the page still works. Visitors' pages come from the page cache.
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
#include "core/resource.h"
#include "db/q.h"
#include "db/q_resource_list.h"
#include "web/fv.h"
#include "web/pager.h"
#include "web/resource_show.h"
#include "web/resp.h"
#include "web/view.h"

#define RLIST_PAGE	20
#define RLIST_PAGE_MAX	100000L
/* The filter links send four; Kore silently drops past 20. */
#define RLIST_MAX_ARGS	10
#define RLIST_YEAR_MIN	1900
#define RLIST_YEAR_MAX	2100
#define RLIST_DOT	" \xc2\xb7 "	/* " · " */

enum rl_key { RL_SOORT, RL_THEMA, RL_JAAR, RL__MAX };

static const struct {
	const char	*name;		/* the GET parameter */
	enum msg_id	 label;		/* the group's heading */
	enum msg_id	 all;		/* the link without this filter */
} keys[RL__MAX] = {
	{ "soort", MSG_rf_type, MSG_rs_all_types },
	{ "thema", MSG_rs_f_theme, MSG_rs_all_themes },
	{ "jaar", MSG_rf_year, MSG_rs_all_years },
};

struct rlist_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	/* The chosen values ('' for none), checked. */
	char		 val[RL__MAX][PATH_SLUG_MAX + 1];
	long		 page;
	int		 bad;
	struct fv	 fv;
	char		 offset[24];
	char		 limit[8];
	struct sbuf	 groups[RL__MAX];
	struct sbuf	 rows;
	long		 total;
	int		 theme_known;
	/* Visitors: the content generation and the page's cache key. */
	long long	 gen;
	int		 gen_ok;
	char		 key[PCACHE_KEY_MAX + 1];
};

static void	rl_args(struct http_request *, struct rlist_ctx *);
static void	rl_href(struct sbuf *, const struct rlist_ctx *, int,
		    const char *, long);
static int	rl_start(struct http_request *, struct db_ctx *);
static void	rl_gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rl_gen_done(struct http_request *, struct db_ctx *);
static int	rl_query(struct http_request *, struct db_ctx *);
static void	rl_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rl_value(struct rlist_ctx *, struct kore_pgsql *, int);
static int	rl_item(struct rlist_ctx *, struct kore_pgsql *, int);
static int	rl_groups(struct sbuf *, struct rlist_ctx *);
static int	rl_results(struct sbuf *, struct rlist_ctx *);
static int	rl_done(struct http_request *, struct db_ctx *);
static void	rl_free(struct http_request *);

int
resource_list(struct http_request *req)
{
	struct rlist_ctx	*ctx;
	int			 i;

	if (!http_state_exists(req)) {
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), rl_free);
		ctx->loc = resp_locale(req);
		ctx->page = 1;
		fv_init(&ctx->fv, ctx->loc);
		for (i = 0; i < RL__MAX; i++)
			sbuf_init(&ctx->groups[i]);
		sbuf_init(&ctx->rows);
		rl_args(req, ctx);
		db_start(req, &ctx->db, NULL, NULL, rl_start);
	}
	return (db_run(req));
}

/*
 * Read and check the filters; a refused one gets its message and is
 * left out. Kore drops a value that fails its validator (too long,
 * control bytes) without a word: path_query_has() tells it from an
 * absent one.
 */
static void
rl_args(struct http_request *req, struct rlist_ctx *ctx)
{
	const char	*qs = req->query_string;
	char		*v, *end;
	long		 n;

	if (path_query_args(qs) > RLIST_MAX_ARGS) {
		fv_form_error(&ctx->fv, MSG_rs_bad_args, NULL);
		ctx->bad = 1;
		return;
	}
	if (http_argument_get_string(req, "soort", &v) &&
	    resource_type(v) != NULL)
		(void)kore_strlcpy(ctx->val[RL_SOORT], v,
		    sizeof(ctx->val[RL_SOORT]));
	else if (path_query_has(qs, "soort")) {
		fv_form_error(&ctx->fv, MSG_rs_bad_type, NULL);
		ctx->bad = 1;
	}
	if (http_argument_get_string(req, "thema", &v) &&
	    path_slug_ok(v, strlen(v)))
		(void)kore_strlcpy(ctx->val[RL_THEMA], v,
		    sizeof(ctx->val[RL_THEMA]));
	else if (path_query_has(qs, "thema")) {
		fv_form_error(&ctx->fv, MSG_rs_bad_theme, NULL);
		ctx->bad = 1;
	}
	if (http_argument_get_string(req, "jaar", &v)) {
		errno = 0;
		n = strtol(v, &end, 10);
		if (strlen(v) == 4 && *end == '\0' && errno == 0 &&
		    n >= RLIST_YEAR_MIN && n <= RLIST_YEAR_MAX)
			(void)kore_strlcpy(ctx->val[RL_JAAR], v,
			    sizeof(ctx->val[RL_JAAR]));
		else {
			fv_form_error(&ctx->fv, MSG_rs_bad_year, NULL);
			ctx->bad = 1;
		}
	} else if (path_query_has(qs, "jaar")) {
		fv_form_error(&ctx->fv, MSG_rs_bad_year, NULL);
		ctx->bad = 1;
	}
	if (http_argument_get_string(req, "pagina", &v)) {
		errno = 0;
		n = strtol(v, &end, 10);
		if (*v >= '1' && *v <= '9' && *end == '\0' && errno == 0 &&
		    n <= RLIST_PAGE_MAX)
			ctx->page = n;
		else {
			fv_form_error(&ctx->fv, MSG_rs_bad_page, NULL);
			ctx->bad = 1;
		}
	} else if (path_query_has(qs, "pagina")) {
		fv_form_error(&ctx->fv, MSG_rs_bad_page, NULL);
		ctx->bad = 1;
	}
}

/*
 * /bronnen with the chosen filters, key k set to v instead (k = -1:
 * none changed; v = NULL or "": without k), at page p.
 */
static void
rl_href(struct sbuf *sb, const struct rlist_ctx *ctx, int k, const char *v,
    long p)
{
	const char	*val;
	char		 sep = '?';
	int		 i;

	sbuf_puts(sb, RESOURCE_PATH);
	for (i = 0; i < RL__MAX; i++) {
		val = i == k ? (v != NULL ? v : "") : ctx->val[i];
		/* An unknown theme filters nothing: links leave it out. */
		if (i == RL_THEMA && i != k && !ctx->theme_known)
			val = "";
		if (*val == '\0')
			continue;
		sbuf_putc(sb, sep);
		sbuf_puts(sb, keys[i].name);
		sbuf_putc(sb, '=');
		sbuf_urlenc(sb, val);
		sep = '&';
	}
	if (p > 1) {
		sbuf_putc(sb, sep);
		sbuf_printf(sb, "pagina=%ld", p);
	}
}

/* Visitors with nothing refused: the page cache. */
static int
rl_start(struct http_request *req, struct db_ctx *db)
{
	struct rlist_ctx	*ctx = (struct rlist_ctx *)db;

	if (!db->user.loaded && !ctx->bad)
		return (db_chain(req, db, &q_content_gen, rl_gen_row,
		    rl_gen_done));
	return (rl_query(req, db));
}

static void
rl_gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rlist_ctx	*ctx = (struct rlist_ctx *)db;
	char			*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
rl_gen_done(struct http_request *req, struct db_ctx *db)
{
	struct rlist_ctx	*ctx = (struct rlist_ctx *)db;
	int			 n;

	/* Checked values: slugs, words and digits, no spaces. */
	n = snprintf(ctx->key, sizeof(ctx->key), "bronnen %s %s %s %s %ld",
	    i18n_code(ctx->loc), ctx->val[RL_SOORT], ctx->val[RL_THEMA],
	    ctx->val[RL_JAAR], ctx->page);
	if (!ctx->gen_ok || n < 0 || (size_t)n >= sizeof(ctx->key)) {
		ctx->gen_ok = 0;
		return (rl_query(req, db));
	}
	if (!view_cached(req, ctx->loc, ctx->key, ctx->gen, RESOURCE_PATH))
		return (rl_query(req, db));
	return (HTTP_STATE_COMPLETE);
}

static int
rl_query(struct http_request *req, struct db_ctx *db)
{
	struct rlist_ctx	*ctx = (struct rlist_ctx *)db;

	(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
	    (ctx->page - 1) * RLIST_PAGE);
	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d", RLIST_PAGE);
	db->params[0] = db->user.loaded ? db->user.id : "";
	db->params[1] = ctx->val[RL_SOORT];
	db->params[2] = ctx->val[RL_THEMA];
	db->params[3] = ctx->val[RL_JAAR];
	db->params[4] = ctx->offset;
	db->params[5] = ctx->limit;
	return (db_chain(req, db, &q_resource_list, rl_row, rl_done));
}

static void
rl_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rlist_ctx	*ctx = (struct rlist_ctx *)db;
	int			 rc = 0;

	switch (strtol(db_text(sql, r, QRL_TYPE), NULL, 10)) {
	case QRL_FACET:
		rc = rl_value(ctx, sql, r);
		break;
	case QRL_ITEM:
		rc = rl_item(ctx, sql, r);
		break;
	case QRL_TOTAL:
		ctx->total = strtol(db_text(sql, r, QRL_C1), NULL, 10);
		ctx->theme_known = strcmp(db_text(sql, r, QRL_C2),
		    "true") == 0;
		break;
	}
	if (rc != 0)
		db->failed = 1;
}

/* One filter value as a link (the total came first: theme_known). */
static int
rl_value(struct rlist_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 href;
	const char	*key, *value, *label;
	int		 k, cur, rc;

	key = db_text(sql, r, QRL_C1);
	for (k = 0; k < RL__MAX; k++)
		if (strcmp(keys[k].name, key) == 0)
			break;
	if (k == RL__MAX)
		return (-1);
	value = db_text(sql, r, QRL_C2);
	if (k == RL_SOORT)
		label = resource_type_name(ctx->loc, value);
	else if (k == RL_THEMA)
		label = db_text(sql, r, QRL_C3);
	else
		label = value;
	cur = strcmp(db_text(sql, r, QRL_C5), "true") == 0;
	sbuf_init(&href);
	rl_href(&href, ctx, k, value, 1);
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", label, TPL_TEXT },
			{ "count", db_text(sql, r, QRL_C4), TPL_TEXT },
		};
		rc = view_append(&ctx->groups[k], cur ?
		    VIEW_resource_list_value_current :
		    VIEW_resource_list_value, ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	return (rc);
}

static int
rl_item(struct rlist_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 href, facts, dl, dlp;
	const char	*s;
	int		 rc = 0;

	sbuf_init(&href);
	sbuf_init(&facts);
	sbuf_init(&dl);
	sbuf_init(&dlp);
	sbuf_printf(&href, RESOURCE_PATH "/%s", db_text(sql, r, QRL_C1));
	sbuf_puts(&facts, resource_type_name(ctx->loc,
	    db_text(sql, r, QRL_C4)));
	if (*(s = db_text(sql, r, QRL_C5)) != '\0')
		sbuf_printf(&facts, RLIST_DOT "%s", s);
	if (*(s = db_text(sql, r, QRL_C6)) != '\0')
		sbuf_printf(&facts, RLIST_DOT "%s", s);
	if (*(s = db_text(sql, r, QRL_C7)) != '\0') {
		resource_downloads_text(&dl, ctx->loc, s);
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&dl), TPL_TEXT },
		};
		rc |= view_append(&dlp, VIEW_resource_list_downloads,
		    ctx->loc, b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", db_text(sql, r, QRL_C2), TPL_TEXT },
			{ "facts", sbuf_cstr(&facts), TPL_TEXT },
			{ "summary", db_text(sql, r, QRL_C3), TPL_TEXT },
			{ "downloads", sbuf_cstr(&dlp), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->rows, VIEW_resource_list_row,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	sbuf_free(&facts);
	sbuf_free(&dl);
	sbuf_free(&dlp);
	return (rc);
}

/* Per filter: "Alle ..." and its values; a group with no values is left out. */
static int
rl_groups(struct sbuf *out, struct rlist_ctx *ctx)
{
	struct sbuf	 vals, href;
	int		 k, rc = 0, none;

	sbuf_init(&vals);
	sbuf_init(&href);
	for (k = 0; k < RL__MAX; k++) {
		if (ctx->groups[k].len == 0)
			continue;
		sbuf_reset(&vals);
		sbuf_reset(&href);
		rl_href(&href, ctx, k, NULL, 1);
		none = ctx->val[k][0] == '\0' ||
		    (k == RL_THEMA && !ctx->theme_known);
		{
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&href), TPL_TEXT },
				{ "label", i18n_get(ctx->loc, keys[k].all),
				    TPL_TEXT },
			};
			rc |= view_append(&vals, none ?
			    VIEW_resource_list_all_current :
			    VIEW_resource_list_all, ctx->loc, b, NBINDS(b));
		}
		sbuf_add(&vals, ctx->groups[k].data, ctx->groups[k].len);
		{
			const struct tpl_bind	b[] = {
				{ "key", keys[k].name, TPL_TEXT },
				{ "label", i18n_get(ctx->loc, keys[k].label),
				    TPL_TEXT },
				{ "values", sbuf_cstr(&vals),
				    TPL_TRUSTED_HTML },
			};
			rc |= view_append(out, VIEW_resource_list_group,
			    ctx->loc, b, NBINDS(b));
		}
	}
	sbuf_free(&vals);
	sbuf_free(&href);
	return (rc);
}

/* The rows and the pager; or why there are none. */
static int
rl_results(struct sbuf *out, struct rlist_ctx *ctx)
{
	struct sbuf	 pager, base, first;
	enum msg_id	 none;
	int		 rc = 0, k, any;

	sbuf_init(&pager);
	sbuf_init(&base);
	sbuf_init(&first);
	if (ctx->rows.len == 0) {
		for (k = 0, any = 0; k < RL__MAX; k++)
			any |= ctx->val[k][0] != '\0';
		if (ctx->page > 1) {
			none = MSG_rs_none_page;
			rl_href(&base, ctx, -1, NULL, 1);
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&base), TPL_TEXT },
			};
			rc |= view_append(&first, VIEW_resource_list_first,
			    ctx->loc, b, NBINDS(b));
		} else if (any)
			none = MSG_rs_none_filtered;
		else
			none = MSG_empty_bron;
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, none), TPL_TEXT },
			{ "first", sbuf_cstr(&first), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_resource_list_empty, ctx->loc, b,
		    NBINDS(b));
	} else {
		rl_href(&base, ctx, -1, NULL, 1);
		rc |= pager_render(&pager, ctx->loc, sbuf_cstr(&base),
		    ctx->page, (ctx->total + RLIST_PAGE - 1) / RLIST_PAGE);
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_resource_list_results, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&pager);
	sbuf_free(&base);
	sbuf_free(&first);
	return (rc);
}

static int
rl_done(struct http_request *req, struct db_ctx *db)
{
	struct rlist_ctx	*ctx = (struct rlist_ctx *)db;
	struct sbuf		 main, groups, filters, res, count, newl;
	const char		*title, *args[1];
	char			 n[24];
	int			 rc = 0, status;

	if (ctx->val[RL_THEMA][0] != '\0' && !ctx->theme_known) {
		fv_form_error(&ctx->fv, MSG_rs_bad_theme, NULL);
		ctx->bad = 1;
	}
	sbuf_init(&main);
	sbuf_init(&groups);
	sbuf_init(&filters);
	sbuf_init(&res);
	sbuf_init(&count);
	sbuf_init(&newl);
	rc |= rl_groups(&groups, ctx);
	/* No resource at all: no filters to offer. */
	if (groups.len > 0) {
		const struct tpl_bind	b[] = {
			{ "groups", sbuf_cstr(&groups), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&filters, VIEW_resource_list_filters,
		    ctx->loc, b, NBINDS(b));
	}
	rc |= rl_results(&res, ctx);
	if (ctx->total == 1)
		sbuf_puts(&count, i18n_get(ctx->loc, MSG_rs_count_one));
	else {
		(void)snprintf(n, sizeof(n), "%ld", ctx->total);
		args[0] = n;
		i18n_fmt(&count, i18n_get(ctx->loc, MSG_rs_count), args, 1);
	}
	/* Editors publish; anyone else signed in suggests. */
	if (db->user.loaded) {
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc,
			    db->user.role >= ROLE_REDACTEUR ? MSG_rf_new :
			    MSG_rf_suggest), TPL_TEXT },
		};
		rc |= view_append(&newl, VIEW_resource_list_new, ctx->loc,
		    b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "new_link", sbuf_cstr(&newl), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "filters", sbuf_cstr(&filters), TPL_TRUSTED_HTML },
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "results", sbuf_cstr(&res), TPL_TRUSTED_HTML },
		};
		if (rc == 0)
			rc = view_append(&main, VIEW_resource_list, ctx->loc,
			    b, NBINDS(b));
	}
	title = i18n_get(ctx->loc, MSG_kind_bron);
	if (rc != 0)
		resp_error(req, 500);
	else {
		status = ctx->bad ? 400 : 200;
		if (!ctx->bad && !db->user.loaded && ctx->gen_ok)
			pcache_put(ctx->key, ctx->gen, main.data, main.len,
			    title);
		view_page_main(req, status, ctx->loc, title, RESOURCE_PATH,
		    &main);
	}
	sbuf_free(&main);
	sbuf_free(&groups);
	sbuf_free(&filters);
	sbuf_free(&res);
	sbuf_free(&count);
	sbuf_free(&newl);
	return (HTTP_STATE_COMPLETE);
}

static void
rl_free(struct http_request *req)
{
	struct rlist_ctx	*ctx = http_state_get(req);
	int			 i;

	for (i = 0; i < RL__MAX; i++)
		sbuf_free(&ctx->groups[i]);
	sbuf_free(&ctx->rows);
	fv_free(&ctx->fv);
}
