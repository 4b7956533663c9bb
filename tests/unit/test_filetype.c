/*
 * filetype: every allowed type is recognised from a real minimal file
 * (tests/unit/testfiles.h), every refused kind is named or UNKNOWN,
 * polyglots are what their first bytes say, the media types match
 * sql/009_resource.sql's upload_mime, and no prefix or damaged copy of
 * any of the files makes the sniffer read outside its input (ASan).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/filetype.h"
#include "core/sbuf.h"
#include "testfiles.h"

#define SNIFF(s)	filetype_sniff((const unsigned char *)(s), \
			    sizeof(s) - 1)

static enum filetype
sniff_sb(struct sbuf *sb)
{
	return (filetype_sniff((unsigned char *)sb->data, sb->len));
}

/* Every prefix, and every byte flipped: no crash, no read past. */
static void
damage(const struct sbuf *sb)
{
	unsigned char	*c;
	size_t		 i;
	int		 t;

	for (i = 0; i <= sb->len; i++) {
		/* A copy of exactly i bytes, so ASan sees the end. */
		c = test_malloc(i + 1);
		memcpy(c, sb->data, i);
		t = filetype_sniff(c, i);
		assert_true(t >= 0 && t < FILETYPE__MAX);
		(void)filetype_pdf_active(c, i);
		test_free(c);
	}
	c = test_malloc(sb->len);
	for (i = 0; i < sb->len; i++) {
		memcpy(c, sb->data, sb->len);
		c[i] ^= 0xff;
		t = filetype_sniff(c, sb->len);
		assert_true(t >= 0 && t < FILETYPE__MAX);
	}
	test_free(c);
}

static void
test_allowed(void **state)
{
	struct sbuf	sb;

	(void)state;
	sbuf_init(&sb);
	sbuf_puts(&sb, tf_pdf);
	assert_int_equal(sniff_sb(&sb), FILETYPE_PDF);
	damage(&sb);

	sbuf_reset(&sb);
	tf_png(&sb, 0);
	assert_int_equal(sniff_sb(&sb), FILETYPE_PNG);
	damage(&sb);

	sbuf_reset(&sb);
	tf_jpeg(&sb, TF_EXIF);
	assert_int_equal(sniff_sb(&sb), FILETYPE_JPEG);
	assert_non_null(memmem(sb.data, sb.len, "GPS", 3));
	damage(&sb);

	sbuf_reset(&sb);
	tf_webp(&sb, 0);
	assert_int_equal(sniff_sb(&sb), FILETYPE_WEBP);
	damage(&sb);
	sbuf_reset(&sb);
	tf_webp(&sb, TF_EXIF);
	assert_int_equal(sniff_sb(&sb), FILETYPE_WEBP);
	assert_memory_equal(sb.data + 12, "VP8X", 4);
	damage(&sb);

	sbuf_reset(&sb);
	tf_zip(&sb, tf_odt, 3);
	assert_int_equal(sniff_sb(&sb), FILETYPE_ODT);
	damage(&sb);

	sbuf_reset(&sb);
	tf_zip(&sb, tf_docx, 3);
	assert_int_equal(sniff_sb(&sb), FILETYPE_DOCX);
	damage(&sb);
	sbuf_free(&sb);

	assert_int_equal(SNIFF("Hallo, dit is een tekst.\n"), FILETYPE_TEXT);
	assert_int_equal(SNIFF("\xef\xbb\xbf" "Caf\xc3\xa9 \xe2\x82\xac 5\r\n"
	    "\tmet tab\f\n"), FILETYPE_TEXT);
	assert_int_equal(SNIFF("emoji \xf0\x9f\x98\x80 en U+10FFFF "
	    "\xf4\x8f\xbf\xbf"), FILETYPE_TEXT);
	/* Markup-like text that is not a page. */
	assert_int_equal(SNIFF("a < b en c > d\n<ab> is geen tag\n"),
	    FILETYPE_TEXT);
	assert_int_equal(SNIFF("<abc>\n"), FILETYPE_TEXT);
	assert_int_equal(SNIFF("<bron>\n"), FILETYPE_TEXT);
}

