/*
 * Slugs from titles. The text is read as UTF-8 one code point at a
 * time (html_utf8_len decides what is valid; a bad byte is one
 * separator); letters of Latin-1 Supplement and Latin Extended-A fold
 * to ASCII, apostrophes and combining accents vanish, everything else
 * separates words.
 */
#include <string.h>

#include "html.h"
#include "slug.h"

struct slugbuf {
	char	buf[SLUG_MAX + 2];
	size_t	len;
	size_t	limit;		/* bytes allowed in the result */
	int	sep;		/* a separator since the last letter */
};

static const char	*slug_fold(unsigned int);
static int		 slug_put(struct slugbuf *, const char *);
static unsigned int	 slug_decode(const unsigned char *, size_t, size_t *);

/* U+00C0..U+00FF; NULL: a separator (the multiplication/division signs). */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c",	/* C0 */
	"e", "e", "e", "e", "i", "i", "i", "i",		/* C8 */
	"d", "n", "o", "o", "o", "o", "o", NULL,	/* D0 */
	"o", "u", "u", "u", "u", "y", "th", "ss",	/* D8 */
	"a", "a", "a", "a", "a", "a", "ae", "c",	/* E0 */
	"e", "e", "e", "e", "i", "i", "i", "i",		/* E8 */
	"d", "n", "o", "o", "o", "o", "o", NULL,	/* F0 */
	"o", "u", "u", "u", "u", "y", "th", "y",	/* F8 */
};

/* U+0100..U+017F, one letter each except the ligatures ('?'). */
static const char	extended_a[] =
	"aaaaaaccccccccdd"	/* 0100 */
	"ddeeeeeeeeeegggg"	/* 0110 */
	"gggghhhhiiiiiiii"	/* 0120 */
	"ii??jjkkklllllll"	/* 0130: U+0132/3 ij */
	"lllnnnnnnnnnoooo"	/* 0140 */
	"oo??rrrrrrssssss"	/* 0150: U+0152/3 oe */
	"sstttttttuuuuuuu"	/* 0160 */
	"uuuuwwyyyzzzzzzs";	/* 0170 */

/*
 * Each letter and digit as a string of its own (a-z at 2 * (c - 'a'),
 * 0-9 after them); "\0" before a digit would read as octal, hence the
 * split literals.
 */
static const char	alnum[] =
	"a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0p\0q\0r\0s\0t\0"
	"u\0v\0w\0x\0y\0z\0" "0\0" "1\0" "2\0" "3\0" "4\0" "5\0" "6\0"
	"7\0" "8\0" "9";

/*
 * The ASCII spelling of code point cp: "" to drop it (apostrophes,
 * combining marks), NULL for a separator.
 */
static const char *
slug_fold(unsigned int cp)
{
	char	c;

	if (cp == '\'' || cp == 0x2019 || cp == 0x02bc)
		return ("");
	if (cp >= 0x0300 && cp <= 0x036f)	/* decomposed accents */
		return ("");
	if (cp >= 0xc0 && cp <= 0xff)
		return (latin1[cp - 0xc0]);
	if (cp >= 0x100 && cp <= 0x17f) {
		if (cp == 0x132 || cp == 0x133)
			return ("ij");
		if (cp == 0x152 || cp == 0x153)
			return ("oe");
		c = extended_a[cp - 0x100];
		return (&alnum[(c - 'a') * 2]);
	}
	return (NULL);
}

/* The code point at p, its length in *len; bad UTF-8 is one byte, 0. */
static unsigned int
slug_decode(const unsigned char *p, size_t n, size_t *len)
{
	unsigned int	cp;
	size_t		l, i;

	if ((l = html_utf8_len(p, n)) == 0) {
		*len = 1;
		return (0);
	}
	*len = l;
	if (l == 1)
		return (p[0]);
	cp = p[0] & (0xff >> (l + 1));
	for (i = 1; i < l; i++)
		cp = (cp << 6) | (p[i] & 0x3f);
	return (cp);
}

/*
 * Appends the letters of f to the slug being built, with a hyphen first
 * if a separator came before. Stops once more than limit bytes are
 * there: one byte past the limit is enough to decide the cut.
 */
static int
slug_put(struct slugbuf *sb, const char *f)
{
	for (; *f != '\0'; f++) {
		if (sb->sep && sb->len > 0)
			sb->buf[sb->len++] = '-';
		sb->sep = 0;
		if (sb->len > sb->limit)
			return (-1);
		sb->buf[sb->len++] = *f;
		if (sb->len > sb->limit)
			return (-1);
	}
	return (0);
}

size_t
slug_make(const char *in, char *out, size_t outsz)
{
	const unsigned char	*p = (const unsigned char *)in;
	const char		*f;
	struct slugbuf		 sb;
	size_t			 n, i, l, cut;
	unsigned int		 cp;
	int			 over = 0;

	if (outsz == 0)
		return (0);
	sb.limit = outsz - 1 < SLUG_MAX ? outsz - 1 : SLUG_MAX;
	sb.len = 0;
	sb.sep = 0;
	n = strlen(in);
	for (i = 0; i < n && !over; i += l) {
		cp = slug_decode(p + i, n - i, &l);
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp >= 'a' && cp <= 'z')
			f = &alnum[(cp - 'a') * 2];
		else if (cp >= '0' && cp <= '9')
			f = &alnum[(cp - '0' + 26) * 2];
		else
			f = slug_fold(cp);
		if (f == NULL)
			sb.sep = 1;
		else
			over = slug_put(&sb, f) == -1;
	}

	if (over) {
		/*
		 * Too long: cut at the last hyphen that leaves at most
		 * limit bytes (a hyphen right at buf[limit] counts), else
		 * cut the one long word hard.
		 */
		cut = sb.limit;
		if (sb.buf[cut] != '-') {
			while (cut > 0 && sb.buf[cut] != '-')
				cut--;
			if (cut == 0)
				cut = sb.limit;
		}
		sb.len = cut;
	}
	memcpy(out, sb.buf, sb.len);
	out[sb.len] = '\0';
	return (sb.len);
}
