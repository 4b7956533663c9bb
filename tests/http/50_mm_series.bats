#!/usr/bin/env bats
# Mastermind series (issue 8): starting one through the form (multipart,
# nonce), refusals with the typed text kept (missing name, unknown
# facilitator, no nonce), changing it (409 on a stale revision keeps the
# typed text, 403 for strangers), the series page (facilitators,
# sessions in date order, open actions of the whole series with the
# overdue mark, external owners only for signed-in readers), the 301
# from /masterminds/{session slug}, /masterminds and the actions list,
# and a members-only series: 404 to outsiders and visitors, absent from
# /masterminds. Sessions and actions are set up with the SQL functions.

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

# series JAR NAME [COMMUNITY] [FACILITATORS]: through the form; prints
# the slug.
series() {
	req -b "$(jar "$1")" /masterminds/nieuw
	local nonce
	nonce=$(field nonce)
	mpost "$1" /masterminds/nieuw --form-string "nonce=$nonce" \
	    --form-string "name=$2" --form-string "purpose=Samen *leren*." \
	    --form-string "community=${3:-}" \
	    --form-string "facilitators=${4:-}" --form-string "amend_days=7"
	[ "$status_code" = 303 ] || { echo "series: $status_code" >&2; return 1; }
	header location | sed -n 's|^/masterminds/\([a-z0-9-]*\)?gedaan=opgeslagen$|\1|p'
}

series_id() {
	db -c "SELECT id FROM mm_series WHERE slug = '$1'"
}

# session SERIES_ID ACTOR TITLE DATE [TIME]: prints the item id.
session() {
	db -v s="$1" -v a="$2" -v t="$3" -v d="$4" -v h="${5:-14:00}" <<'SQL'
SELECT id FROM mm_session_save(NULL, NULL, :'a', :'s', :'t', 'Kort.',
    'Inzicht.', '<p>Inzicht.</p>', '', 1, '',
    trim(both '-' from regexp_replace(lower(:'t'), '[^a-z0-9]+', '-', 'g')),
    '', '', '', '',
    NULL, jsonb_build_object('date', :'d', 'time', :'h',
    'duration', '90'));
SQL
}

# action SESSION ACTOR WHAT OWNER DUE: prints the action id.
action() {
	db -v s="$1" -v a="$2" -v w="$3" -v o="$4" -v d="$5" <<'SQL'
SELECT id FROM mm_action_save(NULL, :'s', :'a', NULL, :'w', :'o', :'d',
    'open', '', '', NULL, NULL);
SQL
}

# final SESSION ACTOR: through the workflow, with the window closed.
final() {
	db -c "SELECT mm_minutes_step($1, $2, 'openen', 1)" >/dev/null
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute'
	    WHERE item_id = $1"
	db -c "SELECT mm_minutes_step($1, $2, 'vaststellen', NULL)" >/dev/null
}

setup_file() {
	export RUN="s$$r$RANDOM"
	local e who
	for who in runner cofac other member; do
		e=$(unique_email "mms-$who")
		register "$who" "$e" "Serie $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export RUNNER_ID OTHER_ID MEMBER_ID COFAC_ID
	RUNNER_ID=$(cat "$BATS_FILE_TMPDIR/id-runner")
	COFAC_ID=$(cat "$BATS_FILE_TMPDIR/id-cofac")
	OTHER_ID=$(cat "$BATS_FILE_TMPDIR/id-other")
	MEMBER_ID=$(cat "$BATS_FILE_TMPDIR/id-member")
	db -c "INSERT INTO community (slug, name, visibility, membership)
	    VALUES ('mmleden-$RUN', 'Mmleden $RUN', 'leden', 'aanvraag')"
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, a.id, 'lid' FROM community c, account a
	    WHERE c.slug = 'mmleden-$RUN' AND a.id IN ($RUNNER_ID, $MEMBER_ID)"
}

