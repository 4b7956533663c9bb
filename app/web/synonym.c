/*
 * The synonym editor for editors (issue 11): the groups of words that
 * search treats as one (sql/010_search.sql search_term(); the groups
 * of content/zoekwoorden.txt and the editors' own).
 *
 *   GET  /redactie/zoekwoorden               every group, and the form
 *                                            for a new one
 *   POST /redactie/zoekwoorden/nieuw         create; 303 to the list
 *   GET  /redactie/zoekwoorden/<id>          the form of one group
 *   POST /redactie/zoekwoorden/<id>/wijzigen save it; 303 to its page
 *   (delete: web/synonym_delete.c)
 *
 * Editors only: visitors are sent to sign in, members get 403. The
 * typed words go through search_synonym_check() first, whose problems
 * (too few words, a word without searchable words, two words with one
 * stem, a word in another group, which it names) come back next to the
 * field with the text as typed (422); a forged POST is 403 with the
 * same form. search_synonym_save() checks the role and the words again
 * and writes the audit row.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_synonym.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/synonym.h"
#include "web/view.h"

#define SY_NEW_TAIL	"/nieuw"
#define SY_SAVE_TAIL	"/wijzigen"
#define SY_TERMS_MAX	4000	/* 20 words of 60 and room to spare */
#define SY_NOTE_MAX	300	/* search_synonym_group.note CHECK */

enum sy_page {
	SY_LIST,		/* GET  /redactie/zoekwoorden */
	SY_CREATE,		/* POST /redactie/zoekwoorden/nieuw */
	SY_EDIT,		/* GET  /redactie/zoekwoorden/<id> */
	SY_UPDATE		/* POST /redactie/zoekwoorden/<id>/wijzigen */
};

struct sy_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	enum sy_page	 page;
	int		 post;
	int		 status;
	char		 id[SY_ID_MAX + 1];	/* "" on the list */
	/* What was typed ("" when absent). */
	char		*terms;
	char		*note;
	char		 base[24];	/* the version the form started from */
	int		 stale;		/* someone saved the group meanwhile */
	enum msg_id	 done;		/* ?gedaan=, MSG__MAX for none */
	/* From the database. */
	int		 found;
	char		 newid[24];
	struct sbuf	 rows;		/* list rows */
	struct sbuf	 line;		/* the group's words, "a ~ b" */
	struct sbuf	 db_terms;
	struct sbuf	 db_note;
	struct sbuf	 source;
	struct sbuf	 changed;	/* <time> */
	struct sbuf	 by;
	char		 db_base[24];
	struct sbuf	 problems;	/* the words' messages */
	struct sbuf	 to;
	struct fv	 fv;
};

static int	sy_enter(struct http_request *, enum sy_page);
static void	sy_read(struct http_request *, struct sy_ctx *);
static int	sy_checked(struct http_request *, struct db_ctx *);
static int	sy_fields_ok(struct sy_ctx *);
static int	sy_check(struct http_request *, struct sy_ctx *, db_done_fn);
static void	sy_check_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sy_problems(struct sy_ctx *);
static int	sy_checked_db(struct http_request *, struct db_ctx *);
static int	sy_save_fail(struct http_request *, struct db_ctx *, int);
static int	sy_rechecked(struct http_request *, struct db_ctx *);
static void	sy_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sy_saved(struct http_request *, struct db_ctx *);
static int	sy_load(struct http_request *, struct sy_ctx *, int);
static void	sy_list_row(struct db_ctx *, struct kore_pgsql *, int);
static void	sy_get_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sy_render(struct http_request *, struct db_ctx *);
static int	sy_render_list(struct http_request *, struct sy_ctx *);
static int	sy_render_edit(struct http_request *, struct sy_ctx *);
static int	sy_fields(struct sbuf *, struct sy_ctx *, const char *,
		    const char *);
static int	sy_notice(struct sbuf *, struct sy_ctx *);
static void	sy_free(struct http_request *);

int
synonym_list(struct http_request *req)
{
	return (sy_enter(req, SY_LIST));
}

int
synonym_create(struct http_request *req)
{
	return (sy_enter(req, SY_CREATE));
}

int
synonym_edit(struct http_request *req)
{
	return (sy_enter(req, SY_EDIT));
}

int
synonym_update(struct http_request *req)
{
	return (sy_enter(req, SY_UPDATE));
}

