/*
 * An action item's page and its update form (issue 8):
 *
 *   GET  /acties/{id}   the action with its session (404 unless the
 *        reader may read that session's minutes); for who may update it
 *        (mm_action_may_update) a form: what, owner and due only for
 *        whoever runs the session while its minutes are not final;
 *        status, note and evidence for them and the owner
 *   POST (multipart or url-encoded) _csrf, base, what, owner, due,
 *        status, note, evidence, sessie (the session it is updated in),
 *        terug (a local path) -> mm_action_save(), then 303 to terug
 *        (or the session) with ?gedaan=bijgewerkt
 *
 * What, owner and due absent from the POST are kept (NULL to the SQL);
 * status, note and evidence absent are sent as stored. Errors come back
 * next to their field (422), a stale base as 409, both with what was
 * typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/mm.h"
#include "core/path.h"
#include "db/q_mm_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/mm_flow.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

#define MME_WHAT_MAX	300
#define MME_OWNER_MAX	120
#define MME_NOTE_MAX	1000
#define MME_EV_MAX	500
#define MME_PATH	"/acties"

/* The action as stored. */
struct mme_row {
	int		 found;
	char		*session;
	char		*href;
	char		*title;
	char		*series;
	char		*what;
	char		*owner_id;
	char		*owner;
	char		*owner_name;
	char		*due;
	char		*status;
	char		*note;
	char		*ev_path;
	char		*ev_href;
	char		*ev_title;
	char		*rev;
	int		 read;
	int		 update;
	int		 run;
	char		*state;
	int		 overdue;
	char		*closed_at;
	char		*closed_href;
	char		*closed_title;
};

struct mme_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 bad;
	int		 post;
	int		 updated;
	char		 id[MMF_ID_MAX + 1];

	/* Typed (POST); NULL: absent. */
	char		*what;
	char		*owner;
	char		*due;
	char		*status;
	char		*note;
	char		*evidence;
	char		 base[16];
	char		 sessie[24];
	char		 terug[520];

	struct mme_row	 r;
	int		 conflict;
	char		*error;
	struct fv	 fv;
};

static const char *const	mme_fields[] = {
	"what", "owner", "due", "status", "note", "evidence", NULL
};

static char	*mme_arg(struct http_request *, const char *, int);
static void	 mme_empty(char **);
static int	mme_session(struct http_request *, struct db_ctx *);
static int	mme_query(struct http_request *, struct mme_ctx *,
		    db_done_fn);
static void	mme_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mme_loaded(struct http_request *, struct db_ctx *);
static void	mme_check(struct mme_ctx *);
static void	mme_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mme_saved(struct http_request *, struct db_ctx *);
static int	mme_fail(struct http_request *, struct db_ctx *, int);
static int	mme_reloaded(struct http_request *, struct db_ctx *);
static int	mme_form(struct sbuf *, struct http_request *,
		    struct mme_ctx *);
static int	mme_render(struct http_request *, struct mme_ctx *, int);
static void	mme_row_free(struct mme_row *);
static void	mme_free(struct http_request *);

