/*
 * diff: the exact markup of small diffs (insert at start and end, one
 * changed word, CRLF against LF), escaping of every text, folding of
 * unchanged runs and the fold label, and the fallbacks past
 * DIFF_MAX_LINES and DIFF_MAX_EDITS.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/diff.h"
#include "core/sbuf.h"

#define TABLE	"<table class=\"diff\" role=\"presentation\">\n"
#define END	"</table>\n"
#define SAME(a, b, t)	"<tr class=\"diff-same\"><td class=\"diff-n\">" #a \
	"</td><td class=\"diff-n\">" #b "</td><td class=\"diff-m\"></td>" \
	"<td class=\"diff-t\">" t "</td></tr>\n"
#define DEL(a, t)	"<tr class=\"diff-del\"><td class=\"diff-n\">" #a \
	"</td><td class=\"diff-n\"></td><td class=\"diff-m\">\xe2\x88\x92" \
	"</td><td class=\"diff-t\">" t "</td></tr>\n"
#define INS(b, t)	"<tr class=\"diff-ins\"><td class=\"diff-n\"></td>" \
	"<td class=\"diff-n\">" #b "</td><td class=\"diff-m\">+</td>" \
	"<td class=\"diff-t\">" t "</td></tr>\n"
#define FOLD(t)		"<tr class=\"diff-fold\"><td colspan=\"4\">" t \
	"</td></tr>\n"
#define FMT		"%zu ongewijzigd"

#define DIFF(a, b, want)	check_diff(a, b, FMT, want, __FILE__, __LINE__)

static char	*diff(const char *, const char *, const char *,
		    struct diff_stats *);
static void	 check_diff(const char *, const char *, const char *,
		    const char *, const char *, int);
static char	*numbered(const char *, size_t, size_t, size_t);
static size_t	 count(const char *, const char *);

/* The diff of a -> b as a string; the caller frees. */
static char *
diff(const char *a, const char *b, const char *fmt, struct diff_stats *st)
{
	struct sbuf	out;

	sbuf_init(&out);
	assert_int_equal(diff_html(&out, a, strlen(a), b, strlen(b), fmt, st),
	    0);
	sbuf_cstr(&out);
	return (out.data);
}

static void
check_diff(const char *a, const char *b, const char *fmt, const char *want,
    const char *file, int line)
{
	char	*got;

	got = diff(a, b, fmt, NULL);
	_assert_string_equal(got, want, file, line);
	free(got);
}

/* Lines "<word> i\n" for i in [from, to), line "changed" as "anders i". */
static char *
numbered(const char *word, size_t from, size_t to, size_t changed)
{
	struct sbuf	sb;
	size_t		i;

	sbuf_init(&sb);
	for (i = from; i < to; i++)
		sbuf_printf(&sb, "%s %zu\n", i == changed ? "anders" : word,
		    i);
	sbuf_cstr(&sb);
	return (sb.data);
}

static size_t
count(const char *s, const char *needle)
{
	size_t	c = 0;

	while ((s = strstr(s, needle)) != NULL) {
		c++;
		s++;
	}
	return (c);
}

static void
t_identical(void **state)
{
	struct diff_stats	 st;
	char			*got;

	(void)state;
	DIFF("", "", TABLE END);
	DIFF("een\n", "een\n", TABLE SAME(1, 1, "een") END);
	/* Nothing changed at all: one fold row says how much. */
	DIFF("a\nb\nc\n", "a\nb\nc\n", TABLE FOLD("3 ongewijzigd") END);
	got = diff("a\nb\nc\n", "a\nb\nc", FMT, &st);
	assert_int_equal(st.same, 3);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.removed, 0);
	free(got);
}

