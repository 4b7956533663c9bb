/*
 * Theme management for editors (issue 5): the controlled list of themes.
 *
 *   GET  /redactie/themas                  every theme (item counts) and
 *                                          the form for a new one
 *   POST /redactie/themas                  create; 303 to its edit page
 *   GET  /redactie/themas/<slug>           edit form and merge form
 *   POST /redactie/themas/<slug>           save title, summary and the
 *                                          description (Markdown)
 *   POST /redactie/themas/<slug>/samenvoegen  merge into another theme
 *
 * Editors only (redacteur, beheerder): visitors are sent to sign in,
 * members get 403. A new theme's slug comes from its title and never
 * changes; a slug in use is a message next to the title (409), not an
 * error page. Every form with errors comes back with what was typed.
 * The statements re-check the role and write the audit row themselves
 * (db/q_theme_admin.c); a merge leaves the old slug as an alias, which
 * /themas/<old> answers with a redirect (web/theme.c).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/md.h"
#include "core/path.h"
#include "core/slug.h"
#include "db/q_theme_admin.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define THA_PATH	"/redactie/themas"
#define THA_MERGE_TAIL	"/samenvoegen"
#define THA_TITLE_MAX	200		/* theme.title CHECK */
#define THA_SUMMARY_MAX	1000		/* theme.summary CHECK */

enum tha_page {
	THA_LIST,		/* /redactie/themas */
	THA_EDIT,		/* /redactie/themas/<slug> */
	THA_MERGE		/* /redactie/themas/<slug>/samenvoegen */
};

/* Which form came back with errors (its summary goes above it). */
enum tha_form {
	THA_FORM_NONE,
	THA_FORM_THEME,		/* create or edit */
	THA_FORM_MERGE
};

struct tha_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	enum tha_page	 page;
	enum tha_form	 form;
	int		 status;
	char		 slug[PATH_SLUG_MAX + 1];	/* the page's theme */
	char		 newslug[SLUG_MAX + 1];		/* create */
	/* What was typed ("" when absent). */
	char		*title;
	char		*summary;
	char		*body;
	const char	*into;
	enum msg_id	 done;		/* ?gedaan=, MSG__MAX for none */
	/* From the database. */
	int		 found;		/* the page's theme exists */
	int		 into_found;	/* into names another theme */
	int		 others;	/* themes it could merge into */
	int		 editor;	/* the statement saw an editor */
	int		 changed;	/* ...and created or found the theme */
	char		 items[24];
	struct sbuf	 db_title;
	struct sbuf	 db_summary;
	struct sbuf	 db_body;
	struct sbuf	 rows;		/* list rows, or merge <option>s */
	struct sbuf	 html;		/* the rendered description */
	struct sbuf	 to;		/* where a change redirects */
	struct fv	 fv;
};

static int	tha_enter(struct http_request *, enum tha_page);
static int	tha_path_slug(struct http_request *, enum tha_page, char *,
		    size_t);
static void	tha_read(struct http_request *, struct tha_ctx *);
static int	tha_checked(struct http_request *, struct db_ctx *);
static int	tha_fields_ok(struct tha_ctx *);
static int	tha_load(struct http_request *, struct tha_ctx *, int,
		    db_done_fn);
static void	tha_list_row(struct db_ctx *, struct kore_pgsql *, int);
static void	tha_get_row(struct db_ctx *, struct kore_pgsql *, int);
static int	tha_option(struct sbuf *, enum locale, const char *,
		    const char *, int);
static int	tha_create(struct http_request *, struct tha_ctx *);
static int	tha_create_fail(struct http_request *, struct db_ctx *, int);
static int	tha_update(struct http_request *, struct tha_ctx *);
static void	tha_change_row(struct db_ctx *, struct kore_pgsql *, int);
static int	tha_changed(struct http_request *, struct db_ctx *);
static int	tha_merge_check(struct http_request *, struct db_ctx *);
static int	tha_merged(struct http_request *, struct db_ctx *);
static int	tha_render(struct http_request *, struct db_ctx *);
static int	tha_render_list(struct http_request *, struct tha_ctx *);
static int	tha_render_edit(struct http_request *, struct tha_ctx *);
static int	tha_fields(struct sbuf *, struct tha_ctx *, const char *,
		    const char *, const char *);
