/*
 * The story page (issue 9) in one statement: typed rows, column 0 the
 * type, column 1 the position, then QSS_C1.. (q_story_show.c). $1 slug,
 * $2 the reader's account id or ''. No rows: no such story, or one the
 * reader may not read (story_may_read): 404.
 *   QSS_STORY   1 row: title, summary, body_html, published (YYYY-MM-DD
 *               or ''), slug, state, scope ('' before the first
 *               consent), warnings (codes, space-separated), needs help
 *               (t/f), item id, revision, replies (aan/uit), pseudonym
 *   QSS_META    1 row: community slug, community name (both NULL when
 *               none or unreadable), is teller, is editor, is admin,
 *               cw_show covers every warning, follows it (t/f), review
 *               note (teller only, else ''), scope wanted (teller only),
 *               hidden (t/f)
 *   QSS_THEME   slug, title
 *   QSS_TAG     tag
 *   QSS_REPLY   placed replies: id, author id, author display name
 *               (NULL: former member or the storyteller), by teller
 *               (t/f), body_html, date (YYYY-MM-DD), time (ISO)
 *   QSS_WAIT    replies waiting, for the storyteller only: the same
 *               columns
 * The storyteller is never named: a reply of theirs comes with by
 * teller true and no id or name.
 */
#ifndef BRON_Q_STORY_SHOW_H
#define BRON_Q_STORY_SHOW_H

#include "db/db.h"

enum { QSS_TYPE, QSS_POS, QSS_C1 };
#define QSS_COLS	13
enum { QSS_STORY = 1, QSS_META, QSS_THEME, QSS_TAG, QSS_REPLY, QSS_WAIT };

extern const struct db_query	q_story_page;

#endif
