/*
 * tpl: escaping by default, URL and message tags, raw tags only on
 * trusted bindings, and every malformed template failing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/i18n.h"
#include "core/sbuf.h"
#include "core/tpl.h"

#define OK(t, want)	check_ok(t, want, __FILE__, __LINE__)
#define FAIL(t, emsg)	check_fail(t, emsg, __FILE__, __LINE__)

static const char	*msg_nl_cb(void *, const char *, size_t);
static const char	*msg_evil_cb(void *, const char *, size_t);
static int		 render(const char *, size_t, const struct tpl_env *,
			    struct sbuf *, char *, size_t);
static void		 check_ok(const char *, const char *, const char *,
			    int);
static void		 check_fail(const char *, const char *, const char *,
			    int);

static const struct tpl_bind binds[] = {
	{ "name", "<b>Tom & \"Jerry\"</b> 'x'", TPL_TEXT },
	{ "plain", "hallo", TPL_TEXT },
	{ "empty", "", TPL_TEXT },
	{ "href", "/zoeken?q=a&b=<c>", TPL_TEXT },
	{ "bad_href", "javascript:alert(1)", TPL_TEXT },
	{ "scheme_rel", "//evil.com", TPL_TEXT },
	{ "html", "<p class=\"x\">raw & ready</p>", TPL_TRUSTED_HTML },
	{ "a1_b2", "digits", TPL_TEXT },
	{ "braces", "{{plain}}", TPL_TEXT },
	{ "k234567890123456789012345678901234567890123456789012345678901234",
	    "sixty-four", TPL_TEXT },
	/*
	 * Traps: bindings whose keys are not valid key syntax, so the tests
	 * below fail on the key check, not merely on a failed lookup.
	 */
	{ "k2345678901234567890123456789012345678901234567890123456789012345",
	    "sixty-five", TPL_TEXT },
	{ "Plain", "trap", TPL_TEXT },
	{ "PLAIN", "trap", TPL_TEXT },
	{ " plain ", "trap", TPL_TEXT },
	{ "plain ", "trap", TPL_TEXT },
	{ "pla-in", "trap", TPL_TEXT },
	{ "pla.in", "trap", TPL_TEXT },
	{ "x:plain", "trap", TPL_TEXT },
	{ ":plain", "trap", TPL_TEXT },
	{ "pl\xc3\xa4in", "trap", TPL_TEXT },
	{ "plain\n", "trap", TPL_TEXT },
	{ "a}b", "trap", TPL_TEXT },
	{ "", "trap", TPL_TEXT },
	{ "u:", "trap", TPL_TEXT },
	{ "Href", "trap", TPL_TEXT },
	{ "site-name", "trap", TPL_TEXT },
};

static const struct tpl_env env = {
	binds, sizeof(binds) / sizeof(binds[0]), msg_nl_cb, NULL
};

static const char *
msg_nl_cb(void *arg, const char *k, size_t n)
{
	(void)arg;
	return (i18n_byname(LOC_NL, k, n));
}

static const char *
msg_evil_cb(void *arg, const char *k, size_t n)
{
	(void)k;
	(void)n;
	return (arg);
}

static int
render(const char *t, size_t n, const struct tpl_env *e, struct sbuf *out,
    char *err, size_t errlen)
{
	sbuf_init(out);
	err[0] = '\0';
	return (tpl_render(out, t, n, e, err, errlen));
}

static void
check_ok(const char *t, const char *want, const char *file, int line)
{
	struct sbuf	out;
	char		err[TPL_ERR_MAX];
	int		rc;

	rc = render(t, strlen(t), &env, &out, err, sizeof(err));
	if (rc != 0)
		print_error("tpl_render(\"%s\"): %s\n", t, err);
	_assert_int_equal(rc, 0, file, line);
	_assert_string_equal(sbuf_cstr(&out), want, file, line);
	sbuf_free(&out);
}

