#!/usr/bin/env bats
# Privacy (issue 4): data export, account deletion, public profiles.
load helpers

# Registration and sign-in are throttled per IP: every call here comes
# from an address of its own (the test Kore trusts X-Real-IP).
test_ip() {
	echo "10.12.$((RANDOM % 256)).$((RANDOM % 254 + 1))"
}

# newuser JAR EMAIL [NAME] [KIND]: register and stay signed in.
newuser() {
	post "$1" /registreren -H "X-Real-IP: $(test_ip)" \
	    --data-urlencode "email=$2" \
	    --data-urlencode "name=${3:-Testlid}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=${4:-professional}"
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

# acct_id EMAIL: the account's id.
acct_id() {
	db -c "SELECT id FROM account WHERE email = lower('$1')"
}

# A unique display name (pg_dump is searched for it after deletion).
unique_name() {
	echo "Naam$$x$RANDOM$RANDOM"
}

# item KIND STATUS VISIBILITY KEEP AUTHOR_ID: a fixture item; prints its slug.
item() {
	local slug="priv-$$-$RANDOM$RANDOM"
	db -c "WITH i AS (INSERT INTO item (kind, slug, title, summary, body_md,
	    body_html, status, visibility, published_at, keep_after_delete)
	    VALUES ('$1', '$slug', 'Titel $slug', 'Samenvatting $slug',
	    'Tekst $slug', '<p>Tekst $slug</p>', '$2', '$3',
	    CASE WHEN '$2' = 'gepubliceerd' THEN now() END, $4) RETURNING id)
	    INSERT INTO item_author (item_id, account_id) SELECT id, $5 FROM i" \
	    >/dev/null
	echo "$slug"
}

# story OWNER_ID KEEP EDITOR_ID: a story (issue 9) written by OWNER_ID,
# sent in, checked by EDITOR_ID and published, with title "Titel SLUG"
# and text "Tekst SLUG"; KEEP: kept after an account deletion. Prints
# its slug.
story() {
	local slug="priv-$$-$RANDOM$RANDOM" i
	i=$(db -c "SELECT id FROM story_save(NULL, NULL, $1, 'Titel $slug',
	    'Samenvatting $slug', 'Tekst $slug', '<p>Tekst $slug</p>', '', 2,
	    '$slug', '', '', '', 'Schuil $slug', '{}',
	    '{namen,plaatsen,fotos}', $2, NULL)")
	db -c "SELECT story_submit($i, $1, 1, 'openbaar', '2026-11-a', false,
	    '', '')" >/dev/null
	db -c "SELECT story_review($i, $3, 1, 'akkoord', '')" >/dev/null
	db -c "SELECT story_publish($i, $1, 1)" >/dev/null
	echo "$slug"
}

# The session cookie of a jar as a Cookie header value.
sid_cookie() {
	awk '$6 ~ /sid$/ { print $6 "=" $7 }' "$(jar "$1")" | tail -n 1
}

@test "export: visitors are sent to the sign-in page" {
	req /account/export
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Faccount%2Fexport" ]
	req -H "Origin: $BRON_URL" -d '' /account/export
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
}

@test "export: the page explains the file and has a form with a token" {
	newuser a "$(unique_email)"
	req -b "$(jar a)" /account/export
	[ "$status_code" = 200 ]
	assert_html_headers
	[ "$(header cache-control)" = "no-store" ]
	assert_contains 'Wat staat er in het bestand?'
	assert_contains 'Je wachtwoord staat er niet in.'
	assert_contains '<form class="stack-form" method="post" action="/account/export">'
	assert_contains 'name="_csrf" value="'
	assert_contains 'Download mijn gegevens</button>'
}

