#!/usr/bin/env bats
# The resource editor (issue 10): /bronnen/nieuw and
# /bronnen/<slug>/bewerken. Editors publish, members suggest (the
# editors' queue), files through the upload path (a pending upload
# survives a 422), new versions of a file keep the old ones, a message
# next to every refused field with the typed values kept, 409 on a stale
# revision, and no review or publication without a file or a link.

load helpers

setup() {
	IP="10.72.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
	TAG="re$$x$RANDOM$RANDOM"
	F="$BATS_TEST_TMPDIR/files"
	mkdir -p "$F"
	printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$F/a.pdf"
	printf '%%PDF-1.5\n%% tweede druk\n1 0 obj<<>>endobj\n%%%%EOF\n' \
	    >"$F/b.pdf"
	printf '<html><script>alert(1)</script></html>' >"$F/fake.png"
}

# person JAR ROLE: a new signed-in account; sets ID_<JAR>.
person() {
	local e
	e=$(unique_email "redit-$1")
	post "$1" /registreren -H "X-Real-IP: $IP" \
	    --data-urlencode "email=$e" --data-urlencode "name=Lid $1 $TAG" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ]
	[ "$2" = lid ] || set_role "$e" "$2"
	printf -v "ID_$1" '%s' "$(db -c "SELECT id FROM account WHERE email = '$e'")"
}

# form JAR PATH: the editor's hidden fields into CSRF, NONCE and BASE.
form() {
	req -b "$(jar "$1")" "$2"
	[ "$status_code" = 200 ]
	CSRF=$(printf '%s' "$body" | grep -o 'name="_csrf" value="[^"]*"' |
	    head -n 1 | cut -d'"' -f4)
	NONCE=$(printf '%s' "$body" | grep -o 'name="nonce" value="[^"]*"' |
	    cut -d'"' -f4)
	BASE=$(printf '%s' "$body" | grep -o 'name="base" value="[^"]*"' |
	    cut -d'"' -f4)
}

# send JAR PATH [curl -F args...]: a multipart POST of the editor form
# fetched first from PATH (its _csrf, and its nonce or base). Of a field
# sent twice the handler reads the first: overrides go before FIELDS.
send() {
	local j=$1 path=$2
	shift 2
	form "$j" "$path"
	local extra=()
	[ -n "$NONCE" ] && extra+=(--form-string "nonce=$NONCE")
	[ -n "$BASE" ] && extra+=(--form-string "base=$BASE")
	req -b "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$CSRF" "${extra[@]}" "$@" "$path"
}

# The fields of a good resource; $1 the title.
fields() {
	FIELDS=(--form-string "title=$1" --form-string "summary=Kort: wat het is."
	    --form-string "body=## Inhoud
Een *handreiking* met voorbeelden." --form-string type=publicatie
	    --form-string "publisher=Uitgever $TAG" --form-string year=2023
	    --form-string language=nl)
}

slug_of() {
	printf '%s' "$(header location)" | sed -n 's#^/bronnen/\([a-z0-9-]*\)?.*#\1#p'
}

@test "visitors are sent to sign in" {
	req /bronnen/nieuw
	[ "$status_code" = 303 ]
	[[ "$(header location)" == "/inloggen?terug="* ]]
}

