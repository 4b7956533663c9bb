/*
 * Lists of work to do (issue 5, pilots since issue 7):
 *
 *   GET /redactie            the editors' queue: articles and pilots ter
 *                            review (oldest first), articles due for a
 *                            check (published, not checked for 12
 *                            months) and what was sent back; each row
 *                            says its kind; a link to the stories'
 *                            queue with how many wait (issue 9)
 *   GET /account/artikelen   "Mijn bijdragen": the signed-in person's
 *                            own articles and pilots (as author or
 *                            owner) in every status, with the editors'
 *                            feedback and a "due" marker
 *
 * Each page is one query (db/q_flow.c); the queue's sections come as
 * typed rows of one UNION ALL and are split here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/html.h"
#include "db/q_flow.h"
#include "db/q_story_flow.h"
#include "web/auth.h"
#include "web/flow.h"
#include "web/resp.h"
#include "web/view.h"

#define RQ_SECTIONS	3

struct rq_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	struct sbuf	 rows[RQ_SECTIONS];
	int		 count[RQ_SECTIONS];
	long		 total[RQ_SECTIONS];
	char		 stories[24];	/* stories waiting (issue 9) */
};

/* What differs between the queue's sections. */
struct rq_section {
	enum msg_id	 heading;
	enum msg_id	 none;
	enum msg_id	 date;
	enum msg_id	 extra;
};

static const struct rq_section	rq_sections[RQ_SECTIONS] = {
	{ MSG_flow_queue_review_h, MSG_flow_queue_review_none,
	    MSG_flow_col_submitted, MSG_flow_col_action },
	{ MSG_flow_queue_check_h, MSG_flow_queue_check_none,
	    MSG_flow_col_checked, MSG_flow_col_action },
	{ MSG_flow_queue_back_h, MSG_flow_queue_back_none,
	    MSG_flow_col_sent_back, MSG_flow_col_feedback },
};

struct mine_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	struct sbuf	 rows;
};

static int	rq_start(struct http_request *, struct db_ctx *);
static void	rq_stories_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rq_stories(struct http_request *, struct db_ctx *);
static void	rq_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rq_done(struct http_request *, struct db_ctx *);
static int	rq_table(struct sbuf *, struct rq_ctx *, int);
static void	rq_free(struct http_request *);

static int	mine_start(struct http_request *, struct db_ctx *);
static void	mine_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mine_done(struct http_request *, struct db_ctx *);
static void	mine_free(struct http_request *);

static int	flow_when(struct sbuf *, enum locale, const char *,
		    const char *);
static int	flow_checked_form(struct sbuf *, enum locale, const char *,
		    const char *, const char *, const char *);

/* ---- shared ------------------------------------------------------------ */

/* A <time>, or "nooit" for a date that is not there. */
static int
flow_when(struct sbuf *out, enum locale loc, const char *iso,
    const char *shown)
{
	const char	*never;

	if (*iso == '\0') {
		never = i18n_get(loc, MSG_flow_never);
		html_text(out, never, strlen(never));
		return (0);
	}
	{
		const struct tpl_bind	b[] = {
			{ "at", iso, TPL_TEXT },
			{ "at_shown", shown, TPL_TEXT },
		};
		return (view_append(out, VIEW_redactie_time, loc, b,
		    NBINDS(b)));
	}
}

/* The "Markeer als gecontroleerd" button (POST /artikelen/x/status). */
static int
flow_checked_form(struct sbuf *out, enum locale loc, const char *csrf,
    const char *kpath, const char *slug, const char *title)
{
	const struct tpl_bind	b[] = {
		{ "kpath", kpath, TPL_TEXT },
		{ "slug", slug, TPL_TEXT },
		{ "csrf", csrf, TPL_TEXT },
		{ "action", "gecontroleerd", TPL_TEXT },
		{ "label", i18n_get(loc, MSG_flow_mark_checked), TPL_TEXT },
		{ "title", title, TPL_TEXT },
	};

	return (view_append(out, VIEW_flow_status_form, loc, b, NBINDS(b)));
}

