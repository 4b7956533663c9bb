/*
 * Queries of the admin pages (db/q_admin.c): the user list, role
 * changes, blocks and the audit log.
 */
#ifndef BRON_Q_ADMIN_H
#define BRON_Q_ADMIN_H

#include "db/db.h"

/* Columns of q_admin_users. */
enum { QAU_ID, QAU_NAME, QAU_EMAIL, QAU_KIND, QAU_ROLE, QAU_STATUS,
    QAU_CREATED, QAU_TOTAL };
/* $1 search text or '', $2 role or '', $3 offset, $4 limit */
extern const struct db_query	q_admin_users;

/*
 * Columns of the three updates: one row if the account exists. ACTOR
 * is 'f' when the acting admin lost the role meanwhile (nothing done).
 */
enum { QAX_GONE, QAX_ACTOR };
/* $1 account id, $2 new role, $3 actor id */
extern const struct db_query	q_admin_set_role;
/* $1 account id, $2 actor id */
extern const struct db_query	q_admin_block;
extern const struct db_query	q_admin_unblock;

/* Columns of q_admin_audit. */
enum { QAA_AT, QAA_ACTION, QAA_ACTOR_ID, QAA_ACTOR_NAME, QAA_TARGET_ID,
    QAA_TARGET_NAME, QAA_TARGET_HREF, QAA_DETAIL, QAA_TOTAL };
/* $1 action or '', $2 offset, $3 limit */
extern const struct db_query	q_admin_audit;

#endif
