/*
 * /mensen/{id}: a member's public profile. Display name, kind of member,
 * bio and public contributions; never the e-mail address, and never
 * stories (they may be published under a pseudonym).
 *
 * A deleted account shows "voormalig lid", no kind and no bio; its
 * contributions stay listed. A blocked account shows its name and
 * contributions but no bio (the bio may be why it was blocked).
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q.h"
#include "db/q_privacy.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

#define PROFILE_PREFIX	"/mensen/"
#define PROFILE_ID_MAX	18

struct profile_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 id[PROFILE_ID_MAX + 1];
	int		 deleted;
	int		 blocked;
	int		 noname;
	enum msg_id	 kind;
	struct sbuf	 name;
	struct sbuf	 bio;
	struct sbuf	 rows;
	int		 nitems;
};

static int	profile_id(const char *, char *);
static void	profile_row(struct db_ctx *, struct kore_pgsql *, int);
static int	profile_done(struct http_request *, struct db_ctx *);
static void	profile_free(struct http_request *);

int
profile_show(struct http_request *req)
{
	struct profile_ctx	*ctx;
	char			 id[PROFILE_ID_MAX + 1];

	if (!http_state_exists(req)) {
		if (profile_id(req->path, id) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), profile_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->id, id, sizeof(id));
		sbuf_init(&ctx->name);
		sbuf_init(&ctx->bio);
		sbuf_init(&ctx->rows);
		db_start(req, &ctx->db, &q_privacy_profile, profile_row,
		    profile_done);
		ctx->db.params[0] = ctx->id;
	}
	return (db_run(req));
}

/*
 * "/mensen/123" -> "123": 1..18 digits (fits a bigint), no leading
 * zero, so every profile has one address.
 */
static int
profile_id(const char *path, char *out)
{
	const char	*p;
	size_t		 n;

	if (strncmp(path, PROFILE_PREFIX, sizeof(PROFILE_PREFIX) - 1) != 0)
		return (-1);
	p = path + sizeof(PROFILE_PREFIX) - 1;
	n = strspn(p, "0123456789");
	if (n == 0 || n > PROFILE_ID_MAX || p[n] != '\0' || *p == '0')
		return (-1);
	memcpy(out, p, n + 1);
	return (0);
}

static void
profile_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct profile_ctx	*ctx = (struct profile_ctx *)db;
	const char		*kind;

	if (r == 0) {
		ctx->deleted = strcmp(db_text(sql, r, QPR_DELETED), "t") == 0;
		ctx->blocked = strcmp(db_text(sql, r, QPR_BLOCKED), "t") == 0;
		ctx->noname = db_isnull(sql, r, QPR_NAME);
		sbuf_puts(&ctx->name, db_text(sql, r, QPR_NAME));
		if (!ctx->deleted && !ctx->blocked)
			sbuf_puts(&ctx->bio, db_text(sql, r, QPR_BIO));
		kind = db_text(sql, r, QPR_KIND);
		if (strcmp(kind, "professional") == 0)
			ctx->kind = MSG_priv_profile_kind_professional;
		else if (strcmp(kind, "ervaringsdeskundige") == 0)
			ctx->kind = MSG_priv_profile_kind_ervaringsdeskundige;
		else
			ctx->kind = MSG_priv_profile_kind_anders;
	}
	/* No public contribution: one row with NULL item columns. */
	if (db_isnull(sql, r, QI_KIND))
		return;
	if (row_item(&ctx->rows, ctx->loc, sql, r) == -1)
		db->failed = 1;
	ctx->nitems++;
}

static int
profile_done(struct http_request *req, struct db_ctx *db)
{
	struct profile_ctx	*ctx = (struct profile_ctx *)db;
	struct sbuf		 meta, bio, items, main;
	const char		*name;
	int			 bad;

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->deleted)
		name = i18n_get(ctx->loc, MSG_former_member);
	else if (ctx->noname)
		name = i18n_get(ctx->loc, MSG_priv_profile_no_name);
	else
		name = sbuf_cstr(&ctx->name);

	sbuf_init(&meta);
	sbuf_init(&bio);
	sbuf_init(&items);
	sbuf_init(&main);
	{
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, ctx->deleted ?
			    MSG_priv_profile_gone : ctx->kind), TPL_TEXT },
		};
		bad = view_append(&meta, VIEW_profile_meta, ctx->loc, b,
		    NBINDS(b)) == -1;
	}
	if (ctx->bio.len > 0) {
		/* Line breaks are kept by CSS (white-space: pre-line). */
		const struct tpl_bind	b[] = {
			{ "bio", sbuf_cstr(&ctx->bio), TPL_TEXT },
		};
		if (view_append(&bio, VIEW_profile_bio, ctx->loc, b,
		    NBINDS(b)) == -1)
			bad = 1;
	}
	if (view_rows_or_empty(&items, &ctx->rows, ctx->nitems, ctx->loc,
	    MSG_priv_profile_contrib_empty) == -1)
		bad = 1;
	{
		const struct tpl_bind	b[] = {
			{ "name", name, TPL_TEXT },
			{ "meta", sbuf_cstr(&meta), TPL_TRUSTED_HTML },
			{ "bio", sbuf_cstr(&bio), TPL_TRUSTED_HTML },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		if (!bad && view_append(&main, VIEW_profile, ctx->loc, b,
		    NBINDS(b)) == -1)
			bad = 1;
	}
	if (bad)
		resp_error(req, 500);
	else
		view_page_main(req, 200, ctx->loc, name, NULL, &main);
	sbuf_free(&meta);
	sbuf_free(&bio);
	sbuf_free(&items);
	sbuf_free(&main);
	return (HTTP_STATE_COMPLETE);
}

static void
profile_free(struct http_request *req)
{
	struct profile_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->name);
	sbuf_free(&ctx->bio);
	sbuf_free(&ctx->rows);
}
