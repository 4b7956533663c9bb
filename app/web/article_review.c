/*
 * The review page of articles (issue 5) and pilots (issue 7):
 *
 *   GET  /{artikelen,pilots}/<slug>/beoordelen   the item as it will be
 *                                                published, and the
 *                                                decision form
 *   POST /{artikelen,pilots}/<slug>/beoordelen   decision=goedkeuren|
 *                                                terugsturen, note
 *                                                (feedback, required to
 *                                                send back); multipart
 *
 * Editors only. A pilot shows its fields too (web/flow_fields.c) and,
 * while it lacks required ones, says which: approving it then gives
 * the 422 page of web/article_flow.c (item_transition() refuses with
 * 23514). The decision goes through item_transition() like every step.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/path.h"
#include "core/pilot.h"
#include "db/q_flow.h"
#include "web/auth.h"
#include "web/flow.h"
#include "web/fv.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define RV_NOTE_MAX	2000	/* item.feedback, item.approve_note */
#define RV_HREF_MAX	(PATH_SLUG_MAX + 96)

static const char *const	rv_decisions[] = {
	"goedkeuren", "terugsturen", NULL
};
static const char *const	rv_fields[] = { "decision", "note", NULL };

struct rv_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	const struct flow_kind	*fk;
	char			 slug[PATH_SLUG_MAX + 1];
	int			 badslug;
	int			 post;
	int			 csrf_bad;
	const char		*decision;
	char			*note;
	const char		*rev_seen;	/* the revision the form showed */
	struct fv		 fv;
	/* The item, copied out of the result. */
	char			*title;
	char			*summary;
	char			*toc;
	char			*body;
	char			*authors;
	char			*missing;
	int			 agreed;
	struct flow_pf		 pf;
	char			 status[16];
	char			 revision[16];
	char			 href[RV_HREF_MAX];
};

static const char *rv_status_label(enum locale, const char *);
static int	rv_checked(struct http_request *, struct db_ctx *);
static void	rv_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rv_loaded(struct http_request *, struct db_ctx *);
static int	rv_fail(struct http_request *, struct db_ctx *, int);
static int	rv_done(struct http_request *, struct db_ctx *);
static int	rv_pilot(struct sbuf *, struct sbuf *, struct rv_ctx *);
static int	rv_render(struct http_request *, struct rv_ctx *, int);
static void	rv_free(struct http_request *);

static const char *
rv_status_label(enum locale loc, const char *status)
{
	if (strcmp(status, "concept") == 0)
		return (i18n_get(loc, MSG_flow_status_concept));
	if (strcmp(status, "ter_review") == 0)
		return (i18n_get(loc, MSG_flow_status_ter_review));
	if (strcmp(status, "gepubliceerd") == 0)
		return (i18n_get(loc, MSG_flow_status_gepubliceerd));
	if (strcmp(status, "gearchiveerd") == 0)
		return (i18n_get(loc, MSG_flow_status_gearchiveerd));
	return (status);
}

int
article_review(struct http_request *req)
{
	struct rv_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), rv_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		ctx->badslug = flow_target(req->path, &ctx->fk, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		(void)snprintf(ctx->href, sizeof(ctx->href), "%s/%s",
		    ctx->fk->path, ctx->slug);
		ctx->decision = "";
		ctx->note = "";
		ctx->rev_seen = "";
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			/* The form is multipart (the note has line breaks). */
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "decision", &v))
				ctx->decision = v;
			if (http_argument_get_string(req, "rev", &v))
				ctx->rev_seen = v;
			if (http_argument_get_string(req, "note", &v)) {
				form_lf(v);
				ctx->note = form_trim(v);
			}
		}
		db_start(req, &ctx->db, NULL, NULL, rv_checked);
	}
	return (db_run(req));
}