@test "export: one JSON file with this user's data and no one else's" {
	local me other name sid
	me=$(unique_email mij)
	other=$(unique_email ander)
	name=$(unique_name)
	newuser b "$other" "Iemand Anders"
	newuser a "$me" "$name" ervaringsdeskundige
	id=$(acct_id "$me")
	oid=$(acct_id "$other")
	# Rows of both people in every table the export reads.
	db -c "INSERT INTO outbox (account_id, to_addr, subject, body)
	    VALUES ($id, '$me', 'Welkom', 'Hallo $name'),
	    ($oid, '$other', 'Welkom', 'Hallo ander')"
	db -c "INSERT INTO notification (account_id, kind, text)
	    VALUES ($id, 'test', 'Melding voor mij'),
	    ($oid, 'test', 'Melding voor $other')"
	db -c "INSERT INTO consent (account_id, subject, scope, text_version, given)
	    VALUES ($id, 'verhaal', 'openbaar', 'v1', true),
	    ($oid, 'verhaal', '$other', 'v1', true)"
	db -c "INSERT INTO password_reset (account_id, token_hash)
	    VALUES ($id, sha256('$me'::bytea)), ($oid, sha256('$other'::bytea))"
	slug=$(item artikel gepubliceerd openbaar false "$id")
	item artikel gepubliceerd openbaar false "$oid" >/dev/null

	post a /account/export
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "application/json; charset=utf-8" ]
	[ "$(header content-disposition)" = 'attachment; filename="bron-gegevens.json"' ]
	[ "$(header cache-control)" = "no-store" ]
	[ "$(header x-content-type-options)" = "nosniff" ]
	printf '%s' "$body" | python3 -m json.tool >/dev/null
	[ "$(jq -r .account.email <<<"$body")" = "$me" ]
	[ "$(jq -r .account.display_name <<<"$body")" = "$name" ]
	[ "$(jq -r .account.member_kind <<<"$body")" = "ervaringsdeskundige" ]
	[ "$(jq -r '.account | has("password_hash")' <<<"$body")" = false ]
	[ "$(jq '.sessions | length' <<<"$body")" -ge 1 ]
	[ "$(jq -r '.sessions[0] | keys | join(",")' <<<"$body")" = \
	    "created_at,expires_at,last_seen_at,user_agent" ]
	[ "$(jq -r '.contributions[0].slug' <<<"$body")" = "$slug" ]
	[ "$(jq '.contributions | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.outbox[0].body' <<<"$body")" = "Hallo $name" ]
	[ "$(jq '.notifications | length' <<<"$body")" = 1 ]
	[ "$(jq '.consents | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.password_reset[0] | keys | join(",")' <<<"$body")" = \
	    "created_at,expires_at,used_at" ]
	# Nothing of the other person, and no secrets.
	[ "$(grep -o -F "$other" <<<"$body" | wc -l)" = 0 ]
	assert_not_contains 'Hallo ander'
	assert_not_contains 'argon2'
	assert_not_contains 'token_hash'
	assert_not_contains 'csrf'
	assert_not_contains "$(sid a)"
}

