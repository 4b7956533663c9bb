/*
 * GET /gemeenschappen/<slug>/gesprekken   ?pagina=N
 *
 * The discussions of a community, 20 a page: pinned ones first, then
 * by last activity; each with its author, number of replies, last
 * activity and the pinned / closed markers. "Nieuw gesprek" for those
 * who may post. A hidden discussion (its opening post was hidden) is
 * listed only to the moderators and its author, marked.
 *
 * Outsiders of a closed community get 404; others who may not read
 * (members-only) get the members-only page (web/topic.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_topic.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/pager.h"
#include "web/topic.h"
#include "web/view.h"

#define TL_PREFIX	"/gemeenschappen/"

struct tl_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	char			 slug[PATH_SLUG_MAX + 1];
	char			 page_s[24];
	long			 page;
	long			 total;
	int			 ntopics;
	int			 bad;
	struct topic_comm	 comm;
	struct sbuf		 rows;
};

static void	tl_row(struct db_ctx *, struct kore_pgsql *, int);
static void	tl_mark(struct sbuf *, struct tl_ctx *, struct kore_pgsql *,
		    int, int, enum msg_id);
static int	tl_session(struct http_request *, struct db_ctx *);
static int	tl_done(struct http_request *, struct db_ctx *);
static void	tl_free(struct http_request *);

int
topic_list(struct http_request *req)
{
	struct tl_ctx	*ctx;

	if (!http_state_exists(req)) {
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), tl_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->rows);
		if (path_slug_seg(req->path, TL_PREFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1 ||
		    path_query_args(req->query_string) > 2 ||
		    !topic_page_arg(req, &ctx->page))
			ctx->bad = 1;
		(void)snprintf(ctx->page_s, sizeof(ctx->page_s), "%ld",
		    ctx->page);
		ctx->db.params[0] = ctx->slug;
		ctx->db.params[2] = ctx->page_s;
		db_start(req, &ctx->db, NULL, NULL, tl_session);
	}
	return (db_run(req));
}

static void
tl_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct tl_ctx	*ctx = (struct tl_ctx *)db;
	struct sbuf	 author, href, marks;
	const char	*id;

	topic_comm_read(&ctx->comm, sql, r);
	if (db_isnull(sql, r, QT_L_ID))
		return;
	ctx->ntopics++;
	ctx->total = atol(db_text(sql, r, QT_L_TOTAL));
	id = db_text(sql, r, QT_L_ID);
	sbuf_init(&author);
	sbuf_init(&href);
	sbuf_init(&marks);
	topic_author(&author, ctx->loc, db_text(sql, r, QT_L_AUTHOR_ID),
	    db_text(sql, r, QT_L_AUTHOR));
	sbuf_printf(&href, "/gemeenschappen/%s/gesprekken/%s", ctx->slug, id);
	tl_mark(&marks, ctx, sql, r, QT_L_PINNED, MSG_topic_mark_pinned);
	tl_mark(&marks, ctx, sql, r, QT_L_CLOSED, MSG_topic_mark_closed);
	tl_mark(&marks, ctx, sql, r, QT_L_HIDDEN, MSG_topic_mark_hidden);
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", db_text(sql, r, QT_L_TITLE), TPL_TEXT },
			{ "marks", sbuf_cstr(&marks), TPL_TRUSTED_HTML },
			{ "author", sbuf_cstr(&author), TPL_TRUSTED_HTML },
			{ "replies", db_text(sql, r, QT_L_REPLIES), TPL_TEXT },
			{ "at", db_text(sql, r, QT_L_LAST_ISO), TPL_TEXT },
			{ "at_shown", db_text(sql, r, QT_L_LAST), TPL_TEXT },
		};
		if (view_append(&ctx->rows, VIEW_topic_row, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	sbuf_free(&marks);
	sbuf_free(&author);
	sbuf_free(&href);
}

/* The session is known: now the page. */
static int
tl_session(struct http_request *req, struct db_ctx *db)
{
	struct tl_ctx	*ctx = (struct tl_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_topic_list, tl_row, tl_done));
}

/* The word for a true boolean column ("Vastgezet", "Gesloten", ...). */
static void
tl_mark(struct sbuf *out, struct tl_ctx *ctx, struct kore_pgsql *sql, int r,
    int col, enum msg_id msg)
{
	const struct tpl_bind	b[] = {
		{ "text", i18n_get(ctx->loc, msg), TPL_TEXT },
	};

	if (strcmp(db_text(sql, r, col), "t") != 0)
		return;
	if (view_append(out, VIEW_topic_mark, ctx->loc, b, NBINDS(b)) == -1)
		ctx->db.failed = 1;
}

static int
tl_done(struct http_request *req, struct db_ctx *db)
{
	struct tl_ctx	*ctx = (struct tl_ctx *)db;
	struct sbuf	 head, table, pager, base, intro;
	const char	*args[1];
	long		 pages;

	if (!topic_gate(req, ctx->loc, &ctx->comm))
		return (HTTP_STATE_COMPLETE);
	/* Past the last page there is nothing to show. */
	if (ctx->ntopics == 0 && ctx->page > 1) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&head);
	sbuf_init(&table);
	sbuf_init(&pager);
	sbuf_init(&base);
	sbuf_init(&intro);
	sbuf_printf(&base, "/gemeenschappen/%s/gesprekken", ctx->comm.slug);
	if (ctx->comm.post) {
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&base), TPL_TEXT },
		};
		(void)view_append(&head, VIEW_topic_new_link, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->ntopics == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, ctx->comm.post ?
			    MSG_topic_list_empty_member :
			    MSG_topic_list_empty), TPL_TEXT },
		};
		(void)view_append(&table, VIEW_topic_empty, ctx->loc, b,
		    NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
		};
		(void)view_append(&table, VIEW_topic_table, ctx->loc, b,
		    NBINDS(b));
	}
	pages = (ctx->total + QT_PER_LIST - 1) / QT_PER_LIST;
	if (pager_render(&pager, ctx->loc, sbuf_cstr(&base), ctx->page,
	    pages) == -1)
		db->failed = 1;
	args[0] = ctx->comm.name;
	i18n_fmt(&intro, i18n_get(ctx->loc, MSG_topic_list_intro), args, 1);
	if (db->failed) {
		resp_error(req, 500);
	} else {
		const struct tpl_bind	b[] = {
			{ "slug", ctx->comm.slug, TPL_TEXT },
			{ "name", ctx->comm.name, TPL_TEXT },
			{ "intro", sbuf_cstr(&intro), TPL_TEXT },
			{ "head", sbuf_cstr(&head), TPL_TRUSTED_HTML },
			{ "table", sbuf_cstr(&table), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
		};
		struct sbuf	title;

		sbuf_init(&title);
		i18n_fmt(&title, i18n_get(ctx->loc, MSG_topic_list_title),
		    args, 1);
		view_page(req, 200, ctx->loc, sbuf_cstr(&title),
		    "/gemeenschappen", VIEW_topic_list, b, NBINDS(b));
		sbuf_free(&title);
	}
	sbuf_free(&head);
	sbuf_free(&table);
	sbuf_free(&pager);
	sbuf_free(&base);
	sbuf_free(&intro);
	return (HTTP_STATE_COMPLETE);
}

static void
tl_free(struct http_request *req)
{
	struct tl_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->rows);
	topic_comm_free(&ctx->comm);
}
