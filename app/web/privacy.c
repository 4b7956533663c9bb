/*
 * /account/export (GET: what the file holds; POST: the download) and
 * /account/verwijderen (GET: what deletion does; POST with the password:
 * delete). Both only for people who are signed in.
 *
 * The export is one statement that builds the JSON in PostgreSQL and
 * writes its audit row (db/q_privacy.c). Deletion verifies the password
 * with Argon2id in a task, throttled per account before any hashing, and
 * then calls account_delete() (sql/003_privacy.sql), which erases the
 * personal data in one transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_privacy.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/pw.h"
#include "web/resp.h"
#include "web/view.h"

#define DELETE_ACCT_LIMIT	5	/* wrong passwords per 15 minutes */

struct export_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	struct sbuf	 json;
	struct fv	 fv;
};

struct delete_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		*password;
	char		 limit[12];
	char		 hash[crypto_pwhash_STRBYTES];
	int		 wait;
	int		 found;
	int		 deleted;
	struct pw_task	 pw;
	struct fv	 fv;
};

static int	export_form(struct http_request *, struct db_ctx *);
static int	export_post(struct http_request *, struct db_ctx *);
static void	export_row(struct db_ctx *, struct kore_pgsql *, int);
static int	export_done(struct http_request *, struct db_ctx *);
static int	export_render(struct http_request *, struct export_ctx *,
		    int);
static void	export_free(struct http_request *);

static int	delete_form(struct http_request *, struct db_ctx *);
static int	delete_post(struct http_request *, struct db_ctx *);
static void	delete_check_row(struct db_ctx *, struct kore_pgsql *, int);
static int	delete_checked(struct http_request *, struct db_ctx *);
static int	delete_verified(struct http_request *, struct db_ctx *);
static int	delete_wrong(struct http_request *, struct db_ctx *);
static void	delete_row(struct db_ctx *, struct kore_pgsql *, int);
static int	delete_done(struct http_request *, struct db_ctx *);
static int	delete_render(struct http_request *, struct delete_ctx *,
		    int);
static void	delete_free(struct http_request *);

int
export_page(struct http_request *req)
{
	struct export_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), export_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		sbuf_init(&ctx->json);
		if (req->method == HTTP_METHOD_POST)
			http_populate_post(req);
		db_start(req, &ctx->db, NULL, NULL,
		    req->method == HTTP_METHOD_POST ? export_post :
		    export_form);
	}
	return (db_run(req));
}

static int
export_form(struct http_request *req, struct db_ctx *db)
{
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (export_render(req, (struct export_ctx *)db, 200));
}

static int
export_post(struct http_request *req, struct db_ctx *db)
{
	struct export_ctx	*ctx = (struct export_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (export_render(req, ctx, 403));
	}
	db->params[0] = db->user.id;
	return (db_chain(req, db, &q_privacy_export, export_row,
	    export_done));
}

static void
export_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct export_ctx	*ctx = (struct export_ctx *)db;

	sbuf_puts(&ctx->json, db_text(sql, r, 0));
}

static int
export_done(struct http_request *req, struct db_ctx *db)
{
	struct export_ctx	*ctx = (struct export_ctx *)db;

	/* The account was deleted between the session check and here. */
	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_putc(&ctx->json, '\n');
	http_response_header(req, "content-disposition",
	    "attachment; filename=\"bron-gegevens.json\"");
	resp_json(req, 200, &ctx->json);
	return (HTTP_STATE_COMPLETE);
}

static int
export_render(struct http_request *req, struct export_ctx *ctx, int status)
{
	const char	*errors;

	errors = fv_summary(&ctx->fv);
	{
		const struct tpl_bind	b[] = {
			{ "errors", errors, TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
		};
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_priv_export_title), "/account",
		    VIEW_export, b, NBINDS(b));
	}
	return (HTTP_STATE_COMPLETE);
}

static void
export_free(struct http_request *req)
{
	struct export_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->json);
	fv_free(&ctx->fv);
}

int
delete_page(struct http_request *req)
{
	struct delete_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), delete_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		ctx->password = "";
		if (req->method == HTTP_METHOD_POST) {
			http_populate_post(req);
			if (!http_argument_get_string(req, "password",
			    &ctx->password))
				ctx->password = "";
		}
		db_start(req, &ctx->db, NULL, NULL,
		    req->method == HTTP_METHOD_POST ? delete_post :
		    delete_form);
	}
	return (db_run(req));
}

