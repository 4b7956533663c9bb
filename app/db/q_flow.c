/*
 * Workflow queries (issue 5). Who may do what is decided in SQL:
 * item_transition() and item_save() raise 42501 / 55000 / P0002 and
 * write the audit rows in the same statement; the pages ask
 * item_may_edit() so that revisions never leave the database for
 * someone who may not see them.
 */
#include "db/q_flow.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

/* Times: ISO 8601 for <time datetime>, and as shown in the Netherlands. */
#define AT_ISO(c) \
	"to_char((" c ") AT TIME ZONE 'UTC', " \
	"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define AT_SHOWN(c) \
	"to_char((" c ") AT TIME ZONE 'Europe/Amsterdam', " \
	"'DD-MM-YYYY HH24:MI')"
#define DAY_SHOWN(c) \
	"to_char((" c ") AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY')"
/* Published and not checked for 12 months: due for a check. */
#define DUE(i) \
	"(" i ".status = 'gepubliceerd' AND (" i ".checked_at IS NULL OR " \
	i ".checked_at < now() - interval '12 months'))"
/* The authors' names in one line; $L names a deleted account. */
#define AUTHORS(id, L) \
	"coalesce((SELECT string_agg(coalesce(a.display_name, " L "::text)," \
	"    ', ' ORDER BY a.display_name NULLS LAST, a.id)" \
	"    FROM item_author ia JOIN account a ON a.id = ia.account_id" \
	"    WHERE ia.item_id = " id "), '')"

/*
 * An item of a members-only or closed community does not exist for
 * someone who may neither read nor edit it: no row, so 404 (never a 403
 * that would tell the slug is taken). Alias i, reader r.
 */
#define IN_REACH(i, r) \
	"(" i ".visibility = 'openbaar' OR item_may_edit(" i ".id, " r ")" \
	" OR community_may_read(" i ".community_id, " r "))"

/*
 * May actor A change item I of kind K: a resource only while
 * resource_may_edit() (editors; its suggester while a concept), every
 * other kind item_may_edit().
 */
#define MAY_EDIT(K, I, A) \
	"CASE WHEN " K " = 'bron' THEN resource_may_edit(" I ", " A ")" \
	" ELSE item_may_edit(" I ", " A ") END"

/* The item and what the actor ($2, '' for a visitor) may do; K kind. */
#define FLOW_ITEM(K) \
	"WITH i AS (SELECT id, slug, title, status, revision," \
	"    " MAY_EDIT("kind", "id", "nullif($2::text, '')::bigint") " AS may," \
	"    account_is_editor(nullif($2::text, '')::bigint) AS editor," \
	"    item_may_read(id, nullif($2::text, '')::bigint) AS readable" \
	"    FROM item WHERE kind = " K "::text AND slug = $1::text" \
	"    AND " IN_REACH("item", "nullif($2::text, '')::bigint") ")"
#define FLOW_COLS \
	"i.id, i.slug, i.title, i.status, i.revision, i.may, i.editor," \
	" r.rev, " AT_ISO("r.created_at") ", " AT_SHOWN("r.created_at") "," \
	" r.author_id, a.display_name, r.note, r.restored_from, i.readable"

/*
 * A pilot's fields (QF_PF_NCOLS columns, q_flow.h) from the jsonb F in
 * pilot_snapshot()'s shape; names in locale L ('en' or else Dutch).
 * F may be NULL: every column is "" then.
 */
#define PF_NAME(t, L) "CASE WHEN " L " = 'en' THEN " t ".name_en" \
	" ELSE " t ".name END"
#define PF_COLS(F, L) \
	"coalesce((SELECT " PF_NAME("x", L) " || coalesce(' (' ||" \
	"    " PF_NAME("y", L) " || ')', '') FROM region x" \
	"    LEFT JOIN region y ON y.slug = x.province" \
	"    WHERE x.slug = (" F ")->>'region'), (" F ")->>'region', '')," \
	" coalesce((SELECT " PF_NAME("s", L) " FROM pilot_setting s" \
	"    WHERE s.slug = (" F ")->>'setting'), (" F ")->>'setting', '')," \
	" coalesce((SELECT g.title FROM change_goal g" \
	"    WHERE g.slug = (" F ")->>'project'), (" F ")->>'project', '')," \
	" coalesce((" F ")->>'target_group', '')," \
	" coalesce((" F ")->>'age_min', ''), coalesce((" F ")->>'age_max', '')," \
	" coalesce((" F ")->>'phase', '')," \
	" coalesce((" F ")->>'start', ''), coalesce((" F ")->>'end', '')," \
	" coalesce((SELECT string_agg(e.x, E'\\n' ORDER BY e.o)" \
	"    FROM jsonb_array_elements_text(coalesce((" F ")->'partners'," \
	"    '[]'::jsonb)) WITH ORDINALITY AS e (x, o)), '')," \
	" coalesce((SELECT string_agg((e.x->>'label') || ' = ' ||" \
	"    (e.x->>'value') || CASE WHEN coalesce(e.x->>'unit', '') <> ''" \
	"    THEN ' ' || (e.x->>'unit') ELSE '' END, E'\\n' ORDER BY e.o)" \
	"    FROM jsonb_array_elements(coalesce((" F ")->'figures'," \
	"    '[]'::jsonb)) WITH ORDINALITY AS e (x, o)), '')," \
	" coalesce((" F ")->>'contact', '')," \
	" coalesce((" F ")->>'problem_md', '')," \
	" coalesce((" F ")->>'approach_md', '')," \
	" coalesce((" F ")->>'results_md', '')," \
	" coalesce((" F ")->>'conditions_md', '')"