int
mm_action_edit(struct http_request *req)
{
	struct mme_ctx	*ctx;
	char		*v;
	size_t		 n;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mme_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		n = strlen(req->path) - (sizeof(MME_PATH) - 1) - 1;
		ctx->bad = strncmp(req->path, MME_PATH "/",
		    sizeof(MME_PATH)) != 0 || n == 0 || n > MMF_ID_MAX ||
		    strspn(req->path + sizeof(MME_PATH), "0123456789") != n;
		if (!ctx->bad)
			(void)kore_strlcpy(ctx->id, req->path +
			    sizeof(MME_PATH), sizeof(ctx->id));
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
			ctx->what = mme_arg(req, "what", 1);
			ctx->owner = mme_arg(req, "owner", 1);
			ctx->due = mme_arg(req, "due", 1);
			ctx->status = mme_arg(req, "status", 1);
			ctx->note = mme_arg(req, "note", 0);
			ctx->evidence = mme_arg(req, "evidence", 1);
			/*
			 * Kore drops an empty field (STYLE.md c5), so a form
			 * says which fields it holds: one it holds but that
			 * did not come was emptied (no due date, no note, no
			 * evidence), not left out.
			 */
			if (http_argument_get_string(req, "met_kern", &v)) {
				mme_empty(&ctx->what);
				mme_empty(&ctx->owner);
				mme_empty(&ctx->due);
			}
			if (http_argument_get_string(req, "met_toelichting",
			    &v)) {
				mme_empty(&ctx->note);
				mme_empty(&ctx->evidence);
			}
			if (http_argument_get_string(req, "base", &v))
				(void)kore_strlcpy(ctx->base, v,
				    sizeof(ctx->base));
			if (http_argument_get_string(req, "sessie", &v) &&
			    (n = strlen(v)) > 0 && n <= MMF_ID_MAX &&
			    strspn(v, "0123456789") == n)
				(void)kore_strlcpy(ctx->sessie, v,
				    sizeof(ctx->sessie));
			if (http_argument_get_string(req, "terug", &v) &&
			    path_local_ok(v) && strlen(v) < sizeof(ctx->terug))
				(void)kore_strlcpy(ctx->terug, v,
				    sizeof(ctx->terug));
		} else {
			http_populate_get(req);
			if (http_argument_get_string(req, "gedaan", &v))
				ctx->updated = strcmp(v, "bijgewerkt") == 0;
		}
		db_start(req, &ctx->db, NULL, NULL, mme_session);
	}
	return (db_run(req));
}

/* A copy of a field, trimmed (one line when oneline), or NULL. */
static char *
mme_arg(struct http_request *req, const char *name, int oneline)
{
	char	*v;

	if (!http_argument_get_string(req, name, &v))
		return (NULL);
	if (oneline)
		form_oneline(v);
	else
		form_lf(v);
	return (kore_strdup(form_trim(v)));
}

/* A field the form holds that did not come is empty. */
static void
mme_empty(char **field)
{
	if (*field == NULL)
		*field = kore_strdup("");
}

static int
mme_session(struct http_request *req, struct db_ctx *db)
{
	struct mme_ctx	*ctx = (struct mme_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->post && !auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (mme_query(req, ctx, mme_loaded));
}

static int
mme_query(struct http_request *req, struct mme_ctx *ctx, db_done_fn done)
{
	struct db_ctx	*db = &ctx->db;

	mme_row_free(&ctx->r);
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_mmf_action, mme_row, done));
}

#define MME_DUP(f, c)	(r->f = kore_strdup(db_text(sql, n, (c))))

static void
mme_row(struct db_ctx *db, struct kore_pgsql *sql, int n)
{
	struct mme_ctx	*ctx = (struct mme_ctx *)db;
	struct mme_row	*r = &ctx->r;

	mme_row_free(r);
	r->found = 1;
	MME_DUP(session, QMC_SESSION);
	MME_DUP(href, QMC_HREF);
	MME_DUP(title, QMC_TITLE);
	MME_DUP(series, QMC_SERIES);
	MME_DUP(what, QMC_WHAT);
	MME_DUP(owner_id, QMC_OWNER_ID);
	MME_DUP(owner, QMC_OWNER);
	MME_DUP(owner_name, QMC_OWNER_NAME);
	MME_DUP(due, QMC_DUE);
	MME_DUP(status, QMC_STATUS);
	MME_DUP(note, QMC_NOTE);
	MME_DUP(ev_path, QMC_EV_PATH);
	MME_DUP(ev_href, QMC_EV_HREF);
	MME_DUP(ev_title, QMC_EV_TITLE);
	MME_DUP(rev, QMC_REV);
	MME_DUP(state, QMC_STATE);
	MME_DUP(closed_at, QMC_CLOSED_AT);
	MME_DUP(closed_href, QMC_CLOSED_HREF);
	MME_DUP(closed_title, QMC_CLOSED_TITLE);
	r->read = strcmp(db_text(sql, n, QMC_READ), "true") == 0;
	r->update = strcmp(db_text(sql, n, QMC_UPDATE), "true") == 0;
	r->run = strcmp(db_text(sql, n, QMC_RUN), "true") == 0;
	r->overdue = strcmp(db_text(sql, n, QMC_OVERDUE), "true") == 0;
}

