/*
 * A community's members, and what moderators do with them:
 *
 *   GET  /gemeenschappen/<slug>/leden        members (display name, link
 *                                            to /mensen/{id}, moderator
 *                                            marker, since), 20 a page;
 *                                            moderators also see requests
 *                                            with their motivation, open
 *                                            invitations and the buttons
 *   POST /gemeenschappen/<slug>/leden        _csrf, action = goedkeuren |
 *                                            afwijzen | verwijderen |
 *                                            moderator | geen_moderator |
 *                                            intrekken, account
 *   POST /gemeenschappen/<slug>/uitnodigen   _csrf, who (a display name
 *                                            or an e-mail address), note
 *
 * The list is members-only content: who may see the community but not
 * read it gets "alleen voor leden" with the join button; a community
 * the reader may not see is 404. Only display names are shown, never an
 * e-mail address. member_act() and community_invite_email() decide and
 * write (audit rows, notifications); this file maps their answers. An
 * invitation by name that matches nobody, or more than one person,
 * comes back on this page with a message next to the field; by e-mail
 * the moderator hears the same whether or not the address has an
 * account, so the form cannot be used to find out who is on Bron.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/token.h"
#include "db/q_community.h"
#include "web/auth.h"
#include "web/community.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

enum cm_page {
	CM_LIST,		/* GET .../leden */
	CM_ACT,			/* POST .../leden */
	CM_INVITE		/* POST .../uitnodigen */
};

static const char *const	cm_actions[] = {
	"goedkeuren", "afwijzen", "verwijderen", "moderator",
	"geen_moderator", "intrekken", NULL
};
static const char *const	cm_done_words[] = {
	"goedgekeurd", "afgewezen", "verwijderd", "moderator",
	"geen_moderator", "ingetrokken"
};

struct cm_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	enum cm_page	 page;
	char		 slug[PATH_SLUG_MAX + 1];
	long		 pageno;
	char		 offset[24];
	char		 limit[24];
	char		*done;		/* ?gedaan= */
	/* POST .../leden */
	int		 act;		/* index in cm_actions, or -1 */
	char		 account[16];
	/* POST .../uitnodigen */
	char		*who;
	char		*note;
	char		 email[FORM_EMAIL_MAX + 1];
	char		 token[TOK_LEN + 1];
	char		 hash[TOK_HASH_HEX + 1];
	struct sbuf	 subject;
	struct sbuf	 body;
	char		 matches[8];
	char		 result[16];
	struct fv	 fv;
	/* The page. */
	struct comm_head head;
	struct sbuf	 members;
	struct sbuf	 requests;
	struct sbuf	 invited;
	int		 nmembers;
	int		 nrequests;
	int		 ninvited;
};

static int	cm_enter(struct http_request *, enum cm_page);
static int	cm_session(struct http_request *, struct db_ctx *);
static int	cm_load(struct http_request *, struct cm_ctx *, db_done_fn);
static void	cm_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cm_button(struct sbuf *, struct cm_ctx *, const char *,
		    const char *, const char *, const char *, enum msg_id,
		    int);
static void	cm_row_person(struct cm_ctx *, struct kore_pgsql *, int,
		    int);
static int	cm_loaded(struct http_request *, struct db_ctx *);
static int	cm_render(struct http_request *, struct cm_ctx *, int);
static int	cm_render_moderate(struct sbuf *, struct http_request *,
		    struct cm_ctx *);
static void	cm_head_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cm_headed(struct http_request *, struct db_ctx *);
static int	cm_act_fail(struct http_request *, struct db_ctx *, int);
static int	cm_acted(struct http_request *, struct db_ctx *);
static int	cm_invite_check(struct http_request *, struct db_ctx *);
static int	cm_invite_mail(struct http_request *, struct cm_ctx *);
static void	cm_invite_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cm_invite_fail(struct http_request *, struct db_ctx *, int);
static int	cm_invited(struct http_request *, struct db_ctx *);
static int	cm_back(struct http_request *, struct cm_ctx *, int,
		    enum msg_id);
static void	cm_free(struct http_request *);

int
community_members(struct http_request *req)
{
	return (cm_enter(req, req->method == HTTP_METHOD_POST ? CM_ACT :
	    CM_LIST));
}

int
community_invite(struct http_request *req)
{
	return (cm_enter(req, CM_INVITE));
}

