/*
 * The story editor's two statements (the page, and the save with the
 * optional send-in: story_save() and story_submit() in
 * sql/008_story.sql) and the list of one's own stories.
 */
#include "db/q_story_edit.h"

/* Columns a row of a group does not use. */
#define N1	"NULL::text"
#define N2	N1 "," N1
#define N4	N2 "," N2
#define N8	N4 "," N4
#define N13	N8 "," N4 "," N1
#define N14	N8 "," N4 "," N2
#define N15	N8 "," N4 "," N2 "," N1

const struct db_query	q_story_edit_page = {
	"story_edit_page",
	"WITH it AS (SELECT i.id, i.slug, i.title, i.summary, i.body_md,"
	"    i.revision, i.community_id, i.keep_after_delete, s.state,"
	"    s.scope, s.review_note, s.pseudonym, s.warnings, s.checklist"
	"    FROM item i JOIN story s ON s.item_id = i.id"
	"    WHERE i.kind = 'verhaal' AND i.slug = $2::text),"
	" ok AS (SELECT it.*, story_may_read(it.id, $1::bigint) AS may_read,"
	"    story_is_teller(it.id, $1::bigint) AS teller FROM it)"
	" SELECT 1 AS g, 0::bigint AS o, ok.id::text, ok.slug, ok.title,"
	"    ok.summary, ok.body_md, ok.revision::text, ok.state,"
	"    coalesce(ok.scope, ''), ok.review_note, ok.pseudonym,"
	"    array_to_string(ok.warnings, E'\\n'),"
	"    array_to_string(ok.checklist, E'\\n'),"
	"    CASE WHEN ok.keep_after_delete THEN 't' ELSE 'f' END,"
	"    coalesce(c.slug, ''), CASE WHEN ok.may_read THEN 't' ELSE 'f' END,"
	"    CASE WHEN ok.teller THEN 't' ELSE 'f' END"
	" FROM ok LEFT JOIN community c ON c.id = ok.community_id"
	" UNION ALL"
	/* The lists only for the storyteller (or a new story). */
	" SELECT 2, row_number() OVER (ORDER BY t.position, t.title, t.id),"
	"    t.slug, t.title, CASE WHEN EXISTS (SELECT 1 FROM item_theme x"
	"    JOIN ok ON ok.id = x.item_id WHERE x.theme_id = t.id)"
	"    THEN 't' ELSE 'f' END, " N13
	" FROM theme t WHERE $1::bigint IS NOT NULL AND ($2::text = ''"
	"    OR EXISTS (SELECT 1 FROM ok WHERE ok.teller))"
	" UNION ALL"
	/* Communities the writer may post in, and the one it is in now. */
	" SELECT 3, row_number() OVER (ORDER BY c.name, c.id), c.slug, c.name,"
	"    " N14 " FROM community c"
	" WHERE $1::bigint IS NOT NULL AND ($2::text = ''"
	"    OR EXISTS (SELECT 1 FROM ok WHERE ok.teller))"
	"    AND (community_may_post(c.id, $1::bigint)"
	"    OR c.id IN (SELECT community_id FROM ok))"
	" UNION ALL"
	/* A repeated create: the story the first POST with this nonce made. */
	" SELECT 4, 0, i.slug, " N15
	" FROM item i WHERE $3::text <> '' AND i.idem = $3::text"
	"    AND i.created_by = $1::bigint AND i.kind = 'verhaal'"
	" ORDER BY 1, 2",
	3
};

/*
 * story_submit() runs on the revision story_save() made (LATERAL: after
 * it). An error word cannot come back with the save kept: the checks
 * ran in C already, and should one still fail, casting the word to
 * integer fails the statement (22P02), so nothing is written. The
 * state column is the one after the statement (its own snapshot does
 * not see what the functions wrote).
 */
const struct db_query	q_story_edit_save = {
	"story_edit_save",
	"SELECT s.id, s.slug, s.revision, s.conflict, s.error,"
	"    CASE WHEN sub.r = '' THEN CASE WHEN sub.sent THEN 'ter_review'"
	"    ELSE s.state END ELSE ('story_submit: ' || sub.r)::integer::text"
	"    END"
	" FROM story_save($1::bigint, $2::integer, $3::bigint, $4::text,"
	"    $5::text, $6::text, $7::text, $8::text, $9::integer, $10::text,"
	"    $11::text, $12::text, $13::text, $14::text,"
	"    ARRAY(SELECT lines($15::text)), ARRAY(SELECT lines($16::text)),"
	"    $17::boolean, $18::text) AS s"
	" CROSS JOIN LATERAL (SELECT CASE WHEN $19::text = 't'"
	"    AND NOT s.conflict AND s.error = '' THEN story_submit(s.id,"
	"    $3::bigint, s.revision, $20::text, $21::text, $22::boolean,"
	"    $23::text, $24::text) ELSE '' END AS r,"
	"    $19::text = 't' AND NOT s.conflict AND s.error = '' AS sent"
	"    OFFSET 0) sub",
	24
};

const struct db_query	q_story_mine = {
	"story_mine",
	"SELECT i.slug, i.title, s.pseudonym, s.state, coalesce(s.scope, ''),"
	"    coalesce(s.scope_wanted, ''), array_to_string(s.warnings, ' '),"
	"    to_char(i.updated_at AT TIME ZONE 'Europe/Amsterdam',"
	"    'YYYY-MM-DD'), i.revision::text"
	" FROM item i JOIN story s ON s.item_id = i.id"
	" WHERE i.kind = 'verhaal' AND i.owner_id = $1::bigint"
	"    AND story_is_teller(i.id, $1::bigint)"
	" ORDER BY i.updated_at DESC, i.id DESC LIMIT 500",
	1
};
