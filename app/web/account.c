/*
 * /account: the signed-in person's own page, with four forms (profile,
 * password, e-mail address, sessions), and the POST handlers of the
 * first three (the fourth posts to /uitloggen, web/login.c).
 *
 * Every POST: Origin and CSRF check, signed in, then field checks with a
 * message next to the field. A form with errors comes back inside the
 * whole page (the page query runs again) with what was typed, never a
 * password. The current password is checked with Argon2id in a task,
 * after a throttle peek; wrong ones are counted per account
 * (db/q_account.c), so a stolen session cannot guess it for long.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_account.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/pw.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/story_show.h"
#include "web/view.h"

#define ACCT_PW_LIMIT	5	/* wrong current passwords per 15 minutes */
#define ACCT_RAW_MAX	4000	/* what v_text lets through, in bytes */
#define ACCT_LANG_SECS	31536000	/* the language cookie: a year */

enum acct_form {
	ACCT_NONE,		/* GET /account */
	ACCT_PROFILE,
	ACCT_PASSWORD,
	ACCT_EMAIL
};

static const char *const	langs[] = { "nl", "en", NULL };

struct acct_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	enum acct_form	 form;
	int		 status;
	enum acct_form	 saved;		/* the form just saved (?opgeslagen=) */
	/* What was typed ("" when absent). */
	char		*name;
	char		*bio;
	const char	*lang;
	char		 cw[128];	/* warning codes, comma-separated */
	int		 cw_bad;	/* a value that is no warning */
	char		*cur_pw;
	char		*new_pw;
	char		*email;
	int		 got_name;	/* the field arrived */
	int		 got_bio;
	int		 multipart;
	struct sbuf	 raw;		/* the profile form's body, as sent */
	const char	*pw_field;	/* where "wrong password" goes */
	/* The page query. */
	int		 found;
	char		 db_name[256];
	struct sbuf	 db_bio;
	char		 db_lang[4];
	char		 db_cw[128];
	char		 kind[24];
	char		 email_now[1024];
	struct sbuf	 sessions;
	/* The current-password check. */
	char		 acct_email[1024];
	char		 hash[crypto_pwhash_STRBYTES];
	int		 wait;
	char		 limit[12];
	struct pw_task	 verify;
	struct pw_task	 rehash;	/* a second task: one struct each */
	struct fv	 fv;
};

static int	acct_enter(struct http_request *, enum acct_form, db_done_fn);
static void	acct_read(struct http_request *, struct acct_ctx *);
static size_t	acct_raw_len(struct acct_ctx *, const char *);
static enum form_err acct_dropped(struct acct_ctx *, const char *,
		    enum form_err);
static void	acct_check_current(struct acct_ctx *, const char *);
static int	acct_get(struct http_request *, struct db_ctx *);
static int	acct_refuse(struct http_request *, struct acct_ctx *);
static int	acct_profile_post(struct http_request *, struct db_ctx *);
static int	acct_profile_done(struct http_request *, struct db_ctx *);
static int	acct_secret(struct http_request *, struct acct_ctx *,
		    db_done_fn);
static void	acct_secret_row(struct db_ctx *, struct kore_pgsql *, int);
static int	acct_verify(struct http_request *, struct acct_ctx *,
		    const char *, db_done_fn);
static int	acct_wrong(struct http_request *, struct acct_ctx *,
		    const char *);
static int	acct_wrong_done(struct http_request *, struct db_ctx *);
static int	acct_throttled(struct http_request *, struct acct_ctx *);
static int	acct_pw_post(struct http_request *, struct db_ctx *);
static int	acct_pw_checked(struct http_request *, struct db_ctx *);
static int	acct_pw_verified(struct http_request *, struct db_ctx *);
static int	acct_pw_hashed(struct http_request *, struct db_ctx *);
static int	acct_pw_done(struct http_request *, struct db_ctx *);
static int	acct_email_post(struct http_request *, struct db_ctx *);
static int	acct_email_checked(struct http_request *, struct db_ctx *);
static int	acct_email_verified(struct http_request *, struct db_ctx *);
static int	acct_email_fail(struct http_request *, struct db_ctx *, int);
static int	acct_email_done(struct http_request *, struct db_ctx *);
static int	acct_page(struct http_request *, struct acct_ctx *, int);
static void	acct_page_row(struct db_ctx *, struct kore_pgsql *, int);
static int	acct_render(struct http_request *, struct db_ctx *);
static const char *acct_saved_text(struct acct_ctx *);
static const char *acct_kind_label(struct acct_ctx *);
static const char *acct_role_label(struct acct_ctx *);
static void	acct_free(struct http_request *);

