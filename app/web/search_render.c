/*
 * The search page (web/search.h): the help banner when the query asks
 * for help, the form with what was typed and its message, then the
 * filters beside the results: the count line, notes on how the query
 * was read, "did you mean", the hits with their snippets and the pager.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/helpterms.h"
#include "core/snippet.h"
#include "web/help.h"
#include "web/pager.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/search.h"
#include "web/view.h"

static int	search_note(struct sbuf *, enum locale, const char *,
		    const char *);
static int	search_notes(struct sbuf *, struct search_ctx *);
static int	search_suggest(struct sbuf *, struct search_ctx *);
static int	search_list(struct sbuf *, struct search_ctx *);
static int	search_results(struct sbuf *, struct search_ctx *);

int
search_hit(struct search_ctx *ctx, const char *path, const char *title,
    const char *kind, const char *summary, const char *snippet,
    const char *warnings, const char *community)
{
	struct sbuf	 comm, sum, snip, html, text;
	const char	*label, *args[1];
	size_t		 at = ctx->rows.len;
	int		 rc = 0;

	sbuf_init(&comm);
	sbuf_init(&sum);
	sbuf_init(&snip);
	sbuf_init(&html);
	sbuf_init(&text);
	if ((label = search_kind_label(ctx->loc, kind)) == NULL)
		label = i18n_get(ctx->loc, MSG_srch_kind_pagina);
	/* A community's own row needs no "Gemeenschap: itself". */
	if (*community != '\0' && strcmp(kind, "gemeenschap") != 0) {
		args[0] = community;
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_srch_community), args, 1);
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
		};
		rc |= view_append(&comm, VIEW_search_row_community, ctx->loc,
		    b, NBINDS(b));
	}
	if (*summary != '\0') {
		const struct tpl_bind	b[] = {
			{ "text", summary, TPL_TEXT },
		};
		rc |= view_append(&sum, VIEW_search_row_summary, ctx->loc, b,
		    NBINDS(b));
	}
	/* A row with warnings shows them instead of anything from its body. */
	if (*warnings == '\0' && *snippet != '\0') {
		(void)snippet_html(&html, snippet, strlen(snippet));
		const struct tpl_bind	b[] = {
			/* Escaped by snippet_html(), marks are ours. */
			{ "html", sbuf_cstr(&html), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&snip, VIEW_search_row_snippet, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "href", path, TPL_TEXT },
			{ "title", title, TPL_TEXT },
			{ "kind", label, TPL_TEXT },
			{ "community", sbuf_cstr(&comm), TPL_TRUSTED_HTML },
			{ "summary", sbuf_cstr(&sum), TPL_TRUSTED_HTML },
			{ "snippet", sbuf_cstr(&snip), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->rows, VIEW_search_row, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc == 0)
		rc = row_warned(&ctx->rows, at, ctx->loc, warnings);
	sbuf_free(&comm);
	sbuf_free(&sum);
	sbuf_free(&snip);
	sbuf_free(&html);
	sbuf_free(&text);
	return (rc);
}

int
search_title(struct search_ctx *ctx, const char *path, const char *title)
{
	const struct tpl_bind	b[] = {
		{ "href", path, TPL_TEXT },
		{ "title", title, TPL_TEXT },
	};

	return (view_append(&ctx->titles, VIEW_search_title_li, ctx->loc, b,
	    NBINDS(b)));
}

static int
search_note(struct sbuf *out, enum locale loc, const char *id,
    const char *text)
{
	const struct tpl_bind	b[] = {
		{ "id", id, TPL_TEXT },
		{ "text", text, TPL_TEXT },
	};

	return (view_append(out, VIEW_search_note, loc, b, NBINDS(b)));
}

/* How the query was read: a quote left open, words dropped. */
static int
search_notes(struct sbuf *out, struct search_ctx *ctx)
{
	struct sbuf	 text;
	char		 n[8];
	const char	*args[1];
	int		 rc = 0;

	sbuf_init(&text);
	if (ctx->sq.unbalanced)
		rc |= search_note(out, ctx->loc, "zoeknotitie-aanhalingsteken",
		    i18n_get(ctx->loc, MSG_srch_note_unbalanced));
	if (ctx->sq.truncated) {
		(void)snprintf(n, sizeof(n), "%d", SQ_MAX_TERMS);
		args[0] = n;
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_srch_note_truncated),
		    args, 1);
		rc |= search_note(out, ctx->loc, "zoeknotitie-ingekort",
		    sbuf_cstr(&text));
	}
	sbuf_free(&text);
	return (rc);
}

/* "Bedoelde je: <corrected query>" and "Misschien zoek je: <titles>". */
static int
search_suggest(struct sbuf *out, struct search_ctx *ctx)
{
	struct sbuf	 text, href;
	int		 rc = 0;

	sbuf_init(&text);
	sbuf_init(&href);
	if (ctx->nsubst > 0 && squery_format(&ctx->sq,
	    (const char *const *)ctx->subst, (size_t)ctx->nwords,
	    &text) == 0 && text.len > 0) {
		sbuf_puts(&href, SEARCH_PATH "?q=");
		sbuf_urlenc(&href, sbuf_cstr(&text));
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "text", sbuf_cstr(&text), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_search_suggest, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->titles.len > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&ctx->titles), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_search_titles, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&href);
	return (rc);
}

