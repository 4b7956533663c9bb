/*
 * Loading the session: one query, run by db_start() ahead of the
 * handler's first query when the request carries a session cookie.
 * The cookie token is looked up by its hash; expired, blocked and
 * deleted accounts find nothing. last_seen_at is written at most once
 * a minute, so a page view rarely writes. The same query counts the
 * unread notifications for the header (those notifications_visible()
 * lets through, at most SESS_UNREAD_MAX: the header shows "99+"), and
 * tells whether the person moderates a community (the menu links the
 * moderation queue) and what they may read, as a key
 * (account_reach(): readers with the same key share cached lists).
 */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "web/auth.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

static const struct db_query	q_sess_load = {
	"sess_load",
	"WITH s AS ("
	"  SELECT id, account_id, csrf, last_seen_at FROM session"
	"  WHERE token_hash = decode($1, 'hex') AND expires_at > now()"
	"    AND last_seen_at > now() - interval '1 day'"
	"), touch AS ("
	"  UPDATE session SET last_seen_at = now() FROM s"
	"  WHERE session.id = s.id"
	"    AND s.last_seen_at < now() - interval '1 minute'"
	")"
	" SELECT a.id, s.id, a.display_name, a.role, s.csrf,"
	" notification_unread(a.id, " STR(SESS_UNREAD_MAX) "),"
	" EXISTS (SELECT 1 FROM member m WHERE m.account_id = a.id"
	"  AND m.moderator), account_reach(a.id)"
	" FROM s JOIN account a ON a.id = s.account_id"
	" WHERE a.blocked_at IS NULL AND a.deleted_at IS NULL",
	1
};

static const char *const	role_names[] = {
	[ROLE_NONE] = "",
	[ROLE_LID] = "lid",
	[ROLE_ERVARING] = "ervaringsdeskundige",
	[ROLE_REDACTEUR] = "redacteur",
	[ROLE_BEHEERDER] = "beheerder",
};

static void	sess_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sess_done(struct http_request *, struct db_ctx *);

enum role
sess_role_parse(const char *s)
{
	size_t	i;

	for (i = ROLE_LID; i < sizeof(role_names) / sizeof(role_names[0]);
	    i++) {
		if (strcmp(s, role_names[i]) == 0)
			return ((enum role)i);
	}
	return (ROLE_NONE);
}

const char *
sess_role_name(enum role r)
{
	return (role_names[r]);
}

int
sess_begin(struct http_request *req, struct db_ctx *db)
{
	if (!auth_sid_hash(req, db->user.tokhash))
		return (0);
	db->pend_q = db->q;
	db->pend_row = db->row;
	db->pend_done = db->done;
	db->q = &q_sess_load;
	db->row = sess_row;
	db->done = sess_done;
	req->fsm_state = 0;	/* DB_SETUP */
	return (1);
}

const char **
sess_params(struct db_ctx *db)
{
	/* Read at once by db_query(); one worker is one thread. */
	static const char	*p[1];

	if (db->q == &q_sess_load) {
		p[0] = db->user.tokhash;
		return (p);
	}
	return (db->params);
}

static void
sess_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sess_user	*u = &db->user;

	if (r != 0)
		return;
	if (kore_strlcpy(u->id, db_text(sql, r, 0), sizeof(u->id)) >=
	    sizeof(u->id) ||
	    kore_strlcpy(u->session_id, db_text(sql, r, 1),
	    sizeof(u->session_id)) >= sizeof(u->session_id) ||
	    kore_strlcpy(u->csrf, db_text(sql, r, 4), sizeof(u->csrf)) >=
	    sizeof(u->csrf))
		return;
	(void)kore_strlcpy(u->name, db_text(sql, r, 2), sizeof(u->name));
	u->role = sess_role_parse(db_text(sql, r, 3));
	u->unread = atoi(db_text(sql, r, 5));
	u->moderator = strcmp(db_text(sql, r, 6), "t") == 0;
	u->reach_ok = !db_isnull(sql, r, 7) &&
	    kore_strlcpy(u->reach, db_text(sql, r, 7), sizeof(u->reach)) <
	    sizeof(u->reach);
	u->loaded = u->role != ROLE_NONE;
}

static int
sess_done(struct http_request *req, struct db_ctx *db)
{
	return (db_chain(req, db, db->pend_q, db->pend_row, db->pend_done));
}
