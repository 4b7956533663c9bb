/*
 * Every form_* check on arbitrary bytes. The input is split at NUL
 * bytes into a value, an e-mail address and a name (for form_password);
 * the first byte also picks form_text's limit and flags. Whatever a
 * check accepts must really have the promised shape.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/form.h"
#include "core/html.h"
#include "fuzz.h"

static size_t	chars_ref(const char *);
static int	same_ci(const char *, const char *);
static void	check_text(const char *, size_t, int, int);
static void	check_trim(const char *);
static void	check_lf(const char *);
static void	check_id(const char *);
static void	check_email(const char *);
static void	check_password(const char *, const char *, const char *);
static void	check_choice(const char *);

/* Code points of valid UTF-8: bytes that are not continuation bytes. */
static size_t
chars_ref(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return (n);
}

static int
same_ci(const char *a, const char *b)
{
	if (a == NULL || b == NULL || *b == '\0')
		return (0);
	return (strlen(a) == strlen(b) && strcasecmp(a, b) == 0);
}

static void
check_text(const char *s, size_t max, int required, int multiline)
{
	const unsigned char	*p;
	enum form_err		 e;
	size_t			 n = strlen(s);

	e = form_text(s, max, required, multiline);
	if (n == 0) {
		CHECK(e == (required ? FORM_EMPTY : FORM_OK));
		return;
	}
	CHECK(e == FORM_OK || e == FORM_TOO_LONG || e == FORM_BAD_CHARS);
	if (e == FORM_BAD_CHARS)
		return;
	/* Accepted or too long: valid UTF-8 without forbidden controls. */
	CHECK(html_utf8_valid(s, n));
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		CHECK(*p != 0x7f);
		CHECK(*p >= 0x20 || (multiline &&
		    (*p == '\n' || *p == '\r' || *p == '\t')));
	}
	CHECK(form_chars(s) == chars_ref(s));
	if (e == FORM_OK)
		CHECK(form_chars(s) <= max);
	else
		CHECK(form_chars(s) > max);
}

static void
check_trim(const char *s)
{
	char	*copy, *t;
	size_t	 n;

	if ((copy = strdup(s)) == NULL)
		abort();
	t = form_trim(copy);
	n = strlen(t);
	CHECK(t >= copy && t <= copy + strlen(s));
	CHECK(strncmp(t, s + (t - copy), n) == 0);
	if (n > 0) {
		CHECK(strchr(" \t\r\n", t[0]) == NULL);
		CHECK(strchr(" \t\r\n", t[n - 1]) == NULL);
	}
	/* Only white space was cut. */
	CHECK(strspn(s, " \t\r\n") == (size_t)(t - copy));
	CHECK(strspn(s + (t - copy) + n, " \t\r\n") ==
	    strlen(s + (t - copy) + n));
	free(copy);
}

/* form_lf: no CR left, never longer, every other byte kept in order. */
static void
check_lf(const char *s)
{
	char		*copy;
	size_t		 i, n, others;

	if ((copy = strdup(s)) == NULL)
		abort();
	form_lf(copy);
	n = strlen(copy);
	CHECK(n <= strlen(s));
	CHECK(strchr(copy, '\r') == NULL);
	for (i = 0, others = 0; s[i] != '\0'; i++)
		if (s[i] != '\r' && s[i] != '\n')
			others++;
	for (i = 0; copy[i] != '\0'; i++)
		if (copy[i] != '\n')
			others--;
	CHECK(others == 0);
	free(copy);
}

/* form_id: accepts digits only, not all zeros, and copies them whole. */
static void
check_id(const char *s)
{
	char	out[20];
	size_t	n = strlen(s);

	if (form_id(out, sizeof(out), s) == 0) {
		CHECK(n > 0 && n < sizeof(out));
		CHECK(strspn(s, "0123456789") == n && strspn(s, "0") < n);
		CHECK(strcmp(out, s) == 0);
	} else
		CHECK(n == 0 || n >= sizeof(out) ||
		    strspn(s, "0123456789") != n || strspn(s, "0") == n);
}

