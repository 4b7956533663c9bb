/*
 * imgstrip: EXIF with GPS, XMP, comments, text chunks and whatever
 * follows the image's end are gone from PNG, JPEG and WebP, and the
 * copy is exactly the plain image (tests/unit/testfiles.h builds both);
 * the copy is still its type and stripping it again changes nothing;
 * truncated files, lying lengths and bad CRCs give -1 and leave the
 * output as it was; other types are copied as they are.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/imgstrip.h"
#include "core/sbuf.h"
#include "testfiles.h"

typedef void	(*build_fn)(struct sbuf *, int);

static const char *const gone[] = { "GPS", "Exif", "<script", "<html",
    "iPhone", "xmpmeta", "thumbnail", "Photoshop", "MPF" };

static int
strip(enum filetype t, const struct sbuf *in, struct sbuf *out)
{
	return (imgstrip(t, (const unsigned char *)in->data, in->len, out));
}

/* Every prefix (in a buffer of exactly that size) is refused. */
static void
prefixes(enum filetype t, const struct sbuf *in)
{
	struct sbuf	 out;
	unsigned char	*c;
	size_t		 i;

	sbuf_init(&out);
	sbuf_puts(&out, "keep");
	for (i = 0; i < in->len; i++) {
		c = test_malloc(i + 1);
		memcpy(c, in->data, i);
		assert_int_equal(imgstrip(t, c, i, &out), -1);
		assert_int_equal(out.len, 4);
		test_free(c);
	}
	sbuf_free(&out);
}

static void
check_type(enum filetype t, build_fn build, int parts)
{
	struct sbuf	plain, dirty, out, again;
	size_t		i;

	sbuf_init(&plain);
	sbuf_init(&dirty);
	sbuf_init(&out);
	sbuf_init(&again);
	build(&plain, 0);
	build(&dirty, parts);
	assert_int_equal(filetype_sniff((unsigned char *)dirty.data,
	    dirty.len), t);
	assert_non_null(memmem(dirty.data, dirty.len, "GPS", 3));

	/* The plain image comes through unchanged. */
	assert_int_equal(strip(t, &plain, &out), 0);
	assert_int_equal(out.len, plain.len);
	assert_memory_equal(out.data, plain.data, plain.len);

	/* The dirty one becomes the plain one. */
	sbuf_reset(&out);
	assert_int_equal(strip(t, &dirty, &out), 0);
	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		assert_null(memmem(out.data, out.len, gone[i],
		    strlen(gone[i])));
	if (t != FILETYPE_WEBP) {
		assert_int_equal(out.len, plain.len);
		assert_memory_equal(out.data, plain.data, plain.len);
	}
	assert_int_equal(filetype_sniff((unsigned char *)out.data, out.len),
	    t);
	assert_int_equal(strip(t, &out, &again), 0);
	assert_int_equal(again.len, out.len);
	assert_memory_equal(again.data, out.data, out.len);

	/* Appended to what out held. */
	sbuf_reset(&again);
	sbuf_puts(&again, "abc");
	assert_int_equal(strip(t, &dirty, &again), 0);
	assert_int_equal(again.len, 3 + out.len);
	assert_memory_equal(again.data + 3, out.data, out.len);

	/* Every prefix of the image, up to its end (not the tail). */
	prefixes(t, &plain);
	sbuf_reset(&again);
	build(&again, parts & ~TF_TAIL);
	prefixes(t, &again);

	/* Any byte flipped: 0 or -1, never a crash; a type stays. */
	for (i = 0; i < dirty.len; i++) {
		dirty.data[i] ^= 0x5a;
		sbuf_reset(&again);
		if (strip(t, &dirty, &again) == 0)
			assert_int_equal(filetype_sniff(
			    (unsigned char *)again.data, again.len), t);
		else
			assert_int_equal(again.len, 0);
		dirty.data[i] ^= 0x5a;
	}
	sbuf_free(&plain);
	sbuf_free(&dirty);
	sbuf_free(&out);
	sbuf_free(&again);
}

