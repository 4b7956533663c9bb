#!/usr/bin/env bats
# Synonyms (issue 11, part C): the groups of content/zoekwoorden.txt as
# imported, and the editors' pages /redactie/zoekwoorden (list and new
# group), /redactie/zoekwoorden/<id> (+ /wijzigen, /verwijderen): rights,
# CSRF, every refused input next to the field with the text kept (422),
# the audit rows, the importer's respect for the editors' decisions, and
# the effect on /zoeken.
load helpers

# Words made up for this run, so nothing else in the database holds them.
setup_file() {
	export SY_T0 SY_W
	SY_T0=$(db -c "SELECT now()")
	SY_W="xyzsyn$$r$RANDOM"
}

# Groups made here go again; the seeded group the effect test extends
# gets back its own words and source.
teardown_file() {
	db -c "DELETE FROM search_synonym_group WHERE id IN (SELECT group_id
	    FROM search_synonym WHERE term LIKE 'xyz%')
	    AND updated_at >= '$SY_T0' AND id NOT IN (SELECT group_id
	    FROM search_synonym WHERE key = '''afzonder''')"
	db -c "DELETE FROM search_synonym WHERE term LIKE 'xyzzyplan%'"
	db -c "UPDATE search_synonym_group SET source = 'repo', updated_by = NULL
	    WHERE id = (SELECT group_id FROM search_synonym WHERE key = '''afzonder''')"
	db -c "DELETE FROM search_synonym_removed WHERE key LIKE '''xyz%'"
}

# Registration is throttled per IP: every sign-up gets its own address.
newuser() {
	post "$1" /registreren -H "X-Real-IP: 10.81.$((RANDOM % 256)).$((RANDOM % 254 + 1))" \
	    --data-urlencode "email=$2" --data-urlencode "name=${3:-Testlid}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $2: $status_code" >&2
		return 1
	}
}

# An editor signed in with jar "red": $RED_ID.
new_editor() {
	local e
	e=$(unique_email zoekwoorden)
	newuser red "$e" "Redacteur Zoek"
	set_role "$e" redacteur
	RED_ID=$(db -c "SELECT id FROM account WHERE email = '$e'")
}

