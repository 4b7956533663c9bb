/*
 * cmark wrapper. cmark 0.30 drops raw HTML and javascript:/vbscript:/
 * data: links unless the unsafe option is given, which we never do (a
 * test greps for it). Links in user content get rel="nofollow noopener
 * ugc": cmark cannot add attributes, so we post-process its own output,
 * where every link starts with the exact bytes "<a href=\"".
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "md.h"
#include "sbuf.h"

#define MD_OPTIONS	(CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART)

int
md_render(struct sbuf *out, const char *in, size_t len)
{
	static const char	 link[] = "<a href=\"";
	char			*html, *p, *q;

	if (len > MD_MAX_INPUT)
		return (-1);
	html = cmark_markdown_to_html(in, len, MD_OPTIONS);
	if (html == NULL)
		abort();
	p = html;
	while ((q = strstr(p, link)) != NULL) {
		sbuf_add(out, p, (size_t)(q - p));
		sbuf_puts(out, "<a rel=\"nofollow noopener ugc\" href=\"");
		p = q + sizeof(link) - 1;
	}
	sbuf_puts(out, p);
	free(html);
	return (0);
}
