/*
 * The article editor: /artikelen/nieuw and /artikelen/{slug}/bewerken.
 *
 * GET shows the form. POST (multipart: the Markdown body has line
 * breaks, STYLE.md c6) either previews the typed text (action=preview:
 * md_doc_render, nothing saved) or saves it (action=save) through
 * item_save(), which writes the article, its revision, its authors,
 * themes, tags and links in one statement, then answers 303 to the
 * article. A new article carries a nonce, so a repeated POST returns
 * the article the first one made. An edit carries the revision it
 * started from (base); when someone saved since, nothing is written and
 * the 409 page shows what is stored, a diff to the typed text, and the
 * form with the typed text and base moved on, so saving over the other
 * version is a conscious choice.
 *
 * Every refusal (field errors, CSRF, a failed save) shows the form
 * again with what was typed: no text is ever lost here.
 *
 * Who: any signed-in member may write a new article; editing is for
 * its authors, its owner and editors (item_may_edit), an archived one
 * for editors only. Visitors go to the sign-in page.
 *
 * One query loads the page (q_edit_page): the article, its themes,
 * tags and related links, all themes, communities and (for editors)
 * the owners to choose from, and which typed related links do not
 * exist. The form's options are rendered as its rows arrive.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/links.h"
#include "db/q_edit.h"
#include "web/article_edit.h"
#include "web/auth.h"
#include "web/kind.h"
#include "web/req.h"
#include "web/resp.h"

#define AED_QUOTE_MAX		60	/* bytes of typed text quoted in a message */

static int	aed_enter(struct http_request *, int);
static void	aed_read(struct http_request *, struct aed_ctx *);
static int	aed_blank(const char *);
static int	aed_session(struct http_request *, struct db_ctx *);
static void	aed_page_start(struct aed_ctx *);
static void	aed_row(struct db_ctx *, struct kore_pgsql *, int);
static void	aed_row_item(struct aed_ctx *, struct kore_pgsql *, int);
static void	aed_row_path(struct sbuf *, const char *, const char *,
		    const char *);
static int	aed_loaded(struct http_request *, struct db_ctx *);
static void	aed_stored(struct aed_ctx *);
static void	aed_check(struct aed_ctx *);
static void	aed_check_text(struct aed_ctx *, const char *, const char *,
		    size_t, int, enum msg_id, enum msg_id);
static void	aed_check_tags(struct aed_ctx *);
static void	aed_check_related(struct aed_ctx *);
static void	aed_clip(struct sbuf *, size_t);
static void	aed_error_n(struct aed_ctx *, const char *, enum msg_id,
		    size_t);
static int	aed_render_body(struct aed_ctx *);
static int	aed_save(struct http_request *, struct aed_ctx *);
static void	aed_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	aed_saved(struct http_request *, struct db_ctx *);
static int	aed_save_fail(struct http_request *, struct db_ctx *, int);
static int	aed_reloaded(struct http_request *, struct db_ctx *);
static int	aed_show_conflict(struct http_request *, struct aed_ctx *);
static void	aed_free(struct http_request *);

int
article_new(struct http_request *req)
{
	return (aed_enter(req, 1));
}

int
article_edit(struct http_request *req)
{
	return (aed_enter(req, 0));
}

