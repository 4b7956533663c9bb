/*
 * Cookies, the client address, CSRF and role checks.
 *
 * CSRF: a signed-in person's forms carry the token stored with their
 * session; a visitor's forms (sign-in, registration, language) carry a
 * random token that is also in a __Host- cookie (double submit: another
 * site can neither read nor set that cookie). Both are compared in
 * constant time, after an Origin / Sec-Fetch-Site check.
 */
#include <arpa/inet.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/sbuf.h"
#include "web/auth.h"
#include "web/resp.h"

static int	cookie_secure = 1;
static int	trust_proxy;

static const char *const	ck_secure[] = {
	[AUTH_CK_SID] = "__Host-sid",
	[AUTH_CK_CSRF] = "__Host-csrf",
	[AUTH_CK_LANG] = "__Host-lang",
};
static const char *const	ck_plain[] = {
	[AUTH_CK_SID] = "bron-sid",
	[AUTH_CK_CSRF] = "bron-csrf",
	[AUTH_CK_LANG] = "bron-lang",
};

void
auth_configure(void)
{
	const char	*v;

	if ((v = getenv("BRON_COOKIE_SECURE")) != NULL && strcmp(v, "0") == 0)
		cookie_secure = 0;
	if ((v = getenv("BRON_TRUST_PROXY")) != NULL && strcmp(v, "1") == 0)
		trust_proxy = 1;
}

const char *
auth_cookie_name(enum auth_cookie c)
{
	return (cookie_secure ? ck_secure[c] : ck_plain[c]);
}

/* http_response_cookie adds Domain and lacks SameSite (STYLE.md c8). */
void
auth_set_cookie(struct http_request *req, enum auth_cookie c,
    const char *value, long max_age)
{
	struct sbuf	sb;

	sbuf_init(&sb);
	sbuf_printf(&sb, "%s=%s; Path=/; HttpOnly; SameSite=Lax",
	    auth_cookie_name(c), value);
	if (cookie_secure)
		sbuf_puts(&sb, "; Secure");
	if (max_age >= 0)
		sbuf_printf(&sb, "; Max-Age=%ld", max_age);
	http_response_header(req, "set-cookie", sbuf_cstr(&sb));
	sbuf_free(&sb);
}

int
auth_sid_hash(struct http_request *req, char *out)
{
	char	*v;

	http_populate_cookies(req);
	if (!http_request_cookie(req, auth_cookie_name(AUTH_CK_SID), &v))
		return (0);
	return (tok_hash_hex(v, out) == 0);
}

struct sess_user *
auth_user(struct http_request *req)
{
	struct db_ctx	*db;

	if (!http_state_exists(req))
		return (NULL);
	db = http_state_get(req);
	return (&db->user);
}

/* The visitor's token: the cookie's, or a new one sent with this response. */
static const char *
csrf_anon(struct http_request *req, char *buf)
{
	char	*v;

	http_populate_cookies(req);
	if (http_request_cookie(req, auth_cookie_name(AUTH_CK_CSRF), &v) &&
	    tok_valid(v)) {
		(void)kore_strlcpy(buf, v, TOK_LEN + 1);
		return (buf);
	}
	tok_new(buf);
	auth_set_cookie(req, AUTH_CK_CSRF, buf, -1);
	return (buf);
}

const char *
auth_csrf(struct http_request *req)
{
	/* Pages without state render once and send at once. */
	static char		 once[TOK_LEN + 1];
	struct sess_user	*u;

	if ((u = auth_user(req)) == NULL)
		return (csrf_anon(req, once));
	if (u->loaded)
		return (u->csrf);
	if (u->csrf_anon[0] == '\0')
		(void)csrf_anon(req, u->csrf_anon);
	return (u->csrf_anon);
}

const char *
auth_client_ip(struct http_request *req)
{
	static char	 addr[64];
	const char	*h;

	if (trust_proxy && http_request_header(req, "x-real-ip", &h) &&
	    strlen(h) < sizeof(addr) &&
	    strspn(h, "0123456789abcdefABCDEF.:") == strlen(h) && *h != '\0')
		return (h);
	if (req->owner == NULL)
		return ("onbekend");
	if (req->owner->family == AF_INET6) {
		if (inet_ntop(AF_INET6, &req->owner->addr.ipv6.sin6_addr, addr,
		    sizeof(addr)) != NULL)
			return (addr);
	} else if (req->owner->family == AF_INET) {
		if (inet_ntop(AF_INET, &req->owner->addr.ipv4.sin_addr, addr,
		    sizeof(addr)) != NULL)
			return (addr);
	}
	return ("onbekend");
}

int
auth_same_origin(struct http_request *req)
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
auth_post_ok(struct http_request *req, struct db_ctx *db)
{
	char	*sent, *v;

	if (!auth_same_origin(req))
		return (0);
	if (!http_argument_get_string(req, "_csrf", &sent))
		return (0);
	if (db->user.loaded)
		return (tok_equal(sent, db->user.csrf));
	http_populate_cookies(req);
	if (!http_request_cookie(req, auth_cookie_name(AUTH_CK_CSRF), &v))
		return (0);
	return (tok_equal(sent, v));
}

static int
role_level(enum role r)
{
	switch (r) {
	case ROLE_LID:
	case ROLE_ERVARING:
		return (1);
	case ROLE_REDACTEUR:
		return (2);
	case ROLE_BEHEERDER:
		return (3);
	default:
		return (0);
	}
}

int
auth_require(struct http_request *req, struct db_ctx *db, enum role min)
{
	struct sbuf	to;

	if (db->user.loaded && role_level(db->user.role) >= role_level(min))
		return (1);
	if (db->user.loaded) {
		resp_error(req, 403);
		return (0);
	}
	/* Back here after signing in; GET pages only. */
	sbuf_init(&to);
	sbuf_puts(&to, "/inloggen");
	if (req->method == HTTP_METHOD_GET) {
		sbuf_puts(&to, "?terug=");
		sbuf_urlenc(&to, req->path);
	}
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (0);
}

void
auth_user_agent(struct http_request *req, char *buf, size_t len)
{
	const char	*h;
	size_t		 i, n;

	n = 0;
	if (http_request_header(req, "user-agent", &h)) {
		for (i = 0; h[i] != '\0' && n + 1 < len; i++) {
			if (h[i] >= 0x20 && h[i] < 0x7f)
				buf[n++] = h[i];
		}
	}
	buf[n] = '\0';
}

void
auth_retry_after(struct http_request *req, int secs, char *mins, size_t len)
{
	char	s[16];

	if (secs < 1)
		secs = 1;
	(void)snprintf(s, sizeof(s), "%d", secs);
	http_response_header(req, "retry-after", s);
	(void)snprintf(mins, len, "%d", (secs + 59) / 60);
}
