/*
 * Mastermind sessions (issue 8): the session page and its Markdown
 * export (one statement of typed rows), the session form's page and
 * its save (mm_session_save() in sql/007_mastermind.sql).
 */
#ifndef BRON_Q_MM_SESSION_H
#define BRON_Q_MM_SESSION_H

#include "db/db.h"

/*
 * The session page: $1 series slug, $2 session slug, $3 the reader's
 * account id or ''. Rows by (type, pos), columns QMS_C1.. (c[0] ..
 * c[QMS_COLS - 1] of struct mms_row):
 *   QMS_SESSION  1 row: item id, title, summary, series slug, series
 *                name, number in the series, date (YYYY-MM-DD), time
 *                (HH:MM), ISO start for <time datetime>, duration,
 *                location, facilitator id, facilitator name (NULL:
 *                none or deleted), state, end time (HH:MM)
 *   QMS_META     1 row: amend_until (DD-MM-YYYY HH:MM, '' in concept),
 *                window open (t/f), may read the minutes, may run, is
 *                participant, revision, series' amend_days, following
 *                (t/f, '' for visitors), community slug, community
 *                name (NULL when the reader may not read it), item
 *                slug, final (DD-MM-YYYY or '')
 *   QMS_MINUTES  1 row, only for readers of the minutes: case, insights,
 *                toc, agreements (HTML), then the three as Markdown
 *   QMS_THEME    slug, title
 *   QMS_PART     signed-in readers of the minutes only: account id,
 *                display name, external name, role
 *   QMS_ACTION   this session's actions (readers of the minutes): id,
 *                what, owner id, owner name (a member's), external
 *                name (signed-in readers only), external (t/f), due
 *                (YYYY-MM-DD), status, note, evidence path, evidence
 *                title (only when the reader may read it), overdue
 *                (t/f), may update (t/f), revision, closed here (t/f),
 *                origin session path, origin title
 *   QMS_RELATED, QMS_BACKLINK  kind, slug, title, summary (published
 *                items the reader may read), as QA_RELATED/QA_BACKLINK
 *   QMS_CARRIED  actions of earlier sessions of the series that are
 *                open now or were closed in this one, whose minutes the
 *                reader may read: columns as QMS_ACTION
 *   QMS_AMEND    id, section, author name (NULL: deleted), comment,
 *                proposal (HTML), state, reply, date (DD-MM-YYYY),
 *                proposal (Markdown)
 *   QMS_ADDENDUM id, body (HTML), date (DD-MM-YYYY), author name, body
 *                (Markdown)
 * No rows: no such session in that series, or one the reader may not
 * see (mm_session_may_see()).
 */
enum { QMS_TYPE, QMS_POS, QMS_C1 };
#define QMS_COLS	17
enum { QMS_SESSION = 1, QMS_META, QMS_MINUTES, QMS_THEME, QMS_PART,
    QMS_ACTION, QMS_RELATED, QMS_BACKLINK, QMS_CARRIED, QMS_AMEND,
    QMS_ADDENDUM };
extern const struct db_query	q_mm_session_page;

/*
 * The session form: $1 series slug, $2 session slug ('' for a new
 * session), $3 account id, $4 the form's nonce or ''. Rows by (type,
 * pos), columns QMF_C1..:
 *   QMF_SERIES   1 row: series id, slug, name, may read (t/f), may
 *                run the series (t/f), editor (t/f)
 *   QMF_SESSION  1 row when editing: item id, slug, title, summary,
 *                insights (Markdown), revision, state, may run (t/f),
 *                date, time, duration, location, facilitator name,
 *                case (Markdown), agreements (Markdown)
 *   QMF_PART     name (display name or external), role
 *   QMF_THEME    slug, title, ticked (t/f): every theme
 *   QMF_TAG      tag
 *   QMF_RELATED  kind, slug
 *   QMF_CARRIED  what, owner, due (YYYY-MM-DD), overdue (t/f), origin
 *                title: open actions of earlier sessions (before this
 *                one; all for a new one) whose minutes $3 may read
 *   QMF_REPLAY   1 row when $4 made a session already: its slug
 * No QMF_SERIES row: no such series.
 */
enum { QMF_TYPE, QMF_POS, QMF_C1 };
#define QMF_COLS	15
enum { QMF_SERIES = 1, QMF_SESSION, QMF_PART, QMF_THEME, QMF_TAG,
    QMF_RELATED, QMF_CARRIED, QMF_REPLAY };
extern const struct db_query	q_mm_session_form;

/*
 * mm_session_save(): $1 item id (NULL new), $2 base revision, $3
 * actor, $4 series id, $5 title, $6 summary, $7 insights Markdown, $8
 * HTML, $9 toc, $10 words, $11 note, $12 slug, $13 themes, $14 tags,
 * $15 links, $16 related, $17 nonce, $18 fields (jsonb). One row: id,
 * slug, revision, conflict (t/f), error ('' when none).
 */
enum { QMV_ID, QMV_SLUG, QMV_REV, QMV_CONFLICT, QMV_ERROR };
extern const struct db_query	q_mm_session_save;

#endif
