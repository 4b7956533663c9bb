/*
 * /zoeken?q=...&soort=&thema=&gemeenschap=&regio=&jaar=&pagina=
 *
 * Search everything the reader may read (db/q_search.c): one ranked
 * list, 20 a page, with filters and their counts. q is read from the
 * raw query string, not from Kore's argument: Kore drops a value with
 * a control byte (%00, a tab, a newline), a trailing '%' or more than
 * v_query's 1000 bytes without telling, and cuts it at a second '='.
 * So every q that was sent is seen and gets an answer: a message next
 * to the field (400) for one that cannot be searched, never an error
 * page. The filters are Kore arguments; a refused one is named in the
 * error summary (400) and left out, the search still runs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/html.h"
#include "core/path.h"
#include "db/q_search.h"
#include "db/q_search_known.h"
#include "web/resp.h"
#include "web/search.h"

static int	search_hexval(int);
static int	search_raw_q(const char *, struct sbuf *);
static void	search_q(struct http_request *, struct search_ctx *);
static void	search_args(struct http_request *, struct search_ctx *);
static int	search_start(struct http_request *, struct db_ctx *);
static void	search_known_row(struct db_ctx *, struct kore_pgsql *, int);
static int	search_known_done(struct http_request *, struct db_ctx *);
static int	search_query(struct http_request *, struct db_ctx *);
static void	search_row(struct db_ctx *, struct kore_pgsql *, int);
static int	search_done(struct http_request *, struct db_ctx *);
static void	search_free(struct http_request *);

static const struct {
	enum msg_id	bad;
} filter_msgs[SR__MAX] = {
	{ MSG_srch_bad_kind }, { MSG_srch_bad_theme }, { MSG_srch_bad_comm },
	{ MSG_srch_bad_region }, { MSG_srch_bad_year },
};

int
search_show(struct http_request *req)
{
	struct search_ctx	*ctx;
	int			 i;

	if (!http_state_exists(req)) {
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), search_free);
		ctx->loc = resp_locale(req);
		ctx->q_err = MSG__MAX;
		ctx->page = 1;
		ctx->total = -1;
		sbuf_init(&ctx->q);
		sbuf_init(&ctx->json);
		sbuf_init(&ctx->words);
		sbuf_init(&ctx->rows);
		sbuf_init(&ctx->titles);
		for (i = 0; i < SR__MAX; i++)
			sbuf_init(&ctx->groups[i]);
		fv_init(&ctx->fv, ctx->loc);
		/*
		 * Kore reads only the first 20 query arguments and drops the
		 * rest without telling us; our links send at most seven, so
		 * refuse rather than guess.
		 */
		if (path_query_args(req->query_string) > SEARCH_MAX_ARGS) {
			ctx->q_err = MSG_err_too_many_args;
		} else {
			search_args(req, ctx);
			search_q(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, search_start);
	}
	return (db_run(req));
}

static int
search_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/*
 * The first q=<value> of the raw query string, decoded as a form does
 * ('+' is a space, %XX a byte, a '%' without two hex digits itself).
 * Returns 1 when q= was sent (an empty value too: the form sent
 * empty), else 0.
 */
static int
search_raw_q(const char *qs, struct sbuf *out)
{
	const char	*p;
	int		 hi, lo;

	if (qs == NULL)
		return (0);
	for (p = qs; p != NULL; p = strchr(p, '&')) {
		if (*p == '&')
			p++;
		if (p[0] == 'q' && p[1] == '=')
			break;
	}
	if (p == NULL)
		return (0);
	for (p += 2; *p != '\0' && *p != '&'; p++) {
		if (*p == '+')
			sbuf_putc(out, ' ');
		else if (*p == '%' && (hi = search_hexval(p[1])) != -1 &&
		    (lo = search_hexval(p[2])) != -1) {
			sbuf_putc(out, (char)(hi * 16 + lo));
			p += 2;
		} else
			sbuf_putc(out, *p);
	}
	return (1);
}

/*
 * Read q and parse it. A q that cannot be searched gets its message
 * next to the field, and is shown again unless it cannot be shown as
 * typed (bytes that are no text).
 */
