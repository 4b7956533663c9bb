#!/usr/bin/env bats
# Action items (issue 8), the issue's carry-over test: a series of three
# sessions; actions made in session 1 (through the form) show as open in
# session 2's "Open acties uit eerdere sessies"; closed there (POST
# /acties/<id> with sessie=<2>) they show as closed in session 2 and are
# gone from session 3's open list, and stay closed; an action closed
# from /account/acties leaves every open list; overdue actions are
# marked; the owner sees theirs on /account/acties; reminders:
# mm_action_remind() writes one 'actie' notification for an action due
# in 2 days (never twice), shown on /meldingen in Dutch; an external
# owner's name is never shown to visitors. Also the action form's 422s
# with the typed text, the update form's 409 and 422, removal.

load helpers

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

mpost() {
	local j=$1 path=$2
	shift 2
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$(csrf "$j")" "$@" "$path"
}

field() {
	grep -o "name=\"$1\" value=\"[^\"]*\"" <<<"$body" | head -n 1 | cut -d'"' -f4
}

input() {
	grep -o "id=\"$1\" name=\"[^\"]*\" value=\"[^\"]*\"" <<<"$body" | head -n 1 | cut -d'"' -f6
}

textarea() {
	python3 -c '
import re, sys
m = re.search(r"<textarea id=\"" + sys.argv[1] + r"\"[^>]*>(.*?)</textarea>", sys.stdin.read(), re.S)
sys.stdout.write(m.group(1) if m else "NOTFOUND")' "$1" <<<"$body"
}

# part ID: the HTML of the element with that id (a section of the
# session page or a table row), "" when there is none.
part() {
	python3 -c '
import re, sys
b = sys.stdin.read()
i = b.find("id=\"" + sys.argv[1] + "\"")
if i < 0:
    sys.exit(0)
if b.rfind("<section", 0, i) > b.rfind("</section>", 0, i) and sys.argv[1].startswith("mm-"):
    s = b.rfind("<section", 0, i)
    sys.stdout.write(b[s:b.find("</section>", i)])
else:
    s = b.rfind("<", 0, i)
    sys.stdout.write(b[s:b.find("</tr>", i)])' "$1" <<<"$body"
}

# session TITLE SLUG DATE: prints the item id; the owner takes part.
session() {
	db -v s="$SERIES_ID" -v title="$1" -v slug="$2" -v d="$3" \
	    -v p="[{\"name\": \"Actie owner $RUN\", \"role\": \"\"}]" \
	    -v actor="$RUNNER_ID" <<'SQL'
SELECT id FROM mm_session_save(NULL, NULL, :'actor', :'s', :'title',
    'Samenvatting.', 'Inzicht.', '<p>Inzicht.</p>', '', 1, '', :'slug',
    '', '', '', '', NULL,
    jsonb_build_object('date', :'d', 'time', '14:00', 'duration', '90',
    'participants', :'p'::jsonb));
SQL
}

# add JAR SESSION_PATH WHAT OWNER DUE: an action through the form;
# prints its id.
add() {
	local nonce
	req -b "$(jar "$1")" "$2/acties"
	nonce=$(field nonce)
	mpost "$1" "$2/acties" --form-string "nonce=$nonce" \
	    --form-string "what=$3" --form-string "owner=$4" --form-string "due=$5"
	[ "$status_code" = 303 ] || { echo "add: $status_code" >&2; return 1; }
	header location | sed -n 's|.*#actie-\([0-9]*\)$|\1|p'
}

rev() {
	db -c "SELECT revision FROM mm_action WHERE id = $1"
}

final() {
	db -c "SELECT mm_minutes_step($1, $RUNNER_ID, 'openen', 1)" >/dev/null
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute'
	    WHERE item_id = $1"
	db -c "SELECT mm_minutes_step($1, $RUNNER_ID, 'vaststellen', NULL)" >/dev/null
}

