/*
 * help_matchn and help_fold on arbitrary bytes: no crash, the folded
 * text is " word word" in [a-z0-9] and fits its buffer (also a small
 * one), folding is stable (the folded text folds to itself and matches
 * the same), help_match stops at the first NUL, and a term put after
 * the input always matches.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/helpterms.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		 out[2 * HELP_QUERY_MAX + 2], again[sizeof(out)];
	char		 small[8], *s;
	const char	*in = (const char *)data;
	size_t		 n, m, i;
	int		 hit;

	hit = help_matchn(in, size);
	n = help_fold(in, size, out, sizeof(out));
	CHECK(n < sizeof(out) && n == strlen(out));
	for (i = 0; i < n; i++) {
		CHECK(out[i] == ' ' || (out[i] >= 'a' && out[i] <= 'z') ||
		    (out[i] >= '0' && out[i] <= '9'));
		/* Every word starts with one space. */
		if (out[i] == ' ')
			CHECK(i + 1 < n && out[i + 1] != ' ');
	}
	CHECK(n == 0 || out[0] == ' ');
	if (n <= HELP_QUERY_MAX) {
		m = help_fold(out, n, again, sizeof(again));
		CHECK(m == n && memcmp(out, again, n) == 0);
		CHECK(help_matchn(out, n) == hit);
	}
	m = help_fold(in, size, small, sizeof(small));
	CHECK(m < sizeof(small) && m == strlen(small));

	/* help_match reads up to the first NUL. */
	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	CHECK(help_match(s) == help_matchn(s, strnlen(s, HELP_QUERY_MAX)));
	free(s);

	/* A term after the input, as a word of its own, is found. */
	if (size < 200 && help_terms_n > 0) {
		const char	*t = help_terms[size % help_terms_n];
		size_t		 tl = strlen(t);

		if ((s = malloc(size + tl + 2)) == NULL)
			abort();
		memcpy(s, data, size);
		s[size] = ' ';
		memcpy(s + size + 1, t, tl);
		CHECK(help_matchn(s, size + 1 + tl) == 1);
		free(s);
	}
	return (0);
}
