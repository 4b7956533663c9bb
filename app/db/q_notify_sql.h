/*
 * SQL fragments shared by the notification page (db/q_notify.c) and the
 * weekly digest (tools/bron.c, which has no Kore): what a notification
 * row says besides its kind and title. Plain macros, no Kore headers.
 */
#ifndef BRON_Q_NOTIFY_SQL_H
#define BRON_Q_NOTIFY_SQL_H

/*
 * The variant of a kind's sentence (core/notify_text.c). The row says
 * only kind and subject; the rest is read from what holds now:
 *   nieuw_item    'c' when it belongs to a community
 *   lidmaatschap  to moderators (href .../leden): 'aanvraag' while the
 *                 actor's request is open, 'nieuw' once they are a
 *                 member, else 'leden'; to the person: 'uitnodiging'
 *                 while their invitation is open, else '' (a decision)
 *   beoordeling   the decision of the review that caused it
 *   moderatie     'bericht_' or 'item_' + 'verborgen' or 'hersteld'
 *   mastermind    'besluit' to the author of the amendment it links to,
 *                 'aanvulling' to runners about an amendment, else
 *                 'geopend' (the minutes are open for amendments)
 *   actie         'herinnering:YYYY-MM-DD' when the text starts so
 *                 (mm_action_remind(); the due date), else '' (you
 *                 own an action). MM_TEXT strips it from the text.
 */
#define NOTIFY_SUB(v) \
	"CASE " v ".kind" \
	" WHEN 'nieuw_item' THEN CASE WHEN " v ".community_id IS NULL" \
	"   THEN '' ELSE 'c' END" \
	" WHEN 'lidmaatschap' THEN CASE WHEN " v ".href LIKE '%/leden'" \
	"   THEN coalesce((SELECT CASE m.state WHEN 'aanvraag' THEN" \
	"   'aanvraag' WHEN 'lid' THEN 'nieuw' END FROM member m" \
	"   WHERE m.community_id = " v ".community_id" \
	"   AND m.account_id = " v ".actor_id), 'leden')" \
	"   WHEN EXISTS (SELECT 1 FROM member m" \
	"   WHERE m.community_id = " v ".community_id" \
	"   AND m.account_id = " v ".account_id" \
	"   AND m.state = 'uitgenodigd') THEN 'uitnodiging' ELSE '' END" \
	" WHEN 'beoordeling' THEN coalesce((SELECT r.decision" \
	"   FROM item_review r WHERE r.item_id = " v ".item_id" \
	"   AND r.at <= " v ".created_at ORDER BY r.at DESC LIMIT 1), '')" \
	" WHEN 'moderatie' THEN CASE WHEN " v ".post_id IS NOT NULL" \
	"   THEN 'bericht_' || CASE WHEN (SELECT p.hidden_at FROM post p" \
	"   WHERE p.id = " v ".post_id) IS NULL THEN 'hersteld'" \
	"   ELSE 'verborgen' END" \
	"   ELSE 'item_' || CASE WHEN (SELECT i.hidden_at FROM item i" \
	"   WHERE i.id = " v ".item_id) IS NULL THEN 'hersteld'" \
	"   ELSE 'verborgen' END END" \
	" WHEN 'mastermind' THEN CASE WHEN " v ".href !~ '#aanvulling-[0-9]+$'" \
	"   THEN 'geopend' WHEN EXISTS (SELECT 1 FROM mm_amendment a" \
	"   WHERE a.id = substring(" v ".href FROM '#aanvulling-([0-9]{1,18})$')" \
	"   ::bigint AND a.author_id = " v ".account_id) THEN 'besluit'" \
	"   ELSE 'aanvulling' END" \
	" WHEN 'actie' THEN CASE WHEN " v ".text" \
	"   ~ '^herinnering:[0-9]{4}-[0-9]{2}-[0-9]{2}:'" \
	"   THEN substr(" v ".text, 1, 22) ELSE '' END" \
	" ELSE '' END"

/* The text shown: a reminder's without its "herinnering:<date>:". */
#define NOTIFY_TEXT(v) \
	"CASE WHEN " v ".kind = 'actie' AND " v ".text" \
	" ~ '^herinnering:[0-9]{4}-[0-9]{2}-[0-9]{2}:'" \
	" THEN substr(" v ".text, 24) ELSE " v ".text END"

/* The moderator's note to the author of what is hidden now. */
#define NOTIFY_NOTE(v) \
	"CASE WHEN " v ".kind = 'moderatie' THEN coalesce(" \
	"  (SELECT p.hidden_note FROM post p WHERE p.id = " v ".post_id" \
	"  AND p.hidden_at IS NOT NULL)," \
	"  (SELECT i.hidden_note FROM item i WHERE i.id = " v ".item_id" \
	"  AND i.hidden_at IS NOT NULL), '') ELSE '' END"

/*
 * The actor's display name: '' when there is none (the system), the
 * text bound as L when the account was deleted.
 */
#define NOTIFY_ACTOR(v, a, L) \
	"CASE WHEN " v ".actor_id IS NULL THEN ''" \
	" WHEN " a ".deleted_at IS NOT NULL OR " a ".display_name IS NULL" \
	" THEN " L " ELSE " a ".display_name END"

#endif