setup_file() {
	export RUN="a$$r$RANDOM"
	local e who
	for who in runner owner stranger; do
		e=$(unique_email "mma-$who")
		register "$who" "$e" "Actie $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export RUNNER_ID OWNER_ID STRANGER_ID SERIES_ID SERIES S1 S2 S3 P1 P2 P3
	RUNNER_ID=$(cat "$BATS_FILE_TMPDIR/id-runner")
	OWNER_ID=$(cat "$BATS_FILE_TMPDIR/id-owner")
	STRANGER_ID=$(cat "$BATS_FILE_TMPDIR/id-stranger")
	SERIES="acties-$RUN"
	SERIES_ID=$(db -c "SELECT id FROM mm_series_save(NULL, NULL, $RUNNER_ID,
	    'Actieserie $RUN', '$SERIES', 'Doel', '<p>Doel</p>', '', '', 7,
	    NULL)")
	S1=$(session "Een $RUN" "een-$RUN" 2026-01-10)
	S2=$(session "Twee $RUN" "twee-$RUN" 2026-02-10)
	S3=$(session "Drie $RUN" "drie-$RUN" 2026-03-10)
	P1="/masterminds/$SERIES/een-$RUN"
	P2="/masterminds/$SERIES/twee-$RUN"
	P3="/masterminds/$SERIES/drie-$RUN"
}

@test "the action form: runners only, 422 with the typed text, save and add another" {
	# Concept minutes do not exist for a stranger; the participant
	# reads them but does not run the session.
	req -b "$(jar stranger)" "$P1/acties"
	[ "$status_code" = 404 ]
	req -b "$(jar owner)" "$P1/acties"
	[ "$status_code" = 403 ]
	req "$P1/acties"
	[ "$status_code" = 303 ]
	req -b "$(jar runner)" "/masterminds/$SERIES/geen-$RUN/acties"
	[ "$status_code" = 404 ]
	req -b "$(jar runner)" "$P1/acties"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains 'type="date" id="due" name="due"'
	assert_contains "Andere namen ziet alleen wie is ingelogd."
	local nonce
	nonce=$(field nonce)
	mpost runner "$P1/acties" --form-string "nonce=$nonce" \
	    --form-string "what=   " --form-string "owner=Iemand <b>$RUN</b>" \
	    --form-string "due=31-02-2026"
	[ "$status_code" = 422 ]
	assert_contains "Schrijf wat er gaat gebeuren."
	assert_contains "value=\"Iemand &lt;b&gt;$RUN&lt;/b&gt;\""
	mpost runner "$P1/acties" --form-string "nonce=$nonce" \
	    --form-string "what=Iets doen" --form-string "owner=" \
	    --form-string "due=31-02-2026"
	[ "$status_code" = 422 ]
	assert_contains "Vul een datum in"
	[ "$(textarea what)" = "Iets doen" ]
	[ "$(db -c "SELECT count(*) FROM mm_action WHERE session_id = $S1")" = 0 ]
	mpost stranger "$P1/acties" --form-string "nonce=$nonce" \
	    --form-string "what=Inbraak"
	[ "$status_code" = 404 ]
	mpost owner "$P1/acties" --form-string "nonce=$nonce" \
	    --form-string "what=Inbraak"
	[ "$status_code" = 403 ]

	# Save and add another: back to the form with a notice.
	mpost runner "$P1/acties" --form-string "nonce=$nonce" \
	    --form-string "what=Protocol herschrijven $RUN" \
	    --form-string "owner=Actie owner $RUN" --form-string "due=2020-01-01" \
	    --form-string "again=ja"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$P1/acties?gedaan=actie" ]
	req -b "$(jar runner)" "$P1/acties?gedaan=actie"
	assert_contains "De actie is toegevoegd."
	# Plain save: to the session, at the action.
	local first=$nonce
	req -b "$(jar runner)" "$P3/acties"
	nonce=$(field nonce)
	mpost runner "$P3/acties" --form-string "nonce=$nonce" \
	    --form-string "what=Zaal boeken $RUN"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$P3?gedaan=actie#actie-$(db -c "SELECT id
	    FROM mm_action WHERE what = 'Zaal boeken $RUN'")" ]
	# The same nonce again adds nothing.
	mpost runner "$P1/acties" --form-string "nonce=$first" \
	    --form-string "what=Protocol herschrijven $RUN"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM mm_action WHERE session_id = $S1")" = 1 ]
	# The owner was told.
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $OWNER_ID
	    AND kind = 'actie' AND text = 'Protocol herschrijven $RUN'")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'mm_actie_nieuw'
	    AND target_id = $S1")" = 1 ]
}

