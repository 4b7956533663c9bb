/*
 * figures: the editor's "omschrijving = getal eenheid" lines. Good lines
 * with every number form, blank lines skipped, each kind of bad line
 * with its line number, the limits (120, 20, 15 digits, 20 figures),
 * and the way back (figures_write) with a comma or a point.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/figures.h"
#include "core/sbuf.h"

static struct figures	figs;

static void	expect_one(const char *, const char *, const char *,
		    const char *);
static void	expect_err(const char *, enum fig_err, size_t);

static void
expect_one(const char *text, const char *label, const char *value,
    const char *unit)
{
	assert_int_equal(figures_parse(&figs, text), FIG_OK);
	assert_int_equal(figs.n, 1);
	assert_int_equal(figs.line, 0);
	assert_string_equal(figs.f[0].label, label);
	assert_string_equal(figs.f[0].value, value);
	assert_string_equal(figs.f[0].unit, unit);
}

static void
expect_err(const char *text, enum fig_err err, size_t line)
{
	assert_int_equal(figures_parse(&figs, text), err);
	assert_int_equal(figs.err, err);
	assert_int_equal(figs.line, line);
}

static void
test_numbers(void **state)
{
	(void)state;
	expect_one("Jongeren thuis = 14", "Jongeren thuis", "14", "");
	expect_one("Minder separaties = -35,5 %", "Minder separaties",
	    "-35.5", "%");
	expect_one("Score=+3.25", "Score", "3.25", "");
	expect_one("  Wachttijd\t=\t007 dagen per week  ", "Wachttijd", "7",
	    "dagen per week");
	expect_one("Nul = -0,00", "Nul", "0.00", "");
	expect_one("Nul = 0", "Nul", "0", "");
	expect_one("Groei = 12%", "Groei", "12", "%");
	expect_one("a = b = 5 kg", "a = b", "5", "kg");
	expect_one("Kosten = 1500 \xe2\x82\xac", "Kosten", "1500",
	    "\xe2\x82\xac");
	expect_one("Tevredenheid = 7,5 op 10", "Tevredenheid", "7.5",
	    "op 10");
	expect_one("Gezinnen \xc3\xa9\xc3\xa9n = 3", "Gezinnen \xc3\xa9\xc3\xa9n",
	    "3", "");
	/* Fifteen digits fit, sixteen do not; leading zeros do not count. */
	expect_one("x = 123456789012,345", "x", "123456789012.345", "");
	expect_one("x = 0000000000000000001", "x", "1", "");
	expect_err("x = 1234567890123456", FIG_NUMBER_LONG, 1);
}

static void
test_lines(void **state)
{
	(void)state;
	assert_int_equal(figures_parse(&figs, ""), FIG_OK);
	assert_int_equal(figs.n, 0);
	assert_int_equal(figures_parse(&figs, "\n \r\n\t\n"), FIG_OK);
	assert_int_equal(figs.n, 0);
	assert_int_equal(figs.count, 0);
	assert_int_equal(figures_parse(&figs,
	    "\nA = 1\r\n\n  B = 2,5 uur\nC=3"), FIG_OK);
	assert_int_equal(figs.n, 3);
	assert_int_equal(figs.count, 3);
	assert_string_equal(figs.f[1].label, "B");
	assert_string_equal(figs.f[1].value, "2.5");
	assert_string_equal(figs.f[1].unit, "uur");
	assert_string_equal(figs.f[2].value, "3");
}

static void
test_errors(void **state)
{
	(void)state;
	/* Line numbers count blank lines too: people count what they see. */
	expect_err("A = 1\n\nGeen is-teken 5", FIG_NO_EQUALS, 3);
	expect_err(" = 5", FIG_NO_LABEL, 1);
	expect_err("A = 1\nB = veel", FIG_NO_NUMBER, 2);
	assert_int_equal(figs.n, 1);
	expect_err("A =", FIG_NO_NUMBER, 1);
	expect_err("A = - 5", FIG_NO_NUMBER, 1);
	expect_err("A = ,5", FIG_NO_NUMBER, 1);
	expect_err("A = 5,", FIG_NO_NUMBER, 1);
	expect_err("A = 1.000.000", FIG_NO_NUMBER, 1);
	expect_err("A = 1,5,3", FIG_NO_NUMBER, 1);
	expect_err("A = 5 kg\x01", FIG_BAD_CHARS, 1);
	expect_err("A\tB = 5", FIG_BAD_CHARS, 1);
	expect_err("A\rB = 5", FIG_BAD_CHARS, 1);
	expect_err("\xff = 5", FIG_BAD_CHARS, 1);
	expect_err("A = 5 \xc3", FIG_BAD_CHARS, 1);
	/* The first bad line is reported; later lines are still counted. */
	expect_err("x\ny\nA = 1\nB = 2", FIG_NO_EQUALS, 1);
	assert_int_equal(figs.count, 4);
}

