-- Pilot case studies (issue 7). A pilot is an item of kind 'pilot'
-- (title, summary, body, themes, community, workflow and revisions come
-- from the content engine of 004) plus the structured fields below;
-- lessons learned are rows of their own under a pilot, each citable as
-- /lessen/{id}.

/* ---------------------------------------------------------------- */
/* Lists kept here                                                   */
/* ---------------------------------------------------------------- */

-- Where a pilot runs: the whole country, a province, or one of the
-- youth-care regions (jeugdregio's) in which municipalities buy youth
-- care together, each under its province. The regions follow the
-- regional division of youth care of the VNG; editors correct this
-- list with a migration.
CREATE TABLE region (
	slug		slug PRIMARY KEY,
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	name_en		text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
	level		text NOT NULL CHECK (level IN
			    ('landelijk', 'provincie', 'jeugdregio')),
	province	slug REFERENCES region,
	position	integer NOT NULL,
	CHECK ((level = 'jeugdregio') = (province IS NOT NULL))
);

INSERT INTO region (slug, name, name_en, level, province, position) VALUES
	('landelijk', 'Landelijk', 'Nationwide', 'landelijk', NULL, 0),
	('groningen', 'Groningen', 'Groningen', 'provincie', NULL, 10),
	('friesland', 'Fryslân', 'Friesland', 'provincie', NULL, 20),
	('drenthe', 'Drenthe', 'Drenthe', 'provincie', NULL, 30),
	('overijssel', 'Overijssel', 'Overijssel', 'provincie', NULL, 40),
	('flevoland', 'Flevoland', 'Flevoland', 'provincie', NULL, 50),
	('gelderland', 'Gelderland', 'Gelderland', 'provincie', NULL, 60),
	('utrecht', 'Utrecht', 'Utrecht', 'provincie', NULL, 70),
	('noord-holland', 'Noord-Holland', 'North Holland', 'provincie',
	    NULL, 80),
	('zuid-holland', 'Zuid-Holland', 'South Holland', 'provincie',
	    NULL, 90),
	('zeeland', 'Zeeland', 'Zeeland', 'provincie', NULL, 100),
	('noord-brabant', 'Noord-Brabant', 'North Brabant', 'provincie',
	    NULL, 110),
	('limburg', 'Limburg', 'Limburg', 'provincie', NULL, 120);

INSERT INTO region (slug, name, name_en, level, province, position)
SELECT r.slug, r.name, r.name, 'jeugdregio', r.province, r.position
FROM (VALUES
	('regio-groningen', 'Regio Groningen', 'groningen', 11),
	('regio-fryslan', 'Regio Fryslân', 'friesland', 21),
	('regio-drenthe', 'Regio Drenthe', 'drenthe', 31),
	('ijsselland', 'IJsselland', 'overijssel', 41),
	('twente', 'Twente', 'overijssel', 42),
	('regio-flevoland', 'Regio Flevoland', 'flevoland', 51),
	('achterhoek', 'Achterhoek', 'gelderland', 61),
	('centraal-gelderland', 'Centraal Gelderland', 'gelderland', 62),
	('foodvalley', 'Foodvalley', 'gelderland', 63),
	('gelderland-zuid', 'Gelderland-Zuid', 'gelderland', 64),
	('midden-ijssel-oost-veluwe', 'Midden-IJssel/Oost-Veluwe',
	    'gelderland', 65),
	('noord-veluwe', 'Noord-Veluwe', 'gelderland', 66),
	('rivierenland', 'Rivierenland', 'gelderland', 67),
	('regio-amersfoort', 'Regio Amersfoort', 'utrecht', 71),
	('lekstroom', 'Lekstroom', 'utrecht', 72),
	('utrecht-stad', 'Utrecht Stad', 'utrecht', 73),
	('utrecht-west', 'Utrecht West', 'utrecht', 74),
	('zuidoost-utrecht', 'Zuidoost-Utrecht', 'utrecht', 75),
	('amsterdam-amstelland', 'Amsterdam-Amstelland', 'noord-holland', 81),
	('gooi-en-vechtstreek', 'Gooi en Vechtstreek', 'noord-holland', 82),
	('ijmond', 'IJmond', 'noord-holland', 83),
	('kennemerland', 'Kennemerland', 'noord-holland', 84),
	('noord-holland-noord', 'Noord-Holland Noord', 'noord-holland', 85),
	('zaanstreek-waterland', 'Zaanstreek-Waterland', 'noord-holland', 86),
	('haaglanden', 'Haaglanden', 'zuid-holland', 91),
	('holland-rijnland', 'Holland Rijnland', 'zuid-holland', 92),
	('midden-holland', 'Midden-Holland', 'zuid-holland', 93),
	('rijnmond', 'Rijnmond', 'zuid-holland', 94),
	('zuid-holland-zuid', 'Zuid-Holland Zuid', 'zuid-holland', 95),
	('regio-zeeland', 'Regio Zeeland', 'zeeland', 101),
	('hart-van-brabant', 'Hart van Brabant', 'noord-brabant', 111),
	('helmond-de-peel', 'Helmond-De Peel', 'noord-brabant', 112),
	('noordoost-brabant', 'Noordoost-Brabant', 'noord-brabant', 113),
	('west-brabant-oost', 'West-Brabant Oost', 'noord-brabant', 114),
	('west-brabant-west', 'West-Brabant West', 'noord-brabant', 115),
	('zuidoost-brabant', 'Zuidoost-Brabant', 'noord-brabant', 116),
	('noord-limburg', 'Noord-Limburg', 'limburg', 121),
	('midden-limburg-oost', 'Midden-Limburg Oost', 'limburg', 122),
	('midden-limburg-west', 'Midden-Limburg West', 'limburg', 123),
	('zuid-limburg', 'Zuid-Limburg', 'limburg', 124)
) AS r (slug, name, province, position);

-- The kind of place where a pilot works.
CREATE TABLE pilot_setting (
	slug		slug PRIMARY KEY,
	name		text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	name_en		text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
	position	integer NOT NULL
);
INSERT INTO pilot_setting (slug, name, name_en, position) VALUES
	('jeugdzorgplus', 'JeugdzorgPlus (gesloten jeugdhulp)',
	    'JeugdzorgPlus (secure youth care)', 10),
	('kleinschalige-voorziening', 'Kleinschalige voorziening',
	    'Small-scale facility', 20),
	('gezinsgericht-alternatief', 'Gezinsgericht alternatief',
	    'Family-centred alternative', 30),
	('gezinshuis-pleegzorg', 'Gezinshuis of pleegzorg',
	    'Family home or foster care', 40),
	('open-residentieel', 'Open residentiële jeugdhulp',
	    'Open residential youth care', 50),
	('ambulant', 'Ambulant', 'Outpatient', 60),
	('wijkteam', 'Wijk- of gebiedsteam', 'Local youth team', 70),
	('onderwijs', 'Onderwijs', 'Education', 80),
	('crisisopvang', 'Crisisopvang', 'Crisis care', 90),
	('anders', 'Anders', 'Other', 100);

-- The phases of a pilot, in order.
CREATE DOMAIN pilot_phase_name AS text CHECK (VALUE IN ('idee',
	'voorbereiding', 'lopend', 'geevalueerd', 'opgeschaald', 'gestopt'));

/* ---------------------------------------------------------------- */
/* Pilots                                                            */
/* ---------------------------------------------------------------- */

-- A pilot's own fields, one row per item of kind 'pilot'. Everything
-- may be empty while it is a concept; pilot_missing() names what must
-- be filled in before it goes to review or is published. The Markdown
-- fields are rendered when saved (md.c), like item.body_html.
CREATE TABLE pilot (
	item_id		bigint PRIMARY KEY REFERENCES item ON DELETE CASCADE,
	region		slug REFERENCES region,
	setting		slug REFERENCES pilot_setting,
	-- The programme project (change agenda) the pilot belongs to.
	project_id	bigint REFERENCES change_goal ON DELETE SET NULL,
	target_group	text NOT NULL DEFAULT ''
	    CHECK (length(target_group) <= 300),
	age_min		smallint CHECK (age_min BETWEEN 0 AND 27),
	age_max		smallint CHECK (age_max BETWEEN 0 AND 27),
	phase		pilot_phase_name,
	start_on	date,
	end_on		date,
	partners	text[] NOT NULL DEFAULT '{}'
	    CHECK (cardinality(partners) <= 30),
	problem_md	text NOT NULL DEFAULT ''
	    CHECK (length(problem_md) <= 65536),
	problem_html	text NOT NULL DEFAULT '',
	approach_md	text NOT NULL DEFAULT ''
	    CHECK (length(approach_md) <= 65536),
	approach_html	text NOT NULL DEFAULT '',
	results_md	text NOT NULL DEFAULT ''
	    CHECK (length(results_md) <= 65536),
	results_html	text NOT NULL DEFAULT '',
	conditions_md	text NOT NULL DEFAULT ''
	    CHECK (length(conditions_md) <= 65536),
	conditions_html	text NOT NULL DEFAULT '',
	-- The contact person: a member, shown (to signed-in people only)
	-- once they agreed; naming yourself is agreeing.
	contact_id	bigint REFERENCES account ON DELETE SET NULL,
	contact_agreed_at timestamptz,
	CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max),
	CHECK (start_on IS NULL OR end_on IS NULL OR start_on <= end_on),
	CHECK (contact_agreed_at IS NULL OR contact_id IS NOT NULL)
);
CREATE INDEX pilot_contact ON pilot (contact_id);

