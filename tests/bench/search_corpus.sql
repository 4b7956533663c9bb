-- `make bench` (tests/bench/search.sh): 100,000 published items of
-- about 800 Dutch words each for /zoeken. Deterministic: every choice
-- comes from hashint8extended() of the item's number (PostgreSQL's hash
-- functions are stable, hash partitioning relies on it), so every run
-- builds the same corpus.
--
-- Words: a fixed vocabulary of 153 everyday Dutch words (most common
-- first) and 1,639 compounds of 41 first and 40 second parts, drawn
-- with a Zipf-like spread (rank r = floor(V^u), u uniform: P(r) ~ 1/r)
-- into 8,192 sentences of 16 words; an item's body is 50 of them in 10
-- paragraphs. Marked words, absent from the vocabulary, make the
-- bench's queries:
--   gezinshuis           items n % 3 = 0 (33,333; 1 to 4 times in the
--                        body, also in the title when n % 60 = 0 and in
--                        the summary when n % 9 = 0)
--   kwartiermaker        items n % 1000 = 507 (100; in the title when
--                        n % 10000 = 507)
--   "ambulante spoedhulp" items n % 100 = 37 (1,000) as a phrase; in
--                        n % 100 = 57 both words but apart; "ambulante"
--                        alone when n % 10 = 1, "spoedhulp" when
--                        n % 10 = 2
-- From a hash of n, apart from those words: kinds artikel 50 %, pilot
-- 30 % (with a region), bron 20 %; one or two themes each; 3 % of all
-- items in the members-only seed community (found only by its
-- members), 10 % of the articles in one of the two public ones.
-- Published 2015-2025.
--
-- Rows go straight into the tables with the search triggers off; then
-- search_doc is filled in one statement from search_src_item() (what
-- the triggers would write), the vocabulary of did-you-mean in one
-- more, and the RUM index is built once at the end. psql variables:
-- step=pre|part|post|index|all (default all), items=N (default 100000), and
-- part=k parts=p: load the items n with n % p = k, so p sessions can
-- load at once between one "pre" and one "post" (search.sh runs two).
\set ON_ERROR_STOP 1
-- The loading statements run for minutes (BRON_DATABASE_URL allows 5 s).
SET statement_timeout = 0;
\if :{?items}
\else
\set items 100000
\endif
\if :{?parts}
\else
\set parts 1
\set part 0
\endif
\if :{?step}
\else
\set step all
\endif
SELECT :'step' IN ('pre', 'all') AS do_pre,
    :'step' IN ('part', 'all') AS do_part,
    :'step' IN ('post', 'all') AS do_post,
    :'step' IN ('index', 'all') AS do_index \gset

\if :do_pre
-- The per-row search triggers and the statement-level cache bumps (one
-- row in content_gen: parallel parts would wait on each other) are off
-- while the parts load; "post" turns them on again and bumps once.
ALTER TABLE item DISABLE TRIGGER item_search;
ALTER TABLE item DISABLE TRIGGER item_gen;
ALTER TABLE item_theme DISABLE TRIGGER item_theme_search;
ALTER TABLE item_theme DISABLE TRIGGER item_theme_gen;
ALTER TABLE pilot DISABLE TRIGGER pilot_search;
ALTER TABLE pilot DISABLE TRIGGER pilot_gen;
ALTER TABLE search_doc DISABLE TRIGGER search_doc_words;
-- Built once over the whole corpus in "post".
DROP INDEX search_doc_tsv;
\endif

\if :do_part
BEGIN;
SET LOCAL bron.importer = 'on';
SET LOCAL work_mem = '64MB';

-- Uniform [0, 1) from (n, k) in stream s.
CREATE FUNCTION pg_temp.u(n bigint, k bigint, s bigint) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT ((hashint8extended(n * 1024 + k, s) & 2147483647)::float8
	    / 2147483648.0)
$$;

CREATE TEMP TABLE bv (r integer PRIMARY KEY, w text NOT NULL)
    ON COMMIT DROP;
INSERT INTO bv
SELECT o, w FROM unnest(string_to_array(
    'de het een en van in is dat op te met voor niet zijn er aan om ook '
    'als bij of door maar dan nog wel naar uit over wat we ze je hij zij '
    'die dit kan worden werd moet meer geen heel veel goed zo al tot '
    'omdat hoe waar wie wordt hebben had heeft gaan gaat komt doen samen '
    'altijd vaak soms echt eigen andere nieuwe eerste grote kleine '
    'jongeren jongere ouders kinderen kind gezin gezinnen school zorg '
    'hulp jeugdzorg jeugdhulp begeleider begeleiders professionals team '
    'gemeente gemeenten wijk thuis groep plek plekken tijd jaar jaren '
    'week dag gesprek gesprekken afspraken plan plannen aanpak werken '
    'werkt samenwerking regio zorgaanbieder behandeling verblijf opname '
    'veiligheid vertrouwen rust structuur ruimte contact netwerk leven '
    'dagbesteding onderwijs werk toekomst ervaring ervaringen verhaal '
    'verhalen vragen vraag antwoord beslissing keuze keuzes steun '
    'aandacht zorgen probleem problemen oplossing oplossingen doel doelen '
    'resultaat resultaten verandering stappen stap mentor '
    'pleegouders leerplicht', ' ')) WITH ORDINALITY AS t(w, o);
