/*
 * Password reset by e-mail.
 *
 * /wachtwoord-vergeten (reset_request): GET shows the form; POST checks
 * the form, then one statement throttles per IP and per address and,
 * only for an active account with that address, stores a hashed token
 * and queues the mail with the link in the outbox (tools/mailer.c sends
 * it). Known or unknown address: the same page and status.
 *
 * /wachtwoord-herstellen?token=... (reset_form): GET shows the form for
 * a new password if the token is usable; POST hashes the new password in
 * a task, then one statement uses the token (only if still unused and
 * unexpired), sets the password and ends every session of the account.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/sbuf.h"
#include "core/token.h"
#include "db/q_reset.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/pw.h"
#include "web/resp.h"
#include "web/view.h"

#define RESET_IP_LIMIT		5	/* requests per IP per hour */
#define RESET_ACCT_LIMIT	3	/* requests per address per hour */

struct reset_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		*email;
	char		*password;
	const char	*token;
	char		 ip[64];
	char		 iplimit[12];
	char		 acctlimit[12];
	char		 tokhash[TOK_HASH_HEX + 1];
	char		 tok[TOK_LEN + 1];
	int		 wait;
	int		 found;
	char		 acct_email[FORM_EMAIL_MAX + 1];
	char		 acct_name[FORM_NAME_MAX * 4 + 1];
	struct sbuf	 body_nl;
	struct sbuf	 body_en;
	struct pw_task	 pw;
	struct fv	 fv;
};

static struct reset_ctx	*reset_ctx_new(struct http_request *);
static void	reset_free(struct http_request *);
static void	reset_mail_body(struct sbuf *, enum locale, const char *);
static int	reset_req_form(struct http_request *, struct db_ctx *);
static int	reset_req_post(struct http_request *, struct db_ctx *);
static void	reset_req_row(struct db_ctx *, struct kore_pgsql *, int);
static int	reset_req_done(struct http_request *, struct db_ctx *);
static int	reset_req_render(struct http_request *, struct reset_ctx *,
		    int);
static int	reset_new_check(struct http_request *, struct db_ctx *);
static void	reset_new_row(struct db_ctx *, struct kore_pgsql *, int);
static int	reset_new_found(struct http_request *, struct db_ctx *);
static int	reset_new_hashed(struct http_request *, struct db_ctx *);
static int	reset_new_done(struct http_request *, struct db_ctx *);
static int	reset_new_render(struct http_request *, struct reset_ctx *,
		    int);
static int	reset_gone(struct http_request *, struct reset_ctx *, int);

int
reset_request(struct http_request *req)
{
	struct reset_ctx	*ctx;
	char			*v;

	if (!http_state_exists(req)) {
		ctx = reset_ctx_new(req);
		if (req->method == HTTP_METHOD_POST) {
			http_populate_post(req);
			if (http_argument_get_string(req, "email", &v))
				ctx->email = form_trim(v);
		}
		db_start(req, &ctx->db, NULL, NULL,
		    req->method == HTTP_METHOD_POST ? reset_req_post :
		    reset_req_form);
	}
	return (db_run(req));
}

int
reset_form(struct http_request *req)
{
	struct reset_ctx	*ctx;
	char			*v;

	if (!http_state_exists(req)) {
		ctx = reset_ctx_new(req);
		if (req->method == HTTP_METHOD_POST) {
			http_populate_post(req);
			if (http_argument_get_string(req, "password", &v))
				ctx->password = v;
		} else
			http_populate_get(req);
		/* Absent when missing or of the wrong shape (v_token). */
		if (http_argument_get_string(req, "token", &v))
			ctx->token = v;
		db_start(req, &ctx->db, NULL, NULL, reset_new_check);
	}
	return (db_run(req));
}

static struct reset_ctx *
reset_ctx_new(struct http_request *req)
{
	struct reset_ctx	*ctx;

	ctx = http_state_create(req, sizeof(*ctx), reset_free);
	ctx->loc = resp_locale(req);
	fv_init(&ctx->fv, ctx->loc);
	sbuf_init(&ctx->body_nl);
	sbuf_init(&ctx->body_en);
	ctx->email = ctx->password = "";
	ctx->token = "";
	return (ctx);
}

