/*
 * What an uploaded file is, from its first bytes and, for ZIPs, its
 * central directory. core/filetype.h has the rules; this file follows
 * them in the order they are tested: the signatures of the binary
 * types first (so a PNG with "<script>" in a text chunk is a PNG, and
 * imgstrip() drops the chunk), then ZIPs, then text.
 */
#include <stdint.h>
#include <string.h>

#include "filetype.h"

/* How far into a text the HTML and PDF markers are looked for. */
#define TEXT_PDF_WINDOW	1024

#define ODT_MIME	"application/vnd.oasis.opendocument.text"
#define DOCX_MIME	"application/vnd.openxmlformats-officedocument." \
			    "wordprocessingml.document"

struct ft_info {
	const char	*mime;
	const char	*ext;
};

static const struct ft_info	ft_info[FILETYPE__MAX] = {
	[FILETYPE_PDF] = { "application/pdf", "pdf" },
	[FILETYPE_PNG] = { "image/png", "png" },
	[FILETYPE_JPEG] = { "image/jpeg", "jpg" },
	[FILETYPE_WEBP] = { "image/webp", "webp" },
	[FILETYPE_TEXT] = { "text/plain", "txt" },
	[FILETYPE_ODT] = { ODT_MIME, "odt" },
	[FILETYPE_DOCX] = { DOCX_MIME, "docx" },
};

/*
 * WHATWG MIME Sniffing, "rules for identifying an unknown MIME type":
 * the HTML patterns, after leading white space, each followed by a
 * tag-terminating byte (space or '>'). Compared without case.
 */
static const char *const html_starts[] = {
	"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1",
	"<div", "<font", "<table", "<a", "<style", "<title", "<b",
	"<body", "<br", "<p", "<!--",
};

/* Anywhere in a text: refused whatever comes before. */
static const char *const html_anywhere[] = {
	"<script", "<html", "<iframe", "<object", "<embed",
};

static int	starts(const unsigned char *, size_t, const char *);
static int	starts_nocase(const unsigned char *, size_t, const char *);
static int	has_nocase(const unsigned char *, size_t, const char *);
static int	is_exe(const unsigned char *, size_t);
static enum filetype	sniff_zip(const unsigned char *, size_t);
static enum filetype	sniff_text(const unsigned char *, size_t);
static size_t	utf8_len(const unsigned char *, size_t);
static uint16_t	le16(const unsigned char *);
static uint32_t	le32(const unsigned char *);
static int	name_is(const unsigned char *, size_t, const char *);
static int	pdf_name(const unsigned char *, size_t, size_t *,
		    char *, size_t);

enum filetype
filetype_sniff(const unsigned char *p, size_t n)
{
	if (p == NULL || n == 0)
		return (FILETYPE_UNKNOWN);
	if (starts(p, n, "%PDF-"))
		return (FILETYPE_PDF);
	if (n >= 16 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0 &&
	    memcmp(p + 8, "\0\0\0\x0dIHDR", 8) == 0)
		return (FILETYPE_PNG);
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return (FILETYPE_JPEG);
	if (n >= 16 && starts(p, n, "RIFF") &&
	    memcmp(p + 8, "WEBP", 4) == 0 &&
	    (memcmp(p + 12, "VP8 ", 4) == 0 ||
	    memcmp(p + 12, "VP8L", 4) == 0 || memcmp(p + 12, "VP8X", 4) == 0))
		return (FILETYPE_WEBP);
	/* GIF: all printable in its header, and a known polyglot. */
	if (starts(p, n, "GIF87a") || starts(p, n, "GIF89a"))
		return (FILETYPE_UNKNOWN);
	if (is_exe(p, n))
		return (FILETYPE_EXE);
	if (starts(p, n, "PK\x03\x04") || starts(p, n, "PK\x05\x06"))
		return (sniff_zip(p, n));
	return (sniff_text(p, n));
}

const char *
filetype_mime(enum filetype t)
{
	if ((unsigned)t >= FILETYPE__MAX)
		return (NULL);
	return (ft_info[t].mime);
}

