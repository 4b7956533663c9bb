/*
 * Home page: what Bron is and for whom, and the newest items of each
 * kind (one query), each section with a friendly empty state.
 */
#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q.h"
#include "web/kind.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

struct home_ctx {
	struct db_ctx	 db;		/* first: db.c casts the state */
	enum locale	 loc;
	struct sbuf	 rows[KIND__MAX];
	int		 count[KIND__MAX];
	int		 deleted;	/* ?verwijderd=1 */
};

static void	home_row(struct db_ctx *, struct kore_pgsql *, int);
static int	home_done(struct http_request *, struct db_ctx *);
static void	home_free(struct http_request *);

int
home_show(struct http_request *req)
{
	struct home_ctx	*ctx;
	size_t		 i;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), home_free);
		ctx->loc = resp_locale(req);
		/* After deleting an account (web/privacy.c): say it is done. */
		http_populate_get(req);
		ctx->deleted = http_argument_get_string(req, "verwijderd", &v);
		for (i = 0; i < KIND__MAX; i++)
			sbuf_init(&ctx->rows[i]);
		db_start(req, &ctx->db, &q_item_latest, home_row, home_done);
	}
	return (db_run(req));
}

static void
home_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct home_ctx		*ctx = (struct home_ctx *)db;
	const struct kind	*k;
	size_t			 i;

	if ((k = kind_by_name(db_text(sql, r, QI_KIND))) == NULL)
		return;
	i = (size_t)(k - kinds);
	if (row_item(&ctx->rows[i], ctx->loc, sql, r) == -1)
		db->failed = 1;
	ctx->count[i]++;
}

static int
home_done(struct http_request *req, struct db_ctx *db)
{
	struct home_ctx	*ctx = (struct home_ctx *)db;
	struct sbuf	 sections, items, notice;
	size_t		 i;
	int		 bad;

	sbuf_init(&sections);
	sbuf_init(&items);
	bad = 0;
	for (i = 0; i < KIND__MAX && !bad; i++) {
		sbuf_reset(&items);
		if (view_rows_or_empty(&items, &ctx->rows[i], ctx->count[i],
		    ctx->loc, kinds[i].empty) == -1)
			bad = 1;
		const struct tpl_bind	b[] = {
			{ "kind", kinds[i].kind, TPL_TEXT },
			{ "title", i18n_get(ctx->loc, kinds[i].title),
			    TPL_TEXT },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
			{ "href", kinds[i].path, TPL_TEXT },
			{ "all", i18n_get(ctx->loc, kinds[i].all), TPL_TEXT },
		};
		if (view_append(&sections, VIEW_home_section, ctx->loc, b,
		    NBINDS(b)) == -1)
			bad = 1;
	}
	sbuf_init(&notice);
	if (ctx->deleted) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_priv_deleted_notice),
			    TPL_TEXT },
		};
		bad |= view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b)) == -1;
	}
	if (bad)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "sections", sbuf_cstr(&sections), TPL_TRUSTED_HTML },
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc, i18n_get(ctx->loc,
		    MSG_home_title), "/", VIEW_home, b, NBINDS(b));
	}
	sbuf_free(&sections);
	sbuf_free(&items);
	sbuf_free(&notice);
	return (HTTP_STATE_COMPLETE);
}

static void
home_free(struct http_request *req)
{
	struct home_ctx	*ctx = http_state_get(req);
	size_t		 i;

	for (i = 0; i < KIND__MAX; i++)
		sbuf_free(&ctx->rows[i]);
}
