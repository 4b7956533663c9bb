/*
 * Lessons learned (q_lesson.h for the columns). A lesson is read
 * exactly when its pilot may be (lesson_may_read()); it is written by
 * whoever may edit its pilot, which lesson_save() and lesson_delete()
 * check again.
 */
#include "db/q_lesson.h"
#include "db/q_pilot.h"

#define READER	"nullif($2::text, '')::bigint"

#define NAME(x) \
	"CASE WHEN $3::text = 'en' THEN " x ".name_en ELSE " x ".name END"

const struct db_query q_lesson_page = {
	"lesson_page",
	"WITH l AS ("
	"  SELECT x.id, x.kind, x.statement, x.explanation_html, x.pilot_id"
	"  FROM lesson x WHERE x.id = $1::bigint"
	"  AND lesson_may_read(x.id, " READER ")"
	")"
	" SELECT 1 AS t, 0::bigint AS pos, l.id::text, l.kind, l.statement,"
	" l.explanation_html, i.slug::text, i.title,"
	" lesson_may_edit(i.id, " READER ")::text,"
	" i.summary FROM l JOIN item i ON i.id = l.pilot_id"
	" UNION ALL"
	" SELECT 2, 0, " NAME("r") ","
	" CASE WHEN r.province IS NOT NULL THEN " NAME("pr") " END,"
	" " NAME("s") ", p.phase::text, NULL, NULL, NULL, NULL"
	" FROM l JOIN pilot p ON p.item_id = l.pilot_id"
	" LEFT JOIN region r ON r.slug = p.region"
	" LEFT JOIN region pr ON pr.slug = r.province"
	" LEFT JOIN pilot_setting s ON s.slug = p.setting"
	" UNION ALL"
	" SELECT 3, row_number() OVER (ORDER BY i.published_at DESC,"
	" i.id DESC),"
	" i.kind, i.slug::text, i.title, i.summary, NULL, NULL, NULL, NULL"
	" FROM l JOIN item_ref rf ON rf.kind = 'les' AND rf.slug = l.id::text"
	" JOIN item i ON i.id = rf.from_id WHERE " Q_PILOT_SEEN(READER)
	" ORDER BY 1, 2",
	3
};

const struct db_query q_lesson_pilot = {
	"lesson_pilot",
	"SELECT i.id::text, i.slug::text, i.title,"
	" item_may_read(i.id, $2::bigint)::text,"
	" lesson_may_edit(i.id, $2::bigint)::text"
	" FROM item i JOIN pilot p ON p.item_id = i.id"
	" WHERE i.kind = 'pilot' AND i.slug = $1::text",
	2
};

const struct db_query q_lesson_get = {
	"lesson_get",
	"SELECT l.pilot_id::text, i.slug::text, i.title, l.kind, l.statement,"
	" l.explanation_md, l.revision::text,"
	" lesson_may_read(l.id, $2::bigint)::text,"
	" lesson_may_edit(l.pilot_id, $2::bigint)::text"
	" FROM lesson l JOIN item i ON i.id = l.pilot_id"
	" WHERE l.id = $1::bigint",
	2
};

const struct db_query q_lesson_save = {
	"lesson_save",
	"SELECT s.id::text, s.revision::text, s.conflict::text"
	" FROM lesson_save($1::bigint, $2::bigint, $3::bigint, $4::integer,"
	" $5::text, $6::text, $7::text, $8::text, $9::text) s",
	9
};

const struct db_query q_lesson_delete = {
	"lesson_delete",
	"SELECT lesson_delete($1::bigint, $2::bigint)",
	2
};