/*
 * What pilot_missing() (sql/006_pilot.sql) would say of the fields in
 * the jsonb F, in its order and names, comma-separated; "" for NULL.
 */
#define PF_EMPTY(F, k, name) \
	" CASE WHEN btrim(coalesce((" F ")->>'" k "', '')) = ''" \
	" THEN '" name "' END"
#define PF_MISSING(F) \
	"CASE WHEN (" F ") IS NULL THEN '' ELSE array_to_string(" \
	"    array_remove(ARRAY[" PF_EMPTY(F, "region", "region") "," \
	PF_EMPTY(F, "setting", "setting") "," PF_EMPTY(F, "phase", "phase") \
	"," PF_EMPTY(F, "start", "start") "," \
	PF_EMPTY(F, "problem_md", "problem") "," \
	PF_EMPTY(F, "approach_md", "approach") "], NULL), ',') END"

/*
 * Someone who may not see a draft learns nothing about it (no row:
 * 404); on a published item item_transition() decides (42501: 403).
 */
const struct db_query	q_flow_transition = {
	"flow_transition",
	"SELECT i.slug, item_transition(i.id, $2::bigint, $3::text, $4::text,"
	"    nullif($5::text, '')::integer)"
	" FROM item i WHERE i.kind = $6::text AND i.slug = $1::text"
	"  AND (i.status = 'gepubliceerd' OR item_may_edit(i.id, $2::bigint))"
	"  AND " IN_REACH("i", "$2::bigint"),
	6
};

const struct db_query	q_flow_missing = {
	"flow_missing",
	"SELECT coalesce(array_to_string(coalesce(pilot_missing(i.id),"
	"    resource_missing(i.id)), ','), '')"
	" FROM item i WHERE i.kind = $2::text AND i.slug = $1::text"
	"  AND (i.status = 'gepubliceerd' OR item_may_edit(i.id, $3::bigint))"
	"  AND " IN_REACH("i", "$3::bigint"),
	3
};

/* The texts of a pilot's fields as the HTML rendered when it was saved. */
const struct db_query	q_flow_review = {
	"flow_review",
	"SELECT i.id, i.slug, i.title, i.summary, i.toc_html, i.body_html,"
	"    i.status, i.revision, " AUTHORS("i.id", "$2") ","
	"    coalesce(array_to_string(pilot_missing(i.id), ','), ''),"
	"    p.contact_agreed_at IS NOT NULL,"
	"    " PF_COLS("z.f", "$4") ","
	"    coalesce(p.problem_html, ''), coalesce(p.approach_html, ''),"
	"    coalesce(p.results_html, ''), coalesce(p.conditions_html, '')"
	" FROM item i LEFT JOIN pilot p ON p.item_id = i.id"
	" CROSS JOIN LATERAL (SELECT CASE WHEN i.kind = 'pilot'"
	"    THEN pilot_snapshot(i.id) END AS f) z"
	" WHERE i.kind = $3::text AND i.slug = $1::text",
	4
};

const struct db_query	q_flow_history = {
	"flow_history",
	FLOW_ITEM("$3")
	" SELECT " FLOW_COLS
	" FROM i LEFT JOIN item_revision r ON r.item_id = i.id AND i.may"
	" LEFT JOIN account a ON a.id = r.author_id"
	" ORDER BY r.rev DESC",
	3
};