-- Results in figures: "label = value unit", in the author's order.
CREATE TABLE pilot_figure (
	pilot_id	bigint NOT NULL REFERENCES pilot ON DELETE CASCADE,
	position	integer NOT NULL CHECK (position BETWEEN 1 AND 20),
	label		text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
	value		numeric NOT NULL,
	unit		text NOT NULL DEFAULT '' CHECK (length(unit) <= 20),
	PRIMARY KEY (pilot_id, position)
);

-- The timeline: every phase a pilot entered, since when, and why.
CREATE TABLE pilot_phase (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	pilot_id	bigint NOT NULL REFERENCES pilot ON DELETE CASCADE,
	phase		pilot_phase_name NOT NULL,
	since		date NOT NULL,
	note		text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
	recorded_by	bigint REFERENCES account ON DELETE SET NULL,
	recorded_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pilot_phase_pilot ON pilot_phase (pilot_id, since, id);

-- Lessons learned: statements under a pilot, citable by their own
-- path /lessen/{id} (a body linking there is stored in item_ref as
-- kind 'les', slug the id, and shows as "genoemd in" on the lesson).
CREATE TABLE lesson (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	pilot_id	bigint NOT NULL REFERENCES pilot ON DELETE CASCADE,
	kind		text NOT NULL CHECK (kind IN ('werkte', 'werkte_niet',
			    'randvoorwaarde', 'advies')),
	statement	text NOT NULL CHECK (length(statement) BETWEEN 1 AND 300),
	explanation_md	text NOT NULL DEFAULT ''
	    CHECK (length(explanation_md) <= 20000),
	explanation_html text NOT NULL DEFAULT '',
	position	integer NOT NULL,
	revision	integer NOT NULL DEFAULT 1,
	created_by	bigint REFERENCES account ON DELETE SET NULL,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	idem		text UNIQUE CHECK (length(idem) <= 64)
);
CREATE INDEX lesson_pilot ON lesson (pilot_id, position);

-- A revision of a pilot keeps its fields too (pilot_snapshot()), so
-- the history, the diff and a restore cover them.
ALTER TABLE item_revision ADD COLUMN fields jsonb;

CREATE TRIGGER pilot_gen AFTER INSERT OR UPDATE OR DELETE ON pilot
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER pilot_figure_gen AFTER INSERT OR UPDATE OR DELETE
	ON pilot_figure FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER pilot_phase_gen AFTER INSERT OR UPDATE OR DELETE
	ON pilot_phase FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER lesson_gen AFTER INSERT OR UPDATE OR DELETE ON lesson
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();
CREATE TRIGGER item_ref_gen AFTER INSERT OR UPDATE OR DELETE ON item_ref
	FOR EACH STATEMENT EXECUTE FUNCTION content_gen_bump();

-- A pilot's fields as JSON, Markdown sources only (no rendered HTML):
-- the same keys pilot_save() takes in p_fields, so a revision's copy
-- can be put back into the form or restored.
CREATE FUNCTION pilot_snapshot(p_item bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
	SELECT jsonb_build_object(
	    'region', coalesce(p.region, ''),
	    'setting', coalesce(p.setting, ''),
	    'project', coalesce(g.slug, ''),
	    'target_group', p.target_group,
	    'age_min', coalesce(p.age_min::text, ''),
	    'age_max', coalesce(p.age_max::text, ''),
	    'phase', coalesce(p.phase, ''),
	    'start', coalesce(p.start_on::text, ''),
	    'end', coalesce(p.end_on::text, ''),
	    'partners', to_jsonb(p.partners),
	    'problem_md', p.problem_md,
	    'approach_md', p.approach_md,
	    'results_md', p.results_md,
	    'conditions_md', p.conditions_md,
	    'figures', coalesce((SELECT jsonb_agg(jsonb_build_object(
	        'label', f.label, 'value', f.value::text, 'unit', f.unit)
	        ORDER BY f.position) FROM pilot_figure f
	        WHERE f.pilot_id = p.item_id), '[]'::jsonb),
	    'contact', coalesce(c.display_name, ''))
	FROM pilot p
	LEFT JOIN change_goal g ON g.id = p.project_id
	LEFT JOIN account c ON c.id = p.contact_id AND c.deleted_at IS NULL
	WHERE p.item_id = p_item
$$;

-- What a pilot still lacks before review or publication, in form
-- order: region, setting, phase, start, problem, approach. Empty when
-- complete; NULL for an item that is not a pilot.
CREATE FUNCTION pilot_missing(p_item bigint) RETURNS text[]
LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN i.kind <> 'pilot' THEN NULL ELSE array_remove(ARRAY[
	    CASE WHEN p.region IS NULL THEN 'region' END,
	    CASE WHEN p.setting IS NULL THEN 'setting' END,
	    CASE WHEN p.phase IS NULL THEN 'phase' END,
	    CASE WHEN p.start_on IS NULL THEN 'start' END,
	    CASE WHEN btrim(coalesce(p.problem_md, '')) = '' THEN 'problem' END,
	    CASE WHEN btrim(coalesce(p.approach_md, '')) = ''
	        THEN 'approach' END], NULL) END
	FROM item i LEFT JOIN pilot p ON p.item_id = i.id
	WHERE i.id = p_item
$$;

/*
 * Create or update a pilot: item_save() for what every item has, then
 * the pilot's own fields, its figures and (on a new phase) a timeline
 * row, in one statement. p_fields is a JSON object with the keys of
 * pilot_snapshot() plus the rendered HTML of the Markdown fields
 * (problem_html, approach_html, results_html, conditions_html) and, for
 * a phase change, phase_since ('YYYY-MM-DD', default today) and
 * phase_note. Empty strings mean "not filled in". contact is a display
 * name.
 *
 * A value the form cannot produce (unknown region, setting, project or
 * phase; a contact name that is nobody's or more than one active
 * member's) writes nothing and comes back in error: 'region',
 * 'setting', 'project', 'phase', 'contact' (no such member),
 * 'contact_ambiguous'. Otherwise as item_save(): conflict true when
 * p_base_rev is stale (nothing written); raises 42501 / P0002.
 *
 * A new contact other than the actor is asked by a notification
 * ('contact') and shown only after they agree (pilot_contact_answer()).
 */
CREATE FUNCTION pilot_save(p_id bigint, p_base_rev integer,
    p_actor bigint, p_title text, p_summary text, p_body_md text,
    p_body_html text, p_toc_html text, p_words integer, p_note text,
    p_slug text, p_themes text, p_tags text, p_community text,
    p_owner bigint, p_links text, p_related text, p_idem text,
    p_restored integer, p_fields jsonb)
    RETURNS TABLE (id bigint, slug text, revision integer,
    conflict boolean, error text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	f		jsonb := coalesce(p_fields, '{}'::jsonb);
	v_region	text := nullif(btrim(coalesce(f->>'region', '')), '');
	v_setting	text := nullif(btrim(coalesce(f->>'setting', '')), '');
	v_projslug	text := nullif(btrim(coalesce(f->>'project', '')), '');
	v_phase		text := nullif(btrim(coalesce(f->>'phase', '')), '');
	v_cname		text := nullif(btrim(coalesce(f->>'contact', '')), '');
	v_project	bigint;
	v_contact	bigint;
	v_n		integer;
	v_old		pilot%ROWTYPE;
	v_found		boolean;
	v_missing	text[];
	r		record;
BEGIN
	IF v_region IS NOT NULL AND NOT EXISTS
	    (SELECT 1 FROM region x WHERE x.slug = v_region) THEN
		RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::integer,
		    false, 'region'::text;
		RETURN;
	END IF;
	IF v_setting IS NOT NULL AND NOT EXISTS
	    (SELECT 1 FROM pilot_setting x WHERE x.slug = v_setting) THEN
		RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::integer,
		    false, 'setting'::text;
		RETURN;
	END IF;
	IF v_projslug IS NOT NULL THEN
		SELECT g.id INTO v_project FROM change_goal g
		    WHERE g.slug = v_projslug;
		IF NOT FOUND THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false, 'project'::text;
			RETURN;
		END IF;
	END IF;
	IF v_phase IS NOT NULL AND v_phase NOT IN ('idee', 'voorbereiding',
	    'lopend', 'geevalueerd', 'opgeschaald', 'gestopt') THEN
		RETURN QUERY SELECT NULL::bigint, NULL::text, NULL::integer,
		    false, 'phase'::text;
		RETURN;
	END IF;
	-- The current contact's own name keeps them, whoever else has
	-- taken the same name since (display names are not unique).
	IF v_cname IS NOT NULL AND p_id IS NOT NULL THEN
		SELECT p.contact_id INTO v_contact FROM pilot p
		    JOIN account a ON a.id = p.contact_id
		    WHERE p.item_id = p_id
		    AND lower(a.display_name) = lower(v_cname);
	END IF;
	IF v_cname IS NOT NULL AND v_contact IS NULL THEN
		SELECT count(*), min(a.id) INTO v_n, v_contact FROM account a
		    WHERE lower(a.display_name) = lower(v_cname)
		    AND account_active(a.id);
		IF v_n <> 1 THEN
			RETURN QUERY SELECT NULL::bigint, NULL::text,
			    NULL::integer, false, CASE WHEN v_n = 0
			    THEN 'contact' ELSE 'contact_ambiguous' END;
			RETURN;
		END IF;
	END IF;

	-- Paths under /pilots/ that are not a pilot's.
	IF p_id IS NULL AND p_slug IN ('vergelijk', 'lessen') THEN
		p_slug := p_slug || '-pilot';
	END IF;
	SELECT * INTO r FROM item_save('pilot', p_id, p_base_rev, p_actor,
	    p_title, p_summary, p_body_md, p_body_html, p_toc_html, p_words,
	    p_note, p_slug, p_themes, p_tags, p_community, p_owner, p_links,
	    p_related, p_idem, p_restored);
	IF r.conflict THEN
		RETURN QUERY SELECT r.id, r.slug, r.revision, true, NULL::text;
		RETURN;
	END IF;

	SELECT * INTO v_old FROM pilot p WHERE p.item_id = r.id FOR UPDATE;
	v_found := FOUND;
	INSERT INTO pilot AS p (item_id, region, setting, project_id,
	    target_group, age_min, age_max, phase, start_on, end_on,
	    partners, problem_md, problem_html, approach_md, approach_html,
	    results_md, results_html, conditions_md, conditions_html,
	    contact_id, contact_agreed_at)
	VALUES (r.id, v_region, v_setting, v_project,
	    left(btrim(coalesce(f->>'target_group', '')), 300),
	    nullif(f->>'age_min', '')::smallint,
	    nullif(f->>'age_max', '')::smallint, v_phase,
	    nullif(f->>'start', '')::date, nullif(f->>'end', '')::date,
	    coalesce((SELECT array_agg(btrim(x) ORDER BY o)
	        FROM jsonb_array_elements_text(coalesce(f->'partners',
	        '[]'::jsonb)) WITH ORDINALITY AS e (x, o)
	        WHERE btrim(x) <> ''), '{}'),
	    coalesce(f->>'problem_md', ''), coalesce(f->>'problem_html', ''),
	    coalesce(f->>'approach_md', ''),
	    coalesce(f->>'approach_html', ''),
	    coalesce(f->>'results_md', ''), coalesce(f->>'results_html', ''),
	    coalesce(f->>'conditions_md', ''),
	    coalesce(f->>'conditions_html', ''),
	    v_contact,
	    CASE WHEN v_contact IS NULL THEN NULL
	        WHEN v_contact = p_actor THEN now()
	        WHEN v_found AND v_contact = v_old.contact_id
	        THEN v_old.contact_agreed_at END)
	ON CONFLICT (item_id) DO UPDATE SET region = EXCLUDED.region,
	    setting = EXCLUDED.setting, project_id = EXCLUDED.project_id,
	    target_group = EXCLUDED.target_group,
	    age_min = EXCLUDED.age_min, age_max = EXCLUDED.age_max,
	    phase = EXCLUDED.phase, start_on = EXCLUDED.start_on,
	    end_on = EXCLUDED.end_on, partners = EXCLUDED.partners,
	    problem_md = EXCLUDED.problem_md,
	    problem_html = EXCLUDED.problem_html,
	    approach_md = EXCLUDED.approach_md,
	    approach_html = EXCLUDED.approach_html,
	    results_md = EXCLUDED.results_md,
	    results_html = EXCLUDED.results_html,
	    conditions_md = EXCLUDED.conditions_md,
	    conditions_html = EXCLUDED.conditions_html,
	    contact_id = EXCLUDED.contact_id,
	    contact_agreed_at = EXCLUDED.contact_agreed_at;

	DELETE FROM pilot_figure pf WHERE pf.pilot_id = r.id;
	INSERT INTO pilot_figure (pilot_id, position, label, value, unit)
	SELECT r.id, e.o, btrim(e.x->>'label'), (e.x->>'value')::numeric,
	    btrim(coalesce(e.x->>'unit', ''))
	FROM jsonb_array_elements(coalesce(f->'figures', '[]'::jsonb))
	    WITH ORDINALITY AS e (x, o);

	IF v_phase IS NOT NULL AND (NOT v_found
	    OR v_phase IS DISTINCT FROM v_old.phase::text) THEN
		INSERT INTO pilot_phase (pilot_id, phase, since, note,
		    recorded_by)
		VALUES (r.id, v_phase, coalesce(nullif(f->>'phase_since',
		    '')::date, current_date),
		    left(btrim(coalesce(f->>'phase_note', '')), 500), p_actor);
	END IF;

	IF v_contact IS NOT NULL AND v_contact IS DISTINCT FROM p_actor
	    AND (NOT v_found OR v_contact IS DISTINCT FROM v_old.contact_id)
	THEN
		PERFORM notify_send(v_contact, 'contact', p_title,
		    '/pilots/' || r.slug || '/contactpersoon', p_actor,
		    NULL, NULL, NULL, NULL);
	END IF;

	-- A pilot in review or published stays complete, whatever raced
	-- the form (the editor checks first, with messages per field).
	v_missing := pilot_missing(r.id);
	IF cardinality(v_missing) > 0 AND (SELECT i.status FROM item i
	    WHERE i.id = r.id) <> 'concept' THEN
		RAISE EXCEPTION 'pilot incomplete' USING ERRCODE = '23514',
		    DETAIL = array_to_string(v_missing, ',');
	END IF;
	UPDATE item_revision ir SET fields = pilot_snapshot(r.id)
	    WHERE ir.item_id = r.id AND ir.rev = r.revision;
	RETURN QUERY SELECT r.id, r.slug, r.revision, false, NULL::text;
END $$;

/*
 * The named contact person answers: p_yes true agrees (shown from now
 * on), false declines (the pilot has no contact then; its authors are
 * told through the audit log). Only the named person (42501); no such
 * pilot or nobody asked: P0002.
 */
CREATE FUNCTION pilot_contact_answer(p_item bigint, p_actor bigint,
    p_yes boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	v_contact	bigint;
BEGIN
	SELECT p.contact_id INTO v_contact FROM pilot p
	    WHERE p.item_id = p_item FOR UPDATE;
	IF NOT FOUND OR v_contact IS NULL THEN
		RAISE EXCEPTION 'no contact asked' USING ERRCODE = 'P0002';
	END IF;
	IF v_contact IS DISTINCT FROM p_actor THEN
		RAISE EXCEPTION 'not the contact' USING ERRCODE = '42501';
	END IF;
	IF p_yes THEN
		UPDATE pilot SET contact_agreed_at = coalesce(contact_agreed_at,
		    now()) WHERE item_id = p_item;
	ELSE
		UPDATE pilot SET contact_id = NULL, contact_agreed_at = NULL
		    WHERE item_id = p_item;
	END IF;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, CASE WHEN p_yes THEN 'pilot_contact_ja'
	    ELSE 'pilot_contact_nee' END, p_item, '');
END $$;

-- A deleted account is nobody's contact person any more.
-- Its display name also leaves the revisions that named it (OLD: the
-- name is already cleared in NEW).
CREATE FUNCTION pilot_contact_erase() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	UPDATE pilot SET contact_id = NULL, contact_agreed_at = NULL
	    WHERE contact_id = NEW.id;
	IF OLD.display_name IS NOT NULL THEN
		UPDATE item_revision SET fields = fields - 'contact'
		    WHERE fields IS NOT NULL AND lower(fields->>'contact') =
		    lower(OLD.display_name);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER pilot_contact_erase AFTER UPDATE OF deleted_at
	ON account FOR EACH ROW
	WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL)
	EXECUTE FUNCTION pilot_contact_erase();

-- The workflow refuses to send an incomplete pilot to review or to
-- publish it: 23514 with the missing fields (pilot_missing() order,
-- comma-separated) as the error's DETAIL.
ALTER FUNCTION item_transition(bigint, bigint, text, text, integer)
    RENAME TO item_transition_unchecked;

CREATE FUNCTION item_transition(p_id bigint, p_actor bigint,
    p_action text, p_note text, p_rev integer DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v_missing	text[];
BEGIN
	IF p_action IN ('indienen', 'goedkeuren') THEN
		v_missing := pilot_missing(p_id);
		IF cardinality(v_missing) > 0 THEN
			RAISE EXCEPTION 'pilot incomplete'
			    USING ERRCODE = '23514',
			    DETAIL = array_to_string(v_missing, ',');
		END IF;
	END IF;
	RETURN item_transition_unchecked(p_id, p_actor, p_action, p_note,
	    p_rev);
END $$;

/* ---------------------------------------------------------------- */
/* Lessons                                                           */
/* ---------------------------------------------------------------- */

-- May acct read lesson l? Exactly when its pilot may be read.
CREATE FUNCTION lesson_may_read(l bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM lesson x WHERE x.id = l
	    AND item_may_read(x.pilot_id, acct))
$$;

-- May acct add, change or remove lessons of pilot p? Whoever may edit
-- it; an archived pilot only editors (as item_save() has it).
CREATE FUNCTION lesson_may_edit(p bigint, acct bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT acct IS NOT NULL AND item_may_edit(p, acct)
	    AND (account_is_editor(acct) OR EXISTS (SELECT 1 FROM item i
	    WHERE i.id = p AND i.status <> 'gearchiveerd'))
$$;

/*
 * Add (p_id NULL) or change a lesson under pilot p_pilot. Whoever may
 * edit the pilot may (42501 otherwise; P0002 for an unknown pilot or a
 * lesson of another pilot). A stale p_base_rev writes nothing and
 * returns conflict. p_idem: the add form's nonce. Audit rows
 * 'les_toevoegen' and 'les_wijzigen' point at the pilot.
 */
CREATE FUNCTION lesson_save(p_id bigint, p_pilot bigint, p_actor bigint,
    p_base_rev integer, p_kind text, p_statement text, p_expl_md text,
    p_expl_html text, p_idem text)
    RETURNS TABLE (id bigint, revision integer, conflict boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	v_id	bigint;
	v_rev	integer;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pilot p WHERE p.item_id = p_pilot) THEN
		RAISE EXCEPTION 'no such pilot' USING ERRCODE = 'P0002';
	END IF;
	IF NOT lesson_may_edit(p_pilot, p_actor) THEN
		RAISE EXCEPTION 'may not edit' USING ERRCODE = '42501';
	END IF;
	IF p_id IS NULL THEN
		IF coalesce(p_idem, '') <> '' THEN
			SELECT l.id, l.revision INTO v_id, v_rev FROM lesson l
			    WHERE l.idem = p_idem AND l.created_by = p_actor;
			IF FOUND THEN
				RETURN QUERY SELECT v_id, v_rev, false;
				RETURN;
			END IF;
		END IF;
		INSERT INTO lesson (pilot_id, kind, statement, explanation_md,
		    explanation_html, position, created_by, idem)
		VALUES (p_pilot, p_kind, btrim(p_statement),
		    coalesce(p_expl_md, ''), coalesce(p_expl_html, ''),
		    coalesce((SELECT max(l.position) FROM lesson l
		    WHERE l.pilot_id = p_pilot), 0) + 1, p_actor,
		    nullif(p_idem, ''))
		RETURNING lesson.id INTO v_id;
		INSERT INTO audit (actor_id, action, target_id, detail)
		VALUES (p_actor, 'les_toevoegen', p_pilot, 'les ' || v_id);
		RETURN QUERY SELECT v_id, 1, false;
		RETURN;
	END IF;
	SELECT l.revision INTO v_rev FROM lesson l
	    WHERE l.id = p_id AND l.pilot_id = p_pilot FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such lesson' USING ERRCODE = 'P0002';
	END IF;
	IF v_rev <> p_base_rev THEN
		RETURN QUERY SELECT p_id, v_rev, true;
		RETURN;
	END IF;
	UPDATE lesson l SET kind = p_kind, statement = btrim(p_statement),
	    explanation_md = coalesce(p_expl_md, ''),
	    explanation_html = coalesce(p_expl_html, ''),
	    revision = v_rev + 1, updated_at = now()
	WHERE l.id = p_id;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'les_wijzigen', p_pilot, 'les ' || p_id);
	RETURN QUERY SELECT p_id, v_rev + 1, false;
END $$;

-- Remove a lesson (those who may edit its pilot). Links to it stay in
-- item_ref and lead to a 404 page, as for any removed item.
CREATE FUNCTION lesson_delete(p_id bigint, p_actor bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	v_pilot	bigint;
BEGIN
	SELECT l.pilot_id INTO v_pilot FROM lesson l WHERE l.id = p_id
	    FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such lesson' USING ERRCODE = 'P0002';
	END IF;
	IF NOT lesson_may_edit(v_pilot, p_actor) THEN
		RAISE EXCEPTION 'may not edit' USING ERRCODE = '42501';
	END IF;
	DELETE FROM lesson WHERE id = p_id;
	INSERT INTO audit (actor_id, action, target_id, detail)
	VALUES (p_actor, 'les_verwijderen', v_pilot, 'les ' || p_id);
END $$;

/* ---------------------------------------------------------------- */
/* Readers who see the same                                          */
/* ---------------------------------------------------------------- */

-- Among published items, what acct may read (item_may_read()) follows
-- from a few facts, given here as a key: two readers with the same key
-- read the same, so a list may come from the page cache under it.
--   'r'          an editor (every editor reads everything published);
--   ''           only what visitors read;
--   'l4,m7,...'  that, plus the items of each members-only or closed
--                community the reader is a member of (l) and, for a
--                community they moderate, its hidden items too (m).
-- NULL (no sharing) for an author or owner of an item that is not
-- public or is hidden (they read it through item_may_edit()), and for
-- keys over 100 characters. Asked on every signed-in page (the session
-- row): PL/pgSQL keeps the plan per connection, where an SQL function
-- was planned anew.
CREATE FUNCTION account_reach(acct bigint) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
	k	text;
BEGIN
	IF account_is_editor(acct) THEN
		RETURN 'r';
	END IF;
	IF EXISTS (SELECT 1 FROM item_author au JOIN item i ON i.id = au.item_id
	    WHERE au.account_id = acct
	    AND (i.visibility <> 'openbaar' OR i.hidden_at IS NOT NULL))
	    OR EXISTS (SELECT 1 FROM item i WHERE i.owner_id = acct
	    AND (i.visibility <> 'openbaar' OR i.hidden_at IS NOT NULL)) THEN
		RETURN NULL;
	END IF;
	SELECT string_agg(CASE WHEN m.moderator THEN 'm' ELSE 'l' END
	    || m.community_id, ',' ORDER BY m.community_id) INTO k
	    FROM member m JOIN community c ON c.id = m.community_id
	    WHERE m.account_id = acct AND m.state = 'lid'
	    AND (m.moderator OR c.visibility <> 'openbaar');
	IF length(k) > 100 THEN
		RETURN NULL;
	END IF;
	RETURN coalesce(k, '');
END $$;

/* ---------------------------------------------------------------- */
/* Notifications and audit                                           */
/* ---------------------------------------------------------------- */

ALTER DOMAIN notify_kind DROP CONSTRAINT notify_kind_check;
ALTER DOMAIN notify_kind ADD CONSTRAINT notify_kind_check CHECK (VALUE IN
	('nieuw_item', 'wijziging', 'gesprek', 'reactie', 'vermelding',
	'lidmaatschap', 'beoordeling', 'moderatie', 'contact'));

CREATE OR REPLACE FUNCTION audit_target(p_action text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
	    WHEN p_action IN ('aanmaken', 'indienen', 'goedkeuren',
		'publiceren', 'terugsturen', 'archiveren', 'terugzetten',
		'gecontroleerd', 'versie_herstellen', 'eigenaar_gewijzigd')
		OR p_action LIKE 'item\_%' OR p_action LIKE 'les\_%'
		OR p_action LIKE 'pilot\_%' THEN 'item'
	    WHEN p_action LIKE 'thema\_%' THEN 'theme'
	    WHEN p_action LIKE 'gemeenschap\_%' OR p_action LIKE 'lid\_%'
		OR p_action LIKE 'moderator\_%'
		OR p_action = 'uitnodiging_ingetrokken' THEN 'community'
	    WHEN p_action LIKE 'gesprek\_%' THEN 'topic'
	    WHEN p_action LIKE 'bericht\_%' THEN 'post'
	    ELSE 'account' END
$$;
