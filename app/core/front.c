/*
 * Front matter parser. Strict on purpose: keys are [a-z_], each at most
 * once, values one line of valid UTF-8 without control bytes, so a typo
 * in content/ fails the import instead of silently importing garbage.
 */
#include <stdio.h>
#include <string.h>

#include "front.h"
#include "html.h"

static int	front_line(const char *, size_t, struct front *, size_t,
		    char *, size_t);

static int
front_line(const char *l, size_t n, struct front *f, size_t lineno,
    char *err, size_t errlen)
{
	const char	*colon, *v;
	size_t		 klen, vlen, i, u;

	if (n > 0 && l[n - 1] == '\r')
		n--;
	if ((colon = memchr(l, ':', n)) == NULL) {
		snprintf(err, errlen, "line %zu: expected key: value", lineno);
		return (-1);
	}
	klen = (size_t)(colon - l);
	if (klen == 0 || klen >= FRONT_KEY_MAX) {
		snprintf(err, errlen, "line %zu: bad key length", lineno);
		return (-1);
	}
	for (i = 0; i < klen; i++) {
		if (!((l[i] >= 'a' && l[i] <= 'z') || l[i] == '_')) {
			snprintf(err, errlen, "line %zu: bad key", lineno);
			return (-1);
		}
	}
	v = colon + 1;
	vlen = n - klen - 1;
	while (vlen > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		vlen--;
	}
	while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
		vlen--;
	if (vlen >= FRONT_VAL_MAX) {
		snprintf(err, errlen, "line %zu: value too long", lineno);
		return (-1);
	}
	for (i = 0; i < vlen; i += u) {
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f ||
		    (u = html_utf8_len((const unsigned char *)v + i,
		    vlen - i)) == 0) {
			snprintf(err, errlen, "line %zu: bad byte in value",
			    lineno);
			return (-1);
		}
	}
	for (i = 0; i < f->nkv; i++) {
		if (strlen(f->kv[i].key) == klen &&
		    memcmp(f->kv[i].key, l, klen) == 0) {
			snprintf(err, errlen, "line %zu: duplicate key",
			    lineno);
			return (-1);
		}
	}
	if (f->nkv == FRONT_MAX_KEYS) {
		snprintf(err, errlen, "line %zu: too many keys", lineno);
		return (-1);
	}
	memcpy(f->kv[f->nkv].key, l, klen);
	f->kv[f->nkv].key[klen] = '\0';
	memcpy(f->kv[f->nkv].val, v, vlen);
	f->kv[f->nkv].val[vlen] = '\0';
	f->nkv++;
	return (0);
}

int
front_parse(const char *s, size_t len, struct front *f, char *err,
    size_t errlen)
{
	const char	*p, *end, *nl;
	size_t		 n, lineno;

	memset(f, 0, sizeof(*f));
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;		/* Byte order mark from some editors. */
		len -= 3;
	}
	end = s + len;
	if (len < 4 || memcmp(s, "---", 3) != 0 ||
	    (s[3] != '\n' && !(s[3] == '\r' && len > 4 && s[4] == '\n'))) {
		snprintf(err, errlen, "line 1: expected ---");
		return (-1);
	}
	p = s + (s[3] == '\r' ? 5 : 4);
	for (lineno = 2; p < end; lineno++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if ((n == 3 && memcmp(p, "---", 3) == 0) ||
		    (n == 4 && memcmp(p, "---\r", 4) == 0)) {
			f->body = nl != NULL ? nl + 1 : end;
			f->bodylen = (size_t)(end - f->body);
			return (0);
		}
		if (front_line(p, n, f, lineno, err, errlen) == -1)
			return (-1);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	snprintf(err, errlen, "line %zu: missing closing ---", lineno);
	return (-1);
}

const char *
front_get(const struct front *f, const char *key)
{
	size_t	i;

	for (i = 0; i < f->nkv; i++) {
		if (strcmp(f->kv[i].key, key) == 0)
			return (f->kv[i].val);
	}
	return (NULL);
}
