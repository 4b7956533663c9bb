/*
 * /gemeenschappen: the communities the reader may see, by name, 20 a
 * page (?pagina=N). Public and members-only communities are listed to
 * everyone; a closed one only to its members, the people it invited or
 * who asked to join, and editors (community_may_see in SQL), so to
 * anyone else it does not exist. Each entry: name, summary, who can read
 * along, how to join, the member count and the reader's own state.
 * Editors get a "Nieuwe gemeenschap" link. Not cached: the list depends
 * on the reader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_community.h"
#include "web/auth.h"
#include "web/community.h"
#include "web/resp.h"
#include "web/view.h"

struct cl_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	long		 page;
	char		 offset[24];
	char		 limit[24];
	char		 total[24];
	char		*done;		/* ?gedaan= */
	struct sbuf	 rows;
};

static int	cl_session(struct http_request *, struct db_ctx *);
static void	cl_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cl_done(struct http_request *, struct db_ctx *);
static void	cl_free(struct http_request *);

int
community_list(struct http_request *req)
{
	struct cl_ctx	*ctx;

	if (!http_state_exists(req)) {
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), cl_free);
		ctx->loc = resp_locale(req);
		ctx->page = comm_page(req);
		(void)http_argument_get_string(req, "gedaan", &ctx->done);
		sbuf_init(&ctx->rows);
		db_start(req, &ctx->db, NULL, NULL, cl_session);
	}
	return (db_run(req));
}

static int
cl_session(struct http_request *req, struct db_ctx *db)
{
	struct cl_ctx	*ctx = (struct cl_ctx *)db;

	(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
	    (ctx->page - 1) * QCM_PER_PAGE);
	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d", QCM_PER_PAGE);
	db->params[0] = db->user.loaded ? db->user.id : "";
	db->params[1] = ctx->offset;
	db->params[2] = ctx->limit;
	return (db_chain(req, db, &q_community_index, cl_row, cl_done));
}

static void
cl_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cl_ctx	*ctx = (struct cl_ctx *)db;
	struct sbuf	 members, badge;
	const char	*state, *mine, *args[1];

	(void)kore_strlcpy(ctx->total, db_text(sql, r, QCL_TOTAL),
	    sizeof(ctx->total));
	state = db_text(sql, r, QCL_STATE);
	if (strcmp(state, "lid") == 0)
		mine = i18n_get(ctx->loc,
		    comm_bool(db_text(sql, r, QCL_MODERATOR)) ?
		    MSG_comm_you_moderator : MSG_comm_you_member);
	else if (strcmp(state, "aanvraag") == 0)
		mine = i18n_get(ctx->loc, MSG_comm_you_request);
	else if (strcmp(state, "uitgenodigd") == 0)
		mine = i18n_get(ctx->loc, MSG_comm_you_invited);
	else
		mine = "";
	sbuf_init(&members);
	sbuf_init(&badge);
	if (*mine != '\0') {
		const struct tpl_bind	b[] = {
			{ "text", mine, TPL_TEXT },
		};
		if (view_append(&badge, VIEW_community_badge, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	args[0] = db_text(sql, r, QCL_MEMBERS);
	i18n_fmt(&members, i18n_get(ctx->loc, MSG_comm_members_count), args,
	    1);
	{
		const struct tpl_bind	b[] = {
			{ "slug", db_text(sql, r, QCL_SLUG), TPL_TEXT },
			{ "name", db_text(sql, r, QCL_NAME), TPL_TEXT },
			{ "summary", db_text(sql, r, QCL_SUMMARY), TPL_TEXT },
			{ "visibility", comm_vis_label(ctx->loc,
			    db_text(sql, r, QCL_VISIBILITY)), TPL_TEXT },
			{ "membership", comm_mem_label(ctx->loc,
			    db_text(sql, r, QCL_MEMBERSHIP)), TPL_TEXT },
			{ "members", sbuf_cstr(&members), TPL_TEXT },
			{ "mine", sbuf_cstr(&badge), TPL_TRUSTED_HTML },
		};
		if (view_append(&ctx->rows, VIEW_community_row, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	sbuf_free(&members);
	sbuf_free(&badge);
}

static int
cl_done(struct http_request *req, struct db_ctx *db)
{
	struct cl_ctx	*ctx = (struct cl_ctx *)db;
	struct sbuf	 list, pager, notice, newlink, count;
	const char	*args[1];
	long		 total;
	int		 rc;

	sbuf_init(&list);
	sbuf_init(&pager);
	sbuf_init(&notice);
	sbuf_init(&newlink);
	sbuf_init(&count);
	rc = comm_notice(&notice, ctx->loc, ctx->done);
	total = strtol(ctx->total, NULL, 10);
	if (db->nrows > 0) {
		struct sbuf	text;

		sbuf_init(&text);
		args[0] = ctx->total;
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_comm_list_count),
		    args, 1);
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
		};
		rc |= view_append(&count, VIEW_community_text, ctx->loc, b,
		    NBINDS(b));
		sbuf_free(&text);
	}
	rc |= view_rows_or_empty(&list, &ctx->rows, db->nrows, ctx->loc,
	    MSG_communities_empty);
	rc |= comm_pager(&pager, ctx->loc, "/gemeenschappen", ctx->page,
	    total, QCM_PER_PAGE, db->nrows);
	if (db->user.loaded && (db->user.role == ROLE_REDACTEUR ||
	    db->user.role == ROLE_BEHEERDER)) {
		const struct tpl_bind	b[] = {
			{ "href", "/gemeenschappen/nieuw", TPL_TEXT },
			{ "label", i18n_get(ctx->loc, MSG_comm_new_link),
			    TPL_TEXT },
		};
		rc |= view_append(&newlink, VIEW_community_link, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "new_link", sbuf_cstr(&newlink), TPL_TRUSTED_HTML },
			{ "count", sbuf_cstr(&count), TPL_TRUSTED_HTML },
			{ "list", sbuf_cstr(&list), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc,
		    i18n_get(ctx->loc, MSG_nav_communities),
		    "/gemeenschappen", VIEW_community_list, b, NBINDS(b));
	}
	sbuf_free(&list);
	sbuf_free(&pager);
	sbuf_free(&notice);
	sbuf_free(&newlink);
	sbuf_free(&count);
	return (HTTP_STATE_COMPLETE);
}

static void
cl_free(struct http_request *req)
{
	struct cl_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->rows);
}
