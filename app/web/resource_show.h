/*
 * The resource page (web/resource_show.c: the request and the parts
 * that depend on who reads; web/resource_show_main.c: what every reader
 * sees) and the small text pieces the resource list shares with it.
 */
#ifndef BRON_RESOURCE_SHOW_H
#define BRON_RESOURCE_SHOW_H

#include "core/i18n.h"
#include "core/sbuf.h"
#include "web/article.h"

#define RESOURCE_PATH	"/bronnen"

/*
 * The resource as its readers see it, from the rows of one
 * q_resource_page result: appends the <article> to out and its title
 * (plain text) to title. Nothing in it depends on who reads. -1 when
 * the rows hold no resource or a template failed.
 */
int	resource_main(struct sbuf *out, struct sbuf *title, enum locale,
	    const struct article_rows *);

/* Column i (0 = QA_C1) of a row, or of none (NULL), as text; "" for NULL. */
const char	*resource_col(const struct article_row *, int);
/* The name of a resource type (core/resource.h), or the SQL value. */
const char	*resource_type_name(enum locale, const char *);
/* "PDF", "Word-document", ... for an upload's mime type. */
const char	*resource_mime_name(enum locale, const char *);
/* "830 bytes", "12 kB", "1,2 MB" for a size in bytes (decimal text). */
void		 resource_size_text(struct sbuf *, enum locale, const char *);
/* "1 keer gedownload", "N keer gedownload" (decimal text). */
void		 resource_downloads_text(struct sbuf *, enum locale,
		    const char *);

#endif
