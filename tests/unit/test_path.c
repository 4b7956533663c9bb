/*
 * path: slugs from request paths and local redirect targets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/path.h"

#define PFX	"/artikelen"
#define SLUG_OK(p, want)	check_slug(p, want, __FILE__, __LINE__)
#define SLUG_BAD(p)		check_slug(p, NULL, __FILE__, __LINE__)

static void	check_slug(const char *, const char *, const char *, int);

static void
check_slug(const char *path, const char *want, const char *file, int line)
{
	char	out[PATH_SLUG_MAX + 1];

	memset(out, 'x', sizeof(out));
	if (want == NULL) {
		_assert_int_equal(path_slug(path, PFX, out, sizeof(out)), -1,
		    file, line);
		/* Nothing written on failure. */
		_assert_int_equal(out[0], 'x', file, line);
		return;
	}
	_assert_int_equal(path_slug(path, PFX, out, sizeof(out)), 0, file,
	    line);
	_assert_string_equal(out, want, file, line);
}

static void
t_slug_ok(void **state)
{
	(void)state;
	SLUG_OK("/artikelen/abc-1", "abc-1");
	SLUG_OK("/artikelen/a", "a");
	SLUG_OK("/artikelen/0", "0");
	SLUG_OK("/artikelen/01", "01");
	SLUG_OK("/artikelen/a-b-c-1-2-3", "a-b-c-1-2-3");
	SLUG_OK("/artikelen/1-2", "1-2");
}

static void
t_slug_bad(void **state)
{
	(void)state;
	SLUG_BAD("/artikelen/");
	SLUG_BAD("/artikelen");
	SLUG_BAD("/artikelenx/a");
	SLUG_BAD("/artikele/a");
	SLUG_BAD("/Artikelen/a");
	SLUG_BAD("artikelen/a");
	SLUG_BAD("//artikelen/a");
	SLUG_BAD("/artikelen//a");
	SLUG_BAD("");
	SLUG_BAD("/");
	SLUG_BAD("/artikelen/-a");
	SLUG_BAD("/artikelen/a-");
	SLUG_BAD("/artikelen/-");
	SLUG_BAD("/artikelen/a--b");
	SLUG_BAD("/artikelen/A");
	SLUG_BAD("/artikelen/abC");
	SLUG_BAD("/artikelen/a/b");
	SLUG_BAD("/artikelen/a/");
	SLUG_BAD("/artikelen/a_b");
	SLUG_BAD("/artikelen/a.b");
	SLUG_BAD("/artikelen/a b");
	SLUG_BAD("/artikelen/a?x=1");
	SLUG_BAD("/artikelen/a%20b");
	SLUG_BAD("/artikelen/..");
	SLUG_BAD("/artikelen/caf\xc3\xa9");
	SLUG_BAD("/artikelen/a\n");
	SLUG_BAD("/artikelen/a\x7f");
}

static void
t_slug_length(void **state)
{
	char	path[256], out[PATH_SLUG_MAX + 8];
	size_t	plen = strlen(PFX "/");

	(void)state;
	memcpy(path, PFX "/", plen);
	/* Exactly PATH_SLUG_MAX: accepted. */
	memset(path + plen, 'a', PATH_SLUG_MAX);
	path[plen + PATH_SLUG_MAX] = '\0';
	assert_int_equal(path_slug(path, PFX, out, sizeof(out)), 0);
	assert_int_equal(strlen(out), PATH_SLUG_MAX);
	assert_int_equal(PATH_SLUG_MAX, 120);
	/* The output needs room for the NUL: outlen == n fails. */
	assert_int_equal(path_slug(path, PFX, out, PATH_SLUG_MAX), -1);
	assert_int_equal(path_slug(path, PFX, out, PATH_SLUG_MAX + 1), 0);
	/* One more: refused. */
	path[plen + PATH_SLUG_MAX] = 'a';
	path[plen + PATH_SLUG_MAX + 1] = '\0';
	assert_int_equal(path_slug(path, PFX, out, sizeof(out)), -1);
	/* Small outputs. */
	assert_int_equal(path_slug("/artikelen/abc", PFX, out, 3), -1);
	assert_int_equal(path_slug("/artikelen/abc", PFX, out, 4), 0);
	assert_string_equal(out, "abc");
	assert_int_equal(path_slug("/artikelen/abc", PFX, out, 0), -1);

	assert_true(path_slug_ok("a-b", 3));
	/* The length bounds the check. */
	assert_true(path_slug_ok("ab-", 2));
	assert_false(path_slug_ok("ab-", 3));
	assert_false(path_slug_ok("", 0));
	assert_false(path_slug_ok("x", 0));
}

static void
t_slug_prefixes(void **state)
{
	char	out[PATH_SLUG_MAX + 1];

	(void)state;
	assert_int_equal(path_slug("/monitor/doel-1", "/monitor", out,
	    sizeof(out)), 0);
	assert_string_equal(out, "doel-1");
	assert_int_equal(path_slug("/themas/x", "/themas", out,
	    sizeof(out)), 0);
	assert_int_equal(path_slug("/themas/x", "/monitor", out,
	    sizeof(out)), -1);
	/* An empty prefix means "/slug". */
	assert_int_equal(path_slug("/x", "", out, sizeof(out)), 0);
	assert_string_equal(out, "x");
}

