#!/usr/bin/env bats
# Membership of communities (issue 6): each joining policy end to end
# (open, on request, by invitation), leaving, the member list and what
# moderators do there (approve, turn down, remove, make moderator,
# withdraw an invitation), invitations by display name and by e-mail
# (the mail in the outbox, the token page, accepting), the notifications
# and audit rows these steps write, and the refusals.
load helpers

setup_file() {
	export MT_T0
	MT_T0=$(db -c "SELECT now()")
}

teardown_file() {
	db -c "DELETE FROM outbox WHERE created_at >= '$MT_T0'
	    AND subject LIKE 'Uitnodiging voor Testkring %'"
	db -c "DELETE FROM community WHERE created_at >= '$MT_T0'
	    AND name LIKE 'Testkring %'"
	db -c "DELETE FROM account WHERE created_at >= '$MT_T0'
	    AND email LIKE 'pag-%@example.org' AND password_hash IS NULL"
}

test_ip() {
	echo "10.31.$((RANDOM % 256)).$((RANDOM % 254 + 1))"
}

# newuser JAR EMAIL NAME: sign up and stay signed in; $ID is the id.
newuser() {
	post "$1" /registreren -H "X-Real-IP: $(test_ip)" \
	    --data-urlencode "email=$2" --data-urlencode "name=$3" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $2: $status_code" >&2
		return 1
	}
	ID=$(db -c "SELECT id FROM account WHERE email = '$2'")
}

# A moderator (an editor who made the community) in jar "mod".
new_moderator() {
	local e
	e=$(unique_email mod)
	newuser mod "$e" "Moderator $$ $RANDOM"
	set_role "$e" redacteur
	MOD_ID=$ID
}

mpost() {
	local j=$1 path=$2 t
	shift 2
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

# create VISIBILITY MEMBERSHIP: a community made by "mod"; sets $SLUG, $CID.
create() {
	local n
	n=$(curl -s -b "$(jar mod)" "$BRON_URL/gemeenschappen/nieuw" |
	    grep -o 'name="nonce" value="[^"]*"' | cut -d'"' -f4)
	mpost mod /gemeenschappen/nieuw --form-string "nonce=$n" \
	    --form-string "name=Testkring $1 $2 $$ $RANDOM" \
	    --form-string "summary=Een kring voor de test." \
	    --form-string "purpose=Samen leren." \
	    --form-string "visibility=$1" --form-string "membership=$2"
	[ "$status_code" = 303 ] || return 1
	SLUG=$(header location | sed -n 's|^/gemeenschappen/\([a-z0-9-]*\)?.*|\1|p')
	CID=$(db -c "SELECT id FROM community WHERE slug = '$SLUG'")
	[ -n "$CID" ]
}

# act JAR ACTION [NOTE]: the reader's own membership step.
act() {
	mpost "$1" "/gemeenschappen/$SLUG/lidmaatschap" \
	    --form-string "action=$2" --form-string "note=${3:-}"
}

# modact ACTION ACCOUNT: a moderator's step on the member list.
modact() {
	post mod "/gemeenschappen/$SLUG/leden" --data-urlencode "action=$1" \
	    --data-urlencode "account=$2"
}

state_of() {
	db -c "SELECT coalesce((SELECT state || CASE WHEN moderator THEN '+mod'
	    ELSE '' END FROM member WHERE community_id = $CID
	    AND account_id = $1), 'geen')"
}

notes_for() {
	db -c "SELECT count(*) FROM notification WHERE account_id = $1
	    AND community_id = $CID AND kind = 'lidmaatschap'"
}

