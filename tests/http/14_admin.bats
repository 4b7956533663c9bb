#!/usr/bin/env bats
# Administration (issue 4): /beheer/gebruikers (find, roles, blocks),
# /beheer/audit and the `bron admin` command.
load helpers

BRON_CLI="${BRON_ROOT:-$BATS_TEST_DIRNAME/../..}/build/bron"

# Registration and sign-in are throttled per IP: every call here comes
# from an address of its own (the test Kore trusts X-Real-IP).
test_ip() {
	echo "10.14.$((RANDOM % 256)).$((RANDOM % 254 + 1))"
}

# newuser JAR EMAIL [NAME]: register and stay signed in.
newuser() {
	post "$1" /registreren -H "X-Real-IP: $(test_ip)" \
	    --data-urlencode "email=$2" \
	    --data-urlencode "name=${3:-Testlid}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $2: $status_code" >&2
		return 1
	}
}

# signin JAR EMAIL
signin() {
	post "$1" /inloggen -H "X-Real-IP: $(test_ip)" \
	    --data-urlencode "email=$2" --data-urlencode "password=$TEST_PASSWORD"
}

acct_id() {
	db -c "SELECT id FROM account WHERE email = lower('$1')"
}

# An admin signed in with jar "admin": $ADMIN_EMAIL, $ADMIN_ID.
new_admin() {
	ADMIN_EMAIL=$(unique_email beheer)
	newuser admin "$ADMIN_EMAIL" "Beheerder $$"
	set_role "$ADMIN_EMAIL" beheerder
	ADMIN_ID=$(acct_id "$ADMIN_EMAIL")
}

# A member signed in with jar "lid": $LID_EMAIL, $LID_ID, $LID_NAME.
new_member() {
	LID_EMAIL=$(unique_email lid)
	LID_NAME="Lid$$x$RANDOM$RANDOM"
	newuser lid "$LID_EMAIL" "$LID_NAME"
	LID_ID=$(acct_id "$LID_EMAIL")
}

# change ID FIELDS...: the admin's form POST to /beheer/gebruikers/ID.
change() {
	local id=$1
	shift
	post admin "/beheer/gebruikers/$id" "$@"
}

@test "visitors are sent to sign in on every admin page" {
	for p in /beheer /beheer/gebruikers /beheer/audit; do
		req "$p"
		[ "$status_code" = 303 ]
		[[ "$(header location)" == /inloggen\?terug=* ]]
	done
	post visitor /beheer/gebruikers/1 --data "actie=blokkeren"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
}

@test "members get 403 on every admin page and action" {
	new_member
	for p in /beheer /beheer/gebruikers /beheer/audit "/beheer/audit?actie=export"; do
		req -b "$(jar lid)" "$p"
		[ "$status_code" = 403 ]
	done
	post lid "/beheer/gebruikers/$LID_ID" --data "actie=rol&rol=beheerder"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT role FROM account WHERE id = $LID_ID")" = lid ]
	set_role "$LID_EMAIL" redacteur
	req -b "$(jar lid)" /beheer/gebruikers
	[ "$status_code" = 403 ]
}

@test "an admin sees the user list and finds a user by part of the name" {
	new_admin
	new_member
	req -b "$(jar admin)" /beheer
	[ "$status_code" = 303 ]
	[ "$(header location)" = /beheer/gebruikers ]
	req -b "$(jar admin)" /beheer/gebruikers
	[ "$status_code" = 200 ]
	assert_html_headers
	[ "$(header cache-control)" = no-store ]
	assert_contains '<caption>Gebruikers van Bron</caption>'
	assert_contains '<th scope="col">E-mailadres</th>'
	assert_contains 'aria-current="page"'
	# Part of the name, in other letter case.
	local part=${LID_NAME:3:8}
	req -b "$(jar admin)" "/beheer/gebruikers?q=${part,,}"
	[ "$status_code" = 200 ]
	assert_contains "<p>1 gebruiker gevonden.</p>"
	assert_contains "<a href=\"/mensen/$LID_ID\">$LID_NAME</a>"
	assert_contains "$LID_EMAIL"
	assert_contains "value=\"${part,,}\""
	assert_contains 'aria-label="Rol van '"$LID_NAME"'"'
	# By part of the e-mail address, with the role filter.
	req -b "$(jar admin)" --get --data-urlencode "q=${LID_EMAIL%@*}" \
	    --data-urlencode "rol=lid" /beheer/gebruikers
	[ "$status_code" = 200 ]
	assert_contains "$LID_NAME"
	req -b "$(jar admin)" --get --data-urlencode "q=${LID_EMAIL%@*}" \
	    --data-urlencode "rol=redacteur" /beheer/gebruikers
	[ "$status_code" = 200 ]
	assert_not_contains "$LID_NAME"
	assert_contains "Er zijn geen gebruikers gevonden."
	# % and _ are plain text, not patterns.
	req -b "$(jar admin)" --get --data-urlencode "q=%_%_%" /beheer/gebruikers
	[ "$status_code" = 200 ]
	assert_contains "Er zijn geen gebruikers gevonden."
	# The admin's own row has no forms.
	req -b "$(jar admin)" --get --data-urlencode "q=$ADMIN_EMAIL" \
	    /beheer/gebruikers
	assert_contains "Dit ben jij."
	assert_not_contains "/beheer/gebruikers/$ADMIN_ID\""
}