static void
t_insert_start_end(void **state)
{
	struct diff_stats	 st;
	char			*got;

	(void)state;
	DIFF("b\nc\n", "a\nb\nc\n",
	    TABLE INS(1, "<ins>a</ins>") SAME(1, 2, "b") SAME(2, 3, "c") END);
	/* No final newline on either side changes nothing. */
	DIFF("a\nb", "a\nb\nc",
	    TABLE SAME(1, 1, "a") SAME(2, 2, "b") INS(3, "<ins>c</ins>") END);
	DIFF("a\nb\nc\n", "a\nb\n",
	    TABLE SAME(1, 1, "a") SAME(2, 2, "b") DEL(3, "<del>c</del>") END);
	DIFF("", "x\n", TABLE INS(1, "<ins>x</ins>") END);
	DIFF("x", "", TABLE DEL(1, "<del>x</del>") END);
	/* An empty line is a line too. */
	DIFF("a\n", "a\n\n", TABLE SAME(1, 1, "a") INS(2, "") END);
	got = diff("b\nc\n", "a\nb\nc\nd\n", FMT, &st);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.removed, 0);
	assert_int_equal(st.same, 2);
	free(got);
}

static void
t_word(void **state)
{
	(void)state;
	DIFF("De kat zit op de mat.\n", "De hond zit op de mat.\n",
	    TABLE DEL(1, "De <del>kat</del> zit op de mat.")
	    INS(1, "De <ins>hond</ins> zit op de mat.") END);
	/* Neighbouring changed words share one mark. */
	DIFF("een twee drie vier\n", "een zes zeven vier\n",
	    TABLE DEL(1, "een <del>twee drie</del> vier")
	    INS(1, "een <ins>zes zeven</ins> vier") END);
	/* Punctuation is a word of its own; UTF-8 stays whole. */
	DIFF("Café, ja.\n", "Café; ja!\n",
	    TABLE DEL(1, "Café<del>,</del> ja<del>.</del>")
	    INS(1, "Café<ins>;</ins> ja<ins>!</ins>") END);
	/* Two changed lines pair up in order, the extra one is whole. */
	DIFF("x\na b\nc d\ny\n", "x\na B\nC d\nnieuw\ny\n",
	    TABLE SAME(1, 1, "x")
	    DEL(2, "a <del>b</del>") INS(2, "a <ins>B</ins>")
	    DEL(3, "<del>c</del> d") INS(3, "<ins>C</ins> d")
	    INS(4, "<ins>nieuw</ins>")
	    SAME(4, 5, "y") END);
}

static void
t_crlf(void **state)
{
	struct diff_stats	 st;
	char			*got;

	(void)state;
	got = diff("een\r\ntwee\r\ndrie\r\n", "een\ntwee\ndrie", FMT, &st);
	assert_int_equal(st.same, 3);
	assert_int_equal(st.added + st.removed, 0);
	free(got);
	/* Only the "\r" before "\n" goes: a lone one is text. */
	DIFF("a\r\n", "a\n", TABLE SAME(1, 1, "a") END);
	DIFF("a\rb\n", "a\rb\r\n", TABLE SAME(1, 1, "a\rb") END);
}

static void
t_escape(void **state)
{
	char	*got;

	(void)state;
	DIFF("<script>alert('x')</script> & \"q\"\n", "",
	    TABLE DEL(1, "<del>&lt;script&gt;alert(&#39;x&#39;)"
	    "&lt;/script&gt; &amp; &quot;q&quot;</del>") END);
	DIFF("a < b\n", "a <= b\n",
	    TABLE DEL(1, "a &lt; b") INS(1, "a &lt;<ins>=</ins> b") END);
	DIFF("x\n", "x &amp; <b>\n",
	    TABLE DEL(1, "x") INS(1, "x<ins> &amp;amp; &lt;b&gt;</ins>") END);
	/* Bad UTF-8 is replaced, control bytes dropped, never raw. */
	got = diff("", "a\xff\x01<\n", FMT, NULL);
	assert_non_null(strstr(got, "<ins>a\xef\xbf\xbd&lt;</ins>"));
	assert_null(strstr(got, "\xff"));
	assert_null(strstr(got, "\x01"));
	free(got);
	/* A line of control bytes only gets no empty mark. */
	DIFF("\x01\n", "", TABLE DEL(1, "") END);
}

