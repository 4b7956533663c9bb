/*
 * The pilot feed (issue 7):
 *
 *   GET /feeds/pilots.atom   the newest published public pilots
 *
 * Written by feed.c's writer (web/feed.h): the same entries as every
 * feed, the content being the pilot's problem, approach, body, results
 * and conditions under their headings, as on the pilot page.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/html.h"
#include "db/q_article.h"
#include "db/q_pilot_list.h"
#include "web/feed.h"
#include "web/resp.h"
#include "web/view.h"

struct fpilot_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	struct sbuf	 heads[4];	/* $1..$4, HTML-escaped */
	char		 updated[32];
	struct sbuf	 entries;
};

static const enum msg_id	heads[] = {
	MSG_pf_problem, MSG_pf_approach, MSG_pf_results, MSG_pf_conditions
};

static void	fpilot_row(struct db_ctx *, struct kore_pgsql *, int);
static int	fpilot_done(struct http_request *, struct db_ctx *);
static void	fpilot_free(struct http_request *);

int
feed_pilots(struct http_request *req)
{
	struct fpilot_ctx	*ctx;
	const char		*h;
	size_t			 i;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), fpilot_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->entries);
		db_start(req, &ctx->db, &q_feed_pilots, fpilot_row,
		    fpilot_done);
		for (i = 0; i < NBINDS(heads); i++) {
			sbuf_init(&ctx->heads[i]);
			h = i18n_get(ctx->loc, heads[i]);
			html_text(&ctx->heads[i], h, strlen(h));
			ctx->db.params[i] = sbuf_cstr(&ctx->heads[i]);
		}
	}
	return (db_run(req));
}

static void
fpilot_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct fpilot_ctx	*ctx = (struct fpilot_ctx *)db;

	if (ctx->updated[0] == '\0')
		(void)kore_strlcpy(ctx->updated,
		    db_text(sql, r, QF_FEED_UPDATED), sizeof(ctx->updated));
	if (feed_entry(&ctx->entries, ctx->loc, sql, r) == -1)
		db->failed = 1;
}

static int
fpilot_done(struct http_request *req, struct db_ctx *db)
{
	struct fpilot_ctx	*ctx = (struct fpilot_ctx *)db;
	struct sbuf		 self, alt;

	sbuf_init(&self);
	sbuf_init(&alt);
	sbuf_printf(&self, "%s/feeds/pilots.atom", resp_base_url());
	sbuf_printf(&alt, "%s/pilots", resp_base_url());
	feed_write(req, ctx->loc, i18n_get(ctx->loc, MSG_plist_feed_title),
	    i18n_get(ctx->loc, MSG_plist_feed_subtitle), sbuf_cstr(&self),
	    sbuf_cstr(&alt), ctx->updated, &ctx->entries);
	sbuf_free(&self);
	sbuf_free(&alt);
	return (HTTP_STATE_COMPLETE);
}

static void
fpilot_free(struct http_request *req)
{
	struct fpilot_ctx	*ctx = http_state_get(req);
	size_t			 i;

	for (i = 0; i < NBINDS(ctx->heads); i++)
		sbuf_free(&ctx->heads[i]);
	sbuf_free(&ctx->entries);
}
