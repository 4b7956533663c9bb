/*
 * The search box's syntax, parsed into terms that SQL turns into a
 * tsquery (search_tsquery() in sql/010_search.sql). No user text is ever
 * handed to to_tsquery(): each term goes through phraseto_tsquery(),
 * which accepts any text, so no query can make PostgreSQL fail.
 *
 * Syntax (the one people know from web search engines):
 *   word word         both must occur (AND)
 *   "a phrase"        these words next to each other, in this order
 *   -word -"phrase"   must not occur
 *   a OR b, a OF b    either (OR binds tighter than AND: a b OR c d is
 *                     a AND (b OR c) AND d)
 * Everything else is a word, punctuation included ("JZ+", "e-health");
 * SQL's text parser splits it further. A word ends at white space or a
 * quote (ab"c d" is ab "c d"). Only upper-case OR and OF are operators
 * ("or", "Of" are words; inside quotes or after "-" they are text). A
 * quote left open runs to the end (unbalanced is set, so the page can
 * say so). Inside quotes white space is one space, none at either end.
 * OR/OF at the start, at the end, or twice in a row (a OR OR b is
 * a OR b), a lone "-" or "--", and empty quotes are ignored; "--word"
 * is "-word". An excluded term never joins an OR group and an OR next
 * to one is dropped: "a OR -b" is "a -b", "a OR -b OR c" is "a -b c".
 *
 * Limits: input of at most SQ_MAX_BYTES bytes (the caller refuses longer
 * input first, with a message); at most SQ_MAX_TERMS terms (the rest is
 * dropped and truncated is set); a term is cut to SQ_TERM_MAX bytes on a
 * UTF-8 boundary.
 */
#ifndef BRON_SQUERY_H
#define BRON_SQUERY_H

#include <stddef.h>

#include "core/sbuf.h"

#define SQ_MAX_BYTES	4096
#define SQ_MAX_TERMS	16
#define SQ_TERM_MAX	120

enum sq_err {
	SQ_OK = 0,
	SQ_EMPTY,	/* nothing but white space */
	SQ_BAD_UTF8,	/* invalid UTF-8, a NUL or another control byte
			   than tab, CR, LF (those count as spaces) */
	SQ_TOO_LONG,	/* more than SQ_MAX_BYTES bytes */
	SQ_NO_TERMS,	/* only operators: quotes, dashes, OR */
	SQ_ONLY_NOT	/* only excluded terms: nothing to look for */
};

struct sq_term {
	char	text[SQ_TERM_MAX + 1];	/* NUL-terminated UTF-8, no quotes */
	int	phrase;			/* typed in quotes */
	int	negated;		/* -word or -"phrase" */
	int	group;			/* terms of one OR group share this;
					   groups count 0, 1, 2 ... in order;
					   excluded terms have -1 */
};

struct squery {
	struct sq_term	terms[SQ_MAX_TERMS];
	size_t		nterms;
	int		unbalanced;	/* a quote was left open */
	int		truncated;	/* terms past SQ_MAX_TERMS dropped */
};

/*
 * Parse len bytes of q (need not be NUL-terminated). On SQ_OK, SQ_NO_TERMS
 * and SQ_ONLY_NOT the struct holds what was found (SQ_NO_TERMS: no terms,
 * unbalanced may be set); on the other errors it is all zero. Checked in
 * this order: SQ_TOO_LONG, SQ_BAD_UTF8 (also DEL and the C1 controls
 * U+0080..U+009F), SQ_EMPTY.
 */
enum sq_err	squery_parse(struct squery *, const char *q, size_t len);

/*
 * The JSON search_tsquery() takes:
 *   {"all":[[{"t":"word","p":false},...],...],"not":[{"t":"..","p":..}]}
 * one inner array per OR group of positive terms, in order. Written
 * with core/jw.c; "not" is there, maybe empty, and "all" holds at least
 * one group on SQ_OK. Returns 0 (sbuf aborts when it cannot grow, so
 * the -1 of the interface does not happen).
 */
int		squery_json(const struct squery *, struct sbuf *);

/*
 * The positive single words (unquoted, not excluded), in order, as a
 * JSON array of strings: what search_suggest() looks at for "did you
 * mean". Returns the number of words, or -1.
 */
int		squery_words(const struct squery *, struct sbuf *);

/*
 * The query written back in the box's syntax, with the i-th word of
 * squery_words() replaced by subst[i] when subst and subst[i] are not
 * NULL (nsubst entries): the "did you mean" link. Phrases get their
 * quotes, excluded terms their "-", groups " OR ". A substitute loses
 * quotes, control bytes and invalid UTF-8, is cut to SQ_TERM_MAX bytes,
 * and is quoted when it holds a space, starts with "-" or is OR/OF (so
 * the link parses back to one term in its place); an empty one keeps the
 * typed word. Without substitutes the output parses back to the same
 * terms. Returns 0 (see squery_json).
 */
int		squery_format(const struct squery *, const char *const *subst,
		    size_t nsubst, struct sbuf *);

#endif
