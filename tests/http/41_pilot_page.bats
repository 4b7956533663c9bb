#!/usr/bin/env bats
# The pilot page (issue 7): every field of a pilot shown, the figures as
# a table, lessons grouped by kind, the timeline of phases in date order,
# the per-reader part (actions, what a concept still lacks, notices);
# concepts and members-only pilots are 404 to whoever may not read them;
# the contact person is shown only to signed-in readers and only once
# they agreed, through the yes/no page the notification links to.
# Pilots are made with pilot_save() in SQL, as the editor would.

load helpers

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

# pilot SLUG TITLE [FIELDS-JSON] [COMMUNITY] [ACTOR]: a pilot saved by
# the author (or ACTOR); prints its id. FIELDS-JSON is merged over a
# complete set of fields.
pilot() {
	local extra=${3:-'{}'}
	db -v slug="$1" -v title="$2" -v extra="$extra" -v comm="${4:-}" \
	    -v actor="${5:-$AUTHOR_ID}" -v run="$RUN" <<'SQL'
SELECT id FROM pilot_save(NULL, NULL, :'actor', :'title',
    'In het kort: ' || :'title', 'Het *verhaal*.',
    '<p>Het <em>verhaal</em>.</p>', '', 3, 'eerste versie', :'slug',
    'pilots-' || :'run', '', :'comm', NULL, '', '', NULL, NULL,
    jsonb_build_object('region', 'twente', 'setting', 'ambulant',
    'project', 'jeugdzorgplus-thuis', 'target_group', 'Jongeren en hun ouders',
    'age_min', '12', 'age_max', '17', 'phase', 'lopend',
    'phase_since', '2024-02-01', 'phase_note', 'De eerste gezinnen doen mee.',
    'start', '2024-01-15', 'end', '2025-06-30',
    'partners', jsonb_build_array('Gemeente Enschede', 'Zorgaanbieder <b>Oost</b>'),
    'problem_md', 'Te veel', 'problem_html', '<p>Te veel opnames ver van huis.</p>',
    'approach_md', 'Thuis', 'approach_html', '<p>Hulp thuis, met het hele gezin.</p>',
    'results_md', 'Minder', 'results_html', '<p>Minder gesloten plaatsingen.</p>',
    'conditions_md', 'Geld', 'conditions_html', '<p>Vaste financiering voor drie jaar.</p>',
    'figures', jsonb_build_array(
        jsonb_build_object('label', 'Minder opnames', 'value', '-12.5', 'unit', '%'),
        jsonb_build_object('label', 'Gezinnen bereikt', 'value', '48', 'unit', ''))
    ) || :'extra'::jsonb);
SQL
}

publish() {
	db -c "SELECT item_transition($1, $EDITOR_ID, 'goedkeuren', 'Goed.')" >/dev/null
}

slug_of() {
	db -c "SELECT slug FROM item WHERE id = $1"
}

# pos TEXT: the byte offset of TEXT in $body (for order checks).
pos() {
	local rest=${body%%"$1"*}
	[ "$rest" != "$body" ] || { echo "not found: $1" >&2; return 1; }
	echo "${#rest}"
}

setup_file() {
	export RUN="p$$r$RANDOM"
	local e
	for who in author editor contact other; do
		e=$(unique_email "pilot-$who")
		register "$who" "$e" "Pilot $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export AUTHOR_ID EDITOR_ID CONTACT_ID OTHER_ID
	AUTHOR_ID=$(cat "$BATS_FILE_TMPDIR/id-author")
	EDITOR_ID=$(cat "$BATS_FILE_TMPDIR/id-editor")
	CONTACT_ID=$(cat "$BATS_FILE_TMPDIR/id-contact")
	OTHER_ID=$(cat "$BATS_FILE_TMPDIR/id-other")
	db -c "UPDATE account SET role = 'redacteur' WHERE id = $EDITOR_ID"
	db -c "INSERT INTO theme (slug, title) VALUES ('pilots-$RUN', 'Pilots $RUN')"
	# A members-only community with the author and the contact in it.
	db -c "INSERT INTO community (slug, name, visibility, membership)
	    VALUES ('pilotleden-$RUN', 'Pilotleden $RUN', 'leden', 'aanvraag')"
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, a.id, 'lid' FROM community c, account a
	    WHERE c.slug = 'pilotleden-$RUN' AND a.id IN ($AUTHOR_ID, $CONTACT_ID)"
}

