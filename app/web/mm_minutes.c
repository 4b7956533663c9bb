/*
 * The minutes workflow of a mastermind session (issue 8):
 *
 *   POST /masterminds/{serie}/{sessie}/verslag   _csrf, action
 *        (openen|sluiten|vaststellen), dagen (openen: 1-30, empty: the
 *        series' default) -> mm_minutes_step(), then 303 to the session
 *        with ?gedaan=geopend|gesloten|vastgesteld
 *
 * Who: whoever runs the session (mm_session_may_run; the SQL checks
 * again). A session whose minutes the reader may not read is 404;
 * other readers who do not run it get 403. A step that does not fit
 * the state is a 409 page that says why (the window is still open:
 * until when; open amendments: links to each) and links back; a bad
 * number of days a 422 page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/mm.h"
#include "db/q_mm_flow.h"
#include "web/auth.h"
#include "web/mm_flow.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

struct mmn_ctx {
	struct mmf_head	 h;
	enum locale	 loc;
	int		 bad;
	char		 action[16];
	char		 dagen[16];
	int		 has_dagen;
};

static int	mmn_session(struct http_request *, struct db_ctx *);
static int	mmn_loaded(struct http_request *, struct db_ctx *);
static int	mmn_done(struct http_request *, struct db_ctx *);
static int	mmn_fail(struct http_request *, struct db_ctx *, int);
static int	mmn_refuse(struct http_request *, struct mmn_ctx *, int,
		    enum msg_id, const char *, const char *);
static void	mmn_free(struct http_request *);

int
mm_minutes(struct http_request *req)
{
	struct mmn_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mmn_free);
		ctx->loc = resp_locale(req);
		ctx->bad = mmf_path(req->path, "/verslag", &ctx->h.s, NULL,
		    0) == -1;
		(void)req_populate_form(req);
		if (http_argument_get_string(req, "action", &v))
			(void)kore_strlcpy(ctx->action, v,
			    sizeof(ctx->action));
		if (http_argument_get_string(req, "dagen", &v)) {
			ctx->has_dagen = 1;
			(void)kore_strlcpy(ctx->dagen, v, sizeof(ctx->dagen));
			if (strlen(v) >= sizeof(ctx->dagen))
				ctx->dagen[0] = 'x';
		}
		db_start(req, &ctx->h.db, NULL, NULL, mmn_session);
	}
	return (db_run(req));
}

static int
mmn_session(struct http_request *req, struct db_ctx *db)
{
	struct mmn_ctx	*ctx = (struct mmn_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (mmf_load(req, &ctx->h, mmn_loaded));
}

static int
mmn_loaded(struct http_request *req, struct db_ctx *db)
{
	struct mmn_ctx	*ctx = (struct mmn_ctx *)db;
	struct mmf_sess	*s = &ctx->h.s;
	const char	*days = NULL;
	size_t		 n;
	int		 d;

	if (!auth_post_ok(req, db)) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!s->found || !s->see || !s->read) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!s->run) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (strcmp(ctx->action, "openen") != 0 &&
	    strcmp(ctx->action, "sluiten") != 0 &&
	    strcmp(ctx->action, "vaststellen") != 0)
		return (mmn_refuse(req, ctx, 422, MSG_mmw_step_bad, NULL,
		    NULL));
	if (strcmp(ctx->action, "openen") == 0 && ctx->has_dagen &&
	    ctx->dagen[0] != '\0') {
		n = strlen(ctx->dagen);
		d = (n <= 2 && strspn(ctx->dagen, "0123456789") == n) ?
		    atoi(ctx->dagen) : 0;
		if (d < 1 || d > 30)
			return (mmn_refuse(req, ctx, 422, MSG_mmw_days_bad,
			    NULL, NULL));
		days = ctx->dagen;
	}
	db->params[0] = s->id;
	db->params[1] = db->user.id;
	db->params[2] = ctx->action;
	db->params[3] = days;
	db->fail = mmn_fail;
	return (db_chain(req, db, &q_mmf_step, NULL, mmn_done));
}

static int
mmn_done(struct http_request *req, struct db_ctx *db)
{
	struct mmn_ctx	*ctx = (struct mmn_ctx *)db;
	struct sbuf	 to;
	const char	*word;

	if (strcmp(ctx->action, "openen") == 0)
		word = "geopend";
	else if (strcmp(ctx->action, "sluiten") == 0)
		word = "gesloten";
	else
		word = "vastgesteld";
	sbuf_init(&to);
	mmf_href(&to, &ctx->h.s, word, NULL);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

/* Why the step did not fit, from the state loaded just before. */
static int
mmn_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct mmn_ctx	*ctx = (struct mmn_ctx *)db;
	struct mmf_sess	*s = &ctx->h.s;
	struct sbuf	 items, list, href, text;
	char		*ids, *p, *id, *sec;
	const struct mm_word *w;
	int		 rc = 0;

	if (status == 400)
		return (mmn_refuse(req, ctx, 422, MSG_mmw_days_bad, NULL,
		    NULL));
	if (status != 409) {
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
	if (strcmp(ctx->action, "vaststellen") == 0 && s->open)
		return (mmn_refuse(req, ctx, 409, MSG_mmw_fix_window,
		    s->until, NULL));
	if (strcmp(ctx->action, "vaststellen") != 0 || s->nopen == 0 ||
	    strcmp(s->state, "amendering") != 0)
		return (mmn_refuse(req, ctx, 409, MSG_mmw_step_state,
		    NULL, NULL));
	/* Open amendments: a link to each. */
	sbuf_init(&items);
	sbuf_init(&list);
	ids = kore_strdup(s->open_ids != NULL ? s->open_ids : "");
	for (p = ids; (id = strsep(&p, ",")) != NULL;) {
		if ((sec = strchr(id, ':')) == NULL)
			continue;
		*sec++ = '\0';
		w = mm_section(sec);
		sbuf_init(&href);
		sbuf_init(&text);
		mmf_href(&href, s, NULL, NULL);
		sbuf_printf(&href, "/aanvullingen/%s", id);
		{
			const char	*args[2] = { id, w != NULL ?
			    i18n_get(ctx->loc, w->msg) : sec };

			i18n_fmt(&text, i18n_get(ctx->loc,
			    MSG_mmw_amend_link), args, 2);
		}
		{
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&href), TPL_TEXT },
				{ "text", sbuf_cstr(&text), TPL_TEXT },
			};
			rc |= view_append(&items, VIEW_mmf_link_li, ctx->loc,
			    b, NBINDS(b));
		}
		sbuf_free(&href);
		sbuf_free(&text);
	}
	kore_free(ids);
	{
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&list, VIEW_mmf_links, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else
		(void)mmn_refuse(req, ctx, 409, MSG_mmw_fix_amendments, NULL,
		    sbuf_cstr(&list));
	sbuf_free(&items);
	sbuf_free(&list);
	return (HTTP_STATE_COMPLETE);
}

static int
mmn_refuse(struct http_request *req, struct mmn_ctx *ctx, int status,
    enum msg_id msg, const char *arg, const char *extra)
{
	struct sbuf	 text, back;
	const char	*args[1] = { arg != NULL ? arg : "" };

	sbuf_init(&text);
	sbuf_init(&back);
	i18n_fmt(&text, i18n_get(ctx->loc, msg), args, 1);
	mmf_href(&back, &ctx->h.s, NULL, NULL);
	mmf_message(req, ctx->loc, status, i18n_get(ctx->loc,
	    status == 409 ? MSG_mmw_step_refused : MSG_mmw_step_invalid),
	    sbuf_cstr(&text), extra, sbuf_cstr(&back),
	    i18n_get(ctx->loc, MSG_mmw_back_session));
	sbuf_free(&text);
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

static void
mmn_free(struct http_request *req)
{
	struct mmn_ctx	*ctx = http_state_get(req);

	mmf_sess_free(&ctx->h.s);
}