const char *
filetype_ext(enum filetype t)
{
	if ((unsigned)t >= FILETYPE__MAX)
		return (NULL);
	return (ft_info[t].ext);
}

enum filetype
filetype_by_mime(const char *mime)
{
	int	t;

	if (mime == NULL)
		return (FILETYPE_UNKNOWN);
	for (t = 0; t < FILETYPE__MAX; t++)
		if (ft_info[t].mime != NULL && strcmp(ft_info[t].mime,
		    mime) == 0)
			return ((enum filetype)t);
	return (FILETYPE_UNKNOWN);
}

int
filetype_is_image(enum filetype t)
{
	return (t == FILETYPE_PNG || t == FILETYPE_JPEG ||
	    t == FILETYPE_WEBP);
}

/*
 * Walk the bytes for names: '/' then regular characters up to a
 * delimiter or white space, "#xx" decoded. A compressed object stream
 * hides its names, so this is a hint for the log, never a guarantee.
 */
int
filetype_pdf_active(const unsigned char *p, size_t n)
{
	static const char *const active[] = { "JavaScript", "JS", "Launch",
	    "AA", "EmbeddedFile", "EmbeddedFiles" };
	char	name[32];
	size_t	i, j, k;

	if (p == NULL)
		return (0);
	for (i = 0; i < n; i++) {
		if (p[i] != '/')
			continue;
		if (!pdf_name(p, n, &i, name, sizeof(name)))
			continue;
		for (k = 0; k < sizeof(active) / sizeof(active[0]); k++)
			if (strcmp(name, active[k]) == 0)
				return (1);
		if (strcmp(name, "OpenAction") != 0)
			continue;
		/* An array is a destination (a page to open at). */
		for (j = i + 1; j < n && (p[j] == ' ' || p[j] == '\t' ||
		    p[j] == '\r' || p[j] == '\n' || p[j] == '\f' ||
		    p[j] == '\0'); j++)
			;
		if (j < n && p[j] != '[')
			return (1);
	}
	return (0);
}

/*
 * The name after the '/' at *ip into name (NUL-terminated; too long
 * ones are not kept: no active name is long). *ip ends on the last
 * byte of the name. Returns 1 if a name fitting the buffer was read.
 */
static int
pdf_name(const unsigned char *p, size_t n, size_t *ip, char *name,
    size_t sz)
{
	size_t	i = *ip + 1, len = 0;
	int	hi, lo, ok = 1;

	while (i < n) {
		unsigned char	c = p[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
		    c == '\f' || c == '\0' || c == '(' || c == ')' ||
		    c == '<' || c == '>' || c == '[' || c == ']' ||
		    c == '{' || c == '}' || c == '/' || c == '%')
			break;
		if (c == '#' && i + 2 < n) {
			hi = (p[i + 1] >= '0' && p[i + 1] <= '9') ?
			    p[i + 1] - '0' : ((p[i + 1] | 0x20) >= 'a' &&
			    (p[i + 1] | 0x20) <= 'f') ?
			    (p[i + 1] | 0x20) - 'a' + 10 : -1;
			lo = (p[i + 2] >= '0' && p[i + 2] <= '9') ?
			    p[i + 2] - '0' : ((p[i + 2] | 0x20) >= 'a' &&
			    (p[i + 2] | 0x20) <= 'f') ?
			    (p[i + 2] | 0x20) - 'a' + 10 : -1;
			if (hi >= 0 && lo >= 0) {
				c = (unsigned char)(hi * 16 + lo);
				i += 2;
			}
		}
		if (len + 1 < sz)
			name[len++] = (char)c;
		else
			ok = 0;
		i++;
	}
	name[len] = '\0';
	*ip = i - 1;
	return (ok && len > 0);
}

static int
starts(const unsigned char *p, size_t n, const char *s)
{
	size_t	l = strlen(s);

	return (n >= l && memcmp(p, s, l) == 0);
}

