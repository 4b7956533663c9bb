/*
 * sbuf: growth, NUL termination, binary data, printf, reset and the
 * overflow abort.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/sbuf.h"

static void
t_init_empty(void **state)
{
	struct sbuf	sb;

	(void)state;
	sbuf_init(&sb);
	assert_null(sb.data);
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.cap, 0);
	/* An empty buffer still gives a valid C string. */
	assert_string_equal(sbuf_cstr(&sb), "");
	assert_non_null(sb.data);
	assert_int_equal(sb.len, 0);
	sbuf_free(&sb);
	assert_null(sb.data);
	assert_int_equal(sb.cap, 0);
	/* Freeing twice is harmless: sbuf_free re-initialises. */
	sbuf_free(&sb);
}

static void
t_append(void **state)
{
	struct sbuf	sb;

	(void)state;
	sbuf_init(&sb);
	sbuf_puts(&sb, "ab");
	sbuf_putc(&sb, 'c');
	sbuf_add(&sb, "def", 2);
	sbuf_printf(&sb, "[%d|%s]", -42, "x");
	sbuf_puts(&sb, "");
	sbuf_add(&sb, NULL, 0);
	assert_string_equal(sbuf_cstr(&sb), "abcde[-42|x]");
	assert_int_equal(sb.len, strlen("abcde[-42|x]"));
	assert_true(sb.cap > sb.len);
	sbuf_free(&sb);
}

static void
t_binary(void **state)
{
	struct sbuf	sb;
	static const char bin[] = { 'a', '\0', 'b', '\0', '\xff' };

	(void)state;
	sbuf_init(&sb);
	sbuf_add(&sb, bin, sizeof(bin));
	sbuf_putc(&sb, '\0');
	assert_int_equal(sb.len, sizeof(bin) + 1);
	assert_memory_equal(sb.data, bin, sizeof(bin));
	assert_int_equal(sb.data[sizeof(bin)], '\0');
	/* Always terminated one past len. */
	assert_int_equal(sb.data[sb.len], '\0');
	sbuf_free(&sb);
}

static void
t_growth(void **state)
{
	struct sbuf	sb;
	size_t		i;

	(void)state;
	sbuf_init(&sb);
	for (i = 0; i < 100000; i++) {
		sbuf_putc(&sb, (char)('a' + i % 26));
		assert_int_equal(sb.data[sb.len], '\0');
	}
	assert_int_equal(sb.len, 100000);
	assert_true(sb.cap >= 100001);
	for (i = 0; i < 100000; i++)
		assert_int_equal(sb.data[i], 'a' + i % 26);
	assert_int_equal(strlen(sbuf_cstr(&sb)), 100000);
	sbuf_free(&sb);
}

static void
t_big_add(void **state)
{
	struct sbuf	 sb;
	char		*big;
	size_t		 n = 1000 * 1000 + 3;

	(void)state;
	big = malloc(n);
	assert_non_null(big);
	memset(big, 'z', n);
	sbuf_init(&sb);
	sbuf_putc(&sb, 'a');
	sbuf_add(&sb, big, n);
	assert_int_equal(sb.len, n + 1);
	assert_int_equal(sb.data[0], 'a');
	assert_memory_equal(sb.data + 1, big, n);
	assert_int_equal(sb.data[sb.len], '\0');
	sbuf_free(&sb);
	free(big);
}

static void
t_printf_long(void **state)
{
	struct sbuf	 sb;
	char		 want[2048];

	(void)state;
	memset(want, 'q', 1500);
	want[1500] = '\0';
	sbuf_init(&sb);
	sbuf_puts(&sb, "<");
	sbuf_printf(&sb, "%s", want);
	sbuf_printf(&sb, "%s", "");
	sbuf_printf(&sb, "%c%zu", '>', (size_t)7);
	assert_int_equal(sb.len, 1 + 1500 + 2);
	assert_int_equal(sb.data[0], '<');
	assert_memory_equal(sb.data + 1, want, 1500);
	assert_string_equal(sb.data + 1501, ">7");
	sbuf_free(&sb);
}

static void
t_reset(void **state)
{
	struct sbuf	sb;
	size_t		cap;

	(void)state;
	sbuf_init(&sb);
	sbuf_reset(&sb);		/* on an empty buffer */
	assert_null(sb.data);
	sbuf_puts(&sb, "hello");
	cap = sb.cap;
	sbuf_reset(&sb);
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.cap, cap);
	assert_string_equal(sbuf_cstr(&sb), "");
	sbuf_puts(&sb, "x");
	assert_string_equal(sbuf_cstr(&sb), "x");
	sbuf_free(&sb);
	/* Reusable after free. */
	sbuf_puts(&sb, "again");
	assert_string_equal(sbuf_cstr(&sb), "again");
	sbuf_free(&sb);
}

/* A length that would wrap size_t must abort, not under-allocate. */
static void
t_overflow_aborts(void **state)
{
	pid_t	pid;
	int	status;

	(void)state;
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		struct sbuf	sb;

		sbuf_init(&sb);
		sbuf_puts(&sb, "abc");
		sbuf_add(&sb, "", SIZE_MAX - 2);
		_exit(0);		/* not reached if it aborts */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_init_empty),
		cmocka_unit_test(t_append),
		cmocka_unit_test(t_binary),
		cmocka_unit_test(t_growth),
		cmocka_unit_test(t_big_add),
		cmocka_unit_test(t_printf_long),
		cmocka_unit_test(t_reset),
		cmocka_unit_test(t_overflow_aborts),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
