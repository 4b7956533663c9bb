/*
 * story: every SQL warning, scope, state and checklist word of
 * sql/008_story.sql has a name and a help sentence in both languages,
 * in the SQL CHECK's order; unknown, wrongly cased and NULL words give
 * NULL. And the consent texts are pinned to their versions: a change to
 * the wording without a new STORY_CONSENT_VERSION (or
 * STORY_GUARDIAN_VERSION) fails here, because the version is what the
 * consent record says a storyteller agreed to.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/story.h"

/* The texts as they were when each version was fixed. */
#define CONSENT_PIN	{ "2026-11-a", 0x9d633c931d67d3b5ULL }
#define GUARDIAN_PIN	{ "2026-11-a", 0x56ab263a4f5df381ULL }

struct pin {
	const char	*version;
	uint64_t	 hash;
};

static void
check_list(const struct story_word *w, size_t n, const char *const *sql,
    const struct story_word *(*look)(const char *))
{
	size_t	i;

	for (i = 0; i < n; i++) {
		assert_string_equal(w[i].word, sql[i]);
		assert_ptr_equal(look(sql[i]), &w[i]);
		assert_true(strlen(i18n_get(LOC_NL, w[i].msg)) > 0);
		assert_true(strlen(i18n_get(LOC_EN, w[i].msg)) > 0);
		assert_true(strlen(i18n_get(LOC_NL, w[i].help)) > 0);
		assert_true(strlen(i18n_get(LOC_EN, w[i].help)) > 0);
		assert_int_not_equal(w[i].msg, w[i].help);
	}
	assert_null(look(NULL));
	assert_null(look(""));
}

static void
test_warnings(void **state)
{
	static const char *const sql[] = { "suicide", "zelfbeschadiging",
	    "separatie", "fixatie", "geweld", "misbruik", "verlies" };

	(void)state;
	check_list(story_warnings, STORY_WARNINGS, sql, story_warning);
	assert_string_equal(i18n_get(LOC_NL, story_warning("suicide")->msg),
	    "Suïcide");
	assert_null(story_warning("Suicide"));
	assert_null(story_warning("suïcide"));
}

static void
test_scopes_states_checks(void **state)
{
	static const char *const scopes[] = { "leden", "openbaar",
	    "citeren" };
	static const char *const states[] = { "concept", "ter_review",
	    "voorstel", "akkoord", "gepubliceerd", "ingetrokken" };
	static const char *const checks[] = { "namen", "plaatsen", "fotos" };

	(void)state;
	check_list(story_scopes, STORY_SCOPES, scopes, story_scope);
	check_list(story_states, STORY_STATES, states, story_state);
	check_list(story_checks, STORY_CHECKS, checks, story_check);
	assert_null(story_scope("besloten"));
	assert_null(story_state("gearchiveerd"));
	assert_null(story_check("foto's"));
}

static uint64_t
fnv(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return (h ^ 0xff);	/* a separator between texts */
}

static void
test_consent_pinned(void **state)
{
	static const struct pin	 consent = CONSENT_PIN;
	static const struct pin	 guardian = GUARDIAN_PIN;
	uint64_t		 h = 0xcbf29ce484222325ULL;
	size_t			 i;
	int			 l;

	(void)state;
	for (l = 0; l < LOC__MAX; l++) {
		h = fnv(h, i18n_get(l, MSG_sc_consent_title));
		for (i = 0; i < STORY_CONSENT_PARAS; i++) {
			assert_true(strlen(i18n_get(l,
			    story_consent_paras[i])) > 20);
			h = fnv(h, i18n_get(l, story_consent_paras[i]));
		}
	}
	print_message("consent text hash 0x%016llxULL\n",
	    (unsigned long long)h);
	assert_string_equal(STORY_CONSENT_VERSION, consent.version);
	assert_true(h == consent.hash);

	h = 0xcbf29ce484222325ULL;
	for (l = 0; l < LOC__MAX; l++)
		h = fnv(h, i18n_get(l, MSG_sc_guardian_statement));
	print_message("guardian statement hash 0x%016llxULL\n",
	    (unsigned long long)h);
	assert_string_equal(STORY_GUARDIAN_VERSION, guardian.version);
	assert_true(h == guardian.hash);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_scopes_states_checks),
		cmocka_unit_test(test_consent_pinned),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
