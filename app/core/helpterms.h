/*
 * Does a search ask for help? help_match() is true when the query
 * contains a term of the Dutch list app/core/help-terms.txt (compiled in
 * by the Makefile: build/helpterms_list.c) as a whole word or the start
 * of a word; a term of more words matches them in a row. Case and
 * accents do not count (diacritics folded as in slugs, core/slug.h).
 * Safe on any bytes: invalid UTF-8 separates words, and only the first
 * HELP_QUERY_MAX bytes are read.
 */
#ifndef BRON_HELPTERMS_H
#define BRON_HELPTERMS_H

#include <stddef.h>

#define HELP_QUERY_MAX	1024
/* At most this many terms (tests/unit/test_helpterms.c checks). */
#define HELP_TERMS_MAX	128

/* The list, one term a line, comments and empty lines left out. */
extern const char *const	help_terms[];
extern const size_t		help_terms_n;

/* A NUL-terminated query. */
int	help_match(const char *);
/* n bytes that may hold NUL bytes (each one separates words). */
int	help_matchn(const char *, size_t);
/*
 * The words of in (n bytes) folded to lowercase ASCII, each preceded by
 * one space (" dood willen"); "" when there are none. Returns the
 * length, always < outsz (outsz > 0).
 */
size_t	help_fold(const char *in, size_t n, char *out, size_t outsz);

#endif