@test "export: memberships, follows, discussions, marks and reports: mine only" {
	local me other id oid c t p1 p2
	me=$(unique_email mij)
	other=$(unique_email ander)
	newuser a "$me" "Ik $RANDOM"
	newuser b "$other" "Ander $RANDOM"
	id=$(acct_id "$me")
	oid=$(acct_id "$other")
	c=$(db -c "INSERT INTO community (slug, name, membership)
	    VALUES ('export-$id', 'Export $id', 'open') RETURNING id")
	db -c "SELECT member_act($c, $id, 'aanmelden', NULL, '')" >/dev/null
	db -c "SELECT member_act($c, $oid, 'aanmelden', NULL, '')" >/dev/null
	db -c "SELECT follow_set($id, 'gemeenschap', $c, true)" >/dev/null
	db -c "SELECT follow_set($oid, 'gemeenschap', $c, true)" >/dev/null
	t=$(db -c "SELECT topic_id FROM topic_create($c, $id, 'Mijn vraag',
	    'Mijn tekst $id', '<p>x</p>', '')")
	p1=$(db -c "SELECT id FROM post WHERE topic_id = $t AND n = 1")
	p2=$(db -c "SELECT post_id FROM post_create($t, $oid,
	    'Tekst van de ander $oid', '<p>y</p>', NULL, '')")
	db -c "SELECT post_edit($p1, $id, 1, 'Mijn tekst bewerkt $id', '<p>z</p>')" >/dev/null
	db -c "SELECT post_helpful_set($p2, $id, true)" >/dev/null
	db -c "SELECT post_helpful_set($p1, $oid, true)" >/dev/null
	db -c "SELECT flag_create($id, $p2, NULL, 'spam', 'Mijn melding $id')" >/dev/null
	db -c "SELECT flag_create($oid, $p1, NULL, 'spam', 'Melding ander $oid')" >/dev/null
	db -c "INSERT INTO notify_pref VALUES ($id, 'reactie', false), ($oid, 'gesprek', false)"
	post a /account/export
	[ "$status_code" = 200 ]
	[ "$(jq -r '.memberships[0].community' <<<"$body")" = "export-$id" ]
	[ "$(jq '.memberships | length' <<<"$body")" = 1 ]
	[ "$(jq '.follows | length' <<<"$body")" = 2 ]	# the community, own topic
	[ "$(jq -r '.topics[0].title' <<<"$body")" = "Mijn vraag" ]
	[ "$(jq '.posts | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.posts[0].body' <<<"$body")" = "Mijn tekst bewerkt $id" ]
	[ "$(jq '.post_edits | length' <<<"$body")" = 2 ]
	[ "$(jq '.helpful_marks | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.flags[0].note' <<<"$body")" = "Mijn melding $id" ]
	[ "$(jq '.flags | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.notification_settings[0].kind' <<<"$body")" = reactie ]
	assert_not_contains "Tekst van de ander $oid"
	assert_not_contains "Melding ander $oid"
	assert_not_contains '"gesprek"'
}

@test "export: pilots: contact, lessons and phase changes: mine only" {
	local me other id oid p1 p2
	me=$(unique_email mij)
	other=$(unique_email ander)
	newuser a "$me" "Ik $RANDOM"
	newuser b "$other" "Ander $RANDOM"
	id=$(acct_id "$me")
	oid=$(acct_id "$other")
	myname=$(db -c "SELECT display_name FROM account WHERE id = $id")
	# A pilot of mine (I am its contact) and one of the other person's
	# that names me as contact; a lesson and a phase from each of us.
	p1=$(db -c "SELECT id FROM pilot_save(NULL, NULL, $id, 'Mijn pilot $id',
	    '', '', '', '', 0, '', 'export-pilot-$id', '', '', '', NULL, '',
	    '', '', NULL, '{\"phase\": \"idee\", \"contact\": \"$myname\"}')")
	p2=$(db -c "SELECT id FROM pilot_save(NULL, NULL, $oid, 'Pilot ander $oid',
	    '', '', '', '', 0, '', 'export-pilot-$oid', '', '', '', NULL, '',
	    '', '', NULL, '{\"phase\": \"lopend\", \"contact\": \"$myname\"}')")
	db -c "SELECT id FROM lesson_save(NULL, $p1, $id, NULL, 'werkte',
	    'Mijn les $id', '', '', NULL)" >/dev/null
	db -c "SELECT id FROM lesson_save(NULL, $p2, $oid, NULL, 'advies',
	    'Les ander $oid', '', '', NULL)" >/dev/null
	post a /account/export
	[ "$status_code" = 200 ]
	[ "$(jq '.pilot_contact | length' <<<"$body")" = 2 ]
	[ "$(jq -r '[.pilot_contact[] | .agreed_at != null] | join(",")' <<<"$body")" = \
	    "true,false" ]
	[ "$(jq '.lessons | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.lessons[0].statement' <<<"$body")" = "Mijn les $id" ]
	[ "$(jq '.pilot_phases | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.pilot_phases[0].phase' <<<"$body")" = idee ]
	assert_not_contains "Les ander $oid"
	# Deleting the account: nobody's contact person any more, and the
	# name is gone from the pilots' revisions too.
	[ "$(db -c "SELECT count(*) FROM item_revision
	    WHERE fields->>'contact' = '$myname'")" -ge 2 ]
	db -c "SELECT account_delete($id)" >/dev/null
	[ "$(db -c "SELECT count(*) FROM pilot WHERE contact_id = $id")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM item_revision
	    WHERE fields::text LIKE '%$myname%'")" = 0 ]
	db -c "DELETE FROM item WHERE id IN ($p1, $p2)"
}

# mm_session JAR-less fixture: SERIES_ID ACTOR TITLE FIELDS_JSON; prints
# the session's item id (mm_session_save, as the session form calls it).
mm_session() {
	db -c "SELECT id FROM mm_session_save(NULL, NULL, $2, $1, '$3', '',
	    'Inzicht', '<p>Inzicht</p>', '', 1, '', 'priv-mm-$$-$RANDOM$RANDOM',
	    '', '', '', '', NULL, '$4'::jsonb)"
}

