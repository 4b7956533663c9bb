#!/usr/bin/env bats
# Issue 9, part C: the storyteller in charge, editors and admins. The
# editors' review (/verhalen/S/beoordelen: notes needed for a
# suggestion, both checks for an approval), publishing by the
# storyteller only and only the checked revision, withdrawal (offline
# for everyone at once, editors told without the title, a consent row),
# the scope (narrower at once, wider after an editor), the admin's
# audited look at who wrote a story, the editors' queue and the audit
# view that names "de verteller" instead of the person. Stories are
# written and sent in through the SQL functions (A's pages are tested
# in 60); every step of this part goes through its page.

load helpers
load story_fixture

setup_file() {
	export BRON_URL BRON_DATABASE_URL
	story_accounts "62$$" verteller lid redacteur beheerder
}

# A story sent in by verteller; prints its id.
sent_in() {
	local i
	i=$(story_write verteller "$1" "$2" "${3:-}") || return 1
	story_send "$i" verteller "${4:-openbaar}" || return 1
	echo "$i"
}

# review ROLE SLUG [-F ...]: the review form as ROLE, with the page's
# token and revision.
review() {
	local r=$1 slug=$2 t rev
	shift 2
	req -b "$(jar "$r")" -c "$(jar "$r")" "/verhalen/$slug/beoordelen"
	[ "$status_code" = 200 ] || { echo "GET beoordelen: $status_code" >&2; return 1; }
	t=$(printf '%s' "$body" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | cut -d'"' -f4)
	rev=$(printf '%s' "$body" | grep -o 'name="rev" value="[^"]*"' | head -n 1 | cut -d'"' -f4)
	req -b "$(jar "$r")" -c "$(jar "$r")" -H "Origin: $BRON_URL" \
	    -F "_csrf=$t" -F "rev=$rev" "$@" "/verhalen/$slug/beoordelen"
}

# form_post ROLE PAGE TARGET [curl args]: POST with the token of PAGE.
form_post() {
	local r=$1 page=$2 target=$3 t
	shift 3
	t=$(csrf "$r" "$page")
	req -b "$(jar "$r")" -c "$(jar "$r")" -H "Origin: $BRON_URL" \
	    --data-urlencode "_csrf=$t" "$@" "$target"
}

audit_count() {
	db -c "SELECT count(*) FROM audit WHERE target_id = $1 AND action = '$2'"
}

@test "review: the editor reads the story as written, with checklist and consent, never the guardian's name" {
	local i slug
	i=$(story_write verteller "vf-lees-$$" "Leesverhaal$$" separatie)
	slug=$(story_slug "$i")
	db -c "SELECT story_submit($i, $(id verteller), $(story_rev "$i"),
	    'openbaar', '$STORY_CONSENT', true, 'Voogdnaam$$', '2026-11-a')" >/dev/null
	req -b "$(jar redacteur)" "/verhalen/$slug/beoordelen"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Leesverhaal$$ titel"
	assert_contains "Verteld door Leesverhaal$$ schuilnaam"
	assert_contains "Leesverhaal$$ tekst. Zo ging het bij mij."
	assert_contains "Separatie of afzondering"
	assert_contains "aangevinkt"
	assert_contains "$STORY_CONSENT"
	assert_contains "Een ouder of voogd heeft toestemming gegeven."
	assert_not_contains "Voogdnaam$$"
	assert_not_contains "Rolverteller 62"
	assert_not_contains "/mensen/$(id verteller)"
	assert_contains 'name="besluit" value="voorstel"'
	# The storyteller and a member who may not read it.
	req -b "$(jar verteller)" "/verhalen/$slug/beoordelen"
	[ "$status_code" = 403 ]
	req -b "$(jar lid)" "/verhalen/$slug/beoordelen"
	[ "$status_code" = 404 ]
	req "/verhalen/$slug/beoordelen"
	[ "$status_code" = 404 ]
}

