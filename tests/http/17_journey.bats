#!/usr/bin/env bats
# The whole journey of issue 4 in one go, as one person would walk it:
# register -> sign in -> account -> export -> sign out -> reset -> delete.
load helpers

MAILER=$BATS_TEST_DIRNAME/../../build/mailer

@test "register, sign in, account, export, sign out, reset, delete" {
	email=$(unique_email reis)
	name="Reiziger $RANDOM$RANDOM"

	register me "$email" "$name"
	[ "$(header location)" = /account ]

	# Sign in again (a new session replaces the first).
	old=$(sid me)
	login me "$email"
	[ "$status_code" = 303 ]
	[ "$(sid me)" != "$old" ]

	req -b "$(jar me)" /account
	[ "$status_code" = 200 ]
	assert_contains "$name"
	[ "$(header cache-control)" = no-store ]

	post me /account/export
	[ "$status_code" = 200 ]
	[[ "$(header content-disposition)" == attachment* ]]
	python3 -c 'import json, sys; json.loads(sys.stdin.read())' <<<"$body"
	assert_contains "$email"

	post me /uitloggen
	[ "$status_code" = 303 ]
	req -b "$(jar me)" /account
	[ "$status_code" = 303 ]

	# Forgot the password: the mail goes through the outbox and mailer.
	post me /wachtwoord-vergeten -H "X-Real-IP: $(random_ip)" \
	    --data-urlencode "email=$email"
	[ "$status_code" = 200 ]
	id=$(db -c "SELECT id FROM outbox WHERE to_addr = '$email'
	    ORDER BY id DESC LIMIT 1")
	[ -n "$id" ]
	mail=$BATS_TEST_TMPDIR/mail
	env -u BRON_SENDMAIL BRON_MAIL_DIR="$mail" "$MAILER" --once
	link=$(tr -d '\r' <"$mail/$id.eml" |
	    grep -o "/wachtwoord-herstellen?token=[A-Za-z0-9_-]\{43\}" |
	    tail -n 1)
	[ -n "$link" ]
	req -b "$(jar me)" "$link"
	[ "$status_code" = 200 ]
	newpw="nieuwe lange zin voor de reis"
	post me /wachtwoord-herstellen --data-urlencode "token=${link#*token=}" \
	    --data-urlencode "password=$newpw"
	[ "$status_code" = 303 ]
	login me "$email" "$newpw"
	[ "$status_code" = 303 ]

	# Delete, with the password.
	post me /account/verwijderen --data-urlencode "password=$newpw"
	[ "$status_code" = 303 ]
	req -b "$(jar me)" /account
	[ "$status_code" = 303 ]
	login me "$email" "$newpw"
	[ "$status_code" = 400 ]
	[ "$(db -c "SELECT count(*) FROM account WHERE email = '$email'
	    OR display_name = '$name'")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'account_verwijderd'
	    AND detail = ''")" -ge 1 ]
}
