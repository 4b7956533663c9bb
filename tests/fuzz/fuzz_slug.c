/*
 * slug_make on arbitrary bytes, with output buffers of every small size
 * (so an off-by-one shows up in ASan). The result always has the slug
 * shape, fits the buffer and SLUG_MAX, is its own slug, and a shorter
 * buffer gives a prefix of the full slug that ends at a word boundary
 * (or a hard cut of a first word longer than the buffer). For ASCII
 * input without apostrophes the full slug must equal a reference.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/path.h"
#include "core/slug.h"
#include "fuzz.h"

static size_t	ref(const char *, char *);

/* Lowercase [a-z0-9] runs joined by "-", uncut (ASCII input only). */
static size_t
ref(const char *s, char *out)
{
	size_t	len = 0;
	int	sep = 0;
	char	c;

	for (; *s != '\0'; s++) {
		c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (sep && len > 0)
				out[len++] = '-';
			sep = 0;
			out[len++] = c;
		} else
			sep = 1;
	}
	out[len] = '\0';
	return (len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, *r, full[SLUG_MAX + 1], again[SLUG_MAX + 1], *out;
	size_t	 n, m, outsz, i;
	int	 ascii = 1;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';

	n = slug_make(s, full, sizeof(full));
	CHECK(n == strlen(full) && n <= SLUG_MAX);
	CHECK(n == 0 || path_slug_ok(full, n));
	/* A slug is its own slug. */
	CHECK(slug_make(full, again, sizeof(again)) == n);
	CHECK(strcmp(full, again) == 0);

	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] >= 0x80 || s[i] == '\'')
			ascii = 0;
	if (ascii) {
		if ((r = malloc(strlen(s) + 1)) == NULL)
			abort();
		m = ref(s, r);
		if (m <= SLUG_MAX)
			CHECK(strcmp(full, r) == 0);
		else {
			/* Cut at a word end, or hard in a first word. */
			CHECK(n > 0 && strncmp(full, r, n) == 0);
			CHECK(r[n] == '-' || (n == SLUG_MAX &&
			    memchr(r, '-', SLUG_MAX + 1) == NULL));
			/* ... at the last word end that fits. */
			CHECK(memchr(r + n + 1, '-', SLUG_MAX - n) == NULL ||
			    n == SLUG_MAX);
		}
		free(r);
	}

	/* Small buffers: a prefix of the full slug, cut at a word end. */
	for (outsz = 0; outsz <= SLUG_MAX + 2; outsz++) {
		if ((out = malloc(outsz == 0 ? 1 : outsz)) == NULL)
			abort();
		out[0] = 'X';
		m = slug_make(s, out, outsz);
		if (outsz == 0) {
			CHECK(m == 0 && out[0] == 'X');
			free(out);
			continue;
		}
		CHECK(m < outsz && m == strlen(out) && m <= n);
		CHECK(m == 0 || path_slug_ok(out, m));
		CHECK(strncmp(out, full, m) == 0);
		if (m < n && m > 0 && full[m] != '-')
			CHECK(m == outsz - 1 && memchr(full, '-', m) == NULL);
		free(out);
	}
	free(s);
	return (0);
}
