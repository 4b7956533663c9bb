/*
 * JSON writer. Escapes ", \ and every byte below 0x20; invalid UTF-8
 * becomes U+FFFD so the output always parses.
 */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "jw.h"
#include "sbuf.h"

void
jw_string(struct sbuf *sb, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, l;

	sbuf_putc(sb, '"');
	for (i = 0; i < n; ) {
		if (p[i] == '"' || p[i] == '\\') {
			sbuf_putc(sb, '\\');
			sbuf_putc(sb, (char)p[i++]);
		} else if (p[i] == '\n') {
			sbuf_puts(sb, "\\n");
			i++;
		} else if (p[i] < 0x20 || p[i] == 0x7f) {
			sbuf_printf(sb, "\\u%04x", p[i++]);
		} else if (p[i] < 0x80) {
			sbuf_putc(sb, (char)p[i++]);
		} else if ((l = html_utf8_len(p + i, n - i)) == 0) {
			sbuf_puts(sb, "\\ufffd");
			i++;
		} else {
			sbuf_add(sb, p + i, l);
			i += l;
		}
	}
	sbuf_putc(sb, '"');
}

void
jw_obj_open(struct sbuf *sb)
{
	sbuf_putc(sb, '{');
}

void
jw_obj_close(struct sbuf *sb)
{
	sbuf_putc(sb, '}');
}

void
jw_kv_str(struct sbuf *sb, int first, const char *k, const char *v)
{
	if (!first)
		sbuf_putc(sb, ',');
	jw_string(sb, k, strlen(k));
	sbuf_putc(sb, ':');
	jw_string(sb, v, strlen(v));
}

void
jw_kv_int(struct sbuf *sb, int first, const char *k, long long v)
{
	if (!first)
		sbuf_putc(sb, ',');
	jw_string(sb, k, strlen(k));
	sbuf_printf(sb, ":%lld", v);
}
