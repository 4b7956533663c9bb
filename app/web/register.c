/*
 * /registreren: GET shows the form, POST creates the account and signs
 * in. Checks with a message per field; the form comes back with what
 * was typed (never the password). Throttled per IP before hashing; the
 * account and its first session are one statement, so a double submit
 * or a race on the same address ends in 409 with the form, not in two
 * accounts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/pw.h"
#include "web/resp.h"
#include "web/view.h"

#define REGISTER_IP_LIMIT	10	/* accounts per IP per hour */

static const char *const	kinds[] = {
	"professional", "ervaringsdeskundige", "anders", NULL
};

/* The fields of the form, for fv_binds(). */
static const char *const	reg_fields[] = {
	"email", "name", "password", "kind", NULL
};

struct reg_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		*email;
	char		*name;
	char		*password;
	const char	*kind;
	char		 ip[64];
	char		 limit[12];
	int		 wait;
	int		 exists;
	char		 tok[TOK_LEN + 1];
	char		 tokhash[TOK_HASH_HEX + 1];
	char		 csrf[TOK_LEN + 1];
	char		 ua[201];
	struct pw_task	 pw;
	struct fv	 fv;
};

static int	reg_form(struct http_request *, struct db_ctx *);
static int	reg_post(struct http_request *, struct db_ctx *);
static void	reg_check_row(struct db_ctx *, struct kore_pgsql *, int);
static int	reg_checked(struct http_request *, struct db_ctx *);
static int	reg_hashed(struct http_request *, struct db_ctx *);
static int	reg_fail(struct http_request *, struct db_ctx *, int);
static int	reg_done(struct http_request *, struct db_ctx *);
static int	reg_render(struct http_request *, struct reg_ctx *, int);
static void	reg_free(struct http_request *);

int
register_page(struct http_request *req)
{
	struct reg_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), reg_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		ctx->email = ctx->name = ctx->password = "";
		ctx->kind = "";
		if (req->method == HTTP_METHOD_POST) {
			http_populate_post(req);
			if (http_argument_get_string(req, "email", &v))
				ctx->email = form_trim(v);
			if (http_argument_get_string(req, "name", &v))
				ctx->name = form_trim(v);
			if (http_argument_get_string(req, "password", &v))
				ctx->password = v;
			if (http_argument_get_string(req, "kind", &v))
				ctx->kind = v;
		}
		db_start(req, &ctx->db, NULL, NULL,
		    req->method == HTTP_METHOD_POST ? reg_post : reg_form);
	}
	return (db_run(req));
}

static int
reg_form(struct http_request *req, struct db_ctx *db)
{
	return (reg_render(req, (struct reg_ctx *)db, 200));
}

static int
reg_post(struct http_request *req, struct db_ctx *db)
{
	struct reg_ctx	*ctx = (struct reg_ctx *)db;
	enum form_err	 e;

	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (reg_render(req, ctx, 403));
	}
	e = form_email(ctx->email);
	if (fv_check(&ctx->fv, "email", e, FORM_EMAIL_MAX) &&
	    e == FORM_BAD_CHARS)
		ctx->email = "";	/* cannot be shown as typed */
	e = form_text(ctx->name, FORM_NAME_MAX, 1, 0);
	if (fv_check(&ctx->fv, "name", e, FORM_NAME_MAX) &&
	    e == FORM_BAD_CHARS)
		ctx->name = "";
	fv_check(&ctx->fv, "password", form_password(ctx->password,
	    ctx->email, ctx->name), FORM_PW_MAX);
	if (form_choice(ctx->kind, kinds) == -1) {
		fv_check(&ctx->fv, "kind", FORM_BAD_CHOICE, 0);
		ctx->kind = "";
	}
	if (ctx->fv.nerr > 0)
		return (reg_render(req, ctx, 400));

	(void)kore_strlcpy(ctx->ip, auth_client_ip(req), sizeof(ctx->ip));
	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d",
	    REGISTER_IP_LIMIT);
	db->params[0] = ctx->email;
	db->params[1] = ctx->ip;
	db->params[2] = ctx->limit;
	return (db_chain(req, db, &q_register_check, reg_check_row,
	    reg_checked));
}

