/*
 * Queries of the workflow pages (db/q_flow.c): status changes, the
 * review page, history, diff, a revision's source, restoring, the
 * editors' queue and a member's own items. Each page is one query;
 * each change is one statement (item_transition(), item_save() or
 * pilot_save() of sql/004_content.sql and sql/006_pilot.sql, which
 * write their own audit rows). The pages serve articles, pilots and
 * resources: the kind ('artikel', 'pilot', 'bron') is a parameter; a
 * resource's rights are resource_may_edit()'s (sql/009_resource.sql).
 */
#ifndef BRON_Q_FLOW_H
#define BRON_Q_FLOW_H

#include "db/db.h"

/*
 * A pilot's fields from a jsonb in pilot_snapshot()'s shape, as
 * FLOW_PF__MAX columns (web/flow.h): region, setting, project (names in
 * the reader's language), target group, age from, age to, phase, start,
 * end, partners and figures (one a line), contact, then the Markdown of
 * problem, approach, results, conditions. "" where empty or no pilot.
 */
#define QF_PF_NCOLS	16

/*
 * A workflow step. One row (slug, new status) when the item exists and
 * the actor may see it; raises 42501, 55000, 22023, and 23514 for an
 * incomplete pilot (indienen, goedkeuren).
 * $1 slug, $2 actor id, $3 action, $4 note, $5 revision seen or '',
 * $6 kind
 */
enum { QFT_SLUG, QFT_STATUS };
extern const struct db_query	q_flow_transition;

/*
 * What a pilot or a resource still lacks (pilot_missing() or
 * resource_missing(), comma-separated; "" when complete), when the
 * actor may see it. $1 slug, $2 kind, $3 actor id
 */
enum { QFX_MISSING };
extern const struct db_query	q_flow_missing;

/*
 * The review page: the item as it will be published; for a pilot also
 * what it lacks, its fields (PF columns, texts as HTML) and whether the
 * contact person agreed.
 */
enum { QFR_ID, QFR_SLUG, QFR_TITLE, QFR_SUMMARY, QFR_TOC, QFR_BODY,
    QFR_STATUS, QFR_REVISION, QFR_AUTHORS, QFR_MISSING, QFR_AGREED,
    QFR_PF };
/* $1 slug, $2 the label of a deleted account, $3 kind, $4 locale */
extern const struct db_query	q_flow_review;

/*
 * History: one row per revision, newest first (the REV columns are NULL
 * when the actor may not see them). MAY: the actor may edit; READABLE:
 * the actor may read the item (a suggester of a resource in review).
 */
enum { QFH_ID, QFH_SLUG, QFH_TITLE, QFH_STATUS, QFH_REVISION, QFH_MAY,
    QFH_EDITOR, QFH_REV, QFH_AT, QFH_AT_SHOWN, QFH_AUTHOR_ID,
    QFH_AUTHOR_NAME, QFH_NOTE, QFH_RESTORED, QFH_READABLE };
/* $1 slug, $2 actor id or '', $3 kind */
extern const struct db_query	q_flow_history;

/*
 * Diff: the history columns, then which two revisions are compared
 * (defaults: naar = the current one, van = the one before) and, for
 * those two only, their title, summary and Markdown, and a pilot's
 * fields (PF columns; "" for other rows and kinds).
 */
enum { QFD_VAN = QFH_READABLE + 1, QFD_NAAR, QFD_TITLE, QFD_SUMMARY,
    QFD_BODY, QFD_PF };
/*
 * $1 slug, $2 actor id or '', $3 van or '', $4 naar or '', $5 kind,
 * $6 locale
 */
extern const struct db_query	q_flow_diff;

/* One revision's source: the history columns for that revision only. */
enum { QFV_TITLE = QFH_READABLE + 1, QFV_SUMMARY, QFV_BODY, QFV_PF };
/* $1 slug, $2 actor id or '', $3 revision, $4 kind, $5 locale */
extern const struct db_query	q_flow_revision;

/*
 * What restoring needs: the item, the old revision's text (NULL when
 * missing or not allowed) and the item's current lists in item_save()'s
 * newline-separated form, so they stay as they are; for a pilot the
 * revision's four Markdown texts (its fields, or today's when the
 * revision has none) and the required fields it lacks (pilot_missing()'s
 * names, comma-separated; "" for articles).
 */
enum { QFS_ID, QFS_SLUG, QFS_STATUS, QFS_REVISION, QFS_MAY, QFS_EDITOR,
    QFS_FOUND, QFS_TITLE, QFS_SUMMARY, QFS_BODY, QFS_THEMES, QFS_TAGS,
    QFS_COMMUNITY, QFS_RELATED, QFS_PROBLEM, QFS_APPROACH, QFS_RESULTS,
    QFS_CONDITIONS, QFS_MISSING };
/* $1 slug, $2 actor id, $3 revision, $4 kind */
extern const struct db_query	q_flow_restore_src;

/*
 * item_save() with restored set: (id, slug, revision, conflict); for
 * kind 'bron' resource_save() (then ERROR is its error column).
 */
enum { QFSV_ID, QFSV_SLUG, QFSV_REVISION, QFSV_CONFLICT, QFSV_ERROR };
/*
 * $1 id, $2 base revision, $3 actor, $4 title, $5 summary, $6 body_md,
 * $7 body_html, $8 toc_html, $9 words, $10 slug, $11 themes, $12 tags,
 * $13 community slug, $14 links, $15 related, $16 restored revision,
 * $17 kind
 */
extern const struct db_query	q_flow_restore;

/*
 * pilot_save() with restored set: the revision's fields (today's when
 * it has none) with the HTML of its texts rendered again and today's
 * contact person (restoring never asks someone again, nor brings back
 * one who said no). Columns as above plus ERROR (pilot_save()'s: a
 * field of the old version that no longer fits, e.g. 'region').
 * $1-$16 as q_flow_restore, $17-$20 HTML of problem, approach, results,
 * conditions
 */
extern const struct db_query	q_flow_restore_pilot;

/*
 * The editors' queue: typed rows per section (1 ter review, oldest
 * first; 2 articles due for a check; 3 sent back), at most
 * FLOW_QUEUE_MAX each, with the section's full count. Articles and
 * pilots and resources; KIND says which, SUGGESTED ("t"/"f") whether
 * a resource was suggested by a member (not made by an editor).
 */
#define FLOW_QUEUE_MAX	100
enum { QFQ_SECTION, QFQ_SLUG, QFQ_TITLE, QFQ_AUTHORS, QFQ_AT,
    QFQ_AT_SHOWN, QFQ_FEEDBACK, QFQ_TOTAL, QFQ_KIND, QFQ_SUGGESTED };
/* $1 the label of a deleted account */
extern const struct db_query	q_flow_queue;

/* A member's own articles, pilots and resources (author or owner), any status. */
#define FLOW_MINE_MAX	500
enum { QFM_SLUG, QFM_TITLE, QFM_STATUS, QFM_FEEDBACK, QFM_DUE,
    QFM_AT, QFM_AT_SHOWN, QFM_OWNER, QFM_KIND };
/* $1 account id */
extern const struct db_query	q_flow_mine;

#endif
