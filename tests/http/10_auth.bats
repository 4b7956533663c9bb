#!/usr/bin/env bats
# Registration, sign-in, sessions, sign-out and throttling (issue 4).
# Every request that can be throttled claims its own X-Real-IP, so these
# tests neither trip over nor feed the limits other suites run into.
load helpers

MSG_EMPTY="Vul dit veld in."
MSG_LONG60="Dit is te lang. Gebruik hoogstens 60 tekens."
MSG_CHARS="Hier staan tekens in die Bron niet kan lezen. Typ het opnieuw."
MSG_EMAIL="Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."
MSG_PW_SHORT="Kies een wachtwoord van minstens 12 tekens."
MSG_PW_COMMON="Dit wachtwoord is te makkelijk te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden."
MSG_CHOICE="Kies een van de mogelijkheden."
MSG_TAKEN="Er is al een account met dit e-mailadres. Log in, of vraag een nieuw wachtwoord aan."
MSG_LOGIN_FAILED="Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw."
MSG_THROTTLED_RE="Er waren te veel pogingen\. Wacht ([0-9]+) minuten en probeer het dan opnieuw\."

# reg_try JAR [curl args...]: a registration POST from a fresh address.
reg_try() {
	local j=$1
	shift
	post "$j" /registreren -H "X-Real-IP: $(random_ip)" "$@"
}

# set_cookie NAME: the Set-Cookie header that sets NAME, if any.
set_cookie() {
	printf '%s\n' "$headers" | sed -n "s/^set-cookie: \($1=.*\)/\1/p" |
	    head -n 1
}

# The cookie attributes every session and CSRF cookie must have.
assert_host_cookie() {
	local c=$1
	[[ "$c" =~ \;\ Path=/(\;|$) ]]
	[[ "$c" == *"; HttpOnly"* ]]
	[[ "$c" == *"; SameSite=Lax"* ]]
	[[ "$c" == *"; Secure"* ]]
	# "! cmd" never fails a bats test by itself: test the status.
	if grep -qi 'domain=' <<<"$c"; then
		echo "cookie has a Domain: $c" >&2
		return 1
	fi
}

# The page shows NAME in the account menu: this client is signed in.
signed_in_as() {
	req -b "$(jar "$1")" /
	[ "$status_code" = 200 ]
	assert_contains "<span class=\"user-name\">($2)</span>"
}

signed_out() {
	req -b "$(jar "$1")" /
	[ "$status_code" = 200 ]
	assert_not_contains 'class="user-name"'
	assert_contains 'href="/inloggen"'
}

# GET /account with only session cookie value SID: sent to sign in.
assert_sid_dead() {
	req -H "Cookie: __Host-sid=$1" /account
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
	req -H "Cookie: __Host-sid=$1" /
	assert_not_contains 'class="user-name"'
}

assert_sid_alive() {
	req -H "Cookie: __Host-sid=$1" /account
	[ "$status_code" = 200 ]
}

# A form came back: the password field never carries a value.
assert_no_password_echo() {
	if grep -q 'type="password"[^>]*value=' <<<"$body"; then
		echo "a password field has a value" >&2
		return 1
	fi
	[ -z "$1" ] || assert_not_contains "$1"
}

account_id() {
	db -c "SELECT id FROM account WHERE email = lower('$1')"
}

assert_throttled() {
	[ "$status_code" = 429 ]
	local ra
	ra=$(header retry-after)
	[[ "$ra" =~ ^[0-9]+$ ]]
	[ "$ra" -ge 1 ]
	[ "$ra" -le 3600 ]
	[[ "$body" =~ $MSG_THROTTLED_RE ]]
	[ "${BASH_REMATCH[1]}" = $(((ra + 59) / 60)) ]
	assert_html_headers
}

