/*
 * slug: diacritics and ligatures folded, apostrophes dropped, other
 * characters separate, the cut at a hyphen at most SLUG_MAX bytes in,
 * small buffers, and bad UTF-8.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/path.h"
#include "core/slug.h"

#define SLUG(in, want)	check_slug(in, want, __FILE__, __LINE__)

static void	check_slug(const char *, const char *, const char *, int);
static char	*repeat(const char *, size_t);

static void
check_slug(const char *in, const char *want, const char *file, int line)
{
	char	out[SLUG_MAX + 1];
	size_t	n;

	memset(out, 'X', sizeof(out));
	n = slug_make(in, out, sizeof(out));
	_assert_string_equal(out, want, file, line);
	_assert_int_equal(n, strlen(want), file, line);
	/* Whatever comes out has the shape the SQL domain wants. */
	_assert_true(n == 0 || path_slug_ok(out, n), "slug shape", file,
	    line);
}

/* n copies of s; the caller frees. */
static char *
repeat(const char *s, size_t n)
{
	size_t	 len = strlen(s), i;
	char	*out;

	out = malloc(len * n + 1);
	assert_non_null(out);
	for (i = 0; i < n; i++)
		memcpy(out + i * len, s, len);
	out[len * n] = '\0';
	return (out);
}

static void
t_ascii(void **state)
{
	(void)state;
	SLUG("Hallo wereld", "hallo-wereld");
	SLUG("  Hallo,   wereld!  ", "hallo-wereld");
	SLUG("Top 10 tips voor 2024", "top-10-tips-voor-2024");
	SLUG("a_b.c/d\\e+f", "a-b-c-d-e-f");
	SLUG("--al-een--slug--", "al-een-slug");
	SLUG("x", "x");
	SLUG("ABC", "abc");
}

static void
t_diacritics(void **state)
{
	(void)state;
	SLUG("Suïcidepreventie", "suicidepreventie");
	SLUG("Crème brûlée à la carte", "creme-brulee-a-la-carte");
	SLUG("àáâãäå èéêë ìíîï òóôõöø ùúûü ýÿ ñ ç",
	    "aaaaaa-eeee-iiii-oooooo-uuuu-yy-n-c");
	SLUG("ÀÁÂÃÄÅ ÈÉÊË ÌÍÎÏ ÒÓÔÕÖØ ÙÚÛÜ Ý Ñ Ç",
	    "aaaaaa-eeee-iiii-oooooo-uuuu-y-n-c");
	SLUG("Æble æble", "aeble-aeble");
	SLUG("Straße", "strasse");
	SLUG("Œuvre œil", "oeuvre-oeil");
	SLUG("Łódź Škoda Ťažký Ő", "lodz-skoda-tazky-o");
	/* A decomposed accent (e + U+0301) vanishes like a composed one. */
	SLUG("Cafe\xcc\x81 en caf\xc3\xa9", "cafe-en-cafe");
	/* × and ÷ are no letters. */
	SLUG("3×4÷2", "3-4-2");
}

static void
t_ij(void **state)
{
	(void)state;
	SLUG("ĳs", "ijs");
	SLUG("Ĳsselmeer", "ijsselmeer");
	SLUG("IJsselmeer", "ijsselmeer");
	SLUG("Ĳzer en ĳzer", "ijzer-en-ijzer");
}

static void
t_apostrophe(void **state)
{
	(void)state;
	SLUG("Jongeren’s plek", "jongerens-plek");
	SLUG("Jongeren's plek", "jongerens-plek");
	SLUG("’t Hoekje", "t-hoekje");
	SLUG("l'eau", "leau");
	/* Other quotes do separate. */
	SLUG("\"citaat\" en “meer”", "citaat-en-meer");
}

