/*
 * Response helpers and the error pages.
 */
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/i18n.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/view.h"

static void	resp_common(struct http_request *);
static int	resp_private(struct http_request *);

/*
 * A request that carries a session cookie, valid or not, or a reset
 * token in its URL (web/reset.c): nothing of it may be stored.
 */
static int
resp_private(struct http_request *req)
{
	char	*v;

	if (strcmp(req->path, "/wachtwoord-herstellen") == 0)
		return (1);
	http_populate_cookies(req);
	return (http_request_cookie(req, auth_cookie_name(AUTH_CK_SID), &v));
}

/*
 * Headers every response carries. The CSP has no 'unsafe-inline': no
 * inline script or style anywhere (RELIABILITY.md R10).
 */
static void
resp_common(struct http_request *req)
{
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy", "same-origin");
	http_response_header(req, "x-frame-options", "DENY");
	http_response_header(req, "cross-origin-opener-policy",
	    "same-origin");
	http_response_header(req, "permissions-policy",
	    "camera=(), microphone=(), geolocation=()");
}

void
resp_html(struct http_request *req, int status, struct sbuf *sb)
{
	resp_common(req);
	http_response_header(req, "content-type", "text/html; charset=utf-8");
	http_response_header(req, "content-security-policy",
	    "default-src 'self'; object-src 'none'; base-uri 'none'; "
	    "frame-ancestors 'none'; form-action 'self'");
	/* Pages depend on the language cookie and header. */
	http_response_header(req, "vary", "Accept-Language, Cookie");
	/* Nothing a signed-in person sees may be kept by any cache (R10). */
	http_response_header(req, "cache-control", resp_private(req) ?
	    "no-store" : "no-cache");
	if (status == 503)
		http_response_header(req, "retry-after", RESP_RETRY_AFTER);
	http_response(req, status, sb->data, sb->len);
}

void
resp_json(struct http_request *req, int status, struct sbuf *sb)
{
	resp_common(req);
	http_response_header(req, "content-type",
	    "application/json; charset=utf-8");
	http_response_header(req, "cache-control", "no-store");
	if (status == 503)
		http_response_header(req, "retry-after", RESP_RETRY_AFTER);
	http_response(req, status, sb->data, sb->len);
}

void
resp_redirect(struct http_request *req, const char *location)
{
	resp_common(req);
	http_response_header(req, "location", location);
	http_response_header(req, "cache-control", "no-store");
	http_response_header(req, "content-type", "text/plain; charset=utf-8");
	http_response(req, 303, NULL, 0);
}

enum locale
resp_locale(struct http_request *req)
{
	enum locale	 loc;
	char		*v;
	const char	*h;

	http_populate_cookies(req);
	if (http_request_cookie(req, auth_cookie_name(AUTH_CK_LANG), &v) &&
	    i18n_parse_code(v, &loc) == 0)
		return (loc);
	if (http_request_header(req, "accept-language", &h))
		return (i18n_negotiate(h));
	return (LOC_NL);
}

void
resp_error(struct http_request *req, int status)
{
	enum locale	loc;
	enum msg_id	title, text;

	switch (status) {
	case 400:
		title = MSG_err_400_title;
		text = MSG_err_400_text;
		break;
	case 403:
		title = MSG_err_403_title;
		text = MSG_err_403_text;
		break;
	case 404:
		title = MSG_err_404_title;
		text = MSG_err_404_text;
		break;
	case 405:
		title = MSG_err_405_title;
		text = MSG_err_405_text;
		break;
	case 409:
		title = MSG_err_409_title;
		text = MSG_err_409_text;
		break;
	case 413:
		title = MSG_err_413_title;
		text = MSG_err_413_text;
		break;
	case 503:
		title = MSG_err_503_title;
		text = MSG_err_503_text;
		break;
	default:
		status = 500;
		title = MSG_err_500_title;
		text = MSG_err_500_text;
		break;
	}
	loc = resp_locale(req);
	{
		const struct tpl_bind	b[] = {
			{ "title", i18n_get(loc, title), TPL_TEXT },
			{ "text", i18n_get(loc, text), TPL_TEXT },
		};
		view_page(req, status, loc, i18n_get(loc, title), NULL,
		    VIEW_error, b, NBINDS(b));
	}
}

const char *
resp_base_url(void)
{
	static char	 base[RESP_BASE_MAX + 1];
	static int	 done;
	const char	*v;
	size_t		 n;

	if (done)
		return (base);
	done = 1;
	v = getenv("BRON_BASE_URL");
	if (v == NULL || *v == '\0' || strlen(v) > RESP_BASE_MAX ||
	    (strncmp(v, "http://", 7) != 0 && strncmp(v, "https://", 8) != 0)) {
		if (v != NULL && *v != '\0')
			kore_log(LOG_WARNING, "BRON_BASE_URL ignored");
		v = RESP_BASE_DEFAULT;
	}
	(void)kore_strlcpy(base, v, sizeof(base));
	n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		base[--n] = '\0';
	return (base);
}
