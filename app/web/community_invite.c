/*
 * An invitation by e-mail (made on the members page, see
 * community_member.c):
 *
 *   GET  /gemeenschappen/uitnodiging?token=T   sign in first (303 to
 *                                              /inloggen with the way
 *                                              back), then a page naming
 *                                              the community and who
 *                                              invited, with "Accepteren"
 *   POST /gemeenschappen/uitnodiging           _csrf, token: the signed-
 *                                              in person becomes a member
 *                                              (community_invite_accept),
 *                                              303 to the community
 *
 * The token is looked up by its hash only. An unknown, used or expired
 * token gets one page that says so (404), whichever it was.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/token.h"
#include "db/q_community.h"
#include "web/auth.h"
#include "web/community.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define CV_PATH	"/gemeenschappen/uitnodiging"

struct cv_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 post;
	char		 token[TOK_LEN + 1];
	char		 hash[TOK_HASH_HEX + 1];
	int		 found;
	char		 slug[PATH_SLUG_MAX + 1];
	struct sbuf	 name;
	struct sbuf	 summary;
	struct sbuf	 inviter;
};

static int	cv_session(struct http_request *, struct db_ctx *);
static void	cv_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cv_loaded(struct http_request *, struct db_ctx *);
static void	cv_accept_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cv_accept_fail(struct http_request *, struct db_ctx *, int);
static int	cv_accepted(struct http_request *, struct db_ctx *);
static int	cv_gone(struct http_request *, struct cv_ctx *);
static void	cv_free(struct http_request *);

int
community_invitation(struct http_request *req)
{
	struct cv_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), cv_free);
		ctx->loc = resp_locale(req);
		ctx->post = req->method == HTTP_METHOD_POST;
		sbuf_init(&ctx->name);
		sbuf_init(&ctx->summary);
		sbuf_init(&ctx->inviter);
		if (ctx->post)
			(void)req_populate_form(req);
		else
			http_populate_get(req);
		if (http_argument_get_string(req, "token", &v) &&
		    tok_valid(v) && tok_hash_hex(v, ctx->hash) == 0)
			(void)kore_strlcpy(ctx->token, v, sizeof(ctx->token));
		db_start(req, &ctx->db, NULL, NULL, cv_session);
	}
	return (db_run(req));
}

static int
cv_session(struct http_request *req, struct db_ctx *db)
{
	struct cv_ctx	*ctx = (struct cv_ctx *)db;
	struct sbuf	 to, back;

	if (!db->user.loaded) {
		/* Back here, token and all, after signing in. */
		sbuf_init(&to);
		sbuf_init(&back);
		sbuf_puts(&to, "/inloggen");
		if (!ctx->post && ctx->token[0] != '\0') {
			sbuf_printf(&back, CV_PATH "?token=%s", ctx->token);
			sbuf_puts(&to, "?terug=");
			sbuf_urlenc(&to, sbuf_cstr(&back));
		}
		resp_redirect(req, sbuf_cstr(&to));
		sbuf_free(&to);
		sbuf_free(&back);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->post && !auth_post_ok(req, db))
		return (comm_message(req, ctx->loc, 403, MSG_err_403_title,
		    MSG_comm_err_csrf, "/gemeenschappen", MSG_comm_inv_back));
	if (ctx->token[0] == '\0')
		return (cv_gone(req, ctx));
	db->params[0] = ctx->hash;
	if (!ctx->post)
		return (db_chain(req, db, &q_community_invitation, cv_row,
		    cv_loaded));
	db->params[1] = db->user.id;
	db->fail = cv_accept_fail;
	return (db_chain(req, db, &q_community_invitation_accept,
	    cv_accept_row, cv_accepted));
}

static void
cv_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cv_ctx	*ctx = (struct cv_ctx *)db;

	ctx->found = 1;
	(void)kore_strlcpy(ctx->slug, db_text(sql, r, QCV_SLUG),
	    sizeof(ctx->slug));
	sbuf_puts(&ctx->name, db_text(sql, r, QCV_NAME));
	sbuf_puts(&ctx->summary, db_text(sql, r, QCV_SUMMARY));
	sbuf_puts(&ctx->inviter, db_text(sql, r, QCV_INVITER));
}

static int
cv_loaded(struct http_request *req, struct db_ctx *db)
{
	struct cv_ctx	*ctx = (struct cv_ctx *)db;
	struct sbuf	 text;
	const char	*args[2];

	if (!ctx->found)
		return (cv_gone(req, ctx));
	sbuf_init(&text);
	if (ctx->inviter.len > 0) {
		args[0] = sbuf_cstr(&ctx->inviter);
		args[1] = sbuf_cstr(&ctx->name);
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_comm_inv_text), args,
		    2);
	} else {
		args[0] = sbuf_cstr(&ctx->name);
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_comm_inv_text_anon),
		    args, 1);
	}
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "name", sbuf_cstr(&ctx->name), TPL_TEXT },
			{ "summary", sbuf_cstr(&ctx->summary), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "token", ctx->token, TPL_TEXT },
		};
		view_page(req, 200, ctx->loc,
		    i18n_get(ctx->loc, MSG_comm_inv_title), "/gemeenschappen",
		    VIEW_community_invitation, b, NBINDS(b));
	}
	sbuf_free(&text);
	return (HTTP_STATE_COMPLETE);
}

static void
cv_accept_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cv_ctx	*ctx = (struct cv_ctx *)db;

	(void)kore_strlcpy(ctx->slug, db_text(sql, r, 0), sizeof(ctx->slug));
}

static int
cv_accept_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct cv_ctx	*ctx = (struct cv_ctx *)db;

	if (status == 404)
		return (cv_gone(req, ctx));
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static int
cv_accepted(struct http_request *req, struct db_ctx *db)
{
	struct cv_ctx	*ctx = (struct cv_ctx *)db;
	char		 to[COMM_HREF_MAX + 32];

	if (!path_slug_ok(ctx->slug, strlen(ctx->slug)))
		return (cv_gone(req, ctx));
	(void)snprintf(to, sizeof(to), COMM_PREFIX "%s?gedaan=welkom",
	    ctx->slug);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

static int
cv_gone(struct http_request *req, struct cv_ctx *ctx)
{
	return (comm_message(req, ctx->loc, 404, MSG_comm_inv_gone_title,
	    MSG_comm_inv_gone_text, "/gemeenschappen", MSG_comm_inv_back));
}

static void
cv_free(struct http_request *req)
{
	struct cv_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->name);
	sbuf_free(&ctx->summary);
	sbuf_free(&ctx->inviter);
}