# mpost JAR PATH [--form-string k=v ...]: a same-origin multipart POST
# (as the browser sends these forms) with the jar's token.
mpost() {
	local j=$1 path=$2 t
	shift 2
	t=$(csrf "$j" /redactie/zoekwoorden)
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

# add TERMS [NOTE]: a new group, as the editor.
add() {
	mpost red /redactie/zoekwoorden/nieuw --form-string "terms=$1" \
	    --form-string "note=${2:-}"
}

# The group holding term T (by its key), or nothing.
group_of() {
	db -c "SELECT group_id FROM search_synonym
	    WHERE key = search_phrase('$1')::text ORDER BY group_id LIMIT 1"
}

# The words as they come back in a textarea (HTML-escaped as typed).
assert_textarea() {
	assert_contains "name=\"terms\" rows=\"6\""
	assert_contains "$1</textarea>"
}

@test "the file's groups are imported, each once, in the file's order" {
	n=$(grep -v '^#' "$BATS_TEST_DIRNAME/../../content/zoekwoorden.txt" | grep -c '~')
	[ "$n" -ge 20 ]
	[ "$(db -c "SELECT count(*) FROM search_synonym_group WHERE source = 'repo'
	    AND id NOT IN (SELECT group_id FROM search_synonym WHERE term LIKE 'xyz%')")" -ge $((n - 1)) ]
	[ "$(db -c "SELECT search_synonym_line(group_id) FROM search_synonym
	    WHERE key = search_phrase('JZ+')::text")" = "JeugdzorgPlus ~ JZ+ ~ Jeugdzorg Plus ~ gesloten jeugdhulp ~ gesloten jeugdzorg" ]
	# A key in one group only.
	[ "$(db -c "SELECT count(*) FROM (SELECT key FROM search_synonym
	    GROUP BY key HAVING count(*) > 1) k")" = 0 ]
	# JZ+ finds what JeugdzorgPlus finds, and the other way round.
	[ "$(db -c "SELECT search_tsquery('{\"all\":[[{\"t\":\"JZ+\"}]]}')::text
	    = search_tsquery('{\"all\":[[{\"t\":\"JeugdzorgPlus\"}]]}')::text")" != "" ]
	[ "$(db -c "SELECT count(*) FROM search_doc WHERE tsv @@
	    search_tsquery('{\"all\":[[{\"t\":\"JZ+\"}]]}')")" -gt 0 ]
	[ "$(db -c "SELECT count(*) FROM search_doc WHERE tsv @@ search_phrase('JZ+')")" = 0 ]
}

@test "visitors are sent to sign in; members get 403 and change nothing" {
	g=$(group_of JZ+)
	[ -n "$g" ]
	for p in /redactie/zoekwoorden /redactie/zoekwoorden/$g \
	    /redactie/zoekwoorden/$g/verwijderen; do
		req "$p"
		[ "$status_code" = 303 ]
		[[ "$(header location)" == /inloggen\?terug=* ]]
	done
	req -X POST -H "Origin: $BRON_URL" --data "terms=$SY_W-a%0A$SY_W-b" \
	    /redactie/zoekwoorden/nieuw
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]

	newuser lid "$(unique_email lid)"
	for p in /redactie/zoekwoorden /redactie/zoekwoorden/$g \
	    /redactie/zoekwoorden/$g/verwijderen; do
		req -b "$(jar lid)" "$p"
		[ "$status_code" = 403 ]
	done
	t=$(csrf lid /)
	[ -n "$t" ]
	for p in /redactie/zoekwoorden/nieuw /redactie/zoekwoorden/$g/wijzigen; do
		req -b "$(jar lid)" -H "Origin: $BRON_URL" --form-string "_csrf=$t" \
		    --form-string "terms=$SY_W-lid ~ $SY_W-lid2" "$p"
		[ "$status_code" = 403 ]
	done
	req -b "$(jar lid)" -H "Origin: $BRON_URL" --form-string "_csrf=$t" \
	    /redactie/zoekwoorden/$g/verwijderen
	[ "$status_code" = 403 ]
	[ -z "$(group_of "$SY_W-lid")" ]
	[ "$(group_of JZ+)" = "$g" ]
	# The SQL functions refuse members themselves.
	lid=$(db -c "SELECT id FROM account WHERE role = 'lid' ORDER BY id DESC LIMIT 1")
	run db -c "SELECT search_synonym_save($lid, NULL, 'a$SY_W ~ b$SY_W', '')"
	[ "$status" -ne 0 ]
	[[ "$output" == *"editors only"* ]]
	run db -c "SELECT search_synonym_delete($lid, $g)"
	[ "$status" -ne 0 ]
}

@test "the list shows every group with its source and the add form; /redactie links to it" {
	new_editor
	req -b "$(jar red)" /redactie/zoekwoorden
	[ "$status_code" = 200 ]
	assert_html_headers
	[ "$(header cache-control)" = "no-store" ]
	assert_contains "<h1>Zoekwoorden</h1>"
	g=$(group_of JZ+)
	assert_contains "<a href=\"/redactie/zoekwoorden/$g\">JeugdzorgPlus ~ JZ+ ~ Jeugdzorg Plus ~ gesloten jeugdhulp ~ gesloten jeugdzorg</a>"
	assert_contains "<td>Standaardlijst</td>"
	# The file's comment above a group is its note.
	assert_contains "<td>De gesloten jeugdhulp heet op veel manieren."
	assert_contains '<caption>'
	assert_contains 'action="/redactie/zoekwoorden/nieuw#nieuw" enctype="multipart/form-data"'
	assert_contains '<label for="terms">Zoekwoorden</label>'
	assert_contains 'aria-describedby="terms-hint"'
	req -b "$(jar red)" /redactie
	[ "$status_code" = 200 ]
	assert_contains '<a href="/redactie/zoekwoorden">'
	# In English too.
	req -b "$(jar red)" -H "Accept-Language: en" /redactie/zoekwoorden
	[ "$status_code" = 200 ]
	assert_contains "<td>Standard list</td>"
}

