#!/usr/bin/env bats
# Password reset by e-mail (issue 4): the request never tells whether an
# account exists; the mail goes through the outbox and build/mailer; the
# link works once, for an hour, and a reset signs out everywhere.
load helpers

MAILER=${BRON_ROOT:-$BATS_TEST_DIRNAME/../..}/build/mailer
NEW_PASSWORD="groene kikker zingt hard"
SENT_TEXT="Als er een account is met dit e-mailadres, hebben we een e-mail gestuurd met een link. De link werkt een uur."
GONE_TEXT="Deze link werkt niet meer. Vraag een nieuwe aan."

# Every test acts from its own client address, so the per-IP limits of
# one test (or of an earlier run) never reach another.
setup() {
	IP="2001:db8:13::$(printf %x $((RANDOM))):$(printf %x $((RANDOM)))"
}

# signup JAR EMAIL [NAME]: register (from this test's address) and stay
# signed in.
signup() {
	post "$1" /registreren -H "X-Real-IP: $IP" --data-urlencode "email=$2" \
	    --data-urlencode "name=${3:-Testlid}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $2: $status_code" >&2
		return 1
	}
}

# ask JAR EMAIL [IP]: POST /wachtwoord-vergeten.
ask() {
	post "$1" /wachtwoord-vergeten -H "X-Real-IP: ${3:-$IP}" \
	    --data-urlencode "email=$2"
}

# The newest outbox row for an address (id), and its body.
outbox_id() {
	db -c "SELECT id FROM outbox WHERE to_addr = '$1' ORDER BY id DESC LIMIT 1"
}

outbox_count() {
	db -c "SELECT count(*) FROM outbox WHERE to_addr = '$1'"
}

# link_path TEXT: the /wachtwoord-herstellen?token=... part of a link.
link_path() {
	grep -o '/wachtwoord-herstellen?token=[A-Za-z0-9_-]*' <<<"$1" | head -n 1
}

# queued_link EMAIL: the reset link straight from the unsent outbox row.
queued_link() {
	link_path "$(db -c "SELECT body FROM outbox WHERE to_addr = '$1' ORDER BY id DESC LIMIT 1")"
}

# new_password JAR PATH PASSWORD: submit the form of a reset link.
new_password() {
	post "$1" /wachtwoord-herstellen -H "X-Real-IP: $IP" \
	    --data-urlencode "token=${2#*token=}" \
	    --data-urlencode "password=$3"
}

# sign_in JAR EMAIL PASSWORD (from this test's address).
sign_in() {
	post "$1" /inloggen -H "X-Real-IP: $IP" --data-urlencode "email=$2" \
	    --data-urlencode "password=$3"
}

main_part() {
	sed -n '/<main/,/<\/main>/p' <<<"$body"
}

@test "GET /wachtwoord-vergeten shows an accessible form with a CSRF token" {
	req /wachtwoord-vergeten
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<h1>Wachtwoord vergeten</h1>'
	assert_contains '<label for="email">E-mailadres</label>'
	assert_contains 'aria-describedby="email-hint"'
	assert_contains 'name="_csrf" value="'
	assert_contains 'action="/wachtwoord-vergeten"'
}

@test "known and unknown addresses get the same answer; only a known one gets mail" {
	known=$(unique_email reset-known)
	unknown=$(unique_email reset-unknown)
	signup a "$known"

	ask v "$unknown"
	[ "$status_code" = 200 ]
	assert_contains "$SENT_TEXT"
	page_unknown=$(main_part)
	[ "$(outbox_count "$unknown")" = 0 ]

	ask v "$known"
	[ "$status_code" = 200 ]
	assert_contains "$SENT_TEXT"
	[ "$(main_part)" = "$page_unknown" ]
	[ "$(outbox_count "$known")" = 1 ]
	# The mail is Dutch (the account's language) and holds the link;
	# the database keeps only a hash of the token.
	[ "$(db -c "SELECT subject FROM outbox WHERE to_addr = '$known'")" = "Nieuw wachtwoord voor Bron" ]
	path=$(queued_link "$known")
	[ -n "$path" ]
	[ "$(db -c "SELECT count(*) FROM password_reset p JOIN account a ON a.id = p.account_id WHERE a.email = '$known' AND length(p.token_hash) = 32 AND p.used_at IS NULL")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM password_reset WHERE encode(token_hash, 'escape') LIKE '%${path#*token=}%'")" = 0 ]
}

