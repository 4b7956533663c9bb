/*
 * Queries of the storyteller's and the editors' steps on a story (issue
 * 9, part C: web/story_review.c, story_publish.c, story_withdraw.c,
 * story_scope.c, story_author.c, story_queue.c). The writes are the SQL
 * functions of sql/008_story.sql, which check every right again. No
 * query here returns who wrote a story, except q_sfl_author (admins,
 * through story_author_look(), which writes the audit row).
 */
#ifndef BRON_Q_STORY_FLOW_H
#define BRON_Q_STORY_FLOW_H

#include "db/db.h"

/*
 * A story by its slug for a reader: $1 slug, $2 reader ('' for none).
 * Rights as "true"/"false"; warnings and checklist as space-separated
 * codes; the latest consent agreement (a row with a text version).
 */
enum { QSF_ID, QSF_SLUG, QSF_TITLE, QSF_SUMMARY, QSF_BODY_HTML, QSF_REV,
    QSF_STATE, QSF_SCOPE, QSF_WANTED, QSF_PSEUDONYM, QSF_WARNINGS,
    QSF_CHECKLIST, QSF_NOTE, QSF_REVIEWED_REV, QSF_READ, QSF_TELLER,
    QSF_EDITOR, QSF_ADMIN, QSF_SUBMITTED, QSF_C_SCOPE, QSF_C_VERSION,
    QSF_C_UNDER16, QSF_C_GUARDIAN, QSF_C_AT, QSF_CAME_BACK };
extern const struct db_query	q_sfl_story;

/* Earlier reviews of a story: $1 item id. Newest first. */
enum { QSR_REV, QSR_DECISION, QSR_NOTE, QSR_AT };
extern const struct db_query	q_sfl_reviews;

/* story_review(): $1 id, $2 actor, $3 rev, $4 decision, $5 note. */
extern const struct db_query	q_sfl_review;
/* story_scope_decide(): $1 id, $2 actor, $3 accept (true/false). */
extern const struct db_query	q_sfl_scope_decide;
/* story_publish(): $1 id, $2 actor, $3 rev. */
extern const struct db_query	q_sfl_publish;
/* story_withdraw(): $1 id, $2 actor. */
extern const struct db_query	q_sfl_withdraw;
/*
 * story_scope_change(): $1 id, $2 actor, $3 scope, $4 version,
 * $5 under16 (true/false), $6 guardian, $7 guardian version. One column:
 * 'beperkt', 'gevraagd', 'gelijk' or an error word.
 */
extern const struct db_query	q_sfl_scope_change;
/* story_author_look(): $1 id, $2 actor. */
enum { QSA_ID, QSA_NAME, QSA_DELETED };
extern const struct db_query	q_sfl_author;

/*
 * The editors' queue: $1 reader. Typed rows:
 *   1 sent in: slug, title, pseudonym, warnings, date iso, date shown,
 *     came back after an editor's akkoord ("true"/"false")
 *   2 waiting for the storyteller: slug, title, pseudonym, state,
 *     date iso, date shown
 *   3 a wider scope asked for: slug, title, pseudonym, scope, wanted,
 *     date iso, date shown
 *   4 a reply waiting: reply id, story slug, story title, body html,
 *     date iso, date shown
 *   5 one row: withdrawn in the last 30 days (a count, in a)
 */
enum { QSQ_T, QSQ_A, QSQ_B, QSQ_C, QSQ_D, QSQ_E, QSQ_F, QSQ_G };
extern const struct db_query	q_sfl_queue;

/* How many stories wait for an editor (sent in, or a wider scope): $1 reader. */
extern const struct db_query	q_sfl_waiting;

#endif