static int
aed_enter(struct http_request *req, int is_new)
{
	struct aed_ctx	*ctx;
	char		 path[PATH_SLUG_MAX + 32], slug[PATH_SLUG_MAX + 1];
	size_t		 n;

	if (!http_state_exists(req)) {
		slug[0] = '\0';
		if (!is_new) {
			/* "/artikelen/{slug}/bewerken" (no regex captures). */
			n = strlen(req->path);
			if (n >= sizeof(path) || n < 9 ||
			    strcmp(req->path + n - 9, "/bewerken") != 0) {
				resp_error(req, 404);
				return (KORE_RESULT_OK);
			}
			memcpy(path, req->path, n - 9);
			path[n - 9] = '\0';
			if (path_slug(path, "/artikelen", slug,
			    sizeof(slug)) == -1) {
				resp_error(req, 404);
				return (KORE_RESULT_OK);
			}
		}
		ctx = http_state_create(req, sizeof(*ctx), aed_free);
		ctx->loc = resp_locale(req);
		ctx->is_new = is_new;
		(void)kore_strlcpy(ctx->slug, slug, sizeof(ctx->slug));
		ctx->title = ctx->summary = ctx->body = ctx->tags = "";
		ctx->community = ctx->owner = ctx->related = ctx->note = "";
		sbuf_init(&ctx->themes);
		sbuf_putc(&ctx->themes, '\n');
		sbuf_init(&ctx->rel_ok);
		sbuf_init(&ctx->rel_bad);
		sbuf_init(&ctx->s_title);
		sbuf_init(&ctx->s_summary);
		sbuf_init(&ctx->s_body);
		sbuf_init(&ctx->s_feedback);
		sbuf_init(&ctx->s_tags);
		sbuf_init(&ctx->s_related);
		sbuf_init(&ctx->missing);
		sbuf_init(&ctx->o_themes);
		sbuf_init(&ctx->o_communities);
		sbuf_init(&ctx->o_owners);
		sbuf_init(&ctx->taglines);
		sbuf_init(&ctx->preview);
		sbuf_init(&ctx->conflict_html);
		md_doc_init(&ctx->doc);
		fv_init(&ctx->fv, ctx->loc);
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			aed_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, aed_session);
	}
	return (db_run(req));
}

/* The fields of a POST, as typed (line breaks made LF). */
static void
aed_read(struct http_request *req, struct aed_ctx *ctx)
{
	struct http_arg	*a;
	char		*v;

	/* The form is multipart; take url-encoded posts too. */
	(void)req_populate_form(req);

	if (http_argument_get_string(req, "title", &v)) {
		form_oneline(v);
		ctx->title = form_trim(v);
	}
	if (http_argument_get_string(req, "summary", &v)) {
		form_oneline(v);
		ctx->summary = form_trim(v);
	}
	if (http_argument_get_string(req, "body", &v)) {
		/* Leading spaces mean something in Markdown: keep them. */
		form_lf(v);
		ctx->body = form_rtrim(v);
	}
	if (http_argument_get_string(req, "tags", &v))
		ctx->tags = form_trim(v);
	if (http_argument_get_string(req, "community", &v))
		ctx->community = v;
	if (http_argument_get_string(req, "owner", &v))
		ctx->owner = v;
	if (http_argument_get_string(req, "related", &v)) {
		form_lf(v);
		ctx->related = form_trim(v);
	}
	if (http_argument_get_string(req, "note", &v))
		ctx->note = form_trim(v);
	if (http_argument_get_string(req, "action", &v))
		ctx->save = strcmp(v, "save") == 0;
	if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
		(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
	if (http_argument_get_string(req, "base", &v))
		(void)kore_strlcpy(ctx->base, v, sizeof(ctx->base));

	/* A repeated field: http_argument_get_string sees the first only. */
	TAILQ_FOREACH(a, &req->arguments, list) {
		if (strcmp(a->name, "themes") != 0 ||
		    form_list_has(sbuf_cstr(&ctx->themes), a->s_value))
			continue;
		sbuf_puts(&ctx->themes, a->s_value);
		sbuf_putc(&ctx->themes, '\n');
		ctx->nthemes++;
	}

	/* Checked against the database by the page query. */
	ctx->nrel_bad = links_list(&ctx->rel_ok, &ctx->rel_bad, ctx->related,
	    resp_base_url());
}



static int
aed_blank(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return (0);
	}
	return (1);
}

