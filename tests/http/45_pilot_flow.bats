#!/usr/bin/env bats
# The workflow of pilots (issue 7) on the engine's routes: an incomplete
# pilot is refused (422, the missing fields named), a complete one is
# submitted, reviewed with its fields shown and published; history, diff
# and a revision's source include the fields; restoring brings them back
# (a draft only when the version is incomplete); /redactie and "Mijn
# bijdragen" list pilots; who may do what. Also: a lesson linked from an
# article body lands in item_ref, and the 'contact' notification's
# sentence and switch.
#
# Pilots are made through pilot_save() in SQL, as the editor saves them,
# so these tests do not depend on the editor's pages.

load helpers

setup() {
	IP="10.45.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
	TAG="pf$$x$RANDOM$RANDOM"
	# A complete pilot's fields, as the editor sends them.
	FULL='{"region": "groningen", "setting": "ambulant",
	    "phase": "lopend", "start": "2024-03-01", "end": "",
	    "target_group": "Jongeren <script>x</script> van 12 tot 18",
	    "age_min": "12", "age_max": "18",
	    "partners": ["Gemeente Groningen", "Zorg & Co"],
	    "figures": [{"label": "Minder plaatsingen", "value": "-30",
	    "unit": "%"}],
	    "problem_md": "Te veel *plaatsingen* ver van huis.",
	    "problem_html": "<p>Te veel <em>plaatsingen</em> ver van huis.</p>",
	    "approach_md": "Hulp thuis, met het gezin.",
	    "approach_html": "<p>Hulp thuis, met het gezin.</p>",
	    "results_md": "", "results_html": "", "conditions_md": "",
	    "conditions_html": "", "contact": ""}'
}

# person JAR ROLE [NAME]: a new signed-in account; sets ID_<JAR>.
person() {
	local e
	e=$(unique_email "pflow-$1")
	post "$1" /registreren -H "X-Real-IP: $IP" \
	    --data-urlencode "email=$e" --data-urlencode "name=${3:-Lid $1 $TAG}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $e: $status_code" >&2
		return 1
	}
	[ "$2" = lid ] || set_role "$e" "$2"
	printf -v "ID_$1" '%s' "$(db -c "SELECT id FROM account WHERE email = '$e'")"
}

# pilot ACTOR TITLE FIELDS: a new pilot concept; sets SLUG and PIL.
pilot() {
	SLUG=$(db -v actor="$1" -v title="$2" -v f="$3" -v slug="$TAG" <<'SQL'
SELECT slug FROM pilot_save(NULL, NULL, :'actor'::bigint, :'title',
    'Kort gezegd.', 'Tekst van de pilot.', '<p>Tekst van de pilot.</p>',
    '', 4, 'eerste versie', :'slug', '', '', '', NULL, '', '', NULL, NULL,
    :'f'::jsonb)
SQL
)
	[ -n "$SLUG" ]
	PIL=$(db -c "SELECT id FROM item WHERE kind = 'pilot' AND slug = '$SLUG'")
}

# revise ACTOR FIELDS [NOTE]: save a new revision of $PIL.
revise() {
	local out
	out=$(db -v actor="$1" -v f="$2" -v note="${3:-}" -v id="$PIL" <<'SQL'
SELECT coalesce(error, 'ok') FROM pilot_save(:'id'::bigint,
    (SELECT revision FROM item WHERE id = :'id'::bigint), :'actor'::bigint,
    (SELECT title FROM item WHERE id = :'id'::bigint), 'Kort gezegd.',
    'Tekst van de pilot.', '<p>Tekst van de pilot.</p>', '', 4, :'note', '',
    '', '', '', NULL, '', '', NULL, NULL, :'f'::jsonb)
SQL
)
	[ "$out" = ok ] || {
		echo "revise: $out" >&2
		return 1
	}
}

# full KEY VALUE: $FULL with one key set to a JSON value.
full() {
	db -v f="$FULL" -v k="$1" -v v="$2" <<'SQL'
SELECT jsonb_set(:'f'::jsonb, ARRAY[:'k'], :'v'::jsonb)
SQL
}

item() {
	db -c "SELECT $1 FROM item WHERE id = $PIL"
}

field() {
	db -c "SELECT $1 FROM pilot WHERE item_id = $PIL"
}

step() {
	post "$1" "/pilots/$SLUG/status" -d "action=$2"
}

