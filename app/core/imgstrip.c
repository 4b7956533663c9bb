/*
 * Images without their metadata: the container is walked, every length
 * is checked against what is left, and only the parts core/imgstrip.h
 * names are copied. Nothing is decoded. Each walker builds its copy in
 * a buffer of its own and appends it to out only when the whole image
 * was good, so a refused image leaves out as it was.
 */
#include <stdint.h>
#include <string.h>

#include "imgstrip.h"
#include "sbuf.h"

#define PNG_CHUNK_MAX	0x7fffffffU

static int	strip_png(const unsigned char *, size_t, struct sbuf *);
static int	strip_jpeg(const unsigned char *, size_t, struct sbuf *);
static int	strip_webp(const unsigned char *, size_t, struct sbuf *);
static uint32_t	crc32_png(const unsigned char *, size_t);
static uint32_t	be32(const unsigned char *);
static uint32_t	le32(const unsigned char *);

int
imgstrip(enum filetype t, const unsigned char *p, size_t n,
    struct sbuf *out)
{
	struct sbuf	tmp;
	int		rc;

	if (p == NULL && n > 0)
		return (-1);
	if (!filetype_is_image(t)) {
		sbuf_add(out, p, n);
		return (0);
	}
	sbuf_init(&tmp);
	if (t == FILETYPE_PNG)
		rc = strip_png(p, n, &tmp);
	else if (t == FILETYPE_JPEG)
		rc = strip_jpeg(p, n, &tmp);
	else
		rc = strip_webp(p, n, &tmp);
	if (rc == 0)
		sbuf_add(out, tmp.data, tmp.len);
	sbuf_free(&tmp);
	return (rc);
}

