/*
 * Search snippets: the plain text ts_headline() gives (db/q_search.h,
 * QS_E) with each match between \x01 and \x02, written as HTML. The
 * text is escaped (html_text: & < > " ' escaped, bad UTF-8 replaced,
 * other control bytes dropped) and the markers become <mark> and
 * </mark>. Whatever the markers do, the result is well-formed: a \x01
 * inside a mark and a \x02 outside one are dropped, a mark left open is
 * closed at the end, and an empty mark is not written.
 */
#ifndef BRON_SNIPPET_H
#define BRON_SNIPPET_H

#include <stddef.h>

struct sbuf;

#define SNIPPET_START	'\x01'
#define SNIPPET_STOP	'\x02'

/* Append the HTML of len bytes of s to out; returns how many marks. */
size_t	snippet_html(struct sbuf *out, const char *s, size_t len);

#endif