@test "a published pilot shows all its fields to a visitor" {
	local id slug
	id=$(pilot "alles-$RUN" "Thuis in Twente $RUN")
	db -c "SELECT id FROM lesson_save(NULL, $id, $AUTHOR_ID, NULL, 'werkte',
	    'Begin met het gezin $RUN', 'Zo *ging* het.', '<p>Zo <em>ging</em> het.</p>', NULL)" >/dev/null
	db -c "SELECT id FROM lesson_save(NULL, $id, $AUTHOR_ID, NULL, 'advies',
	    'Regel de financiering vooraf $RUN', '', '', NULL)" >/dev/null
	publish "$id"
	slug=$(slug_of "$id")
	req "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<h1>Thuis in Twente $RUN</h1>"
	assert_contains "In het kort: Thuis in Twente $RUN"
	assert_contains '<h2 id="pilot_facts">Kenmerken</h2>'
	assert_contains '<dt>Regio</dt> <dd>Twente (Overijssel)</dd>'
	assert_contains '<dt>Setting</dt> <dd>Ambulant</dd>'
	assert_contains '<a href="/monitor/jeugdzorgplus-thuis">'
	assert_contains '<dt>Doelgroep</dt> <dd>Jongeren en hun ouders</dd>'
	assert_contains '12 tot en met 17 jaar'
	assert_contains '<dt>Fase</dt> <dd>Lopend</dd>'
	assert_contains '15-01-2024 tot en met 30-06-2025'
	assert_contains '<li>Gemeente Enschede</li>'
	assert_contains '<li>Zorgaanbieder &lt;b&gt;Oost&lt;/b&gt;</li>'
	assert_contains '<h2 id="pilot_problem">Knelpunten</h2>'
	assert_contains '<p>Te veel opnames ver van huis.</p>'
	assert_contains '<h2 id="pilot_approach">Oplossingsrichtingen</h2>'
	assert_contains '<p>Hulp thuis, met het hele gezin.</p>'
	assert_contains '<p>Het <em>verhaal</em>.</p>'
	assert_contains '<h2 id="pilot_results">Resultaten</h2>'
	assert_contains '<caption>Resultaten in cijfers</caption>'
	assert_contains '<tr><th scope="row">Minder opnames</th><td>-12,5 %</td></tr>'
	assert_contains '<tr><th scope="row">Gezinnen bereikt</th><td>48</td></tr>'
	assert_contains '<h2 id="pilot_conditions">Randvoorwaarden</h2>'
	assert_contains '<p>Vaste financiering voor drie jaar.</p>'
	assert_contains '<h2 id="pilot_lessons">Geleerde lessen</h2>'
	assert_contains '<h3 id="pilot_les_werkte">Wat werkte</h3>'
	assert_contains '<h3 id="pilot_les_advies">Advies aan anderen</h3>'
	assert_contains "Begin met het gezin $RUN</h4>"
	assert_contains '<p>Zo <em>ging</em> het.</p>'
	assert_contains '<h2 id="pilot_timeline">Tijdlijn</h2>'
	assert_contains '<time datetime="2024-02-01">01-02-2024</time>'
	assert_contains 'De eerste gezinnen doen mee.'
	assert_contains "<a href=\"/themas/pilots-$RUN\">Pilots $RUN</a>"
	assert_contains "<a href=\"/mensen/$AUTHOR_ID\">Pilot author $RUN</a>"
	# Lessons grouped by kind, in kind order; each with its permalink.
	[ "$(pos 'Wat werkte</h3>')" -lt "$(pos 'Advies aan anderen</h3>')" ]
	local les
	les=$(db -c "SELECT id FROM lesson WHERE pilot_id = $id AND kind = 'werkte'")
	assert_contains "<article class=\"pilot-lesson\" id=\"les-$les\""
	assert_contains "<a href=\"/lessen/$les\">"
	# Nothing per-user for a visitor.
	assert_not_contains "/pilots/$slug/bewerken"
	assert_not_contains 'action="/volgen"'
	assert_not_contains "/lessen/$les/bewerken"
	# The English page names the region and setting in English.
	req -H 'Accept-Language: en' "/pilots/$slug"
	assert_contains '<dd>Twente (Overijssel)</dd>'
	assert_contains '<dd>Outpatient</dd>'
	assert_contains '<td>-12.5 %</td>'
}