@test "an editor publishes a resource with a PDF; it is public and downloadable" {
	person ed redacteur
	form ed /bronnen/nieuw
	assert_html_headers
	assert_contains 'name="bestand"'
	assert_contains 'accept=".pdf,.png,.jpg,.jpeg,.webp,.txt,.odt,.docx"'
	assert_contains 'Hoogstens 3 MB per bestand.'
	assert_contains '>Publiceren</button>'
	fields "Handreiking $TAG"
	send ed /bronnen/nieuw "${FIELDS[@]}" --form-string action=publish \
	    -F "bestand=@$F/a.pdf;filename=handreiking.pdf"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == *"?gedaan=gepubliceerd" ]]
	SLUG=$(slug_of)
	[ "$(db -c "SELECT i.status || ' ' || r.type || ' ' || r.year || ' ' ||
	    u.name || ' ' || u.mime FROM item i JOIN resource r ON r.item_id = i.id
	    JOIN resource_file f ON f.item_id = i.id JOIN upload u
	    ON u.id = f.upload_id WHERE i.kind = 'bron' AND i.slug = '$SLUG'")" = \
	    "gepubliceerd publicatie 2023 handreiking.pdf application/pdf" ]
	TOKEN=$(db -c "SELECT u.token FROM upload u JOIN resource_file f
	    ON f.upload_id = u.id JOIN item i ON i.id = f.item_id
	    WHERE i.slug = '$SLUG' AND i.kind = 'bron'")
	[ -f "$BRON_UPLOAD_DIR/$TOKEN" ]
	req "/bronnen/$SLUG"
	[ "$status_code" = 200 ]
	req "/bestanden/$TOKEN"
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "application/pdf" ]
	[[ "$body" == "%PDF-1.4"* ]]
	# A double POST (same nonce) leads to the same resource.
	req -b "$(jar ed)" -H "Origin: $BRON_URL" --form-string "_csrf=$CSRF" \
	    --form-string "nonce=$NONCE" "${FIELDS[@]}" \
	    --form-string action=publish /bronnen/nieuw
	[ "$status_code" = 303 ]
	[ "$(slug_of)" = "$SLUG" ]
	[ "$(db -c "SELECT count(*) FROM item WHERE kind = 'bron'
	    AND title = 'Handreiking $TAG'")" = 1 ]
}

@test "a member suggests a resource with a link: not public until an editor publishes it" {
	person lid lid
	person ed redacteur
	form lid /bronnen/nieuw
	assert_contains 'Voorstel voor een bron'
	assert_contains 'De redactie controleert je voorstel en publiceert het.'
	assert_contains '>Voorstellen aan de redactie</button>'
	assert_not_contains 'value="publish"'
	fields "Toolkit $TAG"
	send lid /bronnen/nieuw --form-string type=toolkit "${FIELDS[@]}" \
	    --form-string "url=https://example.org/toolkit?a=1&b=2" \
	    --form-string action=submit
	[ "$status_code" = 303 ]
	[[ "$(header location)" == *"?gedaan=voorgesteld" ]]
	SLUG=$(slug_of)
	[ "$(db -c "SELECT i.status || ' ' || r.type || ' ' || r.url FROM item i
	    JOIN resource r ON r.item_id = i.id WHERE i.kind = 'bron'
	    AND i.slug = '$SLUG'")" = \
	    "ter_review toolkit https://example.org/toolkit?a=1&b=2" ]
	req "/bronnen/$SLUG"
	[ "$status_code" = 404 ]
	# In review the member may no longer change it.
	req -b "$(jar lid)" "/bronnen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	# An editor publishes it from the editor.
	send ed "/bronnen/$SLUG/bewerken" --form-string type=toolkit "${FIELDS[@]}" \
	    --form-string "url=https://example.org/toolkit?a=1&b=2" \
	    --form-string action=publish
	[ "$status_code" = 303 ]
	[[ "$(header location)" == *"?gedaan=gepubliceerd" ]]
	req "/bronnen/$SLUG"
	[ "$status_code" = 200 ]
	# After publication the member may not edit it.
	req -b "$(jar lid)" "/bronnen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	send ed "/bronnen/$SLUG/bewerken" "${FIELDS[@]}" --form-string action=save
	CSRF_LID=$(csrf lid /bronnen/nieuw)
	req -b "$(jar lid)" -H "Origin: $BRON_URL" --form-string "_csrf=$CSRF_LID" \
	    --form-string "base=1" "${FIELDS[@]}" --form-string action=save \
	    "/bronnen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
}

