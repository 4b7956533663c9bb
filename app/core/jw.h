/*
 * Minimal JSON writer in the kjson style: values built in C are escaped
 * here, never by hand.
 */
#ifndef BRON_JW_H
#define BRON_JW_H

#include <stddef.h>

struct sbuf;

void	jw_string(struct sbuf *, const char *, size_t);
void	jw_obj_open(struct sbuf *);
void	jw_obj_close(struct sbuf *);
/* "key":"value" with a comma before it unless first. */
void	jw_kv_str(struct sbuf *, int, const char *, const char *);
void	jw_kv_int(struct sbuf *, int, const char *, long long);

#endif
