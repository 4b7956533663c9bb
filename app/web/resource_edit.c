/*
 * The resource editor: /bronnen/nieuw and /bronnen/{slug}/bewerken.
 *
 * The pilot editor's pattern (pilot_edit.c) with a resource's own
 * fields (type, publisher, year, language, external link) and a file.
 * GET shows the form. POST (multipart: the description has line breaks
 * and the file rides along) takes one of four actions:
 *   preview   renders the description; the resource is not saved
 *   save      resource_save(): a concept may lack a file and a link
 *   submit    members: resource_save() and item_transition 'indienen'
 *             in one statement ("Voorstellen aan de redactie")
 *   publish   editors: the same with 'goedkeuren' ("Publiceren")
 * then 303 to /bronnen/{slug}?gedaan=bewaard|voorgesteld|gepubliceerd.
 *
 * The file (web/upload.h) is checked on first entry; once the session,
 * the CSRF token and the rights are known it is written by a task and
 * recorded (q_upload_add) as a pending upload of the writer, whatever
 * else is wrong with the form: when the form comes back (422, 409) it
 * says "Ontvangen: <name> (<size>)" and carries the upload's token in a
 * hidden field, so the file is not asked again. resource_save() checks
 * that the token is the writer's own pending upload.
 *
 * Who: any signed-in member may start a resource (a suggestion unless
 * an editor); editing is resource_may_edit()'s: editors, and the
 * suggester while it is a concept. Others get 403 when they may read
 * the resource, else 404.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_resource_edit.h"
#include "web/auth.h"
#include "web/req.h"
#include "web/resource_edit.h"
#include "web/resp.h"

#define RED_SUFFIX	"/bewerken"

/* How a typed value is read. */
static const struct {
	const char	*name;
	int		 oneline;	/* else Markdown: LF, right-trimmed */
} red_read_fields[RF__MAX] = {
	[RF_TITLE] = { "title", 1 },
	[RF_SUMMARY] = { "summary", 1 },
	[RF_BODY] = { "body", 0 },
	[RF_TYPE] = { "type", 1 },
	[RF_PUBLISHER] = { "publisher", 1 },
	[RF_YEAR] = { "year", 1 },
	[RF_LANGUAGE] = { "language", 1 },
	[RF_URL] = { "url", 1 },
	[RF_SLOT] = { "slot", 1 },
	[RF_FILE_NOTE] = { "file_note", 1 },
	[RF_COMMUNITY] = { "community", 1 },
	[RF_NOTE] = { "note", 1 },
};

static const char *const	red_actions[] = {
	"preview", "save", "submit", "publish", NULL
};

static int	red_enter(struct http_request *, int);
static int	red_path(struct http_request *, char *, size_t);
static void	red_init(struct red_ctx *, int, enum locale);
static void	red_read(struct http_request *, struct red_ctx *);
static int	red_session(struct http_request *, struct db_ctx *);
static int	red_loaded(struct http_request *, struct db_ctx *);
static void	red_stored(struct red_ctx *);
static void	red_nonce(struct red_ctx *);
static int	red_action_ok(struct red_ctx *);
static int	red_post(struct http_request *, struct red_ctx *);
static void	red_row_item(struct red_ctx *, struct kore_pgsql *, int);
static void	red_set(struct red_ctx *, enum red_field, const char *);
static void	red_free(struct http_request *);

int
resource_new(struct http_request *req)
{
	return (red_enter(req, 1));
}

int
resource_edit(struct http_request *req)
{
	return (red_enter(req, 0));
}

static int
red_enter(struct http_request *req, int is_new)
{
	struct red_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];

	if (!http_state_exists(req)) {
		slug[0] = '\0';
		if (!is_new && red_path(req, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), red_free);
		red_init(ctx, is_new, resp_locale(req));
		(void)kore_strlcpy(ctx->slug, slug, sizeof(ctx->slug));
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			red_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, red_session);
	}
	return (db_run(req));
}

/* "/bronnen/{slug}/bewerken" (no regex captures, STYLE.md c3). */
static int
red_path(struct http_request *req, char *slug, size_t len)
{
	char	path[PATH_SLUG_MAX + 32];
	size_t	n, sn;

	n = strlen(req->path);
	sn = strlen(RED_SUFFIX);
	if (n >= sizeof(path) || n < sn ||
	    strcmp(req->path + n - sn, RED_SUFFIX) != 0)
		return (-1);
	memcpy(path, req->path, n - sn);
	path[n - sn] = '\0';
	return (path_slug(path, RED_PREFIX, slug, len));
}