int
account_show(struct http_request *req)
{
	return (acct_enter(req, ACCT_NONE, acct_get));
}

int
account_profile(struct http_request *req)
{
	return (acct_enter(req, ACCT_PROFILE, acct_profile_post));
}

int
account_password(struct http_request *req)
{
	return (acct_enter(req, ACCT_PASSWORD, acct_pw_post));
}

int
account_email(struct http_request *req)
{
	return (acct_enter(req, ACCT_EMAIL, acct_email_post));
}

static int
acct_enter(struct http_request *req, enum acct_form form, db_done_fn done)
{
	struct acct_ctx	*ctx;

	if (!http_state_exists(req)) {
		/*
		 * A form address opened with GET (the language switch on a
		 * form shown again returns here): nothing to do but show
		 * the page itself.
		 */
		if (form != ACCT_NONE && req->method != HTTP_METHOD_POST) {
			resp_redirect(req, "/account");
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), acct_free);
		ctx->loc = resp_locale(req);
		ctx->form = form;
		ctx->name = ctx->bio = ctx->cur_pw = ctx->new_pw = "";
		ctx->email = "";
		ctx->lang = "";
		ctx->pw_field = "";
		sbuf_init(&ctx->raw);
		sbuf_init(&ctx->db_bio);
		sbuf_init(&ctx->sessions);
		fv_init(&ctx->fv, ctx->loc);
		acct_read(req, ctx);
		db_start(req, &ctx->db, NULL, NULL, done);
	}
	return (db_run(req));
}

/* The fields of the request, trimmed where that is safe. */
static void
acct_read(struct http_request *req, struct acct_ctx *ctx)
{
	char		*v;

	if (req->method != HTTP_METHOD_POST) {
		http_populate_get(req);
		if (!http_argument_get_string(req, "opgeslagen", &v))
			return;
		if (strcmp(v, "profiel") == 0)
			ctx->saved = ACCT_PROFILE;
		else if (strcmp(v, "wachtwoord") == 0)
			ctx->saved = ACCT_PASSWORD;
		else if (strcmp(v, "email") == 0)
			ctx->saved = ACCT_EMAIL;
		return;
	}
	/*
	 * Parsing a url-encoded body rewrites it in place: keep the
	 * profile form's body as it came, for acct_raw_len().
	 */
	if (ctx->form == ACCT_PROFILE && req->http_body != NULL &&
	    req->http_body_fd == -1 &&
	    req->content_length <= req->http_body->length)
		sbuf_add(&ctx->raw, req->http_body->data, req->content_length);
	/* The profile form is multipart (for the bio); take both kinds. */
	ctx->multipart = req_populate_form(req);

	if (http_argument_get_string(req, "name", &v)) {
		ctx->got_name = 1;
		ctx->name = form_trim(v);
	}
	if (http_argument_get_string(req, "bio", &v)) {
		ctx->got_bio = 1;
		form_lf(v);
		ctx->bio = form_trim(v);
	}
	if (http_argument_get_string(req, "lang", &v))
		ctx->lang = v;
	ctx->cw_bad = story_cw_read(req, ctx->cw, sizeof(ctx->cw)) == -1;
	if (http_argument_get_string(req, "email", &v))
		ctx->email = form_trim(v);
	if (http_argument_get_string(req, "current_password", &v))
		ctx->cur_pw = v;
	else if (http_argument_get_string(req, "email_password", &v))
		ctx->cur_pw = v;
	if (http_argument_get_string(req, "new_password", &v))
		ctx->new_pw = v;
}

