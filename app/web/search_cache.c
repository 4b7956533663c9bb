/*
 * The visitors' page cache for /zoeken (core/pcache.h). The same search
 * by visitors is answered from the worker's cache until anything a
 * search shows changes: every write to search_doc and to the synonyms
 * moves content_gen (sql/010_search.sql). The statement of a word in a
 * third of a large corpus costs tens of milliseconds (README, benchmark);
 * a cached page costs the one-row content_gen query.
 *
 * The key is "zoeken " and a BLAKE2b hash of the locale, q as typed, the
 * filters and the page: q may be 200 characters, filter slugs 120 each,
 * more than a key holds.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/pcache.h"
#include "db/q.h"
#include "web/search.h"
#include "web/view.h"

#define SEARCH_KEY_HASH	16	/* bytes of the hash: 32 hex digits */

static void	search_gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	search_gen_done(struct http_request *, struct db_ctx *);
static int	search_key(struct search_ctx *);

int
search_cached(struct http_request *req, struct db_ctx *db,
    int (*next)(struct http_request *, struct db_ctx *))
{
	struct search_ctx	*ctx = (struct search_ctx *)db;

	if (db->user.loaded || ctx->bad)
		return (next(req, db));
	ctx->next = next;
	return (db_chain(req, db, &q_content_gen, search_gen_row,
	    search_gen_done));
}

void
search_cache_put(struct search_ctx *ctx, int status, struct sbuf *main,
    const char *title)
{
	if (status == 200 && !ctx->db.user.loaded && !ctx->bad &&
	    ctx->gen_ok)
		pcache_put(ctx->key, ctx->gen, main->data, main->len, title);
}

static void
search_gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct search_ctx	*ctx = (struct search_ctx *)db;
	char			*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
search_gen_done(struct http_request *req, struct db_ctx *db)
{
	struct search_ctx	*ctx = (struct search_ctx *)db;

	if (!ctx->gen_ok || search_key(ctx) == -1) {
		ctx->gen_ok = 0;
		return (ctx->next(req, db));
	}
	if (!view_cached(req, ctx->loc, ctx->key, ctx->gen, SEARCH_PATH))
		return (ctx->next(req, db));
	return (HTTP_STATE_COMPLETE);
}

static int
search_key(struct search_ctx *ctx)
{
	crypto_generichash_state	 st;
	unsigned char			 h[SEARCH_KEY_HASH];
	char				 hex[SEARCH_KEY_HASH * 2 + 1];
	char				 page[24];
	const char			*loc = i18n_code(ctx->loc);
	int				 k, n;

	if (crypto_generichash_init(&st, NULL, 0, sizeof(h)) != 0)
		return (-1);
	/* Each part with its NUL, so "ab"+"c" differs from "a"+"bc". */
	crypto_generichash_update(&st, (const unsigned char *)loc,
	    strlen(loc) + 1);
	crypto_generichash_update(&st, (const unsigned char *)ctx->q.data,
	    ctx->q.len);
	crypto_generichash_update(&st, (const unsigned char *)"", 1);
	for (k = 0; k < SR__MAX; k++)
		crypto_generichash_update(&st,
		    (const unsigned char *)ctx->val[k], strlen(ctx->val[k]) + 1);
	(void)snprintf(page, sizeof(page), "%ld", ctx->page);
	crypto_generichash_update(&st, (const unsigned char *)page,
	    strlen(page) + 1);
	if (crypto_generichash_final(&st, h, sizeof(h)) != 0)
		return (-1);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	n = snprintf(ctx->key, sizeof(ctx->key), "zoeken %s", hex);
	return (n < 0 || (size_t)n >= sizeof(ctx->key) ? -1 : 0);
}
