/*
 * Tokens: generation, shape check, storage hash and comparison.
 * The hash is unkeyed BLAKE2b: the token has 256 bits of entropy, so a
 * leaked hash cannot be reversed and needs no pepper.
 */
#include <string.h>

#include <sodium.h>

#include "token.h"

void
tok_new(char out[TOK_LEN + 1])
{
	unsigned char	raw[TOK_BYTES];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, TOK_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

int
tok_valid(const char *s)
{
	size_t	i;
	char	c;

	if (s == NULL)
		return (0);
	for (i = 0; i < TOK_LEN; i++) {
		c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return (0);
	}
	/*
	 * 32 bytes use 256 of the 258 bits of 43 characters: the last one
	 * must leave the two spare bits zero, or two spellings would decode
	 * to one token.
	 */
	if (strchr("AEIMQUYcgkosw048", s[TOK_LEN - 1]) == NULL)
		return (0);
	return (s[TOK_LEN] == '\0');
}

int
tok_hash_hex(const char *s, char out[TOK_HASH_HEX + 1])
{
	unsigned char	h[32];

	if (!tok_valid(s))
		return (-1);
	crypto_generichash(h, sizeof(h), (const unsigned char *)s, TOK_LEN,
	    NULL, 0);
	sodium_bin2hex(out, TOK_HASH_HEX + 1, h, sizeof(h));
	return (0);
}

int
tok_equal(const char *a, const char *b)
{
	if (!tok_valid(a) || !tok_valid(b))
		return (0);
	return (sodium_memcmp(a, b, TOK_LEN) == 0);
}