static void
search_q(struct http_request *req, struct search_ctx *ctx)
{
	const char	*q;
	size_t		 len;
	enum sq_err	 err;

	if (!search_raw_q(req->query_string, &ctx->q))
		return;
	ctx->has_q = 1;
	q = sbuf_cstr(&ctx->q);
	len = ctx->q.len;
	if (!html_utf8_valid(q, len)) {
		ctx->q_err = MSG_search_bad_chars;
		return;
	}
	ctx->keep_q = 1;
	if (form_chars(q) > SEARCH_MAX_CHARS) {
		ctx->q_err = MSG_search_too_long;
		return;
	}
	switch ((err = squery_parse(&ctx->sq, q, len))) {
	case SQ_OK:
		break;
	case SQ_EMPTY:
		ctx->q_err = MSG_srch_empty;
		break;
	case SQ_BAD_UTF8:
		/* Other control bytes than tab, CR and LF. */
		ctx->q_err = MSG_search_bad_chars;
		ctx->keep_q = 0;
		break;
	case SQ_TOO_LONG:
		ctx->q_err = MSG_search_too_long;
		break;
	case SQ_NO_TERMS:
		ctx->q_err = MSG_srch_no_terms;
		break;
	case SQ_ONLY_NOT:
		ctx->q_err = MSG_srch_only_not;
		break;
	}
	if (err != SQ_OK)
		return;
	if (squery_json(&ctx->sq, &ctx->json) == -1 ||
	    (ctx->nwords = squery_words(&ctx->sq, &ctx->words)) == -1) {
		/* Cannot happen with an sbuf (it aborts); answer anyway. */
		ctx->q_err = MSG_search_too_long;
		ctx->nwords = 0;
	}
}

/*
 * The filters. Kore drops a value that fails its validator (too long,
 * control bytes) without a word: path_query_has() tells it from an
 * absent one.
 */
static void
search_args(struct http_request *req, struct search_ctx *ctx)
{
	const char	*qs = req->query_string;
	char		*v, *end;
	long		 n;
	int		 k, ok;

	for (k = 0; k < SR__MAX; k++) {
		ok = 0;
		if (http_argument_get_string(req, search_key_name(k), &v)) {
			if (k == SR_SOORT)
				ok = search_kind_label(ctx->loc, v) != NULL;
			else if (k == SR_JAAR) {
				errno = 0;
				n = strtol(v, &end, 10);
				ok = strlen(v) == 4 && *end == '\0' &&
				    errno == 0 && n >= SEARCH_YEAR_MIN &&
				    n <= SEARCH_YEAR_MAX;
			} else
				ok = path_slug_ok(v, strlen(v)) == 1;
			if (ok)
				(void)kore_strlcpy(ctx->val[k], v,
				    sizeof(ctx->val[k]));
		}
		if (!ok && path_query_has(qs, search_key_name(k))) {
			fv_form_error(&ctx->fv, filter_msgs[k].bad, NULL);
			ctx->bad = 1;
		}
	}
	if (http_argument_get_string(req, "pagina", &v)) {
		errno = 0;
		n = strtol(v, &end, 10);
		if (*v >= '1' && *v <= '9' && *end == '\0' && errno == 0 &&
		    n <= SEARCH_PAGE_MAX)
			ctx->page = n;
		else {
			fv_form_error(&ctx->fv, MSG_srch_bad_page, NULL);
			ctx->bad = 1;
		}
	} else if (path_query_has(qs, "pagina")) {
		fv_form_error(&ctx->fv, MSG_srch_bad_page, NULL);
		ctx->bad = 1;
	}
}

/*
 * The session is loaded: show the form with its message, or check the
 * filters that name something by slug, or search.
 */
static int
search_start(struct http_request *req, struct db_ctx *db)
{
	struct search_ctx	*ctx = (struct search_ctx *)db;

	if (!ctx->has_q || ctx->q_err != MSG__MAX) {
		search_page(req, ctx);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->val[SR_THEMA][0] == '\0' &&
	    ctx->val[SR_GEMEENSCHAP][0] == '\0' &&
	    ctx->val[SR_REGIO][0] == '\0')
		return (search_cached(req, db, search_query));
	db->params[0] = ctx->val[SR_THEMA];
	db->params[1] = ctx->val[SR_GEMEENSCHAP];
	db->params[2] = ctx->val[SR_REGIO];
	db->params[3] = db->user.loaded ? db->user.id : "";
	db->params[4] = i18n_code(ctx->loc);
	return (db_chain(req, db, &q_search_known, search_known_row,
	    search_known_done));
}

static void
search_known_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct search_ctx	*ctx = (struct search_ctx *)db;
	const enum sr_key	 k[3] = { SR_THEMA, SR_GEMEENSCHAP, SR_REGIO };
	int			 i;

	for (i = 0; i < 3; i++) {
		if (!db_isnull(sql, r, i))
			(void)kore_strlcpy(ctx->known[k[i]],
			    db_text(sql, r, i), sizeof(ctx->known[k[i]]));
	}
}

