/*
 * Queries of the workflow pages (db/q_flow.c): status changes, the
 * review page, history, diff, a revision's source, restoring, the
 * editors' queue and a member's own articles. Each page is one query;
 * each change is one statement (item_transition() or item_save() of
 * sql/004_content.sql, which write their own audit rows).
 */
#ifndef BRON_Q_FLOW_H
#define BRON_Q_FLOW_H

#include "db/db.h"

/*
 * A workflow step on an article. One row (slug, new status) when the
 * article exists and the actor may see it; raises 42501, 55000, 22023.
 * $1 slug, $2 actor id, $3 action, $4 note
 */
enum { QFT_SLUG, QFT_STATUS };
extern const struct db_query	q_flow_transition;

/* The review page: the article as it will be published. */
enum { QFR_ID, QFR_SLUG, QFR_TITLE, QFR_SUMMARY, QFR_TOC, QFR_BODY,
    QFR_STATUS, QFR_REVISION, QFR_AUTHORS };
/* $1 slug, $2 the label of a deleted account */
extern const struct db_query	q_flow_review;

/*
 * History: one row per revision, newest first (the REV columns are NULL
 * when the actor may not see them). MAY: the actor may edit.
 */
enum { QFH_ID, QFH_SLUG, QFH_TITLE, QFH_STATUS, QFH_REVISION, QFH_MAY,
    QFH_EDITOR, QFH_REV, QFH_AT, QFH_AT_SHOWN, QFH_AUTHOR_ID,
    QFH_AUTHOR_NAME, QFH_NOTE, QFH_RESTORED };
/* $1 slug, $2 actor id or '' */
extern const struct db_query	q_flow_history;

/*
 * Diff: the history columns, then which two revisions are compared
 * (defaults: naar = the current one, van = the one before) and, for
 * those two only, their title, summary and Markdown.
 */
enum { QFD_VAN = QFH_RESTORED + 1, QFD_NAAR, QFD_TITLE, QFD_SUMMARY,
    QFD_BODY };
/* $1 slug, $2 actor id or '', $3 van or '', $4 naar or '' */
extern const struct db_query	q_flow_diff;

/* One revision's source: the history columns for that revision only. */
enum { QFV_TITLE = QFH_RESTORED + 1, QFV_SUMMARY, QFV_BODY };
/* $1 slug, $2 actor id or '', $3 revision */
extern const struct db_query	q_flow_revision;

/*
 * What restoring needs: the item, the old revision's text (NULL when
 * missing or not allowed) and the item's current lists in item_save()'s
 * newline-separated form, so they stay as they are.
 */
enum { QFS_ID, QFS_SLUG, QFS_STATUS, QFS_REVISION, QFS_MAY, QFS_EDITOR,
    QFS_FOUND, QFS_TITLE, QFS_SUMMARY, QFS_BODY, QFS_THEMES, QFS_TAGS,
    QFS_COMMUNITY, QFS_RELATED };
/* $1 slug, $2 actor id, $3 revision */
extern const struct db_query	q_flow_restore_src;

/* item_save() with restored set: (id, slug, revision, conflict). */
enum { QFSV_ID, QFSV_SLUG, QFSV_REVISION, QFSV_CONFLICT };
/*
 * $1 id, $2 base revision, $3 actor, $4 title, $5 summary, $6 body_md,
 * $7 body_html, $8 toc_html, $9 words, $10 slug, $11 themes, $12 tags,
 * $13 community slug, $14 links, $15 related, $16 restored revision
 */
extern const struct db_query	q_flow_restore;

/*
 * The editors' queue: typed rows per section (1 ter review, oldest
 * first; 2 due for a check; 3 sent back), at most FLOW_QUEUE_MAX each,
 * with the section's full count.
 */
#define FLOW_QUEUE_MAX	100
enum { QFQ_SECTION, QFQ_SLUG, QFQ_TITLE, QFQ_AUTHORS, QFQ_AT,
    QFQ_AT_SHOWN, QFQ_FEEDBACK, QFQ_TOTAL };
/* $1 the label of a deleted account */
extern const struct db_query	q_flow_queue;

/* A member's own articles (author or owner), any status. */
#define FLOW_MINE_MAX	500
enum { QFM_SLUG, QFM_TITLE, QFM_STATUS, QFM_FEEDBACK, QFM_DUE,
    QFM_AT, QFM_AT_SHOWN, QFM_OWNER };
/* $1 account id */
extern const struct db_query	q_flow_mine;

#endif
