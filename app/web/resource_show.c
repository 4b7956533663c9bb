/*
 * The resource page (issue 10):
 *
 *   GET /bronnen/{slug}   ?gedaan=WORD
 *
 * One query (q_resource_page: typed rows, the article page's types 1-8
 * and the resource's own) rendered in two parts, as the pilot page:
 * resource_main() (resource_show_main.c) is what every reader sees;
 * the notice of what was just done, the status banner, the editors'
 * feedback, what a suggestion still lacks, the action bar, the follow
 * button and the "Melden" link depend on who reads and come before it.
 * A resource the reader may not read answers 404, as if it did not
 * exist. Visitors' pages come from the page cache (core/pcache.h)
 * while the content generation stands still (download counts do not
 * move it: a count on a cached page may lag).
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
#include "db/q.h"
#include "db/q_resource_show.h"
#include "web/flag.h"
#include "web/follow.h"
#include "web/item_actions.h"
#include "web/resource_show.h"
#include "web/resp.h"
#include "web/view.h"

struct rshow_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	char			 slug[PATH_SLUG_MAX + 1];
	const char		*gedaan;
	struct article_rows	 rows;
	/* Visitors: the content generation and the page's cache key. */
	long long		 gen;
	int			 gen_ok;
	char			 key[PCACHE_KEY_MAX + 1];
};

/* ?gedaan= words of the resource editor, the workflow, follow, flag. */
static const struct {
	const char	*word;
	enum msg_id	 msg;
} done_words[] = {
	{ "bewaard", MSG_rs_done_bewaard },
	{ "opgeslagen", MSG_rs_done_bewaard },
	{ "gepubliceerd", MSG_rs_done_gepubliceerd },
	{ "voorgesteld", MSG_rs_done_voorgesteld },
	{ "ingediend", MSG_rs_done_voorgesteld },
	{ "goedgekeurd", MSG_rs_done_gepubliceerd },
	{ "teruggestuurd", MSG_rs_done_teruggestuurd },
	{ "gearchiveerd", MSG_rs_done_gearchiveerd },
	{ "teruggezet", MSG_rs_done_teruggezet },
	{ "hersteld", MSG_article_done_hersteld },
	{ "gemeld", MSG_flag_done },	/* web/flag.c */
};

static int	show_start(struct http_request *, struct db_ctx *);
static int	show_query(struct http_request *, struct db_ctx *);
static void	gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	gen_done(struct http_request *, struct db_ctx *);
static void	show_row(struct db_ctx *, struct kore_pgsql *, int);
static int	show_done(struct http_request *, struct db_ctx *);
static int	personal(struct sbuf *, struct rshow_ctx *);
static int	banner(struct sbuf *, enum locale, enum msg_id, const char *);
static int	actions(struct sbuf *, struct rshow_ctx *,
		    const struct article_row *, const struct article_row *);
static void	show_free(struct http_request *);

int
resource_show(struct http_request *req)
{
	struct rshow_ctx	*ctx;
	char			 slug[PATH_SLUG_MAX + 1];
	char			*v;

	if (!http_state_exists(req)) {
		if (path_slug(req->path, RESOURCE_PATH, slug,
		    sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), show_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		ctx->gedaan = "";
		if (http_argument_get_string(req, "gedaan", &v))
			ctx->gedaan = v;
		article_rows_init(&ctx->rows);
		db_start(req, &ctx->db, NULL, NULL, show_start);
	}
	return (db_run(req));
}

/* Visitors: first the content generation, for the page cache. */
static int
show_start(struct http_request *req, struct db_ctx *db)
{
	if (!db->user.loaded)
		return (db_chain(req, db, &q_content_gen, gen_row, gen_done));
	return (show_query(req, db));
}

static int
show_query(struct http_request *req, struct db_ctx *db)
{
	struct rshow_ctx	*ctx = (struct rshow_ctx *)db;

	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	return (db_chain(req, db, &q_resource_page, show_row, show_done));
}

static void
gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rshow_ctx	*ctx = (struct rshow_ctx *)db;
	char			*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
gen_done(struct http_request *req, struct db_ctx *db)
{
	struct rshow_ctx	*ctx = (struct rshow_ctx *)db;
	int			 n;

	/* Nothing on the page depends on the day: no date in the key. */
	n = snprintf(ctx->key, sizeof(ctx->key), "bron/%s %s", ctx->slug,
	    i18n_code(ctx->loc));
	if (!ctx->gen_ok || n < 0 || (size_t)n >= sizeof(ctx->key)) {
		ctx->gen_ok = 0;
		return (show_query(req, db));
	}
	if (!view_cached(req, ctx->loc, ctx->key, ctx->gen, RESOURCE_PATH))
		return (show_query(req, db));
	return (HTTP_STATE_COMPLETE);
}

static void
show_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rshow_ctx	*ctx = (struct rshow_ctx *)db;

	article_rows_add(&ctx->rows, sql, r);
}

static int
show_done(struct http_request *req, struct db_ctx *db)
{
	struct rshow_ctx	*ctx = (struct rshow_ctx *)db;
	struct sbuf		 main, title;

	if (article_rows_first(&ctx->rows, QA_ARTICLE) == NULL) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&main);
	sbuf_init(&title);
	if (personal(&main, ctx) == -1 ||
	    resource_main(&main, &title, ctx->loc, &ctx->rows) == -1) {
		resp_error(req, 500);
	} else {
		/* A visitor's page has nothing personal in it. */
		if (!db->user.loaded && ctx->gen_ok)
			pcache_put(ctx->key, ctx->gen, main.data, main.len,
			    sbuf_cstr(&title));
		view_page_main(req, 200, ctx->loc, sbuf_cstr(&title),
		    RESOURCE_PATH, &main);
	}
	sbuf_free(&main);
	sbuf_free(&title);
	return (HTTP_STATE_COMPLETE);
}

