/*
 * tok_valid, tok_hash_hex and tok_equal on arbitrary bytes (cookie and
 * form values come straight from the client). A token is exactly 43
 * base64url characters whose last one leaves the spare bits zero; the
 * hash is 64 lowercase hex digits; equality needs two valid tokens.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/token.h"
#include "fuzz.h"

static int	valid_ref(const char *);

static int
valid_ref(const char *s)
{
	size_t	i;

	if (strlen(s) != TOK_LEN)
		return (0);
	for (i = 0; i < TOK_LEN; i++) {
		if (strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "0123456789-_", s[i]) == NULL)
			return (0);
	}
	/* Index of the last character in the alphabet: low 2 bits zero. */
	return (strchr("AEIMQUYcgkosw048", s[TOK_LEN - 1]) != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*buf, h1[TOK_HASH_HEX + 1], h2[TOK_HASH_HEX + 1];
	char		 fresh[TOK_LEN + 1];
	const char	*a, *b;
	size_t		 i;
	int		 va, vb;

	/* Two NUL-terminated parts: a, and what follows a's first NUL. */
	if ((buf = malloc(size + 2)) == NULL)
		abort();
	memcpy(buf, data, size);
	buf[size] = buf[size + 1] = '\0';
	a = buf;
	b = a + strlen(a) + 1;

	va = tok_valid(a);
	vb = tok_valid(b);
	CHECK(va == valid_ref(a));
	CHECK(vb == valid_ref(b));

	memset(h1, 'x', sizeof(h1));
	if (tok_hash_hex(a, h1) == 0) {
		CHECK(va);
		CHECK(strlen(h1) == TOK_HASH_HEX);
		for (i = 0; i < TOK_HASH_HEX; i++)
			CHECK((h1[i] >= '0' && h1[i] <= '9') ||
			    (h1[i] >= 'a' && h1[i] <= 'f'));
		CHECK(tok_hash_hex(a, h2) == 0 && strcmp(h1, h2) == 0);
	} else
		CHECK(!va);

	CHECK(tok_equal(a, b) == (va && vb && strcmp(a, b) == 0));
	CHECK(tok_equal(a, a) == va);
	CHECK(tok_equal(a, b) == tok_equal(b, a));
	if (va && vb && strcmp(a, b) != 0 && tok_hash_hex(b, h2) == 0)
		CHECK(strcmp(h1, h2) != 0);

	/* The first TOK_LEN bytes on their own, NULs and all. */
	if (size >= TOK_LEN) {
		memcpy(fresh, data, TOK_LEN);
		fresh[TOK_LEN] = '\0';
		CHECK(tok_valid(fresh) == valid_ref(fresh));
	}
	free(buf);
	return (0);
}
