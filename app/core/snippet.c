/*
 * Search snippets as HTML (core/snippet.h).
 */
#include <string.h>

#include "core/html.h"
#include "core/sbuf.h"
#include "core/snippet.h"

static size_t	snippet_run(const char *, size_t);

/* Bytes up to the next marker (or the end). */
static size_t
snippet_run(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (s[i] == SNIPPET_START || s[i] == SNIPPET_STOP)
			break;
	}
	return (i);
}

size_t
snippet_html(struct sbuf *out, const char *s, size_t len)
{
	size_t	i, n, marks;
	int	open;

	open = 0;
	marks = 0;
	i = 0;
	while (i < len) {
		n = snippet_run(s + i, len - i);
		if (n > 0) {
			if (open == 1) {
				sbuf_puts(out, "<mark>");
				open = 2;
			}
			html_text(out, s + i, n);
			i += n;
			continue;
		}
		/*
		 * A marker. open: 0 outside, 1 a mark begun but nothing
		 * written yet (so an empty one leaves no trace), 2 inside.
		 */
		if (s[i] == SNIPPET_START) {
			if (open == 0)
				open = 1;
		} else if (open == 2) {
			sbuf_puts(out, "</mark>");
			marks++;
			open = 0;
		} else
			open = 0;
		i++;
	}
	if (open == 2) {
		sbuf_puts(out, "</mark>");
		marks++;
	}
	return (marks);
}
