/*
 * /inloggen (GET form, POST sign-in) and POST /uitloggen.
 *
 * Sign-in: session and CSRF check, form check, then one query counts the
 * attempt per IP and peeks at the account's failure bucket (429 before
 * any hashing), Argon2id verification in a task, and either a new
 * session (new token: no fixation; the old session row is deleted) or
 * a counted failure. Unknown address, wrong password: the same message
 * and the same work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/path.h"
#include "db/q.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/pw.h"
#include "web/resp.h"
#include "web/view.h"

#define LOGIN_IP_LIMIT		30	/* attempts per IP per 15 minutes */
#define LOGIN_ACCT_LIMIT	5	/* failures per account per 15 minutes */

static const char *const	login_fields[] = { "email", "password", NULL };

struct login_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		*email;
	char		*password;
	const char	*back;
	int		 reset_done;	/* ?hersteld=1 after a reset */
	char		 ip[64];
	char		 iplimit[12];
	char		 acctlimit[12];
	char		 acct[24];
	char		 hash[crypto_pwhash_STRBYTES];
	int		 blocked;
	int		 wait;
	char		 tok[TOK_LEN + 1];
	char		 tokhash[TOK_HASH_HEX + 1];
	char		 csrf[TOK_LEN + 1];
	char		 ua[201];
	struct pw_task	 pw;
	struct fv	 fv;
};

static int	login_form(struct http_request *, struct db_ctx *);
static int	login_post(struct http_request *, struct db_ctx *);
static void	login_row(struct db_ctx *, struct kore_pgsql *, int);
static int	login_checked(struct http_request *, struct db_ctx *);
static int	login_verified(struct http_request *, struct db_ctx *);
static int	login_failed(struct http_request *, struct db_ctx *);
static int	login_done(struct http_request *, struct db_ctx *);
static int	login_render(struct http_request *, struct login_ctx *, int);
static void	login_free(struct http_request *);
static int	logout_checked(struct http_request *, struct db_ctx *);
static int	logout_done(struct http_request *, struct db_ctx *);

int
login_page(struct http_request *req)
{
	struct login_ctx	*ctx;
	char			*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), login_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		ctx->email = "";
		ctx->back = "";
		if (req->method == HTTP_METHOD_POST) {
			http_populate_post(req);
			if (http_argument_get_string(req, "email", &v))
				ctx->email = form_trim(v);
			if (!http_argument_get_string(req, "password",
			    &ctx->password))
				ctx->password = "";
		} else {
			http_populate_get(req);
			ctx->reset_done = http_argument_get_string(req,
			    "hersteld", &v);
		}
		if (http_argument_get_string(req, "terug", &v) &&
		    path_local_ok(v))
			ctx->back = v;
		db_start(req, &ctx->db, NULL, NULL,
		    req->method == HTTP_METHOD_POST ? login_post : login_form);
	}
	return (db_run(req));
}

static int
login_form(struct http_request *req, struct db_ctx *db)
{
	return (login_render(req, (struct login_ctx *)db, 200));
}

static int
login_post(struct http_request *req, struct db_ctx *db)
{
	struct login_ctx	*ctx = (struct login_ctx *)db;
	enum form_err		 e;

	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (login_render(req, ctx, 403));
	}
	e = form_email(ctx->email);
	if (e != FORM_EMPTY && e != FORM_BAD_CHARS && e != FORM_TOO_LONG)
		e = e == FORM_OK ? FORM_OK : FORM_BAD_EMAIL;
	fv_check(&ctx->fv, "email", e, FORM_EMAIL_MAX);
	if (*ctx->password == '\0')
		fv_check(&ctx->fv, "password", FORM_EMPTY, 0);
	else if (strlen(ctx->password) > FORM_PW_MAX * 4)
		fv_check(&ctx->fv, "password", FORM_PW_LONG, FORM_PW_MAX);
	if (ctx->fv.nerr > 0) {
		if (e == FORM_BAD_CHARS)
			ctx->email = "";
		return (login_render(req, ctx, 400));
	}
	(void)kore_strlcpy(ctx->ip, auth_client_ip(req), sizeof(ctx->ip));
	(void)snprintf(ctx->iplimit, sizeof(ctx->iplimit), "%d",
	    LOGIN_IP_LIMIT);
	(void)snprintf(ctx->acctlimit, sizeof(ctx->acctlimit), "%d",
	    LOGIN_ACCT_LIMIT);
	db->params[0] = ctx->email;
	db->params[1] = ctx->ip;
	db->params[2] = ctx->iplimit;
	db->params[3] = ctx->acctlimit;
	return (db_chain(req, db, &q_login_check, login_row, login_checked));
}

static void
login_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct login_ctx	*ctx = (struct login_ctx *)db;
	int			 a, b;

	a = atoi(db_text(sql, r, QL_WAIT_IP));
	b = atoi(db_text(sql, r, QL_WAIT_ACCT));
	ctx->wait = a > b ? a : b;
	(void)kore_strlcpy(ctx->acct, db_text(sql, r, QL_ID),
	    sizeof(ctx->acct));
	(void)kore_strlcpy(ctx->hash, db_text(sql, r, QL_HASH),
	    sizeof(ctx->hash));
	ctx->blocked = strcmp(db_text(sql, r, QL_BLOCKED), "t") == 0;
}