/* ---- GET /redactie ------------------------------------------------------ */

int
redactie_queue(struct http_request *req)
{
	struct rq_ctx	*ctx;
	int		 i;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), rq_free);
		ctx->loc = resp_locale(req);
		for (i = 0; i < RQ_SECTIONS; i++)
			sbuf_init(&ctx->rows[i]);
		db_start(req, &ctx->db, NULL, NULL, rq_start);
	}
	return (db_run(req));
}

static int
rq_start(struct http_request *req, struct db_ctx *db)
{
	if (!auth_require(req, db, ROLE_REDACTEUR))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = db->user.id;
	return (db_chain(req, db, &q_sfl_waiting, rq_stories_row,
	    rq_stories));
}

/* How many stories wait for an editor: the link to /redactie/verhalen. */
static void
rq_stories_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rq_ctx	*ctx = (struct rq_ctx *)db;

	(void)kore_strlcpy(ctx->stories, db_text(sql, r, 0),
	    sizeof(ctx->stories));
}

static int
rq_stories(struct http_request *req, struct db_ctx *db)
{
	struct rq_ctx	*ctx = (struct rq_ctx *)db;

	db->params[0] = i18n_get(ctx->loc, MSG_former_member);
	return (db_chain(req, db, &q_flow_queue, rq_row, rq_done));
}

static void
rq_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rq_ctx		*ctx = (struct rq_ctx *)db;
	const struct flow_kind	*fk;
	struct sbuf		 when, extra, kind;
	const char		*slug, *title, *authors;
	int			 s, rc;

	s = atoi(db_text(sql, r, QFQ_SECTION)) - 1;
	fk = flow_kind_by_name(db_text(sql, r, QFQ_KIND));
	if (s < 0 || s >= RQ_SECTIONS || fk == NULL) {
		db->failed = 1;
		return;
	}
	ctx->count[s]++;
	ctx->total[s] = strtol(db_text(sql, r, QFQ_TOTAL), NULL, 10);
	slug = db_text(sql, r, QFQ_SLUG);
	title = db_text(sql, r, QFQ_TITLE);
	authors = db_text(sql, r, QFQ_AUTHORS);
	if (*authors == '\0')
		authors = i18n_get(ctx->loc, MSG_flow_no_authors);
	sbuf_init(&when);
	sbuf_init(&extra);
	sbuf_init(&kind);
	/* A resource suggested by a member, not made by an editor. */
	sbuf_puts(&kind, i18n_get(ctx->loc, fk->name));
	if (strcmp(db_text(sql, r, QFQ_SUGGESTED), "t") == 0)
		sbuf_printf(&kind, " (%s)", i18n_get(ctx->loc,
		    MSG_re_fk_suggestion));
	rc = flow_when(&when, ctx->loc, db_text(sql, r, QFQ_AT),
	    db_text(sql, r, QFQ_AT_SHOWN));
	if (s == 0) {
		const struct tpl_bind	b[] = {
			{ "kpath", fk->path, TPL_TEXT },
			{ "slug", slug, TPL_TEXT },
			{ "title", title, TPL_TEXT },
		};
		rc |= view_append(&extra, VIEW_redactie_review_link, ctx->loc,
		    b, NBINDS(b));
	} else if (s == 1)
		rc |= flow_checked_form(&extra, ctx->loc, db->user.csrf,
		    fk->path, slug, title);
	else {
		const struct tpl_bind	b[] = {
			{ "text", db_text(sql, r, QFQ_FEEDBACK), TPL_TEXT },
		};
		rc |= view_append(&extra, VIEW_redactie_feedback, ctx->loc,
		    b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "kpath", fk->path, TPL_TEXT },
			{ "slug", slug, TPL_TEXT },
			{ "title", title, TPL_TEXT },
			{ "kind", sbuf_cstr(&kind), TPL_TEXT },
			{ "authors", authors, TPL_TEXT },
			{ "date", sbuf_cstr(&when), TPL_TRUSTED_HTML },
			{ "extra", sbuf_cstr(&extra), TPL_TRUSTED_HTML },
		};
		if (rc != 0 || view_append(&ctx->rows[s], VIEW_redactie_row,
		    ctx->loc, b, NBINDS(b)) != 0)
			db->failed = 1;
	}
	sbuf_free(&when);
	sbuf_free(&extra);
	sbuf_free(&kind);
}

