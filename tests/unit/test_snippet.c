/*
 * snippet: ts_headline()'s plain text with \x01..\x02 around matches
 * becomes escaped HTML with <mark>..</mark>, well-formed whatever the
 * markers do (unbalanced, nested, empty, at either end).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/sbuf.h"
#include "core/snippet.h"

static void
check(const char *in, size_t len, const char *want, size_t marks,
    const char *file, int line)
{
	struct sbuf	sb;
	size_t		n;

	sbuf_init(&sb);
	n = snippet_html(&sb, in, len);
	_assert_string_equal(sbuf_cstr(&sb), want, file, line);
	_assert_int_equal(n, marks, file, line);
	sbuf_free(&sb);
}

#define SNIP(in, want, marks)						\
	check((in), sizeof(in) - 1, (want), (marks), __FILE__, __LINE__)

/* Every <mark> closed, none nested: the HTML is well-formed. */
static int
balanced(const char *s)
{
	int	open = 0;

	while ((s = strchr(s, '<')) != NULL) {
		if (strncmp(s, "<mark>", 6) == 0) {
			if (open)
				return (0);
			open = 1;
		} else if (strncmp(s, "</mark>", 7) == 0) {
			if (!open)
				return (0);
			open = 0;
		} else
			return (0);
		s++;
	}
	return (!open);
}

static void
test_plain(void **state)
{
	(void)state;
	SNIP("", "", 0);
	SNIP("geen treffer", "geen treffer", 0);
	SNIP("over \x01" "afzondering\x02 in de zorg",
	    "over <mark>afzondering</mark> in de zorg", 1);
	SNIP("\x01" "a\x02 b \x01" "c\x02", "<mark>a</mark> b <mark>c</mark>",
	    2);
	SNIP("caf\xc3\xa9 \x01" "\xc3\xa1" "fzondering\x02",
	    "caf\xc3\xa9 <mark>\xc3\xa1" "fzondering</mark>", 1);
}

static void
test_escaped(void **state)
{
	(void)state;
	SNIP("<script>alert(1)</script> & \x01" "x\x02",
	    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>x</mark>", 1);
	SNIP("\x01<b>\x02 \"'",
	    "<mark>&lt;b&gt;</mark> &quot;&#39;", 1);
	/* Text that looks like a mark is text. */
	SNIP("<mark>x</mark>", "&lt;mark&gt;x&lt;/mark&gt;", 0);
	/* Other control bytes and NUL are dropped, bad UTF-8 replaced. */
	SNIP("a\x03" "b\x00" "c", "abc", 0);
	SNIP("\xff\x01" "x\x02", "\xef\xbf\xbd<mark>x</mark>", 1);
}

static void
test_unbalanced(void **state)
{
	(void)state;
	/* Left open: closed at the end. */
	SNIP("a \x01" "b c", "a <mark>b c</mark>", 1);
	/* A stop with no start: dropped. */
	SNIP("a\x02 b", "a b", 0);
	SNIP("\x02\x02" "a\x01" "b\x02\x02", "a<mark>b</mark>", 1);
	/* Nested starts: one mark. */
	SNIP("\x01" "a \x01" "b\x02 c\x02", "<mark>a b</mark> c", 1);
	/* Empty marks leave no trace. */
	SNIP("a\x01\x02" "b", "ab", 0);
	SNIP("a\x01", "a", 0);
	SNIP("\x01\x01\x02\x02", "", 0);
	/* Only markers. */
	SNIP("\x02\x01", "", 0);
}

static void
test_all_markers(void **state)
{
	struct sbuf	sb;
	char		in[6];
	const char	alpha[] = { '\x01', '\x02', 'a', '<' };
	size_t		i, j;

	(void)state;
	/* Every string of 6 bytes from {start, stop, a, <}: well-formed. */
	for (i = 0; i < 4096; i++) {
		for (j = 0; j < sizeof(in); j++)
			in[j] = alpha[(i >> (2 * j)) & 3];
		sbuf_init(&sb);
		(void)snippet_html(&sb, in, sizeof(in));
		assert_true(balanced(sbuf_cstr(&sb)));
		assert_null(strchr(sbuf_cstr(&sb), '\x01'));
		assert_null(strchr(sbuf_cstr(&sb), '\x02'));
		sbuf_free(&sb);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_escaped),
		cmocka_unit_test(test_unbalanced),
		cmocka_unit_test(test_all_markers),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