static int
sy_enter(struct http_request *req, enum sy_page page)
{
	struct sy_ctx	*ctx;
	char		 id[SY_ID_MAX + 1];
	struct sbuf	 to;

	if (!http_state_exists(req)) {
		id[0] = '\0';
		if ((page == SY_EDIT || page == SY_UPDATE) &&
		    synonym_path_id(req->path, page == SY_UPDATE ?
		    SY_SAVE_TAIL : "", id, sizeof(id)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		/* The form's addresses opened with GET: the form's page. */
		if ((page == SY_CREATE || page == SY_UPDATE) &&
		    req->method != HTTP_METHOD_POST) {
			sbuf_init(&to);
			if (page == SY_CREATE)
				sbuf_puts(&to, SY_PATH);
			else
				sbuf_printf(&to, SY_PATH "/%s", id);
			resp_redirect(req, sbuf_cstr(&to));
			sbuf_free(&to);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), sy_free);
		ctx->loc = resp_locale(req);
		ctx->page = page;
		ctx->status = 200;
		ctx->done = MSG__MAX;
		ctx->terms = ctx->note = "";
		memcpy(ctx->id, id, sizeof(id));
		sbuf_init(&ctx->rows);
		sbuf_init(&ctx->line);
		sbuf_init(&ctx->db_terms);
		sbuf_init(&ctx->db_note);
		sbuf_init(&ctx->source);
		sbuf_init(&ctx->changed);
		sbuf_init(&ctx->by);
		sbuf_init(&ctx->problems);
		sbuf_init(&ctx->to);
		fv_init(&ctx->fv, ctx->loc);
		sy_read(req, ctx);
		db_start(req, &ctx->db, NULL, NULL, sy_checked);
	}
	return (db_run(req));
}

/* The fields of the request; both form encodings are accepted. */
static void
sy_read(struct http_request *req, struct sy_ctx *ctx)
{
	char	*v;

	if (req->method != HTTP_METHOD_POST) {
		http_populate_get(req);
		if (!http_argument_get_string(req, "gedaan", &v))
			return;
		/* Anything else: no notice (an old or edited link). */
		if (strcmp(v, "aangemaakt") == 0)
			ctx->done = MSG_sy_done_created;
		else if (strcmp(v, "opgeslagen") == 0)
			ctx->done = MSG_sy_done_saved;
		else if (strcmp(v, "verwijderd") == 0)
			ctx->done = MSG_sy_done_deleted;
		return;
	}
	ctx->post = 1;
	(void)req_populate_form(req);
	if (http_argument_get_string(req, "terms", &v)) {
		form_lf(v);
		ctx->terms = v;
	}
	if (http_argument_get_string(req, "note", &v))
		ctx->note = form_trim(v);
	/* Not digits: no check (the save goes through as typed). */
	if (http_argument_get_string(req, "base", &v) &&
	    strspn(v, "0123456789") == strlen(v))
		(void)kore_strlcpy(ctx->base, v, sizeof(ctx->base));
}

/* The session is loaded: who may come in, then what was asked. */
static int
sy_checked(struct http_request *req, struct db_ctx *db)
{
	struct sy_ctx	*ctx = (struct sy_ctx *)db;

	if (!auth_require(req, db, ROLE_REDACTEUR))
		return (HTTP_STATE_COMPLETE);
	if (ctx->post && !auth_post_ok(req, db)) {
		/* Nothing is saved; the form comes back as it was typed. */
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (sy_load(req, ctx, 403));
	}
	if (!ctx->post)
		return (sy_load(req, ctx, 200));
	if (!sy_fields_ok(ctx))
		return (sy_load(req, ctx, 422));
	return (sy_check(req, ctx, sy_checked_db));
}

/* What the database cannot be asked about: unreadable text, length. */
static int
sy_fields_ok(struct sy_ctx *ctx)
{
	char	n[24];

	switch (form_text(ctx->terms, SY_TERMS_MAX, 0, 1)) {
	case FORM_OK:
	case FORM_EMPTY:	/* the check says "at least two" */
		break;
	case FORM_TOO_LONG:
		(void)snprintf(n, sizeof(n), "%d", SY_TERMS_MAX);
		fv_error(&ctx->fv, "terms", MSG_sy_terms_long, n);
		break;
	default:
		fv_error(&ctx->fv, "terms", MSG_sy_terms_chars, NULL);
		break;
	}
	switch (form_text(ctx->note, SY_NOTE_MAX, 0, 0)) {
	case FORM_OK:
	case FORM_EMPTY:
		break;
	case FORM_TOO_LONG:
		(void)snprintf(n, sizeof(n), "%d", SY_NOTE_MAX);
		fv_error(&ctx->fv, "note", MSG_sy_note_long, n);
		break;
	default:
		fv_error(&ctx->fv, "note", MSG_sy_note_chars, NULL);
		break;
	}
	return (ctx->fv.nerr == 0);
}

static int
sy_check(struct http_request *req, struct sy_ctx *ctx, db_done_fn done)
{
	struct db_ctx	*db = &ctx->db;

	sbuf_reset(&ctx->problems);
	db->fail = NULL;
	db->params[0] = ctx->id;
	db->params[1] = ctx->terms;
	db->params[2] = ctx->note;
	return (db_chain(req, db, &q_synonym_check, sy_check_row, done));
}

/* One problem: its message, with the word (and the other) it names. */
static void
sy_check_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	static const struct {
		const char	*problem;
		enum msg_id	 msg;
	} msgs[] = {
		{ "few", MSG_sy_terms_few },
		{ "many", MSG_sy_terms_many },
		{ "empty", MSG_sy_terms_empty },
		{ "long", MSG_sy_term_long },
		{ "chars", MSG_sy_term_chars },
		{ "nowords", MSG_sy_term_nowords },
		{ "same", MSG_sy_term_same },
		{ "taken", MSG_sy_term_taken },
	};
	struct sy_ctx	*ctx = (struct sy_ctx *)db;
	const char	*problem, *args[2];
	char		 n[24];
	size_t		 i;

	problem = db_text(sql, r, QSC_PROBLEM);
	if (strcmp(db_text(sql, r, QSC_FIELD), "note") == 0) {
		(void)snprintf(n, sizeof(n), "%d", SY_NOTE_MAX);
		fv_error(&ctx->fv, "note", strcmp(problem, "note_long") == 0 ?
		    MSG_sy_note_long : MSG_sy_note_chars, n);
		return;
	}
	for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		if (strcmp(msgs[i].problem, problem) == 0)
			break;
	}
	if (i == sizeof(msgs) / sizeof(msgs[0]))
		i = 0;		/* a newer problem: "few" is the safe word */
	args[0] = db_text(sql, r, QSC_TERM);
	args[1] = db_text(sql, r, QSC_OTHER);
	/* "same" names the earlier word first, as typed. */
	if (strcmp(problem, "same") == 0) {
		args[0] = db_text(sql, r, QSC_OTHER);
		args[1] = db_text(sql, r, QSC_TERM);
	}
	if (ctx->problems.len > 0)
		sbuf_putc(&ctx->problems, ' ');
	i18n_fmt(&ctx->problems, i18n_get(ctx->loc, msgs[i].msg), args, 2);
}

