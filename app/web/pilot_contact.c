/*
 * The contact person's answer (issue 7):
 *
 *   GET  /pilots/{slug}/contactpersoon   ?gedaan=contact_ja|contact_nee
 *   POST /pilots/{slug}/contactpersoon   _csrf, answer=ja|nee
 *
 * Whoever is named as a pilot's contact person (by someone else: naming
 * yourself is agreeing) gets a notification linking here. The page says
 * who asks, for which pilot, and what saying yes means (the display
 * name is shown to signed-in members on the pilot page), with a yes and
 * a no button; pilot_contact_answer() records the answer. Only the
 * person asked (and who answered before, while they may read the pilot)
 * see this page, everyone else 404; the person asked sees it even while the
 * pilot is a concept, then with its title and summary only. After the
 * answer: 303 to the pilot with a notice; to this page after a yes to a
 * pilot they cannot read yet; to /meldingen after a no to one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/html.h"
#include "core/path.h"
#include "db/q_pilot.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/lesson.h"
#include "web/pilot_show.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

#define PC_SUFFIX	"/contactpersoon"

struct pc_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 bad;
	int		 post;
	char		 slug[PATH_SLUG_MAX + 1];
	const char	*gedaan;
	const char	*answer;
	int		 found;
	int		 readable;
	char		 id[24];
	char		 state[16];
	char		*title;
	char		*summary;
	char		*asker;
	struct fv	 fv;
};

static int	pc_session(struct http_request *, struct db_ctx *);
static void	pc_row(struct db_ctx *, struct kore_pgsql *, int);
static int	pc_loaded(struct http_request *, struct db_ctx *);
static int	pc_answered(struct http_request *, struct db_ctx *);
static int	pc_render(struct http_request *, struct pc_ctx *, int);
static void	pc_free(struct http_request *);

int
pilot_contact(struct http_request *req)
{
	struct pc_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), pc_free);
		ctx->loc = resp_locale(req);
		ctx->gedaan = ctx->answer = "";
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = lesson_path_slug(req->path, PC_SUFFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "answer", &v))
				ctx->answer = v;
		} else {
			http_populate_get(req);
			if (http_argument_get_string(req, "gedaan", &v))
				ctx->gedaan = v;
		}
		db_start(req, &ctx->db, NULL, NULL, pc_session);
	}
	return (db_run(req));
}

static int
pc_session(struct http_request *req, struct db_ctx *db)
{
	struct pc_ctx	*ctx = (struct pc_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_pilot_contact, pc_row, pc_loaded));
}

static void
pc_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct pc_ctx	*ctx = (struct pc_ctx *)db;

	ctx->found = 1;
	(void)kore_strlcpy(ctx->id, db_text(sql, r, QPC_ID), sizeof(ctx->id));
	(void)kore_strlcpy(ctx->state, db_text(sql, r, QPC_STATE),
	    sizeof(ctx->state));
	ctx->readable = strcmp(db_text(sql, r, QPC_READABLE), "true") == 0;
	kore_free(ctx->title);
	kore_free(ctx->summary);
	kore_free(ctx->asker);
	ctx->title = kore_strdup(db_text(sql, r, QPC_TITLE));
	ctx->summary = kore_strdup(db_text(sql, r, QPC_SUMMARY));
	ctx->asker = kore_strdup(db_text(sql, r, QPC_ASKER));
}

static int
pc_loaded(struct http_request *req, struct db_ctx *db)
{
	struct pc_ctx	*ctx = (struct pc_ctx *)db;

	if (ctx->post && !auth_post_ok(req, db)) {
		if (!ctx->found) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (pc_render(req, ctx, 403));
	}
	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post)
		return (pc_render(req, ctx, 200));
	if (strcmp(ctx->answer, "ja") != 0 && strcmp(ctx->answer, "nee") != 0) {
		fv_form_error(&ctx->fv, MSG_pilot_contact_bad_answer, NULL);
		return (pc_render(req, ctx, 400));
	}
	/* Asked no more (someone else was named since): nothing to answer. */
	if (strcmp(ctx->state, "nee") == 0) {
		fv_form_error(&ctx->fv, MSG_pilot_contact_not_asked, NULL);
		return (pc_render(req, ctx, 409));
	}
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	db->params[2] = strcmp(ctx->answer, "ja") == 0 ? "true" : "false";
	return (db_chain(req, db, &q_pilot_contact_answer, NULL, pc_answered));
}

