/*
 * Restoring an old revision of an article or a pilot:
 *
 *   POST /{artikelen,pilots}/<slug>/herstellen   rev, base: revision rev
 *                                                saved again as a new one
 *
 * Through item_save() (articles) or pilot_save() (pilots: their fields
 * too, the Markdown texts rendered again) like any edit: a stale base
 * writes nothing and gives a 409 page; the save writes the audit row
 * 'versie_herstellen' in the same statement. A pilot keeps today's
 * contact person (nobody is asked again, nor one who said no brought
 * back), and while it is in review or published only a complete
 * version can come back (422 otherwise). Ends in 303 to the item with
 * ?gedaan=hersteld.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/links.h"
#include "core/md.h"
#include "core/path.h"
#include "db/q_flow.h"
#include "web/auth.h"
#include "web/flow.h"
#include "web/resp.h"
#include "web/view.h"

#define RS_HREF_MAX	(PATH_SLUG_MAX + 96)

struct rs_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	const struct flow_kind	*fk;
	char			 slug[PATH_SLUG_MAX + 1];
	int			 badslug;
	const char		*rev;
	const char		*base;
	char			 id[24];
	char			 status[16];
	long			 revision;
	int			 may;
	int			 editor;
	int			 found;
	int			 conflict;
	char			*error;
	char			*missing;	/* the revision's, pilots */
	char			*title;
	char			*summary;
	char			*body;
	char			*themes;
	char			*tags;
	char			*community;
	char			*related;
	char			*texts[FLOW_PF_TEXTS];
	struct sbuf		 html[FLOW_PF_TEXTS];
	char			 words[24];
	struct md_doc		 doc;
	char			 href[RS_HREF_MAX];
	char			 hist[RS_HREF_MAX];
};

static int	rs_checked(struct http_request *, struct db_ctx *);
static void	rs_src_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rs_loaded(struct http_request *, struct db_ctx *);
static int	rs_render_texts(struct rs_ctx *);
static void	rs_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rs_fail(struct http_request *, struct db_ctx *, int);
static int	rs_done(struct http_request *, struct db_ctx *);
static void	rs_free(struct http_request *);

/* ---- POST /<kind>/<slug>/herstellen ------------------------------------- */

int
article_restore(struct http_request *req)
{
	struct rs_ctx	*ctx;
	char		*v;
	int		 i;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		ctx = http_state_create(req, sizeof(*ctx), rs_free);
		ctx->loc = resp_locale(req);
		md_doc_init(&ctx->doc);
		for (i = 0; i < FLOW_PF_TEXTS; i++)
			sbuf_init(&ctx->html[i]);
		ctx->badslug = flow_target(req->path, &ctx->fk, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		(void)snprintf(ctx->href, sizeof(ctx->href), "%s/%s",
		    ctx->fk->path, ctx->slug);
		(void)snprintf(ctx->hist, sizeof(ctx->hist),
		    "%s/%s/geschiedenis", ctx->fk->path, ctx->slug);
		ctx->rev = ctx->base = "";
		if (http_argument_get_string(req, "rev", &v))
			ctx->rev = v;
		if (http_argument_get_string(req, "base", &v))
			ctx->base = v;
		db_start(req, &ctx->db, NULL, NULL, rs_checked);
	}
	return (db_run(req));
}

static int
rs_checked(struct http_request *req, struct db_ctx *db)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db))
		return (flow_page(req, ctx->loc, 403, MSG_err_403_title,
		    MSG_flow_csrf_text, ctx->badslug ? NULL : ctx->hist,
		    MSG_flow_back_history));
	if (ctx->badslug) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (flow_num(ctx->rev) < 1 || flow_num(ctx->base) < 1)
		return (flow_page(req, ctx->loc, 400, MSG_flow_bad_title,
		    MSG_flow_restore_bad, ctx->hist, MSG_flow_back_history));
	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	db->params[2] = ctx->rev;
	db->params[3] = ctx->fk->kind;
	return (db_chain(req, db, &q_flow_restore_src, rs_src_row,
	    rs_loaded));
}