@test "an account in English gets the mail in English; a blocked one gets none" {
	en=$(unique_email reset-en)
	blocked=$(unique_email reset-blocked)
	signup a "$en"
	signup b "$blocked"
	db -c "UPDATE account SET lang = 'en' WHERE email = '$en'"
	db -c "UPDATE account SET blocked_at = now() WHERE email = '$blocked'"
	ask v "$en"
	[ "$status_code" = 200 ]
	[ "$(db -c "SELECT subject FROM outbox WHERE to_addr = '$en'")" = "New password for Bron" ]
	db -c "SELECT body FROM outbox WHERE to_addr = '$en'" | grep -q 'choose a new password'
	ask v "$blocked"
	[ "$status_code" = 200 ]
	assert_contains "$SENT_TEXT"
	[ "$(outbox_count "$blocked")" = 0 ]
}

@test "the mailed link sets a new password, signs out everywhere and works once" {
	email=$(unique_email reset-flow)
	signup a "$email"
	sign_in b "$email" "$TEST_PASSWORD"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM session s JOIN account a ON a.id = s.account_id WHERE a.email = '$email'")" = 2 ]

	ask v "$email"
	[ "$status_code" = 200 ]
	id=$(outbox_id "$email")
	[ -n "$id" ]

	# The mailer writes the message to the mail directory, logs no
	# address, and empties the body in the database.
	mail=$BATS_TEST_TMPDIR/mail
	run env -u BRON_SENDMAIL BRON_MAIL_DIR="$mail" "$MAILER" --once
	[ "$status" = 0 ]
	[[ "$output" == *"mailer: sent message $id"* ]]
	[[ "$output" != *"$email"* ]]
	[[ "$output" != *token* ]]
	eml=$mail/$id.eml
	[ -f "$eml" ]
	[ "$(stat -c %a "$eml")" = 600 ]
	[ -z "$(ls -A "$mail" | grep '\.tmp$')" ]
	msg=$(tr -d '\r' <"$eml")
	grep -qx "To: $email" <<<"$msg"
	grep -qx 'From: Bron <noreply@bron.invalid>' <<<"$msg"
	grep -qx 'Subject: =?UTF-8?B?TmlldXcgd2FjaHR3b29yZCB2b29yIEJyb24=?=' <<<"$msg"
	grep -qE '^Date: [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} \+0000$' <<<"$msg"
	grep -qE "^Message-ID: <outbox-$id\.[0-9]+\.[0-9a-f]{16}@bron\.invalid>$" <<<"$msg"
	grep -qx 'MIME-Version: 1.0' <<<"$msg"
	grep -qx 'Content-Type: text/plain; charset=utf-8' <<<"$msg"
	grep -qx 'Content-Transfer-Encoding: 8bit' <<<"$msg"
	# CRLF line endings in the file, as on the wire.
	[ "$(head -n 1 "$eml" | od -An -c | tr -d ' \n' | tail -c 4)" = '\r\n' ]
	grep -q 'De link werkt een uur' <<<"$msg"
	[ "$(db -c "SELECT sent_at IS NOT NULL, body = '', attempts, last_error IS NULL FROM outbox WHERE id = $id")" = "t|t|1|t" ]

	link=$(grep -o 'http[^ ]*/wachtwoord-herstellen?token=[A-Za-z0-9_-]*' <<<"$msg")
	[[ "$link" == "${BRON_BASE_URL:-http://127.0.0.1:8080}/wachtwoord-herstellen?token="* ]]
	path=$(link_path "$link")

	# A second run has nothing left to send.
	run env -u BRON_SENDMAIL BRON_MAIL_DIR="$mail" "$MAILER" --once
	[ "$status" = 0 ]
	[[ "$output" != *"message $id"* ]]

	req -b "$(jar v)" -c "$(jar v)" "$path"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<h1>Nieuw wachtwoord kiezen</h1>'
	assert_contains "name=\"token\" value=\"${path#*token=}\""
	assert_contains 'type="password" id="password" name="password" autocomplete="new-password"'

	new_password v "$path" "$NEW_PASSWORD"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?hersteld=1" ]
	req -b "$(jar v)" -c "$(jar v)" /inloggen?hersteld=1
	assert_contains 'Je wachtwoord is veranderd.'

	# Every session of the account has ended; the old cookie is useless.
	[ "$(db -c "SELECT count(*) FROM session s JOIN account a ON a.id = s.account_id WHERE a.email = '$email'")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM password_reset p JOIN account a ON a.id = p.account_id WHERE a.email = '$email' AND p.used_at IS NULL")" = 0 ]

	sign_in c "$email" "$TEST_PASSWORD"
	[ "$status_code" = 400 ]
	assert_contains 'Het e-mailadres of het wachtwoord klopt niet.'
	sign_in c "$email" "$NEW_PASSWORD"
	[ "$status_code" = 303 ]

	# The same link again: refused, on GET and on POST.
	req -b "$(jar v)" -c "$(jar v)" "$path"
	[ "$status_code" = 410 ]
	assert_contains "$GONE_TEXT"
	assert_contains 'href="/wachtwoord-vergeten"'
	new_password v "$path" "nog een ander wachtwoord"
	[ "$status_code" = 410 ]
	assert_contains "$GONE_TEXT"
	sign_in d "$email" "$NEW_PASSWORD"
	[ "$status_code" = 303 ]
}

