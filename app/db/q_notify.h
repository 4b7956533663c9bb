/*
 * Queries of following and notifications (db/q_notify.c). Who may
 * follow or see what is decided in SQL (sql/005_community.sql:
 * follow_set(), notification_visible()).
 */
#ifndef BRON_Q_NOTIFY_H
#define BRON_Q_NOTIFY_H

#include "db/db.h"

#define Q_NOTIFY_PER_PAGE	20

/*
 * Follow or stop following. Raises P0002 (404) when the actor may not
 * read the thing or it does not exist.
 * $1 actor id, $2 what (gemeenschap|gesprek|thema|item), $3 id, $4 on
 */
extern const struct db_query	q_follow_set;

/*
 * The follow button's state on a theme page and an item page: one row
 * (id, following 'true'|'false') when the theme or item exists.
 * q_follow_theme: $1 account id, $2 theme slug
 * q_follow_item:  $1 account id, $2 kind, $3 item slug
 */
enum { QFS_ID, QFS_FOLLOWING };
extern const struct db_query	q_follow_theme;
extern const struct db_query	q_follow_item;

/*
 * One page of the reader's notifications, newest first, only those that
 * pass notification_visible(). Always one row at least: TOTAL and
 * UNREAD count every visible notification; ID is NULL on a page past
 * the end. SUB is the kind's variant (core/notify_text.h), ACTOR the
 * display name ('' when none, $3 for a deleted account), NOTE the
 * moderator's reason when something of the reader's is hidden.
 * $1 account id, $2 page (1..), $3 the name of a deleted account
 */
enum { QNL_TOTAL, QNL_UNREAD, QNL_ID, QNL_KIND, QNL_SUB, QNL_ACTOR,
    QNL_TEXT, QNL_HREF, QNL_COMMUNITY, QNL_AT, QNL_AT_SHOWN, QNL_NEW,
    QNL_NOTE };
extern const struct db_query	q_notify_list;

/* Mark as read: $1 account id, $2 a notification id, or '' for all. */
extern const struct db_query	q_notify_read;

/*
 * Settings: one row (DIGEST 'true'|'false', OFF: the kinds switched off,
 * space-separated). $1 account id
 */
enum { QNP_DIGEST, QNP_OFF };
extern const struct db_query	q_notify_prefs;

/*
 * Save the settings: every kind gets a notify_pref row (in_app true for
 * the kinds in $2), and the digest choice. One row when the account is
 * active.
 * $1 account id, $2 kinds switched on (space-separated), $3 digest bool
 */
extern const struct db_query	q_notify_prefs_save;

/* The kinds, in the order the settings page shows them. */
#define Q_NOTIFY_KINDS	"'nieuw_item', 'wijziging', 'gesprek', 'reactie'," \
	" 'vermelding', 'lidmaatschap', 'beoordeling', 'moderatie', 'contact'," \
	" 'mastermind', 'actie', 'verhaal'"

#endif