/*
 * Kore drops a field that fails its params validator without a trace
 * (STYLE.md c5, c6): over 4000 bytes, or url-encoded with a line break.
 * For the bio that would silently erase what was stored, so when a
 * field is missing, look in the raw body whether it was sent with a
 * value. Returns the raw length of that value, 0 if none was sent.
 */
static size_t
acct_raw_len(struct acct_ctx *ctx, const char *field)
{
	const char	*body, *end, *p, *v, *e;
	char		 key[64];
	size_t		 klen;

	if ((body = ctx->raw.data) == NULL)
		return (0);
	end = body + ctx->raw.len;
	if (ctx->multipart) {
		/* ...; name="bio"\r\n\r\nVALUE\r\n--boundary */
		klen = (size_t)snprintf(key, sizeof(key), "name=\"%s\"",
		    field);
		for (p = body; (p = memmem(p, (size_t)(end - p), key, klen)) !=
		    NULL; p += klen) {
			/* Not the tail of filename="bio", nor "bio2". */
			if ((p != body && p[-1] != ' ' && p[-1] != ';') ||
			    p + klen >= end ||
			    (p[klen] != '\r' && p[klen] != ';'))
				continue;
			if ((v = memmem(p, (size_t)(end - p), "\r\n\r\n", 4)) ==
			    NULL)
				return (0);
			v += 4;
			if ((e = memmem(v, (size_t)(end - v), "\r\n--", 4)) ==
			    NULL)
				e = end;
			return ((size_t)(e - v));
		}
		return (0);
	}
	/* field=VALUE&... */
	klen = (size_t)snprintf(key, sizeof(key), "%s=", field);
	for (p = body; (p = memmem(p, (size_t)(end - p), key, klen)) != NULL;
	    p += klen) {
		if (p != body && p[-1] != '&')
			continue;
		v = p + klen;
		for (e = v; e < end && *e != '&'; e++)
			;
		return ((size_t)(e - v));
	}
	return (0);
}

/* The reason for a field that arrived empty: e, unless Kore dropped it. */
static enum form_err
acct_dropped(struct acct_ctx *ctx, const char *field, enum form_err e)
{
	size_t	n;

	if ((n = acct_raw_len(ctx, field)) == 0)
		return (e);
	return (n > ACCT_RAW_MAX ? FORM_TOO_LONG : FORM_BAD_CHARS);
}

static int
acct_get(struct http_request *req, struct db_ctx *db)
{
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (acct_page(req, (struct acct_ctx *)db, 200));
}

/* Foreign Origin or wrong token: nothing is saved, the form comes back. */
static int
acct_refuse(struct http_request *req, struct acct_ctx *ctx)
{
	if (!ctx->db.user.loaded) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
	return (acct_page(req, ctx, 403));
}

/* --- Profile ---------------------------------------------------------- */

static int
acct_profile_post(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;
	enum form_err	 e;

	if (!auth_post_ok(req, db))
		return (acct_refuse(req, ctx));
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);

	e = form_text(ctx->name, FORM_NAME_MAX, 1, 0);
	if (!ctx->got_name)
		e = acct_dropped(ctx, "name", e);
	if (fv_check(&ctx->fv, "name", e, FORM_NAME_MAX) &&
	    e == FORM_BAD_CHARS)
		ctx->name = "";		/* cannot be shown as typed */
	e = form_text(ctx->bio, FORM_BIO_MAX, 0, 1);
	if (!ctx->got_bio)
		e = acct_dropped(ctx, "bio", e);
	if (fv_check(&ctx->fv, "bio", e, FORM_BIO_MAX) &&
	    e == FORM_BAD_CHARS)
		ctx->bio = "";
	if (form_choice(ctx->lang, langs) == -1) {
		fv_check(&ctx->fv, "lang", FORM_BAD_CHOICE, 0);
		ctx->lang = "";
	}
	if (ctx->cw_bad)
		fv_check(&ctx->fv, "cw", FORM_BAD_CHOICE, 0);
	if (ctx->fv.nerr > 0)
		return (acct_page(req, ctx, 400));

	db->params[0] = db->user.id;
	db->params[1] = ctx->name;
	db->params[2] = ctx->bio;
	db->params[3] = ctx->lang;
	db->params[4] = ctx->cw;
	return (db_chain(req, db, &q_account_profile, NULL,
	    acct_profile_done));
}

