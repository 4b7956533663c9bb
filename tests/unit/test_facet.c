/*
 * facet: the query-string parser of the pilot overview, /lessen and
 * the compare page, and its canonical writer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/facet.h"
#include "core/sbuf.h"

static const char *const	sorts[] = { "nieuw", "titel", "start", "fase",
	NULL };
static const struct facet_conf	pilots = {
	FACET_BIT(FACET_REGIO) | FACET_BIT(FACET_SETTING) |
	FACET_BIT(FACET_FASE) | FACET_BIT(FACET_THEMA) |
	FACET_BIT(FACET_PROJECT) | FACET_BIT(FACET_JAAR) |
	FACET_BIT(FACET_SORTEER) | FACET_BIT(FACET_PAGINA), sorts
};
static const struct facet_conf	lessons = {
	FACET_BIT(FACET_THEMA) | FACET_BIT(FACET_SOORT) |
	FACET_BIT(FACET_REGIO) | FACET_BIT(FACET_SETTING) |
	FACET_BIT(FACET_PAGINA), NULL
};
static const struct facet_conf	compare = { FACET_BIT(FACET_IDS), NULL };

#define WRITES(conf, qs, want)	check_write(conf, qs, want, __FILE__, __LINE__)

static void	check_write(const struct facet_conf *, const char *,
		    const char *, const char *, int);

/* parse(qs) writes want, and want parses to the same state. */
static void
check_write(const struct facet_conf *conf, const char *qs, const char *want,
    const char *file, int line)
{
	struct facet	a, b;
	struct sbuf	out;
	const char	*q;

	sbuf_init(&out);
	facet_parse(&a, conf, qs);
	facet_write(&out, "/p", &a);
	if (strcmp(sbuf_cstr(&out), want) != 0)
		fail_msg("%s:%d: %s wrote %s, want %s", file, line, qs,
		    out.data, want);
	q = strchr(want, '?');
	facet_parse(&b, conf, q != NULL ? q + 1 : "");
	if (!facet_same(&a, &b) || b.bad != 0 || b.over != 0)
		fail_msg("%s:%d: %s does not parse back", file, line, want);
	sbuf_free(&out);
}

static void
t_empty(void **state)
{
	struct facet	f;

	(void)state;
	facet_parse(&f, &pilots, NULL);
	assert_int_equal(f.n, 0);
	assert_int_equal(f.page, 1);
	assert_int_equal(f.sort, 0);
	assert_int_equal(f.bad, 0);
	WRITES(&pilots, "", "/p");
	WRITES(&pilots, "&&&", "/p");
	WRITES(&pilots, "regio=&regio&fase=,,", "/p");
	WRITES(&pilots, "=x&=&x=y", "/p");
}

static void
t_lists_and_repeats(void **state)
{
	struct facet	f;

	(void)state;
	WRITES(&pilots, "regio=utrecht,groningen", "/p?regio=groningen,utrecht");
	WRITES(&pilots, "regio=utrecht&regio=groningen",
	    "/p?regio=groningen,utrecht");
	WRITES(&pilots, "regio=utrecht%2Cgroningen",
	    "/p?regio=groningen,utrecht");
	/* Duplicates dropped, keys in a fixed order. */
	WRITES(&pilots, "fase=lopend&regio=utrecht&regio=utrecht,utrecht&"
	    "fase=idee", "/p?regio=utrecht&fase=idee,lopend");
	WRITES(&pilots, "jaar=2021&thema=kleinschaligheid&setting=ambulant&"
	    "project=stroomoploop&regio=landelijk",
	    "/p?regio=landelijk&setting=ambulant&thema=kleinschaligheid&"
	    "project=stroomoploop&jaar=2021");
	facet_parse(&f, &pilots, "regio=b,a,c");
	assert_int_equal(facet_count(&f, FACET_REGIO), 3);
	assert_true(facet_has(&f, FACET_REGIO, "a"));
	assert_false(facet_has(&f, FACET_SETTING, "a"));
	assert_string_equal(f.vals[0].v, "a");
	assert_string_equal(f.vals[2].v, "c");
}