static void
test_refused(void **state)
{
	static const char *const html[] = {
		"<!DOCTYPE html><title>x</title>",
		"  \r\n\t<HTML>",
		"<html>",
		"<p>hallo</p>",
		"<a href=x>",
		"<b>vet</b>",
		"<body>",
		"<!-- commentaar -->",
		"<!--x",
		"<?xml version=\"1.0\"?><a/>",
		"Een gewone tekst\nmet later <script>alert(1)</script>",
		"tekst <ScRiPt src=//x>",
		"tekst <iframe src=x>",
		"tekst <object data=x>",
		"tekst <embed src=x>",
		"tekst <html>",
	};
	static const char *const svg[] = {
		"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
		"<?xml version=\"1.0\"?>\n<svg onload=\"alert(1)\"/>",
		"tekst <SVG>",
		"<svg><script>alert(1)</script></svg>",
	};
	struct sbuf	sb;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(html) / sizeof(html[0]); i++)
		assert_int_equal(filetype_sniff((const unsigned char *)html[i],
		    strlen(html[i])), FILETYPE_HTML);
	for (i = 0; i < sizeof(svg) / sizeof(svg[0]); i++)
		assert_int_equal(filetype_sniff((const unsigned char *)svg[i],
		    strlen(svg[i])), FILETYPE_SVG);

	/* Not text. */
	assert_int_equal(SNIFF("tekst\0met NUL"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("bel \x07"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("esc \x1b[31m"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("del \x7f"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("latin-1 caf\xe9"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("overlong \xc0\xaf"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("overlong \xe0\x80\xaf"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("surrogate \xed\xa0\x80"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("te groot \xf4\x90\x80\x80"),
	    FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("los \x80"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("afgekapt \xe2\x82"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("\xff\xfeu\0t\0f\0-\0" "1\0" "6\0"),
	    FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("\xef\xbb\xbf"), FILETYPE_UNKNOWN);
	assert_int_equal(filetype_sniff((const unsigned char *)"", 0),
	    FILETYPE_UNKNOWN);
	assert_int_equal(filetype_sniff(NULL, 0), FILETYPE_UNKNOWN);

	/* A PDF after a BOM or junk is no PDF, and no text either. */
	assert_int_equal(SNIFF("\xef\xbb\xbf%PDF-1.4\n"), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("junk\n%PDF-1.4\n"), FILETYPE_UNKNOWN);

	/* Programs. */
	assert_int_equal(SNIFF("\177ELF\2\1\1"), FILETYPE_EXE);
	assert_int_equal(SNIFF("MZ\x90\0\3"), FILETYPE_EXE);
	assert_int_equal(SNIFF("MZ is ook tekst"), FILETYPE_EXE);
	assert_int_equal(SNIFF("#!/bin/sh\nrm -rf /\n"), FILETYPE_EXE);
	assert_int_equal(SNIFF("\xcf\xfa\xed\xfe\x07"), FILETYPE_EXE);
	assert_int_equal(SNIFF("\xca\xfe\xba\xbe\0"), FILETYPE_EXE);

	/* GIF, even one that is all text (a known JavaScript polyglot). */
	assert_int_equal(SNIFF("GIF89a\x01\0\x01\0\x80\0\0"),
	    FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("GIF89a/*xx*/=alert(1)//"), FILETYPE_UNKNOWN);
	/* A PNG signature without IHDR, a RIFF that is no WebP. */
	assert_int_equal(SNIFF("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDX"),
	    FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("RIFF\x04\0\0\0WAVEfmt "), FILETYPE_UNKNOWN);
	assert_int_equal(SNIFF("RIFF\x04\0\0\0WEBPEXIF"), FILETYPE_UNKNOWN);

	/* ZIPs that are neither. */
	sbuf_init(&sb);
	{
		static const struct tf_entry	zip[] = {
			{ "a.txt", "hallo" }, { "b.html", "<script>" },
		};
		static const struct tf_entry	odt_bad[] = {
			{ "mimetype", "application/vnd.oasis.opendocument."
			    "spreadsheet" },
			{ "content.xml", "<x/>" },
		};
		static const struct tf_entry	odt_late[] = {
			{ "content.xml", "<x/>" },
			{ "mimetype", TF_ODT_MIME },
		};
		static const struct tf_entry	docx_half[] = {
			{ "[Content_Types].xml", "<Types/>" },
			{ "word/other.xml", "<x/>" },
		};
		static const struct tf_entry	docm[] = {
			{ "[Content_Types].xml", "<Types/>" },
			{ "word/document.xml", "<w:document/>" },
			{ "word/vbaProject.bin", "\xd0\xcf\x11\xe0" },
		};
		static const struct tf_entry	docm2[] = {
			{ "[content_types].XML", "<Types/>" },
			{ "Word/Document.xml", "<w:document/>" },
			{ "word/media/VBAPROJECT.BIN", "x" },
		};

		static const struct tf_entry	docx_not_vba[] = {
			{ "[Content_Types].xml", "<Types/>" },
			{ "word/document.xml", "<w:document/>" },
			{ "word/myvbaProject.bin", "x" },
		};

		tf_zip(&sb, zip, 2);
		assert_int_equal(sniff_sb(&sb), FILETYPE_ZIP);
		damage(&sb);
		sbuf_reset(&sb);
		tf_zip(&sb, odt_bad, 2);
		assert_int_equal(sniff_sb(&sb), FILETYPE_ZIP);
		sbuf_reset(&sb);
		tf_zip(&sb, odt_late, 2);
		assert_int_equal(sniff_sb(&sb), FILETYPE_ZIP);
		sbuf_reset(&sb);
		tf_zip(&sb, docx_half, 2);
		assert_int_equal(sniff_sb(&sb), FILETYPE_ZIP);
		sbuf_reset(&sb);
		tf_zip(&sb, docm, 3);
		assert_int_equal(sniff_sb(&sb), FILETYPE_MACRO);
		damage(&sb);
		sbuf_reset(&sb);
		tf_zip(&sb, docm2, 3);
		assert_int_equal(sniff_sb(&sb), FILETYPE_MACRO);
		sbuf_reset(&sb);
		tf_zip(&sb, docx_not_vba, 3);
		assert_int_equal(sniff_sb(&sb), FILETYPE_DOCX);
		sbuf_reset(&sb);
		tf_zip(&sb, zip, 0);		/* empty */
		assert_int_equal(sniff_sb(&sb), FILETYPE_ZIP);
	}
	sbuf_free(&sb);
}

static void
test_zip_damaged(void **state)
{
	struct sbuf	sb;
	size_t		eocd;

	(void)state;
	sbuf_init(&sb);
	/* Cut before the end record: nothing could open it. */
	tf_zip(&sb, tf_docx, 3);
	assert_int_equal(filetype_sniff((unsigned char *)sb.data,
	    sb.len - 22), FILETYPE_UNKNOWN);
	/* The directory's offset points past the end record. */
	eocd = sb.len - 22;
	sb.data[eocd + 16] = (char)0xf0;
	sb.data[eocd + 17] = (char)0x7f;
	assert_int_equal(sniff_sb(&sb), FILETYPE_UNKNOWN);
	/* A directory size that lies. */
	sbuf_reset(&sb);
	tf_zip(&sb, tf_docx, 3);
	sb.data[eocd + 12] = (char)0xff;
	sb.data[eocd + 13] = (char)0xff;
	assert_int_equal(sniff_sb(&sb), FILETYPE_UNKNOWN);
	/* More entries than the directory holds. */
	sbuf_reset(&sb);
	tf_zip(&sb, tf_docx, 3);
	sb.data[eocd + 8] = 9;
	sb.data[eocd + 10] = 9;
	assert_int_equal(sniff_sb(&sb), FILETYPE_UNKNOWN);
	/* A name length that runs out of the directory. */
	sbuf_reset(&sb);
	tf_zip(&sb, tf_odt, 3);
	eocd = sb.len - 22;
	sb.data[(unsigned char)sb.data[eocd + 16] +
	    ((unsigned char)sb.data[eocd + 17] << 8) + 29] = 0x7f;
	assert_int_equal(sniff_sb(&sb), FILETYPE_UNKNOWN);
	/* ZIP64 markers: not ours. */
	sbuf_reset(&sb);
	tf_zip(&sb, tf_docx, 3);
	eocd = sb.len - 22;
	memset(sb.data + eocd + 16, 0xff, 4);
	assert_int_equal(sniff_sb(&sb), FILETYPE_ZIP);
	/* ODT's mimetype entry said to be compressed. */
	sbuf_reset(&sb);
	tf_zip(&sb, tf_odt, 3);
	sb.data[8] = 8;
	assert_int_equal(sniff_sb(&sb), FILETYPE_ZIP);
	sbuf_free(&sb);
}

static void
test_polyglot(void **state)
{
	struct sbuf	sb;

	(void)state;
	sbuf_init(&sb);
	tf_png(&sb, TF_TEXT | TF_TAIL);
	assert_int_equal(sniff_sb(&sb), FILETYPE_PNG);
	sbuf_reset(&sb);
	tf_jpeg(&sb, TF_TEXT | TF_TAIL);
	assert_int_equal(sniff_sb(&sb), FILETYPE_JPEG);
	sbuf_reset(&sb);
	/* HTML first, a PNG after it: no PNG, and no text (NUL bytes). */
	sbuf_puts(&sb, "<html>");
	tf_png(&sb, 0);
	assert_int_equal(sniff_sb(&sb), FILETYPE_UNKNOWN);
	sbuf_reset(&sb);
	sbuf_puts(&sb, "<html>\n");
	assert_int_equal(sniff_sb(&sb), FILETYPE_HTML);
	/* A PDF holding a page stays a PDF (always an attachment). */
	sbuf_reset(&sb);
	sbuf_puts(&sb, "%PDF-1.4\n<html><script>alert(1)</script>\n");
	assert_int_equal(sniff_sb(&sb), FILETYPE_PDF);
	sbuf_free(&sb);
}

static void
test_names(void **state)
{
	/* upload_mime in sql/009_resource.sql, in its order. */
	static const char *const sql[] = { "application/pdf", "image/png",
	    "image/jpeg", "image/webp", "text/plain",
	    "application/vnd.oasis.opendocument.text",
	    "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document" };
	static const enum filetype	types[] = { FILETYPE_PDF,
	    FILETYPE_PNG, FILETYPE_JPEG, FILETYPE_WEBP, FILETYPE_TEXT,
	    FILETYPE_ODT, FILETYPE_DOCX };
	static const char *const ext[] = { "pdf", "png", "jpg", "webp",
	    "txt", "odt", "docx" };
	size_t	i;
	int	t, allowed = 0;

	(void)state;
	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		assert_string_equal(filetype_mime(types[i]), sql[i]);
		assert_string_equal(filetype_ext(types[i]), ext[i]);
		assert_int_equal(filetype_by_mime(sql[i]), types[i]);
		assert_int_equal(filetype_is_image(types[i]),
		    types[i] == FILETYPE_PNG || types[i] == FILETYPE_JPEG ||
		    types[i] == FILETYPE_WEBP);
	}
	for (t = 0; t < FILETYPE__MAX; t++)
		if (filetype_mime((enum filetype)t) != NULL) {
			allowed++;
			assert_non_null(filetype_ext((enum filetype)t));
		} else
			assert_null(filetype_ext((enum filetype)t));
	assert_int_equal(allowed, 7);
	assert_null(filetype_mime(FILETYPE_HTML));
	assert_null(filetype_mime(FILETYPE__MAX));
	assert_null(filetype_ext((enum filetype)-1));
	assert_int_equal(filetype_by_mime("text/html"), FILETYPE_UNKNOWN);
	assert_int_equal(filetype_by_mime("IMAGE/PNG"), FILETYPE_UNKNOWN);
	assert_int_equal(filetype_by_mime(NULL), FILETYPE_UNKNOWN);
	assert_false(filetype_is_image(FILETYPE_SVG));
}

#define ACTIVE(s)	filetype_pdf_active((const unsigned char *)(s), \
			    sizeof(s) - 1)

static void
test_pdf_active(void **state)
{
	(void)state;
	assert_int_equal(ACTIVE(tf_pdf), 0);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /S /JavaScript /JS (x) >>"), 1);
	assert_int_equal(ACTIVE("%PDF-1.4\n<</JS(app.alert(1))>>"), 1);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /J#61vaScript 4 0 R >>"), 1);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /#4A#53 (x) >>"), 1);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /Launch << /F (x.exe) >> >>"),
	    1);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /AA << /O 5 0 R >> >>"), 1);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /EmbeddedFiles 6 0 R >>"), 1);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /Type /EmbeddedFile >>"), 1);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /OpenAction << /S /GoTo >> >>"),
	    1);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /OpenAction 7 0 R >>"), 1);
	/* A page to open at is no action. */
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /OpenAction [3 0 R /Fit] >>"),
	    0);
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /OpenAction\n[3 0 R /Fit] >>"),
	    0);
	/* Names that only start like one. */
	assert_int_equal(ACTIVE("%PDF-1.4\n<< /JSON /AAB /Launcher /JS2 >>"),
	    0);
	assert_int_equal(ACTIVE("%PDF-1.4\n(JavaScript in a string)"), 0);
	assert_int_equal(ACTIVE("/J#6"), 0);
	assert_int_equal(ACTIVE("/"), 0);
	assert_int_equal(ACTIVE("/OpenAction"), 0);
	assert_int_equal(filetype_pdf_active(NULL, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_allowed),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_zip_damaged),
		cmocka_unit_test(test_polyglot),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_pdf_active),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
