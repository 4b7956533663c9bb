/*
 * The workflow of articles (issue 5) and pilots (issue 7):
 *
 *   POST /{artikelen,pilots}/<slug>/status      action=indienen|goedkeuren|
 *                                               archiveren|terugzetten|
 *                                               gecontroleerd
 *
 * (The review page is web/article_review.c, restoring an old revision
 * web/article_restore.c.) Who may take which step
 * is decided by item_transition() in SQL (sql/004_content.sql), which
 * also writes the audit rows; its SQLSTATEs arrive here as 403 / 409 /
 * 404 (db.c) and become a page that says in Dutch why. A pilot that
 * lacks required fields is refused with 23514 (sql/006_pilot.sql): a
 * 422 page names them and links to the editor. Every step ends in 303
 * to the item with ?gedaan=<word>, which its page shows as a notice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/path.h"
#include "core/pilot.h"
#include "db/q_flow.h"
#include "web/auth.h"
#include "web/flow.h"
#include "web/kind.h"
#include "web/resp.h"
#include "web/view.h"

#define FLOW_HREF_MAX	(PATH_SLUG_MAX + 96)
#define FLOW_REV_MAX	999999999	/* v_num: at most 9 digits */

/* The /status actions and the gedaan word each ends with. */
static const char *const	st_actions[] = {
	"indienen", "goedkeuren", "archiveren", "terugzetten",
	"gecontroleerd", NULL
};
static const char *const	st_done_words[] = {
	"ingediend", "goedgekeurd", "gearchiveerd", "teruggezet",
	"gecontroleerd"
};

struct st_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	const struct flow_kind	*fk;
	char			 slug[PATH_SLUG_MAX + 1];
	int			 badslug;
	int			 act;		/* index in st_actions, or -1 */
	char			 href[FLOW_HREF_MAX];
	char			*missing;
};


static enum msg_id	st_denied(const struct flow_kind *, int);
static enum msg_id	st_conflict(const struct flow_kind *, int);
static int	st_checked(struct http_request *, struct db_ctx *);
static int	st_fail(struct http_request *, struct db_ctx *, int);
static void	st_missing_row(struct db_ctx *, struct kore_pgsql *, int);
static int	st_missing(struct http_request *, struct db_ctx *);
static int	st_done(struct http_request *, struct db_ctx *);
static void	st_free(struct http_request *);


/* ---- shared ------------------------------------------------------------ */

/* A page that says why a step was refused, with a link back. */
int
flow_page(struct http_request *req, enum locale loc, int status,
    enum msg_id title, enum msg_id text, const char *back, enum msg_id label)
{
	const struct kind	*k;
	const struct tpl_bind	 b[] = {
		{ "title", i18n_get(loc, title), TPL_TEXT },
		{ "text", i18n_get(loc, text), TPL_TEXT },
		{ "back", back != NULL ? back : "/artikelen", TPL_TEXT },
		{ "back_label", i18n_get(loc, back != NULL ? label :
		    MSG_flow_back_articles), TPL_TEXT },
	};

	k = back != NULL ? kind_by_path(back) : NULL;
	view_page(req, status, loc, i18n_get(loc, title),
	    k != NULL ? k->path : "/artikelen", VIEW_flow_message, b,
	    NBINDS(b));
	return (HTTP_STATE_COMPLETE);
}

/*
 * 422: the pilot lacks required fields (missing: pilot_missing()'s
 * names, comma-separated), each named after text, with a link to the
 * editor and one back.
 */
int
flow_incomplete(struct http_request *req, enum locale loc,
    const struct flow_kind *fk, const char *slug, const char *missing,
    enum msg_id text, const char *back_to, enum msg_id back_label)
{
	const struct pilot_word	*w;
	enum msg_id		 label;
	struct sbuf		 list, items, name, edit, back;
	const char		*p, *e;
	int			 rc = 0;

