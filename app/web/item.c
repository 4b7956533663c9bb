/*
 * Lists of one content kind (/artikelen, /pilots, ...) and the public
 * view of one item (/artikelen/{slug}).
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "db/q.h"
#include "web/kind.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

struct item_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	const struct kind	*k;
	char			 slug[PATH_SLUG_MAX + 1];
	struct sbuf		 out;
	struct sbuf		 title;	/* outlives the PGresult */
};

static void	list_row(struct db_ctx *, struct kore_pgsql *, int);
static int	list_done(struct http_request *, struct db_ctx *);
static void	show_row(struct db_ctx *, struct kore_pgsql *, int);
static int	show_done(struct http_request *, struct db_ctx *);
static void	item_free(struct http_request *);

int
item_list(struct http_request *req)
{
	struct item_ctx		*ctx;
	const struct kind	*k;

	if (!http_state_exists(req)) {
		if ((k = kind_by_path(req->path)) == NULL) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), item_free);
		ctx->loc = resp_locale(req);
		ctx->k = k;
		sbuf_init(&ctx->out);
		sbuf_init(&ctx->title);
		db_start(req, &ctx->db, &q_item_list, list_row, list_done);
		ctx->db.params[0] = k->kind;
	}
	return (db_run(req));
}

static void
list_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct item_ctx	*ctx = (struct item_ctx *)db;

	if (row_item(&ctx->out, ctx->loc, sql, r) == -1)
		db->failed = 1;
}

static int
list_done(struct http_request *req, struct db_ctx *db)
{
	struct item_ctx	*ctx = (struct item_ctx *)db;

	view_list_page(req, ctx->loc, ctx->k->title, ctx->k->intro,
	    ctx->k->path, &ctx->out, db->nrows, ctx->k->empty);
	return (HTTP_STATE_COMPLETE);
}

int
item_show(struct http_request *req)
{
	struct item_ctx		*ctx;
	const struct kind	*k;
	char			 slug[PATH_SLUG_MAX + 1];

	if (!http_state_exists(req)) {
		if ((k = kind_by_path(req->path)) == NULL ||
		    path_slug(req->path, k->path, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), item_free);
		ctx->loc = resp_locale(req);
		ctx->k = k;
		memcpy(ctx->slug, slug, sizeof(slug));
		sbuf_init(&ctx->out);
		sbuf_init(&ctx->title);
		db_start(req, &ctx->db, &q_item_show, show_row, show_done);
		ctx->db.params[0] = k->kind;
		ctx->db.params[1] = ctx->slug;
	}
	return (db_run(req));
}

static void
show_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct item_ctx	*ctx = (struct item_ctx *)db;
	char		 shown[32];
	const char	*title;

	title = db_text(sql, r, QI_TITLE);
	row_date_shown(db_text(sql, r, QI_DATE), shown, sizeof(shown));
	{
		/* body_html was rendered by cmark (md.c) when stored. */
		const struct tpl_bind	b[] = {
			{ "title", title, TPL_TEXT },
			{ "published_label", i18n_get(ctx->loc,
			    MSG_published_on), TPL_TEXT },
			{ "date", db_text(sql, r, QI_DATE), TPL_TEXT },
			{ "date_shown", shown, TPL_TEXT },
			{ "summary", db_text(sql, r, QI_SUMMARY), TPL_TEXT },
			{ "body", db_text(sql, r, QI_BODY), TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->out, VIEW_item, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	sbuf_puts(&ctx->title, title);
}

static int
show_done(struct http_request *req, struct db_ctx *db)
{
	struct item_ctx	*ctx = (struct item_ctx *)db;

	if (db->nrows == 0)
		resp_error(req, 404);
	else
		view_page_main(req, 200, ctx->loc, sbuf_cstr(&ctx->title),
		    ctx->k->path,
		    &ctx->out);
	return (HTTP_STATE_COMPLETE);
}

static void
item_free(struct http_request *req)
{
	struct item_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->out);
	sbuf_free(&ctx->title);
}
