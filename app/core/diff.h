/*
 * Differences between two revisions of a Markdown source, for people:
 * a line diff (Myers' O(ND) algorithm), and inside each changed line
 * pair a word diff. Rendered as HTML in which every byte of the input
 * is escaped (html.c); deletions in <del>, insertions in <ins>, each
 * line marked with a visible "-", "+" or " " so the change does not
 * depend on colour. Inputs beyond DIFF_MAX_LINES or an edit distance
 * beyond DIFF_MAX_EDITS fall back to "all old lines removed, all new
 * lines added", so the cost stays bounded.
 */
#ifndef BRON_DIFF_H
#define BRON_DIFF_H

#include <stddef.h>

struct sbuf;

#define DIFF_MAX_LINES	20000
#define DIFF_MAX_EDITS	4000

struct diff_stats {
	size_t	added;		/* lines only in b */
	size_t	removed;	/* lines only in a */
	size_t	same;		/* lines in both */
};

/*
 * Appends the diff of a -> b to out as
 *   <table class="diff"> with one <tr class="diff-del|diff-ins|diff-same">
 *   per line: old line number, new line number, marker, text.
 * Unchanged runs longer than 6 lines are folded to 3 lines of context
 * on each side and one "… N ongewijzigde regels" row (label from the
 * caller: fold_fmt holds one %zu). st may be NULL. Returns 0.
 */
int	diff_html(struct sbuf *out, const char *a, size_t alen,
	    const char *b, size_t blen, const char *fold_fmt,
	    struct diff_stats *st);

#endif
