#!/usr/bin/env bats
# The minutes workflow (issue 8): a runner opens the minutes for
# amendments (dagen 1-30, else 422); a participant proposes amendments
# while the window is open (a stranger, who may not read the minutes,
# gets 404; a reader who may but does not take part or run it, 403); the runner takes one
# over (the section's text is replaced, a new revision) and rejects one
# with a reply; closing the window; a proposal after it is refused (409,
# typed text kept); finalising is refused while the window is open and
# while an amendment is open (409 pages that say why, with links); final
# minutes are frozen (session edit 409); addenda only after final; an
# audit row for every step. Fixtures through the SQL functions of
# sql/007_mastermind.sql, steps through the pages.

load helpers

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
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

# session TITLE SLUG DATE PARTICIPANTS_JSON: prints the item id.
session() {
	db -v s="$SERIES_ID" -v title="$1" -v slug="$2" -v d="$3" -v p="$4" \
	    -v actor="$RUNNER_ID" <<'SQL'
SELECT id FROM mm_session_save(NULL, NULL, :'actor', :'s', :'title',
    'Samenvatting.', 'Oud inzicht.', '<p>Oud inzicht.</p>', '', 2, '',
    :'slug', '', '', '', '', NULL,
    jsonb_build_object('date', :'d', 'time', '14:00', 'duration', '90',
    'location', 'Utrecht', 'case_md', 'De casus.', 'case_html',
    '<p>De casus.</p>', 'agreements_md', 'Afspraak een.',
    'agreements_html', '<p>Afspraak een.</p>',
    'participants', :'p'::jsonb));
SQL
}

state() {
	db -c "SELECT state FROM mm_session WHERE item_id = $1"
}

audits() {
	db -c "SELECT count(*) FROM audit WHERE action = '$1' AND target_id = $2"
}

# amend_form: GET the participant's form, sets NONCE.
amend_form() {
	req -b "$(jar part)" "$SPATH/aanvullingen${1:-}"
	NONCE=$(field nonce)
}

setup_file() {
	export RUN="v$$r$RANDOM"
	local e who
	for who in runner part stranger; do
		e=$(unique_email "mmv-$who")
		register "$who" "$e" "Verslag $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export RUNNER_ID PART_ID STRANGER_ID SERIES_ID SERIES S1 S2 SPATH S2PATH
	RUNNER_ID=$(cat "$BATS_FILE_TMPDIR/id-runner")
	PART_ID=$(cat "$BATS_FILE_TMPDIR/id-part")
	STRANGER_ID=$(cat "$BATS_FILE_TMPDIR/id-stranger")
	SERIES="verslag-$RUN"
	SERIES_ID=$(db -c "SELECT id FROM mm_series_save(NULL, NULL, $RUNNER_ID,
	    'Verslagserie $RUN', '$SERIES', 'Doel', '<p>Doel</p>', '', '', 7,
	    NULL)")
	local parts="[{\"name\": \"Verslag part $RUN\", \"role\": \"\"}]"
	S1=$(session "Workflow $RUN" "workflow-$RUN" 2026-01-10 "$parts")
	S2=$(session "Tweede $RUN" "tweede-$RUN" 2026-02-10 "$parts")
	SPATH="/masterminds/$SERIES/workflow-$RUN"
	S2PATH="/masterminds/$SERIES/tweede-$RUN"
}

