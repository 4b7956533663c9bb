/*
 * The resources feed (issue 10):
 *
 *   GET /feeds/bronnen.atom   the 50 newest published public resources
 *
 * Written by feed.c's writer (web/feed.h): the same entries as every
 * feed, the content being the resource's description.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_article.h"
#include "db/q_resource_list.h"
#include "web/feed.h"
#include "web/resp.h"
#include "web/view.h"

struct fres_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 updated[32];
	struct sbuf	 entries;
};

static void	fres_row(struct db_ctx *, struct kore_pgsql *, int);
static int	fres_done(struct http_request *, struct db_ctx *);
static void	fres_free(struct http_request *);

int
feed_resources(struct http_request *req)
{
	struct fres_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), fres_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->entries);
		db_start(req, &ctx->db, &q_feed_resources, fres_row,
		    fres_done);
	}
	return (db_run(req));
}

static void
fres_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct fres_ctx	*ctx = (struct fres_ctx *)db;

	if (ctx->updated[0] == '\0')
		(void)kore_strlcpy(ctx->updated,
		    db_text(sql, r, QF_FEED_UPDATED), sizeof(ctx->updated));
	if (feed_entry(&ctx->entries, ctx->loc, sql, r) == -1)
		db->failed = 1;
}

static int
fres_done(struct http_request *req, struct db_ctx *db)
{
	struct fres_ctx	*ctx = (struct fres_ctx *)db;
	struct sbuf	 self, alt;

	sbuf_init(&self);
	sbuf_init(&alt);
	sbuf_printf(&self, "%s/feeds/bronnen.atom", resp_base_url());
	sbuf_printf(&alt, "%s/bronnen", resp_base_url());
	feed_write(req, ctx->loc, i18n_get(ctx->loc, MSG_rs_feed_title),
	    i18n_get(ctx->loc, MSG_rs_feed_subtitle), sbuf_cstr(&self),
	    sbuf_cstr(&alt), ctx->updated, &ctx->entries);
	sbuf_free(&self);
	sbuf_free(&alt);
	return (HTTP_STATE_COMPLETE);
}

static void
fres_free(struct http_request *req)
{
	struct fres_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->entries);
}
