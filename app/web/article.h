/*
 * Reading articles (web/article.c): what the article page shows every
 * reader, kept apart from the parts that depend on who reads, so a
 * visitor's page can be cached (core/pcache.h) around article_main().
 */
#ifndef BRON_ARTICLE_H
#define BRON_ARTICLE_H

#include "core/i18n.h"
#include "core/sbuf.h"
#include "db/q_article.h"

#define ARTICLE_COLS	(QA_NCOLS - QA_C1)

/* One row of q_article_page, copied out of the PGresult. */
struct article_row {
	int	 type;			/* QA_ARTICLE ... QA_BACKLINK */
	char	*c[ARTICLE_COLS];	/* QA_C1..; NULL for SQL NULL */
};

struct article_rows {
	struct article_row	*v;
	size_t			 n;
	size_t			 cap;
};

void	article_rows_init(struct article_rows *);
/* Copy row r of a q_article_page result. */
void	article_rows_add(struct article_rows *, struct kore_pgsql *, int);
void	article_rows_free(struct article_rows *);
/* The first row of a type, or NULL. */
const struct article_row *article_rows_first(const struct article_rows *,
	    int);

/*
 * The article as every reader sees it, from the rows of one
 * q_article_page result: appends the <article> to out and its title
 * (plain text) to title. Nothing in it depends on who reads. -1 when
 * the rows hold no article or a template failed.
 */
int	article_main(struct sbuf *out, struct sbuf *title, enum locale,
	    const struct article_rows *);

/*
 * One item of any kind in a list (theme page, related, list): title
 * link by kind path, summary, and a meta line of the kind label (when
 * with_kind), the publication date and the reading time (words > 0).
 */
int	article_item_row(struct sbuf *, enum locale, const char *kind,
	    const char *slug, const char *title, const char *summary,
	    const char *date, const char *words, int with_kind);

/*
 * "Gerelateerd" or "Genoemd in" (rows of type QA_RELATED or QA_BACKLINK:
 * kind, slug, title, summary): a section with heading and id, when there
 * is anything.
 */
int	article_refs(struct sbuf *, enum locale, const struct article_rows *,
	    int type, const char *id, enum msg_id heading);

/* 301 to a local path (a merged theme's old slug, for instance). */
void	article_moved(struct http_request *, const char *);

#endif
