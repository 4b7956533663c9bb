/*
 * The signed-in person of a request, loaded by db_start() from the
 * session cookie before the handler's own query (db/sess.c).
 */
#ifndef BRON_SESS_H
#define BRON_SESS_H

#include "core/token.h"

enum role {
	ROLE_NONE,		/* visitor: not signed in */
	ROLE_LID,
	ROLE_ERVARING,
	ROLE_REDACTEUR,
	ROLE_BEHEERDER
};

struct sess_user {
	int		checked;	/* the cookie was looked at */
	int		loaded;		/* a live session was found */
	char		tokhash[TOK_HASH_HEX + 1];	/* query parameter */
	char		id[24];		/* account id, text */
	char		session_id[24];
	char		name[256];	/* display name, <= 60 characters */
	enum role	role;
	char		csrf[TOK_LEN + 1];
	char		csrf_anon[TOK_LEN + 1];	/* visitor's cookie token */
	int		unread;		/* notifications, at most SESS_UNREAD_MAX */
	int		moderator;	/* moderates at least one community */
	char		reach[112];	/* account_reach(): who reads the same */
	int		reach_ok;	/* reach holds a key (not NULL) */
};

/* The header counts unread notifications up to this many ("99+"). */
#define SESS_UNREAD_MAX	100

struct http_request;
struct db_ctx;

/*
 * Called by db_start(): if the request has a session cookie, queue the
 * session query ahead of the handler's own and return 1.
 */
int		 sess_begin(struct http_request *, struct db_ctx *);
/* The parameters of the query about to run. */
const char	**sess_params(struct db_ctx *);

/* "lid" ... "beheerder" to enum role (ROLE_NONE when unknown) and back. */
enum role	 sess_role_parse(const char *);
const char	*sess_role_name(enum role);

#endif
