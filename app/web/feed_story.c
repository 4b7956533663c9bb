/*
 * The stories feed (issue 9):
 *
 *   GET /feeds/verhalen.atom   the newest published public stories
 *
 * Each entry: title, link, the pseudonym as its author, the summary and,
 * for a story with warnings, the warning line as its content. Never the
 * body, and never the account behind the pseudonym. Written by feed.c's
 * writer (web/feed.h).
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/html.h"
#include "db/q_story_list.h"
#include "web/feed.h"
#include "web/resp.h"
#include "web/story_show.h"
#include "web/view.h"

struct fstory_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 updated[32];
	struct sbuf	 entries;
};

static void	fstory_row(struct db_ctx *, struct kore_pgsql *, int);
static int	fstory_done(struct http_request *, struct db_ctx *);
static void	fstory_free(struct http_request *);

int
feed_stories(struct http_request *req)
{
	struct fstory_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), fstory_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->entries);
		db_start(req, &ctx->db, &q_story_feed, fstory_row,
		    fstory_done);
	}
	return (db_run(req));
}

static void
fstory_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct fstory_ctx	*ctx = (struct fstory_ctx *)db;
	struct sbuf		 url, names, html, content;
	const char		*label;
	int			 rc = 0;

	if (ctx->updated[0] == '\0')
		(void)kore_strlcpy(ctx->updated,
		    db_text(sql, r, QSF_UPDATED), sizeof(ctx->updated));
	sbuf_init(&url);
	sbuf_init(&names);
	sbuf_init(&html);
	sbuf_init(&content);
	sbuf_printf(&url, "%s" STORY_PATH "/%s", resp_base_url(),
	    db_text(sql, r, QSF_SLUG));
	if (*db_text(sql, r, QSF_WARNINGS) != '\0') {
		/* HTML we make, sent escaped in <content type="html">. */
		story_warning_names(&names, ctx->loc,
		    db_text(sql, r, QSF_WARNINGS));
		label = i18n_get(ctx->loc, MSG_sw_label);
		sbuf_puts(&html, "<p><strong>");
		html_text(&html, label, strlen(label));
		sbuf_puts(&html, "</strong> ");
		html_text(&html, sbuf_cstr(&names), names.len);
		sbuf_puts(&html, "</p>");
		const struct tpl_bind	b[] = {
			{ "html", sbuf_cstr(&html), TPL_TEXT },
		};
		rc |= view_append(&content, VIEW_story_list_feed_content,
		    ctx->loc, b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "title", db_text(sql, r, QSF_TITLE), TPL_TEXT },
			{ "url", sbuf_cstr(&url), TPL_TEXT },
			{ "published", db_text(sql, r, QSF_PUBLISHED),
			    TPL_TEXT },
			{ "updated", db_text(sql, r, QSF_UPDATED), TPL_TEXT },
			{ "pseudonym", db_text(sql, r, QSF_PSEUDONYM),
			    TPL_TEXT },
			{ "summary", db_text(sql, r, QSF_SUMMARY), TPL_TEXT },
			{ "content", sbuf_cstr(&content), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->entries, VIEW_story_list_feed_entry,
		    ctx->loc, b, NBINDS(b));
	}
	if (rc != 0)
		db->failed = 1;
	sbuf_free(&url);
	sbuf_free(&names);
	sbuf_free(&html);
	sbuf_free(&content);
}

static int
fstory_done(struct http_request *req, struct db_ctx *db)
{
	struct fstory_ctx	*ctx = (struct fstory_ctx *)db;
	struct sbuf		 self, alt;

	sbuf_init(&self);
	sbuf_init(&alt);
	sbuf_printf(&self, "%s/feeds/verhalen.atom", resp_base_url());
	sbuf_printf(&alt, "%s" STORY_PATH, resp_base_url());
	feed_write(req, ctx->loc, i18n_get(ctx->loc, MSG_sr_feed_title),
	    i18n_get(ctx->loc, MSG_sr_feed_subtitle), sbuf_cstr(&self),
	    sbuf_cstr(&alt), ctx->updated, &ctx->entries);
	sbuf_free(&self);
	sbuf_free(&alt);
	return (HTTP_STATE_COMPLETE);
}

static void
fstory_free(struct http_request *req)
{
	struct fstory_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->entries);
}