static void	tha_free(struct http_request *);

int
theme_admin_list(struct http_request *req)
{
	return (tha_enter(req, THA_LIST));
}

int
theme_admin_edit(struct http_request *req)
{
	return (tha_enter(req, THA_EDIT));
}

int
theme_admin_merge(struct http_request *req)
{
	return (tha_enter(req, THA_MERGE));
}

static int
tha_enter(struct http_request *req, enum tha_page page)
{
	struct tha_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];
	struct sbuf	 to;

	if (!http_state_exists(req)) {
		slug[0] = '\0';
		if (page != THA_LIST &&
		    tha_path_slug(req, page, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		/*
		 * The merge address opened with GET (the language switch on
		 * a merge form shown again returns here): the theme's page.
		 */
		if (page == THA_MERGE && req->method != HTTP_METHOD_POST) {
			sbuf_init(&to);
			sbuf_printf(&to, THA_PATH "/%s", slug);
			resp_redirect(req, sbuf_cstr(&to));
			sbuf_free(&to);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), tha_free);
		ctx->loc = resp_locale(req);
		ctx->page = page;
		ctx->status = 200;
		ctx->done = MSG__MAX;
		ctx->title = ctx->summary = ctx->body = "";
		ctx->into = "";
		memcpy(ctx->slug, slug, sizeof(slug));
		sbuf_init(&ctx->db_title);
		sbuf_init(&ctx->db_summary);
		sbuf_init(&ctx->db_body);
		sbuf_init(&ctx->rows);
		sbuf_init(&ctx->html);
		sbuf_init(&ctx->to);
		fv_init(&ctx->fv, ctx->loc);
		tha_read(req, ctx);
		db_start(req, &ctx->db, NULL, NULL, tha_checked);
	}
	return (db_run(req));
}

/* The theme's slug from /redactie/themas/<slug>[/samenvoegen]. */
static int
tha_path_slug(struct http_request *req, enum tha_page page, char *out,
    size_t outsz)
{
	char	path[sizeof(THA_PATH) + PATH_SLUG_MAX + 16];
	size_t	n;

	if (kore_strlcpy(path, req->path, sizeof(path)) >= sizeof(path))
		return (-1);
	if (page == THA_MERGE) {
		n = strlen(path);
		if (n < sizeof(THA_MERGE_TAIL) ||
		    strcmp(path + n - (sizeof(THA_MERGE_TAIL) - 1),
		    THA_MERGE_TAIL) != 0)
			return (-1);
		path[n - (sizeof(THA_MERGE_TAIL) - 1)] = '\0';
	}
	return (path_slug(path, THA_PATH, out, outsz));
}

/* The fields of the request; both form encodings are accepted. */
static void
tha_read(struct http_request *req, struct tha_ctx *ctx)
{
	char		*v;

	if (req->method != HTTP_METHOD_POST) {
		http_populate_get(req);
		if (!http_argument_get_string(req, "gedaan", &v))
			return;
		/* Anything else: no notice (an old or edited link). */
		if (strcmp(v, "aangemaakt") == 0)
			ctx->done = MSG_tha_done_created;
		else if (strcmp(v, "opgeslagen") == 0)
			ctx->done = MSG_tha_done_saved;
		else if (strcmp(v, "samengevoegd") == 0)
			ctx->done = MSG_tha_done_merged;
		return;
	}
	(void)req_populate_form(req);
	if (ctx->page == THA_MERGE) {
		ctx->form = THA_FORM_MERGE;
		if (http_argument_get_string(req, "into", &v))
			ctx->into = v;
		return;
	}
	ctx->form = THA_FORM_THEME;
	if (http_argument_get_string(req, "title", &v))
		ctx->title = form_trim(v);
	if (http_argument_get_string(req, "summary", &v)) {
		form_lf(v);
		ctx->summary = form_trim(v);
	}
	if (http_argument_get_string(req, "body", &v)) {
		form_lf(v);
		ctx->body = v;
	}
}

