/*
 * /zoeken?q=: search everything public (db/q_search.c). Bad input gets
 * a message next to the field and the form keeps what was typed.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/path.h"
#include "core/helpterms.h"
#include "core/html.h"
#include "db/q.h"
#include "db/q_search.h"
#include "web/help.h"
#include "web/kind.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

#define SEARCH_MAX_CHARS	200
#define SEARCH_MAX_ARGS		10

struct search_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		*q;		/* owned by Kore's argument list */
	struct sbuf	 rows;
};

static void	search_row(struct db_ctx *, struct kore_pgsql *, int);
static int	search_done(struct http_request *, struct db_ctx *);
static void	search_render(struct http_request *, enum locale,
		    const char *, enum msg_id, struct sbuf *);
static void	search_free(struct http_request *);



int
search_show(struct http_request *req)
{
	struct search_ctx	*ctx;
	enum locale		 loc;
	char			*q;

	if (!http_state_exists(req)) {
		loc = resp_locale(req);
		/*
		 * Kore reads only the first 20 query arguments and drops the
		 * rest without telling us; a form of ours never sends more
		 * than one, so refuse rather than guess.
		 */
		if (path_query_args(req->query_string) > SEARCH_MAX_ARGS) {
			search_render(req, loc, "", MSG_err_too_many_args,
			    NULL);
			return (KORE_RESULT_OK);
		}
		http_populate_get(req);
		if (!http_argument_get_string(req, "q", &q)) {
			search_render(req, loc, "", MSG__MAX, NULL);
			return (KORE_RESULT_OK);
		}
		if (!html_utf8_valid(q, strlen(q))) {
			/* Not echoed back: it cannot be shown as typed. */
			search_render(req, loc, "", MSG_search_bad_chars, NULL);
			return (KORE_RESULT_OK);
		}
		if (form_chars(q) > SEARCH_MAX_CHARS) {
			search_render(req, loc, q, MSG_search_too_long, NULL);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), search_free);
		ctx->loc = loc;
		ctx->q = q;
		sbuf_init(&ctx->rows);
		db_start(req, &ctx->db, &q_search, search_row, search_done);
		/* Interim until the query parser lands (issue 11 part A). */
		ctx->db.params[0] = "{}";
		ctx->db.params[1] = "";
		ctx->db.params[2] = i18n_code(loc);
		ctx->db.params[3] = ctx->db.params[4] = ctx->db.params[5] = "";
		ctx->db.params[6] = ctx->db.params[7] = "";
		ctx->db.params[8] = "0";
		ctx->db.params[9] = "20";
		ctx->db.params[10] = "[]";
	}
	return (db_run(req));
}

static void
search_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct search_ctx	*ctx = (struct search_ctx *)db;
	const struct kind	*k;
	const char		*type, *label;
	size_t			 at = ctx->rows.len;

	type = db_text(sql, r, QS_TYPE);
	if (strcmp(type, QS_HIT) != 0)
		return;
	type = db_text(sql, r, QS_C);
	if ((k = kind_by_name(type)) != NULL)
		label = i18n_get(ctx->loc, k->title);
	else if (strcmp(type, "thema") == 0)
		label = i18n_get(ctx->loc, MSG_nav_themes);
	else if (strcmp(type, "opgave") == 0)
		label = i18n_get(ctx->loc, MSG_nav_monitor);
	else
		label = i18n_get(ctx->loc, MSG_search_type_page);
	{
		const struct tpl_bind	b[] = {
			{ "href", db_text(sql, r, QS_A), TPL_TEXT },
			{ "title", db_text(sql, r, QS_B), TPL_TEXT },
			{ "kind", label, TPL_TEXT },
			{ "summary", db_text(sql, r, QS_D), TPL_TEXT },
		};
		if (view_append(&ctx->rows, VIEW_search_row, ctx->loc, b,
		    NBINDS(b)) == -1 || row_warned(&ctx->rows, at, ctx->loc,
		    db_text(sql, r, QS_F)) == -1)
			db->failed = 1;
	}
}

static int
search_done(struct http_request *req, struct db_ctx *db)
{
	struct search_ctx	*ctx = (struct search_ctx *)db;

	search_render(req, ctx->loc, ctx->q, MSG__MAX, &ctx->rows);
	return (HTTP_STATE_COMPLETE);
}

/*
 * The page: the form (with q kept), an error next to the field when
 * err is not MSG__MAX, and results when rows is given.
 */
static void
search_render(struct http_request *req, enum locale loc, const char *q,
    enum msg_id err, struct sbuf *rows)
{
	struct sbuf	 errsb, results, count, help;
	struct db_ctx	*db;
	char		 n[16];
	const char	*args[2];
	int		 bad, nrows;

	sbuf_init(&errsb);
	sbuf_init(&results);
	sbuf_init(&count);
	sbuf_init(&help);
	bad = 0;
	/* A search that asks for help gets the help banner first. */
	if (help_match(q))
		bad |= help_banner(&help, loc);
	if (err != MSG__MAX) {
		const struct tpl_bind	b[] = {
			{ "id", "q-error", TPL_TEXT },
			{ "text", i18n_get(loc, err), TPL_TEXT },
		};
		bad |= view_append(&errsb, VIEW_field_error, loc, b,
		    NBINDS(b));
	}
	if (rows != NULL) {
		db = http_state_get(req);
		nrows = db->nrows;
		snprintf(n, sizeof(n), "%d", nrows);
		args[0] = q;
		args[1] = n;
		i18n_fmt(&count, i18n_get(loc, nrows == 0 ? MSG_search_none :
		    MSG_search_count), args, 2);
		const struct tpl_bind	b[] = {
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "items", sbuf_cstr(rows), TPL_TRUSTED_HTML },
		};
		bad |= view_append(&results, VIEW_search_results, loc, b,
		    NBINDS(b));
	} else if (err == MSG__MAX) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, MSG_search_prompt), TPL_TEXT },
		};
		bad |= view_append(&results, VIEW_empty, loc, b, NBINDS(b));
	}
	if (bad)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "q", q, TPL_TEXT },
			{ "error", sbuf_cstr(&errsb), TPL_TRUSTED_HTML },
			{ "error_class", err != MSG__MAX ? " has-error" : "",
			    TPL_TEXT },
			{ "error_ref", err != MSG__MAX ? " q-error" : "",
			    TPL_TEXT },
			{ "help", sbuf_cstr(&help), TPL_TRUSTED_HTML },
			{ "results", sbuf_cstr(&results), TPL_TRUSTED_HTML },
		};
		view_page(req, err != MSG__MAX ? 400 : 200, loc,
		    i18n_get(loc, MSG_nav_search), "/zoeken", VIEW_search, b,
		    NBINDS(b));
	}
	sbuf_free(&errsb);
	sbuf_free(&results);
	sbuf_free(&count);
	sbuf_free(&help);
}

static void
search_free(struct http_request *req)
{
	struct search_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->rows);
}
