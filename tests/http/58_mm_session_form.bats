#!/usr/bin/env bats
# The session form (issue 8): a facilitator plans a session through
# /masterminds/{serie}/nieuw (multipart, nonce: a retry makes one
# session); participants become members or external names; the links of
# insights, case and agreements count for item_ref; the open actions of
# earlier sessions show on the form; refusals come back as 422 with a
# message next to the field and the typed text kept (a participants line
# error names its line, an unknown facilitator); the preview saves
# nothing; editing with a stale base is 409 with the typed text; final
# minutes are a 409 page that points to the addendum; strangers 403; a
# members-only series 404 to outsiders. Series, earlier sessions and
# actions are set up with the SQL functions of sql/007_mastermind.sql.

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

textarea() {
	python3 -c '
import re, sys
m = re.search(r"<textarea id=\"" + sys.argv[1] + r"\"[^>]*>(.*?)</textarea>", sys.stdin.read(), re.S)
sys.stdout.write(m.group(1) if m else "NOTFOUND")' "$1" <<<"$body"
}

# The field's error paragraph (id="<field>-error").
field_error() {
	grep -o "id=\"$1-error\"[^<]*<[^<]*" <<<"$body" | head -n 1
}

# session SERIES_ID TITLE DATE: an earlier session via SQL; prints its id.
session() {
	db -v s="$1" -v a="$RUNNER_ID" -v t="$2" -v d="$3" <<'SQL'
SELECT id FROM mm_session_save(NULL, NULL, :'a', :'s', :'t', 'Kort.',
    'Inzicht.', '<p>Inzicht.</p>', '', 1, '',
    trim(both '-' from regexp_replace(lower(:'t'), '[^a-z0-9]+', '-', 'g')),
    '', '', '', '', NULL, jsonb_build_object('date', :'d',
    'time', '10:00', 'duration', '90'));
SQL
}

final() {
	db -c "SELECT mm_minutes_step($1, $RUNNER_ID, 'openen', 1)" >/dev/null
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute'
	    WHERE item_id = $1"
	db -c "SELECT mm_minutes_step($1, $RUNNER_ID, 'vaststellen', NULL)" >/dev/null
}

# plan JAR SERIES NONCE TITLE [curl args]: the form's save.
plan() {
	local j=$1 s=$2 n=$3 t=$4
	shift 4
	mpost "$j" "/masterminds/$s/nieuw" --form-string "nonce=$n" \
	    --form-string "action=save" --form-string "title=$t" \
	    --form-string "date=2026-05-12" --form-string "time=14:30" \
	    --form-string "duration=120" "$@"
}

setup_file() {
	export RUN="f$$r$RANDOM"
	local e who
	for who in runner member stranger outsider; do
		e=$(unique_email "msf-$who")
		register "$who" "$e" "Vorm $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export RUNNER_ID MEMBER_ID SERIES_ID SERIES CLOSED EARLIER
	RUNNER_ID=$(cat "$BATS_FILE_TMPDIR/id-runner")
	MEMBER_ID=$(cat "$BATS_FILE_TMPDIR/id-member")
	db -c "INSERT INTO community (slug, name, visibility, membership)
	    VALUES ('mmvorm-$RUN', 'MM vorm $RUN', 'leden', 'aanvraag')"
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, a.id, 'lid' FROM community c, account a
	    WHERE c.slug = 'mmvorm-$RUN' AND a.id IN ($RUNNER_ID, $MEMBER_ID)"
	SERIES_ID=$(db -c "SELECT id FROM mm_series_save(NULL, NULL, $RUNNER_ID,
	    'Vorm $RUN', 'vorm-$RUN', 'Doel', '<p>Doel</p>', '', '', 7, NULL)")
	SERIES="vorm-$RUN"
	db -c "SELECT id FROM mm_series_save(NULL, NULL, $RUNNER_ID,
	    'Dicht $RUN', 'dicht-$RUN', 'Doel', '<p>Doel</p>', 'mmvorm-$RUN',
	    '', 7, NULL)" >/dev/null
	CLOSED="dicht-$RUN"
	EARLIER=$(session "$SERIES_ID" "Eerder $RUN" 2026-01-05)
	db -c "SELECT id FROM mm_action_save(NULL, $EARLIER, $RUNNER_ID, NULL,
	    'Protocol nalopen $RUN', 'Vorm member $RUN', '2020-02-01', 'open',
	    '', '', NULL, NULL)" >/dev/null
}

