/*
 * Shared by test_filetype.c and test_imgstrip.c: real minimal files,
 * built byte by byte so each test says what is in them. A 1×1 PNG
 * (CRCs computed here, not by the code under test), the 1×1 grey JPEG
 * cjpeg -grayscale -optimize makes, the 1×1 WebP (VP8L) cwebp
 * -lossless makes, and ZIPs with stored entries (local headers,
 * central directory and end record written by hand). djpeg, dwebp and
 * a PNG decoder show the images (also the stripped ones) as 1×1.
 * Include after core/sbuf.h.
 */
#ifndef BRON_TEST_FILES_H
#define BRON_TEST_FILES_H

#include <stdint.h>
#include <string.h>

/* Extra parts, for tf_png, tf_jpeg and tf_webp. */
#define TF_EXIF		0x01	/* EXIF with "GPS" (eXIf, APP1, EXIF) */
#define TF_TEXT		0x02	/* tEXt / COM / XMP holding "<script>" */
#define TF_TAIL		0x04	/* HTML after the end (IEND, EOI, RIFF) */
#define TF_OTHER	0x08	/* tIME + private chunk, APP13, unknown */

/* An EXIF block (TIFF header, one IFD entry to a GPS IFD). */
static const unsigned char tf_exif[] = "Exif\0\0MM\0*\0\0\0\x08\0\x01"
    "\x88\x25\0\x04\0\0\0\x01\0\0\0\x1a\0\0\0\0GPSLatitude 52.0907N";

static inline uint32_t
tf_crc32(const unsigned char *p, size_t n)
{
	uint32_t	c = 0xffffffffU;
	size_t		i;
	int		k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320U & (0U - (c & 1)));
	}
	return (c ^ 0xffffffffU);
}

static inline void
tf_be32(struct sbuf *sb, uint32_t v)
{
	unsigned char	b[4] = { (unsigned char)(v >> 24),
	    (unsigned char)(v >> 16), (unsigned char)(v >> 8),
	    (unsigned char)v };

	sbuf_add(sb, b, 4);
}

static inline void
tf_le16(struct sbuf *sb, uint32_t v)
{
	unsigned char	b[2] = { (unsigned char)v, (unsigned char)(v >> 8) };

	sbuf_add(sb, b, 2);
}

static inline void
tf_le32(struct sbuf *sb, uint32_t v)
{
	tf_le16(sb, v & 0xffff);
	tf_le16(sb, v >> 16);
}

static inline void
tf_png_chunk(struct sbuf *sb, const char *type, const void *data,
    size_t len)
{
	size_t	at;

	tf_be32(sb, (uint32_t)len);
	at = sb->len;
	sbuf_add(sb, type, 4);
	sbuf_add(sb, data, len);
	tf_be32(sb, tf_crc32((unsigned char *)sb->data + at, len + 4));
}

/* 1×1, 8-bit grey, one mid-grey pixel. */
static inline void
tf_png(struct sbuf *sb, int parts)
{
	/* width 1, height 1, depth 8, grey, deflate, filter 0, no lace */
	static const unsigned char ihdr[13] = { 0, 0, 0, 1, 0, 0, 0, 1, 8,
	    0, 0, 0, 0 };
	/* zlib: a stored block of the filter byte and the pixel. */
	static const unsigned char idat[] = { 0x78, 0x01, 0x01, 0x02, 0x00,
	    0xfd, 0xff, 0x00, 0x80, 0x00, 0x82, 0x00, 0x81 };
	static const unsigned char ti[7] = { 0x07, 0xe9, 1, 2, 3, 4, 5 };

	sbuf_add(sb, "\x89PNG\r\n\x1a\n", 8);
	tf_png_chunk(sb, "IHDR", ihdr, sizeof(ihdr));
	if (parts & TF_TEXT)
		tf_png_chunk(sb, "tEXt", "Comment\0<script>alert(1)</script>",
		    33);
	if (parts & TF_EXIF)
		tf_png_chunk(sb, "eXIf", tf_exif + 6, sizeof(tf_exif) - 7);
	if (parts & TF_OTHER) {
		tf_png_chunk(sb, "tIME", ti, sizeof(ti));
		tf_png_chunk(sb, "prVt", "Apple iPhone 15", 15);
	}
	tf_png_chunk(sb, "IDAT", idat, sizeof(idat));
	tf_png_chunk(sb, "IEND", "", 0);
	if (parts & TF_TAIL)
		sbuf_puts(sb, "<html><script>alert(1)</script></html>");
}

