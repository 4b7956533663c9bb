/*
 * Table of contents from a document's h2 and h3 headings. Each heading
 * gets an anchor id: the slug of its text (slug.c), "kop" when that is
 * empty, made unique in the document with -2, -3, ... and never one
 * the pages use themselves ("inhoud", the skip link's target, and the
 * others listed in toc.c, or any ending in -title, -hint, -error: a
 * heading "Inhoud" gets "inhoud-2"). The TOC is an
 * <ol> of links (h3 nested under the h2 before it) whose text is
 * escaped; with fewer than TOC_MIN headings it is empty.
 */
#ifndef BRON_TOC_H
#define BRON_TOC_H

#include <stddef.h>

#include <cmark.h>

#include "slug.h"

#define TOC_MIN		2
#define TOC_MAX		200	/* headings beyond this get no id */

struct sbuf;

struct toc_entry {
	int	 level;			/* 2 or 3 */
	char	 id[SLUG_MAX + 8];
	char	*text;			/* plain text, malloc'd */
};

struct toc {
	struct toc_entry	v[TOC_MAX];
	size_t			n;
};

/*
 * Collect the h2/h3 headings of a parsed cmark document, in order (any
 * depth: in lists and quotes too, as cmark renders those as <h2> as
 * well). Sets t->n; free with toc_free().
 */
void	toc_collect(struct toc *, cmark_node *);
void	toc_free(struct toc *);
/*
 * Append the TOC HTML (nothing below TOC_MIN entries with text; a
 * heading without text keeps its id but gets no empty link):
 *   <ol class="toc"><li><a href="#id">h2 text</a>
 *   <ol><li><a href="#id-2">h3 text</a></li></ol></li> ...</ol>
 * The caller wraps it in <nav aria-labelledby="..."> with a heading.
 */
void	toc_html(struct sbuf *, const struct toc *);
/*
 * Copy cmark's HTML to out, giving the k-th "<h2>"/"<h3>" the k-th
 * entry's id. In safe mode these bytes can only come from headings
 * (raw HTML is omitted, text is escaped), so counting them is exact.
 */
void	toc_ids(struct sbuf *out, const struct toc *, const char *html);

#endif
