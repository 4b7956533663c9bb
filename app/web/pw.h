/*
 * Argon2id (crypto_pwhash_str, INTERACTIVE limits: ~140 ms and 64 MiB)
 * in a kore_task, never on the event loop. Usage from a done callback:
 *
 *	if (pw_start(&ctx->pw, PW_VERIFY, password, hash) == -1)
 *		... busy: answer 503 ...
 *	return (db_task(req, db, &ctx->pw.task, after_verify));
 *
 * and in after_verify read ctx->pw.ok (then pw_clear()).
 */
#ifndef BRON_PW_H
#define BRON_PW_H

#include <kore/kore.h>
#include <kore/tasks.h>

#include <sodium.h>

#include "core/form.h"

enum pw_op {
	PW_HASH,
	PW_VERIFY
};

struct pw_task {
	struct kore_task	task;	/* first: the entry finds us by it */
	enum pw_op		op;
	char			pw[FORM_PW_MAX * 4 + 1];
	char			hash[crypto_pwhash_STRBYTES];
	int			ok;	/* verified, or hash made */
};

/*
 * Prepare the task (pw is copied; hash is the stored string to verify
 * against, NULL for PW_HASH). -1 when too many hashes are already
 * waiting in this worker: answer 503 with Retry-After.
 */
int	pw_start(struct pw_task *, enum pw_op, const char *, const char *);
/* Wipe the password copy once the result is read. */
void	pw_clear(struct pw_task *);

#endif