/* The session is loaded: who may come in, then what was asked. */
static int
tha_checked(struct http_request *req, struct db_ctx *db)
{
	struct tha_ctx	*ctx = (struct tha_ctx *)db;

	if (!auth_require(req, db, ROLE_REDACTEUR))
		return (HTTP_STATE_COMPLETE);
	if (ctx->form != THA_FORM_NONE && !auth_post_ok(req, db)) {
		/* Nothing is saved; the form comes back as it was typed. */
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (tha_load(req, ctx, 403, tha_render));
	}
	if (ctx->page == THA_MERGE)
		return (tha_load(req, ctx, 200, tha_merge_check));
	if (ctx->form == THA_FORM_NONE)
		return (tha_load(req, ctx, 200, tha_render));
	if (!tha_fields_ok(ctx))
		return (tha_load(req, ctx, 400, tha_render));
	if (ctx->page == THA_LIST)
		return (tha_create(req, ctx));
	return (tha_update(req, ctx));
}

/*
 * Title, summary and description, each with its own message (they name
 * the field, so the error summary's links say which one is meant).
 * Text that cannot be shown again (bad UTF-8, control bytes) is dropped.
 */
static int
tha_fields_ok(struct tha_ctx *ctx)
{
	struct fv	*fv = &ctx->fv;
	char		 n[24];

	switch (form_text(ctx->title, THA_TITLE_MAX, 1, 0)) {
	case FORM_OK:
		if (ctx->page == THA_LIST && slug_make(ctx->title,
		    ctx->newslug, sizeof(ctx->newslug)) == 0)
			fv_error(fv, "title", MSG_tha_title_noslug, NULL);
		break;
	case FORM_EMPTY:
		fv_error(fv, "title", MSG_tha_title_empty, NULL);
		break;
	case FORM_TOO_LONG:
		(void)snprintf(n, sizeof(n), "%d", THA_TITLE_MAX);
		fv_error(fv, "title", MSG_tha_title_long, n);
		break;
	default:
		fv_error(fv, "title", MSG_tha_title_chars, NULL);
		break;
	}
	switch (form_text(ctx->summary, THA_SUMMARY_MAX, 1, 1)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		fv_error(fv, "summary", MSG_tha_summary_empty, NULL);
		break;
	case FORM_TOO_LONG:
		(void)snprintf(n, sizeof(n), "%d", THA_SUMMARY_MAX);
		fv_error(fv, "summary", MSG_tha_summary_long, n);
		break;
	default:
		fv_error(fv, "summary", MSG_tha_summary_chars, NULL);
		break;
	}
	if (strlen(ctx->body) > MD_MAX_INPUT) {
		(void)snprintf(n, sizeof(n), "%d", MD_MAX_INPUT / 1024);
		fv_error(fv, "body", MSG_tha_body_long, n);
	} else if (form_text(ctx->body, MD_MAX_INPUT, 0, 1) != FORM_OK) {
		fv_error(fv, "body", MSG_tha_body_chars, NULL);
	}
	return (fv->nerr == 0);
}

/* The page's data (the list, or one theme and the others), then done. */
static int
tha_load(struct http_request *req, struct tha_ctx *ctx, int status,
    db_done_fn done)
{
	struct db_ctx	*db = &ctx->db;

	ctx->status = status;
	ctx->found = ctx->into_found = ctx->others = 0;
	sbuf_reset(&ctx->rows);
	sbuf_reset(&ctx->db_title);
	sbuf_reset(&ctx->db_summary);
	sbuf_reset(&ctx->db_body);
	db->fail = NULL;
	if (ctx->page == THA_LIST)
		return (db_chain(req, db, &q_theme_admin_list, tha_list_row,
		    done));
	db->params[0] = ctx->slug;
	return (db_chain(req, db, &q_theme_admin_get, tha_get_row, done));
}