/* The words' messages as one message next to the field; 1 if any. */
static int
sy_problems(struct sy_ctx *ctx)
{
	if (ctx->problems.len > 0)
		fv_error(&ctx->fv, "terms", MSG_sy_plain,
		    sbuf_cstr(&ctx->problems));
	return (ctx->fv.nerr > 0);
}

static int
sy_checked_db(struct http_request *req, struct db_ctx *db)
{
	struct sy_ctx	*ctx = (struct sy_ctx *)db;

	if (sy_problems(ctx))
		return (sy_load(req, ctx, 422));
	db->fail = sy_save_fail;
	db->params[0] = db->user.id;
	db->params[1] = ctx->id;
	db->params[2] = ctx->terms;
	db->params[3] = ctx->note;
	db->params[4] = ctx->base;
	return (db_chain(req, db, &q_synonym_save, sy_save_row, sy_saved));
}

/*
 * 400: another editor saved one of these words in between (22023):
 * check again, so the message names it. 409: someone changed this group
 * since the form was loaded; the page shows what it holds now above the
 * editor's own text (409), with the new version, so saving again
 * overwrites knowingly. 403 (the role went) and 404 (the group went)
 * are the error pages.
 */
static int
sy_save_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct sy_ctx	*ctx = (struct sy_ctx *)db;

	db->fail = NULL;
	if (status == 409 && ctx->page == SY_UPDATE) {
		ctx->stale = 1;
		return (sy_load(req, ctx, 409));
	}
	if (status != 400) {
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
	return (sy_check(req, ctx, sy_rechecked));
}

static int
sy_rechecked(struct http_request *req, struct db_ctx *db)
{
	struct sy_ctx	*ctx = (struct sy_ctx *)db;

	if (!sy_problems(ctx))
		fv_form_error(&ctx->fv, MSG_sy_save_failed, NULL);
	return (sy_load(req, ctx, 422));
}

static void
sy_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sy_ctx	*ctx = (struct sy_ctx *)db;

	(void)kore_strlcpy(ctx->newid, db_text(sql, r, 0),
	    sizeof(ctx->newid));
}