static int
pc_answered(struct http_request *req, struct db_ctx *db)
{
	struct pc_ctx	*ctx = (struct pc_ctx *)db;
	struct sbuf	 to;

	/*
	 * Only the person asked, or a reader of the pilot, may see this
	 * page: who said no to a pilot they cannot read goes back to
	 * their notifications.
	 */
	sbuf_init(&to);
	if (!ctx->readable && strcmp(ctx->answer, "ja") != 0)
		sbuf_puts(&to, "/meldingen");
	else
		sbuf_printf(&to, PILOT_PATH "/%s%s?gedaan=contact_%s",
		    ctx->slug, ctx->readable ? "" : PC_SUFFIX, ctx->answer);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

static int
pc_render(struct http_request *req, struct pc_ctx *ctx, int status)
{
	struct sbuf	 notice, question, pilot, body, href, action;
	const char	*args[2], *title;
	int		 rc;

	sbuf_init(&notice);
	sbuf_init(&question);
	sbuf_init(&pilot);
	sbuf_init(&body);
	sbuf_init(&href);
	sbuf_init(&action);
	rc = 0;
	if (strcmp(ctx->gedaan, "contact_ja") == 0 ||
	    strcmp(ctx->gedaan, "contact_nee") == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, strcmp(ctx->gedaan,
			    "contact_ja") == 0 ? MSG_pilot_done_contact_ja :
			    MSG_pilot_done_contact_nee), TPL_TEXT },
		};
		rc |= view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b));
	}
	args[0] = ctx->asker;
	args[1] = ctx->title;
	if (strcmp(ctx->state, "gevraagd") != 0)
		i18n_fmt(&question, i18n_get(ctx->loc, strcmp(ctx->state,
		    "ja") == 0 ? MSG_pilot_contact_is : MSG_pilot_contact_isnt),
		    args + 1, 1);
	else if (*ctx->asker != '\0')
		i18n_fmt(&question, i18n_get(ctx->loc,
		    MSG_pilot_contact_question), args, 2);
	else
		i18n_fmt(&question, i18n_get(ctx->loc,
		    MSG_pilot_contact_question_anon), args + 1, 1);

	/* The title links to the pilot only when its page would show it. */
	sbuf_printf(&href, PILOT_PATH "/%s", ctx->slug);
	if (ctx->readable)
		rc |= row_link(&pilot, ctx->loc, sbuf_cstr(&href),
		    ctx->title);
	else
		html_text(&pilot, ctx->title, strlen(ctx->title));

	sbuf_printf(&action, PILOT_PATH "/%s" PC_SUFFIX, ctx->slug);
	{
		const struct tpl_bind	b[] = {
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
		};
		if (strcmp(ctx->state, "gevraagd") == 0)
			rc |= view_append(&body, VIEW_pilot_contact_ask,
			    ctx->loc, b, NBINDS(b));
		else if (strcmp(ctx->state, "ja") == 0)
			rc |= view_append(&body, VIEW_pilot_contact_agreed,
			    ctx->loc, b, NBINDS(b));
		else
			rc |= view_append(&body, VIEW_pilot_contact_declined,
			    ctx->loc, NULL, 0);
	}
	title = i18n_get(ctx->loc, MSG_pilot_contact_title);
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "question", sbuf_cstr(&question), TPL_TEXT },
			{ "pilot", sbuf_cstr(&pilot), TPL_TRUSTED_HTML },
			{ "summary", ctx->summary, TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "body", sbuf_cstr(&body), TPL_TRUSTED_HTML },
		};
		view_page(req, status, ctx->loc, title, PILOT_PATH,
		    VIEW_pilot_contact, b, NBINDS(b));
	}
	sbuf_free(&notice);
	sbuf_free(&question);
	sbuf_free(&pilot);
	sbuf_free(&body);
	sbuf_free(&href);
	sbuf_free(&action);
	return (HTTP_STATE_COMPLETE);
}

static void
pc_free(struct http_request *req)
{
	struct pc_ctx	*ctx = http_state_get(req);

	kore_free(ctx->title);
	kore_free(ctx->summary);
	kore_free(ctx->asker);
	fv_free(&ctx->fv);
}