/*
 * cjpeg -grayscale -quality 50 -optimize of one grey pixel: SOI, APP0
 * JFIF, DQT, SOF0, 2 × DHT, SOS + data, EOI. Split after APP0 so the
 * extra segments go where a camera puts them.
 */
static const unsigned char tf_jpeg_head[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
};
static const unsigned char tf_jpeg_body[] = {
	0xff, 0xdb, 0x00, 0x43, 0x00, 0x10, 0x0b, 0x0c, 0x0e, 0x0c, 0x0a,
	0x10, 0x0e, 0x0d, 0x0e, 0x12, 0x11, 0x10, 0x13, 0x18, 0x28, 0x1a,
	0x18, 0x16, 0x16, 0x18, 0x31, 0x23, 0x25, 0x1d, 0x28, 0x3a, 0x33,
	0x3d, 0x3c, 0x39, 0x33, 0x38, 0x37, 0x40, 0x48, 0x5c, 0x4e, 0x40,
	0x44, 0x57, 0x45, 0x37, 0x38, 0x50, 0x6d, 0x51, 0x57, 0x5f, 0x62,
	0x67, 0x68, 0x67, 0x3e, 0x4d, 0x71, 0x79, 0x70, 0x64, 0x78, 0x5c,
	0x65, 0x67, 0x63, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00,
	0x01, 0x01, 0x01, 0x11, 0x00, 0xff, 0xc4, 0x00, 0x14, 0x00, 0x01,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xc4, 0x00, 0x14, 0x10, 0x01,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01,
	0x00, 0x00, 0x3f, 0x00, 0x3f, 0xff, 0xd9,
};

static inline void
tf_jpeg_seg(struct sbuf *sb, unsigned char marker, const void *data,
    size_t len)
{
	unsigned char	m[4] = { 0xff, marker, (unsigned char)((len + 2) >> 8),
	    (unsigned char)(len + 2) };

	sbuf_add(sb, m, 4);
	sbuf_add(sb, data, len);
}

static inline void
tf_jpeg(struct sbuf *sb, int parts)
{
	sbuf_add(sb, tf_jpeg_head, sizeof(tf_jpeg_head));
	if (parts & TF_EXIF)
		tf_jpeg_seg(sb, 0xe1, tf_exif, sizeof(tf_exif) - 1);
	if (parts & TF_TEXT) {
		tf_jpeg_seg(sb, 0xfe, "<script>alert(1)</script>", 25);
		tf_jpeg_seg(sb, 0xe1, "http://ns.adobe.com/xap/1.0/\0"
		    "<x:xmpmeta><script>", 48);
	}
	if (parts & TF_OTHER) {
		tf_jpeg_seg(sb, 0xed, "Photoshop 3.0\08BIM GPS", 22);
		tf_jpeg_seg(sb, 0xe0, "JFXX\0\x10thumbnail", 15);
		tf_jpeg_seg(sb, 0xe2, "MPF\0GPS", 7);
	}
	sbuf_add(sb, tf_jpeg_body, sizeof(tf_jpeg_body));
	if (parts & TF_TAIL)
		sbuf_puts(sb, "<html><script>alert(1)</script></html>");
}

/* cwebp -lossless of one pixel: the VP8L chunk's data. */
static const unsigned char tf_vp8l[] = {
	0x2f, 0x00, 0x00, 0x00, 0x00, 0x07, 0x50, 0xa0, 0x02, 0x16, 0xa4,
	0xff, 0x81, 0x88, 0xe8, 0x7f, 0x00,
};

static inline void
tf_riff_chunk(struct sbuf *sb, const char *cc, const void *data,
    size_t len)
{
	sbuf_add(sb, cc, 4);
	tf_le32(sb, (uint32_t)len);
	sbuf_add(sb, data, len);
	if (len & 1)
		sbuf_putc(sb, '\0');
}

