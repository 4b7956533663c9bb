/*
 * The article workflow (issue 5):
 *
 *   POST /artikelen/<slug>/status       action=indienen|goedkeuren|
 *                                       archiveren|terugzetten|gecontroleerd
 *   GET  /artikelen/<slug>/beoordelen   the article as it will be
 *                                       published, and the decision form
 *   POST /artikelen/<slug>/beoordelen   decision=goedkeuren|terugsturen,
 *                                       note (feedback, required to send
 *                                       back); multipart
 *   POST /artikelen/<slug>/herstellen   rev, base: an old revision's
 *                                       text saved again as a new one
 *
 * Who may take which step is decided by item_transition() in SQL
 * (sql/004_content.sql), which also writes the audit rows; its
 * SQLSTATEs arrive here as 403 / 409 / 404 (db.c) and become a page
 * that says in Dutch why. Restoring goes through item_save() like any
 * edit: a stale base writes nothing and gives a 409 page; item_save()
 * writes the audit row 'versie_herstellen' in the same statement.
 * Every step ends in 303 to the article with ?gedaan=<word>, which the
 * article page shows as a notice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/md.h"
#include "core/path.h"
#include "db/q_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/flow.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define FLOW_PREFIX	"/artikelen/"
#define FLOW_NOTE_MAX	2000	/* item.feedback, item.approve_note */
#define FLOW_HREF_MAX	(PATH_SLUG_MAX + 96)
#define FLOW_REV_MAX	999999999	/* v_num: at most 9 digits */

/* The /status actions, the gedaan word each ends with, and its 403/409. */
static const char *const	st_actions[] = {
	"indienen", "goedkeuren", "archiveren", "terugzetten",
	"gecontroleerd", NULL
};
static const char *const	st_done_words[] = {
	"ingediend", "goedgekeurd", "gearchiveerd", "teruggezet",
	"gecontroleerd"
};
static const enum msg_id	st_denied[] = {
	MSG_flow_403_indienen, MSG_flow_403_editor, MSG_flow_403_owner,
	MSG_flow_403_editor, MSG_flow_403_owner
};
static const enum msg_id	st_conflict[] = {
	MSG_flow_409_indienen, MSG_flow_409_goedkeuren,
	MSG_flow_409_published, MSG_flow_409_terugzetten,
	MSG_flow_409_published
};

static const char *const	rv_decisions[] = {
	"goedkeuren", "terugsturen", NULL
};
static const char *const	rv_fields[] = { "decision", "note", NULL };

struct st_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 badslug;
	int		 act;		/* index in st_actions, or -1 */
	char		 href[FLOW_HREF_MAX];
};

struct rv_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 badslug;
	int		 post;
	int		 csrf_bad;
	const char	*decision;
	char		*note;
	const char	*rev_seen;	/* the revision the form showed */
	struct fv	 fv;
	/* The article, copied out of the result. */
	char		*title;
	char		*summary;
	char		*toc;
	char		*body;
	char		*authors;
	char		 status[16];
	char		 revision[16];
	char		 href[FLOW_HREF_MAX];
};

struct rs_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 badslug;
	const char	*rev;
	const char	*base;
	char		 id[24];
	char		 status[16];
	long		 revision;
	int		 may;
	int		 editor;
	int		 found;
	int		 conflict;
	char		*title;
	char		*summary;
	char		*body;
	char		*themes;
	char		*tags;
	char		*community;
	char		*related;
	char		 words[24];
	struct md_doc	 doc;
	char		 href[FLOW_HREF_MAX];
	char		 hist[FLOW_HREF_MAX];
};

static const char *flow_status_label(enum locale, const char *);

static int	st_checked(struct http_request *, struct db_ctx *);
static int	st_fail(struct http_request *, struct db_ctx *, int);
static int	st_done(struct http_request *, struct db_ctx *);

static int	rv_checked(struct http_request *, struct db_ctx *);
static void	rv_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rv_loaded(struct http_request *, struct db_ctx *);
static int	rv_fail(struct http_request *, struct db_ctx *, int);
static int	rv_done(struct http_request *, struct db_ctx *);
static int	rv_render(struct http_request *, struct rv_ctx *, int);
static void	rv_free(struct http_request *);

static int	rs_checked(struct http_request *, struct db_ctx *);
static void	rs_src_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rs_loaded(struct http_request *, struct db_ctx *);
static void	rs_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rs_fail(struct http_request *, struct db_ctx *, int);
static int	rs_done(struct http_request *, struct db_ctx *);
static void	rs_free(struct http_request *);