@test "carry-over: open in session 2, closed there, closed-in-2 there, gone from 3, stays closed" {
	local a1 a2 a3
	a1=$(db -c "SELECT id FROM mm_action WHERE session_id = $S1
	    AND what = 'Protocol herschrijven $RUN'")
	a2=$(add runner "$P1" "Ouders bellen $RUN" "Actie owner $RUN" 2030-01-01)
	a3=$(add runner "$P1" "Extern regelen $RUN" "Extern Eric $RUN" 2030-02-01)
	[ -n "$a1" ] && [ -n "$a2" ] && [ -n "$a3" ]
	echo "$a1 $a2 $a3" >"$BATS_FILE_TMPDIR/actions"

	# Session 2 lists all three as open actions of earlier sessions.
	req -b "$(jar runner)" "$P2"
	[ "$status_code" = 200 ]
	local carried
	carried=$(part mm-eerdere)
	[[ "$carried" == *"id=\"actie-$a1\""* ]]
	[[ "$carried" == *"id=\"actie-$a2\""* ]]
	[[ "$carried" == *"id=\"actie-$a3\""* ]]
	# Session 1's own list is not "earlier" for session 1.
	req -b "$(jar runner)" "$P1"
	carried=$(part mm-eerdere)
	[[ "$carried" != *"actie-$a1"* ]]

	# Closed in session 2 through its small form (url-encoded).
	post owner "/acties/$a1" --data-urlencode "base=$(rev "$a1")" \
	    --data-urlencode "status=gedaan" --data-urlencode "note=Klaar." \
	    --data-urlencode "evidence=" --data-urlencode "sessie=$S2" \
	    --data-urlencode "terug=$P2#actie-$a1"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$P2?gedaan=bijgewerkt#actie-$a1" ]
	[ "$(db -c "SELECT status || ':' || closed_in || ':' || note
	    FROM mm_action WHERE id = $a1")" = "gedaan:$S2:Klaar." ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'mm_actie_status'
	    AND detail = 'actie $a1 gedaan'")" = 1 ]

	# Session 2 shows it closed in this session.
	req -b "$(jar runner)" "$P2"
	local row
	row=$(part "actie-$a1")
	[[ "$row" == *"Gedaan"* ]]
	[[ "$row" == *"afgesloten in deze sessie"* ]]
	# Session 3: gone from the open list; the others still there.
	req -b "$(jar runner)" "$P3"
	carried=$(part mm-eerdere)
	[[ "$carried" != *"actie-$a1"* ]]
	[[ "$carried" == *"id=\"actie-$a2\""* ]]
	# It stays closed: its page says so, with the session it closed in.
	req -b "$(jar owner)" "/acties/$a1"
	[ "$status_code" = 200 ]
	assert_contains "Afgesloten"
	assert_contains "href=\"$P2\""
	[ "$(db -c "SELECT status FROM mm_action WHERE id = $a1")" = gedaan ]
}

@test "my actions: open first with overdue marked; closing one there leaves every open list" {
	read -r a1 a2 a3 <"$BATS_FILE_TMPDIR/actions"
	local late
	late=$(add runner "$P2" "Te laat $RUN" "Actie owner $RUN" 2021-05-05)
	req "/account/acties"
	[ "$status_code" = 303 ]
	req -b "$(jar owner)" "/account/acties"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<caption>Jouw open acties</caption>"
	local row
	row=$(part "actie-$late")
	[[ "$row" == *'class="mm-overdue"'* ]]
	[[ "$row" == *"Te laat</strong>"* ]]
	[[ "$row" == *"href=\"/acties/$late\""* ]]
	[[ "$row" == *"href=\"$P2\""* ]]
	row=$(part "actie-$a2")
	[[ "$row" != *'mm-overdue'* ]]
	# Open ones by due date (2021 before 2030), the closed one below.
	[ "$(grep -o 'id="actie-[0-9]*"' <<<"$body" | tr '\n' ' ')" = \
	    "id=\"actie-$late\" id=\"actie-$a2\" id=\"actie-$a1\" " ]
	# The external action is not the owner's.
	assert_not_contains "Extern regelen $RUN"

	# Closed from here: the action's own page.
	req -b "$(jar owner)" "/acties/$a2"
	[ "$status_code" = 200 ]
	assert_contains 'name="status"'
	# The owner changes status, note and evidence, not what/owner/due.
	assert_not_contains 'id="what"'
	local base
	base=$(field base)
	mpost owner "/acties/$a2" --form-string "base=$base" \
	    --form-string "status=vervallen" --form-string "note=Niet meer nodig." \
	    --form-string "evidence=/nergens/niets"
	[ "$status_code" = 422 ]
	assert_contains "Geef een link naar een artikel, pilot, les of sessie op Bron"
	[ "$(textarea note)" = "Niet meer nodig." ]
	mpost owner "/acties/$a2" --form-string "base=$base" \
	    --form-string "status=vervallen" --form-string "note=Niet meer nodig." \
	    --form-string "evidence=$P1"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$P1?gedaan=bijgewerkt#actie-$a2" ]
	[ "$(db -c "SELECT status || ':' || coalesce(closed_in::text, '-') || ':'
	    || evidence_item_id FROM mm_action WHERE id = $a2")" = "vervallen:-:$S1" ]
	# A stale base: 409, the typed note kept, nothing written.
	mpost owner "/acties/$a2" --form-string "base=$base" \
	    --form-string "status=open" --form-string "note=Toch weer open"
	[ "$status_code" = 409 ]
	assert_contains "Iemand anders heeft deze actie intussen bijgewerkt."
	[ "$(textarea note)" = "Toch weer open" ]
	[ "$(db -c "SELECT status FROM mm_action WHERE id = $a2")" = vervallen ]
	# The owner may not change what the minutes say.
	mpost owner "/acties/$a2" --form-string "base=$(rev "$a2")" \
	    --form-string "what=Iets anders" --form-string "status=vervallen"
	[ "$status_code" = 409 ]
	assert_contains "Wat, wie en uiterlijk liggen vast."
	# Strangers may not update it: concept minutes do not exist for them.
	post stranger "/acties/$a2" --data-urlencode "base=$(rev "$a2")" \
	    --data-urlencode "status=open"
	[ "$status_code" = 404 ]
	[ "$(db -c "SELECT status FROM mm_action WHERE id = $a2")" = vervallen ]

	# Gone from every open list.
	req -b "$(jar owner)" "/account/acties"
	[[ "$(python3 -c 'import sys; b=sys.stdin.read(); print(b[:b.find("id=\"afgesloten\"")])' <<<"$body")" != *"actie-$a2"* ]]
	local p
	for p in "$P2" "$P3"; do
		req -b "$(jar runner)" "$p"
		[[ "$(part mm-eerdere)" != *"id=\"actie-$a2\""* ]]
	done
}