static int
rv_checked(struct http_request *req, struct db_ctx *db)
{
	struct rv_ctx	*ctx = (struct rv_ctx *)db;

	if (!auth_require(req, db, ROLE_REDACTEUR))
		return (HTTP_STATE_COMPLETE);
	/*
	 * A refused form comes back with the item and the typed note, so
	 * the item is loaded first; nothing is changed.
	 */
	if (ctx->post && !auth_post_ok(req, db))
		ctx->csrf_bad = 1;
	if (ctx->badslug) {
		if (ctx->csrf_bad)
			return (flow_page(req, ctx->loc, 403,
			    MSG_err_403_title, MSG_flow_csrf_text, NULL,
			    ctx->fk->back_item));
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->slug;
	db->params[1] = i18n_get(ctx->loc, MSG_former_member);
	db->params[2] = ctx->fk->kind;
	db->params[3] = i18n_code(ctx->loc);
	return (db_chain(req, db, &q_flow_review, rv_row, rv_loaded));
}

static void
rv_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rv_ctx	*ctx = (struct rv_ctx *)db;

	ctx->title = kore_strdup(db_text(sql, r, QFR_TITLE));
	ctx->summary = kore_strdup(db_text(sql, r, QFR_SUMMARY));
	ctx->toc = kore_strdup(db_text(sql, r, QFR_TOC));
	ctx->body = kore_strdup(db_text(sql, r, QFR_BODY));
	ctx->authors = kore_strdup(db_text(sql, r, QFR_AUTHORS));
	ctx->missing = kore_strdup(db_text(sql, r, QFR_MISSING));
	ctx->agreed = strcmp(db_text(sql, r, QFR_AGREED), "t") == 0;
	(void)kore_strlcpy(ctx->status, db_text(sql, r, QFR_STATUS),
	    sizeof(ctx->status));
	(void)kore_strlcpy(ctx->revision, db_text(sql, r, QFR_REVISION),
	    sizeof(ctx->revision));
	/* The texts as HTML: the columns after the PF ones replace them. */
	flow_pf_take(&ctx->pf, sql, r, QFR_PF);
	kore_free(ctx->pf.v[FLOW_PF_PROBLEM]);
	kore_free(ctx->pf.v[FLOW_PF_APPROACH]);
	kore_free(ctx->pf.v[FLOW_PF_RESULTS]);
	kore_free(ctx->pf.v[FLOW_PF_CONDITIONS]);
	ctx->pf.v[FLOW_PF_PROBLEM] = kore_strdup(db_text(sql, r,
	    QFR_PF + QF_PF_NCOLS));
	ctx->pf.v[FLOW_PF_APPROACH] = kore_strdup(db_text(sql, r,
	    QFR_PF + QF_PF_NCOLS + 1));
	ctx->pf.v[FLOW_PF_RESULTS] = kore_strdup(db_text(sql, r,
	    QFR_PF + QF_PF_NCOLS + 2));
	ctx->pf.v[FLOW_PF_CONDITIONS] = kore_strdup(db_text(sql, r,
	    QFR_PF + QF_PF_NCOLS + 3));
}

static int
rv_loaded(struct http_request *req, struct db_ctx *db)
{
	struct rv_ctx	*ctx = (struct rv_ctx *)db;
	enum form_err	 e;
	int		 back;

	if (db->nrows != 1) {
		if (ctx->csrf_bad)
			return (flow_page(req, ctx->loc, 403,
			    MSG_err_403_title, MSG_flow_csrf_text, NULL,
			    ctx->fk->back_item));
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->csrf_bad) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (rv_render(req, ctx, 403));
	}
	if (strcmp(ctx->status, "concept") != 0 &&
	    strcmp(ctx->status, "ter_review") != 0)
		return (flow_page(req, ctx->loc, 409, MSG_flow_conflict_title,
		    ctx->fk->review_not_waiting, ctx->href,
		    ctx->fk->back_item));
	if (!ctx->post)
		return (rv_render(req, ctx, 200));
	/*
	 * The author saved since the editor opened the page: a decision
	 * is about the text the editor read, so show the new one first
	 * (item_transition() checks it again under the row lock).
	 */
	if (*ctx->rev_seen != '\0' &&
	    strcmp(ctx->rev_seen, ctx->revision) != 0) {
		fv_form_error(&ctx->fv, ctx->fk->review_changed,
		    ctx->revision);
		return (rv_render(req, ctx, 409));
	}

	back = strcmp(ctx->decision, "terugsturen") == 0;
	if (form_choice(ctx->decision, rv_decisions) == -1) {
		fv_error(&ctx->fv, "decision", ctx->fk->decision_missing,
		    NULL);
		ctx->decision = "";
	}
	e = form_text(ctx->note, RV_NOTE_MAX, back, 1);
	if (e == FORM_EMPTY)
		fv_error(&ctx->fv, "note", ctx->fk->feedback_missing, NULL);
	else if (fv_check(&ctx->fv, "note", e, RV_NOTE_MAX) &&
	    e == FORM_BAD_CHARS)
		ctx->note = "";		/* cannot be shown as typed */
	if (ctx->fv.nerr > 0)
		return (rv_render(req, ctx, 400));
	/* An incomplete pilot cannot be approved: say which fields. */
	if (!back && *ctx->missing != '\0')
		return (flow_incomplete(req, ctx->loc, ctx->fk, ctx->slug,
		    ctx->missing, MSG_flow_incomplete_text, NULL,
		    ctx->fk->back_item));

	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	db->params[2] = ctx->decision;
	db->params[3] = ctx->note;
	db->params[4] = ctx->rev_seen;
	db->params[5] = ctx->fk->kind;
	db->fail = rv_fail;
	return (db_chain(req, db, &q_flow_transition, NULL, rv_done));
}