/* A section: its table with a count, or the empty-state sentence. */
static int
rq_table(struct sbuf *out, struct rq_ctx *ctx, int s)
{
	const struct rq_section	*k = &rq_sections[s];
	struct sbuf		 count;
	const char		*args[2];
	char			 n[24], t[24];
	int			 rc;

	if (ctx->count[s] == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, k->none), TPL_TEXT },
		};
		return (view_append(out, VIEW_empty, ctx->loc, b, NBINDS(b)));
	}
	sbuf_init(&count);
	(void)snprintf(n, sizeof(n), "%d", ctx->count[s]);
	(void)snprintf(t, sizeof(t), "%ld", ctx->total[s]);
	args[0] = n;
	args[1] = t;
	i18n_fmt(&count, i18n_get(ctx->loc, ctx->total[s] > ctx->count[s] ?
	    MSG_flow_queue_more : MSG_flow_queue_count), args, 2);
	{
		const struct tpl_bind	b[] = {
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "caption", i18n_get(ctx->loc, k->heading), TPL_TEXT },
			{ "date_label", i18n_get(ctx->loc, k->date), TPL_TEXT },
			{ "extra_label", i18n_get(ctx->loc, k->extra),
			    TPL_TEXT },
			{ "rows", sbuf_cstr(&ctx->rows[s]), TPL_TRUSTED_HTML },
		};
		rc = view_append(out, VIEW_redactie_table, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&count);
	return (rc);
}

static int
rq_done(struct http_request *req, struct db_ctx *db)
{
	struct rq_ctx	*ctx = (struct rq_ctx *)db;
	struct sbuf	 part[RQ_SECTIONS], stories;
	const char	*args[1];
	int		 i, rc;

	rc = 0;
	for (i = 0; i < RQ_SECTIONS; i++) {
		sbuf_init(&part[i]);
		rc |= rq_table(&part[i], ctx, i);
	}
	sbuf_init(&stories);
	args[0] = ctx->stories[0] != '\0' ? ctx->stories : "0";
	i18n_fmt(&stories, i18n_get(ctx->loc, MSG_sfl_redactie_link), args, 1);
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "review", sbuf_cstr(&part[0]), TPL_TRUSTED_HTML },
			{ "check", sbuf_cstr(&part[1]), TPL_TRUSTED_HTML },
			{ "back", sbuf_cstr(&part[2]), TPL_TRUSTED_HTML },
			{ "stories", sbuf_cstr(&stories), TPL_TEXT },
		};
		view_page(req, 200, ctx->loc,
		    i18n_get(ctx->loc, MSG_flow_queue_title), "/redactie",
		    VIEW_redactie, b, NBINDS(b));
	}
	for (i = 0; i < RQ_SECTIONS; i++)
		sbuf_free(&part[i]);
	sbuf_free(&stories);
	return (HTTP_STATE_COMPLETE);
}

static void
rq_free(struct http_request *req)
{
	struct rq_ctx	*ctx = http_state_get(req);
	int		 i;

	for (i = 0; i < RQ_SECTIONS; i++)
		sbuf_free(&ctx->rows[i]);
}

/* ---- GET /account/artikelen --------------------------------------------- */

int
account_articles(struct http_request *req)
{
	struct mine_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mine_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->rows);
		db_start(req, &ctx->db, NULL, NULL, mine_start);
	}
	return (db_run(req));
}

static int
mine_start(struct http_request *req, struct db_ctx *db)
{
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = db->user.id;
	return (db_chain(req, db, &q_flow_mine, mine_row, mine_done));
}

