/*
 * Editing a post: /berichten/<id>/bewerken
 *
 * GET shows the stored text with the revision it is (base). POST
 * (multipart: _csrf, base, body) saves through post_edit() in SQL,
 * which keeps the old text in post_revision, then 303 to the post in
 * its discussion with ?gedaan=bewerkt (the same text again writes no
 * version: ?gedaan=ongewijzigd). When someone saved since the
 * form was opened, nothing is written: the 409 page shows what is
 * stored, the difference to the typed text, and the form with the typed
 * text and base moved on, so saving over it is a conscious choice.
 *
 * Who: the author while a member, and the community's moderators
 * (checked again in SQL). Readers of a closed community who are not
 * members get 404, of a members-only one the members-only page, other
 * readers a page that says who may edit (403). Every refusal of a POST
 * shows the form again with what was typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/diff.h"
#include "core/form.h"
#include "db/q_topic.h"
#include "web/auth.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/topic.h"
#include "web/view.h"

#define PE_PREFIX	"/berichten/"

struct pe_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	char			 id[TOPIC_ID_MAX + 1];
	int			 bad;
	int			 post;
	int			 reload;
	const char		*body;
	char			 base[16];
	char			 started[16];

	struct topic_comm	 comm;
	int			 found;
	int			 may_edit;
	int			 shown;
	long			 n;
	char			 topic[24];
	char			*title;
	char			*stored;
	char			 rev[16];

	struct sbuf		 html;
	struct sbuf		 conflict;
	int			 is_conflict;
	int			 unchanged;
	struct fv		 fv;
};

static const char *const	pe_fields[] = { "body", NULL };

static void	pe_read(struct http_request *, struct pe_ctx *);
static int	pe_session(struct http_request *, struct db_ctx *);
static void	pe_row(struct db_ctx *, struct kore_pgsql *, int);
static int	pe_loaded(struct http_request *, struct db_ctx *);
static int	pe_save(struct http_request *, struct pe_ctx *);
static void	pe_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	pe_saved(struct http_request *, struct db_ctx *);
static int	pe_fail(struct http_request *, struct db_ctx *, int);
static int	pe_reloaded(struct http_request *, struct db_ctx *);
static int	pe_show_conflict(struct http_request *, struct pe_ctx *);
static int	pe_render(struct http_request *, struct pe_ctx *, int);
static void	pe_topic_href(struct sbuf *, struct pe_ctx *);
static void	pe_free(struct http_request *);

int
post_edit(struct http_request *req)
{
	struct pe_ctx	*ctx;
	const char	*p;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), pe_free);
		ctx->loc = resp_locale(req);
		ctx->body = "";
		sbuf_init(&ctx->html);
		sbuf_init(&ctx->conflict);
		fv_init(&ctx->fv, ctx->loc);
		if (strncmp(req->path, PE_PREFIX, strlen(PE_PREFIX)) != 0 ||
		    topic_id_at(req->path + strlen(PE_PREFIX), ctx->id,
		    sizeof(ctx->id), &p) == -1 || strcmp(p, "/bewerken") != 0)
			ctx->bad = 1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			pe_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, pe_session);
	}
	return (db_run(req));
}

static void
pe_read(struct http_request *req, struct pe_ctx *ctx)
{
	char		*v;

	(void)req_populate_form(req);
	if (http_argument_get_string(req, "body", &v)) {
		form_lf(v);
		ctx->body = form_rtrim(v);
	}
	if (http_argument_get_string(req, "base", &v))
		(void)kore_strlcpy(ctx->base, v, sizeof(ctx->base));
}

static int
pe_session(struct http_request *req, struct db_ctx *db)
{
	struct pe_ctx	*ctx = (struct pe_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_post_get, pe_row, pe_loaded));
}

static void
pe_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct pe_ctx	*ctx = (struct pe_ctx *)db;

	topic_comm_read(&ctx->comm, sql, r);
	ctx->found = 1;
	ctx->n = atol(db_text(sql, r, QT_E_N));
	(void)kore_strlcpy(ctx->topic, db_text(sql, r, QT_E_TOPIC),
	    sizeof(ctx->topic));
	kore_free(ctx->title);
	ctx->title = kore_strdup(db_text(sql, r, QT_E_TITLE));
	kore_free(ctx->stored);
	ctx->stored = kore_strdup(db_text(sql, r, QT_E_BODY));
	(void)kore_strlcpy(ctx->rev, db_text(sql, r, QT_E_REV),
	    sizeof(ctx->rev));
	ctx->may_edit = strcmp(db_text(sql, r, QT_E_MAY_EDIT), "t") == 0;
	ctx->shown = strcmp(db_text(sql, r, QT_E_SHOWN), "t") == 0;
}

static int
pe_loaded(struct http_request *req, struct db_ctx *db)
{
	struct pe_ctx	*ctx = (struct pe_ctx *)db;
	struct sbuf	 back;

	/* A forged POST to something the reader cannot reach: refused. */
	if (ctx->post && !(ctx->found && ctx->comm.found && ctx->comm.read) &&
	    !auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!topic_gate_typed(req, ctx->loc, &ctx->comm, ctx->body))
		return (HTTP_STATE_COMPLETE);
	if (!ctx->shown) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->may_edit) {
		sbuf_init(&back);
		pe_topic_href(&back, ctx);
		(void)topic_message(req, ctx->loc, 403, MSG_err_403_title,
		    MSG_post_edit_forbidden, sbuf_cstr(&back),
		    MSG_topic_back_topic);
		sbuf_free(&back);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post) {
		ctx->body = ctx->stored;
		(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
		return (pe_render(req, ctx, 200));
	}
	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (pe_render(req, ctx, 403));
	}
	if (!topic_body_ok(&ctx->fv, "body", ctx->body))
		return (pe_render(req, ctx, 400));
	if (strcmp(ctx->base, ctx->rev) != 0)
		return (pe_show_conflict(req, ctx));
	if (ctx->stored != NULL && strcmp(ctx->body, ctx->stored) == 0) {
		/* Nothing changed: no new version. */
		ctx->unchanged = 1;
		return (pe_saved(req, db));
	}
	return (pe_save(req, ctx));
}