@test "start a series: the form, the save, the page; a repeated nonce makes no second one" {
	local nonce slug
	req /masterminds/nieuw
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]

	req -b "$(jar runner)" /masterminds/nieuw
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains 'enctype="multipart/form-data"'
	assert_contains '<label for="facilitators">Gespreksleiders</label>'
	nonce=$(field nonce)
	[ -n "$nonce" ]
	mpost runner /masterminds/nieuw --form-string "nonce=$nonce" \
	    --form-string "name=Reeks Één $RUN" \
	    --form-string "purpose=Samen *leren* over de rol." \
	    --form-string "community=" \
	    --form-string "facilitators=Serie cofac $RUN" \
	    --form-string "amend_days=5"
	[ "$status_code" = 303 ]
	slug=$(header location | sed -n 's|^/masterminds/\([a-z0-9-]*\)?gedaan=opgeslagen$|\1|p')
	[ "$slug" = "reeks-een-$RUN" ]
	req -b "$(jar runner)" "/masterminds/$slug?gedaan=opgeslagen"
	[ "$status_code" = 200 ]
	assert_contains "<h1>Reeks Één $RUN</h1>"
	assert_contains 'De serie is opgeslagen.'
	assert_contains '<em>leren</em>'
	assert_contains "<a href=\"/mensen/$RUNNER_ID\">Serie runner $RUN</a>"
	assert_contains "<a href=\"/mensen/$COFAC_ID\">Serie cofac $RUN</a>"
	assert_contains "href=\"/masterminds/$slug/nieuw\""
	assert_contains "href=\"/masterminds/$slug/bewerken\""
	assert_contains "href=\"/masterminds/$slug/agenda.ics\""
	assert_contains 'Er zijn nog geen sessies gepland.'
	[ "$(db -c "SELECT amend_days FROM mm_series WHERE slug = '$slug'")" = 5 ]

	# The same nonce again: the same series, not a second one.
	mpost runner /masterminds/nieuw --form-string "nonce=$nonce" \
	    --form-string "name=Reeks Één $RUN" --form-string "amend_days=5"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == "/masterminds/$slug?"* ]]
	[ "$(db -c "SELECT count(*) FROM mm_series WHERE name = 'Reeks Één $RUN'")" = 1 ]

	# A visitor sees the page without the runners' links.
	req "/masterminds/$slug"
	[ "$status_code" = 200 ]
	assert_not_contains "/masterminds/$slug/bewerken"
	assert_contains 'Openbaar'
}

@test "refusals: missing name, unknown facilitator, bad days, no nonce; typed text kept" {
	local nonce
	req -b "$(jar runner)" /masterminds/nieuw
	nonce=$(field nonce)
	mpost runner /masterminds/nieuw --form-string "nonce=$nonce" \
	    --form-string "name=" --form-string "purpose=Mijn doel
met twee regels & <tekens>" --form-string "amend_days=40"
	[ "$status_code" = 422 ]
	assert_contains 'Vul een naam in.'
	assert_contains 'Kies een aantal dagen van 1 tot en met 30.'
	assert_contains 'aria-invalid="true"'
	[ "$(textarea purpose)" = "Mijn doel
met twee regels &amp; &lt;tekens&gt;" ]

	mpost runner /masterminds/nieuw --form-string "nonce=$nonce" \
	    --form-string "name=Reeks met onbekende $RUN" \
	    --form-string "facilitators=Niemand Bestaat $RUN" \
	    --form-string "amend_days=7"
	[ "$status_code" = 422 ]
	assert_contains "Er is geen lid met de naam &#39;Niemand Bestaat $RUN&#39;"
	assert_contains "value=\"Reeks met onbekende $RUN\""
	[ "$(textarea facilitators)" = "Niemand Bestaat $RUN" ]
	[ "$(db -c "SELECT count(*) FROM mm_series WHERE name = 'Reeks met onbekende $RUN'")" = 0 ]

	mpost runner /masterminds/nieuw --form-string "name=Zonder nonce $RUN" \
	    --form-string "amend_days=7"
	[ "$status_code" = 422 ]
	assert_contains 'Dit formulier was niet compleet.'
	[ -n "$(field nonce)" ]
	[ "$(db -c "SELECT count(*) FROM mm_series WHERE name = 'Zonder nonce $RUN'")" = 0 ]
}

@test "change a series: 409 on a stale revision keeps the typed text; 403 for a stranger" {
	local slug base
	slug=$(series runner "Wijzigreeks $RUN")
	req -b "$(jar runner)" "/masterminds/$slug/bewerken"
	[ "$status_code" = 200 ]
	base=$(field base)
	[ "$base" = 1 ]
	assert_contains "value=\"Wijzigreeks $RUN\""

	mpost runner "/masterminds/$slug/bewerken" --form-string "base=1" \
	    --form-string "name=Wijzigreeks $RUN" \
	    --form-string "purpose=Eerste wijziging." --form-string "amend_days=7" \
	    --form-string "facilitators=Serie runner $RUN"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT revision FROM mm_series WHERE slug = '$slug'")" = 2 ]

	mpost runner "/masterminds/$slug/bewerken" --form-string "base=1" \
	    --form-string "name=Wijzigreeks $RUN" \
	    --form-string "purpose=Mijn tweede tekst." --form-string "amend_days=7"
	[ "$status_code" = 409 ]
	assert_contains 'Iemand anders heeft de serie intussen gewijzigd'
	[ "$(textarea purpose)" = "Mijn tweede tekst." ]
	[ "$(field base)" = 2 ]
	[ "$(db -c "SELECT purpose_md FROM mm_series WHERE slug = '$slug'")" = "Eerste wijziging." ]

	req -b "$(jar other)" "/masterminds/$slug/bewerken"
	[ "$status_code" = 403 ]
	mpost other "/masterminds/$slug/bewerken" --form-string "base=2" \
	    --form-string "name=Gekaapt" --form-string "amend_days=7"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT name FROM mm_series WHERE slug = '$slug'")" = "Wijzigreeks $RUN" ]
	req "/masterminds/$slug/bewerken"
	[ "$status_code" = 303 ]
	req -b "$(jar runner)" "/masterminds/geen-serie-$RUN/bewerken"
	[ "$status_code" = 404 ]
}

