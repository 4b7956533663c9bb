/*
 * GET /berichten/<id>/geschiedenis
 *
 * Every version of a post, newest first (the newest QT_HISTORY_MAX),
 * each with its date and who saved it, and what changed from the
 * version before (diff_html); the first version shows its text. The
 * "bewerkt" link of the topic page leads here.
 *
 * Who: whoever may read the post on the topic page (may_read of the
 * community; a hidden post only its author and the moderators, like
 * its text). Outsiders of a closed community get 404, of a
 * members-only one the members-only page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/diff.h"
#include "db/q_topic.h"
#include "web/resp.h"
#include "web/topic.h"
#include "web/view.h"

#define PH_PREFIX	"/berichten/"

struct ph_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	char			 id[TOPIC_ID_MAX + 1];
	int			 bad;
	struct topic_comm	 comm;
	int			 found;
	int			 shown;
	long			 n;
	char			 topic[24];
	char			*title;
	int			 nrev;
	struct sbuf		 rows;
	struct sbuf		 fold;
};

static int	ph_session(struct http_request *, struct db_ctx *);
static void	ph_row(struct db_ctx *, struct kore_pgsql *, int);
static int	ph_rev(struct ph_ctx *, struct kore_pgsql *, int);
static int	ph_done(struct http_request *, struct db_ctx *);
static void	ph_free(struct http_request *);

int
post_history(struct http_request *req)
{
	struct ph_ctx	*ctx;
	const char	*p;
	const char	*zu[1] = { "%zu" };

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), ph_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->rows);
		sbuf_init(&ctx->fold);
		/* diff_html takes a printf format; messages hold only %s. */
		i18n_fmt(&ctx->fold, i18n_get(ctx->loc, MSG_topic_diff_fold),
		    zu, 1);
		if (strncmp(req->path, PH_PREFIX, strlen(PH_PREFIX)) != 0 ||
		    topic_id_at(req->path + strlen(PH_PREFIX), ctx->id,
		    sizeof(ctx->id), &p) == -1 ||
		    strcmp(p, "/geschiedenis") != 0)
			ctx->bad = 1;
		db_start(req, &ctx->db, NULL, NULL, ph_session);
	}
	return (db_run(req));
}

static int
ph_session(struct http_request *req, struct db_ctx *db)
{
	struct ph_ctx	*ctx = (struct ph_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_post_history, ph_row, ph_done));
}

static void
ph_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct ph_ctx	*ctx = (struct ph_ctx *)db;

	topic_comm_read(&ctx->comm, sql, r);
	if (!ctx->found) {
		ctx->found = 1;
		ctx->shown = strcmp(db_text(sql, r, QT_H_SHOWN), "t") == 0;
		ctx->n = atol(db_text(sql, r, QT_H_N));
		(void)kore_strlcpy(ctx->topic, db_text(sql, r, QT_H_TOPIC),
		    sizeof(ctx->topic));
		ctx->title = kore_strdup(db_text(sql, r, QT_H_TITLE));
	}
	if (!ctx->shown || db_isnull(sql, r, QT_H_REV))
		return;
	if (ph_rev(ctx, sql, r) == -1)
		db->failed = 1;
}

/* One version: when, by whom, and what changed (or its first text). */
static int
ph_rev(struct ph_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 editor, change, heading;
	const char	*body, *prev, *args[1];
	int		 rc;

	ctx->nrev++;
	sbuf_init(&editor);
	sbuf_init(&change);
	sbuf_init(&heading);
	rc = 0;
	topic_author(&editor, ctx->loc, db_text(sql, r, QT_H_EDITOR_ID),
	    db_text(sql, r, QT_H_EDITOR));
	args[0] = db_text(sql, r, QT_H_REV);
	i18n_fmt(&heading, i18n_get(ctx->loc, MSG_post_history_version),
	    args, 1);
	body = db_text(sql, r, QT_H_BODY);
	if (db_isnull(sql, r, QT_H_PREV)) {
		const struct tpl_bind	b[] = {
			{ "body", body, TPL_TEXT },
		};
		rc |= view_append(&change, VIEW_post_history_first, ctx->loc,
		    b, NBINDS(b));
	} else {
		struct sbuf	diff;

		sbuf_init(&diff);
		prev = db_text(sql, r, QT_H_PREV);
		(void)diff_html(&diff, prev, strlen(prev), body, strlen(body),
		    sbuf_cstr(&ctx->fold), NULL);
		{
			const struct tpl_bind	b[] = {
				{ "rev", db_text(sql, r, QT_H_REV), TPL_TEXT },
				{ "diff", sbuf_cstr(&diff), TPL_TRUSTED_HTML },
				{ "body", body, TPL_TEXT },
			};
			rc |= view_append(&change, VIEW_post_history_diff,
			    ctx->loc, b, NBINDS(b));
		}
		sbuf_free(&diff);
	}
	{
		const struct tpl_bind	b[] = {
			{ "rev", db_text(sql, r, QT_H_REV), TPL_TEXT },
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "at", db_text(sql, r, QT_H_AT_ISO), TPL_TEXT },
			{ "at_shown", db_text(sql, r, QT_H_AT), TPL_TEXT },
			{ "editor", sbuf_cstr(&editor), TPL_TRUSTED_HTML },
			{ "change", sbuf_cstr(&change), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->rows, VIEW_post_history_row, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&editor);
	sbuf_free(&change);
	sbuf_free(&heading);
	return (rc);
}

static int
ph_done(struct http_request *req, struct db_ctx *db)
{
	struct ph_ctx	*ctx = (struct ph_ctx *)db;
	struct sbuf	 back, lead, heading;
	const char	*args[2];
	char		 n[24];

	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!topic_gate(req, ctx->loc, &ctx->comm))
		return (HTTP_STATE_COMPLETE);
	if (!ctx->shown || ctx->nrev == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (db->failed) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&back);
	sbuf_init(&lead);
	sbuf_init(&heading);
	sbuf_printf(&back, "/gemeenschappen/%s/gesprekken/%s", ctx->comm.slug,
	    ctx->topic);
	if (ctx->n > QT_PER_PAGE)
		sbuf_printf(&back, "?pagina=%ld", (ctx->n - 1) / QT_PER_PAGE + 1);
	sbuf_printf(&back, "#bericht-%ld", ctx->n);
	(void)snprintf(n, sizeof(n), "%ld", ctx->n);
	args[0] = n;
	args[1] = ctx->title;
	i18n_fmt(&heading, i18n_get(ctx->loc, MSG_post_history_title), args,
	    1);
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_post_history_lead), args, 2);
	{
		const struct tpl_bind	b[] = {
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc, sbuf_cstr(&heading),
		    "/gemeenschappen", VIEW_post_history, b, NBINDS(b));
	}
	sbuf_free(&back);
	sbuf_free(&lead);
	sbuf_free(&heading);
	return (HTTP_STATE_COMPLETE);
}

static void
ph_free(struct http_request *req)
{
	struct ph_ctx	*ctx = http_state_get(req);

	topic_comm_free(&ctx->comm);
	kore_free(ctx->title);
	sbuf_free(&ctx->rows);
	sbuf_free(&ctx->fold);
}
