-- Mastermind sessions (issue 8): series of sessions whose records hold
-- the case brought in, insights, agreements and action items that carry
-- over to the next session of the series until they are closed.
--
-- A series (mm_series) is not an item: it has a name, a purpose, a
-- community that decides who may read it, and facilitators. A session
-- record is an item of kind 'mastermind' (themes, links, revisions,
-- search, follow and report come from the content engine) plus one
-- mm_session row. Its minutes follow their own workflow:
--   concept     the facilitators write; only they, the participants
--               and editors read the minutes
--   amendering  open for amendments by participants until amend_until
--   definitief  frozen: the item is published (status 'gepubliceerd',
--               so lists, theme and community pages, search, feeds and
--               followers see it) and later changes are dated addenda.
-- The session itself (title, date, series) is visible to every reader of
-- the series from the start, so the series page and its calendar feed
-- can announce it; the minutes only as above.
--
-- Paths: /masterminds/{serie}/{sessie}, where {sessie} is the item's slug.
-- Series slugs and session slugs share one namespace (both save
-- functions skip a slug the other uses), so /masterminds/{sessie} can
-- redirect to the session's full path without ambiguity.

/* ---------------------------------------------------------------- */
/* Tables                                                            */
/* ---------------------------------------------------------------- */

CREATE TABLE mm_series (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug		slug NOT NULL UNIQUE,
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	purpose_md	text NOT NULL DEFAULT ''
	    CHECK (length(purpose_md) <= 20000),
	purpose_html	text NOT NULL DEFAULT '',
	-- Who may read the series and its sessions: everyone (NULL) or the
	-- readers of this community.
	community_id	bigint REFERENCES community ON DELETE SET NULL,
	-- How many days the minutes stay open for amendments by default.
	amend_days	smallint NOT NULL DEFAULT 7
	    CHECK (amend_days BETWEEN 1 AND 30),
	revision	integer NOT NULL DEFAULT 1,
	created_by	bigint REFERENCES account ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	idem		text UNIQUE CHECK (length(idem) <= 64)
);
CREATE INDEX mm_series_community ON mm_series (community_id);

CREATE TABLE mm_facilitator (
	series_id	bigint NOT NULL REFERENCES mm_series ON DELETE CASCADE,
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	position	integer NOT NULL DEFAULT 1,
	PRIMARY KEY (series_id, account_id)
);
CREATE INDEX mm_facilitator_account ON mm_facilitator (account_id);

CREATE TABLE mm_session (
	item_id		bigint PRIMARY KEY REFERENCES item ON DELETE CASCADE,
	series_id	bigint NOT NULL REFERENCES mm_series ON DELETE CASCADE,
	starts_at	timestamptz NOT NULL,
	duration_min	smallint NOT NULL DEFAULT 90
	    CHECK (duration_min BETWEEN 15 AND 600),
	location	text NOT NULL DEFAULT '' CHECK (length(location) <= 200),
	facilitator_id	bigint REFERENCES account ON DELETE SET NULL,
	-- The case or question brought in, and the agreements. The
	-- insights are the item's body.
	case_md		text NOT NULL DEFAULT ''
	    CHECK (length(case_md) <= 65536),
	case_html	text NOT NULL DEFAULT '',
	agreements_md	text NOT NULL DEFAULT ''
	    CHECK (length(agreements_md) <= 65536),
	agreements_html	text NOT NULL DEFAULT '',
	state		text NOT NULL DEFAULT 'concept' CHECK (state IN
			    ('concept', 'amendering', 'definitief')),
	amend_until	timestamptz,
	final_at	timestamptz,
	-- RFC 5545 SEQUENCE: raised when the date, time, length, place or
	-- title changes, so calendar apps take the new version.
	ics_seq		integer NOT NULL DEFAULT 0,
	CHECK (state = 'concept' OR amend_until IS NOT NULL),
	CHECK (state <> 'definitief' OR final_at IS NOT NULL)
);
CREATE INDEX mm_session_series ON mm_session (series_id, starts_at);
CREATE INDEX mm_session_facilitator ON mm_session (facilitator_id);

-- Participants: a member (account_id) or an external person (name and
-- role), shown only to signed-in readers of the minutes, never in
-- public pages or feeds.
CREATE TABLE mm_participant (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	session_id	bigint NOT NULL REFERENCES mm_session ON DELETE CASCADE,
	position	integer NOT NULL,
	account_id	bigint REFERENCES account ON DELETE CASCADE,
	name		text CHECK (length(name) BETWEEN 1 AND 120),
	role		text NOT NULL DEFAULT '' CHECK (length(role) <= 120),
	CHECK ((account_id IS NULL) <> (name IS NULL))
);
CREATE INDEX mm_participant_session ON mm_participant (session_id, position);
CREATE INDEX mm_participant_account ON mm_participant (account_id);

-- Action items. What, owner and due date belong to the minutes of the
-- session that made them (frozen with them); the status, closing note
-- and evidence change whenever the action moves, from any later session
-- of the series or the owner's account page. closed_in: the session in
-- which it was closed (NULL when closed elsewhere).
CREATE TABLE mm_action (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	session_id	bigint NOT NULL REFERENCES mm_session ON DELETE CASCADE,
	position	integer NOT NULL,
	what		text NOT NULL CHECK (length(what) BETWEEN 1 AND 300),
	owner_id	bigint REFERENCES account ON DELETE SET NULL,
	owner_name	text CHECK (length(owner_name) BETWEEN 1 AND 120),
	due_on		date,
	status		text NOT NULL DEFAULT 'open' CHECK (status IN
			    ('open', 'gedaan', 'vervallen')),
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
	evidence_item_id bigint REFERENCES item ON DELETE SET NULL,
	evidence_lesson_id bigint REFERENCES lesson ON DELETE SET NULL,
	closed_at	timestamptz,
	closed_in	bigint REFERENCES mm_session ON DELETE SET NULL,
	reminded_at	timestamptz,
	revision	integer NOT NULL DEFAULT 1,
	created_by	bigint REFERENCES account ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	idem		text UNIQUE CHECK (length(idem) <= 64),
	CHECK (owner_id IS NULL OR owner_name IS NULL),
	CHECK ((status = 'open') = (closed_at IS NULL)),
	CHECK (evidence_item_id IS NULL OR evidence_lesson_id IS NULL)
);
CREATE INDEX mm_action_session ON mm_action (session_id, position);
CREATE INDEX mm_action_owner ON mm_action (owner_id, due_on)
	WHERE owner_id IS NOT NULL;
CREATE INDEX mm_action_due ON mm_action (due_on)
	WHERE status = 'open' AND reminded_at IS NULL AND owner_id IS NOT NULL;

-- Amendments by participants while the minutes are open: a comment on
-- a section, optionally with a proposed new text for it, which the
-- facilitator takes over (overgenomen) or not (afgewezen).
CREATE TABLE mm_amendment (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	session_id	bigint NOT NULL REFERENCES mm_session ON DELETE CASCADE,
	author_id	bigint REFERENCES account ON DELETE SET NULL,
	section		text NOT NULL CHECK (section IN ('algemeen', 'vraag',
			    'inzichten', 'afspraken')),
	comment		text NOT NULL DEFAULT ''
	    CHECK (length(comment) <= 2000),
	proposal_md	text NOT NULL DEFAULT ''
	    CHECK (length(proposal_md) <= 65536),
	proposal_html	text NOT NULL DEFAULT '',
	state		text NOT NULL DEFAULT 'open' CHECK (state IN
			    ('open', 'overgenomen', 'afgewezen')),
	reply		text NOT NULL DEFAULT '' CHECK (length(reply) <= 1000),
	decided_by	bigint REFERENCES account ON DELETE SET NULL,
	decided_at	timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	idem		text UNIQUE CHECK (length(idem) <= 64),
	CHECK (comment <> '' OR proposal_md <> ''),
	CHECK (section <> 'algemeen' OR proposal_md = ''),
	CHECK ((state = 'open') = (decided_at IS NULL))
);
CREATE INDEX mm_amendment_session ON mm_amendment (session_id, id);