@test "an editor adds a group: kept in the typed order, audited, shown" {
	new_editor
	add "$SY_W-alfa
  $SY_W-beta   twee  ~ $SY_W-gamma" "Een notitie <b>&</b>"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/zoekwoorden?gedaan=aangemaakt" ]
	g=$(group_of "$SY_W-alfa")
	[ -n "$g" ]
	[ "$(db -c "SELECT search_synonym_line($g)")" = "$SY_W-alfa ~ $SY_W-beta twee ~ $SY_W-gamma" ]
	[ "$(db -c "SELECT source || '|' || note || '|' || updated_by
	    FROM search_synonym_group WHERE id = $g")" = "redactie|Een notitie <b>&</b>|$RED_ID" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'zoekwoorden_aangemaakt'
	    AND target_id = $g AND actor_id = $RED_ID")" = 1 ]
	req -b "$(jar red)" "/redactie/zoekwoorden?gedaan=aangemaakt"
	[ "$status_code" = 200 ]
	assert_contains 'role="status">De groep is toegevoegd.'
	assert_contains "<a href=\"/redactie/zoekwoorden/$g\">$SY_W-alfa ~ $SY_W-beta twee ~ $SY_W-gamma</a>"
	assert_contains "<td>Redactie</td>"
	assert_contains "door Redacteur Zoek"
	assert_contains "<td>Een notitie &lt;b&gt;&amp;&lt;/b&gt;</td>"
	assert_not_contains "<b>&</b>"
}

@test "refused words come back next to the field with the text as typed (422)" {
	new_editor
	g=$(group_of afzondering)
	line=$(db -c "SELECT search_synonym_line($g)")
	before=$(db -c "SELECT count(*) FROM search_synonym")
	# [input]=message fragment
	declare -A cases=(
		["$SY_W-alleen"]="Vul minstens twee zoekwoorden in"
		["$SY_W-een ~ de"]="Op „de” kan Bron niet zoeken"
		["$SY_W-twee ~ ~ $SY_W-drie"]="Er staat een ~ zonder woord"
		["$SY_W-x ~ $SY_W-$(printf 'l%.0s' $(seq 1 60))"]="hoogstens 60 tekens"
		["afzondering ~ afzonderingen"]="„afzondering” en „afzonderingen” hebben dezelfde stam"
		["$SY_W-plan ~ afzonderingen"]="„afzonderingen” staat al in een andere groep: $line."
	)
	for input in "${!cases[@]}"; do
		add "$input"
		[ "$status_code" = 422 ] || { echo "$input: $status_code" >&2; return 1; }
		assert_contains "${cases[$input]}"
		assert_contains 'class="field has-error"'
		assert_contains 'aria-invalid="true"'
		assert_contains 'aria-describedby="terms-hint terms-error"'
		# The typed text is back in the textarea (escaped).
		assert_textarea "$(sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' <<<"$input")"
	done
	# 21 words.
	add "$(for i in $(seq 1 21); do printf '%s-w%s\n' "$SY_W" "$i"; done)"
	[ "$status_code" = 422 ]
	assert_contains "hoogstens 20 zoekwoorden"
	# A control character (multipart keeps it).
	add "$SY_W-c1 ~ $SY_W-c$(printf '\001')2"
	[ "$status_code" = 422 ]
	assert_contains "tekens die Bron niet kan lezen"
	# A note of 301 characters, with good words.
	add "$SY_W-n1 ~ $SY_W-n2" "$(printf 'n%.0s' $(seq 1 301))"
	[ "$status_code" = 422 ]
	assert_contains "De notitie is te lang. Gebruik hoogstens 300 tekens."
	assert_contains 'aria-describedby="note-hint note-error"'
	assert_textarea "$SY_W-n1 ~ $SY_W-n2"
	# Nothing of it was saved.
	[ "$(db -c "SELECT count(*) FROM search_synonym")" = "$before" ]
	[ "$(db -c "SELECT count(*) FROM search_synonym WHERE key = '''afzonder'''")" = 1 ]
	# The functions refuse the same on their own (22023, field first).
	run db -c "SELECT search_synonym_save($RED_ID, NULL, 'afzondering ~ $SY_W-q', '')"
	[ "$status" -ne 0 ]
	[[ "$output" == *"terms: taken"* ]]
	run db -c "SELECT search_synonym_save($RED_ID, NULL, 'a$SY_W ~ b$SY_W', repeat('x', 301))"
	[[ "$output" == *"note: note_long"* ]]
}