/* ---- shared ------------------------------------------------------------ */

/* A page that says why a step was refused, with a link back. */
int
flow_page(struct http_request *req, enum locale loc, int status,
    enum msg_id title, enum msg_id text, const char *back, enum msg_id label)
{
	const struct tpl_bind	b[] = {
		{ "title", i18n_get(loc, title), TPL_TEXT },
		{ "text", i18n_get(loc, text), TPL_TEXT },
		{ "back", back != NULL ? back : "/artikelen", TPL_TEXT },
		{ "back_label", i18n_get(loc, back != NULL ? label :
		    MSG_flow_back_articles), TPL_TEXT },
	};

	view_page(req, status, loc, i18n_get(loc, title), "/artikelen",
	    VIEW_flow_message, b, NBINDS(b));
	return (HTTP_STATE_COMPLETE);
}

static const char *
flow_status_label(enum locale loc, const char *status)
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

/* A revision number from a v_num field (1..9 digits), or -1. */
long
flow_num(const char *s)
{
	char	*end;
	long	 n;

	if (s == NULL || *s < '0' || *s > '9')
		return (-1);
	n = strtol(s, &end, 10);
	if (*end != '\0' || n < 0 || n > FLOW_REV_MAX)
		return (-1);
	return (n);
}

/* ---- POST /artikelen/<slug>/status -------------------------------------- */

int
article_status(struct http_request *req)
{
	struct st_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		ctx = http_state_create(req, sizeof(*ctx), NULL);
		ctx->loc = resp_locale(req);
		ctx->badslug = path_slug_seg(req->path, FLOW_PREFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		(void)snprintf(ctx->href, sizeof(ctx->href), "/artikelen/%s",
		    ctx->slug);
		ctx->act = -1;
		if (http_argument_get_string(req, "action", &v))
			ctx->act = form_choice(v, st_actions);
		db_start(req, &ctx->db, NULL, NULL, st_checked);
	}
	return (db_run(req));
}

static int
st_checked(struct http_request *req, struct db_ctx *db)
{
	struct st_ctx	*ctx = (struct st_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db))
		return (flow_page(req, ctx->loc, 403, MSG_err_403_title,
		    MSG_flow_csrf_text, ctx->badslug ? NULL : ctx->href,
		    MSG_flow_back_article));
	if (ctx->badslug) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->act == -1)
		return (flow_page(req, ctx->loc, 400, MSG_flow_bad_title,
		    MSG_flow_bad_action, ctx->href, MSG_flow_back_article));
	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	db->params[2] = st_actions[ctx->act];
	db->params[3] = "";
	db->params[4] = "";
	db->fail = st_fail;
	return (db_chain(req, db, &q_flow_transition, NULL, st_done));
}

