/*
 * The revisions of an article (issue 5) or a pilot (issue 7):
 *
 *   GET  /{artikelen,pilots}/<slug>/geschiedenis   every revision, newest
 *                                                  first, a compare form
 *                                                  (van, naar) and a
 *                                                  restore button per old
 *                                                  one
 *
 * The diff is web/article_diff.c, a revision's source
 * web/article_revision.c, restoring (a write) web/article_flow.c; the
 * helpers they share are here (web/history.h). Only those who may edit
 * the item (authors, owner, editors: item_may_edit() in SQL) see
 * revisions; others get 403 on a published item and 404 on any other,
 * so drafts stay unknown. Visitors are sent to sign in for a published
 * one (they may be its author).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/html.h"
#include "db/q_flow.h"
#include "web/auth.h"
#include "web/history.h"
#include "web/resp.h"
#include "web/view.h"

struct hi_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 badslug;
	struct hist_head h;
	struct sbuf	 rows;
	struct sbuf	 forms;
	int		 nrev;
};

static int	hi_start(struct http_request *, struct db_ctx *);
static void	hi_row(struct db_ctx *, struct kore_pgsql *, int);
static int	hi_done(struct http_request *, struct db_ctx *);
static void	hi_free(struct http_request *);

/* ---- shared (web/history.h) -------------------------------------------- */

void
hist_head_row(struct hist_head *h, const char *slug, struct kore_pgsql *sql,
    int r)
{
	if (h->found)
		return;
	h->found = 1;
	h->title = kore_strdup(db_text(sql, r, QFH_TITLE));
	(void)kore_strlcpy(h->status, db_text(sql, r, QFH_STATUS),
	    sizeof(h->status));
	h->revision = strtol(db_text(sql, r, QFH_REVISION), NULL, 10);
	h->may = strcmp(db_text(sql, r, QFH_MAY), "t") == 0;
	h->readable = strcmp(db_text(sql, r, QFH_READABLE), "t") == 0;
	h->editor = strcmp(db_text(sql, r, QFH_EDITOR), "t") == 0;
	(void)snprintf(h->href, sizeof(h->href), "%s/%s", h->fk->path, slug);
	(void)snprintf(h->hist, sizeof(h->hist), "%s/%s/geschiedenis",
	    h->fk->path, slug);
}

void
hist_head_free(struct hist_head *h)
{
	kore_free(h->title);
	h->title = NULL;
}

int
hist_refuse(struct http_request *req, struct db_ctx *db, enum locale loc,
    struct hist_head *h)
{
	int	published;

	if (h->found && h->may)
		return (0);
	published = h->found && strcmp(h->status, "gepubliceerd") == 0;
	/* What the reader may read exists for them: say no, not "gone". */
	if (!published && !(h->found && h->readable && db->user.loaded))
		resp_error(req, 404);
	else if (!db->user.loaded)
		(void)auth_require(req, db, ROLE_LID);
	else
		(void)flow_page(req, loc, 403, MSG_flow_denied_title,
		    h->fk->history_denied, h->href, h->fk->back_item);
	return (1);
}

const char *
hist_author_name(enum locale loc, struct kore_pgsql *sql, int r)
{
	if (db_isnull(sql, r, QFH_AUTHOR_ID))
		return (i18n_get(loc, MSG_flow_no_authors));	/* imported */
	if (db_isnull(sql, r, QFH_AUTHOR_NAME))
		return (i18n_get(loc, MSG_former_member));
	return (db_text(sql, r, QFH_AUTHOR_NAME));
}

int
hist_author(struct sbuf *out, enum locale loc, struct kore_pgsql *sql, int r)
{
	struct sbuf	 href;
	const char	*name;
	int		 rc;

	name = hist_author_name(loc, sql, r);
	if (db_isnull(sql, r, QFH_AUTHOR_ID) ||
	    db_isnull(sql, r, QFH_AUTHOR_NAME)) {
		html_text(out, name, strlen(name));
		return (0);
	}
	sbuf_init(&href);
	sbuf_printf(&href, "/mensen/%s", db_text(sql, r, QFH_AUTHOR_ID));
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", name, TPL_TEXT },
		};
		rc = view_append(out, VIEW_admin_link, loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	return (rc);
}

