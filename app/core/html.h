/*
 * HTML escaping: the only way values reach HTML (kcgi's khtml_putc idea).
 */
#ifndef BRON_HTML_H
#define BRON_HTML_H

#include <stddef.h>

struct sbuf;

/* Text and attribute values: escapes & < > " ' and replaces bad UTF-8. */
void	html_text(struct sbuf *, const char *, size_t);
/* URL for href/src: only http, https, mailto and relative; else "#". */
void	html_url(struct sbuf *, const char *, size_t);
/* 1 if the URL passes html_url's scheme allowlist. */
int	html_url_ok(const char *, size_t);
/* 1 if the whole string is valid UTF-8 without NUL bytes. */
int	html_utf8_valid(const char *, size_t);
/* Length of a valid UTF-8 sequence at p (1..4), or 0 if invalid. */
size_t	html_utf8_len(const unsigned char *, size_t);

#endif