@test "opening: bad days 422, stranger 404, participant 403, runner opens for 5 days" {
	post runner "$SPATH/verslag" --data-urlencode "action=openen" \
	    --data-urlencode "dagen=0"
	[ "$status_code" = 422 ]
	assert_html_headers
	assert_contains "Vul een aantal dagen in van 1 tot en met 30."
	assert_contains "href=\"$SPATH\""
	post runner "$SPATH/verslag" --data-urlencode "action=openen" \
	    --data-urlencode "dagen=31"
	[ "$status_code" = 422 ]
	post runner "$SPATH/verslag" --data-urlencode "action=openen" \
	    --data-urlencode "dagen=vijf"
	[ "$status_code" = 422 ]
	post runner "$SPATH/verslag" --data-urlencode "action=weg"
	[ "$status_code" = 422 ]
	[ "$(state "$S1")" = concept ]

	# Minutes a stranger may not read do not exist for them.
	post stranger "$SPATH/verslag" --data-urlencode "action=openen"
	[ "$status_code" = 404 ]
	# The participant reads them, but does not run the session.
	post part "$SPATH/verslag" --data-urlencode "action=openen"
	[ "$status_code" = 403 ]
	req -X POST -H "Origin: $BRON_URL" --data "action=openen" "$SPATH/verslag"
	[ "$status_code" = 303 ] || [ "$status_code" = 403 ]
	# A forged POST (no token) is refused.
	req -b "$(jar runner)" -X POST -H "Origin: $BRON_URL" \
	    --data "action=openen" "$SPATH/verslag"
	[ "$status_code" = 403 ]
	[ "$(state "$S1")" = concept ]
	# Unknown session: 404.
	post runner "/masterminds/$SERIES/bestaat-niet-$RUN/verslag" \
	    --data-urlencode "action=openen"
	[ "$status_code" = 404 ]

	post runner "$SPATH/verslag" --data-urlencode "action=openen" \
	    --data-urlencode "dagen=5"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$SPATH?gedaan=geopend" ]
	[ "$(state "$S1")" = amendering ]
	[ "$(db -c "SELECT amend_until BETWEEN now() + interval '4 days 23 hours'
	    AND now() + interval '5 days 1 hour' FROM mm_session
	    WHERE item_id = $S1")" = t ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'mm_openen'
	    AND target_id = $S1 AND actor_id = $RUNNER_ID
	    AND detail = 'dagen 5'")" = 1 ]
	# The participant is told.
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $PART_ID
	    AND kind = 'mastermind'")" -ge 1 ]
	# Opening again does not fit: 409 with a way back.
	post runner "$SPATH/verslag" --data-urlencode "action=openen"
	[ "$status_code" = 409 ]
	assert_contains "href=\"$SPATH\""
}

