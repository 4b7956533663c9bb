#!/usr/bin/env bats
# The pilot editor (issue 7): /pilots/nieuw and /pilots/{slug}/bewerken.
# A concept with only a title; submitting an incomplete pilot (422, a
# message per missing field, everything typed kept, nothing saved); a
# complete pilot in review with its fields, figures, timeline and links;
# figures, dates, ages and partners refused with their messages; the
# contact person (yourself: agreed at once; someone else: asked by a
# notification); the preview; the nonce; the 409 page; who may edit.

load helpers

setup() {
	IP="10.40.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
	# A word no other test uses, to find this test's pilots.
	TAG="p$$x$RANDOM$RANDOM"
}

# member JAR [NAME]: a new signed-in member; sets EMAIL_<JAR>.
member() {
	local e
	e=$(unique_email "pilot-$1")
	post "$1" /registreren -H "X-Real-IP: $IP" \
	    --data-urlencode "email=$e" --data-urlencode "name=${2:-Pilotlid}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $e: $status_code" >&2
		return 1
	}
	printf -v "EMAIL_$1" '%s' "$e"
}

acct_id() {
	db -c "SELECT id FROM account WHERE email = '$1'"
}

# mpost JAR PATH [curl --form-string args...]: the editor's multipart
# POST, same origin, with the jar's CSRF token.
mpost() {
	local j=$1 path=$2
	shift 2
	local t
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

# nonce JAR: a fresh nonce from the new-pilot form.
nonce() {
	req -b "$(jar "$1")" -c "$(jar "$1")" /pilots/nieuw
	grep -o 'name="nonce" value="[^"]*"' <<<"$body" | cut -d'"' -f4
}

# The fields of a complete pilot, as curl arguments.
complete=(
	--form-string "summary=Hulp thuis in plaats van een plaatsing."
	--form-string "region=twente"
	--form-string "setting=gezinsgericht-alternatief"
	--form-string "project=jeugdzorgplus-thuis"
	--form-string "target_group=Jongeren en hun ouders"
	--form-string "age_min=12" --form-string "age_max=18"
	--form-string "phase=lopend"
	--form-string "start=2024-03-01" --form-string "end=2026-02-28"
	--form-string $'partners=Gemeente Enschede\r\n\r\n  Jeugdbescherming Oost  \r\n'
	--form-string $'problem=- Te veel plaatsingen.\r\n- Zie [het artikel](/artikelen/jeugdzorgplus-thuis).'
	--form-string $'approach=Een vast team.\r\n\r\nOok in het weekend.'
	--form-string "results=Minder plaatsingen."
	--form-string $'figures=Jongeren thuis gebleven = 14\r\nMinder dagen in afzondering = -35,5 %'
	--form-string "conditions=Geld voor hulp thuis."
)

# fields_but NAME...: FIELDS = the complete fields except those named
# (Kore drops an empty field, and the first of two fields wins, so a
# test that changes or empties a field leaves it out here).
fields_but() {
	local i a n skip
	FIELDS=()
	for ((i = 0; i < ${#complete[@]}; i += 2)); do
		a=${complete[i + 1]}
		skip=0
		for n in "$@"; do
			[[ $a == "$n="* ]] && skip=1
		done
		((skip)) || FIELDS+=(--form-string "$a")
	done
}

# create JAR TITLE ACTION [curl args...]: a new pilot; sets SLUG.
create() {
	local j=$1 title=$2 action=$3 n
	shift 3
	n=$(nonce "$j")
	mpost "$j" /pilots/nieuw --form-string "nonce=$n" \
	    --form-string "action=$action" --form-string "title=$title" "$@"
	[ "$status_code" = 303 ] || {
		echo "create: $status_code" >&2
		echo "${body:0:3000}" >&2
		return 1
	}
	SLUG=$(header location | sed -n 's|^/pilots/\([a-z0-9-]*\)?gedaan=[a-z]*$|\1|p')
	[ -n "$SLUG" ]
}

item() {
	db -c "SELECT $2 FROM item WHERE kind = 'pilot' AND slug = '$1'"
}

pilot() {
	db -c "SELECT $2 FROM pilot p JOIN item i ON i.id = p.item_id
	    WHERE i.kind = 'pilot' AND i.slug = '$1'"
}

# base JAR SLUG: the revision the edit form starts from.
base() {
	req -b "$(jar "$1")" "/pilots/$2/bewerken"
	grep -o 'name="base" value="[^"]*"' <<<"$body" | cut -d'"' -f4
}

@test "visitors are sent to sign in" {
	req /pilots/nieuw
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fpilots%2Fnieuw" ]
	req /pilots/iets/bewerken
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fpilots%2Fiets%2Fbewerken" ]
	req -H "Origin: $BRON_URL" -F "title=x" /pilots/nieuw
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen" ]
}

@test "a member gets the empty form: multipart, nonce, grouped regions, lists" {
	member a
	req -b "$(jar a)" /pilots/nieuw
	[ "$status_code" = 200 ]
	assert_html_headers
	[ "$(header cache-control)" = "no-store" ]
	assert_contains "<h1>Nieuwe pilot</h1>"
	assert_contains 'action="/pilots/nieuw" enctype="multipart/form-data"'
	grep -Eq 'name="nonce" value="[A-Za-z0-9_-]{43}"' <<<"$body"
	assert_contains "<legend>Waar en wie</legend>"
	assert_contains "<legend>Fase en looptijd</legend>"
	assert_contains "<legend>Partners</legend>"
	assert_contains "<legend>Aanpak en resultaten</legend>"
	assert_contains "<legend>Contactpersoon</legend>"
	# Landelijk first, then a group per province with its regions.
	assert_contains $'<option value="">Kies een regio</option>\n<option value="landelijk">Landelijk</option>\n<optgroup label="Groningen">\n<option value="groningen">Groningen (hele provincie)</option>\n<option value="regio-groningen">Regio Groningen</option>\n</optgroup>'
	assert_contains $'<optgroup label="Overijssel">\n<option value="overijssel">Overijssel (hele provincie)</option>\n<option value="ijsselland">IJsselland</option>\n<option value="twente">Twente</option>\n</optgroup>'
	assert_contains '<option value="gezinsgericht-alternatief">Gezinsgericht alternatief</option>'
	assert_contains '<option value="">Geen project</option>'
	assert_contains '<option value="jeugdzorgplus-thuis">JeugdzorgPlus Thuis</option>'
	assert_contains '<option value="geevalueerd">Geëvalueerd</option>'
	assert_contains '<label for="start">Startdatum <span class="pilot-needed">(nodig voor publicatie)</span></label>'
	assert_contains '<input type="date" id="start" name="start" value=""'
	# The phase date starts today (Amsterdam) and cannot be later.
	local today
	today=$(TZ=Europe/Amsterdam date +%F)
	assert_contains "name=\"phase_since\" value=\"$today\" max=\"$today\""
	assert_contains 'name="action" value="save">Opslaan als concept</button>'
	assert_contains 'name="action" value="submit">Opslaan en indienen</button>'
	assert_not_contains 'value="publish"'
	assert_not_contains 'name="owner"'
	# English: the provinces' English names.
	req -b "$(jar a)" -H "Accept-Language: en" /pilots/nieuw
	[ "$status_code" = 200 ]
	assert_contains '<optgroup label="North Holland">'
	assert_contains '<option value="noord-holland">North Holland (whole province)</option>'
	assert_contains 'name="action" value="save">Save as draft</button>'
}

@test "a concept may hold only a title; the edit form says what is missing" {
	member a
	create a "Alleen titel $TAG" save
	[ "$(header location)" = "/pilots/$SLUG?gedaan=opgeslagen" ]
	[ "$(item "$SLUG" "status || '|' || revision || '|' || summary")" = "concept|1|" ]
	[ "$(pilot "$SLUG" "coalesce(region, '-') || coalesce(phase, '-') || cardinality(partners)")" = "--0" ]
	[ "$(db -c "SELECT count(*) FROM pilot_phase ph JOIN item i ON i.id = ph.pilot_id WHERE i.slug = '$SLUG'")" = 0 ]
	req -b "$(jar a)" "/pilots/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains "<h1>Pilot bewerken</h1>"
	assert_contains 'name="base" value="1"'
	assert_contains "Nog nodig voor publicatie: Regio, Setting, Fase, Startdatum, Knelpunten, Oplossingsrichtingen."
	assert_contains "value=\"Alleen titel $TAG\""
	# Without a title nothing is saved.
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=" \
	    --form-string "problem=Iets $TAG"
	[ "$status_code" = 400 ]
	assert_contains "Geef je pilot een titel."
	assert_contains ">Iets $TAG</textarea>"
}

@test "submitting an incomplete pilot: 422, a message per field, text kept" {
	member a
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=submit" --form-string "title=Onaf $TAG" \
	    --form-string "summary=Kort." --form-string "region=twente" \
	    --form-string $'results=Eerste regel\r\nTweede regel\r\n\r\nAlinea.' \
	    --form-string $'partners=A\r\nB'
	[ "$status_code" = 422 ]
	assert_html_headers
	assert_contains 'class="error-summary"'
	assert_contains "De pilot is nog niet compleet. Er is niets opgeslagen."
	assert_contains '<p class="field-error" id="setting-error">Kies de setting. Dat is nodig voor publicatie.</p>'
	assert_contains '<p class="field-error" id="phase-error">Kies de fase. Dat is nodig voor publicatie.</p>'
	assert_contains '<p class="field-error" id="start-error">Vul de startdatum in. Dat is nodig voor publicatie.</p>'
	assert_contains '<p class="field-error" id="problem-error">Beschrijf de knelpunten. Dat is nodig voor publicatie.</p>'
	assert_contains '<p class="field-error" id="approach-error">Beschrijf de oplossingsrichtingen. Dat is nodig voor publicatie.</p>'
	assert_not_contains 'id="region-error"'
	# The summary links each field, in form order.
	assert_contains $'<li><a href="#setting">Kies de setting. Dat is nodig voor publicatie.</a></li>\n<li><a href="#phase">'
	assert_contains 'aria-describedby="start-hint start-error" aria-invalid="true"'
	# What was typed comes back, line breaks and all.
	assert_contains '<option value="twente" selected>Twente</option>'
	assert_contains "value=\"Onaf $TAG\""
	assert_contains $'>Eerste regel\nTweede regel\n\nAlinea.</textarea>'
	assert_contains $'>A\nB</textarea>'
	grep -Eq 'name="nonce" value="[A-Za-z0-9_-]{43}"' <<<"$body"
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Onaf $TAG'")" = 0 ]
}

@test "a complete pilot goes to review with its fields, figures, timeline and links" {
	member a
	create a "Compleet $TAG" submit "${complete[@]}" \
	    --form-string "themes=gezinsgericht-werken" \
	    --form-string "tags=thuis, $TAG" --form-string "note=Eerste versie"
	[ "$(header location)" = "/pilots/$SLUG?gedaan=ingediend" ]
	[ "$(item "$SLUG" "status || '|' || revision")" = "ter_review|1" ]
	[ "$(pilot "$SLUG" "region || '|' || setting || '|' || target_group || '|' || age_min || '-' || age_max || '|' || phase || '|' || start_on || '|' || end_on")" = \
	    "twente|gezinsgericht-alternatief|Jongeren en hun ouders|12-18|lopend|2024-03-01|2026-02-28" ]
	[ "$(pilot "$SLUG" "(SELECT slug FROM change_goal WHERE id = p.project_id)")" = "jeugdzorgplus-thuis" ]
	[ "$(pilot "$SLUG" "array_to_string(partners, '|')")" = "Gemeente Enschede|Jeugdbescherming Oost" ]
	[ "$(pilot "$SLUG" "problem_html")" = $'<ul>\n<li>Te veel plaatsingen.</li>\n<li>Zie <a rel="nofollow noopener ugc" href="/artikelen/jeugdzorgplus-thuis">het artikel</a>.</li>\n</ul>' ]
	[ "$(pilot "$SLUG" "approach_md")" = $'Een vast team.\n\nOok in het weekend.' ]
	local id
	id=$(item "$SLUG" id)
	[ "$(db -c "SELECT string_agg(label || '=' || value || '|' || unit, ';' ORDER BY position) FROM pilot_figure WHERE pilot_id = $id")" = \
	    "Jongeren thuis gebleven=14|;Minder dagen in afzondering=-35.5|%" ]
	[ "$(db -c "SELECT phase || '|' || (since = (now() AT TIME ZONE 'Europe/Amsterdam')::date) FROM pilot_phase WHERE pilot_id = $id")" = "lopend|true" ]
	# A link in a pilot field counts as a link of the pilot.
	[ "$(db -c "SELECT kind || '/' || slug FROM item_ref WHERE from_id = $id")" = "artikel/jeugdzorgplus-thuis" ]
	[ "$(db -c "SELECT count(*) FROM item_theme WHERE item_id = $id")" = 1 ]
	[ "$(db -c "SELECT fields->>'region' || '|' || (fields->'figures'->0->>'value') FROM item_revision WHERE item_id = $id AND rev = 1")" = "twente|14" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $id AND action = 'indienen'")" = 1 ]
	# The edit form loads everything back, figures with a comma.
	req -b "$(jar a)" "/pilots/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains "Deze pilot ligt bij de redactie."
	assert_not_contains "Nog nodig voor publicatie"
	assert_contains '<option value="twente" selected>Twente</option>'
	assert_contains '<option value="gezinsgericht-alternatief" selected>'
	assert_contains '<option value="jeugdzorgplus-thuis" selected>'
	assert_contains '<option value="lopend" selected>Lopend</option>'
	assert_contains 'name="age_min" value="12"'
	assert_contains 'name="start" value="2024-03-01"'
	assert_contains 'name="end" value="2026-02-28"'
	assert_contains $'>Gemeente Enschede\nJeugdbescherming Oost</textarea>'
	assert_contains $'>Jongeren thuis gebleven = 14\nMinder dagen in afzondering = -35,5 %\n</textarea>'
	assert_contains $'>Een vast team.\n\nOok in het weekend.</textarea>'
	assert_contains "Nu: Lopend, sinds $(TZ=Europe/Amsterdam date +%d-%m-%Y)."
	# In review: no submit button, a plain save.
	assert_not_contains 'value="submit"'
	assert_contains 'name="action" value="save">Opslaan</button>'
}

@test "a phase change adds a timeline row with its date and note" {
	member a
	create a "Fasen $TAG" save "${complete[@]}"
	local id
	id=$(item "$SLUG" id)
	[ "$(db -c "SELECT count(*) FROM pilot_phase WHERE pilot_id = $id")" = 1 ]
	# Same phase: no row, whatever the date says.
	mpost a "/pilots/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Fasen $TAG" \
	    "${complete[@]}" --form-string "phase_since=2024-01-01"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM pilot_phase WHERE pilot_id = $id")" = 1 ]
	# A date in the future is refused for a new phase.
	fields_but phase
	mpost a "/pilots/$SLUG/bewerken" --form-string "base=2" \
	    --form-string "action=save" --form-string "title=Fasen $TAG" \
	    "${FIELDS[@]}" --form-string "phase=geevalueerd" \
	    --form-string "phase_since=2099-01-01"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="phase_since-error">Deze datum ligt in de toekomst.'
	mpost a "/pilots/$SLUG/bewerken" --form-string "base=2" \
	    --form-string "action=save" --form-string "title=Fasen $TAG" \
	    "${FIELDS[@]}" --form-string "phase=geevalueerd" \
	    --form-string "phase_since=2025-06-30" \
	    --form-string "phase_note=Het rapport is klaar."
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT string_agg(phase || '|' || since || '|' || note, ';' ORDER BY id) FROM pilot_phase WHERE pilot_id = $id" | cut -d';' -f2)" = \
	    "geevalueerd|2025-06-30|Het rapport is klaar." ]
	req -b "$(jar a)" "/pilots/$SLUG/bewerken"
	assert_contains "Nu: Geëvalueerd, sinds 30-06-2025."
}

@test "figures: a bad line is named by its number; the text stays" {
	member a
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Cijfers $TAG" \
	    --form-string $'figures=Goed = 1\r\n\r\nGeen getal = veel'
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="figures-error">Regel 3: zet na de = één getal, bijvoorbeeld 12 of 3,5. Schrijf duizend als 1000.</p>'
	assert_contains $'>Goed = 1\n\nGeen getal = veel</textarea>'
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Cijfers $TAG" \
	    --form-string $'figures=Goed = 1\r\nZonder is-teken 5'
	[ "$status_code" = 400 ]
	assert_contains "Regel 2: zet een = tussen de omschrijving en het getal."
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Cijfers $TAG" \
	    --form-string "figures=$(for i in $(seq 21); do echo "C$i = $i"; done)"
	[ "$status_code" = 400 ]
	assert_contains "Je hebt 21 regels met cijfers. Gebruik er hoogstens 20."
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Cijfers $TAG'")" = 0 ]
}

@test "dates, ages and partners are checked, each next to its field" {
	member a
	local long201
	long201=$(printf 'o%.0s' $(seq 201))
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Data $TAG" \
	    --form-string "start=2024-02-30" --form-string "end=31-12-2024" \
	    --form-string "age_min=30" --form-string "age_max=abc" \
	    --form-string $'partners=Goed\r\n'"$long201"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="start-error">Bij ‘Startdatum’ staat geen goede datum. Schrijf hem als jaar-maand-dag, bijvoorbeeld 2024-03-31.</p>'
	assert_contains '<p class="field-error" id="end-error">Bij ‘Einddatum’ staat geen goede datum.'
	assert_contains '<p class="field-error" id="age_min-error">Vul bij ‘Vanaf (jaar)’ een leeftijd in van 0 tot en met 27 jaar'
	assert_contains '<p class="field-error" id="age_max-error">Vul bij ‘Tot en met (jaar)’ een leeftijd'
	assert_contains 'id="partners-error">Deze naam van een organisatie is te lang: “oooooo'
	assert_contains 'name="start" value="2024-02-30"'
	assert_contains 'name="end" value="31-12-2024"'
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Data $TAG" \
	    --form-string "start=2024-06-01" --form-string "end=2024-05-31" \
	    --form-string "age_min=16" --form-string "age_max=12" \
	    --form-string "phase=lopend" --form-string "phase_since=1980-01-01"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="end-error">De einddatum ligt voor de startdatum.'
	assert_contains '<p class="field-error" id="age_max-error">Deze leeftijd is lager dan de leeftijd bij ‘Vanaf’.'
	assert_contains '<p class="field-error" id="phase_since-error">Kies bij ‘In deze fase sinds’ een datum tussen 1990 en 2100.</p>'
	# A leap day is a date; the same start and end day is fine.
	create a "Data $TAG" save --form-string "start=2024-02-29" \
	    --form-string "end=2024-02-29" --form-string "age_min=0" \
	    --form-string "age_max=27"
	[ "$(pilot "$SLUG" "start_on || '|' || end_on || '|' || age_min || '|' || age_max")" = \
	    "2024-02-29|2024-02-29|0|27" ]
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Data $TAG'")" = 1 ]
}

@test "the contact person: yourself agrees at once, someone else is asked" {
	member a "Anna $TAG"
	member c "Carla $TAG"
	create a "Contact zelf $TAG" save --form-string "contact=anna $TAG"
	[ "$(pilot "$SLUG" "contact_id || '|' || (contact_agreed_at IS NOT NULL)")" = \
	    "$(acct_id "$EMAIL_a")|true" ]
	req -b "$(jar a)" "/pilots/$SLUG/bewerken"
	assert_contains "value=\"Anna $TAG\""
	assert_contains "Anna $TAG heeft ja gezegd."
	assert_contains 'aria-describedby="contact-hint contact-status"'

	create a "Contact ander $TAG" save --form-string "contact=Carla $TAG"
	[ "$(pilot "$SLUG" "contact_id || '|' || (contact_agreed_at IS NULL)")" = \
	    "$(acct_id "$EMAIL_c")|true" ]
	[ "$(db -c "SELECT kind || '|' || href FROM notification WHERE account_id = $(acct_id "$EMAIL_c")")" = \
	    "contact|/pilots/$SLUG/contactpersoon" ]
	req -b "$(jar a)" "/pilots/$SLUG/bewerken"
	assert_contains "Carla $TAG is gevraagd en heeft nog niet geantwoord."
	# Saving again does not ask again.
	mpost a "/pilots/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Contact ander $TAG" \
	    --form-string "contact=Carla $TAG"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $(acct_id "$EMAIL_c")")" = 1 ]
}

@test "an unknown or shared contact name is a field message; nothing saved" {
	member a "Anna $TAG"
	member b "Dubbel $TAG"
	member c "Dubbel $TAG"
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Onbekend $TAG" \
	    --form-string "contact=Niemand $TAG" --form-string "problem=Tekst"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="contact-error">Er is geen lid met deze naam.'
	assert_contains "value=\"Niemand $TAG\""
	assert_contains ">Tekst</textarea>"
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Onbekend $TAG" \
	    --form-string "contact=Dubbel $TAG"
	[ "$status_code" = 400 ]
	assert_contains "Meer leden hebben deze naam. Vraag de contactpersoon om een unieke naam."
	# A region the list does not have: pilot_save() refuses it.
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Onbekend $TAG" \
	    --form-string "region=atlantis"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="region-error">Kies een regio uit de lijst.</p>'
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Onbekend $TAG'")" = 0 ]
}

@test "preview renders the fields and figures; nothing is saved" {
	member a
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=preview" --form-string "title=Voorbeeld $TAG" \
	    "${complete[@]}" \
	    --form-string $'body=## Verloop\r\n\r\nZie [boven](#verloop).\r\n\r\n## Daarna\r\n\r\nMeer.'
	[ "$status_code" = 200 ]
	assert_contains '<h2 id="preview-title">Voorbeeld</h2>'
	assert_contains '<h3 class="pilot-preview-part">Knelpunten</h3>'
	assert_contains '<li>Te veel plaatsingen.</li>'
	assert_contains '<p>Ook in het weekend.</p>'
	assert_contains 'id="voorbeeld-verloop"'
	assert_contains 'href="#voorbeeld-verloop"'
	assert_contains '<caption id="preview-figures-caption">Resultaten in cijfers</caption>'
	assert_contains '<tr><th scope="row">Minder dagen in afzondering</th><td>-35,5 %</td></tr>'
	assert_contains "value=\"Voorbeeld $TAG\""
	grep -Eq 'name="nonce" value="[A-Za-z0-9_-]{43}"' <<<"$body"
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Voorbeeld $TAG'")" = 0 ]
}

@test "the same nonce twice makes one pilot; without one nothing is saved" {
	member a
	local n first
	n=$(nonce a)
	mpost a /pilots/nieuw --form-string "nonce=$n" --form-string "action=submit" \
	    --form-string "title=Dubbel $TAG" "${complete[@]}"
	[ "$status_code" = 303 ]
	first=$(header location)
	[[ "$first" == *"?gedaan=ingediend" ]]
	mpost a /pilots/nieuw --form-string "nonce=$n" --form-string "action=submit" \
	    --form-string "title=Dubbel $TAG" "${complete[@]}"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$first" ]
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Dubbel $TAG'")" = 1 ]
	mpost a /pilots/nieuw --form-string "action=save" \
	    --form-string "title=Zonder $TAG"
	[ "$status_code" = 400 ]
	assert_contains "Het formulier was niet compleet."
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Zonder $TAG'")" = 0 ]
}

@test "two edits from the same revision: the second gets 409 with the typed text" {
	member a
	create a "Botsing $TAG" save "${complete[@]}"
	[ "$(base a "$SLUG")" = 1 ]
	fields_but results
	mpost a "/pilots/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Botsing $TAG" \
	    "${FIELDS[@]}" --form-string $'results=De versie van Anna.'
	[ "$status_code" = 303 ]
	mpost a "/pilots/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Botsing van Bram" \
	    "${FIELDS[@]}" --form-string $'results=De versie van Bram.\r\nMet een regel erbij.'
	[ "$status_code" = 409 ]
	assert_contains "Iemand anders heeft deze pilot net aangepast"
	assert_contains "Je begon bij versie 1. Intussen is versie 2 opgeslagen."
	assert_contains '<table class="diff"'
	assert_contains 'De versie van <del'
	assert_contains 'value="Botsing van Bram"'
	assert_contains $'>De versie van Bram.\nMet een regel erbij.</textarea>'
	assert_contains 'name="base" value="2"'
	[ "$(pilot "$SLUG" "results_md")" = "De versie van Anna." ]
	[ "$(item "$SLUG" revision)" = 2 ]
}

@test "strangers: 404 on a concept, 403 on a published pilot; editors publish" {
	member a "Auteur"
	member b "Ander"
	member r "Redacteur"
	set_role "$EMAIL_r" redacteur
	create a "Van een ander $TAG" save "${complete[@]}"
	req -b "$(jar b)" "/pilots/$SLUG/bewerken"
	[ "$status_code" = 404 ]
	mpost b "/pilots/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Gekaapt"
	[ "$status_code" = 404 ]
	[ "$(item "$SLUG" "title || '|' || revision")" = "Van een ander $TAG|1" ]
	req -b "$(jar b)" "/pilots/bestaat-niet-$TAG/bewerken"
	[ "$status_code" = 404 ]
	# The editor's form offers publishing; publishing checks the fields.
	req -b "$(jar r)" "/pilots/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains 'name="action" value="publish">Opslaan en publiceren</button>'
	assert_contains '<select id="owner" name="owner"'
	fields_but approach
	mpost r "/pilots/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=publish" --form-string "title=Van een ander $TAG" \
	    "${FIELDS[@]}"
	[ "$status_code" = 422 ]
	assert_contains "Beschrijf de oplossingsrichtingen."
	[ "$(item "$SLUG" "status || '|' || revision")" = "concept|1" ]
	mpost r "/pilots/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=publish" --form-string "title=Van een ander $TAG" \
	    "${complete[@]}"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$SLUG?gedaan=goedgekeurd" ]
	[ "$(item "$SLUG" "status || '|' || revision")" = "gepubliceerd|2" ]
	# Published: a stranger gets 403, and a member may not publish.
	req -b "$(jar b)" "/pilots/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	mpost b "/pilots/$SLUG/bewerken" --form-string "base=2" \
	    --form-string "action=save" --form-string "title=Gekaapt"
	[ "$status_code" = 403 ]
	# The author may edit, but not empty a required field any more.
	fields_but region
	mpost a "/pilots/$SLUG/bewerken" --form-string "base=2" \
	    --form-string "action=save" --form-string "title=Van een ander $TAG" \
	    "${FIELDS[@]}"
	[ "$status_code" = 422 ]
	assert_contains "Deze pilot is al ingediend of gepubliceerd."
	assert_contains "Kies de regio. Dat is nodig voor publicatie."
	mpost a "/pilots/$SLUG/bewerken" --form-string "base=2" \
	    --form-string "action=publish" --form-string "title=Van een ander $TAG" \
	    "${complete[@]}"
	[ "$status_code" = 400 ]
	assert_contains "Deze knop past niet bij de pilot zoals die nu is."
	[ "$(item "$SLUG" revision)" = 2 ]
}

@test "a missing or foreign CSRF token: 403, the form comes back, nothing saved" {
	member a
	local n
	n=$(nonce a)
	req -b "$(jar a)" -H "Origin: $BRON_URL" -F "nonce=$n" -F "action=save" \
	    --form-string "title=Vervalst $TAG" --form-string "problem=Mijn tekst." \
	    /pilots/nieuw
	[ "$status_code" = 403 ]
	assert_contains "Dit formulier was verlopen of kwam niet van deze site."
	assert_contains "value=\"Vervalst $TAG\""
	assert_contains ">Mijn tekst.</textarea>"
	req -b "$(jar a)" -H "Origin: https://evil.example" \
	    --form-string "_csrf=$(csrf a)" -F "nonce=$n" -F "action=save" \
	    --form-string "title=Vervalst $TAG" /pilots/nieuw
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Vervalst $TAG'")" = 0 ]
}

@test "typed markup stays text in the form, the preview and the 409 page" {
	member a
	local x='<script>alert(1)</script>"'
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=preview" --form-string "title=$x" \
	    --form-string "target_group=$x" --form-string "partners=$x" \
	    --form-string "problem=$x" --form-string "figures=$x = 1 $x" \
	    --form-string "contact=$x"
	[ "$status_code" = 400 ]
	assert_not_contains "<script>alert"
	assert_contains 'value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;"'
	mpost a /pilots/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=preview" --form-string "title=$x" \
	    --form-string "target_group=$x" --form-string "partners=$x" \
	    --form-string "problem=$x" --form-string "figures=Label $x = 1"
	[ "$status_code" = 200 ]
	assert_not_contains "<script>alert"
	assert_contains '<th scope="row">Label &lt;script&gt;alert(1)&lt;/script&gt;&quot;</th>'
}

@test "related: a lesson is refused with its own message, an unknown page named" {
	member rel
	fields_but
	create rel "Pilot met relaties $TAG" save "${FIELDS[@]}"
	mpost rel "/pilots/$SLUG/bewerken" --form-string "base=$(base rel "$SLUG")" \
	    --form-string "action=save" --form-string "title=Pilot met relaties $TAG" \
	    --form-string $'related=/lessen/12345'
	[ "$status_code" = 400 ] || [ "$status_code" = 422 ]
	assert_contains "Een les kan niet bij Gerelateerd: /lessen/12345."
	mpost rel "/pilots/$SLUG/bewerken" --form-string "base=$(base rel "$SLUG")" \
	    --form-string "action=save" --form-string "title=Pilot met relaties $TAG" \
	    --form-string $'related=/artikelen/bestaat-niet-'"$TAG"
	[ "$status_code" = 400 ] || [ "$status_code" = 422 ]
	assert_contains "bestaat-niet-$TAG"
	assert_not_contains "Een les kan niet"
	[ "$(item "$SLUG" revision)" = 1 ]
}
