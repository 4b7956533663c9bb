/*
 * POST /taal: remember the interface language in a cookie and go back.
 *
 * There is no session yet to bind a CSRF token to, and the only effect
 * is a preference cookie, so a cross-site form is refused by its Origin
 * (or Sec-Fetch-Site) header instead; SameSite=Lax does the rest.
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/i18n.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "web/resp.h"

static int	lang_same_origin(struct http_request *);

static int
lang_same_origin(struct http_request *req)
{
	const char	*origin, *site, *p;

	if (http_request_header(req, "sec-fetch-site", &site) &&
	    strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0)
		return (0);
	if (!http_request_header(req, "origin", &origin))
		return (1);
	/* "http://host[:port]" or "https://...": compare with Host. */
	if ((p = strstr(origin, "://")) == NULL)
		return (0);
	return (strcmp(p + 3, req->host) == 0);
}

int
lang_set(struct http_request *req)
{
	struct sbuf	 cookie;
	enum locale	 loc;
	char		*lang, *back;

	if (!lang_same_origin(req)) {
		resp_error(req, 403);
		return (KORE_RESULT_OK);
	}
	http_populate_post(req);
	if (!http_argument_get_string(req, "lang", &lang) ||
	    i18n_parse_code(lang, &loc) == -1) {
		resp_error(req, 400);
		return (KORE_RESULT_OK);
	}
	if (!http_argument_get_string(req, "terug", &back) ||
	    !path_local_ok(back))
		back = "/";

	sbuf_init(&cookie);
	sbuf_printf(&cookie, "%s=%s; Path=/; Max-Age=31536000; Secure; "
	    "HttpOnly; SameSite=Lax", RESP_LANG_COOKIE, i18n_code(loc));
	http_response_header(req, "set-cookie", sbuf_cstr(&cookie));
	sbuf_free(&cookie);
	resp_redirect(req, back);
	return (KORE_RESULT_OK);
}
