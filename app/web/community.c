/*
 * /gemeenschappen: the public communities of practice.
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q.h"
#include "web/resp.h"
#include "web/view.h"

struct community_ctx {
	struct db_ctx	db;
	enum locale	loc;
	struct sbuf	rows;
};

static void	community_row(struct db_ctx *, struct kore_pgsql *, int);
static int	community_done(struct http_request *, struct db_ctx *);
static void	community_free(struct http_request *);

int
community_list(struct http_request *req)
{
	struct community_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), community_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->rows);
		db_start(req, &ctx->db, &q_community_list, community_row,
		    community_done);
	}
	return (db_run(req));
}

static void
community_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct community_ctx	*ctx = (struct community_ctx *)db;
	const char		*m;
	enum msg_id		 mid;

	m = db_text(sql, r, QC_MEMBERSHIP);
	if (strcmp(m, "open") == 0)
		mid = MSG_community_open;
	else if (strcmp(m, "aanvraag") == 0)
		mid = MSG_community_request;
	else
		mid = MSG_community_invite;
	{
		const struct tpl_bind	b[] = {
			{ "name", db_text(sql, r, QC_NAME), TPL_TEXT },
			{ "summary", db_text(sql, r, QC_SUMMARY), TPL_TEXT },
			{ "membership", i18n_get(ctx->loc, mid), TPL_TEXT },
		};
		if (view_append(&ctx->rows, VIEW_community_row, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
}

static int
community_done(struct http_request *req, struct db_ctx *db)
{
	struct community_ctx	*ctx = (struct community_ctx *)db;

	view_list_page(req, ctx->loc, MSG_nav_communities,
	    MSG_communities_intro, "/gemeenschappen", &ctx->rows, db->nrows,
	    MSG_communities_empty);
	return (HTTP_STATE_COMPLETE);
}

static void
community_free(struct http_request *req)
{
	struct community_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->rows);
}
