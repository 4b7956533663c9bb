/*
 * helpterms: the terms of app/core/help-terms.txt in any case and with
 * or without accents, as a word or a word's start, words of a term in a
 * row; no match inside a word or across unrelated words; NUL bytes,
 * invalid UTF-8 and long input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/helpterms.h"

static void
t_list(void **state)
{
	size_t	i;

	(void)state;
	assert_true(help_terms_n > 20);
	assert_true(help_terms_n <= HELP_TERMS_MAX);
	for (i = 0; i < help_terms_n; i++) {
		/* Every term matches itself, and is short. */
		assert_true(strlen(help_terms[i]) < 100);
		assert_int_equal(help_match(help_terms[i]), 1);
		assert_true(help_terms[i][0] != '#');
	}
}

static void
t_terms(void **state)
{
	(void)state;
	assert_int_equal(help_match("zelfdoding"), 1);
	assert_int_equal(help_match("ZELFDODING"), 1);
	assert_int_equal(help_match("Zelfmoord"), 1);
	assert_int_equal(help_match("suïcide"), 1);
	assert_int_equal(help_match("suicide"), 1);
	assert_int_equal(help_match("SUÏCIDE"), 1);
	assert_int_equal(help_match("su\xc3\xaf" "cidaal"), 1);
	assert_int_equal(help_match("suicidepreventie op school"), 1);
	assert_int_equal(help_match("zelfbeschadiging"), 1);
	assert_int_equal(help_match("automutilatie"), 1);
	assert_int_equal(help_match("wat als je een overdosis neemt"), 1);
	assert_int_equal(help_match("ik wil niet meer leven"), 1);
	assert_int_equal(help_match("ik wil  dood,"), 1);
	assert_int_equal(help_match("dood willen"), 1);
	assert_int_equal(help_match("Mezelf pijn doen"), 1);
	assert_int_equal(help_match("zelfmoordgedachten"), 1);
	assert_int_equal(help_match("\"zelfdoding\""), 1);
	assert_int_equal(help_match("jongeren/zelfdoding"), 1);
	assert_int_equal(help_match("Leven be\xc3\xab" "indigen"), 1);
}

static void
t_no_match(void **state)
{
	(void)state;
	assert_int_equal(help_match("school"), 0);
	assert_int_equal(help_match(""), 0);
	assert_int_equal(help_match(NULL), 0);
	assert_int_equal(help_match("separatie"), 0);
	assert_int_equal(help_match("kleinschalige zorg thuis"), 0);
	/* Inside a word, not at its start. */
	assert_int_equal(help_match("antizelfmoord"), 0);
	/* The words of a term apart. */
	assert_int_equal(help_match("dood en wil"), 0);
	assert_int_equal(help_match("niet meer, maar leven"), 0);
	assert_int_equal(help_match("meer leven"), 0);
}

static void
t_bytes(void **state)
{
	char	big[HELP_QUERY_MAX * 3];
	size_t	n;

	(void)state;
	/* A NUL byte separates words; help_match stops at it. */
	assert_int_equal(help_matchn("school\0zelfdoding", 17), 1);
	assert_int_equal(help_match("school\0zelfdoding"), 0);
	assert_int_equal(help_matchn("zelf\0doding", 11), 0);
	/* Invalid UTF-8 is a separator, never a crash. */
	assert_int_equal(help_match("\xff" "zelfdoding\xc3"), 1);
	assert_int_equal(help_match("zelf\xff" "doding"), 0);
	assert_int_equal(help_match("\xc3\xc3\xc3"), 0);
	/* Long input: only the first HELP_QUERY_MAX bytes count. */
	memset(big, 'a', sizeof(big));
	n = HELP_QUERY_MAX - 20;
	big[n] = ' ';
	memcpy(big + n + 1, "zelfdoding", 10);
	assert_int_equal(help_matchn(big, n + 11), 1);
	memset(big, 'a', sizeof(big));
	big[HELP_QUERY_MAX + 5] = ' ';
	memcpy(big + HELP_QUERY_MAX + 6, "zelfdoding", 10);
	assert_int_equal(help_matchn(big, HELP_QUERY_MAX + 16), 0);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(help_match(big), 0);
}

static void
t_fold(void **state)
{
	char	out[64];

	(void)state;
	assert_int_equal(help_fold("Suïcide, ĳs!", 14, out, sizeof(out)),
	    strlen(" suicide ijs"));
	assert_string_equal(out, " suicide ijs");
	assert_int_equal(help_fold("", 0, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	/* A small buffer cuts, and stays terminated. */
	assert_true(help_fold("een twee drie", 13, out, 6) < 6);
	assert_string_equal(out, " een");
	assert_int_equal(help_fold("x", 1, out, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_list),
		cmocka_unit_test(t_terms),
		cmocka_unit_test(t_no_match),
		cmocka_unit_test(t_bytes),
		cmocka_unit_test(t_fold),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
