/*
 * front: the strict front-matter parser of content/ files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/front.h"
#include "core/sbuf.h"

/* Literal inputs; their size, so NUL bytes inside count. */
#define PARSE(s, f)	parse(s, sizeof(s) - 1, f)
#define BAD(s, emsg)	check_bad(s, sizeof(s) - 1, emsg, __FILE__, __LINE__)

static char	 err[256];

static int	 parse(const char *, size_t, struct front *);
static void	 check_bad(const char *, size_t, const char *, const char *,
		    int);

static int
parse(const char *s, size_t n, struct front *f)
{
	err[0] = '\0';
	return (front_parse(s, n, f, err, sizeof(err)));
}

static void
check_bad(const char *s, size_t n, const char *emsg, const char *file,
    int line)
{
	struct front	*f;

	f = malloc(sizeof(*f));
	_assert_true(f != NULL, "malloc", file, line);
	_assert_int_equal(parse(s, n, f), -1, file, line);
	if (strstr(err, emsg) == NULL)
		print_error("error \"%s\" lacks \"%s\"\n", err, emsg);
	_assert_true(strstr(err, emsg) != NULL, "err has message", file, line);
	free(f);
}

static void
t_valid_lf(void **state)
{
	static const char	 s[] = "---\ntitle: Hallo wereld\n"
	    "slug: hallo-wereld\n---\n# Kop\n\nTekst.\n";
	struct front		 f;

	(void)state;
	assert_int_equal(PARSE(s, &f), 0);
	assert_int_equal(f.nkv, 2);
	assert_string_equal(f.kv[0].key, "title");
	assert_string_equal(f.kv[0].val, "Hallo wereld");
	assert_string_equal(front_get(&f, "title"), "Hallo wereld");
	assert_string_equal(front_get(&f, "slug"), "hallo-wereld");
	assert_null(front_get(&f, "nope"));
	assert_null(front_get(&f, "titl"));
	assert_null(front_get(&f, ""));
	/* The body points into the input, right after the closing line. */
	assert_ptr_equal(f.body, s + strlen("---\ntitle: Hallo wereld\n"
	    "slug: hallo-wereld\n---\n"));
	assert_int_equal(f.bodylen, strlen("# Kop\n\nTekst.\n"));
	assert_memory_equal(f.body, "# Kop\n\nTekst.\n", f.bodylen);
}

static void
t_valid_crlf(void **state)
{
	static const char	 s[] = "---\r\ntitle: Hallo\r\n"
	    "kind: artikel\r\n---\r\nBody\r\nmore\r\n";
	struct front		 f;

	(void)state;
	assert_int_equal(PARSE(s, &f), 0);
	assert_int_equal(f.nkv, 2);
	/* The CR is not part of the value. */
	assert_string_equal(front_get(&f, "title"), "Hallo");
	assert_string_equal(front_get(&f, "kind"), "artikel");
	assert_int_equal(f.bodylen, strlen("Body\r\nmore\r\n"));
	assert_memory_equal(f.body, "Body\r\nmore\r\n", f.bodylen);
	assert_ptr_equal(f.body + f.bodylen, s + sizeof(s) - 1);
}

static void
t_bom(void **state)
{
	static const char	 s[] = "\xef\xbb\xbf---\ntitle: x\n---\nb";
	struct front		 f;

	(void)state;
	assert_int_equal(PARSE(s, &f), 0);
	assert_string_equal(front_get(&f, "title"), "x");
	assert_int_equal(f.bodylen, 1);
	assert_ptr_equal(f.body, s + sizeof(s) - 2);
	/* Only one BOM is skipped; only at the start. */
	BAD("\xef\xbb\xbf\xef\xbb\xbf---\ntitle: x\n---\n", "line 1");
	BAD("\xef\xbb\xbf", "line 1: expected ---");
}

static void
t_empty_body(void **state)
{
	struct front	f;

	(void)state;
	/* Closing line at the very end, with or without a newline. */
	assert_int_equal(PARSE("---\na: 1\n---", &f), 0);
	assert_int_equal(f.bodylen, 0);
	assert_non_null(f.body);
	assert_int_equal(PARSE("---\na: 1\n---\n", &f), 0);
	assert_int_equal(f.bodylen, 0);
	assert_int_equal(PARSE("---\na: 1\n---\r", &f), 0);
	assert_int_equal(f.bodylen, 0);
	/* No keys at all. */
	assert_int_equal(PARSE("---\n---\nbody", &f), 0);
	assert_int_equal(f.nkv, 0);
	assert_int_equal(f.bodylen, 4);
	/* A later "---" in the body is body text. */
	assert_int_equal(PARSE("---\na: 1\n---\nx\n---\ny", &f), 0);
	assert_memory_equal(f.body, "x\n---\ny", f.bodylen);
	assert_int_equal(f.bodylen, 7);
}

