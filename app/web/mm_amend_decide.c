/*
 * Deciding on an amendment (issue 8):
 *
 *   GET  /masterminds/{serie}/{sessie}/aanvullingen/{id}   the amendment
 *        and, for a proposal, how it differs from the current text of
 *        its section (core/diff.c); the form while it is open
 *   POST (multipart) _csrf, besluit=overnemen|afwijzen, reply
 *        -> mm_amend_decide(), then 303 to the session with
 *        ?gedaan=overgenomen|afgewezen#aanvulling-<id>
 *
 * Who: whoever runs the session. A session whose minutes the reader
 * may not read, or an amendment not of this session, is 404; other
 * readers get 403. A
 * decision on a decided amendment or on final minutes is a 409 page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/diff.h"
#include "core/form.h"
#include "core/mm.h"
#include "db/q_mm_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/mm_flow.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define MMD_REPLY_MAX	1000

struct mmd_ctx {
	struct mmf_head	 h;
	enum locale	 loc;
	int		 bad;
	int		 post;
	char		 id[MMF_ID_MAX + 1];
	char		 besluit[16];
	const char	*reply;

	int		 found;
	char		 section[16];
	char		 state[16];
	char		*comment;
	char		*proposal_md;
	char		*proposal_html;
	char		*s_reply;
	char		*author;
	char		 at[24];
	struct fv	 fv;
};

static const char *const	mmd_fields[] = { "besluit", "reply", NULL };

static int	mmd_session(struct http_request *, struct db_ctx *);
static int	mmd_loaded(struct http_request *, struct db_ctx *);
static void	mmd_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mmd_got(struct http_request *, struct db_ctx *);
static int	mmd_done(struct http_request *, struct db_ctx *);
static int	mmd_fail(struct http_request *, struct db_ctx *, int);
static int	mmd_decided(struct http_request *, struct mmd_ctx *);
static int	mmd_form(struct sbuf *, struct http_request *,
		    struct mmd_ctx *);
static int	mmd_render(struct http_request *, struct mmd_ctx *, int);
static void	mmd_free(struct http_request *);

int
mm_amend_decide(struct http_request *req)
{
	struct mmd_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mmd_free);
		ctx->loc = resp_locale(req);
		ctx->reply = "";
		fv_init(&ctx->fv, ctx->loc);
		ctx->bad = mmf_path(req->path, "/aanvullingen/", &ctx->h.s,
		    ctx->id, sizeof(ctx->id)) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "besluit", &v))
				(void)kore_strlcpy(ctx->besluit, v,
				    sizeof(ctx->besluit));
			if (http_argument_get_string(req, "reply", &v)) {
				form_lf(v);
				ctx->reply = form_trim(v);
			}
		}
		db_start(req, &ctx->h.db, NULL, NULL, mmd_session);
	}
	return (db_run(req));
}

static int
mmd_session(struct http_request *req, struct db_ctx *db)
{
	struct mmd_ctx	*ctx = (struct mmd_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (mmf_load(req, &ctx->h, mmd_loaded));
}

static int
mmd_loaded(struct http_request *req, struct db_ctx *db)
{
	struct mmd_ctx	*ctx = (struct mmd_ctx *)db;
	struct mmf_sess	*s = &ctx->h.s;

	if (ctx->post && !auth_post_ok(req, db)) {
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
	db->params[0] = ctx->id;
	db->params[1] = s->id;
	return (db_chain(req, db, &q_mmf_amendment, mmd_row, mmd_got));
}

static void
mmd_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mmd_ctx	*ctx = (struct mmd_ctx *)db;

	ctx->found = 1;
	(void)kore_strlcpy(ctx->section, db_text(sql, r, QMA_SECTION),
	    sizeof(ctx->section));
	(void)kore_strlcpy(ctx->state, db_text(sql, r, QMA_STATE),
	    sizeof(ctx->state));
	(void)kore_strlcpy(ctx->at, db_text(sql, r, QMA_AT), sizeof(ctx->at));
	kore_free(ctx->comment);
	kore_free(ctx->proposal_md);
	kore_free(ctx->proposal_html);
	kore_free(ctx->s_reply);
	kore_free(ctx->author);
	ctx->comment = kore_strdup(db_text(sql, r, QMA_COMMENT));
	ctx->proposal_md = kore_strdup(db_text(sql, r, QMA_PROPOSAL_MD));
	ctx->proposal_html = kore_strdup(db_text(sql, r, QMA_PROPOSAL_HTML));
	ctx->s_reply = kore_strdup(db_text(sql, r, QMA_REPLY));
	ctx->author = kore_strdup(db_text(sql, r, QMA_AUTHOR));
}

static int
mmd_got(struct http_request *req, struct db_ctx *db)
{
	struct mmd_ctx	*ctx = (struct mmd_ctx *)db;
	struct mmf_sess	*s = &ctx->h.s;
	int		 accept;

	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post)
		return (mmd_render(req, ctx, 200));
	if (strcmp(ctx->state, "open") != 0 ||
	    strcmp(s->state, "definitief") == 0)
		return (mmd_decided(req, ctx));
	accept = strcmp(ctx->besluit, "overnemen") == 0;
	if (!accept && strcmp(ctx->besluit, "afwijzen") != 0)
		fv_error(&ctx->fv, "besluit", MSG_mmw_decide_missing, NULL);
	(void)fv_check(&ctx->fv, "reply", form_text(ctx->reply,
	    MMD_REPLY_MAX, 0, 1), MMD_REPLY_MAX);
	if (ctx->fv.nerr > 0)
		return (mmd_render(req, ctx, 422));
	db->params[0] = ctx->id;
	db->params[1] = db->user.id;
	db->params[2] = accept ? "true" : "false";
	db->params[3] = ctx->reply;
	db->fail = mmd_fail;
	return (db_chain(req, db, &q_mmf_decide, NULL, mmd_done));
}

static int
mmd_done(struct http_request *req, struct db_ctx *db)
{
	struct mmd_ctx	*ctx = (struct mmd_ctx *)db;
	struct sbuf	 to, anchor;

	sbuf_init(&to);
	sbuf_init(&anchor);
	sbuf_printf(&anchor, "aanvulling-%s", ctx->id);
	mmf_href(&to, &ctx->h.s, strcmp(ctx->besluit, "overnemen") == 0 ?
	    "overgenomen" : "afgewezen", sbuf_cstr(&anchor));
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	sbuf_free(&anchor);
	return (HTTP_STATE_COMPLETE);
}

static int
mmd_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct mmd_ctx	*ctx = (struct mmd_ctx *)db;

	if (status == 409)
		return (mmd_decided(req, ctx));
	if (status == 503) {
		fv_form_error(&ctx->fv, MSG_mmw_save_failed, NULL);
		return (mmd_render(req, ctx, 503));
	}
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}

static int
mmd_decided(struct http_request *req, struct mmd_ctx *ctx)
{
	struct sbuf	back;

	sbuf_init(&back);
	mmf_href(&back, &ctx->h.s, NULL, NULL);
	mmf_message(req, ctx->loc, 409,
	    i18n_get(ctx->loc, MSG_mmw_decide_done_title),
	    i18n_get(ctx->loc, MSG_mmw_decide_done_text), NULL,
	    sbuf_cstr(&back), i18n_get(ctx->loc, MSG_mmw_back_session));
	sbuf_free(&back);
	return (HTTP_STATE_COMPLETE);
}

/* The decision form, while the amendment is open and minutes are not final. */
static int
mmd_form(struct sbuf *out, struct http_request *req, struct mmd_ctx *ctx)
{
	struct sbuf	 choices, action;
	size_t		 nb;
	int		 rc = 0;
	const char	*v[2] = { "overnemen", "afwijzen" };
	enum msg_id	 l[2] = { MSG_mmw_decide_accept, MSG_mmw_decide_reject };
	size_t		 i;

	sbuf_init(&choices);
	sbuf_init(&action);
	for (i = 0; i < 2; i++) {
		char	id[24];

		(void)snprintf(id, sizeof(id), "besluit-%s", v[i]);
		{
			const struct tpl_bind	b[] = {
				{ "id", id, TPL_TEXT },
				{ "name", "besluit", TPL_TEXT },
				{ "value", v[i], TPL_TEXT },
				{ "label", i18n_get(ctx->loc, l[i]), TPL_TEXT },
				{ "checked", strcmp(ctx->besluit, v[i]) == 0 ?
				    " checked" : "", TPL_TRUSTED_HTML },
			};
			rc |= view_append(&choices, VIEW_mmf_radio, ctx->loc,
			    b, NBINDS(b));
		}
	}
	mmf_href(&action, &ctx->h.s, NULL, NULL);
	sbuf_printf(&action, "/aanvullingen/%s", ctx->id);
	{
		const struct tpl_bind	fixed[] = {
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "choices", sbuf_cstr(&choices), TPL_TRUSTED_HTML },
			{ "reply", ctx->reply, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(mmd_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, mmd_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		rc |= view_append(out, VIEW_mm_amend_decide_form, ctx->loc, b,
		    nb);
	}
	sbuf_free(&choices);
	sbuf_free(&action);
	return (rc);
}

static int
mmd_render(struct http_request *req, struct mmd_ctx *ctx, int status)
{
	struct mmf_sess		*s = &ctx->h.s;
	const struct mm_word	*sec = mm_section(ctx->section);
	struct sbuf		 heading, lead, back, comment, proposal, reply,
				 form, diff, fold;
	const char		*args[1], *cur;
	const char		*zu[1] = { "%zu" };
	int			 rc = 0;

	sbuf_init(&heading);
	sbuf_init(&lead);
	sbuf_init(&back);
	sbuf_init(&comment);
	sbuf_init(&proposal);
	sbuf_init(&reply);
	sbuf_init(&form);
	sbuf_init(&diff);
	sbuf_init(&fold);
	args[0] = ctx->id;
	i18n_fmt(&heading, i18n_get(ctx->loc, MSG_mmw_decide_title), args, 1);
	args[0] = s->title != NULL ? s->title : "";
	i18n_fmt(&lead, i18n_get(ctx->loc, MSG_mmw_decide_lead), args, 1);
	mmf_href(&back, s, NULL, NULL);
	if (ctx->comment != NULL && ctx->comment[0] != '\0') {
		const struct tpl_bind	b[] = {
			{ "comment", ctx->comment, TPL_TEXT },
		};
		rc |= view_append(&comment, VIEW_mm_amend_comment, ctx->loc,
		    b, NBINDS(b));
	}
	if (ctx->proposal_md != NULL && ctx->proposal_md[0] != '\0') {
		cur = mmf_section_md(s, ctx->section);
		/* diff_html takes a printf format; messages hold only %s. */
		i18n_fmt(&fold, i18n_get(ctx->loc, MSG_mmw_decide_fold), zu, 1);
		(void)diff_html(&diff, cur, strlen(cur), ctx->proposal_md,
		    strlen(ctx->proposal_md), sbuf_cstr(&fold), NULL);
		{
			/* proposal_html: md.c at save time; diff escapes. */
			const struct tpl_bind	b[] = {
				{ "html", ctx->proposal_html,
				    TPL_TRUSTED_HTML },
				{ "diff", sbuf_cstr(&diff), TPL_TRUSTED_HTML },
			};
			rc |= view_append(&proposal, VIEW_mm_amend_proposal,
			    ctx->loc, b, NBINDS(b));
		}
	}
	if (ctx->s_reply != NULL && ctx->s_reply[0] != '\0') {
		const struct tpl_bind	b[] = {
			{ "reply", ctx->s_reply, TPL_TEXT },
		};
		rc |= view_append(&reply, VIEW_mm_amend_reply, ctx->loc, b,
		    NBINDS(b));
	}
	if (strcmp(ctx->state, "open") == 0 &&
	    strcmp(s->state, "definitief") != 0)
		rc |= mmd_form(&form, req, ctx);
	{
		const struct tpl_bind	b[] = {
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "lead", sbuf_cstr(&lead), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "section", sec != NULL ? i18n_get(ctx->loc,
			    sec->msg) : ctx->section, TPL_TEXT },
			{ "author", ctx->author != NULL &&
			    ctx->author[0] != '\0' ? ctx->author :
			    i18n_get(ctx->loc, MSG_mmw_former_member),
			    TPL_TEXT },
			{ "at", ctx->at, TPL_TEXT },
			{ "state", i18n_get(ctx->loc,
			    strcmp(ctx->state, "overgenomen") == 0 ?
			    MSG_mmw_amend_state_overgenomen :
			    strcmp(ctx->state, "afgewezen") == 0 ?
			    MSG_mmw_amend_state_afgewezen :
			    MSG_mmw_amend_state_open), TPL_TEXT },
			{ "comment", sbuf_cstr(&comment), TPL_TRUSTED_HTML },
			{ "proposal", sbuf_cstr(&proposal),
			    TPL_TRUSTED_HTML },
			{ "reply", sbuf_cstr(&reply), TPL_TRUSTED_HTML },
			{ "form", sbuf_cstr(&form), TPL_TRUSTED_HTML },
		};
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, status, ctx->loc, sbuf_cstr(&heading),
			    MMF_PATH, VIEW_mm_amend_decide, b, NBINDS(b));
	}
	sbuf_free(&heading);
	sbuf_free(&lead);
	sbuf_free(&back);
	sbuf_free(&comment);
	sbuf_free(&proposal);
	sbuf_free(&reply);
	sbuf_free(&form);
	sbuf_free(&diff);
	sbuf_free(&fold);
	return (HTTP_STATE_COMPLETE);
}

static void
mmd_free(struct http_request *req)
{
	struct mmd_ctx	*ctx = http_state_get(req);

	mmf_sess_free(&ctx->h.s);
	kore_free(ctx->comment);
	kore_free(ctx->proposal_md);
	kore_free(ctx->proposal_html);
	kore_free(ctx->s_reply);
	kore_free(ctx->author);
	fv_free(&ctx->fv);
}
