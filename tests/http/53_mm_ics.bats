#!/usr/bin/env bats
# A series' calendar (issue 8): /masterminds/{serie}/agenda.ics parsed
# by tests/ics_check.py (CRLF, 75 octets, folding, nesting, required
# properties, UTC date-times, DTSTART < DTEND, escaping), a title with
# , ; \ and a newline coming back unchanged, a long UTF-8 title folded
# without splitting a character, the 90-day window, no participants or
# external names in it, the SEQUENCE raised by a change of time, and a
# members-only series' calendar 404 for visitors and outsiders.

load helpers

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

# session SERIES_ID TITLE DATE TIME [LOCATION]: prints the item id.
session() {
	db -v s="$1" -v a="$RUNNER_ID" -v t="$2" -v d="$3" -v h="$4" \
	    -v l="${5:-}" -v slug="ics-$RANDOM$RANDOM" <<'SQL'
SELECT id FROM mm_session_save(NULL, NULL, :'a', :'s', :'t', 'Kort.',
    'Inzicht.', '<p>Inzicht.</p>', '', 1, '', :'slug', '', '', '', '',
    NULL, jsonb_build_object('date', :'d', 'time', :'h',
    'duration', '90', 'location', :'l',
    'participants', jsonb_build_array(
	jsonb_build_object('name', 'Geheime Gast ' || :'s', 'role', 'gast'),
	jsonb_build_object('name', (SELECT display_name FROM account
	    WHERE id = :'a'::bigint), 'role', ''))));
SQL
}

# fetch PATH [JAR]: the calendar into $BATS_TEST_TMPDIR/cal.ics.
fetch() {
	local args=()
	[ -n "${2:-}" ] && args=(-b "$(jar "$2")")
	curl -s -o "$BATS_TEST_TMPDIR/cal.ics" -D "$BATS_TEST_TMPDIR/h" \
	    -w '%{http_code}' "${args[@]}" "$BRON_URL$1"
}

setup_file() {
	export RUN="c$$r$RANDOM"
	local e who
	for who in runner other; do
		e=$(unique_email "ics-$who")
		register "$who" "$e" "Agenda $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export RUNNER_ID SERIES SERIES_ID CLOSED CLOSED_ID
	RUNNER_ID=$(cat "$BATS_FILE_TMPDIR/id-runner")
	SERIES="agenda-$RUN"
	SERIES_ID=$(db -v a="$RUNNER_ID" -v slug="$SERIES" <<'SQL'
SELECT id FROM mm_series_save(NULL, NULL, :'a', 'Agenda; reeks, met \ tekens',
    :'slug', '', '', '', '', 7, NULL);
SQL
)
	db -c "INSERT INTO community (slug, name, visibility, membership)
	    VALUES ('icsleden-$RUN', 'Icsleden $RUN', 'leden', 'aanvraag')"
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, $RUNNER_ID, 'lid' FROM community c
	    WHERE c.slug = 'icsleden-$RUN'"
	CLOSED="agendaleden-$RUN"
	CLOSED_ID=$(db -v a="$RUNNER_ID" -v slug="$CLOSED" -v c="icsleden-$RUN" <<'SQL'
SELECT id FROM mm_series_save(NULL, NULL, :'a', 'Besloten agenda', :'slug',
    '', '', :'c', '', 7, NULL);
SQL
)
}

@test "the calendar parses strictly, escapes round trip and long UTF-8 titles fold cleanly" {
	local s1 s2 old title long code
	title='Casus, vraag; pad C:\map
tweede regel'
	long="Sessie met een heel lange titel: ééén café, crème brûlée en 😀 emoji 🎉 — $RUN 💡 nog wat meer tekst éé"
	s1=$(session "$SERIES_ID" "$title" 2031-01-15 14:00 "Utrecht, zaal 3; achter")
	s2=$(session "$SERIES_ID" "$long" 2031-02-15 09:30)
	old=$(session "$SERIES_ID" "Oude sessie $RUN" 2020-01-01 10:00)
	code=$(fetch "/masterminds/$SERIES/agenda.ics")
	[ "$code" = 200 ]
	grep -qi '^content-type: text/calendar; charset=utf-8' "$BATS_TEST_TMPDIR/h"
	python3 tests/ics_check.py "$BATS_TEST_TMPDIR/cal.ics"
	python3 tests/ics_check.py "$BATS_TEST_TMPDIR/cal.ics" --dump >"$BATS_TEST_TMPDIR/cal.json"
	python3 - "$BATS_TEST_TMPDIR/cal.json" "$s1" "$s2" "$old" "$title" "$long" "$SERIES" <<'PY'
import json, sys
cal = json.load(open(sys.argv[1]))
s1, s2, old, title, long, series = sys.argv[2:9]
c = cal["calendar"]
assert c["X-WR-CALNAME"] == "Agenda; reeks, met \\ tekens", c
ev = {e["UID"]: e for e in cal["events"]}
assert s1 + "@bron" in ev and s2 + "@bron" in ev, ev.keys()
assert old + "@bron" not in ev, "a session older than 90 days"
e = ev[s1 + "@bron"]
assert e["SUMMARY"] == title, repr(e["SUMMARY"])
assert e["LOCATION"] == "Utrecht, zaal 3; achter", e
# 14:00 in Amsterdam in January is 13:00 UTC; 90 minutes.
assert e["DTSTART"] == "20310115T130000Z" and e["DTEND"] == "20310115T143000Z", e
assert e["URL"].endswith("/masterminds/" + series + "/" + e["URL"].rsplit("/", 1)[1])
assert "Agenda; reeks, met \\ tekens" in e["DESCRIPTION"] and e["URL"] in e["DESCRIPTION"]
assert e["STATUS"] == "CONFIRMED" and e["SEQUENCE"] == 0
assert ev[s2 + "@bron"]["SUMMARY"] == long
assert "LOCATION" not in ev[s2 + "@bron"]
PY
	# The long title really was folded.
	[ "$(grep -c $'^ ' "$BATS_TEST_TMPDIR/cal.ics")" -ge 1 ]
	# No participants, nothing from the minutes.
	! grep -q 'Geheime Gast' "$BATS_TEST_TMPDIR/cal.ics"
	! grep -q 'Inzicht' "$BATS_TEST_TMPDIR/cal.ics"
	! grep -q 'gast' "$BATS_TEST_TMPDIR/cal.ics"
}

