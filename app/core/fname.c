/*
 * File names: cleaned once when a file arrives (fname_clean), and put
 * in a Content-Disposition header when it is fetched
 * (fname_disposition). core/fname.h has the rules.
 */
#include <stdint.h>
#include <string.h>

#include "fname.h"
#include "sbuf.h"

#define FNAME_STEM	"bestand"
#define FNAME_EXT_MAX	16	/* a longer ext is not an extension */

static size_t	utf8_dec(const unsigned char *, size_t, uint32_t *);
static int	is_dropped(uint32_t);
static int	is_space(uint32_t);
static int	is_ext(const char *, size_t);

void
fname_clean(const char *in, size_t len, const char *ext, char *out,
    size_t outsz)
{
	const unsigned char	*p = (const unsigned char *)in;
	char			 buf[4 * FNAME_MAX + 8];
	size_t			 i, l, b = 0, start = 0, stem, extlen, max;
	size_t			 bs, be;
	uint32_t		 cp;
	int			 space = 0;

	if (out == NULL || outsz == 0)
		return;
	out[0] = '\0';
	if (in == NULL)
		len = 0;
	extlen = ext != NULL ? strlen(ext) : 0;
	if (ext != NULL && !is_ext(ext, extlen)) {
		ext = NULL;
		extlen = 0;
	}

	/* What follows the last '/' or '\\'. */
	for (i = 0; i < len; i++)
		if (p[i] == '/' || p[i] == '\\')
			start = i + 1;

	/*
	 * Decode and copy what is kept into buf, white space as one space.
	 * The part after the last dot is needed to find the extension, so
	 * the copy stops only when buf is full; a name longer than that is
	 * cut (its extension is replaced anyway).
	 */
	for (i = start; i < len; i += l) {
		if ((l = utf8_dec(p + i, len - i, &cp)) == 0) {
			l = 1;			/* invalid UTF-8: dropped */
			continue;
		}
		if (is_space(cp)) {
			space = 1;
			continue;
		}
		if (is_dropped(cp))
			continue;
		if (b + 1 + l >= sizeof(buf))
			break;
		if (space && b > 0)
			buf[b++] = ' ';
		space = 0;
		if (cp == '"' || cp == ';')
			buf[b++] = '_';
		else {
			memcpy(buf + b, p + i, l);
			b += l;
		}
	}

	/*
	 * The stem: without spaces and dots at the start, and before the
	 * extension (".bashrc" has none: a dot that starts the name is no
	 * separator).
	 */
	bs = 0;
	while (bs < b && (buf[bs] == ' ' || buf[bs] == '.'))
		bs++;
	stem = b;
	for (i = b; i > bs; i--) {
		if (buf[i - 1] == '.') {
			if (i - 1 > bs && is_ext(buf + i, b - i))
				stem = i - 1;
			break;
		}
	}
	be = stem;

	/* Cut to fit, on a character boundary. */
	max = outsz - 1 < FNAME_MAX ? outsz - 1 : FNAME_MAX;
	if (ext != NULL && extlen + 1 + strlen(FNAME_STEM) > max) {
		ext = NULL;
		extlen = 0;
	}
	if (be - bs > max - (ext != NULL ? extlen + 1 : 0)) {
		be = bs + max - (ext != NULL ? extlen + 1 : 0);
		while (be > bs && ((unsigned char)buf[be] & 0xc0) == 0x80)
			be--;
	}
	while (be > bs && (buf[be - 1] == ' ' || buf[be - 1] == '.'))
		be--;

	if (be == bs) {
		l = strlen(FNAME_STEM);
		if (l > max)
			l = max;
		memcpy(out, FNAME_STEM, l);
	} else {
		l = be - bs;
		memcpy(out, buf + bs, l);
	}
	if (ext != NULL) {
		out[l++] = '.';
		memcpy(out + l, ext, extlen);
		l += extlen;
	}
	out[l] = '\0';
}

void
fname_disposition(struct sbuf *out, const char *name, int inline_)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	unsigned char		 c;

	if (name == NULL || *name == '\0')
		name = FNAME_STEM;
	sbuf_puts(out, inline_ ? "inline" : "attachment");
	sbuf_puts(out, "; filename=\"");
	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		c = *p;
		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
			c = '_';
		sbuf_putc(out, (char)c);
	}
	sbuf_puts(out, "\"; filename*=UTF-8''");
	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		c = *p;
		/* RFC 8187 attr-char. */
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || strchr("!#$&+-.^_`|~", c) != NULL)
			sbuf_putc(out, (char)c);
		else {
			sbuf_putc(out, '%');
			sbuf_putc(out, hex[c >> 4]);
			sbuf_putc(out, hex[c & 15]);
		}
	}
}

/* An extension: 1 to FNAME_EXT_MAX ASCII letters and digits. */
static int
is_ext(const char *s, size_t n)
{
	size_t	i;

	if (n == 0 || n > FNAME_EXT_MAX)
		return (0);
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			return (0);
	return (1);
}

/* One valid UTF-8 character: its length (1-4) and code point, or 0. */
static size_t
utf8_dec(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned char	c = p[0];

	if (c < 0x80) {
		*cp = c;
		return (1);
	}
	if (c >= 0xc2 && c <= 0xdf) {
		if (n < 2 || (p[1] & 0xc0) != 0x80)
			return (0);
		*cp = ((uint32_t)(c & 0x1f) << 6) | (p[1] & 0x3f);
		return (2);
	}
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return (0);
		if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0))
			return (0);
		*cp = ((uint32_t)(c & 0x0f) << 12) |
		    ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
		return (3);
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (p[1] & 0xc0) != 0x80 ||
		    (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80)
			return (0);
		if ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90))
			return (0);
		*cp = ((uint32_t)(c & 0x07) << 18) |
		    ((uint32_t)(p[1] & 0x3f) << 12) |
		    ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
		return (4);
	}
	return (0);
}

/* White space: becomes one space. */
static int
is_space(uint32_t c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	    c == '\f' || c == '\r' || c == 0x85 || c == 0xa0 ||
	    c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
	    c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000);
}

/* Controls, bidi and invisible formatting characters: dropped. */
static int
is_dropped(uint32_t c)
{
	return (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xad ||
	    c == 0x61c || c == 0x180e || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) ||
	    c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb));
}
