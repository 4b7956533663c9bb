#!/usr/bin/env bats
# Comparing pilots side by side (issue 7): two or three readable
# pilots in one accessible table, a row per field; one or four are
# refused with a Dutch page; an id that names no pilot the reader may
# read is 404, with the same page whether it does not exist, is a
# concept or belongs to a members-only community (R3). Pilots are made
# with pilot_save() in SQL, as the editor would.

load helpers

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

# pilot SLUG TITLE FIELDS-JSON [COMMUNITY] [publish]: prints the id.
pilot() {
	local id
	id=$(db -v ed="$EDITOR_ID" -v slug="$1" -v title="$2" -v f="$3" \
	    -v comm="${4:-}" <<'SQL'
SELECT id FROM pilot_save(NULL, NULL, :'ed', :'title',
    'Samenvatting van ' || :'title', '', '', '', 0, '', :'slug', '', '',
    :'comm', NULL, '', '', NULL, NULL, :'f'::jsonb);
SQL
)
	if [ "${5:-publish}" = publish ]; then
		db -c "SELECT item_transition($id, $EDITOR_ID, 'indienen', '')" >/dev/null
		db -c "SELECT item_transition($id, $EDITOR_ID, 'goedkeuren', '')" >/dev/null
	fi
	echo "$id"
}

setup_file() {
	local tag=cmp$RANDOM$$ comm
	export TAG=$tag
	EDITOR_ID=$(db -c "INSERT INTO account (email, display_name,
	    member_kind, role) VALUES ('$(unique_email redacteur)',
	    'Redacteur $tag', 'professional', 'redacteur') RETURNING id")
	export EDITOR_ID
	A=$(pilot "$tag-a" "Thuis in Twente $tag" '{"region": "twente",
	    "setting": "gezinsgericht-alternatief",
	    "project": "jeugdzorgplus-thuis",
	    "target_group": "Jongeren met een machtiging gesloten jeugdhulp",
	    "age_min": "12", "age_max": "18", "phase": "lopend",
	    "start": "2023-02-01", "end": "2025-12-31",
	    "partners": ["Gemeente Enschede", "Jeugdzorg Oost <b>&"],
	    "problem_md": "x", "problem_html": "<p>Te veel <em>plaatsingen</em>.</p>",
	    "approach_md": "x", "approach_html": "<p>Hulp thuis.</p>",
	    "results_md": "x", "results_html": "<p>Minder plaatsingen.</p>",
	    "conditions_md": "x", "conditions_html": "<p>Een vast team.</p>",
	    "figures": [{"label": "Jongeren thuis gebleven", "value": "12.5",
	    "unit": "%"}, {"label": "Gezinnen", "value": "40", "unit": ""}]}')
	B=$(pilot "$tag-b" "Kleinschalig wonen $tag" '{"region": "utrecht",
	    "setting": "kleinschalige-voorziening", "phase": "idee",
	    "start": "2024-05-01", "age_min": "16",
	    "problem_md": "x", "problem_html": "<p>Grote groepen.</p>",
	    "approach_md": "x", "approach_html": "<p>Kleine huizen.</p>"}')
	C=$(pilot "$tag-c" "Landelijke pilot $tag" '{"region": "landelijk",
	    "setting": "onderwijs", "phase": "gestopt", "start": "2020-01-01",
	    "end": "2021-06-30", "age_max": "23",
	    "problem_md": "x", "problem_html": "<p>Uitval.</p>",
	    "approach_md": "x", "approach_html": "<p>Samen met school.</p>"}')
	D=$(pilot "$tag-d" "Vierde pilot $tag" '{"region": "drenthe",
	    "setting": "ambulant", "phase": "lopend", "start": "2022-01-01",
	    "problem_md": "x", "problem_html": "<p>P.</p>",
	    "approach_md": "x", "approach_html": "<p>A.</p>"}')
	CONCEPT=$(pilot "$tag-e" "Concept $tag" '{"region": "drenthe"}' '' draft)
	comm=$(db -c "SELECT slug FROM community_save(NULL, $EDITOR_ID, NULL,
	    'Leden $tag', 'Alleen voor leden.', '', '', '', 'leden', 'open',
	    'leden-$tag', NULL)")
	MEMBERS=$(pilot "$tag-f" "Alleen leden $tag" '{"region": "drenthe",
	    "setting": "ambulant", "phase": "idee", "start": "2022-01-01",
	    "problem_md": "x", "problem_html": "<p>P.</p>",
	    "approach_md": "x", "approach_html": "<p>A.</p>"}' "$comm")
	export A B C D CONCEPT MEMBERS
	db -c "SELECT lesson_save(NULL, $A, $EDITOR_ID, NULL, 'werkte',
	    'Les ' || n, '', '', NULL) FROM generate_series(1, 3) n" >/dev/null
	db -c "SELECT lesson_save(NULL, $B, $EDITOR_ID, NULL, 'advies',
	    'Een les', '', '', NULL)" >/dev/null
	register member "$(unique_email lid)" "Lid $tag"
	db -c "SELECT member_act((SELECT id FROM community WHERE slug =
	    '$comm'), (SELECT a.id FROM account a JOIN session s
	    ON s.account_id = a.id ORDER BY s.created_at DESC LIMIT 1),
	    'aanmelden', NULL, '')" >/dev/null
}

