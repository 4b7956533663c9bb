-- Synonyms (issue 11, part C): the writes on search_synonym_group and
-- search_synonym of sql/010_search.sql, for the editors' pages
-- (/redactie/zoekwoorden, web/synonym*.c) and the importer of
-- content/zoekwoorden.txt (tools/import_synonym.c).
--
-- A group's terms come as one text: one term per line, or several on a
-- line separated by "~" ("JeugdzorgPlus ~ JZ+"). Each term is trimmed and
-- its inner white space made single spaces. A term counts by its key
-- (search_phrase(term)::text: stemmed, accents folded), so "afzondering"
-- and "afzonderingen" are the same term. The rules, checked by
-- search_synonym_check() and enforced by the writes:
--   - 2 to 20 terms (each term widens every search on the others);
--   - a term is 1 to 60 characters without control characters and
--     holds a word the search knows (not only stop words or signs);
--   - a key once per group and in at most one group.
-- Writes take one advisory lock, so two editors cannot put one key in
-- two groups at the same time.
--
-- Who: editors (account_is_editor) only, else 42501. Bad input raises
-- 22023 with the field's name first in the message ('terms: ...',
-- 'note: ...'); the pages check first and show the problems next to
-- the field (search_synonym_check), so the raise is the backstop.
--
-- Repo and editors: groups from the file have source 'repo'. When an
-- editor changes one it becomes theirs (source 'redactie'); when an
-- editor deletes one, its keys are remembered in search_synonym_removed.
-- The importer never touches editors' groups and skips a line of the
-- file that has a key in one, or a remembered key, so a later import
-- never undoes what an editor decided.

-- phraseto_tsquery() says NOTICE for a term of stop words only; the
-- functions below that look at such terms run with notices off (the
-- check reports the term itself).

