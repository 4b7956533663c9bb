-- The content engine (issue 5): revisions, workflow, owners, tags, typed
-- links, review decisions and theme aliases. Every kind of item (article
-- now; pilot, session record, story, resource later) is stored, revised,
-- linked and moved through its workflow by the same tables and the two
-- functions item_save() and item_transition(), so a kind adds only its
-- own fields.

ALTER TABLE item
	ADD COLUMN owner_id	bigint REFERENCES account,
	ADD COLUMN community_id	bigint REFERENCES community ON DELETE SET NULL,
	-- Rendered with body_html when saved (md_doc_render in core/md.c).
	ADD COLUMN toc_html	text NOT NULL DEFAULT '',
	ADD COLUMN words	integer NOT NULL DEFAULT 0 CHECK (words >= 0),
	-- "Laatst gecontroleerd"; due for review 12 months later.
	ADD COLUMN checked_at	timestamptz,
	ADD COLUMN approved_by	bigint REFERENCES account,
	ADD COLUMN approved_at	timestamptz,
	ADD COLUMN approve_note	text NOT NULL DEFAULT ''
	    CHECK (length(approve_note) <= 2000),
	-- The editor's feedback when an item was sent back; cleared on
	-- approval. Older decisions stay in item_review.
	ADD COLUMN feedback	text NOT NULL DEFAULT ''
	    CHECK (length(feedback) <= 2000),
	ADD COLUMN created_by	bigint REFERENCES account,
	-- The create form's nonce: a retried POST never makes a second item.
	ADD COLUMN idem		text UNIQUE CHECK (length(idem) <= 64);
CREATE INDEX item_owner ON item (owner_id);
CREATE INDEX item_community ON item (community_id);

-- Every save is a revision: the text fields as they were saved.
CREATE TABLE item_revision (
	item_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	rev		integer NOT NULL CHECK (rev >= 1),
	title		text NOT NULL,
	summary		text NOT NULL,
	body_md		text NOT NULL,
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
	author_id	bigint REFERENCES account,
	restored_from	integer,
	created_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (item_id, rev)
);

-- Free tags: lowercase, 1-40 characters, no commas or line breaks.
CREATE TABLE item_tag (
	item_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	tag		text NOT NULL CHECK (length(tag) BETWEEN 1 AND 40
			    AND tag = lower(tag) AND tag !~ '[,\r\n\t]'),
	PRIMARY KEY (item_id, tag)
);
CREATE INDEX item_tag_tag ON item_tag (tag);

-- Typed links between items of any kind. 'verwijst': the from item's
-- Markdown links to the to item (rewritten on every save); 'gerelateerd':
-- chosen by hand in the editor.
CREATE TABLE item_link (
	from_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	to_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	type		text NOT NULL CHECK (type IN ('verwijst', 'gerelateerd')),
	PRIMARY KEY (from_id, to_id, type),
	CHECK (from_id <> to_id)
);
CREATE INDEX item_link_to ON item_link (to_id);

-- Every Bron item a body links to, by kind and slug, whether it exists
-- yet or not: an item created later picks up its backlinks from here.
CREATE TABLE item_ref (
	from_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	kind		text NOT NULL,
	slug		text NOT NULL,
	PRIMARY KEY (from_id, kind, slug)
);
CREATE INDEX item_ref_target ON item_ref (kind, slug);

