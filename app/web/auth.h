/*
 * Cookies, CSRF and access checks shared by every handler that reads
 * who is signed in (STYLE.md b: "Auth, sessions, CSRF, passwords").
 */
#ifndef BRON_AUTH_H
#define BRON_AUTH_H

#include "db/db.h"

/* Idle and absolute session lifetimes (also in q_session.c's SQL). */
#define AUTH_IDLE_SECS		86400		/* one day */
#define AUTH_MAX_SECS		1209600		/* fourteen days */

enum auth_cookie {
	AUTH_CK_SID,
	AUTH_CK_CSRF,
	AUTH_CK_LANG
};

/* Read BRON_COOKIE_SECURE and BRON_TRUST_PROXY (app_init). */
void		 auth_configure(void);
/*
 * "__Host-sid" etc., or "bron-sid" when BRON_COOKIE_SECURE=0 (plain-HTTP
 * development: browsers refuse __Host- cookies without Secure).
 */
const char	*auth_cookie_name(enum auth_cookie);
/* Set-Cookie for name=value; max_age < 0: a browser-session cookie, 0: delete. */
void		 auth_set_cookie(struct http_request *, enum auth_cookie,
		    const char *, long);
/* The hashed session token from the cookie, if it has a token's shape. */
int		 auth_sid_hash(struct http_request *, char *);
/*
 * The CSRF token to put in this request's forms: the session's when
 * signed in, else the visitor's cookie token (set here if missing).
 */
const char	*auth_csrf(struct http_request *);
/* Printable ASCII of the User-Agent, at most len - 1 bytes. */
void		 auth_user_agent(struct http_request *, char *, size_t);
/* For the 429 answer: Retry-After and the minutes for the message. */
void		 auth_retry_after(struct http_request *, int, char *, size_t);
/* The client's address (X-Real-IP from nginx when BRON_TRUST_PROXY=1). */
const char	*auth_client_ip(struct http_request *);
/*
 * For every state-changing request, after http_populate_post(): the
 * Origin (or Sec-Fetch-Site) is ours and _csrf matches. 0: refuse.
 */
int		 auth_post_ok(struct http_request *, struct db_ctx *);
/* Origin / Sec-Fetch-Site check alone. */
int		 auth_same_origin(struct http_request *);
/* The user of a request with state, or NULL. */
struct sess_user *auth_user(struct http_request *);
/*
 * From a done callback: 1 if the user has at least role min; else the
 * response is sent (303 to sign-in for visitors, 403 otherwise) and 0.
 */
int		 auth_require(struct http_request *, struct db_ctx *,
		    enum role);

#endif