@test "the sign-in and registration forms set a __Host-csrf cookie" {
	for p in /registreren /inloggen; do
		req "$p"
		[ "$status_code" = 200 ]
		assert_html_headers
		c=$(set_cookie __Host-csrf)
		[[ "$c" =~ ^__Host-csrf=([A-Za-z0-9_-]{43})\; ]]
		t=${BASH_REMATCH[1]}
		assert_host_cookie "$c"
		# Double submit: the form carries the cookie's value.
		assert_contains "name=\"_csrf\" value=\"$t\""
		assert_contains '<input type="password"'
	done
	# A browser that has the cookie keeps it: no new one.
	req /inloggen
	t=$(set_cookie __Host-csrf | sed 's/^__Host-csrf=\([^;]*\);.*/\1/')
	req -H "Cookie: __Host-csrf=$t" /registreren
	[ -z "$(set_cookie __Host-csrf)" ]
	assert_contains "name=\"_csrf\" value=\"$t\""
}

@test "register: 303 to /account, a session cookie, the name in the header" {
	email=$(unique_email Reg)
	register a "$email" "Sanne & Co"
	[ "$(header location)" = /account ]
	c=$(set_cookie __Host-sid)
	[[ "$c" =~ ^__Host-sid=[A-Za-z0-9_-]{43}\; ]]
	assert_host_cookie "$c"
	[[ "$c" =~ \;\ Max-Age=[1-9][0-9]*(\;|$) ]]
	[ "$(sid a)" = "$(sed 's/^__Host-sid=\([^;]*\);.*/\1/' <<<"$c")" ]
	signed_in_as a "Sanne &amp; Co"
	assert_sid_alive "$(sid a)"
	# Stored lowercased, with its kind; only a hash of the cookie.
	[ "$(db -c "SELECT email, member_kind, role FROM account
	    WHERE email = lower('$email')")" = "$(tr A-Z a-z <<<"$email")|professional|lid" ]
	[ "$(db -c "SELECT count(*) FROM session s JOIN account a
	    ON a.id = s.account_id WHERE a.email = lower('$email')")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM session
	    WHERE encode(token_hash, 'hex') = '$(sid a)' OR csrf = '$(sid a)'")" = 0 ]
}

@test "register: experts by experience get their role" {
	email=$(unique_email ervaring)
	register a "$email" "Eva" ervaringsdeskundige
	[ "$(db -c "SELECT member_kind || ' ' || role FROM account
	    WHERE email = '$email'")" = "ervaringsdeskundige ervaringsdeskundige" ]
}

@test "register: empty fields each get a message, nothing is created" {
	reg_try a
	[ "$status_code" = 400 ]
	assert_html_headers
	assert_contains "$MSG_EMPTY"
	assert_contains "$MSG_CHOICE"
	[ "$(grep -o "$MSG_EMPTY" <<<"$body" | wc -l)" -ge 3 ]
	assert_no_password_echo ""
	[ -z "$(set_cookie __Host-sid)" ]
	# Only white space is empty too.
	email=$(unique_email leeg)
	reg_try a --data-urlencode "email=$email" --data-urlencode "name=   " \
	    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
	[ "$status_code" = 400 ]
	assert_contains "$MSG_EMPTY"
	assert_contains "value=\"$email\""
	assert_no_password_echo "$TEST_PASSWORD"
	[ -z "$(account_id "$email")" ]
}

@test "register: a 61-character name is too long, 60 is fine" {
	email=$(unique_email lang)
	name61=$(printf 'n%.0s' $(seq 61))
	reg_try a --data-urlencode "email=$email" --data-urlencode "name=$name61" \
	    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
	[ "$status_code" = 400 ]
	assert_contains "$MSG_LONG60"
	assert_contains "value=\"$email\""
	assert_contains "value=\"$name61\""
	assert_no_password_echo "$TEST_PASSWORD"
	[ -z "$(account_id "$email")" ]
	# 60 characters of two bytes each (120 bytes) are allowed.
	name60=$(printf 'é%.0s' $(seq 60))
	post a /registreren -H "X-Real-IP: $(random_ip)" \
	    --data-urlencode "email=$email" --data-urlencode "name=$name60" \
	    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT length(display_name) FROM account
	    WHERE email = '$email'")" = 60 ]
}

