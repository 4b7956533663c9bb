-- Communities of practice (issue 6): membership, invitations,
-- discussions, following, notifications and moderation. Every right is
-- decided here, in SQL, so each page asks the same questions the same
-- way; the web handlers map the SQLSTATEs (42501 403, P0002 404, 55000
-- and 23505 409, 22023 400).
--
-- Privacy of spaces: an item filed in a community takes the community's
-- visibility (trigger below), so every public query that filters on
-- visibility = 'openbaar' leaves members-only and closed content out
-- without knowing about communities.

ALTER TABLE community
	ADD COLUMN purpose_md	text NOT NULL DEFAULT ''
			    CHECK (length(purpose_md) <= 20000),
	ADD COLUMN purpose_html	text NOT NULL DEFAULT '',
	ADD COLUMN created_by	bigint REFERENCES account ON DELETE SET NULL,
	ADD COLUMN updated_at	timestamptz NOT NULL DEFAULT now(),
	ADD COLUMN revision	integer NOT NULL DEFAULT 1,
	-- The create form's nonce: a repeated POST makes one community.
	ADD COLUMN idem		text UNIQUE;

CREATE TABLE community_theme (
	community_id	bigint NOT NULL REFERENCES community ON DELETE CASCADE,
	theme_id	bigint NOT NULL REFERENCES theme ON DELETE CASCADE,
	PRIMARY KEY (community_id, theme_id)
);
CREATE INDEX community_theme_theme ON community_theme (theme_id);