@test "sessions in date order, open actions of the series, overdue mark, external owners" {
	local slug sid s1 s2 s3 a1
	slug=$(series runner "Ordereeks $RUN")
	sid=$(series_id "$slug")
	s3=$(session "$sid" "$RUNNER_ID" "Derde sessie $RUN" 2031-03-01)
	s1=$(session "$sid" "$RUNNER_ID" "Eerste sessie $RUN" 2020-01-10)
	s2=$(session "$sid" "$RUNNER_ID" "Tweede sessie $RUN" 2030-02-01 09:30)
	a1=$(action "$s1" "$RUNNER_ID" "Te late actie $RUN" "Serie member $RUN" 2020-02-01)
	action "$s2" "$RUNNER_ID" "Externe actie $RUN" "Buiten Persoon $RUN" 2999-01-01 >/dev/null
	action "$s1" "$RUNNER_ID" "Gesloten actie $RUN" "" "" >/dev/null
	db -c "UPDATE mm_action SET status = 'gedaan', closed_at = now()
	    WHERE what = 'Gesloten actie $RUN'"

	req -b "$(jar runner)" "/masterminds/$slug"
	[ "$status_code" = 200 ]
	python3 -c '
import sys
b = sys.stdin.read(); run = sys.argv[1]
i = [b.index(t + " sessie " + run) for t in ("Eerste", "Tweede", "Derde")]
assert i == sorted(i), i' "$RUN" <<<"$body"
	assert_contains 'Sessie 1:'
	assert_contains '<time datetime="2030-02-01T08:30Z">01-02-2030 om 09:30</time>'
	assert_contains 'Verslag: Concept'
	assert_contains "Te late actie $RUN"
	assert_contains '<tr class="mm-overdue">'
	assert_contains 'Te laat'
	assert_contains "<a href=\"/mensen/$MEMBER_ID\">Serie member $RUN</a>"
	assert_contains "Buiten Persoon $RUN <span class=\"mm-external\">(geen lid van Bron)</span>"
	assert_not_contains "Gesloten actie $RUN"
	assert_contains 'Open acties: 1'

	# A visitor: the sessions, but concept minutes' actions stay hidden.
	req "/masterminds/$slug"
	[ "$status_code" = 200 ]
	assert_contains "Derde sessie $RUN"
	assert_not_contains "Te late actie $RUN"
	assert_not_contains "Buiten Persoon $RUN"

	# Once final, a visitor sees the actions, an external owner only as
	# "iemand buiten Bron".
	final "$s2" "$RUNNER_ID"
	req "/masterminds/$slug"
	assert_contains "Externe actie $RUN"
	assert_contains 'iemand buiten Bron'
	assert_not_contains "Buiten Persoon $RUN"
	# Twice: the second answer comes from the page cache, the same.
	req "/masterminds/$slug"
	assert_contains 'iemand buiten Bron'
	assert_not_contains "Buiten Persoon $RUN"

	# The actions list: open by default, gedaan on asking.
	req -b "$(jar runner)" "/masterminds/$slug/acties"
	[ "$status_code" = 200 ]
	assert_contains "Te late actie $RUN"
	assert_not_contains "Gesloten actie $RUN"
	assert_contains 'aria-current="page"'
	req -b "$(jar runner)" "/masterminds/$slug/acties?status=gedaan"
	assert_contains "Gesloten actie $RUN"
	assert_not_contains "Te late actie $RUN"
	req -b "$(jar runner)" "/masterminds/$slug/acties?status=te_laat"
	assert_contains "Te late actie $RUN"
	assert_not_contains "Externe actie $RUN"
	req "/masterminds/$slug/acties?status=alle"
	assert_contains "Externe actie $RUN"
	assert_not_contains "Te late actie $RUN"
	req "/masterminds/$slug/acties?status=iets"
	[ "$status_code" = 404 ]

	# /masterminds lists the series with its counts and the final record.
	req -b "$(jar runner)" /masterminds
	[ "$status_code" = 200 ]
	assert_contains "Ordereeks $RUN"
	assert_contains 'Sessies: 3'
	assert_contains 'href="/masterminds/nieuw"'
	assert_contains "href=\"/masterminds/$slug/tweede-sessie-$(tr 'A-Z' 'a-z' <<<"$RUN")\""
}

