/*
 * i18n: completeness of both locales, placeholder agreement, lookup by
 * name, Accept-Language negotiation and the placeholder filler.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/i18n.h"
#include "core/html.h"
#include "core/sbuf.h"

#define NEG(hdr, want)	_assert_int_equal(i18n_negotiate(hdr), want, \
			    __FILE__, __LINE__)
#define FMT(f, want, ...) do {						\
	const char *const a_[] = { __VA_ARGS__ };			\
	check_fmt(f, a_, sizeof(a_) / sizeof(a_[0]), want,		\
	    __FILE__, __LINE__);					\
} while (0)

static void	placeholders(const char *, char *, size_t);
static void	check_fmt(const char *, const char *const *, size_t,
		    const char *, const char *, int);

static const char *const *const tables[LOC__MAX] = { msg_nl, msg_en };

/*
 * The sequence of %s, %d and %% in s as a string of 's', 'd', '%'.
 * A '%' before anything else is recorded as '?' so a typo like "%x"
 * in one locale only also shows up as a mismatch.
 */
static void
placeholders(const char *s, char *out, size_t outlen)
{
	size_t	n = 0;

	for (; *s != '\0'; s++) {
		if (*s != '%')
			continue;
		assert_true(n + 1 < outlen);
		if (s[1] == 's' || s[1] == 'd' || s[1] == '%') {
			out[n++] = s[1];
			s++;
		} else
			out[n++] = '?';
	}
	out[n] = '\0';
}

static void
check_fmt(const char *f, const char *const *args, size_t nargs,
    const char *want, const char *file, int line)
{
	struct sbuf	out;

	sbuf_init(&out);
	i18n_fmt(&out, f, args, nargs);
	_assert_string_equal(sbuf_cstr(&out), want, file, line);
	sbuf_free(&out);
}

static void
t_complete(void **state)
{
	size_t	i, l;

	(void)state;
	for (l = 0; l < LOC__MAX; l++) {
		for (i = 0; i < MSG__MAX; i++) {
			if (tables[l][i] == NULL || tables[l][i][0] == '\0')
				print_error("locale %zu: message %s is "
				    "missing\n", l, msg_names[i]);
			assert_non_null(tables[l][i]);
			assert_true(tables[l][i][0] != '\0');
			/* Messages go into pages: valid UTF-8, no NUL. */
			assert_true(html_utf8_valid(tables[l][i],
			    strlen(tables[l][i])));
		}
	}
}

static void
t_placeholders_match(void **state)
{
	char	a[64], b[64];
	size_t	i;

	(void)state;
	/* The checker itself notices order and type differences. */
	placeholders("%s then %d", a, sizeof(a));
	placeholders("%d then %s", b, sizeof(b));
	assert_string_not_equal(a, b);
	placeholders("100%% %s", a, sizeof(a));
	assert_string_equal(a, "%s");
	placeholders("100% %s", a, sizeof(a));
	assert_string_equal(a, "?s");

	for (i = 0; i < MSG__MAX; i++) {
		placeholders(msg_nl[i], a, sizeof(a));
		placeholders(msg_en[i], b, sizeof(b));
		if (strcmp(a, b) != 0)
			print_error("message %s: nl has \"%s\", en has "
			    "\"%s\"\n", msg_names[i], a, b);
		assert_string_equal(a, b);
		/* No stray '%' in any message. */
		assert_null(strchr(a, '?'));
	}
	/* The messages that take arguments do have them. */
	placeholders(msg_nl[MSG_search_count], a, sizeof(a));
	assert_string_equal(a, "sd");
	placeholders(msg_nl[MSG_search_none], a, sizeof(a));
	assert_string_equal(a, "s");
}

