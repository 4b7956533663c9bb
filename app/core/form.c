/*
 * Form checks: pure functions over NUL-terminated strings, fuzzed by
 * tests/fuzz/fuzz_form.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "html.h"
#include "pwlist.h"

size_t
form_chars(const char *s)
{
	size_t	n;

	for (n = 0; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return (n);
}

char *
form_trim(char *s)
{
	size_t	n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return (s);
}

void
form_lf(char *s)
{
	char	*w;

	for (w = s; *s != '\0'; s++) {
		if (*s == '\r') {
			*w++ = '\n';
			if (s[1] == '\n')
				s++;
		} else
			*w++ = *s;
	}
	*w = '\0';
}

int
form_list_has(const char *list, const char *item)
{
	const char	*p;
	size_t		 n;

	n = strlen(item);
	if (n == 0 || memchr(item, '\n', n) != NULL)
		return (0);
	for (p = list; (p = strstr(p, item)) != NULL; p += n) {
		if (p > list && p[-1] == '\n' && p[n] == '\n')
			return (1);
	}
	return (0);
}

void
form_oneline(char *s)
{
	char	*w;

	for (w = s; *s != '\0'; s++) {
		if (*s == '\r' && s[1] == '\n')
			continue;
		*w++ = (*s == '\r' || *s == '\n' || *s == '\t') ? ' ' : *s;
	}
	*w = '\0';
}

char *
form_rtrim(char *s)
{
	size_t	n;

	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n'))
		s[--n] = '\0';
	return (s);
}

int
form_id(char *out, size_t outsz, const char *v)
{
	size_t	i;

	for (i = 0; v[i] != '\0'; i++) {
		if (v[i] < '0' || v[i] > '9')
			return (-1);
	}
	if (i == 0 || i >= outsz || strspn(v, "0") == i)
		return (-1);
	memcpy(out, v, i + 1);
	return (0);
}

enum form_err
form_text(const char *v, size_t max, int required, int multiline)
{
	const unsigned char	*p;
	size_t			 len;

	if (v == NULL || *v == '\0')
		return (required ? FORM_EMPTY : FORM_OK);
	len = strlen(v);
	if (!html_utf8_valid(v, len))
		return (FORM_BAD_CHARS);
	for (p = (const unsigned char *)v; *p != '\0'; p++) {
		if (*p == 0x7f)
			return (FORM_BAD_CHARS);
		if (*p < 0x20 && !(multiline &&
		    (*p == '\n' || *p == '\r' || *p == '\t')))
			return (FORM_BAD_CHARS);
	}
	if (form_chars(v) > max)
		return (FORM_TOO_LONG);
	return (FORM_OK);
}

/*
 * Deliberately loose (RFC 5322 allows far more than people use): one
 * '@', a local part of 1-64 bytes, a domain with a dot inside it, no
 * spaces, controls or characters that need quoting.
 */
enum form_err
form_email(char *v)
{
	const char	*at, *dot, *p;
	char		*w;
	enum form_err	 e;

	if ((e = form_text(v, FORM_EMAIL_MAX, 1, 0)) != FORM_OK)
		return (e);
	if (strlen(v) > FORM_EMAIL_MAX)
		return (FORM_TOO_LONG);
	if ((at = strchr(v, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return (FORM_BAD_EMAIL);
	if (at == v || at - v > 64)
		return (FORM_BAD_EMAIL);
	for (p = v; *p != '\0'; p++) {
		if (strchr(" \"(),:;<>[\\]", *p) != NULL)
			return (FORM_BAD_EMAIL);
	}
	dot = strrchr(at + 1, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0' ||
	    strstr(v, "..") != NULL || at[1] == '.' || v[0] == '.' ||
	    at[-1] == '.')
		return (FORM_BAD_EMAIL);
	for (w = v; *w != '\0'; w++)
		*w = (char)tolower((unsigned char)*w);
	return (FORM_OK);
}

static int
pw_cmp(const void *key, const void *elem)
{
	return (strcmp(key, *(const char *const *)elem));
}

int
form_pw_common(const char *pw)
{
	char	buf[FORM_PW_MAX * 4 + 1];
	size_t	i, n;

	n = strlen(pw);
	if (n >= sizeof(buf))
		return (0);
	for (i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)pw[i]);
	buf[n] = '\0';
	return (bsearch(buf, pwlist, pwlist_n, sizeof(pwlist[0]),
	    pw_cmp) != NULL);
}

/* Case-insensitive ASCII equality. */
static int
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL || *b == '\0')
		return (0);
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return (0);
	}
	return (*a == *b);
}

enum form_err
form_password(const char *pw, const char *email, const char *name)
{
	char		 seen[3][4];
	size_t		 seen_len[3];
	const char	*p;
	size_t		 n, distinct, len, i;

	if (pw == NULL || *pw == '\0')
		return (FORM_EMPTY);
	if (!html_utf8_valid(pw, strlen(pw)))
		return (FORM_BAD_CHARS);
	n = form_chars(pw);
	if (n < FORM_PW_MIN)
		return (FORM_PW_SHORT);
	if (n > FORM_PW_MAX)
		return (FORM_PW_LONG);
	/* Distinct characters (code points), counting up to three. */
	distinct = 0;
	for (p = pw; *p != '\0' && distinct < 3; p += len) {
		for (len = 1; (p[len] & 0xc0) == 0x80; len++)
			;
		for (i = 0; i < distinct; i++) {
			if (seen_len[i] == len && memcmp(seen[i], p, len) == 0)
				break;
		}
		if (i == distinct) {
			memcpy(seen[distinct], p, len < 4 ? len : 4);
			seen_len[distinct++] = len < 4 ? len : 4;
		}
	}
	if (distinct <= 2)
		return (FORM_PW_COMMON);
	if (form_pw_common(pw) || same_text(pw, email) || same_text(pw, name))
		return (FORM_PW_COMMON);
	return (FORM_OK);
}

int
form_choice(const char *v, const char *const *choices)
{
	int	i;

	if (v == NULL)
		return (-1);
	for (i = 0; choices[i] != NULL; i++) {
		if (strcmp(v, choices[i]) == 0)
			return (i);
	}
	return (-1);
}