@test "/masterminds/{session slug} answers 301 to the session's path" {
	local slug sid s sslug
	slug=$(series runner "Verwijsreeks $RUN")
	sid=$(series_id "$slug")
	s=$(session "$sid" "$RUNNER_ID" "Verwijssessie $RUN" 2030-05-05)
	sslug=$(db -c "SELECT slug FROM item WHERE id = $s")
	req "/masterminds/$sslug"
	[ "$status_code" = 301 ]
	[ "$(header location)" = "/masterminds/$slug/$sslug" ]
}

@test "a members-only series is 404 to outsiders and visitors and absent from /masterminds" {
	local slug sid s
	slug=$(series runner "Ledenreeks $RUN" "mmleden-$RUN")
	sid=$(series_id "$slug")
	s=$(session "$sid" "$RUNNER_ID" "Ledensessie $RUN" 2030-06-06)
	sslug=$(db -c "SELECT slug FROM item WHERE id = $s")
	req -b "$(jar member)" "/masterminds/$slug"
	[ "$status_code" = 200 ]
	assert_contains "<a href=\"/gemeenschappen/mmleden-$RUN\">Mmleden $RUN</a>"
	for j in other ""; do
		if [ -n "$j" ]; then set -- -b "$(jar "$j")"; else set --; fi
		req "$@" "/masterminds/$slug"
		[ "$status_code" = 404 ]
		req "$@" "/masterminds/$sslug"
		[ "$status_code" = 404 ]
		req "$@" "/masterminds/$slug/acties"
		[ "$status_code" = 404 ]
		req "$@" "/masterminds/$slug/agenda.ics"
		[ "$status_code" = 404 ]
		req "$@" /masterminds
		assert_not_contains "Ledenreeks $RUN"
		assert_not_contains "Ledensessie $RUN"
	done
	req -b "$(jar other)" "/masterminds/$slug/bewerken"
	[ "$status_code" = 404 ]

	# A stranger may not put a series in a community they are not in.
	req -b "$(jar other)" /masterminds/nieuw
	assert_not_contains "mmleden-$RUN"
	mpost other /masterminds/nieuw --form-string "nonce=$(field nonce)" \
	    --form-string "name=Indringer $RUN" \
	    --form-string "community=mmleden-$RUN" --form-string "amend_days=7"
	[ "$status_code" = 422 ]
	assert_contains 'Kies een gemeenschap uit de lijst.'
	[ "$(db -c "SELECT count(*) FROM mm_series WHERE name = 'Indringer $RUN'")" = 0 ]
}
