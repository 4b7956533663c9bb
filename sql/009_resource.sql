-- Resources and uploads (issue 10).
--
-- A resource (bron) is an item of kind 'bron' (title, B1 summary,
-- Markdown description, themes, community, workflow and revisions come
-- from the content engine of 004) plus a `resource` row: its type,
-- publisher, year, language and an optional external link, and files
-- (resource_file), each with versions that stay downloadable.
--
-- Editors publish resources. A member may suggest one: it is created
-- as a concept they may edit, and sending it in ('indienen') puts it in
-- the editors' queue; only an editor publishes ('goedkeuren'). After
-- that only editors change it.
--
-- Every uploaded file is an `upload` row: its random token names the
-- file on disk (BRON_UPLOAD_DIR/<token>, outside anything Kore serves)
-- and its URL (/bestanden/<token>). The web app writes the file first
-- (temp file, fsync, rename, fsync of the directory), then inserts the
-- row (upload_add). A file without a row is an orphan of a crash: the
-- sweeper (`build/bron sweep`) removes it. An upload is either a
-- resource's file ('bron': pending until resource_save attaches it;
-- pending ones older than a day are swept) or a member's image
-- ('afbeelding': for their own items' Markdown, counted against a
-- per-account quota).
--
-- Audit actions of this file start with 'bron_' (audit_target: item)
-- or 'upload_' (account).

/* ---------------------------------------------------------------- */
/* Tables                                                            */
/* ---------------------------------------------------------------- */

-- The kinds of resource (core/resource.c names them in Dutch and
-- English): publicatie (booklet, report, book), sjabloon (template),
-- toolkit, video, website, onderzoek (research).
CREATE DOMAIN resource_type AS text CHECK (VALUE IN ('publicatie',
	'sjabloon', 'toolkit', 'video', 'website', 'onderzoek'));

-- The media types an upload may have, decided from the content
-- (core/filetype.c), never from the name.
CREATE DOMAIN upload_mime AS text CHECK (VALUE IN ('application/pdf',
	'image/png', 'image/jpeg', 'image/webp', 'text/plain',
	'application/vnd.oasis.opendocument.text',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));

CREATE TABLE resource (
	item_id		bigint PRIMARY KEY REFERENCES item ON DELETE CASCADE,
	type		resource_type NOT NULL,
	publisher	text NOT NULL DEFAULT '' CHECK (length(publisher) <= 200),
	year		integer CHECK (year BETWEEN 1900 AND 2100),
	-- ISO 639 code of the resource's language (core/resource.c lists
	-- the ones offered).
	language	text NOT NULL DEFAULT 'nl' CHECK (language ~ '^[a-z]{2,3}$'),
	-- An external link: http or https only, or ''.
	url		text NOT NULL DEFAULT '' CHECK (length(url) <= 2000
			    AND (url = '' OR url ~ '^https?://[^[:space:]]+$'))
);
CREATE INDEX resource_type ON resource (type);
CREATE INDEX resource_year ON resource (year);

CREATE TABLE upload (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	-- 16 random bytes, hex: the name on disk and in the URL.
	token		text NOT NULL UNIQUE CHECK (token ~ '^[a-f0-9]{32}$'),
	purpose		text NOT NULL CHECK (purpose IN ('bron', 'afbeelding')),
	-- Who uploaded it (quota, pending uploads, the data export).
	-- Never shown to others: an image in a story must not name its
	-- storyteller. NULL after account deletion.
	owner_id	bigint REFERENCES account,
	mime		upload_mime NOT NULL,
	-- The cleaned file name shown to people and sent in
	-- Content-Disposition (core/fname.c): no path, no control or
	-- bidi characters, at most 120 bytes.
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 120
			    AND name !~ '[/\\[:cntrl:]]'),
	size		bigint NOT NULL CHECK (size > 0),
	sha256		text NOT NULL CHECK (sha256 ~ '^[a-f0-9]{64}$'),
	-- Images: the description for people who cannot see it.
	alt		text NOT NULL DEFAULT '' CHECK (length(alt) <= 300),
	-- Downloads of resource files, counted without who downloaded.
	downloads	bigint NOT NULL DEFAULT 0,
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX upload_owner ON upload (owner_id, purpose);