@test "open: join with one click, then leave" {
	new_moderator
	create openbaar open
	newuser a "$(unique_email open)" "Open Lid $$"
	req -b "$(jar a)" "/gemeenschappen/$SLUG"
	assert_contains '>Lid worden</button>'
	act a aanmelden
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG?gedaan=lid" ]
	[ "$(state_of "$ID")" = lid ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'lid_geworden' AND actor_id = $ID AND target_id = $CID")" = 1 ]
	req -b "$(jar a)" "/gemeenschappen/$SLUG?gedaan=lid"
	assert_contains 'Welkom! Je bent nu lid van deze gemeenschap.'
	assert_contains 'Je bent lid van deze gemeenschap.'
	assert_contains 'Leden</dt><dd>2'
	# Joining twice changes nothing.
	act a aanmelden
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM member WHERE community_id = $CID")" = 2 ]
	act a verlaten
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG?gedaan=verlaten" ]
	[ "$(state_of "$ID")" = geen ]
	# Leaving again: not a member, said in Dutch.
	act a verlaten
	[ "$status_code" = 409 ]
	assert_contains 'Je bent geen lid van deze gemeenschap.'
	# Visitors sign in first; an unknown action is refused.
	req -X POST -H "Origin: $BRON_URL" --data "action=aanmelden" \
	    "/gemeenschappen/$SLUG/lidmaatschap"
	[ "$status_code" = 303 ]
	[ "$(header location)" = /inloggen ]
	act a dansen
	[ "$status_code" = 400 ]
	assert_contains 'Deze actie kent Bron niet.'
}

@test "on request: the motivation reaches the moderators, who let in or turn down" {
	new_moderator
	create leden aanvraag
	newuser a "$(unique_email vraag)" "Vrager $$"
	A=$ID
	newuser b "$(unique_email vraag)" "Tweede Vrager $$"
	B=$ID
	# Too long a motivation comes back as typed, with a message.
	long=$(printf 'w%.0s' $(seq 1 501))
	act a aanmelden "$long"
	[ "$status_code" = 400 ]
	assert_contains 'Je uitleg is te lang. Gebruik hoogstens 500 tekens.'
	assert_contains ">$long</textarea>"
	[ "$(state_of "$A")" = geen ]
	act a aanmelden "Ik werk als <b>jeugdzorgwerker</b>."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG?gedaan=aangevraagd" ]
	[ "$(state_of "$A")" = aanvraag ]
	[ "$(notes_for "$MOD_ID")" = 1 ]
	req -b "$(jar a)" "/gemeenschappen/$SLUG"
	assert_contains 'Je hebt gevraagd om lid te worden.'
	assert_contains 'Alleen voor leden'
	act b aanmelden
	# The moderator sees both requests, with the motivation escaped.
	req -b "$(jar mod)" "/gemeenschappen/$SLUG/leden"
	[ "$status_code" = 200 ]
	assert_contains 'Ik werk als &lt;b&gt;jeugdzorgwerker&lt;/b&gt;.'
	assert_contains 'Geen uitleg gegeven'
	assert_contains "name=\"account\" value=\"$A\""
	assert_not_contains '@example.org'
	modact goedkeuren "$A"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG/leden?gedaan=goedgekeurd" ]
	[ "$(state_of "$A")" = lid ]
	[ "$(notes_for "$A")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'lid_toegelaten' AND target_id = $CID")" = 1 ]
	modact afwijzen "$B"
	[ "$status_code" = 303 ]
	[ "$(state_of "$B")" = geen ]
	# Deciding again: the request is gone.
	modact afwijzen "$B"
	[ "$status_code" = 409 ]
	assert_contains 'Dat kan nu niet meer'
	# Now a member, A reads the list; B, turned down, does not.
	req -b "$(jar a)" "/gemeenschappen/$SLUG/leden"
	assert_contains "Vrager $$"
	assert_contains '>Moderator<'
	assert_not_contains 'name="account"'
	req -b "$(jar b)" "/gemeenschappen/$SLUG/leden"
	assert_contains 'Alleen voor leden'
	assert_not_contains "Vrager $$</a>"
	# Withdrawing a request.
	act b aanmelden
	act b verlaten
	[ "$(header location)" = "/gemeenschappen/$SLUG?gedaan=aanvraag_ingetrokken" ]
	[ "$(state_of "$B")" = geen ]
}

