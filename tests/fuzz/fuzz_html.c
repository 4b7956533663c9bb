/*
 * html_text, html_url and html_utf8_valid on arbitrary bytes. Whatever
 * goes in, what comes out is safe inside an element or a quoted
 * attribute: no raw < > " ', no NUL, no C0 control other than tab, LF,
 * CR, and valid UTF-8.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/html.h"
#include "core/sbuf.h"
#include "fuzz.h"

static void	check_safe(const struct sbuf *);

static void
check_safe(const struct sbuf *sb)
{
	size_t			 i;
	const unsigned char	*p = (const unsigned char *)sb->data;

	for (i = 0; i < sb->len; i++) {
		CHECK(p[i] != '<' && p[i] != '>' && p[i] != '"' &&
		    p[i] != '\'');
		CHECK(p[i] != '\0');
		CHECK(p[i] >= 0x20 || p[i] == '\t' || p[i] == '\n' ||
		    p[i] == '\r');
		CHECK(p[i] != 0x7f);
	}
	CHECK(html_utf8_valid(sb->data, sb->len));
	/* Every '&' starts one of the five entities. */
	for (i = 0; i < sb->len; i++) {
		if (p[i] != '&')
			continue;
		CHECK(strncmp(sb->data + i, "&amp;", 5) == 0 ||
		    strncmp(sb->data + i, "&lt;", 4) == 0 ||
		    strncmp(sb->data + i, "&gt;", 4) == 0 ||
		    strncmp(sb->data + i, "&quot;", 6) == 0 ||
		    strncmp(sb->data + i, "&#39;", 5) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	struct sbuf	 sb;
	char		 url[16];
	size_t		 i, n;
	int		 valid, ok;

	valid = html_utf8_valid(s, size);
	sbuf_init(&sb);
	html_text(&sb, s, size);
	if (sb.data != NULL)
		check_safe(&sb);
	/* Valid input without U+FFFD gains no U+FFFD. */
	if (valid && memmem(s, size, "\xef\xbf\xbd", 3) == NULL)
		CHECK(sb.data == NULL ||
		    strstr(sb.data, "\xef\xbf\xbd") == NULL);
	/* Plain safe ASCII is copied unchanged. */
	for (i = 0; i < size; i++) {
		if (data[i] < 0x20 || data[i] >= 0x7f ||
		    strchr("&<>\"'", data[i]) != NULL)
			break;
	}
	if (i == size && size > 0)
		CHECK(sb.len == size && memcmp(sb.data, s, size) == 0);
	sbuf_free(&sb);

	ok = html_url_ok(s, size);
	html_url(&sb, s, size);
	CHECK(sb.len > 0);
	if (!ok)
		CHECK(sb.len == 1 && sb.data[0] == '#');
	else {
		check_safe(&sb);
		/* Scheme-relative URLs are always refused. */
		CHECK(!(size >= 2 && (s[0] == '/' || s[0] == '\\') &&
		    (s[1] == '/' || s[1] == '\\')));
		/* A scheme, if any, is http, https or mailto. */
		if ((n = strcspn(sb.data, ":/?#")) < sb.len &&
		    sb.data[n] == ':') {
			CHECK((n == 4 && strncasecmp(sb.data, "http", 4) == 0)
			    || (n == 5 && strncasecmp(sb.data, "https", 5) == 0)
			    || (n == 6 &&
			    strncasecmp(sb.data, "mailto", 6) == 0));
		}
		/*
		 * What a browser sees (tab, LF, CR removed) must not be
		 * scheme-relative either.
		 */
		{
			for (i = n = 0; i < sb.len && n < sizeof(url); i++) {
				if (sb.data[i] != '\t' && sb.data[i] != '\n' &&
				    sb.data[i] != '\r')
					url[n++] = sb.data[i];
			}
			CHECK(!(n >= 2 && (url[0] == '/' || url[0] == '\\') &&
			    (url[1] == '/' || url[1] == '\\')));
		}
	}
	sbuf_free(&sb);
	return (0);
}
