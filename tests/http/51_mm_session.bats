#!/usr/bin/env bats
# The session page (issue 8): what each reader sees of a session and its
# minutes. A visitor or stranger sees title, date and series while the
# minutes are a concept, never the minutes or participants; participant
# and runner see the minutes, the participants (members and external
# names with "geen lid van Bron"), actions with their update forms and
# the open actions of earlier sessions; a session of a members-only
# series is 404 to outsiders; final minutes are visible to visitors, the
# participants and external names still are not. Fixtures through the
# SQL functions of sql/007_mastermind.sql.

load helpers

load mm_session_fixture

@test "a visitor and a stranger see title, date and series of a concept, not its minutes" {
	req "/masterminds/$SERIES/eerste-$RUN"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Eerste $RUN"
	assert_contains "Serie $RUN"
	assert_contains "Sessie 1"
	assert_contains '<time datetime="2026-01-10T14:00">'
	assert_contains "Het verslag is nog niet definitief"
	assert_not_contains "INZICHT-CANARY"
	assert_not_contains "CASUS-CANARY"
	assert_not_contains "Externe Els"
	assert_not_contains "Sessie part $RUN"
	assert_not_contains "Protocol herschrijven"
	req -b "$(jar stranger)" "/masterminds/$SERIES/eerste-$RUN"
	[ "$status_code" = 200 ]
	assert_not_contains "INZICHT-CANARY"
	assert_not_contains "Externe Els"
	assert_not_contains 'action="/masterminds'
	# The export too: 404 before final for whoever may not read it.
	req "/masterminds/$SERIES/eerste-$RUN.md"
	[ "$status_code" = 404 ]
	req -b "$(jar stranger)" "/masterminds/$SERIES/eerste-$RUN.md"
	[ "$status_code" = 404 ]
}

@test "the runner and a participant see minutes, participants and actions" {
	local who
	for who in runner part; do
		req -b "$(jar "$who")" "/masterminds/$SERIES/eerste-$RUN"
		[ "$status_code" = 200 ]
		assert_contains "INZICHT-CANARY"
		assert_contains "CASUS-CANARY"
		assert_contains "Externe Els $RUN (ouder, geen lid van Bron)"
		assert_contains "href=\"/mensen/$PART_ID\">Sessie part $RUN</a>"
		assert_contains "id=\"actie-$A1\""
		assert_contains "Protocol herschrijven"
		assert_contains "Extern Eric $RUN (geen lid van Bron)"
		# Overdue: words and a class, never colour alone.
		assert_contains '<strong class="mm-overdue">Te laat</strong>'
		assert_contains "Verslag downloaden (Markdown)"
	done
	# The owner may update their own action; the runner every one.
	req -b "$(jar part)" "/masterminds/$SERIES/eerste-$RUN"
	assert_contains "action=\"/acties/$A1\""
	assert_not_contains "action=\"/acties/$A2\""
	assert_not_contains "/verslag\""
	req -b "$(jar runner)" "/masterminds/$SERIES/eerste-$RUN"
	assert_contains "action=\"/acties/$A2\""
	assert_contains "name=\"terug\" value=\"/masterminds/$SERIES/eerste-$RUN#actie-$A2\""
	assert_contains "name=\"sessie\" value=\"$S1\""
	assert_contains "action=\"/masterminds/$SERIES/eerste-$RUN/verslag\""
	assert_contains 'name="action" value="openen"'
	assert_contains 'name="dagen"'
	assert_contains "href=\"/masterminds/$SERIES/eerste-$RUN/bewerken\""
	assert_contains "href=\"/masterminds/$SERIES/eerste-$RUN/acties\""
}

@test "open actions of earlier sessions carry over, and those closed here" {
	req -b "$(jar runner)" "/masterminds/$SERIES/tweede-$RUN"
	[ "$status_code" = 200 ]
	assert_contains "Open acties uit eerdere sessies"
	assert_contains "id=\"actie-$A1\""
	assert_contains "id=\"actie-$A2\""
	assert_contains "id=\"actie-$A3\""
	assert_contains "name=\"sessie\" value=\"$S2\""
	# Closed in session 2: shown there with its status, gone from 3.
	db -c "SELECT error FROM mm_action_save($A1, NULL, $RUNNER_ID,
	    (SELECT revision FROM mm_action WHERE id = $A1), NULL, NULL, NULL,
	    'gedaan', 'Klaar', '', $S2, NULL)" >/dev/null
	req -b "$(jar runner)" "/masterminds/$SERIES/tweede-$RUN"
	assert_contains "afgesloten in deze sessie"
	assert_contains "Klaar"
	req -b "$(jar runner)" "/masterminds/$SERIES/derde-$RUN"
	assert_not_contains "id=\"actie-$A1\""
	assert_contains "id=\"actie-$A2\""
	assert_contains "Sessie 3"
}

@test "a session of a members-only series is 404 to outsiders" {
	req "/masterminds/dicht-$RUN/besloten-$RUN"
	[ "$status_code" = 404 ]
	assert_not_contains "Besloten $RUN"
	req -b "$(jar stranger)" "/masterminds/dicht-$RUN/besloten-$RUN"
	[ "$status_code" = 404 ]
	req -b "$(jar stranger)" "/masterminds/dicht-$RUN/besloten-$RUN.md"
	[ "$status_code" = 404 ]
	req -b "$(jar member)" "/masterminds/dicht-$RUN/besloten-$RUN"
	[ "$status_code" = 200 ]
	assert_contains "Besloten $RUN"
	assert_not_contains "INZICHT-CANARY"
	# Not in another series' path either.
	req -b "$(jar runner)" "/masterminds/$SERIES/besloten-$RUN"
	[ "$status_code" = 404 ]
}

@test "final minutes: visitors read them, never participants or external names" {
	final "$S2"
	local i
	for i in 1 2; do
		req "/masterminds/$SERIES/tweede-$RUN"
		[ "$status_code" = 200 ]
		assert_contains "INZICHT-CANARY"
		assert_contains "Definitief"
		assert_not_contains "Externe Els"
		assert_not_contains "Sessie part $RUN"
		assert_not_contains "Extern Fien"
		assert_contains "iemand buiten Bron"
		assert_not_contains 'action="/acties/'
	done
	req -b "$(jar stranger)" "/masterminds/$SERIES/tweede-$RUN"
	assert_contains "Externe Els $RUN"
	assert_contains "Extern Fien $RUN"
	req -b "$(jar runner)" "/masterminds/$SERIES/tweede-$RUN"
	assert_contains "href=\"/masterminds/$SERIES/tweede-$RUN/addendum\""
	assert_not_contains "/bewerken\""
	req "/masterminds/$SERIES/tweede-$RUN?gedaan=vastgesteld"
	assert_contains "Het verslag is vastgesteld"
}
