/*
 * sbuf: a growable byte buffer, the only output type app/core knows.
 * Allocation failure aborts (like kore_malloc), so callers never check.
 */
#ifndef BRON_SBUF_H
#define BRON_SBUF_H

#include <stddef.h>

struct sbuf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 sbuf_init(struct sbuf *);
void	 sbuf_free(struct sbuf *);
void	 sbuf_reset(struct sbuf *);
void	 sbuf_add(struct sbuf *, const void *, size_t);
void	 sbuf_puts(struct sbuf *, const char *);
void	 sbuf_putc(struct sbuf *, char);
void	 sbuf_printf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
const char *sbuf_cstr(struct sbuf *);
/* Percent-encode s for a query value (all but A-Z a-z 0-9 - . _ ~). */
void	 sbuf_urlenc(struct sbuf *, const char *);

#endif
