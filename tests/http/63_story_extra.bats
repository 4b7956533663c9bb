#!/usr/bin/env bats
# Stories elsewhere (issue 9, part D): replies under a story (off by
# default, each one placed by the storyteller before it shows), quotes on
# the monitor (only while the storyteller allows quoting), the warning
# line in every other list, feed and search instead of anything from the
# body, and the pseudonym (never the account) in the moderation queue.
# Stories are moved through their workflow by the SQL functions
# (story_fixture.bash); replies, quotes and the lists through the pages.
load helpers
load story_fixture

setup_file() {
	local n=$$$RANDOM
	echo "$n" >"$BATS_FILE_TMPDIR/n"
	story_accounts "$n" lid verteller redacteur beheerder
	story_community openbaar "$n" verteller lid >"$BATS_FILE_TMPDIR/comm"
}

n() {
	cat "$BATS_FILE_TMPDIR/n"
}

# hidden_of NAME: the value of the hidden field NAME in $body.
hidden_of() {
	grep -o "<input[^>]*name=\"$1\"[^>]*>" <<<"$body" | head -n 1 |
	    grep -o 'value="[^"]*"' | cut -d'"' -f2
}

# reply ROLE SLUG NONCE BODY: a reply through the form's POST.
reply() {
	post_mp "$1" "/verhalen/$2/reacties" -F "nonce=$3" -F "body=$4"
}

nonce() {
	openssl rand -base64 32 | tr '+/' '-_' | tr -d '=\n'
}

@test "replies: off by default; only the storyteller turns them on" {
	local i s
	i=$(story_published verteller "uit-$(n)" "Uitreactie$(n)" openbaar)
	s=$(story_slug "$i")
	[ "$(db -c "SELECT replies FROM story WHERE item_id = $i")" = uit ]
	reply lid "$s" "$(nonce)" "Sterk verhaal."
	[ "$status_code" = 409 ]
	assert_contains 'Reacties staan uit'
	[ "$(db -c "SELECT count(*) FROM story_reply WHERE item_id = $i")" = 0 ]
	# A visitor is sent to sign in; another member may not switch.
	req -H "Origin: $BRON_URL" -F "body=Hoi" "/verhalen/$s/reacties"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
	post lid "/verhalen/$s/instellingen" --data-urlencode "reacties=aan"
	[ "$status_code" = 403 ]
	post verteller "/verhalen/$s/instellingen" --data-urlencode "reacties=ja"
	[ "$status_code" = 422 ]
	post verteller "/verhalen/$s/instellingen" --data-urlencode "reacties=aan"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/verhalen/$s?gedaan=instellingen" ]
	[ "$(db -c "SELECT replies FROM story WHERE item_id = $i")" = aan ]
	# Unknown story, or one a member may not read (a concept): 404.
	post verteller "/verhalen/geen-verhaal-$(n)/instellingen" \
	    --data-urlencode "reacties=aan"
	[ "$status_code" = 404 ]
	i=$(story_write verteller "concept-$(n)" "Conceptje$(n)")
	post lid "/verhalen/$(story_slug "$i")/reacties" \
	    --data-urlencode "body=Hoi"
	[ "$status_code" = 404 ]
}

@test "replies: a reply waits, shows only once placed; 422 keeps the text" {
	local i s nc r canary
	i=$(story_published verteller "aan-$(n)" "Aanreactie$(n)" openbaar)
	s=$(story_slug "$i")
	post verteller "/verhalen/$s/instellingen" --data-urlencode "reacties=aan"
	[ "$status_code" = 303 ]
	# Empty and too long: the form again, with what was typed.
	reply lid "$s" "$(nonce)" "   "
	[ "$status_code" = 422 ]
	assert_contains 'Schrijf eerst je reactie.'
	assert_contains 'Reacties zijn steunend.'
	reply lid "$s" "$(nonce)" "Lang$(n) $(head -c 4100 /dev/zero | tr '\0' x)"
	[ "$status_code" = 422 ]
	assert_contains 'Je reactie is te lang.'
	assert_contains "Lang$(n) xxxx"
	# Sent: it waits; the same nonce again makes no second one.
	canary="Steunreactie$(n) je bent niet alleen."
	nc=$(nonce)
	reply lid "$s" "$nc" "$canary"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/verhalen/$s?gedaan=reactie#reacties" ]
	reply lid "$s" "$nc" "$canary"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) || state FROM story_reply
	    WHERE item_id = $i GROUP BY state")" = 1wacht ]
	r=$(db -c "SELECT id FROM story_reply WHERE item_id = $i")
	req "/verhalen/$s"
	[ "$status_code" = 200 ]
	assert_not_contains "Steunreactie$(n)"
	# Its writer may not place it; the storyteller does.
	post lid "/reacties/$r" --data-urlencode "besluit=geplaatst"
	[ "$status_code" = 403 ]
	post verteller "/reacties/$r" --data-urlencode "besluit=misschien"
	[ "$status_code" = 422 ]
	post verteller "/reacties/$r" --data-urlencode "besluit=geplaatst"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/verhalen/$s?gedaan=geplaatst#reacties" ]
	[ "$(db -c "SELECT state FROM story_reply WHERE id = $r")" = geplaatst ]
	post verteller "/reacties/$r" --data-urlencode "besluit=afgewezen" \
	    --data-urlencode "terug=/redactie/verhalen"
	[ "$status_code" = 409 ]
	assert_contains 'Hier is al over besloten'
	req "/verhalen/$s"
	[ "$status_code" = 200 ]
	assert_contains "Steunreactie$(n)"
	# An editor refuses another; terug decides where to go.
	reply lid "$s" "$(nonce)" "Tweede$(n) reactie"
	r=$(db -c "SELECT id FROM story_reply WHERE item_id = $i
	    AND state = 'wacht'")
	post redacteur "/reacties/$r" --data-urlencode "besluit=afgewezen" \
	    --data-urlencode "terug=/redactie/verhalen#reacties"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/verhalen#reacties" ]
	req "/verhalen/$s"
	assert_not_contains "Tweede$(n)"
}