static void
t_missing_fences(void **state)
{
	(void)state;
	BAD("", "line 1: expected ---");
	BAD("---", "line 1: expected ---");
	BAD("--\n", "line 1: expected ---");
	BAD("title: x\n---\n", "line 1: expected ---");
	BAD("----\ntitle: x\n---\n", "line 1: expected ---");
	BAD(" ---\ntitle: x\n---\n", "line 1: expected ---");
	BAD("---\r", "line 1: expected ---");
	BAD("---\rtitle: x\n---\n", "line 1: expected ---");
	BAD("\n---\ntitle: x\n---\n", "line 1: expected ---");
	BAD("---\n", "missing closing ---");
	BAD("---\ntitle: x\n", "line 3: missing closing ---");
	BAD("---\ntitle: x", "missing closing ---");
	BAD("---\ntitle: x\n--\n", "line 3: expected key: value");
	BAD("---\ntitle: x\n----\n", "line 3: expected key: value");
	BAD("---\ntitle: x\n --- \n", "line 3: expected key: value");
	BAD("---\ntitle: x\n\n---\n", "line 3: expected key: value");
}

static void
t_bad_keys(void **state)
{
	struct front	f;

	(void)state;
	BAD("---\nTitle: x\n---\n", "line 2: bad key");
	BAD("---\ntitlE: x\n---\n", "line 2: bad key");
	BAD("---\nti-tle: x\n---\n", "line 2: bad key");
	BAD("---\nti tle: x\n---\n", "line 2: bad key");
	BAD("---\ntitle : x\n---\n", "line 2: bad key");
	BAD("---\n title: x\n---\n", "line 2: bad key");
	BAD("---\ntitle1: x\n---\n", "line 2: bad key");
	BAD("---\nt\xc3\xa9: x\n---\n", "line 2: bad key");
	BAD("---\n: x\n---\n", "line 2: bad key length");
	BAD("---\na: 1\nno colon\n---\n", "line 3: expected key: value");
	/* 31 characters fit, 32 do not. */
	assert_int_equal(PARSE("---\nabcdefghijklmnopqrstuvwxyz_____: x\n"
	    "---\n", &f), 0);
	assert_string_equal(front_get(&f, "abcdefghijklmnopqrstuvwxyz_____"),
	    "x");
	BAD("---\nabcdefghijklmnopqrstuvwxyz______: x\n---\n",
	    "line 2: bad key length");
	assert_int_equal(PARSE("---\n_: x\n---\n", &f), 0);
}

static void
t_duplicate(void **state)
{
	struct front	f;

	(void)state;
	BAD("---\ntitle: a\nslug: b\ntitle: c\n---\n", "line 4: duplicate key");
	/* A key that is a prefix of another is not a duplicate. */
	assert_int_equal(PARSE("---\nti: a\ntitle: b\nt: c\n---\n", &f), 0);
	assert_string_equal(front_get(&f, "ti"), "a");
	assert_string_equal(front_get(&f, "title"), "b");
	assert_string_equal(front_get(&f, "t"), "c");
}

static void
t_too_many(void **state)
{
	struct sbuf	 sb;
	struct front	 f;
	int		 i;

	(void)state;
	sbuf_init(&sb);
	sbuf_puts(&sb, "---\n");
	for (i = 0; i < FRONT_MAX_KEYS; i++)
		sbuf_printf(&sb, "k%c: %d\n", 'a' + i, i);
	sbuf_puts(&sb, "---\n");
	assert_int_equal(parse(sb.data, sb.len, &f), 0);
	assert_int_equal(f.nkv, FRONT_MAX_KEYS);
	assert_string_equal(front_get(&f, "kp"), "15");

	sbuf_reset(&sb);
	sbuf_puts(&sb, "---\n");
	for (i = 0; i <= FRONT_MAX_KEYS; i++)
		sbuf_printf(&sb, "k%c: %d\n", 'a' + i, i);
	sbuf_puts(&sb, "---\n");
	assert_int_equal(parse(sb.data, sb.len, &f), -1);
	assert_non_null(strstr(err, "line 18: too many keys"));
	sbuf_free(&sb);
}