static void
red_init(struct red_ctx *ctx, int is_new, enum locale loc)
{
	size_t	i;

	ctx->loc = loc;
	ctx->is_new = is_new;
	ctx->action = RA_PREVIEW;
	ctx->status = 422;
	for (i = 0; i < RF__MAX; i++) {
		ctx->v[i] = "";
		sbuf_init(&ctx->s[i]);
	}
	for (i = 0; i < RED_FV; i++)
		fv_init(&ctx->fv[i], loc);
	sbuf_init(&ctx->themes);
	sbuf_putc(&ctx->themes, '\n');
	sbuf_init(&ctx->s_feedback);
	sbuf_init(&ctx->keep_tags);
	sbuf_init(&ctx->keep_related);
	sbuf_init(&ctx->o_themes);
	sbuf_init(&ctx->o_communities);
	sbuf_init(&ctx->fields);
	sbuf_init(&ctx->preview);
	sbuf_init(&ctx->conflict_html);
	md_doc_init(&ctx->doc);
}

/* The fields of a POST, as typed (line breaks made LF), and the file. */
static void
red_read(struct http_request *req, struct red_ctx *ctx)
{
	struct http_arg	*a;
	char		*v;
	size_t		 i, n;
	int		 act;

	(void)req_populate_form(req);
	for (i = 0; i < RF__MAX; i++) {
		if (!http_argument_get_string(req, red_read_fields[i].name, &v))
			continue;
		if (red_read_fields[i].oneline) {
			form_oneline(v);
			v = form_trim(v);
		} else {
			/* Leading spaces mean something in Markdown. */
			form_lf(v);
			v = form_rtrim(v);
		}
		/* "HTTPS://x" is a link too; SQL wants the scheme lower. */
		if (i == RF_URL && (strncasecmp(v, "http://", 7) == 0 ||
		    strncasecmp(v, "https://", 8) == 0)) {
			for (n = 0; v[n] != ':'; n++)
				v[n] = (char)tolower((unsigned char)v[n]);
		}
		ctx->v[i] = v;
	}
	if (http_argument_get_string(req, "action", &v) &&
	    (act = form_choice(v, red_actions)) != -1)
		ctx->action = (enum red_action)act;
	if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
		(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
	if (http_argument_get_string(req, "base", &v))
		(void)kore_strlcpy(ctx->base, v, sizeof(ctx->base));
	if (http_argument_get_string(req, "bestand_token", &v) &&
	    strlen(v) == UPLOAD_TOKEN_LEN &&
	    strspn(v, "0123456789abcdef") == UPLOAD_TOKEN_LEN)
		(void)kore_strlcpy(ctx->token, v, sizeof(ctx->token));

	/* A repeated field: http_argument_get_string sees the first only. */
	TAILQ_FOREACH(a, &req->arguments, list) {
		if (strcmp(a->name, "themes") != 0 ||
		    form_list_has(sbuf_cstr(&ctx->themes), a->s_value))
			continue;
		sbuf_puts(&ctx->themes, a->s_value);
		sbuf_putc(&ctx->themes, '\n');
		ctx->nthemes++;
	}

	ctx->file = upload_check(req, "bestand", UPLOAD_BRON, &ctx->ut,
	    &ctx->file_msg, &ctx->file_status);
}

/* The session is known: visitors go to sign in, members get the page. */
static int
red_session(struct http_request *req, struct db_ctx *db)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	red_page_start(ctx);
	return (db_chain(req, db, &q_resource_edit_page, red_row,
	    red_loaded));
}

void
red_page_start(struct red_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	db->params[0] = db->user.id;
	db->params[1] = ctx->slug;
	db->params[2] = ctx->token;
	db->params[3] = ctx->is_new && ctx->post ? ctx->nonce : "";
}

static void
red_set(struct red_ctx *ctx, enum red_field f, const char *v)
{
	sbuf_reset(&ctx->s[f]);
	sbuf_puts(&ctx->s[f], v);
}

