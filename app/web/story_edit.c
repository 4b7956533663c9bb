/*
 * The story editor: /verhalen/nieuw and /verhalen/{slug}/bewerken.
 *
 * The pilot editor's pattern (pilot_edit.c) with a story's own parts:
 * the story (title, summary, body, themes, community), the pseudonym,
 * the content warnings, the de-identification checklist, whether it
 * stays after account deletion, and the consent (scope, the consent
 * text in full, the box, under 16 and then the guardian).
 *
 * GET shows the form. POST (multipart: the body has line breaks,
 * STYLE.md c6) takes one of three actions:
 *   preview   renders the body; nothing is saved
 *   save      story_save(); a concept may be incomplete
 *   submit    every check first, in C (pseudonym, checklist, scope,
 *             consent box, under 16, guardian): with any message
 *             nothing is written (422); then story_save() and
 *             story_submit() in one statement
 * then 303 to /verhalen/{slug}?gedaan=bewaard|ingestuurd. A new story
 * carries a nonce: a repeated POST leads to the story the first one
 * made. An edit carries its base revision: when the story was saved
 * since, nothing is written and the 409 page shows what is stored, a
 * diff of the text, and the form with the typed text.
 *
 * Who: any signed-in member may start a story (visitors go to sign
 * in). Editing is for its storyteller only: 404 for whoever may not
 * read the story (story_may_read), 403 for readers who are not its
 * storyteller; a visitor who may read it goes to sign in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_story_edit.h"
#include "web/auth.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/story_edit.h"

#define SED_PREFIX	"/verhalen"
#define SED_SUFFIX	"/bewerken"

const struct sed_fdef sed_fields[SF__MAX] = {
	[SF_TITLE] = { "title", SR_LINE },
	[SF_SUMMARY] = { "summary", SR_LINE },
	[SF_BODY] = { "body", SR_MD },
	[SF_COMMUNITY] = { "community", SR_RAW },
	[SF_PSEUDONYM] = { "pseudonym", SR_LINE },
	[SF_KEEP] = { "keep", SR_RAW },
	[SF_SCOPE] = { "scope", SR_RAW },
	[SF_CONSENT] = { "consent", SR_RAW },
	[SF_CONSENT_VERSION] = { "consent_version", SR_RAW },
	[SF_UNDER16] = { "under16", SR_RAW },
	[SF_GUARDIAN] = { "guardian", SR_LINE },
	[SF_GUARDIAN_OK] = { "guardian_ok", SR_RAW },
	[SF_GUARDIAN_VERSION] = { "guardian_version", SR_RAW },
};

static const char *const	sed_actions[] = {
	"preview", "save", "submit", NULL
};

static int	sed_enter(struct http_request *, int);
static int	sed_path(struct http_request *, char *, size_t);
static void	sed_init(struct sed_ctx *, int, enum locale);
static void	sed_read(struct http_request *, struct sed_ctx *);
static void	sed_list(struct http_request *, const char *, struct sbuf *,
		    size_t *);
static int	sed_session(struct http_request *, struct db_ctx *);
static int	sed_loaded(struct http_request *, struct db_ctx *);
static void	sed_row_story(struct sed_ctx *, struct kore_pgsql *, int);
static void	sed_set(struct sed_ctx *, enum sed_field, const char *);
static void	sed_frame(struct sbuf *, const char *);
static void	sed_stored(struct sed_ctx *);
static void	sed_nonce(struct sed_ctx *);
static int	sed_post(struct http_request *, struct sed_ctx *);
static void	sed_free(struct http_request *);

int
story_new(struct http_request *req)
{
	return (sed_enter(req, 1));
}

int
story_edit(struct http_request *req)
{
	return (sed_enter(req, 0));
}

static int
sed_enter(struct http_request *req, int is_new)
{
	struct sed_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];

	if (!http_state_exists(req)) {
		slug[0] = '\0';
		if (!is_new && sed_path(req, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), sed_free);
		sed_init(ctx, is_new, resp_locale(req));
		(void)kore_strlcpy(ctx->slug, slug, sizeof(ctx->slug));
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			sed_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, sed_session);
	}
	return (db_run(req));
}

/* "/verhalen/{slug}/bewerken" (no regex captures, STYLE.md c3). */
static int
sed_path(struct http_request *req, char *slug, size_t len)
{
	char	path[PATH_SLUG_MAX + 32];
	size_t	n, sn;

	n = strlen(req->path);
	sn = strlen(SED_SUFFIX);
	if (n >= sizeof(path) || n < sn ||
	    strcmp(req->path + n - sn, SED_SUFFIX) != 0)
		return (-1);
	memcpy(path, req->path, n - sn);
	path[n - sn] = '\0';
	return (path_slug(path, SED_PREFIX, slug, len));
}

