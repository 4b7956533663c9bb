/*
 * Mastermind series (issue 8): /masterminds, the series page, its form,
 * its calendar, its actions list and the masterminds feed. Rights come
 * from sql/007_mastermind.sql (mm_series_may_read, mm_series_may_run,
 * mm_session_may_see, mm_minutes_may_read); every query takes the
 * reader's account id as text, '' for a visitor.
 */
#ifndef BRON_Q_MM_SERIES_H
#define BRON_Q_MM_SERIES_H

#include "db/db.h"

/* Typed rows: (type, pos, c1 .. c12), every column text. */
enum { QMS_TYPE, QMS_POS, QMS_C1, QMS_C2, QMS_C3, QMS_C4, QMS_C5, QMS_C6,
    QMS_C7, QMS_C8, QMS_C9, QMS_C10, QMS_C11, QMS_C12 };
#define QMS_COL(n)	(QMS_C1 + (n) - 1)

/*
 * /masterminds: $1 reader. Rows:
 *   1  series the reader may read, by name: slug, name, purpose (the
 *      Markdown's first paragraph, as text), community name, sessions,
 *      next session (YYYY-MM-DD HH:MM, Amsterdam, or NULL), open
 *      actions of minutes the reader may read
 *   2  the newest final session records (at most 10): title, path,
 *      series name, series slug, date (YYYY-MM-DD), summary
 *   3  1 row: may the reader start a series (t/f: an active member)
 */
enum { QMS_IDX_SERIES = 1, QMS_IDX_FINAL, QMS_IDX_ME };
extern const struct db_query	q_mms_index;

/*
 * The series page: $1 slug, $2 reader. Rows by (type, pos):
 *   0  no readable series has this slug but a session the reader may
 *      see does: its path (301)
 *   1  the series: slug, name, purpose (HTML), community slug, community
 *      name, may run (t/f), id, today (YYYY-MM-DD, Amsterdam)
 *   2  facilitators, in order: account id, display name
 *   3  sessions by start: number, title, path, date, time, datetime
 *      (UTC, ISO 8601), state, open actions (NULL when the reader may
 *      not read the minutes)
 *   4  open actions of minutes the reader may read, by due date: what,
 *      owner member id, owner display name, external owner name, due
 *      (YYYY-MM-DD), overdue (t/f), session title, session path, id
 */
enum { QMS_MOVED = 0, QMS_SERIES, QMS_FAC, QMS_SESSION, QMS_ACTION };
extern const struct db_query	q_mms_page;

/* The content generation and today's date (Amsterdam): the cache key. */
extern const struct db_query	q_mms_gen;

/*
 * The series form: $1 slug ('' for a new series), $2 reader. Rows:
 *   1  (edit) the series: id, slug, name, purpose (Markdown), community
 *      slug, facilitators (display names, one per line), amend days,
 *      revision, may run (t/f); no row: no such series or not readable
 *   2  communities the reader may post in and the series' own: slug,
 *      name
 */
enum { QMS_FORM_SERIES = 1, QMS_FORM_COMMUNITY };
extern const struct db_query	q_mms_form;

/*
 * mm_series_save(): $1 id ('' new), $2 base revision, $3 actor, $4 name,
 * $5 slug, $6 purpose Markdown, $7 purpose HTML, $8 community slug,
 * $9 facilitators, $10 amend days, $11 nonce. One row: id, slug,
 * revision, conflict (t/f), error.
 */
enum { QMSV_ID, QMSV_SLUG, QMSV_REV, QMSV_CONFLICT, QMSV_ERROR };
extern const struct db_query	q_mms_save;

/*
 * The calendar: $1 slug, $2 reader. Rows:
 *   1  the series: slug, name, now (UTC, YYYYMMDDTHHMMSSZ)
 *   2  sessions of the last 90 days and all upcoming, by start: item
 *      id, title, path, DTSTART, DTEND (UTC, YYYYMMDDTHHMMSSZ), location,
 *      sequence, DTSTAMP (the item's last change, UTC)
 * No rows: no such series, or not readable.
 */
enum { QMS_ICS_SERIES = 1, QMS_ICS_EVENT };
extern const struct db_query	q_mms_ics;

/*
 * The series' actions: $1 slug, $2 reader, $3 status filter (open,
 * te_laat, gedaan, vervallen, alle), $4 page size, $5 offset. Rows:
 *   1  the series: slug, name, today, total matching actions
 *   2  actions of minutes the reader may read: what, owner member id,
 *      owner display name, external owner name, due, overdue (t/f),
 *      session title, session path, status, note, evidence title and
 *      path (NULL unless the reader may read the evidence)
 */
enum { QMS_ACT_SERIES = 1, QMS_ACT_ROW };
extern const struct db_query	q_mms_actions;

/* The Atom feed: final session records visitors may read (QF_*). */
extern const struct db_query	q_feed_masterminds;

#endif
