#!/usr/bin/env bats
# Theme management (issue 5): /redactie/themas (list and create),
# /redactie/themas/<slug> (rename, describe) and .../samenvoegen (merge),
# for editors only; field errors come back with what was typed.
load helpers

# The themes and items made here are removed again afterwards: the
# development database is shared, and its theme lists should stay usable.
setup_file() {
	export THA_T0
	THA_T0=$(db -c "SELECT now()")
}

teardown_file() {
	db -c "DELETE FROM item WHERE slug LIKE 'tha-%' AND created_at >= '$THA_T0'"
	db -c "DELETE FROM theme WHERE created_at >= '$THA_T0' AND (slug LIKE
	    'testthema-%' OR slug LIKE 'suicide-zorg-%' OR slug LIKE 'script-alert-%')"
}

# Registration is throttled per IP: every sign-up gets its own address.
test_ip() {
	echo "10.23.$((RANDOM % 256)).$((RANDOM % 254 + 1))"
}

newuser() {
	post "$1" /registreren -H "X-Real-IP: $(test_ip)" \
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
	e=$(unique_email redactie)
	newuser red "$e" "Redacteur $$"
	set_role "$e" "${1:-redacteur}"
	RED_ID=$(db -c "SELECT id FROM account WHERE email = '$e'")
}

# mpost JAR PATH [--form-string k=v ...]: a same-origin multipart POST
# (as the browser sends the theme forms) with the jar's token.
mpost() {
	local j=$1 path=$2 t
	shift 2
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

# A title no other test run uses, and the slug Bron makes of it.
uniq_title() {
	TITLE="Testthema $1 $$ $RANDOM$RANDOM"
	SLUG=$(tr 'A-Z ' 'a-z-' <<<"$TITLE")
}

# create TITLE [SUMMARY] [BODY]: a theme, as the editor.
create() {
	mpost red /redactie/themas --form-string "title=$1" \
	    --form-string "summary=${2-Een korte uitleg.}" \
	    --form-string "body=${3:-}"
}

theme_id() {
	db -c "SELECT id FROM theme WHERE slug = '$1'"
}

@test "visitors are sent to sign in; members get 403 and change nothing" {
	for p in /redactie/themas /redactie/themas/suicidepreventie; do
		req "$p"
		[ "$status_code" = 303 ]
		[[ "$(header location)" == /inloggen\?terug=* ]]
	done
	post visitor /redactie/themas/suicidepreventie/samenvoegen \
	    --data "into=vakmanschap"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]

	newuser lid "$(unique_email lid)"
	for p in /redactie/themas /redactie/themas/suicidepreventie; do
		req -b "$(jar lid)" "$p"
		[ "$status_code" = 403 ]
	done
	uniq_title lid
	mpost lid /redactie/themas --form-string "title=$TITLE" \
	    --form-string "summary=Mag niet."
	[ "$status_code" = 403 ]
	[ -z "$(theme_id "$SLUG")" ]
	mpost lid /redactie/themas/vakmanschap --form-string "title=Overgenomen" \
	    --form-string "summary=Mag niet."
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT title FROM theme WHERE slug = 'vakmanschap'")" = Vakmanschap ]
	post lid /redactie/themas/vakmanschap/samenvoegen --data "into=kleinschaligheid"
	[ "$status_code" = 403 ]
	[ -n "$(theme_id vakmanschap)" ]
}

@test "the list shows every theme with its item count and the create form" {
	new_editor
	req -b "$(jar red)" /redactie/themas
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<h1>Thema&#39;s beheren</h1>"
	assert_contains '<a href="/redactie/themas/kleinschaligheid">Kleinschaligheid</a>'
	assert_contains '<a href="/themas/kleinschaligheid">/themas/kleinschaligheid</a>'
	assert_contains 'enctype="multipart/form-data"'
	assert_contains '<label for="title">Titel</label>'
	# The count is the number of items on the theme, whatever their state.
	uniq_title telling
	create "$TITLE"
	[ "$status_code" = 303 ]
	id=$(theme_id "$SLUG")
	for n in 1 2 3; do
		db -c "WITH i AS (INSERT INTO item (kind, slug, title)
		    VALUES ('artikel', 'tha-$SLUG-$n', 'Telling $n') RETURNING id)
		    INSERT INTO item_theme SELECT id, $id FROM i"
	done
	req -b "$(jar red)" /redactie/themas
	row=$(grep -A3 "/redactie/themas/$SLUG\"" <<<"$body")
	[[ "$row" == *"<td>3</td>"* ]]
	# Beheerders are editors too.
	new_editor beheerder
	req -b "$(jar red)" /redactie/themas
	[ "$status_code" = 200 ]
}