static void
check_email(const char *s)
{
	char		*v;
	const char	*at, *p;
	enum form_err	 e;
	size_t		 n = strlen(s), i;

	if ((v = strdup(s)) == NULL)
		abort();
	e = form_email(v);
	if (e != FORM_OK) {
		CHECK(e == FORM_EMPTY || e == FORM_TOO_LONG ||
		    e == FORM_BAD_CHARS || e == FORM_BAD_EMAIL);
		CHECK(strcmp(v, s) == 0);	/* untouched */
		CHECK(e != FORM_EMPTY || n == 0);
		free(v);
		return;
	}
	/* Only ASCII case changed. */
	CHECK(strlen(v) == n);
	for (i = 0; i < n; i++)
		CHECK(v[i] == (char)tolower((unsigned char)s[i]));
	CHECK(n >= 3 && n <= FORM_EMAIL_MAX);
	CHECK(html_utf8_valid(v, n));
	at = strchr(v, '@');
	CHECK(at != NULL && strchr(at + 1, '@') == NULL);
	CHECK(at > v && at - v <= 64);
	CHECK(strchr(at + 1, '.') != NULL);
	CHECK(strstr(at + 1, "..") == NULL);
	CHECK(v[0] != '.' && at[-1] != '.' && at[1] != '.' &&
	    v[n - 1] != '.');
	for (p = v; *p != '\0'; p++) {
		CHECK(!(*p >= 'A' && *p <= 'Z'));
		CHECK((unsigned char)*p > 0x20 && *p != 0x7f);
		CHECK(strchr("\"(),:;<>[\\]", *p) == NULL);
	}
	/* Accepted once, accepted again unchanged. */
	CHECK(form_email(v) == FORM_OK);
	free(v);
}

static void
check_password(const char *pw, const char *email, const char *name)
{
	enum form_err	e;
	size_t		n = strlen(pw);

	e = form_password(pw, email, name);
	CHECK(e == form_password(pw, email, name));
	switch (e) {
	case FORM_OK:
		CHECK(html_utf8_valid(pw, n));
		CHECK(form_chars(pw) >= FORM_PW_MIN &&
		    form_chars(pw) <= FORM_PW_MAX);
		CHECK(!form_pw_common(pw));
		CHECK(!same_ci(pw, email) && !same_ci(pw, name));
		break;
	case FORM_EMPTY:
		CHECK(n == 0);
		break;
	case FORM_BAD_CHARS:
		CHECK(!html_utf8_valid(pw, n));
		break;
	case FORM_PW_SHORT:
		CHECK(html_utf8_valid(pw, n) && n > 0 &&
		    form_chars(pw) < FORM_PW_MIN);
		break;
	case FORM_PW_LONG:
		CHECK(html_utf8_valid(pw, n) &&
		    form_chars(pw) > FORM_PW_MAX);
		break;
	case FORM_PW_COMMON:
		CHECK(html_utf8_valid(pw, n));
		CHECK(form_chars(pw) >= FORM_PW_MIN &&
		    form_chars(pw) <= FORM_PW_MAX);
		break;
	default:
		CHECK(0);
	}
	/* Without e-mail and name the answer can only get better. */
	if (e == FORM_OK)
		CHECK(form_password(pw, NULL, NULL) == FORM_OK);
}

static void
check_choice(const char *s)
{
	static const char *const	kinds[] = { "professional",
	    "ervaringsdeskundige", "anders", NULL };
	int				i;

	i = form_choice(s, kinds);
	CHECK(i >= -1 && i <= 2);
	if (i >= 0)
		CHECK(strcmp(s, kinds[i]) == 0);
	else
		CHECK(strcmp(s, "professional") != 0 &&
		    strcmp(s, "ervaringsdeskundige") != 0 &&
		    strcmp(s, "anders") != 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*buf, *lower;
	const char	*s, *email, *name;
	size_t		 n, i, max;

	/* Three extra NULs: the value, e-mail and name always exist. */
	if ((buf = malloc(size + 3)) == NULL)
		abort();
	memcpy(buf, data, size);
	buf[size] = buf[size + 1] = buf[size + 2] = '\0';
	s = buf;
	n = strlen(s);
	email = s + n + 1;
	name = email + strlen(email) + 1;

	CHECK(form_chars(s) <= n);
	if (html_utf8_valid(s, n))
		CHECK(form_chars(s) == chars_ref(s));

	max = size > 0 ? data[0] % 70 : 0;
	check_text(s, max, size > 1 && (data[1] & 1), size > 1 &&
	    (data[1] & 2));
	check_text(s, FORM_NAME_MAX, 1, 0);
	check_text(s, FORM_BIO_MAX, 0, 1);
	check_trim(s);
	check_lf(s);
	check_id(s);
	check_email(s);
	check_email(email);
	check_password(s, email, name);
	check_password(s, NULL, NULL);
	check_choice(s);

	/* The common list ignores ASCII case. */
	if ((lower = strdup(s)) == NULL)
		abort();
	for (i = 0; lower[i] != '\0'; i++)
		lower[i] = (char)tolower((unsigned char)lower[i]);
	CHECK(form_pw_common(s) == form_pw_common(lower));
	if (form_pw_common(s))
		CHECK(n >= FORM_PW_MIN);
	free(lower);
	free(buf);
	return (0);
}