/* The session is known: visitors go to sign in, members get the page. */
static int
aed_session(struct http_request *req, struct db_ctx *db)
{
	struct aed_ctx	*ctx = (struct aed_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	aed_page_start(ctx);
	return (db_chain(req, db, &q_edit_page, aed_row, aed_loaded));
}

static void
aed_page_start(struct aed_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	db->params[0] = db->user.id;
	db->params[1] = ctx->slug;
	db->params[2] = sbuf_cstr(&ctx->rel_ok);
}

static void
aed_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct aed_ctx	*ctx = (struct aed_ctx *)db;
	const char	*c1, *c2, *sel;
	int		 on;

	c1 = db_text(sql, r, QE_C1);
	c2 = db_text(sql, r, QE_C2);
	switch (atoi(db_text(sql, r, QE_GROUP))) {
	case QE_USER:
		ctx->editor = strcmp(c1, "true") == 0;
		return;
	case QE_ITEM:
		aed_row_item(ctx, sql, r);
		return;
	default:
		break;
	}
	/* Everything below is there already when the page loads again. */
	if (ctx->reload)
		return;
	switch (atoi(db_text(sql, r, QE_GROUP))) {
	case QE_THEME:
		ctx->nthemes_all++;
		if (ctx->post) {
			if ((on = form_list_has(sbuf_cstr(&ctx->themes), c1)))
				ctx->themes_found++;
		} else
			on = strcmp(db_text(sql, r, QE_C3), "true") == 0;
		aed_row_option(ctx, QE_THEME, c1, c2, on);
		break;
	case QE_COMMUNITY:
		ctx->ncommunities++;
		sel = ctx->post ? ctx->community : ctx->s_community;
		if (ctx->post && strcmp(sel, c1) == 0)
			ctx->community_found = 1;
		aed_row_option(ctx, QE_COMMUNITY, c1, c2,
		    strcmp(sel, c1) == 0);
		break;
	case QE_OWNER:
		/* A new article is owned by its writer unless chosen. */
		if (ctx->post)
			sel = ctx->owner;
		else if (ctx->found)
			sel = ctx->s_owner;
		else
			sel = db->user.id;
		if (ctx->post && strcmp(sel, c1) == 0)
			ctx->owner_found = 1;
		aed_row_option(ctx, QE_OWNER, c1, c2,
		    strcmp(sel, c1) == 0);
		break;
	case QE_TAG:
		if (ctx->s_tags.len > 0)
			sbuf_puts(&ctx->s_tags, ", ");
		sbuf_puts(&ctx->s_tags, c1);
		break;
	case QE_RELATED:
		aed_row_path(&ctx->s_related, c1, c2, "\n");
		break;
	case QE_MISSING:
		/* A lesson is no item: aed_check_related() names it. */
		if ((sel = strchr(c1, '/')) == NULL ||
		    strncmp(c1, "les/", 4) == 0)
			break;
		if (ctx->missing.len > 0)
			sbuf_puts(&ctx->missing, ", ");
		{
			char	kind[LINKS_KIND_MAX + 1];
			size_t	n;

			n = (size_t)(sel - c1);
			if (n >= sizeof(kind))
				n = sizeof(kind) - 1;
			memcpy(kind, c1, n);
			kind[n] = '\0';
			aed_row_path(&ctx->missing, kind, sel + 1, "");
		}
		break;
	default:
		break;
	}
}

static void
aed_row_item(struct aed_ctx *ctx, struct kore_pgsql *sql, int r)
{
	ctx->found = 1;
	(void)kore_strlcpy(ctx->id, db_text(sql, r, QE_I_ID), sizeof(ctx->id));
	(void)kore_strlcpy(ctx->slug, db_text(sql, r, QE_I_SLUG),
	    sizeof(ctx->slug));
	(void)kore_strlcpy(ctx->rev, db_text(sql, r, QE_I_REV),
	    sizeof(ctx->rev));
	(void)kore_strlcpy(ctx->status, db_text(sql, r, QE_I_STATUS),
	    sizeof(ctx->status));
	(void)kore_strlcpy(ctx->s_community, db_text(sql, r, QE_I_COMMUNITY),
	    sizeof(ctx->s_community));
	(void)kore_strlcpy(ctx->s_owner, db_text(sql, r, QE_I_OWNER),
	    sizeof(ctx->s_owner));
	sbuf_reset(&ctx->s_title);
	sbuf_puts(&ctx->s_title, db_text(sql, r, QE_I_TITLE));
	sbuf_reset(&ctx->s_summary);
	sbuf_puts(&ctx->s_summary, db_text(sql, r, QE_I_SUMMARY));
	sbuf_reset(&ctx->s_body);
	sbuf_puts(&ctx->s_body, db_text(sql, r, QE_I_BODY));
	sbuf_reset(&ctx->s_feedback);
	sbuf_puts(&ctx->s_feedback, db_text(sql, r, QE_I_FEEDBACK));
	ctx->may_edit = strcmp(db_text(sql, r, QE_I_MAY_EDIT), "true") == 0;
}