static void
reset_free(struct http_request *req)
{
	struct reset_ctx	*ctx = http_state_get(req);

	/* May run twice (client gone while hashing): keep it idempotent. */
	fv_free(&ctx->fv);
	/* The bodies hold the link: wipe them like the token. */
	if (ctx->body_nl.data != NULL)
		sodium_memzero(ctx->body_nl.data, ctx->body_nl.len);
	if (ctx->body_en.data != NULL)
		sodium_memzero(ctx->body_en.data, ctx->body_en.len);
	sbuf_free(&ctx->body_nl);
	sbuf_free(&ctx->body_en);
	sodium_memzero(ctx->tok, sizeof(ctx->tok));
}

static void
reset_mail_body(struct sbuf *sb, enum locale loc, const char *link)
{
	const char *const	args[] = { link };

	i18n_fmt(sb, i18n_get(loc, MSG_reset_mail_body), args, 1);
}

static int
reset_req_form(struct http_request *req, struct db_ctx *db)
{
	return (reset_req_render(req, (struct reset_ctx *)db, 200));
}

static int
reset_req_post(struct http_request *req, struct db_ctx *db)
{
	struct reset_ctx	*ctx = (struct reset_ctx *)db;
	struct sbuf		 link;
	enum form_err		 e;

	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (reset_req_render(req, ctx, 403));
	}
	e = form_email(ctx->email);
	if (fv_check(&ctx->fv, "email", e, FORM_EMAIL_MAX)) {
		if (e == FORM_BAD_CHARS)
			ctx->email = "";	/* cannot be shown as typed */
		return (reset_req_render(req, ctx, 400));
	}

	/* Made for every request: the work does not depend on the address. */
	tok_new(ctx->tok);
	(void)tok_hash_hex(ctx->tok, ctx->tokhash);
	sbuf_init(&link);
	sbuf_printf(&link, "%s/wachtwoord-herstellen?token=%s", resp_base_url(),
	    ctx->tok);
	reset_mail_body(&ctx->body_nl, LOC_NL, sbuf_cstr(&link));
	reset_mail_body(&ctx->body_en, LOC_EN, sbuf_cstr(&link));
	sodium_memzero(link.data, link.len);
	sbuf_free(&link);

	(void)kore_strlcpy(ctx->ip, auth_client_ip(req), sizeof(ctx->ip));
	(void)snprintf(ctx->iplimit, sizeof(ctx->iplimit), "%d",
	    RESET_IP_LIMIT);
	(void)snprintf(ctx->acctlimit, sizeof(ctx->acctlimit), "%d",
	    RESET_ACCT_LIMIT);
	db->params[0] = ctx->email;
	db->params[1] = ctx->ip;
	db->params[2] = ctx->iplimit;
	db->params[3] = ctx->acctlimit;
	db->params[4] = ctx->tokhash;
	db->params[5] = i18n_get(LOC_NL, MSG_reset_mail_subject);
	db->params[6] = sbuf_cstr(&ctx->body_nl);
	db->params[7] = i18n_get(LOC_EN, MSG_reset_mail_subject);
	db->params[8] = sbuf_cstr(&ctx->body_en);
	return (db_chain(req, db, &q_reset_request, reset_req_row,
	    reset_req_done));
}

static void
reset_req_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct reset_ctx	*ctx = (struct reset_ctx *)db;

	ctx->wait = atoi(db_text(sql, r, QRR_WAIT));
}

static int
reset_req_done(struct http_request *req, struct db_ctx *db)
{
	struct reset_ctx	*ctx = (struct reset_ctx *)db;
	char			 mins[16];

	if (ctx->wait > 0) {
		auth_retry_after(req, ctx->wait, mins, sizeof(mins));
		fv_form_error(&ctx->fv, MSG_throttled, mins);
		return (reset_req_render(req, ctx, 429));
	}
	view_page(req, 200, ctx->loc, i18n_get(ctx->loc,
	    MSG_reset_sent_title), NULL, VIEW_reset_sent, NULL, 0);
	return (HTTP_STATE_COMPLETE);
}

