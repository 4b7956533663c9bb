/*
 * Atom 1.0 feeds (RFC 4287):
 *
 *   GET /feeds/artikelen.atom         the newest published articles
 *   GET /feeds/themas/{slug}.atom     the newest published items, of any
 *                                     kind, on a theme
 *
 * Only published public items, in one query each (db/q_article.c). Links
 * and ids are absolute, from BRON_BASE_URL; an entry's id is its page's
 * URL, stable because slugs never change. Every value goes through the
 * templates' escaping: html_text() escapes & < > " ' and drops C0
 * controls, which is also what XML 1.0 asks; the body is sent as
 * escaped HTML in <content type="html">.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "db/q_article.h"
#include "web/article.h"
#include "web/feed.h"
#include "web/kind.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

#define FEED_THEME_PREFIX	"/feeds/themas/"
#define FEED_SUFFIX		".atom"

struct feed_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 theme;		/* a theme's feed */
	int		 found;
	int		 alias;
	char		 canon[PATH_SLUG_MAX + 1];
	char		 updated[32];
	struct sbuf	 title;		/* the theme's */
	struct sbuf	 entries;
};

static struct feed_ctx	*feed_begin(struct http_request *);
static void		 feed_row(struct db_ctx *, struct kore_pgsql *, int);
static int		 feed_done(struct http_request *, struct db_ctx *);
static void		 feed_scrub(struct sbuf *);
static void		 feed_send(struct http_request *, struct sbuf *);
static void		 feed_now(char *, size_t);
static void		 feed_free(struct http_request *);

static struct feed_ctx *
feed_begin(struct http_request *req)
{
	struct feed_ctx	*ctx;

	ctx = http_state_create(req, sizeof(*ctx), feed_free);
	ctx->loc = resp_locale(req);
	sbuf_init(&ctx->title);
	sbuf_init(&ctx->entries);
	return (ctx);
}

int
feed_articles(struct http_request *req)
{
	struct feed_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = feed_begin(req);
		db_start(req, &ctx->db, &q_feed_articles, feed_row, feed_done);
	}
	return (db_run(req));
}

