/*
 * The stories list and the stories feed (issue 9), one statement each
 * (q_story_list.c). Only published stories the reader may read
 * (story_may_read; visitors: public ones), never a sentence of a body.
 */
#ifndef BRON_Q_STORY_LIST_H
#define BRON_Q_STORY_LIST_H

#include "db/db.h"

/*
 * /verhalen: $1 reader's account id or '', $2 theme slug or '', $3 '1'
 * for stories without warnings only, $4 offset, $5 limit. Rows by
 * (type, pos):
 *   QSL_THEME  themes that readable stories have: slug, title,
 *              selected (t/f)
 *   QSL_STORY  slug, title, summary, pseudonym, warnings (codes,
 *              space-separated), published (YYYY-MM-DD), themes
 *              ("slug<TAB>title" lines), total (matching stories)
 */
enum { QSL_TYPE, QSL_POS, QSL_C1, QSL_C2, QSL_C3, QSL_C4, QSL_C5, QSL_C6,
    QSL_C7, QSL_C8 };
enum { QSL_THEME = 1, QSL_STORY };
extern const struct db_query	q_story_list;

/*
 * /feeds/verhalen.atom: the 20 newest published public stories: slug,
 * title, summary, pseudonym, warnings, published and updated (RFC 3339,
 * UTC). No parameters.
 */
enum { QSF_SLUG, QSF_TITLE, QSF_SUMMARY, QSF_PSEUDONYM, QSF_WARNINGS,
    QSF_PUBLISHED, QSF_UPDATED };
extern const struct db_query	q_story_feed;

#endif
