/*
 * The series page (issue 8):
 *
 *   GET /masterminds/{serie}   ?gedaan=opgeslagen
 *
 * One query (q_mms_page: typed rows) gives the series, its
 * facilitators, its sessions in date order with the state of their
 * minutes, and the open actions of every session whose minutes the
 * reader may read. A series the reader may not read is 404. When no
 * series has the slug but a session the reader may see does (the
 * generic lists link /masterminds/{item slug}), the answer is 301 to the
 * session's path. Visitors get the page from the page cache; its key
 * holds the date, since "Te laat" changes with the day.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "core/pcache.h"
#include "db/q_mm_series.h"
#include "web/article.h"
#include "web/mm_series.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

struct mss_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	const char	*gedaan;
	int		 found;
	int		 run;
	char		*moved;
	char		*name;
	char		*purpose;
	char		*cslug;
	char		*cname;
	struct sbuf	 facs;
	struct sbuf	 sessions;
	struct sbuf	 actions;
	int		 nsessions;
	int		 nactions;
	long long	 gen;
	int		 gen_ok;
	char		 key[PCACHE_KEY_MAX + 1];
};

static int	mss_start(struct http_request *, struct db_ctx *);
static int	mss_query(struct http_request *, struct db_ctx *);
static void	mss_gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mss_gen_done(struct http_request *, struct db_ctx *);
static void	mss_row(struct db_ctx *, struct kore_pgsql *, int);
static void	mss_session(struct mss_ctx *, struct kore_pgsql *, int);
static void	mss_action(struct mss_ctx *, struct kore_pgsql *, int);
static int	mss_done(struct http_request *, struct db_ctx *);
static int	mss_main(struct sbuf *, struct mss_ctx *);
static int	mss_personal(struct sbuf *, struct http_request *,
		    struct mss_ctx *);
static char	*mss_dup(struct kore_pgsql *, int, int);
static void	mss_free(struct http_request *);

int
mm_series_show(struct http_request *req)
{
	struct mss_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];
	char		*v;

	if (!http_state_exists(req)) {
		if (path_slug(req->path, MMS_PATH, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), mss_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		ctx->gedaan = "";
		if (http_argument_get_string(req, "gedaan", &v))
			ctx->gedaan = v;
		sbuf_init(&ctx->facs);
		sbuf_init(&ctx->sessions);
		sbuf_init(&ctx->actions);
		db_start(req, &ctx->db, NULL, NULL, mss_start);
	}
	return (db_run(req));
}

/* Visitors: first the content generation and the day, for the cache. */
static int
mss_start(struct http_request *req, struct db_ctx *db)
{
	if (!db->user.loaded)
		return (db_chain(req, db, &q_mms_gen, mss_gen_row,
		    mss_gen_done));
	return (mss_query(req, db));
}

static void
mss_gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;
	char		*end;
	int		 n;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
	n = snprintf(ctx->key, sizeof(ctx->key), "mmserie/%s %s %s",
	    ctx->slug, db_text(sql, r, 1), i18n_code(ctx->loc));
	if (n < 0 || (size_t)n >= sizeof(ctx->key))
		ctx->gen_ok = 0;
}

static int
mss_gen_done(struct http_request *req, struct db_ctx *db)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;

	if (ctx->gen_ok && view_cached(req, ctx->loc, ctx->key, ctx->gen,
	    MMS_PATH))
		return (HTTP_STATE_COMPLETE);
	return (mss_query(req, db));
}

static int
mss_query(struct http_request *req, struct db_ctx *db)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;

	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	return (db_chain(req, db, &q_mms_page, mss_row, mss_done));
}

static char *
mss_dup(struct kore_pgsql *sql, int r, int n)
{
	return (kore_strdup(db_text(sql, r, QMS_COL(n))));
}

static void
mss_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;
	struct sbuf	 href;

	switch (atoi(db_text(sql, r, QMS_TYPE))) {
	case QMS_MOVED:
		if (ctx->moved == NULL)
			ctx->moved = mss_dup(sql, r, 1);
		break;
	case QMS_SERIES:
		if (ctx->found)
			break;
		ctx->found = 1;
		ctx->name = mss_dup(sql, r, 2);
		ctx->purpose = mss_dup(sql, r, 3);
		ctx->cslug = mss_dup(sql, r, 4);
		ctx->cname = mss_dup(sql, r, 5);
		ctx->run = strcmp(db_text(sql, r, QMS_COL(6)), "true") == 0;
		break;
	case QMS_FAC:
		if (ctx->facs.len > 0)
			sbuf_puts(&ctx->facs, ", ");
		sbuf_init(&href);
		sbuf_printf(&href, "/mensen/%s", db_text(sql, r, QMS_COL(1)));
		if (row_link(&ctx->facs, ctx->loc, sbuf_cstr(&href),
		    db_text(sql, r, QMS_COL(2))) == -1)
			db->failed = 1;
		sbuf_free(&href);
		break;
	case QMS_SESSION:
		mss_session(ctx, sql, r);
		break;
	case QMS_ACTION:
		mss_action(ctx, sql, r);
		break;
	default:
		break;
	}
}