static void
t_names(void **state)
{
	size_t	i, j;

	(void)state;
	for (i = 0; i < MSG__MAX; i++) {
		assert_non_null(msg_names[i]);
		for (j = 0; j < i; j++)
			assert_string_not_equal(msg_names[i], msg_names[j]);
		assert_ptr_equal(i18n_byname(LOC_NL, msg_names[i],
		    strlen(msg_names[i])), msg_nl[i]);
		assert_ptr_equal(i18n_byname(LOC_EN, msg_names[i],
		    strlen(msg_names[i])), msg_en[i]);
	}
	assert_string_equal(msg_names[MSG_site_name], "site_name");
	assert_null(i18n_byname(LOC_NL, "nope", 4));
	assert_null(i18n_byname(LOC_NL, "", 0));
	/* Prefixes and over-long names do not match. */
	assert_null(i18n_byname(LOC_NL, "site_name", 4));
	assert_null(i18n_byname(LOC_NL, "site_namex", 10));
	assert_null(i18n_byname(LOC_NL, "SITE_NAME", 9));
	/* The length bounds the name: no NUL needed. */
	assert_string_equal(i18n_byname(LOC_EN, "lang_codeXYZ", 9), "en");
}

static void
t_get_code(void **state)
{
	(void)state;
	assert_string_equal(i18n_get(LOC_NL, MSG_lang_code), "nl");
	assert_string_equal(i18n_get(LOC_EN, MSG_lang_code), "en");
	assert_string_equal(i18n_get(LOC_NL, MSG_lang_other_code), "en");
	assert_string_equal(i18n_get(LOC_EN, MSG_lang_other_code), "nl");
	/* Out of range ids and locales are safe. */
	assert_string_equal(i18n_get(LOC_NL, MSG__MAX), "");
	assert_string_equal(i18n_get(LOC_NL, (enum msg_id)-1), "");
	assert_string_equal(i18n_get(LOC__MAX, MSG_lang_code), "nl");
	assert_string_equal(i18n_get((enum locale)77, MSG_lang_code), "nl");
	assert_string_equal(i18n_code(LOC_NL), "nl");
	assert_string_equal(i18n_code(LOC_EN), "en");
	assert_string_equal(i18n_code(LOC__MAX), "nl");
	/* Each locale's own code message agrees with i18n_code. */
	assert_string_equal(i18n_get(LOC_EN, MSG_lang_code),
	    i18n_code(LOC_EN));
	assert_string_equal(i18n_get(LOC_NL, MSG_lang_code),
	    i18n_code(LOC_NL));
}

static void
t_parse_code(void **state)
{
	enum locale	loc;

	(void)state;
	loc = LOC_EN;
	assert_int_equal(i18n_parse_code("nl", &loc), 0);
	assert_int_equal(loc, LOC_NL);
	assert_int_equal(i18n_parse_code("en", &loc), 0);
	assert_int_equal(loc, LOC_EN);
	/* Exact codes only; failure leaves loc alone. */
	assert_int_equal(i18n_parse_code(NULL, &loc), -1);
	assert_int_equal(i18n_parse_code("", &loc), -1);
	assert_int_equal(i18n_parse_code("EN", &loc), -1);
	assert_int_equal(i18n_parse_code("Nl", &loc), -1);
	assert_int_equal(i18n_parse_code("e", &loc), -1);
	assert_int_equal(i18n_parse_code("eng", &loc), -1);
	assert_int_equal(i18n_parse_code("en ", &loc), -1);
	assert_int_equal(i18n_parse_code("nl-BE", &loc), -1);
	assert_int_equal(i18n_parse_code("fr", &loc), -1);
	assert_int_equal(loc, LOC_EN);
}