-- Dated additions to final minutes (the minutes themselves are frozen).
CREATE TABLE mm_addendum (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	session_id	bigint NOT NULL REFERENCES mm_session ON DELETE CASCADE,
	body_md		text NOT NULL CHECK (length(body_md) BETWEEN 1 AND 20000),
	body_html	text NOT NULL,
	author_id	bigint REFERENCES account ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	idem		text UNIQUE CHECK (length(idem) <= 64)
);
CREATE INDEX mm_addendum_session ON mm_addendum (session_id, id);

CREATE TRIGGER mm_series_gen AFTER INSERT OR UPDATE OR DELETE ON mm_series
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER mm_facilitator_gen AFTER INSERT OR UPDATE OR DELETE
	ON mm_facilitator FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER mm_session_gen AFTER INSERT OR UPDATE OR DELETE
	ON mm_session FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER mm_participant_gen AFTER INSERT OR UPDATE OR DELETE
	ON mm_participant FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER mm_action_gen AFTER INSERT OR UPDATE OR DELETE ON mm_action
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER mm_amendment_gen AFTER INSERT OR UPDATE OR DELETE
	ON mm_amendment FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER mm_addendum_gen AFTER INSERT OR UPDATE OR DELETE
	ON mm_addendum FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();

/* ---------------------------------------------------------------- */
/* Rights                                                            */
/* ---------------------------------------------------------------- */

-- May acct read series s (its page, its sessions' dates and titles, its
-- calendar)? Everyone for a series without a community, else the
-- community's readers. Otherwise the series is unknown (404).
CREATE FUNCTION mm_series_may_read(s bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM mm_series x WHERE x.id = s
	    AND (x.community_id IS NULL
	    OR community_may_read(x.community_id, acct)))
$$;

