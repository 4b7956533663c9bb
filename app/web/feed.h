/*
 * The Atom writer of web/feed.c, for other feeds (communities): entries
 * from rows with the QF_* columns of db/q_article.h, then the document.
 */
#ifndef BRON_WEB_FEED_H
#define BRON_WEB_FEED_H

#include "core/i18n.h"
#include "core/sbuf.h"

struct http_request;
struct kore_pgsql;

int	feed_entry(struct sbuf *, enum locale, struct kore_pgsql *, int);
void	feed_write(struct http_request *, enum locale, const char *,
	    const char *, const char *, const char *, const char *,
	    struct sbuf *);

#endif
