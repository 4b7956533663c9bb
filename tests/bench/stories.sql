-- `make bench`: 2,000 published stories for the /verhalen list and the
-- story page (tests/bench/stories.sh). Deterministic: every field
-- follows from the story's number n. A third carry warnings (n % 3 = 1:
-- one or two of the seven codes), one in ten has the members-only scope,
-- the rest openbaar or citeren; each has a theme, a pseudonym of its own
-- and a consent row given by 'systeem'. Owned by nobody (the importer's),
-- published a few hours apart. Rows go in directly (not through
-- story_save()): the bench measures reading.

-- Every row also runs the search triggers (sql/010_search.sql): more
-- than the app's 5 s statement_timeout for this bulk load.
SET statement_timeout = 0;
BEGIN;
SET LOCAL bron.importer = 'on';

CREATE TEMP TABLE bv ON COMMIT DROP AS
SELECT n, 'bench-verhaal-' || n AS slug,
    timestamptz '2021-01-01' + n * interval '11 hours' AS at,
    CASE WHEN n % 3 = 1 AND n % 2 = 0 THEN ARRAY[
	(ARRAY['separatie', 'suicide', 'geweld', 'zelfbeschadiging',
	'verlies'])[1 + (n / 3) % 5], (ARRAY['fixatie', 'verlies',
	'misbruik', 'separatie', 'geweld'])[1 + (n / 3) % 5]]
    WHEN n % 3 = 1 THEN ARRAY[(ARRAY['separatie', 'suicide', 'geweld',
	'zelfbeschadiging', 'verlies'])[1 + (n / 3) % 5]]
    ELSE '{}'::text[] END AS warnings,
    CASE WHEN n % 10 = 5 THEN 'leden' WHEN n % 4 = 0 THEN 'citeren'
    ELSE 'openbaar' END AS scope
FROM generate_series(1, 2000) n;

INSERT INTO item (kind, slug, title, summary, body_md, body_html, words,
    status, published_at, updated_at)
SELECT 'verhaal', bv.slug,
    'Benchverhaal ' || bv.n || ': ' || (ARRAY['mijn eerste week',
    'wat hielp', 'thuis komen', 'niemand luisterde', 'mijn mentor'])
    [1 + bv.n % 5],
    'Een verhaal om de lijst en de verhaalpagina te meten, nummer '
    || bv.n || '.',
    repeat('Ik vertel hoe het was en wat me hielp. ', 30) || E'\n\n'
    || repeat('Daarna ging het langzaam beter. ', 30),
    '<p>' || repeat('Ik vertel hoe het was en wat me hielp. ', 30)
    || '</p><p>' || repeat('Daarna ging het langzaam beter. ', 30)
    || '</p>', 420, 'gepubliceerd', bv.at, bv.at
FROM bv;

INSERT INTO story (item_id, pseudonym, warnings, checklist, state, scope,
    reviewed_rev, submitted_at)
SELECT i.id, 'Benchverteller ' || (bv.n % 97), bv.warnings,
    ARRAY['namen', 'plaatsen', 'fotos'], 'gepubliceerd', bv.scope, 1,
    bv.at - interval '2 days'
FROM bv JOIN item i ON i.kind = 'verhaal' AND i.slug = bv.slug;

INSERT INTO story_consent (item_id, event, scope, text_version, by_whom,
    at)
SELECT i.id, 'gegeven', bv.scope, '2026-11-a', 'systeem',
    bv.at - interval '2 days'
FROM bv JOIN item i ON i.kind = 'verhaal' AND i.slug = bv.slug;

INSERT INTO item_revision (item_id, rev, title, summary, body_md, fields,
    created_at)
SELECT i.id, 1, i.title, i.summary, i.body_md,
    jsonb_build_object('pseudonym', s.pseudonym, 'warnings',
    to_jsonb(s.warnings)), i.updated_at
FROM bv JOIN item i ON i.kind = 'verhaal' AND i.slug = bv.slug
JOIN story s ON s.item_id = i.id;

INSERT INTO item_theme (item_id, theme_id)
SELECT i.id, t.a[1 + bv.n % cardinality(t.a)]
FROM bv JOIN item i ON i.kind = 'verhaal' AND i.slug = bv.slug,
    (SELECT array_agg(id ORDER BY id) AS a FROM theme) t;

-- The insert trigger made every story 'leden'; now their scopes count.
UPDATE item SET visibility = story_visibility(id)
WHERE kind = 'verhaal' AND slug LIKE 'bench-verhaal-%';

DO $$ BEGIN
	IF (SELECT count(*) FROM item WHERE kind = 'verhaal'
	    AND slug LIKE 'bench-verhaal-%' AND visibility = 'openbaar')
	    <> 1800 THEN
		RAISE EXCEPTION 'bench stories: scopes not applied';
	END IF;
	IF NOT (SELECT story_may_read(id, NULL) AND story_needs_help(id)
	    IS NOT NULL AND item_warnings(id) <> '' FROM item
	    WHERE kind = 'verhaal' AND slug = 'bench-verhaal-1000') THEN
		RAISE EXCEPTION 'bench-verhaal-1000 is no public warned story';
	END IF;
END $$;

COMMIT;
ANALYZE item;
ANALYZE story;
ANALYZE story_consent;
ANALYZE item_theme;