static int
login_checked(struct http_request *req, struct db_ctx *db)
{
	struct login_ctx	*ctx = (struct login_ctx *)db;
	char			 mins[16];

	if (ctx->wait > 0) {
		auth_retry_after(req, ctx->wait, mins, sizeof(mins));
		fv_form_error(&ctx->fv, MSG_throttled, mins);
		return (login_render(req, ctx, 429));
	}
	if (pw_start(&ctx->pw, PW_VERIFY, ctx->password, ctx->hash) == -1) {
		http_response_header(req, "retry-after", RESP_RETRY_AFTER);
		fv_form_error(&ctx->fv, MSG_form_busy, NULL);
		return (login_render(req, ctx, 503));
	}
	return (db_task(req, db, &ctx->pw.task, login_verified));
}

static int
login_verified(struct http_request *req, struct db_ctx *db)
{
	struct login_ctx	*ctx = (struct login_ctx *)db;
	int			 ok;

	ok = ctx->pw.ok && ctx->acct[0] != '\0' && ctx->hash[0] != '\0';
	pw_clear(&ctx->pw);
	if (!ok) {
		db->params[0] = ctx->email;
		db->params[1] = ctx->acctlimit;
		db->params[2] = ctx->acct;
		return (db_chain(req, db, &q_login_failed, NULL, login_failed));
	}
	if (ctx->blocked) {
		fv_form_error(&ctx->fv, MSG_login_blocked, NULL);
		return (login_render(req, ctx, 403));
	}
	tok_new(ctx->tok);
	(void)tok_hash_hex(ctx->tok, ctx->tokhash);
	tok_new(ctx->csrf);
	auth_user_agent(req, ctx->ua, sizeof(ctx->ua));
	db->params[0] = ctx->acct;
	db->params[1] = ctx->tokhash;
	db->params[2] = ctx->csrf;
	db->params[3] = ctx->ua;
	/* The session this browser had before, valid or not, ends here. */
	db->params[4] = db->user.tokhash;
	return (db_chain(req, db, &q_session_create, NULL, login_done));
}

static int
login_failed(struct http_request *req, struct db_ctx *db)
{
	struct login_ctx	*ctx = (struct login_ctx *)db;

	fv_form_error(&ctx->fv, MSG_login_failed, NULL);
	return (login_render(req, ctx, 400));
}

static int
login_done(struct http_request *req, struct db_ctx *db)
{
	struct login_ctx	*ctx = (struct login_ctx *)db;

	auth_set_cookie(req, AUTH_CK_SID, ctx->tok, AUTH_MAX_SECS);
	resp_redirect(req, *ctx->back != '\0' ? ctx->back : "/account");
	return (HTTP_STATE_COMPLETE);
}

static int
login_render(struct http_request *req, struct login_ctx *ctx, int status)
{
	struct fv	*fv = &ctx->fv;
	struct sbuf	 notice;
	const char	*errors;

	errors = fv_summary(fv);
	sbuf_init(&notice);
	if (ctx->reset_done) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_login_reset_done),
			    TPL_TEXT },
		};
		(void)view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "errors", errors, TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "back", ctx->back, TPL_TEXT },
			{ "email", ctx->email, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(login_fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(fv, login_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_login_title), "/inloggen",
		    VIEW_login, b, n);
	}
	sbuf_free(&notice);
	return (HTTP_STATE_COMPLETE);
}

static void
login_free(struct http_request *req)
{
	struct login_ctx	*ctx = http_state_get(req);

	/* May run twice (client gone while hashing): fv_free is idempotent. */
	fv_free(&ctx->fv);
}

/* POST /uitloggen: end this session, or with alles=1 every session. */
int
logout_post(struct http_request *req)
{
	struct db_ctx	*db;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		db = http_state_create(req, sizeof(*db), NULL);
		db_start(req, db, NULL, NULL, logout_checked);
	}
	return (db_run(req));
}

static int
logout_checked(struct http_request *req, struct db_ctx *db)
{
	char	*all;

	if (!auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!db->user.loaded)
		return (logout_done(req, db));
	if (http_argument_get_string(req, "alles", &all) &&
	    strcmp(all, "1") == 0) {
		db->params[0] = db->user.id;
		return (db_chain(req, db, &q_session_end_all, NULL,
		    logout_done));
	}
	db->params[0] = db->user.session_id;
	return (db_chain(req, db, &q_session_end, NULL, logout_done));
}

static int
logout_done(struct http_request *req, struct db_ctx *db)
{
	(void)db;
	auth_set_cookie(req, AUTH_CK_SID, "", 0);
	resp_redirect(req, "/");
	return (HTTP_STATE_COMPLETE);
}