static void
rs_src_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;
	int		 i;

	(void)kore_strlcpy(ctx->id, db_text(sql, r, QFS_ID), sizeof(ctx->id));
	(void)kore_strlcpy(ctx->status, db_text(sql, r, QFS_STATUS),
	    sizeof(ctx->status));
	ctx->revision = strtol(db_text(sql, r, QFS_REVISION), NULL, 10);
	ctx->may = strcmp(db_text(sql, r, QFS_MAY), "t") == 0;
	ctx->editor = strcmp(db_text(sql, r, QFS_EDITOR), "t") == 0;
	ctx->found = strcmp(db_text(sql, r, QFS_FOUND), "t") == 0;
	if (!ctx->found)
		return;
	ctx->title = kore_strdup(db_text(sql, r, QFS_TITLE));
	ctx->summary = kore_strdup(db_text(sql, r, QFS_SUMMARY));
	ctx->body = kore_strdup(db_text(sql, r, QFS_BODY));
	ctx->themes = kore_strdup(db_text(sql, r, QFS_THEMES));
	ctx->tags = kore_strdup(db_text(sql, r, QFS_TAGS));
	ctx->community = kore_strdup(db_text(sql, r, QFS_COMMUNITY));
	ctx->related = kore_strdup(db_text(sql, r, QFS_RELATED));
	for (i = 0; i < FLOW_PF_TEXTS; i++)
		ctx->texts[i] = kore_strdup(db_text(sql, r, QFS_PROBLEM + i));
	ctx->missing = kore_strdup(db_text(sql, r, QFS_MISSING));
}

/*
 * A pilot's four texts rendered again, as the editor does on save, and
 * their links added to the body's (item_ref): 0, or -1 if one is too
 * large.
 */
static int
rs_render_texts(struct rs_ctx *ctx)
{
	int	i;

	for (i = 0; i < FLOW_PF_TEXTS; i++) {
		if (md_render(&ctx->html[i], ctx->texts[i],
		    strlen(ctx->texts[i])) == -1)
			return (-1);
		(void)links_extract(&ctx->doc.links, ctx->texts[i],
		    strlen(ctx->texts[i]), resp_base_url());
	}
	return (0);
}

static int
rs_loaded(struct http_request *req, struct db_ctx *db)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;
	int		 i, pilot;

	if (db->nrows != 1) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->may && strcmp(ctx->status, "gepubliceerd") != 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->may || (!ctx->editor &&
	    strcmp(ctx->status, "gearchiveerd") == 0))
		return (flow_page(req, ctx->loc, 403, MSG_flow_denied_title,
		    ctx->fk->restore_denied, ctx->href, ctx->fk->back_item));
	if (flow_num(ctx->base) != ctx->revision)
		return (flow_page(req, ctx->loc, 409, MSG_flow_conflict_title,
		    ctx->fk->restore_stale, ctx->hist,
		    MSG_flow_back_history));
	if (!ctx->found)
		return (flow_page(req, ctx->loc, 404, MSG_err_404_title,
		    MSG_flow_restore_unknown, ctx->hist,
		    MSG_flow_back_history));
	if (flow_num(ctx->rev) == ctx->revision)
		return (flow_page(req, ctx->loc, 400, MSG_flow_bad_title,
		    MSG_flow_restore_current, ctx->hist,
		    MSG_flow_back_history));
	/*
	 * A pilot in review or published stays complete: a version that
	 * lacks required fields can come back while it is a draft only.
	 */
	pilot = flow_kind_pilot(ctx->fk);
	if (pilot && *ctx->missing != '\0' &&
	    (strcmp(ctx->status, "ter_review") == 0 ||
	    strcmp(ctx->status, "gepubliceerd") == 0))
		return (flow_incomplete(req, ctx->loc, ctx->fk, ctx->slug,
		    ctx->missing, MSG_flow_restore_incomplete, ctx->hist,
		    MSG_flow_back_history));
	/* Rendered again: links and headings as today's code makes them. */
	if (md_doc_render(&ctx->doc, ctx->body, strlen(ctx->body),
	    resp_base_url()) == -1 || (pilot && rs_render_texts(ctx) == -1))
		return (flow_page(req, ctx->loc, 400, MSG_flow_bad_title,
		    MSG_flow_restore_too_big, ctx->hist,
		    MSG_flow_back_history));
	(void)snprintf(ctx->words, sizeof(ctx->words), "%zu", ctx->doc.words);
	db->params[0] = ctx->id;
	db->params[1] = ctx->base;
	db->params[2] = db->user.id;
	db->params[3] = ctx->title;
	db->params[4] = ctx->summary;
	db->params[5] = ctx->body;
	db->params[6] = sbuf_cstr(&ctx->doc.html);
	db->params[7] = sbuf_cstr(&ctx->doc.toc);
	db->params[8] = ctx->words;
	db->params[9] = ctx->slug;
	db->params[10] = ctx->themes;
	db->params[11] = ctx->tags;
	db->params[12] = ctx->community;
	db->params[13] = sbuf_cstr(&ctx->doc.links);
	db->params[14] = ctx->related;
	db->params[15] = ctx->rev;
	db->fail = rs_fail;
	if (!pilot) {
		db->params[16] = ctx->fk->kind;
		return (db_chain(req, db, &q_flow_restore, rs_row, rs_done));
	}
	for (i = 0; i < FLOW_PF_TEXTS; i++)
		db->params[16 + i] = sbuf_cstr(&ctx->html[i]);
	return (db_chain(req, db, &q_flow_restore_pilot, rs_row, rs_done));
}