static int
cm_enter(struct http_request *req, enum cm_page page)
{
	struct cm_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];
	char		*v;

	if (!http_state_exists(req)) {
		if (comm_path_slug(req->path, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), cm_free);
		ctx->loc = resp_locale(req);
		ctx->page = page;
		memcpy(ctx->slug, slug, sizeof(slug));
		ctx->act = -1;
		ctx->who = ctx->note = "";
		ctx->pageno = 1;
		sbuf_init(&ctx->subject);
		sbuf_init(&ctx->body);
		comm_head_init(&ctx->head);
		sbuf_init(&ctx->members);
		sbuf_init(&ctx->requests);
		sbuf_init(&ctx->invited);
		fv_init(&ctx->fv, ctx->loc);
		if (page == CM_LIST) {
			http_populate_get(req);
			ctx->pageno = comm_page(req);
			(void)http_argument_get_string(req, "gedaan",
			    &ctx->done);
		} else {
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "action", &v))
				ctx->act = form_choice(v, cm_actions);
			if (http_argument_get_string(req, "account", &v))
				(void)kore_strlcpy(ctx->account, v,
				    sizeof(ctx->account));
			if (http_argument_get_string(req, "who", &v)) {
				form_oneline(v);
				ctx->who = form_trim(v);
			}
			if (http_argument_get_string(req, "note", &v)) {
				form_lf(v);
				ctx->note = form_trim(v);
			}
		}
		db_start(req, &ctx->db, NULL, NULL, cm_session);
	}
	return (db_run(req));
}

static int
cm_session(struct http_request *req, struct db_ctx *db)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;

	switch (ctx->page) {
	case CM_LIST:
		return (cm_load(req, ctx, cm_loaded));
	case CM_ACT:
		if (!auth_require(req, db, ROLE_LID))
			return (HTTP_STATE_COMPLETE);
		db->params[0] = ctx->slug;
		db->params[1] = db->user.id;
		return (db_chain(req, db, &q_community_head, cm_head_row,
		    cm_headed));
	default:
		if (!auth_require(req, db, ROLE_LID))
			return (HTTP_STATE_COMPLETE);
		return (cm_load(req, ctx, cm_invite_check));
	}
}

/* The page's data: the head, one page of members, requests, invited. */
static int
cm_load(struct http_request *req, struct cm_ctx *ctx, db_done_fn done)
{
	struct db_ctx	*db = &ctx->db;

	(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
	    (ctx->pageno - 1) * QCM_PER_PAGE);
	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d", QCM_PER_PAGE);
	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	db->params[2] = ctx->offset;
	db->params[3] = ctx->limit;
	return (db_chain(req, db, &q_community_members, cm_row, done));
}

static void
cm_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;
	int		 type;

	type = atoi(db_text(sql, r, QCH_TYPE));
	if (type == QCH_HEAD)
		comm_head_read(&ctx->head, sql, r);
	else if (type == QCH_MEMBER || type == QCH_REQUEST ||
	    type == QCH_INVITED)
		cm_row_person(ctx, sql, r, type);
}

/* A button acting on one person (their name for screen readers). */
static int
cm_button(struct sbuf *out, struct cm_ctx *ctx, const char *csrf,
    const char *act, const char *account, const char *name,
    enum msg_id label, int danger)
{
	const struct tpl_bind	b[] = {
		{ "slug", ctx->slug, TPL_TEXT },
		{ "csrf", csrf, TPL_TEXT },
		{ "act", act, TPL_TEXT },
		{ "account", account, TPL_TEXT },
		{ "label", i18n_get(ctx->loc, label), TPL_TEXT },
		{ "name", name, TPL_TEXT },
		{ "cls", danger ? " class=\"button-danger\"" : "",
		    TPL_TRUSTED_HTML },
	};

	return (view_append(out, VIEW_community_member_button, ctx->loc, b,
	    NBINDS(b)));
}