static void
t_decoding(void **state)
{
	struct facet	f;

	(void)state;
	/* Encoded keys and values are decoded. */
	WRITES(&pilots, "regi%6F=gr%6Fningen", "/p?regio=groningen");
	WRITES(&pilots, "sorteer=%74itel", "/p?sorteer=titel");
	/* A bad escape refuses the value, not the rest. */
	facet_parse(&f, &pilots, "regio=%zzutrecht&fase=lopend");
	assert_int_equal(f.bad, FACET_BIT(FACET_REGIO));
	assert_int_equal(f.n, 1);
	facet_parse(&f, &pilots, "regio=utrecht%");
	assert_int_equal(f.bad, FACET_BIT(FACET_REGIO));
	facet_parse(&f, &pilots, "regio=utrecht%4");
	assert_int_equal(f.bad, FACET_BIT(FACET_REGIO));
	assert_int_equal(f.n, 0);
	/* A NUL byte or a space is never part of a value. */
	facet_parse(&f, &pilots, "regio=a%00b&thema=a+b");
	assert_int_equal(f.bad, FACET_BIT(FACET_REGIO) |
	    FACET_BIT(FACET_THEMA));
	assert_int_equal(f.n, 0);
	/* A key with a bad escape is no key of ours. */
	facet_parse(&f, &pilots, "regio%=a");
	assert_int_equal(f.bad, 0);
	assert_int_equal(f.n, 0);
}

static void
t_bad_values(void **state)
{
	struct facet	f;
	char		longv[FACET_VALUE_MAX + 32];

	(void)state;
	facet_parse(&f, &pilots, "regio=Utrecht,utrecht&setting=-a&"
	    "fase=afgerond&jaar=1989&thema=a--b&project=x_y");
	assert_int_equal(f.bad, FACET_BIT(FACET_REGIO) |
	    FACET_BIT(FACET_SETTING) | FACET_BIT(FACET_FASE) |
	    FACET_BIT(FACET_JAAR) | FACET_BIT(FACET_THEMA) |
	    FACET_BIT(FACET_PROJECT));
	assert_int_equal(f.n, 1);
	assert_true(facet_has(&f, FACET_REGIO, "utrecht"));
	/* Years 1990..2100, four digits. */
	facet_parse(&f, &pilots, "jaar=1990,2100,2101,02020,202,20200");
	assert_int_equal(f.n, 2);
	assert_int_equal(f.bad, FACET_BIT(FACET_JAAR));
	/* A slug is at most 120 bytes. */
	memset(longv, 'a', sizeof(longv));
	memcpy(longv, "thema=", 6);
	longv[6 + FACET_VALUE_MAX] = '\0';
	facet_parse(&f, &pilots, longv);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.bad, 0);
	longv[6 + FACET_VALUE_MAX] = 'a';
	longv[6 + FACET_VALUE_MAX + 1] = '\0';
	facet_parse(&f, &pilots, longv);
	assert_int_equal(f.n, 0);
	assert_int_equal(f.bad, FACET_BIT(FACET_THEMA));
	/* Lesson kinds are words with an underscore, phases are not. */
	facet_parse(&f, &lessons, "soort=werkte_niet,advies,werkte-niet");
	assert_int_equal(f.n, 2);
	assert_int_equal(f.bad, FACET_BIT(FACET_SOORT));
}

static void
t_unknown_keys(void **state)
{
	struct facet	f;

	(void)state;
	/* Keys the page does not use are ignored, not refused. */
	facet_parse(&f, &lessons, "fase=lopend&ids=1&sorteer=titel&x=1&"
	    "soort=advies&Regio=utrecht");
	assert_int_equal(f.n, 1);
	assert_int_equal(f.bad, 0);
	assert_int_equal(f.sort, 0);
	WRITES(&lessons, "thema=a&soort=advies&regio=utrecht&setting=x&"
	    "pagina=3", "/p?regio=utrecht&setting=x&thema=a&soort=advies&"
	    "pagina=3");
	facet_parse(&f, &compare, "regio=utrecht&ids=3");
	assert_int_equal(f.n, 1);
	assert_int_equal(f.vals[0].key, FACET_IDS);
}

