/*
 * The minutes workflow, amendments, addenda and action items (issue 8;
 * q_mm_flow.h for the columns). Reads check the rights of
 * sql/007_mastermind.sql; the write functions check them again.
 */
#include "db/q_mm_flow.h"

#define READER	"nullif($2::text, '')::bigint"
#define READER3	"nullif($3::text, '')::bigint"
#define AMS	"AT TIME ZONE 'Europe/Amsterdam'"
#define TODAY	"(now() " AMS ")::date"

const struct db_query q_mmf_session = {
	"mmf_session",
	"SELECT x.item_id::text, i.title, s.name, s.slug::text, i.slug::text,"
	" x.state, to_char(x.amend_until " AMS ", 'DD-MM-YYYY HH24:MI'),"
	" (x.state = 'amendering' AND x.amend_until > now())::text,"
	" mm_session_may_see(x.item_id, " READER3 ")::text,"
	" mm_minutes_may_read(x.item_id, " READER3 ")::text,"
	" mm_session_may_run(x.item_id, " READER3 ")::text,"
	" mm_is_participant(x.item_id, " READER3 ")::text,"
	" (SELECT count(*) FROM mm_amendment a WHERE a.session_id = x.item_id"
	"  AND a.state = 'open')::text,"
	" (SELECT string_agg(a.id::text || ':' || a.section, ',' ORDER BY a.id)"
	"  FROM mm_amendment a WHERE a.session_id = x.item_id"
	"  AND a.state = 'open'),"
	" s.amend_days::text, x.case_md, i.body_md, x.agreements_md"
	" FROM mm_session x JOIN item i ON i.id = x.item_id"
	" JOIN mm_series s ON s.id = x.series_id"
	" WHERE s.slug = $1::text AND i.slug = $2::text"
	" AND i.kind = 'mastermind'",
	3
};

const struct db_query q_mmf_step = {
	"mmf_step",
	"SELECT mm_minutes_step($1::bigint, $2::bigint, $3::text,"
	" $4::integer)",
	4
};

const struct db_query q_mmf_amend = {
	"mmf_amend",
	"SELECT mm_amend($1::bigint, $2::bigint, $3::text, $4::text, $5::text,"
	" $6::text, $7::text)::text",
	7
};

const struct db_query q_mmf_amendment = {
	"mmf_amendment",
	"SELECT a.section, a.comment, a.proposal_md, a.proposal_html, a.state,"
	" a.reply, coalesce(u.display_name, ''),"
	" to_char(a.created_at " AMS ", 'DD-MM-YYYY HH24:MI')"
	" FROM mm_amendment a"
	" LEFT JOIN account u ON u.id = a.author_id AND u.deleted_at IS NULL"
	" WHERE a.id = $1::bigint AND a.session_id = $2::bigint",
	2
};

const struct db_query q_mmf_decide = {
	"mmf_decide",
	"SELECT mm_amend_decide($1::bigint, $2::bigint, $3::boolean,"
	" $4::text)",
	4
};

const struct db_query q_mmf_addendum = {
	"mmf_addendum",
	"SELECT mm_addendum_add($1::bigint, $2::bigint, $3::text, $4::text,"
	" $5::text)::text",
	5
};

const struct db_query q_mmf_action = {
	"mmf_action",
	"SELECT a.id::text, a.session_id::text, mm_session_href(a.session_id),"
	" i.title, s.name, s.slug::text, a.what,"
	" CASE WHEN o.id IS NOT NULL THEN o.id::text END,"
	" o.display_name, a.owner_name, a.due_on::text, a.status, a.note,"
	" coalesce(item_href(ei), '/lessen/' || el.id::text),"
	" CASE WHEN ei.id IS NOT NULL AND item_may_read(ei.id, " READER ")"
	"  THEN item_href(ei) WHEN el.id IS NOT NULL"
	"  AND lesson_may_read(el.id, " READER ")"
	"  THEN '/lessen/' || el.id::text END,"
	" coalesce(ei.title, el.statement),"
	" a.revision::text,"
	" mm_minutes_may_read(a.session_id, " READER ")::text,"
	" mm_action_may_update(a.id, " READER ")::text,"
	" mm_session_may_run(a.session_id, " READER ")::text, x.state,"
	" (a.status = 'open' AND a.due_on < " TODAY ")::text,"
	" to_char(a.closed_at " AMS ", 'YYYY-MM-DD'),"
	" CASE WHEN a.closed_in IS NOT NULL THEN mm_session_href(a.closed_in)"
	"  END, ci.title"
	" FROM mm_action a JOIN mm_session x ON x.item_id = a.session_id"
	" JOIN item i ON i.id = x.item_id"
	" JOIN mm_series s ON s.id = x.series_id"
	" LEFT JOIN account o ON o.id = a.owner_id AND o.deleted_at IS NULL"
	" LEFT JOIN item ei ON ei.id = a.evidence_item_id"
	" LEFT JOIN lesson el ON el.id = a.evidence_lesson_id"
	" LEFT JOIN item ci ON ci.id = a.closed_in"
	" WHERE a.id = $1::bigint",
	2
};

const struct db_query q_mmf_action_save = {
	"mmf_action_save",
	"SELECT r.id::text, r.revision::text, r.conflict::text, r.error"
	" FROM mm_action_save($1::bigint, $2::bigint, $3::bigint,"
	" $4::integer, $5::text, $6::text, $7::text, $8::text, $9::text,"
	" $10::text, $11::bigint, $12::text) r",
	12
};

const struct db_query q_mmf_action_delete = {
	"mmf_action_delete",
	"SELECT mm_action_delete($1::bigint, $2::bigint)",
	2
};

#define MINE_COLS \
	" a.id::text, a.what, a.due_on::text, a.status," \
	" (a.status = 'open' AND a.due_on < " TODAY ")::text, s.name," \
	" s.slug::text, mm_session_href(a.session_id), i.title," \
	" to_char(a.closed_at " AMS ", 'YYYY-MM-DD'), a.note" \
	" FROM mm_action a JOIN mm_session x ON x.item_id = a.session_id" \
	" JOIN item i ON i.id = x.item_id" \
	" JOIN mm_series s ON s.id = x.series_id" \
	" WHERE a.owner_id = $1::bigint" \
	" AND mm_minutes_may_read(a.session_id, $1::bigint)"

const struct db_query q_mmf_mine = {
	"mmf_mine",
	"(SELECT 1 AS t," MINE_COLS " AND a.status = 'open'"
	" ORDER BY a.due_on NULLS LAST, a.id)"
	" UNION ALL"
	" (SELECT 2," MINE_COLS " AND a.status <> 'open'"
	" ORDER BY a.closed_at DESC, a.id DESC LIMIT 20)",
	1
};
