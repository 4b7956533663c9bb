/*
 * form: the field checks behind every form (lengths in code points,
 * UTF-8 and control characters, e-mail shape, password rules, choices).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/form.h"

/* Two bytes, three bytes and four bytes per character. */
#define E_ACUTE	"\xc3\xa9"		/* U+00E9 */
#define EURO	"\xe2\x82\xac"		/* U+20AC */
#define SMILE	"\xf0\x9f\x98\x80"	/* U+1F600 */

#define EMAIL_IS(in, want, out) \
	check_email(in, want, out, __FILE__, __LINE__)

static char	*repeat(const char *, size_t);
static char	*cycle(const char *const *, size_t);
static void	 check_email(const char *, enum form_err, const char *,
		    const char *, int);

/* n copies of s, NUL-terminated; the caller frees. */
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

/* n characters taken in turn from parts (NULL-terminated); caller frees. */
static char *
cycle(const char *const *parts, size_t n)
{
	size_t	 np, i, len = 0;
	char	*out;

	for (np = 0; parts[np] != NULL; np++)
		;
	out = malloc(n * 4 + 1);
	assert_non_null(out);
	for (i = 0; i < n; i++) {
		memcpy(out + len, parts[i % np], strlen(parts[i % np]));
		len += strlen(parts[i % np]);
	}
	out[len] = '\0';
	return (out);
}

/* form_email on a copy of in; on FORM_OK the copy must read out. */
static void
check_email(const char *in, enum form_err want, const char *out,
    const char *file, int line)
{
	char	*v;

	v = strdup(in);
	_assert_true(v != NULL, "strdup", file, line);
	_assert_int_equal(form_email(v), want, file, line);
	if (want == FORM_OK)
		_assert_string_equal(v, out != NULL ? out : in, file, line);
	free(v);
}

static void
t_chars(void **state)
{
	(void)state;
	assert_int_equal(form_chars(""), 0);
	assert_int_equal(form_chars("abc"), 3);
	assert_int_equal(form_chars(E_ACUTE), 1);
	assert_int_equal(form_chars(EURO), 1);
	assert_int_equal(form_chars(SMILE), 1);
	assert_int_equal(form_chars("caf" E_ACUTE " " EURO "5 " SMILE), 9);
}

static void
t_lf(void **state)
{
	char	buf[64];

	(void)state;
	strcpy(buf, "a\r\nb\rc\n\r\nd\r");
	form_lf(buf);
	assert_string_equal(buf, "a\nb\nc\n\nd\n");
	strcpy(buf, "");
	form_lf(buf);
	assert_string_equal(buf, "");
	strcpy(buf, "\r\r\n");
	form_lf(buf);
	assert_string_equal(buf, "\n\n");
}

static void
t_id(void **state)
{
	char	out[4];

	(void)state;
	assert_int_equal(form_id(out, sizeof(out), "42"), 0);
	assert_string_equal(out, "42");
	assert_int_equal(form_id(out, sizeof(out), "007"), 0);
	assert_string_equal(out, "007");
	assert_int_equal(form_id(out, sizeof(out), "000"), -1);
	assert_int_equal(form_id(out, sizeof(out), ""), -1);
	assert_int_equal(form_id(out, sizeof(out), "1a"), -1);
	assert_int_equal(form_id(out, sizeof(out), "-1"), -1);
	assert_int_equal(form_id(out, sizeof(out), "1234"), -1);
}

static void
t_trim(void **state)
{
	char	buf[64];

	(void)state;
	strcpy(buf, "  a b \t\r\n");
	assert_string_equal(form_trim(buf), "a b");
	strcpy(buf, "\n\t a");
	assert_string_equal(form_trim(buf), "a");
	strcpy(buf, "a  ");
	assert_string_equal(form_trim(buf), "a");
	strcpy(buf, "a");
	assert_string_equal(form_trim(buf), "a");
	strcpy(buf, "");
	assert_string_equal(form_trim(buf), "");
	strcpy(buf, " \t\r\n ");
	assert_string_equal(form_trim(buf), "");
	/* Inner white space and non-ASCII stay as they are. */
	strcpy(buf, " " E_ACUTE " x\ty " E_ACUTE " ");
	assert_string_equal(form_trim(buf), E_ACUTE " x\ty " E_ACUTE);
}

