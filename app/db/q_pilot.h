/*
 * The pilot page and the contact person's answer (issue 7). The page is
 * one statement of typed rows, like q_article_page: rows of types 1-8
 * have the columns of the article page (db/q_article.h QA_*), so the
 * rows go into web/article.h's struct article_rows; types 9-17 are the
 * pilot's own.
 */
#ifndef BRON_Q_PILOT_H
#define BRON_Q_PILOT_H

#include "db/q_article.h"

/*
 * The pilot page: $1 slug, $2 the reader's account id or '', $3 the
 * locale ("nl", "en": region and setting names). Rows by (type, pos),
 * columns QA_C1.. (0-based c[] in struct article_row):
 *   QA_ARTICLE .. QA_BACKLINK   as q_article_page (QA_META: checked and
 *               due are '' and false: pilots have no freshness check);
 *               related and backlinks are published items the reader
 *               may read
 *   QP_WHERE    1 row: region name, province name (NULL for a
 *               province or the whole country), setting name, project
 *               slug, project title, target group, age from, age to
 *               (NULL when not filled in)
 *   QP_WHEN     1 row: phase, start (YYYY-MM-DD), end, partners (one a
 *               line), missing (pilot_missing(), comma-separated)
 *   QP_TEXT     1 row: problem, approach, results, conditions (HTML)
 *   QP_FIGURE   label, value (numeric as text), unit
 *   QP_LESSON   id, kind, statement, explanation (HTML); by kind in
 *               core/pilot.h order, then position
 *   QP_CITED    lesson id, kind, slug, title, summary: a published item
 *               the reader may read whose body links /lessen/{id}
 *   QP_PHASE    phase, since (YYYY-MM-DD), note; oldest first
 *   QP_CONTACT  account id, display name: only for a signed-in reader,
 *               once the contact agreed, while the account is active
 *   QP_FOLLOW   following (t/f): signed-in readers only
 * No rows: no such pilot, or one this reader may not see.
 */
enum { QP_WHERE = 9, QP_WHEN, QP_TEXT, QP_FIGURE, QP_LESSON, QP_CITED,
    QP_PHASE, QP_CONTACT, QP_FOLLOW };
extern const struct db_query	q_pilot_page;

/*
 * The contact person's page: $1 slug, $2 account id. One row when $2
 * is the contact person asked (or agreed), or answered for this pilot
 * before: item id, slug, title, summary, status, readable (t/f: the
 * pilot page would show it to $2), asked by (display name of whoever
 * named $2, '' when unknown), state: "gevraagd", "ja" (agreed and still
 * the contact) or "nee" (no longer the contact).
 */
enum { QPC_ID, QPC_SLUG, QPC_TITLE, QPC_SUMMARY, QPC_STATUS, QPC_READABLE,
    QPC_ASKER, QPC_STATE };
extern const struct db_query	q_pilot_contact;

/* pilot_contact_answer(): $1 item id, $2 account id, $3 yes (t/f). */
extern const struct db_query	q_pilot_contact_answer;

/* Published, not hidden, public or readable by the reader (alias i). */
#define Q_PILOT_SEEN(reader) \
	"((" Q_PUBLIC_I ") OR (" reader " IS NOT NULL" \
	" AND i.status = 'gepubliceerd' AND i.hidden_at IS NULL" \
	" AND item_may_read(i.id, " reader ")))"

#endif
