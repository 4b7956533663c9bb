/*
 * My stories (issue 9):
 *
 *   GET /account/verhalen[?gedaan=ingetrokken|gepubliceerd]
 *       the reader's own stories (owner_id), last changed first: title
 *       (link), pseudonym, state with what it means, scope, warnings,
 *       last change, and what fits the state: edit; put online (POST
 *       /verhalen/{slug}/publiceren with the checked revision) when
 *       akkoord; who may read it (/verhalen/{slug}/reikwijdte) once
 *       sent in; withdraw (POST /verhalen/{slug}/intrekken) unless a
 *       concept or withdrawn already.
 *
 * Signed-in readers only (visitors go to sign in). Only the storyteller
 * sees this list; nothing on it is shown to anyone else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "web/story_edit.h"
#include "db/q_story_edit.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

struct smi_ctx {
	struct db_ctx	 db;
	struct http_request *req;
	enum locale	 loc;
	enum msg_id	 notice;	/* MSG__MAX: none */
	struct sbuf	 stories;
	int		 n;
};

static int	smi_session(struct http_request *, struct db_ctx *);
static void	smi_row(struct db_ctx *, struct kore_pgsql *, int);
static int	smi_actions(struct sbuf *, struct smi_ctx *,
		    struct http_request *, struct kore_pgsql *, int);
static int	smi_link(struct sbuf *, enum locale, const char *,
		    const char *);
static int	smi_button(struct sbuf *, struct http_request *, enum locale,
		    const char *, const char *, const char *, enum msg_id,
		    enum msg_id, const char *);
static void	smi_warnings(struct sbuf *, enum locale, const char *);
static int	smi_done(struct http_request *, struct db_ctx *);
static void	smi_free(struct http_request *);

int
story_mine(struct http_request *req)
{
	struct smi_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), smi_free);
		ctx->req = req;
		ctx->loc = resp_locale(req);
		ctx->notice = MSG__MAX;
		sbuf_init(&ctx->stories);
		http_populate_get(req);
		if (http_argument_get_string(req, "gedaan", &v)) {
			if (strcmp(v, "ingetrokken") == 0)
				ctx->notice = MSG_sm_done_ingetrokken;
			else if (strcmp(v, "gepubliceerd") == 0)
				ctx->notice = MSG_sm_done_gepubliceerd;
		}
		db_start(req, &ctx->db, NULL, NULL, smi_session);
	}
	return (db_run(req));
}

static int
smi_session(struct http_request *req, struct db_ctx *db)
{
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = db->user.id;
	return (db_chain(req, db, &q_story_mine, smi_row, smi_done));
}

/* "Suïcide, Verlies", or "Geen waarschuwing". */
static void
smi_warnings(struct sbuf *out, enum locale loc, const char *codes)
{
	const struct story_word	*w;
	char			 word[32];
	const char		*p;
	size_t			 n;

	for (p = codes; *p != '\0'; p += n + (p[n] == ' ')) {
		n = strcspn(p, " ");
		if (n == 0 || n >= sizeof(word))
			continue;
		memcpy(word, p, n);
		word[n] = '\0';
		if ((w = story_warning(word)) == NULL)
			continue;
		if (out->len > 0)
			sbuf_puts(out, ", ");
		sbuf_puts(out, i18n_get(loc, w->msg));
	}
	if (out->len == 0)
		sbuf_puts(out, i18n_get(loc, MSG_sw_none));
}

static void
smi_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct smi_ctx		*ctx = (struct smi_ctx *)db;
	struct http_request	*req = ctx->req;
	const struct story_word	*st, *sc, *sw;
	struct sbuf		 scope, warns, changed, actions, label;
	const char		*pseud, *args[1];
	int			 rc = 0;

	sbuf_init(&scope);
	sbuf_init(&warns);
	sbuf_init(&changed);
	sbuf_init(&actions);
	sbuf_init(&label);
	st = story_state(db_text(sql, r, QS_M_STATE));
	if ((sc = story_scope(db_text(sql, r, QS_M_SCOPE))) != NULL)
		sbuf_puts(&scope, i18n_get(ctx->loc, sc->msg));
	else
		sbuf_puts(&scope, i18n_get(ctx->loc, MSG_sm_scope_none));
	if ((sw = story_scope(db_text(sql, r, QS_M_WANTED))) != NULL) {
		sbuf_puts(&scope, ". ");
		args[0] = i18n_get(ctx->loc, sw->msg);
		i18n_fmt(&scope, i18n_get(ctx->loc, MSG_sm_scope_wanted), args,
		    1);
	}
	smi_warnings(&warns, ctx->loc, db_text(sql, r, QS_M_WARNINGS));
	rc |= row_time(&changed, ctx->loc, db_text(sql, r, QS_M_DATE));
	rc |= smi_actions(&actions, ctx, req, sql, r);
	args[0] = db_text(sql, r, QS_M_TITLE);
	i18n_fmt(&label, i18n_get(ctx->loc, MSG_sm_actions), args, 1);
	pseud = db_text(sql, r, QS_M_PSEUDONYM);
	{
		const struct tpl_bind	b[] = {
			{ "slug", db_text(sql, r, QS_M_SLUG), TPL_TEXT },
			{ "title", db_text(sql, r, QS_M_TITLE), TPL_TEXT },
			{ "pseudonym", *pseud != '\0' ? pseud :
			    i18n_get(ctx->loc, MSG_sm_pseudonym_none),
			    TPL_TEXT },
			{ "state", st != NULL ? i18n_get(ctx->loc, st->msg) :
			    "", TPL_TEXT },
			{ "state_help", st != NULL ? i18n_get(ctx->loc,
			    st->help) : "", TPL_TEXT },
			{ "scope", sbuf_cstr(&scope), TPL_TEXT },
			{ "warnings", sbuf_cstr(&warns), TPL_TEXT },
			{ "changed", sbuf_cstr(&changed), TPL_TRUSTED_HTML },
			{ "actions_label", sbuf_cstr(&label), TPL_TEXT },
			{ "actions", sbuf_cstr(&actions), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->stories, VIEW_story_mine_item,
		    ctx->loc, b, NBINDS(b));
	}
	ctx->n++;
	if (rc != 0)
		db->failed = 1;
	sbuf_free(&scope);
	sbuf_free(&warns);
	sbuf_free(&changed);
	sbuf_free(&actions);
	sbuf_free(&label);
}

