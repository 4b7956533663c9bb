/*
 * Shared by the unit tests of the escaping writers (html_text,
 * jw_string): they share one signature, so one check serves them all.
 * Include after <cmocka.h> and core/sbuf.h.
 */
#ifndef BRON_TEST_WRITER_H
#define BRON_TEST_WRITER_H

typedef void	(*writer_fn)(struct sbuf *, const char *, size_t);

/* Write n bytes of in through fn; the result must be exactly want. */
static void
check_writer(writer_fn fn, const char *in, size_t n, const char *want,
    const char *file, int line)
{
	struct sbuf	sb;

	sbuf_init(&sb);
	fn(&sb, in, n);
	_assert_string_equal(sbuf_cstr(&sb), want, file, line);
	_assert_int_equal(sb.len, strlen(want), file, line);
	sbuf_free(&sb);
}

#endif