@test "the timeline lists the phases in date order after two phase changes" {
	local id slug base
	id=$(pilot "fasen-$RUN" "Fasen $RUN" \
	    '{"phase": "idee", "phase_since": "2023-09-01", "phase_note": "Het begon met een idee."}')
	for step in 'voorbereiding|2023-11-15|Plan gemaakt.' 'lopend|2024-02-01|Gestart met vijf gezinnen.'; do
		IFS='|' read -r ph since note <<<"$step"
		base=$(db -c "SELECT revision FROM item WHERE id = $id")
		db -v id="$id" -v base="$base" -v ph="$ph" -v since="$since" \
		    -v note="$note" -v actor="$AUTHOR_ID" <<'SQL' >/dev/null
SELECT id FROM pilot_save(:'id', :'base', :'actor', 'Fasen', 'Kort', 'x',
    '<p>x</p>', '', 1, '', NULL, '', '', '', NULL, '', '', NULL, NULL,
    pilot_snapshot(:'id') || jsonb_build_object('phase', :'ph',
    'phase_since', :'since', 'phase_note', :'note'));
SQL
	done
	[ "$(db -c "SELECT count(*) FROM pilot_phase WHERE pilot_id = $id")" = 3 ]
	publish "$id"
	slug=$(slug_of "$id")
	req "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_contains '<strong>Idee</strong>, sinds <time datetime="2023-09-01">01-09-2023</time>'
	assert_contains '<strong>Voorbereiding</strong>, sinds <time datetime="2023-11-15">15-11-2023</time>'
	assert_contains '<strong>Lopend</strong>, sinds <time datetime="2024-02-01">01-02-2024</time>'
	assert_contains 'Gestart met vijf gezinnen.'
	[ "$(pos '<strong>Idee</strong>')" -lt "$(pos '<strong>Voorbereiding</strong>')" ]
	[ "$(pos '<strong>Voorbereiding</strong>')" -lt "$(pos '<strong>Lopend</strong>')" ]
	assert_contains '<dt>Fase</dt> <dd>Lopend</dd>'
}

@test "a concept is 404 to visitors and strangers; the author sees what is missing" {
	local id slug
	id=$(db -c "SELECT id FROM pilot_save(NULL, NULL, $AUTHOR_ID, 'Half af $RUN',
	    'Kort', '', '', '', 0, '', 'half-af-$RUN', '', '', '', NULL, '', '',
	    NULL, NULL, '{\"setting\": \"onderwijs\"}'::jsonb)")
	slug=$(slug_of "$id")
	req "/pilots/$slug"
	[ "$status_code" = 404 ]
	assert_not_contains "Half af $RUN"
	req -b "$(jar other)" "/pilots/$slug"
	[ "$status_code" = 404 ]
	assert_not_contains "Half af $RUN"
	req -b "$(jar author)" "/pilots/$slug?gedaan=opgeslagen"
	[ "$status_code" = 200 ]
	assert_contains 'Je wijzigingen zijn opgeslagen.'
	assert_contains 'Deze pilot is nog niet gepubliceerd.'
	assert_contains 'Nog nodig voor publicatie:'
	local f
	for f in Regio Fase Startdatum Knelpunten Oplossingsrichtingen; do
		assert_contains "<li>$f</li>"
	done
	assert_not_contains '<li>Setting</li>'
	assert_contains '<dt>Regio</dt> <dd><span class="pilot-none">Niet ingevuld</span></dd>'
	assert_contains "href=\"/pilots/$slug/bewerken\""
	assert_contains "href=\"/pilots/$slug/lessen\""
	assert_contains "action=\"/pilots/$slug/status\""
	assert_contains 'value="indienen"'
	# The editor may read and complete it too.
	req -b "$(jar editor)" "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_contains 'Nog nodig voor publicatie:'
	# Complete: nothing missing any more.
	db -c "UPDATE pilot SET region = 'groningen', phase = 'idee',
	    start_on = '2024-01-01', problem_md = 'p', approach_md = 'a'
	    WHERE item_id = $id"
	req -b "$(jar author)" "/pilots/$slug"
	assert_not_contains 'Nog nodig voor publicatie:'
	assert_contains '<dt>Regio</dt> <dd>Groningen</dd>'
}