@test "by invitation: joining is refused; invited by name, the person accepts or declines" {
	new_moderator
	create besloten uitnodiging
	name="Genodigde $$ $RANDOM"
	newuser a "$(unique_email uit)" "$name"
	A=$ID
	req -b "$(jar a)" "/gemeenschappen/$SLUG"
	[ "$status_code" = 404 ]
	act a aanmelden
	[ "$status_code" = 404 ]
	# The moderator types the display name (any case).
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" \
	    --form-string "who=$(tr 'a-z' 'A-Z' <<<"$name")" \
	    --form-string "note=Welkom in de kring."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG/leden?gedaan=uitgenodigd" ]
	[ "$(state_of "$A")" = uitgenodigd ]
	[ "$(notes_for "$A")" = 1 ]
	req -b "$(jar mod)" "/gemeenschappen/$SLUG/leden?gedaan=uitgenodigd"
	assert_contains 'De uitnodiging is verstuurd.'
	assert_contains "$name"
	# Now the closed community exists for the invited person.
	req -b "$(jar a)" "/gemeenschappen/$SLUG"
	[ "$status_code" = 200 ]
	assert_contains 'Je bent uitgenodigd om lid te worden van deze gemeenschap.'
	assert_contains 'Alleen voor leden'
	act a weigeren
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen?gedaan=geweigerd" ]
	[ "$(state_of "$A")" = geen ]
	req -b "$(jar a)" "/gemeenschappen/$SLUG"
	[ "$status_code" = 404 ]
	# Invited again, accepted.
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" --form-string "who=$name"
	[ "$status_code" = 303 ]
	act a accepteren
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG?gedaan=lid" ]
	[ "$(state_of "$A")" = lid ]
	req -b "$(jar a)" "/gemeenschappen/$SLUG"
	assert_contains '<h2 id="comm-recent">Recent</h2>'
	# Accepting without an invitation: said in Dutch.
	act a accepteren
	[ "$status_code" = 409 ]
	assert_contains 'Er is geen uitnodiging (meer) voor jou'
	# Inviting a member again: already a member.
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" --form-string "who=$name"
	[ "$(header location)" = "/gemeenschappen/$SLUG/leden?gedaan=al_lid" ]
	# Withdrawing an invitation.
	name2="Tweede Genodigde $$ $RANDOM"
	newuser b "$(unique_email uit)" "$name2"
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" --form-string "who=$name2"
	modact intrekken "$ID"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG/leden?gedaan=ingetrokken" ]
	[ "$(state_of "$ID")" = geen ]
}

@test "inviting by name: nobody or more than one person with that name is a field error" {
	new_moderator
	create openbaar uitnodiging
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" \
	    --form-string "who=Niemand Heet Zo $$" --form-string "note=Mijn bericht"
	[ "$status_code" = 400 ]
	assert_contains "Er is geen lid van Bron met de naam Niemand Heet Zo $$."
	assert_contains "value=\"Niemand Heet Zo $$\""
	assert_contains '>Mijn bericht</textarea>'
	assert_contains 'aria-invalid="true"'
	twin="Tweeling $$ $RANDOM"
	newuser a "$(unique_email tw)" "$twin"
	newuser b "$(unique_email tw)" "$twin"
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" --form-string "who=$twin"
	[ "$status_code" = 400 ]
	assert_contains "Meer dan één lid van Bron heet $twin."
	[ "$(db -c "SELECT count(*) FROM member WHERE community_id = $CID")" = 1 ]
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" --form-string "who="
	[ "$status_code" = 400 ]
	assert_contains 'Vul een naam of e-mailadres in.'
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" --form-string "who=iemand@"
	[ "$status_code" = 400 ]
	assert_contains 'Dit e-mailadres klopt niet.'
	# Members who do not moderate cannot invite.
	mpost a "/gemeenschappen/$SLUG/uitnodigen" --form-string "who=$twin"
	[ "$status_code" = 403 ]
}