/* A slug that names nothing (the reader may see) is refused, left out. */
static int
search_known_done(struct http_request *req, struct db_ctx *db)
{
	struct search_ctx	*ctx = (struct search_ctx *)db;
	const enum sr_key	 k[3] = { SR_THEMA, SR_GEMEENSCHAP, SR_REGIO };
	int			 i;

	for (i = 0; i < 3; i++) {
		if (ctx->val[k[i]][0] != '\0' && ctx->known[k[i]][0] == '\0') {
			fv_form_error(&ctx->fv, filter_msgs[k[i]].bad, NULL);
			ctx->bad = 1;
			ctx->val[k[i]][0] = '\0';
		}
	}
	return (search_cached(req, db, search_query));
}

static int
search_query(struct http_request *req, struct db_ctx *db)
{
	struct search_ctx	*ctx = (struct search_ctx *)db;
	int			 k;

	(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
	    (ctx->page - 1) * SEARCH_PAGE);
	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d", SEARCH_PAGE);
	db->params[0] = sbuf_cstr(&ctx->json);
	db->params[1] = db->user.loaded ? db->user.id : "";
	db->params[2] = i18n_code(ctx->loc);
	for (k = 0; k < SR__MAX; k++)
		db->params[3 + k] = ctx->val[k];
	db->params[8] = ctx->offset;
	db->params[9] = ctx->limit;
	db->params[10] = ctx->nwords > 0 ? sbuf_cstr(&ctx->words) : "[]";
	return (db_chain(req, db, &q_search, search_row, search_done));
}

/* The facet rows of q_search: their filter, and whether B names it. */
static const struct facet_type {
	const char	*type;
	enum sr_key	 key;
	int		 labelled;
} facet_types[] = {
	{ QS_FKIND, SR_SOORT, 0 },
	{ QS_FTHEME, SR_THEMA, 1 },
	{ QS_FCOMM, SR_GEMEENSCHAP, 1 },
	{ QS_FREGION, SR_REGIO, 1 },
	{ QS_FYEAR, SR_JAAR, 0 },
};

static const struct facet_type *
search_facet_type(const char *type)
{
	size_t	i;

	for (i = 0; i < sizeof(facet_types) / sizeof(facet_types[0]); i++)
		if (strcmp(type, facet_types[i].type) == 0)
			return (&facet_types[i]);
	return (NULL);
}

static void
search_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct search_ctx	*ctx = (struct search_ctx *)db;
	const struct facet_type	*f;
	const char		*type, *a, *b;
	char			*end;
	long			 n;
	int			 rc = 0;

	type = db_text(sql, r, QS_TYPE);
	a = db_text(sql, r, QS_A);
	b = db_text(sql, r, QS_B);
	if (strcmp(type, QS_HIT) == 0) {
		rc = search_hit(ctx, a, b, db_text(sql, r, QS_C),
		    db_text(sql, r, QS_D), db_text(sql, r, QS_E),
		    db_text(sql, r, QS_F), db_text(sql, r, QS_G));
		ctx->nhits++;
	} else if (strcmp(type, QS_TOTAL) == 0)
		ctx->total = strtol(db_text(sql, r, QS_N), NULL, 10);
	else if (strcmp(type, QS_VOID) == 0)
		ctx->isvoid = 1;
	else if ((f = search_facet_type(type)) != NULL)
		rc = search_facet_row(ctx, f->key, a, f->labelled ? b : NULL,
		    db_text(sql, r, QS_N));
	else if (strcmp(type, QS_SUGGEST) == 0) {
		errno = 0;
		n = strtol(db_text(sql, r, QS_N), &end, 10);
		if (errno == 0 && *end == '\0' && n >= 0 &&
		    n < ctx->nwords && n < SQ_MAX_TERMS && *a != '\0' &&
		    ctx->subst[n] == NULL) {
			ctx->subst[n] = kore_strdup(a);
			ctx->nsubst++;
		}
	} else if (strcmp(type, QS_TITLE) == 0)
		rc = search_title(ctx, a, b);
	if (rc != 0)
		db->failed = 1;
}

static int
search_done(struct http_request *req, struct db_ctx *db)
{
	search_page(req, (struct search_ctx *)db);
	return (HTTP_STATE_COMPLETE);
}

static void
search_free(struct http_request *req)
{
	struct search_ctx	*ctx = http_state_get(req);
	int			 i;

	sbuf_free(&ctx->q);
	sbuf_free(&ctx->json);
	sbuf_free(&ctx->words);
	sbuf_free(&ctx->rows);
	sbuf_free(&ctx->titles);
	for (i = 0; i < SR__MAX; i++)
		sbuf_free(&ctx->groups[i]);
	for (i = 0; i < SQ_MAX_TERMS; i++)
		kore_free(ctx->subst[i]);
	fv_free(&ctx->fv);
}
