-- Search (issue 11): one index over every kind, in Dutch.
--
-- search_doc holds one row per findable thing: an item (article, pilot,
-- mastermind session, story, resource), a lesson, a discussion, a
-- community, a theme, a change goal or a static page. Triggers on the
-- source tables keep it current; a row exists only while its source is
-- published and not hidden, so drafts, withdrawn stories, hidden items
-- and hidden discussions are never found and never counted. Hidden
-- replies are left out of their discussion's text.
--
-- A kind plugs in with one small piece: a search_src_<src>(id) function
-- returning search_doc rows, one line in search_refresh(), and a
-- trigger on its table.
--
-- Language: the 'bron' text search configuration is Dutch with accent
-- folding (unaccent before the Dutch stemmer), so "afzondering",
-- "afzonderingen" and "áfzondering" meet. Title weighs A, summary B,
-- structured fields (partners, publisher, pseudonym-free metadata) C,
-- the body D.
--
-- Synonyms are applied to the query, not the documents: an editor adds a
-- group in /redactie and the next search uses it, with no reindexing.
-- search_tsquery() builds the tsquery from the parsed query (JSON made
-- by core/squery.c) with phraseto_tsquery() per term, so no user text is
-- ever parsed as tsquery syntax and PostgreSQL cannot reject it.
--
-- Ranking: the RUM index (postgresql-15-rum) keeps lexeme positions in
-- the index, so "ORDER BY tsv <=> q LIMIT n" reads the best n from the
-- index instead of ranking every match; its distance is the inverse of
-- ts_rank with the same weights.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS rum;