static void
reg_check_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct reg_ctx	*ctx = (struct reg_ctx *)db;

	ctx->wait = atoi(db_text(sql, r, QR_WAIT));
	ctx->exists = strcmp(db_text(sql, r, QR_EXISTS), "t") == 0;
}

static int
reg_checked(struct http_request *req, struct db_ctx *db)
{
	struct reg_ctx	*ctx = (struct reg_ctx *)db;
	char		 mins[16];

	if (ctx->wait > 0) {
		auth_retry_after(req, ctx->wait, mins, sizeof(mins));
		fv_form_error(&ctx->fv, MSG_throttled, mins);
		return (reg_render(req, ctx, 429));
	}
	if (ctx->exists) {
		fv_error(&ctx->fv, "email", MSG_form_email_taken, NULL);
		return (reg_render(req, ctx, 409));
	}
	if (pw_start(&ctx->pw, PW_HASH, ctx->password, NULL) == -1) {
		http_response_header(req, "retry-after", RESP_RETRY_AFTER);
		fv_form_error(&ctx->fv, MSG_form_busy, NULL);
		return (reg_render(req, ctx, 503));
	}
	return (db_task(req, db, &ctx->pw.task, reg_hashed));
}

static int
reg_hashed(struct http_request *req, struct db_ctx *db)
{
	struct reg_ctx	*ctx = (struct reg_ctx *)db;

	pw_clear(&ctx->pw);
	if (!ctx->pw.ok) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	tok_new(ctx->tok);
	(void)tok_hash_hex(ctx->tok, ctx->tokhash);
	tok_new(ctx->csrf);
	auth_user_agent(req, ctx->ua, sizeof(ctx->ua));
	db->params[0] = ctx->email;
	db->params[1] = ctx->name;
	db->params[2] = ctx->pw.hash;
	db->params[3] = ctx->kind;
	/* Experts by experience get the role that goes with it. */
	db->params[4] = strcmp(ctx->kind, "ervaringsdeskundige") == 0 ?
	    "ervaringsdeskundige" : "lid";
	db->params[5] = ctx->tokhash;
	db->params[6] = ctx->csrf;
	db->params[7] = ctx->ua;
	db->params[8] = db->user.tokhash;
	db->fail = reg_fail;
	return (db_chain(req, db, &q_register, NULL, reg_done));
}

/* The address was taken between the check and the insert. */
static int
reg_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct reg_ctx	*ctx = (struct reg_ctx *)db;

	if (status != 409) {
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
	fv_error(&ctx->fv, "email", MSG_form_email_taken, NULL);
	return (reg_render(req, ctx, 409));
}

static int
reg_done(struct http_request *req, struct db_ctx *db)
{
	struct reg_ctx	*ctx = (struct reg_ctx *)db;

	auth_set_cookie(req, AUTH_CK_SID, ctx->tok, AUTH_MAX_SECS);
	resp_redirect(req, "/account");
	return (HTTP_STATE_COMPLETE);
}

static int
reg_render(struct http_request *req, struct reg_ctx *ctx, int status)
{
	static const char	 checked[] = " checked";
	struct fv		*fv = &ctx->fv;
	const char		*errors;

	errors = fv_summary(fv);
	{
		const struct tpl_bind	fixed[] = {
			{ "errors", errors, TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "email", ctx->email, TPL_TEXT },
			{ "name", ctx->name, TPL_TEXT },
			{ "kind_professional", strcmp(ctx->kind,
			    "professional") == 0 ? checked : "",
			    TPL_TRUSTED_HTML },
			{ "kind_ervaringsdeskundige", strcmp(ctx->kind,
			    "ervaringsdeskundige") == 0 ? checked : "",
			    TPL_TRUSTED_HTML },
			{ "kind_anders", strcmp(ctx->kind, "anders") == 0 ?
			    checked : "", TPL_TRUSTED_HTML },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(reg_fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(fv, reg_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_reg_title), "/registreren",
		    VIEW_register, b, n);
	}
	return (HTTP_STATE_COMPLETE);
}

static void
reg_free(struct http_request *req)
{
	struct reg_ctx	*ctx = http_state_get(req);

	fv_free(&ctx->fv);
}
