/*
 * /zoeken's filters by slug (web/search.c): do they name something the
 * reader may see, and what is it called? One row:
 *   0 the theme's title, 1 the community's name (only when the reader
 *   may read the community: a closed one's slug is not confirmed to
 *   outsiders), 2 the region's name in the locale; NULL for each slug
 *   that is '' or names nothing.
 * $1 theme slug, $2 community slug, $3 region slug (each '' for none),
 * $4 reader account id or '', $5 locale (nl|en).
 */
#ifndef BRON_Q_SEARCH_KNOWN_H
#define BRON_Q_SEARCH_KNOWN_H

#include "db/db.h"

extern const struct db_query	q_search_known;

#endif