static int
pe_save(struct http_request *req, struct pe_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	if (topic_body_html(&ctx->html, ctx->body) == -1) {
		fv_error(&ctx->fv, "body", MSG_topic_bad_chars, NULL);
		return (pe_render(req, ctx, 400));
	}
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->base;
	db->params[3] = ctx->body;
	db->params[4] = sbuf_cstr(&ctx->html);
	db->fail = pe_fail;
	return (db_chain(req, db, &q_post_save, pe_save_row, pe_saved));
}

static void
pe_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct pe_ctx	*ctx = (struct pe_ctx *)db;

	ctx->is_conflict = strcmp(db_text(sql, r, QT_S_CONFLICT), "t") == 0;
}

static int
pe_saved(struct http_request *req, struct db_ctx *db)
{
	struct pe_ctx	*ctx = (struct pe_ctx *)db;
	struct sbuf	 to;

	if (!ctx->unchanged && db->nrows != 1)
		return (pe_fail(req, db, 503));
	if (ctx->is_conflict) {
		/* Someone saved between our page query and the save. */
		ctx->reload = 1;
		ctx->found = 0;
		topic_comm_free(&ctx->comm);
		memset(&ctx->comm, 0, sizeof(ctx->comm));
		db->params[0] = ctx->id;
		db->params[1] = db->user.id;
		return (db_chain(req, db, &q_post_get, pe_row, pe_reloaded));
	}
	sbuf_init(&to);
	sbuf_printf(&to, "/gemeenschappen/%s/gesprekken/%s", ctx->comm.slug,
	    ctx->topic);
	if (ctx->n > QT_PER_PAGE)
		sbuf_printf(&to, "?pagina=%ld&", (ctx->n - 1) / QT_PER_PAGE + 1);
	else
		sbuf_putc(&to, '?');
	sbuf_puts(&to, ctx->unchanged ? "gedaan=ongewijzigd" :
	    "gedaan=bewerkt");
	sbuf_printf(&to, "#bericht-%ld", ctx->n);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
pe_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct pe_ctx	*ctx = (struct pe_ctx *)db;

	switch (status) {
	case 403:
		fv_form_error(&ctx->fv, MSG_post_save_forbidden, NULL);
		break;
	case 404:
		fv_form_error(&ctx->fv, MSG_post_save_gone, NULL);
		break;
	default:
		fv_form_error(&ctx->fv, MSG_topic_save_failed, NULL);
		break;
	}
	return (pe_render(req, ctx, status));
}

