/*
 * My actions (issue 8):
 *
 *   GET /account/acties   the reader's own actions (owner) in sessions
 *       whose minutes they may read: the open ones by due date, overdue
 *       ones marked, each with its series, session and a link to update
 *       it; then the last 20 closed ones
 *
 * Signed-in readers only (visitors go to sign in).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_mm_flow.h"
#include "web/auth.h"
#include "web/mm_flow.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

struct mmy_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	struct sbuf	 open;
	struct sbuf	 closed;
	int		 nopen;
	int		 nclosed;
};

static int	mmy_session(struct http_request *, struct db_ctx *);
static void	mmy_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mmy_done(struct http_request *, struct db_ctx *);
static int	mmy_table(struct sbuf *, enum locale, struct sbuf *, int,
		    enum view_id, enum msg_id);
static void	mmy_free(struct http_request *);

int
mm_my_actions(struct http_request *req)
{
	struct mmy_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mmy_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->open);
		sbuf_init(&ctx->closed);
		db_start(req, &ctx->db, NULL, NULL, mmy_session);
	}
	return (db_run(req));
}

static int
mmy_session(struct http_request *req, struct db_ctx *db)
{
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = db->user.id;
	return (db_chain(req, db, &q_mmf_mine, mmy_row, mmy_done));
}

static void
mmy_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mmy_ctx	*ctx = (struct mmy_ctx *)db;
	struct sbuf	 edit, series, due, status, closed;
	int		 open, overdue, rc = 0;
	const char	*d;

	open = strcmp(db_text(sql, r, QMY_T), "1") == 0;
	overdue = strcmp(db_text(sql, r, QMY_OVERDUE), "true") == 0;
	sbuf_init(&edit);
	sbuf_init(&series);
	sbuf_init(&due);
	sbuf_init(&status);
	sbuf_init(&closed);
	sbuf_printf(&edit, "/acties/%s", db_text(sql, r, QMY_ID));
	sbuf_printf(&series, MMF_PATH "/%s", db_text(sql, r,
	    QMY_SERIES_SLUG));
	d = db_text(sql, r, QMY_DUE);
	if (d[0] != '\0')
		rc |= row_time(&due, ctx->loc, d);
	else
		sbuf_puts(&due, i18n_get(ctx->loc, MSG_mmw_act_no_due));
	rc |= mmf_status(&status, ctx->loc, db_text(sql, r, QMY_STATUS),
	    overdue);
	d = db_text(sql, r, QMY_CLOSED_AT);
	if (d[0] != '\0')
		rc |= row_time(&closed, ctx->loc, d);
	{
		const struct tpl_bind	b[] = {
			{ "id", db_text(sql, r, QMY_ID), TPL_TEXT },
			{ "cls", overdue ? " class=\"mm-overdue-row\"" : "",
			    TPL_TRUSTED_HTML },
			{ "what", db_text(sql, r, QMY_WHAT), TPL_TEXT },
			{ "series_href", sbuf_cstr(&series), TPL_TEXT },
			{ "series", db_text(sql, r, QMY_SERIES), TPL_TEXT },
			{ "href", db_text(sql, r, QMY_HREF), TPL_TEXT },
			{ "title", db_text(sql, r, QMY_TITLE), TPL_TEXT },
			{ "due", sbuf_cstr(&due), TPL_TRUSTED_HTML },
			{ "status", sbuf_cstr(&status), TPL_TRUSTED_HTML },
			{ "edit", sbuf_cstr(&edit), TPL_TEXT },
			{ "closed", sbuf_cstr(&closed), TPL_TRUSTED_HTML },
			{ "note", db_text(sql, r, QMY_NOTE), TPL_TEXT },
		};
		if (open) {
			rc |= view_append(&ctx->open, VIEW_mm_my_open_row,
			    ctx->loc, b, NBINDS(b));
			ctx->nopen++;
		} else {
			rc |= view_append(&ctx->closed, VIEW_mm_my_closed_row,
			    ctx->loc, b, NBINDS(b));
			ctx->nclosed++;
		}
	}
	if (rc != 0)
		db->failed = 1;
	sbuf_free(&edit);
	sbuf_free(&series);
	sbuf_free(&due);
	sbuf_free(&status);
	sbuf_free(&closed);
}

static int
mmy_table(struct sbuf *out, enum locale loc, struct sbuf *rows, int n,
    enum view_id v, enum msg_id empty)
{
	if (n == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, empty), TPL_TEXT },
		};
		return (view_append(out, VIEW_mm_my_empty, loc, b,
		    NBINDS(b)));
	}
	{
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(rows), TPL_TRUSTED_HTML },
		};
		return (view_append(out, v, loc, b, NBINDS(b)));
	}
}

static int
mmy_done(struct http_request *req, struct db_ctx *db)
{
	struct mmy_ctx	*ctx = (struct mmy_ctx *)db;
	struct sbuf	 open, closed;
	int		 rc;

	sbuf_init(&open);
	sbuf_init(&closed);
	rc = mmy_table(&open, ctx->loc, &ctx->open, ctx->nopen,
	    VIEW_mm_my_open, MSG_mmw_my_none_open);
	rc |= mmy_table(&closed, ctx->loc, &ctx->closed, ctx->nclosed,
	    VIEW_mm_my_closed, MSG_mmw_my_none_closed);
	{
		const struct tpl_bind	b[] = {
			{ "open", sbuf_cstr(&open), TPL_TRUSTED_HTML },
			{ "closed", sbuf_cstr(&closed), TPL_TRUSTED_HTML },
		};
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, 200, ctx->loc, i18n_get(ctx->loc,
			    MSG_mmw_my_title), "/account/acties", VIEW_mm_my, b,
			    NBINDS(b));
	}
	sbuf_free(&open);
	sbuf_free(&closed);
	return (HTTP_STATE_COMPLETE);
}

static void
mmy_free(struct http_request *req)
{
	struct mmy_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->open);
	sbuf_free(&ctx->closed);
}
