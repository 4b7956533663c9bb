/*
 * The story page (issue 9):
 *
 *   GET /verhalen/{slug}   ?gedaan=WORD  ?tonen=1
 *
 * One query (q_story_page, typed rows). A story the reader may not read
 * (story_may_read) answers 404, as if it did not exist. The body of a
 * story with warnings waits behind a closed <details> until the reader
 * opens it, unless ?tonen=1 or the signed-in reader's cw_show covers
 * every warning. The storyteller is shown by the story's pseudonym
 * only. Visitors' pages come from the page cache (core/pcache.h) while
 * the content generation stands still, except with a notice on them.
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
#include "core/token.h"
#include "db/q.h"
#include "web/resp.h"
#include "web/story_show.h"
#include "web/view.h"

struct sshow_ctx {
	struct db_ctx		 db;
	struct story_view	 v;
	char			 slug[PATH_SLUG_MAX + 1];
	char			 nonce[TOK_LEN + 1];
	struct story_rows	 rows;
	long long		 gen;
	int			 gen_ok;
	char			 key[PCACHE_KEY_MAX + 1];
};

static int	sshow_start(struct http_request *, struct db_ctx *);
static int	sshow_query(struct http_request *, struct db_ctx *);
static void	sshow_gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sshow_gen_done(struct http_request *, struct db_ctx *);
static void	sshow_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sshow_done(struct http_request *, struct db_ctx *);
static void	sshow_free(struct http_request *);

int
story_show(struct http_request *req)
{
	struct sshow_ctx	*ctx;
	char			 slug[PATH_SLUG_MAX + 1];
	char			*v;

	if (!http_state_exists(req)) {
		if (path_slug(req->path, STORY_PATH, slug,
		    sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), sshow_free);
		ctx->v.loc = resp_locale(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		ctx->v.gedaan = "";
		if (http_argument_get_string(req, "gedaan", &v))
			ctx->v.gedaan = v;
		ctx->v.tonen = http_argument_get_string(req, "tonen", &v) &&
		    strcmp(v, "1") == 0;
		db_start(req, &ctx->db, NULL, NULL, sshow_start);
	}
	return (db_run(req));
}

/* Visitors without a notice: first the generation, for the cache. */
static int
sshow_start(struct http_request *req, struct db_ctx *db)
{
	struct sshow_ctx	*ctx = (struct sshow_ctx *)db;

	if (!db->user.loaded && ctx->v.gedaan[0] == '\0')
		return (db_chain(req, db, &q_content_gen, sshow_gen_row,
		    sshow_gen_done));
	return (sshow_query(req, db));
}

static int
sshow_query(struct http_request *req, struct db_ctx *db)
{
	struct sshow_ctx	*ctx = (struct sshow_ctx *)db;

	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	return (db_chain(req, db, &q_story_page, sshow_row, sshow_done));
}

static void
sshow_gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sshow_ctx	*ctx = (struct sshow_ctx *)db;
	char			*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
sshow_gen_done(struct http_request *req, struct db_ctx *db)
{
	struct sshow_ctx	*ctx = (struct sshow_ctx *)db;
	int			 n;

	n = snprintf(ctx->key, sizeof(ctx->key), "verhaal/%s %s %d",
	    ctx->slug, i18n_code(ctx->v.loc), ctx->v.tonen);
	if (!ctx->gen_ok || n < 0 || (size_t)n >= sizeof(ctx->key)) {
		ctx->gen_ok = 0;
		return (sshow_query(req, db));
	}
	if (!view_cached(req, ctx->v.loc, ctx->key, ctx->gen, STORY_PATH))
		return (sshow_query(req, db));
	return (HTTP_STATE_COMPLETE);
}

static void
sshow_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sshow_ctx	*ctx = (struct sshow_ctx *)db;

	story_rows_add(&ctx->rows, sql, r);
}

static int
sshow_done(struct http_request *req, struct db_ctx *db)
{
	struct sshow_ctx	*ctx = (struct sshow_ctx *)db;
	struct sbuf		 page, title, personal;
	int			 rc;

	if (story_rows_first(&ctx->rows, QSS_STORY) == NULL ||
	    story_rows_first(&ctx->rows, QSS_META) == NULL) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	ctx->v.signed_in = db->user.loaded;
	ctx->v.csrf = db->user.loaded ? db->user.csrf : "";
	tok_new(ctx->nonce);
	ctx->v.nonce = ctx->nonce;
	sbuf_init(&page);
	sbuf_init(&title);
	sbuf_init(&personal);
	rc = story_personal(&personal, &ctx->v, &ctx->rows);
	if (rc == 0)
		rc = story_main(&page, &title, &ctx->v, &ctx->rows,
		    sbuf_cstr(&personal));
	if (rc != 0)
		resp_error(req, 500);
	else {
		/* A visitor's page has nothing personal in it. */
		if (!db->user.loaded && ctx->gen_ok && ctx->v.gedaan[0] == '\0')
			pcache_put(ctx->key, ctx->gen, page.data, page.len,
			    sbuf_cstr(&title));
		view_page_main(req, 200, ctx->v.loc, sbuf_cstr(&title),
		    STORY_PATH, &page);
	}
	sbuf_free(&page);
	sbuf_free(&title);
	sbuf_free(&personal);
	return (HTTP_STATE_COMPLETE);
}

static void
sshow_free(struct http_request *req)
{
	struct sshow_ctx	*ctx = http_state_get(req);

	story_rows_free(&ctx->rows);
}

void
story_rows_add(struct story_rows *rows, struct kore_pgsql *sql, int r)
{
	struct story_row	*row;
	int			 i;

	if (rows->n == rows->cap) {
		rows->cap = rows->cap == 0 ? 16 : rows->cap * 2;
		rows->v = kore_realloc(rows->v, rows->cap * sizeof(*rows->v));
	}
	row = &rows->v[rows->n++];
	row->type = (int)strtol(db_text(sql, r, QSS_TYPE), NULL, 10);
	for (i = 0; i < QSS_COLS; i++)
		row->c[i] = db_isnull(sql, r, QSS_C1 + i) ? NULL :
		    kore_strdup(db_text(sql, r, QSS_C1 + i));
}

void
story_rows_free(struct story_rows *rows)
{
	size_t	i;
	int	k;

	for (i = 0; i < rows->n; i++)
		for (k = 0; k < QSS_COLS; k++)
			kore_free(rows->v[i].c[k]);
	kore_free(rows->v);
	rows->v = NULL;
	rows->n = rows->cap = 0;
}

const struct story_row *
story_rows_first(const struct story_rows *rows, int type)
{
	size_t	i;

	for (i = 0; i < rows->n; i++)
		if (rows->v[i].type == type)
			return (&rows->v[i]);
	return (NULL);
}

const char *
story_col(const struct story_row *r, int i)
{
	if (r == NULL || i < 0 || i >= QSS_COLS || r->c[i] == NULL)
		return ("");
	return (r->c[i]);
}

int
story_true(const struct story_row *r, int i)
{
	const char	*v = story_col(r, i);

	return (strcmp(v, "true") == 0 || strcmp(v, "t") == 0);
}