/* Every revision for the pickers; the texts of the two compared only. */
const struct db_query	q_flow_diff = {
	"flow_diff",
	FLOW_ITEM("$5") ","
	" w AS (SELECT coalesce(nullif($4::text, '')::int, i.revision) AS naar"
	"    FROM i),"
	" v AS (SELECT coalesce(nullif($3::text, '')::int, w.naar - 1) AS van,"
	"    w.naar FROM w)"
	" SELECT " FLOW_COLS ", v.van, v.naar,"
	"    CASE WHEN r.rev IN (v.van, v.naar) THEN r.title END,"
	"    CASE WHEN r.rev IN (v.van, v.naar) THEN r.summary END,"
	"    CASE WHEN r.rev IN (v.van, v.naar) THEN r.body_md END,"
	"    " PF_COLS("z.f", "$6")
	" FROM i CROSS JOIN v"
	" LEFT JOIN item_revision r ON r.item_id = i.id AND i.may"
	" LEFT JOIN account a ON a.id = r.author_id"
	" LEFT JOIN LATERAL (SELECT CASE WHEN r.rev IN (v.van, v.naar)"
	"    THEN r.fields END AS f) z ON true"
	" ORDER BY r.rev DESC",
	6
};

const struct db_query	q_flow_revision = {
	"flow_revision",
	FLOW_ITEM("$4")
	" SELECT " FLOW_COLS ", r.title, r.summary, r.body_md,"
	"    " PF_COLS("r.fields", "$5")
	" FROM i LEFT JOIN item_revision r ON r.item_id = i.id AND i.may"
	"    AND r.rev = $3::int"
	" LEFT JOIN account a ON a.id = r.author_id",
	5
};

const struct db_query	q_flow_restore_src = {
	"flow_restore_src",
	"WITH i AS (SELECT id, slug, status, revision, community_id, kind,"
	"    " MAY_EDIT("kind", "id", "$2::bigint") " AS may,"
	"    account_is_editor($2::bigint) AS editor"
	"    FROM item WHERE kind = $4::text AND slug = $1::text"
	"    AND " IN_REACH("item", "$2::bigint") ")"
	" SELECT i.id, i.slug, i.status, i.revision, i.may, i.editor,"
	"    r.rev IS NOT NULL, r.title, r.summary, r.body_md,"
	"    coalesce((SELECT string_agg(t.slug, E'\\n' ORDER BY t.slug)"
	"    FROM item_theme it JOIN theme t ON t.id = it.theme_id"
	"    WHERE it.item_id = i.id), ''),"
	"    coalesce((SELECT string_agg(g.tag, E'\\n' ORDER BY g.tag)"
	"    FROM item_tag g WHERE g.item_id = i.id), ''),"
	"    coalesce((SELECT c.slug FROM community c"
	"    WHERE c.id = i.community_id), ''),"
	"    coalesce((SELECT string_agg(o.kind || '/' || o.slug, E'\\n'"
	"    ORDER BY o.kind, o.slug) FROM item_link l"
	"    JOIN item o ON o.id = l.to_id"
	"    WHERE l.from_id = i.id AND l.type = 'gerelateerd'), ''),"
	"    coalesce(z.f->>'problem_md', ''),"
	"    coalesce(z.f->>'approach_md', ''),"
	"    coalesce(z.f->>'results_md', ''),"
	"    coalesce(z.f->>'conditions_md', ''),"
	"    " PF_MISSING("z.f")
	" FROM i LEFT JOIN item_revision r ON r.item_id = i.id"
	"    AND r.rev = $3::int AND i.may"
	" LEFT JOIN LATERAL (SELECT CASE WHEN i.kind = 'pilot' THEN"
	"    coalesce(r.fields, pilot_snapshot(i.id)) END AS f) z ON true",
	4
};

/*
 * The owner stays (NULL); the note is empty: restored_from says it.
 * A resource goes through resource_save() (its rights, and its fields
 * as the revision kept them, today's when it kept none; files stay):
 * each branch runs only for its kind (a one-time filter on $17).
 */
const struct db_query	q_flow_restore = {
	"flow_restore",
	"SELECT id, slug, revision, conflict, NULL::text FROM item_save("
	"    $17::text, $1::bigint, $2::int, $3::bigint, $4::text, $5::text,"
	"    $6::text, $7::text, $8::text, $9::int, '', $10::text, $11::text,"
	"    $12::text, $13::text, NULL, $14::text, $15::text, NULL, $16::int)"
	" WHERE $17::text <> 'bron'"
	" UNION ALL"
	" SELECT id, slug, revision, conflict, error FROM resource_save("
	"    $1::bigint, $2::int, $3::bigint, $4::text, $5::text, $6::text,"
	"    $7::text, $8::text, $9::int, '', $10::text, $11::text, $12::text,"
	"    $13::text, NULL, $14::text, $15::text, NULL,"
	"    coalesce((SELECT r.fields FROM item_revision r"
	"    WHERE r.item_id = $1::bigint AND r.rev = $16::int),"
	"    resource_snapshot($1::bigint), '{}'::jsonb), $16::int)"
	" WHERE $17::text = 'bron'",
	17
};