@test "export: masterminds: series I run, my participation, actions, amendments, addenda: mine only" {
	local me other id oid myname oname ext s1 s2 i1 i2 a
	me=$(unique_email mij)
	other=$(unique_email ander)
	myname=$(unique_name)
	oname=$(unique_name)
	ext="Extern$RANDOM$RANDOM"
	newuser a "$me" "$myname"
	newuser b "$other" "$oname"
	id=$(acct_id "$me")
	oid=$(acct_id "$other")
	# I run series 1 (a session I lead, final, with my addendum); the
	# other person runs series 2, where I take part with an external
	# guest, own an action, and propose an amendment.
	s1=$(db -c "SELECT id FROM mm_series_save(NULL, NULL, $id, 'Mijn serie $id',
	    'priv-mm-mijn-$id', '', '', '', '', 7, NULL)")
	s2=$(db -c "SELECT id FROM mm_series_save(NULL, NULL, $oid, 'Serie ander $oid',
	    'priv-mm-ander-$oid', '', '', '', '', 7, NULL)")
	i1=$(mm_session "$s1" "$id" "Sessie mijn $id" '{"date": "2026-03-02",
	    "time": "10:00"}')
	i2=$(mm_session "$s2" "$oid" "Sessie ander $oid" "{\"date\": \"2026-03-03\",
	    \"time\": \"10:00\", \"participants\": [{\"name\": \"$myname\",
	    \"role\": \"gast\"}, {\"name\": \"$oname\", \"role\": \"\"},
	    {\"name\": \"$ext\", \"role\": \"adviseur\"}]}")
	db -c "SELECT mm_minutes_step($i1, $id, 'openen', 1)" >/dev/null
	db -c "SELECT mm_minutes_step($i1, $id, 'sluiten', NULL)" >/dev/null
	db -c "SELECT mm_minutes_step($i1, $id, 'vaststellen', NULL)" >/dev/null
	db -c "SELECT mm_addendum_add($i1, $id, 'Aanvulling van mij $id',
	    '<p>Aanvulling van mij $id</p>', NULL)" >/dev/null
	db -c "SELECT id FROM mm_action_save(NULL, $i2, $oid, NULL,
	    'Actie van mij $id', '$myname', '2026-04-01', 'open', '', '',
	    NULL, NULL)" >/dev/null
	db -c "SELECT id FROM mm_action_save(NULL, $i2, $oid, NULL,
	    'Actie van ander $oid', '$oname', '', 'open', '', '', NULL, NULL)" \
	    >/dev/null
	db -c "SELECT id FROM mm_action_save(NULL, $i2, $oid, NULL,
	    'Actie extern $oid', '$ext', '', 'open', '', '', NULL, NULL)" \
	    >/dev/null
	db -c "SELECT mm_minutes_step($i2, $oid, 'openen', 3)" >/dev/null
	a=$(db -c "SELECT mm_amend($i2, $id, 'inzichten', 'Mijn opmerking $id',
	    'Mijn voorstel $id', '<p>Mijn voorstel $id</p>', NULL)")
	db -c "SELECT mm_amend_decide($a, $oid, false, 'Nee, dank je')" >/dev/null

	post a /account/export
	[ "$status_code" = 200 ]
	[ "$(jq -r '[.mastermind_series[].series] | join(",")' <<<"$body")" = \
	    "priv-mm-mijn-$id" ]
	[ "$(jq '.mastermind_led | length' <<<"$body")" = 1 ]
	[ "$(jq '.mastermind_participations | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.mastermind_participations[0].role' <<<"$body")" = gast ]
	[ "$(jq -r '.mastermind_participations[0].session' <<<"$body")" = \
	    "$(db -c "SELECT mm_session_href($i2)")" ]
	[ "$(jq -r '[.mastermind_actions[].what] | join(",")' <<<"$body")" = \
	    "Actie van mij $id" ]
	[ "$(jq -r '.mastermind_amendments[0].comment' <<<"$body")" = \
	    "Mijn opmerking $id" ]
	[ "$(jq -r '.mastermind_amendments[0].proposal' <<<"$body")" = \
	    "Mijn voorstel $id" ]
	[ "$(jq -r '.mastermind_amendments[0].state' <<<"$body")" = afgewezen ]
	[ "$(jq -r '[.mastermind_addenda[].body] | join(",")' <<<"$body")" = \
	    "Aanvulling van mij $id" ]
	# Nobody else's rows: not the other participants, not their actions.
	assert_not_contains "$ext"
	assert_not_contains "$oname"
	assert_not_contains "Actie van ander"
	assert_not_contains "Actie extern"
	# The other person's export holds none of mine.
	post b /account/export
	[ "$status_code" = 200 ]
	[ "$(jq '.mastermind_participations | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.mastermind_participations[0].role' <<<"$body")" = "" ]
	[ "$(jq '.mastermind_amendments | length' <<<"$body")" = 0 ]
	[ "$(jq -r '[.mastermind_actions[].what] | join(",")' <<<"$body")" = \
	    "Actie van ander $oid" ]
	assert_not_contains "Mijn opmerking"
	assert_not_contains "$myname"

	# Deleting my account: my participant row and my series go, the
	# action I owned stays without an owner, my name leaves the
	# revisions; the amendment and addendum stay, by a former member.
	[ "$(db -c "SELECT count(*) FROM item_revision
	    WHERE fields::text LIKE '%$myname%'")" -ge 1 ]
	db -c "SELECT account_delete($id)" >/dev/null
	[ "$(db -c "SELECT count(*) FROM mm_participant
	    WHERE account_id = $id")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM mm_facilitator
	    WHERE account_id = $id")" = 0 ]
	[ "$(db -c "SELECT owner_id IS NULL AND owner_name IS NULL
	    FROM mm_action WHERE what = 'Actie van mij $id'")" = t ]
	[ "$(db -c "SELECT count(*) FROM item_revision
	    WHERE fields::text LIKE '%$myname%'")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM item_revision WHERE item_id = $i2
	    AND fields->'participants' @> '[{\"name\": \"voormalig lid\"}]'")" -ge 1 ]
	[ "$(db -c "SELECT count(*) FROM mm_participant WHERE session_id = $i2
	    AND name = '$ext'")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM mm_amendment m JOIN account x
	    ON x.id = m.author_id WHERE m.id = $a
	    AND x.display_name IS NULL")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM mm_addendum d JOIN account x
	    ON x.id = d.author_id WHERE d.session_id = $i1
	    AND x.display_name IS NULL")" = 1 ]
	[ "$(pg_dump "$BRON_DATABASE_URL" | grep -c -F "$myname")" = 0 ]
	db -c "DELETE FROM item WHERE id IN ($i1, $i2);
	    DELETE FROM mm_series WHERE id IN ($s1, $s2)"
}

