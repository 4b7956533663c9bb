-- `make bench`: 2,000 published public pilots for the overview's facets
-- and the pilot page (tests/bench/pilots.sh). Deterministic: every field
-- follows from the pilot's number n, spread over every region, setting,
-- phase, project and theme, with start years 2015-2024, half of them
-- ended, two figures, a timeline of two phases and two lessons each.
-- Rows go in directly (not through pilot_save()): the bench measures
-- reading, and 2,000 calls would only slow the set-up.

-- Every row also runs the search triggers (sql/010_search.sql): more
-- than the app's 5 s statement_timeout for this bulk load.
SET statement_timeout = 0;
BEGIN;

CREATE TEMP TABLE bp ON COMMIT DROP AS
SELECT n, 'bench-pilot-' || n AS slug,
    date '2015-01-01' + ((n * 37) % 3650) AS start_on
FROM generate_series(1, 2000) n;

INSERT INTO item (kind, slug, title, summary, body_md, body_html, words,
    status, published_at, updated_at)
SELECT 'pilot', bp.slug,
    'Benchpilot ' || bp.n || ': ' || (ARRAY['thuis wonen', 'kleine groep',
    'samen met school', 'gezin centraal', 'snel hulp'])[1 + bp.n % 5],
    'Een pilot om de overzichtspagina te meten, nummer ' || bp.n || '.',
    'Wat we deden, in een paar zinnen.',
    '<p>Wat we deden, in een paar zinnen.</p>', 7, 'gepubliceerd',
    timestamptz '2020-01-01' + bp.n * interval '13 hours',
    timestamptz '2020-01-01' + bp.n * interval '13 hours'
FROM bp;

INSERT INTO pilot (item_id, region, setting, project_id, target_group,
    age_min, age_max, phase, start_on, end_on, partners, problem_md,
    problem_html, approach_md, approach_html, results_md, results_html,
    conditions_md, conditions_html)
SELECT i.id, r.a[1 + bp.n % cardinality(r.a)],
    s.a[1 + (bp.n / 7) % cardinality(s.a)],
    CASE WHEN bp.n % 3 <> 0 THEN g.a[1 + bp.n % cardinality(g.a)] END,
    'Jongeren en hun gezinnen', 12 + bp.n % 4, 18 + bp.n % 6,
    (ARRAY['idee', 'voorbereiding', 'lopend', 'geevalueerd',
    'opgeschaald', 'gestopt'])[1 + (bp.n / 3) % 6],
    bp.start_on,
    CASE WHEN bp.n % 2 = 0 THEN bp.start_on + 400 + bp.n % 500 END,
    ARRAY['Gemeente ' || bp.n % 40, 'Zorgaanbieder ' || bp.n % 25],
    'Te veel jongeren gaan ver van huis.',
    '<p>Te veel jongeren gaan ver van huis.</p>',
    'Hulp dichtbij, met het gezin.', '<p>Hulp dichtbij, met het gezin.</p>',
    'Minder plaatsingen.', '<p>Minder plaatsingen.</p>',
    'Een vast team.', '<p>Een vast team.</p>'
FROM bp JOIN item i ON i.kind = 'pilot' AND i.slug = bp.slug,
    (SELECT array_agg(slug::text ORDER BY position) AS a FROM region) r,
    (SELECT array_agg(slug::text ORDER BY position) AS a
	FROM pilot_setting) s,
    (SELECT array_agg(id ORDER BY position) AS a FROM change_goal) g;

INSERT INTO item_theme (item_id, theme_id)
SELECT DISTINCT i.id, t.a[1 + (bp.n + k) % cardinality(t.a)]
FROM bp JOIN item i ON i.kind = 'pilot' AND i.slug = bp.slug,
    (SELECT array_agg(id ORDER BY position, id) AS a FROM theme) t,
    generate_series(0, 1) k;

INSERT INTO pilot_figure (pilot_id, position, label, value, unit)
SELECT i.id, k, (ARRAY['Jongeren thuis gebleven', 'Gezinnen'])[k],
    (bp.n % 90 + k)::numeric, (ARRAY['%', ''])[k]
FROM bp JOIN item i ON i.kind = 'pilot' AND i.slug = bp.slug,
    generate_series(1, 2) k;

INSERT INTO pilot_phase (pilot_id, phase, since, note)
SELECT i.id, (ARRAY['idee', p.phase::text])[k],
    bp.start_on - 90 + (k - 1) * 90, 'Fase ' || k
FROM bp JOIN item i ON i.kind = 'pilot' AND i.slug = bp.slug
JOIN pilot p ON p.item_id = i.id, generate_series(1, 2) k;

INSERT INTO lesson (pilot_id, kind, statement, explanation_md,
    explanation_html, position)
SELECT i.id, (ARRAY['werkte', 'werkte_niet', 'randvoorwaarde',
    'advies'])[1 + (bp.n + k) % 4],
    'Les ' || k || ' van benchpilot ' || bp.n, 'Waarom dit telde.',
    '<p>Waarom dit telde.</p>', k
FROM bp JOIN item i ON i.kind = 'pilot' AND i.slug = bp.slug,
    generate_series(1, 2) k;

COMMIT;
ANALYZE item;
ANALYZE pilot;
ANALYZE item_theme;
ANALYZE lesson;
