/*
 * Growable byte buffer. Always kept NUL-terminated so sbuf_cstr() is cheap.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

static void	sbuf_grow(struct sbuf *, size_t);

void
sbuf_init(struct sbuf *sb)
{
	sb->data = NULL;
	sb->len = 0;
	sb->cap = 0;
}

void
sbuf_free(struct sbuf *sb)
{
	free(sb->data);
	sbuf_init(sb);
}

void
sbuf_reset(struct sbuf *sb)
{
	sb->len = 0;
	if (sb->data != NULL)
		sb->data[0] = '\0';
}

static void
sbuf_grow(struct sbuf *sb, size_t extra)
{
	size_t	need, ncap;
	char	*p;

	if (extra > (size_t)-1 - sb->len - 1)
		abort();
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return;
	ncap = sb->cap ? sb->cap : 256;
	while (ncap < need) {
		if (ncap > (size_t)-1 / 2) {
			ncap = need;
			break;
		}
		ncap *= 2;
	}
	if ((p = realloc(sb->data, ncap)) == NULL)
		abort();
	sb->data = p;
	sb->cap = ncap;
}

void
sbuf_add(struct sbuf *sb, const void *p, size_t n)
{
	sbuf_grow(sb, n);
	if (n > 0)
		memcpy(sb->data + sb->len, p, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void
sbuf_puts(struct sbuf *sb, const char *s)
{
	sbuf_add(sb, s, strlen(s));
}

void
sbuf_putc(struct sbuf *sb, char c)
{
	sbuf_add(sb, &c, 1);
}

void
sbuf_printf(struct sbuf *sb, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	sbuf_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

const char *
sbuf_cstr(struct sbuf *sb)
{
	if (sb->data == NULL) {
		sbuf_grow(sb, 0);
		sb->data[0] = '\0';
	}
	return (sb->data);
}

void
sbuf_urlenc(struct sbuf *sb, const char *s)
{
	static const char	hex[] = "0123456789ABCDEF";
	unsigned char		c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~')
			sbuf_putc(sb, (char)c);
		else {
			sbuf_putc(sb, '%');
			sbuf_putc(sb, hex[c >> 4]);
			sbuf_putc(sb, hex[c & 15]);
		}
	}
}
