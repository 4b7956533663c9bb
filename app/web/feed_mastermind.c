/*
 * The masterminds feed (issue 8):
 *
 *   GET /feeds/masterminds.atom   the newest final session records
 *                                 that visitors may read
 *
 * Written by feed.c's writer (web/feed.h): title, summary, link and the
 * insights (the item's body); never participants or actions. An entry
 * links /masterminds/{sessie}, which answers 301 to the session's path
 * under its series.
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_article.h"
#include "db/q_mm_series.h"
#include "web/feed.h"
#include "web/resp.h"

struct fmm_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 updated[32];
	struct sbuf	 entries;
};

static void	fmm_row(struct db_ctx *, struct kore_pgsql *, int);
static int	fmm_done(struct http_request *, struct db_ctx *);
static void	fmm_free(struct http_request *);

int
feed_masterminds(struct http_request *req)
{
	struct fmm_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), fmm_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->entries);
		db_start(req, &ctx->db, &q_feed_masterminds, fmm_row,
		    fmm_done);
	}
	return (db_run(req));
}

static void
fmm_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct fmm_ctx	*ctx = (struct fmm_ctx *)db;

	if (ctx->updated[0] == '\0')
		(void)kore_strlcpy(ctx->updated,
		    db_text(sql, r, QF_FEED_UPDATED), sizeof(ctx->updated));
	if (feed_entry(&ctx->entries, ctx->loc, sql, r) == -1)
		db->failed = 1;
}

static int
fmm_done(struct http_request *req, struct db_ctx *db)
{
	struct fmm_ctx	*ctx = (struct fmm_ctx *)db;
	struct sbuf	 self, alt;

	sbuf_init(&self);
	sbuf_init(&alt);
	sbuf_printf(&self, "%s/feeds/masterminds.atom", resp_base_url());
	sbuf_printf(&alt, "%s/masterminds", resp_base_url());
	feed_write(req, ctx->loc, i18n_get(ctx->loc, MSG_mmser_feed_title),
	    i18n_get(ctx->loc, MSG_mmser_feed_subtitle), sbuf_cstr(&self),
	    sbuf_cstr(&alt), ctx->updated, &ctx->entries);
	sbuf_free(&self);
	sbuf_free(&alt);
	return (HTTP_STATE_COMPLETE);
}

static void
fmm_free(struct http_request *req)
{
	struct fmm_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->entries);
}
