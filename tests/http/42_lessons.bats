#!/usr/bin/env bats
# Lessons learned (issue 7): adding one under a pilot through its form
# (multipart, nonce), refusals with messages next to the fields and the
# typed text kept, changing one (409 on a stale revision keeps the typed
# text), removing one, the lesson's own page, "genoemd in" on the lesson
# page and the pilot page for an article citing /lessen/{id}, and who
# may do what: strangers 403, lessons of a members-only pilot 404 to
# outsiders.

load helpers

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

# pilot SLUG TITLE [COMMUNITY]: a complete, published pilot of the
# author's; prints its id.
pilot() {
	local id
	id=$(db -v slug="$1" -v title="$2" -v comm="${3:-}" \
	    -v actor="$AUTHOR_ID" <<'SQL'
SELECT id FROM pilot_save(NULL, NULL, :'actor', :'title', 'Kort.', 'x',
    '<p>x</p>', '', 1, '', :'slug', '', '', :'comm', NULL, '', '', NULL,
    NULL, jsonb_build_object('region', 'zuid-limburg',
    'setting', 'wijkteam', 'phase', 'geevalueerd', 'start', '2023-03-01',
    'problem_md', 'p', 'problem_html', '<p>p</p>',
    'approach_md', 'a', 'approach_html', '<p>a</p>'));
SQL
)
	db -c "SELECT item_transition($id, $EDITOR_ID, 'goedkeuren', '')" >/dev/null
	echo "$id"
}

slug_of() {
	db -c "SELECT slug FROM item WHERE id = $1"
}

# mpost JAR PATH [curl --form-string args...]: a same-origin multipart
# POST with the jar's CSRF token.
mpost() {
	local j=$1 path=$2
	shift 2
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$(csrf "$j")" "$@" "$path"
}

# field NAME: the value of the hidden input NAME in $body.
field() {
	grep -o "name=\"$1\" value=\"[^\"]*\"" <<<"$body" | head -n 1 | cut -d'"' -f4
}

# textarea ID: the text of a textarea in $body, entities as sent.
textarea() {
	python3 -c '
import re, sys
m = re.search(r"<textarea id=\"" + sys.argv[1] + r"\"[^>]*>(.*?)</textarea>", sys.stdin.read(), re.S)
sys.stdout.write(m.group(1) if m else "NOTFOUND")' "$1" <<<"$body"
}

# add SLUG KIND STATEMENT [EXPLANATION]: a lesson through the form, as
# the author; prints its id.
add() {
	local nonce
	req -b "$(jar author)" "/pilots/$1/lessen"
	nonce=$(field nonce)
	mpost author "/pilots/$1/lessen" --form-string "nonce=$nonce" \
	    --form-string "kind=$2" --form-string "statement=$3" \
	    --form-string "explanation=${4:-}"
	[ "$status_code" = 303 ] || { echo "add: $status_code" >&2; return 1; }
	header location | sed -n 's|.*#les-\([0-9]*\)$|\1|p'
}

setup_file() {
	export RUN="l$$r$RANDOM"
	local e who
	for who in author editor member other; do
		e=$(unique_email "les-$who")
		register "$who" "$e" "Lessen $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export AUTHOR_ID EDITOR_ID MEMBER_ID
	AUTHOR_ID=$(cat "$BATS_FILE_TMPDIR/id-author")
	EDITOR_ID=$(cat "$BATS_FILE_TMPDIR/id-editor")
	MEMBER_ID=$(cat "$BATS_FILE_TMPDIR/id-member")
	db -c "UPDATE account SET role = 'redacteur' WHERE id = $EDITOR_ID"
	db -c "INSERT INTO community (slug, name, visibility, membership)
	    VALUES ('lesleden-$RUN', 'Lesleden $RUN', 'leden', 'aanvraag')"
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, a.id, 'lid' FROM community c, account a
	    WHERE c.slug = 'lesleden-$RUN' AND a.id IN ($AUTHOR_ID, $MEMBER_ID)"
	export PILOT_ID PILOT
	PILOT_ID=$(pilot "lespilot-$RUN" "Lespilot $RUN")
	PILOT=$(slug_of "$PILOT_ID")
}