static void
check_fail(const char *t, const char *emsg, const char *file, int line)
{
	struct sbuf	out;
	char		err[TPL_ERR_MAX];
	int		rc;

	rc = render(t, strlen(t), &env, &out, err, sizeof(err));
	_assert_int_equal(rc, -1, file, line);
	if (strstr(err, emsg) == NULL)
		print_error("error \"%s\" lacks \"%s\"\n", err, emsg);
	_assert_true(strstr(err, emsg) != NULL, "err has message", file, line);
	sbuf_free(&out);
}

static void
t_escape_default(void **state)
{
	(void)state;
	OK("{{name}}",
	    "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; &#39;x&#39;");
	OK("<p title=\"{{name}}\">",
	    "<p title=\"&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; "
	    "&#39;x&#39;\">");
	/* Trusted bindings are escaped too unless asked for raw. */
	OK("{{html}}", "&lt;p class=&quot;x&quot;&gt;raw &amp; ready&lt;/p&gt;");
	/* A binding's value is not itself a template. */
	OK("{{braces}}", "{{plain}}");
	OK("{{empty}}", "");
}

static void
t_text_around(void **state)
{
	(void)state;
	OK("Hoi {{plain}}!", "Hoi hallo!");
	OK("{{plain}}{{plain}}", "hallohallo");
	OK("a{{a1_b2}}b", "adigitsb");
	OK("{{k234567890123456789012345678901234567890123456789012345678901234}}",
	    "sixty-four");
	/* Lone braces and closing tags are plain text. */
	OK("a { b } c }} d }}}", "a { b } c }} d }}}");
	OK("{ {plain} }", "{ {plain} }");
	OK("<script>{{plain}}</script>", "<script>hallo</script>");
	/* "}}}" after a normal tag leaves one "}". */
	OK("{{plain}}}", "hallo}");
}

static void
t_empty(void **state)
{
	struct sbuf	out;
	char		err[TPL_ERR_MAX];

	(void)state;
	assert_int_equal(render("", 0, &env, &out, err, sizeof(err)), 0);
	assert_int_equal(out.len, 0);
	assert_string_equal(sbuf_cstr(&out), "");
	sbuf_free(&out);
	/* Length bounds the template: the tag past it is never seen. */
	assert_int_equal(render("ab{{nope}}", 2, &env, &out, err,
	    sizeof(err)), 0);
	assert_string_equal(sbuf_cstr(&out), "ab");
	sbuf_free(&out);
}

static void
t_url(void **state)
{
	(void)state;
	OK("<a href=\"{{u:href}}\">", "<a href=\"/zoeken?q=a&amp;b=&lt;c&gt;\">");
	OK("{{u:bad_href}}", "#");
	OK("{{u:scheme_rel}}", "#");
	OK("{{u:plain}}", "hallo");
	OK("{{u:empty}}", "#");
	FAIL("{{u:nope}}", "unknown or bad key at 0");
	FAIL("{{u:}}", "unknown or bad key");
	FAIL("{{u:Href}}", "unknown or bad key");
	FAIL("{{u:pla-in}}", "unknown or bad key");
	FAIL("{{{u:href}}}", "unknown or bad key");
}

static void
t_messages(void **state)
{
	struct tpl_env	e;
	struct sbuf	out;
	char		err[TPL_ERR_MAX];

	(void)state;
	OK("{{t:site_name}}", "Bron");
	OK("[{{t:lang_code}}]", "[nl]");
	/* Apostrophe in a Dutch message is escaped. */
	OK("{{t:nav_themes}}", "Thema&#39;s");
	FAIL("{{t:no_such_message}}", "unknown or bad key at 0");
	FAIL("{{t:}}", "unknown or bad key");
	FAIL("{{t:Site_name}}", "unknown or bad key");
	FAIL("{{t:site-name}}", "unknown or bad key");

	/* Messages are escaped like bindings. */
	e = env;
	e.msg = msg_evil_cb;
	e.msgarg = (void *)(uintptr_t)"<i>\"x\"</i>";
	assert_int_equal(render("{{t:any}}", 9, &e, &out, err, sizeof(err)),
	    0);
	assert_string_equal(sbuf_cstr(&out),
	    "&lt;i&gt;&quot;x&quot;&lt;/i&gt;");
	sbuf_free(&out);

	/* No message callback: every {{t:}} fails. */
	e.msg = NULL;
	assert_int_equal(render("{{t:site_name}}", 15, &e, &out, err,
	    sizeof(err)), -1);
	sbuf_free(&out);
}

