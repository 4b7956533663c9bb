/*
 * The account page and its settings (issue 4). Wrong current passwords
 * on the password and e-mail forms share one throttle bucket per
 * account, 'pwchange:acct:<id>': peeked before Argon2 runs, counted
 * only when the password was wrong.
 */
#include "db/q_account.h"

#define PW_BUCKET	"ARRAY['pwchange:acct:' || $1]"

/* A session is live until either of its limits (as in sess.c). */
#define SESS_LIVE \
	"s.expires_at > now() AND s.last_seen_at > now() - interval '1 day'"

#define LOCAL_TIME(c) \
	"to_char(" c " AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY HH24:MI')"
#define ISO_TIME(c) \
	"to_char(" c " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

const struct db_query	q_account_page = {
	"account_page",
	"SELECT a.display_name, a.bio, a.lang,"
	"    array_to_string(a.cw_show, ','), a.member_kind,"
	"    a.email, s.id IS NOT NULL, s.id = $2::bigint,"
	"    " LOCAL_TIME("s.created_at") ", " ISO_TIME("s.created_at") ","
	"    " LOCAL_TIME("s.last_seen_at") ", " ISO_TIME("s.last_seen_at") ","
	"    s.user_agent"
	" FROM account a"
	" LEFT JOIN session s ON s.account_id = a.id AND " SESS_LIVE
	" WHERE a.id = $1::bigint AND a.deleted_at IS NULL"
	" ORDER BY s.id = $2::bigint DESC, s.last_seen_at DESC, s.id DESC"
	" LIMIT 50",
	2
};

const struct db_query	q_account_secret = {
	"account_secret",
	"SELECT a.email, a.password_hash,"
	"    throttle_peek(" PW_BUCKET ", ARRAY[$2::int], 900)"
	" FROM account a WHERE a.id = $1::bigint AND a.deleted_at IS NULL",
	2
};

const struct db_query	q_account_pw_failed = {
	"account_pw_failed",
	"SELECT throttle_hit(" PW_BUCKET ", ARRAY[$2::int], 900)",
	2
};

const struct db_query	q_account_profile = {
	"account_profile",
	"UPDATE account SET display_name = $2, bio = $3, lang = $4,"
	"    cw_show = coalesce(string_to_array(nullif($5, ''), ','), '{}'),"
	"    updated_at = now()"
	" WHERE id = $1::bigint AND deleted_at IS NULL",
	5
};

const struct db_query	q_account_password = {
	"account_password",
	"WITH a AS (UPDATE account SET password_hash = $2, updated_at = now()"
	"    WHERE id = $1::bigint AND deleted_at IS NULL RETURNING id),"
	" r AS (DELETE FROM password_reset WHERE account_id = $1::bigint"
	"    AND used_at IS NULL)"
	" DELETE FROM session WHERE account_id = (SELECT id FROM a)"
	"    AND id <> $3::bigint",
	3
};

const struct db_query	q_account_email = {
	"account_email",
	"WITH r AS (DELETE FROM password_reset WHERE account_id = $1::bigint"
	"    AND used_at IS NULL)"
	" UPDATE account SET email = $2, updated_at = now()"
	" WHERE id = $1::bigint AND deleted_at IS NULL",
	2
};