/*
 * What depends on who reads: nothing for visitors; for people signed in
 * the notice of what they just did, and for those who may act on the
 * resource its status, the editors' feedback, what it still lacks and
 * the action bar; for every reader of a published resource the follow
 * button and the "Melden" link.
 */
static int
personal(struct sbuf *out, struct rshow_ctx *ctx)
{
	const struct article_row	*a, *p, *x;
	const char			*status;
	struct sbuf			 s;
	size_t				 i;
	int				 rc, may_edit;

	if (!ctx->db.user.loaded)
		return (0);
	a = article_rows_first(&ctx->rows, QA_ARTICLE);
	p = article_rows_first(&ctx->rows, QA_PERSONAL);
	x = article_rows_first(&ctx->rows, QR_RES);
	if (a == NULL || p == NULL)
		return (-1);
	rc = 0;
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

	/* Hidden by a moderator: only authors and moderators get here. */
	if (strcmp(resource_col(p, 6), "true") == 0) {
		const char	*args[1];

		sbuf_init(&s);
		args[0] = resource_col(p, 7);
		i18n_fmt(&s, i18n_get(ctx->loc, MSG_rs_status_hidden),
		    args, 1);
		rc |= banner(out, ctx->loc, MSG_article_st_hidden,
		    sbuf_cstr(&s));
		sbuf_free(&s);
	}
	status = resource_col(a, 5);
	if (strcmp(status, "ter_review") == 0)
		rc |= banner(out, ctx->loc, MSG_article_st_ter_review,
		    i18n_get(ctx->loc, MSG_rs_status_ter_review));
	else if (strcmp(status, "gearchiveerd") == 0)
		rc |= banner(out, ctx->loc, MSG_article_st_gearchiveerd,
		    i18n_get(ctx->loc, MSG_rs_status_gearchiveerd));
	else if (strcmp(status, "gepubliceerd") != 0)
		rc |= banner(out, ctx->loc, MSG_article_st_concept,
		    i18n_get(ctx->loc, MSG_rs_status_concept));

	may_edit = strcmp(resource_col(p, 1), "true") == 0;
	/* Sent back: a concept again, with the editors' feedback. */
	if (may_edit && *resource_col(p, 0) != '\0' &&
	    strcmp(status, "concept") == 0) {
		const struct tpl_bind	b[] = {
			{ "feedback", resource_col(p, 0), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_resource_show_feedback, ctx->loc,
		    b, NBINDS(b));
	}
	/* Neither a file nor a link: it cannot go to the editors yet. */
	if (may_edit && strstr(resource_col(x, 5), "inhoud") != NULL)
		rc |= view_append(out, VIEW_resource_show_missing, ctx->loc,
		    NULL, 0);
	rc |= actions(out, ctx, a, p);

	/* Any reader of a published resource may follow and report it. */
	if (strcmp(status, "gepubliceerd") == 0) {
		const struct article_row	*f;

		f = article_rows_first(&ctx->rows, QR_FOLLOW);
		sbuf_init(&s);
		sbuf_printf(&s, RESOURCE_PATH "/%s", resource_col(a, 7));
		follow_button(out, ctx->loc, ctx->db.user.csrf, "item",
		    resource_col(p, 5), strcmp(resource_col(f, 0),
		    "true") == 0, sbuf_cstr(&s));
		sbuf_free(&s);
		rc |= flag_link(out, ctx->loc, "item", resource_col(p, 5));
	}
	return (rc == 0 ? 0 : -1);
}

static int
banner(struct sbuf *out, enum locale loc, enum msg_id label, const char *text)
{
	const struct tpl_bind	b[] = {
		{ "label", i18n_get(loc, label), TPL_TEXT },
		{ "text", text, TPL_TEXT },
	};

	return (view_append(out, VIEW_article_banner, loc, b, NBINDS(b)));
}

/*
 * The action bar: what item_transition() would allow this reader. Only
 * editors move a resource (archive, put back, review); its owner or an
 * author edits and sends in a suggestion while it is a concept
 * (resource_may_edit()). The handlers behind it and the SQL decide
 * again.
 */
static int
actions(struct sbuf *out, struct rshow_ctx *ctx, const struct article_row *a,
    const struct article_row *p)
{
	struct item_actions	ia;
	struct sbuf		base;
	int			rc;

	sbuf_init(&base);
	sbuf_printf(&base, RESOURCE_PATH "/%s", resource_col(a, 7));
	memset(&ia, 0, sizeof(ia));
	ia.base = sbuf_cstr(&base);
	ia.status = resource_col(a, 5);
	ia.csrf = ctx->db.user.csrf;
	ia.may_edit = strcmp(resource_col(p, 1), "true") == 0;
	ia.owner = 0;
	ia.editor = strcmp(resource_col(p, 3), "true") == 0;
	ia.label = MSG_rs_actions_label;
	rc = item_actions(out, ctx->loc, &ia);
	sbuf_free(&base);
	return (rc);
}

static void
show_free(struct http_request *req)
{
	struct rshow_ctx	*ctx = http_state_get(req);

	article_rows_free(&ctx->rows);
}
