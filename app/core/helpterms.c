/*
 * The help banner's search terms (helpterms.h). The query and every term
 * are folded the same way: split at ASCII bytes that are no letter or
 * digit (and NUL), each piece folded by slug_make() (diacritics to
 * ASCII, lowercase, any other character a hyphen), every word written
 * as " word". A term matches where " term" occurs in the folded query:
 * it starts at a word, its inner words are whole, its last word may go
 * on ("zelfmoord" in " zelfmoordgedachten").
 */
#include <string.h>

#include "core/helpterms.h"
#include "core/slug.h"

/* A piece longer than this is folded in parts (slug_make cuts at 80). */
#define PIECE_MAX	SLUG_MAX
#define TERM_MAX	128

static int	is_sep(unsigned char);
static void	put_piece(const char *, size_t, char *, size_t, size_t *);
static const char *folded_term(size_t);

static char	terms_folded[HELP_TERMS_MAX][TERM_MAX];
static size_t	terms_ready;

static int
is_sep(unsigned char c)
{
	if (c >= 0x80)
		return (0);
	return (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9')));
}

/* Fold one piece (no separators in it) and append its words. */
static void
put_piece(const char *p, size_t n, char *out, size_t outsz, size_t *len)
{
	char	in[PIECE_MAX + 1], slug[SLUG_MAX + 1];
	size_t	k, i;

	memcpy(in, p, n);
	in[n] = '\0';
	k = slug_make(in, slug, sizeof(slug));
	for (i = 0; i < k; i++) {
		if (*len + 2 >= outsz)
			break;
		if (i == 0)
			out[(*len)++] = ' ';
		out[(*len)++] = slug[i] == '-' ? ' ' : slug[i];
	}
	out[*len] = '\0';
}

size_t
help_fold(const char *in, size_t n, char *out, size_t outsz)
{
	size_t	i, start, len;

	if (outsz == 0)
		return (0);
	out[0] = '\0';
	len = 0;
	if (n > HELP_QUERY_MAX)
		n = HELP_QUERY_MAX;
	i = 0;
	while (i < n) {
		while (i < n && is_sep((unsigned char)in[i]))
			i++;
		start = i;
		while (i < n && !is_sep((unsigned char)in[i]) &&
		    i - start < PIECE_MAX)
			i++;
		if (i > start)
			put_piece(in + start, i - start, out, outsz, &len);
	}
	return (len);
}

/* Term i folded once ("" for an empty or too long one). */
static const char *
folded_term(size_t i)
{
	size_t	k;

	if (terms_ready == 0) {
		for (k = 0; k < help_terms_n &&
		    k < sizeof(terms_folded) / sizeof(terms_folded[0]); k++)
			(void)help_fold(help_terms[k], strlen(help_terms[k]),
			    terms_folded[k], sizeof(terms_folded[k]));
		terms_ready = 1;
	}
	if (i >= sizeof(terms_folded) / sizeof(terms_folded[0]))
		return ("");
	return (terms_folded[i]);
}

int
help_matchn(const char *q, size_t n)
{
	char		 folded[2 * HELP_QUERY_MAX + 2];
	const char	*t;
	size_t		 i;

	if (q == NULL || n == 0)
		return (0);
	if (help_fold(q, n, folded, sizeof(folded)) == 0)
		return (0);
	for (i = 0; i < help_terms_n; i++) {
		t = folded_term(i);
		if (*t != '\0' && strstr(folded, t) != NULL)
			return (1);
	}
	return (0);
}

int
help_match(const char *q)
{
	if (q == NULL)
		return (0);
	return (help_matchn(q, strnlen(q, HELP_QUERY_MAX)));
}