@test "an editor creates a theme: slug from the title, Markdown rendered, audit row" {
	new_editor
	r=$RANDOM$RANDOM
	TITLE="Suïcide & Zorg $$ $r"
	SLUG="suicide-zorg-$$-$r"
	create "$TITLE" "Waar het over gaat." $'Eerste alinea met **vet**.\r\n\r\n## Kop\r\n\r\nTweede.'
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/themas/$SLUG?gedaan=aangemaakt" ]
	id=$(theme_id "$SLUG")
	[ -n "$id" ]
	[ "$(db -c "SELECT title FROM theme WHERE id = $id")" = "$TITLE" ]
	# Line breaks are stored as LF; the description as cmark made it.
	[ "$(db -c "SELECT body_md FROM theme WHERE id = $id")" = $'Eerste alinea met **vet**.\n\n## Kop\n\nTweede.' ]
	html=$(db -c "SELECT body_html FROM theme WHERE id = $id")
	[[ "$html" == *"<strong>vet</strong>"* && "$html" == *"<h2>Kop</h2>"* ]]
	# It goes last on /themas.
	[ "$(db -c "SELECT position = (SELECT max(position) FROM theme) FROM theme WHERE id = $id")" = t ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'thema_aangemaakt'
	    AND actor_id = $RED_ID AND target_id = $id AND detail = '$SLUG'")" = 1 ]
	req -b "$(jar red)" "$(header location)"
	[ "$status_code" = 200 ]
	assert_contains '<p class="notice" role="status">Het thema is aangemaakt.'
	assert_contains "value=\"Suïcide &amp; Zorg"
	req "/themas/$SLUG"
	[ "$status_code" = 200 ]
	assert_contains "<strong>vet</strong>"
	req /themas
	assert_contains "/themas/$SLUG"
}

@test "a title whose slug is taken gets a message next to it (409), text kept" {
	new_editor
	uniq_title dubbel
	create "$TITLE"
	[ "$status_code" = 303 ]
	create "$TITLE!" "Mijn tweede samenvatting" "Mijn *tekst*"
	[ "$status_code" = 409 ]
	assert_contains "Er is al een thema met het adres /themas/$SLUG."
	assert_contains "<title>Fout: "
	assert_contains "value=\"$TITLE!\""
	assert_contains ">Mijn tweede samenvatting</textarea>"
	assert_contains ">Mijn *tekst*</textarea>"
	[ "$(db -c "SELECT count(*) FROM theme WHERE slug LIKE '$SLUG%'")" = 1 ]
	# An existing seed theme's title too.
	create "Kleinschaligheid"
	[ "$status_code" = 409 ]
	assert_contains "Er is al een thema met het adres /themas/kleinschaligheid."
}

