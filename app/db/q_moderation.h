/*
 * Queries of the moderation queue (/redactie/meldingen,
 * web/moderation.c): the open reports and the last decisions in one
 * statement, and the decision itself (moderate() in
 * sql/005_community.sql, which checks the right, resolves the reports,
 * writes the audit row and tells the author).
 */
#ifndef BRON_Q_MODERATION_H
#define BRON_Q_MODERATION_H

#include "db/db.h"

#define MOD_OPEN_MAX	100	/* reported things shown at once */
#define MOD_DONE_MAX	50	/* decisions shown */

/*
 * $1 the reader's account id, $2 the name shown for a deleted account.
 * Editors see every report; a community's moderators those on posts and
 * items of their communities. Rows ordered by (TYPE, POS, AT):
 *   type 0, one row: C1 = reader is an editor (t/f), C2 = how many
 *     communities the reader moderates
 *   type 1, each open report of the oldest MOD_OPEN_MAX reported
 *     things; POS numbers the things, oldest first report first
 *   type 2, the last MOD_DONE_MAX decisions (one row for the reports a
 *     decision resolved together), newest first
 * Columns of types 1 and 2: the thing (POST or ITEM id, KIND 'bericht'
 * or the item's kind, TITLE, HREF, EXCERPT, COMM community name or '',
 * HIDDEN t/f now, HNOTE the note it was hidden with, AUTHORS names),
 * then per row:
 *   type 1: WHY = reason, NOTE = the reporter's note, AT = reported,
 *     N = open reports on the thing, TOTAL = reported things in all
 *   type 2: WHY = decision, NOTE = the moderator's note, AT = decided,
 *     N = reports resolved, WHO = who decided, OFFER = 't' when this
 *     is the thing's last decision, it is hidden and has no open
 *     reports (the "put back" button goes there)
 * AT comes as ISO 8601 (UTC) and as shown (Europe/Amsterdam).
 */
enum { QMQ_TYPE, QMQ_POS, QMQ_POST, QMQ_ITEM, QMQ_KIND, QMQ_TITLE,
    QMQ_HREF, QMQ_EXCERPT, QMQ_COMM, QMQ_HIDDEN, QMQ_HNOTE, QMQ_AUTHORS,
    QMQ_WHY, QMQ_NOTE, QMQ_AT, QMQ_AT_SHOWN, QMQ_N, QMQ_TOTAL, QMQ_WHO,
    QMQ_OFFER };
#define QMQ_EDITOR	QMQ_KIND	/* type 0 */
#define QMQ_NMODS	QMQ_TITLE	/* type 0 */
extern const struct db_query	q_mod_queue;

/*
 * $1 actor, $2 post id or '', $3 item id or '', $4 action (verbergen,
 * herstellen, afwijzen), $5 note. 42501 (403) for someone who may not
 * moderate it, P0002 (404) when it is gone, 22023 (400) for a hide
 * without a note.
 */
extern const struct db_query	q_mod_act;

#endif