/* The steps that fit the story's state, each on its owner's page. */
static int
smi_actions(struct sbuf *out, struct smi_ctx *ctx, struct http_request *req,
    struct kore_pgsql *sql, int r)
{
	struct sbuf	 path, rev;
	const char	*slug, *state;
	int		 rc = 0;

	slug = db_text(sql, r, QS_M_SLUG);
	state = db_text(sql, r, QS_M_STATE);
	sbuf_init(&path);
	sbuf_init(&rev);
	sbuf_printf(&path, "/verhalen/%s/bewerken", slug);
	rc |= smi_link(out, ctx->loc, sbuf_cstr(&path),
	    i18n_get(ctx->loc, MSG_sm_edit));
	if (strcmp(state, "akkoord") == 0) {
		const struct tpl_bind	b[] = {
			{ "name", "rev", TPL_TEXT },
			{ "value", db_text(sql, r, QS_M_REV), TPL_TEXT },
		};
		rc |= view_append(&rev, VIEW_edit_hidden, ctx->loc, b,
		    NBINDS(b));
		sbuf_reset(&path);
		sbuf_printf(&path, "/verhalen/%s/publiceren", slug);
		rc |= smi_button(out, req, ctx->loc, sbuf_cstr(&path), slug,
		    sbuf_cstr(&rev), MSG_sm_publish, MSG_sm_publish_hint, "");
	}
	if (strcmp(state, "ter_review") == 0 ||
	    strcmp(state, "akkoord") == 0 ||
	    strcmp(state, "gepubliceerd") == 0) {
		sbuf_reset(&path);
		sbuf_printf(&path, "/verhalen/%s/reikwijdte", slug);
		rc |= smi_link(out, ctx->loc, sbuf_cstr(&path),
		    i18n_get(ctx->loc, MSG_sm_scope));
	}
	if (strcmp(state, "concept") != 0 &&
	    strcmp(state, "ingetrokken") != 0) {
		sbuf_reset(&path);
		sbuf_printf(&path, "/verhalen/%s/intrekken", slug);
		rc |= smi_button(out, req, ctx->loc, sbuf_cstr(&path), slug,
		    "", MSG_sm_withdraw, MSG_sm_withdraw_hint,
		    "button-danger");
	}
	sbuf_free(&path);
	sbuf_free(&rev);
	return (rc);
}

static int
smi_link(struct sbuf *out, enum locale loc, const char *href,
    const char *label)
{
	const struct tpl_bind	b[] = {
		{ "href", href, TPL_TEXT },
		{ "label", label, TPL_TEXT },
	};

	return (view_append(out, VIEW_story_mine_link, loc, b, NBINDS(b)));
}

/* A one-button form; its hint says what it does. */
static int
smi_button(struct sbuf *out, struct http_request *req, enum locale loc,
    const char *action, const char *slug, const char *hidden,
    enum msg_id label, enum msg_id hint, const char *cls)
{
	struct sbuf	id;
	int		rc;

	sbuf_init(&id);
	sbuf_printf(&id, "%s-%s", label == MSG_sm_publish ? "online" :
	    "intrekken", slug);
	{
		const struct tpl_bind	b[] = {
			{ "action", action, TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "hidden", hidden, TPL_TRUSTED_HTML },
			{ "cls", cls, TPL_TEXT },
			{ "hint_id", sbuf_cstr(&id), TPL_TEXT },
			{ "label", i18n_get(loc, label), TPL_TEXT },
			{ "hint", i18n_get(loc, hint), TPL_TEXT },
		};
		rc = view_append(out, VIEW_story_mine_button, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&id);
	return (rc);
}

static int
smi_done(struct http_request *req, struct db_ctx *db)
{
	struct smi_ctx	*ctx = (struct smi_ctx *)db;
	struct sbuf	 notice;

	sbuf_init(&notice);
	if (ctx->notice != MSG__MAX) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, ctx->notice), TPL_TEXT },
		};
		(void)view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->n == 0)
		(void)view_append(&ctx->stories, VIEW_story_mine_empty,
		    ctx->loc, NULL, 0);
	{
		const struct tpl_bind	b[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "stories", sbuf_cstr(&ctx->stories),
			    TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc, i18n_get(ctx->loc, MSG_sm_title),
		    "/account", VIEW_story_mine, b, NBINDS(b));
	}
	sbuf_free(&notice);
	return (HTTP_STATE_COMPLETE);
}

static void
smi_free(struct http_request *req)
{
	struct smi_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->stories);
}
