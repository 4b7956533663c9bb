/*
 * Reading articles and themes (issue 5): the article page, the article
 * list, the Atom feeds and the theme page. Each is one statement that
 * returns typed rows (column 0 says what a row is), so a page never
 * waits for a second round trip. The theme queries live in q_theme.c.
 */
#ifndef BRON_Q_ARTICLE_H
#define BRON_Q_ARTICLE_H

#include "db/db.h"

/*
 * The article page: $1 slug, $2 the reader's account id or ''. Rows
 * come ordered by (type, pos); columns QA_C1.. mean, per type:
 *   QA_ARTICLE  1 row: title, summary, body_html, toc_html, words,
 *               status, published (YYYY-MM-DD or ''), slug
 *   QA_META     1 row: checked (date or ''), due (t/f), approver id,
 *               approver name (NULL: deleted account), approved (date),
 *               approve note, community slug, community name
 *   QA_PERSONAL 1 row: feedback, may_edit, is_owner, is_editor (t/f),
 *               revision, item id, hidden (t/f), hidden note
 *   QA_AUTHOR   account id, display name (NULL: deleted account)
 *   QA_THEME    slug, title
 *   QA_TAG      tag
 *   QA_RELATED  kind, slug, title, summary   (at most 6)
 *   QA_BACKLINK kind, slug, title, summary
 * No rows: no such article, or one this reader may not see.
 */
enum { QA_TYPE, QA_POS, QA_C1, QA_C2, QA_C3, QA_C4, QA_C5, QA_C6, QA_C7,
    QA_C8, QA_NCOLS };
enum { QA_ARTICLE = 1, QA_META, QA_PERSONAL, QA_AUTHOR, QA_THEME, QA_TAG,
    QA_RELATED, QA_BACKLINK };
extern const struct db_query	q_article_page;

/*
 * /artikelen: $1 theme slug (or a merged theme's old slug), $2
 * community slug, $3 tag, $4 sort (nieuw|titel|gecontroleerd), $5
 * offset, $6 limit; '' means no filter. Rows by (type, pos):
 *   QL_THEME      slug, title, selected (t/f)
 *   QL_COMMUNITY  slug, name, selected (t/f)   (public ones only)
 *   QL_ITEM       slug, title, summary, words, published (date),
 *                 checked (date or ''), total (matching items)
 */
enum { QL_T_THEME = 1, QL_T_COMMUNITY, QL_T_ITEM };
enum { QLA_TYPE, QLA_POS, QLA_C1, QLA_C2, QLA_C3, QLA_C4, QLA_C5, QLA_C6,
    QLA_C7 };
extern const struct db_query	q_article_list;

/*
 * Atom feeds. Entry rows (type '2'): kind, slug, title, summary,
 * body_html, published and updated (RFC 3339, UTC), author names
 * (newline-separated, '' for a deleted account), and the feed's updated.
 * q_feed_theme ($1 theme slug) first gives one type '1' row: kind
 * column "theme" or "alias" (a merged theme's old slug: no entries
 * follow), the theme's slug and title. No rows: no such theme.
 */
enum { QF_TYPE, QF_KIND, QF_SLUG, QF_TITLE, QF_SUMMARY, QF_BODY,
    QF_PUBLISHED, QF_UPDATED, QF_AUTHORS, QF_FEED_UPDATED };
extern const struct db_query	q_feed_articles;	/* no params */
extern const struct db_query	q_feed_theme;		/* $1 theme slug */

/*
 * q_theme.c: a theme page in one statement, $1 slug. Rows by (type,
 * pos): type 1, one row: slug, title, summary, body_html, alias (t/f:
 * $1 is a merged theme's old slug, no items follow); type 2, every
 * published public item on it, any kind: kind, slug, title, summary,
 * published (date), words. No rows: no such theme.
 */
enum { QTP_TYPE, QTP_POS, QTP_C1, QTP_C2, QTP_C3, QTP_C4, QTP_C5,
    QTP_C6 };
extern const struct db_query	q_theme_page;

/*
 * CTE "t": the theme named by $1, or the theme a merged theme's old
 * slug (theme_alias) now points to, with alias true. A theme's own slug
 * wins over an alias of the same text.
 */
#define Q_THEME_BY_SLUG \
	"t AS (SELECT x.id, x.slug, x.title, x.summary, x.body_html," \
	" x.alias FROM (" \
	"  SELECT th.id, th.slug::text AS slug, th.title, th.summary," \
	"  th.body_html, false AS alias FROM theme th" \
	"  WHERE th.slug = $1::text" \
	"  UNION ALL" \
	"  SELECT th.id, th.slug::text, th.title, th.summary," \
	"  th.body_html, true FROM theme_alias al" \
	"  JOIN theme th ON th.id = al.theme_id WHERE al.slug = $1::text" \
	" ) x ORDER BY x.alias LIMIT 1)"

/* A timestamp as RFC 3339 UTC text. */
#define UTC(x) \
	"to_char(" x " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* Entry columns shared by every feed, the community feed too (alias i). */
/*
 * A story's entry names its pseudonym, never the accounts behind it, and
 * holds no body: in the body's place come its warnings (item_warnings(),
 * '' for none), which feed_entry() shows as the warning line. Lists,
 * feeds and search show a story's title and summary, never its text.
 */
#define FEED_ENTRY \
	"i.kind, i.slug::text, i.title, i.summary," \
	" CASE WHEN i.kind = 'verhaal' THEN item_warnings(i.id)" \
	" ELSE i.body_html END," \
	" " UTC("i.published_at") "," \
	" " UTC("greatest(i.updated_at, i.published_at)") "," \
	" CASE WHEN i.kind = 'verhaal' THEN coalesce((SELECT s.pseudonym" \
	" FROM story s WHERE s.item_id = i.id), '') ELSE" \
	" coalesce((SELECT string_agg(coalesce(ac.display_name, ''), E'\\n'" \
	" ORDER BY ac.id) FROM item_author au" \
	" JOIN account ac ON ac.id = au.account_id" \
	" WHERE au.item_id = i.id), '') END," \
	" " UTC("max(greatest(i.updated_at, i.published_at)) OVER ()")

#define FEED_MAX	"50"

/* Published and visible to everyone (alias i). */
#define Q_PUBLIC_I \
	"i.status = 'gepubliceerd' AND i.visibility = 'openbaar'" \
	" AND i.hidden_at IS NULL"

#endif