@test "an expired link is refused and changes nothing" {
	email=$(unique_email reset-expired)
	signup a "$email"
	ask v "$email"
	path=$(queued_link "$email")
	[ -n "$path" ]
	db -c "UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE account_id = (SELECT id FROM account WHERE email = '$email')"
	req -b "$(jar v)" -c "$(jar v)" "$path"
	[ "$status_code" = 410 ]
	assert_contains "$GONE_TEXT"
	assert_not_contains 'name="password"'
	new_password v "$path" "$NEW_PASSWORD"
	[ "$status_code" = 410 ]
	assert_contains "$GONE_TEXT"
	sign_in c "$email" "$TEST_PASSWORD"
	[ "$status_code" = 303 ]
}

@test "a missing, malformed or unknown token gets the 'link werkt niet meer' page" {
	req /wachtwoord-herstellen
	[ "$status_code" = 400 ]
	assert_contains "$GONE_TEXT"
	req '/wachtwoord-herstellen?token=abc'
	[ "$status_code" = 400 ]
	assert_contains "$GONE_TEXT"
	req '/wachtwoord-herstellen?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
	[ "$status_code" = 410 ]
	assert_html_headers
	assert_contains "$GONE_TEXT"
	assert_contains '<a href="/wachtwoord-vergeten">'
}

@test "a bad e-mail address: 400, the message next to the field, the value kept" {
	ask v 'niet-een-adres'
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="email-error">Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.</p>'
	assert_contains 'value="niet-een-adres"'
	assert_contains 'aria-invalid="true"'
	assert_contains 'aria-describedby="email-hint email-error"'
	ask v ''
	[ "$status_code" = 400 ]
	assert_contains 'Vul dit veld in.'
	ask v 'a<b>"@example.org'
	[ "$status_code" = 400 ]
	assert_contains 'value="a&lt;b&gt;&quot;@example.org"'
}

@test "a short, common or guessable new password: 400 with a message; the link keeps working" {
	email=$(unique_email reset-weak)
	signup a "$email" "Kikkerkoning"
	ask v "$email"
	path=$(queued_link "$email")
	[ -n "$path" ]
	new_password v "$path" "kort"
	[ "$status_code" = 400 ]
	assert_contains 'Kies een wachtwoord van minstens 12 tekens.'
	assert_contains "name=\"token\" value=\"${path#*token=}\""
	assert_not_contains 'value="kort"'
	new_password v "$path" "password1234"
	[ "$status_code" = 400 ]
	assert_contains 'Dit wachtwoord is te makkelijk te raden.'
	new_password v "$path" "$email"
	[ "$status_code" = 400 ]
	assert_contains 'Dit wachtwoord is te makkelijk te raden.'
	new_password v "$path" ""
	[ "$status_code" = 400 ]
	assert_contains 'Vul dit veld in.'
	req -b "$(jar v)" -c "$(jar v)" "$path"
	[ "$status_code" = 200 ]
	sign_in c "$email" "$TEST_PASSWORD"
	[ "$status_code" = 303 ]
}

@test "throttling per address and per IP: 429 with Retry-After, same words for any address" {
	email=$(unique_email reset-throttle)
	signup a "$email"
	# Three per address per hour, whatever the client address.
	for i in 1 2 3; do
		ask v "$email" "$IP:$i"
		[ "$status_code" = 200 ]
	done
	ask v "$email" "$IP:4"
	[ "$status_code" = 429 ]
	[[ "$(header retry-after)" =~ ^[1-9][0-9]*$ ]]
	assert_contains 'Er waren te veel pogingen. Wacht'
	assert_not_contains "$SENT_TEXT"
	assert_contains "value=\"$email\""
	[ "$(outbox_count "$email")" = 3 ]
	known_page=$(main_part)

	# An unknown address is throttled exactly the same way.
	unknown=$(unique_email reset-throttle-unknown)
	for i in 1 2 3; do
		ask v "$unknown" "$IP:1$i"
		[ "$status_code" = 200 ]
	done
	ask v "$unknown" "$IP:14"
	[ "$status_code" = 429 ]
	[ "$(main_part | sed "s/$unknown/X/")" = "$(sed "s/$email/X/" <<<"$known_page")" ]

	# Five per IP per hour, whatever the address.
	for i in 1 2 3 4 5; do
		ask v "$(unique_email reset-ip)" "$IP:99"
		[ "$status_code" = 200 ]
	done
	ask v "$(unique_email reset-ip)" "$IP:99"
	[ "$status_code" = 429 ]
	[[ "$(header retry-after)" =~ ^[1-9][0-9]*$ ]]
}

