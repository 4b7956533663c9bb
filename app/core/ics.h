/*
 * iCalendar (RFC 5545) content lines for the series' calendar feed
 * (web/mm_ics.c). Every line ends in CRLF and is folded so that no line
 * is longer than ICS_LINE_MAX octets (continuation lines start with one
 * space, which counts), never inside a UTF-8 sequence. TEXT values are
 * escaped: backslash, ";" and "," get a backslash, a newline (LF, CR or
 * CRLF) becomes "\n", a tab a space; other control bytes are dropped
 * and invalid UTF-8 becomes U+FFFD, so the output is always valid UTF-8.
 */
#ifndef BRON_ICS_H
#define BRON_ICS_H

#include <stddef.h>

struct sbuf;

#define ICS_LINE_MAX	75

/* "NAME:value" with value as it is (a date, a number, a URI); folded. */
void	ics_line(struct sbuf *, const char *, const char *);
/* "NAME:" and the TEXT value escaped; folded. */
void	ics_text(struct sbuf *, const char *, const char *);
/* The TEXT escaping of len bytes of s, appended (no folding). */
void	ics_escape(struct sbuf *, const char *, size_t);
/* Append one logical line of len bytes, folded, with CRLF. */
void	ics_fold(struct sbuf *, const char *, size_t);

#endif
