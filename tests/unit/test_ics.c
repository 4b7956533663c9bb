/*
 * ics: TEXT escaping (backslash, ";", ",", newlines, controls, bad
 * UTF-8) and folding at 75 octets without splitting a UTF-8 sequence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/ics.h"
#include "core/sbuf.h"

static void	check_lines(const struct sbuf *);
static char	*unfold(const struct sbuf *);

/* Every line ends in CRLF and has at most 75 octets. */
static void
check_lines(const struct sbuf *sb)
{
	size_t	i, start = 0;

	assert_true(sb->len >= 2);
	for (i = 0; i < sb->len; i++) {
		if (sb->data[i] == '\n') {
			assert_true(i > 0 && sb->data[i - 1] == '\r');
			assert_true(i - 1 - start <= ICS_LINE_MAX);
			start = i + 1;
		} else if (sb->data[i] == '\r')
			assert_true(i + 1 < sb->len && sb->data[i + 1] == '\n');
	}
	assert_int_equal(start, sb->len);
}

/* Undo the folding: CRLF followed by a space goes; the last CRLF too. */
static char *
unfold(const struct sbuf *sb)
{
	char	*out;
	size_t	 i, n = 0;

	out = malloc(sb->len + 1);
	assert_non_null(out);
	for (i = 0; i < sb->len; i++) {
		if (sb->data[i] == '\r' && i + 2 < sb->len &&
		    sb->data[i + 1] == '\n' && sb->data[i + 2] == ' ') {
			i += 2;
			continue;
		}
		out[n++] = sb->data[i];
	}
	assert_true(n >= 2 && out[n - 2] == '\r' && out[n - 1] == '\n');
	out[n - 2] = '\0';
	return (out);
}

static void
t_escape(void **state)
{
	struct sbuf	sb;

	(void)state;
	sbuf_init(&sb);
	ics_text(&sb, "SUMMARY", "Casus, vraag; a\\b\nregel 2");
	assert_string_equal(sbuf_cstr(&sb),
	    "SUMMARY:Casus\\, vraag\\; a\\\\b\\nregel 2\r\n");
	sbuf_reset(&sb);
	ics_text(&sb, "X", "a\r\nb\rc\td\x01\x7f" "e\x00f");
	assert_string_equal(sbuf_cstr(&sb), "X:a\\nb\\nc de\r\n");
	sbuf_reset(&sb);
	/* Bad UTF-8 becomes U+FFFD; good UTF-8 stays. */
	ics_text(&sb, "X", "caf\xc3\xa9 \xff\xc3(");
	assert_string_equal(sbuf_cstr(&sb),
	    "X:caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd(\r\n");
	sbuf_reset(&sb);
	ics_line(&sb, "DTSTART", "20260101T090000Z");
	assert_string_equal(sbuf_cstr(&sb), "DTSTART:20260101T090000Z\r\n");
	sbuf_free(&sb);
}

static void
t_fold_ascii(void **state)
{
	struct sbuf	 sb;
	char		 in[301], *back;

	(void)state;
	memset(in, 'a', 300);
	in[300] = '\0';
	sbuf_init(&sb);
	ics_text(&sb, "DESCRIPTION", in);
	check_lines(&sb);
	/* 75 on the first line, then space + 74. */
	assert_int_equal(memcmp(sb.data + 75, "\r\n a", 4), 0);
	assert_int_equal(memcmp(sb.data + 75 + 2 + 75, "\r\n a", 4), 0);
	back = unfold(&sb);
	assert_string_equal(back + strlen("DESCRIPTION:"), in);
	free(back);
	sbuf_reset(&sb);
	/* Exactly 75 octets: no fold. */
	memset(in, 'b', 73);
	in[73] = '\0';
	ics_text(&sb, "X", in);
	assert_int_equal(sb.len, 77);
	check_lines(&sb);
	sbuf_free(&sb);
}

static void
t_fold_utf8(void **state)
{
	struct sbuf	 sb, want;
	char		*back;
	size_t		 i, k, start;
	int		 shift;

	(void)state;
	/* Every offset of 2-, 3- and 4-byte characters against the fold. */
	for (shift = 0; shift < 4; shift++) {
		sbuf_init(&sb);
		sbuf_init(&want);
		for (i = 0; i < (size_t)shift; i++)
			sbuf_putc(&want, 'x');
		for (i = 0; i < 40; i++)
			sbuf_puts(&want, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
		ics_text(&sb, "SUMMARY", sbuf_cstr(&want));
		check_lines(&sb);
		/* No line starts (after its space) with a continuation byte. */
		for (start = 0, k = 0; k < sb.len; k++) {
			if (sb.data[k] != '\n' || k + 2 >= sb.len)
				continue;
			start = k + 1;
			assert_true(sb.data[start] == ' ');
			assert_true(((unsigned char)sb.data[start + 1] & 0xc0) !=
			    0x80);
		}
		back = unfold(&sb);
		assert_string_equal(back + strlen("SUMMARY:"), sbuf_cstr(&want));
		free(back);
		sbuf_free(&sb);
		sbuf_free(&want);
	}
}

static void
t_empty(void **state)
{
	struct sbuf	sb;

	(void)state;
	sbuf_init(&sb);
	ics_text(&sb, "LOCATION", "");
	assert_string_equal(sbuf_cstr(&sb), "LOCATION:\r\n");
	sbuf_reset(&sb);
	ics_fold(&sb, "", 0);
	assert_string_equal(sbuf_cstr(&sb), "\r\n");
	sbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(t_escape),
		cmocka_unit_test(t_fold_ascii),
		cmocka_unit_test(t_fold_utf8),
		cmocka_unit_test(t_empty),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