/* "/artikelen/slug" for an item kind and slug, then sep. */
static void
aed_row_path(struct sbuf *out, const char *kind, const char *slug,
    const char *sep)
{
	const struct kind	*k;

	if ((k = kind_by_name(kind)) == NULL)
		return;
	sbuf_printf(out, "%s/%s%s", k->path, slug, sep);
}

static int
aed_loaded(struct http_request *req, struct db_ctx *db)
{
	struct aed_ctx	*ctx = (struct aed_ctx *)db;

	/* A forged POST is refused first, whatever it names. */
	if (ctx->post && !auth_post_ok(req, db)) {
		if (!ctx->is_new && (!ctx->found || !ctx->may_edit)) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		if (ctx->is_new && ctx->nonce[0] == '\0')
			tok_new(ctx->nonce);
		return (aed_render(req, ctx, 403));
	}
	if (!ctx->is_new) {
		if (!ctx->found) {
			resp_error(req, 404);
			return (HTTP_STATE_COMPLETE);
		}
		/*
		 * Someone who may not edit gets 404 on a concept or an
		 * article in review: it does not exist for them (as on the
		 * article page), so not even its slug leaks. Published and
		 * archived articles were public: 403.
		 */
		if (!ctx->may_edit) {
			resp_error(req, strcmp(ctx->status, "concept") == 0 ||
			    strcmp(ctx->status, "ter_review") == 0 ? 404 : 403);
			return (HTTP_STATE_COMPLETE);
		}
	}
	if (!ctx->post) {
		aed_stored(ctx);
		return (aed_render(req, ctx, 200));
	}

	if (!ctx->save) {
		/* A preview: only what rendering needs is checked. */
		if (aed_render_body(ctx) == -1)
			return (aed_render(req, ctx, 400));
		aed_preview(ctx);
		if (ctx->is_new && ctx->nonce[0] == '\0')
			tok_new(ctx->nonce);
		return (aed_render(req, ctx, 200));
	}
	aed_check(ctx);
	if (ctx->fv.nerr > 0)
		return (aed_render(req, ctx, 400));
	if (!ctx->is_new && strcmp(ctx->base, ctx->rev) != 0)
		return (aed_show_conflict(req, ctx));
	if (aed_render_body(ctx) == -1)
		return (aed_render(req, ctx, 400));
	return (aed_save(req, ctx));
}

/* GET: the form starts from what is stored (or empty, with a nonce). */
static void
aed_stored(struct aed_ctx *ctx)
{
	if (ctx->is_new) {
		tok_new(ctx->nonce);
		return;
	}
	ctx->title = sbuf_cstr(&ctx->s_title);
	ctx->summary = sbuf_cstr(&ctx->s_summary);
	ctx->body = sbuf_cstr(&ctx->s_body);
	ctx->tags = sbuf_cstr(&ctx->s_tags);
	ctx->related = sbuf_cstr(&ctx->s_related);
	ctx->community = ctx->s_community;
	ctx->owner = ctx->s_owner;
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
}

