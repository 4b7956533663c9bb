/*
 * Markdown to HTML through cmark in its safe default mode.
 */
#ifndef BRON_MD_H
#define BRON_MD_H

#include <stddef.h>

#include "sbuf.h"

#define MD_MAX_INPUT	(256 * 1024)

/* 0 on success, -1 if the input is too large. Output is appended. */
int	md_render(struct sbuf *, const char *, size_t);

/*
 * Everything an item keeps from its Markdown body, from one parse:
 * html   the body, with id="..." on every h2 and h3 (toc.c) and
 *        rel="nofollow noopener ugc" on every link
 * toc    the table of contents (toc_html), "" below two headings
 * links  "kind/slug\n" per Bron item linked (links.c)
 * words  the number of words, for the reading time
 */
struct md_doc {
	struct sbuf	html;
	struct sbuf	toc;
	struct sbuf	links;
	size_t		words;
};

void	md_doc_init(struct md_doc *);
void	md_doc_free(struct md_doc *);
/*
 * 0 on success, -1 if the input is too large (then all fields are
 * empty). Replaces what d held before. base as in links.h. Words are
 * the blank-separated runs in text, code and code blocks.
 */
int	md_doc_render(struct md_doc *, const char *, size_t,
	    const char *base);
/*
 * Rendered HTML shown inside another page (an editor's preview): the
 * heading ids (' id="') and in-page links ('href="#') get prefix, so
 * they cannot collide with the page's own ids and still meet. In
 * cmark's safe output those bytes come only from md_doc_render's ids
 * and fragment links (typed quotes are escaped). Appends to out.
 */
void	md_prefix_ids(struct sbuf *out, const char *html, const char *prefix);

/* Minutes at 200 words a minute, rounded up, at least 1. */
unsigned int	md_reading_minutes(size_t words);

#endif