@test "bad search input is a 400 with a message next to the field" {
	new_admin
	local long
	long=$(printf 'a%.0s' {1..201})
	req -b "$(jar admin)" "/beheer/gebruikers?q=$long"
	[ "$status_code" = 400 ]
	assert_contains 'id="q-error">Dit is te lang. Gebruik hoogstens 200 tekens.'
	assert_contains 'aria-describedby="q-hint q-error" aria-invalid="true"'
	assert_contains "value=\"$long\""
	# Longer than Kore's own cap: dropped by Kore, still a 400.
	long=$(printf 'b%.0s' {1..1200})
	req -b "$(jar admin)" "/beheer/gebruikers?q=$long"
	[ "$status_code" = 400 ]
	assert_contains 'Dit is te lang.'
	req -b "$(jar admin)" "/beheer/gebruikers?q=%FF%FE"
	[ "$status_code" = 400 ]
	assert_contains 'id="q-error">Hier staan tekens in die Bron niet kan lezen.'
	req -b "$(jar admin)" "/beheer/gebruikers?q=a%0Ab"
	[ "$status_code" = 400 ]
	for bad in "pagina=0" "pagina=abc" "pagina=-1" "pagina=99999999999999999999" "rol=koning"; do
		req -b "$(jar admin)" "/beheer/gebruikers?$bad"
		[ "$status_code" = 400 ]
	done
	# A page past the end is empty, not an error.
	req -b "$(jar admin)" "/beheer/gebruikers?q=niemand-heet-zo&pagina=5"
	[ "$status_code" = 200 ]
	assert_contains "Er zijn geen gebruikers gevonden."
	assert_contains 'href="/beheer/gebruikers?q=niemand-heet-zo" rel="prev">Vorige'
}

@test "the user list is paged, 25 a page" {
	new_admin
	local tag="pag$$x$RANDOM"
	db -c "INSERT INTO account (email, display_name, member_kind)
	    SELECT '$tag-' || i || '@example.org', 'Pagina $tag ' || i, 'anders'
	    FROM generate_series(1, 27) i"
	req -b "$(jar admin)" "/beheer/gebruikers?q=$tag"
	[ "$status_code" = 200 ]
	assert_contains "27 gebruikers gevonden."
	[ "$(grep -c '<th scope="row"' <<<"$body")" = 25 ]
	assert_contains '<nav class="pager" aria-label="Pagina&#39;s">'
	assert_contains "Pagina 1 van 2"
	assert_contains "href=\"/beheer/gebruikers?q=$tag&amp;pagina=2\" rel=\"next\">Volgende"
	assert_not_contains "Vorige"
	req -b "$(jar admin)" "/beheer/gebruikers?q=$tag&pagina=2"
	[ "$status_code" = 200 ]
	[ "$(grep -c '<th scope="row"' <<<"$body")" = 2 ]
	assert_contains "Pagina 2 van 2"
	assert_contains "href=\"/beheer/gebruikers?q=$tag\" rel=\"prev\">Vorige"
	assert_not_contains "Volgende"
	# The forms on page 2 come back to page 2.
	assert_contains "name=\"terug\" value=\"/beheer/gebruikers?q=$tag&amp;pagina=2\""
}