static void
t_value_length(void **state)
{
	struct sbuf	 sb;
	struct front	 f;

	(void)state;
	sbuf_init(&sb);
	sbuf_puts(&sb, "---\nv: ");
	while (sb.len < 7 + FRONT_VAL_MAX - 1)
		sbuf_putc(&sb, 'x');
	sbuf_puts(&sb, "  \n---\n");	/* trailing spaces are trimmed */
	assert_int_equal(parse(sb.data, sb.len, &f), 0);
	assert_int_equal(strlen(front_get(&f, "v")), FRONT_VAL_MAX - 1);

	sbuf_reset(&sb);
	sbuf_puts(&sb, "---\nv: ");
	while (sb.len < 7 + FRONT_VAL_MAX)
		sbuf_putc(&sb, 'x');
	sbuf_puts(&sb, "\n---\n");
	assert_int_equal(parse(sb.data, sb.len, &f), -1);
	assert_non_null(strstr(err, "line 2: value too long"));

	/* Much longer than the buffer: still refused, nothing overrun. */
	sbuf_reset(&sb);
	sbuf_puts(&sb, "---\nv: ");
	while (sb.len < 100000)
		sbuf_putc(&sb, 'y');
	assert_int_equal(parse(sb.data, sb.len, &f), -1);
	assert_non_null(strstr(err, "value too long"));
	sbuf_free(&sb);
}

static void
t_value_bytes(void **state)
{
	struct front	f;

	(void)state;
	BAD("---\nt: a\x01" "b\n---\n", "line 2: bad byte in value");
	BAD("---\nt: a\x1f\n---\n", "line 2: bad byte in value");
	BAD("---\nt: a\x7f\n---\n", "line 2: bad byte in value");
	BAD("---\nt: a\0b\n---\n", "line 2: bad byte in value");
	BAD("---\nt: a\rb\n---\n", "line 2: bad byte in value");
	BAD("---\nt: a\r\r\n---\n", "line 2: bad byte in value");
	BAD("---\nt: a\tb\n---\n", "line 2: bad byte in value");
	BAD("---\nt: \x1b[31mred\n---\n", "line 2: bad byte in value");
	/* Invalid UTF-8. */
	BAD("---\nt: \xff\n---\n", "line 2: bad byte in value");
	BAD("---\nt: \x80\n---\n", "line 2: bad byte in value");
	BAD("---\nt: \xc0\xaf\n---\n", "line 2: bad byte in value");
	BAD("---\nt: \xe0\x80\xaf\n---\n", "line 2: bad byte in value");
	BAD("---\nt: \xed\xa0\x80\n---\n", "line 2: bad byte in value");
	BAD("---\nt: \xf4\x90\x80\x80\n---\n", "line 2: bad byte in value");
	BAD("---\nt: caf\xc3\n---\n", "line 2: bad byte in value");
	BAD("---\nt: \xe2\x82\n---\n", "line 2: bad byte in value");
	/* Valid UTF-8 is fine. */
	assert_int_equal(PARSE("---\nt: caf\xc3\xa9 \xe2\x82\xac "
	    "\xf0\x9f\x98\x80\n---\n", &f), 0);
	assert_string_equal(front_get(&f, "t"),
	    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
}

static void
t_trim_and_empty(void **state)
{
	struct front	f;

	(void)state;
	assert_int_equal(PARSE("---\na:\nb: \t \nc:   x y  \t\nd:x\n"
	    "e: a: b\n---\n", &f), 0);
	assert_int_equal(f.nkv, 5);
	assert_string_equal(front_get(&f, "a"), "");
	assert_string_equal(front_get(&f, "b"), "");
	assert_string_equal(front_get(&f, "c"), "x y");
	assert_string_equal(front_get(&f, "d"), "x");
	/* Only the first colon separates. */
	assert_string_equal(front_get(&f, "e"), "a: b");
	assert_int_equal(PARSE("---\r\na:\r\nb: x \r\n---\r\n", &f), 0);
	assert_string_equal(front_get(&f, "a"), "");
	assert_string_equal(front_get(&f, "b"), "x");
}

/* A failed parse leaves no keys behind from an earlier one. */
static void
t_reset_on_parse(void **state)
{
	struct front	f;

	(void)state;
	assert_int_equal(PARSE("---\na: 1\n---\n", &f), 0);
	assert_int_equal(PARSE("nope", &f), -1);
	assert_int_equal(f.nkv, 0);
	assert_null(front_get(&f, "a"));
	/* A small error buffer is truncated, not overrun. */
	memset(err, 'x', sizeof(err));
	assert_int_equal(front_parse("nope", 4, &f, err, 4), -1);
	assert_string_equal(err, "lin");
	assert_int_equal(err[4], 'x');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_valid_lf),
		cmocka_unit_test(t_valid_crlf),
		cmocka_unit_test(t_bom),
		cmocka_unit_test(t_empty_body),
		cmocka_unit_test(t_missing_fences),
		cmocka_unit_test(t_bad_keys),
		cmocka_unit_test(t_duplicate),
		cmocka_unit_test(t_too_many),
		cmocka_unit_test(t_value_length),
		cmocka_unit_test(t_value_bytes),
		cmocka_unit_test(t_trim_and_empty),
		cmocka_unit_test(t_reset_on_parse),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