-- One row per person and community: a member ('lid', possibly a
-- moderator), a pending request ('aanvraag', note = motivation) or an
-- invitation ('uitgenodigd', note = the inviter's message).
CREATE TABLE member (
	community_id	bigint NOT NULL REFERENCES community ON DELETE CASCADE,
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	state		text NOT NULL CHECK (state IN
			    ('lid', 'aanvraag', 'uitgenodigd')),
	moderator	boolean NOT NULL DEFAULT false,
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
	invited_by	bigint REFERENCES account ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	decided_at	timestamptz,
	PRIMARY KEY (community_id, account_id),
	CHECK (NOT moderator OR state = 'lid')
);
CREATE INDEX member_account ON member (account_id);

-- Invitations by e-mail for people who may not have an account yet. The
-- address is kept only until the invitation is used or expires.
CREATE TABLE community_invite (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	community_id	bigint NOT NULL REFERENCES community ON DELETE CASCADE,
	email		text NOT NULL CHECK (length(email) BETWEEN 3 AND 254
			    AND email = lower(email)),
	token_hash	bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	invited_by	bigint REFERENCES account ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	expires_at	timestamptz NOT NULL DEFAULT now() + interval '14 days',
	used_at		timestamptz
);
CREATE INDEX community_invite_community ON community_invite (community_id);

-- Discussions: a topic and its posts; post 1 is the opening message.
-- posts counts the visible posts, last_post_at the newest of them.
CREATE TABLE topic (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	community_id	bigint NOT NULL REFERENCES community ON DELETE CASCADE,
	title		text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	author_id	bigint REFERENCES account ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	last_post_at	timestamptz NOT NULL DEFAULT now(),
	posts		integer NOT NULL DEFAULT 0,
	pinned		boolean NOT NULL DEFAULT false,
	closed		boolean NOT NULL DEFAULT false,
	hidden_at	timestamptz,
	idem		text UNIQUE
);
CREATE INDEX topic_community ON topic (community_id, pinned DESC,
	last_post_at DESC);

CREATE TABLE post (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	topic_id	bigint NOT NULL REFERENCES topic ON DELETE CASCADE,
	n		integer NOT NULL CHECK (n >= 1),
	author_id	bigint REFERENCES account ON DELETE SET NULL,
	body_md		text NOT NULL CHECK (length(body_md) BETWEEN 1 AND 20000),
	body_html	text NOT NULL,
	revision	integer NOT NULL DEFAULT 1,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	hidden_at	timestamptz,
	hidden_note	text NOT NULL DEFAULT '' CHECK (length(hidden_note) <= 500),
	helpful		integer NOT NULL DEFAULT 0,
	quote_of	bigint REFERENCES post ON DELETE SET NULL,
	idem		text UNIQUE,
	UNIQUE (topic_id, n)
);
CREATE INDEX post_author ON post (author_id);

-- Every version of a post, the first one included (written when the
-- post is created, then by each post_edit()).
CREATE TABLE post_revision (
	post_id		bigint NOT NULL REFERENCES post ON DELETE CASCADE,
	rev		integer NOT NULL CHECK (rev >= 1),
	body_md		text NOT NULL,
	body_html	text NOT NULL,
	editor_id	bigint REFERENCES account ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (post_id, rev)
);

CREATE TABLE post_helpful (
	post_id		bigint NOT NULL REFERENCES post ON DELETE CASCADE,
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (post_id, account_id)
);

-- What a person follows: exactly one target per row.
CREATE TABLE follow (
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	community_id	bigint REFERENCES community ON DELETE CASCADE,
	topic_id	bigint REFERENCES topic ON DELETE CASCADE,
	theme_id	bigint REFERENCES theme ON DELETE CASCADE,
	item_id		bigint REFERENCES item ON DELETE CASCADE,
	created_at	timestamptz NOT NULL DEFAULT now(),
	CHECK (num_nonnulls(community_id, topic_id, theme_id, item_id) = 1)
);
CREATE UNIQUE INDEX follow_community ON follow (community_id, account_id)
	WHERE community_id IS NOT NULL;
CREATE UNIQUE INDEX follow_topic ON follow (topic_id, account_id)
	WHERE topic_id IS NOT NULL;
CREATE UNIQUE INDEX follow_theme ON follow (theme_id, account_id)
	WHERE theme_id IS NOT NULL;
CREATE UNIQUE INDEX follow_item ON follow (item_id, account_id)
	WHERE item_id IS NOT NULL;
CREATE INDEX follow_account ON follow (account_id);

-- Notification kinds. A missing notify_pref row means "on".
CREATE DOMAIN notify_kind AS text CHECK (VALUE IN ('nieuw_item', 'wijziging',
	'gesprek', 'reactie', 'vermelding', 'lidmaatschap', 'beoordeling',
	'moderatie'));

CREATE TABLE notify_pref (
	account_id	bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	kind		notify_kind NOT NULL,
	in_app		boolean NOT NULL,
	PRIMARY KEY (account_id, kind)
);

ALTER TABLE account
	ADD COLUMN digest	boolean NOT NULL DEFAULT false,
	ADD COLUMN digest_at	timestamptz;

-- notification.text is the subject's title (item, topic or community);
-- the sentence around it comes from the kind, in the reader's language.
ALTER TABLE notification
	ADD COLUMN actor_id	bigint REFERENCES account ON DELETE SET NULL,
	ADD COLUMN community_id	bigint REFERENCES community ON DELETE CASCADE,
	ADD COLUMN topic_id	bigint REFERENCES topic ON DELETE CASCADE,
	ADD COLUMN post_id	bigint REFERENCES post ON DELETE CASCADE,
	ADD COLUMN item_id	bigint REFERENCES item ON DELETE CASCADE;
CREATE INDEX notification_unread ON notification (account_id)
	WHERE read_at IS NULL;

CREATE TABLE flag (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	reporter_id	bigint REFERENCES account ON DELETE SET NULL,
	post_id		bigint REFERENCES post ON DELETE CASCADE,
	item_id		bigint REFERENCES item ON DELETE CASCADE,
	reason		text NOT NULL CHECK (reason IN ('ongepast', 'onveilig',
			    'privacy', 'spam', 'anders')),
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
	created_at	timestamptz NOT NULL DEFAULT now(),
	resolved_at	timestamptz,
	resolved_by	bigint REFERENCES account ON DELETE SET NULL,
	decision	text CHECK (decision IN ('verborgen', 'afgewezen',
			    'hersteld')),
	decision_note	text NOT NULL DEFAULT ''
			    CHECK (length(decision_note) <= 500),
	CHECK (num_nonnulls(post_id, item_id) = 1),
	CHECK ((resolved_at IS NULL) = (decision IS NULL))
);
-- One open flag per person and target.
CREATE UNIQUE INDEX flag_open_post ON flag (post_id, reporter_id)
	WHERE resolved_at IS NULL AND post_id IS NOT NULL;
CREATE UNIQUE INDEX flag_open_item ON flag (item_id, reporter_id)
	WHERE resolved_at IS NULL AND item_id IS NOT NULL;
CREATE INDEX flag_open ON flag (created_at) WHERE resolved_at IS NULL;

ALTER TABLE item
	ADD COLUMN hidden_at	timestamptz,
	ADD COLUMN hidden_note	text NOT NULL DEFAULT ''
			    CHECK (length(hidden_note) <= 500);

-- Public pages cache on content_gen: discussions and memberships do not
-- show on them, community_theme does (the theme page lists communities
-- later; cheap to keep right).
CREATE TRIGGER community_theme_gen AFTER INSERT OR UPDATE OR DELETE
	ON community_theme FOR EACH STATEMENT
	EXECUTE FUNCTION content_gen_bump();

/* ---------------------------------------------------------------- */
/* Rights                                                            */
/* ---------------------------------------------------------------- */

-- An active (not blocked, not deleted) account.
CREATE FUNCTION account_active(acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM account WHERE id = acct
	    AND deleted_at IS NULL AND blocked_at IS NULL)
$$;

CREATE FUNCTION community_is_member(c bigint, acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM member m WHERE m.community_id = c
	    AND m.account_id = acct AND m.state = 'lid')
$$;

-- May acct read the content (items, discussions, members) of c?
CREATE FUNCTION community_may_read(c bigint, acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM community x WHERE x.id = c
	    AND x.visibility = 'openbaar')
	    OR community_is_member(c, acct) OR account_is_editor(acct)
$$;

-- Does c exist for acct at all? A closed community is unknown (404) to
-- everyone but its members, the people it invited or who asked to
-- join, and editors.
CREATE FUNCTION community_may_see(c bigint, acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM community x WHERE x.id = c
	    AND x.visibility <> 'besloten')
	    OR EXISTS (SELECT 1 FROM member m WHERE m.community_id = c
	        AND m.account_id = acct)
	    OR account_is_editor(acct)
$$;

CREATE FUNCTION community_may_moderate(c bigint, acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT account_is_editor(acct)
	    OR (account_active(acct) AND EXISTS (SELECT 1 FROM member m
	        WHERE m.community_id = c AND m.account_id = acct
	        AND m.state = 'lid' AND m.moderator))
$$;

-- Start discussions, reply, file items: members and editors.
CREATE FUNCTION community_may_post(c bigint, acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT account_is_editor(acct)
	    OR (account_active(acct) AND community_is_member(c, acct))
$$;

-- May acct read item i (any kind)? Published, not hidden, and public or
-- in a community acct may read; people who may edit it always may, and
-- so may the moderators of its community (to judge a hidden one).
CREATE FUNCTION item_may_read(i bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM item x WHERE x.id = i
	    AND x.status = 'gepubliceerd' AND (x.hidden_at IS NULL
	        OR community_may_moderate(x.community_id, acct))
	    AND (x.visibility = 'openbaar' OR (x.community_id IS NOT NULL
	        AND community_may_read(x.community_id, acct))))
	    OR (acct IS NOT NULL AND item_may_edit(i, acct))
$$;

/* ---------------------------------------------------------------- */
/* Items take their community's visibility                           */
/* ---------------------------------------------------------------- */

CREATE FUNCTION item_visibility_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.community_id IS NOT NULL THEN
		SELECT c.visibility INTO NEW.visibility FROM community c
		    WHERE c.id = NEW.community_id;
	ELSIF TG_OP = 'UPDATE' AND OLD.community_id IS NOT NULL THEN
		NEW.visibility := 'openbaar';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER item_visibility BEFORE INSERT OR UPDATE OF community_id
	ON item FOR EACH ROW EXECUTE FUNCTION item_visibility_sync();

CREATE FUNCTION community_visibility_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	UPDATE item SET visibility = NEW.visibility
	    WHERE community_id = NEW.id AND visibility <> NEW.visibility;
	RETURN NULL;
END $$;
CREATE TRIGGER community_visibility AFTER UPDATE OF visibility
	ON community FOR EACH ROW
	WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility)
	EXECUTE FUNCTION community_visibility_sync();

-- Only members (and editors) file items in a community. item_save()
-- of issue 5 stays as item_save_unchecked(); this wrapper adds the
-- check. Keeping the community an item already has is always allowed.
ALTER FUNCTION item_save(text, bigint, integer, bigint, text, text, text,
    text, text, integer, text, text, text, text, text, bigint, text, text,
    text, integer) RENAME TO item_save_unchecked;

CREATE FUNCTION item_save(p_kind text, p_id bigint, p_base_rev integer,
    p_actor bigint, p_title text, p_summary text, p_body_md text,
    p_body_html text, p_toc_html text, p_words integer, p_note text,
    p_slug text, p_themes text, p_tags text, p_community text,
    p_owner bigint, p_links text, p_related text, p_idem text,
    p_restored integer)
    RETURNS TABLE (id bigint, slug text, revision integer, conflict boolean)
LANGUAGE plpgsql AS $$
DECLARE
	v_comm	bigint;
	v_old	bigint;
	v_oldvis text;
BEGIN
	IF p_actor IS NOT NULL AND coalesce(p_community, '') <> '' THEN
		SELECT c.id INTO v_comm FROM community c
		    WHERE c.slug = p_community;
		IF v_comm IS NOT NULL AND NOT community_may_post(v_comm, p_actor)
		    AND NOT EXISTS (SELECT 1 FROM item i WHERE i.id = p_id
		    AND i.community_id = v_comm) THEN
			RAISE EXCEPTION 'not a member' USING ERRCODE = '42501';
		END IF;
	END IF;
	-- Taking an item out of a members-only or closed community would
	-- publish it wider: only that community's moderators and editors
	-- may (not an author who has left it).
	SELECT i.community_id, c.visibility INTO v_old, v_oldvis
	    FROM item i JOIN community c ON c.id = i.community_id
	    WHERE i.id = p_id;
	IF p_actor IS NOT NULL AND v_old IS NOT NULL AND v_oldvis <> 'openbaar'
	    AND v_old IS DISTINCT FROM v_comm
	    AND NOT community_may_moderate(v_old, p_actor) THEN
		RAISE EXCEPTION 'may not move' USING ERRCODE = '42501';
	END IF;
	RETURN QUERY SELECT * FROM item_save_unchecked(p_kind, p_id,
	    p_base_rev, p_actor, p_title, p_summary, p_body_md, p_body_html,
	    p_toc_html, p_words, p_note, p_slug, p_themes, p_tags,
	    p_community, p_owner, p_links, p_related, p_idem, p_restored);
END $$;

/* ---------------------------------------------------------------- */
/* Notifications                                                     */
/* ---------------------------------------------------------------- */

-- Is notification n still for acct's eyes? Its community (if any) must
-- be readable, its item readable, its topic and post not hidden.
-- Membership news is about the community itself: seeing it is enough.
CREATE FUNCTION notification_visible(n notification, acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT n.account_id = acct
	    AND (n.community_id IS NULL OR CASE WHEN n.kind = 'lidmaatschap'
	        THEN community_may_see(n.community_id, acct)
	        ELSE community_may_read(n.community_id, acct) END)
	    AND (n.item_id IS NULL OR item_may_read(n.item_id, acct)
	        OR n.kind IN ('beoordeling', 'moderatie'))
	    AND (n.topic_id IS NULL OR n.kind = 'moderatie'
	        OR EXISTS (SELECT 1 FROM topic t WHERE t.id = n.topic_id
	        AND t.hidden_at IS NULL))
	    AND (n.post_id IS NULL OR n.kind = 'moderatie'
	        OR EXISTS (SELECT 1 FROM post p WHERE p.id = n.post_id
	        AND p.hidden_at IS NULL))
$$;

/*
 * The same test as notification_visible(), for all of a person's
 * notifications at once: joins instead of a function call per row
 * (which cost 7 ms for 100 rows), so the header's unread count stays
 * cheap on every signed-in page. tests/http/35_community_privacy.bats
 * checks that both agree on every row.
 */
CREATE FUNCTION notifications_visible(acct bigint) RETURNS SETOF notification
LANGUAGE sql STABLE AS $$
	SELECT n.* FROM notification n
	LEFT JOIN community c ON c.id = n.community_id
	LEFT JOIN member m ON m.community_id = n.community_id
	    AND m.account_id = acct
	LEFT JOIN topic t ON t.id = n.topic_id
	LEFT JOIN post p ON p.id = n.post_id
	LEFT JOIN item i ON i.id = n.item_id
	-- OFFSET 0: asked once, not once per row.
	CROSS JOIN (SELECT account_is_editor(acct) AS ed OFFSET 0) e
	WHERE n.account_id = acct
	    AND (n.community_id IS NULL OR e.ed OR c.visibility = 'openbaar'
	        OR m.state = 'lid' OR (n.kind = 'lidmaatschap'
	        AND (c.visibility <> 'besloten' OR m.account_id IS NOT NULL)))
	    AND (n.item_id IS NULL OR n.kind IN ('beoordeling', 'moderatie')
	        OR (i.status = 'gepubliceerd' AND i.hidden_at IS NULL
	        AND i.visibility = 'openbaar')
	        OR item_may_read(n.item_id, acct))
	    AND (n.topic_id IS NULL OR n.kind = 'moderatie'
	        OR t.hidden_at IS NULL)
	    AND (n.post_id IS NULL OR n.kind = 'moderatie'
	        OR p.hidden_at IS NULL)
$$;

-- The header's unread count, at most cap. PL/pgSQL keeps the plan of
-- its query per connection, so the signed-in pages do not plan it anew.
CREATE FUNCTION notification_unread(acct bigint, cap integer)
    RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN (SELECT count(*) FROM (SELECT 1 FROM notifications_visible(acct)
	    n WHERE n.read_at IS NULL LIMIT cap) u);
END $$;

/*
 * Write one notification unless the person switched this kind off, is
 * the actor, is not active, or may not read the subject. Returns
 * whether a row was written. The readability check here is the same as
 * at read time (notification_visible), so nothing private is stored for
 * someone who may not see it.
 */
CREATE FUNCTION notify_send(p_acct bigint, p_kind text, p_text text,
    p_href text, p_actor bigint, p_comm bigint, p_topic bigint,
    p_post bigint, p_item bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	n	notification;
BEGIN
	IF p_acct IS NULL OR p_acct IS NOT DISTINCT FROM p_actor
	    OR NOT account_active(p_acct)
	    OR EXISTS (SELECT 1 FROM notify_pref np WHERE np.account_id = p_acct
	    AND np.kind = p_kind AND NOT np.in_app) THEN
		RETURN false;
	END IF;
	n.account_id := p_acct;
	n.kind := p_kind;
	n.community_id := p_comm;
	n.topic_id := p_topic;
	n.post_id := p_post;
	n.item_id := p_item;
	IF NOT notification_visible(n, p_acct) THEN
		RETURN false;
	END IF;
	INSERT INTO notification (account_id, kind, text, href, actor_id,
	    community_id, topic_id, post_id, item_id)
	VALUES (p_acct, p_kind, left(coalesce(p_text, ''), 500), p_href,
	    p_actor, p_comm, p_topic, p_post, p_item);
	RETURN true;
END $$;

-- The public path of an item.
CREATE FUNCTION item_href(i item) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE i.kind WHEN 'artikel' THEN '/artikelen/'
	    WHEN 'pilot' THEN '/pilots/' WHEN 'mastermind' THEN '/masterminds/'
	    WHEN 'verhaal' THEN '/verhalen/' ELSE '/bronnen/' END || i.slug
$$;

CREATE FUNCTION topic_href(t bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT '/gemeenschappen/' || c.slug || '/gesprekken/' || t
	    FROM topic x JOIN community c ON c.id = x.community_id
	    WHERE x.id = t
$$;

-- The page and anchor of post p within its topic (25 posts a page).
CREATE FUNCTION post_href(p bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT topic_href(x.topic_id) || CASE WHEN x.n > 25 THEN
	    '?pagina=' || ((x.n - 1) / 25 + 1) ELSE '' END
	    || '#bericht-' || x.n FROM post x WHERE x.id = p
$$;

-- Published for the first time: tell the followers of its community and
-- themes ('nieuw_item'). Later revisions of a published item: tell the
-- item's followers ('wijziging'). The importer (actor NULL) tells nobody.
CREATE FUNCTION item_notify() RETURNS trigger
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
	THEN
		PERFORM notify_send(f.account_id, 'wijziging', NEW.title,
		    item_href(NEW), (SELECT r.author_id FROM item_revision r
		    WHERE r.item_id = NEW.id AND r.rev = NEW.revision),
		    NEW.community_id, NULL, NULL, NEW.id)
		FROM follow f WHERE f.item_id = NEW.id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER item_notify AFTER INSERT OR UPDATE OF status, revision
	ON item FOR EACH ROW EXECUTE FUNCTION item_notify();

-- A review decision: tell the authors and the owner ('beoordeling').
CREATE FUNCTION item_review_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	i	item;
BEGIN
	SELECT * INTO i FROM item WHERE id = NEW.item_id;
	PERFORM notify_send(x.account_id, 'beoordeling', i.title,
	    item_href(i), NEW.reviewer_id, NULL, NULL, NULL, i.id)
	FROM (SELECT a.account_id FROM item_author a WHERE a.item_id = i.id
	    UNION SELECT i.owner_id WHERE i.owner_id IS NOT NULL) x;
	RETURN NULL;
END $$;
CREATE TRIGGER item_review_notify AFTER INSERT ON item_review
	FOR EACH ROW EXECUTE FUNCTION item_review_notify();

/* ---------------------------------------------------------------- */
/* Communities and membership                                        */
/* ---------------------------------------------------------------- */

/*
 * Create (p_id NULL; editors) or change (moderators, editors) a
 * community. Themes: newline-separated theme slugs. A stale base
 * revision writes nothing and returns conflict. The creator becomes a
 * moderator.
 */
CREATE FUNCTION community_save(p_id bigint, p_actor bigint,
    p_base_rev integer, p_name text, p_summary text, p_purpose_md text,
    p_purpose_html text, p_themes text, p_visibility text,
    p_membership text, p_slug_base text, p_idem text)
    RETURNS TABLE (id bigint, slug text, revision integer, conflict boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	v_id	bigint := p_id;
	v_slug	text;
	v_rev	integer;
	n	integer := 1;
BEGIN
	IF v_id IS NULL THEN
		IF NOT account_is_editor(p_actor) THEN
			RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
		END IF;
		IF coalesce(p_idem, '') <> '' THEN
			SELECT c.id, c.slug, c.revision INTO v_id, v_slug, v_rev
			    FROM community c WHERE c.idem = p_idem;
			IF FOUND THEN
				RETURN QUERY SELECT v_id, v_slug, v_rev, false;
				RETURN;
			END IF;
		END IF;
		v_slug := p_slug_base;
		WHILE v_slug IN ('nieuw', 'uitnodiging') OR EXISTS
		    (SELECT 1 FROM community c WHERE c.slug = v_slug) LOOP
			n := n + 1;
			v_slug := left(p_slug_base, 110) || '-' || n;
		END LOOP;
		INSERT INTO community (slug, name, summary, purpose_md,
		    purpose_html, visibility, membership, created_by, idem)
		VALUES (v_slug, p_name, p_summary, p_purpose_md, p_purpose_html,
		    p_visibility, p_membership, p_actor, nullif(p_idem, ''))
		RETURNING community.id, community.revision INTO v_id, v_rev;
		INSERT INTO member (community_id, account_id, state, moderator,
		    decided_at)
		VALUES (v_id, p_actor, 'lid', true, now());
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'gemeenschap_aangemaakt', v_id, '');
	ELSE
		SELECT c.slug, c.revision INTO v_slug, v_rev FROM community c
		    WHERE c.id = v_id FOR UPDATE;
		IF NOT FOUND OR NOT community_may_see(v_id, p_actor) THEN
			RAISE EXCEPTION 'no such community'
			    USING ERRCODE = 'P0002';
		END IF;
		IF NOT community_may_moderate(v_id, p_actor) THEN
			RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
		END IF;
		IF v_rev <> p_base_rev THEN
			RETURN QUERY SELECT v_id, v_slug, v_rev, true;
			RETURN;
		END IF;
		v_rev := v_rev + 1;
		UPDATE community c SET name = p_name, summary = p_summary,
		    purpose_md = p_purpose_md, purpose_html = p_purpose_html,
		    visibility = p_visibility, membership = p_membership,
		    revision = v_rev, updated_at = now()
		WHERE c.id = v_id;
		DELETE FROM community_theme ct WHERE ct.community_id = v_id;
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'gemeenschap_gewijzigd', v_id,
		    'versie ' || v_rev);
	END IF;
	INSERT INTO community_theme (community_id, theme_id)
	    SELECT v_id, t.id FROM theme t WHERE t.slug IN
	    (SELECT l FROM lines(p_themes) AS l)
	    ON CONFLICT DO NOTHING;
	RETURN QUERY SELECT v_id, v_slug, v_rev, false;
END $$;

-- Tell a community's moderators (p_kind 'lidmaatschap').
CREATE FUNCTION community_notify_moderators(p_comm bigint, p_actor bigint,
    p_href text) RETURNS void
LANGUAGE sql AS $$
	SELECT notify_send(m.account_id, 'lidmaatschap', c.name, p_href,
	    p_actor, c.id, NULL, NULL, NULL)
	FROM member m JOIN community c ON c.id = m.community_id
	WHERE m.community_id = p_comm AND m.state = 'lid' AND m.moderator
$$;

/*
 * Membership actions; see the comment block of the issue 6 brief. Self
 * actions take p_target NULL (or the actor); moderator actions name
 * the target account. Returns the target's state afterwards or 'geen'.
 */
CREATE FUNCTION member_act(p_comm bigint, p_actor bigint, p_action text,
    p_target bigint, p_note text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	c	community;
	m	member;
	v_who	bigint := coalesce(p_target, p_actor);
	v_new	text;
	v_home	text;
BEGIN
	SELECT * INTO c FROM community WHERE id = p_comm FOR UPDATE;
	IF NOT FOUND OR NOT community_may_see(p_comm, p_actor) THEN
		RAISE EXCEPTION 'no such community' USING ERRCODE = 'P0002';
	END IF;
	IF NOT account_active(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	v_home := '/gemeenschappen/' || c.slug;
	p_note := left(btrim(coalesce(p_note, '')), 500);
	SELECT * INTO m FROM member WHERE community_id = p_comm
	    AND account_id = v_who FOR UPDATE;

	IF p_action IN ('aanmelden', 'accepteren', 'weigeren', 'verlaten') THEN
		IF v_who <> p_actor THEN
			RAISE EXCEPTION 'self only' USING ERRCODE = '42501';
		END IF;
		IF p_action = 'aanmelden' THEN
			IF m.state = 'lid' OR m.state = 'aanvraag' THEN
				RETURN m.state;
			ELSIF m.state = 'uitgenodigd' THEN
				p_action := 'accepteren';
			ELSIF c.membership = 'open' THEN
				INSERT INTO member (community_id, account_id,
				    state, decided_at)
				VALUES (p_comm, p_actor, 'lid', now());
				INSERT INTO audit (actor_id, action, target_id,
				    detail)
				VALUES (p_actor, 'lid_geworden', p_comm, '');
				RETURN 'lid';
			ELSIF c.membership = 'aanvraag' THEN
				INSERT INTO member (community_id, account_id,
				    state, note)
				VALUES (p_comm, p_actor, 'aanvraag', p_note);
				PERFORM community_notify_moderators(p_comm,
				    p_actor, v_home || '/leden');
				RETURN 'aanvraag';
			ELSE
				RAISE EXCEPTION 'invitation only'
				    USING ERRCODE = '42501';
			END IF;
		END IF;
		IF p_action = 'accepteren' THEN
			IF m.state IS DISTINCT FROM 'uitgenodigd' THEN
				RAISE EXCEPTION 'no invitation'
				    USING ERRCODE = '55000';
			END IF;
			UPDATE member SET state = 'lid', decided_at = now(),
			    note = '' WHERE community_id = p_comm
			    AND account_id = p_actor;
			INSERT INTO audit (actor_id, action, target_id, detail)
			VALUES (p_actor, 'lid_geworden', p_comm, 'uitnodiging');
			IF m.invited_by IS NOT NULL THEN
				PERFORM notify_send(m.invited_by,
				    'lidmaatschap', c.name, v_home || '/leden',
				    p_actor, p_comm, NULL, NULL, NULL);
			END IF;
			RETURN 'lid';
		ELSIF p_action = 'weigeren' THEN
			IF m.state IS DISTINCT FROM 'uitgenodigd' THEN
				RAISE EXCEPTION 'no invitation'
				    USING ERRCODE = '55000';
			END IF;
			DELETE FROM member WHERE community_id = p_comm
			    AND account_id = p_actor;
			RETURN 'geen';
		ELSE
			IF m.state IS NULL OR m.state = 'uitgenodigd' THEN
				RAISE EXCEPTION 'not a member'
				    USING ERRCODE = '55000';
			END IF;
			IF m.moderator AND NOT EXISTS (SELECT 1 FROM member x
			    WHERE x.community_id = p_comm AND x.moderator
			    AND x.account_id <> p_actor) THEN
				RAISE EXCEPTION 'last moderator'
				    USING ERRCODE = '55000';
			END IF;
			DELETE FROM member WHERE community_id = p_comm
			    AND account_id = p_actor;
			DELETE FROM follow WHERE account_id = p_actor
			    AND (community_id = p_comm OR topic_id IN
			    (SELECT t.id FROM topic t
			    WHERE t.community_id = p_comm))
			    AND c.visibility <> 'openbaar';
			IF m.state = 'lid' THEN
				INSERT INTO audit (actor_id, action, target_id,
				    detail)
				VALUES (p_actor, 'lid_vertrokken', p_comm, '');
			END IF;
			RETURN 'geen';
		END IF;
	END IF;

	-- Moderator actions on someone else.
	IF NOT community_may_moderate(p_comm, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF v_who = p_actor THEN
		RAISE EXCEPTION 'not on yourself' USING ERRCODE = '55000';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM account a WHERE a.id = v_who
	    AND a.deleted_at IS NULL) THEN
		RAISE EXCEPTION 'no such account' USING ERRCODE = 'P0002';
	END IF;
	IF p_action = 'uitnodigen' THEN
		IF m.state = 'lid' THEN
			RETURN 'lid';
		ELSIF m.state = 'aanvraag' THEN
			p_action := 'goedkeuren';
		ELSIF m.state = 'uitgenodigd' THEN
			RETURN 'uitgenodigd';
		ELSE
			INSERT INTO member (community_id, account_id, state,
			    note, invited_by)
			VALUES (p_comm, v_who, 'uitgenodigd', p_note, p_actor);
			INSERT INTO audit (actor_id, action, target_id, detail)
			VALUES (p_actor, 'lid_uitgenodigd', p_comm,
			    'account ' || v_who);
			PERFORM notify_send(v_who, 'lidmaatschap', c.name,
			    v_home, p_actor, p_comm, NULL, NULL, NULL);
			RETURN 'uitgenodigd';
		END IF;
	END IF;
	IF p_action = 'goedkeuren' THEN
		IF m.state IS DISTINCT FROM 'aanvraag' THEN
			RAISE EXCEPTION 'no request' USING ERRCODE = '55000';
		END IF;
		UPDATE member SET state = 'lid', decided_at = now()
		    WHERE community_id = p_comm AND account_id = v_who;
		v_new := 'lid';
	ELSIF p_action IN ('afwijzen', 'intrekken') THEN
		IF m.state IS DISTINCT FROM (CASE p_action WHEN 'afwijzen'
		    THEN 'aanvraag' ELSE 'uitgenodigd' END) THEN
			RAISE EXCEPTION 'nothing pending'
			    USING ERRCODE = '55000';
		END IF;
		DELETE FROM member WHERE community_id = p_comm
		    AND account_id = v_who;
		v_new := 'geen';
	ELSIF p_action = 'verwijderen' THEN
		IF m.state IS DISTINCT FROM 'lid' THEN
			RAISE EXCEPTION 'not a member' USING ERRCODE = '55000';
		END IF;
		DELETE FROM member WHERE community_id = p_comm
		    AND account_id = v_who;
		DELETE FROM follow WHERE account_id = v_who
		    AND (community_id = p_comm OR topic_id IN
		    (SELECT t.id FROM topic t WHERE t.community_id = p_comm))
		    AND c.visibility <> 'openbaar';
		v_new := 'geen';
	ELSIF p_action IN ('moderator', 'geen_moderator') THEN
		IF m.state IS DISTINCT FROM 'lid' THEN
			RAISE EXCEPTION 'not a member' USING ERRCODE = '55000';
		END IF;
		UPDATE member SET moderator = (p_action = 'moderator')
		    WHERE community_id = p_comm AND account_id = v_who;
		v_new := 'lid';
	ELSE
		RAISE EXCEPTION 'unknown action' USING ERRCODE = '22023';
	END IF;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, CASE p_action
	    WHEN 'goedkeuren' THEN 'lid_toegelaten'
	    WHEN 'afwijzen' THEN 'lid_afgewezen'
	    WHEN 'intrekken' THEN 'uitnodiging_ingetrokken'
	    WHEN 'verwijderen' THEN 'lid_verwijderd'
	    WHEN 'moderator' THEN 'moderator_benoemd'
	    ELSE 'moderator_ontslagen' END, p_comm, 'account ' || v_who);
	-- The person is told of every decision about them, except a
	-- withdrawn invitation they never answered. Out of a closed
	-- community they can no longer see it: the notice names it (they
	-- knew it) but is not tied to it, or it would be hidden from them.
	IF p_action <> 'intrekken' AND v_new = 'geen'
	    AND c.visibility = 'besloten' THEN
		PERFORM notify_send(v_who, 'lidmaatschap', c.name,
		    '/gemeenschappen', p_actor, NULL, NULL, NULL, NULL);
	ELSIF p_action <> 'intrekken' THEN
		PERFORM notify_send(v_who, 'lidmaatschap', c.name, v_home,
		    p_actor, p_comm, NULL, NULL, NULL);
	END IF;
	RETURN v_new;
END $$;

/*
 * Invite by e-mail address. An account with that address is invited
 * like member_act('uitnodigen'); otherwise a token invitation is stored
 * and the mail (subject/body from the caller, holding the link with the
 * token) goes to the outbox. The caller tells the moderator the same in
 * both cases.
 */
CREATE FUNCTION community_invite_email(p_comm bigint, p_actor bigint,
    p_email text, p_token_hash bytea, p_subject text, p_body text)
    RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v_acct	bigint;
BEGIN
	IF NOT community_may_moderate(p_comm, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	p_email := lower(btrim(p_email));
	SELECT a.id INTO v_acct FROM account a WHERE a.email = p_email
	    AND a.deleted_at IS NULL;
	IF v_acct IS NOT NULL THEN
		IF v_acct = p_actor THEN
			RETURN 'lid';
		END IF;
		PERFORM member_act(p_comm, p_actor, 'uitnodigen', v_acct, '');
		RETURN 'uitgenodigd';
	END IF;
	INSERT INTO community_invite (community_id, email, token_hash,
	    invited_by)
	VALUES (p_comm, p_email, p_token_hash, p_actor);
	INSERT INTO outbox (to_addr, subject, body)
	VALUES (p_email, p_subject, p_body);
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'lid_uitgenodigd', p_comm, 'per e-mail');
	RETURN 'gemaild';
END $$;

-- Use an e-mail invitation: the signed-in actor becomes a member.
CREATE FUNCTION community_invite_accept(p_token_hash bytea, p_actor bigint)
    RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v	community_invite;
	v_slug	text;
BEGIN
	SELECT * INTO v FROM community_invite WHERE token_hash = p_token_hash
	    AND used_at IS NULL AND expires_at > now() FOR UPDATE;
	IF NOT FOUND OR NOT account_active(p_actor) THEN
		RAISE EXCEPTION 'no such invitation' USING ERRCODE = 'P0002';
	END IF;
	-- The address has done its job: keep no copy of it.
	UPDATE community_invite SET used_at = now(), email = 'x@x'
	    WHERE id = v.id;
	INSERT INTO member (community_id, account_id, state, invited_by,
	    decided_at)
	VALUES (v.community_id, p_actor, 'lid', v.invited_by, now())
	ON CONFLICT (community_id, account_id) DO UPDATE
	    SET state = 'lid', decided_at = now();
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'lid_geworden', v.community_id, 'uitnodiging');
	SELECT c.slug INTO v_slug FROM community c WHERE c.id = v.community_id;
	PERFORM notify_send(v.invited_by, 'lidmaatschap', c.name,
	    '/gemeenschappen/' || c.slug || '/leden', p_actor, c.id, NULL,
	    NULL, NULL) FROM community c WHERE c.id = v.community_id;
	RETURN v_slug;
END $$;

/* ---------------------------------------------------------------- */
/* Discussions                                                       */
/* ---------------------------------------------------------------- */

/*
 * Mentions: '@' followed by a member's display name (case-insensitive)
 * and then no letter or digit. Only members of the topic's community
 * can be mentioned, so a mention never reaches an outsider.
 */
CREATE FUNCTION post_mentions(p_comm bigint, p_body text)
    RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
	SELECT a.id FROM member m JOIN account a ON a.id = m.account_id
	WHERE m.community_id = p_comm AND m.state = 'lid'
	    AND a.display_name IS NOT NULL
	    AND position('@' || lower(a.display_name) IN lower(p_body)) > 0
	    AND lower(p_body) ~ ('@' || regexp_replace(lower(a.display_name),
	        '([^[:alnum:][:space:]])', '\\\1', 'g') || '($|[^[:alnum:]])')
$$;

-- Notify for a new post: mentioned members ('vermelding') first, then
-- followers of the topic ('reactie'), each person once.
CREATE FUNCTION post_notify(p_post bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	p	post;
	t	topic;
	v_href	text;
	v_done	bigint[];
BEGIN
	SELECT * INTO p FROM post WHERE id = p_post;
	SELECT * INTO t FROM topic WHERE id = p.topic_id;
	v_href := post_href(p.id);
	v_done := ARRAY(SELECT m FROM post_mentions(t.community_id,
	    p.body_md) AS m WHERE notify_send(m, 'vermelding', t.title,
	    v_href, p.author_id, t.community_id, t.id, p.id, NULL));
	PERFORM notify_send(f.account_id, CASE WHEN p.n = 1 THEN 'gesprek'
	    ELSE 'reactie' END, t.title, v_href, p.author_id,
	    t.community_id, t.id, p.id, NULL)
	FROM (SELECT account_id FROM follow WHERE topic_id = t.id
	    UNION SELECT account_id FROM follow WHERE p.n = 1
	    AND community_id = t.community_id) f
	WHERE NOT f.account_id = ANY (v_done);
END $$;

CREATE FUNCTION topic_create(p_comm bigint, p_actor bigint, p_title text,
    p_body_md text, p_body_html text, p_idem text)
    RETURNS TABLE (topic_id bigint, post_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
	v_topic	bigint;
	v_post	bigint;
BEGIN
	IF NOT community_may_see(p_comm, p_actor) THEN
		RAISE EXCEPTION 'no such community' USING ERRCODE = 'P0002';
	END IF;
	IF NOT community_may_post(p_comm, p_actor) THEN
		RAISE EXCEPTION 'not a member' USING ERRCODE = '42501';
	END IF;
	IF coalesce(p_idem, '') <> '' THEN
		SELECT t.id, p.id INTO v_topic, v_post FROM topic t
		    JOIN post p ON p.topic_id = t.id AND p.n = 1
		    WHERE t.idem = p_idem AND t.author_id = p_actor;
		IF FOUND THEN
			RETURN QUERY SELECT v_topic, v_post;
			RETURN;
		END IF;
	END IF;
	INSERT INTO topic (community_id, title, author_id, posts, idem)
	VALUES (p_comm, btrim(p_title), p_actor, 1, nullif(p_idem, ''))
	RETURNING id INTO v_topic;
	INSERT INTO post (topic_id, n, author_id, body_md, body_html)
	VALUES (v_topic, 1, p_actor, p_body_md, p_body_html)
	RETURNING id INTO v_post;
	INSERT INTO post_revision (post_id, rev, body_md, body_html, editor_id)
	VALUES (v_post, 1, p_body_md, p_body_html, p_actor);
	INSERT INTO follow (account_id, topic_id) VALUES (p_actor, v_topic)
	    ON CONFLICT DO NOTHING;
	PERFORM post_notify(v_post);
	RETURN QUERY SELECT v_topic, v_post;
END $$;

CREATE FUNCTION post_create(p_topic bigint, p_actor bigint, p_body_md text,
    p_body_html text, p_quote bigint, p_idem text)
    RETURNS TABLE (post_id bigint, n integer)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	t	topic;
	v_id	bigint;
	v_n	integer;
BEGIN
	SELECT * INTO t FROM topic x WHERE x.id = p_topic FOR UPDATE;
	IF NOT FOUND OR NOT community_may_read(t.community_id, p_actor)
	    OR (t.hidden_at IS NOT NULL
	    AND NOT community_may_moderate(t.community_id, p_actor)) THEN
		RAISE EXCEPTION 'no such topic' USING ERRCODE = 'P0002';
	END IF;
	IF NOT community_may_post(t.community_id, p_actor) THEN
		RAISE EXCEPTION 'not a member' USING ERRCODE = '42501';
	END IF;
	IF coalesce(p_idem, '') <> '' THEN
		SELECT p.id, p.n INTO v_id, v_n FROM post p
		    WHERE p.idem = p_idem AND p.author_id = p_actor;
		IF FOUND THEN
			RETURN QUERY SELECT v_id, v_n;
			RETURN;
		END IF;
	END IF;
	IF t.closed AND NOT community_may_moderate(t.community_id, p_actor)
	THEN
		RAISE EXCEPTION 'topic closed' USING ERRCODE = '55000';
	END IF;
	IF p_quote IS NOT NULL AND NOT EXISTS (SELECT 1 FROM post q
	    WHERE q.id = p_quote AND q.topic_id = p_topic) THEN
		p_quote := NULL;
	END IF;
	SELECT coalesce(max(p.n), 0) + 1 INTO v_n FROM post p
	    WHERE p.topic_id = p_topic;
	INSERT INTO post (topic_id, n, author_id, body_md, body_html,
	    quote_of, idem)
	VALUES (p_topic, v_n, p_actor, p_body_md, p_body_html, p_quote,
	    nullif(p_idem, ''))
	RETURNING id INTO v_id;
	INSERT INTO post_revision (post_id, rev, body_md, body_html, editor_id)
	VALUES (v_id, 1, p_body_md, p_body_html, p_actor);
	UPDATE topic SET posts = posts + 1, last_post_at = now()
	    WHERE id = p_topic;
	PERFORM post_notify(v_id);
	INSERT INTO follow (account_id, topic_id) VALUES (p_actor, p_topic)
	    ON CONFLICT DO NOTHING;
	RETURN QUERY SELECT v_id, v_n;
END $$;

CREATE FUNCTION post_edit(p_post bigint, p_actor bigint, p_base_rev integer,
    p_body_md text, p_body_html text)
    RETURNS TABLE (revision integer, conflict boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	p	post;
	v_comm	bigint;
BEGIN
	SELECT * INTO p FROM post x WHERE x.id = p_post FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such post' USING ERRCODE = 'P0002';
	END IF;
	SELECT t.community_id INTO v_comm FROM topic t WHERE t.id = p.topic_id;
	IF NOT community_may_read(v_comm, p_actor) THEN
		RAISE EXCEPTION 'no such post' USING ERRCODE = 'P0002';
	END IF;
	IF NOT ((p.author_id = p_actor AND community_may_post(v_comm, p_actor))
	    OR community_may_moderate(v_comm, p_actor)) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF p.revision <> p_base_rev THEN
		RETURN QUERY SELECT p.revision, true;
		RETURN;
	END IF;
	UPDATE post x SET body_md = p_body_md, body_html = p_body_html,
	    revision = p.revision + 1, updated_at = now()
	WHERE x.id = p_post;
	INSERT INTO post_revision (post_id, rev, body_md, body_html,
	    editor_id)
	VALUES (p.id, p.revision + 1, p_body_md, p_body_html, p_actor);
	IF p.author_id IS DISTINCT FROM p_actor THEN
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'bericht_bewerkt', p.id, 'versie ' ||
		    (p.revision + 1));
	END IF;
	RETURN QUERY SELECT p.revision + 1, false;
END $$;

CREATE FUNCTION topic_act(p_topic bigint, p_actor bigint, p_action text)
    RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	t	topic;
BEGIN
	SELECT * INTO t FROM topic WHERE id = p_topic FOR UPDATE;
	IF NOT FOUND OR NOT community_may_read(t.community_id, p_actor) THEN
		RAISE EXCEPTION 'no such topic' USING ERRCODE = 'P0002';
	END IF;
	IF NOT community_may_moderate(t.community_id, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF p_action = 'vastzetten' THEN
		UPDATE topic SET pinned = true WHERE id = p_topic;
	ELSIF p_action = 'losmaken' THEN
		UPDATE topic SET pinned = false WHERE id = p_topic;
	ELSIF p_action = 'sluiten' THEN
		UPDATE topic SET closed = true WHERE id = p_topic;
	ELSIF p_action = 'heropenen' THEN
		UPDATE topic SET closed = false WHERE id = p_topic;
	ELSE
		RAISE EXCEPTION 'unknown action' USING ERRCODE = '22023';
	END IF;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'gesprek_' || p_action, p_topic, '');
END $$;

CREATE FUNCTION post_helpful_set(p_post bigint, p_actor bigint,
    p_on boolean) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	p	post;
	v_comm	bigint;
	v_n	integer;
BEGIN
	SELECT * INTO p FROM post WHERE id = p_post FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such post' USING ERRCODE = 'P0002';
	END IF;
	SELECT t.community_id INTO v_comm FROM topic t WHERE t.id = p.topic_id;
	IF NOT community_may_read(v_comm, p_actor) OR p.hidden_at IS NOT NULL
	THEN
		RAISE EXCEPTION 'no such post' USING ERRCODE = 'P0002';
	END IF;
	IF NOT account_active(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF p.author_id = p_actor THEN
		RAISE EXCEPTION 'own post' USING ERRCODE = '55000';
	END IF;
	IF p_on THEN
		INSERT INTO post_helpful (post_id, account_id)
		VALUES (p_post, p_actor) ON CONFLICT DO NOTHING;
	ELSE
		DELETE FROM post_helpful WHERE post_id = p_post
		    AND account_id = p_actor;
	END IF;
	SELECT count(*) INTO v_n FROM post_helpful WHERE post_id = p_post;
	UPDATE post SET helpful = v_n WHERE id = p_post;
	RETURN v_n;
END $$;

/* ---------------------------------------------------------------- */
/* Following                                                         */
/* ---------------------------------------------------------------- */

CREATE FUNCTION follow_set(p_actor bigint, p_what text, p_id bigint,
    p_on boolean) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	ok	boolean;
BEGIN
	IF NOT account_active(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	ok := CASE p_what
	    WHEN 'gemeenschap' THEN community_may_read(p_id, p_actor)
		AND EXISTS (SELECT 1 FROM community WHERE id = p_id)
	    WHEN 'gesprek' THEN EXISTS (SELECT 1 FROM topic t WHERE t.id = p_id
		AND t.hidden_at IS NULL
		AND community_may_read(t.community_id, p_actor))
	    WHEN 'thema' THEN EXISTS (SELECT 1 FROM theme WHERE id = p_id)
	    WHEN 'item' THEN item_may_read(p_id, p_actor)
	    ELSE NULL END;
	IF ok IS NULL THEN
		RAISE EXCEPTION 'unknown target' USING ERRCODE = '22023';
	END IF;
	IF NOT ok AND p_on THEN
		RAISE EXCEPTION 'no such target' USING ERRCODE = 'P0002';
	END IF;
	DELETE FROM follow WHERE account_id = p_actor AND CASE p_what
	    WHEN 'gemeenschap' THEN community_id = p_id
	    WHEN 'gesprek' THEN topic_id = p_id
	    WHEN 'thema' THEN theme_id = p_id
	    ELSE item_id = p_id END;
	IF p_on THEN
		INSERT INTO follow (account_id, community_id, topic_id,
		    theme_id, item_id)
		VALUES (p_actor,
		    CASE WHEN p_what = 'gemeenschap' THEN p_id END,
		    CASE WHEN p_what = 'gesprek' THEN p_id END,
		    CASE WHEN p_what = 'thema' THEN p_id END,
		    CASE WHEN p_what = 'item' THEN p_id END);
	END IF;
	RETURN p_on;
END $$;

/* ---------------------------------------------------------------- */
/* Flags and moderation                                              */
/* ---------------------------------------------------------------- */

-- The community a post or item belongs to (NULL: none).
CREATE FUNCTION target_community(p_post bigint, p_item bigint)
    RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN p_post IS NOT NULL THEN
	    (SELECT t.community_id FROM post p JOIN topic t ON t.id = p.topic_id
	    WHERE p.id = p_post)
	ELSE (SELECT i.community_id FROM item i WHERE i.id = p_item) END
$$;

CREATE FUNCTION flag_create(p_actor bigint, p_post bigint, p_item bigint,
    p_reason text, p_note text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	v_id	bigint;
	v_comm	bigint := target_community(p_post, p_item);
BEGIN
	IF NOT account_active(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF num_nonnulls(p_post, p_item) <> 1 THEN
		RAISE EXCEPTION 'one target' USING ERRCODE = '22023';
	END IF;
	IF p_post IS NOT NULL AND NOT EXISTS (SELECT 1 FROM post p
	    WHERE p.id = p_post AND community_may_read(v_comm, p_actor)) THEN
		RAISE EXCEPTION 'no such post' USING ERRCODE = 'P0002';
	END IF;
	IF p_item IS NOT NULL AND NOT item_may_read(p_item, p_actor) THEN
		RAISE EXCEPTION 'no such item' USING ERRCODE = 'P0002';
	END IF;
	INSERT INTO flag (reporter_id, post_id, item_id, reason, note)
	VALUES (p_actor, p_post, p_item, p_reason,
	    left(btrim(coalesce(p_note, '')), 500))
	RETURNING id INTO v_id;
	RETURN v_id;
END $$;

/*
 * Hide ('verbergen', note required), restore ('herstellen') or dismiss
 * the flags of ('afwijzen') a post or an item. Resolves its open flags,
 * writes the audit row and tells the author(s) ('moderatie').
 */
CREATE FUNCTION moderate(p_actor bigint, p_post bigint, p_item bigint,
    p_action text, p_note text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	v_comm	bigint := target_community(p_post, p_item);
	v_title	text;
	v_href	text;
	v_topic	bigint;
	v_dec	text;
BEGIN
	IF num_nonnulls(p_post, p_item) <> 1 THEN
		RAISE EXCEPTION 'one target' USING ERRCODE = '22023';
	END IF;
	IF p_post IS NOT NULL THEN
		SELECT t.title, t.id INTO v_title, v_topic FROM post p
		    JOIN topic t ON t.id = p.topic_id WHERE p.id = p_post;
		v_href := post_href(p_post);
	ELSE
		SELECT i.title, item_href(i) INTO v_title, v_href FROM item i
		    WHERE i.id = p_item;
	END IF;
	IF v_title IS NULL THEN
		RAISE EXCEPTION 'no such target' USING ERRCODE = 'P0002';
	END IF;
	IF NOT (account_is_editor(p_actor) OR (v_comm IS NOT NULL
	    AND community_may_moderate(v_comm, p_actor))) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	p_note := left(btrim(coalesce(p_note, '')), 500);
	IF p_action = 'verbergen' THEN
		IF p_note = '' THEN
			RAISE EXCEPTION 'note required' USING ERRCODE = '22023';
		END IF;
		v_dec := 'verborgen';
		UPDATE post SET hidden_at = coalesce(hidden_at, now()),
		    hidden_note = p_note WHERE id = p_post;
		UPDATE item SET hidden_at = coalesce(hidden_at, now()),
		    hidden_note = p_note WHERE id = p_item;
	ELSIF p_action = 'herstellen' THEN
		v_dec := 'hersteld';
		UPDATE post SET hidden_at = NULL, hidden_note = ''
		    WHERE id = p_post;
		UPDATE item SET hidden_at = NULL, hidden_note = ''
		    WHERE id = p_item;
	ELSIF p_action = 'afwijzen' THEN
		v_dec := 'afgewezen';
	ELSE
		RAISE EXCEPTION 'unknown action' USING ERRCODE = '22023';
	END IF;
	-- A topic's visible post count follows its hidden posts.
	IF v_topic IS NOT NULL THEN
		UPDATE topic t SET posts = (SELECT count(*) FROM post p
		    WHERE p.topic_id = t.id AND p.hidden_at IS NULL),
		    hidden_at = CASE WHEN (SELECT p.hidden_at FROM post p
		    WHERE p.topic_id = t.id AND p.n = 1) IS NOT NULL
		    THEN coalesce(t.hidden_at, now()) END
		WHERE t.id = v_topic;
	END IF;
	UPDATE flag SET resolved_at = now(), resolved_by = p_actor,
	    decision = v_dec, decision_note = p_note
	WHERE resolved_at IS NULL AND (post_id = p_post OR item_id = p_item);
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, CASE WHEN p_post IS NOT NULL THEN 'bericht_'
	    ELSE 'item_' END || v_dec, coalesce(p_post, p_item), '');
	IF p_action <> 'afwijzen' THEN
		PERFORM notify_send(x.account_id, 'moderatie', v_title, v_href,
		    p_actor, v_comm, v_topic, p_post, p_item)
		FROM (SELECT p.author_id AS account_id FROM post p
		    WHERE p.id = p_post
		    UNION SELECT a.account_id FROM item_author a
		    WHERE a.item_id = p_item) x;
	END IF;
END $$;

/* ---------------------------------------------------------------- */
/* Account deletion                                                   */
/* ---------------------------------------------------------------- */

-- A deleted account leaves its communities and follows nothing; its
-- posts stay under "voormalig lid" (the account row keeps no name).
CREATE FUNCTION account_community_erase() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM member WHERE account_id = NEW.id;
	DELETE FROM follow WHERE account_id = NEW.id;
	DELETE FROM notify_pref WHERE account_id = NEW.id;
	DELETE FROM post_helpful WHERE account_id = NEW.id;
	IF OLD.email IS NOT NULL THEN
		DELETE FROM community_invite WHERE email = OLD.email;
		DELETE FROM outbox WHERE to_addr = OLD.email;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER account_community_erase AFTER UPDATE OF deleted_at
	ON account FOR EACH ROW
	WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL)
	EXECUTE FUNCTION account_community_erase();

/* ---------------------------------------------------------------- */
/* Audit targets                                                      */
/* ---------------------------------------------------------------- */

-- What audit.target_id points at, by action: the audit page links it
-- and the data export takes only rows about the account itself.
CREATE FUNCTION audit_target(p_action text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
	    WHEN p_action IN ('aanmaken', 'indienen', 'goedkeuren',
		'publiceren', 'terugsturen', 'archiveren', 'terugzetten',
		'gecontroleerd', 'versie_herstellen', 'eigenaar_gewijzigd')
		OR p_action LIKE 'item\_%' THEN 'item'
	    WHEN p_action LIKE 'thema\_%' THEN 'theme'
	    WHEN p_action LIKE 'gemeenschap\_%' OR p_action LIKE 'lid\_%'
		OR p_action LIKE 'moderator\_%'
		OR p_action = 'uitnodiging_ingetrokken' THEN 'community'
	    WHEN p_action LIKE 'gesprek\_%' THEN 'topic'
	    WHEN p_action LIKE 'bericht\_%' THEN 'post'
	    ELSE 'account' END
$$;
