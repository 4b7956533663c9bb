/*
 * Every response leaves through here (kcgi-framework's http_open): one
 * place for status, content type with charset and security headers.
 */
#ifndef BRON_RESP_H
#define BRON_RESP_H

#include "core/i18n.h"
#include "core/sbuf.h"

struct http_request;

void		resp_html(struct http_request *, int, struct sbuf *);
void		resp_json(struct http_request *, int, struct sbuf *);
void		resp_redirect(struct http_request *, const char *);
/* The Dutch (or English) error page in the site layout. */
void		resp_error(struct http_request *, int);
/* Locale: the language cookie, else Accept-Language, else Dutch. */
enum locale	resp_locale(struct http_request *);

#define RESP_RETRY_AFTER	"30"

#endif
