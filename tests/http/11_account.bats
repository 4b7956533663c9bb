#!/usr/bin/env bats
# /account and its settings forms (issue 4): profile, password, e-mail
# address, sessions.

load helpers

setup() {
	# Registration and sign-in are throttled per IP: each test claims its
	# own address (the test Kore trusts X-Real-IP).
	IP="10.11.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
}

# acct JAR EMAIL [NAME]: register (signed in afterwards) from $IP.
acct() {
	post "$1" /registreren -H "X-Real-IP: $IP" \
	    --data-urlencode "email=$2" --data-urlencode "name=${3:-Testlid}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $2: $status_code" >&2
		return 1
	}
}

# signin JAR EMAIL PASSWORD: POST /inloggen from $IP.
signin() {
	post "$1" /inloggen -H "X-Real-IP: $IP" --data-urlencode "email=$2" \
	    --data-urlencode "password=$3"
}

# mpost JAR PATH [curl --form-string args...]: a same-origin multipart
# POST (the profile form) with the jar's token.
mpost() {
	local j=$1 path=$2
	shift 2
	local t
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    -H "X-Real-IP: $IP" --form-string "_csrf=$t" "$@" "$path"
}

# profile JAR NAME BIO LANG CW: CW is the warnings ticked under "altijd
# meteen tonen", comma-separated ("" for none): one "cw" field each.
profile() {
	local cw=() ws=() w
	IFS=, read -ra ws <<<"$5"
	for w in "${ws[@]}"; do
		cw+=(--form-string "cw=$w")
	done
	mpost "$1" /account/profiel --form-string "name=$2" \
	    --form-string "bio=$3" --form-string "lang=$4" "${cw[@]}"
}

# cwshow EMAIL: the account's cw_show, comma-separated.
cwshow() {
	col "$1" "array_to_string(cw_show, ',')"
}

# foreign JAR PATH [curl args...]: a POST with a valid token, sent from
# another site.
foreign() {
	local j=$1 path=$2
	shift 2
	local t
	t=$(csrf "$j")
	req -b "$(jar "$j")" -H "Origin: https://evil.example" \
	    --data-urlencode "_csrf=$t" "$@" "$path"
}

# page JAR: GET /account with the jar.
page() {
	req -b "$(jar "$1")" -c "$(jar "$1")" /account
}

col() {
	db -c "SELECT $2 FROM account WHERE email = '$1'"
}

@test "a visitor is sent to sign in, and back here afterwards" {
	req /account
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Faccount" ]
}

@test "the page shows the account and its four forms, never cached" {
	local e
	e=$(unique_email page)
	acct a "$e" "Paginalid"
	page a
	[ "$status_code" = 200 ]
	assert_html_headers
	[ "$(header cache-control)" = "no-store" ]
	assert_contains "<h1>Mijn account</h1>"
	assert_contains "Welkom, Paginalid."
	assert_contains "<dd>Professional</dd>"
	assert_contains "<dd>Lid</dd>"
	assert_contains "<dd>$e</dd>"
	# Each form returns to its own section of the page.
	assert_contains '<section id="profiel" aria-labelledby="profile-title">'
	assert_contains 'action="/account/profiel#profiel" enctype="multipart/form-data"'
	assert_contains 'action="/account/wachtwoord#wachtwoord"'
	assert_contains 'action="/account/email#emailadres"'
	assert_contains 'action="/uitloggen"'
	assert_contains 'name="alles" value="1"'
	assert_contains "Overal uitloggen"
	assert_contains "(dit apparaat)"
	assert_contains 'value="Paginalid"'
	assert_contains 'id="lang-nl" name="lang" value="nl" checked'
	# Seven warnings, none ticked for a new account.
	[ "$(grep -c 'type="checkbox" id="cw-[a-z]*" name="cw"' <<<"$body")" = 7 ]
	assert_contains 'id="cw-suicide" name="cw" value="suicide"> <label for="cw-suicide">Suïcide</label>'
	assert_not_contains 'name="cw" value="suicide" checked'
	assert_contains 'href="/account/export"'
	assert_contains 'href="/account/verwijderen"'
	assert_contains "href=\"/mensen/$(col "$e" id)\""
	[ "$(grep -c 'name="_csrf"' <<<"$body")" -ge 5 ]
}