static void
t_sort_and_page(void **state)
{
	struct facet	f;

	(void)state;
	WRITES(&pilots, "sorteer=nieuw", "/p");
	WRITES(&pilots, "sorteer=fase&pagina=2", "/p?sorteer=fase&pagina=2");
	WRITES(&pilots, "pagina=1", "/p");
	/* The first well-formed one counts. */
	WRITES(&pilots, "pagina=4&pagina=2&sorteer=start&sorteer=titel",
	    "/p?sorteer=start&pagina=4");
	facet_parse(&f, &pilots, "pagina=0&sorteer=oud");
	assert_int_equal(f.page, 1);
	assert_int_equal(f.bad, FACET_BIT(FACET_PAGINA) |
	    FACET_BIT(FACET_SORTEER));
	facet_parse(&f, &pilots, "pagina=100001");
	assert_int_equal(f.page, 1);
	assert_int_equal(f.bad, FACET_BIT(FACET_PAGINA));
	facet_parse(&f, &pilots, "pagina=100000");
	assert_int_equal(f.page, 100000);
	facet_parse(&f, &pilots, "pagina=02&pagina=1,2&pagina=-1");
	assert_int_equal(f.page, 1);
	assert_int_equal(f.bad, FACET_BIT(FACET_PAGINA));
	/* No sorts on the page: sorteer is refused. */
	facet_parse(&f, &lessons, "pagina=2");
	assert_int_equal(f.page, 2);
}

static void
t_limits(void **state)
{
	struct facet	f;
	struct sbuf	qs;
	int		i;

	(void)state;
	sbuf_init(&qs);
	sbuf_puts(&qs, "thema=");
	for (i = 0; i < 12; i++)
		sbuf_printf(&qs, "t%02d,", i);
	facet_parse(&f, &pilots, sbuf_cstr(&qs));
	assert_int_equal(facet_count(&f, FACET_THEMA), FACET_KEY_VALUES);
	assert_int_equal(f.over, FACET_BIT(FACET_THEMA));
	assert_true(facet_has(&f, FACET_THEMA, "t09"));
	assert_false(facet_has(&f, FACET_THEMA, "t10"));
	/* Duplicates do not count against the limit. */
	facet_parse(&f, &pilots, "thema=a,a,a,a,a,a,a,a,a,a,a,a,b");
	assert_int_equal(f.n, 2);
	assert_int_equal(f.over, 0);
	/* 20 in all. */
	sbuf_reset(&qs);
	for (i = 0; i < 10; i++)
		sbuf_printf(&qs, "regio=r%d&", i);
	for (i = 0; i < 10; i++)
		sbuf_printf(&qs, "setting=s%d&", i);
	for (i = 0; i < 10; i++)
		sbuf_printf(&qs, "thema=t%d&", i);
	facet_parse(&f, &pilots, sbuf_cstr(&qs));
	assert_int_equal(f.n, FACET_VALUES);
	assert_int_equal(facet_count(&f, FACET_REGIO), 10);
	assert_int_equal(facet_count(&f, FACET_SETTING), 10);
	assert_int_equal(facet_count(&f, FACET_THEMA), 0);
	assert_int_equal(f.over, FACET_BIT(FACET_THEMA));
	assert_int_equal(facet_add(&f, FACET_FASE, "idee"), -1);
	/* Removing makes room again. */
	assert_int_equal(facet_remove(&f, FACET_REGIO, "r3"), 1);
	assert_int_equal(facet_remove(&f, FACET_REGIO, "r3"), 0);
	assert_int_equal(facet_add(&f, FACET_FASE, "idee"), 1);
	assert_int_equal(facet_add(&f, FACET_FASE, "idee"), 0);
	sbuf_free(&qs);
}

static void
t_ids(void **state)
{
	struct facet	f;
	struct sbuf	out;

	(void)state;
	/* Numeric order, not text order. */
	WRITES(&compare, "ids=10&ids=9,100", "/p?ids=9,10,100");
	WRITES(&compare, "ids=123456789012345678", "/p?ids=123456789012345678");
	facet_parse(&f, &compare, "ids=1234567890123456789,0,01,1a,-1,2");
	assert_int_equal(f.n, 1);
	assert_int_equal(f.bad, FACET_BIT(FACET_IDS));
	sbuf_init(&out);
	facet_csv(&out, &f, FACET_IDS);
	assert_string_equal(sbuf_cstr(&out), "2");
	facet_parse(&f, &compare, "ids=3,1,2");
	sbuf_reset(&out);
	facet_csv(&out, &f, FACET_IDS);
	assert_string_equal(sbuf_cstr(&out), "1,2,3");
	sbuf_free(&out);
}