static void
t_raw(void **state)
{
	(void)state;
	OK("<div>{{{html}}}</div>", "<div><p class=\"x\">raw & ready</p></div>");
	OK("{{{html}}}{{html}}",
	    "<p class=\"x\">raw & ready</p>"
	    "&lt;p class=&quot;x&quot;&gt;raw &amp; ready&lt;/p&gt;");
	FAIL("{{{name}}}", "raw tag on untrusted binding at 0");
	FAIL("ab{{{plain}}}", "raw tag on untrusted binding at 2");
	FAIL("{{{nope}}}", "unknown or bad key at 0");
	FAIL("{{{t:site_name}}}", "unknown or bad key");
	/* A raw tag needs "}}}". */
	FAIL("{{{html}}", "unterminated tag at 0");
	FAIL("{{{{html}}}}", "unknown or bad key");
}

static void
t_unknown_key(void **state)
{
	(void)state;
	FAIL("{{nope}}", "unknown or bad key at 0");
	FAIL("abc {{plain}} {{nope}}", "unknown or bad key at 14");
	FAIL("{{plai}}", "unknown or bad key");
	FAIL("{{plainx}}", "unknown or bad key");
}

static void
t_bad_key_chars(void **state)
{
	(void)state;
	FAIL("{{}}", "unknown or bad key");
	FAIL("{{Plain}}", "unknown or bad key");
	FAIL("{{PLAIN}}", "unknown or bad key");
	FAIL("{{ plain }}", "unknown or bad key");
	FAIL("{{plain }}", "unknown or bad key");
	FAIL("{{pla-in}}", "unknown or bad key");
	FAIL("{{pla.in}}", "unknown or bad key");
	FAIL("{{x:plain}}", "unknown or bad key");
	FAIL("{{:plain}}", "unknown or bad key");
	FAIL("{{pl\xc3\xa4in}}", "unknown or bad key");
	FAIL("{{plain\n}}", "unknown or bad key");
	FAIL("{{a}b}}", "unknown or bad key");
	FAIL("{{t:plain}}", "unknown or bad key");	/* not a message */
	/* 65 characters: over the 64 limit (a binding exists). */
	FAIL("{{k2345678901234567890123456789012345678901234567890123456789"
	    "012345}}", "unknown or bad key");
}

static void
t_unterminated(void **state)
{
	struct sbuf	out;
	char		err[TPL_ERR_MAX];

	(void)state;
	FAIL("{{", "unterminated tag at 0");
	FAIL("{{plain", "unterminated tag at 0");
	FAIL("abc {{plain}", "unterminated tag at 4");
	FAIL("{{plain}} {{", "unterminated tag at 10");
	FAIL("{{{", "unterminated tag at 0");
	FAIL("{{{html", "unterminated tag at 0");
	/* A closing brace past len does not count. */
	assert_int_equal(render("{{plain}}", 8, &env, &out, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "unterminated"));
	sbuf_free(&out);
}

/* A small error buffer is truncated, never overrun. */
static void
t_err_small(void **state)
{
	struct sbuf	out;
	char		err[8];

	(void)state;
	memset(err, 'x', sizeof(err));
	assert_int_equal(render("{{nope}}", 8, &env, &out, err, 5), -1);
	assert_string_equal(err, "unkn");
	assert_int_equal(err[5], 'x');
	sbuf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_escape_default),
		cmocka_unit_test(t_text_around),
		cmocka_unit_test(t_empty),
		cmocka_unit_test(t_url),
		cmocka_unit_test(t_messages),
		cmocka_unit_test(t_raw),
		cmocka_unit_test(t_unknown_key),
		cmocka_unit_test(t_bad_key_chars),
		cmocka_unit_test(t_unterminated),
		cmocka_unit_test(t_err_small),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