static void
mss_session(struct mss_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 num, open, count, date;
	const char	*args[1];
	char		 shown[32];
	int		 rc = 0;

	sbuf_init(&num);
	sbuf_init(&open);
	sbuf_init(&count);
	sbuf_init(&date);
	args[0] = db_text(sql, r, QMS_COL(1));
	i18n_fmt(&num, i18n_get(ctx->loc, MSG_mmser_session_n), args, 1);
	if (!db_isnull(sql, r, QMS_COL(8))) {
		args[0] = db_text(sql, r, QMS_COL(8));
		i18n_fmt(&count, i18n_get(ctx->loc, MSG_mmser_open_count),
		    args, 1);
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&count), TPL_TEXT },
		};
		rc |= view_append(&open, VIEW_mm_series_open, ctx->loc, b,
		    NBINDS(b));
	}
	row_date_shown(db_text(sql, r, QMS_COL(4)), shown, sizeof(shown));
	{
		const struct tpl_bind	b[] = {
			{ "number", sbuf_cstr(&num), TPL_TEXT },
			{ "title", db_text(sql, r, QMS_COL(2)), TPL_TEXT },
			{ "href", db_text(sql, r, QMS_COL(3)), TPL_TEXT },
			{ "date", shown, TPL_TEXT },
			{ "time", db_text(sql, r, QMS_COL(5)), TPL_TEXT },
			{ "datetime", db_text(sql, r, QMS_COL(6)), TPL_TEXT },
			{ "state", mmser_state(ctx->loc,
			    db_text(sql, r, QMS_COL(7))), TPL_TEXT },
			{ "open", sbuf_cstr(&open), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->sessions, VIEW_mm_series_session,
		    ctx->loc, b, NBINDS(b));
	}
	if (rc != 0)
		ctx->db.failed = 1;
	ctx->nsessions++;
	sbuf_free(&num);
	sbuf_free(&open);
	sbuf_free(&count);
	sbuf_free(&date);
}

static void
mss_action(struct mss_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 owner, due;
	int		 rc, overdue;

	sbuf_init(&owner);
	sbuf_init(&due);
	overdue = strcmp(db_text(sql, r, QMS_COL(6)), "true") == 0;
	rc = mmser_owner(&owner, ctx->loc, ctx->db.user.loaded, sql, r,
	    QMS_COL(2));
	rc |= mmser_due(&due, ctx->loc, db_text(sql, r, QMS_COL(5)), overdue);
	{
		const struct tpl_bind	b[] = {
			{ "overdue_class", overdue ? " class=\"mm-overdue\"" :
			    "", TPL_TRUSTED_HTML },
			{ "what", db_text(sql, r, QMS_COL(1)), TPL_TEXT },
			{ "owner", sbuf_cstr(&owner), TPL_TRUSTED_HTML },
			{ "due", sbuf_cstr(&due), TPL_TRUSTED_HTML },
			{ "session", db_text(sql, r, QMS_COL(7)), TPL_TEXT },
			{ "href", db_text(sql, r, QMS_COL(8)), TPL_TEXT },
		};
		rc |= view_append(&ctx->actions, VIEW_mm_series_action,
		    ctx->loc, b, NBINDS(b));
	}
	if (rc != 0)
		ctx->db.failed = 1;
	ctx->nactions++;
	sbuf_free(&owner);
	sbuf_free(&due);
}

static int
mss_done(struct http_request *req, struct db_ctx *db)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;
	struct sbuf	 main;

	if (!ctx->found) {
		if (ctx->moved != NULL && path_local_ok(ctx->moved))
			article_moved(req, ctx->moved);
		else
			resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&main);
	if (mss_personal(&main, req, ctx) == -1 || mss_main(&main, ctx) == -1)
		resp_error(req, 500);
	else {
		/* A visitor's page has nothing personal in it. */
		if (!db->user.loaded && ctx->gen_ok)
			pcache_put(ctx->key, ctx->gen, main.data, main.len,
			    ctx->name);
		view_page_main(req, 200, ctx->loc, ctx->name, MMS_PATH, &main);
	}
	sbuf_free(&main);
	return (HTTP_STATE_COMPLETE);
}

