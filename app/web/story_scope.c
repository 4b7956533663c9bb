/*
 * Who may read a story: the storyteller changes it (issue 9):
 *
 *   GET  /verhalen/{slug}/reikwijdte   the scope now (and one asked
 *        for), the three choices with their help, and for a wider one
 *        the consent text in full, the consent box, "jonger dan 16?"
 *        and the guardian's name and statement
 *   POST _csrf, scope, toestemming, versie, jonger16=ja|nee, voogd,
 *        voogd_akkoord, voogd_versie -> story_scope_change(), then 303
 *        to the story with ?gedaan=beperkt (narrower: at once) or
 *        ?gedaan=gevraagd (wider: an editor decides)
 *
 * Only the storyteller, and only once the story was sent in (ter_review,
 * akkoord, gepubliceerd; else a 409 page). A wider scope needs the
 * consent box, an answer to "jonger dan 16?" and, when under 16, the
 * guardian: each missing one is a message next to its field (422), with
 * the choices kept. The guardian's name is never shown back to anyone
 * but the storyteller, who typed it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/form.h"
#include "core/story.h"
#include "db/q_story_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/story_flow.h"
#include "web/view.h"

#define SSC_GUARDIAN_MIN	2
#define SSC_GUARDIAN_MAX	120
#define CHECKED(x)	((x) ? " checked" : "")

struct ssc_ctx {
	struct sfl_head	 h;
	enum locale	 loc;
	int		 bad;
	int		 post;
	char		 scope[16];
	int		 consent;
	char		 version[48];
	char		 under16[8];
	const char	*guardian;
	int		 guardian_ok;
	char		 gversion[48];
	char		 result[16];	/* story_scope_change()'s word */
	struct fv	 fv;
};

static const char *const	ssc_fields[] = {
	"scope", "toestemming", "jonger16", "voogd", "voogd_akkoord", NULL
};

static int	ssc_session(struct http_request *, struct db_ctx *);
static int	ssc_loaded(struct http_request *, struct db_ctx *);
static int	ssc_check(struct ssc_ctx *);
static void	ssc_row(struct db_ctx *, struct kore_pgsql *, int);
static int	ssc_done(struct http_request *, struct db_ctx *);
static int	ssc_fail(struct http_request *, struct db_ctx *, int);
static int	ssc_rank(const char *);
static int	ssc_render(struct http_request *, struct ssc_ctx *, int);
static int	ssc_choices(struct sbuf *, struct ssc_ctx *, const char *);
static void	ssc_free(struct http_request *);

int
story_scope_page(struct http_request *req)
{
	struct ssc_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), ssc_free);
		ctx->loc = resp_locale(req);
		ctx->guardian = "";
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = sfl_path(req->path, "/reikwijdte", &ctx->h.s) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "scope", &v))
				(void)kore_strlcpy(ctx->scope, v,
				    sizeof(ctx->scope));
			ctx->consent = http_argument_get_string(req,
			    "toestemming", &v);
			if (http_argument_get_string(req, "versie", &v))
				(void)kore_strlcpy(ctx->version, v,
				    sizeof(ctx->version));
			if (http_argument_get_string(req, "jonger16", &v))
				(void)kore_strlcpy(ctx->under16, v,
				    sizeof(ctx->under16));
			if (http_argument_get_string(req, "voogd", &v))
				ctx->guardian = form_trim(v);
			ctx->guardian_ok = http_argument_get_string(req,
			    "voogd_akkoord", &v);
			if (http_argument_get_string(req, "voogd_versie", &v))
				(void)kore_strlcpy(ctx->gversion, v,
				    sizeof(ctx->gversion));
		}
		db_start(req, &ctx->h.db, NULL, NULL, ssc_session);
	}
	return (db_run(req));
}