@test "quotes: only editors, only from a quotable story, word for word" {
	local i s q goal t
	goal=$(db -c "SELECT slug FROM change_goal ORDER BY slug LIMIT 1")
	i=$(story_published verteller "citeer-$(n)" "Citeerbaar$(n)" citeren)
	s=$(story_slug "$i")
	req -b "$(jar lid)" "/verhalen/$s/citaten"
	[ "$status_code" = 403 ]
	req "/verhalen/$s/citaten"
	[ "$status_code" = 303 ]
	req -b "$(jar redacteur)" "/verhalen/$s/citaten"
	[ "$status_code" = 200 ]
	assert_contains "Citeerbaar$(n) tekst. Zo ging het bij mij."
	assert_contains "Verteld door Citeerbaar$(n) schuilnaam"
	assert_contains "<option value=\"$goal\">"
	t=$(hidden_of _csrf)
	req -b "$(jar redacteur)" -H "Origin: $BRON_URL" -F "_csrf=$t" \
	    -F "opgave=$goal" -F "citaat=Zo ging het echt niet bij mij." \
	    "/verhalen/$s/citaten"
	[ "$status_code" = 422 ]
	assert_contains 'Dit stuk staat niet letterlijk in het verhaal.'
	assert_contains 'Zo ging het echt niet bij mij.</textarea>'
	req -b "$(jar redacteur)" -H "Origin: $BRON_URL" -F "_csrf=$t" \
	    -F "opgave=$goal" -F "citaat=Zo ging" "/verhalen/$s/citaten"
	[ "$status_code" = 422 ]
	assert_contains 'tussen 10 en 600 tekens'
	req -b "$(jar redacteur)" -H "Origin: $BRON_URL" -F "_csrf=$t" \
	    -F "citaat=Zo ging het bij mij." "/verhalen/$s/citaten"
	[ "$status_code" = 422 ]
	assert_contains 'Kies een veranderopgave.'
	req -b "$(jar redacteur)" -H "Origin: $BRON_URL" -F "_csrf=$t" \
	    -F "opgave=$goal" -F "citaat=Zo ging het bij mij." \
	    "/verhalen/$s/citaten"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/monitor/$goal#citaten" ]
	[ "$(db -c "SELECT count(*) FROM story_quote WHERE item_id = $i")" = 1 ]
	# A public story that may not be quoted: a 409 page.
	i=$(story_published verteller "open-$(n)" "Nietciteren$(n)" openbaar)
	req -b "$(jar redacteur)" "/verhalen/$(story_slug "$i")/citaten"
	[ "$status_code" = 409 ]
	assert_contains 'Citeren kan niet'
}

