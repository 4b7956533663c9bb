/*
 * participants: the session form's "Naam" / "Naam (rol)" lines. Names
 * with and without roles, blank lines and CRLF, each kind of bad line
 * with its line number ("()", unbalanced parentheses, too long, control
 * characters), the limit of 60 people, and the way back
 * (participants_write) including a name that ends in ")".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/participants.h"
#include "core/sbuf.h"

static struct participants	ps, again;

static void	expect_one(const char *, const char *, const char *);
static void	expect_err(const char *, enum part_err, size_t);

static void
expect_one(const char *text, const char *name, const char *role)
{
	assert_int_equal(participants_parse(&ps, text), PART_OK);
	assert_int_equal(ps.n, 1);
	assert_int_equal(ps.line, 0);
	assert_string_equal(ps.p[0].name, name);
	assert_string_equal(ps.p[0].role, role);
}

static void
expect_err(const char *text, enum part_err err, size_t line)
{
	assert_int_equal(participants_parse(&ps, text), err);
	assert_int_equal(ps.err, err);
	assert_int_equal(ps.line, line);
}

static void
test_names(void **state)
{
	(void)state;
	expect_one("Jan de Vries", "Jan de Vries", "");
	expect_one("  Fatima el Amrani (gedragswetenschapper)  ",
	    "Fatima el Amrani", "gedragswetenschapper");
	expect_one("Piet(ouder)", "Piet", "ouder");
	expect_one("Ans ( pedagogisch medewerker )", "Ans",
	    "pedagogisch medewerker");
	expect_one("Kees ()", "Kees", "");
	expect_one("Bo (rol (tijdelijk))", "Bo", "rol (tijdelijk)");
	expect_one("Jan (Jantje) de Vries", "Jan (Jantje) de Vries", "");
	expect_one("Jan (Jantje) (voorzitter)", "Jan (Jantje)", "voorzitter");
	expect_one("Ren\xc3\xa9 (\xc3\xa9\xc3\xa9n)", "Ren\xc3\xa9",
	    "\xc3\xa9\xc3\xa9n");
}

static void
test_lines(void **state)
{
	(void)state;
	assert_int_equal(participants_parse(&ps,
	    "\r\nA (x)\r\n\r\n  \t\nB\n\nC (y)"), PART_OK);
	assert_int_equal(ps.n, 3);
	assert_int_equal(ps.count, 3);
	assert_string_equal(ps.p[0].name, "A");
	assert_string_equal(ps.p[0].role, "x");
	assert_string_equal(ps.p[1].name, "B");
	assert_string_equal(ps.p[2].role, "y");
	assert_int_equal(participants_parse(&ps, ""), PART_OK);
	assert_int_equal(ps.n, 0);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_err("()", PART_NO_NAME, 1);
	expect_err("A\n\n(rol)", PART_NO_NAME, 3);
	expect_err("A\nB (rol", PART_PARENS, 2);
	expect_err("B rol)", PART_PARENS, 1);
	expect_err("B )rol(", PART_PARENS, 1);
	expect_err("B ((rol)", PART_PARENS, 1);
	expect_err("A\nB\x01 C", PART_BAD_CHARS, 2);
	expect_err("A \xff", PART_BAD_CHARS, 1);
	/* The first bad line counts; the rest are still counted. */
	assert_int_equal(participants_parse(&ps, "(\n)\nC"), PART_PARENS);
	assert_int_equal(ps.line, 1);
	assert_int_equal(ps.count, 3);
	assert_int_equal(ps.n, 0);
}

static void
test_limits(void **state)
{
	char		name[PART_NAME_MAX + 2], line[400];
	struct sbuf	sb;
	size_t		i;

	(void)state;
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	expect_err(name, PART_NAME_LONG, 1);
	name[PART_NAME_MAX] = '\0';
	expect_one(name, name, "");
	(void)snprintf(line, sizeof(line), "A (%s)", name);
	expect_one(line, "A", name);
	(void)snprintf(line, sizeof(line), "A (%sx)", name);
	expect_err(line, PART_ROLE_LONG, 1);

	sbuf_init(&sb);
	for (i = 0; i < PART_MAX; i++)
		sbuf_printf(&sb, "P%zu\n", i);
	assert_int_equal(participants_parse(&ps, sbuf_cstr(&sb)), PART_OK);
	assert_int_equal(ps.n, PART_MAX);
	sbuf_puts(&sb, "\nOne too many\nAnd another\n");
	assert_int_equal(participants_parse(&ps, sbuf_cstr(&sb)),
	    PART_TOO_MANY);
	assert_int_equal(ps.line, PART_MAX + 2);
	assert_int_equal(ps.count, PART_MAX + 2);
	sbuf_free(&sb);
}

static void
test_write(void **state)
{
	struct sbuf	sb;
	size_t		i;

	(void)state;
	sbuf_init(&sb);
	assert_int_equal(participants_parse(&ps,
	    "A (x)\nB\nJan (Jantje) ()\nC (d (e))\n"), PART_OK);
	assert_int_equal(ps.n, 4);
	assert_string_equal(ps.p[2].name, "Jan (Jantje)");
	assert_string_equal(ps.p[2].role, "");
	participants_write(&sb, &ps);
	assert_string_equal(sbuf_cstr(&sb),
	    "A (x)\nB\nJan (Jantje) ()\nC (d (e))\n");
	assert_int_equal(participants_parse(&again, sbuf_cstr(&sb)), PART_OK);
	assert_int_equal(again.n, ps.n);
	for (i = 0; i < ps.n; i++) {
		assert_string_equal(again.p[i].name, ps.p[i].name);
		assert_string_equal(again.p[i].role, ps.p[i].role);
	}
	sbuf_free(&sb);
}

static void
test_add(void **state)
{
	char	big[PART_NAME_MAX * 4 + 2];
	size_t	i;

	(void)state;
	ps.n = 0;
	assert_int_equal(participants_add(&ps, "Jan", ""), 0);
	assert_int_equal(participants_add(&ps, "Ans", "ouder"), 0);
	assert_int_equal(ps.n, 2);
	assert_string_equal(ps.p[1].role, "ouder");
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(participants_add(&ps, big, ""), -1);
	assert_int_equal(participants_add(&ps, "a", big), -1);
	for (i = 2; i < PART_MAX; i++)
		assert_int_equal(participants_add(&ps, "a", ""), 0);
	assert_int_equal(participants_add(&ps, "a", ""), -1);
	assert_int_equal(ps.n, PART_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_add),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