@test "amendments: stranger 404, participant's form with the current text, 422 keeps the text" {
	req -b "$(jar stranger)" "$SPATH/aanvullingen"
	[ "$status_code" = 404 ]
	req "$SPATH/aanvullingen"
	[ "$status_code" = 303 ]
	req -b "$(jar part)" "/masterminds/$SERIES/nergens-$RUN/aanvullingen"
	[ "$status_code" = 404 ]

	amend_form
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains 'enctype="multipart/form-data"'
	assert_contains '<legend>Over welk deel gaat het?</legend>'
	[ -n "$NONCE" ]
	amend_form "?deel=inzichten"
	[ "$status_code" = 200 ]
	[ "$(textarea proposal)" = "Oud inzicht." ]
	assert_contains 'id="section-inzichten" name="section" value="inzichten" checked'

	# Nothing chosen, nothing written: messages next to the fields.
	mpost part "$SPATH/aanvullingen" --form-string "nonce=$NONCE" \
	    --form-string "comment=" --form-string "proposal="
	[ "$status_code" = 422 ]
	assert_contains "Kies het deel waar je aanvulling over gaat."
	assert_contains "Schrijf een opmerking of een voorstel."
	# A proposal for 'algemeen' is refused; the text comes back.
	mpost part "$SPATH/aanvullingen" --form-string "nonce=$NONCE" \
	    --form-string "section=algemeen" --form-string "comment=Let op <b>dit</b>" \
	    --form-string "proposal=Nieuwe tekst
met twee regels"
	[ "$status_code" = 422 ]
	assert_contains "Bij “Algemeen” kun je geen nieuwe tekst voorstellen."
	[ "$(textarea proposal)" = "Nieuwe tekst
met twee regels" ]
	[ "$(textarea comment)" = "Let op &lt;b&gt;dit&lt;/b&gt;" ]
	[ "$(db -c "SELECT count(*) FROM mm_amendment WHERE session_id = $S1")" = 0 ]
	# The stranger's POST: 404, nothing written.
	mpost stranger "$SPATH/aanvullingen" --form-string "nonce=$NONCE" \
	    --form-string "section=algemeen" --form-string "comment=Hoi"
	[ "$status_code" = 404 ]
	[ "$(db -c "SELECT count(*) FROM mm_amendment WHERE session_id = $S1")" = 0 ]
}

@test "a participant proposes, the runner takes it over: section replaced, new revision" {
	amend_form "?deel=inzichten"
	mpost part "$SPATH/aanvullingen" --form-string "nonce=$NONCE" \
	    --form-string "section=inzichten" \
	    --form-string "comment=Het tweede inzicht ontbreekt." \
	    --form-string "proposal=Oud inzicht.

Nieuw **inzicht** erbij."
	[ "$status_code" = 303 ]
	local id
	id=$(header location | sed -n 's|.*#aanvulling-\([0-9]*\)$|\1|p')
	[ -n "$id" ]
	[ "$(header location)" = "$SPATH?gedaan=aanvulling#aanvulling-$id" ]
	# The same nonce again: the same amendment, not a second one.
	mpost part "$SPATH/aanvullingen" --form-string "nonce=$NONCE" \
	    --form-string "section=inzichten" --form-string "comment=Dubbel"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM mm_amendment WHERE session_id = $S1")" = 1 ]
	[ "$(audits mm_amendement "$S1")" = 1 ]
	[ "$(db -c "SELECT proposal_html FROM mm_amendment WHERE id = $id")" = \
	    "<p>Oud inzicht.</p>
<p>Nieuw <strong>inzicht</strong> erbij.</p>" ]

	# Only runners decide.
	req -b "$(jar part)" "$SPATH/aanvullingen/$id"
	[ "$status_code" = 403 ]
	req -b "$(jar runner)" "$SPATH/aanvullingen/99999999999"
	[ "$status_code" = 404 ]
	req -b "$(jar runner)" "$S2PATH/aanvullingen/$id"
	[ "$status_code" = 404 ]
	req -b "$(jar runner)" "$SPATH/aanvullingen/$id"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Het tweede inzicht ontbreekt."
	assert_contains "Verschil met de huidige tekst"
	assert_contains '<ins>'
	assert_contains "<strong>inzicht</strong>"
	assert_contains 'name="besluit" value="overnemen"'
	# No choice: 422, the reply kept.
	mpost runner "$SPATH/aanvullingen/$id" --form-string "reply=Mijn antwoord"
	[ "$status_code" = 422 ]
	assert_contains "Kies of je de aanvulling overneemt of afwijst."
	[ "$(textarea reply)" = "Mijn antwoord" ]

	local rev
	rev=$(db -c "SELECT revision FROM item WHERE id = $S1")
	mpost runner "$SPATH/aanvullingen/$id" --form-string "besluit=overnemen" \
	    --form-string "reply=Dank je."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$SPATH?gedaan=overgenomen#aanvulling-$id" ]
	[ "$(db -c "SELECT body_md FROM item WHERE id = $S1")" = "Oud inzicht.

Nieuw **inzicht** erbij." ]
	[ "$(db -c "SELECT revision FROM item WHERE id = $S1")" = $((rev + 1)) ]
	[ "$(db -c "SELECT count(*) FROM item_revision WHERE item_id = $S1
	    AND rev = $((rev + 1)) AND note = 'aanvulling $id overgenomen'")" = 1 ]
	[ "$(db -c "SELECT state || ':' || reply FROM mm_amendment WHERE id = $id")" = "overgenomen:Dank je." ]
	[ "$(audits mm_overgenomen "$S1")" = 1 ]
	# Decided already: 409, nothing changes; the page shows no form.
	mpost runner "$SPATH/aanvullingen/$id" --form-string "besluit=afwijzen"
	[ "$status_code" = 409 ]
	assert_contains "Hierover is al beslist"
	[ "$(db -c "SELECT state FROM mm_amendment WHERE id = $id")" = overgenomen ]
	req -b "$(jar runner)" "$SPATH/aanvullingen/$id"
	[ "$status_code" = 200 ]
	assert_not_contains 'name="besluit"'
	assert_contains "Dank je."
}

@test "a rejected amendment keeps the text and shows the reply" {
	amend_form
	mpost part "$SPATH/aanvullingen" --form-string "nonce=$NONCE" \
	    --form-string "section=afspraken" \
	    --form-string "proposal=Een heel andere afspraak."
	[ "$status_code" = 303 ]
	local id
	id=$(header location | sed -n 's|.*#aanvulling-\([0-9]*\)$|\1|p')
	mpost runner "$SPATH/aanvullingen/$id" --form-string "besluit=afwijzen" \
	    --form-string "reply=Dit hebben we zo niet afgesproken."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$SPATH?gedaan=afgewezen#aanvulling-$id" ]
	[ "$(db -c "SELECT agreements_md FROM mm_session WHERE item_id = $S1")" = "Afspraak een." ]
	[ "$(db -c "SELECT state || ':' || reply FROM mm_amendment WHERE id = $id")" = \
	    "afgewezen:Dit hebben we zo niet afgesproken." ]
	[ "$(audits mm_afgewezen "$S1")" = 1 ]
}

@test "finalising is refused while the window is open; closing; a proposal after it is 409" {
	post runner "$SPATH/verslag" --data-urlencode "action=vaststellen"
	[ "$status_code" = 409 ]
	assert_contains "Je kunt het verslag vaststellen na"
	assert_contains "of eerst de termijn sluiten"
	[ "$(state "$S1")" = amendering ]

	# One more amendment while the window is open, left undecided.
	amend_form
	mpost part "$SPATH/aanvullingen" --form-string "nonce=$NONCE" \
	    --form-string "section=vraag" --form-string "comment=Nog een vraag."
	[ "$status_code" = 303 ]

	post part "$SPATH/verslag" --data-urlencode "action=sluiten"
	[ "$status_code" = 403 ]
	req -b "$(jar stranger)" "$SPATH/aanvullingen/1"
	[ "$status_code" = 404 ]
	post runner "$SPATH/verslag" --data-urlencode "action=sluiten"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$SPATH?gedaan=gesloten" ]
	[ "$(db -c "SELECT amend_until <= now() FROM mm_session WHERE item_id = $S1")" = t ]
	[ "$(audits mm_sluiten "$S1")" = 1 ]

	# After the window: the form is a 409 page; a POST keeps the text.
	req -b "$(jar part)" "$SPATH/aanvullingen"
	[ "$status_code" = 409 ]
	assert_contains "De termijn voor aanvullingen is voorbij."
	mpost part "$SPATH/aanvullingen" --form-string "nonce=$NONCE" \
	    --form-string "section=vraag" --form-string "comment=Te laat ingestuurd"
	[ "$status_code" = 409 ]
	[ "$(textarea comment)" = "Te laat ingestuurd" ]
	[ "$(db -c "SELECT count(*) FROM mm_amendment WHERE session_id = $S1
	    AND comment = 'Te laat ingestuurd'")" = 0 ]
}

@test "finalising is refused with an open amendment (links to it), then done; frozen after" {
	local open
	open=$(db -c "SELECT id FROM mm_amendment WHERE session_id = $S1 AND state = 'open'")
	post runner "$SPATH/verslag" --data-urlencode "action=vaststellen"
	[ "$status_code" = 409 ]
	assert_contains "Beslis eerst over de open aanvullingen"
	assert_contains "href=\"$SPATH/aanvullingen/$open\""
	assert_contains "Aanvulling $open (Casus of vraag)"
	[ "$(state "$S1")" = amendering ]

	mpost runner "$SPATH/aanvullingen/$open" --form-string "besluit=afwijzen"
	[ "$status_code" = 303 ]
	post runner "$SPATH/verslag" --data-urlencode "action=vaststellen"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$SPATH?gedaan=vastgesteld" ]
	[ "$(state "$S1")" = definitief ]
	[ "$(db -c "SELECT status FROM item WHERE id = $S1")" = gepubliceerd ]
	[ "$(audits mm_vaststellen "$S1")" = 1 ]

	# Final: every step is refused, amendments can no longer be decided,
	# the session cannot be changed.
	post runner "$SPATH/verslag" --data-urlencode "action=sluiten"
	[ "$status_code" = 409 ]
	run db -c "SELECT id FROM mm_session_save($S1, 1, $RUNNER_ID, NULL, 'x',
	    '', '', '', '', 0, '', 'x', '', '', '', '', NULL,
	    '{\"date\": \"2026-01-10\"}'::jsonb)"
	[ "$status" -ne 0 ]
	[[ "$output" == *"minutes are final"* ]]
	req -b "$(jar runner)" "$SPATH/bewerken"
	if [ "$status_code" != 404 ]; then
		[ "$status_code" = 409 ]
	fi
}

@test "the window can also close by itself; finalising works after it" {
	post runner "$S2PATH/verslag" --data-urlencode "action=openen"
	[ "$status_code" = 303 ]
	# The series' default: 7 days.
	[ "$(db -c "SELECT amend_until > now() + interval '6 days' FROM mm_session
	    WHERE item_id = $S2")" = t ]
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute'
	    WHERE item_id = $S2"
	post runner "$S2PATH/verslag" --data-urlencode "action=sluiten"
	[ "$status_code" = 409 ]
	post runner "$S2PATH/verslag" --data-urlencode "action=vaststellen"
	[ "$status_code" = 303 ]
	[ "$(state "$S2")" = definitief ]
}

@test "addenda: 409 before final, 422 when empty, dated after final; runners only" {
	local s3 p3
	s3=$(session "Derde $RUN" "derde-$RUN" 2026-03-10 "[]")
	p3="/masterminds/$SERIES/derde-$RUN"
	req -b "$(jar runner)" "$p3/addendum"
	[ "$status_code" = 409 ]
	assert_contains "Het verslag is nog niet definitief: pas het verslag zelf aan."
	mpost runner "$p3/addendum" --form-string "nonce=" --form-string "body=Vroeg"
	[ "$status_code" = 409 ]
	[ "$(textarea body)" = "Vroeg" ]

	req -b "$(jar stranger)" "$SPATH/addendum"
	[ "$status_code" = 403 ]
	req -b "$(jar part)" "$SPATH/addendum"
	[ "$status_code" = 403 ]
	req -b "$(jar runner)" "$SPATH/addendum"
	[ "$status_code" = 200 ]
	assert_html_headers
	local nonce
	nonce=$(field nonce)
	mpost runner "$SPATH/addendum" --form-string "nonce=$nonce" --form-string "body=   "
	[ "$status_code" = 422 ]
	mpost runner "$SPATH/addendum" --form-string "nonce=$nonce" \
	    --form-string "body=Later bleek: *meer* nodig."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$SPATH?gedaan=addendum#addenda" ]
	mpost runner "$SPATH/addendum" --form-string "nonce=$nonce" \
	    --form-string "body=Later bleek: *meer* nodig."
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM mm_addendum WHERE session_id = $S1")" = 1 ]
	[ "$(db -c "SELECT body_html FROM mm_addendum WHERE session_id = $S1")" = \
	    "<p>Later bleek: <em>meer</em> nodig.</p>" ]
	[ "$(audits mm_addendum "$S1")" = 1 ]
}