static int
rv_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct rv_ctx	*ctx = (struct rv_ctx *)db;
	int		 back;

	back = strcmp(ctx->decision, "terugsturen") == 0;
	switch (status) {
	case 400:
		/* 23514: the pilot lost a required field since it loaded. */
		if (!back && flow_kind_pilot(ctx->fk))
			return (flow_incomplete(req, ctx->loc, ctx->fk,
			    ctx->slug, "", MSG_flow_incomplete_text, NULL,
			    ctx->fk->back_item));
		/* 22023: the feedback was empty after all */
		fv_error(&ctx->fv, "note", ctx->fk->feedback_missing, NULL);
		return (rv_render(req, ctx, 400));
	case 403:	/* no longer an editor */
		return (flow_page(req, ctx->loc, 403, MSG_flow_denied_title,
		    ctx->fk->d403_editor, ctx->href, ctx->fk->back_item));
	case 409:	/* someone else decided first */
		return (flow_page(req, ctx->loc, 409, MSG_flow_conflict_title,
		    back ? ctx->fk->c409_terugsturen :
		    ctx->fk->c409_goedkeuren, ctx->href, ctx->fk->back_item));
	default:
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
}

static int
rv_done(struct http_request *req, struct db_ctx *db)
{
	struct rv_ctx	*ctx = (struct rv_ctx *)db;
	char		 to[RV_HREF_MAX + 32];

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	(void)snprintf(to, sizeof(to), "%s?gedaan=%s", ctx->href,
	    strcmp(ctx->decision, "terugsturen") == 0 ? "teruggestuurd" :
	    "goedgekeurd");
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

/*
 * A pilot's parts of the page: what it still lacks (a notice above the
 * preview) and its fields. 0, or -1 on a template error.
 */
static int
rv_pilot(struct sbuf *notice, struct sbuf *fields, struct rv_ctx *ctx)
{
	const struct pilot_word	*w;
	struct sbuf		 names, text, name;
	const char		*p, *e, *args[1];
	int			 rc = 0;

	if (!flow_kind_pilot(ctx->fk))
		return (0);
	if (*ctx->missing != '\0') {
		sbuf_init(&names);
		sbuf_init(&text);
		sbuf_init(&name);
		/* "region, setting": pilot_missing()'s names, as labels. */
		for (p = ctx->missing; *p != '\0'; p = e) {
			e = p + strcspn(p, ",");
			sbuf_reset(&name);
			sbuf_add(&name, p, (size_t)(e - p));
			if ((w = pilot_required_field(sbuf_cstr(&name))) !=
			    NULL) {
				if (names.len > 0)
					sbuf_puts(&names, ", ");
				sbuf_puts(&names, i18n_get(ctx->loc, w->msg));
			}
			while (*e == ',' || *e == ' ')
				e++;
		}
		args[0] = sbuf_cstr(&names);
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_flow_review_missing),
		    args, 1);
		{
			const struct tpl_bind	b[] = {
				{ "text", sbuf_cstr(&text), TPL_TEXT },
			};
			rc |= view_append(notice, VIEW_notice, ctx->loc, b,
			    NBINDS(b));
		}
		sbuf_free(&names);
		sbuf_free(&text);
		sbuf_free(&name);
	}
	if (flow_pf_html(fields, ctx->loc, &ctx->pf, ctx->agreed) == -1)
		rc = -1;
	return (rc);
}

