-- Accounts, sessions, throttling, password reset, the mail outbox and the
-- audit log (issue 4). Personal data lives only in account (e-mail,
-- display name, bio), session (user agent) and outbox (address, text):
-- deleting an account erases those columns and rows, and keeps the id
-- so contributions stay under "voormalig lid".

CREATE TABLE account (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	-- NULL once the account is deleted.
	email		text CHECK (email IS NULL OR
			    (length(email) BETWEEN 3 AND 254 AND email = lower(email))),
	display_name	text CHECK (display_name IS NULL OR
			    length(display_name) BETWEEN 1 AND 60),
	bio		text NOT NULL DEFAULT '' CHECK (length(bio) <= 2000),
	-- Argon2id string from crypto_pwhash_str; NULL: no password set yet
	-- (an admin created by the CLI) or deleted.
	password_hash	text,
	member_kind	text NOT NULL CHECK (member_kind IN
			    ('professional', 'ervaringsdeskundige', 'anders')),
	role		text NOT NULL DEFAULT 'lid' CHECK (role IN
			    ('lid', 'ervaringsdeskundige', 'redacteur', 'beheerder')),
	lang		text NOT NULL DEFAULT 'nl' CHECK (lang IN ('nl', 'en')),
	-- Content warnings: 'vragen' (collapsed, ask first) or 'tonen'.
	cw_pref		text NOT NULL DEFAULT 'vragen' CHECK (cw_pref IN
			    ('vragen', 'tonen')),
	blocked_at	timestamptz,
	deleted_at	timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	CHECK (deleted_at IS NULL OR (email IS NULL AND display_name IS NULL
	    AND password_hash IS NULL AND bio = ''))
);
CREATE UNIQUE INDEX account_email ON account (email) WHERE email IS NOT NULL;

-- Only a hash of the cookie token is stored (a leaked table gives no
-- live sessions); csrf is the per-session form token.
CREATE TABLE session (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	token_hash	bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	csrf		text NOT NULL CHECK (length(csrf) = 43),
	user_agent	text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 200),
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_seen_at	timestamptz NOT NULL DEFAULT now(),
	-- Absolute expiry; the idle limit is checked against last_seen_at.
	expires_at	timestamptz NOT NULL
);
CREATE INDEX session_account ON session (account_id);

-- Fixed-window counters. Keys are "what:ip:ADDR" or "what:acct:HEX"
-- (a hash of the e-mail address, never the address itself).
CREATE TABLE throttle (
	bucket		text PRIMARY KEY,
	hits		integer NOT NULL,
	window_start	timestamptz NOT NULL
);

-- Count one hit in each bucket and return how many seconds the caller
-- must wait (0: allowed). A bucket over its limit stays closed until its
-- window ends; hits in a closed window are not counted further.
CREATE FUNCTION throttle_hit(buckets text[], limits integer[],
    window_secs integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	i	integer;
	wait	integer := 0;
	r	throttle;
BEGIN
	FOR i IN 1 .. coalesce(array_length(buckets, 1), 0) LOOP
		INSERT INTO throttle AS t (bucket, hits, window_start)
		VALUES (buckets[i], 1, now())
		ON CONFLICT (bucket) DO UPDATE SET
		    hits = CASE WHEN t.window_start <=
			now() - make_interval(secs => window_secs)
			THEN 1 ELSE t.hits + 1 END,
		    window_start = CASE WHEN t.window_start <=
			now() - make_interval(secs => window_secs)
			THEN now() ELSE t.window_start END
		RETURNING * INTO r;
		IF r.hits > limits[i] THEN
			wait := greatest(wait, ceil(extract(epoch FROM
			    r.window_start + make_interval(secs => window_secs)
			    - now()))::integer, 1);
		END IF;
	END LOOP;
	RETURN wait;
END $$;

-- Seconds to wait for these buckets without counting a hit.
CREATE FUNCTION throttle_peek(buckets text[], limits integer[],
    window_secs integer) RETURNS integer
LANGUAGE sql STABLE AS $$
	SELECT coalesce(max(greatest(ceil(extract(epoch FROM
	    t.window_start + make_interval(secs => window_secs) - now()))::integer, 1)), 0)
	FROM throttle t
	JOIN unnest(buckets, limits) AS b(bucket, lim) ON b.bucket = t.bucket
	WHERE t.hits >= b.lim
	  AND t.window_start > now() - make_interval(secs => window_secs)
$$;

-- Single-use password reset tokens, stored as hashes, valid one hour.
CREATE TABLE password_reset (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	token_hash	bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL DEFAULT now() + interval '1 hour',
	used_at		timestamptz
);
CREATE INDEX password_reset_account ON password_reset (account_id);

-- Mail waiting for the mailer (tools/mailer.c). The body is cleared once
-- the message is sent, so no reset link outlives its delivery here.
CREATE TABLE outbox (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id	bigint REFERENCES account ON DELETE CASCADE,
	to_addr		text NOT NULL CHECK (length(to_addr) <= 254),
	subject		text NOT NULL CHECK (length(subject) <= 200),
	body		text NOT NULL CHECK (length(body) <= 20000),
	created_at	timestamptz NOT NULL DEFAULT now(),
	sent_at		timestamptz,
	attempts	integer NOT NULL DEFAULT 0,
	last_error	text
);
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;

-- In-app notifications (filled by later issues; exported and erased
-- with the account from now on).
CREATE TABLE notification (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	kind		text NOT NULL,
	text		text NOT NULL CHECK (length(text) <= 500),
	href		text NOT NULL DEFAULT '/',
	created_at	timestamptz NOT NULL DEFAULT now(),
	read_at		timestamptz
);
CREATE INDEX notification_account ON notification (account_id, created_at DESC);

-- Consent records (append-only; stories use them in a later issue).
CREATE TABLE consent (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	subject		text NOT NULL,
	scope		text NOT NULL,
	text_version	text NOT NULL,
	given		boolean NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_account ON consent (account_id);

-- Who wrote what. Rows stay when an account is deleted: the account row
-- itself stays, emptied, and is shown as "voormalig lid".
CREATE TABLE item_author (
	item_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	account_id	bigint NOT NULL REFERENCES account,
	PRIMARY KEY (item_id, account_id)
);
CREATE INDEX item_author_account ON item_author (account_id);

-- Storytellers may keep a story public after deleting their account.
ALTER TABLE item ADD COLUMN keep_after_delete boolean NOT NULL DEFAULT false;

-- Append-only audit log: ids and codes, never personal data.
CREATE TABLE audit (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at		timestamptz NOT NULL DEFAULT now(),
	actor_id	bigint,
	action		text NOT NULL CHECK (action ~ '^[a-z_]{1,40}$'),
	target_id	bigint,
	detail		text NOT NULL DEFAULT '' CHECK (length(detail) <= 200)
);
CREATE INDEX audit_at ON audit (at DESC);
CREATE INDEX audit_action ON audit (action, at DESC);

CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit is append-only';
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
	ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse();

-- A failed sign-in: count it against the account's bucket, and when
-- that reaches the limit write one audit row (no address, no IP).
CREATE FUNCTION login_failed(bucket text, lim integer, acct bigint)
    RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	wait	integer;
	n	integer;
BEGIN
	wait := throttle_hit(ARRAY[bucket], ARRAY[lim], 900);
	SELECT hits INTO n FROM throttle WHERE throttle.bucket = login_failed.bucket;
	IF n = lim THEN
		INSERT INTO audit (action, target_id, detail)
		VALUES ('inloggen_limiet', acct, 'te veel mislukte pogingen');
	END IF;
	RETURN wait;
END $$;