# mpost JAR PATH [curl --form-string args...]: a multipart POST with the
# jar's CSRF token, same origin.
mpost() {
	local j=$1 path=$2
	shift 2
	local t
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

restore() {
	post "$1" "/pilots/$SLUG/herstellen" -d "rev=$2" -d "base=$(item revision)"
}

@test "incomplete: indienen and goedkeuren are refused with 422 naming each missing field" {
	person lid lid
	person red redacteur
	pilot "$ID_lid" "Thuis $TAG" '{"region": "twente"}'
	[ "$(item status)" = concept ]
	step lid indienen
	[ "$status_code" = 422 ]
	assert_html_headers
	assert_contains "Deze pilot is nog niet compleet"
	for f in Setting Fase Startdatum Knelpunten Oplossingsrichtingen; do
		assert_contains "<li>$f</li>"
	done
	# The region was filled in.
	assert_not_contains "<li>Regio</li>"
	assert_contains "<a href=\"/pilots/$SLUG/bewerken\">Vul de pilot aan</a>"
	assert_contains "<a href=\"/pilots/$SLUG\">Terug naar de pilot</a>"
	[ "$(item status)" = concept ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $PIL AND action = 'indienen'")" = 0 ]
	# An editor publishing it straight away: the same refusal.
	step red goedkeuren
	[ "$status_code" = 422 ]
	assert_contains "<li>Knelpunten</li>"
	# The review page says what is missing and refuses approval.
	req -b "$(jar red)" "/pilots/$SLUG/beoordelen"
	[ "$status_code" = 200 ]
	assert_contains "Nog nodig voor publicatie: Setting, Fase, Startdatum, Knelpunten, Oplossingsrichtingen."
	mpost red "/pilots/$SLUG/beoordelen" --form-string "decision=goedkeuren" \
	    --form-string "rev=1" --form-string "note="
	[ "$status_code" = 422 ]
	assert_contains "<li>Setting</li>"
	[ "$(item status)" = concept ]
	# In English too.
	req -b "$(jar lid)" -H "Accept-Language: en" -c "$(jar lid)" /
	post lid /taal -d lang=en -d terug=/
	step lid indienen
	[ "$status_code" = 422 ]
	assert_contains "This pilot is not complete yet"
	assert_contains "<li>Problems</li>"
}

@test "complete: submitted, reviewed with its fields shown, approved, published" {
	person lid lid "Schrijver $TAG"
	person red redacteur
	pilot "$ID_lid" "Thuis $TAG" '{"region": "twente"}'
	revise "$ID_lid" "$FULL" "aangevuld"
	step lid indienen
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$SLUG?gedaan=ingediend" ]
	[ "$(item status)" = ter_review ]
	# The editors' queue: the pilot, its kind, a review link.
	req -b "$(jar red)" /redactie
	[ "$status_code" = 200 ]
	assert_contains "<a href=\"/pilots/$SLUG\">Thuis $TAG</a></th>
<td>Pilot</td>"
	assert_contains "<a href=\"/pilots/$SLUG/beoordelen\">Beoordelen"
	assert_contains "<th scope=\"col\">Soort</th>"
	# The review page shows the fields, escaped.
	req -b "$(jar red)" "/pilots/$SLUG/beoordelen"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Lees de pilot zoals hij gepubliceerd wordt."
	assert_contains "<dt>Regio</dt>
<dd class=\"pre-line\">Groningen</dd>"
	assert_contains "<dt>Setting</dt>
<dd class=\"pre-line\">Ambulant</dd>"
	assert_contains "<dd class=\"pre-line\">Lopend</dd>"
	assert_contains "<dd class=\"pre-line\">01-03-2024</dd>"
	assert_contains "Jongeren &lt;script&gt;x&lt;/script&gt; van 12 tot 18"
	assert_not_contains "<script>x"
	assert_contains "Zorg &amp; Co"
	assert_contains "Minder plaatsingen = -30 %"
	assert_contains "<h3>Knelpunten</h3>"
	assert_contains "<p>Te veel <em>plaatsingen</em> ver van huis.</p>"
	assert_not_contains "<h3>Resultaten</h3>"
	assert_not_contains "Nog nodig voor publicatie"
	assert_contains "action=\"/pilots/$SLUG/beoordelen\""
	assert_contains "<a href=\"/pilots/$SLUG/geschiedenis\">"
	mpost red "/pilots/$SLUG/beoordelen" --form-string "decision=goedkeuren" \
	    --form-string "rev=$(item revision)" --form-string "note=Mooi."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$SLUG?gedaan=goedgekeurd" ]
	[ "$(item status)" = gepubliceerd ]
	# A visitor reads it now.
	req "/pilots/$SLUG"
	[ "$status_code" = 200 ]
	assert_contains "Thuis $TAG"
	# Mijn bijdragen lists it with its kind.
	req -b "$(jar lid)" /account/artikelen
	[ "$status_code" = 200 ]
	assert_contains "<h1>Mijn bijdragen</h1>"
	assert_contains "<a href=\"/pilots/$SLUG\">Thuis $TAG</a></th>
<td>Pilot</td>"
	assert_contains '<a href="/pilots/nieuw">'
}

@test "send back: feedback reaches the author's list, with a link to the pilot's editor" {
	person lid lid
	person red redacteur
	pilot "$ID_lid" "Bijna $TAG" "$FULL"
	step lid indienen
	[ "$status_code" = 303 ]
	mpost red "/pilots/$SLUG/beoordelen" --form-string "decision=terugsturen" \
	    --form-string "rev=$(item revision)" --form-string "note="
	[ "$status_code" = 400 ]
	assert_contains "Dat is verplicht als je een pilot terugstuurt."
	mpost red "/pilots/$SLUG/beoordelen" --form-string "decision=terugsturen" \
	    --form-string "rev=$(item revision)" --form-string "note=Voeg cijfers toe."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$SLUG?gedaan=teruggestuurd" ]
	[ "$(item status)" = concept ]
	req -b "$(jar red)" /redactie
	assert_contains "<a href=\"/pilots/$SLUG\">Bijna $TAG</a>"
	req -b "$(jar lid)" /account/artikelen
	assert_contains "Voeg cijfers toe."
	assert_contains "<a href=\"/pilots/$SLUG/bewerken\">Verbeter de pilot"
}

@test "history, diff and a revision's source include the fields" {
	person lid lid "Schrijver $TAG"
	person ander lid
	pilot "$ID_lid" "Versies $TAG" '{"region": "twente", "problem_md": "Eerst dit."}'
	revise "$ID_lid" "$FULL" "aangevuld"
	req -b "$(jar lid)" "/pilots/$SLUG/geschiedenis"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<a href=\"/pilots/$SLUG/versies/2\">Versie 2</a> (huidige versie)"
	assert_contains "<a href=\"/pilots/$SLUG/versies/1\">Versie 1</a>"
	assert_contains "action=\"/pilots/$SLUG/verschil\""
	assert_contains "action=\"/pilots/$SLUG/herstellen\""
	assert_contains 'form="herstel-1">Zet versie 1 terug</button>'
	assert_contains "Daarin staan ook de kenmerken"
	assert_contains "<a href=\"/pilots/$SLUG\">Terug naar de pilot</a>"
	# The diff: the fields as labelled lines, each text on its own.
	req -b "$(jar lid)" "/pilots/$SLUG/verschil?van=1&naar=2"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Versie 1 vergeleken met versie 2"
	assert_contains "<h3>Kenmerken</h3>"
	assert_contains "Twente (Overijssel)"
	assert_contains "Groningen"
	assert_contains "Setting: <del>Niet ingevuld</del>"
	assert_contains "Setting: <ins>Ambulant</ins>"
	assert_contains "Jongeren &lt;script&gt;x&lt;/script&gt;"
	assert_not_contains "<script>x"
	assert_contains "<h3>Knelpunten</h3>"
	assert_contains "<del>Eerst dit</del>."
	assert_contains "<ins>Te veel *plaatsingen* ver van huis</ins>."
	assert_contains "<h3>Resultaten</h3>
<p class=\"empty-state\">Dit deel is niet veranderd.</p>"
	# A revision's source.
	req -b "$(jar lid)" "/pilots/$SLUG/versies/1"
	[ "$status_code" = 200 ]
	assert_contains "Regio: Twente (Overijssel)"
	assert_contains "Fase: Niet ingevuld"
	assert_contains "<h2>Knelpunten (Markdown)</h2>
<pre class=\"md-source\">Eerst dit.</pre>"
	assert_not_contains "Oplossingsrichtingen (Markdown)"
	assert_contains "<a href=\"/pilots/$SLUG/verschil?van=1&amp;naar=2\">"
	req -b "$(jar lid)" "/pilots/$SLUG/versies/2"
	assert_contains "Partnerorganisaties:
- Gemeente Groningen
- Zorg &amp; Co"
	assert_contains "Startdatum: 01-03-2024"
	assert_contains "Vanaf (jaar): 12"
	assert_contains "Resultaten in cijfers:
- Minder plaatsingen = -30 %"
	# Others: 404 on a draft, visitors the same.
	req -b "$(jar ander)" "/pilots/$SLUG/geschiedenis"
	[ "$status_code" = 404 ]
	req "/pilots/$SLUG/verschil"
	[ "$status_code" = 404 ]
	req -b "$(jar ander)" "/pilots/$SLUG/versies/1"
	[ "$status_code" = 404 ]
	# Unknown pilots and articles' slugs under /pilots: 404.
	req -b "$(jar lid)" "/pilots/geen-$TAG/geschiedenis"
	[ "$status_code" = 404 ]
}

@test "restore: a draft gets an old version's fields back; the contact is not asked again" {
	person lid lid "Schrijver $TAG"
	person c lid "Contact $TAG"
	pilot "$ID_lid" "Terug $TAG" "{\"region\": \"twente\", \"problem_md\": \"Eerst dit.\", \"problem_html\": \"<p>Eerst dit.</p>\", \"contact\": \"Contact $TAG\"}"
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $ID_c AND kind = 'contact'")" = 1 ]
	# The contact says no; the next version names nobody.
	db -c "SELECT pilot_contact_answer($PIL, $ID_c, false)" >/dev/null
	revise "$ID_lid" "$(full contact '""')"
	[ "$(field region)" = groningen ]
	restore lid 1
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$SLUG?gedaan=hersteld" ]
	[ "$(item revision)" = 3 ]
	[ "$(field region)" = twente ]
	[ "$(field setting)" = "" ]
	[ "$(field problem_md)" = "Eerst dit." ]
	[ "$(field problem_html)" = "<p>Eerst dit.</p>" ]
	[ "$(field "cardinality(partners)")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM pilot_figure WHERE pilot_id = $PIL")" = 0 ]
	# The version kept the contact's name; restoring did not ask again.
	[ "$(field "contact_id IS NULL")" = t ]
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $ID_c AND kind = 'contact'")" = 1 ]
	[ "$(db -c "SELECT restored_from FROM item_revision WHERE item_id = $PIL AND rev = 3")" = 1 ]
	[ "$(db -c "SELECT fields->>'region' FROM item_revision WHERE item_id = $PIL AND rev = 3")" = twente ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $PIL AND action = 'versie_herstellen'")" = 1 ]
	# Stale base: 409, nothing restored.
	post lid "/pilots/$SLUG/herstellen" -d "rev=2" -d "base=2"
	[ "$status_code" = 409 ]
	assert_contains "Iemand heeft de pilot opgeslagen nadat je deze pagina opende."
	[ "$(item revision)" = 3 ]
}