static void
cm_row_person(struct cm_ctx *ctx, struct kore_pgsql *sql, int r, int type)
{
	struct sbuf	 buttons, cell, *out;
	const char	*id, *name, *c3, *date, *csrf;
	char		 shown[32];
	int		 rc, mod, self;

	id = db_text(sql, r, QCH_C1);
	name = db_text(sql, r, QCH_C2);
	if (*name == '\0')
		name = i18n_get(ctx->loc, MSG_former_member);
	c3 = db_text(sql, r, QCH_C3);
	date = db_text(sql, r, QCH_C4);
	row_date_shown(date, shown, sizeof(shown));
	csrf = ctx->db.user.loaded ? ctx->db.user.csrf : "";
	self = ctx->db.user.loaded && strcmp(id, ctx->db.user.id) == 0;
	sbuf_init(&buttons);
	sbuf_init(&cell);
	rc = 0;
	switch (type) {
	case QCH_MEMBER:
		out = &ctx->members;
		ctx->nmembers++;
		mod = comm_bool(c3);
		if (!ctx->head.may_mod || self)
			break;
		rc |= cm_button(&buttons, ctx, csrf, mod ? "geen_moderator" :
		    "moderator", id, name, mod ? MSG_comm_b_unmake_mod :
		    MSG_comm_b_make_mod, 0);
		rc |= cm_button(&buttons, ctx, csrf, "verwijderen", id, name,
		    MSG_comm_b_remove, 1);
		break;
	case QCH_REQUEST:
		out = &ctx->requests;
		ctx->nrequests++;
		rc |= cm_button(&buttons, ctx, csrf, "goedkeuren", id, name,
		    MSG_comm_b_approve, 0);
		rc |= cm_button(&buttons, ctx, csrf, "afwijzen", id, name,
		    MSG_comm_b_reject, 1);
		if (*c3 == '\0')
			c3 = i18n_get(ctx->loc, MSG_comm_no_note);
		break;
	default:
		out = &ctx->invited;
		ctx->ninvited++;
		rc |= cm_button(&buttons, ctx, csrf, "intrekken", id, name,
		    MSG_comm_b_revoke, 0);
		if (*c3 == '\0')
			c3 = i18n_get(ctx->loc, MSG_former_member);
		break;
	}
	if (buttons.len > 0) {
		const struct tpl_bind	b[] = {
			{ "buttons", sbuf_cstr(&buttons), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&cell, VIEW_community_actions_cell,
		    ctx->loc, b, NBINDS(b));
	} else if (ctx->head.may_mod)
		rc |= view_append(&cell, VIEW_community_empty_cell, ctx->loc,
		    NULL, 0);
	{
		const struct tpl_bind	b[] = {
			{ "id", id, TPL_TEXT },
			{ "name", name, TPL_TEXT },
			{ "third", type == QCH_MEMBER ? i18n_get(ctx->loc,
			    comm_bool(c3) ? MSG_comm_role_moderator :
			    MSG_comm_role_member) : c3, TPL_TEXT },
			{ "date", date, TPL_TEXT },
			{ "date_shown", shown, TPL_TEXT },
			{ "actions", sbuf_cstr(&cell), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_community_member_row, ctx->loc,
		    b, NBINDS(b));
	}
	if (rc != 0)
		ctx->db.failed = 1;
	sbuf_free(&buttons);
	sbuf_free(&cell);
}

static int
cm_loaded(struct http_request *req, struct db_ctx *db)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;

	if (!ctx->head.found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	/* Members-only content: 403, as the discussion pages answer. */
	return (cm_render(req, ctx, ctx->head.may_read ? 200 : 403));
}

static int
cm_render(struct http_request *req, struct cm_ctx *ctx, int status)
{
	struct comm_head	*h = &ctx->head;
	struct sbuf		 heading, notice, body, moderate, pager;
	struct sbuf		 count, base;
	const char		*args[1];
	int			 rc;

	sbuf_init(&heading);
	sbuf_init(&notice);
	sbuf_init(&body);
	sbuf_init(&moderate);
	sbuf_init(&pager);
	sbuf_init(&count);
	sbuf_init(&base);
	args[0] = sbuf_cstr(&h->name);
	i18n_fmt(&heading, i18n_get(ctx->loc, MSG_comm_members_title), args,
	    1);
	rc = comm_notice(&notice, ctx->loc, ctx->done);
	if (!h->may_read) {
		rc |= view_append(&body, VIEW_community_members_only,
		    ctx->loc, NULL, 0);
		rc |= comm_join_box(&body, ctx->loc, auth_csrf(req), h,
		    ctx->db.user.loaded, "", &ctx->fv);
	} else {
		args[0] = h->members;
		i18n_fmt(&count, i18n_get(ctx->loc, MSG_comm_members_count),
		    args, 1);
		sbuf_printf(&base, COMM_PREFIX "%s/leden", h->slug);
		rc |= comm_pager(&pager, ctx->loc, sbuf_cstr(&base),
		    ctx->pageno, strtol(h->members, NULL, 10), QCM_PER_PAGE,
		    ctx->nmembers);
		if (ctx->nmembers == 0) {
			const struct tpl_bind	b[] = {
				{ "text", i18n_get(ctx->loc,
				    MSG_comm_members_empty), TPL_TEXT },
			};
			rc |= view_append(&body, VIEW_empty, ctx->loc, b,
			    NBINDS(b));
		} else {
			const struct tpl_bind	b[] = {
				{ "count", sbuf_cstr(&count), TPL_TEXT },
				{ "rows", sbuf_cstr(&ctx->members),
				    TPL_TRUSTED_HTML },
				{ "actions_th", h->may_mod ?
				    i18n_get(ctx->loc, MSG_comm_col_actions) :
				    "", TPL_TEXT },
				{ "pager", sbuf_cstr(&pager),
				    TPL_TRUSTED_HTML },
			};
			rc |= view_append(&body, h->may_mod ?
			    VIEW_community_members_table_mod :
			    VIEW_community_members_table, ctx->loc, b,
			    NBINDS(b));
		}
		if (h->may_mod)
			rc |= cm_render_moderate(&moderate, req, ctx);
	}
	if (rc != 0 || ctx->db.failed)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "slug", h->slug, TPL_TEXT },
			{ "body", sbuf_cstr(&body), TPL_TRUSTED_HTML },
			{ "moderate", sbuf_cstr(&moderate), TPL_TRUSTED_HTML },
		};
		view_page(req, status, ctx->loc, sbuf_cstr(&heading),
		    "/gemeenschappen", VIEW_community_members, b, NBINDS(b));
	}
	sbuf_free(&heading);
	sbuf_free(&notice);
	sbuf_free(&body);
	sbuf_free(&moderate);
	sbuf_free(&pager);
	sbuf_free(&count);
	sbuf_free(&base);
	return (HTTP_STATE_COMPLETE);
}

