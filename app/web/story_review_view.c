/*
 * The editors' review page of a story (story_review.h): the story as it
 * was written, the checklist, the consent without the guardian's name,
 * earlier reviews, and the two forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/story.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/story_review.h"
#include "web/view.h"

#define CHECKED(x)	((x) ? " checked" : "")

static int	srv_checks(struct sbuf *, struct srv_ctx *);
static int	srv_consent(struct sbuf *, struct srv_ctx *);
static int	srv_form(struct sbuf *, struct http_request *,
		    struct srv_ctx *);
static int	srv_scope_form(struct sbuf *, struct http_request *,
		    struct srv_ctx *);
static int	srv_word_in(const char *, const char *);

static const char *const	srv_fields[] = {
	"controle", "notes", "besluit", NULL
};
static const char *const	srv_scope_fields[] = { "verruiming", NULL };

/* Is word one of the space-separated words of list? */
static int
srv_word_in(const char *list, const char *word)
{
	size_t	n = strlen(word);
	const char *p = list;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == list || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\0'))
			return (1);
		p += n;
	}
	return (0);
}

static int
srv_checks(struct sbuf *out, struct srv_ctx *ctx)
{
	size_t	i;
	int	rc = 0;

	for (i = 0; i < STORY_CHECKS; i++) {
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc, story_checks[i].msg),
			    TPL_TEXT },
			{ "ticked", i18n_get(ctx->loc,
			    srv_word_in(ctx->h.s.checklist,
			    story_checks[i].word) ? MSG_sfl_ticked :
			    MSG_sfl_not_ticked), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_story_review_check, ctx->loc, b,
		    NBINDS(b));
	}
	return (rc);
}

static int
srv_consent(struct sbuf *out, struct srv_ctx *ctx)
{
	struct sfl_story	*s = &ctx->h.s;
	struct sbuf		 guardian;
	int			 rc = 0;

	if (s->c_version[0] == '\0') {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_sfl_consent_none),
			    TPL_TEXT },
		};
		return (view_append(out, VIEW_empty, ctx->loc, b,
		    NBINDS(b)));
	}
	sbuf_init(&guardian);
	if (s->c_under16 && s->c_guardian)
		rc |= view_append(&guardian, VIEW_story_review_guardian,
		    ctx->loc, NULL, 0);
	{
		const struct tpl_bind	b[] = {
			{ "scope", sfl_scope_name(ctx->loc, s->c_scope),
			    TPL_TEXT },
			{ "now", sfl_scope_name(ctx->loc, s->scope),
			    TPL_TEXT },
			{ "version", s->c_version, TPL_TEXT },
			{ "at", s->c_at, TPL_TEXT },
			{ "under16", i18n_get(ctx->loc, s->c_under16 ?
			    MSG_sfl_yes : MSG_sfl_no), TPL_TEXT },
			{ "guardian", sbuf_cstr(&guardian), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_review_consent, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&guardian);
	return (rc);
}

static int
srv_form(struct sbuf *out, struct http_request *req, struct srv_ctx *ctx)
{
	struct sbuf	action;
	size_t		nb;
	int		rc, sent = ctx->post && !ctx->scope_form;

	if (strcmp(ctx->h.s.state, "ter_review") != 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_sfl_review_not_now),
			    TPL_TEXT },
		};
		return (view_append(out, VIEW_notice, ctx->loc, b,
		    NBINDS(b)));
	}
	sbuf_init(&action);
	sfl_href(&action, &ctx->h.s, NULL);
	sbuf_puts(&action, "/beoordelen");
	{
		const struct tpl_bind	fixed[] = {
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "rev", ctx->h.s.rev, TPL_TEXT },
			{ "notes", sent ? ctx->note : "", TPL_TEXT },
			{ "herkenbaar_checked", CHECKED(sent &&
			    ctx->check_id), TPL_TRUSTED_HTML },
			{ "veilig_checked", CHECKED(sent && ctx->check_safe),
			    TPL_TRUSTED_HTML },
			{ "voorstel_checked", CHECKED(sent &&
			    strcmp(ctx->besluit, "voorstel") == 0),
			    TPL_TRUSTED_HTML },
			{ "akkoord_checked", CHECKED(sent &&
			    strcmp(ctx->besluit, "akkoord") == 0),
			    TPL_TRUSTED_HTML },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(srv_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, srv_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		rc = view_append(out, VIEW_story_review_form, ctx->loc, b,
		    nb);
	}
	sbuf_free(&action);
	return (rc);
}

static int
srv_scope_form(struct sbuf *out, struct http_request *req,
    struct srv_ctx *ctx)
{
	struct sfl_story	*s = &ctx->h.s;
	struct sbuf		 action, heading, current;
	const struct story_word	*w;
	const char		*args[1];
	size_t			 nb;
	int			 rc;

