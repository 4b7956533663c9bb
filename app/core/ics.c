/*
 * iCalendar content lines (RFC 5545 3.1 folding, 3.3.11 TEXT).
 */
#include <stddef.h>
#include <string.h>

#include "html.h"
#include "ics.h"
#include "sbuf.h"

static size_t	ics_cut(const char *, size_t, size_t);

void
ics_line(struct sbuf *out, const char *name, const char *value)
{
	struct sbuf	line;

	sbuf_init(&line);
	sbuf_puts(&line, name);
	sbuf_putc(&line, ':');
	sbuf_puts(&line, value);
	ics_fold(out, line.data, line.len);
	sbuf_free(&line);
}

void
ics_text(struct sbuf *out, const char *name, const char *text)
{
	struct sbuf	line;

	sbuf_init(&line);
	sbuf_puts(&line, name);
	sbuf_putc(&line, ':');
	ics_escape(&line, text, strlen(text));
	ics_fold(out, line.data, line.len);
	sbuf_free(&line);
}

void
ics_escape(struct sbuf *out, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, n;

	for (i = 0; i < len; i += n) {
		n = 1;
		switch (p[i]) {
		case '\\':
			sbuf_add(out, "\\\\", 2);
			continue;
		case ';':
			sbuf_add(out, "\\;", 2);
			continue;
		case ',':
			sbuf_add(out, "\\,", 2);
			continue;
		case '\r':
			/* CRLF is one newline. */
			if (i + 1 < len && p[i + 1] == '\n')
				n = 2;
			sbuf_add(out, "\\n", 2);
			continue;
		case '\n':
			sbuf_add(out, "\\n", 2);
			continue;
		case '\t':
			sbuf_putc(out, ' ');
			continue;
		default:
			break;
		}
		if (p[i] < 0x20 || p[i] == 0x7f)
			continue;
		if (p[i] < 0x80) {
			sbuf_putc(out, (char)p[i]);
			continue;
		}
		if ((n = html_utf8_len(p + i, len - i)) == 0) {
			sbuf_add(out, "\xef\xbf\xbd", 3);
			n = 1;
			continue;
		}
		sbuf_add(out, p + i, n);
	}
}

/*
 * How many of the len bytes at s go on a line with room for max: at
 * most max, and never ending inside a UTF-8 sequence (backs up over
 * continuation bytes; a run longer than the line is cut hard).
 */
static size_t
ics_cut(const char *s, size_t len, size_t max)
{
	size_t	n;

	if (len <= max)
		return (len);
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return (n == 0 ? max : n);
}

void
ics_fold(struct sbuf *out, const char *s, size_t len)
{
	size_t	n;

	n = ics_cut(s, len, ICS_LINE_MAX);
	sbuf_add(out, s, n);
	s += n;
	len -= n;
	while (len > 0) {
		sbuf_add(out, "\r\n ", 3);
		n = ics_cut(s, len, ICS_LINE_MAX - 1);
		sbuf_add(out, s, n);
		s += n;
		len -= n;
	}
	sbuf_add(out, "\r\n", 2);
}