static int
st_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct st_ctx	*ctx = (struct st_ctx *)db;

	if (status == 403)
		return (flow_page(req, ctx->loc, 403, MSG_flow_denied_title,
		    st_denied[ctx->act], ctx->href, MSG_flow_back_article));
	if (status == 409)
		return (flow_page(req, ctx->loc, 409, MSG_flow_conflict_title,
		    st_conflict[ctx->act], ctx->href, MSG_flow_back_article));
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static int
st_done(struct http_request *req, struct db_ctx *db)
{
	struct st_ctx	*ctx = (struct st_ctx *)db;
	char		 to[FLOW_HREF_MAX + 32];

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	(void)snprintf(to, sizeof(to), "%s?gedaan=%s", ctx->href,
	    st_done_words[ctx->act]);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

/* ---- GET, POST /artikelen/<slug>/beoordelen ----------------------------- */

int
article_review(struct http_request *req)
{
	struct rv_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), rv_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		ctx->badslug = path_slug_seg(req->path, FLOW_PREFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		(void)snprintf(ctx->href, sizeof(ctx->href), "/artikelen/%s",
		    ctx->slug);
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
	 * A refused form comes back with the article and the typed note,
	 * so the article is loaded first; nothing is changed.
	 */
	if (ctx->post && !auth_post_ok(req, db))
		ctx->csrf_bad = 1;
	if (ctx->badslug) {
		if (ctx->csrf_bad)
			return (flow_page(req, ctx->loc, 403,
			    MSG_err_403_title, MSG_flow_csrf_text, NULL,
			    MSG_flow_back_article));
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->slug;
	db->params[1] = i18n_get(ctx->loc, MSG_former_member);
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
	(void)kore_strlcpy(ctx->status, db_text(sql, r, QFR_STATUS),
	    sizeof(ctx->status));
	(void)kore_strlcpy(ctx->revision, db_text(sql, r, QFR_REVISION),
	    sizeof(ctx->revision));
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
			    MSG_flow_back_article));
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
		    MSG_flow_review_not_waiting, ctx->href,
		    MSG_flow_back_article));
	if (!ctx->post)
		return (rv_render(req, ctx, 200));
	/*
	 * The author saved since the editor opened the page: a decision
	 * is about the text the editor read, so show the new one first
	 * (item_transition() checks it again under the row lock).
	 */
	if (*ctx->rev_seen != '\0' &&
	    strcmp(ctx->rev_seen, ctx->revision) != 0) {
		fv_form_error(&ctx->fv, MSG_flow_review_changed, ctx->revision);
		return (rv_render(req, ctx, 409));
	}

	back = strcmp(ctx->decision, "terugsturen") == 0;
	if (form_choice(ctx->decision, rv_decisions) == -1) {
		fv_error(&ctx->fv, "decision", MSG_flow_decision_missing, NULL);
		ctx->decision = "";
	}
	e = form_text(ctx->note, FLOW_NOTE_MAX, back, 1);
	if (e == FORM_EMPTY)
		fv_error(&ctx->fv, "note", MSG_flow_feedback_missing, NULL);
	else if (fv_check(&ctx->fv, "note", e, FLOW_NOTE_MAX) &&
	    e == FORM_BAD_CHARS)
		ctx->note = "";		/* cannot be shown as typed */
	if (ctx->fv.nerr > 0)
		return (rv_render(req, ctx, 400));

	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	db->params[2] = ctx->decision;
	db->params[3] = ctx->note;
	db->params[4] = ctx->rev_seen;
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
	case 400:	/* 22023: the feedback was empty after all */
		fv_error(&ctx->fv, "note", MSG_flow_feedback_missing, NULL);
		return (rv_render(req, ctx, 400));
	case 403:	/* no longer an editor */
		return (flow_page(req, ctx->loc, 403, MSG_flow_denied_title,
		    MSG_flow_403_editor, ctx->href, MSG_flow_back_article));
	case 409:	/* someone else decided first */
		return (flow_page(req, ctx->loc, 409, MSG_flow_conflict_title,
		    back ? MSG_flow_409_terugsturen : MSG_flow_409_goedkeuren,
		    ctx->href, MSG_flow_back_article));
	default:
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
}