# The <th scope="row"> labels of the table, one a line.
row_labels() {
	grep -o '<th scope="row">[^<]*</th>' <<<"$body" |
	    sed 's/<th scope="row">\(.*\)<\/th>/\1/'
}

@test "two pilots side by side, every field a row" {
	req "/pilots/vergelijk?ids=$A,$B"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<table class="data-table compare-table">'
	assert_contains '<caption id="vergelijk-titel">De gekozen pilots naast elkaar, veld voor veld</caption>'
	assert_contains '<th scope="col">Veld</th>'
	assert_contains "<th scope=\"col\"><a href=\"/pilots/$TAG-a\">Thuis in Twente $TAG</a></th>"
	assert_contains "<th scope=\"col\"><a href=\"/pilots/$TAG-b\">Kleinschalig wonen $TAG</a></th>"
	run row_labels
	[ "$output" = "Regio
Setting
Project van het programma
Doelgroep
Leeftijd
Fase
Looptijd
Partnerorganisaties
Knelpunten
Oplossingsrichtingen
Resultaten
Resultaten in cijfers
Randvoorwaarden
Geleerde lessen" ]
	# Each row has a cell per pilot.
	[ "$(grep -c '<tr><th scope="row">' <<<"$body")" = 14 ]
	python3 - "$body" <<'EOF'
import re, sys
rows = re.findall(r'<tr><th scope="row">.*?</tr>', sys.argv[1], re.S)
for r in rows:
    assert len(re.findall(r'<td>', r)) == 2, r
EOF
	assert_contains '<td>Twente (Overijssel)</td>'
	assert_contains '<td>Utrecht</td>'
	assert_contains '<td>Gezinsgericht alternatief</td>'
	assert_contains '<td>JeugdzorgPlus Thuis</td>'
	assert_contains '<td>12 tot en met 18 jaar</td>'
	assert_contains '<td>vanaf 16 jaar</td>'
	assert_contains '<td>Lopend</td>'
	assert_contains '<td>01-02-2023 tot en met 31-12-2025</td>'
	assert_contains '<td>vanaf 01-05-2024</td>'
	assert_contains '<li>Jeugdzorg Oost &lt;b&gt;&amp;</li>'
	assert_contains '<p>Te veel <em>plaatsingen</em>.</p>'
	assert_contains '<li>Jongeren thuis gebleven: 12,5 %</li>'
	assert_contains '<li>Gezinnen: 40</li>'
	assert_contains '<td>3 lessen</td>'
	assert_contains '<td>1 les</td>'
	# Empty fields say so.
	assert_contains '<td>Niet ingevuld</td>'
}

@test "three pilots, from the overview's checkboxes" {
	req "/pilots/vergelijk?ids=$C&ids=$A&ids=$B"
	[ "$status_code" = 200 ]
	[ "$(grep -c '<th scope="col"><a href' <<<"$body")" = 3 ]
	assert_contains '<td>tot en met 23 jaar</td>'
	assert_contains '<td>Gestopt</td>'
	assert_contains '<td>0 lessen</td>'
	# The same pilot twice counts once.
	req "/pilots/vergelijk?ids=$A,$B,$A"
	[ "$status_code" = 200 ]
	[ "$(grep -c '<th scope="col"><a href' <<<"$body")" = 2 ]
	# In English.
	req -H 'Accept-Language: en' "/pilots/vergelijk?ids=$A,$B"
	assert_contains '<td>Family-centred alternative</td>'
	assert_contains '<li>Jongeren thuis gebleven: 12.5 %</li>'
}

@test "one or four pilots are refused with a way back" {
	req "/pilots/vergelijk?ids=$A"
	[ "$status_code" = 400 ]
	assert_html_headers
	assert_contains 'Kies twee of drie pilots om te vergelijken.'
	assert_contains '<a href="/pilots">Terug naar alle pilots</a>'
	req "/pilots/vergelijk"
	[ "$status_code" = 400 ]
	assert_contains 'Kies twee of drie pilots om te vergelijken.'
	req "/pilots/vergelijk?ids=$A,$B,$C,$D"
	[ "$status_code" = 400 ]
	assert_contains 'Je kunt hooguit drie pilots tegelijk vergelijken.'
	req "/pilots/vergelijk?ids=$A,abc"
	[ "$status_code" = 400 ]
	assert_contains 'Het adres noemt een pilot die niet bestaat.'
	req "/pilots/vergelijk?ids=$A,0$B"
	[ "$status_code" = 400 ]
	req "/pilots/vergelijk?ids=1,2,3,4,5,6,7,8,9,10,11"
	[ "$status_code" = 400 ]
}

@test "an id the reader may not read is 404, never told apart (R3)" {
	local unknown=999999999999
	req "/pilots/vergelijk?ids=$A,$unknown"
	[ "$status_code" = 404 ]
	local gone
	gone=$(sed -n '/<main /,/<\/main>/p' <<<"$body")
	assert_contains 'Een of meer van deze pilots bestaan niet, of je mag ze niet zien.'
	assert_contains '<a href="/pilots">Terug naar alle pilots</a>'
	req "/pilots/vergelijk?ids=$A,$MEMBERS"
	[ "$status_code" = 404 ]
	assert_not_contains "Alleen leden $TAG"
	[ "$(sed -n '/<main /,/<\/main>/p' <<<"$body")" = "$gone" ]
	req "/pilots/vergelijk?ids=$A,$CONCEPT"
	[ "$status_code" = 404 ]
	assert_not_contains "Concept $TAG"
	# Not an item of another kind either.
	local art
	art=$(db -c "SELECT id FROM item WHERE kind = 'artikel' LIMIT 1")
	if [ -n "$art" ]; then
		req "/pilots/vergelijk?ids=$A,$art"
		[ "$status_code" = 404 ]
	fi
	# A member of the community compares it.
	req -b "$(jar member)" "/pilots/vergelijk?ids=$A,$MEMBERS"
	[ "$status_code" = 200 ]
	assert_contains "Alleen leden $TAG"
}

@test "the overview's compare form sends the ids" {
	req "/pilots?regio=overijssel,utrecht"
	assert_contains '<form class="compare-form" method="get" action="/pilots/vergelijk">'
	assert_contains "<input type=\"checkbox\" name=\"ids\" value=\"$A\" id=\"vergelijk-$A\"> <label for=\"vergelijk-$A\">Vergelijk<span class=\"visually-hidden\">: Thuis in Twente $TAG</span></label>"
	assert_contains "value=\"$B\""
	assert_not_contains "value=\"$MEMBERS\""
}

@test "only GET and HEAD" {
	req -X POST "/pilots/vergelijk?ids=$A,$B"
	[ "$status_code" = 405 ]
	req -I "/pilots/vergelijk?ids=$A,$B"
	[ "$status_code" = 200 ]
}