static void
t_nothing_left(void **state)
{
	char	out[8];

	(void)state;
	SLUG("", "");
	SLUG("!!!", "");
	SLUG("   ", "");
	SLUG("’’'", "");
	SLUG("\xf0\x9f\x98\x80 \xf0\x9f\x8e\x89", "");	/* emoji */
	SLUG("— … ·", "");
	/* A zero-size buffer is left alone. */
	out[0] = 'X';
	assert_int_equal(slug_make("abc", out, 0), 0);
	assert_int_equal(out[0], 'X');
}

static void
t_cut(void **state)
{
	char	*in, *want, *a, *b;

	(void)state;
	/* 30 words of 5: 13 fit (77 bytes), a 14th would make 83. */
	in = repeat("woord ", 30);
	want = repeat("woord-", 13);
	want[77] = '\0';
	SLUG(in, want);
	free(in);
	free(want);

	/* A hyphen right at byte 80 still counts: 80 bytes kept. */
	a = repeat("a", 40);
	b = repeat("b", 39);
	assert_true(asprintf(&in, "%s %s cc", a, b) > 0);
	assert_true(asprintf(&want, "%s-%s", a, b) > 0);
	assert_int_equal(strlen(want), SLUG_MAX);
	SLUG(in, want);
	free(in);
	free(want);
	free(b);

	/* One byte more: back to the hyphen after the first word. */
	b = repeat("b", 40);
	assert_true(asprintf(&in, "%s %s", a, b) > 0);
	SLUG(in, a);
	free(in);
	free(b);
	free(a);

	/* No hyphen to cut at: a hard cut at SLUG_MAX. */
	in = repeat("x", 100);
	want = repeat("x", SLUG_MAX);
	SLUG(in, want);
	free(in);
	free(want);

	/* Exactly SLUG_MAX is kept whole. */
	in = repeat("y", SLUG_MAX);
	SLUG(in, in);
	free(in);

	/* Multi-byte folds count as their ASCII letters. */
	in = repeat("é", SLUG_MAX + 5);
	want = repeat("e", SLUG_MAX);
	SLUG(in, want);
	free(in);
	free(want);
}

static void
t_small_buffer(void **state)
{
	char	out[8];

	(void)state;
	assert_int_equal(slug_make("hallo wereld", out, 1), 0);
	assert_string_equal(out, "");
	/* Room for 5: "hallo" then a hyphen at byte 5. */
	assert_int_equal(slug_make("hallo wereld", out, 6), 5);
	assert_string_equal(out, "hallo");
	/* Room for 4: the first word is cut hard. */
	assert_int_equal(slug_make("hallo wereld", out, 5), 4);
	assert_string_equal(out, "hall");
	assert_int_equal(slug_make("ab cd ef", out, 7), 5);
	assert_string_equal(out, "ab-cd");
	assert_int_equal(slug_make("ab cd ef", out, 8), 5);
	assert_string_equal(out, "ab-cd");
}

static void
t_bad_utf8(void **state)
{
	(void)state;
	SLUG("caf\xc3", "caf");			/* cut-off sequence */
	SLUG("a\xff" "b", "a-b");		/* never valid */
	SLUG("a\xc3(b", "a-b");			/* lead without continuation */
	SLUG("a\x80\x80" "b", "a-b");		/* lone continuations */
	SLUG("a\xc0\xaf" "b", "a-b");		/* overlong "/" */
	SLUG("a\xed\xa0\x80" "b", "a-b");	/* surrogate */
	SLUG("a\xf4\x90\x80\x80" "b", "a-b");	/* past U+10FFFF */
	SLUG("x\xe2\x80", "x");
	/* A bad byte before a good letter does not eat the letter. */
	SLUG("\xc3\xc3\xa9t\xc3\xa9", "ete");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_ascii),
		cmocka_unit_test(t_diacritics),
		cmocka_unit_test(t_ij),
		cmocka_unit_test(t_apostrophe),
		cmocka_unit_test(t_nothing_left),
		cmocka_unit_test(t_cut),
		cmocka_unit_test(t_small_buffer),
		cmocka_unit_test(t_bad_utf8),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