@test "forged POSTs are refused (403) with the text kept and nothing saved" {
	new_editor
	# No token.
	req -b "$(jar red)" -H "Origin: $BRON_URL" --form-string "terms=$SY_W-f1 ~ $SY_W-f2" \
	    /redactie/zoekwoorden/nieuw
	[ "$status_code" = 403 ]
	assert_textarea "$SY_W-f1 ~ $SY_W-f2"
	# Another session's token.
	newuser other "$(unique_email ander)"
	t=$(csrf other /)
	req -b "$(jar red)" -H "Origin: $BRON_URL" --form-string "_csrf=$t" \
	    --form-string "terms=$SY_W-f1 ~ $SY_W-f2" /redactie/zoekwoorden/nieuw
	[ "$status_code" = 403 ]
	# The right token from a foreign origin.
	t=$(csrf red /redactie/zoekwoorden)
	req -b "$(jar red)" -H "Origin: https://evil.example" --form-string "_csrf=$t" \
	    --form-string "terms=$SY_W-f1 ~ $SY_W-f2" /redactie/zoekwoorden/nieuw
	[ "$status_code" = 403 ]
	[ -z "$(group_of "$SY_W-f1")" ]
	# Edit and delete of an existing group.
	add "$SY_W-g1 ~ $SY_W-g2"
	g=$(group_of "$SY_W-g1")
	[ -n "$g" ]
	req -b "$(jar red)" -H "Origin: $BRON_URL" --form-string "terms=$SY_W-g1 ~ $SY_W-g3" \
	    /redactie/zoekwoorden/$g/wijzigen
	[ "$status_code" = 403 ]
	assert_textarea "$SY_W-g1 ~ $SY_W-g3"
	req -b "$(jar red)" -H "Origin: $BRON_URL" --data "_csrf=" /redactie/zoekwoorden/$g/verwijderen
	[ "$status_code" = 403 ]
	assert_contains 'class="button-danger"'
	[ "$(db -c "SELECT search_synonym_line($g)")" = "$SY_W-g1 ~ $SY_W-g2" ]
	# GET on a form's address changes nothing: back to the page.
	req -b "$(jar red)" /redactie/zoekwoorden/$g/wijzigen
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/zoekwoorden/$g" ]
	req -b "$(jar red)" /redactie/zoekwoorden/nieuw
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/zoekwoorden" ]
}

@test "an editor changes a group; unknown groups are 404" {
	new_editor
	add "$SY_W-e1 ~ $SY_W-e2"
	g=$(group_of "$SY_W-e1")
	req -b "$(jar red)" /redactie/zoekwoorden/$g
	[ "$status_code" = 200 ]
	assert_textarea "$SY_W-e1
$SY_W-e2"
	assert_contains "action=\"/redactie/zoekwoorden/$g/wijzigen#wijzigen\""
	assert_contains "<a href=\"/redactie/zoekwoorden/$g/verwijderen\">"
	mpost red /redactie/zoekwoorden/$g/wijzigen --form-string "terms=$SY_W-e2
$SY_W-e3
$SY_W-e1" --form-string "note=Volgorde"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/zoekwoorden/$g?gedaan=opgeslagen" ]
	[ "$(db -c "SELECT search_synonym_line($g)")" = "$SY_W-e2 ~ $SY_W-e3 ~ $SY_W-e1" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'zoekwoorden_gewijzigd'
	    AND target_id = $g")" = 1 ]
	# The same again writes no audit row.
	mpost red /redactie/zoekwoorden/$g/wijzigen --form-string "terms=$SY_W-e2 ~ $SY_W-e3 ~ $SY_W-e1" \
	    --form-string "note=Volgorde"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'zoekwoorden_gewijzigd'
	    AND target_id = $g")" = 1 ]
	# Its own words are not "taken"; another group's are.
	mpost red /redactie/zoekwoorden/$g/wijzigen --form-string "terms=$SY_W-e1 ~ JZ+"
	[ "$status_code" = 422 ]
	assert_contains "„JZ+” staat al in een andere groep: JeugdzorgPlus ~ JZ+"
	assert_textarea "$SY_W-e1 ~ JZ+"
	for p in /redactie/zoekwoorden/999999999999 /redactie/zoekwoorden/0 \
	    /redactie/zoekwoorden/999999999999/verwijderen /redactie/zoekwoorden/abc; do
		req -b "$(jar red)" "$p"
		[ "$status_code" = 404 ] || { echo "$p: $status_code" >&2; return 1; }
	done
	mpost red /redactie/zoekwoorden/999999999999/wijzigen --form-string "terms=$SY_W-z1 ~ $SY_W-z2"
	[ "$status_code" = 404 ]
}

