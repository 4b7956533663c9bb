/*
 * Rendering pages: views (embedded templates) filled through tpl.c, and
 * the site layout around them.
 */
#ifndef BRON_VIEW_H
#define BRON_VIEW_H

#include "core/i18n.h"
#include "core/sbuf.h"
#include "core/tpl.h"
#include "views.h"

struct http_request;

/* Append view v rendered with binds; -1 (logged) on a template error. */
int	view_append(struct sbuf *, enum view_id, enum locale,
	    const struct tpl_bind *, size_t);
/* Rows, or the empty-state message when there are none. */
int	view_rows_or_empty(struct sbuf *, struct sbuf *, int, enum locale,
	    enum msg_id);
/*
 * Render view v inside the layout and send it with the given status.
 * nav is the nav path to mark as current (or NULL).
 */
void	view_page(struct http_request *, int, enum locale, const char *,
	    const char *, enum view_id, const struct tpl_bind *, size_t);
/*
 * A list page (VIEW_list): title, intro, and the rows or the empty-state
 * message, with nav marking navcur.
 */
void	view_list_page(struct http_request *, enum locale, enum msg_id,
	    enum msg_id, const char *, struct sbuf *, int, enum msg_id);
/* Same, with main content already rendered into an sbuf. */
void	view_page_main(struct http_request *, int, enum locale,
	    const char *, const char *, struct sbuf *);

/*
 * A visitor's page from this worker's page cache (core/pcache.h): sent,
 * and 1, when key holds it at generation gen; else 0 and nothing sent.
 */
int	view_cached(struct http_request *, enum locale, const char *key,
	    long long gen, const char *navcur);

#define NBINDS(a)	(sizeof(a) / sizeof((a)[0]))

#endif
