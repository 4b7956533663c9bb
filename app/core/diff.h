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
 * Appends the diff of a -> b to out as one table (no header row: it is
 * marked role="presentation", read row by row, because the column
 * names would have to come from the caller's language; every row says
 * what happened in text, so neither colour nor layout carries it):
 *
 *   <table class="diff" role="presentation">
 *   <tr class="diff-same"><td class="diff-n">4</td><td class="diff-n">5</td>
 *     <td class="diff-m"></td><td class="diff-t">text</td></tr>
 *   <tr class="diff-del"><td class="diff-n">5</td><td class="diff-n"></td>
 *     <td class="diff-m">−</td><td class="diff-t">de <del>oude</del> tekst</td></tr>
 *   <tr class="diff-ins"><td class="diff-n"></td><td class="diff-n">6</td>
 *     <td class="diff-m">+</td><td class="diff-t">de <ins>nieuwe</ins> tekst</td></tr>
 *   <tr class="diff-fold"><td colspan="4">… 12 ongewijzigde regels</td></tr>
 *   </table>
 *
 * Columns: old line number, new line number (empty where the line is
 * not on that side), marker ("−" U+2212 removed, "+" added, empty for
 * unchanged), text. Lines end at "\n" or "\r\n" (so CRLF and LF texts
 * compare equal); a missing final newline makes no difference. A
 * removed line followed by an added one is shown as a pair, with the
 * changed words in <del>/<ins>; other removed or added lines are
 * wrapped whole. Unchanged runs keep 3 lines of context next to each
 * change; the rest of a run (if at least 2 lines) becomes one
 * diff-fold row, whose label is fold_fmt with its %zu filled in (the
 * caller's i18n string; it must hold exactly one %zu and no other %,
 * else a Dutch fallback is used; its text is escaped). Identical texts
 * give a single fold row. Over the caps: all removed, then all added,
 * without word marks. st may be NULL. Returns 0.
 */
int	diff_html(struct sbuf *out, const char *a, size_t alen,
	    const char *b, size_t blen, const char *fold_fmt,
	    struct diff_stats *st);

#endif
