/*
 * /themas and /themas/{slug}: the programme's themes, and on each theme
 * page everything published on it (two queries: the theme, its items).
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "db/q.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

struct theme_ctx {
	struct db_ctx	db;
	enum locale	loc;
	char		slug[PATH_SLUG_MAX + 1];
	char		id[24];
	struct sbuf	rows;
	struct sbuf	title;
	struct sbuf	summary;
	struct sbuf	body;
};

static void	list_row(struct db_ctx *, struct kore_pgsql *, int);
static int	list_done(struct http_request *, struct db_ctx *);
static void	show_row(struct db_ctx *, struct kore_pgsql *, int);
static int	show_done(struct http_request *, struct db_ctx *);
static void	items_row(struct db_ctx *, struct kore_pgsql *, int);
static int	items_done(struct http_request *, struct db_ctx *);
static struct theme_ctx	*theme_ctx_new(struct http_request *);
static void	theme_free(struct http_request *);

static struct theme_ctx *
theme_ctx_new(struct http_request *req)
{
	struct theme_ctx	*ctx;

	ctx = http_state_create(req, sizeof(*ctx), theme_free);
	ctx->loc = resp_locale(req);
	sbuf_init(&ctx->rows);
	sbuf_init(&ctx->title);
	sbuf_init(&ctx->summary);
	sbuf_init(&ctx->body);
	return (ctx);
}

int
theme_list(struct http_request *req)
{
	struct theme_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = theme_ctx_new(req);
		db_start(req, &ctx->db, &q_theme_list, list_row, list_done);
	}
	return (db_run(req));
}

static void
list_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;
	struct sbuf		 href;

	sbuf_init(&href);
	sbuf_printf(&href, "/themas/%s", db_text(sql, r, QT_SLUG));
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", db_text(sql, r, QT_TITLE), TPL_TEXT },
			{ "summary", db_text(sql, r, QT_SUMMARY), TPL_TEXT },
		};
		if (view_append(&ctx->rows, VIEW_theme_row, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	sbuf_free(&href);
}

static int
list_done(struct http_request *req, struct db_ctx *db)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;

	view_list_page(req, ctx->loc, MSG_nav_themes, MSG_themes_intro,
	    "/themas", &ctx->rows, db->nrows, MSG_themes_empty);
	return (HTTP_STATE_COMPLETE);
}

int
theme_show(struct http_request *req)
{
	struct theme_ctx	*ctx;
	char			 slug[PATH_SLUG_MAX + 1];

	if (!http_state_exists(req)) {
		if (path_slug(req->path, "/themas", slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = theme_ctx_new(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		db_start(req, &ctx->db, &q_theme_show, show_row, show_done);
		ctx->db.params[0] = ctx->slug;
	}
	return (db_run(req));
}

static void
show_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;

	(void)kore_strlcpy(ctx->id, db_text(sql, r, QT_ID), sizeof(ctx->id));
	sbuf_puts(&ctx->title, db_text(sql, r, QT_TITLE));
	sbuf_puts(&ctx->summary, db_text(sql, r, QT_SUMMARY));
	sbuf_puts(&ctx->body, db_text(sql, r, QT_BODY));
}

static int
show_done(struct http_request *req, struct db_ctx *db)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db_chain(req, db, &q_theme_items, items_row, items_done);
	db->params[0] = ctx->id;
	return (HTTP_STATE_CONTINUE);
}

static void
items_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;

	if (row_item(&ctx->rows, ctx->loc, sql, r) == -1)
		db->failed = 1;
}

static int
items_done(struct http_request *req, struct db_ctx *db)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;
	struct sbuf		 items;

	sbuf_init(&items);
	if (view_rows_or_empty(&items, &ctx->rows, db->nrows, ctx->loc,
	    MSG_theme_items_empty) == -1)
		resp_error(req, 500);
	else {
		/* body is cmark output, rendered by the import. */
		const struct tpl_bind	b[] = {
			{ "title", sbuf_cstr(&ctx->title), TPL_TEXT },
			{ "summary", sbuf_cstr(&ctx->summary), TPL_TEXT },
			{ "body", sbuf_cstr(&ctx->body), TPL_TRUSTED_HTML },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc, sbuf_cstr(&ctx->title),
		    "/themas", VIEW_theme, b, NBINDS(b));
	}
	sbuf_free(&items);
	return (HTTP_STATE_COMPLETE);
}

static void
theme_free(struct http_request *req)
{
	struct theme_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->rows);
	sbuf_free(&ctx->title);
	sbuf_free(&ctx->summary);
	sbuf_free(&ctx->body);
}