@test "add a lesson: the form, the save, the pilot page and the lesson page" {
	local nonce id n
	req "/pilots/$PILOT/lessen"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
	req -b "$(jar author)" "/pilots/$PILOT/lessen"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains 'enctype="multipart/form-data"'
	assert_contains '<legend>Wat voor les is het?</legend>'
	assert_contains 'name="kind" value="werkte_niet"'
	assert_contains "Lespilot $RUN"
	nonce=$(field nonce)
	[ ${#nonce} = 43 ]
	mpost author "/pilots/$PILOT/lessen" --form-string "nonce=$nonce" \
	    --form-string kind=werkte_niet \
	    --form-string "statement=Te snel starten
werkt niet $RUN" \
	    --form-string "explanation=Eerst **plannen**.
- stap een
- stap twee"
	[ "$status_code" = 303 ]
	id=$(db -c "SELECT id FROM lesson WHERE pilot_id = $PILOT_ID AND statement LIKE 'Te snel%$RUN'")
	[ -n "$id" ]
	[ "$(header location)" = "/pilots/$PILOT?gedaan=les_toegevoegd#les-$id" ]
	[ "$(db -c "SELECT explanation_md FROM lesson WHERE id = $id")" = "Eerst **plannen**.
- stap een
- stap twee" ]
	# The same form sent again: the same lesson, not a second one.
	mpost author "/pilots/$PILOT/lessen" --form-string "nonce=$nonce" \
	    --form-string kind=werkte_niet --form-string "statement=Nog eens $RUN"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$PILOT?gedaan=les_toegevoegd#les-$id" ]
	n=$(db -c "SELECT count(*) FROM lesson WHERE pilot_id = $PILOT_ID")
	[ "$n" = 1 ]

	req -b "$(jar author)" "/pilots/$PILOT?gedaan=les_toegevoegd"
	assert_contains 'De les is toegevoegd.'
	assert_contains '<h3 id="pilot_les_werkte_niet">Wat niet werkte</h3>'
	assert_contains "<article class=\"pilot-lesson\" id=\"les-$id\""
	assert_contains "Te snel starten werkt niet $RUN</h4>"
	assert_contains '<strong>plannen</strong>'
	assert_contains '<li>stap twee</li>'
	assert_contains "href=\"/lessen/$id/bewerken\""
	assert_contains "href=\"/lessen/$id/verwijderen\""

	req "/lessen/$id"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<h1>Te snel starten werkt niet $RUN</h1>"
	assert_contains '<p class="lesson-kind">Wat niet werkte</p>'
	assert_contains "<a href=\"/pilots/$PILOT\">Lespilot $RUN</a>"
	assert_contains '<dd>Zuid-Limburg (Limburg)</dd>'
	assert_contains '<dd>Wijk- of gebiedsteam</dd>'
	assert_contains '<dd>Geëvalueerd</dd>'
	assert_contains '<strong>plannen</strong>'
	assert_not_contains "/lessen/$id/bewerken"
	req -b "$(jar author)" "/lessen/$id"
	assert_contains "href=\"/lessen/$id/bewerken\""
	req /lessen/999999999999
	[ "$status_code" = 404 ]
	req /lessen/0
	[ "$status_code" = 404 ]
}

@test "a refused lesson comes back with messages and what was typed" {
	local nonce before
	before=$(db -c "SELECT count(*) FROM lesson WHERE pilot_id = $PILOT_ID")
	req -b "$(jar author)" "/pilots/$PILOT/lessen"
	nonce=$(field nonce)
	mpost author "/pilots/$PILOT/lessen" --form-string "nonce=$nonce" \
	    --form-string "statement=   " \
	    --form-string "explanation=Regel een
Regel <twee> & drie"
	[ "$status_code" = 400 ]
	assert_contains 'Kies wat voor les het is.'
	assert_contains 'Schrijf de les in één zin.'
	assert_contains 'href="#lesson_kind"'
	assert_contains 'id="lesson_kind" aria-invalid="true" aria-describedby="lesson_kind-error"'
	assert_contains 'aria-describedby="statement-hint statement-error"'
	[ "$(textarea explanation)" = 'Regel een
Regel &lt;twee&gt; &amp; drie' ]
	[ "$(field nonce)" = "$nonce" ]
	# Too long, and a kind that does not exist.
	mpost author "/pilots/$PILOT/lessen" --form-string "nonce=$nonce" \
	    --form-string kind=misschien \
	    --form-string "statement=$(printf 'x%.0s' {1..301})"
	[ "$status_code" = 400 ]
	assert_contains 'De les is te lang: 301 tekens.'
	assert_contains 'Kies wat voor les het is.'
	# A forged post: refused, the text kept.
	req -b "$(jar author)" -H "Origin: $BRON_URL" --form-string kind=advies \
	    --form-string "nonce=$nonce" --form-string "statement=Vals $RUN" \
	    "/pilots/$PILOT/lessen"
	[ "$status_code" = 403 ]
	assert_contains "Vals $RUN"
	[ "$(db -c "SELECT count(*) FROM lesson WHERE pilot_id = $PILOT_ID")" = "$before" ]
}

@test "change a lesson; a stale revision is 409 and keeps the typed text" {
	local id
	id=$(add "$PILOT" werkte "Eerste versie $RUN" "Uitleg een")
	req -b "$(jar author)" "/lessen/$id/bewerken"
	[ "$status_code" = 200 ]
	[ "$(field base)" = 1 ]
	assert_contains 'name="kind" value="werkte" aria-describedby="kind-werkte-hint" checked'
	[ "$(textarea statement)" = "Eerste versie $RUN" ]
	[ "$(textarea explanation)" = "Uitleg een" ]
	mpost author "/lessen/$id/bewerken" --form-string base=1 \
	    --form-string kind=randvoorwaarde \
	    --form-string "statement=Tweede versie $RUN" \
	    --form-string "explanation=Uitleg twee"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$PILOT?gedaan=les_gewijzigd#les-$id" ]
	[ "$(db -c "SELECT revision || kind FROM lesson WHERE id = $id")" = 2randvoorwaarde ]
	# Someone started from revision 1 too: nothing written, text kept.
	mpost author "/lessen/$id/bewerken" --form-string base=1 \
	    --form-string kind=advies \
	    --form-string "statement=Derde versie $RUN" \
	    --form-string "explanation=Mijn regel
met een tweede regel"
	[ "$status_code" = 409 ]
	assert_contains 'Iemand anders heeft deze les intussen gewijzigd'
	assert_contains 'Je begon bij versie 1. Intussen is versie 2 opgeslagen.'
	assert_contains "Tweede versie $RUN"
	[ "$(textarea statement)" = "Derde versie $RUN" ]
	[ "$(textarea explanation)" = 'Mijn regel
met een tweede regel' ]
	[ "$(field base)" = 2 ]
	assert_contains 'name="kind" value="advies" aria-describedby="kind-advies-hint" checked'
	[ "$(db -c "SELECT statement FROM lesson WHERE id = $id")" = "Tweede versie $RUN" ]
	# Saving from the conflict page is a conscious choice: it works.
	mpost author "/lessen/$id/bewerken" --form-string base=2 \
	    --form-string kind=advies --form-string "statement=Derde versie $RUN"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT revision || statement FROM lesson WHERE id = $id")" = "3Derde versie $RUN" ]
	req "/lessen/$id"
	assert_contains "<h1>Derde versie $RUN</h1>"
	assert_contains '<p class="lesson-kind">Advies aan anderen</p>'
}

@test "remove a lesson" {
	local id
	id=$(add "$PILOT" advies "Weg ermee $RUN")
	req -b "$(jar author)" "/lessen/$id/verwijderen"
	[ "$status_code" = 200 ]
	assert_contains "Weg ermee $RUN"
	assert_contains "Wil je deze les verwijderen uit de pilot Lespilot $RUN?"
	assert_contains "action=\"/lessen/$id/verwijderen\""
	# Without a token: refused.
	req -b "$(jar author)" -H "Origin: $BRON_URL" --data "_csrf=" "/lessen/$id/verwijderen"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT count(*) FROM lesson WHERE id = $id")" = 1 ]
	post author "/lessen/$id/verwijderen"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/pilots/$PILOT?gedaan=les_verwijderd#pilot_lessons" ]
	[ "$(db -c "SELECT count(*) FROM lesson WHERE id = $id")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'les_verwijderen'
	    AND target_id = $PILOT_ID AND detail = 'les $id'")" = 1 ]
	req "/lessen/$id"
	[ "$status_code" = 404 ]
	req -b "$(jar author)" "/pilots/$PILOT?gedaan=les_verwijderd"
	assert_contains 'De les is verwijderd.'
	assert_not_contains "Weg ermee $RUN"
}

@test "a stranger may read a lesson but not add, change or remove one" {
	local id nonce
	id=$(add "$PILOT" werkte "Vast $RUN")
	req -b "$(jar other)" "/lessen/$id"
	[ "$status_code" = 200 ]
	req -b "$(jar other)" "/pilots/$PILOT/lessen"
	[ "$status_code" = 403 ]
	mpost other "/pilots/$PILOT/lessen" --form-string "nonce=$(printf 'a%.0s' {1..43})" \
	    --form-string kind=werkte --form-string "statement=Ingebroken $RUN"
	[ "$status_code" = 403 ]
	req -b "$(jar other)" "/lessen/$id/bewerken"
	[ "$status_code" = 403 ]
	mpost other "/lessen/$id/bewerken" --form-string base=1 \
	    --form-string kind=werkte --form-string "statement=Ingebroken $RUN"
	[ "$status_code" = 403 ]
	req -b "$(jar other)" "/lessen/$id/verwijderen"
	[ "$status_code" = 403 ]
	post other "/lessen/$id/verwijderen"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT statement FROM lesson WHERE id = $id")" = "Vast $RUN" ]
	[ "$(db -c "SELECT count(*) FROM lesson WHERE statement = 'Ingebroken $RUN'")" = 0 ]
	# The pilot's editors may: an editor changes it.
	req -b "$(jar editor)" "/lessen/$id/bewerken"
	[ "$status_code" = 200 ]
	# Visitors are sent to sign in.
	req "/lessen/$id/bewerken"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
}

@test "an article citing a lesson shows as 'genoemd in' on the lesson and the pilot" {
	local id art draft
	id=$(add "$PILOT" randvoorwaarde "Geciteerd $RUN")
	# item_save() stores /lessen/{id} links as item_ref ('les', id).
	art=$(db -c "SELECT id FROM item_save('artikel', NULL, NULL, $AUTHOR_ID,
	    'Artikel dat citeert $RUN', 'Kort', 'Zie [de les](/lessen/$id).',
	    '<p>Zie de les.</p>', '', 3, '', 'citeert-$RUN', '', '', '', NULL,
	    'les/$id', '', NULL, NULL)")
	db -c "SELECT item_transition($art, $EDITOR_ID, 'goedkeuren', '')" >/dev/null
	draft=$(db -c "SELECT id FROM item_save('artikel', NULL, NULL, $AUTHOR_ID,
	    'Concept dat citeert $RUN', 'Kort', 'x', '<p>x</p>', '', 1, '',
	    'concept-citeert-$RUN', '', '', '', NULL, 'les/$id', '', NULL, NULL)")
	[ "$(db -c "SELECT count(*) FROM item_ref WHERE kind = 'les' AND slug = '$id'")" = 2 ]
	req "/lessen/$id"
	[ "$status_code" = 200 ]
	assert_contains '<h2 id="lesson_cited">Genoemd in</h2>'
	assert_contains "<a class=\"item-title\" href=\"/artikelen/citeert-$RUN\">Artikel dat citeert $RUN</a>"
	assert_not_contains "Concept dat citeert $RUN"
	req "/pilots/$PILOT"
	[ "$status_code" = 200 ]
	assert_contains "<article class=\"pilot-lesson\" id=\"les-$id\""
	assert_contains '<p>Genoemd in:</p>'
	assert_contains "<li><a href=\"/artikelen/citeert-$RUN\">Artikel dat citeert $RUN</a> (Artikel)</li>"
	assert_not_contains "Concept dat citeert $RUN"
	# Archived: no longer cited anywhere a reader looks.
	db -c "SELECT item_transition($art, $EDITOR_ID, 'archiveren', '')" >/dev/null
	req "/lessen/$id"
	assert_not_contains "Artikel dat citeert $RUN"
	[ -n "$draft" ]
}

@test "a lesson of a members-only pilot is 404 to outsiders" {
	local pid slug id
	pid=$(pilot "ledenles-$RUN" "Ledenpilot $RUN" "lesleden-$RUN")
	slug=$(slug_of "$pid")
	id=$(add "$slug" advies "Geheime les $RUN")
	req "/lessen/$id"
	[ "$status_code" = 404 ]
	assert_not_contains "Geheime les $RUN"
	req -b "$(jar other)" "/lessen/$id"
	[ "$status_code" = 404 ]
	assert_not_contains "Geheime les $RUN"
	req -b "$(jar other)" "/lessen/$id/bewerken"
	[ "$status_code" = 404 ]
	post other "/lessen/$id/verwijderen"
	[ "$status_code" = 404 ]
	req -b "$(jar other)" "/pilots/$slug/lessen"
	[ "$status_code" = 404 ]
	req -b "$(jar member)" "/lessen/$id"
	[ "$status_code" = 200 ]
	assert_contains "Geheime les $RUN"
	# A member who is not an author may read, not change.
	req -b "$(jar member)" "/lessen/$id/bewerken"
	[ "$status_code" = 403 ]
}
