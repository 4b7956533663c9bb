/*
 * /monitor and /monitor/{slug}: the programme's change goals, fast ones
 * first. Indicators and their values come with the monitor issue.
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "db/q.h"
#include "db/q_story_extra.h"
#include "web/resp.h"
#include "web/view.h"

struct goal_ctx {
	struct db_ctx	db;
	enum locale	loc;
	char		slug[PATH_SLUG_MAX + 1];
	struct sbuf	fast;
	struct sbuf	slow;
	int		nfast;
	int		nslow;
	struct sbuf	title;
	struct sbuf	out;
	struct sbuf	summary;	/* the goal page, until its quotes */
	struct sbuf	theme;
	struct sbuf	body;
	struct sbuf	quotes;
	int		nquotes;
};

static void	list_row(struct db_ctx *, struct kore_pgsql *, int);
static int	list_done(struct http_request *, struct db_ctx *);
static void	show_row(struct db_ctx *, struct kore_pgsql *, int);
static int	show_done(struct http_request *, struct db_ctx *);
static void	quote_row(struct db_ctx *, struct kore_pgsql *, int);
static int	quote_done(struct http_request *, struct db_ctx *);
static struct goal_ctx	*goal_ctx_new(struct http_request *);
static void	goal_free(struct http_request *);

static struct goal_ctx *
goal_ctx_new(struct http_request *req)
{
	struct goal_ctx	*ctx;

	ctx = http_state_create(req, sizeof(*ctx), goal_free);
	ctx->loc = resp_locale(req);
	sbuf_init(&ctx->fast);
	sbuf_init(&ctx->slow);
	sbuf_init(&ctx->title);
	sbuf_init(&ctx->out);
	sbuf_init(&ctx->summary);
	sbuf_init(&ctx->theme);
	sbuf_init(&ctx->body);
	sbuf_init(&ctx->quotes);
	return (ctx);
}

int
goal_list(struct http_request *req)
{
	struct goal_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = goal_ctx_new(req);
		db_start(req, &ctx->db, &q_goal_list, list_row, list_done);
	}
	return (db_run(req));
}

static void
list_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct goal_ctx	*ctx = (struct goal_ctx *)db;
	struct sbuf	 href;
	int		 fast;

	fast = strcmp(db_text(sql, r, QG_PACE), "snel") == 0;
	sbuf_init(&href);
	sbuf_printf(&href, "/monitor/%s", db_text(sql, r, QG_SLUG));
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", db_text(sql, r, QG_TITLE), TPL_TEXT },
			{ "summary", db_text(sql, r, QG_SUMMARY), TPL_TEXT },
		};
		if (view_append(fast ? &ctx->fast : &ctx->slow,
		    VIEW_theme_row, ctx->loc, b, NBINDS(b)) == -1)
			db->failed = 1;
	}
	if (fast)
		ctx->nfast++;
	else
		ctx->nslow++;
	sbuf_free(&href);
}

static int
list_done(struct http_request *req, struct db_ctx *db)
{
	struct goal_ctx	*ctx = (struct goal_ctx *)db;
	struct sbuf	 fast, slow;

	sbuf_init(&fast);
	sbuf_init(&slow);
	if (view_rows_or_empty(&fast, &ctx->fast, ctx->nfast, ctx->loc,
	    MSG_monitor_empty) == -1 ||
	    view_rows_or_empty(&slow, &ctx->slow, ctx->nslow, ctx->loc,
	    MSG_monitor_empty) == -1)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "fast", sbuf_cstr(&fast), TPL_TRUSTED_HTML },
			{ "long", sbuf_cstr(&slow), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc, i18n_get(ctx->loc,
		    MSG_monitor_title), "/monitor", VIEW_monitor, b,
		    NBINDS(b));
	}
	sbuf_free(&fast);
	sbuf_free(&slow);
	return (HTTP_STATE_COMPLETE);
}