static void
tha_list_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct tha_ctx		*ctx = (struct tha_ctx *)db;
	const struct tpl_bind	 b[] = {
		{ "slug", db_text(sql, r, QTA_SLUG), TPL_TEXT },
		{ "title", db_text(sql, r, QTA_TITLE), TPL_TEXT },
		{ "items", db_text(sql, r, QTA_ITEMS), TPL_TEXT },
		{ "summary", db_text(sql, r, QTA_SUMMARY), TPL_TEXT },
	};

	if (view_append(&ctx->rows, VIEW_theme_admin_row, ctx->loc, b,
	    NBINDS(b)) == -1)
		db->failed = 1;
}

/* The page's own theme is kept; every other one becomes an <option>. */
static void
tha_get_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct tha_ctx	*ctx = (struct tha_ctx *)db;
	const char	*slug;

	slug = db_text(sql, r, QTG_SLUG);
	if (strcmp(db_text(sql, r, QTG_THIS), "t") == 0) {
		ctx->found = 1;
		sbuf_puts(&ctx->db_title, db_text(sql, r, QTG_TITLE));
		sbuf_puts(&ctx->db_summary, db_text(sql, r, QTG_SUMMARY));
		sbuf_puts(&ctx->db_body, db_text(sql, r, QTG_BODY));
		(void)kore_strlcpy(ctx->items, db_text(sql, r, QTG_ITEMS),
		    sizeof(ctx->items));
		return;
	}
	ctx->others++;
	if (strcmp(slug, ctx->into) == 0)
		ctx->into_found = 1;
	if (tha_option(&ctx->rows, ctx->loc, slug,
	    db_text(sql, r, QTG_TITLE), strcmp(slug, ctx->into) == 0) == -1)
		db->failed = 1;
}

static int
tha_option(struct sbuf *out, enum locale loc, const char *value,
    const char *label, int selected)
{
	const struct tpl_bind	b[] = {
		{ "value", value, TPL_TEXT },
		{ "selected", selected ? " selected" : "", TPL_TRUSTED_HTML },
		{ "label", label, TPL_TEXT },
	};

	return (view_append(out, VIEW_admin_option, loc, b, NBINDS(b)));
}

/* ---- changes ------------------------------------------------------ */

static int
tha_create(struct http_request *req, struct tha_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	/* The length was checked: md_render cannot refuse it. */
	(void)md_render(&ctx->html, ctx->body, strlen(ctx->body));
	sbuf_printf(&ctx->to, THA_PATH "/%s?gedaan=aangemaakt",
	    ctx->newslug);
	db->params[0] = ctx->newslug;
	db->params[1] = ctx->title;
	db->params[2] = ctx->summary;
	db->params[3] = ctx->body;
	db->params[4] = sbuf_cstr(&ctx->html);
	db->params[5] = db->user.id;
	db->fail = tha_create_fail;
	return (db_chain(req, db, &q_theme_admin_create, tha_change_row,
	    tha_changed));
}

/* The slug is taken (23505 -> 409): a message next to the title. */
static int
tha_create_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct tha_ctx	*ctx = (struct tha_ctx *)db;

	db->fail = NULL;
	if (status != 409) {
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
	fv_error(&ctx->fv, "title", MSG_tha_slug_taken, ctx->newslug);
	return (tha_load(req, ctx, 409, tha_render));
}

static int
tha_update(struct http_request *req, struct tha_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	(void)md_render(&ctx->html, ctx->body, strlen(ctx->body));
	sbuf_printf(&ctx->to, THA_PATH "/%s?gedaan=opgeslagen", ctx->slug);
	db->params[0] = ctx->slug;
	db->params[1] = ctx->title;
	db->params[2] = ctx->summary;
	db->params[3] = ctx->body;
	db->params[4] = sbuf_cstr(&ctx->html);
	db->params[5] = db->user.id;
	return (db_chain(req, db, &q_theme_admin_update, tha_change_row,
	    tha_changed));
}