@test "field errors come back next to their fields with the text as typed" {
	new_editor
	create "" "Mijn samenvatting blijft staan" "Mijn beschrijving blijft staan"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="title-error">Vul een titel in.</p>'
	assert_contains 'aria-describedby="title-hint title-error" aria-invalid="true"'
	# The summary links to the field (fv.c may put its label first).
	[[ "$body" =~ \<a\ href=\"#title\"\>[^\<]*Vul\ een\ titel\ in\.\</a\> ]]
	assert_contains ">Mijn samenvatting blijft staan</textarea>"
	assert_contains ">Mijn beschrijving blijft staan</textarea>"

	long=$(printf 'x%.0s' $(seq 201))
	create "$long" ""
	[ "$status_code" = 400 ]
	assert_contains "De titel is te lang. Gebruik hoogstens 200 tekens."
	assert_contains "value=\"$long\""
	assert_contains "Schrijf bij In het kort waar dit thema over gaat."

	create "!!! ???" "Samenvatting"
	[ "$status_code" = 400 ]
	assert_contains "Gebruik in de titel ook letters of cijfers."
	assert_contains 'value="!!! ???"'

	uniq_title lang
	create "$TITLE" "$(printf 'é%.0s' $(seq 1001))"
	[ "$status_code" = 400 ]
	assert_contains "De tekst bij In het kort is te lang. Gebruik hoogstens 1000 tekens."
	assert_contains "value=\"$TITLE\""
	[ -z "$(theme_id "$SLUG")" ]
	# 1000 characters of two bytes each are fine.
	create "$TITLE" "$(printf 'é%.0s' $(seq 1000))"
	[ "$status_code" = 303 ]

	# Over MD_MAX_INPUT (256 kB); too long for one argument, so a file.
	uniq_title groot
	head -c 270000 /dev/zero | tr '\0' a >"$BATS_TEST_TMPDIR/groot"
	mpost red /redactie/themas --form-string "title=$TITLE" \
	    --form-string "summary=Kort" -F "body=<$BATS_TEST_TMPDIR/groot"
	[ "$status_code" = 400 ]
	assert_contains "De beschrijving is te lang. Gebruik hoogstens 256 kB."
	assert_contains "value=\"$TITLE\""
	[ -z "$(theme_id "$SLUG")" ]
}

@test "an editor renames and describes a theme; the slug stays" {
	new_editor
	uniq_title hernoem
	create "$TITLE"
	id=$(theme_id "$SLUG")
	req -b "$(jar red)" "/redactie/themas/$SLUG"
	[ "$status_code" = 200 ]
	assert_contains "<h1>Thema wijzigen: $TITLE</h1>"
	assert_contains ">Een korte uitleg.</textarea>"
	mpost red "/redactie/themas/$SLUG" --form-string "title=Nieuwe naam $SLUG" \
	    --form-string "summary=Nieuwe uitleg." \
	    --form-string $'body=## Wat is het?\r\n\r\nZie [de lijst](/themas).'
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/themas/$SLUG?gedaan=opgeslagen" ]
	[ "$(db -c "SELECT title || '|' || summary || '|' || slug FROM theme WHERE id = $id")" = "Nieuwe naam $SLUG|Nieuwe uitleg.|$SLUG" ]
	[[ "$(db -c "SELECT body_html FROM theme WHERE id = $id")" == *'href="/themas">de lijst</a>'* ]]
	[ "$(db -c "SELECT detail FROM audit WHERE action = 'thema_gewijzigd'
	    AND actor_id = $RED_ID AND target_id = $id")" = "$SLUG: titel, in het kort, beschrijving" ]
	req -b "$(jar red)" "$(header location)"
	assert_contains "Je wijzigingen zijn opgeslagen."
	req "/themas/$SLUG"
	assert_contains "Nieuwe naam $SLUG"
	# Saving again without a change writes no second audit row.
	mpost red "/redactie/themas/$SLUG" --form-string "title=Nieuwe naam $SLUG" \
	    --form-string "summary=Nieuwe uitleg." \
	    --form-string $'body=## Wat is het?\n\nZie [de lijst](/themas).'
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'thema_gewijzigd' AND target_id = $id")" = 1 ]
	# Errors keep the typed text; nothing is saved.
	mpost red "/redactie/themas/$SLUG" --form-string "title=" \
	    --form-string "summary=Getypte uitleg"
	[ "$status_code" = 400 ]
	assert_contains "Vul een titel in."
	assert_contains ">Getypte uitleg</textarea>"
	assert_contains "<h1>Thema wijzigen: Nieuwe naam $SLUG</h1>"
	[ "$(db -c "SELECT summary FROM theme WHERE id = $id")" = "Nieuwe uitleg." ]
}

@test "merging moves the items, leaves an alias and an audit row" {
	new_editor
	uniq_title weg
	from=$SLUG
	from_title=$TITLE
	create "$TITLE"
	uniq_title blijft
	into=$SLUG
	create "$TITLE"
	from_id=$(theme_id "$from")
	into_id=$(theme_id "$into")
	# Two items on the old theme; one of them on both.
	for n in 1 2; do
		db -c "WITH i AS (INSERT INTO item (kind, slug, title)
		    VALUES ('artikel', 'tha-$from-$n', 'Item $n') RETURNING id)
		    INSERT INTO item_theme SELECT id, $from_id FROM i"
	done
	db -c "INSERT INTO item_theme SELECT id, $into_id FROM item
	    WHERE slug = 'tha-$from-2'"
	req -b "$(jar red)" "/redactie/themas/$from"
	assert_contains "<option value=\"$into\">"
	assert_not_contains "<option value=\"$from\">"

	post red "/redactie/themas/$from/samenvoegen" --data "into=$into"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/themas/$into?gedaan=samengevoegd" ]
	[ -z "$(theme_id "$from")" ]
	[ "$(db -c "SELECT count(*) FROM item_theme it JOIN item i ON i.id = it.item_id
	    WHERE it.theme_id = $into_id AND i.slug LIKE 'tha-$from-%'")" = 2 ]
	[ "$(db -c "SELECT theme_id FROM theme_alias WHERE slug = '$from'")" = "$into_id" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'thema_samenvoegen'
	    AND actor_id = $RED_ID AND target_id = $into_id")" = 1 ]
	req -b "$(jar red)" "$(header location)"
	assert_contains "De thema&#39;s zijn samengevoegd."
	# The old address sends visitors to the theme it went into.
	req "/themas/$from"
	[ "$status_code" = 301 ]
	[[ "$(header location)" == */themas/$into ]]
	# A new theme may take the old address over.
	create "$from_title"
	[ "$status_code" = 303 ]
	[ -z "$(db -c "SELECT theme_id FROM theme_alias WHERE slug = '$from'")" ]
	req "/themas/$from"
	[ "$status_code" = 200 ]
}