@test "register: an invalid e-mail address is kept and explained" {
	for bad in geen-adres jan@voorbeeld 'jan@@voorbeeld.nl' \
	    '.jan@voorbeeld.nl' 'jan@voorbeeld..nl' 'jan de vries@voorbeeld.nl'; do
		reg_try a --data-urlencode "email=$bad" -d name=Jan \
		    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
		[ "$status_code" = 400 ]
		assert_contains "$MSG_EMAIL"
		assert_contains 'value="Jan"'
		assert_no_password_echo "$TEST_PASSWORD"
	done
	reg_try a -d 'email=jan%40%40voorbeeld.nl' -d name=Jan \
	    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
	assert_contains 'value="jan@@voorbeeld.nl"'
	# Too long: 255 characters.
	long="$(printf 'a%.0s' $(seq 64))@$(printf 'b%.0s' $(seq 186)).com"
	reg_try a --data-urlencode "email=$long" -d name=Jan \
	    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
	[ "$status_code" = 400 ]
	assert_contains "Dit is te lang. Gebruik hoogstens 254 tekens."
}

@test "register: a name that is not UTF-8 is refused without a 500" {
	email=$(unique_email utf)
	printf 'Jan\xff' >"$BATS_TEST_TMPDIR/name"
	reg_try a --data-urlencode "email=$email" \
	    --data-urlencode "name@$BATS_TEST_TMPDIR/name" \
	    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
	[ "$status_code" = 400 ]
	assert_html_headers
	assert_contains "$MSG_CHARS"
	assert_contains "value=\"$email\""
	assert_no_password_echo "$TEST_PASSWORD"
	# Broken UTF-8 in the address: refused, and not shown back.
	reg_try a -d 'email=jan%C3@voorbeeld.nl' -d name=Jan \
	    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
	[ "$status_code" = 400 ]
	assert_contains "$MSG_CHARS"
	assert_contains 'value="Jan"'
	[ -z "$(account_id "$email")" ]
}

@test "register: short, common and personal passwords are refused" {
	email=$(unique_email pw)
	reg_try a --data-urlencode "email=$email" -d name=Pim \
	    -d 'password=Kx9!qZ-w2mP' -d kind=anders
	[ "$status_code" = 400 ]
	assert_contains "$MSG_PW_SHORT"
	assert_contains "value=\"$email\""
	assert_contains 'value="Pim"'
	assert_no_password_echo 'Kx9!qZ-w2mP'

	for pw in wachtwoord123 WachtWoord123 qwertyuiop123456 aaaaaaaaaaaaaaa \
	    abababababab; do
		reg_try a --data-urlencode "email=$email" -d name=Pim \
		    --data-urlencode "password=$pw" -d kind=anders
		[ "$status_code" = 400 ]
		assert_contains "$MSG_PW_COMMON"
		assert_contains "value=\"$email\""
		assert_no_password_echo "$pw"
	done

	# The address itself (any case), or the display name.
	reg_try a --data-urlencode "email=$email" -d name=Pim \
	    --data-urlencode "password=$(tr a-z A-Z <<<"$email")" -d kind=anders
	[ "$status_code" = 400 ]
	assert_contains "$MSG_PW_COMMON"
	assert_no_password_echo "$(tr a-z A-Z <<<"$email")"
	reg_try a --data-urlencode "email=$email" \
	    -d 'name=Pietje Puk de Tweede' \
	    -d 'password=pietje puk de tweede' -d kind=anders
	[ "$status_code" = 400 ]
	assert_contains "$MSG_PW_COMMON"
	assert_no_password_echo 'pietje puk de tweede'
	[ -z "$(account_id "$email")" ]
}

