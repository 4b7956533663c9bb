/*
 * Random tokens (sessions, CSRF, password reset): 32 bytes from
 * libsodium, sent as unpadded base64url (43 characters), stored in the
 * database only as a BLAKE2b hash.
 */
#ifndef BRON_TOKEN_H
#define BRON_TOKEN_H

#include <stddef.h>

#define TOK_BYTES	32
#define TOK_LEN		43		/* base64url, no padding */
#define TOK_HASH_HEX	64		/* hex of the 32-byte hash */

/* A new token in out (TOK_LEN + 1 bytes, NUL-terminated). */
void	tok_new(char out[TOK_LEN + 1]);
/* 1 if s has the form of a token: exactly TOK_LEN base64url chars. */
int	tok_valid(const char *s);
/* Hex of the hash of token s into out (TOK_HASH_HEX + 1); -1 if invalid. */
int	tok_hash_hex(const char *s, char out[TOK_HASH_HEX + 1]);
/* Constant-time comparison of two tokens; 0 unless both are valid. */
int	tok_equal(const char *, const char *);

#endif
