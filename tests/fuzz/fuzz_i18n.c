/*
 * i18n_negotiate on arbitrary Accept-Language headers and i18n_fmt with
 * arbitrary formats: no crash, sane results.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/sbuf.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const args[] = { "A", "B" };
	struct sbuf	 out;
	enum locale	 loc;
	char		*s;
	size_t		 n;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	n = strlen(s);

	loc = i18n_negotiate(s);
	CHECK(loc == LOC_NL || loc == LOC_EN);
	/* English needs an "en" somewhere. */
	if (loc == LOC_EN)
		CHECK(strcasestr(s, "en") != NULL);

	if (i18n_parse_code(s, &loc) == 0)
		CHECK(strcmp(s, i18n_code(loc)) == 0);
	(void)i18n_byname(LOC_EN, (const char *)data, size);

	/* Each placeholder (two bytes) gives at most one byte. */
	sbuf_init(&out);
	i18n_fmt(&out, s, args, 2);
	CHECK(out.len <= n);
	if (strchr(s, '%') == NULL)
		CHECK(out.len == n &&
		    (n == 0 || memcmp(out.data, s, n) == 0));
	sbuf_free(&out);
	/* And with no arguments at all. */
	i18n_fmt(&out, s, NULL, 0);
	CHECK(out.len <= n);
	sbuf_free(&out);
	free(s);
	return (0);
}
