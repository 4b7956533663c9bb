#!/usr/bin/env bats
# The Markdown export of a session's minutes (issue 8):
# /masterminds/{serie}/{sessie}.md. Its content (title, series, date,
# facilitator, participants, sections as ## headings with their
# Markdown, actions as a list, dated addenda), its headers (text/markdown,
# an attachment named after the slug), 404 for whoever may not read the
# minutes (a stranger before final, an outsider of a members-only
# series), and external names absent for visitors after final.

load helpers

MM_CASE_MD='Casus **vet**'
load mm_session_fixture

@test "the export holds the minutes as Markdown for the runner" {
	req -b "$(jar runner)" "/masterminds/$SERIES/eerste-$RUN.md"
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "text/markdown; charset=utf-8" ]
	[ "$(header content-disposition)" = "attachment; filename=\"eerste-$RUN.md\"" ]
	[ "$(header x-content-type-options)" = "nosniff" ]
	assert_contains "# Eerste $RUN"
	assert_contains "- Serie: Serie $RUN (Sessie 1)"
	assert_contains "- Datum: 10-01-2026, 14:00-15:30"
	assert_contains "- Gespreksleider: Sessie runner $RUN"
	assert_contains "## Deelnemers"
	assert_contains "- Sessie part $RUN"
	assert_contains "- Externe Els $RUN (ouder)"
	assert_contains "## Casus of vraag"
	assert_contains "Casus **vet**"
	assert_contains "## Inzichten"
	assert_contains "## Afspraken"
	assert_contains "- Protocol herschrijven — Sessie part $RUN — 01-01-2020 — Open (Te laat)"
	assert_contains "- Ouders bellen — Extern Eric $RUN — 01-01-2030 — Open"
}

@test "before final: 404 for visitors and strangers, 200 for a participant" {
	req "/masterminds/$SERIES/eerste-$RUN.md"
	[ "$status_code" = 404 ]
	assert_not_contains "INZICHT"
	req -b "$(jar stranger)" "/masterminds/$SERIES/eerste-$RUN.md"
	[ "$status_code" = 404 ]
	req -b "$(jar part)" "/masterminds/$SERIES/eerste-$RUN.md"
	[ "$status_code" = 200 ]
	assert_contains "Inzicht INZICHT-CANARY."
	# A reader of the series who is no participant: not before final.
	req -b "$(jar member)" "/masterminds/dicht-$RUN/besloten-$RUN.md"
	[ "$status_code" = 404 ]
	req -b "$(jar runner)" "/masterminds/dicht-$RUN/besloten-$RUN.md"
	[ "$status_code" = 200 ]
	req -b "$(jar stranger)" "/masterminds/dicht-$RUN/besloten-$RUN.md"
	[ "$status_code" = 404 ]
	req "/masterminds/$SERIES/bestaat-niet-$RUN.md"
	[ "$status_code" = 404 ]
}

@test "after final: visitors get the minutes without participants or external names" {
	final "$S1"
	db -c "SELECT mm_addendum_add($S1, $RUNNER_ID, 'Later nog ADDENDUM-TEKST.',
	    '<p>Later</p>', NULL)" >/dev/null
	req "/masterminds/$SERIES/eerste-$RUN.md"
	[ "$status_code" = 200 ]
	assert_contains "Inzicht INZICHT-CANARY."
	assert_contains "## Addenda"
	assert_contains "ADDENDUM-TEKST"
	assert_not_contains "## Deelnemers"
	assert_not_contains "Externe Els"
	assert_not_contains "Extern Eric"
	assert_contains "Ouders bellen — iemand buiten Bron"
	# Signed in: the names are there.
	req -b "$(jar stranger)" "/masterminds/$SERIES/eerste-$RUN.md"
	[ "$status_code" = 200 ]
	assert_contains "Externe Els $RUN (ouder)"
	assert_contains "Extern Eric $RUN"
	# The session page links the export.
	req "/masterminds/$SERIES/eerste-$RUN"
	assert_contains "href=\"/masterminds/$SERIES/eerste-$RUN.md\">Verslag downloaden (Markdown)</a>"
}
