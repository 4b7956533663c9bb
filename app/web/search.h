/*
 * The search page (issue 11): web/search.c reads the request and runs
 * db/q_search.c, web/search_render.c writes the page, web/search_facets.c
 * the filters, their links and the pager. Shared here: the request's
 * state.
 */
#ifndef BRON_WEB_SEARCH_H
#define BRON_WEB_SEARCH_H

#include "core/i18n.h"
#include "core/path.h"
#include "core/pcache.h"
#include "core/sbuf.h"
#include "core/squery.h"
#include "db/db.h"
#include "web/fv.h"

#define SEARCH_PATH		"/zoeken"
#define SEARCH_PAGE		20	/* hits per page */
#define SEARCH_PAGE_MAX		100000L
#define SEARCH_MAX_CHARS	200	/* characters of q (MSG_search_too_long) */
/* Our links send at most seven; Kore silently drops past 20. */
#define SEARCH_MAX_ARGS		10
#define SEARCH_YEAR_MIN		1900
#define SEARCH_YEAR_MAX		2100
#define SEARCH_TITLES		3
#define SEARCH_LABEL_MAX	512	/* bytes of a filter value's name */

/* The filters, in the order of their links and of q_search's $4..$8. */
enum sr_key { SR_SOORT, SR_THEMA, SR_GEMEENSCHAP, SR_REGIO, SR_JAAR,
	SR__MAX };

struct search_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	/* q as typed (decoded from the query string), NUL-terminated. */
	struct sbuf	 q;
	int		 has_q;		/* q= was sent (maybe empty) */
	int		 keep_q;	/* show q in the field again */
	enum msg_id	 q_err;		/* next to the field; MSG__MAX: none */
	int		 bad;		/* a refused filter: 400 */
	struct fv	 fv;		/* the refused filters' summary */
	struct squery	 sq;
	struct sbuf	 json;		/* squery_json(): $1 */
	struct sbuf	 words;		/* squery_words(): $11 */
	int		 nwords;
	/* The chosen filter values ('' for none), checked. */
	char		 val[SR__MAX][PATH_SLUG_MAX + 1];
	/* Names of the chosen theme, community, region (q_search_known). */
	char		 known[SR__MAX][SEARCH_LABEL_MAX];
	long		 page;
	char		 offset[24];
	char		 limit[8];
	/* What the query gave. */
	struct sbuf	 rows;		/* the hits' HTML */
	int		 nhits;
	long		 total;		/* -1: no total row */
	int		 isvoid;	/* QS_VOID */
	struct sbuf	 groups[SR__MAX];	/* filter values' HTML */
	int		 seen[SR__MAX];	/* the chosen value came as a row */
	char		*subst[SQ_MAX_TERMS];	/* did-you-mean words */
	int		 nsubst;
	struct sbuf	 titles;	/* "Misschien zoek je" items' HTML */
	/*
	 * Visitors: the content generation and the page cache key (a hash
	 * of everything that shapes the results; search_cache.c).
	 */
	long long	 gen;
	int		 gen_ok;
	char		 key[PCACHE_KEY_MAX + 1];
	int		(*next)(struct http_request *, struct db_ctx *);
};

/* search_facets.c */
/* The label of a search_doc.kind; NULL when it is no kind. */
const char	*search_kind_label(enum locale, const char *);
/* The GET parameter of a filter ("soort"). */
const char	*search_key_name(enum sr_key);
/*
 * /zoeken?q=... with the chosen filters, filter k set to v instead
 * (k = SR__MAX: none changed; v NULL or "": without k), at page p.
 */
void		 search_href(struct sbuf *, const struct search_ctx *, int,
		    const char *, long);
/* One facet row (QS_F*) of filter k into ctx->groups[k]; -1 on error. */
int		 search_facet_row(struct search_ctx *, enum sr_key,
		    const char *value, const char *label, const char *count);
/* The filters' <nav> (nothing when there is nothing to filter). */
int		 search_filters(struct sbuf *, struct search_ctx *);

/* search_cache.c */
/*
 * Visitors' result pages come from the worker's page cache at the
 * current content generation: search_cached() runs next when the page
 * was not cached (or the reader is signed in, or a filter was refused).
 */
int		 search_cached(struct http_request *, struct db_ctx *,
		    int (*next)(struct http_request *, struct db_ctx *));
/* Keep the rendered main part of a visitor's page, when cacheable. */
void		 search_cache_put(struct search_ctx *, int, struct sbuf *,
		    const char *);

/* search_render.c */
/* One QS_HIT row into ctx->rows; -1 on a template error. */
int		 search_hit(struct search_ctx *, const char *path,
		    const char *title, const char *kind, const char *summary,
		    const char *snippet, const char *warnings,
		    const char *community);
/* One QS_TITLE row into ctx->titles. */
int		 search_title(struct search_ctx *, const char *path,
		    const char *title);
/* The whole page, with status 200, or 400 for refused input. */
void		 search_page(struct http_request *, struct search_ctx *);

#endif