static void
test_png(void **state)
{
	struct sbuf	in, out;
	size_t		at;

	(void)state;
	check_type(FILETYPE_PNG, tf_png, TF_EXIF | TF_TEXT | TF_TAIL |
	    TF_OTHER);
	check_type(FILETYPE_PNG, tf_png, TF_EXIF);

	sbuf_init(&in);
	sbuf_init(&out);
	/* A bad CRC (the last byte of IHDR's). */
	tf_png(&in, 0);
	in.data[8 + 8 + 13 + 3] ^= 1;
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), -1);
	/* Lying lengths: IHDR's, then the IDAT's. */
	sbuf_reset(&in);
	tf_png(&in, 0);
	memcpy(in.data + 8, "\xff\xff\xff\xff", 4);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), -1);
	memcpy(in.data + 8, "\x7f\xff\xff\xff", 4);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), -1);
	sbuf_reset(&in);
	tf_png(&in, 0);
	at = 8 + 25;
	memcpy(in.data + at, "\0\0\x01\0", 4);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), -1);
	assert_int_equal(out.len, 0);
	/* No IEND; no IDAT; IHDR not first; IHDR twice. */
	sbuf_reset(&in);
	sbuf_add(&in, "\x89PNG\r\n\x1a\n", 8);
	tf_png_chunk(&in, "IHDR", "\0\0\0\1\0\0\0\1\x08\0\0\0\0", 13);
	tf_png_chunk(&in, "IDAT", "x", 1);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), -1);
	tf_png_chunk(&in, "IEND", "", 0);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), 0);
	sbuf_reset(&out);
	sbuf_reset(&in);
	sbuf_add(&in, "\x89PNG\r\n\x1a\n", 8);
	tf_png_chunk(&in, "IHDR", "\0\0\0\1\0\0\0\1\x08\0\0\0\0", 13);
	tf_png_chunk(&in, "IEND", "", 0);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), -1);
	sbuf_reset(&in);
	sbuf_add(&in, "\x89PNG\r\n\x1a\n", 8);
	tf_png_chunk(&in, "gAMA", "\0\0\xb1\x8f", 4);
	tf_png_chunk(&in, "IHDR", "\0\0\0\1\0\0\0\1\x08\0\0\0\0", 13);
	tf_png_chunk(&in, "IDAT", "x", 1);
	tf_png_chunk(&in, "IEND", "", 0);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), -1);
	sbuf_reset(&in);
	sbuf_add(&in, "\x89PNG\r\n\x1a\n", 8);
	tf_png_chunk(&in, "IHDR", "\0\0\0\1\0\0\0\1\x08\0\0\0\0", 13);
	tf_png_chunk(&in, "IHDR", "\0\0\0\1\0\0\0\1\x08\0\0\0\0", 13);
	tf_png_chunk(&in, "IDAT", "x", 1);
	tf_png_chunk(&in, "IEND", "", 0);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), -1);
	/* A chunk type that is not four letters. */
	sbuf_reset(&in);
	sbuf_add(&in, "\x89PNG\r\n\x1a\n", 8);
	tf_png_chunk(&in, "IHDR", "\0\0\0\1\0\0\0\1\x08\0\0\0\0", 13);
	tf_png_chunk(&in, "t<s>", "x", 1);
	tf_png_chunk(&in, "IDAT", "x", 1);
	tf_png_chunk(&in, "IEND", "", 0);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), -1);
	/* Kept: the colour chunks; dropped: zTXt, iTXt. */
	sbuf_reset(&in);
	sbuf_add(&in, "\x89PNG\r\n\x1a\n", 8);
	tf_png_chunk(&in, "IHDR", "\0\0\0\1\0\0\0\1\x08\0\0\0\0", 13);
	tf_png_chunk(&in, "gAMA", "\0\0\xb1\x8f", 4);
	tf_png_chunk(&in, "zTXt", "GPS\0\0x", 6);
	tf_png_chunk(&in, "iTXt", "GPS\0\0\0\0x", 8);
	tf_png_chunk(&in, "IDAT", "x", 1);
	tf_png_chunk(&in, "IEND", "", 0);
	assert_int_equal(strip(FILETYPE_PNG, &in, &out), 0);
	assert_non_null(memmem(out.data, out.len, "gAMA", 4));
	assert_null(memmem(out.data, out.len, "GPS", 3));
	assert_int_equal(out.len, 8 + 25 + 16 + 13 + 12);
	sbuf_free(&in);
	sbuf_free(&out);
}