/* Requests, open invitations and the invitation form. */
static int
cm_render_moderate(struct sbuf *out, struct http_request *req,
    struct cm_ctx *ctx)
{
	static const char *const	fields[] = { "who", "note", NULL };
	struct sbuf			 requests, invited, mailed;
	const char			*args[1];
	int				 rc;

	sbuf_init(&requests);
	sbuf_init(&invited);
	sbuf_init(&mailed);
	rc = 0;
	if (ctx->nrequests == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_comm_requests_empty),
			    TPL_TEXT },
		};
		rc |= view_append(&requests, VIEW_empty, ctx->loc, b,
		    NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->requests),
			    TPL_TRUSTED_HTML },
		};
		rc |= view_append(&requests, VIEW_community_requests_table,
		    ctx->loc, b, NBINDS(b));
	}
	if (ctx->ninvited == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_comm_invited_empty),
			    TPL_TEXT },
		};
		rc |= view_append(&invited, VIEW_empty, ctx->loc, b,
		    NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->invited), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&invited, VIEW_community_invited_table,
		    ctx->loc, b, NBINDS(b));
	}
	if (strcmp(ctx->head.mailed, "0") != 0) {
		struct sbuf	text;

		sbuf_init(&text);
		args[0] = ctx->head.mailed;
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_comm_mailed_open),
		    args, 1);
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
		};
		rc |= view_append(&mailed, VIEW_community_text, ctx->loc, b,
		    NBINDS(b));
		sbuf_free(&text);
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "slug", ctx->slug, TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "requests", sbuf_cstr(&requests), TPL_TRUSTED_HTML },
			{ "invited", sbuf_cstr(&invited), TPL_TRUSTED_HTML },
			{ "mailed", sbuf_cstr(&mailed), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "who", ctx->who, TPL_TEXT },
			{ "note", ctx->note, TPL_TEXT },
		};
		struct tpl_bind			b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];
		size_t				n;

		n = fv_binds(&ctx->fv, fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		rc |= view_append(out, VIEW_community_moderation, ctx->loc, b,
		    n);
	}
	sbuf_free(&requests);
	sbuf_free(&invited);
	sbuf_free(&mailed);
	return (rc);
}

