-- Stories by experts by experience (issue 9): consent first, safe to
-- read, theirs to withdraw.
--
-- A story is an item of kind 'verhaal' (themes, links, revisions, search,
-- follow and report come from the content engine) plus one story row.
-- Its storyteller is the item's owner (owner_id), the only account that
-- may change it; editors review but never edit, and never learn who
-- wrote it. The storyteller's display name is never shown with the
-- story: the story carries a pseudonym of its own.
--
-- The story's own workflow (story.state; item.status follows it so the
-- generic lists, search and feeds need no story rules of their own):
--   concept       the storyteller writes                 item: concept
--   ter_review    sent in with consent; editors review   item: ter_review
--   voorstel      an editor suggested changes (notes)    item: concept
--   akkoord       an editor checked revision reviewed_rev  item: ter_review
--   gepubliceerd  the storyteller approved that revision item: gepubliceerd
--   ingetrokken   the storyteller withdrew it            item: concept
-- Only the storyteller publishes, and only the revision an editor
-- checked: any save after 'akkoord' or 'gepubliceerd' goes back to
-- 'ter_review' (a published story goes offline until it is checked and
-- approved again; the form says so).
--
-- Scope (what the storyteller consented to; leden < openbaar < citeren):
--   leden     only signed-in members read it       item.visibility 'leden'
--   openbaar  everyone                              'openbaar'
--   citeren   everyone, and editors may quote it in reports and the
--             monitor (story_quote)                 'openbaar'
-- A community makes it stricter, never wider: the visibility is the
-- stricter of the scope's and the community's (story_visibility()).
-- Narrowing works at once; widening waits for an editor (scope_wanted).
--
-- Consent is an append-only record per story (story_consent): every
-- grant, narrowing, request to widen, decision on it and withdrawal, with
-- the version of the consent text, and for a storyteller under 16 the
-- name and statement of a parent or guardian.
--
-- Audit actions of this file start with 'verhaal_' (audit_target: item).
-- Storytellers' own steps are written with actor_id NULL and detail
-- 'verteller', so the audit log does not link the person to the story;
-- editors' and admins' steps carry their id. The one way to see who
-- wrote a story is story_author_look(), admins only, audited.

/* ---------------------------------------------------------------- */
/* Tables                                                            */
/* ---------------------------------------------------------------- */