@test "review: a suggestion needs notes (422, typed text kept); the storyteller reads them; approval needs both checks" {
	local i slug
	i=$(sent_in "vf-voorstel-$$" "Voorstelverhaal$$")
	slug=$(story_slug "$i")
	review redacteur "$slug" -F besluit=voorstel -F notes= -F herkenbaar=ja
	[ "$status_code" = 422 ]
	assert_contains "Schrijf bij een voorstel wat je voorstelt."
	assert_contains 'id="besluit-voorstel" name="besluit" value="voorstel" checked'
	[ "$(story_state "$i")" = ter_review ]
	review redacteur "$slug" -F besluit=akkoord -F "notes=Mooi<b>$$" -F herkenbaar=ja
	[ "$status_code" = 422 ]
	assert_contains "Vink allebei aan voordat je akkoord geeft."
	assert_contains "Mooi&lt;b&gt;$$"
	[ "$(story_state "$i")" = ter_review ]
	review redacteur "$slug" -F besluit=misschien -F notes=x
	[ "$status_code" = 422 ]
	assert_contains "Kies wat je besluit."
	review redacteur "$slug" -F besluit=voorstel \
	    -F "notes=Notitie$$: laat de naam van de groep weg." -F herkenbaar=ja
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/verhalen?gedaan=voorstel" ]
	[ "$(story_state "$i")" = voorstel ]
	[ "$(audit_count "$i" verhaal_voorstel)" = 1 ]
	[ "$(db -c "SELECT actor_id FROM audit WHERE target_id = $i AND action = 'verhaal_voorstel'")" = "$(id redacteur)" ]
	req -b "$(jar redacteur)" "/redactie/verhalen?gedaan=voorstel"
	assert_contains "Je voorstel is naar de verteller gestuurd."
	# The storyteller is told and reads the notes on their story page.
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $(id verteller)
	    AND kind = 'beoordeling' AND item_id = $i")" = 1 ]
	req -b "$(jar verteller)" "/verhalen/$slug"
	[ "$status_code" = 200 ]
	assert_contains "Notitie$$: laat de naam van de groep weg."
	# Not waiting any more: the review page says so, a POST is 409.
	req -b "$(jar redacteur)" "/verhalen/$slug/beoordelen"
	[ "$status_code" = 200 ]
	assert_contains "Dit verhaal wacht nu niet op een beoordeling."
	assert_contains "Notitie$$: laat de naam van de groep weg."
	# Sent in again, then approved with both checks.
	story_send "$i" verteller
	review redacteur "$slug" -F besluit=akkoord -F notes= -F herkenbaar=ja -F veilig=ja
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/verhalen?gedaan=akkoord" ]
	[ "$(story_state "$i")" = akkoord ]
	[ "$(db -c "SELECT reviewed_rev FROM story WHERE item_id = $i")" = "$(story_rev "$i")" ]
	[ "$(audit_count "$i" verhaal_akkoord)" = 1 ]
}

@test "review: a stale revision is 409 and changes nothing" {
	local i slug rev t
	i=$(sent_in "vf-oud-$$" "Oudverhaal$$")
	slug=$(story_slug "$i")
	t=$(csrf redacteur "/verhalen/$slug/beoordelen")
	rev=$(story_rev "$i")
	req -b "$(jar redacteur)" -H "Origin: $BRON_URL" -F "_csrf=$t" \
	    -F "rev=$((rev + 5))" -F besluit=akkoord -F herkenbaar=ja -F veilig=ja \
	    "/verhalen/$slug/beoordelen"
	[ "$status_code" = 409 ]
	assert_contains "Het verhaal is veranderd sinds je deze pagina opende"
	assert_contains "/verhalen/$slug"
	[ "$(story_state "$i")" = ter_review ]
	# Without a token: 403, nothing written.
	req -b "$(jar redacteur)" -H "Origin: $BRON_URL" -F "rev=$rev" \
	    -F besluit=akkoord -F herkenbaar=ja -F veilig=ja "/verhalen/$slug/beoordelen"
	[ "$status_code" = 403 ]
	[ "$(story_state "$i")" = ter_review ]
}

