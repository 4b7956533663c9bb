/*
 * Password reset (issue 4). The throttle buckets for an address are
 * keyed by a hash of it (as in q_auth.c), and the request statement
 * does the same work whether or not the account exists, apart from the
 * two inserts: the answer never tells which it was.
 */
#include "db/q_reset.h"

/* Valid reset rows: unused, unexpired, of an account that may sign in. */
#define RESET_USABLE \
	" p.used_at IS NULL AND p.expires_at > now()" \
	" AND a.deleted_at IS NULL AND a.blocked_at IS NULL"

const struct db_query	q_reset_request = {
	"reset_request",
	"WITH w AS (SELECT throttle_hit(ARRAY['reset:ip:' || $2,"
	"    'reset:acct:' || encode(sha256(convert_to($1, 'UTF8')), 'hex')],"
	"    ARRAY[$3::int, $4::int], 3600) AS wait),"
	" a AS (SELECT a.id, a.email, a.lang FROM account a, w"
	"    WHERE w.wait = 0 AND a.email = $1 AND a.deleted_at IS NULL"
	"    AND a.blocked_at IS NULL),"
	/* Spent and long-expired links of this account are of no use. */
	" old AS (DELETE FROM password_reset p USING a"
	"    WHERE p.account_id = a.id AND (p.used_at IS NOT NULL OR"
	"    p.expires_at < now() - interval '1 day')),"
	" r AS (INSERT INTO password_reset (account_id, token_hash)"
	"    SELECT id, decode($5, 'hex') FROM a RETURNING account_id),"
	" o AS (INSERT INTO outbox (account_id, to_addr, subject, body)"
	"    SELECT a.id, a.email,"
	"    CASE a.lang WHEN 'en' THEN $8 ELSE $6 END,"
	"    CASE a.lang WHEN 'en' THEN $9 ELSE $7 END"
	"    FROM a JOIN r ON r.account_id = a.id)"
	" SELECT wait FROM w",
	9
};

const struct db_query	q_reset_find = {
	"reset_find",
	"SELECT a.id, a.email, a.display_name"
	" FROM password_reset p JOIN account a ON a.id = p.account_id"
	" WHERE p.token_hash = decode($1, 'hex') AND" RESET_USABLE,
	1
};

/*
 * Concurrent uses of one token: the second UPDATE waits for the first
 * row lock, re-checks used_at IS NULL and matches nothing.
 */
const struct db_query	q_reset_apply = {
	"reset_apply",
	"WITH r AS (UPDATE password_reset p SET used_at = now()"
	"    FROM account a WHERE a.id = p.account_id"
	"    AND p.token_hash = decode($1, 'hex') AND" RESET_USABLE
	"    RETURNING p.id, p.account_id),"
	" acct AS (UPDATE account SET password_hash = $2, updated_at = now()"
	"    WHERE id IN (SELECT account_id FROM r) RETURNING id),"
	/* A reset signs out everywhere. */
	" s AS (DELETE FROM session WHERE account_id IN"
	"    (SELECT id FROM acct)),"
	/* Other links sent before this one stop working too. */
	" other AS (UPDATE password_reset SET used_at = now()"
	"    WHERE account_id IN (SELECT account_id FROM r)"
	"    AND used_at IS NULL AND id NOT IN (SELECT id FROM r))"
	" SELECT id FROM acct",
	2
};