@test "the editors' queue lists a suggestion; a member may not publish it (workflow routes)" {
	person lid lid
	person ed redacteur
	fields "Suggestie $TAG"
	send lid /bronnen/nieuw "${FIELDS[@]}" \
	    --form-string "url=https://example.org/v" --form-string action=submit
	[ "$status_code" = 303 ]
	SLUG=$(slug_of)
	req -b "$(jar ed)" /redactie
	[ "$status_code" = 200 ]
	assert_contains "/bronnen/$SLUG"
	# The row of the suggestion says it is one.
	printf '%s' "$body" | tr -d '\n' | sed 's#<tr#\n<tr#g' |
	    grep "/bronnen/$SLUG\"" | grep -q 'Voorstel'
	post lid "/bronnen/$SLUG/status" --data-urlencode action=goedkeuren
	[ "$status_code" = 403 ]
	post ed "/bronnen/$SLUG/status" --data-urlencode action=goedkeuren
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT status FROM item WHERE kind = 'bron'
	    AND slug = '$SLUG'")" = gepubliceerd ]
}

@test "a member may not publish from the editor" {
	person lid lid
	fields "Niet zelf $TAG"
	send lid /bronnen/nieuw "${FIELDS[@]}" \
	    --form-string "url=https://example.org/x" --form-string action=publish
	[ "$status_code" = 403 ]
	assert_contains 'Deze knop kun je hier niet gebruiken.'
	assert_contains "value=\"Niet zelf $TAG\""
	[ "$(db -c "SELECT count(*) FROM item WHERE kind = 'bron'
	    AND title = 'Niet zelf $TAG'")" = 0 ]
}

@test "no review or publication without a file or a link" {
	person lid lid
	person ed redacteur
	fields "Leeg $TAG"
	send lid /bronnen/nieuw "${FIELDS[@]}" --form-string action=submit
	[ "$status_code" = 422 ]
	assert_contains 'Voeg een bestand of een link toe.'
	send ed /bronnen/nieuw "${FIELDS[@]}" --form-string action=publish
	[ "$status_code" = 422 ]
	assert_contains 'Voeg een bestand of een link toe.'
	# A concept may be empty; sending it in later is refused in SQL.
	send lid /bronnen/nieuw "${FIELDS[@]}" --form-string action=save
	[ "$status_code" = 303 ]
	[[ "$(header location)" == *"?gedaan=bewaard" ]]
	SLUG=$(slug_of)
	send lid "/bronnen/$SLUG/bewerken" "${FIELDS[@]}" --form-string action=submit
	[ "$status_code" = 422 ]
	assert_contains 'Voeg een bestand of een link toe.'
	run db -c "SELECT item_transition(i.id, i.owner_id, 'indienen', '')
	    FROM item i WHERE i.kind = 'bron' AND i.slug = '$SLUG'"
	[ "$status" -ne 0 ]
	[[ "$output" == *"incomplete"* ]]
	[ "$(db -c "SELECT status FROM item WHERE kind = 'bron'
	    AND slug = '$SLUG'")" = concept ]
}