static int
sy_saved(struct http_request *req, struct db_ctx *db)
{
	struct sy_ctx	*ctx = (struct sy_ctx *)db;

	if (ctx->page == SY_CREATE)
		sbuf_puts(&ctx->to, SY_PATH "?gedaan=aangemaakt");
	else
		sbuf_printf(&ctx->to, SY_PATH "/%s?gedaan=opgeslagen",
		    ctx->newid);
	resp_redirect(req, sbuf_cstr(&ctx->to));
	return (HTTP_STATE_COMPLETE);
}

/* ---- the page's data ---------------------------------------------- */

static int
sy_load(struct http_request *req, struct sy_ctx *ctx, int status)
{
	struct db_ctx	*db = &ctx->db;

	ctx->status = status;
	db->fail = NULL;
	if (ctx->page == SY_LIST || ctx->page == SY_CREATE)
		return (db_chain(req, db, &q_synonym_list, sy_list_row,
		    sy_render));
	db->params[0] = ctx->id;
	return (db_chain(req, db, &q_synonym_get, sy_get_row, sy_render));
}

static void
sy_list_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sy_ctx	*ctx = (struct sy_ctx *)db;
	struct sbuf	 changed, by;

	sbuf_init(&changed);
	sbuf_init(&by);
	if (synonym_changed(&changed, &by, ctx->loc,
	    db_text(sql, r, QSY_AT), db_text(sql, r, QSY_AT_SHOWN),
	    db_text(sql, r, QSY_BY)) == -1)
		db->failed = 1;
	else {
		const struct tpl_bind	b[] = {
			{ "id", db_text(sql, r, QSY_ID), TPL_TEXT },
			{ "line", db_text(sql, r, QSY_LINE), TPL_TEXT },
			{ "source", synonym_source(ctx->loc,
			    db_text(sql, r, QSY_SOURCE)), TPL_TEXT },
			{ "changed", sbuf_cstr(&changed), TPL_TRUSTED_HTML },
			{ "by", sbuf_cstr(&by), TPL_TEXT },
			{ "note", db_text(sql, r, QSY_NOTE), TPL_TEXT },
		};
		if (view_append(&ctx->rows, VIEW_synonym_row, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	sbuf_free(&changed);
	sbuf_free(&by);
}

static void
sy_get_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sy_ctx	*ctx = (struct sy_ctx *)db;

	ctx->found = 1;
	sbuf_reset(&ctx->line);
	sbuf_reset(&ctx->db_terms);
	sbuf_reset(&ctx->db_note);
	sbuf_reset(&ctx->source);
	sbuf_reset(&ctx->changed);
	sbuf_reset(&ctx->by);
	sbuf_puts(&ctx->line, db_text(sql, r, QSY_LINE));
	sbuf_puts(&ctx->db_terms, db_text(sql, r, QSY_TERMS));
	sbuf_puts(&ctx->db_note, db_text(sql, r, QSY_NOTE));
	sbuf_puts(&ctx->source, db_text(sql, r, QSY_SOURCE));
	(void)kore_strlcpy(ctx->db_base, db_text(sql, r, QSY_BASE),
	    sizeof(ctx->db_base));
	if (synonym_changed(&ctx->changed, &ctx->by, ctx->loc,
	    db_text(sql, r, QSY_AT), db_text(sql, r, QSY_AT_SHOWN),
	    db_text(sql, r, QSY_BY)) == -1)
		db->failed = 1;
}

/* ---- pages -------------------------------------------------------- */

static int
sy_render(struct http_request *req, struct db_ctx *db)
{
	struct sy_ctx	*ctx = (struct sy_ctx *)db;

	if (ctx->page == SY_LIST || ctx->page == SY_CREATE)
		return (sy_render_list(req, ctx));
	if (!ctx->found) {
		/* A refused POST says so even for a group that is gone. */
		resp_error(req, ctx->status == 403 ? 403 : 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->stale) {
		const char	*args[1];
		struct sbuf	 msg;

		sbuf_init(&msg);
		args[0] = sbuf_cstr(&ctx->line);
		i18n_fmt(&msg, i18n_get(ctx->loc, MSG_sy_stale), args, 1);
		fv_form_error(&ctx->fv, MSG_sy_plain, sbuf_cstr(&msg));
		sbuf_free(&msg);
	}
	return (sy_render_edit(req, ctx));
}

/* The words and the note with their errors, as typed or as stored. */
static int
sy_fields(struct sbuf *out, struct sy_ctx *ctx, const char *terms,
    const char *note)
{
	static const char *const	 fields[] = { "terms", "note", NULL };
	const struct tpl_bind		 fixed[] = {
		{ "terms", terms, TPL_TEXT },
		{ "note", note, TPL_TEXT },
	};
	struct tpl_bind			 b[NBINDS(fixed) +
	    2 * FV_BINDS_PER_FIELD];
	size_t				 n;

	n = fv_binds(&ctx->fv, fields, fixed, NBINDS(fixed), b, NBINDS(b));
	return (view_append(out, VIEW_synonym_fields, ctx->loc, b, n));
}

static int
sy_notice(struct sbuf *out, struct sy_ctx *ctx)
{
	const struct tpl_bind	b[] = {
		{ "text", ctx->done == MSG__MAX ? "" :
		    i18n_get(ctx->loc, ctx->done), TPL_TEXT },
	};

	if (ctx->done == MSG__MAX)
		return (0);
	return (view_append(out, VIEW_notice, ctx->loc, b, NBINDS(b)));
}

static int
sy_render_list(struct http_request *req, struct sy_ctx *ctx)
{
	struct sbuf	table, fields, notice;
	int		rc;

	sbuf_init(&table);
	sbuf_init(&fields);
	sbuf_init(&notice);
	rc = sy_notice(&notice, ctx);
	if (ctx->db.nrows == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_sy_empty), TPL_TEXT },
		};
		rc |= view_append(&table, VIEW_empty, ctx->loc, b, NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&table, VIEW_synonym_table, ctx->loc, b,
		    NBINDS(b));
	}
	rc |= sy_fields(&fields, ctx, ctx->terms, ctx->note);
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "table", sbuf_cstr(&table), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "fields", sbuf_cstr(&fields), TPL_TRUSTED_HTML },
		};
		view_page(req, ctx->status, ctx->loc,
		    i18n_get(ctx->loc, MSG_sy_title), "/redactie",
		    VIEW_synonym, b, NBINDS(b));
	}
	sbuf_free(&table);
	sbuf_free(&fields);
	sbuf_free(&notice);
	return (HTTP_STATE_COMPLETE);
}