@test "restore: a submitted or published pilot stays complete" {
	person lid lid
	person red redacteur
	pilot "$ID_lid" "Compleet $TAG" '{"region": "twente"}'
	revise "$ID_lid" "$FULL"
	revise "$ID_lid" "$(full region '"drenthe"')"
	step red goedkeuren
	[ "$status_code" = 303 ]
	[ "$(item status)" = gepubliceerd ]
	# Version 1 lacks required fields: refused, nothing changed.
	restore lid 1
	[ "$status_code" = 422 ]
	assert_contains "Deze versie kan niet terug."
	assert_contains "<li>Knelpunten</li>"
	assert_contains "<a href=\"/pilots/$SLUG/geschiedenis\">Terug naar de geschiedenis</a>"
	[ "$(item revision)" = 3 ]
	[ "$(field region)" = drenthe ]
	# Version 2 is complete: back it comes, still published.
	restore lid 2
	[ "$status_code" = 303 ]
	[ "$(field region)" = groningen ]
	[ "$(item status)" = gepubliceerd ]
	[ "$(item revision)" = 4 ]
}

@test "who may: a stranger gets 404 on a draft and 403 on a published pilot; CSRF and bad actions" {
	person lid lid
	person ander lid
	pilot "$ID_lid" "Eigen $TAG" "$FULL"
	step ander indienen
	[ "$status_code" = 404 ]
	[ "$(item status)" = concept ]
	db -c "UPDATE item SET status = 'gepubliceerd', published_at = now() WHERE id = $PIL"
	step ander archiveren
	[ "$status_code" = 403 ]
	assert_contains "Alleen de eigenaar van de pilot en de redactie kunnen dit doen."
	[ "$(item status)" = gepubliceerd ]
	step ander goedkeuren
	[ "$status_code" = 403 ] || [ "$status_code" = 409 ]
	req -b "$(jar ander)" "/pilots/$SLUG/geschiedenis"
	[ "$status_code" = 403 ]
	assert_contains "de versies van deze pilot zien"
	restore ander 1
	[ "$status_code" = 403 ]
	req -b "$(jar ander)" "/pilots/$SLUG/beoordelen"
	[ "$status_code" = 403 ]
	# A visitor is asked to sign in.
	req "/pilots/$SLUG/geschiedenis"
	[ "$status_code" = 303 ]
	req -X POST -H "Origin: $BRON_URL" -d action=archiveren "/pilots/$SLUG/status"
	[ "$status_code" = 303 ]
	[ "$(item status)" = gepubliceerd ]
	# No token, an unknown action.
	req -b "$(jar lid)" -H "Origin: $BRON_URL" -d action=archiveren "/pilots/$SLUG/status"
	[ "$status_code" = 403 ]
	step lid weggooien
	[ "$status_code" = 400 ]
	assert_contains "Ga terug naar de pilot en kies een van de knoppen."
	# The owner archives it.
	step lid archiveren
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$SLUG?gedaan=gearchiveerd" ]
	[ "$(item status)" = gearchiveerd ]
	# GET is not allowed on a step.
	req -b "$(jar lid)" "/pilots/$SLUG/status"
	[ "$status_code" = 405 ]
}