void
red_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;
	struct red_file	*f;
	const char	*c1, *c2, *c3, *sel;

	c1 = db_text(sql, r, QR_C1);
	c2 = db_text(sql, r, QR_C2);
	c3 = db_text(sql, r, QR_C3);
	switch (atoi(db_text(sql, r, QR_GROUP))) {
	case QR_USER:
		ctx->editor = strcmp(c1, "true") == 0;
		break;
	case QR_ITEM:
		red_row_item(ctx, sql, r);
		break;
	case QR_RES:
		red_set(ctx, RF_TYPE, c1);
		red_set(ctx, RF_PUBLISHER, c2);
		red_set(ctx, RF_YEAR, c3);
		red_set(ctx, RF_LANGUAGE, db_text(sql, r, QR_C4));
		red_set(ctx, RF_URL, db_text(sql, r, QR_C5));
		break;
	case QR_FILE:
		if (ctx->nfiles >= RED_SLOTS)
			break;
		f = &ctx->files[ctx->nfiles++];
		(void)kore_strlcpy(f->slot, c1, sizeof(f->slot));
		(void)kore_strlcpy(f->name, c2, sizeof(f->name));
		break;
	case QR_THEME:
		if (ctx->reload)
			break;
		ctx->nthemes_all++;
		if (ctx->post) {
			if (form_list_has(sbuf_cstr(&ctx->themes), c1)) {
				ctx->themes_found++;
				red_theme_option(ctx, c1, c2, 1);
			} else
				red_theme_option(ctx, c1, c2, 0);
		} else
			red_theme_option(ctx, c1, c2, strcmp(c3, "true") == 0);
		break;
	case QR_COMMUNITY:
		if (ctx->reload)
			break;
		ctx->ncommunities++;
		sel = ctx->post ? ctx->v[RF_COMMUNITY] :
		    sbuf_cstr(&ctx->s[RF_COMMUNITY]);
		if (strcmp(sel, c1) == 0)
			ctx->community_found = 1;
		red_community_option(ctx, c1, c2, strcmp(sel, c1) == 0);
		break;
	case QR_PENDING:
		ctx->pending = 1;
		(void)kore_strlcpy(ctx->pending_name, c1,
		    sizeof(ctx->pending_name));
		(void)kore_strlcpy(ctx->pending_size, c2,
		    sizeof(ctx->pending_size));
		break;
	case QR_REPLAY:
		ctx->replay = 1;
		(void)kore_strlcpy(ctx->replay_slug, c1,
		    sizeof(ctx->replay_slug));
		(void)kore_strlcpy(ctx->replay_status, c2,
		    sizeof(ctx->replay_status));
		break;
	default:
		break;
	}
}

static void
red_row_item(struct red_ctx *ctx, struct kore_pgsql *sql, int r)
{
	const char	*keep, *ff;

	ctx->found = 1;
	(void)kore_strlcpy(ctx->id, db_text(sql, r, QR_I_ID), sizeof(ctx->id));
	(void)kore_strlcpy(ctx->slug, db_text(sql, r, QR_I_SLUG),
	    sizeof(ctx->slug));
	(void)kore_strlcpy(ctx->rev, db_text(sql, r, QR_I_REV),
	    sizeof(ctx->rev));
	(void)kore_strlcpy(ctx->status_word, db_text(sql, r, QR_I_STATUS),
	    sizeof(ctx->status_word));
	red_set(ctx, RF_TITLE, db_text(sql, r, QR_I_TITLE));
	red_set(ctx, RF_SUMMARY, db_text(sql, r, QR_I_SUMMARY));
	red_set(ctx, RF_BODY, db_text(sql, r, QR_I_BODY));
	red_set(ctx, RF_COMMUNITY, db_text(sql, r, QR_I_COMMUNITY));
	sbuf_reset(&ctx->s_feedback);
	sbuf_puts(&ctx->s_feedback, db_text(sql, r, QR_I_FEEDBACK));
	ctx->may_edit = strcmp(db_text(sql, r, QR_I_MAY_EDIT), "true") == 0;
	ctx->may_read = strcmp(db_text(sql, r, QR_I_MAY_READ), "true") == 0;
	/* Tags, a form feed, then the related links. */
	keep = db_text(sql, r, QR_I_KEEP);
	sbuf_reset(&ctx->keep_tags);
	sbuf_reset(&ctx->keep_related);
	if ((ff = strchr(keep, '\f')) != NULL) {
		sbuf_add(&ctx->keep_tags, keep, (size_t)(ff - keep));
		sbuf_puts(&ctx->keep_related, ff + 1);
	}
}

static int
red_loaded(struct http_request *req, struct db_ctx *db)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	/* A forged POST is refused first, whatever it names. */
	if (ctx->post && !auth_post_ok(req, db)) {
		if (!ctx->is_new && (!ctx->found || !ctx->may_edit)) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		red_form_error(ctx, MSG_csrf_failed);
		red_nonce(ctx);
		return (red_render(req, ctx, 403));
	}
	if (!ctx->is_new) {
		if (!ctx->found || (!ctx->may_edit && !ctx->may_read)) {
			resp_error(req, 404);
			return (HTTP_STATE_COMPLETE);
		}
		if (!ctx->may_edit) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
	}
	if (!ctx->post) {
		red_stored(ctx);
		return (red_render(req, ctx, 200));
	}
	return (red_post(req, ctx));
}