static void
rs_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;

	ctx->conflict = strcmp(db_text(sql, r, QFSV_CONFLICT), "t") == 0;
	if (!db_isnull(sql, r, QFSV_ERROR)) {
		kore_free(ctx->error);
		ctx->error = kore_strdup(db_text(sql, r, QFSV_ERROR));
	}
}

/* The save refused after all (rights changed since the check). */
static int
rs_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;

	if (status == 403)
		return (flow_page(req, ctx->loc, 403, MSG_flow_denied_title,
		    ctx->fk->restore_denied, ctx->href, ctx->fk->back_item));
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static int
rs_done(struct http_request *req, struct db_ctx *db)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;
	const char	*label, *args[1];
	struct sbuf	 text;
	char		 to[RS_HREF_MAX + 32];

	if (db->nrows != 1) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	/* A value of the old version that no longer fits: nothing saved. */
	if (ctx->error != NULL) {
		if (strcmp(ctx->error, "region") == 0)
			label = i18n_get(ctx->loc, MSG_pf_region);
		else if (strcmp(ctx->error, "setting") == 0)
			label = i18n_get(ctx->loc, MSG_pf_setting);
		else if (strcmp(ctx->error, "project") == 0)
			label = i18n_get(ctx->loc, MSG_pf_project);
		else if (strcmp(ctx->error, "phase") == 0)
			label = i18n_get(ctx->loc, MSG_pf_phase);
		else
			label = i18n_get(ctx->loc, MSG_pf_contact);
		sbuf_init(&text);
		args[0] = label;
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_flow_restore_field),
		    args, 1);
		{
			const struct tpl_bind	b[] = {
				{ "title", i18n_get(ctx->loc,
				    MSG_flow_conflict_title), TPL_TEXT },
				{ "text", sbuf_cstr(&text), TPL_TEXT },
				{ "back", ctx->hist, TPL_TEXT },
				{ "back_label", i18n_get(ctx->loc,
				    MSG_flow_back_history), TPL_TEXT },
			};
			view_page(req, 409, ctx->loc, i18n_get(ctx->loc,
			    MSG_flow_conflict_title), ctx->fk->path,
			    VIEW_flow_message, b, NBINDS(b));
		}
		sbuf_free(&text);
		return (HTTP_STATE_COMPLETE);
	}
	/* Someone saved between our check and the save's lock. */
	if (ctx->conflict)
		return (flow_page(req, ctx->loc, 409, MSG_flow_conflict_title,
		    ctx->fk->restore_stale, ctx->hist,
		    MSG_flow_back_history));
	(void)snprintf(to, sizeof(to), "%s?gedaan=hersteld", ctx->href);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

static void
rs_free(struct http_request *req)
{
	struct rs_ctx	*ctx = http_state_get(req);
	int		 i;

	md_doc_free(&ctx->doc);
	kore_free(ctx->error);
	kore_free(ctx->missing);
	kore_free(ctx->title);
	kore_free(ctx->summary);
	kore_free(ctx->body);
	kore_free(ctx->themes);
	kore_free(ctx->tags);
	kore_free(ctx->community);
	kore_free(ctx->related);
	for (i = 0; i < FLOW_PF_TEXTS; i++) {
		kore_free(ctx->texts[i]);
		sbuf_free(&ctx->html[i]);
	}
}
