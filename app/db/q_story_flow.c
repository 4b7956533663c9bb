/*
 * The storyteller's and the editors' steps on a story (issue 9; see
 * q_story_flow.h for the columns).
 */
#include "db/q_story_flow.h"

#define READER	"nullif($2::text, '')::bigint"
#define AT_ISO(c) \
	"to_char((" c ") AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define DAY_SHOWN(c) \
	"to_char((" c ") AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY')"

const struct db_query q_sfl_story = {
	"sfl_story",
	"SELECT i.id::text, i.slug::text, i.title, i.summary, i.body_html,"
	" i.revision::text, s.state, coalesce(s.scope, ''),"
	" coalesce(s.scope_wanted, ''), s.pseudonym,"
	" array_to_string(s.warnings, ' '), array_to_string(s.checklist, ' '),"
	" s.review_note, coalesce(s.reviewed_rev::text, ''),"
	" story_may_read(i.id, " READER ")::text,"
	" story_is_teller(i.id, " READER ")::text,"
	" account_is_editor(" READER ")::text,"
	" account_is_admin(" READER ")::text,"
	" coalesce(" DAY_SHOWN("s.submitted_at") ", ''),"
	" coalesce(c.scope, ''), coalesce(c.text_version, ''),"
	" coalesce(c.under16::text, ''), coalesce(c.guardian_version, ''),"
	" coalesce(" DAY_SHOWN("c.at") ", ''),"
	" EXISTS (SELECT 1 FROM item_review r WHERE r.item_id = i.id"
	"  AND r.decision = 'goedgekeurd' AND r.rev < i.revision)::text"
	" FROM item i JOIN story s ON s.item_id = i.id"
	" LEFT JOIN LATERAL (SELECT k.scope, k.text_version, k.under16,"
	"  k.guardian_version, k.at FROM story_consent k"
	"  WHERE k.item_id = i.id AND k.text_version <> ''"
	"  ORDER BY k.id DESC LIMIT 1) c ON true"
	" WHERE i.slug = $1::text AND i.kind = 'verhaal'",
	2
};

const struct db_query q_sfl_reviews = {
	"sfl_reviews",
	"SELECT r.rev::text, r.decision, r.note, " DAY_SHOWN("r.at")
	" FROM item_review r WHERE r.item_id = $1::bigint"
	" ORDER BY r.at DESC, r.id DESC LIMIT 20",
	1
};

const struct db_query q_sfl_review = {
	"sfl_review",
	"SELECT story_review($1::bigint, $2::bigint, $3::integer, $4::text,"
	" $5::text)",
	5
};

const struct db_query q_sfl_scope_decide = {
	"sfl_scope_decide",
	"SELECT story_scope_decide($1::bigint, $2::bigint, $3::boolean)",
	3
};

const struct db_query q_sfl_publish = {
	"sfl_publish",
	"SELECT story_publish($1::bigint, $2::bigint, $3::integer)",
	3
};

const struct db_query q_sfl_withdraw = {
	"sfl_withdraw",
	"SELECT story_withdraw($1::bigint, $2::bigint)",
	2
};

const struct db_query q_sfl_scope_change = {
	"sfl_scope_change",
	"SELECT story_scope_change($1::bigint, $2::bigint, $3::text, $4::text,"
	" $5::boolean, $6::text, $7::text)",
	7
};

const struct db_query q_sfl_author = {
	"sfl_author",
	"SELECT a.account_id::text, coalesce(a.display_name, ''),"
	" a.deleted::text FROM story_author_look($1::bigint, $2::bigint) a",
	2
};

/* Stories an editor may review: not their own. */
#define EDITOR_MAY(i) \
	"account_is_editor($1::bigint) AND NOT story_is_teller(" i \
	", $1::bigint)"

const struct db_query q_sfl_queue = {
	"sfl_queue",
	"(SELECT 1 AS t, i.slug::text AS a, i.title AS b, s.pseudonym AS c,"
	"  array_to_string(s.warnings, ' ') AS d,"
	"  " AT_ISO("coalesce(s.submitted_at, i.updated_at)") " AS e,"
	"  " DAY_SHOWN("coalesce(s.submitted_at, i.updated_at)") " AS f,"
	"  EXISTS (SELECT 1 FROM item_review r WHERE r.item_id = i.id"
	"  AND r.decision = 'goedgekeurd')::text AS g"
	" FROM story s JOIN item i ON i.id = s.item_id"
	" WHERE s.state = 'ter_review' AND " EDITOR_MAY("i.id")
	" ORDER BY s.submitted_at NULLS FIRST, i.id LIMIT 200)"
	" UNION ALL"
	" (SELECT 2, i.slug::text, i.title, s.pseudonym, s.state,"
	"  " AT_ISO("i.updated_at") ", " DAY_SHOWN("i.updated_at") ", ''"
	" FROM story s JOIN item i ON i.id = s.item_id"
	" WHERE s.state IN ('voorstel', 'akkoord') AND " EDITOR_MAY("i.id")
	" ORDER BY i.updated_at, i.id LIMIT 200)"
	" UNION ALL"
	" (SELECT 3, i.slug::text, i.title, s.pseudonym, s.scope,"
	"  s.scope_wanted,"
	"  coalesce((SELECT " DAY_SHOWN("max(k.at)") " FROM story_consent k"
	"  WHERE k.item_id = i.id AND k.event = 'verruiming_gevraagd'), ''),"
	"  ''"
	" FROM story s JOIN item i ON i.id = s.item_id"
	" WHERE s.scope_wanted IS NOT NULL AND s.state <> 'ingetrokken'"
	" AND " EDITOR_MAY("i.id")
	" ORDER BY i.id LIMIT 200)"
	" UNION ALL"
	" (SELECT 4, r.id::text, i.slug::text, i.title, r.body_html,"
	"  " AT_ISO("r.created_at") ", " DAY_SHOWN("r.created_at") ", ''"
	" FROM story_reply r JOIN item i ON i.id = r.item_id"
	" WHERE r.state = 'wacht' AND account_is_editor($1::bigint)"
	" AND story_may_read(i.id, $1::bigint)"
	" ORDER BY r.created_at, r.id LIMIT 200)"
	" UNION ALL"
	" SELECT 5, count(*)::text, '', '', '', '', '', ''"
	" FROM story s WHERE s.state = 'ingetrokken'"
	" AND s.withdrawn_at > now() - interval '30 days'"
	" AND account_is_editor($1::bigint)",
	1
};

const struct db_query q_sfl_waiting = {
	"sfl_waiting",
	"SELECT count(*)::text FROM story s"
	" WHERE (s.state = 'ter_review' OR (s.scope_wanted IS NOT NULL"
	" AND s.state <> 'ingetrokken'))"
	" AND account_is_editor($1::bigint)"
	" AND NOT story_is_teller(s.item_id, $1::bigint)",
	1
};