static int
acct_profile_done(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;

	/* The interface follows the language chosen here at once. */
	auth_set_cookie(req, AUTH_CK_LANG, ctx->lang, ACCT_LANG_SECS);
	resp_redirect(req, "/account?opgeslagen=profiel");
	return (HTTP_STATE_COMPLETE);
}

/* --- The current password (password and e-mail forms) ------------------ */

/* The stored hash, the address and the throttle; then done. */
static int
acct_secret(struct http_request *req, struct acct_ctx *ctx, db_done_fn done)
{
	struct db_ctx	*db = &ctx->db;

	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d", ACCT_PW_LIMIT);
	db->params[0] = db->user.id;
	db->params[1] = ctx->limit;
	return (db_chain(req, db, &q_account_secret, acct_secret_row, done));
}

static void
acct_secret_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;

	(void)kore_strlcpy(ctx->acct_email, db_text(sql, r, QA_S_EMAIL),
	    sizeof(ctx->acct_email));
	(void)kore_strlcpy(ctx->hash, db_text(sql, r, QA_S_HASH),
	    sizeof(ctx->hash));
	ctx->wait = atoi(db_text(sql, r, QA_S_WAIT));
}

static int
acct_throttled(struct http_request *req, struct acct_ctx *ctx)
{
	char	mins[16];

	auth_retry_after(req, ctx->wait, mins, sizeof(mins));
	fv_form_error(&ctx->fv, MSG_throttled, mins);
	return (acct_page(req, ctx, 429));
}

/* Argon2id off the event loop; field is where a wrong one is reported. */
static int
acct_verify(struct http_request *req, struct acct_ctx *ctx,
    const char *field, db_done_fn done)
{
	ctx->pw_field = field;
	if (pw_start(&ctx->verify, PW_VERIFY, ctx->cur_pw, ctx->hash) == -1) {
		fv_form_error(&ctx->fv, MSG_form_busy, NULL);
		return (acct_page(req, ctx, 503));	/* with Retry-After */
	}
	return (db_task(req, &ctx->db, &ctx->verify.task, done));
}

/* A wrong current password: count it, then show the form again. */
static int
acct_wrong(struct http_request *req, struct acct_ctx *ctx, const char *field)
{
	struct db_ctx	*db = &ctx->db;

	ctx->pw_field = field;
	db->params[0] = db->user.id;
	db->params[1] = ctx->limit;
	return (db_chain(req, db, &q_account_pw_failed, NULL,
	    acct_wrong_done));
}

static int
acct_wrong_done(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;

	fv_error(&ctx->fv, ctx->pw_field, MSG_acct_pw_wrong, NULL);
	return (acct_page(req, ctx, 400));
}

/* Checks shared by both forms for the typed current password. */
static void
acct_check_current(struct acct_ctx *ctx, const char *field)
{
	if (*ctx->cur_pw == '\0')
		fv_check(&ctx->fv, field, FORM_EMPTY, 0);
	else if (strlen(ctx->cur_pw) > FORM_PW_MAX * 4)
		/* Longer than any password Bron accepts: cannot be right. */
		fv_error(&ctx->fv, field, MSG_acct_pw_wrong, NULL);
}

/* --- Password ----------------------------------------------------------- */

static int
acct_pw_post(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;

	if (!auth_post_ok(req, db))
		return (acct_refuse(req, ctx));
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	/* The new password is checked against the address: fetch it first. */
	return (acct_secret(req, ctx, acct_pw_checked));
}

