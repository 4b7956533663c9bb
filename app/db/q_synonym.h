/*
 * Queries of the synonym editor (db/q_synonym.c, web/synonym*.c): the
 * groups, one group, the check of a group's terms and the two changes.
 * The changes are sql/011_synonym.sql's functions, which check the role
 * again and write the audit rows.
 */
#ifndef BRON_Q_SYNONYM_H
#define BRON_Q_SYNONYM_H

#include "db/db.h"

/*
 * Columns of q_synonym_list (no parameters) and q_synonym_get ($1 the
 * group's id; no row when it does not exist): LINE the terms as
 * "a ~ b", TERMS one per line (the form), SOURCE 'repo' or 'redactie',
 * AT (ISO) and AT_SHOWN the last change, BY the editor's name ("" for
 * the importer or a deleted account), BASE the version the edit form
 * sends back (search_synonym_base()).
 */
enum { QSY_ID, QSY_LINE, QSY_TERMS, QSY_SOURCE, QSY_NOTE, QSY_AT,
	QSY_AT_SHOWN, QSY_BY, QSY_BASE };
extern const struct db_query	q_synonym_list;
extern const struct db_query	q_synonym_get;

/*
 * What is wrong with typed terms and note (search_synonym_check): $1
 * the group changed ("" for a new one), $2 terms, $3 note. A row per
 * problem: FIELD 'terms' or 'note', PROBLEM, TERM and OTHER ("" when
 * none).
 */
enum { QSC_FIELD, QSC_PROBLEM, QSC_TERM, QSC_OTHER };
extern const struct db_query	q_synonym_check;

/*
 * $1 actor, $2 group ("" for a new one), $3 terms, $4 note, $5 the
 * version the editor started from ("": no check): one row, the group's
 * id. 42501 (not an editor) -> 403, P0002 -> 404, 22023 (a problem the
 * check did not see yet) -> 400, 55000 (changed meanwhile) -> 409.
 */
extern const struct db_query	q_synonym_save;
/* $1 actor, $2 group. 42501 -> 403, P0002 -> 404. */
extern const struct db_query	q_synonym_delete;

#endif
