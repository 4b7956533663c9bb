/*
 * html: the escaper every page value goes through, the URL allowlist and
 * the UTF-8 validator.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/html.h"
#include "core/sbuf.h"
#include "writer.h"

#define FFFD	"\xef\xbf\xbd"

/* Literal inputs may hold NUL bytes: take their size, not strlen. */
#define TEXT(in, want)	check_writer(html_text, in, sizeof(in) - 1, want, \
			    __FILE__, __LINE__)
#define URL(in, want)	check_url(in, sizeof(in) - 1, want, __FILE__, __LINE__)
#define VALID(in)	html_utf8_valid(in, sizeof(in) - 1)

static void	check_url(const char *, size_t, const char *, const char *,
		    int);

static void
check_url(const char *in, size_t n, const char *want, const char *file,
    int line)
{
	struct sbuf	sb, w;

	/* Brackets show that nothing is written outside the value. */
	sbuf_init(&sb);
	sbuf_init(&w);
	sbuf_putc(&sb, '[');
	html_url(&sb, in, n);
	sbuf_putc(&sb, ']');
	sbuf_printf(&w, "[%s]", want);
	_assert_string_equal(sbuf_cstr(&sb), sbuf_cstr(&w), file, line);
	_assert_int_equal(html_url_ok(in, n), strcmp(want, "#") != 0 ||
	    (n == 1 && in[0] == '#'), file, line);
	sbuf_free(&sb);
	sbuf_free(&w);
}

static void
t_specials(void **state)
{
	(void)state;
	TEXT("&", "&amp;");
	TEXT("<", "&lt;");
	TEXT(">", "&gt;");
	TEXT("\"", "&quot;");
	TEXT("'", "&#39;");
	TEXT("<script>alert('x&y')</script>",
	    "&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt;");
	TEXT("\" onmouseover=\"x", "&quot; onmouseover=&quot;x");
	/* Already-escaped text is escaped again: no double-decoding. */
	TEXT("&amp;&lt;", "&amp;amp;&amp;lt;");
	TEXT("", "");
}

/* Every printable ASCII byte other than the five specials is kept. */
static void
t_printable_ascii(void **state)
{
	char	in[128], want[256];
	size_t	n = 0;
	int	c;

	(void)state;
	want[0] = '\0';
	for (c = 0x20; c < 0x7f; c++) {
		in[n++] = (char)c;
		switch (c) {
		case '&':
			strcat(want, "&amp;");
			break;
		case '<':
			strcat(want, "&lt;");
			break;
		case '>':
			strcat(want, "&gt;");
			break;
		case '"':
			strcat(want, "&quot;");
			break;
		case '\'':
			strcat(want, "&#39;");
			break;
		default:
			strncat(want, (const char *)&in[n - 1], 1);
		}
	}
	check_writer(html_text, in, n, want, __FILE__, __LINE__);
}

/* C0 controls and DEL vanish, except tab, LF and CR. */
static void
t_controls(void **state)
{
	char	in[3], want[4];
	int	c;

	(void)state;
	for (c = 0; c < 0x20; c++) {
		in[0] = 'a';
		in[1] = (char)c;
		in[2] = 'b';
		if (c == '\t' || c == '\n' || c == '\r') {
			want[0] = 'a';
			want[1] = (char)c;
			want[2] = 'b';
			want[3] = '\0';
		} else
			strcpy(want, "ab");
		check_writer(html_text, in, 3, want, __FILE__, __LINE__);
	}
	TEXT("a\x7f" "b", "ab");
	TEXT("\0<\0", "&lt;");
	TEXT("\0\0\0", "");
	TEXT("x\r\ny\tz", "x\r\ny\tz");
}

static void
t_utf8_valid_kept(void **state)
{
	(void)state;
	TEXT("\xc2\x80", "\xc2\x80");			/* U+0080 */
	TEXT("caf\xc3\xa9", "caf\xc3\xa9");		/* é */
	TEXT("\xdf\xbf", "\xdf\xbf");			/* U+07FF */
	TEXT("\xe0\xa0\x80", "\xe0\xa0\x80");		/* U+0800 */
	TEXT("\xe2\x82\xac", "\xe2\x82\xac");		/* € */
	TEXT("\xed\x9f\xbf", "\xed\x9f\xbf");		/* U+D7FF */
	TEXT("\xee\x80\x80", "\xee\x80\x80");		/* U+E000 */
	TEXT("\xef\xbf\xbd", "\xef\xbf\xbd");		/* U+FFFD */
	TEXT("\xef\xbf\xbf", "\xef\xbf\xbf");		/* U+FFFF */
	TEXT("\xf0\x90\x80\x80", "\xf0\x90\x80\x80");	/* U+10000 */
	TEXT("\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80");	/* emoji */
	TEXT("\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf");	/* U+10FFFF */
	TEXT("\xe2\x80\x9c<\xe2\x80\x9d", "\xe2\x80\x9c&lt;\xe2\x80\x9d");
}

