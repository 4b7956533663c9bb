/*
 * Synonym editor queries (issue 11). The list is short (tens of
 * groups), so it is read whole, sorted by the group's first term.
 */
#include "db/q_synonym.h"

#define QSY_COLUMNS \
	"SELECT g.id, search_synonym_line(g.id)," \
	"    (SELECT string_agg(s.term, E'\\n' ORDER BY s.pos, s.term)" \
	"    FROM search_synonym s WHERE s.group_id = g.id)," \
	"    g.source, g.note," \
	"    to_char(g.updated_at AT TIME ZONE 'UTC'," \
	"    'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')," \
	"    to_char(g.updated_at AT TIME ZONE 'Europe/Amsterdam'," \
	"    'DD-MM-YYYY HH24:MI')," \
	"    coalesce(a.display_name, '')," \
	"    search_synonym_base(g.updated_at)" \
	" FROM search_synonym_group g" \
	" LEFT JOIN account a ON a.id = g.updated_by AND a.deleted_at IS NULL"

const struct db_query	q_synonym_list = {
	"synonym_list",
	QSY_COLUMNS
	" ORDER BY lower(search_synonym_line(g.id)), g.id",
	0
};

const struct db_query	q_synonym_get = {
	"synonym_get",
	QSY_COLUMNS
	" WHERE g.id = $1::bigint",
	1
};

const struct db_query	q_synonym_check = {
	"synonym_check",
	"SELECT field, problem, coalesce(term, ''), coalesce(other, '')"
	" FROM search_synonym_check(NULLIF($1::text, '')::bigint, $2::text,"
	" $3::text)",
	3
};

const struct db_query	q_synonym_save = {
	"synonym_save",
	"SELECT search_synonym_save($1::bigint, NULLIF($2::text, '')::bigint,"
	" $3::text, $4::text, NULLIF($5::text, ''))",
	5
};

const struct db_query	q_synonym_delete = {
	"synonym_delete",
	"SELECT search_synonym_delete($1::bigint, $2::bigint)",
	2
};