@test "export: stories: mine with text, pseudonym and consent record; my replies; no one else's" {
	local me other id oid n mine theirs
	me=$(unique_email mij)
	other=$(unique_email ander)
	n=$$$RANDOM
	newuser a "$me" "Verteller $n"
	newuser b "$other" "Ander $n"
	id=$(acct_id "$me")
	oid=$(acct_id "$other")
	# story SLUG OWNER WORD: written, sent in under 16 with a guardian.
	story() {
		local i
		i=$(db -c "SELECT id FROM story_save(NULL, NULL, $2, '$3 titel',
		    '$3 kort', '$3 tekst', '<p>$3 tekst</p>', '', 2, '$1', '', '',
		    '', '$3 schuilnaam', '{verlies}', '{namen,plaatsen,fotos}',
		    false, NULL)")
		[ -z "$(db -c "SELECT story_submit($i, $2, 1, 'leden',
		    '2026-11-a', true, 'Voogd $3', '2026-11-a')")" ]
		echo "$i"
	}
	mine=$(story "export-$n-a" "$id" "Mijnverhaal$n")
	theirs=$(story "export-$n-b" "$oid" "Anderverhaal$n")
	[ -n "$mine" ] && [ -n "$theirs" ]
	# Theirs is checked, published, and open to replies.
	newuser c "$(unique_email red)" "Redactie $n"
	db -c "UPDATE account SET role = 'redacteur' WHERE display_name =
	    'Redactie $n'"
	db -c "SELECT story_review($theirs, (SELECT id FROM account
	    WHERE display_name = 'Redactie $n'), 1, 'akkoord', '')" >/dev/null
	db -c "SELECT story_publish($theirs, $oid, 1)" >/dev/null
	db -c "SELECT story_replies_set($theirs, $oid, 'aan')" >/dev/null
	db -c "SELECT story_reply_add($theirs, $id, 'Mijnreactie$n',
	    '<p>Mijnreactie$n</p>', NULL)" >/dev/null
	db -c "SELECT story_reply_add($theirs, $oid, 'Eigenreactie$n',
	    '<p>Eigenreactie$n</p>', NULL)" >/dev/null

	post a /account/export
	[ "$status_code" = 200 ]
	[ "$(jq '.stories | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.stories[0].title' <<<"$body")" = "Mijnverhaal$n titel" ]
	[ "$(jq -r '.stories[0].body' <<<"$body")" = "Mijnverhaal$n tekst" ]
	[ "$(jq -r '.stories[0].pseudonym' <<<"$body")" = "Mijnverhaal$n schuilnaam" ]
	[ "$(jq -r '.stories[0].state' <<<"$body")" = ter_review ]
	[ "$(jq -r '.stories[0].scope' <<<"$body")" = leden ]
	[ "$(jq -r '.stories[0].consent[0] | [.event, .scope, .text_version,
	    .under16, .guardian_name, .by] | join(",")' <<<"$body")" = \
	    "gegeven,leden,2026-11-a,true,Voogd Mijnverhaal$n,verteller" ]
	[ "$(jq '.story_replies | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.story_replies[0] | [.story, .body, .state] | join(",")' \
	    <<<"$body")" = "$(db -c "SELECT slug FROM item
	    WHERE id = $theirs"),Mijnreactie$n,wacht" ]
	assert_not_contains "Anderverhaal$n titel"
	assert_not_contains "Anderverhaal$n schuilnaam"
	assert_not_contains "Voogd Anderverhaal$n"
	assert_not_contains "Eigenreactie$n"
}