static void
tha_change_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct tha_ctx	*ctx = (struct tha_ctx *)db;

	ctx->editor = strcmp(db_text(sql, r, QTX_EDITOR), "t") == 0;
	ctx->changed = strcmp(db_text(sql, r, QTX_DONE), "t") == 0;
}

static int
tha_changed(struct http_request *req, struct db_ctx *db)
{
	struct tha_ctx	*ctx = (struct tha_ctx *)db;

	/* The role was taken away since the session was loaded. */
	if (!ctx->editor)
		resp_error(req, 403);
	else if (!ctx->changed)
		resp_error(req, 404);	/* merged away meanwhile */
	else
		resp_redirect(req, sbuf_cstr(&ctx->to));
	return (HTTP_STATE_COMPLETE);
}

/* The page's data is loaded: is into one of the other themes? */
static int
tha_merge_check(struct http_request *req, struct db_ctx *db)
{
	struct tha_ctx	*ctx = (struct tha_ctx *)db;

	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (*ctx->into == '\0')
		fv_error(&ctx->fv, "into", MSG_tha_into_empty, NULL);
	else if (!ctx->into_found)
		fv_error(&ctx->fv, "into", MSG_tha_into_unknown, NULL);
	if (ctx->fv.nerr > 0) {
		ctx->status = 400;
		return (tha_render(req, db));
	}
	sbuf_printf(&ctx->to, THA_PATH "/%s?gedaan=samengevoegd", ctx->into);
	db->params[0] = ctx->slug;
	db->params[1] = ctx->into;
	db->params[2] = db->user.id;
	return (db_chain(req, db, &q_theme_admin_merge, NULL, tha_merged));
}

static int
tha_merged(struct http_request *req, struct db_ctx *db)
{
	struct tha_ctx	*ctx = (struct tha_ctx *)db;

	if (db->nrows == 0) {
		/* Either theme went between loading and merging. */
		fv_error(&ctx->fv, "into", MSG_tha_into_unknown, NULL);
		return (tha_load(req, ctx, 409, tha_render));
	}
	resp_redirect(req, sbuf_cstr(&ctx->to));
	return (HTTP_STATE_COMPLETE);
}

/* ---- pages -------------------------------------------------------- */

static int
tha_render(struct http_request *req, struct db_ctx *db)
{
	struct tha_ctx	*ctx = (struct tha_ctx *)db;

	if (ctx->page == THA_LIST)
		return (tha_render_list(req, ctx));
	if (!ctx->found) {
		/* A refused POST says so even for a theme that is gone. */
		resp_error(req, ctx->status == 403 ? 403 : 404);
		return (HTTP_STATE_COMPLETE);
	}
	return (tha_render_edit(req, ctx));
}

/* The three theme fields with their errors, as typed or as stored. */
static int
tha_fields(struct sbuf *out, struct tha_ctx *ctx, const char *title,
    const char *summary, const char *body)
{
	static const char *const	 fields[] = {
		"title", "summary", "body", NULL
	};
	const struct tpl_bind		 fixed[] = {
		{ "title", title, TPL_TEXT },
		{ "summary", summary, TPL_TEXT },
		{ "body", body, TPL_TEXT },
	};
	struct tpl_bind			 b[NBINDS(fixed) +
	    NBINDS(fields) * FV_BINDS_PER_FIELD];
	size_t				 n;

	n = fv_binds(&ctx->fv, fields, fixed, NBINDS(fixed), b, NBINDS(b));
	return (view_append(out, VIEW_theme_admin_fields, ctx->loc, b, n));
}