CREATE TEXT SEARCH CONFIGURATION bron (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION bron
	ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword,
	    hword_asciipart WITH unaccent, dutch_stem;

-- The old per-table vectors are replaced by search_doc.
DROP INDEX IF EXISTS item_search;
DROP INDEX IF EXISTS theme_search;
DROP INDEX IF EXISTS change_goal_search;
DROP INDEX IF EXISTS page_search;
ALTER TABLE item DROP COLUMN search;
ALTER TABLE theme DROP COLUMN search;
ALTER TABLE change_goal DROP COLUMN search;
ALTER TABLE page DROP COLUMN search;
-- Pages had no single-column key; search_doc refers to rows by id.
ALTER TABLE page ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY UNIQUE;

-- Plain text of rendered HTML (cmark output): tags out, the four
-- entities cmark writes decoded, and \x01/\x02 (the highlight markers
-- of search snippets) made spaces.
CREATE FUNCTION search_plain(html text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT translate(replace(replace(replace(replace(
	    regexp_replace(coalesce(html, ''), '<[^>]*>', ' ', 'g'),
	    '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&amp;', '&'),
	    E'\x01\x02', '  ')
$$;

CREATE TABLE search_doc (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	-- The source: 'item', 'les' (lesson), 'gesprek' (topic),
	-- 'gemeenschap', 'thema', 'opgave' (change goal), 'pagina'.
	src		text NOT NULL,
	src_id		bigint NOT NULL,
	-- The kind shown and filtered on: item.kind for items
	-- ('artikel', 'pilot', 'mastermind', 'verhaal', 'bron'), else src.
	kind		text NOT NULL,
	-- Static pages exist per language; NULL: every language.
	lang		text CHECK (lang IN ('nl', 'en')),
	path		text NOT NULL,
	title		text NOT NULL,
	-- lower(unaccent(title)) for trigram "did you mean" on titles.
	title_key	text NOT NULL,
	summary		text NOT NULL DEFAULT '',
	-- Plain text for snippets (capped at 60000 characters).
	body		text NOT NULL DEFAULT '',
	-- Story content warnings: results show these, never a snippet.
	warnings	text[] NOT NULL DEFAULT '{}',
	-- Facets.
	themes		bigint[] NOT NULL DEFAULT '{}',
	community_id	bigint,
	region		text,
	year		smallint,
	published_at	timestamptz,
	-- Who may find it: a visitor when public; else editors always, and
	-- an active account when members is true (a story for members
	-- only, in no closed community), when it is a member of
	-- community_id, or when it is one of readers (the item's owner and
	-- authors, who read it whatever their membership). search_visible()
	-- says so; q_search.c has the same rule inline (for its plan), and
	-- tests/http/83_search_authz.bats compares both with the read rules.
	public		boolean NOT NULL,
	members		boolean NOT NULL DEFAULT false,
	readers		bigint[] NOT NULL DEFAULT '{}',
	tsv		tsvector NOT NULL,
	UNIQUE (src, src_id)
);
CREATE INDEX search_doc_tsv ON search_doc USING rum (tsv rum_tsvector_ops);
CREATE INDEX search_doc_title ON search_doc USING gin (title_key gin_trgm_ops);
CREATE INDEX search_doc_community ON search_doc (community_id);

-- May a viewer find doc d? acct NULL is a visitor; active, editor and
-- comms come from search_viewer(acct). Equal to item_may_read() etc.
-- for every listed row, except that an account that is blocked finds
-- only public rows (the read rules still let a blocked member read its
-- communities' pages; search is the stricter). A test compares them for
-- every account and row.
CREATE FUNCTION search_visible(d search_doc, acct bigint, active boolean,
    editor boolean, comms bigint[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT d.public OR (acct IS NOT NULL AND active AND (editor
	    OR d.members OR d.community_id = ANY (comms)
	    OR acct = ANY (d.readers)))
$$;

-- The viewer's side of search_visible(): editor flag and communities,
-- both false/empty for a visitor or an inactive account.
CREATE FUNCTION search_viewer(acct bigint, OUT editor boolean,
    OUT comms bigint[], OUT active boolean)
LANGUAGE sql STABLE AS $$
	SELECT coalesce(account_active(acct) AND account_is_editor(acct),
	    false),
	    CASE WHEN account_active(acct) THEN coalesce((SELECT
	        array_agg(m.community_id) FROM member m
	        WHERE m.account_id = acct AND m.state = 'lid'), '{}')
	    ELSE '{}' END,
	    coalesce(account_active(acct), false)
$$;

/* ---------------------------------------------------------------- */
/* Sources: one function per kind                                   */
/* ---------------------------------------------------------------- */

-- The vector of a document: title A, summary B, meta C, body D.
CREATE FUNCTION search_vector(title text, summary text, meta text,
    body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT setweight(to_tsvector('bron', coalesce(title, '')), 'A')
	    || setweight(to_tsvector('bron', coalesce(summary, '')), 'B')
	    || setweight(to_tsvector('bron', coalesce(meta, '')), 'C')
	    || to_tsvector('bron', coalesce(body, ''))
$$;

-- Make a search_doc row (id and tsv filled in by search_refresh()).
CREATE FUNCTION search_row(p_src text, p_id bigint, p_kind text,
    p_lang text, p_path text, p_title text, p_summary text, p_meta text,
    p_body text, p_warnings text[], p_themes bigint[], p_comm bigint,
    p_region text, p_year integer, p_published timestamptz,
    p_public boolean, p_members boolean, p_readers bigint[])
    RETURNS search_doc
LANGUAGE sql STABLE AS $$
	SELECT ROW(NULL, p_src, p_id, p_kind, p_lang, p_path, p_title,
	    lower(unaccent(p_title)), coalesce(p_summary, ''),
	    left(coalesce(p_body, ''), 60000), coalesce(p_warnings, '{}'),
	    coalesce(p_themes, '{}'), p_comm, p_region, p_year, p_published,
	    p_public, coalesce(p_members, false), coalesce(p_readers, '{}'),
	    search_vector(p_title, p_summary, p_meta,
	        left(coalesce(p_body, ''), 60000)))::search_doc
$$;

-- Is item i listed (found at all)? Published, not hidden; a story also
-- needs its own state published (withdrawn ones are not).
CREATE FUNCTION search_item_listed(i bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM item x WHERE x.id = i
	    AND x.status = 'gepubliceerd' AND x.hidden_at IS NULL
	    AND (x.kind <> 'verhaal' OR EXISTS (SELECT 1 FROM story s
	        WHERE s.item_id = x.id AND s.state = 'gepubliceerd')))
$$;

-- May an active account that is no member of the item's community read
-- listed item i? Only a story for members (scope 'leden') outside a
-- members-only or closed community.
CREATE FUNCTION search_item_members(i bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM item x JOIN story s ON s.item_id = x.id
	    WHERE x.id = i AND x.visibility = 'leden'
	    AND (x.community_id IS NULL OR EXISTS (SELECT 1 FROM community c
	        WHERE c.id = x.community_id AND c.visibility = 'openbaar')))
$$;

-- Who reads item i whatever their membership (item_may_edit(): its
-- owner and authors; for a story only its teller, the owner).
CREATE FUNCTION search_item_readers(i bigint) RETURNS bigint[]
LANGUAGE sql STABLE AS $$
	SELECT ARRAY(SELECT x.owner_id FROM item x WHERE x.id = i
	    AND x.owner_id IS NOT NULL
	    UNION SELECT a.account_id FROM item_author a JOIN item x
	    ON x.id = a.item_id WHERE a.item_id = i AND x.kind <> 'verhaal'
	    ORDER BY 1)
$$;

CREATE FUNCTION search_src_item(p_id bigint) RETURNS SETOF search_doc
LANGUAGE sql STABLE AS $$
	SELECT search_row('item', x.id, x.kind, NULL, item_href(x), x.title,
	    x.summary,
	    concat_ws(' ', p.target_group, array_to_string(p.partners, ' '),
	        r.publisher),
	    concat_ws(' ', search_plain(x.body_html),
	        search_plain(p.problem_html), search_plain(p.approach_html),
	        search_plain(p.results_html), search_plain(p.conditions_html),
	        search_plain(ms.case_html), search_plain(ms.agreements_html)),
	    (SELECT s.warnings FROM story s WHERE s.item_id = x.id),
	    ARRAY(SELECT it.theme_id FROM item_theme it
	        WHERE it.item_id = x.id ORDER BY 1),
	    x.community_id, p.region,
	    extract(year FROM x.published_at)::integer, x.published_at,
	    item_may_read(x.id, NULL), search_item_members(x.id),
	    search_item_readers(x.id))
	FROM item x
	LEFT JOIN pilot p ON p.item_id = x.id
	LEFT JOIN mm_session ms ON ms.item_id = x.id
	LEFT JOIN resource r ON r.item_id = x.id
	WHERE x.id = p_id AND search_item_listed(x.id)
$$;

-- A lesson is found like its pilot, under /lessen/{id}.
CREATE FUNCTION search_src_les(p_id bigint) RETURNS SETOF search_doc
LANGUAGE sql STABLE AS $$
	SELECT search_row('les', l.id, 'les', NULL, '/lessen/' || l.id,
	    l.statement, '', x.title, search_plain(l.explanation_html), NULL,
	    ARRAY(SELECT it.theme_id FROM item_theme it
	        WHERE it.item_id = x.id ORDER BY 1),
	    x.community_id, p.region,
	    extract(year FROM x.published_at)::integer, x.published_at,
	    item_may_read(x.id, NULL), false, search_item_readers(x.id))
	FROM lesson l JOIN pilot p ON p.item_id = l.pilot_id
	JOIN item x ON x.id = p.item_id
	WHERE l.id = p_id AND search_item_listed(x.id)
$$;

-- A discussion: its title, and the text of its visible posts (the
-- first 200) as body. Hidden replies are not in it.
CREATE FUNCTION search_src_gesprek(p_id bigint) RETURNS SETOF search_doc
LANGUAGE sql STABLE AS $$
	SELECT search_row('gesprek', t.id, 'gesprek', NULL,
	    '/gemeenschappen/' || c.slug || '/gesprekken/' || t.id, t.title,
	    '', c.name,
	    (SELECT string_agg(search_plain(po.body_html), ' ' ORDER BY po.n)
	        FROM (SELECT * FROM post WHERE topic_id = t.id
	            AND hidden_at IS NULL ORDER BY n LIMIT 200) po),
	    NULL,
	    ARRAY(SELECT ct.theme_id FROM community_theme ct
	        WHERE ct.community_id = c.id ORDER BY 1),
	    c.id, NULL, extract(year FROM t.created_at)::integer,
	    t.created_at, c.visibility = 'openbaar', false, NULL)
	FROM topic t JOIN community c ON c.id = t.community_id
	WHERE t.id = p_id AND t.hidden_at IS NULL
$$;

-- A community: found by everyone unless it is closed (as its page).
CREATE FUNCTION search_src_gemeenschap(p_id bigint)
    RETURNS SETOF search_doc
LANGUAGE sql STABLE AS $$
	SELECT search_row('gemeenschap', c.id, 'gemeenschap', NULL,
	    '/gemeenschappen/' || c.slug, c.name, c.summary, '', '', NULL,
	    ARRAY(SELECT ct.theme_id FROM community_theme ct
	        WHERE ct.community_id = c.id ORDER BY 1),
	    c.id, NULL, NULL, c.created_at, c.visibility <> 'besloten', false,
	    NULL)
	FROM community c WHERE c.id = p_id
$$;

CREATE FUNCTION search_src_thema(p_id bigint) RETURNS SETOF search_doc
LANGUAGE sql STABLE AS $$
	SELECT search_row('thema', t.id, 'thema', NULL, '/themas/' || t.slug,
	    t.title, t.summary, '', search_plain(t.body_html), NULL,
	    ARRAY[t.id], NULL, NULL, NULL, NULL, true, false, NULL)
	FROM theme t WHERE t.id = p_id
$$;

CREATE FUNCTION search_src_opgave(p_id bigint) RETURNS SETOF search_doc
LANGUAGE sql STABLE AS $$
	SELECT search_row('opgave', g.id, 'opgave', NULL, '/monitor/' || g.slug,
	    g.title, g.summary, '', search_plain(g.body_html), NULL,
	    CASE WHEN g.theme_id IS NULL THEN '{}'::bigint[]
	        ELSE ARRAY[g.theme_id] END,
	    NULL, NULL, NULL, NULL, true, false, NULL)
	FROM change_goal g WHERE g.id = p_id
$$;

CREATE FUNCTION search_src_pagina(p_id bigint) RETURNS SETOF search_doc
LANGUAGE sql STABLE AS $$
	SELECT search_row('pagina', p.id, 'pagina', p.lang, '/' || p.slug,
	    p.title, p.summary, '', search_plain(p.body_html), NULL, NULL,
	    NULL, NULL, NULL, NULL, true, false, NULL)
	FROM page p WHERE p.id = p_id
$$;

-- Rewrite the row of (src, id) from its source: deleted when the
-- source is gone or no longer listed.
CREATE FUNCTION search_refresh(p_src text, p_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	d	search_doc;
BEGIN
	IF p_id IS NULL THEN
		RETURN;
	END IF;
	CASE p_src
	WHEN 'item' THEN SELECT * INTO d FROM search_src_item(p_id);
	WHEN 'les' THEN SELECT * INTO d FROM search_src_les(p_id);
	WHEN 'gesprek' THEN SELECT * INTO d FROM search_src_gesprek(p_id);
	WHEN 'gemeenschap' THEN
		SELECT * INTO d FROM search_src_gemeenschap(p_id);
	WHEN 'thema' THEN SELECT * INTO d FROM search_src_thema(p_id);
	WHEN 'opgave' THEN SELECT * INTO d FROM search_src_opgave(p_id);
	WHEN 'pagina' THEN SELECT * INTO d FROM search_src_pagina(p_id);
	END CASE;
	IF d.src IS NULL THEN
		DELETE FROM search_doc WHERE src = p_src AND src_id = p_id;
		RETURN;
	END IF;
	INSERT INTO search_doc (src, src_id, kind, lang, path, title,
	    title_key, summary, body, warnings, themes, community_id, region,
	    year, published_at, public, members, readers, tsv)
	VALUES (d.src, d.src_id, d.kind, d.lang, d.path, d.title,
	    d.title_key, d.summary, d.body, d.warnings, d.themes,
	    d.community_id, d.region, d.year, d.published_at, d.public,
	    d.members, d.readers, d.tsv)
	ON CONFLICT (src, src_id) DO UPDATE SET kind = EXCLUDED.kind,
	    lang = EXCLUDED.lang, path = EXCLUDED.path,
	    title = EXCLUDED.title, title_key = EXCLUDED.title_key,
	    summary = EXCLUDED.summary, body = EXCLUDED.body,
	    warnings = EXCLUDED.warnings, themes = EXCLUDED.themes,
	    community_id = EXCLUDED.community_id, region = EXCLUDED.region,
	    year = EXCLUDED.year, published_at = EXCLUDED.published_at,
	    public = EXCLUDED.public, members = EXCLUDED.members,
	    readers = EXCLUDED.readers, tsv = EXCLUDED.tsv
	WHERE (search_doc.kind, search_doc.lang, search_doc.path,
	    search_doc.title, search_doc.summary, search_doc.body,
	    search_doc.warnings, search_doc.themes, search_doc.community_id,
	    search_doc.region, search_doc.year, search_doc.published_at,
	    search_doc.public, search_doc.members, search_doc.readers)
	    IS DISTINCT FROM
	    (EXCLUDED.kind, EXCLUDED.lang, EXCLUDED.path, EXCLUDED.title,
	    EXCLUDED.summary, EXCLUDED.body, EXCLUDED.warnings,
	    EXCLUDED.themes, EXCLUDED.community_id, EXCLUDED.region,
	    EXCLUDED.year, EXCLUDED.published_at, EXCLUDED.public,
	    EXCLUDED.members, EXCLUDED.readers);
END $$;

-- An item and what hangs off it (a pilot's lessons).
CREATE FUNCTION search_refresh_item(p_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	l	bigint;
BEGIN
	PERFORM search_refresh('item', p_id);
	FOR l IN SELECT id FROM lesson WHERE pilot_id = p_id LOOP
		PERFORM search_refresh('les', l);
	END LOOP;
END $$;

/* ---------------------------------------------------------------- */
/* Triggers                                                          */
/* ---------------------------------------------------------------- */

-- Row triggers: TG_ARGV[0] names the source, TG_ARGV[1] the column
-- holding its id ('id', 'item_id', 'topic_id' ...).
CREATE FUNCTION search_doc_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	o	bigint;
	n	bigint;
BEGIN
	IF TG_OP <> 'INSERT' THEN
		o := (to_jsonb(OLD) ->> TG_ARGV[1])::bigint;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		n := (to_jsonb(NEW) ->> TG_ARGV[1])::bigint;
	END IF;
	IF TG_ARGV[0] = 'item' THEN
		PERFORM search_refresh_item(n);
		IF o IS DISTINCT FROM n THEN
			PERFORM search_refresh_item(o);
		END IF;
	ELSE
		PERFORM search_refresh(TG_ARGV[0], n);
		IF o IS DISTINCT FROM n THEN
			PERFORM search_refresh(TG_ARGV[0], o);
		END IF;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER item_search AFTER INSERT OR UPDATE OR DELETE ON item
	FOR EACH ROW EXECUTE FUNCTION search_doc_sync('item', 'id');
CREATE TRIGGER item_theme_search AFTER INSERT OR UPDATE OR DELETE
	ON item_theme FOR EACH ROW
	EXECUTE FUNCTION search_doc_sync('item', 'item_id');
CREATE TRIGGER item_author_search AFTER INSERT OR UPDATE OR DELETE
	ON item_author FOR EACH ROW
	EXECUTE FUNCTION search_doc_sync('item', 'item_id');
CREATE TRIGGER pilot_search AFTER INSERT OR UPDATE OR DELETE ON pilot
	FOR EACH ROW EXECUTE FUNCTION search_doc_sync('item', 'item_id');
CREATE TRIGGER mm_session_search AFTER INSERT OR UPDATE OR DELETE
	ON mm_session FOR EACH ROW
	EXECUTE FUNCTION search_doc_sync('item', 'item_id');
CREATE TRIGGER story_search AFTER INSERT OR UPDATE OR DELETE ON story
	FOR EACH ROW EXECUTE FUNCTION search_doc_sync('item', 'item_id');
CREATE TRIGGER resource_search AFTER INSERT OR UPDATE OR DELETE
	ON resource FOR EACH ROW
	EXECUTE FUNCTION search_doc_sync('item', 'item_id');
CREATE TRIGGER lesson_search AFTER INSERT OR UPDATE OR DELETE ON lesson
	FOR EACH ROW EXECUTE FUNCTION search_doc_sync('les', 'id');
CREATE TRIGGER topic_search AFTER INSERT OR UPDATE OR DELETE ON topic
	FOR EACH ROW EXECUTE FUNCTION search_doc_sync('gesprek', 'id');
CREATE TRIGGER post_search AFTER INSERT OR UPDATE OR DELETE ON post
	FOR EACH ROW EXECUTE FUNCTION search_doc_sync('gesprek', 'topic_id');
CREATE TRIGGER theme_search AFTER INSERT OR UPDATE OR DELETE ON theme
	FOR EACH ROW EXECUTE FUNCTION search_doc_sync('thema', 'id');
CREATE TRIGGER change_goal_search AFTER INSERT OR UPDATE OR DELETE
	ON change_goal FOR EACH ROW
	EXECUTE FUNCTION search_doc_sync('opgave', 'id');
CREATE TRIGGER page_search AFTER INSERT OR UPDATE OR DELETE ON page
	FOR EACH ROW EXECUTE FUNCTION search_doc_sync('pagina', 'id');

-- A community's row and its discussions' rows (their text and rights
-- come from it); with items, also its items' rows (a story for members
-- keeps its visibility when the community closes, yet who may find it
-- changes; its other items follow through community_visibility_sync()).
CREATE FUNCTION search_refresh_community(p_comm bigint, p_items boolean)
    RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	t	bigint;
BEGIN
	PERFORM search_refresh('gemeenschap', p_comm);
	FOR t IN SELECT id FROM topic WHERE community_id = p_comm LOOP
		PERFORM search_refresh('gesprek', t);
	END LOOP;
	IF p_items THEN
		FOR t IN SELECT id FROM item WHERE community_id = p_comm LOOP
			PERFORM search_refresh_item(t);
		END LOOP;
	END IF;
END $$;

-- Its themes changed: the community's and its discussions' facets.
CREATE FUNCTION search_community_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM search_refresh_community(CASE WHEN TG_OP = 'DELETE'
	    THEN OLD.community_id ELSE NEW.community_id END, false);
	RETURN NULL;
END $$;

-- The community itself: a new one has no discussions or items yet; a
-- change of visibility, name or slug reaches everything in it.
CREATE FUNCTION search_community_row_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		DELETE FROM search_doc WHERE src = 'gemeenschap'
		    AND src_id = OLD.id;
	ELSIF TG_OP = 'UPDATE' AND (OLD.visibility, OLD.name, OLD.slug)
	    IS DISTINCT FROM (NEW.visibility, NEW.name, NEW.slug) THEN
		PERFORM search_refresh_community(NEW.id, true);
	ELSE
		PERFORM search_refresh('gemeenschap', NEW.id);
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER community_search AFTER INSERT OR UPDATE OR DELETE
	ON community FOR EACH ROW EXECUTE FUNCTION search_community_row_sync();
CREATE TRIGGER community_theme_search AFTER INSERT OR UPDATE OR DELETE
	ON community_theme FOR EACH ROW
	EXECUTE FUNCTION search_community_sync();

/* ---------------------------------------------------------------- */
/* Vocabulary for "did you mean"                                     */
/* ---------------------------------------------------------------- */

-- Words of the titles and summaries of public rows only (a suggestion
-- must not name a word that only a members-only item holds), with the
-- number of rows that hold each; kept by a trigger on search_doc.
CREATE TABLE search_word (
	word		text PRIMARY KEY,
	docs		integer NOT NULL CHECK (docs >= 0)
);
CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops);

-- The words of a text as the vocabulary keeps them: lower case, no
-- accents, letters and digits, 3 to 40 characters.
CREATE FUNCTION search_words(t text) RETURNS SETOF text
LANGUAGE sql STABLE AS $$
	SELECT DISTINCT w FROM regexp_split_to_table(
	    lower(unaccent(coalesce(t, ''))), '[^[:alnum:]]+') w
	WHERE length(w) BETWEEN 3 AND 40
$$;

CREATE FUNCTION search_word_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' AND OLD.public THEN
		UPDATE search_word w SET docs = w.docs - 1
		    WHERE w.word IN (SELECT search_words(OLD.title || ' '
		        || OLD.summary));
		DELETE FROM search_word WHERE docs <= 0;
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.public THEN
		INSERT INTO search_word (word, docs)
		SELECT w, 1 FROM search_words(NEW.title || ' ' || NEW.summary) w
		ON CONFLICT (word) DO UPDATE SET docs = search_word.docs + 1;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER search_doc_words AFTER INSERT OR UPDATE OF title, summary,
	public OR DELETE ON search_doc FOR EACH ROW
	EXECUTE FUNCTION search_word_sync();

/* ---------------------------------------------------------------- */
/* Synonyms                                                          */
/* ---------------------------------------------------------------- */

-- Groups of words that mean the same in the programme ("JeugdzorgPlus",
-- "JZ+", "gesloten jeugdhulp"). Seeded from content/zoekwoorden.txt by
-- the importer (source 'repo'), extended by editors (source 'redactie').
-- key is the term as the query sees it (stemmed, accents folded), so
-- "Afzonderingen" finds the group of "afzondering".
CREATE TABLE search_synonym_group (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source		text NOT NULL DEFAULT 'redactie'
	    CHECK (source IN ('repo', 'redactie')),
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
	updated_by	bigint REFERENCES account ON DELETE SET NULL,
	updated_at	timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE search_synonym (
	group_id	bigint NOT NULL REFERENCES search_synonym_group
	    ON DELETE CASCADE,
	term		text NOT NULL CHECK (length(term) BETWEEN 1 AND 60
	    AND term !~ '[[:cntrl:]]'),
	tsq		tsquery NOT NULL,
	key		text NOT NULL CHECK (key <> ''),
	PRIMARY KEY (group_id, key)
);
CREATE INDEX search_synonym_key ON search_synonym (key);
CREATE INDEX search_synonym_term ON search_synonym USING gin
	(term gin_trgm_ops);

-- The query of a term: its words as a phrase, in the 'bron' config.
-- Never fails: phraseto_tsquery() takes any text.
CREATE FUNCTION search_phrase(t text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT phraseto_tsquery('bron', coalesce(t, ''))
$$;

CREATE FUNCTION search_synonym_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.tsq := search_phrase(NEW.term);
	NEW.key := NEW.tsq::text;
	RETURN NEW;
END $$;

CREATE TRIGGER search_synonym_fill BEFORE INSERT OR UPDATE
	ON search_synonym FOR EACH ROW EXECUTE FUNCTION search_synonym_fill();

-- tsquery OR as an aggregate.
CREATE AGGREGATE tsq_or(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);

-- One term and its synonyms: phrase | synonym | synonym ...
CREATE FUNCTION search_term(t text) RETURNS tsquery
LANGUAGE sql STABLE AS $$
	WITH b AS (SELECT search_phrase(t) AS q)
	SELECT CASE WHEN numnode(b.q) = 0 THEN b.q
	    ELSE coalesce(b.q || (SELECT tsq_or(s2.tsq)
	        FROM search_synonym s1 JOIN search_synonym s2
	        ON s2.group_id = s1.group_id AND s2.key <> s1.key
	        WHERE s1.key = b.q::text), b.q) END
	FROM b
$$;

-- Does the phrase t name a synonym group?
CREATE FUNCTION search_is_synonym(t text) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM search_synonym
	    WHERE key = search_phrase(t)::text)
$$;

/*
 * The tsquery of a parsed query. p is the JSON of core/squery.c:
 *   {"all": [[term, ...], ...], "not": [term, ...]}
 * where term is {"t": "text", "p": true|false} ("p": typed in quotes).
 * Each inner list is a group of alternatives (OR); the groups must all
 * match (AND); "not" terms must not. Two neighbouring groups of one
 * unquoted word each that together name a synonym ("gesloten
 * jeugdzorg") also match as that synonym. Terms that hold only stop
 * words drop out. Returns an empty tsquery (numnode 0) when nothing
 * positive is left; never raises on any input.
 */
CREATE FUNCTION search_tsquery(p jsonb) RETURNS tsquery
LANGUAGE plpgsql STABLE AS $$
DECLARE
	groups	jsonb;
	g	jsonb;
	nxt	jsonb;
	t	jsonb;
	res	tsquery;
	gq	tsquery;
	tq	tsquery;
	i	integer;
	n	integer;
	pair	text;
BEGIN
	IF p IS NULL OR jsonb_typeof(p) <> 'object' THEN
		RETURN ''::tsquery;
	END IF;
	groups := coalesce(p -> 'all', '[]');
	IF jsonb_typeof(groups) <> 'array' THEN
		RETURN ''::tsquery;
	END IF;
	n := jsonb_array_length(groups);
	i := 0;
	WHILE i < n LOOP
		g := groups -> i;
		gq := NULL;
		IF jsonb_typeof(g) = 'array' THEN
			FOR t IN SELECT * FROM jsonb_array_elements(g) LOOP
				tq := search_term(t ->> 't');
				IF numnode(tq) > 0 THEN
					gq := CASE WHEN gq IS NULL THEN tq
					    ELSE gq || tq END;
				END IF;
			END LOOP;
		END IF;
		-- A pair of single unquoted words that is a synonym.
		nxt := groups -> (i + 1);
		IF gq IS NOT NULL AND jsonb_typeof(g) = 'array'
		    AND jsonb_array_length(g) = 1
		    AND (g -> 0 -> 'p') IS DISTINCT FROM 'true'::jsonb
		    AND jsonb_typeof(nxt) = 'array'
		    AND jsonb_array_length(nxt) = 1
		    AND (nxt -> 0 -> 'p') IS DISTINCT FROM 'true'::jsonb THEN
			pair := concat_ws(' ', g -> 0 ->> 't', nxt -> 0 ->> 't');
			IF search_is_synonym(pair) THEN
				tq := search_term(nxt -> 0 ->> 't');
				IF numnode(tq) > 0 THEN
					gq := (gq && tq) || search_term(pair);
				END IF;
				i := i + 1;
			END IF;
		END IF;
		IF gq IS NOT NULL THEN
			res := CASE WHEN res IS NULL THEN gq ELSE res && gq END;
		END IF;
		i := i + 1;
	END LOOP;
	IF res IS NULL THEN
		RETURN ''::tsquery;
	END IF;
	IF jsonb_typeof(p -> 'not') = 'array' THEN
		FOR t IN SELECT * FROM jsonb_array_elements(p -> 'not') LOOP
			tq := search_term(t ->> 't');
			IF numnode(tq) > 0 THEN
				res := res && !! tq;
			END IF;
		END LOOP;
	END IF;
	RETURN res;
END $$;

/*
 * "Did you mean": for each word of words, the closest known word
 * (trigram similarity against the public vocabulary and the synonym
 * terms), or NULL when the word is known or nothing is close enough.
 * The result has the length of words.
 */
CREATE FUNCTION search_suggest(words text[]) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
	w	text;
	k	text;
	best	text;
	res	text[] := '{}';
BEGIN
	FOREACH w IN ARRAY coalesce(words, '{}') LOOP
		k := lower(unaccent(coalesce(w, '')));
		best := NULL;
		IF length(k) >= 3 AND NOT EXISTS (SELECT 1 FROM search_word
		    WHERE word = k) AND NOT EXISTS (SELECT 1 FROM search_synonym
		    WHERE lower(unaccent(term)) = k) THEN
			SELECT c.word INTO best FROM (
			    SELECT sw.word, similarity(sw.word, k) AS sim, sw.docs
			    FROM search_word sw WHERE sw.word % k
			    UNION ALL
			    SELECT lower(unaccent(s.term)),
			        similarity(lower(unaccent(s.term)), k), 1
			    FROM search_synonym s WHERE lower(unaccent(s.term)) % k) c
			ORDER BY c.sim DESC, c.docs DESC, c.word LIMIT 1;
		END IF;
		res := res || best;
	END LOOP;
	RETURN res;
END $$;

-- Visitors' search pages are cached per worker at the content
-- generation (web/search_cache.c): every change to what a search shows
-- moves it.
CREATE TRIGGER search_doc_gen AFTER INSERT OR UPDATE OR DELETE
	ON search_doc FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER search_synonym_gen AFTER INSERT OR UPDATE OR DELETE
	ON search_synonym FOR EACH STATEMENT
	EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER search_synonym_group_gen AFTER INSERT OR UPDATE OR DELETE
	ON search_synonym_group FOR EACH STATEMENT
	EXECUTE FUNCTION content_gen_bump();

-- Fill search_doc from what exists (this migration, and a rebuild).
CREATE FUNCTION search_rebuild() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	r	record;
BEGIN
	DELETE FROM search_doc;
	FOR r IN SELECT 'item' AS s, id FROM item
	    UNION ALL SELECT 'les', id FROM lesson
	    UNION ALL SELECT 'gesprek', id FROM topic
	    UNION ALL SELECT 'gemeenschap', id FROM community
	    UNION ALL SELECT 'thema', id FROM theme
	    UNION ALL SELECT 'opgave', id FROM change_goal
	    UNION ALL SELECT 'pagina', id FROM page LOOP
		PERFORM search_refresh(r.s, r.id);
	END LOOP;
	RETURN (SELECT count(*) FROM search_doc);
END $$;

SELECT search_rebuild();
