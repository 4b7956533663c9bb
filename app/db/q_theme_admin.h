/*
 * Queries of theme management (db/q_theme_admin.c): the list with item
 * counts, one theme with the others to merge into, and the three
 * changes. Each change is one statement that re-checks that the actor
 * is an editor and writes its audit row.
 */
#ifndef BRON_Q_THEME_ADMIN_H
#define BRON_Q_THEME_ADMIN_H

#include "db/db.h"

/* Columns of q_theme_admin_list (no parameters). */
enum { QTA_SLUG, QTA_TITLE, QTA_SUMMARY, QTA_ITEMS };
extern const struct db_query	q_theme_admin_list;

/*
 * Columns of q_theme_admin_get: every theme, THIS = 't' for the one
 * named by $1 (slug); BODY is its Markdown, "" for the others.
 */
enum { QTG_SLUG, QTG_TITLE, QTG_SUMMARY, QTG_BODY, QTG_ITEMS, QTG_THIS };
extern const struct db_query	q_theme_admin_get;

/*
 * Columns of the create and update statements: EDITOR = 'f' when the
 * actor is no editor (nothing done); DONE = 't' when the theme was
 * created or exists (update).
 */
enum { QTX_EDITOR, QTX_DONE };
/*
 * $1 slug, $2 title, $3 summary, $4 body_md, $5 body_html, $6 actor.
 * A slug in use raises 23505 (db.c: 409).
 */
extern const struct db_query	q_theme_admin_create;
/* $1 slug (of the theme to change), then as q_theme_admin_create. */
extern const struct db_query	q_theme_admin_update;

/*
 * $1 slug of the theme that goes, $2 slug of the one it merges into,
 * $3 actor. One row when both exist (theme_merge() raises 42501 for
 * non-editors and writes the audit row itself); none when either is
 * gone.
 */
extern const struct db_query	q_theme_admin_merge;

#endif