static void
t_negotiate(void **state)
{
	char	*big;
	size_t	 n = 100000;

	(void)state;
	NEG(NULL, LOC_NL);
	NEG("", LOC_NL);
	NEG("en", LOC_EN);
	NEG("nl", LOC_NL);
	NEG("EN", LOC_EN);
	NEG("En-Us", LOC_EN);
	NEG("en-GB,en;q=0.9", LOC_EN);
	NEG("nl-BE", LOC_NL);
	NEG("en;q=0.5, nl;q=0.8", LOC_NL);
	NEG("nl;q=0.1, en", LOC_EN);
	NEG("nl;q=0.1,en;q=0.2", LOC_EN);
	NEG("en;q=0.200, nl;q=0.199", LOC_EN);
	NEG("fr, de", LOC_NL);
	NEG("fr, de, en;q=0.1", LOC_EN);
	NEG("*", LOC_NL);
	NEG("*, en;q=0.5", LOC_EN);
	NEG("eng", LOC_NL);		/* not a primary-subtag match */
	NEG("enx-US", LOC_NL);
	NEG("e", LOC_NL);
	NEG("en;q=0", LOC_NL);
	NEG("en;q=0.000", LOC_NL);
	NEG("en;q=abc", LOC_NL);	/* malformed weight: 0 */
	NEG("en;q=1.5", LOC_EN);	/* capped at 1 */
	NEG("en;Q=0.9", LOC_EN);
	NEG("  en ;q=0.9", LOC_EN);
	NEG("en;level=1;q=0.9, nl;q=0.8", LOC_EN);
	/* Ties go to Dutch. */
	NEG("en, nl", LOC_NL);
	NEG("en;q=0.7, nl;q=0.7", LOC_NL);
	NEG("en-GB;q=0.9, nl-NL;q=0.9", LOC_NL);
	/* The best q of a language counts, not the last. */
	NEG("en;q=0.9, nl;q=0.5, en;q=0.1", LOC_EN);
	/* Garbage. */
	NEG(",", LOC_NL);
	NEG(",,,;;;", LOC_NL);
	NEG(";q=1", LOC_NL);
	NEG("q=1, ;en", LOC_NL);
	NEG("\x01\xff\xfe", LOC_NL);
	NEG("en;", LOC_EN);
	NEG("en;q", LOC_EN);
	NEG("en;q=", LOC_NL);
	NEG("-en", LOC_NL);

	/* Very long headers: nothing found, or found at the end. */
	big = malloc(n + 8);
	assert_non_null(big);
	memset(big, 'x', n);
	big[n] = '\0';
	NEG(big, LOC_NL);
	memset(big, ',', n);
	NEG(big, LOC_NL);
	memcpy(big + n, ",en", 4);
	NEG(big, LOC_EN);
	memset(big, ' ', n);
	NEG(big, LOC_EN);
	free(big);
}

static void
t_fmt(void **state)
{
	struct sbuf	out;

	(void)state;
	FMT("%s en %d", "a en 1", "a", "1");
	FMT("\xe2\x80\x9c%s\xe2\x80\x9d: %d", "\xe2\x80\x9cq\xe2\x80\x9d: 7",
	    "q", "7");
	FMT("100%%", "100%", "unused");
	FMT("%%s", "%s", "unused");
	FMT("%%%s", "%x", "x");
	/* Missing arguments give nothing; extra ones are ignored. */
	FMT("a%sb%sc", "aXbc", "X");
	FMT("%s|%d|%s", "1||", "1");
	FMT("%s", "one", "one", "two", "three");
	/* Anything else is literal, including a lone % at the end. */
	FMT("50%", "50%", "x");
	FMT("%", "%", "x");
	FMT("%x %5s %", "%x %5s %", "x");
	/* Arguments are not formats themselves. */
	FMT("%s%s", "%s", "%s");
	FMT("<%s>", "<<b>>", "<b>");	/* no escaping: callers escape */
	FMT("", "", "x");

	/* No arguments at all. */
	sbuf_init(&out);
	i18n_fmt(&out, "a%sb%%", NULL, 0);
	assert_string_equal(sbuf_cstr(&out), "ab%");
	sbuf_free(&out);

	/* Output is appended. */
	sbuf_init(&out);
	sbuf_puts(&out, "pre:");
	i18n_fmt(&out, msg_en[MSG_search_count],
	    (const char *const []){ "kat", "3" }, 2);
	assert_string_equal(sbuf_cstr(&out),
	    "pre:Number of results for \xe2\x80\x9c" "kat\xe2\x80\x9d: 3");
	sbuf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_complete),
		cmocka_unit_test(t_placeholders_match),
		cmocka_unit_test(t_names),
		cmocka_unit_test(t_get_code),
		cmocka_unit_test(t_parse_code),
		cmocka_unit_test(t_negotiate),
		cmocka_unit_test(t_fmt),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