@test "export: writes an audit row, also listed in the file" {
	local me
	me=$(unique_email)
	newuser a "$me"
	id=$(acct_id "$me")
	post a /account/export
	[ "$status_code" = 200 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'export'
	    AND actor_id = $id AND target_id = $id AND detail = ''")" = 1 ]
	[ "$(jq -r '[.audit[].action] | index("export") != null' <<<"$body")" = true ]
	post a /account/export
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'export'
	    AND target_id = $id")" = 2 ]
}

@test "export: no token, a wrong token or another site gives 403" {
	local me
	me=$(unique_email)
	newuser a "$me"
	id=$(acct_id "$me")
	req -b "$(jar a)" -H "Origin: $BRON_URL" -d '' /account/export
	[ "$status_code" = 403 ]
	assert_contains 'Dit formulier was verlopen'
	req -b "$(jar a)" -H "Origin: $BRON_URL" \
	    -d "_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" /account/export
	[ "$status_code" = 403 ]
	t=$(csrf a)
	req -b "$(jar a)" -H "Origin: https://evil.example" \
	    --data-urlencode "_csrf=$t" /account/export
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'export'
	    AND target_id = $id")" = 0 ]
}

@test "delete: visitors are sent to the sign-in page; the page explains" {
	req /account/verwijderen
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
	newuser a "$(unique_email)"
	req -b "$(jar a)" /account/verwijderen
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains 'voormalig lid'
	assert_contains 'Je kunt dit niet ongedaan maken.'
	assert_contains '<input type="password" id="password" name="password"'
	assert_contains 'aria-describedby="password-hint"'
}

@test "delete: empty or wrong password gives 400 with a Dutch message" {
	local me
	me=$(unique_email)
	newuser a "$me"
	post a /account/verwijderen -d ''
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="password-error">'
	assert_contains 'Vul dit veld in.'
	post a /account/verwijderen \
	    --data-urlencode "password=niet mijn wachtwoord"
	[ "$status_code" = 400 ]
	assert_contains 'Dit wachtwoord klopt niet. Probeer het opnieuw.'
	assert_contains 'aria-invalid="true"'
	assert_not_contains 'niet mijn wachtwoord'
	# Still there, still signed in.
	[ "$(db -c "SELECT count(*) FROM account WHERE email = '$me'
	    AND deleted_at IS NULL")" = 1 ]
	req -b "$(jar a)" /account/verwijderen
	[ "$status_code" = 200 ]
}

