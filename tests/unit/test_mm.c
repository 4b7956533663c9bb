/*
 * mm: every SQL state, action status and amendment section of
 * sql/007_mastermind.sql has a name in both languages, in the SQL
 * CHECK's order; unknown, wrongly cased and NULL words give NULL.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/mm.h"

static void
check_list(const struct mm_word *w, size_t n, const char *const *sql,
    const struct mm_word *(*look)(const char *))
{
	size_t	i;

	for (i = 0; i < n; i++) {
		assert_string_equal(w[i].word, sql[i]);
		assert_ptr_equal(look(sql[i]), &w[i]);
		assert_true(strlen(i18n_get(LOC_NL, w[i].msg)) > 0);
		assert_true(strlen(i18n_get(LOC_EN, w[i].msg)) > 0);
	}
}

static void
test_states(void **state)
{
	static const char *const sql[] = { "concept", "amendering",
	    "definitief" };

	(void)state;
	check_list(mm_states, MM_STATES, sql, mm_state);
	assert_string_equal(i18n_get(LOC_NL, mm_state("amendering")->msg),
	    "Open voor aanvullingen");
	assert_null(mm_state("Concept"));
	assert_null(mm_state("gepubliceerd"));
	assert_null(mm_state(NULL));
}

static void
test_statuses(void **state)
{
	static const char *const sql[] = { "open", "gedaan", "vervallen" };

	(void)state;
	check_list(mm_statuses, MM_STATUSES, sql, mm_status);
	assert_null(mm_status("dicht"));
	assert_null(mm_status(""));
}

static void
test_sections(void **state)
{
	static const char *const sql[] = { "algemeen", "vraag", "inzichten",
	    "afspraken" };

	(void)state;
	check_list(mm_sections, MM_SECTIONS, sql, mm_section);
	assert_null(mm_section("inzicht"));
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_statuses),
		cmocka_unit_test(test_sections),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