static int
acct_pw_checked(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;

	if (ctx->wait > 0)
		return (acct_throttled(req, ctx));
	acct_check_current(ctx, "current_password");
	fv_check(&ctx->fv, "new_password", form_password(ctx->new_pw,
	    ctx->acct_email, db->user.name), FORM_PW_MAX);
	if (ctx->fv.nerr > 0)
		return (acct_page(req, ctx, 400));
	return (acct_verify(req, ctx, "current_password", acct_pw_verified));
}

static int
acct_pw_verified(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;
	int		 ok;

	ok = ctx->verify.ok;
	pw_clear(&ctx->verify);
	if (!ok)
		return (acct_wrong(req, ctx, "current_password"));
	/* Only now: before, this would tell whether a guess was right. */
	if (strcmp(ctx->cur_pw, ctx->new_pw) == 0) {
		fv_error(&ctx->fv, "new_password", MSG_acct_pw_same, NULL);
		return (acct_page(req, ctx, 400));
	}
	if (pw_start(&ctx->rehash, PW_HASH, ctx->new_pw, NULL) == -1) {
		fv_form_error(&ctx->fv, MSG_form_busy, NULL);
		return (acct_page(req, ctx, 503));
	}
	return (db_task(req, db, &ctx->rehash.task, acct_pw_hashed));
}

static int
acct_pw_hashed(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;

	pw_clear(&ctx->rehash);
	if (!ctx->rehash.ok) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	/* One statement: the new hash, and every other session ends. */
	db->params[0] = db->user.id;
	db->params[1] = ctx->rehash.hash;
	db->params[2] = db->user.session_id;
	return (db_chain(req, db, &q_account_password, NULL, acct_pw_done));
}

static int
acct_pw_done(struct http_request *req, struct db_ctx *db)
{
	(void)db;
	resp_redirect(req, "/account?opgeslagen=wachtwoord");
	return (HTTP_STATE_COMPLETE);
}

/* --- E-mail address ------------------------------------------------------- */

static int
acct_email_post(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;
	enum form_err	 e;

	if (!auth_post_ok(req, db))
		return (acct_refuse(req, ctx));
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	e = form_email(ctx->email);
	if (fv_check(&ctx->fv, "email", e, FORM_EMAIL_MAX) &&
	    e == FORM_BAD_CHARS)
		ctx->email = "";
	acct_check_current(ctx, "email_password");
	if (ctx->fv.nerr > 0)
		return (acct_page(req, ctx, 400));
	return (acct_secret(req, ctx, acct_email_checked));
}

static int
acct_email_checked(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;

	if (ctx->wait > 0)
		return (acct_throttled(req, ctx));
	return (acct_verify(req, ctx, "email_password", acct_email_verified));
}

static int
acct_email_verified(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;
	int		 ok;

	ok = ctx->verify.ok;
	pw_clear(&ctx->verify);
	if (!ok)
		return (acct_wrong(req, ctx, "email_password"));
	db->params[0] = db->user.id;
	db->params[1] = ctx->email;
	db->fail = acct_email_fail;
	return (db_chain(req, db, &q_account_email, NULL, acct_email_done));
}

/* The unique index on account.email: someone else has the address. */
static int
acct_email_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;

	db->fail = NULL;
	if (status != 409) {
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
	fv_error(&ctx->fv, "email", MSG_acct_email_taken, NULL);
	return (acct_page(req, ctx, 409));
}

static int
acct_email_done(struct http_request *req, struct db_ctx *db)
{
	(void)db;
	resp_redirect(req, "/account?opgeslagen=email");
	return (HTTP_STATE_COMPLETE);
}

/* --- The page ------------------------------------------------------------- */

/* Load what the page shows, then render it with the given status. */
static int
acct_page(struct http_request *req, struct acct_ctx *ctx, int status)
{
	struct db_ctx	*db = &ctx->db;

	ctx->status = status;
	db->fail = NULL;
	db->params[0] = db->user.id;
	db->params[1] = db->user.session_id;
	return (db_chain(req, db, &q_account_page, acct_page_row,
	    acct_render));
}

