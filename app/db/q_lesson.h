/*
 * Lessons learned under a pilot (issue 7): the lesson page, the forms
 * to add, change and remove one, and their writes (lesson_save() and
 * lesson_delete() in sql/006_pilot.sql).
 */
#ifndef BRON_Q_LESSON_H
#define BRON_Q_LESSON_H

#include "db/db.h"

/*
 * The lesson page: $1 lesson id, $2 the reader's account id or '', $3
 * the locale ("nl", "en"). Rows by (type, pos):
 *   QLS_LESSON  1 row: id, kind, statement, explanation (HTML), pilot
 *               slug, pilot title, may edit the pilot (t/f), pilot
 *               summary
 *   QLS_PILOT   1 row: region name, province name (NULL for a province
 *               or the whole country), setting name, phase
 *   QLS_CITED   kind, slug, title, summary: published items the reader
 *               may read whose body links /lessen/{id}
 * No rows: no such lesson, or one whose pilot the reader may not read.
 */
enum { QLS_TYPE, QLS_POS, QLS_C1, QLS_C2, QLS_C3, QLS_C4, QLS_C5, QLS_C6,
    QLS_C7, QLS_C8 };
enum { QLS_LESSON = 1, QLS_PILOT, QLS_CITED };
extern const struct db_query	q_lesson_page;

/*
 * The pilot a new lesson goes under: $1 pilot slug, $2 account id. One
 * row (none: no such pilot): item id, slug, title, may read (t/f), may
 * edit (t/f).
 */
enum { QLP_ID, QLP_SLUG, QLP_TITLE, QLP_MAY_READ, QLP_MAY_EDIT };
extern const struct db_query	q_lesson_pilot;

/*
 * A lesson for its edit and remove forms: $1 lesson id, $2 account id.
 * One row (none: no such lesson): pilot id, pilot slug, pilot title,
 * kind, statement, explanation (Markdown), revision, may read (t/f,
 * lesson_may_read()), may edit (t/f, item_may_edit() of the pilot).
 */
enum { QLG_PILOT, QLG_SLUG, QLG_TITLE, QLG_KIND, QLG_STATEMENT, QLG_EXPL,
    QLG_REV, QLG_MAY_READ, QLG_MAY_EDIT };
extern const struct db_query	q_lesson_get;

/*
 * lesson_save(): $1 lesson id (NULL: a new one), $2 pilot id, $3 actor,
 * $4 base revision (NULL for a new one), $5 kind, $6 statement, $7
 * explanation (Markdown), $8 its HTML, $9 the form's nonce (NULL when
 * changing). One row: id, revision, conflict (t/f).
 */
enum { QLV_ID, QLV_REV, QLV_CONFLICT };
extern const struct db_query	q_lesson_save;

/* lesson_delete(): $1 lesson id, $2 actor. */
extern const struct db_query	q_lesson_delete;

#endif
