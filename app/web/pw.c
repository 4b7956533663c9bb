/*
 * Password hashing off the event loop. The task thread works only on
 * its own struct pw_task (inside the request's state, which Kore keeps
 * until the task has finished: http_request_free waits for pending
 * tasks). Verifying an unknown account uses a fixed dummy hash so the
 * answer takes as long as for a real one.
 */
#include <string.h>

#include "web/pw.h"

/* At most this many hashes queued or running per worker (64 MiB each). */
#define PW_INFLIGHT_MAX		16

/* Argon2id of a random, forgotten password: never matches. */
static const char	pw_dummy[] =
    "$argon2id$v=19$m=65536,t=2,p=1$aY6Sj9U1uLbmuoFCmUkoZQ$"
    "XPNrfBqn1bmm8RXU/2xDJHE5mkZUBi57OZAoNwWaO30";

static int	pw_entry(struct kore_task *);

static volatile int	inflight;

static int
pw_entry(struct kore_task *t)
{
	struct pw_task	*p = (struct pw_task *)t;

	if (p->op == PW_HASH)
		p->ok = crypto_pwhash_str(p->hash, p->pw, strlen(p->pw),
		    crypto_pwhash_OPSLIMIT_INTERACTIVE,
		    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
	else
		p->ok = crypto_pwhash_str_verify(p->hash, p->pw,
		    strlen(p->pw)) == 0;
	__atomic_sub_fetch(&inflight, 1, __ATOMIC_SEQ_CST);
	return (KORE_RESULT_OK);
}

int
pw_start(struct pw_task *p, enum pw_op op, const char *pw, const char *hash)
{
	if (__atomic_load_n(&inflight, __ATOMIC_SEQ_CST) >= PW_INFLIGHT_MAX)
		return (-1);
	memset(p, 0, sizeof(*p));
	p->op = op;
	if (strlen(pw) >= sizeof(p->pw))
		return (-1);
	memcpy(p->pw, pw, strlen(pw) + 1);
	if (op == PW_VERIFY) {
		if (hash == NULL || *hash == '\0' ||
		    strlen(hash) >= sizeof(p->hash))
			hash = pw_dummy;
		memcpy(p->hash, hash, strlen(hash) + 1);
	}
	__atomic_add_fetch(&inflight, 1, __ATOMIC_SEQ_CST);
	kore_task_create(&p->task, pw_entry);
	return (0);
}

void
pw_clear(struct pw_task *p)
{
	sodium_memzero(p->pw, sizeof(p->pw));
}