@test "an admin changes a role: database, audit row and new rights" {
	new_admin
	new_member
	req -b "$(jar lid)" /beheer
	[ "$status_code" = 403 ]
	change "$LID_ID" --data "actie=rol&rol=redacteur" \
	    --data-urlencode "terug=/beheer/gebruikers?q=Lid&pagina=1"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/beheer/gebruikers?q=Lid&pagina=1" ]
	[ "$(db -c "SELECT role FROM account WHERE id = $LID_ID")" = redacteur ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'rol_gewijzigd'
	    AND actor_id = $ADMIN_ID AND target_id = $LID_ID
	    AND detail = 'lid → redacteur'")" = 1 ]
	# The same role again changes nothing and logs nothing.
	change "$LID_ID" --data "actie=rol&rol=redacteur"
	[ "$status_code" = 303 ]
	[ "$(header location)" = /beheer/gebruikers ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $LID_ID
	    AND action = 'rol_gewijzigd'")" = 1 ]
	change "$LID_ID" --data "actie=rol&rol=beheerder"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT detail FROM audit WHERE target_id = $LID_ID
	    AND action = 'rol_gewijzigd' ORDER BY id DESC LIMIT 1")" = "redacteur → beheerder" ]
	# The promoted member's own session has the new rights at once.
	req -b "$(jar lid)" /beheer
	[ "$status_code" = 303 ]
	req -b "$(jar lid)" /beheer/gebruikers
	[ "$status_code" = 200 ]
	assert_contains "Gebruikers van Bron"
	# And loses them again.
	change "$LID_ID" --data "actie=rol&rol=ervaringsdeskundige"
	[ "$status_code" = 303 ]
	req -b "$(jar lid)" /beheer/gebruikers
	[ "$status_code" = 403 ]
}

@test "bad changes: unknown role, action or id, foreign terug" {
	new_admin
	new_member
	change "$LID_ID" --data "actie=rol&rol=koning"
	[ "$status_code" = 400 ]
	assert_contains "Kies een rol uit de lijst"
	change "$LID_ID" --data "actie=rol"
	[ "$status_code" = 400 ]
	change "$LID_ID" --data "actie=wissen"
	[ "$status_code" = 400 ]
	assert_contains "Er is niets gewijzigd."
	change "$LID_ID"
	[ "$status_code" = 400 ]
	[ "$(db -c "SELECT role FROM account WHERE id = $LID_ID")" = lid ]
	change 999999999999999999 --data "actie=blokkeren"
	[ "$status_code" = 404 ]
	change 0 --data "actie=rol&rol=lid"
	[ "$status_code" = 404 ]
	# Only the list is a place to go back to.
	for t in "https://example.net/" "//example.net/" "/account" "/beheer/gebruikersx"; do
		change "$LID_ID" --data "actie=deblokkeren" \
		    --data-urlencode "terug=$t"
		[ "$status_code" = 303 ]
		[ "$(header location)" = /beheer/gebruikers ]
	done
	# GET on the change route is not allowed.
	req -b "$(jar admin)" "/beheer/gebruikers/$LID_ID"
	[ "$status_code" = 405 ]
}

@test "an admin blocks and unblocks: sessions end, sign-in is refused" {
	new_admin
	new_member
	req -b "$(jar lid)" /beheer
	[ "$status_code" = 403 ]
	change "$LID_ID" --data "actie=blokkeren"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT blocked_at IS NOT NULL FROM account WHERE id = $LID_ID")" = t ]
	[ "$(db -c "SELECT count(*) FROM session WHERE account_id = $LID_ID")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'geblokkeerd'
	    AND actor_id = $ADMIN_ID AND target_id = $LID_ID")" = 1 ]
	# The old session is gone: a visitor again.
	req -b "$(jar lid)" /beheer
	[ "$status_code" = 303 ]
	req -b "$(jar admin)" --get --data-urlencode "q=$LID_EMAIL" /beheer/gebruikers
	assert_contains "<td>Geblokkeerd</td>"
	assert_contains 'value="deblokkeren"'
	# The right password now gets the Dutch blocked message.
	signin lid "$LID_EMAIL"
	[ "$status_code" = 403 ]
	assert_contains "Je account is geblokkeerd."
	# Blocking twice changes nothing.
	change "$LID_ID" --data "actie=blokkeren"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'geblokkeerd'
	    AND target_id = $LID_ID")" = 1 ]
	change "$LID_ID" --data "actie=deblokkeren"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT blocked_at IS NULL FROM account WHERE id = $LID_ID")" = t ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'gedeblokkeerd'
	    AND actor_id = $ADMIN_ID AND target_id = $LID_ID")" = 1 ]
	signin lid "$LID_EMAIL"
	[ "$status_code" = 303 ]
	req -b "$(jar lid)" /beheer
	[ "$status_code" = 403 ]
}