static int
mme_loaded(struct http_request *req, struct db_ctx *db)
{
	struct mme_ctx	*ctx = (struct mme_ctx *)db;
	struct mme_row	*r = &ctx->r;

	if (ctx->post && !auth_post_ok(req, db)) {
		if (!r->found || !r->read || !r->update) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (mme_render(req, ctx, 403));
	}
	if (!r->found || !r->read) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post)
		return (mme_render(req, ctx, 200));
	if (!r->update) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	mme_check(ctx);
	if (ctx->fv.nerr > 0)
		return (mme_render(req, ctx, 422));
	db->params[0] = ctx->id;
	db->params[1] = NULL;
	db->params[2] = db->user.id;
	db->params[3] = ctx->base;
	db->params[4] = ctx->what;
	db->params[5] = ctx->owner;
	db->params[6] = ctx->due;
	db->params[7] = ctx->status != NULL ? ctx->status : r->status;
	db->params[8] = ctx->note != NULL ? ctx->note : r->note;
	db->params[9] = ctx->evidence != NULL ? ctx->evidence : r->ev_path;
	db->params[10] = ctx->sessie[0] != '\0' ? ctx->sessie : NULL;
	db->params[11] = NULL;
	db->fail = mme_fail;
	return (db_chain(req, db, &q_mmf_action_save, mme_save_row,
	    mme_saved));
}

static void
mme_check(struct mme_ctx *ctx)
{
	if (ctx->what != NULL) {
		if (ctx->what[0] == '\0')
			fv_error(&ctx->fv, "what", MSG_mmw_act_what_empty,
			    NULL);
		else
			(void)fv_check(&ctx->fv, "what", form_text(ctx->what,
			    MME_WHAT_MAX, 1, 0), MME_WHAT_MAX);
	}
	if (ctx->owner != NULL)
		(void)fv_check(&ctx->fv, "owner", form_text(ctx->owner,
		    MME_OWNER_MAX, 0, 0), MME_OWNER_MAX);
	if (ctx->due != NULL)
		(void)fv_check(&ctx->fv, "due", form_text(ctx->due, 10, 0, 0),
		    10);
	if (ctx->status != NULL && mm_status(ctx->status) == NULL)
		fv_error(&ctx->fv, "status", MSG_mmw_act_status_bad, NULL);
	if (ctx->note != NULL)
		(void)fv_check(&ctx->fv, "note", form_text(ctx->note,
		    MME_NOTE_MAX, 0, 1), MME_NOTE_MAX);
	if (ctx->evidence != NULL)
		(void)fv_check(&ctx->fv, "evidence", form_text(ctx->evidence,
		    MME_EV_MAX, 0, 0), MME_EV_MAX);
	/* Crafted or truncated: no revision to check against. */
	if (ctx->base[0] == '\0')
		fv_form_error(&ctx->fv, MSG_mmw_nonce_missing, NULL);
}

static void
mme_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mme_ctx	*ctx = (struct mme_ctx *)db;

	ctx->conflict = strcmp(db_text(sql, r, QMV_CONFLICT), "true") == 0;
	kore_free(ctx->error);
	ctx->error = db_isnull(sql, r, QMV_ERROR) ? NULL :
	    kore_strdup(db_text(sql, r, QMV_ERROR));
}

