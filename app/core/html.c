/*
 * Escapers. Every byte of a value written into a page passes through
 * html_text(); invalid UTF-8 becomes U+FFFD so a browser never has to
 * guess, and NUL and other C0 controls (except tab, LF, CR) are dropped.
 */
#include <string.h>
#include <strings.h>

#include "html.h"
#include "sbuf.h"

size_t
html_utf8_len(const unsigned char *p, size_t n)
{
	unsigned char	c = p[0];
	size_t		len, i;
	unsigned int	cp;

	if (c < 0x80)
		return (1);
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else
		return (0);
	if (n < len)
		return (0);
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (0);
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	/* Overlongs, surrogates and values past U+10FFFF. */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return (0);
	return (len);
}

int
html_utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, l;

	for (i = 0; i < n; i += l) {
		if (p[i] == '\0' || (l = html_utf8_len(p + i, n - i)) == 0)
			return (0);
	}
	return (1);
}

void
html_text(struct sbuf *sb, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, run, l;

	i = 0;
	while (i < n) {
		/* Copy a run of safe ASCII in one go. */
		run = i;
		while (run < n && p[run] >= 0x20 && p[run] < 0x7f &&
		    p[run] != '&' && p[run] != '<' && p[run] != '>' &&
		    p[run] != '"' && p[run] != '\'')
			run++;
		if (run > i) {
			sbuf_add(sb, p + i, run - i);
			i = run;
			continue;
		}
		switch (p[i]) {
		case '&':
			sbuf_puts(sb, "&amp;");
			break;
		case '<':
			sbuf_puts(sb, "&lt;");
			break;
		case '>':
			sbuf_puts(sb, "&gt;");
			break;
		case '"':
			sbuf_puts(sb, "&quot;");
			break;
		case '\'':
			sbuf_puts(sb, "&#39;");
			break;
		case '\t':
		case '\n':
		case '\r':
			sbuf_putc(sb, (char)p[i]);
			break;
		default:
			if (p[i] < 0x20 || p[i] == 0x7f)
				break;
			if ((l = html_utf8_len(p + i, n - i)) == 0) {
				sbuf_puts(sb, "\xef\xbf\xbd");
				break;
			}
			sbuf_add(sb, p + i, l);
			i += l;
			continue;
		}
		i++;
	}
}

int
html_url_ok(const char *s, size_t n)
{
	size_t	i;

	if (n == 0)
		return (0);
	/* Scheme-relative URLs leave the site: refuse. */
	if (n >= 2 && (s[0] == '/' || s[0] == '\\') &&
	    (s[1] == '/' || s[1] == '\\'))
		return (0);
	/*
	 * Refuse control bytes, spaces and backslashes anywhere: browsers
	 * strip tab/CR/LF and html_text() drops the rest, so "/\x01/x"
	 * would otherwise come out as the off-site "//x".
	 */
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f ||
		    s[i] == '\\')
			return (0);
	}
	for (i = 0; i < n; i++) {
		if (s[i] == '/' || s[i] == '?' || s[i] == '#')
			return (1);	/* No scheme before the path. */
		if (s[i] == ':')
			break;
	}
	if (i == n)
		return (1);
	if ((i == 4 && strncasecmp(s, "http", 4) == 0) ||
	    (i == 5 && strncasecmp(s, "https", 5) == 0) ||
	    (i == 6 && strncasecmp(s, "mailto", 6) == 0))
		return (1);
	return (0);
}

void
html_url(struct sbuf *sb, const char *s, size_t n)
{
	if (!html_url_ok(s, n)) {
		sbuf_putc(sb, '#');
		return;
	}
	html_text(sb, s, n);
}