-- Editors' decisions: approved (with an optional note) or sent back
-- (with feedback for the author).
CREATE TABLE item_review (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	item_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	rev		integer NOT NULL,
	reviewer_id	bigint REFERENCES account,
	decision	text NOT NULL CHECK (decision IN
			    ('goedgekeurd', 'teruggestuurd')),
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	at		timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX item_review_item ON item_review (item_id, at DESC);

-- Old slugs of merged themes, so their links and feeds keep working
-- (answered with a redirect to the theme they were merged into).
CREATE TABLE theme_alias (
	slug		slug PRIMARY KEY,
	theme_id	bigint NOT NULL REFERENCES theme ON DELETE CASCADE
);

-- One counter that moves whenever anything a public page shows changes.
-- Workers keep rendered pages for visitors and check this one row
-- instead of running the page's query (see app/web/pcache.c).
CREATE TABLE content_gen (
	one		boolean PRIMARY KEY DEFAULT true CHECK (one),
	n		bigint NOT NULL
);
INSERT INTO content_gen VALUES (true, 1);

CREATE FUNCTION content_gen_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE content_gen SET n = n + 1;
	RETURN NULL;
END $$;
CREATE TRIGGER item_gen AFTER INSERT OR UPDATE OR DELETE ON item
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER item_theme_gen AFTER INSERT OR UPDATE OR DELETE ON item_theme
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER item_tag_gen AFTER INSERT OR UPDATE OR DELETE ON item_tag
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER item_link_gen AFTER INSERT OR UPDATE OR DELETE ON item_link
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER item_author_gen AFTER INSERT OR UPDATE OR DELETE
	ON item_author FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER theme_gen AFTER INSERT OR UPDATE OR DELETE ON theme
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER theme_alias_gen AFTER INSERT OR UPDATE OR DELETE
	ON theme_alias FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER community_gen AFTER INSERT OR UPDATE OR DELETE ON community
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER account_gen AFTER UPDATE OF display_name, deleted_at
	ON account FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();

-- Is this account an editor (redacteur or beheerder)?
CREATE FUNCTION account_is_editor(acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM account WHERE id = acct
	    AND role IN ('redacteur', 'beheerder') AND deleted_at IS NULL
	    AND blocked_at IS NULL)
$$;

-- May this account change this item: an author, its owner or an editor.
CREATE FUNCTION item_may_edit(p_item bigint, p_acct bigint)
    RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT account_is_editor(p_acct)
	    OR EXISTS (SELECT 1 FROM item_author a
	        WHERE a.item_id = p_item AND a.account_id = p_acct)
	    OR EXISTS (SELECT 1 FROM item i
	        WHERE i.id = p_item AND i.owner_id = p_acct)
$$;

-- Split a newline-separated parameter into trimmed, non-empty lines.
CREATE FUNCTION lines(t text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $$
	SELECT DISTINCT btrim(l) FROM regexp_split_to_table(coalesce(t, ''),
	    E'\n') AS l WHERE btrim(l) <> ''
$$;

-- Resolve "kind/slug" lines to item ids (unknown lines are skipped).
CREATE FUNCTION item_refs(t text) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
	SELECT i.id FROM lines(t) AS l
	JOIN item i ON i.kind = split_part(l, '/', 1)
	    AND i.slug = split_part(l, '/', 2)
$$;

/*
 * Create or update an item and write its revision, in one statement.
 *
 * id NULL creates (base_rev ignored); otherwise base_rev must equal the
 * item's revision, else nothing is written and conflict is true (the
 * caller shows both versions). Newline-separated lists: themes (theme
 * slugs), tags, links and related ("kind/slug"). community: a slug or
 * ''. owner: an account id, changed only by editors; NULL keeps it (a
 * new item is owned by its creator). idem: the create form's nonce; a
 * repeated create returns the item it made the first time. restored:
 * the revision this save restores, or NULL.
 *
 * Raises 42501 when the actor may not edit, P0002 when the item does
 * not exist.
 */
CREATE FUNCTION item_save(p_kind text, p_id bigint, p_base_rev integer,
    p_actor bigint, p_title text, p_summary text, p_body_md text,
    p_body_html text, p_toc_html text, p_words integer, p_note text,
    p_slug text, p_themes text, p_tags text, p_community text,
    p_owner bigint, p_links text, p_related text, p_idem text,
    p_restored integer)
    RETURNS TABLE (id bigint, slug text, revision integer, conflict boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	v_id	bigint := p_id;
	v_rev	integer;
	v_slug	text;
	v_stat	text;
	v_comm	bigint;
	n	integer := 1;
BEGIN
	IF p_community IS NOT NULL AND p_community <> '' THEN
		SELECT c.id INTO v_comm FROM community c
		    WHERE c.slug = p_community;
	END IF;
	IF v_id IS NULL THEN
		IF p_idem IS NOT NULL AND p_idem <> '' THEN
			SELECT i.id, i.slug, i.revision INTO v_id, v_slug, v_rev
			    FROM item i WHERE i.idem = p_idem
			    AND i.created_by = p_actor;
			IF FOUND THEN
				RETURN QUERY SELECT v_id, v_slug, v_rev, false;
				RETURN;
			END IF;
		END IF;
		-- Reserved words of the item paths never become slugs.
		v_slug := p_slug;
		WHILE v_slug IN ('nieuw', 'mijn', 'feed') OR EXISTS
		    (SELECT 1 FROM item i WHERE i.kind = p_kind
		    AND i.slug = v_slug) LOOP
			n := n + 1;
			v_slug := left(p_slug, 110) || '-' || n;
		END LOOP;
		INSERT INTO item (kind, slug, title, summary, body_md,
		    body_html, toc_html, words, owner_id, community_id,
		    created_by, idem)
		VALUES (p_kind, v_slug, p_title, p_summary, p_body_md,
		    p_body_html, p_toc_html, p_words,
		    coalesce(p_owner, p_actor), v_comm, p_actor,
		    nullif(p_idem, ''))
		RETURNING item.id INTO v_id;
		v_rev := 1;
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'aanmaken', v_id, p_kind);
	ELSE
		SELECT i.revision, i.slug, i.status INTO v_rev, v_slug, v_stat
		    FROM item i WHERE i.id = v_id AND i.kind = p_kind
		    FOR UPDATE;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'no such item' USING ERRCODE = 'P0002';
		END IF;
		-- No actor: only the importer, which says so for its own
		-- transaction (SET LOCAL bron.importer = 'on'); the web app
		-- never sets it.
		IF (p_actor IS NULL AND coalesce(current_setting('bron.importer',
		    true), '') <> 'on') OR (p_actor IS NOT NULL AND
		    (NOT item_may_edit(v_id, p_actor) OR (v_stat = 'gearchiveerd'
		    AND NOT account_is_editor(p_actor)))) THEN
			RAISE EXCEPTION 'may not edit' USING ERRCODE = '42501';
		END IF;
		IF v_rev <> p_base_rev THEN
			RETURN QUERY SELECT v_id, v_slug, v_rev, true;
			RETURN;
		END IF;
		v_rev := v_rev + 1;
		IF p_owner IS NOT NULL AND account_is_editor(p_actor) AND
		    p_owner IS DISTINCT FROM (SELECT i.owner_id FROM item i
		    WHERE i.id = v_id) THEN
			INSERT INTO audit (actor_id, action, target_id, detail)
			VALUES (p_actor, 'eigenaar_gewijzigd', v_id,
			    'eigenaar ' || p_owner);
		END IF;
		UPDATE item i SET title = p_title, summary = p_summary,
		    body_md = p_body_md, body_html = p_body_html,
		    toc_html = p_toc_html, words = p_words, revision = v_rev,
		    community_id = v_comm, updated_at = now(),
		    owner_id = CASE WHEN p_owner IS NOT NULL
		        AND account_is_editor(p_actor) THEN p_owner
		        ELSE i.owner_id END
		WHERE i.id = v_id;
		IF p_restored IS NOT NULL THEN
			INSERT INTO audit (actor_id, action, target_id, detail)
			VALUES (p_actor, 'versie_herstellen', v_id,
			    'versie ' || p_restored || ' als ' || v_rev);
		END IF;
	END IF;
	INSERT INTO item_revision (item_id, rev, title, summary, body_md,
	    note, author_id, restored_from)
	VALUES (v_id, v_rev, p_title, p_summary, p_body_md,
	    left(coalesce(p_note, ''), 300), p_actor, p_restored);
	-- Everyone who saves a revision is listed as an author. The
	-- importer saves with no actor (content/ is the editors' own).
	IF p_actor IS NOT NULL THEN
		INSERT INTO item_author (item_id, account_id)
		VALUES (v_id, p_actor) ON CONFLICT DO NOTHING;
	END IF;

	DELETE FROM item_theme it WHERE it.item_id = v_id;
	INSERT INTO item_theme (item_id, theme_id)
	    SELECT v_id, t.id FROM theme t WHERE t.slug IN
	    (SELECT lines(p_themes));
	DELETE FROM item_tag tg WHERE tg.item_id = v_id;
	INSERT INTO item_tag (item_id, tag)
	    SELECT v_id, l FROM lines(lower(p_tags)) AS l
	    WHERE length(l) <= 40 AND l !~ '[,\r\t]';
	DELETE FROM item_ref rf WHERE rf.from_id = v_id;
	INSERT INTO item_ref (from_id, kind, slug)
	    SELECT v_id, split_part(l, '/', 1), split_part(l, '/', 2)
	    FROM lines(p_links) AS l WHERE l ~ '^[a-z]+/[a-z0-9-]+$';
	DELETE FROM item_link il WHERE il.from_id = v_id;
	INSERT INTO item_link (from_id, to_id, type)
	    SELECT v_id, r, 'verwijst' FROM item_refs(p_links) AS r
	    WHERE r <> v_id
	    UNION
	    SELECT v_id, r, 'gerelateerd' FROM item_refs(p_related) AS r
	    WHERE r <> v_id;
	-- A new item: bodies that linked to it before it existed.
	IF p_id IS NULL THEN
		INSERT INTO item_link (from_id, to_id, type)
		    SELECT rf.from_id, v_id, 'verwijst' FROM item_ref rf
		    WHERE rf.kind = p_kind AND rf.slug = v_slug
		    AND rf.from_id <> v_id ON CONFLICT DO NOTHING;
	END IF;
	RETURN QUERY SELECT v_id, v_slug, v_rev, false;
END $$;

/*
 * Move an item through its workflow, with its audit rows, in one
 * statement. Actions and who may take them:
 *   indienen      concept -> ter_review         author, owner, editor
 *   goedkeuren    concept|ter_review -> gepubliceerd (note optional)
 *                                               editor
 *   terugsturen   ter_review -> concept (feedback required)   editor
 *   archiveren    gepubliceerd -> gearchiveerd  owner, editor
 *   terugzetten   gearchiveerd -> gepubliceerd  editor
 *   gecontroleerd gepubliceerd, checked_at = now()   owner, editor
 * p_rev, when given, is the revision the actor saw (the review form):
 * a decision about text that has changed since raises 55000.
 * Returns the new status. Raises P0002 (no item), 42501 (not allowed),
 * 55000 (not in the right state), 22023 (feedback missing).
 */
CREATE FUNCTION item_transition(p_id bigint, p_actor bigint,
    p_action text, p_note text, p_rev integer DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r	item%ROWTYPE;
	editor	boolean := account_is_editor(p_actor);
	owner	boolean;
	mine	boolean;
	v_new	text;
BEGIN
	SELECT * INTO r FROM item WHERE id = p_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such item' USING ERRCODE = 'P0002';
	END IF;
	-- An item without an owner (the seed articles) has none: NULL
	-- must not count as "not refused".
	owner := coalesce(r.owner_id = p_actor, false);
	mine := coalesce(item_may_edit(p_id, p_actor), false);
	IF p_rev IS NOT NULL AND p_rev <> r.revision THEN
		RAISE EXCEPTION 'revision changed' USING ERRCODE = '55000';
	END IF;
	p_note := left(btrim(coalesce(p_note, '')), 2000);

	IF p_action = 'indienen' THEN
		IF NOT mine THEN
			RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
		END IF;
		IF r.status <> 'concept' THEN
			RAISE EXCEPTION 'wrong state' USING ERRCODE = '55000';
		END IF;
		v_new := 'ter_review';
		UPDATE item SET status = v_new WHERE id = p_id;
	ELSIF p_action IN ('goedkeuren', 'terugsturen', 'terugzetten') THEN
		IF NOT editor THEN
			RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
		END IF;
		IF p_action = 'goedkeuren' THEN
			IF r.status NOT IN ('concept', 'ter_review') THEN
				RAISE EXCEPTION 'wrong state'
				    USING ERRCODE = '55000';
			END IF;
			v_new := 'gepubliceerd';
			UPDATE item SET status = v_new, approved_by = p_actor,
			    approved_at = now(), approve_note = p_note,
			    feedback = '', checked_at = now(),
			    published_at = coalesce(published_at, now())
			WHERE id = p_id;
			INSERT INTO item_review (item_id, rev, reviewer_id,
			    decision, note)
			VALUES (p_id, r.revision, p_actor, 'goedgekeurd', p_note);
			INSERT INTO audit (actor_id, action, target_id, detail)
			VALUES (p_actor, 'goedkeuren', p_id,
			    'versie ' || r.revision);
			p_action := 'publiceren';
		ELSIF p_action = 'terugsturen' THEN
			IF r.status <> 'ter_review' THEN
				RAISE EXCEPTION 'wrong state'
				    USING ERRCODE = '55000';
			END IF;
			IF p_note = '' THEN
				RAISE EXCEPTION 'feedback required'
				    USING ERRCODE = '22023';
			END IF;
			v_new := 'concept';
			UPDATE item SET status = v_new, feedback = p_note
			WHERE id = p_id;
			INSERT INTO item_review (item_id, rev, reviewer_id,
			    decision, note)
			VALUES (p_id, r.revision, p_actor, 'teruggestuurd',
			    p_note);
		ELSE
			IF r.status <> 'gearchiveerd' THEN
				RAISE EXCEPTION 'wrong state'
				    USING ERRCODE = '55000';
			END IF;
			v_new := 'gepubliceerd';
			UPDATE item SET status = v_new WHERE id = p_id;
		END IF;
	ELSIF p_action IN ('archiveren', 'gecontroleerd') THEN
		IF NOT (editor OR owner) THEN
			RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
		END IF;
		IF r.status <> 'gepubliceerd' THEN
			RAISE EXCEPTION 'wrong state' USING ERRCODE = '55000';
		END IF;
		IF p_action = 'archiveren' THEN
			v_new := 'gearchiveerd';
			UPDATE item SET status = v_new WHERE id = p_id;
		ELSE
			v_new := r.status;
			UPDATE item SET checked_at = now() WHERE id = p_id;
		END IF;
	ELSE
		RAISE EXCEPTION 'unknown action' USING ERRCODE = '22023';
	END IF;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, p_action, p_id, 'versie ' || r.revision);
	RETURN v_new;
END $$;

/*
 * Merge theme p_from into p_into: its items move over, its slug (and
 * the slugs that pointed at it) become aliases of p_into, and it is
 * deleted. Editors only (42501).
 */
CREATE FUNCTION theme_merge(p_from bigint, p_into bigint, p_actor bigint)
    RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	v_slug	text;
BEGIN
	IF NOT account_is_editor(p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF p_from = p_into THEN
		RAISE EXCEPTION 'same theme' USING ERRCODE = '22023';
	END IF;
	SELECT slug INTO v_slug FROM theme WHERE id = p_from FOR UPDATE;
	IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM theme WHERE id = p_into)
	THEN
		RAISE EXCEPTION 'no such theme' USING ERRCODE = 'P0002';
	END IF;
	INSERT INTO item_theme (item_id, theme_id)
	    SELECT item_id, p_into FROM item_theme WHERE theme_id = p_from
	    ON CONFLICT DO NOTHING;
	UPDATE change_goal SET theme_id = p_into WHERE theme_id = p_from;
	UPDATE theme_alias SET theme_id = p_into WHERE theme_id = p_from;
	INSERT INTO theme_alias (slug, theme_id) VALUES (v_slug, p_into);
	DELETE FROM theme WHERE id = p_from;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'thema_samenvoegen', p_into, 'thema ' || p_from);
END $$;