@test "a facilitator plans a session; participants become members or external names; a nonce retry makes one session" {
	local nonce loc id earlier_slug
	req /masterminds/$SERIES/nieuw
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]

	req -b "$(jar runner)" /masterminds/$SERIES/nieuw
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<h1>Nieuwe sessie</h1>"
	assert_contains 'enctype="multipart/form-data"'
	assert_contains '<input type="date" id="date" name="date"'
	assert_contains '<input type="time" id="time" name="time"'
	assert_contains 'value="90"'
	# The open actions of earlier sessions, read-only, overdue in words.
	assert_contains "Open acties uit eerdere sessies"
	assert_contains "Protocol nalopen $RUN"
	assert_contains 'class="mm-overdue"'
	assert_contains "Te laat"
	assert_contains "Eerder $RUN"
	assert_not_contains 'name="status"'
	nonce=$(field nonce)
	[ ${#nonce} -eq 43 ]

	earlier_slug=$(db -c "SELECT slug FROM item WHERE id = $EARLIER")
	plan runner "$SERIES" "$nonce" "Gepland $RUN" \
	    --form-string "summary=Over grenzen." \
	    --form-string "location=Zaal 3, Utrecht" \
	    --form-string "facilitator=" \
	    --form-string "participants=Vorm member $RUN (gedragswetenschapper)
Externe Ella $RUN (ouder)

Los $RUN" \
	    --form-string "case=Zie [het plan](/artikelen/casus-$RUN)." \
	    --form-string "insights=## Kern
Zie [eerder](/masterminds/$SERIES/$earlier_slug).

## Verder
Meer." \
	    --form-string "agreements=Lees [dit](/pilots/afspraak-$RUN)." \
	    --form-string "tags=grenzen, team" \
	    --form-string "note=Eerste opzet"
	[ "$status_code" = 303 ]
	loc=$(header location)
	[[ "$loc" == "/masterminds/$SERIES/gepland-$RUN?gedaan=opgeslagen" ]]

	id=$(db -c "SELECT id FROM item WHERE kind = 'mastermind' AND title = 'Gepland $RUN'")
	[ -n "$id" ]
	[ "$(db -c "SELECT facilitator_id, duration_min, location,
	    to_char(starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI')
	    FROM mm_session WHERE item_id = $id")" = "$RUNNER_ID|120|Zaal 3, Utrecht|2026-05-12 14:30" ]
	# A member's name is that member; other names are external people.
	[ "$(db -c "SELECT position, coalesce(account_id::text, '-'),
	    coalesce(name, '-'), role FROM mm_participant
	    WHERE session_id = $id ORDER BY position" | tr '\n' ';')" = \
	    "1|$MEMBER_ID|-|gedragswetenschapper;2|-|Externe Ella $RUN|ouder;3|-|Los $RUN|;" ]
	# Links of the insights, the case and the agreements.
	[ "$(db -c "SELECT kind || '/' || slug FROM item_ref WHERE from_id = $id
	    ORDER BY 1" | tr '\n' ' ')" = \
	    "artikel/casus-$RUN mastermind/$earlier_slug pilot/afspraak-$RUN " ]
	[ "$(db -c "SELECT count(*) FROM item_link WHERE from_id = $id
	    AND to_id = $EARLIER AND type = 'verwijst'")" = 1 ]
	[ "$(db -c "SELECT string_agg(tag, ',' ORDER BY tag) FROM item_tag
	    WHERE item_id = $id")" = "grenzen,team" ]
	# The insights carry a table of contents, like articles.
	[ "$(db -c "SELECT toc_html <> '' FROM item WHERE id = $id")" = t ]

	req -b "$(jar runner)" "$loc"
	[ "$status_code" = 200 ]
	assert_contains "De sessie is opgeslagen."
	assert_contains "Externe Ella $RUN"

	# The same POST again (a retry): the same session, no second one.
	plan runner "$SERIES" "$nonce" "Gepland $RUN" \
	    --form-string "participants=Iemand anders"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$loc" ]
	[ "$(db -c "SELECT count(*) FROM item WHERE kind = 'mastermind'
	    AND title = 'Gepland $RUN'")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM mm_participant WHERE session_id = $id")" = 3 ]
}

@test "refusals are 422 with a message next to the field and the typed text kept" {
	local nonce n0 n1
	req -b "$(jar runner)" /masterminds/$SERIES/nieuw
	nonce=$(field nonce)
	n0=$(db -c "SELECT count(*) FROM mm_session WHERE series_id = $SERIES_ID")

	mpost runner /masterminds/$SERIES/nieuw --form-string "nonce=$nonce" \
	    --form-string "action=save" --form-string "title=" \
	    --form-string "date=2026-02-30" --form-string "time=25:00" \
	    --form-string "duration=5" \
	    --form-string "case=Mijn casus GETYPT-$RUN" \
	    --form-string "participants=Jan $RUN
(alleen een rol)
Piet"
	[ "$status_code" = 422 ]
	assert_html_headers
	[[ "$(field_error title)" == *"Geef de sessie een titel."* ]]
	[[ "$(field_error date)" == *"Vul een geldige datum in"* ]]
	[[ "$(field_error time)" == *"Vul een geldige tijd in"* ]]
	[[ "$(field_error duration)" == *"15 tot en met 600"* ]]
	[[ "$(field_error participants)" == *"Regel 2 heeft geen naam"* ]]
	assert_contains 'aria-invalid="true"'
	[ "$(textarea case)" = "Mijn casus GETYPT-$RUN" ]
	[ "$(textarea participants)" = "Jan $RUN
(alleen een rol)
Piet" ]
	[ "$(field date)" = "2026-02-30" ]
	# The nonce stays: the next try is still the same create.
	[ "$(field nonce)" = "$nonce" ]

	# Unbalanced parentheses name their line.
	plan runner "$SERIES" "$nonce" "Haakjes $RUN" \
	    --form-string "participants=Anna
Bram (coach"
	[ "$status_code" = 422 ]
	[[ "$(field_error participants)" == *"Op regel 2 kloppen de haakjes niet"* ]]

	# A facilitator who is no member: mm_session_save()'s error column.
	plan runner "$SERIES" "$nonce" "Onbekend $RUN" \
	    --form-string "facilitator=Niemand Bekend $RUN" \
	    --form-string "insights=Mijn inzicht BEWAARD-$RUN"
	[ "$status_code" = 422 ]
	[[ "$(field_error facilitator)" == *"Er is geen lid met deze naam"* ]]
	[ "$(field facilitator)" = "Niemand Bekend $RUN" ]
	[ "$(textarea insights)" = "Mijn inzicht BEWAARD-$RUN" ]
	[ "$(field title)" = "Onbekend $RUN" ]

	# No nonce: nothing saved, a fresh one for the next try.
	mpost runner /masterminds/$SERIES/nieuw --form-string "action=save" \
	    --form-string "title=Zonder $RUN" --form-string "date=2026-05-01" \
	    --form-string "time=10:00" --form-string "duration=60"
	[ "$status_code" = 422 ]
	n1=$(field nonce)
	[ ${#n1} -eq 43 ]
	[ "$(db -c "SELECT count(*) FROM mm_session WHERE series_id = $SERIES_ID")" = "$n0" ]
}

@test "the preview renders the three Markdown fields and saves nothing" {
	local nonce n0
	req -b "$(jar runner)" /masterminds/$SERIES/nieuw
	nonce=$(field nonce)
	n0=$(db -c "SELECT count(*) FROM mm_session WHERE series_id = $SERIES_ID")
	mpost runner /masterminds/$SERIES/nieuw --form-string "nonce=$nonce" \
	    --form-string "action=preview" --form-string "title=Voorbeeld $RUN" \
	    --form-string "date=2026-06-01" --form-string "time=09:00" \
	    --form-string "duration=90" --form-string "case=Een *casus*" \
	    --form-string "insights=Een **inzicht**" \
	    --form-string "agreements=- een afspraak"
	[ "$status_code" = 200 ]
	assert_contains 'id="preview-title"'
	assert_contains "<em>casus</em>"
	assert_contains "<strong>inzicht</strong>"
	assert_contains "<li>een afspraak</li>"
	[ "$(textarea insights)" = "Een **inzicht**" ]
	[ "$(field nonce)" = "$nonce" ]
	[ "$(db -c "SELECT count(*) FROM mm_session WHERE series_id = $SERIES_ID")" = "$n0" ]
}

@test "editing: the stored values, 409 on a stale base with the typed text, then a save" {
	local id slug base
	id=$(session "$SERIES_ID" "Bewerk $RUN" 2026-03-03)
	slug=$(db -c "SELECT slug FROM item WHERE id = $id")
	db -c "UPDATE mm_session SET case_md = 'Oude casus' WHERE item_id = $id"
	req -b "$(jar runner)" /masterminds/$SERIES/$slug/bewerken
	[ "$status_code" = 200 ]
	assert_contains "<h1>Sessie bewerken</h1>"
	[ "$(field title)" = "Bewerk $RUN" ]
	[ "$(field date)" = "2026-03-03" ]
	[ "$(field time)" = "10:00" ]
	[ "$(textarea case)" = "Oude casus" ]
	# Only actions of sessions before this one.
	assert_contains "Protocol nalopen $RUN"
	base=$(field base)
	[ -n "$base" ]

	# Someone else saves meanwhile.
	db -c "SELECT 1 FROM mm_session_save($id, $base, $RUNNER_ID, NULL,
	    'Bewerk $RUN', 'Door een ander.', 'Ander inzicht ANDER-$RUN',
	    '<p>Ander</p>', '', 2, '', '', '', '', '', '', NULL,
	    jsonb_build_object('date', '2026-03-03', 'time', '11:00',
	    'duration', '90'))" >/dev/null

	mpost runner /masterminds/$SERIES/$slug/bewerken \
	    --form-string "base=$base" --form-string "action=save" \
	    --form-string "title=Bewerk $RUN" --form-string "date=2026-03-03" \
	    --form-string "time=10:00" --form-string "duration=90" \
	    --form-string "insights=Mijn versie MIJN-$RUN" \
	    --form-string "participants=Vorm member $RUN"
	[ "$status_code" = 409 ]
	assert_contains "Nu opgeslagen"
	assert_contains "ANDER-$RUN"
	[ "$(textarea insights)" = "Mijn versie MIJN-$RUN" ]
	[ "$(textarea participants)" = "Vorm member $RUN" ]
	[ "$(field base)" = "$((base + 1))" ]
	[ "$(db -c "SELECT body_md FROM item WHERE id = $id")" = "Ander inzicht ANDER-$RUN" ]

	# With the new base the typed text is saved.
	mpost runner /masterminds/$SERIES/$slug/bewerken \
	    --form-string "base=$((base + 1))" --form-string "action=save" \
	    --form-string "title=Bewerk $RUN" --form-string "date=2026-03-03" \
	    --form-string "time=10:00" --form-string "duration=90" \
	    --form-string "insights=Mijn versie MIJN-$RUN" \
	    --form-string "participants=Vorm member $RUN"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/masterminds/$SERIES/$slug?gedaan=opgeslagen" ]
	[ "$(db -c "SELECT body_md FROM item WHERE id = $id")" = "Mijn versie MIJN-$RUN" ]
	[ "$(db -c "SELECT account_id FROM mm_participant WHERE session_id = $id")" = "$MEMBER_ID" ]
}

@test "final minutes: the edit form is a 409 page that points to the addendum" {
	local id slug base
	id=$(session "$SERIES_ID" "Vast $RUN" 2026-01-20)
	slug=$(db -c "SELECT slug FROM item WHERE id = $id")
	req -b "$(jar runner)" /masterminds/$SERIES/$slug/bewerken
	base=$(field base)
	final "$id"
	req -b "$(jar runner)" /masterminds/$SERIES/$slug/bewerken
	[ "$status_code" = 409 ]
	assert_contains "Het verslag is definitief; voeg een addendum toe."
	assert_contains "href=\"/masterminds/$SERIES/$slug/addendum\""
	mpost runner /masterminds/$SERIES/$slug/bewerken \
	    --form-string "base=$base" --form-string "action=save" \
	    --form-string "title=Nog eens $RUN" --form-string "date=2026-01-20" \
	    --form-string "time=10:00" --form-string "duration=90"
	[ "$status_code" = 409 ]
	assert_contains "voeg een addendum toe"
	[ "$(db -c "SELECT title FROM item WHERE id = $id")" = "Vast $RUN" ]
}

@test "strangers get 403; a members-only series is 404 to outsiders" {
	local id slug nonce cid cslug
	id=$(session "$SERIES_ID" "Vreemd $RUN" 2026-04-04)
	slug=$(db -c "SELECT slug FROM item WHERE id = $id")
	req -b "$(jar stranger)" /masterminds/$SERIES/nieuw
	[ "$status_code" = 403 ]
	req -b "$(jar stranger)" /masterminds/$SERIES/$slug/bewerken
	[ "$status_code" = 403 ]
	mpost stranger /masterminds/$SERIES/nieuw \
	    --form-string "nonce=$(printf 'a%.0s' {1..43})" \
	    --form-string "action=save" --form-string "title=Ingebroken $RUN" \
	    --form-string "date=2026-05-01" --form-string "time=10:00" \
	    --form-string "duration=60"
	[ "$status_code" = 403 ]
	mpost stranger /masterminds/$SERIES/$slug/bewerken \
	    --form-string "base=1" --form-string "action=save" \
	    --form-string "title=Ingebroken $RUN" --form-string "date=2026-05-01" \
	    --form-string "time=10:00" --form-string "duration=60"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Ingebroken $RUN'")" = 0 ]
	# A member of the series' community who does not run it: 403 too.
	req -b "$(jar member)" /masterminds/$CLOSED/nieuw
	[ "$status_code" = 403 ]

	cid=$(session "$(db -c "SELECT id FROM mm_series WHERE slug = '$CLOSED'")" \
	    "Besloten $RUN" 2026-04-05)
	cslug=$(db -c "SELECT slug FROM item WHERE id = $cid")
	req -b "$(jar outsider)" /masterminds/$CLOSED/nieuw
	[ "$status_code" = 404 ]
	assert_not_contains "Dicht $RUN"
	req -b "$(jar outsider)" /masterminds/$CLOSED/$cslug/bewerken
	[ "$status_code" = 404 ]
	assert_not_contains "Besloten $RUN"
	req -b "$(jar runner)" /masterminds/$CLOSED/nieuw
	[ "$status_code" = 200 ]
	nonce=$(field nonce)
	plan runner "$CLOSED" "$nonce" "Binnen $RUN"
	[ "$status_code" = 303 ]
	# No such series, no such session, a session of another series.
	req -b "$(jar runner)" /masterminds/geen-serie-$RUN/nieuw
	[ "$status_code" = 404 ]
	req -b "$(jar runner)" /masterminds/$SERIES/geen-sessie-$RUN/bewerken
	[ "$status_code" = 404 ]
	req -b "$(jar runner)" /masterminds/$SERIES/$cslug/bewerken
	[ "$status_code" = 404 ]
}