static int
ssc_session(struct http_request *req, struct db_ctx *db)
{
	struct ssc_ctx	*ctx = (struct ssc_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	return (sfl_load(req, &ctx->h, ssc_loaded));
}

/* leden 1 < openbaar 2 < citeren 3; 0 for anything else. */
static int
ssc_rank(const char *scope)
{
	size_t	i;

	for (i = 0; i < STORY_SCOPES; i++)
		if (strcmp(scope, story_scopes[i].word) == 0)
			return ((int)i + 1);
	return (0);
}

static int
ssc_loaded(struct http_request *req, struct db_ctx *db)
{
	struct ssc_ctx		*ctx = (struct ssc_ctx *)db;
	struct sfl_story	*s = &ctx->h.s;

	if (!s->found || !s->read) {
		/* A forged POST is refused as such, found or not. */
		resp_error(req, req->method == HTTP_METHOD_POST &&
		    !auth_post_ok(req, db) ? 403 : 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!s->teller) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->post && !auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (ssc_render(req, ctx, 403));
	}
	if (s->scope[0] == '\0' || (strcmp(s->state, "ter_review") != 0 &&
	    strcmp(s->state, "akkoord") != 0 &&
	    strcmp(s->state, "gepubliceerd") != 0))
		return (sfl_refused(req, ctx->loc, s, MSG_sfl_scope_state));
	if (!ctx->post)
		return (ssc_render(req, ctx, 200));
	if (ssc_check(ctx) != 0)
		return (ssc_render(req, ctx, 422));
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->scope;
	db->params[3] = ctx->consent ? STORY_CONSENT_VERSION : "";
	db->params[4] = strcmp(ctx->under16, "ja") == 0 ? "true" : "false";
	db->params[5] = ctx->guardian;
	db->params[6] = ctx->guardian_ok ? STORY_GUARDIAN_VERSION : "";
	db->fail = ssc_fail;
	return (db_chain(req, db, &q_sfl_scope_change, ssc_row, ssc_done));
}

/* The checks of a wider scope, in C before anything is written. */
static int
ssc_check(struct ssc_ctx *ctx)
{
	int	rank = ssc_rank(ctx->scope), under16;
	size_t	n;

	if (rank == 0) {
		fv_error(&ctx->fv, "scope", MSG_sfl_scope_missing, NULL);
		return (-1);
	}
	if (rank <= ssc_rank(ctx->h.s.scope))
		return (0);
	if (!ctx->consent || strcmp(ctx->version, STORY_CONSENT_VERSION) != 0)
		fv_error(&ctx->fv, "toestemming", MSG_sfl_consent_missing,
		    NULL);
	under16 = strcmp(ctx->under16, "ja") == 0;
	if (!under16 && strcmp(ctx->under16, "nee") != 0)
		fv_error(&ctx->fv, "jonger16", MSG_sfl_under16_missing, NULL);
	if (under16) {
		n = strlen(ctx->guardian);
		if (n < SSC_GUARDIAN_MIN || n > SSC_GUARDIAN_MAX ||
		    form_text(ctx->guardian, SSC_GUARDIAN_MAX, 1, 0) !=
		    FORM_OK)
			fv_error(&ctx->fv, "voogd", MSG_sfl_guardian_missing,
			    NULL);
		if (!ctx->guardian_ok ||
		    strcmp(ctx->gversion, STORY_GUARDIAN_VERSION) != 0)
			fv_error(&ctx->fv, "voogd_akkoord",
			    MSG_sfl_guardian_statement_missing, NULL);
	}
	return (ctx->fv.nerr > 0 ? -1 : 0);
}

static void
ssc_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct ssc_ctx	*ctx = (struct ssc_ctx *)db;

	(void)kore_strlcpy(ctx->result, db_text(sql, r, 0),
	    sizeof(ctx->result));
}

