/*
 * pcache: a hit only at the exact generation and key, replacement on
 * put, size limits, and no leaks (ASan) after clear.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/pcache.h"

static int
reset(void **state)
{
	(void)state;
	pcache_clear();
	return (0);
}

static void
t_hit_and_miss(void **state)
{
	struct pcache_hit	h;

	(void)state;
	assert_int_equal(pcache_get("artikel/a nl", 7, &h), 0);
	pcache_put("artikel/a nl", 7, "<p>A</p>", 8, "Titel A");
	assert_int_equal(pcache_get("artikel/a nl", 7, &h), 1);
	assert_int_equal(h.body_len, 8);
	assert_memory_equal(h.body, "<p>A</p>", 8);
	assert_string_equal(h.title, "Titel A");
	/* Another generation, key or language: a miss. */
	assert_int_equal(pcache_get("artikel/a nl", 8, &h), 0);
	assert_int_equal(pcache_get("artikel/a nl", 6, &h), 0);
	assert_int_equal(pcache_get("artikel/a en", 7, &h), 0);
	assert_int_equal(pcache_get("artikel/b nl", 7, &h), 0);
	assert_int_equal(pcache_count(), 1);
}

static void
t_replace(void **state)
{
	struct pcache_hit	h;

	(void)state;
	pcache_put("k", 1, "old", 3, "t1");
	pcache_put("k", 2, "new body", 8, "t2");
	assert_int_equal(pcache_get("k", 1, &h), 0);
	assert_int_equal(pcache_get("k", 2, &h), 1);
	assert_memory_equal(h.body, "new body", 8);
	assert_string_equal(h.title, "t2");
	assert_int_equal(pcache_count(), 1);
}

static void
t_binary_body(void **state)
{
	struct pcache_hit	h;
	static const char	body[] = { 'a', '\0', 'b' };

	(void)state;
	pcache_put("bin", 3, body, sizeof(body), "");
	assert_int_equal(pcache_get("bin", 3, &h), 1);
	assert_int_equal(h.body_len, 3);
	assert_memory_equal(h.body, body, 3);
	assert_string_equal(h.title, "");
}

static void
t_limits(void **state)
{
	struct pcache_hit	 h;
	char			 key[PCACHE_KEY_MAX + 2];
	char			*big;

	(void)state;
	memset(key, 'k', sizeof(key) - 1);
	key[sizeof(key) - 1] = '\0';
	pcache_put(key, 1, "x", 1, "t");
	assert_int_equal(pcache_get(key, 1, &h), 0);
	assert_int_equal(pcache_count(), 0);

	big = calloc(1, PCACHE_MAX_BODY + 1);
	assert_non_null(big);
	pcache_put("big", 1, big, PCACHE_MAX_BODY + 1, "t");
	assert_int_equal(pcache_get("big", 1, &h), 0);
	pcache_put("big", 1, big, PCACHE_MAX_BODY, "t");
	assert_int_equal(pcache_get("big", 1, &h), 1);
	free(big);
}

static void
t_many_keys(void **state)
{
	struct pcache_hit	h;
	char			key[32];
	int			i, hits;

	(void)state;
	for (i = 0; i < 4 * PCACHE_SLOTS; i++) {
		snprintf(key, sizeof(key), "artikel/%d nl", i);
		pcache_put(key, 1, key, strlen(key), key);
	}
	assert_true(pcache_count() <= PCACHE_SLOTS);
	/* Whatever survived a collision is itself, never another key. */
	hits = 0;
	for (i = 0; i < 4 * PCACHE_SLOTS; i++) {
		snprintf(key, sizeof(key), "artikel/%d nl", i);
		if (pcache_get(key, 1, &h)) {
			assert_string_equal(h.title, key);
			hits++;
		}
	}
	assert_int_equal((size_t)hits, pcache_count());
	pcache_clear();
	assert_int_equal(pcache_count(), 0);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup(t_hit_and_miss, reset),
		cmocka_unit_test_setup(t_replace, reset),
		cmocka_unit_test_setup(t_binary_body, reset),
		cmocka_unit_test_setup(t_limits, reset),
		cmocka_unit_test_setup(t_many_keys, reset),
	};
	int	rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	pcache_clear();
	return (rc);
}