/* One U+FFFD per byte that cannot start a valid sequence. */
static void
t_utf8_invalid(void **state)
{
	(void)state;
	TEXT("\x80", FFFD);				/* lone continuation */
	TEXT("\xbf", FFFD);
	TEXT("\xff", FFFD);
	TEXT("\xfe", FFFD);
	TEXT("\xf5\x80\x80\x80", FFFD FFFD FFFD FFFD);	/* > U+10FFFF */
	TEXT("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD);	/* U+110000 */
	/* Overlongs. */
	TEXT("\xc0\xaf", FFFD FFFD);			/* '/' in 2 bytes */
	TEXT("\xc1\xbf", FFFD FFFD);
	TEXT("\xc0\xbc", FFFD FFFD);			/* '<' in 2 bytes */
	TEXT("\xe0\x80\xaf", FFFD FFFD FFFD);		/* '/' in 3 bytes */
	TEXT("\xe0\x9f\xbf", FFFD FFFD FFFD);		/* U+07FF in 3 */
	TEXT("\xf0\x80\x80\xaf", FFFD FFFD FFFD FFFD);	/* '/' in 4 */
	TEXT("\xf0\x8f\xbf\xbf", FFFD FFFD FFFD FFFD);	/* U+FFFF in 4 */
	/* UTF-16 surrogates. */
	TEXT("\xed\xa0\x80", FFFD FFFD FFFD);		/* U+D800 */
	TEXT("\xed\xbf\xbf", FFFD FFFD FFFD);		/* U+DFFF */
	TEXT("\xed\xa0\xbd\xed\xb8\x80",
	    FFFD FFFD FFFD FFFD FFFD FFFD);		/* CESU-8 pair */
	/* Truncated sequences, at the end and mid-string. */
	TEXT("a\xc3", "a" FFFD);
	TEXT("a\xe2\x82", "a" FFFD FFFD);
	TEXT("a\xf0\x9f\x98", "a" FFFD FFFD FFFD);
	TEXT("\xe2\x82x", FFFD FFFD "x");
	TEXT("\xc3 \xa9", FFFD " " FFFD);
	/* A bad lead byte must not swallow a following special. */
	TEXT("\xe2<b>", FFFD "&lt;b&gt;");
	TEXT("\xf0\x9f\"", FFFD FFFD "&quot;");
	TEXT("\xc3'", FFFD "&#39;");
	TEXT("\xe2\x82\0<", FFFD FFFD "&lt;");
}

static void
t_utf8_len(void **state)
{
	(void)state;
	assert_int_equal(html_utf8_len((const unsigned char *)"a", 1), 1);
	assert_int_equal(html_utf8_len((const unsigned char *)"\xc3\xa9", 2),
	    2);
	assert_int_equal(html_utf8_len((const unsigned char *)"\xe2\x82\xac",
	    3), 3);
	assert_int_equal(html_utf8_len(
	    (const unsigned char *)"\xf0\x9f\x98\x80", 4), 4);
	/* The length bound is honoured even when more bytes follow. */
	assert_int_equal(html_utf8_len((const unsigned char *)"\xe2\x82\xac",
	    2), 0);
	assert_int_equal(html_utf8_len((const unsigned char *)"\xc3\xa9", 1),
	    0);
	assert_int_equal(html_utf8_len((const unsigned char *)"\xed\xa0\x80",
	    3), 0);
	assert_int_equal(html_utf8_len((const unsigned char *)"\xc0\x80", 2),
	    0);
}

static void
t_utf8_valid(void **state)
{
	(void)state;
	assert_true(VALID(""));
	assert_true(VALID("plain ascii <&>"));
	assert_true(VALID("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
	assert_true(VALID("\xf4\x8f\xbf\xbf"));
	assert_true(VALID("\xed\x9f\xbf\xee\x80\x80"));
	/* Controls other than NUL are valid UTF-8. */
	assert_true(VALID("\x01\x1f\x7f\t\n"));
	assert_false(VALID("\0"));
	assert_false(VALID("a\0b"));
	assert_false(VALID("\x80"));
	assert_false(VALID("\xff"));
	assert_false(VALID("\xc0\xaf"));
	assert_false(VALID("\xc1\xbf"));
	assert_false(VALID("\xe0\x80\xaf"));
	assert_false(VALID("\xf0\x80\x80\xaf"));
	assert_false(VALID("\xed\xa0\x80"));
	assert_false(VALID("\xed\xbf\xbf"));
	assert_false(VALID("\xf4\x90\x80\x80"));
	assert_false(VALID("\xf5\x80\x80\x80"));
	assert_false(VALID("ok\xc3"));
	assert_false(VALID("ok\xe2\x82"));
	assert_false(VALID("ok\xf0\x9f\x98"));
	assert_false(VALID("\xc3\xa9\xc3"));
	/* n bounds the scan: a valid prefix of a longer string. */
	assert_true(html_utf8_valid("ab\xff", 2));
	assert_false(html_utf8_valid("\xc3\xa9", 1));
}

static void
t_url_allowed(void **state)
{
	(void)state;
	URL("http://example.org/", "http://example.org/");
	URL("https://example.org/a?b=1&c=2#x",
	    "https://example.org/a?b=1&amp;c=2#x");
	URL("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG");
	URL("HtTp://x", "HtTp://x");
	URL("mailto:info@example.org", "mailto:info@example.org");
	URL("MAILTO:a@b", "MAILTO:a@b");
	URL("/", "/");
	URL("/artikelen/abc-1", "/artikelen/abc-1");
	URL("/zoeken?q=a\"b", "/zoeken?q=a&quot;b");
	URL("artikelen/abc", "artikelen/abc");
	URL("../x", "../x");
	URL("?q=1", "?q=1");
	URL("#top", "#top");
	URL("a/b:c", "a/b:c");		/* colon after the path starts */
	URL("x?y:z", "x?y:z");
	URL("x#javascript:1", "x#javascript:1");
	URL("page", "page");
	/* No colon at all: relative, and the & is escaped. */
	URL("javascript&#58;alert(1)", "javascript&amp;#58;alert(1)");
	URL("caf\xc3\xa9", "caf\xc3\xa9");

	assert_true(html_url_ok("/", 1));
	assert_true(html_url_ok("https://x", 9));
}

static void
t_url_rejected(void **state)
{
	(void)state;
	URL("", "#");
	URL("javascript:alert(1)", "#");
	URL("JaVaScRiPt:alert(1)", "#");
	URL("JAVASCRIPT:alert(1)", "#");
	URL("data:text/html,<script>alert(1)</script>", "#");
	URL("data:image/png;base64,AAAA", "#");
	URL("vbscript:msgbox(1)", "#");
	URL("VBScript:x", "#");
	URL("file:///etc/passwd", "#");
	URL("ftp://example.org/", "#");
	URL("httpx://x", "#");
	URL("http2://x", "#");
	URL("htt:x", "#");
	URL(":x", "#");
	URL("//evil.com", "#");
	URL("//evil.com/a", "#");
	URL("/\\evil.com", "#");
	URL("\\\\evil.com", "#");
	URL("\\/evil.com", "#");
	URL("\\evil", "#");
	URL("java\tscript:alert(1)", "#");
	URL("java\nscript:alert(1)", "#");
	URL("java\rscript:alert(1)", "#");
	URL("java\0script:alert(1)", "#");
	URL("java script:alert(1)", "#");
	URL(" javascript:alert(1)", "#");
	URL("\tjavascript:alert(1)", "#");
	URL("\x01javascript:alert(1)", "#");
	URL("\x7fjavascript:alert(1)", "#");
	URL("\x01/evil.com", "#");
	URL(" //evil.com", "#");
	URL("javascript\x7f:x", "#");
	URL("\xef\xbb\xbfjavascript:x", "#");

	assert_false(html_url_ok("", 0));
	assert_false(html_url_ok("//x", 3));
	/* n bounds the check: "jav" alone is a relative URL. */
	assert_true(html_url_ok("javascript:x", 3));
}

/*
 * Regression: html_url_ok() once accepted at the first '/', so a control
 * byte right after the leading slash survived the check; html_text()
 * drops NUL/C0/DEL and browsers strip tab/LF/CR, so each of these came
 * out as the scheme-relative "//evil.com" the function refuses.
 */
static void
t_url_ctrl_after_slash(void **state)
{
	(void)state;
	URL("/\x01/evil.com", "#");
	URL("/\0/evil.com", "#");
	URL("/\x7f/evil.com", "#");
	URL("/\t/evil.com", "#");
	URL("/\n/evil.com", "#");
	URL("/\r\\evil.com", "#");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_specials),
		cmocka_unit_test(t_printable_ascii),
		cmocka_unit_test(t_controls),
		cmocka_unit_test(t_utf8_valid_kept),
		cmocka_unit_test(t_utf8_invalid),
		cmocka_unit_test(t_utf8_len),
		cmocka_unit_test(t_utf8_valid),
		cmocka_unit_test(t_url_allowed),
		cmocka_unit_test(t_url_rejected),
		cmocka_unit_test(t_url_ctrl_after_slash),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
