/*
 * md_render on arbitrary Markdown. No script element, no dangerous URL
 * in any href or src, every link carries the rel attribute, and the
 * output is valid UTF-8 without NUL.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/html.h"
#include "core/md.h"
#include "core/sbuf.h"
#include "fuzz.h"

#define REL	"<a rel=\"nofollow noopener ugc\" href=\""

static size_t	count(const char *, const char *);
static void	check_urls(const char *, const char *);

static size_t
count(const char *s, const char *needle)
{
	size_t	c = 0;

	while ((s = strstr(s, needle)) != NULL) {
		c++;
		s++;
	}
	return (c);
}

/* cmark's own rule (scan_dangerous_url), applied to its output. */
static void
check_urls(const char *html, const char *attr)
{
	const char	*p = html, *u;

	while ((p = strstr(p, attr)) != NULL) {
		u = p + strlen(attr);
		CHECK(strncasecmp(u, "javascript:", 11) != 0);
		CHECK(strncasecmp(u, "vbscript:", 9) != 0);
		CHECK(strncasecmp(u, "file:", 5) != 0);
		if (strncasecmp(u, "data:", 5) == 0)
			CHECK(strncasecmp(u + 5, "image/png", 9) == 0 ||
			    strncasecmp(u + 5, "image/gif", 9) == 0 ||
			    strncasecmp(u + 5, "image/jpeg", 10) == 0 ||
			    strncasecmp(u + 5, "image/webp", 10) == 0);
		p = u;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf	 out;
	char		*low;
	size_t		 i;

	sbuf_init(&out);
	CHECK(md_render(&out, (const char *)data, size) ==
	    (size > MD_MAX_INPUT ? -1 : 0));
	if (out.data == NULL)
		return (0);
	CHECK(strlen(out.data) == out.len);
	CHECK(html_utf8_valid(out.data, out.len));

	if ((low = strdup(out.data)) == NULL)
		abort();
	for (i = 0; low[i] != '\0'; i++)
		low[i] = (char)tolower((unsigned char)low[i]);
	CHECK(strstr(low, "<script") == NULL);
	CHECK(strstr(low, "<iframe") == NULL);
	CHECK(strstr(low, "<svg") == NULL);
	CHECK(strstr(low, "<style") == NULL);
	CHECK(strstr(low, "<object") == NULL);
	free(low);

	check_urls(out.data, " href=\"");
	check_urls(out.data, " src=\"");
	/* Every link cmark wrote got the rel attribute. */
	CHECK(count(out.data, "<a ") == count(out.data, REL));
	CHECK(count(out.data, "<a href") == 0);
	sbuf_free(&out);
	return (0);
}