static void
t_text_empty(void **state)
{
	(void)state;
	assert_int_equal(form_text(NULL, 10, 1, 0), FORM_EMPTY);
	assert_int_equal(form_text("", 10, 1, 0), FORM_EMPTY);
	assert_int_equal(form_text("", 10, 1, 1), FORM_EMPTY);
	assert_int_equal(form_text(NULL, 10, 0, 0), FORM_OK);
	assert_int_equal(form_text("", 10, 0, 0), FORM_OK);
	assert_int_equal(form_text("x", 10, 1, 0), FORM_OK);
}

static void
t_text_length(void **state)
{
	char	*s;

	(void)state;
	s = repeat("a", FORM_NAME_MAX);
	assert_int_equal(form_text(s, FORM_NAME_MAX, 1, 0), FORM_OK);
	free(s);
	s = repeat("a", FORM_NAME_MAX + 1);
	assert_int_equal(form_text(s, FORM_NAME_MAX, 1, 0), FORM_TOO_LONG);
	free(s);

	/* Characters, not bytes: 60 x e-acute is 120 bytes and fits. */
	s = repeat(E_ACUTE, FORM_NAME_MAX);
	assert_int_equal(form_text(s, FORM_NAME_MAX, 1, 0), FORM_OK);
	free(s);
	s = repeat(E_ACUTE, FORM_NAME_MAX + 1);
	assert_int_equal(form_text(s, FORM_NAME_MAX, 1, 0), FORM_TOO_LONG);
	free(s);
	s = repeat(EURO, FORM_NAME_MAX);
	assert_int_equal(form_text(s, FORM_NAME_MAX, 1, 0), FORM_OK);
	free(s);
	s = repeat(SMILE, FORM_NAME_MAX);
	assert_int_equal(form_text(s, FORM_NAME_MAX, 1, 0), FORM_OK);
	free(s);
	s = repeat(SMILE, FORM_NAME_MAX + 1);
	assert_int_equal(form_text(s, FORM_NAME_MAX, 1, 0), FORM_TOO_LONG);
	free(s);

	/* A multiline bio at its limit, with newlines counted. */
	s = repeat("ab\n", FORM_BIO_MAX / 3);
	assert_int_equal(form_text(s, FORM_BIO_MAX, 0, 1), FORM_OK);
	free(s);
	s = repeat("a\r\n", FORM_BIO_MAX / 3 + 1);
	assert_int_equal(form_text(s, FORM_BIO_MAX, 0, 1), FORM_TOO_LONG);
	free(s);
}

