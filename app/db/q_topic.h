/*
 * Queries of the discussions (web/topic*.c, post*.c). Parameters are
 * text, cast in SQL; the rights come from sql/005_community.sql
 * (community_may_see/read/post/moderate), asked once per page.
 *
 * Every page query starts its rows with the same community columns
 * (QT_C_*), so one gate (web/topic.h) decides 404, the members-only
 * page or the content. Booleans arrive as "t" / "f".
 */
#ifndef BRON_Q_TOPIC_H
#define BRON_Q_TOPIC_H

#include "db/db.h"

#define QT_PER_LIST	20	/* topics on a list page */
#define QT_PER_PAGE	25	/* posts on a topic page (post_href() too) */
#define QT_HISTORY_MAX	100	/* newest revisions on a history page */

/* The community head of every page row. */
enum { QT_C_ID, QT_C_SLUG, QT_C_NAME, QT_C_MEMBERSHIP, QT_C_VISIBILITY,
    QT_C_SEE, QT_C_READ, QT_C_POST, QT_C_MOD, QT_C_STATE, QT_C__N };

/*
 * The topics of a community, pinned first, then by last activity:
 * $1 community slug, $2 reader ('' = visitor), $3 page (1..).
 * No row: no such community. One row with QT_L_ID NULL: no topics (or
 * the reader may not read them).
 */
enum { QT_L_ID = QT_C__N, QT_L_TITLE, QT_L_AUTHOR_ID, QT_L_AUTHOR,
    QT_L_REPLIES, QT_L_LAST_ISO, QT_L_LAST, QT_L_PINNED, QT_L_CLOSED,
    QT_L_HIDDEN, QT_L_TOTAL };
extern const struct db_query	q_topic_list;

/* The community alone: $1 slug, $2 reader. */
extern const struct db_query	q_topic_comm;

/*
 * A topic page: $1 community slug, $2 topic id, $3 reader, $4 page
 * (0: the last one), $5 id of a post to quote ('' for none). One row
 * per post of the page, ordered by n; QT_T_ID NULL: no such topic for
 * this reader; QT_P_ID NULL: no posts on that page.
 */
enum { QT_T_ID = QT_C__N, QT_T_TITLE, QT_T_CLOSED, QT_T_PINNED,
    QT_T_HIDDEN, QT_T_AUTHOR_ID, QT_T_PAGES, QT_T_PAGE, QT_T_FOLLOWING,
    QT_Q_FOUND, QT_Q_BODY, QT_Q_AUTHOR,
    QT_P_ID, QT_P_N, QT_P_AUTHOR_ID, QT_P_AUTHOR, QT_P_AT_ISO, QT_P_AT,
    QT_P_REV, QT_P_HIDDEN, QT_P_BODY, QT_P_HIDDEN_NOTE, QT_P_HELPFUL,
    QT_P_MINE, QT_P_QUOTE_N, QT_P_EDIT };
extern const struct db_query	q_topic_page;

/*
 * topic_create(): $1 community id, $2 actor, $3 title, $4 body_md,
 * $5 body_html, $6 nonce. One row: topic id, post id.
 */
enum { QT_N_TOPIC, QT_N_POST };
extern const struct db_query	q_topic_create;

/*
 * post_create(): $1 topic id, $2 actor, $3 body_md, $4 body_html,
 * $5 quoted post id (''), $6 nonce. One row: post id, n.
 */
enum { QT_R_POST, QT_R_N };
extern const struct db_query	q_topic_reply;

/*
 * topic_act(): $1 community slug, $2 topic id, $3 actor, $4 action.
 * No row: the topic is not in that community.
 */
extern const struct db_query	q_topic_act;

/*
 * A post to edit: $1 post id, $2 reader. No row: no such post. The
 * Markdown only when the reader may read the community.
 */
enum { QT_E_ID = QT_C__N, QT_E_N, QT_E_TOPIC, QT_E_TITLE, QT_E_BODY,
    QT_E_REV, QT_E_MAY_EDIT, QT_E_HIDDEN, QT_E_SHOWN };
extern const struct db_query	q_post_get;

/*
 * post_edit(): $1 post id, $2 actor, $3 base revision, $4 body_md,
 * $5 body_html. One row: revision, conflict.
 */
enum { QT_S_REV, QT_S_CONFLICT };
extern const struct db_query	q_post_save;

/*
 * A post's revisions, newest first, each with the text before it:
 * $1 post id, $2 reader. No row: no such post; QT_H_REV NULL: the
 * reader may not see them.
 */
enum { QT_H_ID = QT_C__N, QT_H_N, QT_H_TOPIC, QT_H_TITLE, QT_H_SHOWN,
    QT_H_REV, QT_H_AT_ISO, QT_H_AT, QT_H_EDITOR_ID, QT_H_EDITOR,
    QT_H_BODY, QT_H_PREV, QT_H_HIDDEN };
extern const struct db_query	q_post_history;

/*
 * post_helpful_set(): $1 post id, $2 actor, $3 on ("1"/"0"). No row: no
 * such post. Own posts and unreadable ones are not marked (QT_M_SET
 * NULL).
 */
enum { QT_M_READ, QT_M_OWN, QT_M_HREF, QT_M_N, QT_M_SET };
extern const struct db_query	q_post_helpful;

#endif
