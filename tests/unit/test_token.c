/*
 * token: new tokens, their shape, the hash stored in the database and
 * the constant-time comparison used for sessions and CSRF.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/token.h"

/* base64url of the bytes 0..31, and its BLAKE2b-256 (hashlib). */
#define KAT_TOKEN	"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"
#define KAT_HASH	"ba285d7e0208bffd223ed32a2051a84f463d139b7e0d100a" \
			"9b30efab23fbf04b"
#define NNEW		200

static int	is_hex(const char *);

static int
is_hex(const char *s)
{
	for (; *s != '\0'; s++) {
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return (0);
	}
	return (1);
}

static void
t_new(void **state)
{
	static char	toks[NNEW][TOK_LEN + 1];
	char		raw[TOK_BYTES];
	size_t		i, j, len;

	(void)state;
	for (i = 0; i < NNEW; i++) {
		memset(toks[i], '!', sizeof(toks[i]));
		tok_new(toks[i]);
		assert_int_equal(strlen(toks[i]), TOK_LEN);
		assert_true(tok_valid(toks[i]));
		/* Round trip: 32 bytes, and back to the same spelling. */
		assert_int_equal(sodium_base642bin((unsigned char *)raw,
		    sizeof(raw), toks[i], TOK_LEN, NULL, &len, NULL,
		    sodium_base64_VARIANT_URLSAFE_NO_PADDING), 0);
		assert_int_equal(len, TOK_BYTES);
		for (j = 0; j < i; j++)
			assert_string_not_equal(toks[i], toks[j]);
	}
}

static void
t_valid(void **state)
{
	char	t[TOK_LEN + 2];

	(void)state;
	assert_true(tok_valid(KAT_TOKEN));
	assert_true(tok_valid("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
	assert_true(tok_valid("-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_w"));
	assert_false(tok_valid(NULL));
	assert_false(tok_valid(""));

	/* Exactly 43 characters. */
	strcpy(t, KAT_TOKEN);
	t[TOK_LEN - 1] = '\0';
	assert_false(tok_valid(t));
	strcpy(t, KAT_TOKEN);
	t[TOK_LEN] = 'A';
	t[TOK_LEN + 1] = '\0';
	assert_false(tok_valid(t));
	assert_false(tok_valid(KAT_TOKEN "="));
	assert_false(tok_valid(KAT_TOKEN "\n"));
	assert_false(tok_valid("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));

	/* Only the base64url alphabet, anywhere. */
	strcpy(t, KAT_TOKEN);
	t[0] = '+';
	assert_false(tok_valid(t));
	t[0] = '/';
	assert_false(tok_valid(t));
	t[0] = '=';
	assert_false(tok_valid(t));
	t[0] = ' ';
	assert_false(tok_valid(t));
	t[0] = '.';
	assert_false(tok_valid(t));
	strcpy(t, KAT_TOKEN);
	t[20] = '\xc3';
	assert_false(tok_valid(t));
	t[20] = '%';
	assert_false(tok_valid(t));
	t[20] = '\0';		/* shorter, not a token */
	assert_false(tok_valid(t));

	/*
	 * The last character carries 2 spare bits that must be zero, so
	 * each token has one spelling: ...8 is canonical, ...9 is not.
	 */
	strcpy(t, KAT_TOKEN);
	t[TOK_LEN - 1] = '9';
	assert_false(tok_valid(t));
	t[TOK_LEN - 1] = 'B';
	assert_false(tok_valid(t));
	t[TOK_LEN - 1] = '_';
	assert_false(tok_valid(t));
	t[TOK_LEN - 1] = 'A';
	assert_true(tok_valid(t));
	t[TOK_LEN - 1] = 'w';
	assert_true(tok_valid(t));
}

static void
t_hash(void **state)
{
	char	a[TOK_HASH_HEX + 1], b[TOK_HASH_HEX + 1];
	char	t[TOK_LEN + 1], u[TOK_LEN + 1];

	(void)state;
	/* The value the database holds for this token. */
	assert_int_equal(tok_hash_hex(KAT_TOKEN, a), 0);
	assert_string_equal(a, KAT_HASH);

	tok_new(t);
	assert_int_equal(tok_hash_hex(t, a), 0);
	assert_int_equal(tok_hash_hex(t, b), 0);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), TOK_HASH_HEX);
	assert_true(is_hex(a));
	assert_string_not_equal(a, t);

	tok_new(u);
	assert_int_equal(tok_hash_hex(u, b), 0);
	assert_string_not_equal(a, b);

	assert_int_equal(tok_hash_hex(NULL, a), -1);
	assert_int_equal(tok_hash_hex("", a), -1);
	assert_int_equal(tok_hash_hex("abc", a), -1);
	assert_int_equal(tok_hash_hex(KAT_TOKEN "A", a), -1);
	strcpy(t, KAT_TOKEN);
	t[TOK_LEN - 1] = '9';
	assert_int_equal(tok_hash_hex(t, a), -1);
}

static void
t_equal(void **state)
{
	char	t[TOK_LEN + 1], u[TOK_LEN + 1], copy[TOK_LEN + 1];

	(void)state;
	tok_new(t);
	tok_new(u);
	memcpy(copy, t, sizeof(copy));
	assert_true(tok_equal(t, t));
	assert_true(tok_equal(t, copy));
	assert_true(tok_equal(KAT_TOKEN, KAT_TOKEN));
	assert_false(tok_equal(t, u));

	/* One character off, first or last. */
	copy[0] = copy[0] == 'A' ? 'B' : 'A';
	assert_false(tok_equal(t, copy));
	memcpy(copy, t, sizeof(copy));
	copy[TOK_LEN - 1] = copy[TOK_LEN - 1] == 'A' ? 'E' : 'A';
	assert_false(tok_equal(t, copy));

	/* Equal but not tokens: never a match. */
	assert_false(tok_equal("", ""));
	assert_false(tok_equal("abc", "abc"));
	assert_false(tok_equal(NULL, NULL));
	assert_false(tok_equal(t, NULL));
	assert_false(tok_equal(NULL, t));
	assert_false(tok_equal(t, ""));
	/* A prefix, or the token with more after it. */
	memcpy(copy, t, sizeof(copy));
	copy[TOK_LEN - 1] = '\0';
	assert_false(tok_equal(t, copy));
	assert_false(tok_equal(copy, copy));
	assert_false(tok_equal(KAT_TOKEN, KAT_TOKEN "A"));
	assert_false(tok_equal(KAT_TOKEN "A", KAT_TOKEN "A"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_new),
		cmocka_unit_test(t_valid),
		cmocka_unit_test(t_hash),
		cmocka_unit_test(t_equal),
	};

	if (sodium_init() < 0)
		return (1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
