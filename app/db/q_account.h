/*
 * Queries of the account page and its settings forms (q_account.c).
 * Parameters are text, cast in SQL.
 */
#ifndef BRON_Q_ACCOUNT_H
#define BRON_Q_ACCOUNT_H

#include "db/db.h"

/*
 * The page: one row per live session of the account (at least one: the
 * current one), account columns repeated, the current session first.
 */
enum { QA_NAME, QA_BIO, QA_LANG, QA_CW, QA_KIND, QA_EMAIL, QA_SESS,
    QA_SESS_THIS, QA_SESS_CREATED, QA_SESS_CREATED_ISO, QA_SESS_SEEN,
    QA_SESS_SEEN_ISO, QA_SESS_AGENT };
extern const struct db_query	q_account_page;	/* $1 account, $2 session */

/* Before checking the current password: the hash and the throttle. */
enum { QA_S_EMAIL, QA_S_HASH, QA_S_WAIT };
extern const struct db_query	q_account_secret; /* $1 account, $2 limit */
/* A wrong current password: count it; returns the wait in seconds. */
extern const struct db_query	q_account_pw_failed; /* $1 account, $2 limit */

/*
 * $1 account, $2 name, $3 bio, $4 lang, $5 cw_show: warning codes,
 * comma-separated ("" for none). QA_CW on the page is the same list.
 */
extern const struct db_query	q_account_profile;
/*
 * New hash; every other session of the account ends, and so do unused
 * reset links. $1 account, $2 hash, $3 current session id.
 */
extern const struct db_query	q_account_password;
/*
 * $1 account, $2 address (409 when taken); reset links sent to the old
 * address stop working.
 */
extern const struct db_query	q_account_email;

#endif
