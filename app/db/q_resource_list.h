/*
 * The list of resources and its feed (issue 10), one statement each
 * (q_resource_list.c). Only published resources the reader may read:
 * visitors the public ones; signed-in readers also what item_may_read()
 * allows them (a members-only community's resources), never anyone's
 * concept.
 */
#ifndef BRON_Q_RESOURCE_LIST_H
#define BRON_Q_RESOURCE_LIST_H

#include "db/db.h"

/*
 * /bronnen: $1 reader's account id or '', $2 type ('' or a resource
 * type), $3 theme slug ('' or a slug; a merged theme's old slug means
 * its new theme; an unknown one filters nothing), $4 year ('' or four
 * digits), $5 offset, $6 limit. Newest first. Rows by (type, pos):
 *   QRL_TOTAL  1 row: resources matching every filter, theme known
 *              (t/f: $3 is '' or names a theme)
 *   QRL_FACET  key ("soort", "thema", "jaar"), value, label (a theme's
 *              title; '' for the others), count (readable resources
 *              matching every OTHER filter and this value), selected
 *              (t/f); values with a count, and the selected one
 *   QRL_ITEM   slug, title, summary, type, year ('' when none),
 *              publisher, downloads (sum over its current files; ''
 *              when it has none)
 */
enum { QRL_TOTAL = 1, QRL_FACET, QRL_ITEM };
enum { QRL_TYPE, QRL_POS, QRL_C1, QRL_C2, QRL_C3, QRL_C4, QRL_C5, QRL_C6,
    QRL_C7 };
extern const struct db_query	q_resource_list;

/*
 * /feeds/bronnen.atom: the 50 newest published public resources, with
 * the feed entry columns of q_article.h (QF_*). No parameters.
 */
extern const struct db_query	q_feed_resources;

#endif