static int
tha_render_list(struct http_request *req, struct tha_ctx *ctx)
{
	struct sbuf	table, fields;
	int		rc;

	sbuf_init(&table);
	sbuf_init(&fields);
	if (ctx->db.nrows == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_tha_empty), TPL_TEXT },
		};
		rc = view_append(&table, VIEW_empty, ctx->loc, b, NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
		};
		rc = view_append(&table, VIEW_theme_admin_table, ctx->loc, b,
		    NBINDS(b));
	}
	rc |= tha_fields(&fields, ctx, ctx->title, ctx->summary, ctx->body);
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "table", sbuf_cstr(&table), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "fields", sbuf_cstr(&fields), TPL_TRUSTED_HTML },
		};
		view_page(req, ctx->status, ctx->loc,
		    i18n_get(ctx->loc, MSG_tha_title), "/redactie",
		    VIEW_theme_admin, b, NBINDS(b));
	}
	sbuf_free(&table);
	sbuf_free(&fields);
	return (HTTP_STATE_COMPLETE);
}

static int
tha_render_edit(struct http_request *req, struct tha_ctx *ctx)
{
	struct sbuf	 heading, notice, fields, merge, opts;
	const char	*args[1], *errors, *csrf;
	int		 rc, typed;

	sbuf_init(&heading);
	sbuf_init(&notice);
	sbuf_init(&fields);
	sbuf_init(&merge);
	sbuf_init(&opts);
	args[0] = sbuf_cstr(&ctx->db_title);
	i18n_fmt(&heading, i18n_get(ctx->loc, MSG_tha_edit_heading), args, 1);
	errors = fv_summary(&ctx->fv);
	csrf = auth_csrf(req);
	rc = 0;
	if (ctx->done != MSG__MAX) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, ctx->done), TPL_TEXT },
		};
		rc |= view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b));
	}
	typed = ctx->form == THA_FORM_THEME;
	rc |= tha_fields(&fields, ctx,
	    typed ? ctx->title : sbuf_cstr(&ctx->db_title),
	    typed ? ctx->summary : sbuf_cstr(&ctx->db_summary),
	    typed ? ctx->body : sbuf_cstr(&ctx->db_body));
	if (ctx->others == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_tha_merge_none),
			    TPL_TEXT },
		};
		rc |= view_append(&merge, VIEW_empty, ctx->loc, b, NBINDS(b));
	} else {
		static const char *const	fields_m[] = { "into", NULL };
		rc |= tha_option(&opts, ctx->loc, "",
		    i18n_get(ctx->loc, MSG_tha_merge_choose),
		    *ctx->into == '\0');
		sbuf_puts(&opts, sbuf_cstr(&ctx->rows));
		const struct tpl_bind	fixed[] = {
			{ "errors", ctx->form == THA_FORM_MERGE ? errors : "",
			    TPL_TRUSTED_HTML },
			{ "csrf", csrf, TPL_TEXT },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "options", sbuf_cstr(&opts), TPL_TRUSTED_HTML },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields_m) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv, fields_m, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		rc |= view_append(&merge, VIEW_theme_admin_merge, ctx->loc, b,
		    n);
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "items", ctx->items, TPL_TEXT },
			{ "edit_errors", ctx->form == THA_FORM_MERGE ? "" :
			    errors, TPL_TRUSTED_HTML },
			{ "csrf", csrf, TPL_TEXT },
			{ "fields", sbuf_cstr(&fields), TPL_TRUSTED_HTML },
			{ "merge", sbuf_cstr(&merge), TPL_TRUSTED_HTML },
		};
		view_page(req, ctx->status, ctx->loc, sbuf_cstr(&heading),
		    "/redactie", VIEW_theme_admin_edit, b, NBINDS(b));
	}
	sbuf_free(&heading);
	sbuf_free(&notice);
	sbuf_free(&fields);
	sbuf_free(&merge);
	sbuf_free(&opts);
	return (HTTP_STATE_COMPLETE);
}

static void
tha_free(struct http_request *req)
{
	struct tha_ctx	*ctx = http_state_get(req);

	fv_free(&ctx->fv);
	sbuf_free(&ctx->db_title);
	sbuf_free(&ctx->db_summary);
	sbuf_free(&ctx->db_body);
	sbuf_free(&ctx->rows);
	sbuf_free(&ctx->html);
	sbuf_free(&ctx->to);
}
