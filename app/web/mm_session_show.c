/*
 * The session page (issue 8):
 *
 *   GET /masterminds/{serie}/{sessie}   ?gedaan=WORD
 *
 * One query (q_mm_session_page: typed rows) decides what this reader
 * sees: title, date and series for every reader of the series; the
 * minutes, actions, amendments and addenda only for mm_minutes_may_read;
 * participants only for signed-in readers of the minutes. A session the
 * reader may not see, or one that is not in that series, is 404.
 * Visitors' pages come from the page cache (core/pcache.h) while the
 * content generation stands still (every mm table bumps it); the key
 * holds the day (overdue marks) and a page whose amendment window is
 * open is not kept (it turns over at a moment of its own).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include "app.h"
#include "core/path.h"
#include "core/pcache.h"
#include "db/q.h"
#include "web/follow.h"
#include "web/mm_session.h"
#include "web/resp.h"
#include "web/view.h"

struct mss_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	char			 serie[PATH_SLUG_MAX + 1];
	char			 sessie[PATH_SLUG_MAX + 1];
	char			 path[2 * PATH_SLUG_MAX + 32];
	const char		*gedaan;
	struct mms_rows		 rows;
	long long		 gen;
	int			 gen_ok;
	char			 key[PCACHE_KEY_MAX + 1];
};

/* ?gedaan= words of this page's forms and of the workflow's. */
static const struct {
	const char	*word;
	enum msg_id	 msg;
} done_words[] = {
	{ "opgeslagen", MSG_mms_done_opgeslagen },
	{ "geopend", MSG_mms_done_geopend },
	{ "gesloten", MSG_mms_done_gesloten },
	{ "vastgesteld", MSG_mms_done_vastgesteld },
	{ "aanvulling", MSG_mms_done_aanvulling },
	{ "overgenomen", MSG_mms_done_overgenomen },
	{ "afgewezen", MSG_mms_done_afgewezen },
	{ "addendum", MSG_mms_done_addendum },
	{ "actie", MSG_mms_done_actie },
	{ "bijgewerkt", MSG_mms_done_bijgewerkt },
	{ "verwijderd", MSG_mms_done_verwijderd },
	{ "gemeld", MSG_flag_done },
};

static int	mss_start(struct http_request *, struct db_ctx *);
static int	mss_query(struct http_request *, struct db_ctx *);
static void	mss_gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mss_gen_done(struct http_request *, struct db_ctx *);
static void	mss_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mss_done(struct http_request *, struct db_ctx *);
static int	mss_notice(struct sbuf *, struct mss_ctx *);
static void	mss_free(struct http_request *);

int
mm_session_show(struct http_request *req)
{
	struct mss_ctx	*ctx;
	char		 serie[PATH_SLUG_MAX + 1], sessie[PATH_SLUG_MAX + 1];
	char		*v;

	if (!http_state_exists(req)) {
		if (mms_path(req->path, "", serie, sessie) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), mss_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->serie, serie, sizeof(serie));
		memcpy(ctx->sessie, sessie, sizeof(sessie));
		(void)snprintf(ctx->path, sizeof(ctx->path), MMS_PREFIX "%s/%s",
		    serie, sessie);
		ctx->gedaan = "";
		if (http_argument_get_string(req, "gedaan", &v))
			ctx->gedaan = v;
		db_start(req, &ctx->db, NULL, NULL, mss_start);
	}
	return (db_run(req));
}

/*
 * Visitors: first the content generation, for the page cache (not for
 * a page with a notice on it).
 */
static int
mss_start(struct http_request *req, struct db_ctx *db)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;

	if (!db->user.loaded && ctx->gedaan[0] == '\0')
		return (db_chain(req, db, &q_content_gen, mss_gen_row,
		    mss_gen_done));
	return (mss_query(req, db));
}

static int
mss_query(struct http_request *req, struct db_ctx *db)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;

	db->params[0] = ctx->serie;
	db->params[1] = ctx->sessie;
	db->params[2] = db->user.loaded ? db->user.id : "";
	return (db_chain(req, db, &q_mm_session_page, mss_row, mss_done));
}

static void
mss_gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;
	char		*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
mss_gen_done(struct http_request *req, struct db_ctx *db)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;
	char		 day[16];
	time_t		 now;
	struct tm	 tm;
	int		 n;

	/* The overdue marks change with the day (near enough in UTC+1/2). */
	now = time(NULL) + 7200;
	(void)gmtime_r(&now, &tm);
	(void)strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	n = snprintf(ctx->key, sizeof(ctx->key), "mm/%s/%s %s %s",
	    ctx->serie, ctx->sessie, day, i18n_code(ctx->loc));
	if (!ctx->gen_ok || n < 0 || (size_t)n >= sizeof(ctx->key)) {
		ctx->gen_ok = 0;
		return (mss_query(req, db));
	}
	if (!view_cached(req, ctx->loc, ctx->key, ctx->gen, "/masterminds"))
		return (mss_query(req, db));
	return (HTTP_STATE_COMPLETE);
}

static void
mss_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mss_ctx	*ctx = (struct mss_ctx *)db;

	mms_rows_add(&ctx->rows, sql, r);
}