/* The hits and the pager; or why there are none. */
static int
search_list(struct sbuf *out, struct search_ctx *ctx)
{
	struct sbuf	 pager, base, first, text;
	const char	*args[1];
	char		 start[24];
	enum msg_id	 none;
	int		 rc = 0, k, any;

	sbuf_init(&pager);
	sbuf_init(&base);
	sbuf_init(&first);
	sbuf_init(&text);
	if (ctx->nhits > 0) {
		search_href(&base, ctx, SR__MAX, NULL, 1);
		rc |= pager_render(&pager, ctx->loc, sbuf_cstr(&base),
		    ctx->page, (ctx->total + SEARCH_PAGE - 1) / SEARCH_PAGE);
		(void)snprintf(start, sizeof(start), "%ld",
		    (ctx->page - 1) * SEARCH_PAGE + 1);
		const struct tpl_bind	b[] = {
			{ "start", start, TPL_TEXT },
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_search_list, ctx->loc, b,
		    NBINDS(b));
	} else {
		for (k = 0, any = 0; k < SR__MAX; k++)
			any |= ctx->val[k][0] != '\0';
		if (ctx->isvoid)
			none = MSG_srch_void;
		else if (ctx->total > 0) {
			none = MSG_srch_none_page;
			search_href(&base, ctx, SR__MAX, NULL, 1);
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&base), TPL_TEXT },
			};
			rc |= view_append(&first, VIEW_search_first, ctx->loc,
			    b, NBINDS(b));
		} else if (any)
			none = MSG_srch_none_filtered;
		else
			none = MSG_search_none;
		args[0] = sbuf_cstr(&ctx->q);
		i18n_fmt(&text, i18n_get(ctx->loc, none), args, 1);
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "first", sbuf_cstr(&first), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_search_empty, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&pager);
	sbuf_free(&base);
	sbuf_free(&first);
	sbuf_free(&text);
	return (rc);
}

/* The filters beside the count, notes, suggestions and hits. */
static int
search_results(struct sbuf *out, struct search_ctx *ctx)
{
	struct sbuf	 filters, notes, suggest, list, count;
	const char	*args[2];
	char		 n[24];
	int		 rc = 0;

	sbuf_init(&filters);
	sbuf_init(&notes);
	sbuf_init(&suggest);
	sbuf_init(&list);
	sbuf_init(&count);
	if (!ctx->isvoid)
		rc |= search_filters(&filters, ctx);
	rc |= search_notes(&notes, ctx);
	rc |= search_suggest(&suggest, ctx);
	rc |= search_list(&list, ctx);
	(void)snprintf(n, sizeof(n), "%ld", ctx->total > 0 ? ctx->total : 0);
	if (ctx->total == 1) {
		args[0] = sbuf_cstr(&ctx->q);
		i18n_fmt(&count, i18n_get(ctx->loc, MSG_srch_count_one), args,
		    1);
	} else if (ctx->total > 1) {
		args[0] = n;
		args[1] = sbuf_cstr(&ctx->q);
		i18n_fmt(&count, i18n_get(ctx->loc, MSG_srch_count), args, 2);
	} else {
		args[0] = sbuf_cstr(&ctx->q);
		i18n_fmt(&count, i18n_get(ctx->loc, MSG_srch_count_none), args,
		    1);
	}
	{
		const struct tpl_bind	b[] = {
			{ "filters", sbuf_cstr(&filters), TPL_TRUSTED_HTML },
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "notes", sbuf_cstr(&notes), TPL_TRUSTED_HTML },
			{ "suggest", sbuf_cstr(&suggest), TPL_TRUSTED_HTML },
			{ "list", sbuf_cstr(&list), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_search_results, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&filters);
	sbuf_free(&notes);
	sbuf_free(&suggest);
	sbuf_free(&list);
	sbuf_free(&count);
	return (rc);
}

void
search_page(struct http_request *req, struct search_ctx *ctx)
{
	struct sbuf	 help, errhtml, results;
	int		 rc = 0, err;

	sbuf_init(&help);
	sbuf_init(&errhtml);
	sbuf_init(&results);
	err = ctx->q_err != MSG__MAX;
	/* A search that asks for help gets the help banner first. */
	if (ctx->has_q && help_matchn(ctx->q.data, ctx->q.len))
		rc |= help_banner(&help, ctx->loc);
	if (err) {
		const struct tpl_bind	b[] = {
			{ "id", "q-error", TPL_TEXT },
			{ "text", i18n_get(ctx->loc, ctx->q_err), TPL_TEXT },
		};
		rc |= view_append(&errhtml, VIEW_field_error, ctx->loc, b,
		    NBINDS(b));
	} else if (ctx->has_q)
		rc |= search_results(&results, ctx);
	else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_search_prompt),
			    TPL_TEXT },
		};
		rc |= view_append(&results, VIEW_empty, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "help", sbuf_cstr(&help), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "q", ctx->keep_q ? sbuf_cstr(&ctx->q) : "",
			    TPL_TEXT },
			{ "q_class", err ? " has-error" : "", TPL_TEXT },
			{ "q_ref", err ? " q-error" : "", TPL_TEXT },
			{ "q_invalid", err ? " aria-invalid=\"true\"" : "",
			    TPL_TRUSTED_HTML },
			{ "q_error", sbuf_cstr(&errhtml), TPL_TRUSTED_HTML },
			{ "results", sbuf_cstr(&results), TPL_TRUSTED_HTML },
		};
		struct sbuf	 main;
		const char	*title = i18n_get(ctx->loc, MSG_nav_search);
		int		 status = err || ctx->bad ? 400 : 200;

		sbuf_init(&main);
		if (view_append(&main, VIEW_search, ctx->loc, b,
		    NBINDS(b)) == -1)
			resp_error(req, 500);
		else {
			if (ctx->has_q && !err)
				search_cache_put(ctx, status, &main, title);
			view_page_main(req, status, ctx->loc, title,
			    SEARCH_PATH, &main);
		}
		sbuf_free(&main);
	}
	sbuf_free(&help);
	sbuf_free(&errhtml);
	sbuf_free(&results);
}