static void
sed_init(struct sed_ctx *ctx, int is_new, enum locale loc)
{
	size_t	i;

	ctx->loc = loc;
	ctx->is_new = is_new;
	ctx->action = SA_PREVIEW;
	for (i = 0; i < SF__MAX; i++) {
		ctx->v[i] = "";
		sbuf_init(&ctx->s[i]);
	}
	for (i = 0; i < SED_FV; i++)
		fv_init(&ctx->fv[i], loc);
	sbuf_init(&ctx->themes);
	sbuf_putc(&ctx->themes, '\n');
	sbuf_init(&ctx->warnings);
	sbuf_putc(&ctx->warnings, '\n');
	sbuf_init(&ctx->checks);
	sbuf_putc(&ctx->checks, '\n');
	sbuf_init(&ctx->s_warnings);
	sbuf_init(&ctx->s_checks);
	sbuf_init(&ctx->s_note);
	sbuf_init(&ctx->o_themes);
	sbuf_init(&ctx->o_communities);
	sbuf_init(&ctx->preview);
	sbuf_init(&ctx->conflict_html);
	md_doc_init(&ctx->doc);
}

/* The fields of a POST, as typed (line breaks made LF). */
static void
sed_read(struct http_request *req, struct sed_ctx *ctx)
{
	char	*v;
	size_t	 i;
	int	 act;

	(void)req_populate_form(req);
	for (i = 0; i < SF__MAX; i++) {
		if (!http_argument_get_string(req, sed_fields[i].name, &v))
			continue;
		switch (sed_fields[i].read) {
		case SR_LINE:
			form_oneline(v);
			v = form_trim(v);
			break;
		case SR_MD:
			/* Leading spaces mean something in Markdown. */
			form_lf(v);
			v = form_rtrim(v);
			break;
		case SR_RAW:
			break;
		}
		ctx->v[i] = v;
	}
	if (http_argument_get_string(req, "action", &v) &&
	    (act = form_choice(v, sed_actions)) != -1)
		ctx->action = (enum sed_action)act;
	if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
		(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
	if (http_argument_get_string(req, "base", &v))
		(void)kore_strlcpy(ctx->base, v, sizeof(ctx->base));
	sed_list(req, "themes", &ctx->themes, &ctx->nthemes);
	sed_list(req, "warnings", &ctx->warnings, &ctx->nwarnings);
	sed_list(req, "checklist", &ctx->checks, &ctx->nchecks);
}

/* A repeated field: http_argument_get_string sees the first only. */
static void
sed_list(struct http_request *req, const char *name, struct sbuf *list,
    size_t *n)
{
	struct http_arg	*a;

	TAILQ_FOREACH(a, &req->arguments, list) {
		if (strcmp(a->name, name) != 0 ||
		    form_list_has(sbuf_cstr(list), a->s_value))
			continue;
		sbuf_puts(list, a->s_value);
		sbuf_putc(list, '\n');
		(*n)++;
	}
}

void
sed_page_start(struct sed_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	db->params[0] = db->user.loaded ? db->user.id : NULL;
	db->params[1] = ctx->slug;
	db->params[2] = ctx->is_new && ctx->post ? ctx->nonce : "";
}

/* New stories are for members; an edit first asks who may read it. */
static int
sed_session(struct http_request *req, struct db_ctx *db)
{
	struct sed_ctx	*ctx = (struct sed_ctx *)db;

	if (ctx->is_new && !auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	sed_page_start(ctx);
	return (db_chain(req, db, &q_story_edit_page, sed_row, sed_loaded));
}

void
sed_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sed_ctx	*ctx = (struct sed_ctx *)db;
	const char	*c1, *c2, *sel;
	int		 on;

	c1 = db_text(sql, r, QS_C1);
	c2 = db_text(sql, r, QS_C2);
	switch (atoi(db_text(sql, r, QS_GROUP))) {
	case QS_STORY:
		sed_row_story(ctx, sql, r);
		return;
	case QS_REPLAY:
		ctx->replay = 1;
		(void)kore_strlcpy(ctx->replay_slug, c1,
		    sizeof(ctx->replay_slug));
		return;
	default:
		break;
	}
	/* The lists are there already when the page loads again. */
	if (ctx->reload)
		return;
	switch (atoi(db_text(sql, r, QS_GROUP))) {
	case QS_THEME:
		ctx->nthemes_all++;
		if (ctx->post) {
			if ((on = form_list_has(sbuf_cstr(&ctx->themes), c1)))
				ctx->themes_found++;
		} else
			on = strcmp(db_text(sql, r, QS_C3), "t") == 0;
		sed_option(ctx, QS_THEME, c1, c2, on);
		break;
	case QS_COMMUNITY:
		ctx->ncommunities++;
		sel = ctx->post ? ctx->v[SF_COMMUNITY] :
		    sbuf_cstr(&ctx->s[SF_COMMUNITY]);
		if ((on = strcmp(sel, c1) == 0))
			ctx->community_found = 1;
		sed_option(ctx, QS_COMMUNITY, c1, c2, on);
		break;
	default:
		break;
	}
}

static void
sed_set(struct sed_ctx *ctx, enum sed_field f, const char *v)
{
	sbuf_reset(&ctx->s[f]);
	sbuf_puts(&ctx->s[f], v);
}

/* "a\nb" as "\na\nb\n" (form_list_has()'s frame). */
static void
sed_frame(struct sbuf *out, const char *lines)
{
	sbuf_reset(out);
	sbuf_putc(out, '\n');
	if (*lines == '\0')
		return;
	sbuf_puts(out, lines);
	sbuf_putc(out, '\n');
}

static void
sed_row_story(struct sed_ctx *ctx, struct kore_pgsql *sql, int r)
{
	ctx->found = 1;
	ctx->may_read = strcmp(db_text(sql, r, QS_S_MAY_READ), "t") == 0;
	ctx->teller = strcmp(db_text(sql, r, QS_S_TELLER), "t") == 0;
	(void)kore_strlcpy(ctx->id, db_text(sql, r, QS_S_ID), sizeof(ctx->id));
	(void)kore_strlcpy(ctx->slug, db_text(sql, r, QS_S_SLUG),
	    sizeof(ctx->slug));
	(void)kore_strlcpy(ctx->rev, db_text(sql, r, QS_S_REV),
	    sizeof(ctx->rev));
	(void)kore_strlcpy(ctx->state, db_text(sql, r, QS_S_STATE),
	    sizeof(ctx->state));
	(void)kore_strlcpy(ctx->scope, db_text(sql, r, QS_S_SCOPE),
	    sizeof(ctx->scope));
	/* Only its storyteller gets to see anything of it here. */
	if (!ctx->teller)
		return;
	sed_set(ctx, SF_TITLE, db_text(sql, r, QS_S_TITLE));
	sed_set(ctx, SF_SUMMARY, db_text(sql, r, QS_S_SUMMARY));
	sed_set(ctx, SF_BODY, db_text(sql, r, QS_S_BODY));
	sed_set(ctx, SF_COMMUNITY, db_text(sql, r, QS_S_COMMUNITY));
	sed_set(ctx, SF_PSEUDONYM, db_text(sql, r, QS_S_PSEUDONYM));
	sed_set(ctx, SF_KEEP, strcmp(db_text(sql, r, QS_S_KEEP), "t") == 0 ?
	    "1" : "");
	sed_set(ctx, SF_SCOPE, ctx->scope);
	sed_frame(&ctx->s_warnings, db_text(sql, r, QS_S_WARNINGS));
	sed_frame(&ctx->s_checks, db_text(sql, r, QS_S_CHECKS));
	sbuf_reset(&ctx->s_note);
	sbuf_puts(&ctx->s_note, db_text(sql, r, QS_S_NOTE));
}

static int
sed_loaded(struct http_request *req, struct db_ctx *db)
{
	struct sed_ctx	*ctx = (struct sed_ctx *)db;

	if (!ctx->is_new) {
		/* Not even its slug leaks to whoever may not read it. */
		if (!ctx->found || !ctx->may_read) {
			/* A forged POST is refused as such, found or not. */
			resp_error(req, ctx->post && !auth_post_ok(req, db) ?
			    403 : 404);
			return (HTTP_STATE_COMPLETE);
		}
		if (!db->user.loaded &&
		    !auth_require(req, db, ROLE_LID))
			return (HTTP_STATE_COMPLETE);
		if (!ctx->teller) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
	}
	/* A forged POST is refused, whatever it says. */
	if (ctx->post && !auth_post_ok(req, db)) {
		sed_form_error(ctx, MSG_csrf_failed);
		sed_nonce(ctx);
		return (sed_render(req, ctx, 403));
	}
	if (!ctx->post) {
		sed_stored(ctx);
		return (sed_render(req, ctx, 200));
	}
	return (sed_post(req, ctx));
}

/* GET: the form starts from what is stored (or empty, with a nonce). */
static void
sed_stored(struct sed_ctx *ctx)
{
	size_t	i;

	if (ctx->is_new) {
		tok_new(ctx->nonce);
		return;
	}
	for (i = 0; i < SF__MAX; i++)
		ctx->v[i] = sbuf_cstr(&ctx->s[i]);
	sbuf_reset(&ctx->warnings);
	sbuf_puts(&ctx->warnings, sbuf_cstr(&ctx->s_warnings));
	sbuf_reset(&ctx->checks);
	sbuf_puts(&ctx->checks, sbuf_cstr(&ctx->s_checks));
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
}

/* A new story's form always carries a nonce. */
static void
sed_nonce(struct sed_ctx *ctx)
{
	if (ctx->is_new && ctx->nonce[0] == '\0')
		tok_new(ctx->nonce);
}

/* New, concept, voorstel and ingetrokken can be sent in. */
int
sed_may_submit(const struct sed_ctx *ctx)
{
	return (ctx->is_new || strcmp(ctx->state, "concept") == 0 ||
	    strcmp(ctx->state, "voorstel") == 0 ||
	    strcmp(ctx->state, "ingetrokken") == 0);
}

static int
sed_post(struct http_request *req, struct sed_ctx *ctx)
{
	/* The same create again (a double click, a retry): its story. */
	if (ctx->is_new && ctx->replay && ctx->action != SA_PREVIEW) {
		sed_redirect(req, ctx->replay_slug, "bewaard");
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->action == SA_SUBMIT && !sed_may_submit(ctx)) {
		sed_form_error(ctx, MSG_se_action_bad);
		return (sed_render(req, ctx, 409));
	}
	sed_check(ctx, ctx->action != SA_PREVIEW);
	if (ctx->action == SA_PREVIEW) {
		sed_nonce(ctx);
		if (sed_nerr(ctx) > 0 || sed_render_md(ctx) == -1)
			return (sed_render(req, ctx, 422));
		sed_preview(ctx);
		return (sed_render(req, ctx, 200));
	}
	if (ctx->action == SA_SUBMIT)
		sed_check_submit(ctx);
	if (sed_nerr(ctx) > 0) {
		sed_form_error(ctx, ctx->action == SA_SUBMIT ?
		    MSG_se_not_sent : MSG_se_not_saved);
		return (sed_render(req, ctx, 422));
	}
	if (!ctx->is_new && strcmp(ctx->base, ctx->rev) != 0)
		return (sed_show_conflict(req, ctx));
	if (sed_render_md(ctx) == -1)
		return (sed_render(req, ctx, 422));
	return (sed_save(req, ctx));
}

static void
sed_free(struct http_request *req)
{
	struct sed_ctx	*ctx = http_state_get(req);
	size_t		 i;

	for (i = 0; i < SF__MAX; i++)
		sbuf_free(&ctx->s[i]);
	for (i = 0; i < SED_FV; i++)
		fv_free(&ctx->fv[i]);
	sbuf_free(&ctx->themes);
	sbuf_free(&ctx->warnings);
	sbuf_free(&ctx->checks);
	sbuf_free(&ctx->s_warnings);
	sbuf_free(&ctx->s_checks);
	sbuf_free(&ctx->s_note);
	sbuf_free(&ctx->o_themes);
	sbuf_free(&ctx->o_communities);
	sbuf_free(&ctx->preview);
	sbuf_free(&ctx->conflict_html);
	md_doc_free(&ctx->doc);
}