@test "a new time raises the SEQUENCE" {
	local s code
	s=$(session "$SERIES_ID" "Verschuifsessie $RUN" 2031-05-01 10:00)
	db -v s="$s" -v a="$RUNNER_ID" <<'SQL' >/dev/null
SELECT mm_session_save(:'s', (SELECT revision FROM item WHERE id = :'s'),
    :'a', NULL, 'Verschuifsessie', 'Kort.', 'Inzicht.', '<p>Inzicht.</p>',
    '', 1, '', NULL, '', '', '', '', NULL,
    jsonb_build_object('date', '2031-05-02', 'time', '11:00'));
SQL
	code=$(fetch "/masterminds/$SERIES/agenda.ics")
	[ "$code" = 200 ]
	python3 tests/ics_check.py "$BATS_TEST_TMPDIR/cal.ics" --dump >"$BATS_TEST_TMPDIR/cal.json"
	python3 - "$BATS_TEST_TMPDIR/cal.json" "$s" <<'PY'
import json, sys
ev = {e["UID"]: e for e in json.load(open(sys.argv[1]))["events"]}
e = ev[sys.argv[2] + "@bron"]
assert e["SEQUENCE"] == 1 and e["DTSTART"] == "20310502T090000Z", e
PY
}

@test "a members-only series' calendar is 404 to visitors and outsiders" {
	session "$CLOSED_ID" "Besloten sessie $RUN" 2031-03-03 10:00 >/dev/null
	[ "$(fetch "/masterminds/$CLOSED/agenda.ics")" = 404 ]
	! grep -q "Besloten sessie" "$BATS_TEST_TMPDIR/cal.ics"
	[ "$(fetch "/masterminds/$CLOSED/agenda.ics" other)" = 404 ]
	[ "$(fetch "/masterminds/$CLOSED/agenda.ics" runner)" = 200 ]
	python3 tests/ics_check.py "$BATS_TEST_TMPDIR/cal.ics"
	grep -q "Besloten sessie $RUN" "$BATS_TEST_TMPDIR/cal.ics"
	grep -qi '^cache-control: private, no-store' "$BATS_TEST_TMPDIR/h"
	[ "$(fetch "/masterminds/geen-$RUN/agenda.ics")" = 404 ]
}

@test "the masterminds feed holds final public records only, never participants" {
	local s
	s=$(session "$SERIES_ID" "Feedsessie $RUN" 2030-09-09 10:00)
	req /feeds/masterminds.atom
	[ "$status_code" = 200 ]
	assert_not_contains "Feedsessie $RUN"
	db -c "SELECT mm_minutes_step($s, $RUNNER_ID, 'openen', 1)" >/dev/null
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute' WHERE item_id = $s"
	db -c "SELECT mm_minutes_step($s, $RUNNER_ID, 'vaststellen', NULL)" >/dev/null
	req /feeds/masterminds.atom
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "application/atom+xml; charset=utf-8" ]
	assert_contains "Feedsessie $RUN"
	assert_not_contains 'Geheime Gast'
	python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())' <<<"$body"
	# A closed series' final record stays out.
	s=$(session "$CLOSED_ID" "Besloten feed $RUN" 2030-09-09 10:00)
	db -c "SELECT mm_minutes_step($s, $RUNNER_ID, 'openen', 1)" >/dev/null
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute' WHERE item_id = $s"
	db -c "SELECT mm_minutes_step($s, $RUNNER_ID, 'vaststellen', NULL)" >/dev/null
	req /feeds/masterminds.atom
	assert_not_contains "Besloten feed $RUN"
}
