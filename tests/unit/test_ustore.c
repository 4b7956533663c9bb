/*
 * ustore: the file lands complete under its token, nothing stays in
 * tmp/, an existing temp name is refused (O_EXCL), bad tokens and
 * missing directories fail cleanly; tokens are random hex; SHA-256
 * matches the FIPS 180-2 test vector.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/ustore.h"

#define TOKEN	"0123456789abcdef0123456789abcdef"

static char	dir[64];

static int
setup(void **state)
{
	(void)state;
	(void)snprintf(dir, sizeof(dir), "/tmp/test_ustore.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return (-1);
	return (sodium_init() < 0 ? -1 : 0);
}

static int
teardown(void **state)
{
	char	cmd[128];

	(void)state;
	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

static size_t
entries(const char *path)
{
	DIR		*d;
	struct dirent	*e;
	size_t		 n = 0;

	if ((d = opendir(path)) == NULL)
		return ((size_t)-1);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	(void)closedir(d);
	return (n);
}

static void
t_write(void **state)
{
	char		 path[256], buf[16];
	struct stat	 st;
	FILE		*f;

	(void)state;
	assert_int_equal(ustore_write(dir, TOKEN, "hallo\n", 6), 0);
	(void)snprintf(path, sizeof(path), "%s/%s", dir, TOKEN);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 6);
	assert_int_equal(st.st_mode & 0777, 0640);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fread(buf, 1, sizeof(buf), f), 6);
	(void)fclose(f);
	assert_memory_equal(buf, "hallo\n", 6);
	(void)snprintf(path, sizeof(path), "%s/tmp", dir);
	assert_int_equal(entries(path), 0);
}

static void
t_exists(void **state)
{
	char	path[256];
	FILE	*f;

	(void)state;
	/* A temp file of the same name (a crash mid-write) is not
	 * overwritten: the write fails and leaves it for the sweeper. */
	(void)snprintf(path, sizeof(path), "%s/tmp", dir);
	(void)mkdir(path, 0750);
	(void)snprintf(path, sizeof(path), "%s/tmp/%s", dir,
	    "ffffffffffffffffffffffffffffffff");
	f = fopen(path, "w");
	assert_non_null(f);
	(void)fclose(f);
	assert_int_equal(ustore_write(dir, "ffffffffffffffffffffffffffffffff",
	    "x", 1), -1);
	assert_int_equal(errno, EEXIST);
}

static void
t_bad(void **state)
{
	(void)state;
	assert_int_equal(ustore_write(dir, "../etc/passwd", "x", 1), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(ustore_write(dir, "0123456789ABCDEF0123456789ABCDEF",
	    "x", 1), -1);
	assert_int_equal(ustore_write("/nonexistent/deeper/dir", TOKEN, "x",
	    1), -1);
}

static void
t_token(void **state)
{
	char	a[USTORE_TOKEN_LEN + 1], b[USTORE_TOKEN_LEN + 1];

	(void)state;
	ustore_token(a);
	ustore_token(b);
	assert_int_equal(strlen(a), USTORE_TOKEN_LEN);
	assert_true(ustore_token_valid(a));
	assert_true(ustore_token_valid(b));
	assert_string_not_equal(a, b);
	assert_false(ustore_token_valid(NULL));
	assert_false(ustore_token_valid(""));
	assert_false(ustore_token_valid(TOKEN "0"));
	assert_false(ustore_token_valid("0123456789abcdef0123456789abcde"));
	assert_false(ustore_token_valid("0123456789abcdef0123456789abcdeg"));
}

static void
t_sha256(void **state)
{
	char	h[65];

	(void)state;
	ustore_sha256("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	ustore_sha256("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_write),
		cmocka_unit_test(t_exists),
		cmocka_unit_test(t_bad),
		cmocka_unit_test(t_token),
		cmocka_unit_test(t_sha256),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