const struct db_query	q_flow_restore_pilot = {
	"flow_restore_pilot",
	"SELECT id, slug, revision, conflict, error FROM pilot_save("
	"    $1::bigint, $2::int, $3::bigint, $4::text, $5::text, $6::text,"
	"    $7::text, $8::text, $9::int, '', $10::text, $11::text, $12::text,"
	"    $13::text, NULL, $14::text, $15::text, NULL, $16::int,"
	"    coalesce((SELECT r.fields FROM item_revision r"
	"    WHERE r.item_id = $1::bigint AND r.rev = $16::int),"
	"    pilot_snapshot($1::bigint), '{}'::jsonb)"
	"    || jsonb_build_object('problem_html', $17::text,"
	"    'approach_html', $18::text, 'results_html', $19::text,"
	"    'conditions_html', $20::text, 'contact',"
	"    coalesce((SELECT c.display_name FROM pilot p"
	"    JOIN account c ON c.id = p.contact_id"
	"    WHERE p.item_id = $1::bigint), '')))",
	20
};

/*
 * The kinds /redactie and "Mijn bijdragen" list. Each needs its row in
 * web/flow_kind.c (an unknown kind fails the page): add 'bron' here
 * together with the resources' row (its words are MSG_re_fk_*).
 */
#define FLOW_LISTED	"('artikel', 'pilot', 'bron')"

/* A resource a member suggested (created by someone not an editor). */
#define SUGGESTED(i) \
	"(" i ".kind = 'bron' AND NOT coalesce(account_is_editor(" i \
	".created_by), false))"

/*
 * Ter review: since the last submission (audit 'indienen'), oldest
 * first. Due (articles only, the kind with an owner who checks it
 * yearly): never checked first. Sent back: since the decision.
 */
const struct db_query	q_flow_queue = {
	"flow_queue",
	"SELECT x.sec, x.slug, x.title, " AUTHORS("x.id", "$1") ","
	"    " AT_ISO("x.at") ", " DAY_SHOWN("x.at") ", x.feedback, x.total,"
	"    x.kind, x.suggested"
	" FROM ("
	"  SELECT 1 AS sec, i.id, i.slug, i.title, s.at, '' AS feedback,"
	"    count(*) OVER () AS total,"
	"    row_number() OVER (ORDER BY s.at, i.id) AS rn, i.kind,"
	"    " SUGGESTED("i") " AS suggested"
	"  FROM item i CROSS JOIN LATERAL (SELECT coalesce((SELECT max(au.at)"
	"    FROM audit au WHERE au.action = 'indienen'"
	"    AND au.target_id = i.id), i.updated_at) AS at) s"
	"  WHERE i.kind IN " FLOW_LISTED
	"    AND i.status = 'ter_review'"
	"  UNION ALL"
	"  SELECT 2, i.id, i.slug, i.title, i.checked_at, '', count(*) OVER (),"
	"    row_number() OVER (ORDER BY i.checked_at NULLS FIRST, i.id),"
	"    i.kind, false"
	"  FROM item i WHERE i.kind = 'artikel' AND " DUE("i")
	"  UNION ALL"
	"  SELECT 3, i.id, i.slug, i.title, s.at, i.feedback, count(*) OVER (),"
	"    row_number() OVER (ORDER BY s.at DESC, i.id), i.kind,"
	"    " SUGGESTED("i")
	"  FROM item i CROSS JOIN LATERAL (SELECT coalesce((SELECT max(rv.at)"
	"    FROM item_review rv WHERE rv.item_id = i.id"
	"    AND rv.decision = 'teruggestuurd'), i.updated_at) AS at) s"
	"  WHERE i.kind IN " FLOW_LISTED
	"    AND i.status = 'concept'"
	"    AND i.feedback <> ''"
	" ) x WHERE x.rn <= " STR(FLOW_QUEUE_MAX) " ORDER BY x.sec, x.rn",
	1
};

/* Only an article's owner is asked to check it yearly (DUE). */
const struct db_query	q_flow_mine = {
	"flow_mine",
	"SELECT i.slug, i.title, i.status, i.feedback,"
	"    i.kind = 'artikel' AND i.owner_id IS NOT DISTINCT FROM $1::bigint"
	"    AND " DUE("i") ","
	"    " AT_ISO("i.updated_at") ", " DAY_SHOWN("i.updated_at") ","
	"    i.owner_id IS NOT DISTINCT FROM $1::bigint, i.kind"
	" FROM item i WHERE i.kind IN " FLOW_LISTED " AND i.id IN"
	"    (SELECT o.id FROM item o WHERE o.owner_id = $1::bigint"
	"    UNION SELECT ia.item_id FROM item_author ia"
	"    WHERE ia.account_id = $1::bigint)"
	" ORDER BY i.updated_at DESC, i.id DESC LIMIT " STR(FLOW_MINE_MAX),
	1
};
