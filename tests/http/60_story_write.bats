#!/usr/bin/env bats
# Writing and sending in a story (issue 9, part A): /verhalen/nieuw,
# /verhalen/{slug}/bewerken and /account/verhalen. A concept; sending in
# refused with 422, the typed text kept and nothing written (pseudonym,
# checklist, consent, guardian under 16, the account's own name); sent
# in with its consent record; the nonce; 409 on a stale base; who may
# edit (404 for whoever may not read it, 403 for readers); a change to a
# published story sends it back to the editors (the editors' and the
# storyteller's steps that are part C's pages run through SQL here).

load helpers

CONSENT_VERSION=2026-11-a

setup() {
	IP="10.60.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
	# A word no other test uses, to find this test's stories.
	TAG="v$$x$RANDOM$RANDOM"
}

# member JAR [NAME]: a new signed-in member; sets EMAIL_<JAR>.
member() {
	local e
	e=$(unique_email "story-$1")
	post "$1" /registreren -H "X-Real-IP: $IP" \
	    --data-urlencode "email=$e" \
	    --data-urlencode "name=${2:-Verhaallid $RANDOM}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=ervaringsdeskundige"
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

# nonce JAR: a fresh nonce from the new-story form.
nonce() {
	req -b "$(jar "$1")" -c "$(jar "$1")" /verhalen/nieuw
	grep -o 'name="nonce" value="[^"]*"' <<<"$body" | cut -d'"' -f4
}

# base JAR SLUG: the revision the edit form starts from.
base() {
	req -b "$(jar "$1")" "/verhalen/$2/bewerken"
	grep -o 'name="base" value="[^"]*"' <<<"$body" | cut -d'"' -f4
}

# Everything sending in needs, as curl arguments (over 16).
sendin=(
	--form-string "summary=Hoe het was in de groep."
	--form-string $'body=Eerst was het stil.\r\n\r\nLater werd het beter.'
	--form-string "pseudonym=Merel"
	--form-string "checklist=namen" --form-string "checklist=plaatsen"
	--form-string "checklist=fotos"
	--form-string "scope=openbaar"
	--form-string "consent=1" --form-string "consent_version=$CONSENT_VERSION"
	--form-string "under16=nee"
)

# but NAME...: FIELDS = the send-in fields except those named.
but() {
	local i a n skip
	FIELDS=()
	for ((i = 0; i < ${#sendin[@]}; i += 2)); do
		a=${sendin[i + 1]}
		skip=0
		for n in "$@"; do
			[[ $a == "$n="* ]] && skip=1
		done
		((skip)) || FIELDS+=(--form-string "$a")
	done
}

# create JAR TITLE ACTION [curl args...]: a new story; sets SLUG.
create() {
	local j=$1 title=$2 action=$3 n
	shift 3
	n=$(nonce "$j")
	mpost "$j" /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=$action" --form-string "title=$title" "$@"
	[ "$status_code" = 303 ] || {
		echo "create: $status_code" >&2
		echo "${body:0:3000}" >&2
		return 1
	}
	SLUG=$(header location |
	    sed -n 's|^/verhalen/\([a-z0-9-]*\)?gedaan=[a-z]*$|\1|p')
	[ -n "$SLUG" ]
}

story() {
	db -c "SELECT $2 FROM story s JOIN item i ON i.id = s.item_id
	    WHERE i.kind = 'verhaal' AND i.slug = '$1'"
}

count_titled() {
	db -c "SELECT count(*) FROM item WHERE kind = 'verhaal'
	    AND title = '$1'"
}

@test "visitors are sent to sign in to write; a member gets the whole form" {
	req /verhalen/nieuw
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fverhalen%2Fnieuw" ]
	req -H "Origin: $BRON_URL" -F "title=x" /verhalen/nieuw
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]

	member a
	req -b "$(jar a)" /verhalen/nieuw
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains 'action="/verhalen/nieuw" enctype="multipart/form-data"'
	grep -Eq 'name="nonce" value="[A-Za-z0-9_-]{43}"' <<<"$body"
	# The parts in order, each a fieldset with its legend.
	local order
	order=$(grep -o '<legend>[^<]*</legend>' <<<"$body" | tr -d '\n')
	[[ "$order" == *"Je verhaal"*"Schuilnaam"*"Waarschuwingen"*"Niemand te herkennen"*"Bewaren na accountverwijdering"*"Toestemming"*"Wie mag je verhaal lezen?"*"Ben je jonger dan 16?"*"Je ouder of voogd"* ]]
	assert_contains "Kies een naam die niet je eigen naam is. Lezers zien alleen deze naam."
	# Seven warnings and three checks, each with its help.
	[ "$(grep -c 'name="warnings" value=' <<<"$body")" = 7 ]
	[ "$(grep -c 'name="checklist" value=' <<<"$body")" = 3 ]
	assert_contains 'aria-describedby="warnings-separatie-help"'
	assert_contains "Het verhaal gaat over opgesloten of apart gezet worden."
	# The consent text in full, with its version, not hidden.
	assert_contains '<h2 id="consent-title">Toestemming voor je verhaal</h2>'
	assert_contains "Je kunt je verhaal altijd intrekken, met één knop."
	assert_contains "Ben je jonger dan 16, dan ook de naam van je ouder of voogd."
	assert_contains "name=\"consent_version\" value=\"$CONSENT_VERSION\""
	assert_contains "Ik heb de tekst gelezen en ik geef toestemming"
	assert_contains "Alleen invullen als je jonger bent dan 16."
	assert_contains "Ik ben de ouder of voogd."
	assert_contains 'value="save"'
	assert_contains ">Insturen bij de redactie</button>"
	assert_contains ">Bewaren als concept</button>"
	[ "$(grep -c 'type="radio" id="scope-' <<<"$body")" = 3 ]
}

@test "a concept: saved with only a title, seen on my stories, edited" {
	member a
	create a "Concept $TAG" save --form-string "themes=kleinschaligheid" \
	    --form-string "warnings=separatie" --form-string "keep=1"
	[ "$(header location)" = "/verhalen/$SLUG?gedaan=bewaard" ]
	[ "$(story "$SLUG" s.state)" = concept ]
	[ "$(story "$SLUG" 'i.status')" = concept ]
	[ "$(story "$SLUG" 'i.owner_id')" = "$(acct_id "$EMAIL_a")" ]
	[ "$(story "$SLUG" s.warnings)" = "{separatie}" ]
	[ "$(story "$SLUG" 'i.keep_after_delete')" = t ]
	[ "$(story "$SLUG" 's.scope IS NULL')" = t ]
	[ "$(db -c "SELECT count(*) FROM story_consent c JOIN item i
	    ON i.id = c.item_id WHERE i.slug = '$SLUG'")" = 0 ]

	req -b "$(jar a)" /account/verhalen
	[ "$status_code" = 200 ]
	assert_contains "<h1>Mijn verhalen</h1>"
	assert_contains "<a href=\"/verhalen/$SLUG\">Concept $TAG</a>"
	assert_contains "<strong>Concept</strong>. Je schrijft nog."
	assert_contains "Separatie of afzondering"
	assert_contains "href=\"/verhalen/$SLUG/bewerken\""
	assert_contains 'href="/verhalen/nieuw"'
	assert_not_contains "/verhalen/$SLUG/intrekken"
	assert_not_contains "/verhalen/$SLUG/publiceren"

	# The edit form starts from what is stored.
	req -b "$(jar a)" "/verhalen/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains "value=\"Concept $TAG\""
	grep -q 'value="separatie" aria-describedby="warnings-separatie-help" checked' <<<"$body"
	grep -q 'id="keep" name="keep" value="1" aria-describedby="keep-hint" checked' <<<"$body"
	grep -q 'value="kleinschaligheid" checked' <<<"$body"
	assert_contains "Stand: Concept."
	local b
	b=$(base a "$SLUG")
	mpost a "/verhalen/$SLUG/bewerken" --form-string "base=$b" \
	    --form-string "action=save" --form-string "title=Concept $TAG twee" \
	    --form-string $'body=Nu met tekst.\r\n\r\nTwee alinea\'s.'
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/verhalen/$SLUG?gedaan=bewaard" ]
	[ "$(story "$SLUG" i.title)" = "Concept $TAG twee" ]
	[ "$(story "$SLUG" i.revision)" = 2 ]
	[ "$(story "$SLUG" s.warnings)" = "{}" ]
	[ "$(story "$SLUG" 'i.keep_after_delete')" = f ]
	# Line breaks survived multipart.
	[ "$(story "$SLUG" "position(E'\\n\\n' IN i.body_md) > 0")" = t ]
}

@test "sending in is refused with 422, the text kept and nothing written" {
	member a "Robin de Vries"
	local n
	n=$(nonce a)
	# Without a pseudonym.
	but pseudonym
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Geweigerd $TAG" \
	    "${FIELDS[@]}"
	[ "$status_code" = 422 ]
	assert_contains "Kies een schuilnaam. Die is nodig om in te sturen."
	assert_contains "Je verhaal is niet ingestuurd. Er is niets bewaard."
	assert_contains "value=\"Geweigerd $TAG\""
	assert_contains "Eerst was het stil."
	grep -q 'value="openbaar" aria-describedby="scope-openbaar-help" checked' <<<"$body"
	grep -q 'id="consent" name="consent" value="1"[^>]* checked' <<<"$body"
	[ "$(count_titled "Geweigerd $TAG")" = 0 ]

	# Without every checklist item.
	but checklist
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Geweigerd $TAG" \
	    "${FIELDS[@]}" --form-string "checklist=namen"
	[ "$status_code" = 422 ]
	assert_contains 'id="checklist-error">Kijk alle drie na en zet de vinkjes.'
	grep -q 'value="namen" aria-describedby="checklist-namen-help" checked' <<<"$body"
	[ "$(count_titled "Geweigerd $TAG")" = 0 ]

	# Without the consent box, and with an old consent text.
	but consent
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Geweigerd $TAG" \
	    "${FIELDS[@]}"
	[ "$status_code" = 422 ]
	assert_contains 'id="consent-error">Lees de tekst over toestemming en zet het vinkje.'
	but consent_version
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Geweigerd $TAG" \
	    "${FIELDS[@]}" --form-string "consent_version=2020-01-a"
	[ "$status_code" = 422 ]
	assert_contains "De tekst over toestemming is veranderd."
	[ "$(count_titled "Geweigerd $TAG")" = 0 ]

	# Without the answer to "under 16", and under 16 without a guardian.
	but under16
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Geweigerd $TAG" \
	    "${FIELDS[@]}"
	[ "$status_code" = 422 ]
	assert_contains 'id="under16-error">Kies ja of nee.'
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Geweigerd $TAG" \
	    "${FIELDS[@]}" --form-string "under16=ja" \
	    --form-string "guardian=Ouder $TAG"
	[ "$status_code" = 422 ]
	assert_contains 'id="guardian-error">Je bent jonger dan 16.'
	assert_contains "value=\"Ouder $TAG\""
	grep -q 'value="ja" checked' <<<"$body"
	[ "$(count_titled "Geweigerd $TAG")" = 0 ]

	# Summary and body are needed to send in (not to save).
	but summary body
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Geweigerd $TAG" \
	    "${FIELDS[@]}"
	[ "$status_code" = 422 ]
	assert_contains 'id="summary-error">Schrijf één rustige zin'
	assert_contains 'id="body-error">Schrijf je verhaal.'

	# The account's own name as pseudonym (case and spaces ignored).
	but pseudonym
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Geweigerd $TAG" \
	    "${FIELDS[@]}" --form-string "pseudonym=robin  DE vries"
	[ "$status_code" = 422 ]
	assert_contains 'id="pseudonym-error">Dit is de naam van je account. Kies een andere naam.'
	assert_contains 'value="robin  DE vries"'
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=save" --form-string "title=Geweigerd $TAG" \
	    --form-string "pseudonym=Robin de Vries"
	[ "$status_code" = 422 ]
	assert_contains "Dit is de naam van je account."
	[ "$(count_titled "Geweigerd $TAG")" = 0 ]

	# Limits with their messages.
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=save" \
	    --form-string "title=$(printf 'x%.0s' {1..201})" \
	    --form-string "summary=$(printf 'y%.0s' {1..301})" \
	    --form-string "pseudonym=M"
	[ "$status_code" = 422 ]
	assert_contains "De titel is 201 tekens."
	assert_contains "De zin is 301 tekens."
	assert_contains "Een schuilnaam heeft 2 tot 60 tekens."
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=save" --form-string "title=Leeg? $TAG" \
	    --form-string "warnings=onbekend"
	[ "$status_code" = 422 ]
	assert_contains "Kies waarschuwingen uit de lijst."
	[ "$(count_titled "Leeg? $TAG")" = 0 ]
}

@test "sent in: state ter_review and one consent record, with the guardian under 16" {
	member a
	but under16
	create a "Ingestuurd $TAG" submit "${FIELDS[@]}" \
	    --form-string "under16=ja" --form-string "guardian=Ouder $TAG" \
	    --form-string "guardian_ok=1" \
	    --form-string "guardian_version=$CONSENT_VERSION" \
	    --form-string "warnings=suicide"
	[ "$(header location)" = "/verhalen/$SLUG?gedaan=ingestuurd" ]
	[ "$(story "$SLUG" s.state)" = ter_review ]
	[ "$(story "$SLUG" i.status)" = ter_review ]
	[ "$(story "$SLUG" s.scope)" = openbaar ]
	[ "$(story "$SLUG" s.pseudonym)" = Merel ]
	[ "$(story "$SLUG" "s.checklist @> '{namen,plaatsen,fotos}'
	    AND cardinality(s.checklist) = 3")" = t ]
	[ "$(db -c "SELECT string_agg(c.event || '|' || c.scope || '|' ||
	    c.text_version || '|' || c.under16 || '|' || c.guardian_name || '|' ||
	    c.guardian_version || '|' || c.by_whom, ',') FROM story_consent c
	    JOIN item i ON i.id = c.item_id WHERE i.slug = '$SLUG'")" = \
	    "gegeven|openbaar|$CONSENT_VERSION|true|Ouder $TAG|$CONSENT_VERSION|verteller" ]
	# The audit rows of the storyteller name nobody.
	[ "$(db -c "SELECT count(*) FROM audit a JOIN item i ON i.id = a.target_id
	    WHERE i.slug = '$SLUG' AND a.action LIKE 'verhaal\_%'
	    AND a.actor_id IS NOT NULL")" = 0 ]

	# Over 16: no guardian stored, even when one was typed.
	create a "Ouder dan 16 $TAG" submit "${sendin[@]}" \
	    --form-string "guardian=Niet nodig"
	[ "$(db -c "SELECT c.under16 || '|' || c.guardian_name || '|' ||
	    c.guardian_version FROM story_consent c JOIN item i
	    ON i.id = c.item_id WHERE i.slug = '$SLUG'")" = "false||" ]

	# Sent in: a save keeps it with the editors; no second send-in.
	req -b "$(jar a)" "/verhalen/$SLUG/bewerken"
	assert_contains "Stand: Bij de redactie."
	assert_contains ">Wijzigingen bewaren</button>"
	assert_not_contains ">Insturen bij de redactie</button>"
	assert_contains "Je gaf toestemming voor: Openbaar."
	assert_contains "href=\"/verhalen/$SLUG/reikwijdte\""
	assert_not_contains 'name="consent"'
	mpost a "/verhalen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=submit" --form-string "title=Ouder dan 16 $TAG" \
	    "${sendin[@]}"
	[ "$status_code" = 409 ]
	[ "$(db -c "SELECT count(*) FROM story_consent c JOIN item i
	    ON i.id = c.item_id WHERE i.slug = '$SLUG'")" = 1 ]
	req -b "$(jar a)" /account/verhalen
	assert_contains "<strong>Bij de redactie</strong>"
	assert_contains "action=\"/verhalen/$SLUG/intrekken\""
	assert_contains "href=\"/verhalen/$SLUG/reikwijdte\""
}

@test "the nonce: a repeated create makes no second story" {
	member a
	local n
	n=$(nonce a)
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Eenmaal $TAG" \
	    "${sendin[@]}"
	[ "$status_code" = 303 ]
	local first
	first=$(header location)
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=submit" --form-string "title=Eenmaal $TAG" \
	    "${sendin[@]}"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "${first%\?*}?gedaan=bewaard" ]
	[ "$(count_titled "Eenmaal $TAG")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM story_consent c JOIN item i
	    ON i.id = c.item_id WHERE i.title = 'Eenmaal $TAG'")" = 1 ]
	# A save without a nonce is refused with a fresh one.
	mpost a /verhalen/nieuw --form-string "action=save" \
	    --form-string "title=Zonder nonce $TAG"
	[ "$status_code" = 422 ]
	grep -Eq 'name="nonce" value="[A-Za-z0-9_-]{43}"' <<<"$body"
	[ "$(count_titled "Zonder nonce $TAG")" = 0 ]
}

@test "409 on a stale base keeps the typed text; a forged post is 403" {
	member a
	create a "Twee tabs $TAG" save --form-string $'body=Regel een\r\nRegel twee'
	mpost a "/verhalen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Twee tabs $TAG" \
	    --form-string $'body=Regel een\r\nRegel twee\r\nUit tab een'
	[ "$status_code" = 303 ]
	mpost a "/verhalen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Twee tabs $TAG" \
	    --form-string $'body=Regel een\r\nUit tab twee'
	[ "$status_code" = 409 ]
	assert_contains "Je verhaal is intussen ook ergens anders bewaard"
	assert_contains "Je begon bij versie 1. Intussen is versie 2 opgeslagen."
	assert_contains "Uit tab twee</textarea>"
	assert_contains 'name="base" value="2"'
	[ "$(story "$SLUG" "position('Uit tab een' IN i.body_md) > 0")" = t ]
	[ "$(story "$SLUG" i.revision)" = 2 ]

	req -b "$(jar a)" -H "Origin: $BRON_URL" -F "_csrf=wrong" -F "base=2" \
	    -F "action=save" -F "title=Vervalst $TAG" "/verhalen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	assert_contains "Vervalst $TAG"
	[ "$(story "$SLUG" i.revision)" = 2 ]
}

@test "the preview renders the Markdown and saves nothing" {
	member a
	local n
	n=$(nonce a)
	mpost a /verhalen/nieuw --form-string "nonce=$n" \
	    --form-string "action=preview" --form-string "title=Voorbeeld $TAG" \
	    --form-string "pseudonym=Lijster" \
	    --form-string $'body=Een **vet** woord.\r\n\r\n<script>alert(1)</script>'
	[ "$status_code" = 200 ]
	assert_contains '<section class="editor-preview" id="voorbeeld"'
	assert_contains "<strong>vet</strong>"
	assert_contains "Verteld door Lijster"
	assert_not_contains "<script>alert(1)</script>"
	[ "$(count_titled "Voorbeeld $TAG")" = 0 ]
}

@test "only the storyteller edits: 404 for who may not read it, 403 for readers" {
	member a
	member b
	member e
	set_role "$EMAIL_e" redacteur
	create a "Van mij $TAG" save --form-string "body=Alleen van mij."
	local concept=$SLUG
	req "/verhalen/$concept/bewerken"
	[ "$status_code" = 404 ]
	req -b "$(jar b)" "/verhalen/$concept/bewerken"
	[ "$status_code" = 404 ]
	req -b "$(jar e)" "/verhalen/$concept/bewerken"
	[ "$status_code" = 404 ]
	mpost b "/verhalen/$concept/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Overgenomen"
	[ "$status_code" = 404 ]
	req /verhalen/bestaat-niet-$RANDOM/bewerken
	[ "$status_code" = 404 ]

	# Sent in: the editors read it, and may not edit it.
	create a "Bij redactie $TAG" submit "${sendin[@]}"
	req -b "$(jar e)" "/verhalen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	mpost e "/verhalen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Door de redactie"
	[ "$status_code" = 403 ]
	req -b "$(jar b)" "/verhalen/$SLUG/bewerken"
	[ "$status_code" = 404 ]
	[ "$(story "$SLUG" i.title)" = "Bij redactie $TAG" ]

	# Published and public: another member reads it but may not edit.
	db -c "SELECT story_review(i.id, $(acct_id "$EMAIL_e"), i.revision,
	    'akkoord', '') FROM item i WHERE i.slug = '$SLUG'
	    AND i.kind = 'verhaal'" >/dev/null
	db -c "SELECT story_publish(i.id, i.owner_id, i.revision) FROM item i
	    WHERE i.slug = '$SLUG' AND i.kind = 'verhaal'" >/dev/null
	req -b "$(jar b)" "/verhalen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	req "/verhalen/$SLUG/bewerken"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]

	# My stories shows nobody else's.
	req -b "$(jar b)" /account/verhalen
	[ "$status_code" = 200 ]
	assert_not_contains "$TAG"
	assert_contains "Je hebt nog geen verhaal geschreven."
	req /account/verhalen
	[ "$status_code" = 303 ]
}

@test "a change to a published story sends it back to the editors" {
	member a
	member e
	set_role "$EMAIL_e" redacteur
	create a "Online $TAG" submit "${sendin[@]}"
	db -c "SELECT story_review(i.id, $(acct_id "$EMAIL_e"), i.revision,
	    'akkoord', 'Mooi zo.') FROM item i WHERE i.slug = '$SLUG'
	    AND i.kind = 'verhaal'" >/dev/null

	# Checked: my stories offers to put it online with that revision.
	req -b "$(jar a)" /account/verhalen
	assert_contains "<strong>Bekeken, jij beslist</strong>"
	assert_contains "action=\"/verhalen/$SLUG/publiceren\""
	assert_contains '<input type="hidden" name="rev" value="1">'
	req -b "$(jar a)" "/verhalen/$SLUG/bewerken"
	assert_contains "Mooi zo."
	assert_contains "Als je nu iets verandert, gaat je verhaal terug naar de redactie"

	db -c "SELECT story_publish(i.id, i.owner_id, i.revision) FROM item i
	    WHERE i.slug = '$SLUG' AND i.kind = 'verhaal'" >/dev/null
	[ "$(story "$SLUG" i.status)" = gepubliceerd ]
	req -b "$(jar a)" "/verhalen/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains "Stand: Gepubliceerd."
	assert_contains "Als je nu iets verandert, gaat je verhaal terug naar de redactie (en offline tot jij het opnieuw online zet)"
	assert_contains ">Bewaren en opnieuw insturen</button>"
	but summary
	mpost a "/verhalen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Online $TAG" \
	    "${FIELDS[@]}" --form-string "summary=Een andere zin."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/verhalen/$SLUG?gedaan=ingestuurd" ]
	[ "$(story "$SLUG" s.state)" = ter_review ]
	[ "$(story "$SLUG" i.status)" = ter_review ]
	[ "$(story "$SLUG" i.summary)" = "Een andere zin." ]
	# The editors are told, without the story's words or its teller.
	[ "$(db -c "SELECT count(*) FROM notification n JOIN item i
	    ON i.id = n.item_id WHERE i.slug = '$SLUG' AND n.kind = 'verhaal'
	    AND n.text = 'ingestuurd' AND n.actor_id IS NULL
	    AND n.account_id = $(acct_id "$EMAIL_e")")" -ge 2 ]
	req -b "$(jar a)" /account/verhalen
	assert_contains "<strong>Bij de redactie</strong>"
	assert_not_contains "action=\"/verhalen/$SLUG/publiceren\""
}

@test "withdrawn: my stories says so, offers editing and no second withdrawal" {
	member a
	create a "Ingetrokken $TAG" submit "${sendin[@]}"
	req -b "$(jar a)" /account/verhalen
	assert_contains "action=\"/verhalen/$SLUG/intrekken\""
	assert_contains "Intrekken haalt je verhaal meteen overal weg."
	db -c "SELECT story_withdraw(i.id, i.owner_id) FROM item i
	    WHERE i.slug = '$SLUG' AND i.kind = 'verhaal'" >/dev/null
	req -b "$(jar a)" "/account/verhalen?gedaan=ingetrokken"
	[ "$status_code" = 200 ]
	assert_contains '<p class="notice" role="status">Je verhaal is ingetrokken. Het staat nergens meer online.</p>'
	assert_contains "<strong>Ingetrokken</strong>. Je hebt je verhaal ingetrokken."
	assert_not_contains "action=\"/verhalen/$SLUG/intrekken\""
	assert_not_contains "href=\"/verhalen/$SLUG/reikwijdte\""
	assert_contains "href=\"/verhalen/$SLUG/bewerken\""
	# It can be sent in again, with consent given anew.
	req -b "$(jar a)" "/verhalen/$SLUG/bewerken"
	assert_contains ">Insturen bij de redactie</button>"
	assert_contains 'name="consent"'
	mpost a "/verhalen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=submit" --form-string "title=Ingetrokken $TAG" \
	    "${sendin[@]}"
	[ "$status_code" = 303 ]
	[ "$(story "$SLUG" s.state)" = ter_review ]
	[ "$(db -c "SELECT string_agg(c.event, ',' ORDER BY c.id)
	    FROM story_consent c JOIN item i ON i.id = c.item_id
	    WHERE i.slug = '$SLUG'")" = "gegeven,ingetrokken,gegeven" ]
}
