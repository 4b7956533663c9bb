/*
 * The resource page (issue 10): one statement of typed rows, like
 * q_pilot_page. Rows of types 1-8 have the columns of the article page
 * (db/q_article.h QA_*), so they go into web/article.h's struct
 * article_rows; types 9-12 are the resource's own.
 */
#ifndef BRON_Q_RESOURCE_SHOW_H
#define BRON_Q_RESOURCE_SHOW_H

#include "db/q_article.h"

/*
 * $1 slug, $2 the reader's account id or ''. Rows by (type, pos),
 * columns QA_C1.. (0-based c[] in struct article_row):
 *   QA_ARTICLE .. QA_BACKLINK   as q_article_page (QA_META: checked and
 *               due are '' and false); QA_PERSONAL's may_edit is
 *               resource_may_edit(); related and backlinks are
 *               published items the reader may read
 *   QR_RES      1 row: type, publisher, year ('' when none), language,
 *               url ('' when none), missing (resource_missing(),
 *               comma-separated)
 *   QR_FILE     every version of every file, by slot, newest version
 *               first (the first of a slot is its current file): slot,
 *               version, token, name, mime, size (bytes), added
 *               (YYYY-MM-DD), note
 *   QR_DL       per slot (pos = slot): downloads of its current file
 *   QR_FOLLOW   following (t/f): signed-in readers only
 * No rows: no such resource, or one this reader may not see.
 */
enum { QR_RES = 9, QR_FILE, QR_DL, QR_FOLLOW };
extern const struct db_query	q_resource_page;

#endif
