/*
 * One revision's source, of an article or a pilot:
 *
 *   GET  /{artikelen,pilots}/<slug>/versies/<N>   title, summary and the
 *                                                 Markdown as saved; for
 *                                                 a pilot its fields as
 *                                                 labelled lines and the
 *                                                 Markdown of its texts
 *
 * Who may see revisions: web/article_history.c (hist_refuse).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "db/q_flow.h"
#include "web/auth.h"
#include "web/history.h"
#include "web/resp.h"
#include "web/view.h"

struct rv_src {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 badslug;
	long		 rev;
	char		 revs[24];
	struct hist_head h;
	int		 rev_found;
	char		*title;
	char		*summary;
	char		*body;
	char		*at;
	char		*at_shown;
	char		*note;
	struct sbuf	 author;
	struct flow_pf	 pf;
	long		 restored;
};

static int	rv_start(struct http_request *, struct db_ctx *);
static void	rv_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rv_pilot(struct sbuf *, struct rv_src *);
static int	rv_done(struct http_request *, struct db_ctx *);
static void	rv_free(struct http_request *);

/* ---- GET /<kind>/<slug>/versies/<N> ------------------------------------ */

int
article_revision(struct http_request *req)
{
	struct rv_src	*ctx;
	const char	*p;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), rv_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->author);
		ctx->restored = -1;
		ctx->badslug = flow_target(req->path, &ctx->h.fk, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		/* The route ends in /versies/[0-9]{1,9}. */
		ctx->rev = (p = strrchr(req->path, '/')) != NULL ?
		    flow_num(p + 1) : -1;
		db_start(req, &ctx->db, NULL, NULL, rv_start);
	}
	return (db_run(req));
}

static int
rv_start(struct http_request *req, struct db_ctx *db)
{
	struct rv_src	*ctx = (struct rv_src *)db;

	if (ctx->badslug || ctx->rev < 1) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	(void)snprintf(ctx->revs, sizeof(ctx->revs), "%ld", ctx->rev);
	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	db->params[2] = ctx->revs;
	db->params[3] = ctx->h.fk->kind;
	db->params[4] = i18n_code(ctx->loc);
	return (db_chain(req, db, &q_flow_revision, rv_row, rv_done));
}

static void
rv_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rv_src	*ctx = (struct rv_src *)db;

	hist_head_row(&ctx->h, ctx->slug, sql, r);
	if (!ctx->h.may || db_isnull(sql, r, QFH_REV))
		return;
	ctx->rev_found = 1;
	ctx->title = kore_strdup(db_text(sql, r, QFV_TITLE));
	ctx->summary = kore_strdup(db_text(sql, r, QFV_SUMMARY));
	ctx->body = kore_strdup(db_text(sql, r, QFV_BODY));
	ctx->at = kore_strdup(db_text(sql, r, QFH_AT));
	ctx->at_shown = kore_strdup(db_text(sql, r, QFH_AT_SHOWN));
	ctx->note = kore_strdup(db_text(sql, r, QFH_NOTE));
	if (!db_isnull(sql, r, QFH_RESTORED))
		ctx->restored = strtol(db_text(sql, r, QFH_RESTORED), NULL,
		    10);
	flow_pf_take(&ctx->pf, sql, r, QFV_PF);
	if (hist_author(&ctx->author, ctx->loc, sql, r) != 0)
		db->failed = 1;
}

/*
 * A pilot's fields as saved in this revision: the simple ones as
 * labelled lines, then the Markdown of each text that is filled in.
 */
static int
rv_pilot(struct sbuf *out, struct rv_src *ctx)
{
	struct sbuf	 lines, label;
	int		 i, rc;

	sbuf_init(&lines);
	sbuf_init(&label);
	flow_pf_lines(&lines, ctx->loc, &ctx->pf);
	{
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc, MSG_flow_fields_h),
			    TPL_TEXT },
			{ "text", sbuf_cstr(&lines), TPL_TEXT },
		};
		rc = view_append(out, VIEW_history_revision_part, ctx->loc, b,
		    NBINDS(b));
	}
	for (i = 0; i < FLOW_PF_TEXTS; i++) {
		if (*ctx->pf.v[FLOW_PF_PROBLEM + i] == '\0')
			continue;
		sbuf_reset(&label);
		hist_fmt(&label, ctx->loc, MSG_flow_rev_field_source,
		    i18n_get(ctx->loc, flow_pf_text_label(i)), NULL);
		const struct tpl_bind	b[] = {
			{ "label", sbuf_cstr(&label), TPL_TEXT },
			{ "text", ctx->pf.v[FLOW_PF_PROBLEM + i], TPL_TEXT },
		};
		rc |= view_append(out, VIEW_history_revision_part, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&lines);
	sbuf_free(&label);
	return (rc != 0 ? -1 : 0);
}

