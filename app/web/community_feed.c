/*
 * GET /feeds/gemeenschappen/<slug>.atom: the newest published items of
 * a public community, of any kind, as Atom (web/feed.c writes it). A
 * members-only or closed community has no feed: 404, as for a slug that
 * does not exist, so a feed reader learns nothing about it.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_article.h"
#include "db/q_community.h"
#include "web/community.h"
#include "web/feed.h"
#include "web/resp.h"

#define CF_PREFIX	"/feeds/gemeenschappen"
#define CF_SUFFIX	".atom"

struct cfd_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 found;
	char		 updated[32];
	struct sbuf	 name;
	struct sbuf	 summary;
	struct sbuf	 entries;
};

static void	cfd_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cfd_done(struct http_request *, struct db_ctx *);
static void	cfd_free(struct http_request *);

int
feed_community(struct http_request *req)
{
	struct cfd_ctx	*ctx;
	char		 path[sizeof(CF_PREFIX) + PATH_SLUG_MAX + 8];
	char		 slug[PATH_SLUG_MAX + 1];
	size_t		 n;

	if (!http_state_exists(req)) {
		/* "/feeds/gemeenschappen/x.atom" -> "x" */
		n = strlen(req->path);
		if (n >= sizeof(path) || n < sizeof(CF_SUFFIX) ||
		    strcmp(req->path + n - (sizeof(CF_SUFFIX) - 1),
		    CF_SUFFIX) != 0) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		memcpy(path, req->path, n - (sizeof(CF_SUFFIX) - 1));
		path[n - (sizeof(CF_SUFFIX) - 1)] = '\0';
		if (path_slug(path, CF_PREFIX, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), cfd_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		sbuf_init(&ctx->name);
		sbuf_init(&ctx->summary);
		sbuf_init(&ctx->entries);
		db_start(req, &ctx->db, &q_community_feed, cfd_row, cfd_done);
		ctx->db.params[0] = ctx->slug;
	}
	return (db_run(req));
}

static void
cfd_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cfd_ctx	*ctx = (struct cfd_ctx *)db;

	if (strcmp(db_text(sql, r, QF_TYPE), "1") == 0) {
		ctx->found = 1;
		(void)kore_strlcpy(ctx->slug, db_text(sql, r, QF_SLUG),
		    sizeof(ctx->slug));
		sbuf_puts(&ctx->name, db_text(sql, r, QF_TITLE));
		sbuf_puts(&ctx->summary, db_text(sql, r, QF_SUMMARY));
		return;
	}
	if (ctx->updated[0] == '\0')
		(void)kore_strlcpy(ctx->updated,
		    db_text(sql, r, QF_FEED_UPDATED), sizeof(ctx->updated));
	if (feed_entry(&ctx->entries, ctx->loc, sql, r) == -1)
		db->failed = 1;
}

static int
cfd_done(struct http_request *req, struct db_ctx *db)
{
	struct cfd_ctx	*ctx = (struct cfd_ctx *)db;
	struct sbuf	 self, alt, title;
	const char	*args[1];

	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&self);
	sbuf_init(&alt);
	sbuf_init(&title);
	sbuf_printf(&self, "%s" CF_PREFIX "/%s" CF_SUFFIX, resp_base_url(),
	    ctx->slug);
	sbuf_printf(&alt, "%s" COMM_PREFIX "%s", resp_base_url(), ctx->slug);
	args[0] = sbuf_cstr(&ctx->name);
	i18n_fmt(&title, i18n_get(ctx->loc, MSG_comm_feed_title), args, 1);
	feed_write(req, ctx->loc, sbuf_cstr(&title), sbuf_cstr(&ctx->summary),
	    sbuf_cstr(&self), sbuf_cstr(&alt), ctx->updated, &ctx->entries);
	sbuf_free(&self);
	sbuf_free(&alt);
	sbuf_free(&title);
	return (HTTP_STATE_COMPLETE);
}

static void
cfd_free(struct http_request *req)
{
	struct cfd_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->name);
	sbuf_free(&ctx->summary);
	sbuf_free(&ctx->entries);
}
