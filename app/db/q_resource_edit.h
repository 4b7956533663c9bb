/*
 * Queries of the resource editor (web/resource_edit*.c). Parameters are
 * text, cast in SQL. The functions are in sql/009_resource.sql.
 */
#ifndef BRON_Q_RESOURCE_EDIT_H
#define BRON_Q_RESOURCE_EDIT_H

#include "db/db.h"

/*
 * Everything the editor shows, in one statement: typed rows of one
 * shape (QR_GROUP, QR_ORD, then twelve text columns), sorted by group.
 *   $1 account id, $2 resource slug ('' for a new one),
 *   $3 a pending upload's token from an earlier try ('' when none),
 *   $4 the new-resource form's nonce ('' when none)
 */
enum { QR_GROUP, QR_ORD, QR_C1, QR_C2, QR_C3, QR_C4, QR_C5, QR_C6, QR_C7,
    QR_C8, QR_C9, QR_C10, QR_C11, QR_C12 };
enum qr_group {
	QR_USER = 1,	/* C1 editor ("true"/"false") */
	QR_ITEM,	/* the item, see QR_I_* (no row: 404) */
	QR_RES,		/* C1 type, C2 publisher, C3 year, C4 language, C5 url */
	QR_FILE,	/* C1 slot, C2 its current file's name, C3 versions */
	QR_THEME,	/* C1 slug, C2 title, C3 on the resource */
	QR_COMMUNITY,	/* C1 slug, C2 name */
	QR_PENDING,	/* $3 is the account's pending upload: C1 name, C2 size */
	QR_REPLAY	/* $4 made a resource already: C1 slug, C2 status */
};
enum { QR_I_ID = QR_C1, QR_I_SLUG, QR_I_TITLE, QR_I_SUMMARY, QR_I_BODY,
    QR_I_REV, QR_I_STATUS, QR_I_FEEDBACK, QR_I_COMMUNITY, QR_I_MAY_EDIT,
    QR_I_MAY_READ, QR_I_KEEP };
extern const struct db_query	q_resource_edit_page;

/*
 * resource_save(), then for $20 'indienen' or 'goedkeuren'
 * item_transition() in the same statement: saved and sent on together
 * or not at all (23514 for a resource without file or link).
 *   $1 id (NULL: new), $2 base revision, $3 actor, $4 title, $5 summary,
 *   $6 body_md, $7 body_html, $8 toc_html, $9 words, $10 note, $11 slug
 *   base, $12 themes, $13 tags, $14 community slug, $15 links,
 *   $16 related, $17 nonce, $18 the resource's fields (JSON, with the
 *   file keys), $19 '' or the workflow action
 * One row: id, slug, revision, conflict ("t"/"f"), error ('' or the
 * field resource_save() refused), new status ('' when no action ran).
 */
enum { QR_S_ID, QR_S_SLUG, QR_S_REV, QR_S_CONFLICT, QR_S_ERROR,
    QR_S_STATUS };
extern const struct db_query	q_resource_edit_save;

#endif
