/*
 * Queries of the article editor (web/article_edit.c). Parameters are
 * text, cast in SQL.
 */
#ifndef BRON_Q_EDIT_H
#define BRON_Q_EDIT_H

#include "db/db.h"

/*
 * Everything the editor shows, in one statement: typed rows of one
 * shape (QE_GROUP, QE_ORD, then eleven text columns), sorted by group
 * so the item row comes before the lists that depend on it.
 *   $1 account id, $2 article slug ('' for a new one),
 *   $3 "kind/slug" lines typed in the related field ('' on GET)
 */
enum { QE_GROUP, QE_ORD, QE_C1, QE_C2, QE_C3, QE_C4, QE_C5, QE_C6,
    QE_C7, QE_C8, QE_C9, QE_C10, QE_C11 };
enum qe_group {
	QE_USER = 1,		/* C1 editor ("true"/"false") */
	QE_ITEM,		/* the article, see QE_I_* */
	QE_THEME,		/* C1 slug, C2 title, C3 on the article */
	QE_COMMUNITY,		/* C1 slug, C2 name */
	QE_OWNER,		/* editors only: C1 account id, C2 name */
	QE_TAG,			/* C1 tag */
	QE_RELATED,		/* C1 kind, C2 slug */
	QE_MISSING		/* C1 a typed "kind/slug" naming no item */
};
enum { QE_I_ID = QE_C1, QE_I_SLUG, QE_I_TITLE, QE_I_SUMMARY, QE_I_BODY,
    QE_I_REV, QE_I_STATUS, QE_I_FEEDBACK, QE_I_COMMUNITY, QE_I_OWNER,
    QE_I_MAY_EDIT };
extern const struct db_query	q_edit_page;

/*
 * item_save() for an article: $1 id (NULL: new), $2 base revision,
 * $3 actor, $4 title, $5 summary, $6 body_md, $7 body_html, $8 toc_html,
 * $9 words, $10 note, $11 slug base, $12 themes, $13 tags, $14
 * community slug, $15 owner (NULL: keep), $16 links, $17 related, $18
 * nonce. One row: id, slug, revision, conflict ("t"/"f").
 */
enum { QE_S_ID, QE_S_SLUG, QE_S_REV, QE_S_CONFLICT };
extern const struct db_query	q_edit_save;

#endif