@test "GET on a form address goes back to the page" {
	req /account/profiel
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/account" ]
}

@test "a profile change is saved, confirmed and shown in the header" {
	local e
	e=$(unique_email profiel)
	acct a "$e" "Oude Naam"
	profile a "Nieuwe Naam" "Ik werk in de jeugdzorg." nl separatie,suicide
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/account?opgeslagen=profiel" ]
	[ "$(col "$e" "display_name || '|' || bio || '|' || lang || '|' || array_to_string(cw_show, ',')")" = \
	    "Nieuwe Naam|Ik werk in de jeugdzorg.|nl|suicide,separatie" ]
	req -b "$(jar a)" "/account?opgeslagen=profiel"
	[ "$status_code" = 200 ]
	assert_contains '<div class="notice" role="status"><p>Je profiel is opgeslagen.</p></div>'
	assert_contains '<span class="user-name">(Nieuwe Naam)</span>'
	assert_contains 'value="Nieuwe Naam"'
	assert_contains 'id="cw-separatie" name="cw" value="separatie" checked'
	assert_contains 'id="cw-suicide" name="cw" value="suicide" checked'
	assert_not_contains 'name="cw" value="geweld" checked'
	# Unticking all of them: none.
	profile a "Nieuwe Naam" "" nl ""
	[ "$status_code" = 303 ]
	[ "$(cwshow "$e")" = "" ]
	# Without the parameter there is no confirmation.
	page a
	assert_not_contains 'role="status"'
}

@test "choosing English saves it and sets the language cookie" {
	local e
	e=$(unique_email taal)
	acct a "$e"
	profile a "Testlid" "" en ""
	[ "$status_code" = 303 ]
	[[ "$(header set-cookie)" == *"lang=en; Path=/"*"Max-Age=31536000"* ]]
	[ "$(col "$e" lang)" = "en" ]
	page a
	assert_contains "<h1>My account</h1>"
}

@test "a bio with line breaks keeps them (CRLF stored as LF)" {
	local e
	e=$(unique_email bio)
	acct a "$e"
	profile a "Testlid" $'Regel een\nRegel twee\r\nRegel drie' nl ""
	[ "$status_code" = 303 ]
	[ "$(col "$e" "bio = E'Regel een\\nRegel twee\\nRegel drie'")" = "t" ]
	page a
	assert_contains $'>Regel een\nRegel twee\nRegel drie</textarea>'
}

@test "an empty name: 400, message, the rest kept, nothing saved" {
	local e
	e=$(unique_email leeg)
	acct a "$e" "Blijft Zo"
	profile a "   " "Mijn verhaal" nl geweld
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="name-error">Vul dit veld in.</p>'
	assert_contains 'aria-describedby="name-hint name-error" aria-invalid="true"'
	assert_contains '<a href="#name">Naam: Vul dit veld in.</a>'
	assert_contains ">Mijn verhaal</textarea>"
	assert_contains 'id="cw-geweld" name="cw" value="geweld" checked'
	[ "$(col "$e" "display_name || '|' || array_to_string(cw_show, ',')")" = "Blijft Zo|" ]
}

@test "a name of 61 characters: 400 with the name kept" {
	local e long sixty
	e=$(unique_email lang)
	acct a "$e"
	long=$(printf 'é%.0s' {1..61})
	sixty=$(printf 'é%.0s' {1..60})
	profile a "$long" "" nl ""
	[ "$status_code" = 400 ]
	assert_contains "Dit is te lang. Gebruik hoogstens 60 tekens."
	assert_contains "value=\"$long\""
	[ "$(col "$e" display_name)" = "Testlid" ]
	# 60 characters (120 bytes) is fine.
	profile a "$sixty" "" nl ""
	[ "$status_code" = 303 ]
}