static void
test_limits(void **state)
{
	char		 label[200], line[300];
	struct sbuf	 text;
	size_t		 i;

	(void)state;
	memset(label, 'a', 120);
	label[120] = '\0';
	(void)snprintf(line, sizeof(line), "%s = 1", label);
	assert_int_equal(figures_parse(&figs, line), FIG_OK);
	assert_int_equal(strlen(figs.f[0].label), 120);
	(void)snprintf(line, sizeof(line), "%sa = 1", label);
	expect_err(line, FIG_LABEL_LONG, 1);
	/* Characters, not bytes: 120 two-byte letters fit. */
	for (i = 0; i < 120; i++)
		memcpy(line + i * 2, "\xc3\xa9", 2);
	memcpy(line + 240, " = 2", 5);
	assert_int_equal(figures_parse(&figs, line), FIG_OK);
	expect_one("x = 1 12345678901234567890", "x", "1",
	    "12345678901234567890");
	expect_err("x = 1 123456789012345678901", FIG_UNIT_LONG, 1);

	sbuf_init(&text);
	for (i = 1; i <= 20; i++)
		sbuf_printf(&text, "Cijfer %zu = %zu\n", i, i);
	assert_int_equal(figures_parse(&figs, sbuf_cstr(&text)), FIG_OK);
	assert_int_equal(figs.n, 20);
	sbuf_puts(&text, "\nCijfer 21 = 21\nCijfer 22 = 22\n");
	expect_err(sbuf_cstr(&text), FIG_TOO_MANY, 22);
	assert_int_equal(figs.n, 20);
	assert_int_equal(figs.count, 22);
	sbuf_free(&text);
}

static void
test_write(void **state)
{
	struct figures	 again;
	struct sbuf	 out;
	size_t		 i;

	(void)state;
	sbuf_init(&out);
	assert_int_equal(figures_parse(&figs,
	    "Minder separaties = -35,5 %\n\na = b = +007\nKosten=1500 euro"),
	    FIG_OK);
	figures_write(&out, &figs, ',');
	assert_string_equal(sbuf_cstr(&out),
	    "Minder separaties = -35,5 %\na = b = 7\nKosten = 1500 euro\n");
	assert_int_equal(figures_parse(&again, sbuf_cstr(&out)), FIG_OK);
	assert_int_equal(again.n, figs.n);
	for (i = 0; i < figs.n; i++) {
		assert_string_equal(again.f[i].label, figs.f[i].label);
		assert_string_equal(again.f[i].value, figs.f[i].value);
		assert_string_equal(again.f[i].unit, figs.f[i].unit);
	}
	sbuf_reset(&out);
	figures_write(&out, &figs, '.');
	assert_string_equal(sbuf_cstr(&out),
	    "Minder separaties = -35.5 %\na = b = 7\nKosten = 1500 euro\n");
	sbuf_free(&out);
}

static void
test_add(void **state)
{
	struct sbuf	out;
	char		big[600];
	size_t		i;

	(void)state;
	figs.n = 0;
	assert_int_equal(figures_add(&figs, "Score", "12.50", "punten"), 0);
	sbuf_init(&out);
	figures_write(&out, &figs, ',');
	assert_string_equal(sbuf_cstr(&out), "Score = 12,50 punten\n");
	sbuf_free(&out);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(figures_add(&figs, big, "1", ""), -1);
	assert_int_equal(figures_add(&figs, "a", "12345678901234567890", ""),
	    -1);
	for (i = 1; i < FIG_MAX; i++)
		assert_int_equal(figures_add(&figs, "a", "1", ""), 0);
	assert_int_equal(figures_add(&figs, "a", "1", ""), -1);
	assert_int_equal(figs.n, FIG_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_add),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