/* The checks of a save, each with its message next to its field. */
static void
aed_check(struct aed_ctx *ctx)
{
	size_t	len;

	aed_check_text(ctx, "title", ctx->title, AED_TITLE_MAX, 1,
	    MSG_edit_title_empty, MSG_edit_title_long);
	aed_check_text(ctx, "summary", ctx->summary, AED_SUMMARY_MAX, 1,
	    MSG_edit_summary_empty, MSG_edit_summary_long);
	len = strlen(ctx->body);
	if (len > MD_MAX_INPUT)
		aed_error_n(ctx, "body", MSG_edit_body_long,
		    (len + 1023) / 1024);
	else if (aed_blank(ctx->body))
		fv_error(&ctx->fv, "body", MSG_edit_body_empty, NULL);
	else if (form_text(ctx->body, MD_MAX_INPUT, 1, 1) != FORM_OK)
		fv_error(&ctx->fv, "body", MSG_edit_bad_chars, NULL);
	if (ctx->themes_found != ctx->nthemes)
		fv_error(&ctx->fv, "themes", MSG_edit_themes_unknown, NULL);
	aed_check_tags(ctx);
	if (*ctx->community != '\0' && !ctx->community_found)
		fv_error(&ctx->fv, "community", MSG_edit_community_unknown,
		    NULL);
	/* Members cannot choose an owner; the field is not theirs. */
	if (ctx->editor && *ctx->owner != '\0' && !ctx->owner_found)
		fv_error(&ctx->fv, "owner", MSG_edit_owner_unknown, NULL);
	aed_check_related(ctx);
	aed_check_text(ctx, "note", ctx->note, AED_NOTE_MAX, 0, 0,
	    MSG_edit_note_long);
	if (ctx->is_new && ctx->nonce[0] == '\0') {
		/* Crafted or truncated: a fresh nonce for the next try. */
		fv_form_error(&ctx->fv, MSG_edit_nonce_missing, NULL);
		tok_new(ctx->nonce);
	}
}

static void
aed_check_text(struct aed_ctx *ctx, const char *field, const char *v,
    size_t max, int required, enum msg_id empty, enum msg_id toolong)
{
	switch (form_text(v, max, required, 0)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		fv_error(&ctx->fv, field, empty, NULL);
		break;
	case FORM_TOO_LONG:
		aed_error_n(ctx, field, toolong, form_chars(v));
		break;
	default:
		fv_error(&ctx->fv, field, MSG_edit_bad_chars, NULL);
		break;
	}
}

/* Comma-separated; each trimmed tag becomes a line for item_save(). */
static void
aed_check_tags(struct aed_ctx *ctx)
{
	struct sbuf	 tag;
	const char	*p, *e, *q;
	size_t		 count;
	enum form_err	 err;

	count = 0;
	err = FORM_OK;
	sbuf_init(&tag);
	sbuf_reset(&ctx->taglines);
	for (p = ctx->tags; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		for (q = e; q > p && (q[-1] == ' ' || q[-1] == '\t'); q--)
			;
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		if (p == q)
			continue;
		count++;
		if (err != FORM_OK)
			continue;
		sbuf_reset(&tag);
		sbuf_add(&tag, p, (size_t)(q - p));
		if ((err = form_text(sbuf_cstr(&tag), AED_TAG_MAX, 1, 0)) ==
		    FORM_OK) {
			sbuf_puts(&ctx->taglines, sbuf_cstr(&tag));
			sbuf_putc(&ctx->taglines, '\n');
		} else if (err == FORM_TOO_LONG) {
			aed_clip(&tag, AED_QUOTE_MAX);
			fv_error(&ctx->fv, "tags", MSG_edit_tag_long,
			    sbuf_cstr(&tag));
		}
		else
			fv_error(&ctx->fv, "tags", MSG_edit_bad_chars, NULL);
	}
	sbuf_free(&tag);
	if (err == FORM_OK && count > AED_TAGS_MAX)
		aed_error_n(ctx, "tags", MSG_edit_tags_many, count);
}