@test "register: a missing or unknown kind is refused" {
	email=$(unique_email kind)
	reg_try a --data-urlencode "email=$email" -d name=Kim \
	    --data-urlencode "password=$TEST_PASSWORD"
	[ "$status_code" = 400 ]
	assert_contains "$MSG_CHOICE"
	assert_contains "value=\"$email\""
	assert_contains 'value="Kim"'
	assert_no_password_echo "$TEST_PASSWORD"
	for k in beheerder redacteur Professional 'professional '; do
		reg_try a --data-urlencode "email=$email" -d name=Kim \
		    --data-urlencode "password=$TEST_PASSWORD" \
		    --data-urlencode "kind=$k"
		[ "$status_code" = 400 ]
		assert_contains "$MSG_CHOICE"
		assert_not_contains ' checked'
	done
	[ -z "$(account_id "$email")" ]
}

@test "register: a taken address gets 409, whatever its case" {
	email=$(unique_email dubbel)
	register a "$email" Eerste
	upper=$(tr a-z A-Z <<<"$email")
	for e in "$email" "$upper" " $email "; do
		reg_try b --data-urlencode "email=$e" -d name=Tweede \
		    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
		[ "$status_code" = 409 ]
		assert_html_headers
		assert_contains "$MSG_TAKEN"
		assert_contains 'value="Tweede"'
		assert_no_password_echo "$TEST_PASSWORD"
		[ -z "$(set_cookie __Host-sid)" ]
	done
	[ "$(db -c "SELECT display_name FROM account
	    WHERE email = '$email'")" = Eerste ]
}

@test "sign-in: a wrong password and an unknown address look the same" {
	email=$(unique_email fout)
	register a "$email"
	login b "$email" 'niet het goede wachtwoord'
	s1=$status_code
	b1=${body//"$email"/ADRES}
	[ "$s1" = 400 ]
	assert_contains "$MSG_LOGIN_FAILED"
	assert_contains "value=\"$email\""
	assert_no_password_echo 'niet het goede wachtwoord'
	[ -z "$(set_cookie __Host-sid)" ]

	unknown=$(unique_email onbekend)
	login b "$unknown" 'niet het goede wachtwoord'
	[ "$status_code" = "$s1" ]
	assert_contains "$MSG_LOGIN_FAILED"
	[ -z "$(set_cookie __Host-sid)" ]
	# The same page, but for the address typed.
	[ "${body//"$unknown"/ADRES}" = "$b1" ]

	# Empty fields: a message per field, no attempt counted.
	post b /inloggen -H "X-Real-IP: $(random_ip)"
	[ "$status_code" = 400 ]
	assert_contains "$MSG_EMPTY"
}

@test "sign-in: 303 to /account with a new session cookie" {
	email=$(unique_email in)
	register a "$email" Ilse
	login b "$(tr a-z A-Z <<<"$email")"
	[ "$status_code" = 303 ]
	[ "$(header location)" = /account ]
	c=$(set_cookie __Host-sid)
	assert_host_cookie "$c"
	[[ "$c" =~ \;\ Max-Age=[1-9][0-9]*(\;|$) ]]
	signed_in_as b Ilse
	# Both browsers are signed in, each with its own session.
	[ "$(sid a)" != "$(sid b)" ]
	signed_in_as a Ilse
	# Back to where the visitor came from, but only on this site.
	post c /inloggen -H "X-Real-IP: $(random_ip)" \
	    --data-urlencode "email=$email" \
	    --data-urlencode "password=$TEST_PASSWORD" -d terug=/themas
	[ "$status_code" = 303 ]
	[ "$(header location)" = /themas ]
	post d /inloggen -H "X-Real-IP: $(random_ip)" \
	    --data-urlencode "email=$email" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode 'terug=//evil.example/'
	[ "$status_code" = 303 ]
	[ "$(header location)" = /account ]
}

@test "sign-in replaces the session: the old cookie no longer works" {
	email=$(unique_email fix)
	register a "$email" Fien
	login a "$email"
	[ "$status_code" = 303 ]
	A=$(sid a)
	assert_sid_alive "$A"
	login a "$email"
	[ "$status_code" = 303 ]
	B=$(sid a)
	[ -n "$B" ]
	[ "$A" != "$B" ]
	assert_sid_dead "$A"
	assert_sid_alive "$B"
	signed_in_as a Fien

	# A session id planted by someone else is never adopted.
	planted=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8
	req /inloggen
	t=$(set_cookie __Host-csrf | sed 's/^__Host-csrf=\([^;]*\);.*/\1/')
	req -H "Cookie: __Host-csrf=$t; __Host-sid=$planted" \
	    -H "Origin: $BRON_URL" -H "X-Real-IP: $(random_ip)" \
	    --data-urlencode "_csrf=$t" --data-urlencode "email=$email" \
	    --data-urlencode "password=$TEST_PASSWORD" /inloggen
	[ "$status_code" = 303 ]
	c=$(set_cookie __Host-sid)
	[[ "$c" =~ ^__Host-sid=([A-Za-z0-9_-]{43})\; ]]
	[ "${BASH_REMATCH[1]}" != "$planted" ]
	assert_sid_alive "${BASH_REMATCH[1]}"
	assert_sid_dead "$planted"
}

@test "sign-out: 303, the cookie is cleared and the old one is dead" {
	email=$(unique_email uit)
	register a "$email" Otto
	A=$(sid a)
	T=$(csrf a)
	[ -n "$T" ]
	post a /uitloggen
	[ "$status_code" = 303 ]
	[ "$(header location)" = / ]
	c=$(set_cookie __Host-sid)
	[[ "$c" =~ ^__Host-sid=\; ]]
	[[ "$c" == *"; Max-Age=0"* ]]
	assert_host_cookie "$c"
	signed_out a
	# Replaying the old cookie (and its form token) gets nothing back.
	assert_sid_dead "$A"
	req -H "Cookie: __Host-sid=$A" -H "Origin: $BRON_URL" \
	    --data-urlencode "_csrf=$T" /uitloggen
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT count(*) FROM session s JOIN account a
	    ON a.id = s.account_id WHERE a.email = '$email'")" = 0 ]
}