@test "a members-only pilot is 404 to outsiders and shown to members" {
	local id slug
	id=$(pilot "leden-$RUN" "Alleen leden $RUN" '{}' "pilotleden-$RUN")
	publish "$id"
	slug=$(slug_of "$id")
	[ "$(db -c "SELECT visibility FROM item WHERE id = $id")" = leden ]
	req "/pilots/$slug"
	[ "$status_code" = 404 ]
	assert_not_contains "Alleen leden $RUN"
	req -b "$(jar other)" "/pilots/$slug"
	[ "$status_code" = 404 ]
	assert_not_contains "Alleen leden $RUN"
	req -b "$(jar contact)" "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_contains "Alleen leden $RUN"
	assert_contains "Pilotleden $RUN"
	# A member may follow and report it, not edit it.
	assert_contains 'action="/volgen"'
	assert_contains "/melden?item=$id"
	assert_not_contains "/pilots/$slug/bewerken"
}

@test "the contact person: asked, hidden until yes, never to visitors" {
	local id slug name
	name="Pilot contact $RUN"
	id=$(pilot "contact-$RUN" "Contactpilot $RUN" "{\"contact\": \"$name\"}")
	publish "$id"
	slug=$(slug_of "$id")
	[ "$(db -c "SELECT contact_id FROM pilot WHERE item_id = $id")" = "$CONTACT_ID" ]
	# Asked by a notification; not shown before saying yes.
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $CONTACT_ID
	    AND kind = 'contact' AND href = '/pilots/$slug/contactpersoon'")" = 1 ]
	req -b "$(jar other)" "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_not_contains "$name"
	assert_not_contains 'id="pilot_contact"'

	# The page the notification links to: only for the person asked.
	req "/pilots/$slug/contactpersoon"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
	req -b "$(jar other)" "/pilots/$slug/contactpersoon"
	[ "$status_code" = 404 ]
	req -b "$(jar author)" "/pilots/$slug/contactpersoon"
	[ "$status_code" = 404 ]
	req -b "$(jar contact)" "/pilots/$slug/contactpersoon"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Pilot author $RUN vraagt of je contactpersoon wilt zijn voor Contactpilot $RUN."
	assert_contains 'Alleen leden die zijn ingelogd zien je naam.'
	assert_contains 'name="answer" value="ja"'
	assert_contains 'name="answer" value="nee"'

	# Someone else cannot answer for them; a forged answer is refused.
	post other "/pilots/$slug/contactpersoon" --data answer=ja
	[ "$status_code" = 404 ]
	req -b "$(jar contact)" -H "Origin: $BRON_URL" --data answer=ja \
	    "/pilots/$slug/contactpersoon"
	[ "$status_code" = 403 ]
	[ -z "$(db -c "SELECT contact_agreed_at FROM pilot WHERE item_id = $id")" ]

	post contact "/pilots/$slug/contactpersoon" --data answer=ja
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$slug?gedaan=contact_ja" ]
	[ -n "$(db -c "SELECT contact_agreed_at FROM pilot WHERE item_id = $id")" ]
	req -b "$(jar contact)" "/pilots/$slug?gedaan=contact_ja"
	assert_contains 'Je bent nu contactpersoon voor deze pilot.'
	# Signed-in readers see the name, linked to the profile; visitors never.
	req -b "$(jar other)" "/pilots/$slug"
	assert_contains '<h2 id="pilot_contact">Contactpersoon</h2>'
	assert_contains "<a href=\"/mensen/$CONTACT_ID\">$name</a>"
	req "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_not_contains "$name"
	req "/pilots/$slug"
	assert_not_contains "$name"
	# A blocked account is nobody's contact on the page.
	db -c "UPDATE account SET blocked_at = now() WHERE id = $CONTACT_ID"
	req -b "$(jar other)" "/pilots/$slug"
	assert_not_contains "$name"
	db -c "UPDATE account SET blocked_at = NULL WHERE id = $CONTACT_ID"

	# Saying no later: the name goes, the page says so.
	req -b "$(jar contact)" "/pilots/$slug/contactpersoon"
	assert_contains 'Je bent contactpersoon voor Contactpilot'
	post contact "/pilots/$slug/contactpersoon" --data answer=nee
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$slug?gedaan=contact_nee" ]
	[ -z "$(db -c "SELECT contact_id FROM pilot WHERE item_id = $id")" ]
	req -b "$(jar other)" "/pilots/$slug"
	assert_not_contains "$name"
	req -b "$(jar contact)" "/pilots/$slug/contactpersoon"
	[ "$status_code" = 200 ]
	assert_contains 'Je bent geen contactpersoon voor Contactpilot'
	assert_not_contains 'name="answer"'
	post contact "/pilots/$slug/contactpersoon" --data answer=ja
	[ "$status_code" = 409 ]
	[ -z "$(db -c "SELECT contact_id FROM pilot WHERE item_id = $id")" ]
}