INSERT INTO bv
SELECT (SELECT max(r) FROM bv)
    + row_number() OVER (ORDER BY hashtext(a || b), a, b), a || b
FROM unnest(string_to_array('jeugd gezins zorg school wijk team groeps '
    'leef werk hulp woon crisis behandel ouder buurt vak klas sport '
    'muziek natuur taal regel stage leer vrije zomer avond nacht '
    'vervoer geld huur voedsel slaap sociaal praat zelf doe kern vrijwilligers '
    'oefen speel', ' ')) a,
    unnest(string_to_array('plan gesprek team huis groep moment vraag '
    'ruimte aanpak kader traject overleg coach werker kring dag week '
    'ritme doel netwerk budget locatie tafel lijn punt boek verslag '
    'route regeling afspraak signaal bezoek kamer middag programma '
    'opdracht check les reis verhaal', ' ')) b
WHERE a || b NOT IN ('gezinshuis', 'kwartiermaker', 'ambulante',
    'spoedhulp');

-- 8,192 sentences of 16 words, the first capitalised.
CREATE TEMP TABLE bs (id integer PRIMARY KEY, txt text NOT NULL)
    ON COMMIT DROP;
INSERT INTO bs
SELECT s, initcap(left(x.t, 1)) || substr(x.t, 2) || '.'
FROM generate_series(0, 8191) s, LATERAL (SELECT string_agg(bv.w, ' '
    ORDER BY k) AS t FROM generate_series(0, 15) k
    JOIN bv ON bv.r = 1 + floor(exp(pg_temp.u(s, k, 1)
    * ln((SELECT max(r) FROM bv)::float8)))::integer) x;
ANALYZE bs;

-- Title and summary words: past the most common 100 ranks.
CREATE TEMP TABLE bw (r integer PRIMARY KEY, w text NOT NULL)
    ON COMMIT DROP;
INSERT INTO bw SELECT r - 100, w FROM bv WHERE r > 100;

-- h: the item's own hash, for kind, themes, region and community (apart
-- from the marked words, which follow n).
CREATE TEMP TABLE bi ON COMMIT DROP AS
SELECT n, h, 'bench-zoek-' || n AS slug,
    CASE WHEN h % 10 < 5 THEN 'artikel' WHEN h % 10 < 8 THEN 'pilot'
    ELSE 'bron' END AS kind,
    timestamptz '2015-01-01' + (n * 7919 % 4000) * interval '1 day'
    + n % 86400 * interval '1 second' AS at
FROM generate_series(1, :items) n,
    LATERAL (SELECT hashint8extended(n, 7) & 2147483647 AS h) x
WHERE n % :parts = :part;

INSERT INTO item (kind, slug, title, summary, body_md, body_html, words,
    status, published_at, updated_at, community_id)