@test "sign out everywhere ends the sessions of other browsers" {
	email=$(unique_email overal)
	register a "$email" Wim
	login b "$email"
	[ "$status_code" = 303 ]
	signed_in_as b Wim
	B=$(sid b)
	# A plain sign-out leaves the other browser alone.
	login c "$email"
	post c /uitloggen
	[ "$status_code" = 303 ]
	signed_in_as b Wim
	post a /uitloggen -d alles=1
	[ "$status_code" = 303 ]
	signed_out a
	signed_out b
	assert_sid_dead "$B"
	[ "$(db -c "SELECT count(*) FROM session s JOIN account a
	    ON a.id = s.account_id WHERE a.email = '$email'")" = 0 ]
}

@test "sessions end after a day idle and after their absolute expiry" {
	email=$(unique_email idle)
	register a "$email" Ida
	login b "$email"
	id=$(account_id "$email")
	A=$(sid a)
	B=$(sid b)
	db -c "UPDATE session SET last_seen_at = now() - interval '2 days'
	    WHERE account_id = $id AND token_hash = decode('$(
	    printf %s "$A" | b2sum -l 256 | cut -d' ' -f1)', 'hex')"
	assert_sid_dead "$A"
	signed_out a
	signed_in_as b Ida
	db -c "UPDATE session SET expires_at = now() - interval '1 minute'
	    WHERE account_id = $id"
	assert_sid_dead "$B"
	signed_out b
}

@test "throttle: the 31st sign-in from one address in 15 minutes gets 429" {
	ip=$(random_ip)
	t=$(csrf a /inloggen)
	for i in $(seq 30); do
		req -b "$(jar a)" -H "Origin: $BRON_URL" -H "X-Real-IP: $ip" \
		    --data-urlencode "_csrf=$t" \
		    --data-urlencode "email=$(unique_email ip$i)" \
		    --data-urlencode 'password=een verkeerd wachtwoord' /inloggen
		[ "$status_code" = 400 ] || {
			echo "attempt $i: $status_code" >&2
			return 1
		}
	done
	req -b "$(jar a)" -H "Origin: $BRON_URL" -H "X-Real-IP: $ip" \
	    --data-urlencode "_csrf=$t" \
	    --data-urlencode "email=$(unique_email ip31)" \
	    --data-urlencode 'password=een verkeerd wachtwoord' /inloggen
	assert_throttled
	assert_no_password_echo 'een verkeerd wachtwoord'
	# Even with the right password for a real account.
	email=$(unique_email ipreal)
	register b "$email"
	req -b "$(jar a)" -H "Origin: $BRON_URL" -H "X-Real-IP: $ip" \
	    --data-urlencode "_csrf=$t" --data-urlencode "email=$email" \
	    --data-urlencode "password=$TEST_PASSWORD" /inloggen
	assert_throttled
	[ -z "$(set_cookie __Host-sid)" ]
	# Another address is not affected.
	login c "$email"
	[ "$status_code" = 303 ]
}

