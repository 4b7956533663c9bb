/*
 * Password reset by e-mail (issue 4): the queries of web/reset.c.
 */
#ifndef BRON_Q_RESET_H
#define BRON_Q_RESET_H

#include "db/db.h"

/*
 * Throttle, and when allowed and an active account has the address, a
 * reset token and its mail, all in one statement. Columns: seconds to
 * wait (0: allowed). $1 email, $2 ip, $3 ip limit, $4 address limit,
 * $5 token hash (hex), $6 subject nl, $7 body nl, $8 subject en,
 * $9 body en.
 */
enum { QRR_WAIT };
extern const struct db_query	q_reset_request;

/* The account of an unused, unexpired token. $1 token hash (hex). */
enum { QRF_ID, QRF_EMAIL, QRF_NAME };
extern const struct db_query	q_reset_find;

/*
 * Use the token: set the password, end every session, retire the
 * account's other reset links. One row (the account id) only if the
 * token was still usable. $1 token hash (hex), $2 Argon2id string.
 */
enum { QRA_ID };
extern const struct db_query	q_reset_apply;

#endif
