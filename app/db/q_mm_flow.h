/*
 * Queries of the minutes workflow, amendments, addenda and action items
 * (issue 8, web/mm_minutes.c, mm_amend*.c, mm_addendum.c, mm_action*.c,
 * mm_my_actions.c). The writes are the SQL functions of
 * sql/007_mastermind.sql, which check every right again.
 */
#ifndef BRON_Q_MM_FLOW_H
#define BRON_Q_MM_FLOW_H

#include "db/db.h"

/* A session by its path: $1 series slug, $2 session slug, $3 reader. */
enum { QMS_ID, QMS_TITLE, QMS_SERIES, QMS_SERIES_SLUG, QMS_SLUG, QMS_STATE,
    QMS_UNTIL, QMS_OPEN, QMS_SEE, QMS_READ, QMS_RUN, QMS_PART, QMS_NOPEN,
    QMS_OPEN_IDS, QMS_DAYS, QMS_CASE, QMS_BODY, QMS_AGREE };
extern const struct db_query	q_mmf_session;

/* $1 session, $2 actor, $3 action, $4 days: the new state. */
extern const struct db_query	q_mmf_step;

/* $1 session, $2 actor, $3 section, $4 comment, $5 md, $6 html, $7 idem. */
extern const struct db_query	q_mmf_amend;

/* An amendment of a session: $1 id, $2 session. */
enum { QMA_SECTION, QMA_COMMENT, QMA_PROPOSAL_MD, QMA_PROPOSAL_HTML,
    QMA_STATE, QMA_REPLY, QMA_AUTHOR, QMA_AT };
extern const struct db_query	q_mmf_amendment;

/* $1 id, $2 actor, $3 accept (true/false), $4 reply. */
extern const struct db_query	q_mmf_decide;

/* $1 session, $2 actor, $3 md, $4 html, $5 idem: the addendum's id. */
extern const struct db_query	q_mmf_addendum;

/* An action and its session: $1 action id, $2 reader. */
enum { QMC_ID, QMC_SESSION, QMC_HREF, QMC_TITLE, QMC_SERIES,
    QMC_SERIES_SLUG, QMC_WHAT, QMC_OWNER_ID, QMC_OWNER, QMC_OWNER_NAME,
    QMC_DUE, QMC_STATUS, QMC_NOTE, QMC_EV_PATH, QMC_EV_HREF, QMC_EV_TITLE,
    QMC_REV, QMC_READ, QMC_UPDATE, QMC_RUN, QMC_STATE, QMC_OVERDUE,
    QMC_CLOSED_AT, QMC_CLOSED_HREF, QMC_CLOSED_TITLE };
extern const struct db_query	q_mmf_action;

/*
 * mm_action_save(): $1 id, $2 session, $3 actor, $4 base, $5 what,
 * $6 owner, $7 due, $8 status, $9 note, $10 evidence, $11 in, $12 idem.
 */
enum { QMV_ID, QMV_REV, QMV_CONFLICT, QMV_ERROR };
extern const struct db_query	q_mmf_action_save;

/* $1 action, $2 actor. */
extern const struct db_query	q_mmf_action_delete;

/* The reader's own actions: $1 reader. Open ones (t 1), then closed (2). */
enum { QMY_T, QMY_ID, QMY_WHAT, QMY_DUE, QMY_STATUS, QMY_OVERDUE,
    QMY_SERIES, QMY_SERIES_SLUG, QMY_HREF, QMY_TITLE, QMY_CLOSED_AT,
    QMY_NOTE };
extern const struct db_query	q_mmf_mine;

#endif