@test "without a valid _csrf or from another site: 403, nothing sent or changed" {
	email=$(unique_email reset-csrf)
	signup a "$email"
	csrf v /wachtwoord-vergeten >/dev/null
	req -b "$(jar v)" -H "Origin: $BRON_URL" -H "X-Real-IP: $IP" \
	    --data-urlencode "email=$email" /wachtwoord-vergeten
	[ "$status_code" = 403 ]
	assert_contains 'Dit formulier was verlopen of kwam niet van deze site.'
	assert_contains "value=\"$email\""
	t=$(csrf v /wachtwoord-vergeten)
	req -b "$(jar v)" -H 'Origin: https://evil.example' -H "X-Real-IP: $IP" \
	    --data-urlencode "_csrf=$t" --data-urlencode "email=$email" \
	    /wachtwoord-vergeten
	[ "$status_code" = 403 ]
	req -b "$(jar v)" -H 'Sec-Fetch-Site: cross-site' -H "X-Real-IP: $IP" \
	    --data-urlencode "_csrf=$t" --data-urlencode "email=$email" \
	    /wachtwoord-vergeten
	[ "$status_code" = 403 ]
	[ "$(outbox_count "$email")" = 0 ]

	ask v "$email"
	path=$(queued_link "$email")
	req -b "$(jar v)" -H "Origin: $BRON_URL" \
	    --data-urlencode "token=${path#*token=}" \
	    --data-urlencode "password=$NEW_PASSWORD" /wachtwoord-herstellen
	[ "$status_code" = 403 ]
	assert_contains 'Dit formulier was verlopen of kwam niet van deze site.'
	assert_not_contains "$NEW_PASSWORD"
	sign_in c "$email" "$TEST_PASSWORD"
	[ "$status_code" = 303 ]
}

@test "GET only where it is safe: other methods get 405" {
	req -X PUT /wachtwoord-vergeten
	[ "$status_code" = 405 ]
	req -X DELETE /wachtwoord-herstellen
	[ "$status_code" = 405 ]
}

@test "the mailer pipes to \$BRON_SENDMAIL -t -i, and records a failure without the address" {
	email=$(unique_email reset-sendmail)
	signup a "$email"
	ask v "$email"
	id=$(outbox_id "$email")
	[ -n "$id" ]
	path=$(queued_link "$email")

	# A sendmail that fails: the row stays pending with the reason.
	bad=$BATS_TEST_TMPDIR/sendmail-bad
	printf '#!/bin/sh\ncat >/dev/null\nexit 75\n' >"$bad"
	chmod +x "$bad"
	run env BRON_SENDMAIL="$bad" "$MAILER" --once
	[ "$status" = 0 ]
	[[ "$output" == *"mailer: message $id failed: sendmail exited with status 75"* ]]
	[[ "$output" != *"$email"* ]]
	[ "$(db -c "SELECT sent_at IS NULL, attempts, last_error FROM outbox WHERE id = $id")" = "t|1|sendmail exited with status 75" ]
	[ -n "$(queued_link "$email")" ]

	# Retried later (backoff): make it due now, with a working sendmail.
	db -c "UPDATE outbox SET created_at = now() - interval '2 minutes' WHERE id = $id"
	good=$BATS_TEST_TMPDIR/sendmail
	out=$BATS_TEST_TMPDIR/sent
	printf '#!/bin/sh\necho "$@" >"%s.args"\ncat >>"%s"\n' "$out" "$out" >"$good"
	chmod +x "$good"
	run env BRON_SENDMAIL="$good" BRON_MAIL_FROM='Bron test <bron@test.example>' "$MAILER" --once
	[ "$status" = 0 ]
	[[ "$output" == *"mailer: sent message $id"* ]]
	[ "$(cat "$out.args")" = "-t -i" ]
	grep -qx "To: $email" "$out"
	grep -qx 'From: Bron test <bron@test.example>' "$out"
	grep -qE "^Message-ID: <outbox-$id\..*@test\.example>$" "$out"
	# -F -e: a token may start with "-" (base64url).
	grep -qF -e "${path#*token=}" "$out"
	# Local line endings for sendmail.
	[ "$(grep -c $'\r' "$out")" = 0 ]
	[ "$(db -c "SELECT sent_at IS NOT NULL, body = '', attempts, last_error IS NULL FROM outbox WHERE id = $id")" = "t|t|2|t" ]
}
