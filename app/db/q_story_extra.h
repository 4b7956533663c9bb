/*
 * Replies under stories and quotes from them (issue 9, part D): the
 * story a path names with the reader's rights, and the calls of the
 * write functions of sql/008_story.sql.
 */
#ifndef BRON_Q_STORY_EXTRA_H
#define BRON_Q_STORY_EXTRA_H

#include "db/db.h"

/*
 * $1 slug, $2 reader id ('' for a visitor): one row when a story has
 * that slug. may_read, teller, editor, quotable: 't'/'f'.
 */
enum { QSX_ID, QSX_SLUG, QSX_TITLE, QSX_PSEUDONYM, QSX_STATE, QSX_REPLIES,
    QSX_MAY_READ, QSX_TELLER, QSX_EDITOR, QSX_QUOTABLE, QSX_BODY_HTML,
    QSX_BODY_MD };
extern const struct db_query	q_sx_story;

/* $1 item, $2 actor, $3 body_md, $4 body_html, $5 nonce -> reply id */
extern const struct db_query	q_sx_reply_add;
/* $1 item, $2 actor, $3 'aan' | 'uit' */
extern const struct db_query	q_sx_replies_set;
/* $1 reply, $2 actor, $3 besluit -> (void, the story's slug) */
extern const struct db_query	q_sx_reply_decide;

/* The change goals for the quote form: slug, title. */
extern const struct db_query	q_sx_goals;
/* $1 item, $2 actor, $3 goal slug, $4 text -> quote id */
extern const struct db_query	q_sx_quote_add;
/* $1 quote, $2 actor -> (the goal's slug, void) */
extern const struct db_query	q_sx_quote_remove;

/*
 * $1 goal slug: the quotes on it whose story is quotable now (checked
 * at query time, so a withdrawn or narrowed story's quotes never show).
 */
enum { QSQ_ID, QSQ_TEXT, QSQ_PSEUDONYM, QSQ_TITLE, QSQ_SLUG };
extern const struct db_query	q_sx_goal_quotes;

#endif