@test "a lesson linked in an article body lands in item_ref as ('les', id); it cannot be a related item" {
	person lid lid
	pilot "$ID_lid" "Met les $TAG" "$FULL"
	LES=$(db -c "SELECT id FROM lesson_save(NULL, $PIL, $ID_lid, NULL, 'werkte', 'Thuis werkt beter.', '', '', NULL)")
	[ -n "$LES" ]
	req -b "$(jar lid)" -c "$(jar lid)" /artikelen/nieuw
	n=$(grep -o 'name="nonce" value="[^"]*"' <<<"$body" | cut -d'"' -f4)
	mpost lid /artikelen/nieuw --form-string "nonce=$n" \
	    --form-string "action=save" --form-string "title=Over les $TAG" \
	    --form-string "summary=Een les." \
	    --form-string "body=Zie [deze les](/lessen/$LES#uitleg) en [de pilot](/pilots/$SLUG)."
	[ "$status_code" = 303 ]
	art=$(header location | sed -n 's|^/artikelen/\([a-z0-9-]*\)?gedaan=opgeslagen$|\1|p')
	ART=$(db -c "SELECT id FROM item WHERE kind = 'artikel' AND slug = '$art'")
	[ "$(db -c "SELECT string_agg(kind || '/' || slug, ' ' ORDER BY kind) FROM item_ref WHERE from_id = $ART")" = "les/$LES pilot/$SLUG" ]
	# item_link holds items only: the pilot, not the lesson.
	[ "$(db -c "SELECT string_agg(to_id::text, ' ') FROM item_link WHERE from_id = $ART")" = "$PIL" ]
	# In the related field a lesson gets a message, not "does not exist".
	req -b "$(jar lid)" -c "$(jar lid)" /artikelen/nieuw
	n=$(grep -o 'name="nonce" value="[^"]*"' <<<"$body" | cut -d'"' -f4)
	mpost lid /artikelen/nieuw --form-string "nonce=$n" \
	    --form-string "action=save" --form-string "title=Nog een $TAG" \
	    --form-string "summary=Kort." --form-string "body=Tekst." \
	    --form-string "related=/lessen/$LES"
	[ "$status_code" = 400 ]
	assert_contains "Een les kan niet bij Gerelateerd: /lessen/$LES."
	assert_not_contains "bestaan niet op Bron"
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Nog een $TAG'")" = 0 ]
}