@test "every refused field gets its message and the typed values stay" {
	person ed redacteur
	local long1001 long201 long2001
	long1001=$(head -c 1001 /dev/zero | tr '\0' 'a')
	long201=$(head -c 201 /dev/zero | tr '\0' 'b')
	long2001="https://example.org/$(head -c 1990 /dev/zero | tr '\0' 'c')"
	check() {
		send ed /bronnen/nieuw --form-string action=save "$@"
		[ "$status_code" = 422 ] || {
			echo "status $status_code for $*" >&2
			return 1
		}
	}
	check --form-string "title=" --form-string type=publicatie \
	    --form-string "summary=Getypt $TAG"
	assert_contains 'Geef de bron een titel.'
	assert_contains "Getypt $TAG</textarea>"
	check --form-string "title=T $TAG" --form-string type=publicatie \
	    --form-string "summary=$long1001"
	assert_contains 'Dit stuk is te lang: 1001 tekens.'
	assert_contains "value=\"T $TAG\""
	check --form-string "title=T $TAG" --form-string "publisher=$long201"
	assert_contains 'Kies wat voor bron het is.'
	assert_contains 'De naam van de uitgever is te lang: 201 tekens.'
	check --form-string "title=T $TAG" --form-string type=sjabloon \
	    --form-string year=20x4 --form-string "publisher=Uitg <b>$TAG</b>"
	assert_contains 'Schrijf het jaar met vier cijfers'
	assert_contains 'value="20x4"'
	assert_contains "value=\"Uitg &lt;b&gt;$TAG&lt;/b&gt;\""
	assert_contains 'id="type-sjabloon" name="type" value="sjabloon" checked'
	check --form-string "title=T $TAG" --form-string type=video \
	    --form-string year=1850
	assert_contains 'Kies een jaar tussen 1900 en 2100.'
	check --form-string "title=T $TAG" --form-string type=video \
	    --form-string "url=javascript:alert(1)"
	assert_contains 'Een link die begint met &#8220;javascript:&#8221; kan niet.' ||
	    assert_contains 'begint met “javascript:” kan niet.'
	assert_contains 'value="javascript:alert(1)"'
	check --form-string "title=T $TAG" --form-string type=video \
	    --form-string "url=data:text/html,x"
	assert_contains 'begint met “data:” kan niet.'
	check --form-string "title=T $TAG" --form-string type=video \
	    --form-string "url=ftp://example.org/x.pdf"
	assert_contains 'begint met “ftp:” kan niet.'
	check --form-string "title=T $TAG" --form-string type=video \
	    --form-string "url=example.org zonder schema"
	assert_contains 'Dit is geen link naar een website.'
	check --form-string "title=T $TAG" --form-string type=video \
	    --form-string "url=$long2001"
	assert_contains 'Deze link is te lang: 2010 tekens.'
	check --form-string "title=T $TAG" --form-string type=video \
	    --form-string language=xx
	assert_contains 'Kies een taal uit de lijst.'
	local bigbody
	bigbody=$(head -c 100001 /dev/zero | tr '\0' 'd')
	check --form-string "title=T $TAG" --form-string type=video \
	    --form-string "body=$bigbody"
	assert_contains 'De beschrijving is te lang: 100001 tekens.'
	[ "$(db -c "SELECT count(*) FROM item WHERE kind = 'bron'
	    AND title = 'T $TAG'")" = 0 ]
}

@test "a refused file gets a message next to the field, the title stays" {
	person ed redacteur
	fields "Nep $TAG"
	send ed /bronnen/nieuw "${FIELDS[@]}" --form-string action=save \
	    -F "bestand=@$F/fake.png;filename=foto.png;type=image/png"
	[ "$status_code" = 422 ]
	assert_contains 'class="field has-error"'
	assert_contains 'webpagina'
	assert_contains "value=\"Nep $TAG\""
	assert_not_contains 'name="bestand_token"'
}

