/*
 * Queries of the story editor and of "my stories" (web/story_edit*.c,
 * story_mine.c). Parameters are text, cast in SQL.
 */
#ifndef BRON_Q_STORY_EDIT_H
#define BRON_Q_STORY_EDIT_H

#include "db/db.h"

/*
 * The editor's page in one statement: typed rows of one shape
 * (QS_GROUP, QS_ORD, then sixteen text columns), the story first.
 *   $1 account id (NULL for a visitor), $2 story slug ('' for a new
 *   one), $3 the new-story form's nonce ('' when none)
 */
enum { QS_GROUP, QS_ORD, QS_C1, QS_C2, QS_C3, QS_C4, QS_C5, QS_C6, QS_C7,
    QS_C8, QS_C9, QS_C10, QS_C11, QS_C12, QS_C13, QS_C14, QS_C15, QS_C16 };
enum qs_group {
	QS_STORY = 1,	/* see QS_S_* */
	QS_THEME,	/* C1 slug, C2 title, C3 "t" when on the story */
	QS_COMMUNITY,	/* C1 slug, C2 name */
	QS_REPLAY	/* $3 made a story already: C1 slug */
};
enum { QS_S_ID = QS_C1, QS_S_SLUG, QS_S_TITLE, QS_S_SUMMARY, QS_S_BODY,
    QS_S_REV, QS_S_STATE, QS_S_SCOPE, QS_S_NOTE, QS_S_PSEUDONYM,
    QS_S_WARNINGS, QS_S_CHECKS, QS_S_KEEP, QS_S_COMMUNITY, QS_S_MAY_READ,
    QS_S_TELLER };
extern const struct db_query	q_story_edit_page;

/*
 * story_save() and, when $19 is 't' and the save wrote, story_submit()
 * on the revision it made, in one statement: sent in together or not
 * at all (an error word from story_submit() fails the statement).
 *   $1 id (NULL: new), $2 base revision, $3 actor, $4 title,
 *   $5 summary, $6 body_md, $7 body_html, $8 toc_html, $9 words,
 *   $10 slug base, $11 themes, $12 community slug, $13 links,
 *   $14 pseudonym, $15 warnings and $16 checklist ("\n"-separated),
 *   $17 keep, $18 nonce, $19 submit, $20 scope, $21 consent text
 *   version, $22 under 16, $23 guardian's name, $24 statement version.
 * One row: id, slug, revision, conflict ("t"/"f"), error ('' or the
 * word story_save() refused), state.
 */
enum { QS_V_ID, QS_V_SLUG, QS_V_REV, QS_V_CONFLICT, QS_V_ERROR,
    QS_V_STATE };
extern const struct db_query	q_story_edit_save;

/*
 * The reader's own stories, last changed first. $1 account id.
 */
enum { QS_M_SLUG, QS_M_TITLE, QS_M_PSEUDONYM, QS_M_STATE, QS_M_SCOPE,
    QS_M_WANTED, QS_M_WARNINGS, QS_M_DATE, QS_M_REV };
extern const struct db_query	q_story_mine;

#endif