void
hist_fmt(struct sbuf *out, enum locale loc, enum msg_id m, const char *a,
    const char *b)
{
	const char	*args[2];

	args[0] = a;
	args[1] = b != NULL ? b : "";
	i18n_fmt(out, i18n_get(loc, m), args, 2);
}

/* ---- GET /<kind>/<slug>/geschiedenis ------------------------------------ */

int
article_history(struct http_request *req)
{
	struct hi_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), hi_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->rows);
		sbuf_init(&ctx->forms);
		ctx->badslug = flow_target(req->path, &ctx->h.fk, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		db_start(req, &ctx->db, NULL, NULL, hi_start);
	}
	return (db_run(req));
}

static int
hi_start(struct http_request *req, struct db_ctx *db)
{
	struct hi_ctx	*ctx = (struct hi_ctx *)db;

	if (ctx->badslug) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	db->params[2] = ctx->h.fk->kind;
	return (db_chain(req, db, &q_flow_history, hi_row, hi_done));
}

static void
hi_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	static const char	 checked[] = " checked";
	struct hi_ctx		*ctx = (struct hi_ctx *)db;
	struct sbuf		 ver, cur, restored, author, from, to;
	struct sbuf		 rest, lbl;
	const char		*rev, *kpath;
	long			 n;
	int			 rc, pick;

	hist_head_row(&ctx->h, ctx->slug, sql, r);
	if (!ctx->h.may || db_isnull(sql, r, QFH_REV))
		return;
	ctx->nrev++;
	kpath = ctx->h.fk->path;
	rev = db_text(sql, r, QFH_REV);
	n = strtol(rev, NULL, 10);
	pick = kore_pgsql_ntuples(sql) > 1;
	sbuf_init(&ver);
	sbuf_init(&cur);
	sbuf_init(&restored);
	sbuf_init(&author);
	sbuf_init(&from);
	sbuf_init(&to);
	sbuf_init(&rest);
	sbuf_init(&lbl);
	hist_fmt(&ver, ctx->loc, MSG_flow_version_n, rev, NULL);
	if (n == ctx->h.revision)
		sbuf_puts(&cur, i18n_get(ctx->loc, MSG_flow_current));
	if (!db_isnull(sql, r, QFH_RESTORED))
		hist_fmt(&restored, ctx->loc, MSG_flow_restored_from,
		    db_text(sql, r, QFH_RESTORED), NULL);
	rc = hist_author(&author, ctx->loc, sql, r);
	if (pick) {
		/* Newest first: "to" the newest, "from" the one before. */
		hist_fmt(&lbl, ctx->loc, MSG_flow_compare_from, rev, NULL);
		const struct tpl_bind	bf[] = {
			{ "name", "van", TPL_TEXT },
			{ "rev", rev, TPL_TEXT },
			{ "checked", r == 1 ? checked : "", TPL_TRUSTED_HTML },
			{ "label", sbuf_cstr(&lbl), TPL_TEXT },
		};
		rc |= view_append(&from, VIEW_history_radio, ctx->loc, bf,
		    NBINDS(bf));
		sbuf_reset(&lbl);
		hist_fmt(&lbl, ctx->loc, MSG_flow_compare_to, rev, NULL);
		const struct tpl_bind	bt[] = {
			{ "name", "naar", TPL_TEXT },
			{ "rev", rev, TPL_TEXT },
			{ "checked", r == 0 ? checked : "", TPL_TRUSTED_HTML },
			{ "label", sbuf_cstr(&lbl), TPL_TEXT },
		};
		rc |= view_append(&to, VIEW_history_radio, ctx->loc, bt,
		    NBINDS(bt));
	}
	/* Archived items: only editors may save (item_save). */
	if (n != ctx->h.revision && (ctx->h.editor ||
	    strcmp(ctx->h.status, "gearchiveerd") != 0)) {
		char	base[24];

		(void)snprintf(base, sizeof(base), "%ld", ctx->h.revision);
		sbuf_reset(&lbl);
		hist_fmt(&lbl, ctx->loc, MSG_flow_restore_button, rev, NULL);
		const struct tpl_bind	bb[] = {
			{ "rev", rev, TPL_TEXT },
			{ "label", sbuf_cstr(&lbl), TPL_TEXT },
		};
		rc |= view_append(&rest, VIEW_history_restore_button,
		    ctx->loc, bb, NBINDS(bb));
		const struct tpl_bind	fb[] = {
			{ "rev", rev, TPL_TEXT },
			{ "kpath", kpath, TPL_TEXT },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "csrf", db->user.csrf, TPL_TEXT },
			{ "base", base, TPL_TEXT },
		};
		rc |= view_append(&ctx->forms, VIEW_history_restore_form,
		    ctx->loc, fb, NBINDS(fb));
	}
	{
		const struct tpl_bind	b[] = {
			{ "kpath", kpath, TPL_TEXT },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "rev", rev, TPL_TEXT },
			{ "version", sbuf_cstr(&ver), TPL_TEXT },
			{ "current", sbuf_cstr(&cur), TPL_TEXT },
			{ "at", db_text(sql, r, QFH_AT), TPL_TEXT },
			{ "at_shown", db_text(sql, r, QFH_AT_SHOWN), TPL_TEXT },
			{ "author", sbuf_cstr(&author), TPL_TRUSTED_HTML },
			{ "note", db_text(sql, r, QFH_NOTE), TPL_TEXT },
			{ "restored", sbuf_cstr(&restored), TPL_TEXT },
			{ "from", sbuf_cstr(&from), TPL_TRUSTED_HTML },
			{ "to", sbuf_cstr(&to), TPL_TRUSTED_HTML },
			{ "restore", sbuf_cstr(&rest), TPL_TRUSTED_HTML },
		};
		if (rc != 0 || view_append(&ctx->rows, VIEW_history_row,
		    ctx->loc, b, NBINDS(b)) != 0)
			db->failed = 1;
	}
	sbuf_free(&ver);
	sbuf_free(&cur);
	sbuf_free(&restored);
	sbuf_free(&author);
	sbuf_free(&from);
	sbuf_free(&to);
	sbuf_free(&rest);
	sbuf_free(&lbl);
}