@test "inviting by e-mail: a mail with a link; sign in, accept, and the link is used up" {
	new_moderator
	create besloten uitnodiging
	addr=$(unique_email gast)
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" --form-string "who=$addr" \
	    --form-string "note=Kom erbij!"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG/leden?gedaan=uitgenodigd" ]
	[ "$(db -c "SELECT count(*) FROM outbox WHERE to_addr = '$addr'")" = 1 ]
	mail=$(db -c "SELECT body FROM outbox WHERE to_addr = '$addr'")
	[[ "$mail" == *"nodigt je uit voor de gemeenschap"* ]]
	[[ "$mail" == *"Kom erbij!"* ]]
	token=$(grep -o 'uitnodiging?token=[A-Za-z0-9_-]*' <<<"$mail" | cut -d= -f2)
	[ "${#token}" = 43 ]
	[[ "$mail" == *"/gemeenschappen/uitnodiging?token=$token"* ]]
	# Only the hash is stored.
	hash=$(printf %s "$token" | b2sum -l 256 | cut -d' ' -f1)
	[ "$(db -c "SELECT count(*) FROM community_invite WHERE community_id = $CID
	    AND token_hash = decode('$hash', 'hex') AND email = '$addr'")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM community_invite WHERE community_id = $CID
	    AND position('$token' IN encode(token_hash, 'escape')) > 0")" = 0 ]
	req -b "$(jar mod)" "/gemeenschappen/$SLUG/leden"
	assert_contains 'Uitnodigingen per e-mail die nog open staan: 1.'
	assert_not_contains "$addr"
	# A visitor is sent to sign in, and comes back to the invitation.
	req "/gemeenschappen/uitnodiging?token=$token"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fgemeenschappen%2Fuitnodiging%3Ftoken%3D$token" ]
	newuser g "$addr" "Gast $$"
	G=$ID
	req -b "$(jar g)" "/gemeenschappen/uitnodiging?token=$token"
	[ "$status_code" = 200 ]
	assert_contains 'Uitnodiging voor een gemeenschap'
	assert_contains "nodigt je uit voor de gemeenschap Testkring besloten uitnodiging"
	assert_contains "name=\"token\" value=\"$token\""
	post g /gemeenschappen/uitnodiging --data-urlencode "token=$token"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG?gedaan=welkom" ]
	[ "$(state_of "$G")" = lid ]
	req -b "$(jar g)" "/gemeenschappen/$SLUG?gedaan=welkom"
	assert_contains 'Welkom! Je hebt de uitnodiging aangenomen en bent nu lid.'
	# Used: the same page for a used, an unknown and a malformed token.
	post g /gemeenschappen/uitnodiging --data-urlencode "token=$token"
	[ "$status_code" = 404 ]
	assert_contains 'Deze uitnodiging geldt niet meer'
	req -b "$(jar g)" "/gemeenschappen/uitnodiging?token=$token"
	[ "$status_code" = 404 ]
	req -b "$(jar g)" "/gemeenschappen/uitnodiging?token=kapot"
	[ "$status_code" = 404 ]
	assert_contains 'Deze uitnodiging geldt niet meer'
	[ "$(db -c "SELECT email FROM community_invite WHERE community_id = $CID")" = "x@x" ]
}

@test "an e-mail address with an account: invited in Bron, the same message for the moderator" {
	new_moderator
	create leden uitnodiging
	addr=$(unique_email bestaand)
	newuser a "$addr" "Bestaand $$"
	mpost mod "/gemeenschappen/$SLUG/uitnodigen" --form-string "who=$addr"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG/leden?gedaan=uitgenodigd" ]
	[ "$(state_of "$ID")" = uitgenodigd ]
	[ "$(db -c "SELECT count(*) FROM outbox WHERE to_addr = '$addr'")" = 0 ]
}