@test "every step left an audit row" {
	for a in mm_openen mm_amendement mm_overgenomen mm_afgewezen mm_sluiten \
	    mm_vaststellen mm_addendum; do
		[ "$(audits "$a" "$S1")" -ge 1 ] || { echo "no audit $a" >&2; return 1; }
	done
	[ "$(audits mm_amendement "$S1")" = 3 ]
	[ "$(audits mm_afgewezen "$S1")" = 2 ]
}

@test "notifications in Dutch: minutes open, an amendment proposed, a decision on yours" {
	req -b "$(jar part)" /meldingen
	[ "$status_code" = 200 ]
	assert_contains "Verslag runner $RUN vraagt je het verslag van <a href=\"$SPATH\">Workflow $RUN</a> aan te vullen."
	assert_contains "Verslag runner $RUN besliste over je aanvulling op het verslag van <a href=\"$SPATH#aanvulling-"
	req -b "$(jar runner)" /meldingen
	[ "$status_code" = 200 ]
	assert_contains "Verslag part $RUN stelde een aanvulling voor op het verslag van <a href=\"$SPATH#aanvulling-"
	# Switched off: no more of them.
	post part /account/meldingen --data-urlencode "k_reactie=1"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT in_app FROM notify_pref WHERE account_id = $PART_ID
	    AND kind = 'mastermind'")" = f ]
	req -b "$(jar part)" /account/meldingen
	assert_contains 'name="k_mastermind"'
	assert_contains 'name="k_actie"'
}
