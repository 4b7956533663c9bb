-- Foundation schema: the content every kind shares, themes, change goals,
-- static pages and communities. Later migrations add per-kind tables.
-- Slugs: lowercase a-z, 0-9, single hyphens (the same rule as path.c).

CREATE DOMAIN slug AS text
	CHECK (VALUE ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(VALUE) <= 120);

CREATE TABLE theme (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug		slug NOT NULL UNIQUE,
	title		text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	summary		text NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
	body_md		text NOT NULL DEFAULT '',
	body_html	text NOT NULL DEFAULT '',
	position	integer NOT NULL DEFAULT 0,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	search		tsvector GENERATED ALWAYS AS (
	    setweight(to_tsvector('dutch', title), 'A') ||
	    setweight(to_tsvector('dutch', summary), 'B') ||
	    to_tsvector('dutch', body_md)) STORED
);
CREATE INDEX theme_search ON theme USING gin (search);

-- Every content item (article, pilot, mastermind record, story,
-- resource). Kind-specific fields live in tables of their own.
CREATE TABLE item (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind		text NOT NULL CHECK (kind IN
			    ('artikel', 'pilot', 'mastermind', 'verhaal', 'bron')),
	slug		slug NOT NULL,
	title		text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	summary		text NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
	body_md		text NOT NULL DEFAULT '' CHECK (length(body_md) <= 262144),
	body_html	text NOT NULL DEFAULT '',
	status		text NOT NULL DEFAULT 'concept' CHECK (status IN
			    ('concept', 'ter_review', 'gepubliceerd', 'gearchiveerd')),
	visibility	text NOT NULL DEFAULT 'openbaar' CHECK (visibility IN
			    ('openbaar', 'leden', 'besloten')),
	revision	integer NOT NULL DEFAULT 1,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	published_at	timestamptz,
	search		tsvector GENERATED ALWAYS AS (
	    setweight(to_tsvector('dutch', title), 'A') ||
	    setweight(to_tsvector('dutch', summary), 'B') ||
	    to_tsvector('dutch', body_md)) STORED,
	UNIQUE (kind, slug),
	CHECK (status <> 'gepubliceerd' OR published_at IS NOT NULL)
);
-- The public lists: newest published public items per kind.
CREATE INDEX item_public ON item (kind, published_at DESC)
	WHERE status = 'gepubliceerd' AND visibility = 'openbaar';
CREATE INDEX item_search ON item USING gin (search);

CREATE TABLE item_theme (
	item_id		bigint NOT NULL REFERENCES item ON DELETE CASCADE,
	theme_id	bigint NOT NULL REFERENCES theme ON DELETE CASCADE,
	PRIMARY KEY (item_id, theme_id)
);
CREATE INDEX item_theme_theme ON item_theme (theme_id);

-- The programme's change goals (veranderopgaven): two fast, the rest
-- long-term. Indicators and values follow with the monitor issue.
CREATE TABLE change_goal (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug		slug NOT NULL UNIQUE,
	title		text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	summary		text NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
	pace		text NOT NULL CHECK (pace IN ('snel', 'lang')),
	position	integer NOT NULL DEFAULT 0,
	theme_id	bigint REFERENCES theme ON DELETE SET NULL,
	body_md		text NOT NULL DEFAULT '',
	body_html	text NOT NULL DEFAULT '',
	updated_at	timestamptz NOT NULL DEFAULT now(),
	search		tsvector GENERATED ALWAYS AS (
	    setweight(to_tsvector('dutch', title), 'A') ||
	    setweight(to_tsvector('dutch', summary), 'B') ||
	    to_tsvector('dutch', body_md)) STORED
);
CREATE INDEX change_goal_search ON change_goal USING gin (search);

-- Static pages (over, toegankelijkheid, privacy), one row per language.
CREATE TABLE page (
	slug		slug NOT NULL,
	lang		text NOT NULL CHECK (lang IN ('nl', 'en')),
	title		text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	summary		text NOT NULL DEFAULT '',
	body_md		text NOT NULL DEFAULT '',
	body_html	text NOT NULL DEFAULT '',
	updated_at	timestamptz NOT NULL DEFAULT now(),
	search		tsvector GENERATED ALWAYS AS (
	    setweight(to_tsvector(CASE lang WHEN 'en' THEN 'english'::regconfig
	        ELSE 'dutch'::regconfig END, title), 'A') ||
	    to_tsvector(CASE lang WHEN 'en' THEN 'english'::regconfig
	        ELSE 'dutch'::regconfig END, body_md)) STORED,
	PRIMARY KEY (slug, lang)
);
CREATE INDEX page_search ON page USING gin (search);

-- Communities of practice. Members and roles come with the accounts.
CREATE TABLE community (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug		slug NOT NULL UNIQUE,
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	summary		text NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
	visibility	text NOT NULL DEFAULT 'openbaar' CHECK (visibility IN
			    ('openbaar', 'leden', 'besloten')),
	membership	text NOT NULL DEFAULT 'open' CHECK (membership IN
			    ('open', 'aanvraag', 'uitnodiging')),
	created_at	timestamptz NOT NULL DEFAULT now()
);