@test "delete: without a token 403, nothing deleted" {
	local me
	me=$(unique_email)
	newuser a "$me"
	req -b "$(jar a)" -H "Origin: $BRON_URL" \
	    --data-urlencode "password=$TEST_PASSWORD" /account/verwijderen
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT count(*) FROM account WHERE email = '$me'
	    AND deleted_at IS NULL")" = 1 ]
}

@test "delete: five wrong passwords, then 429 with Retry-After" {
	local me
	me=$(unique_email)
	newuser a "$me"
	for i in 1 2 3 4 5; do
		post a /account/verwijderen --data-urlencode "password=fout $i"
		[ "$status_code" = 400 ]
	done
	post a /account/verwijderen --data-urlencode "password=$TEST_PASSWORD"
	[ "$status_code" = 429 ]
	[ -n "$(header retry-after)" ]
	assert_contains 'Er waren te veel pogingen.'
	[ "$(db -c "SELECT count(*) FROM account WHERE email = '$me'
	    AND deleted_at IS NULL")" = 1 ]
}

@test "delete: the right password erases the account and its personal data" {
	local me name old red ed
	me=$(unique_email weg)
	name=$(unique_name)
	newuser a "$me" "$name"
	newuser b "$(unique_email)"	# a second session of someone else
	signin c "$me"			# a second session of the same person
	[ "$status_code" = 303 ]
	id=$(acct_id "$me")
	db -c "UPDATE account SET bio = 'Over $name' WHERE id = $id"
	db -c "INSERT INTO outbox (account_id, to_addr, subject, body)
	    VALUES ($id, '$me', 'Welkom', 'Hallo $name')"
	db -c "INSERT INTO notification (account_id, kind, text)
	    VALUES ($id, 'test', 'Melding')"
	db -c "INSERT INTO consent (account_id, subject, scope, text_version, given)
	    VALUES ($id, 'verhaal', 'openbaar', 'v1', true)"
	db -c "INSERT INTO password_reset (account_id, token_hash)
	    VALUES ($id, sha256('$me'::bytea))"
	art=$(item artikel gepubliceerd openbaar false "$id")
	red=$(unique_email red)
	newuser e "$red" "Redactie $RANDOM"
	ed=$(acct_id "$red")
	db -c "UPDATE account SET role = 'redacteur' WHERE id = $ed"
	gone=$(story "$id" false "$ed")
	kept=$(story "$id" true "$ed")
	# The checks below mean something: the data is there now.
	[ "$(pg_dump "$BRON_DATABASE_URL" | grep -c -F "$me")" -ge 1 ]
	[ "$(pg_dump "$BRON_DATABASE_URL" | grep -c -F "$name")" -ge 1 ]
	old=$(sid_cookie a)

	post a /account/verwijderen --data-urlencode "password=$TEST_PASSWORD"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/?verwijderd=1" ]
	[[ "$(header set-cookie)" == *sid=\;*Max-Age=0* ]]

	# Every session is gone: the old cookie no longer signs in.
	for p in /account /account/export /account/verwijderen; do
		req -H "Cookie: $old" "$p"
		[ "$status_code" = 303 ]
		[[ "$(header location)" == /inloggen* ]]
	done
	req -b "$(jar c)" /account/export
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM session WHERE account_id = $id")" = 0 ]
	# The other person's session is untouched.
	req -b "$(jar b)" /account/export
	[ "$status_code" = 200 ]

	signin d "$me"
	[ "$status_code" = 400 ]

	# Rows with personal data are gone; the emptied account row stays.
	[ "$(db -c "SELECT email IS NULL AND display_name IS NULL AND bio = ''
	    AND password_hash IS NULL AND deleted_at IS NOT NULL
	    FROM account WHERE id = $id")" = t ]
	for t in outbox notification consent password_reset; do
		[ "$(db -c "SELECT count(*) FROM $t WHERE account_id = $id")" = 0 ]
	done
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'account_verwijderd'
	    AND actor_id = $id AND target_id = $id AND detail = ''")" = 1 ]
	[ "$(pg_dump "$BRON_DATABASE_URL" | grep -c -F "$me")" = 0 ]
	[ "$(pg_dump "$BRON_DATABASE_URL" | grep -c -F "$name")" = 0 ]

	# Stories are withdrawn and emptied unless kept (sql/008_story.sql);
	# articles stay.
	[ "$(db -c "SELECT i.status || '|' || i.body_md || '|' || i.body_html
	    || '|' || i.summary || '|' || s.state || '|' || s.pseudonym
	    FROM item i JOIN story s ON s.item_id = i.id
	    WHERE i.kind = 'verhaal' AND i.slug = '$gone'")" = \
	    "concept||||ingetrokken|" ]
	[ "$(pg_dump "$BRON_DATABASE_URL" | grep -c -F "Tekst $gone")" = 0 ]
	[ "$(db -c "SELECT status FROM item WHERE kind = 'verhaal'
	    AND slug = '$kept'")" = gepubliceerd ]
	req "/verhalen/$gone"
	[ "$status_code" = 404 ]
	req "/verhalen/$kept"
	[ "$status_code" = 200 ]
	assert_contains "Tekst $kept"
	[ "$(db -c "SELECT status FROM item WHERE kind = 'artikel'
	    AND slug = '$art'")" = gepubliceerd ]

	# The profile shows "voormalig lid" with the contribution.
	req "/mensen/$id"
	[ "$status_code" = 200 ]
	assert_contains '<h1>voormalig lid</h1>'
	assert_contains "/artikelen/$art"
	assert_not_contains "$name"
	assert_not_contains "$me"
	assert_not_contains 'profile-bio'
}