/* Signed in: what was just done. Nothing for visitors (cached). */
static int
mss_personal(struct sbuf *out, struct http_request *req, struct mss_ctx *ctx)
{
	(void)req;
	if (!ctx->db.user.loaded || strcmp(ctx->gedaan, "opgeslagen") != 0)
		return (0);
	const struct tpl_bind	b[] = {
		{ "text", i18n_get(ctx->loc, MSG_mmser_done_opgeslagen),
		    TPL_TEXT },
	};
	return (view_append(out, VIEW_notice, ctx->loc, b, NBINDS(b)));
}

static int
mss_main(struct sbuf *out, struct mss_ctx *ctx)
{
	struct sbuf	 comm, runner, sessions, actions, ics, all, nw, ed;
	struct sbuf	 purpose;
	int		 rc = 0;

	sbuf_init(&comm);
	sbuf_init(&runner);
	sbuf_init(&sessions);
	sbuf_init(&actions);
	sbuf_init(&ics);
	sbuf_init(&all);
	sbuf_init(&nw);
	sbuf_init(&ed);
	sbuf_init(&purpose);
	if (ctx->cslug != NULL && ctx->cslug[0] != '\0') {
		sbuf_printf(&ics, "/gemeenschappen/%s", ctx->cslug);
		rc |= row_link(&comm, ctx->loc, sbuf_cstr(&ics), ctx->cname);
		sbuf_reset(&ics);
	} else
		sbuf_puts(&comm, i18n_get(ctx->loc, MSG_mmser_public));
	if (ctx->run) {
		sbuf_printf(&nw, MMS_PATH "/%s/nieuw", ctx->slug);
		sbuf_printf(&ed, MMS_PATH "/%s/bewerken", ctx->slug);
		const struct tpl_bind	b[] = {
			{ "new", sbuf_cstr(&nw), TPL_TEXT },
			{ "edit", sbuf_cstr(&ed), TPL_TEXT },
		};
		rc |= view_append(&runner, VIEW_mm_series_runner, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->nsessions > 0) {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->sessions), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&sessions, VIEW_mm_series_sessions, ctx->loc,
		    b, NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_mmser_sessions_empty),
			    TPL_TEXT },
		};
		rc |= view_append(&sessions, VIEW_empty, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->nactions > 0) {
		const struct tpl_bind	b[] = {
			{ "caption", i18n_get(ctx->loc,
			    MSG_mmser_actions_caption), TPL_TEXT },
			{ "rows", sbuf_cstr(&ctx->actions), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&actions, VIEW_mm_series_actions, ctx->loc,
		    b, NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_mmser_actions_empty),
			    TPL_TEXT },
		};
		rc |= view_append(&actions, VIEW_empty, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->purpose != NULL && ctx->purpose[0] != '\0')
		sbuf_puts(&purpose, ctx->purpose);
	else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_mmser_purpose_none),
			    TPL_TEXT },
		};
		rc |= view_append(&purpose, VIEW_empty, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_printf(&ics, MMS_PATH "/%s/agenda.ics", ctx->slug);
	sbuf_printf(&all, MMS_PATH "/%s/acties", ctx->slug);
	{
		const struct tpl_bind	b[] = {
			{ "name", ctx->name, TPL_TEXT },
			{ "community", sbuf_cstr(&comm), TPL_TRUSTED_HTML },
			{ "facilitators", sbuf_cstr(&ctx->facs),
			    TPL_TRUSTED_HTML },
			{ "runner", sbuf_cstr(&runner), TPL_TRUSTED_HTML },
			/* purpose_html: rendered by md.c when saved. */
			{ "purpose", sbuf_cstr(&purpose), TPL_TRUSTED_HTML },
			{ "ics", sbuf_cstr(&ics), TPL_TEXT },
			{ "sessions", sbuf_cstr(&sessions), TPL_TRUSTED_HTML },
			{ "actions", sbuf_cstr(&actions), TPL_TRUSTED_HTML },
			{ "all", sbuf_cstr(&all), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_mm_series, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&comm);
	sbuf_free(&runner);
	sbuf_free(&sessions);
	sbuf_free(&actions);
	sbuf_free(&ics);
	sbuf_free(&all);
	sbuf_free(&nw);
	sbuf_free(&ed);
	sbuf_free(&purpose);
	return (rc);
}

static void
mss_free(struct http_request *req)
{
	struct mss_ctx	*ctx = http_state_get(req);

	kore_free(ctx->moved);
	kore_free(ctx->name);
	kore_free(ctx->purpose);
	kore_free(ctx->cslug);
	kore_free(ctx->cname);
	sbuf_free(&ctx->facs);
	sbuf_free(&ctx->sessions);
	sbuf_free(&ctx->actions);
}
