/*
 * Queries of following and notifications (db/q_notify.c). Who may
 * follow or see what is decided in SQL (sql/005_community.sql:
 * follow_set(), notification_visible()).
 */
#ifndef BRON_Q_NOTIFY_H
#define BRON_Q_NOTIFY_H

#include "db/db.h"

/*
 * Follow or stop following. Raises P0002 (404) when the actor may not
 * read the thing or it does not exist.
 * $1 actor id, $2 what (gemeenschap|gesprek|thema|item), $3 id, $4 on
 */
extern const struct db_query	q_follow_set;

#endif
