-- `make bench`: one public mastermind series with 50 sessions and 300
-- actions for the series page and a session page
-- (tests/bench/masterminds.sh). Deterministic: every field follows from
-- the session's number n and the action's position k. Sessions are two
-- weeks apart; the first 45 are past and final, the last 5 upcoming
-- concepts. Each has eight participants (external names) and six
-- actions: most made in a session are closed in the next one, every
-- third session's fifth is dropped, the rest stay open (and many are
-- overdue), so the "open actions" lists carry over a long tail. Rows go
-- in directly (not through the save functions): the bench measures
-- reading.

-- Every row also runs the search triggers (sql/010_search.sql): more
-- than the app's 5 s statement_timeout for this bulk load.
SET statement_timeout = 0;
BEGIN;

INSERT INTO mm_series (slug, name, purpose_md, purpose_html, amend_days)
VALUES ('bench-mastermind', 'Benchmastermind',
    'Een serie om de seriepagina te meten.',
    '<p>Een serie om de seriepagina te meten.</p>', 7);

CREATE TEMP TABLE bs ON COMMIT DROP AS
SELECT n, 'bench-sessie-' || n AS slug,
    date_trunc('day', now()) + ((n - 46) * 14) * interval '1 day'
    + interval '14 hours' AS starts_at
FROM generate_series(1, 50) n;

INSERT INTO item (kind, slug, title, summary, body_md, body_html, words,
    status, published_at, updated_at)
SELECT 'mastermind', bs.slug, 'Benchsessie ' || bs.n || ': '
    || (ARRAY['rol in het team', 'afzondering voorkomen',
    'samen met ouders', 'zorg voor jezelf', 'de bedoeling'])[1 + bs.n % 5],
    'Een sessie om de sessiepagina te meten, nummer ' || bs.n || '.',
    'Wat we leerden, in een paar zinnen. ' || repeat('Inzicht. ', 40),
    '<p>Wat we leerden, in een paar zinnen. ' || repeat('Inzicht. ', 40)
    || '</p>', 47,
    CASE WHEN bs.n <= 45 THEN 'gepubliceerd' ELSE 'concept' END,
    CASE WHEN bs.n <= 45 THEN bs.starts_at + interval '8 days' END,
    bs.starts_at + interval '8 days'
FROM bs;

INSERT INTO mm_session (item_id, series_id, starts_at, duration_min,
    location, case_md, case_html, agreements_md, agreements_html, state,
    amend_until, final_at)
SELECT i.id, s.id, bs.starts_at, 90, 'Online',
    'De vraag van sessie ' || bs.n || '.',
    '<p>De vraag van sessie ' || bs.n || '.</p>',
    'Wat we afspraken in sessie ' || bs.n || '.',
    '<p>Wat we afspraken in sessie ' || bs.n || '.</p>',
    CASE WHEN bs.n <= 45 THEN 'definitief' ELSE 'concept' END,
    CASE WHEN bs.n <= 45 THEN bs.starts_at + interval '7 days' END,
    CASE WHEN bs.n <= 45 THEN bs.starts_at + interval '8 days' END
FROM bs JOIN item i ON i.kind = 'mastermind' AND i.slug = bs.slug,
    mm_series s WHERE s.slug = 'bench-mastermind';

INSERT INTO mm_participant (session_id, position, name, role)
SELECT i.id, k, 'Deelnemer ' || ((bs.n + k) % 12 + 1),
    (ARRAY['gedragswetenschapper', 'teamleider', ''])[1 + k % 3]
FROM bs JOIN item i ON i.kind = 'mastermind' AND i.slug = bs.slug,
    generate_series(1, 8) k;

INSERT INTO mm_action (session_id, position, what, owner_name, due_on,
    status, note, closed_at, closed_in)
SELECT i.id, k, 'Actie ' || k || ' uit sessie ' || bs.n
    || ': iets uitzoeken en terugkoppelen',
    CASE WHEN k % 2 = 0 THEN 'Deelnemer ' || ((bs.n + k) % 12 + 1) END,
    (bs.starts_at + interval '14 days')::date,
    x.status, CASE WHEN x.status = 'gedaan' THEN 'Gedaan en besproken.'
    ELSE '' END,
    CASE WHEN x.status <> 'open' THEN nx.starts_at END,
    CASE WHEN x.status = 'gedaan' THEN nx.item_id END
FROM bs JOIN item i ON i.kind = 'mastermind' AND i.slug = bs.slug
CROSS JOIN generate_series(1, 6) k
LEFT JOIN bs b2 ON b2.n = bs.n + 1
LEFT JOIN item i2 ON i2.kind = 'mastermind' AND i2.slug = b2.slug
LEFT JOIN mm_session nx ON nx.item_id = i2.id
CROSS JOIN LATERAL (SELECT CASE
    WHEN bs.n <= 44 AND k <= 4 THEN 'gedaan'
    WHEN bs.n <= 44 AND k = 5 AND bs.n % 3 = 0 THEN 'vervallen'
    ELSE 'open' END AS status) x;

COMMIT;
ANALYZE mm_series;
ANALYZE mm_session;
ANALYZE mm_participant;
ANALYZE mm_action;
