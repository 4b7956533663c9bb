/*
 * POST /taal: remember the interface language in a cookie and go back.
 * Like every state-changing request it needs our Origin and the form's
 * CSRF token (web/auth.c); signed-in people also get the language saved
 * with their account, so mail reaches them in it.
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/i18n.h"
#include "core/path.h"
#include "db/q.h"
#include "web/auth.h"
#include "web/resp.h"

struct lang_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	const char	*back;
};

static int	lang_checked(struct http_request *, struct db_ctx *);
static int	lang_saved(struct http_request *, struct db_ctx *);

int
lang_set(struct http_request *req)
{
	struct lang_ctx	*ctx;
	enum locale	 loc;
	char		*lang, *back;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		if (!http_argument_get_string(req, "lang", &lang) ||
		    i18n_parse_code(lang, &loc) == -1) {
			resp_error(req, 400);
			return (KORE_RESULT_OK);
		}
		if (!http_argument_get_string(req, "terug", &back) ||
		    !path_local_ok(back))
			back = "/";
		ctx = http_state_create(req, sizeof(*ctx), NULL);
		ctx->loc = loc;
		ctx->back = back;
		db_start(req, &ctx->db, NULL, NULL, lang_checked);
	}
	return (db_run(req));
}

static int
lang_checked(struct http_request *req, struct db_ctx *db)
{
	struct lang_ctx	*ctx = (struct lang_ctx *)db;

	if (!auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!db->user.loaded)
		return (lang_saved(req, db));
	db->params[0] = db->user.id;
	db->params[1] = i18n_code(ctx->loc);
	return (db_chain(req, db, &q_account_set_lang, NULL, lang_saved));
}

static int
lang_saved(struct http_request *req, struct db_ctx *db)
{
	struct lang_ctx	*ctx = (struct lang_ctx *)db;

	auth_set_cookie(req, AUTH_CK_LANG, i18n_code(ctx->loc), 31536000);
	resp_redirect(req, ctx->back);
	return (HTTP_STATE_COMPLETE);
}
