#!/usr/bin/env bats
# Review of issue 9 (stories): each test pins a bug found in review and
# fails without its fix.
load helpers
load story_fixture

setup_file() {
	local n=$$$RANDOM
	echo "$n" >"$BATS_FILE_TMPDIR/n"
	story_accounts "$n" lid verteller redacteur beheerder
}

# A flag on a story stays in the moderation queue after the storyteller
# withdrew it: the queue must not show its title, summary or pseudonym
# to anyone (R3: a withdrawn story reaches only its storyteller).
@test "a withdrawn story's title, summary and pseudonym leave the moderation queue" {
	local n i
	n=$(cat "$BATS_FILE_TMPDIR/n")
	i=$(story_published verteller "rv-mod-$n" "Rvmod$n" openbaar)
	db -c "SELECT flag_create($(id lid), NULL, $i, 'ongepast', 'Zie dit')" >/dev/null
	req -b "$(jar redacteur)" /redactie/meldingen
	[ "$status_code" = 200 ]
	assert_contains "Rvmod$n titel"
	db -c "SELECT story_withdraw($i, $(id verteller))" >/dev/null
	for r in redacteur beheerder; do
		req -b "$(jar "$r")" /redactie/meldingen
		[ "$status_code" = 200 ]
		assert_not_contains "Rvmod$n"
	done
}

# The audit view named a withdrawn story by its title and linked its
# slug (made from the title): after withdrawal only the number is left.
@test "the audit view names a withdrawn story by its number only" {
	local n i
	n=$(cat "$BATS_FILE_TMPDIR/n")
	i=$(story_published verteller "rv-audit-$n" "Rvaudit$n" openbaar)
	req -b "$(jar beheerder)" /beheer/audit
	[ "$status_code" = 200 ]
	assert_contains "Rvaudit$n titel"
	db -c "SELECT story_withdraw($i, $(id verteller))" >/dev/null
	req -b "$(jar beheerder)" /beheer/audit
	[ "$status_code" = 200 ]
	assert_not_contains "Rvaudit$n"
	assert_not_contains "rv-audit-$n"
	assert_contains "#$i"
}