@test "an admin cannot block themself or drop their own admin role" {
	new_admin
	change "$ADMIN_ID" --data "actie=blokkeren"
	[ "$status_code" = 400 ]
	assert_contains "Je kunt jezelf niet blokkeren."
	change "$ADMIN_ID" --data "actie=rol&rol=lid"
	[ "$status_code" = 400 ]
	assert_contains "Je kunt je eigen rol als beheerder niet weghalen."
	[ "$(db -c "SELECT role || (blocked_at IS NULL) FROM account WHERE id = $ADMIN_ID")" = beheerdertrue ]
	# Keeping the role is fine (and logs nothing).
	change "$ADMIN_ID" --data "actie=rol&rol=beheerder"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $ADMIN_ID
	    AND action IN ('rol_gewijzigd', 'geblokkeerd')")" = 0 ]
}

@test "an admin who lost the role meanwhile changes nothing" {
	new_admin
	new_member
	local t
	t=$(csrf admin /beheer/gebruikers)
	set_role "$ADMIN_EMAIL" lid
	req -b "$(jar admin)" -H "Origin: $BRON_URL" --data "_csrf=$t" \
	    --data "actie=rol&rol=beheerder" "/beheer/gebruikers/$LID_ID"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT role FROM account WHERE id = $LID_ID")" = lid ]
}

@test "changes without a CSRF token or from another site are refused" {
	new_admin
	new_member
	req -b "$(jar admin)" -H "Origin: $BRON_URL" \
	    --data "actie=blokkeren" "/beheer/gebruikers/$LID_ID"
	[ "$status_code" = 403 ]
	assert_contains "Dit formulier was verlopen"
	local t
	t=$(csrf admin /beheer/gebruikers)
	req -b "$(jar admin)" -H "Origin: https://evil.example" \
	    --data "_csrf=$t&actie=blokkeren" "/beheer/gebruikers/$LID_ID"
	[ "$status_code" = 403 ]
	req -b "$(jar admin)" -H "Origin: $BRON_URL" \
	    --data "_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&actie=blokkeren" \
	    "/beheer/gebruikers/$LID_ID"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT blocked_at IS NULL FROM account WHERE id = $LID_ID")" = t ]
}

@test "the audit log lists rows newest first and filters by action" {
	new_admin
	new_member
	change "$LID_ID" --data "actie=rol&rol=redacteur"
	change "$LID_ID" --data "actie=blokkeren"
	req -b "$(jar admin)" /beheer/audit
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<caption>Logboek van het beheer</caption>'
	assert_contains '<th scope="col">Gebeurtenis</th>'
	assert_contains '<label for="actie">Soort gebeurtenis</label>'
	# Newest first: the block is above the role change.
	local rows
	rows=$(grep -n -E "<td>(Geblokkeerd|Rol gewijzigd)</td>" <<<"$body" | head -n 2)
	[[ "$rows" == *Geblokkeerd*Rol\ gewijzigd* ]]
	assert_contains "<td><a href=\"/mensen/$ADMIN_ID\">Beheerder $$</a></td>"
	assert_contains "<td><a href=\"/mensen/$LID_ID\">$LID_NAME</a></td>"
	assert_contains "<td>lid → redacteur</td>"
	req -b "$(jar admin)" "/beheer/audit?actie=geblokkeerd"
	[ "$status_code" = 200 ]
	assert_contains '<option value="geblokkeerd" selected>'
	assert_contains "<td>Geblokkeerd</td>"
	assert_not_contains "<td>Rol gewijzigd</td>"
	assert_not_contains "<td>Gedeblokkeerd</td>"
	req -b "$(jar admin)" "/beheer/audit?actie=rol_gewijzigd&pagina=1"
	[ "$status_code" = 200 ]
	assert_contains "<td>Rol gewijzigd</td>"
	assert_not_contains "<td>Geblokkeerd</td>"
	# The page only reads: the log itself refuses changes.
	run db -c "DELETE FROM audit WHERE target_id = $LID_ID"
	[ "$status" -ne 0 ]
}

@test "a bad audit filter is a 400 with a message next to the field" {
	new_admin
	req -b "$(jar admin)" "/beheer/audit?actie=alles_wissen"
	[ "$status_code" = 400 ]
	assert_contains 'id="actie-error">Kies een soort gebeurtenis uit de lijst.'
	assert_contains 'aria-invalid="true" aria-describedby="actie-error"'
	req -b "$(jar admin)" "/beheer/audit?actie=%00"
	[ "$status_code" = 400 ]
	req -b "$(jar admin)" "/beheer/audit?pagina=nul"
	[ "$status_code" = 400 ]
	req -b "$(jar admin)" "/beheer/audit?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11"
	[ "$status_code" = 400 ]
}