static void
acct_page_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;
	const char	*agent, *mark;
	struct sbuf	 this;

	if (!ctx->found) {
		ctx->found = 1;
		(void)kore_strlcpy(ctx->db_name, db_text(sql, r, QA_NAME),
		    sizeof(ctx->db_name));
		sbuf_puts(&ctx->db_bio, db_text(sql, r, QA_BIO));
		(void)kore_strlcpy(ctx->db_lang, db_text(sql, r, QA_LANG),
		    sizeof(ctx->db_lang));
		(void)kore_strlcpy(ctx->db_cw, db_text(sql, r, QA_CW),
		    sizeof(ctx->db_cw));
		(void)kore_strlcpy(ctx->kind, db_text(sql, r, QA_KIND),
		    sizeof(ctx->kind));
		(void)kore_strlcpy(ctx->email_now, db_text(sql, r, QA_EMAIL),
		    sizeof(ctx->email_now));
	}
	if (strcmp(db_text(sql, r, QA_SESS), "t") != 0)
		return;

	sbuf_init(&this);
	if (strcmp(db_text(sql, r, QA_SESS_THIS), "t") == 0 &&
	    view_append(&this, VIEW_account_session_this, ctx->loc, NULL,
	    0) == -1)
		db->failed = 1;
	mark = sbuf_cstr(&this);
	agent = db_text(sql, r, QA_SESS_AGENT);
	if (*agent == '\0')
		agent = i18n_get(ctx->loc, MSG_acct_sess_unknown);
	{
		const struct tpl_bind	b[] = {
			{ "agent", agent, TPL_TEXT },
			{ "mark", mark, TPL_TRUSTED_HTML },
			{ "created", db_text(sql, r, QA_SESS_CREATED),
			    TPL_TEXT },
			{ "created_iso", db_text(sql, r, QA_SESS_CREATED_ISO),
			    TPL_TEXT },
			{ "seen", db_text(sql, r, QA_SESS_SEEN), TPL_TEXT },
			{ "seen_iso", db_text(sql, r, QA_SESS_SEEN_ISO),
			    TPL_TEXT },
		};
		if (view_append(&ctx->sessions, VIEW_account_session,
		    ctx->loc, b, NBINDS(b)) == -1)
			db->failed = 1;
	}
	sbuf_free(&this);
}

static const char *
acct_saved_text(struct acct_ctx *ctx)
{
	switch (ctx->saved) {
	case ACCT_PROFILE:
		return (i18n_get(ctx->loc, MSG_acct_saved_profile));
	case ACCT_PASSWORD:
		return (i18n_get(ctx->loc, MSG_acct_saved_password));
	default:
		return (i18n_get(ctx->loc, MSG_acct_saved_email));
	}
}

static const char *
acct_kind_label(struct acct_ctx *ctx)
{
	if (strcmp(ctx->kind, "professional") == 0)
		return (i18n_get(ctx->loc, MSG_acct_kind_professional));
	if (strcmp(ctx->kind, "ervaringsdeskundige") == 0)
		return (i18n_get(ctx->loc, MSG_acct_kind_ervaringsdeskundige));
	return (i18n_get(ctx->loc, MSG_acct_kind_anders));
}

static const char *
acct_role_label(struct acct_ctx *ctx)
{
	switch (ctx->db.user.role) {
	case ROLE_ERVARING:
		return (i18n_get(ctx->loc, MSG_role_ervaringsdeskundige));
	case ROLE_REDACTEUR:
		return (i18n_get(ctx->loc, MSG_role_redacteur));
	case ROLE_BEHEERDER:
		return (i18n_get(ctx->loc, MSG_role_beheerder));
	default:
		return (i18n_get(ctx->loc, MSG_role_lid));
	}
}

#define CHECKED(c)	((c) ? " checked" : "")
/* The error summary goes above the form that was sent. */
#define ERRORS(f)	(ctx->form == (f) ? errors : "")
/* So is the confirmation (the form's address ends in its #section). */
#define SAVED(f)	(ctx->saved == (f) ? sbuf_cstr(&saved) : "")