static int
starts_nocase(const unsigned char *p, size_t n, const char *s)
{
	size_t	i, l = strlen(s);

	if (n < l)
		return (0);
	for (i = 0; i < l; i++) {
		unsigned char	c = p[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + ('a' - 'A'));
		if (c != (unsigned char)s[i])
			return (0);
	}
	return (1);
}

/* s is lower case and starts with '<'. */
static int
has_nocase(const unsigned char *p, size_t n, const char *s)
{
	const unsigned char	*q;
	size_t			 off = 0;

	while (off < n && (q = memchr(p + off, '<', n - off)) != NULL) {
		off = (size_t)(q - p);
		if (starts_nocase(q, n - off, s))
			return (1);
		off++;
	}
	return (0);
}

static int
is_exe(const unsigned char *p, size_t n)
{
	static const char *const sigs[] = {
		"\177ELF", "MZ", "#!",
		"\xfe\xed\xfa\xce", "\xfe\xed\xfa\xcf",	/* Mach-O */
		"\xce\xfa\xed\xfe", "\xcf\xfa\xed\xfe",
		"\xca\xfe\xba\xbe",			/* fat Mach-O */
	};
	size_t	i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (starts(p, n, sigs[i]))
			return (1);
	return (0);
}

static uint16_t
le16(const unsigned char *p)
{
	return ((uint16_t)(p[0] | (p[1] << 8)));
}

static uint32_t
le32(const unsigned char *p)
{
	return ((uint32_t)p[0] | ((uint32_t)p[1] << 8) |
	    ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24));
}

/* A ZIP entry name equals s (lower case), without case (OOXML). */
static int
name_is(const unsigned char *nm, size_t len, const char *s)
{
	return (len == strlen(s) && starts_nocase(nm, len, s));
}

/*
 * A ZIP: its end record (searched back over the longest comment), a
 * central directory inside the file before it, every entry's header
 * inside the directory. A ZIP that does not parse is UNKNOWN: nothing
 * could open it. ZIP64 and split archives are plain FILETYPE_ZIP.
 */
static enum filetype
sniff_zip(const unsigned char *p, size_t n)
{
	static const char	 odt[] = ODT_MIME;
	const unsigned char	*e = NULL, *c, *nm;
	size_t			 i, lo, cdoff, cdsize, entries, off, nlen;
	size_t			 hdr;
	int			 ctypes = 0, doc = 0, vba = 0, first_ok = 0;

	if (n < 22)
		return (FILETYPE_UNKNOWN);
	lo = n - 22 > 65535 ? n - 22 - 65535 : 0;
	for (i = n - 22 + 1; i-- > lo; ) {
		if (memcmp(p + i, "PK\x05\x06", 4) == 0 &&
		    i + 22 + le16(p + i + 20) <= n) {
			e = p + i;
			break;
		}
	}
	if (e == NULL)
		return (FILETYPE_UNKNOWN);
	if (le16(e + 4) != 0 || le16(e + 6) != 0 ||
	    le16(e + 8) != le16(e + 10) || le16(e + 10) == 0xffff ||
	    le32(e + 12) == 0xffffffff || le32(e + 16) == 0xffffffff)
		return (FILETYPE_ZIP);
	entries = le16(e + 10);
	cdsize = le32(e + 12);
	cdoff = le32(e + 16);
	if (cdoff > (size_t)(e - p) || cdsize > (size_t)(e - p) - cdoff)
		return (FILETYPE_UNKNOWN);

	for (off = 0, i = 0; i < entries; i++) {
		if (cdsize - off < 46)
			return (FILETYPE_UNKNOWN);
		c = p + cdoff + off;
		if (memcmp(c, "PK\x01\x02", 4) != 0)
			return (FILETYPE_UNKNOWN);
		nlen = le16(c + 28);
		hdr = 46 + nlen + le16(c + 30) + le16(c + 32);
		if (hdr > cdsize - off)
			return (FILETYPE_UNKNOWN);
		nm = c + 46;
		if (name_is(nm, nlen, "[content_types].xml"))
			ctypes = 1;
		else if (name_is(nm, nlen, "word/document.xml"))
			doc = 1;
		else if (nlen >= 14 && name_is(nm + nlen - 14, 14,
		    "vbaproject.bin") && (nlen == 14 || nm[nlen - 15] == '/'))
			vba = 1;
		off += hdr;
	}

	/* ODT: the first local entry, stored, sizes known. */
	if (n >= 30 + 8 && memcmp(p, "PK\x03\x04", 4) == 0 &&
	    le16(p + 8) == 0 && (le16(p + 6) & 0x08) == 0 &&
	    le16(p + 26) == 8 && memcmp(p + 30, "mimetype", 8) == 0 &&
	    le32(p + 18) == sizeof(odt) - 1 &&
	    le32(p + 22) == sizeof(odt) - 1) {
		hdr = 30 + 8 + (size_t)le16(p + 28);
		if (hdr <= n && n - hdr >= sizeof(odt) - 1 &&
		    memcmp(p + hdr, odt, sizeof(odt) - 1) == 0)
			first_ok = 1;
	}
	if (first_ok)
		return (FILETYPE_ODT);
	if (ctypes && doc)
		return (vba ? FILETYPE_MACRO : FILETYPE_DOCX);
	return (FILETYPE_ZIP);
}