@test "two editors on one group: the later save gets 409 with its own text, nothing lost" {
	new_editor
	add "$SY_W-v1 ~ $SY_W-v2"
	g=$(group_of "$SY_W-v1")
	# Both open the form; the first saves.
	req -b "$(jar red)" /redactie/zoekwoorden/$g
	base=$(grep -o 'name="base" value="[0-9]*"' <<<"$body" | cut -d'"' -f4)
	[ -n "$base" ]
	mpost red /redactie/zoekwoorden/$g/wijzigen --form-string "base=$base" \
	    --form-string "terms=$SY_W-v1 ~ $SY_W-v2 ~ $SY_W-eerst"
	[ "$status_code" = 303 ]
	# The second still has the old version: refused, shown both.
	mpost red /redactie/zoekwoorden/$g/wijzigen --form-string "base=$base" \
	    --form-string "terms=$SY_W-v1 ~ $SY_W-later"
	[ "$status_code" = 409 ]
	assert_contains "Iemand anders heeft deze groep gewijzigd terwijl jij bezig was."
	assert_contains "Nu staan erin: $SY_W-v1 ~ $SY_W-v2 ~ $SY_W-eerst."
	assert_textarea "$SY_W-v1 ~ $SY_W-later"
	[ "$(db -c "SELECT search_synonym_line($g)")" = "$SY_W-v1 ~ $SY_W-v2 ~ $SY_W-eerst" ]
	# The form now carries the new version: saving again is a choice.
	nbase=$(grep -o 'name="base" value="[0-9]*"' <<<"$body" | cut -d'"' -f4)
	[ -n "$nbase" ] && [ "$nbase" != "$base" ]
	mpost red /redactie/zoekwoorden/$g/wijzigen --form-string "base=$nbase" \
	    --form-string "terms=$SY_W-v1 ~ $SY_W-later"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT search_synonym_line($g)")" = "$SY_W-v1 ~ $SY_W-later" ]
}

@test "delete asks first; a deleted group from the file is not imported again" {
	new_editor
	add "$SY_W-d1 ~ $SY_W-d2"
	g=$(group_of "$SY_W-d1")
	req -b "$(jar red)" /redactie/zoekwoorden/$g/verwijderen
	[ "$status_code" = 200 ]
	assert_contains "Wil je de groep $SY_W-d1 ~ $SY_W-d2 verwijderen?"
	assert_contains "action=\"/redactie/zoekwoorden/$g/verwijderen\""
	assert_not_contains "standaardlijst"
	t=$(csrf red /redactie/zoekwoorden/$g/verwijderen)
	req -b "$(jar red)" -H "Origin: $BRON_URL" --data-urlencode "_csrf=$t" \
	    /redactie/zoekwoorden/$g/verwijderen
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/zoekwoorden?gedaan=verwijderd" ]
	[ -z "$(db -c "SELECT id FROM search_synonym_group WHERE id = $g")" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'zoekwoorden_verwijderd'
	    AND target_id = $g AND actor_id = $RED_ID")" = 1 ]
	req -b "$(jar red)" -H "Origin: $BRON_URL" --data-urlencode "_csrf=$t" \
	    /redactie/zoekwoorden/$g/verwijderen
	[ "$status_code" = 404 ]

	# A group as the importer makes it: the same line again leaves it
	# alone; an editor's change makes it theirs; after a delete the
	# line is skipped.
	[ "$(db -c "SELECT search_synonym_import(ARRAY['$SY_W-r1', '$SY_W-r2'])")" = created ]
	[ "$(db -c "SELECT search_synonym_import(ARRAY['$SY_W-r1', '$SY_W-r2'])")" = same ]
	[ "$(db -c "SELECT search_synonym_import(ARRAY['$SY_W-r1', '$SY_W-r2', '$SY_W-r3'])")" = updated ]
	r=$(group_of "$SY_W-r1")
	req -b "$(jar red)" /redactie/zoekwoorden/$r/verwijderen
	assert_contains "Deze groep komt uit de standaardlijst."
	t=$(csrf red /redactie/zoekwoorden/$r/verwijderen)
	req -b "$(jar red)" -H "Origin: $BRON_URL" --data-urlencode "_csrf=$t" \
	    /redactie/zoekwoorden/$r/verwijderen
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT search_synonym_import(ARRAY['$SY_W-r1', '$SY_W-r2', '$SY_W-r3'])")" = skipped ]
	[ -z "$(group_of "$SY_W-r1")" ]
	# An editor's group is never touched by the importer.
	add "$SY_W-s1 ~ $SY_W-s2"
	s=$(group_of "$SY_W-s1")
	[ "$(db -c "SELECT search_synonym_import(ARRAY['$SY_W-s1', '$SY_W-s3'])")" = skipped ]
	[ "$(db -c "SELECT search_synonym_line($s) || source FROM search_synonym_group
	    WHERE id = $s")" = "$SY_W-s1 ~ $SY_W-s2redactie" ]
}

