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
/*
 * The site's address from BRON_BASE_URL (http or https, at most
 * RESP_BASE_MAX bytes), without a trailing slash; read once. Absolute
 * links (mail, feeds) and the links md_doc_render takes for this site's
 * own use it.
 */
const char	*resp_base_url(void);

#define RESP_BASE_DEFAULT	"http://127.0.0.1:8080"
#define RESP_BASE_MAX		200

#define RESP_RETRY_AFTER	"30"

#endif
