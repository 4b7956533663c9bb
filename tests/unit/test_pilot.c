/*
 * pilot: every SQL phase and lesson kind has a name in both languages;
 * unknown and NULL words give NULL; the required fields are the ones
 * pilot_missing() names, in its order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/pilot.h"

static void
test_phases(void **state)
{
	static const char *const sql[] = { "idee", "voorbereiding", "lopend",
	    "geevalueerd", "opgeschaald", "gestopt" };
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		assert_non_null(pilot_phase(sql[i]));
		assert_string_equal(pilot_phases[i].word, sql[i]);
		assert_true(strlen(i18n_get(LOC_NL, pilot_phases[i].msg)) > 0);
		assert_true(strlen(i18n_get(LOC_EN, pilot_phases[i].msg)) > 0);
	}
	assert_string_equal(i18n_get(LOC_NL, pilot_phase("geevalueerd")->msg),
	    "Geëvalueerd");
	assert_null(pilot_phase("Lopend"));
	assert_null(pilot_phase(""));
	assert_null(pilot_phase(NULL));
}

static void
test_lesson_kinds(void **state)
{
	(void)state;
	assert_int_equal(pilot_lesson_kind("werkte")->msg, MSG_lesson_werkte);
	assert_int_equal(pilot_lesson_kind("werkte_niet")->msg,
	    MSG_lesson_werkte_niet);
	assert_int_equal(pilot_lesson_kind("randvoorwaarde")->msg,
	    MSG_lesson_randvoorwaarde);
	assert_int_equal(pilot_lesson_kind("advies")->msg, MSG_lesson_advies);
	assert_null(pilot_lesson_kind("werkte niet"));
	assert_null(pilot_lesson_kind(NULL));
}

static void
test_required(void **state)
{
	static const char *const order[] = { "region", "setting", "phase",
	    "start", "problem", "approach" };
	size_t	i;

	(void)state;
	for (i = 0; i < PILOT_REQUIRED; i++)
		assert_string_equal(pilot_required[i].word, order[i]);
	assert_int_equal(pilot_required_field("start")->msg, MSG_pf_start);
	assert_null(pilot_required_field("results"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phases),
		cmocka_unit_test(test_lesson_kinds),
		cmocka_unit_test(test_required),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
