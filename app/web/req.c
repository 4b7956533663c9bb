/*
 * A POST's fields, whichever way they came: forms with a textarea are
 * multipart (STYLE.md c6: url-encoded fields lose their line breaks),
 * the rest url-encoded; every handler takes both.
 */
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "web/req.h"

/* Returns 1 when the body was multipart. */
int
req_populate_form(struct http_request *req)
{
	const char	*ct;

	if (http_request_header(req, "content-type", &ct) &&
	    strncasecmp(ct, "multipart/form-data", 19) == 0) {
		http_populate_multipart_form(req);
		return (1);
	}
	http_populate_post(req);
	return (0);
}
