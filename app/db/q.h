/*
 * The queries, one file per resource (q_<resource>.c) holding its SQL
 * and column order. Parameters are always text with a cast in SQL; no
 * SQL is ever built from strings.
 */
#ifndef BRON_Q_H
#define BRON_Q_H

#include "db/db.h"

/* q_health.c */
extern const struct db_query	q_health_ping;

/* q_content.c: the generation cached pages are stamped with. */
extern const struct db_query	q_content_gen;

/* q_item.c: columns of every item row. */
enum { QI_KIND, QI_SLUG, QI_TITLE, QI_SUMMARY, QI_DATE, QI_BODY };
extern const struct db_query	q_item_latest;	/* no params */
extern const struct db_query	q_item_list;	/* $1 kind */
extern const struct db_query	q_item_show;	/* $1 kind, $2 slug */

/* q_theme.c */
enum { QT_ID, QT_SLUG, QT_TITLE, QT_SUMMARY, QT_BODY };
extern const struct db_query	q_theme_list;

/* q_goal.c */
enum { QG_SLUG, QG_TITLE, QG_SUMMARY, QG_PACE, QG_BODY, QG_THEME_SLUG,
    QG_THEME_TITLE };
extern const struct db_query	q_goal_list;
extern const struct db_query	q_goal_show;	/* $1 slug */

/* q_page.c */
enum { QP_TITLE, QP_SUMMARY, QP_BODY };
extern const struct db_query	q_page_show;	/* $1 slug, $2 lang */

/* q_search.c: see db/q_search.h */

/* q_auth.c */
enum { QL_WAIT_IP, QL_WAIT_ACCT, QL_ID, QL_HASH, QL_BLOCKED };
extern const struct db_query	q_login_check;	/* $1 email, $2 ip, $3 ip limit, $4 acct limit */
extern const struct db_query	q_login_failed;	/* $1 email, $2 limit, $3 account id or '' */
extern const struct db_query	q_session_create; /* $1 account, $2 token hash, $3 csrf, $4 agent, $5 old hash */
extern const struct db_query	q_session_end;	/* $1 session id */
extern const struct db_query	q_session_end_all; /* $1 account id */
enum { QR_WAIT, QR_EXISTS };
extern const struct db_query	q_register_check; /* $1 email, $2 ip, $3 limit */
extern const struct db_query	q_register;	/* see q_auth.c */
extern const struct db_query	q_account_set_lang; /* $1 id, $2 lang */

#endif