@test "reminders: one 'actie' notification for an action due in 2 days, never twice, in Dutch" {
	local soon due shown n
	due=$(db -c "SELECT ((now() AT TIME ZONE 'Europe/Amsterdam')::date + 2)::text")
	shown=$(db -c "SELECT to_char(((now() AT TIME ZONE 'Europe/Amsterdam')::date + 2), 'DD-MM-YYYY')")
	soon=$(add runner "$P3" "Verslag rondsturen $RUN" "Actie owner $RUN" "$due")
	db -c "SELECT mm_action_remind()" >/dev/null
	n=$(db -c "SELECT count(*) FROM notification WHERE account_id = $OWNER_ID
	    AND kind = 'actie' AND text = 'herinnering:$due:Verslag rondsturen $RUN'")
	[ "$n" = 1 ]
	[ "$(db -c "SELECT reminded_at IS NOT NULL FROM mm_action WHERE id = $soon")" = t ]
	db -c "SELECT mm_action_remind()" >/dev/null
	n=$(db -c "SELECT count(*) FROM notification WHERE account_id = $OWNER_ID
	    AND kind = 'actie' AND text LIKE 'herinnering:%Verslag rondsturen $RUN'")
	[ "$n" = 1 ]
	# An action due far ahead is not reminded.
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $OWNER_ID
	    AND text LIKE 'herinnering:%Ouders bellen $RUN'")" = 0 ]

	req -b "$(jar owner)" "/meldingen"
	[ "$status_code" = 200 ]
	assert_contains "Herinnering: je actie <a href=\"$P3#actie-$soon\">Verslag rondsturen $RUN</a> moet uiterlijk $shown klaar zijn."
	assert_contains "Actie runner $RUN maakte je eigenaar van een actie: <a href=\"$P1#actie-"
	assert_not_contains "herinnering:"
}

@test "an external owner's name is shown to signed-in readers only; removal" {
	read -r a1 a2 a3 <"$BATS_FILE_TMPDIR/actions"
	final "$S1"
	req "/acties/$a3"
	[ "$status_code" = 200 ]
	assert_contains "iemand buiten Bron"
	assert_not_contains "Extern Eric $RUN"
	assert_not_contains 'name="status"'
	req "$P1"
	[ "$status_code" = 200 ]
	assert_not_contains "Extern Eric $RUN"
	req -b "$(jar stranger)" "/acties/$a3"
	[ "$status_code" = 200 ]
	assert_contains "Extern Eric $RUN"
	assert_contains "geen lid van Bron"
	assert_not_contains 'name="status"'
	# Before final, a stranger does not see the action at all.
	local s3a
	s3a=$(db -c "SELECT id FROM mm_action WHERE session_id = $S3 LIMIT 1")
	req -b "$(jar stranger)" "/acties/$s3a"
	[ "$status_code" = 404 ]
	req "/acties/$s3a"
	[ "$status_code" = 404 ]

	# Removal: runners, not after final.
	req -b "$(jar runner)" "/acties/$a3/verwijderen"
	[ "$status_code" = 409 ]
	req -b "$(jar owner)" "/acties/$s3a/verwijderen"
	[ "$status_code" = 403 ]
	req -b "$(jar runner)" "/acties/$s3a/verwijderen"
	[ "$status_code" = 200 ]
	assert_contains "Ja, verwijder de actie"
	post runner "/acties/$s3a/verwijderen"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$P3?gedaan=verwijderd#acties" ]
	[ "$(db -c "SELECT count(*) FROM mm_action WHERE id = $s3a")" = 0 ]
	req -b "$(jar runner)" "/acties/$s3a"
	[ "$status_code" = 404 ]
	# What of a final session's action is frozen, also for its runner.
	req -b "$(jar runner)" "/acties/$a3"
	[ "$status_code" = 200 ]
	assert_not_contains 'id="what"'
	assert_contains 'name="status"'
}

@test "the user menu and the account page link to my actions" {
	req -b "$(jar owner)" /account
	[ "$status_code" = 200 ]
	assert_contains '<a href="/account/acties">Mijn acties</a>'
	assert_contains '<a href="/account/acties">Mijn acties uit mastermindsessies</a>'
	req -b "$(jar owner)" /account/acties
	assert_contains '<a href="/account/acties" aria-current="page">Mijn acties</a>'
	req /
	assert_not_contains 'href="/account/acties"'
}