static int
reset_req_render(struct http_request *req, struct reset_ctx *ctx,
    int status)
{
	struct fv	*fv = &ctx->fv;
	const char	*errors;

	errors = fv_summary(fv);
	{
		static const char *const	fields[] = {
			"email", NULL
		};
		const struct tpl_bind	fixed[] = {
			{ "errors", errors, TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "email", ctx->email, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(fv, fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_reset_title), NULL, VIEW_reset,
		    b, n);
	}
	return (HTTP_STATE_COMPLETE);
}

/* GET and POST: is the token usable at all? */
static int
reset_new_check(struct http_request *req, struct db_ctx *db)
{
	struct reset_ctx	*ctx = (struct reset_ctx *)db;

	if (req->method == HTTP_METHOD_POST && !auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		if (!tok_valid(ctx->token))
			ctx->token = "";
		return (reset_new_render(req, ctx, 403));
	}
	if (tok_hash_hex(ctx->token, ctx->tokhash) == -1)
		return (reset_gone(req, ctx, 400));
	db->params[0] = ctx->tokhash;
	return (db_chain(req, db, &q_reset_find, reset_new_row,
	    reset_new_found));
}

static void
reset_new_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct reset_ctx	*ctx = (struct reset_ctx *)db;

	ctx->found = 1;
	(void)kore_strlcpy(ctx->acct_email, db_text(sql, r, QRF_EMAIL),
	    sizeof(ctx->acct_email));
	(void)kore_strlcpy(ctx->acct_name, db_text(sql, r, QRF_NAME),
	    sizeof(ctx->acct_name));
}

static int
reset_new_found(struct http_request *req, struct db_ctx *db)
{
	struct reset_ctx	*ctx = (struct reset_ctx *)db;

	if (!ctx->found)
		return (reset_gone(req, ctx, 410));
	if (req->method != HTTP_METHOD_POST)
		return (reset_new_render(req, ctx, 200));
	if (fv_check(&ctx->fv, "password", form_password(ctx->password,
	    ctx->acct_email, ctx->acct_name), FORM_PW_MAX))
		return (reset_new_render(req, ctx, 400));
	if (pw_start(&ctx->pw, PW_HASH, ctx->password, NULL) == -1) {
		http_response_header(req, "retry-after", RESP_RETRY_AFTER);
		fv_form_error(&ctx->fv, MSG_form_busy, NULL);
		return (reset_new_render(req, ctx, 503));
	}
	return (db_task(req, db, &ctx->pw.task, reset_new_hashed));
}

static int
reset_new_hashed(struct http_request *req, struct db_ctx *db)
{
	struct reset_ctx	*ctx = (struct reset_ctx *)db;

	pw_clear(&ctx->pw);
	if (!ctx->pw.ok) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	ctx->found = 0;
	db->params[0] = ctx->tokhash;
	db->params[1] = ctx->pw.hash;
	return (db_chain(req, db, &q_reset_apply, NULL, reset_new_done));
}

static int
reset_new_done(struct http_request *req, struct db_ctx *db)
{
	struct reset_ctx	*ctx = (struct reset_ctx *)db;

	/* Used or expired between the form check and now. */
	if (db->nrows == 0)
		return (reset_gone(req, ctx, 410));
	/* Every session of the account is gone; this browser's may be one. */
	if (db->user.loaded)
		auth_set_cookie(req, AUTH_CK_SID, "", 0);
	resp_redirect(req, "/inloggen?hersteld=1");
	return (HTTP_STATE_COMPLETE);
}

static int
reset_new_render(struct http_request *req, struct reset_ctx *ctx, int status)
{
	struct fv	*fv = &ctx->fv;
	const char	*errors;

	errors = fv_summary(fv);
	{
		static const char *const	fields[] = {
			"password", NULL
		};
		const struct tpl_bind	fixed[] = {
			{ "errors", errors, TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "token", ctx->token, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(fv, fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_reset_new_title), NULL,
		    VIEW_reset_new, b, n);
	}
	return (HTTP_STATE_COMPLETE);
}

static int
reset_gone(struct http_request *req, struct reset_ctx *ctx, int status)
{
	view_page(req, status, ctx->loc, i18n_get(ctx->loc,
	    MSG_reset_gone_title), NULL, VIEW_reset_gone, NULL, 0);
	return (HTTP_STATE_COMPLETE);
}