-- The order the terms were typed in (the first is the group's name).
ALTER TABLE search_synonym ADD COLUMN pos smallint NOT NULL DEFAULT 0;

CREATE TABLE search_synonym_removed (
	key		text PRIMARY KEY,
	removed_by	bigint REFERENCES account ON DELETE SET NULL,
	removed_at	timestamptz NOT NULL DEFAULT now()
);

-- The terms of a text, in order: split on line ends and "~", trimmed,
-- inner white space single. Empty lines are skipped; an empty piece of
-- a line with "~" ("a ~ ~ b") is kept as '' (the check names it).
CREATE FUNCTION search_synonym_split(p_terms text)
    RETURNS TABLE (n integer, term text)
LANGUAGE sql IMMUTABLE AS $$
	SELECT (row_number() OVER (ORDER BY l.ln, p.pn))::integer,
	    regexp_replace(btrim(p.piece, E' \t\u00a0'), '[ \t\u00a0]+', ' ',
	        'g')
	FROM regexp_split_to_table(replace(coalesce(p_terms, ''), E'\r', ''),
	    E'\n') WITH ORDINALITY AS l(line, ln),
	    regexp_split_to_table(l.line, '~') WITH ORDINALITY AS p(piece, pn)
	WHERE l.line !~ '^[ \t\u00a0]*$'
$$;

-- A group's terms as one line ("a ~ b ~ c"), in order.
CREATE FUNCTION search_synonym_line(p_group bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT string_agg(term, ' ~ ' ORDER BY pos, term)
	FROM search_synonym WHERE group_id = p_group
$$;

/*
 * What is wrong with a group's terms and note; no rows when nothing.
 * p_group is the group being changed (NULL for a new one): its own
 * terms do not count as taken. field is 'terms' or 'note'; problem:
 *   few      fewer than 2 terms            many   more than 20
 *   empty    an empty term ("a ~ ~ b")     long   over 60 characters
 *   chars    control characters            nowords  no searchable word
 *   same     same key as an earlier term of this group (other: it)
 *   taken    the key is in another group (other: that group's terms)
 *   note_long, note_chars  (field 'note')
 * term is the term concerned (or NULL).
 */
CREATE FUNCTION search_synonym_check(p_group bigint, p_terms text,
    p_note text)
    RETURNS TABLE (field text, problem text, term text, other text)
LANGUAGE plpgsql STABLE SET client_min_messages = warning AS $$
DECLARE
	r	record;
	k	text;
	seen	text[] := '{}';
	seent	text[] := '{}';
	cnt	integer := 0;
	i	integer;
BEGIN
	FOR r IN SELECT * FROM search_synonym_split(p_terms) s ORDER BY s.n
	LOOP
		cnt := cnt + 1;
		field := 'terms';
		term := r.term;
		other := NULL;
		IF r.term = '' THEN
			problem := 'empty';
			term := NULL;
			RETURN NEXT;
			CONTINUE;
		END IF;
		IF r.term ~ '[[:cntrl:]]' THEN
			problem := 'chars';
			RETURN NEXT;
			CONTINUE;
		END IF;
		IF length(r.term) > 60 THEN
			problem := 'long';
			RETURN NEXT;
			CONTINUE;
		END IF;
		k := search_phrase(r.term)::text;
		IF k = '' THEN
			problem := 'nowords';
			RETURN NEXT;
			CONTINUE;
		END IF;
		i := array_position(seen, k);
		IF i IS NOT NULL THEN
			problem := 'same';
			other := seent[i];
			RETURN NEXT;
			CONTINUE;
		END IF;
		seen := seen || k;
		seent := seent || r.term;
		SELECT search_synonym_line(s.group_id) INTO other
		    FROM search_synonym s WHERE s.key = k
		    AND s.group_id IS DISTINCT FROM p_group
		    ORDER BY s.group_id LIMIT 1;
		IF other IS NOT NULL THEN
			problem := 'taken';
			RETURN NEXT;
		END IF;
	END LOOP;
	field := 'terms';
	term := NULL;
	other := NULL;
	IF cnt > 20 THEN
		problem := 'many';
		RETURN NEXT;
	ELSIF cardinality(seen) < 2 AND NOT EXISTS (SELECT 1
	    FROM search_synonym_split(p_terms) s WHERE s.term = '') THEN
		problem := 'few';
		RETURN NEXT;
	END IF;
	field := 'note';
	IF length(coalesce(p_note, '')) > 300 THEN
		problem := 'note_long';
		RETURN NEXT;
	ELSIF coalesce(p_note, '') ~ '[[:cntrl:]]' THEN
		problem := 'note_chars';
		RETURN NEXT;
	END IF;
END $$;

-- Raise 22023 for the first problem of search_synonym_check().
CREATE FUNCTION search_synonym_assert(p_group bigint, p_terms text,
    p_note text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
	c	record;
BEGIN
	SELECT * INTO c FROM search_synonym_check(p_group, p_terms, p_note)
	    LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION '%: %', c.field, c.problem
		    USING ERRCODE = '22023',
		    DETAIL = left(coalesce(c.term, '') || ' / '
		        || coalesce(c.other, ''), 200);
	END IF;
END $$;

-- Put the terms of p_terms (checked) into group p_group, in order.
CREATE FUNCTION search_synonym_put(p_group bigint, p_terms text)
    RETURNS void
LANGUAGE sql AS $$
	DELETE FROM search_synonym WHERE group_id = p_group;
	INSERT INTO search_synonym (group_id, term, tsq, key, pos)
	SELECT p_group, s.term, search_phrase(s.term),
	    search_phrase(s.term)::text, s.n
	FROM search_synonym_split(p_terms) s;
$$;

-- A group's version for the edit form: its last change in
-- microseconds since 1970, as text.
CREATE FUNCTION search_synonym_base(p_at timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT ((extract(epoch FROM p_at) * 1000000)::bigint)::text
$$;

/*
 * An editor saves a group: p_group NULL makes a new one. Returns the
 * group's id. 42501 (not an editor), P0002 (no such group), 22023 (see
 * search_synonym_check), 55000 when p_base (search_synonym_base() of
 * the version the editor started from; NULL: no check) is no longer
 * the group's: someone else changed it meanwhile. A group from the file
 * becomes the editors'. Saving the same terms and note again writes
 * nothing (no audit row).
 */
CREATE FUNCTION search_synonym_save(p_actor bigint, p_group bigint,
    p_terms text, p_note text, p_base text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SET client_min_messages = warning AS $$
DECLARE
	g	bigint;
	v_note	text := btrim(coalesce(p_note, ''));
	before	text;
	bnote	text;
	bbase	text;
BEGIN
	IF NOT coalesce(account_is_editor(p_actor), false) THEN
		RAISE EXCEPTION 'editors only' USING ERRCODE = '42501';
	END IF;
	PERFORM pg_advisory_xact_lock(hashtext('search_synonym'));
	IF p_group IS NOT NULL THEN
		SELECT search_synonym_line(id), sg.note,
		    search_synonym_base(sg.updated_at) INTO before, bnote, bbase
		    FROM search_synonym_group sg WHERE id = p_group FOR UPDATE;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'no such group' USING ERRCODE = 'P0002';
		END IF;
		IF p_base IS NOT NULL AND p_base <> bbase THEN
			RAISE EXCEPTION 'changed meanwhile' USING ERRCODE = '55000';
		END IF;
	END IF;
	PERFORM search_synonym_assert(p_group, p_terms, v_note);
	IF p_group IS NULL THEN
		INSERT INTO search_synonym_group (source, note, updated_by)
		VALUES ('redactie', v_note, p_actor) RETURNING id INTO g;
		PERFORM search_synonym_put(g, p_terms);
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'zoekwoorden_aangemaakt', g,
		    left(search_synonym_line(g), 200));
		RETURN g;
	END IF;
	g := p_group;
	IF before IS NOT DISTINCT FROM (SELECT string_agg(s.term, ' ~ '
	    ORDER BY s.n) FROM search_synonym_split(p_terms) s)
	    AND bnote = v_note THEN
		RETURN g;
	END IF;
	PERFORM search_synonym_put(g, p_terms);
	UPDATE search_synonym_group SET source = 'redactie', note = v_note,
	    updated_by = p_actor, updated_at = now() WHERE id = g;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'zoekwoorden_gewijzigd', g,
	    left(search_synonym_line(g), 200));
	RETURN g;
END $$;

/*
 * An editor deletes a group. 42501, P0002. The keys of a group from
 * the file are remembered, so the importer does not bring it back.
 */
CREATE FUNCTION search_synonym_delete(p_actor bigint, p_group bigint)
    RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	src	text;
	line	text;
BEGIN
	IF NOT coalesce(account_is_editor(p_actor), false) THEN
		RAISE EXCEPTION 'editors only' USING ERRCODE = '42501';
	END IF;
	PERFORM pg_advisory_xact_lock(hashtext('search_synonym'));
	SELECT source, search_synonym_line(id) INTO src, line
	    FROM search_synonym_group WHERE id = p_group FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such group' USING ERRCODE = 'P0002';
	END IF;
	IF src = 'repo' THEN
		INSERT INTO search_synonym_removed (key, removed_by)
		SELECT key, p_actor FROM search_synonym WHERE group_id = p_group
		ON CONFLICT (key) DO NOTHING;
	END IF;
	DELETE FROM search_synonym_group WHERE id = p_group;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'zoekwoorden_verwijderd', p_group,
	    left(coalesce(line, ''), 200));
END $$;

/*
 * The importer, one line of content/zoekwoorden.txt (terms already
 * split and checked by the tool; checked again here) and the comment
 * above it as the group's note (cut to 300 characters). Returns what it
 * did: 'created', 'updated', 'same' (a repo group with exactly these
 * terms exists: left alone) or 'skipped' (a key is in an editors' group
 * or was removed by an editor). Only repo groups are written; terms in
 * other repo groups move here (the file is their source).
 */
CREATE FUNCTION search_synonym_import(p_terms text[], p_note text DEFAULT '')
    RETURNS text
LANGUAGE plpgsql SET client_min_messages = warning AS $$
DECLARE
	txt	text := array_to_string(p_terms, E'\n');
	v_note	text := btrim(regexp_replace(coalesce(p_note, ''),
	    '[[:cntrl:]]+', ' ', 'g'));
	keys	text[];
	g	bigint;
	c	record;
BEGIN
	-- A long comment ends at its last full sentence within 300.
	IF length(v_note) > 300 THEN
		v_note := coalesce(substring(left(v_note, 300) FROM
		    '^(.*[.!?:])'), left(v_note, 299) || '…');
	END IF;
	PERFORM pg_advisory_xact_lock(hashtext('search_synonym'));
	SELECT * INTO c FROM search_synonym_check(NULL, txt, '') x
	    WHERE x.problem <> 'taken' LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION '%: %', c.field, c.problem
		    USING ERRCODE = '22023',
		    DETAIL = left(coalesce(c.term, '') || ' / '
		        || coalesce(c.other, ''), 200);
	END IF;
	keys := ARRAY(SELECT search_phrase(s.term)::text
	    FROM search_synonym_split(txt) s);
	IF EXISTS (SELECT 1 FROM search_synonym_removed WHERE key = ANY (keys))
	    OR EXISTS (SELECT 1 FROM search_synonym s
	    JOIN search_synonym_group sg ON sg.id = s.group_id
	    WHERE s.key = ANY (keys) AND sg.source <> 'repo') THEN
		RETURN 'skipped';
	END IF;
	SELECT s.group_id INTO g FROM search_synonym s
	    WHERE s.key = ANY (keys) ORDER BY s.group_id LIMIT 1;
	IF g IS NOT NULL AND search_synonym_line(g) = array_to_string(
	    ARRAY(SELECT s.term FROM search_synonym_split(txt) s
	    ORDER BY s.n), ' ~ ')
	    AND (SELECT note FROM search_synonym_group WHERE id = g) = v_note
	    AND NOT EXISTS (SELECT 1 FROM search_synonym s
	    WHERE s.key = ANY (keys) AND s.group_id <> g) THEN
		RETURN 'same';
	END IF;
	-- Take these keys out of other repo groups; drop what is left
	-- with fewer than 2 terms (its own line brings it back).
	DELETE FROM search_synonym s WHERE s.key = ANY (keys)
	    AND s.group_id IS DISTINCT FROM g;
	DELETE FROM search_synonym_group sg WHERE sg.source = 'repo'
	    AND sg.id IS DISTINCT FROM g
	    AND (SELECT count(*) FROM search_synonym s
	    WHERE s.group_id = sg.id) < 2;
	IF g IS NULL THEN
		INSERT INTO search_synonym_group (source, note)
		VALUES ('repo', v_note) RETURNING id INTO g;
		PERFORM search_synonym_put(g, txt);
		RETURN 'created';
	END IF;
	PERFORM search_synonym_put(g, txt);
	UPDATE search_synonym_group SET note = v_note, updated_at = now(),
	    updated_by = NULL WHERE id = g;
	RETURN 'updated';
END $$;

/*
 * After the last line, with every term of the file: repo groups that
 * hold none of its keys (their line was taken out of the file) go.
 * Returns how many.
 */
CREATE FUNCTION search_synonym_import_prune(p_terms text[])
    RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	n	integer;
BEGIN
	DELETE FROM search_synonym_group sg WHERE sg.source = 'repo'
	    AND NOT EXISTS (SELECT 1 FROM search_synonym s
	    WHERE s.group_id = sg.id AND s.key IN (SELECT search_phrase(t)::text
	    FROM unnest(p_terms) t));
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END $$;