static int
ssc_done(struct http_request *req, struct db_ctx *db)
{
	struct ssc_ctx	*ctx = (struct ssc_ctx *)db;
	const char	*word = ctx->result;
	struct sbuf	 to;

	if (strcmp(word, "scope") == 0)
		fv_error(&ctx->fv, "scope", MSG_sfl_scope_missing, NULL);
	else if (strcmp(word, "consent") == 0)
		fv_error(&ctx->fv, "toestemming", MSG_sfl_consent_missing,
		    NULL);
	else if (strcmp(word, "guardian") == 0)
		fv_error(&ctx->fv, "voogd", MSG_sfl_guardian_missing, NULL);
	if (ctx->fv.nerr > 0)
		return (ssc_render(req, ctx, 422));
	sbuf_init(&to);
	sfl_href(&to, &ctx->h.s, strcmp(word, "beperkt") == 0 ? "beperkt" :
	    strcmp(word, "gevraagd") == 0 ? "gevraagd" : NULL);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
ssc_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct ssc_ctx	*ctx = (struct ssc_ctx *)db;

	if (status == 409)
		return (sfl_refused(req, ctx->loc, &ctx->h.s,
		    MSG_sfl_scope_state));
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static int
ssc_choices(struct sbuf *out, struct ssc_ctx *ctx, const char *cur)
{
	size_t	i;
	int	rc = 0;

	for (i = 0; i < STORY_SCOPES; i++) {
		const struct tpl_bind	b[] = {
			{ "value", story_scopes[i].word, TPL_TEXT },
			{ "label", i18n_get(ctx->loc, story_scopes[i].msg),
			    TPL_TEXT },
			{ "help", i18n_get(ctx->loc, story_scopes[i].help),
			    TPL_TEXT },
			{ "checked", CHECKED(strcmp(cur,
			    story_scopes[i].word) == 0), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_scope_radio, ctx->loc, b,
		    NBINDS(b));
	}
	return (rc);
}

static int
ssc_render(struct http_request *req, struct ssc_ctx *ctx, int status)
{
	struct sfl_story	*s = &ctx->h.s;
	struct sbuf		 choices, paras, action, now, wanted, back;
	const char		*args[1];
	size_t			 i, nb;
	int			 rc = 0;

	sbuf_init(&choices);
	sbuf_init(&paras);
	sbuf_init(&action);
	sbuf_init(&now);
	sbuf_init(&wanted);
	sbuf_init(&back);
	rc |= ssc_choices(&choices, ctx, ctx->post ? ctx->scope : s->scope);
	for (i = 0; i < STORY_CONSENT_PARAS; i++) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, story_consent_paras[i]),
			    TPL_TEXT },
		};
		rc |= view_append(&paras, VIEW_story_scope_para, ctx->loc, b,
		    NBINDS(b));
	}
	sfl_href(&back, s, NULL);
	sfl_href(&action, s, NULL);
	sbuf_puts(&action, "/reikwijdte");
	args[0] = sfl_scope_name(ctx->loc, s->scope);
	i18n_fmt(&now, i18n_get(ctx->loc, MSG_sfl_scope_now), args, 1);
	if (s->wanted[0] != '\0') {
		args[0] = sfl_scope_name(ctx->loc, s->wanted);
		i18n_fmt(&wanted, i18n_get(ctx->loc, MSG_sfl_scope_pending),
		    args, 1);
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "title", s->title, TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "now", sbuf_cstr(&now), TPL_TEXT },
			{ "wanted", sbuf_cstr(&wanted), TPL_TEXT },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "choices", sbuf_cstr(&choices), TPL_TRUSTED_HTML },
			{ "paras", sbuf_cstr(&paras), TPL_TRUSTED_HTML },
			{ "version", STORY_CONSENT_VERSION, TPL_TEXT },
			{ "gversion", STORY_GUARDIAN_VERSION, TPL_TEXT },
			{ "consent_checked", CHECKED(ctx->post &&
			    ctx->consent), TPL_TRUSTED_HTML },
			{ "ja_checked", CHECKED(strcmp(ctx->under16, "ja") ==
			    0), TPL_TRUSTED_HTML },
			{ "nee_checked", CHECKED(strcmp(ctx->under16, "nee") ==
			    0), TPL_TRUSTED_HTML },
			{ "voogd", ctx->guardian, TPL_TEXT },
			{ "voogd_checked", CHECKED(ctx->post &&
			    ctx->guardian_ok), TPL_TRUSTED_HTML },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(ssc_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, ssc_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, status, ctx->loc,
			    i18n_get(ctx->loc, MSG_sf_scope), SFL_PATH,
			    VIEW_story_scope, b, nb);
	}
	sbuf_free(&choices);
	sbuf_free(&paras);
	sbuf_free(&action);
	sbuf_free(&now);
	sbuf_free(&wanted);
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static void
ssc_free(struct http_request *req)
{
	struct ssc_ctx	*ctx = http_state_get(req);

	sfl_story_free(&ctx->h.s);
	fv_free(&ctx->fv);
}