@test "a name that is not UTF-8: 400, and it is not shown back" {
	local e
	e=$(unique_email utf)
	acct a "$e"
	profile a "Naam$(printf '\xff')" "Bio blijft" nl ""
	[ "$status_code" = 400 ]
	assert_contains "Hier staan tekens in die Bron niet kan lezen."
	assert_contains ">Bio blijft</textarea>"
	assert_contains 'id="name" name="name" value=""'
	! grep -q $'\xff' <<<"$body"
	[ "$(col "$e" display_name)" = "Testlid" ]
}

@test "a bio of 2001 characters: 400 with the bio kept" {
	local e bio
	e=$(unique_email lange-bio)
	acct a "$e"
	bio=$(printf 'x%.0s' {1..2001})
	profile a "Testlid" "$bio" nl ""
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="bio-error">Dit is te lang. Gebruik hoogstens 2000 tekens.</p>'
	assert_contains ">$bio</textarea>"
	[ "$(col "$e" "length(bio)")" = 0 ]
}

@test "a bio Kore drops (over 4000 bytes) is refused, never erased" {
	local e bio
	e=$(unique_email heel-lang)
	acct a "$e"
	profile a "Testlid" "Eerste bio" nl ""
	[ "$status_code" = 303 ]
	bio=$(printf 'y%.0s' {1..4100})
	profile a "Testlid" "$bio" nl ""
	[ "$status_code" = 400 ]
	assert_contains "Dit is te lang. Gebruik hoogstens 2000 tekens."
	[ "$(col "$e" bio)" = "Eerste bio" ]
	# Url-encoded, Kore drops a line break the same way.
	post a /account/profiel --data-urlencode "name=Testlid" \
	    --data-urlencode $'bio=een\ntwee' --data-urlencode "lang=nl" \
	    --data-urlencode "cw=verlies"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="bio-error">Hier staan tekens in die Bron niet kan lezen.'
	[ "$(col "$e" bio)" = "Eerste bio" ]
	# Emptying the bio on purpose still works.
	profile a "Testlid" "" nl ""
	[ "$status_code" = 303 ]
	[ "$(col "$e" "length(bio)")" = 0 ]
}

@test "a language or warning choice that is not offered: 400" {
	local e
	e=$(unique_email keuze)
	acct a "$e"
	profile a "Getypte Naam" "" de ""
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="lang-error">Kies een van de mogelijkheden.</p>'
	assert_contains 'value="Getypte Naam"'
	assert_contains 'id="lang" aria-invalid="true" aria-describedby="lang-error"'
	profile a "Getypte Naam" "" nl fixatie,altijd
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="cw-error">Kies een van de mogelijkheden.</p>'
	assert_contains 'value="Getypte Naam"'
	# The warnings that are offered stay ticked.
	assert_contains 'id="cw-fixatie" name="cw" value="fixatie" checked'
	# No language chosen; no warning ticked is a choice.
	mpost a /account/profiel --form-string "name=Getypte Naam"
	[ "$status_code" = 400 ]
	assert_contains 'id="lang-error"'
	assert_not_contains 'id="cw-error"'
	[ "$(col "$e" "display_name || lang || array_to_string(cw_show, ',')")" = "Testlidnl" ]
}