static int
mme_saved(struct http_request *req, struct db_ctx *db)
{
	struct mme_ctx	*ctx = (struct mme_ctx *)db;
	struct sbuf	 to;
	const char	*t, *hash;

	if (db->nrows != 1)
		return (mme_fail(req, db, 503));
	if (ctx->conflict)
		return (mme_query(req, ctx, mme_reloaded));
	if (ctx->error != NULL) {
		mmf_action_error(&ctx->fv, ctx->error);
		return (mme_render(req, ctx, strcmp(ctx->error, "frozen") ==
		    0 ? 409 : 422));
	}
	sbuf_init(&to);
	if (ctx->terug[0] != '\0')
		t = ctx->terug;
	else
		t = ctx->r.href;
	/* ?gedaan=bijgewerkt before any #fragment; & if there is a query. */
	hash = strchr(t, '#');
	if (hash == NULL && ctx->terug[0] == '\0') {
		sbuf_printf(&to, "%s?gedaan=bijgewerkt#actie-%s", t, ctx->id);
	} else {
		if (hash == NULL)
			hash = t + strlen(t);
		sbuf_add(&to, t, hash - t);
		sbuf_printf(&to, "%cgedaan=bijgewerkt%s",
		    memchr(t, '?', hash - t) != NULL ? '&' : '?', hash);
	}
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
mme_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct mme_ctx	*ctx = (struct mme_ctx *)db;

	switch (status) {
	case 403:
		fv_form_error(&ctx->fv, MSG_mmw_save_forbidden, NULL);
		break;
	case 404:
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	case 400:
		status = 422;
		/* FALLTHROUGH */
	default:
		fv_form_error(&ctx->fv, MSG_mmw_save_failed, NULL);
		break;
	}
	return (mme_render(req, ctx, status));
}

static int
mme_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct mme_ctx	*ctx = (struct mme_ctx *)db;

	if (!ctx->r.found || !ctx->r.read) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	ctx->conflict = 1;
	return (mme_render(req, ctx, 409));
}

/* The update form: typed values after a POST, else those stored. */
static int
mme_form(struct sbuf *out, struct http_request *req, struct mme_ctx *ctx)
{
	struct mme_row	*r = &ctx->r;
	struct sbuf	 fixed, statuses, action;
	size_t		 nb, i;
	int		 rc = 0;
	const char	*what, *owner, *due;

	sbuf_init(&fixed);
	sbuf_init(&statuses);
	sbuf_init(&action);
	what = ctx->what != NULL ? ctx->what : r->what;
	owner = ctx->owner != NULL ? ctx->owner : (r->owner_id[0] != '\0' ?
	    r->owner : r->owner_name);
	due = ctx->due != NULL ? ctx->due : r->due;
	rc |= mmf_status_options(&statuses, ctx->loc, ctx->status != NULL ?
	    ctx->status : r->status);
	sbuf_printf(&action, MME_PATH "/%s", ctx->id);
	{
		struct tpl_bind	fx[] = {
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "base", r->rev, TPL_TEXT },
			{ "sessie", ctx->sessie, TPL_TEXT },
			{ "terug", ctx->terug, TPL_TEXT },
			{ "fixed", "", TPL_TRUSTED_HTML },
			{ "what", what, TPL_TEXT },
			{ "owner", owner, TPL_TEXT },
			{ "due", due, TPL_TEXT },
			{ "statuses", sbuf_cstr(&statuses),
			    TPL_TRUSTED_HTML },
			{ "note", ctx->note != NULL ? ctx->note : r->note,
			    TPL_TEXT },
			{ "evidence", ctx->evidence != NULL ? ctx->evidence :
			    r->ev_path, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fx) +
		    NBINDS(mme_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, mme_fields, fx, NBINDS(fx), b,
		    NBINDS(b));
		if (r->run && strcmp(r->state, "definitief") != 0)
			rc |= view_append(&fixed, VIEW_mm_action_edit_fixed,
			    ctx->loc, b, nb);
		for (i = 0; i < nb; i++)
			if (strcmp(b[i].key, "fixed") == 0)
				b[i].val = sbuf_cstr(&fixed);
		rc |= view_append(out, VIEW_mm_action_edit_form, ctx->loc, b,
		    nb);
	}
	sbuf_free(&fixed);
	sbuf_free(&statuses);
	sbuf_free(&action);
	return (rc);
}