-- The files of a resource: slot = which file (1, 2, ...), version = its
-- versions (1, 2, ...). The newest version of each slot is the current
-- file; older ones stay downloadable with their dates.
CREATE TABLE resource_file (
	item_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	slot		integer NOT NULL CHECK (slot BETWEEN 1 AND 20),
	version		integer NOT NULL CHECK (version >= 1),
	upload_id	bigint NOT NULL UNIQUE REFERENCES upload,
	-- What changed in this version (optional, shown with the date).
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
	added_by	bigint REFERENCES account,
	added_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (item_id, slot, version)
);

CREATE TRIGGER resource_gen AFTER INSERT OR UPDATE OR DELETE ON resource
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER resource_file_gen AFTER INSERT OR UPDATE OR DELETE
	ON resource_file FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
-- Image alt texts and removals show on pages; download counts do not
-- bump the page caches (a count on a cached page may lag).
CREATE TRIGGER upload_gen AFTER INSERT OR DELETE OR UPDATE OF alt
	ON upload FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();

/* ---------------------------------------------------------------- */
/* Rights                                                            */
/* ---------------------------------------------------------------- */

-- May acct change resource i: an editor; its owner or an author only
-- while it is a concept (a suggestion not yet sent in, or sent back).
CREATE FUNCTION resource_may_edit(i bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT acct IS NOT NULL AND (account_is_editor(acct)
	    OR EXISTS (SELECT 1 FROM item x WHERE x.id = i AND x.kind = 'bron'
	        AND x.status = 'concept' AND (x.owner_id = acct
	        OR EXISTS (SELECT 1 FROM item_author a
	            WHERE a.item_id = i AND a.account_id = acct)))
	    AND EXISTS (SELECT 1 FROM account a WHERE a.id = acct
	        AND a.deleted_at IS NULL AND a.blocked_at IS NULL))
$$;

-- May acct fetch upload u (/bestanden/<token>)?
--   its uploader, always (while the account exists);
--   a resource file: whoever may read the resource;
--   an image: whoever may read an item whose Markdown shows it (item_ref
--   kind 'afbeelding', slug the token; links_tree() records these).
-- A pending resource file (not attached yet) only its uploader.
CREATE FUNCTION upload_may_read(u bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM upload x WHERE x.id = u AND (
	    (acct IS NOT NULL AND x.owner_id = acct)
	    OR (x.purpose = 'bron' AND EXISTS (SELECT 1 FROM resource_file f
	        WHERE f.upload_id = x.id AND item_may_read(f.item_id, acct)))
	    OR (x.purpose = 'afbeelding' AND EXISTS (SELECT 1 FROM item_ref r
	        WHERE r.kind = 'afbeelding' AND r.slug = x.token
	        AND item_may_read(r.from_id, acct)))))
$$;

-- Could a visitor (no account) fetch it? Decides Cache-Control.
CREATE FUNCTION upload_is_public(u bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT upload_may_read(u, NULL)
$$;

/* ---------------------------------------------------------------- */
/* Uploads                                                           */
/* ---------------------------------------------------------------- */

/*
 * Record a file the web app has written to BRON_UPLOAD_DIR/<token>.
 * Any active account may upload (no account: only the importer,
 * SET LOCAL bron.importer = 'on'). p_quota (bytes, from BRON_IMAGE_QUOTA)
 * limits the sum of an account's images; 22023 with message 'quota'
 * when this one would pass it. At most 20 pending resource files per
 * account: 22023 'pending'. p_alt: images only (''). Returns the id.
 * Audit 'upload_toevoegen' (detail: purpose and size, never the name).
 */
CREATE FUNCTION upload_add(p_actor bigint, p_purpose text, p_token text,
    p_mime text, p_name text, p_size bigint, p_sha256 text, p_alt text,
    p_quota bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	v_id	bigint;
	v_used	bigint;
BEGIN
	-- No actor: only the importer (content/bronnen, owned by nobody).
	IF (p_actor IS NULL AND coalesce(current_setting('bron.importer',
	    true), '') <> 'on') OR (p_actor IS NOT NULL AND NOT EXISTS
	    (SELECT 1 FROM account a WHERE a.id = p_actor
	    AND a.deleted_at IS NULL AND a.blocked_at IS NULL)) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	-- One account's uploads one at a time, so two at once cannot
	-- both pass the quota.
	PERFORM 1 FROM account WHERE id = p_actor FOR UPDATE;
	IF p_purpose = 'afbeelding' THEN
		IF p_mime NOT IN ('image/png', 'image/jpeg', 'image/webp') THEN
			RAISE EXCEPTION 'type' USING ERRCODE = '22023';
		END IF;
		SELECT coalesce(sum(size), 0) INTO v_used FROM upload
		    WHERE owner_id = p_actor AND purpose = 'afbeelding';
		IF v_used + p_size > p_quota THEN
			RAISE EXCEPTION 'quota' USING ERRCODE = '22023';
		END IF;
	ELSIF p_actor IS NOT NULL AND (SELECT count(*) FROM upload x
	    WHERE x.owner_id = p_actor
	    AND x.purpose = 'bron' AND NOT EXISTS (SELECT 1 FROM
	    resource_file f WHERE f.upload_id = x.id)) >= 20 THEN
		RAISE EXCEPTION 'pending' USING ERRCODE = '22023';
	END IF;
	INSERT INTO upload (token, purpose, owner_id, mime, name, size,
	    sha256, alt)
	VALUES (p_token, p_purpose, p_actor, p_mime, p_name, p_size,
	    p_sha256, CASE WHEN p_purpose = 'afbeelding'
	    THEN left(btrim(coalesce(p_alt, '')), 300) ELSE '' END)
	RETURNING id INTO v_id;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'upload_toevoegen', p_actor,
	    p_purpose || ' ' || p_size);
	RETURN v_id;
END $$;

/*
 * A download of /bestanden/<token> by acct (NULL: visitor): one row
 * (mime, name, size, purpose, public) when acct may fetch it, none
 * otherwise (the caller answers 404 either way). A resource file's
 * download is counted, by nobody's name; losing a count in a crash is
 * acceptable, so this transaction does not wait for its WAL flush.
 */
CREATE FUNCTION upload_fetch(p_token text, p_acct bigint)
    RETURNS TABLE (mime text, name text, size bigint, purpose text,
    public boolean)
LANGUAGE plpgsql AS $$
DECLARE
	u	upload%ROWTYPE;
BEGIN
	SELECT * INTO u FROM upload x WHERE x.token = p_token;
	IF NOT FOUND OR NOT upload_may_read(u.id, p_acct) THEN
		RETURN;
	END IF;
	IF u.purpose = 'bron' AND EXISTS (SELECT 1 FROM resource_file f
	    WHERE f.upload_id = u.id) THEN
		PERFORM set_config('synchronous_commit', 'off', true);
		UPDATE upload SET downloads = downloads + 1 WHERE id = u.id;
	END IF;
	RETURN QUERY SELECT u.mime::text, u.name, u.size, u.purpose,
	    upload_is_public(u.id);
END $$;

/*
 * Change an image's description or remove it (p_alt NULL). Its
 * uploader only (42501); unknown or not an image: P0002. A removed
 * image's file goes with the next sweep; pages that showed it show its
 * description as a broken image.
 */
CREATE FUNCTION upload_image_change(p_token text, p_actor bigint,
    p_alt text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	u	upload%ROWTYPE;
BEGIN
	SELECT * INTO u FROM upload WHERE token = p_token
	    AND purpose = 'afbeelding' FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such image' USING ERRCODE = 'P0002';
	END IF;
	IF u.owner_id IS DISTINCT FROM p_actor OR p_actor IS NULL THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF p_alt IS NULL THEN
		DELETE FROM upload WHERE id = u.id;
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'upload_verwijderen', p_actor,
		    'afbeelding ' || u.size);
	ELSE
		UPDATE upload SET alt = left(btrim(p_alt), 300)
		    WHERE id = u.id;
	END IF;
END $$;

/*
 * The sweeper's database half (build/bron sweep): pending resource
 * files older than p_age and images whose uploader's account is gone
 * and that no item shows are deleted; returns their tokens so the
 * caller removes the files. The caller also removes files on disk that
 * have no row at all and are older than an hour (a crash between the
 * write and upload_add): upload_tokens() lists the tokens that exist.
 */
CREATE FUNCTION upload_sweep(p_age interval) RETURNS SETOF text
LANGUAGE sql AS $$
	DELETE FROM upload x WHERE (x.purpose = 'bron'
	    AND x.created_at < now() - p_age
	    AND NOT EXISTS (SELECT 1 FROM resource_file f
	        WHERE f.upload_id = x.id))
	    OR (x.purpose = 'afbeelding' AND x.owner_id IS NULL
	    AND NOT EXISTS (SELECT 1 FROM item_ref r
	        WHERE r.kind = 'afbeelding' AND r.slug = x.token))
	RETURNING x.token
$$;

CREATE FUNCTION upload_tokens() RETURNS SETOF text
LANGUAGE sql STABLE AS $$
	SELECT token FROM upload
$$;

-- Account deletion: uploads lose their owner. Images an item still
-- shows stay (contributions are kept anonymised); the others, and
-- pending resource files, go with the next sweep.
CREATE FUNCTION upload_account_erase() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	UPDATE upload SET owner_id = NULL WHERE owner_id = NEW.id;
	RETURN NULL;
END $$;
CREATE TRIGGER upload_account_erase AFTER UPDATE OF deleted_at ON account
	FOR EACH ROW
	WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL)
	EXECUTE FUNCTION upload_account_erase();

/* ---------------------------------------------------------------- */
/* Resources                                                         */
/* ---------------------------------------------------------------- */

-- A resource's fields as JSON, the keys resource_save() takes in
-- p_fields (without the file keys), kept with each revision.
CREATE FUNCTION resource_snapshot(p_item bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object('type', r.type, 'publisher', r.publisher,
	    'year', r.year, 'language', r.language, 'url', r.url)
	FROM resource r WHERE r.item_id = p_item
$$;

-- What a resource lacks before review or publication: 'inhoud' when it
-- has neither a file nor a link. Empty when complete; NULL for an item
-- that is not a resource.
CREATE FUNCTION resource_missing(p_item bigint) RETURNS text[]
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN r.url = '' AND NOT EXISTS (SELECT 1
	    FROM resource_file f WHERE f.item_id = p_item)
	    THEN ARRAY['inhoud'] ELSE ARRAY[]::text[] END
	FROM resource r WHERE r.item_id = p_item
$$;

/*
 * Create or update a resource: item_save('bron', ...) plus its own
 * fields, in one statement. p_fields keys: type (required), publisher,
 * year (number or ''), language, url; and optionally a file to attach:
 * file (an upload token of the actor's, purpose 'bron', not attached
 * yet), slot (the slot it becomes the new version of; '' or absent:
 * a new slot), file_note.
 *
 * New: any active account; a non-editor's resource is a suggestion
 * (concept). Existing: resource_may_edit() (42501). A stale base
 * revision writes nothing and returns conflict. error (nothing
 * written) names the field: 'type', 'year', 'language', 'url', 'file'
 * (not the actor's pending upload), 'slot' (no such slot). A resource
 * in review or published must stay complete: 23514 DETAIL 'inhoud'.
 * Audit 'bron_bestand' (detail: slot and version) for each file.
 * p_restored: the revision a restore brings back (item_save()).
 */
CREATE FUNCTION resource_save(p_id bigint, p_base_rev integer,
    p_actor bigint, p_title text, p_summary text, p_body_md text,
    p_body_html text, p_toc_html text, p_words integer, p_note text,
    p_slug text, p_themes text, p_tags text, p_community text,
    p_owner bigint, p_links text, p_related text, p_idem text,
    p_fields jsonb, p_restored integer DEFAULT NULL)
    RETURNS TABLE (id bigint, slug text, revision integer,
    conflict boolean, error text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	f		jsonb := coalesce(p_fields, '{}'::jsonb);
	v_type		text := btrim(coalesce(f->>'type', ''));
	v_year_t	text := btrim(coalesce(f->>'year', ''));
	v_year		integer;
	v_lang		text := coalesce(nullif(btrim(coalesce(f->>'language',
			    '')), ''), 'nl');
	v_url		text := btrim(coalesce(f->>'url', ''));
	v_token		text := nullif(btrim(coalesce(f->>'file', '')), '');
	v_slot_t	text := btrim(coalesce(f->>'slot', ''));
	v_slot		integer;
	v_version	integer;
	v_upload	bigint;
	r		record;
BEGIN
	IF v_type NOT IN ('publicatie', 'sjabloon', 'toolkit', 'video',
	    'website', 'onderzoek') THEN
		RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::integer,
		    false, 'type'::text;
		RETURN;
	END IF;
	IF v_year_t <> '' THEN
		IF v_year_t !~ '^[0-9]{4}$' OR v_year_t::integer NOT BETWEEN
		    1900 AND 2100 THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false, 'year'::text;
			RETURN;
		END IF;
		v_year := v_year_t::integer;
	END IF;
	IF v_lang !~ '^[a-z]{2,3}$' THEN
		RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::integer,
		    false, 'language'::text;
		RETURN;
	END IF;
	IF v_url <> '' AND (length(v_url) > 2000
	    OR v_url !~ '^https?://[^[:space:]]+$') THEN
		RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::integer,
		    false, 'url'::text;
		RETURN;
	END IF;
	IF v_token IS NOT NULL THEN
		SELECT x.id INTO v_upload FROM upload x WHERE x.token = v_token
		    AND x.owner_id IS NOT DISTINCT FROM p_actor
		    AND x.purpose = 'bron'
		    AND NOT EXISTS (SELECT 1 FROM resource_file rf
		        WHERE rf.upload_id = x.id)
		    FOR UPDATE;
		IF NOT FOUND THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false, 'file'::text;
			RETURN;
		END IF;
	END IF;
	IF p_id IS NOT NULL THEN
		IF NOT EXISTS (SELECT 1 FROM item i WHERE i.id = p_id
		    AND i.kind = 'bron') THEN
			RAISE EXCEPTION 'no such item' USING ERRCODE = 'P0002';
		END IF;
		IF NOT resource_may_edit(p_id, p_actor) THEN
			RAISE EXCEPTION 'may not edit' USING ERRCODE = '42501';
		END IF;
		IF v_token IS NOT NULL AND v_slot_t <> '' AND (v_slot_t !~
		    '^[0-9]{1,2}$' OR NOT EXISTS (SELECT 1 FROM resource_file rf
		    WHERE rf.item_id = p_id AND rf.slot = v_slot_t::integer))
		THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false, 'slot'::text;
			RETURN;
		END IF;
	ELSIF v_token IS NOT NULL AND v_slot_t <> '' THEN
		RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::integer,
		    false, 'slot'::text;
		RETURN;
	ELSIF (p_actor IS NULL AND coalesce(current_setting('bron.importer',
	    true), '') <> 'on') OR (p_actor IS NOT NULL AND NOT EXISTS
	    (SELECT 1 FROM account a WHERE a.id = p_actor
	    AND a.deleted_at IS NULL AND a.blocked_at IS NULL)) THEN
		RAISE EXCEPTION 'may not create' USING ERRCODE = '42501';
	END IF;

	SELECT * INTO r FROM item_save('bron', p_id, p_base_rev, p_actor,
	    p_title, p_summary, p_body_md, p_body_html, p_toc_html, p_words,
	    p_note, p_slug, p_themes, p_tags, p_community, p_owner, p_links,
	    p_related, p_idem, p_restored) AS s;
	IF r.conflict THEN
		RETURN QUERY SELECT r.id, r.slug, r.revision, true, NULL::text;
		RETURN;
	END IF;

	INSERT INTO resource AS x (item_id, type, publisher, year, language,
	    url)
	VALUES (r.id, v_type, left(btrim(coalesce(f->>'publisher', '')),
	    200), v_year, v_lang, v_url)
	ON CONFLICT (item_id) DO UPDATE SET type = EXCLUDED.type,
	    publisher = EXCLUDED.publisher, year = EXCLUDED.year,
	    language = EXCLUDED.language, url = EXCLUDED.url;

	IF v_upload IS NOT NULL THEN
		IF v_slot_t <> '' THEN
			v_slot := v_slot_t::integer;
		ELSE
			SELECT coalesce(max(rf.slot), 0) + 1 INTO v_slot
			    FROM resource_file rf WHERE rf.item_id = r.id;
			IF v_slot > 20 THEN
				RAISE EXCEPTION 'too many files'
				    USING ERRCODE = '22023';
			END IF;
		END IF;
		SELECT coalesce(max(rf.version), 0) + 1 INTO v_version
		    FROM resource_file rf WHERE rf.item_id = r.id
		    AND rf.slot = v_slot;
		INSERT INTO resource_file (item_id, slot, version, upload_id,
		    note, added_by)
		VALUES (r.id, v_slot, v_version, v_upload,
		    left(btrim(coalesce(f->>'file_note', '')), 300), p_actor);
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'bron_bestand', r.id,
		    'bestand ' || v_slot || ' versie ' || v_version);
	END IF;

	IF cardinality(resource_missing(r.id)) > 0 AND (SELECT i.status
	    FROM item i WHERE i.id = r.id) <> 'concept' THEN
		RAISE EXCEPTION 'resource incomplete' USING ERRCODE = '23514',
		    DETAIL = 'inhoud';
	END IF;
	UPDATE item_revision ir SET fields = resource_snapshot(r.id)
	    WHERE ir.item_id = r.id AND ir.rev = r.revision;
	RETURN QUERY SELECT r.id, r.slug, r.revision, false, NULL::text;
END $$;

-- The workflow: a resource must have a file or a link before review
-- or publication (23514, DETAIL 'inhoud'), and only editors move a
-- resource, except that its owner or author sends a suggestion in.
CREATE OR REPLACE FUNCTION item_transition(p_id bigint, p_actor bigint,
    p_action text, p_note text, p_rev integer DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v_kind		text;
	v_missing	text[];
BEGIN
	SELECT kind INTO v_kind FROM item WHERE id = p_id;
	IF v_kind = 'verhaal' THEN
		RAISE EXCEPTION 'stories have their own workflow'
		    USING ERRCODE = '42501';
	END IF;
	IF v_kind = 'bron' AND p_action <> 'indienen'
	    AND NOT account_is_editor(p_actor) THEN
		RAISE EXCEPTION 'editors only' USING ERRCODE = '42501';
	END IF;
	IF v_kind = 'bron' AND p_action = 'indienen'
	    AND NOT resource_may_edit(p_id, p_actor) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
	END IF;
	IF p_action IN ('indienen', 'goedkeuren') THEN
		v_missing := coalesce(pilot_missing(p_id),
		    resource_missing(p_id));
		IF cardinality(v_missing) > 0 THEN
			RAISE EXCEPTION 'item incomplete'
			    USING ERRCODE = '23514',
			    DETAIL = array_to_string(v_missing, ',');
		END IF;
	END IF;
	RETURN item_transition_unchecked(p_id, p_actor, p_action, p_note,
	    p_rev);
END $$;

CREATE OR REPLACE FUNCTION audit_target(p_action text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
	    WHEN p_action IN ('aanmaken', 'indienen', 'goedkeuren',
		'publiceren', 'terugsturen', 'archiveren', 'terugzetten',
		'gecontroleerd', 'versie_herstellen', 'eigenaar_gewijzigd')
		OR p_action LIKE 'item\_%' OR p_action LIKE 'les\_%'
		OR p_action LIKE 'pilot\_%' OR p_action LIKE 'mm\_%'
		OR p_action LIKE 'verhaal\_%' OR p_action LIKE 'bron\_%'
		THEN 'item'
	    WHEN p_action LIKE 'mmserie\_%' THEN 'series'
	    WHEN p_action LIKE 'thema\_%' THEN 'theme'
	    WHEN p_action LIKE 'gemeenschap\_%' OR p_action LIKE 'lid\_%'
		OR p_action LIKE 'moderator\_%'
		OR p_action = 'uitnodiging_ingetrokken' THEN 'community'
	    WHEN p_action LIKE 'gesprek\_%' THEN 'topic'
	    WHEN p_action LIKE 'bericht\_%' THEN 'post'
	    ELSE 'account' END
$$;
