/*
 * Queries of the report form (/melden, web/flag.c): what is being
 * reported, and the report itself (flag_create() in
 * sql/005_community.sql checks again that the reporter may read it).
 */
#ifndef BRON_Q_FLAG_H
#define BRON_Q_FLAG_H

#include "db/db.h"

/*
 * $1 post id or '', $2 item id or '', $3 the reader's account id. One
 * row when the thing exists (none otherwise):
 *   KIND     'bericht', or the item's kind
 *   ID       post or item id
 *   TITLE    the topic's title (post) or the item's title
 *   EXCERPT  the first words of the post, or the item's summary
 *   COMM     the community's name, '' for none
 *   HREF     the topic's path (post) or the item's path
 *   PAGE     the post's page in its topic (25 a page), '' for items
 *   N        the post's position in its topic, '' for items
 *   HIDDEN   t/f: a moderator hid it (or the topic it opens)
 *   MINE     t/f: the reader has an open report on it already
 *   MAY      t/f: the reader may read it (else: as if it did not exist)
 */
enum { QFT_KIND, QFT_ID, QFT_TITLE, QFT_EXCERPT, QFT_COMM, QFT_HREF,
    QFT_PAGE, QFT_N, QFT_HIDDEN, QFT_MINE, QFT_MAY };
extern const struct db_query	q_flag_target;

/*
 * $1 reporter, $2 post id or '', $3 item id or '', $4 reason, $5 note.
 * An open report by the same person on the same thing: 23505 (409).
 */
extern const struct db_query	q_flag_create;

#endif