static int
pe_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct pe_ctx	*ctx = (struct pe_ctx *)db;

	if (!ctx->found || !ctx->comm.read || !ctx->shown)
		return (pe_fail(req, db, 404));
	if (!ctx->may_edit)
		return (pe_fail(req, db, 403));
	return (pe_show_conflict(req, ctx));
}

/* 409: what is stored now and how the typed text differs from it. */
static int
pe_show_conflict(struct http_request *req, struct pe_ctx *ctx)
{
	struct sbuf		 text, fold, diff;
	struct diff_stats	 st;
	const char		*args[2];
	const char		*zu[1] = { "%zu" };
	const char		*stored;

	(void)kore_strlcpy(ctx->started, ctx->base, sizeof(ctx->started));
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	stored = ctx->stored != NULL ? ctx->stored : "";
	sbuf_init(&text);
	sbuf_init(&fold);
	sbuf_init(&diff);
	args[0] = ctx->started[0] != '\0' ? ctx->started : "?";
	args[1] = ctx->rev;
	i18n_fmt(&text, i18n_get(ctx->loc, MSG_post_conflict_text), args, 2);
	/* diff_html takes a printf format; messages hold only %s. */
	i18n_fmt(&fold, i18n_get(ctx->loc, MSG_topic_diff_fold), zu, 1);
	memset(&st, 0, sizeof(st));
	(void)diff_html(&diff, stored, strlen(stored), ctx->body,
	    strlen(ctx->body), sbuf_cstr(&fold), &st);
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "stored", stored, TPL_TEXT },
			{ "diff", sbuf_cstr(&diff), TPL_TRUSTED_HTML },
		};
		(void)view_append(&ctx->conflict, st.added == 0 &&
		    st.removed == 0 ? VIEW_post_conflict_same :
		    VIEW_post_conflict, ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&fold);
	sbuf_free(&diff);
	return (pe_render(req, ctx, 409));
}

/* The post in its discussion: the page it is on and its anchor. */
static void
pe_topic_href(struct sbuf *out, struct pe_ctx *ctx)
{
	sbuf_printf(out, "/gemeenschappen/%s/gesprekken/%s", ctx->comm.slug,
	    ctx->topic);
	if (ctx->n > QT_PER_PAGE)
		sbuf_printf(out, "?pagina=%ld", (ctx->n - 1) / QT_PER_PAGE + 1);
	sbuf_printf(out, "#bericht-%ld", ctx->n);
}

static int
pe_render(struct http_request *req, struct pe_ctx *ctx, int status)
{
	struct sbuf	 lead, back, action;
	const char	*args[2];
	char		 n[24];

	sbuf_init(&lead);
	sbuf_init(&back);
	sbuf_init(&action);
	(void)snprintf(n, sizeof(n), "%ld", ctx->n);
	args[0] = n;
	args[1] = ctx->title != NULL ? ctx->title : "";
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_post_edit_lead), args, 2);
	pe_topic_href(&back, ctx);
	sbuf_printf(&action, "/berichten/%s/bewerken", ctx->id);
	{
		const struct tpl_bind	fixed[] = {
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "conflict", sbuf_cstr(&ctx->conflict),
			    TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "base", ctx->base, TPL_TEXT },
			{ "body", ctx->body, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(pe_fields) * FV_BINDS_PER_FIELD];
		size_t			nb;

		nb = fv_binds(&ctx->fv, pe_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_post_edit_title), "/gemeenschappen",
		    VIEW_post_edit, b, nb);
	}
	sbuf_free(&lead);
	sbuf_free(&back);
	sbuf_free(&action);
	return (HTTP_STATE_COMPLETE);
}

static void
pe_free(struct http_request *req)
{
	struct pe_ctx	*ctx = http_state_get(req);

	topic_comm_free(&ctx->comm);
	kore_free(ctx->title);
	kore_free(ctx->stored);
	sbuf_free(&ctx->html);
	sbuf_free(&ctx->conflict);
	fv_free(&ctx->fv);
}