-- The warning codes (core/story.c names them). Codes, not labels:
--   suicide, zelfbeschadiging, separatie (separatie/afzondering),
--   fixatie (fixatie/dwang), geweld, misbruik (seksueel misbruik),
--   verlies.
CREATE FUNCTION story_warnings_ok(w text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT w IS NOT NULL AND w <@ ARRAY['suicide', 'zelfbeschadiging',
	    'separatie', 'fixatie', 'geweld', 'misbruik', 'verlies']::text[]
$$;

-- The de-identification checklist: no names of people or facilities
-- ('namen'), no exact dates or small places ('plaatsen'), no photos of
-- faces ('fotos').
CREATE FUNCTION story_checklist_ok(c text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT c IS NOT NULL AND c <@ ARRAY['namen', 'plaatsen',
	    'fotos']::text[]
$$;

CREATE TABLE story (
	item_id		bigint PRIMARY KEY REFERENCES item ON DELETE CASCADE,
	-- '' only while a concept has none yet (sending in needs one) and
	-- after an account deletion erased it.
	pseudonym	text NOT NULL DEFAULT ''
	    CHECK (length(pseudonym) <= 60),
	warnings	text[] NOT NULL DEFAULT '{}'
	    CHECK (story_warnings_ok(warnings)),
	checklist	text[] NOT NULL DEFAULT '{}'
	    CHECK (story_checklist_ok(checklist)),
	state		text NOT NULL DEFAULT 'concept' CHECK (state IN
	    ('concept', 'ter_review', 'voorstel', 'akkoord', 'gepubliceerd',
	    'ingetrokken')),
	-- The scope in force (the last consent); NULL before the first.
	scope		text CHECK (scope IN ('leden', 'openbaar', 'citeren')),
	-- A wider scope the storyteller asked for, waiting for an editor.
	scope_wanted	text CHECK (scope_wanted IN
	    ('leden', 'openbaar', 'citeren')),
	-- The revision an editor checked (state 'akkoord'); only that one
	-- can be published.
	reviewed_rev	integer,
	-- The editor's latest notes (suggestions or remarks with 'akkoord').
	review_note	text NOT NULL DEFAULT ''
	    CHECK (length(review_note) <= 4000),
	-- Replies: 'uit' (default) or 'aan' (supportive replies, each one
	-- approved before it shows).
	replies		text NOT NULL DEFAULT 'uit'
	    CHECK (replies IN ('uit', 'aan')),
	submitted_at	timestamptz,
	withdrawn_at	timestamptz
);
CREATE INDEX story_state ON story (state);
CREATE INDEX story_warnings ON story USING gin (warnings);

-- Append-only consent record. No account id: the story's owner is the
-- storyteller, and a row of this table must not link a person to a
-- story on its own. Only account deletion (bron.erase) may rewrite it.
CREATE TABLE story_consent (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	item_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	event		text NOT NULL CHECK (event IN ('gegeven', 'beperkt',
	    'verruiming_gevraagd', 'verruimd', 'verruiming_afgewezen',
	    'ingetrokken')),
	scope		text NOT NULL CHECK (scope IN
	    ('leden', 'openbaar', 'citeren')),
	-- Version of the consent text the storyteller agreed to
	-- (STORY_CONSENT_VERSION in core/story.h); '' for events that are
	-- not an agreement (an editor's decision, a withdrawal).
	text_version	text NOT NULL DEFAULT ''
	    CHECK (length(text_version) <= 40),
	under16		boolean NOT NULL DEFAULT false,
	guardian_name	text NOT NULL DEFAULT ''
	    CHECK (length(guardian_name) <= 120),
	-- Version of the guardian's statement (STORY_GUARDIAN_VERSION).
	guardian_version text NOT NULL DEFAULT ''
	    CHECK (length(guardian_version) <= 40),
	by_whom		text NOT NULL CHECK (by_whom IN ('verteller',
	    'redactie', 'systeem')),
	at		timestamptz NOT NULL DEFAULT now(),
	-- The guardian's name is checked by story_submit(): account
	-- deletion erases it, the statement's version stays.
	CHECK (NOT under16 OR event NOT IN ('gegeven', 'verruiming_gevraagd')
	    OR guardian_version <> '')
);
CREATE INDEX story_consent_item ON story_consent (item_id, id);

CREATE FUNCTION story_consent_refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF coalesce(current_setting('bron.erase', true), '') = 'on' THEN
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	RAISE EXCEPTION 'story_consent is append-only';
END $$;
CREATE TRIGGER story_consent_append_only BEFORE UPDATE OR DELETE
	ON story_consent FOR EACH ROW EXECUTE FUNCTION story_consent_refuse();

-- Supportive replies under a story (only while story.replies = 'aan'),
-- each approved by the storyteller or an editor before it shows.
CREATE TABLE story_reply (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	item_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	author_id	bigint REFERENCES account,
	body_md		text NOT NULL CHECK (length(body_md) BETWEEN 1 AND 4000),
	body_html	text NOT NULL DEFAULT '',
	state		text NOT NULL DEFAULT 'wacht' CHECK (state IN
	    ('wacht', 'geplaatst', 'afgewezen')),
	decided_at	timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	idem		text UNIQUE CHECK (length(idem) <= 64)
);
CREATE INDEX story_reply_item ON story_reply (item_id, created_at);
CREATE INDEX story_reply_waiting ON story_reply (created_at)
	WHERE state = 'wacht';

-- A quote an editor took from a story whose storyteller allowed quoting
-- (scope 'citeren'), shown on a change goal's monitor page. Shown only
-- while story_quotable(); withdrawing or narrowing deletes the quotes.
CREATE TABLE story_quote (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	item_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	goal_id		bigint NOT NULL REFERENCES change_goal ON DELETE CASCADE,
	text		text NOT NULL CHECK (length(text) BETWEEN 10 AND 600),
	added_by	bigint REFERENCES account ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX story_quote_goal ON story_quote (goal_id);
CREATE INDEX story_quote_item ON story_quote (item_id);

-- Readers choose per warning to always see the story at once.
ALTER TABLE account ADD COLUMN cw_show text[] NOT NULL DEFAULT '{}'
	CHECK (story_warnings_ok(cw_show));
UPDATE account SET cw_show = ARRAY['suicide', 'zelfbeschadiging',
    'separatie', 'fixatie', 'geweld', 'misbruik', 'verlies']
    WHERE cw_pref = 'tonen';
ALTER TABLE account DROP COLUMN cw_pref;

-- Pages cache on content_gen: the story tables show on public pages.
CREATE TRIGGER story_gen AFTER INSERT OR UPDATE OR DELETE ON story
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER story_reply_gen AFTER INSERT OR UPDATE OR DELETE
	ON story_reply FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER story_quote_gen AFTER INSERT OR UPDATE OR DELETE
	ON story_quote FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();

/* ---------------------------------------------------------------- */
/* Rights                                                            */
/* ---------------------------------------------------------------- */

CREATE FUNCTION account_is_admin(acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM account WHERE id = acct
	    AND role = 'beheerder' AND deleted_at IS NULL
	    AND blocked_at IS NULL)
$$;

-- Is acct the storyteller of story i (an active account)?
CREATE FUNCTION story_is_teller(i bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT acct IS NOT NULL AND EXISTS (SELECT 1 FROM item x
	    WHERE x.id = i AND x.kind = 'verhaal' AND x.owner_id = acct)
	    AND account_active(acct)
$$;

-- The rank of a scope: leden 1 < openbaar 2 < citeren 3.
CREATE FUNCTION story_scope_rank(s text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE s WHEN 'leden' THEN 1 WHEN 'openbaar' THEN 2
	    WHEN 'citeren' THEN 3 END
$$;

-- The item visibility of story i: the stricter of its scope's and its
-- community's.
CREATE FUNCTION story_visibility(i bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE
	    WHEN c.visibility = 'besloten' THEN 'besloten'
	    WHEN c.visibility = 'leden' OR coalesce(s.scope, 'leden') = 'leden'
		THEN 'leden'
	    ELSE 'openbaar' END
	FROM item x LEFT JOIN story s ON s.item_id = x.id
	LEFT JOIN community c ON c.id = x.community_id
	WHERE x.id = i
$$;

/*
 * May acct read story i?
 *  - its storyteller: always (every state, withdrawn too);
 *  - editors (redacteur, beheerder): from sending in until published
 *    (ter_review, voorstel, akkoord, gepubliceerd), never a concept or
 *    a withdrawn story;
 *  - everyone else: published and not hidden (moderators of its
 *    community see a hidden one), and: scope 'leden' needs an active
 *    account; a community needs community_may_read.
 */
CREATE FUNCTION story_may_read(i bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM item x JOIN story s ON s.item_id = x.id
	    WHERE x.id = i AND (
	        (s.state = 'gepubliceerd' AND x.status = 'gepubliceerd'
	         AND (x.hidden_at IS NULL
	             OR community_may_moderate(x.community_id, acct))
	         AND (s.scope <> 'leden' OR account_active(acct))
	         AND (x.community_id IS NULL
	             OR community_may_read(x.community_id, acct)))
	        OR (s.state IN ('ter_review', 'voorstel', 'akkoord',
	            'gepubliceerd') AND account_is_editor(acct))))
	    OR story_is_teller(i, acct)
$$;

-- Only the storyteller changes a story (editors suggest, never edit).
CREATE OR REPLACE FUNCTION item_may_edit(p_item bigint, p_acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN EXISTS (SELECT 1 FROM item i WHERE i.id = p_item
	    AND i.kind = 'verhaal') THEN story_is_teller(p_item, p_acct)
	ELSE account_is_editor(p_acct)
	    OR EXISTS (SELECT 1 FROM item_author a
	        WHERE a.item_id = p_item AND a.account_id = p_acct)
	    OR EXISTS (SELECT 1 FROM item i
	        WHERE i.id = p_item AND i.owner_id = p_acct) END
$$;

-- Stories answer with story_may_read(); every other kind as before.
CREATE OR REPLACE FUNCTION item_may_read(i bigint, acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN EXISTS (SELECT 1 FROM item y WHERE y.id = i
	    AND y.kind = 'verhaal') THEN story_may_read(i, acct)
	ELSE EXISTS (SELECT 1 FROM item x WHERE x.id = i
	    AND x.status = 'gepubliceerd' AND (x.hidden_at IS NULL
	        OR community_may_moderate(x.community_id, acct))
	    AND (x.visibility = 'openbaar' OR (x.community_id IS NOT NULL
	        AND community_may_read(x.community_id, acct))))
	    OR (acct IS NOT NULL AND item_may_edit(i, acct)) END
$$;

-- Items take their community's visibility; a story the stricter of its
-- scope's and its community's.
CREATE OR REPLACE FUNCTION item_visibility_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.kind = 'verhaal' THEN
		IF TG_OP = 'INSERT' THEN
			NEW.visibility := CASE WHEN NEW.community_id IS NULL
			    THEN 'leden' ELSE (SELECT CASE c.visibility
			    WHEN 'besloten' THEN 'besloten' ELSE 'leden' END
			    FROM community c WHERE c.id = NEW.community_id) END;
		ELSE
			-- story_visibility() reads the stored row; the
			-- community may be changing in this very update.
			NEW.visibility := CASE
			    WHEN (SELECT c.visibility FROM community c
				WHERE c.id = NEW.community_id) = 'besloten'
				THEN 'besloten'
			    WHEN (SELECT c.visibility FROM community c
				WHERE c.id = NEW.community_id) = 'leden'
				OR coalesce((SELECT s.scope FROM story s
				WHERE s.item_id = NEW.id), 'leden') = 'leden'
				THEN 'leden'
			    ELSE 'openbaar' END;
		END IF;
	ELSIF NEW.community_id IS NOT NULL THEN
		SELECT c.visibility INTO NEW.visibility FROM community c
		    WHERE c.id = NEW.community_id;
	ELSIF TG_OP = 'UPDATE' AND OLD.community_id IS NOT NULL THEN
		NEW.visibility := 'openbaar';
	END IF;
	RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION community_visibility_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	UPDATE item SET visibility = NEW.visibility
	    WHERE community_id = NEW.id AND kind <> 'verhaal'
	    AND visibility <> NEW.visibility;
	UPDATE item SET visibility = story_visibility(id)
	    WHERE community_id = NEW.id AND kind = 'verhaal';
	RETURN NULL;
END $$;

-- Is story i quotable now (published, scope citeren, not hidden, in no
-- members-only or closed community)?
CREATE FUNCTION story_quotable(i bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM item x JOIN story s ON s.item_id = x.id
	    WHERE x.id = i AND s.state = 'gepubliceerd'
	    AND x.status = 'gepubliceerd' AND x.hidden_at IS NULL
	    AND s.scope = 'citeren' AND x.visibility = 'openbaar')
$$;

-- The warnings of item i as a space-separated list of codes ('' for
-- none, and for every kind but stories): for lists, feeds and search
-- results, which show the warning instead of anything from the body.
CREATE FUNCTION item_warnings(i bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT array_to_string(s.warnings, ' ')
	    FROM story s WHERE s.item_id = i), '')
$$;

-- Does story i show the help banner (113, Kindertelefoon, 112)?
CREATE FUNCTION story_needs_help(i bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM story s WHERE s.item_id = i
	    AND s.warnings && ARRAY['suicide', 'zelfbeschadiging']::text[])
$$;

/* ---------------------------------------------------------------- */
/* Helpers                                                           */
/* ---------------------------------------------------------------- */

-- Keep item.status and item.visibility in step with story.state/scope.
CREATE FUNCTION story_sync_item(i bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	story%ROWTYPE;
	v_stat	text;
BEGIN
	SELECT * INTO s FROM story WHERE item_id = i;
	v_stat := CASE s.state WHEN 'gepubliceerd' THEN 'gepubliceerd'
	    WHEN 'ter_review' THEN 'ter_review' WHEN 'akkoord' THEN 'ter_review'
	    ELSE 'concept' END;
	UPDATE item SET status = v_stat,
	    published_at = CASE WHEN v_stat = 'gepubliceerd'
	        THEN coalesce(published_at, now()) ELSE published_at END,
	    visibility = story_visibility(i)
	WHERE id = i AND (status IS DISTINCT FROM v_stat
	    OR visibility IS DISTINCT FROM story_visibility(i));
END $$;

-- Tell every editor (notification kind 'verhaal'). The text names no
-- person; p_text is a fixed sentence code the app turns into words
-- (core/notify_text.c): 'ingestuurd', 'ingetrokken', 'verruiming',
-- 'reactie'.
CREATE FUNCTION story_tell_editors(i bigint, p_text text, p_href text)
    RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM notify_send(a.id, 'verhaal', p_text, p_href, NULL, NULL,
	    NULL, NULL, CASE WHEN p_text = 'ingetrokken' THEN NULL ELSE i END)
	FROM account a WHERE a.role IN ('redacteur', 'beheerder')
	    AND a.deleted_at IS NULL AND a.blocked_at IS NULL
	    AND NOT story_is_teller(i, a.id);
END $$;

/* ---------------------------------------------------------------- */
/* Writes                                                            */
/* ---------------------------------------------------------------- */

/*
 * The start of every step on story i: lock its item row and check who
 * acts. p_who 'verteller': only its storyteller; 'redactie': an editor
 * who is not its storyteller. Raises P0002 (no such story), 42501.
 */
CREATE FUNCTION story_lock(i bigint, p_actor bigint, p_who text)
    RETURNS item
LANGUAGE plpgsql AS $$
DECLARE
	x	item%ROWTYPE;
BEGIN
	SELECT * INTO x FROM item WHERE id = i AND kind = 'verhaal'
	    FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such story' USING ERRCODE = 'P0002';
	END IF;
	IF (p_who = 'verteller' AND NOT story_is_teller(i, p_actor))
	    OR (p_who <> 'verteller' AND (NOT account_is_editor(p_actor)
	    OR story_is_teller(i, p_actor))) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	RETURN x;
END $$;

/*
 * Create (p_id NULL) or change a story, with its revision, in one
 * statement. Only its storyteller may change it (42501; P0002 when
 * there is no such story). The item fields are as item_save(); the
 * pseudonym, warnings and checklist are the story's. A stale base
 * revision writes nothing: conflict true. Checked here, each giving an
 * error word and writing nothing:
 *   pseudonym_is_name  the pseudonym equals the account's display name
 *                      (case and spaces ignored)
 * A save of a story in 'akkoord' or 'gepubliceerd' moves it back to
 * 'ter_review' (the editors are told). keep: whether the story stays
 * published after the storyteller deletes their account.
 * Returns id, slug, revision, conflict, error ('' when saved), state.
 */
CREATE FUNCTION story_save(p_id bigint, p_base_rev integer, p_actor bigint,
    p_title text, p_summary text, p_body_md text, p_body_html text,
    p_toc_html text, p_words integer, p_slug text, p_themes text,
    p_community text, p_links text, p_pseudonym text, p_warnings text[],
    p_checklist text[], p_keep boolean, p_idem text)
    RETURNS TABLE (id bigint, slug text, revision integer, conflict boolean,
    error text, state text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	v	record;
	v_state	text;
	v_old	text;
BEGIN
	IF p_actor IS NULL OR NOT account_active(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF p_id IS NOT NULL THEN
		SELECT s.state INTO v_old FROM story s JOIN item i
		    ON i.id = s.item_id WHERE s.item_id = p_id FOR UPDATE;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'no such story' USING ERRCODE = 'P0002';
		END IF;
		IF NOT story_is_teller(p_id, p_actor) THEN
			RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
		END IF;
	END IF;
	p_pseudonym := btrim(coalesce(p_pseudonym, ''));
	IF p_pseudonym <> '' AND lower(regexp_replace(p_pseudonym, '\s+', '',
	    'g')) = (SELECT lower(regexp_replace(a.display_name, '\s+', '',
	    'g')) FROM account a WHERE a.id = p_actor) THEN
		RETURN QUERY SELECT p_id, NULL::text, p_base_rev, false,
		    'pseudonym_is_name'::text, v_old;
		RETURN;
	END IF;
	SELECT * INTO v FROM item_save('verhaal', p_id, p_base_rev, p_actor,
	    p_title, p_summary, p_body_md, p_body_html, p_toc_html, p_words,
	    '', p_slug, p_themes, '', p_community, NULL, p_links, '', p_idem,
	    NULL);
	IF v.conflict THEN
		RETURN QUERY SELECT v.id, v.slug, v.revision, true, ''::text,
		    v_old;
		RETURN;
	END IF;
	INSERT INTO story (item_id, pseudonym, warnings, checklist)
	VALUES (v.id, p_pseudonym, coalesce(p_warnings, '{}'),
	    coalesce(p_checklist, '{}'))
	ON CONFLICT (item_id) DO UPDATE SET pseudonym = EXCLUDED.pseudonym,
	    warnings = EXCLUDED.warnings, checklist = EXCLUDED.checklist;
	UPDATE item SET keep_after_delete = coalesce(p_keep, false)
	    WHERE item.id = v.id;
	-- The revision keeps the story's own fields too.
	UPDATE item_revision r SET fields = jsonb_build_object('pseudonym',
	    p_pseudonym, 'warnings', to_jsonb(coalesce(p_warnings, '{}')))
	    WHERE r.item_id = v.id AND r.rev = v.revision;
	SELECT s.state INTO v_state FROM story s WHERE s.item_id = v.id;
	IF v_state IN ('akkoord', 'gepubliceerd') THEN
		v_state := 'ter_review';
		UPDATE story s SET state = v_state WHERE s.item_id = v.id;
		PERFORM story_sync_item(v.id);
		PERFORM story_tell_editors(v.id, 'ingestuurd',
		    '/verhalen/' || v.slug || '/beoordelen');
	ELSE
		PERFORM story_sync_item(v.id);
	END IF;
	INSERT INTO audit (action, target_id, detail)
	VALUES ('verhaal_opslaan', v.id, 'verteller, versie ' || v.revision);
	RETURN QUERY SELECT v.id, v.slug, v.revision, false, ''::text, v_state;
END $$;

/*
 * The storyteller sends story i (revision p_rev) in for review, with
 * consent: scope, the version of the consent text shown, whether they
 * are under 16 and, if so, their guardian's name and the version of the
 * guardian's statement. From concept, voorstel or ingetrokken.
 * Returns an error word ('' when sent in; nothing is written else):
 *   pseudonym    no pseudonym chosen
 *   checklist    not every checklist item ticked
 *   scope        no valid scope
 *   consent      no consent text version
 *   guardian     under 16 without a guardian's name (2-120 characters)
 *                or statement version
 * Raises 42501 (not the storyteller), P0002, 55000 (wrong state or the
 * revision changed).
 */
CREATE FUNCTION story_submit(i bigint, p_actor bigint, p_rev integer,
    p_scope text, p_version text, p_under16 boolean, p_guardian text,
    p_guardian_version text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	s	story%ROWTYPE;
	x	item%ROWTYPE;
BEGIN
	x := story_lock(i, p_actor, 'verteller');
	SELECT * INTO s FROM story WHERE item_id = i;
	IF s.state NOT IN ('concept', 'voorstel', 'ingetrokken')
	    OR x.revision <> p_rev THEN
		RAISE EXCEPTION 'wrong state' USING ERRCODE = '55000';
	END IF;
	p_guardian := btrim(coalesce(p_guardian, ''));
	IF s.pseudonym = '' THEN
		RETURN 'pseudonym';
	ELSIF NOT s.checklist @> ARRAY['namen', 'plaatsen', 'fotos'] THEN
		RETURN 'checklist';
	ELSIF story_scope_rank(p_scope) IS NULL THEN
		RETURN 'scope';
	ELSIF coalesce(p_version, '') = '' THEN
		RETURN 'consent';
	ELSIF coalesce(p_under16, false) AND (length(p_guardian) NOT BETWEEN
	    2 AND 120 OR coalesce(p_guardian_version, '') = '') THEN
		RETURN 'guardian';
	END IF;
	INSERT INTO story_consent (item_id, event, scope, text_version,
	    under16, guardian_name, guardian_version, by_whom)
	VALUES (i, 'gegeven', p_scope, p_version, coalesce(p_under16, false),
	    CASE WHEN p_under16 THEN p_guardian ELSE '' END,
	    CASE WHEN p_under16 THEN p_guardian_version ELSE '' END,
	    'verteller');
	UPDATE story SET state = 'ter_review', scope = p_scope,
	    scope_wanted = NULL, submitted_at = now(), withdrawn_at = NULL
	WHERE item_id = i;
	PERFORM story_sync_item(i);
	INSERT INTO audit (action, target_id, detail)
	VALUES ('verhaal_insturen', i, 'verteller, ' || p_scope);
	PERFORM story_tell_editors(i, 'ingestuurd',
	    '/verhalen/' || x.slug || '/beoordelen');
	RETURN '';
END $$;

/*
 * An editor's review of story i at revision p_rev (state ter_review):
 *   'voorstel'  suggest changes; notes required (22023) -> voorstel
 *   'akkoord'   de-identification and safe messaging checked; notes
 *               optional -> akkoord (reviewed_rev = p_rev); the
 *               storyteller decides on publication
 * Writes an item_review row (goedgekeurd / teruggestuurd), which tells
 * the storyteller ('beoordeling'). Raises 42501 (not an editor, or the
 * editor is the storyteller), P0002, 55000 (wrong state or the text
 * changed since p_rev), 22023.
 */
CREATE FUNCTION story_review(i bigint, p_actor bigint, p_rev integer,
    p_decision text, p_note text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	s	story%ROWTYPE;
	x	item%ROWTYPE;
BEGIN
	x := story_lock(i, p_actor, 'redactie');
	SELECT * INTO s FROM story WHERE item_id = i;
	IF s.state <> 'ter_review' OR x.revision <> p_rev THEN
		RAISE EXCEPTION 'wrong state' USING ERRCODE = '55000';
	END IF;
	p_note := left(btrim(coalesce(p_note, '')), 4000);
	IF p_decision = 'voorstel' AND p_note = '' THEN
		RAISE EXCEPTION 'notes required' USING ERRCODE = '22023';
	ELSIF p_decision NOT IN ('voorstel', 'akkoord') THEN
		RAISE EXCEPTION 'unknown decision' USING ERRCODE = '22023';
	END IF;
	UPDATE story SET state = p_decision, review_note = p_note,
	    reviewed_rev = CASE WHEN p_decision = 'akkoord' THEN p_rev END
	WHERE item_id = i;
	PERFORM story_sync_item(i);
	INSERT INTO item_review (item_id, rev, reviewer_id, decision, note)
	VALUES (i, p_rev, p_actor, CASE p_decision WHEN 'akkoord'
	    THEN 'goedgekeurd' ELSE 'teruggestuurd' END, p_note);
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'verhaal_' || p_decision, i, 'versie ' || p_rev);
	RETURN p_decision;
END $$;

/*
 * The storyteller publishes story i: state akkoord and p_rev is the
 * revision the editor checked and the current one (55000 else). Raises
 * 42501, P0002.
 */
CREATE FUNCTION story_publish(i bigint, p_actor bigint, p_rev integer)
    RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	story%ROWTYPE;
	x	item%ROWTYPE;
BEGIN
	x := story_lock(i, p_actor, 'verteller');
	SELECT * INTO s FROM story WHERE item_id = i;
	IF s.state <> 'akkoord' OR s.reviewed_rev IS DISTINCT FROM p_rev
	    OR x.revision <> p_rev THEN
		RAISE EXCEPTION 'wrong state' USING ERRCODE = '55000';
	END IF;
	UPDATE story SET state = 'gepubliceerd' WHERE item_id = i;
	PERFORM story_sync_item(i);
	INSERT INTO audit (action, target_id, detail)
	VALUES ('verhaal_publiceren', i, 'verteller, versie ' || p_rev);
	-- Online again after a change: its followers are told now, with
	-- the checked title and no actor (item_notify() skips the save).
	IF x.published_at IS NOT NULL THEN
		PERFORM notify_send(f.account_id, 'wijziging', x.title,
		    item_href(x), NULL, x.community_id, NULL, NULL, i)
		FROM follow f WHERE f.item_id = i;
	END IF;
END $$;

/*
 * The storyteller withdraws story i, from any state but concept and
 * ingetrokken (55000): it is unpublished at once everywhere (state
 * ingetrokken, item back to concept), its quotes are deleted, other
 * people's notifications about it are deleted (they hold its title),
 * the consent record gets an 'ingetrokken' row and the editors are told
 * without its title. Raises 42501, P0002.
 */
CREATE FUNCTION story_withdraw(i bigint, p_actor bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	story%ROWTYPE;
BEGIN
	PERFORM story_lock(i, p_actor, 'verteller');
	SELECT * INTO s FROM story WHERE item_id = i;
	IF s.state IN ('concept', 'ingetrokken') THEN
		RAISE EXCEPTION 'wrong state' USING ERRCODE = '55000';
	END IF;
	UPDATE story SET state = 'ingetrokken', withdrawn_at = now(),
	    scope_wanted = NULL, reviewed_rev = NULL WHERE item_id = i;
	PERFORM story_sync_item(i);
	DELETE FROM story_quote WHERE item_id = i;
	DELETE FROM notification WHERE item_id = i AND account_id <> p_actor;
	INSERT INTO story_consent (item_id, event, scope, by_whom)
	VALUES (i, 'ingetrokken', coalesce(s.scope, 'leden'), 'verteller');
	INSERT INTO audit (action, target_id, detail)
	VALUES ('verhaal_intrekken', i, 'verteller');
	PERFORM story_tell_editors(i, 'ingetrokken', '/redactie/verhalen');
END $$;

/*
 * The storyteller changes the scope of story i (sent in or published;
 * 55000 else). Narrower: at once ('beperkt'; quotes deleted when it is
 * no longer 'citeren'). Wider: asked for ('verruiming_gevraagd', with
 * the consent text version and, under 16, the guardian as in
 * story_submit) and decided by an editor (story_scope_decide). The same
 * scope: nothing. Returns 'beperkt', 'gevraagd', 'gelijk' or an error
 * word as story_submit ('scope', 'consent', 'guardian').
 */
CREATE FUNCTION story_scope_change(i bigint, p_actor bigint, p_scope text,
    p_version text, p_under16 boolean, p_guardian text,
    p_guardian_version text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	s	story%ROWTYPE;
	x	item%ROWTYPE;
BEGIN
	x := story_lock(i, p_actor, 'verteller');
	SELECT * INTO s FROM story WHERE item_id = i;
	IF s.state IN ('concept', 'voorstel', 'ingetrokken')
	    OR s.scope IS NULL THEN
		RAISE EXCEPTION 'wrong state' USING ERRCODE = '55000';
	END IF;
	IF story_scope_rank(p_scope) IS NULL THEN
		RETURN 'scope';
	END IF;
	IF p_scope = s.scope THEN
		-- Asking for the scope in force drops a pending request.
		UPDATE story SET scope_wanted = NULL WHERE item_id = i;
		RETURN 'gelijk';
	END IF;
	IF story_scope_rank(p_scope) < story_scope_rank(s.scope) THEN
		INSERT INTO story_consent (item_id, event, scope, by_whom)
		VALUES (i, 'beperkt', p_scope, 'verteller');
		UPDATE story SET scope = p_scope,
		    scope_wanted = CASE WHEN story_scope_rank(scope_wanted) >
		        story_scope_rank(p_scope) THEN NULL ELSE scope_wanted END
		WHERE item_id = i;
		IF p_scope <> 'citeren' THEN
			DELETE FROM story_quote WHERE item_id = i;
		END IF;
		PERFORM story_sync_item(i);
		INSERT INTO audit (action, target_id, detail)
		VALUES ('verhaal_beperken', i, 'verteller, ' || p_scope);
		RETURN 'beperkt';
	END IF;
	p_guardian := btrim(coalesce(p_guardian, ''));
	IF coalesce(p_version, '') = '' THEN
		RETURN 'consent';
	ELSIF coalesce(p_under16, false) AND (length(p_guardian) NOT BETWEEN
	    2 AND 120 OR coalesce(p_guardian_version, '') = '') THEN
		RETURN 'guardian';
	END IF;
	INSERT INTO story_consent (item_id, event, scope, text_version,
	    under16, guardian_name, guardian_version, by_whom)
	VALUES (i, 'verruiming_gevraagd', p_scope, p_version,
	    coalesce(p_under16, false),
	    CASE WHEN p_under16 THEN p_guardian ELSE '' END,
	    CASE WHEN p_under16 THEN p_guardian_version ELSE '' END,
	    'verteller');
	UPDATE story SET scope_wanted = p_scope WHERE item_id = i;
	INSERT INTO audit (action, target_id, detail)
	VALUES ('verhaal_verruiming', i, 'verteller, ' || p_scope);
	PERFORM story_tell_editors(i, 'verruiming',
	    '/verhalen/' || x.slug || '/beoordelen');
	RETURN 'gevraagd';
END $$;

/*
 * An editor decides on the wider scope story i asked for (p_accept).
 * Raises 42501 (not an editor or the storyteller), P0002, 55000 (no
 * request pending). The storyteller is told ('beoordeling' through
 * item_review is for the text; this is a 'verhaal' notification).
 */
CREATE FUNCTION story_scope_decide(i bigint, p_actor bigint,
    p_accept boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	s	story%ROWTYPE;
	x	item%ROWTYPE;
BEGIN
	x := story_lock(i, p_actor, 'redactie');
	SELECT * INTO s FROM story WHERE item_id = i;
	IF s.scope_wanted IS NULL OR s.state = 'ingetrokken' THEN
		RAISE EXCEPTION 'nothing to decide' USING ERRCODE = '55000';
	END IF;
	INSERT INTO story_consent (item_id, event, scope, by_whom)
	VALUES (i, CASE WHEN p_accept THEN 'verruimd'
	    ELSE 'verruiming_afgewezen' END, s.scope_wanted, 'redactie');
	UPDATE story SET scope = CASE WHEN p_accept THEN scope_wanted
	    ELSE scope END, scope_wanted = NULL WHERE item_id = i;
	PERFORM story_sync_item(i);
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, CASE WHEN p_accept THEN 'verhaal_verruimd'
	    ELSE 'verhaal_verruiming_af' END, i, s.scope_wanted);
	PERFORM notify_send(x.owner_id, 'verhaal', CASE WHEN p_accept
	    THEN 'verruimd' ELSE 'verruiming_af' END, item_href(x), NULL,
	    NULL, NULL, NULL, i);
END $$;

/*
 * Who wrote story i: admins only (42501), and every look writes an
 * audit row (who looked, when, which story; never the content). P0002
 * when there is no such story.
 */
CREATE FUNCTION story_author_look(i bigint, p_actor bigint)
    RETURNS TABLE (account_id bigint, display_name text, deleted boolean)
LANGUAGE plpgsql AS $$
BEGIN
	IF NOT account_is_admin(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	PERFORM 1 FROM item x WHERE x.id = i AND x.kind = 'verhaal';
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such story' USING ERRCODE = 'P0002';
	END IF;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'verhaal_auteur_bekeken', i, '');
	RETURN QUERY SELECT a.id, a.display_name, a.deleted_at IS NOT NULL
	    FROM item x JOIN account a ON a.id = x.owner_id WHERE x.id = i;
END $$;

/*
 * The storyteller turns replies on or off ('aan', 'uit'). Raises 42501,
 * P0002, 22023 (another word).
 */
CREATE FUNCTION story_replies_set(i bigint, p_actor bigint, p_on text)
    RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	IF p_on NOT IN ('aan', 'uit') THEN
		RAISE EXCEPTION 'bad value' USING ERRCODE = '22023';
	END IF;
	PERFORM 1 FROM story WHERE item_id = i;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such story' USING ERRCODE = 'P0002';
	END IF;
	IF NOT story_is_teller(i, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	UPDATE story SET replies = p_on WHERE item_id = i;
	INSERT INTO audit (action, target_id, detail)
	VALUES ('verhaal_reacties_' || p_on, i, 'verteller');
END $$;

/*
 * A reader replies to story i: an active account that may read it,
 * replies 'aan' and the story published (55000 when replies are off or
 * it is not published; 42501 no account; P0002 unreadable). The reply
 * waits for approval; the storyteller and editors are told. idem: the
 * form's nonce (a retry returns the first reply). Returns the reply id.
 */
CREATE FUNCTION story_reply_add(i bigint, p_actor bigint, p_body_md text,
    p_body_html text, p_idem text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	v_id	bigint;
	x	item%ROWTYPE;
BEGIN
	IF p_idem IS NOT NULL AND p_idem <> '' THEN
		SELECT r.id INTO v_id FROM story_reply r WHERE r.idem = p_idem
		    AND r.author_id = p_actor;
		IF FOUND THEN
			RETURN v_id;
		END IF;
	END IF;
	IF p_actor IS NULL OR NOT account_active(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF NOT story_may_read(i, p_actor) THEN
		RAISE EXCEPTION 'no such story' USING ERRCODE = 'P0002';
	END IF;
	SELECT * INTO x FROM item WHERE id = i;
	IF NOT EXISTS (SELECT 1 FROM story s WHERE s.item_id = i
	    AND s.replies = 'aan' AND s.state = 'gepubliceerd') THEN
		RAISE EXCEPTION 'replies off' USING ERRCODE = '55000';
	END IF;
	INSERT INTO story_reply (item_id, author_id, body_md, body_html, idem)
	VALUES (i, p_actor, p_body_md, p_body_html, nullif(p_idem, ''))
	RETURNING story_reply.id INTO v_id;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'verhaal_reactie', i, 'reactie ' || v_id);
	-- The storyteller decides on their story's page (the editors'
	-- queue is for editors only).
	IF NOT story_is_teller(i, p_actor) THEN
		PERFORM notify_send(x.owner_id, 'verhaal', 'reactie',
		    item_href(x) || '#story-waiting-title', NULL, NULL, NULL,
		    NULL, i);
	END IF;
	PERFORM story_tell_editors(i, 'reactie', '/redactie/verhalen');
	RETURN v_id;
END $$;

/*
 * The storyteller or an editor decides on a waiting reply: 'geplaatst'
 * or 'afgewezen' (22023 else). Raises 42501, P0002, 55000 (decided
 * already). The reply's author is told when it is placed.
 */
CREATE FUNCTION story_reply_decide(p_reply bigint, p_actor bigint,
    p_decision text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	r	story_reply%ROWTYPE;
	x	item%ROWTYPE;
BEGIN
	IF p_decision NOT IN ('geplaatst', 'afgewezen') THEN
		RAISE EXCEPTION 'bad value' USING ERRCODE = '22023';
	END IF;
	SELECT * INTO r FROM story_reply WHERE id = p_reply FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such reply' USING ERRCODE = 'P0002';
	END IF;
	IF NOT (story_is_teller(r.item_id, p_actor) OR
	    (account_is_editor(p_actor) AND story_may_read(r.item_id,
	    p_actor))) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF r.state <> 'wacht' THEN
		RAISE EXCEPTION 'decided' USING ERRCODE = '55000';
	END IF;
	UPDATE story_reply SET state = p_decision, decided_at = now()
	    WHERE id = p_reply;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (CASE WHEN story_is_teller(r.item_id, p_actor) THEN NULL
	    ELSE p_actor END, 'verhaal_reactie_' || CASE p_decision
	    WHEN 'geplaatst' THEN 'geplaatst' ELSE 'afgewezen' END,
	    r.item_id, 'reactie ' || p_reply);
	IF p_decision = 'geplaatst' AND r.author_id IS NOT NULL THEN
		SELECT * INTO x FROM item WHERE id = r.item_id;
		PERFORM notify_send(r.author_id, 'verhaal', 'reactie_geplaatst',
		    item_href(x) || '#reactie-' || p_reply, NULL, NULL, NULL,
		    NULL, r.item_id);
	END IF;
END $$;

/*
 * An editor quotes story i on change goal p_goal (slug): the story must
 * be quotable (55000), the text must occur in the story's body exactly
 * (22023 'not_in_story'; length 10-600: 22023 'length'). Returns the
 * quote's id. Raises 42501 (not an editor), P0002 (no such story or
 * goal).
 */
CREATE FUNCTION story_quote_add(i bigint, p_actor bigint, p_goal text,
    p_text text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	v_goal	bigint;
	v_id	bigint;
BEGIN
	IF NOT account_is_editor(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	SELECT g.id INTO v_goal FROM change_goal g WHERE g.slug = p_goal;
	IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM story s
	    WHERE s.item_id = i) THEN
		RAISE EXCEPTION 'no such story or goal' USING ERRCODE = 'P0002';
	END IF;
	IF NOT story_quotable(i) THEN
		RAISE EXCEPTION 'not quotable' USING ERRCODE = '55000';
	END IF;
	p_text := btrim(coalesce(p_text, ''));
	IF length(p_text) NOT BETWEEN 10 AND 600 THEN
		RAISE EXCEPTION 'length' USING ERRCODE = '22023';
	END IF;
	IF position(p_text IN (SELECT x.body_md FROM item x
	    WHERE x.id = i)) = 0 THEN
		RAISE EXCEPTION 'not_in_story' USING ERRCODE = '22023';
	END IF;
	INSERT INTO story_quote (item_id, goal_id, text, added_by)
	VALUES (i, v_goal, p_text, p_actor) RETURNING id INTO v_id;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'verhaal_citaat', i, 'opgave ' || v_goal);
	RETURN v_id;
END $$;

-- An editor removes a quote. Raises 42501, P0002.
CREATE FUNCTION story_quote_remove(p_quote bigint, p_actor bigint)
    RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	v_item	bigint;
BEGIN
	IF NOT account_is_editor(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	DELETE FROM story_quote WHERE id = p_quote RETURNING item_id
	    INTO v_item;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such quote' USING ERRCODE = 'P0002';
	END IF;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'verhaal_citaat_weg', v_item, 'citaat ' || p_quote);
END $$;

/* ---------------------------------------------------------------- */
/* The rest of the system                                            */
/* ---------------------------------------------------------------- */

-- 'verhaal': news about stories for storytellers and editors; the text
-- is a sentence code (story_tell_editors), never the story's words.
ALTER DOMAIN notify_kind DROP CONSTRAINT notify_kind_check;
ALTER DOMAIN notify_kind ADD CONSTRAINT notify_kind_check CHECK (VALUE IN
	('nieuw_item', 'wijziging', 'gesprek', 'reactie', 'vermelding',
	'lidmaatschap', 'beoordeling', 'moderatie', 'contact', 'mastermind',
	'actie', 'verhaal'));

-- The generic workflow never moves a story: its storyteller publishes
-- it (story_publish) after an editor's review (story_review).
CREATE OR REPLACE FUNCTION item_transition(p_id bigint, p_actor bigint,
    p_action text, p_note text, p_rev integer DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v_missing	text[];
BEGIN
	IF EXISTS (SELECT 1 FROM item WHERE id = p_id AND kind = 'verhaal')
	THEN
		RAISE EXCEPTION 'stories have their own workflow'
		    USING ERRCODE = '42501';
	END IF;
	IF p_action IN ('indienen', 'goedkeuren') THEN
		v_missing := pilot_missing(p_id);
		IF cardinality(v_missing) > 0 THEN
			RAISE EXCEPTION 'pilot incomplete'
			    USING ERRCODE = '23514',
			    DETAIL = array_to_string(v_missing, ',');
		END IF;
	END IF;
	RETURN item_transition_unchecked(p_id, p_actor, p_action, p_note,
	    p_rev);
END $$;

-- Followers of a changed story are not told who changed it (that would
-- name the storyteller): actor NULL for stories. Nor are they told at
-- the save: a story's change goes back to the editors first, and its
-- new title must reach nobody before it is checked and published (the
-- notification would show it once the story is readable again, even
-- when the storyteller took it out on the editor's advice).
-- story_publish() tells them when the changed story is online again.
CREATE OR REPLACE FUNCTION item_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('bron.importer', true) = 'on' THEN
		RETURN NULL;
	END IF;
	IF NEW.status = 'gepubliceerd' AND NEW.hidden_at IS NULL AND
	    (TG_OP = 'INSERT' OR OLD.status <> 'gepubliceerd') THEN
		PERFORM notify_send(f.account_id, 'nieuw_item', NEW.title,
		    item_href(NEW), NULL, NEW.community_id, NULL, NULL, NEW.id)
		FROM (SELECT DISTINCT account_id FROM follow
		    WHERE community_id = NEW.community_id
		    OR theme_id IN (SELECT theme_id FROM item_theme
		    WHERE item_id = NEW.id)) f
		WHERE NOT EXISTS (SELECT 1 FROM item_author a
		    WHERE a.item_id = NEW.id AND a.account_id = f.account_id);
	ELSIF TG_OP = 'UPDATE' AND NEW.status = 'gepubliceerd'
	    AND OLD.status = 'gepubliceerd' AND NEW.revision > OLD.revision
	    AND NEW.kind <> 'verhaal'
	THEN
		PERFORM notify_send(f.account_id, 'wijziging', NEW.title,
		    item_href(NEW), CASE WHEN NEW.kind = 'verhaal' THEN NULL
		    ELSE (SELECT r.author_id FROM item_revision r
		    WHERE r.item_id = NEW.id AND r.rev = NEW.revision) END,
		    NEW.community_id, NULL, NULL, NEW.id)
		FROM follow f WHERE f.item_id = NEW.id;
	END IF;
	RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION audit_target(p_action text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
	    WHEN p_action IN ('aanmaken', 'indienen', 'goedkeuren',
		'publiceren', 'terugsturen', 'archiveren', 'terugzetten',
		'gecontroleerd', 'versie_herstellen', 'eigenaar_gewijzigd')
		OR p_action LIKE 'item\_%' OR p_action LIKE 'les\_%'
		OR p_action LIKE 'pilot\_%' OR p_action LIKE 'mm\_%'
		OR p_action LIKE 'verhaal\_%' THEN 'item'
	    WHEN p_action LIKE 'mmserie\_%' THEN 'series'
	    WHEN p_action LIKE 'thema\_%' THEN 'theme'
	    WHEN p_action LIKE 'gemeenschap\_%' OR p_action LIKE 'lid\_%'
		OR p_action LIKE 'moderator\_%'
		OR p_action = 'uitnodiging_ingetrokken' THEN 'community'
	    WHEN p_action LIKE 'gesprek\_%' THEN 'topic'
	    WHEN p_action LIKE 'bericht\_%' THEN 'post'
	    ELSE 'account' END
$$;

/*
 * Account deletion (account_delete() sets deleted_at): the person's
 * stories they did not keep are erased for good, revisions included, so
 * a dump holds no copy of their text, pseudonym or guardian's name;
 * consent rows of those stories lose the guardian's name; replies under
 * them and quotes from them go. Stories they kept stay published under
 * their pseudonym. Their own replies under others' stories stay, shown
 * as by a former member.
 */
CREATE FUNCTION story_account_erase() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	gone	bigint[];
BEGIN
	SELECT coalesce(array_agg(x.id), '{}') INTO gone FROM item x
	    WHERE x.kind = 'verhaal' AND x.owner_id = NEW.id
	    AND NOT x.keep_after_delete;
	IF cardinality(gone) = 0 THEN
		RETURN NULL;
	END IF;
	PERFORM set_config('bron.erase', 'on', true);
	UPDATE story_consent SET guardian_name = ''
	    WHERE item_id = ANY (gone) AND guardian_name <> '';
	PERFORM set_config('bron.erase', 'off', true);
	UPDATE story SET pseudonym = '', state = 'ingetrokken',
	    withdrawn_at = coalesce(withdrawn_at, now()), scope_wanted = NULL,
	    review_note = '', reviewed_rev = NULL
	    WHERE item_id = ANY (gone);
	UPDATE item SET status = 'concept', title = 'Ingetrokken verhaal',
	    summary = '', body_md = '', body_html = '', toc_html = '',
	    words = 0, updated_at = now()
	    WHERE id = ANY (gone);
	UPDATE item_revision SET title = 'Ingetrokken verhaal', summary = '',
	    body_md = '', note = '', fields = NULL
	    WHERE item_id = ANY (gone);
	UPDATE item_review SET note = '' WHERE item_id = ANY (gone);
	DELETE FROM story_reply WHERE item_id = ANY (gone);
	DELETE FROM story_quote WHERE item_id = ANY (gone);
	DELETE FROM notification WHERE item_id = ANY (gone);
	DELETE FROM item_tag WHERE item_id = ANY (gone);
	DELETE FROM item_ref WHERE from_id = ANY (gone);
	DELETE FROM item_link WHERE from_id = ANY (gone);
	RETURN NULL;
END $$;
CREATE TRIGGER story_account_erase AFTER UPDATE OF deleted_at ON account
	FOR EACH ROW
	WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL)
	EXECUTE FUNCTION story_account_erase();

-- item_save() writes 'aanmaken' with its actor. For a story that actor
-- is the storyteller, and the audit log must not link the person to the
-- story (see the top of this file): the row is written without an actor.
CREATE FUNCTION audit_story_anonymous() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.action = 'aanmaken' AND NEW.detail = 'verhaal' THEN
		NEW.actor_id := NULL;
		NEW.detail := 'verhaal, verteller';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER audit_story_anonymous BEFORE INSERT ON audit
	FOR EACH ROW WHEN (NEW.action = 'aanmaken')
	EXECUTE FUNCTION audit_story_anonymous();
