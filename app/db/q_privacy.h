/*
 * Queries of the privacy area: the data export, account deletion and
 * public profiles (q_privacy.c).
 */
#ifndef BRON_Q_PRIVACY_H
#define BRON_Q_PRIVACY_H

#include "db/db.h"

/* $1 account id: one row, the whole export as JSON text; writes audit. */
extern const struct db_query	q_privacy_export;

/* $1 account id, $2 limit: seconds to wait, password hash. */
enum { QD_WAIT, QD_HASH };
extern const struct db_query	q_privacy_delete_check;
/* $1 account id, $2 limit: count a wrong password. */
extern const struct db_query	q_privacy_delete_failed;
/* $1 account id: account_delete() (sql/003_privacy.sql). */
extern const struct db_query	q_privacy_delete;

/*
 * $1 account id: one row per public contribution (at least one row if
 * the account exists). Columns 0..5 are the item columns of db/q.h
 * (QI_*, NULL when there is none), then the account's.
 */
enum { QPR_NAME = 6, QPR_KIND, QPR_BIO, QPR_DELETED, QPR_BLOCKED };
extern const struct db_query	q_privacy_profile;

#endif
