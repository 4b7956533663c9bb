/*
 * Static pages imported from content/pagina: /over, /toegankelijkheid,
 * /privacy, in the reader's language (Dutch when there is no English).
 */
#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q.h"
#include "web/resp.h"
#include "web/view.h"

struct page_ctx {
	struct db_ctx	db;
	enum locale	loc;
	struct sbuf	title;
	struct sbuf	out;
};

static void	page_row(struct db_ctx *, struct kore_pgsql *, int);
static int	page_done(struct http_request *, struct db_ctx *);
static void	page_free(struct http_request *);

int
page_show(struct http_request *req)
{
	struct page_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), page_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->title);
		sbuf_init(&ctx->out);
		db_start(req, &ctx->db, &q_page_show, page_row, page_done);
		/* The route table only sends fixed paths here. */
		ctx->db.params[0] = req->path + 1;
		ctx->db.params[1] = i18n_code(ctx->loc);
	}
	return (db_run(req));
}

static void
page_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct page_ctx	*ctx = (struct page_ctx *)db;

	sbuf_puts(&ctx->title, db_text(sql, r, QP_TITLE));
	{
		/* body is cmark output, rendered by the import. */
		const struct tpl_bind	b[] = {
			{ "title", db_text(sql, r, QP_TITLE), TPL_TEXT },
			{ "summary", db_text(sql, r, QP_SUMMARY), TPL_TEXT },
			{ "body", db_text(sql, r, QP_BODY), TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->out, VIEW_page, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
}

static int
page_done(struct http_request *req, struct db_ctx *db)
{
	struct page_ctx	*ctx = (struct page_ctx *)db;

	if (db->nrows == 0)
		resp_error(req, 404);
	else
		view_page_main(req, 200, ctx->loc, sbuf_cstr(&ctx->title),
		    NULL, &ctx->out);
	return (HTTP_STATE_COMPLETE);
}

static void
page_free(struct http_request *req)
{
	struct page_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->title);
	sbuf_free(&ctx->out);
}
