/*
 * Queries of the pilot editor (web/pilot_edit*.c). Parameters are
 * text, cast in SQL.
 */
#ifndef BRON_Q_PILOT_EDIT_H
#define BRON_Q_PILOT_EDIT_H

#include "db/db.h"

/*
 * Everything the editor shows, in one statement: typed rows of one
 * shape (QP_GROUP, QP_ORD, then fifteen text columns), sorted by group
 * so the pilot's own rows come before the lists that depend on them.
 *   $1 account id, $2 pilot slug ('' for a new one),
 *   $3 "kind/slug" lines typed in the related field ('' on GET),
 *   $4 the new-pilot form's nonce ('' when none)
 */
enum { QP_GROUP, QP_ORD, QP_C1, QP_C2, QP_C3, QP_C4, QP_C5, QP_C6, QP_C7,
    QP_C8, QP_C9, QP_C10, QP_C11, QP_C12, QP_C13, QP_C14, QP_C15 };
enum qp_group {
	QP_USER = 1,	/* C1 editor ("true"/"false"), C2 today (YYYY-MM-DD) */
	QP_ITEM,	/* the item, see QP_I_* */
	QP_PILOT,	/* its pilot fields, see QP_P_* */
	QP_FIGURE,	/* C1 label, C2 value (numeric text), C3 unit */
	QP_THEME,	/* C1 slug, C2 title, C3 on the pilot */
	QP_COMMUNITY,	/* C1 slug, C2 name */
	QP_OWNER,	/* editors only: C1 account id, C2 name */
	QP_TAG,		/* C1 tag */
	QP_RELATED,	/* C1 kind, C2 slug */
	QP_MISSING,	/* C1 a typed "kind/slug" naming no item */
	QP_REGION,	/* C1 slug, C2 name, C3 name_en, C4 level */
	QP_SETTING,	/* C1 slug, C2 name, C3 name_en */
	QP_PROJECT,	/* C1 change_goal slug, C2 title */
	QP_REPLAY	/* $4 made a pilot already: C1 slug, C2 status */
};
enum { QP_I_ID = QP_C1, QP_I_SLUG, QP_I_TITLE, QP_I_SUMMARY, QP_I_BODY,
    QP_I_REV, QP_I_STATUS, QP_I_FEEDBACK, QP_I_COMMUNITY, QP_I_OWNER,
    QP_I_MAY_EDIT, QP_I_MISSING, QP_I_SINCE, QP_I_AGREED };
enum { QP_P_REGION = QP_C1, QP_P_SETTING, QP_P_PROJECT, QP_P_TARGET,
    QP_P_AGE_MIN, QP_P_AGE_MAX, QP_P_PHASE, QP_P_START, QP_P_END,
    QP_P_PARTNERS, QP_P_CONTACT, QP_P_PROBLEM, QP_P_APPROACH,
    QP_P_RESULTS, QP_P_CONDITIONS };
extern const struct db_query	q_pilot_edit_page;

/*
 * pilot_save() (sql/006_pilot.sql), then for $20 'indienen' or
 * 'goedkeuren' item_transition() in the same statement, so a pilot is
 * saved and sent on together or not at all. $1 id (NULL: new), $2 base
 * revision, $3 actor, $4 title, $5 summary, $6 body_md, $7 body_html,
 * $8 toc_html, $9 words, $10 note, $11 slug base, $12 themes, $13
 * tags, $14 community slug, $15 owner (NULL: keep), $16 links, $17
 * related, $18 nonce, $19 the pilot's fields (JSON), $20 '' or the
 * workflow action. One row: id, slug, revision, conflict ("t"/"f"),
 * error ('' or the field pilot_save() refused), new status ('' when
 * no action ran).
 */
enum { QP_S_ID, QP_S_SLUG, QP_S_REV, QP_S_CONFLICT, QP_S_ERROR,
    QP_S_STATUS };
extern const struct db_query	q_pilot_edit_save;

#endif