/*
 * Length of the valid UTF-8 sequence at p (1-4), or 0: no overlong
 * forms, no surrogates, nothing above U+10FFFF.
 */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	unsigned char	c = p[0];

	if (c < 0x80)
		return (1);
	if (c >= 0xc2 && c <= 0xdf)
		return (n >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0);
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return (0);
		if (c == 0xe0 && p[1] < 0xa0)
			return (0);
		if (c == 0xed && p[1] >= 0xa0)
			return (0);
		return (3);
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (p[1] & 0xc0) != 0x80 ||
		    (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80)
			return (0);
		if (c == 0xf0 && p[1] < 0x90)
			return (0);
		if (c == 0xf4 && p[1] >= 0x90)
			return (0);
		return (4);
	}
	return (0);
}

static enum filetype
sniff_text(const unsigned char *p, size_t n)
{
	size_t	i, l, k, win;
	int	svg;

	if (starts(p, n, "\xef\xbb\xbf")) {
		p += 3;
		n -= 3;
	}
	if (n == 0)
		return (FILETYPE_UNKNOWN);
	for (i = 0; i < n; i += l) {
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r' && p[i] != '\f')
			return (FILETYPE_UNKNOWN);
		if (p[i] == 0x7f)
			return (FILETYPE_UNKNOWN);
		if ((l = utf8_len(p + i, n - i)) == 0)
			return (FILETYPE_UNKNOWN);
	}

	svg = has_nocase(p, n, "<svg");
	for (i = 0; i < sizeof(html_anywhere) / sizeof(html_anywhere[0]);
	    i++)
		if (has_nocase(p, n, html_anywhere[i]))
			return (svg ? FILETYPE_SVG : FILETYPE_HTML);
	if (svg)
		return (FILETYPE_SVG);

	for (i = 0; i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
	    p[i] == '\r' || p[i] == '\f'); i++)
		;
	/* XML: a browser would render it (XHTML runs scripts). */
	if (starts_nocase(p + i, n - i, "<?xml"))
		return (FILETYPE_HTML);
	for (k = 0; k < sizeof(html_starts) / sizeof(html_starts[0]); k++) {
		l = strlen(html_starts[k]);
		if (starts_nocase(p + i, n - i, html_starts[k]) &&
		    (k == sizeof(html_starts) / sizeof(html_starts[0]) - 1 ||
		    (i + l < n && (p[i + l] == ' ' || p[i + l] == '>'))))
			return (FILETYPE_HTML);
	}

	/* A PDF reader finds "%PDF-" after junk: not a text then. */
	win = n < TEXT_PDF_WINDOW ? n : TEXT_PDF_WINDOW;
	if (memmem(p, win, "%PDF-", 5) != NULL)
		return (FILETYPE_UNKNOWN);
	return (FILETYPE_TEXT);
}