@test "publish: only the storyteller, only the checked revision; stale is 409" {
	local i slug rev
	i=$(sent_in "vf-online-$$" "Onlineverhaal$$")
	slug=$(story_slug "$i")
	rev=$(story_rev "$i")
	# Not checked yet: 409 with the explanation.
	form_post verteller "/verhalen/$slug" "/verhalen/$slug/publiceren" \
	    --data-urlencode "rev=$rev"
	[ "$status_code" = 409 ]
	assert_contains "De redactie moet deze versie eerst bekijken."
	assert_contains 'href="/account/verhalen"'
	story_check "$i" akkoord
	# An editor cannot put it online.
	form_post redacteur "/verhalen/$slug/beoordelen" "/verhalen/$slug/publiceren" \
	    --data-urlencode "rev=$rev"
	[ "$status_code" = 403 ]
	# A member who may not read it: 404; a visitor too.
	form_post lid / "/verhalen/$slug/publiceren" --data-urlencode "rev=$rev"
	[ "$status_code" = 404 ]
	# A stale revision.
	form_post verteller "/verhalen/$slug" "/verhalen/$slug/publiceren" \
	    --data-urlencode "rev=$((rev - 1))"
	[ "$status_code" = 409 ]
	[ "$(story_state "$i")" = akkoord ]
	# Without a token.
	req -b "$(jar verteller)" -H "Origin: $BRON_URL" --data-urlencode "rev=$rev" \
	    "/verhalen/$slug/publiceren"
	[ "$status_code" = 403 ]
	form_post verteller "/verhalen/$slug" "/verhalen/$slug/publiceren" \
	    --data-urlencode "rev=$rev"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/verhalen/$slug?gedaan=gepubliceerd" ]
	[ "$(story_state "$i")" = gepubliceerd ]
	[ "$(db -c "SELECT actor_id IS NULL AND detail LIKE 'verteller%' FROM audit
	    WHERE target_id = $i AND action = 'verhaal_publiceren'")" = t ]
	req "/verhalen/$slug"
	[ "$status_code" = 200 ]
}