@test "moderators: make and unmake moderators, remove members; the last moderator cannot leave" {
	new_moderator
	create openbaar open
	newuser a "$(unique_email m)" "Lid A $$"
	A=$ID
	act a aanmelden
	modact moderator "$A"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG/leden?gedaan=moderator" ]
	[ "$(state_of "$A")" = lid+mod ]
	req "/gemeenschappen/$SLUG"
	assert_contains "<a href=\"/mensen/$A\">Lid A $$</a>"
	# A new moderator acts too.
	newuser b "$(unique_email m)" "Lid B $$"
	B=$ID
	act b aanmelden
	post a "/gemeenschappen/$SLUG/leden" --data-urlencode "action=verwijderen" \
	    --data-urlencode "account=$B"
	[ "$status_code" = 303 ]
	[ "$(state_of "$B")" = geen ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'lid_verwijderd' AND target_id = $CID AND actor_id = $A")" = 1 ]
	# Nobody acts on themselves from the list.
	modact geen_moderator "$MOD_ID"
	[ "$status_code" = 409 ]
	assert_contains 'Dit kun je niet bij jezelf doen.'
	modact geen_moderator "$A"
	[ "$(state_of "$A")" = lid ]
	# The only moderator left cannot leave.
	act mod verlaten
	[ "$status_code" = 409 ]
	assert_contains 'Je bent de laatste moderator.'
	[ "$(state_of "$MOD_ID")" = lid+mod ]
	# Members who do not moderate: 403, nothing changes.
	post a "/gemeenschappen/$SLUG/leden" --data-urlencode "action=moderator" \
	    --data-urlencode "account=$A"
	[ "$status_code" = 403 ]
	assert_contains 'Alleen moderatoren van deze gemeenschap en de redactie kunnen dit doen.'
	[ "$(state_of "$A")" = lid ]
	# Unknown actions and people.
	modact wegsturen "$A"
	[ "$status_code" = 400 ]
	modact verwijderen 999999999
	[ "$status_code" = 404 ]
	assert_contains 'Deze persoon heeft geen account (meer) op Bron.'
}

@test "the member list is paged and shows names only; its buttons need a valid token" {
	new_moderator
	create openbaar open
	for i in $(seq 1 21); do
		db -c "WITH a AS (INSERT INTO account (email, display_name, member_kind)
		    VALUES ('pag-$$-$RANDOM-$i@example.org', 'Pagina Lid $$ $i',
		    'professional') RETURNING id)
		    INSERT INTO member (community_id, account_id, state)
		    SELECT $CID, id, 'lid' FROM a"
	done
	req "/gemeenschappen/$SLUG/leden"
	[ "$status_code" = 200 ]
	assert_contains 'Leden: 22'
	assert_contains 'Pagina 1 van 2'
	assert_contains "href=\"/gemeenschappen/$SLUG/leden?pagina=2\""
	assert_not_contains '@example.org'
	req "/gemeenschappen/$SLUG/leden?pagina=2"
	assert_contains 'Pagina 2 van 2'
	req "/gemeenschappen/$SLUG/leden?pagina=99"
	[ "$status_code" = 200 ]
	# No token, another token, or a foreign Origin: refused.
	A=$(db -c "SELECT account_id FROM member WHERE community_id = $CID AND NOT moderator LIMIT 1")
	req -b "$(jar mod)" -H "Origin: $BRON_URL" --data "action=verwijderen&account=$A" \
	    "/gemeenschappen/$SLUG/leden"
	[ "$status_code" = 403 ]
	t=$(csrf mod)
	req -b "$(jar mod)" -H "Origin: https://evil.example" \
	    --data "_csrf=$t&action=verwijderen&account=$A" "/gemeenschappen/$SLUG/leden"
	[ "$status_code" = 403 ]
	req -b "$(jar mod)" -H "Origin: $BRON_URL" --data "action=aanmelden" \
	    "/gemeenschappen/$SLUG/lidmaatschap"
	[ "$status_code" = 403 ]
	[ "$(state_of "$A")" = lid ]
}