@test "quotes: on the monitor while quotable; gone at once after narrowing or withdrawal" {
	local i j s goal q
	goal=$(db -c "SELECT slug FROM change_goal ORDER BY slug DESC LIMIT 1")
	i=$(story_published verteller "mon-$(n)" "Monitor$(n)" citeren)
	j=$(story_published verteller "mon2-$(n)" "Tweede$(n)" citeren)
	s=$(story_slug "$i")
	db -c "SELECT story_quote_add($i, $(id redacteur), '$goal',
	    'Monitor$(n) tekst. Zo ging het')" >/dev/null
	db -c "SELECT story_quote_add($j, $(id redacteur), '$goal',
	    'Tweede$(n) tekst. Zo ging het')" >/dev/null
	req "/monitor/$goal"
	[ "$status_code" = 200 ]
	assert_contains 'Uit ervaringsverhalen'
	assert_contains "<blockquote><p>Monitor$(n) tekst. Zo ging het</p></blockquote>"
	assert_contains "— Monitor$(n) schuilnaam, uit <a href=\"/verhalen/$s\">Monitor$(n) titel</a>"
	assert_not_contains "Rolverteller $(n)"
	assert_not_contains '/citaten/'
	# Editors get a button to take a quote away.
	req -b "$(jar redacteur)" "/monitor/$goal"
	assert_contains 'Citaat weghalen'
	# Narrowing to openbaar: gone at once.
	[ "$(db -c "SELECT story_scope_change($i, $(id verteller), 'openbaar',
	    '', false, '', '')")" = beperkt ]
	req "/monitor/$goal"
	assert_not_contains "Monitor$(n) tekst"
	assert_contains "Tweede$(n) tekst. Zo ging het"
	# Withdrawn: gone at once.
	db -c "SELECT story_withdraw($j, $(id verteller))" >/dev/null
	req "/monitor/$goal"
	assert_not_contains "Tweede$(n)"
	# Removing by the button: editors only.
	i=$(story_published verteller "mon3-$(n)" "Derde$(n)" citeren)
	q=$(db -c "SELECT story_quote_add($i, $(id redacteur), '$goal',
	    'Derde$(n) tekst. Zo ging het')")
	post lid "/citaten/$q/verwijderen"
	[ "$status_code" = 403 ]
	post redacteur "/citaten/$q/verwijderen"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/monitor/$goal#citaten" ]
	req "/monitor/$goal"
	assert_not_contains "Derde$(n)"
	post redacteur "/citaten/$q/verwijderen"
	[ "$status_code" = 404 ]
}

@test "lists, search and feeds: a warned story's warning line, never its text" {
	local i s comm warn
	comm=$(cat "$BATS_FILE_TMPDIR/comm")
	i=$(story_published verteller "lijst-$(n)" "Lijstverhaal$(n)" openbaar \
	    separatie,geweld "$comm")
	s=$(story_slug "$i")
	warn='Let op, dit verhaal gaat over: Separatie of afzondering, Geweld'
	for p in / /themas/kleinschaligheid "/gemeenschappen/$comm" \
	    "/zoeken?q=Lijstverhaal$(n)"; do
		req "$p"
		[ "$status_code" = 200 ] || { echo "$p: $status_code" >&2; false; }
		assert_contains "Lijstverhaal$(n) titel"
		assert_contains "$warn"
		assert_contains "Lijstverhaal$(n) samenvatting"
		assert_not_contains "Lijstverhaal$(n) tekst"
		assert_not_contains "Zo ging het bij mij"
		assert_not_contains "Rolverteller $(n)"
	done
	for p in /feeds/themas/kleinschaligheid.atom \
	    "/feeds/gemeenschappen/$comm.atom"; do
		req "$p"
		[ "$status_code" = 200 ] || { echo "$p: $status_code" >&2; false; }
		assert_contains "<title>Lijstverhaal$(n) titel</title>"
		assert_contains "<name>Lijstverhaal$(n) schuilnaam</name>"
		assert_contains "$warn"
		assert_not_contains "Lijstverhaal$(n) tekst"
		assert_not_contains "Rolverteller $(n)"
	done
	# A story without warnings has no warning line and no text either.
	i=$(story_published verteller "lijst2-$(n)" "Zonderwaarschuwing$(n)" \
	    openbaar)
	req /feeds/themas/kleinschaligheid.atom
	assert_contains "<title>Zonderwaarschuwing$(n) titel</title>"
	assert_not_contains "Zonderwaarschuwing$(n) tekst"
	req "/zoeken?q=Zonderwaarschuwing$(n)"
	assert_contains "Zonderwaarschuwing$(n) samenvatting"
	! grep -A3 "Zonderwaarschuwing$(n) titel" <<<"$body" | grep -q 'Let op'
}

@test "lists: a members-only story is not in a public community's page for visitors" {
	local i comm
	comm=$(cat "$BATS_FILE_TMPDIR/comm")
	i=$(story_published verteller "leden-$(n)" "Ledenverhaal$(n)" leden "" \
	    "$comm")
	req "/gemeenschappen/$comm"
	[ "$status_code" = 200 ]
	assert_not_contains "Ledenverhaal$(n)"
	req -b "$(jar lid)" "/gemeenschappen/$comm"
	assert_contains "Ledenverhaal$(n) titel"
}

@test "moderation queue: a reported story shows its pseudonym, not its storyteller" {
	local i
	i=$(story_published verteller "meld-$(n)" "Gemeld$(n)" openbaar)
	db -c "SELECT flag_create($(id lid), NULL, $i, 'ongepast',
	    'Melding $(n)')" >/dev/null
	req -b "$(jar redacteur)" /redactie/meldingen
	[ "$status_code" = 200 ]
	assert_contains "Gemeld$(n) titel"
	assert_contains "Gemeld$(n) schuilnaam"
	assert_not_contains "Rolverteller $(n)"
	assert_not_contains "/mensen/$(id verteller)\""
}