@test "a contact asked for a concept sees its title and summary only, and says no" {
	local id slug
	id=$(pilot "contactconcept-$RUN" "Conceptcontact $RUN" \
	    "{\"contact\": \"Pilot contact $RUN\"}")
	slug=$(slug_of "$id")
	req -b "$(jar contact)" "/pilots/$slug"
	[ "$status_code" = 404 ]
	req -b "$(jar contact)" "/pilots/$slug/contactpersoon"
	[ "$status_code" = 200 ]
	assert_contains "Conceptcontact $RUN"
	assert_contains "In het kort: Conceptcontact $RUN"
	assert_not_contains "href=\"/pilots/$slug\""
	assert_not_contains 'Te veel opnames'
	post contact "/pilots/$slug/contactpersoon" --data answer=maybe
	[ "$status_code" = 400 ]
	assert_contains 'Kies ja of nee.'
	post contact "/pilots/$slug/contactpersoon" --data answer=nee
	[ "$status_code" = 303 ]
	# Having said no, they have nothing to do with the concept: back to
	# their notifications, and its page (title, summary) is gone to them.
	[ "$(header location)" = "/meldingen" ]
	req -b "$(jar contact)" "/pilots/$slug/contactpersoon"
	[ "$status_code" = 404 ]
	assert_not_contains "Conceptcontact $RUN"
	[ -z "$(db -c "SELECT contact_id FROM pilot WHERE item_id = $id")" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $id
	    AND action = 'pilot_contact_nee' AND actor_id = $CONTACT_ID")" = 1 ]
}

@test "naming yourself as contact is agreeing at once" {
	local id slug
	id=$(pilot "zelf-$RUN" "Zelf contact $RUN" "{\"contact\": \"Pilot author $RUN\"}")
	publish "$id"
	slug=$(slug_of "$id")
	req -b "$(jar other)" "/pilots/$slug"
	assert_contains "<a href=\"/mensen/$AUTHOR_ID\">Pilot author $RUN</a></p>"
	assert_contains '<h2 id="pilot_contact">Contactpersoon</h2>'
}

@test "the author's actions and notices; the visitor's page follows changes" {
	local id slug
	id=$(pilot "acties-$RUN" "Acties $RUN")
	publish "$id"
	slug=$(slug_of "$id")
	req -b "$(jar author)" "/pilots/$slug?gedaan=les_toegevoegd"
	[ "$status_code" = 200 ]
	assert_contains 'De les is toegevoegd.'
	assert_contains "href=\"/pilots/$slug/bewerken\""
	assert_contains "href=\"/pilots/$slug/geschiedenis\""
	assert_contains "href=\"/pilots/$slug/lessen\">Les toevoegen</a>"
	assert_contains 'value="archiveren"'
	assert_not_contains 'value="indienen"'
	assert_contains 'action="/volgen"'
	# Unknown words say nothing.
	req -b "$(jar author)" "/pilots/$slug?gedaan=onzin"
	[ "$status_code" = 200 ]
	assert_not_contains 'role="status"'
	# Visitors: cached, yet a change shows at once.
	req "/pilots/$slug"
	assert_contains 'Jongeren en hun ouders'
	db -c "UPDATE pilot SET target_group = 'Kinderen $RUN' WHERE item_id = $id"
	req "/pilots/$slug"
	assert_contains "Kinderen $RUN"
	assert_not_contains 'Jongeren en hun ouders'
}