	sbuf_init(&list);
	sbuf_init(&items);
	sbuf_init(&name);
	sbuf_init(&edit);
	sbuf_init(&back);
	for (p = missing; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		e = p + strcspn(p, ",");
		sbuf_reset(&name);
		sbuf_add(&name, p, (size_t)(e - p));
		/* A resource lacks "inhoud": a file or a link. */
		if (strcmp(sbuf_cstr(&name), "inhoud") == 0)
			label = MSG_re_fk_need_content;
		else if ((w = pilot_required_field(sbuf_cstr(&name))) != NULL)
			label = w->msg;
		else
			continue;
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(loc, label), TPL_TEXT },
		};
		rc |= view_append(&items, VIEW_flow_incomplete_item, loc, b,
		    NBINDS(b));
	}
	if (items.len > 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, text), TPL_TEXT },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&list, VIEW_flow_incomplete_list, loc, b,
		    NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, MSG_flow_incomplete_unknown),
			    TPL_TEXT },
		};
		rc |= view_append(&list, VIEW_empty, loc, b, NBINDS(b));
	}
	sbuf_printf(&edit, "%s/%s/bewerken", fk->path, slug);
	if (back_to != NULL)
		sbuf_puts(&back, back_to);
	else
		sbuf_printf(&back, "%s/%s", fk->path, slug);
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "list", sbuf_cstr(&list), TPL_TRUSTED_HTML },
			{ "edit", sbuf_cstr(&edit), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "back_label", i18n_get(loc, back_label), TPL_TEXT },
		};
		view_page(req, 422, loc,
		    i18n_get(loc, MSG_flow_incomplete_title), fk->path,
		    VIEW_flow_incomplete, b, NBINDS(b));
	}
	sbuf_free(&list);
	sbuf_free(&items);
	sbuf_free(&name);
	sbuf_free(&edit);
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
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

/* ---- POST /<kind>/<slug>/status ----------------------------------------- */

/* Who may take the step (403), by action. */
static enum msg_id
st_denied(const struct flow_kind *fk, int act)
{
	switch (act) {
	case 0:
		return (fk->d403_indienen);
	case 1:
	case 3:
		return (fk->d403_editor);
	default:
		return (fk->d403_owner);
	}
}

/* From which status the step can be taken (409), by action. */
static enum msg_id
st_conflict(const struct flow_kind *fk, int act)
{
	switch (act) {
	case 0:
		return (fk->c409_indienen);
	case 1:
		return (fk->c409_goedkeuren);
	case 3:
		return (fk->c409_terugzetten);
	default:
		return (fk->c409_published);
	}
}

int
article_status(struct http_request *req)
{
	struct st_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		ctx = http_state_create(req, sizeof(*ctx), st_free);
		ctx->loc = resp_locale(req);
		ctx->badslug = flow_target(req->path, &ctx->fk, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		(void)snprintf(ctx->href, sizeof(ctx->href), "%s/%s",
		    ctx->fk->path, ctx->slug);
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
		    ctx->fk->back_item));
	if (ctx->badslug) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->act == -1)
		return (flow_page(req, ctx->loc, 400, MSG_flow_bad_title,
		    ctx->fk->bad_action, ctx->href, ctx->fk->back_item));
	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	db->params[2] = st_actions[ctx->act];
	db->params[3] = "";
	db->params[4] = "";
	db->params[5] = ctx->fk->kind;
	db->fail = st_fail;
	return (db_chain(req, db, &q_flow_transition, NULL, st_done));
}

static int
st_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct st_ctx	*ctx = (struct st_ctx *)db;

	if (status == 403)
		return (flow_page(req, ctx->loc, 403, MSG_flow_denied_title,
		    st_denied(ctx->fk, ctx->act), ctx->href,
		    ctx->fk->back_item));
	if (status == 409)
		return (flow_page(req, ctx->loc, 409, MSG_flow_conflict_title,
		    st_conflict(ctx->fk, ctx->act), ctx->href,
		    ctx->fk->back_item));
	/* 23514: an incomplete pilot. Which fields, asked once more. */
	if (status == 400 && flow_kind_pilot(ctx->fk)) {
		db->fail = NULL;
		db->params[0] = ctx->slug;
		db->params[1] = ctx->fk->kind;
		db->params[2] = db->user.id;
		return (db_chain(req, db, &q_flow_missing, st_missing_row,
		    st_missing));
	}
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static void
st_missing_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct st_ctx	*ctx = (struct st_ctx *)db;

	kore_free(ctx->missing);
	ctx->missing = kore_strdup(db_text(sql, r, QFX_MISSING));
}

static int
st_missing(struct http_request *req, struct db_ctx *db)
{
	struct st_ctx	*ctx = (struct st_ctx *)db;

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	return (flow_incomplete(req, ctx->loc, ctx->fk, ctx->slug,
	    ctx->missing != NULL ? ctx->missing : "",
	    MSG_flow_incomplete_text, NULL, ctx->fk->back_item));
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

static void
st_free(struct http_request *req)
{
	struct st_ctx	*ctx = http_state_get(req);

	kore_free(ctx->missing);
}