@test "the effect: xyzzyplan added to the afzondering group finds its articles on /zoeken" {
	new_editor
	q='{"all":[[{"t":"xyzzyplan"}]]}'
	[ "$(db -c "SELECT count(*) FROM search_doc WHERE tsv @@ search_tsquery('$q')")" = 0 ]
	req "/zoeken?q=xyzzyplan&soort=artikel"
	[ "$status_code" = 200 ]
	assert_not_contains 'href="/artikelen/'
	# A new group with a word of the seeded group is refused, naming it.
	g=$(group_of afzondering)
	[ "$(db -c "SELECT source FROM search_synonym_group WHERE id = $g")" = repo ]
	add "xyzzyplan ~ afzondering"
	[ "$status_code" = 422 ]
	assert_contains "„afzondering” staat al in een andere groep: afzondering ~ separeren"
	# So the editor adds the word to that group, which becomes theirs.
	req -b "$(jar red)" /redactie/zoekwoorden/$g
	assert_contains "Deze groep komt uit de standaardlijst van Bron."
	terms=$(db -c "SELECT string_agg(term, E'\n' ORDER BY pos) FROM search_synonym
	    WHERE group_id = $g")
	note=$(db -c "SELECT note FROM search_synonym_group WHERE id = $g")
	mpost red /redactie/zoekwoorden/$g/wijzigen --form-string "terms=$terms
xyzzyplan" --form-string "note=$note"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT source FROM search_synonym_group WHERE id = $g")" = redactie ]
	n=$(db -c "SELECT count(*) FROM search_doc WHERE kind = 'artikel' AND public
	    AND tsv @@ search_tsquery('$q')")
	[ "$n" -gt 0 ]
	[ "$n" = "$(db -c "SELECT count(*) FROM search_doc WHERE kind = 'artikel'
	    AND public AND tsv @@ search_phrase('afzondering')")" ] ||
	    [ "$n" -gt "$(db -c "SELECT count(*) FROM search_doc WHERE kind = 'artikel'
	    AND public AND tsv @@ search_phrase('afzondering')")" ]
	a=$(db -c "SELECT path FROM search_doc WHERE kind = 'artikel' AND public
	    AND tsv @@ search_phrase('afzondering') ORDER BY tsv <=> search_tsquery('$q'), id
	    LIMIT 1")
	req "/zoeken?q=xyzzyplan&soort=artikel"
	[ "$status_code" = 200 ]
	assert_contains "href=\"$a\""
	assert_not_contains "We vonden niets"
	# The importer now leaves that line to the editors.
	[ "$(db -c "SELECT search_synonym_import(ARRAY['afzondering', 'separeren'])")" = skipped ]
}