@test "stored text is escaped on the pilot page" {
	local id slug
	id=$(pilot "xss-$RUN" "Titel <script>alert(1)</script> $RUN" \
	    '{"target_group": "<img src=x onerror=alert(1)>", "phase_note": "<script>x</script>",
	      "figures": [{"label": "<b>vet</b>", "value": "1", "unit": "<i>"}]}')
	publish "$id"
	slug=$(slug_of "$id")
	req "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_not_contains '<script>alert(1)'
	assert_not_contains '<img src=x'
	assert_not_contains '<b>vet</b>'
	assert_contains 'Titel &lt;script&gt;alert(1)&lt;/script&gt;'
	assert_contains '&lt;img src=x onerror=alert(1)&gt;'
	assert_contains '<th scope="row">&lt;b&gt;vet&lt;/b&gt;</th><td>1 &lt;i&gt;</td>'
}

@test "unknown and malformed pilot paths are 404" {
	req /pilots/bestaat-niet-$RUN
	[ "$status_code" = 404 ]
	req /pilots/Hoofd-Letters
	[ "$status_code" = 404 ]
	req /pilots/a--b
	[ "$status_code" = 404 ]
	req -X POST "/pilots/bestaat-niet-$RUN"
	[ "$status_code" = 405 ]
}

@test "the contact keeps their place when someone else takes the same name" {
	local id name twin
	name=$(db -c "SELECT display_name FROM account WHERE id = $CONTACT_ID")
	id=$(pilot "naamgenoot-$RUN" "Naamgenoot $RUN" "{\"contact\": \"$name\"}")
	[ "$(db -c "SELECT contact_id FROM pilot WHERE item_id = $id")" = "$CONTACT_ID" ]
	twin=$(db -c "INSERT INTO account (email, display_name, member_kind)
	    VALUES ('$(unique_email twin)', '$name', 'professional') RETURNING id")
	# Saving again with the same name keeps the contact (no "ambiguous").
	run db -c "SELECT error FROM pilot_save($id, 1, $AUTHOR_ID, 'Naamgenoot $RUN',
	    '', '', '', '', 0, '', 'naamgenoot-$RUN', '', '', '', NULL, '', '',
	    NULL, NULL, pilot_snapshot($id) || jsonb_build_object(
	    'contact', '$name'))"
	[ "$status" = 0 ]
	[ -z "$output" ]
	[ "$(db -c "SELECT contact_id FROM pilot WHERE item_id = $id")" = "$CONTACT_ID" ]
	# A new pilot naming that shared name is refused as ambiguous.
	[ "$(db -c "SELECT error FROM pilot_save(NULL, NULL, $AUTHOR_ID, 'Twee $RUN',
	    '', '', '', '', 0, '', 'twee-$RUN', '', '', '', NULL, '', '', NULL,
	    NULL, jsonb_build_object('contact', '$name'))")" = contact_ambiguous ]
	db -c "DELETE FROM account WHERE id = $twin"
}

@test "a pilot in review or published stays complete, in SQL too" {
	local id
	id=$(pilot "compleet-$RUN" "Compleet $RUN")
	publish "$id"
	run db -c "SELECT error FROM pilot_save($id, 1, $AUTHOR_ID, 'Compleet $RUN',
	    '', '', '', '', 0, '', 'compleet-$RUN', '', '', '', NULL, '', '',
	    NULL, NULL, pilot_snapshot($id) || jsonb_build_object(
	    'problem_md', '', 'contact', ''))"
	[ "$status" != 0 ]
	[[ "$output" == *"pilot incomplete"* ]]
	[ "$(db -c "SELECT problem_md FROM pilot WHERE item_id = $id")" = "Te veel" ]
}

@test "lessons of an archived pilot: only editors may change them" {
	local id slug
	id=$(pilot "archief-$RUN" "Archief $RUN")
	publish "$id"
	db -c "SELECT item_transition($id, $EDITOR_ID, 'archiveren', '')" >/dev/null
	slug=$(slug_of "$id")
	run db -c "SELECT id FROM lesson_save(NULL, $id, $AUTHOR_ID, NULL,
	    'werkte', 'Te laat', '', '', NULL)"
	[ "$status" != 0 ]
	[[ "$output" == *"may not edit"* ]]
	[ -n "$(db -c "SELECT id FROM lesson_save(NULL, $id, $EDITOR_ID, NULL,
	    'werkte', 'Door de redactie', '', '', NULL)")" ]
	req -b "$(jar author)" "/pilots/$slug/lessen"
	[ "$status_code" = 403 ]
	req -b "$(jar author)" "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_not_contains "href=\"/pilots/$slug/lessen\""
	req -b "$(jar editor)" "/pilots/$slug/lessen"
	[ "$status_code" = 200 ]
}
