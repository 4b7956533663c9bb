/*
 * /zoeken: one statement of typed rows over search_doc
 * (sql/010_search.sql). Visibility is search_visible(): a visitor finds
 * public rows; a signed-in reader also what their communities and role
 * allow. Drafts, hidden and withdrawn things have no row at all, so no
 * count ever includes them.
 *
 * $1  the parsed query: squery_json() (core/squery.h)
 * $2  reader account id, or ''
 * $3  locale (nl|en): static pages in that language, region names
 * $4  kind filter ('' or a search_doc.kind: artikel pilot les
 *     mastermind verhaal bron gesprek gemeenschap thema opgave pagina)
 * $5  theme slug or ''      $6 community slug or ''
 * $7  region slug or ''     $8 year (4 digits) or ''
 * $9  offset                $10 limit (hits per page)
 * $11 squery_words() JSON array (for "did you mean"), '[]' for none
 *
 * Rows (QS_TYPE first, then columns A..G, then N):
 *   QS_HIT     A path, B title, C kind, D summary, E snippet of the body
 *              with matches between \x01 and \x02 (plain text: escape it,
 *              then turn the markers into <mark>; '' when there are
 *              warnings), F warnings (space-separated codes), G the
 *              community's name or ''. Best first (RUM distance).
 *   QS_TOTAL   N: rows matching query and every filter.
 *   QS_VOID    the query held nothing searchable (only stop words or
 *              punctuation): no other rows follow.
 *   QS_FKIND   A kind, N count        (every filter but kind)
 *   QS_FTHEME  A slug, B title, N     (every filter but theme)
 *   QS_FCOMM   A slug, B name, N      (every filter but community)
 *   QS_FREGION A slug, B name, N      (every filter but region)
 *   QS_FYEAR   A year, N              (every filter but year)
 *              Facet rows only for values with a count > 0, by count.
 *   QS_SUGGEST N the index into $11, A the word to use instead
 *              (only when fewer than 3 rows match, and only words not
 *              known and with a close known word)
 *   QS_TITLE   A path, B title: up to 3 titles like the query's words
 *              (trigram), readable by the reader, when fewer than 3
 *              rows match.
 */
#ifndef BRON_Q_SEARCH_H
#define BRON_Q_SEARCH_H

#include "db/db.h"

enum { QS_TYPE, QS_A, QS_B, QS_C, QS_D, QS_E, QS_F, QS_G, QS_N };

#define QS_HIT		"hit"
#define QS_TOTAL	"total"
#define QS_VOID		"void"
#define QS_FKIND	"f_kind"
#define QS_FTHEME	"f_theme"
#define QS_FCOMM	"f_comm"
#define QS_FREGION	"f_region"
#define QS_FYEAR	"f_year"
#define QS_SUGGEST	"suggest"
#define QS_TITLE	"title"

extern const struct db_query	q_search;

#endif