static void
test_jpeg(void **state)
{
	struct sbuf	in, out;

	(void)state;
	check_type(FILETYPE_JPEG, tf_jpeg, TF_EXIF | TF_TEXT | TF_TAIL |
	    TF_OTHER);
	check_type(FILETYPE_JPEG, tf_jpeg, TF_EXIF);

	sbuf_init(&in);
	sbuf_init(&out);
	/* A segment length that runs past the end. */
	tf_jpeg(&in, TF_EXIF);
	in.data[sizeof(tf_jpeg_head) + 2] = 0x7f;
	assert_int_equal(strip(FILETYPE_JPEG, &in, &out), -1);
	/* A length below 2. */
	in.data[sizeof(tf_jpeg_head) + 2] = 0;
	in.data[sizeof(tf_jpeg_head) + 3] = 1;
	assert_int_equal(strip(FILETYPE_JPEG, &in, &out), -1);
	/* No EOI: the scan data runs out. */
	sbuf_reset(&in);
	tf_jpeg(&in, 0);
	in.len -= 2;
	assert_int_equal(strip(FILETYPE_JPEG, &in, &out), -1);
	/* SOS before any SOF. */
	sbuf_reset(&in);
	sbuf_add(&in, "\xff\xd8", 2);
	tf_jpeg_seg(&in, 0xda, "\x01\x01\x00\x00\x3f\x00", 6);
	sbuf_add(&in, "\x3f\xff\xd9", 3);
	assert_int_equal(strip(FILETYPE_JPEG, &in, &out), -1);
	/* SOI then EOI: no image. */
	sbuf_reset(&in);
	sbuf_add(&in, "\xff\xd8\xff\xd9", 4);
	assert_int_equal(strip(FILETYPE_JPEG, &in, &out), -1);
	/* A reserved marker. */
	sbuf_reset(&in);
	sbuf_add(&in, "\xff\xd8\xff\x02\0\x02", 6);
	sbuf_add(&in, tf_jpeg_body, sizeof(tf_jpeg_body));
	assert_int_equal(strip(FILETYPE_JPEG, &in, &out), -1);
	assert_int_equal(out.len, 0);
	/* Fill bytes, stuffed 0xFF00 and RSTn in the scan are kept. */
	sbuf_reset(&in);
	sbuf_add(&in, "\xff\xd8\xff\xff", 4);
	sbuf_add(&in, tf_jpeg_body, sizeof(tf_jpeg_body) - 3);
	sbuf_add(&in, "\xff\x00\xff\xd0\x12\xff\xd9", 7);
	assert_int_equal(strip(FILETYPE_JPEG, &in, &out), 0);
	assert_int_equal(out.len, 2 + sizeof(tf_jpeg_body) - 3 + 7);
	assert_memory_equal(out.data + out.len - 7,
	    "\xff\x00\xff\xd0\x12\xff\xd9", 7);
	sbuf_free(&in);
	sbuf_free(&out);
}