static void
t_fold(void **state)
{
	struct diff_stats	 st;
	char			*a, *b, *got, *want;

	(void)state;
	/* 20 lines, line 10 changed: 9 before it, 10 after it. */
	a = numbered("regel", 1, 21, 0);
	b = numbered("regel", 1, 21, 10);
	want = TABLE FOLD("6 ongewijzigd")
	    SAME(7, 7, "regel 7") SAME(8, 8, "regel 8") SAME(9, 9, "regel 9")
	    DEL(10, "<del>regel</del> 10") INS(10, "<ins>anders</ins> 10")
	    SAME(11, 11, "regel 11") SAME(12, 12, "regel 12")
	    SAME(13, 13, "regel 13") FOLD("7 ongewijzigd") END;
	got = diff(a, b, FMT, &st);
	assert_string_equal(got, want);
	assert_int_equal(st.same, 19);
	assert_int_equal(st.added, 1);
	assert_int_equal(st.removed, 1);
	free(got);
	free(a);
	free(b);

	/* Between two changes: 3 lines each side; fold if 2+ are hidden. */
	a = numbered("r", 1, 10, 0);
	assert_true(asprintf(&b, "x\n%sy\n", a) > 0);
	got = diff(a, b, FMT, NULL);
	assert_int_equal(count(got, "diff-fold"), 1);
	assert_non_null(strstr(got, SAME(3, 4, "r 3") FOLD("3 ongewijzigd")
	    SAME(7, 8, "r 7")));
	free(got);
	free(a);
	free(b);
	/* 7 lines between the changes: hiding 1 saves nothing. */
	a = numbered("r", 1, 8, 0);
	assert_true(asprintf(&b, "x\n%sy\n", a) > 0);
	got = diff(a, b, FMT, NULL);
	assert_int_equal(count(got, "diff-fold"), 0);
	assert_int_equal(count(got, "diff-same"), 7);
	free(got);
	free(a);
	free(b);
}

static void
t_fold_label(void **state)
{
	static const char	*const bad[] = {
		NULL, "", "geen getal", "%s regels", "%zu %zu", "100% %zu",
		"%zu%%", "%d regels", "%zu %n", "%%zu",
	};
	char			*got;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		got = diff("a\nb\nc\n", "a\nb\nc\n", bad[i], NULL);
		assert_string_equal(got, TABLE
		    FOLD("\xe2\x80\xa6 3 ongewijzigde regels") END);
		free(got);
	}
	got = diff("a\nb\n", "a\nb\n", "\xe2\x80\xa6 %zu unchanged lines", NULL);
	assert_string_equal(got, TABLE
	    FOLD("\xe2\x80\xa6 2 unchanged lines") END);
	free(got);
	/* The label is text: escaped. */
	got = diff("a\nb\n", "a\nb\n", "<b>%zu</b> & co", NULL);
	assert_string_equal(got, TABLE
	    FOLD("&lt;b&gt;2&lt;/b&gt; &amp; co") END);
	free(got);
}

