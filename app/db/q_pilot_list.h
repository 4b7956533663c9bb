/*
 * The pilot overview with its facets, the compare page, /lessen and the
 * pilot feed (issue 7): each one statement of typed rows.
 *
 * Readable: published, not hidden, and public, or (for a signed-in
 * reader) what item_may_read() allows. Facet values come in as comma-
 * separated text (core/facet.c checked their form; the SQL drops values
 * that name nothing). Facet rows carry the facet key as enum facet_key
 * (core/facet.h) in their first column.
 */
#ifndef BRON_Q_PILOT_LIST_H
#define BRON_Q_PILOT_LIST_H

#include "db/db.h"

/*
 * /pilots: $1 regio, $2 setting, $3 fase, $4 thema, $5 project, $6
 * jaar (comma-separated), $7 sort (nieuw|titel|start|fase), $8 offset,
 * $9 limit, $10 reader id or '', $11 locale (nl|en). Rows by (type, pos):
 *   QPL_FACET   key, value, label, count (pilots matching every OTHER
 *               facet), selected (t/f); only values with a count or
 *               selected, in list order
 *   QPL_PILOT   id, slug, title, summary, region name, its province's
 *               name (a jeugdregio's; else ''), setting name, phase,
 *               start, end (YYYY-MM-DD or '')
 *   QPL_TOTAL   1 row: pilots matching every facet
 */
enum { QPL_FACET = 1, QPL_PILOT, QPL_TOTAL };
enum { QPL_TYPE, QPL_POS, QPL_C1, QPL_C2, QPL_C3, QPL_C4, QPL_C5, QPL_C6,
    QPL_C7, QPL_C8, QPL_C9, QPL_C10, QPL_NCOLS };
extern const struct db_query	q_pilot_list;

/*
 * /lessen: $1 regio, $2 setting, $3 thema, $4 soort (comma-separated),
 * $5 offset, $6 limit, $7 reader id or '', $8 locale. Rows by (type,
 * pos), columns as QPL_*:
 *   QPL_FACET   key, value, label, count, selected
 *   QPL_PILOT   lesson id, kind, statement, pilot slug, pilot title,
 *               region name, its province's name (or '')
 *   QPL_TOTAL   1 row: lessons matching every facet
 */
extern const struct db_query	q_lesson_list;

/*
 * /pilots/vergelijk: $1 ids (comma-separated), $2 reader id or '', $3
 * locale. Readable published pilots only, in the order of $1. Rows:
 *   QPC_PILOT   id, slug, title, region, province, setting, project slug,
 *               project title, target group, age min, age max, phase,
 *               start, end, partners (newline-separated), problem,
 *               approach, results, conditions (HTML), lessons (count)
 *   QPC_FIGURE  pilot id, label, value, unit   (in the author's order)
 */
enum { QPC_PILOT = 1, QPC_FIGURE };
enum { QPC_TYPE, QPC_POS, QPC_C1 };
#define QPC_NCOLS	(QPC_C1 + 20)
extern const struct db_query	q_pilot_compare;

/*
 * /feeds/pilots.atom: the feed entry columns of q_article.h (QF_*), the
 * body being the pilot's body with its problem, approach, results and
 * conditions under headings $1..$4 (HTML-escaped by the caller).
 */
extern const struct db_query	q_feed_pilots;

#endif