static int
rv_done(struct http_request *req, struct db_ctx *db)
{
	struct rv_src	*ctx = (struct rv_src *)db;
	struct sbuf	 title, ver, cur, note, cmp, rest, href, lbl, rs;
	struct sbuf	 fields;
	const char	*revs = ctx->revs;
	char		 base[24];
	int		 rc;

	if (hist_refuse(req, db, ctx->loc, &ctx->h))
		return (HTTP_STATE_COMPLETE);
	if (!ctx->rev_found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&title);
	sbuf_init(&ver);
	sbuf_init(&cur);
	sbuf_init(&note);
	sbuf_init(&cmp);
	sbuf_init(&rest);
	sbuf_init(&href);
	sbuf_init(&lbl);
	sbuf_init(&rs);
	sbuf_init(&fields);
	(void)snprintf(base, sizeof(base), "%ld", ctx->h.revision);
	hist_fmt(&ver, ctx->loc, MSG_flow_version_n, revs, NULL);
	hist_fmt(&title, ctx->loc, MSG_flow_rev_title, revs, ctx->title);
	rc = flow_kind_pilot(ctx->h.fk) ? rv_pilot(&fields, ctx) : 0;
	if (ctx->rev == ctx->h.revision)
		sbuf_puts(&cur, i18n_get(ctx->loc, MSG_flow_current));
	if (ctx->restored > 0) {
		char	n[24];

		(void)snprintf(n, sizeof(n), "%ld", ctx->restored);
		hist_fmt(&rs, ctx->loc, MSG_flow_restored_from, n, NULL);
	}
	if (*ctx->note != '\0' || rs.len > 0) {
		sbuf_puts(&lbl, ctx->note);
		if (*ctx->note != '\0' && rs.len > 0)
			sbuf_putc(&lbl, ' ');
		sbuf_puts(&lbl, sbuf_cstr(&rs));
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc, MSG_flow_rev_note),
			    TPL_TEXT },
			{ "text", sbuf_cstr(&lbl), TPL_TEXT },
		};
		rc |= view_append(&note, VIEW_history_revision_note, ctx->loc,
		    b, NBINDS(b));
	}
	if (ctx->rev > 1) {
		sbuf_printf(&href, "%s/%s/verschil?van=%ld&naar=%ld",
		    ctx->h.fk->path, ctx->slug, ctx->rev - 1, ctx->rev);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", i18n_get(ctx->loc,
			    MSG_flow_rev_compare_prev), TPL_TEXT },
		};
		rc |= view_append(&cmp, VIEW_history_revision_compare,
		    ctx->loc, b, NBINDS(b));
	}
	if (ctx->rev < ctx->h.revision) {
		sbuf_reset(&href);
		sbuf_printf(&href, "%s/%s/verschil?van=%ld&naar=%ld",
		    ctx->h.fk->path, ctx->slug, ctx->rev, ctx->h.revision);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", i18n_get(ctx->loc,
			    MSG_flow_rev_compare_current), TPL_TEXT },
		};
		rc |= view_append(&cmp, VIEW_history_revision_compare,
		    ctx->loc, b, NBINDS(b));
		if (ctx->h.editor ||
		    strcmp(ctx->h.status, "gearchiveerd") != 0) {
			sbuf_reset(&lbl);
			hist_fmt(&lbl, ctx->loc, MSG_flow_restore_button, revs,
			    NULL);
			const struct tpl_bind	br[] = {
				{ "kpath", ctx->h.fk->path, TPL_TEXT },
				{ "slug", ctx->slug, TPL_TEXT },
				{ "csrf", db->user.csrf, TPL_TEXT },
				{ "rev", revs, TPL_TEXT },
				{ "base", base, TPL_TEXT },
				{ "label", sbuf_cstr(&lbl), TPL_TEXT },
			};
			rc |= view_append(&rest, VIEW_history_revision_restore,
			    ctx->loc, br, NBINDS(br));
		}
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "version", sbuf_cstr(&ver), TPL_TEXT },
			{ "title", ctx->title, TPL_TEXT },
			{ "at", ctx->at, TPL_TEXT },
			{ "at_shown", ctx->at_shown, TPL_TEXT },
			{ "author", sbuf_cstr(&ctx->author), TPL_TRUSTED_HTML },
			{ "current", sbuf_cstr(&cur), TPL_TEXT },
			{ "note", sbuf_cstr(&note), TPL_TRUSTED_HTML },
			{ "kpath", ctx->h.fk->path, TPL_TEXT },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "compare", sbuf_cstr(&cmp), TPL_TRUSTED_HTML },
			{ "restore", sbuf_cstr(&rest), TPL_TRUSTED_HTML },
			{ "summary", ctx->summary, TPL_TEXT },
			{ "body", ctx->body, TPL_TEXT },
			{ "fields", sbuf_cstr(&fields), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc, sbuf_cstr(&title),
		    ctx->h.fk->path, VIEW_history_revision, b, NBINDS(b));
	}
	sbuf_free(&title);
	sbuf_free(&ver);
	sbuf_free(&cur);
	sbuf_free(&note);
	sbuf_free(&cmp);
	sbuf_free(&rest);
	sbuf_free(&href);
	sbuf_free(&lbl);
	sbuf_free(&rs);
	sbuf_free(&fields);
	return (HTTP_STATE_COMPLETE);
}

static void
rv_free(struct http_request *req)
{
	struct rv_src	*ctx = http_state_get(req);

	hist_head_free(&ctx->h);
	kore_free(ctx->title);
	kore_free(ctx->summary);
	kore_free(ctx->body);
	kore_free(ctx->at);
	kore_free(ctx->at_shown);
	kore_free(ctx->note);
	sbuf_free(&ctx->author);
	flow_pf_free(&ctx->pf);
}