static int
mme_render(struct http_request *req, struct mme_ctx *ctx, int status)
{
	struct mme_row	*r = &ctx->r;
	struct sbuf	 owner, due, st, closed, cdate, cin, note, ev, evl,
			 form, remove, notice, conflict, href;
	int		 rc = 0;
	struct sess_user *u = auth_user(req);

	sbuf_init(&owner);
	sbuf_init(&due);
	sbuf_init(&st);
	sbuf_init(&closed);
	sbuf_init(&cdate);
	sbuf_init(&cin);
	sbuf_init(&note);
	sbuf_init(&ev);
	sbuf_init(&evl);
	sbuf_init(&form);
	sbuf_init(&remove);
	sbuf_init(&notice);
	sbuf_init(&conflict);
	sbuf_init(&href);
	rc |= mmf_owner(&owner, ctx->loc, u != NULL && u->loaded,
	    r->owner_id, r->owner, r->owner_name);
	if (owner.len == 0)
		sbuf_puts(&owner, i18n_get(ctx->loc,
		    MSG_mmw_act_none));
	if (r->due[0] != '\0')
		rc |= row_time(&due, ctx->loc, r->due);
	else
		sbuf_puts(&due, i18n_get(ctx->loc,
		    MSG_mmw_act_no_due));
	rc |= mmf_status(&st, ctx->loc, r->status, r->overdue);
	if (r->closed_at[0] != '\0') {
		rc |= row_time(&cdate, ctx->loc, r->closed_at);
		if (r->closed_href[0] != '\0') {
			const struct tpl_bind	b[] = {
				{ "href", r->closed_href, TPL_TEXT },
				{ "title", r->closed_title, TPL_TEXT },
			};
			rc |= view_append(&cin, VIEW_mm_action_closed_in,
			    ctx->loc, b, NBINDS(b));
		}
		{
			const struct tpl_bind	b[] = {
				{ "date", sbuf_cstr(&cdate), TPL_TRUSTED_HTML },
				{ "in", sbuf_cstr(&cin), TPL_TRUSTED_HTML },
			};
			struct sbuf	v;

			sbuf_init(&v);
			rc |= view_append(&v, VIEW_mm_action_closed, ctx->loc,
			    b, NBINDS(b));
			{
				const struct tpl_bind	f[] = {
					{ "label", i18n_get(ctx->loc,
					    MSG_mmw_act_closed), TPL_TEXT },
					{ "value", sbuf_cstr(&v),
					    TPL_TRUSTED_HTML },
				};
				rc |= view_append(&closed, VIEW_mm_action_fact,
				    ctx->loc, f, NBINDS(f));
			}
			sbuf_free(&v);
		}
	}
	if (r->note[0] != '\0') {
		const struct tpl_bind	b[] = {
			{ "text", r->note, TPL_TEXT },
		};
		struct sbuf	v;

		sbuf_init(&v);
		rc |= view_append(&v, VIEW_mm_action_text, ctx->loc, b,
		    NBINDS(b));
		{
			const struct tpl_bind	f[] = {
				{ "label", i18n_get(ctx->loc, MSG_mmf_note),
				    TPL_TEXT },
				{ "value", sbuf_cstr(&v), TPL_TRUSTED_HTML },
			};
			rc |= view_append(&note, VIEW_mm_action_fact,
			    ctx->loc, f, NBINDS(f));
		}
		sbuf_free(&v);
	}
	if (r->ev_href[0] != '\0') {
		rc |= row_link(&evl, ctx->loc, r->ev_href, r->ev_title);
		{
			const struct tpl_bind	f[] = {
				{ "label", i18n_get(ctx->loc, MSG_mmf_evidence),
				    TPL_TEXT },
				{ "value", sbuf_cstr(&evl), TPL_TRUSTED_HTML },
			};
			rc |= view_append(&ev, VIEW_mm_action_fact, ctx->loc,
			    f, NBINDS(f));
		}
	}
	if (r->update && u != NULL && u->loaded)
		rc |= mme_form(&form, req, ctx);
	if (r->run && strcmp(r->state, "definitief") != 0) {
		sbuf_printf(&href, MME_PATH "/%s/verwijderen", ctx->id);
		{
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&href), TPL_TEXT },
			};
			rc |= view_append(&remove, VIEW_mm_action_remove_link,
			    ctx->loc, b, NBINDS(b));
		}
	}
	if (ctx->updated) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_mmw_act_updated),
			    TPL_TEXT },
		};
		rc |= view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->conflict)
		rc |= view_append(&conflict, VIEW_mm_action_conflict,
		    ctx->loc, NULL, 0);
	{
		const struct tpl_bind	b[] = {
			{ "href", r->href, TPL_TEXT },
			{ "title", r->title, TPL_TEXT },
			{ "series", r->series, TPL_TEXT },
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "id", ctx->id, TPL_TEXT },
			{ "what", r->what, TPL_TEXT },
			{ "owner", sbuf_cstr(&owner), TPL_TRUSTED_HTML },
			{ "due", sbuf_cstr(&due), TPL_TRUSTED_HTML },
			{ "status", sbuf_cstr(&st), TPL_TRUSTED_HTML },
			{ "closed", sbuf_cstr(&closed), TPL_TRUSTED_HTML },
			{ "note", sbuf_cstr(&note), TPL_TRUSTED_HTML },
			{ "evidence", sbuf_cstr(&ev), TPL_TRUSTED_HTML },
			{ "conflict", sbuf_cstr(&conflict),
			    TPL_TRUSTED_HTML },
			{ "form", sbuf_cstr(&form), TPL_TRUSTED_HTML },
			{ "remove", sbuf_cstr(&remove), TPL_TRUSTED_HTML },
		};
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, status, ctx->loc, i18n_get(ctx->loc,
			    MSG_mmw_act_title), MMF_PATH, VIEW_mm_action_show,
			    b, NBINDS(b));
	}
	sbuf_free(&owner);
	sbuf_free(&due);
	sbuf_free(&st);
	sbuf_free(&closed);
	sbuf_free(&cdate);
	sbuf_free(&cin);
	sbuf_free(&note);
	sbuf_free(&ev);
	sbuf_free(&evl);
	sbuf_free(&form);
	sbuf_free(&remove);
	sbuf_free(&notice);
	sbuf_free(&conflict);
	sbuf_free(&href);
	return (HTTP_STATE_COMPLETE);
}

static void
mme_row_free(struct mme_row *r)
{
	kore_free(r->session);
	kore_free(r->href);
	kore_free(r->title);
	kore_free(r->series);
	kore_free(r->what);
	kore_free(r->owner_id);
	kore_free(r->owner);
	kore_free(r->owner_name);
	kore_free(r->due);
	kore_free(r->status);
	kore_free(r->note);
	kore_free(r->ev_path);
	kore_free(r->ev_href);
	kore_free(r->ev_title);
	kore_free(r->rev);
	kore_free(r->state);
	kore_free(r->closed_at);
	kore_free(r->closed_href);
	kore_free(r->closed_title);
	memset(r, 0, sizeof(*r));
}

static void
mme_free(struct http_request *req)
{
	struct mme_ctx	*ctx = http_state_get(req);

	mme_row_free(&ctx->r);
	kore_free(ctx->what);
	kore_free(ctx->owner);
	kore_free(ctx->due);
	kore_free(ctx->status);
	kore_free(ctx->note);
	kore_free(ctx->evidence);
	kore_free(ctx->error);
	fv_free(&ctx->fv);
}
