/*
 * Following (issue 6):
 *
 *   follow_button()   the form other pages show (web/follow.h)
 *   follow_notice()   the notice after it was used (?gedaan=)
 *   POST /volgen      _csrf, what, id, on, terug: follow_set() in SQL,
 *                     which allows only what the reader may read (else
 *                     P0002: 404), then 303 back to terug (a local path
 *                     only) with ?gedaan=gevolgd or ontvolgd.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/path.h"
#include "db/q_notify.h"
#include "web/auth.h"
#include "web/follow.h"
#include "web/resp.h"
#include "web/view.h"

#define FOLLOW_BACK_MAX	512	/* v_back, path_local_ok */
#define FOLLOW_ID_MAX	18

static const char *const	fp_whats[] = {
	"gemeenschap", "gesprek", "thema", "item", NULL
};

struct fp_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 what;		/* index in fp_whats, or -1 */
	int		 on;		/* 1, 0, or -1 when missing */
	char		 id[FOLLOW_ID_MAX + 1];
	char		 back[FOLLOW_BACK_MAX + 1];
};

static int	fp_checked(struct http_request *, struct db_ctx *);
static int	fp_done(struct http_request *, struct db_ctx *);
static int	fp_page(struct http_request *, struct fp_ctx *, int,
		    enum msg_id, enum msg_id);
static int	fp_id_ok(const char *);

void
follow_button(struct sbuf *out, enum locale loc, const char *csrf,
    const char *what, const char *id, int following, const char *back)
{
	struct tpl_bind	 b[] = {
		{ "csrf", csrf, TPL_TEXT },
		{ "what", what, TPL_TEXT },
		{ "id", id, TPL_TEXT },
		{ "on", following ? "0" : "1", TPL_TEXT },
		{ "back", back != NULL ? back : "/", TPL_TEXT },
		{ "label", i18n_get(loc, following ?
		    MSG_follow_off : MSG_follow_on), TPL_TEXT },
	};

	(void)view_append(out, VIEW_follow_button, loc, b, NBINDS(b));
}

int
follow_notice(struct sbuf *out, enum locale loc, const char *gedaan)
{
	enum msg_id	 m;

	if (gedaan == NULL)
		return (0);
	if (strcmp(gedaan, "gevolgd") == 0)
		m = MSG_follow_done_on;
	else if (strcmp(gedaan, "ontvolgd") == 0)
		m = MSG_follow_done_off;
	else
		return (0);
	{
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, m), TPL_TEXT },
		};
		return (view_append(out, VIEW_notice, loc, b, NBINDS(b)) == 0 ?
		    1 : -1);
	}
}

/* ---- POST /volgen ------------------------------------------------------ */

int
follow_post(struct http_request *req)
{
	struct fp_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		ctx = http_state_create(req, sizeof(*ctx), NULL);
		ctx->loc = resp_locale(req);
		ctx->what = -1;
		ctx->on = -1;
		if (http_argument_get_string(req, "what", &v))
			ctx->what = form_choice(v, fp_whats);
		if (http_argument_get_string(req, "id", &v) && fp_id_ok(v))
			(void)kore_strlcpy(ctx->id, v, sizeof(ctx->id));
		if (http_argument_get_string(req, "on", &v) &&
		    (strcmp(v, "0") == 0 || strcmp(v, "1") == 0))
			ctx->on = *v == '1';
		/* Anything else (absent, foreign, too long) returns home. */
		if (http_argument_get_string(req, "terug", &v) &&
		    path_local_ok(v) && strlen(v) < sizeof(ctx->back))
			(void)kore_strlcpy(ctx->back, v, sizeof(ctx->back));
		else
			(void)kore_strlcpy(ctx->back, "/", sizeof(ctx->back));
		db_start(req, &ctx->db, NULL, NULL, fp_checked);
	}
	return (db_run(req));
}

/* 1..18 digits, not starting with 0. */
static int
fp_id_ok(const char *s)
{
	size_t	n;

	if (*s < '1' || *s > '9')
		return (0);
	for (n = 0; s[n] != '\0'; n++) {
		if (s[n] < '0' || s[n] > '9' || n >= FOLLOW_ID_MAX)
			return (0);
	}
	return (1);
}

static int
fp_checked(struct http_request *req, struct db_ctx *db)
{
	struct fp_ctx	*ctx = (struct fp_ctx *)db;
	struct sbuf	 to;

	if (!db->user.loaded) {
		/* Signed out meanwhile: sign in, then back to the page. */
		sbuf_init(&to);
		sbuf_puts(&to, "/inloggen?terug=");
		sbuf_urlenc(&to, ctx->back);
		resp_redirect(req, sbuf_cstr(&to));
		sbuf_free(&to);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_post_ok(req, db))
		return (fp_page(req, ctx, 403, MSG_err_403_title,
		    MSG_csrf_failed));
	if (ctx->what == -1 || ctx->on == -1 || ctx->id[0] == '\0')
		return (fp_page(req, ctx, 400, MSG_err_400_title,
		    MSG_follow_bad));
	db->params[0] = db->user.id;
	db->params[1] = fp_whats[ctx->what];
	db->params[2] = ctx->id;
	db->params[3] = ctx->on ? "true" : "false";
	return (db_chain(req, db, &q_follow_set, NULL, fp_done));
}

static int
fp_done(struct http_request *req, struct db_ctx *db)
{
	struct fp_ctx	*ctx = (struct fp_ctx *)db;
	struct sbuf	 to;
	const char	*hash;
	size_t		 n;

	/* The word goes into the query, before any #fragment. */
	hash = strchr(ctx->back, '#');
	n = hash != NULL ? (size_t)(hash - ctx->back) : strlen(ctx->back);
	sbuf_init(&to);
	sbuf_add(&to, ctx->back, n);
	sbuf_puts(&to, memchr(ctx->back, '?', n) != NULL ? "&" : "?");
	sbuf_puts(&to, ctx->on ? "gedaan=gevolgd" : "gedaan=ontvolgd");
	if (hash != NULL)
		sbuf_puts(&to, hash);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

/* Why the button did nothing, with a link back to the page. */
static int
fp_page(struct http_request *req, struct fp_ctx *ctx, int status,
    enum msg_id title, enum msg_id text)
{
	const struct tpl_bind	b[] = {
		{ "title", i18n_get(ctx->loc, title), TPL_TEXT },
		{ "text", i18n_get(ctx->loc, text), TPL_TEXT },
		{ "back", ctx->back, TPL_TEXT },
		{ "back_label", i18n_get(ctx->loc, MSG_follow_back),
		    TPL_TEXT },
	};

	view_page(req, status, ctx->loc, i18n_get(ctx->loc, title), NULL,
	    VIEW_notify_message, b, NBINDS(b));
	return (HTTP_STATE_COMPLETE);
}