static void
t_local_ok(void **state)
{
	char	big[600];

	(void)state;
	assert_true(path_local_ok("/"));
	assert_true(path_local_ok("/zoeken?q=x"));
	assert_true(path_local_ok("/artikelen/abc-1"));
	assert_true(path_local_ok("/a/b/c#top"));
	assert_true(path_local_ok("/a//b"));
	assert_true(path_local_ok("/zoeken?q=http://x"));
	assert_true(path_local_ok("/caf\xc3\xa9"));

	assert_false(path_local_ok(""));
	assert_false(path_local_ok("//evil.com"));
	assert_false(path_local_ok("//"));
	assert_false(path_local_ok("/\\evil.com"));
	assert_false(path_local_ok("/\\"));
	assert_false(path_local_ok("\\\\evil.com"));
	assert_false(path_local_ok("http://x"));
	assert_false(path_local_ok("https://evil.com/"));
	assert_false(path_local_ok("javascript:alert(1)"));
	assert_false(path_local_ok("evil.com"));
	assert_false(path_local_ok(" /x"));
	assert_false(path_local_ok("?q=1"));
	/* Control bytes anywhere: browsers drop tab/LF/CR in URLs. */
	assert_false(path_local_ok("/\t/evil.com"));
	assert_false(path_local_ok("/\n/evil.com"));
	assert_false(path_local_ok("/\r/evil.com"));
	assert_false(path_local_ok("/a\x01"));
	assert_false(path_local_ok("/a\x1f"));
	assert_false(path_local_ok("/a\x7f"));
	assert_false(path_local_ok("/a\r\nSet-Cookie: x=1"));
	/* Backslashes anywhere. */
	assert_false(path_local_ok("/a\\b"));
	assert_false(path_local_ok("/a/\\evil.com"));

	/* At most 512 bytes. */
	memset(big, 'a', sizeof(big));
	big[0] = '/';
	big[512] = '\0';
	assert_true(path_local_ok(big));
	big[512] = 'a';
	big[513] = '\0';
	assert_false(path_local_ok(big));
	big[599] = '\0';
	assert_false(path_local_ok(big));
}

static void
t_query_args(void **state)
{
	(void)state;
	assert_int_equal(path_query_args(NULL), 0);
	assert_int_equal(path_query_args(""), 0);
	assert_int_equal(path_query_args("q=jeugd"), 1);
	assert_int_equal(path_query_args("q=a&rol=lid&pagina=2"), 3);
	assert_int_equal(path_query_args("&&"), 3);
}

/* name=<value> present, as opposed to absent, empty or a longer name. */
static void
t_query_has(void **state)
{
	(void)state;
	assert_int_equal(path_query_has(NULL, "pagina"), 0);
	assert_int_equal(path_query_has("", "pagina"), 0);
	assert_int_equal(path_query_has("pagina=2", "pagina"), 1);
	assert_int_equal(path_query_has("tag=x&pagina=abc", "pagina"), 1);
	assert_int_equal(path_query_has("pagina=", "pagina"), 0);
	assert_int_equal(path_query_has("pagina=&tag=x", "pagina"), 0);
	assert_int_equal(path_query_has("paginas=2", "pagina"), 0);
	assert_int_equal(path_query_has("xpagina=2", "pagina"), 0);
	assert_int_equal(path_query_has("pagina", "pagina"), 0);
	assert_int_equal(path_query_has("a=1&&pagina=3", "pagina"), 1);
}

/* The slug segment after a prefix, up to the next slash. */
static void
t_slug_seg(void **state)
{
	char	out[PATH_SLUG_MAX + 1];
	char	longp[PATH_SLUG_MAX + 32];

	(void)state;
	assert_int_equal(path_slug_seg("/artikelen/een-twee/bewerken",
	    "/artikelen/", out, sizeof(out)), 0);
	assert_string_equal(out, "een-twee");
	assert_int_equal(path_slug_seg("/artikelen/x", "/artikelen/", out,
	    sizeof(out)), 0);
	assert_string_equal(out, "x");
	assert_int_equal(path_slug_seg("/artikelen//status", "/artikelen/",
	    out, sizeof(out)), -1);
	assert_int_equal(path_slug_seg("/artikelen/a--b/status",
	    "/artikelen/", out, sizeof(out)), -1);
	assert_int_equal(path_slug_seg("/artikelen/-a/status", "/artikelen/",
	    out, sizeof(out)), -1);
	assert_int_equal(path_slug_seg("/pilots/a/status", "/artikelen/",
	    out, sizeof(out)), -1);
	assert_int_equal(path_slug_seg("/artikelen/abc/x", "/artikelen/",
	    out, 3), -1);
	memcpy(longp, "/artikelen/", 11);
	memset(longp + 11, 'a', PATH_SLUG_MAX + 1);
	strcpy(longp + 11 + PATH_SLUG_MAX + 1, "/x");
	assert_int_equal(path_slug_seg(longp, "/artikelen/", out,
	    sizeof(out)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_slug_ok),
		cmocka_unit_test(t_slug_bad),
		cmocka_unit_test(t_slug_length),
		cmocka_unit_test(t_slug_prefixes),
		cmocka_unit_test(t_local_ok),
		cmocka_unit_test(t_query_args),
		cmocka_unit_test(t_query_has),
		cmocka_unit_test(t_slug_seg),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