@test "merge errors: no choice, itself, an unknown theme; GET goes to the theme" {
	new_editor
	uniq_title alleen
	create "$TITLE"
	post red "/redactie/themas/$SLUG/samenvoegen"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="into-error">Kies het thema waarmee je dit thema wilt samenvoegen.</p>'
	for bad in "$SLUG" bestaat-niet-$$ '<script>'; do
		post red "/redactie/themas/$SLUG/samenvoegen" --data-urlencode "into=$bad"
		[ "$status_code" = 400 ]
	done
	post red "/redactie/themas/$SLUG/samenvoegen" --data "into=$SLUG"
	assert_contains "Dat thema bestaat niet (meer)."
	[ -n "$(theme_id "$SLUG")" ]
	post red "/redactie/themas/bestaat-niet-$$/samenvoegen" --data "into=$SLUG"
	[ "$status_code" = 404 ]
	req -b "$(jar red)" "/redactie/themas/$SLUG/samenvoegen"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/themas/$SLUG" ]
}

@test "a POST without the form's token is refused (403), text kept, nothing changed" {
	new_editor
	uniq_title csrf
	req -b "$(jar red)" -H "Origin: $BRON_URL" --form-string "title=$TITLE" \
	    --form-string "summary=Getypt" /redactie/themas
	[ "$status_code" = 403 ]
	assert_contains "Dit formulier was verlopen of kwam niet van deze site."
	assert_contains "value=\"$TITLE\""
	[ -z "$(theme_id "$SLUG")" ]
	req -b "$(jar red)" -H "Origin: $BRON_URL" --form-string "title=Gekaapt" \
	    --form-string "summary=Getypt" /redactie/themas/vakmanschap
	[ "$status_code" = 403 ]
	assert_contains 'value="Gekaapt"'
	[ "$(db -c "SELECT title FROM theme WHERE slug = 'vakmanschap'")" = Vakmanschap ]
	req -b "$(jar red)" -H "Origin: $BRON_URL" -d into=kleinschaligheid \
	    /redactie/themas/vakmanschap/samenvoegen
	[ "$status_code" = 403 ]
	[ -n "$(theme_id vakmanschap)" ]
	# The right token from another site is refused too.
	t=$(csrf red)
	req -b "$(jar red)" -H "Origin: http://evil.example" \
	    --form-string "_csrf=$t" --form-string "title=$TITLE" \
	    --form-string "summary=x" /redactie/themas
	[ "$status_code" = 403 ]
	[ -z "$(theme_id "$SLUG")" ]
}

@test "XSS in title and summary is escaped on /themas and /redactie/themas" {
	new_editor
	n="$$$RANDOM"
	create "<script>alert($n)</script> Thema" "<img src=x onerror=alert($n)> uitleg"
	[ "$status_code" = 303 ]
	slug=$(db -c "SELECT slug FROM theme WHERE title LIKE '%alert($n)%'")
	[ -n "$slug" ]
	for p in /themas /redactie/themas "/redactie/themas/$slug" "/themas/$slug"; do
		req -b "$(jar red)" "$p"
		[ "$status_code" = 200 ]
		assert_not_contains "<script>alert($n)"
		assert_not_contains "<img src=x onerror=alert($n)"
		assert_contains "&lt;script&gt;alert($n)&lt;/script&gt; Thema"
	done
	req /themas
	assert_contains "&lt;img src=x onerror=alert($n)&gt; uitleg"
	# Raw HTML in the description is dropped by cmark.
	mpost red "/redactie/themas/$slug" --form-string "title=Veilig $n" \
	    --form-string "summary=x" \
	    --form-string "body=<script>alert($n)</script> [a](javascript:alert($n))"
	[ "$status_code" = 303 ]
	req "/themas/$slug"
	assert_not_contains "<script>alert($n)"
	assert_not_contains "javascript:alert"
}

@test "unknown themes are 404; an unknown gedaan word shows no notice" {
	new_editor
	for p in /redactie/themas/bestaat-niet-$$ /redactie/themas/a--b /redactie/themas/-a; do
		req -b "$(jar red)" "$p"
		[ "$status_code" = 404 ]
	done
	req -b "$(jar red)" "/redactie/themas/kleinschaligheid?gedaan=iets_anders"
	[ "$status_code" = 200 ]
	assert_not_contains 'class="notice"'
	req -b "$(jar red)" "/redactie/themas/kleinschaligheid?gedaan=%3Cb%3E"
	[ "$status_code" = 200 ]
}