/* Plain: RIFF, VP8L. With parts: VP8X (flags said), VP8L, EXIF, XMP. */
static inline void
tf_webp(struct sbuf *sb, int parts)
{
	/* flags, 3 reserved, canvas width - 1 and height - 1 (24 bits) */
	unsigned char	vp8x[10] = { 0 };
	size_t		start = sb->len;
	uint32_t	size;

	sbuf_add(sb, "RIFF\0\0\0\0WEBP", 12);
	if (parts & (TF_EXIF | TF_TEXT | TF_OTHER)) {
		vp8x[0] = 0x10 | ((parts & TF_EXIF) ? 0x08 : 0) |
		    ((parts & TF_TEXT) ? 0x04 : 0);
		tf_riff_chunk(sb, "VP8X", vp8x, sizeof(vp8x));
	}
	tf_riff_chunk(sb, "VP8L", tf_vp8l, sizeof(tf_vp8l));
	if (parts & TF_EXIF)
		tf_riff_chunk(sb, "EXIF", tf_exif + 6, sizeof(tf_exif) - 7);
	if (parts & TF_TEXT)
		tf_riff_chunk(sb, "XMP ", "<x:xmpmeta><script>", 19);
	if (parts & TF_OTHER)
		tf_riff_chunk(sb, "zzzz", "GPS", 3);
	size = (uint32_t)(sb->len - start - 8);
	sb->data[start + 4] = (char)size;
	sb->data[start + 5] = (char)(size >> 8);
	sb->data[start + 6] = (char)(size >> 16);
	sb->data[start + 7] = (char)(size >> 24);
	if (parts & TF_TAIL)
		sbuf_puts(sb, "<html><script>alert(1)</script></html>");
}

struct tf_entry {
	const char	*name;
	const char	*data;
};

/* A ZIP of stored entries, in order. */
static inline void
tf_zip(struct sbuf *sb, const struct tf_entry *e, size_t n)
{
	struct sbuf	cd;
	size_t		i, nl, dl, start = sb->len;
	uint32_t	crc, at;

	sbuf_init(&cd);
	for (i = 0; i < n; i++) {
		nl = strlen(e[i].name);
		dl = strlen(e[i].data);
		crc = tf_crc32((const unsigned char *)e[i].data, dl);
		at = (uint32_t)(sb->len - start);
		sbuf_add(sb, "PK\x03\x04", 4);
		tf_le16(sb, 20);		/* version needed */
		tf_le16(sb, 0);			/* flags */
		tf_le16(sb, 0);			/* stored */
		tf_le16(sb, 0);			/* time */
		tf_le16(sb, 0x5b21);		/* date: 2025-09-01 */
		tf_le32(sb, crc);
		tf_le32(sb, (uint32_t)dl);
		tf_le32(sb, (uint32_t)dl);
		tf_le16(sb, (uint32_t)nl);
		tf_le16(sb, 0);			/* extra */
		sbuf_add(sb, e[i].name, nl);
		sbuf_add(sb, e[i].data, dl);

		sbuf_add(&cd, "PK\x01\x02", 4);
		tf_le16(&cd, 20);		/* made by */
		tf_le16(&cd, 20);
		tf_le16(&cd, 0);
		tf_le16(&cd, 0);
		tf_le16(&cd, 0);
		tf_le16(&cd, 0x5b21);
		tf_le32(&cd, crc);
		tf_le32(&cd, (uint32_t)dl);
		tf_le32(&cd, (uint32_t)dl);
		tf_le16(&cd, (uint32_t)nl);
		tf_le16(&cd, 0);		/* extra */
		tf_le16(&cd, 0);		/* comment */
		tf_le16(&cd, 0);		/* disk */
		tf_le16(&cd, 0);		/* internal attributes */
		tf_le32(&cd, 0);		/* external attributes */
		tf_le32(&cd, at);
		sbuf_add(&cd, e[i].name, nl);
	}
	at = (uint32_t)(sb->len - start);
	sbuf_add(sb, cd.data, cd.len);
	sbuf_add(sb, "PK\x05\x06", 4);
	tf_le16(sb, 0);
	tf_le16(sb, 0);
	tf_le16(sb, (uint32_t)n);
	tf_le16(sb, (uint32_t)n);
	tf_le32(sb, (uint32_t)cd.len);
	tf_le32(sb, at);
	tf_le16(sb, 0);				/* comment */
	sbuf_free(&cd);
}

#define TF_ODT_MIME	"application/vnd.oasis.opendocument.text"

static const struct tf_entry	tf_odt[] = {
	{ "mimetype", TF_ODT_MIME },
	{ "content.xml", "<?xml version=\"1.0\"?><office:document-content/>" },
	{ "META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest/>" },
};

static const struct tf_entry	tf_docx[] = {
	{ "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>" },
	{ "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>" },
	{ "word/document.xml", "<?xml version=\"1.0\"?><w:document/>" },
};

static const char	tf_pdf[] = "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";

#endif