/* ---- POST .../leden ------------------------------------------------- */

static void
cm_head_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;

	comm_head_read(&ctx->head, sql, r);
}

/* A page that says why, with a link back to the members. */
static int
cm_back(struct http_request *req, struct cm_ctx *ctx, int status,
    enum msg_id text)
{
	char	back[COMM_HREF_MAX];

	(void)snprintf(back, sizeof(back), COMM_PREFIX "%s/leden", ctx->slug);
	return (comm_message(req, ctx->loc, status, status == 403 ?
	    MSG_err_403_title : MSG_comm_err_title, text, back,
	    MSG_comm_back_members));
}

static int
cm_headed(struct http_request *req, struct db_ctx *db)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;

	if (!auth_post_ok(req, db)) {
		if (!ctx->head.found)
			return (comm_message(req, ctx->loc, 403,
			    MSG_err_403_title, MSG_comm_err_csrf,
			    "/gemeenschappen", MSG_comm_inv_back));
		return (cm_back(req, ctx, 403, MSG_comm_err_csrf));
	}
	if (!ctx->head.found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->head.may_mod)
		return (cm_back(req, ctx, 403, MSG_comm_err_not_mod));
	if (ctx->act == -1 || ctx->account[0] == '\0')
		return (cm_back(req, ctx, 400, MSG_comm_err_bad_action));
	if (strcmp(ctx->account, db->user.id) == 0)
		return (cm_back(req, ctx, 409, MSG_comm_err_self));
	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	db->params[2] = cm_actions[ctx->act];
	db->params[3] = ctx->account;
	db->params[4] = "";
	db->fail = cm_act_fail;
	return (db_chain(req, db, &q_community_act, NULL, cm_acted));
}

static int
cm_act_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;

	switch (status) {
	case 403:
		return (cm_back(req, ctx, 403, MSG_comm_err_not_mod));
	case 404:
		return (cm_back(req, ctx, 404, MSG_comm_err_no_account));
	case 409:
		return (cm_back(req, ctx, 409, MSG_comm_err_state));
	case 400:
		return (cm_back(req, ctx, 400, MSG_comm_err_bad_action));
	default:
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
}

static int
cm_acted(struct http_request *req, struct db_ctx *db)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;
	char		 to[COMM_HREF_MAX + 40];

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	(void)snprintf(to, sizeof(to), COMM_PREFIX "%s/leden?gedaan=%s",
	    ctx->slug, cm_done_words[ctx->act]);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

/* ---- POST .../uitnodigen -------------------------------------------- */

static int
cm_invite_check(struct http_request *req, struct db_ctx *db)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;
	enum form_err	 e;

	if (!ctx->head.found) {
		if (!auth_post_ok(req, db))
			return (comm_message(req, ctx->loc, 403,
			    MSG_err_403_title, MSG_comm_err_csrf,
			    "/gemeenschappen", MSG_comm_inv_back));
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->head.may_mod)
		return (cm_back(req, ctx, 403, MSG_comm_err_not_mod));
	if (!auth_post_ok(req, db)) {
		/* Nothing is sent; the form comes back as it was typed. */
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (cm_render(req, ctx, 403));
	}
	if (*ctx->who == '\0')
		fv_error(&ctx->fv, "who", MSG_comm_who_empty, NULL);
	else if (form_text(ctx->who, COMM_WHO_MAX, 1, 0) == FORM_TOO_LONG)
		comm_error_max(&ctx->fv, "who", MSG_comm_who_long,
		    COMM_WHO_MAX);
	else if (form_text(ctx->who, COMM_WHO_MAX, 1, 0) != FORM_OK)
		fv_error(&ctx->fv, "who", MSG_comm_bad_chars, NULL);
	else if (strchr(ctx->who, '@') != NULL) {
		(void)kore_strlcpy(ctx->email, ctx->who, sizeof(ctx->email));
		if ((e = form_email(ctx->email)) != FORM_OK)
			fv_error(&ctx->fv, "who", MSG_comm_who_bad_email,
			    NULL);
	}
	switch (form_text(ctx->note, COMM_NOTE_MAX, 0, 1)) {
	case FORM_OK:
		break;
	case FORM_TOO_LONG:
		comm_error_max(&ctx->fv, "note", MSG_comm_note_long,
		    COMM_NOTE_MAX);
		break;
	default:
		fv_error(&ctx->fv, "note", MSG_comm_bad_chars, NULL);
		break;
	}
	if (ctx->fv.nerr > 0)
		return (cm_render(req, ctx, 400));
	db->fail = cm_invite_fail;
	if (ctx->email[0] != '\0')
		return (cm_invite_mail(req, ctx));
	db->params[0] = ctx->head.id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->who;
	db->params[3] = ctx->note;
	return (db_chain(req, db, &q_community_invite_name, cm_invite_row,
	    cm_invited));
}