static void
t_caps(void **state)
{
	struct diff_stats	 st;
	struct sbuf		 a, b;
	char			*got;
	size_t			 i;

	(void)state;
	/* DIFF_MAX_EDITS exactly: still a real diff ("c" stays). */
	sbuf_init(&a);
	sbuf_init(&b);
	sbuf_puts(&a, "c\n");
	sbuf_puts(&b, "c\n");
	for (i = 0; i < DIFF_MAX_EDITS / 2; i++) {
		sbuf_printf(&a, "a%zu\n", i);
		sbuf_printf(&b, "b%zu\n", i);
	}
	sbuf_puts(&a, "z\n");
	sbuf_puts(&b, "z\n");
	got = diff(sbuf_cstr(&a), sbuf_cstr(&b), FMT, &st);
	assert_int_equal(st.same, 2);
	assert_int_equal(st.removed, DIFF_MAX_EDITS / 2);
	free(got);

	/* One edit more: everything old out, everything new in. */
	sbuf_printf(&a, "a-extra\n");
	sbuf_printf(&b, "b-extra\n");
	got = diff(sbuf_cstr(&a), sbuf_cstr(&b), FMT, &st);
	assert_int_equal(st.same, 0);
	assert_int_equal(st.removed, DIFF_MAX_EDITS / 2 + 3);
	assert_int_equal(st.added, DIFF_MAX_EDITS / 2 + 3);
	/* All removed rows first, each whole: no word pairs. */
	assert_null(strstr(strstr(got, "diff-ins"), "diff-del"));
	assert_int_equal(count(got, "<del>"), DIFF_MAX_EDITS / 2 + 3);
	assert_int_equal(count(got, "<ins>"), DIFF_MAX_EDITS / 2 + 3);
	assert_non_null(strstr(got, DEL(1, "<del>c</del>")));
	assert_non_null(strstr(got, INS(1, "<ins>c</ins>")));
	free(got);
	sbuf_free(&a);
	sbuf_free(&b);

	/* More than DIFF_MAX_LINES lines: the same, even if one differs. */
	sbuf_init(&a);
	sbuf_init(&b);
	for (i = 0; i <= DIFF_MAX_LINES; i++) {
		sbuf_puts(&a, "x\n");
		sbuf_puts(&b, "x\n");
	}
	sbuf_puts(&b, "y\n");
	got = diff(sbuf_cstr(&a), sbuf_cstr(&b), FMT, &st);
	assert_int_equal(st.same, 0);
	assert_int_equal(st.removed, DIFF_MAX_LINES + 1);
	assert_int_equal(st.added, DIFF_MAX_LINES + 2);
	free(got);
	/* At DIFF_MAX_LINES: a real diff. */
	sbuf_reset(&a);
	sbuf_reset(&b);
	for (i = 0; i < DIFF_MAX_LINES; i++) {
		sbuf_puts(&a, "x\n");
		sbuf_puts(&b, i == 7 ? "y\n" : "x\n");
	}
	got = diff(sbuf_cstr(&a), sbuf_cstr(&b), FMT, &st);
	assert_int_equal(st.same, DIFF_MAX_LINES - 1);
	assert_int_equal(st.added, 1);
	assert_int_equal(st.removed, 1);
	free(got);
	sbuf_free(&a);
	sbuf_free(&b);
}

static void
t_word_cap(void **state)
{
	struct sbuf	 a, b;
	char		*got;
	size_t		 i;

	(void)state;
	/* Too many changed words in one pair: shown as whole lines. */
	sbuf_init(&a);
	sbuf_init(&b);
	for (i = 0; i < 1000; i++) {
		sbuf_printf(&a, "w%zu ", i);
		sbuf_printf(&b, "v%zu ", i);
	}
	got = diff(sbuf_cstr(&a), sbuf_cstr(&b), FMT, NULL);
	assert_int_equal(count(got, "<del>"), 1);
	assert_int_equal(count(got, "<ins>"), 1);
	assert_non_null(strstr(got, "<td class=\"diff-t\"><del>w0 w1 "));
	free(got);
	sbuf_free(&a);
	sbuf_free(&b);
}

static void
t_append(void **state)
{
	struct sbuf	out;

	(void)state;
	sbuf_init(&out);
	sbuf_puts(&out, "keep");
	assert_int_equal(diff_html(&out, "a", 1, "a", 1, FMT, NULL), 0);
	assert_string_equal(sbuf_cstr(&out), "keep" TABLE SAME(1, 1, "a") END);
	sbuf_free(&out);
	/* Lengths are honoured: no reading past them. */
	sbuf_init(&out);
	assert_int_equal(diff_html(&out, "ab\nXX", 2, "ab\nYY", 3, FMT, NULL),
	    0);
	assert_string_equal(sbuf_cstr(&out), TABLE SAME(1, 1, "ab") END);
	sbuf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_identical),
		cmocka_unit_test(t_insert_start_end),
		cmocka_unit_test(t_word),
		cmocka_unit_test(t_crlf),
		cmocka_unit_test(t_escape),
		cmocka_unit_test(t_fold),
		cmocka_unit_test(t_fold_label),
		cmocka_unit_test(t_caps),
		cmocka_unit_test(t_word_cap),
		cmocka_unit_test(t_append),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