static int
sy_render_edit(struct http_request *req, struct sy_ctx *ctx)
{
	struct sbuf	 heading, notice, fields, repo;
	const char	*args[1];
	int		 rc;

	sbuf_init(&heading);
	sbuf_init(&notice);
	sbuf_init(&fields);
	sbuf_init(&repo);
	args[0] = sbuf_cstr(&ctx->line);
	i18n_fmt(&heading, i18n_get(ctx->loc, MSG_sy_edit_heading), args, 1);
	rc = sy_notice(&notice, ctx);
	if (strcmp(sbuf_cstr(&ctx->source), "repo") == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_sy_edit_repo),
			    TPL_TEXT },
		};
		rc |= view_append(&repo, VIEW_synonym_note, ctx->loc, b,
		    NBINDS(b));
	}
	rc |= sy_fields(&fields, ctx,
	    ctx->post ? ctx->terms : sbuf_cstr(&ctx->db_terms),
	    ctx->post ? ctx->note : sbuf_cstr(&ctx->db_note));
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "source", synonym_source(ctx->loc,
			    sbuf_cstr(&ctx->source)), TPL_TEXT },
			{ "changed", sbuf_cstr(&ctx->changed),
			    TPL_TRUSTED_HTML },
			{ "by", sbuf_cstr(&ctx->by), TPL_TEXT },
			{ "repo", sbuf_cstr(&repo), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "id", ctx->id, TPL_TEXT },
			/* Typed back, unless it is what went stale. */
			{ "base", ctx->post && !ctx->stale ? ctx->base :
			    ctx->db_base, TPL_TEXT },
			{ "fields", sbuf_cstr(&fields), TPL_TRUSTED_HTML },
		};
		view_page(req, ctx->status, ctx->loc, sbuf_cstr(&heading),
		    "/redactie", VIEW_synonym_edit, b, NBINDS(b));
	}
	sbuf_free(&heading);
	sbuf_free(&notice);
	sbuf_free(&fields);
	sbuf_free(&repo);
	return (HTTP_STATE_COMPLETE);
}

static void
sy_free(struct http_request *req)
{
	struct sy_ctx	*ctx = http_state_get(req);

	fv_free(&ctx->fv);
	sbuf_free(&ctx->rows);
	sbuf_free(&ctx->line);
	sbuf_free(&ctx->db_terms);
	sbuf_free(&ctx->db_note);
	sbuf_free(&ctx->source);
	sbuf_free(&ctx->changed);
	sbuf_free(&ctx->by);
	sbuf_free(&ctx->problems);
	sbuf_free(&ctx->to);
}
