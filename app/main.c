/*
 * Module entry: libsodium, the database registration and the app's
 * seccomp additions.
 */
#include <sys/syscall.h>

#include <stdlib.h>

#include <kore/kore.h>
#include <kore/seccomp.h>
#include <kore/pgsql.h>

#include <sodium.h>

#include "app.h"
#include "db/db.h"
#include "web/auth.h"
#include "web/upload.h"

/*
 * Kore 4.1's allowlist predates glibc 2.36: without these the worker is
 * killed on its first stat(), filemap lookup or task thread (STYLE c10).
 * KORE_SECCOMP_FILTER defines global symbols: use it in this file only.
 */
KORE_SECCOMP_FILTER("bron",
	KORE_SYSCALL_ALLOW(newfstatat),
	KORE_SYSCALL_ALLOW(faccessat2),
	KORE_SYSCALL_ALLOW(clone3),
	KORE_SYSCALL_ALLOW(rseq),
	/*
	 * The upload path (web/upload.c): the directories made at start,
	 * and the write task's fsync, rename and cleanup.
	 */
	KORE_SYSCALL_ALLOW(mkdir),
	KORE_SYSCALL_ALLOW(mkdirat),
	KORE_SYSCALL_ALLOW(fsync),
	KORE_SYSCALL_ALLOW(fdatasync),
	KORE_SYSCALL_ALLOW(rename),
	KORE_SYSCALL_ALLOW(renameat),
	KORE_SYSCALL_ALLOW(renameat2),
	KORE_SYSCALL_ALLOW(unlinkat),
);

int
app_init(int state)
{
	static int	registered;
	const char	*dsn;

	if (state == KORE_MODULE_UNLOAD)
		return (KORE_RESULT_OK);
	if (sodium_init() == -1)
		fatal("bron: libsodium failed to initialise");
	auth_configure();
	upload_init();

	/* Onload runs again on reload; registering twice is an error. */
	if (registered)
		return (KORE_RESULT_OK);
	if ((dsn = getenv("BRON_DATABASE_URL")) == NULL || *dsn == '\0')
		fatal("bron: BRON_DATABASE_URL is not set");
	if (!kore_pgsql_register(DB_NAME, dsn))
		fatal("bron: cannot register database");
	registered = 1;
	return (KORE_RESULT_OK);
}
