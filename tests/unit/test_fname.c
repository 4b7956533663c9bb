/*
 * fname: names from the browser become names safe to show and to put
 * in a header (no path, controls, bidi tricks, invalid UTF-8, quotes or
 * semicolons; the extension of the type found; at most FNAME_MAX bytes
 * cut on a character boundary), and Content-Disposition carries them
 * as an ASCII fallback plus RFC 8187 percent-encoded UTF-8.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/fname.h"
#include "core/sbuf.h"

static void
check_clean(const char *in, size_t len, const char *ext, const char *want,
    const char *file, int line)
{
	char	out[FNAME_MAX + 1], again[FNAME_MAX + 1];

	memset(out, 'x', sizeof(out));
	fname_clean(in, len, ext, out, sizeof(out));
	_assert_string_equal(out, want, file, line);
	_assert_true(strlen(out) <= FNAME_MAX, "length", file, line);
	/* Cleaning a clean name keeps it. */
	fname_clean(out, strlen(out), ext, again, sizeof(again));
	_assert_string_equal(again, out, file, line);
}

#define CLEAN(in, ext, want)						\
	check_clean((in), sizeof(in) - 1, (ext), (want), __FILE__, __LINE__)

static void
test_paths(void **state)
{
	(void)state;
	CLEAN("../../etc/passwd", "txt", "passwd.txt");
	CLEAN("C:\\dir\\x.pdf", "pdf", "x.pdf");
	CLEAN("/abs/path/rapport.PDF", "pdf", "rapport.pdf");
	CLEAN("mixed/..\\../a b.docx", "docx", "a b.docx");
	CLEAN("dir/", "pdf", "bestand.pdf");
	CLEAN("..", "pdf", "bestand.pdf");
	CLEAN("../", "pdf", "bestand.pdf");
}

static void
test_bytes(void **state)
{
	(void)state;
	/* NUL inside: dropped, not the end. */
	CLEAN("ab\0cd.pdf", "pdf", "abcd.pdf");
	CLEAN("foto.jpg\0.exe", "jpg", "foto.jpg.jpg");
	/* C0, DEL and C1 controls; CR LF cannot split a header. */
	CLEAN("a\x01" "b\x7f" "c\xc2\x80" "d\xc2\x9f.txt", "txt", "abcd.txt");
	CLEAN("x\r\nSet-Cookie: a=b.pdf", "pdf", "x Set-Cookie: a=b.pdf");
	/* Invalid UTF-8: lone bytes, overlong, surrogate, cut short. */
	CLEAN("a\xff" "b\xc0\xaf" "c\xed\xa0\x80" "d\xe2\x82.txt", "txt",
	    "abcd.txt");
	CLEAN("caf\xe9.txt", "txt", "caf.txt");
	/* Valid UTF-8 stays. */
	CLEAN("Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80.pdf", "pdf",
	    "Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80.pdf");
}

static void
test_bidi(void **state)
{
	char	out[FNAME_MAX + 1];

	(void)state;
	/* "foto<RLO>gpj.exe" shows as "fotoexe.jpg". */
	CLEAN("foto\xe2\x80\xaegpj.exe", "jpg", "fotogpj.jpg");
	fname_clean("\xe2\x80\xae" "fdp.exe", 10, "pdf", out, sizeof(out));
	assert_string_equal(out, "fdp.pdf");
	assert_null(strstr(out, "\xe2\x80\xae"));
	/* Every listed invisible or bidi character goes. */
	CLEAN("a\xd8\x9c" "b\xe2\x80\x8b" "c\xe2\x80\x8f" "d\xe2\x80\xaa"
	    "e\xe2\x81\xa0" "f\xe2\x81\xa9" "g\xef\xbb\xbf" "h.txt", "txt",
	    "abcdefgh.txt");
	/* Unicode spaces are spaces. */
	CLEAN("a\xc2\xa0\xe2\x80\x83" "b\xe3\x80\x80" "c.txt", "txt",
	    "a b c.txt");
}

static void
test_shape(void **state)
{
	(void)state;
	CLEAN("my \"file\"; x.pdf", "pdf", "my _file__ x.pdf");
	CLEAN("  a \t\n  b  .pdf", "pdf", "a b.pdf");
	CLEAN("....", "pdf", "bestand.pdf");
	CLEAN(".", "txt", "bestand.txt");
	CLEAN(". . .", "txt", "bestand.txt");
	CLEAN("", "txt", "bestand.txt");
	CLEAN(".pdf", "pdf", "pdf.pdf");
	CLEAN("...pdf", "pdf", "pdf.pdf");
	CLEAN(".bashrc", "txt", "bashrc.txt");
	CLEAN("x..pdf", "pdf", "x.pdf");
	CLEAN(" .x. ", "txt", "x.txt");
	/* The extension is the content's. */
	CLEAN("photo.exe", "png", "photo.png");
	CLEAN("photo.jpg.exe", "jpg", "photo.jpg.jpg");
	CLEAN("rapport", "pdf", "rapport.pdf");
	CLEAN("v1.2 notes", "txt", "v1.2 notes.txt");
	CLEAN("Verslag 12.3.", "txt", "Verslag 12.3.txt");
	/* No extension given: none kept. */
	CLEAN("photo.exe", NULL, "photo");
	CLEAN("", NULL, "bestand");
	CLEAN("a.b", "", "a");
	/* An ext that is no extension is ignored. */
	CLEAN("a.b", "p/df", "a");
}