static void
test_webp(void **state)
{
	struct sbuf	in, out;
	uint32_t	size;

	(void)state;
	check_type(FILETYPE_WEBP, tf_webp, TF_EXIF | TF_TEXT | TF_TAIL |
	    TF_OTHER);
	check_type(FILETYPE_WEBP, tf_webp, TF_EXIF);

	sbuf_init(&in);
	sbuf_init(&out);
	/* VP8X kept with its EXIF and XMP flags cleared, size rewritten. */
	tf_webp(&in, TF_EXIF | TF_TEXT);
	assert_int_equal(in.data[20] & 0x0c, 0x0c);
	assert_int_equal(strip(FILETYPE_WEBP, &in, &out), 0);
	assert_memory_equal(out.data + 12, "VP8X", 4);
	assert_int_equal(out.data[20], 0x10);
	assert_int_equal(out.len, 12 + 18 + 8 + sizeof(tf_vp8l) + 1);
	size = (uint32_t)(unsigned char)out.data[4] |
	    ((uint32_t)(unsigned char)out.data[5] << 8);
	assert_int_equal(size, out.len - 8);
	/* RIFF size beyond the file; a chunk beyond the RIFF data. */
	sbuf_reset(&out);
	in.data[6] = 1;
	assert_int_equal(strip(FILETYPE_WEBP, &in, &out), -1);
	in.data[6] = 0;
	in.data[16 + 18 + 2] = 1;
	assert_int_equal(strip(FILETYPE_WEBP, &in, &out), -1);
	/* The first chunk is not an image chunk. */
	sbuf_reset(&in);
	sbuf_add(&in, "RIFF\x1e\0\0\0WEBP", 12);
	tf_riff_chunk(&in, "EXIF", "GPS", 3);
	tf_riff_chunk(&in, "VP8L", tf_vp8l, 5);
	assert_int_equal(strip(FILETYPE_WEBP, &in, &out), -1);
	/* VP8X but no image at all. */
	sbuf_reset(&in);
	sbuf_add(&in, "RIFF\x16\0\0\0WEBPVP8X\x0a\0\0\0", 20);
	sbuf_add(&in, "\0\0\0\0\0\0\0\0\0\0", 10);
	assert_int_equal(strip(FILETYPE_WEBP, &in, &out), -1);
	/* A VP8X too short to hold its flags and canvas. */
	sbuf_reset(&in);
	sbuf_add(&in, "RIFF\x0e\0\0\0WEBPVP8X\x02\0\0\0\x08\0", 22);
	assert_int_equal(strip(FILETYPE_WEBP, &in, &out), -1);
	assert_int_equal(out.len, 0);
	sbuf_free(&in);
	sbuf_free(&out);
}

static void
test_other_types(void **state)
{
	static const char	 pdf[] = "%PDF-1.4\n<</JS(x)>>\n";
	struct sbuf		 out;
	int			 t;

	(void)state;
	sbuf_init(&out);
	for (t = 0; t < FILETYPE__MAX; t++) {
		if (filetype_is_image((enum filetype)t))
			continue;
		sbuf_reset(&out);
		assert_int_equal(imgstrip((enum filetype)t,
		    (const unsigned char *)pdf, sizeof(pdf) - 1, &out), 0);
		assert_int_equal(out.len, sizeof(pdf) - 1);
		assert_memory_equal(out.data, pdf, sizeof(pdf) - 1);
	}
	/* Garbage called an image. */
	sbuf_reset(&out);
	assert_int_equal(imgstrip(FILETYPE_PNG, (const unsigned char *)pdf,
	    sizeof(pdf) - 1, &out), -1);
	assert_int_equal(imgstrip(FILETYPE_JPEG, (const unsigned char *)pdf,
	    sizeof(pdf) - 1, &out), -1);
	assert_int_equal(imgstrip(FILETYPE_WEBP, (const unsigned char *)pdf,
	    sizeof(pdf) - 1, &out), -1);
	assert_int_equal(imgstrip(FILETYPE_PNG, NULL, 0, &out), -1);
	assert_int_equal(out.len, 0);
	sbuf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_png),
		cmocka_unit_test(test_jpeg),
		cmocka_unit_test(test_webp),
		cmocka_unit_test(test_other_types),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