/* Lines that are no Bron link, or name nothing that exists. */
static void
aed_check_related(struct aed_ctx *ctx)
{
	struct sbuf	 list;
	const char	*p, *e;
	size_t		 n;

	n = 0;
	for (p = ctx->related; *p != '\0'; p++) {
		if ((p == ctx->related || p[-1] == '\n') && *p != '\n')
			n++;
	}
	if (n > AED_RELATED_MAX) {
		aed_error_n(ctx, "related", MSG_edit_related_many, n);
		return;
	}
	if (form_text(ctx->related, 8000, 0, 1) != FORM_OK) {
		fv_error(&ctx->fv, "related", MSG_edit_bad_chars, NULL);
		return;
	}
	if (ctx->nrel_bad > 0) {
		/* links_list() ends each bad line with "\n". */
		sbuf_init(&list);
		for (p = sbuf_cstr(&ctx->rel_bad); *p != '\0'; p++) {
			if (*p == '\n') {
				if (p[1] != '\0')
					sbuf_puts(&list, ", ");
			} else
				sbuf_putc(&list, *p);
		}
		aed_clip(&list, AED_QUOTE_MAX * 4);
		fv_error(&ctx->fv, "related", MSG_edit_related_bad,
		    sbuf_cstr(&list));
		sbuf_free(&list);
		return;
	}
	/*
	 * A lesson (/lessen/N) cannot be a related item: it is cited by
	 * linking to it in the text, which item_ref keeps ("genoemd in").
	 */
	sbuf_init(&list);
	for (p = sbuf_cstr(&ctx->rel_ok); *p != '\0'; p = e) {
		e = p + strcspn(p, "\n");
		if (strncmp(p, "les/", 4) == 0) {
			if (list.len > 0)
				sbuf_puts(&list, ", ");
			sbuf_puts(&list, "/lessen/");
			sbuf_add(&list, p + 4, (size_t)(e - p - 4));
		}
		if (*e == '\n')
			e++;
	}
	if (list.len > 0) {
		aed_clip(&list, AED_QUOTE_MAX * 4);
		fv_error(&ctx->fv, "related", MSG_flow_related_lesson,
		    sbuf_cstr(&list));
		sbuf_free(&list);
		return;
	}
	sbuf_free(&list);
	if (ctx->missing.len > 0)
		fv_error(&ctx->fv, "related", MSG_edit_related_missing,
		    sbuf_cstr(&ctx->missing));
}

/* Typed text quoted in a message: at most max bytes, cut between characters. */
static void
aed_clip(struct sbuf *s, size_t max)
{
	size_t	n;

	if (s->len <= max)
		return;
	n = max;
	while (n > 0 && ((unsigned char)s->data[n] & 0xc0) == 0x80)
		n--;
	s->len = n;
	s->data[n] = '\0';
	sbuf_puts(s, "\xe2\x80\xa6");
}

static void
aed_error_n(struct aed_ctx *ctx, const char *field, enum msg_id msg,
    size_t n)
{
	char	num[24];

	(void)snprintf(num, sizeof(num), "%zu", n);
	fv_error(&ctx->fv, field, msg, num);
}

/* The typed body through md_doc_render (for a preview or a save). */
static int
aed_render_body(struct aed_ctx *ctx)
{
	size_t	len;

	if (ctx->rendered)
		return (0);
	len = strlen(ctx->body);
	if (len > MD_MAX_INPUT ||
	    md_doc_render(&ctx->doc, ctx->body, len, resp_base_url()) == -1) {
		aed_error_n(ctx, "body", MSG_edit_body_long,
		    (len + 1023) / 1024);
		return (-1);
	}
	ctx->rendered = 1;
	return (0);
}