static void
test_length(void **state)
{
	char	in[700], want[FNAME_MAX + 1], out[FNAME_MAX + 1];
	size_t	i;

	(void)state;
	/* 300 ASCII bytes: the stem cut, the extension kept. */
	memset(in, 'a', 300);
	memcpy(in + 300, ".docx", 5);
	memset(want, 'a', FNAME_MAX - 5);
	memcpy(want + FNAME_MAX - 5, ".docx", 6);
	check_clean(in, 305, "docx", want, __FILE__, __LINE__);

	/* 150 × "é" (2 bytes): 58 fit before ".pdf" (116 bytes). */
	for (i = 0; i < 150; i++)
		memcpy(in + 2 * i, "\xc3\xa9", 2);
	for (i = 0; i < 58; i++)
		memcpy(want + 2 * i, "\xc3\xa9", 2);
	memcpy(want + 116, ".pdf", 5);
	check_clean(in, 300, "pdf", want, __FILE__, __LINE__);

	/* 100 × "€" (3 bytes): 38 fit (114 bytes), no half character. */
	for (i = 0; i < 100; i++)
		memcpy(in + 3 * i, "\xe2\x82\xac", 3);
	for (i = 0; i < 38; i++)
		memcpy(want + 3 * i, "\xe2\x82\xac", 3);
	memcpy(want + 114, ".pdf", 5);
	check_clean(in, 300, "pdf", want, __FILE__, __LINE__);

	/* 4-byte characters: 29 fit in 116. */
	for (i = 0; i < 100; i++)
		memcpy(in + 4 * i, "\xf0\x9f\x98\x80", 4);
	fname_clean(in, 400, "pdf", out, sizeof(out));
	assert_int_equal(strlen(out), 29 * 4 + 4);

	/* A cut that ends on a space: trimmed. */
	memset(in, 'b', 300);
	in[115] = ' ';
	fname_clean(in, 300, "pdf", out, sizeof(out));
	assert_int_equal(strlen(out), 115 + 4);
	assert_int_equal(out[114], 'b');

	/* 700 bytes of nothing but controls. */
	memset(in, '\x01', sizeof(in));
	check_clean(in, sizeof(in), "txt", "bestand.txt", __FILE__, __LINE__);

	/* A buffer smaller than asked: still terminated and within. */
	fname_clean("rapport.pdf", 11, "pdf", out, 8);
	assert_true(strlen(out) < 8);
	fname_clean("rapport.pdf", 11, "pdf", out, 1);
	assert_string_equal(out, "");
	fname_clean(NULL, 5, "pdf", out, sizeof(out));
	assert_string_equal(out, "bestand.pdf");
}

static void
check_disp(const char *name, int inline_, const char *want,
    const char *file, int line)
{
	struct sbuf	sb;

	sbuf_init(&sb);
	fname_disposition(&sb, name, inline_);
	_assert_string_equal(sbuf_cstr(&sb), want, file, line);
	sbuf_free(&sb);
}

#define DISP(n, i, w)	check_disp((n), (i), (w), __FILE__, __LINE__)

static void
test_disposition(void **state)
{
	(void)state;
	DISP("rapport.pdf", 0,
	    "attachment; filename=\"rapport.pdf\"; "
	    "filename*=UTF-8''rapport.pdf");
	DISP("foto.jpg", 1,
	    "inline; filename=\"foto.jpg\"; filename*=UTF-8''foto.jpg");
	/* Every non-ASCII byte is '_' in the fallback. */
	DISP("\xc3\xa9\xc3\xa9n \xe2\x82\xac.pdf", 0,
	    "attachment; filename=\"____n ___.pdf\"; "
	    "filename*=UTF-8''%C3%A9%C3%A9n%20%E2%82%AC.pdf");
	/* Quote, backslash, percent, apostrophe and the like. */
	DISP("a\"b\\c%d'e(f);g,h=i.txt", 0,
	    "attachment; filename=\"a_b_c%d'e(f);g,h=i.txt\"; "
	    "filename*=UTF-8''a%22b%5Cc%25d%27e%28f%29%3Bg%2Ch%3Di.txt");
	/* attr-char stays as it is. */
	DISP("A-z_0.9!#$&+^`|~", 0,
	    "attachment; filename=\"A-z_0.9!#$&+^`|~\"; "
	    "filename*=UTF-8''A-z_0.9!#$&+^`|~");
	/* A name that was never cleaned still cannot break the header. */
	DISP("x\r\nSet-Cookie: a", 0,
	    "attachment; filename=\"x__Set-Cookie: a\"; "
	    "filename*=UTF-8''x%0D%0ASet-Cookie%3A%20a");
	DISP("", 0, "attachment; filename=\"bestand\"; "
	    "filename*=UTF-8''bestand");
	DISP(NULL, 1, "inline; filename=\"bestand\"; "
	    "filename*=UTF-8''bestand");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_bidi),
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_disposition),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