static uint32_t
be32(const unsigned char *p)
{
	return (((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
	    ((uint32_t)p[2] << 8) | (uint32_t)p[3]);
}

static uint32_t
le32(const unsigned char *p)
{
	return ((uint32_t)p[0] | ((uint32_t)p[1] << 8) |
	    ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24));
}

/* ISO 3309 / PNG CRC-32 over chunk type and data. */
static uint32_t
crc32_png(const unsigned char *p, size_t n)
{
	static uint32_t	table[256];
	static int	ready;
	uint32_t	c;
	size_t		i;
	int		k;

	if (!ready) {
		for (i = 0; i < 256; i++) {
			c = (uint32_t)i;
			for (k = 0; k < 8; k++)
				c = (c & 1) ? 0xedb88320U ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
		ready = 1;
	}
	c = 0xffffffffU;
	for (i = 0; i < n; i++)
		c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
	return (c ^ 0xffffffffU);
}

/* ---------------------------------------------------------------- PNG */

static int
png_keep(const unsigned char *type)
{
	static const char *const keep[] = { "IHDR", "PLTE", "IDAT", "IEND",
	    "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD",
	    "acTL", "fcTL", "fdAT" };
	size_t	i;

	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (memcmp(type, keep[i], 4) == 0)
			return (1);
	return (0);
}

static int
strip_png(const unsigned char *p, size_t n, struct sbuf *out)
{
	size_t		off = 8, len, i;
	const unsigned char *type;
	int		first = 1, idat = 0;

	if (n < 8 || memcmp(p, "\x89PNG\r\n\x1a\n", 8) != 0)
		return (-1);
	sbuf_add(out, p, 8);
	for (;;) {
		if (n - off < 12)
			return (-1);
		len = be32(p + off);
		type = p + off + 4;
		if (len > PNG_CHUNK_MAX || len > n - off - 12)
			return (-1);
		for (i = 0; i < 4; i++)
			if (!((type[i] >= 'A' && type[i] <= 'Z') ||
			    (type[i] >= 'a' && type[i] <= 'z')))
				return (-1);
		if (crc32_png(type, len + 4) != be32(type + 4 + len))
			return (-1);
		if (first && (memcmp(type, "IHDR", 4) != 0 || len != 13))
			return (-1);
		if (!first && memcmp(type, "IHDR", 4) == 0)
			return (-1);
		first = 0;
		if (memcmp(type, "IDAT", 4) == 0)
			idat = 1;
		if (png_keep(type))
			sbuf_add(out, p + off, len + 12);
		off += len + 12;
		if (memcmp(type, "IEND", 4) == 0)
			return (len == 0 && idat ? 0 : -1);
	}
}

/* --------------------------------------------------------------- JPEG */

/* An APPn segment whose data starts with the identifier id. */
static int
app_is(const unsigned char *seg, size_t len, const char *id, size_t idlen)
{
	return (len >= 2 + idlen && memcmp(seg + 4, id, idlen) == 0);
}

/*
 * The entropy-coded data after an SOS header at p[off]: up to the first
 * marker that is not a stuffed 0xFF00 or an RSTn. Returns its end, or 0
 * when the data runs out before a marker.
 */
static size_t
jpeg_scan_end(const unsigned char *p, size_t n, size_t off)
{
	const unsigned char	*q;

	while (off < n) {
		if ((q = memchr(p + off, 0xff, n - off)) == NULL)
			return (0);
		off = (size_t)(q - p);
		if (off + 1 >= n)
			return (0);
		if (p[off + 1] == 0x00 ||
		    (p[off + 1] >= 0xd0 && p[off + 1] <= 0xd7)) {
			off += 2;
			continue;
		}
		if (p[off + 1] == 0xff) {	/* fill before a marker */
			off++;
			continue;
		}
		return (off);
	}
	return (0);
}

static int
strip_jpeg(const unsigned char *p, size_t n, struct sbuf *out)
{
	size_t		off = 2, len, end;
	unsigned char	m;
	int		sof = 0, sos = 0, keep;

	if (n < 4 || p[0] != 0xff || p[1] != 0xd8)
		return (-1);
	sbuf_add(out, p, 2);
	for (;;) {
		if (off >= n || p[off] != 0xff)
			return (-1);
		while (off < n && p[off] == 0xff)	/* fill bytes */
			off++;
		if (off >= n)
			return (-1);
		m = p[off++];
		if (m == 0xd9) {			/* EOI */
			if (!sos)
				return (-1);
			sbuf_add(out, "\xff\xd9", 2);
			return (0);
		}
		if (m >= 0xd0 && m <= 0xd7) {		/* RSTn */
			sbuf_putc(out, (char)0xff);
			sbuf_putc(out, (char)m);
			continue;
		}
		if (m == 0x00 || m == 0x01 || m == 0xd8 ||
		    (m >= 0x02 && m <= 0xbf))
			return (-1);
		if (n - off < 2)
			return (-1);
		len = ((size_t)p[off] << 8) | p[off + 1];
		if (len < 2 || len > n - off)
			return (-1);
		/* The segment, from its marker. */
		off -= 2;
		switch (m) {
		case 0xe0:
			keep = app_is(p + off, len, "JFIF\0", 5);
			break;
		case 0xe2:
			keep = app_is(p + off, len, "ICC_PROFILE\0", 12);
			break;
		case 0xee:
			keep = app_is(p + off, len, "Adobe", 5);
			break;
		case 0xc4: case 0xcc: case 0xdb: case 0xdc: case 0xdd:
			keep = 1;
			break;
		case 0xc0: case 0xc1: case 0xc2: case 0xc3:
		case 0xc5: case 0xc6: case 0xc7:
		case 0xc9: case 0xca: case 0xcb:
		case 0xcd: case 0xce: case 0xcf:
			keep = 1;
			sof = 1;
			break;
		case 0xda:
			if (!sof)
				return (-1);
			if ((end = jpeg_scan_end(p, n, off + 2 + len)) == 0)
				return (-1);
			sbuf_add(out, p + off, end - off);
			sos = 1;
			off = end;
			continue;
		default:	/* APP1 (EXIF, XMP), APP13, COM, other APPn */
			keep = 0;
			break;
		}
		if (keep)
			sbuf_add(out, p + off, 2 + len);
		off += 2 + len;
	}
}

/* --------------------------------------------------------------- WebP */

static int
webp_keep(const unsigned char *fourcc)
{
	static const char *const keep[] = { "VP8 ", "VP8L", "VP8X", "ALPH",
	    "ANIM", "ANMF", "ICCP" };
	size_t	i;

	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (memcmp(fourcc, keep[i], 4) == 0)
			return (1);
	return (0);
}

static int
strip_webp(const unsigned char *p, size_t n, struct sbuf *out)
{
	size_t		riff, off, len, pad, start, body;
	const unsigned char *cc;
	int		first = 1, image = 0;
	uint32_t	size;

	if (n < 12 || memcmp(p, "RIFF", 4) != 0 ||
	    memcmp(p + 8, "WEBP", 4) != 0)
		return (-1);
	riff = le32(p + 4);
	if (riff < 4 || riff > n - 8)
		return (-1);
	riff += 8;			/* the end of the RIFF data */
	start = out->len;
	sbuf_add(out, "RIFF\0\0\0\0WEBP", 12);
	for (off = 12; off < riff; off += 8 + len + pad) {
		if (riff - off < 8)
			return (-1);
		cc = p + off;
		len = le32(p + off + 4);
		pad = len & 1;
		if (len > riff - off - 8 || pad > riff - off - 8 - len)
			return (-1);
		if (first) {
			if (memcmp(cc, "VP8 ", 4) != 0 &&
			    memcmp(cc, "VP8L", 4) != 0 &&
			    memcmp(cc, "VP8X", 4) != 0)
				return (-1);
			if (memcmp(cc, "VP8X", 4) == 0 && len < 10)
				return (-1);
			first = 0;
		}
		if (memcmp(cc, "VP8 ", 4) == 0 ||
		    memcmp(cc, "VP8L", 4) == 0 || memcmp(cc, "ANMF", 4) == 0)
			image = 1;
		if (!webp_keep(cc))
			continue;
		body = out->len + 8;
		sbuf_add(out, p + off, 8 + len);
		if (pad)
			sbuf_putc(out, '\0');
		/* No EXIF or XMP follows: say so. */
		if (memcmp(cc, "VP8X", 4) == 0)
			out->data[body] &= (char)~0x0c;
	}
	if (!image)
		return (-1);
	size = (uint32_t)(out->len - start - 8);
	out->data[start + 4] = (char)(size & 0xff);
	out->data[start + 5] = (char)((size >> 8) & 0xff);
	out->data[start + 6] = (char)((size >> 16) & 0xff);
	out->data[start + 7] = (char)((size >> 24) & 0xff);
	return (0);
}