/*
 * By e-mail: a fresh token; the mail (Dutch: we do not know the
 * reader's language) holds the absolute link, the database only the
 * token's hash.
 */
static int
cm_invite_mail(struct http_request *req, struct cm_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;
	struct sbuf	 link, note;
	const char	*args[4];

	tok_new(ctx->token);
	if (tok_hash_hex(ctx->token, ctx->hash) == -1) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&link);
	sbuf_init(&note);
	sbuf_printf(&link, "%s/gemeenschappen/uitnodiging?token=%s",
	    resp_base_url(), ctx->token);
	if (*ctx->note != '\0') {
		args[0] = ctx->note;
		i18n_fmt(&note, i18n_get(LOC_NL, MSG_comm_mail_note), args, 1);
	}
	args[0] = sbuf_cstr(&ctx->head.name);
	i18n_fmt(&ctx->subject, i18n_get(LOC_NL, MSG_comm_mail_subject), args,
	    1);
	args[0] = *db->user.name != '\0' ? db->user.name :
	    i18n_get(LOC_NL, MSG_comm_mail_someone);
	args[1] = sbuf_cstr(&ctx->head.name);
	args[2] = sbuf_cstr(&note);
	args[3] = sbuf_cstr(&link);
	i18n_fmt(&ctx->body, i18n_get(LOC_NL, MSG_comm_mail_body), args, 4);
	sbuf_free(&link);
	sbuf_free(&note);
	db->params[0] = ctx->head.id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->email;
	db->params[3] = ctx->hash;
	db->params[4] = sbuf_cstr(&ctx->subject);
	db->params[5] = sbuf_cstr(&ctx->body);
	return (db_chain(req, db, &q_community_invite_mail, cm_invite_row,
	    cm_invited));
}

static void
cm_invite_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;

	if (ctx->email[0] != '\0') {
		(void)kore_strlcpy(ctx->result, db_text(sql, r, 0),
		    sizeof(ctx->result));
		return;
	}
	(void)kore_strlcpy(ctx->matches, db_text(sql, r, QCI_MATCHES),
	    sizeof(ctx->matches));
	(void)kore_strlcpy(ctx->result, db_text(sql, r, QCI_STATE),
	    sizeof(ctx->result));
}

static int
cm_invite_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;

	db->fail = NULL;
	switch (status) {
	case 403:
		return (cm_back(req, ctx, 403, MSG_comm_err_not_mod));
	case 404:
		fv_error(&ctx->fv, "who", MSG_comm_who_none, ctx->who);
		return (cm_render(req, ctx, 400));
	case 409:
		fv_error(&ctx->fv, "who", MSG_comm_err_self, NULL);
		return (cm_render(req, ctx, 409));
	default:
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
}

static int
cm_invited(struct http_request *req, struct db_ctx *db)
{
	struct cm_ctx	*ctx = (struct cm_ctx *)db;
	char		 to[COMM_HREF_MAX + 40];

	if (ctx->email[0] == '\0' && strcmp(ctx->matches, "1") != 0) {
		fv_error(&ctx->fv, "who", strcmp(ctx->matches, "0") == 0 ?
		    MSG_comm_who_none : MSG_comm_who_many, ctx->who);
		return (cm_render(req, ctx, 400));
	}
	(void)snprintf(to, sizeof(to), COMM_PREFIX "%s/leden?gedaan=%s",
	    ctx->slug, ctx->email[0] == '\0' &&
	    strcmp(ctx->result, "lid") == 0 ? "al_lid" : "uitgenodigd");
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

static void
cm_free(struct http_request *req)
{
	struct cm_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->subject);
	sbuf_free(&ctx->body);
	comm_head_free(&ctx->head);
	sbuf_free(&ctx->members);
	sbuf_free(&ctx->requests);
	sbuf_free(&ctx->invited);
	fv_free(&ctx->fv);
}