static int
acct_render(struct http_request *req, struct db_ctx *db)
{
	struct acct_ctx	*ctx = (struct acct_ctx *)db;
	struct fv	*fv = &ctx->fv;
	struct sbuf	 welcome, saved, cwsb;
	const char	*errors, *name, *bio, *lang, *cw, *args[1];

	if (!ctx->found) {
		/* Deleted between the session check and now. */
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	errors = fv_summary(fv);
	if (ctx->form == ACCT_PROFILE) {
		name = ctx->name;
		bio = ctx->bio;
		lang = ctx->lang;
		cw = ctx->cw;
	} else {
		name = ctx->db_name;
		bio = sbuf_cstr(&ctx->db_bio);
		lang = ctx->db_lang;
		cw = ctx->db_cw;
	}
	sbuf_init(&welcome);
	sbuf_init(&cwsb);
	if (story_cw_choices(&cwsb, ctx->loc, cw) == -1) {
		sbuf_free(&welcome);
		sbuf_free(&cwsb);
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	args[0] = ctx->db_name;
	i18n_fmt(&welcome, i18n_get(ctx->loc, MSG_acct_welcome), args, 1);
	sbuf_init(&saved);
	if (ctx->saved != ACCT_NONE) {
		const struct tpl_bind	b[] = {
			{ "text", acct_saved_text(ctx), TPL_TEXT },
		};
		(void)view_append(&saved, VIEW_account_saved, ctx->loc, b,
		    NBINDS(b));
	}
	{
		static const char *const	fields[] = {
			"name", "bio", "lang", "cw", "current_password",
			"new_password", "email", "email_password", NULL
		};
		const struct tpl_bind	fixed[] = {
			{ "profile_saved", SAVED(ACCT_PROFILE),
			    TPL_TRUSTED_HTML },
			{ "password_saved", SAVED(ACCT_PASSWORD),
			    TPL_TRUSTED_HTML },
			{ "email_saved", SAVED(ACCT_EMAIL), TPL_TRUSTED_HTML },
			{ "welcome", sbuf_cstr(&welcome), TPL_TEXT },
			{ "kind", acct_kind_label(ctx), TPL_TEXT },
			{ "role", acct_role_label(ctx), TPL_TEXT },
			{ "email_now", ctx->email_now, TPL_TEXT },
			{ "id", db->user.id, TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "sessions", sbuf_cstr(&ctx->sessions),
			    TPL_TRUSTED_HTML },
			/* Profile */
			{ "profile_errors", ERRORS(ACCT_PROFILE),
			    TPL_TRUSTED_HTML },
			{ "name", name, TPL_TEXT },
			{ "bio", bio, TPL_TEXT },
			{ "lang_nl", CHECKED(strcmp(lang, "nl") == 0),
			    TPL_TRUSTED_HTML },
			{ "lang_en", CHECKED(strcmp(lang, "en") == 0),
			    TPL_TRUSTED_HTML },
			{ "cw_choices", sbuf_cstr(&cwsb), TPL_TRUSTED_HTML },
			/* Password */
			{ "password_errors", ERRORS(ACCT_PASSWORD),
			    TPL_TRUSTED_HTML },
			/* E-mail */
			{ "email_errors", ERRORS(ACCT_EMAIL),
			    TPL_TRUSTED_HTML },
			{ "email", ctx->email, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(fv, fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, ctx->status, ctx->loc,
		    i18n_get(ctx->loc, MSG_acct_title), "/account",
		    VIEW_account, b, n);
	}
	sbuf_free(&welcome);
	sbuf_free(&saved);
	sbuf_free(&cwsb);
	return (HTTP_STATE_COMPLETE);
}

static void
acct_free(struct http_request *req)
{
	struct acct_ctx	*ctx = http_state_get(req);

	/* May run twice (client gone while hashing): all idempotent. */
	pw_clear(&ctx->verify);
	pw_clear(&ctx->rehash);
	sodium_memzero(ctx->rehash.hash, sizeof(ctx->rehash.hash));
	fv_free(&ctx->fv);
	sbuf_free(&ctx->raw);
	sbuf_free(&ctx->db_bio);
	sbuf_free(&ctx->sessions);
}