static void
mine_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mine_ctx		*ctx = (struct mine_ctx *)db;
	const struct flow_kind	*fk;
	struct sbuf		 remarks, button;
	const char		*slug, *title, *status, *feedback;
	enum msg_id		 label;
	int			 rc;

	if ((fk = flow_kind_by_name(db_text(sql, r, QFM_KIND))) == NULL) {
		db->failed = 1;
		return;
	}
	slug = db_text(sql, r, QFM_SLUG);
	title = db_text(sql, r, QFM_TITLE);
	status = db_text(sql, r, QFM_STATUS);
	feedback = db_text(sql, r, QFM_FEEDBACK);
	if (strcmp(status, "concept") == 0)
		label = *feedback != '\0' ? MSG_flow_status_sent_back :
		    MSG_flow_status_concept;
	else if (strcmp(status, "ter_review") == 0)
		label = MSG_flow_status_ter_review;
	else if (strcmp(status, "gepubliceerd") == 0)
		label = MSG_flow_status_gepubliceerd;
	else
		label = MSG_flow_status_gearchiveerd;
	sbuf_init(&remarks);
	sbuf_init(&button);
	rc = 0;
	/* Feedback is cleared on approval; it matters while a draft. */
	if (strcmp(status, "concept") == 0 && *feedback != '\0') {
		const struct tpl_bind	b[] = {
			{ "text", feedback, TPL_TEXT },
			{ "kpath", fk->path, TPL_TEXT },
			{ "slug", slug, TPL_TEXT },
			{ "title", title, TPL_TEXT },
			{ "edit_label", i18n_get(ctx->loc, fk->mine_edit),
			    TPL_TEXT },
		};
		rc |= view_append(&remarks, VIEW_flow_mine_feedback, ctx->loc,
		    b, NBINDS(b));
	}
	if (strcmp(db_text(sql, r, QFM_DUE), "t") == 0) {
		rc |= flow_checked_form(&button, ctx->loc, db->user.csrf,
		    fk->path, slug, title);
		const struct tpl_bind	b[] = {
			{ "button", sbuf_cstr(&button), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&remarks, VIEW_flow_mine_due, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "kpath", fk->path, TPL_TEXT },
			{ "slug", slug, TPL_TEXT },
			{ "title", title, TPL_TEXT },
			{ "kind", i18n_get(ctx->loc, fk->name), TPL_TEXT },
			{ "status", status, TPL_TEXT },
			{ "status_label", i18n_get(ctx->loc, label), TPL_TEXT },
			{ "at", db_text(sql, r, QFM_AT), TPL_TEXT },
			{ "at_shown", db_text(sql, r, QFM_AT_SHOWN), TPL_TEXT },
			{ "remarks", sbuf_cstr(&remarks), TPL_TRUSTED_HTML },
		};
		if (rc != 0 || view_append(&ctx->rows, VIEW_flow_mine_row,
		    ctx->loc, b, NBINDS(b)) != 0)
			db->failed = 1;
	}
	sbuf_free(&remarks);
	sbuf_free(&button);
}

static int
mine_done(struct http_request *req, struct db_ctx *db)
{
	struct mine_ctx	*ctx = (struct mine_ctx *)db;
	struct sbuf	 results;
	int		 rc;

	sbuf_init(&results);
	if (db->nrows == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_flow_mine_none),
			    TPL_TEXT },
		};
		rc = view_append(&results, VIEW_empty, ctx->loc, b, NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
		};
		rc = view_append(&results, VIEW_flow_mine_table, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "results", sbuf_cstr(&results), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc,
		    i18n_get(ctx->loc, MSG_flow_mine_title), "/account",
		    VIEW_flow_mine, b, NBINDS(b));
	}
	sbuf_free(&results);
	return (HTTP_STATE_COMPLETE);
}

static void
mine_free(struct http_request *req)
{
	struct mine_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->rows);
}
