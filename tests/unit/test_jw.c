/*
 * jw: JSON string escaping and the object helpers.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/jw.h"
#include "core/sbuf.h"
#include "writer.h"

#define FFFD	"\\ufffd"
#define STR(in, want)	check_writer(jw_string, in, sizeof(in) - 1, want, \
			    __FILE__, __LINE__)


static void
t_plain(void **state)
{
	(void)state;
	STR("", "\"\"");
	STR("hallo wereld", "\"hallo wereld\"");
	/* HTML specials and '/' need no JSON escape. */
	STR("<a href='x'>&/</a>", "\"<a href='x'>&/</a>\"");
	STR("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	    "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
	STR("\xf4\x8f\xbf\xbf", "\"\xf4\x8f\xbf\xbf\"");
}

static void
t_quote_backslash(void **state)
{
	(void)state;
	STR("\"", "\"\\\"\"");
	STR("\\", "\"\\\\\"");
	STR("a\"b\\c", "\"a\\\"b\\\\c\"");
	STR("\\\"", "\"\\\\\\\"\"");
	STR("\"},\"admin\":true,\"x\":\"",
	    "\"\\\"},\\\"admin\\\":true,\\\"x\\\":\\\"\"");
}

static void
t_controls(void **state)
{
	char	in[1], want[16];
	int	c;

	(void)state;
	STR("a\nb", "\"a\\nb\"");
	STR("\r\n", "\"\\u000d\\n\"");
	STR("\t", "\"\\u0009\"");
	STR("\0", "\"\\u0000\"");
	STR("a\0b", "\"a\\u0000b\"");
	STR("\x1f", "\"\\u001f\"");
	STR("\x7f", "\"\\u007f\"");
	STR("\x1b[0m", "\"\\u001b[0m\"");
	for (c = 0; c < 0x20; c++) {
		in[0] = (char)c;
		if (c == '\n')
			strcpy(want, "\"\\n\"");
		else
			snprintf(want, sizeof(want), "\"\\u%04x\"", c);
		check_writer(jw_string, in, 1, want, __FILE__, __LINE__);
	}
}

static void
t_bad_utf8(void **state)
{
	(void)state;
	STR("\xff", "\"" FFFD "\"");
	STR("\x80", "\"" FFFD "\"");
	STR("a\xc3", "\"a" FFFD "\"");
	STR("\xc0\xaf", "\"" FFFD FFFD "\"");
	STR("\xe0\x80\xaf", "\"" FFFD FFFD FFFD "\"");
	STR("\xed\xa0\x80", "\"" FFFD FFFD FFFD "\"");
	STR("\xf4\x90\x80\x80", "\"" FFFD FFFD FFFD FFFD "\"");
	STR("\xe2\x82", "\"" FFFD FFFD "\"");
	/* A bad lead byte must not swallow a following quote. */
	STR("\xe2\"", "\"" FFFD "\\\"\"");
	STR("\xc3\\", "\"" FFFD "\\\\\"");
	STR("\xf0\x9f\x98\n", "\"" FFFD FFFD FFFD "\\n\"");
}

static void
t_kv(void **state)
{
	struct sbuf	sb;

	(void)state;
	sbuf_init(&sb);
	jw_obj_open(&sb);
	jw_obj_close(&sb);
	assert_string_equal(sbuf_cstr(&sb), "{}");

	sbuf_reset(&sb);
	jw_obj_open(&sb);
	jw_kv_str(&sb, 1, "title", "a, \"b\"");
	jw_kv_int(&sb, 0, "n", 42);
	jw_kv_str(&sb, 0, "k\"ey", "v\n");
	jw_kv_int(&sb, 0, "min", LLONG_MIN);
	jw_kv_int(&sb, 0, "max", LLONG_MAX);
	jw_kv_str(&sb, 0, "", "");
	jw_obj_close(&sb);
	assert_string_equal(sbuf_cstr(&sb),
	    "{\"title\":\"a, \\\"b\\\"\",\"n\":42,\"k\\\"ey\":\"v\\n\","
	    "\"min\":-9223372036854775808,\"max\":9223372036854775807,"
	    "\"\":\"\"}");

	/* first=1 means no comma, even mid-object. */
	sbuf_reset(&sb);
	jw_kv_int(&sb, 1, "a", -1);
	jw_kv_int(&sb, 1, "b", 0);
	assert_string_equal(sbuf_cstr(&sb), "\"a\":-1\"b\":0");
	sbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_plain),
		cmocka_unit_test(t_quote_backslash),
		cmocka_unit_test(t_controls),
		cmocka_unit_test(t_bad_utf8),
		cmocka_unit_test(t_kv),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
