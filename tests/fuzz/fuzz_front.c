/*
 * front_parse on arbitrary files. On success the body lies inside the
 * input and runs to its end, every key is [a-z_]+ and unique, every
 * value is trimmed, valid UTF-8 without control bytes; on failure the
 * error names a line.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/front.h"
#include "core/html.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*s = (const char *)data, *k, *v;
	static struct front	 f;
	char			 err[128];
	size_t			 i, j, kl, vl;

	memset(err, 'x', sizeof(err));
	if (front_parse(s, size, &f, err, sizeof(err)) == -1) {
		CHECK(memchr(err, '\0', sizeof(err)) != NULL);
		CHECK(strncmp(err, "line ", 5) == 0);
		CHECK(f.nkv <= FRONT_MAX_KEYS);
		return (0);
	}
	CHECK(f.body != NULL);
	CHECK(f.body >= s && f.body <= s + size);
	CHECK(f.body + f.bodylen == s + size);
	CHECK(f.nkv <= FRONT_MAX_KEYS);
	for (i = 0; i < f.nkv; i++) {
		k = f.kv[i].key;
		v = f.kv[i].val;
		kl = strnlen(k, FRONT_KEY_MAX);
		vl = strnlen(v, FRONT_VAL_MAX);
		CHECK(kl > 0 && kl < FRONT_KEY_MAX);
		CHECK(vl < FRONT_VAL_MAX);
		CHECK(strspn(k, "abcdefghijklmnopqrstuvwxyz_") == kl);
		CHECK(html_utf8_valid(v, vl));
		for (j = 0; j < vl; j++)
			CHECK((unsigned char)v[j] >= 0x20 && v[j] != 0x7f);
		if (vl > 0)
			CHECK(v[0] != ' ' && v[vl - 1] != ' ');
		/* Keys are unique, so front_get finds this very entry. */
		CHECK(front_get(&f, k) == v);
		/* The key and value occur in the input. */
		CHECK(memmem(s, size, k, kl) != NULL);
		CHECK(vl == 0 || memmem(s, size, v, vl) != NULL);
	}
	return (0);
}