int
feed_theme(struct http_request *req)
{
	struct feed_ctx	*ctx;
	char		 path[sizeof(FEED_THEME_PREFIX) + PATH_SLUG_MAX +
			    sizeof(FEED_SUFFIX)];
	size_t		 n;

	if (!http_state_exists(req)) {
		/* "/feeds/themas/x.atom" -> "/feeds/themas/x" -> "x" */
		n = strlen(req->path);
		if (n >= sizeof(path) || n < sizeof(FEED_SUFFIX) ||
		    strcmp(req->path + n - (sizeof(FEED_SUFFIX) - 1),
		    FEED_SUFFIX) != 0) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		memcpy(path, req->path, n - (sizeof(FEED_SUFFIX) - 1));
		path[n - (sizeof(FEED_SUFFIX) - 1)] = '\0';
		ctx = feed_begin(req);
		if (path_slug(path, "/feeds/themas", ctx->slug,
		    sizeof(ctx->slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx->theme = 1;
		db_start(req, &ctx->db, &q_feed_theme, feed_row, feed_done);
		ctx->db.params[0] = ctx->slug;
	}
	return (db_run(req));
}

static void
feed_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct feed_ctx	*ctx = (struct feed_ctx *)db;

	if (strcmp(db_text(sql, r, QF_TYPE), "1") == 0) {
		ctx->found = 1;
		ctx->alias = strcmp(db_text(sql, r, QF_KIND), "alias") == 0;
		(void)kore_strlcpy(ctx->canon, db_text(sql, r, QF_SLUG),
		    sizeof(ctx->canon));
		sbuf_puts(&ctx->title, db_text(sql, r, QF_TITLE));
		return;
	}
	if (ctx->updated[0] == '\0')
		(void)kore_strlcpy(ctx->updated,
		    db_text(sql, r, QF_FEED_UPDATED), sizeof(ctx->updated));
	if (feed_entry(&ctx->entries, ctx->loc, sql, r) == -1)
		db->failed = 1;
}

int
feed_entry(struct sbuf *out, enum locale loc, struct kore_pgsql *sql, int r)
{
	const struct kind	*k;
	struct sbuf		 url, authors, names, warning;
	char			*name, *next;
	const char		*body;
	int			 rc;

	if ((k = kind_by_name(db_text(sql, r, QF_KIND))) == NULL)
		return (-1);
	sbuf_init(&url);
	sbuf_init(&authors);
	sbuf_init(&names);
	sbuf_init(&warning);
	rc = 0;
	/* A story: its warning line in the body's place (FEED_ENTRY). */
	body = db_text(sql, r, QF_BODY);
	if (strcmp(k->kind, "verhaal") == 0) {
		rc |= row_warning(&warning, loc, body);
		body = sbuf_cstr(&warning);
	}
	sbuf_printf(&url, "%s%s/%s", resp_base_url(), k->path,
	    db_text(sql, r, QF_SLUG));

	/* One <author> per display name; none: the feed's (the editors). */
	sbuf_puts(&names, db_text(sql, r, QF_AUTHORS));
	for (name = names.data; name != NULL && names.len > 0; name = next) {
		if ((next = strchr(name, '\n')) != NULL)
			*next++ = '\0';
		const struct tpl_bind	b[] = {
			{ "name", *name != '\0' ? name :
			    i18n_get(loc, MSG_former_member), TPL_TEXT },
		};
		rc |= view_append(&authors, VIEW_feed_author, loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "title", db_text(sql, r, QF_TITLE), TPL_TEXT },
			{ "url", sbuf_cstr(&url), TPL_TEXT },
			{ "published", db_text(sql, r, QF_PUBLISHED),
			    TPL_TEXT },
			{ "updated", db_text(sql, r, QF_UPDATED), TPL_TEXT },
			{ "authors", sbuf_cstr(&authors), TPL_TRUSTED_HTML },
			{ "summary", db_text(sql, r, QF_SUMMARY), TPL_TEXT },
			/* The HTML body as text: escaped, type="html". */
			{ "body", body, TPL_TEXT },
		};
		rc |= view_append(out, VIEW_feed_entry, loc, b, NBINDS(b));
	}
	sbuf_free(&url);
	sbuf_free(&authors);
	sbuf_free(&names);
	sbuf_free(&warning);
	return (rc);
}

static int
feed_done(struct http_request *req, struct db_ctx *db)
{
	struct feed_ctx	*ctx = (struct feed_ctx *)db;
	struct sbuf	 self, alt, title, moved;
	const char	*args[1];

	if (ctx->theme && !ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->theme && ctx->alias) {
		sbuf_init(&moved);
		sbuf_printf(&moved, FEED_THEME_PREFIX "%s" FEED_SUFFIX,
		    ctx->canon);
		article_moved(req, sbuf_cstr(&moved));
		sbuf_free(&moved);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&self);
	sbuf_init(&alt);
	sbuf_init(&title);
	if (ctx->theme) {
		sbuf_printf(&self, "%s" FEED_THEME_PREFIX "%s" FEED_SUFFIX,
		    resp_base_url(), ctx->canon);
		sbuf_printf(&alt, "%s/themas/%s", resp_base_url(), ctx->canon);
		args[0] = sbuf_cstr(&ctx->title);
		i18n_fmt(&title, i18n_get(ctx->loc, MSG_feed_theme_title),
		    args, 1);
	} else {
		sbuf_printf(&self, "%s/feeds/artikelen" FEED_SUFFIX,
		    resp_base_url());
		sbuf_printf(&alt, "%s/artikelen", resp_base_url());
		sbuf_puts(&title, i18n_get(ctx->loc, MSG_feed_articles_title));
	}
	feed_write(req, ctx->loc, sbuf_cstr(&title), ctx->theme ?
	    sbuf_cstr(&ctx->title) : i18n_get(ctx->loc,
	    MSG_feed_articles_subtitle), sbuf_cstr(&self), sbuf_cstr(&alt),
	    ctx->updated, &ctx->entries);
	sbuf_free(&self);
	sbuf_free(&alt);
	sbuf_free(&title);
	return (HTTP_STATE_COMPLETE);
}

/*
 * Send a feed: its title, subtitle, absolute self and alternate links,
 * the newest entry's time ("" for none: now) and the entries written by
 * feed_entry(). Answers 500 if the template fails.
 */
void
feed_write(struct http_request *req, enum locale loc, const char *title,
    const char *subtitle, const char *self, const char *alternate,
    const char *updated, struct sbuf *entries)
{
	struct sbuf	 out;
	char		 now[32];

	if (updated == NULL || updated[0] == '\0') {
		/* No entries: a feed still needs an <updated>. */
		feed_now(now, sizeof(now));
		updated = now;
	}
	sbuf_init(&out);
	{
		const struct tpl_bind	b[] = {
			{ "title", title, TPL_TEXT },
			{ "subtitle", subtitle, TPL_TEXT },
			{ "self", self, TPL_TEXT },
			{ "alternate", alternate, TPL_TEXT },
			{ "updated", updated, TPL_TEXT },
			{ "entries", sbuf_cstr(entries), TPL_TRUSTED_HTML },
		};
		if (view_append(&out, VIEW_feed_atom, loc, b,
		    NBINDS(b)) == -1)
			resp_error(req, 500);
		else {
			feed_scrub(&out);
			feed_send(req, &out);
		}
	}
	sbuf_free(&out);
}

static void
feed_now(char *buf, size_t len)
{
	time_t		 now;
	struct tm	 tm;

	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		(void)kore_strlcpy(buf, "1970-01-01T00:00:00Z", len);
}

/*
 * XML 1.0 forbids U+FFFE and U+FFFF, which are valid UTF-8 and pass
 * html_text(): make them U+FFFD. (C0 controls never get this far.)
 */
static void
feed_scrub(struct sbuf *sb)
{
	unsigned char	*p = (unsigned char *)sb->data;
	size_t		 i;

	for (i = 0; i + 2 < sb->len; i++) {
		if (p[i] == 0xef && p[i + 1] == 0xbf &&
		    (p[i + 2] == 0xbe || p[i + 2] == 0xbf))
			p[i + 2] = 0xbd;
	}
}

/*
 * resp.c has helpers for HTML and JSON only. A feed shows only public
 * items, so it may be cached like a visitor's page.
 */
static void
feed_send(struct http_request *req, struct sbuf *sb)
{
	http_response_header(req, "content-type",
	    "application/atom+xml; charset=utf-8");
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy", "same-origin");
	http_response_header(req, "content-security-policy",
	    "default-src 'none'; sandbox");
	http_response_header(req, "cache-control", "no-cache");
	http_response(req, 200, sb->data, sb->len);
}

static void
feed_free(struct http_request *req)
{
	struct feed_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->title);
	sbuf_free(&ctx->entries);
}