@test "withdraw: gone for visitor, member and editor at once; editors told without the title; consent row" {
	local i slug n
	i=$(story_published verteller "vf-weg-$$" "Wegverhaal$$" openbaar)
	slug=$(story_slug "$i")
	req "/verhalen/$slug"
	[ "$status_code" = 200 ]
	form_post lid "/verhalen/$slug" "/verhalen/$slug/intrekken"
	[ "$status_code" = 403 ]
	form_post redacteur "/verhalen/$slug" "/verhalen/$slug/intrekken"
	[ "$status_code" = 403 ]
	[ "$(story_state "$i")" = gepubliceerd ]
	form_post verteller "/verhalen/$slug" "/verhalen/$slug/intrekken"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/account/verhalen?gedaan=ingetrokken" ]
	[ "$(story_state "$i")" = ingetrokken ]
	[ "$(db -c "SELECT event || ':' || by_whom FROM story_consent WHERE item_id = $i
	    ORDER BY id DESC LIMIT 1")" = ingetrokken:verteller ]
	[ "$(audit_count "$i" verhaal_intrekken)" = 1 ]
	req "/verhalen/$slug"
	[ "$status_code" = 404 ]
	for r in lid redacteur beheerder; do
		req -b "$(jar "$r")" "/verhalen/$slug"
		[ "$status_code" = 404 ]
		req -b "$(jar "$r")" "/verhalen/$slug/beoordelen"
		[ "$status_code" = 404 ]
	done
	req -b "$(jar verteller)" "/verhalen/$slug"
	[ "$status_code" = 200 ]
	# The editors' notification says what happened, not which story.
	n=$(db -c "SELECT count(*) FROM notification WHERE account_id = $(id redacteur)
	    AND kind = 'verhaal' AND text = 'ingetrokken' AND item_id IS NULL")
	[ "$n" -ge 1 ]
	req -b "$(jar redacteur)" /meldingen
	[ "$status_code" = 200 ]
	assert_contains "Een verteller heeft een verhaal ingetrokken. Het staat nergens meer online."
	assert_not_contains "Wegverhaal$$"
	req -b "$(jar redacteur)" /redactie/verhalen
	assert_not_contains "Wegverhaal$$"
	assert_contains "In de laatste 30 dagen"
	# Twice: 409.
	form_post verteller "/verhalen/$slug" "/verhalen/$slug/intrekken"
	[ "$status_code" = 409 ]
}

@test "scope: narrower at once (leden: visitor 404, member 200); wider waits for an editor" {
	local i slug
	i=$(story_published verteller "vf-kring-$$" "Kringverhaal$$" openbaar)
	slug=$(story_slug "$i")
	req -b "$(jar verteller)" "/verhalen/$slug/reikwijdte"
	[ "$status_code" = 200 ]
	assert_contains 'value="openbaar" aria-describedby="scope-openbaar-hint" checked'
	assert_contains "Toestemming voor je verhaal"
	assert_contains "Je kunt je verhaal altijd intrekken, met één knop."
	req -b "$(jar lid)" "/verhalen/$slug/reikwijdte"
	[ "$status_code" = 403 ]
	req "/verhalen/$slug/reikwijdte"
	[ "$status_code" = 303 ]
	post_mp verteller "/verhalen/$slug/reikwijdte" -F scope=leden
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/verhalen/$slug?gedaan=beperkt" ]
	[ "$(db -c "SELECT scope FROM story WHERE item_id = $i")" = leden ]
	req "/verhalen/$slug"
	[ "$status_code" = 404 ]
	req -b "$(jar lid)" "/verhalen/$slug"
	[ "$status_code" = 200 ]
	# Wider: consent, the under-16 answer and the guardian are needed.
	post_mp verteller "/verhalen/$slug/reikwijdte" -F scope=citeren
	[ "$status_code" = 422 ]
	assert_contains "Lees de tekst over toestemming en vink het vakje aan."
	assert_contains "Zeg of je jonger bent dan 16."
	assert_contains 'value="citeren" aria-describedby="scope-citeren-hint" checked'
	post_mp verteller "/verhalen/$slug/reikwijdte" -F scope=citeren -F toestemming=1 \
	    -F "versie=$STORY_CONSENT" -F jonger16=ja -F voogd=X
	[ "$status_code" = 422 ]
	assert_contains "Vul de naam van je ouder of voogd in"
	assert_contains "Je ouder of voogd moet dit aanvinken."
	[ "$(db -c "SELECT coalesce(scope_wanted, '-') FROM story WHERE item_id = $i")" = - ]
	post_mp verteller "/verhalen/$slug/reikwijdte" -F scope=citeren -F toestemming=1 \
	    -F "versie=$STORY_CONSENT" -F jonger16=nee
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/verhalen/$slug?gedaan=gevraagd" ]
	[ "$(db -c "SELECT scope || ':' || scope_wanted FROM story WHERE item_id = $i")" = leden:citeren ]
	req "/verhalen/$slug"
	[ "$status_code" = 404 ]
	# The editors see the request in the queue and on the review page.
	req -b "$(jar redacteur)" /redactie/verhalen
	assert_contains "Kringverhaal$$ titel"
	assert_contains "Openbaar en citeren mag"
	req -b "$(jar redacteur)" "/verhalen/$slug/beoordelen"
	[ "$status_code" = 200 ]
	assert_contains "Ruimere kring gevraagd: Openbaar en citeren mag"
	t=$(printf '%s' "$body" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | cut -d'"' -f4)
	req -b "$(jar redacteur)" -H "Origin: $BRON_URL" --data-urlencode "_csrf=$t" \
	    --data-urlencode verruiming=toestaan "/verhalen/$slug/beoordelen"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/verhalen?gedaan=verruimd" ]
	[ "$(db -c "SELECT scope || ':' || coalesce(scope_wanted, '-') FROM story WHERE item_id = $i")" = citeren:- ]
	[ "$(db -c "SELECT string_agg(event, ' ' ORDER BY id) FROM story_consent WHERE item_id = $i")" = \
	    "gegeven beperkt verruiming_gevraagd verruimd" ]
	[ "$(audit_count "$i" verhaal_verruimd)" = 1 ]
	req "/verhalen/$slug"
	[ "$status_code" = 200 ]
	req -b "$(jar verteller)" /meldingen
	assert_contains "De redactie vindt het goed: meer mensen mogen je verhaal lezen."
	# Nothing left to decide: 409.
	req -b "$(jar redacteur)" -H "Origin: $BRON_URL" --data-urlencode "_csrf=$t" \
	    --data-urlencode verruiming=afwijzen "/verhalen/$slug/beoordelen"
	[ "$status_code" = 409 ]
}

@test "author look: admins see the account and leave an audit row; editors 403; the audit view masks the storyteller" {
	local i slug t
	i=$(story_published verteller "vf-auteur-$$" "Auteurverhaal$$" openbaar)
	slug=$(story_slug "$i")
	req -b "$(jar redacteur)" "/verhalen/$slug/auteur"
	[ "$status_code" = 403 ]
	req -b "$(jar verteller)" "/verhalen/$slug/auteur"
	[ "$status_code" = 403 ]
	req -b "$(jar beheerder)" -c "$(jar beheerder)" "/verhalen/$slug/auteur"
	[ "$status_code" = 200 ]
	[ "$(header cache-control)" = no-store ]
	assert_contains "legt Bron vast wie keek en wanneer"
	assert_not_contains "Rolverteller 62"
	[ "$(audit_count "$i" verhaal_auteur_bekeken)" = 0 ]
	form_post redacteur "/verhalen/$slug" "/verhalen/$slug/auteur"
	[ "$status_code" = 403 ]
	[ "$(audit_count "$i" verhaal_auteur_bekeken)" = 0 ]
	form_post beheerder "/verhalen/$slug/auteur" "/verhalen/$slug/auteur"
	[ "$status_code" = 200 ]
	[ "$(header cache-control)" = no-store ]
	assert_contains "Rolverteller 62"
	assert_contains "/mensen/$(id verteller)"
	assert_contains "/beheer/gebruikers?q=Rolverteller%2062"
	[ "$(db -c "SELECT actor_id FROM audit WHERE target_id = $i
	    AND action = 'verhaal_auteur_bekeken'")" = "$(id beheerder)" ]
	# The audit view: the storyteller's own steps (item_save's rows
	# carry their id) show as "de verteller", never their name.
	req -b "$(jar beheerder)" "/beheer/audit"
	[ "$status_code" = 200 ]
	assert_contains "de verteller"
	assert_not_contains "Rolverteller 62"
	assert_not_contains "/mensen/$(id verteller)\""
	req -b "$(jar beheerder)" "/beheer/audit?actie=aanmaken"
	assert_not_contains "Rolverteller 62"
	# The users' list links nobody to a story.
	req -b "$(jar beheerder)" "/beheer/gebruikers?q=Rolverteller"
	[ "$status_code" = 200 ]
	assert_contains "Rolverteller 62"
	assert_not_contains "/verhalen/"
}

@test "queue: editors only; sent-in stories with pseudonym and warnings, the came-back mark, waiting replies" {
	local i j slug p
	req /redactie/verhalen
	[ "$status_code" = 303 ]
	req -b "$(jar lid)" /redactie/verhalen
	[ "$status_code" = 403 ]
	req -b "$(jar verteller)" /redactie/verhalen
	[ "$status_code" = 403 ]
	i=$(sent_in "vf-rij-$$" "Rijverhaal$$" geweld)
	req -b "$(jar redacteur)" /redactie/verhalen
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "/verhalen/vf-rij-$$/beoordelen"
	assert_contains "Rijverhaal$$ schuilnaam"
	assert_contains "Geweld"
	assert_not_contains "Rolverteller 62"
	assert_not_contains "/mensen/$(id verteller)"
	assert_contains 'id="reacties"'
	# A published story edited after the check comes back marked.
	j=$(story_published verteller "vf-terug-$$" "Terugverhaal$$" openbaar)
	db -c "SELECT conflict FROM story_save($j, $(story_rev "$j"), $(id verteller),
	    'Terugverhaal$$ titel', 'Terugverhaal$$ samenvatting', 'Nieuwe tekst.',
	    '<p>Nieuwe tekst.</p>', '', 2, 'vf-terug-$$', 'kleinschaligheid', '', '',
	    'Terugverhaal$$ schuilnaam', '{}', '{namen,plaatsen,fotos}', false, NULL)" >/dev/null
	[ "$(story_state "$j")" = ter_review ]
	req -b "$(jar redacteur)" /redactie/verhalen
	assert_contains "Gewijzigd na akkoord"
	# A waiting reply, with buttons to D's handler.
	i=$(story_published verteller "vf-reactie-$$" "Reactieverhaal$$" openbaar)
	db -c "SELECT story_replies_set($i, $(id verteller), 'aan')" >/dev/null
	p=$(db -c "SELECT story_reply_add($i, $(id lid), 'Sterkte$$', '<p>Sterkte$$</p>', NULL)")
	req -b "$(jar redacteur)" /redactie/verhalen
	assert_contains "<p>Sterkte$$</p>"
	assert_contains "action=\"/reacties/$p\""
	assert_contains 'value="/redactie/verhalen#reacties"'
	# The editors' page links to the queue with the number waiting.
	req -b "$(jar redacteur)" /redactie
	assert_contains 'href="/redactie/verhalen"'
	assert_contains "Verhalen bij de redactie ("
}