SELECT bi.kind, bi.slug,
    initcap((SELECT string_agg(bw.w, ' ' ORDER BY k)
        FROM generate_series(0, 3 + bi.n % 3) k JOIN bw ON bw.r = 1
        + floor(pg_temp.u(bi.n, k, 2) * 1600)::integer))
    || CASE WHEN bi.n % 60 = 0 THEN ' in het gezinshuis' ELSE '' END
    || CASE WHEN bi.n % 10000 = 507 THEN ' met een kwartiermaker'
        ELSE '' END || ' ' || bi.n,
    'Over ' || (SELECT string_agg(bw.w, ' ' ORDER BY k)
        FROM generate_series(0, 11) k JOIN bw ON bw.r = 1
        + floor(exp(pg_temp.u(bi.n, k, 3) * ln(1600.0)))::integer)
    || CASE WHEN bi.n % 9 = 0 THEN ', en wat het gezinshuis deed'
        ELSE '' END || '.',
    '',
    (SELECT '<p>' || string_agg(x.t || CASE WHEN x.o = floor(x.o)
        AND x.o::integer % 5 = 4 AND x.o < 49 THEN E'</p>\n<p>' ELSE ' ' END,
        '' ORDER BY x.o) || '</p>'
    FROM (SELECT j::float8 AS o, bs.txt AS t
        FROM generate_series(0, 49) j
        JOIN bs ON bs.id = (hashint8extended(bi.n * 64 + j, 4) & 8191)
        UNION ALL
        SELECT (hashint8extended(bi.n * 8 + k, 5) & 2147483647) % 49
            + 0.5 + k / 100.0,
            (ARRAY['Het gezinshuis bood rust en een vaste plek.',
            'In het gezinshuis woonden drie jongeren mee.',
            'De ouders van het gezinshuis kregen steun van een coach.',
            'Na een jaar in het gezinshuis ging ze weer naar school.'])
            [1 + k]
        FROM generate_series(0, (bi.n / 3) % 4) k WHERE bi.n % 3 = 0
        UNION ALL
        SELECT 20.5, 'Een kwartiermaker zette de eerste stappen met de '
            || 'gemeente.' WHERE bi.n % 1000 = 507
        UNION ALL
        SELECT 30.5, 'Ambulante spoedhulp was binnen een dag thuis.'
        WHERE bi.n % 100 = 37
        UNION ALL
        SELECT 10.5, 'Ambulante begeleiding hielp het gezin.'
        WHERE bi.n % 100 = 57 OR bi.n % 10 = 1
        UNION ALL
        SELECT 40.5, 'Er kwam spoedhulp van de crisisdienst.'
        WHERE bi.n % 100 = 57 OR bi.n % 10 = 2) x),
    800, 'gepubliceerd', bi.at, bi.at,
    CASE WHEN bi.h / 10 % 100 < 3 THEN (SELECT id FROM community
        WHERE slug = 'mastermind-gedragswetenschappers')
    WHEN bi.kind = 'artikel' AND bi.h / 10 % 100 < 13 THEN (SELECT id
        FROM community WHERE slug = CASE WHEN bi.h / 1000 % 2 = 0
        THEN 'kennisnetwerk-kleinschaligheid'
        ELSE 'stoppen-met-gedwongen-afzondering' END) END
FROM bi;

INSERT INTO pilot (item_id, region, target_group, phase, partners)
SELECT i.id, r.a[1 + bi.h / 1000 % cardinality(r.a)],
    'Jongeren en gezinnen',
    'lopend', ARRAY['Gemeente ' || bi.n % 40]
FROM bi JOIN item i ON i.kind = 'pilot' AND i.slug = bi.slug,
    (SELECT array_agg(slug::text ORDER BY position) AS a FROM region) r
WHERE bi.kind = 'pilot';

INSERT INTO item_theme (item_id, theme_id)
SELECT DISTINCT i.id, t.a[1 + (bi.h / 100000 + k * (1 + bi.h % 7))
    % cardinality(t.a)]
FROM bi JOIN item i ON i.kind = bi.kind AND i.slug = bi.slug,
    (SELECT array_agg(id ORDER BY position, id) AS a FROM theme) t,
    generate_series(0, (bi.h / 10000 % 2)::integer) k;

-- search_doc from the sources, as the triggers would have written it.
INSERT INTO search_doc (src, src_id, kind, lang, path, title, title_key,
    summary, body, warnings, themes, community_id, region, year,
    published_at, public, members, tsv)
SELECT d.src, d.src_id, d.kind, d.lang, d.path, d.title, d.title_key,
    d.summary, d.body, d.warnings, d.themes, d.community_id, d.region,
    d.year, d.published_at, d.public, d.members, d.tsv
FROM bi JOIN item i ON i.kind = bi.kind AND i.slug = bi.slug,
    LATERAL search_src_item(i.id) d;

COMMIT;
\endif

\if :do_post
BEGIN;
-- The did-you-mean vocabulary, as search_word_sync() would count it.
INSERT INTO search_word (word, docs)
SELECT w, count(*) FROM search_doc d JOIN item i ON d.src = 'item'
    AND i.id = d.src_id AND i.slug LIKE 'bench-zoek-%',
    search_words(d.title || ' ' || d.summary) w
WHERE d.public GROUP BY w
ON CONFLICT (word) DO UPDATE SET docs = search_word.docs + EXCLUDED.docs;
ALTER TABLE item ENABLE TRIGGER item_search;
ALTER TABLE item ENABLE TRIGGER item_gen;
ALTER TABLE item_theme ENABLE TRIGGER item_theme_search;
ALTER TABLE item_theme ENABLE TRIGGER item_theme_gen;
ALTER TABLE pilot ENABLE TRIGGER pilot_search;
ALTER TABLE pilot ENABLE TRIGGER pilot_gen;
ALTER TABLE search_doc ENABLE TRIGGER search_doc_words;
UPDATE content_gen SET n = n + 1;
COMMIT;
\endif

\if :do_index
SET maintenance_work_mem = '256MB';
CREATE INDEX search_doc_tsv ON search_doc USING rum (tsv rum_tsvector_ops);
VACUUM ANALYZE search_doc;
VACUUM ANALYZE item;
\endif