	if (s->wanted[0] == '\0' || strcmp(s->state, "ingetrokken") == 0)
		return (0);
	sbuf_init(&action);
	sbuf_init(&heading);
	sbuf_init(&current);
	sfl_href(&action, s, NULL);
	sbuf_puts(&action, "/beoordelen");
	args[0] = sfl_scope_name(ctx->loc, s->wanted);
	i18n_fmt(&heading, i18n_get(ctx->loc, MSG_sfl_scope_asked), args, 1);
	args[0] = sfl_scope_name(ctx->loc, s->scope);
	i18n_fmt(&current, i18n_get(ctx->loc, MSG_sfl_scope_current), args,
	    1);
	w = story_scope(s->wanted);
	{
		const struct tpl_bind	fixed[] = {
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "current", sbuf_cstr(&current), TPL_TEXT },
			{ "help", w != NULL ? i18n_get(ctx->loc, w->help) :
			    "", TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(srv_scope_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, srv_scope_fields, fixed,
		    NBINDS(fixed), b, NBINDS(b));
		rc = view_append(out, VIEW_story_review_scope, ctx->loc, b,
		    nb);
	}
	sbuf_free(&action);
	sbuf_free(&heading);
	sbuf_free(&current);
	return (rc);
}

int
srv_render(struct http_request *req, struct srv_ctx *ctx, int status)
{
	struct sfl_story	*s = &ctx->h.s;
	struct sbuf		 heading, by, warn, checks, consent, hist;
	struct sbuf		 form, scope;
	const struct story_word	*st;
	const char		*args[1];
	int			 rc = 0;

	sbuf_init(&heading);
	sbuf_init(&by);
	sbuf_init(&warn);
	sbuf_init(&checks);
	sbuf_init(&consent);
	sbuf_init(&hist);
	sbuf_init(&form);
	sbuf_init(&scope);
	args[0] = s->title;
	i18n_fmt(&heading, i18n_get(ctx->loc, MSG_sfl_review_title), args, 1);
	args[0] = s->pseudonym;
	i18n_fmt(&by, i18n_get(ctx->loc, MSG_sf_by), args, 1);
	if (*s->warnings == '\0') {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_sw_none), TPL_TEXT },
		};
		rc |= view_append(&warn, VIEW_empty, ctx->loc, b, NBINDS(b));
	} else
		rc |= sfl_warning_line(&warn, ctx->loc, s->warnings);
	rc |= srv_checks(&checks, ctx);
	rc |= srv_consent(&consent, ctx);
	if (ctx->nhistory == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_sfl_history_none),
			    TPL_TEXT },
		};
		rc |= view_append(&hist, VIEW_empty, ctx->loc, b, NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&ctx->history),
			    TPL_TRUSTED_HTML },
		};
		rc |= view_append(&hist, VIEW_story_review_hist_list,
		    ctx->loc, b, NBINDS(b));
	}
	rc |= srv_form(&form, req, ctx);
	rc |= srv_scope_form(&scope, req, ctx);
	st = story_state(s->state);
	if (rc != 0) {
		resp_error(req, 500);
	} else {
		const struct tpl_bind	b[] = {
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "state", st != NULL ? i18n_get(ctx->loc, st->msg) :
			    s->state, TPL_TEXT },
			{ "title", s->title, TPL_TEXT },
			{ "by", sbuf_cstr(&by), TPL_TEXT },
			{ "summary", s->summary, TPL_TEXT },
			{ "warnings", sbuf_cstr(&warn), TPL_TRUSTED_HTML },
			{ "body", s->body_html, TPL_TRUSTED_HTML },
			{ "checks", sbuf_cstr(&checks), TPL_TRUSTED_HTML },
			{ "consent", sbuf_cstr(&consent), TPL_TRUSTED_HTML },
			{ "history", sbuf_cstr(&hist), TPL_TRUSTED_HTML },
			{ "form", sbuf_cstr(&form), TPL_TRUSTED_HTML },
			{ "scope_form", sbuf_cstr(&scope), TPL_TRUSTED_HTML },
		};
		view_page(req, status, ctx->loc, sbuf_cstr(&heading),
		    "/redactie", VIEW_story_review, b, NBINDS(b));
	}
	sbuf_free(&heading);
	sbuf_free(&by);
	sbuf_free(&warn);
	sbuf_free(&checks);
	sbuf_free(&consent);
	sbuf_free(&hist);
	sbuf_free(&form);
	sbuf_free(&scope);
	return (HTTP_STATE_COMPLETE);
}