static int
rv_done(struct http_request *req, struct db_ctx *db)
{
	struct rv_ctx	*ctx = (struct rv_ctx *)db;
	char		 to[FLOW_HREF_MAX + 32];

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

static int
rv_render(struct http_request *req, struct rv_ctx *ctx, int status)
{
	static const char	 checked[] = " checked";
	struct sbuf		 meta, title, toc, concept, sendback;
	const char		*args[3];
	int			 rc;

	sbuf_init(&meta);
	sbuf_init(&title);
	sbuf_init(&toc);
	sbuf_init(&concept);
	sbuf_init(&sendback);
	args[0] = ctx->revision;
	args[1] = *ctx->authors != '\0' ? ctx->authors :
	    i18n_get(ctx->loc, MSG_flow_no_authors);
	args[2] = flow_status_label(ctx->loc, ctx->status);
	i18n_fmt(&meta, i18n_get(ctx->loc, MSG_flow_review_meta), args, 3);
	args[0] = ctx->title;
	i18n_fmt(&title, i18n_get(ctx->loc, MSG_flow_review_title), args,
	    1);
	rc = 0;
	if (*ctx->toc != '\0') {
		/* toc_html: made by md_doc_render when the item was saved. */
		const struct tpl_bind	b[] = {
			{ "toc", ctx->toc, TPL_TRUSTED_HTML },
		};
		rc |= view_append(&toc, VIEW_flow_toc, ctx->loc, b, NBINDS(b));
	}
	if (strcmp(ctx->status, "concept") == 0)
		rc |= view_append(&concept, VIEW_flow_review_concept, ctx->loc,
		    NULL, 0);
	else {
		/* Sending back is for submitted articles only. */
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
			{ "slug", ctx->slug, TPL_TEXT },
			{ "revision", ctx->revision, TPL_TEXT },
			{ "title", ctx->title, TPL_TEXT },
			{ "meta", sbuf_cstr(&meta), TPL_TEXT },
			{ "summary", ctx->summary, TPL_TEXT },
			{ "toc", sbuf_cstr(&toc), TPL_TRUSTED_HTML },
			/* body_html: md_doc_render's output, stored on save. */
			{ "body", ctx->body, TPL_TRUSTED_HTML },
			{ "concept_note", sbuf_cstr(&concept),
			    TPL_TRUSTED_HTML },
			{ "approve_checked", strcmp(ctx->decision,
			    "goedkeuren") == 0 ? checked : "",
			    TPL_TRUSTED_HTML },
			{ "send_back", sbuf_cstr(&sendback), TPL_TRUSTED_HTML },
			{ "note", ctx->note, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(rv_fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv, rv_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc, sbuf_cstr(&title),
		    "/artikelen", VIEW_flow_review, b, n);
	}
	sbuf_free(&meta);
	sbuf_free(&title);
	sbuf_free(&toc);
	sbuf_free(&concept);
	sbuf_free(&sendback);
	return (HTTP_STATE_COMPLETE);
}

static void
rv_free(struct http_request *req)
{
	struct rv_ctx	*ctx = http_state_get(req);

	fv_free(&ctx->fv);
	kore_free(ctx->title);
	kore_free(ctx->summary);
	kore_free(ctx->toc);
	kore_free(ctx->body);
	kore_free(ctx->authors);
}

/* ---- POST /artikelen/<slug>/herstellen ---------------------------------- */

int
article_restore(struct http_request *req)
{
	struct rs_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		ctx = http_state_create(req, sizeof(*ctx), rs_free);
		ctx->loc = resp_locale(req);
		md_doc_init(&ctx->doc);
		ctx->badslug = path_slug_seg(req->path, FLOW_PREFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		(void)snprintf(ctx->href, sizeof(ctx->href), "/artikelen/%s",
		    ctx->slug);
		(void)snprintf(ctx->hist, sizeof(ctx->hist),
		    "/artikelen/%s/geschiedenis", ctx->slug);
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
	return (db_chain(req, db, &q_flow_restore_src, rs_src_row,
	    rs_loaded));
}

static void
rs_src_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;

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
}

static int
rs_loaded(struct http_request *req, struct db_ctx *db)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;

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
		    MSG_flow_restore_denied, ctx->href, MSG_flow_back_article));
	if (flow_num(ctx->base) != ctx->revision)
		return (flow_page(req, ctx->loc, 409, MSG_flow_conflict_title,
		    MSG_flow_restore_stale, ctx->hist, MSG_flow_back_history));
	if (!ctx->found)
		return (flow_page(req, ctx->loc, 404, MSG_err_404_title,
		    MSG_flow_restore_unknown, ctx->hist,
		    MSG_flow_back_history));
	if (flow_num(ctx->rev) == ctx->revision)
		return (flow_page(req, ctx->loc, 400, MSG_flow_bad_title,
		    MSG_flow_restore_current, ctx->hist,
		    MSG_flow_back_history));
	/* Rendered again: links and headings as today's code makes them. */
	if (md_doc_render(&ctx->doc, ctx->body, strlen(ctx->body),
	    resp_base_url()) == -1)
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
	return (db_chain(req, db, &q_flow_restore, rs_row, rs_done));
}

static void
rs_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;

	ctx->conflict = strcmp(db_text(sql, r, QFSV_CONFLICT), "t") == 0;
}

/* item_save() refused after all (rights changed since the check). */
static int
rs_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;

	if (status == 403)
		return (flow_page(req, ctx->loc, 403, MSG_flow_denied_title,
		    MSG_flow_restore_denied, ctx->href, MSG_flow_back_article));
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static int
rs_done(struct http_request *req, struct db_ctx *db)
{
	struct rs_ctx	*ctx = (struct rs_ctx *)db;
	char		 to[FLOW_HREF_MAX + 32];

	if (db->nrows != 1) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	/* Someone saved between our check and item_save's lock. */
	if (ctx->conflict)
		return (flow_page(req, ctx->loc, 409, MSG_flow_conflict_title,
		    MSG_flow_restore_stale, ctx->hist, MSG_flow_back_history));
	(void)snprintf(to, sizeof(to), "%s?gedaan=hersteld", ctx->href);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

static void
rs_free(struct http_request *req)
{
	struct rs_ctx	*ctx = http_state_get(req);

	md_doc_free(&ctx->doc);
	kore_free(ctx->title);
	kore_free(ctx->summary);
	kore_free(ctx->body);
	kore_free(ctx->themes);
	kore_free(ctx->tags);
	kore_free(ctx->community);
	kore_free(ctx->related);
}