@test "a pending upload survives a 422 and is attached by the next save" {
	person ed redacteur
	fields "Wacht $TAG"
	send ed /bronnen/nieuw --form-string year=99 "${FIELDS[@]}" \
	    --form-string action=save -F "bestand=@$F/a.pdf;filename=../../geheim.pdf"
	[ "$status_code" = 422 ]
	assert_contains 'Schrijf het jaar met vier cijfers'
	assert_contains 'Ontvangen: geheim.pdf (45 bytes).'
	TOKEN=$(printf '%s' "$body" | grep -o 'name="bestand_token" value="[a-f0-9]*"' |
	    cut -d'"' -f4)
	[ ${#TOKEN} = 32 ]
	[ "$(db -c "SELECT name FROM upload WHERE token = '$TOKEN'")" = geheim.pdf ]
	local ed_csrf=$CSRF ed_nonce=$NONCE
	# Someone else's pending upload is not theirs to attach.
	person other lid
	send other /bronnen/nieuw "${FIELDS[@]}" --form-string "bestand_token=$TOKEN" \
	    --form-string action=save
	[ "$status_code" = 422 ]
	assert_contains 'Het bestand dat je eerder koos, is niet meer bij Bron.'
	# The same form again, the year fixed, without choosing the file.
	req -b "$(jar ed)" -H "Origin: $BRON_URL" --form-string "_csrf=$ed_csrf" \
	    --form-string "nonce=$ed_nonce" "${FIELDS[@]}" \
	    --form-string "bestand_token=$TOKEN" --form-string action=publish \
	    /bronnen/nieuw
	[ "$status_code" = 303 ]
	SLUG=$(slug_of)
	[ "$(db -c "SELECT f.slot || '/' || f.version FROM resource_file f
	    JOIN upload u ON u.id = f.upload_id WHERE u.token = '$TOKEN'")" = 1/1 ]
	[ "$(db -c "SELECT status FROM item WHERE kind = 'bron'
	    AND slug = '$SLUG'")" = gepubliceerd ]
}

@test "a new version of a file keeps the old one; both download" {
	person ed redacteur
	fields "Versies $TAG"
	send ed /bronnen/nieuw "${FIELDS[@]}" --form-string action=publish \
	    -F "bestand=@$F/a.pdf;filename=plan.pdf"
	[ "$status_code" = 303 ]
	SLUG=$(slug_of)
	form ed "/bronnen/$SLUG/bewerken"
	assert_contains 'Dit bestand is'
	assert_contains 'Nieuwe versie van “plan.pdf”'
	send ed "/bronnen/$SLUG/bewerken" "${FIELDS[@]}" --form-string slot=1 \
	    --form-string "file_note=Tweede druk" --form-string action=save \
	    -F "bestand=@$F/b.pdf;filename=plan-2.pdf"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT string_agg(f.slot || '/' || f.version || ' ' || u.name
	    || ' ' || f.note, ',' ORDER BY f.version) FROM resource_file f
	    JOIN upload u ON u.id = f.upload_id JOIN item i ON i.id = f.item_id
	    WHERE i.kind = 'bron' AND i.slug = '$SLUG'")" = \
	    "1/1 plan.pdf ,1/2 plan-2.pdf Tweede druk" ]
	for t in $(db -c "SELECT u.token FROM resource_file f JOIN upload u
	    ON u.id = f.upload_id JOIN item i ON i.id = f.item_id
	    WHERE i.kind = 'bron' AND i.slug = '$SLUG'"); do
		req "/bestanden/$t"
		[ "$status_code" = 200 ]
	done
	# A slot that does not exist is refused with a message.
	send ed "/bronnen/$SLUG/bewerken" "${FIELDS[@]}" --form-string slot=7 \
	    --form-string action=save -F "bestand=@$F/b.pdf;filename=x.pdf"
	[ "$status_code" = 422 ]
	assert_contains 'Kies of dit een extra bestand is'
	assert_contains 'Ontvangen: x.pdf'
}

@test "a stale revision gives 409 with the typed text and a diff" {
	person ed redacteur
	fields "Oud $TAG"
	send ed /bronnen/nieuw "${FIELDS[@]}" \
	    --form-string "url=https://example.org/oud" --form-string action=save
	[ "$status_code" = 303 ]
	SLUG=$(slug_of)
	form ed "/bronnen/$SLUG/bewerken"
	OLDBASE=$BASE
	OLDCSRF=$CSRF
	send ed "/bronnen/$SLUG/bewerken" "${FIELDS[@]}" \
	    --form-string "url=https://example.org/tussendoor" --form-string action=save
	[ "$status_code" = 303 ]
	req -b "$(jar ed)" -H "Origin: $BRON_URL" --form-string "_csrf=$OLDCSRF" \
	    --form-string "base=$OLDBASE" --form-string "title=Mijn titel $TAG" \
	    "${FIELDS[@]}" \
	    --form-string "url=https://example.org/mijn" --form-string action=save \
	    "/bronnen/$SLUG/bewerken"
	[ "$status_code" = 409 ]
	assert_contains 'Iemand anders heeft deze bron net aangepast'
	assert_contains "value=\"Mijn titel $TAG\""
	assert_contains 'value="https://example.org/mijn"'
	assert_contains 'https://example.org/tussendoor'
	assert_contains 'name="base" value="2"'
	[ "$(db -c "SELECT r.url FROM resource r JOIN item i ON i.id = r.item_id
	    WHERE i.kind = 'bron' AND i.slug = '$SLUG'")" = https://example.org/tussendoor ]
}

@test "preview shows the description and saves nothing" {
	person lid lid
	fields "Voorbeeld $TAG"
	send lid /bronnen/nieuw --form-string action=preview \
	    --form-string "body=Tekst <script>alert(1)</script> met **nadruk**" \
	    "${FIELDS[@]}"
	[ "$status_code" = 200 ]
	assert_contains '<strong>nadruk</strong>'
	assert_not_contains '<script>alert(1)'
	[ "$(db -c "SELECT count(*) FROM item WHERE kind = 'bron'
	    AND title = 'Voorbeeld $TAG'")" = 0 ]
}

@test "a forged POST is refused and someone else's draft is 404" {
	person lid lid
	person other lid
	fields "Concept $TAG"
	send lid /bronnen/nieuw "${FIELDS[@]}" --form-string action=save
	[ "$status_code" = 303 ]
	SLUG=$(slug_of)
	req -b "$(jar other)" "/bronnen/$SLUG/bewerken"
	[ "$status_code" = 404 ]
	req -b "$(jar lid)" -H "Origin: $BRON_URL" --form-string "_csrf=fout" \
	    "${FIELDS[@]}" --form-string action=save /bronnen/nieuw
	[ "$status_code" = 403 ]
	req -b "$(jar lid)" /bronnen/bestaat-niet-$TAG/bewerken
	[ "$status_code" = 404 ]
}

@test "history, diff and restore of a resource (its fields come back, files stay)" {
	person ed redacteur
	person lid lid
	fields "Herstel $TAG"
	send ed /bronnen/nieuw --form-string "url=https://example.org/een" \
	    --form-string year=2001 "${FIELDS[@]}" --form-string action=publish \
	    -F "bestand=@$F/a.pdf;filename=blijft.pdf"
	[ "$status_code" = 303 ]
	SLUG=$(slug_of)
	send ed "/bronnen/$SLUG/bewerken" --form-string "url=https://example.org/twee" \
	    --form-string year=2002 "${FIELDS[@]}" --form-string action=save
	[ "$status_code" = 303 ]
	req -b "$(jar ed)" "/bronnen/$SLUG/geschiedenis"
	[ "$status_code" = 200 ]
	req -b "$(jar ed)" "/bronnen/$SLUG/verschil?van=1&naar=2"
	[ "$status_code" = 200 ]
	# The member who did not suggest it may not restore it.
	post lid "/bronnen/$SLUG/herstellen" --data-urlencode rev=1 \
	    --data-urlencode base=2
	[ "$status_code" = 403 ]
	post ed "/bronnen/$SLUG/herstellen" --data-urlencode rev=1 \
	    --data-urlencode base=2
	[ "$status_code" = 303 ]
	[[ "$(header location)" == *"?gedaan=hersteld" ]]
	[ "$(db -c "SELECT i.revision || ' ' || r.url || ' ' || r.year || ' ' ||
	    (SELECT count(*) FROM resource_file f WHERE f.item_id = i.id)
	    FROM item i JOIN resource r ON r.item_id = i.id
	    WHERE i.kind = 'bron' AND i.slug = '$SLUG'")" = \
	    "3 https://example.org/een 2001 1" ]
}