/* GET: the form starts from what is stored (or empty, with a nonce). */
static void
red_stored(struct red_ctx *ctx)
{
	size_t	i;

	if (!ctx->is_new) {
		for (i = 0; i < RF__MAX; i++)
			ctx->v[i] = sbuf_cstr(&ctx->s[i]);
		(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	} else {
		tok_new(ctx->nonce);
		ctx->v[RF_LANGUAGE] = "nl";
	}
}

/* A new resource's form always carries a nonce. */
static void
red_nonce(struct red_ctx *ctx)
{
	if (ctx->is_new && ctx->nonce[0] == '\0')
		tok_new(ctx->nonce);
}

/* The buttons the form offers for the resource as it is. */
static int
red_action_ok(struct red_ctx *ctx)
{
	int	concept;

	concept = ctx->is_new || strcmp(ctx->status_word, "concept") == 0;
	switch (ctx->action) {
	case RA_SUBMIT:
		return (concept && !ctx->editor);
	case RA_PUBLISH:
		return (ctx->editor && (concept ||
		    strcmp(ctx->status_word, "ter_review") == 0));
	default:
		return (1);
	}
}

static int
red_post(struct http_request *req, struct red_ctx *ctx)
{
	/* The same create again (a double click, a retry): its resource. */
	if (ctx->is_new && ctx->replay && ctx->action != RA_PREVIEW) {
		red_redirect(req, ctx, ctx->replay_slug, ctx->replay_status);
		return (HTTP_STATE_COMPLETE);
	}
	if (!red_action_ok(ctx)) {
		red_form_error(ctx, MSG_re_action_bad);
		red_nonce(ctx);
		return (red_render(req, ctx, 403));
	}
	/* A token from an earlier try that is no longer a pending upload. */
	if (ctx->token[0] != '\0' && !ctx->pending) {
		ctx->token[0] = '\0';
		if (ctx->file != UPLOAD_OK)
			red_error(ctx, "bestand", MSG_re_file_gone, NULL);
	}
	if (ctx->file == UPLOAD_OK)
		return (red_upload(req, ctx));
	return (red_post_checked(req, ctx));
}

int
red_post_checked(struct http_request *req, struct red_ctx *ctx)
{
	if (ctx->file == UPLOAD_BAD) {
		red_error(ctx, "bestand", ctx->file_msg, upload_max_mb());
		ctx->status = ctx->file_status;
	}
	/* A save without its nonce gets a message and a fresh one. */
	red_check(ctx, ctx->action != RA_PREVIEW);
	if (ctx->action == RA_PREVIEW) {
		red_nonce(ctx);
		if (red_nerr(ctx) > 0 || red_render_md(ctx) == -1)
			return (red_render(req, ctx, ctx->status));
		red_preview(ctx);
		return (red_render(req, ctx, 200));
	}
	/* In review or published, or on its way there: a file or a link. */
	if ((ctx->action != RA_SAVE || (!ctx->is_new &&
	    strcmp(ctx->status_word, "concept") != 0)) && red_no_content(ctx))
		red_error(ctx, "bestand", MSG_re_need_content, NULL);
	if (red_nerr(ctx) > 0)
		return (red_render(req, ctx, ctx->status));
	if (!ctx->is_new && strcmp(ctx->base, ctx->rev) != 0)
		return (red_show_conflict(req, ctx));
	if (red_render_md(ctx) == -1)
		return (red_render(req, ctx, ctx->status));
	return (red_save(req, ctx));
}

static void
red_free(struct http_request *req)
{
	struct red_ctx	*ctx = http_state_get(req);
	size_t		 i;

	upload_clear(&ctx->ut);
	for (i = 0; i < RF__MAX; i++)
		sbuf_free(&ctx->s[i]);
	for (i = 0; i < RED_FV; i++)
		fv_free(&ctx->fv[i]);
	sbuf_free(&ctx->themes);
	sbuf_free(&ctx->s_feedback);
	sbuf_free(&ctx->keep_tags);
	sbuf_free(&ctx->keep_related);
	sbuf_free(&ctx->o_themes);
	sbuf_free(&ctx->o_communities);
	sbuf_free(&ctx->fields);
	sbuf_free(&ctx->preview);
	sbuf_free(&ctx->conflict_html);
	md_doc_free(&ctx->doc);
}