@test "throttle: 5 wrong passwords lock the account for a while, audited" {
	email=$(unique_email slot)
	register a "$email" Lot
	id=$(account_id "$email")
	for i in 1 2 3 4 5; do
		login b "$email" "fout wachtwoord $i"
		[ "$status_code" = 400 ]
		assert_contains "$MSG_LOGIN_FAILED"
	done
	# From yet another address and with the right password: 429.
	login b "$email"
	assert_throttled
	[ -z "$(set_cookie __Host-sid)" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'inloggen_limiet'
	    AND target_id = $id")" = 1 ]
	# The audit row holds no address.
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'inloggen_limiet'
	    AND target_id = $id AND detail LIKE '%@%'")" = 0 ]
	# The session the account already had is not touched.
	signed_in_as a Lot
}

@test "throttle: an unknown address is locked the same way (no leak)" {
	known=$(unique_email bekend)
	register a "$known"
	unknown=$(unique_email onbekend)
	for i in 1 2 3 4 5; do
		login b "$known" "fout wachtwoord $i"
		sk=$status_code
		login b "$unknown" "fout wachtwoord $i"
		[ "$status_code" = "$sk" ]
	done
	login b "$known" "fout wachtwoord 6"
	assert_throttled
	k=$(grep -o -E "$MSG_THROTTLED_RE" <<<"$body" | tr -d 0-9)
	login b "$unknown" "fout wachtwoord 6"
	assert_throttled
	[ "$(grep -o -E "$MSG_THROTTLED_RE" <<<"$body" | tr -d 0-9)" = "$k" ]
}

@test "throttle: the 11th registration from one address in an hour gets 429" {
	ip=$(random_ip)
	for i in $(seq 10); do
		post "r$i" /registreren -H "X-Real-IP: $ip" \
		    --data-urlencode "email=$(unique_email reg$i)" \
		    -d name=Reeks --data-urlencode "password=$TEST_PASSWORD" \
		    -d kind=anders
		[ "$status_code" = 303 ] || {
			echo "registration $i: $status_code" >&2
			return 1
		}
	done
	email=$(unique_email reg11)
	post r11 /registreren -H "X-Real-IP: $ip" \
	    --data-urlencode "email=$email" -d name=Reeks \
	    --data-urlencode "password=$TEST_PASSWORD" -d kind=anders
	assert_throttled
	assert_contains "value=\"$email\""
	assert_no_password_echo "$TEST_PASSWORD"
	[ -z "$(set_cookie __Host-sid)" ]
	[ -z "$(account_id "$email")" ]
	# From another address it works.
	register r11 "$email"
}

@test "no password typed in these tests reaches the Kore log" {
	log=${ARTIFACTS:+$ARTIFACTS/kore.log}
	if [ -z "$log" ] || [ ! -s "$log" ]; then
		skip "no Kore log (ARTIFACTS not set)"
	fi
	for pw in "$TEST_PASSWORD" 'niet het goede wachtwoord' \
	    'een verkeerd wachtwoord' 'fout wachtwoord' 'Kx9!qZ-w2mP'; do
		# As typed, and as sent on the wire (url-encoded).
		for s in "$pw" "$(sed 's/ /+/g' <<<"$pw")"; do
			if grep -F -q -- "$s" "$log"; then
				echo "in the Kore log: $s" >&2
				return 1
			fi
		done
	done
}