@test "bron admin creates a new admin without a password and prints a link" {
	[ -x "$BRON_CLI" ]
	local e out tok id
	e=$(unique_email nieuw)
	out=$(BRON_BASE_URL=https://bron.example/ "$BRON_CLI" admin "$e")
	[[ "$out" == "Beheerder aangemaakt. Kies een wachtwoord via: https://bron.example/wachtwoord-herstellen?token="* ]]
	tok=${out##*token=}
	[ "${#tok}" = 43 ]
	id=$(acct_id "$e")
	[ "$(db -c "SELECT role, member_kind, display_name, password_hash IS NULL
	    FROM account WHERE id = $id")" = "beheerder|anders|${e%@*}|t" ]
	# Only the hash of the token is stored, valid for a day.
	local hash
	hash=$(python3 -c 'import hashlib,sys; print(hashlib.blake2b(sys.argv[1].encode(), digest_size=32).hexdigest())' "$tok")
	[ "$(db -c "SELECT count(*) FROM password_reset WHERE account_id = $id
	    AND token_hash = decode('$hash', 'hex') AND used_at IS NULL
	    AND expires_at BETWEEN now() + interval '23 hours' AND now() + interval '25 hours'")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM password_reset WHERE account_id = $id
	    AND encode(token_hash, 'escape') LIKE '%$tok%'")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'beheerder_aangemaakt'
	    AND actor_id IS NULL AND target_id = $id")" = 1 ]
	# In the log as done by the system.
	new_admin
	req -b "$(jar admin)" "/beheer/audit?actie=beheerder_aangemaakt"
	assert_contains "<td>systeem</td>"
	# No password yet: signing in is impossible.
	signin other "$e"
	[ "$status_code" = 400 ]
}

@test "the first admin chooses a password with the printed link and gets in" {
	local e out tok t
	e=$(unique_email eerste)
	out=$("$BRON_CLI" admin "$e")
	tok=${out##*token=}
	t=$(csrf first "/wachtwoord-herstellen?token=$tok")
	req -b "$(jar first)" -c "$(jar first)" -H "Origin: $BRON_URL" \
	    --data-urlencode "_csrf=$t" --data-urlencode "token=$tok" \
	    --data-urlencode "password=$TEST_PASSWORD" /wachtwoord-herstellen
	[ "$status_code" = 303 ]
	signin first "$e"
	[ "$status_code" = 303 ]
	req -b "$(jar first)" /beheer/gebruikers
	[ "$status_code" = 200 ]
	assert_contains "Dit ben jij."
}

@test "bron admin promotes an existing account" {
	new_member
	local out
	out=$("$BRON_CLI" admin "  ${LID_EMAIL^^} ")
	[ "$out" = "Dit account is nu beheerder." ]
	[ "$(db -c "SELECT role FROM account WHERE id = $LID_ID")" = beheerder ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'rol_gewijzigd'
	    AND actor_id IS NULL AND target_id = $LID_ID
	    AND detail = 'via bron admin'")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM password_reset WHERE account_id = $LID_ID")" = 0 ]
	req -b "$(jar lid)" /beheer/gebruikers
	[ "$status_code" = 200 ]
	out=$("$BRON_CLI" admin "$LID_EMAIL")
	[ "$out" = "Dit account was al beheerder." ]
	# Item and theme rows share the target_id column: count account rows.
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $LID_ID
	    AND action = 'rol_gewijzigd'")" = 1 ]
}

@test "bron admin refuses bad input with exit 1 and a dead database with 2" {
	run "$BRON_CLI"
	[ "$status" = 1 ]
	run "$BRON_CLI" admin
	[ "$status" = 1 ]
	run "$BRON_CLI" gebruiker a@example.org
	[ "$status" = 1 ]
	run "$BRON_CLI" admin "geen-adres"
	[ "$status" = 1 ]
	[[ "$output" == *"geen geldig e-mailadres"* ]]
	run "$BRON_CLI" admin "a@b@example.org"
	[ "$status" = 1 ]
	BRON_DATABASE_URL="host=/nonexistent port=1 connect_timeout=1" \
	    run "$BRON_CLI" admin "a@example.org"
	[ "$status" = 2 ]
}