static int
aed_save(struct http_request *req, struct aed_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	if (slug_make(ctx->title, ctx->slugbase, sizeof(ctx->slugbase)) == 0)
		(void)kore_strlcpy(ctx->slugbase, "artikel",
		    sizeof(ctx->slugbase));
	(void)snprintf(ctx->words, sizeof(ctx->words), "%zu",
	    ctx->doc.words);
	db->params[0] = ctx->is_new ? NULL : ctx->id;
	db->params[1] = ctx->is_new ? NULL : ctx->base;
	db->params[2] = db->user.id;
	db->params[3] = ctx->title;
	db->params[4] = ctx->summary;
	db->params[5] = ctx->body;
	db->params[6] = sbuf_cstr(&ctx->doc.html);
	db->params[7] = sbuf_cstr(&ctx->doc.toc);
	db->params[8] = ctx->words;
	db->params[9] = ctx->note;
	db->params[10] = ctx->slugbase;
	db->params[11] = sbuf_cstr(&ctx->themes);
	db->params[12] = sbuf_cstr(&ctx->taglines);
	db->params[13] = ctx->community;
	/* NULL keeps the owner; only editors choose one. */
	db->params[14] = ctx->editor && *ctx->owner != '\0' ? ctx->owner :
	    NULL;
	db->params[15] = sbuf_cstr(&ctx->doc.links);
	db->params[16] = sbuf_cstr(&ctx->rel_ok);
	db->params[17] = ctx->is_new ? ctx->nonce : NULL;
	db->fail = aed_save_fail;
	return (db_chain(req, db, &q_edit_save, aed_save_row, aed_saved));
}

static void
aed_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct aed_ctx	*ctx = (struct aed_ctx *)db;

	(void)kore_strlcpy(ctx->saved_slug, db_text(sql, r, QE_S_SLUG),
	    sizeof(ctx->saved_slug));
	ctx->conflict = strcmp(db_text(sql, r, QE_S_CONFLICT), "t") == 0;
}

static int
aed_saved(struct http_request *req, struct db_ctx *db)
{
	struct aed_ctx	*ctx = (struct aed_ctx *)db;
	struct sbuf	 to;

	if (ctx->conflict) {
		/* Someone saved between our page query and the save. */
		ctx->reload = 1;
		ctx->found = ctx->may_edit = 0;
		aed_page_start(ctx);
		return (db_chain(req, db, &q_edit_page, aed_row, aed_reloaded));
	}
	if (!path_slug_ok(ctx->saved_slug, strlen(ctx->saved_slug))) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&to);
	sbuf_printf(&to, "/artikelen/%s?gedaan=opgeslagen", ctx->saved_slug);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

/*
 * The save (or the reload after a conflict) failed: nothing was
 * written. The form comes back with the typed text and why.
 */
static int
aed_save_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct aed_ctx	*ctx = (struct aed_ctx *)db;

	switch (status) {
	case 403:
		fv_form_error(&ctx->fv, MSG_edit_save_forbidden, NULL);
		break;
	case 404:
		fv_form_error(&ctx->fv, MSG_edit_save_gone, NULL);
		break;
	default:
		/* resp_html() adds Retry-After to a 503. */
		fv_form_error(&ctx->fv, MSG_edit_save_failed, NULL);
		break;
	}
	return (aed_render(req, ctx, status));
}

static int
aed_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct aed_ctx	*ctx = (struct aed_ctx *)db;

	if (!ctx->found)
		return (aed_save_fail(req, db, 404));
	if (!ctx->may_edit)
		return (aed_save_fail(req, db, 403));
	return (aed_show_conflict(req, ctx));
}

/* 409: the stored version and the diff; the form keeps the typed text. */
static int
aed_show_conflict(struct http_request *req, struct aed_ctx *ctx)
{
	(void)kore_strlcpy(ctx->started, ctx->base, sizeof(ctx->started));
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	aed_conflict(ctx);
	return (aed_render(req, ctx, 409));
}

static void
aed_free(struct http_request *req)
{
	struct aed_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->themes);
	sbuf_free(&ctx->rel_ok);
	sbuf_free(&ctx->rel_bad);
	sbuf_free(&ctx->s_title);
	sbuf_free(&ctx->s_summary);
	sbuf_free(&ctx->s_body);
	sbuf_free(&ctx->s_feedback);
	sbuf_free(&ctx->s_tags);
	sbuf_free(&ctx->s_related);
	sbuf_free(&ctx->missing);
	sbuf_free(&ctx->o_themes);
	sbuf_free(&ctx->o_communities);
	sbuf_free(&ctx->o_owners);
	sbuf_free(&ctx->taglines);
	sbuf_free(&ctx->preview);
	sbuf_free(&ctx->conflict_html);
	md_doc_free(&ctx->doc);
	fv_free(&ctx->fv);
}