@test "profile POST without the form token or from another site: 403" {
	local e
	e=$(unique_email csrf)
	acct a "$e"
	req -b "$(jar a)" -H "Origin: $BRON_URL" --form-string "name=Aanval" \
	    --form-string "lang=nl" --form-string "cw=suicide" /account/profiel
	[ "$status_code" = 403 ]
	assert_contains "Dit formulier was verlopen of kwam niet van deze site."
	assert_contains 'value="Aanval"'
	foreign a /account/profiel --data-urlencode "name=Aanval" --data-urlencode "lang=nl" \
	    --data-urlencode "cw=suicide"
	[ "$status_code" = 403 ]
	[ "$(col "$e" "display_name || '|' || array_to_string(cw_show, ',')")" = "Testlid|" ]
	# A visitor gets the plain 403 page.
	req -H "Origin: $BRON_URL" --form-string "name=x" /account/profiel
	[ "$status_code" = 403 ]
}

@test "password and e-mail POSTs without token or from another site: 403" {
	local e
	e=$(unique_email csrf2)
	acct a "$e"
	req -b "$(jar a)" -H "Origin: $BRON_URL" \
	    --data-urlencode "current_password=$TEST_PASSWORD" \
	    --data-urlencode "new_password=een heel ander wachtwoord" \
	    /account/wachtwoord
	[ "$status_code" = 403 ]
	assert_contains "Dit formulier was verlopen"
	foreign a /account/email --data-urlencode "email=x-$e" \
	    --data-urlencode "email_password=$TEST_PASSWORD"
	[ "$status_code" = 403 ]
	assert_contains "value=\"x-$e\""
	[ "$(col "$e" "count(*)")" = 1 ]
}

@test "password change: wrong current password, common new one, then success" {
	local e new="zeven blauwe fietsen op het dak"
	e=$(unique_email wachtwoord)
	acct a "$e"
	signin b "$e" "$TEST_PASSWORD"
	[ "$status_code" = 303 ]
	req -b "$(jar b)" /account
	[ "$status_code" = 200 ]

	post a /account/wachtwoord -H "X-Real-IP: $IP" \
	    --data-urlencode "current_password=niet mijn wachtwoord" \
	    --data-urlencode "new_password=$new"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="current_password-error">Dit wachtwoord klopt niet. Typ je huidige wachtwoord.</p>'
	assert_not_contains "niet mijn wachtwoord"
	assert_not_contains "$new"

	post a /account/wachtwoord --data-urlencode "current_password=$TEST_PASSWORD" \
	    --data-urlencode "new_password=password1234"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="new_password-error">Dit wachtwoord is te makkelijk te raden.'
	assert_not_contains "$TEST_PASSWORD"

	post a /account/wachtwoord --data-urlencode "current_password=$TEST_PASSWORD" \
	    --data-urlencode "new_password=$TEST_PASSWORD"
	[ "$status_code" = 400 ]
	assert_contains "Dit is je huidige wachtwoord."

	post a /account/wachtwoord --data-urlencode "current_password=$TEST_PASSWORD" \
	    --data-urlencode "new_password=$new"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/account?opgeslagen=wachtwoord" ]
	# This device stays signed in, the other one is signed out.
	req -b "$(jar a)" "/account?opgeslagen=wachtwoord"
	[ "$status_code" = 200 ]
	assert_contains "Je wachtwoord is gewijzigd."
	req -b "$(jar b)" /account
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM session s JOIN account a ON a.id = s.account_id WHERE a.email = '$e'")" = 1 ]
	# The old password no longer works, the new one does.
	signin c "$e" "$TEST_PASSWORD"
	[ "$status_code" = 400 ]
	signin c "$e" "$new"
	[ "$status_code" = 303 ]
}

@test "password change: empty fields get a message each" {
	local e
	e=$(unique_email leeg-ww)
	acct a "$e"
	post a /account/wachtwoord
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="current_password-error">Vul dit veld in.</p>'
	assert_contains '<p class="field-error" id="new_password-error">Vul dit veld in.</p>'
	assert_contains 'aria-describedby="new_password-hint new_password-error"'
}