@test "the contact notification: its sentence on /meldingen, and its switch" {
	person lid lid "Vrager $TAG"
	person c lid "Contact $TAG"
	req -b "$(jar c)" /account/meldingen
	[ "$status_code" = 200 ]
	assert_contains 'id="k_contact" name="k_contact" value="1" aria-describedby="k_contact-hint" checked>'
	assert_contains "Contactpersoon van een pilot"
	pilot "$ID_lid" "Vraag $TAG" "{\"contact\": \"Contact $TAG\"}"
	req -b "$(jar c)" /meldingen
	[ "$status_code" = 200 ]
	assert_contains "Vrager $TAG vraagt of je contactpersoon wilt zijn voor <a href=\"/pilots/$SLUG/contactpersoon\">Vraag $TAG</a>."
	# Switched off: the next request writes nothing.
	post c /account/meldingen --data-urlencode "k_reactie=1"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT in_app FROM notify_pref WHERE account_id = $ID_c AND kind = 'contact'")" = f ]
	req -b "$(jar c)" /account/meldingen
	assert_contains 'id="k_contact" name="k_contact" value="1" aria-describedby="k_contact-hint">'
	TAG="${TAG}b"
	pilot "$ID_lid" "Vraag $TAG" "{\"contact\": \"Contact ${TAG%b}\"}"
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $ID_c AND kind = 'contact'")" = 1 ]
}