static void
t_text_controls(void **state)
{
	(void)state;
	assert_int_equal(form_text("a\x01" "b", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("a\x01" "b", 10, 1, 1), FORM_BAD_CHARS);
	assert_int_equal(form_text("\x1f", 10, 1, 1), FORM_BAD_CHARS);
	assert_int_equal(form_text("\x1b[31m", 10, 1, 1), FORM_BAD_CHARS);
	assert_int_equal(form_text("a\x7f", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("a\x7f", 10, 1, 1), FORM_BAD_CHARS);
	assert_int_equal(form_text("\x0b", 10, 1, 1), FORM_BAD_CHARS);
	assert_int_equal(form_text("\x0c", 10, 1, 1), FORM_BAD_CHARS);

	/* Newlines and tabs only in multiline fields. */
	assert_int_equal(form_text("a\nb", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("a\r\nb", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("a\rb", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("a\tb", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("a\nb", 10, 1, 1), FORM_OK);
	assert_int_equal(form_text("a\r\nb", 10, 1, 1), FORM_OK);
	assert_int_equal(form_text("a\tb", 10, 1, 1), FORM_OK);

	/* C1 controls are characters like any other (valid UTF-8). */
	assert_int_equal(form_text("\xc2\x85", 10, 1, 0), FORM_OK);
	assert_int_equal(form_text("Jan " E_ACUTE EURO SMILE, 10, 1, 0),
	    FORM_OK);
}

static void
t_text_utf8(void **state)
{
	(void)state;
	assert_int_equal(form_text("\xff", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("ab\xfe", 10, 1, 1), FORM_BAD_CHARS);
	/* A lone continuation byte, a truncated sequence. */
	assert_int_equal(form_text("\x80", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("a\xc3", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("\xe2\x82", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("\xf0\x9f\x98", 10, 1, 0),
	    FORM_BAD_CHARS);
	assert_int_equal(form_text("\xc3\x28", 10, 1, 0), FORM_BAD_CHARS);
	/* Overlong forms of '/' and of NUL. */
	assert_int_equal(form_text("\xc0\xaf", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("\xc0\x80", 10, 1, 0), FORM_BAD_CHARS);
	assert_int_equal(form_text("\xe0\x80\xaf", 10, 1, 0),
	    FORM_BAD_CHARS);
	assert_int_equal(form_text("\xf0\x80\x80\xaf", 10, 1, 0),
	    FORM_BAD_CHARS);
	/* A UTF-16 surrogate; past U+10FFFF. */
	assert_int_equal(form_text("\xed\xa0\x80", 10, 1, 0),
	    FORM_BAD_CHARS);
	assert_int_equal(form_text("\xf4\x90\x80\x80", 10, 1, 0),
	    FORM_BAD_CHARS);
	/* Latin-1 typed where UTF-8 was expected. */
	assert_int_equal(form_text("caf\xe9", 10, 1, 0), FORM_BAD_CHARS);
	/* The edges that are valid. */
	assert_int_equal(form_text("\xf4\x8f\xbf\xbf", 10, 1, 0), FORM_OK);
	assert_int_equal(form_text("\xed\x9f\xbf", 10, 1, 0), FORM_OK);
	assert_int_equal(form_text("\xef\xbf\xbd", 10, 1, 0), FORM_OK);
}

static void
t_email_ok(void **state)
{
	(void)state;
	EMAIL_IS("a@b.nl", FORM_OK, NULL);
	EMAIL_IS("jan@voorbeeld.nl", FORM_OK, NULL);
	EMAIL_IS("jan.de.vries+bron@mail.voorbeeld.org", FORM_OK, NULL);
	EMAIL_IS("j_o-e'1@sub-1.voorbeeld.co.uk", FORM_OK, NULL);
	/* Lowercased, ASCII only: other bytes are left alone. */
	EMAIL_IS("Jan.De.Vries@Voorbeeld.NL", FORM_OK,
	    "jan.de.vries@voorbeeld.nl");
	EMAIL_IS("ANNE@EXAMPLE.ORG", FORM_OK, "anne@example.org");
	EMAIL_IS("Jos\xc3\x89@Voorbeeld.nl", FORM_OK,
	    "jos\xc3\x89@voorbeeld.nl");
}

static void
t_email_bad(void **state)
{
	(void)state;
	EMAIL_IS("", FORM_EMPTY, NULL);
	EMAIL_IS("janvoorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("@", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@piet@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	/* Dots in the wrong places. */
	EMAIL_IS(".jan@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan..piet@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan.@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@.voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@voorbeeld..nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@voorbeeld.nl.", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@voorbeeld", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@localhost", FORM_BAD_EMAIL, NULL);
	/* Spaces and characters that would need quoting. */
	EMAIL_IS("jan de vries@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@voor beeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS(" jan@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@voorbeeld.nl ", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("\"jan\"@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan<x>@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan,piet@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan;piet@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan:piet@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan\\piet@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan@[127.0.0.1]", FORM_BAD_EMAIL, NULL);
	EMAIL_IS("jan(x)@voorbeeld.nl", FORM_BAD_EMAIL, NULL);
	/* Controls and broken UTF-8 are not an address either. */
	EMAIL_IS("jan\n@voorbeeld.nl", FORM_BAD_CHARS, NULL);
	EMAIL_IS("jan\t@voorbeeld.nl", FORM_BAD_CHARS, NULL);
	EMAIL_IS("jan\x7f@voorbeeld.nl", FORM_BAD_CHARS, NULL);
	EMAIL_IS("jan\xff@voorbeeld.nl", FORM_BAD_CHARS, NULL);
}

static void
t_email_length(void **state)
{
	char	*local, *dom, addr[600];

	(void)state;
	/* A local part of 64 is the most; 65 is refused. */
	local = repeat("a", 64);
	snprintf(addr, sizeof(addr), "%s@voorbeeld.nl", local);
	EMAIL_IS(addr, FORM_OK, NULL);
	free(local);
	local = repeat("a", 65);
	snprintf(addr, sizeof(addr), "%s@voorbeeld.nl", local);
	EMAIL_IS(addr, FORM_BAD_EMAIL, NULL);
	free(local);

	/* 254 characters in all is the most (64 + 1 + 185 + 4). */
	local = repeat("a", 64);
	dom = repeat("b", 185);
	snprintf(addr, sizeof(addr), "%s@%s.com", local, dom);
	assert_int_equal(strlen(addr), 254);
	EMAIL_IS(addr, FORM_OK, NULL);
	free(dom);
	dom = repeat("b", 186);
	snprintf(addr, sizeof(addr), "%s@%s.com", local, dom);
	assert_int_equal(strlen(addr), 255);
	EMAIL_IS(addr, FORM_TOO_LONG, NULL);
	free(dom);
	dom = repeat("b", 400);
	snprintf(addr, sizeof(addr), "%s@%s.com", local, dom);
	EMAIL_IS(addr, FORM_TOO_LONG, NULL);
	free(dom);
	free(local);

	/* Bytes count too: 224 characters in 254 bytes fit, 255 do not. */
	local = repeat(E_ACUTE, 30);
	dom = repeat("b", 190);
	snprintf(addr, sizeof(addr), "%s@%s.nl", local, dom);
	assert_int_equal(form_chars(addr), 224);
	assert_int_equal(strlen(addr), 254);
	EMAIL_IS(addr, FORM_OK, NULL);
	free(dom);
	dom = repeat("b", 191);
	snprintf(addr, sizeof(addr), "%s@%s.nl", local, dom);
	assert_int_equal(form_chars(addr), 225);
	assert_int_equal(strlen(addr), 255);
	EMAIL_IS(addr, FORM_TOO_LONG, NULL);
	free(dom);
	free(local);
}

static void
t_password_length(void **state)
{
	const char *const	 mix[] = { "a", E_ACUTE, "b", EURO, "c", SMILE,
	    "d", NULL };
	char			*s;

	(void)state;
	assert_int_equal(form_password(NULL, NULL, NULL), FORM_EMPTY);
	assert_int_equal(form_password("", NULL, NULL), FORM_EMPTY);
	assert_int_equal(form_password("lente-vogel", NULL, NULL),
	    FORM_PW_SHORT);
	assert_int_equal(form_password("lente-vogels", NULL, NULL), FORM_OK);
	assert_int_equal(form_password("x", NULL, NULL), FORM_PW_SHORT);

	/* Characters, not bytes: 11 of them in 22+ bytes is still short. */
	s = cycle(mix, FORM_PW_MIN - 1);
	assert_true(strlen(s) >= FORM_PW_MIN);
	assert_int_equal(form_password(s, NULL, NULL), FORM_PW_SHORT);
	free(s);
	s = cycle(mix, FORM_PW_MIN);
	assert_int_equal(form_password(s, NULL, NULL), FORM_OK);
	free(s);
	s = cycle(mix, FORM_PW_MAX);
	assert_true(strlen(s) > FORM_PW_MAX);
	assert_int_equal(form_password(s, NULL, NULL), FORM_OK);
	free(s);
	s = cycle(mix, FORM_PW_MAX + 1);
	assert_int_equal(form_password(s, NULL, NULL), FORM_PW_LONG);
	free(s);

	/* The same edges in plain ASCII. */
	s = cycle((const char *const []){ "x", "y", "z", "1", NULL },
	    FORM_PW_MAX);
	assert_int_equal(form_password(s, NULL, NULL), FORM_OK);
	free(s);
	s = cycle((const char *const []){ "x", "y", "z", "1", NULL },
	    FORM_PW_MAX + 1);
	assert_int_equal(form_password(s, NULL, NULL), FORM_PW_LONG);
	free(s);
	s = cycle((const char *const []){ "x", "y", "z", "1", NULL }, 1000);
	assert_int_equal(form_password(s, NULL, NULL), FORM_PW_LONG);
	free(s);

	/* Broken UTF-8 is refused, not counted. */
	assert_int_equal(form_password("lente-vogels\xff", NULL, NULL),
	    FORM_BAD_CHARS);
	assert_int_equal(form_password("\xc0\xaf" "lente-vogels", NULL,
	    NULL), FORM_BAD_CHARS);
}

static void
t_password_common(void **state)
{
	(void)state;
	assert_int_equal(form_password("wachtwoord123", NULL, NULL),
	    FORM_PW_COMMON);
	assert_int_equal(form_password("WachtWoord123", NULL, NULL),
	    FORM_PW_COMMON);
	assert_int_equal(form_password("WACHTWOORD123", NULL, NULL),
	    FORM_PW_COMMON);
	assert_int_equal(form_password("qwertyuiop123456", NULL, NULL),
	    FORM_PW_COMMON);
	assert_int_equal(form_password("QwertyUiop123456", NULL, NULL),
	    FORM_PW_COMMON);
	assert_int_equal(form_password("amsterdam123", NULL, NULL),
	    FORM_PW_COMMON);
	/* First and last entries of the sorted list. */
	assert_int_equal(form_password("000000000000", NULL, NULL),
	    FORM_PW_COMMON);
	assert_int_equal(form_password("zxcvbnzxcvbn", NULL, NULL),
	    FORM_PW_COMMON);
	/* Near misses are fine. */
	assert_int_equal(form_password("wachtwoord123 is geen goed idee",
	    NULL, NULL), FORM_OK);
	assert_int_equal(form_password(" wachtwoord123", NULL, NULL),
	    FORM_OK);

	/* One or two different characters, however long. */
	assert_int_equal(form_password("aaaaaaaaaaaa", NULL, NULL),
	    FORM_PW_COMMON);
	/* Two accented letters: three distinct bytes, two characters. */
	assert_int_equal(form_password("\xc3\xa9\xc3\xa8\xc3\xa9\xc3\xa8"
	    "\xc3\xa9\xc3\xa8\xc3\xa9\xc3\xa8\xc3\xa9\xc3\xa8\xc3\xa9\xc3\xa8",
	    NULL, NULL), FORM_PW_COMMON);
	assert_int_equal(form_password("abababababab", NULL, NULL),
	    FORM_PW_COMMON);
	assert_int_equal(form_password("1111111111111111111112", NULL,
	    NULL), FORM_PW_COMMON);
	assert_int_equal(form_password("            ", NULL, NULL),
	    FORM_PW_COMMON);
	assert_int_equal(form_password("abcabcabcabc", NULL, NULL), FORM_OK);
}

static void
t_password_personal(void **state)
{
	(void)state;
	/* The e-mail address or display name, in any case. */
	assert_int_equal(form_password("jan.de.vries@voorbeeld.nl",
	    "jan.de.vries@voorbeeld.nl", "Jan"), FORM_PW_COMMON);
	assert_int_equal(form_password("Jan.De.Vries@Voorbeeld.NL",
	    "jan.de.vries@voorbeeld.nl", NULL), FORM_PW_COMMON);
	assert_int_equal(form_password("Pietje Puk de Tweede", NULL,
	    "pietje puk de tweede"), FORM_PW_COMMON);
	assert_int_equal(form_password("PIETJE PUK DE TWEEDE", "a@b.nl",
	    "Pietje Puk de Tweede"), FORM_PW_COMMON);
	/* Containing them, or a part of them, is allowed. */
	assert_int_equal(form_password("jan.de.vries@voorbeeld.nl!",
	    "jan.de.vries@voorbeeld.nl", NULL), FORM_OK);
	assert_int_equal(form_password("Pietje Puk de Twee", NULL,
	    "Pietje Puk de Tweede"), FORM_OK);
	/* No e-mail or name (or empty ones): nothing to compare. */
	assert_int_equal(form_password("Pietje Puk de Tweede", "", ""),
	    FORM_OK);
	assert_int_equal(form_password("Pietje Puk de Tweede", NULL, NULL),
	    FORM_OK);
}

static void
t_pw_common(void **state)
{
	char	*s;

	(void)state;
	assert_true(form_pw_common("wachtwoord123"));
	assert_true(form_pw_common("Wachtwoord123"));
	assert_true(form_pw_common("wachtwoordwachtwoord"));
	assert_true(form_pw_common("0.0.0000.0.000"));
	assert_true(form_pw_common("ZXCVBNZXCVBN"));
	assert_false(form_pw_common(""));
	assert_false(form_pw_common("wachtwoord"));
	assert_false(form_pw_common("paarse olifant danst traag"));
	assert_false(form_pw_common("wachtwoord123 "));
	/* Longer than any password: no overflow, not on the list. */
	s = repeat("wachtwoord123", 100);
	assert_false(form_pw_common(s));
	free(s);
	s = repeat("a", FORM_PW_MAX * 4);
	assert_false(form_pw_common(s));
	free(s);
	s = repeat("a", FORM_PW_MAX * 4 + 1);
	assert_false(form_pw_common(s));
	free(s);
}

static void
t_choice(void **state)
{
	const char *const	kinds[] = { "professional", "ervaringsdeskundige",
	    "anders", NULL };
	const char *const	none[] = { NULL };

	(void)state;
	assert_int_equal(form_choice("professional", kinds), 0);
	assert_int_equal(form_choice("ervaringsdeskundige", kinds), 1);
	assert_int_equal(form_choice("anders", kinds), 2);
	assert_int_equal(form_choice(NULL, kinds), -1);
	assert_int_equal(form_choice("", kinds), -1);
	assert_int_equal(form_choice("Anders", kinds), -1);
	assert_int_equal(form_choice("ander", kinds), -1);
	assert_int_equal(form_choice("anders ", kinds), -1);
	assert_int_equal(form_choice("beheerder", kinds), -1);
	assert_int_equal(form_choice("anders", none), -1);
}

/* One-line fields: every line break or tab is one space; rtrim keeps
 * leading blanks (Markdown indents) and cuts trailing ones. */
static void
t_oneline_rtrim(void **state)
{
	char	a[] = "een\r\ntwee\rdrie\nvier\tvijf";
	char	b[] = "\r\n";
	char	c[] = "";
	char	d[] = "    code\n\n \t";
	char	e[] = " \t\n";

	(void)state;
	form_oneline(a);
	assert_string_equal(a, "een twee drie vier vijf");
	form_oneline(b);
	assert_string_equal(b, " ");	/* CRLF is one break */
	form_oneline(c);
	assert_string_equal(c, "");
	assert_string_equal(form_rtrim(d), "    code");
	assert_string_equal(form_rtrim(e), "");
}

/* A line of a "\n"-framed list: whole lines only. */
static void
t_list_has(void **state)
{
	(void)state;
	assert_true(form_list_has("\nkleinschaligheid\nvakmanschap\n",
	    "vakmanschap"));
	assert_true(form_list_has("\nkleinschaligheid\nvakmanschap\n",
	    "kleinschaligheid"));
	assert_false(form_list_has("\nkleinschaligheid\n", "klein"));
	assert_false(form_list_has("\nkleinschaligheid\n", "schaligheid"));
	assert_false(form_list_has("kleinschaligheid\n", "kleinschaligheid"));
	assert_false(form_list_has("\na\nb\n", "a\nb"));
	assert_false(form_list_has("\n\n", ""));
	assert_false(form_list_has("", "a"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_chars),
		cmocka_unit_test(t_trim),
		cmocka_unit_test(t_text_empty),
		cmocka_unit_test(t_text_length),
		cmocka_unit_test(t_text_controls),
		cmocka_unit_test(t_text_utf8),
		cmocka_unit_test(t_email_ok),
		cmocka_unit_test(t_email_bad),
		cmocka_unit_test(t_email_length),
		cmocka_unit_test(t_password_length),
		cmocka_unit_test(t_password_common),
		cmocka_unit_test(t_password_personal),
		cmocka_unit_test(t_pw_common),
		cmocka_unit_test(t_choice),
		cmocka_unit_test(t_lf),
		cmocka_unit_test(t_id),
		cmocka_unit_test(t_oneline_rtrim),
		cmocka_unit_test(t_list_has),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
