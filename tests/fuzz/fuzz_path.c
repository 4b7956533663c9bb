/*
 * path_slug, path_slug_ok and path_local_ok on arbitrary bytes, with
 * output buffers of every small size so an off-by-one shows up in ASan.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/path.h"
#include "fuzz.h"

#define PFX	"/artikelen"

static int	slug_ref(const char *, size_t);

/* Reference: [a-z0-9]+ joined by single hyphens, 1..PATH_SLUG_MAX. */
static int
slug_ref(const char *s, size_t n)
{
	size_t	i;
	int	prev_hyphen = 1;

	if (n == 0 || n > PATH_SLUG_MAX)
		return (0);
	for (i = 0; i < n; i++) {
		if (s[i] == '-') {
			if (prev_hyphen)
				return (0);
			prev_hyphen = 1;
		} else if ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9'))
			prev_hyphen = 0;
		else
			return (0);
	}
	return (!prev_hyphen);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, *out;
	size_t	 n, outlen, i;
	int	 ok;

	/* On the raw bytes: no read past size. */
	CHECK(path_slug_ok((const char *)data, size) ==
	    slug_ref((const char *)data, size));

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	n = strlen(s);

	outlen = size > 0 ? data[0] % (PATH_SLUG_MAX + 4) : 0;
	if ((out = malloc(outlen == 0 ? 1 : outlen)) == NULL)
		abort();
	if (path_slug(s, PFX, out, outlen) == 0) {
		CHECK(strncmp(s, PFX "/", strlen(PFX "/")) == 0);
		CHECK(strlen(out) < outlen);
		CHECK(strcmp(out, s + strlen(PFX "/")) == 0);
		CHECK(slug_ref(out, strlen(out)));
	} else if (strncmp(s, PFX "/", strlen(PFX "/")) == 0 &&
	    n - strlen(PFX "/") < outlen)
		CHECK(!slug_ref(s + strlen(PFX "/"), n - strlen(PFX "/")));
	free(out);

	/* path_slug_seg: the segment after PFX "/" up to the next "/". */
	{
		char	seg[PATH_SLUG_MAX + 1];
		size_t	m;

		if (path_slug_seg(s, PFX "/", seg, sizeof(seg)) == 0) {
			m = strlen(seg);
			CHECK(strncmp(s, PFX "/", strlen(PFX "/")) == 0);
			CHECK(strncmp(s + strlen(PFX "/"), seg, m) == 0);
			CHECK(s[strlen(PFX "/") + m] == '\0' ||
			    s[strlen(PFX "/") + m] == '/');
			CHECK(slug_ref(seg, m));
		}
		/* Never more than "name=" followed by a value. */
		if (path_query_has(s, "pagina"))
			CHECK(strstr(s, "pagina=") != NULL);
	}

	ok = path_local_ok(s);
	if (ok) {
		CHECK(n >= 1 && n <= 512 && s[0] == '/');
		CHECK(n == 1 || (s[1] != '/' && s[1] != '\\'));
		for (i = 0; i < n; i++)
			CHECK((unsigned char)s[i] >= 0x20 && s[i] != 0x7f &&
			    s[i] != '\\');
	} else
		CHECK(n == 0 || n > 512 || s[0] != '/' ||
		    (n > 1 && (s[1] == '/' || s[1] == '\\')) ||
		    strchr(s, '\\') != NULL || strchr(s, 0x7f) != NULL ||
		    strcspn(s, "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b"
		    "\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
		    "\x1a\x1b\x1c\x1d\x1e\x1f") < n);
	free(s);
	return (0);
}