@test "profile: name, kind, bio with line breaks, public contributions only" {
	local me name
	me=$(unique_email)
	name=$(unique_name)
	newuser a "$me" "$name" ervaringsdeskundige
	id=$(acct_id "$me")
	db -c "UPDATE account SET bio = E'Regel een <b>\nRegel twee' WHERE id = $id"
	pub=$(item artikel gepubliceerd openbaar false "$id")
	pilot=$(item pilot gepubliceerd openbaar false "$id")
	draft=$(item artikel concept openbaar false "$id")
	members=$(item artikel gepubliceerd leden false "$id")
	story=$(item verhaal gepubliceerd openbaar false "$id")
	req "/mensen/$id"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<h1>$name</h1>"
	assert_contains 'Ervaringsdeskundige'
	assert_contains '<p class="profile-bio">Regel een &lt;b&gt;'$'\n''Regel twee</p>'
	assert_contains "href=\"/artikelen/$pub\""
	assert_contains "href=\"/pilots/$pilot\""
	assert_not_contains "$draft"
	assert_not_contains "$members"
	assert_not_contains "$story"
	assert_not_contains "$me"
	# Signed in, looking at someone else's or one's own: no e-mail either.
	req -b "$(jar a)" "/mensen/$id"
	[ "$status_code" = 200 ]
	[ "$(grep -o -F "$me" <<<"$body" | wc -l)" = 0 ]
}

@test "profile: no contributions, blocked account, unknown ids" {
	local me name
	me=$(unique_email)
	name=$(unique_name)
	newuser a "$me" "$name"
	id=$(acct_id "$me")
	db -c "UPDATE account SET bio = 'Mijn bio' WHERE id = $id"
	req "/mensen/$id"
	[ "$status_code" = 200 ]
	assert_contains 'Er zijn nog geen openbare bijdragen.'
	assert_contains 'Mijn bio'
	db -c "UPDATE account SET blocked_at = now() WHERE id = $id"
	req "/mensen/$id"
	[ "$status_code" = 200 ]
	assert_contains "<h1>$name</h1>"
	assert_not_contains 'Mijn bio'
	req /mensen/999999999999999999
	[ "$status_code" = 404 ]
	assert_contains 'lang="nl"'
	req "/mensen/0$id"
	[ "$status_code" = 404 ]
	req /mensen/abc
	[ "$status_code" = 404 ]
	req /mensen/1234567890123456789
	[ "$status_code" = 404 ]
	req -X POST "/mensen/$id"
	[ "$status_code" = 405 ]
}