static void
t_hrefs(void **state)
{
	struct facet	f;
	struct sbuf	out;

	(void)state;
	sbuf_init(&out);
	facet_parse(&f, &pilots, "fase=lopend&regio=utrecht&pagina=3&"
	    "sorteer=titel");
	/* Toggle on: sorted in, page reset, sort kept. */
	facet_href_toggle(&out, "/pilots", &f, FACET_REGIO, "groningen");
	assert_string_equal(sbuf_cstr(&out),
	    "/pilots?regio=groningen,utrecht&fase=lopend&sorteer=titel");
	/* Toggle off. */
	sbuf_reset(&out);
	facet_href_toggle(&out, "/pilots", &f, FACET_REGIO, "utrecht");
	assert_string_equal(sbuf_cstr(&out),
	    "/pilots?fase=lopend&sorteer=titel");
	sbuf_reset(&out);
	facet_href_toggle(&out, "/pilots", &f, FACET_FASE, "lopend");
	assert_string_equal(sbuf_cstr(&out),
	    "/pilots?regio=utrecht&sorteer=titel");
	/* The state itself is untouched. */
	sbuf_reset(&out);
	facet_write(&out, "/pilots", &f);
	assert_string_equal(sbuf_cstr(&out),
	    "/pilots?regio=utrecht&fase=lopend&sorteer=titel&pagina=3");
	sbuf_reset(&out);
	facet_href_sort(&out, "/pilots", &f, 0);
	assert_string_equal(sbuf_cstr(&out),
	    "/pilots?regio=utrecht&fase=lopend");
	sbuf_reset(&out);
	facet_href_page(&out, "/pilots", &f, 1);
	assert_string_equal(sbuf_cstr(&out),
	    "/pilots?regio=utrecht&fase=lopend&sorteer=titel");
	sbuf_reset(&out);
	facet_href_page(&out, "/pilots", &f, 7);
	assert_string_equal(sbuf_cstr(&out),
	    "/pilots?regio=utrecht&fase=lopend&sorteer=titel&pagina=7");
	sbuf_reset(&out);
	facet_href_clear(&out, "/pilots", &f);
	assert_string_equal(sbuf_cstr(&out), "/pilots?sorteer=titel");
	/* A value the key does not take: the same state, page 1. */
	sbuf_reset(&out);
	facet_href_toggle(&out, "/pilots", &f, FACET_FASE, "Lopend");
	assert_string_equal(sbuf_cstr(&out),
	    "/pilots?regio=utrecht&fase=lopend&sorteer=titel");
	sbuf_free(&out);
}

static void
t_api(void **state)
{
	struct facet	f;

	(void)state;
	assert_string_equal(facet_key_name(FACET_REGIO), "regio");
	assert_string_equal(facet_key_name(FACET_PAGINA), "pagina");
	assert_null(facet_key_name(FACET__MAX));
	facet_init(&f, &pilots);
	/* Single keys and keys the page does not use take no set value. */
	assert_int_equal(facet_add(&f, FACET_PAGINA, "2"), -1);
	assert_int_equal(facet_add(&f, FACET_SOORT, "advies"), -1);
	assert_int_equal(facet_add(&f, FACET_REGIO, "Utrecht"), -1);
	assert_int_equal(f.n, 0);
	assert_true(facet_value_ok(&pilots, FACET_SORTEER, "fase", 4));
	assert_false(facet_value_ok(&lessons, FACET_SORTEER, "fase", 4));
	assert_false(facet_value_ok(&pilots, FACET__MAX, "x", 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_empty),
		cmocka_unit_test(t_lists_and_repeats),
		cmocka_unit_test(t_decoding),
		cmocka_unit_test(t_bad_values),
		cmocka_unit_test(t_unknown_keys),
		cmocka_unit_test(t_sort_and_page),
		cmocka_unit_test(t_limits),
		cmocka_unit_test(t_ids),
		cmocka_unit_test(t_hrefs),
		cmocka_unit_test(t_api),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