static int
mss_done(struct http_request *req, struct db_ctx *db)
{
	struct mss_ctx		*ctx = (struct mss_ctx *)db;
	const struct mms_row	*s, *m;
	struct mms_view		 v;
	struct sbuf		 page, title;
	int			 rc;

	s = mms_first(&ctx->rows, QMS_SESSION);
	m = mms_first(&ctx->rows, QMS_META);
	if (s == NULL || m == NULL) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	v.loc = ctx->loc;
	v.signed_in = db->user.loaded;
	v.csrf = db->user.loaded ? db->user.csrf : "";
	v.path = ctx->path;
	v.session_id = mms_col(s, 0);
	sbuf_init(&page);
	sbuf_init(&title);
	rc = mss_notice(&page, ctx);
	rc |= mms_render(&page, &title, &v, &ctx->rows);
	if (rc != 0)
		resp_error(req, 500);
	else {
		/* A visitor's page has nothing personal in it. */
		if (!db->user.loaded && ctx->gen_ok && ctx->gedaan[0] == '\0' &&
		    !mms_true(m, 1))
			pcache_put(ctx->key, ctx->gen, page.data, page.len,
			    sbuf_cstr(&title));
		view_page_main(req, 200, ctx->loc, sbuf_cstr(&title),
		    "/masterminds", &page);
	}
	sbuf_free(&page);
	sbuf_free(&title);
	return (HTTP_STATE_COMPLETE);
}

static int
mss_notice(struct sbuf *out, struct mss_ctx *ctx)
{
	size_t	i;
	int	rc = 0;

	for (i = 0; i < NBINDS(done_words); i++) {
		if (strcmp(ctx->gedaan, done_words[i].word) != 0)
			continue;
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, done_words[i].msg),
			    TPL_TEXT },
		};
		rc |= view_append(out, VIEW_notice, ctx->loc, b, NBINDS(b));
	}
	if (follow_notice(out, ctx->loc, ctx->gedaan) == -1)
		rc = -1;
	return (rc == 0 ? 0 : -1);
}

static void
mss_free(struct http_request *req)
{
	struct mss_ctx	*ctx = http_state_get(req);

	mms_rows_free(&ctx->rows);
}

/* Shared with the export and the form. */

void
mms_rows_add(struct mms_rows *rows, struct kore_pgsql *sql, int r)
{
	struct mms_row	*row;
	int		 i;

	if (rows->n == rows->cap) {
		rows->cap = rows->cap == 0 ? 32 : rows->cap * 2;
		rows->v = kore_realloc(rows->v, rows->cap * sizeof(*rows->v));
	}
	row = &rows->v[rows->n++];
	row->type = (int)strtol(db_text(sql, r, QMS_TYPE), NULL, 10);
	for (i = 0; i < QMS_COLS; i++)
		row->c[i] = db_isnull(sql, r, QMS_C1 + i) ? NULL :
		    kore_strdup(db_text(sql, r, QMS_C1 + i));
}

void
mms_rows_free(struct mms_rows *rows)
{
	size_t	i;
	int	k;

	for (i = 0; i < rows->n; i++)
		for (k = 0; k < QMS_COLS; k++)
			kore_free(rows->v[i].c[k]);
	kore_free(rows->v);
	rows->v = NULL;
	rows->n = rows->cap = 0;
}

const struct mms_row *
mms_first(const struct mms_rows *rows, int type)
{
	size_t	i;

	for (i = 0; i < rows->n; i++)
		if (rows->v[i].type == type)
			return (&rows->v[i]);
	return (NULL);
}

const char *
mms_col(const struct mms_row *r, int i)
{
	if (r == NULL || i < 0 || i >= QMS_COLS || r->c[i] == NULL)
		return ("");
	return (r->c[i]);
}

int
mms_true(const struct mms_row *r, int i)
{
	const char	*v = mms_col(r, i);

	return (strcmp(v, "true") == 0 || strcmp(v, "t") == 0);
}

/* "/masterminds/{serie}/{sessie}{suffix}" (no regex captures, c3). */
int
mms_path(const char *path, const char *suffix, char *serie, char *sessie)
{
	const char	*p, *slash;
	size_t		 n, sn, pl;

	pl = strlen(MMS_PREFIX);
	if (strncmp(path, MMS_PREFIX, pl) != 0)
		return (-1);
	p = path + pl;
	n = strlen(p);
	sn = strlen(suffix);
	if (n < sn || strcmp(p + n - sn, suffix) != 0)
		return (-1);
	n -= sn;
	if ((slash = memchr(p, '/', n)) == NULL)
		return (-1);
	if (!path_slug_ok(p, (size_t)(slash - p)) ||
	    !path_slug_ok(slash + 1, n - (size_t)(slash - p) - 1))
		return (-1);
	memcpy(serie, p, (size_t)(slash - p));
	serie[slash - p] = '\0';
	memcpy(sessie, slash + 1, n - (size_t)(slash - p) - 1);
	sessie[n - (size_t)(slash - p) - 1] = '\0';
	return (0);
}