static int
delete_form(struct http_request *req, struct db_ctx *db)
{
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (delete_render(req, (struct delete_ctx *)db, 200));
}

static int
delete_post(struct http_request *req, struct db_ctx *db)
{
	struct delete_ctx	*ctx = (struct delete_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (delete_render(req, ctx, 403));
	}
	if (*ctx->password == '\0')
		fv_check(&ctx->fv, "password", FORM_EMPTY, 0);
	else if (strlen(ctx->password) > FORM_PW_MAX * 4)
		fv_check(&ctx->fv, "password", FORM_PW_LONG, FORM_PW_MAX);
	if (ctx->fv.nerr > 0)
		return (delete_render(req, ctx, 400));

	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d",
	    DELETE_ACCT_LIMIT);
	db->params[0] = db->user.id;
	db->params[1] = ctx->limit;
	return (db_chain(req, db, &q_privacy_delete_check, delete_check_row,
	    delete_checked));
}

static void
delete_check_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct delete_ctx	*ctx = (struct delete_ctx *)db;

	ctx->found = 1;
	ctx->wait = atoi(db_text(sql, r, QD_WAIT));
	(void)kore_strlcpy(ctx->hash, db_text(sql, r, QD_HASH),
	    sizeof(ctx->hash));
}

static int
delete_checked(struct http_request *req, struct db_ctx *db)
{
	struct delete_ctx	*ctx = (struct delete_ctx *)db;
	char			 mins[16];

	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	/* Before hashing: a locked bucket costs no Argon2 work. */
	if (ctx->wait > 0) {
		auth_retry_after(req, ctx->wait, mins, sizeof(mins));
		fv_form_error(&ctx->fv, MSG_throttled, mins);
		return (delete_render(req, ctx, 429));
	}
	if (pw_start(&ctx->pw, PW_VERIFY, ctx->password, ctx->hash) == -1) {
		http_response_header(req, "retry-after", RESP_RETRY_AFTER);
		fv_form_error(&ctx->fv, MSG_form_busy, NULL);
		return (delete_render(req, ctx, 503));
	}
	return (db_task(req, db, &ctx->pw.task, delete_verified));
}

static int
delete_verified(struct http_request *req, struct db_ctx *db)
{
	struct delete_ctx	*ctx = (struct delete_ctx *)db;
	int			 ok;

	/* An account without a password (made by the CLI) never matches. */
	ok = ctx->pw.ok && ctx->hash[0] != '\0';
	pw_clear(&ctx->pw);
	sodium_memzero(ctx->hash, sizeof(ctx->hash));
	db->params[0] = db->user.id;
	db->params[1] = ctx->limit;
	if (!ok)
		return (db_chain(req, db, &q_privacy_delete_failed, NULL,
		    delete_wrong));
	return (db_chain(req, db, &q_privacy_delete, delete_row,
	    delete_done));
}

static int
delete_wrong(struct http_request *req, struct db_ctx *db)
{
	struct delete_ctx	*ctx = (struct delete_ctx *)db;

	fv_error(&ctx->fv, "password", MSG_priv_delete_pw_wrong, NULL);
	return (delete_render(req, ctx, 400));
}

static void
delete_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct delete_ctx	*ctx = (struct delete_ctx *)db;

	ctx->deleted = strcmp(db_text(sql, r, 0), "t") == 0;
}

static int
delete_done(struct http_request *req, struct db_ctx *db)
{
	struct delete_ctx	*ctx = (struct delete_ctx *)db;

	/* Deleted by a request that ran at the same time: also gone. */
	if (!ctx->deleted)
		kore_log(LOG_NOTICE, "privacy: account already deleted");
	auth_set_cookie(req, AUTH_CK_SID, "", 0);
	resp_redirect(req, "/?verwijderd=1");
	return (HTTP_STATE_COMPLETE);
}

static int
delete_render(struct http_request *req, struct delete_ctx *ctx, int status)
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
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(fv, fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_priv_delete_title), "/account",
		    VIEW_delete, b, n);
	}
	return (HTTP_STATE_COMPLETE);
}

static void
delete_free(struct http_request *req)
{
	struct delete_ctx	*ctx = http_state_get(req);

	/* May run twice (client gone while hashing): fv_free is idempotent. */
	fv_free(&ctx->fv);
}
