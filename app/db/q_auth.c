/*
 * Sign-in, registration, sessions and throttling (issue 4). Throttle
 * buckets for an account are keyed by a hash of the e-mail address, so
 * the table never holds an address, and an unknown address is throttled
 * exactly like a known one.
 */
#include "db/q.h"

#define ACCT_BUCKET(what, p) \
	"'" what ":acct:' || encode(sha256(convert_to(" p ", 'UTF8')), 'hex')"

const struct db_query	q_login_check = {
	"login_check",
	"WITH ip AS (SELECT throttle_hit(ARRAY['login:ip:' || $2],"
	"    ARRAY[$3::int], 900) AS wait),"
	" acct AS (SELECT throttle_peek(ARRAY[" ACCT_BUCKET("login", "$1") "],"
	"    ARRAY[$4::int], 900) AS wait)"
	" SELECT ip.wait, acct.wait, a.id, a.password_hash,"
	"    a.blocked_at IS NOT NULL"
	" FROM ip CROSS JOIN acct"
	" LEFT JOIN account a ON a.email = $1 AND a.deleted_at IS NULL",
	4
};

const struct db_query	q_login_failed = {
	"login_failed",
	"SELECT login_failed(" ACCT_BUCKET("login", "$1") ", $2::int,"
	"    nullif($3, '')::bigint)",
	3
};

const struct db_query	q_session_create = {
	"session_create",
	"WITH old AS (DELETE FROM session WHERE token_hash ="
	"    decode(nullif($5, ''), 'hex')),"
	" sweep AS (DELETE FROM session WHERE account_id = $1::bigint AND"
	"    (expires_at <= now() OR last_seen_at <= now() - interval '1 day'))"
	" INSERT INTO session (account_id, token_hash, csrf, user_agent,"
	"    expires_at)"
	" VALUES ($1::bigint, decode($2, 'hex'), $3, $4,"
	"    now() + interval '14 days') RETURNING id",
	5
};

const struct db_query	q_session_end = {
	"session_end",
	"DELETE FROM session WHERE id = $1::bigint",
	1
};

const struct db_query	q_session_end_all = {
	"session_end_all",
	"DELETE FROM session WHERE account_id = $1::bigint",
	1
};

const struct db_query	q_register_check = {
	"register_check",
	"SELECT throttle_hit(ARRAY['register:ip:' || $2], ARRAY[$3::int],"
	"    3600),"
	"    EXISTS (SELECT 1 FROM account WHERE email = $1)",
	3
};

const struct db_query	q_register = {
	"register",
	"WITH old AS (DELETE FROM session WHERE token_hash ="
	"    decode(nullif($9, ''), 'hex')),"
	" a AS (INSERT INTO account (email, display_name, password_hash,"
	"    member_kind, role) VALUES ($1, $2, $3, $4, $5) RETURNING id)"
	" INSERT INTO session (account_id, token_hash, csrf, user_agent,"
	"    expires_at)"
	" SELECT a.id, decode($6, 'hex'), $7, $8, now() + interval '14 days'"
	" FROM a RETURNING account_id",
	9
};

const struct db_query	q_account_set_lang = {
	"account_set_lang",
	"UPDATE account SET lang = $2, updated_at = now()"
	" WHERE id = $1::bigint",
	2
};
