/*
 * /themas and /themas/{slug}: the programme's themes, and on each theme
 * page everything published on it, of every kind, in one query
 * (q_theme_page). A merged theme's old slug answers 301 to the theme it
 * went into. People signed in also get the follow button (web/follow.h),
 * whose state is a second, small query (q_follow_theme).
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "db/q.h"
#include "db/q_article.h"
#include "db/q_notify.h"
#include "web/article.h"
#include "web/follow.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

struct theme_ctx {
	struct db_ctx	db;
	enum locale	loc;
	char		slug[PATH_SLUG_MAX + 1];
	char		canon[PATH_SLUG_MAX + 1];	/* the theme's own slug */
	int		found;
	int		alias;
	int		nitems;
	const char	*gedaan;	/* ?gedaan= after the follow button */
	char		theme_id[24];
	int		following;
	struct sbuf	rows;
	struct sbuf	title;
	struct sbuf	summary;
	struct sbuf	body;
};

static void	list_row(struct db_ctx *, struct kore_pgsql *, int);
static int	list_done(struct http_request *, struct db_ctx *);
static void	page_row(struct db_ctx *, struct kore_pgsql *, int);
static int	page_done(struct http_request *, struct db_ctx *);
static void	follow_row(struct db_ctx *, struct kore_pgsql *, int);
static int	page_render(struct http_request *, struct db_ctx *);
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
	char			*v;

	if (!http_state_exists(req)) {
		if (path_slug(req->path, "/themas", slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		http_populate_get(req);
		ctx = theme_ctx_new(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		ctx->gedaan = "";
		if (http_argument_get_string(req, "gedaan", &v))
			ctx->gedaan = v;
		db_start(req, &ctx->db, &q_theme_page, page_row, page_done);
		ctx->db.params[0] = ctx->slug;
	}
	return (db_run(req));
}

/* Rows: the theme first, then its items (db/q_article.h QTP_*). */
static void
page_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;
	size_t			 at;

	if (strcmp(db_text(sql, r, QTP_TYPE), "1") == 0) {
		ctx->found = 1;
		(void)kore_strlcpy(ctx->canon, db_text(sql, r, QTP_C1),
		    sizeof(ctx->canon));
		ctx->alias = strcmp(db_text(sql, r, QTP_C5), "true") == 0;
		sbuf_puts(&ctx->title, db_text(sql, r, QTP_C2));
		sbuf_puts(&ctx->summary, db_text(sql, r, QTP_C3));
		sbuf_puts(&ctx->body, db_text(sql, r, QTP_C4));
		return;
	}
	ctx->nitems++;
	at = ctx->rows.len;
	if (article_item_row(&ctx->rows, ctx->loc, db_text(sql, r, QTP_C1),
	    db_text(sql, r, QTP_C2), db_text(sql, r, QTP_C3),
	    db_text(sql, r, QTP_C4), db_text(sql, r, QTP_C5),
	    db_text(sql, r, QTP_C6), 1) == -1 ||
	    row_warned(&ctx->rows, at, ctx->loc,
	    db_text(sql, r, QTP_C6 + 1)) == -1)
		db->failed = 1;
}

static int
page_done(struct http_request *req, struct db_ctx *db)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;
	struct sbuf		 url;

	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->alias) {
		/* A merged theme: its old address names the new one. */
		sbuf_init(&url);
		sbuf_printf(&url, "/themas/%s", ctx->canon);
		article_moved(req, sbuf_cstr(&url));
		sbuf_free(&url);
		return (HTTP_STATE_COMPLETE);
	}
	if (!db->user.loaded)
		return (page_render(req, db));
	db->params[0] = db->user.id;
	db->params[1] = ctx->canon;
	return (db_chain(req, db, &q_follow_theme, follow_row, page_render));
}

static void
follow_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;

	(void)kore_strlcpy(ctx->theme_id, db_text(sql, r, QFS_ID),
	    sizeof(ctx->theme_id));
	ctx->following = strcmp(db_text(sql, r, QFS_FOLLOWING), "true") == 0;
}

static int
page_render(struct http_request *req, struct db_ctx *db)
{
	struct theme_ctx	*ctx = (struct theme_ctx *)db;
	struct sbuf		 items, url, follow, back;
	int			 rc;

	sbuf_init(&url);
	sbuf_init(&items);
	sbuf_init(&follow);
	sbuf_init(&back);
	sbuf_printf(&url, "/feeds/themas/%s.atom", ctx->canon);
	rc = 0;
	if (db->user.loaded && ctx->theme_id[0] != '\0') {
		rc = follow_notice(&follow, ctx->loc, ctx->gedaan) == -1;
		sbuf_printf(&back, "/themas/%s", ctx->canon);
		follow_button(&follow, ctx->loc, db->user.csrf, "thema",
		    ctx->theme_id, ctx->following, sbuf_cstr(&back));
	}
	if (rc != 0 || view_rows_or_empty(&items, &ctx->rows, ctx->nitems,
	    ctx->loc, MSG_theme_items_empty) == -1)
		resp_error(req, 500);
	else {
		/* body is cmark output, rendered when the theme was saved. */
		const struct tpl_bind	b[] = {
			{ "title", sbuf_cstr(&ctx->title), TPL_TEXT },
			{ "summary", sbuf_cstr(&ctx->summary), TPL_TEXT },
			{ "feed", sbuf_cstr(&url), TPL_TEXT },
			{ "follow", sbuf_cstr(&follow), TPL_TRUSTED_HTML },
			{ "body", sbuf_cstr(&ctx->body), TPL_TRUSTED_HTML },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc, sbuf_cstr(&ctx->title),
		    "/themas", VIEW_theme, b, NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&url);
	sbuf_free(&follow);
	sbuf_free(&back);
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
