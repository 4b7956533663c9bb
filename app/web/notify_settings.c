/*
 * Notification settings (issue 6):
 *
 *   GET  /account/meldingen   ?gedaan=opgeslagen
 *   POST /account/meldingen   _csrf, k_<kind>=1 for each kind to get in
 *                             the app, digest=1 for the weekly e-mail
 *
 * A checkbox that is not ticked is not sent, so the POST names what is
 * on and everything else is off. The preferences decide which new
 * notifications are written (notify_send() in SQL); the digest (bron
 * digest, app/tools/bron.c) mails what is unread.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/sbuf.h"
#include "db/q_notify.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/resp.h"
#include "web/view.h"

#define NS_PATH		"/account/meldingen"
#define NS_KINDS	12

/* The kinds in the order shown; the same list as Q_NOTIFY_KINDS. */
static const struct {
	const char	*kind;
	const char	*field;
	enum msg_id	 label;
	enum msg_id	 hint;
} ns_kinds[NS_KINDS] = {
	{ "nieuw_item", "k_nieuw_item", MSG_notify_k_nieuw_item,
	    MSG_notify_h_nieuw_item },
	{ "wijziging", "k_wijziging", MSG_notify_k_wijziging,
	    MSG_notify_h_wijziging },
	{ "gesprek", "k_gesprek", MSG_notify_k_gesprek, MSG_notify_h_gesprek },
	{ "reactie", "k_reactie", MSG_notify_k_reactie, MSG_notify_h_reactie },
	{ "vermelding", "k_vermelding", MSG_notify_k_vermelding,
	    MSG_notify_h_vermelding },
	{ "lidmaatschap", "k_lidmaatschap", MSG_notify_k_lidmaatschap,
	    MSG_notify_h_lidmaatschap },
	{ "beoordeling", "k_beoordeling", MSG_notify_k_beoordeling,
	    MSG_notify_h_beoordeling },
	{ "moderatie", "k_moderatie", MSG_notify_k_moderatie,
	    MSG_notify_h_moderatie },
	{ "contact", "k_contact", MSG_notify_k_contact, MSG_notify_h_contact },
	{ "mastermind", "k_mastermind", MSG_notify_k_mastermind,
	    MSG_notify_h_mastermind },
	{ "actie", "k_actie", MSG_notify_k_actie, MSG_notify_h_actie },
	{ "verhaal", "k_verhaal", MSG_notify_k_verhaal, MSG_notify_h_verhaal },
};

struct ns_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 post;
	int		 saved;		/* ?gedaan=opgeslagen */
	int		 on[NS_KINDS];
	int		 digest;
	char		 onlist[160];	/* the kinds on, space-separated */
	struct fv	 fv;
};

static int	ns_start(struct http_request *, struct db_ctx *);
static void	ns_row(struct db_ctx *, struct kore_pgsql *, int);
static int	ns_loaded(struct http_request *, struct db_ctx *);
static int	ns_saved(struct http_request *, struct db_ctx *);
static int	ns_render(struct http_request *, struct ns_ctx *, int);
static int	ns_word_in(const char *, const char *);
static void	ns_free(struct http_request *);

int
notify_settings(struct http_request *req)
{
	struct ns_ctx	*ctx;
	char		*v;
	size_t		 i, n;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), ns_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			http_populate_post(req);
			for (i = 0; i < NS_KINDS; i++) {
				ctx->on[i] = http_argument_get_string(req,
				    ns_kinds[i].field, &v);
				if (!ctx->on[i])
					continue;
				n = strlen(ctx->onlist);
				(void)snprintf(ctx->onlist + n,
				    sizeof(ctx->onlist) - n, "%s%s",
				    n > 0 ? " " : "", ns_kinds[i].kind);
			}
			ctx->digest = http_argument_get_string(req, "digest",
			    &v);
		} else {
			http_populate_get(req);
			ctx->saved = http_argument_get_string(req, "gedaan",
			    &v) && strcmp(v, "opgeslagen") == 0;
		}
		db_start(req, &ctx->db, NULL, NULL, ns_start);
	}
	return (db_run(req));
}

static int
ns_start(struct http_request *req, struct db_ctx *db)
{
	struct ns_ctx	*ctx = (struct ns_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = db->user.id;
	if (!ctx->post)
		return (db_chain(req, db, &q_notify_prefs, ns_row, ns_loaded));
	if (!auth_post_ok(req, db)) {
		/* Nothing saved; the form comes back as it was sent. */
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (ns_render(req, ctx, 403));
	}
	db->params[1] = ctx->onlist;
	db->params[2] = ctx->digest ? "true" : "false";
	return (db_chain(req, db, &q_notify_prefs_save, NULL, ns_saved));
}

/* 1 if word is one of the space-separated words of list. */
static int
ns_word_in(const char *word, const char *list)
{
	size_t		 n;
	const char	*p;

	n = strlen(word);
	for (p = list; (p = strstr(p, word)) != NULL; p += n) {
		if ((p == list || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == ' '))
			return (1);
	}
	return (0);
}

static void
ns_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct ns_ctx	*ctx = (struct ns_ctx *)db;
	const char	*off;
	size_t		 i;

	off = db_text(sql, r, QNP_OFF);
	for (i = 0; i < NS_KINDS; i++)
		ctx->on[i] = !ns_word_in(ns_kinds[i].kind, off);
	ctx->digest = strcmp(db_text(sql, r, QNP_DIGEST), "true") == 0;
}

static int
ns_loaded(struct http_request *req, struct db_ctx *db)
{
	struct ns_ctx	*ctx = (struct ns_ctx *)db;

	if (db->nrows != 1) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	return (ns_render(req, ctx, 200));
}

static int
ns_saved(struct http_request *req, struct db_ctx *db)
{
	(void)db;
	resp_redirect(req, NS_PATH "?gedaan=opgeslagen");
	return (HTTP_STATE_COMPLETE);
}

static int
ns_render(struct http_request *req, struct ns_ctx *ctx, int status)
{
	struct sbuf	 kinds, notice;
	size_t		 i;
	int		 rc;

	sbuf_init(&kinds);
	sbuf_init(&notice);
	rc = 0;
	for (i = 0; i < NS_KINDS; i++) {
		const struct tpl_bind	b[] = {
			{ "field", ns_kinds[i].field, TPL_TEXT },
			{ "label", i18n_get(ctx->loc, ns_kinds[i].label),
			    TPL_TEXT },
			{ "hint", i18n_get(ctx->loc, ns_kinds[i].hint),
			    TPL_TEXT },
			{ "checked", ctx->on[i] ? " checked" : "",
			    TPL_TRUSTED_HTML },
		};
		rc |= view_append(&kinds, VIEW_notify_kind, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->saved) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_notify_set_saved),
			    TPL_TEXT },
		};
		rc |= view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "summary", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "kinds", sbuf_cstr(&kinds), TPL_TRUSTED_HTML },
			{ "digest_checked", ctx->digest ? " checked" : "",
			    TPL_TRUSTED_HTML },
		};
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_notify_set_title), NS_PATH,
		    VIEW_notify_settings, b, NBINDS(b));
	}
	sbuf_free(&kinds);
	sbuf_free(&notice);
	return (HTTP_STATE_COMPLETE);
}

static void
ns_free(struct http_request *req)
{
	struct ns_ctx	*ctx = http_state_get(req);

	fv_free(&ctx->fv);
}