@test "five wrong current passwords: then 429 with Retry-After" {
	local e i
	e=$(unique_email limiet)
	acct a "$e"
	for i in 1 2 3 4 5; do
		post a /account/wachtwoord \
		    --data-urlencode "current_password=fout wachtwoord $i" \
		    --data-urlencode "new_password=zeven blauwe fietsen"
		[ "$status_code" = 400 ]
	done
	# The right one is refused too until the window ends.
	post a /account/email --data-urlencode "email=ander-$e" \
	    --data-urlencode "email_password=$TEST_PASSWORD"
	[ "$status_code" = 429 ]
	[ -n "$(header retry-after)" ]
	assert_contains "Er waren te veel pogingen."
	post a /account/wachtwoord --data-urlencode "current_password=$TEST_PASSWORD" \
	    --data-urlencode "new_password=zeven blauwe fietsen"
	[ "$status_code" = 429 ]
	[ "$(col "$e" "count(*)")" = 1 ]
}

@test "e-mail change: taken address 409, wrong password 400, then success" {
	local e other new
	e=$(unique_email oud)
	other=$(unique_email bezet)
	new=$(unique_email nieuw)
	acct x "$other"
	acct a "$e"

	post a /account/email --data-urlencode "email=$other" \
	    --data-urlencode "email_password=$TEST_PASSWORD"
	[ "$status_code" = 409 ]
	assert_contains '<p class="field-error" id="email-error">Er is al een account met dit e-mailadres. Kies een ander adres.</p>'
	assert_contains "value=\"$other\""
	assert_not_contains "$TEST_PASSWORD"

	post a /account/email --data-urlencode "email=$new" \
	    --data-urlencode "email_password=verkeerd wachtwoord"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="email_password-error">Dit wachtwoord klopt niet.'
	assert_contains "value=\"$new\""

	post a /account/email --data-urlencode "email=geen-adres" \
	    --data-urlencode "email_password=$TEST_PASSWORD"
	[ "$status_code" = 400 ]
	assert_contains "Vul een geldig e-mailadres in"

	post a /account/email --data-urlencode "email=  ${new^^}  " \
	    --data-urlencode "email_password=$TEST_PASSWORD"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/account?opgeslagen=email" ]
	[ "$(db -c "SELECT count(*) FROM account WHERE email = '$new'")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM account WHERE email = '$e'")" = 0 ]
	req -b "$(jar a)" "/account?opgeslagen=email"
	assert_contains "Je e-mailadres is gewijzigd."
	assert_contains "<dd>$new</dd>"
	signin c "$new" "$TEST_PASSWORD"
	[ "$status_code" = 303 ]
	signin d "$e" "$TEST_PASSWORD"
	[ "$status_code" = 400 ]
}

@test "an e-mail address that is not UTF-8 is refused and not shown back" {
	local e
	e=$(unique_email utf-mail)
	acct a "$e"
	mpost a /account/email --form-string "email=a$(printf '\xff')@example.org" \
	    --form-string "email_password=$TEST_PASSWORD"
	[ "$status_code" = 400 ]
	assert_contains "Hier staan tekens in die Bron niet kan lezen."
	! grep -q $'\xff' <<<"$body"
}

@test "sessions: both devices are listed, signing out everywhere ends them" {
	local e
	e=$(unique_email sessies)
	acct a "$e"
	post b /inloggen -H "X-Real-IP: $IP" -A 'Testbrowser/1.0 <b>"x"</b>' \
	    --data-urlencode "email=$e" --data-urlencode "password=$TEST_PASSWORD"
	[ "$status_code" = 303 ]
	page a
	[ "$status_code" = 200 ]
	[ "$(grep -c '<tr><td>' <<<"$body")" = 2 ]
	assert_contains '<tr><td>Testbrowser/1.0 &lt;b&gt;&quot;x&quot;&lt;/b&gt;</td>'
	[ "$(grep -c '(dit apparaat)' <<<"$body")" = 1 ]
	assert_contains '<time datetime="'
	post b /uitloggen --data-urlencode "alles=1"
	[ "$status_code" = 303 ]
	req -b "$(jar a)" /account
	[ "$status_code" = 303 ]
}