int
goal_show(struct http_request *req)
{
	struct goal_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];

	if (!http_state_exists(req)) {
		if (path_slug(req->path, "/monitor", slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = goal_ctx_new(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		db_start(req, &ctx->db, &q_goal_show, show_row, show_done);
		ctx->db.params[0] = ctx->slug;
	}
	return (db_run(req));
}

static void
show_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct goal_ctx	*ctx = (struct goal_ctx *)db;
	struct sbuf	 href;

	sbuf_init(&href);
	if (!db_isnull(sql, r, QG_THEME_SLUG)) {
		sbuf_printf(&href, "/themas/%s",
		    db_text(sql, r, QG_THEME_SLUG));
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", db_text(sql, r, QG_THEME_TITLE), TPL_TEXT },
		};
		if (view_append(&ctx->theme, VIEW_goal_theme, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	sbuf_puts(&ctx->title, db_text(sql, r, QG_TITLE));
	sbuf_puts(&ctx->summary, db_text(sql, r, QG_SUMMARY));
	sbuf_puts(&ctx->body, db_text(sql, r, QG_BODY));
	sbuf_free(&href);
}

static int
show_done(struct http_request *req, struct db_ctx *db)
{
	struct goal_ctx	*ctx = (struct goal_ctx *)db;

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	/* Quotes from stories that may be quoted now (issue 9). */
	db->params[0] = ctx->slug;
	return (db_chain(req, db, &q_sx_goal_quotes, quote_row, quote_done));
}

static void
quote_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct goal_ctx	*ctx = (struct goal_ctx *)db;
	struct sbuf	 href, action, back, remove;

	sbuf_init(&href);
	sbuf_init(&action);
	sbuf_init(&back);
	sbuf_init(&remove);
	sbuf_printf(&href, "/verhalen/%s", db_text(sql, r, QSQ_SLUG));
	if (db->user.role >= ROLE_REDACTEUR) {
		sbuf_printf(&action, "/citaten/%s/verwijderen",
		    db_text(sql, r, QSQ_ID));
		sbuf_printf(&back, "/monitor/%s#citaten", ctx->slug);
		const struct tpl_bind	b[] = {
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", db->user.csrf, TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
		};
		if (view_append(&remove, VIEW_story_quote_remove, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	{
		const struct tpl_bind	b[] = {
			{ "id", db_text(sql, r, QSQ_ID), TPL_TEXT },
			{ "text", db_text(sql, r, QSQ_TEXT), TPL_TEXT },
			{ "pseudonym", db_text(sql, r, QSQ_PSEUDONYM),
			    TPL_TEXT },
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", db_text(sql, r, QSQ_TITLE), TPL_TEXT },
			{ "remove", sbuf_cstr(&remove), TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->quotes, VIEW_story_quote_item, ctx->loc,
		    b, NBINDS(b)) == -1)
			db->failed = 1;
	}
	ctx->nquotes++;
	sbuf_free(&href);
	sbuf_free(&action);
	sbuf_free(&back);
	sbuf_free(&remove);
}

static int
quote_done(struct http_request *req, struct db_ctx *db)
{
	struct goal_ctx	*ctx = (struct goal_ctx *)db;
	struct sbuf	 quotes;
	int		 rc = 0;

	sbuf_init(&quotes);
	if (ctx->nquotes > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&ctx->quotes), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&quotes, VIEW_story_quote_section, ctx->loc,
		    b, NBINDS(b));
	}
	{
		/* body is cmark output, rendered by the import. */
		const struct tpl_bind	b[] = {
			{ "title", sbuf_cstr(&ctx->title), TPL_TEXT },
			{ "summary", sbuf_cstr(&ctx->summary), TPL_TEXT },
			{ "theme", sbuf_cstr(&ctx->theme), TPL_TRUSTED_HTML },
			{ "body", sbuf_cstr(&ctx->body), TPL_TRUSTED_HTML },
			{ "quotes", sbuf_cstr(&quotes), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->out, VIEW_goal, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else
		view_page_main(req, 200, ctx->loc, sbuf_cstr(&ctx->title),
		    "/monitor", &ctx->out);
	sbuf_free(&quotes);
	return (HTTP_STATE_COMPLETE);
}

static void
goal_free(struct http_request *req)
{
	struct goal_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->fast);
	sbuf_free(&ctx->slow);
	sbuf_free(&ctx->title);
	sbuf_free(&ctx->out);
	sbuf_free(&ctx->summary);
	sbuf_free(&ctx->theme);
	sbuf_free(&ctx->body);
	sbuf_free(&ctx->quotes);
}