static int
rv_render(struct http_request *req, struct rv_ctx *ctx, int status)
{
	static const char	 checked[] = " checked";
	struct sbuf		 meta, title, toc, concept, sendback;
	struct sbuf		 notice, fields;
	const char		*args[3];
	int			 rc;

	sbuf_init(&meta);
	sbuf_init(&title);
	sbuf_init(&toc);
	sbuf_init(&concept);
	sbuf_init(&sendback);
	sbuf_init(&notice);
	sbuf_init(&fields);
	args[0] = ctx->revision;
	args[1] = *ctx->authors != '\0' ? ctx->authors :
	    i18n_get(ctx->loc, MSG_flow_no_authors);
	args[2] = rv_status_label(ctx->loc, ctx->status);
	i18n_fmt(&meta, i18n_get(ctx->loc, MSG_flow_review_meta), args, 3);
	args[0] = ctx->title;
	i18n_fmt(&title, i18n_get(ctx->loc, MSG_flow_review_title), args,
	    1);
	rc = rv_pilot(&notice, &fields, ctx);
	if (*ctx->toc != '\0') {
		/* toc_html: made by md_doc_render when the item was saved. */
		const struct tpl_bind	b[] = {
			{ "toc", ctx->toc, TPL_TRUSTED_HTML },
		};
		rc |= view_append(&toc, VIEW_flow_toc, ctx->loc, b, NBINDS(b));
	}
	if (strcmp(ctx->status, "concept") == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, ctx->fk->review_concept),
			    TPL_TEXT },
		};
		rc |= view_append(&concept, VIEW_flow_review_concept, ctx->loc,
		    b, NBINDS(b));
	} else {
		/* Sending back is for submitted items only. */
		const struct tpl_bind	b[] = {
			{ "checked", strcmp(ctx->decision, "terugsturen") == 0 ?
			    checked : "", TPL_TRUSTED_HTML },
		};
		rc |= view_append(&sendback, VIEW_flow_review_sendback,
		    ctx->loc, b, NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	fixed[] = {
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "kpath", ctx->fk->path, TPL_TEXT },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "revision", ctx->revision, TPL_TEXT },
			{ "title", ctx->title, TPL_TEXT },
			{ "meta", sbuf_cstr(&meta), TPL_TEXT },
			{ "intro", i18n_get(ctx->loc, ctx->fk->review_intro),
			    TPL_TEXT },
			{ "preview", i18n_get(ctx->loc,
			    ctx->fk->review_preview), TPL_TEXT },
			{ "missing", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "summary", ctx->summary, TPL_TEXT },
			{ "fields", sbuf_cstr(&fields), TPL_TRUSTED_HTML },
			{ "toc", sbuf_cstr(&toc), TPL_TRUSTED_HTML },
			/* body_html: md_doc_render's output, stored on save. */
			{ "body", ctx->body, TPL_TRUSTED_HTML },
			{ "concept_note", sbuf_cstr(&concept),
			    TPL_TRUSTED_HTML },
			{ "legend", i18n_get(ctx->loc,
			    ctx->fk->decision_legend), TPL_TEXT },
			{ "approve_checked", strcmp(ctx->decision,
			    "goedkeuren") == 0 ? checked : "",
			    TPL_TRUSTED_HTML },
			{ "send_back", sbuf_cstr(&sendback), TPL_TRUSTED_HTML },
			{ "note_hint", i18n_get(ctx->loc, ctx->fk->note_hint),
			    TPL_TEXT },
			{ "note", ctx->note, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(rv_fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv, rv_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc, sbuf_cstr(&title),
		    ctx->fk->path, VIEW_flow_review, b, n);
	}
	sbuf_free(&meta);
	sbuf_free(&title);
	sbuf_free(&toc);
	sbuf_free(&concept);
	sbuf_free(&sendback);
	sbuf_free(&notice);
	sbuf_free(&fields);
	return (HTTP_STATE_COMPLETE);
}

static void
rv_free(struct http_request *req)
{
	struct rv_ctx	*ctx = http_state_get(req);

	fv_free(&ctx->fv);
	flow_pf_free(&ctx->pf);
	kore_free(ctx->title);
	kore_free(ctx->summary);
	kore_free(ctx->toc);
	kore_free(ctx->body);
	kore_free(ctx->authors);
	kore_free(ctx->missing);
}