-- May acct run series s: change it, plan sessions, write minutes? Its
-- facilitators (active, and still allowed to post in its community)
-- and editors.
CREATE FUNCTION mm_series_may_run(s bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT acct IS NOT NULL AND (account_is_editor(acct)
	    OR (account_active(acct) AND EXISTS (SELECT 1
	    FROM mm_facilitator f JOIN mm_series x ON x.id = f.series_id
	    WHERE f.series_id = s AND f.account_id = acct
	    AND (x.community_id IS NULL
	    OR community_may_post(x.community_id, acct)))))
$$;

-- May acct write the minutes of session i: the series' facilitators,
-- the session's own facilitator, editors.
CREATE FUNCTION mm_session_may_run(i bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT acct IS NOT NULL AND EXISTS (SELECT 1 FROM mm_session x
	    JOIN mm_series s ON s.id = x.series_id
	    WHERE x.item_id = i AND (mm_series_may_run(x.series_id, acct)
	    OR (x.facilitator_id = acct AND account_active(acct)
	    AND (s.community_id IS NULL
	    OR community_may_post(s.community_id, acct)))))
$$;

-- Is acct a participant (as a member) of session i?
CREATE FUNCTION mm_is_participant(i bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT acct IS NOT NULL AND account_active(acct) AND EXISTS
	    (SELECT 1 FROM mm_participant p WHERE p.session_id = i
	    AND p.account_id = acct)
$$;

-- May acct know session i exists (title, date, series)? Readers of the
-- series; a hidden session only those who may moderate or run it.
CREATE FUNCTION mm_session_may_see(i bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM mm_session x JOIN item it
	    ON it.id = x.item_id WHERE x.item_id = i
	    AND mm_series_may_read(x.series_id, acct)
	    AND (it.hidden_at IS NULL
	    OR community_may_moderate(it.community_id, acct)
	    OR mm_session_may_run(i, acct)))
$$;

-- May acct read the minutes of session i (case, insights, agreements,
-- actions, amendments, addenda)? Once final, every reader of the
-- session; before that its facilitators, its participants and editors.
CREATE FUNCTION mm_minutes_may_read(i bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT mm_session_may_see(i, acct) AND (EXISTS (SELECT 1
	    FROM mm_session x WHERE x.item_id = i AND x.state = 'definitief')
	    OR mm_session_may_run(i, acct) OR mm_is_participant(i, acct))
$$;

-- May acct change the status, note and evidence of action a? Whoever
-- runs its session, and its owner (a member who may read the minutes).
CREATE FUNCTION mm_action_may_update(a bigint, acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT acct IS NOT NULL AND EXISTS (SELECT 1 FROM mm_action x
	    WHERE x.id = a AND (mm_session_may_run(x.session_id, acct)
	    OR (x.owner_id = acct AND account_active(acct)
	    AND mm_minutes_may_read(x.session_id, acct))))
$$;

/* ---------------------------------------------------------------- */
/* Paths                                                             */
/* ---------------------------------------------------------------- */

CREATE FUNCTION mm_session_href(i bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT '/masterminds/' || s.slug || '/' || it.slug
	    FROM mm_session x JOIN mm_series s ON s.id = x.series_id
	    JOIN item it ON it.id = x.item_id WHERE x.item_id = i
$$;

-- A session's path has its series in it.
CREATE OR REPLACE FUNCTION item_href(i item) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE i.kind WHEN 'mastermind' THEN coalesce(
	    mm_session_href(i.id), '/masterminds/' || i.slug)
	    ELSE CASE i.kind WHEN 'artikel' THEN '/artikelen/'
	    WHEN 'pilot' THEN '/pilots/' WHEN 'verhaal' THEN '/verhalen/'
	    ELSE '/bronnen/' END || i.slug END
$$;

-- Paths under /masterminds/ and /masterminds/{serie}/ that are pages.
CREATE FUNCTION mm_slug_reserved(s text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT s IN ('nieuw', 'mijn', 'feed', 'bewerken', 'acties', 'agenda',
	    'verslag', 'aanvullingen', 'addendum')
$$;

-- The first free slug from p_slug in the shared namespace of series and
-- sessions (p_self: the series or session that already has one).
CREATE FUNCTION mm_slug_free(p_slug text, p_series bigint, p_item bigint)
    RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v	text := p_slug;
	n	integer := 1;
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('mm_slug'));
	WHILE mm_slug_reserved(v)
	    OR EXISTS (SELECT 1 FROM mm_series s WHERE s.slug = v
	    AND s.id IS DISTINCT FROM p_series)
	    OR EXISTS (SELECT 1 FROM item i WHERE i.kind = 'mastermind'
	    AND i.slug = v AND i.id IS DISTINCT FROM p_item) LOOP
		n := n + 1;
		v := left(p_slug, 110) || '-' || n;
	END LOOP;
	RETURN v;
END $$;

-- One active member by display name (case-insensitive): their id, or
-- NULL with n = 0 (nobody) or n > 1 (ambiguous).
CREATE FUNCTION mm_member_by_name(p_name text, OUT id bigint, OUT n integer)
LANGUAGE sql STABLE AS $$
	SELECT min(a.id), count(*)::integer FROM account a
	    WHERE lower(a.display_name) = lower(btrim(p_name))
	    AND account_active(a.id)
$$;

/* ---------------------------------------------------------------- */
/* Series                                                            */
/* ---------------------------------------------------------------- */

/*
 * Create (p_id NULL: any active member; in a community only who may post
 * there) or change a series (whoever runs it). p_facilitators: display
 * names of members, one per line; the creator is always one. A stale
 * p_base_rev writes nothing and returns conflict. Errors (nothing
 * written): 'facilitator:<name>' (no member has that name),
 * 'facilitator_ambiguous:<name>', 'facilitators' (the list is empty),
 * 'community' (no such community). Raises 42501 (not allowed), P0002
 * (no such series). Moving a series changes its sessions' community;
 * out of a members-only or closed one only its moderators and editors
 * may. Audit: mmserie_aanmaken, mmserie_wijzigen (target: the series).
 */
CREATE FUNCTION mm_series_save(p_id bigint, p_base_rev integer,
    p_actor bigint, p_name text, p_slug text, p_purpose_md text,
    p_purpose_html text, p_community text, p_facilitators text,
    p_amend_days integer, p_idem text)
    RETURNS TABLE (id bigint, slug text, revision integer,
    conflict boolean, error text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	v_id	bigint := p_id;
	v_slug	text;
	v_rev	integer;
	v_comm	bigint;
	v_old	mm_series%ROWTYPE;
	v_ids	bigint[] := '{}';
	l	text;
	m	record;
BEGIN
	IF coalesce(p_community, '') <> '' THEN
		SELECT c.id INTO v_comm FROM community c
		    WHERE c.slug = p_community;
		IF NOT FOUND THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false, 'community'::text;
			RETURN;
		END IF;
	END IF;
	IF p_actor IS NULL OR NOT account_active(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF v_id IS NOT NULL THEN
		SELECT * INTO v_old FROM mm_series s WHERE s.id = v_id
		    FOR UPDATE;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'no such series'
			    USING ERRCODE = 'P0002';
		END IF;
		IF NOT mm_series_may_run(v_id, p_actor) THEN
			RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
		END IF;
		IF v_old.revision <> p_base_rev THEN
			RETURN QUERY SELECT v_id, v_old.slug::text,
			    v_old.revision, true, NULL::text;
			RETURN;
		END IF;
		IF v_old.community_id IS NOT NULL
		    AND v_old.community_id IS DISTINCT FROM v_comm
		    AND (SELECT c.visibility FROM community c
		    WHERE c.id = v_old.community_id) <> 'openbaar'
		    AND NOT community_may_moderate(v_old.community_id,
		    p_actor) THEN
			RAISE EXCEPTION 'may not move' USING ERRCODE = '42501';
		END IF;
	ELSIF p_idem IS NOT NULL AND p_idem <> '' THEN
		SELECT s.id, s.slug, s.revision INTO v_id, v_slug, v_rev
		    FROM mm_series s WHERE s.idem = p_idem
		    AND s.created_by = p_actor;
		IF FOUND THEN
			RETURN QUERY SELECT v_id, v_slug, v_rev, false,
			    NULL::text;
			RETURN;
		END IF;
		v_id := NULL;
	END IF;
	IF v_comm IS NOT NULL AND v_comm IS DISTINCT FROM v_old.community_id
	    AND NOT community_may_post(v_comm, p_actor) THEN
		RAISE EXCEPTION 'not a member' USING ERRCODE = '42501';
	END IF;

	-- The facilitators, in the order given; the creator always.
	FOR l IN SELECT x FROM regexp_split_to_table(coalesce(p_facilitators,
	    ''), E'\n') WITH ORDINALITY AS t (x, o)
	    WHERE btrim(x) <> '' ORDER BY o LOOP
		SELECT * INTO m FROM mm_member_by_name(l);
		IF m.n = 0 THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false,
			    'facilitator:' || left(btrim(l), 120);
			RETURN;
		ELSIF m.n > 1 THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false,
			    'facilitator_ambiguous:' || left(btrim(l), 120);
			RETURN;
		END IF;
		IF NOT m.id = ANY (v_ids) THEN
			v_ids := v_ids || m.id;
		END IF;
	END LOOP;
	IF v_id IS NULL AND NOT p_actor = ANY (v_ids) THEN
		v_ids := p_actor || v_ids;
	END IF;
	IF cardinality(v_ids) = 0 THEN
		RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::integer,
		    false, 'facilitators'::text;
		RETURN;
	END IF;

	IF v_id IS NULL THEN
		v_slug := mm_slug_free(p_slug, NULL, NULL);
		INSERT INTO mm_series AS s (slug, name, purpose_md,
		    purpose_html, community_id, amend_days, created_by, idem)
		VALUES (v_slug, p_name, coalesce(p_purpose_md, ''),
		    coalesce(p_purpose_html, ''), v_comm,
		    coalesce(p_amend_days, 7), p_actor, nullif(p_idem, ''))
		RETURNING s.id, s.revision INTO v_id, v_rev;
		INSERT INTO audit (actor_id, action, target_id)
		VALUES (p_actor, 'mmserie_aanmaken', v_id);
	ELSE
		UPDATE mm_series s SET name = p_name,
		    purpose_md = coalesce(p_purpose_md, ''),
		    purpose_html = coalesce(p_purpose_html, ''),
		    community_id = v_comm,
		    amend_days = coalesce(p_amend_days, s.amend_days),
		    revision = s.revision + 1, updated_at = now()
		WHERE s.id = v_id RETURNING s.slug, s.revision
		INTO v_slug, v_rev;
		IF v_comm IS DISTINCT FROM v_old.community_id THEN
			UPDATE item i SET community_id = v_comm
			    FROM mm_session x WHERE x.item_id = i.id
			    AND x.series_id = v_id;
		END IF;
		INSERT INTO audit (actor_id, action, target_id)
		VALUES (p_actor, 'mmserie_wijzigen', v_id);
	END IF;
	DELETE FROM mm_facilitator f WHERE f.series_id = v_id;
	INSERT INTO mm_facilitator (series_id, account_id, position)
	    SELECT v_id, x, o FROM unnest(v_ids) WITH ORDINALITY AS t (x, o);
	RETURN QUERY SELECT v_id, v_slug, v_rev, false, NULL::text;
END $$;

/* ---------------------------------------------------------------- */
/* Sessions                                                          */
/* ---------------------------------------------------------------- */

-- A session's fields as JSON, Markdown sources only (the keys
-- mm_session_save() takes in p_fields), for its revisions.
CREATE FUNCTION mm_snapshot(p_item bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object(
	    'date', to_char(x.starts_at AT TIME ZONE 'Europe/Amsterdam',
	        'YYYY-MM-DD'),
	    'time', to_char(x.starts_at AT TIME ZONE 'Europe/Amsterdam',
	        'HH24:MI'),
	    'duration', x.duration_min::text,
	    'location', x.location,
	    'facilitator', coalesce(f.display_name, ''),
	    'case_md', x.case_md,
	    'agreements_md', x.agreements_md,
	    'participants', coalesce((SELECT jsonb_agg(jsonb_build_object(
	        'name', coalesce(a.display_name, p.name), 'role', p.role)
	        ORDER BY p.position) FROM mm_participant p
	        LEFT JOIN account a ON a.id = p.account_id
	        WHERE p.session_id = x.item_id), '[]'::jsonb))
	FROM mm_session x
	LEFT JOIN account f ON f.id = x.facilitator_id AND f.deleted_at IS NULL
	WHERE x.item_id = p_item
$$;

/*
 * Plan (p_id NULL) or change a session of series p_series, with its
 * minutes, in one statement. Whoever runs the series plans; whoever
 * runs the session changes it, as long as its minutes are not final
 * (55000 then: only an addendum). p_body_md/_html are the insights.
 * p_fields (jsonb; keys as mm_snapshot()):
 *   date 'YYYY-MM-DD', time 'HH:MM' (Europe/Amsterdam), duration
 *   (minutes, 15-600), location, facilitator (a member's display name;
 *   empty: the actor), case_md, case_html, agreements_md,
 *   agreements_html, participants [{name, role}]: a name that is one
 *   active member's display name is that member, any other name an
 *   external person.
 * Errors (nothing written): 'date' (missing or not a date/time),
 * 'facilitator' (no such member), 'facilitator_ambiguous',
 * 'participant_ambiguous:<name>'. As item_save(): conflict on a stale
 * p_base_rev; raises 42501 / P0002.
 */
CREATE FUNCTION mm_session_save(p_id bigint, p_base_rev integer,
    p_actor bigint, p_series bigint, p_title text, p_summary text,
    p_body_md text, p_body_html text, p_toc_html text, p_words integer,
    p_note text, p_slug text, p_themes text, p_tags text, p_links text,
    p_related text, p_idem text, p_fields jsonb)
    RETURNS TABLE (id bigint, slug text, revision integer,
    conflict boolean, error text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	f		jsonb := coalesce(p_fields, '{}'::jsonb);
	v_series	mm_series%ROWTYPE;
	v_old		mm_session%ROWTYPE;
	v_starts	timestamptz;
	v_fac		bigint;
	v_comm		text;
	v_slug		text := p_slug;
	v_oldtitle	text;
	m		record;
	e		record;
	r		record;
BEGIN
	IF p_actor IS NULL THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF p_id IS NOT NULL THEN
		SELECT * INTO v_old FROM mm_session x WHERE x.item_id = p_id
		    FOR UPDATE;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'no such session'
			    USING ERRCODE = 'P0002';
		END IF;
		p_series := v_old.series_id;
		IF NOT mm_session_may_run(p_id, p_actor) THEN
			RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
		END IF;
		IF v_old.state = 'definitief' THEN
			RAISE EXCEPTION 'minutes are final'
			    USING ERRCODE = '55000';
		END IF;
		SELECT i.title INTO v_oldtitle FROM item i WHERE i.id = p_id;
	END IF;
	SELECT * INTO v_series FROM mm_series s WHERE s.id = p_series;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such series' USING ERRCODE = 'P0002';
	END IF;
	IF p_id IS NULL AND NOT mm_series_may_run(p_series, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;

	BEGIN
		v_starts := ((f->>'date') || ' ' || coalesce(nullif(f->>'time',
		    ''), '00:00'))::timestamp AT TIME ZONE 'Europe/Amsterdam';
	EXCEPTION WHEN others THEN
		v_starts := NULL;
	END;
	IF v_starts IS NULL THEN
		RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::integer,
		    false, 'date'::text;
		RETURN;
	END IF;
	IF btrim(coalesce(f->>'facilitator', '')) = '' THEN
		v_fac := p_actor;
	ELSE
		SELECT * INTO m FROM mm_member_by_name(f->>'facilitator');
		IF m.n <> 1 THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false, CASE WHEN m.n = 0
			    THEN 'facilitator' ELSE 'facilitator_ambiguous' END;
			RETURN;
		END IF;
		v_fac := m.id;
	END IF;
	FOR e IN SELECT btrim(x->>'name') AS name FROM jsonb_array_elements(
	    coalesce(f->'participants', '[]'::jsonb)) AS t (x) LOOP
		SELECT * INTO m FROM mm_member_by_name(e.name);
		IF m.n > 1 THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false,
			    'participant_ambiguous:' || left(e.name, 120);
			RETURN;
		END IF;
	END LOOP;

	IF p_id IS NULL THEN
		v_slug := mm_slug_free(p_slug, NULL, NULL);
	ELSE
		-- Whoever runs the session writes it, as an author.
		INSERT INTO item_author (item_id, account_id)
		VALUES (p_id, p_actor) ON CONFLICT DO NOTHING;
	END IF;
	SELECT c.slug INTO v_comm FROM community c
	    WHERE c.id = v_series.community_id;
	SELECT * INTO r FROM item_save_unchecked('mastermind', p_id,
	    p_base_rev, p_actor, p_title, p_summary, p_body_md, p_body_html,
	    p_toc_html, p_words, p_note, v_slug, p_themes, p_tags,
	    coalesce(v_comm, ''), NULL, p_links, p_related, p_idem, NULL);
	IF r.conflict THEN
		RETURN QUERY SELECT r.id, r.slug, r.revision, true, NULL::text;
		RETURN;
	END IF;
	-- A repeated create (same nonce) returns the first one untouched.
	IF p_id IS NULL AND EXISTS (SELECT 1 FROM mm_session x
	    WHERE x.item_id = r.id) THEN
		RETURN QUERY SELECT r.id, r.slug, r.revision, false, NULL::text;
		RETURN;
	END IF;

	INSERT INTO mm_session AS x (item_id, series_id, starts_at,
	    duration_min, location, facilitator_id, case_md, case_html,
	    agreements_md, agreements_html)
	VALUES (r.id, p_series, v_starts,
	    coalesce(nullif(f->>'duration', '')::smallint, 90),
	    left(btrim(coalesce(f->>'location', '')), 200), v_fac,
	    coalesce(f->>'case_md', ''), coalesce(f->>'case_html', ''),
	    coalesce(f->>'agreements_md', ''),
	    coalesce(f->>'agreements_html', ''))
	ON CONFLICT (item_id) DO UPDATE SET starts_at = EXCLUDED.starts_at,
	    duration_min = EXCLUDED.duration_min,
	    location = EXCLUDED.location,
	    facilitator_id = EXCLUDED.facilitator_id,
	    case_md = EXCLUDED.case_md, case_html = EXCLUDED.case_html,
	    agreements_md = EXCLUDED.agreements_md,
	    agreements_html = EXCLUDED.agreements_html,
	    ics_seq = x.ics_seq + CASE WHEN x.starts_at <> EXCLUDED.starts_at
	        OR x.duration_min <> EXCLUDED.duration_min
	        OR x.location <> EXCLUDED.location
	        OR v_oldtitle IS DISTINCT FROM p_title
	        THEN 1 ELSE 0 END;

	DELETE FROM mm_participant p WHERE p.session_id = r.id;
	INSERT INTO mm_participant (session_id, position, account_id, name,
	    role)
	SELECT r.id, t.o, m2.id, CASE WHEN m2.id IS NULL
	    THEN left(btrim(t.x->>'name'), 120) END,
	    left(btrim(coalesce(t.x->>'role', '')), 120)
	FROM jsonb_array_elements(coalesce(f->'participants', '[]'::jsonb))
	    WITH ORDINALITY AS t (x, o)
	CROSS JOIN LATERAL mm_member_by_name(t.x->>'name') AS m2
	WHERE btrim(coalesce(t.x->>'name', '')) <> '';

	UPDATE item_revision ir SET fields = mm_snapshot(r.id)
	    WHERE ir.item_id = r.id AND ir.rev = r.revision;
	RETURN QUERY SELECT r.id, r.slug, r.revision, false, NULL::text;
END $$;

/*
 * The minutes workflow of session p_session, by whoever runs it:
 *   openen       concept -> amendering; open for p_days days (1-30;
 *                NULL: the series' default). Participants are told.
 *   sluiten      amendering, still open -> closes the window now.
 *   vaststellen  amendering, window closed, no open amendment ->
 *                definitief: frozen and published.
 * Returns the new state. Raises 42501 (not allowed), P0002 (no such
 * session), 55000 (wrong state; DETAIL 'window_open' or
 * 'open_amendments' for vaststellen), 22023 (p_days out of range).
 * Audit: mm_openen, mm_sluiten, mm_vaststellen (target: the item).
 */
CREATE FUNCTION mm_minutes_step(p_session bigint, p_actor bigint,
    p_action text, p_days integer) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	x	mm_session%ROWTYPE;
	v_days	integer;
	v_title	text;
BEGIN
	SELECT * INTO x FROM mm_session s WHERE s.item_id = p_session
	    FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such session' USING ERRCODE = 'P0002';
	END IF;
	IF NOT mm_session_may_run(p_session, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	SELECT i.title INTO v_title FROM item i WHERE i.id = p_session;
	IF p_action = 'openen' THEN
		IF x.state <> 'concept' THEN
			RAISE EXCEPTION 'not a concept' USING ERRCODE = '55000';
		END IF;
		v_days := coalesce(p_days, (SELECT s.amend_days
		    FROM mm_series s WHERE s.id = x.series_id));
		IF v_days NOT BETWEEN 1 AND 30 THEN
			RAISE EXCEPTION 'days' USING ERRCODE = '22023';
		END IF;
		UPDATE mm_session s SET state = 'amendering',
		    amend_until = now() + make_interval(days => v_days)
		    WHERE s.item_id = p_session;
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'mm_openen', p_session, 'dagen ' || v_days);
		PERFORM notify_send(p.account_id, 'mastermind', v_title,
		    mm_session_href(p_session), p_actor,
		    (SELECT s.community_id FROM mm_series s
		    WHERE s.id = x.series_id), NULL, NULL, NULL)
		FROM mm_participant p WHERE p.session_id = p_session
		AND p.account_id IS NOT NULL;
		RETURN 'amendering';
	ELSIF p_action = 'sluiten' THEN
		IF x.state <> 'amendering' OR x.amend_until <= now() THEN
			RAISE EXCEPTION 'not open' USING ERRCODE = '55000';
		END IF;
		UPDATE mm_session s SET amend_until = now()
		    WHERE s.item_id = p_session;
		INSERT INTO audit (actor_id, action, target_id)
		VALUES (p_actor, 'mm_sluiten', p_session);
		RETURN 'amendering';
	ELSIF p_action = 'vaststellen' THEN
		IF x.state <> 'amendering' THEN
			RAISE EXCEPTION 'not in amendment'
			    USING ERRCODE = '55000';
		END IF;
		IF x.amend_until > now() THEN
			RAISE EXCEPTION 'window open' USING ERRCODE = '55000',
			    DETAIL = 'window_open';
		END IF;
		IF EXISTS (SELECT 1 FROM mm_amendment a
		    WHERE a.session_id = p_session AND a.state = 'open') THEN
			RAISE EXCEPTION 'open amendments'
			    USING ERRCODE = '55000', DETAIL = 'open_amendments';
		END IF;
		UPDATE mm_session s SET state = 'definitief', final_at = now()
		    WHERE s.item_id = p_session;
		UPDATE item i SET status = 'gepubliceerd',
		    published_at = coalesce(i.published_at, now()),
		    updated_at = now() WHERE i.id = p_session;
		INSERT INTO audit (actor_id, action, target_id)
		VALUES (p_actor, 'mm_vaststellen', p_session);
		RETURN 'definitief';
	END IF;
	RAISE EXCEPTION 'unknown action' USING ERRCODE = '22023';
END $$;

-- The minutes stay frozen once final, whatever writes to the tables.
CREATE FUNCTION mm_session_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.state = 'definitief' AND (NEW.case_md <> OLD.case_md
	    OR NEW.agreements_md <> OLD.agreements_md
	    OR NEW.state <> OLD.state) THEN
		RAISE EXCEPTION 'minutes are final' USING ERRCODE = '55000';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER mm_session_frozen BEFORE UPDATE ON mm_session
	FOR EACH ROW EXECUTE FUNCTION mm_session_frozen();

CREATE FUNCTION mm_item_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.kind = 'mastermind' AND (NEW.body_md <> OLD.body_md
	    OR NEW.title <> OLD.title OR NEW.summary <> OLD.summary)
	    AND EXISTS (SELECT 1 FROM mm_session x WHERE x.item_id = NEW.id
	    AND x.state = 'definitief') THEN
		RAISE EXCEPTION 'minutes are final' USING ERRCODE = '55000';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER mm_item_frozen BEFORE UPDATE OF body_md, title, summary
	ON item FOR EACH ROW EXECUTE FUNCTION mm_item_frozen();

/* ---------------------------------------------------------------- */
/* Amendments and addenda                                            */
/* ---------------------------------------------------------------- */

/*
 * A participant comments on a section of open minutes, optionally with
 * a proposed new text (proposal_md/_html; not for 'algemeen'). Only
 * member participants, only while the window is open (55000 after).
 * p_idem: the form's nonce. Returns the amendment's id. Raises 42501,
 * P0002, 55000, 22023 (empty, or a proposal for 'algemeen').
 * Audit: mm_amendement. Whoever runs the session is told.
 */
CREATE FUNCTION mm_amend(p_session bigint, p_actor bigint, p_section text,
    p_comment text, p_proposal_md text, p_proposal_html text, p_idem text)
    RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	x	mm_session%ROWTYPE;
	v_id	bigint;
BEGIN
	IF p_idem IS NOT NULL AND p_idem <> '' THEN
		SELECT a.id INTO v_id FROM mm_amendment a
		    WHERE a.idem = p_idem AND a.author_id = p_actor;
		IF FOUND THEN
			RETURN v_id;
		END IF;
	END IF;
	SELECT * INTO x FROM mm_session s WHERE s.item_id = p_session;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such session' USING ERRCODE = 'P0002';
	END IF;
	IF NOT mm_is_participant(p_session, p_actor)
	    OR NOT mm_session_may_see(p_session, p_actor) THEN
		RAISE EXCEPTION 'not a participant' USING ERRCODE = '42501';
	END IF;
	IF x.state <> 'amendering' OR x.amend_until <= now() THEN
		RAISE EXCEPTION 'not open' USING ERRCODE = '55000';
	END IF;
	IF btrim(coalesce(p_comment, '')) = ''
	    AND btrim(coalesce(p_proposal_md, '')) = ''
	    OR (p_section = 'algemeen' AND coalesce(p_proposal_md, '') <> '')
	    OR p_section NOT IN ('algemeen', 'vraag', 'inzichten',
	    'afspraken') THEN
		RAISE EXCEPTION 'empty' USING ERRCODE = '22023';
	END IF;
	INSERT INTO mm_amendment (session_id, author_id, section, comment,
	    proposal_md, proposal_html, idem)
	VALUES (p_session, p_actor, p_section, btrim(coalesce(p_comment, '')),
	    coalesce(p_proposal_md, ''), coalesce(p_proposal_html, ''),
	    nullif(p_idem, ''))
	RETURNING id INTO v_id;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'mm_amendement', p_session, 'aanvulling ' || v_id);
	PERFORM notify_send(f.account_id, 'mastermind',
	    (SELECT i.title FROM item i WHERE i.id = p_session),
	    mm_session_href(p_session) || '#aanvulling-' || v_id, p_actor,
	    (SELECT s.community_id FROM mm_series s WHERE s.id = x.series_id),
	    NULL, NULL, NULL)
	FROM (SELECT fa.account_id FROM mm_facilitator fa
	    WHERE fa.series_id = x.series_id
	    UNION SELECT x.facilitator_id WHERE x.facilitator_id IS NOT NULL) f;
	RETURN v_id;
END $$;

/*
 * Whoever runs the session takes an open amendment over (p_accept) or
 * not, with an optional reply. Taking over a proposal replaces its
 * section with the proposed text as a new revision of the session.
 * Only while the minutes are not final. Raises 42501, P0002, 55000
 * (decided already, or minutes final). Audit: mm_overgenomen or
 * mm_afgewezen. The author is told.
 */
CREATE FUNCTION mm_amend_decide(p_id bigint, p_actor bigint,
    p_accept boolean, p_reply text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	a	mm_amendment%ROWTYPE;
	x	mm_session%ROWTYPE;
	it	item%ROWTYPE;
	v_state	text := CASE WHEN p_accept THEN 'overgenomen'
		    ELSE 'afgewezen' END;
BEGIN
	SELECT * INTO a FROM mm_amendment m WHERE m.id = p_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such amendment' USING ERRCODE = 'P0002';
	END IF;
	SELECT * INTO x FROM mm_session s WHERE s.item_id = a.session_id
	    FOR UPDATE;
	IF NOT mm_session_may_run(a.session_id, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF a.state <> 'open' OR x.state = 'definitief' THEN
		RAISE EXCEPTION 'decided' USING ERRCODE = '55000';
	END IF;
	UPDATE mm_amendment m SET state = v_state, decided_by = p_actor,
	    decided_at = now(), reply = left(btrim(coalesce(p_reply, '')), 1000)
	    WHERE m.id = p_id;
	IF p_accept AND a.proposal_md <> '' THEN
		IF a.section = 'vraag' THEN
			UPDATE mm_session s SET case_md = a.proposal_md,
			    case_html = a.proposal_html
			    WHERE s.item_id = a.session_id;
		ELSIF a.section = 'afspraken' THEN
			UPDATE mm_session s SET agreements_md = a.proposal_md,
			    agreements_html = a.proposal_html
			    WHERE s.item_id = a.session_id;
		END IF;
		UPDATE item i SET revision = i.revision + 1, updated_at = now(),
		    body_md = CASE WHEN a.section = 'inzichten'
		        THEN a.proposal_md ELSE i.body_md END,
		    body_html = CASE WHEN a.section = 'inzichten'
		        THEN a.proposal_html ELSE i.body_html END,
		    toc_html = CASE WHEN a.section = 'inzichten'
		        THEN '' ELSE i.toc_html END
		WHERE i.id = a.session_id RETURNING * INTO it;
		INSERT INTO item_revision (item_id, rev, title, summary,
		    body_md, note, author_id, fields)
		VALUES (it.id, it.revision, it.title, it.summary, it.body_md,
		    'aanvulling ' || p_id || ' overgenomen', p_actor,
		    mm_snapshot(it.id));
	END IF;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, CASE WHEN p_accept THEN 'mm_overgenomen'
	    ELSE 'mm_afgewezen' END, a.session_id, 'aanvulling ' || p_id);
	PERFORM notify_send(a.author_id, 'mastermind',
	    (SELECT i.title FROM item i WHERE i.id = a.session_id),
	    mm_session_href(a.session_id) || '#aanvulling-' || p_id, p_actor,
	    (SELECT s.community_id FROM mm_series s WHERE s.id = x.series_id),
	    NULL, NULL, NULL);
	RETURN v_state;
END $$;

/*
 * A dated addendum to final minutes, by whoever runs the session.
 * Raises 42501, P0002, 55000 (minutes not final yet: change them
 * instead). Returns its id; p_idem: the form's nonce. Audit: mm_addendum.
 */
CREATE FUNCTION mm_addendum_add(p_session bigint, p_actor bigint,
    p_body_md text, p_body_html text, p_idem text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	v_id	bigint;
	v_state	text;
BEGIN
	IF p_idem IS NOT NULL AND p_idem <> '' THEN
		SELECT d.id INTO v_id FROM mm_addendum d
		    WHERE d.idem = p_idem AND d.author_id = p_actor;
		IF FOUND THEN
			RETURN v_id;
		END IF;
	END IF;
	SELECT s.state INTO v_state FROM mm_session s
	    WHERE s.item_id = p_session;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such session' USING ERRCODE = 'P0002';
	END IF;
	IF NOT mm_session_may_run(p_session, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF v_state <> 'definitief' THEN
		RAISE EXCEPTION 'not final' USING ERRCODE = '55000';
	END IF;
	INSERT INTO mm_addendum (session_id, body_md, body_html, author_id,
	    idem)
	VALUES (p_session, p_body_md, p_body_html, p_actor,
	    nullif(p_idem, ''))
	RETURNING id INTO v_id;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'mm_addendum', p_session, 'addendum ' || v_id);
	RETURN v_id;
END $$;

/* ---------------------------------------------------------------- */
/* Actions                                                           */
/* ---------------------------------------------------------------- */

/*
 * Add (p_id NULL, under session p_session) or change an action item.
 *   what, owner, due   set by whoever runs the session, while its
 *                      minutes are not final (else error 'frozen' when
 *                      they differ). owner: a display name; one active
 *                      member's name is that member, any other name an
 *                      external person; '' none.
 *   status, note, evidence  by whoever runs the session or the owner,
 *                      at any time. Leaving 'open' records closed_at
 *                      and closed_in = p_in (a session of the same
 *                      series, else NULL); back to 'open' clears both.
 * On a change, NULL for what, owner or due keeps them (status forms).
 *   evidence: '' or the path of an item or lesson: /artikelen/{slug},
 *   /pilots/{slug}, /lessen/{id}, /masterminds/{serie}/{sessie}.
 * Errors (nothing written): 'what', 'owner_ambiguous', 'due',
 * 'status', 'evidence', 'frozen'. A stale p_base_rev: conflict.
 * Raises 42501, P0002. Audit: mm_actie_nieuw, mm_actie_wijzigen,
 * mm_actie_status (detail: the status; target: the origin session).
 * A member who becomes the owner is told ('actie').
 */
CREATE FUNCTION mm_action_save(p_id bigint, p_session bigint,
    p_actor bigint, p_base_rev integer, p_what text, p_owner text,
    p_due text, p_status text, p_note text, p_evidence text, p_in bigint,
    p_idem text)
    RETURNS TABLE (id bigint, revision integer, conflict boolean,
    error text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	o	mm_action%ROWTYPE;
	x	mm_session%ROWTYPE;
	v_run	boolean;
	v_owner	bigint;
	v_oname	text;
	v_due	date;
	v_item	bigint;
	v_les	bigint;
	v_ev	text := btrim(coalesce(p_evidence, ''));
	v_in	bigint;
	v_id	bigint;
	v_rev	integer;
	m	record;
	v_parts	text[];
	v_keep	boolean := false;
BEGIN
	IF p_id IS NULL AND p_idem IS NOT NULL AND p_idem <> '' THEN
		SELECT a.id, a.revision INTO v_id, v_rev FROM mm_action a
		    WHERE a.idem = p_idem AND a.created_by = p_actor;
		IF FOUND THEN
			RETURN QUERY SELECT v_id, v_rev, false, NULL::text;
			RETURN;
		END IF;
	END IF;
	IF p_id IS NOT NULL THEN
		SELECT * INTO o FROM mm_action a WHERE a.id = p_id FOR UPDATE;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'no such action' USING ERRCODE = 'P0002';
		END IF;
		p_session := o.session_id;
	END IF;
	SELECT * INTO x FROM mm_session s WHERE s.item_id = p_session;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such session' USING ERRCODE = 'P0002';
	END IF;
	v_run := mm_session_may_run(p_session, p_actor);
	IF (p_id IS NULL AND NOT v_run) OR (p_id IS NOT NULL
	    AND NOT mm_action_may_update(p_id, p_actor)) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF p_id IS NOT NULL AND o.revision <> p_base_rev THEN
		RETURN QUERY SELECT o.id, o.revision, true, NULL::text;
		RETURN;
	END IF;

	-- On a change, NULL keeps what, owner and due as they are (the
	-- status forms send only status, note and evidence). The owner is
	-- kept as it is stored, not looked up again by name: a blocked
	-- member is no "active member" by name and would become an
	-- external name (or a 'frozen' error on final minutes).
	IF p_id IS NOT NULL THEN
		p_what := coalesce(p_what, o.what);
		IF p_owner IS NULL THEN
			v_keep := true;
			v_owner := o.owner_id;
			v_oname := o.owner_name;
		END IF;
		IF p_due IS NULL THEN
			p_due := coalesce(o.due_on::text, '');
		END IF;
	END IF;
	IF btrim(coalesce(p_what, '')) = '' OR length(btrim(p_what)) > 300 THEN
		RETURN QUERY SELECT p_id, o.revision, false, 'what'::text;
		RETURN;
	END IF;
	IF v_keep THEN
		NULL;
	ELSIF o.owner_id IS NOT NULL AND EXISTS (SELECT 1 FROM account a
	    WHERE a.id = o.owner_id
	    AND lower(a.display_name) = lower(btrim(p_owner))) THEN
		-- The current owner keeps their place by their name.
		v_owner := o.owner_id;
	ELSIF btrim(coalesce(p_owner, '')) <> '' THEN
		SELECT * INTO m FROM mm_member_by_name(p_owner);
		IF m.n > 1 THEN
			RETURN QUERY SELECT p_id, o.revision, false,
			    'owner_ambiguous'::text;
			RETURN;
		ELSIF m.n = 1 THEN
			v_owner := m.id;
		ELSE
			v_oname := left(btrim(p_owner), 120);
		END IF;
	END IF;
	IF coalesce(p_due, '') <> '' THEN
		BEGIN
			v_due := p_due::date;
		EXCEPTION WHEN others THEN
			RETURN QUERY SELECT p_id, o.revision, false, 'due'::text;
			RETURN;
		END;
	END IF;
	IF coalesce(p_status, 'open') NOT IN ('open', 'gedaan', 'vervallen')
	THEN
		RETURN QUERY SELECT p_id, o.revision, false, 'status'::text;
		RETURN;
	END IF;
	IF v_ev <> '' THEN
		v_parts := regexp_match(v_ev,
		    '^(?:https?://[^/]+)?/(artikelen|pilots|lessen|masterminds)/([a-z0-9-]+)(?:/([a-z0-9-]+))?/?(?:[?#].*)?$');
		IF v_parts IS NULL THEN
			RETURN QUERY SELECT p_id, o.revision, false,
			    'evidence'::text;
			RETURN;
		END IF;
		IF v_parts[1] = 'lessen' AND v_parts[3] IS NULL
		    AND v_parts[2] ~ '^[0-9]{1,18}$' THEN
			SELECT l.id INTO v_les FROM lesson l
			    WHERE l.id = v_parts[2]::bigint;
		ELSIF v_parts[1] = 'masterminds' AND v_parts[3] IS NOT NULL
		THEN
			SELECT i.id INTO v_item FROM item i
			    JOIN mm_session s ON s.item_id = i.id
			    JOIN mm_series se ON se.id = s.series_id
			    WHERE i.kind = 'mastermind' AND i.slug = v_parts[3]
			    AND se.slug = v_parts[2];
		ELSIF v_parts[3] IS NULL AND v_parts[1] <> 'masterminds' THEN
			SELECT i.id INTO v_item FROM item i
			    WHERE i.kind = CASE v_parts[1] WHEN 'artikelen'
			    THEN 'artikel' ELSE 'pilot' END
			    AND i.slug = v_parts[2];
		END IF;
		IF v_item IS NULL AND v_les IS NULL THEN
			RETURN QUERY SELECT p_id, o.revision, false,
			    'evidence'::text;
			RETURN;
		END IF;
	END IF;
	-- What, owner and due are the minutes': frozen with them, and
	-- only whoever runs the session changes them.
	IF p_id IS NOT NULL AND (btrim(p_what) <> o.what
	    OR v_owner IS DISTINCT FROM o.owner_id
	    OR v_oname IS DISTINCT FROM o.owner_name
	    OR v_due IS DISTINCT FROM o.due_on) AND (x.state = 'definitief'
	    OR NOT v_run) THEN
		RETURN QUERY SELECT p_id, o.revision, false, 'frozen'::text;
		RETURN;
	END IF;
	IF p_id IS NULL AND x.state = 'definitief' THEN
		RETURN QUERY SELECT NULL::bigint, NULL::integer, false,
		    'frozen'::text;
		RETURN;
	END IF;
	IF p_in IS NOT NULL THEN
		SELECT s.item_id INTO v_in FROM mm_session s
		    WHERE s.item_id = p_in AND s.series_id = x.series_id;
	END IF;

	IF p_id IS NULL THEN
		INSERT INTO mm_action AS a (session_id, position, what,
		    owner_id, owner_name, due_on, status, note,
		    evidence_item_id, evidence_lesson_id, closed_at,
		    closed_in, created_by, idem)
		VALUES (p_session, coalesce((SELECT max(b.position)
		    FROM mm_action b WHERE b.session_id = p_session), 0) + 1,
		    btrim(p_what), v_owner, v_oname, v_due,
		    coalesce(p_status, 'open'),
		    left(btrim(coalesce(p_note, '')), 1000), v_item, v_les,
		    CASE WHEN coalesce(p_status, 'open') <> 'open'
		    THEN now() END,
		    CASE WHEN coalesce(p_status, 'open') <> 'open'
		    THEN v_in END, p_actor, nullif(p_idem, ''))
		RETURNING a.id, a.revision INTO v_id, v_rev;
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'mm_actie_nieuw', p_session, 'actie ' || v_id);
	ELSE
		UPDATE mm_action a SET what = btrim(p_what),
		    owner_id = v_owner, owner_name = v_oname, due_on = v_due,
		    status = coalesce(p_status, 'open'),
		    note = left(btrim(coalesce(p_note, '')), 1000),
		    evidence_item_id = v_item, evidence_lesson_id = v_les,
		    closed_at = CASE WHEN coalesce(p_status, 'open') = 'open'
		        THEN NULL WHEN a.status = 'open' THEN now()
		        ELSE a.closed_at END,
		    closed_in = CASE WHEN coalesce(p_status, 'open') = 'open'
		        THEN NULL WHEN a.status = 'open' THEN v_in
		        ELSE a.closed_in END,
		    reminded_at = CASE WHEN v_due IS DISTINCT FROM a.due_on
		        OR v_owner IS DISTINCT FROM a.owner_id THEN NULL
		        ELSE a.reminded_at END,
		    revision = a.revision + 1, updated_at = now()
		WHERE a.id = p_id RETURNING a.id, a.revision INTO v_id, v_rev;
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, CASE WHEN o.status <> coalesce(p_status,
		    'open') THEN 'mm_actie_status' ELSE 'mm_actie_wijzigen'
		    END, p_session, 'actie ' || v_id || ' '
		    || coalesce(p_status, 'open'));
	END IF;
	-- Only an owner who may read these minutes is told (the action's
	-- text is part of them); the reminder comes when they may.
	IF v_owner IS NOT NULL AND v_owner IS DISTINCT FROM o.owner_id
	    AND mm_minutes_may_read(p_session, v_owner) THEN
		PERFORM notify_send(v_owner, 'actie', left(btrim(p_what), 300),
		    mm_session_href(p_session) || '#actie-' || v_id, p_actor,
		    (SELECT s.community_id FROM mm_series s
		    WHERE s.id = x.series_id), NULL, NULL, NULL);
	END IF;
	RETURN QUERY SELECT v_id, v_rev, false, NULL::text;
END $$;

-- Remove an action (whoever runs its session, minutes not final).
CREATE FUNCTION mm_action_delete(p_id bigint, p_actor bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	a	mm_action%ROWTYPE;
BEGIN
	SELECT * INTO a FROM mm_action x WHERE x.id = p_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such action' USING ERRCODE = 'P0002';
	END IF;
	IF NOT mm_session_may_run(a.session_id, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF EXISTS (SELECT 1 FROM mm_session s WHERE s.item_id = a.session_id
	    AND s.state = 'definitief') THEN
		RAISE EXCEPTION 'minutes are final' USING ERRCODE = '55000';
	END IF;
	DELETE FROM mm_action x WHERE x.id = p_id;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'mm_actie_weg', a.session_id, 'actie ' || p_id);
END $$;

/*
 * Remind owners of open actions due within p_days days (default 3) that
 * were not reminded yet: one notification ('actie', text prefixed by
 * the due date) each. Run by the background mailer (tools/mailer.c)
 * on every pass. Returns how many were written.
 */
CREATE FUNCTION mm_action_remind(p_days integer DEFAULT 3) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	n	integer := 0;
	a	record;
BEGIN
	FOR a IN SELECT x.id, x.what, x.owner_id, x.due_on, x.session_id,
	    s.community_id FROM mm_action x
	    JOIN mm_session ss ON ss.item_id = x.session_id
	    JOIN mm_series s ON s.id = ss.series_id
	    WHERE x.status = 'open' AND x.reminded_at IS NULL
	    AND x.owner_id IS NOT NULL
	    AND x.due_on <= (now() AT TIME ZONE 'Europe/Amsterdam')::date
	        + p_days
	    -- An owner who may not read the minutes yet (concept, not a
	    -- participant) keeps the reminder for when they may.
	    AND mm_minutes_may_read(x.session_id, x.owner_id)
	    FOR UPDATE OF x SKIP LOCKED LOOP
		UPDATE mm_action x SET reminded_at = now() WHERE x.id = a.id;
		IF notify_send(a.owner_id, 'actie', 'herinnering:'
		    || to_char(a.due_on, 'YYYY-MM-DD') || ':' || a.what,
		    mm_session_href(a.session_id) || '#actie-' || a.id, NULL,
		    a.community_id, NULL, NULL, NULL) THEN
			n := n + 1;
		END IF;
	END LOOP;
	RETURN n;
END $$;

/* ---------------------------------------------------------------- */
/* Notifications, audit, privacy                                     */
/* ---------------------------------------------------------------- */

ALTER DOMAIN notify_kind DROP CONSTRAINT notify_kind_check;
ALTER DOMAIN notify_kind ADD CONSTRAINT notify_kind_check CHECK (VALUE IN
	('nieuw_item', 'wijziging', 'gesprek', 'reactie', 'vermelding',
	'lidmaatschap', 'beoordeling', 'moderatie', 'contact', 'mastermind',
	'actie'));

CREATE OR REPLACE FUNCTION audit_target(p_action text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
	    WHEN p_action IN ('aanmaken', 'indienen', 'goedkeuren',
		'publiceren', 'terugsturen', 'archiveren', 'terugzetten',
		'gecontroleerd', 'versie_herstellen', 'eigenaar_gewijzigd')
		OR p_action LIKE 'item\_%' OR p_action LIKE 'les\_%'
		OR p_action LIKE 'pilot\_%' OR p_action LIKE 'mm\_%' THEN 'item'
	    WHEN p_action LIKE 'mmserie\_%' THEN 'series'
	    WHEN p_action LIKE 'thema\_%' THEN 'theme'
	    WHEN p_action LIKE 'gemeenschap\_%' OR p_action LIKE 'lid\_%'
		OR p_action LIKE 'moderator\_%'
		OR p_action = 'uitnodiging_ingetrokken' THEN 'community'
	    WHEN p_action LIKE 'gesprek\_%' THEN 'topic'
	    WHEN p_action LIKE 'bericht\_%' THEN 'post'
	    ELSE 'account' END
$$;

-- A deleted account leaves the series it ran and the sessions it took
-- part in; actions it owned stay, without an owner; its amendments and
-- addenda stay, shown as by a former member.
CREATE FUNCTION mm_account_erase() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM mm_facilitator WHERE account_id = NEW.id;
	DELETE FROM mm_participant WHERE account_id = NEW.id;
	UPDATE mm_session SET facilitator_id = NULL
	    WHERE facilitator_id = NEW.id AND state <> 'definitief';
	UPDATE mm_action SET owner_id = NULL WHERE owner_id = NEW.id;
	-- Its name in the revisions' participant lists.
	UPDATE item_revision ir SET fields = jsonb_set(ir.fields,
	    '{participants}', coalesce((SELECT jsonb_agg(CASE
	    WHEN lower(e->>'name') = lower(OLD.display_name)
	    THEN jsonb_build_object('name', 'voormalig lid', 'role', e->'role')
	    ELSE e END ORDER BY o) FROM jsonb_array_elements(
	    ir.fields->'participants') WITH ORDINALITY AS t (e, o)),
	    '[]'::jsonb))
	    FROM item i WHERE i.id = ir.item_id AND i.kind = 'mastermind'
	    AND ir.fields ? 'participants';
	UPDATE item_revision ir SET fields = jsonb_set(ir.fields,
	    '{facilitator}', '""'::jsonb)
	    FROM item i WHERE i.id = ir.item_id AND i.kind = 'mastermind'
	    AND lower(ir.fields->>'facilitator') = lower(OLD.display_name);
	RETURN NULL;
END $$;
CREATE TRIGGER mm_account_erase AFTER UPDATE OF deleted_at
	ON account FOR EACH ROW
	WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL)
	EXECUTE FUNCTION mm_account_erase();