static int
hi_done(struct http_request *req, struct db_ctx *db)
{
	struct hi_ctx	*ctx = (struct hi_ctx *)db;
	struct sbuf	 title, hint, button;
	int		 rc;

	if (hist_refuse(req, db, ctx->loc, &ctx->h))
		return (HTTP_STATE_COMPLETE);
	sbuf_init(&title);
	sbuf_init(&hint);
	sbuf_init(&button);
	hist_fmt(&title, ctx->loc, MSG_flow_history_title, ctx->h.title, NULL);
	if (ctx->nrev > 1) {
		rc = view_append(&hint, VIEW_history_compare_hint, ctx->loc,
		    NULL, 0);
		rc |= view_append(&button, VIEW_history_compare_button,
		    ctx->loc, NULL, 0);
	} else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, ctx->h.fk->one_version),
			    TPL_TEXT },
		};
		rc = view_append(&hint, VIEW_empty, ctx->loc, b, NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "title", ctx->h.title, TPL_TEXT },
			{ "intro", i18n_get(ctx->loc, ctx->h.fk->history_intro),
			    TPL_TEXT },
			{ "kpath", ctx->h.fk->path, TPL_TEXT },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "back_label", i18n_get(ctx->loc,
			    ctx->h.fk->back_item), TPL_TEXT },
			{ "compare_hint", sbuf_cstr(&hint), TPL_TRUSTED_HTML },
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
			{ "compare_button", sbuf_cstr(&button),
			    TPL_TRUSTED_HTML },
			{ "restore_forms", sbuf_cstr(&ctx->forms),
			    TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc, sbuf_cstr(&title),
		    ctx->h.fk->path, VIEW_history, b, NBINDS(b));
	}
	sbuf_free(&title);
	sbuf_free(&hint);
	sbuf_free(&button);
	return (HTTP_STATE_COMPLETE);
}

static void
hi_free(struct http_request *req)
{
	struct hi_ctx	*ctx = http_state_get(req);

	hist_head_free(&ctx->h);
	sbuf_free(&ctx->rows);
	sbuf_free(&ctx->forms);
}
